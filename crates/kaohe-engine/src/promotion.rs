//! Promotion to the next rank (职级晋升): who qualifies on service, who is blocked and until
//! when, who fits in the organ's free slots — and why, in words that cite the rule.
//!
//! The method (domain.md §3): ranks are climbed one step at a time; service is counted in whole
//! months from the earliest date the person has continuously held the rank below the target or a
//! leading post the profile lists for it, up to the as-of date; calendar years graded with an
//! uncounted grade subtract their months inside the interval. Nothing here reads the clock.

use crate::dates::{add_months, whole_months, year_end, year_start};
use crate::fast_hash::{map_with_capacity, ByPerson, FastMap as HashMap, Lookup};
use crate::profile::{OrderKey, Profile, RankRef, RestrictionBlock};
use crate::roster::{Grade, Organ, Person, Roster};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::cmp::Ordering;

/// Why a person who may qualify on service cannot be promoted now.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockCode {
    /// Inside a 处分 period.
    Sanction,
    /// Inside the effect period of 诫勉 or 组织处理.
    Admonition,
    /// 立案调查 open on the as-of date.
    Investigation,
    /// Graded 基本称职 recently.
    BasicCompetent,
    /// The target rank is above what the organ's level may set.
    OrganCap,
    /// There is no next rank.
    TopOfLadder,
}

impl BlockCode {
    pub fn label(self) -> &'static str {
        match self {
            BlockCode::Sanction => "处分影响期",
            BlockCode::Admonition => "诫勉或组织处理影响期",
            BlockCode::Investigation => "立案审查调查未结案",
            BlockCode::BasicCompetent => "年度考核基本称职",
            BlockCode::OrganCap => "超出机关职级设置规格",
            BlockCode::TopOfLadder => "已是最高职级",
        }
    }
}

/// One block with what caused it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub code: BlockCode,
    /// The last day the block applies; `None` when open-ended or permanent.
    pub until: Option<NaiveDate>,
    pub cause: Cause,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Cause {
    /// A restriction of the roster: index into the profile's restriction rules, and its date.
    Restriction {
        rule: usize,
        date: NaiveDate,
    },
    BasicCompetent {
        year: i32,
    },
    OrganCap {
        organ_level: usize,
        target_level: u32,
    },
    TopOfLadder,
}

/// Where the counting interval starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum StartBasis {
    Rank,
    Post,
}

/// A calendar year whose months inside the interval do not count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deduction {
    pub year: i32,
    pub grade: Grade,
    pub months: u32,
}

/// What slots mean for this person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Slot {
    /// Not eligible (or nothing to promote to): slots do not come into it.
    NotConsidered,
    /// The target rank belongs to no pool.
    Unlimited,
    /// The target rank is in the pool the person is already counted in.
    WithinPool { pool: usize },
    /// Entering a pool with a free slot: on the proposed list.
    Proposed { pool: usize, position: usize, of: usize },
    /// Entering a pool but ranked past its free slots.
    Waiting { pool: usize, position: usize, of: usize },
    /// The organ has no approved count for the pool.
    NotApproved { pool: usize },
}

/// The decision for one person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Index into the roster's people.
    pub person: usize,
    pub rank: RankRef,
    pub target: Option<RankRef>,
    /// Index of the profile's minimum-service rule used.
    pub rule: Option<usize>,
    pub required_months: Option<u32>,
    pub start: NaiveDate,
    pub basis: StartBasis,
    pub total_months: u32,
    pub deductions: Vec<Deduction>,
    pub counted_months: u32,
    pub qualified: bool,
    pub eligible: bool,
    pub eligible_on: Option<NaiveDate>,
    pub blocks: Vec<Block>,
    pub excellent_years: u32,
    pub slot: Slot,
}

/// Slots of one pool in one organ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PoolOutcome {
    pub organ: String,
    /// Index into the profile's pools.
    pub pool: usize,
    pub approved: Option<u32>,
    pub held: u32,
    pub free: Option<u32>,
    /// Eligible people entering the pool, in order (indices into the roster's people).
    pub candidates: Vec<usize>,
    pub proposed: Vec<usize>,
}

