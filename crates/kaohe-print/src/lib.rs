//! The documents HR offices print and hand in, rendered as HTML with CSS paged media so that the
//! CLI (which writes the files) and the app (which previews and prints them) produce the same
//! pages: A4, 仿宋 body and 小标宋/黑体 titles with CJK fallbacks, fixed table layouts.
//!
//! Each document is a template (templates/*.html, askama: checked when the crate compiles) filled
//! from a view made here. Everything that comes from a roster is escaped — askama escapes every
//! value with [`escape`] (askama.toml), only the style sheet and a rendered body go in whole — so
//! no cell ever becomes markup. Personal ID numbers appear on no publicity list and in no
//! attribute of a page.

mod fit;

use askama::Template;

use chrono::NaiveDate;
use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::assessment::AssessmentResult;
use kaohe_engine::dates::working_days;
use kaohe_engine::promotion::SlotCode;
use kaohe_engine::report::{months_text, PromotionReport};
use kaohe_engine::{Grade, GradeName, NationalCode, Person, Profile, Roster};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::{self, Write as _};

pub use fit::{fit_summary, SummaryFit};

/// The shared style sheet.
pub const CSS: &str = include_str!("../assets/print.css");

/// A printed document: the closed set, named as clerks name them (and the CLI's `--doc`); serde
/// writes it by that name (`Document::name`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PrintDoc"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Document {
    /// 年度考核登记表, one page per person.
    #[serde(rename = "登记表")]
    RegistrationForms,
    /// 年度考核优秀等次人选公示.
    #[serde(rename = "优秀公示")]
    ExcellentPublicity,
    /// 职级晋升人选公示.
    #[serde(rename = "晋升公示")]
    PromotionPublicity,
    /// 年度考核结果汇总表.
    #[serde(rename = "考核汇总")]
    AssessmentSummary,
    /// 优秀等次名额测算表.
    #[serde(rename = "名额测算")]
    QuotaTable,
    /// 职级晋升资格审核表.
    #[serde(rename = "晋升审核")]
    PromotionReview,
    /// 职数使用情况表.
    #[serde(rename = "职数")]
    SlotTable,
    /// 年度考核结果汇总表（各单位上报）: the 汇总 of the packages a 汇总 database received.
    #[serde(rename = "上报汇总")]
    ReportedSummary,
}

/// What a document is computed from: a year's assessment (`year`), promotion on an as-of date
/// (`as_of`) or a year's report packages received by a 汇总 database (`packages`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PrintBasis"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A year's annual assessment (with the committee's decisions when a database holds them).
    Year,
    /// Promotion eligibility on an as-of date.
    AsOf,
    /// A year's packages received from the organs (上报), in a 汇总 database.
    Packages,
}

impl Document {
    /// Every document, in the order the CLI's help and the app's 打印 page list them.
    pub const ALL: [Document; 8] = [
        Document::RegistrationForms,
        Document::ExcellentPublicity,
        Document::PromotionPublicity,
        Document::AssessmentSummary,
        Document::QuotaTable,
        Document::PromotionReview,
        Document::SlotTable,
        Document::ReportedSummary,
    ];

