//! 核查 end to end through the command line: the seeded rosters of fixtures/audit imported one
//! after the other (a promotion between them), every seeded mistake found with its rule and the
//! clean person not, a finding marked 已核实 and the mark withdrawn (each in the 操作日志), and
//! the workbook written and read again.

use crate::sample::cells;
use kaohe_cli::run;
use kaohe_store::operations::LogFilter;
use kaohe_store::{OperationKind, Store};
use kaohe_tests::{root, write_sheets};
use serde_json::Value;
use std::path::Path;

const SOURCES: [&str; 2] = ["核查示例_2021", "核查示例"];

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn kaohe(list: &[&str]) -> kaohe_cli::Output {
    let out = run(&args(list));
    assert_eq!(out.status, 0, "kaohe {list:?}: {}{}", out.stdout, out.stderr);
    out
}

#[test]
fn audit_workbooks_match_their_sources() {
    let dir = root().join("fixtures/audit");
    let tmp = tempfile::tempdir().expect("tmp");
    for name in SOURCES {
        let text = std::fs::read_to_string(dir.join(format!("{name}.toml"))).expect("source");
        let source: toml::Table = toml::from_str(&text).expect("toml");
        let sheets = source.get("sheets").and_then(|s| s.as_table()).expect("[sheets]");
        let committed = dir.join(format!("{name}.xlsx"));
        if std::env::var_os("KAOHE_BLESS").is_some() {
            write_sheets(sheets, &committed).expect("write");
        }
        let fresh = tmp.path().join(format!("{name}.xlsx"));
        write_sheets(sheets, &fresh).expect("write");
        assert_eq!(
            cells(&committed),
            cells(&fresh),
            "fixtures/audit/{name}.xlsx is stale: run KAOHE_BLESS=1 cargo test -p kaohe-tests audit"
        );
    }
}

/// A database holding both seeded rosters, imported in order.
fn seeded(dir: &Path) -> String {
    let db = dir.join("k.db").display().to_string();
    for name in SOURCES {
        let file = root().join(format!("fixtures/audit/{name}.xlsx")).display().to_string();
        kaohe(&["import", &file, "--db", &db, "--by", "测试"]);
    }
    db
}

fn audit_json(db: &str) -> Value {
    let out = kaohe(&["audit", "--as-of", "2025-12-31", "--db", db, "--json"]);
    serde_json::from_str(&out.stdout).expect("json")
}

/// (kind, name, year, reason as one line) of every finding.
fn findings(report: &Value) -> Vec<(String, String, Option<i64>, String)> {
    let line = |reason: &Value| {
        reason
            .as_array()
            .expect("parts")
            .iter()
            .map(|p| match (p.get("text"), p.get("cite")) {
                (Some(t), _) => t.as_str().unwrap_or_default().to_string(),
                (_, Some(c)) => format!("〔依据：{}〕", c.as_str().unwrap_or_default()),
                _ => String::new(),
            })
            .collect::<String>()
    };
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|e| {
            let f = &e["finding"];
            (
                f["kind"].as_str().unwrap_or_default().to_string(),
                f["name"].as_str().unwrap_or_default().to_string(),
                f["year"].as_i64(),
                line(&f["reason"]),
            )
        })
        .collect()
}

#[test]
fn every_seeded_mistake_is_found_with_its_rule_and_nothing_else() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = seeded(tmp.path());
    let report = audit_json(&db);
    assert_eq!(report["people"], 12);
    assert_eq!(report["promotions"], 1, "周子涵's promotion between the two imports");
    let found = findings(&report);
    let expected: [(&str, &str, Option<i64>, &str); 10] = [
        ("excellent_barred", "赵晓光", Some(2023), "2023年度评为优秀，但2023年5月10日受警告（2023年作出决定），该年度不得确定为优秀等次"),
        ("graded_while_ungraded", "钱文静", Some(2022), "2022年度记为称职，但2022年3月1日受记过"),
        ("ungraded_without_cause", "孙立平", Some(2023), "2023年度记为受处分不定等次，但名册中没有该年度不确定等次的原因"),
        ("incompetent_running", "李国栋", Some(2024), "2023年度、2024年度连续2年确定为不称职，仍在职〔依据：《公务员法》第八十八条"),
        ("promoted_early", "周子涵", Some(2021), "2021年6月1日由一级科员晋升为四级主任科员，此前自2020年1月1日起计算任职年限，至晋升时计17个月，应满24个月，任职年限不足"),
        ("below_starting_rank", "吴思远", None, "学历为硕士研究生，新录用公务员试用期满应定为四级主任科员（或相当职级），现任一级科员"),
        ("rank_before_entry", "郑海燕", None, "任现职级时间2010年1月1日早于进入公务员队伍时间2012年7月1日"),
        ("past_retirement", "王建设", None, "1963年5月1日生，男，法定退休年龄60周岁，2023年5月1日已达到"),
        ("missing_years", "冯雨晴", None, "名册记录了2020—2024年度的考核结果，此人缺少2022年度的结果"),
        ("same_person", "陈明", None, "陈明（1989年10月10日生）在名册中有2个身份证号：330523198910100997、330523198910101017"),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((kind, name, year, reason), (k, n, y, words)) in found.iter().zip(&expected) {
        assert_eq!((kind.as_str(), name.as_str(), *year), (*k, *n, *y), "{found:#?}");
        assert!(reason.contains(words), "{kind}: {reason}\n  should say: {words}");
        assert!(
            kind == "rank_before_entry" || kind == "same_person" || reason.contains("〔依据："),
            "{kind} cites its rule: {reason}"
        );
    }
    assert!(found.iter().all(|f| f.1 != "褚佳怡"), "the clean person is not found");
    let counts = report["counts"].as_array().expect("counts");
    assert_eq!(counts.len(), kaohe_engine::audit::FindingKind::ALL.len(), "every kind, found or not");
    assert_eq!(counts.iter().map(|c| c["found"].as_u64().unwrap_or(0)).sum::<u64>(), 10);
}

