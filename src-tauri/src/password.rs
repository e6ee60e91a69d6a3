//! The database's password in the app (kaohe-desk's `session::backup`): a database with one opens
//! locked, and the window asks for it before anything else (`database_lock`, `unlock_database`);
//! 设置 sets, changes or removes it (`set_database_password`, recorded in the 操作日志); a backup
//! with a password other than the database's is opened with the one the clerk types
//! (`restore_unlock`). The password is held by the open database only, never written anywhere.

use kaohe_store::settings::BackupInfo;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;
pub use kaohe_desk::ipc::{DatabaseLock, PasswordChange};

#[tauri::command(async)]
pub fn database_lock(state: State<'_, AppState>) -> Result<DatabaseLock, CommandError> {
    state.database_lock()
}

#[tauri::command(async)]
pub fn unlock_database(state: State<'_, AppState>, password: String) -> Result<DatabaseLock, CommandError> {
    state.unlock_database(&password)
}

#[tauri::command(async)]
pub fn set_database_password(
    state: State<'_, AppState>,
    current: String,
    new: String,
) -> Result<PasswordChange, CommandError> {
    state.set_database_password(&current, &new)
}

#[tauri::command(async)]
pub fn restore_unlock(state: State<'_, AppState>, password: String) -> Result<BackupInfo, CommandError> {
    state.restore_unlock(&password)
}
