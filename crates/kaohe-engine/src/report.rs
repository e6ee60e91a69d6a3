//! The promotion result as people read it: names instead of indices, and for every person the
//! reasons in Chinese, each citing the rule it applies. This is the shape of `kaohe promote
//! --json` and of the desktop app's promotion page (docs/cli.md).

use crate::profile::{ExcellentFrom, Profile, RestrictionBlock, Status};
use crate::promotion::{
    Block, BlockCode, Cause, Outcome, PoolOutcome, PromotionResult, Slot, SlotCode, StartBasis, SubBasis,
};
use crate::reason::Reason;
use crate::roster::Roster;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileRef {
    pub id: String,
    pub name: String,
    pub version: String,
}

impl ProfileRef {
    pub fn of(profile: &Profile) -> ProfileRef {
        ProfileRef {
            id: profile.meta.id.clone(),
            name: profile.meta.name.clone(),
            version: profile.meta.version.clone(),
        }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PromotionBlock"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockReport {
    pub code: BlockCode,
    pub until: Option<NaiveDate>,
    pub reason: Reason,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PromotionPerson"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonReport {
    pub id: String,
    pub name: String,
    pub organ: String,
    pub category: String,
    pub rank: String,
    pub target_rank: Option<String>,
    /// The statutory requirement (the table's years × 12).
    pub required_months: Option<u32>,
    /// Months taken off the requirement on the as-of date by 优秀 years (0 when none).
    pub reduction_months: u32,
    /// The 优秀 years behind `reduction_months`.
    pub reduction_years: Vec<i32>,
    pub counting_from: NaiveDate,
    pub counted_months: u32,
    pub qualified: bool,
    pub eligible: bool,
    pub eligible_on: Option<NaiveDate>,
    /// The person's 级别 now (from the roster) and after promotion to the target.
    pub level: Option<u32>,
    pub new_level: Option<u32>,
    pub slot: Option<SlotCode>,
    pub blocks: Vec<BlockReport>,
    pub reasons: Vec<Reason>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PromotionPool"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PoolReport {
    pub organ: String,
    pub pool: String,
    pub approved: Option<u32>,
    pub held: u32,
    pub free: Option<u32>,
    pub candidates: Vec<String>,
    pub proposed: Vec<String>,
    /// The pool's ranks with places of their own.
    pub ranks: Vec<RankSlotReport>,
}

/// The places of one rank inside a pool (a per-rank number of the 单位 sheet, or a sub-limit).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PromotionRankSlots"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankSlotReport {
    pub rank: String,
    pub approved: u32,
    /// "organ" (the 单位 sheet's number) or "ratio" (a profile sub-limit of the pool's number).
    #[cfg_attr(feature = "ts", ts(type = "\"organ\" | \"ratio\""))]
    pub basis: &'static str,
    /// The sub-limit's percent and citation when `basis` is "ratio".
    pub percent: Option<u32>,
    pub cite: Option<String>,
    pub held: u32,
    pub free: u32,
    pub candidates: Vec<String>,
    pub proposed: Vec<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromotionReport {
    pub as_of: NaiveDate,
    pub profile: ProfileRef,
    pub people: Vec<PersonReport>,
    pub pools: Vec<PoolReport>,
}

/// "2年3个月" for a month count.
pub fn months_text(months: u32) -> String {
    match (months / 12, months % 12) {
        (0, m) => format!("{m}个月"),
        (y, 0) => format!("{y}年"),
        (y, m) => format!("{y}年{m}个月"),
    }
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

impl PromotionReport {
    pub fn build(result: &PromotionResult, roster: &Roster, profile: &Profile) -> PromotionReport {
        let slots: HashMap<(&str, usize), &PoolOutcome> =
            result.pools.iter().map(|p| ((p.organ.as_str(), p.pool), p)).collect();
        let people = result.people.iter().map(|o| person(o, result.as_of, roster, profile, &slots)).collect();
        let id = |i: &usize| roster.people[*i].id.clone();
        let pools = result
            .pools
            .iter()
            .map(|p| PoolReport {
                organ: p.organ.clone(),
                pool: profile.pools[p.pool].name.clone(),
                approved: p.approved,
                held: p.held,
                free: p.free,
                candidates: p.candidates.iter().map(id).collect(),
                proposed: p.proposed.iter().map(id).collect(),
                ranks: p
                    .ranks
                    .iter()
                    .map(|r| {
                        let sl = match r.basis {
                            SubBasis::Organ => None,
                            SubBasis::Ratio(i) => Some(&profile.sub_limits[i]),
                        };
                        RankSlotReport {
                            rank: profile.rank(r.rank).name.clone(),
                            approved: r.approved,
                            basis: if sl.is_some() { "ratio" } else { "organ" },
                            percent: sl.map(|s| s.percent),
                            cite: sl.map(|s| s.cite.to_string()),
                            held: r.held,
                            free: r.free,
                            candidates: r.candidates.iter().map(id).collect(),
                            proposed: r.proposed.iter().map(id).collect(),
                        }
                    })
                    .collect(),
            })
            .collect();
        PromotionReport { as_of: result.as_of, profile: ProfileRef::of(profile), people, pools }
    }
}

/// The service behind a promotion: the rule and its years, the months counted (from when, the
/// years not counted), the 优秀 years that shorten it, and whether it is met or when it will be.
fn service_reasons(
    o: &Outcome,
    target: &str,
    rule: &crate::profile::MinService,
    p: &crate::roster::Person,
    as_of: NaiveDate,
    profile: &Profile,
) -> Vec<Reason> {
    let rank = profile.rank(o.rank);
    let ladder = &profile.ladders[o.rank.ladder];
    let mut reasons = Vec::new();
    let posts = if rule.posts.is_empty() { String::new() } else { format!("或{}", rule.posts.join("、")) };
    reasons.push(
        Reason::new(format!(
            "拟晋升职级：{target}（{}职级序列，逐级晋升）。晋升{target}需任{}{posts}满{}年（{}个月）",
            ladder.category,
            rank.name,
            rule.years,
            rule.years * 12,
        ))
        .cite(&rule.cite),
    );
    let basis = match o.basis {
        StartBasis::Rank => format!("任{}", rank.name),
        StartBasis::ProbationEnd => format!(
            "{}{}进入公务员队伍，自试用期满之日起计算，不自名册中的任{}时间起算",
            p.service_start.map(date_text).unwrap_or_default(),
            p.entry_method.as_deref().unwrap_or_default(),
            rank.name
        ),
        StartBasis::Post => format!(
            "任{}{}（早于任{}的{}）",
            p.post_level.as_deref().unwrap_or_default(),
            p.post.as_deref().map(|t| format!("「{t}」")).unwrap_or_default(),
            rank.name,
            date_text(p.rank_since)
        ),
    };
    let mut line = Reason::new(format!(
        "任职年限自{}起算（{basis}），至{}共{}个月",
        date_text(o.start),
        date_text(as_of),
        o.total_months
    ));
    if o.basis == StartBasis::ProbationEnd {
        line.push_cite(&profile.service.probation_cite);
    }
    for d in &o.deductions {
        let result = match d.result.grade() {
            Some(g) => g.name().to_string(),
            None => format!("不定等次（{}，{}）", d.result.code(), d.result.label()),
        };
        line.push_text(format!(
            "；{}年度考核为{result}，该年度不计算任职年限，扣除其在计算期内的{}个月",
            d.year, d.months
        ));
    }
    if !o.deductions.is_empty() {
        line.push_cite(&profile.service.cite);
    }
    line.push_text(format!("，计{}个月（{}）。", o.counted_months, months_text(o.counted_months)));
    reasons.push(line);
    let statutory = rule.years * 12;
    let required = statutory - o.reduction_months.min(statutory);
    if o.reduction_months > 0 {
        let years: Vec<String> = o.reduction_years.iter().map(|y| format!("{y}年度")).collect();
        let sv = &profile.service;
        let from = match sv.excellent_from {
            ExcellentFrom::NextYear => "各自次年1月1日起缩短",
            ExcellentFrom::YearEnd => "各自该年12月31日起缩短",
        };
        let timing = match sv.excellent_timing_cite.status {
            Status::U => format!("（{from}：{}{}）", sv.excellent_timing_cite.text, sv.excellent_timing_cite.pending()),
            _ => format!("（{from}）"),
        };
        reasons.push(
            Reason::new(format!(
                "计算期内{}考核为优秀（{}个），所需任职年限缩短{}个月，为{}个月{timing}",
                years.join("、"),
                o.reduction_years.len(),
                o.reduction_months,
                required,
            ))
            .cite(&sv.excellent_cite),
        );
    }
    match (o.qualified, o.eligible_on) {
        (true, Some(on)) => reasons.push(format!("任职年限已满足（自{}起达到所需年限）。", date_text(on)).into()),
        (true, None) => reasons.push("任职年限已满足。".into()),
        (false, Some(on)) => reasons.push(Reason::new(format!(
            "任职年限尚差{}个月；如此后年度考核均为称职，将于{}达到所需年限。",
            required - o.counted_months.min(required),
            date_text(on),
        ))),
        (false, None) => {
            reasons.push(format!("任职年限尚差{}个月。", required - o.counted_months.min(required)).into())
        }
    }
    reasons
}

fn person(
    o: &Outcome,
    as_of: NaiveDate,
    roster: &Roster,
    profile: &Profile,
    slots: &HashMap<(&str, usize), &PoolOutcome>,
) -> PersonReport {
    let p = &roster.people[o.person];
    let rank = profile.rank(o.rank);
    let ladder = &profile.ladders[o.rank.ladder];
    let target = o.target.map(|t| profile.rank(t).name.clone());
    let mut reasons = Vec::new();

    let blocks: Vec<BlockReport> = o
        .blocks
        .iter()
        .map(|b| BlockReport { code: b.code, until: b.until, reason: block_reason(b, o, p.organ.as_str(), profile) })
        .collect();

    if let (Some(target), Some(rule)) = (&target, o.rule.map(|i| &profile.min_service[i])) {
        reasons.extend(service_reasons(o, target, rule, p, as_of, profile));
    }

    if let (Some(target), Some(level), Some(new)) = (&target, p.level, o.new_level) {
        let lp = &profile.level_on_promotion;
        let (high, low) = profile.rank(o.target.unwrap_or(o.rank)).grades;
        let how = if new == level { "级别不变" } else { "晋升" };
        reasons.push(
            Reason::new(format!(
                "晋升{target}后级别：现为{level}级，{target}对应{low}级至{high}级，{how}{}",
                if new == level { String::new() } else { format!("为{new}级") },
            ))
            .cite(&lp.cite),
        );
    }
    for b in &blocks {
        reasons.push(b.reason.clone());
    }
    if let Some(line) = slot_reason(o, p.organ.as_str(), profile, slots) {
        reasons.push(line);
    }
    let verdict = match (&target, o.qualified, o.eligible) {
        (None, _, _) => "结论：无可晋升的上一职级。".to_string(),
        (Some(t), _, true) => format!("结论：符合晋升{t}的资格条件。"),
        (Some(t), true, false) => {
            format!(
                "结论：任职年限已满足，但因{}暂不能晋升{t}。",
                o.blocks.iter().map(|b| b.code.label()).collect::<Vec<_>>().join("、")
            )
        }
        (Some(t), false, false) => format!("结论：暂不符合晋升{t}的任职年限条件。"),
    };
    reasons.push(verdict.into());

    PersonReport {
        id: p.id.clone(),
        name: p.name.clone(),
        organ: p.organ.clone(),
        category: ladder.category.clone(),
        rank: rank.name.clone(),
        target_rank: target,
        required_months: o.required_months,
        reduction_months: o.reduction_months,
        reduction_years: o.reduction_years.clone(),
        counting_from: o.start,
        counted_months: o.counted_months,
        qualified: o.qualified,
        eligible: o.eligible,
        eligible_on: o.eligible_on,
        level: p.level,
        new_level: o.new_level,
        slot: o.slot.code(),
        blocks,
        reasons,
    }
}

fn block_reason(b: &Block, o: &Outcome, organ: &str, profile: &Profile) -> Reason {
    let until = b.until.map(|u| format!("至{}", date_text(u))).unwrap_or_default();
    match &b.cause {
        Cause::Restriction { rule, date } => {
            let r = &profile.restrictions[*rule];
            let period = &r.period;
            let words = match (r.months, r.block) {
                (Some(m), _) => {
                    format!("{}受{}（{period}{}个月，{until}），{period}内不得晋升职级", date_text(*date), r.kind, m)
                }
                (None, RestrictionBlock::Investigation) => {
                    format!("自{}起{}，尚未作出结论，期间不得晋升职级", date_text(*date), r.kind)
                }
                (None, _) if b.until.is_some() => {
                    format!("{}受{}（{period}{until}），{period}内不得晋升职级", date_text(*date), r.kind)
                }
                (None, _) => format!("{}受{}，不得晋升职级", date_text(*date), r.kind),
            };
            Reason::new(words).cite(&r.cite)
        }
        Cause::BasicCompetent { year } => {
            let bc = &profile.basic_competent;
            Reason::new(format!("{year}年度考核为{}，{until}不得晋升职级", bc.grade.name())).cite(&bc.cite)
        }
        Cause::Incompetent { year } => {
            let ic = &profile.incompetent;
            Reason::new(format!(
                "{year}年度考核为{}（最近一次确定等次的年度考核），应降低一个职级层次任职，不得晋升职级；名册中的职级可能尚未按降低后的职级更新，请核对",
                ic.grade.name(),
            ))
            .cite(&ic.cite)
        }
        Cause::OrganCap { organ_level, .. } => {
            let l = &profile.organ_levels[*organ_level];
            let target = o.target.map(|t| profile.rank(t).name.as_str()).unwrap_or_default();
            Reason::new(format!(
                "{organ}为{}机关，职级最高设置到{}（及同层级职级），不能设置{target}",
                l.name, l.max_rank,
            ))
            .cite(&l.cite)
        }
        Cause::TopOfLadder => {
            let ladder = &profile.ladders[o.rank.ladder];
            Reason::new(format!(
                "{}是{}职级序列的最高职级，没有上一职级可晋升",
                profile.rank(o.rank).name,
                ladder.category,
            ))
            .cite(&ladder.cite)
        }
    }
}

fn slot_reason(
    o: &Outcome,
    organ: &str,
    profile: &Profile,
    slots: &HashMap<(&str, usize), &PoolOutcome>,
) -> Option<Reason> {
    let pool_name = |i: usize| profile.pools[i].name.as_str();
    let numbers = |i: usize| {
        slots
            .get(&(organ, i))
            .and_then(|p| Some(format!("核定{}名、实有{}名、空缺{}名", p.approved?, p.held, p.free?)))
            .unwrap_or_default()
    };
    // 「；其中…名」 for the rank's own places, citing the sub-limit it is computed by.
    let rank_numbers = |line: &mut Reason, pool: usize, sub: Option<usize>| {
        let Some(r) = sub.and_then(|si| slots.get(&(organ, pool))?.ranks.get(si)) else { return };
        let name = &profile.rank(r.rank).name;
        let basis = match r.basis {
            SubBasis::Organ => "本单位核定".to_string(),
            SubBasis::Ratio(i) => format!("按职数池核定数的{}%（向下取整）计", profile.sub_limits[i].percent),
        };
        line.push_text(format!("；其中{name}{basis}{}名、实有{}名、空缺{}名", r.approved, r.held, r.free));
        if let SubBasis::Ratio(i) = r.basis {
            line.push_cite(&profile.sub_limits[i].cite);
        }
    };
    // A pool that is itself 待核实 (the other ladders' pools, set by analogy) says so.
    let pool_cite = |i: usize| Some(&profile.pools[i].cite).filter(|c| c.status == Status::U);
    let order = &profile.ordering.cite;
    let target = o.target.map(|t| profile.rank(t).name.as_str()).unwrap_or_default();
    Some(match o.slot {
        Slot::NotConsidered => return None,
        Slot::Unlimited => format!("{target}不属于任何职数池，规则未设职数限制，不占用职数。").into(),
        Slot::WithinPool { pool } => Reason::new(format!(
            "晋升后仍在「{}」职数池内，不占用该池新增职数；{target}未核定单列职数，也无适用的职数限额",
            pool_name(pool),
        ))
        .cite_if(pool_cite(pool))
        .text("。"),
        Slot::Proposed { pool, position, of, entering, sub } => {
            let place = if entering { "" } else { "（池内晋升，占用该职级职数）" };
            let mut line = Reason::new(format!("{organ}「{}」{}", pool_name(pool), numbers(pool)));
            rank_numbers(&mut line, pool, sub);
            line.text(format!("{place}；在{of}名符合条件人员中排第{position}位，列入拟晋升人选")).cite(order)
        }
        Slot::Waiting { pool, position, of, entering, sub, short_of_rank } => {
            let place = if entering { "" } else { "（池内晋升，占用该职级职数）" };
            let why = if short_of_rank { format!("超出{target}的空缺数") } else { "超出空缺数".to_string() };
            let mut line =
                Reason::new(format!("{organ}「{}」{}", pool_name(pool), numbers(pool))).cite_if(pool_cite(pool));
            rank_numbers(&mut line, pool, sub);
            line.text(format!("{place}；在{of}名符合条件人员中排第{position}位，{why}，暂不列入拟晋升人选")).cite(order)
        }
        Slot::NotApproved { pool } => {
            Reason::new(format!("{organ}未填写「{}」核定职数，无法确定空缺，暂不列入拟晋升人选", pool_name(pool)))
                .cite_if(pool_cite(pool))
                .text("。")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_written_in_years_and_months() {
        assert_eq!(months_text(0), "0个月");
        assert_eq!(months_text(24), "2年");
        assert_eq!(months_text(27), "2年3个月");
        assert_eq!(months_text(5), "5个月");
    }
}