    /// The name clerks use: 登记表, 优秀公示, 晋升公示, 考核汇总, 名额测算, 晋升审核, 职数, 上报汇总.
    pub fn name(self) -> &'static str {
        match self {
            Document::RegistrationForms => "登记表",
            Document::ExcellentPublicity => "优秀公示",
            Document::PromotionPublicity => "晋升公示",
            Document::AssessmentSummary => "考核汇总",
            Document::QuotaTable => "名额测算",
            Document::PromotionReview => "晋升审核",
            Document::SlotTable => "职数",
            Document::ReportedSummary => "上报汇总",
        }
    }

    /// What it is, in full.
    pub fn description(self) -> &'static str {
        match self {
            Document::RegistrationForms => "年度考核登记表（每人一页）",
            Document::ExcellentPublicity => "年度考核优秀等次人选公示",
            Document::PromotionPublicity => "职级晋升人选公示",
            Document::AssessmentSummary => "年度考核结果汇总表",
            Document::QuotaTable => "优秀等次名额测算表",
            Document::PromotionReview => "职级晋升资格审核表",
            Document::SlotTable => "职数使用情况表",
            Document::ReportedSummary => "年度考核结果汇总表（各单位上报）",
        }
    }

    /// The document of a name ([`Document::name`]).
    pub fn from_name(name: &str) -> Option<Document> {
        Document::ALL.into_iter().find(|d| d.name() == name.trim())
    }

    pub fn basis(self) -> Basis {
        match self {
            Document::RegistrationForms
            | Document::ExcellentPublicity
            | Document::AssessmentSummary
            | Document::QuotaTable => Basis::Year,
            Document::PromotionPublicity | Document::PromotionReview | Document::SlotTable => Basis::AsOf,
            Document::ReportedSummary => Basis::Packages,
        }
    }

    /// Whether it is posted for a 公示 period (its first day is asked for).
    pub fn publicity(self) -> bool {
        matches!(self, Document::ExcellentPublicity | Document::PromotionPublicity)
    }

    /// 「登记表、优秀公示、…」: every name, for a message.
    pub fn names() -> String {
        Document::ALL.map(Document::name).join("、")
    }
}

/// Which part of the roster a document covers.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub organ: Option<String>,
    pub pool: Option<String>,
}

impl Scope {
    fn organ_ok(&self, organ: &str) -> bool {
        self.organ.as_deref().is_none_or(|o| o == organ)
    }

    fn ok(&self, organ: &str, pool: &str) -> bool {
        self.organ_ok(organ) && self.pool.as_deref().is_none_or(|p| p == pool)
    }

    fn label(&self) -> String {
        match (&self.organ, &self.pool) {
            (Some(o), Some(p)) => format!("{o}·{p}"),
            (Some(o), None) => o.clone(),
            _ => String::new(),
        }
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The templates' escaper (askama.toml): [`escape`]'s entities for every value.
#[derive(Debug, Clone, Copy)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: fmt::Write>(&self, mut dest: W, string: &str) -> fmt::Result {
        dest.write_str(&escape(string))
    }
}

/// A file name (without extension) from a title or an organ's name, safe on Windows and Unix:
/// characters Windows refuses and control characters become 「_」, so no path separator and no
/// 「..」 can lead outside the folder chosen; leading dots and trailing dots and spaces go; a
/// device name (CON, NUL, COM1 …) gets a 「_」; at most 120 characters. The CLI's `print` and the
/// app's preview both name their files with it.
pub fn safe_file_stem(title: &str) -> String {
    use kaohe_engine::text::is_invisible;
    let forbidden = |c: char| {
        matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() || is_invisible(c)
    };
    let mut safe: String = title.chars().map(|c| if forbidden(c) { '_' } else { c }).take(120).collect();
    safe = safe.trim_start_matches(['.', ' ']).trim_end_matches(['.', ' ']).to_string();
    let device = safe.split('.').next().unwrap_or_default().to_ascii_uppercase();
    let reserved = matches!(device.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (device.len() == 4
            && (device.starts_with("COM") || device.starts_with("LPT"))
            && device.ends_with(|c: char| c.is_ascii_digit()));
    if safe.is_empty() || reserved {
        safe.insert(0, '_');
    }
    safe
}

/// What a 公示 says of a person besides the name: sex, birth month and education. A 公示 is
/// posted publicly, so it carries no ID number, not even a masked one: area code, check digit
/// and birth month together narrow an ID down to a handful (domain.md §6).
fn publicity_person<'a>(person: Option<&'a Person>, id: &str) -> (&'a str, String, &'a str) {
    let gender = person.and_then(|x| x.gender.as_deref()).unwrap_or("");
    let birth = ym(person.and_then(|x| x.birth).or_else(|| kaohe_engine::id_number::birth_date(id)));
    let education = person.and_then(|x| x.education.as_deref()).unwrap_or("");
    (gender, birth, education)
}

