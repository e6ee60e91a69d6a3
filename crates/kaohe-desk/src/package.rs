//! 上报: an organ's finalised year as one file for the level above (a `.kaohe` package), and the
//! package read back and verified before anything of it is kept (docs/package-format.md).
//!
//! A package is a zip archive of JSON parts and the rule file, with `manifest.json` naming each
//! part with its SHA-256 and size: the organ's people (as much as the level above needs), the
//! year's final grades with each pool's quota arithmetic, the committee's log of the year, the
//! promotion proposals with their reasons and 职数 use, and the rule profile used — with who made
//! it and when. Only a finalised year is packaged. The parts are this module's own types, with
//! serde on both sides, so that another system can write a package Kaohe reads.

use std::io::{Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::promotion::SlotCode;
use kaohe_engine::report::PromotionReport;
use kaohe_engine::{GradeName, NationalCode, Roster};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::DeskError;

/// `manifest.json`'s `format`.
pub const FORMAT: &str = "kaohe-package";
/// The version of the format this build writes and reads.
pub const VERSION: u32 = 1;
/// The parts every package has, in the order written.
pub const PARTS: [&str; 5] = ["people.json", "assessment.json", "promotion.json", "log.json", "profile.toml"];
/// The most a part may hold once unpacked: a package of a large organ is a few MB.
const MAX_PART_BYTES: u64 = 256 << 20;

/// The rule profile a package was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileId {
    pub id: String,
    pub name: String,
    pub version: String,
    /// SHA-256 of `profile.toml`, hex.
    pub sha256: String,
}

/// One part of a package, as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartEntry {
    pub name: String,
    pub sha256: String,
    pub bytes: u64,
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub organ: String,
    pub organ_level: Option<String>,
    pub supervisor: Option<String>,
    pub year: i32,
    /// The day the year was finalised (定稿): a package is only made of a finalised year.
    pub finalized_on: NaiveDate,
    /// The as-of date of the promotion proposals.
    pub as_of: NaiveDate,
    pub made_by: String,
    /// `YYYY-MM-DD HH:MM:SS`, local time.
    pub made_at: String,
    pub software: String,
    pub profile: ProfileId,
    pub parts: Vec<PartEntry>,
}

/// A person of the organ, as much as the level above needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackagePerson {
    pub id: String,
    pub name: String,
    pub gender: Option<String>,
    pub birth: Option<NaiveDate>,
    pub category: String,
    pub rank: String,
    pub post_level: Option<String>,
    pub is_leader: bool,
}

/// A pool of the year with its quota arithmetic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackagePool {
    pub pool: String,
    pub participants: u32,
    /// The ratio applied, in percent.
    pub ratio: f64,
    /// approved, organ, rating or default (`assess --json`'s `ratio_source`).
    pub ratio_source: String,
    pub quota: u32,
    /// Final 优秀 in the pool.
    pub excellent: u32,
    pub arithmetic: String,
}

/// A person's final result of the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageGrade {
    pub id: String,
    pub pool: String,
    pub tier: Option<String>,
    /// 优秀, 称职, 基本称职, 不称职; null when not graded.
    pub grade: Option<GradeName>,
    /// The national code (1–4, 5A, 5B, 5C, 6A, 7).
    pub code: Option<NationalCode>,
}

/// `assessment.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageAssessment {
    pub year: i32,
    pub finalized_on: NaiveDate,
    /// The profile's normal 优秀 ratio, in percent.
    pub normal_ratio: f64,
    pub pools: Vec<PackagePool>,
    pub people: Vec<PackageGrade>,
}

/// An eligible person proposed or waiting, with the reasons in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageProposal {
    pub id: String,
    pub name: String,
    pub rank: String,
    pub target_rank: Option<String>,
    /// proposed, waiting, not_approved, within_pool, unlimited (`promote --json`'s `slot`).
    pub slot: Option<SlotCode>,
    pub reasons: Vec<String>,
}

