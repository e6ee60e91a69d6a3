//! 核查: the audit of the database's history on a day, a finding marked 已核实 or its mark
//! withdrawn (each logged), and the findings saved as a workbook — kaohe-desk's use cases, the
//! database read first and the audit computed after releasing it.

use kaohe_desk::audit::{self, AuditReport};
use kaohe_store::Mark;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::error::CommandError;
use crate::export::{ask, save, sending, AskWhere, ExportProgress, TellExport};
use crate::state::{parse_date, AppState};

impl AppState {
    /// The audit on `as_of` (`YYYY-MM-DD`).
    pub fn audit(&self, as_of: &str) -> Result<AuditReport, CommandError> {
        let as_of = parse_date("核查日期", as_of)?;
        let (roster, steps, marks) =
            self.reading(|store| Ok((store.load_roster()?, store.rank_steps()?, store.finding_marks()?)))?;
        Ok(audit::audit_of(&roster, &steps, marks, self.profile(), as_of))
    }

    pub fn audit_mark(&self, key: &str, reason: &str, by: &str) -> Result<Mark, CommandError> {
        self.writing(|store| Ok(audit::mark(store, key, reason, by)?))
    }

    pub fn audit_unmark(&self, key: &str, reason: &str, by: &str) -> Result<bool, CommandError> {
        self.writing(|store| Ok(audit::unmark(store, key, reason, by)?))
    }

    /// The audit on `as_of` saved where the clerk chooses (「核查结果_2025-12-31.xlsx」).
    pub fn export_audit(
        &self,
        as_of: &str,
        ask: &mut AskWhere<'_>,
        tell: TellExport,
    ) -> Result<Option<String>, CommandError> {
        tell(ExportProgress::Computing);
        let report = self.audit(as_of)?;
        let name = format!("核查结果_{}.xlsx", report.as_of.format("%Y-%m-%d"));
        save(ask, tell, &name, |path| audit::export(&report, path))
    }
}

#[tauri::command(async)]
pub fn audit(state: State<'_, AppState>, as_of: String) -> Result<AuditReport, CommandError> {
    state.audit(&as_of)
}

#[tauri::command(async)]
pub fn audit_mark(state: State<'_, AppState>, key: String, reason: String, by: String) -> Result<Mark, CommandError> {
    state.audit_mark(&key, &reason, &by)
}

#[tauri::command(async)]
pub fn audit_unmark(state: State<'_, AppState>, key: String, reason: String, by: String) -> Result<bool, CommandError> {
    state.audit_unmark(&key, &reason, &by)
}

#[tauri::command(async)]
pub fn export_audit(
    app: AppHandle,
    state: State<'_, AppState>,
    as_of: String,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<String>, CommandError> {
    state.export_audit(&as_of, &mut ask(&app, "保存核查结果工作簿"), &sending(&on_progress))
}
