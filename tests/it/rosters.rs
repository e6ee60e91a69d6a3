//! Rosters as HR offices keep them, not as our template lays them out: a title row, a two-row
//! header with a merged 近三年年度考核 group over the years, headers by other names and with
//! spaces and line breaks, text dates in every form, notes under the table, a 15-digit legacy
//! ID, a sheet that is not called 人员, and a CSV saved in GBK.

use kaohe_engine::{Grade, Profile, ResultCode};
use kaohe_tests::reasons_of;
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
        [
            "1", "11010519491231002x", "王　一", "甲局", "综合管理", "二级主任科员", "2019年6月15日", "称职", "优秀",
            "基本称职",
        ],
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
    let notice =
        read.issues.iter().find(|i| i.code == IssueCode::SheetMissing && i.sheet == "2025年花名册").expect("notice");
    assert!(notice.message.contains("将工作表「2025年花名册」作为人员表读取"));

    let people = &read.roster.people;
    assert_eq!(people.len(), 2, "{:#?}", read.issues);
    assert_eq!(
        (people[0].id.as_str(), people[0].name.as_str(), people[0].category.as_str()),
        (A, "王一", "综合管理类")
    );
    assert_eq!(people[0].rank_since.to_string(), "2019-06-15");
    // 15 digits → 18, with a warning that names the cell.
    assert_eq!((people[1].id.as_str(), people[1].name.as_str(), people[1].rank.as_str()), (B, "李二", "一级科员"));
    assert_eq!(people[1].rank_since.to_string(), "2021-03-01");
    let legacy = read.issues.iter().find(|i| i.code == IssueCode::LegacyId).expect("legacy ID issue");
    assert_eq!((legacy.row, legacy.column.as_deref(), legacy.severity), (Some(5), Some("B"), Severity::Warning));
    assert!(legacy.message.contains("已按规则转换为18位 330102198808060235"), "{}", legacy.message);

    // The years under 近三年年度考核 became assessment history; empty cells are no result.
    let mut history: Vec<(String, i32, ResultCode)> =
        read.roster.results.iter().map(|r| (r.person_id.clone(), r.year, r.result)).collect();
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
    assert_eq!(
        people.iter().map(|p| (p.name.as_str(), p.rank_since.to_string())).collect::<Vec<_>>(),
        vec![("王一", "2019-06-15".to_string()), ("李二", "2019-03-01".to_string())]
    );
    assert_eq!(read.roster.results.len(), 2);
    assert_eq!(read.roster.results[0].result, ResultCode::Graded(Grade::Excellent));
}

fn json_of(out: &kaohe_cli::Output) -> serde_json::Value {
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", out.stdout, out.stderr))
}

