//! The import's writes: organs, people (many rows to a statement, each changed field recorded in
//! `person_history`), results, restrictions and the assessment's inputs; every statement finds
//! its row through a key (a test holds each statement's query plan to it).

use super::*;

/// The table a first import fills with a row per person, whose indexes it builds after.
pub(crate) const FILLED_AT_FIRST: &str = "people";

/// Drops the indexes of `table` that the schema defines (not those of a primary key or a
/// UNIQUE constraint); the statements that create them again, exactly as they were written.
pub(crate) fn drop_indexes(tx: &Transaction, table: &str) -> Result<Vec<String>, StoreError> {
    let indexes: Vec<(String, String)> = {
        let mut stmt = tx.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL ORDER BY name")?;
        let rows = stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
}

pub(crate) enum Upsert {
    New,
    Updated,
    Unchanged,
}

pub(crate) fn import_organs(tx: &Transaction, organs: &[Organ]) -> Result<(), StoreError> {
    // The next place in roster order, read once: a new organ goes after every stored one.
    let first: i64 = tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM organs", [], |r| r.get(0))?;
    let mut upsert = tx.prepare_cached(ORGAN_UPSERT)?;
    let mut clear = tx.prepare_cached(ORGAN_SLOTS_CLEAR)?;
    let mut slot = tx.prepare_cached(ORGAN_SLOT_INSERT)?;
    for (next, o) in (first..).zip(organs) {
        upsert.execute(params![o.name, o.level, o.excellent_ratio, o.performance_rating, o.supervisor, next])?;
        clear.execute([&o.name])?;
        for (pool, n) in &o.slots {
            slot.execute(params![o.name, pool, *n as i64])?;
        }
    }
    Ok(())
}

/// The statements an import writes people with, each prepared once for the whole import (a
/// statement built and prepared again for every person, and a scan of the whole table for each
/// new person's place, made a 100,000-person import take minutes). Every one looks a person up
/// by the primary key (a test checks each statement's plan).
pub(crate) struct PeopleWriter<'t, 'p> {
    pub(crate) select: rusqlite::CachedStatement<'t>,
    pub(crate) insert: rusqlite::CachedStatement<'t>,
    pub(crate) update: rusqlite::CachedStatement<'t>,
    pub(crate) print: rusqlite::CachedStatement<'t>,
    pub(crate) history: rusqlite::CachedStatement<'t>,
    /// New people, written [`NEW_PEOPLE_PER_STATEMENT`] at a time: (person, fields, place,
    /// fingerprint).
    pub(crate) new: Vec<(&'p Person, [Option<Text<'p>>; 23], i64, i64)>,
    pub(crate) insert_many: rusqlite::CachedStatement<'t>,
    /// Changes of fields for the history, written [`CHANGES_PER_STATEMENT`] at a time: (ID,
    /// field, old, new).
    pub(crate) changes: Vec<(&'p str, &'static str, Option<String>, Option<String>)>,
    pub(crate) changes_many: rusqlite::CachedStatement<'t>,
    /// The place in roster order the next new person takes (after every stored one).
    pub(crate) next_position: i64,
    pub(crate) import_id: i64,
}

/// The values of one new person as [`PeopleSql::insert`] takes them.
pub(crate) fn new_person_row<'a>(
    (p, fields, position, print): &'a (&'a Person, [Option<Text<'a>>; 23], i64, i64),
    import_id: &'a i64,
    out: &mut Vec<&'a dyn rusqlite::ToSql>,
) {
    out.push(&p.id);
    for (i, v) in fields.iter().enumerate() {
        out.push(if PERSON_FIELDS[i].0 == "is_leader" { &p.is_leader } else { v });
    }
    out.extend([import_id as &dyn rusqlite::ToSql, import_id, position, print]);
}

/// Changes of fields written to the history by one statement.
pub(crate) const CHANGES_PER_STATEMENT: usize = 50;

/// New people written by one statement (SQLite runs one statement of many rows faster than as
/// many statements of one; 28 values a person).
pub(crate) const NEW_PEOPLE_PER_STATEMENT: usize = 20;

/// Stored people whose fields are read back by one statement ([`stored_fields`]).
pub(crate) const SELECTS_PER_STATEMENT: usize = 50;

