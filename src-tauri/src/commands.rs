//! The commands the web view calls (ui/src/api/ is their only caller). Each is `async`, so Tauri
//! runs it on its async runtime instead of the main thread, and delegates to one [`AppState`]
//! method (most of them kaohe-desk's `Session`'s). Every name here is listed in
//! `command_list.rs` and granted in capabilities/.

use std::time::Duration;

use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::report::PromotionReport;
use kaohe_engine::Profile;
use tauri::{AppHandle, Manager, State};

use crate::error::CommandError;
use crate::preview;
use crate::state::{AppInfo, AppState, ImportOutcome, PreviewRequest, PrintPreview};

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

#[tauri::command(async)]
pub fn assessment_supplement(
    state: State<'_, AppState>,
    year: i32,
    id: String,
    grade: String,
    reason: String,
    by: String,
) -> Result<(), CommandError> {
    state.assessment_supplement(year, &id, &grade, &reason, &by)
}

/// Finalises the year as of today (the clerk's local date).
#[tauri::command(async)]
pub fn assessment_finalize(state: State<'_, AppState>, year: i32, by: String) -> Result<usize, CommandError> {
    state.assessment_finalize(year, chrono::Local::now().date_naive(), &by)
}

#[tauri::command(async)]
pub fn assessment_reopen(
    state: State<'_, AppState>,
    year: i32,
    reason: String,
    by: String,
) -> Result<(), CommandError> {
    state.assessment_reopen(year, &reason, &by)
}

#[tauri::command(async)]
pub fn assessment_log(state: State<'_, AppState>, year: i32) -> Result<Vec<kaohe_store::LogEntry>, CommandError> {
    state.assessment_log(year)
}

/// Records a 优秀 ratio approved for an organ's year (percent, e.g. 25) and its basis.
#[tauri::command(async)]
pub fn assessment_ratio(
    state: State<'_, AppState>,
    year: i32,
    organ: String,
    percent: f64,
    basis: String,
    by: String,
) -> Result<(), CommandError> {
    state.assessment_ratio(year, &organ, percent, &basis, &by)
}

#[tauri::command(async)]
pub fn organs(state: State<'_, AppState>) -> Result<Vec<String>, CommandError> {
    state.organs()
}

/// Writes the document into the app's cache folder (`print/`), then shows it in the preview
/// window. The 公示 start defaults to today (the clerk's local date).
#[tauri::command(async)]
pub fn print_preview(
    app: AppHandle,
    doc: String,
    year: Option<i32>,
    as_of: Option<String>,
    organ: Option<String>,
    pool: Option<String>,
    from: Option<String>,
) -> Result<PrintPreview, CommandError> {
    let dir = preview::folder(&app)?;
    let request = PreviewRequest { doc, year, as_of, organ, pool, from };
    let written = app.state::<AppState>().print_preview(&dir, &request, chrono::Local::now().date_naive())?;
    preview::show(&app, std::path::Path::new(&written.path), &written.title)?;
    Ok(written)
}

/// Opens the system print dialog for the document in the preview window.
#[tauri::command(async)]
pub fn print_current(app: AppHandle) -> Result<(), CommandError> {
    preview::print(&app)
}

/// The active rule profile (the 规则 section shows it, read-only).
#[tauri::command(async)]
pub fn profile(state: State<'_, AppState>) -> Result<Profile, CommandError> {
    Ok(state.profile().clone())
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
