//! What the desktop app's commands answer besides the use cases' own reports: the home page's
//! figures, the 设置 and password states, the active rule profile, the file drops. Plain values,
//! so that their TypeScript is generated here (tests/bindings.rs) without building the shell; the
//! shell (src-tauri) fills them in.

use serde::Serialize;

/// `app_info`: what the home page shows about the application and its database.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppInfo {
    pub name: String,
    pub version: String,
    pub db_path: String,
    pub people: u64,
    pub organs: u64,
    pub results: u64,
    /// The CI self-test is on (env `KAOHE_SELFTEST`): the UI reports its text once loaded.
    pub selftest: bool,
    /// Under the self-test only: the section to open first and report once painted (env
    /// `KAOHE_SELFTEST_SECTION`, e.g. `people` for `cargo xtask bench-startup --section people`);
    /// none: 工作台 reports.
    pub selftest_section: Option<String>,
}

/// `import_sample`: what the import did.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportOutcome {
    pub people: u64,
    pub organs: u64,
    pub results: u64,
    pub restrictions: u64,
    pub new_people: u64,
    pub updated_people: u64,
    /// Problems found in the workbook (errors and warnings).
    pub issues: usize,
}

/// `print_preview`: the document written, ready for the preview window.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintPreview {
    /// The HTML file.
    pub path: String,
    /// Pages of the page-per-person documents (登记表); `None` for documents that flow.
    pub pages: Option<usize>,
    /// E.g. 「年度考核登记表（2025年度·某市财政局）」.
    pub title: String,
}

/// `settings`: what the 设置 section shows (also loaded at start into the settings store).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettingsInfo {
    pub db_path: String,
    /// The 操作人 recorded with every change; empty when not set.
    pub operator: String,
    /// The database has a password (see `kaohe_store::password`).
    pub has_password: bool,
    pub profile: ProfileInfo,
    /// The database schema this build writes (an older backup is upgraded when restored).
    pub schema_version: i32,
}

/// `backup_database`: the copy written.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupOutcome {
    pub path: String,
    pub people: u64,
}

/// `restore_database`: what is open now.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestoreOutcome {
    pub people: u64,
    pub organs: u64,
    /// Where the database as it was before the restore was copied.
    pub safety_copy: String,
}

/// `database_lock`: whether the database waits for its password.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatabaseLock {
    pub db_path: String,
    /// The database has a password and is not open yet: the window asks for it.
    pub locked: bool,
    /// The open database has a password.
    pub has_password: bool,
}

/// What `set_database_password` did.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PasswordChange {
    Set,
    Changed,
    Removed,
    /// No password before and none asked for: nothing done.
    Unchanged,
}

/// `active_profile`: which rule profile is in force.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileInfo {
    pub id: String,
    pub name: String,
    pub version: String,
    /// A local file, not the national default.
    pub custom: bool,
    /// The file it was loaded from (it may have moved since; its text is kept in the database).
    pub file: Option<String>,
    /// Why the remembered local profile was not applied at start-up (the national one is then).
    pub notice: Option<String>,
}

/// `profile_load`: the file became the active profile, or why not.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ProfileLoad {
    Active {
        profile: ProfileInfo,
    },
    /// The file is not a valid profile; nothing changed. One Chinese sentence per problem.
    Invalid {
        file: String,
        problems: Vec<String>,
    },
}

/// What happened to a dragged file: over the window, dropped on it, or taken away.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DropKind {
    Over,
    Drop,
    Leave,
}

/// Sent on the drop channel: a file is dragged over the window (`over`), dropped (`drop`, with
/// its paths), or the drag left (`leave`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DropEvent {
    pub kind: DropKind,
    pub paths: Vec<String>,
}

/// Sent on an export's channel (导出): what the app is doing for the workbook the clerk asked for.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum ExportProgress {
    /// Computing the result, before asking where to save it.
    Computing,
    /// The save dialog is open.
    Asking,
    /// The people's rows written so far, of all.
    Writing { done: u64, total: u64 },
    /// Every row written: the file is being saved (compressed in one go).
    Saving,
}
