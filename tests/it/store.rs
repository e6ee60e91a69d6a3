//! The embedded database: imports are idempotent, re-imports update and keep history, old
//! schemas migrate, newer or foreign databases are refused.

use kaohe_engine::Profile;
use kaohe_store::{migrations, Store, SCHEMA_VERSION};
use kaohe_tests::write_sheets;
use std::path::Path;

const ID_A: &str = "11010519491231002X";
const ID_B: &str = "330102198808060235";

fn roster(dir: &Path, rank_b: &str, grade_b_2024: &str) -> kaohe_workbook::RosterRead {
    let text = format!(
        r#"
"人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["{ID_A}", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
  ["{ID_B}", "李二", "甲局", "综合管理类", "{rank_b}", 2021-03-01],
]
"单位" = [["单位名称", "机关层级", "一级和二级主任科员"], ["甲局", "市(地)", 4]]
"年度考核" = [["身份证号", "年度", "等次"], ["{ID_A}", 2024, "优秀"], ["{ID_B}", 2024, "{grade_b_2024}"]]
"处分" = [["身份证号", "类型", "日期"], ["{ID_B}", "警告", 2025-05-01]]
"#
    );
    let sheets: toml::Table = toml::from_str(&text).expect("toml");
    let path = dir.join(format!("{rank_b}.xlsx"));
    write_sheets(&sheets, &path).expect("write");
    kaohe_workbook::read_roster(&path, &Profile::national()).expect("read")
}

#[test]
fn importing_the_same_roster_twice_changes_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&tmp.path().join("k.db")).expect("open");
    let read = roster(tmp.path(), "三级主任科员", "称职");
    let first = store.import(&read, "a.xlsx").expect("import");
    assert_eq!((first.new_people, first.updated_people, first.unchanged_people), (2, 0, 0));
    let before = store.load_roster().expect("load");
    let second = store.import(&read, "a.xlsx").expect("import again");
    assert_eq!((second.new_people, second.updated_people, second.unchanged_people), (0, 0, 2));
    assert_eq!(store.load_roster().expect("load"), before);
    let c = store.counts().expect("counts");
    assert_eq!((c.people, c.organs, c.results, c.restrictions), (2, 1, 2, 1));
    // Only the "added" entry, no change rows from the second import.
    assert_eq!(store.history(ID_B).expect("history").len(), 1);
    assert_eq!(store.import_count().expect("imports"), 2);
}

#[test]
fn a_second_import_updates_and_keeps_history() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&tmp.path().join("k.db")).expect("open");
    store.import(&roster(tmp.path(), "三级主任科员", "称职"), "2024.xlsx").expect("first");
    let s = store.import(&roster(tmp.path(), "二级主任科员", "基本称职"), "2025.xlsx").expect("second");
    assert_eq!((s.new_people, s.updated_people, s.unchanged_people), (0, 1, 1));
    let loaded = store.load_roster().expect("load");
    let b = loaded.people.iter().find(|p| p.id == ID_B).expect("B");
    assert_eq!(b.rank, "二级主任科员");
    let history = store.history(ID_B).expect("history");
    let fields: Vec<(&str, Option<&str>, Option<&str>)> =
        history.iter().map(|c| (c.field.as_str(), c.old.as_deref(), c.new.as_deref())).collect();
    assert_eq!(
        fields,
        vec![
            ("added", None, Some("李二")),
            ("rank", Some("三级主任科员"), Some("二级主任科员")),
            ("result:2024", Some("称职"), Some("基本称职")),
        ]
    );
    assert_eq!(history[1].import_id, s.import_id);
    let labels: Vec<String> = history.iter().map(|c| c.label()).collect();
    assert_eq!(labels, ["新增人员", "职级", "2024年度考核"]);
}

#[test]
fn a_history_of_labels_is_keyed_by_field_when_the_database_is_upgraded() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("v12.db");
    {
        // Version 12 recorded the history under its Chinese labels.
        let conn = migrations::create_at_version(&path, 12).expect("v12");
        conn.execute_batch(&format!(
            "INSERT INTO imports (id, file, imported_at, people, issues) VALUES (1, '2024.xlsx', '2024-12-20 09:00:00', 1, 0), (2, '2025.xlsx', '2025-04-02 10:00:00', 1, 0);
             INSERT INTO people (id, name, organ, category, rank, rank_since) VALUES ('{ID_A}', '王一', '甲局', '综合管理类', '二级主任科员', '2025-03-01');
             INSERT INTO person_history (import_id, person_id, field, old_value, new_value) VALUES
                (1, '{ID_A}', '新增人员', NULL, '王一'),
                (2, '{ID_A}', '职级', '三级主任科员', '二级主任科员'),
                (2, '{ID_A}', '任现职级时间', '2019-06-15', '2025-03-01'),
                (2, '{ID_A}', '离职/退休日期', NULL, '2025-09-30'),
                (2, '{ID_A}', '2024年度考核', '称职', '优秀'),
                (2, '{ID_A}', '备注', NULL, '另一程序写的');"
        ))
        .expect("v12 rows");
    }
    let store = Store::open(&path).expect("open migrates");
    let fields: Vec<String> = store.history(ID_A).expect("history").into_iter().map(|c| c.field).collect();
    assert_eq!(fields, ["added", "rank", "rank_since", "left_on", "result:2024", "备注"]);
}

