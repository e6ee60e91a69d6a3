//! Benchmark: promotion eligibility over a generated roster (default 1,000,000 people).
//!
//! `cargo bench -p kaohe-engine --bench promotion [-- PEOPLE]`. Single-threaded. Prints the best
//! and median of several runs of `promote` (the roster is built once, outside the timing), next
//! to a baseline measured in the same run: one pass that only looks each person's rank up and
//! counts whole months, the least any promotion engine must do.

use chrono::NaiveDate;
use kaohe_engine::dates::whole_months;
use kaohe_engine::roster::{Grade, Organ, Person, Restriction, ResultCode, Roster, YearResult};
use kaohe_engine::{promote, Profile};
use std::time::Instant;

mod common;
use common::{time, Lcg};

fn roster(n: usize, profile: &Profile) -> Roster {
    let mut rng = Lcg(42);
    let ladder = &profile.ladders[0];
    let organs: Vec<Organ> = (0..n / 1000 + 1)
        .map(|i| Organ {
            name: format!("单位{i:05}"),
            level: Some(profile.organ_levels[i % profile.organ_levels.len()].name.clone()),
            slots: profile.pools.iter().map(|p| (p.name.clone(), 20 + (i % 7) as u32)).collect(),
            ..Default::default()
        })
        .collect();
    let mut people = Vec::with_capacity(n);
    let mut results = Vec::with_capacity(n * 3);
    let mut restrictions = Vec::new();
    let base = NaiveDate::from_ymd_opt(2010, 1, 1).expect("date");
    for i in 0..n {
        let id = format!("{:018}", 110101199000000000u64 + i as u64);
        let rank = &ladder.ranks[4 + rng.next(8) as usize];
        let since = base + chrono::Days::new(rng.next(5000));
        people.push(Person {
            id: id.clone(),
            name: format!("人员{i}"),
            gender: None,
            birth: None,
            organ: organs[i / 1000].name.clone(),
            department: None,
            category: ladder.category.clone(),
            rank: rank.name.clone(),
            rank_since: since,
            post: None,
            post_level: if rng.next(10) == 0 { Some("乡科级正职".to_string()) } else { None },
            post_since: Some(since - chrono::Days::new(rng.next(1000))),
            is_leader: false,
            education: None,
            work_start: Some(base),
            service_start: Some(base + chrono::Days::new(rng.next(3000))),
            ..Default::default()
        });
        for year in 2022..2025 {
            let grade = match rng.next(20) {
                0 => Grade::BasicallyCompetent,
                1..=4 => Grade::Excellent,
                _ => Grade::Competent,
            };
            results.push(YearResult { person_id: id.clone(), year, result: ResultCode::Graded(grade) });
        }
        if rng.next(50) == 0 {
            restrictions.push(Restriction {
                person_id: id,
                kind: "记过".into(),
                date: NaiveDate::from_ymd_opt(2025, 3, 1).expect("date"),
                end: None,
            });
        }
    }
    Roster { people, organs, results, restrictions, ..Default::default() }
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(1_000_000);
    let profile = Profile::national();
    let t = Instant::now();
    let roster = roster(n, &profile);
    eprintln!("generated {n} people in {:.2?}", t.elapsed());
    let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");

    let (base_best, base_median) = time(5, || {
        roster
            .people
            .iter()
            .map(|p| profile.rank_ref(&p.rank).map_or(0, |_| whole_months(p.rank_since, as_of)))
            .sum::<u32>()
    });
    let (best, median) = time(5, || promote(&roster, &profile, as_of));
    let result = promote(&roster, &profile, as_of);
    let eligible = result.people.iter().filter(|o| o.eligible).count();
    println!("promotion bench: {n} people, {eligible} eligible, {} pools", result.pools.len());
    println!(
        "baseline (rank lookup + whole months): best {:.3} s, median {:.3} s",
        base_best.as_secs_f64(),
        base_median.as_secs_f64()
    );
    println!(
        "promote: best {:.3} s, median {:.3} s ({:.1}x baseline)",
        best.as_secs_f64(),
        median.as_secs_f64(),
        median.as_secs_f64() / base_median.as_secs_f64()
    );
}
