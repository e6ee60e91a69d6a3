//! The national information system's annual-result import template (序号, 姓 名, 单位及职务,
//! 等 次), read for a year the user names. It has no ID number: people are matched by name, and
//! among people of the same name by the unit written in 单位及职务. Two people the file cannot
//! tell apart are reported, never guessed.

use crate::cell::{self, column_letter};
use crate::issue::{Issue, IssueCode, Severity};
use crate::read::WorkbookError;
use kaohe_engine::profile::squeeze;
use kaohe_engine::{Person, ResultCode, YearResult};
use std::collections::HashMap;
use std::path::Path;

/// The sheet kind in headers.toml.
pub const NATIONAL: &str = "国家年度考核";

/// What a national results file gave.
#[derive(Debug, Clone, PartialEq)]
pub struct NationalRead {
    pub file: String,
    pub sheet: String,
    pub results: Vec<YearResult>,
    pub issues: Vec<Issue>,
    pub rows_read: u32,
}

impl NationalRead {
    /// The matched results as a read the store imports: no people, organs or mapping.
    pub fn to_roster_read(&self) -> crate::RosterRead {
        let roster = kaohe_engine::Roster { results: self.results.clone(), ..kaohe_engine::Roster::default() };
        crate::RosterRead {
            issues: self.issues.clone(),
            rows_read: self.rows_read,
            sheet: self.sheet.clone(),
            ..crate::RosterRead::of(&self.file, roster)
        }
    }
}

/// Whether a file's first sheet looks like the national template.
pub fn looks_national(path: &Path) -> bool {
    let Ok(mut book) = crate::source::open(path) else { return false };
    book.sheet_names().iter().any(|n| {
        book.range(n).is_ok_and(|r| {
            let layout = crate::layout::detect(NATIONAL, &r, "姓名");
            let fields: Vec<&str> = layout.columns.iter().filter_map(|c| c.field.as_deref()).collect();
            fields.contains(&"姓名") && fields.contains(&"单位及职务") && fields.contains(&"等次")
        })
    })
}

/// Reads the results of `year` and matches them to `people` (the database's roster).
pub fn read_national_results(path: &Path, year: i32, people: &[Person]) -> Result<NationalRead, WorkbookError> {
    let (file, mut book) = crate::source::open_book(path)?;
    let names = book.sheet_names();
    let mut chosen = None;
    for n in &names {
        let Ok(range) = book.range(n) else { continue };
        let layout = crate::layout::detect(NATIONAL, &range, "姓名");
        let has = |f: &str| layout.columns.iter().any(|c| c.field.as_deref() == Some(f));
        if has("姓名") && has("单位及职务") && has("等次") {
            chosen = Some((n.clone(), range, layout));
            break;
        }
    }
    let Some((sheet, range, layout)) = chosen else {
        return Err(WorkbookError::ColumnMissing {
            sheet: names.first().cloned().unwrap_or_default(),
            header_row: 1,
            columns: vec!["姓名".into(), "单位及职务".into(), "等次".into()],
        });
    };
    let col = |f: &str| layout.columns.iter().position(|c| c.field.as_deref() == Some(f));
    let (Some(name_col), Some(unit_col), Some(grade_col)) = (col("姓名"), col("单位及职务"), col("等次"))
    else {
        return Err(WorkbookError::ColumnMissing {
            sheet,
            header_row: 1,
            columns: vec!["姓名".into(), "单位及职务".into(), "等次".into()],
        });
    };
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut by_name: HashMap<String, Vec<&Person>> = HashMap::new();
    for p in people {
        by_name.entry(squeeze(&p.name)).or_default().push(p);
    }
    let mut out = NationalRead { file, sheet: sheet.clone(), results: Vec::new(), issues: Vec::new(), rows_read: 0 };
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (i, row) in range.rows().enumerate().skip(layout.data) {
        if crate::layout::is_note(row)
            || [name_col, unit_col, grade_col].iter().all(|&c| row.get(c).is_none_or(cell::is_empty))
        {
            continue;
        }
        out.rows_read += 1;
        let excel_row = row0 + i as u32 + 1;
        let value = |c: usize| row.get(c).and_then(cell::text).unwrap_or_default();
        let (name, unit, grade) = (squeeze(&value(name_col)), value(unit_col), value(grade_col));
        let mut found: Vec<Issue> = Vec::new();
        let mut issue = |c: usize, header: &str, v: &str, code: IssueCode, severity: Severity, what: String| {
            let consequence = if severity == Severity::Error { "该行未导入" } else { "已导入，请核对" };
            found.push(Issue {
                sheet: sheet.clone(),
                row: Some(excel_row),
                column: Some(column_letter(col0 + c as u32)),
                header: Some(header.to_string()),
                value: Some(v.to_string()),
                code,
                severity,
                message: format!(
                    "工作表「{sheet}」第{excel_row}行 {}列「{header}」：{what}；{consequence}。",
                    column_letter(col0 + c as u32)
                ),
            });
        };
        let matched = match_row(&name, &unit, &grade, &by_name, &mut issue, (name_col, unit_col, grade_col));
        out.issues.append(&mut found);
        let Some((person, result)) = matched else { continue };
        if let Some(first) = seen.insert(person.id.clone(), excel_row) {
            out.issues.push(Issue {
                sheet: sheet.clone(),
                row: Some(excel_row),
                column: Some(column_letter(col0 + name_col as u32)),
                header: Some("姓名".into()),
                value: Some(name.clone()),
                code: IssueCode::DuplicateResult,
                severity: Severity::Error,
                message: format!(
                    "工作表「{sheet}」第{excel_row}行 {}列「姓名」：与第{first}行是同一人（{}）；该行未导入。",
                    column_letter(col0 + name_col as u32),
                    person.organ
                ),
            });
            continue;
        }
        out.results.push(YearResult { person_id: person.id.clone(), year, result });
    }
    Ok(out)
}

