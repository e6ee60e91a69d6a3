//! The assessment result workbook — 考核结果, 优秀名额测算, 结果运用, 统计 and 年度考核导入 — and
//! the national system's import file on its own. Print-ready like the promotion workbook.

use crate::read::WorkbookError;
use crate::result::{body_format, layout};
use crate::rows::{Rows, Tell};
use kaohe_engine::assessment::report::{flag_label, kind_label, AssessmentReport, PersonReport};
use kaohe_engine::assessment::Mode;
use kaohe_engine::{GradeName, NationalCode};
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::collections::BTreeMap;
use std::path::Path;

/// The national system's annual-result import template's columns (with their inner spaces).
pub const NATIONAL_COLUMNS: [&str; 4] = ["序号", "姓 名", "单位及职务", "等 次"];

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[String],
    centered: &[usize],
    (body, center): (&Format, &Format),
) -> Result<(), XlsxError> {
    for (c, v) in cells.iter().enumerate() {
        let fmt = if centered.contains(&c) { center } else { body };
        crate::text::write_text(sheet, row, c as u16, v, fmt)?;
    }
    Ok(())
}

/// The 等次 the national system takes: the grade, or the label of the ungraded code.
fn national_grade(p: &PersonReport) -> String {
    match (p.final_grade, p.code) {
        (Some(g), _) => g.name().to_string(),
        (None, Some(code)) => code.result().label().to_string(),
        (None, None) => "待定".to_string(),
    }
}

/// People grouped by pool, in the report's pool order (within a pool, in the report's order).
fn by_pool(r: &AssessmentReport) -> Vec<&PersonReport> {
    let mut members: std::collections::HashMap<(&str, &str), Vec<&PersonReport>> = std::collections::HashMap::new();
    for p in &r.people {
        members.entry((p.organ.as_str(), p.pool.as_str())).or_default().push(p);
    }
    let mut out = Vec::with_capacity(r.people.len());
    for pool in &r.pools {
        out.extend(members.remove(&(pool.organ.as_str(), pool.pool.as_str())).unwrap_or_default());
    }
    out
}

fn national_sheet(sheet: &mut Worksheet, r: &AssessmentReport, rows: &mut Rows) -> Result<(), XlsxError> {
    let header = Format::new().set_font_name("宋体").set_bold();
    let text = Format::new().set_font_name("宋体").set_num_format("@");
    for (c, h) in NATIONAL_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &header)?;
    }
    for (i, p) in by_pool(r).into_iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, (i + 1) as f64)?;
        crate::text::write_text(sheet, row, 1, &p.name, &text)?;
        crate::text::write_text(sheet, row, 2, &p.unit_and_post, &text)?;
        crate::text::write_text(sheet, row, 3, national_grade(p), &text)?;
        rows.row();
    }
    sheet.set_column_width(0, 6)?;
    sheet.set_column_width(1, 10)?;
    sheet.set_column_width(2, 36)?;
    sheet.set_column_width(3, 24)?;
    Ok(())
}

fn build(r: &AssessmentReport, rows: &mut Rows) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let state = match r.finalized_on {
        Some(d) => format!("{}定稿", d.format("%Y年%-m月%-d日")),
        None => "未定稿".to_string(),
    };
    results_sheet(&mut book, r, &state, rows)?;
    quota_sheet(&mut book, r)?;
    usage_sheet(&mut book, r)?;
    counts_sheet(&mut book, r)?;
    let sheet = book.add_worksheet_with_constant_memory()?.set_name("年度考核导入")?;
    national_sheet(sheet, r, rows)?;
    Ok(book)
}

