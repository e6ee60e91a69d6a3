//! What 核查 reads and keeps: the promotions the imports recorded (an import that changed a
//! person's rank and its date; those of the 职级变动 sheet are the roster's rank records), and the findings a clerk marked 已核实 with a reason — each mark
//! and its withdrawal one transaction with its 操作日志 entry.

use chrono::NaiveDate;
use kaohe_engine::audit::{RankStep, StepSource};
use rusqlite::params;

use crate::operations::OperationRecord;
use crate::{now, OperationKind, Store, StoreError};

/// A finding marked 已核实.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "FindingMark"))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Mark {
    pub key: String,
    pub reason: String,
    pub by: String,
    /// `YYYY-MM-DD HH:MM:SS`, local time.
    pub at: String,
}

/// What the 操作日志 says a mark was about: the person and the finding, in words.
pub struct MarkSubject<'a> {
    pub key: &'a str,
    pub person_id: &'a str,
    /// 「张伟（ID）：受处分等影响的年度评为优秀（2023年度）」.
    pub words: &'a str,
}

impl Store {
    /// The promotions recorded by imports: each import that changed a person's rank, with the
    /// rank's dates before and after (an import that changed the rank but not its date is not
    /// one), and when the import ran and its file (the step's source). The promotions of the
    /// ranks the roster's 职级变动 sheet lists are the roster's `rank_records`
    /// ([`kaohe_engine::audit::all_steps`] puts the two together).
    pub fn rank_steps(&self) -> Result<Vec<RankStep>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT r.person_id, r.old_value, s.old_value, r.new_value, s.new_value, i.imported_at, i.file
               FROM person_history r
               JOIN person_history s ON s.import_id = r.import_id AND s.person_id = r.person_id AND s.field = 'rank_since'
               JOIN imports i ON i.id = r.import_id
              WHERE r.field = 'rank' AND r.old_value IS NOT NULL AND r.new_value IS NOT NULL
              ORDER BY r.rowid",
        )?;
        let date = |s: Option<String>| s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
        let rows = stmt.query_map([], |r| {
            Ok((
                (r.get::<_, String>(0)?, r.get(1)?, date(r.get(2)?), r.get(3)?, date(r.get(4)?)),
                StepSource::Import { at: r.get(5)?, file: r.get(6)? },
            ))
        })?;
        let mut steps = Vec::new();
        for row in rows {
            if let ((person_id, from_rank, Some(from_since), to_rank, Some(to_since)), source) = row? {
                steps.push(RankStep { person_id, from_rank, from_since, to_rank, to_since, sources: vec![source] });
            }
        }
        Ok(steps)
    }

    /// Every finding marked 已核实.
    pub fn finding_marks(&self) -> Result<Vec<Mark>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT key, reason, by, at FROM audit_marks ORDER BY key")?;
        let rows =
            stmt.query_map([], |r| Ok(Mark { key: r.get(0)?, reason: r.get(1)?, by: r.get(2)?, at: r.get(3)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks a finding 已核实 (or changes the reason of a mark), logged.
    pub fn mark_finding(&mut self, subject: &MarkSubject, reason: &str, by: &str) -> Result<Mark, StoreError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::MissingReason);
        }
        let tx = self.conn.transaction()?;
        Self::ensure_person(&tx, subject.person_id)?;
        let at = now();
        tx.execute(
            "INSERT INTO audit_marks (key, person_id, reason, by, at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(key) DO UPDATE SET reason = excluded.reason, by = excluded.by, at = excluded.at",
            params![subject.key, subject.person_id, reason, by.trim(), at],
        )?;
        Self::record_in(
            &tx,
            &OperationRecord {
                subject: Some(subject.words),
                to: Some("已核实"),
                reason: Some(reason),
                ..OperationRecord::new(OperationKind::Verify, by)
            },
        )?;
        tx.commit()?;
        Ok(Mark { key: subject.key.to_string(), reason: reason.to_string(), by: by.trim().to_string(), at })
    }

    /// Withdraws a finding's mark, logged with the reason given; whether there was one.
    pub fn unmark_finding(&mut self, subject: &MarkSubject, reason: &str, by: &str) -> Result<bool, StoreError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::MissingReason);
        }
        let tx = self.conn.transaction()?;
        let removed = tx.execute("DELETE FROM audit_marks WHERE key = ?1", [subject.key])? > 0;
        if removed {
            Self::record_in(
                &tx,
                &OperationRecord {
                    subject: Some(subject.words),
                    to: Some("撤销核实"),
                    reason: Some(reason),
                    ..OperationRecord::new(OperationKind::Verify, by)
                },
            )?;
        }
        tx.commit()?;
        Ok(removed)
    }
}
