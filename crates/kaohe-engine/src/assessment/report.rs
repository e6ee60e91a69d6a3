//! The assessment as people read it: names, Chinese grades and reasons citing their rules. The
//! shape of `kaohe assess --json` (docs/cli.md).

use super::*;
use crate::report::ProfileRef;
use crate::roster::{GradeName, NationalCode};

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AssessedPerson"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonReport {
    pub id: String,
    pub name: String,
    pub organ: String,
    pub pool: String,
    pub category: String,
    pub rank: String,
    /// 单位及职务 as the national system writes it: organ, department, post (or rank).
    pub unit_and_post: String,
    pub tier: Option<String>,
    pub score: Option<f64>,
    pub rank_in_pool: Option<u32>,
    pub proposal: Option<GradeName>,
    pub suggested: Option<GradeName>,
    #[serde(rename = "final")]
    pub final_grade: Option<GradeName>,
    pub code: Option<NationalCode>,
    pub excellent_eligible: bool,
    pub flags: Vec<Flag>,
    /// 5B whose investigation has closed with no 处分 heavier than a 警告: a grade may be set
    /// afterwards (补定等次), also in a finalised year.
    pub supplementable: bool,
    /// The grade was set afterwards (补定等次); `final` and `code` are that grade's.
    pub supplemented: bool,
    pub reasons: Vec<Reason>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "RegularCheck"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegularCheckReport {
    pub period: String,
    pub recorded: u32,
    pub good: u32,
    pub limit: u32,
    /// The check in words, citing its rule (待核实 while the 40% is a local practice).
    pub reason: Reason,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AssessmentPool"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PoolReport {
    pub organ: String,
    pub pool: String,
    pub mode: Mode,
    pub members: usize,
    pub participants: u32,
    pub ratio: f64,
    pub ratio_source: RatioSource,
    pub exact: f64,
    pub quota: u32,
    pub rounding: Rounding,
    pub excellent: u32,
    pub final_excellent: u32,
    pub tied_at_line: Vec<String>,
    pub regular_checks: Vec<RegularCheckReport>,
    /// The arithmetic in words.
    pub arithmetic: String,
    /// Members not graded (5A, 5B, 5C, 6A), and how many of them count in `participants`.
    pub ungraded: u32,
    pub ungraded_counted: u32,
    /// The ratio is above the profile's normal ratio with no approval recorded: the year
    /// cannot be finalised.
    pub ratio_unapproved: bool,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "Consequence"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsequenceReport {
    pub id: String,
    pub name: String,
    pub kind: ConsequenceKind,
    pub due: Option<NaiveDate>,
    pub reason: Reason,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentReport {
    pub year: i32,
    pub profile: ProfileRef,
    pub finalized_on: Option<NaiveDate>,
    /// The highest 优秀 ratio that may be approved, in percent (the profile's).
    pub max_ratio: f64,
    pub people: Vec<PersonReport>,
    pub pools: Vec<PoolReport>,
    pub consequences: Vec<ConsequenceReport>,
}

fn hundredths(v: Hundredths) -> f64 {
    v as f64 / 100.0
}

fn two(v: Hundredths) -> String {
    format!("{}.{:02}", v / 100, v % 100)
}

fn percent(bp: BasisPoints) -> String {
    format!("{}%", percent_number(bp))
}

/// 20 for 2000 basis points, 22.5 for 2250.
pub fn percent_number(bp: BasisPoints) -> String {
    if bp.is_multiple_of(100) {
        format!("{}", bp / 100)
    } else {
        format!("{}", bp as f64 / 100.0)
    }
}

pub fn kind_label(k: ConsequenceKind) -> &'static str {
    match k {
        ConsequenceKind::Commendation => "嘉奖",
        ConsequenceKind::Merit => "记三等功",
        ConsequenceKind::Bonus => "年终一次性奖金",
        ConsequenceKind::Admonition => "诫勉",
        ConsequenceKind::Demotion => "降低一个职务或职级层次",
        ConsequenceKind::DismissalReview => "辞退审查",
        ConsequenceKind::GradeStep => "晋升档次",
        ConsequenceKind::LevelUp => "晋升级别",
        ConsequenceKind::ReviewDeadline => "复核申诉期限",
        ConsequenceKind::StepWithheld => "暂不晋升档次",
        ConsequenceKind::LevelWithheld => "暂不晋升级别",
    }
}

pub fn flag_label(f: Flag) -> &'static str {
    match f {
        Flag::TieAtLine => "名额线同分",
        Flag::MissingScore => "缺少评分",
        Flag::NoProposal => "无建议等次",
        Flag::ProposalNotEligible => "建议优秀但不符合条件",
        Flag::OverQuota => "建议优秀超出名额",
        Flag::ProposalIgnored => "不定等次人员的建议等次未采用",
        Flag::WarningNoExcellent => "受警告处分不得评优",
        Flag::RegularRuleFailed => "平时考核不满足评优条件",
        Flag::DisciplineNoExcellent => "受党纪处分、诫勉或组织处理不得评优",
        Flag::DisciplineIncompetent => "受党纪处分确定为不称职",
    }
}

