//! The 导入 wizard's methods over a real temporary database, with rosters of fixtures/rosters and
//! fixtures/hostile: the layout it proposes, the check's issues and planned changes, the apply,
//! cancellation and failures that leave the database untouched, and the mapping saved for next
//! time.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use kaohe_desk::error::ErrorCode;
use kaohe_desk::import::{ImportProgress, ImportRequest, Monitor, Phase};
use kaohe_store::Store;

use super::Scratch;

fn roster(name: &str) -> String {
    super::repo().join("fixtures/rosters").join(name).display().to_string()
}

fn hostile(name: &str) -> String {
    super::repo().join("fixtures/hostile").join(name).display().to_string()
}

fn request(path: String) -> ImportRequest {
    ImportRequest { path, ..ImportRequest::default() }
}

/// A monitor that records every report and never cancels.
fn recording() -> (Monitor, Arc<Mutex<Vec<ImportProgress>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let monitor = Monitor::new(Arc::new(AtomicBool::new(false)), move |p| log.lock().expect("log").push(p));
    (monitor, seen)
}

/// A monitor that cancels at the first report of `phase` for which `when` holds.
fn cancelling(phase: Phase, when: impl Fn(&ImportProgress) -> bool + Send + Sync + 'static) -> Monitor {
    let flag = Arc::new(AtomicBool::new(false));
    let set = flag.clone();
    Monitor::new(flag, move |p| {
        if p.phase == phase && when(&p) {
            set.store(true, Ordering::SeqCst);
        }
    })
}

fn db_path(scratch: &Scratch) -> PathBuf {
    scratch.path("data/kaohe.db")
}

/// (ID, name, organ, rank) of everyone in the database, in roster order.
fn people(scratch: &Scratch) -> Vec<(String, String, String, String)> {
    let store = Store::open(&db_path(scratch)).expect("store");
    store.load_roster().expect("roster").people.into_iter().map(|p| (p.id, p.name, p.organ, p.rank)).collect()
}

fn field_of<'a>(columns: &'a [kaohe_workbook::MappedColumn], letter: &str) -> (Option<&'a str>, f64, &'a str) {
    let c = columns.iter().find(|c| c.column == letter).unwrap_or_else(|| panic!("column {letter}"));
    (c.field.as_deref(), c.confidence, c.header.as_str())
}

#[test]
fn layout_proposes_the_roster_sheet_header_row_and_fields_with_confidence() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let layout = state.import_layout(&request(roster("03-wps-sheet1.xlsx"))).expect("layout");
    assert_eq!(layout.file_name, "03-wps-sheet1.xlsx");
    assert_eq!(layout.sheets, ["Sheet1", "说明"]);
    assert_eq!((layout.sheet.as_str(), layout.header_row), ("Sheet1", 2));
    assert!(!layout.national && !layout.mapping_reused);
    assert!(layout.missing.is_empty());
    assert_eq!(field_of(&layout.columns, "A"), (None, 0.0, "序号"));
    assert_eq!(field_of(&layout.columns, "B"), (Some("姓名"), 1.0, "姓名"));
    assert_eq!(field_of(&layout.columns, "C"), (Some("身份证号"), 0.9, "身份证号码"));
    assert_eq!(field_of(&layout.columns, "G"), (Some("任现职级时间"), 0.9, "任该职级时间"));
    assert_eq!(field_of(&layout.columns, "H"), (None, 0.0, "备注"));
    let required: Vec<&str> = layout.fields.iter().filter(|f| f.required).map(|f| f.name.as_str()).collect();
    assert_eq!(required, ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"]);
    assert_eq!(layout.fields.len(), 24);

    // Another sheet chosen: nothing there looks like a roster, so every required field is missing.
    let other = state
        .import_layout(&ImportRequest { sheet: Some("说明".into()), ..request(roster("03-wps-sheet1.xlsx")) })
        .expect("layout");
    assert_eq!(other.sheet, "说明");
    assert_eq!(other.missing, ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"]);
}

#[test]
fn a_header_row_chosen_by_the_clerk_finds_a_header_below_row_20() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let file = hostile("header-row-25.xlsx");
    let proposed = state.import_layout(&request(file.clone())).expect("layout");
    assert_eq!(proposed.header_row, 1);
    assert!(proposed.missing.contains(&"职级".to_owned()), "{:?}", proposed.missing);

    let at_25 = ImportRequest { header_row: Some(25), ..request(file) };
    let layout = state.import_layout(&at_25).expect("layout");
    assert_eq!(layout.header_row, 25);
    assert!(layout.missing.is_empty(), "{:?}", layout.missing);

    let e = state
        .import_layout(&ImportRequest { header_row: Some(40), ..request(hostile("header-row-25.xlsx")) })
        .expect_err("no header there");
    assert_eq!(
        (e.code, e.message.as_str()),
        (ErrorCode::BadArgument, "工作表「人员」第40行是空行或在表格之外，不能作为表头；请填写表头所在的行号")
    );

    let (monitor, _) = recording();
    let check = state.import_check(&at_25, &monitor).expect("check");
    assert_eq!((check.header_row, check.rows_read, check.importable), (25, 3, 3));
    let new: Vec<&str> = check.changes.new.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(new, ["王一", "李二", "张三"]);
}

