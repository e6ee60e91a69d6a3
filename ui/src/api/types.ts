// Types of the values that cross the IPC boundary. The object and union types are generated
// from the Rust definitions into ./generated/ by src-tauri/tests/bindings.rs (ts-rs; regenerate
// with `KAOHE_BLESS=1 cargo test --workspace --test bindings`) and re-exported here under the
// names the UI uses; never edit them by hand. What stays here is what TypeScript needs at run
// time (ERROR_CODES, GRADES, UNGRADED_CODES, PRINT_DOCUMENTS), each checked against the
// generated types or by a Rust test, and the UI's own aliases (IsoDate).

import type { ErrorCode, Grade, ResultCode } from './generated';

export type {
  // src-tauri/src/error.rs, state.rs
  ErrorCode,
  ErrorPayload,
  AppInfo,
  ImportOutcome,
  AssessmentLogEntry,
  LogAction,
  PrintPreview,
  // kaohe_engine::report::PromotionReport (`kaohe promote --json`, docs/cli.md)
  PromotionReport,
  PromotionPerson,
  PromotionPool,
  PromotionBlock,
  ProfileRef,
  BlockCode,
  SlotCode,
  // kaohe_engine::assessment::report::AssessmentReport (`kaohe assess --json`, docs/cli.md)
  AssessmentReport,
  AssessedPerson,
  AssessmentPool,
  AssessmentFlag,
  RegularCheck,
  Consequence,
  ConsequenceKind,
  PoolMode,
  RatioSource,
  Rounding,
  Grade,
  ResultCode,
  // kaohe_engine::Profile as serde writes it (the `profile` command, `kaohe profile`)
  Profile,
  ProfileMeta,
  ProfileCategory,
  ProfileRank,
  ProfileLadder,
  ProfileLeadingPost,
  ProfileStartingRank,
  ProfileMinService,
  ProfileServiceRules,
  ProfileRestriction,
  ProfileBasicCompetent,
  ProfileOrganLevel,
  ProfilePool,
  ProfileOrdering,
  ProfilePublicity,
  ProfileAssessment,
  ProfileTier,
  ProfileWeights,
  ProfileUngraded,
  Citation,
  CiteStatus,
  RestrictionBlock,
  OrderKey,
  GradeKey,
  RegularGradeKey,
  DimensionKey,
  ResultCodeJson,
  UngradedRuleJson,
  // kaohe_workbook::Issue (`kaohe import --json`)
  Issue,
  IssueCode,
  IssueSeverity,
  // src-tauri/src/import.rs (the 导入 wizard), with kaohe_workbook::MappedColumn and
  // kaohe_store::{ImportPlan, PersonChanges, NameConflict}
  ImportRequest,
  ImportLayout,
  FieldChoice,
  MappedColumn,
  ImportCheck,
  SheetRow,
  RowCell,
  ImportPlan,
  PersonChanges,
  NameConflict,
  ImportApplied,
  ImportProgress,
  ImportPhase,
  DropEvent,
  // src-tauri/src/people.rs (人员), with kaohe_store::people and kaohe_engine::Person as PersonRecord
  PeopleFilters,
  PeopleQuery,
  PeoplePage,
  PeopleRow,
  PeopleSort,
  PeopleSortKey,
  GradeFilter,
  PersonDetail,
  PersonRecord,
  TimelineEntry,
  ResultEntry,
  RestrictionEntry,
  // src-tauri/src/dashboard.rs (工作台)
  Dashboard,
  Count,
  YearState,
  GradeChart,
  OrganGrades,
  Alerts,
  AlertBlock,
  EligibleAlert,
  RestrictionAlert,
  ProbationAlert,
  StepAlert,
  // src-tauri/src/settings.rs (设置) with kaohe_store::settings, src-tauri/src/rules.rs (规则文件)
  SettingsInfo,
  BackupOutcome,
  BackupInfo,
  ImportRecord,
  RestoreOutcome,
  // src-tauri/src/password.rs (数据库密码)
  DatabaseLock,
  PasswordChange,
  ProfileInfo,
  ProfileLoad,
  // kaohe_store::operations::Operation (操作日志, src-tauri/src/log.rs)
  Operation,
  OperationKind,
} from './generated';

/** Every code the shell may send in an error, in `ErrorCode`'s order (src-tauri/tests/shell.rs checks the order). */
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
  'password_required',
  'wrong_password',
] as const satisfies readonly ErrorCode[];
// ERROR_CODES lists every generated ErrorCode (this line stops compiling when Rust adds one).
true satisfies ErrorCode extends (typeof ERROR_CODES)[number] ? true : false;

/** A calendar date as text, `YYYY-MM-DD` (how serde writes chrono's NaiveDate). */
export type IsoDate = string;

/** 优秀, 称职, 基本称职, 不称职: every `Grade`, best first. */
export const GRADES = ['优秀', '称职', '基本称职', '不称职'] as const satisfies readonly Grade[];
true satisfies Grade extends (typeof GRADES)[number] ? true : false;

const UNGRADED = ['5A', '5B', '5C', '6A', '7'] as const satisfies readonly ResultCode[];
true satisfies Exclude<ResultCode, '1' | '2' | '3' | '4'> extends (typeof UNGRADED)[number] ? true : false;
/** The codes of people who are not graded (不定等次 / 不参加考核 / 其他): every code but "1"–"4". */
export const UNGRADED_CODES: readonly ResultCode[] = UNGRADED;

// ── 打印: `kaohe_print::DOCUMENTS` (the answer, `PrintPreview`, is generated). A test in src-tauri
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
