//! 上报 and 汇总: an organ's finalised year made into a package ([`make_package`]), packages
//! received by the 公务员主管部门's database — each verified before anything is kept, a second one
//! of an organ and year kept only when confirmed ([`receive`]) — and the year of every organ
//! received in one picture ([`summary`]): grades by organ and category, 优秀 against quota, ratios
//! above the normal one without a recorded approval, promotions proposed against 职数, organs not
//! reported yet, and what conflicts (one ID in two organs, an organ not supervised, another rule
//! profile), reported, never merged silently.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use kaohe_engine::promotion::SlotCode;
use kaohe_engine::{Grade, GradeName, Profile};
use kaohe_store::{ErrorCode, Incoming, Store, StoreError};
use kaohe_workbook::Table;
use serde::Serialize;

use crate::package::{self, Manifest, Package, PackageAssessment, PackagePerson, PackagePromotion};
use crate::shared_slots::SharedSlots;
use crate::{assessment_report, check_year, promotion_report, DeskError};

/// What a package is made from, besides the database.
pub struct MakeRequest<'a> {
    pub organ: &'a str,
    pub year: i32,
    /// The promotion proposals' date; the year's 31 December when not given.
    pub as_of: Option<NaiveDate>,
    /// The rule file's text of `profile` (the national one's, or the local file in force).
    pub profile_text: &'a str,
    pub by: &'a str,
    /// `YYYY-MM-DD HH:MM:SS`: the front end's clock.
    pub made_at: &'a str,
}

/// 上报: the organ's finalised year as a package's bytes, with its manifest.
pub fn make_package(store: &Store, profile: &Profile, r: &MakeRequest) -> Result<(Manifest, Vec<u8>), DeskError> {
    let year = check_year(r.year)?;
    let organ = r.organ.trim();
    let decisions = store.decisions(year)?;
    let finalized_on = decisions.finalized_on.ok_or(DeskError::NotFinalized { year })?;
    let roster = store.load_roster()?;
    if !roster.people.iter().any(|p| p.organ == organ) {
        return Err(DeskError::UnknownOrgan { organ: organ.to_string(), held_in: "数据库" });
    }
    let (_, assessment) = assessment_report(&roster, profile, year, &decisions);
    let as_of = r.as_of.unwrap_or_else(|| kaohe_engine::dates::year_end(year));
    let (_, promotion) = promotion_report(&roster, profile, as_of);
    let log = store.assessment_log(year)?;
    let contents = package::Contents {
        organ,
        roster: &roster,
        assessment: &assessment,
        finalized_on,
        normal_ratio: f64::from(profile.assessment.ratio) / 100.0,
        promotion: &promotion,
        log: &log,
        profile,
        profile_text: r.profile_text,
        made_by: r.by.trim(),
        made_at: r.made_at,
    };
    let (manifest, parts) = package::parts(&contents);
    let bytes = package::archive(&manifest, &parts)?;
    Ok((manifest, bytes))
}

/// The file name a package is offered under: 「某市财政局_2025年度上报.kaohe」.
pub fn package_file_name(organ: &str, year: i32) -> String {
    let safe: String = organ.chars().map(|c| if r#"\/:*?"<>|"#.contains(c) { '_' } else { c }).collect();
    format!("{safe}_{year}年度上报.kaohe")
}

/// One package received.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Receipt {
    pub file: String,
    pub organ: String,
    pub year: i32,
    pub people: u32,
    /// The earlier package of the organ and year this one replaced (confirmed by the clerk).
    pub replaced: Option<String>,
    /// What does not fit, said for the clerk (kept, not merged away).
    pub conflicts: Vec<String>,
}

/// A file that was not received, and why.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refusal {
    pub file: String,
    /// `package_refused`, `package_exists`, `database` …
    pub code: ErrorCode,
    pub message: String,
}

impl Refusal {
    /// A package file that could not be read at all.
    pub fn unreadable(file: &str, e: &std::io::Error) -> Refusal {
        Refusal {
            file: file.to_string(),
            code: ErrorCode::PackageRefused,
            message: format!("无法读取「{file}」：{}", package::read_words(e)),
        }
    }
}

