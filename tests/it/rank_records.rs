//! The ranks each person held (the roster's 职级变动 sheet) through the real crates: imported in
//! the import's transaction, written again only when they change (replaced per person, the
//! plan saying whose and how), kept by a migration from schema 16 and by a backup restored, and
//! — through the command line — a promotion made before the first import found by 核查 with the
//! rows behind it.

use kaohe_cli::run;
use kaohe_engine::Profile;
use kaohe_store::{migrations, Store};
use kaohe_tests::write_sheets;
use serde_json::Value;
use std::path::Path;

const ID_A: &str = "11010519491231002X";
const ID_B: &str = "330102198808060235";

/// A roster of two people; B was promoted to 四级主任科员 on 2021-06-01 after 17 months as 一级科员
/// (`b_since`: B's first row), which the 职级变动 sheet alone says. `ranks`: whether the file has
/// the sheet.
fn write_roster(path: &Path, b_since: &str, ranks: bool) {
    let sheet = if ranks {
        format!(
            r#""职级变动" = [
  ["身份证号", "姓名", "职级", "任职级时间", "文号"],
  ["{ID_A}", "王一", "二级主任科员", 2019-06-15, "某组字〔2019〕8号"],
  ["{ID_B}", "李二", "一级科员", {b_since}, ""],
  ["{ID_B}", "李二", "四级主任科员", 2021-06-01, "某组字〔2021〕5号"],
]"#
        )
    } else {
        String::new()
    };
    let text = format!(
        r#"
"人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["{ID_A}", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
  ["{ID_B}", "李二", "甲局", "综合管理类", "四级主任科员", 2021-06-01],
]
"单位" = [["单位名称", "机关层级"], ["甲局", "市(地)"]]
"年度考核" = [["身份证号", "年度", "等次"], ["{ID_B}", 2020, "称职"], ["{ID_B}", 2021, "称职"]]
"处分" = [["身份证号", "类型", "日期"]]
{sheet}
"#
    );
    let sheets: toml::Table = toml::from_str(&text).expect("toml");
    write_sheets(&sheets, path).expect("write");
}

fn read(path: &Path) -> kaohe_workbook::RosterRead {
    kaohe_workbook::read_roster(path, &Profile::national()).expect("read")
}

/// (person, since, rank, source, note, import) of every stored record.
fn stored(path: &Path) -> Vec<(String, String, String, String, Option<String>, i64)> {
    let conn = migrations::Connection::open(path).expect("sqlite opens");
    let mut stmt = conn
        .prepare("SELECT person_id, since, rank, source, note, import_id FROM rank_records ORDER BY person_id, since")
        .expect("select");
    let rows =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))).expect("rows");
    rows.collect::<Result<_, _>>().expect("values")
}

#[test]
fn rank_records_are_imported_once_and_replaced_per_person_when_they_change() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("k.db");
    let mut store = Store::open(&db).expect("open");
    let file = tmp.path().join("名册.xlsx");
    write_roster(&file, "2020-01-01", true);
    let first = read(&file);
    assert_eq!(first.roster.rank_records.len(), 3, "{:#?}", first.issues);
    let plan = store.plan(&first).expect("plan");
    assert_eq!((plan.rank_records, plan.rank_records_replaced.len()), (3, 0));
    let done = store.import(&first, "名册.xlsx").expect("import");
    assert_eq!(done.rank_records_written, 3);
    let row = |id: &str, since: &str, rank: &str, r: u32, note: Option<&str>, import: i64| {
        (
            id.to_string(),
            since.to_string(),
            rank.to_string(),
            format!("「职级变动」表第{r}行"),
            note.map(str::to_string),
            import,
        )
    };
    let expected = vec![
        row(ID_A, "2019-06-15", "二级主任科员", 2, Some("某组字〔2019〕8号"), 1),
        row(ID_B, "2020-01-01", "一级科员", 3, None, 1),
        row(ID_B, "2021-06-01", "四级主任科员", 4, Some("某组字〔2021〕5号"), 1),
    ];
    assert_eq!(stored(&db), expected);
    let loaded = store.load_roster().expect("load");
    assert_eq!(loaded.rank_records, first.roster.rank_records, "read back as read");

    // The same rows again: nothing to write, nothing written (the records keep their import).
    let plan = store.plan(&first).expect("plan");
    assert_eq!((plan.rank_records, plan.rank_records_replaced.len()), (0, 0));
    assert_eq!(store.import(&first, "名册.xlsx").expect("again").rank_records_written, 0);
    assert_eq!(stored(&db), expected);

    // B's first rank on another day: B's records replaced as a whole, A's kept; the plan says so.
    write_roster(&file, "2019-07-01", true);
    let changed = read(&file);
    let plan = store.plan(&changed).expect("plan");
    assert_eq!(plan.rank_records, 2);
    assert_eq!(plan.rank_records_replaced.len(), 1);
    let replaced = &plan.rank_records_replaced[0];
    assert_eq!((replaced.id.as_str(), replaced.name.as_str()), (ID_B, "李二"));
    assert_eq!(replaced.from, "2020-01-01 一级科员 → 2021-06-01 四级主任科员");
    assert_eq!(replaced.to, "2019-07-01 一级科员 → 2021-06-01 四级主任科员");
    assert_eq!(store.import(&changed, "名册2.xlsx").expect("changed").rank_records_written, 2);
    let now = stored(&db);
    assert_eq!(now[0], expected[0], "A's record is A's as before");
    assert_eq!(now[1], row(ID_B, "2019-07-01", "一级科员", 3, None, 3));
    assert_eq!(now.len(), 3);

    // A roster without the sheet leaves everyone's records as they are.
    let bare = tmp.path().join("无职级变动.xlsx");
    write_roster(&bare, "2019-07-01", false);
    assert_eq!(store.import(&read(&bare), "无职级变动.xlsx").expect("bare").rank_records_written, 0);
    assert_eq!(stored(&db), now);

    // A backup restored brings them.
    let backup = tmp.path().join("备份.db");
    store.backup_to(&backup).expect("backup");
    let other = tmp.path().join("other.db");
    Store::open(&other).expect("a fresh database");
    let restored =
        kaohe_store::settings::restore(Store::open(&other), &other, &backup, None, &tmp.path().join("恢复前备份.db"))
            .unwrap_or_else(|e| panic!("restored: {}", e.error));
    assert_eq!(restored.load_roster().expect("load").rank_records, store.load_roster().expect("load").rank_records);
    drop(restored);
    assert_eq!(stored(&other), now);
}

