//! The database's optional password: SQLCipher (AES-256, the key derived from the password by
//! PBKDF2-HMAC-SHA512) encrypts every page of the file, its journal, and every backup and safety
//! copy made of it. Off by default; the clerk sets, changes or removes it in 设置 (the command
//! line: `kaohe password`).
//!
//! - A file is known to be encrypted by its first bytes: an SQLite database starts with
//!   `SQLite format 3`, an encrypted one with random salt ([`Encryption::of`]). So opening
//!   never guesses: a plain database opens as before whatever password is given, an encrypted one
//!   without a password is refused ([`StoreError::PasswordRequired`]), with a wrong one too
//!   ([`StoreError::WrongPassword`]).
//! - Setting, changing or removing the password writes a new copy of the database under the new
//!   password beside the file (`sqlcipher_export`), syncs it and renames it into place: a failure
//!   or a power cut at any moment leaves the database under the old password or the new one.
//! - The password is kept in memory only, for the life of the open database; nothing of it is
//!   written anywhere. A forgotten password cannot be recovered: the data is lost but for a
//!   backup whose password is known.

use std::io::Read;
use std::path::Path;

use rusqlite::Connection;

use crate::{Store, StoreError};

/// The fewest characters a new password may have.
pub const MIN_CHARS: usize = 6;

/// A database password. Its text is never shown (`Debug` prints `Password(***)`).
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// A password to open a database with: `None` when empty.
    pub fn new(text: &str) -> Option<Password> {
        (!text.is_empty()).then(|| Password(text.to_owned()))
    }

    /// A password to set on a database: at least [`MIN_CHARS`] characters, no control characters.
    pub fn new_for_setting(text: &str) -> Result<Password, StoreError> {
        if text.chars().count() < MIN_CHARS {
            return Err(StoreError::WeakPassword(format!("密码至少要有 {MIN_CHARS} 个字符")));
        }
        if text.chars().any(char::is_control) {
            return Err(StoreError::WeakPassword("密码中不能有换行、制表符等控制字符".into()));
        }
        Ok(Password(text.to_owned()))
    }

    pub(crate) fn text(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// What a database file is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encryption {
    /// No file, or an empty one: a new database.
    New,
    /// An SQLite database without a password.
    Plain,
    /// Not an SQLite header, and the size of a whole number of pages: a database with a
    /// password (or a file that is no database at all, which no password opens).
    Encrypted,
    /// Neither: not a database.
    Other,
}

/// The first bytes of every SQLite database file.
const HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Encryption {
    /// What the file at `path` is.
    pub fn of(path: &Path) -> Encryption {
        let Ok(mut file) = std::fs::File::open(path) else { return Encryption::New };
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        if len == 0 {
            return Encryption::New;
        }
        let mut head = [0u8; 16];
        match file.read_exact(&mut head) {
            Ok(()) if &head == HEADER => Encryption::Plain,
            // SQLCipher's pages are 4096 bytes by default, and never smaller than 512.
            Ok(()) if len % 512 == 0 => Encryption::Encrypted,
            _ => Encryption::Other,
        }
    }
}

/// Gives `conn` (just opened on `shown`, nothing read yet) the password of an encrypted file and
/// checks it opens the file.
pub(crate) fn unlock(conn: &Connection, password: &Password, shown: &str) -> Result<(), StoreError> {
    // A wrong password is the clerk's to hear of, in words: SQLCipher's own log stays quiet.
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    conn.pragma_update(None, "key", password.text())?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::NotADatabase => {
            Err(StoreError::WrongPassword { path: shown.to_owned() })
        }
        Err(e) => Err(e.into()),
    }
}

/// Gives `conn` (just opened, nothing read yet) the password a new database is created with.
pub(crate) fn encrypt_new(conn: &Connection, password: &Password) -> Result<(), StoreError> {
    conn.pragma_update(None, "key", password.text())?;
    Ok(())
}

/// Writes a copy of the database open on `conn` (schema, data, `user_version`, `application_id`)
/// to the new file `dest`, encrypted with `password` or plain without one.
pub(crate) fn export(conn: &Connection, dest: &Path, password: Option<&Password>) -> Result<(), StoreError> {
    let key = password.map(Password::text).unwrap_or("");
    conn.execute("ATTACH DATABASE ?1 AS exported KEY ?2", [dest.to_string_lossy().as_ref(), key])?;
    let exported = (|| {
        conn.query_row("SELECT sqlcipher_export('exported')", [], |_| Ok(()))?;
        let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        conn.pragma_update(Some("exported"), "user_version", version)?;
        conn.pragma_update(Some("exported"), "application_id", app_id)?;
        Ok::<_, StoreError>(())
    })();
    conn.execute("DETACH DATABASE exported", [])?;
    exported
}

impl Store {
    /// Whether the open database has a password.
    pub fn has_password(&self) -> bool {
        self.password.is_some()
    }

    /// The password the database was opened with (to open it again, e.g. for a read ahead).
    pub fn password(&self) -> Option<&Password> {
        self.password.as_ref()
    }

    /// Like [`Store::change_password`], and records the change in the 操作日志 (kind `password`,
    /// to 设置, 更改 or 取消, by `by`). Nothing is done or recorded when the database has no
    /// password and none is asked for; returns whether anything changed.
    pub fn change_password_as(&mut self, new: Option<&Password>, by: &str) -> Result<bool, StoreError> {
        let to = match (self.has_password(), new.is_some()) {
            (false, false) => return Ok(false),
            (false, true) => "设置",
            (true, true) => "更改",
            (true, false) => "取消",
        };
        self.change_password(new)?;
        self.record_operation(&crate::operations::OperationRecord {
            to: Some(to),
            ..crate::operations::OperationRecord::new(crate::OperationKind::Password, by)
        })?;
        Ok(true)
    }

    /// Sets, changes (`Some`) or removes (`None`) the database's password: a copy under the new
    /// one is written beside the file and renamed over it, and the database is opened again
    /// from it. On failure the database is left, and open, under its old password. Should the
    /// file not open again at all (the disk gone between the rename and the reopening), the error
    /// says why and this store holds no database: every later operation fails (no table) until
    /// the database is opened again.
    pub fn change_password(&mut self, new: Option<&Password>) -> Result<(), StoreError> {
        let path = self.path.clone();
        if crate::connection::in_memory(&path) {
            return Err(StoreError::Write {
                path: path.display().to_string(),
                message: "内存中的数据库不能设置密码".into(),
            });
        }
        let old = self.password.clone();
        let written = kaohe_files::write_replacing(&path, kaohe_files::Access::OwnerOnly, |partial| {
            export(&self.conn, partial, new)?;
            // The file is renamed over the database: the connection to it is closed first
            // (Windows renames no file that is open).
            self.conn = Connection::open_in_memory()?;
            Ok(())
        });
        let reopened = Store::open_with(&path, if written.is_ok() { new } else { old.as_ref() });
        match (written, reopened) {
            (Ok(()), Ok(store)) => {
                *self = store;
                Ok(())
            }
            (Err(e), Ok(store)) => {
                *self = store;
                Err(e)
            }
            (_, Err(e)) => Err(e),
        }
    }
}
