//! The one error shape that crosses the desktop app's IPC: `{code, message}`. The codes are a
//! closed set, generated into ui/src/api/generated/ErrorCode.ts and listed at run time by
//! `ERROR_CODES` (both by tests/bindings.rs), shared with the command line's `--json` errors
//! (docs/cli.md); the message is Chinese, for the clerk.

use kaohe_store::StoreError;
use kaohe_workbook::WorkbookError;
use serde::Serialize;

pub use kaohe_store::ErrorCode;

/// The error every command returns (`ErrorPayload` in TypeScript).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ErrorPayload"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl CommandError {
    /// This failure passed through a use case of kaohe-desk (the database it needs is not
    /// available), to come back as it was.
    pub fn into_desk(self) -> crate::DeskError {
        crate::DeskError::Unavailable { code: self.code, message: self.message }
    }

    pub fn new(code: ErrorCode, message: impl Into<String>) -> CommandError {
        CommandError { code, message: message.into() }
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> CommandError {
        CommandError::new(e.code(), e.to_string())
    }
}

impl From<crate::DeskError> for CommandError {
    fn from(e: crate::DeskError) -> CommandError {
        match e {
            // A workbook's failure keeps the code the shell gives it (a header not found is a
            // missing column, …).
            crate::DeskError::Workbook(e) => e.into(),
            // 补定等次 refused: no grade can be set, as for a person not graded (the message
            // says why); the UI reacts to both alike.
            e @ crate::DeskError::NotSupplementable { .. } => CommandError::new(ErrorCode::NotGraded, e.to_string()),
            e => CommandError::new(e.code(), e.to_string()),
        }
    }
}

/// A workbook's failure as an [`ErrorCode`] (a header not found is a missing column, …): the
/// code `WorkbookError::code` names.
pub fn workbook_code(e: &WorkbookError) -> ErrorCode {
    match e {
        WorkbookError::Open { .. } => ErrorCode::FileUnreadable,
        WorkbookError::SheetMissing { .. } => ErrorCode::SheetMissing,
        WorkbookError::ColumnMissing { .. }
        | WorkbookError::NoHeader { .. }
        | WorkbookError::EmptySheet { .. }
        | WorkbookError::HeaderNotFound { .. }
        | WorkbookError::NoOrganColumn { .. } => ErrorCode::ColumnMissing,
        WorkbookError::NoOrgans { .. } => ErrorCode::NothingReadable,
        WorkbookError::Write { .. } => ErrorCode::WriteFailed,
        WorkbookError::Cancelled => ErrorCode::Cancelled,
    }
}

impl From<WorkbookError> for CommandError {
    fn from(e: WorkbookError) -> CommandError {
        CommandError::new(workbook_code(&e), e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DeskError;

    #[test]
    fn serializes_as_code_and_message() {
        let e = CommandError::new(ErrorCode::BadArgument, "日期「2025-13-01」无效");
        let json = serde_json::to_string(&e).expect("serializable");
        assert_eq!(json, r#"{"code":"bad_argument","message":"日期「2025-13-01」无效"}"#);
    }

    #[test]
    fn workbook_errors_keep_their_cli_codes() {
        let e = WorkbookError::ColumnMissing { sheet: "人员".into(), header_row: 1, columns: vec!["职级".into()] };
        let cli_code = e.code();
        let mapped = CommandError::from(e);
        assert_eq!(serde_json::to_value(mapped.code).expect("serializable"), cli_code);
        assert_eq!(mapped.message, "工作表「人员」的表头（第1行）缺少必需的列：职级");
    }

    #[test]
    fn every_code_is_named_as_it_is_sent() {
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).expect("serializable"), code.name());
        }
    }