#[test]
fn check_names_the_bad_rows_and_their_cells_and_plans_the_new_people() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let (monitor, seen) = recording();
    let check = state.import_check(&request(roster("13-bad-cells.xlsx")), &monitor).expect("check");
    assert_eq!((check.sheet.as_str(), check.header_row, check.rows_read), ("人员", 1, 9));
    // 副主任科员 (a pre-2019 title) is read as 四级主任科员 with a warning: 顾俊 is imported.
    assert_eq!((check.importable, check.skipped), (3, 6));
    assert_eq!((check.errors, check.warnings), (7, 4));
    let new: Vec<(&str, &str)> = check.changes.new.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    assert_eq!(new, [("21010219980926718X", "白雪"), ("510104199108111936", "顾俊"), ("34112219730323925X", "邵建平")]);
    assert!(check.changes.updated.is_empty() && check.changes.missing.is_empty());

    let at: Vec<(Option<u32>, Option<&str>, &str)> = check
        .issues
        .iter()
        .filter(|i| i.row.is_some())
        .map(|i| (i.row, i.column.as_deref(), i.value.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        at,
        [
            (Some(3), Some("B"), "330106198112174388"),
            (Some(4), Some("G"), "2019.13"),
            (Some(5), Some("F"), "副主任科员"),
            (Some(6), Some("F"), "一级主任科员"),
            (Some(8), Some("B"), "34112219730323925X"),
            (Some(9), Some("D"), ""),
            (Some(10), Some("E"), "工勤"),
            (Some(10), Some("F"), "技术工二级"),
        ]
    );
    // The cells of each row named by an issue, by column and header, for the clerk to look at.
    let rows: Vec<u32> = check.rows.iter().map(|r| r.row).collect();
    assert_eq!(rows, [3, 4, 5, 6, 8, 9, 10]);
    let row4 = &check.rows[1];
    let cell =
        |letter: &str| row4.cells.iter().find(|c| c.column == letter).map(|c| (c.header.as_str(), c.value.as_str()));
    assert_eq!(cell("G"), Some(("任现职级时间", "2019.13")));
    assert_eq!(cell("F").map(|c| c.0), Some("职级"));

    // Progress: the rows read, then the comparison with the database; nothing written.
    let seen = seen.lock().expect("log");
    assert_eq!(seen.first().map(|p| (p.phase, p.done)), Some((Phase::Read, 0)));
    assert!(seen.iter().any(|p| p.phase == Phase::Read && p.done == p.total && p.total >= 9));
    assert_eq!(seen.last().map(|p| (p.phase, p.done, p.total)), Some((Phase::Plan, 1, 1)));
    assert!(seen.iter().all(|p| p.phase != Phase::Write));
    assert!(people(&scratch).is_empty());
}

