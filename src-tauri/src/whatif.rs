//! 对比: one change tried on the year's assessment or on promotion, and who it changes —
//! kaohe-desk's `whatif`, the database read first and both reports computed after releasing it.
//! A rule file to try is chosen here in a dialog; nothing is saved.

use std::path::Path;

use kaohe_desk::whatif::{
    compare_assessment, compare_promotion, AssessmentChange, AssessmentComparison, AssessmentTry, PromotionChange,
    PromotionComparison, PromotionTry,
};
use kaohe_engine::Profile;
use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::{CommandError, ErrorCode};
use crate::rules::PROFILE_FILES;
use crate::state::{parse_date, AppState};

/// A rule file to compare with: read and checked, with its name; refused in the clerk's words.
pub fn rule_file(path: &Path) -> Result<(Box<Profile>, String), CommandError> {
    let shown = path.display().to_string();
    let text = std::fs::read(path).ok().and_then(|b| String::from_utf8(b).ok()).ok_or_else(|| {
        CommandError::new(ErrorCode::FileUnreadable, format!("无法读取规则文件「{shown}」（应为 UTF-8 文本）"))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let profile = kaohe_desk::profile::parse(text)
        .map_err(|why| CommandError::new(ErrorCode::ProfileInvalid, format!("规则文件「{shown}」无法采用：{why}")))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(shown);
    Ok((Box::new(profile), name))
}

impl AppState {
    /// The year's assessment with and without the change; `pick` chooses a rule file
    /// (`Ok(None)`: cancelled, nothing compared).
    pub fn whatif_assessment(
        &self,
        year: i32,
        change: AssessmentTry,
        pick: impl FnOnce() -> Result<Option<std::path::PathBuf>, CommandError>,
    ) -> Result<Option<AssessmentComparison>, CommandError> {
        let change = match change {
            AssessmentTry::Ratio { organ, percent } => AssessmentChange::Ratio { organ, percent },
            AssessmentTry::Tiers { split } => AssessmentChange::Tiers { split },
            AssessmentTry::Profile => match pick()? {
                Some(path) => {
                    let (profile, name) = rule_file(&path)?;
                    AssessmentChange::Profile { profile, name }
                }
                None => return Ok(None),
            },
        };
        let year = kaohe_desk::check_year(year)?;
        let (roster, decisions) = self.reading(|store| Ok((store.load_roster()?, store.decisions(year)?)))?;
        Ok(Some(compare_assessment(&roster, "数据库", self.profile(), year, &decisions, change)?))
    }

    /// Promotion on `as_of` with and without the change.
    pub fn whatif_promotion(
        &self,
        as_of: &str,
        change: PromotionTry,
        pick: impl FnOnce() -> Result<Option<std::path::PathBuf>, CommandError>,
    ) -> Result<Option<PromotionComparison>, CommandError> {
        let as_of = parse_date("日期", as_of)?;
        let change = match change {
            PromotionTry::AsOf { date } => PromotionChange::AsOf(parse_date("对比日期", &date)?),
            PromotionTry::Profile => match pick()? {
                Some(path) => {
                    let (profile, name) = rule_file(&path)?;
                    PromotionChange::Profile { profile, name }
                }
                None => return Ok(None),
            },
        };
        let roster = self.reading(|store| Ok(store.load_roster()?))?;
        Ok(Some(compare_promotion(&roster, self.profile(), as_of, change)))
    }
}

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
