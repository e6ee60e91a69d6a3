//! The 人员 grid's pages from a real database: filters, the year's result, the search, the sorts
//! and the paging, on five people of the sample roster whose answers are read off by hand.

use chrono::NaiveDate;
use kaohe_desk::{people_filters, people_page, DeskError};
use kaohe_engine::{Grade, NationalCode, Organ, Person, Profile, ResultCode, Roster, YearResult};
use kaohe_store::{GradeFilter, PeopleQuery, PeopleSort, PeopleSortKey, Store};
use kaohe_workbook::RosterRead;

const ORGANS: [&str; 3] = ["某市财政局", "某县人力资源和社会保障局", "某县市场监督管理局"];

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// 田建国, 马秀英, 黄浩然, 冯雅琴, 胡雅琴 in that roster order, with 2023 and 2024 results.
fn roster() -> Roster {
    #[rustfmt::skip]
    let people = [
        ("330102198808060235", "田建国", 0, Some("办公室"), "综合管理类", "二级主任科员", None, false, "2019-01-28"),
        ("330102199604250242", "马秀英", 0, Some("办公室"), "综合管理类", "一级科员", None, false, "2024-07-28"),
        ("330521198710050558", "黄浩然", 1, Some("就业股"), "综合管理类", "三级调研员", Some("局长"), true, "2024-03-01"),
        ("330522199707060860", "冯雅琴", 2, Some("执法大队"), "行政执法类", "二级主办", None, false, "2022-07-01"),
        ("33052119850420056X", "胡雅琴", 1, None, "综合管理类", "二级主任科员", None, false, "2021-12-01"),
    ];
    let mut roster = Roster {
        organs: ORGANS.iter().map(|o| Organ { name: (*o).to_owned(), ..Organ::default() }).collect(),
        ..Roster::default()
    };
    for (id, name, organ, department, category, rank, post, is_leader, since) in people {
        roster.people.push(Person {
            id: id.to_owned(),
            name: name.to_owned(),
            organ: ORGANS[organ].to_owned(),
            department: department.map(str::to_owned),
            category: category.to_owned(),
            rank: rank.to_owned(),
            rank_since: day(since),
            post: post.map(str::to_owned),
            is_leader,
            ..Person::default()
        });
    }
    let graded = |g| Some(ResultCode::Graded(g));
    let (good, fine, basic) = (Grade::Excellent, Grade::Competent, Grade::BasicallyCompetent);
    let years = [
        (2023, [graded(basic), graded(fine), graded(good), graded(fine), Some(ResultCode::UnderInvestigation)]),
        (2024, [graded(good), graded(fine), graded(fine), None, graded(fine)]),
    ];
    for (year, codes) in years {
        for (p, code) in roster.people.clone().iter().zip(codes) {
            if let Some(result) = code {
                roster.results.push(YearResult { person_id: p.id.clone(), year, result });
            }
        }
    }
    roster
}

fn database(dir: &std::path::Path) -> Store {
    let roster = roster();
    let read = RosterRead::of("名册.xlsx", roster);
    let mut store = Store::open(&dir.join("kaohe.db")).expect("store");
    store.import(&read, "名册.xlsx").expect("import");
    store
}

fn query() -> PeopleQuery {
    PeopleQuery { year: Some(2024), limit: 200, ..PeopleQuery::default() }
}

fn names(store: &Store, q: PeopleQuery) -> Vec<String> {
    let page = people_page(store, &Profile::national(), &q).expect("page");
    assert_eq!(page.matched as usize, page.rows.len(), "one page holds them all");
    assert_eq!(page.total, 5);
    page.rows.into_iter().map(|r| r.name).collect()
}

#[test]
fn the_filters_offer_what_the_database_holds_in_the_profiles_order() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = database(dir.path());
    let filters = people_filters(&store, &Profile::national()).expect("filters");
    assert_eq!(filters.total, 5);
    assert_eq!(filters.organs, ORGANS);
    assert_eq!(filters.categories, ["综合管理类", "行政执法类"]);
    assert_eq!(filters.ranks, ["三级调研员", "二级主任科员", "一级科员", "二级主办"]);
    assert_eq!(filters.years, [2023, 2024]);
}

