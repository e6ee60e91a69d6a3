//! Every connection to a database is opened here ([`open`]), with the same protections, so that
//! a file from elsewhere (a backup, a database copied from another office) can make Kaohe do no
//! more than read and write its own tables:
//!
//! - SQLite's defensive mode: no editing of the schema by hand (`writable_schema`), no pragmas
//!   that can corrupt the file;
//! - `trusted_schema=OFF`: views, triggers, defaults and indexes of the file may not call
//!   functions with side effects.
//!
//! A new database file is created owner-only first ([`kaohe_files::create_owner_only`]); SQLite
//! gives its journal the same permissions. A file with a password is given it before anything
//! is read ([`crate::password`]).

use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use crate::password::{self, Encryption, Password};
use crate::StoreError;

/// How a database is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Read and write, creating the file (owner-only) when missing; URI file names allowed (the
    /// restore attaches its backup read-only by URI).
    ReadWrite,
    /// Read only: nothing in the file can change, nothing is created.
    ReadOnly,
}

/// Opens the database at `path` (`:memory:` for one in memory) with Kaohe's protections. An
/// encrypted file needs its `password` ([`StoreError::PasswordRequired`],
/// [`StoreError::WrongPassword`]); a new file opened to write is created encrypted with it; a
/// plain one opens without it.
pub(crate) fn open(path: &Path, mode: Mode, password: Option<&Password>) -> Result<Connection, StoreError> {
    let shown = path.display().to_string();
    let in_memory = in_memory(path);
    let encryption = if in_memory { Encryption::Plain } else { Encryption::of(path) };
    if encryption == Encryption::Encrypted && password.is_none() {
        return Err(StoreError::PasswordRequired { path: shown });
    }
    let flags = match mode {
        Mode::ReadWrite => {
            if !in_memory {
                kaohe_files::create_owner_only(path)
                    .map_err(|e| StoreError::Write { path: path.display().to_string(), message: e.to_string() })?;
            }
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_URI
        }
        Mode::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
    };
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    match (encryption, password) {
        (Encryption::Encrypted, Some(p)) => password::unlock(&conn, p, &shown)?,
        (Encryption::New, Some(p)) if mode == Mode::ReadWrite => password::encrypt_new(&conn, p)?,
        _ => {}
    }
    protect(&conn)?;
    Ok(conn)
}

/// Whether `path` names a database in memory (`:memory:`, or nothing) rather than a file.
pub(crate) fn in_memory(path: &Path) -> bool {
    path.as_os_str().is_empty() || path.as_os_str() == ":memory:"
}

fn protect(conn: &Connection) -> Result<(), StoreError> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::Store;

    /// Every store's connection runs with the protections this file gives it.
    #[test]
    fn every_connection_distrusts_the_schema_and_is_defensive() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("kaohe.db")).expect("open");
        let trusted: bool = store.conn.pragma_query_value(None, "trusted_schema", |r| r.get(0)).expect("pragma");
        let defensive = store.conn.db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE).expect("db config");
        assert_eq!((trusted, defensive), (false, true));
        // Defensive: the schema cannot be edited by hand.
        let e = store
            .conn
            .execute_batch("PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'x' WHERE name = 'people'");
        assert!(e.is_err(), "sqlite_master written");
    }
}
