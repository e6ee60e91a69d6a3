//! 核查: what the history a roster holds says went wrong, each finding with the rule and the
//! records behind it (issue 15 §3). Rosters carry years of results, ranks and sanctions typed by
//! hand; the audit holds them against the same rules the decisions use:
//!
//! - a year's result against that year's assessment as the rules decide it ([`assess`]): a 优秀
//!   in a year a decision bars it, a grade in a year left ungraded, a grade other than the one a
//!   discipline forces, and a 不定等次 the roster gives no cause for;
//! - 不称职 in consecutive years with the person still in service (辞退, 公务员法 第八十八条);
//! - each promotion the history records (a [`RankStep`]: seen by the imports, or two ranks of the
//!   roster's 职级变动 sheet, the promotions before the first import too) against the minimum
//!   service on its day, as [`promote`] counts it (优秀 reductions, uncounted years) — and
//!   against climbing one rank at a time;
//! - a rank below the starting rank of the person's education, a rank date before entry into
//!   the service, people past the retirement age still listed, years missing from the results,
//!   and the same name and birth date under two ID numbers.
//!
//! A finding is something to look at, never a verdict: a clerk marks it 已核实 with a reason
//! (kept by the front end with its key). Nothing here reads the clock: `as_of` is given.

use crate::assessment::{assess, Assessed, Decisions};
use crate::assessment_rules::DisciplineEffect;
use crate::dates::year_end;
use crate::profile::Profile;
use crate::promotion::{promote, BlockCode};
use crate::reason::Reason;
use crate::roster::{Grade, Person, ResultCode, Roster, YearResult};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One promotion a person's history records: the rank held since a date, then the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankStep {
    pub person_id: String,
    pub from_rank: String,
    pub from_since: NaiveDate,
    pub to_rank: String,
    pub to_since: NaiveDate,
    /// Where the step was seen: two rows of the roster's 职级变动 sheet, an import that changed
    /// the rank, or both (one step, counted once).
    pub sources: Vec<StepSource>,
}

/// Where a [`RankStep`] was seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum StepSource {
    /// The ranks as the roster's 职级变动 sheet lists them ([`crate::RankRecord::source`]:
    /// 「职级变动」表第5行); the later one may be the present rank of the 人员 sheet
    /// ([`PEOPLE_SHEET_SOURCE`]), which wins over the sheet's last row.
    Records { from: String, to: String },
    /// An import that found the rank and its date changed: when it ran and its file.
    Import { at: String, file: String },
}

/// The source of a step's later rank when it is the person's present rank on the 人员 sheet.
pub const PEOPLE_SHEET_SOURCE: &str = "「人员」表现职级";

/// The promotions held against the rules: those the imports recorded (`imported`) and those of
/// the ranks each person held as the roster's 职级变动 sheet lists them ([`record_steps`]), a
/// step seen both ways counted once with both its sources; steps that took effect on or before
/// the day the profile's rules did (`effective_from`: the ranks of 2019's 套转) are left out.
pub fn all_steps(roster: &Roster, profile: &Profile, imported: &[RankStep]) -> Vec<RankStep> {
    let mut steps: Vec<RankStep> = imported.to_vec();
    let mut seen: HashMap<(String, String, String, NaiveDate), usize> = HashMap::new();
    for (i, s) in steps.iter().enumerate() {
        seen.entry((s.person_id.clone(), s.from_rank.clone(), s.to_rank.clone(), s.to_since)).or_insert(i);
    }
    let mut records: HashMap<&str, Vec<&crate::RankRecord>> = HashMap::new();
    for r in &roster.rank_records {
        records.entry(r.person_id.as_str()).or_default().push(r);
    }
    for p in &roster.people {
        let Some(mine) = records.get(p.id.as_str()) else { continue };
        for step in record_steps(p, mine) {
            let key = (step.person_id.clone(), step.from_rank.clone(), step.to_rank.clone(), step.to_since);
            match seen.get(&key) {
                Some(&i) => steps[i].sources.extend(step.sources),
                None => {
                    seen.insert(key, steps.len());
                    steps.push(step);
                }
            }
        }
    }
    if let Some(from) = profile.meta.effective_from {
        steps.retain(|s| s.to_since > from);
    }
    steps
}