#[test]
fn rows_carry_the_fields_and_the_years_result() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = database(dir.path());
    let page = people_page(&store, &Profile::national(), &query()).expect("page");
    let huang = &page.rows[2];
    assert_eq!(
        (huang.id.as_str(), huang.name.as_str(), huang.organ.as_str()),
        ("330521198710050558", "黄浩然", ORGANS[1])
    );
    assert_eq!(
        (huang.department.as_deref(), huang.category.as_str(), huang.rank.as_str()),
        (Some("就业股"), "综合管理类", "三级调研员")
    );
    assert_eq!((huang.post.as_deref(), huang.leader, huang.rank_since), (Some("局长"), true, day("2024-03-01")));
    let results: Vec<Option<&str>> = page.rows.iter().map(|r| r.result.map(NationalCode::code)).collect();
    assert_eq!(results, [Some("1"), Some("2"), Some("2"), None, Some("2")]);
    let page = people_page(&store, &Profile::national(), &PeopleQuery { year: Some(2023), ..query() }).expect("page");
    let results: Vec<Option<&str>> = page.rows.iter().map(|r| r.result.map(NationalCode::code)).collect();
    assert_eq!(results, [Some("3"), Some("2"), Some("1"), Some("2"), Some("5B")]);
    assert_eq!(page.rows[4].department, None);
}

#[test]
fn filters_by_organ_category_rank_and_leader() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = database(dir.path());
    let q = |f: fn(&mut PeopleQuery)| {
        let mut q = query();
        f(&mut q);
        names(&store, q)
    };
    assert_eq!(q(|_| {}), ["田建国", "马秀英", "黄浩然", "冯雅琴", "胡雅琴"]);
    assert_eq!(q(|q| q.organ = Some(ORGANS[1].into())), ["黄浩然", "胡雅琴"]);
    assert_eq!(q(|q| q.category = Some("行政执法类".into())), ["冯雅琴"]);
    assert_eq!(q(|q| q.rank = Some("二级主任科员".into())), ["田建国", "胡雅琴"]);
    assert_eq!(q(|q| q.leader = Some(true)), ["黄浩然"]);
    assert_eq!(
        q(|q| {
            q.leader = Some(false);
            q.organ = Some(ORGANS[1].into());
        }),
        ["胡雅琴"]
    );
}

#[test]
fn filters_by_the_chosen_years_result() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = database(dir.path());
    let q =
        |year: i32, grade: GradeFilter| names(&store, PeopleQuery { year: Some(year), grade: Some(grade), ..query() });
    let code = |c: &str| GradeFilter::Code(NationalCode::from_code(c).expect("a national code"));
    assert_eq!(q(2024, code("1")), ["田建国"]);
    assert_eq!(q(2023, code("1")), ["黄浩然"]);
    assert_eq!(q(2023, code("3")), ["田建国"]);
    assert_eq!(q(2023, GradeFilter::Ungraded), ["胡雅琴"]);
    assert_eq!(q(2024, GradeFilter::None), ["冯雅琴"]);
    assert_eq!(q(2025, GradeFilter::None).len(), 5, "nobody has a result in a year without any");
    assert!(q(2025, code("1")).is_empty());
    let organ = PeopleQuery { grade: Some(code("2")), organ: Some(ORGANS[0].into()), ..query() };
    assert_eq!(names(&store, organ), ["马秀英"]);
    // Without a year the grade filter is not applied.
    assert_eq!(names(&store, PeopleQuery { year: None, grade: Some(code("1")), ..query() }).len(), 5);
}

#[test]
fn searches_names_and_ids_ignoring_spaces_and_the_case_of_x() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = database(dir.path());
    let q = |text: &str, organ: Option<&str>| {
        names(&store, PeopleQuery { search: text.to_owned(), organ: organ.map(str::to_owned), ..query() })
    };
    assert_eq!(q("雅琴", None), ["冯雅琴", "胡雅琴"]);
    assert_eq!(q(" 田 建国", None), ["田建国"]);
    assert_eq!(q("　田建国\n", None), ["田建国"]);
    assert_eq!(q("056x", None), ["胡雅琴"]);
    assert_eq!(q("330102", None), ["田建国", "马秀英"]);
    assert!(q("330102", Some(ORGANS[1])).is_empty());
    assert!(q("%", None).is_empty(), "a LIKE wildcard is a character like any other");
}

