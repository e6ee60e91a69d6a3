//! The printed documents as both front ends get them: the same pages from the database as from
//! the roster it holds, one title and file name, and the same refusals in the same words (from a
//! database or a roster file alike).

use chrono::NaiveDate;
use kaohe_desk::{print, DeskError, PrintRequest, Source};
use kaohe_engine::Profile;
use kaohe_print::{Basis, Document, Scope};
use kaohe_store::Store;
use std::path::Path;

fn sample() -> kaohe_engine::Roster {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sample/名册示例.xlsx");
    kaohe_workbook::read_roster(&path, &Profile::national()).expect("the sample roster").roster
}

fn request(document: Document) -> PrintRequest {
    PrintRequest {
        document,
        year: None,
        as_of: None,
        scope: Scope::default(),
        from: NaiveDate::from_ymd_opt(2026, 1, 12).expect("date"),
    }
}

fn database(dir: &Path) -> Store {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/sample/名册示例.xlsx");
    let read = kaohe_workbook::read_roster(&path, &Profile::national()).expect("read");
    let mut store = Store::open(&dir.join("kaohe.db")).expect("store");
    store.import(&read, "名册示例.xlsx").expect("import");
    store
}

#[test]
fn the_database_and_the_roster_it_holds_print_the_same_pages() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = database(dir.path());
    let roster = store.load_roster().expect("roster");
    let profile = Profile::national();
    for document in Document::ALL.into_iter().filter(|d| d.basis() != Basis::Packages) {
        let asked =
            PrintRequest { year: Some(2025), as_of: NaiveDate::from_ymd_opt(2025, 12, 31), ..request(document) };
        let from_db =
            print(Source::Database(&store), &profile, &asked).unwrap_or_else(|e| panic!("{}: {e}", document.name()));
        let from_roster =
            print(Source::Roster(&roster), &profile, &asked).unwrap_or_else(|e| panic!("{}: {e}", document.name()));
        assert!(from_db.rendered.html == from_roster.rendered.html, "{}: the pages differ", document.name());
        // Read ahead (as the app's preview does, to render without holding the database).
        let (read, decisions) = kaohe_desk::read_ahead(&store, asked.year).expect("read ahead");
        let ahead = print(Source::ReadAhead { roster: &read, decisions: &decisions }, &profile, &asked)
            .unwrap_or_else(|e| panic!("{}: {e}", document.name()));
        assert!(from_db.rendered.html == ahead.rendered.html, "{}: read ahead, the pages differ", document.name());
        assert_eq!(from_db.title, ahead.title);
        assert_eq!(from_db.title, from_roster.title);
        assert!(from_db.rendered.html.contains("<html"), "{}", document.name());
    }
}

#[test]
fn titles_and_file_names_say_the_year_or_date_and_the_organ() {
    let roster = sample();
    let profile = Profile::national();
    let organ = roster.organs[0].name.clone();
    let scope = Scope { organ: Some(organ.clone()), pool: None };
    let forms = print(
        Source::Roster(&roster),
        &profile,
        &PrintRequest { year: Some(2025), scope: scope.clone(), ..request(Document::ExcellentPublicity) },
    )
    .expect("公示");
    assert_eq!(forms.title, format!("年度考核优秀等次人选公示（2025年度·{organ}）"));
    assert_eq!(forms.file_stem, format!("{organ}2025年度优秀公示"));
    let slots = print(
        Source::Roster(&roster),
        &profile,
        &PrintRequest { as_of: NaiveDate::from_ymd_opt(2025, 12, 31), scope, ..request(Document::SlotTable) },
    )
    .expect("职数");
    assert_eq!(slots.title, format!("职数使用情况表（截至2025年12月31日·{organ}）"));
    assert_eq!(slots.file_stem, format!("{organ}职数"));
    let all = print(
        Source::Roster(&roster),
        &profile,
        &PrintRequest { year: Some(2025), ..request(Document::RegistrationForms) },
    )
    .expect("登记表");
    assert_eq!((all.title.as_str(), all.file_stem.as_str()), ("年度考核登记表（2025年度）", "2025年度登记表"));
    assert_eq!(all.rendered.pages, Some(roster.people.len()), "one page per person");
}

