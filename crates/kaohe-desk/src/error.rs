//! The one error shape that crosses the desktop app's IPC: `{code, message}`. The codes are a
//! closed set, generated into ui/src/api/generated/ErrorCode.ts and listed at run time by
//! `ERROR_CODES` (both by tests/bindings.rs), shared with the command line's `--json` errors
//! (docs/cli.md); the message is Chinese, for the clerk.

use kaohe_store::StoreError;
use kaohe_workbook::WorkbookError;
use serde::Serialize;

/// What kind of failure; the UI picks its wording and reaction by this code.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A workbook cannot be opened or is not a workbook.
    FileUnreadable,
    /// A required sheet is missing.
    SheetMissing,
    /// A required column is missing.
    ColumnMissing,
    /// A workbook was read but holds not one usable person.
    NothingReadable,
    /// A rule profile is invalid.
    ProfileInvalid,
    /// The database cannot be opened, read or written (including one from a newer version).
    Database,
    /// An argument from the UI is malformed (e.g. a date).
    BadArgument,
    /// A file cannot be written.
    WriteFailed,
    /// The year's assessment is finalised: no change until it is reopened.
    YearLocked,
    /// The year's assessment is not finalised, so there is nothing to reopen.
    YearNotLocked,
    /// The person is not graded that year (5A/5B/5C/6A): no grade can be set.
    NotGraded,
    /// The year cannot be finalised yet (undecided ties, 优秀 over a quota); the message lists why.
    CannotFinalize,
    /// A change to the assessment needs a reason.
    ReasonRequired,
    /// No such person in the database (or not assessed that year).
    UnknownPerson,
    /// No such organ in the database.
    UnknownOrgan,
    /// 打印 was asked for, but no preview window is open (never opened, or closed by the clerk).
    NoPreview,
    /// A fault of the program itself, not of the clerk's data.
    Internal,
    /// The clerk cancelled a running import (nothing was written).
    Cancelled,
    /// The database (or a backup) has a password, and none was given: the UI asks for it.
    PasswordRequired,
    /// The password given does not open the database (or the backup).
    WrongPassword,
    /// A report package (上报文件) that cannot be taken: not a package, altered, a year not
    /// finalised, a format too new; the message says which and why.
    PackageRefused,
    /// A package of the same organ and year was received before: it replaces that one only when
    /// the clerk confirms.
    PackageExists,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: [ErrorCode; 22] = [
        ErrorCode::FileUnreadable,
        ErrorCode::SheetMissing,
        ErrorCode::ColumnMissing,
        ErrorCode::NothingReadable,
        ErrorCode::ProfileInvalid,
        ErrorCode::Database,
        ErrorCode::BadArgument,
        ErrorCode::WriteFailed,
        ErrorCode::YearLocked,
        ErrorCode::YearNotLocked,
        ErrorCode::NotGraded,
        ErrorCode::CannotFinalize,
        ErrorCode::ReasonRequired,
        ErrorCode::UnknownPerson,
        ErrorCode::UnknownOrgan,
        ErrorCode::NoPreview,
        ErrorCode::Internal,
        ErrorCode::Cancelled,
        ErrorCode::PasswordRequired,
        ErrorCode::WrongPassword,
        ErrorCode::PackageRefused,
        ErrorCode::PackageExists,
    ];

    /// The code with this name (the crates' `.code()` strings, as in docs/cli.md). The database
    /// codes the UI does not tell apart (`database_too_new`, `not_a_kaohe_database`) and any
    /// other unknown name are `database`.
    fn from_crate_code(code: &str) -> ErrorCode {
        match code {
            // 补定等次 refused: likewise no grade can be set (the message says why).
            "not_supplementable" => ErrorCode::NotGraded,
            _ => ErrorCode::ALL.into_iter().find(|c| c.name() == code).unwrap_or(ErrorCode::Database),
        }
    }

    /// The code's name, as it is sent (`file_unreadable`, …) and as the crates write it.
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::FileUnreadable => "file_unreadable",
            ErrorCode::SheetMissing => "sheet_missing",
            ErrorCode::ColumnMissing => "column_missing",
            ErrorCode::NothingReadable => "nothing_readable",
            ErrorCode::ProfileInvalid => "profile_invalid",
            ErrorCode::Database => "database",
            ErrorCode::BadArgument => "bad_argument",
            ErrorCode::WriteFailed => "write_failed",
            ErrorCode::YearLocked => "year_locked",
            ErrorCode::YearNotLocked => "year_not_locked",
            ErrorCode::NotGraded => "not_graded",
            ErrorCode::CannotFinalize => "cannot_finalize",
            ErrorCode::ReasonRequired => "reason_required",
            ErrorCode::UnknownPerson => "unknown_person",
            ErrorCode::UnknownOrgan => "unknown_organ",
            ErrorCode::NoPreview => "no_preview",
            ErrorCode::Internal => "internal",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::PasswordRequired => "password_required",
            ErrorCode::WrongPassword => "wrong_password",
            ErrorCode::PackageRefused => "package_refused",
            ErrorCode::PackageExists => "package_exists",
        }
    }
}

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
        crate::DeskError::Unavailable { code: self.code.name(), message: self.message }
    }

    pub fn new(code: ErrorCode, message: impl Into<String>) -> CommandError {
        CommandError { code, message: message.into() }
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> CommandError {
        CommandError::new(ErrorCode::from_crate_code(e.code()), e.to_string())
    }
}

impl From<crate::DeskError> for CommandError {
    fn from(e: crate::DeskError) -> CommandError {
        match e {
            // A workbook's failure keeps the code the shell gives it (a header not found is a
            // missing column, …).
            crate::DeskError::Workbook(e) => e.into(),
            e => CommandError::new(ErrorCode::from_crate_code(e.code()), e.to_string()),
        }
    }
}

impl From<WorkbookError> for CommandError {
    fn from(e: WorkbookError) -> CommandError {
        let code = match e {
            WorkbookError::Open { .. } => ErrorCode::FileUnreadable,
            WorkbookError::SheetMissing { .. } => ErrorCode::SheetMissing,
            WorkbookError::ColumnMissing { .. }
            | WorkbookError::NoHeader { .. }
            | WorkbookError::EmptySheet { .. }
            | WorkbookError::HeaderNotFound { .. } => ErrorCode::ColumnMissing,
            WorkbookError::Write { .. } => ErrorCode::WriteFailed,
            WorkbookError::Cancelled => ErrorCode::Cancelled,
        };
        CommandError::new(code, e.to_string())
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
            assert_eq!(ErrorCode::from_crate_code(code.name()), code);
        }
    }

    #[test]
    fn committee_and_store_errors_keep_their_cli_codes() {
        let cases: Vec<(CommandError, &str)> = vec![
            (StoreError::MissingReason.into(), "reason_required"),
            (StoreError::Locked { year: 2025 }.into(), "year_locked"),
            (StoreError::NotLocked { year: 2025 }.into(), "year_not_locked"),
            (StoreError::UnknownPerson { id: "1".into() }.into(), "unknown_person"),
            (StoreError::NotKaohe { path: "a.db".into() }.into(), "database"),
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
