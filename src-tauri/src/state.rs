//! What the shell keeps while it runs: the database (behind a mutex, opened once at start-up),
//! the rule profile, and the self-test report path. Each method is the body of one command:
//! unpack, call into the crates, map the error. They run on Tauri's async runtime, never on the
//! main (UI) thread.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::report::PromotionReport;
use kaohe_engine::{Grade, Profile};
use kaohe_store::{committee, LogEntry, Store};
use serde::Serialize;

use crate::error::{CommandError, ErrorCode};

/// The sample roster shipped inside the binary (the 「导入示例名册」 button).
const SAMPLE_ROSTER: &[u8] = include_bytes!("../../fixtures/sample/名册示例.xlsx");
const SAMPLE_ROSTER_NAME: &str = "名册示例.xlsx";

/// `app_info`: what the home page shows about the application and its database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppInfo {
    pub name: String,
    pub version: String,
    pub db_path: String,
    pub people: u64,
    pub organs: u64,
    pub results: u64,
    /// The CI self-test is on (env `KAOHE_SELFTEST`): the UI reports its text once loaded.
    pub selftest: bool,
}

/// `import_sample`: what the import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportOutcome {
    pub people: u64,
    pub organs: u64,
    pub results: u64,
    pub restrictions: u64,
    pub new_people: u64,
    pub updated_people: u64,
    /// Problems found in the workbook (errors and warnings).
    pub issues: usize,
}

/// `assessment_log`: one entry of a year's audit trail (as `kaohe assess log --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssessmentLogEntry {
    pub year: i32,
    /// The person's ID for an override; `None` for a ratio, a finalisation or a reopening.
    pub id: Option<String>,
    /// `override`, `ratio`, `finalize` or `reopen`.
    pub action: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
    pub by: String,
    /// `YYYY-MM-DD HH:MM:SS`, local time.
    pub at: String,
}

impl From<LogEntry> for AssessmentLogEntry {
    fn from(e: LogEntry) -> AssessmentLogEntry {
        AssessmentLogEntry { year: e.year, id: e.person_id, action: e.action, from: e.from, to: e.to, reason: e.reason, by: e.by, at: e.at }
    }
}

/// The years an assessment may be asked for; anything else is a slip of the keyboard.
const YEARS: std::ops::RangeInclusive<i32> = 1950..=2199;

fn check_year(year: i32) -> Result<i32, CommandError> {
    if YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(CommandError::new(ErrorCode::BadArgument, format!("年度「{year}」无效")))
    }
}

/// The operator recorded in the assessment log: required, trimmed.
fn operator(by: &str) -> Result<&str, CommandError> {
    match by.trim() {
        "" => Err(CommandError::new(ErrorCode::BadArgument, "请填写操作人")),
        by => Ok(by),
    }
}

pub struct AppState {
    name: String,
    version: String,
    db_path: PathBuf,
    /// The open database, or why it could not be opened (shown by every command that needs it).
    store: Mutex<Result<Store, CommandError>>,
    profile: Profile,
    selftest: Option<PathBuf>,
}

impl AppState {
    /// Opens (creating and migrating if needed) the database at `db_path`. A failure is kept and
    /// reported by the commands, so the window still opens and says what is wrong.
    pub fn open(name: &str, version: &str, db_path: PathBuf, selftest: Option<PathBuf>) -> AppState {
        let store = Store::open(&db_path).map_err(CommandError::from);
        AppState {
            name: name.to_owned(),
            version: version.to_owned(),
            db_path,
            store: Mutex::new(store),
            profile: Profile::national(),
            selftest,
        }
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// Whether the database opened; the error otherwise.
    pub fn open_error(&self) -> Option<CommandError> {
        self.store.lock().ok().and_then(|s| s.as_ref().err().cloned())
    }

    fn store(&self) -> Result<MutexGuard<'_, Result<Store, CommandError>>, CommandError> {
        self.store
            .lock()
            .map_err(|_| CommandError::new(ErrorCode::Internal, "数据库连接在一次失败的操作后不可用，请重新启动软件"))
    }

    pub fn app_info(&self) -> Result<AppInfo, CommandError> {
        let guard = self.store()?;
        let store = guard.as_ref().map_err(Clone::clone)?;
        let counts = store.counts()?;
        Ok(AppInfo {
            name: self.name.clone(),
            version: self.version.clone(),
            db_path: store.path().display().to_string(),
            people: counts.people,
            organs: counts.organs,
            results: counts.results,
            selftest: self.selftest.is_some(),
        })
    }