#[test]
fn requests_are_refused_the_same_way_for_both_front_ends() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = database(dir.path());
    let profile = Profile::national();
    let refused = |asked: PrintRequest| match print(Source::Database(&store), &profile, &asked) {
        Err(e) => (e.code().name(), e.to_string()),
        Ok(_) => panic!("{} printed", asked.document.name()),
    };
    assert_eq!(refused(request(Document::RegistrationForms)), ("bad_argument", "「登记表」需要考核年度".into()));
    assert_eq!(refused(request(Document::PromotionPublicity)), ("bad_argument", "「晋升公示」需要资格计算日期".into()));
    assert_eq!(
        refused(PrintRequest { year: Some(3000), ..request(Document::QuotaTable) }),
        ("bad_argument", "年度「3000」无效".into())
    );
    let nowhere = Scope { organ: Some("不存在的局".into()), pool: None };
    assert_eq!(
        refused(PrintRequest { year: Some(2025), scope: nowhere, ..request(Document::AssessmentSummary) }),
        ("unknown_organ", "数据库中没有单位「不存在的局」".into())
    );
    let no_pool = Scope { organ: None, pool: Some("没有的考核池".into()) };
    assert_eq!(
        refused(PrintRequest { year: Some(2025), scope: no_pool, ..request(Document::QuotaTable) }),
        ("bad_argument", "2025年度没有考核池「没有的考核池」".into())
    );
    assert!(matches!(
        print(Source::Database(&store), &profile, &request(Document::SlotTable)),
        Err(DeskError::BadArgument(_))
    ));
    // A roster read from a file is held to the organs it lists, in its own words.
    let roster = store.load_roster().expect("roster");
    let elsewhere = Scope { organ: Some("不存在的局".into()), pool: None };
    let asked = PrintRequest { year: Some(2025), scope: elsewhere, ..request(Document::RegistrationForms) };
    let e = print(Source::Roster(&roster), &profile, &asked).err().expect("refused");
    assert_eq!((e.code().name(), e.to_string()), ("unknown_organ", "名册中没有单位「不存在的局」".to_string()));
}

#[test]
fn documents_are_named_as_clerks_name_them() {
    assert_eq!(Document::names(), "登记表、优秀公示、晋升公示、考核汇总、名额测算、晋升审核、职数、上报汇总");
    for d in Document::ALL {
        assert_eq!(Document::from_name(&format!(" {} ", d.name())), Some(d));
    }
    assert_eq!(Document::from_name("花名册"), None);
    assert!(
        Document::ExcellentPublicity.publicity()
            && Document::PromotionPublicity.publicity()
            && !Document::SlotTable.publicity()
    );
}

#[test]
fn a_regular_check_over_its_limit_cites_its_rule_as_unverified() {
    let roster = sample();
    let profile = Profile::national();
    let (_, report) = kaohe_desk::assessment_report(&roster, &profile, 2025, &Default::default());
    let checks: Vec<_> = report.pools.iter().flat_map(|p| p.regular_checks.iter().map(move |c| (p, c))).collect();
    let (pool, q1) = checks.iter().find(|(_, c)| c.period == "Q1").expect("a 平时 check over 40% in the sample");
    assert_eq!(pool.organ, "某市财政局");
    assert_eq!((q1.recorded, q1.good, q1.limit), (16, 16, 6));
    // The 40% is local practice (待核实): the citation's status says so, and the line as read.
    let cites: Vec<_> = q1.reason.cites().map(|(_, status)| status).collect();
    assert_eq!(cites, [kaohe_engine::Status::U]);
    assert!(q1.reason.to_string().ends_with("；待核实〕"), "{}", q1.reason);
}

