//! 规则文件's commands: the active rule profile, a local file chosen in a dialog and applied, the
//! national default back — kaohe-desk's `session::rules` (validated, remembered in the database,
//! each change recorded in the 操作日志).

use tauri::{AppHandle, State};

use crate::dialogs::{self, Filter};
use crate::error::CommandError;
use crate::state::AppState;
pub use kaohe_desk::ipc::{ProfileInfo, ProfileLoad};

/// A rule profile file.
pub const PROFILE_FILES: Filter = Filter { name: "规则文件（TOML）", extensions: &["toml"] };

/// The active rule profile and where it came from.
#[tauri::command(async)]
pub fn active_profile(state: State<'_, AppState>) -> Result<ProfileInfo, CommandError> {
    state.active_profile()
}

/// 「载入本地规则文件」: asks for a .toml file, then validates and applies it. `None`: cancelled.
#[tauri::command(async)]
pub fn profile_load(app: AppHandle, state: State<'_, AppState>) -> Result<Option<ProfileLoad>, CommandError> {
    let Some(path) = dialogs::pick_file(&app, "载入本地规则文件", &[PROFILE_FILES])? else {
        return Ok(None);
    };
    state.profile_load(&path).map(Some)
}

/// 「恢复国家默认规则」.
#[tauri::command(async)]
pub fn profile_reset(state: State<'_, AppState>) -> Result<ProfileInfo, CommandError> {
    state.profile_reset()
}
