//! The rule profile: every ladder, year count, period, cap and pool the engine applies, each with
//! its citation. Loaded from TOML (the national default ships in `profiles/national.toml`; a
//! locality loads its own file) and validated before use: a broken profile is refused with a
//! message that names the entry.

use crate::fast_hash::FastMap as HashMap;
use crate::roster::{Grade, ResultCode};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The national default profile's text.
pub const NATIONAL_TOML: &str = include_str!("../../../../profiles/national.toml");

/// The largest number a rule profile may give as a count of years, months, days, levels or
/// places: far above any rule, far below what would make a computation run for minutes (a 公示
/// of 4,294,967,295 working days took 27 s of CPU to print).
pub const MAX_COUNT: i64 = 10_000;

/// The longest 公示 a profile may set, in working days (the rules say 5).
pub const MAX_PUBLICITY_DAYS: u32 = 60;

/// How well a rule is established (domain.md's source tags).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CiteStatus"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Read in the primary legal text.
    P,
    /// Stated by secondary sources or real systems.
    S,
    /// Our best understanding: shown as 待核实.
    U,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::P => "法定",
            Status::S => "通行做法",
            Status::U => "待核实",
        }
    }
}

/// Where a rule comes from.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub text: String,
    pub status: Status,
}

impl Citation {
    /// What a sentence resting on this rule adds at its end, inside its brackets: 「，待核实」
    /// when the rule is to be verified, nothing otherwise (every report words it so).
    pub fn pending(&self) -> &'static str {
        match self.status {
            Status::U => "，待核实",
            _ => "",
        }
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.status {
            Status::U => write!(f, "{}〔待核实〕", self.text),
            _ => f.write_str(&self.text),
        }
    }
}

/// A profile that failed to load.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfileError {
    #[error("规则文件无法读取：{0}")]
    Syntax(String),
    #[error("规则文件有误：{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("；"))]
    Invalid(Vec<Problem>),
}

/// One broken entry of a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Which entry, e.g. `min_service「一级科员」`.
    pub entry: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}：{}", self.entry, self.message)
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileMeta"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    pub id: String,
    pub name: String,
    pub version: String,
    pub effective_from: Option<NaiveDate>,
    pub note: Option<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileCategory"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Category {
    pub key: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub cite: Citation,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileRank"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rank {
    pub name: String,
    /// Row of the ladder table; equal levels are equivalent across categories.
    pub level: u32,
    /// 级别 range as (highest, lowest); 级别 1 is the highest.
    pub grades: (u32, u32),
    pub aliases: Vec<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileLadder"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ladder {
    pub category: String,
    /// Highest first.
    pub ranks: Vec<Rank>,
    pub cite: Citation,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileLeadingPost"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeadingPost {
    pub name: String,
    pub aliases: Vec<String>,
    pub grades: Option<(u32, u32)>,
    pub cite: Citation,
}

/// A statutory retirement age (法定退休年龄) for one gender — for everyone of it, or only for the
/// ranks and leading-post levels listed — and how the 2024 decision raises it by the month of
/// birth: from `raised_from` on, one month more per `step_months` months of birth, at most
/// `max_raise_months`. The first entry that applies to a person is theirs.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileRetirement"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Retirement {
    pub gender: String,
    /// Canonical rank names; empty: any rank.
    pub ranks: Vec<String>,
    /// Canonical leading-post levels; empty: any.
    pub post_levels: Vec<String>,
    pub age: u32,
    pub raised_from: Option<NaiveDate>,
    pub step_months: u32,
    pub max_raise_months: u32,
    pub cite: Citation,
}

impl Retirement {
    /// Whether the entry is for this gender, rank and leading-post level: with both lists
    /// given, either one matching is enough.
    pub fn applies(&self, gender: &str, rank: &str, post_level: Option<&str>) -> bool {
        let by_rank = self.ranks.iter().any(|r| r == rank);
        let by_post = post_level.is_some_and(|l| self.post_levels.iter().any(|p| p == l));
        squeeze(gender) == self.gender && ((self.ranks.is_empty() && self.post_levels.is_empty()) || by_rank || by_post)
    }