fn ym(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y.%m").to_string()).unwrap_or_default()
}

fn cn_date(d: NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

/// A whole HTML document around `body`.
#[derive(Template)]
#[template(path = "document.html")]
struct Page<'a> {
    title: &'a str,
    css: &'a str,
    body: &'a str,
}

fn document(title: &str, body: &str) -> String {
    render(&Page { title, css: CSS, body })
}

/// A template rendered: its fields are strings and numbers written into a String, and the
/// escaper never fails, so rendering cannot fail (a blank page is never printed instead).
fn render(t: &impl Template) -> String {
    t.render().expect("a template of strings and numbers renders into a String")
}

fn people_by_id(roster: &Roster) -> HashMap<&str, &Person> {
    roster.people.iter().map(|p| (p.id.as_str(), p)).collect()
}

/// A rendered document and how many pages it is meant to print on (for the page-per-person
/// documents; `None` for documents that flow).
pub struct Rendered {
    pub html: String,
    pub pages: Option<usize>,
}

/// 年度考核登记表: one page per assessed person in scope, in roster order, filled from the
/// roster and the year's assessment. A 个人总结 too long for its box shrinks, then continues on
/// a continuation page.
pub fn registration_forms(
    result: &AssessmentResult,
    report: &AssessmentReport,
    roster: &Roster,
    scope: &Scope,
) -> Rendered {
    let inputs: HashMap<&str, &kaohe_engine::AnnualInput> =
        roster.annual_inputs.iter().filter(|a| a.year == result.year).map(|a| (a.person_id.as_str(), a)).collect();
    let mut forms = Vec::new();
    for (a, r) in result.people.iter().zip(&report.people) {
        if !scope.ok(&r.organ, &r.pool) {
            continue;
        }
        let p = &roster.people[a.person];
        let input = inputs.get(p.id.as_str()).copied();
        let summary = input.and_then(|i| i.summary.as_deref()).unwrap_or("");
        let fit = fit_summary(summary);
        let since = p.post_since.filter(|_| p.post.is_some()).unwrap_or(p.rank_since);
        // The committee's grade is printed once the year is finalised; before that the box is
        // left for the committee to fill in.
        let final_grade = if a.ungraded.is_empty() && report.finalized_on.is_some() {
            a.final_grade.map(|g| g.name()).unwrap_or("")
        } else {
            ""
        };
        let ungraded: Vec<String> =
            a.ungraded.iter().map(|h| format!("{}（{}）：{}", h.code.label(), h.code.code(), h.detail)).collect();
        forms.push(RegistrationForm {
            name: &p.name,
            gender: p.gender.as_deref().unwrap_or(""),
            birth: ym(p.birth.or_else(|| kaohe_engine::id_number::birth_date(&p.id))),
            political: p.political_status.as_deref().unwrap_or(""),
            since: ym(Some(since)),
            unit: &r.unit_and_post,
            duties: p.duties.as_deref().unwrap_or(""),
            summary: (!summary.is_empty()).then_some(FittedSummary { class: fit.class, first: fit.first }),
            continued: fit.rest,
            training: input.and_then(|i| i.training.as_deref()).unwrap_or(""),
            comment: input.and_then(|i| i.supervisor_comment.as_deref()).unwrap_or(""),
            proposal: a.proposal.or(a.suggested).map(|g| g.name()).unwrap_or(""),
            final_grade,
            ungraded: ungraded.join("\n"),
        });
    }
    let pages = forms.iter().map(|f| 1 + f.continued.len()).sum();
    let body = render(&RegistrationForms { year: result.year, forms });
    Rendered { html: document(&format!("{}年度考核登记表", result.year), &body), pages: Some(pages) }
}

#[derive(Template)]
#[template(path = "registration.html")]
struct RegistrationForms<'a> {
    year: i32,
    forms: Vec<RegistrationForm<'a>>,
}

