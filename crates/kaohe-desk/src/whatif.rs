//! 对比 (what-if): one change tried on the year's assessment or on promotion, and exactly who it
//! changes — grade, pool, eligibility, first eligible date, proposal — with the reasons before
//! and after side by side. Nothing is saved: a change the clerk wants is then made the normal way
//! (批准比例 with its basis, 载入本地规则文件 …), and logged there.
//!
//! The changes: an organ's 优秀 ratio (as if approved), tiers pooled apart or together, another
//! rule file, and for promotion another as-of date. Each comparison computes the report twice from
//! the same roster and decisions, the second time with the change, and keeps the differences.

use chrono::NaiveDate;
use kaohe_engine::assessment::report::{AssessmentReport, PersonReport as AssessedPerson, PoolReport};
use kaohe_engine::assessment::Decisions;
use kaohe_engine::promotion::SlotCode;
use kaohe_engine::report::PersonReport;
use kaohe_engine::{GradeName, NationalCode, Profile, Reason, Roster};
use serde::Serialize;
use std::collections::HashMap;

use crate::{assessment_report, check_year, promotion_report, DeskError};

/// The change the app's 对比 asks for on the year's assessment (`whatif_assessment`): the rule
/// file is chosen by the shell in a dialog.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AssessmentTry {
    Ratio { organ: String, percent: f64 },
    Tiers { split: bool },
    Profile,
}

/// The change the app's 对比 asks for on promotion (`whatif_promotion`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PromotionTry {
    AsOf { date: String },
    Profile,
}

/// A change to the year's assessment.
pub enum AssessmentChange {
    /// The organ's 优秀 ratio, in percent, as if approved.
    Ratio { organ: String, percent: f64 },
    /// Pools split by tier (`true`) or one pool per organ (`false`).
    Tiers { split: bool },
    /// Another rule profile, named as the clerk knows it (the file's name).
    Profile { profile: Box<Profile>, name: String },
}

/// A change to promotion.
pub enum PromotionChange {
    AsOf(NaiveDate),
    Profile { profile: Box<Profile>, name: String },
}

/// One side of a person's comparison in the assessment.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeSide {
    pub pool: String,
    /// The grade suggested by the rules, the final one (with the committee's decisions) and the
    /// national code; null while undecided or not graded.
    pub suggested: Option<GradeName>,
    #[serde(rename = "final")]
    pub final_grade: Option<GradeName>,
    pub code: Option<NationalCode>,
    pub reasons: Vec<Reason>,
}

/// A person whose assessment the change alters (absent on one side: assessed on the other only).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeChange {
    pub id: String,
    pub name: String,
    pub organ: String,
    pub before: Option<GradeSide>,
    pub after: Option<GradeSide>,
}

/// A pool whose quota or 优秀 count the change alters.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotaChange {
    pub organ: String,
    pub pool: String,
    /// The arithmetic in words, before and after (null: no such pool on that side).
    pub before: Option<String>,
    pub after: Option<String>,
}

/// `kaohe whatif assess --json` and 年度考核's 对比.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentComparison {
    pub year: i32,
    /// The change, in words.
    pub change: String,
    pub profile_before: String,
    pub profile_after: String,
    pub pools: Vec<QuotaChange>,
    pub people: Vec<GradeChange>,
    /// People assessed on both sides with nothing changed.
    pub unchanged: u32,
}

/// One side of a person's comparison in promotion.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromotionSide {
    pub target_rank: Option<String>,
    pub counted_months: u32,
    pub required_months: Option<u32>,
    /// The service is met (whatever else blocks the promotion).
    pub qualified: bool,
    pub eligible: bool,
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub eligible_on: Option<NaiveDate>,
    /// The slot's code (proposed, waiting, …) as `promote --json` writes it.
    pub slot: Option<SlotCode>,
    pub reasons: Vec<Reason>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromotionChangeReport {
    pub id: String,
    pub name: String,
    pub organ: String,
    pub before: Option<PromotionSide>,
    pub after: Option<PromotionSide>,
}

/// `kaohe whatif promote --json` and 职级晋升's 对比.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromotionComparison {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub as_of_before: NaiveDate,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub as_of_after: NaiveDate,
    pub change: String,
    pub profile_before: String,
    pub profile_after: String,
    pub people: Vec<PromotionChangeReport>,
    pub unchanged: u32,
}