/// `kaohe receive --json` and the 汇总 page's drop.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Receipts {
    pub received: Vec<Receipt>,
    pub refused: Vec<Refusal>,
}

/// The organs the 汇总 database supervises: its 所辖单位 list (the `organs` table, filled by
/// `kaohe organs`, the 所辖单位 dialog or an imported roster), when it has one.
fn supervised(store: &Store) -> Result<HashSet<String>, StoreError> {
    Ok(store.organ_names()?.into_iter().collect())
}

/// What does not fit in a package among the ones already current for its year.
fn conflicts_of(
    p: &Package,
    others: &HashMap<String, String>,
    supervised: &HashSet<String>,
    profile: &Profile,
) -> Vec<String> {
    let m = &p.manifest;
    let mut out = Vec::new();
    if !supervised.is_empty() && !supervised.contains(&m.organ) {
        out.push(format!("{}不在本单位所辖单位名单中", m.organ));
    }
    if (m.profile.name.as_str(), m.profile.version.as_str())
        != (profile.meta.name.as_str(), profile.meta.version.as_str())
    {
        out.push(format!(
            "所用规则为「{} {}」，与汇总所用规则「{} {}」不同",
            m.profile.name, m.profile.version, profile.meta.name, profile.meta.version
        ));
    }
    for person in &p.people {
        if let Some(other) = others.get(&person.id).filter(|o| **o != m.organ) {
            out.push(format!("{}（{}）同时在{}的上报中", person.name, person.id, other));
        }
    }
    out
}

/// 汇总: receives `files` (name, bytes) for the 公务员主管部门: each verified first; a file that is
/// not a package, altered, of a year not finalised, or of an organ and year received before
/// (without `replace`) is refused with why and nothing of it kept; the others are kept, each in
/// one transaction with its log entry.
pub fn receive(
    store: &mut Store,
    profile: &Profile,
    files: &[(String, Vec<u8>)],
    replace: bool,
    by: &str,
) -> Result<Receipts, DeskError> {
    let by = crate::committee::operator(by)?;
    let supervised = supervised(store)?;
    let mut out = Receipts::default();
    // Each year's people by ID with their organ, read once from the packages kept and then
    // kept up to date as packages are received: not every package read again for each file.
    let mut known: HashMap<i32, HashMap<String, String>> = HashMap::new();
    for (file, bytes) in files {
        let refuse = |e: DeskError| Refusal { file: file.clone(), code: e.code(), message: e.to_string() };
        let p = match package::open(bytes) {
            Ok(p) => p,
            Err(DeskError::PackageRefused(why)) => {
                out.refused.push(refuse(DeskError::PackageRefused(format!("「{file}」不能接收：{why}"))));
                continue;
            }
            Err(e) => {
                out.refused.push(refuse(e));
                continue;
            }
        };
        let m = &p.manifest;
        let people = match known.entry(m.year) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(ids_by_organ(&store.current_packages(m.year, &package::PARTS[..1])?))
            }
        };
        let conflicts = conflicts_of(&p, people, &supervised, profile);
        let manifest = serde_json::to_string(m).unwrap_or_default();
        let incoming = Incoming {
            organ: &m.organ,
            year: m.year,
            file,
            sha256: &p.sha256,
            manifest: &manifest,
            parts: &p.raw,
            people: p.people.len() as i64,
        };
        match store.receive_package(&incoming, replace, by) {
            Ok(replaced) => {
                // The organ's people now are this package's (a replaced one's are gone).
                people.retain(|_, organ| *organ != m.organ);
                people.extend(p.people.iter().map(|q| (q.id.clone(), m.organ.clone())));
                out.received.push(Receipt {
                    file: file.clone(),
                    organ: m.organ.clone(),
                    year: m.year,
                    people: p.people.len() as u32,
                    replaced,
                    conflicts,
                })
            }
            Err(e) => out.refused.push(refuse(e.into())),
        }
    }
    Ok(out)
}

