//! 设置's commands: the 操作人, 「立即备份」 (where to save asked in a dialog, today's name proposed)
//! and 「从备份恢复」 in two steps (the backup picked in a dialog and checked, then the restore the
//! clerk confirmed) — kaohe-desk's `session::backup`, which records each in the 操作日志.

use kaohe_desk::session::backup::backup_name;
use kaohe_store::settings::BackupInfo;
use tauri::{AppHandle, State};

use crate::dialogs::{self, Filter};
use crate::error::CommandError;
use crate::state::AppState;
pub use kaohe_desk::ipc::{BackupOutcome, RestoreOutcome, SettingsInfo};

/// A Kaohe database file.
pub const DATABASE_FILES: Filter = Filter { name: "考核数据库（.db）", extensions: &["db"] };

#[tauri::command(async)]
pub fn settings(state: State<'_, AppState>) -> Result<SettingsInfo, CommandError> {
    state.settings()
}

#[tauri::command(async)]
pub fn set_operator(state: State<'_, AppState>, name: String) -> Result<String, CommandError> {
    state.set_operator(&name)
}

/// 「立即备份」: asks where to save (proposing today's name), then writes the copy. `None`: cancelled.
#[tauri::command(async)]
pub fn backup_database(app: AppHandle, state: State<'_, AppState>) -> Result<Option<BackupOutcome>, CommandError> {
    let name = backup_name(chrono::Local::now().date_naive());
    let Some(dest) = dialogs::save_file(&app, "备份数据库", &name, &[DATABASE_FILES])? else {
        return Ok(None);
    };
    state.backup_database(&dest).map(Some)
}

/// 「从备份恢复」, first step: asks for the backup and says what it holds. `None`: cancelled.
#[tauri::command(async)]
pub fn restore_pick(app: AppHandle, state: State<'_, AppState>) -> Result<Option<BackupInfo>, CommandError> {
    let Some(path) = dialogs::pick_file(&app, "选择要恢复的备份", &[DATABASE_FILES])? else {
        return Ok(None);
    };
    state.restore_check(&path).map(Some)
}

/// 「从备份恢复」, second step, after the clerk confirmed.
#[tauri::command(async)]
pub fn restore_database(state: State<'_, AppState>) -> Result<RestoreOutcome, CommandError> {
    state.restore_database(chrono::Local::now().naive_local())
}