/// One person's 登记表, its boxes filled (escaped by the template).
struct RegistrationForm<'a> {
    name: &'a str,
    gender: &'a str,
    birth: String,
    political: &'a str,
    since: String,
    unit: &'a str,
    duties: &'a str,
    /// The 个人总结's first part and its type size; `None`: left blank, lined.
    summary: Option<FittedSummary>,
    /// The 个人总结's continuation pages.
    continued: Vec<String>,
    training: &'a str,
    comment: &'a str,
    proposal: &'a str,
    final_grade: &'a str,
    ungraded: String,
}

struct FittedSummary {
    class: &'static str,
    first: String,
}

/// "2026年1月9日至2026年1月15日（5个工作日）", skipping weekends and the profile's public holidays
/// and counting its make-up working days; a year whose holiday notice the profile does not hold
/// is said to be 待核实.
fn publicity_period(from: NaiveDate, days: u32, profile: &Profile) -> String {
    let p = working_days(from, days, profile.calendar());
    let mut text = format!("{}至{}（{days}个工作日", cn_date(p.first), cn_date(p.last));
    if p.unknown_years.is_empty() {
        text.push('）');
    } else {
        let years: Vec<String> = p.unknown_years.iter().map(|y| format!("{y}年")).collect();
        let _ = write!(text, "，仅扣除周末：规则中尚无{}节假日安排，期限待核实）", years.join("、"));
    }
    text
}

/// 年度考核优秀等次人选公示: the final (or, before the committee decides, the suggested) 优秀 of
/// each organ in scope, IDs masked, with the publicity period in working days.
pub fn excellent_publicity(
    report: &AssessmentReport,
    roster: &Roster,
    profile: &Profile,
    scope: &Scope,
    from: NaiveDate,
) -> Rendered {
    let by_id = people_by_id(roster);
    let rows = report
        .people
        .iter()
        .filter(|p| p.final_grade.or(p.suggested) == Some(GradeName::Excellent) && scope.ok(&p.organ, &p.pool))
        .map(|p| {
            let (gender, birth, education) = publicity_person(by_id.get(p.id.as_str()).copied(), &p.id);
            PublicityRow { name: &p.name, gender, birth, education, unit: &p.unit_and_post }
        })
        .collect();
    let title = format!("{}{}年度考核优秀等次人选公示", scope.label(), report.year);
    let body = render(&ExcellentPublicity {
        title: &title,
        year: report.year,
        period: publicity_period(from, profile.publicity.excellent_working_days, profile),
        rows,
        state: match report.finalized_on {
            Some(_) => "考核委员会已确定",
            None => "（考核委员会尚未定稿，名单为建议人选）",
        },
        cite: profile.publicity.excellent_cite.to_string(),
    });
    Rendered { html: document(&title, &body), pages: None }
}

#[derive(Template)]
#[template(path = "excellent_publicity.html")]
struct ExcellentPublicity<'a> {
    title: &'a str,
    year: i32,
    period: String,
    rows: Vec<PublicityRow<'a>>,
    state: &'a str,
    cite: String,
}

/// A person on a 公示: name, sex, birth month, education, and where they work (no ID).
struct PublicityRow<'a> {
    name: &'a str,
    gender: &'a str,
    birth: String,
    education: &'a str,
    unit: &'a str,
}

/// 职级晋升人选公示: the proposed (and, outside slot pools, the eligible) people, IDs masked,
/// with at least the profile's working days.
pub fn promotion_publicity(
    report: &PromotionReport,
    roster: &Roster,
    profile: &Profile,
    scope: &Scope,
    from: NaiveDate,
) -> Rendered {
    let by_id = people_by_id(roster);
    let rows = report
        .people
        .iter()
        .filter(|p| {
            p.eligible
                && scope.organ_ok(&p.organ)
                && matches!(p.slot, Some(SlotCode::Proposed | SlotCode::Unlimited | SlotCode::WithinPool))
        })
        .map(|p| {
            let (gender, birth, education) = publicity_person(by_id.get(p.id.as_str()).copied(), &p.id);
            PromotionRow {
                person: PublicityRow { name: &p.name, gender, birth, education, unit: &p.organ },
                rank: &p.rank,
                target: p.target_rank.as_deref().unwrap_or(""),
            }
        })
        .collect();
    let title = format!("{}职级晋升人选公示", scope.label());
    let body = render(&PromotionPublicity {
        title: &title,
        as_of: cn_date(report.as_of),
        period: publicity_period(from, profile.publicity.promotion_working_days, profile),
        rows,
        cite: profile.publicity.promotion_cite.to_string(),
    });
    Rendered { html: document(&title, &body), pages: None }
}