fn profile_name(p: &Profile) -> String {
    format!("{} {}", p.meta.name, p.meta.version)
}

fn grade_side(p: &AssessedPerson) -> GradeSide {
    GradeSide {
        pool: p.pool.clone(),
        suggested: p.suggested,
        final_grade: p.final_grade,
        code: p.code,
        reasons: p.reasons.clone(),
    }
}

fn same_grade(a: &GradeSide, b: &GradeSide) -> bool {
    (&a.pool, a.suggested, a.final_grade, a.code) == (&b.pool, b.suggested, b.final_grade, b.code)
}

/// The year's assessment with and without `change`; the people and pools it alters. `held_in`
/// names where the roster comes from (数据库, 名册) when an organ is not in it.
pub fn compare_assessment(
    roster: &Roster,
    held_in: &'static str,
    profile: &Profile,
    year: i32,
    decisions: &Decisions,
    change: AssessmentChange,
) -> Result<AssessmentComparison, DeskError> {
    let year = check_year(year)?;
    let (_, before) = assessment_report(roster, profile, year, decisions);
    let (words, after) = match change {
        AssessmentChange::Ratio { organ, percent } => {
            let organ = organ.trim().to_string();
            if !roster.people.iter().any(|p| p.organ == organ) {
                return Err(DeskError::UnknownOrgan { organ, held_in });
            }
            if !percent.is_finite() || !(0.0..=100.0).contains(&percent) {
                return Err(DeskError::BadArgument(format!("比例「{percent}」无效，应为0到100之间的百分数，如 25")));
            }
            let now = before.pools.iter().find(|p| p.organ == organ).map(|p| p.ratio);
            let mut tried = decisions.clone();
            let bp = (percent * 100.0).round() as u32;
            tried.approved_ratios.insert(organ.clone(), (bp, "对比：假设的比例，未批准".to_string()));
            let words = match now {
                Some(now) => format!("{organ}的优秀比例为{percent}%（现为{now}%）"),
                None => format!("{organ}的优秀比例为{percent}%"),
            };
            (words, assessment_report(roster, profile, year, &tried).1)
        }
        AssessmentChange::Tiers { split } => {
            let mut tried = profile.clone();
            tried.assessment.split_by_tier = split;
            let words = match (profile.assessment.split_by_tier, split) {
                (true, true) | (false, false) => "分池方式不变".to_string(),
                (false, true) => "按层级分别设考核池（现为每个单位一个考核池）".to_string(),
                (true, false) => "每个单位一个考核池，不按层级分池（现为按层级分池）".to_string(),
            };
            (words, assessment_report(roster, &tried, year, decisions).1)
        }
        AssessmentChange::Profile { profile: other, name } => {
            let words = format!("改用规则「{}」（{name}）", profile_name(&other));
            (words, assessment_report(roster, &other, year, decisions).1)
        }
    };
    Ok(assessment_differences(year, words, before, after))
}

