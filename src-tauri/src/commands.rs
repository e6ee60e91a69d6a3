//! The commands the web view calls (ui/src/api/ is their only caller). Each is `async`, so Tauri
//! runs it on its async runtime instead of the main thread, and delegates to one [`AppState`]
//! method. Every name here is listed in `command_names.rs` and granted in capabilities/.

use std::time::Duration;

use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::report::PromotionReport;
use tauri::{AppHandle, State};

use crate::error::CommandError;
use crate::state::{AppInfo, AppState, AssessmentLogEntry, ImportOutcome};

/// How long the window stays up after the self-test report, so a screenshot can be taken.
const SELFTEST_LINGER: Duration = Duration::from_millis(1500);

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, CommandError> {
    state.app_info()
}

#[tauri::command(async)]
pub fn import_sample(state: State<'_, AppState>) -> Result<ImportOutcome, CommandError> {
    state.import_sample()
}

#[tauri::command(async)]
pub fn promotion(state: State<'_, AppState>, as_of: String) -> Result<PromotionReport, CommandError> {
    state.promotion(&as_of)
}

#[tauri::command(async)]
pub fn assessment(state: State<'_, AppState>, year: i32) -> Result<AssessmentReport, CommandError> {
    state.assessment(year)
}

#[tauri::command(async)]
pub fn assessment_override(
    state: State<'_, AppState>,
    year: i32,
    id: String,
    grade: String,
    reason: String,
    by: String,
) -> Result<(), CommandError> {
    state.assessment_override(year, &id, &grade, &reason, &by)
}

/// Finalises the year as of today (the clerk's local date).
#[tauri::command(async)]
pub fn assessment_finalize(state: State<'_, AppState>, year: i32, by: String) -> Result<usize, CommandError> {
    state.assessment_finalize(year, chrono::Local::now().date_naive(), &by)
}

#[tauri::command(async)]
pub fn assessment_reopen(state: State<'_, AppState>, year: i32, reason: String, by: String) -> Result<(), CommandError> {
    state.assessment_reopen(year, &reason, &by)
}

#[tauri::command(async)]
pub fn assessment_log(state: State<'_, AppState>, year: i32) -> Result<Vec<AssessmentLogEntry>, CommandError> {
    state.assessment_log(year)
}

/// CI self-test: writes the page text to the `KAOHE_SELFTEST` file, then quits shortly after.
#[tauri::command(async)]
pub fn selftest_report(app: AppHandle, state: State<'_, AppState>, text: String) -> Result<(), CommandError> {
    state.selftest_report(&text)?;
    std::thread::spawn(move || {
        std::thread::sleep(SELFTEST_LINGER);
        app.exit(0);
    });
    Ok(())
}
