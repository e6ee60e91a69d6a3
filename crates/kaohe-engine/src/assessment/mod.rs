//! The annual assessment (年度考核) by tier and category: who is not graded, the pools, the 优秀
//! quota with its arithmetic, suggested grades (score- or proposal-based), the committee's final
//! grades, and what the results trigger. The method is docs/assessment.md; every number comes
//! from the profile's `[assessment]` section. Nothing here reads the clock: the year and the
//! committee's decisions are arguments.

use crate::assessment_rules::{AssessmentRules, BasisPoints, DisciplineEffect, Hundredths, Rounding, UngradedRule};
use crate::dates::{year_end, year_start};
use crate::fast_hash::{ByPerson, FastMap as HashMap, Lookup};
use crate::profile::Profile;
use crate::reason::Reason;
use crate::roster::{Grade, OrganOrder, Period, RegularGrade, RegularRecord, Restriction, ResultCode, Roster};
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

mod consequences;
mod pools;
mod score;
mod ungraded;

use consequences::consequences;
pub use consequences::{Consequence, ConsequenceKind, Detail};
use pools::decide_pool;
use score::{score_of, RegularTally};
use ungraded::{supplementable, ungraded_hits};

/// The committee's recorded decisions for a year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decisions {
    /// Final grades that differ from the suggestion, by person ID, with the reason.
    pub overrides: BTreeMap<String, (Grade, String)>,
    /// Ratios approved for an organ this year (basis points) and the approval's basis.
    pub approved_ratios: BTreeMap<String, (BasisPoints, String)>,
    /// The day the year was finalised, if it was.
    pub finalized_on: Option<NaiveDate>,
    /// 补定等次: grades set for people who were 5B once their investigation closed, with the reason.
    pub supplements: BTreeMap<String, (Grade, String)>,
}

/// Where a pool's ratio comes from.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RatioSource {
    Approved,
    Organ,
    Rating,
    Default,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PoolMode"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Score,
    Proposal,
}

/// What a person is flagged with, in the order flags are listed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AssessmentFlag"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    TieAtLine,
    MissingScore,
    NoProposal,
    ProposalNotEligible,
    OverQuota,
    ProposalIgnored,
    WarningNoExcellent,
    RegularRuleFailed,
    /// 党纪处分, 诫勉 or 组织处理 in the year: graded, not 优秀.
    DisciplineNoExcellent,
    /// 党纪处分 in the year: 不称职, whatever the score or proposal.
    DisciplineIncompetent,
}

/// Why a person is not graded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UngradedHit {
    pub code: ResultCode,
    /// Index into the rules' `ungraded` list.
    pub rule: usize,
    /// For 5C: index into the rules' `discipline` list (the rule cited).
    pub discipline: Option<usize>,
    pub detail: String,
}

/// A sanction, party discipline, 诫勉 or 组织处理 that affects the year, by the year of its
/// decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisciplineHit {
    pub kind: String,
    /// The day of the decision.
    pub date: NaiveDate,
    /// Index into the rules' `discipline` list.
    pub rule: usize,
    /// Its effect in this year.
    pub effect: DisciplineEffect,
}

/// A pool's 平时 period with more 好 than allowed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegularCheck {
    pub period: Period,
    pub recorded: u32,
    pub good: u32,
    pub limit: u32,
}

