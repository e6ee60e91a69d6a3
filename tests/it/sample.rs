//! The sample roster the app offers with one click (fixtures/sample/名册示例.xlsx): it must match
//! its TOML source, import cleanly, and give the results a clerk would expect.

use calamine::{open_workbook_auto, Data, Reader};
use kaohe_engine::{promote, Profile};
use kaohe_tests::{root, write_sheets};
use std::path::Path;

pub(crate) fn cells(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book = open_workbook_auto(path).expect("workbook opens");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet reads");
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::DateTime(d) => d.as_datetime().map(|d| d.date().to_string()).unwrap_or_default(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn sample_workbook_matches_its_source() {
    let dir = root().join("fixtures/sample");
    let source: toml::Table =
        toml::from_str(&std::fs::read_to_string(dir.join("名册示例.toml")).expect("source")).expect("toml");
    let sheets = source.get("sheets").and_then(|s| s.as_table()).expect("[sheets]");
    let committed = dir.join("名册示例.xlsx");
    if std::env::var_os("KAOHE_BLESS").is_some() {
        write_sheets(sheets, &committed).expect("write sample");
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let fresh = tmp.path().join("fresh.xlsx");
    write_sheets(sheets, &fresh).expect("write");
    assert_eq!(
        cells(&committed),
        cells(&fresh),
        "fixtures/sample/名册示例.xlsx is stale: run KAOHE_BLESS=1 cargo test -p kaohe-tests sample"
    );
}

#[test]
fn sample_imports_cleanly_and_decides() {
    let profile = Profile::national();
    let read = kaohe_workbook::read_roster(&root().join("fixtures/sample/名册示例.xlsx"), &profile).expect("reads");
    let errors: Vec<_> = read.issues.iter().map(|i| i.message.clone()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(read.roster.people.len(), 38);
    assert_eq!(read.roster.organs.len(), 3);
    assert_eq!(read.roster.results.len(), 114);
    assert_eq!(read.roster.restrictions.len(), 5);
    // Three people's ranks as the 职级变动 sheet lists them.
    assert_eq!(read.roster.rank_records.len(), 5);
    // Text dates such as "2019.03" were read as the first of the month.
    assert!(read.roster.people.iter().any(|p| p.rank_since.format("%d").to_string() == "01"));

    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
    let result = promote(&read.roster, &profile, as_of);
    let report = kaohe_engine::report::PromotionReport::build(&result, &read.roster, &profile);
    let investigated = report.people.iter().find(|p| p.id == read.roster.people[5].id).expect("person 6");
    assert!(!investigated.eligible);
    assert!(investigated.blocks.iter().any(|b| b.reasons_code() == "investigation"), "{investigated:#?}");
    // A 县 organ never proposes anyone above 二级调研员's level.
    for p in report.people.iter().filter(|p| p.organ.starts_with("某县")) {
        if p.target_rank.as_deref() == Some("一级调研员") {
            assert!(p.blocks.iter().any(|b| b.reasons_code() == "organ_cap"));
        }
    }
    // Every pool's proposals fit in its free slots.
    for pool in &report.pools {
        assert!(pool.proposed.len() as u32 <= pool.free.unwrap_or(0), "{pool:?}");
    }
}

/// The sample is what a real office would hold: a 县 organ's 局长 is 乡科级正职 (no 县处级 post in a
/// 县 bureau), a 股长 holds no leading-post level, nobody's rank is below the starting rank of
/// their education, and nobody proposed is near retirement.
#[test]
fn sample_is_plausible() {
    let profile = Profile::national();
    let roster =
        kaohe_workbook::read_roster(&root().join("fixtures/sample/名册示例.xlsx"), &profile).expect("reads").roster;
    let level_of =
        |organ: &str| roster.organs.iter().find(|o| o.name == organ).and_then(|o| o.level.clone()).unwrap_or_default();
    for p in &roster.people {
        if level_of(&p.organ) == "县" {
            assert!(
                !p.post_level.as_deref().unwrap_or_default().starts_with("县处级"),
                "{}: a 县 bureau's post is at most 乡科级",
                p.name
            );
        }
        if p.post.as_deref() == Some("股长") {
            assert!(p.post_level.is_none(), "{}: 股长 is not a leading-post level", p.name);
        }
        let rank = profile.rank(profile.rank_ref(&p.rank).expect("rank")).level;
        let education = p.education.as_deref().expect("education");
        let start = profile
            .starting_ranks
            .iter()
            .find(|s| s.education == education || s.aliases.iter().any(|a| a == education))
            .expect("starting rank");
        let start_level = profile.rank(profile.rank_ref(&start.rank).expect("rank")).level;
        assert!(rank <= start_level, "{}: {} is below {education}'s starting rank {}", p.name, p.rank, start.rank);
    }
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
    let report = kaohe_engine::report::PromotionReport::build(&promote(&roster, &profile, as_of), &roster, &profile);
    for pool in &report.pools {
        for id in &pool.proposed {
            let p = roster.people.iter().find(|p| &p.id == id).expect("person");
            let age = as_of.years_since(p.birth.expect("birth")).unwrap_or(0);
            assert!(age < 55, "{} is proposed at {age}", p.name);
        }
    }
}

trait Code {
    fn reasons_code(&self) -> String;
}

impl Code for kaohe_engine::report::BlockReport {
    fn reasons_code(&self) -> String {
        serde_json::to_value(self.code).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }
}
