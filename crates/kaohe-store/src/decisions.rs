//! The assessment committee's decisions on a year: overrides, 补定等次, approved ratios, 定稿 and
//! 重新打开, each one transaction with its entry in the year's log ([`Store::assessment_log`]).

use super::*;

/// One entry of the assessment's audit trail (`kaohe assess log --json`, the app's 操作记录).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AssessmentLogEntry"))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LogEntry {
    pub year: i32,
    /// The person's ID for a grade decision; `None` for a ratio, a finalisation or a reopening.
    #[serde(rename = "id")]
    pub person_id: Option<String>,
    pub action: LogAction,
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
    pub by: String,
    /// `YYYY-MM-DD HH:MM:SS`, local time.
    pub at: String,
}

impl Store {
    /// The committee's recorded decisions for a year.
    pub fn decisions(&self, year: i32) -> Result<Decisions, StoreError> {
        let mut d = Decisions::default();
        let mut stmt =
            self.conn.prepare("SELECT person_id, grade, reason FROM assessment_overrides WHERE year = ?1")?;
        for row in
            stmt.query_map([year], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
        {
            let (id, grade, reason) = row?;
            let grade = Grade::from_name(&grade).ok_or_else(|| StoreError::Corrupt(format!("等次「{grade}」无效")))?;
            d.overrides.insert(id, (grade, reason));
        }
        let mut stmt = self.conn.prepare("SELECT organ, ratio, basis FROM approved_ratios WHERE year = ?1")?;
        for row in
            stmt.query_map([year], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?, r.get::<_, String>(2)?)))?
        {
            let (organ, ratio, basis) = row?;
            d.approved_ratios.insert(organ, (ratio, basis));
        }
        let mut stmt =
            self.conn.prepare("SELECT person_id, grade, reason FROM assessment_supplements WHERE year = ?1")?;
        for row in
            stmt.query_map([year], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
        {
            let (id, grade, reason) = row?;
            let grade = Grade::from_name(&grade).ok_or_else(|| StoreError::Corrupt(format!("等次「{grade}」无效")))?;
            d.supplements.insert(id, (grade, reason));
        }
        d.finalized_on = parse_date(
            self.conn
                .query_row("SELECT finalized_on FROM assessment_years WHERE year = ?1", [year], |r| {
                    r.get::<_, Option<String>>(0)
                })
                .optional()?
                .flatten(),
        )?;
        Ok(d)
    }

    /// 补定等次: records the grade set for a person the year left 5B, once the investigation
    /// closed — also in a finalised year, whose stored result for the person becomes that grade.
    /// One transaction with its log entry. The caller checks the person may be supplemented
    /// (kaohe-desk's `committee::supplement_grade`).
    pub fn set_supplement(
        &mut self,
        year: i32,
        person_id: &str,
        grade: Grade,
        reason: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        if reason.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let tx = self.conn.transaction()?;
        Self::ensure_person(&tx, person_id)?;
        let before: Option<String> = tx
            .query_row(
                "SELECT grade FROM assessment_supplements WHERE year = ?1 AND person_id = ?2",
                params![year, person_id],
                |r| r.get(0),
            )
            .optional()?;
        tx.execute(
            "INSERT INTO assessment_supplements (year, person_id, grade, reason) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(year, person_id) DO UPDATE SET grade = excluded.grade, reason = excluded.reason",
            params![year, person_id, grade.name(), reason.trim()],
        )?;
        let finalized: Option<Option<String>> = tx
            .query_row("SELECT finalized_on FROM assessment_years WHERE year = ?1", [year], |r| r.get(0))
            .optional()?;
        if finalized.flatten().is_some() {
            tx.execute(
                "INSERT INTO annual_results (person_id, year, code) VALUES (?1, ?2, ?3) ON CONFLICT(person_id, year) DO UPDATE SET code = excluded.code",
                params![person_id, year, ResultCode::Graded(grade).code()],
            )?;
        }
        let entry = LogEntry {
            year,
            person_id: Some(person_id.to_string()),
            action: LogAction::Supplement,
            from: Some(before.unwrap_or_else(|| ResultCode::UnderInvestigation.code().to_string())),
            to: Some(grade.name().to_string()),
            reason: Some(reason.trim().to_string()),
            by: by.to_string(),
            at: now(),
        };
        Self::log(&tx, &entry)?;
        tx.commit()?;
        Ok(())
    }

    pub(crate) fn ensure_person(tx: &Transaction, person_id: &str) -> Result<(), StoreError> {
        let known: Option<String> =
            tx.query_row("SELECT id FROM people WHERE id = ?1", [person_id], |r| r.get(0)).optional()?;
        match known {
            Some(_) => Ok(()),
            None => Err(StoreError::UnknownPerson { id: person_id.to_string() }),
        }
    }

    pub(crate) fn ensure_open(tx: &Transaction, year: i32) -> Result<(), StoreError> {
        let locked: Option<Option<String>> = tx
            .query_row("SELECT finalized_on FROM assessment_years WHERE year = ?1", [year], |r| r.get(0))
            .optional()?;
        if locked.flatten().is_some() {
            return Err(StoreError::Locked { year });
        }
        Ok(())
    }