#[test]
fn an_old_schema_migrates_and_keeps_its_data() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("old.db");
    {
        let conn = migrations::create_at_version(&path, 1).expect("v1");
        conn.execute(
            "INSERT INTO people (id, name, organ, category, rank, rank_since) VALUES (?1, '王一', '甲局', '综合管理类', '二级主任科员', '2019-06-15')",
            [ID_A],
        )
        .expect("insert");
        let v: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
        assert_eq!(v, 1);
    }
    let mut store = Store::open(&path).expect("open migrates");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    let loaded = store.load_roster().expect("load");
    assert_eq!(loaded.people.len(), 1);
    assert_eq!(loaded.people[0].rank_since.to_string(), "2019-06-15");
    // The tables of version 2 work on the upgraded file.
    let s = store.import(&roster(tmp.path(), "三级主任科员", "称职"), "new.xlsx").expect("import");
    assert_eq!((s.new_people, s.unchanged_people), (1, 1));
}

#[test]
fn a_newer_or_foreign_database_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("new.db");
    drop(Store::open(&path).expect("create"));
    {
        let conn = rusqlite_conn(&path);
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
    }
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.code().name(), "database_too_new");
    assert!(err.to_string().contains("更新版本"), "{err}");

    let foreign = tmp.path().join("other.db");
    rusqlite_conn(&foreign).execute_batch("CREATE TABLE t (x)").expect("create");
    let err = Store::open(&foreign).err().expect("refused");
    assert_eq!(err.code().name(), "not_a_kaohe_database");

    let text = tmp.path().join("notes.db");
    std::fs::write(&text, "这不是数据库，只是一段文字。".repeat(100)).expect("write");
    let err = Store::open(&text).err().expect("refused");
    assert_eq!(err.code().name(), "not_a_kaohe_database", "{err}");
}

fn rusqlite_conn(path: &Path) -> kaohe_store::migrations::Connection {
    kaohe_store::migrations::Connection::open(path).expect("sqlite opens")
}

/// The roster of `roster()`, with B written under another name.
fn renamed(dir: &Path, name_b: &str) -> kaohe_workbook::RosterRead {
    let text = format!(
        r#"
"人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["{ID_A}", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
  ["{ID_B}", "{name_b}", "乙局", "综合管理类", "二级主任科员", 2025-03-01],
]
"年度考核" = [["身份证号", "年度", "等次"], ["{ID_A}", 2024, "优秀"], ["{ID_B}", 2024, "优秀"]]
"处分" = [["身份证号", "类型", "日期"], ["{ID_B}", "诫勉", 2025-06-01]]
"#
    );
    let sheets: toml::Table = toml::from_str(&text).expect("toml");
    let path = dir.join(format!("{name_b}.xlsx"));
    write_sheets(&sheets, &path).expect("write");
    kaohe_workbook::read_roster(&path, &Profile::national()).expect("read")
}

