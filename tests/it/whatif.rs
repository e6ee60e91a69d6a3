//! 对比 through the command line on the sample roster: one change tried, exactly who it changes
//! with the reasons after, the quota arithmetic before and after, nothing written; a request
//! with no change or two is refused in words.

use kaohe_cli::run;
use kaohe_tests::root;
use serde_json::Value;

fn sample() -> String {
    root().join("fixtures/sample/名册示例.xlsx").display().to_string()
}

fn json(list: &[&str]) -> Value {
    let args: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    let out = run(&args);
    assert_eq!(out.status, 0, "kaohe {list:?}: {}{}", out.stdout, out.stderr);
    serde_json::from_str(&out.stdout).expect("json")
}

/// (name, final before, final after) of every person listed.
fn finals(c: &Value) -> Vec<(String, Option<String>, Option<String>)> {
    let grade = |side: &Value| side["final"].as_str().map(str::to_string);
    c["people"]
        .as_array()
        .expect("people")
        .iter()
        .map(|p| (p["name"].as_str().unwrap_or_default().to_string(), grade(&p["before"]), grade(&p["after"])))
        .collect()
}

#[test]
fn a_higher_ratio_for_one_organ_gives_its_next_candidate_excellent() {
    let s = sample();
    let c = json(&[
        "whatif", "assess", "--year", "2025", "--roster", &s, "--organ", "某市财政局", "--percent", "30", "--json",
    ]);
    assert_eq!(c["change"], "某市财政局的优秀比例为30%（现为20%）");
    assert_eq!(finals(&c), vec![("吴秀英".to_string(), Some("称职".to_string()), Some("优秀".to_string()))]);
    assert_eq!(c["unchanged"], 37);
    let pools = c["pools"].as_array().expect("pools");
    assert_eq!(pools.len(), 1);
    assert_eq!((pools[0]["organ"].as_str(), pools[0]["pool"].as_str()), (Some("某市财政局"), Some("非领导成员")));
    assert!(pools[0]["before"].as_str().unwrap_or_default().starts_with("15人 × 20% = 3.00 → 3名"), "{}", pools[0]);
    assert!(pools[0]["after"].as_str().unwrap_or_default().starts_with("15人 × 30% = 4.50 → 4名"), "{}", pools[0]);
    let after = c["people"][0]["after"]["reasons"].to_string();
    assert!(after.contains("在优秀名额（4名）以内，建议优秀"), "{after}");
}

#[test]
fn pools_by_tier_and_another_rule_file_are_compared_too() {
    let s = sample();
    let c = json(&["whatif", "assess", "--year", "2025", "--roster", &s, "--tiers", "split", "--json"]);
    assert_eq!(c["change"], "按层级分别设考核池（现为每个单位一个考核池）");
    let moved: Vec<_> = finals(&c).into_iter().filter(|(_, b, a)| b != a).collect();
    assert_eq!(
        moved,
        vec![
            ("梁宏伟".to_string(), Some("优秀".to_string()), Some("称职".to_string())),
            ("高晓燕".to_string(), Some("优秀".to_string()), Some("称职".to_string())),
            ("吴秀英".to_string(), Some("称职".to_string()), Some("优秀".to_string())),
        ],
        "the 处级 pool of 某市财政局 (4 people) has no 优秀 place at 20%; 科级及以下 has 2"
    );
    assert_eq!(c["pools"].as_array().map(Vec::len), Some(8), "three organ pools gone, five tier pools new");

    let dir = tempfile::tempdir().expect("tmp");
    let national = std::fs::read_to_string(root().join("profiles/national.toml")).expect("profile");
    let local = dir.path().join("某市规则.toml");
    std::fs::write(&local, national.replace("ratio_percent = 20", "ratio_percent = 15")).expect("write");
    let c = json(&[
        "whatif",
        "assess",
        "--year",
        "2025",
        "--roster",
        &s,
        "--other-profile",
        &local.display().to_string(),
        "--json",
    ]);
    assert_eq!(c["change"], "改用规则「全国默认规则 2019.06-1」（某市规则.toml）");
    assert_eq!(c["pools"][0]["after"].as_str().map(|a| a.starts_with("15人 × 15% = 2.25 → 2名")), Some(true));
    assert_eq!(finals(&c).len(), 1, "{:?}", finals(&c));
}

#[test]
fn promotion_a_year_later_lists_who_becomes_eligible() {
    let s = sample();
    let c =
        json(&["whatif", "promote", "--as-of", "2025-12-31", "--roster", &s, "--other-as-of", "2026-12-31", "--json"]);
    assert_eq!(c["change"], "资格计算日期改为2026年12月31日（现为2025年12月31日）");
    assert_eq!((c["people"].as_array().map(Vec::len), c["unchanged"].as_u64()), (Some(11), Some(27)));
    let ma = c["people"].as_array().expect("people").iter().find(|p| p["name"] == "马秀英").expect("马秀英");
    assert_eq!(
        (ma["before"]["qualified"].as_bool(), ma["before"]["eligible_on"].as_str()),
        (Some(false), Some("2026-07-28"))
    );
    assert_eq!(
        (ma["after"]["eligible"].as_bool(), ma["after"]["target_rank"].as_str()),
        (Some(true), Some("四级主任科员"))
    );
}

#[test]
fn no_change_or_two_changes_are_refused_in_words() {
    let s = sample();
    let refused = |list: &[&str]| {
        let out = run(&list.iter().map(|a| a.to_string()).collect::<Vec<_>>());
        assert_eq!(out.status, 1, "{list:?}");
        out.stderr
    };
    let two = refused(&[
        "whatif", "assess", "--year", "2025", "--roster", &s, "--tiers", "split", "--organ", "某市财政局", "--percent",
        "25",
    ]);
    assert!(two.contains("需要且只能试一项改变"), "{two}");
    let none = refused(&["whatif", "promote", "--as-of", "2025-12-31", "--roster", &s]);
    assert!(none.contains("需要且只能试一项改变"), "{none}");
    let organ =
        refused(&["whatif", "assess", "--year", "2025", "--roster", &s, "--organ", "某某局", "--percent", "25"]);
    assert!(organ.contains("名册中没有单位「某某局」"), "{organ}");
    let percent =
        refused(&["whatif", "assess", "--year", "2025", "--roster", &s, "--organ", "某市财政局", "--percent", "120"]);
    assert!(percent.contains("应为0到100之间的百分数"), "{percent}");
}
