//! The command line as users type it: exit statuses, Chinese messages that say where, and the
//! rows that still count when others are bad.

use kaohe_cli::run;
use kaohe_tests::write_sheets;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn workbook(dir: &Path, name: &str, toml_text: &str) -> PathBuf {
    let sheets: toml::Table = toml::from_str(toml_text).expect("toml");
    let path = dir.join(name);
    write_sheets(&sheets, &path).expect("write");
    path
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).expect("JSON output")
}

#[test]
fn a_missing_required_column_names_sheet_and_column_and_exits_2() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = workbook(
        tmp.path(),
        "缺列.xlsx",
        r#""人员" = [["身份证号", "姓名", "单位", "职位类别", "任现职级时间"], ["11010519491231002X", "王一", "甲局", "综合管理类", 2019-06-15]]"#,
    );
    let out = run(&args(&["promote", "--as-of", "2025-12-31", "--roster", &file.display().to_string(), "--json"]));
    assert_eq!(out.status, 2);
    let v = json(&out.stdout);
    assert_eq!(v["error"]["code"], "column_missing");
    assert_eq!(v["error"]["message"], "工作表「人员」的表头（第1行）缺少必需的列：职级");
}

#[test]
fn an_unreadable_file_exits_2_with_a_clerks_message() {
    let tmp = tempfile::tempdir().expect("tmp");
    let fake = tmp.path().join("名册.xlsx");
    std::fs::write(&fake, "这其实是一个文本文件").expect("write");
    let out =
        run(&args(&["import", &fake.display().to_string(), "--db", &tmp.path().join("k.db").display().to_string()]));
    assert_eq!(out.status, 2);
    assert!(out.stderr.starts_with("错误：无法打开文件"), "{}", out.stderr);
    assert!(out.stderr.contains("不是 Excel 工作簿"), "{}", out.stderr);
    // Nothing was written: the database was never created.
    assert!(!tmp.path().join("k.db").exists());

    let txt = tmp.path().join("名册.txt");
    std::fs::write(&txt, "身份证号,姓名\n").expect("write");
    let out = run(&args(&["promote", "--as-of", "2025-12-31", "--roster", &txt.display().to_string(), "--json"]));
    assert_eq!(out.status, 2);
    assert!(json(&out.stdout)["error"]["message"].as_str().unwrap_or_default().contains("不支持「.txt」格式"));
}

#[test]
fn a_roster_without_people_sheet_lists_the_sheets_it_has() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = workbook(tmp.path(), "x.xlsx", r#""Sheet1" = [["姓名"], ["王一"]]"#);
    let out = run(&args(&["promote", "--as-of", "2025-12-31", "--roster", &file.display().to_string(), "--json"]));
    assert_eq!(out.status, 2);
    let v = json(&out.stdout);
    assert_eq!(v["error"]["code"], "sheet_missing");
    assert!(v["error"]["message"].as_str().unwrap_or_default().contains("现有工作表：「Sheet1」）"));
}

