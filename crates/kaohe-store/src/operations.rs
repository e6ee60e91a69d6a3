//! The 操作日志: every change to the database with who, when, what and why. Imports and the
//! committee's decisions keep their own records (`imports`, `assessment_log`); operations on the
//! database itself (backup, restore, a change of rule profile or of 操作人) are recorded in
//! `operations`.
//! [`Store::operation_log`] merges the three, newest first.

use rusqlite::params;

use crate::{now, Store, StoreError};

pub use crate::kinds::OperationKind;

/// One entry of the merged log.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Operation {
    pub kind: OperationKind,
    /// `YYYY-MM-DD HH:MM:SS`, local time.
    pub at: String,
    /// The 操作人; empty when none was recorded.
    pub by: String,
    /// The assessment year of an override, ratio, finalisation or reopening.
    pub year: Option<i32>,
    /// The file (import, backup, restore, rule profile) or the person's name (override).
    pub subject: Option<String>,
    /// The person's ID (override).
    pub person_id: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// The reason or basis given.
    pub reason: Option<String>,
    /// People imported, or held by the restored database.
    pub people: Option<i64>,
    /// Problems found in the imported roster.
    pub issues: Option<i64>,
}

/// Which entries to list; `None` means all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogFilter {
    pub kind: Option<OperationKind>,
    /// The assessment year for the committee's decisions, the calendar year of the entry for
    /// the others.
    pub year: Option<i32>,
}

/// What to record for an operation on the database itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationRecord<'a> {
    /// `Backup`, `Restore`, `Profile`, `Operator`, `Password` or `Verify`.
    pub kind: OperationKind,
    pub subject: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub people: Option<i64>,
    pub by: &'a str,
}

impl<'a> OperationRecord<'a> {
    /// An operation of `kind` by `by`, with nothing else said (fill in the rest).
    pub fn new(kind: OperationKind, by: &'a str) -> OperationRecord<'a> {
        OperationRecord { kind, subject: None, from: None, to: None, reason: None, people: None, by }
    }
}

impl Store {
    /// Records an operation on the database itself (backup, restore, rule profile change).
    pub fn record_operation(&self, op: &OperationRecord) -> Result<(), StoreError> {
        Self::record_in(&self.conn, op)
    }

    /// Records an operation on `conn` (a transaction: the change and its entry together).
    pub(crate) fn record_in(conn: &rusqlite::Connection, op: &OperationRecord) -> Result<(), StoreError> {
        conn.execute(
            "INSERT INTO operations (kind, subject, from_value, to_value, reason, people, by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![op.kind, op.subject, op.from, op.to, op.reason, op.people, op.by.trim(), now()],
        )?;
        Ok(())
    }

    /// Imports, the committee's decisions and operations on the database, newest first.
    pub fn operation_log(&self, filter: &LogFilter) -> Result<Vec<Operation>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT kind, at, by, year, subject, person_id, from_value, to_value, reason, people, issues FROM (
                SELECT 'import' AS kind, imported_at AS at, by, NULL AS year, file AS subject, NULL AS person_id,
                       NULL AS from_value, NULL AS to_value, NULL AS reason, people, issues, 0 AS src, id
                  FROM imports
                UNION ALL
                SELECT l.action, l.at, l.by, l.year, p.name, l.person_id, l.from_value, l.to_value, l.reason, NULL, NULL, 1, l.id
                  FROM assessment_log l LEFT JOIN people p ON p.id = l.person_id
                UNION ALL
                SELECT kind, at, by, NULL, subject, NULL, from_value, to_value, reason, people, NULL, 2, id
                  FROM operations
             )
             WHERE (?1 IS NULL OR kind = ?1)
               AND (?2 IS NULL OR coalesce(year, CAST(substr(at, 1, 4) AS INTEGER)) = ?2)
             ORDER BY at DESC, src DESC, id DESC",
        )?;
        let rows = stmt.query_map(params![filter.kind, filter.year], |r| {
            Ok(Operation {
                kind: r.get(0)?,
                at: r.get(1)?,
                by: r.get(2)?,
                year: r.get(3)?,
                subject: r.get(4)?,
                person_id: r.get(5)?,
                from: r.get(6)?,
                to: r.get(7)?,
                reason: r.get(8)?,
                people: r.get(9)?,
                issues: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