fn cli(args: &[&str]) -> kaohe_cli::Output {
    kaohe_cli::run(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
}

#[test]
fn check_shows_the_changes_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("k.db").display().to_string();
    let first = tmp.path().join("2024.xlsx");
    let second = tmp.path().join("2025.xlsx");
    let people = |rows: &str| -> toml::Table {
        toml::from_str(&format!(
            "\"人员\" = [[\"身份证号\", \"姓名\", \"单位\", \"职位类别\", \"职级\", \"任现职级时间\"], {rows}]"
        ))
        .expect("toml")
    };
    kaohe_tests::write_sheets(
        &people(&format!(
            r#"["{A}", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15], ["{B}", "李二", "甲局", "综合管理类", "一级科员", 2021-03-01]"#
        )),
        &first,
    )
    .expect("write");
    let c = "320102199001101000";
    kaohe_tests::write_sheets(
        &people(&format!(
            r#"["{A}", "王一", "乙局", "综合管理类", "一级主任科员", 2025-06-15], ["{c}", "张三", "甲局", "综合管理类", "二级科员", 2024-08-01]"#
        )),
        &second,
    )
    .expect("write");

    // Checking against no database creates none.
    let v = json_of(&cli(&["import", &first.display().to_string(), "--db", &db, "--check", "--json"]));
    assert_eq!((v["checked_only"].as_bool(), v["applied"].is_null()), (Some(true), true));
    assert_eq!(v["changes"]["new"].as_array().map(Vec::len), Some(2));
    assert!(!Path::new(&db).exists());

    assert_eq!(cli(&["import", &first.display().to_string(), "--db", &db]).status, 0);
    let v = json_of(&cli(&["import", &second.display().to_string(), "--db", &db, "--check", "--json"]));
    let ch = &v["changes"];
    assert_eq!(ch["new"], serde_json::json!([{"id": c, "name": "张三"}]));
    assert_eq!(ch["missing"], serde_json::json!([{"id": B, "name": "李二", "organ": "甲局"}]));
    assert_eq!(ch["moved"], serde_json::json!([{"id": A, "name": "王一", "from": "甲局", "to": "乙局"}]));
    assert_eq!(
        ch["rank_changed"],
        serde_json::json!([{"id": A, "name": "王一", "from": "二级主任科员", "to": "一级主任科员"}])
    );
    let fields: Vec<&str> =
        ch["updated"][0]["fields"].as_array().expect("fields").iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, ["单位", "职级", "任现职级时间"]);
    assert_eq!(
        v["mapping"][0],
        serde_json::json!({"column": "A", "header": "身份证号", "field": "身份证号", "confidence": 1.0})
    );
    // Nothing was written by the check.
    let p = json_of(&cli(&["promote", "--as-of", "2025-12-31", "--db", &db, "--json"]));
    assert_eq!(p["people"][0]["organ"], "甲局");
    assert_eq!(p["people"].as_array().map(Vec::len), Some(2));
}

