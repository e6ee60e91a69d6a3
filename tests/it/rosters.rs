//! Rosters as HR offices keep them, not as our template lays them out: a title row, a two-row
//! header with a merged 近三年年度考核 group over the years, headers by other names and with
//! spaces and line breaks, text dates in every form, notes under the table, a 15-digit legacy
//! ID, a sheet that is not called 人员, and a CSV saved in GBK.

use kaohe_engine::{Grade, Profile, ResultCode};
use kaohe_workbook::{read_roster, IssueCode, Severity};
use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

const A: &str = "11010519491231002X";
const B: &str = "330102198808060235";

fn messy(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("2025年花名册").expect("name");
    let merge = Format::new();
    sheet.merge_range(0, 0, 0, 9, "某某局2025年公务员花名册", &merge).expect("title");
    // Row 2–3: a two-row header; single headers merged vertically, years under a group.
    let tops = ["序号", "公民身份\n号码", "姓 名", "工作单位", "职位类别", "现职级", "任该职级时间"];
    for (c, h) in tops.iter().enumerate() {
        sheet.merge_range(1, c as u16, 2, c as u16, h, &merge).expect("header");
    }
    sheet.merge_range(1, 7, 1, 9, "近三年年度考核", &merge).expect("group");
    for (c, y) in ["2023", "2024", "2025"].iter().enumerate() {
        sheet.write_string(2, 7 + c as u16, *y).expect("year");
    }
    let rows: [[&str; 10]; 3] = [
        ["1", "11010519491231002x", "王　一", "甲局", "综合管理", "二级主任科员", "2019年6月15日", "称职", "优秀", "基本称职"],
        ["2", "330102880806023", "李 二", "甲局", "综合管理类", "科员（一级）", "2021.03", "", "称职", "优秀"],
        ["3", "", "", "", "", "", "", "", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(3 + r as u32, c as u16, *v).expect("cell");
            }
        }
    }
    sheet.write_string(7, 0, "填表人：张三").expect("note");
    sheet.write_string(7, 4, "审核人：李四").expect("note");
    sheet.write_string(8, 0, "99999999999999999X").expect("after the note");
    book.save(path).expect("save");
}

#[test]
fn a_real_shaped_roster_reads_by_meaning() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("花名册.xlsx");
    messy(&path);
    let read = read_roster(&path, &Profile::national()).expect("reads");

    // The roster sheet was found by its header, and said so.
    let notice = read.issues.iter().find(|i| i.code == IssueCode::SheetMissing && i.sheet == "2025年花名册").expect("notice");
    assert!(notice.message.contains("将工作表「2025年花名册」作为人员表读取"));

    let people = &read.roster.people;
    assert_eq!(people.len(), 2, "{:#?}", read.issues);
    assert_eq!((people[0].id.as_str(), people[0].name.as_str(), people[0].category.as_str()), (A, "王一", "综合管理类"));
    assert_eq!(people[0].rank_since.to_string(), "2019-06-15");
    // 15 digits → 18, with a warning that names the cell.
    assert_eq!((people[1].id.as_str(), people[1].name.as_str(), people[1].rank.as_str()), (B, "李二", "一级科员"));
    assert_eq!(people[1].rank_since.to_string(), "2021-03-01");
    let legacy = read.issues.iter().find(|i| i.code == IssueCode::LegacyId).expect("legacy ID issue");
    assert_eq!((legacy.row, legacy.column.as_deref(), legacy.severity), (Some(5), Some("B"), Severity::Warning));
    assert!(legacy.message.contains("已按规则转换为18位 330102198808060235"), "{}", legacy.message);

    // The years under 近三年年度考核 became assessment history; empty cells are no result.
    let mut history: Vec<(String, i32, ResultCode)> = read.roster.results.iter().map(|r| (r.person_id.clone(), r.year, r.result)).collect();
    history.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let g = ResultCode::Graded;
    assert_eq!(
        history,
        vec![
            (A.to_string(), 2023, g(Grade::Competent)),
            (A.to_string(), 2024, g(Grade::Excellent)),
            (A.to_string(), 2025, g(Grade::BasicallyCompetent)),
            (B.to_string(), 2024, g(Grade::Competent)),
            (B.to_string(), 2025, g(Grade::Excellent)),
        ]
    );
    // Nothing under the note was read, and no error was raised for the blank row.
    assert!(read.issues.iter().all(|i| i.severity != Severity::Error), "{:#?}", read.issues);
}

#[test]
fn a_gbk_csv_roster_is_read() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("名册.csv");
    let text = format!("身份证号,姓名,单位,职位类别,职级,任现职级时间,2024年度考核\r\n{A},王一,甲局,综合管理类,二级主任科员,2019/6/15,优秀\r\n{B},李二,甲局,综合管理类,一级科员,201903,称职\r\n");
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(&path, &bytes).expect("write");
    let read = read_roster(&path, &Profile::national()).expect("reads");
    assert!(read.issues.is_empty(), "{:#?}", read.issues);
    let people = &read.roster.people;
    assert_eq!(people.iter().map(|p| (p.name.as_str(), p.rank_since.to_string())).collect::<Vec<_>>(), vec![("王一", "2019-06-15".to_string()), ("李二", "2019-03-01".to_string())]);
    assert_eq!(read.roster.results.len(), 2);
    assert_eq!(read.roster.results[0].result, ResultCode::Graded(Grade::Excellent));
}
