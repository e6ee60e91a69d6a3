//! The 人员 grid, the person drawer and the 工作台 summary over the sample roster in a real
//! temporary database, and the grid's size and time for 100,000 people.

use std::time::Instant;

use chrono::NaiveDate;
use kaohe_app::dashboard::{GradeSource, YearProgress};
use kaohe_app::error::ErrorCode;
use kaohe_app::people::{people_grid, person_detail, RestrictionState, TimelineKind};
use kaohe_engine::{BlockCode, Grade, Person, Profile, ResultCode, Roster, YearResult};
use kaohe_store::Store;

use super::Scratch;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

#[test]
fn people_lists_the_sample_column_by_column() {
    let scratch = Scratch::new();
    let state = scratch.state(None);
    state.import_sample().expect("import_sample");
    let grid = state.people().expect("people");

    assert_eq!(grid.id.len(), 38);
    assert_eq!(grid.organs, ["某市财政局", "某县人力资源和社会保障局", "某县市场监督管理局"]);
    assert_eq!(grid.categories, ["综合管理类", "行政执法类"]);
    assert_eq!(grid.years, [2022, 2023, 2024]);
    let first = 0;
    assert_eq!((grid.id[first].as_str(), grid.name[first].as_str()), ("330102198808060235", "田建国"));
    assert_eq!(grid.organs[grid.organ[first] as usize], "某市财政局");
    assert_eq!(grid.ranks[grid.rank[first] as usize], "二级主任科员");
    assert_eq!(grid.departments[grid.department[first].expect("部门") as usize], "办公室");
    assert_eq!(grid.rank_since[first], day("2019-01-28"));
    // 田建国: 2022 称职, 2023 基本称职, 2024 优秀.
    let codes: Vec<Option<&str>> = grid.results.iter().map(|col| col[first]).collect();
    assert_eq!(codes, [Some("2"), Some("3"), Some("1")]);

    let huang = grid.name.iter().position(|n| n == "黄浩然").expect("黄浩然");
    assert!(grid.leader[huang]);
    assert_eq!(grid.post[huang].as_deref(), Some("局长"));
    assert_eq!(grid.leader.iter().filter(|l| **l).count(), 2);
    // Ranks come in the profile's ladder order: 三级调研员 before 一级科员.
    let pos = |r: &str| grid.ranks.iter().position(|x| x == r).expect(r);
    assert!(pos("三级调研员") < pos("一级主任科员") && pos("一级主任科员") < pos("一级科员"));
    let enforcement = grid.categories.iter().position(|c| c == "行政执法类").expect("行政执法类") as u32;
    assert_eq!(grid.category.iter().filter(|c| **c == enforcement).count(), 6);
}

#[test]
fn person_shows_the_timeline_results_restrictions_and_promotion_today() {
    let scratch = Scratch::new();
    let state = scratch.state(None);
    state.import_sample().expect("import_sample");

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
    let state = scratch.state(None);
    state.import_sample().expect("import_sample");
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
    type Status<'a> = (Option<String>, u32, bool, Option<NaiveDate>, Option<&'a str>);
    let status = |p: &kaohe_engine::report::PersonReport| -> Status {
        (p.target_rank.clone(), p.counted_months, p.eligible, p.eligible_on, p.slot)
    };
    let liang = promotion("330102198710140392");
    assert_eq!(status(&liang), (Some("二级调研员".into()), 78, true, Some(day("2021-09-01")), Some("proposed")));
    assert!(
        liang.reasons.iter().any(|r| r.contains("空缺2名；在3名符合条件人员中排第1位，列入拟晋升人选")),
        "{:?}",
        liang.reasons
    );
    let gao = promotion("330102198702140501");
    assert_eq!(status(&gao), (Some("二级调研员".into()), 60, true, Some(day("2022-03-01")), Some("proposed")));
    let cao = promotion("330102199403180460");
    assert_eq!(status(&cao), (Some("二级调研员".into()), 49, true, Some(day("2024-01-28")), Some("waiting")));
    assert!(cao.reasons.iter().any(|r| r.contains("在3名符合条件人员中排第3位，超出空缺数")), "{:?}", cao.reasons);
    let huang = promotion("330521198710050558");
    assert_eq!(status(&huang), (Some("二级调研员".into()), 24, true, Some(day("2026-03-01")), Some("not_approved")));
    let wang = promotion("330102199410020406");
    assert_eq!(status(&wang), (Some("二级调研员".into()), 21, false, Some(day("2026-06-15")), None));
    assert_eq!((wang.required_months, wang.qualified), (Some(24), false));
}