/// The people of the current packages, by ID: their organ.
fn ids_by_organ(packages: &[kaohe_store::StoredPackage]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for p in packages {
        if let Some((_, bytes)) = p.parts.iter().find(|(n, _)| n == package::PARTS[0]) {
            let people: Vec<PackagePerson> = serde_json::from_slice(bytes).unwrap_or_default();
            for person in people {
                out.insert(person.id, p.organ.clone());
            }
        }
    }
    out
}

/// Grades counted.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct GradeCounts {
    pub excellent: u32,
    pub competent: u32,
    pub basically_competent: u32,
    pub incompetent: u32,
    /// 不定等次 and the other codes without a grade.
    pub ungraded: u32,
}

impl GradeCounts {
    fn add(&mut self, grade: Option<GradeName>) {
        match grade.map(GradeName::grade) {
            Some(Grade::Excellent) => self.excellent += 1,
            Some(Grade::Competent) => self.competent += 1,
            Some(Grade::BasicallyCompetent) => self.basically_competent += 1,
            Some(Grade::Incompetent) => self.incompetent += 1,
            None => self.ungraded += 1,
        }
    }

    fn plus(&mut self, o: &GradeCounts) {
        self.excellent += o.excellent;
        self.competent += o.competent;
        self.basically_competent += o.basically_competent;
        self.incompetent += o.incompetent;
        self.ungraded += o.ungraded;
    }
}

/// One organ of the 汇总.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganSummary {
    pub organ: String,
    pub file: String,
    pub made_by: String,
    pub made_at: String,
    pub received_at: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub finalized_on: NaiveDate,
    pub profile: String,
    pub people: u32,
    pub participants: u32,
    pub quota: u32,
    pub grades: GradeCounts,
    /// 优秀 of participants, in percent (two decimals).
    pub excellent_percent: f64,
    pub eligible: u32,
    pub proposed: u32,
}

/// A category (or a tier) of the 汇总.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupSummary {
    pub name: String,
    pub grades: GradeCounts,
}

/// A pool whose ratio is above the normal one with no approval recorded, or whose 优秀 exceed
/// the normal ratio of its participants.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverRatio {
    pub organ: String,
    pub pool: String,
    pub participants: u32,
    pub excellent: u32,
    pub ratio: f64,
    pub ratio_source: String,
    pub arithmetic: String,
}

/// A pool's 职数 in an organ, and the promotions proposed in it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlotSummary {
    pub organ: String,
    pub pool: String,
    pub approved: Option<u32>,
    pub held: u32,
    pub free: Option<u32>,
    pub candidates: u32,
    pub proposed: u32,
}

/// `kaohe summary --json` and the 汇总 page.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub year: i32,
    /// The 汇总's rule profile (name and version) and its normal 优秀 ratio, in percent.
    pub profile: String,
    pub normal_ratio: f64,
    pub organs: Vec<OrganSummary>,
    pub totals: OrganTotals,
    pub by_category: Vec<GroupSummary>,
    pub by_tier: Vec<GroupSummary>,
    pub over_ratio: Vec<OverRatio>,
    pub slots: Vec<SlotSummary>,
    /// Organs of the 汇总 database's 单位 list with no package for the year.
    pub unreported: Vec<String>,
    pub conflicts: Vec<String>,
    /// 统筹职数: the groups of organs sharing a pool's 职数 (local data, domain.md §3 [U]).
    pub shared_slots: Vec<SharedSlots>,
    /// What a checker should look at that is not a conflict of the packages: a 统筹职数 group
    /// whose proposals exceed its free places.
    pub warnings: Vec<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct OrganTotals {
    pub organs: u32,
    pub people: u32,
    pub participants: u32,
    pub quota: u32,
    pub grades: GradeCounts,
    pub excellent_percent: f64,
    pub eligible: u32,
    pub proposed: u32,
}

fn percent_of(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (f64::from(part) * 10000.0 / f64::from(whole)).round() / 100.0
    }
}

/// A stored package's parts, read again (they were verified when received).
fn read_parts(
    p: &kaohe_store::StoredPackage,
) -> Option<(Manifest, Vec<PackagePerson>, PackageAssessment, PackagePromotion)> {
    let part = |name: &str| p.parts.iter().find(|(n, _)| n == name).map(|(_, b)| b.as_slice());
    Some((
        serde_json::from_str(&p.manifest).ok()?,
        serde_json::from_slice(part(package::PARTS[0])?).ok()?,
        serde_json::from_slice(part(package::PARTS[1])?).ok()?,
        serde_json::from_slice(part(package::PARTS[2])?).ok()?,
    ))
}