#[test]
fn the_same_id_under_another_name_is_held_back_until_confirmed_as_a_change_of_name() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&tmp.path().join("k.db")).expect("open");
    store.import(&roster(tmp.path(), "三级主任科员", "称职"), "2024.xlsx").expect("first");
    let before = store.load_roster().expect("load");
    let read = renamed(tmp.path(), "李贰");

    // The check: a conflict with an error naming the row, the cell and both names; B is not
    // among the updated people, and B's changed 2024 result is not counted.
    let plan = store.plan(&read).expect("plan");
    assert_eq!(plan.name_conflicts.len(), 1);
    let c = &plan.name_conflicts[0];
    assert_eq!(
        (c.id.as_str(), c.name.as_str(), c.row, c.name_in_database.as_str(), c.organ_in_database.as_str(), c.confirmed),
        (ID_B, "李贰", Some(3), "李二", "甲局", false)
    );
    let issue = &plan.issues[0];
    assert_eq!(
        (issue.row, issue.column.as_deref(), issue.header.as_deref(), issue.value.as_deref()),
        (Some(3), Some("B"), Some("姓名"), Some("李贰"))
    );
    assert_eq!(
        (issue.code, issue.severity),
        (kaohe_workbook::IssueCode::NameConflict, kaohe_workbook::Severity::Error)
    );
    assert_eq!(
        issue.message,
        format!("工作表「人员」第3行 B列「姓名」：身份证号 {ID_B} 在数据库中登记为「李二」（甲局），本表为「李贰」。可能是改名，也可能是身份证号填错（填成了别人的号码）；该行未导入，数据库中「李二」的记录保持不变。如确属改名，请确认改名后重新导入；如身份证号填错，请改正后重新导入。")
    );
    assert!(plan.updated.is_empty() && plan.moved.is_empty(), "{plan:#?}");
    assert_eq!((plan.unchanged, plan.results, plan.missing.len()), (1, 0, 0));

    // Applied without confirmation: B and every record of B's are left out.
    let s = store.import(&read, "2025.xlsx").expect("import");
    assert_eq!((s.people, s.held_back, s.unchanged_people, s.restrictions), (1, 1, 1, 0));
    let after = store.load_roster().expect("load");
    assert_eq!(after, before, "nothing of the held-back person was written");

    // Confirmed as a change of name: imported, the old name kept in the history.
    let confirmed = kaohe_store::Confirmations { renames: [ID_B.to_string()].into() };
    let plan = store.plan_with(&read, &confirmed).expect("plan");
    assert!(plan.name_conflicts[0].confirmed);
    assert_eq!(plan.issues[0].severity, kaohe_workbook::Severity::Warning);
    assert!(
        plan.issues[0].message.contains("已确认为改名；该行已导入，姓名改为「李贰」，原姓名记入变更记录。"),
        "{}",
        plan.issues[0].message
    );
    assert_eq!(
        plan.updated[0].fields[0],
        kaohe_store::FieldChange {
            field: "姓名".to_string(),
            from: Some("李二".to_string()),
            to: Some("李贰".to_string())
        }
    );
    let s = store.import_with(&read, "2025.xlsx", "", &confirmed, &mut |_, _| true).expect("import");
    assert_eq!((s.held_back, s.updated_people), (0, 1));
    let b = store.load_roster().expect("load").people.into_iter().find(|p| p.id == ID_B).expect("B");
    assert_eq!((b.name.as_str(), b.organ.as_str()), ("李贰", "乙局"));
    let history = store.history(ID_B).expect("history");
    assert!(
        history
            .iter()
            .any(|h| h.field == "name" && h.old.as_deref() == Some("李二") && h.new.as_deref() == Some("李贰")),
        "{history:#?}"
    );
    // B was added by the first import under the name B had then.
    let added = &history[0];
    assert_eq!((added.field.as_str(), added.new.as_deref(), added.label()), ("added", Some("李二"), "新增人员".into()));
    assert_eq!(added.import_id, 1);
}

/// A first import writes no history row per person (each person's `first_import` is their
/// 「新增人员」); a database of version 15, which wrote one, loses those rows on upgrade and
/// reads the same history, and its results (a table of another layout since) are all kept.
#[test]
fn the_history_of_a_person_added_is_read_from_the_import_that_added_them() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&tmp.path().join("k.db")).expect("open");
    store.import(&roster(tmp.path(), "三级主任科员", "称职"), "2024.xlsx").expect("first");
    let rows: i64 = rusqlite_conn(&tmp.path().join("k.db"))
        .query_row("SELECT count(*) FROM person_history", [], |r| r.get(0))
        .expect("count");
    assert_eq!(rows, 0);
    let history = store.history_with_imports(ID_A).expect("history");
    assert_eq!(history.len(), 1);
    assert_eq!((history[0].0.field.as_str(), history[0].0.new.as_deref()), ("added", Some("王一")));
    assert_eq!(history[0].2, "2024.xlsx");

    let path = tmp.path().join("v15.db");
    {
        let conn = migrations::create_at_version(&path, 15).expect("v15");
        conn.execute_batch(&format!(
            "INSERT INTO imports (id, file, imported_at, people, issues) VALUES (1, '2024.xlsx', '2024-12-20 09:00:00', 2, 0), (2, '2025.xlsx', '2025-04-02 10:00:00', 2, 0);
             INSERT INTO people (id, name, organ, category, rank, rank_since, first_import, last_import) VALUES
                ('{ID_A}', '王壹', '甲局', '综合管理类', '二级主任科员', '2025-03-01', 1, 2),
                ('{ID_B}', '李二', '甲局', '综合管理类', '三级主任科员', '2021-03-01', 2, 2);
             INSERT INTO person_history (import_id, person_id, field, old_value, new_value) VALUES
                (1, '{ID_A}', 'added', NULL, '王一'),
                (2, '{ID_A}', 'name', '王一', '王壹'),
                (2, '{ID_A}', 'rank', '三级主任科员', '二级主任科员'),
                (2, '{ID_B}', 'added', NULL, '李二');
             INSERT INTO annual_results (person_id, year, code) VALUES ('{ID_B}', 2024, '2'), ('{ID_A}', 2024, '1'), ('{ID_A}', 2023, '2');"
        ))
        .expect("v15 rows");
    }
    let store = Store::open(&path).expect("open migrates");
    let conn = rusqlite_conn(&path);
    let added: i64 =
        conn.query_row("SELECT count(*) FROM person_history WHERE field = 'added'", [], |r| r.get(0)).expect("count");
    assert_eq!(added, 0);
    let history: Vec<(i64, String, Option<String>, Option<String>)> =
        store.history(ID_A).expect("history").into_iter().map(|c| (c.import_id, c.field, c.old, c.new)).collect();
    assert_eq!(
        history,
        [
            (1, "added".to_string(), None, Some("王一".to_string())),
            (2, "name".to_string(), Some("王一".to_string()), Some("王壹".to_string())),
            (2, "rank".to_string(), Some("三级主任科员".to_string()), Some("二级主任科员".to_string())),
        ]
    );
    assert_eq!(store.history(ID_B).expect("history")[0].import_id, 2);
    let results: Vec<(String, i32, String)> = conn
        .prepare("SELECT person_id, year, code FROM annual_results")
        .expect("results")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("values");
    assert_eq!(
        results,
        [
            (ID_A.to_string(), 2023, "2".to_string()),
            (ID_A.to_string(), 2024, "1".to_string()),
            (ID_B.to_string(), 2024, "2".to_string())
        ]
    );
}