#[test]
fn the_error_workbook_marks_the_cells_and_lists_failed_rows() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("花名册.xlsx");
    messy(&path);
    // Spoil two cells of the first person and add a formula-looking name.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("人员").expect("name");
    let rows = [
        ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
        [A, "王一", "甲局", "综合管理类", "二级主任科员", "2019.13"],
        [B, "=1+1", "甲局", "综合管理类", "一级科员", "2021-03-01"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
    book.save(&path).expect("save");
    let report = tmp.path().join("问题清单.xlsx");
    let out = cli(&[
        "import",
        &path.display().to_string(),
        "--db",
        &tmp.path().join("k.db").display().to_string(),
        "--report",
        &report.display().to_string(),
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);

    let mut wb = calamine::open_workbook_auto(&report).expect("report opens");
    use calamine::Reader;
    let copy = wb.worksheet_range("原表（已标出问题）").expect("copy");
    assert_eq!(copy.get_value((1, 5)).map(|c| c.to_string()), Some("2019.13".to_string()));
    let reason = copy.get_value((1, 6)).map(|c| c.to_string()).unwrap_or_default();
    assert!(
        reason.starts_with("【未导入】工作表「人员」第2行 F列「任现职级时间」：「2019.13」不是有效日期"),
        "{reason}"
    );
    // A value that looks like a formula stays text.
    assert_eq!(copy.get_value((2, 1)).map(|c| c.to_string()), Some("=1+1".to_string()));
    let failed = wb.worksheet_range("未导入行（标准格式）").expect("failed rows");
    let header: Vec<String> = failed.rows().next().expect("header").iter().map(|c| c.to_string()).collect();
    assert_eq!(&header[..3], ["原行号", "身份证号", "姓名"]);
    let row: Vec<String> = failed.rows().nth(1).expect("row").iter().map(|c| c.to_string()).collect();
    assert_eq!((row[0].as_str(), row[1].as_str(), row[2].as_str(), row[9].as_str()), ("2", A, "王一", "2019.13"));
    assert_eq!(failed.rows().count(), 2, "one failed row");
    let xml = {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::fs::File::open(&report).expect("file")).expect("zip");
        let mut s = String::new();
        z.by_name("xl/worksheets/sheet1.xml").expect("sheet").read_to_string(&mut s).expect("utf8");
        s
    };
    assert!(!xml.contains("<f>"), "no formulas in the report");
}

#[test]
fn national_system_results_match_by_name_within_unit() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("k.db").display().to_string();
    let roster = tmp.path().join("名册.xlsx");
    let ids = ["320102199001101000", "320102199002111016", "320102199003121021", "320102199004131037"];
    let people: toml::Table = toml::from_str(&format!(
        r#""人员" = [["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["{}", "王一", "甲局", "综合管理类", "一级科员", 2020-01-01],
  ["{}", "王一", "乙局", "综合管理类", "一级科员", 2020-01-01],
  ["{}", "李二", "乙局", "综合管理类", "一级科员", 2020-01-01],
  ["{}", "李二", "乙局", "综合管理类", "二级科员", 2020-01-01]]"#,
        ids[0], ids[1], ids[2], ids[3]
    ))
    .expect("toml");
    kaohe_tests::write_sheets(&people, &roster).expect("write");
    assert_eq!(cli(&["import", &roster.display().to_string(), "--db", &db]).status, 0);

    // The national template's own columns, with their inner spaces.
    let results = tmp.path().join("年度考核导入.xlsx");
    let sheet: toml::Table = toml::from_str(
        r#""Sheet1" = [["序号", "姓 名", "单位及职务", "等 次"],
  [1, "王一", "甲局办公室科员", "优秀"],
  [2, "王 一", "乙局综合科科员", "称职"],
  [3, "王一", "丙局", "称职"],
  [4, "李二", "乙局综合科科员", "基本称职"],
  [5, "赵四", "甲局", "称职"]]"#,
    )
    .expect("toml");
    kaohe_tests::write_sheets(&sheet, &results).expect("write");

    // Without a year it is recognised and explained.
    let out = cli(&["import", &results.display().to_string(), "--db", &db]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("国家公务员管理信息系统的年度考核导入表") && out.stderr.contains("--year"),
        "{}",
        out.stderr
    );

    let v = json_of(&cli(&["import", &results.display().to_string(), "--db", &db, "--year", "2025", "--json"]));
    assert_eq!((v["rows_read"].as_u64(), v["importable"].as_u64()), (Some(5), Some(2)));
    let issues: Vec<(u64, &str, &str)> = v["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .map(|i| {
            (i["row"].as_u64().unwrap_or(0), i["code"].as_str().unwrap_or(""), i["message"].as_str().unwrap_or(""))
        })
        .collect();
    assert_eq!(issues.len(), 3, "{issues:#?}");
    assert_eq!((issues[0].0, issues[0].1), (4, "same_name"));
    assert!(issues[0].2.contains("数据库中有2名「王一」（甲局、乙局）"), "{}", issues[0].2);
    assert_eq!((issues[1].0, issues[1].1), (5, "same_name"));
    assert!(issues[1].2.contains("同一单位有2名「李二」"), "{}", issues[1].2);
    assert_eq!((issues[2].0, issues[2].1), (6, "unknown_person"));

    // The two matched results are stored for the right people and count for promotion.
    let p = json_of(&cli(&["promote", "--as-of", "2026-06-30", "--db", &db, "--json"]));
    let reasons = |id: &str| {
        p["people"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["id"] == id))
            .map(|x| reasons_of(x).join("\n"))
            .unwrap_or_default()
    };
    assert!(!reasons(ids[0]).contains("扣除"), "优秀 does not deduct");
    let store = kaohe_store::Store::open(Path::new(&db)).expect("db");
    let stored: Vec<(String, i32, ResultCode)> =
        store.load_roster().expect("load").results.into_iter().map(|r| (r.person_id, r.year, r.result)).collect();
    assert_eq!(
        stored,
        vec![
            (ids[0].to_string(), 2025, ResultCode::Graded(Grade::Excellent)),
            (ids[1].to_string(), 2025, ResultCode::Graded(Grade::Competent))
        ]
    );
}

