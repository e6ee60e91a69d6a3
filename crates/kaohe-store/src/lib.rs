//! The embedded database: one SQLite file holding the roster across imports and years.
//!
//! Opening a database migrates it forward ([`migrations`]); a database written by a newer Kaohe,
//! or a SQLite file that is not Kaohe's, is refused with a clear message. An import is one
//! transaction: all of it or none. Every field an import changes is kept in `person_history`.

pub mod committee;
mod conflicts;
mod connection;
mod known_schema;
pub mod migrations;
pub mod operations;
pub mod password;
pub mod settings;

pub use conflicts::{Confirmations, NameConflict};
pub use password::{Encryption, Password};

use chrono::NaiveDate;
use kaohe_engine::assessment::Decisions;
use kaohe_engine::fast_hash::FastMap;
use kaohe_engine::{AnnualInput, Grade, Organ, Period, Person, RegularGrade, RegularRecord, Restriction, ResultCode, Roster, YearResult};
use kaohe_workbook::RosterRead;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use migrations::SCHEMA_VERSION;

/// SQLite `application_id` that marks a Kaohe database ("KAOH").
pub(crate) const APPLICATION_ID: i32 = 0x4B41_4F48;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("数据库操作失败：{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("无法创建数据库所在文件夹「{path}」：{source}")]
    Folder { path: String, source: std::io::Error },
    #[error("数据库「{path}」由更新版本的考核软件创建（结构版本 {found}，本软件支持到 {supported}），请升级软件后再打开")]
    TooNew { path: String, found: i32, supported: i32 },
    #[error("文件「{path}」不是考核软件的数据库")]
    NotKaohe { path: String },
    #[error("数据库「{path}」不存在，请先导入名册，或指明已有的数据库文件")]
    Missing { path: String },
    #[error("数据库「{path}」是只读文件，不能修改；只查看结果的操作仍可进行，如需修改，请先取消该文件的只读属性")]
    ReadOnly { path: String },
    #[error("数据库「{path}」的结构是旧版本的（结构版本 {found}），需要升级后才能读取，但它是只读文件；请先取消该文件的只读属性")]
    OldReadOnly { path: String, found: i32 },
    #[error("数据库中的数据无法读取：{0}")]
    Corrupt(String),
    #[error("{year}年度考核已定稿，不能再修改；如需修改，请先重新打开该年度并说明理由")]
    Locked { year: i32 },
    #[error("{year}年度考核尚未定稿，无需重新打开")]
    NotLocked { year: i32 },
    #[error("数据库中没有身份证号为 {id} 的人员")]
    UnknownPerson { id: String },
    #[error("必须填写理由")]
    MissingReason,
    #[error("无法写入「{path}」：{message}")]
    Write { path: String, message: String },
    #[error("已取消导入，数据库未作任何修改")]
    Cancelled,
    /// A backup whose schema is not exactly what Kaohe's migrations create (see `known_schema`).
    #[error("备份「{path}」的结构与考核软件的数据库不符：{}。这样的文件可能被改动过，为安全起见不能恢复；请选择由考核软件「立即备份」生成的备份", .problems.join("、"))]
    UnsafeBackup { path: String, problems: Vec<String> },
    #[error("备份「{path}」中的数据不完整或已损坏（{detail}），不能恢复")]
    DamagedBackup { path: String, detail: String },
    #[error("数据库「{path}」设置了密码，请输入密码后再打开")]
    PasswordRequired { path: String },
    #[error("密码不对，数据库「{path}」没有打开（也可能这个文件不是考核软件的数据库）")]
    WrongPassword { path: String },
    /// A new password that may not be set; why.
    #[error("{0}")]
    WeakPassword(String),
}

impl From<kaohe_files::FileError> for StoreError {
    fn from(e: kaohe_files::FileError) -> StoreError {
        StoreError::Write { message: e.detail(), path: e.path }
    }
}

impl StoreError {
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::TooNew { .. } => "database_too_new",
            StoreError::NotKaohe { .. } => "not_a_kaohe_database",
            StoreError::ReadOnly { .. } | StoreError::OldReadOnly { .. } => "database_read_only",
            StoreError::Locked { .. } => "year_locked",
            StoreError::NotLocked { .. } => "year_not_locked",
            StoreError::UnknownPerson { .. } => "unknown_person",
            StoreError::MissingReason => "reason_required",
            StoreError::Cancelled => "cancelled",
            StoreError::UnsafeBackup { .. } => "backup_unsafe",
            StoreError::DamagedBackup { .. } => "backup_damaged",
            StoreError::PasswordRequired { .. } => "password_required",
            StoreError::WrongPassword { .. } => "wrong_password",
            StoreError::WeakPassword(_) => "bad_argument",
            _ => "database",
        }
    }
}

/// Where the database lives unless told otherwise: `KAOHE_DB`, else the platform data folder.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("KAOHE_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("cn", "kaohe", "Kaohe").map(|d| d.data_dir().join("kaohe.db")).unwrap_or_else(|| PathBuf::from("kaohe.db"))
}

/// Row counts of the main tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub people: u64,
    pub organs: u64,
    pub results: u64,
    pub restrictions: u64,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub import_id: i64,
    pub people: u64,
    pub organs: u64,
    pub results: u64,
    pub restrictions: u64,
    pub new_people: u64,
    pub updated_people: u64,
    pub unchanged_people: u64,
    /// People held back because the database has their ID under another name, not confirmed
    /// as a change of name; nothing of theirs was written.
    pub held_back: u64,
}

/// What an import would change, worked out without writing anything.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct ImportPlan {
    /// People not yet in the database: (ID, name).
    pub new: Vec<(String, String)>,
    /// People whose stored fields would change.
    pub updated: Vec<PersonChanges>,
    /// People in the database that this roster does not list: (ID, name, organ).
    pub missing: Vec<(String, String, String)>,
    /// Of the updated: who moves to another organ, changes rank or changes category.
    pub moved: Vec<(String, String, String, String)>,
    pub rank_changed: Vec<(String, String, String, String)>,
    pub category_changed: Vec<(String, String, String, String)>,
    /// Annual results that are new or differ from the stored ones.
    pub results: usize,
    pub unchanged: usize,
    /// IDs the database holds under another name: held back unless confirmed as a change of name.
    pub name_conflicts: Vec<NameConflict>,
    /// One issue per name conflict (an error for a row held back, a warning for a confirmed
    /// change of name), to be shown with the read's issues.
    #[serde(skip)]
    pub issues: Vec<kaohe_workbook::Issue>,
}

impl ImportPlan {
    /// Brings a read in line with the plan: the held-back people (and all their records) leave
    /// the roster, and the plan's issues join the read's, so that a report or a summary written
    /// from it says what the import does.
    pub fn apply_to(&self, read: &mut RosterRead) {
        let held = conflicts::held_back(&self.name_conflicts);
        conflicts::remove(&mut read.roster, &mut read.sources, &held);
        read.issues.extend(self.issues.iter().cloned());
    }
}

/// One person's changed fields: (field, old, new).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonChanges {
    pub id: String,
    pub name: String,
    pub fields: Vec<(String, Option<String>, Option<String>)>,
}

/// One recorded change of a person's field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub import_id: i64,
    pub person_id: String,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// One entry of the assessment's audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub year: i32,
    pub person_id: Option<String>,
    /// `override`, `ratio`, `finalize` or `reopen`.
    pub action: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
    pub by: String,
    pub at: String,
}

/// The page cache of an import, in SQLite's `cache_size` terms (negative: KiB): 64 MiB.
const IMPORT_CACHE_KIB: i64 = -65_536;

pub(crate) fn now() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The database as the last plan read it, for the import that follows it (the check and the
    /// write of one import read the database once): kept with what it was read for.
    planned: std::cell::RefCell<Option<(PlanKey, Stored)>>,
    /// What [`Store::prefetch`] read, with where the database stood then.
    prefetched: std::cell::RefCell<Option<((u64, i64), Snapshot)>>,
    /// The password the database was opened with (see [`password`]).
    password: Option<Password>,
}

/// What a plan's reading of the database holds for: the roster's people (their count and IDs)
/// and the database unchanged since (this connection's changes and SQLite's `data_version`,
/// which moves when another connection commits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PlanKey {
    people: usize,
    ids: u64,
    changes: u64,
    data_version: i64,
}

impl PlanKey {
    /// The key of a plan of `read` (its people's IDs and names, its results, the changes of
    /// name confirmed: what the plan's decisions that the import takes over rest on).
    fn of(conn: &Connection, read: &RosterRead, confirmed: &Confirmations) -> Result<PlanKey, StoreError> {
        use std::hash::{Hash, Hasher};
        let mut h = kaohe_engine::fast_hash::FxHasher::default();
        for p in &read.roster.people {
            (&p.id, &p.name).hash(&mut h);
        }
        for r in &read.roster.results {
            (&r.person_id, r.year, r.result).hash(&mut h);
        }
        confirmed.renames.hash(&mut h);
        let data_version: i64 = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok(PlanKey { people: read.roster.people.len(), ids: h.finish(), changes: conn.total_changes(), data_version })
    }
}

fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| Text::date(d).as_str().to_string())
}

fn parse_date(s: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    s.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| StoreError::Corrupt(format!("日期「{s}」格式不对")))).transpose()
}

/// The fields of a person as stored, in column order, for comparison and history.
const PERSON_FIELDS: [(&str, &str); 23] = [
    ("name", "姓名"),
    ("gender", "性别"),
    ("birth", "出生日期"),
    ("organ", "单位"),
    ("department", "部门"),
    ("category", "职位类别"),
    ("rank", "职级"),
    ("rank_since", "任现职级时间"),
    ("post", "领导职务"),
    ("post_level", "职务层次"),
    ("post_since", "任现职务时间"),
    ("is_leader", "是否领导成员"),
    ("education", "学历"),
    ("work_start", "参加工作时间"),
    ("service_start", "进入公务员队伍时间"),
    ("level", "级别"),
    ("level_since", "级别起算时间"),
    ("step", "档次"),
    ("step_since", "档次起算时间"),
    ("political_status", "政治面貌"),
    ("duties", "从事或分管工作"),
    ("entry_method", "进入方式"),
    ("left_on", "离职/退休日期"),
];

