//! The committee's side of the annual assessment, on a database through the CLI: ties must be
//! decided, overrides need reasons and are logged, the quota holds unless a ratio is approved,
//! finalising locks the year and feeds promotion, reopening is recorded. And the result workbook
//! opened again.

use calamine::{open_workbook_auto, Data, Reader};
use kaohe_cli::run;
use kaohe_tests::{reasons_of, write_sheets};
use serde_json::Value;
use std::path::Path;

const IDS: [&str; 8] = [
    "320102199001101000", "320102199002111016", "320102199003121021", "320102199004131037", "320102199005141042",
    "320102199006151058", "320102199007161063", "320102199008171079",
];
const NAMES: [&str; 8] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"];
/// Every dimension gets the same score, so the composite is that score.
const SCORES: [u32; 8] = [95, 95, 88, 85, 80, 72, 65, 55];

fn roster(dir: &Path) -> String {
    roster_with_organ(dir, r#"["单位名称", "机关层级"], ["甲局", "市(地)"]"#)
}

/// The roster with the 单位 sheet's rows as given.
fn roster_with_organ(dir: &Path, organ_rows: &str) -> String {
    let mut people = String::from(
        r#"["身份证号", "姓名", "单位", "部门", "职位类别", "职级", "任现职级时间", "进入公务员队伍时间"],"#,
    );
    let mut scores = String::from(r#"["身份证号", "姓名", "年度", "德", "能", "勤", "绩", "廉"],"#);
    for i in 0..8 {
        people.push_str(&format!(
            r#"["{}", "{}", "甲局", "综合科", "综合管理类", "三级主任科员", 2024-01-01, 2015-07-01],"#,
            IDS[i], NAMES[i]
        ));
        let s = SCORES[i];
        scores.push_str(&format!(r#"["{}", "{}", 2025, {s}, {s}, {s}, {s}, {s}],"#, IDS[i], NAMES[i]));
    }
    let text = format!("\"人员\" = [{people}]\n\"年度评分\" = [{scores}]\n\"单位\" = [{organ_rows}]\n");
    let sheets: toml::Table = toml::from_str(&text).expect("toml");
    let path = dir.join("名册.xlsx");
    write_sheets(&sheets, &path).expect("write");
    path.display().to_string()
}

fn cli(args: &[&str]) -> kaohe_cli::Output {
    run(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
}

fn json(args: &[&str]) -> Value {
    let out = cli(args);
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

fn person<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["people"].as_array().and_then(|p| p.iter().find(|x| x["id"] == id)).expect("person")
}

#[test]
fn ties_overrides_quota_lock_and_reopen() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("k.db").display().to_string();
    let file = roster(tmp.path());
    assert_eq!(cli(&["import", &file, "--db", &db]).status, 0);
    let assess = ["assess", "--year", "2025", "--db", &db, "--json"];

    let v = json(&assess);
    let pool = &v["pools"][0];
    assert_eq!((pool["participants"].as_u64(), pool["quota"].as_u64()), (Some(8), Some(1)));
    assert_eq!(pool["exact"].as_f64(), Some(1.6));
    assert_eq!(pool["arithmetic"], "8人 × 20% = 1.60 → 1名（向下取整；比例来源：规则默认比例）");
    assert_eq!(pool["tied_at_line"], serde_json::json!([IDS[0], IDS[1]]));
    for id in &IDS[..2] {
        let p = person(&v, id);
        assert_eq!((p["suggested"].is_null(), p["code"].is_null(), p["rank_in_pool"].as_u64()), (true, true, Some(1)));
        assert_eq!(p["flags"], serde_json::json!(["tie_at_line"]));
    }
    assert_eq!(person(&v, IDS[2])["rank_in_pool"], 3);
    assert_eq!(person(&v, IDS[6])["suggested"], "基本称职");
    assert_eq!(person(&v, IDS[7])["suggested"], "不称职");
    assert_eq!(person(&v, IDS[7])["code"], "4");

    // A tie must be decided before the year can be finalised.
    let out = cli(&["assess", "finalize", "--year", "2025", "--db", &db, "--on", "2026-01-15", "--json"]);
    assert_eq!(out.status, 1);
    let err: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(err["error"]["code"], "cannot_finalize");
    assert!(err["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("甲（320102199001101000）与他人同分并列于优秀名额线"));

    // An override needs a reason.
    let out = cli(&["assess", "override", "--year", "2025", "--db", &db, "--id", IDS[0], "--grade", "优秀"]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("修改等次必须说明理由：请用 --reason 写明"), "{}", out.stderr);
    for (id, grade, why) in [(IDS[0], "优秀", "考核委员会投票 7:2"), (IDS[1], "称职", "考核委员会投票 2:7")]
    {
        let out = cli(&[
            "assess", "override", "--year", "2025", "--db", &db, "--id", id, "--grade", grade, "--reason", why, "--by",
            "张处长",
        ]);
        assert_eq!(out.status, 0, "{}", out.stderr);
    }
    let out = cli(&["assess", "finalize", "--year", "2025", "--db", &db, "--on", "2026-01-15", "--by", "张处长"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("8 人的结果已记入年度考核记录"));

    let v = json(&assess);
    assert_eq!(v["finalized_on"], "2026-01-15");
    let jia = person(&v, IDS[0]);
    assert_eq!(
        (jia["suggested"].is_null(), jia["final"].as_str(), jia["code"].as_str()),
        (true, Some("优秀"), Some("1"))
    );
    assert!(reasons_of(jia).iter().any(|r| r == "考核委员会确定为优秀（建议为待定），理由：考核委员会投票 7:2"));
    let kinds = |id: &str| -> Vec<(String, Value)> {
        v["consequences"]
            .as_array()
            .expect("list")
            .iter()
            .filter(|c| c["id"] == id)
            .map(|c| (c["kind"].as_str().unwrap_or("").to_string(), c["due"].clone()))
            .collect()
    };
    assert_eq!(kinds(IDS[0]), vec![("commendation".to_string(), Value::Null), ("bonus".to_string(), Value::Null)]);
    // 基本称职: 诫勉, no 复核/申诉 (公务员法 第九十五条 lists 定期考核定为不称职 only).
    assert_eq!(kinds(IDS[6]), vec![("admonition".to_string(), Value::Null)]);
    assert_eq!(
        kinds(IDS[7]),
        vec![("demotion".to_string(), Value::Null), ("review_deadline".to_string(), Value::from("2026-02-14"))]
    );

    // The final grades now count for promotion: 庚's 基本称职 blocks until the end of 2026.
    let p = json(&["promote", "--as-of", "2026-06-30", "--db", &db, "--json"]);
    let geng = person(&p, IDS[6]);
    assert_eq!(geng["blocks"][0]["code"], "basic_competent");
    assert_eq!(geng["blocks"][0]["until"], "2026-12-31");

    // Locked: no more overrides; reopening needs a reason.
    let out = cli(&[
        "assess", "override", "--year", "2025", "--db", &db, "--id", IDS[2], "--grade", "优秀", "--reason", "补充材料",
        "--json",
    ]);
    assert_eq!(out.status, 1);
    assert_eq!(serde_json::from_str::<Value>(&out.stdout).expect("JSON")["error"]["code"], "year_locked");
    assert_eq!(cli(&["assess", "reopen", "--year", "2025", "--db", &db]).status, 1);
    assert_eq!(
        cli(&["assess", "reopen", "--year", "2025", "--db", &db, "--reason", "丙提出复核，材料属实", "--by", "李科长"])
            .status,
        0
    );

    // Two 优秀 now exceed the quota of 1 until a 25% ratio is approved (8 × 25% = 2).
    assert_eq!(
        cli(&[
            "assess", "override", "--year", "2025", "--db", &db, "--id", IDS[2], "--grade", "优秀", "--reason",
            "复核后改定", "--by", "李科长"
        ])
        .status,
        0
    );
    let out = cli(&["assess", "finalize", "--year", "2025", "--db", &db, "--on", "2026-02-20"]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("甲局·非领导成员最终确定优秀2人，超过优秀名额1名"), "{}", out.stderr);
    let out = cli(&[
        "assess", "ratio", "--year", "2025", "--db", &db, "--organ", "甲局", "--percent", "30", "--basis",
        "市考核办批复",
    ]);
    assert_eq!(out.status, 1, "30% is above the profile's 25% cap");
    assert_eq!(
        cli(&[
            "assess", "ratio", "--year", "2025", "--db", &db, "--organ", "甲局", "--percent", "25", "--basis",
            "市考核办〔2026〕3号批复", "--by", "李科长"
        ])
        .status,
        0
    );
    let v = json(&assess);
    assert_eq!(v["pools"][0]["quota"], 2);
    assert_eq!(v["pools"][0]["ratio_source"], "approved");
    assert_eq!(
        cli(&["assess", "finalize", "--year", "2025", "--db", &db, "--on", "2026-02-20", "--by", "李科长"]).status,
        0
    );

    // Every decision is in the log: who, what, from, to, why.
    let log = json(&["assess", "log", "--year", "2025", "--db", &db, "--json"]);
    let entries: Vec<(String, String, String, String, String)> = log["log"]
        .as_array()
        .expect("log")
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or("").to_string();
            (s("action"), s("by"), s("from"), s("to"), s("reason"))
        })
        .collect();
    let expected = [
        ("override", "张处长", "", "优秀", "考核委员会投票 7:2"),
        ("override", "张处长", "", "称职", "考核委员会投票 2:7"),
        ("finalize", "张处长", "", "8人", ""),
        ("reopen", "李科长", "2026-01-15定稿", "", "丙提出复核，材料属实"),
        ("override", "李科长", "称职", "优秀", "复核后改定"),
        ("ratio", "李科长", "", "甲局 25%", "市考核办〔2026〕3号批复"),
        ("finalize", "李科长", "", "8人", ""),
    ];
    let expected: Vec<(String, String, String, String, String)> = expected
        .iter()
        .map(|(a, b, c, d, e)| (a.to_string(), b.to_string(), c.to_string(), d.to_string(), e.to_string()))
        .collect();
    assert_eq!(entries, expected);
}

fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut book = open_workbook_auto(path).expect("opens");
    let range = book.worksheet_range(name).expect("sheet");
    range
        .rows()
        .map(|r| r.iter().map(|c| if let Data::Empty = c { String::new() } else { c.to_string() }).collect())
        .collect()
}

#[test]
fn the_assessment_workbook_and_the_national_file_hold_the_results() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = roster(tmp.path());
    let out_path = tmp.path().join("考核结果.xlsx");
    let national = tmp.path().join("年度考核导入.xlsx");
    let out = cli(&[
        "assess",
        "--year",
        "2025",
        "--roster",
        &file,
        "--out",
        &out_path.display().to_string(),
        "--national",
        &national.display().to_string(),
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);

    let results = sheet(&out_path, "考核结果");
    assert_eq!(results[0][0], "2025年度考核结果（规则：全国默认规则 2019.06-1，未定稿）");
    assert_eq!(results[1][..5], ["序号", "单位", "考核池", "姓名", "身份证号"]);
    let row = |i: usize| &results[2 + i];
    assert_eq!(
        (row(0)[3].as_str(), row(0)[8].as_str(), row(0)[9].as_str(), row(0)[10].as_str(), row(0)[14].as_str()),
        ("甲", "95.00", "1", "待定", "名额线同分")
    );
    assert_eq!(
        (row(2)[3].as_str(), row(2)[8].as_str(), row(2)[9].as_str(), row(2)[10].as_str(), row(2)[12].as_str()),
        ("丙", "88.00", "3", "称职", "2")
    );
    assert_eq!((row(7)[10].as_str(), row(7)[12].as_str()), ("不称职", "4"));

    let quota = sheet(&out_path, "优秀名额测算");
    assert_eq!(quota[2][..11], ["甲局", "非领导成员", "按评分", "8", "8", "20%", "1.60", "向下取整", "1", "0", "0"]);
    assert_eq!(quota[2][11], "甲、乙");

    let usage = sheet(&out_path, "结果运用");
    let kinds: Vec<(&str, &str)> = usage[2..].iter().map(|r| (r[1].as_str(), r[3].as_str())).collect();
    assert!(kinds.contains(&("庚", "诫勉")) && kinds.contains(&("辛", "降低一个职务或职级层次")), "{kinds:?}");

    let stats = sheet(&out_path, "统计");
    assert_eq!(stats[2], ["甲局", "综合管理类", "科级及以下", "0", "4", "1", "1", "0", "2", "8"]);

    for (path, name) in [(&out_path, "年度考核导入"), (&national, "Sheet1")] {
        let rows = sheet(path, name);
        assert_eq!(rows[0], ["序号", "姓 名", "单位及职务", "等 次"]);
        assert_eq!(rows[1], ["1", "甲", "甲局综合科三级主任科员", "待定"]);
        assert_eq!(rows[3], ["3", "丙", "甲局综合科三级主任科员", "称职"]);
        assert_eq!(rows.len(), 9);
    }
}

#[test]
fn a_ratio_above_the_normal_one_stops_finalising_until_approved() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("k.db").display().to_string();
    let file = roster_with_organ(tmp.path(), r#"["单位名称", "机关层级", "优秀比例"], ["甲局", "市(地)", 25]"#);
    assert_eq!(cli(&["import", &file, "--db", &db]).status, 0);
    let v = json(&["assess", "--year", "2025", "--db", &db, "--json"]);
    let pool = &v["pools"][0];
    // 8 × 25% = 2, from the 单位 sheet: above the normal 20% with no approval recorded.
    assert_eq!(
        (pool["quota"].as_u64(), pool["ratio_source"].as_str(), pool["ratio_unapproved"].as_bool()),
        (Some(2), Some("organ"), Some(true))
    );
    assert_eq!(
        pool["arithmetic"],
        "8人 × 25% = 2.00 → 2名（向下取整；比例来源：单位表填写的优秀比例）；比例高于规定的20%，尚未记录批准，不能定稿"
    );
    // 甲 and 乙 tie at 95 for 2 places: both 优秀, nothing left to decide but the ratio.
    let out = cli(&["assess", "finalize", "--year", "2025", "--db", &db, "--on", "2026-01-15"]);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("甲局·非领导成员的优秀比例25%高于规定的20%，尚未记录批准"), "{}", out.stderr);
    let approve = [
        "assess", "ratio", "--year", "2025", "--db", &db, "--organ", "甲局", "--percent", "25", "--basis",
        "市考核办2026年3号批复", "--by", "李科长",
    ];
    assert_eq!(cli(&approve).status, 0);
    let v = json(&["assess", "--year", "2025", "--db", &db, "--json"]);
    assert_eq!(
        (v["pools"][0]["ratio_source"].as_str(), v["pools"][0]["ratio_unapproved"].as_bool()),
        (Some("approved"), Some(false))
    );
    assert_eq!(cli(&["assess", "finalize", "--year", "2025", "--db", &db, "--on", "2026-01-15"]).status, 0);
}

/// 补定等次 (《公务员考核规定》(2020) 第二十八条): 5B at year end; once the investigation closes with
/// no 处分 (or only a 警告) the grade is set afterwards — also in a finalised year, whose stored
/// result then counts for promotion — logged; refused while the investigation is open, after a
/// 记过, or for someone who was graded.
#[test]
fn a_5b_year_is_graded_afterwards_once_the_investigation_closes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("k.db").display().to_string();
    let mut people = String::from(
        r#"["身份证号", "姓名", "单位", "部门", "职位类别", "职级", "任现职级时间", "进入公务员队伍时间"],"#,
    );
    for i in 0..4 {
        people.push_str(&format!(
            r#"["{}", "{}", "甲局", "综合科", "综合管理类", "三级主任科员", 2022-01-01, 2015-07-01],"#,
            IDS[i], NAMES[i]
        ));
    }
    // 甲: closed 2026-03-01, no 处分; 乙: still open; 丙: closed, then 记过 2026-04-01; 丁: none.
    let text = format!(
        "\"人员\" = [{people}]\n\"单位\" = [[\"单位名称\", \"机关层级\"], [\"甲局\", \"市(地)\"]]\n\"处分\" = [[\"身份证号\", \"姓名\", \"类型\", \"日期\", \"结束日期\"], [\"{a}\", \"甲\", \"立案调查\", 2025-10-01, 2026-03-01], [\"{b}\", \"乙\", \"立案调查\", 2025-10-01, \"\"], [\"{c}\", \"丙\", \"立案调查\", 2025-10-01, 2026-03-01], [\"{c}\", \"丙\", \"记过\", 2026-04-01, \"\"]]\n",
        a = IDS[0],
        b = IDS[1],
        c = IDS[2]
    );
    let sheets: toml::Table = toml::from_str(&text).expect("toml");
    let file = tmp.path().join("名册.xlsx");
    write_sheets(&sheets, &file).expect("write");
    assert_eq!(cli(&["import", &file.display().to_string(), "--db", &db]).status, 0);

    let v = json(&["assess", "--year", "2025", "--db", &db, "--json"]);
    let (a, b, c, d) = (person(&v, IDS[0]), person(&v, IDS[1]), person(&v, IDS[2]), person(&v, IDS[3]));
    for p in [a, b, c] {
        assert_eq!(p["code"], "5B", "{p}");
    }
    assert_eq!(
        (a["supplementable"].as_bool(), b["supplementable"].as_bool(), c["supplementable"].as_bool()),
        (Some(true), Some(false), Some(false))
    );
    assert!(reasons_of(a)
        .iter()
        .any(|r| r.contains("立案审查调查已于2026年3月1日结案，其后未受到影响确定等次的处分或处理，可按规定补定等次")));
    assert_eq!(d["code"], "2");

    // The year is finalised first (the usual order: the investigation closes months later).
    let out = cli(&["assess", "finalize", "--year", "2025", "--db", &db, "--on", "2026-01-15", "--by", "李明"]);
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);

    let supplement = |id: &str, reason: &str| {
        cli(&[
            "assess", "supplement", "--year", "2025", "--id", id, "--grade", "称职", "--reason", reason, "--by",
            "李明", "--db", &db, "--json",
        ])
    };
    let refused = supplement(IDS[1], "尚未结案");
    assert_eq!(refused.status, 1);
    assert!(
        refused.stdout.contains("not_supplementable") && refused.stdout.contains("立案审查调查尚未结案"),
        "{}",
        refused.stdout
    );
    assert!(supplement(IDS[2], "结案").stdout.contains("not_supplementable"));
    let graded = supplement(IDS[3], "已定等次");
    assert!(graded.stdout.contains("该年度已确定等次"), "{}", graded.stdout);
    assert_eq!(supplement(IDS[0], "").status, 1, "a reason is required");

    let out = supplement(IDS[0], "2026年3月1日结案，不予处分，经考核委员会研究补定为称职");
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
    let v = json(&["assess", "--year", "2025", "--db", &db, "--json"]);
    let a = person(&v, IDS[0]);
    assert_eq!(
        (a["code"].as_str(), a["final"].as_str(), a["supplemented"].as_bool()),
        (Some("2"), Some("称职"), Some(true))
    );
    assert!(reasons_of(a).iter().any(|r| r.contains("补定等次为称职，理由：2026年3月1日结案，不予处分")));

    // The stored 2025 result is now 称职: promotion counts 2025 (no longer an uncounted 5B year).
    let p = json(&["promote", "--as-of", "2026-06-30", "--db", &db, "--json"]);
    let a = person(&p, IDS[0]);
    assert_eq!(a["counted_months"], 53, "2022-01-01 to 2026-06-30 with no year taken out");
    let b = person(&p, IDS[1]);
    assert_eq!(b["counted_months"], 41, "乙's 2025 stays 5B: 53 − 12");

    // Logged, with the 5B it replaced.
    let log = json(&["assess", "log", "--year", "2025", "--db", &db, "--json"]);
    let entries = log["log"].as_array().expect("log entries");
    let entry = entries.iter().find(|e| e["action"] == "supplement").expect("supplement entry");
    assert_eq!(
        (entry["from"].as_str(), entry["to"].as_str(), entry["by"].as_str()),
        (Some("5B"), Some("称职"), Some("李明"))
    );

    // Set again as 优秀: the grade changes, the year's 优秀 count against the quota does not.
    let out = cli(&[
        "assess", "supplement", "--year", "2025", "--id", IDS[0], "--grade", "优秀", "--reason", "复议后补定为优秀",
        "--by", "李明", "--db", &db,
    ]);
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
    let v = json(&["assess", "--year", "2025", "--db", &db, "--json"]);
    assert_eq!(person(&v, IDS[0])["code"], "1");
    assert_eq!(v["pools"][0]["final_excellent"], 0, "a grade set afterwards takes no place of the quota");
}

/// The suggestion says where the person stands among those who may be 优秀 and the quota.
#[test]
fn an_excellent_suggestion_names_its_place_and_the_quota() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = roster_with_organ(tmp.path(), r#"["单位名称", "机关层级", "优秀比例"], ["甲局", "市(地)", 25]"#);
    let v = json(&["assess", "--year", "2025", "--roster", &file, "--json"]);
    // 8 × 25% = 2 places; 甲 and 乙 tie at 95 (both first), both inside the quota.
    assert_eq!(v["pools"][0]["quota"], 2);
    for id in &IDS[..2] {
        let p = person(&v, id);
        assert_eq!(p["suggested"], "优秀");
        let reasons = reasons_of(p);
        assert!(
            reasons.iter().any(|r| r == "在符合评优条件人员中排第1名，在优秀名额（2名）以内，建议优秀"),
            "{reasons:#?}"
        );
    }
    assert_eq!(person(&v, IDS[2])["suggested"], "称职");
}