/// The fields as stored ([`person_values`]'s text) of the stored people with these IDs, by ID:
/// read [`SELECTS_PER_STATEMENT`] at a time (the plan reads back the fields of every person
/// whose fingerprint differs — 10,000 of a roster of 100,000 where a tenth changed).
pub(crate) fn stored_fields(
    conn: &Connection,
    ids: &[&str],
) -> Result<FastMap<String, Vec<Option<String>>>, StoreError> {
    let n = PERSON_FIELDS.len();
    let mut fields = FastMap::default();
    fields.reserve(ids.len());
    let mut read = |statement: &str, ids: &[&str]| -> Result<(), StoreError> {
        let mut stmt = conn.prepare_cached(statement)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(ids))?;
        while let Some(r) = rows.next()? {
            let values = (1..=n).map(|i| r.get::<_, Option<String>>(i)).collect::<Result<Vec<_>, _>>()?;
            fields.insert(r.get::<_, String>(0)?, values);
        }
        Ok(())
    };
    let mut chunks = ids.chunks_exact(SELECTS_PER_STATEMENT);
    for chunk in &mut chunks {
        read(&people_sql().select_many, chunk)?;
    }
    for id in chunks.remainder() {
        read(&people_sql().select_keyed, std::slice::from_ref(id))?;
    }
    Ok(fields)
}

/// The SQL of [`PeopleWriter`], built once per process.
pub(crate) struct PeopleSql {
    /// The id and fields, as [`person_values`] writes them, of every stored person whose
    /// fingerprint is not in the database.
    pub(crate) unprinted: String,
    pub(crate) select: String,
    /// The id and fields of [`SELECTS_PER_STATEMENT`] people, found by ID.
    pub(crate) select_many: String,
    /// The same of one person.
    pub(crate) select_keyed: String,
    pub(crate) insert: String,
    /// [`PeopleSql::insert`] for [`NEW_PEOPLE_PER_STATEMENT`] people.
    pub(crate) insert_many: String,
    /// [`HISTORY_INSERT`] for [`CHANGES_PER_STATEMENT`] changes.
    pub(crate) changes_many: String,
    pub(crate) update: String,
}

pub(crate) fn people_sql() -> &'static PeopleSql {
    static SQL: std::sync::OnceLock<PeopleSql> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        let columns: Vec<&str> = PERSON_FIELDS.iter().map(|(c, _)| *c).collect();
        let expr = |c: &str| match c {
            "is_leader" => "CASE is_leader WHEN 1 THEN '是' ELSE '否' END".to_string(),
            "level" | "step" => format!("CAST({c} AS TEXT)"),
            c => c.to_string(),
        };
        let n = PERSON_FIELDS.len();
        let exprs = columns.iter().map(|c| expr(c)).collect::<Vec<_>>().join(", ");
        PeopleSql {
            unprinted: format!("SELECT id, {exprs} FROM people WHERE fingerprint IS NULL"),
            select: format!("SELECT {exprs} FROM people WHERE id = ?1"),
            select_many: format!(
                "SELECT id, {exprs} FROM people WHERE id IN ({})",
                vec!["?"; SELECTS_PER_STATEMENT].join(", ")
            ),
            select_keyed: format!("SELECT id, {exprs} FROM people WHERE id = ?1"),
            insert: format!(
                "INSERT INTO people (id, {}, first_import, last_import, position, fingerprint) VALUES ({})",
                columns.join(", "),
                vec!["?"; n + 5].join(", ")
            ),
            insert_many: format!(
                "INSERT INTO people (id, {}, first_import, last_import, position, fingerprint) VALUES {}",
                columns.join(", "),
                vec![format!("({})", vec!["?"; n + 5].join(", ")); NEW_PEOPLE_PER_STATEMENT].join(", ")
            ),
            changes_many: format!(
                "INSERT INTO person_history (import_id, person_id, field, old_value, new_value) VALUES {}",
                vec!["(?, ?, ?, ?, ?)"; CHANGES_PER_STATEMENT].join(", ")
            ),
            update: format!(
                "UPDATE people SET {}, last_import = ?{}, fingerprint = ?{} WHERE id = ?1",
                columns.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 2)).collect::<Vec<_>>().join(", "),
                n + 2,
                n + 3
            ),
        }
    })
}

