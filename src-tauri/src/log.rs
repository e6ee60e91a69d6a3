//! 操作日志: every import, committee decision (override, ratio, finalisation, reopening),
//! backup, restore and rule profile change, with who, when, what and why; newest first,
//! filtered by kind and year.

use kaohe_store::operations::{LogFilter, Operation};
use kaohe_store::OperationKind;
use tauri::State;

use crate::error::{CommandError, ErrorCode};
use crate::state::AppState;

impl AppState {
    /// The merged log, newest first. `kind`: an [`OperationKind`]'s name; `year`: the assessment
    /// year of the committee's decisions, the calendar year of the other entries.
    pub fn operation_log(&self, kind: Option<&str>, year: Option<i32>) -> Result<Vec<Operation>, CommandError> {
        let kind = match kind.map(str::trim).filter(|k| !k.is_empty()) {
            Some(k) => Some(
                OperationKind::parse(k)
                    .ok_or_else(|| CommandError::new(ErrorCode::BadArgument, format!("没有「{k}」这类操作")))?,
            ),
            None => None,
        };
        self.reading(|store| Ok(store.operation_log(&LogFilter { kind, year })?))
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
