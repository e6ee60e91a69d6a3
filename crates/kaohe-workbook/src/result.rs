//! The promotion result workbook: 晋升资格 (everyone, eligible first) and 职数 (the slot table),
//! ready to print — A4 landscape, title and header repeated on every page, 宋体, widths that fit.

use crate::read::WorkbookError;
use crate::rows::{Rows, Tell};
use crate::template::{header_format, text_width};
use kaohe_engine::promotion::SlotCode;
use kaohe_engine::report::{months_text, PromotionReport};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use std::path::Path;

const A4: u8 = 9;

fn title_format() -> Format {
    Format::new()
        .set_font_name("宋体")
        .set_font_size(16)
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
}

pub(crate) fn body_format() -> Format {
    Format::new()
        .set_font_name("宋体")
        .set_font_size(10)
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter)
}

/// Title row, header row, print settings. Returns the first data row.
pub(crate) fn layout(sheet: &mut Worksheet, title: &str, headers: &[(&str, f64)]) -> Result<u32, XlsxError> {
    let last = headers.len() as u16 - 1;
    // A table of one column has nothing to merge its title over (rust_xlsxwriter refuses a merge
    // of one cell): 尚未上报, 冲突.
    if last == 0 {
        sheet.write_string_with_format(0, 0, title, &title_format())?;
    } else {
        sheet.merge_range(0, 0, 0, last, title, &title_format())?;
    }
    sheet.set_row_height(0, 30)?;
    let header = header_format();
    for (i, (h, width)) in headers.iter().enumerate() {
        sheet.write_string_with_format(1, i as u16, *h, &header)?;
        sheet.set_column_width(i as u16, width.max(text_width(h) + 1.0))?;
    }
    sheet.set_landscape();
    sheet.set_paper_size(A4);
    sheet.set_repeat_rows(0, 1)?;
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    sheet.set_footer("&C第 &P 页，共 &N 页");
    sheet.set_freeze_panes(2, 0)?;
    Ok(2)
}

fn build(report: &PromotionReport, rows: &mut Rows) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let body = body_format();
    let center = body_format().set_align(FormatAlign::Center);
    let as_of = report.as_of.format("%Y年%-m月%-d日");

    // One row in memory at a time (the rows are written in order, their text inline): 100,000
    // people's rows would otherwise all be held until the save.
    let sheet = book.add_worksheet_with_constant_memory()?.set_name("晋升资格")?;
    let headers = [
        ("序号", 5.0),
        ("姓名", 9.0),
        ("身份证号", 20.0),
        ("单位", 14.0),
        ("职位类别", 10.0),
        ("现职级", 12.0),
        ("拟晋升职级", 12.0),
        ("现级别", 6.0),
        ("晋升后级别", 7.0),
        ("起算日期", 11.0),
        ("已计任职年限", 11.0),
        ("需要年限", 9.0),
        ("优秀缩短", 8.0),
        ("年限是否满足", 7.0),
        ("最早满足日期", 11.0),
        ("资格审核结论", 9.0),
        ("职数情况", 10.0),
        ("限制原因", 24.0),
        ("说明", 60.0),
    ];
    let first_row = layout(
        sheet,
        &format!("职级晋升资格审核表（截至{as_of}，规则：{} {}）", report.profile.name, report.profile.version),
        &headers,
    )?;
    let mut order: Vec<usize> = (0..report.people.len()).collect();
    order.sort_by_key(|&i| !report.people[i].eligible);
    for (n, &i) in order.iter().enumerate() {
        let row = first_row + n as u32;
        let p = &report.people[i];
        let slot = match p.slot {
            Some(SlotCode::Proposed) => "拟列入",
            Some(SlotCode::Waiting) => "职数不足",
            Some(SlotCode::NotApproved) => "未核定职数",
            Some(SlotCode::WithinPool) => "池内晋升",
            Some(SlotCode::Unlimited) => "不受职数限制",
            None => "",
        };
        let level = |l: Option<u32>| l.map(|l| format!("{l}级")).unwrap_or_else(|| "—".into());
        let cells: [String; 19] = [
            (n + 1).to_string(),
            p.name.clone(),
            p.id.clone(),
            p.organ.clone(),
            p.category.clone(),
            p.rank.clone(),
            p.target_rank.clone().unwrap_or_else(|| "—".into()),
            level(p.level),
            level(p.new_level),
            p.counting_from.to_string(),
            months_text(p.counted_months),
            p.required_months.map(months_text).unwrap_or_else(|| "—".into()),
            if p.reduction_months > 0 { months_text(p.reduction_months) } else { "—".into() },
            if p.qualified { "是" } else { "否" }.into(),
            p.eligible_on.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
            if p.eligible { "符合" } else { "不符合" }.into(),
            slot.into(),
            p.blocks.iter().map(|b| b.reason.to_string()).collect::<Vec<_>>().join("\n"),
            kaohe_engine::reason::lines(&p.reasons),
        ];
        for (c, v) in cells.iter().enumerate() {
            let fmt = if [0, 7, 8, 9, 10, 11, 12, 13, 14, 15].contains(&c) { &center } else { &body };
            crate::text::write_text(sheet, row, c as u16, v, fmt)?;
        }
        rows.row();
    }

    let sheet = book.add_worksheet().set_name("职数")?;
    let headers = [
        ("单位", 16.0),
        ("职数池", 18.0),
        ("核定", 7.0),
        ("实有", 7.0),
        ("空缺", 7.0),
        ("符合条件人数", 8.0),
        ("拟晋升人选", 40.0),
    ];
    let first_row = layout(sheet, &format!("职级职数使用情况表（截至{as_of}）"), &headers)?;
    let names: HashMap<&str, &str> = report.people.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    for (n, pool) in report.pools.iter().enumerate() {
        let row = first_row + n as u32;
        let count = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_else(|| "未核定".into());
        let proposed: Vec<&str> =
            pool.proposed.iter().map(|id| names.get(id.as_str()).copied().unwrap_or(id.as_str())).collect();
        let cells = [
            pool.organ.clone(),
            pool.pool.clone(),
            count(pool.approved),
            pool.held.to_string(),
            count(pool.free),
            pool.candidates.len().to_string(),
            proposed.join("、"),
        ];
        for (c, v) in cells.iter().enumerate() {
            let fmt = if (2..=5).contains(&c) { &center } else { &body };
            // Counts are numbers a clerk may sum; everything else is text.
            match v.parse::<f64>() {
                Ok(n) if (2..=5).contains(&c) => {
                    sheet.write_number_with_format(row, c as u16, n, fmt)?;
                }
                _ => crate::text::write_text(sheet, row, c as u16, v, fmt)?,
            };
        }
    }
    Ok(book)
}

/// Writes the promotion result workbook.
pub fn write_promotion(path: &Path, report: &PromotionReport) -> Result<(), WorkbookError> {
    write_promotion_told(path, report, &|_, _| {})
}

/// [`write_promotion`], telling how many of the people's rows are written (one each).
pub fn write_promotion_told(path: &Path, report: &PromotionReport, tell: Tell) -> Result<(), WorkbookError> {
    let fail = |e: XlsxError| WorkbookError::write(path, e);
    WorkbookError::save(path, &mut build(report, &mut Rows::new(report.people.len(), tell)).map_err(fail)?)
}