/// Where a row's problems go: (column, header, value, code, severity, what).
type IssueSink<'a> = dyn FnMut(usize, &str, &str, IssueCode, Severity, String) + 'a;

/// Matches one row to a person and reads its grade; problems go to `issue`.
fn match_row<'p>(
    name: &str,
    unit: &str,
    grade: &str,
    by_name: &HashMap<String, Vec<&'p Person>>,
    issue: &mut IssueSink,
    (name_col, unit_col, grade_col): (usize, usize, usize),
) -> Option<(&'p Person, ResultCode)> {
    let Some(result) = ResultCode::parse(&squeeze(grade)) else {
        issue(
            grade_col,
            "等次",
            grade,
            IssueCode::UnknownGrade,
            Severity::Error,
            format!("「{grade}」不是有效等次（优秀、称职、基本称职、不称职，或不定等次的说明、代码）"),
        );
        return None;
    };
    let candidates: Vec<&Person> = by_name.get(name).cloned().unwrap_or_default();
    let in_unit: Vec<&Person> =
        candidates.iter().copied().filter(|p| squeeze(unit).contains(&squeeze(&p.organ))).collect();
    let person = match (candidates.len(), in_unit.len()) {
        (0, _) => {
            issue(
                name_col,
                "姓名",
                name,
                IssueCode::UnknownPerson,
                Severity::Error,
                format!("数据库中没有名为「{name}」的人员，请先导入人员名册"),
            );
            return None;
        }
        (1, 1) => candidates[0],
        (1, 0) => {
            let p = candidates[0];
            issue(
                unit_col,
                "单位及职务",
                unit,
                IssueCode::SameName,
                Severity::Warning,
                format!(
                    "「{unit}」与数据库中「{name}」的单位「{}」不一致，数据库中只有这一名「{name}」，已按此人导入",
                    p.organ
                ),
            );
            p
        }
        (_, 1) => in_unit[0],
        (_, 0) => {
            let organs: Vec<&str> = candidates.iter().map(|p| p.organ.as_str()).collect();
            issue(
                unit_col,
                "单位及职务",
                unit,
                IssueCode::SameName,
                Severity::Error,
                format!(
                    "数据库中有{}名「{name}」（{}），「{unit}」与其中任何一人的单位都不相符，无法确定是谁",
                    candidates.len(),
                    organs.join("、")
                ),
            );
            return None;
        }
        (_, n) => {
            issue(
                unit_col,
                "单位及职务",
                unit,
                IssueCode::SameName,
                Severity::Error,
                format!("同一单位有{n}名「{name}」，本表没有身份证号，无法区分是谁；请在系统中逐人确定"),
            );
            return None;
        }
    };
    Some((person, result))
}
