//! 操作日志: every import, committee decision (override, ratio, finalisation, reopening),
//! backup, restore and rule profile change, with who, when, what and why; newest first,
//! filtered by kind and year (kaohe-desk's `Session::operation_log`).

use kaohe_store::operations::Operation;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command(async)]
pub fn operation_log(
    state: State<'_, AppState>,
    kind: Option<String>,
    year: Option<i32>,
) -> Result<Vec<Operation>, CommandError> {
    state.operation_log(kind.as_deref(), year)
}
