//! The profile's `[assessment]` section (docs/assessment.md): who is not graded, pools and tiers,
//! the 优秀 quota, the 平时 rules, score weights and thresholds, and results usage — each with its
//! citation. Parsed from TOML and validated by [`crate::Profile::from_toml`].

use crate::profile::{squeeze, Citation, Problem, Status};
use crate::roster::{RegularGrade, ResultCode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Percent with up to two decimals, kept as basis points (1% = 100) so quota arithmetic is exact.
pub type BasisPoints = u32;

/// A score in hundredths (86.25 → 8625).
pub type Hundredths = i64;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    Floor,
    RoundHalfUp,
    Ceiling,
}

impl Rounding {
    pub fn label(self) -> &'static str {
        match self {
            Rounding::Floor => "向下取整",
            Rounding::RoundHalfUp => "四舍五入",
            Rounding::Ceiling => "向上取整",
        }
    }

    /// Rounds `numerator / denominator` (both ≥ 0).
    pub fn apply(self, numerator: u64, denominator: u64) -> u64 {
        match self {
            Rounding::Floor => numerator / denominator,
            Rounding::RoundHalfUp => (2 * numerator + denominator) / (2 * denominator),
            Rounding::Ceiling => numerator.div_ceil(denominator),
        }
    }
}

/// The five dimensions of 德、能、勤、绩、廉 (《公务员法》第三十五条).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "DimensionKey"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Dimension {
    Virtue,
    Ability,
    Diligence,
    Achievement,
    Integrity,
}

impl Dimension {
    pub const ALL: [Dimension; 5] =
        [Dimension::Virtue, Dimension::Ability, Dimension::Diligence, Dimension::Achievement, Dimension::Integrity];

    pub fn name(self) -> &'static str {
        match self {
            Dimension::Virtue => "德",
            Dimension::Ability => "能",
            Dimension::Diligence => "勤",
            Dimension::Achievement => "绩",
            Dimension::Integrity => "廉",
        }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "UngradedRuleJson"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum UngradedRule {
    /// 5B: 立案调查 open at year end.
    Investigation,
    /// 5C: a 不定等次 of the `discipline` list (by the year of the decision).
    Discipline,
    /// 6A: sick + personal leave days above this.
    Leave { days_over: u32 },
    /// 5A: probation (this many months from entry) not finished by 31 December.
    Probation { months: u32 },
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileUngraded"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ungraded {
    pub code: ResultCode,
    pub rule: UngradedRule,
    pub cite: Citation,
}

/// What a sanction, party discipline, 诫勉 or 组织处理 does to the year's assessment, lightest
/// first (the heaviest of several applies).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DisciplineEffect {
    /// Graded, but never 优秀.
    NotExcellent,
    /// 参加考核，不确定等次 (5C).
    Ungraded,
    /// 确定为不称职 (a forced grade).
    Incompetent,
}

impl DisciplineEffect {
    pub fn label(self) -> &'static str {
        match self {
            DisciplineEffect::NotExcellent => "不得确定为优秀等次",
            DisciplineEffect::Ungraded => "参加考核，不确定等次",
            DisciplineEffect::Incompetent => "确定为不称职等次",
        }
    }
}

/// One `[[assessment.discipline]]` entry: restriction kinds and their effect, counted by the
/// year of the decision (《公务员考核规定》(2020) 第二十九条 and the secondary tables).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileDiscipline"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discipline {
    /// Canonical restriction kinds.
    pub kinds: Vec<String>,
    pub effect: DisciplineEffect,
    /// Assessment years the effect lasts, the decision year first.
    pub years: u32,
    /// After those, this many more years 不确定等次.
    pub then_ungraded_years: u32,
    pub cite: Citation,
}

impl Discipline {
    /// The effect in `year` of a decision made in `decided`, if any.
    pub fn effect_in(&self, decided: i32, year: i32) -> Option<DisciplineEffect> {
        let offset = i64::from(year) - i64::from(decided);
        if offset < 0 {
            None
        } else if offset < i64::from(self.years) {
            Some(self.effect)
        } else if offset < i64::from(self.years) + i64::from(self.then_ungraded_years) {
            Some(DisciplineEffect::Ungraded)
        } else {
            None
        }
    }
}

/// A way of entering the civil service (进入方式), as the 人员 sheet writes it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileEntryMethod"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryMethod {
    pub name: String,
    pub aliases: Vec<String>,
    /// A new recruit with a 试用期: 5A applies.
    pub probation: bool,
}

