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
pub const NATIONAL_TOML: &str = include_str!("../../../profiles/national.toml");

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
mod raw {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Profile {
        profile: Meta,
        category: Vec<Category>,
        ladder: Vec<Ladder>,
        leading_post: Vec<Post>,
        #[serde(default)]
        starting_rank: Vec<StartingRank>,
        #[serde(default)]
        retirement: Vec<RetirementRaw>,
        #[serde(default)]
        audit: AuditRaw,
        min_service: Vec<MinService>,
        service: Service,
        restriction: Vec<Restriction>,
        basic_competent: BasicCompetent,
        incompetent: Incompetent,
        level_on_promotion: LevelOnPromotionRaw,
        organ_level: Vec<OrganLevel>,
        #[serde(default)]
        pool: Vec<Pool>,
        #[serde(default)]
        sub_limit: Vec<SubLimitRaw>,
        old_titles: Option<OldTitlesRaw>,
        ordering: Ordering,
        assessment: crate::assessment_rules::raw::Section,
        publicity: Publicity,
        #[serde(default)]
        holiday_year: Vec<HolidayYearRaw>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct HolidayYearRaw {
        year: i64,
        off: Vec<toml::value::Datetime>,
        workdays: Vec<toml::value::Datetime>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Publicity {
        excellent_working_days: i64,
        excellent_cite: String,
        excellent_status: Status,
        promotion_working_days: i64,
        promotion_cite: String,
        promotion_status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Meta {
        id: String,
        name: String,
        version: String,
        effective_from: Option<toml::value::Datetime>,
        note: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Category {
        key: String,
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Ladder {
        category: String,
        ranks: Vec<Rank>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Rank {
        name: String,
        level: i64,
        grades: [i64; 2],
        #[serde(default)]
        aliases: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Post {
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
        grades: Option<[i64; 2]>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    struct AuditRaw {
        annual: Option<CiteRaw>,
        step_by_step: Option<CiteRaw>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct CiteRaw {
        text: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RetirementRaw {
        gender: String,
        #[serde(default)]
        ranks: Vec<String>,
        #[serde(default)]
        post_levels: Vec<String>,
        age: i64,
        raised_from: Option<toml::value::Datetime>,
        #[serde(default)]
        step_months: i64,
        #[serde(default)]
        max_raise_months: i64,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct StartingRank {
        education: String,
        #[serde(default)]
        aliases: Vec<String>,
        rank: String,
        grade: i64,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct MinService {
        target: String,
        years: i64,
        #[serde(default)]
        posts: Vec<String>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Service {
        uncounted: Vec<String>,
        uncounted_cite: String,
        uncounted_status: Status,
        excellent_months: i64,
        excellent_cite: String,
        excellent_status: Status,
        excellent_years: ExcellentYears,
        excellent_from: ExcellentFrom,
        excellent_timing_cite: String,
        excellent_timing_status: Status,
        #[serde(default)]
        from_probation_end: bool,
        #[serde(default)]
        probation_cite: String,
        #[serde(default = "default_status")]
        probation_status: Status,
    }

    fn default_status() -> Status {
        Status::U
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct LevelOnPromotionRaw {
        steps: i64,
        keep_in_range: Vec<String>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Incompetent {
        grade: String,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Restriction {
        kind: String,
        #[serde(default)]
        aliases: Vec<String>,
        block: String,
        months: Option<i64>,
        period: Option<String>,
        import_warning: Option<String>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct BasicCompetent {
        grade: String,
        years_after: i64,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct OrganLevel {
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
        max_rank: String,
        import_warning: Option<String>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Pool {
        name: String,
        ranks: Vec<String>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct OldTitlesRaw {
        map: Vec<OldTitleRaw>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct OldTitleRaw {
        old: String,
        rank: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct SubLimitRaw {
        pool: String,
        rank: String,
        percent: i64,
        organ_levels: Vec<String>,
        cite: String,
        status: Status,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Ordering {
        keys: Vec<String>,
        cite: String,
        status: Status,
    }

    fn cite(text: String, status: Status) -> Citation {
        Citation { text, status }
    }

    /// Collects problems while building the validated profile.
    #[derive(Default)]
    struct Checker {
        problems: Vec<Problem>,
    }

    impl Checker {
        fn fail(&mut self, entry: impl Into<String>, message: impl Into<String>) {
            self.problems.push(Problem { entry: entry.into(), message: message.into() });
        }

        fn count(&mut self, entry: &str, field: &str, value: i64) -> u32 {
            if value < 0 {
                self.fail(entry, format!("{field} 不能为负数（现为 {value}）"));
                return 0;
            }
            if value > super::MAX_COUNT {
                self.fail(
                    entry,
                    format!(
                        "{field} 数值过大（现为 {value}，规则中的年数、月数、天数等不应超过 {}）",
                        super::MAX_COUNT
                    ),
                );
                return 0;
            }
            value as u32
        }

        /// A count that must lie in `range` (a 公示 of 1–60 working days, a percent).
        fn within(&mut self, entry: &str, field: &str, value: i64, range: std::ops::RangeInclusive<u32>) -> u32 {
            let v = self.count(entry, field, value);
            if !range.contains(&v) && (0..=super::MAX_COUNT).contains(&value) {
                self.fail(entry, format!("{field} 应在 {}–{} 之间（现为 {value}）", range.start(), range.end()));
                return *range.start();
            }
            v
        }

        fn grades(&mut self, entry: &str, g: [i64; 2]) -> (u32, u32) {
            let [high, low] = g;
            if !(1..=27).contains(&high) || !(1..=27).contains(&low) || high > low {
                self.fail(
                    entry,
                    format!("级别范围应为 [最高, 最低]，取值 1–27，且最高不大于最低（现为 [{high}, {low}]）"),
                );
            }
            (high.max(0) as u32, low.max(0) as u32)
        }

        /// The 职位类别, registered by name and alias.
        fn categories(&mut self, index: &mut Index, raw: Vec<Category>) -> Vec<super::Category> {
            let mut categories = Vec::new();
            for (i, cat) in raw.into_iter().enumerate() {
                self.register(&mut index.categories, "职位类别", &cat.name, &cat.aliases, i);
                categories.push(super::Category {
                    key: cat.key,
                    name: cat.name,
                    aliases: cat.aliases,
                    cite: cite(cat.cite, cat.status),
                });
            }
            categories
        }

        /// One ladder per category, its ranks one level apart, registered by name and alias.
        fn ladders(
            &mut self,
            index: &mut Index,
            raw: Vec<Ladder>,
            categories: &[super::Category],
        ) -> Vec<super::Ladder> {
            let mut ladders: Vec<super::Ladder> = Vec::new();
            for lad in raw {
                let entry = format!("职级序列「{}」", lad.category);
                let Some(&ci) = index.categories.get(&squeeze(&lad.category)) else {
                    self.fail(&entry, "职位类别未在规则中定义");
                    continue;
                };
                let category = categories[ci].name.clone();
                if ladders.iter().any(|l| l.category == category) {
                    self.fail(&entry, "同一职位类别有两个职级序列");
                    continue;
                }
                let mut ranks = Vec::new();
                for r in lad.ranks {
                    let rentry = format!("{entry}中的职级「{}」", r.name);
                    let level = self.count(&rentry, "level", r.level);
                    let grades = self.grades(&rentry, r.grades);
                    ranks.push(super::Rank { name: r.name, level, grades, aliases: r.aliases });
                }
                ranks.sort_by_key(|r| r.level);
                if ranks.is_empty() {
                    self.fail(&entry, "没有任何职级");
                }
                for w in ranks.windows(2) {
                    if w[1].level == w[0].level {
                        self.fail(
                            &entry,
                            format!("「{}」与「{}」的层级相同（第{}层级）", w[0].name, w[1].name, w[0].level),
                        );
                    } else if w[1].level != w[0].level + 1 {
                        self.fail(
                            &entry,
                            format!(
                                "「{}」（第{}层级）与「{}」（第{}层级）之间缺少层级",
                                w[0].name, w[0].level, w[1].name, w[1].level
                            ),
                        );
                    }
                }
                let li = ladders.len();
                for (ri, r) in ranks.iter().enumerate() {
                    self.register(&mut index.ranks, "职级", &r.name, &r.aliases, RankRef { ladder: li, index: ri });
                }
                ladders.push(super::Ladder { category, ranks, cite: cite(lad.cite, lad.status) });
            }
            for cat in categories {
                if !ladders.iter().any(|l| l.category == cat.name) {
                    self.fail(format!("职位类别「{}」", cat.name), "没有对应的职级序列");
                }
            }
            ladders
        }

        /// The 领导职务层次, registered by name and alias.
        fn leading_posts(&mut self, index: &mut Index, raw: Vec<Post>) -> Vec<super::LeadingPost> {
            let mut leading_posts = Vec::new();
            for (i, p) in raw.into_iter().enumerate() {
                let entry = format!("领导职务层次「{}」", p.name);
                let grades = p.grades.map(|g| self.grades(&entry, g));
                self.register(&mut index.posts, "领导职务层次", &p.name, &p.aliases, i);
                leading_posts.push(super::LeadingPost {
                    name: p.name,
                    aliases: p.aliases,
                    grades,
                    cite: cite(p.cite, p.status),
                });
            }
            leading_posts
        }

        /// The starting rank by education, its 级别 within the rank's range.
        fn starting_ranks(
            &mut self,
            index: &Index,
            raw: Vec<StartingRank>,
            ladders: &[super::Ladder],
        ) -> Vec<super::StartingRank> {
            let mut starting_ranks = Vec::new();
            let mut educations = HashMap::default();
            for (i, sr) in raw.into_iter().enumerate() {
                let entry = format!("起始职级「{}」", sr.education);
                self.register(&mut educations, "起始职级", &sr.education, &sr.aliases, i);
                let Some(r) = index.ranks.get(&squeeze(&sr.rank)).copied() else {
                    self.fail(&entry, format!("职级「{}」未定义", sr.rank));
                    continue;
                };
                let rank = &ladders[r.ladder].ranks[r.index];
                let grade = self.count(&entry, "grade（级别）", sr.grade);
                if grade < rank.grades.0 || grade > rank.grades.1 {
                    self.fail(
                        &entry,
                        format!("级别 {grade} 不在{}的级别范围 {}–{} 内", rank.name, rank.grades.0, rank.grades.1),
                    );
                }
                starting_ranks.push(super::StartingRank {
                    education: sr.education,
                    aliases: sr.aliases,
                    rank: rank.name.clone(),
                    grade,
                    cite: cite(sr.cite, sr.status),
                });
            }
            starting_ranks
        }

        /// The retirement ages: ranks and leading-post levels named as the profile defines them.
        fn retirement(
            &mut self,
            index: &Index,
            raw: Vec<RetirementRaw>,
            ladders: &[super::Ladder],
            posts: &[super::LeadingPost],
        ) -> Vec<super::Retirement> {
            let mut out = Vec::new();
            for r in raw {
                let entry = format!("退休年龄「{}{}岁」", r.gender, r.age);
                let ranks = r
                    .ranks
                    .iter()
                    .filter_map(|n| match index.ranks.get(&squeeze(n)) {
                        Some(x) => Some(ladders[x.ladder].ranks[x.index].name.clone()),
                        None => {
                            self.fail(&entry, format!("职级「{n}」未定义"));
                            None
                        }
                    })
                    .collect();
                let post_levels = r
                    .post_levels
                    .iter()
                    .filter_map(|n| match index.posts.get(&squeeze(n)) {
                        Some(&i) => Some(posts[i].name.clone()),
                        None => {
                            self.fail(&entry, format!("领导职务层次「{n}」未定义"));
                            None
                        }
                    })
                    .collect();
                let raised_from = r.raised_from.and_then(|v| {
                    let d = v.date.and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()));
                    if d.is_none() {
                        self.fail(&entry, format!("raised_from「{v}」不是日期"));
                    }
                    d
                });
                let step_months = self.count(&entry, "step_months（每几个月延迟一个月）", r.step_months);
                if raised_from.is_some() && step_months == 0 {
                    self.fail(&entry, "给出 raised_from 时 step_months 须大于 0");
                }
                out.push(super::Retirement {
                    gender: squeeze(&r.gender),
                    ranks,
                    post_levels,
                    age: self.count(&entry, "age（年龄）", r.age),
                    raised_from,
                    step_months,
                    max_raise_months: self.count(&entry, "max_raise_months（最多延迟月数）", r.max_raise_months),
                    cite: cite(r.cite, r.status),
                });
            }
            out
        }

        /// The minimum service for every rank reached by promotion, one rule each.
        fn min_service(
            &mut self,
            index: &mut Index,
            raw: Vec<MinService>,
            ladders: &[super::Ladder],
            leading_posts: &[super::LeadingPost],
        ) -> Vec<super::MinService> {
            let mut min_service = Vec::new();
            for m in raw {
                let entry = format!("最低任职年限「{}」", m.target);
                let years = self.count(&entry, "years（年限）", m.years);
                let Some(target) = index.ranks.get(&squeeze(&m.target)).copied() else {
                    self.fail(&entry, "晋升目标职级未在任何职级序列中定义");
                    continue;
                };
                let target_name = ladders[target.ladder].ranks[target.index].name.clone();
                if target.index + 1 >= ladders[target.ladder].ranks.len() {
                    self.fail(&entry, "该职级是序列中最低的职级，不存在由下一职级晋升的情形");
                }
                let mut posts = Vec::new();
                for p in m.posts {
                    match index.posts.get(&squeeze(&p)) {
                        Some(&pi) => posts.push(leading_posts[pi].name.clone()),
                        None => self.fail(&entry, format!("可计算年限的领导职务层次「{p}」未定义")),
                    }
                }
                if index.min_service.insert(target, min_service.len()).is_some() {
                    self.fail(&entry, "同一目标职级有两条最低任职年限");
                }
                min_service.push(super::MinService { target: target_name, years, posts, cite: cite(m.cite, m.status) });
            }
            for (li, lad) in ladders.iter().enumerate() {
                for index_in_ladder in 0..lad.ranks.len().saturating_sub(1) {
                    let r = RankRef { ladder: li, index: index_in_ladder };
                    if !index.min_service.contains_key(&r) {
                        self.fail(
                            format!("职级「{}」", lad.ranks[index_in_ladder].name),
                            "缺少晋升该职级的最低任职年限（min_service）",
                        );
                    }
                }
            }
            min_service
        }

        /// How service is counted: the years not counted, 优秀's reduction, the probation.
        fn service(&mut self, sv: Service) -> ServiceRules {
            let mut uncounted = Vec::new();
            for g in &sv.uncounted {
                match ResultCode::parse(g) {
                    Some(code) => uncounted.push(code),
                    None => self.fail(
                        "service.uncounted",
                        format!("未知的考核等次或结果代码「{g}」（可用等次名称或 5A、5B、5C、6A 等代码）"),
                    ),
                }
            }
            if uncounted.contains(&ResultCode::Graded(Grade::Excellent))
                || uncounted.contains(&ResultCode::Graded(Grade::Competent))
            {
                self.fail("service.uncounted", "优秀、称职年度应计算为任职年限");
            }
            ServiceRules {
                uncounted,
                cite: cite(sv.uncounted_cite, sv.uncounted_status),
                excellent_months: self.count("service", "excellent_months（优秀缩短月数）", sv.excellent_months),
                excellent_cite: cite(sv.excellent_cite, sv.excellent_status),
                excellent_years: sv.excellent_years,
                excellent_from: sv.excellent_from,
                excellent_timing_cite: cite(sv.excellent_timing_cite, sv.excellent_timing_status),
                from_probation_end: sv.from_probation_end,
                probation_cite: cite(sv.probation_cite, sv.probation_status),
            }
        }

        /// The 处分 and 处理 that block a promotion, with their periods.
        fn restrictions(&mut self, index: &mut Index, raw: Vec<Restriction>) -> Vec<RestrictionRule> {
            let mut restrictions = Vec::new();
            for (i, r) in raw.into_iter().enumerate() {
                let entry = format!("处分或处理「{}」", r.kind);
                let block = match r.block.as_str() {
                    "sanction" => RestrictionBlock::Sanction,
                    "party_discipline" => RestrictionBlock::PartyDiscipline,
                    "admonition" => RestrictionBlock::Admonition,
                    "investigation" => RestrictionBlock::Investigation,
                    other => {
                        self.fail(
                            &entry,
                            format!(
                                "block 应为 sanction、party_discipline、admonition 或 investigation（现为「{other}」）"
                            ),
                        );
                        continue;
                    }
                };
                let months = r.months.map(|m| self.count(&entry, "months（影响期月数）", m));
                self.register(&mut index.restrictions, "处分或处理", &r.kind, &r.aliases, i);
                let period = r.period.unwrap_or_else(|| {
                    if block == RestrictionBlock::Sanction { "处分期" } else { "影响期" }.to_string()
                });
                restrictions.push(RestrictionRule {
                    kind: r.kind,
                    aliases: r.aliases,
                    block,
                    months,
                    period,
                    import_warning: r.import_warning,
                    cite: cite(r.cite, r.status),
                });
            }
            restrictions
        }

        /// What 基本称职 and 不称职 do to a promotion, and the 级别 on promotion.
        fn grade_rules(
            &mut self,
            index: &Index,
            bc: BasicCompetent,
            ic: Incompetent,
            lp: LevelOnPromotionRaw,
            ladders: &[super::Ladder],
        ) -> (BasicCompetentRule, IncompetentRule, LevelOnPromotion) {
            let bc_grade = Grade::from_name(&bc.grade).unwrap_or_else(|| {
                self.fail("basic_competent", format!("未知的考核等次「{}」", bc.grade));
                Grade::BasicallyCompetent
            });
            let years_after = self.count("basic_competent", "years_after", bc.years_after);
            let basic_competent = BasicCompetentRule { grade: bc_grade, years_after, cite: cite(bc.cite, bc.status) };
            let ic_grade = Grade::from_name(&ic.grade).unwrap_or_else(|| {
                self.fail("incompetent", format!("未知的考核等次「{}」", ic.grade));
                Grade::Incompetent
            });
            let incompetent = IncompetentRule { grade: ic_grade, cite: cite(ic.cite, ic.status) };
            let mut keep_in_range = Vec::new();
            for r in &lp.keep_in_range {
                match index.ranks.get(&squeeze(r)) {
                    Some(rr) => keep_in_range.push(ladders[rr.ladder].ranks[rr.index].level),
                    None => self.fail("level_on_promotion.keep_in_range", format!("职级「{r}」未定义")),
                }
            }
            let level_on_promotion = LevelOnPromotion {
                steps: self.count("level_on_promotion", "steps", lp.steps),
                keep_in_range,
                cite: cite(lp.cite, lp.status),
            };
            (basic_competent, incompetent, level_on_promotion)
        }

        /// The 机关层级 and the highest rank each may set.
        fn organ_levels(
            &mut self,
            index: &mut Index,
            raw: Vec<OrganLevel>,
            ladders: &[super::Ladder],
        ) -> Vec<super::OrganLevel> {
            let mut organ_levels = Vec::new();
            for (i, o) in raw.into_iter().enumerate() {
                let entry = format!("机关层级「{}」", o.name);
                match index.ranks.get(&squeeze(&o.max_rank)) {
                    Some(r) => {
                        let name = ladders[r.ladder].ranks[r.index].name.clone();
                        self.register(&mut index.organ_levels, "机关层级", &o.name, &o.aliases, i);
                        organ_levels.push(super::OrganLevel {
                            name: o.name,
                            aliases: o.aliases,
                            max_rank: name,
                            import_warning: o.import_warning,
                            cite: cite(o.cite, o.status),
                        });
                    }
                    None => self.fail(&entry, format!("可设置的最高职级「{}」未定义", o.max_rank)),
                }
            }
            organ_levels
        }

        /// The 职数 pools, each rank in one pool at most.
        fn pools(&mut self, index: &mut Index, raw: Vec<Pool>, ladders: &[super::Ladder]) -> Vec<super::Pool> {
            let mut pools = Vec::new();
            for p in raw {
                let entry = format!("职数池「{}」", p.name);
                let pi = pools.len();
                let mut ranks = Vec::new();
                for r in &p.ranks {
                    match index.ranks.get(&squeeze(r)).copied() {
                        Some(rr) => {
                            if let Some(prev) = index.rank_pool.insert(rr, pi) {
                                let prev_name: &super::Pool = &pools[prev];
                                self.fail(&entry, format!("职级「{r}」已属于职数池「{}」", prev_name.name));
                            }
                            ranks.push(ladders[rr.ladder].ranks[rr.index].name.clone());
                        }
                        None => self.fail(&entry, format!("职级「{r}」未定义")),
                    }
                }
                if p.ranks.is_empty() {
                    self.fail(&entry, "没有列出任何职级");
                }
                self.register(&mut index.pools, "职数池", &p.name, &[], pi);
                pools.push(super::Pool { name: p.name, ranks, cite: cite(p.cite, p.status) });
            }
            pools
        }

        /// The per-rank limits inside a pool, by organ level.
        fn sub_limits(
            &mut self,
            index: &Index,
            raw: Vec<SubLimitRaw>,
            found: (&[super::Ladder], &[super::Pool], &[super::OrganLevel]),
        ) -> Vec<SubLimit> {
            let mut sub_limits = Vec::new();
            let (ladders, pools, organ_levels) = found;
            for sl in raw {
                let entry = format!("职数限额「{}」", sl.rank);
                let percent = self.within(&entry, "percent", sl.percent, 0..=100);
                let Some(&pi) = index.pools.get(&squeeze(&sl.pool)) else {
                    self.fail(&entry, format!("职数池「{}」未定义", sl.pool));
                    continue;
                };
                let Some(rank) = index.ranks.get(&squeeze(&sl.rank)).copied() else {
                    self.fail(&entry, format!("职级「{}」未定义", sl.rank));
                    continue;
                };
                if index.rank_pool.get(&rank) != Some(&pi) {
                    self.fail(&entry, format!("职级「{}」不属于职数池「{}」", sl.rank, sl.pool));
                    continue;
                }
                let mut levels = Vec::new();
                for l in &sl.organ_levels {
                    match index.organ_levels.get(&squeeze(l)) {
                        Some(&li) => levels.push(organ_levels[li].name.clone()),
                        None => self.fail(&entry, format!("机关层级「{l}」未定义")),
                    }
                }
                sub_limits.push(SubLimit {
                    pool: pools[pi].name.clone(),
                    rank: ladders[rank.ladder].ranks[rank.index].name.clone(),
                    percent,
                    organ_levels: levels,
                    cite: cite(sl.cite, sl.status),
                });
            }
            sub_limits
        }

        /// The titles used before 2019-06 and the ranks they were converted to.
        fn old_titles(&mut self, index: &Index, raw: Option<OldTitlesRaw>, ladders: &[super::Ladder]) -> OldTitles {
            let old_titles = match raw {
                None => OldTitles { map: Vec::new(), cite: cite(String::new(), Status::S) },
                Some(ot) => {
                    let mut map = Vec::new();
                    for t in ot.map {
                        let entry = format!("旧职务名称「{}」", t.old);
                        if index.ranks.contains_key(&squeeze(&t.old)) {
                            self.fail(&entry, "与现行职级名称或别名重复");
                        }
                        match index.ranks.get(&squeeze(&t.rank)) {
                            Some(r) => map.push((squeeze(&t.old), ladders[r.ladder].ranks[r.index].name.clone())),
                            None => self.fail(&entry, format!("套转职级「{}」未定义", t.rank)),
                        }
                    }
                    OldTitles { map, cite: cite(ot.cite, ot.status) }
                }
            };
            old_titles
        }

        /// The order of candidates for a pool's free places.
        fn ordering(&mut self, raw: Ordering) -> super::Ordering {
            let mut keys = Vec::new();
            for k in &raw.keys {
                match k.as_str() {
                    "counted_months" => keys.push(OrderKey::CountedMonths),
                    "excellent_years" => keys.push(OrderKey::ExcellentYears),
                    "service_start" => keys.push(OrderKey::ServiceStart),
                    "id" => keys.push(OrderKey::Id),
                    other => self.fail(
                        "ordering.keys",
                        format!("未知的排序项「{other}」（可用 counted_months、excellent_years、service_start、id）"),
                    ),
                }
            }
            super::Ordering { keys, cite: cite(raw.cite, raw.status) }
        }

        /// The official holidays and working weekends by year (for 公示 periods).
        fn holidays(&mut self, raw: Vec<HolidayYearRaw>) -> Vec<super::HolidayYear> {
            let mut holidays: Vec<super::HolidayYear> = Vec::new();
            for h in raw {
                let entry = format!("节假日安排「{}年」", h.year);
                let Ok(year) = i32::try_from(h.year) else {
                    self.fail(&entry, "年份无效");
                    continue;
                };
                if holidays.iter().any(|x| x.year == year) {
                    self.fail(&entry, "同一年份出现两次");
                }
                let mut dates = |list: Vec<toml::value::Datetime>, what: &str| -> Vec<NaiveDate> {
                    let mut out = Vec::new();
                    for v in list {
                        match v.date.and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()))
                        {
                            Some(d) if (year - 1..=year).contains(&d.year()) => out.push(d),
                            _ => self.fail(&entry, format!("{what}中的「{v}」不是该年（或上年末）的日期")),
                        }
                    }
                    out.sort_unstable();
                    out
                };
                let off = dates(h.off, "off（放假日期）");
                let workdays = dates(h.workdays, "workdays（调休上班日期）");
                for d in &workdays {
                    if !matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) {
                        self.fail(&entry, format!("调休上班日期 {d} 不是星期六或星期日"));
                    }
                }
                holidays.push(super::HolidayYear { year, off, workdays, cite: cite(h.cite, h.status) });
            }
            holidays
        }

        /// Registers `name` and its aliases in an index, reporting duplicates.
        fn register<V: Copy>(
            &mut self,
            map: &mut HashMap<String, V>,
            what: &str,
            name: &str,
            aliases: &[String],
            value: V,
        ) {
            for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
                let key = squeeze(n);
                if map.insert(key, value).is_some() {
                    self.fail(format!("{what}「{name}」"), format!("名称或别名「{n}」与其他条目重复"));
                }
            }
        }
    }

    impl Profile {
        pub fn validate(self) -> Result<super::Profile, ProfileError> {
            let mut c = Checker::default();
            let mut index = Index::default();

            let effective_from = self.profile.effective_from.and_then(|d| {
                d.date.and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()))
            });
            let meta = super::Meta {
                id: self.profile.id,
                name: self.profile.name,
                version: self.profile.version,
                effective_from,
                note: self.profile.note,
            };

            let categories = c.categories(&mut index, self.category);
            let ladders = c.ladders(&mut index, self.ladder, &categories);
            let leading_posts = c.leading_posts(&mut index, self.leading_post);
            let starting_ranks = c.starting_ranks(&index, self.starting_rank, &ladders);
            let retirement = c.retirement(&index, self.retirement, &ladders, &leading_posts);
            let audit = super::AuditRules {
                annual: self.audit.annual.map(|c| cite(c.text, c.status)),
                step_by_step: self.audit.step_by_step.map(|c| cite(c.text, c.status)),
            };
            let min_service = c.min_service(&mut index, self.min_service, &ladders, &leading_posts);
            let service = c.service(self.service);
            let restrictions = c.restrictions(&mut index, self.restriction);
            let (basic_competent, incompetent, level_on_promotion) =
                c.grade_rules(&index, self.basic_competent, self.incompetent, self.level_on_promotion, &ladders);
            let organ_levels = c.organ_levels(&mut index, self.organ_level, &ladders);
            let pools = c.pools(&mut index, self.pool, &ladders);
            let sub_limits = c.sub_limits(&index, self.sub_limit, (&ladders, &pools, &organ_levels));
            let old_titles = c.old_titles(&index, self.old_titles, &ladders);
            let ordering = c.ordering(self.ordering);

            let category_names = |n: &str| index.categories.get(&squeeze(n)).map(|&i| categories[i].name.clone());
            let post_names = |n: &str| index.posts.get(&squeeze(n)).map(|&i| leading_posts[i].name.clone());
            let restriction_names =
                |n: &str| index.restrictions.get(&squeeze(n)).map(|&i| restrictions[i].kind.clone());
            let names = crate::assessment_rules::Names {
                categories: &category_names,
                posts: &post_names,
                restrictions: &restriction_names,
                max_level: ladders.iter().flat_map(|l| l.ranks.iter().map(|r| r.level)).max().unwrap_or(0),
            };
            let assessment = self.assessment.validate(&names, &mut c.problems);
            let p = self.publicity;
            let publicity = super::Publicity {
                excellent_working_days: c.within(
                    "publicity",
                    "excellent_working_days",
                    p.excellent_working_days,
                    1..=MAX_PUBLICITY_DAYS,
                ),
                excellent_cite: cite(p.excellent_cite, p.excellent_status),
                promotion_working_days: c.within(
                    "publicity",
                    "promotion_working_days",
                    p.promotion_working_days,
                    1..=MAX_PUBLICITY_DAYS,
                ),
                promotion_cite: cite(p.promotion_cite, p.promotion_status),
            };

            let holidays = c.holidays(self.holiday_year);
            let calendar = crate::dates::HolidayCalendar::new(
                holidays.iter().map(|h| (h.year, h.off.as_slice(), h.workdays.as_slice())),
            );

            if !c.problems.is_empty() {
                return Err(ProfileError::Invalid(c.problems));
            }
            Ok(super::Profile {
                meta,
                categories,
                ladders,
                leading_posts,
                starting_ranks,
                retirement,
                audit,
                min_service,
                service,
                restrictions,
                basic_competent,
                incompetent,
                level_on_promotion,
                organ_levels,
                pools,
                sub_limits,
                old_titles,
                ordering,
                assessment,
                publicity,
                holidays,
                calendar,
                index,
            })
        }
    }
}

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
