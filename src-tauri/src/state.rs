//! What the shell keeps while it runs: the database (behind a mutex, opened once at start-up),
//! the rule profile, and the self-test report path. Each method is the body of one command:
//! unpack, call into the crates, map the error. They run on Tauri's async runtime, never on the
//! main (UI) thread. Nothing here opens a window (see [`crate::preview`]), so every method can be
//! tested without one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use kaohe_desk::committee;
pub use kaohe_desk::ipc::{AppInfo, ImportOutcome, PrintPreview};
use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::report::PromotionReport;
use kaohe_engine::Profile;
use kaohe_print::{Document, Scope};
use kaohe_store::{LogEntry, Store};

use crate::error::{CommandError, ErrorCode};
use crate::rules::ActiveProfile;

/// The sample roster shipped inside the binary (the 「导入示例名册」 button).
const SAMPLE_ROSTER: &[u8] = include_bytes!("../../fixtures/sample/名册示例.xlsx");
const SAMPLE_ROSTER_NAME: &str = "名册示例.xlsx";

/// `print_preview`: which document, and for what (the 打印 form). Blank texts count as absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintRequest {
    /// A document's name ([`kaohe_print::Document::name`]: 登记表, 优秀公示, …).
    pub doc: String,
    /// 考核年度: required by the assessment documents.
    pub year: Option<i32>,
    /// 资格计算日期 (`YYYY-MM-DD`): required by 晋升公示, 晋升审核 and 职数.
    pub as_of: Option<String>,
    /// 单位: only this organ; all when absent.
    pub organ: Option<String>,
    /// 考核池: only this pool (assessment documents only); all when absent.
    pub pool: Option<String>,
    /// 公示开始日期 (`YYYY-MM-DD`) of the two 公示; today when absent.
    pub from: Option<String>,
}

/// How the preview window shows the pages on screen: A4 sheets on grey. Printing uses the
/// document's own print styles only, so the printed pages are exactly those of `kaohe print`.
const SCREEN_CSS: &str = "<style media=\"screen\">\nhtml { background: #8c8f94; }\nbody { padding: 12px 0 4px; }\n.page, .flow { box-sizing: content-box; margin: 0 auto 12px; padding: 16mm; background: #fff; box-shadow: 0 1px 5px rgba(0, 0, 0, 0.45); }\n</style>\n";

/// The document with [`SCREEN_CSS`] at the end of its head.
fn for_screen(html: &str) -> String {
    match html.find("</head>") {
        Some(at) => format!("{}{SCREEN_CSS}{}", &html[..at], &html[at..]),
        None => html.to_owned(),
    }
}

pub(crate) fn parse_date(what: &str, text: &str) -> Result<NaiveDate, CommandError> {
    kaohe_engine::dates::parse_ymd(text)
        .ok_or_else(|| CommandError::new(ErrorCode::BadArgument, format!("{what}「{text}」无效，应为 YYYY-MM-DD")))
}

