//! The embedded database: one SQLite file holding the roster across imports and years.
//!
//! Opening a database migrates it forward ([`migrations`]); a database written by a newer Kaohe,
//! or a SQLite file that is not Kaohe's, is refused with a clear message. An import is one
//! transaction: all of it or none. Every field an import changes is kept in `person_history`.
//!
//! Here: the store itself (opening, the error type). By stage, each file owning one: `import`
//! (the plan and the import, column mappings), `stored` (the database as an import reads it),
//! `write` (the import's writes), `fields` (a person's stored fields and their fingerprint),
//! `roster` (the roster read back, a person's history), `decisions` (the committee's decisions
//! and the year's log), `settings` (settings, backup, restore), `password`, `people` (the 人员 grid's
//! pages), `operations` (the 操作日志), `kinds` (the logs' closed sets), `conflicts` (an ID under another
//! name), `rank_records` (the ranks each person held, 职级变动), `migrations`, `known_schema`,
//! `connection`. The committee's operations with their checks
//! are kaohe-desk's `committee`, on top of `decisions`.

mod audit;
mod conflicts;
mod connection;
mod decisions;
mod error_code;
mod fields;
mod import;
mod kinds;
mod known_schema;
pub mod migrations;
pub mod operations;
mod organs;
mod packages;
pub mod password;
mod people;
mod rank_records;
mod roster;
pub mod settings;
mod shared_pools;
mod stored;
mod timeline;
mod write;

pub use audit::{Mark, MarkSubject};
pub use conflicts::{Confirmations, NameConflict};
pub use decisions::LogEntry;
pub use error_code::ErrorCode;
pub use import::{read_ahead, FieldChange, ImportPlan, ImportSummary, MissingPerson, Move, NewPerson, PersonChanges};
pub use kinds::{LogAction, OperationKind};
pub use organs::{ListedOrgan, OrgansAdded};
pub use packages::{Incoming, StoredPackage};
pub use password::{Encryption, Password};
pub use people::{
    pinyin_key, GradeFilter, PeopleFilters, PeoplePage, PeopleQuery, PeopleRow, PeopleSort, PeopleSortKey,
};
pub use roster::{result_field, Change, ADDED};
pub use shared_pools::{SharedPool, SHARED_POOLS};
pub use timeline::{timeline, TimelineEntry, TimelineKind};

use chrono::NaiveDate;
use kaohe_engine::assessment::Decisions;
use kaohe_engine::fast_hash::FastMap;
use kaohe_engine::{
    AnnualInput, Grade, Organ, Period, Person, RankRecord, RegularGrade, RegularRecord, Restriction, ResultCode,
    Roster, YearResult,
};
use kaohe_workbook::RosterRead;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use migrations::SCHEMA_VERSION;

// What the modules share, for `use super::*` in each.
use fields::*;
use import::PlanKey;
use rank_records::*;
use stored::*;
use write::*;

/// SQLite `application_id` that marks a Kaohe database ("KAOH").
pub(crate) const APPLICATION_ID: i32 = 0x4B41_4F48;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("数据库操作失败：{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("无法创建数据库所在文件夹「{path}」：{source}")]
    Folder { path: String, source: std::io::Error },
    #[error(
        "数据库「{path}」由更新版本的考核软件创建（结构版本 {found}，本软件支持到 {supported}），请升级软件后再打开"
    )]
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
    #[error(
        "已接收过{organ}{year}年度的上报文件「{file}」；确认用新文件替换后才会接收（两份都会保留，并记入操作日志）"
    )]
    PackageExists { organ: String, year: i32, file: String },
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
    #[error("所辖单位名单中没有「{organ}」")]
    OrganNotListed { organ: String },
    #[error("「{organ}」有 {people} 名人员，不能从所辖单位名单中删除；请先在名册中把这些人员调往其他单位")]
    OrganInUse { organ: String, people: u64 },
    #[error("「{organ}」属于统筹职数「{group}」，不能从所辖单位名单中删除；请先把它从该统筹中去掉")]
    OrganShared { organ: String, group: String },
    #[error("「{organ}」已在{pool}的统筹职数「{other}」中，一个单位的同一职数池只能参加一个统筹")]
    SharedPoolTaken { organ: String, pool: String, other: String },
    #[error("没有名为「{name}」的统筹职数")]
    SharedPoolMissing { name: String },
}