fn source_label(pool: &PoolResult) -> String {
    match pool.ratio_source {
        RatioSource::Approved => format!("经批准的比例（{}）", pool.ratio_basis.clone().unwrap_or_default()),
        RatioSource::Organ => "单位表填写的优秀比例".to_string(),
        RatioSource::Rating => format!("机关绩效等次「{}」对应的比例", pool.ratio_basis.clone().unwrap_or_default()),
        RatioSource::Default => "规则默认比例".to_string(),
    }
}

/// "10人 × 20% = 2.00 → 2名（向下取整；比例来源：规则默认比例）", then what a setting to be
/// verified changes (待核实) and a ratio still to be approved.
pub fn arithmetic(pool: &PoolResult, rules: &AssessmentRules) -> String {
    let rating = if pool.ratio_source == RatioSource::Rating { rules.rating_cite.pending() } else { "" };
    let mut out = format!(
        "{}人 × {} = {} → {}名（{}；比例来源：{}{rating}）",
        pool.participants,
        percent(pool.ratio),
        two(pool.exact_hundredths() as Hundredths),
        pool.quota,
        pool.rounding.label(),
        source_label(pool)
    );
    let (counted, excluded) = pool.ungraded;
    let mut base = Vec::new();
    if counted > 0 {
        base.push(format!("含不确定等次的{counted}人"));
    }
    if excluded > 0 {
        base.push(format!("不含不确定等次的{excluded}人"));
    }
    if !base.is_empty() {
        out.push_str(&format!("；参加人数{}{}", base.join("、"), rules.counted_ungraded_cite.pending()));
    }
    if pool.ratio_unapproved {
        out.push_str(&format!("；比例高于规定的{}，尚未记录批准，不能定稿", percent(rules.ratio)));
    }
    out
}

impl AssessmentReport {
    pub fn build(
        result: &AssessmentResult,
        roster: &Roster,
        profile: &Profile,
        decisions: &Decisions,
    ) -> AssessmentReport {
        let rules = &profile.assessment;
        let people = result
            .people
            .iter()
            .map(|a| {
                let p = &roster.people[a.person];
                let pool = &result.pools[a.pool];
                PersonReport {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    organ: p.organ.clone(),
                    pool: pool.name.clone(),
                    category: p.category.clone(),
                    rank: p.rank.clone(),
                    unit_and_post: format!(
                        "{}{}{}",
                        p.organ,
                        p.department.as_deref().unwrap_or(""),
                        p.post.as_deref().unwrap_or(&p.rank)
                    ),
                    tier: a.tier.map(|t| rules.tiers[t].name.clone()),
                    score: a.score.map(hundredths),
                    rank_in_pool: a.rank_in_pool,
                    proposal: a.proposal.map(Grade::named),
                    suggested: a.suggested.map(Grade::named),
                    final_grade: a.final_grade.map(Grade::named),
                    code: a.code().map(ResultCode::national),
                    excellent_eligible: a.excellent_eligible,
                    supplementable: a.supplementable.is_some(),
                    supplemented: a.supplement.is_some(),
                    flags: a.flags.clone(),
                    reasons: reasons(a, pool, result, roster, profile),
                }
            })
            .collect();
        let id = |ai: &usize| roster.people[result.people[*ai].person].id.clone();
        let pools = result
            .pools
            .iter()
            .map(|p| PoolReport {
                organ: p.organ.clone(),
                pool: p.name.clone(),
                mode: p.mode,
                members: p.members.len(),
                participants: p.participants,
                ratio: p.ratio as f64 / 100.0,
                ratio_source: p.ratio_source,
                exact: p.exact_hundredths() as f64 / 100.0,
                quota: p.quota,
                rounding: p.rounding,
                excellent: p.excellent,
                final_excellent: p.final_excellent,
                tied_at_line: p.tied_at_line.iter().map(id).collect(),
                regular_checks: p
                    .regular_checks
                    .iter()
                    .map(|c| RegularCheckReport {
                        period: c.period.code(),
                        recorded: c.recorded,
                        good: c.good,
                        limit: c.limit,
                        reason: Reason::new(format!(
                            "{}有平时考核记录{}人，其中“好”{}人，超过{}%（{}人）",
                            c.period.label(),
                            c.recorded,
                            c.good,
                            rules.good_limit,
                            c.limit,
                        ))
                        .cite(&rules.regular_cite),
                    })
                    .collect(),
                arithmetic: arithmetic(p, rules),
                ungraded: p.ungraded.0 + p.ungraded.1,
                ungraded_counted: p.ungraded.0,
                ratio_unapproved: p.ratio_unapproved,
            })
            .collect();
        let consequences = result
            .consequences
            .iter()
            .map(|c| {
                let p = &roster.people[result.people[c.assessed].person];
                ConsequenceReport {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    kind: c.kind,
                    due: c.due,
                    reason: c.reason(result.year, &p.rank, &profile.assessment),
                }
            })
            .collect();
        AssessmentReport {
            year: result.year,
            profile: ProfileRef::of(profile),
            finalized_on: decisions.finalized_on,
            max_ratio: f64::from(rules.max_ratio) / 100.0,
            people,
            pools,
            consequences,
        }
    }
}

