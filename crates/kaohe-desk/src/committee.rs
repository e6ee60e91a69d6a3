//! The assessment committee's operations on a database — decide a grade, set one afterwards
//! (补定等次), approve a ratio, finalise, reopen, read the year's log — with the checks that make
//! them safe: a year Kaohe takes, an operator and a reason for every change, the person assessed
//! and graded that year, ties and quotas settled before the year locks. The front ends pass what
//! the clerk typed (a grade's name, a percent) and get one refusal in the same words.

use chrono::NaiveDate;
use kaohe_engine::assessment::{assess, final_codes, finalize_problems, Assessed, AssessmentResult, Decisions};
use kaohe_engine::{Grade, Profile, Roster};
use kaohe_store::{LogEntry, Store, StoreError};

use crate::{check_year, DeskError};

/// A grade named as the clerk writes it (优秀, 称职, 基本称职, 不称职).
pub fn grade(name: &str) -> Result<Grade, DeskError> {
    Grade::from_name(name.trim())
        .ok_or_else(|| DeskError::BadArgument(format!("等次「{name}」无效，应为优秀、称职、基本称职或不称职")))
}

/// A percent as the clerk writes it: 25, 22.5 or 25%.
pub fn percent(text: &str) -> Result<f64, DeskError> {
    text.trim()
        .trim_end_matches(['%', '％'])
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|p| p.is_finite() && *p >= 0.0)
        .ok_or_else(|| DeskError::BadArgument(format!("比例「{text}」无效，应为不小于0的百分数，如 25")))
}

/// Who made a change, as the log records it: required, trimmed.
pub fn operator(by: &str) -> Result<&str, DeskError> {
    match by.trim() {
        "" => Err(DeskError::BadArgument("请填写操作人".to_string())),
        by => Ok(by),
    }
}

/// The reason of a change, trimmed; `what` says which change wants it (修改等次, 补定等次 …).
fn reason<'a>(text: &'a str, what: &str) -> Result<&'a str, DeskError> {
    match text.trim() {
        "" => Err(DeskError::ReasonRequired(format!("{what}必须说明理由"))),
        text => Ok(text),
    }
}

/// The year as the database holds it: roster, decisions and the engine's result.
pub fn year_state(
    store: &Store,
    profile: &Profile,
    year: i32,
) -> Result<(Roster, Decisions, AssessmentResult), StoreError> {
    let roster = store.load_roster()?;
    let decisions = store.decisions(year)?;
    let result = assess(&roster, profile, year, &decisions);
    Ok((roster, decisions, result))
}

/// The person a grade decision is about, as the year assesses them, and their name.
fn decided_person(store: &Store, profile: &Profile, year: i32, id: &str) -> Result<(Assessed, String), DeskError> {
    let (roster, _, result) = year_state(store, profile, year)?;
    let Some(a) = result.people.into_iter().find(|a| roster.people[a.person].id == id) else {
        return Err(DeskError::NotAssessed { year, id: id.to_string() });
    };
    let name = roster.people[a.person].name.clone();
    Ok((a, name))
}

/// What an override changed: the person's name and the grade before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overridden {
    pub name: String,
    pub from: Option<Grade>,
}

/// Sets a person's final grade for the year (修改等次), with the reason, after checking the
/// person is assessed and graded that year.
pub fn override_grade(
    store: &mut Store,
    profile: &Profile,
    year: i32,
    id: &str,
    grade: Grade,
    why: &str,
    by: &str,
) -> Result<Overridden, DeskError> {
    let (year, why, by) = (check_year(year)?, reason(why, "修改等次")?, operator(by)?);
    let (a, name) = decided_person(store, profile, year, id)?;
    if let Some(h) = a.ungraded.first() {
        return Err(DeskError::NotGraded {
            year,
            id: id.to_string(),
            name,
            code: h.code.code(),
            label: h.code.label(),
        });
    }
    store.set_override(year, id, grade, a.final_grade, why, by)?;
    Ok(Overridden { name, from: a.final_grade })
}

