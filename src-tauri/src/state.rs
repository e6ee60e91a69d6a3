//! What the shell keeps while it runs: kaohe-desk's [`Session`] (the database behind a mutex,
//! opened once at start-up, and the rule profile in force), the app's name and version, and the
//! self-test report path. `AppState` dereferences to its session, whose methods are the bodies of
//! the commands (tested without a window); what is here is the app's own: [`AppState::app_info`],
//! the sample roster it carries, the self-test hook.

use std::ops::Deref;
use std::path::PathBuf;

pub use kaohe_desk::ipc::{AppInfo, ImportOutcome, PrintPreview};
pub use kaohe_desk::session::PreviewRequest;
use kaohe_desk::session::Session;

use crate::error::{CommandError, ErrorCode};

/// The sample roster shipped inside the binary (the 「导入示例名册」 button).
const SAMPLE_ROSTER: &[u8] = include_bytes!("../../fixtures/sample/名册示例.xlsx");

pub struct AppState {
    session: Session,
    name: String,
    version: String,
    selftest: Option<PathBuf>,
}

impl Deref for AppState {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.session
    }
}

impl AppState {
    /// Opens (creating and migrating if needed) the database at `db_path`. A failure is kept and
    /// reported by the commands, so the window still opens and says what is wrong.
    pub fn open(name: &str, version: &str, db_path: PathBuf, selftest: Option<PathBuf>) -> AppState {
        AppState { session: Session::open(db_path), name: name.to_owned(), version: version.to_owned(), selftest }
    }

    pub fn app_info(&self) -> Result<AppInfo, CommandError> {
        let (db_path, counts) = self.reading(|store| Ok((store.path().display().to_string(), store.counts()?)))?;
        Ok(AppInfo {
            name: self.name.clone(),
            version: self.version.clone(),
            db_path,
            people: counts.people,
            organs: counts.organs,
            results: counts.results,
            selftest: self.selftest.is_some(),
            selftest_section: self
                .selftest
                .as_ref()
                .and_then(|_| std::env::var("KAOHE_SELFTEST_SECTION").ok())
                .filter(|s| !s.is_empty()),
        })
    }

    /// Imports the built-in sample roster.
    pub fn import_sample(&self) -> Result<ImportOutcome, CommandError> {
        self.session.import_sample(SAMPLE_ROSTER)
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
