//! A person's numbers for the year: the 平时考核 tally with its rule, and the score from the
//! 年度评分 dimensions, the 平时 average and the 民主测评, in exact fractions.

use super::*;
use crate::roster::AnnualInput;

/// A person's 平时考核 records of a year: how many have a grade, how many are 好 and how many a
/// grade that bars 优秀, whether they pass the profile's rule, and the average of their scores.
pub(crate) struct RegularTally {
    pub(crate) recorded: u32,
    pub(crate) good: u32,
    pub(crate) forbidden: u32,
    pub(crate) ok: bool,
    pub(crate) average: Option<Fraction>,
}

impl RegularTally {
    pub(crate) fn of(records: &[&RegularRecord], rules: &AssessmentRules, year: i32) -> RegularTally {
        let grade_of = |r: &RegularRecord| r.grade.or_else(|| r.score.map(|s| rules.band(s)));
        let (mut recorded, mut good, mut forbidden, mut sum, mut n) = (0u32, 0u32, 0u32, 0i128, 0i128);
        for r in records.iter().filter(|r| r.year == year) {
            if let Some(g) = grade_of(r) {
                recorded += 1;
                good += u32::from(g == RegularGrade::Good);
                forbidden += u32::from(rules.forbidden.contains(&g));
            }
            if let Some(s) = r.score.or_else(|| r.grade.and_then(|g| rules.grade_score(g))) {
                sum += i128::from(s);
                n += 1;
            }
        }
        let ok = if recorded == 0 {
            !rules.require_records
        } else {
            forbidden == 0 && good * 100 >= rules.min_good_share * recorded
        };
        RegularTally { recorded, good, forbidden, ok, average: (n > 0).then_some(Fraction { num: sum, den: n }) }
    }
}

/// The score: the weighted dimensions of the year's 年度评分 (by the person's weights entry), the
/// 平时 average and the 民主测评, blended as the profile says; each part, and the score rounded.
pub(crate) fn score_of(
    input: Option<&AnnualInput>,
    weights: Option<&crate::assessment_rules::Weights>,
    regular_avg: Option<Fraction>,
    rules: &AssessmentRules,
) -> (Option<Fraction>, Option<Fraction>, Option<Fraction>, Option<Hundredths>) {
    let dims = input.and_then(|a| {
        let w = weights?;
        let parts = std::array::from_fn::<_, 5, _>(|i| {
            let weight = w.weights.get(&crate::assessment_rules::Dimension::ALL[i]).copied().unwrap_or(0);
            (weight, a.dimensions[i].map(|s| Fraction { num: i128::from(s), den: 1 }))
        });
        weighted(parts)
    });
    let democratic = input.and_then(|a| a.democratic).map(|d| Fraction { num: i128::from(d), den: 1 });
    let score = if dims.is_some() || democratic.is_some() {
        let (b1, b2, b3) = rules.blend;
        weighted([(b1, dims), (b2, regular_avg), (b3, democratic)]).map(Fraction::rounded)
    } else {
        None
    };
    (dims, regular_avg, democratic, score)
}
