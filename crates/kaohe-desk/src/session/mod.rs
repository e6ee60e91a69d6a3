//! A session: the open database and the rule profile in force, the two things every use case of
//! the desktop app needs, held while the app runs. The shell (src-tauri) keeps one and each of its
//! commands calls one method here: the method takes the database's lock, calls the use case of
//! this crate and answers in the IPC's `{code, message}` ([`CommandError`]). Nothing here knows
//! of Tauri (windows, dialogs, channels): where a use case needs the clerk (a file to save, a rule
//! file to try), it takes a function that asks; progress is told to a function too.
//!
//! The methods by concern: the reports and the committee's operations here; [`rules`] (the active
//! profile: loaded, remembered in the database, reset), [`backup`] (设置: 操作人, backup, restore,
//! the database's password), [`export`] (the result workbooks saved where the clerk chooses),
//! [`import`] (导入 and the sample roster), [`print`] (the print preview's file), [`packages`]
//! (上报 and 汇总).

pub mod backup;
pub mod export;
mod import;
mod packages;
mod print;
pub mod rules;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::report::PromotionReport;
use kaohe_engine::Profile;
use kaohe_store::operations::{LogFilter, Operation};
use kaohe_store::{LogEntry, Mark, OperationKind, PeopleFilters, PeoplePage, PeopleQuery, Store};

use crate::audit::{self, AuditReport};
use crate::committee;
use crate::dashboard::{Dashboard, DashboardData};
use crate::error::{CommandError, ErrorCode};
use crate::person::PersonDetail;
use crate::whatif::{
    compare_assessment, compare_promotion, AssessmentChange, AssessmentComparison, AssessmentTry, PromotionChange,
    PromotionComparison, PromotionTry,
};
pub use backup::PendingRestore;
pub use import::{error_report_name, SAMPLE_ROSTER_NAME};
pub use print::PreviewRequest;
pub use rules::ActiveProfile;

/// The database (behind a mutex, opened once) and the rule profile in force.
pub struct Session {
    db_path: PathBuf,
    /// The open database, or why it could not be opened (shown by every method that needs it).
    store: Mutex<Result<Store, CommandError>>,
    /// The rule profile in force; `&self.profile` is a `&Profile` (see [`ActiveProfile`]).
    profile: ActiveProfile,
    /// The backup the clerk picked to restore, awaiting confirmation (see [`backup`]).
    pending_restore: Mutex<Option<PendingRestore>>,
}

/// A date the clerk gave (`YYYY-MM-DD`), or a refusal naming `what` it is.
pub fn parse_date(what: &str, text: &str) -> Result<NaiveDate, CommandError> {
    kaohe_engine::dates::parse_ymd(text)
        .ok_or_else(|| CommandError::new(ErrorCode::BadArgument, format!("{what}「{text}」无效，应为 YYYY-MM-DD")))
}

impl Session {
    /// Opens (creating and migrating if needed) the database at `db_path` and applies the rule
    /// profile it remembers. A failure is kept and reported by the methods, so the window still
    /// opens and says what is wrong.
    pub fn open(db_path: PathBuf) -> Session {
        let store = Store::open(&db_path).map_err(CommandError::from);
        let session = Session {
            db_path,
            store: Mutex::new(store),
            profile: ActiveProfile::national(),
            pending_restore: Mutex::new(None),
        };
        session.apply_saved_profile();
        session
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// The rule profile every use case applies: the national default, or the local file the
    /// clerk loaded (remembered in the database).
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Whether the database opened; the error otherwise.
    pub fn open_error(&self) -> Option<CommandError> {
        self.store.lock().ok().and_then(|s| s.as_ref().err().cloned())
    }

    /// Runs `read` on the open database, or says why it is not open.
    pub fn reading<T>(&self, read: impl FnOnce(&Store) -> Result<T, CommandError>) -> Result<T, CommandError> {
        let guard = self.store()?;
        read(guard.as_ref().map_err(Clone::clone)?)
    }

    /// Runs `write` on the open database, or says why it is not open.
    pub fn writing<T>(&self, write: impl FnOnce(&mut Store) -> Result<T, CommandError>) -> Result<T, CommandError> {
        let mut guard = self.store()?;
        write(guard.as_mut().map_err(|e| e.clone())?)
    }

    fn store(&self) -> Result<MutexGuard<'_, Result<Store, CommandError>>, CommandError> {
        self.store
            .lock()
            .map_err(|_| CommandError::new(ErrorCode::Internal, "数据库连接在一次失败的操作后不可用，请重新启动软件"))
    }

