//! The application's settings kept in the database (the 操作人, the active rule profile), and the
//! database as a file: a consistent backup copy, what a backup holds (read without changing it),
//! and restoring one in place of the open database with a safety copy of the current one.
//!
//! Copies are made by SQLite itself (`VACUUM INTO`), never by copying the file of an open
//! database, so a copy is always a complete, consistent database. A backup being restored is
//! trusted for its data only: its schema must be Kaohe's own, and what replaces the database is
//! a fresh one built by the migrations and filled from it column by column (`known_schema`).

use std::path::{Path, PathBuf};

use kaohe_files::{same_file, Access};
use rusqlite::{params, Connection, OptionalExtension};

use crate::connection::{self, Mode};
use crate::{check_kaohe, known_schema, migrations, now, Password, Store, StoreError};

/// The setting holding the 操作人 recorded with every change.
pub const OPERATOR: &str = "operator";
/// The setting holding the text of the active rule profile (absent: the national default).
pub const PROFILE_TEXT: &str = "profile.text";
/// The setting holding the file the active rule profile was loaded from (for display only).
pub const PROFILE_FILE: &str = "profile.file";

/// The last import recorded in a database.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportRecord {
    pub file: String,
    /// `YYYY-MM-DD HH:MM:SS`, local time.
    pub at: String,
    pub people: u64,
}

/// What a backup file holds, read without changing it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BackupInfo {
    pub path: String,
    /// Its schema version (older ones are upgraded once restored).
    pub schema_version: i32,
    pub people: u64,
    pub organs: u64,
    /// Years whose assessment is finalised.
    pub finalized_years: Vec<i32>,
    pub last_import: Option<ImportRecord>,
}

/// A restore that did not complete: why, and the database that is open now (the current one,
/// untouched, when the failure came before the file was replaced).
pub struct RestoreFailed {
    pub error: StoreError,
    pub store: Result<Store, StoreError>,
}

fn table_exists(conn: &Connection, name: &str) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", [name], |r| {
        r.get::<_, i64>(0)
    })? > 0)
}

/// A local rule profile the app saved in a database: its text, and the file it was loaded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedProfile {
    pub text: String,
    pub file: Option<String>,
}

/// The local rule profile saved in the database at `path` (opened with its `password` if it has
/// one), read without modifying it (or creating it): `None` when there is no such file, the
/// database is from before settings were kept, or the national default is in force.
pub fn saved_profile(path: &Path, password: Option<&Password>) -> Result<Option<SavedProfile>, StoreError> {
    if !path.exists() {
        return Ok(None);
    }
    let conn = connection::open(path, Mode::ReadOnly, password)?;
    if !table_exists(&conn, "settings")? {
        return Ok(None);
    }
    let get = |key: &str| {
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get::<_, String>(0)).optional()
    };
    let Some(text) = get(PROFILE_TEXT)? else { return Ok(None) };
    Ok(Some(SavedProfile { text, file: get(PROFILE_FILE)? }))
}

/// Reads what the Kaohe database at `path` holds without modifying it (opened read-only), and
/// checks it as [`restore`] will: a file that is not a Kaohe database, an empty one, or one from a
/// newer schema is refused with the same errors as [`Store::open`]; one with anything in its
/// schema that Kaohe's migrations do not create ([`StoreError::UnsafeBackup`], naming each), or
/// that fails SQLite's integrity or foreign key checks ([`StoreError::DamagedBackup`]), is
/// refused too. Nothing of the file's schema is executed: only Kaohe's own tables are counted,
/// once the schema is known to be Kaohe's. A backup with a password needs it
/// ([`StoreError::PasswordRequired`], [`StoreError::WrongPassword`]); a plain one opens without.
pub fn inspect_backup(path: &Path, password: Option<&Password>) -> Result<BackupInfo, StoreError> {
    let shown = path.display().to_string();
    if !path.is_file() {
        return Err(StoreError::NotKaohe { path: shown });
    }
    let conn = connection::open(path, Mode::ReadOnly, password).map_err(|e| match e {
        e @ (StoreError::PasswordRequired { .. } | StoreError::WrongPassword { .. }) => e,
        _ => StoreError::NotKaohe { path: shown.clone() },
    })?;
    let schema_version = check_kaohe(&conn, &shown, false)?;
    known_schema::check(&conn, "main", &shown, schema_version)?;
    known_schema::check_integrity(&conn, "main", &shown)?;
    let count = |table: &str| -> Result<u64, StoreError> {
        if !table_exists(&conn, table)? {
            return Ok(0);
        }
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))? as u64)
    };
    let (people, organs) = (count("people")?, count("organs")?);
    let mut finalized_years = Vec::new();
    if table_exists(&conn, "assessment_years")? {
        let mut stmt =
            conn.prepare("SELECT year FROM assessment_years WHERE finalized_on IS NOT NULL ORDER BY year")?;
        finalized_years = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    }
    let last_import = if table_exists(&conn, "imports")? {
        conn.query_row("SELECT file, imported_at, people FROM imports ORDER BY id DESC LIMIT 1", [], |r| {
            Ok(ImportRecord { file: r.get(0)?, at: r.get(1)?, people: r.get::<_, i64>(2)?.max(0) as u64 })
        })
        .optional()?
    } else {
        None
    };
    Ok(BackupInfo { path: shown, schema_version, people, organs, finalized_years, last_import })
}