/// 补定等次 (《公务员考核规定》(2020) 第二十八条): sets the grade of a person the year left 5B, once
/// the investigation has closed with no 处分 heavier than a 警告 — also in a finalised year.
pub fn supplement_grade(
    store: &mut Store,
    profile: &Profile,
    year: i32,
    id: &str,
    grade: Grade,
    why: &str,
    by: &str,
) -> Result<String, DeskError> {
    let (year, why, by) = (check_year(year)?, reason(why, "补定等次")?, operator(by)?);
    let (a, name) = decided_person(store, profile, year, id)?;
    if a.supplementable.is_none() {
        let why = match a.ungraded.first() {
            None => "该年度已确定等次，如需改变请「修改等次」".to_string(),
            Some(h) if h.code == kaohe_engine::ResultCode::UnderInvestigation && a.ungraded.len() == 1 => {
                "立案审查调查尚未结案（处分表中未填结束日期），或结案后受到了影响确定等次的处分或处理".to_string()
            }
            Some(h) => format!(
                "不定等次的原因是{}（{}），只有立案审查调查（5B）结案后才能补定等次",
                h.code.label(),
                h.code.code()
            ),
        };
        return Err(DeskError::NotSupplementable { year, id: id.to_string(), name, why });
    }
    store.set_supplement(year, id, grade, why, by)?;
    Ok(name)
}

/// Records an approved 优秀 ratio (percent) for an organ, with its basis (批准依据).
pub fn approve_ratio(
    store: &mut Store,
    profile: &Profile,
    year: i32,
    organ: &str,
    percent: f64,
    basis: &str,
    by: &str,
) -> Result<(), DeskError> {
    let (year, organ, by) = (check_year(year)?, organ.trim(), operator(by)?);
    let basis = match basis.trim() {
        "" => return Err(DeskError::ReasonRequired("记录经批准的比例必须写明批准依据".to_string())),
        basis => basis,
    };
    let max = f64::from(profile.assessment.max_ratio) / 100.0;
    if !percent.is_finite() || percent < 0.0 {
        return Err(DeskError::BadArgument(format!("比例「{percent}」无效，应为不小于0的百分数，如 25")));
    }
    if percent > max {
        return Err(DeskError::BadArgument(format!("比例 {percent}% 超出规则允许的上限 {max}%")));
    }
    if !store.load_roster()?.people.iter().any(|p| p.organ == organ) {
        return Err(DeskError::UnknownOrgan { organ: organ.to_string(), held_in: "数据库" });
    }
    store.approve_ratio(year, organ, (percent * 100.0).round() as u32, basis, by)?;
    Ok(())
}

/// Checks the year can be finalised, then stores its results and locks it. Returns how many
/// results were stored.
pub fn finalize(store: &mut Store, profile: &Profile, year: i32, on: NaiveDate, by: &str) -> Result<usize, DeskError> {
    let (year, by) = (check_year(year)?, operator(by)?);
    let (roster, decisions, result) = year_state(store, profile, year)?;
    if let Some(on) = decisions.finalized_on {
        return Err(DeskError::AlreadyFinal { year, on });
    }
    let problems = finalize_problems(&result, &roster);
    if !problems.is_empty() {
        return Err(DeskError::CannotFinalize { year, problems });
    }
    let codes = final_codes(&result, &roster);
    store.finalize(year, on, &codes, by)?;
    Ok(codes.len())
}

/// Unlocks a finalised year (重新打开); the reason is recorded.
pub fn reopen(store: &mut Store, year: i32, why: &str, by: &str) -> Result<(), DeskError> {
    let (year, why, by) = (check_year(year)?, reason(why, "重新打开已定稿的年度")?, operator(by)?);
    Ok(store.reopen(year, why, by)?)
}

/// The year's log of the committee's decisions, oldest first.
pub fn log(store: &Store, year: i32) -> Result<Vec<LogEntry>, DeskError> {
    Ok(store.assessment_log(check_year(year)?)?)
}
