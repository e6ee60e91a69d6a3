//! 导入: the import wizard's commands. The clerk picks a roster (native dialog, or dropped on the
//! window), the wizard shows how it would be read ([`AppState::import_layout`]: sheet, header
//! row, each column's field with its confidence, a mapping saved for the same headers), the clerk
//! corrects it, checks it ([`AppState::import_check`]: the issues, the cells of their rows and the
//! planned changes, nothing written) and applies it ([`AppState::import_apply`]: one transaction;
//! the confirmed mapping saved by header signature). Check and apply run off the main thread,
//! report progress through a [`Channel`] and stop on [`import_cancel`], the database untouched.
//! The national system's results template (no ID numbers) is imported for a year, as
//! `kaohe import --year`. Everything is read by kaohe-workbook and written by kaohe-store.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use kaohe_store::ImportPlan;
use kaohe_workbook::national::{looks_national, read_national_results};
use kaohe_workbook::{
    people_columns, Issue, MappedColumn, PeopleColumns, ReadOptions, ReadProgress, RosterRead, Severity, WorkbookError,
    PEOPLE_COLUMNS, PEOPLE_REQUIRED, PEOPLE_TEMPLATE_ORDER,
};
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::{AppHandle, DragDropEvent, Manager, State};

use crate::dialogs;
use crate::error::{CommandError, ErrorCode};
use crate::state::AppState;
use kaohe_desk::check_year;

/// At most this many rows' cells come with a check (the rows named by issues, first first).
const ROW_CELLS_LIMIT: usize = 2000;

/// What to read: the file and the clerk's choices so far. `None`: as the reader finds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ts_rs::TS)]
pub struct ImportRequest {
    pub path: String,
    pub sheet: Option<String>,
    /// The spreadsheet row number of the header.
    pub header_row: Option<u32>,
    /// Column letter (or header) → field, `""` for 不导入, `年度考核:YYYY` for a year's results.
    /// Saved for rosters with the same headers when the import is applied.
    pub mapping: Option<BTreeMap<String, String>>,
    /// The year of the national system's results template (`kaohe import --year`).
    pub year: Option<i32>,
    /// IDs the database holds under another name that the clerk confirmed as a change of name
    /// (`kaohe import --confirm-rename`): imported, the old name kept in the history. Any other
    /// such row is held back.
    #[serde(default)]
    pub confirm_renames: Vec<String>,
}

/// A field the mapping may choose for a column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FieldChoice {
    pub name: String,
    pub required: bool,
}

/// `import_layout`: how the file would be read.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ImportLayout {
    pub path: String,
    pub file_name: String,
    pub sheets: Vec<String>,
    /// The people sheet (the proposed one unless the clerk chose).
    pub sheet: String,
    pub header_row: u32,
    pub columns: Vec<MappedColumn>,
    /// Required fields no column is read as: the check waits until they are mapped.
    pub missing: Vec<String>,
    /// The mapping comes from an earlier import of a roster with the same headers.
    pub mapping_reused: bool,
    /// Data rows under the header (blank rows included), for the progress bar.
    pub rows: u32,
    /// The file is the national system's results template: it needs a year, not a mapping.
    pub national: bool,
    /// The people fields, in the template's order.
    pub fields: Vec<FieldChoice>,
}

/// One cell of a row named by an issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RowCell {
    pub column: String,
    pub header: String,
    pub value: String,
}

/// The cells of one row of the people sheet (to show beside its issues).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SheetRow {
    pub row: u32,
    pub cells: Vec<RowCell>,
}

/// `import_check`: what the import would do; nothing is written.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ImportCheck {
    pub file_name: String,
    pub sheet: String,
    pub header_row: u32,
    /// Set for the national results template.
    pub year: Option<i32>,
    /// Non-blank data rows.
    pub rows_read: u32,
    /// People that would be imported (for the national template: results matched to people).
    pub importable: usize,
    /// Rows of the people sheet not imported because of an error.
    pub skipped_rows: usize,
    pub errors: usize,
    pub warnings: usize,
    pub organs: usize,
    pub results: usize,
    pub restrictions: usize,
    pub mapping: Vec<MappedColumn>,
    pub issues: Vec<Issue>,
    /// The cells of the people sheet's rows named by issues.
    pub rows: Vec<SheetRow>,
    pub changes: ImportPlan,
}