impl From<kaohe_files::FileError> for StoreError {
    fn from(e: kaohe_files::FileError) -> StoreError {
        StoreError::Write { message: e.detail(), path: e.path }
    }
}

impl StoreError {
    /// What kind of failure, the same on the command line (docs/cli.md) and in the app.
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::TooNew { .. } => ErrorCode::DatabaseTooNew,
            StoreError::NotKaohe { .. } => ErrorCode::NotAKaoheDatabase,
            StoreError::ReadOnly { .. } | StoreError::OldReadOnly { .. } => ErrorCode::DatabaseReadOnly,
            StoreError::Locked { .. } => ErrorCode::YearLocked,
            StoreError::NotLocked { .. } => ErrorCode::YearNotLocked,
            StoreError::UnknownPerson { .. } => ErrorCode::UnknownPerson,
            StoreError::PackageExists { .. } => ErrorCode::PackageExists,
            StoreError::MissingReason => ErrorCode::ReasonRequired,
            StoreError::Cancelled => ErrorCode::Cancelled,
            StoreError::UnsafeBackup { .. } => ErrorCode::BackupUnsafe,
            StoreError::DamagedBackup { .. } => ErrorCode::BackupDamaged,
            StoreError::PasswordRequired { .. } => ErrorCode::PasswordRequired,
            StoreError::WrongPassword { .. } => ErrorCode::WrongPassword,
            StoreError::WeakPassword(_) => ErrorCode::BadArgument,
            StoreError::OrganNotListed { .. } => ErrorCode::UnknownOrgan,
            StoreError::OrganInUse { .. } | StoreError::OrganShared { .. } => ErrorCode::OrganInUse,
            StoreError::SharedPoolTaken { .. } | StoreError::SharedPoolMissing { .. } => ErrorCode::BadArgument,
            StoreError::Sqlite(_)
            | StoreError::Folder { .. }
            | StoreError::Missing { .. }
            | StoreError::Corrupt(_)
            | StoreError::Write { .. } => ErrorCode::Database,
        }
    }
}

/// Where the database lives unless told otherwise: `KAOHE_DB`, else the platform data folder.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os("KAOHE_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("cn", "kaohe", "Kaohe")
        .map(|d| d.data_dir().join("kaohe.db"))
        .unwrap_or_else(|| PathBuf::from("kaohe.db"))
}

/// Row counts of the main tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub people: u64,
    pub organs: u64,
    pub results: u64,
    pub restrictions: u64,
}

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

/// Whether `conn` holds a Kaohe database this build can open: its `application_id` is Kaohe's
/// and its schema is not newer than [`SCHEMA_VERSION`]. An empty file (no tables, no id) passes
/// only when `empty_ok` (a new database); nothing is written. Returns the schema version found.
pub(crate) fn check_kaohe(conn: &Connection, shown: &str, empty_ok: bool) -> Result<i32, StoreError> {
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            StoreError::NotKaohe { path: shown.to_string() }
        }
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
            kaohe_files::create_folder(dir)
                .map_err(|source| StoreError::Folder { path: dir.display().to_string(), source })?;
        }
        // Kept when it is used: the file is encrypted, or a new one is created encrypted.
        let password =
            password.filter(|_| matches!(Encryption::of(path), Encryption::Encrypted | Encryption::New)).cloned();
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
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            planned: Default::default(),
            prefetched: Default::default(),
            password,
        })
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
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            planned: Default::default(),
            prefetched: Default::default(),
            password,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i32, StoreError> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Counts {
            people: count("people")?,
            organs: count("organs")?,
            results: count("annual_results")?,
            restrictions: count("restrictions")?,
        })
    }
}