/// The decision for one assessed person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessed {
    /// Index into the roster's people.
    pub person: usize,
    /// Index into the result's pools.
    pub pool: usize,
    /// Index into the rules' tiers.
    pub tier: Option<usize>,
    pub weights: Option<usize>,
    pub ungraded: Vec<UngradedHit>,
    /// Ungraded hits outweighed by a forced 不称职 (listed in the reasons).
    pub set_aside: Vec<UngradedHit>,
    /// Sanctions, party discipline, 诫勉 and 组织处理 affecting the year.
    pub discipline: Vec<DisciplineHit>,
    /// A grade the rules force (不称职 for some 党纪处分): the suggestion whatever the score.
    pub forced: Option<Grade>,
    /// Within a 试用期's dates but not a new recruit (调任, 转任 …): why 5A does not apply.
    pub probation_exempt: Option<String>,
    /// 平时: (recorded periods, 好, forbidden grades) of the year.
    pub regular: (u32, u32, u32),
    pub regular_ok: bool,
    /// Components of the score: dimensions, 平时 average, 民主测评 (hundredths, rounded for display).
    pub components: (Option<Hundredths>, Option<Hundredths>, Option<Hundredths>),
    pub score: Option<Hundredths>,
    pub rank_in_pool: Option<u32>,
    pub excellent_eligible: bool,
    pub proposal: Option<Grade>,
    pub suggested: Option<Grade>,
    pub final_grade: Option<Grade>,
    pub overridden: Option<String>,
    pub flags: Vec<Flag>,
    /// 5B only, and the investigation has since closed (this day) with no 处分 heavier than a
    /// 警告: the grade may be set afterwards (补定等次, 考核规定 第二十八条).
    pub supplementable: Option<NaiveDate>,
    /// The grade set afterwards, with the committee's reason.
    pub supplement: Option<(Grade, String)>,
}

impl Assessed {
    /// The national code: the final grade's, or the ungraded code; `None` while undecided. A
    /// grade set afterwards (补定等次) replaces the 5B.
    pub fn code(&self) -> Option<ResultCode> {
        if let Some((g, _)) = &self.supplement {
            return Some(ResultCode::Graded(*g));
        }
        match self.ungraded.first() {
            Some(h) => Some(h.code),
            None => self.final_grade.map(ResultCode::Graded),
        }
    }
}

/// One pool's quota and outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PoolResult {
    pub organ: String,
    pub name: String,
    pub mode: Mode,
    /// Indices into the result's people.
    pub members: Vec<usize>,
    pub participants: u32,
    /// Members not graded (5A, 5B, 5C, 6A): (counted in `participants`, not counted).
    pub ungraded: (u32, u32),
    pub ratio: BasisPoints,
    pub ratio_source: RatioSource,
    pub ratio_basis: Option<String>,
    /// The ratio is above the profile's normal ratio and no approval is recorded.
    pub ratio_unapproved: bool,
    pub quota: u32,
    pub rounding: Rounding,
    /// Suggested 优秀.
    pub excellent: u32,
    /// Final 优秀.
    pub final_excellent: u32,
    /// Indices into the result's people, in ranking order.
    pub tied_at_line: Vec<usize>,
    pub regular_checks: Vec<RegularCheck>,
}