/// Restriction kinds that withhold a 级别 (`level`) and/or 档次 (`step`) step falling due within
/// their period (公务员法 第六十四条; 管理办法 第十六条).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileStepBlock"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepBlock {
    pub kinds: Vec<String>,
    pub level: bool,
    pub step: bool,
    pub cite: Citation,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileTier"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tier {
    pub name: String,
    pub posts: Vec<String>,
    /// Inclusive range of rank levels.
    pub levels: (u32, u32),
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileWeights"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weights {
    /// Canonical category name, or `None` for any.
    pub category: Option<String>,
    /// Tier name, or `None` for any.
    pub tier: Option<String>,
    /// Percent per dimension.
    pub weights: BTreeMap<Dimension, u32>,
    pub cite: Citation,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileAssessment"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentRules {
    pub ungraded: Vec<Ungraded>,
    /// Sanctions, party discipline, 诫勉 and 组织处理 by the year of the decision.
    pub discipline: Vec<Discipline>,
    /// 进入方式.
    pub entry_methods: Vec<EntryMethod>,
    pub split_by_tier: bool,
    /// 领导成员 of the organs under one 主管机关 (the 单位 sheet's 主管机关) form one pool.
    pub leaders_by_supervisor: bool,
    pub leaders_cite: Citation,
    pub merge_below: u32,
    pub counted_ungraded: Vec<ResultCode>,
    /// Whether 不定等次 people count in the quota's base (待核实 nationally).
    pub counted_ungraded_cite: Citation,
    pub pools_cite: Citation,
    pub tiers: Vec<Tier>,
    pub ratio: BasisPoints,
    pub max_ratio: BasisPoints,
    pub rounding: Rounding,
    /// Organ performance rating → ratio.
    pub organ_rating: Vec<(String, BasisPoints)>,
    /// The rule behind `organ_rating` (a local practice).
    pub rating_cite: Citation,
    pub quota_cite: Citation,
    /// Lower bounds, highest band first.
    pub bands: Vec<(RegularGrade, Hundredths)>,
    pub grade_scores: Vec<(RegularGrade, Hundredths)>,
    pub min_good_share: u32,
    pub forbidden: Vec<RegularGrade>,
    pub require_records: bool,
    pub good_limit: u32,
    pub regular_cite: Citation,
    /// Blend percents: dimensions, 平时, 民主测评.
    pub blend: (u32, u32, u32),
    pub basic_below: Hundredths,
    pub incompetent_below: Hundredths,
    pub score_cite: Citation,
    pub weights: Vec<Weights>,
    pub merit_consecutive: u32,
    pub dismissal_consecutive: u32,
    pub years_per_step: u32,
    pub years_per_level: u32,
    pub review_days: u32,
    pub appeal_days: u32,
    /// 申诉 without a 复核, within this many days.
    pub direct_appeal_days: u32,
    /// After a 记三等功 the run of 优秀 years starts again.
    pub merit_restarts: bool,
    pub merit_restarts_cite: Citation,
    /// Restrictions that withhold a 级别 or 档次 step falling due in their period.
    pub step_blocks: Vec<StepBlock>,
    pub usage_cite: Citation,
    /// The rule behind each consequence kind (`commendation`, `merit`, …).
    pub usage_cites: BTreeMap<String, Citation>,
}

impl AssessmentRules {
    /// The months of a new recruit's probation (the 5A rule's), when the rules have one.
    pub fn probation_months(&self) -> Option<u32> {
        self.ungraded.iter().find_map(|u| match u.rule {
            UngradedRule::Probation { months } => Some(months),
            _ => None,
        })
    }

    /// The last day of a person's probation (试用期): the 5A rule's months from 进入公务员队伍时间.
    /// None without the rule or the date, and for an entry method without probation (调任,
    /// 转任 …; a blank one keeps it: only a new recruit has one, and the clerk knows best).
    pub fn probation_until(&self, person: &crate::Person) -> Option<chrono::NaiveDate> {
        let months = self.probation_months()?;
        let method = person.entry_method.as_deref().and_then(|m| self.entry_method(m));
        if method.is_some_and(|m| !m.probation) {
            return None;
        }
        Some(crate::dates::period_end(person.service_start?, months))
    }

    /// The weights for a category and tier: the first entry matching both.
    pub fn weights_for(&self, category: &str, tier: Option<&str>) -> Option<&Weights> {
        self.weights.iter().find(|w| {
            w.category.as_deref().is_none_or(|c| c == category) && w.tier.as_deref().is_none_or(|t| Some(t) == tier)
        })
    }

    /// The 平时 grade of a score.
    pub fn band(&self, score: Hundredths) -> RegularGrade {
        self.bands.iter().find(|(_, min)| score >= *min).map(|(g, _)| *g).unwrap_or(RegularGrade::Poor)
    }

