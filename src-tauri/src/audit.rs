//! 核查: the audit of the database's history on a day, a finding marked 已核实 or its mark
//! withdrawn (each logged), and the findings saved as a workbook — kaohe-desk's use cases, the
//! database read first and the audit computed after releasing it.

use kaohe_desk::audit::AuditReport;
use kaohe_store::Mark;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::error::CommandError;
use crate::export::{ask, sending, ExportProgress};
use crate::state::AppState;

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
