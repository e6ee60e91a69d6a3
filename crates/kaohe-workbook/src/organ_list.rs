//! A list of organs (所辖单位) read from a workbook: any sheet with a column 机构名称 or 单位名称
//! (the header among the first rows, under titles, one row or two — the national system's
//! 各单位编制与人员配备表 and 各单位领导职数配备表 have 机构名称 and 机构级别 merged over two rows,
//! sub-headers beside them), and 机构级别 if there is one. Blank names, 总计/合计/小计 rows and
//! notes are left out, a name given twice is read once; a level the rule profile does not know is
//! kept as written, with a warning. A sheet with the column but no organ is refused in words.

use std::collections::HashSet;
use std::path::Path;

use kaohe_engine::Profile;

use crate::cell::{self, column_letter};
use crate::issue::{Issue, IssueCode, Severity};
use crate::read::WorkbookError;

/// The sheet kind in headers.toml.
pub const ORGAN_LIST: &str = "所辖单位";

/// One organ of a list, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedRow {
    pub name: String,
    /// The profile's name of the level, or the text as written when the profile does not know it.
    pub level: Option<String>,
    /// The row as the spreadsheet shows it.
    pub row: u32,
}

/// What a list gave.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganListRead {
    pub file: String,
    pub sheet: String,
    /// The header's row as the spreadsheet shows it.
    pub header_row: u32,
    pub organs: Vec<ListedRow>,
    /// Levels not in the profile (kept as written) or vague, each with its cell.
    pub warnings: Vec<Issue>,
}

/// Reads the first sheet of `path` that has a 单位名称 column.
pub fn read_organ_list(path: &Path, profile: &Profile) -> Result<OrganListRead, WorkbookError> {
    let (file, mut book) = crate::source::open_book(path)?;
    let names = book.sheet_names();
    for sheet in &names {
        let Ok(range) = book.range(sheet) else { continue };
        let layout = crate::layout::detect(ORGAN_LIST, &range, "单位名称");
        let col = |f: &str| layout.columns.iter().position(|c| c.field.as_deref() == Some(f));
        let Some(name_col) = col("单位名称") else { continue };
        let level_col = col("机构级别");
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let header_row = row0 + layout.header as u32 + 1;
        let mut out = OrganListRead {
            file: file.clone(),
            sheet: sheet.clone(),
            header_row,
            organs: Vec::new(),
            warnings: Vec::new(),
        };
        let mut seen = HashSet::new();
        for (i, row) in range.rows().enumerate().skip(layout.data) {
            let Some(name) = row.get(name_col).and_then(cell::text) else { continue };
            if crate::layout::is_note(row) || is_total(&name) {
                continue;
            }
            let name = kaohe_engine::profile::squeeze(&name);
            if !seen.insert(name.clone()) {
                continue;
            }
            let excel_row = row0 + i as u32 + 1;
            let level = level_col.and_then(|c| row.get(c)).and_then(cell::text).map(|written| {
                let at = |what: String| Issue {
                    sheet: sheet.clone(),
                    row: Some(excel_row),
                    column: level_col.map(|c| column_letter(col0 + c as u32)),
                    header: Some("机构级别".into()),
                    value: Some(written.clone()),
                    code: IssueCode::UnknownOrganLevel,
                    severity: Severity::Warning,
                    message: format!(
                        "工作表「{sheet}」第{excel_row}行 {}列「机构级别」：{what}",
                        level_col.map(|c| column_letter(col0 + c as u32)).unwrap_or_default()
                    ),
                };
                match profile.read_organ_level(&written) {
                    Ok(known) => {
                        if let Some(w) = &known.import_warning {
                            out.warnings
                                .push(Issue { code: IssueCode::VagueValue, ..at(format!("「{written}」{w}")) });
                        }
                        known.name.clone()
                    }
                    Err(why) => {
                        out.warnings
                            .push(at(format!("「{written}」{why}，已按原文记录；晋升时用不到它定的职级设置规格")));
                        written
                    }
                }
            });
            out.organs.push(ListedRow { name, level, row: excel_row });
        }
        if out.organs.is_empty() {
            return Err(WorkbookError::NoOrgans { file, sheet: sheet.clone(), header_row });
        }
        return Ok(out);
    }
    Err(WorkbookError::NoOrganColumn { file, sheets: names })
}

/// A row of totals (总计, 合计, 小计), which names no organ.
fn is_total(name: &str) -> bool {
    let n = kaohe_engine::profile::squeeze(name);
    ["总计", "合计", "小计"].iter().any(|t| n.starts_with(t))
}
