//! The 人员 grid's pages, the person drawer and the 工作台 summary over the sample roster in a
//! real temporary database.

use chrono::NaiveDate;
use kaohe_desk::dashboard::{GradeSource, YearProgress};
use kaohe_desk::error::ErrorCode;
use kaohe_desk::person::{person_detail, RestrictionState, TimelineKind};
use kaohe_engine::promotion::SlotCode;
use kaohe_engine::{BlockCode, NationalCode};
use kaohe_store::{PeopleQuery, Store};

use super::Scratch;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

#[test]
fn people_pages_the_sample_with_its_filters() {
    let scratch = Scratch::new();
    let state = scratch.session();
    state.import_sample(super::SAMPLE).expect("import_sample");
    let filters = state.people_filters().expect("people_filters");
    assert_eq!(filters.total, 38);
    assert_eq!(filters.organs, ["某市财政局", "某县人力资源和社会保障局", "某县市场监督管理局"]);
    assert_eq!(filters.categories, ["综合管理类", "行政执法类"]);
    assert_eq!(filters.years, [2022, 2023, 2024]);
    // Ranks come in the profile's ladder order: 三级调研员 before 一级科员.
    let pos = |r: &str| filters.ranks.iter().position(|x| x == r).expect(r);
    assert!(pos("三级调研员") < pos("一级主任科员") && pos("一级主任科员") < pos("一级科员"));

    let page = |query: PeopleQuery| state.people_page(&PeopleQuery { limit: 200, ..query }).expect("people_page");
    let all = page(PeopleQuery { year: Some(2024), ..PeopleQuery::default() });
    assert_eq!((all.matched, all.total, all.rows.len()), (38, 38, 38));
    let first = &all.rows[0];
    assert_eq!((first.id.as_str(), first.name.as_str()), ("330102198808060235", "田建国"));
    assert_eq!((first.organ.as_str(), first.rank.as_str()), ("某市财政局", "二级主任科员"));
    assert_eq!((first.department.as_deref(), first.rank_since), (Some("办公室"), day("2019-01-28")));
    // 田建国: 2022 称职, 2023 基本称职, 2024 优秀.
    let codes: Vec<Option<&str>> = [2022, 2023, 2024]
        .map(|year| page(PeopleQuery { year: Some(year), limit: 1, ..PeopleQuery::default() }).rows[0].result)
        .map(|code| code.map(NationalCode::code))
        .to_vec();
    assert_eq!(codes, [Some("2"), Some("3"), Some("1")]);

    let huang = all.rows.iter().find(|r| r.name == "黄浩然").expect("黄浩然");
    assert!(huang.leader);
    assert_eq!(huang.post.as_deref(), Some("局长"));
    assert_eq!(page(PeopleQuery { leader: Some(true), ..PeopleQuery::default() }).matched, 2);
    let enforcement = page(PeopleQuery { category: Some("行政执法类".to_owned()), ..PeopleQuery::default() });
    assert_eq!((enforcement.matched, enforcement.total), (6, 38));

    // A page too long is refused in the clerk's words.
    let e = state.people_page(&PeopleQuery { limit: 100_000, ..PeopleQuery::default() }).expect_err("limit");
    assert_eq!(e.code, ErrorCode::BadArgument);
}

#[test]
fn person_shows_the_timeline_results_restrictions_and_promotion_today() {
    let scratch = Scratch::new();
    let state = scratch.session();
    state.import_sample(super::SAMPLE).expect("import_sample");

    let tian = state.person("330102198808060235", day("2026-01-01")).expect("person");
    assert_eq!(tian.person.name, "田建国");
    assert_eq!(tian.as_of, day("2026-01-01"));
    let results: Vec<(i32, &str)> = tian.results.iter().map(|r| (r.year, r.label)).collect();
    assert_eq!(results, [(2022, "称职"), (2023, "基本称职"), (2024, "优秀")]);
    // 警告 of 2025-09-17: six months, to 2026-03-16.
    assert_eq!(tian.restrictions.len(), 1);
    let warning = &tian.restrictions[0];
    assert_eq!(
        (warning.kind.as_str(), warning.date, warning.months, warning.until, warning.state),
        ("警告", day("2025-09-17"), Some(6), Some(day("2026-03-16")), RestrictionState::Active)
    );
    let rank = tian.timeline.iter().find(|e| e.kind == TimelineKind::Rank).expect("rank entry");
    assert_eq!((rank.value.as_deref(), rank.date, rank.current), (Some("二级主任科员"), Some(day("2019-01-28")), true));
    assert_eq!(rank.file.as_deref(), Some("名册示例.xlsx"));
    let kinds: Vec<TimelineKind> = tian.timeline.iter().map(|e| e.kind).collect();
    assert!(
        [TimelineKind::Added, TimelineKind::ServiceStart, TimelineKind::WorkStart].iter().all(|k| kinds.contains(k)),
        "{kinds:?}"
    );
    let promotion = tian.promotion.expect("promotion report");
    assert_eq!(promotion.target_rank.as_deref(), Some("一级主任科员"));
    assert_eq!(promotion.required_months, Some(24));
    assert!(promotion.qualified && !promotion.eligible);
    let blocks: Vec<(BlockCode, Option<NaiveDate>)> = promotion.blocks.iter().map(|b| (b.code, b.until)).collect();
    assert!(blocks.contains(&(BlockCode::Sanction, Some(day("2026-03-16")))), "{blocks:?}");
    assert!(promotion.reasons.iter().any(|r| r.contains("警告")), "{:?}", promotion.reasons);

    // 周春燕: the open investigation.
    let zhou = state.person("330102197404070328", day("2026-01-01")).expect("person");
    assert_eq!(
        zhou.restrictions.iter().map(|r| (r.kind.as_str(), r.state, r.until)).collect::<Vec<_>>(),
        [("立案调查", RestrictionState::Open, None)]
    );

    // A leader with a post: the post is in the timeline with its level and date (a 县 bureau's
    // 局长 is 乡科级正职).
    let huang = state.person("330521198710050558", day("2026-01-01")).expect("person");
    let post = huang.timeline.iter().find(|e| e.kind == TimelineKind::Post).expect("post entry");
    assert_eq!(
        (post.value.as_deref(), post.detail.as_deref(), post.date),
        (Some("局长"), Some("乡科级正职"), Some(day("2022-03-01")))
    );

    let e = state.person("110101199003071234", day("2026-01-01")).expect_err("unknown");
    assert_eq!(e.code, ErrorCode::UnknownPerson);
}