#[test]
fn a_finding_marked_verified_is_kept_logged_and_exported() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = seeded(tmp.path());
    let report = audit_json(&db);
    let key = report["findings"][0]["finding"]["key"].as_str().expect("key").to_string();
    assert_eq!(key, "excellent_barred:330523198803120810:2023");

    let refused = run(&args(&["audit", "mark", "--key", &key, "--db", &db, "--by", "张敏"]));
    assert_eq!(refused.status, 1);
    assert!(refused.stderr.contains("标记已核实必须说明核实情况"), "{}", refused.stderr);
    let unknown = run(&args(&["audit", "mark", "--key", "nonsense:1", "--reason", "x", "--db", &db, "--by", "张敏"]));
    assert!(unknown.stderr.contains("「nonsense:1」不是核查发现的编号"), "{}", unknown.stderr);

    let reason = "警告系2023年12月作出，经核对原评优程序，优秀等次确定在前，报主管部门备案";
    let out = kaohe(&["audit", "mark", "--key", &key, "--reason", reason, "--db", &db, "--by", "张敏"]);
    assert!(out.stdout.contains("已标记为已核实"), "{}", out.stdout);
    let report = audit_json(&db);
    let mark = &report["findings"][0]["mark"];
    assert_eq!((mark["reason"].as_str(), mark["by"].as_str()), (Some(reason), Some("张敏")));
    assert_eq!(report["counts"][0]["verified"], 1);

    let book = tmp.path().join("核查结果.xlsx");
    kaohe(&["audit", "--as-of", "2025-12-31", "--db", &db, "--out", &book.display().to_string()]);
    let sheets = cells(&book);
    let (name, rows) = &sheets[0];
    assert_eq!(name, "核查结果");
    assert!(rows[0][0].starts_with("核查结果（截至2025年12月31日，规则：全国默认规则"), "{:?}", rows[0]);
    assert_eq!(rows[1][..6], ["序号", "问题类别", "姓名", "身份证号", "单位", "年度"].map(String::from));
    assert_eq!(rows.len(), 2 + 10, "title, header, one row per finding");
    let first = &rows[2];
    assert_eq!(
        first[..6],
        ["1", "受处分等影响的年度评为优秀", "赵晓光", "330523198803120810", "某县财政局", "2023"].map(String::from)
    );
    assert!(first[6].contains("〔依据：《公务员考核规定》(2020) 第二十九条"), "{}", first[6]);
    assert_eq!(first[7], "2023年度考核结果：优秀（1）\n2023年5月10日：警告");
    assert_eq!(first[8..11], ["已核实", reason, "张敏"].map(String::from));
    assert_eq!(rows[3][8], "未核实");

    let out =
        kaohe(&["audit", "unmark", "--key", &key, "--reason", "备案材料未找到，重新核实", "--db", &db, "--by", "李强"]);
    assert!(out.stdout.contains("已撤销核实标记"), "{}", out.stdout);
    assert!(audit_json(&db)["findings"][0]["mark"].is_null());

    let store = Store::open(Path::new(&db)).expect("db");
    let log = store.operation_log(&LogFilter { kind: Some(OperationKind::Verify), year: None }).expect("log");
    let said: Vec<(&str, Option<&str>, Option<&str>)> =
        log.iter().map(|o| (o.by.as_str(), o.to.as_deref(), o.reason.as_deref())).collect();
    assert_eq!(
        said,
        vec![("李强", Some("撤销核实"), Some("备案材料未找到，重新核实")), ("张敏", Some("已核实"), Some(reason))]
    );
    assert_eq!(log[1].subject.as_deref(), Some("赵晓光（330523198803120810）：受处分等影响的年度评为优秀（2023）"));
}