    pub(crate) fn log(tx: &Transaction, e: &LogEntry) -> Result<(), StoreError> {
        tx.execute(
            "INSERT INTO assessment_log (year, person_id, action, from_value, to_value, reason, by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![e.year, e.person_id, e.action, e.from, e.to, e.reason, e.by, e.at],
        )?;
        Ok(())
    }

    /// Records the committee's final grade for a person, replacing `from` (the current final grade).
    pub fn set_override(
        &mut self,
        year: i32,
        person_id: &str,
        grade: Grade,
        from: Option<Grade>,
        reason: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        if reason.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let tx = self.conn.transaction()?;
        Self::ensure_open(&tx, year)?;
        Self::ensure_person(&tx, person_id)?;
        tx.execute(
            "INSERT INTO assessment_overrides (year, person_id, grade, reason) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(year, person_id) DO UPDATE SET grade = excluded.grade, reason = excluded.reason",
            params![year, person_id, grade.name(), reason.trim()],
        )?;
        let entry = LogEntry {
            year,
            person_id: Some(person_id.to_string()),
            action: LogAction::Override,
            from: from.map(|g| g.name().to_string()),
            to: Some(grade.name().to_string()),
            reason: Some(reason.trim().to_string()),
            by: by.to_string(),
            at: now(),
        };
        Self::log(&tx, &entry)?;
        tx.commit()?;
        Ok(())
    }

    /// Records an approved 优秀 ratio (basis points) for an organ and year.
    pub fn approve_ratio(
        &mut self,
        year: i32,
        organ: &str,
        ratio: u32,
        basis: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        if basis.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let tx = self.conn.transaction()?;
        Self::ensure_open(&tx, year)?;
        let old: Option<u32> = tx
            .query_row("SELECT ratio FROM approved_ratios WHERE year = ?1 AND organ = ?2", params![year, organ], |r| {
                r.get(0)
            })
            .optional()?;
        tx.execute(
            "INSERT INTO approved_ratios (year, organ, ratio, basis) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(year, organ) DO UPDATE SET ratio = excluded.ratio, basis = excluded.basis",
            params![year, organ, ratio, basis.trim()],
        )?;
        let pct = |bp: u32| format!("{}%", bp as f64 / 100.0);
        let entry = LogEntry {
            year,
            person_id: None,
            action: LogAction::Ratio,
            from: old.map(pct),
            to: Some(format!("{organ} {}", pct(ratio))),
            reason: Some(basis.trim().to_string()),
            by: by.to_string(),
            at: now(),
        };
        Self::log(&tx, &entry)?;
        tx.commit()?;
        Ok(())
    }

    /// Locks the year and writes its final results (national codes) into the annual results
    /// that promotion counts, all in one transaction.
    pub fn finalize(
        &mut self,
        year: i32,
        on: NaiveDate,
        results: &[(String, ResultCode)],
        by: &str,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        Self::ensure_open(&tx, year)?;
        for (id, code) in results {
            tx.execute(
                "INSERT INTO annual_results (person_id, year, code) VALUES (?1, ?2, ?3) ON CONFLICT(person_id, year) DO UPDATE SET code = excluded.code",
                params![id, year, code.code()],
            )?;
        }
        tx.execute(
            "INSERT INTO assessment_years (year, finalized_on, finalized_by) VALUES (?1, ?2, ?3)
             ON CONFLICT(year) DO UPDATE SET finalized_on = excluded.finalized_on, finalized_by = excluded.finalized_by",
            params![year, date_text(Some(on)), by],
        )?;
        let entry = LogEntry {
            year,
            person_id: None,
            action: LogAction::Finalize,
            from: None,
            to: Some(format!("{}人", results.len())),
            reason: None,
            by: by.to_string(),
            at: now(),
        };
        Self::log(&tx, &entry)?;
        tx.commit()?;
        Ok(())
    }

    /// Unlocks a finalised year; the reason is recorded.
    pub fn reopen(&mut self, year: i32, reason: &str, by: &str) -> Result<(), StoreError> {
        if reason.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let tx = self.conn.transaction()?;
        let locked: Option<Option<String>> = tx
            .query_row("SELECT finalized_on FROM assessment_years WHERE year = ?1", [year], |r| r.get(0))
            .optional()?;
        let Some(Some(on)) = locked else {
            return Err(StoreError::NotLocked { year });
        };
        tx.execute("UPDATE assessment_years SET finalized_on = NULL, finalized_by = NULL WHERE year = ?1", [year])?;
        let entry = LogEntry {
            year,
            person_id: None,
            action: LogAction::Reopen,
            from: Some(format!("{on}定稿")),
            to: None,
            reason: Some(reason.trim().to_string()),
            by: by.to_string(),
            at: now(),
        };
        Self::log(&tx, &entry)?;
        tx.commit()?;
        Ok(())
    }

    /// The audit trail of a year's assessment, oldest first.
    pub fn assessment_log(&self, year: i32) -> Result<Vec<LogEntry>, StoreError> {
        let mut stmt =
            self.conn.prepare("SELECT year, person_id, action, from_value, to_value, reason, by, at FROM assessment_log WHERE year = ?1 ORDER BY id")?;
        let rows = stmt.query_map([year], |r| {
            Ok(LogEntry {
                year: r.get(0)?,
                person_id: r.get(1)?,
                action: r.get(2)?,
                from: r.get(3)?,
                to: r.get(4)?,
                reason: r.get(5)?,
                by: r.get(6)?,
                at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