/// The whole decision for a roster on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromotionResult {
    pub as_of: NaiveDate,
    /// One per roster person whose rank the profile knows, in roster order.
    pub people: Vec<Outcome>,
    /// People the engine could not decide for (rank unknown to the profile), with the reason.
    pub undecided: Vec<(usize, String)>,
    pub pools: Vec<PoolOutcome>,
}

/// Months of uncounted years inside [start, end).
fn deductions(start: NaiveDate, end: NaiveDate, bad_years: &[(i32, Grade)]) -> Vec<Deduction> {
    let mut out = Vec::new();
    for &(year, grade) in bad_years {
        let from = start.max(year_start(year));
        let to = end.min(year_start(year + 1));
        let months = whole_months(from, to);
        if months > 0 {
            out.push(Deduction { year, grade, months });
        }
    }
    out
}

fn counted_at(start: NaiveDate, at: NaiveDate, bad_years: &[(i32, Grade)]) -> u32 {
    let total = whole_months(start, at);
    let lost: u32 = bad_years.iter().map(|&(year, _)| whole_months(start.max(year_start(year)), at.min(year_start(year + 1)))).sum();
    total.saturating_sub(lost)
}

/// When the person qualifies on service, later years assumed counted.
///
/// Counted months rise on the monthly anniversaries of `start` and fall on the first of each
/// month of an uncounted year, so inside such a year the count can touch the requirement and drop
/// below it again. The date is kept consistent with `qualified` on the as-of date:
/// - qualified: the date since which the count has stayed at or above the requirement (≤ as-of);
/// - not qualified: the first date after which it never falls short again (> as-of).
///
/// Without uncounted years both are simply `start` + the required months.
fn first_qualifying_date(start: NaiveDate, required: u32, bad_years: &[(i32, Grade)], as_of: NaiveDate, qualified: bool) -> Option<NaiveDate> {
    // Years that end before the interval starts take nothing away.
    let relevant: Vec<(i32, Grade)> = bad_years.iter().copied().filter(|&(y, _)| year_start(y + 1) > start).collect();
    if relevant.is_empty() {
        return Some(add_months(start, required));
    }
    let bad_years = relevant.as_slice();
    // Inside an uncounted year the count never drops more than one month below its value on that
    // year's 1 January, and it is back to that value on the next 1 January. So when the count
    // exceeds the requirement by more than a month before the first uncounted year, it never
    // falls short afterwards.
    let first = year_start(bad_years.iter().map(|&(y, _)| y).min().unwrap_or(start.year()));
    if whole_months(start, first) > required {
        return Some(add_months(start, required));
    }
    // After the last uncounted year the count only rises, D months behind the calendar. When the
    // requirement is first met after that year, the answer is plain arithmetic.
    let end = year_start(bad_years.iter().map(|&(y, _)| y).max().unwrap_or(start.year()) + 1);
    let lost: u32 = bad_years.iter().map(|&(y, _)| whole_months(start.max(year_start(y)), year_start(y + 1))).sum();
    let plain = add_months(start, required + lost);
    if plain >= end && (!qualified || as_of >= end) {
        return Some(plain);
    }
    // Before `required` months have passed the count is short anyway: only later points can be
    // the last shortfall.
    let floor = add_months(start, required.saturating_sub(1));
    let limit = required + 12 * bad_years.len() as u32 + 1;
    let anniversaries = (required..=limit).map(|n| add_months(start, n));
    let month_starts = bad_years
        .iter()
        .flat_map(|&(year, _)| (1..=12).filter_map(move |m| NaiveDate::from_ymd_opt(year, m, 1)))
        .chain(bad_years.iter().map(|&(year, _)| year_start(year + 1)))
        .filter(|&d| d > floor);
    let floor_short = (required > 0).then_some(floor);
    let last_short = anniversaries
        .clone()
        .chain(month_starts)
        .filter(|&d| !qualified || d <= as_of)
        .filter(|&d| counted_at(start, d, bad_years) < required)
        .max()
        .max(floor_short);
    anniversaries.filter(|&d| last_short.is_none_or(|s| d > s)).find(|&d| counted_at(start, d, bad_years) >= required)
}

