//! Promotion to the next rank (职级晋升): who qualifies on service, who is blocked and until
//! when, who fits in the organ's free slots — and why, in words that cite the rule.
//!
//! The method (domain.md §3, 并行规定 第十九条): ranks are climbed one step at a time; service is
//! counted in whole months from the earliest date the person has continuously held the rank below
//! the target or a leading post the profile lists for it, up to the as-of date; calendar years
//! whose result is uncounted (基本称职, 不称职, the 不定等次 codes) subtract their months inside the
//! interval; each 优秀 year in the interval shortens the requirement. Nothing here reads the clock.

use crate::dates::{add_months, whole_months, year_end, year_start};
use crate::fast_hash::{map_with_capacity, ByPerson, FastMap as HashMap, Lookup};
use crate::profile::{
    ExcellentFrom, ExcellentYears, MinService, OrderKey, Profile, RankRef, RestrictionBlock, ServiceRules,
};
use crate::roster::{Grade, Organ, OrganOrder, Person, Restriction, ResultCode, Roster, YearResult};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Why a person who may qualify on service cannot be promoted now.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockCode {
    /// Inside a 处分 period.
    Sanction,
    /// Inside the effect period of a 党纪处分.
    PartyDiscipline,
    /// Inside the effect period of 诫勉 or a 组织处理.
    Admonition,
    /// 立案调查 open on the as-of date.
    Investigation,
    /// Graded 基本称职 recently.
    BasicCompetent,
    /// The latest graded year is 不称职.
    Incompetent,
    /// The target rank is above what the organ's level may set.
    OrganCap,
    /// There is no next rank.
    TopOfLadder,
}

impl BlockCode {
    pub fn label(self) -> &'static str {
        match self {
            BlockCode::Sanction => "处分期",
            BlockCode::PartyDiscipline => "党纪处分影响期",
            BlockCode::Admonition => "诫勉或组织处理影响期",
            BlockCode::Investigation => "立案审查调查未结案",
            BlockCode::BasicCompetent => "年度考核基本称职",
            BlockCode::Incompetent => "年度考核不称职",
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
    Incompetent {
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
    /// A recruit's probation ended after the roster's rank date: counted from its end.
    ProbationEnd,
}

/// A calendar year whose months inside the interval do not count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deduction {
    pub year: i32,
    pub result: ResultCode,
    pub months: u32,
}

/// What slots mean for this person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Slot {
    /// Not eligible (or nothing to promote to): slots do not come into it.
    NotConsidered,
    /// The target rank belongs to no pool.
    Unlimited,
    /// The target rank is in the pool the person is already counted in, and has no places of its
    /// own (no per-rank number, no sub-limit): no new place of the pool is used.
    WithinPool { pool: usize },
    /// A free place (of the pool when entering it, and of the target rank when it has places of
    /// its own): on the proposed list.
    Proposed { pool: usize, position: usize, of: usize, entering: bool, sub: Option<usize> },
    /// Ranked past the free places of the pool or of the target rank (`short_of_rank`).
    Waiting { pool: usize, position: usize, of: usize, entering: bool, sub: Option<usize>, short_of_rank: bool },
    /// The organ has no approved count for the pool.
    NotApproved { pool: usize },
}

impl Slot {
    /// How the reports write it (`slot` in docs/cli.md); `None` when slots do not come into it.
    pub fn code(self) -> Option<SlotCode> {
        match self {
            Slot::NotConsidered => None,
            Slot::Unlimited => Some(SlotCode::Unlimited),
            Slot::WithinPool { .. } => Some(SlotCode::WithinPool),
            Slot::Proposed { .. } => Some(SlotCode::Proposed),
            Slot::Waiting { .. } => Some(SlotCode::Waiting),
            Slot::NotApproved { .. } => Some(SlotCode::NotApproved),
        }
    }
}

/// How a person eligible for promotion stands with the organ's slots, as the reports write it
/// (`slot` in docs/cli.md): a `Slot` without its places.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotCode {
    Unlimited,
    WithinPool,
    Proposed,
    Waiting,
    NotApproved,
}

/// Where a rank's places inside its pool come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SubBasis {
    /// The organ's own number for the rank (a column of the 单位 sheet).
    Organ,
    /// A profile sub-limit (index into `sub_limits`) applied to the pool's approved number.
    Ratio(usize),
}

