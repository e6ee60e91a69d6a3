//! kaohe-desk's `Session` over real temporary databases, as the app's commands call it: the
//! reports, the committee's flow on the sample, the print preview's documents, an approved ratio,
//! the rule profile, 上报 → 汇总; the 导入 wizard (`session/import.rs`) and the 人员 grid, drawer
//! and 工作台 (`session/people.rs`).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kaohe_desk::error::{CommandError, ErrorCode};
use kaohe_desk::session::{PreviewRequest, Session};
use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::assessment::report::{PersonReport as AssessedPerson, PoolReport as AssessmentPool};
use kaohe_engine::assessment::Flag;
use kaohe_engine::{GradeName, NationalCode};
use kaohe_store::LogAction;

#[path = "session/import.rs"]
mod import;
#[path = "session/people.rs"]
mod people;

/// The sample roster, as the app's 「导入示例名册」 gives it.
const SAMPLE: &[u8] = include_bytes!("../../../fixtures/sample/名册示例.xlsx");

/// The repository's root (fixtures/ is there).
fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the database holds (the home page's figures).
fn counts(state: &Session) -> kaohe_store::Counts {
    state.reading(|store| Ok(store.counts()?)).expect("counts")
}

struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch { dir: tempfile::tempdir().expect("temp dir") }
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn session(&self) -> Session {
        Session::open(self.path("data/kaohe.db"))
    }
}

#[test]
fn a_bad_date_is_a_bad_argument() {
    let scratch = Scratch::new();
    let e = scratch.session().promotion("2025-02-30").expect_err("no such day");
    assert_eq!(e, CommandError::new(ErrorCode::BadArgument, "日期「2025-02-30」无效，应为 YYYY-MM-DD"));
}

/// A person's grade before the committee (proposed or suggested), final grade and national code,
/// as `assess --json` writes them.
fn grades(
    p: &AssessedPerson,
    before: Option<GradeName>,
) -> (Option<&'static str>, Option<&'static str>, Option<&'static str>) {
    (before.map(GradeName::name), p.final_grade.map(GradeName::name), p.code.map(NationalCode::code))
}

/// The committee's flow on the sample's 2025 inputs: read the pools, refuse what the rules refuse,
/// settle the one pool over its quota, finalise, refuse changes to the locked year, reopen.
#[test]
fn the_committee_settles_2025_on_the_sample() {
    let scratch = Scratch::new();
    let state = scratch.session();
    state.import_sample(SAMPLE).expect("import_sample");
    let results_before = counts(&state).results;

    let report = state.assessment(2025).expect("assessment");
    the_sample_2025_before_the_committee(&report);
    let by = "人事科 李明";
    the_rules_refuse_what_they_must(&state, &report, by);
    let on = NaiveDate::from_ymd_opt(2026, 1, 15).expect("date");
    the_committee_settles_and_finalises(&state, &report, on, by);
    assert!(counts(&state).results > results_before);
    the_locked_year_refuses_changes_until_reopened(&state, on, by);
    the_log_remembers_every_decision(&state, &report, by);
}

/// One pool of the assessment.
fn assessment_pool(report: &AssessmentReport, organ: &str, name: &str) -> AssessmentPool {
    report
        .pools
        .iter()
        .find(|p| p.organ == organ && p.pool == name)
        .cloned()
        .unwrap_or_else(|| panic!("pool {organ}·{name}"))
}

/// A person of the assessment, by name.
fn assessed(report: &AssessmentReport, name: &str) -> AssessedPerson {
    report.people.iter().find(|p| p.name == name).cloned().unwrap_or_else(|| panic!("{name}"))
}

fn refused(e: CommandError) -> ErrorCode {
    e.code
}