/// One organ's roster (the person drawer reads only the person's organ): exactly that organ's
/// row and slots, its people in roster order, and their results, restrictions, 平时 records and
/// assessment inputs — the same records, in the same order, as the full roster holds of them.
#[test]
fn an_organs_roster_holds_that_organ_and_nothing_else() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&tmp.path().join("k.db")).expect("open");
    let read =
        kaohe_workbook::read_roster(&kaohe_tests::root().join("fixtures/sample/名册示例.xlsx"), &Profile::national())
            .expect("sample reads");
    store.import(&read, "名册示例.xlsx").expect("import");
    let full = store.load_roster().expect("load");

    assert_eq!(store.organ_of("330102198808060235").expect("organ").as_deref(), Some("某市财政局"));
    assert_eq!(
        store.organ_of(" 330102198808060235").expect("organ"),
        None,
        "IDs are looked up as given (the shell trims)"
    );
    assert_eq!(store.organ_of("110101199003071234").expect("organ"), None);

    let finance = store.load_organ_roster("某市财政局").expect("organ roster");
    let names: Vec<&str> = finance.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "田建国", "马秀英", "宋丽娜", "梁晓东", "王宏伟", "周春燕", "郑玉兰", "王鹏飞", "梁宏伟", "王梦瑶",
            "高子轩", "刘丽娜", "曹雅琴", "董静怡", "高晓燕", "吴秀英"
        ]
    );
    assert_eq!(finance.organs.len(), 1);
    let organ = &finance.organs[0];
    assert_eq!((organ.name.as_str(), organ.level.as_deref()), ("某市财政局", Some("市(地)")));
    let slots: Vec<(&str, u32)> = organ.slots.iter().map(|(pool, n)| (pool.as_str(), *n)).collect();
    assert_eq!(
        slots,
        [("一级和二级主任科员", 8), ("一级和二级调研员", 2), ("三级和四级主任科员", 10), ("三级和四级调研员", 5)]
    );
    assert_eq!((finance.results.len(), finance.regular.len(), finance.annual_inputs.len()), (48, 64, 16));
    let tian: Vec<(i32, &str)> = finance
        .results
        .iter()
        .filter(|r| r.person_id == "330102198808060235")
        .map(|r| (r.year, r.result.label()))
        .collect();
    assert_eq!(tian, [(2022, "称职"), (2023, "基本称职"), (2024, "优秀")]);
    let restrictions: Vec<(&str, &str, String)> = finance
        .restrictions
        .iter()
        .map(|r| {
            (
                finance.people.iter().find(|p| p.id == r.person_id).map_or("?", |p| p.name.as_str()),
                r.kind.as_str(),
                r.date.to_string(),
            )
        })
        .collect();
    let expected = [
        ("田建国", "警告", "2025-09-17"),
        ("宋丽娜", "诫勉", "2025-10-14"),
        ("王宏伟", "诫勉", "2025-07-22"),
        ("周春燕", "立案调查", "2025-08-12"),
    ];
    assert_eq!(restrictions, expected.map(|(n, k, d)| (n, k, d.to_owned())));

    // 某县市场监督管理局: 11 people, 郑明辉's 诫勉, no 平时 records, one person with scores.
    let market = store.load_organ_roster("某县市场监督管理局").expect("organ roster");
    assert_eq!(market.people.len(), 11);
    assert_eq!(
        (market.results.len(), market.restrictions.len(), market.regular.len(), market.annual_inputs.len()),
        (33, 1, 0, 1)
    );
    assert_eq!(
        (market.restrictions[0].person_id.as_str(), market.restrictions[0].kind.as_str()),
        ("330522198901130776", "诫勉")
    );
    assert_eq!(market.organs[0].slots.get("一级和二级主办"), Some(&3));

    // Every organ: exactly what the full roster holds of it, in the same order.
    for organ in &full.organs {
        let part = store.load_organ_roster(&organ.name).expect("organ roster");
        let ids: std::collections::HashSet<&str> =
            full.people.iter().filter(|p| p.organ == organ.name).map(|p| p.id.as_str()).collect();
        let mine = |id: &str| ids.contains(id);
        assert_eq!(part.organs, std::slice::from_ref(organ));
        assert_eq!(part.people, full.people.iter().filter(|p| p.organ == organ.name).cloned().collect::<Vec<_>>());
        assert_eq!(part.results, full.results.iter().filter(|r| mine(&r.person_id)).cloned().collect::<Vec<_>>());
        assert_eq!(
            part.restrictions,
            full.restrictions.iter().filter(|r| mine(&r.person_id)).cloned().collect::<Vec<_>>()
        );
        assert_eq!(part.regular, full.regular.iter().filter(|r| mine(&r.person_id)).cloned().collect::<Vec<_>>());
        assert_eq!(
            part.annual_inputs,
            full.annual_inputs.iter().filter(|r| mine(&r.person_id)).cloned().collect::<Vec<_>>()
        );
    }
    // An organ the database does not hold: nothing.
    let none = store.load_organ_roster("某省不存在局").expect("organ roster");
    assert!(none.people.is_empty() && none.organs.is_empty() && none.results.is_empty(), "{none:?}");
}

