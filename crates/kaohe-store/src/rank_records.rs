//! The ranks each person held, as the roster's 职级变动 sheet lists them (`rank_records`, schema
//! 17): written in the import's transaction, a person's records replaced as a whole when the
//! roster lists any for them and they differ from the stored ones (the same rows again write
//! nothing); a person the roster lists none for keeps theirs. Read back into the roster
//! (`Roster::rank_records`) for 核查 and the 人员 drawer's timeline.

use super::*;

/// One stored record as compared: (since, rank, source, note), `since` as `YYYY-MM-DD`.
pub(crate) type RankRow = (String, String, String, Option<String>);

/// Deletes a person's records (by the table's key).
pub(crate) const RANK_RECORDS_CLEAR: &str = "DELETE FROM rank_records WHERE person_id = ?1";
pub(crate) const RANK_RECORD_INSERT: &str =
    "INSERT INTO rank_records (person_id, since, rank, source, note, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/// Every stored record, by person, each person's by date (one pass over the table in its key's
/// order).
pub(crate) fn stored_rank_rows(conn: &Connection) -> Result<FastMap<String, Vec<RankRow>>, StoreError> {
    let mut out: FastMap<String, Vec<RankRow>> = FastMap::default();
    let mut stmt =
        conn.prepare("SELECT person_id, since, rank, source, note FROM rank_records ORDER BY person_id, since")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().push((r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?));
    }
    Ok(out)
}

/// The records of `roster` by person, in roster order of their first record, each person's by
/// date: what would be stored.
fn roster_rank_rows(roster: &Roster) -> Vec<(&str, Vec<RankRow>)> {
    let mut order: Vec<&str> = Vec::new();
    let mut by: FastMap<&str, Vec<RankRow>> = FastMap::default();
    for r in &roster.rank_records {
        let rows = by.entry(r.person_id.as_str()).or_insert_with(|| {
            order.push(r.person_id.as_str());
            Vec::new()
        });
        rows.push((Text::date(r.since).as_str().to_string(), r.rank.clone(), r.source.clone(), r.note.clone()));
    }
    order
        .into_iter()
        .map(|id| {
            let mut rows = by.remove(id).unwrap_or_default();
            rows.sort();
            (id, rows)
        })
        .collect()
}

/// The people whose records an import of `roster` writes (their records are new or differ from
/// the stored ones), with the records to write and the stored ones they replace (empty: none).
pub(crate) fn rank_rows_due<'r>(
    roster: &'r Roster,
    stored: &FastMap<String, Vec<RankRow>>,
) -> Vec<(&'r str, Vec<RankRow>, Vec<RankRow>)> {
    roster_rank_rows(roster)
        .into_iter()
        .filter_map(|(id, rows)| {
            let old = stored.get(id).cloned().unwrap_or_default();
            (old != rows).then_some((id, rows, old))
        })
        .collect()
}

/// Writes the records of `roster` that are due: each such person's stored records deleted, the
/// roster's inserted with `import_id`. How many records were written.
pub(crate) fn import_rank_records(tx: &Transaction, import_id: i64, roster: &Roster) -> Result<u64, StoreError> {
    if roster.rank_records.is_empty() {
        return Ok(0);
    }
    let stored = stored_rank_rows(tx)?;
    let mut clear = tx.prepare_cached(RANK_RECORDS_CLEAR)?;
    let mut insert = tx.prepare_cached(RANK_RECORD_INSERT)?;
    let mut written = 0;
    for (id, rows, _) in rank_rows_due(roster, &stored) {
        clear.execute([id])?;
        for (since, rank, source, note) in &rows {
            insert.execute(params![id, since, rank, source, note, import_id])?;
            written += 1;
        }
    }
    Ok(written)
}

/// A person's records in words, for the plan: 「2015-07-01 一级科员 → 2019-01-01 四级主任科员」.
pub(crate) fn rank_rows_words(rows: &[RankRow]) -> String {
    rows.iter().map(|(since, rank, _, _)| format!("{since} {rank}")).collect::<Vec<_>>().join(" → ")
}

impl Store {
    /// The people's rank records, of everyone or of one organ, in roster order and by date.
    pub(crate) fn load_rank_records(&self, organ: Option<&str>, roster: &mut Roster) -> Result<(), StoreError> {
        let sql = match organ {
            Some(_) => "SELECT r.person_id, r.rank, r.since, r.source, r.note FROM rank_records r JOIN people p ON p.id = r.person_id WHERE p.organ = ?1 ORDER BY p.position, r.since",
            None => "SELECT r.person_id, r.rank, r.since, r.source, r.note FROM rank_records r JOIN people p ON p.id = r.person_id ORDER BY p.position, r.since",
        };
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(organ), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get(3)?, r.get(4)?))
        })?;
        for row in rows {
            let (person_id, rank, since, source, note) = row?;
            let since = parse_date(Some(since))?.unwrap_or_default();
            roster.rank_records.push(RankRecord { person_id, rank, since, source, note });
        }
        Ok(())
    }
}