/// 汇总 of a year: every organ's current package, in one picture.
pub fn summary(store: &Store, profile: &Profile, year: i32) -> Result<Summary, DeskError> {
    let year = check_year(year)?;
    let normal = f64::from(profile.assessment.ratio) / 100.0;
    let stored = store.current_packages(year, &package::PARTS[..3])?;
    let mut organs = Vec::new();
    let (mut categories, mut tiers) = (BTreeMap::<String, GradeCounts>::new(), BTreeMap::<String, GradeCounts>::new());
    let (mut over_ratio, mut slots, mut conflicts) = (Vec::new(), Vec::new(), Vec::new());
    let mut seen: HashMap<String, String> = HashMap::new();
    for p in &stored {
        let Some((m, people, assessment, promotion)) = read_parts(p) else {
            conflicts.push(format!("{}的上报文件「{}」在数据库中无法读取", p.organ, p.file));
            continue;
        };
        let category: HashMap<&str, &str> = people.iter().map(|q| (q.id.as_str(), q.category.as_str())).collect();
        let mut grades = GradeCounts::default();
        for g in &assessment.people {
            grades.add(g.grade);
            categories.entry(category.get(g.id.as_str()).unwrap_or(&"—").to_string()).or_default().add(g.grade);
            tiers.entry(g.tier.clone().unwrap_or_else(|| "—".into())).or_default().add(g.grade);
        }
        for q in &people {
            if let Some(other) = seen.insert(q.id.clone(), p.organ.clone()).filter(|o| *o != p.organ) {
                conflicts.push(format!("{}（{}）同时在{}和{}的上报中", q.name, q.id, other, p.organ));
            }
        }
        if (m.profile.name.as_str(), m.profile.version.as_str())
            != (profile.meta.name.as_str(), profile.meta.version.as_str())
        {
            conflicts
                .push(format!("{}所用规则为「{} {}」，与汇总所用规则不同", p.organ, m.profile.name, m.profile.version));
        }
        for pool in &assessment.pools {
            let over_normal = f64::from(pool.excellent) > f64::from(pool.participants) * normal / 100.0 + 1e-9;
            if (pool.ratio > normal || over_normal) && pool.ratio_source != "approved" {
                over_ratio.push(OverRatio {
                    organ: p.organ.clone(),
                    pool: pool.pool.clone(),
                    participants: pool.participants,
                    excellent: pool.excellent,
                    ratio: pool.ratio,
                    ratio_source: pool.ratio_source.clone(),
                    arithmetic: pool.arithmetic.clone(),
                });
            }
        }
        slots.extend(promotion.pools.iter().map(|s| SlotSummary {
            organ: p.organ.clone(),
            pool: s.pool.clone(),
            approved: s.approved,
            held: s.held,
            free: s.free,
            candidates: s.candidates,
            proposed: s.proposed,
        }));
        let participants: u32 = assessment.pools.iter().map(|x| x.participants).sum();
        organs.push(OrganSummary {
            organ: p.organ.clone(),
            file: p.file.clone(),
            made_by: m.made_by.clone(),
            made_at: m.made_at.clone(),
            received_at: p.received_at.clone(),
            finalized_on: m.finalized_on,
            profile: format!("{} {}", m.profile.name, m.profile.version),
            people: people.len() as u32,
            participants,
            quota: assessment.pools.iter().map(|x| x.quota).sum(),
            grades,
            excellent_percent: percent_of(grades.excellent, participants),
            eligible: promotion.eligible.len() as u32,
            proposed: promotion.eligible.iter().filter(|e| e.slot == Some(SlotCode::Proposed)).count() as u32,
        });
    }
    let mut totals = OrganTotals { organs: organs.len() as u32, ..OrganTotals::default() };
    for o in &organs {
        totals.people += o.people;
        totals.participants += o.participants;
        totals.quota += o.quota;
        totals.grades.plus(&o.grades);
        totals.eligible += o.eligible;
        totals.proposed += o.proposed;
    }
    totals.excellent_percent = percent_of(totals.grades.excellent, totals.participants);
    let reported: HashSet<&str> = organs.iter().map(|o| o.organ.as_str()).collect();
    let mut unreported: Vec<String> =
        supervised(store)?.into_iter().filter(|o| !reported.contains(o.as_str())).collect();
    unreported.sort();
    let shared_slots = crate::shared_slots::shared_slots(&store.shared_pools()?, &slots, &reported);
    let warnings = shared_slots.iter().filter_map(SharedSlots::warning).collect();
    let group =
        |m: BTreeMap<String, GradeCounts>| m.into_iter().map(|(name, grades)| GroupSummary { name, grades }).collect();
    Ok(Summary {
        year,
        profile: format!("{} {}", profile.meta.name, profile.meta.version),
        normal_ratio: normal,
        organs,
        totals,
        by_category: group(categories),
        by_tier: group(tiers),
        over_ratio,
        slots,
        unreported,
        conflicts,
        shared_slots,
        warnings,
    })
}

