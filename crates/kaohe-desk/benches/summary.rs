//! Benchmark: 汇总 at the scale of a prefecture-level city — 800 organs, 60,000 people.
//!
//! `cargo bench -p kaohe-desk --bench summary [-- ORGANS PEOPLE]`. The packages are generated
//! (each organ's people, grades, pools and proposals, the national rule file; written with the
//! package module as an organ's Kaohe writes them) into a folder, then, in turns, 3 times each:
//! - the baseline: reading every file's bytes from disk (what any receiving must do);
//! - receiving them all into a fresh 汇总 database (`summary::receive`: every package verified —
//!   archive, manifest, checksums, parts — conflicts checked, each kept in its transaction);
//! - the year's 汇总 from that database (`summary::summary`, what the 汇总 page asks for).
//!
//! Every run's time is printed, and the medians. Targets (issue 15): receiving under 60 s, the
//! 汇总 under 1 s.
//!
//! `-- --db FILE [ORGANS PEOPLE [YEAR]]` instead receives the generated packages once into the
//! 汇总 database FILE and stops: the database `cargo xtask bench-startup --section summary` opens
//! the app on (its `--organs N`, of the year before the current one, which the 汇总 page opens
//! on), made of the same packages as timed here. The year is 2025 unless given.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use kaohe_desk::package::{
    self, Manifest, PackageAssessment, PackageGrade, PackagePerson, PackagePool, PackagePromotion, PackageProposal,
    PackageSlots, PartEntry, ProfileId,
};
use kaohe_engine::promotion::SlotCode;
use kaohe_engine::{GradeName, NationalCode, Profile};

const RUNS: usize = 3;
/// The packages' year unless one is given.
const YEAR: i32 = 2025;

fn json(value: &impl serde::Serialize) -> Vec<u8> {
    serde_json::to_vec_pretty(value).expect("json")
}

