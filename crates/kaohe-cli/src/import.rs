//! `kaohe import`: a roster, or with `--year` the national system's results template, into the
//! database — kaohe-desk's import, as the app's wizard runs it — with `--check` (nothing
//! written), `--report` (the error workbook), `--mapping` and `--confirm-rename`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use kaohe_desk::import::{self, ImportDatabase, ImportReport, ImportRequest, Mapping, Monitor};
use kaohe_desk::DeskError;
use kaohe_engine::Person;
use kaohe_store::{Store, StoreError};

use super::{assess, db_password, issues_text, profile_of, Failure, Options, Output, USAGE};

/// The database `kaohe import` writes into (or checks against), opened on the read's second
/// thread when it exists. A check against a database that does not exist yet plans against an
/// empty one in memory, so that checking writes nothing, not even a new file; an import creates
/// the file only once the roster is read.
struct Target {
    path: PathBuf,
    check: bool,
    opened: Mutex<Option<Result<Store, StoreError>>>,
}

impl Target {
    fn open(&self) -> Result<Store, StoreError> {
        match (self.check, self.path.exists()) {
            (true, false) => Store::open(Path::new(":memory:")),
            (true, true) => Store::open_read_only_with(&self.path, db_password().as_ref()),
            (false, _) => Store::open_with(&self.path, db_password().as_ref()),
        }
    }

    /// Runs `f` on the database, opening it first if the read ahead did not.
    fn with<T>(&self, f: impl FnOnce(&Store) -> Result<T, StoreError>) -> Result<T, DeskError> {
        let mut opened = self.opened.lock().map_err(|_| DeskError::Unavailable {
            code: kaohe_store::ErrorCode::Database,
            message: "数据库在一次失败的读取后不可用，请重新运行命令".to_string(),
        })?;
        let store = match opened.take() {
            Some(store) => store?,
            None => self.open()?,
        };
        let done = f(&store);
        *opened = Some(Ok(store));
        Ok(done?)
    }

    /// The database, opened ahead or now.
    fn take(&self) -> Result<Store, Failure> {
        match self.opened.lock().ok().and_then(|mut opened| opened.take()) {
            Some(store) => Ok(store?),
            None => Ok(self.open()?),
        }
    }
}

impl ImportDatabase for Target {
    /// Only an existing database can hold a saved mapping; none is created just to look.
    fn saved_mapping(&self, signature: &str) -> Result<Option<Mapping>, DeskError> {
        match self.path.exists() {
            true => self.with(|store| store.mapping_for(signature)),
            false => Ok(None),
        }
    }

    fn people(&self) -> Result<Vec<Person>, DeskError> {
        self.with(|store| Ok(store.load_roster()?.people))
    }

    fn read_ahead(&self) {
        if !self.path.exists() {
            return;
        }
        let opened = self.open().map(|mut store| {
            let _ = store.prefetch();
            store
        });
        if let Ok(mut slot) = self.opened.lock() {
            *slot = Some(opened);
        }
    }
}

/// A refusal of the import: a file that cannot be read (or holds nothing to import) ends with
/// status 2, as in docs/cli.md; the national template read without `--year` says how to give it.
fn refused(e: DeskError) -> Failure {
    match e {
        DeskError::Workbook(e) => e.into(),
        e @ DeskError::NeedsYear { .. } => Failure::new(e.code().name(), format!("{e}（用 --year YYYY 指明）"), 2),
        e @ DeskError::NothingReadable(_) => Failure::new(e.code().name(), e.to_string(), 2),
        e => e.into(),
    }
}

pub(super) fn run(o: &Options) -> Result<Output, Failure> {
    let [file] = o.positional.as_slice() else {
        return Err(Failure::new("bad_argument", format!("import 需要一个名册文件\n{USAGE}"), 1));
    };
    let profile = profile_of(o)?;
    let request = ImportRequest {
        path: file.clone(),
        sheet: o.sheet.clone(),
        header_row: None,
        mapping: o.mapping.as_deref().map(read_mapping).transpose()?,
        year: o.year.as_deref().map(assess::year_text).transpose()?,
        confirm_renames: o.renames.clone(),
    };
    let db = o.db.clone().unwrap_or_else(kaohe_store::default_db_path);
    let target = Target { path: db.clone(), check: o.check, opened: Mutex::new(None) };
    let monitor = Monitor::silent();
    let mut read = import::read(&target, &profile, &request, &monitor).map_err(refused)?;
    let mut store = target.take()?;
    let plan = import::plan(&store, &mut read, &monitor)?;
    let mut notes = String::new();
    if let Some(report) = &o.report {
        import::error_report(&read, report).map_err(refused)?;
        let _ = writeln!(notes, "已写出问题清单：{}（在原表中标出了问题单元格，未导入的行另列一表）", report.display());
    }
    if let Some(nothing) = read.nothing_readable() {
        return Err(refused(nothing));
    }
    let report = match o.check {
        true => import::report(read, plan, &db),
        false => import::apply(&mut store, read, plan, Some(&assess::operator(o)), &monitor)?,
    };
    let stdout = match o.json {
        true => {
            format!("{:#}\n", serde_json::to_value(&report).map_err(|e| Failure::new("internal", e.to_string(), 1))?)
        }
        false if report.year.is_some() => national_text(&report),
        false => import_text(&report),
    };
    Ok(Output { status: 0, stdout, stderr: notes })
}

