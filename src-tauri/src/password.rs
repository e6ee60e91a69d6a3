//! The database's password in the app (see [`kaohe_store::password`]): a database with one opens
//! locked, and the window asks for it before anything else (`database_lock`, `unlock_database`);
//! 设置 sets, changes or removes it (`set_database_password`, recorded in the 操作日志); a backup
//! with a password other than the database's is opened with the one the clerk types
//! (`restore_unlock`). The password is held by the open database only, never written anywhere.

use kaohe_store::settings::BackupInfo;
use kaohe_store::{Password, Store, StoreError};
use tauri::State;

use crate::error::{CommandError, ErrorCode};
use crate::state::AppState;
pub use kaohe_desk::ipc::{DatabaseLock, PasswordChange};

impl AppState {
    pub fn database_lock(&self) -> Result<DatabaseLock, CommandError> {
        let guard = self.store()?;
        let (locked, has_password) = match &*guard {
            Ok(store) => (false, store.has_password()),
            // A database that did not open for another reason says nothing of a password.
            Err(e) => (e.code == ErrorCode::PasswordRequired, e.code == ErrorCode::PasswordRequired),
        };
        Ok(DatabaseLock { db_path: self.db_path().display().to_string(), locked, has_password })
    }

    /// Opens the locked database with `password`; a wrong one leaves it locked
    /// ([`ErrorCode::WrongPassword`]). An open database is left as it is.
    pub fn unlock_database(&self, password: &str) -> Result<DatabaseLock, CommandError> {
        {
            let mut guard = self.store()?;
            if guard.is_err() {
                let password = Password::new(password)
                    .ok_or_else(|| CommandError::new(ErrorCode::BadArgument, "请输入数据库密码"))?;
                *guard = Ok(Store::open_with(self.db_path(), Some(&password))?);
            }
        }
        self.apply_saved_profile();
        self.database_lock()
    }

    /// Sets (`new` given, none before), changes (`current` must be the password in force) or
    /// removes (`new` empty) the database's password, and records it in the 操作日志.
    pub fn set_database_password(&self, current: &str, new: &str) -> Result<PasswordChange, CommandError> {
        self.writing(|store| {
            if let Some(held) = store.password() {
                if Password::new(current).as_ref() != Some(held) {
                    return Err(CommandError::new(ErrorCode::WrongPassword, "当前密码不对，密码没有修改"));
                }
            }
            let new = match new {
                "" => None,
                text => Some(Password::new_for_setting(text)?),
            };
            let change = match (store.has_password(), new.is_some()) {
                (false, false) => PasswordChange::Unchanged,
                (false, true) => PasswordChange::Set,
                (true, true) => PasswordChange::Changed,
                (true, false) => PasswordChange::Removed,
            };
            let by = store.operator()?;
            store.change_password_as(new.as_ref(), &by).map_err(|e| match e {
                e @ StoreError::Write { .. } => CommandError::new(ErrorCode::WriteFailed, e.to_string()),
                e => e.into(),
            })?;
            Ok(change)
        })
    }

    /// The backup picked for 「从备份恢复」 has a password other than the database's: checks it
    /// with `password` and, when it opens, keeps both for the restore.
    pub fn restore_unlock(&self, password: &str) -> Result<BackupInfo, CommandError> {
        let path = self.pending_restore.lock().ok().and_then(|p| p.as_ref().map(|p| p.path.clone()));
        let path = path.ok_or_else(|| CommandError::new(ErrorCode::BadArgument, "请先选择要恢复的备份文件"))?;
        let password =
            Password::new(password).ok_or_else(|| CommandError::new(ErrorCode::BadArgument, "请输入备份文件的密码"))?;
        self.restore_check_with(&path, Some(password))
    }
}

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
