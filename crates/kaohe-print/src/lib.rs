//! The documents HR offices print and hand in, rendered as HTML with CSS paged media so that the
//! CLI (which writes the files) and the app (which previews and prints them) produce the same
//! pages: A4, 仿宋 body and 小标宋/黑体 titles with CJK fallbacks, fixed table layouts.
//!
//! Everything that comes from a roster is escaped: no cell ever becomes markup. Personal ID
//! numbers appear on no publicity list and in no attribute of a page.

mod fit;

use chrono::NaiveDate;
use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::assessment::AssessmentResult;
use kaohe_engine::dates::working_days;
use kaohe_engine::report::{months_text, PromotionReport};
use kaohe_engine::{Person, Profile, Roster};
use std::collections::HashMap;
use std::fmt::Write as _;

pub use fit::{fit_summary, SummaryFit};

/// The shared style sheet.
pub const CSS: &str = include_str!("../assets/print.css");

/// A printed document: the closed set, named as clerks name them (and the CLI's `--doc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Document {
    /// 年度考核登记表, one page per person.
    RegistrationForms,
    /// 年度考核优秀等次人选公示.
    ExcellentPublicity,
    /// 职级晋升人选公示.
    PromotionPublicity,
    /// 年度考核结果汇总表.
    AssessmentSummary,
    /// 优秀等次名额测算表.
    QuotaTable,
    /// 职级晋升资格审核表.
    PromotionReview,
    /// 职数使用情况表.
    SlotTable,
}

/// What a document is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A year's annual assessment (with the committee's decisions when a database holds them).
    Year,
    /// Promotion eligibility on an as-of date.
    AsOf,
}

impl Document {
    /// Every document, in the order the CLI's help and the app's 打印 page list them.
    pub const ALL: [Document; 7] = [
        Document::RegistrationForms,
        Document::ExcellentPublicity,
        Document::PromotionPublicity,
        Document::AssessmentSummary,
        Document::QuotaTable,
        Document::PromotionReview,
        Document::SlotTable,
    ];