/// `import` of a roster in words.
fn import_text(r: &ImportReport) -> String {
    let (plan, file) = (&r.changes, &r.file);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "读取「{file}」的工作表「{}」（表头在第{}行）：{} 行人员数据，其中 {} 行有错误未能读取。",
        r.sheet, r.header_row, r.rows_read, r.skipped
    );
    if r.mapping_reused {
        let _ = writeln!(s, "按上次确认的列对应读取（表头与上次导入的名册相同）。");
    }
    let _ = writeln!(
        s,
        "变化：新增 {} 人，信息变更 {} 人（调动单位 {}，职级变化 {}，职位类别变化 {}），未变 {} 人；数据库中有 {} 人不在本名册中；新的或变化的年度考核结果 {} 条。",
        plan.new.len(),
        plan.updated.len(),
        plan.moved.len(),
        plan.rank_changed.len(),
        plan.category_changed.len(),
        plan.unchanged,
        plan.missing.len(),
        plan.results
    );
    if r.rank_records > 0 {
        let _ = writeln!(
            s,
            "职级变动：读取 {} 条，需写入 {} 条（同样的记录不再写入）{}。",
            r.rank_records,
            plan.rank_records,
            match plan.rank_records_replaced.len() {
                0 => String::new(),
                n => format!("；其中 {n} 人的职级变动与数据库中的不同，将以本名册为准整体替换"),
            }
        );
        for m in &plan.rank_records_replaced {
            let _ = writeln!(s, "  {}（{}）：{} 改为 {}", m.name, m.id, m.from, m.to);
        }
    }
    let held = plan.name_conflicts.iter().filter(|c| !c.confirmed).count();
    if held > 0 {
        let _ = writeln!(
            s,
            "同一身份证号在数据库中是另一个姓名的有 {held} 人，这些行不导入（见下方问题）；如确属改名，请加 --confirm-rename 身份证号（多个用逗号分隔）重新导入。"
        );
    }
    match &r.applied {
        None => {
            let _ = writeln!(s, "这是检查结果，数据库未作任何修改；确认无误后去掉 --check 再导入。");
        }
        Some(a) => {
            let _ = writeln!(
                s,
                "已导入到数据库 {}：人员 {} 人（新增 {}，更新 {}，未变 {}），单位 {} 个，年度考核 {} 条，处分及处理 {} 条。",
                r.database,
                a.people,
                a.new_people,
                a.updated_people,
                a.unchanged_people,
                a.organs,
                a.results,
                a.restrictions
            );
        }
    }
    s.push_str(&issues_text(&r.issues, r.issues_beyond));
    s
}

/// `import --year` (the national results template) in words.
fn national_text(r: &ImportReport) -> String {
    let verb = if r.checked_only { "可以导入（检查，未写入）" } else { "已导入" };
    format!(
        "「{}」{}年度考核结果：共 {} 行，{verb} {} 人。\n{}",
        r.file,
        r.year.unwrap_or_default(),
        r.rows_read,
        r.importable,
        issues_text(&r.issues, r.issues_beyond)
    )
}

/// Reads a mapping file: `[columns]` with column letters or headers as keys and canonical fields
/// (or "" to ignore a column, `年度考核:YYYY` for a year's results) as values.
fn read_mapping(path: &Path) -> Result<Mapping, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::new("bad_argument", format!("无法读取列对应文件「{}」：{e}", path.display()), 1))?;
    parse_mapping(&text)
        .map_err(|why| Failure::new("bad_argument", format!("列对应文件「{}」{why}", path.display()), 1))
}

/// A column mapping file's text (`[columns]`, header = field): the mapping, or what is wrong
/// with it in words that follow the file's name.
pub fn parse_mapping(text: &str) -> Result<Mapping, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| format!("格式有误：{e}"))?;
    let columns = table.get("columns").and_then(|c| c.as_table()).ok_or("缺少 [columns] 表")?;
    columns
        .iter()
        .map(|(k, v)| {
            v.as_str().map(|v| (k.clone(), v.to_string())).ok_or_else(|| format!("中「{k}」的取值应为文字（字段名）"))
        })
        .collect()
}
