//! The 工作台 (home) summary: counts by organ, category and rank; the state of the current
//! assessment year; last year's grades by organ (the chart); and the alerts a clerk acts on
//! within a horizon of days chosen in the UI — who becomes eligible for promotion, whose
//! sanction or restriction ends, whose probation ends, and whose 档次 or 级别 is due.
//!
//! Today's date is an argument (the command reads the clerk's clock); every period comes from
//! the profile through the engine: promotion's first eligible date, the restrictions' months,
//! the 5A probation months, and the 结果运用 consequences of the year's assessment.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use kaohe_engine::assessment::Decisions;
use kaohe_engine::assessment::{assess, ConsequenceKind};
use kaohe_engine::{BlockCode, Grade, Profile, Reason, ResultCode, Roster};
use kaohe_store::Store;
use serde::Serialize;

use crate::person::restriction_until;
use crate::DeskError;

/// How many of `values` hold each name: the `known` names first in their order (with those
/// nobody holds when `keep_empty`), then any other in order of first appearance.
fn tally<'a>(
    known: impl Iterator<Item = &'a str>,
    keep_empty: bool,
    values: impl Iterator<Item = &'a str>,
) -> Vec<Count> {
    let mut counts: Vec<Count> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for name in known {
        if !index.contains_key(name) {
            index.insert(name, counts.len());
            counts.push(Count { name: name.to_owned(), count: 0 });
        }
    }
    let mut extra: Vec<Count> = Vec::new();
    let mut extra_index: HashMap<&str, usize> = HashMap::new();
    for value in values {
        match index.get(value) {
            Some(&i) => counts[i].count += 1,
            None => {
                let i = *extra_index.entry(value).or_insert_with(|| {
                    extra.push(Count { name: value.to_owned(), count: 0 });
                    extra.len() - 1
                });
                extra[i].count += 1;
            }
        }
    }
    if !keep_empty {
        counts.retain(|c| c.count > 0);
    }
    counts.extend(extra);
    counts
}

/// The longest horizon the UI may ask for (two years); anything beyond is a slip.
pub const MAX_HORIZON_DAYS: u32 = 731;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub name: String,
    pub count: u32,
}

/// Where a year's assessment stands: `not_started` (nothing recorded for it), `in_progress`
/// (平时 records, proposals, decisions or results exist, not finalised) or `finalized`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearProgress {
    NotStarted,
    InProgress,
    Finalized,
}

/// Where the chart's grades come from (see [`GradeChart::source`]).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeSource {
    Stored,
    InProgress,
    None,
}

/// What falls due: a 档次 (`grade_step`) or a 级别 (`level_up`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    GradeStep,
    LevelUp,
}

/// The assessment year's state: `not_started` (nothing recorded for it), `in_progress` (scores,
/// 平时 records, proposals, decisions or results exist, not finalised) or `finalized`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearState {
    pub year: i32,
    pub state: YearProgress,
    pub finalized_on: Option<NaiveDate>,
    /// People with 年度评分 inputs (scores, proposals, leave) for the year.
    pub inputs: u32,
    /// People with 平时考核 records for the year.
    pub regular: u32,
    /// Annual results stored for the year (imported, or written when it was finalised).
    pub results: u32,
    /// Grades the committee changed.
    pub overrides: u32,
}

/// One organ's bar of the chart: people per result of the year.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganGrades {
    pub organ: String,
    /// 优秀, 称职, 基本称职, 不称职, in that order.
    pub grades: [u32; 4],
    /// Not graded (5A, 5B, 5C, 6A, 7).
    pub ungraded: u32,
    /// No result (yet) that year.
    pub none: u32,
}

/// The chart's data: the year's results by organ.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeChart {
    pub year: i32,
    /// `stored`: the results the database holds for the year (finalised or imported);
    /// `in_progress`: the year is open and has no stored results, so the grades are the
    /// assessment's current final grades (suggested, or as the committee changed them);
    /// `none`: the year has not started, so nobody has a result (every bar is 无结果).
    pub source: GradeSource,
    pub organs: Vec<OrganGrades>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlertBlock {
    pub code: BlockCode,
    pub until: Option<NaiveDate>,
}

/// Someone who completes the minimum service for the next rank within the horizon.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EligibleAlert {
    pub id: String,
    pub name: String,
    pub organ: String,
    pub rank: String,
    pub target_rank: String,
    pub eligible_on: NaiveDate,
    /// What else stands in the way today (处分, 诫勉, 基本称职, the organ's cap …).
    pub blocks: Vec<AlertBlock>,
}

