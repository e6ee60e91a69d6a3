//! 核查 for both front ends: the audit of a database's history on a day ([`audit_report`]), a
//! finding marked 已核实 with a reason or the mark withdrawn ([`mark`], [`unmark`], each logged
//! in the 操作日志), and the findings written to a workbook ([`export`]).
//!
//! A finding's key names its kind, the person and what it is about (a year, a promotion's day),
//! so a mark stays with its finding from one run to the next and is shown again while the records
//! behind it are unchanged; a finding that is gone (the roster corrected) leaves its mark unseen.

use chrono::NaiveDate;
use kaohe_engine::audit::{audit, Finding, FindingKind, RankStep};
use kaohe_engine::{Profile, Roster};
use kaohe_store::{Mark, MarkSubject, Store};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

use crate::committee::operator;
use crate::DeskError;

/// A finding with its 已核实 mark, if it has one.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub finding: Finding,
    pub mark: Option<Mark>,
}

/// How many findings of a kind, and how many of them are marked.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditCount {
    pub kind: FindingKind,
    pub found: u32,
    pub verified: u32,
}

/// `kaohe audit --json` and the 核查 page.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditReport {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub as_of: NaiveDate,
    /// The rule profile the findings cite: its name and version.
    pub profile: String,
    /// People audited.
    pub people: u32,
    /// Promotions the history records (held against the minimum service): those the imports saw
    /// and those of the roster's 职级变动 sheet, a step seen both ways once.
    pub promotions: u32,
    /// Every kind, in order, with its count (zero included).
    pub counts: Vec<AuditCount>,
    pub findings: Vec<AuditEntry>,
}

/// The audit of a roster with the promotions the imports recorded (its 职级变动 records add theirs)
/// and the marks kept.
pub fn audit_of(
    roster: &Roster,
    steps: &[RankStep],
    marks: Vec<Mark>,
    profile: &Profile,
    as_of: NaiveDate,
) -> AuditReport {
    let mut marks: HashMap<String, Mark> = marks.into_iter().map(|m| (m.key.clone(), m)).collect();
    let findings: Vec<AuditEntry> = audit(roster, profile, as_of, steps)
        .into_iter()
        .map(|finding| AuditEntry { mark: marks.remove(&finding.key), finding })
        .collect();
    let counts = FindingKind::ALL
        .into_iter()
        .map(|kind| {
            let of = findings.iter().filter(|e| e.finding.kind == kind);
            AuditCount {
                kind,
                found: of.clone().count() as u32,
                verified: of.filter(|e| e.mark.is_some()).count() as u32,
            }
        })
        .collect();
    AuditReport {
        as_of,
        profile: format!("{} {}", profile.meta.name, profile.meta.version),
        people: roster.people.len() as u32,
        promotions: kaohe_engine::audit::all_steps(roster, profile, steps).len() as u32,
        counts,
        findings,
    }
}

/// The audit of the database on `as_of`.
pub fn audit_report(store: &Store, profile: &Profile, as_of: NaiveDate) -> Result<AuditReport, DeskError> {
    let roster = store.load_roster()?;
    Ok(audit_of(&roster, &store.rank_steps()?, store.finding_marks()?, profile, as_of))
}

/// The person and the finding a key names, in the words the 操作日志 keeps; refused when the key
/// is not one of the audit's or the person is not in the database.
fn subject_words(store: &Store, key: &str) -> Result<(String, String), DeskError> {
    let mut parts = key.splitn(3, ':');
    let (kind, id, rest) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default(), parts.next());
    let Some(kind) = FindingKind::ALL.into_iter().find(|k| k.code() == kind) else {
        return Err(DeskError::BadArgument(format!("「{key}」不是核查发现的编号")));
    };
    let name = store.person_name(id)?.ok_or_else(|| DeskError::UnknownPerson(id.to_string()))?;
    let about = rest.map(|r| format!("（{r}）")).unwrap_or_default();
    Ok((id.to_string(), format!("{name}（{id}）：{}{about}", kind.label())))
}

/// Marks the finding `key` 已核实 with `reason` (required), by `by`; logged.
pub fn mark(store: &mut Store, key: &str, reason: &str, by: &str) -> Result<Mark, DeskError> {
    let by = operator(by)?;
    if reason.trim().is_empty() {
        return Err(DeskError::ReasonRequired("标记已核实必须说明核实情况".into()));
    }
    let (person_id, words) = subject_words(store, key)?;
    Ok(store.mark_finding(&MarkSubject { key, person_id: &person_id, words: &words }, reason, by)?)
}

/// Withdraws the mark of `key` with `reason` (required), by `by`; logged. Whether there was one.
pub fn unmark(store: &mut Store, key: &str, reason: &str, by: &str) -> Result<bool, DeskError> {
    let by = operator(by)?;
    if reason.trim().is_empty() {
        return Err(DeskError::ReasonRequired("撤销核实必须说明理由".into()));
    }
    let (person_id, words) = subject_words(store, key)?;
    Ok(store.unmark_finding(&MarkSubject { key, person_id: &person_id, words: &words }, reason, by)?)
}

/// Writes the findings to a workbook, marks included.
pub fn export(report: &AuditReport, path: &Path) -> Result<(), kaohe_workbook::WorkbookError> {
    let rows: Vec<kaohe_workbook::AuditRow> = report
        .findings
        .iter()
        .map(|e| kaohe_workbook::AuditRow {
            finding: &e.finding,
            verified: e.mark.as_ref().map(|m| (m.reason.as_str(), m.by.as_str(), m.at.as_str())),
        })
        .collect();
    let title = format!("核查结果（截至{}，规则：{}）", report.as_of.format("%Y年%-m月%-d日"), report.profile);
    kaohe_workbook::write_audit(path, &title, &rows)
}
