//! The pages' test data, written from the sample roster by the use cases the shell calls, so the
//! UI's tests read what the app would be sent — not a paste that drifts from the Rust types and
//! results. `KAOHE_BLESS=1 cargo test -p kaohe-desk --test ui_fixtures` (re)writes them; otherwise
//! a file that differs fails the test. Each is narrowed the way its test needs (a few people, one
//! day), as said where it is made.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kaohe_engine::Profile;
use serde::Serialize;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn sample_read() -> kaohe_workbook::RosterRead {
    let path = root().join("fixtures/sample/名册示例.xlsx");
    kaohe_workbook::read_roster(&path, &Profile::national()).expect("the sample roster")
}

/// Writes `value` as pretty JSON to `ui/src/views/<file>` with `KAOHE_BLESS=1`; otherwise says
/// whether the file holds it.
fn written(file: &str, value: &impl Serialize) -> Result<(), String> {
    let path = root().join("ui/src/views").join(file);
    let json = serde_json::to_string_pretty(value).expect("serialisable") + "\n";
    if std::env::var_os("KAOHE_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))
    } else if std::fs::read_to_string(&path).is_ok_and(|held| held == json) {
        Ok(())
    } else {
        Err(format!(
            "{file} differs from what the shell sends: run `KAOHE_BLESS=1 cargo test -p kaohe-desk --test ui_fixtures`"
        ))
    }
}

/// 职级晋升: the sample's report on 2025-12-31, narrowed to the fifteen people the page's tests
/// name, of two organs, and those organs' slot pools (every candidate of which is among them).
#[test]
fn the_promotion_page_reads_the_sample_report() {
    const PEOPLE: [&str; 15] = [
        "330102198808060235", "330102199604250242", "330102199303180260", "330102198710140392", "330102198906070437",
        "330102199806140447", "330102199403180460", "330102198702140501", "330102197801100527", "330521198710050558",
        "330521199402120619", "330521199405110635", "330521197809090651", "330521197211100691", "330521197508150710",
    ];
    let read = sample_read();
    let (_, mut report) = kaohe_desk::promotion_report(&read.roster, &Profile::national(), day(2025, 12, 31));
    report.people.retain(|p| PEOPLE.contains(&p.id.as_str()));
    let organs: Vec<String> = report.people.iter().map(|p| p.organ.clone()).collect();
    report.pools.retain(|p| organs.contains(&p.organ));
    assert_eq!(report.people.len(), PEOPLE.len());
    written("promotion/report.generated.json", &report).unwrap_or_else(|e| panic!("{e}"));
}

/// 人员's drawer: 田建国 as the app shows him on 2026-01-01 after two imports — an earlier roster
/// in which he was 三级主任科员 at 某县财政局, then the sample (moved and promoted since) with two
/// rows of a 职级变动 sheet for him (a rank held before the first import, and the present). The
/// store stamps an import with the clock's time: the timeline's times are set to 2025-12-20
/// 09:30:00 here, so the file does not change from day to day.
#[test]
fn the_people_drawer_reads_a_person_imported_twice() {
    const TIAN: &str = "330102198808060235";
    let dir = tempfile::tempdir().expect("tmp");
    let mut store = kaohe_store::Store::open(&dir.path().join("kaohe.db")).expect("store");
    let mut earlier = sample_read();
    let tian = earlier.roster.people.iter_mut().find(|p| p.id == TIAN).expect("田建国 in the sample");
    tian.organ = "某县财政局".into();
    tian.rank = "三级主任科员".into();
    store.import(&earlier, "名册示例.xlsx").expect("the earlier roster");
    // The sample with his 职级变动 (these two rows instead of the sample's): a rank held before the
    // first import, and the present one.
    let mut sample = sample_read();
    let record = |rank: &str, since, row: u32, note: Option<&str>| kaohe_engine::RankRecord {
        person_id: TIAN.into(),
        rank: rank.into(),
        since,
        source: format!("「职级变动」表第{row}行"),
        note: note.map(Into::into),
    };
    sample.roster.rank_records = vec![
        record("四级主任科员", day(2016, 3, 1), 2, Some("某组字〔2016〕3号")),
        record("二级主任科员", day(2019, 1, 28), 3, None),
    ];
    store.import(&sample, "名册示例.xlsx").expect("the sample");
    let detail = kaohe_desk::person::person(&store, &Profile::national(), TIAN, day(2026, 1, 1)).expect("田建国");
    let mut value = serde_json::to_value(&detail).expect("serialisable");
    for entry in value["timeline"].as_array_mut().expect("a timeline") {
        if entry["recorded_at"].is_string() {
            entry["recorded_at"] = "2025-12-20 09:30:00".into();
        }
        if entry["kind"] == "added" {
            entry["date"] = "2025-12-20".into();
        }
    }
    written("people/tian.generated.json", &value).unwrap_or_else(|e| panic!("{e}"));
}