/// The statements an import runs once per organ, person, result or record (see the test of
/// their plans).
pub(crate) const ORGAN_UPSERT: &str = "INSERT INTO organs (name, level, excellent_ratio, performance_rating, supervisor, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(name) DO UPDATE SET level = excluded.level, excellent_ratio = excluded.excellent_ratio, performance_rating = excluded.performance_rating, supervisor = excluded.supervisor";
pub(crate) const ORGAN_SLOTS_CLEAR: &str = "DELETE FROM organ_slots WHERE organ = ?1";
pub(crate) const ORGAN_SLOT_INSERT: &str = "INSERT INTO organ_slots (organ, pool, approved) VALUES (?1, ?2, ?3)";
pub(crate) const RESULT_UPSERT: &str =
    "INSERT INTO annual_results (person_id, year, code) VALUES (?1, ?2, ?3) ON CONFLICT(person_id, year) DO UPDATE SET code = excluded.code";
pub(crate) const RESTRICTION_UPSERT: &str =
    "INSERT INTO restrictions (person_id, kind, date, end_date) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(person_id, kind, date) DO UPDATE SET end_date = excluded.end_date";
pub(crate) const REGULAR_UPSERT: &str =
    "INSERT INTO regular_results (person_id, year, period, grade, score) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(person_id, year, period) DO UPDATE SET grade = excluded.grade, score = excluded.score";
pub(crate) const ANNUAL_UPSERT: &str = "INSERT INTO annual_inputs (person_id, year, virtue, ability, diligence, achievement, integrity, democratic, proposal, sick_days, personal_days, summary, training, supervisor_comment)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT(person_id, year) DO UPDATE SET virtue = excluded.virtue, ability = excluded.ability, diligence = excluded.diligence,
            achievement = excluded.achievement, integrity = excluded.integrity, democratic = excluded.democratic, proposal = excluded.proposal,
            sick_days = excluded.sick_days, personal_days = excluded.personal_days, summary = excluded.summary, training = excluded.training,
            supervisor_comment = excluded.supervisor_comment";
pub(crate) const FINGERPRINT_SET: &str = "UPDATE people SET fingerprint = ?2 WHERE id = ?1";
pub(crate) const HISTORY_INSERT: &str =
    "INSERT INTO person_history (import_id, person_id, field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5)";

impl<'t, 'p> PeopleWriter<'t, 'p> {
    pub(crate) fn new(tx: &'t Transaction, import_id: i64) -> Result<PeopleWriter<'t, 'p>, StoreError> {
        let sql = people_sql();
        let next_position = tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM people", [], |r| r.get(0))?;
        Ok(PeopleWriter {
            select: tx.prepare_cached(&sql.select)?,
            insert: tx.prepare_cached(&sql.insert)?,
            update: tx.prepare_cached(&sql.update)?,
            print: tx.prepare_cached(FINGERPRINT_SET)?,
            history: tx.prepare_cached(HISTORY_INSERT)?,
            new: Vec::with_capacity(NEW_PEOPLE_PER_STATEMENT),
            insert_many: tx.prepare_cached(&sql.insert_many)?,
            changes: Vec::with_capacity(CHANGES_PER_STATEMENT),
            changes_many: tx.prepare_cached(&sql.changes_many)?,
            next_position,
            import_id,
        })
    }

