// Types of the values that cross the IPC boundary. They mirror the Rust definitions:
// `src-tauri/src/error.rs` (ErrorCode), `src-tauri/src/commands.rs` (AppInfo, ImportOutcome) and
// `kaohe_engine::report::PromotionReport` (the JSON contract of `kaohe promote --json`,
// docs/cli.md). A test in src-tauri checks that ERROR_CODES matches the Rust enum.

/** Every code the shell may send in an error. Closed set: mirrors `ErrorCode` in Rust. */
export const ERROR_CODES = [
  'file_unreadable',
  'sheet_missing',
  'column_missing',
  'nothing_readable',
  'profile_invalid',
  'database',
  'bad_argument',
  'write_failed',
  'year_locked',
  'year_not_locked',
  'not_graded',
  'cannot_finalize',
  'reason_required',
  'unknown_person',
  'unknown_organ',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The shape of every error a command rejects with. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

/** A calendar date as text, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface AppInfo {
  name: string;
  version: string;
  db_path: string;
  people: number;
  organs: number;
  results: number;
  /** True when the shell runs its CI self-test (env KAOHE_SELFTEST). */
  selftest: boolean;
}

export interface ImportOutcome {
  people: number;
  organs: number;
  results: number;
  restrictions: number;
  new_people: number;
  updated_people: number;
  /** Number of problems (errors and warnings) found in the workbook. */
  issues: number;
}

/** `blocks[].code` in docs/cli.md. */
export type BlockCode =
  | 'sanction'
  | 'admonition'
  | 'investigation'
  | 'basic_competent'
  | 'organ_cap'
  | 'top_of_ladder';

/** `slot` in docs/cli.md; null when not eligible. */
export type SlotCode = 'unlimited' | 'within_pool' | 'proposed' | 'waiting' | 'not_approved';

export interface PromotionBlock {
  code: BlockCode;
  /** The last day the block applies; null when open-ended. */
  until: IsoDate | null;
  reason: string;
}

export interface PromotionPerson {
  id: string;
  name: string;
  organ: string;
  category: string;
  rank: string;
  target_rank: string | null;
  required_months: number | null;
  counting_from: IsoDate;
  counted_months: number;
  qualified: boolean;
  eligible: boolean;
  eligible_on: IsoDate | null;
  slot: SlotCode | null;
  blocks: PromotionBlock[];
  reasons: string[];
}

export interface PromotionPool {
  organ: string;
  pool: string;
  approved: number | null;
  held: number;
  free: number | null;
  candidates: string[];
  proposed: string[];
}

export type IssueSeverity = 'error' | 'warning';

export interface Issue {
  sheet: string;
  row: number | null;
  column: string | null;
  header: string | null;
  value: string | null;
  code: string;
  severity: IssueSeverity;
  message: string;
}

export interface PromotionReport {
  as_of: IsoDate;
  profile: { id: string; name: string; version: string };
  people: PromotionPerson[];
  pools: PromotionPool[];
  /** Present in `kaohe promote --json`; the desktop command may leave it out. */
  issues?: Issue[];
}