    /// The name clerks use: 登记表, 优秀公示, 晋升公示, 考核汇总, 名额测算, 晋升审核, 职数.
    pub fn name(self) -> &'static str {
        match self {
            Document::RegistrationForms => "登记表",
            Document::ExcellentPublicity => "优秀公示",
            Document::PromotionPublicity => "晋升公示",
            Document::AssessmentSummary => "考核汇总",
            Document::QuotaTable => "名额测算",
            Document::PromotionReview => "晋升审核",
            Document::SlotTable => "职数",
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
fn document(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
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
    let mut body = String::new();
    let mut pages = 0;
    let inputs: HashMap<&str, &kaohe_engine::AnnualInput> =
        roster.annual_inputs.iter().filter(|a| a.year == result.year).map(|a| (a.person_id.as_str(), a)).collect();
    for (a, r) in result.people.iter().zip(&report.people) {
        if !scope.ok(&r.organ, &r.pool) {
            continue;
        }
        let p = &roster.people[a.person];
        let input = inputs.get(p.id.as_str()).copied();
        let summary = input.and_then(|i| i.summary.as_deref()).unwrap_or("");
        let fit = fit_summary(summary);
        let field = |s: &str| escape(s);
        let since = p.post_since.filter(|_| p.post.is_some()).unwrap_or(p.rank_since);
        let comment = input.and_then(|i| i.supervisor_comment.as_deref()).unwrap_or("");
        let proposal = a.proposal.or(a.suggested).map(|g| g.name()).unwrap_or("");
        // The committee's grade is printed once the year is finalised; before that the box is
        // left for the committee to fill in.
        let final_grade = if a.ungraded.is_empty() && report.finalized_on.is_some() {
            a.final_grade.map(|g| g.name()).unwrap_or("")
        } else {
            ""
        };
        let ungraded: Vec<String> =
            a.ungraded.iter().map(|h| format!("{}（{}）：{}", h.code.label(), h.code.code(), h.detail)).collect();
        let summary_html = if summary.is_empty() {
            "<div class=\"lines\"></div>".to_string()
        } else {
            let more = if fit.rest.is_empty() { "" } else { "<div class=\"continued\">（续见附页）</div>" };
            format!("<div class=\"text {}\">{}</div>{more}", fit.class, escape(&fit.first))
        };
        let _ = write!(
            body,
            r#"<section class="page registration">
<h1>年度考核登记表</h1>
<p class="subtitle">（{year}年度）</p>
<table>
<colgroup><col style="width:27mm"><col style="width:35mm"><col style="width:17mm"><col style="width:30mm"><col style="width:22mm"><col></colgroup>
<tr style="height:11mm"><td class="label">姓　　名</td><td>{name}</td><td class="label">性　别</td><td>{gender}</td><td class="label">出生年月</td><td>{birth}</td></tr>
<tr style="height:11mm"><td class="label">政治面貌</td><td>{political}</td><td class="label" colspan="2">任现职务职级时间</td><td colspan="2">{since}</td></tr>
<tr style="height:11mm"><td class="label">单位及职务<br>职级</td><td colspan="5">{unit}</td></tr>
<tr style="height:13mm"><td class="label">从事或分管<br>工作</td><td colspan="5" class="small">{duties}</td></tr>
<tr style="height:84mm"><td class="label">个<br>人<br>总<br>结</td><td colspan="5" class="box">{summary}<div class="sign">签名：　　　　　　年　　月　　日</div></td></tr>
<tr style="height:11mm"><td class="label">参加脱产<br>培训情况</td><td colspan="5" class="small">{training}</td></tr>
<tr style="height:25mm"><td class="label">主管领导评语<br>和考核等次<br>建议</td><td colspan="5" class="box"><div class="text small">{comment}</div><div class="text small">考核等次建议：{proposal}</div><div class="sign">签名：　　　　　　年　　月　　日</div></td></tr>
<tr style="height:19mm"><td class="label">机关负责人或<br>考核委员会<br>意见</td><td colspan="5" class="box"><div class="text small">确定等次：{final_grade}</div><div class="sign">签名：　　　　　　年　　月　　日</div></td></tr>
<tr style="height:15mm"><td class="label">本人意见</td><td colspan="5" class="box"><div class="sign">签名：　　　　　　年　　月　　日</div></td></tr>
<tr style="height:19mm"><td class="label">未确定等次或<br>不参加考核<br>情况说明</td><td colspan="5" class="box"><div class="text small">{ungraded}</div><div class="sign">盖章或签名：　　　　　　年　　月　　日</div></td></tr>
<tr style="height:11mm"><td class="label">公务员主管<br>部门备案</td><td colspan="5"></td></tr>
</table>
</section>
"#,
            year = result.year,
            name = field(&p.name),
            gender = field(p.gender.as_deref().unwrap_or("")),
            birth = ym(p.birth.or_else(|| kaohe_engine::id_number::birth_date(&p.id))),
            political = field(p.political_status.as_deref().unwrap_or("")),
            since = ym(Some(since)),
            unit = field(&r.unit_and_post),
            duties = field(p.duties.as_deref().unwrap_or("")),
            summary = summary_html,
            training = field(input.and_then(|i| i.training.as_deref()).unwrap_or("")),
            comment = field(comment),
            proposal = field(proposal),
            final_grade = field(final_grade),
            ungraded = field(&ungraded.join("\n")),
        );
        pages += 1;
        for chunk in &fit.rest {
            let _ = write!(
                body,
                r#"<section class="page registration-continued">
<h1>年度考核登记表（续页）</h1>
<p class="subtitle">（{year}年度）　{name}</p>
<table><colgroup><col style="width:27mm"><col></colgroup>
<tr style="height:225mm"><td class="label">个<br>人<br>总<br>结<br>（续）</td><td class="box"><div class="text size-105">{text}</div></td></tr>
</table>
</section>
"#,
                year = result.year,
                name = field(&p.name),
                text = escape(chunk)
            );
            pages += 1;
        }
    }
    Rendered { html: document(&format!("{}年度考核登记表", result.year), &body), pages: Some(pages) }
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
    let mut rows = String::new();
    let mut n = 0;
    for p in &report.people {
        let grade = p.final_grade.or(p.suggested);
        if grade != Some("优秀") || !scope.ok(&p.organ, &p.pool) {
            continue;
        }
        n += 1;
        let person = by_id.get(p.id.as_str());
        let (gender, birth, education) = publicity_person(person.copied(), &p.id);
        let _ = writeln!(
            rows,
            "<tr><td class=\"num\">{n}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{birth}</td><td>{}</td><td>{}</td></tr>",
            escape(&p.name),
            escape(gender),
            escape(education),
            escape(&p.unit_and_post),
        );
    }
    let days = profile.publicity.excellent_working_days;
    let title = format!("{}{}年度考核优秀等次人选公示", scope.label(), report.year);
    let body = format!(
        r#"<section class="flow">
<h1>{heading}</h1>
<p class="note">经个人总结、主管领导提出建议、考核委员会审核，拟确定以下{n}名同志{year}年度考核为优秀等次，现予公示。</p>
<p class="note">公示时间：{period}。公示期间，如有异议，请以书面或当面方式向本机关组织人事部门反映。</p>
<table><thead><tr><th class="num" style="width:12mm">序号</th><th style="width:24mm">姓名</th><th class="num" style="width:14mm">性别</th><th class="num" style="width:20mm">出生年月</th><th style="width:26mm">学历</th><th>单位及职务职级</th></tr></thead>
<tbody>
{rows}</tbody></table>
<p class="note right">{state}</p>
<p class="note small">依据：{cite}</p>
</section>
"#,
        heading = escape(&title),
        year = report.year,
        period = publicity_period(from, days, profile),
        state = match report.finalized_on {
            Some(_) => "考核委员会已确定".to_string(),
            None => "（考核委员会尚未定稿，名单为建议人选）".to_string(),
        },
        cite = escape(&profile.publicity.excellent_cite.to_string()),
    );
    Rendered { html: document(&title, &body), pages: None }
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
    let mut rows = String::new();
    let mut n = 0;
    for p in &report.people {
        if !p.eligible || !scope.organ_ok(&p.organ) || !matches!(p.slot, Some("proposed" | "unlimited" | "within_pool"))
        {
            continue;
        }
        n += 1;
        let (gender, birth, education) = publicity_person(by_id.get(p.id.as_str()).copied(), &p.id);
        let _ = writeln!(
            rows,
            "<tr><td class=\"num\">{n}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{birth}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&p.name),
            escape(gender),
            escape(education),
            escape(&p.organ),
            escape(&p.rank),
            escape(p.target_rank.as_deref().unwrap_or("")),
        );
    }
    let days = profile.publicity.promotion_working_days;
    let title = format!("{}职级晋升人选公示", scope.label());
    let body = format!(
        r#"<section class="flow">
<h1>{heading}</h1>
<p class="note">根据公务员职务与职级并行有关规定，经资格审核，拟晋升以下{n}名同志的职级（资格截至{as_of}），现予公示。</p>
<p class="note">公示时间：{period}。公示期间，如有异议，请以书面或当面方式向本机关组织人事部门反映。</p>
<table><thead><tr><th class="num" style="width:11mm">序号</th><th style="width:20mm">姓名</th><th class="num" style="width:11mm">性别</th><th class="num" style="width:18mm">出生年月</th><th style="width:22mm">学历</th><th>单位</th><th style="width:26mm">现职级</th><th style="width:26mm">拟晋升职级</th></tr></thead>
<tbody>
{rows}</tbody></table>
<p class="note small">依据：{cite}</p>
</section>
"#,
        heading = escape(&title),
        as_of = cn_date(report.as_of),
        period = publicity_period(from, days, profile),
        cite = escape(&profile.publicity.promotion_cite.to_string()),
    );
    Rendered { html: document(&title, &body), pages: None }
}

/// 年度考核结果汇总表: per organ, the grades counted and the people by pool.
pub fn assessment_summary(report: &AssessmentReport, scope: &Scope) -> Rendered {
    let grades = ["优秀", "称职", "基本称职", "不称职"];
    let mut body = format!("<section class=\"flow\">\n<h1>{}年度考核结果汇总表</h1>\n", report.year);
    let mut organs: Vec<&str> = Vec::new();
    for p in &report.pools {
        if scope.organ_ok(&p.organ) && !organs.contains(&p.organ.as_str()) {
            organs.push(&p.organ);
        }
    }
    for organ in organs {
        let people: Vec<_> = report.people.iter().filter(|p| p.organ == organ && scope.ok(&p.organ, &p.pool)).collect();
        let count = |g: &str| people.iter().filter(|p| p.final_grade == Some(g)).count();
        let ungraded = people.iter().filter(|p| p.final_grade.is_none() && p.code.is_some()).count();
        let pending = people.iter().filter(|p| p.final_grade.is_none() && p.code.is_none()).count();
        let _ = writeln!(
            body,
            "<p class=\"subtitle\">{}　　参加考核{}人：优秀{}人，称职{}人，基本称职{}人，不称职{}人，不定等次{}人{}</p>",
            escape(organ),
            people.len(),
            count(grades[0]),
            count(grades[1]),
            count(grades[2]),
            count(grades[3]),
            ungraded,
            if pending > 0 { format!("，待定{pending}人") } else { String::new() }
        );
        body.push_str("<table><thead><tr><th class=\"num\" style=\"width:11mm\">序号</th><th style=\"width:26mm\">考核池</th><th style=\"width:20mm\">姓名</th><th>单位及职务职级</th><th class=\"num\" style=\"width:16mm\">得分</th><th class=\"num\" style=\"width:18mm\">等次</th><th class=\"num\" style=\"width:12mm\">代码</th></tr></thead><tbody>\n");
        for (i, p) in people.iter().enumerate() {
            let _ = writeln!(
                body,
                "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                i + 1,
                escape(&p.pool),
                escape(&p.name),
                escape(&p.unit_and_post),
                p.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
                p.final_grade.unwrap_or(if p.code.is_some() { "不定等次" } else { "待定" }),
                p.code.unwrap_or("")
            );
        }
        body.push_str("</tbody></table>\n");
    }
    body.push_str("</section>\n");
    Rendered { html: document(&format!("{}年度考核结果汇总表", report.year), &body), pages: None }
}

/// 优秀等次名额测算表: the quota arithmetic of every pool in scope.
pub fn quota_table(report: &AssessmentReport, scope: &Scope) -> Rendered {
    let mut rows = String::new();
    for (i, p) in report.pools.iter().filter(|p| scope.ok(&p.organ, &p.pool)).enumerate() {
        let _ = writeln!(
            rows,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}%</td><td class=\"num\">{:.2}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"small\">{}</td></tr>",
            i + 1,
            escape(&p.organ),
            escape(&p.pool),
            p.participants,
            p.ratio,
            p.exact,
            p.quota,
            p.final_excellent,
            escape(&p.arithmetic)
        );
    }
    let title = format!("{}年度考核优秀等次名额测算表", report.year);
    let body = format!(
        "<section class=\"flow\">\n<h1>{title}</h1>\n<table><thead><tr><th class=\"num\" style=\"width:10mm\">序号</th><th style=\"width:30mm\">单位</th><th style=\"width:20mm\">考核池</th><th class=\"num\" style=\"width:14mm\">人数</th><th class=\"num\" style=\"width:12mm\">比例</th><th class=\"num\" style=\"width:14mm\">计算值</th><th class=\"num\" style=\"width:12mm\">名额</th><th class=\"num\" style=\"width:12mm\">优秀</th><th>计算说明</th></tr></thead><tbody>\n{rows}</tbody></table>\n</section>\n"
    );
    Rendered { html: document(&title, &body), pages: None }
}

/// 晋升资格审核表: per person, the counted service, the years counted out, blocks and the rules.
pub fn promotion_review(report: &PromotionReport, scope: &Scope) -> Rendered {
    let mut body = format!(
        "<section class=\"flow\">\n<h1>职级晋升资格审核表</h1>\n<p class=\"subtitle\">（资格计算截至{}）</p>\n",
        cn_date(report.as_of)
    );
    for (i, p) in report.people.iter().filter(|p| scope.organ_ok(&p.organ)).enumerate() {
        let verdict = if p.eligible { "符合" } else { "不符合" };
        let _ = write!(
            body,
            r#"<table style="margin-bottom:4mm"><colgroup><col style="width:24mm"><col><col style="width:24mm"><col></colgroup>
<tr><td class="label">{n}. 姓名</td><td>{name}</td><td class="label">单位</td><td>{organ}</td></tr>
<tr><td class="label">现职级</td><td>{rank}</td><td class="label">拟晋升职级</td><td>{target}</td></tr>
<tr><td class="label">现级别</td><td>{level}</td><td class="label">晋升后级别</td><td>{new_level}</td></tr>
<tr><td class="label">任职年限</td><td>自{from}起，计{counted}</td><td class="label">需要年限</td><td>{required}</td></tr>
<tr><td class="label">审核结论</td><td colspan="3">{verdict}</td></tr>
<tr><td class="label">说明及依据</td><td colspan="3" class="small"><div class="text">{reasons}</div></td></tr>
</table>
"#,
            n = i + 1,
            name = escape(&p.name),
            organ = escape(&p.organ),
            rank = escape(&p.rank),
            target = escape(p.target_rank.as_deref().unwrap_or("—")),
            from = cn_date(p.counting_from),
            counted = months_text(p.counted_months),
            required = p
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
                .unwrap_or_else(|| "—".into()),
            level = p.level.map(|l| format!("{l}级")).unwrap_or_else(|| "—".into()),
            new_level = p.new_level.map(|l| format!("{l}级")).unwrap_or_else(|| "—".into()),
            reasons = escape(&kaohe_engine::reason::lines(&p.reasons)),
        );
    }
    body.push_str("</section>\n");
    Rendered { html: document("职级晋升资格审核表", &body), pages: None }
}

/// 职数使用情况表: approved, held and free slots per organ and pool.
pub fn slot_table(report: &PromotionReport, scope: &Scope) -> Rendered {
    let mut rows = String::new();
    for (i, p) in report.pools.iter().filter(|p| scope.organ_ok(&p.organ)).enumerate() {
        let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_else(|| "未核定".into());
        let over = match p.approved {
            Some(a) if p.held > a => (p.held - a).to_string(),
            _ => String::new(),
        };
        let _ = writeln!(
            rows,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{over}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            i + 1,
            escape(&p.organ),
            escape(&p.pool),
            n(p.approved),
            p.held,
            n(p.free),
            p.candidates.len(),
            p.proposed.len()
        );
    }
    let title = "职数使用情况表";
    let body = format!(
        "<section class=\"flow\">\n<h1>{title}</h1>\n<p class=\"subtitle\">（截至{}）</p>\n<table><thead><tr><th class=\"num\" style=\"width:10mm\">序号</th><th>单位</th><th style=\"width:34mm\">职数池</th><th class=\"num\" style=\"width:13mm\">核定</th><th class=\"num\" style=\"width:13mm\">实有</th><th class=\"num\" style=\"width:13mm\">空缺</th><th class=\"num\" style=\"width:13mm\">超配</th><th class=\"num\" style=\"width:16mm\">符合条件</th><th class=\"num\" style=\"width:16mm\">拟晋升</th></tr></thead><tbody>\n{rows}</tbody></table>\n</section>\n",
        cn_date(report.as_of)
    );
    Rendered { html: document(title, &body), pages: None }
}

#[cfg(test)]
mod tests {
    use super::*;

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