/// A sanction or restriction whose effect period ends within the horizon.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestrictionAlert {
    pub id: String,
    pub name: String,
    pub organ: String,
    pub kind: String,
    pub date: NaiveDate,
    /// The last day of the effect period.
    pub until: NaiveDate,
    /// What the rules call the period: 处分期 for a 处分, 影响期 for the others (`None` for a
    /// kind the profile lacks).
    pub period: Option<String>,
}

/// A probation (试用期) that ends within the horizon.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProbationAlert {
    pub id: String,
    pub name: String,
    pub organ: String,
    pub service_start: NaiveDate,
    /// The last day of the probation.
    pub until: NaiveDate,
}

/// A 档次 or 级别 step the assessment's results usage makes due by the horizon's end.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepAlert {
    pub id: String,
    pub name: String,
    pub organ: String,
    /// `grade_step` (档次) or `level_up` (级别).
    pub kind: StepKind,
    pub due: NaiveDate,
    /// The engine's sentence, citing the rule.
    pub reason: Reason,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alerts {
    pub eligible: Vec<EligibleAlert>,
    pub restrictions: Vec<RestrictionAlert>,
    pub probations: Vec<ProbationAlert>,
    pub steps: Vec<StepAlert>,
    /// The profile has a probation period (its 5A rule); without it no probation alert.
    pub probation_rule: bool,
}

/// `dashboard`: what the home page shows.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dashboard {
    pub today: NaiveDate,
    pub horizon_days: u32,
    /// The last day the alerts look at (today + horizon).
    pub horizon_end: NaiveDate,
    pub people: u32,
    pub leaders: u32,
    pub by_organ: Vec<Count>,
    pub by_category: Vec<Count>,
    pub by_rank: Vec<Count>,
    /// The current assessment year: the year before today's, as on the 年度考核 page.
    pub assessment: YearState,
    pub grades: GradeChart,
    pub alerts: Alerts,
}

/// What the summary is computed from, read from the database in one go (so that the computing
/// holds no lock on it): everyone, and the assessment year's decisions and log.
pub struct DashboardData {
    pub roster: Roster,
    pub decisions: Decisions,
    /// Entries of the year's assessment log.
    pub log_entries: usize,
    /// The assessment year: the year before today's, as on the 年度考核 page.
    pub year: i32,
}

impl DashboardData {
    /// Reads what the summary on `today` needs.
    pub fn read(store: &Store, today: NaiveDate) -> Result<DashboardData, DeskError> {
        let year = today.year() - 1;
        Ok(DashboardData {
            roster: store.load_roster()?,
            decisions: store.decisions(year)?,
            log_entries: store.assessment_log(year)?.len(),
            year,
        })
    }
}

/// Checks the horizon a clerk chose: 1 to [`MAX_HORIZON_DAYS`] days.
pub fn check_horizon(horizon_days: u32) -> Result<u32, DeskError> {
    if horizon_days == 0 || horizon_days > MAX_HORIZON_DAYS {
        return Err(DeskError::BadArgument(format!("提醒天数「{horizon_days}」无效，应为1至{MAX_HORIZON_DAYS}天")));
    }
    Ok(horizon_days)
}