/// Decides promotion eligibility for everyone in `roster` on `as_of`.
pub fn promote(roster: &Roster, profile: &Profile, as_of: NaiveDate) -> PromotionResult {
    let ids: Vec<&str> = roster.people.iter().map(|p| p.id.as_str()).collect();
    let lookup = Lookup::new(&ids);
    let results = ByPerson::new(&roster.results, &lookup, |r| r.person_id.as_str());
    let restrictions = ByPerson::new(&roster.restrictions, &lookup, |r| r.person_id.as_str());
    let mut organs: HashMap<&str, &Organ> = map_with_capacity(roster.organs.len());
    organs.extend(roster.organs.iter().map(|o| (o.name.as_str(), o)));
    // The rank cap of each organ, looked up once: (organ level index, highest level allowed).
    let mut caps: HashMap<&str, Option<(usize, u32)>> = map_with_capacity(roster.organs.len());
    for o in &roster.organs {
        let cap = o.level.as_deref().and_then(|l| {
            let i = profile.organ_levels.iter().position(|ol| ol.name == l)?;
            Some((i, profile.organ_cap_level(&profile.organ_levels[i])?))
        });
        caps.insert(o.name.as_str(), cap);
    }
    let uncounted = &profile.service.uncounted_grades;

    let mut people = Vec::with_capacity(roster.people.len());
    let mut undecided = Vec::new();
    for (pi, person) in roster.people.iter().enumerate() {
        let Some(rank) = profile.rank_ref(&person.rank) else {
            undecided.push((pi, format!("职级「{}」不在规则的职级序列中，无法判断晋升资格", person.rank)));
            continue;
        };
        let target = profile.next_up(rank);
        let rule_index = target.and_then(|t| profile.min_service_index(t));
        let rule = rule_index.map(|i| &profile.min_service[i]);

        let (mut start, mut basis) = (person.rank_since, StartBasis::Rank);
        if let (Some(rule), Some(level), Some(since)) = (rule, &person.post_level, person.post_since) {
            if rule.posts.iter().any(|p| p == level) && since < start {
                start = since;
                basis = StartBasis::Post;
            }
        }

        let history = results.of(pi);
        let mut bad_years: Vec<(i32, Grade)> = history.iter().filter_map(|r| r.result.grade().filter(|g| uncounted.contains(g)).map(|g| (r.year, g))).collect();
        bad_years.sort_unstable();
        bad_years.dedup_by_key(|(y, _)| *y);

        let total_months = whole_months(start, as_of);
        let deducted = deductions(start, as_of, &bad_years);
        let counted_months = total_months.saturating_sub(deducted.iter().map(|d| d.months).sum());
        let required_months = rule.map(|r| r.years * 12);
        let qualified = required_months.is_some_and(|r| counted_months >= r);
        let eligible_on = required_months.and_then(|r| first_qualifying_date(start, r, &bad_years, as_of, qualified));
        let excellent_years =
            history.iter().filter(|r| r.result.grade() == Some(Grade::Excellent) && (start.year()..=as_of.year()).contains(&r.year)).count() as u32;

        let mut blocks = Vec::new();
        match target {
            None => blocks.push(Block { code: BlockCode::TopOfLadder, until: None, cause: Cause::TopOfLadder }),
            Some(t) => {
                if let Some(&Some((li, cap))) = caps.get(person.organ.as_str()) {
                    let target_level = profile.rank(t).level;
                    if target_level < cap {
                        blocks.push(Block { code: BlockCode::OrganCap, until: None, cause: Cause::OrganCap { organ_level: li, target_level } });
                    }
                }
            }
        }
        for r in restrictions.of(pi) {
            let Some(rule_i) = profile.restrictions.iter().position(|x| x.kind == r.kind) else { continue };
            let rule = &profile.restrictions[rule_i];
            if r.date > as_of {
                continue;
            }
            let (active, until) = match rule.months {
                Some(m) => {
                    let until = add_months(r.date, m).pred_opt().unwrap_or(r.date);
                    (as_of <= until, Some(until))
                }
                None => (r.end.is_none_or(|end| end > as_of), r.end.and_then(|e| e.pred_opt())),
            };
            if active {
                let code = match rule.block {
                    RestrictionBlock::Sanction => BlockCode::Sanction,
                    RestrictionBlock::Admonition => BlockCode::Admonition,
                    RestrictionBlock::Investigation => BlockCode::Investigation,
                };
                blocks.push(Block { code, until, cause: Cause::Restriction { rule: rule_i, date: r.date } });
            }
        }
        let bc = &profile.basic_competent;
        for r in history {
            if r.result.grade() == Some(bc.grade) && r.year <= as_of.year() {
                let until = year_end(r.year + bc.years_after as i32);
                if as_of <= until {
                    blocks.push(Block { code: BlockCode::BasicCompetent, until: Some(until), cause: Cause::BasicCompetent { year: r.year } });
                }
            }
        }

        let eligible = qualified && blocks.is_empty();
        people.push(Outcome {
            person: pi,
            rank,
            target,
            rule: rule_index,
            required_months,
            start,
            basis,
            total_months,
            deductions: deducted,
            counted_months,
            qualified,
            eligible,
            eligible_on,
            blocks,
            excellent_years,
            slot: Slot::NotConsidered,
        });
    }

    let pools = allocate_slots(roster, profile, &organs, &mut people);
    PromotionResult { as_of, people, undecided, pools }
}