    /// The months added to the age for someone born on `birth`.
    pub fn raise_months(&self, birth: NaiveDate) -> u32 {
        match self.raised_from {
            Some(from) if birth >= from && self.step_months > 0 => {
                let months = (birth.year() - from.year()) * 12 + birth.month() as i32 - from.month() as i32;
                (months.max(0) as u32 / self.step_months + 1).min(self.max_raise_months)
            }
            _ => 0,
        }
    }

    /// The day the person born on `birth` reaches the retirement age.
    pub fn reached_on(&self, birth: NaiveDate) -> NaiveDate {
        crate::dates::add_months(birth, self.age * 12 + self.raise_months(birth))
    }
}

/// The rules 核查 cites that no other part of the profile holds.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileAudit"))]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AuditRules {
    /// Every non-leader is assessed every year (a year missing from the results).
    pub annual: Option<Citation>,
    /// Ranks are climbed one step at a time (a promotion that skipped a rank).
    pub step_by_step: Option<Citation>,
}

/// The rank (and 级别) given after probation, by education.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileStartingRank"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StartingRank {
    pub education: String,
    pub aliases: Vec<String>,
    pub rank: String,
    pub grade: u32,
    pub cite: Citation,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileMinService"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinService {
    pub target: String,
    pub years: u32,
    /// Leading-post levels whose time also counts.
    pub posts: Vec<String>,
    pub cite: Citation,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileServiceRules"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceRules {
    /// Results (grades or national codes) whose calendar years do not count as service.
    pub uncounted: Vec<ResultCode>,
    pub cite: Citation,
    /// Months each 优秀 year in the interval takes off the requirement.
    pub excellent_months: u32,
    pub excellent_cite: Citation,
    /// Which 优秀 years count, and from when their reduction applies.
    pub excellent_years: ExcellentYears,
    pub excellent_from: ExcellentFrom,
    pub excellent_timing_cite: Citation,
    /// Service of a recruit with a probation counts from the probation's end.
    pub from_probation_end: bool,
    pub probation_cite: Citation,
}

/// Which 优秀 years shorten the requirement.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExcellentYears {
    /// The year's 31 December lies inside the counting interval.
    YearEnd,
    /// The whole calendar year lies inside it.
    WholeYear,
}

/// From when a 优秀 year's reduction applies.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExcellentFrom {
    /// 1 January of the next year.
    NextYear,
    /// The year's 31 December.
    YearEnd,
}

/// What a restriction stops, as reported in a block's code.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RestrictionBlock {
    /// 处分 (政务处分 or 处分 under 公务员法).
    Sanction,
    /// 党纪处分.
    PartyDiscipline,
    /// 诫勉 and the kinds of 组织处理.
    Admonition,
    Investigation,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileRestriction"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RestrictionRule {
    pub kind: String,
    pub aliases: Vec<String>,
    pub block: RestrictionBlock,
    /// Effect period from the recorded date; `None`: until the recorded end date.
    pub months: Option<u32>,
    /// What the period is called in reasons: 处分期 for 处分, 影响期 for the others.
    pub period: String,
    /// Said on import for each row of this kind (a kind written without its detail).
    pub import_warning: Option<String>,
    pub cite: Citation,
}

impl RestrictionRule {
    /// The last day of `r`'s effect, as promotion counts it: the rule's months from its date
    /// ([`crate::dates::period_end`]), or — for a kind without a period (立案调查) — the day
    /// before its recorded conclusion (`None` while it has none).
    pub fn until(&self, r: &crate::roster::Restriction) -> Option<NaiveDate> {
        match self.months {
            Some(m) => Some(crate::dates::period_end(r.date, m)),
            None => r.end.and_then(|e| e.pred_opt()),
        }
    }
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileBasicCompetent"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BasicCompetentRule {
    pub grade: Grade,
    pub years_after: u32,
    pub cite: Citation,
}

/// The 级别 a person gets on promotion (管理办法 第十三条).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileLevelOnPromotion"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelOnPromotion {
    pub steps: u32,
    /// Ladder levels (rows) where a 级别 already in range stays.
    pub keep_in_range: Vec<u32>,
    pub cite: Citation,
}