/// The promotions of one person's rank records: consecutive ranks by date. The 人员 sheet's
/// present rank and its date win over the records: the chain is the records dated before it,
/// then the present rank (a record of it on another day, or later records, are left out; the
/// reader warned of them). A run of one rank on several rows counts from its first; no
/// records, no steps.
pub fn record_steps(p: &Person, records: &[&crate::RankRecord]) -> Vec<RankStep> {
    if records.is_empty() {
        return Vec::new();
    }
    let mut sorted: Vec<&crate::RankRecord> = records.to_vec();
    sorted.sort_by_key(|r| r.since);
    let present = sorted
        .iter()
        .find(|r| r.since == p.rank_since && r.rank == p.rank)
        .map_or(PEOPLE_SHEET_SOURCE, |r| r.source.as_str());
    let mut chain: Vec<(&str, NaiveDate, &str)> = Vec::new();
    for r in sorted.iter().filter(|r| r.since < p.rank_since) {
        if chain.last().is_none_or(|last| last.0 != r.rank) {
            chain.push((&r.rank, r.since, &r.source));
        }
    }
    // The present rank replaces a record of the same rank dated otherwise.
    if chain.last().is_some_and(|last| last.0 == p.rank) {
        chain.pop();
    }
    chain.push((&p.rank, p.rank_since, present));
    chain
        .windows(2)
        .map(|w| RankStep {
            person_id: p.id.clone(),
            from_rank: w[0].0.to_string(),
            from_since: w[0].1,
            to_rank: w[1].0.to_string(),
            to_since: w[1].1,
            sources: vec![StepSource::Records { from: w[0].2.to_string(), to: w[1].2.to_string() }],
        })
        .collect()
}

/// A step's two ranks in words, each with the row it was written on, then the imports that saw
/// it: the records of a finding about it.
fn step_records(step: &RankStep) -> Vec<String> {
    let rows = step.sources.iter().find_map(|s| match s {
        StepSource::Records { from, to } => Some((from.as_str(), to.as_str())),
        StepSource::Import { .. } => None,
    });
    let at = |row: Option<&str>| row.map(|r| format!("（{r}）")).unwrap_or_default();
    let mut out = vec![
        format!("{}起任{}{}", day(step.from_since), step.from_rank, at(rows.map(|r| r.0))),
        format!("{}起任{}{}", day(step.to_since), step.to_rank, at(rows.map(|r| r.1))),
    ];
    for s in &step.sources {
        if let StepSource::Import { at, file } = s {
            out.push(format!("导入记录：{at}导入「{file}」时，职级由{}改为{}", step.from_rank, step.to_rank));
        }
    }
    out
}

/// What a finding is about.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// 优秀 in a year a sanction, party discipline, 诫勉 or 组织处理 bars it.
    ExcellentBarred,
    /// A grade in a year the rules leave ungraded (不确定等次).
    GradedWhileUngraded,
    /// A result other than the 不称职 a discipline forces.
    ForcedGradeMissed,
    /// A 不定等次 the roster gives no cause for.
    UngradedWithoutCause,
    /// 不称职 in consecutive years, still in service.
    IncompetentRunning,
    /// Promoted before the minimum service, or while a block applied.
    PromotedEarly,
    /// Promoted past a rank.
    SkippedRank,
    /// A rank below the starting rank of the person's education.
    BelowStartingRank,
    /// The rank's date before the date of entering the service.
    RankBeforeEntry,
    /// Past the retirement age and still listed.
    PastRetirement,
    /// Years without an annual result.
    MissingYears,
    /// A result recorded for a year after the year the person left (离职/退休).
    ResultAfterLeaving,
    /// The same name and birth date under two ID numbers.
    SamePerson,
}

impl FindingKind {
    pub const ALL: [FindingKind; 13] = [
        FindingKind::ExcellentBarred,
        FindingKind::GradedWhileUngraded,
        FindingKind::ForcedGradeMissed,
        FindingKind::UngradedWithoutCause,
        FindingKind::IncompetentRunning,
        FindingKind::PromotedEarly,
        FindingKind::SkippedRank,
        FindingKind::BelowStartingRank,
        FindingKind::RankBeforeEntry,
        FindingKind::PastRetirement,
        FindingKind::MissingYears,
        FindingKind::ResultAfterLeaving,
        FindingKind::SamePerson,
    ];

