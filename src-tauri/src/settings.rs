//! 设置: where the database is, the 操作人 (kept in the database), 「立即备份」 (a consistent copy
//! made by SQLite, never a copy of the open file) and 「从备份恢复」 in two steps: the clerk picks
//! a file and sees what it holds (checked without changing it), then confirms; the current
//! database is copied aside first, then replaced and reopened. Backups and restores are recorded
//! in the 操作日志.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use kaohe_store::operations::OperationRecord;
use kaohe_store::settings::{inspect_backup, BackupInfo};
use kaohe_store::{Password, StoreError};
use tauri::{AppHandle, State};

use crate::dialogs::{self, Filter};
use crate::error::{CommandError, ErrorCode};
use crate::state::AppState;
pub use kaohe_desk::ipc::{BackupOutcome, RestoreOutcome, SettingsInfo};

/// A Kaohe database file.
pub const DATABASE_FILES: Filter = Filter { name: "考核数据库（.db）", extensions: &["db"] };

/// The folder, beside the database, that keeps the copy made before each restore.
pub const SAFETY_FOLDER: &str = "恢复前备份";

/// The backup picked for 「从备份恢复」, awaiting the clerk's confirmation.
pub struct PendingRestore {
    pub path: PathBuf,
    /// The password it opened with (the database's, or the one the clerk typed for it).
    pub password: Option<Password>,
    /// Whether it was checked and found a Kaohe backup ([`inspect_backup`]); not yet when it
    /// waits for its password.
    pub checked: bool,
}

/// 「考核数据备份_2026-11-27.db」.
pub fn backup_name(today: NaiveDate) -> String {
    format!("考核数据备份_{}.db", today.format("%Y-%m-%d"))
}

impl AppState {
    pub fn settings(&self) -> Result<SettingsInfo, CommandError> {
        let (operator, has_password) = self.reading(|store| Ok((store.operator()?, store.has_password())))?;
        Ok(SettingsInfo {
            db_path: self.db_path().display().to_string(),
            operator,
            has_password,
            profile: self.active_profile()?,
            schema_version: kaohe_store::SCHEMA_VERSION,
        })
    }

    /// Saves the 操作人 (trimmed; empty clears it), logs the change, and returns it as saved.
    pub fn set_operator(&self, name: &str) -> Result<String, CommandError> {
        let name = name.trim();
        if name.chars().count() > 40 {
            return Err(CommandError::new(ErrorCode::BadArgument, "操作人姓名不能超过40个字"));
        }
        self.reading(|store| {
            store.change_operator(name)?;
            Ok(store.operator()?)
        })
    }

    /// Writes a consistent copy of the database to `dest` and records it.
    pub fn backup_database(&self, dest: &Path) -> Result<BackupOutcome, CommandError> {
        self.reading(|store| {
            store.backup_to(dest).map_err(write_failed)?;
            // Read the copy back: it must open as a Kaohe database (with the database's password).
            inspect_backup(dest, store.password())?;
            let people = store.counts()?.people;
            let shown = dest.display().to_string();
            store.record_operation(&OperationRecord {
                subject: Some(&shown),
                people: Some(people as i64),
                ..OperationRecord::new(kaohe_store::OperationKind::Backup, &store.operator()?)
            })?;
            Ok(BackupOutcome { path: shown, people })
        })
    }

    /// What the backup at `path` holds, checked without changing it (opened with the database's
    /// password if it has one); remembered for [`AppState::restore_database`]. A backup with
    /// another password stays picked, waiting for it ([`AppState::restore_unlock`]).
    pub fn restore_check(&self, path: &Path) -> Result<BackupInfo, CommandError> {
        let password = self.store()?.as_ref().ok().and_then(|s| s.password().cloned());
        self.restore_check_with(path, password)
    }