/// The package of organ `o` with `n` people.
fn package_bytes(o: usize, n: usize, first_id: usize, profile: &Profile, year: i32) -> Vec<u8> {
    let organ = format!("单位{o:03}");
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let people: Vec<PackagePerson> = (0..n)
        .map(|i| PackagePerson {
            id: format!("3201021980{:08}", first_id + i),
            name: format!("人员{}", first_id + i),
            gender: Some(if i % 2 == 0 { "男" } else { "女" }.into()),
            birth: Some(day(1970 + (i % 30) as i32, 1 + (i % 12) as u32, 1 + (i % 28) as u32)),
            category: if i % 5 == 0 { "行政执法类" } else { "综合管理类" }.into(),
            rank: "一级科员".into(),
            post_level: None,
            is_leader: i < 2,
        })
        .collect();
    let grades = [
        GradeName::Excellent,
        GradeName::Competent,
        GradeName::Competent,
        GradeName::Competent,
        GradeName::Competent,
        GradeName::Competent,
        GradeName::Competent,
        GradeName::Competent,
        GradeName::BasicallyCompetent,
        GradeName::Competent,
    ];
    let assessment = PackageAssessment {
        year,
        finalized_on: day(year + 1, 1, 15),
        normal_ratio: 20.0,
        pools: vec![PackagePool {
            pool: "非领导成员".into(),
            participants: n as u32,
            ratio: 20.0,
            ratio_source: "default".into(),
            quota: (n / 5) as u32,
            excellent: (n / 10) as u32,
            arithmetic: format!("{n}人 × 20% = {:.2} → {}名（向下取整）", n as f64 / 5.0, n / 5),
        }],
        people: people
            .iter()
            .enumerate()
            .map(|(i, p)| PackageGrade {
                id: p.id.clone(),
                pool: "非领导成员".into(),
                tier: Some("科级及以下".into()),
                grade: Some(grades[i % grades.len()]),
                code: Some(if i % 10 == 0 { NationalCode::Excellent } else { NationalCode::Competent }),
            })
            .collect(),
    };
    let promotion = PackagePromotion {
        as_of: day(year, 12, 31),
        eligible: people
            .iter()
            .step_by(7)
            .map(|p| PackageProposal {
                id: p.id.clone(),
                name: p.name.clone(),
                rank: p.rank.clone(),
                target_rank: Some("四级主任科员".into()),
                slot: Some(SlotCode::Proposed),
                reasons: vec![
                    "任职年限自2020年1月1日起算，计72个月〔依据：《公务员职务与职级并行规定》第十八条〕".into()
                ],
            })
            .collect(),
        pools: vec![PackageSlots {
            pool: "三级和四级主任科员".into(),
            approved: Some(10),
            held: 6,
            free: Some(4),
            candidates: 5,
            proposed: 4,
        }],
    };
    let text = kaohe_engine::profile::NATIONAL_TOML;
    let parts: Vec<(String, Vec<u8>)> = vec![
        ("people.json".into(), json(&people)),
        ("assessment.json".into(), json(&assessment)),
        ("promotion.json".into(), json(&promotion)),
        ("log.json".into(), b"[]".to_vec()),
        ("profile.toml".into(), text.as_bytes().to_vec()),
    ];
    let manifest = Manifest {
        format: package::FORMAT.into(),
        version: package::VERSION,
        organ,
        organ_level: Some("县".into()),
        supervisor: None,
        year,
        finalized_on: day(year + 1, 1, 15),
        as_of: day(year, 12, 31),
        made_by: "人事科".into(),
        made_at: format!("{}-01-16 09:00:00", year + 1),
        software: "kaohe bench".into(),
        profile: ProfileId {
            id: profile.meta.id.clone(),
            name: profile.meta.name.clone(),
            version: profile.meta.version.clone(),
            sha256: package::hex_sha256(text.as_bytes()),
        },
        parts: parts
            .iter()
            .map(|(n, b)| PartEntry { name: n.clone(), sha256: package::hex_sha256(b), bytes: b.len() as u64 })
            .collect(),
    };
    package::archive(&manifest, &parts).expect("archive")
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Writes the packages of `organs` organs and about `people` people into `folder`: the paths and
/// how many people they hold.
fn write_packages(folder: &Path, organs: usize, people: usize, profile: &Profile, year: i32) -> (Vec<PathBuf>, usize) {
    std::fs::create_dir_all(folder).expect("folder");
    let mut total = 0;
    let mut paths = Vec::new();
    for o in 0..organs {
        // The people spread over the organs, some larger than others.
        let n = people / organs + if o % 10 == 0 { people % organs / (organs / 10).max(1) } else { 0 };
        let path = folder.join(format!("单位{o:03}_{year}年度上报.kaohe"));
        std::fs::write(&path, package_bytes(o, n, total, profile, year)).expect("write");
        total += n;
        paths.push(path);
    }
    (paths, total)
}

fn main() {
    // `cargo bench` passes `--bench`; `--db FILE` asks for the database only.
    let mut db_out: Option<PathBuf> = None;
    let mut args: Vec<String> = Vec::new();
    let mut raw = std::env::args().skip(1);
    while let Some(a) = raw.next() {
        if a == "--db" {
            db_out = raw.next().map(PathBuf::from);
        } else if !a.starts_with('-') {
            args.push(a);
        }
    }
    let organs: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(800);
    let people: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(60_000);
    let year: i32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(YEAR);
    let profile = Profile::national();
    let dir = tempfile::tempdir().expect("tmp");
    let folder = dir.path().join("packages");
    let started = Instant::now();
    let (paths, total) = write_packages(&folder, organs, people, &profile, year);
    let bytes: u64 = paths.iter().map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)).sum();
    println!(
        "{organs} packages, {total} people, {:.1} MB, generated in {:.1} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    if let Some(db) = db_out {
        let files: Vec<(String, Vec<u8>)> =
            paths.iter().map(|p| (p.display().to_string(), std::fs::read(p).expect("read"))).collect();
        let mut store = kaohe_store::Store::open(&db).expect("db");
        let receipts = kaohe_desk::summary::receive(&mut store, &profile, &files, false, "组织部").expect("received");
        assert_eq!((receipts.received.len(), receipts.refused.len()), (organs, 0));
        println!("received into {}", db.display());
        return;
    }
    let (mut base, mut receive, mut sum) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..RUNS {
        let t = Instant::now();
        let files: Vec<(String, Vec<u8>)> =
            paths.iter().map(|p| (p.display().to_string(), std::fs::read(p).expect("read"))).collect();
        base.push(t.elapsed());

        let db = dir.path().join(format!("汇总{run}.db"));
        let t = Instant::now();
        let mut store = kaohe_store::Store::open(&db).expect("db");
        let receipts = kaohe_desk::summary::receive(&mut store, &profile, &files, false, "组织部").expect("received");
        receive.push(t.elapsed());
        assert_eq!((receipts.received.len(), receipts.refused.len()), (organs, 0));

        let t = Instant::now();
        let summary = kaohe_desk::summary::summary(&store, &profile, year).expect("summary");
        sum.push(t.elapsed());
        assert_eq!((summary.totals.organs as usize, summary.totals.people as usize), (organs, total));
        println!(
            "run {}: read the files {:.3} s; receive {:.3} s; 汇总 {:.3} s",
            run + 1,
            base[run].as_secs_f64(),
            receive[run].as_secs_f64(),
            sum[run].as_secs_f64()
        );
        drop(store);
        let _ = Path::new(&db);
    }
    let (b, r, s) = (median(base), median(receive), median(sum));
    println!(
        "median: read {:.3} s; receive {:.3} s ({:.0}× the read; target under 60 s); 汇总 {:.3} s (target under 1 s)",
        b.as_secs_f64(),
        r.as_secs_f64(),
        r.as_secs_f64() / b.as_secs_f64().max(1e-9),
        s.as_secs_f64()
    );
}