impl LevelOnPromotion {
    /// The 级别 after promotion to a rank with `target_level` and 级别 range `grades` (highest,
    /// lowest; 1 is the highest), from `level`.
    pub fn apply(&self, level: u32, target_level: u32, grades: (u32, u32)) -> u32 {
        let (high, low) = grades;
        if level > low {
            low
        } else if level <= high || self.keep_in_range.contains(&target_level) {
            level
        } else {
            level.saturating_sub(self.steps).max(high)
        }
    }
}

/// The latest graded year has this grade: not promotable.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileIncompetent"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncompetentRule {
    pub grade: Grade,
    pub cite: Citation,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileOrganLevel"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganLevel {
    pub name: String,
    pub aliases: Vec<String>,
    pub max_rank: String,
    /// Said on import for an organ of this level (a level that leaves the rule open).
    pub import_warning: Option<String>,
    pub cite: Citation,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfilePool"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pool {
    pub name: String,
    pub ranks: Vec<String>,
    pub cite: Citation,
}

/// The places of one rank inside its pool, as a share of the pool's approved number, for organs
/// of some levels.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileSubLimit"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubLimit {
    pub pool: String,
    pub rank: String,
    pub percent: u32,
    pub organ_levels: Vec<String>,
    pub cite: Citation,
}

impl SubLimit {
    /// The places of the rank out of a pool's approved number (rounded down).
    pub fn places(&self, approved: u32) -> u32 {
        approved.saturating_mul(self.percent) / 100
    }
}

/// Titles used before 2019-06 and the rank each was converted to.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileOldTitles"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OldTitles {
    /// (old title, canonical rank name).
    pub map: Vec<(String, String)>,
    pub cite: Citation,
}

/// Keys that order the eligible within a pool.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderKey {
    CountedMonths,
    ExcellentYears,
    ServiceStart,
    Id,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileOrdering"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ordering {
    pub keys: Vec<OrderKey>,
    pub cite: Citation,
}

/// How long lists are published (公示), in working days.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfilePublicity"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Publicity {
    pub excellent_working_days: u32,
    pub excellent_cite: Citation,
    pub promotion_working_days: u32,
    pub promotion_cite: Citation,
}

/// One year's public holidays and make-up working days, from the State Council's notice.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ProfileHolidayYear"))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HolidayYear {
    pub year: i32,
    pub off: Vec<NaiveDate>,
    pub workdays: Vec<NaiveDate>,
    pub cite: Citation,
}

/// Where a rank sits: its ladder and its index in that ladder (0 = top).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct RankRef {
    pub ladder: usize,
    pub index: usize,
}

/// A validated rule profile.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    pub meta: Meta,
    pub categories: Vec<Category>,
    pub ladders: Vec<Ladder>,
    pub leading_posts: Vec<LeadingPost>,
    pub starting_ranks: Vec<StartingRank>,
    pub retirement: Vec<Retirement>,
    pub audit: AuditRules,
    pub min_service: Vec<MinService>,
    pub service: ServiceRules,
    pub restrictions: Vec<RestrictionRule>,
    pub basic_competent: BasicCompetentRule,
    pub incompetent: IncompetentRule,
    pub level_on_promotion: LevelOnPromotion,
    pub organ_levels: Vec<OrganLevel>,
    pub pools: Vec<Pool>,
    pub sub_limits: Vec<SubLimit>,
    pub old_titles: OldTitles,
    pub ordering: Ordering,
    pub assessment: crate::assessment_rules::AssessmentRules,
    pub publicity: Publicity,
    pub holidays: Vec<HolidayYear>,
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    calendar: crate::dates::HolidayCalendar,
    #[serde(skip)]
    index: Index,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Index {
    categories: HashMap<String, usize>,
    ranks: HashMap<String, RankRef>,
    posts: HashMap<String, usize>,
    restrictions: HashMap<String, usize>,
    organ_levels: HashMap<String, usize>,
    pools: HashMap<String, usize>,
    /// For each ladder and rank index: the min_service entry of that rank as a target.
    min_service: HashMap<RankRef, usize>,
    /// For each ladder and rank index: the pool the rank belongs to.
    rank_pool: HashMap<RankRef, usize>,
}

