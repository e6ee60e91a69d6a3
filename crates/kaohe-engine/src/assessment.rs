//! The annual assessment (年度考核) by tier and category: who is not graded, the pools, the 优秀
//! quota with its arithmetic, suggested grades (score- or proposal-based), the committee's final
//! grades, and what the results trigger. The method is docs/assessment.md; every number comes
//! from the profile's `[assessment]` section. Nothing here reads the clock: the year and the
//! committee's decisions are arguments.

use crate::assessment_rules::{AssessmentRules, BasisPoints, DisciplineEffect, Hundredths, Rounding, UngradedRule};
use crate::dates::{year_end, year_start};
use crate::fast_hash::{ByPerson, FastMap as HashMap, Lookup};
use crate::profile::{Citation, Profile, Status};
use crate::roster::{Grade, Period, RegularGrade, RegularRecord, Restriction, ResultCode, Roster};
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

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

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsequenceKind {
    Commendation,
    Merit,
    Bonus,
    Admonition,
    Demotion,
    DismissalReview,
    GradeStep,
    LevelUp,
    ReviewDeadline,
    /// A 档次 step due, withheld by a restriction in effect on its due day.
    StepWithheld,
    /// A 级别 step due, withheld likewise.
    LevelWithheld,
}

/// The profile key of a consequence kind (as in `cite_by_kind`).
fn kind_key(kind: ConsequenceKind) -> &'static str {
    match kind {
        ConsequenceKind::Commendation => "commendation",
        ConsequenceKind::Merit => "merit",
        ConsequenceKind::Bonus => "bonus",
        ConsequenceKind::Admonition => "admonition",
        ConsequenceKind::Demotion => "demotion",
        ConsequenceKind::DismissalReview => "dismissal_review",
        ConsequenceKind::GradeStep => "grade_step",
        ConsequenceKind::LevelUp => "level_up",
        ConsequenceKind::ReviewDeadline => "review_deadline",
        ConsequenceKind::StepWithheld => "grade_step",
        ConsequenceKind::LevelWithheld => "level_up",
    }
}