    pub(crate) fn restore_check_with(
        &self,
        path: &Path,
        password: Option<Password>,
    ) -> Result<BackupInfo, CommandError> {
        let checked = inspect_backup(path, password.as_ref());
        let waits = matches!(checked, Err(StoreError::PasswordRequired { .. } | StoreError::WrongPassword { .. }));
        if let Ok(mut p) = self.pending_restore.lock() {
            *p = (checked.is_ok() || waits).then(|| PendingRestore {
                path: path.to_path_buf(),
                password,
                checked: checked.is_ok(),
            });
        }
        checked.map_err(|e| match e {
            StoreError::PasswordRequired { .. } => CommandError::new(
                ErrorCode::PasswordRequired,
                format!("备份「{}」设置了密码，请输入这个备份的密码", path.display()),
            ),
            StoreError::WrongPassword { .. } => {
                CommandError::new(ErrorCode::WrongPassword, format!("密码不对，备份「{}」没有打开", path.display()))
            }
            e => e.into(),
        })
    }

    /// Replaces the database with the backup checked by [`AppState::restore_check`], after copying
    /// the current one into [`SAFETY_FOLDER`] beside it (named by `now`); reopens it, keeps the
    /// 操作人 and applies the rule profile the backup remembers. Records the restore.
    pub fn restore_database(&self, now: NaiveDateTime) -> Result<RestoreOutcome, CommandError> {
        let pending = self.pending_restore.lock().ok().and_then(|mut p| p.take()).filter(|p| p.checked);
        let PendingRestore { path: backup, password: backup_password, .. } =
            pending.ok_or_else(|| CommandError::new(ErrorCode::BadArgument, "请先选择要恢复的备份文件"))?;
        let dir = self.db_path().parent().map(Path::to_path_buf).unwrap_or_default().join(SAFETY_FOLDER);
        let safety = dir.join(format!("恢复前备份_{}.db", now.format("%Y-%m-%d_%H%M%S")));
        let mut guard = self.store()?;
        let current = std::mem::replace(&mut *guard, Err(CommandError::new(ErrorCode::Database, "数据库正在恢复")));
        let by = current.as_ref().ok().and_then(|s| s.operator().ok()).unwrap_or_default();
        let open_error = current.as_ref().err().cloned();
        let current = current.map_err(|e| StoreError::Corrupt(e.message));
        let restored =
            kaohe_store::settings::restore(current, self.db_path(), &backup, backup_password.as_ref(), &safety);
        let store = match restored {
            Ok(store) => store,
            Err(failed) => {
                // Still the database that was open (or why it would not open, as before).
                *guard = match (failed.store, open_error) {
                    (Ok(store), _) => Ok(store),
                    (Err(_), Some(before)) => Err(before),
                    (Err(e), None) => Err(e.into()),
                };
                return Err(match failed.error {
                    e @ StoreError::Write { .. } => write_failed(e),
                    e => e.into(),
                });
            }
        };
        if !by.is_empty() {
            store.set_operator(&by)?;
        }
        let counts = store.counts()?;
        let safety_shown = safety.exists().then(|| safety.display().to_string());
        store.record_operation(&OperationRecord {
            subject: Some(&backup.display().to_string()),
            to: safety_shown.as_deref(),
            people: Some(counts.people as i64),
            ..OperationRecord::new(kaohe_store::OperationKind::Restore, &by)
        })?;
        *guard = Ok(store);
        drop(guard);
        self.apply_saved_profile();
        Ok(RestoreOutcome {
            people: counts.people,
            organs: counts.organs,
            safety_copy: safety_shown.unwrap_or_default(),
        })
    }
}

fn write_failed(e: StoreError) -> CommandError {
    match e {
        StoreError::Write { .. } => CommandError::new(ErrorCode::WriteFailed, e.to_string()),
        e => e.into(),
    }
}

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
    state.backup_database(&with_db_extension(dest)).map(Some)
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

/// A name typed without an extension gets `.db`.
fn with_db_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("db")
    }
}