fn reasons(
    a: &Assessed,
    pool: &PoolResult,
    result: &AssessmentResult,
    roster: &Roster,
    profile: &Profile,
) -> Vec<Reason> {
    let rules = &profile.assessment;
    let mut out: Vec<Reason> = Vec::new();
    let tier = a.tier.map(|t| rules.tiers[t].name.as_str()).unwrap_or("未分层");
    out.push(
        Reason::new(format!("考核池：{}·{}（{}）；{}", pool.organ, pool.name, tier, arithmetic(pool, rules)))
            .cite(&rules.quota_cite),
    );
    if roster.people[a.person].is_leader {
        let how = if rules.leaders_by_supervisor && pool.organ != roster.people[a.person].organ {
            format!("与{}所属各单位的领导成员合并设池", pool.organ)
        } else {
            "按本单位单独设池".to_string()
        };
        out.push(Reason::new(format!("领导成员由主管机关考核，{how}")).cite(&rules.leaders_cite));
    }
    let hit_cite =
        |h: &UngradedHit| h.discipline.map(|d| &rules.discipline[d].cite).unwrap_or(&rules.ungraded[h.rule].cite);
    for h in &a.ungraded {
        out.push(
            Reason::new(format!("参加考核，不确定等次（{}，{}）：{}", h.code.code(), h.code.label(), h.detail))
                .cite(hit_cite(h)),
        );
    }
    // The discipline hits that are not a 不确定等次 line: 不称职 first, then not 优秀.
    for h in a.discipline.iter().filter(|h| h.effect != DisciplineEffect::Ungraded) {
        let outweighed = match (h.effect, a.forced.is_some() || !a.ungraded.is_empty()) {
            (DisciplineEffect::NotExcellent, true) => "；另有较重的情形，按较重者处理",
            _ => "",
        };
        out.push(
            Reason::new(format!("{}{outweighed}", discipline_words(h, rules, result.year)))
                .cite(&rules.discipline[h.rule].cite),
        );
    }
    for h in &a.set_aside {
        out.push(
            Reason::new(format!(
                "另有参加考核、不确定等次的情形（{}，{}）：{}；按较重的不称职处理",
                h.code.code(),
                h.code.label(),
                h.detail,
            ))
            .cite(hit_cite(h)),
        );
    }
    if let Some(why) = &a.probation_exempt {
        let cite = rules.ungraded.iter().find(|u| matches!(u.rule, UngradedRule::Probation { .. })).map(|u| &u.cite);
        out.push(Reason::new(why).cite_if(cite));
    }
    if a.ungraded.is_empty() {
        let (recorded, good, forbidden) = a.regular;
        if recorded > 0 {
            let verdict = if a.regular_ok { "符合评优条件" } else { "不符合评优条件" };
            out.push(
                Reason::new(format!(
                    "平时考核：{recorded}个期间中“好”{good}个，“一般”或“较差”{forbidden}个；评优要求“好”不少于{}%且无{}，{verdict}",
                    rules.min_good_share,
                    rules.forbidden.iter().map(|g| format!("“{}”", g.name())).collect::<Vec<_>>().join("、"),
                ))
                .cite(&rules.regular_cite),
            );
        }
    }
    out.extend(score_reason(a, rules));
    out.extend(suggestion(a, pool, result, rules).map(Reason::from));
    if a.flags.contains(&Flag::ProposalNotEligible) {
        out.push("建议为优秀，但不符合评优条件，请核查".into());
    }
    if a.flags.contains(&Flag::OverQuota) {
        out.push(format!("本池建议优秀的人数超过{}个名额，请考核委员会核减", pool.quota).into());
    }
    if a.flags.contains(&Flag::ProposalIgnored) {
        out.push("不定等次人员的主管领导建议等次未采用".into());
    }
    if let Some(closed) = a.supplementable {
        let cite = a.ungraded.first().map(|h| &rules.ungraded[h.rule].cite);
        let closed = closed.format("%Y年%-m月%-d日");
        let words = match &a.supplement {
            Some((g, why)) => format!(
                "立案审查调查已于{closed}结案，其后未受到影响确定等次的处分或处理，补定等次为{}，理由：{why}",
                g.name()
            ),
            None => format!("立案审查调查已于{closed}结案，其后未受到影响确定等次的处分或处理，可按规定补定等次"),
        };
        out.push(Reason::new(words).cite_if(cite));
    }
    if let Some(why) = &a.overridden {
        out.push(Reason::new(format!(
            "考核委员会确定为{}（建议为{}），理由：{why}",
            a.final_grade.map(Grade::name).unwrap_or("—"),
            a.suggested.map(Grade::name).unwrap_or("待定")
        )));
    }
    let _ = roster;
    out
}

