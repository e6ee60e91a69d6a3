//! 导入: a roster — or the national system's results template, for a year — into the database,
//! the same way for `kaohe import` and the app's wizard. The stages, each a function here:
//! [`layout`] (how the file would be read: sheet, header row, each column's field, a mapping
//! saved for the same headers), [`read`] (the file read as set up, the database read ahead on a
//! second thread meanwhile, a saved mapping applied), [`plan`] (what would change; a person whose
//! ID the database holds under another name is held back unless confirmed), [`report`] (the
//! check: nothing written) and [`apply`] (one transaction; the mapping given saved for rosters
//! with the same headers). One [`ImportReport`] says what was read, what would change and what
//! was written, for `--json` and the app alike.

mod cells;
mod progress;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use kaohe_engine::{Person, Profile};
use kaohe_store::{Confirmations, ImportPlan, Store};
use kaohe_workbook::national::{looks_national, read_national_results};
use kaohe_workbook::{
    people_columns, Issue, IssuesBeyond, MappedColumn, ReadOptions, ReadProgress, RosterRead, Severity, WorkbookError,
    PEOPLE_COLUMNS, PEOPLE_REQUIRED, PEOPLE_TEMPLATE_ORDER,
};
use serde::{Deserialize, Serialize};

pub use cells::{issue_rows, RowCell, SheetRow, ROW_CELLS_LIMIT};
pub use progress::{ImportProgress, Monitor, Phase};

use crate::{check_year, DeskError};

/// Column letter (or header) → field, `""` for 不导入, `年度考核:YYYY` for a year's results.
pub type Mapping = BTreeMap<String, String>;

/// What to read: the file and the clerk's choices so far. `None`: as the reader finds it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ImportRequest {
    pub path: String,
    pub sheet: Option<String>,
    /// The spreadsheet row number of the header.
    pub header_row: Option<u32>,
    /// How the columns are read; saved for rosters with the same headers when the import is
    /// applied. `None`: as the reader proposes, or as saved for the same headers.
    pub mapping: Option<Mapping>,
    /// The year of the national system's results template (`kaohe import --year`).
    pub year: Option<i32>,
    /// IDs the database holds under another name that the clerk confirmed as a change of name
    /// (`kaohe import --confirm-rename`): imported, the old name kept in the history. Any other
    /// such row is held back.
    #[serde(default)]
    pub confirm_renames: Vec<String>,
}

impl ImportRequest {
    fn path(&self) -> Result<PathBuf, DeskError> {
        match self.path.trim() {
            "" => Err(DeskError::BadArgument("请先选择要导入的名册文件".to_string())),
            p => Ok(PathBuf::from(p)),
        }
    }

    fn options(&self, progress: Option<ReadProgress>) -> ReadOptions {
        ReadOptions {
            sheet: self.sheet.clone().filter(|s| !s.trim().is_empty()),
            today: None,
            mapping: self.mapping.clone(),
            header_row: self.header_row.filter(|r| *r > 0),
            progress,
        }
    }

    /// The changes of name the clerk confirmed, the IDs written as the reader keys them.
    fn confirmations(&self) -> Confirmations {
        let renames = self
            .confirm_renames
            .iter()
            .map(|id| kaohe_engine::id_number::normalize(id))
            .filter(|id| !id.is_empty())
            .collect();
        Confirmations { renames }
    }
}

/// What reading a file for an import needs of the database, each front end holding it its own
/// way (the command line opens it, the app keeps it open behind a lock).
pub trait ImportDatabase: Sync {
    /// The mapping saved for rosters whose headers have this signature.
    fn saved_mapping(&self, signature: &str) -> Result<Option<Mapping>, DeskError>;
    /// The people stored (the national template is matched to them).
    fn people(&self) -> Result<Vec<Person>, DeskError>;
    /// Reads what the plan and the import will need, on a second thread while the file is read.
    fn read_ahead(&self) {}
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// A field the mapping may choose for a column.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChoice {
    pub name: String,
    pub required: bool,
}

/// The people fields a column may be read as, in the template's order.
fn field_choices() -> Vec<FieldChoice> {
    let required = &PEOPLE_COLUMNS[..PEOPLE_REQUIRED];
    PEOPLE_TEMPLATE_ORDER
        .iter()
        .map(|f| FieldChoice { name: (*f).to_owned(), required: required.contains(f) })
        .collect()
}

