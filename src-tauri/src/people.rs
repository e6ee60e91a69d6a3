//! The 人员 section: `people` (everyone in the database, for a virtualised grid) and `person`
//! (one person's drawer: rank and post timeline, annual results, sanctions and restrictions, and
//! the promotion status on the clerk's today). The drawer reads only the person's organ from the
//! database, not everyone (`Store::load_organ_roster`; promotion decides within an organ).
//!
//! The grid is sent in a columnar shape: one array per column, the repeated texts (organs,
//! departments, categories, ranks) once in look-up lists that the rows point into. For 100,000
//! people with three years of results that is 7.6 MB of JSON instead of 25 MB as an array of
//! row objects (measured by the test `a_100k_roster_fits_the_grid` in tests/shell/people.rs).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use kaohe_engine::report::{PersonReport, PromotionReport};
use kaohe_engine::{Person, Profile, Restriction, Roster};
use kaohe_store::Change;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{CommandError, ErrorCode};
use crate::state::AppState;

/// `people`: every person, column by column, in roster order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PeopleGrid {
    /// Look-up lists the columns `organ`, `department`, `category` and `rank` index into.
    /// Organs in roster order; categories and ranks in the profile's order (unknown ones last).
    pub organs: Vec<String>,
    pub departments: Vec<String>,
    pub categories: Vec<String>,
    pub ranks: Vec<String>,
    /// Years with at least one annual result, oldest first; `results[k]` is the column of
    /// `years[k]`.
    pub years: Vec<i32>,
    pub id: Vec<String>,
    pub name: Vec<String>,
    pub organ: Vec<u32>,
    pub department: Vec<Option<u32>>,
    pub category: Vec<u32>,
    pub rank: Vec<u32>,
    /// 领导职务 as written (处长 …), if any.
    pub post: Vec<Option<String>>,
    /// 领导成员.
    pub leader: Vec<bool>,
    pub rank_since: Vec<NaiveDate>,
    /// Per year, per person: the national result code ("1".."4", "5A", "5B", "5C", "6A", "7").
    #[ts(as = "Vec<Vec<Option<kaohe_engine::ts::NationalCode>>>")]
    pub results: Vec<Vec<Option<&'static str>>>,
}

/// What changed in a career step: `rank` (职级), `post` (领导职务), `organ` (单位), `category`
/// (职位类别), `work_start` (参加工作), `service_start` (进入公务员队伍), `added` (first imported).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Rank,
    Post,
    Organ,
    Category,
    WorkStart,
    ServiceStart,
    Added,
}

/// One step of a person's career as the database knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TimelineEntry {
    /// `rank` (职级), `post` (领导职务), `organ` (单位), `category` (职位类别), `work_start`
    /// (参加工作), `service_start` (进入公务员队伍), `added` (first imported).
    pub kind: TimelineKind,
    /// Since when (任职时间); `None` when the roster gives no date for the change.
    pub date: Option<NaiveDate>,
    /// The rank, post title, organ or category from then on.
    pub value: Option<String>,
    /// For a post: its level (县处级副职 …).
    pub detail: Option<String>,
    /// What it replaced, when the change was seen by an import.
    pub previous: Option<String>,
    /// Still so today.
    pub current: bool,
    /// When the import that recorded it ran (`YYYY-MM-DD HH:MM:SS`) and its file.
    pub recorded_at: Option<String>,
    pub file: Option<String>,
}

/// One annual result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResultEntry {
    pub year: i32,
    #[ts(as = "kaohe_engine::ts::NationalCode")]
    pub code: &'static str,
    pub label: &'static str,
}

/// Where a restriction stands on the as-of date: `active` (in effect), `open` (an investigation
/// without conclusion), `ended`, `future` (dated after the as-of date) or `unknown` (a kind the
/// profile lacks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RestrictionState {
    Active,
    Open,
    Ended,
    Future,
    Unknown,
}

/// One sanction, admonition or investigation, with its effect period from the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestrictionEntry {
    pub kind: String,
    pub date: NaiveDate,
    /// The recorded end (an investigation's conclusion), if any.
    pub end: Option<NaiveDate>,
    /// The profile's effect period in months; `None` for kinds that last until their end.
    pub months: Option<u32>,
    /// The last day of the effect period, when known.
    pub until: Option<NaiveDate>,
    /// `active` (in effect on the as-of date), `open` (an investigation without conclusion),
    /// `ended`, `future` (dated after the as-of date) or `unknown` (a kind the profile lacks).
    pub state: RestrictionState,
    /// The rule's citation, with 待核实 when unverified.
    pub cite: Option<String>,
}

