//! The values a roster holds: people, organs, annual results, sanctions and other restrictions.
//!
//! Names of categories, ranks, posts and organ levels are kept as the profile's canonical names
//! (the reader resolves aliases); the engine looks them up in the [`crate::Profile`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One civil servant, as of the roster's date.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PersonRecord"))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Person {
    /// The 18-digit citizen ID number, normalised (upper-case X).
    pub id: String,
    pub name: String,
    pub gender: Option<String>,
    pub birth: Option<NaiveDate>,
    pub organ: String,
    pub department: Option<String>,
    /// Canonical category name from the profile.
    pub category: String,
    /// Canonical rank name from the profile.
    pub rank: String,
    /// Since when the person holds the current rank (任现职级时间).
    pub rank_since: NaiveDate,
    /// The leading post's title as written (处长, 副科长 …), if any.
    pub post: Option<String>,
    /// Canonical leading-post level from the profile (县处级正职 …), if any.
    pub post_level: Option<String>,
    /// Since when the person holds the current leading post (任现职务时间).
    pub post_since: Option<NaiveDate>,
    /// Member of the organ's leadership team (领导成员).
    pub is_leader: bool,
    pub education: Option<String>,
    /// 参加工作时间.
    pub work_start: Option<NaiveDate>,
    /// 进入公务员队伍时间.
    pub service_start: Option<NaiveDate>,
    /// 级别 (1 highest … 27) and since when it is held.
    pub level: Option<u32>,
    pub level_since: Option<NaiveDate>,
    /// 档次 and since when it is held.
    pub step: Option<u32>,
    pub step_since: Option<NaiveDate>,
    /// 政治面貌.
    pub political_status: Option<String>,
    /// 从事或分管工作.
    pub duties: Option<String>,
    /// 进入方式: the profile's canonical name (录用, 调任 …), if written.
    pub entry_method: Option<String>,
    /// 离职/退休日期: left or retired on this day (not assessed in a year ending after it).
    pub left_on: Option<NaiveDate>,
}

/// An organ (机关/单位) with its level and approved slots per pool.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Organ {
    pub name: String,
    /// Canonical organ level from the profile (中央, 省, 市(地), 县 …), if known.
    pub level: Option<String>,
    /// Approved slot counts (核定职数), by pool name, and a rank's own number inside its pool by
    /// rank name (the 单位 sheet's 一级调研员 column …).
    pub slots: BTreeMap<String, u32>,
    /// The organ's own 优秀 ratio (优秀比例), in basis points (20% = 2000).
    pub excellent_ratio: Option<u32>,
    /// The organ's own performance rating (绩效等次), as written.
    pub performance_rating: Option<String>,
    /// 主管机关: the organ that assesses this organ's 领导成员.
    #[serde(default)]
    pub supervisor: Option<String>,
}

/// The four annual grades (等次), 《公务员法》第三十八条.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "GradeKey"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Grade {
    Excellent,
    Competent,
    BasicallyCompetent,
    Incompetent,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Excellent, Grade::Competent, Grade::BasicallyCompetent, Grade::Incompetent];

    pub fn name(self) -> &'static str {
        match self {
            Grade::Excellent => "优秀",
            Grade::Competent => "称职",
            Grade::BasicallyCompetent => "基本称职",
            Grade::Incompetent => "不称职",
        }
    }

    pub fn from_name(s: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.name() == s)
    }

    /// The grade as the reports write it (by its Chinese name).
    pub fn named(self) -> GradeName {
        match self {
            Grade::Excellent => GradeName::Excellent,
            Grade::Competent => GradeName::Competent,
            Grade::BasicallyCompetent => GradeName::BasicallyCompetent,
            Grade::Incompetent => GradeName::Incompetent,
        }
    }
}

/// A grade as the reports and the IPC write it: by its Chinese name (`Grade::name`); the rule
/// profile's JSON writes a `Grade` by its Rust name (`GradeKey`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "Grade"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GradeName {
    #[serde(rename = "优秀")]
    Excellent,
    #[serde(rename = "称职")]
    Competent,
    #[serde(rename = "基本称职")]
    BasicallyCompetent,
    #[serde(rename = "不称职")]
    Incompetent,
}

impl GradeName {
    pub fn grade(self) -> Grade {
        match self {
            GradeName::Excellent => Grade::Excellent,
            GradeName::Competent => Grade::Competent,
            GradeName::BasicallyCompetent => Grade::BasicallyCompetent,
            GradeName::Incompetent => Grade::Incompetent,
        }
    }

