// The `operation_log` command: the 操作日志. `Operation`, `OperationKind` and OPERATION_KINDS are
// generated from kaohe_store (./generated, re-exported by ./types).

import { call } from './call';
import { OPERATION_KINDS, type Operation, type OperationKind } from './types';

export type { Operation, OperationKind } from './types';
export { OPERATION_KINDS } from './types';

// OPERATION_KINDS (generated) lists every generated OperationKind (this line stops compiling when Rust adds one).
true satisfies OperationKind extends (typeof OPERATION_KINDS)[number] ? true : false;

/** The log, newest first; `year` is the assessment year of the committee's decisions, the calendar year of the rest. */
export function operationLog(kind: OperationKind | null, year: number | null): Promise<Operation[]> {
  return call('operation_log', { kind, year });
}