    /// The key's prefix: stable, so that a mark stays with its finding.
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::ExcellentBarred => "excellent_barred",
            FindingKind::GradedWhileUngraded => "graded_while_ungraded",
            FindingKind::ForcedGradeMissed => "forced_grade_missed",
            FindingKind::UngradedWithoutCause => "ungraded_without_cause",
            FindingKind::IncompetentRunning => "incompetent_running",
            FindingKind::PromotedEarly => "promoted_early",
            FindingKind::SkippedRank => "skipped_rank",
            FindingKind::BelowStartingRank => "below_starting_rank",
            FindingKind::RankBeforeEntry => "rank_before_entry",
            FindingKind::PastRetirement => "past_retirement",
            FindingKind::MissingYears => "missing_years",
            FindingKind::ResultAfterLeaving => "result_after_leaving",
            FindingKind::SamePerson => "same_person",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FindingKind::ExcellentBarred => "受处分等影响的年度评为优秀",
            FindingKind::GradedWhileUngraded => "应不确定等次的年度定了等次",
            FindingKind::ForcedGradeMissed => "应确定为不称职的年度未确定",
            FindingKind::UngradedWithoutCause => "不确定等次缺少依据",
            FindingKind::IncompetentRunning => "连续不称职仍在职",
            FindingKind::PromotedEarly => "晋升时不符合条件",
            FindingKind::SkippedRank => "未逐级晋升",
            FindingKind::BelowStartingRank => "职级低于学历对应的起始职级",
            FindingKind::RankBeforeEntry => "任职级时间早于进入公务员队伍时间",
            FindingKind::PastRetirement => "已达退休年龄仍在册",
            FindingKind::MissingYears => "缺少年度考核结果",
            FindingKind::ResultAfterLeaving => "离职或退休后的年度仍有考核结果",
            FindingKind::SamePerson => "疑似同一人两个身份证号",
        }
    }
}

/// One thing to look at.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AuditFinding"))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable across runs while the records behind it stay: the kind, the ID, the year or date.
    pub key: String,
    pub kind: FindingKind,
    pub person_id: String,
    pub name: String,
    pub organ: String,
    pub year: Option<i32>,
    /// What is wrong, with the rule it goes against.
    pub reason: Reason,
    /// The records behind it, in words (a year's result, a decision, a date of the roster).
    pub records: Vec<String>,
}