    /// 优秀, 称职, 基本称职, 不称职: what it is written as.
    pub fn name(self) -> &'static str {
        self.grade().name()
    }
}

impl From<Grade> for GradeName {
    fn from(g: Grade) -> GradeName {
        g.named()
    }
}

/// An annual result as the national information system codes it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ResultCodeJson"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResultCode {
    /// 1–4: graded.
    Graded(Grade),
    /// 5A 新录用试用期不定等次 (参加考核，不确定等次: 《公务员考核规定》(2020) 第二十五条).
    Probation,
    /// 5B 立案调查未结案不定等次 (第二十八条).
    UnderInvestigation,
    /// 5C 受处分不定等次 (第二十九条).
    Sanctioned,
    /// 6A 病事假累计超过半年不定等次 (第二十七条).
    LongLeave,
    /// 7 其他.
    Other,
}

impl ResultCode {
    pub const ALL: [ResultCode; 9] = [
        ResultCode::Graded(Grade::Excellent),
        ResultCode::Graded(Grade::Competent),
        ResultCode::Graded(Grade::BasicallyCompetent),
        ResultCode::Graded(Grade::Incompetent),
        ResultCode::Probation,
        ResultCode::UnderInvestigation,
        ResultCode::Sanctioned,
        ResultCode::LongLeave,
        ResultCode::Other,
    ];

    /// The national system's code: "1".."4", "5A", "5B", "5C", "6A", "7".
    pub fn code(self) -> &'static str {
        match self {
            ResultCode::Graded(Grade::Excellent) => "1",
            ResultCode::Graded(Grade::Competent) => "2",
            ResultCode::Graded(Grade::BasicallyCompetent) => "3",
            ResultCode::Graded(Grade::Incompetent) => "4",
            ResultCode::Probation => "5A",
            ResultCode::UnderInvestigation => "5B",
            ResultCode::Sanctioned => "5C",
            ResultCode::LongLeave => "6A",
            ResultCode::Other => "7",
        }
    }

    /// The result as the reports write it (by its national code).
    pub fn national(self) -> NationalCode {
        match self {
            ResultCode::Graded(Grade::Excellent) => NationalCode::Excellent,
            ResultCode::Graded(Grade::Competent) => NationalCode::Competent,
            ResultCode::Graded(Grade::BasicallyCompetent) => NationalCode::BasicallyCompetent,
            ResultCode::Graded(Grade::Incompetent) => NationalCode::Incompetent,
            ResultCode::Probation => NationalCode::Probation,
            ResultCode::UnderInvestigation => NationalCode::UnderInvestigation,
            ResultCode::Sanctioned => NationalCode::Sanctioned,
            ResultCode::LongLeave => NationalCode::LongLeave,
            ResultCode::Other => NationalCode::Other,
        }
    }

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            ResultCode::Graded(g) => g.name(),
            ResultCode::Probation => "新录用试用期不定等次",
            ResultCode::UnderInvestigation => "立案调查未结案不定等次",
            ResultCode::Sanctioned => "受处分不定等次",
            ResultCode::LongLeave => "病事假累计超过半年不定等次",
            ResultCode::Other => "其他",
        }
    }

    /// Labels of earlier versions, still read: (label, code).
    const OLD_LABELS: [(&'static str, ResultCode); 2] =
        [("受处分期间不定等次", ResultCode::Sanctioned), ("病事假累计超过半年不进行考核", ResultCode::LongLeave)];

    /// Reads a grade name, a national code, its label or an earlier label.
    pub fn parse(s: &str) -> Option<ResultCode> {
        let s = s.trim();
        if let Some(g) = Grade::from_name(s) {
            return Some(ResultCode::Graded(g));
        }
        let upper = s.to_uppercase();
        ResultCode::ALL
            .into_iter()
            .find(|c| c.code() == upper || c.label() == s)
            .or_else(|| Self::OLD_LABELS.iter().find(|(l, _)| *l == s).map(|(_, c)| *c))
    }

    pub fn grade(self) -> Option<Grade> {
        match self {
            ResultCode::Graded(g) => Some(g),
            _ => None,
        }
    }
}

/// A result as the reports, the database and the IPC write it: by the national system's code
/// (`ResultCode::code`: "1"–"4" for a grade; "5A", "5B", "5C", "6A", "7" when not graded); the
/// rule profile's JSON writes a `ResultCode` by its Rust name (`ResultCodeJson`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ResultCode"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NationalCode {
    #[serde(rename = "1")]
    Excellent,
    #[serde(rename = "2")]
    Competent,
    #[serde(rename = "3")]
    BasicallyCompetent,
    #[serde(rename = "4")]
    Incompetent,
    #[serde(rename = "5A")]
    Probation,
    #[serde(rename = "5B")]
    UnderInvestigation,
    #[serde(rename = "5C")]
    Sanctioned,
    #[serde(rename = "6A")]
    LongLeave,
    #[serde(rename = "7")]
    Other,
}