#[test]
fn bad_rows_are_reported_and_the_rest_still_count() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = workbook(
        tmp.path(),
        "名册.xlsx",
        r#""人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["11010519491231002X", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
  ["110105194912310021", "李二", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
  ["330102198808060235", "张三", "甲局", "综合管理类", "二级主任科员", "2019.13"],
  ["330102199604250242", "赵四", "甲局", "综合管理类", "科长", 2019-06-15],
]"#,
    );
    let out = run(&args(&["promote", "--as-of", "2025-12-31", "--roster", &file.display().to_string(), "--json"]));
    assert_eq!(out.status, 0, "{}", out.stderr);
    let v = json(&out.stdout);
    assert_eq!(v["people"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["people"][0]["name"], "王一");
    assert_eq!(v["people"][0]["counted_months"], 78);
    let issues: Vec<(u64, &str, &str, &str)> = v["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["severity"] == "error")
        .map(|i| {
            (
                i["row"].as_u64().unwrap_or(0),
                i["column"].as_str().unwrap_or(""),
                i["code"].as_str().unwrap_or(""),
                i["message"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(issues.len(), 3, "{issues:#?}");
    assert_eq!((issues[0].0, issues[0].1, issues[0].2), (3, "A", "bad_id"));
    assert!(issues[0].3.contains("末位应为 X"), "{}", issues[0].3);
    assert_eq!((issues[1].0, issues[1].1, issues[1].2), (4, "F", "bad_date"));
    assert!(
        issues[1].3.starts_with("工作表「人员」第4行 F列「任现职级时间」：「2019.13」不是有效日期"),
        "{}",
        issues[1].3
    );
    assert_eq!((issues[2].0, issues[2].1, issues[2].2), (5, "E", "unknown_rank"));
}

#[test]
fn a_broken_profile_file_is_refused_naming_the_entry() {
    let tmp = tempfile::tempdir().expect("tmp");
    let profile = tmp.path().join("本地规则.toml");
    let text = kaohe_engine::profile::NATIONAL_TOML.replacen(
        "ranks = [\"一级调研员\", \"二级调研员\"]",
        "ranks = [\"一级调研员\", \"二级研究员\"]",
        1,
    );
    std::fs::write(&profile, text).expect("write");
    let out = run(&args(&["profile", "--profile", &profile.display().to_string(), "--json"]));
    assert_eq!(out.status, 1);
    let v = json(&out.stdout);
    assert_eq!(v["error"]["code"], "profile_invalid");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("职数池「一级和二级调研员」：职级「二级研究员」未定义"),
        "{v}"
    );

    // A TOML mistake is told as the app tells it: the line, what is wrong, the line's text — not
    // the parser's English.
    std::fs::write(&profile, "[profile]\nid = \"x\"\nname = 某省\n").expect("write");
    let out = run(&args(&["profile", "--profile", &profile.display().to_string()]));
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("本地规则.toml」未采用：第3行第8列："), "{}", out.stderr);
    assert!(
        out.stderr.contains("（该行为「name = 某省」）") && !out.stderr.contains("TOML parse error"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_database_command_uses_the_rule_file_the_app_saved_in_it() {
    use kaohe_store::settings::{PROFILE_FILE, PROFILE_TEXT};
    let tmp = tempfile::tempdir().expect("tmp");
    let db_path = tmp.path().join("k.db");
    let db = db_path.display().to_string();
    let file = workbook(
        tmp.path(),
        "名册.xlsx",
        r#""人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["11010519491231002X", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
]"#,
    );
    let out = run(&args(&["import", &file.display().to_string(), "--db", &db, "--json"]));
    assert_eq!(out.status, 0, "{}", out.stderr);
    // The app's 规则 page saves a local rule file's text in the database.
    let local = kaohe_engine::profile::NATIONAL_TOML
        .replacen("id = \"national\"", "id = \"local-a\"", 1)
        .replacen("name = \"全国默认规则\"", "name = \"某市规则\"", 1);
    let store = kaohe_store::Store::open(&db_path).expect("store");
    store.set_setting(PROFILE_TEXT, &local).expect("save");
    store.set_setting(PROFILE_FILE, "D:/规则/某市规则.toml").expect("save");
    drop(store);

    let v = json(&run(&args(&["promote", "--as-of", "2025-12-31", "--db", &db, "--json"])).stdout);
    assert_eq!(
        (v["profile"]["id"].as_str(), v["profile"]["name"].as_str()),
        (Some("local-a"), Some("某市规则")),
        "{v}"
    );
    let v = json(&run(&args(&["profile", "--db", &db, "--json"])).stdout);
    assert_eq!(v["meta"]["id"], "local-a");
    // --profile still decides, and a roster file has no database to take rules from.
    let national = tmp.path().join("national.toml");
    std::fs::write(&national, kaohe_engine::profile::NATIONAL_TOML).expect("write");
    let v = json(
        &run(&args(&[
            "promote",
            "--as-of",
            "2025-12-31",
            "--db",
            &db,
            "--profile",
            &national.display().to_string(),
            "--json",
        ]))
        .stdout,
    );
    assert_eq!(v["profile"]["id"], "national");
    let v = json(
        &run(&args(&["promote", "--as-of", "2025-12-31", "--roster", &file.display().to_string(), "--json"])).stdout,
    );
    assert_eq!(v["profile"]["id"], "national");

    // A saved rule file this build refuses stops the command, naming the database and the file.
    let broken =
        local.replacen("ranks = [\"一级调研员\", \"二级调研员\"]", "ranks = [\"一级调研员\", \"二级研究员\"]", 1);
    kaohe_store::Store::open(&db_path).expect("store").set_setting(PROFILE_TEXT, &broken).expect("save");
    let out = run(&args(&["promote", "--as-of", "2025-12-31", "--db", &db, "--json"]));
    assert_eq!(out.status, 1);
    let v = json(&out.stdout);
    assert_eq!(v["error"]["code"], "profile_invalid");
    let message = v["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("中保存的规则文件「D:/规则/某市规则.toml」无法采用") && message.contains("二级研究员"),
        "{message}"
    );
}

#[test]
fn import_then_promote_from_the_database() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("k.db").display().to_string();
    let file = workbook(
        tmp.path(),
        "名册.xlsx",
        r#""人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["11010519491231002X", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
]
"单位" = [["单位名称", "机关层级", "一级和二级主任科员"], ["甲局", "市(地)", 3]]"#,
    );
    let out = run(&args(&["import", &file.display().to_string(), "--db", &db, "--json"]));
    assert_eq!(out.status, 0, "{}", out.stderr);
    let v = json(&out.stdout);
    assert_eq!((v["applied"]["people"].as_u64(), v["applied"]["new_people"].as_u64()), (Some(1), Some(1)));
    let sheets_missing: Vec<&str> = v["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["code"] == "sheet_missing")
        .filter_map(|i| i["sheet"].as_str())
        .collect();
    assert_eq!(sheets_missing, vec!["年度考核", "处分"]);

    let out = run(&args(&["promote", "--as-of", "2021-06-14", "--db", &db, "--json"]));
    let v = json(&out.stdout);
    assert_eq!(v["people"][0]["counted_months"], 23);
    assert_eq!(v["people"][0]["qualified"], false);
    assert_eq!(v["people"][0]["eligible_on"], "2021-06-15");
    let out = run(&args(&["promote", "--as-of", "2021-06-15", "--db", &db]));
    assert!(out.stdout.contains("共 1 人，符合资格 1 人"), "{}", out.stdout);
}

#[test]
fn wrong_arguments_say_what_is_expected() {
    let out = run(&args(&["promote", "--as-of", "2025/12/31", "--roster", "x.xlsx"]));
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("应写作 YYYY-MM-DD"), "{}", out.stderr);
    // Every date flag of every command is refused in the same words, before anything is read.
    for (line, flag) in [
        (vec!["audit", "--as-of", "2025-02-30", "--db", "x.db"], "--as-of"),
        (
            vec![
                "print", "--doc", "晋升公示", "--as-of", "2025-12-31", "--from", "2025-02-30", "--roster", "x.xlsx",
                "--out", "打印",
            ],
            "--from",
        ),
        (vec!["assess", "finalize", "--year", "2025", "--on", "2025-02-30", "--db", "x.db"], "--on"),
        (
            vec!["whatif", "promote", "--as-of", "2025-12-31", "--other-as-of", "2025-02-30", "--roster", "x.xlsx"],
            "--other-as-of",
        ),
    ] {
        let out = run(&args(&line));
        assert_eq!(out.status, 1, "{line:?}");
        assert!(
            out.stderr.contains(&format!("{flag} 的日期「2025-02-30」无效，应写作 YYYY-MM-DD，如 2025-12-31")),
            "{line:?}: {}",
            out.stderr
        );
    }
    let out = run(&args(&["frobnicate"]));
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("未知命令「frobnicate」"));
    // Each command takes its own flags; what is wrong is said in Chinese, the usage after it.
    for (line, said) in [
        (&["promote", "--sheet", "人员"][..], "错误：未知选项 --sheet\n用法："),
        (&["promote", "--as-of"][..], "错误：选项 --as-of <YYYY-MM-DD> 后面缺少取值"),
        (&["import"][..], "错误：缺少参数：<FILE>"),
        (&["import", "a.xlsx", "b.xlsx"][..], "错误：多余的参数「b.xlsx」"),
        (&["password", "--remove", "--remove"][..], "错误：选项 --remove 只能写一次"),
        (&["assess", "overide", "--year", "2025"][..], "错误：未知命令「overide」"),
    ] {
        let out = run(&args(line));
        assert_eq!(out.status, 1, "{line:?}");
        assert!(out.stderr.starts_with(said), "{line:?}: {}", out.stderr);
    }
    let out = run(&args(&["promote", "--bogus", "--json"]));
    let error = json(&out.stdout);
    assert_eq!((error["error"]["code"].as_str(), out.status), (Some("bad_argument"), 1));
}

#[test]
fn every_command_has_its_help_in_chinese_and_the_shells_their_completions() {
    let out = run(&args(&["--help"]));
    assert_eq!(out.status, 0);
    assert!(out.stdout.starts_with("用法：\n  kaohe template OUT.xlsx"), "{}", out.stdout);
    let out = run(&args(&["import", "--help"]));
    assert_eq!(out.status, 0);
    for words in [
        "导入名册，或带 --year 导入国家系统年度考核导入表",
        "用法：kaohe import [选项] <FILE>",
        "参数:",
        "选项:",
        "--sheet <工作表>",
        "--confirm-rename <身份证号>",
        "显示帮助",
    ] {
        assert!(out.stdout.contains(words), "{words}: {}", out.stdout);
    }
    let out = run(&args(&["assess", "--help"]));
    for words in [
        "用法：kaohe assess [选项] [命令]",
        "命令:",
        "override    修改等次",
        "supplement  补定等次",
        "--national <OUT.xlsx>",
    ] {
        assert!(out.stdout.contains(words), "{words}: {}", out.stdout);
    }
    let out = run(&args(&["assess", "ratio", "-h"]));
    assert!(out.stdout.contains("--percent <25>") && out.stdout.contains("批准依据"), "{}", out.stdout);
    let out = run(&args(&["completions", "bash"]));
    assert_eq!(out.status, 0);
    assert!(out.stdout.contains("_kaohe()") && out.stdout.contains("--confirm-rename"), "{}", out.stdout);
}

#[test]
fn a_broken_file_is_explained_in_chinese_and_the_readers_words_are_kept_apart() {
    let tmp = tempfile::tempdir().expect("tmp");
    let whole = workbook(
        tmp.path(),
        "完整.xlsx",
        r#""人员" = [["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"], ["11010519491231002X", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15]]"#,
    );
    let bytes = std::fs::read(&whole).expect("read");
    let half = tmp.path().join("半个.xlsx");
    std::fs::write(&half, &bytes[..bytes.len() / 2]).expect("write");
    let out = run(&args(&["promote", "--as-of", "2025-12-31", "--roster", &half.display().to_string(), "--json"]));
    assert_eq!(out.status, 2);
    let v = json(&out.stdout);
    assert_eq!(v["error"]["code"], "file_unreadable");
    let message = v["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.ends_with("：文件不完整或已损坏（常见于下载或拷贝时中断），无法打开；请重新获取原文件后再导入"),
        "{message}"
    );
    assert!(v["error"]["technical"].as_str().is_some_and(|t| t.contains("EOCD")), "{v}");
    // Without --json the clerk reads the Chinese sentence only.
    let out = run(&args(&["promote", "--as-of", "2025-12-31", "--roster", &half.display().to_string()]));
    assert!(out.stderr.contains("文件不完整或已损坏") && !out.stderr.contains("EOCD"), "{}", out.stderr);
}

#[test]
fn a_workbook_that_cannot_be_written_says_why_in_chinese() {
    let tmp = tempfile::tempdir().expect("tmp");
    let target = tmp.path().join("没有这个文件夹").join("模板.xlsx");
    let out = run(&args(&["template", &target.display().to_string(), "--json"]));
    assert_eq!(out.status, 1);
    let v = json(&out.stdout);
    assert_eq!(v["error"]["code"], "write_failed");
    assert_eq!(
        v["error"]["message"],
        format!("无法写入文件「{}」：保存的文件夹不存在，请换一个位置", target.display())
    );
    assert!(v["error"]["technical"].as_str().is_some_and(|t| t.contains("os error")), "{v}");
}

#[test]
fn a_read_only_database_is_read_and_never_written() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db_path = tmp.path().join("k.db");
    let db = db_path.display().to_string();
    let file = workbook(
        tmp.path(),
        "名册.xlsx",
        r#""人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["11010519491231002X", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
]
"单位" = [["单位名称", "机关层级", "一级和二级主任科员"], ["甲局", "市(地)", 3]]"#,
    )
    .display()
    .to_string();
    assert_eq!(run(&args(&["import", &file, "--db", &db])).status, 0);
    let mut permissions = std::fs::metadata(&db_path).expect("db").permissions();
    permissions.set_readonly(true); // chmod 0444 on Unix
    std::fs::set_permissions(&db_path, permissions).expect("read-only");
    let before = std::fs::read(&db_path).expect("read");

    let out = run(&args(&["promote", "--as-of", "2025-12-31", "--db", &db, "--json"]));
    assert_eq!(out.status, 0, "{}", out.stdout);
    let v = json(&out.stdout);
    assert_eq!(
        (v["people"][0]["name"].as_str(), v["people"][0]["target_rank"].as_str()),
        (Some("王一"), Some("一级主任科员"))
    );
    let out = run(&args(&["assess", "--year", "2025", "--db", &db, "--json"]));
    assert_eq!(out.status, 0, "{}", out.stdout);
    assert_eq!(json(&out.stdout)["people"][0]["name"], "王一");
    let printed = tmp.path().join("打印");
    let out = run(&args(&[
        "print",
        "--doc",
        "晋升审核",
        "--as-of",
        "2025-12-31",
        "--db",
        &db,
        "--out",
        &printed.display().to_string(),
    ]));
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(std::fs::read_to_string(printed.join("晋升审核.html")).expect("printed").contains("王一"));
    // An organ the database does not hold is refused, as in the app, not printed empty.
    let out = run(&args(&[
        "print",
        "--doc",
        "职数",
        "--as-of",
        "2025-12-31",
        "--organ",
        "乙局",
        "--db",
        &db,
        "--out",
        &printed.display().to_string(),
        "--json",
    ]));
    let v = json(&out.stdout);
    assert_eq!(
        (out.status, v["error"]["code"].as_str(), v["error"]["message"].as_str()),
        (1, Some("unknown_organ"), Some("数据库中没有单位「乙局」"))
    );
    assert!(!printed.join("乙局职数.html").exists());
    let out = run(&args(&["import", &file, "--db", &db, "--check", "--json"]));
    assert_eq!(out.status, 0, "{}", out.stdout);
    assert_eq!(json(&out.stdout)["changes"]["unchanged"], 1);
    assert!(std::fs::read(&db_path).expect("read") == before, "not a byte written");

    // A command that writes says why it cannot, and writes nothing.
    let refused =
        format!("数据库「{db}」是只读文件，不能修改；只查看结果的操作仍可进行，如需修改，请先取消该文件的只读属性");
    let out = run(&args(&[
        "assess", "override", "--year", "2025", "--id", "11010519491231002X", "--grade", "优秀", "--reason", "经研究",
        "--db", &db, "--json",
    ]));
    let v = json(&out.stdout);
    assert_eq!(
        (out.status, v["error"]["code"].as_str(), v["error"]["message"].as_str()),
        (1, Some("database_read_only"), Some(refused.as_str()))
    );
    let out = run(&args(&["import", &file, "--db", &db]));
    assert_eq!((out.status, out.stderr), (1, format!("错误：{refused}\n")));
    assert!(std::fs::read(&db_path).expect("read") == before, "not a byte written");
}

