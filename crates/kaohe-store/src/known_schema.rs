//! Kaohe's own schema at each version — exactly what its migrations create — and a database file
//! held against it, so that a backup from elsewhere brings data and nothing else.
//!
//! A backup is trusted for the rows of the tables Kaohe knows, never for its schema: a trigger,
//! view, table or index of its own, or a known table defined otherwise (a generated column, a
//! default), could change decisions later, so [`check`] refuses the file naming each. [`copy`]
//! fills a fresh database, built by the migrations, from the backup attached read-only, table by
//! table and column by column; [`check_integrity`] runs SQLite's own checks (`integrity_check`,
//! `foreign_key_check`) on the backup before and on the result after.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use crate::{migrations, Password, StoreError};

/// One entry of a database's schema (`sqlite_master`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Object {
    kind: String,
    name: String,
    table: String,
    sql: Option<String>,
}

impl Object {
    /// 「触发器「x」（在表「t」上）」: what a clerk (or the office's IT) can look for.
    fn described(&self) -> String {
        let kind = match self.kind.as_str() {
            "table" => "数据表",
            "index" => "索引",
            "trigger" => "触发器",
            "view" => "视图",
            other => other,
        };
        match self.kind.as_str() {
            "index" | "trigger" if self.table != self.name => {
                format!("{kind}「{}」（在表「{}」上）", self.name, self.table)
            }
            _ => format!("{kind}「{}」", self.name),
        }
    }
}

fn objects(conn: &Connection, schema: &str) -> Result<Vec<Object>, StoreError> {
    let mut stmt =
        conn.prepare(&format!("SELECT type, name, tbl_name, sql FROM {schema}.sqlite_master ORDER BY rowid"))?;
    let rows =
        stmt.query_map([], |r| Ok(Object { kind: r.get(0)?, name: r.get(1)?, table: r.get(2)?, sql: r.get(3)? }))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The schema Kaohe's migrations create up to `version`, in a database in memory.
fn kaohe_at(version: i32) -> Result<Vec<Object>, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    migrations::migrate(&mut conn, ":memory:", version.max(0) as usize)?;
    objects(&conn, "main")
}

/// Refuses the database attached as `schema` unless its schema is exactly Kaohe's at `version`:
/// every object it has that the migrations do not create, every one defined otherwise and every
/// one missing is named.
pub(crate) fn check(conn: &Connection, schema: &str, shown: &str, version: i32) -> Result<(), StoreError> {
    let kaohe = kaohe_at(version)?;
    let found = objects(conn, schema)?;
    let mut problems = Vec::new();
    for o in &found {
        match kaohe.iter().find(|k| k.name == o.name) {
            None => problems.push(format!("多出{}", o.described())),
            Some(k) if k != o => problems.push(format!("{}的定义被改动", o.described())),
            Some(_) => {}
        }
    }
    for k in kaohe.iter().filter(|k| !found.iter().any(|o| o.name == k.name)) {
        problems.push(format!("缺少{}", k.described()));
    }
    match problems.is_empty() {
        true => Ok(()),
        false => Err(StoreError::UnsafeBackup { path: shown.to_string(), problems }),
    }
}