fn present(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// A file name from a title, as the CLI names its printed files ([`kaohe_print::safe_file_stem`]).
fn file_name(title: &str) -> String {
    format!("{}.html", kaohe_print::safe_file_stem(title))
}

pub struct AppState {
    name: String,
    version: String,
    db_path: PathBuf,
    /// The open database, or why it could not be opened (shown by every command that needs it).
    store: Mutex<Result<Store, CommandError>>,
    /// The rule profile in force; `&self.profile` is a `&Profile` (see [`ActiveProfile`]).
    pub(crate) profile: ActiveProfile,
    /// The backup the clerk picked to restore, awaiting confirmation (see [`crate::settings`]).
    pub(crate) pending_restore: Mutex<Option<crate::settings::PendingRestore>>,
    selftest: Option<PathBuf>,
}

impl AppState {
    /// Opens (creating and migrating if needed) the database at `db_path`. A failure is kept and
    /// reported by the commands, so the window still opens and says what is wrong.
    pub fn open(name: &str, version: &str, db_path: PathBuf, selftest: Option<PathBuf>) -> AppState {
        let store = Store::open(&db_path).map_err(CommandError::from);
        let state = AppState {
            name: name.to_owned(),
            version: version.to_owned(),
            db_path,
            store: Mutex::new(store),
            profile: ActiveProfile::national(),
            pending_restore: Mutex::new(None),
            selftest,
        };
        state.apply_saved_profile();
        state
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// The rule profile every command applies: the national default, or the local file the clerk
    /// loaded (remembered in the database).
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Whether the database opened; the error otherwise.
    pub fn open_error(&self) -> Option<CommandError> {
        self.store.lock().ok().and_then(|s| s.as_ref().err().cloned())
    }

    /// Runs `read` on the open database, or says why it is not open.
    pub(crate) fn reading<T>(&self, read: impl FnOnce(&Store) -> Result<T, CommandError>) -> Result<T, CommandError> {
        let guard = self.store()?;
        read(guard.as_ref().map_err(Clone::clone)?)
    }

    /// Runs `write` on the open database, or says why it is not open.
    pub(crate) fn writing<T>(
        &self,
        write: impl FnOnce(&mut Store) -> Result<T, CommandError>,
    ) -> Result<T, CommandError> {
        let mut guard = self.store()?;
        write(guard.as_mut().map_err(|e| e.clone())?)
    }

    pub(crate) fn store(&self) -> Result<MutexGuard<'_, Result<Store, CommandError>>, CommandError> {
        self.store
            .lock()
            .map_err(|_| CommandError::new(ErrorCode::Internal, "数据库连接在一次失败的操作后不可用，请重新启动软件"))
    }

    pub fn app_info(&self) -> Result<AppInfo, CommandError> {
        self.reading(|store| {
            let counts = store.counts()?;
            Ok(AppInfo {
                name: self.name.clone(),
                version: self.version.clone(),
                db_path: store.path().display().to_string(),
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
        self.writing(|store| {
            let by = store.operator()?;
            let summary = store.import_as(&read, SAMPLE_ROSTER_NAME, &by)?;
            Ok(ImportOutcome {
                people: summary.people,
                organs: summary.organs,
                results: summary.results,
                restrictions: summary.restrictions,
                new_people: summary.new_people,
                updated_people: summary.updated_people,
                issues: read.issues.len(),
            })
        })
    }

    /// Promotion eligibility of everyone in the database on `as_of` (`YYYY-MM-DD`).
    pub fn promotion(&self, as_of: &str) -> Result<PromotionReport, CommandError> {
        let date = parse_date("日期", as_of)?;
        let roster = self.reading(|store| Ok(store.load_roster()?))?;
        Ok(kaohe_desk::promotion_report(&roster, &self.profile, date).1)
    }

    /// The year's annual assessment as the database holds it (inputs, decisions, lock).
    pub fn assessment(&self, year: i32) -> Result<AssessmentReport, CommandError> {
        let year = kaohe_desk::check_year(year)?;
        self.reading(|store| {
            let (roster, decisions) = (store.load_roster()?, store.decisions(year)?);
            Ok(kaohe_desk::assessment_report(&roster, &self.profile, year, &decisions).1)
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

    /// Builds a printed document from the database exactly as `kaohe print --db` does
    /// ([`kaohe_desk::print`]) and writes it as an HTML file into `dir`, with a screen-only style
    /// for the preview window. `today` is the 公示 start when the request names none.
    pub fn print_preview(
        &self,
        dir: &Path,
        request: &PrintRequest,
        today: NaiveDate,
    ) -> Result<PrintPreview, CommandError> {
        let doc = request.doc.trim();
        let document = Document::from_name(doc).ok_or_else(|| {
            CommandError::new(ErrorCode::BadArgument, format!("没有名为「{doc}」的文书；可用：{}", Document::names()))
        })?;
        let asked = kaohe_desk::PrintRequest {
            document,
            year: request.year,
            as_of: present(&request.as_of).map(|t| parse_date("资格计算日期", t)).transpose()?,
            scope: Scope {
                organ: present(&request.organ).map(str::to_owned),
                pool: present(&request.pool).map(str::to_owned),
            },
            from: match present(&request.from) {
                Some(text) => parse_date("公示开始日期", text)?,
                None => today,
            },
        };
        // Read under the lock, rendered after it (a large 登记表 takes a while).
        let (roster, decisions) = self.reading(|store| Ok(kaohe_desk::read_ahead(store, asked.year)?))?;
        let source = kaohe_desk::Source::ReadAhead { roster: &roster, decisions: &decisions };
        let printed = kaohe_desk::print(source, &self.profile, &asked)?;
        let path = dir.join(file_name(&printed.title));
        // Owner-only: the page holds names, IDs and grades (see crate::preview).
        let failed = |e: kaohe_files::FileError| {
            CommandError::new(ErrorCode::WriteFailed, format!("无法写入打印文件「{}」：{}", path.display(), e.detail()))
        };
        kaohe_files::create_folder(dir).map_err(|e| failed(kaohe_files::FileError::new(dir, e)))?;
        kaohe_files::write_replacing(&path, kaohe_files::Access::OwnerOnly, |partial| {
            std::fs::write(partial, for_screen(&printed.rendered.html))
                .map_err(|e| kaohe_files::FileError::new(&path, e))
        })
        .map_err(failed)?;
        Ok(PrintPreview { path: path.display().to_string(), pages: printed.rendered.pages, title: printed.title })
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