/// Removes the spaces people put inside names ("一级 科员", full-width spaces).
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect()
}

impl Profile {
    /// The national default profile shipped with Kaohe.
    pub fn national() -> Profile {
        match Profile::from_toml(NATIONAL_TOML) {
            Ok(p) => p,
            // The shipped file is checked by the crate's tests; reaching this is a build defect.
            Err(e) => panic!("内置全国默认规则无效：{e}"),
        }
    }

    /// Parses and validates a profile.
    pub fn from_toml(text: &str) -> Result<Profile, ProfileError> {
        let raw: raw::Profile = toml::from_str(text).map_err(|e| ProfileError::Syntax(e.to_string()))?;
        raw.validate()
    }

    /// Looks a category up by name or alias.
    pub fn category(&self, name: &str) -> Option<&Category> {
        self.index
            .categories
            .get(name)
            .or_else(|| self.index.categories.get(&squeeze(name)))
            .map(|&i| &self.categories[i])
    }

    /// Looks a rank up by name or alias.
    pub fn rank_ref(&self, name: &str) -> Option<RankRef> {
        self.index.ranks.get(name).or_else(|| self.index.ranks.get(&squeeze(name))).copied()
    }

    pub fn rank(&self, r: RankRef) -> &Rank {
        &self.ladders[r.ladder].ranks[r.index]
    }

    /// The ladder of a category (by canonical name).
    pub fn ladder_of(&self, category: &str) -> Option<usize> {
        self.ladders.iter().position(|l| l.category == category)
    }

    /// The next rank up, if any.
    pub fn next_up(&self, r: RankRef) -> Option<RankRef> {
        r.index.checked_sub(1).map(|index| RankRef { ladder: r.ladder, index })
    }

    /// The minimum-service rule for promotion *to* `target`.
    pub fn min_service_for(&self, target: RankRef) -> Option<&MinService> {
        self.min_service_index(target).map(|i| &self.min_service[i])
    }

    /// Index into `min_service` of the rule for promotion to `target`.
    pub fn min_service_index(&self, target: RankRef) -> Option<usize> {
        self.index.min_service.get(&target).copied()
    }

    pub fn leading_post(&self, name: &str) -> Option<&LeadingPost> {
        self.index.posts.get(name).or_else(|| self.index.posts.get(&squeeze(name))).map(|&i| &self.leading_posts[i])
    }

    pub fn restriction(&self, kind: &str) -> Option<&RestrictionRule> {
        self.index.restrictions.get(&squeeze(kind)).map(|&i| &self.restrictions[i])
    }

    /// The starting rank for an education as the roster writes it (its name or an alias).
    pub fn starting_rank_for(&self, education: &str) -> Option<&StartingRank> {
        let e = squeeze(education);
        self.starting_ranks.iter().find(|s| squeeze(&s.education) == e || s.aliases.iter().any(|a| squeeze(a) == e))
    }

    /// The retirement age that applies to a person of this gender, rank and leading-post level.
    pub fn retirement_for(&self, gender: &str, rank: &str, post_level: Option<&str>) -> Option<&Retirement> {
        self.retirement.iter().find(|r| r.applies(gender, rank, post_level))
    }

    pub fn organ_level(&self, name: &str) -> Option<&OrganLevel> {
        self.index.organ_levels.get(&squeeze(name)).map(|&i| &self.organ_levels[i])
    }

    /// A 机关层级 as written in a roster or a list of organs, read against the profile: the level
    /// it names, or — for one the profile does not have — the words saying so, naming those it
    /// has (「不是规则中的机关层级（中央、省…）」). A level found may carry its own caution
    /// (`OrganLevel::import_warning`, e.g. a bare 区).
    pub fn read_organ_level(&self, written: &str) -> Result<&OrganLevel, String> {
        self.organ_level(written).ok_or_else(|| {
            let known: Vec<&str> = self.organ_levels.iter().map(|o| o.name.as_str()).collect();
            format!("不是规则中的机关层级（{}）", known.join("、"))
        })
    }