    /// Writes `p` (the fingerprint of whose fields is `print`, when computed already), stored as
    /// `stored` (`None`: a new person), whose stored fields the plan read as `fields` when it
    /// found them changed.
    pub(crate) fn upsert(
        &mut self,
        p: &'p Person,
        print: Option<u64>,
        stored: Option<&StoredPerson>,
        fields: Option<&Vec<Option<String>>>,
    ) -> Result<Upsert, StoreError> {
        // The fields as text only when they are compared or written (an unchanged person whose
        // fingerprint came computed costs nothing more).
        let mut values = None;
        let print = match print {
            Some(print) => print,
            None => person_fingerprint(values.insert(person_values(p))),
        };
        if let Some(s) = stored.filter(|s| s.fingerprint == print) {
            if !s.fingerprint_stored {
                self.print.execute(params![p.id, print as i64])?;
            }
            return Ok(Upsert::Unchanged);
        }
        let new = values.unwrap_or_else(|| person_values(p));
        let n = PERSON_FIELDS.len();
        // A changed person's fields as stored, for the history (and a person that is not found
        // after all is new).
        let old: Option<std::borrow::Cow<'_, Vec<Option<String>>>> = match (stored, fields) {
            (Some(_), Some(fields)) => Some(std::borrow::Cow::Borrowed(fields)),
            (Some(_), None) => self
                .select
                .query_row([&p.id], |r| (0..n).map(|i| r.get::<_, Option<String>>(i)).collect())
                .optional()?
                .map(std::borrow::Cow::Owned),
            (None, _) => None,
        };
        if let Some(old) = &old {
            if (0..n).all(|i| old[i].as_deref() == text_of(&new[i])) {
                // Equal fields under another fingerprint: the stored one was wrong.
                self.print.execute(params![p.id, print as i64])?;
                return Ok(Upsert::Unchanged);
            }
        }
        let position = self.next_position;
        let print = print as i64;
        if old.is_none() {
            self.new.push((p, new, position, print));
            self.next_position += 1;
            if self.new.len() == NEW_PEOPLE_PER_STATEMENT {
                self.write_new()?;
            }
            return Ok(Upsert::New);
        }
        let values: Vec<&dyn rusqlite::ToSql> = std::iter::once(&p.id as &dyn rusqlite::ToSql)
            .chain(new.iter().enumerate().map(|(i, v)| {
                if PERSON_FIELDS[i].0 == "is_leader" {
                    &p.is_leader as &dyn rusqlite::ToSql
                } else {
                    v as &dyn rusqlite::ToSql
                }
            }))
            .chain(std::iter::once(&self.import_id as &dyn rusqlite::ToSql))
            .chain(old.is_none().then_some(&position as &dyn rusqlite::ToSql))
            .chain(std::iter::once(&print as &dyn rusqlite::ToSql))
            .collect();
        self.update.execute(values.as_slice())?;
        let old = old.unwrap_or_default();
        for i in (0..n).filter(|&i| old[i].as_deref() != text_of(&new[i])) {
            self.changes.push((
                p.id.as_str(),
                PERSON_FIELDS[i].0,
                old[i].clone(),
                text_of(&new[i]).map(str::to_string),
            ));
            if self.changes.len() == CHANGES_PER_STATEMENT {
                self.write_changes()?;
            }
        }
        Ok(Upsert::Updated)
    }

    /// Writes the changes of fields waiting to the history: a full set by one statement, fewer
    /// (the last of an import) one by one.
    pub(crate) fn write_changes(&mut self) -> Result<(), StoreError> {
        use rusqlite::ToSql;
        let import_id = self.import_id;
        if self.changes.len() == CHANGES_PER_STATEMENT {
            let values: Vec<&dyn ToSql> = self
                .changes
                .iter()
                .flat_map(|(id, field, old, new)| [&import_id as &dyn ToSql, id, field, old, new])
                .collect();
            self.changes_many.execute(values.as_slice())?;
        } else {
            for (id, field, old, new) in &self.changes {
                self.history.execute(params![import_id, id, field, old, new])?;
            }
        }
        self.changes.clear();
        Ok(())
    }

    /// Writes the new people waiting (the import that added each is its `first_import`, which
    /// the history reads as its 「新增人员」): a full set by one statement, fewer (the last of an
    /// import) one by one.
    pub(crate) fn write_new(&mut self) -> Result<(), StoreError> {
        use rusqlite::ToSql;
        let new = std::mem::take(&mut self.new);
        let import_id = self.import_id;
        let row = new_person_row;
        if new.len() == NEW_PEOPLE_PER_STATEMENT {
            let mut values: Vec<&dyn ToSql> = Vec::with_capacity(NEW_PEOPLE_PER_STATEMENT * (PERSON_FIELDS.len() + 5));
            for person in &new {
                row(person, &import_id, &mut values);
            }
            self.insert_many.execute(values.as_slice())?;
        } else {
            for person in &new {
                let mut values: Vec<&dyn ToSql> = Vec::with_capacity(PERSON_FIELDS.len() + 5);
                row(person, &import_id, &mut values);
                self.insert.execute(values.as_slice())?;
            }
        }
        self.new = new;
        self.new.clear();
        Ok(())
    }

    /// Writes what is still waiting.
    pub(crate) fn finish(mut self) -> Result<(), StoreError> {
        self.write_new()?;
        self.write_changes()
    }
}