/// 工作台 on 2026-01-01 with a 90-day horizon: the sample in a database, with an 诫勉 added for
/// 梁雅琴 (2025-11-02, in effect to 2026-05-01), so that the alert of someone about to reach their
/// service also says what else holds them back.
#[test]
fn the_home_page_reads_the_sample_summary() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut store = kaohe_store::Store::open(&dir.path().join("kaohe.db")).expect("store");
    let mut read = sample_read();
    read.roster.restrictions.push(kaohe_engine::Restriction {
        person_id: "330521199201270581".into(),
        kind: "诫勉".into(),
        date: day(2025, 11, 2),
        end: None,
    });
    store.import(&read, "名册示例.xlsx").expect("the sample");
    let today = day(2026, 1, 1);
    let data = kaohe_desk::dashboard::DashboardData::read(&store, today).expect("read");
    let dashboard = kaohe_desk::dashboard::dashboard(&data, &Profile::national(), today, 90).expect("dashboard");
    written("home/dashboard.generated.json", &dashboard).unwrap_or_else(|e| panic!("{e}"));
}

/// A database as the import sees it, held behind a lock as the app holds it.
struct Db(std::sync::Mutex<kaohe_store::Store>);

impl Db {
    fn new(dir: &Path) -> Db {
        Db(std::sync::Mutex::new(kaohe_store::Store::open(&dir.join("kaohe.db")).expect("store")))
    }

    fn store(&self) -> std::sync::MutexGuard<'_, kaohe_store::Store> {
        self.0.lock().expect("the test's database")
    }

    /// The shell's 检查 (`AppState::import_check`): read, plan, the rows behind the issues.
    fn check(&self, request: &kaohe_desk::import::ImportRequest) -> kaohe_desk::import::ImportReport {
        use kaohe_desk::import::{self, Monitor};
        let monitor = Monitor::silent();
        let mut read = import::read(self, &Profile::national(), request, &monitor).expect("read");
        let store = self.store();
        let plan = import::plan(&store, &mut read, &monitor).expect("plan");
        let rows = import::issue_rows(read.path(), &read.read);
        kaohe_desk::import::ImportReport { rows, ..import::report(read, plan, store.path()) }
    }

    /// The shell's 导入 (`AppState::import_apply`).
    fn apply(&self, request: &kaohe_desk::import::ImportRequest) -> kaohe_desk::import::ImportReport {
        use kaohe_desk::import::{self, Monitor};
        let monitor = Monitor::silent();
        let mut read = import::read(self, &Profile::national(), request, &monitor).expect("read");
        let mut store = self.store();
        let plan = import::plan(&store, &mut read, &monitor).expect("plan");
        import::apply(&mut store, read, plan, None, &monitor).expect("applied")
    }
}

impl kaohe_desk::import::ImportDatabase for Db {
    fn saved_mapping(&self, signature: &str) -> Result<Option<kaohe_desk::import::Mapping>, kaohe_desk::DeskError> {
        Ok(self.store().mapping_for(signature)?)
    }
    fn people(&self) -> Result<Vec<kaohe_engine::Person>, kaohe_desk::DeskError> {
        Ok(self.store().load_roster()?.people)
    }
}