#[test]
fn a_database_of_schema_16_keeps_its_data_and_takes_rank_records() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("v16.db");
    {
        let conn = migrations::create_at_version(&path, 16).expect("v16");
        conn.execute_batch(&format!(
            "INSERT INTO imports (id, file, imported_at, people, issues) VALUES (1, '2024.xlsx', '2024-12-20 09:00:00', 1, 0);
             INSERT INTO people (id, name, organ, category, rank, rank_since, first_import, last_import) VALUES
                ('{ID_B}', '李二', '甲局', '综合管理类', '四级主任科员', '2021-06-01', 1, 1);
             INSERT INTO annual_results (person_id, year, code) VALUES ('{ID_B}', 2020, '2');"
        ))
        .expect("v16 rows");
    }
    let mut store = Store::open(&path).expect("open migrates");
    assert_eq!(store.schema_version().expect("version"), 17);
    let before = store.load_roster().expect("load");
    assert_eq!((before.people.len(), before.results.len(), before.rank_records.len()), (1, 1, 0));
    let file = tmp.path().join("名册.xlsx");
    write_roster(&file, "2020-01-01", true);
    assert_eq!(store.import(&read(&file), "名册.xlsx").expect("import").rank_records_written, 3);
    assert_eq!(stored(&path).len(), 3);
}

fn kaohe(list: &[&str]) -> kaohe_cli::Output {
    let args: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    let out = run(&args);
    assert_eq!(out.status, 0, "kaohe {list:?}: {}{}", out.stdout, out.stderr);
    out
}

/// A promotion made before the roster was first imported, known only from its 职级变动 sheet, is
/// found by `kaohe audit` with the rows it was read from.
#[test]
fn kaohe_audit_finds_an_early_promotion_of_the_rank_records() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("名册.xlsx");
    write_roster(&file, "2020-01-01", true);
    let db = tmp.path().join("k.db").display().to_string();
    let imported = kaohe(&["import", &file.display().to_string(), "--db", &db, "--by", "测试", "--json"]);
    let imported: Value = serde_json::from_str(&imported.stdout).expect("json");
    assert_eq!((imported["rank_records"].as_u64(), imported["changes"]["rank_records"].as_u64()), (Some(3), Some(3)));
    assert_eq!(imported["applied"]["rank_records_written"], 3);
    let out = kaohe(&["audit", "--as-of", "2025-12-31", "--db", &db, "--json"]);
    let report: Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(report["promotions"], 1, "B's promotion; A's one row is no step");
    let early: Vec<&Value> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|e| &e["finding"])
        .filter(|f| f["kind"] == "promoted_early")
        .collect();
    assert_eq!(early.len(), 1, "{report:#}");
    let f = early[0];
    assert_eq!(
        (f["person_id"].as_str(), f["key"].as_str()),
        (Some(ID_B), Some("promoted_early:330102198808060235:2021:2021-06-01"))
    );
    let reason: kaohe_engine::Reason = serde_json::from_value(f["reason"].clone()).expect("reason");
    assert!(reason.to_string().contains("至晋升时计17个月，应满24个月，任职年限不足"), "{reason}");
    assert_eq!(
        f["records"],
        serde_json::json!([
            "2020年1月1日起任一级科员（「职级变动」表第3行）",
            "2021年6月1日起任四级主任科员（「职级变动」表第4行）"
        ])
    );
    let text = kaohe(&["audit", "--as-of", "2025-12-31", "--db", &db]).stdout;
    assert!(text.contains("· 2020年1月1日起任一级科员（「职级变动」表第3行）"), "{text}");
}