#[test]
fn the_national_systems_own_template_is_recognised() {
    let template = kaohe_tests::root().join("../shared/reference/national-system/年度考核导入模板.xls");
    assert!(kaohe_workbook::national::looks_national(&template), "the real .xls template");
    let read = kaohe_workbook::national::read_national_results(&template, 2025, &[]).expect("reads");
    assert_eq!((read.sheet.as_str(), read.rows_read, read.results.len()), ("Sheet1", 0, 0));
}

#[test]
fn cross_checks_warn_about_what_does_not_fit_together() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("名册.xlsx");
    // A: born 1949-12-31, female (17th digit 2). B: born 1988-08-06, male (17th digit 3).
    let sheet: toml::Table = toml::from_str(&format!(
        r#""人员" = [["身份证号", "姓名", "性别", "出生日期", "单位", "职位类别", "职级", "任现职级时间", "参加工作时间", "进入公务员队伍时间"],
  ["{A}", "王一", "男", 1950-01-31, "甲局", "综合管理类", "二级主任科员", 2019-06-15, 1970-07-01, 1968-07-01],
  ["{B}", "李二", "男", 1988-08-06, "甲局", "综合管理类", "一级科员", 2027-03-01, 2010-07-01, 2010-07-01]]"#
    ))
    .expect("toml");
    kaohe_tests::write_sheets(&sheet, &path).expect("write");
    let options =
        kaohe_workbook::ReadOptions { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27), ..Default::default() };
    let read = kaohe_workbook::read_roster_with(&path, &Profile::national(), &options).expect("reads");
    assert_eq!(read.roster.people.len(), 2, "warnings only");
    let found: Vec<(u32, String, IssueCode)> = read
        .issues
        .iter()
        .filter(|i| i.sheet == "人员")
        .map(|i| (i.row.unwrap_or(0), i.column.clone().unwrap_or_default(), i.code))
        .collect();
    assert_eq!(
        found,
        vec![
            (2, "D".to_string(), IssueCode::IdMismatch),
            (2, "C".to_string(), IssueCode::IdMismatch),
            (2, "J".to_string(), IssueCode::DateOrder),
            (3, "H".to_string(), IssueCode::DateOrder),
        ]
    );
    let msg = |n: usize| {
        read.issues.iter().filter(|i| i.sheet == "人员").nth(n).map(|i| i.message.clone()).unwrap_or_default()
    };
    assert!(msg(0).contains("与身份证号中的出生日期 1949-12-31 不一致"), "{}", msg(0));
    assert!(msg(1).contains("第17位表示女"), "{}", msg(1));
    assert!(msg(2).contains("「进入公务员队伍时间」：「1968-07-01」早于参加工作时间（1970-07-01）"), "{}", msg(2));
    assert!(msg(3).contains("晚于今天（2026-11-27）"), "{}", msg(3));
}

/// A 职务层次 the profile does not know is a warning that names the cell and gives the
/// profile's own levels as examples; the person is read, without the level.
#[test]
fn an_unknown_post_level_is_a_warning_with_the_profiles_levels_for_examples() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("名册.xlsx");
    let sheet: toml::Table = toml::from_str(&format!(
        r#""人员" = [["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间", "领导职务", "职务层次"],
  ["{A}", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15, "科长", "正科"]]"#
    ))
    .expect("toml");
    kaohe_tests::write_sheets(&sheet, &path).expect("write");
    let read = kaohe_workbook::read_roster(&path, &Profile::national()).expect("reads");
    assert_eq!(read.roster.people.len(), 1);
    assert_eq!(read.roster.people[0].post_level, None);
    let issue = read.issues.iter().find(|i| i.code == IssueCode::UnknownPostLevel).expect("the warning");
    assert_eq!((issue.row, issue.column.as_deref()), (Some(2), Some("H")));
    assert_eq!(
        issue.message,
        "工作表「人员」第2行 H列「职务层次」：「正科」不是规则中的领导职务层次（如 县处级正职、县处级副职、乡科级正职、乡科级副职）；该行已导入，此项未采用。"
    );
}

