// The 导入 wizard's logic without the page: the steps, the request it sends, the column mapping
// the clerk edits, the issues filter, the planned changes counted, the progress text.

import type {
  FieldChoice,
  ImportLayout,
  ImportPlan,
  ImportProgress,
  ImportRequest,
  MappedColumn,
} from '../../api/import';
import type { Issue, IssueSeverity } from '../../api/types';

export type Step = 'file' | 'setup' | 'check' | 'result';
export const STEPS: Step[] = ['file', 'setup', 'check', 'result'];

/** A year's results column is mapped as `年度考核:YYYY`. */
export const YEAR_PREFIX = '年度考核:';

/** Column letter → field ('' = 不导入). */
export type Mapping = Record<string, string>;

/** The mapping as the reader proposes it. */
export function mappingOf(columns: MappedColumn[]): Mapping {
  const mapping: Mapping = {};
  for (const c of columns) mapping[c.column] = c.field ?? '';
  return mapping;
}

/** How sure the reader was of a column's field. */
export type ConfidenceLevel = 'exact' | 'synonym' | 'year' | 'manual' | 'none';

/** The level shown beside a column: what the reader proposed, or 「已确认」 once the clerk changed it. */
export function confidenceLevel(column: MappedColumn, chosen: string): ConfidenceLevel {
  if (chosen !== (column.field ?? '')) return 'manual';
  if (column.confidence >= 1) return column.field === null ? 'manual' : 'exact';
  if (column.confidence >= 0.85) return 'synonym';
  if (column.confidence > 0) return 'year';
  return 'none';
}

/** The confidence as a percentage, for the bar beside each column. */
export function confidencePercent(column: MappedColumn, chosen: string): number {
  if (chosen !== (column.field ?? '')) return 100;
  return Math.round(column.confidence * 100);
}

/** The year a `年度考核:YYYY` value names, or null. */
export function yearOf(field: string): number | null {
  if (!field.startsWith(YEAR_PREFIX)) return null;
  const year = Number(field.slice(YEAR_PREFIX.length));
  return Number.isInteger(year) ? year : null;
}

/** The choices for a column: 不导入, the people fields, then years' results (those in the file, and the recent ones). */
export interface FieldOption {
  value: string;
  name: string;
  required: boolean;
  year: number | null;
}

export function fieldOptions(fields: FieldChoice[], columns: MappedColumn[], thisYear: number): FieldOption[] {
  const years = new Set<number>();
  for (const c of columns) {
    const y = c.field === null ? null : yearOf(c.field);
    if (y !== null) years.add(y);
  }
  for (let y = thisYear - 5; y <= thisYear; y += 1) years.add(y);
  const options: FieldOption[] = fields.map((f) => ({ value: f.name, name: f.name, required: f.required, year: null }));
  for (const y of [...years].sort((a, b) => b - a)) {
    options.push({ value: `${YEAR_PREFIX}${y}`, name: `${YEAR_PREFIX}${y}`, required: false, year: y });
  }
  return options;
}

/** Required fields no column is mapped to. */
export function missingFields(fields: FieldChoice[], mapping: Mapping): string[] {
  const chosen = new Set(Object.values(mapping));
  return fields.filter((f) => f.required && !chosen.has(f.name)).map((f) => f.name);
}

/** Fields chosen for more than one column (the reader takes the first). */
export function duplicateFields(mapping: Mapping): string[] {
  const count = new Map<string, number>();
  for (const f of Object.values(mapping)) if (f !== '') count.set(f, (count.get(f) ?? 0) + 1);
  return [...count].filter(([, n]) => n > 1).map(([f]) => f);
}

/** Whether the clerk's mapping differs from the proposed one. */
export function mappingEdited(columns: MappedColumn[], mapping: Mapping): boolean {
  return columns.some((c) => (mapping[c.column] ?? '') !== (c.field ?? ''));
}

/** What the wizard holds about the clerk's choices. */
export interface WizardChoices {
  path: string;
  sheet: string | null;
  headerRow: number | null;
  /** Sent when the clerk edited it or it came from a confirmed mapping (then saved on apply). */
  mapping: Mapping | null;
  /** The national template's year; null for a roster. */
  year: number | null;
  /** IDs whose different name the clerk confirmed as a change of name. */
  confirmRenames: string[];
}

export function requestOf(choices: WizardChoices): ImportRequest {
  return {
    path: choices.path,
    sheet: choices.sheet,
    header_row: choices.headerRow,
    mapping: choices.year === null ? choices.mapping : null,
    year: choices.year,
    confirm_renames: choices.year === null ? [...choices.confirmRenames].sort() : [],
  };
}

/** The confirmed IDs with `id` confirmed (`on`) or not. */
export function toggleRename(confirmed: string[], id: string, on: boolean): string[] {
  const rest = confirmed.filter((c) => c !== id);
  return on ? [...rest, id] : rest;
}

/** The mapping to send for a layout: the clerk's when edited or reused, else none (the reader decides). */
export function mappingToSend(layout: ImportLayout, mapping: Mapping): Mapping | null {
  if (layout.national) return null;
  return layout.mapping_reused || mappingEdited(layout.columns, mapping) ? { ...mapping } : null;
}

export type SeverityFilter = 'all' | IssueSeverity;

export function filterIssues(issues: Issue[], filter: SeverityFilter): Issue[] {
  return filter === 'all' ? issues : issues.filter((i) => i.severity === filter);
}

export function severityCounts(issues: Issue[]): Record<SeverityFilter, number> {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { all: issues.length, error: errors, warning: issues.length - errors };
}

/** The planned changes, counted, in the order they are shown. */
export const CHANGE_KINDS = ['new', 'updated', 'missing', 'moved', 'rank', 'category', 'results', 'unchanged'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export function changeCounts(plan: ImportPlan): Record<ChangeKind, number> {
  return {
    new: plan.new.length,
    updated: plan.updated.length,
    missing: plan.missing.length,
    moved: plan.moved.length,
    rank: plan.rank_changed.length,
    category: plan.category_changed.length,
    results: plan.results,
    unchanged: plan.unchanged,
  };
}

/** The people of one kind of change, as lines to list (at most `limit`). */
export function changeLines(plan: ImportPlan, kind: ChangeKind, limit: number): string[] {
  const lines: string[] = (() => {
    switch (kind) {
      case 'new':
        return plan.new.map(({ id, name }) => `${name}（${id}）`);
      case 'updated':
        return plan.updated.map(
          (p) =>
            `${p.name}：${p.fields.map(({ field, from, to }) => `${field} ${from ?? '（空）'} → ${to ?? '（空）'}`).join('；')}`,
        );
      case 'missing':
        return plan.missing.map(({ id, name, organ }) => `${name}（${organ}，${id}）`);
      case 'moved':
        return plan.moved.map(({ name, from, to }) => `${name}：${from} → ${to}`);
      case 'rank':
        return plan.rank_changed.map(({ name, from, to }) => `${name}：${from} → ${to}`);
      case 'category':
        return plan.category_changed.map(({ name, from, to }) => `${name}：${from} → ${to}`);
      default:
        return [];
    }
  })();
  return lines.slice(0, limit);
}

/** Percent of the running work, for the progress bar. */
export function progressPercent(p: ImportProgress | null): number {
  if (p === null || p.total <= 0) return 0;
  return Math.min(100, Math.round((p.done / p.total) * 100));
}

/** The one roster file among dropped paths (the first), or null. */
export function droppedFile(paths: string[]): string | null {
  return paths.find((p) => p.trim() !== '') ?? null;
}

/** The file's name from its path (either separator). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
