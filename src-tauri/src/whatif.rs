//! 对比: one change tried on the year's assessment or on promotion, and who it changes —
//! kaohe-desk's `whatif` over the session. A rule file to try is chosen here in a dialog; nothing
//! is saved.

use kaohe_desk::whatif::{AssessmentComparison, AssessmentTry, PromotionComparison, PromotionTry};
use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::rules::PROFILE_FILES;
use crate::state::AppState;

#[tauri::command(async)]
pub fn whatif_assessment(
    app: AppHandle,
    state: State<'_, AppState>,
    year: i32,
    change: AssessmentTry,
) -> Result<Option<AssessmentComparison>, CommandError> {
    state.whatif_assessment(year, change, || dialogs::pick_file(&app, "选择用于对比的规则文件", &[PROFILE_FILES]))
}

#[tauri::command(async)]
pub fn whatif_promotion(
    app: AppHandle,
    state: State<'_, AppState>,
    as_of: String,
    change: PromotionTry,
) -> Result<Option<PromotionComparison>, CommandError> {
    state.whatif_promotion(&as_of, change, || dialogs::pick_file(&app, "选择用于对比的规则文件", &[PROFILE_FILES]))
}