#[test]
fn apply_writes_exactly_the_importable_people_then_a_second_check_plans_the_changes() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let (monitor, seen) = recording();
    let applied = state.import_apply(&request(roster("13-bad-cells.xlsx")), &monitor).expect("apply");
    let written = applied.applied.expect("written");
    assert_eq!((written.people, written.new_people, written.updated_people), (3, 3, 0));
    assert_eq!((applied.skipped, applied.errors), (6, 7));
    assert!(!written.mapping_saved);
    assert_eq!(
        people(&scratch),
        [
            ("21010219980926718X".into(), "白雪".into(), "青溪县水利局".into(), "一级科员".into()),
            ("510104199108111936".into(), "顾俊".into(), "青溪县水利局".into(), "四级主任科员".into()),
            ("34112219730323925X".into(), "邵建平".into(), "青溪县水利局".into(), "四级调研员".into()),
        ]
    );
    let writes: Vec<(u64, u64)> =
        seen.lock().expect("log").iter().filter(|p| p.phase == Phase::Write).map(|p| (p.done, p.total)).collect();
    assert_eq!(writes, [(0, 3), (3, 3)]);

    // Another roster: the check plans 6 new people and lists the three already there as not in it.
    let (monitor, _) = recording();
    let check = state.import_check(&request(roster("03-wps-sheet1.xlsx")), &monitor).expect("check");
    assert_eq!(check.changes.new.len(), 6);
    let missing: Vec<&str> = check.changes.missing.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(missing, ["白雪", "顾俊", "邵建平"]);
    assert_eq!(people(&scratch).len(), 3);
}

#[test]
fn cancelling_while_reading_or_before_the_commit_leaves_the_database_as_it_was() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let (monitor, _) = recording();
    state.import_apply(&request(roster("13-bad-cells.xlsx")), &monitor).expect("first import");
    let before = people(&scratch);
    let imports_before = Store::open(&db_path(&scratch)).expect("store").import_count().expect("count");

    let e = state
        .import_check(&request(roster("03-wps-sheet1.xlsx")), &cancelling(Phase::Read, |_| true))
        .expect_err("cancelled");
    assert_eq!(e.code, ErrorCode::Cancelled);

    // Cancelled at the last moment: every person written, the commit not yet made.
    let last = cancelling(Phase::Write, |p| p.done == p.total);
    let e = state.import_apply(&request(roster("03-wps-sheet1.xlsx")), &last).expect_err("cancelled");
    assert_eq!((e.code, e.message.as_str()), (ErrorCode::Cancelled, "已取消导入，数据库未作任何修改"));
    assert_eq!(people(&scratch), before);
    assert_eq!(Store::open(&db_path(&scratch)).expect("store").import_count().expect("count"), imports_before);

    // The same import, not cancelled, goes through on the same state.
    let (monitor, _) = recording();
    let applied = state.import_apply(&request(roster("03-wps-sheet1.xlsx")), &monitor).expect("apply");
    let written = applied.applied.expect("written");
    assert_eq!(written.new_people, 6);
    assert_eq!(people(&scratch).len(), 9);
}

#[test]
fn failures_leave_the_database_untouched_and_say_why() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let (monitor, _) = recording();
    state.import_apply(&request(roster("13-bad-cells.xlsx")), &monitor).expect("first import");
    let before = people(&scratch);

    let e = state.import_apply(&request(hostile("header-only.xlsx")), &monitor).expect_err("nothing to import");
    assert_eq!(e.code, ErrorCode::NothingReadable);
    assert!(e.message.contains("没有可导入的人员（共0行数据），数据库未作任何修改"), "{}", e.message);

    let e = state.import_apply(&request(hostile("text-renamed.xlsx")), &monitor).expect_err("not a workbook");
    assert_eq!(e.code, ErrorCode::FileUnreadable);
    let e = state.import_layout(&request(hostile("text-renamed.xlsx"))).expect_err("not a workbook");
    assert_eq!(e.code, ErrorCode::FileUnreadable);
    assert!(e.message.contains("不是 Excel 工作簿"), "{}", e.message);

    let e = state.import_check(&request(String::new()), &monitor).expect_err("no file");
    assert_eq!(e.code, ErrorCode::BadArgument);

    // A mapping that leaves out a required column: refused before anything is written.
    let without_rank = ImportRequest {
        mapping: Some(BTreeMap::from([("F".to_owned(), String::new())])),
        ..request(roster("03-wps-sheet1.xlsx"))
    };
    let layout = state.import_layout(&without_rank).expect("layout");
    assert_eq!(layout.missing, ["职级"]);
    assert_eq!(field_of(&layout.columns, "F"), (None, 1.0, "现职级"));
    let e = state.import_apply(&without_rank, &monitor).expect_err("missing column");
    assert_eq!(e.code, ErrorCode::ColumnMissing);
    assert_eq!(people(&scratch), before);

    // A file with no roster at all: the first sheet is shown so the clerk can set it up.
    let layout = state.import_layout(&request(hostile("no-people-headers.xlsx"))).expect("layout");
    assert_eq!((layout.sheets.len(), layout.sheet.as_str()), (2, "Sheet1"));
    assert_eq!(layout.missing.len(), 6);
}

