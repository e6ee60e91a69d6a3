//! The committee's operations as both front ends call them: what the clerk typed read one way
//! (a grade's name, a percent, the operator, the reason), the same refusals in the same words, and
//! each decision in the year's log — on the sample roster in a database.

use std::path::Path;

use kaohe_desk::{committee, DeskError};
use kaohe_engine::{Grade, GradeName, Profile};
use kaohe_store::{LogAction, Store};

fn database(dir: &Path) -> Store {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sample/名册示例.xlsx");
    let read = kaohe_workbook::read_roster(&path, &Profile::national()).expect("the sample roster");
    let mut store = Store::open(&dir.join("kaohe.db")).expect("store");
    store.import(&read, "名册示例.xlsx").expect("import");
    store
}

fn refusal<T: std::fmt::Debug>(r: Result<T, DeskError>) -> (&'static str, String) {
    let e = r.expect_err("refused");
    (e.code().name(), e.to_string())
}

#[test]
fn what_the_clerk_typed_is_read_one_way() {
    assert_eq!(committee::grade(" 基本称职 ").expect("a grade"), Grade::BasicallyCompetent);
    assert_eq!(
        refusal(committee::grade("良好")),
        ("bad_argument", "等次「良好」无效，应为优秀、称职、基本称职或不称职".to_string())
    );
    assert_eq!(committee::percent("25").expect("25"), 25.0);
    assert_eq!(committee::percent(" 22.5% ").expect("22.5%"), 22.5);
    assert_eq!(committee::percent("30％").expect("full-width %"), 30.0);
    for text in ["-5", "二十", "", "NaN", "inf"] {
        assert_eq!(refusal(committee::percent(text)).0, "bad_argument", "{text:?}");
    }
    assert_eq!(committee::operator("  人事科 李明 ").expect("an operator"), "人事科 李明");
    assert_eq!(refusal(committee::operator(" ")), ("bad_argument", "请填写操作人".to_string()));
}

#[test]
fn an_override_needs_a_year_taken_an_operator_and_a_reason_and_is_logged() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = database(dir.path());
    let profile = Profile::national();
    let (_, report) = kaohe_desk::assessment_report(
        &store.load_roster().expect("roster"),
        &profile,
        2025,
        &store.decisions(2025).expect("decisions"),
    );
    let graded =
        report.people.iter().find(|p| p.final_grade == Some(GradeName::Competent)).expect("someone 称职 in 2025");

    let mut decide = |year: i32, reason: &str, by: &str| {
        committee::override_grade(&mut store, &profile, year, &graded.id, Grade::Excellent, reason, by)
    };
    assert_eq!(refusal(decide(2025, "  ", "李明")), ("reason_required", "修改等次必须说明理由".to_string()));
    assert_eq!(refusal(decide(2025, "投票 7:2", "")), ("bad_argument", "请填写操作人".to_string()));
    assert_eq!(refusal(decide(1800, "投票 7:2", "李明")), ("bad_argument", "年度「1800」无效".to_string()));
    let done = decide(2025, " 投票 7:2 ", " 李明 ").expect("recorded");
    assert_eq!((done.name.as_str(), done.from), (graded.name.as_str(), Some(Grade::Competent)));

    let log = committee::log(&store, 2025).expect("the log");
    let entry = log.last().expect("one entry");
    assert_eq!(
        (
            entry.action,
            entry.person_id.as_deref(),
            entry.from.as_deref(),
            entry.to.as_deref(),
            entry.reason.as_deref(),
            entry.by.as_str()
        ),
        (LogAction::Override, Some(graded.id.as_str()), Some("称职"), Some("优秀"), Some("投票 7:2"), "李明")
    );
    assert_eq!(refusal(committee::log(&store, 10_000)).0, "bad_argument");
}

#[test]
fn a_ratio_needs_its_basis_an_organ_held_and_a_percent_within_the_rules() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = database(dir.path());
    let profile = Profile::national();
    let max = f64::from(profile.assessment.max_ratio) / 100.0;
    let mut approve = |organ: &str, percent: f64, basis: &str| {
        committee::approve_ratio(&mut store, &profile, 2025, organ, percent, basis, "李明")
    };
    assert_eq!(
        refusal(approve("某市财政局", 25.0, " ")),
        ("reason_required", "记录经批准的比例必须写明批准依据".to_string())
    );
    assert_eq!(
        refusal(approve("某市财政局", max + 1.0, "市考核办批复")),
        ("bad_argument", format!("比例 {}% 超出规则允许的上限 {max}%", max + 1.0))
    );
    assert_eq!(
        refusal(approve("不存在的局", 25.0, "市考核办批复")),
        ("unknown_organ", "数据库中没有单位「不存在的局」".to_string())
    );
    approve(" 某市财政局 ", max, "市考核办批复").expect("recorded");
    let entry = committee::log(&store, 2025).expect("the log").pop().expect("one entry");
    assert_eq!((entry.action, entry.reason.as_deref()), (LogAction::Ratio, Some("市考核办批复")));
}

#[test]
fn a_year_is_reopened_only_with_a_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = database(dir.path());
    assert_eq!(
        refusal(committee::reopen(&mut store, 2025, "", "李明")),
        ("reason_required", "重新打开已定稿的年度必须说明理由".to_string())
    );
}
