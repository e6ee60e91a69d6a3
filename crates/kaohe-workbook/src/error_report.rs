//! The error workbook a clerk fixes and re-imports: their own sheet with the problem cells
//! coloured and a 错误原因 column, the rows that were not imported in the canonical layout, and a
//! summary. Every cell is written as text: nothing from the input ever becomes a formula.

use crate::cell::display;
use crate::issue::{Issue, Severity};
use crate::read::{RosterRead, WorkbookError, PEOPLE_TEMPLATE_ORDER};
use crate::template::{header_format, text_width};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

fn letter_index(letter: &str) -> Option<u32> {
    let mut n: u32 = 0;
    for c in letter.chars() {
        if !c.is_ascii_uppercase() {
            return None;
        }
        n = n * 26 + (c as u32 - 'A' as u32 + 1);
    }
    n.checked_sub(1)
}

/// Why the error workbook could not be built: the source would not open again (said for a
/// clerk), or the writer failed.
enum BuildError {
    Source(String),
    Writer(XlsxError),
}

impl From<String> for BuildError {
    fn from(s: String) -> BuildError {
        BuildError::Source(s)
    }
}

fn build(source: &Path, read: &RosterRead) -> Result<Workbook, BuildError> {
    let mut book = crate::source::open(source)?;
    let range = book.range(&read.sheet)?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let width = range.width() as u32;

    let mine: Vec<&Issue> = read.issues.iter().filter(|i| i.sheet == read.sheet && i.row.is_some()).collect();
    let mut by_row: BTreeMap<u32, Vec<&Issue>> = BTreeMap::new();
    let mut cells: HashMap<(u32, u32), Severity> = HashMap::new();
    for i in &mine {
        let row = i.row.unwrap_or(0);
        by_row.entry(row).or_default().push(i);
        if let Some(c) = i.column.as_deref().and_then(letter_index) {
            let e = cells.entry((row, c)).or_insert(i.severity);
            if i.severity == Severity::Error {
                *e = Severity::Error;
            }
        }
    }

    let mut out = Workbook::new();
    marked_sheet(&mut out, &range, (row0, col0, width), &by_row, &cells, read)?;
    let failed = failed_rows_sheet(&mut out, &range, (row0, col0), &by_row, read)?;
    summary_sheet(&mut out, read, failed)?;
    Ok(out)
}

/// The clerk's own sheet (the first), at the same rows and columns, with the problems marked and
/// a column of their reasons.
fn marked_sheet(
    out: &mut Workbook,
    range: &calamine::Range<calamine::Data>,
    (row0, col0, width): (u32, u32, u32),
    by_row: &BTreeMap<u32, Vec<&Issue>>,
    cells: &HashMap<(u32, u32), Severity>,
    read: &RosterRead,
) -> Result<(), BuildError> {
    let text = Format::new().set_font_name("宋体").set_num_format("@");
    let error = Format::new()
        .set_font_name("宋体")
        .set_num_format("@")
        .set_background_color("#FFC7CE")
        .set_font_color("#9C0006");
    let warning = Format::new()
        .set_font_name("宋体")
        .set_num_format("@")
        .set_background_color("#FFEB9C")
        .set_font_color("#9C5700");
    let err = BuildError::Writer;
    let reason = Format::new().set_font_name("宋体").set_text_wrap().set_font_color("#9C0006");
    let sheet = out.add_worksheet().set_name("原表（已标出问题）").map_err(err)?;
    for (i, row) in range.rows().enumerate() {
        let r = row0 + i as u32;
        for (j, v) in row.iter().enumerate() {
            let c = col0 + j as u32;
            let value = display(v);
            if value.is_empty() && !cells.contains_key(&(r + 1, c)) {
                continue;
            }
            let fmt = match cells.get(&(r + 1, c)) {
                Some(Severity::Error) => &error,
                Some(Severity::Warning) => &warning,
                None => &text,
            };
            crate::text::write_text(sheet, r, c as u16, &value, fmt).map_err(err)?;
        }
    }
    let reason_col = (col0 + width) as u16;
    sheet
        .write_string_with_format(read.header_row.saturating_sub(1), reason_col, "错误原因", &header_format())
        .map_err(err)?;
    for (row, list) in by_row {
        let text: Vec<String> = list
            .iter()
            .map(|i| format!("{}{}", if i.severity == Severity::Error { "【未导入】" } else { "【提示】" }, i.message))
            .collect();
        crate::text::write_text(sheet, row - 1, reason_col, text.join("\n"), &reason).map_err(err)?;
    }
    sheet.set_column_width(reason_col, 80).map_err(err)?;
    Ok(())
}