/// 2025 as the rules suggest it: 某市财政局's quota and 优秀, 领导成员 of the county over its quota.
fn the_sample_2025_before_the_committee(report: &AssessmentReport) {
    assert_eq!((report.year, report.finalized_on), (2025, None));
    assert_eq!(report.people.len(), 38);
    let finance = assessment_pool(report, "某市财政局", "非领导成员");
    assert_eq!((finance.members, finance.participants, finance.quota), (16, 15, 3));
    assert_eq!((finance.excellent, finance.final_excellent), (3, 3));
    assert_eq!(
        finance.arithmetic,
        "15人 × 20% = 3.00 → 3名（向下取整；比例来源：规则默认比例）；参加人数不含不确定等次的1人，待核实"
    );
    assert!(finance.tied_at_line.is_empty());
    let suggested: Vec<&str> = report
        .people
        .iter()
        .filter(|p| p.organ == "某市财政局" && p.suggested.map(GradeName::name) == Some("优秀"))
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(suggested, ["梁宏伟", "董静怡", "高晓燕"]);
    let leaders = assessment_pool(report, "某县人力资源和社会保障局", "领导成员");
    assert_eq!((leaders.participants, leaders.quota, leaders.final_excellent), (2, 0, 1));
    let zhou = assessed(report, "周志强");
    assert_eq!(grades(&zhou, zhou.proposal), (Some("优秀"), Some("优秀"), Some("1")));
    assert_eq!(zhou.flags, [Flag::OverQuota]);
    let json = serde_json::to_value(report).expect("serializable");
    assert_eq!(
        json["people"].as_array().expect("people").iter().find(|p| p["name"] == "周志强").expect("周志强")["final"],
        "优秀"
    );
}

/// A change without a reason, a grade that is none, no operator, a person not graded, a 补定等次
/// that does not apply, an unknown person, a year out of range.
fn the_rules_refuse_what_they_must(state: &Session, report: &AssessmentReport, by: &str) {
    let zhou = assessed(report, "周志强");
    assert_eq!(
        state.assessment_override(2025, &zhou.id, "称职", "  ", by).map_err(refused),
        Err(ErrorCode::ReasonRequired)
    );
    assert_eq!(
        state.assessment_override(2025, &zhou.id, "良好", "复核", by).map_err(refused),
        Err(ErrorCode::BadArgument)
    );
    assert_eq!(
        state.assessment_override(2025, &zhou.id, "称职", "复核", " ").map_err(refused),
        Err(ErrorCode::BadArgument)
    );
    let on_leave = assessed(report, "孙鹏飞");
    assert_eq!(on_leave.code.map(NationalCode::code), Some("6A"));
    assert_eq!(
        state.assessment_override(2025, &on_leave.id, "称职", "复核", by).map_err(refused),
        Err(ErrorCode::NotGraded)
    );
    // 补定等次 only for a 5B whose investigation closed: 周春燕's 立案调查 is still open, 孙鹏飞 is 6A.
    let investigated = assessed(report, "周春燕");
    assert_eq!((investigated.code.map(NationalCode::code), investigated.supplementable), (Some("5B"), false));
    let e = state.assessment_supplement(2025, &investigated.id, "称职", "结案", by).expect_err("still open");
    assert_eq!(e.code, ErrorCode::NotGraded);
    assert!(e.message.contains("立案审查调查尚未结案"), "{}", e.message);
    let e = state.assessment_supplement(2025, &on_leave.id, "称职", "结案", by).expect_err("6A");
    assert!(e.message.contains("只有立案审查调查（5B）结案后才能补定等次"), "{}", e.message);
    assert_eq!(
        state.assessment_override(2025, "110101190001010000", "称职", "复核", by).map_err(refused),
        Err(ErrorCode::UnknownPerson)
    );
    assert_eq!(state.assessment(1900).map(|_| ()).map_err(refused), Err(ErrorCode::BadArgument));
}

