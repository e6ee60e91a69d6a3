//! The 工作台 command: `dashboard`, kaohe-desk's summary on the clerk's today (read from the
//! database first, computed after releasing it).

use chrono::NaiveDate;
use kaohe_desk::dashboard::{Dashboard, DashboardData};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

/// The home page's summary on the clerk's today, alerts within `horizon_days` (a UI setting).
#[tauri::command(async)]
pub fn dashboard(state: State<'_, AppState>, horizon_days: u32) -> Result<Dashboard, CommandError> {
    state.dashboard(chrono::Local::now().date_naive(), horizon_days)
}

impl AppState {
    /// The summary on `today`, alerts within `horizon_days` days after it.
    pub fn dashboard(&self, today: NaiveDate, horizon_days: u32) -> Result<Dashboard, CommandError> {
        kaohe_desk::dashboard::check_horizon(horizon_days)?;
        let data = self.reading(|store| Ok(DashboardData::read(store, today)?))?;
        Ok(kaohe_desk::dashboard::dashboard(&data, self.profile(), today, horizon_days)?)
    }
}