/// 考核结果: a row per person, by pool, with the reasons.
fn results_sheet(book: &mut Workbook, r: &AssessmentReport, state: &str, rows: &mut Rows) -> Result<(), XlsxError> {
    let year = r.year;
    let (body, center) = (body_format(), body_format().set_align(FormatAlign::Center));
    // The sheets with a row per person (or per consequence) keep one row in memory at a time,
    // their rows written in order and their text inline (no shared string table held either).
    let sheet = book.add_worksheet_with_constant_memory()?.set_name("考核结果")?;
    let headers = [
        ("序号", 5.0),
        ("单位", 14.0),
        ("考核池", 10.0),
        ("姓名", 8.0),
        ("身份证号", 20.0),
        ("职位类别", 10.0),
        ("层次", 8.0),
        ("职级", 12.0),
        ("综合得分", 7.0),
        ("池内排名", 6.0),
        ("建议等次", 8.0),
        ("最终等次", 8.0),
        ("代码", 5.0),
        ("可评优秀", 6.0),
        ("标记", 16.0),
        ("说明", 60.0),
    ];
    let first = layout(
        sheet,
        &format!("{year}年度考核结果（规则：{} {}，{state}）", r.profile.name, r.profile.version),
        &headers,
    )?;
    for (n, p) in by_pool(r).into_iter().enumerate() {
        let cells = [
            (n + 1).to_string(),
            p.organ.clone(),
            p.pool.clone(),
            p.name.clone(),
            p.id.clone(),
            p.category.clone(),
            p.tier.clone().unwrap_or_default(),
            p.rank.clone(),
            p.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
            p.rank_in_pool.map(|r| r.to_string()).unwrap_or_default(),
            p.suggested.map_or("待定", GradeName::name).to_string(),
            p.final_grade.map_or("待定", GradeName::name).to_string(),
            p.code.map_or("", NationalCode::code).to_string(),
            if p.excellent_eligible { "是" } else { "否" }.to_string(),
            p.flags.iter().map(|f| flag_label(*f)).collect::<Vec<_>>().join("、"),
            kaohe_engine::reason::lines(&p.reasons),
        ];
        write_row(sheet, first + n as u32, &cells, &[0, 8, 9, 10, 11, 12, 13], (&body, &center))?;
        rows.row();
    }
    Ok(())
}

/// 优秀名额测算: a row per pool with its quota arithmetic.
fn quota_sheet(book: &mut Workbook, r: &AssessmentReport) -> Result<(), XlsxError> {
    let year = r.year;
    let (body, center) = (body_format(), body_format().set_align(FormatAlign::Center));
    let sheet = book.add_worksheet().set_name("优秀名额测算")?;
    let headers = [
        ("单位", 14.0),
        ("考核池", 10.0),
        ("确定方式", 7.0),
        ("人数", 5.0),
        ("参加确定等次人数", 8.0),
        ("比例", 6.0),
        ("计算值", 7.0),
        ("取整方式", 8.0),
        ("优秀名额", 6.0),
        ("建议优秀", 6.0),
        ("最终优秀", 6.0),
        ("名额线同分人员", 16.0),
        ("计算说明", 50.0),
    ];
    let first = layout(sheet, &format!("{year}年度考核优秀等次名额测算表"), &headers)?;
    let names: BTreeMap<&str, &str> = r.people.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    for (n, pool) in r.pools.iter().enumerate() {
        let cells = [
            pool.organ.clone(),
            pool.pool.clone(),
            match pool.mode {
                Mode::Score => "按评分",
                Mode::Proposal => "按建议等次",
            }
            .to_string(),
            pool.members.to_string(),
            pool.participants.to_string(),
            format!("{}%", pool.ratio),
            format!("{:.2}", pool.exact),
            pool.rounding.label().to_string(),
            pool.quota.to_string(),
            pool.excellent.to_string(),
            pool.final_excellent.to_string(),
            pool.tied_at_line
                .iter()
                .map(|id| names.get(id.as_str()).copied().unwrap_or(id))
                .collect::<Vec<_>>()
                .join("、"),
            pool.arithmetic.clone(),
        ];
        write_row(sheet, first + n as u32, &cells, &[2, 3, 4, 5, 6, 7, 8, 9, 10], (&body, &center))?;
    }
    Ok(())
}

