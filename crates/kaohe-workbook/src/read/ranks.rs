//! The 职级变动 sheet: the ranks each person held, one row per rank (the present one included),
//! from which 核查 rebuilds the promotions made before the first import.

use super::*;

/// A person's last row of the sheet (by date): its date, row number and cells, and the place of
/// its record among those read.
struct LastRow<'a> {
    since: chrono::NaiveDate,
    row: u32,
    cells: &'a [Data],
    index: usize,
}

/// The 职级变动 sheet: one row per rank a person held. A row is skipped, with an error on its
/// cell, when its person is not among the people read (or is named otherwise there), its rank is
/// none of the profile's ladders, its date is missing, unreadable or before the person's birth,
/// or the person has a row on that date already. Each person's last row is then held against
/// the people sheet's present rank and its date: a disagreement is a warning, the people sheet
/// wins (核查 follows it).
pub(crate) fn read_rank_records(t: &Table, profile: &Profile, known: &Known, roster: &mut Roster, issues: &mut Issues) {
    if !required_sheet_columns(t, &RANK_COLUMNS[..3], issues) {
        return;
    }
    let people: HashMap<&str, &Person> = roster.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut seen: HashMap<(String, chrono::NaiveDate), u32> = HashMap::new();
    // Each person's last row (by date).
    let mut last: HashMap<String, LastRow> = HashMap::new();
    let mut read = Vec::new();
    for (row, cells) in t.rows() {
        let Some(id) = known_id(t, row, cells, known, issues) else { continue };
        let Some(person) = people.get(id.as_str()) else { continue };
        if let Some(name) = cell::text(t.get(cells, "姓名")) {
            if cell::squeezed(&name) != cell::squeezed(&person.name) {
                let why = format!("与「{}」表中该身份证号的姓名「{}」不一致，请核对身份证号", known.sheet, person.name);
                issues.push(t.issue_at(row, cells, "姓名", IssueCode::NameMismatch, Severity::Error, &why));
                continue;
            }
        }
        let rank_cell = t.get(cells, "职级");
        let Some(rank_text) = cell::text(rank_cell) else {
            issues.push(t.issue(row, "职级", rank_cell, IssueCode::MissingValue, Severity::Error, "为空"));
            continue;
        };
        let rank = match profile.rank_ref(&squeeze(&rank_text)) {
            Some(r) => r,
            None => match profile.old_title(&squeeze(&rank_text)) {
                Some(r) => {
                    let why = format!(
                        "是2019年6月前的职务名称，已按职级套转视为「{}」；请按任职文件核对",
                        profile.rank(r).name
                    );
                    issues.push(t.issue(row, "职级", rank_cell, IssueCode::OldTitle, Severity::Warning, &why));
                    r
                }
                None => {
                    issues.push(t.issue(
                        row,
                        "职级",
                        rank_cell,
                        IssueCode::UnknownRank,
                        Severity::Error,
                        "不是规则中的职级名称",
                    ));
                    continue;
                }
            },
        };
        let since = match cell::date(t.get(cells, "任职级时间")) {
            Ok(Some(d)) => d,
            Ok(None) => {
                issues.push(t.issue_at(row, cells, "任职级时间", IssueCode::MissingValue, Severity::Error, "为空"));
                continue;
            }
            Err(why) => {
                issues.push(t.issue_at(row, cells, "任职级时间", IssueCode::BadDate, Severity::Error, &why));
                continue;
            }
        };
        if let Some(born) = person.birth.or_else(|| id_number::birth_date(&id)).filter(|b| since < *b) {
            let why = format!("早于该人员的出生日期（{born}），不可能");
            issues.push(t.issue_at(row, cells, "任职级时间", IssueCode::DateOrder, Severity::Error, &why));
            continue;
        }
        if let Some(first) = seen.insert((id.clone(), since), row) {
            let why = format!("该人员{since}的职级已在第{first}行填写，同一天只能有一行");
            issues.push(t.issue_at(row, cells, "任职级时间", IssueCode::DuplicateDate, Severity::Error, &why));
            continue;
        }
        if last.get(&id).is_none_or(|l| l.since < since) {
            last.insert(id.clone(), LastRow { since, row, cells, index: read.len() });
        }
        let note: Vec<String> = ["文号", "备注"].iter().filter_map(|h| cell::text(t.get(cells, *h))).collect();
        read.push(RankRecord {
            person_id: id,
            rank: profile.rank(rank).name.clone(),
            since,
            source: format!("「{}」表第{row}行", t.sheet),
            note: (!note.is_empty()).then(|| note.join("；")),
        });
    }
    // The last row of each person against the people sheet, in the order of the rows.
    let mut lasts: Vec<(&String, &LastRow)> = last.iter().collect();
    lasts.sort_by_key(|(_, l)| l.row);
    for (id, &LastRow { since, row, cells, index }) in lasts {
        let (Some(person), Some(record)) = (people.get(id.as_str()), read.get(index)) else { continue };
        let header = match (record.rank == person.rank, since == person.rank_since) {
            (true, true) => continue,
            (false, _) => "职级",
            (true, false) => "任职级时间",
        };
        let why = format!(
            "是该人员最后一行（{}起任{}），与「{}」表的现职级「{}」（{}起）不一致；以「{}」表为准",
            since, record.rank, known.sheet, person.rank, person.rank_since, known.sheet
        );
        issues.push(t.issue_at(row, cells, header, IssueCode::RankMismatch, Severity::Warning, &why));
    }
    roster.rank_records.extend(read);
}

#[cfg(test)]
mod tests;