    /// Promotion eligibility of everyone in the database on `as_of` (`YYYY-MM-DD`).
    pub fn promotion(&self, as_of: &str) -> Result<PromotionReport, CommandError> {
        let date = parse_date("日期", as_of)?;
        let roster = self.reading(|store| Ok(store.load_roster()?))?;
        Ok(crate::promotion_report(&roster, &self.profile, date).1)
    }

    /// The year's annual assessment as the database holds it (inputs, decisions, lock).
    pub fn assessment(&self, year: i32) -> Result<AssessmentReport, CommandError> {
        let year = crate::check_year(year)?;
        self.reading(|store| {
            let (roster, decisions) = (store.load_roster()?, store.decisions(year)?);
            Ok(crate::assessment_report(&roster, &self.profile, year, &decisions).1)
        })
    }

    /// The committee sets a person's final grade (优秀/称职/基本称职/不称职), with a reason.
    pub fn assessment_override(
        &self,
        year: i32,
        id: &str,
        grade: &str,
        reason: &str,
        by: &str,
    ) -> Result<(), CommandError> {
        let grade = committee::grade(grade)?;
        self.writing(
            |store| Ok(committee::override_grade(store, &self.profile, year, id, grade, reason, by).map(drop)?),
        )
    }

    /// 补定等次: the grade of a person the year left 5B, once the investigation closed with no
    /// 处分 heavier than a 警告 (also in a finalised year), with a reason.
    pub fn assessment_supplement(
        &self,
        year: i32,
        id: &str,
        grade: &str,
        reason: &str,
        by: &str,
    ) -> Result<(), CommandError> {
        let grade = committee::grade(grade)?;
        self.writing(|store| {
            Ok(committee::supplement_grade(store, &self.profile, year, id, grade, reason, by).map(drop)?)
        })
    }

    /// Finalises the year on `on`: stores the final grades and locks it. Returns how many
    /// results were stored.
    pub fn assessment_finalize(&self, year: i32, on: NaiveDate, by: &str) -> Result<usize, CommandError> {
        self.writing(|store| Ok(committee::finalize(store, &self.profile, year, on, by)?))
    }

    /// Unlocks a finalised year; the reason is recorded.
    pub fn assessment_reopen(&self, year: i32, reason: &str, by: &str) -> Result<(), CommandError> {
        self.writing(|store| Ok(committee::reopen(store, year, reason, by)?))
    }

    /// The year's audit trail, oldest first.
    pub fn assessment_log(&self, year: i32) -> Result<Vec<LogEntry>, CommandError> {
        self.reading(|store| Ok(committee::log(store, year)?))
    }

    /// Records a 优秀 ratio approved for an organ's year (percent, e.g. 25), with its basis.
    pub fn assessment_ratio(
        &self,
        year: i32,
        organ: &str,
        percent: f64,
        basis: &str,
        by: &str,
    ) -> Result<(), CommandError> {
        self.writing(|store| Ok(committee::approve_ratio(store, &self.profile, year, organ, percent, basis, by)?))
    }

    /// The organs in the database, in roster order (the 打印 form's 单位 choices).
    pub fn organs(&self) -> Result<Vec<String>, CommandError> {
        self.reading(|store| Ok(store.load_roster()?.organ_names()))
    }

    /// What the 人员 grid's filters offer.
    pub fn people_filters(&self) -> Result<PeopleFilters, CommandError> {
        self.reading(|store| Ok(crate::people_filters(store, self.profile())?))
    }

    /// A page of the 人员 grid.
    pub fn people_page(&self, query: &PeopleQuery) -> Result<PeoplePage, CommandError> {
        self.reading(|store| Ok(crate::people_page(store, self.profile(), query)?))
    }

    /// One person's detail on `as_of` (reads only the person's organ).
    pub fn person(&self, id: &str, as_of: NaiveDate) -> Result<PersonDetail, CommandError> {
        self.reading(|store| Ok(crate::person::person(store, self.profile(), id, as_of)?))
    }

