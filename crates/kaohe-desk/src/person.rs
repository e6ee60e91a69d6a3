//! The 人员 drawer: one person's detail on a date ([`person`]) — fields, the rank and post
//! timeline rebuilt from the import history (`kaohe_store::timeline`), annual results, sanctions and restrictions with
//! their effect periods from the profile, and the engine's promotion report. Only the person's
//! organ is read (`Store::load_organ_roster`): promotion decides within an organ, so the detail is
//! the one from everyone's roster ([`person_detail`] is the pure part).

use chrono::NaiveDate;
use kaohe_engine::report::{PersonReport, PromotionReport};
use kaohe_engine::{NationalCode, Person, Profile, Restriction, Roster};
use kaohe_store::{Change, Store};
pub use kaohe_store::{TimelineEntry, TimelineKind};
use serde::Serialize;

use crate::DeskError;

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

    let records: Vec<&kaohe_engine::RankRecord> = roster.rank_records.iter().filter(|r| r.person_id == id).collect();
    let timeline = kaohe_store::timeline(p, &history, &records);
    Some(PersonDetail { as_of, person: p.clone(), timeline, results, restrictions, promotion })
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