/// 结果运用: a row per consequence.
fn usage_sheet(book: &mut Workbook, r: &AssessmentReport) -> Result<(), XlsxError> {
    let year = r.year;
    let (body, center) = (body_format(), body_format().set_align(FormatAlign::Center));
    let sheet = book.add_worksheet_with_constant_memory()?.set_name("结果运用")?;
    let headers = [("序号", 5.0), ("姓名", 8.0), ("身份证号", 20.0), ("事项", 16.0), ("期限", 11.0), ("说明", 70.0)];
    let first = layout(sheet, &format!("{year}年度考核结果运用清单"), &headers)?;
    for (n, c) in r.consequences.iter().enumerate() {
        let cells = [
            (n + 1).to_string(),
            c.name.clone(),
            c.id.clone(),
            kind_label(c.kind).to_string(),
            c.due.map(|d| d.to_string()).unwrap_or_default(),
            c.reason.to_string(),
        ];
        write_row(sheet, first + n as u32, &cells, &[0, 4], (&body, &center))?;
    }
    Ok(())
}

/// 统计: the grades counted by organ, category and tier.
fn counts_sheet(book: &mut Workbook, r: &AssessmentReport) -> Result<(), XlsxError> {
    let year = r.year;
    let sheet = book.add_worksheet().set_name("统计")?;
    let columns = ["优秀", "称职", "基本称职", "不称职", "不定等次", "待定"];
    let mut headers = vec![("单位", 16.0), ("职位类别", 10.0), ("层次", 10.0)];
    headers.extend(columns.iter().map(|c| (*c, 8.0)));
    headers.push(("合计", 6.0));
    let first = layout(sheet, &format!("{year}年度考核等次统计（按单位、职位类别、层次）"), &headers)?;
    let mut counts: BTreeMap<(usize, String, String), [u32; 6]> = BTreeMap::new();
    let organ_order: Vec<&str> = r.pools.iter().map(|p| p.organ.as_str()).fold(Vec::new(), |mut v, o| {
        if !v.contains(&o) {
            v.push(o);
        }
        v
    });
    for p in &r.people {
        let organ = organ_order.iter().position(|o| *o == p.organ).unwrap_or(0);
        let column = match (p.final_grade, p.code) {
            (Some(g), _) => columns.iter().position(|c| *c == g.name()).unwrap_or(5),
            (None, Some(_)) => 4,
            (None, None) => 5,
        };
        counts.entry((organ, p.category.clone(), p.tier.clone().unwrap_or_default())).or_default()[column] += 1;
    }
    for (n, ((organ, category, tier), c)) in counts.iter().enumerate() {
        let mut cells = vec![organ_order[*organ].to_string(), category.clone(), tier.clone()];
        cells.extend(c.iter().map(|v| v.to_string()));
        cells.push(c.iter().sum::<u32>().to_string());
        let row = first + n as u32;
        let body = body_format();
        let center = body_format().set_align(FormatAlign::Center);
        for (i, v) in cells.iter().enumerate() {
            if i >= 3 {
                sheet.write_number_with_format(row, i as u16, v.parse::<f64>().unwrap_or(0.0), &center)?;
            } else {
                crate::text::write_text(sheet, row, i as u16, v, &body)?;
            }
        }
    }
    Ok(())
}

/// Writes the assessment result workbook.
pub fn write_assessment(path: &Path, report: &AssessmentReport) -> Result<(), WorkbookError> {
    write_assessment_told(path, report, &|_, _| {})
}

/// [`write_assessment`], telling how many of the people's rows are written (two each: 考核结果
/// and 年度考核导入).
pub fn write_assessment_told(path: &Path, report: &AssessmentReport, tell: Tell) -> Result<(), WorkbookError> {
    let fail = |e: XlsxError| WorkbookError::write(path, e);
    WorkbookError::save(path, &mut build(report, &mut Rows::new(2 * report.people.len(), tell)).map_err(fail)?)
}

/// Writes the results alone in the national system's import layout (sheet `Sheet1`).
pub fn write_national_results(path: &Path, report: &AssessmentReport) -> Result<(), WorkbookError> {
    write_national_results_told(path, report, &|_, _| {})
}

/// [`write_national_results`], telling how many of the people's rows are written.
pub fn write_national_results_told(path: &Path, report: &AssessmentReport, tell: Tell) -> Result<(), WorkbookError> {
    let fail = |e: XlsxError| WorkbookError::write(path, e);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory().and_then(|s| s.set_name("Sheet1")).map_err(fail)?;
    national_sheet(sheet, report, &mut Rows::new(report.people.len(), tell)).map_err(fail)?;
    WorkbookError::save(path, &mut book)
}