#[test]
fn sorts_by_pinyin_by_the_ladder_and_by_date_keeping_roster_order_on_ties() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = database(dir.path());
    let sorted = |key: PeopleSortKey, descending: bool| {
        names(&store, PeopleQuery { sort: Some(PeopleSort { key, descending }), ..query() })
    };
    // 冯 féng, 胡 hú, 黄 huáng, 马 mǎ, 田 tián.
    assert_eq!(sorted(PeopleSortKey::Name, false), ["冯雅琴", "胡雅琴", "黄浩然", "马秀英", "田建国"]);
    assert_eq!(sorted(PeopleSortKey::Name, true), ["田建国", "马秀英", "黄浩然", "胡雅琴", "冯雅琴"]);
    assert_eq!(sorted(PeopleSortKey::Rank, false), ["黄浩然", "田建国", "胡雅琴", "马秀英", "冯雅琴"]);
    // Ties keep roster order in either direction.
    assert_eq!(sorted(PeopleSortKey::Rank, true), ["冯雅琴", "马秀英", "田建国", "胡雅琴", "黄浩然"]);
    assert_eq!(sorted(PeopleSortKey::RankSince, true), ["马秀英", "黄浩然", "冯雅琴", "胡雅琴", "田建国"]);
    assert_eq!(sorted(PeopleSortKey::Organ, false), ["田建国", "马秀英", "黄浩然", "胡雅琴", "冯雅琴"]);
    assert_eq!(sorted(PeopleSortKey::Organ, true), ["冯雅琴", "黄浩然", "胡雅琴", "田建国", "马秀英"]);
    // 办公室 bàn, 执法大队 zhí, 就业股 jiù; no department first.
    assert_eq!(sorted(PeopleSortKey::Department, false), ["胡雅琴", "田建国", "马秀英", "黄浩然", "冯雅琴"]);
    assert_eq!(sorted(PeopleSortKey::Id, false), ["田建国", "马秀英", "胡雅琴", "黄浩然", "冯雅琴"]);
    assert_eq!(sorted(PeopleSortKey::Post, true)[0], "黄浩然");
    // 行政执法类 xíng before 综合管理类 zōng.
    assert_eq!(sorted(PeopleSortKey::Category, false), ["冯雅琴", "田建国", "马秀英", "黄浩然", "胡雅琴"]);
}

#[test]
fn pages_follow_one_another_and_count_what_matches() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = database(dir.path());
    let profile = Profile::national();
    let by_name = Some(PeopleSort { key: PeopleSortKey::Name, descending: false });
    let page = |offset: u32| {
        people_page(&store, &profile, &PeopleQuery { offset, limit: 2, sort: by_name, ..query() }).expect("page")
    };
    let pages: Vec<Vec<String>> = [0, 2, 4, 6].map(|o| page(o).rows.into_iter().map(|r| r.name).collect()).to_vec();
    assert_eq!(pages, [vec!["冯雅琴", "胡雅琴"], vec!["黄浩然", "马秀英"], vec!["田建国"], vec![]]);
    let p = page(4);
    assert_eq!((p.offset, p.matched, p.total), (4, 5, 5));
    let filtered =
        people_page(&store, &profile, &PeopleQuery { search: "雅琴".into(), limit: 1, ..query() }).expect("page");
    assert_eq!((filtered.matched, filtered.total, filtered.rows.len()), (2, 5, 1));
}

#[test]
fn a_page_of_none_or_too_many_rows_or_a_year_out_of_range_is_refused() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = database(dir.path());
    let profile = Profile::national();
    for limit in [0, kaohe_desk::PAGE_LIMIT + 1] {
        let e = people_page(&store, &profile, &PeopleQuery { limit, ..query() }).expect_err("limit");
        assert!(matches!(e, DeskError::BadArgument(_)), "{e}");
        assert_eq!(e.code().name(), "bad_argument");
    }
    let e = people_page(&store, &profile, &PeopleQuery { year: Some(20245), ..query() }).expect_err("year");
    assert_eq!(e.to_string(), "年度「20245」无效");
}

#[test]
fn an_empty_database_has_no_rows_and_nothing_to_choose() {
    let dir = tempfile::tempdir().expect("tmp");
    let store = Store::open(&dir.path().join("empty.db")).expect("store");
    let filters = people_filters(&store, &Profile::national()).expect("filters");
    assert_eq!(filters, kaohe_store::PeopleFilters::default());
    let page = people_page(&store, &Profile::national(), &query()).expect("page");
    assert_eq!((page.matched, page.total, page.rows.len()), (0, 0, 0));
}
