// What the 核查 page shows of a report: the findings a filter keeps, each kind's name, and a
// finding's 核实情况 in words.

import type { AuditEntry, AuditReport, FindingKind } from '../../api/audit';
import { FINDING_KINDS } from '../../api/audit';

export type StateFilter = 'all' | 'open' | 'verified';

export interface Filters {
  /** 'all' for every kind (an Element Plus select shows '' as unselected). */
  kind: FindingKind | 'all';
  state: StateFilter;
}

/** The kind's name, as the workbook and the CLI name it. */
export function kindLabel(kind: FindingKind): string {
  return FINDING_KINDS[kind];
}

/** The findings the filters keep, in the report's order. */
export function filterFindings(report: AuditReport, filters: Filters): AuditEntry[] {
  return report.findings.filter(
    (e) =>
      (filters.kind === 'all' || e.finding.kind === filters.kind) &&
      (filters.state === 'all' || (filters.state === 'verified') === (e.mark !== null)),
  );
}

/** The kinds found at least once, with their counts, for the filter. */
export function foundKinds(report: AuditReport): { kind: FindingKind; found: number; verified: number }[] {
  return report.counts.filter((c) => c.found > 0);
}

/** How many findings, and how many marked. */
export function totals(report: AuditReport): { found: number; verified: number } {
  return {
    found: report.findings.length,
    verified: report.findings.filter((e) => e.mark !== null).length,
  };
}