/// Every document of one organ of the sample (上报汇总: of the three organs' packages, below), as
/// printed: a snapshot each
/// (tests/snapshots/print__*.snap), so that any change to what a clerk prints is seen in review.
/// A deliberate change is accepted with `INSTA_UPDATE=always cargo test -p kaohe-desk --test print`
/// and the new snapshot read before it is committed.
#[test]
fn every_document_prints_as_its_snapshot() {
    let roster = sample();
    let profile = Profile::national();
    for document in Document::ALL.into_iter().filter(|d| d.basis() != Basis::Packages) {
        let asked = PrintRequest {
            year: Some(2025),
            as_of: NaiveDate::from_ymd_opt(2025, 12, 31),
            scope: Scope { organ: Some("某县人力资源和社会保障局".into()), pool: None },
            ..request(document)
        };
        let printed = print(Source::Roster(&roster), &profile, &asked).unwrap_or_else(|e| panic!("{e}"));
        insta::assert_snapshot!(format!("{document:?}"), printed.rendered.html);
    }
}

/// A 汇总 database that received the sample's 2025, finalised (周志强's 优秀 over a quota of 0 set
/// to 称职 first), from each of its three organs.
fn hub(dir: &Path) -> Store {
    use kaohe_desk::summary::{make_package, package_file_name, receive, MakeRequest};
    let profile = Profile::national();
    let mut store = database(dir);
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
    let on = NaiveDate::from_ymd_opt(2026, 1, 15).expect("date");
    kaohe_desk::committee::finalize(&mut store, &profile, 2025, on, "人事科 李明").expect("finalised");
    let files: Vec<(String, Vec<u8>)> = ["某市财政局", "某县人力资源和社会保障局", "某县市场监督管理局"]
        .into_iter()
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
            (package_file_name(organ, 2025), bytes)
        })
        .collect();
    let mut hub = Store::open(&dir.join("汇总.db")).expect("汇总");
    let receipts = receive(&mut hub, &profile, &files, false, "组织部 王芳").expect("received");
    assert_eq!(receipts.received.len(), 3);
    hub
}

/// The rows of a page's tables, each row's cells as text (headers and cells alike).
fn rows(html: &str) -> Vec<Vec<String>> {
    html.split("<tr>")
        .skip(1)
        .map(|row| {
            let row = row.split("</tr>").next().unwrap_or_default();
            // 「<td class="num">16」, 「d><td>某市财政局」 …, and after the last cell 「d>」.
            let mut cells: Vec<String> =
                row.split("</t").filter_map(|cell| cell.rsplit_once('>')).map(|(_, text)| text.to_string()).collect();
            cells.pop();
            cells
        })
        .collect()
}

/// 上报汇总 of three organs, the figures a clerk checks against the 汇总 page: an organ's row and the
/// 合计 (people, participants, quota, 优秀 … its share), the categories and tiers, each organ's
/// package (who made it and when), a title and file name of the year.
#[test]
fn the_reported_summary_prints_each_organs_figures() {
    let dir = tempfile::tempdir().expect("tmp");
    let hub = hub(dir.path());
    let profile = Profile::national();
    let asked = PrintRequest { year: Some(2025), ..request(Document::ReportedSummary) };
    let printed = print(Source::Database(&hub), &profile, &asked).expect("上报汇总");
    assert_eq!(printed.title, "2025年度考核结果汇总表（各单位上报）");
    assert_eq!(printed.file_stem, "2025年度上报汇总");
    let html = &printed.rendered.html;
    assert!(html.contains("<h1>2025年度考核结果汇总表（各单位上报）</h1>"), "{html}");
    assert!(html.contains("<span>3个单位已上报</span>"), "{html}");
    // The 各单位 table under its name (the heading says the year and the rules already), the
    // 优秀比例 centred as the counts are.
    assert!(html.contains("<h2>各单位</h2>") && !html.contains("<h2>2025年度考核结果汇总表"), "{html}");
    assert!(html.contains("<td class=\"num\">20%</td>"), "{html}");
    let rows = rows(html);
    let row = |first: &str| rows.iter().find(|r| r[0] == first).unwrap_or_else(|| panic!("no row {first}: {rows:?}"));
    assert_eq!(
        row("单位")[..10],
        ["单位", "人数", "参加人数", "优秀名额", "优秀", "称职", "基本称职", "不称职", "不定等次等", "优秀比例"]
    );
    assert_eq!(row("某市财政局")[1..5], ["16", "15", "3", "3"]);
    assert_eq!(row("某市财政局")[9], "20%");
    assert_eq!(row("合计")[1..5], ["38", "35", "6", "4"]);
    assert_eq!(row("合计")[9], "11.43%");
    assert_eq!(row("职位类别"), &["职位类别", "优秀", "称职", "基本称职", "不称职", "不定等次等"]);
    assert!(rows.iter().any(|r| r[0] == "综合管理类") && rows.iter().any(|r| r[0] == "行政执法类"), "{rows:?}");
    assert_eq!(row("层次")[0], "层次");
    // 上报情况: who made the package, when, and the year's finalisation.
    let reported: Vec<&Vec<String>> = rows.iter().filter(|r| r.len() == 6 && r[1] == "人事科 李明").collect();
    assert_eq!(reported.len(), 3, "{rows:?}");
    assert_eq!(reported[0][2..4], ["2026-01-16 09:00:00", "2026-01-15"]);
    // The 晋升与职数 of each organ's pools.
    assert!(rows.iter().any(|r| r[0] == "某市财政局" && r[1] == "一级和二级主任科员"), "{rows:?}");
    // No organ over the normal ratio, none missing (no list of organs), no conflict: no such tables.
    assert!(!html.contains("优秀比例超过") && !html.contains("尚未上报的单位") && !html.contains("上报中的冲突"));
}