/// The places of one rank inside a pool, in one organ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankSlots {
    pub rank: RankRef,
    pub approved: u32,
    pub basis: SubBasis,
    pub held: u32,
    pub free: u32,
    /// Eligible people promoted to this rank, in order (indices into the roster's people).
    pub candidates: Vec<usize>,
    pub proposed: Vec<usize>,
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
    /// The statutory requirement (the table's years × 12).
    pub required_months: Option<u32>,
    /// Months taken off the requirement on the as-of date by 优秀 years (并行规定 第十九条).
    pub reduction_months: u32,
    /// The 优秀 years behind the reduction.
    pub reduction_years: Vec<i32>,
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
    /// The 级别 after promotion to the target, when the person's 级别 is known.
    pub new_level: Option<u32>,
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
    /// Eligible people entering the pool, or promoted inside it to a rank with places of its
    /// own, in order (indices into the roster's people).
    pub candidates: Vec<usize>,
    pub proposed: Vec<usize>,
    /// The ranks of the pool with places of their own (per-rank numbers or sub-limits).
    pub ranks: Vec<RankSlots>,
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
fn deductions(start: NaiveDate, end: NaiveDate, bad_years: &[(i32, ResultCode)]) -> Vec<Deduction> {
    let mut out = Vec::new();
    for &(year, result) in bad_years {
        let from = start.max(year_start(year));
        let to = end.min(year_start(year + 1));
        let months = whole_months(from, to);
        if months > 0 {
            out.push(Deduction { year, result, months });
        }
    }
    out
}

fn counted_at(start: NaiveDate, at: NaiveDate, bad_years: &[(i32, ResultCode)]) -> u32 {
    let total = whole_months(start, at);
    let lost: u32 = bad_years
        .iter()
        .map(|&(year, _)| whole_months(start.max(year_start(year)), at.min(year_start(year + 1))))
        .sum();
    total.saturating_sub(lost)
}

/// The 优秀 years that shorten the requirement, each with the day its reduction applies from.
/// In year order, each year once.
fn excellent_credits(
    start: NaiveDate,
    excellent: impl Iterator<Item = i32>,
    rules: &ServiceRules,
) -> Vec<(i32, NaiveDate)> {
    let mut credits: Vec<(i32, NaiveDate)> = excellent
        .filter(|&y| match rules.excellent_years {
            ExcellentYears::YearEnd => year_end(y) >= start,
            ExcellentYears::WholeYear => year_start(y) >= start,
        })
        .map(|y| {
            let from = match rules.excellent_from {
                ExcellentFrom::NextYear => year_start(y + 1),
                ExcellentFrom::YearEnd => year_end(y),
            };
            (y, from)
        })
        .collect();
    credits.sort_unstable();
    credits.dedup();
    credits
}

/// The requirement on day `at`: the statutory months less the reductions in force by then.
fn required_at(required: u32, per_year: u32, credits: &[(i32, NaiveDate)], at: NaiveDate) -> u32 {
    let n = credits.iter().filter(|&&(_, from)| from <= at).count() as u32;
    required.saturating_sub(per_year.saturating_mul(n))
}