#[derive(Template)]
#[template(path = "promotion_publicity.html")]
struct PromotionPublicity<'a> {
    title: &'a str,
    as_of: String,
    period: String,
    rows: Vec<PromotionRow<'a>>,
    cite: String,
}

/// A person on the 晋升公示: as on any 公示 (their organ as where they work), the rank now and
/// the one proposed.
struct PromotionRow<'a> {
    person: PublicityRow<'a>,
    rank: &'a str,
    target: &'a str,
}

/// 年度考核结果汇总表: per organ, the grades counted and the people by pool.
pub fn assessment_summary(report: &AssessmentReport, scope: &Scope) -> Rendered {
    let grades = Grade::ALL.map(Grade::named);
    let mut names: Vec<&str> = Vec::new();
    for p in &report.pools {
        if scope.organ_ok(&p.organ) && !names.contains(&p.organ.as_str()) {
            names.push(&p.organ);
        }
    }
    let organs = names
        .into_iter()
        .map(|organ| {
            let people: Vec<_> =
                report.people.iter().filter(|p| p.organ == organ && scope.ok(&p.organ, &p.pool)).collect();
            let count = |g: GradeName| people.iter().filter(|p| p.final_grade == Some(g)).count();
            SummaryOrgan {
                name: organ,
                counts: grades.map(count),
                ungraded: people.iter().filter(|p| p.final_grade.is_none() && p.code.is_some()).count(),
                pending: people.iter().filter(|p| p.final_grade.is_none() && p.code.is_none()).count(),
                rows: people
                    .iter()
                    .map(|p| SummaryRow {
                        pool: &p.pool,
                        name: &p.name,
                        unit: &p.unit_and_post,
                        score: p.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
                        grade: p
                            .final_grade
                            .map_or(if p.code.is_some() { "不定等次" } else { "待定" }, GradeName::name),
                        code: p.code.map_or("", NationalCode::code),
                    })
                    .collect(),
            }
        })
        .collect();
    let body = render(&AssessmentSummary { year: report.year, organs });
    Rendered { html: document(&format!("{}年度考核结果汇总表", report.year), &body), pages: None }
}

#[derive(Template)]
#[template(path = "assessment_summary.html")]
struct AssessmentSummary<'a> {
    year: i32,
    organs: Vec<SummaryOrgan<'a>>,
}

/// An organ of the 汇总表: the grades counted (优秀, 称职, 基本称职, 不称职), those not graded
/// and not yet decided, and its people.
struct SummaryOrgan<'a> {
    name: &'a str,
    counts: [usize; 4],
    ungraded: usize,
    pending: usize,
    rows: Vec<SummaryRow<'a>>,
}

struct SummaryRow<'a> {
    pool: &'a str,
    name: &'a str,
    unit: &'a str,
    score: String,
    grade: &'a str,
    code: &'a str,
}

/// 优秀等次名额测算表: the quota arithmetic of every pool in scope.
pub fn quota_table(report: &AssessmentReport, scope: &Scope) -> Rendered {
    let pools = report
        .pools
        .iter()
        .filter(|p| scope.ok(&p.organ, &p.pool))
        .map(|p| QuotaRow {
            organ: &p.organ,
            pool: &p.pool,
            participants: p.participants,
            ratio: p.ratio,
            exact: format!("{:.2}", p.exact),
            quota: p.quota,
            excellent: p.final_excellent,
            arithmetic: &p.arithmetic,
        })
        .collect();
    let title = format!("{}年度考核优秀等次名额测算表", report.year);
    let body = render(&QuotaTable { title: &title, pools });
    Rendered { html: document(&title, &body), pages: None }
}