/// Results written per statement by [`import_results`] (SQLite runs one statement of many rows
/// faster than as many statements of one).
pub(crate) const RESULTS_PER_STATEMENT: usize = 50;

/// Writes the `results` that are new or changed, keeping each change in the history; `due`: the
/// plan's list of them (indices into `results`), when it was made for these results.
pub(crate) fn import_results(
    tx: &Transaction,
    import_id: i64,
    results: &[YearResult],
    stored: &Stored,
    due_planned: Option<&[usize]>,
) -> Result<(), StoreError> {
    let mut history = tx.prepare_cached(HISTORY_INSERT)?;
    let mut due: Vec<&YearResult> = Vec::new();
    let all: Vec<usize>;
    let indices = match due_planned {
        Some(planned) => planned,
        None => {
            all = (0..results.len()).collect();
            &all
        }
    };
    for r in indices.iter().map(|&i| &results[i]) {
        let old = stored.listed(&r.person_id).and_then(|p| p.result(r.year));
        if old == Some(&Ok(r.result)) {
            continue;
        }
        due.push(r);
        if let Some(old) = old {
            let old = match old {
                Ok(c) => Some(c.label()),
                Err(raw) => ResultCode::parse(raw).map(ResultCode::label),
            };
            history.execute(params![
                import_id,
                r.person_id,
                crate::roster::result_field(r.year),
                old,
                r.result.label()
            ])?;
        }
    }
    // By person and year (a stable sort: a later row of the same person and year still
    // replaces an earlier one, as one statement each in the roster's order would): the table's
    // key and each person's look-up (the foreign key) then walk their indexes in order instead
    // of all over them.
    due.sort_by(|a, b| (a.person_id.as_str(), a.year).cmp(&(b.person_id.as_str(), b.year)));
    let mut many = tx.prepare_cached(&results_upsert(RESULTS_PER_STATEMENT))?;
    let mut chunks = due.chunks_exact(RESULTS_PER_STATEMENT);
    for chunk in &mut chunks {
        let values: Vec<(&str, i32, &str)> =
            chunk.iter().map(|r| (r.person_id.as_str(), r.year, r.result.code())).collect();
        let params: Vec<&dyn rusqlite::ToSql> = values
            .iter()
            .flat_map(|(id, year, code)| {
                [id as &dyn rusqlite::ToSql, year as &dyn rusqlite::ToSql, code as &dyn rusqlite::ToSql]
            })
            .collect();
        many.execute(params.as_slice())?;
    }
    let mut one = tx.prepare_cached(RESULT_UPSERT)?;
    for r in chunks.remainder() {
        one.execute(params![r.person_id, r.year, r.result.code()])?;
    }
    Ok(())
}

/// [`RESULT_UPSERT`] for `rows` results at once.
pub(crate) fn results_upsert(rows: usize) -> String {
    let values: Vec<String> = (0..rows).map(|i| format!("(?{}, ?{}, ?{})", 3 * i + 1, 3 * i + 2, 3 * i + 3)).collect();
    format!("INSERT INTO annual_results (person_id, year, code) VALUES {} ON CONFLICT(person_id, year) DO UPDATE SET code = excluded.code", values.join(", "))
}

pub(crate) fn import_restrictions(tx: &Transaction, restrictions: &[Restriction]) -> Result<(), StoreError> {
    let mut upsert = tx.prepare_cached(RESTRICTION_UPSERT)?;
    for r in restrictions {
        upsert.execute(params![r.person_id, r.kind, Text::date(r.date), r.end.map(Text::date)])?;
    }
    Ok(())
}

