//! 设置: where the database is, the 操作人 (kept in the database), 「立即备份」 (a consistent copy
//! made by SQLite, never a copy of the open file) and 「从备份恢复」 in two steps: the clerk picks
//! a file and sees what it holds (checked without changing it), then confirms; the current
//! database is copied aside first, then replaced and reopened. Backups and restores are recorded
//! in the 操作日志.
//!
//! The database's password (see [`kaohe_store::password`]): a database with one opens locked
//! ([`Session::database_lock`], [`Session::unlock_database`]); 设置 sets, changes or removes it
//! (recorded in the 操作日志); a backup with a password other than the database's is opened with
//! the one the clerk types ([`Session::restore_unlock`]). The password is held by the open
//! database only, never written anywhere.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use kaohe_store::operations::OperationRecord;
use kaohe_store::settings::{inspect_backup, BackupInfo};
use kaohe_store::{Password, Store, StoreError};

use super::Session;
use crate::error::{CommandError, ErrorCode};
use crate::ipc::{BackupOutcome, DatabaseLock, PasswordChange, RestoreOutcome, SettingsInfo};

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

/// A name typed without an extension gets `.db`.
fn with_db_extension(path: &Path) -> PathBuf {
    if path.extension().is_some() {
        path.to_path_buf()
    } else {
        path.with_extension("db")
    }
}

impl Session {
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

    /// Writes a consistent copy of the database to `dest` (`.db` added to a name without an
    /// extension) and records it.
    pub fn backup_database(&self, dest: &Path) -> Result<BackupOutcome, CommandError> {
        let dest = with_db_extension(dest);
        self.reading(|store| {
            store.backup_to(&dest).map_err(write_failed)?;
            // Read the copy back: it must open as a Kaohe database (with the database's password).
            inspect_backup(&dest, store.password())?;
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
    /// password if it has one); remembered for [`Session::restore_database`]. A backup with
    /// another password stays picked, waiting for it ([`Session::restore_unlock`]).
    pub fn restore_check(&self, path: &Path) -> Result<BackupInfo, CommandError> {
        let password = self.store()?.as_ref().ok().and_then(|s| s.password().cloned());
        self.restore_check_with(path, password)
    }

    fn restore_check_with(&self, path: &Path, password: Option<Password>) -> Result<BackupInfo, CommandError> {
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

    /// Replaces the database with the backup checked by [`Session::restore_check`], after copying
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
            store.change_password_as(new.as_ref(), &by).map_err(write_failed)?;
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

/// A store's failure to write a file is the clerk's `write_failed`.
fn write_failed(e: StoreError) -> CommandError {
    match e {
        StoreError::Write { .. } => CommandError::new(ErrorCode::WriteFailed, e.to_string()),
        e => e.into(),
    }
}