#[derive(Template)]
#[template(path = "quota_table.html")]
struct QuotaTable<'a> {
    title: &'a str,
    pools: Vec<QuotaRow<'a>>,
}

struct QuotaRow<'a> {
    organ: &'a str,
    pool: &'a str,
    participants: u32,
    ratio: f64,
    exact: String,
    quota: u32,
    excellent: u32,
    arithmetic: &'a str,
}

/// 晋升资格审核表: per person, the counted service, the years counted out, blocks and the rules.
pub fn promotion_review(report: &PromotionReport, scope: &Scope) -> Rendered {
    let dash = || "—".to_string();
    let people = report
        .people
        .iter()
        .filter(|p| scope.organ_ok(&p.organ))
        .map(|p| ReviewPerson {
            name: &p.name,
            organ: &p.organ,
            rank: &p.rank,
            target: p.target_rank.as_deref().unwrap_or("—"),
            level: p.level.map(|l| format!("{l}级")).unwrap_or_else(dash),
            new_level: p.new_level.map(|l| format!("{l}级")).unwrap_or_else(dash),
            from: cn_date(p.counting_from),
            counted: months_text(p.counted_months),
            required: p
                .required_months
                .map(|r| match p.reduction_months {
                    0 => months_text(r),
                    cut => format!(
                        "{}（优秀缩短{}，为{}）",
                        months_text(r),
                        months_text(cut),
                        months_text(r.saturating_sub(cut))
                    ),
                })
                .unwrap_or_else(dash),
            verdict: if p.eligible { "符合" } else { "不符合" },
            reasons: kaohe_engine::reason::lines(&p.reasons),
        })
        .collect();
    let body = render(&PromotionReview { as_of: cn_date(report.as_of), people });
    Rendered { html: document("职级晋升资格审核表", &body), pages: None }
}

#[derive(Template)]
#[template(path = "promotion_review.html")]
struct PromotionReview<'a> {
    as_of: String,
    people: Vec<ReviewPerson<'a>>,
}

struct ReviewPerson<'a> {
    name: &'a str,
    organ: &'a str,
    rank: &'a str,
    target: &'a str,
    level: String,
    new_level: String,
    from: String,
    counted: String,
    required: String,
    verdict: &'a str,
    reasons: String,
}

/// 职数使用情况表: approved, held and free slots per organ and pool.
pub fn slot_table(report: &PromotionReport, scope: &Scope) -> Rendered {
    let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_else(|| "未核定".into());
    let pools = report
        .pools
        .iter()
        .filter(|p| scope.organ_ok(&p.organ))
        .map(|p| SlotRow {
            organ: &p.organ,
            pool: &p.pool,
            approved: n(p.approved),
            held: p.held,
            free: n(p.free),
            over: match p.approved {
                Some(a) if p.held > a => (p.held - a).to_string(),
                _ => String::new(),
            },
            candidates: p.candidates.len(),
            proposed: p.proposed.len(),
        })
        .collect();
    let title = "职数使用情况表";
    let body = render(&SlotTable { title, as_of: cn_date(report.as_of), pools });
    Rendered { html: document(title, &body), pages: None }
}

#[derive(Template)]
#[template(path = "slot_table.html")]
struct SlotTable<'a> {
    title: &'a str,
    as_of: String,
    pools: Vec<SlotRow<'a>>,
}

struct SlotRow<'a> {
    organ: &'a str,
    pool: &'a str,
    approved: String,
    held: u32,
    free: String,
    over: String,
    candidates: usize,
    proposed: usize,
}

/// A table of plain cells as the 汇总 prints it: kaohe-desk makes these of what the 汇总 workbook
/// holds (its `summary_tables`), so the printed tables are the workbook's, computed once.
#[derive(Debug, Clone, PartialEq)]
pub struct PlainTable {
    /// Printed above the table.
    pub title: String,
    /// Each column's header and its width, relative to the others (the workbook's widths).
    pub columns: Vec<(String, f64)>,
    /// The columns of counts, centred.
    pub numbers: Vec<usize>,
    pub rows: Vec<Vec<String>>,
}