/// When the person qualifies on service, later years assumed 称职 (counted, no reduction).
///
/// Counted months rise on the monthly anniversaries of `start` and fall on the first of each
/// month of an uncounted year; the requirement falls on the day each 优秀 year's reduction
/// applies. So the two can cross more than once. The date is kept consistent with `qualified` on
/// the as-of date:
/// - qualified: the date since which the count has stayed at or above the requirement (≤ as-of);
/// - not qualified: the first date after which it never falls short again (> as-of).
///
/// Without uncounted years or reductions it is simply `start` + the required months.
fn first_qualifying_date(
    start: NaiveDate,
    required: u32,
    bad_years: &[(i32, ResultCode)],
    credits: &[(i32, NaiveDate)],
    per_year: u32,
    as_of: NaiveDate,
    qualified: bool,
) -> Option<NaiveDate> {
    // Years that end before the interval starts take nothing away.
    let relevant: Vec<(i32, ResultCode)> =
        bad_years.iter().copied().filter(|&(y, _)| year_start(y + 1) > start).collect();
    if relevant.is_empty() && credits.is_empty() {
        return Some(add_months(start, required));
    }
    let bad_years = relevant.as_slice();
    // The count exceeding the statutory requirement by more than a month before the first
    // uncounted year never falls short afterwards (inside such a year it drops at most a month
    // below its 1 January value): the uncounted years change nothing.
    let first = bad_years.iter().map(|&(y, _)| year_start(y)).min();
    if bad_years.is_empty() || first.is_some_and(|f| whole_months(start, f) > required) {
        // Without uncounted years the count only rises and the requirement only falls, so the
        // first day the count meets the requirement in force is the answer either way: for each
        // requirement (the statutory one from the start, then less each reduction from its day),
        // the later of its first day and the day the count reaches it; the earliest of those.
        // `credits` are in year order, so their days are in order too.
        let mut best = add_months(start, required);
        for (k, day) in credits.iter().map(|&(_, d)| d.max(start)).enumerate() {
            let cut = per_year.saturating_mul(k as u32 + 1);
            best = best.min(day.max(add_months(start, required.saturating_sub(cut))));
        }
        return Some(best);
    }
    // Each uncounted year takes at most 12 months: from start + required + 12 per year on, the
    // count is at or above the statutory requirement for good. Every point where either side
    // changes lies before that, so short(d) only has to be looked at on those points: between
    // two of them it does not change.
    let limit = required + 12 * bad_years.len() as u32 + 1;
    let mut points: Vec<NaiveDate> = (0..=limit).map(|n| add_months(start, n)).collect();
    for &(year, _) in bad_years {
        points.extend((1..=12).filter_map(|m| NaiveDate::from_ymd_opt(year, m, 1)));
        points.push(year_start(year + 1));
    }
    points.extend(credits.iter().map(|&(_, from)| from));
    points.retain(|&d| d >= start);
    points.sort_unstable();
    points.dedup();
    let short = |d: NaiveDate| counted_at(start, d, bad_years) < required_at(required, per_year, credits, d);
    // The last point (up to as-of when qualified) on which the count is short; the answer is the
    // next point after it.
    let last_short = points.iter().rposition(|&d| (!qualified || d <= as_of) && short(d));
    match last_short {
        None => points.first().copied(),
        Some(i) => points.get(i + 1).copied(),
    }
}

/// Where a person's service towards the next rank starts counting: the date of the current rank,
/// an earlier date of a leading post the rule counts, or — for a recruit — the end of the
/// probation (定级规定).
/// `probation_months` is the profile's probation (looked up once for everyone).
fn counting_start(
    person: &Person,
    rule: Option<&MinService>,
    probation_months: Option<u32>,
    profile: &Profile,
) -> (NaiveDate, StartBasis) {
    let service = &profile.service;
    let (mut start, mut basis) = (person.rank_since, StartBasis::Rank);
    if let (Some(rule), Some(level), Some(since)) = (rule, &person.post_level, person.post_since) {
        if rule.posts.iter().any(|p| p == level) && since < start {
            start = since;
            basis = StartBasis::Post;
        }
    }

    // 定级规定: a recruit's service counts from the end of the probation.
    if let (true, Some(months), Some(entered), Some(method)) =
        (service.from_probation_end, probation_months, person.service_start, person.entry_method.as_deref())
    {
        let end = add_months(entered, months);
        if profile.assessment.entry_method(method).is_some_and(|m| m.probation)
            && start < end
            && basis == StartBasis::Rank
        {
            start = end;
            basis = StartBasis::ProbationEnd;
        }
    }
    (start, basis)
}