/// 马明辉 changed to 称职; finalising refused while 领导成员 is over its quota, done once 周志强 is
/// changed to 称职; the finalised report holds both changes.
fn the_committee_settles_and_finalises(state: &Session, report: &AssessmentReport, on: NaiveDate, by: &str) {
    let ma = assessed(report, "马明辉");
    assert_eq!(ma.final_grade.map(GradeName::name), Some("基本称职"));
    state.assessment_override(2025, &ma.id, "称职", "单位复核后改定为称职", by).expect("override 马明辉");

    let e = state.assessment_finalize(2025, on, by).expect_err("over the quota of 领导成员");
    assert_eq!(e.code, ErrorCode::CannotFinalize);
    assert!(e.message.starts_with("2025年度考核暂不能定稿："), "{}", e.message);
    assert!(e.message.contains("某县人力资源和社会保障局·领导成员最终确定优秀1人，超过优秀名额0名"), "{}", e.message);

    let zhou = assessed(report, "周志强");
    state
        .assessment_override(2025, &zhou.id, "称职", "领导成员优秀名额为0，经考核委员会研究确定为称职", by)
        .expect("override 周志强");
    let stored = state.assessment_finalize(2025, on, by).expect("finalize");
    assert_eq!(stored, 38);

    let report = state.assessment(2025).expect("assessment");
    assert_eq!(report.finalized_on, Some(on));
    let zhou = assessed(&report, "周志强");
    assert_eq!(grades(&zhou, zhou.suggested), (Some("优秀"), Some("称职"), Some("2")));
    assert_eq!(assessment_pool(&report, "某县人力资源和社会保障局", "领导成员").final_excellent, 0);
    assert_eq!(assessed(&report, "马明辉").code.map(NationalCode::code), Some("2"));
}

/// A finalised year refuses changes and a second finalisation; reopening needs a reason and a
/// locked year.
fn the_locked_year_refuses_changes_until_reopened(state: &Session, on: NaiveDate, by: &str) {
    let zhou = assessed(&state.assessment(2025).expect("assessment"), "周志强");
    assert_eq!(
        state.assessment_override(2025, &zhou.id, "优秀", "再议", by).map_err(refused),
        Err(ErrorCode::YearLocked)
    );
    assert_eq!(state.assessment_finalize(2025, on, by).map_err(refused), Err(ErrorCode::YearLocked));
    assert_eq!(state.assessment_reopen(2025, "", by).map_err(refused), Err(ErrorCode::ReasonRequired));
    state.assessment_reopen(2025, "收到复核申请，重新研究", by).expect("reopen");
    assert_eq!(state.assessment_reopen(2025, "再次打开", by).map_err(refused), Err(ErrorCode::YearNotLocked));
    assert_eq!(state.assessment(2025).expect("assessment").finalized_on, None);
}

/// The year's log: the two changes, the finalisation and the reopening, with who and why.
fn the_log_remembers_every_decision(state: &Session, report: &AssessmentReport, by: &str) {
    let (ma, zhou) = (assessed(report, "马明辉"), assessed(report, "周志强"));
    let log = state.assessment_log(2025).expect("log");
    /// action, person, from, to, by.
    type Line<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>, &'a str);
    let summary: Vec<Line> = log
        .iter()
        .map(|e| (e.action.name(), e.person_id.as_deref(), e.from.as_deref(), e.to.as_deref(), e.by.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("override", Some(ma.id.as_str()), Some("基本称职"), Some("称职"), by),
            ("override", Some(zhou.id.as_str()), Some("优秀"), Some("称职"), by),
            ("finalize", None, None, Some("38人"), by),
            ("reopen", None, Some("2026-01-15定稿"), None, by),
        ]
    );
    assert_eq!(log[1].reason.as_deref(), Some("领导成员优秀名额为0，经考核委员会研究确定为称职"));
    assert!(
        log.iter().all(|e| serde_json::from_value::<LogAction>(serde_json::json!(e.action)).is_ok()),
        "every action is a LogAction"
    );
    assert_eq!(log[3].reason.as_deref(), Some("收到复核申请，重新研究"));
    assert!(log.iter().all(|e| e.year == 2025 && e.at.len() == "2026-01-15 09:30:00".len()));
    let json = serde_json::to_value(&log[0]).expect("serializable");
    let mut keys: Vec<&str> = json.as_object().expect("object").keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["action", "at", "by", "from", "id", "reason", "to", "year"]);
    assert!(state.assessment_log(2024).expect("log").is_empty());
}

/// The sample's ID numbers, as the roster holds them.
fn sample_ids(state: &Session) -> Vec<String> {
    state.promotion("2025-12-31").expect("promotion").people.into_iter().map(|p| p.id).collect()
}