#[test]
fn a_mapping_given_at_apply_is_saved_and_proposed_again_for_the_same_headers() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let file = roster("03-wps-sheet1.xlsx");
    // The clerk reads 备注 (H) as 从事或分管工作.
    let mapping: BTreeMap<String, String> = state
        .import_layout(&request(file.clone()))
        .expect("layout")
        .columns
        .iter()
        .map(|c| {
            (
                c.column.clone(),
                if c.column == "H" { "从事或分管工作".to_owned() } else { c.field.clone().unwrap_or_default() },
            )
        })
        .collect();
    let given = ImportRequest { mapping: Some(mapping), ..request(file.clone()) };
    let (monitor, _) = recording();
    let check = state.import_check(&given, &monitor).expect("check");
    assert_eq!(field_of(&check.mapping, "H"), (Some("从事或分管工作"), 1.0, "备注"));
    let applied = state.import_apply(&given, &monitor).expect("apply");
    let written = applied.applied.expect("written");
    assert!(written.mapping_saved);

    let again = state.import_layout(&request(file)).expect("layout");
    assert!(again.mapping_reused);
    assert_eq!(field_of(&again.columns, "H"), (Some("从事或分管工作"), 1.0, "备注"));
    assert_eq!(field_of(&again.columns, "C"), (Some("身份证号"), 1.0, "身份证号码"));
    assert_eq!(field_of(&again.columns, "A"), (None, 1.0, "序号"));
}

#[test]
fn the_national_template_is_said_and_imported_for_a_year() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let (monitor, _) = recording();
    state.import_apply(&request(roster("27-national-companion.xlsx")), &monitor).expect("companion");

    let file = roster("27-national.xls");
    let layout = state.import_layout(&request(file.clone())).expect("layout");
    assert!(layout.national);
    let e = state.import_check(&request(file.clone()), &monitor).expect_err("needs a year");
    assert!(e.message.contains("请指明是哪一年度的结果"), "{}", e.message);
    assert_eq!(e.code, ErrorCode::SheetMissing);

    let for_2025 = ImportRequest { year: Some(2025), ..request(file) };
    let check = state.import_check(&for_2025, &monitor).expect("check");
    assert_eq!((check.year, check.rows_read, check.importable, check.results), (Some(2025), 8, 6, 6));
    let at: Vec<(Option<u32>, &str)> = check.issues.iter().map(|i| (i.row, i.value.as_deref().unwrap_or(""))).collect();
    assert_eq!(at, [(Some(6), "青溪县财政局"), (Some(7), "良好"), (Some(9), "周敏")]);
    assert_eq!(check.changes.results, 6);

    let applied = state.import_apply(&for_2025, &monitor).expect("apply");
    let written = applied.applied.expect("written");
    assert_eq!((applied.year, written.results, written.people), (Some(2025), 6, 0));
    let store = Store::open(&db_path(&scratch)).expect("store");
    assert_eq!(store.load_roster().expect("roster").results.iter().filter(|r| r.year == 2025).count(), 6);
}

#[test]
fn the_error_workbook_marks_the_rows_not_imported() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let out = scratch.path("问题清单.xlsx");
    let written = state.import_error_report(&request(roster("13-bad-cells.xlsx")), &out).expect("written");
    assert_eq!(written, out.display().to_string());
    let mut book = kaohe_workbook::source::open(&out).expect("open");
    assert_eq!(book.sheet_names(), ["原表（已标出问题）", "未导入行（标准格式）", "汇总"]);
    let failed = book.range("未导入行（标准格式）").expect("sheet");
    let rows: Vec<String> = failed.rows().skip(1).map(|r| kaohe_workbook::cell_display(&r[0])).collect();
    assert_eq!(rows, ["3", "4", "6", "8", "9", "10"]);
    assert!(people(&scratch).is_empty());
}

