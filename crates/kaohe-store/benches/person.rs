//! Benchmark: what the 人员 drawer (the app's `person` command) reads and computes for one person
//! in a database of 100,000 people — from everyone's roster, as it once did, against from the
//! person's organ only, as it does now.
//!
//! `cargo bench -p kaohe-store --bench person [-- PEOPLE]`.
//! - everyone: `Store::load_roster`, `promote` over all, the person's report;
//! - organ: `Store::organ_of`, `Store::load_organ_roster`, `promote` over the organ, the report.
//!
//! Both read the person's recorded history too, as the drawer does. The two are run 7 times each,
//! in turns, for 7 people of different organs, under the app's allocator (mimalloc), and their
//! medians printed with the loads alone; every run checks that both give the same report. The
//! database (500 organs with levels and approved slots, six ranks of 综合管理类, two years of
//! results, a 警告 for one person in 50) is imported once with `Store::import` and kept as
//! `target/bench/person-N.db` for later runs.

use chrono::NaiveDate;
use kaohe_engine::id_number::check_digit;
use kaohe_engine::report::{PersonReport, PromotionReport};
use kaohe_engine::{Grade, Organ, Person, Profile, Restriction, ResultCode, Roster, YearResult};
use kaohe_store::Store;
use kaohe_workbook::RosterRead;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// The allocator of the app and the CLI.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ORGANS: usize = 500;
const RUNS: usize = 7;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// The ID of person `i`: unique, with a valid check digit, its 17th digit odd for a man.
fn id(i: usize) -> String {
    let birth = date(1960, 1, 1) + chrono::Days::new((i / 1000) as u64);
    let first17 = format!("320102{}{:03}", birth.format("%Y%m%d"), i % 1000);
    format!("{first17}{}", check_digit(&first17).expect("digits"))
}

fn roster(n: usize, profile: &Profile) -> Roster {
    let ranks = ["一级科员", "四级主任科员", "三级主任科员", "二级主任科员", "一级主任科员", "四级调研员"];
    // Approved counts for the 综合管理类 pools (the profile's first four), as in the sample.
    let approved = [2, 5, 8, 10];
    let level = profile.organ_levels.iter().find(|l| l.name == "市(地)").map(|l| l.name.clone());
    let warning = profile
        .restrictions
        .iter()
        .find(|r| r.kind == "警告")
        .map(|r| r.kind.clone())
        .expect("the national profile knows 警告");
    let organs = (0..ORGANS)
        .map(|o| Organ {
            name: format!("单位{o:03}"),
            level: level.clone(),
            slots: profile.pools.iter().take(4).zip(approved).map(|(p, a)| (p.name.clone(), a)).collect(),
            ..Organ::default()
        })
        .collect();
    let mut roster = Roster { organs, ..Roster::default() };
    for i in 0..n {
        let person = Person {
            id: id(i),
            name: format!("人员{i}"),
            gender: Some(if i % 2 == 1 { "男" } else { "女" }.to_owned()),
            organ: format!("单位{:03}", i % ORGANS),
            category: "综合管理类".to_owned(),
            rank: ranks[i % ranks.len()].to_owned(),
            rank_since: date(2015 + (i % 9) as i32, 1 + (i % 12) as u32, 1 + (i % 28) as u32),
            service_start: Some(date(2005 + (i % 15) as i32, 7, 1)),
            ..Person::default()
        };
        let grade_2023 = if i % 5 == 0 { Grade::Excellent } else { Grade::Competent };
        roster.results.push(YearResult {
            person_id: person.id.clone(),
            year: 2023,
            result: ResultCode::Graded(grade_2023),
        });
        roster.results.push(YearResult {
            person_id: person.id.clone(),
            year: 2024,
            result: ResultCode::Graded(Grade::Competent),
        });
        if i % 50 == 7 {
            roster.restrictions.push(Restriction {
                person_id: person.id.clone(),
                kind: warning.clone(),
                date: date(2025, 9, 1 + (i % 28) as u32),
                end: None,
            });
        }
        roster.people.push(person);
    }
    roster
}