    pub fn pool(&self, name: &str) -> Option<(usize, &Pool)> {
        self.index.pools.get(&squeeze(name)).map(|&i| (i, &self.pools[i]))
    }

    /// The public holidays and make-up working days of the years the profile knows.
    pub fn calendar(&self) -> &crate::dates::HolidayCalendar {
        &self.calendar
    }

    /// The holiday entry (and its citation) of a year.
    pub fn holiday_year(&self, year: i32) -> Option<&HolidayYear> {
        self.holidays.iter().find(|h| h.year == year)
    }

    /// The rank an old (pre-2019) title was converted to.
    pub fn old_title(&self, title: &str) -> Option<RankRef> {
        let t = squeeze(title);
        self.old_titles.map.iter().find(|(old, _)| *old == t).and_then(|(_, rank)| self.rank_ref(rank))
    }

    /// The sub-limit of a rank for organs of a level.
    pub fn sub_limit(&self, rank: &str, organ_level: Option<&str>) -> Option<(usize, &SubLimit)> {
        let level = organ_level?;
        self.sub_limits.iter().enumerate().find(|(_, s)| s.rank == rank && s.organ_levels.iter().any(|l| l == level))
    }

    /// The pool a rank's slots are counted in.
    pub fn pool_of(&self, r: RankRef) -> Option<usize> {
        self.index.rank_pool.get(&r).copied()
    }

    /// The highest level an organ of this level may set (smaller is higher).
    pub fn organ_cap_level(&self, level: &OrganLevel) -> Option<u32> {
        self.rank_ref(&level.max_rank).map(|r| self.rank(r).level)
    }
}

/// The file format, kept apart from the validated types.
mod raw;

#[cfg(test)]
mod tests {
    use super::*;

    /// One end of a restriction's effect for promotion, the assessment's 级别/档次 steps and the
    /// app alike: 警告 (6 months in the national profile) dated 2025-05-01 has its last day on
    /// 2025-10-31; 立案调查 (no period) concluded on 2025-09-10 on 2025-09-09, and none while open.
    #[test]
    fn a_restrictions_last_day_is_the_day_before_its_period_or_its_conclusion() {
        let p = Profile::national();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let r = |kind: &str, end: Option<NaiveDate>| crate::roster::Restriction {
            person_id: "x".into(),
            kind: kind.into(),
            date: d("2025-05-01"),
            end,
        };
        let warning = p.restriction("警告").expect("警告");
        assert_eq!(warning.until(&r("警告", None)), Some(d("2025-10-31")));
        let investigation = p.restriction("立案调查").expect("立案调查");
        assert_eq!(investigation.until(&r("立案调查", Some(d("2025-09-10")))), Some(d("2025-09-09")));
        assert_eq!(investigation.until(&r("立案调查", None)), None);
        assert_eq!(crate::dates::period_end(d("2019-01-31"), 1), d("2019-02-27"));
    }

    #[test]
    fn national_profile_loads() {
        let p = Profile::national();
        assert_eq!(p.ladders.len(), 3);
        let r = p.rank_ref("科员（一级）").expect("alias");
        assert_eq!(p.rank(r).name, "一级科员");
        let up = p.next_up(r).expect("next");
        assert_eq!(p.rank(up).name, "四级主任科员");
        assert_eq!(p.min_service_for(up).map(|m| m.years), Some(2));
    }

    #[test]
    fn starting_ranks_are_checked_against_the_ladder() {
        let p = Profile::national();
        assert_eq!(
            p.starting_ranks.iter().find(|s| s.education == "硕士研究生").map(|s| (s.rank.as_str(), s.grade)),
            Some(("四级主任科员", 24))
        );
        let text = NATIONAL_TOML.replace("rank = \"二级主任科员\"\ngrade = 22", "rank = \"二级主任科员\"\ngrade = 12");
        let msg = Profile::from_toml(&text).expect_err("out of range").to_string();
        assert!(msg.contains("起始职级「博士研究生」：级别 12 不在二级主任科员的级别范围 16–22 内"), "{msg}");
    }

