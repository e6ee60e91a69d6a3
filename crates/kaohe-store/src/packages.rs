//! 汇总's store: the report packages received from the organs, each kept as received (its
//! manifest and its parts' bytes), one current package per organ and year — a later one replaces
//! it only when the clerk confirms, and both stay, the replaced one marked so. Each receipt is one
//! transaction with its 操作日志 entry (kind `receive`).

use rusqlite::{params, OptionalExtension};

use crate::operations::OperationRecord;
use crate::{now, OperationKind, Store, StoreError};

/// A package to keep: what the caller verified and read of it.
pub struct Incoming<'a> {
    pub organ: &'a str,
    pub year: i32,
    /// The file's name as the clerk gave it.
    pub file: &'a str,
    pub sha256: &'a str,
    pub manifest: &'a str,
    pub parts: &'a [(String, Vec<u8>)],
    /// People in the package (for the log).
    pub people: i64,
}

/// A package kept, current for its organ and year.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPackage {
    pub id: i64,
    pub organ: String,
    pub year: i32,
    pub file: String,
    pub sha256: String,
    pub manifest: String,
    pub received_at: String,
    pub received_by: String,
    pub parts: Vec<(String, Vec<u8>)>,
}

impl Store {
    /// The current package of an organ and year: (id, file), if any.
    pub fn current_package(&self, organ: &str, year: i32) -> Result<Option<(i64, String)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, file FROM packages WHERE organ = ?1 AND year = ?2 AND replaced_by IS NULL",
                params![organ, year],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Keeps a package. An organ and year already received is refused (`PackageExists`) unless
    /// `replace`: then the earlier one is marked replaced, both kept, and the log says which.
    /// Returns the replaced package's file, if any.
    pub fn receive_package(&mut self, p: &Incoming, replace: bool, by: &str) -> Result<Option<String>, StoreError> {
        let tx = self.conn.transaction()?;
        let earlier: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, file FROM packages WHERE organ = ?1 AND year = ?2 AND replaced_by IS NULL",
                params![p.organ, p.year],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let (Some((_, file)), false) = (&earlier, replace) {
            return Err(StoreError::PackageExists { organ: p.organ.to_string(), year: p.year, file: file.clone() });
        }
        tx.execute(
            "INSERT INTO packages (organ, year, file, sha256, manifest, received_at, received_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![p.organ, p.year, p.file, p.sha256, p.manifest, now(), by.trim()],
        )?;
        let id = tx.last_insert_rowid();
        {
            let mut insert = tx.prepare("INSERT INTO package_parts (package_id, name, content) VALUES (?1, ?2, ?3)")?;
            for (name, bytes) in p.parts {
                insert.execute(params![id, name, bytes])?;
            }
        }
        if let Some((old, _)) = &earlier {
            tx.execute("UPDATE packages SET replaced_by = ?1 WHERE id = ?2", params![id, old])?;
        }
        let about = format!("{}（{}年度）", p.organ, p.year);
        Self::record_in(
            &tx,
            &OperationRecord {
                subject: Some(p.file),
                from: earlier.as_ref().map(|(_, f)| f.as_str()),
                to: Some(&about),
                people: Some(p.people),
                ..OperationRecord::new(OperationKind::Receive, by)
            },
        )?;
        tx.commit()?;
        Ok(earlier.map(|(_, f)| f))
    }

    /// The organs with a current package of the year (without reading the packages).
    pub fn package_organs(&self, year: i32) -> Result<Vec<String>, StoreError> {
        let mut stmt =
            self.conn.prepare("SELECT organ FROM packages WHERE year = ?1 AND replaced_by IS NULL ORDER BY organ")?;
        let organs = stmt.query_map([year], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(organs)
    }

    /// The current packages of a year, by organ, with the parts named in `parts`, in that order
    /// (a part a package lacks is left out). A 汇总 needs three of a package's five: the rule
    /// profile alone is some 60 KB a package, 47 MB for a city's 800 organs, read for nothing.
    pub fn current_packages(&self, year: i32, parts: &[&str]) -> Result<Vec<StoredPackage>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, organ, year, file, sha256, manifest, received_at, received_by FROM packages
              WHERE year = ?1 AND replaced_by IS NULL ORDER BY organ",
        )?;
        let rows = stmt.query_map([year], |r| {
            Ok(StoredPackage {
                id: r.get(0)?,
                organ: r.get(1)?,
                year: r.get(2)?,
                file: r.get(3)?,
                sha256: r.get(4)?,
                manifest: r.get(5)?,
                received_at: r.get(6)?,
                received_by: r.get(7)?,
                parts: Vec::new(),
            })
        })?;
        let mut packages: Vec<StoredPackage> = rows.collect::<Result<_, _>>()?;
        let mut read =
            self.conn.prepare("SELECT name, content FROM package_parts WHERE package_id = ?1 AND name = ?2")?;
        for p in &mut packages {
            for name in parts {
                let found = read.query_map(rusqlite::params![p.id, name], |r| Ok((r.get(0)?, r.get(1)?)))?;
                for part in found {
                    p.parts.push(part?);
                }
            }
        }
        Ok(packages)
    }
}
