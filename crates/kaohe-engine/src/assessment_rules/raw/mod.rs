//! The `[assessment]` section's file format (TOML), read by serde and checked entry by entry
//! ([`check`]) into [`super::AssessmentRules`].

mod check;

use super::*;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    ungraded: Vec<UngradedEntry>,
    #[serde(default)]
    entry_method: Vec<EntryMethodEntry>,
    discipline: Vec<DisciplineEntry>,
    pools: Cited<Pools>,
    tier: Vec<TierEntry>,
    quota: Cited<Quota>,
    regular: Cited<Regular>,
    score: Cited<Score>,
    weights: Vec<WeightsEntry>,
    usage: Cited<Usage>,
}

#[derive(Deserialize)]
struct Cited<T> {
    #[serde(flatten)]
    inner: T,
    cite: String,
    status: Status,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UngradedEntry {
    code: String,
    leave_days_over: Option<i64>,
    probation_months: Option<i64>,
    cite: String,
    status: Status,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryMethodEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    probation: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DisciplineEntry {
    kinds: Vec<String>,
    effect: String,
    years: i64,
    #[serde(default)]
    then_ungraded_years: i64,
    cite: String,
    status: Status,
}

#[derive(Deserialize)]
struct Pools {
    split_by_tier: bool,
    merge_below: i64,
    counted_ungraded: Vec<String>,
    counted_ungraded_cite: Option<String>,
    counted_ungraded_status: Option<Status>,
    #[serde(default)]
    leaders_by_supervisor: bool,
    leaders_cite: Option<String>,
    leaders_status: Option<Status>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TierEntry {
    name: String,
    #[serde(default)]
    posts: Vec<String>,
    levels: [i64; 2],
}

#[derive(Deserialize)]
struct Rating {
    rating: String,
    ratio_percent: f64,
}

#[derive(Deserialize)]
struct Quota {
    ratio_percent: f64,
    max_ratio_percent: f64,
    rounding: String,
    #[serde(default)]
    organ_rating: Vec<Rating>,
    rating_cite: Option<String>,
    rating_status: Option<Status>,
}

#[derive(Deserialize)]
struct Band {
    grade: String,
    min: f64,
}

#[derive(Deserialize)]
struct GradeScore {
    grade: String,
    score: f64,
}

#[derive(Deserialize)]
struct Regular {
    bands: Vec<Band>,
    grade_scores: Vec<GradeScore>,
    min_good_share_percent: i64,
    forbidden: Vec<String>,
    require_records: bool,
    good_limit_percent: i64,
}

#[derive(Deserialize)]
struct Blend {
    dimensions: i64,
    regular: i64,
    democratic: i64,
}

#[derive(Deserialize)]
struct Score {
    blend: Blend,
    basic_below: f64,
    incompetent_below: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WeightsEntry {
    category: String,
    tier: String,
    weights: BTreeMap<String, i64>,
    cite: String,
    status: Status,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CiteEntry {
    text: String,
    status: Status,
}

#[derive(Deserialize)]
struct Usage {
    #[serde(default)]
    cite_by_kind: BTreeMap<String, CiteEntry>,
    merit_consecutive: i64,
    dismissal_consecutive: i64,
    years_per_step: i64,
    years_per_level: i64,
    review_days: i64,
    appeal_days: i64,
    direct_appeal_days: Option<i64>,
    #[serde(default)]
    merit_restarts: bool,
    merit_restarts_cite: Option<String>,
    merit_restarts_status: Option<Status>,
    #[serde(default)]
    step_block: Vec<StepBlockEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepBlockEntry {
    kinds: Vec<String>,
    stops: Vec<String>,
    cite: String,
    status: Status,
}

use check::Check;

fn cite(text: String, status: Status) -> Citation {
    Citation { text, status }
}

/// The 平时考核 rules as validated.
struct RegularRules {
    bands: Vec<(RegularGrade, Hundredths)>,
    grade_scores: Vec<(RegularGrade, Hundredths)>,
    forbidden: Vec<RegularGrade>,
    min_good_share: u32,
    good_limit: u32,
}

impl Section {
    pub(crate) fn validate(mut self, names: &Names, problems: &mut Vec<Problem>) -> AssessmentRules {
        let mut c = Check { problems };
        let ungraded = c.ungraded(self.ungraded);
        let entry_methods = c.entry_methods(self.entry_method);
        let discipline = c.discipline(self.discipline, names, &ungraded);
        let merge_below = c.count("assessment.pools.merge_below", self.pools.inner.merge_below);
        let counted_ungraded = c.counted_ungraded(&self.pools.inner.counted_ungraded);
        let tiers = c.tiers(self.tier, names);
        let rating_cite = match (self.quota.inner.rating_cite.take(), self.quota.inner.rating_status) {
            (Some(text), status) => cite(text, status.unwrap_or(Status::U)),
            (None, _) => cite(self.quota.cite.clone(), Status::U),
        };
        let (ratio, max_ratio, rounding, organ_rating) = c.quota(self.quota.inner);
        let r = self.regular.inner;
        let RegularRules { bands, grade_scores, forbidden, min_good_share, good_limit } = c.regular(&r);
        let (blend, basic_below, incompetent_below) = c.score_rules(self.score.inner);
        let weights = c.weights(self.weights, names, &tiers);
        let u = self.usage.inner;
        let step_blocks = c.step_blocks(u.step_block, names);
        let merit_restarts_cite = match u.merit_restarts_cite {
            Some(text) => cite(text, u.merit_restarts_status.unwrap_or(Status::U)),
            None => cite("记三等功后连续优秀年数是否重新起算".to_string(), Status::U),
        };
        AssessmentRules {
            ungraded,
            discipline,
            entry_methods,
            split_by_tier: self.pools.inner.split_by_tier,
            leaders_by_supervisor: self.pools.inner.leaders_by_supervisor,
            leaders_cite: cite(
                self.pools
                    .inner
                    .leaders_cite
                    .clone()
                    .unwrap_or_else(|| "领导成员由主管机关考核，其优秀比例与是否跨单位设池为本地掌握".to_string()),
                self.pools.inner.leaders_status.unwrap_or(Status::U),
            ),
            merge_below,
            counted_ungraded,
            counted_ungraded_cite: match (
                self.pools.inner.counted_ungraded_cite, self.pools.inner.counted_ungraded_status,
            ) {
                (Some(text), Some(status)) => cite(text, status),
                (Some(text), None) => cite(text, Status::U),
                (None, _) => cite(self.pools.cite.clone(), Status::U),
            },
            pools_cite: cite(self.pools.cite, self.pools.status),
            tiers,
            ratio,
            max_ratio,
            rounding,
            organ_rating,
            rating_cite,
            quota_cite: cite(self.quota.cite, self.quota.status),
            bands,
            grade_scores,
            min_good_share,
            forbidden,
            require_records: r.require_records,
            good_limit,
            regular_cite: cite(self.regular.cite, self.regular.status),
            blend,
            basic_below,
            incompetent_below,
            score_cite: cite(self.score.cite, self.score.status),
            weights,
            merit_consecutive: c.count("assessment.usage.merit_consecutive", u.merit_consecutive),
            dismissal_consecutive: c.count("assessment.usage.dismissal_consecutive", u.dismissal_consecutive),
            years_per_step: c.count("assessment.usage.years_per_step", u.years_per_step).max(1),
            years_per_level: c.count("assessment.usage.years_per_level", u.years_per_level).max(1),
            review_days: c.count("assessment.usage.review_days", u.review_days),
            appeal_days: c.count("assessment.usage.appeal_days", u.appeal_days),
            direct_appeal_days: match u.direct_appeal_days {
                Some(d) => c.count("assessment.usage.direct_appeal_days", d),
                None => c.count("assessment.usage.review_days", u.review_days),
            },
            merit_restarts: u.merit_restarts,
            merit_restarts_cite,
            step_blocks,
            usage_cites: u.cite_by_kind.into_iter().map(|(k, v)| (k, cite(v.text, v.status))).collect(),
            usage_cite: cite(self.usage.cite, self.usage.status),
        }
    }
}