/// `person`: everything the drawer shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PersonDetail {
    /// The date the promotion status and the restriction states are for (the clerk's today).
    pub as_of: NaiveDate,
    pub person: Person,
    /// Newest first.
    pub timeline: Vec<TimelineEntry>,
    /// Oldest first.
    pub results: Vec<ResultEntry>,
    /// Oldest first.
    pub restrictions: Vec<RestrictionEntry>,
    /// The engine's promotion report for this person on `as_of`; `None` when the profile does not
    /// know the person's rank.
    pub promotion: Option<PersonReport>,
}

#[tauri::command(async)]
pub fn people(state: State<'_, AppState>) -> Result<PeopleGrid, CommandError> {
    state.people()
}

/// One person's detail; the promotion status is for today (the clerk's local date).
#[tauri::command(async)]
pub fn person(state: State<'_, AppState>, id: String) -> Result<PersonDetail, CommandError> {
    state.person(&id, chrono::Local::now().date_naive())
}

impl AppState {
    /// Everyone in the database, for the 人员 grid.
    pub fn people(&self) -> Result<PeopleGrid, CommandError> {
        let roster = self.reading(|store| Ok(store.load_roster()?))?;
        Ok(people_grid(&roster, self.profile()))
    }

    /// One person's detail on `as_of`. Only the person's organ is read ([`Store::load_organ_roster`]):
    /// promotion decides within an organ, so the detail is the one from everyone's roster.
    ///
    /// [`Store::load_organ_roster`]: kaohe_store::Store::load_organ_roster
    pub fn person(&self, id: &str, as_of: NaiveDate) -> Result<PersonDetail, CommandError> {
        let id = id.trim();
        let (roster, history) = self.reading(|store| {
            let Some(organ) = store.organ_of(id)? else { return Err(unknown_person(id)) };
            Ok((store.load_organ_roster(&organ)?, store.history_with_imports(id)?))
        })?;
        person_detail(&roster, id, history, self.profile(), as_of).ok_or_else(|| unknown_person(id))
    }
}

fn unknown_person(id: &str) -> CommandError {
    CommandError::new(ErrorCode::UnknownPerson, format!("数据库中没有身份证号为 {id} 的人员"))
}

/// The drawer's detail of the person `id` from a roster holding them (everyone's, or their
/// organ's) and their recorded changes ([`kaohe_store::Store::history_with_imports`]); `None`
/// when the roster does not hold them.
pub fn person_detail(
    roster: &Roster,
    id: &str,
    history: Vec<(Change, String, String)>,
    profile: &Profile,
    as_of: NaiveDate,
) -> Option<PersonDetail> {
    let index = roster.people.iter().position(|p| p.id == id)?;
    let p = &roster.people[index];
    let mut results: Vec<ResultEntry> = roster
        .results
        .iter()
        .filter(|r| r.person_id == id)
        .map(|r| ResultEntry { year: r.year, code: r.result.code(), label: r.result.label() })
        .collect();
    results.sort_by_key(|r| r.year);
    let mut restrictions: Vec<RestrictionEntry> = roster
        .restrictions
        .iter()
        .filter(|r| r.person_id == id)
        .map(|r| restriction_entry(r, profile, as_of))
        .collect();
    restrictions.sort_by_key(|r| r.date);

    let mut result = kaohe_engine::promote(roster, profile, as_of);
    result.people.retain(|o| o.person == index);
    let promotion = PromotionReport::build(&result, roster, profile).people.into_iter().next();

    let history: Vec<Recorded> = history
        .into_iter()
        .map(|(c, at, file)| Recorded { import_id: c.import_id, field: c.field, old: c.old, new: c.new, at, file })
        .collect();
    Some(PersonDetail { as_of, person: p.clone(), timeline: timeline(p, &history), results, restrictions, promotion })
}

/// Names in the profile's order first, then any other in order of appearance.
fn ordered(known: impl Iterator<Item = String>, present: &BTreeSet<&str>, appearance: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = known.filter(|n| present.contains(n.as_str())).collect();
    for n in appearance {
        if !out.iter().any(|o| o == n) {
            out.push((*n).to_owned());
        }
    }
    out
}