    /// Imports the built-in sample roster: written to a temporary file, read, then stored.
    pub fn import_sample(&self) -> Result<ImportOutcome, CommandError> {
        let file = write_temp(SAMPLE_ROSTER)?;
        let read = kaohe_workbook::read_roster(file.path(), &self.profile)?;
        if read.roster.people.is_empty() {
            return Err(CommandError::new(
                ErrorCode::NothingReadable,
                format!("示例名册的「人员」表中没有可导入的人员（共{}行数据）", read.rows_read),
            ));
        }
        let mut guard = self.store()?;
        let store = guard.as_mut().map_err(|e| e.clone())?;
        let summary = store.import(&read, SAMPLE_ROSTER_NAME)?;
        Ok(ImportOutcome {
            people: summary.people,
            organs: summary.organs,
            results: summary.results,
            restrictions: summary.restrictions,
            new_people: summary.new_people,
            updated_people: summary.updated_people,
            issues: read.issues.len(),
        })
    }

    /// Promotion eligibility of everyone in the database on `as_of` (`YYYY-MM-DD`).
    pub fn promotion(&self, as_of: &str) -> Result<PromotionReport, CommandError> {
        let date = NaiveDate::parse_from_str(as_of, "%Y-%m-%d")
            .map_err(|_| CommandError::new(ErrorCode::BadArgument, format!("日期「{as_of}」无效，应为 YYYY-MM-DD")))?;
        let roster = {
            let guard = self.store()?;
            let store = guard.as_ref().map_err(Clone::clone)?;
            store.load_roster()?
        };
        let result = kaohe_engine::promote(&roster, &self.profile, date);
        Ok(PromotionReport::build(&result, &roster, &self.profile))
    }

    /// The year's annual assessment as the database holds it (inputs, decisions, lock).
    pub fn assessment(&self, year: i32) -> Result<AssessmentReport, CommandError> {
        let year = check_year(year)?;
        let guard = self.store()?;
        let store = guard.as_ref().map_err(Clone::clone)?;
        let (roster, decisions, result) = committee::year_state(store, &self.profile, year)?;
        Ok(AssessmentReport::build(&result, &roster, &self.profile, &decisions))
    }

    /// The committee sets a person's final grade (优秀/称职/基本称职/不称职), with a reason.
    pub fn assessment_override(&self, year: i32, id: &str, grade: &str, reason: &str, by: &str) -> Result<(), CommandError> {
        let year = check_year(year)?;
        let grade = Grade::from_name(grade.trim()).ok_or_else(|| {
            CommandError::new(ErrorCode::BadArgument, format!("等次「{grade}」无效，应为优秀、称职、基本称职或不称职"))
        })?;
        let by = operator(by)?;
        let mut guard = self.store()?;
        let store = guard.as_mut().map_err(|e| e.clone())?;
        committee::override_grade(store, &self.profile, year, id, grade, reason, by)?;
        Ok(())
    }

    /// Finalises the year on `on`: stores the final grades and locks it. Returns how many
    /// results were stored.
    pub fn assessment_finalize(&self, year: i32, on: NaiveDate, by: &str) -> Result<usize, CommandError> {
        let year = check_year(year)?;
        let by = operator(by)?;
        let mut guard = self.store()?;
        let store = guard.as_mut().map_err(|e| e.clone())?;
        Ok(committee::finalize(store, &self.profile, year, on, by)?)
    }

    /// Unlocks a finalised year; the reason is recorded.
    pub fn assessment_reopen(&self, year: i32, reason: &str, by: &str) -> Result<(), CommandError> {
        let year = check_year(year)?;
        let by = operator(by)?;
        let mut guard = self.store()?;
        let store = guard.as_mut().map_err(|e| e.clone())?;
        Ok(store.reopen(year, reason, by)?)
    }

    /// The year's audit trail, oldest first.
    pub fn assessment_log(&self, year: i32) -> Result<Vec<AssessmentLogEntry>, CommandError> {
        let year = check_year(year)?;
        let guard = self.store()?;
        let store = guard.as_ref().map_err(Clone::clone)?;
        Ok(store.assessment_log(year)?.into_iter().map(AssessmentLogEntry::from).collect())
    }

    /// Writes the page text of the self-test to the report file (complete or not at all).
    pub fn selftest_report(&self, text: &str) -> Result<(), CommandError> {
        let Some(path) = &self.selftest else {
            return Err(CommandError::new(ErrorCode::BadArgument, "自检未启用（未设置 KAOHE_SELFTEST）"));
        };
        let failed = |e: std::io::Error| {
            CommandError::new(ErrorCode::WriteFailed, format!("无法写入自检报告「{}」：{e}", path.display()))
        };
        let partial = path.with_extension("partial");
        std::fs::write(&partial, text).map_err(failed)?;
        std::fs::rename(&partial, path).map_err(failed)
    }
}

fn write_temp(bytes: &[u8]) -> Result<tempfile::NamedTempFile, CommandError> {
    let failed = |e: std::io::Error| CommandError::new(ErrorCode::WriteFailed, format!("无法写入临时文件：{e}"));
    let mut file = tempfile::Builder::new().prefix("kaohe-sample-").suffix(".xlsx").tempfile().map_err(failed)?;
    file.write_all(bytes).map_err(failed)?;
    file.flush().map_err(failed)?;
    Ok(file)
}