/// A report with the paths a clerk's machine would have: the file on the desktop, the database
/// where the app keeps it.
fn on_a_clerks_machine(mut report: kaohe_desk::import::ImportReport) -> kaohe_desk::import::ImportReport {
    report.file = format!("/home/clerk/桌面/{}", report.file_name);
    report.database = "/home/clerk/.local/share/kaohe/kaohe.db".into();
    report
}

/// 导入's first step: how 03-wps-sheet1.xlsx (a WPS roster: a title row, the people on 「Sheet1」
/// beside a 「说明」 sheet, headers of its own) would be read, against a database holding the
/// sample. The file's path is the one a clerk's machine would have.
#[test]
fn the_import_wizard_reads_a_wps_roster() {
    use kaohe_desk::import::{self, ImportRequest};
    let dir = tempfile::tempdir().expect("tmp");
    let db = Db::new(dir.path());
    db.store().import(&sample_read(), "名册示例.xlsx").expect("the sample");
    let path = root().join("fixtures/rosters/03-wps-sheet1.xlsx").display().to_string();
    let mut layout = import::layout(&db, &ImportRequest { path, ..Default::default() }).expect("the layout");
    layout.path = "/home/clerk/名册/03-wps-sheet1.xlsx".into();
    written("import/layout.generated.json", &layout).unwrap_or_else(|e| panic!("{e}"));
}

/// 导入's check and import of 13-bad-cells.xlsx (rows with a wrong check digit, an impossible
/// date, an unknown rank, …) into a database that holds an earlier roster of two people: 邵建平
/// a rank lower, and 刘强 of 青溪县审计局, who is not in the new file.
#[test]
fn the_import_wizard_checks_and_imports_a_roster_with_bad_cells() {
    use kaohe_desk::import::ImportRequest;
    let dir = tempfile::tempdir().expect("tmp");
    let db = Db::new(dir.path());
    let earlier = dir.path().join("2024.csv");
    let text = "身份证号,姓名,单位,职位类别,职级,任现职级时间\n34112219730323925X,邵建平,青溪县水利局,综合管理类,一级主任科员,2016-06-15\n510104197601039561,刘强,青溪县审计局,综合管理类,二级主任科员,2018-09-01\n";
    std::fs::write(&earlier, text).expect("written");
    db.apply(&ImportRequest { path: earlier.display().to_string(), ..Default::default() });
    let path = root().join("fixtures/rosters/13-bad-cells.xlsx").display().to_string();
    let request = ImportRequest { path, ..Default::default() };
    let check = on_a_clerks_machine(db.check(&request));
    let applied = on_a_clerks_machine(db.apply(&request));
    let value = serde_json::json!({ "check": check, "applied": applied });
    written("import/bad-cells.generated.json", &value).unwrap_or_else(|e| panic!("{e}"));
}

/// 导入 of a roster whose row 3 has 邵建平's ID under 邵剑平 (and a higher rank), into a database
/// holding 邵建平 from an earlier roster: checked, checked with the change of name confirmed, and
/// imported with it.
#[test]
fn the_import_wizard_holds_back_an_id_under_another_name() {
    use kaohe_desk::import::ImportRequest;
    const SHAO: &str = "34112219730323925X";
    let dir = tempfile::tempdir().expect("tmp");
    let db = Db::new(dir.path());
    let roster = |file: &str, name: &str, rank: &str| {
        let text = format!(
            "身份证号,姓名,单位,职位类别,职级,任现职级时间\n21010219980926718X,白雪,青溪县水利局,综合管理类,一级科员,2021-03-01\n{SHAO},{name},青溪县水利局,综合管理类,{rank},2019-06-15\n"
        );
        let path = dir.path().join(file);
        std::fs::write(&path, text).expect("written");
        ImportRequest { path: path.display().to_string(), ..Default::default() }
    };
    db.apply(&roster("2024.csv", "邵建平", "四级调研员"));
    let second = roster("2025.csv", "邵剑平", "三级调研员");
    let check = on_a_clerks_machine(db.check(&second));
    let confirmed = ImportRequest { confirm_renames: vec![SHAO.into()], ..second };
    let confirmed_check = on_a_clerks_machine(db.check(&confirmed));
    let applied = on_a_clerks_machine(db.apply(&confirmed));
    let value = serde_json::json!({ "check": check, "confirmed": confirmed_check, "applied": applied });
    written("import/rename.generated.json", &value).unwrap_or_else(|e| panic!("{e}"));
}

