// Types of the values that cross the IPC boundary. They mirror the Rust definitions:
// `src-tauri/src/error.rs` (ErrorCode), `src-tauri/src/state.rs` (AppInfo, ImportOutcome,
// PrintPreview), `kaohe_print::DOCUMENTS` (PRINT_DOCUMENTS) and
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
  'no_preview',
  'internal',
  'cancelled',
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

// ── 年度考核: `kaohe_engine::assessment::report::AssessmentReport` (`kaohe assess --json`,
// docs/cli.md) and `AssessmentLogEntry` in src-tauri/src/state.rs (`kaohe assess log --json`).

/** 优秀, 称职, 基本称职, 不称职 (`Grade::name` in Rust). */
export const GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;
export type Grade = (typeof GRADES)[number];

/** "1"–"4" for a final grade; "5A", "5B", "5C", "6A" when not graded. */
export type ResultCode = '1' | '2' | '3' | '4' | '5A' | '5B' | '5C' | '6A';

/** The codes of people who are not graded (不定等次 / 不参加考核). */
export const UNGRADED_CODES: readonly ResultCode[] = ['5A', '5B', '5C', '6A'];

/** `flags[]`, in the order the engine lists them. */
export type AssessmentFlag =
  | 'tie_at_line'
  | 'missing_score'
  | 'no_proposal'
  | 'proposal_not_eligible'
  | 'over_quota'
  | 'proposal_ignored'
  | 'warning_no_excellent'
  | 'regular_rule_failed';

/** A pool is graded from scores or from the organ's proposed grades. */
export type PoolMode = 'score' | 'proposal';

export type RatioSource = 'approved' | 'organ' | 'rating' | 'default';

export type Rounding = 'floor' | 'round_half_up' | 'ceiling';

export type ConsequenceKind =
  | 'commendation'
  | 'merit'
  | 'bonus'
  | 'admonition'
  | 'demotion'
  | 'dismissal_review'
  | 'grade_step'
  | 'level_up'
  | 'review_deadline';

export interface AssessedPerson {
  id: string;
  name: string;
  organ: string;
  /** 领导成员, 非领导成员, a tier name, or 合并（不足N人的层次）. */
  pool: string;
  category: string;
  rank: string;
  unit_and_post: string;
  /** 层次: 厅局级, 处级, 科级及以下 (profile tiers); null when none matches. */
  tier: string | null;
  /** Two decimals; null without any score. */
  score: number | null;
  /** Competition ranking among the pool's graded members with a score. */
  rank_in_pool: number | null;
  proposal: Grade | null;
  /** null when not graded, or when tied at the quota line (the committee decides). */
  suggested: Grade | null;
  final: Grade | null;
  /** null while undecided. */
  code: ResultCode | null;
  excellent_eligible: boolean;
  flags: AssessmentFlag[];
  reasons: string[];
}

export interface RegularCheck {
  /** "Q1"–"Q4" (季度) or "M1"–"M12" (月份). */
  period: string;
  recorded: number;
  good: number;
  limit: number;
}

export interface AssessmentPool {
  organ: string;
  pool: string;
  mode: PoolMode;
  members: number;
  participants: number;
  /** Percent, e.g. 20 or 22.5. */
  ratio: number;
  ratio_source: RatioSource;
  /** participants × ratio, two decimals. */
  exact: number;
  quota: number;
  rounding: Rounding;
  /** Suggested 优秀. */
  excellent: number;
  /** Final 优秀 (after the committee's overrides). */
  final_excellent: number;
  /** IDs of the candidates tied at the quota line. */
  tied_at_line: string[];
  /** Periods where 好 exceeds the limit. */
  regular_checks: RegularCheck[];
  /** "15人 × 20% = 3.00 → 3名（向下取整；比例来源：规则默认比例）". */
  arithmetic: string;
}

export interface Consequence {
  id: string;
  name: string;
  kind: ConsequenceKind;
  due: IsoDate | null;
  reason: string;
}

export interface AssessmentReport {
  year: number;
  profile: { id: string; name: string; version: string };
  /** The day the year was finalised (locked); null while open. */
  finalized_on: IsoDate | null;
  /** The highest 优秀 ratio that may be approved, in percent (the profile's `max_ratio_percent`). */
  max_ratio: number;
  people: AssessedPerson[];
  pools: AssessmentPool[];
  consequences: Consequence[];
}

export type LogAction = 'override' | 'ratio' | 'finalize' | 'reopen';

export interface AssessmentLogEntry {
  year: number;
  /** The person's ID for an override; null otherwise. */
  id: string | null;
  action: LogAction;
  from: string | null;
  to: string | null;
  reason: string | null;
  by: string;
  /** `YYYY-MM-DD HH:MM:SS`, local time. */
  at: string;
}

// ── 打印: `kaohe_print::DOCUMENTS` and `PrintPreview` in src-tauri/src/state.rs. A test in src-tauri
// checks that PRINT_DOCUMENTS lists the crate's documents in order.

/** What a document is computed from: a year's assessment, or promotion on an as-of date. */
export type PrintBasis = 'year' | 'as_of';

/**
 * The printed documents, by the names the shell takes (`kaohe print --doc`). `key` names the
 * description in the locale (`print.doc.<key>`); `publicity`: it has a 公示 period.
 */