    /// The canonical 进入方式 of a name or alias (compared without blanks).
    pub fn entry_method(&self, written: &str) -> Option<&EntryMethod> {
        let s = squeeze(written);
        self.entry_methods.iter().find(|e| e.name == s || e.aliases.iter().any(|a| squeeze(a) == s))
    }

    /// The discipline entry of a canonical restriction kind.
    pub fn discipline_of(&self, kind: &str) -> Option<usize> {
        self.discipline.iter().position(|d| d.kinds.iter().any(|k| k == kind))
    }

    pub fn grade_score(&self, grade: RegularGrade) -> Option<Hundredths> {
        self.grade_scores.iter().find(|(g, _)| *g == grade).map(|(_, s)| *s)
    }
}

/// What the other parts of the profile can resolve for this section.
pub(crate) struct Names<'a> {
    pub categories: &'a dyn Fn(&str) -> Option<String>,
    pub posts: &'a dyn Fn(&str) -> Option<String>,
    pub restrictions: &'a dyn Fn(&str) -> Option<String>,
    pub max_level: u32,
}

pub(crate) mod raw {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Section {
        ungraded: Vec<UngradedEntry>,
        #[serde(default)]
        entry_method: Vec<EntryMethodEntry>,
        discipline: Vec<DisciplineEntry>,
        pools: Cited<Pools>,
        tier: Vec<TierEntry>,
        quota: Cited<Quota>,
        regular: Cited<Regular>,
        score: Cited<Score>,
        weights: Vec<WeightsEntry>,
        usage: Cited<Usage>,
    }