/// A pool's 职数 in the organ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageSlots {
    pub pool: String,
    pub approved: Option<u32>,
    pub held: u32,
    pub free: Option<u32>,
    pub candidates: u32,
    pub proposed: u32,
}

/// `promotion.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackagePromotion {
    pub as_of: NaiveDate,
    /// Everyone eligible on `as_of`.
    pub eligible: Vec<PackageProposal>,
    pub pools: Vec<PackageSlots>,
}

/// An entry of the year's log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackageLogEntry {
    pub action: String,
    pub id: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
    pub by: String,
    pub at: String,
}

/// A package's contents, read and verified.
#[derive(Debug, Clone, PartialEq)]
pub struct Package {
    pub manifest: Manifest,
    pub people: Vec<PackagePerson>,
    pub assessment: PackageAssessment,
    pub promotion: PackagePromotion,
    pub log: Vec<PackageLogEntry>,
    pub profile_text: String,
    /// Every part's bytes as read (kept by the 汇总 database as received), and the whole file's SHA-256.
    pub raw: Vec<(String, Vec<u8>)>,
    pub sha256: String,
}

/// What a package is made of: the organ's part of the database's year.
pub struct Contents<'a> {
    pub organ: &'a str,
    pub roster: &'a Roster,
    pub assessment: &'a AssessmentReport,
    pub finalized_on: NaiveDate,
    pub normal_ratio: f64,
    pub promotion: &'a PromotionReport,
    pub log: &'a [kaohe_store::LogEntry],
    pub profile: &'a kaohe_engine::Profile,
    pub profile_text: &'a str,
    pub made_by: &'a str,
    pub made_at: &'a str,
}