/// 年度考核 of 2025: the sample in a database with 吴秀英's 2025 scores set to 董静怡's, so that
/// the two tie at the line of 某市财政局's 非领导成员 pool. Narrowed to the ten people the page's
/// tests name (six of that pool; 周志强, proposed 优秀 over a 领导成员 quota of 0, and 黄浩然; 孙鹏飞
/// on long leave and 马明辉, 基本称职) and their pools, with those people's consequences; the pools'
/// counts and arithmetic stay those of the whole pool.
#[test]
fn the_assessment_page_reads_the_sample_year_with_a_tie() {
    const PEOPLE: [&str; 10] =
        ["田建国", "高晓燕", "梁宏伟", "董静怡", "吴秀英", "王梦瑶", "周志强", "黄浩然", "孙鹏飞", "马明辉"];
    let mut read = sample_read();
    let id_of = |roster: &kaohe_engine::Roster, name: &str| {
        roster.people.iter().find(|p| p.name == name).map(|p| p.id.clone()).expect("in the sample")
    };
    let (dong, wu) = (id_of(&read.roster, "董静怡"), id_of(&read.roster, "吴秀英"));
    let scores = |roster: &kaohe_engine::Roster, id: &str| {
        roster.annual_inputs.iter().position(|a| a.person_id == id && a.year == 2025).expect("2025 scores")
    };
    let (from, to) = (scores(&read.roster, &dong), scores(&read.roster, &wu));
    let inputs = &mut read.roster.annual_inputs;
    (inputs[to].dimensions, inputs[to].democratic) = (inputs[from].dimensions, inputs[from].democratic);

    let dir = tempfile::tempdir().expect("tmp");
    let mut store = kaohe_store::Store::open(&dir.path().join("kaohe.db")).expect("store");
    store.import(&read, "名册示例.xlsx").expect("the sample");
    let (roster, decisions) = (store.load_roster().expect("roster"), store.decisions(2025).expect("decisions"));
    let (_, mut report) = kaohe_desk::assessment_report(&roster, &Profile::national(), 2025, &decisions);
    report.people.retain(|p| PEOPLE.contains(&p.name.as_str()));
    report.pools.retain(|pool| report.people.iter().any(|p| p.organ == pool.organ && p.pool == pool.pool));
    report.consequences.retain(|c| PEOPLE.contains(&c.name.as_str()));
    assert_eq!(report.people.len(), PEOPLE.len());
    written("assessment/report.generated.json", &report).unwrap_or_else(|e| panic!("{e}"));
}

/// 年度考核's log: the sample's 2025 in a database, 周志强's 优秀 changed to 称职 by the committee
/// (the 领导成员 quota is 0), then the year finalised on 2026-01-15. The store stamps each entry
/// with the clock's time: here they are set to 09:30:00, 09:31:00, … of that day.
#[test]
fn the_assessment_log_reads_a_change_and_a_finalisation() {
    use kaohe_desk::committee;
    let dir = tempfile::tempdir().expect("tmp");
    let mut store = kaohe_store::Store::open(&dir.path().join("kaohe.db")).expect("store");
    let read = sample_read();
    store.import(&read, "名册示例.xlsx").expect("the sample");
    let zhou = read.roster.people.iter().find(|p| p.name == "周志强").expect("周志强").id.clone();
    let (profile, by) = (Profile::national(), "人事科 李明");
    let grade = committee::grade("称职").expect("a grade");
    committee::override_grade(&mut store, &profile, 2025, &zhou, grade, "领导成员优秀名额为0", by).expect("override");
    committee::finalize(&mut store, &profile, 2025, day(2026, 1, 15), by).expect("finalised");
    let mut log = committee::log(&store, 2025).expect("the log");
    for (minute, entry) in log.iter_mut().enumerate() {
        entry.at = format!("2026-01-15 09:{:02}:00", 30 + minute);
    }
    written("assessment/log.generated.json", &log).unwrap_or_else(|e| panic!("{e}"));
}