/// The numbers behind a consequence, rendered into words by [`Consequence::reason`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Detail {
    Grade(Grade),
    /// Consecutive years.
    Run(u32),
    /// Counted years from the first whole year since the 起算时间 (`since`), the current value, and (级别) the rank's highest.
    Counted {
        counted: u32,
        since: i32,
        current: u32,
        highest: Option<u32>,
    },
    /// The grade appealed against and the day the count starts from.
    Review {
        grade: Grade,
        from: Option<NaiveDate>,
    },
    /// A step that fell due (`counted` years since `since`, at `current`) on `on`, withheld by a
    /// restriction: `block` indexes the rules' `step_blocks`, `kind` its kinds; the restriction
    /// dated `from`, in effect until `until` (`None`: no end recorded).
    Withheld {
        counted: u32,
        since: i32,
        current: u32,
        on: NaiveDate,
        block: usize,
        kind: usize,
        from: NaiveDate,
        until: Option<NaiveDate>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consequence {
    /// Index into the result's people.
    pub assessed: usize,
    pub kind: ConsequenceKind,
    pub due: Option<NaiveDate>,
    pub detail: Detail,
}

impl Consequence {
    /// The consequence in words, for the person whose rank is `rank`.
    pub fn reason(&self, year: i32, rank: &str, rules: &AssessmentRules) -> String {
        let on = |d: NaiveDate| d.format("%Y年%-m月%-d日").to_string();
        let due = self.due.map(on).unwrap_or_default();
        let key = kind_key(self.kind);
        let cite = match self.detail {
            Detail::Withheld { block, .. } => rules.step_blocks.get(block).map(|b| cite_text(&b.cite)).unwrap_or_default(),
            _ => cite_text(rules.usage_cites.get(key).unwrap_or(&rules.usage_cite)),
        };
        match (self.kind, self.detail) {
            (ConsequenceKind::Commendation, _) => format!("{year}年度考核为优秀，给予嘉奖{cite}"),
            (ConsequenceKind::Merit, Detail::Run(n)) => {
                // Whether the run starts again after a 三等功 is a setting, said with its status.
                let setting = if rules.merit_restarts { "此后连续优秀年数重新起算" } else { "此后连续优秀的每一年均再记三等功" };
                let pending = if rules.merit_restarts_cite.status == Status::U { "，待核实" } else { "" };
                format!("{}—{year}年度连续{n}年考核为优秀，记三等功（{setting}{pending}）{cite}", year - n as i32 + 1)
            }
            (ConsequenceKind::Bonus, Detail::Grade(g)) => format!("{year}年度考核为{}，享受年终一次性奖金{cite}", g.name()),
            (ConsequenceKind::Admonition, _) => format!("{year}年度考核为基本称职，对其进行诫勉，责令作出书面检查，限期改进{cite}"),
            (ConsequenceKind::Demotion, _) => format!("{year}年度考核为不称职，按规定降低一个职务或者职级层次任职{cite}"),
            (ConsequenceKind::DismissalReview, Detail::Run(n)) => {
                format!("{}—{year}年度连续{n}年考核为不称职，按规定予以辞退，履行辞退程序{cite}", year - n as i32 + 1)
            }
            (ConsequenceKind::GradeStep, Detail::Counted { counted, since, current, .. }) => {
                format!("自{}年起累计{counted}个年度考核为称职以上，{due}起晋升一个档次（现{current}档）{cite}", since)
            }
            (ConsequenceKind::LevelUp, Detail::Counted { counted, since, current, highest }) => format!(
                "自{}年起累计{counted}个年度考核为称职以上，{due}起在{rank}级别范围内晋升一个级别（现{current}级，最高{}级）{cite}",
                since,
                highest.unwrap_or(current)
            ),
            (ConsequenceKind::ReviewDeadline, Detail::Review { grade, from }) => {
                let start = from.map(on).unwrap_or_else(|| "接到考核结果通知之日".into());
                let direct_due = from.and_then(|d| d.checked_add_days(Days::new(u64::from(rules.direct_appeal_days)))).map(|d| format!("（至{}）", on(d)));
                format!(
                    "对{}等次不服的，可自{start}起{}日内申请复核{}；对复核决定不服的，可自接到复核决定之日起{}日内提出申诉；也可以不经复核，自{start}起{}日内直接提出申诉{}{cite}",
                    grade.name(),
                    rules.review_days,
                    if due.is_empty() { String::new() } else { format!("（至{due}）") },
                    rules.appeal_days,
                    rules.direct_appeal_days,
                    direct_due.unwrap_or_default()
                )
            }
            (
                kind @ (ConsequenceKind::StepWithheld | ConsequenceKind::LevelWithheld),
                Detail::Withheld { counted, since, current, on: day, block, kind: k, from, until },
            ) => {
                let what = if kind == ConsequenceKind::StepWithheld {
                    format!("晋升一个档次（现{current}档）")
                } else {
                    format!("在{rank}级别范围内晋升一个级别（现{current}级）")
                };
                let restriction = rules.step_blocks.get(block).and_then(|b| b.kinds.get(k)).map(String::as_str).unwrap_or("");
                let period = match until {
                    Some(u) => format!("{}至{}", on(from), on(u)),
                    None => format!("{}起，尚无结束日期", on(from)),
                };
                format!("自{}年起累计{counted}个年度考核为称职以上，本应{}起{what}，但当日处于{restriction}的期间（{period}），暂不晋升{cite}", since, on(day))
            }
            (kind, _) => format!("{year}年度：{kind:?}"),
        }
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

/// Runs the year's assessment.
pub fn assess(roster: &Roster, profile: &Profile, year: i32, decisions: &Decisions) -> AssessmentResult {
    let rules = &profile.assessment;
    let dec31 = year_end(year);
    let ids: Vec<&str> = roster.people.iter().map(|p| p.id.as_str()).collect();
    let lookup = Lookup::new(&ids);
    let regular = ByPerson::new(&roster.regular, &lookup, |r| r.person_id.as_str());
    let inputs = ByPerson::new(&roster.annual_inputs, &lookup, |a| a.person_id.as_str());
    let restrictions = ByPerson::new(&roster.restrictions, &lookup, |r| r.person_id.as_str());
    let history = ByPerson::new(&roster.results, &lookup, |r| r.person_id.as_str());

    // Organs in order of first appearance: the 单位 sheet, then people.
    let mut organ_order: Vec<&str> = Vec::new();
    let mut organ_index: HashMap<&str, usize> = HashMap::default();
    for name in roster.organs.iter().map(|o| o.name.as_str()).chain(roster.people.iter().map(|p| p.organ.as_str())) {
        organ_index.entry(name).or_insert_with(|| {
            organ_order.push(name);
            organ_order.len() - 1
        });
    }

    let supervisors: HashMap<&str, &str> =
        roster.organs.iter().filter_map(|o| Some((o.name.as_str(), o.supervisor.as_deref().filter(|s| !s.trim().is_empty())?))).collect();
    let mut people: Vec<Assessed> = Vec::with_capacity(roster.people.len());
    // (category, rank, post level) → (tier, weights entry).
    type Placement = (Option<usize>, Option<usize>);
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
        // Tier and weights depend only on category, rank and post level: looked up once each.
        let (tier, weights_index) = *placement.entry((person.category.as_str(), person.rank.as_str(), person.post_level.as_deref())).or_insert_with(|| {
            let level = profile.rank_ref(&person.rank).map(|r| profile.rank(r).level);
            let tier = rules
                .tiers
                .iter()
                .position(|t| person.post_level.as_ref().is_some_and(|p| t.posts.contains(p)))
                .or_else(|| level.and_then(|l| rules.tiers.iter().position(|t| (t.levels.0..=t.levels.1).contains(&l))));
            let weights = rules.weights.iter().position(|w| {
                w.category.as_deref().is_none_or(|c| c == person.category) && w.tier.as_deref().is_none_or(|t| tier.is_some_and(|ti| rules.tiers[ti].name == t))
            });
            (tier, weights)
        });
        let mine = restrictions.of(pi);
        let input = inputs.of(pi).iter().find(|a| a.year == year).copied();

        let hits = discipline_hits(mine, rules, year);
        let mut probation_exempt = None;
        let heaviest = hits.first().map(|h| h.effect);
        let mut ungraded = Vec::new();
        for (ri, u) in rules.ungraded.iter().enumerate() {
            let hit = match &u.rule {
                UngradedRule::Investigation => mine
                    .iter()
                    .filter(|r| profile.restriction(&r.kind).is_some_and(|x| x.block == crate::profile::RestrictionBlock::Investigation))
                    .find(|r| r.date <= dec31 && r.end.is_none_or(|e| e > dec31))
                    .map(|r| format!("{}起{}，年末尚未结案", r.date.format("%Y年%-m月%-d日"), r.kind)),
                UngradedRule::Discipline => {
                    for h in hits.iter().filter(|h| h.effect == DisciplineEffect::Ungraded) {
                        ungraded.push(UngradedHit { code: u.code, rule: ri, discipline: Some(h.rule), detail: discipline_words(h, rules, year) });
                    }
                    None
                }
                UngradedRule::Leave { days_over } => input.and_then(|a| {
                    let total = a.sick_days.unwrap_or(0) + a.personal_days.unwrap_or(0);
                    (total > *days_over)
                        .then(|| format!("病假{}天、事假{}天，累计{}天，超过{}天", a.sick_days.unwrap_or(0), a.personal_days.unwrap_or(0), total, days_over))
                }),
                // A probation ending on 31 December is over at year end.
                UngradedRule::Probation { months } => person.service_start.and_then(|s| {
                    let last = crate::dates::period_end(s, *months);
                    if last <= dec31 {
                        return None;
                    }
                    let method = person.entry_method.as_deref().and_then(|m| rules.entry_method(m));
                    let on = |d: NaiveDate| d.format("%Y年%-m月%-d日").to_string();
                    match method {
                        Some(m) if !m.probation => {
                            probation_exempt = Some(format!("{}以{}方式进入公务员队伍，不是新录用公务员，不适用试用期内不确定等次", on(s), m.name));
                            None
                        }
                        Some(m) => Some(format!("{}以{}方式进入公务员队伍，试用期至{}，年末尚未期满", on(s), m.name, on(last))),
                        None => Some(format!("{}进入公务员队伍，试用期至{}，年末尚未期满；进入方式未填写，按新录用公务员掌握（待核实）", on(s), on(last))),
                    }
                }),
            };
            if let Some(detail) = hit {
                ungraded.push(UngradedHit { code: u.code, rule: ri, discipline: None, detail });
            }
        }

        // A forced 不称职 outweighs every 不确定等次 (the heaviest applies).
        let forced = (heaviest == Some(DisciplineEffect::Incompetent)).then_some(Grade::Incompetent);
        let set_aside = if forced.is_some() { std::mem::take(&mut ungraded) } else { Vec::new() };
        let not_excellent = heaviest == Some(DisciplineEffect::NotExcellent);

        let grade_of = |r: &RegularRecord| r.grade.or_else(|| r.score.map(|s| rules.band(s)));
        let (mut recorded, mut good, mut forbidden, mut regular_sum, mut regular_n) = (0u32, 0u32, 0u32, 0i128, 0i128);
        for r in regular.of(pi).iter().filter(|r| r.year == year) {
            if let Some(g) = grade_of(r) {
                recorded += 1;
                good += u32::from(g == RegularGrade::Good);
                forbidden += u32::from(rules.forbidden.contains(&g));
            }
            if let Some(s) = r.score.or_else(|| r.grade.and_then(|g| rules.grade_score(g))) {
                regular_sum += i128::from(s);
                regular_n += 1;
            }
        }
        let regular_ok = if recorded == 0 { !rules.require_records } else { forbidden == 0 && good * 100 >= rules.min_good_share * recorded };

        // The score.
        let dims = input.and_then(|a| {
            let w = &rules.weights[weights_index?];
            let parts = std::array::from_fn::<_, 5, _>(|i| {
                let weight = w.weights.get(&crate::assessment_rules::Dimension::ALL[i]).copied().unwrap_or(0);
                (weight, a.dimensions[i].map(|s| Fraction { num: i128::from(s), den: 1 }))
            });
            weighted(parts)
        });
        let regular_avg = (regular_n > 0).then_some(Fraction { num: regular_sum, den: regular_n });
        let democratic = input.and_then(|a| a.democratic).map(|d| Fraction { num: i128::from(d), den: 1 });
        let score = if dims.is_some() || democratic.is_some() {
            let (b1, b2, b3) = rules.blend;
            weighted([(b1, dims), (b2, regular_avg), (b3, democratic)]).map(Fraction::rounded)
        } else {
            None
        };

        // 补定等次: 5B alone, the investigation closed after the year end, and nothing decided since
        // its start heavier than a 警告 (a discipline whose effect is only "not 优秀").
        let supplementable = match ungraded.as_slice() {
            [only] if matches!(rules.ungraded[only.rule].rule, UngradedRule::Investigation) => mine
                .iter()
                .filter(|r| profile.restriction(&r.kind).is_some_and(|x| x.block == crate::profile::RestrictionBlock::Investigation))
                .find(|r| r.date <= dec31 && r.end.is_none_or(|e| e > dec31))
                .and_then(|inv| {
                    let closed = inv.end?;
                    let heavier = mine.iter().any(|r| {
                        r.date >= inv.date && rules.discipline_of(&r.kind).is_some_and(|d| rules.discipline[d].effect != DisciplineEffect::NotExcellent)
                    });
                    (!heavier).then_some(closed)
                }),
            _ => None,
        };

        let graded = ungraded.is_empty();
        let excellent_eligible = graded && forced.is_none() && !not_excellent && regular_ok;
        let mut flags = Vec::new();
        if forced.is_some() {
            flags.push(Flag::DisciplineIncompetent);
        }
        let is_sanction = |h: &DisciplineHit| profile.restriction(&h.kind).is_some_and(|r| r.block == crate::profile::RestrictionBlock::Sanction);
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

        let mut organ = organ_index.get(person.organ.as_str()).copied().unwrap_or(0);
        // 领导成员 under one 主管机关 may share a pool, named after the 主管机关.
        if person.is_leader && rules.leaders_by_supervisor {
            if let Some(sup) = supervisors.get(person.organ.as_str()) {
                organ = *organ_index.entry(sup).or_insert_with(|| {
                    organ_order.push(sup);
                    organ_order.len() - 1
                });
            }
        }
        let key = if person.is_leader {
            0
        } else if rules.split_by_tier {
            1 + tier.unwrap_or(rules.tiers.len().saturating_sub(1))
        } else {
            usize::MAX
        };
        keys.push((organ, key));
        people.push(Assessed {
            person: pi,
            pool: 0,
            tier,
            weights: weights_index,
            ungraded,
            set_aside,
            discipline: hits,
            forced,
            probation_exempt,
            regular: (recorded, good, forbidden),
            regular_ok,
            components: (dims.map(Fraction::rounded), regular_avg.map(Fraction::rounded), democratic.map(Fraction::rounded)),
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
        });
    }

    let participates = |a: &Assessed| a.ungraded.first().is_none_or(|h| rules.counted_ungraded.contains(&h.code));

    // Pools: leaders, then non-leaders or tiers, then the merged small tiers.
    let merged_key = usize::MAX - 1;
    if rules.split_by_tier && rules.merge_below > 0 {
        let mut counts: BTreeMap<(usize, usize), u32> = BTreeMap::new();
        for (a, k) in people.iter().zip(&keys) {
            if k.1 != 0 && participates(a) {
                *counts.entry(*k).or_default() += 1;
            } else {
                counts.entry(*k).or_default();
            }
        }
        for k in keys.iter_mut() {
            if k.1 != 0 && counts.get(k).copied().unwrap_or(0) < rules.merge_below {
                k.1 = merged_key;
            }
        }
    }
    let mut seen: HashMap<(usize, usize), ()> = HashMap::default();
    let mut pool_keys: Vec<(usize, usize)> = keys.iter().copied().filter(|k| seen.insert(*k, ()).is_none()).collect();
    pool_keys.sort_by_key(|&(o, k)| (o, if k == usize::MAX { 1 } else { k }));
    let organs_by_name: HashMap<&str, &crate::roster::Organ> = roster.organs.iter().map(|o| (o.name.as_str(), o)).collect();
    let mut pools: Vec<PoolResult> = Vec::with_capacity(pool_keys.len());
    let mut pool_of: HashMap<(usize, usize), usize> = HashMap::default();
    for &(o, k) in &pool_keys {
        let name = match k {
            0 if rules.leaders_by_supervisor && !organs_by_name.contains_key(organ_order[o]) => "所属单位领导成员".to_string(),
            0 => "领导成员".to_string(),
            k if k == usize::MAX => "非领导成员".to_string(),
            k if k == merged_key => format!("合并（不足{}人的层次）", rules.merge_below),
            k => rules.tiers[k - 1].name.clone(),
        };
        let organ_name = organ_order[o];
        let organ = organs_by_name.get(organ_name).copied();
        let (ratio, ratio_source, ratio_basis) = if let Some((bp, basis)) = decisions.approved_ratios.get(organ_name) {
            (*bp, RatioSource::Approved, Some(basis.clone()))
        } else if let Some(bp) = organ.and_then(|x| x.excellent_ratio) {
            (bp, RatioSource::Organ, None)
        } else if let Some((rating, bp)) =
            organ.and_then(|x| x.performance_rating.as_deref()).and_then(|r| rules.organ_rating.iter().find(|(name, _)| *name == crate::profile::squeeze(r)))
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
    for (ai, k) in keys.iter().enumerate() {
        let p = pool_of[k];
        people[ai].pool = p;
        pools[p].members.push(ai);
    }

    for pool in pools.iter_mut() {
        decide_pool(pool, &mut people, rules, year, &regular);
    }

    // Final grades.
    for a in people.iter_mut() {
        if !a.ungraded.is_empty() {
            if let (Some(_), Some((g, why))) = (a.supplementable, decisions.supplements.get(&roster.people[a.person].id)) {
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
        pool.final_excellent =
            pool.members.iter().filter(|&&m| people[m].supplement.is_none() && people[m].final_grade == Some(Grade::Excellent)).count() as u32;
    }

    let consequences = consequences(&people, roster, profile, year, &history, &restrictions, decisions.finalized_on);
    AssessmentResult { year, normal_ratio: rules.ratio, people, pools, consequences }
}

/// Quota, mode, ranks, suggestions, ties and 平时 checks of one pool.
fn decide_pool(pool: &mut PoolResult, people: &mut [Assessed], rules: &AssessmentRules, year: i32, regular: &ByPerson<RegularRecord>) {
    let participates = |a: &Assessed| a.ungraded.first().is_none_or(|h| rules.counted_ungraded.contains(&h.code));
    pool.participants = pool.members.iter().filter(|&&m| participates(&people[m])).count() as u32;
    let ungraded = pool.members.iter().filter(|&&m| !people[m].ungraded.is_empty()).count() as u32;
    let counted = pool.members.iter().filter(|&&m| !people[m].ungraded.is_empty() && participates(&people[m])).count() as u32;
    pool.ungraded = (counted, ungraded - counted);
    pool.quota = pool.rounding.apply(u64::from(pool.participants) * u64::from(pool.ratio), 10_000) as u32;
    let graded: Vec<usize> = pool.members.iter().copied().filter(|&m| people[m].ungraded.is_empty()).collect();
    pool.mode = if graded.iter().any(|&m| people[m].score.is_some()) { Mode::Score } else { Mode::Proposal };

    // Ranks among graded members with a score (competition ranking).
    let mut scored: Vec<usize> = pool.members.iter().copied().filter(|&m| people[m].score.is_some() && people[m].ungraded.is_empty()).collect();
    scored.sort_by_key(|&m| (std::cmp::Reverse(people[m].score), people[m].person));
    let mut rank = 0;
    for (i, &m) in scored.iter().enumerate() {
        if i == 0 || people[scored[i - 1]].score != people[m].score {
            rank = i as u32 + 1;
        }
        people[m].rank_in_pool = Some(rank);
    }

    match pool.mode {
        Mode::Score => {
            let candidates: Vec<usize> = scored
                .iter()
                .copied()
                .filter(|&m| people[m].ungraded.is_empty() && people[m].excellent_eligible && people[m].score >= Some(rules.basic_below))
                .collect();
            let q = pool.quota as usize;
            let mut excellent: Vec<usize> = Vec::new();
            if candidates.len() <= q {
                excellent = candidates.clone();
            } else if q > 0 {
                let line = people[candidates[q - 1]].score;
                if people[candidates[q]].score == line {
                    excellent = candidates.iter().copied().filter(|&m| people[m].score > line).collect();
                    pool.tied_at_line = candidates.iter().copied().filter(|&m| people[m].score == line).collect();
                } else {
                    excellent = candidates[..q].to_vec();
                }
            }
            let excellent: std::collections::HashSet<usize> = excellent.into_iter().collect();
            let tied: std::collections::HashSet<usize> = pool.tied_at_line.iter().copied().collect();
            for &m in &graded {
                let a = &mut people[m];
                a.suggested = if let Some(f) = a.forced {
                    Some(f)
                } else if excellent.contains(&m) {
                    Some(Grade::Excellent)
                } else if tied.contains(&m) {
                    a.flags.push(Flag::TieAtLine);
                    None
                } else {
                    match a.score {
                        Some(s) if s < rules.incompetent_below => Some(Grade::Incompetent),
                        Some(s) if s < rules.basic_below => Some(Grade::BasicallyCompetent),
                        Some(_) => Some(Grade::Competent),
                        None => {
                            a.flags.push(Flag::MissingScore);
                            Some(Grade::Competent)
                        }
                    }
                };
            }
        }
        Mode::Proposal => {
            let proposed_excellent = graded.iter().filter(|&&m| people[m].forced.is_none() && people[m].proposal == Some(Grade::Excellent)).count() as u32;
            for &m in &graded {
                let a = &mut people[m];
                if let Some(f) = a.forced {
                    a.suggested = Some(f);
                    continue;
                }
                match a.proposal {
                    Some(g) => {
                        a.suggested = Some(g);
                        if g == Grade::Excellent && !a.excellent_eligible {
                            a.flags.push(Flag::ProposalNotEligible);
                        }
                        if g == Grade::Excellent && proposed_excellent > pool.quota {
                            a.flags.push(Flag::OverQuota);
                        }
                    }
                    None => {
                        a.suggested = Some(Grade::Competent);
                        a.flags.push(Flag::NoProposal);
                    }
                }
            }
        }
    }
    pool.excellent = graded.iter().filter(|&&m| people[m].suggested == Some(Grade::Excellent)).count() as u32;
    for &m in &pool.members {
        people[m].flags.sort();
    }

    // 平时: more 好 in a period than the limit allows.
    let mut periods: BTreeMap<Period, (u32, u32)> = BTreeMap::new();
    for &m in &pool.members {
        for r in regular.of(people[m].person).iter().filter(|r| r.year == year) {
            let Some(g) = r.grade.or_else(|| r.score.map(|s| rules.band(s))) else { continue };
            let e = periods.entry(r.period).or_default();
            e.0 += 1;
            if g == RegularGrade::Good {
                e.1 += 1;
            }
        }
    }
    pool.regular_checks = periods
        .into_iter()
        .filter_map(|(period, (recorded, good))| {
            let limit = recorded * rules.good_limit / 100;
            (good > limit).then_some(RegularCheck { period, recorded, good, limit })
        })
        .collect();
}

fn consequences(
    people: &[Assessed],
    roster: &Roster,
    profile: &Profile,
    year: i32,
    history: &ByPerson<crate::roster::YearResult>,
    restrictions: &ByPerson<Restriction>,
    finalized_on: Option<NaiveDate>,
) -> Vec<Consequence> {
    let rules = &profile.assessment;
    let next_year = year_start(year + 1);
    let mut out = Vec::new();
    for (ai, a) in people.iter().enumerate() {
        let Some(g) = a.final_grade.filter(|_| a.ungraded.is_empty()) else { continue };
        let person = &roster.people[a.person];
        let past = history.of(a.person);
        let grade_in = |y: i32| past.iter().find(|r| r.year == y && y < year).and_then(|r| r.result.grade());
        // The first restriction in effect on `day` that withholds a 级别 (`level`) or 档次 step.
        let withheld_by = |day: NaiveDate, level: bool| -> Option<(usize, usize, NaiveDate, Option<NaiveDate>)> {
            restrictions.of(a.person).iter().find_map(|r| {
                let (bi, b) = rules.step_blocks.iter().enumerate().find(|(_, b)| if level { b.level } else { b.step } && b.kinds.contains(&r.kind))?;
                let ki = b.kinds.iter().position(|k| *k == r.kind)?;
                // As promotion counts it (a kind without a period ends the day before its
                // recorded conclusion).
                let until = match profile.restriction(&r.kind) {
                    Some(rule) => rule.until(r),
                    None => r.end.and_then(|e| e.pred_opt()),
                };
                (r.date <= day && until.is_none_or(|u| u >= day)).then_some((bi, ki, r.date, until))
            })
        };
        let counted = |g: Grade| matches!(g, Grade::Excellent | Grade::Competent);
        let mut push = |kind, due, detail| out.push(Consequence { assessed: ai, kind, due, detail });
        if g == Grade::Excellent {
            push(ConsequenceKind::Commendation, None, Detail::Grade(g));
            // The run of 优秀 years ending with this one; with `merit_restarts` each full run of n
            // gives one 三等功, else every year from the n-th on.
            let n = rules.merit_consecutive;
            let run = 1 + (1..).take_while(|k| grade_in(year - k) == Some(Grade::Excellent)).count() as u32;
            if n > 0 && run >= n && (!rules.merit_restarts || run.is_multiple_of(n)) {
                push(ConsequenceKind::Merit, None, Detail::Run(n));
            }
        }
        if counted(g) {
            push(ConsequenceKind::Bonus, None, Detail::Grade(g));
        }
        if g == Grade::BasicallyCompetent {
            push(ConsequenceKind::Admonition, None, Detail::Grade(g));
        }
        if g == Grade::Incompetent {
            push(ConsequenceKind::Demotion, None, Detail::Grade(g));
            let n = rules.dismissal_consecutive as i32;
            if n > 0 && (1..n).all(|k| grade_in(year - k) == Some(Grade::Incompetent)) {
                push(ConsequenceKind::DismissalReview, None, Detail::Run(n as u32));
            }
        }
        if counted(g) {
            // 档次/级别起算时间 is the day the present 档次 (级别) took effect. The years that count
            // are the whole calendar years from then on: the year of that day counts only when the
            // day is its 1 January (the usual date), so a step of 2023-01-01 counts 2023 and one
            // given on 2023-07-01 counts from 2024. This year counts itself (it is graded 称职+).
            let first_year = |since: NaiveDate| if since.ordinal() == 1 { since.year() } else { since.year() + 1 };
            let counted_since = |since: NaiveDate| {
                if year < first_year(since) {
                    return 0;
                }
                (first_year(since)..year).filter(|&y| grade_in(y).is_some_and(counted)).count() as u32 + 1
            };
            if let (Some(step), Some(since)) = (person.step, person.step_since) {
                let n = counted_since(since);
                if n > 0 && n % rules.years_per_step == 0 {
                    match withheld_by(next_year, false) {
                        Some((block, kind, from, until)) => push(
                            ConsequenceKind::StepWithheld,
                            None,
                            Detail::Withheld { counted: n, since: first_year(since), current: step, on: next_year, block, kind, from, until },
                        ),
                        None => push(
                            ConsequenceKind::GradeStep,
                            Some(next_year),
                            Detail::Counted { counted: n, since: first_year(since), current: step, highest: None },
                        ),
                    }
                }
            }
            if let (Some(level), Some(since), Some(rank)) = (person.level, person.level_since, profile.rank_ref(&person.rank)) {
                let n = counted_since(since);
                let highest = profile.rank(rank).grades.0;
                if n > 0 && n % rules.years_per_level == 0 && level > highest {
                    match withheld_by(next_year, true) {
                        Some((block, kind, from, until)) => push(
                            ConsequenceKind::LevelWithheld,
                            None,
                            Detail::Withheld { counted: n, since: first_year(since), current: level, on: next_year, block, kind, from, until },
                        ),
                        None => push(
                            ConsequenceKind::LevelUp,
                            Some(next_year),
                            Detail::Counted { counted: n, since: first_year(since), current: level, highest: Some(highest) },
                        ),
                    }
                }
            }
        }
        // 复核/申诉 only for 不称职 (公务员法 第九十五条第（四）项).
        if g == Grade::Incompetent {
            let due = finalized_on.and_then(|d| d.checked_add_days(Days::new(u64::from(rules.review_days))));
            push(ConsequenceKind::ReviewDeadline, due, Detail::Review { grade: g, from: finalized_on });
        }
    }
    out
}

/// Why the year cannot be finalised yet, in Chinese; empty when it can.
pub fn finalize_problems(result: &AssessmentResult, roster: &Roster) -> Vec<String> {
    let mut out = Vec::new();
    for a in &result.people {
        if a.ungraded.is_empty() && a.final_grade.is_none() {
            let p = &roster.people[a.person];
            out.push(format!("{}（{}）与他人同分并列于优秀名额线，尚未确定等次：请考核委员会确定其等次（修改等次并写明理由）", p.name, p.id));
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

/// Renders a citation for a reason sentence.
pub(crate) fn cite_text(c: &Citation) -> String {
    match c.status {
        Status::U => format!("〔依据：{}；待核实〕", c.text),
        _ => format!("〔依据：{}〕", c.text),
    }
}

/// The assessment as people read it: names, Chinese grades and reasons citing their rules. The
/// shape of `kaohe assess --json` (docs/cli.md).
pub mod report {
    use super::*;
    use crate::report::ProfileRef;

    #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AssessedPerson"))]
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct PersonReport {
        pub id: String,
        pub name: String,
        pub organ: String,
        pub pool: String,
        pub category: String,
        pub rank: String,
        /// 单位及职务 as the national system writes it: organ, department, post (or rank).
        pub unit_and_post: String,
        pub tier: Option<String>,
        pub score: Option<f64>,
        pub rank_in_pool: Option<u32>,
        #[cfg_attr(feature = "ts", ts(as = "Option<crate::ts::GradeName>"))]
        pub proposal: Option<&'static str>,
        #[cfg_attr(feature = "ts", ts(as = "Option<crate::ts::GradeName>"))]
        pub suggested: Option<&'static str>,
        #[cfg_attr(feature = "ts", ts(as = "Option<crate::ts::GradeName>"))]
        #[serde(rename = "final")]
        pub final_grade: Option<&'static str>,
        #[cfg_attr(feature = "ts", ts(as = "Option<crate::ts::NationalCode>"))]
        pub code: Option<&'static str>,
        pub excellent_eligible: bool,
        pub flags: Vec<Flag>,
        /// 5B whose investigation has closed with no 处分 heavier than a 警告: a grade may be set
        /// afterwards (补定等次), also in a finalised year.
        pub supplementable: bool,
        /// The grade was set afterwards (补定等次); `final` and `code` are that grade's.
        pub supplemented: bool,
        pub reasons: Vec<String>,
    }

    #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "RegularCheck"))]
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct RegularCheckReport {
        pub period: String,
        pub recorded: u32,
        pub good: u32,
        pub limit: u32,
        /// The check in words, citing its rule (待核实 while the 40% is a local practice).
        pub reason: String,
    }

    #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AssessmentPool"))]
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct PoolReport {
        pub organ: String,
        pub pool: String,
        pub mode: Mode,
        pub members: usize,
        pub participants: u32,
        pub ratio: f64,
        pub ratio_source: RatioSource,
        pub exact: f64,
        pub quota: u32,
        pub rounding: Rounding,
        pub excellent: u32,
        pub final_excellent: u32,
        pub tied_at_line: Vec<String>,
        pub regular_checks: Vec<RegularCheckReport>,
        /// The arithmetic in words.
        pub arithmetic: String,
        /// Members not graded (5A, 5B, 5C, 6A), and how many of them count in `participants`.
        pub ungraded: u32,
        pub ungraded_counted: u32,
        /// The ratio is above the profile's normal ratio with no approval recorded: the year
        /// cannot be finalised.
        pub ratio_unapproved: bool,
    }

    #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "Consequence"))]
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct ConsequenceReport {
        pub id: String,
        pub name: String,
        pub kind: ConsequenceKind,
        pub due: Option<NaiveDate>,
        pub reason: String,
    }

    #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct AssessmentReport {
        pub year: i32,
        pub profile: ProfileRef,
        pub finalized_on: Option<NaiveDate>,
        /// The highest 优秀 ratio that may be approved, in percent (the profile's).
        pub max_ratio: f64,
        pub people: Vec<PersonReport>,
        pub pools: Vec<PoolReport>,
        pub consequences: Vec<ConsequenceReport>,
    }

    fn hundredths(v: Hundredths) -> f64 {
        v as f64 / 100.0
    }

    fn two(v: Hundredths) -> String {
        format!("{}.{:02}", v / 100, v % 100)
    }

    fn percent(bp: BasisPoints) -> String {
        format!("{}%", percent_number(bp))
    }

    /// 20 for 2000 basis points, 22.5 for 2250.
    pub fn percent_number(bp: BasisPoints) -> String {
        if bp.is_multiple_of(100) {
            format!("{}", bp / 100)
        } else {
            format!("{}", bp as f64 / 100.0)
        }
    }

    pub fn kind_label(k: ConsequenceKind) -> &'static str {
        match k {
            ConsequenceKind::Commendation => "嘉奖",
            ConsequenceKind::Merit => "记三等功",
            ConsequenceKind::Bonus => "年终一次性奖金",
            ConsequenceKind::Admonition => "诫勉",
            ConsequenceKind::Demotion => "降低一个职务或职级层次",
            ConsequenceKind::DismissalReview => "辞退审查",
            ConsequenceKind::GradeStep => "晋升档次",
            ConsequenceKind::LevelUp => "晋升级别",
            ConsequenceKind::ReviewDeadline => "复核申诉期限",
            ConsequenceKind::StepWithheld => "暂不晋升档次",
            ConsequenceKind::LevelWithheld => "暂不晋升级别",
        }
    }

    pub fn flag_label(f: Flag) -> &'static str {
        match f {
            Flag::TieAtLine => "名额线同分",
            Flag::MissingScore => "缺少评分",
            Flag::NoProposal => "无建议等次",
            Flag::ProposalNotEligible => "建议优秀但不符合条件",
            Flag::OverQuota => "建议优秀超出名额",
            Flag::ProposalIgnored => "不定等次人员的建议等次未采用",
            Flag::WarningNoExcellent => "受警告处分不得评优",
            Flag::RegularRuleFailed => "平时考核不满足评优条件",
            Flag::DisciplineNoExcellent => "受党纪处分、诫勉或组织处理不得评优",
            Flag::DisciplineIncompetent => "受党纪处分确定为不称职",
        }
    }

    fn source_label(pool: &PoolResult) -> String {
        match pool.ratio_source {
            RatioSource::Approved => format!("经批准的比例（{}）", pool.ratio_basis.clone().unwrap_or_default()),
            RatioSource::Organ => "单位表填写的优秀比例".to_string(),
            RatioSource::Rating => format!("机关绩效等次「{}」对应的比例", pool.ratio_basis.clone().unwrap_or_default()),
            RatioSource::Default => "规则默认比例".to_string(),
        }
    }

    /// "10人 × 20% = 2.00 → 2名（向下取整；比例来源：规则默认比例）", then what a setting to be
    /// verified changes (待核实) and a ratio still to be approved.
    pub fn arithmetic(pool: &PoolResult, rules: &AssessmentRules) -> String {
        let pending = |c: &Citation| if c.status == Status::U { "，待核实" } else { "" };
        let rating = if pool.ratio_source == RatioSource::Rating { pending(&rules.rating_cite) } else { "" };
        let mut out = format!(
            "{}人 × {} = {} → {}名（{}；比例来源：{}{rating}）",
            pool.participants,
            percent(pool.ratio),
            two(pool.exact_hundredths() as Hundredths),
            pool.quota,
            pool.rounding.label(),
            source_label(pool)
        );
        let (counted, excluded) = pool.ungraded;
        let mut base = Vec::new();
        if counted > 0 {
            base.push(format!("含不确定等次的{counted}人"));
        }
        if excluded > 0 {
            base.push(format!("不含不确定等次的{excluded}人"));
        }
        if !base.is_empty() {
            out.push_str(&format!("；参加人数{}{}", base.join("、"), pending(&rules.counted_ungraded_cite)));
        }
        if pool.ratio_unapproved {
            out.push_str(&format!("；比例高于规定的{}，尚未记录批准，不能定稿", percent(rules.ratio)));
        }
        out
    }

    impl AssessmentReport {
        pub fn build(result: &AssessmentResult, roster: &Roster, profile: &Profile, decisions: &Decisions) -> AssessmentReport {
            let rules = &profile.assessment;
            let people = result
                .people
                .iter()
                .map(|a| {
                    let p = &roster.people[a.person];
                    let pool = &result.pools[a.pool];
                    PersonReport {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        organ: p.organ.clone(),
                        pool: pool.name.clone(),
                        category: p.category.clone(),
                        rank: p.rank.clone(),
                        unit_and_post: format!("{}{}{}", p.organ, p.department.as_deref().unwrap_or(""), p.post.as_deref().unwrap_or(&p.rank)),
                        tier: a.tier.map(|t| rules.tiers[t].name.clone()),
                        score: a.score.map(hundredths),
                        rank_in_pool: a.rank_in_pool,
                        proposal: a.proposal.map(Grade::name),
                        suggested: a.suggested.map(Grade::name),
                        final_grade: a.final_grade.map(Grade::name),
                        code: a.code().map(ResultCode::code),
                        excellent_eligible: a.excellent_eligible,
                        supplementable: a.supplementable.is_some(),
                        supplemented: a.supplement.is_some(),
                        flags: a.flags.clone(),
                        reasons: reasons(a, pool, result, roster, profile),
                    }
                })
                .collect();
            let id = |ai: &usize| roster.people[result.people[*ai].person].id.clone();
            let pools = result
                .pools
                .iter()
                .map(|p| PoolReport {
                    organ: p.organ.clone(),
                    pool: p.name.clone(),
                    mode: p.mode,
                    members: p.members.len(),
                    participants: p.participants,
                    ratio: p.ratio as f64 / 100.0,
                    ratio_source: p.ratio_source,
                    exact: p.exact_hundredths() as f64 / 100.0,
                    quota: p.quota,
                    rounding: p.rounding,
                    excellent: p.excellent,
                    final_excellent: p.final_excellent,
                    tied_at_line: p.tied_at_line.iter().map(id).collect(),
                    regular_checks: p
                        .regular_checks
                        .iter()
                        .map(|c| RegularCheckReport {
                            period: c.period.code(),
                            recorded: c.recorded,
                            good: c.good,
                            limit: c.limit,
                            reason: format!(
                                "{}有平时考核记录{}人，其中“好”{}人，超过{}%（{}人）{}",
                                c.period.label(),
                                c.recorded,
                                c.good,
                                rules.good_limit,
                                c.limit,
                                cite_text(&rules.regular_cite)
                            ),
                        })
                        .collect(),
                    arithmetic: arithmetic(p, rules),
                    ungraded: p.ungraded.0 + p.ungraded.1,
                    ungraded_counted: p.ungraded.0,
                    ratio_unapproved: p.ratio_unapproved,
                })
                .collect();
            let consequences = result
                .consequences
                .iter()
                .map(|c| {
                    let p = &roster.people[result.people[c.assessed].person];
                    ConsequenceReport {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        kind: c.kind,
                        due: c.due,
                        reason: c.reason(result.year, &p.rank, &profile.assessment),
                    }
                })
                .collect();
            AssessmentReport {
                year: result.year,
                profile: ProfileRef::of(profile),
                finalized_on: decisions.finalized_on,
                max_ratio: f64::from(rules.max_ratio) / 100.0,
                people,
                pools,
                consequences,
            }
        }
    }

    fn reasons(a: &Assessed, pool: &PoolResult, result: &AssessmentResult, roster: &Roster, profile: &Profile) -> Vec<String> {
        let rules = &profile.assessment;
        let mut out = Vec::new();
        let tier = a.tier.map(|t| rules.tiers[t].name.as_str()).unwrap_or("未分层");
        out.push(format!("考核池：{}·{}（{}）；{}{}", pool.organ, pool.name, tier, arithmetic(pool, rules), cite_text(&rules.quota_cite)));
        if roster.people[a.person].is_leader {
            let how = if rules.leaders_by_supervisor && pool.organ != roster.people[a.person].organ {
                format!("与{}所属各单位的领导成员合并设池", pool.organ)
            } else {
                "按本单位单独设池".to_string()
            };
            out.push(format!("领导成员由主管机关考核，{how}{}", cite_text(&rules.leaders_cite)));
        }
        let hit_cite = |h: &UngradedHit| cite_text(h.discipline.map(|d| &rules.discipline[d].cite).unwrap_or(&rules.ungraded[h.rule].cite));
        for h in &a.ungraded {
            out.push(format!("参加考核，不确定等次（{}，{}）：{}{}", h.code.code(), h.code.label(), h.detail, hit_cite(h)));
        }
        // The discipline hits that are not a 不确定等次 line: 不称职 first, then not 优秀.
        for h in a.discipline.iter().filter(|h| h.effect != DisciplineEffect::Ungraded) {
            let outweighed = match (h.effect, a.forced.is_some() || !a.ungraded.is_empty()) {
                (DisciplineEffect::NotExcellent, true) => "；另有较重的情形，按较重者处理",
                _ => "",
            };
            out.push(format!("{}{outweighed}{}", discipline_words(h, rules, result.year), cite_text(&rules.discipline[h.rule].cite)));
        }
        for h in &a.set_aside {
            out.push(format!("另有参加考核、不确定等次的情形（{}，{}）：{}；按较重的不称职处理{}", h.code.code(), h.code.label(), h.detail, hit_cite(h)));
        }
        if let Some(why) = &a.probation_exempt {
            let cite = rules.ungraded.iter().find(|u| matches!(u.rule, UngradedRule::Probation { .. })).map(|u| cite_text(&u.cite)).unwrap_or_default();
            out.push(format!("{why}{cite}"));
        }
        if a.ungraded.is_empty() {
            let (recorded, good, forbidden) = a.regular;
            if recorded > 0 {
                let verdict = if a.regular_ok { "符合评优条件" } else { "不符合评优条件" };
                out.push(format!(
                    "平时考核：{recorded}个期间中“好”{good}个，“一般”或“较差”{forbidden}个；评优要求“好”不少于{}%且无{}，{verdict}{}",
                    rules.min_good_share,
                    rules.forbidden.iter().map(|g| format!("“{}”", g.name())).collect::<Vec<_>>().join("、"),
                    cite_text(&rules.regular_cite)
                ));
            }
        }
        if let Some(score) = a.score {
            let (b1, b2, b3) = rules.blend;
            let mut parts = Vec::new();
            if let Some(d) = a.components.0 {
                let w = a.weights.map(|w| &rules.weights[w]);
                let ws = w.map(|w| w.weights.iter().map(|(k, v)| format!("{}{}%", k.name(), v)).collect::<Vec<_>>().join("、")).unwrap_or_default();
                parts.push(format!("德能勤绩廉 {}（权重 {ws}）× {b1}%", two(d)));
            }
            if let Some(r) = a.components.1 {
                parts.push(format!("平时考核平均 {} × {b2}%", two(r)));
            }
            if let Some(m) = a.components.2 {
                parts.push(format!("民主测评 {} × {b3}%", two(m)));
            }
            let rank = a.rank_in_pool.map(|r| format!("，池内第{r}名")).unwrap_or_default();
            out.push(format!("综合得分 {}（{}，按权重合计后保留两位小数）{rank}{}", two(score), parts.join(" + "), cite_text(&rules.score_cite)));
        }
        let suggestion = match (pool.mode, a.suggested, a.flags.contains(&Flag::TieAtLine)) {
            _ if !a.ungraded.is_empty() => None,
            (_, Some(g), _) if a.forced == Some(g) => Some(format!("因所受处分按规定确定为{}，不因得分或主管领导建议等次改变", g.name())),
            (_, None, true) => {
                Some(format!("与池内其他{}人同分并列于优秀名额线，名额不足以全部确定为优秀，请考核委员会决定", pool.tied_at_line.len().saturating_sub(1)))
            }
            (Mode::Score, Some(Grade::Excellent), _) => {
                // Competition rank among the pool's members who may be 优秀.
                let better = pool
                    .members
                    .iter()
                    .map(|&m| &result.people[m])
                    .filter(|b| b.excellent_eligible && b.ungraded.is_empty() && b.score.is_some_and(|s| a.score.is_some_and(|mine| s > mine)))
                    .count();
                Some(format!("在符合评优条件人员中排第{}名，在优秀名额（{}名）以内，建议优秀", better + 1, pool.quota))
            }
            (Mode::Score, Some(g), _) if a.flags.contains(&Flag::MissingScore) => Some(format!("没有评分，建议{}", g.name())),
            (Mode::Score, Some(Grade::Incompetent), _) => Some(format!("综合得分低于{}分，建议不称职", two(rules.incompetent_below))),
            (Mode::Score, Some(Grade::BasicallyCompetent), _) => Some(format!("综合得分低于{}分，建议基本称职", two(rules.basic_below))),
            (Mode::Score, Some(g), _) => Some(format!("未进入优秀名额，综合得分不低于{}分，建议{}", two(rules.basic_below), g.name())),
            (Mode::Proposal, Some(g), _) if a.proposal.is_some() => Some(format!("主管领导建议等次为{}，采用建议", g.name())),
            (Mode::Proposal, Some(g), _) => Some(format!("无主管领导建议等次，建议{}", g.name())),
            _ => None,
        };
        out.extend(suggestion);
        if a.flags.contains(&Flag::ProposalNotEligible) {
            out.push("建议为优秀，但不符合评优条件，请核查".to_string());
        }
        if a.flags.contains(&Flag::OverQuota) {
            out.push(format!("本池建议优秀的人数超过{}个名额，请考核委员会核减", pool.quota));
        }
        if a.flags.contains(&Flag::ProposalIgnored) {
            out.push("不定等次人员的主管领导建议等次未采用".to_string());
        }
        if let Some(closed) = a.supplementable {
            let cite = a.ungraded.first().map(|h| cite_text(&rules.ungraded[h.rule].cite)).unwrap_or_default();
            let closed = closed.format("%Y年%-m月%-d日");
            out.push(match &a.supplement {
                Some((g, why)) => format!("立案审查调查已于{closed}结案，其后未受到影响确定等次的处分或处理，补定等次为{}，理由：{why}{cite}", g.name()),
                None => format!("立案审查调查已于{closed}结案，其后未受到影响确定等次的处分或处理，可按规定补定等次{cite}"),
            });
        }
        if let Some(why) = &a.overridden {
            out.push(format!(
                "考核委员会确定为{}（建议为{}），理由：{why}",
                a.final_grade.map(Grade::name).unwrap_or("—"),
                a.suggested.map(Grade::name).unwrap_or("待定")
            ));
        }
        let _ = roster;
        out
    }
}
