// 核查 (src-tauri/src/audit.rs): the audit of the database's history on a day, a finding marked
// 已核实 with a reason or its mark withdrawn (each recorded in the 操作日志), and the findings
// saved as a workbook. `AuditReport` and FINDING_KINDS are generated from kaohe_desk/kaohe_engine.

import { Channel } from '@tauri-apps/api/core';
import { call } from './call';
import type { AuditReport, ExportProgress, FindingMark, IsoDate } from './types';

export type { AuditEntry, AuditReport, FindingKind, FindingMark } from './types';
export { FINDING_KINDS } from './types';

/** The audit on `asOf`, as `kaohe audit --as-of … --json`. */
export function audit(asOf: IsoDate): Promise<AuditReport> {
  return call('audit', { asOf });
}

/** Marks a finding 已核实 with the clerk's reason; the mark as recorded. */
export function auditMark(key: string, reason: string, by: string): Promise<FindingMark> {
  return call('audit_mark', { key, reason, by });
}

/** Withdraws a finding's mark, with a reason; whether there was one. */
export function auditUnmark(key: string, reason: string, by: string): Promise<boolean> {
  return call('audit_unmark', { key, reason, by });
}

/** The findings on `asOf` saved as a workbook where the clerk chooses; null when cancelled. */
export function exportAudit(asOf: IsoDate, onProgress: (p: ExportProgress) => void): Promise<string | null> {
  const channel = new Channel<ExportProgress>();
  channel.onmessage = onProgress;
  return call('export_audit', { asOf, onProgress: channel });
}
