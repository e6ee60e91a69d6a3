//! The database as an import reads it: every stored person's fingerprint, name, organ and
//! results in one pass over each table ([`read_snapshot`]), read ahead on a second thread while
//! the roster is read ([`read_ahead`], [`Store::prefetch`]), the fields read back only for those
//! whose fingerprint differs ([`Stored`]).

use super::*;

/// What an import needs of the database, read in one pass over each table: for each stored
/// person the roster lists, the fingerprint of their fields (an unchanged person costs no
/// look-up; the fields of a changed one are read back for the history), their name and organ
/// (for the changes of name) and their stored results; and the stored people it does not list.
pub(crate) struct Stored {
    /// Everyone stored; only those the roster lists are found ([`Stored::listed`]).
    people: Snapshot,
    /// For each person of the roster, in its order, where the stored person with that ID is in
    /// `people`: found once, so that the plan's and the import's passes over the roster look
    /// nobody up again.
    of_roster: Vec<Option<u32>>,
    /// How many stored people the roster lists.
    listed: usize,
    /// The stored fields of the people the plan found changed, as it read them (the import
    /// that follows the plan does not read them again).
    pub(crate) changed: FastMap<String, Vec<Option<String>>>,
    /// The plan's decisions, for the import of the roster it was made for: the people held back
    /// by a change of name not confirmed, and the results that are new or changed (indices
    /// into the roster's results).
    pub(crate) held: Option<HashSet<String>>,
    pub(crate) due_results: Option<Vec<usize>>,
    /// The stored people the roster does not list (id, name, organ), in roster order.
    pub(crate) missing: Vec<(String, String, String)>,
}

pub(crate) struct StoredPerson {
    pub(crate) id: IdKey,
    pub(crate) fingerprint: u64,
    /// Whether the fingerprint is in the database; `false`: computed from the fields (a database
    /// from before version 12, a restored backup), to be filled in by the import.
    pub(crate) fingerprint_stored: bool,
    pub(crate) name: String,
    pub(crate) organ: String,
    /// The place in roster order.
    pub(crate) position: i64,
    /// Whether the roster being imported lists the person.
    pub(crate) listed: bool,
    /// (year, code), the code as written when it is not one of the national codes exactly
    /// (then it is always written over).
    pub(crate) results: Vec<(i32, Result<ResultCode, Box<str>>)>,
}

impl StoredPerson {
    /// The stored result of `year`.
    pub(crate) fn result(&self, year: i32) -> Option<&Result<ResultCode, Box<str>>> {
        self.results.iter().find(|(y, _)| *y == year).map(|(_, c)| c)
    }
}

impl Stored {
    /// The stored person the roster lists with this ID.
    pub(crate) fn listed(&self, id: &str) -> Option<&StoredPerson> {
        self.people.get(id).filter(|p| p.listed)
    }

    /// The stored person with the ID of the roster's person at `index` (in the roster the
    /// `Stored` was made for).
    pub(crate) fn of_roster(&self, index: usize) -> Option<&StoredPerson> {
        self.of_roster.get(index).copied().flatten().map(|at| &self.people.list[at as usize])
    }

    /// Whether the roster lists anyone stored.
    pub(crate) fn lists_anyone(&self) -> bool {
        self.listed > 0
    }

    /// Whether the database holds nobody.
    pub(crate) fn nobody_stored(&self) -> bool {
        self.people.list.is_empty()
    }

    /// The indices of the roster's results that the database does not hold as they are, leaving
    /// out those of the people in `held`.
    pub(crate) fn results_due(&self, read: &RosterRead, held: &HashSet<String>) -> Vec<usize> {
        let people = &read.roster.people;
        // A roster's results follow its people (a person's years on their row): the person of
        // a result is found at or a few places after the last one's, without a look-up by ID.
        let mut at = 0usize;
        let mut due = Vec::new();
        for (i, r) in read.roster.results.iter().enumerate() {
            let near = (at..people.len().min(at + 4)).find(|&k| people[k].id == r.person_id);
            let stored = match near {
                Some(k) => {
                    at = k;
                    self.of_roster(k)
                }
                None => self.listed(&r.person_id),
            };
            let holds = stored.and_then(|p| p.result(r.year)) == Some(&Ok(r.result));
            if !holds && !held.contains(&r.person_id) {
                due.push(i);
            }
        }
        due
    }
}

/// Every stored person, in the order read, found by ID.
pub(crate) struct Snapshot {
    list: Vec<StoredPerson>,
    by_id: FastMap<IdKey, u32>,
}

