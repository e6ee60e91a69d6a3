//! The assessment committee's operations on a database — decide a grade, approve a ratio,
//! finalise, reopen — with the checks that make them safe: the person must be graded that year,
//! every change needs a reason, ties and quotas must be settled before the year locks. Shared by
//! the CLI and the desktop app.

use crate::{Store, StoreError};
use chrono::NaiveDate;
use kaohe_engine::assessment::{assess, final_codes, finalize_problems, Assessed, AssessmentResult, Decisions};
use kaohe_engine::{Grade, Profile, Roster};

/// A committee operation that was refused.
#[derive(Debug, thiserror::Error)]
pub enum CommitteeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{year}年度考核人员中没有身份证号为 {id} 的人员")]
    NotAssessed { year: i32, id: String },
    #[error("{name}（{id}）{year}年度不定等次（{code}，{label}），不能确定等次")]
    NotGraded { year: i32, id: String, name: String, code: &'static str, label: &'static str },
    #[error("{year}年度考核暂不能定稿：{}", .problems.join("；"))]
    CannotFinalize { year: i32, problems: Vec<String> },
    #[error("比例 {percent}% 超出规则允许的上限 {max}%")]
    RatioTooHigh { percent: f64, max: f64 },
    #[error("数据库中没有单位「{0}」的人员")]
    UnknownOrgan(String),
    #[error("{year}年度考核已于{on}定稿")]
    AlreadyFinal { year: i32, on: NaiveDate },
    #[error("{name}（{id}）{year}年度不能补定等次：{why}")]
    NotSupplementable { year: i32, id: String, name: String, why: String },
}

impl CommitteeError {
    /// The stable code of docs/cli.md.
    pub fn code(&self) -> &'static str {
        match self {
            CommitteeError::Store(e) => e.code(),
            CommitteeError::NotAssessed { .. } => "unknown_person",
            CommitteeError::NotGraded { .. } => "not_graded",
            CommitteeError::CannotFinalize { .. } => "cannot_finalize",
            CommitteeError::RatioTooHigh { .. } => "bad_argument",
            CommitteeError::UnknownOrgan(_) => "unknown_organ",
            CommitteeError::AlreadyFinal { .. } => "year_locked",
            CommitteeError::NotSupplementable { .. } => "not_supplementable",
        }
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

/// The person a grade decision is about, as the year assesses them, and their name; the reason
/// must not be empty.
fn decided_person(
    store: &Store,
    profile: &Profile,
    year: i32,
    id: &str,
    reason: &str,
) -> Result<(Assessed, String), CommitteeError> {
    if reason.trim().is_empty() {
        return Err(StoreError::MissingReason.into());
    }
    let (roster, _, result) = year_state(store, profile, year)?;
    let Some(a) = result.people.into_iter().find(|a| roster.people[a.person].id == id) else {
        return Err(CommitteeError::NotAssessed { year, id: id.to_string() });
    };
    let name = roster.people[a.person].name.clone();
    Ok((a, name))
}

/// What an override changed: the person's name and the grade before.
pub struct Overridden {
    pub name: String,
    pub from: Option<Grade>,
}

/// Sets a person's final grade for the year, with the reason, after checking the person is
/// assessed and graded that year.
pub fn override_grade(
    store: &mut Store,
    profile: &Profile,
    year: i32,
    id: &str,
    grade: Grade,
    reason: &str,
    by: &str,
) -> Result<Overridden, CommitteeError> {
    let (a, name) = decided_person(store, profile, year, id, reason)?;
    if let Some(h) = a.ungraded.first() {
        return Err(CommitteeError::NotGraded {
            year,
            id: id.to_string(),
            name,
            code: h.code.code(),
            label: h.code.label(),
        });
    }
    store.set_override(year, id, grade, a.final_grade, reason, by)?;
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
    reason: &str,
    by: &str,
) -> Result<String, CommitteeError> {
    let (a, name) = decided_person(store, profile, year, id, reason)?;
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
        return Err(CommitteeError::NotSupplementable { year, id: id.to_string(), name, why });
    }
    store.set_supplement(year, id, grade, reason, by)?;
    Ok(name)
}

/// Records an approved 优秀 ratio (percent) for an organ.
pub fn approve_ratio(
    store: &mut Store,
    profile: &Profile,
    year: i32,
    organ: &str,
    percent: f64,
    basis: &str,
    by: &str,
) -> Result<(), CommitteeError> {
    let max = f64::from(profile.assessment.max_ratio) / 100.0;
    if !(0.0..=max).contains(&percent) {
        return Err(CommitteeError::RatioTooHigh { percent, max });
    }
    if !store.load_roster()?.people.iter().any(|p| p.organ == organ) {
        return Err(CommitteeError::UnknownOrgan(organ.to_string()));
    }
    store.approve_ratio(year, organ, (percent * 100.0).round() as u32, basis, by)?;
    Ok(())
}

/// Checks the year can be finalised, then stores its results and locks it. Returns how many
/// results were stored.
pub fn finalize(
    store: &mut Store,
    profile: &Profile,
    year: i32,
    on: NaiveDate,
    by: &str,
) -> Result<usize, CommitteeError> {
    let (roster, decisions, result) = year_state(store, profile, year)?;
    if let Some(on) = decisions.finalized_on {
        return Err(CommitteeError::AlreadyFinal { year, on });
    }
    let problems = finalize_problems(&result, &roster);
    if !problems.is_empty() {
        return Err(CommitteeError::CannotFinalize { year, problems });
    }
    let codes = final_codes(&result, &roster);
    store.finalize(year, on, &codes, by)?;
    Ok(codes.len())
}
