//! The roster read back from the database: everyone ([`Store::load_roster`]) or one organ
//! ([`Store::load_organ_roster`]), and a person's recorded changes ([`Store::history`]).

use super::*;

/// Everyone, or one organ: each query is written once, its `{organ}` the filter on that organ or
/// nothing.
struct Scope<'a>(Option<&'a str>);

impl Scope<'_> {
    fn sql(&self, text: &str, filter: &str) -> String {
        text.replace("{organ}", if self.0.is_some() { filter } else { "" })
    }

    fn args(&self) -> rusqlite::ParamsFromIter<Option<&str>> {
        rusqlite::params_from_iter(self.0)
    }
}

/// One recorded change of a person's field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub import_id: i64,
    pub person_id: String,
    /// What changed, by key: a field by its column (`rank`, `organ` …), [`ADDED`] for a person
    /// first imported (`new` is the name), `result:2024` for a year's result
    /// ([`result_field`]). [`Change::label`] says it in Chinese.
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The history's key of a person first imported.
pub const ADDED: &str = "added";

/// The history's key of a year's result.
pub fn result_field(year: i32) -> String {
    format!("result:{year}")
}

impl Change {
    /// What changed, in Chinese: 「职级」, 「新增人员」, 「2024年度考核」; a key Kaohe does not
    /// know as it is.
    pub fn label(&self) -> String {
        let key = self.field.as_str();
        if key == ADDED {
            return "新增人员".to_owned();
        }
        if let Some(year) = key.strip_prefix("result:") {
            return format!("{year}年度考核");
        }
        PERSON_FIELDS.iter().find(|(k, _)| *k == key).map_or_else(|| key.to_owned(), |(_, label)| (*label).to_owned())
    }
}

impl Store {
    /// Everything stored, as the engine takes it.
    pub fn load_roster(&self) -> Result<Roster, StoreError> {
        self.load(None)
    }

    /// One organ's (单位's) part of the roster: its row with its approved slots (none when the
    /// 单位 sheet never listed it), its people in roster order, and their annual results,
    /// restrictions, 平时 records and assessment inputs — what [`Store::load_roster`] holds of that
    /// organ, in the same order. Promotion decides within an organ (its level caps the target
    /// rank; slots, candidates and proposals are per organ and pool), so a person's promotion
    /// status from this roster is the one from everyone's. Read through indexes (`people_by_organ`
    /// and the primary keys), so its cost follows the organ's size, not the database's.
    pub fn load_organ_roster(&self, organ: &str) -> Result<Roster, StoreError> {
        self.load(Some(organ))
    }