/// `import_apply`: what the import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportApplied {
    pub file_name: String,
    pub year: Option<i32>,
    pub people: u64,
    pub new_people: u64,
    pub updated_people: u64,
    pub unchanged_people: u64,
    pub organs: u64,
    pub results: u64,
    pub restrictions: u64,
    pub skipped_rows: usize,
    pub errors: usize,
    pub warnings: usize,
    /// The mapping was saved for rosters with the same headers.
    pub mapping_saved: bool,
    /// People held back: the database has their ID under another name, not confirmed as a
    /// change of name; nothing of theirs was written.
    pub held_back: u64,
    /// Confirmed changes of name imported (the old name kept in the history).
    pub renamed: u64,
}

/// Which part of the work the progress is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ImportPhase")]
pub enum Phase {
    /// Reading the file (rows of the people sheet).
    Read,
    /// Comparing with the database.
    Plan,
    /// Writing into the database (people).
    Write,
}

/// Sent on the progress channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportProgress {
    pub phase: Phase,
    pub done: u64,
    pub total: u64,
}

/// How a running check or apply reports and learns it is cancelled.
#[derive(Clone)]
pub struct Monitor {
    cancel: Arc<AtomicBool>,
    report: Arc<dyn Fn(ImportProgress) + Send + Sync>,
}

impl Monitor {
    pub fn new(cancel: Arc<AtomicBool>, report: impl Fn(ImportProgress) + Send + Sync + 'static) -> Monitor {
        Monitor { cancel, report: Arc::new(report) }
    }

    /// Reports; `false` when the clerk cancelled.
    fn tell(&self, phase: Phase, done: u64, total: u64) -> bool {
        (self.report)(ImportProgress { phase, done, total });
        !self.cancel.load(Ordering::SeqCst)
    }

    fn check(&self) -> Result<(), CommandError> {
        if self.cancel.load(Ordering::SeqCst) {
            Err(cancelled())
        } else {
            Ok(())
        }
    }

    fn read_progress(&self) -> ReadProgress {
        let me = self.clone();
        ReadProgress(Arc::new(move |done, total| me.tell(Phase::Read, u64::from(done), u64::from(total))))
    }
}

fn cancelled() -> CommandError {
    CommandError::new(ErrorCode::Cancelled, "已取消导入，数据库未作任何修改")
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

fn options(request: &ImportRequest, progress: Option<ReadProgress>) -> ReadOptions {
    ReadOptions {
        sheet: request.sheet.clone().filter(|s| !s.is_empty()),
        today: None,
        mapping: request.mapping.clone(),
        header_row: request.header_row.filter(|r| *r > 0),
        progress,
    }
}

/// The changes of name the clerk confirmed, the IDs written as the reader keys them.
fn confirmations(request: &ImportRequest) -> kaohe_store::Confirmations {
    let renames = request
        .confirm_renames
        .iter()
        .map(|id| kaohe_engine::id_number::normalize(id))
        .filter(|id| !id.is_empty())
        .collect();
    kaohe_store::Confirmations { renames }
}

fn path_of(request: &ImportRequest) -> Result<PathBuf, CommandError> {
    match request.path.trim() {
        "" => Err(CommandError::new(ErrorCode::BadArgument, "请先选择要导入的名册文件")),
        p => Ok(PathBuf::from(p)),
    }
}

/// The people fields a column may be read as.
fn field_choices() -> Vec<FieldChoice> {
    let required = &PEOPLE_COLUMNS[..PEOPLE_REQUIRED];
    PEOPLE_TEMPLATE_ORDER
        .iter()
        .map(|f| FieldChoice { name: (*f).to_owned(), required: required.contains(f) })
        .collect()
}

/// The mapping to save: every column by its header (by its letter where a header repeats), so it
/// applies to rosters with the same headers even when the table starts in another column.
fn mapping_to_save(columns: &[MappedColumn]) -> BTreeMap<String, String> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for c in columns {
        *seen.entry(c.header.as_str()).or_default() += 1;
    }
    columns
        .iter()
        .map(|c| {
            let key = if seen[c.header.as_str()] == 1 { c.header.clone() } else { c.column.clone() };
            (key, c.field.clone().unwrap_or_default())
        })
        .collect()
}