#[test]
fn entry_method_and_leaving_date_round_trip_and_their_changes_are_history() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&tmp.path().join("k.db")).expect("open");
    let write = |name: &str, method: &str, left: &str| {
        let text = format!(
            r#"
"人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间", "进入方式", "退休日期"],
  ["{ID_A}", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15, "{method}", {left}],
  ["{ID_B}", "李二", "甲局", "综合管理类", "三级主任科员", 2021-03-01, "", ""],
]
"#
        );
        let sheets: toml::Table = toml::from_str(&text).expect("toml");
        let path = tmp.path().join(name);
        write_sheets(&sheets, &path).expect("write");
        kaohe_workbook::read_roster(&path, &Profile::national()).expect("read")
    };
    let first = write("a.xlsx", "公开遴选", "\"\"");
    assert!(first.issues.iter().all(|i| i.row.is_none()), "{:?}", first.issues);
    store.import(&first, "a.xlsx").expect("import");
    let loaded = store.load_roster().expect("load");
    let a = loaded.people.iter().find(|p| p.id == ID_A).expect("A");
    // The alias is stored as the profile's name.
    assert_eq!((a.entry_method.as_deref(), a.left_on), (Some("遴选"), None));
    assert_eq!(loaded, first.roster);

    store.import(&write("b.xlsx", "遴选", "2025-09-30"), "b.xlsx").expect("second");
    let a = store.load_roster().expect("load").people.into_iter().find(|p| p.id == ID_A).expect("A");
    assert_eq!(a.left_on, chrono::NaiveDate::from_ymd_opt(2025, 9, 30));
    let history = store.history(ID_A).expect("history");
    let last = history.last().expect("change");
    assert_eq!((last.field.as_str(), last.old.as_deref(), last.new.as_deref()), ("left_on", None, Some("2025-09-30")));
}

#[cfg(unix)]
/// The permission bits of a file, in octal as `ls` and `chmod` say them.
pub fn mode(path: &Path) -> String {
    use std::os::unix::fs::PermissionsExt;
    format!(
        "{:o}",
        std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
    )
}

#[cfg(unix)]
#[test]
fn the_database_its_folder_and_its_backups_are_for_their_owner_only() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("数据").join("Kaohe").join("kaohe.db");
    let mut store = Store::open(&db).expect("open");
    store.import(&roster(tmp.path(), "三级主任科员", "称职"), "a.xlsx").expect("import");
    assert_eq!(mode(&db), "600", "the database");
    assert_eq!(mode(db.parent().expect("folder")), "700", "the data folder Kaohe created");
    assert_eq!(mode(&tmp.path().join("数据")), "700", "and the one above it");
    let backup = tmp.path().join("备份.db");
    store.backup_to(&backup).expect("backup");
    assert_eq!(mode(&backup), "600", "the backup");
    let safety = tmp.path().join("恢复前备份").join("恢复前备份_1.db");
    let store =
        kaohe_store::settings::restore(Ok(store), &db, &backup, None, &safety).map_err(|f| f.error).expect("restored");
    assert_eq!(mode(&safety), "600", "the safety copy");
    assert_eq!(mode(safety.parent().expect("folder")), "700", "the folder of safety copies");
    assert_eq!(mode(&db), "600", "the restored database");
    drop(store);
}

#[test]
fn a_saved_mapping_keeps_headers_with_line_breaks_and_tabs() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("k.db");
    let mapping: std::collections::BTreeMap<String, String> =
        [("职位\n类别", "职位类别"), ("备注\t（一）", ""), ("A", "身份证号"), ("年度考核\r\n2024", "年度考核:2024")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
    Store::open(&path).expect("open").save_mapping("签名", &mapping).expect("saved");
    assert_eq!(Store::open(&path).expect("reopen").mapping_for("签名").expect("read"), Some(mapping));
}

