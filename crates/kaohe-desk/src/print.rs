//! The printed documents ([`kaohe_print::Document`]) of a roster or a database: the report the
//! document needs (a year's assessment with the committee's decisions, or promotion on a date),
//! the part asked for (an organ, a pool: refused when the database holds none such), the page,
//! and the title and file name both front ends give it.

use chrono::NaiveDate;
use kaohe_engine::{Profile, Roster};
use kaohe_print::{Basis, Document, Rendered, Scope};

use crate::{assessment_report, check_year, promotion_report, DeskError, Source};

/// A document asked for.
#[derive(Debug, Clone)]
pub struct PrintRequest {
    pub document: Document,
    /// The assessment year (the assessment documents need it).
    pub year: Option<i32>,
    /// The as-of date of promotion (the promotion documents need it).
    pub as_of: Option<NaiveDate>,
    /// An organ, and within it a pool; everyone when empty.
    pub scope: Scope,
    /// The first day of a 公示.
    pub from: NaiveDate,
}

/// A document made.
pub struct Printed {
    pub rendered: Rendered,
    /// 「年度考核优秀等次人选公示（2025年度·某市财政局）」: what the preview window shows.
    pub title: String,
    /// 「某市财政局2025年度优秀公示」: the file's name without extension, safe for any folder
    /// ([`kaohe_print::safe_file_stem`]).
    pub file_stem: String,
}

/// Makes the document `request` asks for from `source` with `profile`'s rules.
pub fn print(source: Source<'_>, profile: &Profile, request: &PrintRequest) -> Result<Printed, DeskError> {
    let doc = request.document;
    let scope = &request.scope;
    let mut qualifiers: Vec<String> = Vec::new();
    let mut stem = scope.organ.clone().unwrap_or_default();
    let rendered = match doc.basis() {
        // Of the packages received, not of the people of the database.
        Basis::Packages => return reported_summary(source, profile, request),
        Basis::Year => {
            let roster = roster_of(source, scope)?;
            let year = request.year.ok_or_else(|| DeskError::BadArgument(format!("「{}」需要考核年度", doc.name())))?;
            let year = check_year(year)?;
            let decisions = source.decisions(year)?;
            let (result, report) = assessment_report(&roster, profile, year, &decisions);
            if let Some(pool) = &scope.pool {
                if !report.pools.iter().any(|p| &p.pool == pool && scope.organ.as_ref().is_none_or(|o| o == &p.organ)) {
                    return Err(DeskError::BadArgument(format!("{year}年度没有考核池「{pool}」")));
                }
            }
            qualifiers.push(format!("{year}年度"));
            qualifiers.extend(scope.organ.clone());
            qualifiers.extend(scope.pool.clone());
            stem.push_str(&format!("{year}年度"));
            match doc {
                Document::RegistrationForms => kaohe_print::registration_forms(&result, &report, &roster, scope),
                Document::ExcellentPublicity => {
                    kaohe_print::excellent_publicity(&report, &roster, profile, scope, request.from)
                }
                Document::AssessmentSummary => kaohe_print::assessment_summary(&report, scope),
                _ => kaohe_print::quota_table(&report, scope),
            }
        }
        Basis::AsOf => {
            let roster = roster_of(source, scope)?;
            let as_of =
                request.as_of.ok_or_else(|| DeskError::BadArgument(format!("「{}」需要资格计算日期", doc.name())))?;
            let (_, report) = promotion_report(&roster, profile, as_of);
            qualifiers.push(format!("截至{}", as_of.format("%Y年%-m月%-d日")));
            qualifiers.extend(scope.organ.clone());
            let scope = Scope { organ: scope.organ.clone(), pool: None };
            match doc {
                Document::PromotionPublicity => {
                    kaohe_print::promotion_publicity(&report, &roster, profile, &scope, request.from)
                }
                Document::PromotionReview => kaohe_print::promotion_review(&report, &scope),
                _ => kaohe_print::slot_table(&report, &scope),
            }
        }
    };
    stem.push_str(doc.name());
    let name = doc.description().split('（').next().unwrap_or(doc.description());
    let title = format!("{name}（{}）", qualifiers.join("·"));
    Ok(Printed { rendered, title, file_stem: kaohe_print::safe_file_stem(&stem) })
}

/// 上报汇总: the year's 汇总 of the packages a database received, all organs together.
fn reported_summary(source: Source<'_>, profile: &Profile, request: &PrintRequest) -> Result<Printed, DeskError> {
    let name = request.document.name();
    let Source::Database(store) = source else {
        return Err(DeskError::BadArgument(format!("「{name}」由汇总数据库收到的各单位上报文件生成，不能由名册生成")));
    };
    if request.scope.organ.is_some() || request.scope.pool.is_some() {
        return Err(DeskError::BadArgument(format!("「{name}」汇总全部上报单位，不能限定单位或考核池")));
    }
    let year = request.year.ok_or_else(|| DeskError::BadArgument(format!("「{name}」需要考核年度")))?;
    crate::summary::printed(&crate::summary::summary(store, profile, year)?)
}

/// The roster of `source`, holding the organ the clerk named.
fn roster_of<'a>(source: Source<'a>, scope: &Scope) -> Result<std::borrow::Cow<'a, Roster>, DeskError> {
    let roster = source.roster()?;
    if let Some(organ) = &scope.organ {
        check_organ(&roster, organ, source)?;
    }
    Ok(roster)
}

/// An organ named by the clerk must be in the roster (else the document would be empty).
fn check_organ(roster: &Roster, organ: &str, source: Source<'_>) -> Result<(), DeskError> {
    let known = roster.organs.iter().any(|o| o.name == organ) || roster.people.iter().any(|p| p.organ == organ);
    match known {
        true => Ok(()),
        false => Err(DeskError::UnknownOrgan { organ: organ.to_owned(), held_in: source.name() }),
    }
}