/// The cells of the sheet's rows named by issues (at most [`ROW_CELLS_LIMIT`] rows).
fn issue_rows(path: &Path, read: &RosterRead) -> Vec<SheetRow> {
    let wanted: BTreeSet<u32> = read
        .issues
        .iter()
        .filter(|i| i.sheet == read.sheet)
        .filter_map(|i| i.row)
        .filter(|r| *r > read.header_row)
        .take(ROW_CELLS_LIMIT)
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let Ok(mut book) = kaohe_workbook::source::open(path) else { return Vec::new() };
    let Ok(range) = book.range(&read.sheet) else { return Vec::new() };
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let headers: HashMap<&str, &str> = read.mapping.iter().map(|m| (m.column.as_str(), m.header.as_str())).collect();
    let header_cells: Vec<String> = range
        .rows()
        .nth(read.header_row.saturating_sub(row0 + 1) as usize)
        .map(|r| r.iter().map(kaohe_workbook::cell_display).collect())
        .unwrap_or_default();
    wanted
        .into_iter()
        .filter_map(|row| {
            let cells = range.rows().nth(row.checked_sub(row0 + 1)? as usize)?;
            let cells = cells
                .iter()
                .enumerate()
                .map(|(j, v)| {
                    let column = kaohe_workbook::column_letter(col0 + j as u32);
                    let header = headers
                        .get(column.as_str())
                        .map(|h| (*h).to_owned())
                        .or_else(|| header_cells.get(j).cloned())
                        .unwrap_or_default();
                    RowCell { column, header, value: kaohe_workbook::cell_display(v) }
                })
                .filter(|c| !c.header.trim().is_empty() || !c.value.trim().is_empty())
                .collect();
            Some(SheetRow { row, cells })
        })
        .collect()
}

/// Rows of the people sheet with an error (not imported).
fn skipped_rows(read: &RosterRead) -> usize {
    // Past the cap the issues do not name every row: the rows read less the people read.
    if read.issues_beyond.errors > 0 {
        return (read.rows_read as usize).saturating_sub(read.roster.people.len());
    }
    read.issues
        .iter()
        .filter(|i| i.severity == Severity::Error && i.sheet == read.sheet)
        .filter_map(|i| i.row)
        .collect::<BTreeSet<_>>()
        .len()
}

impl AppState {
    /// How the file would be read with the clerk's choices so far. With no mapping given, one
    /// saved for the same headers is applied. When no sheet looks like a roster, the first sheet
    /// is shown with its missing columns, so that the clerk can choose the sheet, header row and
    /// columns; the national results template is said as such.
    pub fn import_layout(&self, request: &ImportRequest) -> Result<ImportLayout, CommandError> {
        let path = path_of(request)?;
        let mut options = options(request, None);
        let found = match people_columns(&path, &options) {
            Err(WorkbookError::SheetMissing { found, .. }) if options.sheet.is_none() && !found.is_empty() => {
                options.sheet = found.first().cloned();
                people_columns(&path, &options)
            }
            Err(WorkbookError::NoHeader { .. }) if options.sheet.is_none() => {
                let first = kaohe_workbook::source::open(&path).ok().and_then(|b| b.sheet_names().first().cloned());
                options.sheet = first;
                people_columns(&path, &options)
            }
            other => other,
        };
        let mut columns: PeopleColumns = found?;
        if let (Some(row), true) = (options.header_row, columns.mapping.is_empty()) {
            return Err(CommandError::new(
                ErrorCode::BadArgument,
                format!("工作表「{}」第{row}行是空行或在表格之外，不能作为表头；请填写表头所在的行号", columns.sheet),
            ));
        }
        let national = !columns.missing.is_empty() && request.mapping.is_none() && looks_national(&path);
        let mut mapping_reused = false;
        if request.mapping.is_none() && !national {
            let saved = self.reading(|store| Ok(store.mapping_for(&columns.signature)?))?;
            if let Some(saved) = saved {
                options.mapping = Some(saved);
                columns = people_columns(&path, &options)?;
                mapping_reused = true;
            }
        }
        Ok(ImportLayout {
            file_name: file_name(&path),
            path: path.display().to_string(),
            sheets: columns.sheets,
            sheet: columns.sheet,
            header_row: columns.header_row,
            columns: columns.mapping,
            missing: columns.missing,
            mapping_reused,
            rows: columns.rows,
            national,
            fields: field_choices(),
        })
    }