/// Counts held slots per organ and pool, orders the eligible who would enter each pool, and
/// proposes as many as there are free slots.
fn allocate_slots(roster: &Roster, profile: &Profile, organs: &HashMap<&str, &Organ>, people: &mut [Outcome]) -> Vec<PoolOutcome> {
    // Organs in the order they first appear: the 单位 sheet, then people.
    let mut organ_order: Vec<&str> = roster.organs.iter().map(|o| o.name.as_str()).collect();
    let mut organ_index: HashMap<&str, usize> = map_with_capacity(organ_order.len());
    organ_index.extend(organ_order.iter().enumerate().map(|(i, &n)| (n, i)));
    for p in &roster.people {
        if !organ_index.contains_key(p.organ.as_str()) {
            organ_index.insert(p.organ.as_str(), organ_order.len());
            organ_order.push(p.organ.as_str());
        }
    }

    let pool_count = profile.pools.len();
    let mut held = vec![0u32; organ_order.len() * pool_count];
    let mut entering: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
    for (oi, outcome) in people.iter_mut().enumerate() {
        let person = &roster.people[outcome.person];
        let organ = organ_index[person.organ.as_str()];
        let current_pool = profile.pool_of(outcome.rank);
        if let Some(cp) = current_pool {
            held[organ * pool_count + cp] += 1;
        }
        if !outcome.eligible {
            continue;
        }
        let Some(target) = outcome.target else { continue };
        outcome.slot = match profile.pool_of(target) {
            None => Slot::Unlimited,
            Some(tp) if Some(tp) == current_pool => Slot::WithinPool { pool: tp },
            Some(tp) => {
                entering.entry((organ, tp)).or_default().push(oi);
                Slot::NotApproved { pool: tp }
            }
        };
    }

    let mut pools = Vec::new();
    for (organ, name) in organ_order.iter().enumerate() {
        let slots = organs.get(name).map(|o| &o.slots);
        for (pool, p) in profile.pools.iter().enumerate() {
            let approved = slots.and_then(|s| s.get(&p.name)).copied();
            let held_here = held[organ * pool_count + pool];
            let mut candidates = entering.remove(&(organ, pool)).unwrap_or_default();
            if approved.is_none() && held_here == 0 && candidates.is_empty() {
                continue;
            }
            candidates.sort_by(|&a, &b| compare(profile, roster, &people[a], &people[b]));
            let free = approved.map(|a| a.saturating_sub(held_here));
            let of = candidates.len();
            for (position, &c) in candidates.iter().enumerate() {
                people[c].slot = match free {
                    None => Slot::NotApproved { pool },
                    Some(f) if (position as u32) < f => Slot::Proposed { pool, position: position + 1, of },
                    Some(_) => Slot::Waiting { pool, position: position + 1, of },
                };
            }
            let take = free.map_or(0, |f| (f as usize).min(of));
            let proposed = candidates[..take].iter().map(|&c| people[c].person).collect();
            let candidates = candidates.iter().map(|&c| people[c].person).collect();
            pools.push(PoolOutcome { organ: name.to_string(), pool, approved, held: held_here, free, candidates, proposed });
        }
    }
    pools
}