/// 上报汇总 as printed, the received times set to a fixed one (the clock stamps them).
#[test]
fn the_reported_summary_prints_as_its_snapshot() {
    let dir = tempfile::tempdir().expect("tmp");
    let hub = hub(dir.path());
    let mut summary = kaohe_desk::summary::summary(&hub, &Profile::national(), 2025).expect("汇总");
    for organ in &mut summary.organs {
        organ.received_at = "2026-01-20 10:00:00".into();
    }
    let printed = kaohe_desk::summary::printed(&summary).expect("上报汇总");
    insta::assert_snapshot!("ReportedSummary", printed.rendered.html);
}

/// 上报汇总 is of a 汇总 database's packages: a year without one, a roster, an organ or pool asked
/// for, a year left out, each refused in words.
#[test]
fn the_reported_summary_is_refused_without_packages() {
    let dir = tempfile::tempdir().expect("tmp");
    let hub = hub(dir.path());
    let profile = Profile::national();
    let refused = |source: Source<'_>, asked: PrintRequest| match print(source, &profile, &asked) {
        Err(e) => (e.code().name(), e.to_string()),
        Ok(_) => panic!("printed"),
    };
    let of = |year| PrintRequest { year: Some(year), ..request(Document::ReportedSummary) };
    assert_eq!(
        refused(Source::Database(&hub), of(2024)),
        (
            "bad_argument",
            "数据库中没有2024年度的上报文件，不能打印各单位汇总表：请先接收各单位2024年度的上报文件".into()
        )
    );
    let organ_db = Store::open(&dir.path().join("kaohe.db")).expect("the organ's database");
    assert_eq!(
        refused(Source::Database(&organ_db), of(2025)).1,
        "数据库中没有2025年度的上报文件，不能打印各单位汇总表：请先接收各单位2025年度的上报文件"
    );
    let roster = organ_db.load_roster().expect("roster");
    assert_eq!(
        refused(Source::Roster(&roster), of(2025)),
        ("bad_argument", "「上报汇总」由汇总数据库收到的各单位上报文件生成，不能由名册生成".into())
    );
    let one = PrintRequest { scope: Scope { organ: Some("某市财政局".into()), pool: None }, ..of(2025) };
    assert_eq!(
        refused(Source::Database(&hub), one),
        ("bad_argument", "「上报汇总」汇总全部上报单位，不能限定单位或考核池".into())
    );
    assert_eq!(
        refused(Source::Database(&hub), request(Document::ReportedSummary)),
        ("bad_argument", "「上报汇总」需要考核年度".into())
    );
}
