//! One pool's decision: the 优秀 quota with its arithmetic, who is suggested 优秀 (by score or by
//! proposal), ties at the line, the 平时 “好” check, and the committee's final grades.

use super::*;

/// Quota, mode, ranks, suggestions, ties and 平时 checks of one pool.
pub(crate) fn decide_pool(
    pool: &mut PoolResult,
    people: &mut [Assessed],
    rules: &AssessmentRules,
    year: i32,
    regular: &ByPerson<RegularRecord>,
) {
    let participates = |a: &Assessed| a.ungraded.first().is_none_or(|h| rules.counted_ungraded.contains(&h.code));
    pool.participants = pool.members.iter().filter(|&&m| participates(&people[m])).count() as u32;
    let ungraded = pool.members.iter().filter(|&&m| !people[m].ungraded.is_empty()).count() as u32;
    let counted =
        pool.members.iter().filter(|&&m| !people[m].ungraded.is_empty() && participates(&people[m])).count() as u32;
    pool.ungraded = (counted, ungraded - counted);
    pool.quota = pool.rounding.apply(u64::from(pool.participants) * u64::from(pool.ratio), 10_000) as u32;
    let graded: Vec<usize> = pool.members.iter().copied().filter(|&m| people[m].ungraded.is_empty()).collect();
    pool.mode = if graded.iter().any(|&m| people[m].score.is_some()) { Mode::Score } else { Mode::Proposal };

    // Ranks among graded members with a score (competition ranking).
    let mut scored: Vec<usize> =
        pool.members.iter().copied().filter(|&m| people[m].score.is_some() && people[m].ungraded.is_empty()).collect();
    scored.sort_by_key(|&m| (std::cmp::Reverse(people[m].score), people[m].person));
    let mut rank = 0;
    for (i, &m) in scored.iter().enumerate() {
        if i == 0 || people[scored[i - 1]].score != people[m].score {
            rank = i as u32 + 1;
        }
        people[m].rank_in_pool = Some(rank);
    }

    match pool.mode {
        Mode::Score => suggest_by_score(pool, people, &scored, &graded, rules),
        Mode::Proposal => suggest_by_proposal(pool, people, &graded),
    }
    pool.excellent = graded.iter().filter(|&&m| people[m].suggested == Some(Grade::Excellent)).count() as u32;
    for &m in &pool.members {
        people[m].flags.sort();
    }

    pool.regular_checks = regular_checks(&pool.members, people, rules, year, regular);
}

/// By score: the eligible with the best scores up to the quota are 优秀 (a tie at the line is
/// left to the committee); below the thresholds 基本称职 and 不称职; a forced grade stands.
fn suggest_by_score(
    pool: &mut PoolResult,
    people: &mut [Assessed],
    scored: &[usize],
    graded: &[usize],
    rules: &AssessmentRules,
) {
    let candidates: Vec<usize> = scored
        .iter()
        .copied()
        .filter(|&m| {
            people[m].ungraded.is_empty() && people[m].excellent_eligible && people[m].score >= Some(rules.basic_below)
        })
        .collect();
    let q = pool.quota as usize;
    let mut excellent: Vec<usize> = Vec::new();
    if candidates.len() <= q {
        excellent = candidates.clone();
    } else if q > 0 {
        let line = people[candidates[q - 1]].score;
        if people[candidates[q]].score == line {
            excellent = candidates.iter().copied().filter(|&m| people[m].score > line).collect();
            pool.tied_at_line = candidates.iter().copied().filter(|&m| people[m].score == line).collect();
        } else {
            excellent = candidates[..q].to_vec();
        }
    }
    let excellent: std::collections::HashSet<usize> = excellent.into_iter().collect();
    let tied: std::collections::HashSet<usize> = pool.tied_at_line.iter().copied().collect();
    for &m in graded {
        let a = &mut people[m];
        a.suggested = if let Some(f) = a.forced {
            Some(f)
        } else if excellent.contains(&m) {
            Some(Grade::Excellent)
        } else if tied.contains(&m) {
            a.flags.push(Flag::TieAtLine);
            None
        } else {
            match a.score {
                Some(s) if s < rules.incompetent_below => Some(Grade::Incompetent),
                Some(s) if s < rules.basic_below => Some(Grade::BasicallyCompetent),
                Some(_) => Some(Grade::Competent),
                None => {
                    a.flags.push(Flag::MissingScore);
                    Some(Grade::Competent)
                }
            }
        };
    }
}

/// By the 主管领导's proposal: taken as it is, flagged when 优秀 is not allowed or over the quota;
/// 称职 when there is none; a forced grade stands.
fn suggest_by_proposal(pool: &PoolResult, people: &mut [Assessed], graded: &[usize]) {
    let proposed_excellent =
        graded.iter().filter(|&&m| people[m].forced.is_none() && people[m].proposal == Some(Grade::Excellent)).count()
            as u32;
    for &m in graded {
        let a = &mut people[m];
        if let Some(f) = a.forced {
            a.suggested = Some(f);
            continue;
        }
        match a.proposal {
            Some(g) => {
                a.suggested = Some(g);
                if g == Grade::Excellent && !a.excellent_eligible {
                    a.flags.push(Flag::ProposalNotEligible);
                }
                if g == Grade::Excellent && proposed_excellent > pool.quota {
                    a.flags.push(Flag::OverQuota);
                }
            }
            None => {
                a.suggested = Some(Grade::Competent);
                a.flags.push(Flag::NoProposal);
            }
        }
    }
}

/// 平时: the periods with more “好” than the limit allows among the pool's members.
fn regular_checks(
    members: &[usize],
    people: &[Assessed],
    rules: &AssessmentRules,
    year: i32,
    regular: &ByPerson<RegularRecord>,
) -> Vec<RegularCheck> {
    // 平时: more 好 in a period than the limit allows.
    let mut periods: BTreeMap<Period, (u32, u32)> = BTreeMap::new();
    for &m in members {
        for r in regular.of(people[m].person).iter().filter(|r| r.year == year) {
            let Some(g) = r.grade.or_else(|| r.score.map(|s| rules.band(s))) else { continue };
            let e = periods.entry(r.period).or_default();
            e.0 += 1;
            if g == RegularGrade::Good {
                e.1 += 1;
            }
        }
    }
    periods
        .into_iter()
        .filter_map(|(period, (recorded, good))| {
            let limit = recorded * rules.good_limit / 100;
            (good > limit).then_some(RegularCheck { period, recorded, good, limit })
        })
        .collect()
}