/// What stands between a person and the target rank on `as_of`: the top of the ladder, the
/// organ's cap, a restriction in effect, a 基本称职 year, the latest graded year 不称职.
fn blocks_of(
    target: Option<RankRef>,
    history: &[&YearResult],
    restrictions: &[&Restriction],
    cap: Option<&Option<(usize, u32)>>,
    profile: &Profile,
    as_of: NaiveDate,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    match target {
        None => blocks.push(Block { code: BlockCode::TopOfLadder, until: None, cause: Cause::TopOfLadder }),
        Some(t) => {
            if let Some(&Some((li, cap))) = cap {
                let target_level = profile.rank(t).level;
                if target_level < cap {
                    blocks.push(Block {
                        code: BlockCode::OrganCap,
                        until: None,
                        cause: Cause::OrganCap { organ_level: li, target_level },
                    });
                }
            }
        }
    }
    for r in restrictions {
        let Some(rule_i) = profile.restrictions.iter().position(|x| x.kind == r.kind) else { continue };
        let rule = &profile.restrictions[rule_i];
        if r.date > as_of {
            continue;
        }
        let until = rule.until(r);
        let active = match rule.months {
            Some(_) => until.is_none_or(|u| as_of <= u),
            None => r.end.is_none_or(|end| end > as_of),
        };
        if active {
            let code = match rule.block {
                RestrictionBlock::Sanction => BlockCode::Sanction,
                RestrictionBlock::PartyDiscipline => BlockCode::PartyDiscipline,
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
                blocks.push(Block {
                    code: BlockCode::BasicCompetent,
                    until: Some(until),
                    cause: Cause::BasicCompetent { year: r.year },
                });
            }
        }
    }
    // The latest graded year (ungraded codes skipped) decides the 不称职 block.
    let latest = history
        .iter()
        .filter(|r| r.year <= as_of.year())
        .filter_map(|r| r.result.grade().map(|g| (r.year, g)))
        .max_by_key(|&(y, _)| y);
    if let Some((year, grade)) = latest {
        if grade == profile.incompetent.grade {
            blocks.push(Block { code: BlockCode::Incompetent, until: None, cause: Cause::Incompetent { year } });
        }
    }
    blocks
}

/// The rank cap of each organ, looked up once: (organ level index, highest level allowed).
fn organ_caps<'a>(roster: &'a Roster, profile: &Profile) -> HashMap<&'a str, Option<(usize, u32)>> {
    let mut caps: HashMap<&str, Option<(usize, u32)>> = map_with_capacity(roster.organs.len());
    for o in &roster.organs {
        let cap = o.level.as_deref().and_then(|l| {
            let i = profile.organ_levels.iter().position(|ol| ol.name == l)?;
            Some((i, profile.organ_cap_level(&profile.organ_levels[i])?))
        });
        caps.insert(o.name.as_str(), cap);
    }
    caps
}

/// Decides promotion eligibility for everyone in `roster` on `as_of`.
pub fn promote(roster: &Roster, profile: &Profile, as_of: NaiveDate) -> PromotionResult {
    let ids: Vec<&str> = roster.people.iter().map(|p| p.id.as_str()).collect();
    let lookup = Lookup::new(&ids);
    let results = ByPerson::new(&roster.results, &lookup, |r| r.person_id.as_str());
    let restrictions = ByPerson::new(&roster.restrictions, &lookup, |r| r.person_id.as_str());
    let mut organs: HashMap<&str, &Organ> = map_with_capacity(roster.organs.len());
    organs.extend(roster.organs.iter().map(|o| (o.name.as_str(), o)));
    let caps = organ_caps(roster, profile);
    let service = &profile.service;
    let probation_months = profile.assessment.probation_months();
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

        let (start, basis) = counting_start(person, rule, probation_months, profile);

        let history = results.of(pi);
        let mut bad_years: Vec<(i32, ResultCode)> =
            history.iter().filter(|r| service.uncounted.contains(&r.result)).map(|r| (r.year, r.result)).collect();
        bad_years.sort_unstable_by_key(|&(y, _)| y);
        bad_years.dedup_by_key(|(y, _)| *y);
        // A year recorded twice with different results: the uncounted one wins (the stricter).
        let excellent = history
            .iter()
            .filter(|r| {
                r.result == ResultCode::Graded(Grade::Excellent) && !bad_years.iter().any(|&(b, _)| b == r.year)
            })
            .map(|r| r.year);
        let credits = excellent_credits(start, excellent, service);

        let total_months = whole_months(start, as_of);
        let deducted = deductions(start, as_of, &bad_years);
        let counted_months = total_months.saturating_sub(deducted.iter().map(|d| d.months).sum());
        let required_months = rule.map(|r| r.years * 12);
        let reduction_years: Vec<i32> = credits.iter().filter(|&&(_, from)| from <= as_of).map(|&(y, _)| y).collect();
        let reduction_months =
            required_months.map_or(0, |r| r - required_at(r, service.excellent_months, &credits, as_of));
        let qualified = required_months.is_some_and(|r| counted_months >= r - reduction_months);
        let eligible_on = required_months.and_then(|r| {
            first_qualifying_date(start, r, &bad_years, &credits, service.excellent_months, as_of, qualified)
        });
        let excellent_years = history
            .iter()
            .filter(|r| r.result.grade() == Some(Grade::Excellent) && (start.year()..=as_of.year()).contains(&r.year))
            .count() as u32;

        let blocks = blocks_of(target, history, restrictions.of(pi), caps.get(person.organ.as_str()), profile, as_of);

        let eligible = qualified && blocks.is_empty();
        people.push(Outcome {
            person: pi,
            rank,
            target,
            rule: rule_index,
            required_months,
            reduction_months,
            reduction_years,
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
            new_level: target.zip(person.level).map(|(t, level)| {
                let r = profile.rank(t);
                profile.level_on_promotion.apply(level, r.level, r.grades)
            }),
            slot: Slot::NotConsidered,
        });
    }

    let pools = allocate_slots(roster, profile, &organs, &mut people);
    PromotionResult { as_of, people, undecided, pools }
}

