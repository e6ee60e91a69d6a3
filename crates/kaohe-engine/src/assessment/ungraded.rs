//! Who is not graded in a year (不确定等次: an open investigation, a discipline, long leave, a
//! probation not over by 31 December — each a rule of the profile's `[assessment]`), and when a
//! 5B year may be graded afterwards (补定等次).

use super::*;
use crate::roster::{AnnualInput, Person};

/// The 不确定等次 codes that apply to `person` in `year` (`rules.ungraded`, each with its words),
/// and why a probation rule does not apply when the entry method says so.
pub(crate) fn ungraded_hits(
    person: &Person,
    mine: &[&Restriction],
    input: Option<&AnnualInput>,
    hits: &[DisciplineHit],
    profile: &Profile,
    year: i32,
) -> (Vec<UngradedHit>, Option<String>) {
    let rules = &profile.assessment;
    let dec31 = year_end(year);
    let mut probation_exempt = None;
    let mut ungraded = Vec::new();
    for (ri, u) in rules.ungraded.iter().enumerate() {
        let hit = match &u.rule {
            UngradedRule::Investigation => mine
                .iter()
                .filter(|r| {
                    profile
                        .restriction(&r.kind)
                        .is_some_and(|x| x.block == crate::profile::RestrictionBlock::Investigation)
                })
                .find(|r| r.date <= dec31 && r.end.is_none_or(|e| e > dec31))
                .map(|r| format!("{}起{}，年末尚未结案", r.date.format("%Y年%-m月%-d日"), r.kind)),
            UngradedRule::Discipline => {
                for h in hits.iter().filter(|h| h.effect == DisciplineEffect::Ungraded) {
                    ungraded.push(UngradedHit {
                        code: u.code,
                        rule: ri,
                        discipline: Some(h.rule),
                        detail: discipline_words(h, rules, year),
                    });
                }
                None
            }
            UngradedRule::Leave { days_over } => input.and_then(|a| {
                let total = a.sick_days.unwrap_or(0) + a.personal_days.unwrap_or(0);
                (total > *days_over).then(|| {
                    format!(
                        "病假{}天、事假{}天，累计{}天，超过{}天",
                        a.sick_days.unwrap_or(0),
                        a.personal_days.unwrap_or(0),
                        total,
                        days_over
                    )
                })
            }),
            // A probation ending on 31 December is over at year end.
            UngradedRule::Probation { months } => person.service_start.and_then(|s| {
                let last = crate::dates::period_end(s, *months);
                if last <= dec31 {
                    return None;
                }
                let method = person.entry_method.as_deref().and_then(|m| rules.entry_method(m));
                let on = |d: NaiveDate| d.format("%Y年%-m月%-d日").to_string();
                match method {
                    Some(m) if !m.probation => {
                        probation_exempt = Some(format!(
                            "{}以{}方式进入公务员队伍，不是新录用公务员，不适用试用期内不确定等次",
                            on(s),
                            m.name
                        ));
                        None
                    }
                    Some(m) => {
                        Some(format!("{}以{}方式进入公务员队伍，试用期至{}，年末尚未期满", on(s), m.name, on(last)))
                    }
                    None => Some(format!(
                        "{}进入公务员队伍，试用期至{}，年末尚未期满；进入方式未填写，按新录用公务员掌握（待核实）",
                        on(s),
                        on(last)
                    )),
                }
            }),
        };
        if let Some(detail) = hit {
            ungraded.push(UngradedHit { code: u.code, rule: ri, discipline: None, detail });
        }
    }
    (ungraded, probation_exempt)
}

/// 补定等次: offered when the year left the person 5B alone, the investigation closed after the
/// year end, and nothing decided since its start is heavier than a 警告 (a discipline whose
/// effect is only "not 优秀"); the day it closed.
pub(crate) fn supplementable(
    ungraded: &[UngradedHit],
    mine: &[&Restriction],
    profile: &Profile,
    year: i32,
) -> Option<NaiveDate> {
    let rules = &profile.assessment;
    let dec31 = year_end(year);
    match ungraded {
        [only] if matches!(rules.ungraded[only.rule].rule, UngradedRule::Investigation) => mine
            .iter()
            .filter(|r| {
                profile.restriction(&r.kind).is_some_and(|x| x.block == crate::profile::RestrictionBlock::Investigation)
            })
            .find(|r| r.date <= dec31 && r.end.is_none_or(|e| e > dec31))
            .and_then(|inv| {
                let closed = inv.end?;
                let heavier = mine.iter().any(|r| {
                    r.date >= inv.date
                        && rules
                            .discipline_of(&r.kind)
                            .is_some_and(|d| rules.discipline[d].effect != DisciplineEffect::NotExcellent)
                });
                (!heavier).then_some(closed)
            }),
        _ => None,
    }
}