#[test]
fn the_error_report_never_replaces_the_roster_it_reports_on() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db_path = tmp.path().join("k.db");
    let roster = workbook(
        tmp.path(),
        "名册.xlsx",
        r#""人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["11010519491231002X", "王一", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
  ["110105194912310021", "错号", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
]
"单位" = [["单位名称"], ["甲局"]]
"说明一" = [["a"]]
"说明二" = [["b"]]"#,
    );
    let before = std::fs::read(&roster).expect("roster");
    // The same file under another spelling of its path is the same file.
    let other_spelling = tmp.path().join(".").join("名册.xlsx").display().to_string();
    for report in [roster.display().to_string(), other_spelling] {
        let out = run(&args(&[
            "import",
            &roster.display().to_string(),
            "--db",
            &db_path.display().to_string(),
            "--report",
            &report,
            "--json",
        ]));
        let v = json(&out.stdout);
        assert_eq!((out.status, v["error"]["code"].as_str()), (1, Some("write_failed")), "{v}");
        assert_eq!(
            v["error"]["message"],
            format!("无法写入文件「{report}」：这就是正在导入的名册，问题清单不能覆盖它；请另选一个文件名，如「名册（问题清单）.xlsx」")
        );
        assert!(std::fs::read(&roster).expect("roster") == before, "the roster is byte for byte as it was");
    }
    assert_eq!(
        kaohe_store::Store::open_read_only(&db_path).expect("db").counts().expect("counts").people,
        0,
        "nothing imported"
    );
}

