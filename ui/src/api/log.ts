// The `operation_log` command: the 操作日志. Types mirror kaohe_store::operations::Operation.

import { call } from './call';

/** Every kind of entry, in the order the filter offers them (`OPERATION_KINDS` in Rust). */
export const OPERATION_KINDS = ['import', 'override', 'ratio', 'finalize', 'reopen', 'backup', 'restore', 'profile'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export interface Operation {
  kind: OperationKind;
  /** `YYYY-MM-DD HH:MM:SS`, local time. */
  at: string;
  /** The 操作人; empty when none was recorded. */
  by: string;
  /** The assessment year of an override, ratio, finalisation or reopening. */
  year: number | null;
  /** The file (import, backup, restore, rule profile) or the person's name (override). */
  subject: string | null;
  /** The person's ID (override). */
  person_id: string | null;
  from: string | null;
  to: string | null;
  /** The reason or basis given. */
  reason: string | null;
  /** People imported, or held by the restored database. */
  people: number | null;
  /** Problems found in the imported roster. */
  issues: number | null;
}

/** The log, newest first; `year` is the assessment year of the committee's decisions, the calendar year of the rest. */
export function operationLog(kind: OperationKind | null, year: number | null): Promise<Operation[]> {
  return call<Operation[]>('operation_log', { kind, year });
}