/// SQLite's checks of the database attached as `schema`: its pages (`integrity_check`) and its
/// references (`foreign_key_check`); the first problem found is said.
pub(crate) fn check_integrity(conn: &Connection, schema: &str, shown: &str) -> Result<(), StoreError> {
    let damaged = |detail: String| StoreError::DamagedBackup { path: shown.to_string(), detail };
    let first: String = conn.query_row(&format!("PRAGMA {schema}.integrity_check(1)"), [], |r| r.get(0))?;
    if first != "ok" {
        return Err(damaged(format!("文件内部结构有误：{first}")));
    }
    let broken: Option<(String, String, i64)> = conn
        .query_row(
            &format!(
                "SELECT \"table\", parent, count(*) FROM pragma_foreign_key_check(NULL, '{schema}') GROUP BY \"table\", parent ORDER BY \"table\", parent LIMIT 1"
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    match broken {
        Some((table, parent, n)) => Err(damaged(format!("表「{table}」中有 {n} 条记录引用的「{parent}」记录不存在"))),
        None => Ok(()),
    }
}

/// Copies the rows of every table of Kaohe's schema at `version` from `backup` into `fresh` (a
/// database just built by the migrations up to `version`, empty, foreign keys off), in one
/// transaction. The backup is attached read-only and held against Kaohe's schema again first,
/// within the transaction (it cannot change in between); nothing of its schema is executed.
pub(crate) fn copy(
    fresh: &mut Connection,
    backup: (&Path, Option<&Password>),
    shown: &str,
    version: i32,
) -> Result<(), StoreError> {
    let (backup, password) = backup;
    // The key is always named: without one, SQLCipher would attach it with `fresh`'s.
    let key = password.map(Password::text).unwrap_or("");
    fresh.execute("ATTACH DATABASE ?1 AS backup KEY ?2", [read_only_uri(backup).as_str(), key])?;
    let copied = (|| {
        let tx = fresh.transaction()?;
        check(&tx, "backup", shown, version)?;
        let tables: Vec<String> = objects(&tx, "main")?
            .into_iter()
            .filter(|o| o.kind == "table" && !o.name.starts_with("sqlite_"))
            .map(|o| o.name)
            .collect();
        for table in tables {
            let columns: Vec<String> = {
                let mut stmt = tx.prepare("SELECT name FROM pragma_table_info(?1, 'main') ORDER BY cid")?;
                let names = stmt.query_map([&table], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
                names.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect()
            };
            // A column derived from the others is left to be computed again: a backup's could
            // have been written to disagree with the fields it stands for.
            let columns: Vec<String> =
                columns.into_iter().filter(|c| !DERIVED.contains(&(table.as_str(), c.trim_matches('"')))).collect();
            let columns = columns.join(", ");
            tx.execute(
                &format!("INSERT INTO main.\"{table}\" ({columns}) SELECT {columns} FROM backup.\"{table}\""),
                [],
            )?;
        }
        if version >= FINGERPRINTS_SINCE {
            crate::fill_fingerprints(&tx)?;
        }
        tx.commit()?;
        Ok(())
    })();
    fresh.execute("DETACH DATABASE backup", [])?;
    copied
}

/// The (table, column) pairs that only restate other columns (`people.fingerprint`, the import's
/// fingerprint of a person's fields): never copied from a backup, computed again from what was.
const DERIVED: [(&str, &str); 1] = [("people", "fingerprint")];

/// The schema version that added `people.fingerprint`.
const FINGERPRINTS_SINCE: i32 = 12;

/// The `file:` URI that opens `path` read-only (for `ATTACH`): absolute, with every byte but the
/// unreserved ones percent-encoded, so that no character of a file name is read as part of the URI.
fn read_only_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut text = absolute.to_string_lossy().into_owned();
    if cfg!(windows) {
        text = text.replace('\\', "/");
    }
    if !text.starts_with('/') {
        text.insert(0, '/');
    }
    let mut uri = String::from("file://");
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                uri.push(char::from(b))
            }
            b => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?mode=ro");
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_is_never_read_as_part_of_the_uri() {
        if cfg!(windows) {
            // A drive letter, backslashes turned to slashes (no `?` in a Windows file name).
            let uri = read_only_uri(Path::new(r"C:\备份\a#c%d e.db"));
            assert_eq!(uri, "file:///C:/%E5%A4%87%E4%BB%BD/a%23c%25d%20e.db?mode=ro");
        } else {
            let uri = read_only_uri(Path::new("/备份/a?b#c%d e.db"));
            assert_eq!(uri, "file:///%E5%A4%87%E4%BB%BD/a%3Fb%23c%25d%20e.db?mode=ro");
        }
    }

    #[test]
    fn kaohes_own_schema_passes_its_own_check() {
        let mut conn = Connection::open_in_memory().expect("memory");
        migrations::migrate(&mut conn, ":memory:", migrations::MIGRATIONS.len()).expect("migrated");
        check(&conn, "main", ":memory:", crate::SCHEMA_VERSION).expect("Kaohe's schema");
        let e = check(&conn, "main", "x.db", 3).expect_err("a newer schema than version 3");
        assert!(e.to_string().contains("多出数据表「column_mappings」"), "{e}");
    }
}