/// A CSV cell longer than a workbook cell holds is cut at import, with a warning naming it, so
/// the result workbooks of that database can still be written (they failed, every one of them).
#[test]
fn a_cell_too_long_for_a_workbook_is_cut_at_import_and_exports_still_work() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("k.db").display().to_string();
    let csv = tmp.path().join("名册.csv");
    let long = "钱".repeat(40_000);
    std::fs::write(&csv, format!("身份证号,姓名,单位,职位类别,职级,任现职级时间\n51010719900101123X,{long},甲局,综合管理类,二级主任科员,2019-06-15\n"))
        .expect("csv");
    let out = run(&args(&["import", &csv.display().to_string(), "--db", &db, "--json"]));
    assert_eq!(out.status, 0, "{}", out.stderr);
    let v = json(&out.stdout);
    let cut: Vec<(&str, &str)> = v["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["code"] == "cell_cleaned")
        .map(|i| (i["column"].as_str().unwrap_or_default(), i["severity"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(cut, vec![("B", "warning")]);
    let book = tmp.path().join("晋升.xlsx");
    let out = run(&args(&["promote", "--as-of", "2025-12-31", "--db", &db, "--out", &book.display().to_string()]));
    assert_eq!(out.status, 0, "{}", out.stderr);
    use calamine::{DataType, Reader};
    let mut wb = calamine::open_workbook_auto(&book).expect("the workbook opens");
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).expect("sheet");
    let name = range
        .cells()
        .find_map(|(_, _, v)| v.get_string().filter(|s| s.starts_with('钱')).map(str::to_string))
        .expect("the name is in the workbook");
    assert_eq!(name.chars().count(), 32_767);
}

/// A row with an error is not imported: its warnings must not say it was ("该行已导入").
#[test]
fn the_warnings_of_a_row_not_imported_do_not_say_it_was() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = workbook(
        tmp.path(),
        "名册.xlsx",
        r#""人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["110105194912310021", "王　一", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
  ["330102198808060235", "李　二", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
]"#,
    );
    let out = run(&args(&["promote", "--as-of", "2025-12-31", "--roster", &file.display().to_string(), "--json"]));
    assert_eq!(out.status, 0, "{}", out.stderr);
    let v = json(&out.stdout);
    let said: Vec<(u64, &str, &str)> = v["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| i["row"].is_u64())
        .map(|i| {
            (
                i["row"].as_u64().unwrap_or_default(),
                i["code"].as_str().unwrap_or_default(),
                i["message"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    // 王一's ID has a wrong check digit: not imported, and his name's warning says so.
    assert!(said.iter().any(|(r, c, m)| (*r, *c) == (2, "bad_id") && m.ends_with("该行未导入。")), "{said:?}");
    assert!(
        said.iter()
            .any(|(r, c, m)| (*r, *c) == (2, "name_normalized")
                && m.ends_with("该行因有错误未导入，改正时请一并核对此项。")),
        "{said:?}"
    );
    // 李二 is imported, as his warning says.
    assert!(
        said.iter().any(|(r, c, m)| (*r, *c) == (3, "name_normalized") && m.ends_with("该行已导入，请核对。")),
        "{said:?}"
    );
    assert_eq!(v["people"].as_array().map(Vec::len), Some(1));
}

#[test]
fn the_json_reports_streamed_by_the_binary_are_what_run_returns() {
    let sample = kaohe_tests::root().join("fixtures/sample/名册示例.xlsx").display().to_string();
    for command in [["promote", "--as-of", "2025-12-31"], ["assess", "--year", "2025"]] {
        let list: Vec<&str> = command.iter().copied().chain(["--roster", sample.as_str(), "--json"]).collect();
        let whole = run(&args(&list));
        assert_eq!(whole.status, 0, "{}", whole.stderr);
        let mut streamed = Vec::new();
        let rest = kaohe_cli::run_streaming(&args(&list), &mut streamed);
        assert_eq!(
            (rest.status, rest.stdout.as_str()),
            (0, ""),
            "{command:?}: nothing left for the output after the stream"
        );
        assert!(
            streamed.len() > 10_000 && streamed == whole.stdout.as_bytes(),
            "{command:?}: the streamed JSON differs"
        );
        assert_eq!(json(&whole.stdout)["people"].as_array().map(Vec::len), Some(38), "{command:?}");
    }
}

/// Every command takes the years and dates the app takes (`kaohe_engine::dates`): `print` took
/// any number as a year (「3000年度考核汇总」 was written), `assess` refused the years after 2100
/// that the app accepts.
#[test]
fn every_command_takes_the_years_and_dates_the_app_takes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let sample = kaohe_tests::root().join("fixtures/sample/名册示例.xlsx").display().to_string();
    let out_dir = tmp.path().display().to_string();
    let print = |year: &str| {
        run(&args(&["print", "--doc", "考核汇总", "--year", year, "--roster", &sample, "--out", &out_dir]))
    };
    let refused = print("3000");
    assert_eq!(refused.status, 1, "{}", refused.stderr);
    assert!(refused.stderr.contains("--year 的年度「3000」无效，应为四位年份"), "{}", refused.stderr);
    assert_eq!(std::fs::read_dir(tmp.path()).expect("dir").count(), 0, "nothing written");
    let printed = print(" 2025 ");
    assert_eq!(printed.status, 0, "{}", printed.stderr);
    assert!(tmp.path().join("2025年度考核汇总.html").is_file(), "named by the year read");
    let db = tmp.path().join("k.db").display().to_string();
    assert_eq!(run(&args(&["import", &sample, "--db", &db])).status, 0);
    let later = run(&args(&["assess", "--year", "2150", "--db", &db, "--json"]));
    assert_eq!(later.status, 0, "a year the app takes: {}", later.stderr);
    let slip = run(&args(&["promote", "--as-of", "2025-13-01", "--db", &db]));
    assert_eq!(slip.status, 1);
    assert!(slip.stderr.contains("--as-of 的日期「2025-13-01」无效"), "{}", slip.stderr);
}