impl PoolResult {
    /// participants × ratio in hundredths of a person (exact: ratio has two decimals of a percent,
    /// so the product has at most four; shown with two, rounded half up).
    pub fn exact_hundredths(&self) -> u64 {
        (u64::from(self.participants) * u64::from(self.ratio) + 50) / 100
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentResult {
    pub year: i32,
    /// The profile's normal 优秀 ratio (a higher one needs an approval).
    pub normal_ratio: BasisPoints,
    pub people: Vec<Assessed>,
    pub pools: Vec<PoolResult>,
    pub consequences: Vec<Consequence>,
}

/// A value as an exact fraction, for blending scores without floating point.
#[derive(Clone, Copy)]
struct Fraction {
    num: i128,
    den: i128,
}

impl Fraction {
    fn rounded(self) -> Hundredths {
        ((2 * self.num + self.den) / (2 * self.den)) as Hundredths
    }
}

/// Σ wᵢ·fᵢ / Σ wᵢ over the parts present, exactly.
fn weighted<const N: usize>(parts: [(u32, Option<Fraction>); N]) -> Option<Fraction> {
    let mut acc: Option<Fraction> = None;
    let mut total: i128 = 0;
    for (w, f) in parts {
        let Some(f) = f else { continue };
        let w = i128::from(w);
        total += w;
        acc = Some(match acc {
            None => Fraction { num: w * f.num, den: f.den },
            Some(a) => Fraction { num: a.num * f.den + w * f.num * a.den, den: a.den * f.den },
        });
    }
    let acc = acc?;
    (total > 0).then_some(Fraction { num: acc.num, den: acc.den * total })
}

/// "决定当年（2025年度）", "决定当年及第二年（2024—2025年度）", "决定当年起3年（…）".
fn span_words(from: i32, years: u32) -> String {
    match years {
        1 => format!("决定当年（{from}年度）"),
        2 => format!("决定当年及第二年（{from}—{}年度）", from + 1),
        n => format!("决定当年起{n}年（{from}—{}年度）", from + n as i32 - 1),
    }
}

/// The discipline hits of a person's restrictions in `year`, heaviest first.
fn discipline_hits(mine: &[&Restriction], rules: &AssessmentRules, year: i32) -> Vec<DisciplineHit> {
    let mut hits: Vec<DisciplineHit> = mine
        .iter()
        .filter_map(|r| {
            let rule = rules.discipline_of(&r.kind)?;
            let effect = rules.discipline[rule].effect_in(r.date.year(), year)?;
            Some(DisciplineHit { kind: r.kind.clone(), date: r.date, rule, effect })
        })
        .collect();
    hits.sort_by_key(|h| (std::cmp::Reverse(h.effect), h.date));
    hits
}

/// Why a discipline hit has its effect this year, in words (no citation).
fn discipline_words(h: &DisciplineHit, rules: &AssessmentRules, year: i32) -> String {
    let d = &rules.discipline[h.rule];
    let decided = h.date.year();
    let when = if year - decided < d.years as i32 {
        span_words(decided, d.years)
    } else {
        let from = decided + d.years as i32;
        let to = from + d.then_ungraded_years as i32 - 1;
        let years = if to == from { format!("{from}年度") } else { format!("{from}—{to}年度") };
        format!("{}之后的{}年（{years}）", span_words(decided, d.years), d.then_ungraded_years)
    };
    format!("{}受{}（{}年作出决定），{when}{}", h.date.format("%Y年%-m月%-d日"), h.kind, decided, h.effect.label())
}

/// Runs the year's assessment: who is assessed and how (ungraded codes, discipline, 平时, the
/// score), the pools and their quotas, the suggestions, the committee's final grades and what
/// they lead to.
pub fn assess(roster: &Roster, profile: &Profile, year: i32, decisions: &Decisions) -> AssessmentResult {
    let rules = &profile.assessment;
    let dec31 = year_end(year);
    let ids: Vec<&str> = roster.people.iter().map(|p| p.id.as_str()).collect();
    let lookup = Lookup::new(&ids);
    let regular = ByPerson::new(&roster.regular, &lookup, |r| r.person_id.as_str());
    let inputs = ByPerson::new(&roster.annual_inputs, &lookup, |a| a.person_id.as_str());
    let restrictions = ByPerson::new(&roster.restrictions, &lookup, |r| r.person_id.as_str());
    let history = ByPerson::new(&roster.results, &lookup, |r| r.person_id.as_str());

    let mut organs = Organs::of(roster);
    let mut people: Vec<Assessed> = Vec::with_capacity(roster.people.len());
    // Tier and weights depend only on category, rank and post level: looked up once each.
    let mut placement: HashMap<(&str, &str, Option<&str>), Placement> = HashMap::default();
    // (organ index, pool key) per assessed person; pool key: 0 = leaders, 1 + tier = tier pool,
    // usize::MAX = the organ's non-leader pool.
    let mut keys: Vec<(usize, usize)> = Vec::new();
    for (pi, person) in roster.people.iter().enumerate() {
        let entry = person.service_start.or(person.work_start);
        // Entered after the year, or left or retired by its end: not assessed.
        if entry.is_some_and(|e| e > dec31) || person.left_on.is_some_and(|l| l <= dec31) {
            continue;
        }
        let placed = *placement
            .entry((person.category.as_str(), person.rank.as_str(), person.post_level.as_deref()))
            .or_insert_with(|| place(person, profile));
        let records = Records {
            restrictions: restrictions.of(pi),
            input: inputs.of(pi).iter().find(|a| a.year == year).copied(),
            regular: regular.of(pi),
        };
        let key = if person.is_leader {
            0
        } else if rules.split_by_tier {
            1 + placed.0.unwrap_or(rules.tiers.len().saturating_sub(1))
        } else {
            usize::MAX
        };
        keys.push((organs.pool_organ(person, rules), key));
        people.push(assessed(pi, person, placed, records, profile, year));
    }

    merge_small_tiers(&people, &mut keys, rules);
    let (mut pools, pool_of) = pools_of(&keys, &organs, roster, rules, decisions);
    for (ai, k) in keys.iter().enumerate() {
        let p = pool_of[k];
        people[ai].pool = p;
        pools[p].members.push(ai);
    }
    for pool in pools.iter_mut() {
        decide_pool(pool, &mut people, rules, year, &regular);
    }
    final_grades(&mut people, &mut pools, roster, decisions);

    let consequences = consequences(&people, roster, profile, year, &history, &restrictions, decisions.finalized_on);
    AssessmentResult { year, normal_ratio: rules.ratio, people, pools, consequences }
}

/// A person's tier and weights entry (indices into the rules').
type Placement = (Option<usize>, Option<usize>);

/// The tier of a person's post level or rank, and the weights for their category and tier.
fn place(person: &crate::roster::Person, profile: &Profile) -> Placement {
    let rules = &profile.assessment;
    let level = profile.rank_ref(&person.rank).map(|r| profile.rank(r).level);
    let tier = rules
        .tiers
        .iter()
        .position(|t| person.post_level.as_ref().is_some_and(|p| t.posts.contains(p)))
        .or_else(|| level.and_then(|l| rules.tiers.iter().position(|t| (t.levels.0..=t.levels.1).contains(&l))));
    let weights = rules.weights.iter().position(|w| {
        w.category.as_deref().is_none_or(|c| c == person.category)
            && w.tier.as_deref().is_none_or(|t| tier.is_some_and(|ti| rules.tiers[ti].name == t))
    });
    (tier, weights)
}

/// The organs in order of first appearance — the 单位 sheet, then people ([`OrganOrder`]) — and
/// their 主管机关.
struct Organs<'a> {
    list: OrganOrder<'a>,
    supervisors: HashMap<&'a str, &'a str>,
}

impl<'a> Organs<'a> {
    fn of(roster: &'a Roster) -> Organs<'a> {
        Organs {
            list: OrganOrder::of(roster),
            supervisors: roster
                .organs
                .iter()
                .filter_map(|o| Some((o.name.as_str(), o.supervisor.as_deref().filter(|s| !s.trim().is_empty())?)))
                .collect(),
        }
    }

    /// The organ whose pool the person is in: their own, or for a 领导成员 under a 主管机关 that
    /// pools its organs' leaders, the 主管机关.
    fn pool_organ(&mut self, person: &'a crate::roster::Person, rules: &AssessmentRules) -> usize {
        match self.supervisors.get(person.organ.as_str()) {
            Some(sup) if person.is_leader && rules.leaders_by_supervisor => self.list.add(sup),
            _ => self.list.index.get(person.organ.as_str()).copied().unwrap_or(0),
        }
    }
}

/// What the year's records say of one person.
struct Records<'a> {
    restrictions: &'a [&'a Restriction],
    input: Option<&'a crate::roster::AnnualInput>,
    regular: &'a [&'a RegularRecord],
}