    /// Reads the file as the clerk set it up and works out what the import would change;
    /// nothing is written.
    pub fn import_check(&self, request: &ImportRequest, monitor: &Monitor) -> Result<ImportCheck, CommandError> {
        let path = path_of(request)?;
        let (mut read, year) = self.read_beside_the_database(&path, request, monitor)?;
        monitor.check()?;
        monitor.tell(Phase::Plan, 0, 1);
        let changes = self.reading(|store| Ok(store.plan_with(&read, &confirmations(request))?))?;
        // A person whose ID the database holds under another name is held back at apply: the
        // check shows it as an issue of its row, and counts it as not importable.
        changes.apply_to(&mut read);
        monitor.check()?;
        let rows = issue_rows(&path, &read);
        monitor.tell(Phase::Plan, 1, 1);
        let (errors, warnings) = read.issue_counts();
        Ok(ImportCheck {
            file_name: file_name(&path),
            sheet: read.sheet.clone(),
            header_row: read.header_row,
            year,
            rows_read: read.rows_read,
            importable: if year.is_some() { read.roster.results.len() } else { read.roster.people.len() },
            skipped_rows: skipped_rows(&read),
            errors,
            warnings,
            organs: read.roster.organs.len(),
            results: read.roster.results.len(),
            restrictions: read.roster.restrictions.len(),
            mapping: read.mapping,
            issues: read.issues,
            rows,
            changes,
        })
    }

    /// Reads the file again as the clerk set it up and imports it in one transaction; a mapping
    /// the clerk gave is saved for rosters with the same headers. Cancelled or failed, the
    /// database is as it was.
    pub fn import_apply(&self, request: &ImportRequest, monitor: &Monitor) -> Result<ImportApplied, CommandError> {
        let path = path_of(request)?;
        let (mut read, year) = self.read_beside_the_database(&path, request, monitor)?;
        monitor.check()?;
        let confirmed = confirmations(request);
        self.writing(|store| {
            // As the check showed it: the rows held back by a name conflict leave the read (and are
            // counted among the skipped rows), the conflicts join its issues.
            monitor.tell(Phase::Plan, 0, 1);
            let plan = store.plan_with(&read, &confirmed)?;
            plan.apply_to(&mut read);
            monitor.tell(Phase::Plan, 1, 1);
            monitor.check()?;
            let held_back = plan.name_conflicts.iter().filter(|c| !c.confirmed).count() as u64;
            let renamed = plan.name_conflicts.iter().filter(|c| c.confirmed).count() as u64;
            let empty = if year.is_some() { read.roster.results.is_empty() } else { read.roster.people.is_empty() };
            if empty {
                let first = read.first_error_text();
                let what =
                    if year.is_some() { "能对应到人员的年度考核结果" } else { "可导入的人员" };
                return Err(CommandError::new(
                    ErrorCode::NothingReadable,
                    format!(
                        "「{}」的工作表「{}」中没有{what}（共{}行数据），数据库未作任何修改。{first}",
                        file_name(&path),
                        read.sheet,
                        read.rows_read
                    ),
                ));
            }
            let by = store.operator()?;
            let summary = store
                .import_with(&read, &path.display().to_string(), &by, &confirmed, &mut |done, total| {
                    monitor.tell(Phase::Write, done, total)
                })
                .map_err(CommandError::from)?;
            let mapping_saved = match (&request.mapping, year) {
                (Some(_), None) => {
                    store.save_mapping(&read.signature, &mapping_to_save(&read.mapping))?;
                    true
                }
                _ => false,
            };
            let (errors, warnings) = read.issue_counts();
            Ok(ImportApplied {
                file_name: file_name(&path),
                year,
                people: summary.people,
                new_people: summary.new_people,
                updated_people: summary.updated_people,
                unchanged_people: summary.unchanged_people,
                organs: summary.organs,
                results: summary.results,
                restrictions: summary.restrictions,
                skipped_rows: skipped_rows(&read),
                errors,
                warnings,
                mapping_saved,
                held_back,
                renamed,
            })
        })
    }