/// The drawer reads only the person's organ: for everyone in the sample, on dates around the
/// sample's restrictions and eligibility dates, the detail is the one computed from the whole
/// roster (the drawer's former way).
#[test]
fn person_from_the_organ_equals_person_from_everyone() {
    let scratch = Scratch::new();
    let state = scratch.session();
    state.import_sample(super::SAMPLE).expect("import_sample");
    let store = Store::open(&scratch.path("data/kaohe.db")).expect("open");
    let full = store.load_roster().expect("load");
    assert_eq!(full.people.len(), 38);
    for as_of in ["2025-06-30", "2026-01-01", "2026-03-20"].map(day) {
        for p in &full.people {
            let got = state.person(&p.id, as_of).expect("person");
            let history = store.history_with_imports(&p.id).expect("history");
            let want = person_detail(&full, &p.id, history, state.profile(), as_of).expect("in the roster");
            assert_eq!(got, want, "{} on {as_of}", p.name);
        }
    }
    // 2026-03-20. 某市财政局 has 2 free 一级和二级调研员 slots and three eligible 三级调研员: its
    // order (counted months first) proposes 梁宏伟 (78 months) and 高晓燕 (72 less 12 for 2023's
    // 基本称职) and leaves 曹雅琴 (61 less 12) waiting. 黄浩然 qualified on 2026-03-01, but his
    // county organ never filled in that pool's approved count; 王梦瑶 is 3 months short.
    let promotion = |id: &str| state.person(id, day("2026-03-20")).expect("person").promotion.expect("promotion");
    type Status = (Option<String>, u32, bool, Option<NaiveDate>, Option<SlotCode>);
    let status = |p: &kaohe_engine::report::PersonReport| -> Status {
        (p.target_rank.clone(), p.counted_months, p.eligible, p.eligible_on, p.slot)
    };
    let liang = promotion("330102198710140392");
    assert_eq!(
        status(&liang),
        (Some("二级调研员".into()), 78, true, Some(day("2021-09-01")), Some(SlotCode::Proposed))
    );
    assert!(
        liang.reasons.iter().any(|r| r.contains("空缺2名；在3名符合条件人员中排第1位，列入拟晋升人选")),
        "{:?}",
        liang.reasons
    );
    let gao = promotion("330102198702140501");
    assert_eq!(status(&gao), (Some("二级调研员".into()), 60, true, Some(day("2022-03-01")), Some(SlotCode::Proposed)));
    let cao = promotion("330102199403180460");
    assert_eq!(status(&cao), (Some("二级调研员".into()), 49, true, Some(day("2024-01-28")), Some(SlotCode::Waiting)));
    assert!(cao.reasons.iter().any(|r| r.contains("在3名符合条件人员中排第3位，超出空缺数")), "{:?}", cao.reasons);
    let huang = promotion("330521198710050558");
    assert_eq!(
        status(&huang),
        (Some("二级调研员".into()), 24, true, Some(day("2026-03-01")), Some(SlotCode::NotApproved))
    );
    let wang = promotion("330102199410020406");
    assert_eq!(status(&wang), (Some("二级调研员".into()), 21, false, Some(day("2026-06-15")), None));
    assert_eq!((wang.required_months, wang.qualified), (Some(24), false));
}