#[test]
fn dashboard_counts_the_sample_and_lists_what_falls_due() {
    let scratch = Scratch::new();
    let state = scratch.state(None);
    let empty = state.dashboard(day("2026-01-01"), 90).expect("empty dashboard");
    assert_eq!(
        (empty.people, empty.assessment.state, empty.grades.source),
        (0, YearProgress::NotStarted, GradeSource::None)
    );
    state.import_sample().expect("import_sample");

    let d = state.dashboard(day("2026-01-01"), 90).expect("dashboard");
    assert_eq!(d.horizon_end, day("2026-04-01"));
    assert_eq!((d.people, d.leaders), (38, 2));
    let counts = |c: &[kaohe_app::dashboard::Count]| c.iter().map(|c| (c.name.clone(), c.count)).collect::<Vec<_>>();
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

fn person(i: usize, organs: usize) -> Person {
    Person {
        id: format!("{:017}{}", 110_101_198_000_000_000u64 / 10 + i as u64, i % 10),
        name: ["张伟", "王秀英", "李娜", "刘洋", "陈静", "杨帆", "赵敏", "黄磊"][i % 8].to_owned(),
        organ: format!("某市第{}局", i % organs),
        department: Some(["办公室", "综合科", "执法大队", "财务科"][i % 4].to_owned()),
        category: ["综合管理类", "行政执法类"][i % 2].to_owned(),
        rank: ["一级科员", "四级主任科员", "三级主任科员", "二级主任科员"][i % 4].to_owned(),
        rank_since: NaiveDate::from_ymd_opt(2015 + (i % 10) as i32, 1 + (i % 12) as u32, 1).expect("date"),
        post: i.is_multiple_of(20).then(|| "科长".to_owned()),
        is_leader: i.is_multiple_of(50),
        ..Person::default()
    }
}

/// Measures what the `people` command sends for 100,000 people (debug build: an upper bound).
/// With `KAOHE_GRID_JSON=<file>` the JSON is written there (to time JSON.parse in the UI).
#[test]
fn a_100k_roster_fits_the_grid() {
    let profile = Profile::national();
    let n = 100_000;
    let mut roster = Roster { people: (0..n).map(|i| person(i, 500)).collect(), ..Roster::default() };
    for (i, p) in roster.people.iter().enumerate() {
        for year in 2022..=2024 {
            let grade = if (i + year as usize).is_multiple_of(7) { Grade::Excellent } else { Grade::Competent };
            roster.results.push(YearResult { person_id: p.id.clone(), year, result: ResultCode::Graded(grade) });
        }
    }
    let started = Instant::now();
    let grid = people_grid(&roster, &profile);
    let built = started.elapsed();
    let json = serde_json::to_string(&grid).expect("json");
    let total = started.elapsed();
    assert_eq!(grid.id.len(), n);
    assert_eq!(grid.organs.len(), 500);
    assert_eq!(grid.results.len(), 3);

    // The same data as row objects with the Rust field names, for comparison.
    let rows: Vec<serde_json::Value> = roster
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            serde_json::json!({"id": p.id, "name": p.name, "organ": p.organ, "department": p.department, "category": p.category,
                "rank": p.rank, "post": p.post, "leader": p.is_leader, "rank_since": p.rank_since,
                "results": {"2022": grid.results[0][i], "2023": grid.results[1][i], "2024": grid.results[2][i]}})
        })
        .collect();
    let as_rows = serde_json::to_string(&rows).expect("json");
    println!(
        "people grid, {n} people: columnar {:.2} MB (built {:?}, with JSON {:?}); as row objects {:.2} MB",
        json.len() as f64 / 1e6,
        built,
        total,
        as_rows.len() as f64 / 1e6
    );
    assert!(json.len() < 8_500_000, "{} bytes", json.len());
    assert!(json.len() * 2 < as_rows.len(), "columnar {} vs rows {}", json.len(), as_rows.len());
    if let Some(path) = std::env::var_os("KAOHE_GRID_JSON") {
        std::fs::write(path, &json).expect("write");
    }
}
