//! The sample roster the app offers with one click (fixtures/sample/名册示例.xlsx): it must match
//! its TOML source, import cleanly, and give the results a clerk would expect.

use calamine::{open_workbook_auto, Data, Reader};
use kaohe_engine::{promote, Profile};
use kaohe_tests::{root, write_sheets};
use std::path::Path;

fn cells(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
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
    let source: toml::Table = toml::from_str(&std::fs::read_to_string(dir.join("名册示例.toml")).expect("source")).expect("toml");
    let sheets = source.get("sheets").and_then(|s| s.as_table()).expect("[sheets]");
    let committed = dir.join("名册示例.xlsx");
    if std::env::var_os("KAOHE_BLESS").is_some() {
        write_sheets(sheets, &committed).expect("write sample");
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let fresh = tmp.path().join("fresh.xlsx");
    write_sheets(sheets, &fresh).expect("write");
    assert_eq!(cells(&committed), cells(&fresh), "fixtures/sample/名册示例.xlsx is stale: run KAOHE_BLESS=1 cargo test -p kaohe-tests sample");
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

trait Code {
    fn reasons_code(&self) -> String;
}

impl Code for kaohe_engine::report::BlockReport {
    fn reasons_code(&self) -> String {
        serde_json::to_value(self.code).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }
}