/// The profile's order among the eligible: earlier is proposed first.
fn compare(profile: &Profile, roster: &Roster, a: &Outcome, b: &Outcome) -> Ordering {
    let (pa, pb) = (&roster.people[a.person], &roster.people[b.person]);
    for key in &profile.ordering.keys {
        let ord = match key {
            OrderKey::CountedMonths => b.counted_months.cmp(&a.counted_months),
            OrderKey::ExcellentYears => b.excellent_years.cmp(&a.excellent_years),
            OrderKey::ServiceStart => entry_date(pa).cmp(&entry_date(pb)),
            OrderKey::Id => pa.id.cmp(&pb.id),
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    Ordering::Equal
}

/// Entry into service, unknown last.
fn entry_date(p: &Person) -> NaiveDate {
    p.service_start.or(p.work_start).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn eligible_date_agrees_with_qualified_inside_an_uncounted_year() {
        // 2024 is graded 基本称职: during 2024 the count goes up to 24 on each 15th and back to 23
        // on each 1st. The date reported always agrees with `qualified` on the as-of date.
        let bad = [(2024, Grade::BasicallyCompetent)];
        let start = d("2022-01-15");
        assert_eq!(counted_at(start, d("2024-06-30"), &bad), 24);
        assert_eq!(first_qualifying_date(start, 24, &bad, d("2024-06-30"), true), Some(d("2024-06-15")));
        assert_eq!(counted_at(start, d("2024-07-10"), &bad), 23);
        let on = first_qualifying_date(start, 24, &bad, d("2024-07-10"), false).expect("date");
        assert_eq!(on, d("2025-01-15"));
        // From that date on it never falls short again.
        let mut day = on;
        while day < d("2027-01-01") {
            assert!(counted_at(start, day, &bad) >= 24, "{day}");
            day = day.succ_opt().expect("next day");
        }
        assert_eq!(counted_at(start, d("2025-01-14"), &bad), 23);
    }

    /// Day by day: the day after the last day the count is short (among days up to `as_of` when
    /// qualified).
    fn reference(start: NaiveDate, required: u32, bad: &[(i32, Grade)], as_of: NaiveDate, qualified: bool) -> NaiveDate {
        let horizon = add_months(start, required + 12 * bad.len() as u32 + 14);
        let mut last_short = start;
        let mut day = start;
        while day <= horizon && (!qualified || day <= as_of) {
            if counted_at(start, day, bad) < required {
                last_short = day;
            }
            day = day.succ_opt().expect("next day");
        }
        last_short.succ_opt().expect("next day")
    }

    #[test]
    fn eligible_date_matches_a_day_by_day_count() {
        let starts = ["2019-01-31", "2019-06-15", "2020-02-29", "2020-12-01", "2021-03-10", "2022-01-15"];
        let bad_sets: [&[(i32, Grade)]; 6] = [
            &[(2020, Grade::BasicallyCompetent)],
            &[(2021, Grade::Incompetent)],
            &[(2022, Grade::BasicallyCompetent)],
            &[(2021, Grade::BasicallyCompetent), (2023, Grade::Incompetent)],
            &[(2024, Grade::BasicallyCompetent)],
            &[(2018, Grade::BasicallyCompetent)],
        ];
        let as_ofs = ["2021-06-30", "2022-07-10", "2023-12-31", "2024-07-10", "2024-12-31", "2026-01-01"];
        for start in starts.map(d) {
            for bad in bad_sets {
                for required in [24, 36] {
                    for as_of in as_ofs.map(d) {
                        let qualified = counted_at(start, as_of, bad) >= required;
                        let got = first_qualifying_date(start, required, bad, as_of, qualified);
                        let want = reference(start, required, bad, as_of, qualified);
                        assert_eq!(got, Some(want), "start {start}, required {required}, bad {bad:?}, as of {as_of}, qualified {qualified}");
                        assert_eq!(qualified, want <= as_of, "start {start}, bad {bad:?}, as of {as_of}");
                    }
                }
            }
        }
    }

    #[test]
    fn without_uncounted_years_the_date_is_the_anniversary() {
        assert_eq!(first_qualifying_date(d("2019-06-15"), 24, &[], d("2020-01-01"), false), Some(d("2021-06-15")));
    }
}