/// One person's year before the pools decide: ungraded codes, discipline, 平时, the score and
/// whether they may be 优秀.
fn assessed(
    pi: usize,
    person: &crate::roster::Person,
    (tier, weights_index): Placement,
    records: Records<'_>,
    profile: &Profile,
    year: i32,
) -> Assessed {
    let rules = &profile.assessment;
    let Records { restrictions: mine, input, regular } = records;
    let hits = discipline_hits(mine, rules, year);
    let heaviest = hits.first().map(|h| h.effect);
    let (mut ungraded, probation_exempt) = ungraded_hits(person, mine, input, &hits, profile, year);

    // A forced 不称职 outweighs every 不确定等次 (the heaviest applies).
    let forced = (heaviest == Some(DisciplineEffect::Incompetent)).then_some(Grade::Incompetent);
    let set_aside = if forced.is_some() { std::mem::take(&mut ungraded) } else { Vec::new() };
    let not_excellent = heaviest == Some(DisciplineEffect::NotExcellent);

    let tally = RegularTally::of(regular, rules, year);
    let regular_ok = tally.ok;
    let (dims, regular_avg, democratic, score) =
        score_of(input, weights_index.map(|w| &rules.weights[w]), tally.average, rules);
    let supplementable = supplementable(&ungraded, mine, profile, year);

    let graded = ungraded.is_empty();
    let excellent_eligible = graded && forced.is_none() && !not_excellent && regular_ok;
    let mut flags = Vec::new();
    if forced.is_some() {
        flags.push(Flag::DisciplineIncompetent);
    }
    let is_sanction = |h: &DisciplineHit| {
        profile.restriction(&h.kind).is_some_and(|r| r.block == crate::profile::RestrictionBlock::Sanction)
    };
    if graded && not_excellent && hits.iter().any(is_sanction) {
        flags.push(Flag::WarningNoExcellent);
    }
    if graded && not_excellent && !hits.iter().all(is_sanction) {
        flags.push(Flag::DisciplineNoExcellent);
    }
    if graded && !regular_ok {
        flags.push(Flag::RegularRuleFailed);
    }
    let proposal = input.and_then(|a| a.proposal);
    if !graded && proposal.is_some() {
        flags.push(Flag::ProposalIgnored);
    }
    Assessed {
        person: pi,
        pool: 0,
        tier,
        weights: weights_index,
        ungraded,
        set_aside,
        discipline: hits,
        forced,
        probation_exempt,
        regular: (tally.recorded, tally.good, tally.forbidden),
        regular_ok,
        components: (
            dims.map(Fraction::rounded),
            regular_avg.map(Fraction::rounded),
            democratic.map(Fraction::rounded),
        ),
        score,
        rank_in_pool: None,
        excellent_eligible,
        proposal,
        suggested: None,
        final_grade: None,
        overridden: None,
        flags,
        supplementable,
        supplement: None,
    }
}