export const PRINT_DOCUMENTS = [
  { doc: '登记表', key: 'registration', basis: 'year', publicity: false },
  { doc: '优秀公示', key: 'excellent_publicity', basis: 'year', publicity: true },
  { doc: '晋升公示', key: 'promotion_publicity', basis: 'as_of', publicity: true },
  { doc: '考核汇总', key: 'assessment_summary', basis: 'year', publicity: false },
  { doc: '名额测算', key: 'quota_table', basis: 'year', publicity: false },
  { doc: '晋升审核', key: 'promotion_review', basis: 'as_of', publicity: false },
  { doc: '职数', key: 'slot_table', basis: 'as_of', publicity: false },
] as const satisfies readonly { doc: string; key: string; basis: PrintBasis; publicity: boolean }[];

export type PrintDocument = (typeof PRINT_DOCUMENTS)[number];
export type PrintDoc = PrintDocument['doc'];

/** `print_preview`'s answer: the HTML file written and shown in the preview window. */
export interface PrintPreview {
  path: string;
  /** Pages of the page-per-person 登记表; null for documents that flow onto as many pages as they need. */
  pages: number | null;
  /** E.g. 「年度考核登记表（2025年度·某市财政局）」. */
  title: string;
}

// ── 规则: `kaohe_engine::Profile` as serde writes it (the `profile` command). Only the parts the
// 规则 section shows are typed here; the rest of the JSON is ignored.

/** How well a rule is established: P 法定, S 通行做法, U 待核实. */
export type CiteStatus = 'P' | 'S' | 'U';

export interface Citation {
  text: string;
  status: CiteStatus;
}

export interface ProfileRank {
  name: string;
  level: number;
  /** 级别 range as [highest, lowest]; 级别 1 is the highest. */
  grades: [number, number];
  aliases: string[];
}

export interface ProfileLadder {
  category: string;
  /** Highest first. */
  ranks: ProfileRank[];
  cite: Citation;
}

export interface ProfileMinService {
  target: string;
  years: number;
  /** Leading-post levels whose time also counts. */
  posts: string[];
  cite: Citation;
}

export type RestrictionBlock = 'sanction' | 'admonition' | 'investigation';

export interface ProfileRestriction {
  kind: string;
  aliases: string[];
  block: RestrictionBlock;
  /** Effect period in months; null: until the recorded end date. */
  months: number | null;
  cite: Citation;
}

export interface ProfileOrganLevel {
  name: string;
  aliases: string[];
  max_rank: string;
  cite: Citation;
}

export interface ProfilePool {
  name: string;
  ranks: string[];
  cite: Citation;
}

export type RegularGradeKey = 'Good' | 'FairlyGood' | 'Average' | 'Poor';
export type DimensionKey = 'Virtue' | 'Ability' | 'Diligence' | 'Achievement' | 'Integrity';
export type GradeKey = 'Excellent' | 'Competent' | 'BasicallyCompetent' | 'Incompetent';
/** `ResultCode` as serde writes it: a unit variant, or `{ Graded: grade }`. */
export type ResultCodeJson = 'Probation' | 'UnderInvestigation' | 'Sanctioned' | 'LongLeave' | 'Other' | { Graded: GradeKey };
/** `UngradedRule` as serde writes it. */
export type UngradedRuleJson =
  | 'Investigation'
  | { Sanction: { kinds: string[] } }
  | { Leave: { days_over: number } }
  | { Probation: { months: number } };

export interface ProfileTier {
  name: string;
  posts: string[];
  /** Inclusive range of rank levels. */
  levels: [number, number];
}

export interface ProfileWeights {
  /** Category, or null for any. */
  category: string | null;
  /** Tier, or null for any. */
  tier: string | null;
  /** Percent per dimension. */
  weights: Partial<Record<DimensionKey, number>>;
  cite: Citation;
}

export interface ProfileUngraded {
  code: ResultCodeJson;
  rule: UngradedRuleJson;
  cite: Citation;
}

export interface ProfileAssessment {
  ungraded: ProfileUngraded[];
  no_excellent_sanctions: string[];
  no_excellent_cite: Citation;
  tiers: ProfileTier[];
  pools_cite: Citation;
  /** Basis points (1% = 100). */
  ratio: number;
  max_ratio: number;
  rounding: Rounding;
  quota_cite: Citation;
  /** Lower bounds in hundredths, highest band first. */
  bands: [RegularGradeKey, number][];
  min_good_share: number;
  forbidden: RegularGradeKey[];
  good_limit: number;
  regular_cite: Citation;
  /** Hundredths. */
  basic_below: number;
  incompetent_below: number;
  score_cite: Citation;
  weights: ProfileWeights[];
}

export interface ProfilePublicity {
  excellent_working_days: number;
  excellent_cite: Citation;
  promotion_working_days: number;
  promotion_cite: Citation;
}

export interface Profile {
  meta: { id: string; name: string; version: string; effective_from: IsoDate | null; note: string | null };
  ladders: ProfileLadder[];
  min_service: ProfileMinService[];
  restrictions: ProfileRestriction[];
  organ_levels: ProfileOrganLevel[];
  pools: ProfilePool[];
  assessment: ProfileAssessment;
  publicity: ProfilePublicity;
}