#[test]
fn print_preview_writes_the_documents_of_the_sample() {
    let scratch = Scratch::new();
    let state = scratch.session();
    state.import_sample(SAMPLE).expect("import_sample");
    let dir = scratch.path("cache/print");
    let today = NaiveDate::from_ymd_opt(2026, 1, 12).expect("date");
    let request = |doc: &str| PreviewRequest { doc: doc.into(), ..PreviewRequest::default() };

    let forms =
        state.print_preview(&dir, &PreviewRequest { year: Some(2025), ..request("登记表") }, today).expect("登记表");
    assert_eq!(forms.title, "年度考核登记表（2025年度）");
    assert_eq!(Path::new(&forms.path), dir.join("年度考核登记表（2025年度）.html"));
    let html = read(Path::new(&forms.path));
    assert_eq!(html.matches(r#"class="page registration""#).count(), 38);
    assert!(html.contains("年度考核登记表"));
    assert!(html.contains("<style media=\"screen\">"), "A4 sheets on screen in the preview window");
    assert!(forms.pages.is_some_and(|n| n >= 38), "{:?}", forms.pages);

    let one = state
        .print_preview(
            &dir,
            &PreviewRequest {
                year: Some(2025),
                organ: Some("某市财政局".into()),
                pool: Some("非领导成员".into()),
                ..request("登记表")
            },
            today,
        )
        .expect("登记表 of one pool");
    assert_eq!(one.title, "年度考核登记表（2025年度·某市财政局·非领导成员）");
    assert_eq!(read(Path::new(&one.path)).matches(r#"class="page registration""#).count(), 16);

    let publicity = state
        .print_preview(&dir, &PreviewRequest { as_of: Some("2025-12-31".into()), ..request("晋升公示") }, today)
        .expect("晋升公示");
    assert_eq!((publicity.title.as_str(), publicity.pages), ("职级晋升人选公示（截至2025年12月31日）", None));
    let html = read(Path::new(&publicity.path));
    assert!(
        !html.contains("********") && html.contains(">出生年月</th>"),
        "no ID column, masked or not: birth month instead"
    );
    assert!(html.contains("2026年1月12日至"), "the publicity starts today when no date is given");
    let ids = sample_ids(&state);
    assert_eq!(ids.len(), 38);
    for id in &ids {
        assert!(!html.contains(id.as_str()), "full ID {id} on the 公示");
    }

    let excellent = state
        .print_preview(
            &dir,
            &PreviewRequest { year: Some(2025), from: Some("2026-01-19".into()), ..request("优秀公示") },
            today,
        )
        .expect("优秀公示");
    let html = read(Path::new(&excellent.path));
    assert!(html.contains("公示时间：2026年1月19日至"), "from the given start");
    assert!(
        !html.contains("********")
            && html.contains(">出生年月</th>")
            && !ids.iter().any(|id| html.contains(id.as_str())),
        "no ID column, masked or not"
    );
    for (doc, year, as_of) in [
        ("考核汇总", Some(2025), None),
        ("名额测算", Some(2025), None),
        ("晋升审核", None, Some("2025-12-31")),
        ("职数", None, Some("2025-12-31")),
    ] {
        let done = state
            .print_preview(&dir, &PreviewRequest { year, as_of: as_of.map(Into::into), ..request(doc) }, today)
            .unwrap_or_else(|e| panic!("{doc}: {e}"));
        assert!(read(Path::new(&done.path)).starts_with("<!DOCTYPE html>"), "{doc}");
    }

    let refused = |r: PreviewRequest| state.print_preview(&dir, &r, today).expect_err("refused");
    let e = refused(request("花名册"));
    assert_eq!(e.code, ErrorCode::BadArgument);
    assert!(e.message.starts_with("没有名为「花名册」的文书；可用：登记表、优秀公示"), "{}", e.message);
    assert_eq!(refused(request("登记表")), CommandError::new(ErrorCode::BadArgument, "「登记表」需要考核年度"));
    assert_eq!(refused(request("职数")), CommandError::new(ErrorCode::BadArgument, "「职数」需要资格计算日期"));
    assert_eq!(
        refused(PreviewRequest { as_of: Some("2025-02-30".into()), ..request("职数") }).code,
        ErrorCode::BadArgument
    );
    assert_eq!(
        refused(PreviewRequest { year: Some(2025), from: Some("下周一".into()), ..request("优秀公示") }).code,
        ErrorCode::BadArgument
    );
    assert_eq!(
        refused(PreviewRequest { year: Some(2025), organ: Some("某某局".into()), ..request("登记表") }).code,
        ErrorCode::UnknownOrgan
    );
    assert_eq!(
        refused(PreviewRequest { year: Some(2025), pool: Some("全体".into()), ..request("考核汇总") }).code,
        ErrorCode::BadArgument
    );

    assert_eq!(state.organs().expect("organs"), ["某市财政局", "某县人力资源和社会保障局", "某县市场监督管理局"]);
}

#[test]
fn an_approved_ratio_changes_the_quota() {
    let scratch = Scratch::new();
    let state = scratch.session();
    state.import_sample(SAMPLE).expect("import_sample");
    let organ = "某县人力资源和社会保障局";
    let others = |state: &Session| {
        state
            .assessment(2025)
            .expect("assessment")
            .pools
            .into_iter()
            .find(|p| p.organ == organ && p.pool == "非领导成员")
            .expect("pool")
    };
    let before = others(&state);
    assert_eq!((before.participants, before.quota), (8, 1));

    let by = "人事科 李明";
    let refused = |e: CommandError| e.code;
    assert_eq!(
        state.assessment_ratio(2025, organ, 30.0, "市考核委员会批复", by).map_err(refused),
        Err(ErrorCode::BadArgument)
    );
    assert_eq!(
        state.assessment_ratio(2025, organ, -5.0, "市考核委员会批复", by).map_err(refused),
        Err(ErrorCode::BadArgument)
    );
    assert_eq!(state.assessment_ratio(2025, organ, 25.0, "  ", by).map_err(refused), Err(ErrorCode::ReasonRequired));
    assert_eq!(state.assessment_ratio(2025, "某某局", 25.0, "批复", by).map_err(refused), Err(ErrorCode::UnknownOrgan));
    assert_eq!(state.assessment_ratio(2025, organ, 25.0, "批复", "").map_err(refused), Err(ErrorCode::BadArgument));

    state.assessment_ratio(2025, organ, 25.0, "县考核委员会批复（县考委〔2026〕1号）", by).expect("ratio");
    let after = others(&state);
    assert_eq!((after.participants, after.ratio, after.quota), (8, 25.0, 2));
    assert_eq!(
        after.arithmetic,
        "8人 × 25% = 2.00 → 2名（向下取整；比例来源：经批准的比例（县考核委员会批复（县考委〔2026〕1号）））；参加人数不含不确定等次的1人，待核实"
    );
    let log = state.assessment_log(2025).expect("log");
    let last = log.last().expect("logged");
    assert_eq!(
        (last.action.name(), last.to.as_deref(), last.by.as_str()),
        ("ratio", Some("某县人力资源和社会保障局 25%"), by)
    );
    assert_eq!(
        serde_json::from_value::<LogAction>(serde_json::json!(last.action)).expect("a LogAction"),
        LogAction::Ratio
    );
}

#[test]
fn profile_is_the_national_rules_with_their_citations() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let profile = state.profile();
    assert_eq!(profile.ladders.len(), 3);
    let json = serde_json::to_value(profile).expect("profile serialises");
    assert_eq!(json["ladders"].as_array().map(Vec::len), Some(3));
    let enforcement = json["ladders"]
        .as_array()
        .expect("ladders")
        .iter()
        .find(|l| l["category"] == "行政执法类")
        .expect("行政执法类 ladder");
    assert_eq!(enforcement["cite"]["status"], "U", "行政执法类 is shown as 待核实");
    assert!(json.to_string().contains("\"status\":\"U\""));
}

/// 上报 → 汇总 through the commands: an organ's package saved where the dialog says (a year not
/// finalised refused first), received by another database (a second time only with replace),
/// summed up there; the dialog cancelled writes nothing.
#[test]
fn a_package_saved_by_one_database_is_received_and_summed_up_by_another() {
    let scratch = Scratch::new();
    let state = scratch.session();
    state.import_sample(SAMPLE).expect("import_sample");
    let out = scratch.path("某市财政局.kaohe");
    let ask = |name: &str| {
        assert_eq!(name, "某市财政局_2025年度上报.kaohe");
        Ok(Some(scratch.path("某市财政局")))
    };
    let now = NaiveDate::from_ymd_opt(2026, 1, 20).expect("date").and_hms_opt(9, 30, 0).expect("time");
    let refused = state.report_package(2025, "某市财政局", None, "李明", now, ask).expect_err("not finalised");
    assert_eq!(refused.code, ErrorCode::YearNotLocked);
    state.assessment_override(2025, "330521197211100691", "称职", "领导成员优秀名额为0", "李明").expect("override");
    state.assessment_finalize(2025, NaiveDate::from_ymd_opt(2026, 1, 15).expect("date"), "李明").expect("finalised");
    assert_eq!(state.report_package(2025, "某市财政局", None, "李明", now, |_| Ok(None)).expect("cancelled"), None);
    assert!(!out.exists(), "nothing written when the dialog is cancelled");
    let saved = state.report_package(2025, "某市财政局", Some("2025-12-31"), "李明", now, ask).expect("saved");
    assert_eq!(saved, Some(out.display().to_string()), ".kaohe added to a name typed without it");

    let hub = Session::open(scratch.path("hub/kaohe.db"));
    let paths = [out.display().to_string(), scratch.path("没有.kaohe").display().to_string()];
    let receipts = hub.receive_packages(&paths, false, "王芳").expect("received");
    assert_eq!((receipts.received.len(), receipts.refused.len()), (1, 1));
    assert_eq!((receipts.received[0].organ.as_str(), receipts.received[0].people), ("某市财政局", 16));
    assert!(receipts.refused[0].message.starts_with("无法读取"), "{}", receipts.refused[0].message);
    let again = hub.receive_packages(&paths[..1], false, "王芳").expect("answered");
    assert_eq!(again.refused[0].code.name(), "package_exists");
    let replaced = hub.receive_packages(&paths[..1], true, "王芳").expect("replaced");
    assert_eq!(replaced.received[0].replaced.as_deref(), Some(paths[0].as_str()));
    let summary = hub.summary(2025).expect("summary");
    assert_eq!((summary.totals.organs, summary.totals.people, summary.totals.grades.excellent), (1, 16, 3));

    // 「打印」 on the 汇总 page: the preview of 上报汇总, the organ's row as the 汇总 counts it; a
    // year without packages refused in words.
    let dir = scratch.path("hub/print");
    let today = NaiveDate::from_ymd_opt(2026, 1, 21).expect("date");
    let asked = |year| PreviewRequest { doc: "上报汇总".into(), year: Some(year), ..PreviewRequest::default() };
    let shown = hub.print_preview(&dir, &asked(2025), today).expect("上报汇总");
    assert_eq!((shown.title.as_str(), shown.pages), ("2025年度考核结果汇总表（各单位上报）", None));
    let html = read(Path::new(&shown.path));
    assert!(html.contains("<style media=\"screen\">"), "A4 sheets on screen in the preview window");
    assert!(
        html.contains(r#"<tr><td>某市财政局</td><td class="num">16</td><td class="num">15</td><td class="num">3</td><td class="num">3</td>"#),
        "{html}"
    );
    let none = hub.print_preview(&dir, &asked(2024), today).expect_err("no packages of 2024");
    assert_eq!(none.code, ErrorCode::BadArgument);
    assert_eq!(none.message, "数据库中没有2024年度的上报文件，不能打印各单位汇总表：请先接收各单位2024年度的上报文件");

    // 所辖单位 on the 汇总 page: added by name (a level the rules know written as they name it),
    // read from a workbook chosen in the dialog (the operator asked for before the dialog), each
    // with whether its package of the year came; removed; the 汇总 names the one not reported.
    let refused = hub.supervised_import(" ", || panic!("no dialog without an operator")).expect_err("no operator");
    assert_eq!((refused.code, refused.message.as_str()), (ErrorCode::BadArgument, "请填写操作人"));
    assert_eq!(hub.supervised_import("王芳", || Ok(None)).expect("cancelled"), None);
    let added = hub.supervised_add("某县财政局", Some("县级"), "王芳").expect("added");
    assert_eq!((added.added.as_slice(), added.warnings.len()), (["某县财政局".to_string()].as_slice(), 0));
    let list = scratch.path("所辖单位.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in [["单位名称", "机构级别"], ["某市财政局", "市"], ["某县财政局", ""], ["某县审计局", "副处级"]]
        .iter()
        .enumerate()
    {
        for (c, text) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *text).expect("cell");
        }
    }
    book.save(&list).expect("save");
    let read = hub.supervised_import("王芳", || Ok(Some(list.clone()))).expect("read").expect("not cancelled");
    assert_eq!(
        (read.read, read.added.as_slice()),
        (3, ["某市财政局".to_string(), "某县审计局".to_string()].as_slice())
    );
    assert_eq!(read.already, ["某县财政局"]);
    assert_eq!(read.warnings.len(), 1, "副处级 is no organ level of the rules: {:?}", read.warnings);
    let listed = hub.supervised_organs(2025).expect("listed");
    let shown: Vec<(&str, Option<&str>, bool)> =
        listed.iter().map(|o| (o.name.as_str(), o.level.as_deref(), o.received)).collect();
    assert_eq!(
        shown,
        [
            ("某县财政局", Some("县"), false),
            ("某市财政局", Some("市(地)"), true),
            ("某县审计局", Some("副处级"), false)
        ]
    );
    assert_eq!(hub.supervised_remove("某县审计局", "王芳").expect("removed").removed, ["某县审计局"]);
    let gone = hub.supervised_remove("某县审计局", "王芳").expect_err("not listed");
    assert_eq!((gone.code, gone.message.as_str()), (ErrorCode::UnknownOrgan, "所辖单位名单中没有「某县审计局」"));
    assert_eq!(hub.summary(2025).expect("summary").unreported, ["某县财政局"]);
    let in_use = state.supervised_remove("某市财政局", "李明").expect_err("people belong to it");
    assert_eq!(in_use.code, ErrorCode::OrganInUse);

    // 统筹职数: the dialog's choices, a pool the rules do not have refused, a group kept and
    // summed up over its members' packages (某县财政局 has not reported).
    let choices = hub.shared_pools().expect("choices");
    assert_eq!(
        (choices.groups.len(), choices.organs.as_slice()),
        (0, ["某县财政局".to_string(), "某市财政局".to_string()].as_slice())
    );
    let pool = choices.pools[3].clone();
    let mut request = kaohe_desk::shared_slots::SharedPoolRequest {
        name: "县直统筹".into(),
        pool: "不存在的职数池".into(),
        approved: 4,
        organs: vec!["某市财政局".into(), "某县财政局".into()],
        source: "某县委组织部〔2024〕3号".into(),
    };
    let refused = hub.shared_pool_set(&request, "王芳").expect_err("no such pool");
    assert_eq!(refused.code, ErrorCode::BadArgument);
    assert!(refused.message.contains(&pool), "the pools the rules have are named: {}", refused.message);
    request.pool = pool.clone();
    let kept = hub.shared_pool_set(&request, "王芳").expect("kept");
    assert_eq!((kept.groups[0].name.as_str(), kept.groups[0].by.as_str()), ("县直统筹", "王芳"));
    let summary = hub.summary(2025).expect("summary");
    let finance = summary.slots.iter().find(|x| x.pool == pool).map(|x| x.held).unwrap_or_default();
    let group = &summary.shared_slots[0];
    assert_eq!((group.approved, group.held, group.free), (4, finance, 4u32.saturating_sub(finance)));
    assert_eq!(group.unreported, ["某县财政局"]);
    assert!(hub.shared_pool_remove("县直统筹", "王芳").expect("removed").groups.is_empty());
}