/// The cached database of `n` people, generated (written beside, then renamed) when missing.
fn database(n: usize, profile: &Profile) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let path = target.join("bench").join(format!("person-{n}.db"));
    if path.exists() {
        println!("已有 / cached: {}", path.display());
        return path;
    }
    let partial = path.with_extension("db.partial");
    let _ = std::fs::remove_file(&partial);
    let started = Instant::now();
    let mut store = Store::open(&partial).expect("database");
    let roster = roster(n, profile);
    let read = RosterRead::of("生成名册.xlsx", roster);
    store.import(&read, "生成名册.xlsx").expect("import");
    drop(store);
    std::fs::rename(&partial, &path).expect("rename");
    println!("生成 / generated {} in {:.1} s", path.display(), started.elapsed().as_secs_f64());
    path
}

/// The person's report from a roster, as the drawer builds it.
fn report(roster: &Roster, id: &str, profile: &Profile, as_of: NaiveDate) -> Option<PersonReport> {
    let index = roster.people.iter().position(|p| p.id == id)?;
    let mut result = kaohe_engine::promote(roster, profile, as_of);
    result.people.retain(|o| o.person == index);
    PromotionReport::build(&result, roster, profile).people.into_iter().next()
}

struct Timed {
    total: Duration,
    load: Duration,
    report: Option<PersonReport>,
}

fn everyone(store: &Store, id: &str, profile: &Profile, as_of: NaiveDate) -> Timed {
    let started = Instant::now();
    let roster = store.load_roster().expect("load");
    let load = started.elapsed();
    black_box(store.history_with_imports(id).expect("history"));
    let report = report(&roster, id, profile, as_of);
    Timed { total: started.elapsed(), load, report }
}

fn organ(store: &Store, id: &str, profile: &Profile, as_of: NaiveDate) -> Timed {
    let started = Instant::now();
    let organ = store.organ_of(id).expect("organ").expect("stored");
    let roster = store.load_organ_roster(&organ).expect("load");
    let load = started.elapsed();
    black_box(store.history_with_imports(id).expect("history"));
    let report = report(&roster, id, profile, as_of);
    Timed { total: started.elapsed(), load, report }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let profile = Profile::national();
    let as_of = date(2026, 1, 1);
    let path = database(n, &profile);
    let store = Store::open(&path).expect("open");
    // People of different organs, spread over the roster.
    let people: Vec<String> = (0..RUNS).map(|k| id(k * (n / RUNS) + k)).collect();
    // Warm-up: SQLite's page cache and the file in the OS's cache, as in a running app.
    black_box(everyone(&store, &people[0], &profile, as_of).report);
    black_box(organ(&store, &people[0], &profile, as_of).report);

    let (mut full, mut part) = (Vec::new(), Vec::new());
    for person in &people {
        let a = everyone(&store, person, &profile, as_of);
        let b = organ(&store, person, &profile, as_of);
        let report = b.report.as_ref().expect("a report");
        assert_eq!(a.report, b.report, "{person}: the organ's roster gives another report");
        println!(
            "{person} {}: everyone {} (load {}), organ {} (load {})",
            report.organ,
            ms(a.total),
            ms(a.load),
            ms(b.total),
            ms(b.load)
        );
        full.push((a.total, a.load));
        part.push((b.total, b.load));
    }
    let (full_total, full_load) =
        (median(full.iter().map(|t| t.0).collect()), median(full.iter().map(|t| t.1).collect()));
    let (part_total, part_load) =
        (median(part.iter().map(|t| t.0).collect()), median(part.iter().map(|t| t.1).collect()));
    println!("\n{n} 人 / people, {ORGANS} 单位 / organs, median of {RUNS} people:");
    println!("  everyone (load_roster + promote all):            {} (load {})", ms(full_total), ms(full_load));
    println!("  organ (organ_of + load_organ_roster + promote):  {} (load {})", ms(part_total), ms(part_load));
    println!("  {:.0}× faster", full_total.as_secs_f64() / part_total.as_secs_f64());
}