fn assessment_differences(
    year: i32,
    change: String,
    before: AssessmentReport,
    after: AssessmentReport,
) -> AssessmentComparison {
    let old: HashMap<&str, &AssessedPerson> = before.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let new: HashMap<&str, &AssessedPerson> = after.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut people = Vec::new();
    let mut unchanged = 0;
    // In the order of the report before, then anyone assessed only after.
    let ids = before.people.iter().map(|p| p.id.as_str()).chain(after.people.iter().map(|p| p.id.as_str()));
    let mut seen = std::collections::HashSet::new();
    for id in ids.filter(|id| seen.insert(*id)) {
        let (b, a) = (old.get(id).map(|p| grade_side(p)), new.get(id).map(|p| grade_side(p)));
        if let (Some(x), Some(y)) = (&b, &a) {
            if same_grade(x, y) {
                unchanged += 1;
                continue;
            }
        }
        let who = old.get(id).or_else(|| new.get(id)).expect("on one side at least");
        people.push(GradeChange {
            id: id.to_string(),
            name: who.name.clone(),
            organ: who.organ.clone(),
            before: b,
            after: a,
        });
    }
    let key = |p: &PoolReport| (p.organ.clone(), p.pool.clone());
    let old_pools: HashMap<(String, String), &PoolReport> = before.pools.iter().map(|p| (key(p), p)).collect();
    let new_pools: HashMap<(String, String), &PoolReport> = after.pools.iter().map(|p| (key(p), p)).collect();
    let mut pools = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for k in before.pools.iter().chain(&after.pools).map(key) {
        if !seen.insert(k.clone()) {
            continue;
        }
        let (b, a) = (old_pools.get(&k), new_pools.get(&k));
        let differs = match (b, a) {
            (Some(b), Some(a)) => (b.quota, b.excellent, &b.arithmetic) != (a.quota, a.excellent, &a.arithmetic),
            _ => true,
        };
        if differs {
            pools.push(QuotaChange {
                organ: k.0,
                pool: k.1,
                before: b.map(|p| p.arithmetic.clone()),
                after: a.map(|p| p.arithmetic.clone()),
            });
        }
    }
    AssessmentComparison {
        year,
        change,
        profile_before: before.profile.name.clone() + " " + &before.profile.version,
        profile_after: after.profile.name.clone() + " " + &after.profile.version,
        pools,
        people,
        unchanged,
    }
}

fn promotion_side(p: &PersonReport) -> PromotionSide {
    PromotionSide {
        target_rank: p.target_rank.clone(),
        counted_months: p.counted_months,
        required_months: p.required_months.map(|r| r.saturating_sub(p.reduction_months)),
        qualified: p.qualified,
        eligible: p.eligible,
        eligible_on: p.eligible_on,
        slot: p.slot,
        reasons: p.reasons.clone(),
    }
}

fn same_promotion(a: &PromotionSide, b: &PromotionSide) -> bool {
    (&a.target_rank, a.qualified, a.eligible, a.eligible_on, a.slot, a.required_months)
        == (&b.target_rank, b.qualified, b.eligible, b.eligible_on, b.slot, b.required_months)
}

/// Promotion on `as_of` with and without `change`; the people it alters. The months counted
/// always differ between two dates: a person is listed when eligibility, the first eligible date,
/// the slot, the target or the requirement differs.
pub fn compare_promotion(
    roster: &Roster,
    profile: &Profile,
    as_of: NaiveDate,
    change: PromotionChange,
) -> PromotionComparison {
    let (_, before) = promotion_report(roster, profile, as_of);
    let (words, after_date, after) = match change {
        PromotionChange::AsOf(date) => {
            let words =
                format!("资格计算日期改为{}（现为{}）", date.format("%Y年%-m月%-d日"), as_of.format("%Y年%-m月%-d日"));
            (words, date, promotion_report(roster, profile, date).1)
        }
        PromotionChange::Profile { profile: other, name } => {
            let words = format!("改用规则「{}」（{name}）", profile_name(&other));
            (words, as_of, promotion_report(roster, &other, as_of).1)
        }
    };
    let new: HashMap<&str, &PersonReport> = after.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut people = Vec::new();
    let mut unchanged = 0;
    for p in &before.people {
        let (b, a) = (Some(promotion_side(p)), new.get(p.id.as_str()).map(|q| promotion_side(q)));
        if let (Some(x), Some(y)) = (&b, &a) {
            if same_promotion(x, y) {
                unchanged += 1;
                continue;
            }
        }
        people.push(PromotionChangeReport {
            id: p.id.clone(),
            name: p.name.clone(),
            organ: p.organ.clone(),
            before: b,
            after: a,
        });
    }
    let old: std::collections::HashSet<&str> = before.people.iter().map(|p| p.id.as_str()).collect();
    for p in after.people.iter().filter(|p| !old.contains(p.id.as_str())) {
        people.push(PromotionChangeReport {
            id: p.id.clone(),
            name: p.name.clone(),
            organ: p.organ.clone(),
            before: None,
            after: Some(promotion_side(p)),
        });
    }
    PromotionComparison {
        as_of_before: as_of,
        as_of_after: after_date,
        change: words,
        profile_before: before.profile.name.clone() + " " + &before.profile.version,
        profile_after: after.profile.name.clone() + " " + &after.profile.version,
        people,
        unchanged,
    }
}
