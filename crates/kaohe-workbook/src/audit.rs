//! The 核查 workbook: one row per finding, in the audit's order — what it is about, who, the
//! year, what is wrong with the rule it goes against, the records behind it, and whether a clerk
//! marked it 已核实 (with the reason, who and when). A4 landscape like the result workbooks.

use crate::read::WorkbookError;
use crate::result::{body_format, layout};
use kaohe_engine::audit::Finding;
use rust_xlsxwriter::{FormatAlign, Workbook, XlsxError};
use std::path::Path;

/// A finding as the workbook shows it, with its 已核实 mark if it has one.
pub struct AuditRow<'a> {
    pub finding: &'a Finding,
    /// (reason, by, at) of the mark.
    pub verified: Option<(&'a str, &'a str, &'a str)>,
}

fn build(title: &str, rows: &[AuditRow]) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let body = body_format();
    let center = body_format().set_align(FormatAlign::Center);
    let sheet = book.add_worksheet_with_constant_memory()?.set_name("核查结果")?;
    let headers = [
        ("序号", 5.0),
        ("问题类别", 18.0),
        ("姓名", 9.0),
        ("身份证号", 20.0),
        ("单位", 14.0),
        ("年度", 6.0),
        ("问题及依据", 60.0),
        ("相关记录", 30.0),
        ("核实情况", 8.0),
        ("核实说明", 24.0),
        ("核实人", 8.0),
        ("核实时间", 17.0),
    ];
    let first_row = layout(sheet, title, &headers)?;
    for (n, r) in rows.iter().enumerate() {
        let f = r.finding;
        let (state, reason, by, at) = match r.verified {
            Some((reason, by, at)) => ("已核实", reason, by, at),
            None => ("未核实", "", "", ""),
        };
        let cells: [String; 12] = [
            (n + 1).to_string(),
            f.kind.label().into(),
            f.name.clone(),
            f.person_id.clone(),
            f.organ.clone(),
            f.year.map(|y| y.to_string()).unwrap_or_default(),
            f.reason.to_string(),
            f.records.join("\n"),
            state.into(),
            reason.into(),
            by.into(),
            at.into(),
        ];
        for (c, v) in cells.iter().enumerate() {
            let fmt = if [0, 5, 8].contains(&c) { &center } else { &body };
            crate::text::write_text(sheet, first_row + n as u32, c as u16, v, fmt)?;
        }
    }
    Ok(book)
}

/// Writes the 核查 workbook with its title (「核查结果（截至…）」).
pub fn write_audit(path: &Path, title: &str, rows: &[AuditRow]) -> Result<(), WorkbookError> {
    let fail = |e: XlsxError| WorkbookError::write(path, e);
    WorkbookError::save(path, &mut build(title, rows).map_err(fail)?)
}