fn day(d: NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

fn result_words(r: &YearResult) -> String {
    format!("{}年度考核结果：{}（{}）", r.year, r.result.label(), r.result.code())
}

fn finding(kind: FindingKind, p: &Person, year: Option<i32>, tail: &str, reason: Reason) -> Finding {
    let key = match year {
        Some(y) => format!("{}:{}:{y}{tail}", kind.code(), p.id),
        None => format!("{}:{}{tail}", kind.code(), p.id),
    };
    Finding {
        key,
        kind,
        person_id: p.id.clone(),
        name: p.name.clone(),
        organ: p.organ.clone(),
        year,
        reason,
        records: Vec::new(),
    }
}

/// Everything the audit finds in `roster` on `as_of`, given the promotions the imports recorded
/// (those of the roster's rank records are added, [`all_steps`]). In the order of
/// [`FindingKind::ALL`], then organ, name and year.
pub fn audit(roster: &Roster, profile: &Profile, as_of: NaiveDate, steps: &[RankStep]) -> Vec<Finding> {
    let index: HashMap<&str, usize> = roster.people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut results: Vec<Vec<&YearResult>> = vec![Vec::new(); roster.people.len()];
    for r in &roster.results {
        if let Some(&i) = index.get(r.person_id.as_str()) {
            results[i].push(r);
        }
    }
    for list in &mut results {
        list.sort_by_key(|r| r.year);
    }
    let mut out = results_against_rules(roster, profile, &results, as_of);
    out.extend(incompetent_running(roster, profile, &results, as_of));
    out.extend(promotions(roster, profile, &index, &results, &all_steps(roster, profile, steps)));
    for p in &roster.people {
        out.extend(below_starting_rank(p, profile, as_of));
        out.extend(rank_before_entry(p));
        out.extend(past_retirement(p, profile, as_of));
    }
    out.extend(missing_years(roster, profile, &results));
    out.extend(results_after_leaving(roster, profile, &results));
    out.extend(same_person(roster));
    out.sort_by(|a, b| {
        (a.kind, &a.organ, &a.name, &a.person_id, a.year).cmp(&(b.kind, &b.organ, &b.name, &b.person_id, b.year))
    });
    out
}

/// Each recorded result held against the year's assessment as the rules decide it.
fn results_against_rules(
    roster: &Roster,
    profile: &Profile,
    results: &[Vec<&YearResult>],
    as_of: NaiveDate,
) -> Vec<Finding> {
    let years: BTreeSet<i32> = roster.results.iter().map(|r| r.year).filter(|&y| year_end(y) <= as_of).collect();
    let mut out = Vec::new();
    for year in years {
        let assessed = assess(roster, profile, year, &Decisions::default());
        for a in &assessed.people {
            let person = &roster.people[a.person];
            if let Some(recorded) = results[a.person].iter().find(|r| r.year == year) {
                out.extend(result_against(person, a, recorded, profile));
            }
        }
    }
    out
}

/// One recorded result against the assessment of its year.
fn result_against(person: &Person, a: &Assessed, recorded: &YearResult, profile: &Profile) -> Option<Finding> {
    let rules = &profile.assessment;
    let year = recorded.year;
    let discipline = |effect: DisciplineEffect| a.discipline.iter().find(|h| h.effect == effect);
    let words = |h: &crate::assessment::DisciplineHit| {
        format!("{}受{}（{}年作出决定），该年度{}", day(h.date), h.kind, h.date.year(), h.effect.label())
    };
    let mut f = match (recorded.result, a.forced) {
        (r, Some(forced)) if r != ResultCode::Graded(forced) => {
            let h = discipline(DisciplineEffect::Incompetent)?;
            let reason = Reason::new(format!("{year}年度记为{}，但{}", recorded.result.label(), words(h)))
                .cite(&rules.discipline[h.rule].cite);
            let mut f = finding(FindingKind::ForcedGradeMissed, person, Some(year), "", reason);
            f.records.push(format!("{}：{}", day(h.date), h.kind));
            f
        }
        // A 5B year whose investigation closed with at most a 警告 is graded afterwards (补定等次).
        (ResultCode::Graded(g), _) if !a.ungraded.is_empty() && a.supplementable.is_none() => {
            let h = &a.ungraded[0];
            let cite = match h.discipline {
                Some(d) => &rules.discipline[d].cite,
                None => &rules.ungraded[h.rule].cite,
            };
            let reason = Reason::new(format!(
                "{year}年度记为{}，但{}；该年度应为{}（{}）",
                g.name(),
                h.detail,
                h.code.label(),
                h.code.code()
            ))
            .cite(cite);
            finding(FindingKind::GradedWhileUngraded, person, Some(year), "", reason)
        }
        (ResultCode::Graded(Grade::Excellent), _) => {
            let h = discipline(DisciplineEffect::NotExcellent)?;
            let reason =
                Reason::new(format!("{year}年度评为优秀，但{}", words(h))).cite(&rules.discipline[h.rule].cite);
            let mut f = finding(FindingKind::ExcellentBarred, person, Some(year), "", reason);
            f.records.push(format!("{}：{}", day(h.date), h.kind));
            f
        }
        (code @ (ResultCode::Probation | ResultCode::UnderInvestigation | ResultCode::Sanctioned), _)
            if !a.ungraded.iter().chain(&a.set_aside).any(|h| h.code == code) =>
        {
            // Without the date of entry the probation cannot be judged either way.
            if code == ResultCode::Probation && person.service_start.is_none() {
                return None;
            }
            let rule = rules.ungraded.iter().find(|u| u.code == code);
            let reason = Reason::new(format!(
                "{year}年度记为{}，但名册中没有该年度不确定等次的原因（{}），请核实或补录",
                code.label(),
                cause_words(code)
            ))
            .cite_if(rule.map(|u| &u.cite));
            finding(FindingKind::UngradedWithoutCause, person, Some(year), "", reason)
        }
        _ => return None,
    };
    f.records.insert(0, result_words(recorded));
    Some(f)
}

fn cause_words(code: ResultCode) -> &'static str {
    match code {
        ResultCode::Probation => "新录用且年末试用期未满",
        ResultCode::UnderInvestigation => "年末立案调查尚未结案",
        ResultCode::Sanctioned => "该年度或上一年度作出的处分决定",
        _ => "",
    }
}