/// The pool key of a tier merged with the other small ones.
const MERGED: usize = usize::MAX - 1;

/// With tiers pooled apart, a tier of fewer participants than `merge_below` joins the merged
/// pool of its organ.
fn merge_small_tiers(people: &[Assessed], keys: &mut [(usize, usize)], rules: &AssessmentRules) {
    if !rules.split_by_tier || rules.merge_below == 0 {
        return;
    }
    let participates = |a: &Assessed| a.ungraded.first().is_none_or(|h| rules.counted_ungraded.contains(&h.code));
    let mut counts: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for (a, k) in people.iter().zip(keys.iter()) {
        if k.1 != 0 && participates(a) {
            *counts.entry(*k).or_default() += 1;
        } else {
            counts.entry(*k).or_default();
        }
    }
    for k in keys.iter_mut() {
        if k.1 != 0 && counts.get(k).copied().unwrap_or(0) < rules.merge_below {
            k.1 = MERGED;
        }
    }
}

/// The pools, per organ: leaders, then non-leaders or tiers, then the merged small tiers; each
/// with its ratio (approved, the organ's, its 绩效等次's, or the rules'), and which pool each
/// key is.
fn pools_of(
    keys: &[(usize, usize)],
    organs: &Organs<'_>,
    roster: &Roster,
    rules: &AssessmentRules,
    decisions: &Decisions,
) -> (Vec<PoolResult>, HashMap<(usize, usize), usize>) {
    let mut seen: HashMap<(usize, usize), ()> = HashMap::default();
    let mut pool_keys: Vec<(usize, usize)> = keys.iter().copied().filter(|k| seen.insert(*k, ()).is_none()).collect();
    pool_keys.sort_by_key(|&(o, k)| (o, if k == usize::MAX { 1 } else { k }));
    let organs_by_name: HashMap<&str, &crate::roster::Organ> =
        roster.organs.iter().map(|o| (o.name.as_str(), o)).collect();
    let mut pools: Vec<PoolResult> = Vec::with_capacity(pool_keys.len());
    let mut pool_of: HashMap<(usize, usize), usize> = HashMap::default();
    for &(o, k) in &pool_keys {
        let name = match k {
            0 if rules.leaders_by_supervisor && !organs_by_name.contains_key(organs.list.order[o]) => {
                "所属单位领导成员".to_string()
            }
            0 => "领导成员".to_string(),
            k if k == usize::MAX => "非领导成员".to_string(),
            MERGED => format!("合并（不足{}人的层次）", rules.merge_below),
            k => rules.tiers[k - 1].name.clone(),
        };
        let organ_name = organs.list.order[o];
        let organ = organs_by_name.get(organ_name).copied();
        let (ratio, ratio_source, ratio_basis) = if let Some((bp, basis)) = decisions.approved_ratios.get(organ_name) {
            (*bp, RatioSource::Approved, Some(basis.clone()))
        } else if let Some(bp) = organ.and_then(|x| x.excellent_ratio) {
            (bp, RatioSource::Organ, None)
        } else if let Some((rating, bp)) = organ
            .and_then(|x| x.performance_rating.as_deref())
            .and_then(|r| rules.organ_rating.iter().find(|(name, _)| *name == crate::profile::squeeze(r)))
        {
            (*bp, RatioSource::Rating, Some(rating.clone()))
        } else {
            (rules.ratio, RatioSource::Default, None)
        };
        pool_of.insert((o, k), pools.len());
        pools.push(PoolResult {
            organ: organ_name.to_string(),
            name,
            mode: Mode::Proposal,
            members: Vec::new(),
            participants: 0,
            ungraded: (0, 0),
            ratio_unapproved: ratio > rules.ratio && ratio_source != RatioSource::Approved,
            ratio,
            ratio_source,
            ratio_basis,
            quota: 0,
            rounding: rules.rounding,
            excellent: 0,
            final_excellent: 0,
            tied_at_line: Vec::new(),
            regular_checks: Vec::new(),
        });
    }
    (pools, pool_of)
}