fn index_of(list: &[String]) -> HashMap<&str, u32> {
    list.iter().enumerate().map(|(i, n)| (n.as_str(), i as u32)).collect()
}

/// The grid's columns for a roster.
pub fn people_grid(roster: &Roster, profile: &Profile) -> PeopleGrid {
    let people = &roster.people;
    let mut organs: Vec<String> = roster.organs.iter().map(|o| o.name.clone()).collect();
    {
        let known: BTreeSet<&str> = organs.iter().map(String::as_str).collect();
        let mut extra: Vec<&str> = Vec::new();
        let mut seen = BTreeSet::new();
        for p in people {
            if !known.contains(p.organ.as_str()) && seen.insert(p.organ.as_str()) {
                extra.push(&p.organ);
            }
        }
        organs.extend(extra.into_iter().map(str::to_owned));
    }
    let appearance = |f: fn(&Person) -> &str| -> (BTreeSet<&str>, Vec<&str>) {
        let mut set = BTreeSet::new();
        let mut order = Vec::new();
        for p in people {
            if set.insert(f(p)) {
                order.push(f(p));
            }
        }
        (set, order)
    };
    let (cat_set, cat_order) = appearance(|p| p.category.as_str());
    let categories = ordered(profile.categories.iter().map(|c| c.name.clone()), &cat_set, &cat_order);
    let (rank_set, rank_order) = appearance(|p| p.rank.as_str());
    let ranks =
        ordered(profile.ladders.iter().flat_map(|l| l.ranks.iter().map(|r| r.name.clone())), &rank_set, &rank_order);
    let mut departments: Vec<String> = Vec::new();
    let mut department_index: HashMap<&str, u32> = HashMap::new();
    for d in people.iter().filter_map(|p| p.department.as_deref()) {
        if !department_index.contains_key(d) {
            department_index.insert(d, departments.len() as u32);
            departments.push(d.to_owned());
        }
    }

    let (organ_ix, cat_ix, rank_ix) = (index_of(&organs), index_of(&categories), index_of(&ranks));
    let row: HashMap<&str, usize> = people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut by_year: BTreeMap<i32, Vec<Option<&'static str>>> = BTreeMap::new();
    for r in &roster.results {
        if let Some(&i) = row.get(r.person_id.as_str()) {
            by_year.entry(r.year).or_insert_with(|| vec![None; people.len()])[i] = Some(r.result.code());
        }
    }
    let (years, results): (Vec<i32>, Vec<_>) = by_year.into_iter().unzip();

    PeopleGrid {
        id: people.iter().map(|p| p.id.clone()).collect(),
        name: people.iter().map(|p| p.name.clone()).collect(),
        organ: people.iter().map(|p| organ_ix[p.organ.as_str()]).collect(),
        department: people.iter().map(|p| p.department.as_deref().map(|d| department_index[d])).collect(),
        category: people.iter().map(|p| cat_ix[p.category.as_str()]).collect(),
        rank: people.iter().map(|p| rank_ix[p.rank.as_str()]).collect(),
        post: people.iter().map(|p| p.post.clone()).collect(),
        leader: people.iter().map(|p| p.is_leader).collect(),
        rank_since: people.iter().map(|p| p.rank_since).collect(),
        organs: organs.clone(),
        departments: departments.clone(),
        categories: categories.clone(),
        ranks: ranks.clone(),
        years,
        results,
    }
}

/// The last day of a restriction's effect period, as promotion counts it: the profile's months
/// from its date (the day before the same date that many months later), or — for kinds without
/// a period (立案调查) — the day before its recorded conclusion.
pub fn restriction_until(r: &Restriction, profile: &Profile) -> Option<NaiveDate> {
    profile.restriction(&r.kind)?.until(r)
}

fn restriction_entry(r: &Restriction, profile: &Profile, as_of: NaiveDate) -> RestrictionEntry {
    let rule = profile.restriction(&r.kind);
    let until = restriction_until(r, profile);
    let state = match rule {
        None => RestrictionState::Unknown,
        Some(_) if r.date > as_of => RestrictionState::Future,
        Some(rule) if rule.months.is_none() && r.end.is_none() => RestrictionState::Open,
        Some(_) if until.is_some_and(|u| as_of <= u) => RestrictionState::Active,
        Some(_) => RestrictionState::Ended,
    };
    RestrictionEntry {
        kind: r.kind.clone(),
        date: r.date,
        end: r.end,
        months: rule.and_then(|x| x.months),
        until,
        state,
        cite: rule.map(|x| match x.cite.status {
            kaohe_engine::Status::U => format!("{}（待核实）", x.cite.text),
            _ => x.cite.text.clone(),
        }),
    }
}

