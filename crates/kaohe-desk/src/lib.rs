//! The use cases both front ends share: the `kaohe` command line and the desktop shell each
//! parse what the clerk asked (flags, IPC arguments), call one function here, and write or show
//! what it returns. So the two compute a report or a printed document the same way, refuse the
//! same requests with the same words, and a change to a use case is made once.
//!
//! What is here so far: the promotion and assessment reports of a roster or a database
//! ([`promotion_report`], [`assessment_report`]), the printed documents ([`print`]) and the 人员
//! grid's pages ([`people_filters`], [`people_page`]), a person's drawer ([`person`]) and the
//! 工作台 summary ([`dashboard`]), the assessment committee's operations ([`committee`]), the
//! import ([`import`]) and 核查, the audit of the history ([`audit`]); and for the desktop app, the one error shape of its commands ([`error`])
//! and what its other commands answer ([`ipc`]), and the [`session`] it keeps while it runs (the
//! open database and the rule profile in force, with a method per command); a rule profile's
//! text taken or refused in the clerk's words ([`profile`]).

pub mod audit;
pub mod committee;
pub mod dashboard;
pub mod error;
pub mod import;
pub mod ipc;
pub mod organs;
pub mod package;
mod people;
pub mod person;
mod print;
pub mod profile;
pub mod session;
pub mod shared_slots;
pub mod summary;
pub mod whatif;

pub use people::{people_filters, people_page, PAGE_LIMIT};

pub use print::{print, PrintRequest, Printed};

use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::assessment::{assess, AssessmentResult, Decisions};
use kaohe_engine::report::PromotionReport;
use kaohe_engine::{promote, Profile, PromotionResult, Roster};
use kaohe_store::{ErrorCode, Store, StoreError};