/// The score and how it is made, citing the rule of the blend.
fn score_reason(a: &Assessed, rules: &AssessmentRules) -> Option<Reason> {
    let score = a.score?;
    let (b1, b2, b3) = rules.blend;
    let mut parts = Vec::new();
    if let Some(d) = a.components.0 {
        let w = a.weights.map(|w| &rules.weights[w]);
        let ws = w
            .map(|w| w.weights.iter().map(|(k, v)| format!("{}{}%", k.name(), v)).collect::<Vec<_>>().join("、"))
            .unwrap_or_default();
        parts.push(format!("德能勤绩廉 {}（权重 {ws}）× {b1}%", two(d)));
    }
    if let Some(r) = a.components.1 {
        parts.push(format!("平时考核平均 {} × {b2}%", two(r)));
    }
    if let Some(m) = a.components.2 {
        parts.push(format!("民主测评 {} × {b3}%", two(m)));
    }
    let rank = a.rank_in_pool.map(|r| format!("，池内第{r}名")).unwrap_or_default();
    Some(
        Reason::new(format!("综合得分 {}（{}，按权重合计后保留两位小数）{rank}", two(score), parts.join(" + ")))
            .cite(&rules.score_cite),
    )
}

/// Why the suggested grade is what it is (none for a person not graded).
fn suggestion(a: &Assessed, pool: &PoolResult, result: &AssessmentResult, rules: &AssessmentRules) -> Option<String> {
    match (pool.mode, a.suggested, a.flags.contains(&Flag::TieAtLine)) {
        _ if !a.ungraded.is_empty() => None,
        (_, Some(g), _) if a.forced == Some(g) => {
            Some(format!("因所受处分按规定确定为{}，不因得分或主管领导建议等次改变", g.name()))
        }
        (_, None, true) => Some(format!(
            "与池内其他{}人同分并列于优秀名额线，名额不足以全部确定为优秀，请考核委员会决定",
            pool.tied_at_line.len().saturating_sub(1)
        )),
        (Mode::Score, Some(Grade::Excellent), _) => {
            // Competition rank among the pool's members who may be 优秀.
            let better = pool
                .members
                .iter()
                .map(|&m| &result.people[m])
                .filter(|b| {
                    b.excellent_eligible
                        && b.ungraded.is_empty()
                        && b.score.is_some_and(|s| a.score.is_some_and(|mine| s > mine))
                })
                .count();
            Some(format!("在符合评优条件人员中排第{}名，在优秀名额（{}名）以内，建议优秀", better + 1, pool.quota))
        }
        (Mode::Score, Some(g), _) if a.flags.contains(&Flag::MissingScore) => {
            Some(format!("没有评分，建议{}", g.name()))
        }
        (Mode::Score, Some(Grade::Incompetent), _) => {
            Some(format!("综合得分低于{}分，建议不称职", two(rules.incompetent_below)))
        }
        (Mode::Score, Some(Grade::BasicallyCompetent), _) => {
            Some(format!("综合得分低于{}分，建议基本称职", two(rules.basic_below)))
        }
        (Mode::Score, Some(g), _) => {
            Some(format!("未进入优秀名额，综合得分不低于{}分，建议{}", two(rules.basic_below), g.name()))
        }
        (Mode::Proposal, Some(g), _) if a.proposal.is_some() => {
            Some(format!("主管领导建议等次为{}，采用建议", g.name()))
        }
        (Mode::Proposal, Some(g), _) => Some(format!("无主管领导建议等次，建议{}", g.name())),
        _ => None,
    }
}
