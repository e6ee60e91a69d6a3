//! The rule profile's file format (TOML), kept apart from the validated types: what a file may
//! say, read by serde, then checked entry by entry ([`checker`]) into a [`super::Profile`].

mod checker;

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

use checker::Checker;

impl Profile {
    pub fn validate(self) -> Result<super::Profile, ProfileError> {
        let mut c = Checker::default();
        let mut index = Index::default();

        let effective_from = self
            .profile
            .effective_from
            .and_then(|d| d.date.and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())));
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
        let restriction_names = |n: &str| index.restrictions.get(&squeeze(n)).map(|&i| restrictions[i].kind.clone());
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