#[test]
fn a_confirmed_mapping_is_saved_and_reused_for_the_same_headers() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("k.db").display().to_string();
    let path = tmp.path().join("名册.xlsx");
    let sheet: toml::Table = toml::from_str(&format!(
        r#""人员" = [["证件", "姓名", "单位", "职位类别", "职级", "任现职级时间", "备注"],
  ["{A}", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15, "借调"]]"#
    ))
    .expect("toml");
    kaohe_tests::write_sheets(&sheet, &path).expect("write");
    let file = path.display().to_string();

    // 「证件」 is no known name for the ID column: the import says which column is missing.
    let out = cli(&["import", &file, "--db", &db, "--json"]);
    assert_eq!(out.status, 2);
    assert_eq!(json_of(&out)["error"]["message"], "工作表「人员」的表头（第1行）缺少必需的列：身份证号");

    let mapping = tmp.path().join("列对应.toml");
    std::fs::write(&mapping, "[columns]\n\"A\" = \"身份证号\"\n\"备注\" = \"\"\n").expect("write");
    let v = json_of(&cli(&["import", &file, "--db", &db, "--mapping", &mapping.display().to_string(), "--json"]));
    assert_eq!((v["applied"]["new_people"].as_u64(), v["mapping_reused"].as_bool()), (Some(1), Some(false)));
    assert_eq!(v["applied"]["mapping_saved"], true);
    assert_eq!(
        v["mapping"][0],
        serde_json::json!({"column": "A", "header": "证件", "field": "身份证号", "confidence": 1.0})
    );

    // Next time the same headers come in, the confirmed mapping applies by itself.
    let v = json_of(&cli(&["import", &file, "--db", &db, "--json"]));
    assert_eq!((v["applied"]["unchanged_people"].as_u64(), v["mapping_reused"].as_bool()), (Some(1), Some(true)));
}

#[test]
fn hidden_rows_and_columns_are_read_and_reported() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("名册.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("人员").expect("name");
    let rows = [
        ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间", "学历"],
        [A, "王一", "甲局", "综合管理类", "二级主任科员", "2019-06-15", "大学本科"],
        [B, "李二", "甲局", "综合管理类", "一级科员", "2021-03-01", "硕士研究生"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
    sheet.set_row_hidden(2).expect("hide row 3");
    sheet.set_column_hidden(6).expect("hide G");
    book.save(&path).expect("save");
    let read = read_roster(&path, &Profile::national()).expect("reads");
    assert_eq!(read.roster.people.len(), 2, "hidden data is still imported");
    let hidden: Vec<(Option<u32>, Option<String>, String)> = read
        .issues
        .iter()
        .filter(|i| i.code == IssueCode::Hidden)
        .map(|i| (i.row, i.column.clone(), i.message.clone()))
        .collect();
    assert_eq!(hidden.len(), 2, "{hidden:#?}");
    assert_eq!((hidden[0].0, hidden[0].1.as_deref()), (Some(3), None));
    assert!(hidden[0].2.contains("第3行是隐藏行"));
    assert_eq!((hidden[1].0, hidden[1].1.as_deref()), (None, Some("G")));
    assert!(hidden[1].2.contains("G列「学历」是隐藏列"));
}

#[test]
fn names_with_blanks_are_read_without_them_and_the_original_is_kept() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("花名册.xlsx");
    messy(&path);
    let read = read_roster(&path, &Profile::national()).expect("reads");
    let names: Vec<&str> = read.roster.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["王一", "李二"]);
    type Said<'a> = (Option<u32>, Option<&'a str>, Option<&'a str>, Severity);
    let said: Vec<Said> = read
        .issues
        .iter()
        .filter(|i| i.code == IssueCode::NameNormalized)
        .map(|i| (i.row, i.column.as_deref(), i.value.as_deref(), i.severity))
        .collect();
    assert_eq!(
        said,
        [
            (Some(4), Some("C"), Some("王\u{3000}一"), Severity::Warning),
            (Some(5), Some("C"), Some("李 二"), Severity::Warning)
        ]
    );
    let first = read.issues.iter().find(|i| i.code == IssueCode::NameNormalized).expect("issue");
    assert_eq!(first.message, "工作表「2025年花名册」第4行 C列「姓名」：「王\u{3000}一」中间含有空格或换行，已去掉，按「王一」读取；该行已导入，请核对。");
    assert_eq!(
        read.sources.iter().map(|s| (s.row, s.name_as_written.as_deref())).collect::<Vec<_>>(),
        [(4, Some("王\u{3000}一")), (5, Some("李 二"))]
    );

    // A line break inside the cell, through the command line's check.
    let file = tmp.path().join("换行.xlsx");
    let sheets: toml::Table = toml::from_str(&format!(
        r#""人员" = [["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"], ["{A}", "张\n三", "甲局", "综合管理类", "一级科员", 2020-01-01], ["{B}", "李二", "甲局", "综合管理类", "一级科员", 2020-01-01]]"#
    ))
    .expect("toml");
    kaohe_tests::write_sheets(&sheets, &file).expect("write");
    let v = json_of(&cli(&[
        "import",
        &file.display().to_string(),
        "--db",
        &tmp.path().join("k.db").display().to_string(),
        "--check",
        "--json",
    ]));
    let issues: Vec<&serde_json::Value> =
        v["issues"].as_array().expect("issues").iter().filter(|i| i["sheet"] == "人员").collect();
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(
        (
            issues[0]["row"].as_u64(),
            issues[0]["column"].as_str(),
            issues[0]["value"].as_str(),
            issues[0]["code"].as_str(),
            issues[0]["severity"].as_str()
        ),
        (Some(2), Some("B"), Some("张\n三"), Some("name_normalized"), Some("warning"))
    );
    assert_eq!(v["changes"]["new"], serde_json::json!([{"id": A, "name": "张三"}, {"id": B, "name": "李二"}]));
}

