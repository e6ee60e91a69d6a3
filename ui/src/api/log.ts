// The `operation_log` command: the 操作日志. `Operation` and `OperationKind` are generated from
// kaohe_store::operations (./generated, re-exported by ./types).

import { call } from './call';
import type { Operation, OperationKind } from './types';

export type { Operation, OperationKind } from './types';

/** Every kind of entry, in the order the filter offers them (`OPERATION_KINDS` in Rust, whose union `OperationKind` is). */
export const OPERATION_KINDS = [
  'import',
  'override',
  'supplement',
  'ratio',
  'finalize',
  'reopen',
  'backup',
  'restore',
  'profile',
  'operator',
  'password',
] as const satisfies readonly OperationKind[];
// OPERATION_KINDS lists every generated OperationKind (this line stops compiling when Rust adds one).
true satisfies OperationKind extends (typeof OPERATION_KINDS)[number] ? true : false;

/** The log, newest first; `year` is the assessment year of the committee's decisions, the calendar year of the rest. */
export function operationLog(kind: OperationKind | null, year: number | null): Promise<Operation[]> {
  return call<Operation[]>('operation_log', { kind, year });
}
