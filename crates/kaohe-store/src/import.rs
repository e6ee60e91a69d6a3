//! An import: what it would change ([`Store::plan`], for `--check` and the app's 检查) and the
//! change itself in one transaction ([`Store::import_with`]), reusing the plan's reading of the
//! database; the column mappings the clerk confirmed, by header signature.

use super::*;

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub import_id: i64,
    pub people: u64,
    pub organs: u64,
    pub results: u64,
    pub restrictions: u64,
    /// Rank records (职级变动) written: those of the people whose records were new or changed
    /// (the same rows again write nothing).
    pub rank_records_written: u64,
    pub new_people: u64,
    pub updated_people: u64,
    pub unchanged_people: u64,
    /// People held back because the database has their ID under another name, not confirmed
    /// as a change of name; nothing of theirs was written.
    pub held_back: u64,
}

/// What an import would change, worked out without writing anything.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct ImportPlan {
    /// People not yet in the database.
    pub new: Vec<NewPerson>,
    /// People whose stored fields would change.
    pub updated: Vec<PersonChanges>,
    /// People in the database that this roster does not list.
    pub missing: Vec<MissingPerson>,
    /// Of the updated: who moves to another organ, changes rank or changes category.
    pub moved: Vec<Move>,
    pub rank_changed: Vec<Move>,
    pub category_changed: Vec<Move>,
    /// Annual results that are new or differ from the stored ones.
    pub results: usize,
    /// Rank records (职级变动) the import would write: those of the people whose records are new
    /// or differ from the stored ones (a person's records are replaced as a whole).
    pub rank_records: usize,
    /// The people whose stored rank records the roster's differ from (replaced by the import):
    /// `from` the stored ones, `to` the roster's, each as 「2015-07-01 一级科员 → …」.
    pub rank_records_replaced: Vec<Move>,
    pub unchanged: usize,
    /// IDs the database holds under another name: held back unless confirmed as a change of name.
    pub name_conflicts: Vec<NameConflict>,
    /// One issue per name conflict (an error for a row held back, a warning for a confirmed
    /// change of name), to be shown with the read's issues.
    #[serde(skip)]
    pub issues: Vec<kaohe_workbook::Issue>,
}

impl ImportPlan {
    /// Brings a read in line with the plan: the held-back people (and all their records) leave
    /// the roster, and the plan's issues join the read's, so that a report or a summary written
    /// from it says what the import does.
    pub fn apply_to(&self, read: &mut RosterRead) {
        let held = conflicts::held_back(&self.name_conflicts);
        conflicts::remove(&mut read.roster, &mut read.sources, &held);
        read.issues.extend(self.issues.iter().cloned());
    }
}

/// A person the database does not hold yet.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NewPerson {
    pub id: String,
    pub name: String,
}

/// A person the database holds and the roster does not list.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MissingPerson {
    pub id: String,
    pub name: String,
    /// Their organ in the database.
    pub organ: String,
}

/// A person's organ, rank or category from what the database holds to what the roster says.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Move {
    pub id: String,
    pub name: String,
    pub from: String,
    pub to: String,
}

/// One changed field of a person, by its Chinese name (职级 …): stored value, new value.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldChange {
    pub field: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// One person's changed fields.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonChanges {
    pub id: String,
    pub name: String,
    pub fields: Vec<FieldChange>,
}

/// The page cache of an import, in SQLite's `cache_size` terms (negative: KiB): 64 MiB.
pub(crate) const IMPORT_CACHE_KIB: i64 = -65_536;

/// What a plan's reading of the database holds for: the roster's people (their count and IDs)
/// and the database unchanged since (this connection's changes and SQLite's `data_version`,
/// which moves when another connection commits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlanKey {
    pub(crate) people: usize,
    pub(crate) ids: u64,
    pub(crate) changes: u64,
    pub(crate) data_version: i64,
}

