//! The 人员 drawer: one person's detail on a date ([`person`]) — fields, the rank and post
//! timeline rebuilt from the import history, annual results, sanctions and restrictions with
//! their effect periods from the profile, and the engine's promotion report. Only the person's
//! organ is read (`Store::load_organ_roster`): promotion decides within an organ, so the detail is
//! the one from everyone's roster ([`person_detail`] is the pure part).

use chrono::NaiveDate;
use kaohe_engine::report::{PersonReport, PromotionReport};
use kaohe_engine::{NationalCode, Person, Profile, Restriction, Roster};
use kaohe_store::{Change, Store};
use serde::Serialize;

use crate::DeskError;

/// What changed in a career step: `rank` (职级), `post` (领导职务), `organ` (单位), `category`
/// (职位类别), `work_start` (参加工作), `service_start` (进入公务员队伍), `added` (first imported).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultEntry {
    pub year: i32,
    pub code: NationalCode,
    pub label: &'static str,
}

/// Where a restriction stands on the as-of date: `active` (in effect), `open` (an investigation
/// without conclusion), `ended`, `future` (dated after the as-of date) or `unknown` (a kind the
/// profile lacks).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RestrictionState {
    Active,
    Open,
    Ended,
    Future,
    Unknown,
}

/// One sanction, admonition or investigation, with its effect period from the profile.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestrictionEntry {
    pub kind: String,
    pub date: NaiveDate,
    /// The recorded end (an investigation's conclusion), if any.
    pub end: Option<NaiveDate>,
    /// The profile's effect period in months; `None` for kinds that last until their end.
    pub months: Option<u32>,
    /// The last day of the effect period, when known.
    pub until: Option<NaiveDate>,
    /// What the rules call the period: 处分期 for a 处分, 影响期 for the others (`None` for a kind
    /// the profile lacks).
    pub period: Option<String>,
    /// `active` (in effect on the as-of date), `open` (an investigation without conclusion),
    /// `ended`, `future` (dated after the as-of date) or `unknown` (a kind the profile lacks).
    pub state: RestrictionState,
    /// The rule's citation, with 待核实 when unverified.
    pub cite: Option<String>,
}

/// `person`: everything the drawer shows.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// One person's detail on `as_of` (the clerk's today), from the database.
pub fn person(store: &Store, profile: &Profile, id: &str, as_of: NaiveDate) -> Result<PersonDetail, DeskError> {
    let id = id.trim();
    let unknown = || DeskError::UnknownPerson(id.to_owned());
    let organ = store.organ_of(id)?.ok_or_else(unknown)?;
    let roster = store.load_organ_roster(&organ)?;
    let history = store.history_with_imports(id)?;
    person_detail(&roster, id, history, profile, as_of).ok_or_else(unknown)
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
        .map(|r| ResultEntry { year: r.year, code: r.result.national(), label: r.result.label() })
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
        period: rule.map(|x| x.period.clone()),
        state,
        cite: rule.map(|x| x.cite.to_string()),
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

/// The fields of a person the timeline follows, by their history keys (kaohe-store's columns).
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
            "rank" => &mut self.rank,
            "rank_since" => &mut self.rank_since,
            "post" => &mut self.post,
            "post_level" => &mut self.post_level,
            "post_since" => &mut self.post_since,
            "organ" => &mut self.organ,
            "category" => &mut self.category,
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
    let mut imports: Vec<i64> = history.iter().map(|h| h.import_id).collect();
    imports.dedup();
    let mut first: Option<&Recorded> = None;
    for import in imports.iter().rev() {
        let changes: Vec<&Recorded> = history.iter().filter(|h| h.import_id == *import).collect();
        let after = state.clone();
        for c in &changes {
            if c.field == kaohe_store::ADDED {
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
        let is_new = changes.iter().any(|c| c.field == kaohe_store::ADDED);
        if is_new {
            continue;
        }
        for (e, k) in changed(&after, before) {
            push(e, k);
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

/// A timeline entry of `kind` on `date` with `value`, the rest to be filled in.
fn entry(kind: TimelineKind, date: Option<NaiveDate>, value: &Option<String>) -> TimelineEntry {
    TimelineEntry {
        kind,
        date,
        value: value.clone(),
        detail: None,
        previous: None,
        current: false,
        recorded_at: None,
        file: None,
    }
}

/// What one import changed between the state `before` it and `after` it: the entries, each with
/// its slot (0 rank, 1 post, 2 organ, 3 category: the newest of each slot is current).
fn changed(after: &Snapshot, before: &Snapshot) -> Vec<(TimelineEntry, usize)> {
    let mut out = Vec::new();
    if after.rank != before.rank {
        out.push((
            TimelineEntry {
                previous: before.rank.clone(),
                ..entry(TimelineKind::Rank, day(&after.rank_since), &after.rank)
            },
            0,
        ));
    }
    if after.post != before.post || after.post_level != before.post_level {
        let previous = before.post.clone().or_else(|| before.post_level.clone());
        let value = after.post.clone().or_else(|| after.post_level.clone());
        out.push((
            TimelineEntry {
                previous,
                detail: after.post_level.clone(),
                ..entry(TimelineKind::Post, day(&after.post_since), &value)
            },
            1,
        ));
    }
    if after.organ != before.organ {
        out.push((
            TimelineEntry { previous: before.organ.clone(), ..entry(TimelineKind::Organ, None, &after.organ) },
            2,
        ));
    }
    if after.category != before.category {
        out.push((
            TimelineEntry { previous: before.category.clone(), ..entry(TimelineKind::Category, None, &after.category) },
            3,
        ));
    }
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
            rec(1, "added", None, Some("田建国"), "2024-12-20 09:00:00"),
            rec(2, "rank", Some("二级主任科员"), Some("一级主任科员"), "2025-04-02 10:00:00"),
            rec(2, "rank_since", Some("2019-01-28"), Some("2025-03-01"), "2025-04-02 10:00:00"),
            rec(3, "post", None, Some("科长"), "2025-07-01 10:00:00"),
            rec(3, "post_level", None, Some("乡科级正职"), "2025-07-01 10:00:00"),
            rec(3, "post_since", None, Some("2025-06-01"), "2025-07-01 10:00:00"),
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