#[test]
fn a_name_conflict_with_the_database_is_shown_in_the_check_and_the_error_workbook() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("k.db").display().to_string();
    let people = |rows: &str| -> toml::Table {
        toml::from_str(&format!(
            "\"人员\" = [[\"身份证号\", \"姓名\", \"单位\", \"职位类别\", \"职级\", \"任现职级时间\"], {rows}]"
        ))
        .expect("toml")
    };
    let first = tmp.path().join("2024.xlsx");
    let second = tmp.path().join("2025.xlsx");
    kaohe_tests::write_sheets(
        &people(&format!(
            r#"["{A}", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15], ["{B}", "李二", "甲局", "综合管理类", "一级科员", 2021-03-01]"#
        )),
        &first,
    )
    .expect("write");
    kaohe_tests::write_sheets(
        &people(&format!(
            r#"["{A}", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15], ["{B}", "李 贰", "甲局", "综合管理类", "四级主任科员", 2025-03-01]"#
        )),
        &second,
    )
    .expect("write");
    assert_eq!(cli(&["import", &first.display().to_string(), "--db", &db]).status, 0);

    let report = tmp.path().join("问题清单.xlsx");
    let v = json_of(&cli(&[
        "import",
        &second.display().to_string(),
        "--db",
        &db,
        "--check",
        "--json",
        "--report",
        &report.display().to_string(),
    ]));
    let conflict = v["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .find(|i| i["code"] == "name_conflict")
        .expect("a name_conflict issue");
    assert_eq!(
        (
            conflict["sheet"].as_str(),
            conflict["row"].as_u64(),
            conflict["column"].as_str(),
            conflict["value"].as_str(),
            conflict["severity"].as_str()
        ),
        (Some("人员"), Some(3), Some("B"), Some("李 贰"), Some("error"))
    );
    assert!(
        conflict["message"]
            .as_str()
            .is_some_and(|m| m.contains(&format!("身份证号 {B} 在数据库中登记为「李二」（甲局），本表为「李贰」"))
                && m.contains("该行未导入")),
        "{conflict}"
    );
    assert_eq!(
        v["changes"]["name_conflicts"],
        serde_json::json!([{"id": B, "name": "李贰", "row": 3, "name_in_database": "李二", "organ_in_database": "甲局", "confirmed": false}])
    );
    assert_eq!(v["changes"]["rank_changed"], serde_json::json!([]));
    assert_eq!(v["skipped"].as_u64(), Some(1));

    // The error workbook: the name cell marked, the reason beside the row, the row among the failed.
    let mut wb = calamine::open_workbook_auto(&report).expect("report opens");
    use calamine::Reader;
    let copy = wb.worksheet_range("原表（已标出问题）").expect("copy");
    let reason = copy.get_value((2, 6)).map(|c| c.to_string()).unwrap_or_default();
    assert!(reason.contains("【未导入】工作表「人员」第3行 B列「姓名」：身份证号"), "{reason}");
    let failed = wb.worksheet_range("未导入行（标准格式）").expect("failed rows");
    let row: Vec<String> = failed.rows().nth(1).expect("row").iter().map(|c| c.to_string()).collect();
    assert_eq!((row[0].as_str(), row[1].as_str(), row[2].as_str()), ("3", B, "李 贰"));

    // Applied: B is held back; confirmed, B is renamed.
    let v = json_of(&cli(&["import", &second.display().to_string(), "--db", &db, "--json"]));
    assert_eq!((v["applied"]["people"].as_u64(), v["applied"]["held_back"].as_u64()), (Some(1), Some(1)));
    let p = json_of(&cli(&["promote", "--as-of", "2025-12-31", "--db", &db, "--json"]));
    let b = p["people"].as_array().expect("people").iter().find(|x| x["id"] == B).expect("B");
    assert_eq!((b["name"].as_str(), b["rank"].as_str()), (Some("李二"), Some("一级科员")));
    let text = cli(&["import", &second.display().to_string(), "--db", &db, "--check"]).stdout;
    assert!(text.contains("如确属改名，请加 --confirm-rename 身份证号"), "{text}");

    let v = json_of(&cli(&[
        "import",
        &second.display().to_string(),
        "--db",
        &db,
        "--confirm-rename",
        &B.to_lowercase(),
        "--json",
    ]));
    assert_eq!((v["applied"]["people"].as_u64(), v["applied"]["held_back"].as_u64()), (Some(2), Some(0)));
    let conflict =
        v["issues"].as_array().expect("issues").iter().find(|i| i["code"] == "name_conflict").expect("still said");
    assert_eq!(conflict["severity"], "warning");
    let p = json_of(&cli(&["promote", "--as-of", "2025-12-31", "--db", &db, "--json"]));
    let b = p["people"].as_array().expect("people").iter().find(|x| x["id"] == B).expect("B");
    assert_eq!((b["name"].as_str(), b["rank"].as_str()), (Some("李贰"), Some("四级主任科员")));
}

/// A row of another sheet whose ID is not among the people read names the people sheet as the
/// file names it (here 「人员名册」, found by its header), not 「人员」.
#[test]
fn an_unknown_id_names_the_people_sheet_as_the_file_names_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("名册.xlsx");
    let sheets: toml::Table = toml::from_str(
        r#"
"人员名册" = [["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"], ["11010519491231002X", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15]]
"年度考核" = [["身份证号", "年度", "考核结果"], ["320102199001101000", 2024, "优秀"]]
"#,
    )
    .expect("toml");
    kaohe_tests::write_sheets(&sheets, &file).expect("write");
    let read = read_roster(&file, &Profile::national()).expect("read");
    assert_eq!(read.sheet, "人员名册");
    let unknown = read.issues.iter().find(|i| i.code == IssueCode::UnknownPerson).expect("the unknown ID");
    assert_eq!((unknown.sheet.as_str(), unknown.row), ("年度考核", Some(2)));
    assert!(unknown.message.contains("不在「人员名册」表已导入的人员中"), "{}", unknown.message);
}
