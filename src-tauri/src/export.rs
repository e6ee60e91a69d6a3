//! 导出's commands: the promotion result workbook, the assessment result workbook and the
//! national system's import file, saved where the clerk chooses — kaohe-desk's
//! `session::export`, given the save dialog ([`ask`]) and the page's progress channel
//! ([`sending`]). Cancelling the dialog writes nothing and answers `null`; otherwise the answer
//! is the path written.

use std::path::PathBuf;

use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::state::AppState;
pub use kaohe_desk::ipc::ExportProgress;

#[tauri::command(async)]
pub fn export_promotion(
    app: AppHandle,
    state: State<'_, AppState>,
    as_of: String,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<String>, CommandError> {
    state.export_promotion(&as_of, &mut ask(&app, "保存职级晋升资格工作簿"), &sending(&on_progress))
}

#[tauri::command(async)]
pub fn export_assessment(
    app: AppHandle,
    state: State<'_, AppState>,
    year: i32,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<String>, CommandError> {
    state.export_assessment(year, &mut ask(&app, "保存年度考核结果工作簿"), &sending(&on_progress))
}

#[tauri::command(async)]
pub fn export_national(
    app: AppHandle,
    state: State<'_, AppState>,
    year: i32,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<String>, CommandError> {
    state.export_national(year, &mut ask(&app, "保存国家系统年度考核导入表"), &sending(&on_progress))
}

/// Sends each step on the page's channel (a page gone meanwhile is no error).
pub(crate) fn sending(channel: &Channel<ExportProgress>) -> impl Fn(ExportProgress) + '_ {
    move |step| {
        let _ = channel.send(step);
    }
}

/// The save dialog of a workbook, titled `title`, as the exports ask where to save.
pub(crate) fn ask<'a>(
    app: &'a AppHandle,
    title: &'a str,
) -> impl FnMut(&str) -> Result<Option<PathBuf>, CommandError> + 'a {
    move |name| dialogs::save_file(app, title, name, &[dialogs::WORKBOOK])
}
