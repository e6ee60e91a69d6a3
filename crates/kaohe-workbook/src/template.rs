//! The empty canonical roster workbook users fill in (`kaohe template OUT.xlsx`).

use crate::read::{
    WorkbookError, ANNUAL_COLUMNS, ASSESSMENT_COLUMNS, ORGAN_COLUMNS, PEOPLE_TEMPLATE_ORDER, RANK_COLUMNS,
    REGULAR_COLUMNS, RESTRICTION_COLUMNS,
};
use crate::read::{
    SHEET_ANNUAL, SHEET_ASSESSMENTS, SHEET_ORGANS, SHEET_PEOPLE, SHEET_RANKS, SHEET_REGULAR, SHEET_RESTRICTIONS,
};
use kaohe_engine::RegularGrade;
use kaohe_engine::{Grade, Profile};
use rust_xlsxwriter::{DataValidation, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use std::path::Path;

const DATE_COLUMNS: [&str; 11] = [
    "出生日期", "任现职级时间", "任现职务时间", "参加工作时间", "进入公务员队伍时间", "日期", "结束日期",
    "级别起算时间", "档次起算时间", "离职/退休日期", "任职级时间",
];
/// Rows that get the drop-down lists and formats.
const ROWS: u32 = 2000;

pub(crate) fn header_format() -> Format {
    Format::new()
        .set_font_name("宋体")
        .set_font_size(11)
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color("#D9E1F2")
        .set_text_wrap()
}

/// Display width of a text in Excel's character units (a CJK character counts two).
pub(crate) fn text_width(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { 1.1 } else { 2.1 }).sum()
}

fn headers(sheet: &mut Worksheet, names: &[String]) -> Result<(), XlsxError> {
    let header = header_format();
    let text = Format::new().set_num_format("@").set_font_name("宋体");
    let date = Format::new().set_num_format("yyyy-mm-dd").set_font_name("宋体");
    for (i, h) in names.iter().enumerate() {
        let col = i as u16;
        sheet.write_string_with_format(0, col, h, &header)?;
        let width = if h == "身份证号" { 22.0 } else { text_width(h).max(10.0) + 2.0 };
        let fmt = if DATE_COLUMNS.contains(&h.as_str()) { &date } else { &text };
        sheet.set_column_width(col, width)?;
        sheet.set_column_format(col, fmt)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn list(sheet: &mut Worksheet, names: &[String], column: &str, values: &[&str]) -> Result<(), XlsxError> {
    if let Some(col) = names.iter().position(|n| n == column) {
        let v = DataValidation::new().allow_list_strings(values)?.ignore_blank(true);
        sheet.add_data_validation(1, col as u16, ROWS, col as u16, &v)?;
    }
    Ok(())
}

fn build(profile: &Profile) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let owned = |cols: &[&str]| cols.iter().map(|s| s.to_string()).collect::<Vec<_>>();

    let people = owned(&PEOPLE_TEMPLATE_ORDER);
    let sheet = book.add_worksheet().set_name(SHEET_PEOPLE)?;
    headers(sheet, &people)?;
    let categories: Vec<&str> = profile.categories.iter().map(|c| c.name.as_str()).collect();
    list(sheet, &people, "职位类别", &categories)?;
    list(sheet, &people, "性别", &["男", "女"])?;
    list(sheet, &people, "是否领导成员", &["是", "否"])?;
    let posts: Vec<&str> = profile.leading_posts.iter().map(|p| p.name.as_str()).collect();
    list(sheet, &people, "职务层次", &posts)?;
    let entry_methods: Vec<&str> = profile.assessment.entry_methods.iter().map(|e| e.name.as_str()).collect();
    list(sheet, &people, "进入方式", &entry_methods)?;

    let mut organs = owned(&ORGAN_COLUMNS);
    organs.extend(profile.pools.iter().map(|p| p.name.clone()));
    let sheet = book.add_worksheet().set_name(SHEET_ORGANS)?;
    headers(sheet, &organs)?;
    let levels: Vec<&str> = profile.organ_levels.iter().map(|l| l.name.as_str()).collect();
    list(sheet, &organs, "机关层级", &levels)?;

    // Required columns first in the reader's lists; the template puts 姓名 after the ID.
    let results = owned(&[ASSESSMENT_COLUMNS[0], ASSESSMENT_COLUMNS[3], ASSESSMENT_COLUMNS[1], ASSESSMENT_COLUMNS[2]]);
    let sheet = book.add_worksheet().set_name(SHEET_ASSESSMENTS)?;
    headers(sheet, &results)?;
    let grades: Vec<&str> = Grade::ALL.iter().map(|g| g.name()).collect();
    list(sheet, &results, "等次", &grades)?;

    let restrictions = owned(&[
        RESTRICTION_COLUMNS[0], RESTRICTION_COLUMNS[3], RESTRICTION_COLUMNS[1], RESTRICTION_COLUMNS[2],
        RESTRICTION_COLUMNS[4],
    ]);
    let sheet = book.add_worksheet().set_name(SHEET_RESTRICTIONS)?;
    headers(sheet, &restrictions)?;
    let kinds: Vec<&str> = profile.restrictions.iter().map(|r| r.kind.as_str()).collect();
    list(sheet, &restrictions, "类型", &kinds)?;

    // 平时考核: ID, name, year, then 季度 (or 月份), 等次 or 得分.
    let regular = owned(&[
        REGULAR_COLUMNS[0], REGULAR_COLUMNS[2], REGULAR_COLUMNS[1], REGULAR_COLUMNS[3], REGULAR_COLUMNS[5],
        REGULAR_COLUMNS[6],
    ]);
    let sheet = book.add_worksheet().set_name(SHEET_REGULAR)?;
    headers(sheet, &regular)?;
    let regular_grades: Vec<&str> = RegularGrade::ALL.iter().map(|g| g.name()).collect();
    list(sheet, &regular, "等次", &regular_grades)?;

    let mut annual = owned(&[ANNUAL_COLUMNS[0], ANNUAL_COLUMNS[2], ANNUAL_COLUMNS[1]]);
    annual.extend(ANNUAL_COLUMNS[3..].iter().map(|s| s.to_string()));
    let sheet = book.add_worksheet().set_name(SHEET_ANNUAL)?;
    headers(sheet, &annual)?;
    list(sheet, &annual, "建议等次", &grades)?;

    // 职级变动: ID, name, then each rank held and since when, with its 文号 (the ranks are too
    // many for a drop-down list).
    let ranks =
        owned(&[RANK_COLUMNS[0], RANK_COLUMNS[3], RANK_COLUMNS[1], RANK_COLUMNS[2], RANK_COLUMNS[4], RANK_COLUMNS[5]]);
    let sheet = book.add_worksheet().set_name(SHEET_RANKS)?;
    headers(sheet, &ranks)?;
    Ok(book)
}

/// Writes the empty roster workbook, with the profile's names in its drop-down lists.
pub fn write_template(path: &Path, profile: &Profile) -> Result<(), WorkbookError> {
    let fail = |e: XlsxError| WorkbookError::write(path, e);
    WorkbookError::save(path, &mut build(profile).map_err(fail)?)
}