impl NationalCode {
    pub fn result(self) -> ResultCode {
        match self {
            NationalCode::Excellent => ResultCode::Graded(Grade::Excellent),
            NationalCode::Competent => ResultCode::Graded(Grade::Competent),
            NationalCode::BasicallyCompetent => ResultCode::Graded(Grade::BasicallyCompetent),
            NationalCode::Incompetent => ResultCode::Graded(Grade::Incompetent),
            NationalCode::Probation => ResultCode::Probation,
            NationalCode::UnderInvestigation => ResultCode::UnderInvestigation,
            NationalCode::Sanctioned => ResultCode::Sanctioned,
            NationalCode::LongLeave => ResultCode::LongLeave,
            NationalCode::Other => ResultCode::Other,
        }
    }

    /// "1".."4", "5A", "5B", "5C", "6A", "7": what it is written as.
    pub fn code(self) -> &'static str {
        self.result().code()
    }

    /// The code of a text exactly as the national system writes it (no label, no grade name).
    pub fn from_code(code: &str) -> Option<NationalCode> {
        ResultCode::ALL.into_iter().find(|c| c.code() == code).map(ResultCode::national)
    }
}

impl From<ResultCode> for NationalCode {
    fn from(c: ResultCode) -> NationalCode {
        c.national()
    }
}

/// One year's annual assessment result for one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearResult {
    pub person_id: String,
    pub year: i32,
    pub result: ResultCode,
}

/// A sanction (处分), admonition (诫勉, 组织处理) or open investigation (立案调查).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Restriction {
    pub person_id: String,
    /// Canonical kind from the profile's restriction list.
    pub kind: String,
    pub date: NaiveDate,
    /// For kinds without a fixed period (立案调查): the date it was concluded; `None` while open.
    pub end: Option<NaiveDate>,
}

/// A rank a person held from a date, as the roster's 职级变动 sheet lists them (one row per rank
/// held, the present one included): the history 核查 holds each promotion of against the rules,
/// also the promotions made before the person's first import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankRecord {
    pub person_id: String,
    /// The rank by the profile's name.
    pub rank: String,
    /// 任职级时间.
    pub since: NaiveDate,
    /// Where it was written, in words: 「职级变动」表第5行.
    pub source: String,
    /// 文号 or 备注, as written.
    pub note: Option<String>,
}

/// A 平时考核 grade.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "RegularGradeKey"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RegularGrade {
    Good,
    FairlyGood,
    Average,
    Poor,
}

impl RegularGrade {
    pub const ALL: [RegularGrade; 4] =
        [RegularGrade::Good, RegularGrade::FairlyGood, RegularGrade::Average, RegularGrade::Poor];

    pub fn name(self) -> &'static str {
        match self {
            RegularGrade::Good => "好",
            RegularGrade::FairlyGood => "较好",
            RegularGrade::Average => "一般",
            RegularGrade::Poor => "较差",
        }
    }

    pub fn from_name(s: &str) -> Option<RegularGrade> {
        RegularGrade::ALL.into_iter().find(|g| g.name() == s.trim())
    }
}

/// A period of 平时考核.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Period {
    Quarter(u8),
    Month(u8),
}

impl Period {
    /// "Q1" … "Q4", "M1" … "M12".
    pub fn code(self) -> String {
        match self {
            Period::Quarter(n) => format!("Q{n}"),
            Period::Month(n) => format!("M{n}"),
        }
    }

    pub fn label(self) -> String {
        match self {
            Period::Quarter(n) => format!("第{n}季度"),
            Period::Month(n) => format!("{n}月"),
        }
    }
}

/// One period's 平时考核 result: a grade, a score (hundredths), or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegularRecord {
    pub person_id: String,
    pub year: i32,
    pub period: Period,
    pub grade: Option<RegularGrade>,
    pub score: Option<i64>,
}