/// 不称职 in as many consecutive years as the rules dismiss for, the person still in service.
fn incompetent_running(
    roster: &Roster,
    profile: &Profile,
    results: &[Vec<&YearResult>],
    as_of: NaiveDate,
) -> Vec<Finding> {
    let rules = &profile.assessment;
    let run = rules.dismissal_consecutive;
    let mut out = Vec::new();
    if run == 0 {
        return out;
    }
    for (pi, person) in roster.people.iter().enumerate() {
        if person.left_on.is_some_and(|l| l <= as_of) {
            continue;
        }
        let incompetent: Vec<&YearResult> =
            results[pi].iter().copied().filter(|r| r.result == ResultCode::Graded(Grade::Incompetent)).collect();
        let Some(last) =
            incompetent.windows(run as usize).rev().find(|w| w.windows(2).all(|p| p[1].year == p[0].year + 1))
        else {
            continue;
        };
        let years: Vec<String> = last.iter().map(|r| format!("{}年度", r.year)).collect();
        let reason = Reason::new(format!("{}连续{}年确定为不称职，仍在职", years.join("、"), run))
            .cite_if(rules.usage_cites.get("dismissal_review"));
        let mut f = finding(FindingKind::IncompetentRunning, person, last.last().map(|r| r.year), "", reason);
        f.records = last.iter().map(|r| result_words(r)).collect();
        out.push(f);
    }
    out
}

/// Each promotion the history records, against one-step climbing and the minimum service on its day.
fn promotions(
    roster: &Roster,
    profile: &Profile,
    index: &HashMap<&str, usize>,
    results: &[Vec<&YearResult>],
    steps: &[RankStep],
) -> Vec<Finding> {
    let mut restrictions: HashMap<usize, Vec<&crate::roster::Restriction>> = HashMap::new();
    for r in &roster.restrictions {
        if let Some(&i) = index.get(r.person_id.as_str()) {
            restrictions.entry(i).or_default().push(r);
        }
    }
    let mut out = Vec::new();
    for step in steps {
        let Some(&pi) = index.get(step.person_id.as_str()) else { continue };
        let person = &roster.people[pi];
        let (Some(from), Some(to)) = (profile.rank_ref(&step.from_rank), profile.rank_ref(&step.to_rank)) else {
            continue;
        };
        let tail = format!(":{}", step.to_since);
        let records = step_records(step);
        let up = profile.next_up(from);
        if from.ladder == to.ladder && to.index + 1 < from.index {
            let reason = Reason::new(format!(
                "{}由{}晋升为{}，跨越了{}",
                day(step.to_since),
                step.from_rank,
                step.to_rank,
                up.map(|r| profile.rank(r).name.as_str()).unwrap_or_default()
            ))
            .cite_if(profile.audit.step_by_step.as_ref());
            let mut f = finding(FindingKind::SkippedRank, person, Some(step.to_since.year()), &tail, reason);
            f.records = records;
            out.push(f);
            continue;
        }
        if up != Some(to) {
            continue;
        }
        let alone = Roster {
            people: vec![person.clone()],
            organs: roster.organs.iter().filter(|o| o.name == person.organ).cloned().collect(),
            results: results[pi].iter().map(|r| (*r).clone()).collect(),
            restrictions: restrictions.get(&pi).into_iter().flatten().map(|r| (*r).clone()).collect(),
            ..Roster::default()
        };
        if let Some(mut f) = promotion_on_its_day(alone, profile, step) {
            f.key = format!("{}{tail}", f.key);
            f.records = records;
            out.push(f);
        }
    }
    out
}