    /// The 工作台's summary on `today`, alerts within `horizon_days` days after it (read under
    /// the lock, computed after it).
    pub fn dashboard(&self, today: NaiveDate, horizon_days: u32) -> Result<Dashboard, CommandError> {
        crate::dashboard::check_horizon(horizon_days)?;
        let data = self.reading(|store| Ok(DashboardData::read(store, today)?))?;
        Ok(crate::dashboard::dashboard(&data, self.profile(), today, horizon_days)?)
    }

    /// The 操作日志, newest first. `kind`: an [`OperationKind`]'s name; `year`: the assessment
    /// year of the committee's decisions, the calendar year of the other entries.
    pub fn operation_log(&self, kind: Option<&str>, year: Option<i32>) -> Result<Vec<Operation>, CommandError> {
        let kind = match kind.map(str::trim).filter(|k| !k.is_empty()) {
            Some(k) => Some(
                OperationKind::parse(k)
                    .ok_or_else(|| CommandError::new(ErrorCode::BadArgument, format!("没有「{k}」这类操作")))?,
            ),
            None => None,
        };
        self.reading(|store| Ok(store.operation_log(&LogFilter { kind, year })?))
    }

    /// 核查 on `as_of` (`YYYY-MM-DD`): the history read under the lock, audited after it.
    pub fn audit(&self, as_of: &str) -> Result<AuditReport, CommandError> {
        let as_of = parse_date("核查日期", as_of)?;
        let (roster, steps, marks) =
            self.reading(|store| Ok((store.load_roster()?, store.rank_steps()?, store.finding_marks()?)))?;
        Ok(audit::audit_of(&roster, &steps, marks, self.profile(), as_of))
    }

    pub fn audit_mark(&self, key: &str, reason: &str, by: &str) -> Result<Mark, CommandError> {
        self.writing(|store| Ok(audit::mark(store, key, reason, by)?))
    }

    pub fn audit_unmark(&self, key: &str, reason: &str, by: &str) -> Result<bool, CommandError> {
        self.writing(|store| Ok(audit::unmark(store, key, reason, by)?))
    }

    /// 对比: the year's assessment with and without the change; `pick` chooses a rule file
    /// (`Ok(None)`: cancelled, nothing compared).
    pub fn whatif_assessment(
        &self,
        year: i32,
        change: AssessmentTry,
        pick: impl FnOnce() -> Result<Option<PathBuf>, CommandError>,
    ) -> Result<Option<AssessmentComparison>, CommandError> {
        let change = match change {
            AssessmentTry::Ratio { organ, percent } => AssessmentChange::Ratio { organ, percent },
            AssessmentTry::Tiers { split } => AssessmentChange::Tiers { split },
            AssessmentTry::Profile => match pick()? {
                Some(path) => {
                    let (profile, name) = rules::rule_file(&path)?;
                    AssessmentChange::Profile { profile, name }
                }
                None => return Ok(None),
            },
        };
        let year = crate::check_year(year)?;
        let (roster, decisions) = self.reading(|store| Ok((store.load_roster()?, store.decisions(year)?)))?;
        Ok(Some(compare_assessment(&roster, "数据库", self.profile(), year, &decisions, change)?))
    }

    /// 对比: promotion on `as_of` with and without the change.
    pub fn whatif_promotion(
        &self,
        as_of: &str,
        change: PromotionTry,
        pick: impl FnOnce() -> Result<Option<PathBuf>, CommandError>,
    ) -> Result<Option<PromotionComparison>, CommandError> {
        let as_of = parse_date("日期", as_of)?;
        let change = match change {
            PromotionTry::AsOf { date } => PromotionChange::AsOf(parse_date("对比日期", &date)?),
            PromotionTry::Profile => match pick()? {
                Some(path) => {
                    let (profile, name) = rules::rule_file(&path)?;
                    PromotionChange::Profile { profile, name }
                }
                None => return Ok(None),
            },
        };
        let roster = self.reading(|store| Ok(store.load_roster()?))?;
        Ok(Some(compare_promotion(&roster, self.profile(), as_of, change)))
    }
}
