//! An ID the database already holds under another name. Both stories are real: the person
//! changed their name (改名), or the ID in the file is wrong (someone else's, copied onto this
//! row). Importing blindly would, in the second story, overwrite another person's record; so
//! the row is held back — not imported, the stored record untouched — until the clerk confirms
//! the change of name, and then it is imported with the old name kept in the history.

use kaohe_engine::Roster;
use kaohe_workbook::{Issue, IssueCode, RosterRead, Severity};
use std::collections::{BTreeSet, HashSet};

/// What the clerk confirmed after a check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Confirmations {
    /// IDs whose different name is a real change of name, to be imported.
    pub renames: BTreeSet<String>,
}

/// One person listed under an ID the database holds under another name.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NameConflict {
    pub id: String,
    /// The name in the file (normalised), and the row it is on.
    pub name: String,
    pub row: Option<u32>,
    pub name_in_database: String,
    pub organ_in_database: String,
    /// Confirmed as a change of name: imported, the old name kept in the history. Otherwise the
    /// row is held back.
    pub confirmed: bool,
}

/// The conflicts of `read` against the stored names, with an issue each.
pub(crate) fn find(
    read: &RosterRead,
    stored: &crate::Stored,
    confirmed: &Confirmations,
) -> (Vec<NameConflict>, Vec<Issue>) {
    let (column, header) = read.column_of("姓名").map_or((None, None), |(c, h)| (Some(c), Some(h)));
    let mut conflicts = Vec::new();
    let mut issues = Vec::new();
    for (i, p) in read.roster.people.iter().enumerate() {
        let Some(crate::StoredPerson { name: old_name, organ: old_organ, .. }) = stored.of_roster(i) else {
            continue;
        };
        if *old_name == p.name {
            continue;
        }
        let row = read.row_of(i);
        let ok = confirmed.renames.contains(&p.id);
        let written = read.sources.get(i).and_then(|s| s.name_as_written.clone()).unwrap_or_else(|| p.name.clone());
        let mut place = format!("工作表「{}」", read.sheet);
        if let Some(r) = row {
            place.push_str(&format!("第{r}行"));
        }
        if let Some(c) = &column {
            place.push_str(&format!(" {c}列"));
        }
        if let Some(h) = &header {
            place.push_str(&format!("「{h}」"));
        }
        let message = if ok {
            format!(
                "{place}：身份证号 {} 在数据库中登记为「{old_name}」（{old_organ}），本表为「{}」，已确认为改名；该行已导入，姓名改为「{}」，原姓名记入变更记录。",
                p.id, p.name, p.name
            )
        } else {
            format!(
                "{place}：身份证号 {} 在数据库中登记为「{old_name}」（{old_organ}），本表为「{}」。可能是改名，也可能是身份证号填错（填成了别人的号码）；该行未导入，数据库中「{old_name}」的记录保持不变。如确属改名，请确认改名后重新导入；如身份证号填错，请改正后重新导入。",
                p.id, p.name
            )
        };
        issues.push(Issue {
            sheet: read.sheet.clone(),
            row,
            column: column.clone(),
            header: header.clone(),
            value: Some(written),
            code: IssueCode::NameConflict,
            severity: if ok { Severity::Warning } else { Severity::Error },
            message,
        });
        conflicts.push(NameConflict {
            id: p.id.clone(),
            name: p.name.clone(),
            row,
            name_in_database: old_name.clone(),
            organ_in_database: old_organ.clone(),
            confirmed: ok,
        });
    }
    (conflicts, issues)
}

/// The IDs held back: conflicts not confirmed.
pub(crate) fn held_back(conflicts: &[NameConflict]) -> HashSet<String> {
    conflicts.iter().filter(|c| !c.confirmed).map(|c| c.id.clone()).collect()
}

/// Removes the held-back people and every record of theirs (results, restrictions, assessment
/// inputs, rank records) from a roster, keeping `sources` in step with `people`.
pub(crate) fn remove(roster: &mut Roster, sources: &mut Vec<kaohe_workbook::PersonSource>, held: &HashSet<String>) {
    if held.is_empty() {
        return;
    }
    if sources.len() == roster.people.len() {
        let mut keep = roster.people.iter().map(|p| !held.contains(&p.id));
        sources.retain(|_| keep.next().unwrap_or(true));
    }
    roster.people.retain(|p| !held.contains(&p.id));
    roster.results.retain(|r| !held.contains(&r.person_id));
    roster.restrictions.retain(|r| !held.contains(&r.person_id));
    roster.regular.retain(|r| !held.contains(&r.person_id));
    roster.annual_inputs.retain(|r| !held.contains(&r.person_id));
    roster.rank_records.retain(|r| !held.contains(&r.person_id));
}