/// Builds at `staging` (replacing any file left there) a fresh database holding the data of the
/// checked `backup` (opened with `backup_password`), at schema `version`, then brought to this
/// build's schema and checked; encrypted with `password` if given.
fn rebuild(
    staging: &Path,
    backup: (&Path, Option<&Password>),
    version: i32,
    password: Option<&Password>,
) -> Result<(), StoreError> {
    let (backup, backup_password) = backup;
    let shown = backup.display().to_string();
    match std::fs::remove_file(staging) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(StoreError::Write { path: staging.display().to_string(), message: e.to_string() })
        }
        _ => {}
    }
    let mut conn = connection::open(staging, Mode::ReadWrite, password)?;
    // Tables are filled in any order; the references are checked once all are.
    conn.pragma_update(None, "foreign_keys", false)?;
    conn.pragma_update(None, "application_id", crate::APPLICATION_ID)?;
    migrations::migrate(&mut conn, &shown, version.max(0) as usize)?;
    known_schema::copy(&mut conn, (backup, backup_password), &shown, version)?;
    migrations::migrate(&mut conn, &shown, migrations::MIGRATIONS.len())?;
    known_schema::check_integrity(&conn, "main", &shown)?;
    Ok(())
}

/// Writes a consistent copy of the database open on `conn` to `dest` (replacing it), owner-only
/// and never half written ([`kaohe_files::write_replacing`]).
fn vacuum_into(conn: &Connection, dest: &Path) -> Result<(), StoreError> {
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        kaohe_files::create_folder(dir)
            .map_err(|e| StoreError::Write { path: dest.display().to_string(), message: e.to_string() })?;
    }
    kaohe_files::write_replacing(dest, Access::OwnerOnly, |partial| {
        conn.execute("VACUUM INTO ?1", [partial.to_string_lossy()])
            .map(drop)
            .map_err(|e| StoreError::Write { path: dest.display().to_string(), message: e.to_string() })
    })
}

/// A setting's value on `conn` (the store's connection or a transaction of it), if set.
pub(crate) fn read_setting(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

/// Sets a setting on `conn` (the store's connection or a transaction of it).
pub(crate) fn write_setting(conn: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![key, value, now()],
    )?;
    Ok(())
}

impl Store {
    /// A setting's value, if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        read_setting(&self.conn, key)
    }

    /// Sets a setting.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        write_setting(&self.conn, key, value)
    }

    /// Removes a setting (back to its default).
    pub fn clear_setting(&self, key: &str) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }

    /// The 操作人 recorded with every change; empty when not set.
    pub fn operator(&self) -> Result<String, StoreError> {
        Ok(self.setting(OPERATOR)?.unwrap_or_default())
    }

    /// Sets the 操作人 (trimmed; empty clears it).
    pub fn set_operator(&self, name: &str) -> Result<(), StoreError> {
        match name.trim() {
            "" => self.clear_setting(OPERATOR),
            name => self.set_setting(OPERATOR, name),
        }
    }

    /// Sets the 操作人 as [`Store::set_operator`] does and, when it changed, records the change
    /// in the 操作日志 (kind `operator`, from and to; by the new 操作人, or the old one when it
    /// is cleared), both in one transaction. Returns whether it changed.
    pub fn change_operator(&self, name: &str) -> Result<bool, StoreError> {
        let (old, new) = (self.operator()?, name.trim().to_string());
        if old == new {
            return Ok(false);
        }
        let tx = self.conn.unchecked_transaction()?;
        self.set_operator(&new)?;
        let by = if new.is_empty() { &old } else { &new };
        let shown = |n: &str| (!n.is_empty()).then(|| n.to_string());
        self.record_operation(&crate::operations::OperationRecord {
            from: shown(&old).as_deref(),
            to: shown(&new).as_deref(),
            ..crate::operations::OperationRecord::new(crate::OperationKind::Operator, by)
        })?;
        tx.commit()?;
        Ok(true)
    }

    /// Writes a consistent copy of the whole database to `dest` (replacing that file).
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        if same_file(dest, &self.path) {
            return Err(StoreError::Write {
                path: dest.display().to_string(),
                message: "不能备份到正在使用的数据库文件本身".into(),
            });
        }
        vacuum_into(&self.conn, dest)
    }
}