/// The 汇总 workbook's tables, which the printed 汇总 prints too: 各单位 (with a 合计 row), 按职位类别,
/// 按层次, 晋升与职数, 统筹职数 (when a group is defined), 上报情况, and — when there are any —
/// 优秀比例超标, 尚未上报, 提示 and 冲突.
pub fn summary_tables(s: &Summary) -> Vec<Table> {
    let mut tables = vec![
        organs_table(s),
        group_table(s, "按职位类别", "职位类别", &s.by_category),
        group_table(s, "按层次", "层次", &s.by_tier),
        slots_table(s),
    ];
    if !s.shared_slots.is_empty() {
        tables.push(shared_table(s));
    }
    tables.push(reports_table(s));
    tables.extend(notes_tables(s));
    tables
}

/// 上报汇总, the printed 汇总: [`summary_tables`] on paper. A year without a package is refused (the
/// pages would hold nothing but headers).
pub fn printed(s: &Summary) -> Result<crate::Printed, DeskError> {
    if s.organs.is_empty() {
        return Err(DeskError::NoPackages { year: s.year });
    }
    let title = format!("{}年度考核结果汇总表（各单位上报）", s.year);
    let tables = summary_tables(s).into_iter().map(|t| printed_table(t, &title)).collect();
    let view = kaohe_print::ReportedSummary {
        year: s.year,
        profile: s.profile.clone(),
        organs: s.totals.organs,
        unreported: s.unreported.len() as u32,
        tables,
    };
    let document = kaohe_print::Document::ReportedSummary;
    Ok(crate::Printed {
        rendered: kaohe_print::reported_summary(&view),
        title,
        file_stem: kaohe_print::safe_file_stem(&format!("{}年度{}", s.year, document.name())),
    })
}

/// A workbook table as printed under the document's `title`: a caption that would say the title
/// again (the 各单位 table's: year, organs and rules, which the page's heading and its line under
/// it say) is the table's name; columns of shares (every cell a percentage, as 优秀比例) are
/// centred with the counts.
fn printed_table(t: Table, title: &str) -> kaohe_print::PlainTable {
    let stem = title.split('（').next().unwrap_or(title);
    let caption = if t.title.starts_with(stem) { t.name } else { t.title };
    let shares = (0..t.columns.len()).filter(|&i| {
        let mut cells = t.rows.iter().filter_map(|r| r.get(i)).filter(|c| !c.is_empty()).peekable();
        cells.peek().is_some() && cells.all(|c| c.ends_with('%'))
    });
    let mut numbers: Vec<usize> = t.numbers.iter().copied().chain(shares).collect();
    numbers.sort_unstable();
    numbers.dedup();
    kaohe_print::PlainTable { title: caption, columns: t.columns, numbers, rows: t.rows }
}

/// A table's columns: header and width.
fn columns(cols: &[(&str, f64)]) -> Vec<(String, f64)> {
    cols.iter().map(|(h, w)| (h.to_string(), *w)).collect()
}