    #[test]
    fn level_on_promotion_follows_article_13() {
        let p = Profile::national();
        let lp = &p.level_on_promotion;
        let at = |rank: &str| {
            let r = p.rank(p.rank_ref(rank).expect("rank"));
            (r.level, r.grades)
        };
        let (l, g) = at("四级主任科员");
        assert_eq!(lp.apply(25, l, g), 24, "below the range: up to its lowest");
        assert_eq!(lp.apply(23, l, g), 22, "inside the range: one up");
        assert_eq!(lp.apply(18, l, g), 18, "at the top already: stays");
        let (l, g) = at("一级主任科员");
        assert_eq!(lp.apply(18, l, g), 18, "一级主任科员 keeps a 级别 already in range");
        assert_eq!(lp.apply(22, l, g), 21);
        let (l, g) = at("一级主管");
        assert_eq!(lp.apply(19, l, g), 19, "the same level of another ladder keeps it too");
    }

    #[test]
    fn party_discipline_and_organisational_measures_are_kinds_of_their_own() {
        let p = Profile::national();
        let kind = |w: &str| p.restriction(w).map(|r| (r.kind.as_str(), r.block, r.months));
        assert_eq!(kind("警告"), Some(("警告", RestrictionBlock::Sanction, Some(6))));
        assert_eq!(kind("党内警告"), Some(("党内警告", RestrictionBlock::PartyDiscipline, Some(12))));
        assert_eq!(kind("党内严重警告"), Some(("严重警告", RestrictionBlock::PartyDiscipline, Some(18))));
        assert_eq!(kind("留党察看两年"), Some(("留党察看二年", RestrictionBlock::PartyDiscipline, Some(48))));
        assert_eq!(kind("开除党籍"), Some(("开除党籍", RestrictionBlock::PartyDiscipline, None)));
        assert_eq!(kind("免职"), Some(("免职", RestrictionBlock::Admonition, Some(24))));
        assert!(p.restriction("组织处理").and_then(|r| r.import_warning.as_ref()).is_some());
        assert!(p.restriction("调整职务").and_then(|r| r.import_warning.as_ref()).is_none());
    }

    #[test]
    fn a_gap_in_a_ladder_is_refused_by_name() {
        let text = NATIONAL_TOML.replace("{ name = \"三级调研员\", level = 5,", "{ name = \"三级调研员\", level = 55,");
        let err = Profile::from_toml(&text).expect_err("gap");
        let msg = err.to_string();
        assert!(msg.contains("职级序列「综合管理类」"), "{msg}");
        assert!(msg.contains("缺少层级"), "{msg}");
    }

    /// Every number of a profile has a sane range: a 公示 of 4,294,967,295 working days took
    /// 27 s of CPU in one print, and a percent of 150 means nothing.
    #[test]
    fn numbers_out_of_any_sane_range_are_refused_by_entry() {
        let refuse = |from: &str, to: &str| {
            assert!(NATIONAL_TOML.contains(from), "{from}");
            Profile::from_toml(&NATIONAL_TOML.replacen(from, to, 1)).expect_err(to).to_string()
        };
        let msg = refuse("excellent_working_days = 5", "excellent_working_days = 4294967295");
        assert!(msg.contains("excellent_working_days 数值过大（现为 4294967295"), "{msg}");
        let msg = refuse("promotion_working_days = 5", "promotion_working_days = 0");
        assert!(msg.contains("promotion_working_days 应在 1–60 之间（现为 0）"), "{msg}");
        let msg = refuse("percent = 50", "percent = 150");
        assert!(msg.contains("percent 应在 0–100 之间（现为 150）"), "{msg}");
        let msg = refuse("good_limit_percent = 40", "good_limit_percent = 400");
        assert!(msg.contains("比例应在 0–100 之间（现为 400）"), "{msg}");
        let msg = refuse("review_days = 30", "review_days = 99999999");
        assert!(msg.contains("数值过大（现为 99999999"), "{msg}");
        // The national profile itself is within every range.
        assert!(Profile::from_toml(NATIONAL_TOML).is_ok());
    }
}