#[test]
fn saved_mappings_of_an_older_database_become_json() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("old.db");
    {
        let conn = migrations::create_at_version(&path, 10).expect("v10");
        conn.execute_batch(
            "INSERT INTO column_mappings (signature, mapping, saved_at) VALUES ('甲', 'A\t身份证号\nB\t姓名\nC\t\n', '2025-01-01 00:00:00');
             INSERT INTO column_mappings (signature, mapping, saved_at) VALUES ('乙', '', '2025-01-01 00:00:00');",
        )
        .expect("rows");
    }
    let store = Store::open(&path).expect("migrated");
    let saved = store.mapping_for("甲").expect("read").expect("kept");
    assert_eq!(
        saved.into_iter().collect::<Vec<_>>(),
        [("A".into(), "身份证号".into()), ("B".into(), "姓名".into()), ("C".into(), String::new())]
    );
    assert_eq!(store.mapping_for("乙").expect("read").expect("kept").len(), 0);
    drop(store);
    let text: String = rusqlite_conn(&path)
        .query_row("SELECT mapping FROM column_mappings WHERE signature = '甲'", [], |r| r.get(0))
        .expect("row");
    assert_eq!(text, r#"{"A":"身份证号","B":"姓名","C":""}"#);
}

/// The write reuses the plan's reading of the database only while it holds: a roster planned as
/// unchanged, then changed in the database by another import, is still written as it reads.
#[test]
fn the_plans_reading_of_the_database_is_not_reused_once_the_database_changed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&tmp.path().join("k.db")).expect("open");
    let first = roster(tmp.path(), "三级主任科员", "称职");
    store.import(&first, "a.xlsx").expect("first");
    // Planned against the database as it is: nothing would change.
    let plan = store.plan(&first).expect("plan");
    assert_eq!((plan.new.len(), plan.updated.len(), plan.unchanged), (0, 0, 2));
    // Another import changes 李二's rank and 2024 grade in between.
    store.import(&roster(tmp.path(), "二级主任科员", "基本称职"), "b.xlsx").expect("between");
    let s = store.import(&first, "a.xlsx").expect("the planned roster");
    assert_eq!((s.new_people, s.updated_people, s.unchanged_people), (0, 1, 1));
    let loaded = store.load_roster().expect("load");
    assert_eq!(loaded.people.iter().find(|p| p.id == ID_B).map(|p| p.rank.as_str()), Some("三级主任科员"));
    let grade =
        loaded.results.iter().find(|r| r.person_id == ID_B && r.year == 2024).map(|r| r.result.label().to_string());
    assert_eq!(grade.as_deref(), Some("称职"));
    // Planned and written back to back, the same roster is unchanged either way.
    let plan = store.plan(&first).expect("plan");
    assert_eq!(plan.unchanged, 2);
    let s = store.import(&first, "a.xlsx").expect("again");
    assert_eq!((s.new_people, s.updated_people, s.unchanged_people), (0, 0, 2));
}

/// Each person's fields' fingerprint, as the database keeps it, by ID.
fn fingerprints(path: &Path) -> Vec<(String, Option<i64>)> {
    let conn = rusqlite_conn(path);
    let mut stmt = conn.prepare("SELECT id, fingerprint FROM people ORDER BY id").expect("select");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("rows").map(|r| r.expect("row")).collect()
}

/// The import keeps a fingerprint of each person's fields in the database, so that the next
/// import reads one number per person instead of every field. Whoever wrote the person — the
/// import (new, then updated), an older Kaohe (no fingerprint: computed from the fields and
/// filled in), or a fingerprint that disagrees with the fields — the next import of an
/// unchanged roster finds everyone unchanged, writes no history and leaves the fingerprint of
/// the fields as they are.
#[test]
fn the_stored_fingerprint_of_a_person_is_always_that_of_their_fields() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("k.db");
    let mut store = Store::open(&path).expect("open");
    store.import(&roster(tmp.path(), "三级主任科员", "称职"), "2024.xlsx").expect("first");
    let second = roster(tmp.path(), "二级主任科员", "基本称职");
    store.import(&second, "2025.xlsx").expect("second");
    let written = fingerprints(&path);
    assert_eq!(written.len(), 2);
    assert!(written.iter().all(|(_, f)| f.is_some()), "{written:?}");
    let history = |store: &Store| store.history(ID_A).expect("a").len() + store.history(ID_B).expect("b").len();
    let changes = history(&store);

    // As an older database or a restore from before leaves them: none stored.
    rusqlite_conn(&path).execute("UPDATE people SET fingerprint = NULL", []).expect("null");
    let s = store.import(&second, "2025.xlsx").expect("again");
    assert_eq!((s.new_people, s.updated_people, s.unchanged_people), (0, 0, 2));
    assert_eq!(fingerprints(&path), written, "computed from the fields and filled in");

    // One that disagrees with the fields: the fields decide, and the fingerprint is put right.
    rusqlite_conn(&path).execute("UPDATE people SET fingerprint = 12345 WHERE id = ?1", [ID_A]).expect("wrong");
    let s = store.import(&second, "2025.xlsx").expect("again");
    assert_eq!((s.new_people, s.updated_people, s.unchanged_people), (0, 0, 2));
    assert_eq!(fingerprints(&path), written);
    assert_eq!(history(&store), changes, "no change recorded");
}