/// 年度考核结果汇总表（各单位上报）: the year of every organ received by a 汇总 database.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedSummary {
    pub year: i32,
    /// The 汇总's rule profile, name and version.
    pub profile: String,
    /// How many organs reported, and how many of the 汇总 database's list have not yet.
    pub organs: u32,
    pub unreported: u32,
    pub tables: Vec<PlainTable>,
}

/// 年度考核结果汇总表（各单位上报）: the 汇总's tables one after the other, each headed by its title,
/// in small type so that a row of an organ holds on one line of an A4 page.
pub fn reported_summary(summary: &ReportedSummary) -> Rendered {
    let tables = summary
        .tables
        .iter()
        .map(|t| {
            let total: f64 = t.columns.iter().map(|(_, w)| w).sum::<f64>().max(1.0);
            PrintedTable {
                title: &t.title,
                columns: t
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, (header, width))| PrintedColumn {
                        header,
                        width: format!("{:.1}", width * 100.0 / total),
                        num: t.numbers.contains(&i),
                    })
                    .collect(),
                rows: t
                    .rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .enumerate()
                            .map(|(i, text)| PrintedCell { text, num: t.numbers.contains(&i) })
                            .collect()
                    })
                    .collect(),
            }
        })
        .collect();
    let title = format!("{}年度考核结果汇总表（各单位上报）", summary.year);
    let mut reported = format!("{}个单位已上报", summary.organs);
    if summary.unreported > 0 {
        let _ = write!(reported, "，{}个单位尚未上报", summary.unreported);
    }
    let body = render(&ReportedSummaryPage { title: &title, profile: &summary.profile, reported, tables });
    Rendered { html: document(&title, &body), pages: None }
}

#[derive(Template)]
#[template(path = "reported_summary.html")]
struct ReportedSummaryPage<'a> {
    title: &'a str,
    profile: &'a str,
    reported: String,
    tables: Vec<PrintedTable<'a>>,
}

struct PrintedTable<'a> {
    title: &'a str,
    columns: Vec<PrintedColumn<'a>>,
    rows: Vec<Vec<PrintedCell<'a>>>,
}

/// A column: its header, its width in percent of the table's, and whether it counts (centred).
struct PrintedColumn<'a> {
    header: &'a str,
    width: String,
    num: bool,
}

struct PrintedCell<'a> {
    text: &'a str,
    num: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde writes a document by the name clerks use, the name `from_name` reads.
    #[test]
    fn documents_serialise_by_name() {
        for d in Document::ALL {
            assert_eq!(serde_json::to_value(d).expect("a document"), d.name());
            assert_eq!(Document::from_name(d.name()), Some(d));
        }
        assert_eq!(serde_json::to_value(Basis::AsOf).expect("a basis"), "as_of");
        assert_eq!(serde_json::to_value(Basis::Packages).expect("a basis"), "packages");
    }

    #[test]
    fn file_names_stay_in_their_folder() {
        assert_eq!(safe_file_stem("../../x"), "_.._x");
        assert_eq!(safe_file_stem("/etc/passwd"), "_etc_passwd");
        assert_eq!(safe_file_stem("C:\\Windows\\甲局"), "C__Windows_甲局");
        assert_eq!(safe_file_stem(".."), "_");
        assert_eq!(safe_file_stem("某市财政局2025年度登记表"), "某市财政局2025年度登记表");
        assert_eq!(safe_file_stem("CON"), "_CON");
        assert_eq!(safe_file_stem("com1.登记表"), "_com1.登记表");
        assert_eq!(safe_file_stem("甲局\u{202E}xslx.exe"), "甲局_xslx.exe");
        assert_eq!(safe_file_stem(&"局".repeat(300)).chars().count(), 120);
    }

    #[test]
    fn markup_from_a_roster_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }
}