/// Where the people come from: the database (with the committee's decisions), the database read
/// ahead, or a roster read from a workbook (`kaohe … --roster FILE`: no decisions, nothing stored).
#[derive(Clone, Copy)]
pub enum Source<'a> {
    Database(&'a Store),
    /// What [`Source::read_ahead`] read of the database: its roster and the decisions of the one
    /// year a request is for, so that a long computation holds no lock on the database.
    ReadAhead {
        roster: &'a Roster,
        decisions: &'a Decisions,
    },
    Roster(&'a Roster),
}

/// The roster and one year's decisions, read from the database for [`Source::ReadAhead`].
pub fn read_ahead(store: &Store, year: Option<i32>) -> Result<(Roster, Decisions), StoreError> {
    let decisions = match year {
        Some(year) if kaohe_engine::dates::YEARS.contains(&year) => store.decisions(year)?,
        _ => Decisions::default(),
    };
    Ok((store.load_roster()?, decisions))
}

/// Why a use case refused or failed, for the clerk; [`DeskError::code`] is the code of
/// docs/cli.md (and of the shell's `ErrorCode`).
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The request is malformed or incomplete (a document without its year, a pool not held).
    #[error("{0}")]
    BadArgument(String),
    /// An ID the database does not hold.
    #[error("数据库中没有身份证号为 {0} 的人员")]
    UnknownPerson(String),
    /// An organ the database (or the roster) does not hold.
    #[error("{held_in}中没有单位「{organ}」")]
    UnknownOrgan { organ: String, held_in: &'static str },
    /// A change of the committee without its reason (or a ratio without its basis).
    #[error("{0}")]
    ReasonRequired(String),
    #[error("{year}年度考核人员中没有身份证号为 {id} 的人员")]
    NotAssessed { year: i32, id: String },
    #[error("{name}（{id}）{year}年度不定等次（{code}，{label}），不能确定等次")]
    NotGraded { year: i32, id: String, name: String, code: &'static str, label: &'static str },
    #[error("{year}年度考核暂不能定稿：{}", .problems.join("；"))]
    CannotFinalize { year: i32, problems: Vec<String> },
    #[error("{year}年度考核已于{on}定稿")]
    AlreadyFinal { year: i32, on: chrono::NaiveDate },
    #[error("{name}（{id}）{year}年度不能补定等次：{why}")]
    NotSupplementable { year: i32, id: String, name: String, why: String },
    /// A file that could not be read as a roster (or written, for a workbook out).
    #[error(transparent)]
    Workbook(#[from] kaohe_workbook::WorkbookError),
    /// The national system's results template read as a roster: it needs its year.
    #[error("「{file}」是国家公务员管理信息系统的年度考核导入表（序号、姓名、单位及职务、等次），没有身份证号：请指明是哪一年度的结果，按姓名和单位对应到已导入的人员")]
    /// `code`: the reader's refusal of it as a roster (sheet_missing, …).
    NeedsYear { file: String, code: ErrorCode },
    /// Nothing in the file can be imported; the message says what was read.
    #[error("{0}")]
    NothingReadable(String),
    /// A report package that cannot be taken (the message names the file and why).
    #[error("{0}")]
    PackageRefused(String),
    /// 上报汇总 of a year the 汇总 database holds no package of.
    #[error("数据库中没有{year}年度的上报文件，不能打印各单位汇总表：请先接收各单位{year}年度的上报文件")]
    NoPackages { year: i32 },
    /// A package is only made of a finalised year.
    #[error("{year}年度考核尚未定稿，不能上报：请先在「年度考核」中定稿")]
    NotFinalized { year: i32 },
    /// The clerk cancelled a running import.
    #[error("已取消导入，数据库未作任何修改")]
    Cancelled,
    /// The database as the front end holds it is not available (the app's could not be opened,
    /// or its lock was lost): the front end's code and message, passed through.
    #[error("{message}")]
    Unavailable { code: ErrorCode, message: String },
}

impl DeskError {
    /// What kind of failure, the same on the command line (docs/cli.md) and in the app.
    pub fn code(&self) -> ErrorCode {
        match self {
            DeskError::Store(e) => e.code(),
            DeskError::BadArgument(_) | DeskError::NoPackages { .. } => ErrorCode::BadArgument,
            DeskError::UnknownOrgan { .. } => ErrorCode::UnknownOrgan,
            DeskError::UnknownPerson(_) | DeskError::NotAssessed { .. } => ErrorCode::UnknownPerson,
            DeskError::ReasonRequired(_) => ErrorCode::ReasonRequired,
            DeskError::NotGraded { .. } => ErrorCode::NotGraded,
            DeskError::CannotFinalize { .. } => ErrorCode::CannotFinalize,
            DeskError::AlreadyFinal { .. } => ErrorCode::YearLocked,
            DeskError::NotSupplementable { .. } => ErrorCode::NotSupplementable,
            DeskError::Workbook(e) => error::workbook_code(e),
            // A workbook's code by its name (every name the reader gives is one: error.rs's test).
            DeskError::NeedsYear { code, .. } => *code,
            DeskError::Unavailable { code, .. } => *code,
            DeskError::NothingReadable(_) => ErrorCode::NothingReadable,
            DeskError::Cancelled => ErrorCode::Cancelled,
            DeskError::PackageRefused(_) => ErrorCode::PackageRefused,
            DeskError::NotFinalized { .. } => ErrorCode::YearNotLocked,
        }
    }
}

impl<'a> Source<'a> {
    /// 数据库 or 名册, as a message names it.
    pub fn name(&self) -> &'static str {
        match self {
            Source::Database(_) | Source::ReadAhead { .. } => "数据库",
            Source::Roster(_) => "名册",
        }
    }

    /// The roster (read from the database, or the one given).
    pub fn roster(&self) -> Result<std::borrow::Cow<'a, Roster>, StoreError> {
        Ok(match self {
            Source::Database(store) => std::borrow::Cow::Owned(store.load_roster()?),
            Source::ReadAhead { roster, .. } | Source::Roster(roster) => std::borrow::Cow::Borrowed(*roster),
        })
    }

    /// The committee's decisions for `year` (none for a roster read from a file; for a database
    /// read ahead, those of the year it was read for).
    pub fn decisions(&self, year: i32) -> Result<Decisions, StoreError> {
        match self {
            Source::Database(store) => store.decisions(year),
            Source::ReadAhead { decisions, .. } => Ok((*decisions).clone()),
            Source::Roster(_) => Ok(Decisions::default()),
        }
    }
}

/// A year checked against the years Kaohe takes ([`kaohe_engine::dates::YEARS`]).
pub fn check_year(year: i32) -> Result<i32, DeskError> {
    match kaohe_engine::dates::YEARS.contains(&year) {
        true => Ok(year),
        false => Err(DeskError::BadArgument(format!("年度「{year}」无效"))),
    }
}

/// Promotion eligibility of everyone on `as_of`: the roster, the engine's result and its report.
pub fn promotion_report(
    roster: &Roster,
    profile: &Profile,
    as_of: chrono::NaiveDate,
) -> (PromotionResult, PromotionReport) {
    let result = promote(roster, profile, as_of);
    let report = PromotionReport::build(&result, roster, profile);
    (result, report)
}

/// The year's annual assessment of `roster` with `decisions`: the engine's result and its report.
pub fn assessment_report(
    roster: &Roster,
    profile: &Profile,
    year: i32,
    decisions: &Decisions,
) -> (AssessmentResult, AssessmentReport) {
    let result = assess(roster, profile, year, decisions);
    let report = AssessmentReport::build(&result, roster, profile, decisions);
    (result, report)
}