pub(crate) fn import_assessment_inputs(tx: &Transaction, roster: &Roster) -> Result<(), StoreError> {
    let mut regular = tx.prepare_cached(REGULAR_UPSERT)?;
    for r in &roster.regular {
        regular.execute(params![r.person_id, r.year, r.period.code(), r.grade.map(RegularGrade::name), r.score])?;
    }
    let mut annual = tx.prepare_cached(ANNUAL_UPSERT)?;
    for a in &roster.annual_inputs {
        let [virtue, ability, diligence, achievement, integrity] = a.dimensions;
        annual.execute(params![
            a.person_id,
            a.year,
            virtue,
            ability,
            diligence,
            achievement,
            integrity,
            a.democratic,
            a.proposal.map(Grade::name),
            a.sick_days,
            a.personal_days,
            a.summary,
            a.training,
            a.supervisor_comment
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An import's cost grows with the roster, not with its square: every statement it runs
    /// per organ, person, result or record finds its row through the primary key. SQLite's
    /// plan of each says so (a SCAN of a table per row made a 100,000-person import quadratic).
    #[test]
    fn every_statement_an_import_runs_per_row_uses_a_key() {
        let store = Store::open(Path::new(":memory:")).expect("store");
        let sql = people_sql();
        let statements = [
            sql.select.as_str(),
            sql.select_many.as_str(),
            sql.select_keyed.as_str(),
            sql.insert.as_str(),
            sql.update.as_str(),
            FINGERPRINT_SET,
            HISTORY_INSERT,
            ORGAN_UPSERT,
            ORGAN_SLOTS_CLEAR,
            ORGAN_SLOT_INSERT,
            RESULT_UPSERT,
            RESTRICTION_UPSERT,
            REGULAR_UPSERT,
            ANNUAL_UPSERT,
            RANK_RECORDS_CLEAR,
            RANK_RECORD_INSERT,
        ];
        // A per-row statement may only look a row up by key: no SCAN, and every SEARCH by
        // equality on the key's columns ("(id=?)", "(person_id=? AND year=?)").
        let by_key = |statement: &str| -> Result<(), Vec<String>> {
            let mut plan = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {statement}")).expect("plan");
            let nulls = rusqlite::params_from_iter(std::iter::repeat_n(None::<String>, plan.parameter_count()));
            let steps: Vec<String> =
                plan.query_map(nulls, |r| r.get::<_, String>(3)).expect("rows").map(|r| r.expect("row")).collect();
            let ok = steps.iter().all(|s| !s.starts_with("SCAN") && (!s.starts_with("SEARCH") || s.contains("=?)")))
                && (!statement.contains("WHERE") || steps.iter().any(|s| s.starts_with("SEARCH")));
            if ok {
                Ok(())
            } else {
                Err(steps)
            }
        };
        for statement in statements {
            if let Err(steps) = by_key(statement) {
                panic!("{statement}\n→ {steps:?}");
            }
        }
        // The statements that write many rows at once: the same look-ups, row by row, once
        // their list of values is read. SQLite's plan of an INSERT of several rows into a parent
        // table also lists a scan of each child table (the check that a new parent row settles
        // a child row's outstanding foreign-key violation), which runs only while a violation
        // is outstanding and never here (2,000 parents inserted beside 100,000 child rows
        // took no longer); the single-row INSERT has the same check and its plan omits it. So
        // these are planned with the foreign keys off.
        store.conn.pragma_update(None, "foreign_keys", false).expect("fk off");
        let results_many = results_upsert(RESULTS_PER_STATEMENT);
        for statement in [sql.insert_many.as_str(), sql.changes_many.as_str(), results_many.as_str()] {
            let mut plan = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {statement}")).expect("plan");
            let nulls = rusqlite::params_from_iter(std::iter::repeat_n(None::<String>, plan.parameter_count()));
            let steps: Vec<String> =
                plan.query_map(nulls, |r| r.get::<_, String>(3)).expect("rows").map(|r| r.expect("row")).collect();
            let rows = |s: &&String| s.ends_with("-ROW VALUES CLAUSE") || s.ends_with("CONSTANT ROWS");
            let ok = steps
                .iter()
                .filter(|s| !rows(s))
                .all(|s| !s.starts_with("SCAN") && (!s.starts_with("SEARCH") || s.contains("=?)")));
            assert!(ok, "{statement}\n→ {steps:?}");
        }
        // The statement that gave each new person a place read a whole index every time.
        assert!(by_key("SELECT coalesce(max(position), 0) + 1 FROM people").is_err());
    }
}
