// Types of the values that cross the IPC boundary. The object and union types are generated
// from the Rust definitions into ./generated/ by crates/kaohe-desk/tests/bindings.rs (ts-rs; regenerate
// with `KAOHE_BLESS=1 cargo test -p kaohe-desk --test bindings`) and re-exported here under the
// names the UI uses; never edit them by hand. The closed sets TypeScript needs at run time
// (ERROR_CODES, GRADES, UNGRADED_CODES, NATIONAL_CODES, RESULT_LABELS, PRINT_DOCUMENTS, OPERATION_KINDS, LOG_ACTIONS) are generated too
// (./generated/constants.ts) and re-exported here; what stays here is the UI's own aliases (IsoDate).

import {
  ERROR_CODES,
  GRADES,
  PRINT_DOCUMENTS,
  UNGRADED_CODES,
  type ErrorCode,
  type Grade,
  type PrintDoc,
  type ResultCode,
} from './generated';

export {
  ERROR_CODES,
  GRADES,
  LOG_ACTIONS,
  NATIONAL_CODES,
  OPERATION_KINDS,
  PRINT_DOCUMENTS,
  RESULT_LABELS,
  UNGRADED_CODES,
  FINDING_KINDS,
} from './generated';

export type {
  // kaohe_desk::summary (`kaohe summary --json`, `kaohe receive --json`, docs/cli.md)
  Summary,
  OrganSummary,
  OrganTotals,
  GradeCounts,
  GroupSummary,
  OverRatio,
  SlotSummary,
  Receipts,
  Receipt,
  Refusal,
  // kaohe_desk::organs (`kaohe organs --json`, docs/cli.md)
  SupervisedOrgan,
  OrganChange,
  // kaohe_desk::shared_slots, kaohe_store::SharedPool (`kaohe shared-pool --json`, docs/cli.md)
  SharedPool,
  SharedPoolList,
  SharedPoolRequest,
  SharedSlots,
  // kaohe_desk::whatif (`kaohe whatif --json`, docs/cli.md)
  AssessmentComparison,
  AssessmentTry,
  GradeChange,
  GradeSide,
  QuotaChange,
  PromotionComparison,
  PromotionChangeReport,
  PromotionSide,
  PromotionTry,
  // kaohe_desk::audit::AuditReport (`kaohe audit --json`, docs/cli.md)
  AuditReport,
  AuditEntry,
  AuditCount,
  AuditFinding,
  FindingKind,
  FindingMark,
  // kaohe_desk::error, kaohe_desk::ipc
  ErrorCode,
  ErrorPayload,
  AppInfo,
  ImportOutcome,
  AssessmentLogEntry,
  LogAction,
  PrintPreview,
  ExportProgress,
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
  // kaohe_engine::reason: a decision's words with the rules it cites
  Reason,
  ReasonPart,
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
  // kaohe_desk::import (the 导入 wizard; DropEvent from src-tauri/src/import.rs), with
  // kaohe_workbook::{MappedColumn, IssuesBeyond} and kaohe_store::{ImportPlan, PersonChanges, NameConflict}
  ImportRequest,
  ImportLayout,
  FieldChoice,
  MappedColumn,
  ImportReport,
  IssuesBeyond,
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

// ERROR_CODES lists every generated ErrorCode (this line stops compiling when Rust adds one).
true satisfies ErrorCode extends (typeof ERROR_CODES)[number] ? true : false;

/** A calendar date as text, `YYYY-MM-DD` (how serde writes chrono's NaiveDate). */
export type IsoDate = string;

true satisfies Grade extends (typeof GRADES)[number] ? true : false;
true satisfies Exclude<ResultCode, '1' | '2' | '3' | '4'> extends (typeof UNGRADED_CODES)[number] ? true : false;

// ── 打印: `kaohe_print::Document` as `PrintDoc` and PRINT_DOCUMENTS, its `Basis` as `PrintBasis`
// (generated); the answer, `PrintPreview`, is generated too.

export type { PrintBasis, PrintDoc } from './generated';

export type PrintDocument = (typeof PRINT_DOCUMENTS)[number];

// PRINT_DOCUMENTS lists every generated PrintDoc.
true satisfies PrintDoc extends PrintDocument['doc'] ? true : false;