/// The ranks with places of their own in each organ: the 单位 sheet's number for the rank, else
/// a sub-limit of the organ level applied to the pool's approved number.
fn own_places(
    organ_order: &[&str],
    organs: &HashMap<&str, &Organ>,
    profile: &Profile,
) -> HashMap<(usize, RankRef), (u32, SubBasis)> {
    let mut own: HashMap<(usize, RankRef), (u32, SubBasis)> = HashMap::default();
    for (organ, name) in organ_order.iter().enumerate() {
        let organ_row = organs.get(name);
        let slots = organ_row.map(|o| &o.slots);
        let level = organ_row.and_then(|o| o.level.as_deref());
        for p in &profile.pools {
            let approved = slots.and_then(|s| s.get(&p.name)).copied();
            for rank_name in &p.ranks {
                let Some(rank) = profile.rank_ref(rank_name) else { continue };
                let given = slots.and_then(|s| s.get(rank_name)).map(|&n| (n, SubBasis::Organ));
                let ratio = || {
                    let (i, sl) = profile.sub_limit(rank_name, level)?;
                    Some((sl.places(approved?), SubBasis::Ratio(i)))
                };
                if let Some(places) = given.or_else(ratio) {
                    own.insert((organ, rank), places);
                }
            }
        }
    }
    own
}

/// Goes down a pool's candidates in order, proposing each for whom the pool (when entering it)
/// and the target rank (when it has places of its own) have a free place; the others wait, or
/// cannot be placed when the organ approved no number for the pool. Returns the people proposed.
fn propose(
    people: &mut [Outcome],
    candidates: &[usize],
    ranks: &mut [RankSlots],
    free: Option<u32>,
    pool: usize,
) -> Vec<usize> {
    let of = candidates.len();
    let mut pool_left = free;
    let mut proposed = Vec::new();
    for (position, &c) in candidates.iter().enumerate() {
        let entering = !matches!(people[c].slot, Slot::WithinPool { .. });
        let sub = people[c].target.and_then(|t| ranks.iter().position(|r| r.rank == t));
        if let Some(si) = sub {
            ranks[si].candidates.push(people[c].person);
        }
        if entering && pool_left.is_none() {
            people[c].slot = Slot::NotApproved { pool };
            continue;
        }
        let pool_ok = !entering || pool_left.is_some_and(|f| f > 0);
        let rank_ok = sub.is_none_or(|si| ranks[si].free > ranks[si].proposed.len() as u32);
        let position = position + 1;
        people[c].slot = if pool_ok && rank_ok {
            if entering {
                pool_left = pool_left.map(|f| f - 1);
            }
            if let Some(si) = sub {
                ranks[si].proposed.push(people[c].person);
            }
            proposed.push(people[c].person);
            Slot::Proposed { pool, position, of, entering, sub }
        } else {
            Slot::Waiting { pool, position, of, entering, sub, short_of_rank: pool_ok }
        };
    }
    proposed
}