/// 优秀, 称职, 基本称职, 不称职 and not graded, as cells.
fn grade_cells(g: &GradeCounts) -> [String; 5] {
    [g.excellent, g.competent, g.basically_competent, g.incompetent, g.ungraded].map(|n| n.to_string())
}

/// 各单位: a row per organ and the 合计 row.
fn organs_table(s: &Summary) -> Table {
    let mut organs: Vec<Vec<String>> = s
        .organs
        .iter()
        .map(|o| {
            let mut row = vec![o.organ.clone(), o.people.to_string(), o.participants.to_string(), o.quota.to_string()];
            row.extend(grade_cells(&o.grades));
            row.extend([
                format!("{}%", o.excellent_percent),
                o.eligible.to_string(),
                o.proposed.to_string(),
                o.made_by.clone(),
                o.finalized_on.to_string(),
            ]);
            row
        })
        .collect();
    let t = &s.totals;
    let mut total = vec!["合计".to_string(), t.people.to_string(), t.participants.to_string(), t.quota.to_string()];
    total.extend(grade_cells(&t.grades));
    total.extend([
        format!("{}%", t.excellent_percent),
        t.eligible.to_string(),
        t.proposed.to_string(),
        String::new(),
        String::new(),
    ]);
    organs.push(total);
    Table {
        name: "各单位".into(),
        title: format!("{}年度考核结果汇总表（{}个单位，规则：{}）", s.year, t.organs, s.profile),
        columns: columns(&[
            ("单位", 22.0),
            ("人数", 7.0),
            ("参加人数", 8.0),
            ("优秀名额", 8.0),
            ("优秀", 6.0),
            ("称职", 6.0),
            ("基本称职", 8.0),
            ("不称职", 7.0),
            ("不定等次等", 9.0),
            ("优秀比例", 8.0),
            ("符合晋升条件", 10.0),
            ("拟晋升", 7.0),
            ("上报人", 10.0),
            ("定稿日期", 11.0),
        ]),
        numbers: (1..=8).chain([10, 11]).collect(),
        rows: organs,
    }
}

/// 按职位类别 or 按层次: the grades counted by each category (or tier).
fn group_table(s: &Summary, name: &str, by: &str, groups: &[GroupSummary]) -> Table {
    let grade_columns = [("优秀", 7.0), ("称职", 7.0), ("基本称职", 9.0), ("不称职", 7.0), ("不定等次等", 10.0)];
    let mut columns_of = vec![(by, 16.0)];
    columns_of.extend(grade_columns);
    Table {
        name: name.into(),
        title: format!("{}年度考核结果（{name}）", s.year),
        columns: columns(&columns_of),
        numbers: (1..=5).collect(),
        rows: groups.iter().map(|g| std::iter::once(g.name.clone()).chain(grade_cells(&g.grades)).collect()).collect(),
    }
}

/// 晋升与职数: each organ's pools, their 职数 and the people eligible and proposed.
fn slots_table(s: &Summary) -> Table {
    Table {
        name: "晋升与职数".into(),
        title: format!("{}年度职级晋升与职数（各单位）", s.year),
        columns: columns(&[
            ("单位", 22.0),
            ("职数池", 20.0),
            ("核定", 7.0),
            ("实有", 7.0),
            ("空缺", 7.0),
            ("符合条件", 9.0),
            ("拟晋升", 7.0),
        ]),
        numbers: (2..=6).collect(),
        rows: s
            .slots
            .iter()
            .map(|x| {
                let count = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_else(|| "未核定".into());
                vec![
                    x.organ.clone(),
                    x.pool.clone(),
                    count(x.approved),
                    x.held.to_string(),
                    count(x.free),
                    x.candidates.to_string(),
                    x.proposed.to_string(),
                ]
            })
            .collect(),
    }
}