    /// The organ (单位) of the person with this ID, if the database holds the person.
    pub fn organ_of(&self, person_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row("SELECT organ FROM people WHERE id = ?1", [person_id], |r| r.get(0)).optional()?)
    }

    /// The name of the person with this ID, if the database holds the person.
    pub fn person_name(&self, person_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row("SELECT name FROM people WHERE id = ?1", [person_id], |r| r.get(0)).optional()?)
    }

    /// The roster, of everyone or of one organ: each query is written once, its `{organ}` the
    /// filter on that organ or nothing.
    pub(crate) fn load(&self, organ: Option<&str>) -> Result<Roster, StoreError> {
        let scope = Scope(organ);
        let mut roster = Roster::default();
        self.load_organs(&scope, &mut roster)?;
        self.load_people(&scope, &mut roster)?;
        self.load_records(&scope, &mut roster)?;
        self.load_assessment_inputs(&scope, &mut roster)?;
        self.load_rank_records(organ, &mut roster)?;
        Ok(roster)
    }

    /// The organs (单位) with their approved slots, in the 单位 sheet's order.
    fn load_organs(&self, scope: &Scope, roster: &mut Roster) -> Result<(), StoreError> {
        let (sql, args) = (|text: &str, filter: &str| scope.sql(text, filter), || scope.args());
        let mut slots: HashMap<String, Vec<(String, u32)>> = HashMap::new();
        let mut stmt = self.conn.prepare(&sql(
            "SELECT organ, pool, approved FROM organ_slots {organ} ORDER BY organ, pool",
            "WHERE organ = ?1",
        ))?;
        for row in
            stmt.query_map(args(), |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?)))?
        {
            let (organ, pool, n) = row?;
            slots.entry(organ).or_default().push((pool, n.max(0) as u32));
        }
        let mut stmt = self.conn.prepare(&sql(
            "SELECT name, level, excellent_ratio, performance_rating, supervisor FROM organs {organ} ORDER BY position, name",
            "WHERE name = ?1",
        ))?;
        for row in stmt.query_map(args(), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<u32>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })? {
            let (name, level, excellent_ratio, performance_rating, supervisor) = row?;
            let slots = slots.remove(&name).unwrap_or_default().into_iter().collect();
            roster.organs.push(Organ { name, level, slots, excellent_ratio, performance_rating, supervisor });
        }
        Ok(())
    }

    /// The people in roster order.
    fn load_people(&self, scope: &Scope, roster: &mut Roster) -> Result<(), StoreError> {
        let (sql, args) = (|text: &str, filter: &str| scope.sql(text, filter), || scope.args());
        let mut stmt = self.conn.prepare(&sql(
            "SELECT id, name, gender, birth, organ, department, category, rank, rank_since, post, post_level, post_since, is_leader, education, work_start, service_start, level, level_since, step, step_since, political_status, duties, entry_method, left_on FROM people {organ} ORDER BY position, id",
            "WHERE organ = ?1",
        ))?;
        let rows = stmt.query_map(args(), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
                (r.get::<_, Option<String>>(9)?, r.get::<_, Option<String>>(10)?, r.get::<_, Option<String>>(11)?),
                r.get::<_, bool>(12)?,
                r.get::<_, Option<String>>(13)?,
                r.get::<_, Option<String>>(14)?,
                r.get::<_, Option<String>>(15)?,
                (
                    r.get::<_, Option<u32>>(16)?,
                    r.get::<_, Option<String>>(17)?,
                    r.get::<_, Option<u32>>(18)?,
                    r.get::<_, Option<String>>(19)?,
                ),
                (r.get::<_, Option<String>>(20)?, r.get::<_, Option<String>>(21)?),
                (r.get::<_, Option<String>>(22)?, r.get::<_, Option<String>>(23)?),
            ))
        })?;
        for row in rows {
            let (
                id,
                name,
                gender,
                birth,
                organ,
                department,
                category,
                rank,
                rank_since,
                (post, post_level, post_since),
                is_leader,
                education,
                work_start,
                service_start,
                (level, level_since, step, step_since),
                (political_status, duties),
                (entry_method, left_on),
            ) = row?;
            roster.people.push(Person {
                id,
                name,
                gender,
                birth: parse_date(birth)?,
                organ,
                department,
                category,
                rank,
                rank_since: parse_date(Some(rank_since))?.unwrap_or_default(),
                post,
                post_level,
                post_since: parse_date(post_since)?,
                is_leader,
                education,
                work_start: parse_date(work_start)?,
                service_start: parse_date(service_start)?,
                level,
                level_since: parse_date(level_since)?,
                step,
                step_since: parse_date(step_since)?,
                political_status,
                duties,
                entry_method,
                left_on: parse_date(left_on)?,
            });
        }
        Ok(())
    }

    /// Their annual results and restrictions, in roster order.
    fn load_records(&self, scope: &Scope, roster: &mut Roster) -> Result<(), StoreError> {
        let (sql, args) = (|text: &str, filter: &str| scope.sql(text, filter), || scope.args());
        let mut stmt = self.conn.prepare(&sql(
            "SELECT r.person_id, r.year, r.code FROM annual_results r JOIN people p ON p.id = r.person_id {organ} ORDER BY p.position, r.year",
            "WHERE p.organ = ?1",
        ))?;
        for row in
            stmt.query_map(args(), |r| Ok((r.get::<_, String>(0)?, r.get::<_, i32>(1)?, r.get::<_, String>(2)?)))?
        {
            let (person_id, year, code) = row?;
            let result =
                ResultCode::parse(&code).ok_or_else(|| StoreError::Corrupt(format!("考核结果代码「{code}」无效")))?;
            roster.results.push(YearResult { person_id, year, result });
        }
        // Restrictions of one person on the same day come by kind, so that their order (and the
        // order of the blocks they cause) is the same however the rows are read.
        let mut stmt = self.conn.prepare(&sql(
            "SELECT r.person_id, r.kind, r.date, r.end_date FROM restrictions r JOIN people p ON p.id = r.person_id {organ} ORDER BY p.position, r.date, r.kind",
            "WHERE p.organ = ?1",
        ))?;
        for row in stmt.query_map(args(), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?))
        })? {
            let (person_id, kind, date, end) = row?;
            roster.restrictions.push(Restriction {
                person_id,
                kind,
                date: parse_date(Some(date))?.unwrap_or_default(),
                end: parse_date(end)?,
            });
        }
        Ok(())
    }

    /// Their 平时 records and the annual assessment's inputs, in roster order.
    fn load_assessment_inputs(&self, scope: &Scope, roster: &mut Roster) -> Result<(), StoreError> {
        let (sql, args) = (|text: &str, filter: &str| scope.sql(text, filter), || scope.args());
        let mut stmt = self.conn.prepare(&sql(
            "SELECT r.person_id, r.year, r.period, r.grade, r.score FROM regular_results r JOIN people p ON p.id = r.person_id {organ} ORDER BY p.position, r.year, r.period",
            "WHERE p.organ = ?1",
        ))?;
        for row in stmt.query_map(args(), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i32>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<i64>>(4)?,
            ))
        })? {
            let (person_id, year, period, grade, score) = row?;
            let period =
                parse_period(&period).ok_or_else(|| StoreError::Corrupt(format!("平时考核期间「{period}」无效")))?;
            let grade = grade.and_then(|g| RegularGrade::from_name(&g));
            roster.regular.push(RegularRecord { person_id, year, period, grade, score });
        }
        let mut stmt = self.conn.prepare(&sql(
            "SELECT a.person_id, a.year, virtue, ability, diligence, achievement, integrity, democratic, proposal, sick_days, personal_days, summary, training, supervisor_comment
             FROM annual_inputs a JOIN people p ON p.id = a.person_id {organ} ORDER BY p.position, a.year",
            "WHERE p.organ = ?1",
        ))?;
        let rows = stmt.query_map(args(), |r| {
            Ok(AnnualInput {
                person_id: r.get(0)?,
                year: r.get(1)?,
                dimensions: [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?],
                democratic: r.get(7)?,
                proposal: r.get::<_, Option<String>>(8)?.and_then(|g| Grade::from_name(&g)),
                sick_days: r.get(9)?,
                personal_days: r.get(10)?,
                summary: r.get(11)?,
                training: r.get(12)?,
                supervisor_comment: r.get(13)?,
            })
        })?;
        for row in rows {
            roster.annual_inputs.push(row?);
        }
        Ok(())
    }

    /// The recorded changes of one person, oldest first.
    pub fn history(&self, person_id: &str) -> Result<Vec<Change>, StoreError> {
        let sql = format!("SELECT import_id, person_id, field, old_value, new_value FROM ({HISTORY}) ORDER BY seq");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([person_id], |r| {
            Ok(Change { import_id: r.get(0)?, person_id: r.get(1)?, field: r.get(2)?, old: r.get(3)?, new: r.get(4)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The recorded changes of one person with when and from which file each import was made,
    /// oldest first (the person drawer's timeline).
    pub fn history_with_imports(&self, person_id: &str) -> Result<Vec<(Change, String, String)>, StoreError> {
        let sql = format!(
            "SELECT h.import_id, h.person_id, h.field, h.old_value, h.new_value, i.imported_at, i.file
             FROM ({HISTORY}) h JOIN imports i ON i.id = h.import_id ORDER BY h.seq"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([person_id], |r| {
            Ok((
                Change { import_id: r.get(0)?, person_id: r.get(1)?, field: r.get(2)?, old: r.get(3)?, new: r.get(4)? },
                r.get(5)?,
                r.get(6)?,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// A person's history (`?1`) with the order it was recorded in (`seq`): first its [`ADDED`],
/// which is the person's `first_import` (an import writes no history row for the people it adds,
/// since version 16), under the name it had then (the oldest change of name undone); then the
/// rows of `person_history`. A database written before version 16 whose people have no
/// `first_import` keeps its own rows of [`ADDED`].
const HISTORY: &str = "SELECT p.first_import AS import_id, p.id AS person_id, 'added' AS field, NULL AS old_value,
        coalesce((SELECT n.old_value FROM person_history n WHERE n.person_id = p.id AND n.field = 'name' ORDER BY n.rowid LIMIT 1), p.name) AS new_value,
        0 AS seq
     FROM people p
     WHERE p.id = ?1 AND p.first_import IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM person_history a WHERE a.person_id = p.id AND a.field = 'added')
     UNION ALL
     SELECT import_id, person_id, field, old_value, new_value, rowid AS seq FROM person_history WHERE person_id = ?1";