/// The 工作台 summary on `today` (the clerk's date), alerts within `horizon_days` days after it.
pub fn dashboard(
    data: &DashboardData,
    profile: &Profile,
    today: NaiveDate,
    horizon_days: u32,
) -> Result<Dashboard, DeskError> {
    let horizon_days = check_horizon(horizon_days)?;
    let DashboardData { roster, decisions, log_entries: log, year } = data;
    let (roster, decisions, log, year) = (roster, decisions, *log, *year);
    let horizon_end = today
        .checked_add_days(Days::new(u64::from(horizon_days)))
        .ok_or_else(|| DeskError::BadArgument("提醒期限超出日期范围".to_owned()))?;
    let assessed = assess(roster, profile, year, decisions);

    let people = &roster.people;
    // Every organ of the 单位 sheet (none left out for having nobody); categories and ranks
    // the people hold, in the profile's order.
    let by_organ = tally(roster.organs.iter().map(|o| o.name.as_str()), true, people.iter().map(|p| p.organ.as_str()));
    let categories = profile.categories.iter().map(|c| c.name.as_str());
    let by_category = tally(categories, false, people.iter().map(|p| p.category.as_str()));
    let ranks = profile.ladders.iter().flat_map(|l| l.ranks.iter().map(|r| r.name.as_str()));
    let by_rank = tally(ranks, false, people.iter().map(|p| p.rank.as_str()));

    let of_year = |n: usize| n as u32;
    let inputs = of_year(roster.annual_inputs.iter().filter(|a| a.year == year).count());
    let mut regular_people: Vec<&str> =
        roster.regular.iter().filter(|r| r.year == year).map(|r| r.person_id.as_str()).collect();
    regular_people.sort_unstable();
    regular_people.dedup();
    let results = of_year(roster.results.iter().filter(|r| r.year == year).count());
    let overrides = of_year(decisions.overrides.len());
    let started = inputs > 0
        || !regular_people.is_empty()
        || results > 0
        || overrides > 0
        || !decisions.approved_ratios.is_empty()
        || log > 0;
    let state = match (decisions.finalized_on, started) {
        (Some(_), _) => YearProgress::Finalized,
        (None, true) => YearProgress::InProgress,
        (None, false) => YearProgress::NotStarted,
    };
    let assessment = YearState {
        year,
        state,
        finalized_on: decisions.finalized_on,
        inputs,
        regular: of_year(regular_people.len()),
        results,
        overrides,
    };

    // The chart: stored results when the year has any, else the open assessment's grades.
    // One bar per organ of `by_organ` (all of them, in its order); each person's bar.
    let bar_of: HashMap<&str, usize> = by_organ.iter().enumerate().map(|(i, c)| (c.name.as_str(), i)).collect();
    let organ: Vec<usize> = roster.people.iter().map(|p| bar_of[p.organ.as_str()]).collect();
    let mut bars: Vec<OrganGrades> =
        by_organ.iter().map(|o| OrganGrades { organ: o.name.clone(), grades: [0; 4], ungraded: 0, none: 0 }).collect();
    let mut add = |organ: usize, code: Option<ResultCode>| {
        let bar = &mut bars[organ];
        match code {
            Some(ResultCode::Graded(g)) => bar.grades[Grade::ALL.iter().position(|x| *x == g).unwrap_or(0)] += 1,
            Some(_) => bar.ungraded += 1,
            None => bar.none += 1,
        }
    };
    let source = if results > 0 || decisions.finalized_on.is_some() {
        let stored: HashMap<&str, ResultCode> =
            roster.results.iter().filter(|r| r.year == year).map(|r| (r.person_id.as_str(), r.result)).collect();
        for (i, p) in roster.people.iter().enumerate() {
            add(organ[i], stored.get(p.id.as_str()).copied());
        }
        GradeSource::Stored
    } else if !started {
        for &o in &organ {
            add(o, None);
        }
        GradeSource::None
    } else {
        let mut seen = vec![false; roster.people.len()];
        for a in &assessed.people {
            seen[a.person] = true;
            add(organ[a.person], a.code());
        }
        for (i, s) in seen.iter().enumerate() {
            if !s {
                add(organ[i], None);
            }
        }
        GradeSource::InProgress
    };
    let grades = GradeChart { year, source, organs: bars };

    let alerts = alerts(roster, profile, today, horizon_end, &assessed);
    Ok(Dashboard {
        today,
        horizon_days,
        horizon_end,
        people: roster.people.len() as u32,
        leaders: roster.people.iter().filter(|p| p.is_leader).count() as u32,
        by_organ,
        by_category,
        by_rank,
        assessment,
        grades,
        alerts,
    })
}