/// Whether the person, holding the earlier rank, qualified and was free of blocks on the day of
/// the promotion: `promote` run on that day for the person as they were (`alone`: the person,
/// their organ and records).
fn promotion_on_its_day(mut alone: Roster, profile: &Profile, step: &RankStep) -> Option<Finding> {
    alone.people[0].rank = step.from_rank.clone();
    alone.people[0].rank_since = step.from_since;
    let decided = promote(&alone, profile, step.to_since);
    let person = &alone.people[0];
    let o = decided.people.first()?;
    let rule = o.rule.map(|i| &profile.min_service[i]);
    let promoted = format!("{}由{}晋升为{}", day(step.to_since), step.from_rank, step.to_rank);
    if !o.qualified {
        let required = o.required_months.unwrap_or(0).saturating_sub(o.reduction_months);
        let deducted: u32 = o.deductions.iter().map(|d| d.months).sum();
        let mut words = format!("{promoted}，此前自{}起计算任职年限，至晋升时计{}个月", day(o.start), o.counted_months);
        if deducted > 0 {
            let years: Vec<String> =
                o.deductions.iter().map(|d| format!("{}年度{}", d.year, d.result.label())).collect();
            words.push_str(&format!("（已扣除{}不计算任职年限的{}个月）", years.join("、"), deducted));
        }
        words.push_str(&format!("，应满{required}个月"));
        if o.reduction_months > 0 {
            let years: Vec<String> = o.reduction_years.iter().map(|y| format!("{y}年度")).collect();
            words.push_str(&format!("（{}优秀已缩短{}个月）", years.join("、"), o.reduction_months));
        }
        words.push_str("，任职年限不足");
        return Some(finding(
            FindingKind::PromotedEarly,
            person,
            Some(step.to_since.year()),
            "",
            Reason::new(words).cite_if(rule.map(|r| &r.cite)),
        ));
    }
    let blocks: Vec<String> = o
        .blocks
        .iter()
        .filter(|b| !matches!(b.code, BlockCode::OrganCap | BlockCode::TopOfLadder))
        .map(|b| match b.until {
            Some(until) => format!("{}（至{}）", b.code.label(), day(until)),
            None => b.code.label().to_string(),
        })
        .collect();
    if blocks.is_empty() {
        return None;
    }
    let cite = match o.blocks.first().map(|b| &b.cause) {
        Some(crate::promotion::Cause::Restriction { rule, .. }) => Some(&profile.restrictions[*rule].cite),
        Some(crate::promotion::Cause::BasicCompetent { .. }) => Some(&profile.basic_competent.cite),
        Some(crate::promotion::Cause::Incompetent { .. }) => Some(&profile.incompetent.cite),
        _ => None,
    };
    let reason = Reason::new(format!("{promoted}，晋升时处于{}，不得晋升职级", blocks.join("、"))).cite_if(cite);
    Some(finding(FindingKind::PromotedEarly, person, Some(step.to_since.year()), "", reason))
}

/// A rank below the one a recruit of the person's education starts at after probation.
fn below_starting_rank(p: &Person, profile: &Profile, as_of: NaiveDate) -> Option<Finding> {
    let start = profile.starting_rank_for(p.education.as_deref()?)?;
    let rank = profile.rank_ref(&p.rank)?;
    let floor = profile.rank_ref(&start.rank)?;
    // Still in probation (or its end unknown), or no recruit (调任 …): no rank to hold against
    // the starting one.
    if profile.assessment.probation_until(p)? >= as_of {
        return None;
    }
    if profile.rank(rank).level <= profile.rank(floor).level {
        return None;
    }
    let reason = Reason::new(format!(
        "学历为{}，新录用公务员试用期满应定为{}（或相当职级），现任{}，低于起始职级；学历如为入职后取得，请核实",
        p.education.as_deref().unwrap_or_default(),
        start.rank,
        p.rank
    ))
    .cite(&start.cite);
    let mut f = finding(FindingKind::BelowStartingRank, p, None, "", reason);
    f.records = vec![
        format!("学历：{}", p.education.as_deref().unwrap_or_default()),
        format!("职级：{}（{}起）", p.rank, day(p.rank_since)),
    ];
    Some(f)
}

/// The current rank held since before the person entered the service.
fn rank_before_entry(p: &Person) -> Option<Finding> {
    let entered = p.service_start?;
    if p.rank_since >= entered {
        return None;
    }
    let reason = Reason::new(format!(
        "任现职级时间{}早于进入公务员队伍时间{}，其中一个日期有误",
        day(p.rank_since),
        day(entered)
    ));
    let mut f = finding(FindingKind::RankBeforeEntry, p, None, "", reason);
    f.records = vec![format!("任现职级时间：{}", day(p.rank_since)), format!("进入公务员队伍时间：{}", day(entered))];
    Some(f)
}