pub fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn json(value: &impl Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// The parts of a package of `c`, in the order of [`PARTS`], and its manifest.
pub fn parts(c: &Contents) -> (Manifest, Vec<(String, Vec<u8>)>) {
    let people = people_part(c);
    let ids: std::collections::HashSet<&str> = people.iter().map(|p| p.id.as_str()).collect();
    let parts: Vec<(String, Vec<u8>)> = vec![
        (PARTS[0].into(), json(&people)),
        (PARTS[1].into(), json(&assessment_part(c))),
        (PARTS[2].into(), json(&promotion_part(c))),
        (PARTS[3].into(), json(&log_part(c, &ids))),
        (PARTS[4].into(), c.profile_text.as_bytes().to_vec()),
    ];
    (manifest(c, &parts), parts)
}

/// `people.json`: the organ's people.
fn people_part(c: &Contents) -> Vec<PackagePerson> {
    c.roster
        .people
        .iter()
        .filter(|p| p.organ == c.organ)
        .map(|p| PackagePerson {
            id: p.id.clone(),
            name: p.name.clone(),
            gender: p.gender.clone(),
            birth: p.birth,
            category: p.category.clone(),
            rank: p.rank.clone(),
            post_level: p.post_level.clone(),
            is_leader: p.is_leader,
        })
        .collect()
}

/// `assessment.json`: the organ's pools with their quota arithmetic and its people's final results.
fn assessment_part(c: &Contents) -> PackageAssessment {
    PackageAssessment {
        year: c.assessment.year,
        finalized_on: c.finalized_on,
        normal_ratio: c.normal_ratio,
        pools: c
            .assessment
            .pools
            .iter()
            .filter(|p| p.organ == c.organ)
            .map(|p| PackagePool {
                pool: p.pool.clone(),
                participants: p.participants,
                ratio: p.ratio,
                ratio_source: serde_json::to_value(p.ratio_source)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                quota: p.quota,
                excellent: p.final_excellent,
                arithmetic: p.arithmetic.clone(),
            })
            .collect(),
        people: c
            .assessment
            .people
            .iter()
            .filter(|p| p.organ == c.organ)
            .map(|p| PackageGrade {
                id: p.id.clone(),
                pool: p.pool.clone(),
                tier: p.tier.clone(),
                grade: p.final_grade,
                code: p.code,
            })
            .collect(),
    }
}

/// `promotion.json`: the organ's eligible people with their reasons, and its pools' 职数.
fn promotion_part(c: &Contents) -> PackagePromotion {
    PackagePromotion {
        as_of: c.promotion.as_of,
        eligible: c
            .promotion
            .people
            .iter()
            .filter(|p| p.organ == c.organ && p.eligible)
            .map(|p| PackageProposal {
                id: p.id.clone(),
                name: p.name.clone(),
                rank: p.rank.clone(),
                target_rank: p.target_rank.clone(),
                slot: p.slot,
                reasons: p.reasons.iter().map(ToString::to_string).collect(),
            })
            .collect(),
        pools: c
            .promotion
            .pools
            .iter()
            .filter(|p| p.organ == c.organ)
            .map(|p| PackageSlots {
                pool: p.pool.clone(),
                approved: p.approved,
                held: p.held,
                free: p.free,
                candidates: p.candidates.len() as u32,
                proposed: p.proposed.len() as u32,
            })
            .collect(),
    }
}

/// The committee's log of the year: the entries about the organ's people (`ids`) and those about
/// no one.
fn log_part(c: &Contents, ids: &std::collections::HashSet<&str>) -> Vec<PackageLogEntry> {
    c.log
        .iter()
        .filter(|e| e.person_id.as_deref().is_none_or(|id| ids.contains(id)))
        .map(|e| PackageLogEntry {
            action: e.action.name().to_string(),
            id: e.person_id.clone(),
            from: e.from.clone(),
            to: e.to.clone(),
            reason: e.reason.clone(),
            by: e.by.clone(),
            at: e.at.clone(),
        })
        .collect()
}

/// `manifest.json`: who made the package of what, with each part's digest.
fn manifest(c: &Contents, parts: &[(String, Vec<u8>)]) -> Manifest {
    let organ = c.roster.organs.iter().find(|o| o.name == c.organ);
    Manifest {
        format: FORMAT.into(),
        version: VERSION,
        organ: c.organ.to_string(),
        organ_level: organ.and_then(|o| o.level.clone()),
        supervisor: organ.and_then(|o| o.supervisor.clone()),
        year: c.assessment.year,
        finalized_on: c.finalized_on,
        as_of: c.promotion.as_of,
        made_by: c.made_by.to_string(),
        made_at: c.made_at.to_string(),
        software: format!("kaohe {}", env!("CARGO_PKG_VERSION")),
        profile: ProfileId {
            id: c.profile.meta.id.clone(),
            name: c.profile.meta.name.clone(),
            version: c.profile.meta.version.clone(),
            sha256: hex_sha256(c.profile_text.as_bytes()),
        },
        parts: parts
            .iter()
            .map(|(name, bytes)| PartEntry { name: name.clone(), sha256: hex_sha256(bytes), bytes: bytes.len() as u64 })
            .collect(),
    }
}

/// The package file's bytes: the parts, then `manifest.json`.
pub fn archive(manifest: &Manifest, parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>, DeskError> {
    // Writing a zip into memory fails only if the program is broken: said so, without the library's words.
    let failed = |_: &dyn std::fmt::Display| DeskError::BadArgument("无法生成上报文件（压缩失败），请重试".into());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in
        parts.iter().map(|(n, b)| (n.as_str(), b.as_slice())).chain([("manifest.json", &json(manifest)[..])])
    {
        zip.start_file(name, options).map_err(|e| failed(&e))?;
        zip.write_all(bytes).map_err(|e| failed(&e))?;
    }
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}

/// Why a file is not a package Kaohe takes, in the clerk's words (the file named by the caller).
fn refused(why: impl Into<String>) -> DeskError {
    DeskError::PackageRefused(why.into())
}

/// One part's bytes, at most [`MAX_PART_BYTES`].
fn part_bytes<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, name: &str) -> Result<Vec<u8>, DeskError> {
    let mut file = zip.by_name(name).map_err(|_| refused(format!("缺少「{name}」")))?;
    if file.size() > MAX_PART_BYTES {
        return Err(refused(format!("「{name}」过大（{} MB）", file.size() >> 20)));
    }
    let mut bytes = Vec::new();
    (&mut file)
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| refused(format!("「{name}」无法解压，文件可能已损坏")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(refused(format!("「{name}」过大")));
    }
    Ok(bytes)
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, bytes: &[u8]) -> Result<T, DeskError> {
    serde_json::from_slice(bytes).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Data => "缺少应有的项目，或某项的取值类型不对",
            serde_json::error::Category::Eof => "内容不完整",
            _ => "不是正确的 JSON",
        };
        refused(format!("「{name}」第{}行第{}列：{what}，不符合上报文件格式", e.line(), e.column()))
    })
}