/// A roster of `n` people written as CSV (IDs with their check digit, born 1980-01-01 onwards).
fn large_roster(scratch: &Scratch, n: u32) -> String {
    let mut text = String::from("身份证号,姓名,单位,职位类别,职级,任现职级时间\n");
    for i in 0..n {
        let first17 = format!(
            "110105{}{:03}",
            (chrono::NaiveDate::from_ymd_opt(1980, 1, 1).expect("date") + chrono::Days::new(u64::from(i)))
                .format("%Y%m%d"),
            i % 1000
        );
        let id = format!("{first17}{}", kaohe_engine::id_number::check_digit(&first17).expect("digit"));
        text.push_str(&format!("{id},人员{i},甲局,综合管理类,一级主任科员,2020-01-01\n"));
    }
    write_file(scratch, "large.csv", &text)
}

/// Writes `text` into the scratch folder as `file`; its path.
fn write_file(scratch: &Scratch, file: &str, text: &str) -> String {
    let path = scratch.path(file);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

#[test]
fn a_large_roster_reports_its_rows_and_a_cancel_midway_writes_nothing() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let file = large_roster(&scratch, 1000);

    let (monitor, seen) = recording();
    let check = state.import_check(&request(file.clone()), &monitor).expect("check");
    assert_eq!((check.rows_read, check.importable, check.errors), (1000, 1000, 0));
    let reads: Vec<(u64, u64)> =
        seen.lock().expect("log").iter().filter(|p| p.phase == Phase::Read).map(|p| (p.done, p.total)).collect();
    assert_eq!(reads, [(0, 1000), (200, 1000), (400, 1000), (600, 1000), (800, 1000), (1000, 1000)]);

    // Cancelled while reading, then while writing the 600th person: nothing written either time.
    let e =
        state.import_apply(&request(file.clone()), &cancelling(Phase::Read, |p| p.done >= 400)).expect_err("cancelled");
    assert_eq!(e.code, ErrorCode::Cancelled);
    let e = state
        .import_apply(&request(file.clone()), &cancelling(Phase::Write, |p| p.done >= 600))
        .expect_err("cancelled");
    assert_eq!(e.code, ErrorCode::Cancelled);
    assert!(people(&scratch).is_empty());

    let (monitor, seen) = recording();
    let applied = state.import_apply(&request(file), &monitor).expect("apply");
    let written = applied.applied.expect("written");
    assert_eq!(written.new_people, 1000);
    let writes: Vec<u64> =
        seen.lock().expect("log").iter().filter(|p| p.phase == Phase::Write).map(|p| p.done).collect();
    assert_eq!(writes, [0, 200, 400, 600, 800, 1000]);
    let stored = people(&scratch);
    assert_eq!((stored.len(), stored[999].1.as_str()), (1000, "人员999"));
}

const BAI: &str = "21010219980926718X";
const SHAO: &str = "34112219730323925X";

/// A roster of two people as CSV, 邵建平's row under `second_name`, at `rank`.
fn two_people(scratch: &Scratch, file: &str, second_name: &str, rank: &str) -> String {
    let text = format!(
        "身份证号,姓名,单位,职位类别,职级,任现职级时间\n{BAI},白雪,青溪县水利局,综合管理类,一级科员,2021-03-01\n{SHAO},{second_name},青溪县水利局,综合管理类,{rank},2019-06-15\n"
    );
    write_file(scratch, file, &text)
}

