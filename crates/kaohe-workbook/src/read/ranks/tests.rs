//! The 职级变动 sheet read from a workbook: good rows become records naming their row, every bad
//! row is skipped with an issue naming sheet, row, column and value, and the rest is read.

use super::*;
use crate::read::read_roster_with;
use rust_xlsxwriter::Workbook;

const A: &str = "11010519491231002X";
const B: &str = "330102198808060235";
const C: &str = "330102199604250242";
/// A valid ID nobody in the people sheet has.
const NOBODY: &str = "330522199707060860";

fn write(path: &Path, sheets: &[(&str, &[&[&str]])]) {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet().set_name(*name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    sheet.write_string(r as u32, c as u16, *v).expect("cell");
                }
            }
        }
    }
    book.save(path).expect("save");
}

const PEOPLE: &[&[&str]] = &[
    &["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
    &[A, "王一", "甲局", "综合管理类", "四级主任科员", "2019-01-01"],
    &[B, "李二", "甲局", "综合管理类", "三级主任科员", "2022-01-01"],
    &[C, "张三", "甲局", "综合管理类", "一级科员", "2020-01-01"],
];

fn read(ranks: &[&[&str]], sheet: &str) -> RosterRead {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("名册.xlsx");
    write(&path, &[("人员", PEOPLE), (sheet, ranks)]);
    let options = ReadOptions { today: chrono::NaiveDate::from_ymd_opt(2025, 12, 31), ..ReadOptions::default() };
    read_roster_with(&path, &Profile::national(), &options).expect("reads")
}

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
}

#[test]
fn every_bad_row_is_skipped_with_its_cell_and_the_rest_is_read() {
    // Headers by other names, under another name of the sheet.
    let rows: &[&[&str]] = &[
        &["公民身份号码", "姓名", "职级名称", "任职时间", "任职文号", "备注"],
        &[A, "王一", "一级科员", "2015-07-01", "某组字〔2015〕7号", ""],
        &[A, "", "四级主任科员", "2019.01", "", "公务员法施行后首次晋升"],
        &[NOBODY, "赵六", "一级科员", "2016-01-01", "", ""],
        &[B, "李三", "一级科员", "2016-01-01", "", ""],
        &[B, "李二", "科长助理", "2016-01-01", "", ""],
        &[B, "李二", "一级科员", "2019.13", "", ""],
        &[B, "李二", "一级科员", "1980-01-01", "", ""],
        &[A, "王一", "二级科员", "2015-07-01", "", ""],
        &[B, "李二", "一级科员", "", "", ""],
        &[B, "李 二", "一级科员", "2018-01-01", "", ""],
        &[B, "李二", "四级主任科员", "2020-01-01", "", ""],
        &[C, "张三", "科员", "2020-01-01", "", ""],
    ];
    let read = read(rows, "职级信息");
    assert_eq!(read.roster.people.len(), 3, "the people are read: {:#?}", read.issues);
    let got: Vec<(&str, &str, chrono::NaiveDate, &str, Option<&str>)> = read
        .roster
        .rank_records
        .iter()
        .map(|r| (r.person_id.as_str(), r.rank.as_str(), r.since, r.source.as_str(), r.note.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (A, "一级科员", day("2015-07-01"), "「职级信息」表第2行", Some("某组字〔2015〕7号")),
            (A, "四级主任科员", day("2019-01-01"), "「职级信息」表第3行", Some("公务员法施行后首次晋升")),
            (B, "一级科员", day("2018-01-01"), "「职级信息」表第11行", None),
            (B, "四级主任科员", day("2020-01-01"), "「职级信息」表第12行", None),
            // A title of before 2019, read as the rank it became (warned).
            (C, "一级科员", day("2020-01-01"), "「职级信息」表第13行", None),
        ]
    );
    let issues: Vec<(u32, &str, &str, IssueCode, Severity)> = read
        .issues
        .iter()
        .filter(|i| i.sheet == "职级信息")
        .map(|i| {
            (
                i.row.unwrap_or(0),
                i.column.as_deref().unwrap_or(""),
                i.value.as_deref().unwrap_or(""),
                i.code,
                i.severity,
            )
        })
        .collect();
    assert_eq!(
        issues,
        [
            (4, "A", NOBODY, IssueCode::UnknownPerson, Severity::Error),
            (5, "B", "李三", IssueCode::NameMismatch, Severity::Error),
            (6, "C", "科长助理", IssueCode::UnknownRank, Severity::Error),
            (7, "D", "2019.13", IssueCode::BadDate, Severity::Error),
            (8, "D", "1980-01-01", IssueCode::DateOrder, Severity::Error),
            (9, "D", "2015-07-01", IssueCode::DuplicateDate, Severity::Error),
            (10, "D", "", IssueCode::MissingValue, Severity::Error),
            (13, "C", "科员", IssueCode::OldTitle, Severity::Warning),
            // B's last row is not the 人员 sheet's present rank: the people sheet wins.
            (12, "C", "四级主任科员", IssueCode::RankMismatch, Severity::Warning),
        ],
        "{:#?}",
        read.issues
    );
    let message =
        |row: u32| read.issues.iter().find(|i| i.sheet == "职级信息" && i.row == Some(row)).map(|i| i.message.as_str());
    assert_eq!(
        message(5),
        Some("工作表「职级信息」第5行 B列「姓名」：「李三」与「人员」表中该身份证号的姓名「李二」不一致，请核对身份证号；该行未导入。")
    );
    assert_eq!(
        message(8),
        Some("工作表「职级信息」第8行 D列「任职级时间」：「1980-01-01」早于该人员的出生日期（1988-08-06），不可能；该行未导入。")
    );
    assert_eq!(
        message(9),
        Some("工作表「职级信息」第9行 D列「任职级时间」：「2015-07-01」该人员2015-07-01的职级已在第2行填写，同一天只能有一行；该行未导入。")
    );
    assert_eq!(
        message(12),
        Some("工作表「职级信息」第12行 C列「职级」：「四级主任科员」是该人员最后一行（2020-01-01起任四级主任科员），与「人员」表的现职级「三级主任科员」（2022-01-01起）不一致；以「人员」表为准；该行已导入，请核对。")
    );
    assert!(message(6).is_some_and(|m| m.contains("不是规则中的职级名称；该行未导入")), "{:?}", message(6));
}

#[test]
fn the_sheet_is_optional_and_found_under_its_names() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("名册.xlsx");
    write(&path, &[("人员", PEOPLE)]);
    let bare = read_roster(&path, &Profile::national()).expect("reads");
    assert!(bare.roster.rank_records.is_empty());
    assert!(!bare.issues.iter().any(|i| i.message.contains("职级变动")), "no word of a sheet nobody has");
    for name in ["职级变动", "任职级经历", " 职级变动 "] {
        let rows: &[&[&str]] = &[&["身份证号", "职级", "任职级时间"], &[A, "四级主任科员", "2019-01-01"]];
        assert_eq!(read(rows, name).roster.rank_records.len(), 1, "{name}");
    }
    // Without a required column the sheet is not read, and said so.
    let without: &[&[&str]] = &[&["身份证号", "职级"], &[A, "四级主任科员"]];
    let partial = read(without, "职级变动");
    assert!(partial.roster.rank_records.is_empty());
    assert!(partial.issues.iter().any(|i| i.code == IssueCode::ColumnMissing && i.message.contains("任职级时间")));
}