/// Past the retirement age on `as_of`, not recorded as gone.
fn past_retirement(p: &Person, profile: &Profile, as_of: NaiveDate) -> Option<Finding> {
    let (birth, gender) = (p.birth?, p.gender.as_deref()?);
    if p.left_on.is_some_and(|l| l <= as_of) {
        return None;
    }
    let rule = profile.retirement_for(gender, &p.rank, p.post_level.as_deref())?;
    let reached = rule.reached_on(birth);
    if reached > as_of {
        return None;
    }
    let raise = rule.raise_months(birth);
    let age = if raise > 0 { format!("{}周岁{}个月", rule.age, raise) } else { format!("{}周岁", rule.age) };
    let reason = Reason::new(format!(
        "{}生，{}，法定退休年龄{age}，{}已达到，名册中仍在职（未填离职/退休日期）",
        day(birth),
        gender,
        day(reached)
    ))
    .cite(&rule.cite);
    let mut f = finding(FindingKind::PastRetirement, p, None, "", reason);
    f.records = vec![format!("出生日期：{}", day(birth)), format!("性别：{gender}")];
    Some(f)
}

/// Years inside the span the roster's results cover, from the person's entry (or first result) to
/// their leaving, without a result.
fn missing_years(roster: &Roster, profile: &Profile, results: &[Vec<&YearResult>]) -> Vec<Finding> {
    let (Some(first), Some(last)) =
        (roster.results.iter().map(|r| r.year).min(), roster.results.iter().map(|r| r.year).max())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (pi, p) in roster.people.iter().enumerate() {
        let Some(own_first) = results[pi].first().map(|r| r.year) else { continue };
        let from = p.service_start.or(p.work_start).map_or(own_first, |d| d.year()).max(first);
        // Gone by 31 December: not assessed that year.
        let to = p.left_on.map_or(last, |l| l.year() - 1).min(last);
        let have: BTreeMap<i32, ()> = results[pi].iter().map(|r| (r.year, ())).collect();
        let missing: Vec<i32> = (from..=to).filter(|y| !have.contains_key(y)).collect();
        if missing.is_empty() {
            continue;
        }
        let years: Vec<String> = missing.iter().map(|y| format!("{y}年度")).collect();
        let reason = Reason::new(format!("名册记录了{first}—{last}年度的考核结果，此人缺少{}的结果", years.join("、")))
            .cite_if(profile.audit.annual.as_ref());
        let tail = format!(":{}", missing.iter().map(i32::to_string).collect::<Vec<_>>().join(","));
        let mut f = finding(FindingKind::MissingYears, p, None, &tail, reason);
        f.records = results[pi].iter().map(|r| result_words(r)).collect();
        out.push(f);
    }
    out
}

/// Results recorded for years after the year a person left (离职/退休): the annual assessment is
/// of those in service (the year of leaving itself is left alone — who is assessed for it is
/// not settled here, [`missing_years`] expects no result for it).
fn results_after_leaving(roster: &Roster, profile: &Profile, results: &[Vec<&YearResult>]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (pi, p) in roster.people.iter().enumerate() {
        let Some(left) = p.left_on else { continue };
        for r in results[pi].iter().filter(|r| r.year > left.year()) {
            let reason = Reason::new(format!(
                "{}已离职或退休，{}年度仍记有考核结果（{}），请核实离职/退休日期或删除该结果",
                day(left),
                r.year,
                r.result.label()
            ))
            .cite_if(profile.audit.annual.as_ref());
            let mut f = finding(FindingKind::ResultAfterLeaving, p, Some(r.year), "", reason);
            f.records = vec![format!("离职/退休日期：{}", day(left)), result_words(r)];
            out.push(f);
        }
    }
    out
}

/// The same name and birth date under more than one ID number.
fn same_person(roster: &Roster) -> Vec<Finding> {
    let mut by: BTreeMap<(String, NaiveDate), Vec<&Person>> = BTreeMap::new();
    for p in &roster.people {
        if let Some(birth) = p.birth {
            let name: String = p.name.chars().filter(|c| !c.is_whitespace()).collect();
            by.entry((name, birth)).or_default().push(p);
        }
    }
    let mut out = Vec::new();
    for ((_, birth), people) in by.into_iter().filter(|(_, v)| v.len() > 1) {
        let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
        let first = people[0];
        let reason = Reason::new(format!(
            "{}（{}生）在名册中有{}个身份证号：{}；如是同一人，应删除多余的记录",
            first.name,
            day(birth),
            ids.len(),
            ids.join("、")
        ));
        let tail = format!(":{}", ids[1..].join(","));
        let mut f = finding(FindingKind::SamePerson, first, None, &tail, reason);
        f.records = people.iter().map(|p| format!("{}：{}，{}，{}", p.id, p.name, p.organ, p.rank)).collect();
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests;