impl PlanKey {
    /// The key of a plan of `read` (its people's IDs and names, its results, the changes of
    /// name confirmed: what the plan's decisions that the import takes over rest on).
    pub(crate) fn of(conn: &Connection, read: &RosterRead, confirmed: &Confirmations) -> Result<PlanKey, StoreError> {
        use std::hash::{Hash, Hasher};
        let mut h = kaohe_engine::fast_hash::FxHasher::default();
        for p in &read.roster.people {
            (&p.id, &p.name).hash(&mut h);
        }
        for r in &read.roster.results {
            (&r.person_id, r.year, r.result).hash(&mut h);
        }
        confirmed.renames.hash(&mut h);
        let data_version: i64 = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok(PlanKey { people: read.roster.people.len(), ids: h.finish(), changes: conn.total_changes(), data_version })
    }
}

/// Runs `work` (the read of a roster) on this thread while a second one opens the database
/// with `open` and reads ahead what the plan and the import will need of it
/// ([`Store::prefetch`]): the two take the time of the longer. A read ahead that fails is
/// forgotten (the plan reads the database itself, and says what is wrong).
pub fn read_ahead<T>(
    open: impl FnOnce() -> Result<Store, StoreError> + Send,
    work: impl FnOnce() -> T,
) -> (T, Result<Store, StoreError>) {
    std::thread::scope(|s| {
        let ahead = s.spawn(|| {
            let mut store = open()?;
            let _ = store.prefetch();
            Ok(store)
        });
        let done = work();
        (done, ahead.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })
}

impl Store {
    /// Writes what a read produced, in one transaction, recording every changed field. A person
    /// whose ID the database holds under another name is held back ([`Store::import_with`]). The
    /// import is logged without an operator; see [`Store::import_as`].
    pub fn import(&mut self, read: &RosterRead, source: &str) -> Result<ImportSummary, StoreError> {
        self.import_as(read, source, "")
    }

    /// [`Store::import`], recording `by` (the 操作人) in the import log.
    pub fn import_as(&mut self, read: &RosterRead, source: &str, by: &str) -> Result<ImportSummary, StoreError> {
        self.import_with(read, source, by, &Confirmations::default(), &mut |_, _| true)
    }

    /// Like [`Store::import_as`], with the changes of name the clerk `confirmed` (a person whose
    /// ID the database holds under another name is imported only when confirmed; otherwise the
    /// person and all their records are left out and the stored record stays as it is), telling
    /// `progress` (people written, people in all) as it goes; when `progress` answers `false` the
    /// transaction is rolled back and nothing is written ([`StoreError::Cancelled`]).
    pub fn import_with(
        &mut self,
        read: &RosterRead,
        source: &str,
        by: &str,
        confirmed: &Confirmations,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<ImportSummary, StoreError> {
        // A page cache that holds the indexes an import writes into (SQLite's default of 2 MB
        // spills and reads them again); back to what it was after.
        let cache: i64 = self.conn.pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        let imported = self.import_in_one_transaction(read, source, by, confirmed, progress);
        let restored = self.conn.pragma_update(None, "cache_size", cache);
        // The import's own failure is the one to tell.
        let summary = imported?;
        restored?;
        Ok(summary)
    }

    pub(crate) fn import_in_one_transaction(
        &mut self,
        read: &RosterRead,
        source: &str,
        by: &str,
        confirmed: &Confirmations,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<ImportSummary, StoreError> {
        const EVERY: u64 = 200;
        let total = read.roster.people.len() as u64;
        let now = now();
        // What the database holds, read once for the whole import (one pass over each table,
        // not a look-up per person): a fingerprint of each stored person and the stored results;
        // the plan's reading when it was made for this roster and nothing was written since.
        let planned = self.planned.borrow_mut().take();
        let prefetched = self.take_prefetched()?;
        let key = PlanKey::of(&self.conn, read, confirmed)?;
        let tx = self.conn.transaction()?;
        let mut stored = match planned {
            Some((k, stored)) if k == key => stored,
            _ => Stored::of(
                match prefetched {
                    Some(people) => people,
                    None => read_snapshot(&tx)?,
                },
                read,
            ),
        };
        // What the plan decided of this roster, or decided now.
        let held = match stored.held.take() {
            Some(held) => held,
            None => conflicts::held_back(&conflicts::find(read, &stored, confirmed).0),
        };
        let owned;
        let read = if held.is_empty() {
            read
        } else {
            let mut r = read.clone();
            conflicts::remove(&mut r.roster, &mut r.sources, &held);
            owned = r;
            &owned
        };
        tx.execute(
            "INSERT INTO imports (file, imported_at, people, issues, by) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![source, now, read.roster.people.len() as i64, read.issues.len() as i64, by.trim()],
        )?;
        let import_id = tx.last_insert_rowid();
        let mut summary = ImportSummary { import_id, held_back: held.len() as u64, ..Default::default() };
        // Into an empty database, the indexes of people are built after the people are written
        // (SQLite sorts once) rather than entry by entry in no order.
        let rebuilt = match stored.nobody_stored() {
            true => drop_indexes(&tx, FILLED_AT_FIRST)?,
            false => Vec::new(),
        };
        import_organs(&tx, &read.roster.organs)?;
        {
            let mut people = PeopleWriter::new(&tx, import_id)?;
            let prints = fingerprints_of(&read.roster.people, stored.lists_anyone());
            for (done, p) in read.roster.people.iter().enumerate() {
                if (done as u64).is_multiple_of(EVERY) && !progress(done as u64, total) {
                    return Err(StoreError::Cancelled);
                }
                match people.upsert(
                    p,
                    prints.get(done).copied(),
                    // Without anyone held back the roster is the one `stored` was made for.
                    if held.is_empty() { stored.of_roster(done) } else { stored.listed(&p.id) },
                    stored.changed.get(p.id.as_str()),
                )? {
                    Upsert::New => summary.new_people += 1,
                    Upsert::Updated => summary.updated_people += 1,
                    Upsert::Unchanged => summary.unchanged_people += 1,
                }
            }
            people.finish()?;
        }
        for sql in &rebuilt {
            tx.execute_batch(sql)?;
        }
        // The plan's list of results holds for the roster as planned, not once people left it.
        let due = if held.is_empty() { stored.due_results.as_deref() } else { None };
        import_results(&tx, import_id, &read.roster.results, &stored, due)?;
        import_restrictions(&tx, &read.roster.restrictions)?;
        import_assessment_inputs(&tx, &read.roster)?;
        summary.rank_records_written = import_rank_records(&tx, import_id, &read.roster)?;
        // The last word before the commit: a cancel now still leaves the database untouched.
        if !progress(total, total) {
            return Err(StoreError::Cancelled);
        }
        tx.commit()?;
        summary.people = read.roster.people.len() as u64;
        summary.organs = read.roster.organs.len() as u64;
        summary.results = read.roster.results.len() as u64;
        summary.restrictions = read.roster.restrictions.len() as u64;
        Ok(summary)
    }

    /// What importing `read` would change; nothing is written.
    pub fn plan(&self, read: &RosterRead) -> Result<ImportPlan, StoreError> {
        self.plan_with(read, &Confirmations::default())
    }

    /// Like [`Store::plan`], with the changes of name the clerk confirmed.
    pub fn plan_with(&self, read: &RosterRead, confirmed: &Confirmations) -> Result<ImportPlan, StoreError> {
        // The database read as the import reads it: a fingerprint per stored person, the fields
        // read back only for those whose fingerprint differs.
        let key = PlanKey::of(&self.conn, read, confirmed)?;
        let people = match self.take_prefetched()? {
            Some(people) => people,
            None => read_snapshot(&self.conn)?,
        };
        let mut stored = Stored::of(people, read);
        let mut plan = ImportPlan::default();
        (plan.name_conflicts, plan.issues) = conflicts::find(read, &stored, confirmed);
        let held = conflicts::held_back(&plan.name_conflicts);
        let prints = fingerprints_of(&read.roster.people, stored.lists_anyone());
        // The people whose fingerprint differs from the stored one: their stored fields are
        // read back, all at once, to say what changed.
        let mut differing = Vec::new();
        for (i, p) in read.roster.people.iter().enumerate() {
            if held.contains(&p.id) {
                continue;
            }
            match stored.of_roster(i) {
                None => plan.new.push(NewPerson { id: p.id.clone(), name: p.name.clone() }),
                Some(s) if prints.get(i) == Some(&s.fingerprint) => plan.unchanged += 1,
                Some(_) => differing.push(p),
            }
        }
        let ids: Vec<&str> = differing.iter().map(|p| p.id.as_str()).collect();
        let mut old_fields = stored_fields(&self.conn, &ids)?;
        for p in differing {
            let Some(ov) = old_fields.remove(&p.id) else {
                return Err(StoreError::Corrupt(format!("身份证号 {} 的记录在读取时消失了，请重新检查", p.id)));
            };
            let nv = person_values(p);
            let differs = |i: usize| ov[i].as_deref() != text_of(&nv[i]);
            let owned = |i: usize| text_of(&nv[i]).map(str::to_string);
            let fields: Vec<FieldChange> = (0..PERSON_FIELDS.len())
                .filter(|&i| differs(i))
                .map(|i| FieldChange { field: PERSON_FIELDS[i].1.to_string(), from: ov[i].clone(), to: owned(i) })
                .collect();
            if fields.is_empty() {
                plan.unchanged += 1;
                continue;
            }
            let pair = |i: usize| Move {
                id: p.id.clone(),
                name: p.name.clone(),
                from: ov[i].clone().unwrap_or_default(),
                to: owned(i).unwrap_or_default(),
            };
            // The fields at 3, 5 and 6 are 单位, 职位类别 and 职级 (PERSON_FIELDS).
            if differs(3) {
                plan.moved.push(pair(3));
            }
            if differs(6) {
                plan.rank_changed.push(pair(6));
            }
            if differs(5) {
                plan.category_changed.push(pair(5));
            }
            plan.updated.push(PersonChanges { id: p.id.clone(), name: p.name.clone(), fields });
            stored.changed.insert(p.id.clone(), ov);
        }
        plan.missing = stored
            .missing
            .iter()
            .map(|(id, name, organ)| MissingPerson { id: id.clone(), name: name.clone(), organ: organ.clone() })
            .collect();
        let due = stored.results_due(read, &held);
        plan.results = due.len();
        if !read.roster.rank_records.is_empty() {
            let names: FastMap<&str, &str> =
                read.roster.people.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
            for (id, rows, old) in rank_rows_due(&read.roster, &stored_rank_rows(&self.conn)?) {
                if held.contains(id) {
                    continue;
                }
                plan.rank_records += rows.len();
                if !old.is_empty() {
                    plan.rank_records_replaced.push(Move {
                        id: id.to_string(),
                        name: names.get(id).copied().unwrap_or_default().to_string(),
                        from: rank_rows_words(&old),
                        to: rank_rows_words(&rows),
                    });
                }
            }
        }
        stored.due_results = Some(due);
        stored.held = Some(held);
        *self.planned.borrow_mut() = Some((key, stored));
        Ok(plan)
    }

    /// Saves the column mapping the user confirmed for rosters with this header signature, as a
    /// JSON object (a header may hold any character, line breaks and tabs too).
    pub fn save_mapping(
        &self,
        signature: &str,
        mapping: &std::collections::BTreeMap<String, String>,
    ) -> Result<(), StoreError> {
        let text = serde_json::to_string(mapping).map_err(|e| StoreError::Corrupt(format!("列对应无法保存：{e}")))?;
        self.conn.execute(
            "INSERT INTO column_mappings (signature, mapping, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at",
            params![signature, text, now()],
        )?;
        Ok(())
    }

    /// The mapping saved for a header signature, if any.
    pub fn mapping_for(
        &self,
        signature: &str,
    ) -> Result<Option<std::collections::BTreeMap<String, String>>, StoreError> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT mapping FROM column_mappings WHERE signature = ?1", [signature], |r| r.get(0))
            .optional()?;
        text.map(|t| {
            serde_json::from_str(&t)
                .map_err(|_| StoreError::Corrupt("保存的列对应无法读取，请在导入时重新确认各列".into()))
        })
        .transpose()
    }

    /// Number of imports recorded.
    pub fn import_count(&self) -> Result<u64, StoreError> {
        Ok(self.conn.query_row("SELECT count(*) FROM imports", [], |r| r.get::<_, i64>(0))? as u64)
    }
}