/// Replaces the database at `path` with the Kaohe database `backup` (opened with
/// `backup_password` if it has one), after writing a copy of the current one to `safety`;
/// returns the reopened database. `current` is the database open at `path` (its connection is
/// closed before the file is replaced), or why it could not be opened: then the unopened file
/// itself is copied to `safety`, and restoring a backup is the way out (a forgotten password
/// too). The restored database keeps the current one's password; when the current one has none
/// (or could not be opened), it takes the backup's.
///
/// The backup is checked first ([`inspect_backup`]: its schema must be exactly Kaohe's, its data
/// whole) and only read. What replaces the database is a fresh one: Kaohe's migrations up to the
/// backup's version, its known tables filled column by column from the backup attached read-only,
/// the later migrations, then SQLite's integrity and foreign key checks. If anything fails before
/// the file is replaced, the current database is untouched and handed back open; if reopening
/// fails after, the safety copy is put back.
pub fn restore(
    current: Result<Store, StoreError>,
    path: &Path,
    backup: &Path,
    backup_password: Option<&Password>,
    safety: &Path,
) -> Result<Store, Box<RestoreFailed>> {
    let old_password = current.as_ref().ok().and_then(|s| s.password().cloned());
    let password = old_password.clone().or_else(|| backup_password.cloned());
    let mut staging = path.as_os_str().to_owned();
    staging.push(".restoring");
    let staging = PathBuf::from(staging);
    let prepared = (|| {
        let version = inspect_backup(backup, backup_password)?.schema_version;
        if same_file(backup, path) || same_file(backup, safety) {
            return Err(StoreError::Write {
                path: backup.display().to_string(),
                message: "所选文件就是正在使用的数据库".into(),
            });
        }
        match &current {
            Ok(store) => store.backup_to(safety)?,
            Err(_) if path.exists() => {
                let failed = |e: std::io::Error| StoreError::Write {
                    path: safety.display().to_string(),
                    message: e.to_string(),
                };
                if let Some(dir) = safety.parent() {
                    kaohe_files::create_folder(dir).map_err(failed)?;
                }
                kaohe_files::write_replacing(safety, Access::OwnerOnly, |partial| {
                    std::fs::copy(path, partial).map(drop).map_err(failed)
                })?;
            }
            Err(_) => {}
        }
        rebuild(&staging, (backup, backup_password), version, password.as_ref())
    })();
    if let Err(error) = prepared {
        let _ = std::fs::remove_file(&staging);
        return Err(Box::new(RestoreFailed { error, store: current }));
    }
    // Close the current connection before its file is replaced.
    drop(current);
    if let Err(e) = std::fs::rename(&staging, path) {
        // Not replaced (e.g. another program holds the file open): the current file is intact.
        let _ = std::fs::remove_file(&staging);
        let error = StoreError::Write { path: path.display().to_string(), message: e.to_string() };
        return Err(Box::new(RestoreFailed { error, store: Store::open_with(path, old_password.as_ref()) }));
    }
    Store::open_with(path, password.as_ref()).map_err(|error| {
        // The copy will not open: put the current database back from its safety copy.
        let back = if safety.is_file() {
            std::fs::copy(safety, path)
                .map_err(|e| StoreError::Write { path: path.display().to_string(), message: e.to_string() })
                .and_then(|_| Store::open_with(path, old_password.as_ref()))
        } else {
            Store::open_with(path, old_password.as_ref())
        };
        Box::new(RestoreFailed { error, store: back })
    })
}