/// Counts held slots per organ and pool (and per rank with places of its own), orders the
/// eligible who would use a place of each pool, and proposes as many as there are free places.
///
/// A person entering a pool needs a free place of the pool; a person promoted to a rank with
/// places of its own (the 单位 sheet's number for the rank, else a profile sub-limit of the
/// pool's approved number) needs a free place of that rank too, even inside the pool. Candidates
/// are taken in the profile's order; one who does not fit waits, and later ones may still fit.
fn allocate_slots(
    roster: &Roster,
    profile: &Profile,
    organs: &HashMap<&str, &Organ>,
    people: &mut [Outcome],
) -> Vec<PoolOutcome> {
    // Organs in the order they first appear: the 单位 sheet, then people.
    let OrganOrder { order: organ_order, index: organ_index } = OrganOrder::of(roster);

    let pool_count = profile.pools.len();
    let own = own_places(&organ_order, organs, profile);
    let mut held = vec![0u32; organ_order.len() * pool_count];
    let mut held_rank: HashMap<(usize, RankRef), u32> = HashMap::default();
    // (organ, pool) → people who would use a place of the pool or of one of its ranks.
    let mut wanting: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
    for (oi, outcome) in people.iter_mut().enumerate() {
        let person = &roster.people[outcome.person];
        let organ = organ_index[person.organ.as_str()];
        let current_pool = profile.pool_of(outcome.rank);
        if let Some(cp) = current_pool {
            held[organ * pool_count + cp] += 1;
            if own.contains_key(&(organ, outcome.rank)) {
                *held_rank.entry((organ, outcome.rank)).or_default() += 1;
            }
        }
        if !outcome.eligible {
            continue;
        }
        let Some(target) = outcome.target else { continue };
        outcome.slot = match profile.pool_of(target) {
            None => Slot::Unlimited,
            // Inside the pool only a rank with places of its own makes a candidate.
            Some(tp) if Some(tp) == current_pool => {
                if own.contains_key(&(organ, target)) {
                    wanting.entry((organ, tp)).or_default().push(oi);
                }
                Slot::WithinPool { pool: tp }
            }
            Some(tp) => {
                wanting.entry((organ, tp)).or_default().push(oi);
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
            let mut ranks: Vec<RankSlots> = p
                .ranks
                .iter()
                .filter_map(|rank_name| {
                    let rank = profile.rank_ref(rank_name)?;
                    let &(n, basis) = own.get(&(organ, rank))?;
                    let held = held_rank.get(&(organ, rank)).copied().unwrap_or(0);
                    Some(RankSlots {
                        rank,
                        approved: n,
                        basis,
                        held,
                        free: n.saturating_sub(held),
                        candidates: Vec::new(),
                        proposed: Vec::new(),
                    })
                })
                .collect();
            let mut candidates = wanting.remove(&(organ, pool)).unwrap_or_default();
            if approved.is_none() && held_here == 0 && candidates.is_empty() && ranks.is_empty() {
                continue;
            }
            candidates.sort_by(|&a, &b| compare(profile, roster, &people[a], &people[b]));
            let free = approved.map(|a| a.saturating_sub(held_here));
            let proposed = propose(people, &candidates, &mut ranks, free, pool);
            let candidates = candidates.iter().map(|&c| people[c].person).collect();
            pools.push(PoolOutcome {
                organ: name.to_string(),
                pool,
                approved,
                held: held_here,
                free,
                candidates,
                proposed,
                ranks,
            });
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

    const BASIC: ResultCode = ResultCode::Graded(Grade::BasicallyCompetent);
    const INCOMPETENT: ResultCode = ResultCode::Graded(Grade::Incompetent);

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn date_without_credits(
        start: NaiveDate,
        required: u32,
        bad: &[(i32, ResultCode)],
        as_of: NaiveDate,
        qualified: bool,
    ) -> Option<NaiveDate> {
        first_qualifying_date(start, required, bad, &[], 6, as_of, qualified)
    }

    #[test]
    fn eligible_date_agrees_with_qualified_inside_an_uncounted_year() {
        // 2024 is graded 基本称职: during 2024 the count goes up to 24 on each 15th and back to 23
        // on each 1st. The date reported always agrees with `qualified` on the as-of date.
        let bad = [(2024, BASIC)];
        let start = d("2022-01-15");
        assert_eq!(counted_at(start, d("2024-06-30"), &bad), 24);
        assert_eq!(date_without_credits(start, 24, &bad, d("2024-06-30"), true), Some(d("2024-06-15")));
        assert_eq!(counted_at(start, d("2024-07-10"), &bad), 23);
        let on = date_without_credits(start, 24, &bad, d("2024-07-10"), false).expect("date");
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
    fn reference(
        start: NaiveDate,
        required: u32,
        bad: &[(i32, ResultCode)],
        credits: &[(i32, NaiveDate)],
        as_of: NaiveDate,
        qualified: bool,
    ) -> NaiveDate {
        let horizon = add_months(start, required + 12 * bad.len() as u32 + 14);
        let mut last_short = start.pred_opt().expect("day before");
        let mut day = start;
        while day <= horizon && (!qualified || day <= as_of) {
            if counted_at(start, day, bad) < required_at(required, 6, credits, day) {
                last_short = day;
            }
            day = day.succ_opt().expect("next day");
        }
        last_short.succ_opt().expect("next day")
    }

    #[test]
    fn eligible_date_matches_a_day_by_day_count() {
        let starts = ["2019-01-31", "2019-06-15", "2020-02-29", "2020-12-01", "2021-03-10", "2022-01-15"];
        let bad_sets: [&[(i32, ResultCode)]; 7] = [
            &[],
            &[(2020, BASIC)],
            &[(2021, INCOMPETENT)],
            &[(2022, ResultCode::Sanctioned)],
            &[(2021, BASIC), (2023, ResultCode::LongLeave)],
            &[(2024, BASIC)],
            &[(2018, BASIC)],
        ];
        let excellent_sets: [&[i32]; 4] = [&[], &[2020], &[2021, 2022], &[2019, 2023, 2024]];
        let rules = Profile::national().service;
        let as_ofs = ["2021-06-30", "2022-07-10", "2023-12-31", "2024-07-10", "2024-12-31", "2026-01-01"];
        for start in starts.map(d) {
            for bad in bad_sets {
                for excellent in excellent_sets {
                    let excellent: Vec<i32> =
                        excellent.iter().copied().filter(|y| !bad.iter().any(|(b, _)| b == y)).collect();
                    let credits = excellent_credits(start, excellent.iter().copied(), &rules);
                    for required in [24, 36] {
                        for as_of in as_ofs.map(d) {
                            let qualified = counted_at(start, as_of, bad) >= required_at(required, 6, &credits, as_of);
                            let got = first_qualifying_date(start, required, bad, &credits, 6, as_of, qualified);
                            let want = reference(start, required, bad, &credits, as_of, qualified);
                            assert_eq!(
                                got,
                                Some(want),
                                "start {start}, required {required}, bad {bad:?}, 优秀 {excellent:?}, as of {as_of}, qualified {qualified}"
                            );
                            assert_eq!(
                                qualified,
                                want <= as_of,
                                "start {start}, bad {bad:?}, 优秀 {excellent:?}, as of {as_of}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn without_uncounted_years_the_date_is_the_anniversary() {
        assert_eq!(date_without_credits(d("2019-06-15"), 24, &[], d("2020-01-01"), false), Some(d("2021-06-15")));
    }

    #[test]
    fn an_excellent_year_applies_from_the_next_january() {
        // domain.md §3, second worked example: 一级科员 since 2023-07-01, 2024 优秀.
        let rules = Profile::national().service;
        let start = d("2023-07-01");
        let credits = excellent_credits(start, [2024].into_iter(), &rules);
        assert_eq!(credits, vec![(2024, d("2025-01-01"))]);
        assert_eq!(required_at(24, 6, &credits, d("2024-12-31")), 24);
        assert_eq!(required_at(24, 6, &credits, d("2025-01-01")), 18);
        assert_eq!(first_qualifying_date(start, 24, &[], &credits, 6, d("2025-03-31"), true), Some(d("2025-01-01")));
        // A 优秀 year that ended before the interval started shortens nothing.
        assert!(excellent_credits(start, [2022].into_iter(), &rules).is_empty());
    }
}