/// The final grades: the suggestion, or the committee's grade; a grade set afterwards (补定等次)
/// for a supplementable 5B. Each pool counts its final 优秀.
fn final_grades(people: &mut [Assessed], pools: &mut [PoolResult], roster: &Roster, decisions: &Decisions) {
    for a in people.iter_mut() {
        if !a.ungraded.is_empty() {
            if let (Some(_), Some((g, why))) =
                (a.supplementable, decisions.supplements.get(&roster.people[a.person].id))
            {
                a.supplement = Some((*g, why.clone()));
                a.final_grade = Some(*g);
            }
            continue;
        }
        let id = &roster.people[a.person].id;
        a.final_grade = a.suggested;
        if let Some((g, why)) = decisions.overrides.get(id) {
            a.final_grade = Some(*g);
            a.overridden = Some(why.clone());
        }
    }
    for pool in pools.iter_mut() {
        // A grade set afterwards (补定等次) takes no place of the year's quota.
        pool.final_excellent = pool
            .members
            .iter()
            .filter(|&&m| people[m].supplement.is_none() && people[m].final_grade == Some(Grade::Excellent))
            .count() as u32;
    }
}

/// Why the year cannot be finalised yet, in Chinese; empty when it can.
pub fn finalize_problems(result: &AssessmentResult, roster: &Roster) -> Vec<String> {
    let mut out = Vec::new();
    for a in &result.people {
        if a.ungraded.is_empty() && a.final_grade.is_none() {
            let p = &roster.people[a.person];
            out.push(format!(
                "{}（{}）与他人同分并列于优秀名额线，尚未确定等次：请考核委员会确定其等次（修改等次并写明理由）",
                p.name, p.id
            ));
        }
    }
    for pool in &result.pools {
        if pool.ratio_unapproved {
            out.push(format!(
                "{}·{}的优秀比例{}%高于规定的{}%，尚未记录批准：请记录经批准的优秀比例及批准依据（kaohe assess ratio），或改用规定比例",
                pool.organ,
                pool.name,
                report::percent_number(pool.ratio),
                report::percent_number(ratio_of(result))
            ));
        }
        if pool.final_excellent > pool.quota {
            out.push(format!(
                "{}·{}最终确定优秀{}人，超过优秀名额{}名：请核减，或先记录经批准的优秀比例",
                pool.organ, pool.name, pool.final_excellent, pool.quota
            ));
        }
    }
    out
}

/// The profile's normal ratio, as the result recorded it.
fn ratio_of(result: &AssessmentResult) -> BasisPoints {
    result.normal_ratio
}

/// The national results to store when the year is finalised: (person ID, code).
pub fn final_codes(result: &AssessmentResult, roster: &Roster) -> Vec<(String, ResultCode)> {
    result.people.iter().filter_map(|a| Some((roster.people[a.person].id.clone(), a.code()?))).collect()
}

pub mod report;
