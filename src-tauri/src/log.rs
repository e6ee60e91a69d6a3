//! 操作日志: every import, committee decision (override, ratio, finalisation, reopening),
//! backup, restore and rule profile change, with who, when, what and why; newest first,
//! filtered by kind and year.

use kaohe_store::operations::{LogFilter, Operation, OPERATION_KINDS};
use tauri::State;

use crate::error::{CommandError, ErrorCode};
use crate::state::AppState;

impl AppState {
    /// The merged log, newest first. `kind`: one of [`OPERATION_KINDS`]; `year`: the assessment
    /// year of the committee's decisions, the calendar year of the other entries.
    pub fn operation_log(&self, kind: Option<&str>, year: Option<i32>) -> Result<Vec<Operation>, CommandError> {
        let kind = kind.map(str::trim).filter(|k| !k.is_empty());
        if let Some(k) = kind {
            if !OPERATION_KINDS.contains(&k) {
                return Err(CommandError::new(ErrorCode::BadArgument, format!("没有「{k}」这类操作")));
            }
        }
        self.reading(|store| Ok(store.operation_log(&LogFilter { kind: kind.map(str::to_owned), year })?))
    }
}

#[tauri::command(async)]
pub fn operation_log(
    state: State<'_, AppState>,
    kind: Option<String>,
    year: Option<i32>,
) -> Result<Vec<Operation>, CommandError> {
    state.operation_log(kind.as_deref(), year)
}
