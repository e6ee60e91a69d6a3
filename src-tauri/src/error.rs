//! The one error shape that crosses IPC: `{code, message}`. The codes are a closed set, mirrored
//! by `ERROR_CODES` in ui/src/api/types.ts (a test keeps the two equal) and shared with the
//! command line's `--json` errors (docs/cli.md); the message is Chinese, for the clerk.

use kaohe_store::StoreError;
use kaohe_workbook::WorkbookError;
use serde::Serialize;

/// What kind of failure; the UI picks its wording and reaction by this code.
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
    /// A fault of the program itself, not of the clerk's data.
    Internal,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: [ErrorCode; 9] = [
        ErrorCode::FileUnreadable,
        ErrorCode::SheetMissing,
        ErrorCode::ColumnMissing,
        ErrorCode::NothingReadable,
        ErrorCode::ProfileInvalid,
        ErrorCode::Database,
        ErrorCode::BadArgument,
        ErrorCode::WriteFailed,
        ErrorCode::Internal,
    ];
}

/// The error every command returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> CommandError {
        CommandError { code, message: message.into() }
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> CommandError {
        CommandError::new(ErrorCode::Database, e.to_string())
    }
}

impl From<WorkbookError> for CommandError {
    fn from(e: WorkbookError) -> CommandError {
        let code = match e {
            WorkbookError::Open { .. } => ErrorCode::FileUnreadable,
            WorkbookError::SheetMissing { .. } => ErrorCode::SheetMissing,
            WorkbookError::ColumnMissing { .. } => ErrorCode::ColumnMissing,
            WorkbookError::Write { .. } => ErrorCode::WriteFailed,
        };
        CommandError::new(code, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
