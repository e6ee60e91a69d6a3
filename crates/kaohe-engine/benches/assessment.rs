//! Benchmark: one year's assessment over a generated roster (default 1,000,000 people in 1,000
//! organs, each with 德能勤绩廉 and 民主测评 scores and four quarterly 平时 records).
//!
//! `cargo bench -p kaohe-engine --bench assessment [-- PEOPLE]`. Single-threaded. Prints the best
//! and median of several runs of `assess`, next to a baseline measured in the same run: one pass
//! that only computes each person's weighted dimension score in floating point.

use chrono::NaiveDate;
use kaohe_engine::assessment::{assess, Decisions};
use kaohe_engine::{
    AnnualInput, Grade, Organ, Period, Person, Profile, RegularGrade, RegularRecord, Restriction, ResultCode, Roster,
    YearResult,
};
use std::time::Instant;

mod common;
use common::{time, Lcg};

fn roster(n: usize, profile: &Profile) -> Roster {
    let mut rng = Lcg(7);
    let ladder = &profile.ladders[0];
    let organs: Vec<Organ> =
        (0..n / 1000 + 1).map(|i| Organ { name: format!("单位{i:05}"), ..Default::default() }).collect();
    let mut r = Roster { organs, ..Default::default() };
    let base = NaiveDate::from_ymd_opt(2005, 1, 1).expect("date");
    for i in 0..n {
        let id = format!("{:018}", 110101199000000000u64 + i as u64);
        let rank = &ladder.ranks[3 + rng.next(9) as usize];
        r.people.push(Person {
            id: id.clone(),
            name: format!("人员{i}"),
            organ: r.organs[i / 1000].name.clone(),
            category: ladder.category.clone(),
            rank: rank.name.clone(),
            rank_since: base,
            is_leader: i % 1000 < 5,
            service_start: Some(base + chrono::Days::new(rng.next(7000))),
            ..Default::default()
        });
        let s = || 6000 + rng.next(4000) as i64;
        let mut s = s;
        r.annual_inputs.push(AnnualInput {
            person_id: id.clone(),
            year: 2025,
            dimensions: [Some(s()), Some(s()), Some(s()), Some(s()), Some(s())],
            democratic: Some(s()),
            proposal: None,
            sick_days: Some(rng.next(200) as u32),
            personal_days: Some(rng.next(20) as u32),
            ..Default::default()
        });
        for q in 1..=4 {
            let grade = [RegularGrade::Good, RegularGrade::FairlyGood, RegularGrade::FairlyGood, RegularGrade::Average]
                [rng.next(4) as usize];
            r.regular.push(RegularRecord {
                person_id: id.clone(),
                year: 2025,
                period: Period::Quarter(q),
                grade: Some(grade),
                score: None,
            });
        }
        for year in 2023..2025 {
            r.results.push(YearResult {
                person_id: id.clone(),
                year,
                result: ResultCode::Graded(if rng.next(5) == 0 { Grade::Excellent } else { Grade::Competent }),
            });
        }
        if rng.next(100) == 0 {
            r.restrictions.push(Restriction {
                person_id: id,
                kind: "警告".into(),
                date: NaiveDate::from_ymd_opt(2025, 3, 1).expect("date"),
                end: None,
            });
        }
    }
    r
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(1_000_000);
    let profile = Profile::national();
    let t = Instant::now();
    let roster = roster(n, &profile);
    eprintln!("generated {n} people in {:.2?}", t.elapsed());
    let weights = [0.20, 0.20, 0.15, 0.35, 0.10];
    let (base_best, base_median) = time(5, || {
        roster
            .annual_inputs
            .iter()
            .map(|a| a.dimensions.iter().zip(weights).map(|(s, w)| s.unwrap_or(0) as f64 * w).sum::<f64>())
            .sum::<f64>()
    });
    let decisions = Decisions::default();
    let (best, median) = time(5, || assess(&roster, &profile, 2025, &decisions));
    let result = assess(&roster, &profile, 2025, &decisions);
    let excellent: u32 = result.pools.iter().map(|p| p.excellent).sum();
    println!(
        "assessment bench: {n} people, {} pools, {excellent} suggested 优秀, {} consequences",
        result.pools.len(),
        result.consequences.len()
    );
    println!(
        "baseline (weighted dimension score): best {:.3} s, median {:.3} s",
        base_best.as_secs_f64(),
        base_median.as_secs_f64()
    );
    println!(
        "assess: best {:.3} s, median {:.3} s ({:.1}x baseline)",
        best.as_secs_f64(),
        median.as_secs_f64(),
        median.as_secs_f64() / base_median.as_secs_f64()
    );
}