    #[derive(Deserialize)]
    struct Cited<T> {
        #[serde(flatten)]
        inner: T,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct UngradedEntry {
        code: String,
        leave_days_over: Option<i64>,
        probation_months: Option<i64>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct EntryMethodEntry {
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
        probation: bool,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct DisciplineEntry {
        kinds: Vec<String>,
        effect: String,
        years: i64,
        #[serde(default)]
        then_ungraded_years: i64,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    struct Pools {
        split_by_tier: bool,
        merge_below: i64,
        counted_ungraded: Vec<String>,
        counted_ungraded_cite: Option<String>,
        counted_ungraded_status: Option<Status>,
        #[serde(default)]
        leaders_by_supervisor: bool,
        leaders_cite: Option<String>,
        leaders_status: Option<Status>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct TierEntry {
        name: String,
        #[serde(default)]
        posts: Vec<String>,
        levels: [i64; 2],
    }

    #[derive(Deserialize)]
    struct Rating {
        rating: String,
        ratio_percent: f64,
    }

    #[derive(Deserialize)]
    struct Quota {
        ratio_percent: f64,
        max_ratio_percent: f64,
        rounding: String,
        #[serde(default)]
        organ_rating: Vec<Rating>,
        rating_cite: Option<String>,
        rating_status: Option<Status>,
    }

    #[derive(Deserialize)]
    struct Band {
        grade: String,
        min: f64,
    }

    #[derive(Deserialize)]
    struct GradeScore {
        grade: String,
        score: f64,
    }

    #[derive(Deserialize)]
    struct Regular {
        bands: Vec<Band>,
        grade_scores: Vec<GradeScore>,
        min_good_share_percent: i64,
        forbidden: Vec<String>,
        require_records: bool,
        good_limit_percent: i64,
    }

    #[derive(Deserialize)]
    struct Blend {
        dimensions: i64,
        regular: i64,
        democratic: i64,
    }

    #[derive(Deserialize)]
    struct Score {
        blend: Blend,
        basic_below: f64,
        incompetent_below: f64,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct WeightsEntry {
        category: String,
        tier: String,
        weights: BTreeMap<String, i64>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct CiteEntry {
        text: String,
        status: Status,
    }

    #[derive(Deserialize)]
    struct Usage {
        #[serde(default)]
        cite_by_kind: BTreeMap<String, CiteEntry>,
        merit_consecutive: i64,
        dismissal_consecutive: i64,
        years_per_step: i64,
        years_per_level: i64,
        review_days: i64,
        appeal_days: i64,
        direct_appeal_days: Option<i64>,
        #[serde(default)]
        merit_restarts: bool,
        merit_restarts_cite: Option<String>,
        merit_restarts_status: Option<Status>,
        #[serde(default)]
        step_block: Vec<StepBlockEntry>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct StepBlockEntry {
        kinds: Vec<String>,
        stops: Vec<String>,
        cite: String,
        status: Status,
    }

    struct Check<'p> {
        problems: &'p mut Vec<Problem>,
    }

    impl Check<'_> {
        fn fail(&mut self, entry: impl Into<String>, message: impl Into<String>) {
            self.problems.push(Problem { entry: entry.into(), message: message.into() });
        }

        fn count(&mut self, entry: &str, value: i64) -> u32 {
            match u32::try_from(value) {
                Ok(v) if value <= crate::profile::MAX_COUNT => v,
                Ok(_) => {
                    self.fail(
                        entry,
                        format!(
                            "数值过大（现为 {value}，规则中的年数、月数、天数等不应超过 {}）",
                            crate::profile::MAX_COUNT
                        ),
                    );
                    0
                }
                Err(_) => {
                    self.fail(entry, format!("应为不小于0的整数（现为 {value}）"));
                    0
                }
            }
        }

        fn percent(&mut self, entry: &str, value: f64) -> BasisPoints {
            if !(0.0..=100.0).contains(&value) {
                self.fail(entry, format!("比例应在 0–100 之间（现为 {value}）"));
                return 0;
            }
            (value * 100.0).round() as BasisPoints
        }

        fn score(&mut self, entry: &str, value: f64) -> Hundredths {
            if !(0.0..=100.0).contains(&value) {
                self.fail(entry, format!("分数应在 0–100 之间（现为 {value}）"));
            }
            (value * 100.0).round() as Hundredths
        }

        /// The 不定等次 codes and the rule each applies by.
        fn ungraded(&mut self, raw: Vec<UngradedEntry>) -> Vec<Ungraded> {
            let mut ungraded = Vec::new();
            for u in raw {
                let entry = format!("不定等次「{}」", u.code);
                let code = ResultCode::parse(&u.code);
                let rule = match (code, u.leave_days_over, u.probation_months) {
                    (Some(ResultCode::UnderInvestigation), None, None) => UngradedRule::Investigation,
                    (Some(ResultCode::Sanctioned), None, None) => UngradedRule::Discipline,
                    (Some(ResultCode::LongLeave), Some(days), None) => {
                        UngradedRule::Leave { days_over: self.count(&entry, days) }
                    }
                    (Some(ResultCode::Probation), None, Some(m)) => {
                        UngradedRule::Probation { months: self.count(&entry, m) }
                    }
                    _ => {
                        self.fail(&entry, "应为 5B（无参数）、5C（无参数，见 assessment.discipline）、6A（leave_days_over）或 5A（probation_months）之一");
                        continue;
                    }
                };
                if ungraded.iter().any(|x: &Ungraded| Some(x.code) == code) {
                    self.fail(&entry, "重复");
                }
                ungraded.push(Ungraded { code: code.unwrap_or(ResultCode::Other), rule, cite: cite(u.cite, u.status) });
            }
            ungraded
        }

        /// The 进入方式, each name and alias once, and whether it has a 试用期.
        fn entry_methods(&mut self, raw: Vec<EntryMethodEntry>) -> Vec<EntryMethod> {
            let mut entry_methods: Vec<EntryMethod> = Vec::new();
            for e in raw {
                let entry = format!("进入方式「{}」", e.name);
                for written in std::iter::once(&e.name).chain(&e.aliases) {
                    let s = squeeze(written);
                    if entry_methods.iter().any(|x| x.name == s || x.aliases.iter().any(|a| squeeze(a) == s)) {
                        self.fail(&entry, format!("「{written}」已是另一进入方式的名称或别名"));
                    }
                }
                entry_methods.push(EntryMethod { name: squeeze(&e.name), aliases: e.aliases, probation: e.probation });
            }
            entry_methods
        }

        /// The effect of each 处分, 党纪处分, 诫勉 or 组织处理 on the assessment; a 5C rule when one leaves a year ungraded.
        fn discipline(&mut self, raw: Vec<DisciplineEntry>, names: &Names, ungraded: &[Ungraded]) -> Vec<Discipline> {
            let mut discipline: Vec<Discipline> = Vec::new();
            for d in raw {
                let entry = format!("考核影响「{}」", d.kinds.join("、"));
                let effect = match d.effect.as_str() {
                    "not_excellent" => DisciplineEffect::NotExcellent,
                    "ungraded" => DisciplineEffect::Ungraded,
                    "incompetent" => DisciplineEffect::Incompetent,
                    other => {
                        self.fail(
                            &entry,
                            format!("effect 应为 not_excellent、ungraded 或 incompetent（现为「{other}」）"),
                        );
                        DisciplineEffect::NotExcellent
                    }
                };
                if d.kinds.is_empty() {
                    self.fail(&entry, "kinds 不能为空");
                }
                let mut kinds = Vec::new();
                for k in &d.kinds {
                    match (names.restrictions)(k) {
                        Some(k) if discipline.iter().any(|x| x.kinds.contains(&k)) || kinds.contains(&k) => {
                            self.fail(&entry, format!("「{k}」重复出现在多个条目中"))
                        }
                        Some(k) => kinds.push(k),
                        None => self.fail(&entry, format!("种类「{k}」未在处分列表（restriction）中定义")),
                    }
                }
                let years = self.count(&entry, d.years);
                if years == 0 {
                    self.fail(&entry, "years 应不小于1（决定当年计为第1年）");
                }
                let then_ungraded_years = self.count(&entry, d.then_ungraded_years);
                discipline.push(Discipline { kinds, effect, years, then_ungraded_years, cite: cite(d.cite, d.status) });
            }
            let needs_5c =
                discipline.iter().any(|d| d.effect == DisciplineEffect::Ungraded || d.then_ungraded_years > 0);
            if needs_5c && !ungraded.iter().any(|u| u.rule == UngradedRule::Discipline) {
                self.fail("assessment.discipline", "有不确定等次的条目，但 assessment.ungraded 中没有 5C");
            }
            discipline
        }

        /// The 不定等次 codes counted among a pool's participants.
        fn counted_ungraded(&mut self, codes: &[String]) -> Vec<ResultCode> {
            let mut counted_ungraded = Vec::new();
            for code in codes {
                match ResultCode::parse(code).filter(|r| r.grade().is_none()) {
                    Some(r) => counted_ungraded.push(r),
                    None => self.fail(
                        "assessment.pools.counted_ungraded",
                        format!("「{code}」不是不定等次代码（5A、5B、5C、6A）"),
                    ),
                }
            }
            counted_ungraded
        }

        /// The 考核层次 by post or rank level; every level in one.
        fn tiers(&mut self, raw: Vec<TierEntry>, names: &Names) -> Vec<Tier> {
            let mut tiers: Vec<Tier> = Vec::new();
            for t in raw {
                let entry = format!("考核层次「{}」", t.name);
                let mut posts = Vec::new();
                for p in t.posts {
                    match (names.posts)(&p) {
                        Some(p) => posts.push(p),
                        None => self.fail(&entry, format!("领导职务层次「{p}」未定义")),
                    }
                }
                let (lo, hi) = (self.count(&entry, t.levels[0]), self.count(&entry, t.levels[1]));
                if lo > hi || lo == 0 {
                    self.fail(&entry, format!("levels 应为 [起, 止] 且 1 ≤ 起 ≤ 止（现为 [{lo}, {hi}]）"));
                }
                if tiers.iter().any(|x| x.name == t.name) {
                    self.fail(&entry, "重复");
                }
                tiers.push(Tier { name: t.name, posts, levels: (lo, hi) });
            }
            for level in 1..=names.max_level {
                if !tiers.iter().any(|t| (t.levels.0..=t.levels.1).contains(&level)) {
                    self.fail("assessment.tier", format!("第{level}层级的职级不属于任何考核层次"));
                }
            }
            tiers
        }

        /// The 优秀 ratios: the normal and the highest, the rounding, and a ratio by the organ's 绩效等次.
        fn quota(&mut self, q: Quota) -> (BasisPoints, BasisPoints, Rounding, Vec<(String, BasisPoints)>) {
            let ratio = self.percent("assessment.quota.ratio_percent", q.ratio_percent);
            let max_ratio = self.percent("assessment.quota.max_ratio_percent", q.max_ratio_percent);
            if ratio > max_ratio {
                self.fail("assessment.quota", "ratio_percent 不能大于 max_ratio_percent");
            }
            let rounding = match q.rounding.as_str() {
                "floor" => Rounding::Floor,
                "round_half_up" => Rounding::RoundHalfUp,
                "ceiling" => Rounding::Ceiling,
                other => {
                    self.fail(
                        "assessment.quota.rounding",
                        format!("应为 floor、round_half_up 或 ceiling（现为「{other}」）"),
                    );
                    Rounding::Floor
                }
            };
            let mut organ_rating = Vec::new();
            for r in q.organ_rating {
                let bp = self.percent(&format!("assessment.quota.organ_rating「{}」", r.rating), r.ratio_percent);
                if bp > max_ratio {
                    self.fail(
                        format!("assessment.quota.organ_rating「{}」", r.rating),
                        "比例不能大于 max_ratio_percent",
                    );
                }
                organ_rating.push((squeeze(&r.rating), bp));
            }
            (ratio, max_ratio, rounding, organ_rating)
        }

        /// The 平时考核 rules: the grades' score bands and scores, what bars 优秀, the share of “好”.
        fn regular(&mut self, r: &Regular) -> RegularRules {
            let mut bands = Vec::new();
            for b in &r.bands {
                let min = self.score("assessment.regular.bands", b.min);
                if let Some(g) = self.regular_grade("assessment.regular.bands", &b.grade) {
                    bands.push((g, min));
                }
            }
            bands.sort_by_key(|(_, min)| std::cmp::Reverse(*min));
            if bands.last().is_none_or(|(_, min)| *min != 0) {
                self.fail("assessment.regular.bands", "最低分数段的 min 应为 0");
            }
            let mut grade_scores = Vec::new();
            for g in &r.grade_scores {
                let s = self.score("assessment.regular.grade_scores", g.score);
                if let Some(grade) = self.regular_grade("assessment.regular.grade_scores", &g.grade) {
                    grade_scores.push((grade, s));
                }
            }
            let forbidden =
                r.forbidden.iter().filter_map(|g| self.regular_grade("assessment.regular.forbidden", g)).collect();
            let min_good_share = self.count("assessment.regular.min_good_share_percent", r.min_good_share_percent);
            let good_limit = self.count("assessment.regular.good_limit_percent", r.good_limit_percent);
            for (entry, v) in [
                ("assessment.regular.min_good_share_percent", min_good_share),
                ("assessment.regular.good_limit_percent", good_limit),
            ] {
                if v > 100 {
                    self.fail(entry, format!("比例应在 0–100 之间（现为 {v}）"));
                }
            }
            RegularRules { bands, grade_scores, forbidden, min_good_share, good_limit }
        }

        /// How the score blends its parts, and the scores below which 基本称职 and 不称职 are suggested.
        fn score_rules(&mut self, s: Score) -> ((u32, u32, u32), Hundredths, Hundredths) {
            let blend = (
                self.count("assessment.score.blend", s.blend.dimensions),
                self.count("assessment.score.blend", s.blend.regular),
                self.count("assessment.score.blend", s.blend.democratic),
            );
            if blend.0 + blend.1 + blend.2 == 0 {
                self.fail("assessment.score.blend", "权重不能全为 0");
            }
            let basic_below = self.score("assessment.score.basic_below", s.basic_below);
            let incompetent_below = self.score("assessment.score.incompetent_below", s.incompetent_below);
            if incompetent_below > basic_below {
                self.fail("assessment.score", "incompetent_below 不能高于 basic_below");
            }
            (blend, basic_below, incompetent_below)
        }

        /// The weights of 德能勤绩廉 by category and tier, one for all.
        fn weights(&mut self, raw: Vec<WeightsEntry>, names: &Names, tiers: &[Tier]) -> Vec<Weights> {
            let mut weights = Vec::new();
            for w in raw {
                let entry = format!("考核权重「{}·{}」", w.category, w.tier);
                let category = if w.category == "*" {
                    None
                } else {
                    match (names.categories)(&w.category) {
                        Some(cat) => Some(cat),
                        None => {
                            self.fail(&entry, format!("职位类别「{}」未定义", w.category));
                            None
                        }
                    }
                };
                let tier = if w.tier == "*" {
                    None
                } else {
                    if !tiers.iter().any(|t| t.name == w.tier) {
                        self.fail(&entry, format!("考核层次「{}」未定义", w.tier));
                    }
                    Some(w.tier.clone())
                };
                let mut map = BTreeMap::new();
                for (k, v) in w.weights {
                    match Dimension::ALL.into_iter().find(|d| d.name() == k) {
                        Some(d) => {
                            map.insert(d, self.count(&entry, v));
                        }
                        None => self.fail(&entry, format!("「{k}」不是考核维度（德、能、勤、绩、廉）")),
                    }
                }
                if map.values().sum::<u32>() == 0 {
                    self.fail(&entry, "权重不能全为 0");
                }
                weights.push(Weights { category, tier, weights: map, cite: cite(w.cite, w.status) });
            }
            if !weights.iter().any(|w| w.category.is_none() && w.tier.is_none()) {
                self.fail("assessment.weights", "缺少适用于所有类别和层次（category = \"*\"、tier = \"*\"）的权重");
            }
            weights
        }

        /// The restrictions that withhold a 级别 or 档次 step.
        fn step_blocks(&mut self, raw: Vec<StepBlockEntry>, names: &Names) -> Vec<StepBlock> {
            let mut step_blocks = Vec::new();
            for b in raw {
                let entry = format!("assessment.usage.step_block「{}」", b.kinds.join("、"));
                let mut kinds = Vec::new();
                for k in &b.kinds {
                    match (names.restrictions)(k) {
                        Some(k) => kinds.push(k),
                        None => self.fail(&entry, format!("种类「{k}」未在处分列表（restriction）中定义")),
                    }
                }
                let (mut level, mut step) = (false, false);
                for s in &b.stops {
                    match s.as_str() {
                        "level" => level = true,
                        "step" => step = true,
                        other => self.fail(&entry, format!("stops 的值应为 level 或 step（现为「{other}」）")),
                    }
                }
                step_blocks.push(StepBlock { kinds, level, step, cite: cite(b.cite, b.status) });
            }
            step_blocks
        }

        fn regular_grade(&mut self, entry: &str, name: &str) -> Option<RegularGrade> {
            let g = RegularGrade::from_name(name);
            if g.is_none() {
                self.fail(entry, format!("未知的平时考核等次「{name}」（应为 好、较好、一般、较差）"));
            }
            g
        }
    }

    fn cite(text: String, status: Status) -> Citation {
        Citation { text, status }
    }

    /// The 平时考核 rules as validated.
    struct RegularRules {
        bands: Vec<(RegularGrade, Hundredths)>,
        grade_scores: Vec<(RegularGrade, Hundredths)>,
        forbidden: Vec<RegularGrade>,
        min_good_share: u32,
        good_limit: u32,
    }

    impl Section {
        pub(crate) fn validate(mut self, names: &Names, problems: &mut Vec<Problem>) -> AssessmentRules {
            let mut c = Check { problems };
            let ungraded = c.ungraded(self.ungraded);
            let entry_methods = c.entry_methods(self.entry_method);
            let discipline = c.discipline(self.discipline, names, &ungraded);
            let merge_below = c.count("assessment.pools.merge_below", self.pools.inner.merge_below);
            let counted_ungraded = c.counted_ungraded(&self.pools.inner.counted_ungraded);
            let tiers = c.tiers(self.tier, names);
            let rating_cite = match (self.quota.inner.rating_cite.take(), self.quota.inner.rating_status) {
                (Some(text), status) => cite(text, status.unwrap_or(Status::U)),
                (None, _) => cite(self.quota.cite.clone(), Status::U),
            };
            let (ratio, max_ratio, rounding, organ_rating) = c.quota(self.quota.inner);
            let r = self.regular.inner;
            let RegularRules { bands, grade_scores, forbidden, min_good_share, good_limit } = c.regular(&r);
            let (blend, basic_below, incompetent_below) = c.score_rules(self.score.inner);
            let weights = c.weights(self.weights, names, &tiers);
            let u = self.usage.inner;
            let step_blocks = c.step_blocks(u.step_block, names);
            let merit_restarts_cite = match u.merit_restarts_cite {
                Some(text) => cite(text, u.merit_restarts_status.unwrap_or(Status::U)),
                None => cite("记三等功后连续优秀年数是否重新起算".to_string(), Status::U),
            };
            AssessmentRules {
                ungraded,
                discipline,
                entry_methods,
                split_by_tier: self.pools.inner.split_by_tier,
                leaders_by_supervisor: self.pools.inner.leaders_by_supervisor,
                leaders_cite: cite(
                    self.pools
                        .inner
                        .leaders_cite
                        .clone()
                        .unwrap_or_else(|| "领导成员由主管机关考核，其优秀比例与是否跨单位设池为本地掌握".to_string()),
                    self.pools.inner.leaders_status.unwrap_or(Status::U),
                ),
                merge_below,
                counted_ungraded,
                counted_ungraded_cite: match (
                    self.pools.inner.counted_ungraded_cite, self.pools.inner.counted_ungraded_status,
                ) {
                    (Some(text), Some(status)) => cite(text, status),
                    (Some(text), None) => cite(text, Status::U),
                    (None, _) => cite(self.pools.cite.clone(), Status::U),
                },
                pools_cite: cite(self.pools.cite, self.pools.status),
                tiers,
                ratio,
                max_ratio,
                rounding,
                organ_rating,
                rating_cite,
                quota_cite: cite(self.quota.cite, self.quota.status),
                bands,
                grade_scores,
                min_good_share,
                forbidden,
                require_records: r.require_records,
                good_limit,
                regular_cite: cite(self.regular.cite, self.regular.status),
                blend,
                basic_below,
                incompetent_below,
                score_cite: cite(self.score.cite, self.score.status),
                weights,
                merit_consecutive: c.count("assessment.usage.merit_consecutive", u.merit_consecutive),
                dismissal_consecutive: c.count("assessment.usage.dismissal_consecutive", u.dismissal_consecutive),
                years_per_step: c.count("assessment.usage.years_per_step", u.years_per_step).max(1),
                years_per_level: c.count("assessment.usage.years_per_level", u.years_per_level).max(1),
                review_days: c.count("assessment.usage.review_days", u.review_days),
                appeal_days: c.count("assessment.usage.appeal_days", u.appeal_days),
                direct_appeal_days: match u.direct_appeal_days {
                    Some(d) => c.count("assessment.usage.direct_appeal_days", d),
                    None => c.count("assessment.usage.review_days", u.review_days),
                },
                merit_restarts: u.merit_restarts,
                merit_restarts_cite,
                step_blocks,
                usage_cites: u.cite_by_kind.into_iter().map(|(k, v)| (k, cite(v.text, v.status))).collect(),
                usage_cite: cite(self.usage.cite, self.usage.status),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::profile::{Profile, NATIONAL_TOML};

    #[test]
    fn a_discipline_entry_is_checked_by_name() {
        let text = NATIONAL_TOML.replacen(
            "kinds = [\"诫勉\"]\neffect = \"not_excellent\"",
            "kinds = [\"诫勉谈话记录\"]\neffect = \"lighter\"",
            1,
        );
        let msg = Profile::from_toml(&text).expect_err("broken").to_string();
        assert!(
            msg.contains(
                "考核影响「诫勉谈话记录」：effect 应为 not_excellent、ungraded 或 incompetent（现为「lighter」）"
            ),
            "{msg}"
        );
        assert!(
            msg.contains("考核影响「诫勉谈话记录」：种类「诫勉谈话记录」未在处分列表（restriction）中定义"),
            "{msg}"
        );
        let text = NATIONAL_TOML.replacen("kinds = [\"调整职务\"]", "kinds = [\"警告\"]", 1);
        let msg = Profile::from_toml(&text).expect_err("twice").to_string();
        assert!(msg.contains("考核影响「警告」：「警告」重复出现在多个条目中"), "{msg}");
    }

    #[test]
    fn effects_count_from_the_year_of_the_decision() {
        let p = Profile::national();
        let rules = &p.assessment;
        let of = |kind: &str| &rules.discipline[rules.discipline_of(kind).expect(kind)];
        use crate::assessment_rules::DisciplineEffect::*;
        assert_eq!([2024, 2025].map(|y| of("记过").effect_in(2024, y)), [Some(Ungraded), None]);
        assert_eq!(
            [2023, 2024, 2025, 2026].map(|y| of("降级").effect_in(2024, y)),
            [None, Some(Ungraded), Some(Ungraded), None]
        );
        assert_eq!(
            [2024, 2025, 2026].map(|y| of("留党察看一年").effect_in(2024, y)),
            [Some(Incompetent), Some(Ungraded), None]
        );
        assert_eq!(
            [2024, 2025, 2026, 2027].map(|y| of("开除党籍").effect_in(2024, y)),
            [Some(Incompetent), Some(Ungraded), Some(Ungraded), None]
        );
        assert_eq!(of("组织处理").cite.status, crate::profile::Status::U);
    }
}

#[cfg(test)]
mod usage_tests {
    use crate::profile::{Profile, NATIONAL_TOML};

    #[test]
    fn entry_methods_and_step_blocks_are_checked_by_name() {
        let text = NATIONAL_TOML.replacen(
            "aliases = [\"调入\", \"调任进入\", \"公务员调任\"]",
            "aliases = [\"调入\", \"考录\"]",
            1,
        );
        let msg = Profile::from_toml(&text).expect_err("alias twice").to_string();
        assert!(msg.contains("进入方式「调任」：「考录」已是另一进入方式的名称或别名"), "{msg}");
        let text = NATIONAL_TOML.replacen(
            "kinds = [\"警告\"]\nstops = [\"level\"]",
            "kinds = [\"警告\"]\nstops = [\"grade\"]",
            1,
        );
        let msg = Profile::from_toml(&text).expect_err("stops").to_string();
        assert!(
            msg.contains("assessment.usage.step_block「警告」：stops 的值应为 level 或 step（现为「grade」）"),
            "{msg}"
        );
        let p = Profile::national();
        assert_eq!(
            p.assessment.entry_method("公开 遴选").map(|e| (e.name.as_str(), e.probation)),
            Some(("遴选", false))
        );
        assert_eq!(p.assessment.entry_method("考录").map(|e| e.probation), Some(true));
        assert!(p.assessment.merit_restarts);
    }
}