/// 统筹职数: each group of organs sharing a pool — its members, the group's approved number, the
/// members' held, free, eligible and proposed summed, and what to know (本地统筹 and its 依据,
/// members not reported, proposals over the free places, numbers of the members not used).
fn shared_table(s: &Summary) -> Table {
    Table {
        name: "统筹职数".into(),
        title: format!("{}年度统筹职数（本地统筹，各成员单位合计）", s.year),
        columns: columns(&[
            ("名称", 14.0),
            ("职数池", 20.0),
            ("成员单位", 30.0),
            ("核定", 7.0),
            ("实有", 7.0),
            ("空缺", 7.0),
            ("符合条件", 9.0),
            ("拟晋升", 7.0),
            ("说明", 60.0),
        ]),
        numbers: (3..=7).collect(),
        rows: s
            .shared_slots
            .iter()
            .map(|g| {
                let mut notes = vec![format!("本地统筹（依据：{}）", g.source)];
                if g.exceeds {
                    notes.push(format!("拟晋升超过空缺{}人", g.over_proposed));
                }
                if !g.unreported.is_empty() {
                    notes.push(format!("尚未上报：{}", g.unreported.join("、")));
                }
                notes.extend(g.remarks.iter().cloned());
                vec![
                    g.name.clone(),
                    g.pool.clone(),
                    g.organs.join("、"),
                    g.approved.to_string(),
                    g.held.to_string(),
                    g.free.to_string(),
                    g.candidates.to_string(),
                    g.proposed.to_string(),
                    notes.join("；"),
                ]
            })
            .collect(),
    }
}

/// 上报情况: who made each organ's package and when, when its year was finalised and received, and
/// the rules it was made with.
fn reports_table(s: &Summary) -> Table {
    Table {
        name: "上报情况".into(),
        title: format!("{}年度各单位上报情况", s.year),
        columns: columns(&[
            ("单位", 22.0),
            ("上报人", 12.0),
            ("上报时间", 18.0),
            ("定稿日期", 11.0),
            ("接收时间", 18.0),
            ("所用规则", 22.0),
        ]),
        numbers: Vec::new(),
        rows: s
            .organs
            .iter()
            .map(|o| {
                vec![
                    o.organ.clone(),
                    o.made_by.clone(),
                    o.made_at.clone(),
                    o.finalized_on.to_string(),
                    o.received_at.clone(),
                    o.profile.clone(),
                ]
            })
            .collect(),
    }
}

/// 优秀比例超标, 尚未上报, 提示 and 冲突, each only when it has rows.
fn notes_tables(s: &Summary) -> Vec<Table> {
    let mut tables = Vec::new();
    if !s.over_ratio.is_empty() {
        tables.push(Table {
            name: "优秀比例超标".into(),
            title: format!("{}年度优秀比例超过{}%且未记录批准的考核池", s.year, s.normal_ratio),
            columns: columns(&[("单位", 22.0), ("考核池", 14.0), ("名额测算", 70.0)]),
            numbers: Vec::new(),
            rows: s.over_ratio.iter().map(|o| vec![o.organ.clone(), o.pool.clone(), o.arithmetic.clone()]).collect(),
        });
    }
    if !s.unreported.is_empty() {
        tables.push(Table {
            name: "尚未上报".into(),
            title: format!("{}年度尚未上报的单位", s.year),
            columns: columns(&[("单位", 30.0)]),
            numbers: Vec::new(),
            rows: s.unreported.iter().map(|o| vec![o.clone()]).collect(),
        });
    }
    if !s.warnings.is_empty() {
        tables.push(Table {
            name: "提示".into(),
            title: format!("{}年度汇总提示", s.year),
            columns: columns(&[("提示", 90.0)]),
            numbers: Vec::new(),
            rows: s.warnings.iter().map(|w| vec![w.clone()]).collect(),
        });
    }
    if !s.conflicts.is_empty() {
        tables.push(Table {
            name: "冲突".into(),
            title: format!("{}年度上报中的冲突", s.year),
            columns: columns(&[("冲突", 90.0)]),
            numbers: Vec::new(),
            rows: s.conflicts.iter().map(|c| vec![c.clone()]).collect(),
        });
    }
    tables
}

/// Writes the 汇总 workbook.
pub fn export_summary(s: &Summary, path: &std::path::Path) -> Result<(), kaohe_workbook::WorkbookError> {
    kaohe_workbook::write_tables(path, &summary_tables(s))
}
