//! `ErrorCode`: the closed set of what can go wrong, as Kaohe names it — the `code` of the command
//! line's `--json` errors (docs/cli.md) and of the desktop app's `{code, message}`. Each crate's
//! error says its code as one of these (`StoreError::code`, `DeskError::code`), never as a string;
//! it lives here, in the lowest crate whose errors have codes, and kaohe-desk re-exports it.

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
    /// The database cannot be opened, read or written.
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
    /// The database was made by a newer Kaohe (a newer schema): refused, never modified.
    DatabaseTooNew,
    /// The file is not a Kaohe database (another program's, or not a database at all).
    NotAKaoheDatabase,
    /// The database file is marked read-only and the command would write (or upgrade) it.
    DatabaseReadOnly,
    /// A backup whose schema is not exactly what Kaohe's migrations create: not restored.
    BackupUnsafe,
    /// A backup whose data fails SQLite's checks: not restored.
    BackupDamaged,
    /// A 补定等次 the year's results do not allow (only a 5B whose investigation closed with no
    /// 处分 heavier than a 警告). The desktop app sends it as `NotGraded`: the UI reacts alike.
    NotSupplementable,
    /// An organ that people of the database belong to cannot leave the 所辖单位 list.
    OrganInUse,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: [ErrorCode; 29] = [
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
        ErrorCode::DatabaseTooNew,
        ErrorCode::NotAKaoheDatabase,
        ErrorCode::DatabaseReadOnly,
        ErrorCode::BackupUnsafe,
        ErrorCode::BackupDamaged,
        ErrorCode::NotSupplementable,
        ErrorCode::OrganInUse,
    ];

    /// The code of a name ([`ErrorCode::name`]).
    pub fn named(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The code's name, as it is sent (`file_unreadable`, …) and as docs/cli.md lists it.
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
            ErrorCode::DatabaseTooNew => "database_too_new",
            ErrorCode::NotAKaoheDatabase => "not_a_kaohe_database",
            ErrorCode::DatabaseReadOnly => "database_read_only",
            ErrorCode::BackupUnsafe => "backup_unsafe",
            ErrorCode::BackupDamaged => "backup_damaged",
            ErrorCode::NotSupplementable => "not_supplementable",
            ErrorCode::OrganInUse => "organ_in_use",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_named_as_it_is_sent() {
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).expect("serializable"), code.name());
        }
        let mut names: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ErrorCode::ALL.len(), "a name given twice");
    }
}