    /// A store's refusal of a database or a backup keeps its own code in the app as on the
    /// command line, none of them folded into `database`.
    #[test]
    fn database_and_backup_refusals_keep_their_codes() {
        let cases: Vec<(StoreError, ErrorCode)> = vec![
            (StoreError::TooNew { path: "a.db".into(), found: 99, supported: 15 }, ErrorCode::DatabaseTooNew),
            (StoreError::NotKaohe { path: "a.db".into() }, ErrorCode::NotAKaoheDatabase),
            (StoreError::ReadOnly { path: "a.db".into() }, ErrorCode::DatabaseReadOnly),
            (
                StoreError::UnsafeBackup { path: "b.db".into(), problems: vec!["触发器".into()] },
                ErrorCode::BackupUnsafe,
            ),
            (StoreError::DamagedBackup { path: "b.db".into(), detail: "页".into() }, ErrorCode::BackupDamaged),
            (StoreError::Corrupt("日期".into()), ErrorCode::Database),
        ];
        for (e, code) in cases {
            let cli = e.code().name();
            let sent = CommandError::from(e);
            assert_eq!((sent.code, serde_json::to_value(sent.code).expect("serializable")), (code, cli.into()));
        }
    }

    /// The reader's names of its codes are ErrorCode's (a national template without its year
    /// carries the reader's code: `DeskError::NeedsYear`).
    #[test]
    fn workbook_codes_are_the_readers_names() {
        let errors = [
            WorkbookError::SheetMissing { file: "a.xlsx".into(), sheet: "人员".into(), found: Vec::new() },
            WorkbookError::ColumnMissing { sheet: "人员".into(), header_row: 1, columns: vec!["职级".into()] },
            WorkbookError::HeaderNotFound { sheet: "人员".into(), found_at: None },
            WorkbookError::NoOrganColumn { file: "名单.xls".into(), sheets: vec!["第1页".into()] },
            WorkbookError::NoOrgans { file: "名单.xls".into(), sheet: "第1页".into(), header_row: 2 },
            WorkbookError::Cancelled,
        ];
        for e in errors {
            assert_eq!(workbook_code(&e).name(), e.code());
            assert_eq!(ErrorCode::named(e.code()), Some(workbook_code(&e)));
            let needs_year = crate::DeskError::NeedsYear { file: "a.xlsx".into(), code: workbook_code(&e) };
            assert_eq!(needs_year.code(), workbook_code(&e));
        }
    }

    #[test]
    fn committee_and_store_errors_keep_their_cli_codes() {
        let cases: Vec<(CommandError, &str)> = vec![
            (StoreError::MissingReason.into(), "reason_required"),
            (StoreError::Locked { year: 2025 }.into(), "year_locked"),
            (StoreError::NotLocked { year: 2025 }.into(), "year_not_locked"),
            (StoreError::UnknownPerson { id: "1".into() }.into(), "unknown_person"),
            (StoreError::NotKaohe { path: "a.db".into() }.into(), "not_a_kaohe_database"),
            (
                DeskError::CannotFinalize { year: 2025, problems: vec!["甲".into(), "乙".into()] }.into(),
                "cannot_finalize",
            ),
            (DeskError::NotAssessed { year: 2025, id: "1".into() }.into(), "unknown_person"),
            (DeskError::UnknownOrgan { organ: "某局".into(), held_in: "数据库" }.into(), "unknown_organ"),
            (DeskError::ReasonRequired("修改等次必须说明理由".into()).into(), "reason_required"),
            (
                DeskError::NotGraded {
                    year: 2025,
                    id: "1".into(),
                    name: "甲".into(),
                    code: "6A",
                    label: "病事假超过半年",
                }
                .into(),
                "not_graded",
            ),
            (
                DeskError::NotSupplementable {
                    year: 2025,
                    id: "1".into(),
                    name: "甲".into(),
                    why: "立案审查调查尚未结案".into(),
                }
                .into(),
                "not_graded",
            ),
            (
                DeskError::AlreadyFinal { year: 2025, on: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("date") }
                    .into(),
                "year_locked",
            ),
            (DeskError::BadArgument("比例 30% 超出规则允许的上限 25%".into()).into(), "bad_argument"),
        ];
        for (e, code) in cases {
            assert_eq!(serde_json::to_value(e.code).expect("serializable"), code, "{}", e.message);
        }
        let e =
            CommandError::from(DeskError::CannotFinalize { year: 2025, problems: vec!["甲".into(), "乙".into()] });
        assert_eq!(e.message, "2025年度考核暂不能定稿：甲；乙");
    }
}