/// 人员's grid: a database holding five people of the sample (of three organs and two categories,
/// one a 领导成员), with their results; 胡雅琴's 部门 left empty, as rosters often leave it. What `people_filters` answers, and the
/// page of everyone in roster order without a year and for each year the database holds; the
/// page's tests filter, sort and page these rows themselves (the database's own filters and sorts
/// are tested in crates/kaohe-desk/tests/people.rs).
#[test]
fn the_people_grid_reads_five_people_of_the_sample() {
    const PEOPLE: [&str; 5] =
        ["330102198808060235", "330102199604250242", "330521198710050558", "330522199707060860", "33052119850420056X"];
    let mut read = sample_read();
    let roster = &mut read.roster;
    roster.people.retain(|p| PEOPLE.contains(&p.id.as_str()));
    roster.people.iter_mut().filter(|p| p.name == "胡雅琴").for_each(|p| p.department = None);
    roster.results.retain(|r| PEOPLE.contains(&r.person_id.as_str()));
    roster.restrictions.retain(|r| PEOPLE.contains(&r.person_id.as_str()));
    roster.regular.retain(|r| PEOPLE.contains(&r.person_id.as_str()));
    roster.annual_inputs.retain(|r| PEOPLE.contains(&r.person_id.as_str()));
    roster.rank_records.retain(|r| PEOPLE.contains(&r.person_id.as_str()));
    let organs: Vec<String> = roster.people.iter().map(|p| p.organ.clone()).collect();
    roster.organs.retain(|o| organs.contains(&o.name));
    assert_eq!(roster.people.len(), PEOPLE.len());

    let dir = tempfile::tempdir().expect("tmp");
    let mut store = kaohe_store::Store::open(&dir.path().join("kaohe.db")).expect("store");
    store.import(&read, "名册示例.xlsx").expect("the five");
    let profile = Profile::national();
    let filters = kaohe_desk::people_filters(&store, &profile).expect("filters");
    let page = |year: Option<i32>| {
        let query = kaohe_store::PeopleQuery { year, limit: 50, ..Default::default() };
        kaohe_desk::people_page(&store, &profile, &query).expect("a page")
    };
    let mut pages = vec![serde_json::json!({ "year": null, "page": page(None) })];
    pages.extend(filters.years.iter().map(|&y| serde_json::json!({ "year": y, "page": page(Some(y)) })));
    let value = serde_json::json!({ "filters": filters, "pages": pages });
    written("people/grid.generated.json", &value).unwrap_or_else(|e| panic!("{e}"));
}

/// 规则: the national rule profile, as `profile` sends it.
#[test]
fn the_rules_page_reads_the_national_profile() {
    written("rules/national-profile.generated.json", &Profile::national()).unwrap_or_else(|e| panic!("{e}"));
}

/// 核查: the seeded rosters of fixtures/audit imported one after the other (周子涵 promoted in
/// between), audited on 2025-12-31, with the first finding marked 已核实 — made here with a fixed
/// time, as the store stamps a mark (and an import) with the clock's.
#[test]
fn the_audit_page_reads_the_seeded_history() {
    let profile = Profile::national();
    let dir = tempfile::tempdir().expect("tmp");
    let mut store = kaohe_store::Store::open(&dir.path().join("kaohe.db")).expect("store");
    for name in ["核查示例_2021", "核查示例"] {
        let path = root().join(format!("fixtures/audit/{name}.xlsx"));
        let read = kaohe_workbook::read_roster(&path, &profile).expect("the seeded roster");
        store.import(&read, &format!("{name}.xlsx")).expect("imported");
    }
    let roster = store.load_roster().expect("roster");
    // The imports that saw a promotion, at a fixed time (the store stamps them with the clock's).
    let mut steps = store.rank_steps().expect("steps");
    for source in steps.iter_mut().flat_map(|s| s.sources.iter_mut()) {
        if let kaohe_engine::audit::StepSource::Import { at, .. } = source {
            *at = "2025-12-20 09:30:00".into();
        }
    }
    let first = kaohe_desk::audit::audit_of(&roster, &steps, Vec::new(), &profile, day(2025, 12, 31));
    let key = first.findings[0].finding.key.clone();
    let mark = kaohe_store::Mark {
        key,
        reason: "警告系2023年12月作出，优秀等次确定在前，已报主管部门备案".into(),
        by: "人事科 李明".into(),
        at: "2026-01-08 10:15:00".into(),
    };
    let report = kaohe_desk::audit::audit_of(&roster, &steps, vec![mark], &profile, day(2025, 12, 31));
    assert_eq!(report.findings.len(), 10);
    written("audit/report.generated.json", &report).unwrap_or_else(|e| panic!("{e}"));
}