/// The schema of the database at `path` (type, name, table, SQL), SQLite's own left out.
fn schema(path: &Path) -> Vec<(String, String, String, Option<String>)> {
    let conn = rusqlite_conn(path);
    let mut stmt = conn
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("schema");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect()
}

/// A first import builds the indexes of people and their history after writing them; the
/// schema it leaves is the one the migrations made, index for index, and the indexes hold
/// every row (SQLite's integrity check compares each index with its table).
#[test]
fn a_first_import_leaves_the_schema_and_its_indexes_as_they_were() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("k.db");
    let mut store = Store::open(&path).expect("open");
    let made = schema(&path);
    assert!(
        made.iter().any(|o| o.1 == "people_by_organ") && made.iter().any(|o| o.1 == "person_history_by_person"),
        "{made:?}"
    );
    let read = roster(tmp.path(), "三级主任科员", "称职");
    // Cancelled at its last word, after the indexes were dropped and built again: all of it is
    // rolled back, the indexes with it.
    let cancelled =
        store.import_with(&read, "a.xlsx", "", &kaohe_store::Confirmations::default(), &mut |done, total| done < total);
    assert!(matches!(cancelled, Err(kaohe_store::StoreError::Cancelled)), "{cancelled:?}");
    assert_eq!(schema(&path), made);
    assert_eq!(store.counts().expect("counts").people, 0);
    store.import(&read, "a.xlsx").expect("import");
    assert_eq!(schema(&path), made);
    let conn = rusqlite_conn(&path);
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
    assert_eq!(check, "ok");
    let by_organ: i64 = conn
        .query_row("SELECT count(*) FROM people INDEXED BY people_by_organ WHERE organ = '甲局'", [], |r| r.get(0))
        .expect("by organ");
    assert_eq!(by_organ, 2);
    drop(conn);
    assert_eq!(store.history(ID_B).expect("history").len(), 1, "B's 「新增人员」");
}

/// What the database held, read ahead beside the roster's read (`read_ahead`), serves the plan
/// and the import only while nothing was written since: not after another program (here a
/// second connection, as another Kaohe would) or this store itself changed it.
#[test]
fn a_read_ahead_is_not_used_once_the_database_changed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("k.db");
    let first = roster(tmp.path(), "三级主任科员", "称职");
    Store::open(&path).expect("open").import(&first, "a.xlsx").expect("first");

    // Read ahead, then another connection changes 李二's rank: the plan sees the change.
    let (second, store) =
        kaohe_store::read_ahead(|| Store::open(&path), || roster(tmp.path(), "二级主任科员", "基本称职"));
    let mut store = store.expect("opened beside the read");
    rusqlite_conn(&path).execute("UPDATE people SET rank = '一级主任科员' WHERE id = ?1", [ID_B]).expect("elsewhere");
    let plan = store.plan(&second).expect("plan");
    assert_eq!(
        plan.rank_changed,
        vec![kaohe_store::Move {
            id: ID_B.to_string(),
            name: "李二".to_string(),
            from: "一级主任科员".to_string(),
            to: "二级主任科员".to_string()
        }]
    );

    // Read ahead, then this store writes (an import): the next import reads the database again.
    store.prefetch().expect("read ahead");
    store.import(&first, "a.xlsx").expect("back to the first roster");
    let s = store.import(&second, "b.xlsx").expect("second");
    assert_eq!((s.new_people, s.updated_people, s.unchanged_people), (0, 1, 1));
    let b = store.load_roster().expect("load").people.into_iter().find(|p| p.id == ID_B).expect("B");
    assert_eq!(b.rank, "二级主任科员");
    let ranks: Vec<(Option<String>, Option<String>)> = store
        .history(ID_B)
        .expect("history")
        .into_iter()
        .filter(|c| c.field == "rank")
        .map(|c| (c.old, c.new))
        .collect();
    assert_eq!(
        ranks,
        vec![
            (Some("一级主任科员".to_string()), Some("三级主任科员".to_string())),
            (Some("三级主任科员".to_string()), Some("二级主任科员".to_string()))
        ]
    );
}

/// A person of a roster made in code: 一级科员 of 综合管理类 since 2020-01-01.
fn person_in(id: &str, name: &str, organ: &str) -> kaohe_engine::Person {
    kaohe_engine::Person {
        id: id.to_string(),
        name: name.to_string(),
        organ: organ.to_string(),
        category: "综合管理类".to_string(),
        rank: "一级科员".to_string(),
        rank_since: chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("date"),
        ..Default::default()
    }
}