/// A field's text as stored: borrowed from the person, or a date or number written in place, so
/// that comparing and writing 100,000 people makes no string of their 23 fields.
#[derive(Debug, Clone)]
enum Text<'a> {
    Borrowed(&'a str),
    Inline([u8; 16], u8),
    Owned(String),
}

impl<'a> Text<'a> {
    fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            // Only ASCII digits and '-' are written in place.
            Text::Inline(buf, len) => std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or_default(),
            Text::Owned(s) => s,
        }
    }

    /// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it (a year outside 0–9999 through chrono).
    fn date(d: NaiveDate) -> Text<'static> {
        use chrono::Datelike;
        let year = d.year();
        if !(0..=9999).contains(&year) {
            return Text::Owned(d.format("%Y-%m-%d").to_string());
        }
        let mut buf = [0u8; 16];
        let digits = |n: u32, out: &mut [u8]| {
            let mut n = n;
            for b in out.iter_mut().rev() {
                *b = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        digits(year as u32, &mut buf[0..4]);
        buf[4] = b'-';
        digits(d.month(), &mut buf[5..7]);
        buf[7] = b'-';
        digits(d.day(), &mut buf[8..10]);
        Text::Inline(buf, 10)
    }

    fn number(n: u32) -> Text<'static> {
        let mut buf = [0u8; 16];
        let mut len = 0;
        let mut rest = n;
        loop {
            buf[len] = b'0' + (rest % 10) as u8;
            len += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        buf[..len].reverse();
        Text::Inline(buf, len as u8)
    }
}

impl rusqlite::ToSql for Text<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::Borrowed(rusqlite::types::ValueRef::Text(self.as_str().as_bytes())))
    }
}

/// The text of an optional field.
fn text_of<'v>(v: &'v Option<Text<'_>>) -> Option<&'v str> {
    v.as_ref().map(Text::as_str)
}

fn person_values(p: &Person) -> [Option<Text<'_>>; 23] {
    fn s(v: &Option<String>) -> Option<Text<'_>> {
        v.as_deref().map(Text::Borrowed)
    }
    let d = |v: Option<NaiveDate>| v.map(Text::date);
    [
        Some(Text::Borrowed(&p.name)),
        s(&p.gender),
        d(p.birth),
        Some(Text::Borrowed(&p.organ)),
        s(&p.department),
        Some(Text::Borrowed(&p.category)),
        Some(Text::Borrowed(&p.rank)),
        Some(Text::date(p.rank_since)),
        s(&p.post),
        s(&p.post_level),
        d(p.post_since),
        Some(Text::Borrowed(if p.is_leader { "是" } else { "否" })),
        s(&p.education),
        d(p.work_start),
        d(p.service_start),
        p.level.map(Text::number),
        d(p.level_since),
        p.step.map(Text::number),
        d(p.step_since),
        s(&p.political_status),
        s(&p.duties),
        s(&p.entry_method),
        d(p.left_on),
    ]
}