/// A recorded change with its import.
struct Recorded {
    import_id: i64,
    field: String,
    old: Option<String>,
    new: Option<String>,
    at: String,
    file: String,
}

/// The fields of a person the timeline follows, by their history names (kaohe-store's
/// `PERSON_FIELDS` labels).
#[derive(Clone, Default)]
struct Snapshot {
    rank: Option<String>,
    rank_since: Option<String>,
    post: Option<String>,
    post_level: Option<String>,
    post_since: Option<String>,
    organ: Option<String>,
    category: Option<String>,
}

impl Snapshot {
    fn field(&mut self, name: &str) -> Option<&mut Option<String>> {
        Some(match name {
            "职级" => &mut self.rank,
            "任现职级时间" => &mut self.rank_since,
            "领导职务" => &mut self.post,
            "职务层次" => &mut self.post_level,
            "任现职务时间" => &mut self.post_since,
            "单位" => &mut self.organ,
            "职位类别" => &mut self.category,
            _ => return None,
        })
    }
}

fn day(text: &Option<String>) -> Option<NaiveDate> {
    text.as_deref().and_then(kaohe_engine::dates::parse_ymd)
}

/// The career as the imports saw it: starting from today's fields, each import's changes are
/// undone newest first, giving the state before it; every change of rank, post, organ or
/// category becomes an entry, and what is left at the first import is where the record starts.
fn timeline(p: &Person, history: &[Recorded]) -> Vec<TimelineEntry> {
    let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let mut state = Snapshot {
        rank: Some(p.rank.clone()),
        rank_since: date(Some(p.rank_since)),
        post: p.post.clone(),
        post_level: p.post_level.clone(),
        post_since: date(p.post_since),
        organ: Some(p.organ.clone()),
        category: Some(p.category.clone()),
    };
    let mut out: Vec<TimelineEntry> = Vec::new();
    let mut current = [true; 4];
    // (The organ someone was in when first imported is no event: the drawer shows the organ;
    // transfers seen by later imports are.)
    let entry = |kind, date, value: &Option<String>| TimelineEntry {
        kind,
        date,
        value: value.clone(),
        detail: None,
        previous: None,
        current: false,
        recorded_at: None,
        file: None,
    };
    let mut imports: Vec<i64> = history.iter().map(|h| h.import_id).collect();
    imports.dedup();
    let mut first: Option<&Recorded> = None;
    for import in imports.iter().rev() {
        let changes: Vec<&Recorded> = history.iter().filter(|h| h.import_id == *import).collect();
        let after = state.clone();
        for c in &changes {
            if c.field == "新增人员" {
                first = Some(c);
            }
            if let Some(slot) = state.field(&c.field) {
                *slot = c.old.clone();
            }
        }
        let before = &state;
        let (at, file) = (Some(changes[0].at.clone()), Some(changes[0].file.clone()));
        let mut push = |mut e: TimelineEntry, k: usize| {
            e.current = std::mem::replace(&mut current[k], false);
            e.recorded_at = at.clone();
            e.file = file.clone();
            out.push(e);
        };
        let is_new = changes.iter().any(|c| c.field == "新增人员");
        if is_new {
            continue;
        }
        if after.rank != before.rank {
            push(
                TimelineEntry {
                    previous: before.rank.clone(),
                    ..entry(TimelineKind::Rank, day(&after.rank_since), &after.rank)
                },
                0,
            );
        }
        if after.post != before.post || after.post_level != before.post_level {
            let previous = before.post.clone().or_else(|| before.post_level.clone());
            let value = after.post.clone().or_else(|| after.post_level.clone());
            push(
                TimelineEntry {
                    previous,
                    detail: after.post_level.clone(),
                    ..entry(TimelineKind::Post, day(&after.post_since), &value)
                },
                1,
            );
        }
        if after.organ != before.organ {
            push(TimelineEntry { previous: before.organ.clone(), ..entry(TimelineKind::Organ, None, &after.organ) }, 2);
        }
        if after.category != before.category {
            push(
                TimelineEntry {
                    previous: before.category.clone(),
                    ..entry(TimelineKind::Category, None, &after.category)
                },
                3,
            );
        }
    }
    // Where the record starts: the state at the first import (today's, without history).
    let (at, file) = (first.map(|f| f.at.clone()), first.map(|f| f.file.clone()));
    let mut start = |mut e: TimelineEntry, k: usize| {
        e.current = current[k];
        e.recorded_at = at.clone();
        e.file = file.clone();
        out.push(e);
    };
    start(entry(TimelineKind::Rank, day(&state.rank_since), &state.rank), 0);
    if state.post.is_some() || state.post_level.is_some() {
        let value = state.post.clone().or_else(|| state.post_level.clone());
        start(
            TimelineEntry {
                detail: state.post_level.clone(),
                ..entry(TimelineKind::Post, day(&state.post_since), &value)
            },
            1,
        );
    }
    if let Some(f) = first {
        out.push(TimelineEntry {
            recorded_at: Some(f.at.clone()),
            file: Some(f.file.clone()),
            ..entry(TimelineKind::Added, day(&Some(f.at.chars().take(10).collect())), &f.new)
        });
    }
    if p.service_start.is_some() {
        out.push(entry(TimelineKind::ServiceStart, p.service_start, &None));
    }
    if p.work_start.is_some() {
        out.push(entry(TimelineKind::WorkStart, p.work_start, &None));
    }
    // Newest first; undated changes by the day they were recorded.
    let key = |e: &TimelineEntry| e.date.or_else(|| day(&e.recorded_at.as_ref().map(|a| a.chars().take(10).collect())));
    out.sort_by_key(|e| std::cmp::Reverse(key(e)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(import_id: i64, field: &str, old: Option<&str>, new: Option<&str>, at: &str) -> Recorded {
        Recorded {
            import_id,
            field: field.into(),
            old: old.map(Into::into),
            new: new.map(Into::into),
            at: at.into(),
            file: format!("名册{import_id}.xlsx"),
        }
    }

    #[test]
    fn the_timeline_undoes_each_import_newest_first() {
        let p = Person {
            id: "330102198808060235".into(),
            name: "田建国".into(),
            organ: "某市财政局".into(),
            category: "综合管理类".into(),
            rank: "一级主任科员".into(),
            rank_since: NaiveDate::from_ymd_opt(2025, 3, 1).expect("date"),
            post: Some("科长".into()),
            post_level: Some("乡科级正职".into()),
            post_since: NaiveDate::from_ymd_opt(2025, 6, 1),
            ..Person::default()
        };
        let history = [
            rec(1, "新增人员", None, Some("田建国"), "2024-12-20 09:00:00"),
            rec(2, "职级", Some("二级主任科员"), Some("一级主任科员"), "2025-04-02 10:00:00"),
            rec(2, "任现职级时间", Some("2019-01-28"), Some("2025-03-01"), "2025-04-02 10:00:00"),
            rec(3, "领导职务", None, Some("科长"), "2025-07-01 10:00:00"),
            rec(3, "职务层次", None, Some("乡科级正职"), "2025-07-01 10:00:00"),
            rec(3, "任现职务时间", None, Some("2025-06-01"), "2025-07-01 10:00:00"),
        ];
        let t = timeline(&p, &history);
        // kind, date, value, previous value, current
        type Line<'a> = (TimelineKind, Option<String>, Option<&'a str>, Option<&'a str>, bool);
        let lines: Vec<Line> = t
            .iter()
            .map(|e| (e.kind, e.date.map(|d| d.to_string()), e.value.as_deref(), e.previous.as_deref(), e.current))
            .collect();
        assert_eq!(
            lines,
            vec![
                (TimelineKind::Post, Some("2025-06-01".into()), Some("科长"), None, true),
                (TimelineKind::Rank, Some("2025-03-01".into()), Some("一级主任科员"), Some("二级主任科员"), true),
                (TimelineKind::Added, Some("2024-12-20".into()), Some("田建国"), None, false),
                (TimelineKind::Rank, Some("2019-01-28".into()), Some("二级主任科员"), None, false),
            ]
        );
        assert_eq!(t[1].file.as_deref(), Some("名册2.xlsx"));
        assert_eq!(t[0].detail.as_deref(), Some("乡科级正职"));
    }
}