    /// Writes the error workbook (kaohe-workbook's error report: the clerk's sheet with the
    /// problem cells marked, the rows not imported, a summary) for the file read as set up.
    pub fn import_error_report(&self, request: &ImportRequest, out: &Path) -> Result<String, CommandError> {
        let path = path_of(request)?;
        let monitor = Monitor::new(Arc::new(AtomicBool::new(false)), |_| {});
        let (mut read, _) = self.import_read(&path, request, &monitor)?;
        // The rows a name conflict holds back are among the rows not imported, as in the check.
        let plan = self.reading(|store| Ok(store.plan_with(&read, &confirmations(request))?))?;
        plan.apply_to(&mut read);
        kaohe_workbook::write_error_report(out, &path, &read)?;
        Ok(out.display().to_string())
    }

    /// [`AppState::import_read`], with what the plan and the import need of the database read
    /// ahead on a second thread meanwhile (a roster; the national template is matched to the
    /// people it loads itself), as `kaohe import` does.
    fn read_beside_the_database(
        &self,
        path: &Path,
        request: &ImportRequest,
        monitor: &Monitor,
    ) -> Result<(RosterRead, Option<i32>), CommandError> {
        if request.year.is_some() {
            return self.import_read(path, request, monitor);
        }
        std::thread::scope(|s| {
            s.spawn(|| {
                if let Ok(mut guard) = self.store() {
                    if let Ok(store) = guard.as_mut() {
                        let _ = store.prefetch();
                    }
                }
            });
            self.import_read(path, request, monitor)
        })
    }

    /// The read of a roster, or of the national results template for a year (matched to the
    /// database's people), as `kaohe import` does.
    fn import_read(
        &self,
        path: &Path,
        request: &ImportRequest,
        monitor: &Monitor,
    ) -> Result<(RosterRead, Option<i32>), CommandError> {
        monitor.check()?;
        if let Some(year) = request.year {
            let year = check_year(year)?;
            monitor.tell(Phase::Read, 0, 1);
            let people = self.reading(|store| Ok(store.load_roster()?.people))?;
            let national = read_national_results(path, year, &people)?;
            monitor.tell(Phase::Read, 1, 1);
            return Ok((national.to_roster_read(), Some(year)));
        }
        match kaohe_workbook::read_roster_with(path, self.profile(), &options(request, Some(monitor.read_progress()))) {
            Ok(read) => Ok((read, None)),
            Err(WorkbookError::Cancelled) => Err(cancelled()),
            Err(e @ (WorkbookError::SheetMissing { .. } | WorkbookError::ColumnMissing { .. } | WorkbookError::NoHeader { .. }))
                if request.mapping.is_none() && looks_national(path) =>
            {
                Err(CommandError::new(
                    CommandError::from(e).code,
                    format!("「{}」是国家公务员管理信息系统的年度考核导入表（序号、姓名、单位及职务、等次），没有身份证号：请填写是哪一年度的结果，按姓名和单位对应到已导入的人员", file_name(path)),
                ))
            }
            Err(e) => Err(e.into()),
        }
    }
}