/// The fingerprint of each person's fields, in roster order, when `wanted` (none otherwise: a
/// database with nobody in it compares nothing). A large roster's are computed on two threads
/// (100,000 people's take about 30 ms on one).
fn fingerprints_of(people: &[Person], wanted: bool) -> Vec<u64> {
    let prints = |people: &[Person]| people.iter().map(|p| person_fingerprint(&person_values(p))).collect::<Vec<u64>>();
    match (wanted, people.len()) {
        (false, _) => Vec::new(),
        (true, n) if n < 10_000 => prints(people),
        (true, n) => {
            let (first, second) = people.split_at(n / 2);
            std::thread::scope(|s| {
                let later = s.spawn(|| prints(second));
                let mut all = prints(first);
                all.extend(later.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
                all
            })
        }
    }
}

/// The fingerprint of a person's fields as [`person_values`] gives them.
fn person_fingerprint(values: &[Option<Text<'_>>; 23]) -> u64 {
    fingerprint(values.iter().map(text_of))
}

/// Whether `conn` holds a Kaohe database this build can open: its `application_id` is Kaohe's
/// and its schema is not newer than [`SCHEMA_VERSION`]. An empty file (no tables, no id) passes
/// only when `empty_ok` (a new database); nothing is written. Returns the schema version found.
pub(crate) fn check_kaohe(conn: &Connection, shown: &str, empty_ok: bool) -> Result<i32, StoreError> {
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => StoreError::NotKaohe { path: shown.to_string() },
        e => StoreError::Sqlite(e),
    })?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    let empty = app_id == 0 && tables == 0;
    if (app_id != APPLICATION_ID && !empty) || (empty && !empty_ok) {
        return Err(StoreError::NotKaohe { path: shown.to_string() });
    }
    let found: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: shown.to_string(), found, supported: SCHEMA_VERSION });
    }
    Ok(found)
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`, to read and write it. A
    /// file marked read-only (or that cannot be written) is refused ([`StoreError::ReadOnly`]),
    /// even for a user who could override the mark: see [`Store::open_read_only`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, None)
    }

    /// Like [`Store::open`], with the database's password: needed when the file is encrypted, used
    /// to create a new one encrypted, and not used for a plain one ([`password`]).
    pub fn open_with(path: &Path, password: Option<&Password>) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
            return Err(StoreError::ReadOnly { path: shown });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            kaohe_files::create_folder(dir).map_err(|source| StoreError::Folder { path: dir.display().to_string(), source })?;
        }
        // Kept when it is used: the file is encrypted, or a new one is created encrypted.
        let password = password.filter(|_| matches!(Encryption::of(path), Encryption::Encrypted | Encryption::New)).cloned();
        let mut conn = connection::open(path, connection::Mode::ReadWrite, password.as_ref())?;
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StoreError::ReadOnly { path: shown });
        }
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        check_kaohe(&conn, &shown, true)?;
        let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        migrations::migrate(&mut conn, &shown, migrations::MIGRATIONS.len())?;
        if app_id != APPLICATION_ID {
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        Ok(Store { conn, path: path.to_path_buf(), planned: Default::default(), prefetched: Default::default(), password })
    }

    /// Opens the database at `path` to read it only: nothing in the file changes, not even its
    /// header, and a read-only file opens. A missing file is refused, as is anything
    /// [`Store::open`] refuses; a database of an older schema is opened as [`Store::open`] does
    /// (upgraded once), or refused when it cannot be written ([`StoreError::OldReadOnly`]).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        Store::open_read_only_with(path, None)
    }

    /// Like [`Store::open_read_only`], with the database's password (see [`Store::open_with`]).
    pub fn open_read_only_with(path: &Path, password: Option<&Password>) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        if !path.is_file() {
            return Err(StoreError::Missing { path: shown });
        }
        let password = password.filter(|_| Encryption::of(path) == Encryption::Encrypted).cloned();
        let conn = connection::open(path, connection::Mode::ReadOnly, password.as_ref()).map_err(|e| match e {
            e @ (StoreError::PasswordRequired { .. } | StoreError::WrongPassword { .. }) => e,
            _ => StoreError::NotKaohe { path: shown.clone() },
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        check_kaohe(&conn, &shown, false)?;
        let found: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if found < SCHEMA_VERSION {
            drop(conn);
            return Store::open_with(path, password.as_ref()).map_err(|e| match e {
                StoreError::ReadOnly { path } => StoreError::OldReadOnly { path, found },
                e => e,
            });
        }
        Ok(Store { conn, path: path.to_path_buf(), planned: Default::default(), prefetched: Default::default(), password })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i32, StoreError> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count =
            |table: &str| -> Result<u64, StoreError> { Ok(self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))? as u64) };
        Ok(Counts { people: count("people")?, organs: count("organs")?, results: count("annual_results")?, restrictions: count("restrictions")? })
    }

    /// Writes what a read produced, in one transaction, recording every changed field. A person
    /// whose ID the database holds under another name is held back ([`Store::import_with`]). The
    /// import is logged without an operator; see [`Store::import_as`].
    pub fn import(&mut self, read: &RosterRead, source: &str) -> Result<ImportSummary, StoreError> {
        self.import_as(read, source, "")
    }

    /// [`Store::import`], recording `by` (the 操作人) in the import log.
    pub fn import_as(&mut self, read: &RosterRead, source: &str, by: &str) -> Result<ImportSummary, StoreError> {
        self.import_with(read, source, by, &Confirmations::default(), &mut |_, _| true)
    }

    /// Like [`Store::import_as`], with the changes of name the clerk `confirmed` (a person whose
    /// ID the database holds under another name is imported only when confirmed; otherwise the
    /// person and all their records are left out and the stored record stays as it is), telling
    /// `progress` (people written, people in all) as it goes; when `progress` answers `false` the
    /// transaction is rolled back and nothing is written ([`StoreError::Cancelled`]).
    pub fn import_with(
        &mut self,
        read: &RosterRead,
        source: &str,
        by: &str,
        confirmed: &Confirmations,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<ImportSummary, StoreError> {
        // A page cache that holds the indexes an import writes into (SQLite's default of 2 MB
        // spills and reads them again); back to what it was after.
        let cache: i64 = self.conn.pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        let imported = self.import_in_one_transaction(read, source, by, confirmed, progress);
        let restored = self.conn.pragma_update(None, "cache_size", cache);
        // The import's own failure is the one to tell.
        let summary = imported?;
        restored?;
        Ok(summary)
    }

    fn import_in_one_transaction(
        &mut self,
        read: &RosterRead,
        source: &str,
        by: &str,
        confirmed: &Confirmations,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<ImportSummary, StoreError> {
        const EVERY: u64 = 200;
        let total = read.roster.people.len() as u64;
        let now = now();
        // What the database holds, read once for the whole import (one pass over each table,
        // not a look-up per person): a fingerprint of each stored person and the stored results;
        // the plan's reading when it was made for this roster and nothing was written since.
        let planned = self.planned.borrow_mut().take();
        let prefetched = self.take_prefetched()?;
        let key = PlanKey::of(&self.conn, read, confirmed)?;
        let tx = self.conn.transaction()?;
        let mut stored = match planned {
            Some((k, stored)) if k == key => stored,
            _ => Stored::of(
                match prefetched {
                    Some(people) => people,
                    None => read_snapshot(&tx)?,
                },
                read,
            ),
        };
        // What the plan decided of this roster, or decided now.
        let held = match stored.held.take() {
            Some(held) => held,
            None => conflicts::held_back(&conflicts::find(read, &stored, confirmed).0),
        };
        let owned;
        let read = if held.is_empty() {
            read
        } else {
            let mut r = read.clone();
            conflicts::remove(&mut r.roster, &mut r.sources, &held);
            owned = r;
            &owned
        };
        tx.execute(
            "INSERT INTO imports (file, imported_at, people, issues, by) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![source, now, read.roster.people.len() as i64, read.issues.len() as i64, by.trim()],
        )?;
        let import_id = tx.last_insert_rowid();
        let mut summary = ImportSummary { import_id, held_back: held.len() as u64, ..Default::default() };
        // Into an empty database, the indexes of people and their history are built after the
        // people are written (SQLite sorts once) rather than entry by entry in no order.
        let rebuilt = match stored.people.is_empty() && stored.missing.is_empty() {
            true => drop_indexes(&tx, FILLED_AT_FIRST)?,
            false => Vec::new(),
        };
        import_organs(&tx, &read.roster.organs)?;
        {
            let mut people = PeopleWriter::new(&tx, import_id)?;
            let prints = fingerprints_of(&read.roster.people, !stored.people.is_empty());
            for (done, p) in read.roster.people.iter().enumerate() {
                if (done as u64).is_multiple_of(EVERY) && !progress(done as u64, total) {
                    return Err(StoreError::Cancelled);
                }
                match people.upsert(p, prints.get(done).copied(), stored.people.get(p.id.as_str()), stored.changed.get(p.id.as_str()))? {
                    Upsert::New => summary.new_people += 1,
                    Upsert::Updated => summary.updated_people += 1,
                    Upsert::Unchanged => summary.unchanged_people += 1,
                }
            }
            people.finish()?;
        }
        for sql in &rebuilt {
            tx.execute_batch(sql)?;
        }
        // The plan's list of results holds for the roster as planned, not once people left it.
        let due = if held.is_empty() { stored.due_results.as_deref() } else { None };
        import_results(&tx, import_id, &read.roster.results, &stored, due)?;
        import_restrictions(&tx, &read.roster.restrictions)?;
        import_assessment_inputs(&tx, &read.roster)?;
        // The last word before the commit: a cancel now still leaves the database untouched.
        if !progress(total, total) {
            return Err(StoreError::Cancelled);
        }
        tx.commit()?;
        summary.people = read.roster.people.len() as u64;
        summary.organs = read.roster.organs.len() as u64;
        summary.results = read.roster.results.len() as u64;
        summary.restrictions = read.roster.restrictions.len() as u64;
        Ok(summary)
    }

    /// Reads what a plan or an import will need of the database (every stored person's
    /// fingerprint, name and organ, and every stored result), so that it can be read on a
    /// second thread while the roster is read ([`read_ahead`]). The next plan or import
    /// uses it when nothing was written to the database since; otherwise it reads again.
    pub fn prefetch(&mut self) -> Result<(), StoreError> {
        let state = state_of(&self.conn)?;
        let people = read_snapshot(&self.conn)?;
        *self.prefetched.borrow_mut() = Some((state, people));
        Ok(())
    }

    /// What [`Store::prefetch`] read, when the database has not changed since.
    fn take_prefetched(&self) -> Result<Option<Snapshot>, StoreError> {
        let taken = self.prefetched.borrow_mut().take();
        Ok(match taken {
            Some((state, people)) if state == state_of(&self.conn)? => Some(people),
            _ => None,
        })
    }

    /// What importing `read` would change; nothing is written.
    pub fn plan(&self, read: &RosterRead) -> Result<ImportPlan, StoreError> {
        self.plan_with(read, &Confirmations::default())
    }

    /// Like [`Store::plan`], with the changes of name the clerk confirmed.
    pub fn plan_with(&self, read: &RosterRead, confirmed: &Confirmations) -> Result<ImportPlan, StoreError> {
        // The database read as the import reads it: a fingerprint per stored person, the fields
        // read back only for those whose fingerprint differs.
        let key = PlanKey::of(&self.conn, read, confirmed)?;
        let people = match self.take_prefetched()? {
            Some(people) => people,
            None => read_snapshot(&self.conn)?,
        };
        let mut stored = Stored::of(people, read);
        let mut plan = ImportPlan::default();
        (plan.name_conflicts, plan.issues) = conflicts::find(read, &stored, confirmed);
        let held = conflicts::held_back(&plan.name_conflicts);
        let n = PERSON_FIELDS.len();
        let mut select = self.conn.prepare_cached(&people_sql().select)?;
        let prints = fingerprints_of(&read.roster.people, !stored.people.is_empty());
        for (i, p) in read.roster.people.iter().enumerate() {
            if held.contains(&p.id) {
                continue;
            }
            let Some(s) = stored.people.get(p.id.as_str()) else {
                plan.new.push((p.id.clone(), p.name.clone()));
                continue;
            };
            if prints.get(i) == Some(&s.fingerprint) {
                plan.unchanged += 1;
                continue;
            }
            let nv = person_values(p);
            let ov: Vec<Option<String>> = select.query_row([&p.id], |r| (0..n).map(|i| r.get::<_, Option<String>>(i)).collect())?;
            let differs = |i: usize| ov[i].as_deref() != text_of(&nv[i]);
            let owned = |i: usize| text_of(&nv[i]).map(str::to_string);
            let fields: Vec<(String, Option<String>, Option<String>)> =
                (0..n).filter(|&i| differs(i)).map(|i| (PERSON_FIELDS[i].1.to_string(), ov[i].clone(), owned(i))).collect();
            if fields.is_empty() {
                plan.unchanged += 1;
                continue;
            }
            let pair = |i: usize| (p.id.clone(), p.name.clone(), ov[i].clone().unwrap_or_default(), owned(i).unwrap_or_default());
            // The fields at 3, 5 and 6 are 单位, 职位类别 and 职级 (PERSON_FIELDS).
            if differs(3) {
                plan.moved.push(pair(3));
            }
            if differs(6) {
                plan.rank_changed.push(pair(6));
            }
            if differs(5) {
                plan.category_changed.push(pair(5));
            }
            plan.updated.push(PersonChanges { id: p.id.clone(), name: p.name.clone(), fields });
            stored.changed.insert(p.id.clone(), ov);
        }
        plan.missing = stored.missing.clone();
        let due: Vec<usize> = (0..read.roster.results.len())
            .filter(|&i| {
                let r = &read.roster.results[i];
                !held.contains(&r.person_id) && !stored.holds_result(&r.person_id, r.year, r.result)
            })
            .collect();
        plan.results = due.len();
        stored.due_results = Some(due);
        stored.held = Some(held);
        drop(select);
        *self.planned.borrow_mut() = Some((key, stored));
        Ok(plan)
    }

    /// Everything stored, as the engine takes it.
    pub fn load_roster(&self) -> Result<Roster, StoreError> {
        self.load(None)
    }

    /// One organ's (单位's) part of the roster: its row with its approved slots (none when the
    /// 单位 sheet never listed it), its people in roster order, and their annual results,
    /// restrictions, 平时 records and assessment inputs — what [`Store::load_roster`] holds of that
    /// organ, in the same order. Promotion decides within an organ (its level caps the target
    /// rank; slots, candidates and proposals are per organ and pool), so a person's promotion
    /// status from this roster is the one from everyone's. Read through indexes (`people_by_organ`
    /// and the primary keys), so its cost follows the organ's size, not the database's.
    pub fn load_organ_roster(&self, organ: &str) -> Result<Roster, StoreError> {
        self.load(Some(organ))
    }

    /// The organ (单位) of the person with this ID, if the database holds the person.
    pub fn organ_of(&self, person_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row("SELECT organ FROM people WHERE id = ?1", [person_id], |r| r.get(0)).optional()?)
    }

    /// The roster, of everyone or of one organ: each query is written once, its `{organ}` the
    /// filter on that organ or nothing.
    fn load(&self, organ: Option<&str>) -> Result<Roster, StoreError> {
        let sql = |text: &str, filter: &str| text.replace("{organ}", if organ.is_some() { filter } else { "" });
        let args = || rusqlite::params_from_iter(organ);
        let mut roster = Roster::default();
        let mut slots: HashMap<String, Vec<(String, u32)>> = HashMap::new();
        let mut stmt = self.conn.prepare(&sql("SELECT organ, pool, approved FROM organ_slots {organ} ORDER BY organ, pool", "WHERE organ = ?1"))?;
        for row in stmt.query_map(args(), |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?)))? {
            let (organ, pool, n) = row?;
            slots.entry(organ).or_default().push((pool, n.max(0) as u32));
        }
        let mut stmt = self.conn.prepare(&sql(
            "SELECT name, level, excellent_ratio, performance_rating, supervisor FROM organs {organ} ORDER BY position, name",
            "WHERE name = ?1",
        ))?;
        for row in stmt.query_map(args(), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<u32>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })? {
            let (name, level, excellent_ratio, performance_rating, supervisor) = row?;
            let slots = slots.remove(&name).unwrap_or_default().into_iter().collect();
            roster.organs.push(Organ { name, level, slots, excellent_ratio, performance_rating, supervisor });
        }
        let mut stmt = self.conn.prepare(&sql(
            "SELECT id, name, gender, birth, organ, department, category, rank, rank_since, post, post_level, post_since, is_leader, education, work_start, service_start, level, level_since, step, step_since, political_status, duties, entry_method, left_on FROM people {organ} ORDER BY position, id",
            "WHERE organ = ?1",
        ))?;
        let rows = stmt.query_map(args(), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
                (r.get::<_, Option<String>>(9)?, r.get::<_, Option<String>>(10)?, r.get::<_, Option<String>>(11)?),
                r.get::<_, bool>(12)?,
                r.get::<_, Option<String>>(13)?,
                r.get::<_, Option<String>>(14)?,
                r.get::<_, Option<String>>(15)?,
                (r.get::<_, Option<u32>>(16)?, r.get::<_, Option<String>>(17)?, r.get::<_, Option<u32>>(18)?, r.get::<_, Option<String>>(19)?),
                (r.get::<_, Option<String>>(20)?, r.get::<_, Option<String>>(21)?),
                (r.get::<_, Option<String>>(22)?, r.get::<_, Option<String>>(23)?),
            ))
        })?;
        for row in rows {
            let (
                id,
                name,
                gender,
                birth,
                organ,
                department,
                category,
                rank,
                rank_since,
                (post, post_level, post_since),
                is_leader,
                education,
                work_start,
                service_start,
                (level, level_since, step, step_since),
                (political_status, duties),
                (entry_method, left_on),
            ) = row?;
            roster.people.push(Person {
                id,
                name,
                gender,
                birth: parse_date(birth)?,
                organ,
                department,
                category,
                rank,
                rank_since: parse_date(Some(rank_since))?.unwrap_or_default(),
                post,
                post_level,
                post_since: parse_date(post_since)?,
                is_leader,
                education,
                work_start: parse_date(work_start)?,
                service_start: parse_date(service_start)?,
                level,
                level_since: parse_date(level_since)?,
                step,
                step_since: parse_date(step_since)?,
                political_status,
                duties,
                entry_method,
                left_on: parse_date(left_on)?,
            });
        }
        let mut stmt = self.conn.prepare(&sql(
            "SELECT r.person_id, r.year, r.code FROM annual_results r JOIN people p ON p.id = r.person_id {organ} ORDER BY p.position, r.year",
            "WHERE p.organ = ?1",
        ))?;
        for row in stmt.query_map(args(), |r| Ok((r.get::<_, String>(0)?, r.get::<_, i32>(1)?, r.get::<_, String>(2)?)))? {
            let (person_id, year, code) = row?;
            let result = ResultCode::parse(&code).ok_or_else(|| StoreError::Corrupt(format!("考核结果代码「{code}」无效")))?;
            roster.results.push(YearResult { person_id, year, result });
        }
        // Restrictions of one person on the same day come by kind, so that their order (and the
        // order of the blocks they cause) is the same however the rows are read.
        let mut stmt = self.conn.prepare(&sql(
            "SELECT r.person_id, r.kind, r.date, r.end_date FROM restrictions r JOIN people p ON p.id = r.person_id {organ} ORDER BY p.position, r.date, r.kind",
            "WHERE p.organ = ?1",
        ))?;
        for row in stmt.query_map(args(), |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?)))? {
            let (person_id, kind, date, end) = row?;
            roster.restrictions.push(Restriction { person_id, kind, date: parse_date(Some(date))?.unwrap_or_default(), end: parse_date(end)? });
        }
        let mut stmt = self.conn.prepare(&sql(
            "SELECT r.person_id, r.year, r.period, r.grade, r.score FROM regular_results r JOIN people p ON p.id = r.person_id {organ} ORDER BY p.position, r.year, r.period",
            "WHERE p.organ = ?1",
        ))?;
        for row in stmt.query_map(args(), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i32>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?, r.get::<_, Option<i64>>(4)?))
        })? {
            let (person_id, year, period, grade, score) = row?;
            let period = parse_period(&period).ok_or_else(|| StoreError::Corrupt(format!("平时考核期间「{period}」无效")))?;
            let grade = grade.and_then(|g| RegularGrade::from_name(&g));
            roster.regular.push(RegularRecord { person_id, year, period, grade, score });
        }
        let mut stmt = self.conn.prepare(&sql(
            "SELECT a.person_id, a.year, virtue, ability, diligence, achievement, integrity, democratic, proposal, sick_days, personal_days, summary, training, supervisor_comment
             FROM annual_inputs a JOIN people p ON p.id = a.person_id {organ} ORDER BY p.position, a.year",
            "WHERE p.organ = ?1",
        ))?;
        let rows = stmt.query_map(args(), |r| {
            Ok(AnnualInput {
                person_id: r.get(0)?,
                year: r.get(1)?,
                dimensions: [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?],
                democratic: r.get(7)?,
                proposal: r.get::<_, Option<String>>(8)?.and_then(|g| Grade::from_name(&g)),
                sick_days: r.get(9)?,
                personal_days: r.get(10)?,
                summary: r.get(11)?,
                training: r.get(12)?,
                supervisor_comment: r.get(13)?,
            })
        })?;
        for row in rows {
            roster.annual_inputs.push(row?);
        }
        Ok(roster)
    }

    /// The recorded changes of one person, oldest first.
    pub fn history(&self, person_id: &str) -> Result<Vec<Change>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT import_id, person_id, field, old_value, new_value FROM person_history WHERE person_id = ?1 ORDER BY rowid")?;
        let rows =
            stmt.query_map([person_id], |r| Ok(Change { import_id: r.get(0)?, person_id: r.get(1)?, field: r.get(2)?, old: r.get(3)?, new: r.get(4)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The recorded changes of one person with when and from which file each import was made,
    /// oldest first (the person drawer's timeline).
    pub fn history_with_imports(&self, person_id: &str) -> Result<Vec<(Change, String, String)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT h.import_id, h.person_id, h.field, h.old_value, h.new_value, i.imported_at, i.file
             FROM person_history h JOIN imports i ON i.id = h.import_id WHERE h.person_id = ?1 ORDER BY h.rowid",
        )?;
        let rows = stmt.query_map([person_id], |r| {
            Ok((Change { import_id: r.get(0)?, person_id: r.get(1)?, field: r.get(2)?, old: r.get(3)?, new: r.get(4)? }, r.get(5)?, r.get(6)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The committee's recorded decisions for a year.
    pub fn decisions(&self, year: i32) -> Result<Decisions, StoreError> {
        let mut d = Decisions::default();
        let mut stmt = self.conn.prepare("SELECT person_id, grade, reason FROM assessment_overrides WHERE year = ?1")?;
        for row in stmt.query_map([year], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))? {
            let (id, grade, reason) = row?;
            let grade = Grade::from_name(&grade).ok_or_else(|| StoreError::Corrupt(format!("等次「{grade}」无效")))?;
            d.overrides.insert(id, (grade, reason));
        }
        let mut stmt = self.conn.prepare("SELECT organ, ratio, basis FROM approved_ratios WHERE year = ?1")?;
        for row in stmt.query_map([year], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?, r.get::<_, String>(2)?)))? {
            let (organ, ratio, basis) = row?;
            d.approved_ratios.insert(organ, (ratio, basis));
        }
        let mut stmt = self.conn.prepare("SELECT person_id, grade, reason FROM assessment_supplements WHERE year = ?1")?;
        for row in stmt.query_map([year], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))? {
            let (id, grade, reason) = row?;
            let grade = Grade::from_name(&grade).ok_or_else(|| StoreError::Corrupt(format!("等次「{grade}」无效")))?;
            d.supplements.insert(id, (grade, reason));
        }
        d.finalized_on = parse_date(
            self.conn.query_row("SELECT finalized_on FROM assessment_years WHERE year = ?1", [year], |r| r.get::<_, Option<String>>(0)).optional()?.flatten(),
        )?;
        Ok(d)
    }

    /// 补定等次: records the grade set for a person the year left 5B, once the investigation
    /// closed — also in a finalised year, whose stored result for the person becomes that grade.
    /// One transaction with its log entry. The caller checks the person may be supplemented
    /// (`committee::supplement_grade`).
    pub fn set_supplement(&mut self, year: i32, person_id: &str, grade: Grade, reason: &str, by: &str) -> Result<(), StoreError> {
        if reason.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let tx = self.conn.transaction()?;
        Self::ensure_person(&tx, person_id)?;
        let before: Option<String> =
            tx.query_row("SELECT grade FROM assessment_supplements WHERE year = ?1 AND person_id = ?2", params![year, person_id], |r| r.get(0)).optional()?;
        tx.execute(
            "INSERT INTO assessment_supplements (year, person_id, grade, reason) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(year, person_id) DO UPDATE SET grade = excluded.grade, reason = excluded.reason",
            params![year, person_id, grade.name(), reason.trim()],
        )?;
        let finalized: Option<Option<String>> = tx.query_row("SELECT finalized_on FROM assessment_years WHERE year = ?1", [year], |r| r.get(0)).optional()?;
        if finalized.flatten().is_some() {
            tx.execute(
                "INSERT INTO annual_results (person_id, year, code) VALUES (?1, ?2, ?3) ON CONFLICT(person_id, year) DO UPDATE SET code = excluded.code",
                params![person_id, year, ResultCode::Graded(grade).code()],
            )?;
        }
        let entry = LogEntry {
            year,
            person_id: Some(person_id.to_string()),
            action: "supplement".into(),
            from: Some(before.unwrap_or_else(|| ResultCode::UnderInvestigation.code().to_string())),
            to: Some(grade.name().to_string()),
            reason: Some(reason.trim().to_string()),
            by: by.to_string(),
            at: now(),
        };
        Self::log(&tx, &entry)?;
        tx.commit()?;
        Ok(())
    }

    fn ensure_person(tx: &Transaction, person_id: &str) -> Result<(), StoreError> {
        let known: Option<String> = tx.query_row("SELECT id FROM people WHERE id = ?1", [person_id], |r| r.get(0)).optional()?;
        match known {
            Some(_) => Ok(()),
            None => Err(StoreError::UnknownPerson { id: person_id.to_string() }),
        }
    }

    fn ensure_open(tx: &Transaction, year: i32) -> Result<(), StoreError> {
        let locked: Option<Option<String>> = tx.query_row("SELECT finalized_on FROM assessment_years WHERE year = ?1", [year], |r| r.get(0)).optional()?;
        if locked.flatten().is_some() {
            return Err(StoreError::Locked { year });
        }
        Ok(())
    }

    fn log(tx: &Transaction, e: &LogEntry) -> Result<(), StoreError> {
        tx.execute(
            "INSERT INTO assessment_log (year, person_id, action, from_value, to_value, reason, by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![e.year, e.person_id, e.action, e.from, e.to, e.reason, e.by, e.at],
        )?;
        Ok(())
    }

    /// Records the committee's final grade for a person, replacing `from` (the current final grade).
    pub fn set_override(&mut self, year: i32, person_id: &str, grade: Grade, from: Option<Grade>, reason: &str, by: &str) -> Result<(), StoreError> {
        if reason.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let tx = self.conn.transaction()?;
        Self::ensure_open(&tx, year)?;
        Self::ensure_person(&tx, person_id)?;
        tx.execute(
            "INSERT INTO assessment_overrides (year, person_id, grade, reason) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(year, person_id) DO UPDATE SET grade = excluded.grade, reason = excluded.reason",
            params![year, person_id, grade.name(), reason.trim()],
        )?;
        let entry = LogEntry {
            year,
            person_id: Some(person_id.to_string()),
            action: "override".into(),
            from: from.map(|g| g.name().to_string()),
            to: Some(grade.name().to_string()),
            reason: Some(reason.trim().to_string()),
            by: by.to_string(),
            at: now(),
        };
        Self::log(&tx, &entry)?;
        tx.commit()?;
        Ok(())
    }

    /// Records an approved 优秀 ratio (basis points) for an organ and year.
    pub fn approve_ratio(&mut self, year: i32, organ: &str, ratio: u32, basis: &str, by: &str) -> Result<(), StoreError> {
        if basis.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let tx = self.conn.transaction()?;
        Self::ensure_open(&tx, year)?;
        let old: Option<u32> =
            tx.query_row("SELECT ratio FROM approved_ratios WHERE year = ?1 AND organ = ?2", params![year, organ], |r| r.get(0)).optional()?;
        tx.execute(
            "INSERT INTO approved_ratios (year, organ, ratio, basis) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(year, organ) DO UPDATE SET ratio = excluded.ratio, basis = excluded.basis",
            params![year, organ, ratio, basis.trim()],
        )?;
        let pct = |bp: u32| format!("{}%", bp as f64 / 100.0);
        let entry = LogEntry {
            year,
            person_id: None,
            action: "ratio".into(),
            from: old.map(pct),
            to: Some(format!("{organ} {}", pct(ratio))),
            reason: Some(basis.trim().to_string()),
            by: by.to_string(),
            at: now(),
        };
        Self::log(&tx, &entry)?;
        tx.commit()?;
        Ok(())
    }

    /// Locks the year and writes its final results (national codes) into the annual results
    /// that promotion counts, all in one transaction.
    pub fn finalize(&mut self, year: i32, on: NaiveDate, results: &[(String, ResultCode)], by: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        Self::ensure_open(&tx, year)?;
        for (id, code) in results {
            tx.execute(
                "INSERT INTO annual_results (person_id, year, code) VALUES (?1, ?2, ?3) ON CONFLICT(person_id, year) DO UPDATE SET code = excluded.code",
                params![id, year, code.code()],
            )?;
        }
        tx.execute(
            "INSERT INTO assessment_years (year, finalized_on, finalized_by) VALUES (?1, ?2, ?3)
             ON CONFLICT(year) DO UPDATE SET finalized_on = excluded.finalized_on, finalized_by = excluded.finalized_by",
            params![year, date_text(Some(on)), by],
        )?;
        let entry = LogEntry {
            year,
            person_id: None,
            action: "finalize".into(),
            from: None,
            to: Some(format!("{}人", results.len())),
            reason: None,
            by: by.to_string(),
            at: now(),
        };
        Self::log(&tx, &entry)?;
        tx.commit()?;
        Ok(())
    }

    /// Unlocks a finalised year; the reason is recorded.
    pub fn reopen(&mut self, year: i32, reason: &str, by: &str) -> Result<(), StoreError> {
        if reason.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let tx = self.conn.transaction()?;
        let locked: Option<Option<String>> = tx.query_row("SELECT finalized_on FROM assessment_years WHERE year = ?1", [year], |r| r.get(0)).optional()?;
        let Some(Some(on)) = locked else {
            return Err(StoreError::NotLocked { year });
        };
        tx.execute("UPDATE assessment_years SET finalized_on = NULL, finalized_by = NULL WHERE year = ?1", [year])?;
        let entry = LogEntry {
            year,
            person_id: None,
            action: "reopen".into(),
            from: Some(format!("{on}定稿")),
            to: None,
            reason: Some(reason.trim().to_string()),
            by: by.to_string(),
            at: now(),
        };
        Self::log(&tx, &entry)?;
        tx.commit()?;
        Ok(())
    }

    /// The audit trail of a year's assessment, oldest first.
    pub fn assessment_log(&self, year: i32) -> Result<Vec<LogEntry>, StoreError> {
        let mut stmt =
            self.conn.prepare("SELECT year, person_id, action, from_value, to_value, reason, by, at FROM assessment_log WHERE year = ?1 ORDER BY id")?;
        let rows = stmt.query_map([year], |r| {
            Ok(LogEntry {
                year: r.get(0)?,
                person_id: r.get(1)?,
                action: r.get(2)?,
                from: r.get(3)?,
                to: r.get(4)?,
                reason: r.get(5)?,
                by: r.get(6)?,
                at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Saves the column mapping the user confirmed for rosters with this header signature, as a
    /// JSON object (a header may hold any character, line breaks and tabs too).
    pub fn save_mapping(&self, signature: &str, mapping: &std::collections::BTreeMap<String, String>) -> Result<(), StoreError> {
        let text = serde_json::to_string(mapping).map_err(|e| StoreError::Corrupt(format!("列对应无法保存：{e}")))?;
        self.conn.execute(
            "INSERT INTO column_mappings (signature, mapping, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at",
            params![signature, text, now()],
        )?;
        Ok(())
    }

    /// The mapping saved for a header signature, if any.
    pub fn mapping_for(&self, signature: &str) -> Result<Option<std::collections::BTreeMap<String, String>>, StoreError> {
        let text: Option<String> = self.conn.query_row("SELECT mapping FROM column_mappings WHERE signature = ?1", [signature], |r| r.get(0)).optional()?;
        text.map(|t| serde_json::from_str(&t).map_err(|_| StoreError::Corrupt("保存的列对应无法读取，请在导入时重新确认各列".into()))).transpose()
    }

    /// Number of imports recorded.
    pub fn import_count(&self) -> Result<u64, StoreError> {
        Ok(self.conn.query_row("SELECT count(*) FROM imports", [], |r| r.get::<_, i64>(0))? as u64)
    }
}

/// What an import needs of the database, read in one pass over each table: for each stored
/// person the roster lists, the fingerprint of their fields (an unchanged person costs no
/// look-up; the fields of a changed one are read back for the history), their name and organ
/// (for the changes of name) and their stored results; and the stored people it does not list.
struct Stored {
    people: Snapshot,
    /// The stored fields of the people the plan found changed, as it read them (the import
    /// that follows the plan does not read them again).
    changed: FastMap<String, Vec<Option<String>>>,
    /// The plan's decisions, for the import of the roster it was made for: the people held back
    /// by a change of name not confirmed, and the results that are new or changed (indices
    /// into the roster's results).
    held: Option<HashSet<String>>,
    due_results: Option<Vec<usize>>,
    /// The stored people the roster does not list (id, name, organ), in roster order.
    missing: Vec<(String, String, String)>,
}

struct StoredPerson {
    fingerprint: u64,
    /// Whether the fingerprint is in the database; `false`: computed from the fields (a database
    /// from before version 12, a restored backup), to be filled in by the import.
    fingerprint_stored: bool,
    name: String,
    organ: String,
    /// The place in roster order.
    position: i64,
    /// Whether the roster being imported lists the person.
    listed: bool,
    /// (year, code), the code as written when it is not one of the national codes exactly
    /// (then it is always written over).
    results: Vec<(i32, Result<ResultCode, Box<str>>)>,
}

impl StoredPerson {
    /// The stored result of `year`.
    fn result(&self, year: i32) -> Option<&Result<ResultCode, Box<str>>> {
        self.results.iter().find(|(y, _)| *y == year).map(|(_, c)| c)
    }
}

impl Stored {
    /// Whether the stored result of `person_id` for `year` is `code` already.
    fn holds_result(&self, person_id: &str, year: i32, code: ResultCode) -> bool {
        self.people.get(person_id).and_then(|p| p.result(year)) == Some(&Ok(code))
    }
}

/// A fingerprint of a person's fields as stored (see [`person_values`]). It is kept in the
/// database (`people.fingerprint`): changing how it is computed needs a migration that sets
/// every stored one to NULL.
fn fingerprint<'a>(values: impl Iterator<Item = Option<&'a str>>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = kaohe_engine::fast_hash::FxHasher::default();
    for v in values {
        v.hash(&mut h);
    }
    h.finish()
}

/// Runs `work` (the read of a roster) on this thread while a second one opens the database
/// with `open` and reads ahead what the plan and the import will need of it
/// ([`Store::prefetch`]): the two take the time of the longer. A read ahead that fails is
/// forgotten (the plan reads the database itself, and says what is wrong).
pub fn read_ahead<T>(open: impl FnOnce() -> Result<Store, StoreError> + Send, work: impl FnOnce() -> T) -> (T, Result<Store, StoreError>) {
    std::thread::scope(|s| {
        let ahead = s.spawn(|| {
            let mut store = open()?;
            let _ = store.prefetch();
            Ok(store)
        });
        let done = work();
        (done, ahead.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })
}

/// Every stored person, by ID, as an import needs them: read in one pass over each table.
type Snapshot = FastMap<IdKey, StoredPerson>;

/// A person's ID as the key of the stored people, held in place when it fits (an 18-character
/// ID does): a look-up among 100,000 compares it without following a pointer to the heap.
#[derive(Debug, Clone)]
enum IdKey {
    Inline(u8, [u8; 23]),
    Heap(Box<str>),
}

impl IdKey {
    fn new(id: &str) -> IdKey {
        match id.len() {
            n if n <= 23 => {
                let mut buf = [0u8; 23];
                buf[..n].copy_from_slice(id.as_bytes());
                IdKey::Inline(n as u8, buf)
            }
            _ => IdKey::Heap(id.into()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // Copied whole from a `str`, cut at its own length: always UTF-8.
            IdKey::Inline(n, buf) => std::str::from_utf8(&buf[..usize::from(*n)]).unwrap_or_default(),
            IdKey::Heap(s) => s,
        }
    }
}

impl std::borrow::Borrow<str> for IdKey {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::hash::Hash for IdKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq for IdKey {
    fn eq(&self, other: &IdKey) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for IdKey {}

/// Where a database stands for this connection: its changes and SQLite's `data_version` (which
/// moves when another connection commits). What was read of it holds while this stays.
fn state_of(conn: &Connection) -> Result<(u64, i64), StoreError> {
    Ok((conn.total_changes(), conn.pragma_query_value(None, "data_version", |r| r.get(0))?))
}

fn read_snapshot(tx: &Connection) -> Result<Snapshot, StoreError> {
    let count: i64 = tx.query_row("SELECT count(*) FROM people", [], |r| r.get(0))?;
    let mut people: Snapshot = kaohe_engine::fast_hash::map_with_capacity(count.max(0) as usize);
    let mut unknown = 0usize;
    let mut stmt = tx.prepare("SELECT id, name, organ, fingerprint, position FROM people")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        let text = |i: usize| r.get_ref(i).and_then(|v| v.as_str_or_null().map_err(rusqlite::Error::from)).map(|t| t.unwrap_or_default().to_string());
        let print: Option<i64> = r.get(3)?;
        unknown += usize::from(print.is_none());
        let person = StoredPerson {
            fingerprint: print.unwrap_or_default() as u64,
            fingerprint_stored: print.is_some(),
            name: text(1)?,
            organ: text(2)?,
            position: r.get(4)?,
            listed: false,
            results: Vec::new(),
        };
        people.insert(IdKey::new(id), person);
    }
    // The people whose fingerprint is not in the database: computed from their fields.
    if unknown > 0 {
        unprinted(tx, |id, print| {
            if let Some(person) = people.get_mut(id) {
                person.fingerprint = print;
            }
        })?;
    }
    // A person's results mostly follow each other in the table (an import writes them
    // person by person): each run of one person's is looked up once.
    let mut stmt = tx.prepare("SELECT person_id, year, code FROM annual_results")?;
    let mut rows = stmt.query([])?;
    let mut run_of: String = String::new();
    let mut run = Vec::new();
    let mut flush = |id: &str, run: &mut Vec<(i32, Result<ResultCode, Box<str>>)>| {
        if let Some(person) = people.get_mut(id) {
            person.results.append(run);
        }
        run.clear();
    };
    while let Some(r) = rows.next()? {
        let id = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        if id != run_of {
            flush(&run_of, &mut run);
            run_of.clear();
            run_of.push_str(id);
        }
        let code = r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
        let code = ResultCode::ALL.into_iter().find(|c| c.code() == code).ok_or_else(|| Box::from(code));
        run.push((r.get(1)?, code));
    }
    flush(&run_of, &mut run);
    Ok(people)
}

impl Stored {
    /// What `read` needs of the database read as `people`: the people it lists, and those it
    /// does not (in roster order).
    fn of(mut people: Snapshot, read: &RosterRead) -> Stored {
        let people_len = people.len();
        let mut listed = 0;
        for p in &read.roster.people {
            if let Some(s) = people.get_mut(p.id.as_str()) {
                listed += usize::from(!s.listed);
                s.listed = true;
            }
        }
        let mut missing: Vec<(i64, (String, String, String))> = Vec::new();
        // Everyone stored is listed (the usual re-import): nobody to leave out.
        if listed < people_len {
            people.retain(|id, s| {
                if !s.listed {
                    missing.push((s.position, (id.as_str().to_string(), std::mem::take(&mut s.name), std::mem::take(&mut s.organ))));
                }
                s.listed
            });
        }
        missing.sort_by(|a, b| (a.0, &a.1 .0).cmp(&(b.0, &b.1 .0)));
        let missing = missing.into_iter().map(|(_, m)| m).collect();
        Stored { people, changed: FastMap::default(), held: None, due_results: None, missing }
    }
}

/// Computes the fingerprint of every stored person whose fingerprint is not in the database
/// (after a restore, which never copies one) from their fields, and writes it.
pub(crate) fn fill_fingerprints(tx: &Connection) -> Result<(), StoreError> {
    let mut computed = Vec::new();
    unprinted(tx, |id, print| computed.push((id.to_string(), print as i64)))?;
    let mut set = tx.prepare_cached(FINGERPRINT_SET)?;
    for (id, print) in computed {
        set.execute(params![id, print])?;
    }
    Ok(())
}

/// Gives `each` the ID and the fingerprint computed from the fields of every stored person
/// whose fingerprint is not in the database.
fn unprinted(conn: &Connection, mut each: impl FnMut(&str, u64)) -> Result<(), StoreError> {
    let n = PERSON_FIELDS.len();
    let mut stmt = conn.prepare(&people_sql().unprinted)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        let values: Vec<Option<&str>> =
            (1..=n).map(|i| r.get_ref(i).and_then(|v| v.as_str_or_null().map_err(rusqlite::Error::from))).collect::<Result<_, _>>()?;
        each(id, fingerprint(values.into_iter()));
    }
    Ok(())
}

/// The tables a first import fills with a row per person, whose indexes it builds after.
const FILLED_AT_FIRST: [&str; 2] = ["people", "person_history"];

/// Drops the indexes of `tables` that the schema defines (not those of a primary key or a
/// UNIQUE constraint); the statements that create them again, exactly as they were written.
fn drop_indexes(tx: &Transaction, tables: [&str; 2]) -> Result<Vec<String>, StoreError> {
    let indexes: Vec<(String, String)> = {
        let mut stmt = tx.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (?1, ?2) AND sql IS NOT NULL ORDER BY name")?;
        let rows = stmt.query_map(tables, |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
}

enum Upsert {
    New,
    Updated,
    Unchanged,
}

fn import_organs(tx: &Transaction, organs: &[Organ]) -> Result<(), StoreError> {
    // The next place in roster order, read once: a new organ goes after every stored one.
    let first: i64 = tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM organs", [], |r| r.get(0))?;
    let mut upsert = tx.prepare_cached(ORGAN_UPSERT)?;
    let mut clear = tx.prepare_cached(ORGAN_SLOTS_CLEAR)?;
    let mut slot = tx.prepare_cached(ORGAN_SLOT_INSERT)?;
    for (next, o) in (first..).zip(organs) {
        upsert.execute(params![o.name, o.level, o.excellent_ratio, o.performance_rating, o.supervisor, next])?;
        clear.execute([&o.name])?;
        for (pool, n) in &o.slots {
            slot.execute(params![o.name, pool, *n as i64])?;
        }
    }
    Ok(())
}

/// The statements an import writes people with, each prepared once for the whole import (a
/// statement built and prepared again for every person, and a scan of the whole table for each
/// new person's place, made a 100,000-person import take minutes). Every one looks a person up
/// by the primary key (a test checks each statement's plan).
struct PeopleWriter<'t, 'p> {
    select: rusqlite::CachedStatement<'t>,
    insert: rusqlite::CachedStatement<'t>,
    update: rusqlite::CachedStatement<'t>,
    print: rusqlite::CachedStatement<'t>,
    history: rusqlite::CachedStatement<'t>,
    /// New people, written [`NEW_PEOPLE_PER_STATEMENT`] at a time: (person, fields, place,
    /// fingerprint).
    new: Vec<(&'p Person, [Option<Text<'p>>; 23], i64, i64)>,
    insert_many: rusqlite::CachedStatement<'t>,
    added_many: rusqlite::CachedStatement<'t>,
    /// Changes of fields for the history, written [`CHANGES_PER_STATEMENT`] at a time: (ID,
    /// field, old, new).
    changes: Vec<(&'p str, &'static str, Option<String>, Option<String>)>,
    changes_many: rusqlite::CachedStatement<'t>,
    /// The place in roster order the next new person takes (after every stored one).
    next_position: i64,
    import_id: i64,
}

/// The values of one new person as [`PeopleSql::insert`] takes them.
fn new_person_row<'a>(
    (p, fields, position, print): &'a (&'a Person, [Option<Text<'a>>; 23], i64, i64),
    import_id: &'a i64,
    out: &mut Vec<&'a dyn rusqlite::ToSql>,
) {
    out.push(&p.id);
    for (i, v) in fields.iter().enumerate() {
        out.push(if PERSON_FIELDS[i].0 == "is_leader" { &p.is_leader } else { v });
    }
    out.extend([import_id as &dyn rusqlite::ToSql, import_id, position, print]);
}

/// Changes of fields written to the history by one statement.
const CHANGES_PER_STATEMENT: usize = 50;

/// New people written by one statement (SQLite runs one statement of many rows faster than as
/// many statements of one; 28 values a person).
const NEW_PEOPLE_PER_STATEMENT: usize = 20;

/// The SQL of [`PeopleWriter`], built once per process.
struct PeopleSql {
    /// The id and fields, as [`person_values`] writes them, of every stored person whose
    /// fingerprint is not in the database.
    unprinted: String,
    select: String,
    insert: String,
    /// [`PeopleSql::insert`] for [`NEW_PEOPLE_PER_STATEMENT`] people.
    insert_many: String,
    /// The history's 「新增人员」 of as many.
    added_many: String,
    /// [`HISTORY_INSERT`] for [`CHANGES_PER_STATEMENT`] changes.
    changes_many: String,
    update: String,
}

fn people_sql() -> &'static PeopleSql {
    static SQL: std::sync::OnceLock<PeopleSql> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        let columns: Vec<&str> = PERSON_FIELDS.iter().map(|(c, _)| *c).collect();
        let expr = |c: &str| match c {
            "is_leader" => "CASE is_leader WHEN 1 THEN '是' ELSE '否' END".to_string(),
            "level" | "step" => format!("CAST({c} AS TEXT)"),
            c => c.to_string(),
        };
        let n = PERSON_FIELDS.len();
        let exprs = columns.iter().map(|c| expr(c)).collect::<Vec<_>>().join(", ");
        PeopleSql {
            unprinted: format!("SELECT id, {exprs} FROM people WHERE fingerprint IS NULL"),
            select: format!("SELECT {exprs} FROM people WHERE id = ?1"),
            insert: format!(
                "INSERT INTO people (id, {}, first_import, last_import, position, fingerprint) VALUES ({})",
                columns.join(", "),
                vec!["?"; n + 5].join(", ")
            ),
            insert_many: format!(
                "INSERT INTO people (id, {}, first_import, last_import, position, fingerprint) VALUES {}",
                columns.join(", "),
                vec![format!("({})", vec!["?"; n + 5].join(", ")); NEW_PEOPLE_PER_STATEMENT].join(", ")
            ),
            changes_many: format!(
                "INSERT INTO person_history (import_id, person_id, field, old_value, new_value) VALUES {}",
                vec!["(?, ?, ?, ?, ?)"; CHANGES_PER_STATEMENT].join(", ")
            ),
            added_many: format!(
                "INSERT INTO person_history (import_id, person_id, field, old_value, new_value) VALUES {}",
                vec![format!("(?, ?, '{ADDED}', NULL, ?)"); NEW_PEOPLE_PER_STATEMENT].join(", ")
            ),
            update: format!(
                "UPDATE people SET {}, last_import = ?{}, fingerprint = ?{} WHERE id = ?1",
                columns.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 2)).collect::<Vec<_>>().join(", "),
                n + 2,
                n + 3
            ),
        }
    })
}

/// The statements an import runs once per organ, person, result or record (see the test of
/// their plans).
const ORGAN_UPSERT: &str = "INSERT INTO organs (name, level, excellent_ratio, performance_rating, supervisor, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(name) DO UPDATE SET level = excluded.level, excellent_ratio = excluded.excellent_ratio, performance_rating = excluded.performance_rating, supervisor = excluded.supervisor";
const ORGAN_SLOTS_CLEAR: &str = "DELETE FROM organ_slots WHERE organ = ?1";
const ORGAN_SLOT_INSERT: &str = "INSERT INTO organ_slots (organ, pool, approved) VALUES (?1, ?2, ?3)";
const RESULT_UPSERT: &str =
    "INSERT INTO annual_results (person_id, year, code) VALUES (?1, ?2, ?3) ON CONFLICT(person_id, year) DO UPDATE SET code = excluded.code";
const RESTRICTION_UPSERT: &str = "INSERT INTO restrictions (person_id, kind, date, end_date) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(person_id, kind, date) DO UPDATE SET end_date = excluded.end_date";
const REGULAR_UPSERT: &str = "INSERT INTO regular_results (person_id, year, period, grade, score) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(person_id, year, period) DO UPDATE SET grade = excluded.grade, score = excluded.score";
const ANNUAL_UPSERT: &str = "INSERT INTO annual_inputs (person_id, year, virtue, ability, diligence, achievement, integrity, democratic, proposal, sick_days, personal_days, summary, training, supervisor_comment)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT(person_id, year) DO UPDATE SET virtue = excluded.virtue, ability = excluded.ability, diligence = excluded.diligence,
            achievement = excluded.achievement, integrity = excluded.integrity, democratic = excluded.democratic, proposal = excluded.proposal,
            sick_days = excluded.sick_days, personal_days = excluded.personal_days, summary = excluded.summary, training = excluded.training,
            supervisor_comment = excluded.supervisor_comment";
/// The history's entry for a person an import added (the shell's timeline reads it).
const ADDED: &str = "新增人员";
const FINGERPRINT_SET: &str = "UPDATE people SET fingerprint = ?2 WHERE id = ?1";
const HISTORY_INSERT: &str = "INSERT INTO person_history (import_id, person_id, field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5)";

impl<'t, 'p> PeopleWriter<'t, 'p> {
    fn new(tx: &'t Transaction, import_id: i64) -> Result<PeopleWriter<'t, 'p>, StoreError> {
        let sql = people_sql();
        let next_position = tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM people", [], |r| r.get(0))?;
        Ok(PeopleWriter {
            select: tx.prepare_cached(&sql.select)?,
            insert: tx.prepare_cached(&sql.insert)?,
            update: tx.prepare_cached(&sql.update)?,
            print: tx.prepare_cached(FINGERPRINT_SET)?,
            history: tx.prepare_cached(HISTORY_INSERT)?,
            new: Vec::with_capacity(NEW_PEOPLE_PER_STATEMENT),
            insert_many: tx.prepare_cached(&sql.insert_many)?,
            added_many: tx.prepare_cached(&sql.added_many)?,
            changes: Vec::with_capacity(CHANGES_PER_STATEMENT),
            changes_many: tx.prepare_cached(&sql.changes_many)?,
            next_position,
            import_id,
        })
    }

    /// Writes `p` (the fingerprint of whose fields is `print`, when computed already), stored as
    /// `stored` (`None`: a new person), whose stored fields the plan read as `fields` when it
    /// found them changed.
    fn upsert(&mut self, p: &'p Person, print: Option<u64>, stored: Option<&StoredPerson>, fields: Option<&Vec<Option<String>>>) -> Result<Upsert, StoreError> {
        // The fields as text only when they are compared or written (an unchanged person whose
        // fingerprint came computed costs nothing more).
        let mut values = None;
        let print = match print {
            Some(print) => print,
            None => person_fingerprint(values.insert(person_values(p))),
        };
        if let Some(s) = stored.filter(|s| s.fingerprint == print) {
            if !s.fingerprint_stored {
                self.print.execute(params![p.id, print as i64])?;
            }
            return Ok(Upsert::Unchanged);
        }
        let new = values.unwrap_or_else(|| person_values(p));
        let n = PERSON_FIELDS.len();
        // A changed person's fields as stored, for the history (and a person that is not found
        // after all is new).
        let old: Option<std::borrow::Cow<'_, Vec<Option<String>>>> = match (stored, fields) {
            (Some(_), Some(fields)) => Some(std::borrow::Cow::Borrowed(fields)),
            (Some(_), None) => {
                self.select.query_row([&p.id], |r| (0..n).map(|i| r.get::<_, Option<String>>(i)).collect()).optional()?.map(std::borrow::Cow::Owned)
            }
            (None, _) => None,
        };
        if let Some(old) = &old {
            if (0..n).all(|i| old[i].as_deref() == text_of(&new[i])) {
                // Equal fields under another fingerprint: the stored one was wrong.
                self.print.execute(params![p.id, print as i64])?;
                return Ok(Upsert::Unchanged);
            }
        }
        let position = self.next_position;
        let print = print as i64;
        if old.is_none() {
            self.new.push((p, new, position, print));
            self.next_position += 1;
            if self.new.len() == NEW_PEOPLE_PER_STATEMENT {
                self.write_new()?;
            }
            return Ok(Upsert::New);
        }
        let values: Vec<&dyn rusqlite::ToSql> = std::iter::once(&p.id as &dyn rusqlite::ToSql)
            .chain(
                new.iter()
                    .enumerate()
                    .map(|(i, v)| if PERSON_FIELDS[i].0 == "is_leader" { &p.is_leader as &dyn rusqlite::ToSql } else { v as &dyn rusqlite::ToSql }),
            )
            .chain(std::iter::once(&self.import_id as &dyn rusqlite::ToSql))
            .chain(old.is_none().then_some(&position as &dyn rusqlite::ToSql))
            .chain(std::iter::once(&print as &dyn rusqlite::ToSql))
            .collect();
        self.update.execute(values.as_slice())?;
        let old = old.unwrap_or_default();
        for i in (0..n).filter(|&i| old[i].as_deref() != text_of(&new[i])) {
            self.changes.push((p.id.as_str(), PERSON_FIELDS[i].1, old[i].clone(), text_of(&new[i]).map(str::to_string)));
            if self.changes.len() == CHANGES_PER_STATEMENT {
                self.write_changes()?;
            }
        }
        Ok(Upsert::Updated)
    }

    /// Writes the changes of fields waiting to the history: a full set by one statement, fewer
    /// (the last of an import) one by one.
    fn write_changes(&mut self) -> Result<(), StoreError> {
        use rusqlite::ToSql;
        let import_id = self.import_id;
        if self.changes.len() == CHANGES_PER_STATEMENT {
            let values: Vec<&dyn ToSql> = self.changes.iter().flat_map(|(id, field, old, new)| [&import_id as &dyn ToSql, id, field, old, new]).collect();
            self.changes_many.execute(values.as_slice())?;
        } else {
            for (id, field, old, new) in &self.changes {
                self.history.execute(params![import_id, id, field, old, new])?;
            }
        }
        self.changes.clear();
        Ok(())
    }

    /// Writes the new people waiting, each with its 「新增人员」 in the history: a full set by
    /// one statement, fewer (the last of an import) one by one.
    fn write_new(&mut self) -> Result<(), StoreError> {
        use rusqlite::ToSql;
        let new = std::mem::take(&mut self.new);
        let import_id = self.import_id;
        let row = new_person_row;
        if new.len() == NEW_PEOPLE_PER_STATEMENT {
            let mut values: Vec<&dyn ToSql> = Vec::with_capacity(NEW_PEOPLE_PER_STATEMENT * (PERSON_FIELDS.len() + 5));
            for person in &new {
                row(person, &import_id, &mut values);
            }
            self.insert_many.execute(values.as_slice())?;
            let added: Vec<&dyn ToSql> = new.iter().flat_map(|(p, ..)| [&import_id as &dyn ToSql, &p.id, &p.name]).collect();
            self.added_many.execute(added.as_slice())?;
        } else {
            for person in &new {
                let mut values: Vec<&dyn ToSql> = Vec::with_capacity(PERSON_FIELDS.len() + 5);
                row(person, &import_id, &mut values);
                self.insert.execute(values.as_slice())?;
                self.history.execute(params![import_id, person.0.id, ADDED, None::<String>, person.0.name])?;
            }
        }
        self.new = new;
        self.new.clear();
        Ok(())
    }

    /// Writes what is still waiting.
    fn finish(mut self) -> Result<(), StoreError> {
        self.write_new()?;
        self.write_changes()
    }
}

/// Results written per statement by [`import_results`] (SQLite runs one statement of many rows
/// faster than as many statements of one).
const RESULTS_PER_STATEMENT: usize = 50;

/// Writes the `results` that are new or changed, keeping each change in the history; `due`: the
/// plan's list of them (indices into `results`), when it was made for these results.
fn import_results(tx: &Transaction, import_id: i64, results: &[YearResult], stored: &Stored, due_planned: Option<&[usize]>) -> Result<(), StoreError> {
    let mut history = tx.prepare_cached(HISTORY_INSERT)?;
    let mut due: Vec<&YearResult> = Vec::new();
    let all: Vec<usize>;
    let indices = match due_planned {
        Some(planned) => planned,
        None => {
            all = (0..results.len()).collect();
            &all
        }
    };
    for r in indices.iter().map(|&i| &results[i]) {
        let old = stored.people.get(r.person_id.as_str()).and_then(|p| p.result(r.year));
        if old == Some(&Ok(r.result)) {
            continue;
        }
        due.push(r);
        if let Some(old) = old {
            let old = match old {
                Ok(c) => Some(c.label()),
                Err(raw) => ResultCode::parse(raw).map(ResultCode::label),
            };
            history.execute(params![import_id, r.person_id, format!("{}年度考核", r.year), old, r.result.label()])?;
        }
    }
    // In the roster's order, as one statement each would write them (a later row of the same
    // person and year replaces an earlier one).
    let mut many = tx.prepare_cached(&results_upsert(RESULTS_PER_STATEMENT))?;
    let mut chunks = due.chunks_exact(RESULTS_PER_STATEMENT);
    for chunk in &mut chunks {
        let values: Vec<(&str, i32, &str)> = chunk.iter().map(|r| (r.person_id.as_str(), r.year, r.result.code())).collect();
        let params: Vec<&dyn rusqlite::ToSql> =
            values.iter().flat_map(|(id, year, code)| [id as &dyn rusqlite::ToSql, year as &dyn rusqlite::ToSql, code as &dyn rusqlite::ToSql]).collect();
        many.execute(params.as_slice())?;
    }
    let mut one = tx.prepare_cached(RESULT_UPSERT)?;
    for r in chunks.remainder() {
        one.execute(params![r.person_id, r.year, r.result.code()])?;
    }
    Ok(())
}

/// [`RESULT_UPSERT`] for `rows` results at once.
fn results_upsert(rows: usize) -> String {
    let values: Vec<String> = (0..rows).map(|i| format!("(?{}, ?{}, ?{})", 3 * i + 1, 3 * i + 2, 3 * i + 3)).collect();
    format!("INSERT INTO annual_results (person_id, year, code) VALUES {} ON CONFLICT(person_id, year) DO UPDATE SET code = excluded.code", values.join(", "))
}

fn import_restrictions(tx: &Transaction, restrictions: &[Restriction]) -> Result<(), StoreError> {
    let mut upsert = tx.prepare_cached(RESTRICTION_UPSERT)?;
    for r in restrictions {
        upsert.execute(params![r.person_id, r.kind, Text::date(r.date), r.end.map(Text::date)])?;
    }
    Ok(())
}

fn parse_period(s: &str) -> Option<Period> {
    let n: u8 = s.get(1..)?.parse().ok()?;
    match s.chars().next()? {
        'Q' => Some(Period::Quarter(n)),
        'M' => Some(Period::Month(n)),
        _ => None,
    }
}

fn import_assessment_inputs(tx: &Transaction, roster: &Roster) -> Result<(), StoreError> {
    let mut regular = tx.prepare_cached(REGULAR_UPSERT)?;
    for r in &roster.regular {
        regular.execute(params![r.person_id, r.year, r.period.code(), r.grade.map(RegularGrade::name), r.score])?;
    }
    let mut annual = tx.prepare_cached(ANNUAL_UPSERT)?;
    for a in &roster.annual_inputs {
        let [virtue, ability, diligence, achievement, integrity] = a.dimensions;
        annual.execute(params![
            a.person_id,
            a.year,
            virtue,
            ability,
            diligence,
            achievement,
            integrity,
            a.democratic,
            a.proposal.map(Grade::name),
            a.sick_days,
            a.personal_days,
            a.summary,
            a.training,
            a.supervisor_comment
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An import's cost grows with the roster, not with its square: every statement it runs
    /// per organ, person, result or record finds its row through the primary key. SQLite's
    /// plan of each says so (a SCAN of a table per row made a 100,000-person import quadratic).
    #[test]
    fn every_statement_an_import_runs_per_row_uses_a_key() {
        let store = Store::open(Path::new(":memory:")).expect("store");
        let sql = people_sql();
        let statements = [
            sql.select.as_str(),
            sql.insert.as_str(),
            sql.update.as_str(),
            FINGERPRINT_SET,
            HISTORY_INSERT,
            ORGAN_UPSERT,
            ORGAN_SLOTS_CLEAR,
            ORGAN_SLOT_INSERT,
            RESULT_UPSERT,
            RESTRICTION_UPSERT,
            REGULAR_UPSERT,
            ANNUAL_UPSERT,
        ];
        // A per-row statement may only look a row up by key: no SCAN, and every SEARCH by
        // equality on the key's columns ("(id=?)", "(person_id=? AND year=?)").
        let by_key = |statement: &str| -> Result<(), Vec<String>> {
            let mut plan = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {statement}")).expect("plan");
            let nulls = rusqlite::params_from_iter(std::iter::repeat_n(None::<String>, plan.parameter_count()));
            let steps: Vec<String> = plan.query_map(nulls, |r| r.get::<_, String>(3)).expect("rows").map(|r| r.expect("row")).collect();
            let ok = steps.iter().all(|s| !s.starts_with("SCAN") && (!s.starts_with("SEARCH") || s.contains("=?)")))
                && (!statement.contains("WHERE") || steps.iter().any(|s| s.starts_with("SEARCH")));
            if ok {
                Ok(())
            } else {
                Err(steps)
            }
        };
        for statement in statements {
            if let Err(steps) = by_key(statement) {
                panic!("{statement}\n→ {steps:?}");
            }
        }
        // The statements that write many rows at once: the same look-ups, row by row, once
        // their list of values is read. SQLite's plan of an INSERT of several rows into a parent
        // table also lists a scan of each child table (the check that a new parent row settles
        // a child row's outstanding foreign-key violation), which runs only while a violation
        // is outstanding and never here (2,000 parents inserted beside 100,000 child rows
        // took no longer); the single-row INSERT has the same check and its plan omits it. So
        // these are planned with the foreign keys off.
        store.conn.pragma_update(None, "foreign_keys", false).expect("fk off");
        let results_many = results_upsert(RESULTS_PER_STATEMENT);
        for statement in [sql.insert_many.as_str(), sql.added_many.as_str(), sql.changes_many.as_str(), results_many.as_str()] {
            let mut plan = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {statement}")).expect("plan");
            let nulls = rusqlite::params_from_iter(std::iter::repeat_n(None::<String>, plan.parameter_count()));
            let steps: Vec<String> = plan.query_map(nulls, |r| r.get::<_, String>(3)).expect("rows").map(|r| r.expect("row")).collect();
            let rows = |s: &&String| s.ends_with("-ROW VALUES CLAUSE") || s.ends_with("CONSTANT ROWS");
            let ok = steps.iter().filter(|s| !rows(s)).all(|s| !s.starts_with("SCAN") && (!s.starts_with("SEARCH") || s.contains("=?)")));
            assert!(ok, "{statement}\n→ {steps:?}");
        }
        // The statement that gave each new person a place read a whole index every time.
        assert!(by_key("SELECT coalesce(max(position), 0) + 1 FROM people").is_err());
    }

    /// The trigger that sets a person's fingerprint to NULL when their fields change without it
    /// watches every field the fingerprint stands for, and the fingerprint stands for every
    /// column of a person but their ID and the import's own bookkeeping.
    #[test]
    fn the_fingerprint_stands_for_every_field_and_its_trigger_watches_them_all() {
        let store = Store::open(Path::new(":memory:")).expect("store");
        let sql: String = store
            .conn
            .query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'people_fingerprint_follows_fields'", [], |r| r.get(0))
            .expect("trigger");
        let watched: Vec<String> =
            sql.split("UPDATE OF").nth(1).and_then(|s| s.split(" ON ").next()).expect("columns").split(',').map(|c| c.trim().to_string()).collect();
        let fields: Vec<String> = PERSON_FIELDS.iter().map(|(c, _)| c.to_string()).collect();
        assert_eq!(watched, fields);
        let mut stmt = store.conn.prepare("SELECT name FROM pragma_table_info('people') ORDER BY cid").expect("columns");
        let mut columns: Vec<String> = stmt.query_map([], |r| r.get(0)).expect("rows").map(|r| r.expect("row")).collect();
        columns.retain(|c| !["id", "position", "first_import", "last_import", "fingerprint"].contains(&c.as_str()));
        columns.sort();
        let mut sorted = fields;
        sorted.sort();
        assert_eq!(columns, sorted);
    }

    /// The fields are written as chrono and `to_string` would write them (the fingerprints of
    /// databases written before depend on it): dates as `%Y-%m-%d`, also outside the years
    /// 0–9999, numbers in decimal.
    #[test]
    fn dates_and_numbers_are_written_as_chrono_and_to_string_write_them() {
        for (y, m, d) in [(2025, 10, 1), (1949, 12, 31), (1, 1, 1), (0, 2, 29), (9999, 12, 31), (10_000, 1, 1), (-1, 3, 5)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("date");
            assert_eq!(Text::date(date).as_str(), date.format("%Y-%m-%d").to_string());
        }
        for n in [0, 7, 10, 24, 4_294_967_295] {
            assert_eq!(Text::number(n).as_str(), n.to_string());
        }
    }

    /// A stored person is found by the ID as text whether it is held in place or not, and the
    /// key hashes as the text does (the map looks up by `&str`).
    #[test]
    fn an_id_key_is_found_by_its_text() {
        let long = "这不是身份证号，而是一段很长的文字".repeat(2);
        let ids = ["11010519491231002X", "110105491231002", "", long.as_str()];
        let mut map: FastMap<IdKey, usize> = FastMap::default();
        for (i, id) in ids.iter().enumerate() {
            map.insert(IdKey::new(id), i);
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(map.get(*id), Some(&i), "{id}");
            assert_eq!(IdKey::new(id).as_str(), *id);
        }
        assert!(matches!(IdKey::new(&long), IdKey::Heap(_)));
        assert_eq!(map.get("11010519491231002x"), None);
    }

    #[test]
    fn every_connection_distrusts_the_schema_and_is_defensive() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("kaohe.db")).expect("open");
        let trusted: bool = store.conn.pragma_query_value(None, "trusted_schema", |r| r.get(0)).expect("pragma");
        let defensive = store.conn.db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE).expect("db config");
        assert_eq!((trusted, defensive), (false, true));
        // Defensive: the schema cannot be edited by hand.
        let e = store.conn.execute_batch("PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'x' WHERE name = 'people'");
        assert!(e.is_err(), "sqlite_master written");
    }
}