/// Reads and verifies a package's bytes: the manifest (format, version, a finalised year, the
/// profile named), every part present with the SHA-256 and size the manifest gives, each part's
/// content. Nothing is kept here; a refusal says what is wrong.
pub fn open(bytes: &[u8]) -> Result<Package, DeskError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| refused("不是上报文件（不是 zip 格式的压缩包）"))?;
    let manifest: Manifest = parse("manifest.json", &part_bytes(&mut zip, "manifest.json")?)?;
    if manifest.format != FORMAT {
        return Err(refused(format!("manifest.json 的 format 为「{}」，不是「{FORMAT}」", manifest.format)));
    }
    if manifest.version != VERSION {
        return Err(refused(format!("格式版本为 {}，本软件只能读取版本 {VERSION}，请升级软件", manifest.version)));
    }
    if manifest.profile.name.trim().is_empty() || manifest.profile.version.trim().is_empty() {
        return Err(refused("没有写明所用的规则（名称和版本）"));
    }
    if manifest.organ.trim().is_empty() {
        return Err(refused("没有写明单位"));
    }
    let mut raw = Vec::new();
    for name in PARTS {
        let entry = manifest
            .parts
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| refused(format!("manifest.json 中没有列出「{name}」")))?;
        let bytes = part_bytes(&mut zip, name)?;
        if bytes.len() as u64 != entry.bytes || hex_sha256(&bytes) != entry.sha256 {
            return Err(refused(format!("「{name}」与 manifest.json 中的校验值不符，文件可能已被改动或损坏")));
        }
        raw.push((name.to_string(), bytes));
    }
    let people = parse(PARTS[0], &raw[0].1)?;
    let assessment: PackageAssessment = parse(PARTS[1], &raw[1].1)?;
    let promotion = parse(PARTS[2], &raw[2].1)?;
    let log = parse(PARTS[3], &raw[3].1)?;
    let profile_text = String::from_utf8(raw[4].1.clone()).map_err(|_| refused("profile.toml 不是 UTF-8 文本"))?;
    if hex_sha256(profile_text.as_bytes()) != manifest.profile.sha256 {
        return Err(refused("profile.toml 与 manifest.json 中记录的规则校验值不符"));
    }
    if assessment.year != manifest.year || assessment.finalized_on != manifest.finalized_on {
        return Err(refused(format!(
            "assessment.json 的年度或定稿日期（{}年度，{}）与 manifest.json（{}年度，{}）不一致",
            assessment.year, assessment.finalized_on, manifest.year, manifest.finalized_on
        )));
    }
    Ok(Package { manifest, people, assessment, promotion, log, profile_text, raw, sha256: hex_sha256(bytes) })
}

/// Why a file could not be read, in the clerk's words.
pub fn read_words(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "找不到该文件",
        std::io::ErrorKind::PermissionDenied => "没有读取该文件的权限",
        _ => "读取失败（文件可能正在被其他程序使用，或所在位置不可用）",
    }
}

/// Reads and verifies the package file at `path`; a refusal names the file.
pub fn open_file(path: &Path) -> Result<Package, DeskError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| DeskError::PackageRefused(format!("无法读取「{shown}」：{}", read_words(&e))))?;
    open(&bytes).map_err(|e| match e {
        DeskError::PackageRefused(why) => DeskError::PackageRefused(format!("「{shown}」不能接收：{why}")),
        other => other,
    })
}