/// 年度考核's 对比: the sample's 2025 with 某市财政局's 优秀 ratio at 30% (the profile's 20% now),
/// as the shell answers `whatif_assessment`.
#[test]
fn the_assessment_comparison_reads_a_higher_ratio() {
    use kaohe_desk::whatif::{compare_assessment, AssessmentChange};
    let read = sample_read();
    let change = AssessmentChange::Ratio { organ: "某市财政局".into(), percent: 30.0 };
    let comparison = compare_assessment(&read.roster, "名册", &Profile::national(), 2025, &Default::default(), change)
        .expect("compared");
    written("assessment/whatif.generated.json", &comparison).unwrap_or_else(|e| panic!("{e}"));
}

/// 职级晋升's 对比: the sample on 2025-12-31 against 2026-12-31, as the shell answers
/// `whatif_promotion`.
#[test]
fn the_promotion_comparison_reads_a_year_later() {
    use kaohe_desk::whatif::{compare_promotion, PromotionChange};
    let read = sample_read();
    let comparison = compare_promotion(
        &read.roster,
        &Profile::national(),
        day(2025, 12, 31),
        PromotionChange::AsOf(day(2026, 12, 31)),
    );
    written("promotion/whatif.generated.json", &comparison).unwrap_or_else(|e| panic!("{e}"));
}

/// 汇总: the sample's 2025 finalised (周志强's 优秀 over a quota of 0 set to 称职 first), each of
/// its three organs packaged and received into a 汇总 database — the times of making and
/// receiving set to fixed ones, as the clock stamps them.
#[test]
fn the_summary_page_reads_three_organs() {
    use kaohe_desk::summary::{make_package, receive, summary, MakeRequest};
    let profile = Profile::national();
    let dir = tempfile::tempdir().expect("tmp");
    let mut store = kaohe_store::Store::open(&dir.path().join("org.db")).expect("store");
    store.import(&sample_read(), "名册示例.xlsx").expect("the sample");
    kaohe_desk::committee::override_grade(
        &mut store,
        &profile,
        2025,
        "330521197211100691",
        kaohe_engine::Grade::Competent,
        "领导成员优秀名额为0",
        "人事科 李明",
    )
    .expect("override");
    kaohe_desk::committee::finalize(&mut store, &profile, 2025, day(2026, 1, 15), "人事科 李明").expect("finalised");
    let files: Vec<(String, Vec<u8>)> = ["某市财政局", "某县人力资源和社会保障局", "某县市场监督管理局"]
        .iter()
        .map(|organ| {
            let request = MakeRequest {
                organ,
                year: 2025,
                as_of: None,
                profile_text: kaohe_engine::profile::NATIONAL_TOML,
                by: "人事科 李明",
                made_at: "2026-01-16 09:00:00",
            };
            let (_, bytes) = make_package(&store, &profile, &request).expect("package");
            (kaohe_desk::summary::package_file_name(organ, 2025), bytes)
        })
        .collect();
    let mut hub = kaohe_store::Store::open(&dir.path().join("hub.db")).expect("汇总");
    let receipts = receive(&mut hub, &profile, &files, false, "组织部 王芳").expect("received");
    assert_eq!(receipts.received.len(), 3);
    let mut value = serde_json::to_value(summary(&hub, &profile, 2025).expect("summary")).expect("json");
    for organ in value["organs"].as_array_mut().expect("organs") {
        organ["received_at"] = "2026-01-20 10:00:00".into();
    }
    written("summary/summary.generated.json", &value).unwrap_or_else(|e| panic!("{e}"));
}