fn alerts(
    roster: &Roster,
    profile: &Profile,
    today: NaiveDate,
    end: NaiveDate,
    assessed: &kaohe_engine::assessment::AssessmentResult,
) -> Alerts {
    let within = |d: NaiveDate| today <= d && d <= end;
    let people: HashMap<&str, usize> = roster.people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();

    let promotion = kaohe_engine::promote(roster, profile, today);
    let mut eligible: Vec<EligibleAlert> = promotion
        .people
        .iter()
        .filter(|o| !o.qualified && o.eligible_on.is_some_and(|d| today < d && d <= end))
        .filter_map(|o| {
            let p = &roster.people[o.person];
            Some(EligibleAlert {
                id: p.id.clone(),
                name: p.name.clone(),
                organ: p.organ.clone(),
                rank: p.rank.clone(),
                target_rank: profile.rank(o.target?).name.clone(),
                eligible_on: o.eligible_on?,
                blocks: o.blocks.iter().map(|b| AlertBlock { code: b.code, until: b.until }).collect(),
            })
        })
        .collect();
    eligible.sort_by_key(|a| a.eligible_on);

    let mut restrictions: Vec<RestrictionAlert> = roster
        .restrictions
        .iter()
        .filter(|r| r.date <= today)
        .filter_map(|r| {
            let until = restriction_until(r, profile).filter(|&u| within(u))?;
            let p = &roster.people[*people.get(r.person_id.as_str())?];
            Some(RestrictionAlert {
                id: p.id.clone(),
                name: p.name.clone(),
                organ: p.organ.clone(),
                kind: r.kind.clone(),
                date: r.date,
                until,
                period: profile.restriction(&r.kind).map(|x| x.period.clone()),
            })
        })
        .collect();
    restrictions.sort_by_key(|a| a.until);

    // Only a new recruit has a probation (考核规定 第二十五条): 调任, 转任 … have none; a blank
    // 进入方式 keeps the alert (the clerk knows best).
    let mut probations: Vec<ProbationAlert> = roster
        .people
        .iter()
        .filter_map(|p| {
            let until = profile.assessment.probation_until(p).filter(|&u| within(u))?;
            Some(ProbationAlert {
                id: p.id.clone(),
                name: p.name.clone(),
                organ: p.organ.clone(),
                service_start: p.service_start?,
                until,
            })
        })
        .collect();
    probations.sort_by_key(|a| a.until);

    let rules = &profile.assessment;
    let mut steps: Vec<StepAlert> = assessed
        .consequences
        .iter()
        .filter(|c| matches!(c.kind, ConsequenceKind::GradeStep | ConsequenceKind::LevelUp))
        .filter(|c| c.due.is_some_and(|d| d <= end))
        .filter_map(|c| {
            let p = &roster.people[assessed.people[c.assessed].person];
            Some(StepAlert {
                id: p.id.clone(),
                name: p.name.clone(),
                organ: p.organ.clone(),
                kind: if c.kind == ConsequenceKind::GradeStep { StepKind::GradeStep } else { StepKind::LevelUp },
                due: c.due?,
                reason: c.reason(assessed.year, &p.rank, rules),
            })
        })
        .collect();
    steps.sort_by_key(|a| a.due);

    Alerts {
        eligible,
        restrictions,
        probations,
        steps,
        probation_rule: profile.assessment.probation_months().is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kaohe_engine::assessment::Decisions;
    use kaohe_engine::{Person, YearResult};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    /// The sample roster has no 级别/档次 and nobody on probation: these two come from a roster
    /// made here. The national profile's rules: a 档次 step per two counted years, a one-year
    /// probation (its 5A rule).
    #[test]
    fn a_step_due_and_a_probation_ending_are_alerts() {
        let profile = Profile::national();
        let person = |id: &str, name: &str| Person {
            id: id.into(),
            name: name.into(),
            organ: "某区财政局".into(),
            category: "综合管理类".into(),
            rank: "一级科员".into(),
            rank_since: day("2023-01-01"),
            service_start: Some(day("2015-09-01")),
            ..Person::default()
        };
        let mut zhang = person("110101199001011234", "张敏");
        zhang.step = Some(3);
        zhang.step_since = Some(day("2023-01-01"));
        let mut li = person("110101199802021235", "李想");
        li.service_start = Some(day("2025-01-10"));
        li.rank_since = day("2026-01-10");
        li.entry_method = Some("录用".into());
        // Transferred in (调任) on the same day: no probation, no alert.
        let mut wang = person("110101199803031236", "王调");
        wang.service_start = Some(day("2025-01-10"));
        wang.entry_method = Some("调任".into());
        let roster = Roster {
            people: vec![zhang, li, wang],
            results: vec![YearResult {
                person_id: "110101199001011234".into(),
                year: 2024,
                result: ResultCode::Graded(Grade::Competent),
            }],
            ..Roster::default()
        };
        let mut decisions = Decisions::default();
        decisions.overrides.insert("110101199001011234".into(), (Grade::Competent, "考核委员会确定".into()));
        let assessed = assess(&roster, &profile, 2025, &decisions);

        let a = alerts(&roster, &profile, day("2025-12-15"), day("2026-01-14"), &assessed);
        // 2024 and 2025 称职 since the 档次 of 2023: one step from 2026-01-01.
        let steps: Vec<(&str, StepKind, NaiveDate)> =
            a.steps.iter().map(|s| (s.name.as_str(), s.kind, s.due)).collect();
        assert_eq!(steps, [("张敏", StepKind::GradeStep, day("2026-01-01"))]);
        assert!(a.steps[0].reason.contains("晋升一个档次（现3档）"), "{}", a.steps[0].reason);
        // Entered service 2025-01-10: probation to 2026-01-09.
        assert!(a.probation_rule);
        let probations: Vec<(&str, NaiveDate)> = a.probations.iter().map(|p| (p.name.as_str(), p.until)).collect();
        assert_eq!(probations, [("李想", day("2026-01-09"))]);

        // Outside the horizon: neither.
        let later = alerts(&roster, &profile, day("2026-02-01"), day("2026-03-01"), &assessed);
        assert!(later.probations.is_empty());
    }
}