/// The year's assessment inputs for one person (年度评分).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AnnualInput {
    pub person_id: String,
    pub year: i32,
    /// 德、能、勤、绩、廉 in hundredths, in that order.
    pub dimensions: [Option<i64>; 5],
    /// 民主测评 in hundredths.
    pub democratic: Option<i64>,
    /// 主管领导建议等次.
    pub proposal: Option<Grade>,
    pub sick_days: Option<u32>,
    pub personal_days: Option<u32>,
    /// 个人总结, as written.
    pub summary: Option<String>,
    /// 参加脱产培训情况.
    pub training: Option<String>,
    /// 主管领导评语.
    pub supervisor_comment: Option<String>,
}

/// Everything the engine decides from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Roster {
    pub people: Vec<Person>,
    pub organs: Vec<Organ>,
    pub results: Vec<YearResult>,
    pub restrictions: Vec<Restriction>,
    pub regular: Vec<RegularRecord>,
    pub annual_inputs: Vec<AnnualInput>,
    /// The ranks each person held ([`RankRecord`]), in the order read.
    #[serde(default)]
    pub rank_records: Vec<RankRecord>,
}

impl Roster {
    /// The organs in roster order: those of the 单位 sheet, then any other that people belong
    /// to, each once.
    pub fn organ_names(&self) -> Vec<String> {
        OrganOrder::of(self).order.into_iter().map(str::to_string).collect()
    }
}

/// The organs of a roster in roster order ([`Roster::organ_names`]), each with its place.
pub struct OrganOrder<'a> {
    pub order: Vec<&'a str>,
    /// The place in `order` of each organ, by name.
    pub index: crate::fast_hash::FastMap<&'a str, usize>,
}

impl<'a> OrganOrder<'a> {
    pub fn of(roster: &'a Roster) -> OrganOrder<'a> {
        let mut organs = OrganOrder {
            order: Vec::with_capacity(roster.organs.len()),
            index: crate::fast_hash::map_with_capacity(roster.organs.len()),
        };
        for name in roster.organs.iter().map(|o| o.name.as_str()).chain(roster.people.iter().map(|p| p.organ.as_str()))
        {
            organs.add(name);
        }
        organs
    }

    /// The place of `name`, which is added last if it is not there yet.
    pub fn add(&mut self, name: &'a str) -> usize {
        *self.index.entry(name).or_insert_with(|| {
            self.order.push(name);
            self.order.len() - 1
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_organs_are_those_listed_then_those_of_people_each_once() {
        let organ = |name: &str| Organ { name: name.into(), ..Organ::default() };
        let person = |organ: &str| Person { organ: organ.into(), ..Person::default() };
        let roster = Roster {
            organs: vec![organ("乙局"), organ("甲局")],
            people: vec![person("丙局"), person("甲局"), person("丙局"), person("丁局")],
            ..Roster::default()
        };
        assert_eq!(roster.organ_names(), ["乙局", "甲局", "丙局", "丁局"]);
    }

    #[test]
    fn national_codes_and_names_both_parse() {
        assert_eq!(ResultCode::parse("1"), Some(ResultCode::Graded(Grade::Excellent)));
        assert_eq!(ResultCode::parse("基本称职"), Some(ResultCode::Graded(Grade::BasicallyCompetent)));
        assert_eq!(ResultCode::parse("5a"), Some(ResultCode::Probation));
        assert_eq!(ResultCode::parse("6A").map(ResultCode::label), Some("病事假累计超过半年不定等次"));
        assert_eq!(ResultCode::parse("5C").map(ResultCode::label), Some("受处分不定等次"));
        // The labels of earlier versions still read.
        assert_eq!(ResultCode::parse("病事假累计超过半年不进行考核"), Some(ResultCode::LongLeave));
        assert_eq!(ResultCode::parse("受处分期间不定等次"), Some(ResultCode::Sanctioned));
        assert_eq!(ResultCode::parse("良好"), None);
    }

    /// The reports' encodings are the names and codes the methods write, and a round trip.
    #[test]
    fn grade_names_and_national_codes_serialise_as_written() {
        for g in Grade::ALL {
            assert_eq!(serde_json::to_value(g.named()).expect("a grade"), g.name());
            assert_eq!(g.named().grade(), g);
        }
        for c in ResultCode::ALL {
            assert_eq!(serde_json::to_value(c.national()).expect("a code"), c.code());
            assert_eq!(c.national().result(), c);
            assert_eq!(NationalCode::from_code(c.code()), Some(c.national()));
        }
        assert_eq!(NationalCode::from_code("优秀"), None);
    }
}
