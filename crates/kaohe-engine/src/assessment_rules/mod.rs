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

pub(crate) mod raw;

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