/// What the shell keeps for the wizard: the cancel flag of the running check or apply, and the
/// channel dropped files are sent on.
#[derive(Default)]
pub struct ImportShell {
    cancel: Arc<AtomicBool>,
    drops: Mutex<Option<Channel<DropEvent>>>,
    /// The files the clerk chose in the open dialog or dropped on the window, as the web view
    /// was told them: the only paths the import commands open (the web view cannot name a
    /// file of its own choosing).
    granted: Mutex<HashSet<String>>,
}

impl ImportShell {
    /// Lets the web view use `path` from now on (it came from a dialog or a drop).
    fn grant(&self, path: &Path) -> String {
        let text = path.display().to_string();
        if let Ok(mut granted) = self.granted.lock() {
            granted.insert(text.clone());
        }
        text
    }

    /// Refuses a request whose file was not chosen in a dialog or dropped.
    fn check_granted(&self, request: &ImportRequest) -> Result<(), CommandError> {
        let granted = self
            .granted
            .lock()
            .map_err(|_| CommandError::new(ErrorCode::Internal, "导入状态不可用，请重新启动软件"))?;
        if granted.contains(request.path.trim()) {
            Ok(())
        } else {
            Err(CommandError::new(
                ErrorCode::BadArgument,
                "只能导入通过「选择文件」或拖放到窗口选定的文件，请重新选择文件",
            ))
        }
    }
}

/// What happened to a dragged file: over the window, dropped on it, or taken away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DropKind {
    Over,
    Drop,
    Leave,
}

/// Sent on the drop channel: a file is dragged over the window (`over`), dropped (`drop`, with
/// its paths), or the drag left (`leave`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DropEvent {
    pub kind: DropKind,
    pub paths: Vec<String>,
}

/// Hands the main window's drag-and-drop to the wizard's channel, if it registered one.
pub fn dropped(app: &AppHandle, event: &DragDropEvent) {
    let (kind, paths): (DropKind, &[PathBuf]) = match event {
        DragDropEvent::Enter { paths, .. } => (DropKind::Over, paths),
        DragDropEvent::Drop { paths, .. } => (DropKind::Drop, paths),
        DragDropEvent::Leave => (DropKind::Leave, &[]),
        _ => return,
    };
    let shell = app.state::<ImportShell>();
    let Ok(guard) = shell.drops.lock() else { return };
    if let Some(channel) = guard.as_ref() {
        // A dropped file is the clerk's choice, as one picked in the dialog: the wizard may open it.
        let paths = paths
            .iter()
            .map(|p| if kind == DropKind::Drop { shell.grant(p) } else { p.display().to_string() })
            .collect();
        let _ = channel.send(DropEvent { kind, paths });
    }
}

/// A monitor for a new job: clears the cancel flag, reports on the channel.
fn start(shell: &ImportShell, on_progress: Channel<ImportProgress>) -> Monitor {
    shell.cancel.store(false, Ordering::SeqCst);
    Monitor::new(shell.cancel.clone(), move |p| {
        let _ = on_progress.send(p);
    })
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, CommandError> + Send + 'static,
) -> Result<T, CommandError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| CommandError::new(ErrorCode::Internal, format!("导入任务异常结束：{e}")))?
}

/// Asks for the roster file in a native dialog; `None`: the clerk cancelled.
#[tauri::command(async)]
pub fn import_pick_file(app: AppHandle) -> Result<Option<String>, CommandError> {
    Ok(dialogs::pick_file(&app, "选择要导入的名册", &[dialogs::ROSTERS])?.map(|p| app.state::<ImportShell>().grant(&p)))
}

/// Registers the channel files dropped on the window are sent on (replacing an earlier one).
#[tauri::command(async)]
pub fn import_watch_drops(shell: State<'_, ImportShell>, on_drop: Channel<DropEvent>) -> Result<(), CommandError> {
    let mut guard = shell
        .drops
        .lock()
        .map_err(|_| CommandError::new(ErrorCode::Internal, "拖放文件的通道不可用，请重新启动软件"))?;
    *guard = Some(on_drop);
    Ok(())
}

