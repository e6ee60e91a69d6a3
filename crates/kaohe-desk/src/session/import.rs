//! 导入 over the session's database, as the wizard runs it: how a file would be read
//! ([`crate::import::layout`]), the check (the issues, the cells of their rows and the planned
//! changes, nothing written), the apply (one transaction, planned again under the same hold of
//! the database; the confirmed mapping saved by header signature), the error workbook; and the
//! sample roster's one-click import. Progress and cancel go through the [`Monitor`] the shell
//! makes of the page's channel.

use std::io::Write;
use std::path::Path;

use kaohe_engine::Person;

use super::Session;
use crate::error::{CommandError, ErrorCode};
use crate::import::{self, ImportDatabase, ImportLayout, ImportReport, ImportRequest, Mapping, Monitor};
use crate::ipc::ImportOutcome;
use crate::DeskError;

/// The name the sample roster is imported under (its file in fixtures/sample/).
pub const SAMPLE_ROSTER_NAME: &str = "名册示例.xlsx";

/// The session's database as the import's read needs it: open behind the session's lock.
impl ImportDatabase for Session {
    fn saved_mapping(&self, signature: &str) -> Result<Option<Mapping>, DeskError> {
        self.reading(|store| Ok(store.mapping_for(signature)?)).map_err(CommandError::into_desk)
    }

    fn people(&self) -> Result<Vec<Person>, DeskError> {
        self.reading(|store| Ok(store.load_roster()?.people)).map_err(CommandError::into_desk)
    }

    fn read_ahead(&self) {
        if let Ok(mut guard) = self.store() {
            if let Ok(store) = guard.as_mut() {
                let _ = store.prefetch();
            }
        }
    }
}

impl Session {
    /// Imports the sample roster (the workbook's bytes, which the app carries): written to a
    /// temporary file, read, then stored.
    pub fn import_sample(&self, workbook: &[u8]) -> Result<ImportOutcome, CommandError> {
        let file = write_temp(workbook)?;
        let read = kaohe_workbook::read_roster(file.path(), self.profile())?;
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

    /// How the file would be read with the clerk's choices so far ([`import::layout`]).
    pub fn import_layout(&self, request: &ImportRequest) -> Result<ImportLayout, CommandError> {
        Ok(import::layout(self, request)?)
    }

    /// Reads the file as the clerk set it up and works out what the import would change, with
    /// the cells of the rows its issues name; nothing is written.
    pub fn import_check(&self, request: &ImportRequest, monitor: &Monitor) -> Result<ImportReport, CommandError> {
        let mut read = import::read(self, self.profile(), request, monitor)?;
        let plan = self.reading(|store| Ok(import::plan(store, &mut read, monitor)?))?;
        let database = self.db_path().to_path_buf();
        let rows = import::issue_rows(read.path(), &read.read);
        Ok(ImportReport { rows, ..import::report(read, plan, &database) })
    }

    /// Reads the file again as the clerk set it up and imports it in one transaction (planned
    /// again under the same lock); a mapping the clerk gave is saved for rosters with the same
    /// headers. Cancelled or failed, the database is as it was.
    pub fn import_apply(&self, request: &ImportRequest, monitor: &Monitor) -> Result<ImportReport, CommandError> {
        let mut read = import::read(self, self.profile(), request, monitor)?;
        self.writing(|store| {
            let plan = import::plan(store, &mut read, monitor)?;
            Ok(import::apply(store, read, plan, None, monitor)?)
        })
    }

    /// Writes the error workbook for the file read and planned as set up.
    pub fn import_error_report(&self, request: &ImportRequest, out: &Path) -> Result<String, CommandError> {
        let monitor = Monitor::silent();
        let mut read = import::read(self, self.profile(), request, &monitor)?;
        self.reading(|store| Ok(import::plan(store, &mut read, &monitor).map(drop)?))?;
        import::error_report(&read, out)?;
        Ok(out.display().to_string())
    }
}

/// The error workbook's proposed name: 「花名册（问题清单）.xlsx」 for 花名册.xlsx.
pub fn error_report_name(request: &ImportRequest) -> String {
    let stem = Path::new(&request.path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "名册".to_owned());
    format!("{stem}（问题清单）.xlsx")
}

fn write_temp(bytes: &[u8]) -> Result<tempfile::NamedTempFile, CommandError> {
    let failed = |e: std::io::Error| CommandError::new(ErrorCode::WriteFailed, format!("无法写入临时文件：{e}"));
    let mut file = tempfile::Builder::new().prefix("kaohe-sample-").suffix(".xlsx").tempfile().map_err(failed)?;
    file.write_all(bytes).map_err(failed)?;
    file.flush().map_err(failed)?;
    Ok(file)
}
