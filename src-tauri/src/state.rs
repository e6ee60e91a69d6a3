//! What the shell keeps while it runs: the database (behind a mutex, opened once at start-up),
//! the rule profile, and the self-test report path. Each method is the body of one command:
//! unpack, call into the crates, map the error. They run on Tauri's async runtime, never on the
//! main (UI) thread.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use kaohe_engine::report::PromotionReport;
use kaohe_engine::Profile;
use kaohe_store::Store;
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