/// The rows not imported (the second sheet), in the canonical layout, to fix and import again;
/// returns how many.
fn failed_rows_sheet(
    out: &mut Workbook,
    range: &calamine::Range<calamine::Data>,
    (row0, col0): (u32, u32),
    by_row: &BTreeMap<u32, Vec<&Issue>>,
    read: &RosterRead,
) -> Result<usize, BuildError> {
    let err = BuildError::Writer;
    let reason = Format::new().set_font_name("宋体").set_text_wrap().set_font_color("#9C0006");
    let failed: Vec<u32> =
        by_row.iter().filter(|(_, l)| l.iter().any(|i| i.severity == Severity::Error)).map(|(r, _)| *r).collect();
    let field_col: HashMap<&str, u32> =
        read.mapping.iter().filter_map(|m| Some((m.field.as_deref()?, letter_index(&m.column)?))).collect();
    let sheet = out.add_worksheet().set_name("未导入行（标准格式）").map_err(err)?;
    let header = header_format();
    let body = Format::new().set_font_name("宋体").set_num_format("@").set_border(FormatBorder::Thin);
    sheet.write_string_with_format(0, 0, "原行号", &header).map_err(err)?;
    for (c, h) in PEOPLE_TEMPLATE_ORDER.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16 + 1, *h, &header).map_err(err)?;
        sheet.set_column_width(c as u16 + 1, text_width(h).max(10.0) + 2.0).map_err(err)?;
    }
    let last = PEOPLE_TEMPLATE_ORDER.len() as u16 + 1;
    sheet.write_string_with_format(0, last, "错误原因", &header).map_err(err)?;
    sheet.set_column_width(last, 80).map_err(err)?;
    let rows: Vec<&[calamine::Data]> = range.rows().collect();
    for (n, r) in failed.iter().enumerate() {
        let out_row = n as u32 + 1;
        crate::text::write_text(sheet, out_row, 0, r.to_string(), &body).map_err(err)?;
        let Some(src) = r.checked_sub(row0 + 1).and_then(|i| rows.get(i as usize)) else { continue };
        for (c, h) in PEOPLE_TEMPLATE_ORDER.iter().enumerate() {
            let value =
                field_col.get(h).and_then(|&col| src.get((col - col0) as usize)).map(display).unwrap_or_default();
            crate::text::write_text(sheet, out_row, c as u16 + 1, &value, &body).map_err(err)?;
        }
        let why: Vec<String> =
            by_row[r].iter().filter(|i| i.severity == Severity::Error).map(|i| i.message.clone()).collect();
        crate::text::write_text(sheet, out_row, last, why.join("\n"), &reason).map_err(err)?;
    }
    Ok(failed.len())
}

/// The summary (the third sheet): the file, the sheet, the counts, and every issue.
fn summary_sheet(out: &mut Workbook, read: &RosterRead, failed: usize) -> Result<(), BuildError> {
    let err = BuildError::Writer;
    let header = header_format();
    let sheet = out.add_worksheet().set_name("汇总").map_err(err)?;
    let label = Format::new().set_font_name("黑体").set_align(FormatAlign::Right);
    let value = Format::new().set_font_name("宋体");
    let (errors, warnings) = read.issue_counts();
    let lines = [
        ("文件", read.file.clone()),
        ("人员工作表", format!("{}（表头在第{}行）", read.sheet, read.header_row)),
        ("读取人员行数", read.rows_read.to_string()),
        ("已导入人员", read.roster.people.len().to_string()),
        ("未导入人员行", failed.to_string()),
        ("问题总数", format!("{}（未导入 {errors}，提示 {warnings}）", errors + warnings)),
    ];
    for (r, (k, v)) in lines.iter().enumerate() {
        sheet.write_string_with_format(r as u32, 0, *k, &label).map_err(err)?;
        crate::text::write_text(sheet, r as u32, 1, v, &value).map_err(err)?;
    }
    let start = lines.len() as u32 + 1;
    for (c, h) in ["工作表", "行", "列", "内容", "问题", "说明"].iter().enumerate() {
        sheet.write_string_with_format(start, c as u16, *h, &header).map_err(err)?;
    }
    for (n, i) in read.issues.iter().enumerate() {
        let r = start + 1 + n as u32;
        let cells = [
            i.sheet.clone(),
            i.row.map(|v| v.to_string()).unwrap_or_default(),
            i.column.clone().unwrap_or_default(),
            i.value.clone().unwrap_or_default(),
            if i.severity == Severity::Error { "未导入" } else { "提示" }.to_string(),
            i.message.clone(),
        ];
        for (c, v) in cells.iter().enumerate() {
            crate::text::write_text(sheet, r, c as u16, v, &value).map_err(err)?;
        }
    }
    sheet.set_column_width(0, 16).map_err(err)?;
    sheet.set_column_width(1, 14).map_err(err)?;
    sheet.set_column_width(5, 90).map_err(err)?;
    Ok(())
}

/// Writes the error workbook for a read of `source`.
pub fn write_error_report(path: &Path, source: &Path, read: &RosterRead) -> Result<(), WorkbookError> {
    if kaohe_files::same_file(path, source) {
        let stem = source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "名册".into());
        return Err(WorkbookError::Write {
            file: path.display().to_string(),
            detail: format!(
                "这就是正在导入的名册，问题清单不能覆盖它；请另选一个文件名，如「{stem}（问题清单）.xlsx」"
            ),
            technical: None,
        });
    }
    let mut book = build(source, read).map_err(|e| match e {
        BuildError::Source(detail) => {
            WorkbookError::Write { file: path.display().to_string(), detail, technical: None }
        }
        BuildError::Writer(e) => WorkbookError::write(path, e),
    })?;
    WorkbookError::save(path, &mut book)
}