#[test]
fn an_id_under_another_name_is_held_back_until_the_clerk_confirms_the_change_of_name() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let (monitor, _) = recording();
    state
        .import_apply(&request(two_people(&scratch, "2024.csv", "邵建平", "四级调研员")), &monitor)
        .expect("first import");
    let second = two_people(&scratch, "2025.csv", "邵剑平", "三级调研员");

    // The check: the conflict listed with both names, the stored organ and the row; not importable.
    let check = state.import_check(&request(second.clone()), &monitor).expect("check");
    let conflict = kaohe_store::NameConflict {
        id: SHAO.into(),
        name: "邵剑平".into(),
        row: Some(3),
        name_in_database: "邵建平".into(),
        organ_in_database: "青溪县水利局".into(),
        confirmed: false,
    };
    assert_eq!(check.changes.name_conflicts, [conflict]);
    assert_eq!((check.importable, check.skipped, check.errors, check.warnings), (1, 1, 1, 0));
    let issue =
        check.issues.iter().find(|i| i.code == kaohe_workbook::IssueCode::NameConflict).expect("the conflict's issue");
    assert_eq!((issue.row, issue.column.as_deref(), issue.value.as_deref()), (Some(3), Some("B"), Some("邵剑平")));
    assert!(
        issue
            .message
            .contains(&format!("身份证号 {SHAO} 在数据库中登记为「邵建平」（青溪县水利局），本表为「邵剑平」")),
        "{}",
        issue.message
    );
    assert!(check.changes.rank_changed.is_empty() && check.changes.updated.is_empty(), "{:?}", check.changes);
    assert_eq!(check.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [3]);

    // Applied without confirmation: held back, the stored name and rank kept.
    let applied = state.import_apply(&request(second.clone()), &monitor).expect("apply");
    let written = applied.applied.expect("written");
    assert_eq!((written.people, written.held_back, written.renamed, applied.skipped, applied.errors), (1, 1, 0, 1, 1));
    let shao = |scratch: &Scratch| people(scratch).into_iter().find(|p| p.0 == SHAO).map(|p| (p.1, p.3));
    assert_eq!(shao(&scratch), Some(("邵建平".to_owned(), "四级调研员".to_owned())));
    // The error workbook lists the held-back row among the rows not imported.
    let out = scratch.path("问题清单.xlsx");
    state.import_error_report(&request(second.clone()), &out).expect("error workbook");
    let failed = kaohe_workbook::source::open(&out).expect("open").range("未导入行（标准格式）").expect("sheet");
    let rows: Vec<(String, String)> = failed
        .rows()
        .skip(1)
        .map(|r| (kaohe_workbook::cell_display(&r[0]), kaohe_workbook::cell_display(&r[1])))
        .collect();
    assert_eq!(rows, [("3".to_owned(), SHAO.to_owned())]);

    // Confirmed (typed in lower case with spaces, as a clerk might): the check plans a rename,
    // and the apply renames, records the old name in the history and takes the new rank.
    let confirmed = ImportRequest { confirm_renames: vec![format!(" {} ", SHAO.to_lowercase())], ..request(second) };
    let check = state.import_check(&confirmed, &monitor).expect("check");
    assert!(check.changes.name_conflicts[0].confirmed);
    assert_eq!((check.importable, check.skipped, check.errors, check.warnings), (2, 0, 0, 1));
    let fields = &check.changes.updated.iter().find(|p| p.id == SHAO).expect("updated").fields;
    assert_eq!(
        fields[0],
        kaohe_store::FieldChange {
            field: "姓名".to_owned(),
            from: Some("邵建平".to_owned()),
            to: Some("邵剑平".to_owned())
        }
    );
    assert_eq!(
        check.changes.rank_changed,
        [kaohe_store::Move {
            id: SHAO.to_owned(),
            name: "邵剑平".to_owned(),
            from: "四级调研员".to_owned(),
            to: "三级调研员".to_owned()
        }]
    );

    let applied = state.import_apply(&confirmed, &monitor).expect("apply");
    let written = applied.applied.expect("written");
    assert_eq!(
        (written.people, written.updated_people, written.held_back, written.renamed, applied.skipped),
        (2, 1, 0, 1, 0)
    );
    assert_eq!(shao(&scratch), Some(("邵剑平".to_owned(), "三级调研员".to_owned())));
    let history = Store::open(&db_path(&scratch)).expect("store").history(SHAO).expect("history");
    let renames: Vec<(Option<&str>, Option<&str>)> =
        history.iter().filter(|h| h.field == "name").map(|h| (h.old.as_deref(), h.new.as_deref())).collect();
    assert_eq!(renames, [(Some("邵建平"), Some("邵剑平"))]);
}