/// The plan reads back the stored fields of everyone whose fingerprint differs, many people a
/// statement: of 123 people, where every other one moved to another organ, each move is said
/// once, in roster order, from the stored organ to the new one, the others are unchanged, and
/// the import that follows writes the moves with their history.
#[test]
fn a_plan_says_every_change_of_a_large_roster_in_roster_order() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&tmp.path().join("k.db")).expect("open");
    let roster = |moved: bool| {
        let mut roster = kaohe_engine::Roster::default();
        for i in 0..123 {
            let organ = if moved && i % 2 == 1 { "乙局" } else { "甲局" };
            roster.people.push(person_in(&format!("1101051949123{i:04}X"), &format!("人员{i}"), organ));
        }
        kaohe_workbook::RosterRead::of("名册.xlsx", roster)
    };
    store.import(&roster(false), "名册.xlsx").expect("first");
    let moved = roster(true);
    let plan = store.plan(&moved).expect("plan");
    assert_eq!((plan.new.len(), plan.updated.len(), plan.unchanged), (0, 61, 62));
    let expected: Vec<(String, &str, &str)> =
        (0..123).filter(|i| i % 2 == 1).map(|i| (format!("1101051949123{i:04}X"), "甲局", "乙局")).collect();
    let said: Vec<(String, &str, &str)> =
        plan.moved.iter().map(|m| (m.id.clone(), m.from.as_str(), m.to.as_str())).collect();
    assert_eq!(said, expected);
    assert!(plan.updated.iter().all(|u| u.fields.len() == 1), "only the organ changed");
    let done = store.import(&moved, "名册.xlsx").expect("second");
    assert_eq!((done.updated_people, done.unchanged_people), (61, 62));
    let loaded = store.load_roster().expect("load");
    assert_eq!(loaded.people.iter().filter(|p| p.organ == "乙局").count(), 61);
    let history = store.history("11010519491230121X").expect("history");
    let last = history.last().expect("a change");
    assert_eq!((last.old.as_deref(), last.new.as_deref()), (Some("甲局"), Some("乙局")));
}

/// The plan finds each person and their stored results whatever order the roster lists them
/// in: the same people in reverse order, their results in another order again, find everyone
/// unchanged and only the one result that did change.
#[test]
fn a_plan_finds_people_and_results_in_any_order() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&tmp.path().join("k.db")).expect("open");
    let grade = |name: &str| kaohe_engine::ResultCode::parse(name).expect("grade");
    let mut roster = kaohe_engine::Roster::default();
    for i in 0..12 {
        let id = format!("1101051949123{i:04}X");
        roster.people.push(person_in(&id, &format!("人员{i}"), "甲局"));
        for year in [2023, 2024] {
            roster.results.push(kaohe_engine::roster::YearResult {
                person_id: id.clone(),
                year,
                result: grade("称职"),
            });
        }
    }
    store.import(&kaohe_workbook::RosterRead::of("名册.xlsx", roster.clone()), "名册.xlsx").expect("first");
    roster.people.reverse();
    roster.results.swap(0, 17);
    roster.results.rotate_left(5);
    let changed = roster.results.iter().position(|r| r.person_id.ends_with("0007X") && r.year == 2024).expect("one");
    roster.results[changed].result = grade("优秀");
    let plan = store.plan(&kaohe_workbook::RosterRead::of("名册.xlsx", roster)).expect("plan");
    assert_eq!((plan.new.len(), plan.updated.len(), plan.unchanged, plan.results), (0, 0, 12, 1));
}

/// Two results of one person and year in a roster: the later row is the one kept, whatever
/// order the import writes them in.
#[test]
fn of_two_results_for_one_year_the_later_row_is_kept() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut store = Store::open(&tmp.path().join("k.db")).expect("open");
    let grade = |name: &str| kaohe_engine::ResultCode::parse(name).expect("grade");
    let mut roster = kaohe_engine::Roster::default();
    for id in [ID_B, ID_A] {
        roster.people.push(person_in(id, &format!("人员{id}"), "甲局"));
    }
    let result = |id: &str, name: &str| kaohe_engine::roster::YearResult {
        person_id: id.into(),
        year: 2024,
        result: grade(name),
    };
    roster.results = vec![result(ID_B, "优秀"), result(ID_A, "基本称职"), result(ID_B, "称职"), result(ID_A, "称职")];
    store.import(&kaohe_workbook::RosterRead::of("名册.xlsx", roster), "名册.xlsx").expect("import");
    let loaded = store.load_roster().expect("load");
    let of = |id: &str| loaded.results.iter().find(|r| r.person_id == id).map(|r| r.result.label());
    assert_eq!((of(ID_A), of(ID_B)), (Some("称职"), Some("称职")));
    assert_eq!(loaded.results.len(), 2);
}