/// How the file would be read.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// How the file would be read with the clerk's choices so far. With no mapping given, one saved
/// for the same headers is applied. When no sheet looks like a roster, the first sheet is shown
/// with its missing columns, so that the clerk can choose the sheet, header row and columns; the
/// national results template is said as such.
pub fn layout(db: &dyn ImportDatabase, request: &ImportRequest) -> Result<ImportLayout, DeskError> {
    let path = request.path()?;
    let mut options = request.options(None);
    let found = match people_columns(&path, &options) {
        Err(WorkbookError::SheetMissing { found, .. }) if options.sheet.is_none() && !found.is_empty() => {
            options.sheet = found.first().cloned();
            people_columns(&path, &options)
        }
        Err(WorkbookError::NoHeader { .. }) if options.sheet.is_none() => {
            options.sheet = kaohe_workbook::source::open(&path).ok().and_then(|b| b.sheet_names().first().cloned());
            people_columns(&path, &options)
        }
        other => other,
    };
    let mut columns = found?;
    if let (Some(row), true) = (options.header_row, columns.mapping.is_empty()) {
        return Err(DeskError::BadArgument(format!(
            "工作表「{}」第{row}行是空行或在表格之外，不能作为表头；请填写表头所在的行号",
            columns.sheet
        )));
    }
    let national = !columns.missing.is_empty() && request.mapping.is_none() && looks_national(&path);
    let mut mapping_reused = false;
    if request.mapping.is_none() && !national {
        if let Some(saved) = db.saved_mapping(&columns.signature)? {
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

/// A file read for an import, as set up.
pub struct ImportRead {
    pub read: RosterRead,
    /// The year of the national results template; `None` for a roster.
    pub year: Option<i32>,
    /// Read with the mapping saved for rosters with the same headers.
    pub mapping_reused: bool,
    path: PathBuf,
    /// The file as the request named it.
    file: String,
    /// The request gave the mapping (it is saved when the import is applied).
    mapping_given: bool,
    confirmations: Confirmations,
}

/// Reads the file as the request sets it up: the national template for the request's year,
/// matched to the database's people; otherwise the roster, with the database read ahead on a
/// second thread meanwhile, and — when the request gives no mapping — read again with the
/// mapping saved for its headers, if there is one.
pub fn read(
    db: &dyn ImportDatabase,
    profile: &Profile,
    request: &ImportRequest,
    monitor: &Monitor,
) -> Result<ImportRead, DeskError> {
    let path = request.path()?;
    monitor.check()?;
    let mut done = ImportRead {
        read: RosterRead::of(&request.path, Default::default()),
        year: None,
        mapping_reused: false,
        path,
        file: request.path.clone(),
        mapping_given: request.mapping.is_some(),
        confirmations: request.confirmations(),
    };
    if let Some(year) = request.year {
        let year = check_year(year)?;
        monitor.tell(Phase::Read, 0, 1);
        let people = db.people()?;
        done.read = read_national_results(&done.path, year, &people)?.to_roster_read();
        done.year = Some(year);
        monitor.tell(Phase::Read, 1, 1);
        return Ok(done);
    }
    let mut options = request.options(Some(monitor.read_progress()));
    let first = std::thread::scope(|s| {
        s.spawn(|| db.read_ahead());
        kaohe_workbook::read_roster_with(&done.path, profile, &options)
    });
    // A mapping confirmed earlier for rosters with the same headers applies again: looked up
    // under the headers of the read itself, and the file read again only when there is one. A
    // read that found no usable header says nothing of its signature: it is taken from the
    // header rows alone then.
    let signature = match &first {
        _ if request.mapping.is_some() => None,
        Ok(read) => Some(read.signature.clone()),
        Err(WorkbookError::ColumnMissing { .. } | WorkbookError::HeaderNotFound { .. }) => {
            kaohe_workbook::people_signature(&done.path, &options)
        }
        Err(_) => None,
    };
    let saved = match signature {
        Some(signature) => db.saved_mapping(&signature)?,
        None => None,
    };
    let read = match saved {
        Some(saved) => {
            options.mapping = Some(saved);
            done.mapping_reused = true;
            kaohe_workbook::read_roster_with(&done.path, profile, &options)
        }
        None => first,
    };
    done.read = match read {
        Ok(read) => read,
        Err(WorkbookError::Cancelled) => return Err(DeskError::Cancelled),
        Err(
            e @ (WorkbookError::SheetMissing { .. }
            | WorkbookError::ColumnMissing { .. }
            | WorkbookError::NoHeader { .. }),
        ) if request.mapping.is_none() && looks_national(&done.path) => {
            return Err(DeskError::NeedsYear { file: file_name(&done.path), code: crate::error::workbook_code(&e) })
        }
        Err(e) => return Err(e.into()),
    };
    Ok(done)
}

impl ImportRead {
    /// The file read.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// People that would be imported (for the national template: results matched to people).
    fn importable(&self) -> usize {
        match self.year {
            Some(_) => self.read.roster.results.len(),
            None => self.read.roster.people.len(),
        }
    }

    /// Rows of the people sheet not imported because of an error (or held back).
    fn skipped(&self) -> usize {
        let read = &self.read;
        // Past the cap the issues do not name every row: the rows read less the people read.
        if read.issues_beyond.errors > 0 {
            return (read.rows_read as usize).saturating_sub(read.roster.people.len());
        }
        read.issues
            .iter()
            .filter(|i| i.severity == Severity::Error && i.sheet == read.sheet)
            .filter_map(|i| i.row)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    }

    /// Why nothing can be imported, when nothing can: no person (or no matched result) read.
    pub fn nothing_readable(&self) -> Option<DeskError> {
        if self.importable() > 0 {
            return None;
        }
        let what = if self.year.is_some() { "能对应到人员的年度考核结果" } else { "可导入的人员" };
        Some(DeskError::NothingReadable(format!(
            "「{}」的工作表「{}」中没有{what}（共{}行数据），数据库未作任何修改。{}",
            file_name(&self.path),
            self.read.sheet,
            self.read.rows_read,
            self.read.first_error_text()
        )))
    }
}

/// What the import would change. The read becomes what will be imported: the rows held back by
/// a name conflict leave it (counted among the skipped rows) and the conflicts join its issues —
/// in the report, the error workbook and the import alike.
pub fn plan(store: &Store, read: &mut ImportRead, monitor: &Monitor) -> Result<ImportPlan, DeskError> {
    monitor.check()?;
    monitor.tell(Phase::Plan, 0, 1);
    let plan = store.plan_with(&read.read, &read.confirmations)?;
    plan.apply_to(&mut read.read);
    monitor.tell(Phase::Plan, 1, 1);
    monitor.check()?;
    Ok(plan)
}

/// What an import read, would change and (once applied) wrote: `kaohe import --json` and the
/// app's check and result.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportReport {
    /// The file as named (the command line's argument, the path the clerk chose).
    pub file: String,
    pub file_name: String,
    /// The database imported into (or checked against).
    pub database: String,
    pub sheet: String,
    pub header_row: u32,
    /// Set for the national results template.
    pub year: Option<i32>,
    pub mapping: Vec<MappedColumn>,
    /// Read with the mapping saved for rosters with the same headers.
    pub mapping_reused: bool,
    /// Non-blank data rows.
    pub rows_read: u32,
    /// People that would be imported (for the national template: results matched to people).
    pub importable: usize,
    /// Rows of the people sheet not imported: an error, or held back by a name conflict.
    pub skipped: usize,
    /// Problems found, those past the cap of `issues` included.
    pub errors: usize,
    pub warnings: usize,
    /// Read from the file: organs, annual results, restrictions, rank records (职级变动).
    pub organs: usize,
    pub results: usize,
    pub restrictions: usize,
    pub rank_records: usize,
    pub changes: ImportPlan,
    pub issues: Vec<Issue>,
    pub issues_beyond: IssuesBeyond,
    /// The cells of the people sheet's rows named by issues (the app's check; [`issue_rows`]).
    pub rows: Vec<SheetRow>,
    /// Nothing was written (`kaohe import --check`, the wizard's 检查).
    pub checked_only: bool,
    /// What the import wrote; `None` for a check.
    pub applied: Option<Applied>,
}

/// What an import wrote.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportApplied"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Applied {
    pub import_id: i64,
    pub people: u64,
    pub new_people: u64,
    pub updated_people: u64,
    pub unchanged_people: u64,
    pub organs: u64,
    pub results: u64,
    pub restrictions: u64,
    /// Rank records (职级变动) written: those of the people whose records were new or differed
    /// from the stored ones (a person's are replaced as a whole; the same rows again write none).
    pub rank_records_written: u64,
    /// People held back: the database has their ID under another name, not confirmed as a
    /// change of name; nothing of theirs was written.
    pub held_back: u64,
    /// Confirmed changes of name imported (the old name kept in the history).
    pub renamed: u64,
    /// The mapping given was saved for rosters with the same headers.
    pub mapping_saved: bool,
}

/// The check's report: what was read and would change; nothing is written. The read's issues
/// and mapping move into it (a large roster's issues are not copied).
pub fn report(read: ImportRead, plan: ImportPlan, database: &Path) -> ImportReport {
    let (errors, warnings) = read.read.issue_counts();
    let (importable, skipped) = (read.importable(), read.skipped());
    let r = read.read;
    ImportReport {
        file_name: file_name(&read.path),
        file: read.file,
        database: database.display().to_string(),
        header_row: r.header_row,
        year: read.year,
        mapping_reused: read.mapping_reused,
        rows_read: r.rows_read,
        importable,
        skipped,
        errors,
        warnings,
        organs: r.roster.organs.len(),
        results: r.roster.results.len(),
        restrictions: r.roster.restrictions.len(),
        rank_records: r.roster.rank_records.len(),
        changes: plan,
        sheet: r.sheet,
        mapping: r.mapping,
        issues: r.issues,
        issues_beyond: r.issues_beyond,
        rows: Vec::new(),
        checked_only: true,
        applied: None,
    }
}

/// Imports the read as planned, in one transaction, recording `by` (else the database's 操作人);
/// a mapping the request gave is saved for rosters with the same headers. Refused when nothing
/// can be imported; cancelled or failed, the database is as it was.
pub fn apply(
    store: &mut Store,
    read: ImportRead,
    plan: ImportPlan,
    by: Option<&str>,
    monitor: &Monitor,
) -> Result<ImportReport, DeskError> {
    if let Some(refusal) = read.nothing_readable() {
        return Err(refusal);
    }
    monitor.check()?;
    let by = match by.map(str::trim).filter(|b| !b.is_empty()) {
        Some(by) => by.to_string(),
        None => store.operator()?,
    };
    let summary = store.import_with(&read.read, &read.file, &by, &read.confirmations, &mut |done, total| {
        monitor.tell(Phase::Write, done, total)
    })?;
    let mapping_saved = read.mapping_given && read.year.is_none();
    if mapping_saved {
        store.save_mapping(&read.read.signature, &mapping_to_save(&read.read.mapping))?;
    }
    let applied = Applied {
        import_id: summary.import_id,
        people: summary.people,
        new_people: summary.new_people,
        updated_people: summary.updated_people,
        unchanged_people: summary.unchanged_people,
        organs: summary.organs,
        results: summary.results,
        restrictions: summary.restrictions,
        rank_records_written: summary.rank_records_written,
        held_back: plan.name_conflicts.iter().filter(|c| !c.confirmed).count() as u64,
        renamed: plan.name_conflicts.iter().filter(|c| c.confirmed).count() as u64,
        mapping_saved,
    };
    let database = store.path().to_path_buf();
    Ok(ImportReport { checked_only: false, applied: Some(applied), ..report(read, plan, &database) })
}

/// Writes the error workbook (kaohe-workbook's error report: the clerk's sheet with the problem
/// cells marked, the rows not imported, a summary) for the read as planned.
pub fn error_report(read: &ImportRead, out: &Path) -> Result<(), DeskError> {
    Ok(kaohe_workbook::write_error_report(out, &read.path, &read.read)?)
}

/// The mapping to save: every column by its header (by its letter where a header repeats), so it
/// applies to rosters with the same headers even when the table starts in another column.
fn mapping_to_save(columns: &[MappedColumn]) -> Mapping {
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let expected: Mapping = [("A", ""), ("公民身份号码", "身份证号"), ("C", "")]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(saved, expected);
    }
}