impl Snapshot {
    fn with_capacity(n: usize) -> Snapshot {
        Snapshot { list: Vec::with_capacity(n), by_id: kaohe_engine::fast_hash::map_with_capacity(n) }
    }

    fn insert(&mut self, person: StoredPerson) {
        match self.by_id.get(person.id.as_str()) {
            Some(&at) => self.list[at as usize] = person,
            None => {
                self.by_id.insert(person.id.clone(), self.list.len() as u32);
                self.list.push(person);
            }
        }
    }

    fn index(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    fn get(&self, id: &str) -> Option<&StoredPerson> {
        self.index(id).map(|at| &self.list[at as usize])
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut StoredPerson> {
        self.index(id).map(|at| &mut self.list[at as usize])
    }
}

/// A person's ID as the key of the stored people, held in place when it fits (an 18-character
/// ID does): a look-up among 100,000 compares it without following a pointer to the heap.
#[derive(Debug, Clone)]
pub(crate) enum IdKey {
    Inline(u8, [u8; 23]),
    Heap(Box<str>),
}

impl IdKey {
    pub(crate) fn new(id: &str) -> IdKey {
        match id.len() {
            n if n <= 23 => {
                let mut buf = [0u8; 23];
                buf[..n].copy_from_slice(id.as_bytes());
                IdKey::Inline(n as u8, buf)
            }
            _ => IdKey::Heap(id.into()),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            // Copied whole from a `str`, cut at its own length: always UTF-8.
            IdKey::Inline(n, buf) => std::str::from_utf8(&buf[..usize::from(*n)]).unwrap_or_default(),
            IdKey::Heap(s) => s,
        }
    }
}

impl std::borrow::Borrow<str> for IdKey {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::hash::Hash for IdKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq for IdKey {
    fn eq(&self, other: &IdKey) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for IdKey {}

/// Where a database stands for this connection: its changes and SQLite's `data_version` (which
/// moves when another connection commits). What was read of it holds while this stays.
pub(crate) fn state_of(conn: &Connection) -> Result<(u64, i64), StoreError> {
    Ok((conn.total_changes(), conn.pragma_query_value(None, "data_version", |r| r.get(0))?))
}

pub(crate) fn read_snapshot(tx: &Connection) -> Result<Snapshot, StoreError> {
    let count: i64 = tx.query_row("SELECT count(*) FROM people", [], |r| r.get(0))?;
    let mut people = Snapshot::with_capacity(count.max(0) as usize);
    let mut unknown = 0usize;
    let mut stmt = tx.prepare("SELECT id, name, organ, fingerprint, position FROM people")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        let text = |i: usize| {
            r.get_ref(i)
                .and_then(|v| v.as_str_or_null().map_err(rusqlite::Error::from))
                .map(|t| t.unwrap_or_default().to_string())
        };
        let print: Option<i64> = r.get(3)?;
        unknown += usize::from(print.is_none());
        people.insert(StoredPerson {
            id: IdKey::new(id),
            fingerprint: print.unwrap_or_default() as u64,
            fingerprint_stored: print.is_some(),
            name: text(1)?,
            organ: text(2)?,
            position: r.get(4)?,
            listed: false,
            results: Vec::new(),
        });
    }
    // The people whose fingerprint is not in the database: computed from their fields.
    if unknown > 0 {
        unprinted(tx, |id, print| {
            if let Some(person) = people.get_mut(id) {
                person.fingerprint = print;
            }
        })?;
    }
    // The table is kept in the order of its key (person, year): each run of one person's
    // results is looked up once.
    let mut stmt = tx.prepare("SELECT person_id, year, code FROM annual_results")?;
    let mut rows = stmt.query([])?;
    let mut run_of: String = String::new();
    let mut run = Vec::new();
    let mut flush = |id: &str, run: &mut Vec<(i32, Result<ResultCode, Box<str>>)>| {
        if let Some(person) = people.get_mut(id) {
            person.results.append(run);
        }
        run.clear();
    };
    while let Some(r) = rows.next()? {
        let id = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        if id != run_of {
            flush(&run_of, &mut run);
            run_of.clear();
            run_of.push_str(id);
        }
        let code = r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
        let code = ResultCode::ALL.into_iter().find(|c| c.code() == code).ok_or_else(|| Box::from(code));
        run.push((r.get(1)?, code));
    }
    flush(&run_of, &mut run);
    Ok(people)
}

impl Stored {
    /// What `read` needs of the database read as `people`: where each person it lists is
    /// stored, and the stored people it does not list (in roster order).
    pub(crate) fn of(mut people: Snapshot, read: &RosterRead) -> Stored {
        let mut listed = 0;
        // The database holds people in the order an import first listed them: a roster imported
        // again lists them in that order, so the next stored person is tried before a look-up.
        let mut next = 0usize;
        let of_roster: Vec<Option<u32>> = read
            .roster
            .people
            .iter()
            .map(|p| {
                let at = match people.list.get(next) {
                    Some(s) if s.id.as_str() == p.id => next as u32,
                    _ => people.index(&p.id)?,
                };
                next = at as usize + 1;
                let s = &mut people.list[at as usize];
                listed += usize::from(!s.listed);
                s.listed = true;
                Some(at)
            })
            .collect();
        let mut missing: Vec<(i64, (String, String, String))> = Vec::new();
        // Everyone stored is listed (the usual re-import): nobody to leave out.
        if listed < people.list.len() {
            for s in people.list.iter_mut().filter(|s| !s.listed) {
                missing.push((
                    s.position,
                    (s.id.as_str().to_string(), std::mem::take(&mut s.name), std::mem::take(&mut s.organ)),
                ));
            }
        }
        missing.sort_by(|a, b| (a.0, &a.1 .0).cmp(&(b.0, &b.1 .0)));
        let missing = missing.into_iter().map(|(_, m)| m).collect();
        Stored { people, of_roster, listed, changed: FastMap::default(), held: None, due_results: None, missing }
    }
}

/// Computes the fingerprint of every stored person whose fingerprint is not in the database
/// (after a restore, which never copies one) from their fields, and writes it.
pub(crate) fn fill_fingerprints(tx: &Connection) -> Result<(), StoreError> {
    let mut computed = Vec::new();
    unprinted(tx, |id, print| computed.push((id.to_string(), print as i64)))?;
    let mut set = tx.prepare_cached(FINGERPRINT_SET)?;
    for (id, print) in computed {
        set.execute(params![id, print])?;
    }
    Ok(())
}

/// Gives `each` the ID and the fingerprint computed from the fields of every stored person
/// whose fingerprint is not in the database.
pub(crate) fn unprinted(conn: &Connection, mut each: impl FnMut(&str, u64)) -> Result<(), StoreError> {
    let n = PERSON_FIELDS.len();
    let mut stmt = conn.prepare(&people_sql().unprinted)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        let values: Vec<Option<&str>> = (1..=n)
            .map(|i| r.get_ref(i).and_then(|v| v.as_str_or_null().map_err(rusqlite::Error::from)))
            .collect::<Result<_, _>>()?;
        each(id, fingerprint(values.into_iter()));
    }
    Ok(())
}

impl Store {
    /// Reads what a plan or an import will need of the database (every stored person's
    /// fingerprint, name and organ, and every stored result), so that it can be read on a
    /// second thread while the roster is read ([`read_ahead`]). The next plan or import
    /// uses it when nothing was written to the database since; otherwise it reads again.
    pub fn prefetch(&mut self) -> Result<(), StoreError> {
        let state = state_of(&self.conn)?;
        let people = read_snapshot(&self.conn)?;
        *self.prefetched.borrow_mut() = Some((state, people));
        Ok(())
    }

    /// What [`Store::prefetch`] read, when the database has not changed since.
    pub(crate) fn take_prefetched(&self) -> Result<Option<Snapshot>, StoreError> {
        let taken = self.prefetched.borrow_mut().take();
        Ok(match taken {
            Some((state, people)) if state == state_of(&self.conn)? => Some(people),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored person is found by the ID as text whether it is held in place or not, and the
    /// key hashes as the text does (the map looks up by `&str`).
    #[test]
    fn an_id_key_is_found_by_its_text() {
        let long = "这不是身份证号，而是一段很长的文字".repeat(2);
        let ids = ["11010519491231002X", "110105491231002", "", long.as_str()];
        let mut map: FastMap<IdKey, usize> = FastMap::default();
        for (i, id) in ids.iter().enumerate() {
            map.insert(IdKey::new(id), i);
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(map.get(*id), Some(&i), "{id}");
            assert_eq!(IdKey::new(id).as_str(), *id);
        }
        assert!(matches!(IdKey::new(&long), IdKey::Heap(_)));
        assert_eq!(map.get("11010519491231002x"), None);
    }
}