#[test]
fn dashboard_counts_the_sample_and_lists_what_falls_due() {
    let scratch = Scratch::new();
    let state = scratch.session();
    let empty = state.dashboard(day("2026-01-01"), 90).expect("empty dashboard");
    assert_eq!(
        (empty.people, empty.assessment.state, empty.grades.source),
        (0, YearProgress::NotStarted, GradeSource::None)
    );
    state.import_sample(super::SAMPLE).expect("import_sample");

    let d = state.dashboard(day("2026-01-01"), 90).expect("dashboard");
    assert_eq!(d.horizon_end, day("2026-04-01"));
    assert_eq!((d.people, d.leaders), (38, 2));
    let counts = |c: &[kaohe_desk::dashboard::Count]| c.iter().map(|c| (c.name.clone(), c.count)).collect::<Vec<_>>();
    assert_eq!(
        counts(&d.by_organ),
        [
            ("某市财政局".to_owned(), 16),
            ("某县人力资源和社会保障局".to_owned(), 11),
            ("某县市场监督管理局".to_owned(), 11)
        ]
    );
    assert_eq!(counts(&d.by_category), [("综合管理类".to_owned(), 32), ("行政执法类".to_owned(), 6)]);
    assert_eq!(d.by_rank.iter().map(|c| c.count).sum::<u32>(), 38);
    assert_eq!(d.by_rank.iter().find(|c| c.name == "三级调研员").map(|c| c.count), Some(6));

    // 2025: scores, proposals and 平时 records, nothing finalised.
    assert_eq!((d.assessment.year, d.assessment.state, d.assessment.results), (2025, YearProgress::InProgress, 0));
    assert_eq!(d.grades.year, 2025);
    assert_eq!(d.grades.source, GradeSource::InProgress);
    let finance = &d.grades.organs[0];
    assert_eq!(finance.organ, "某市财政局");
    assert_eq!(finance.grades.iter().sum::<u32>() + finance.ungraded + finance.none, 16);
    assert_eq!(finance.grades[0], 3, "梁宏伟, 董静怡 and 高晓燕 are suggested 优秀");

    let eligible: Vec<(&str, NaiveDate, &str)> =
        d.alerts.eligible.iter().map(|a| (a.name.as_str(), a.eligible_on, a.target_rank.as_str())).collect();
    // 黄浩然: 三级调研员 since 2024-03-01, two years; 梁雅琴: 一级科员 since 2024-03-28, two years.
    assert_eq!(eligible, [("黄浩然", day("2026-03-01"), "二级调研员"), ("梁雅琴", day("2026-03-28"), "四级主任科员")]);
    let restrictions: Vec<(&str, &str, NaiveDate)> =
        d.alerts.restrictions.iter().map(|a| (a.name.as_str(), a.kind.as_str(), a.until)).collect();
    // 王宏伟 诫勉 2025-07-22 (6 months) and 田建国 警告 2025-09-17 (6 months) end by 2026-04-01;
    // 郑明辉 诫勉 2025-10-02 ends 2026-04-01 too; 宋丽娜 诫勉 2025-10-14 ends 2026-04-13, later.
    assert_eq!(
        restrictions,
        [
            ("王宏伟", "诫勉", day("2026-01-21")),
            ("田建国", "警告", day("2026-03-16")),
            ("郑明辉", "诫勉", day("2026-04-01"))
        ]
    );
    assert!(d.alerts.probation_rule);
    assert!(d.alerts.probations.is_empty(), "the sample's people all entered service by 2019");
    assert!(d.alerts.steps.is_empty(), "the sample has no 级别/档次 columns");

    // A year before: 2024's results were imported, so the chart shows them.
    let d2024 = state.dashboard(day("2025-06-01"), 30).expect("dashboard");
    assert_eq!((d2024.assessment.year, d2024.assessment.results, d2024.grades.source), (2024, 38, GradeSource::Stored));
    let bars: Vec<(&str, [u32; 4], u32, u32)> =
        d2024.grades.organs.iter().map(|o| (o.organ.as_str(), o.grades, o.ungraded, o.none)).collect();
    assert_eq!(
        bars,
        [
            ("某市财政局", [5, 11, 0, 0], 0, 0),
            ("某县人力资源和社会保障局", [1, 10, 0, 0], 0, 0),
            ("某县市场监督管理局", [3, 8, 0, 0], 0, 0)
        ]
    );

    // Once 2025 is finalised (周志强 over the 领导成员 quota settled first), it says so.
    let by = "人事科 李明";
    state
        .assessment_override(2025, "330521197211100691", "称职", "领导成员优秀名额为0，经考核委员会研究确定为称职", by)
        .expect("override");
    state.assessment_finalize(2025, day("2026-01-15"), by).expect("finalize");
    let done = state.dashboard(day("2026-02-01"), 90).expect("dashboard");
    assert_eq!(
        (done.assessment.state, done.assessment.finalized_on, done.assessment.overrides),
        (YearProgress::Finalized, Some(day("2026-01-15")), 1)
    );
    assert_eq!((done.grades.source, done.grades.organs[0].grades[0]), (GradeSource::Stored, 3));

    let e = state.dashboard(day("2026-01-01"), 0).expect_err("no horizon");
    assert_eq!(e.code, ErrorCode::BadArgument);
}
