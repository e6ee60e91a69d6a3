//! The 工作台 command: `dashboard`, kaohe-desk's summary on the clerk's today (read from the
//! database first, computed after releasing it).

use kaohe_desk::dashboard::Dashboard;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

/// The home page's summary on the clerk's today, alerts within `horizon_days` (a UI setting).
#[tauri::command(async)]
pub fn dashboard(state: State<'_, AppState>, horizon_days: u32) -> Result<Dashboard, CommandError> {
    state.dashboard(chrono::Local::now().date_naive(), horizon_days)
}