#[tauri::command(async)]
pub fn import_layout(
    state: State<'_, AppState>,
    shell: State<'_, ImportShell>,
    request: ImportRequest,
) -> Result<ImportLayout, CommandError> {
    shell.check_granted(&request)?;
    state.import_layout(&request)
}

#[tauri::command]
pub async fn import_check(
    app: AppHandle,
    request: ImportRequest,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportCheck, CommandError> {
    app.state::<ImportShell>().check_granted(&request)?;
    let monitor = start(&app.state::<ImportShell>(), on_progress);
    blocking(move || app.state::<AppState>().import_check(&request, &monitor)).await
}

#[tauri::command]
pub async fn import_apply(
    app: AppHandle,
    request: ImportRequest,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportApplied, CommandError> {
    app.state::<ImportShell>().check_granted(&request)?;
    let monitor = start(&app.state::<ImportShell>(), on_progress);
    blocking(move || app.state::<AppState>().import_apply(&request, &monitor)).await
}

/// Cancels the running check or apply (it ends with the error `cancelled`).
#[tauri::command(async)]
pub fn import_cancel(shell: State<'_, ImportShell>) -> Result<(), CommandError> {
    shell.cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// Asks where to save the error workbook, then writes it; `None`: the clerk cancelled.
#[tauri::command]
pub async fn import_error_report(app: AppHandle, request: ImportRequest) -> Result<Option<String>, CommandError> {
    app.state::<ImportShell>().check_granted(&request)?;
    blocking(move || {
        let stem = Path::new(&request.path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "名册".to_owned());
        let Some(out) =
            dialogs::save_file(&app, "保存问题清单", &format!("{stem}（问题清单）.xlsx"), &[dialogs::WORKBOOK])?
        else {
            return Ok(None);
        };
        app.state::<AppState>().import_error_report(&request, &out).map(Some)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The web view names the file of every import request; only a file the clerk chose in the
    /// dialog or dropped on the window is opened (it opened any path it was sent).
    #[test]
    fn only_files_chosen_or_dropped_are_opened() {
        let shell = ImportShell::default();
        let request = |path: &str| ImportRequest {
            path: path.into(),
            sheet: None,
            header_row: None,
            mapping: None,
            year: None,
            confirm_renames: Vec::new(),
        };
        let refused = shell.check_granted(&request("/home/clerk/.ssh/id_rsa")).expect_err("not chosen");
        assert_eq!(refused.code, ErrorCode::BadArgument);
        assert!(refused.message.contains("只能导入通过「选择文件」或拖放到窗口选定的文件"), "{}", refused.message);
        let told = shell.grant(Path::new("/home/clerk/桌面/花名册.xlsx"));
        assert_eq!(told, "/home/clerk/桌面/花名册.xlsx");
        assert!(shell.check_granted(&request("/home/clerk/桌面/花名册.xlsx")).is_ok());
        assert!(
            shell.check_granted(&request(" /home/clerk/桌面/花名册.xlsx ")).is_ok(),
            "as the web view may send it back"
        );
        assert!(shell.check_granted(&request("/home/clerk/桌面/../.ssh/id_rsa")).is_err());
    }

    #[test]
    fn a_saved_mapping_names_columns_by_header_unless_a_header_repeats() {
        let col = |column: &str, header: &str, field: Option<&str>| MappedColumn {
            column: column.into(),
            header: header.into(),
            field: field.map(Into::into),
            confidence: 1.0,
        };
        let saved = mapping_to_save(&[
            col("A", "备注", None),
            col("B", "公民身份号码", Some("身份证号")),
            col("C", "备注", None),
        ]);
        let expected: BTreeMap<String, String> = [("A", ""), ("公民身份号码", "身份证号"), ("C", "")]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(saved, expected);
    }
}
