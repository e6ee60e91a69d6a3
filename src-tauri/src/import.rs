//! 导入: the import wizard's commands. The clerk picks a roster (native dialog, or dropped on the
//! window), the wizard shows how it would be read (`import_layout`: sheet, header row, each
//! column's field with its confidence, a mapping saved for the same headers), the clerk corrects
//! it, checks it (`import_check`: the issues, the cells of their rows and the planned changes,
//! nothing written) and applies it (`import_apply`: one transaction; the confirmed mapping saved
//! by header signature) — kaohe-desk's `Session` methods of the same names. Check and apply run
//! off the main thread, report progress through a [`Channel`] and stop on [`import_cancel`], the
//! database untouched. The national system's results template (no ID numbers) is imported for a
//! year, as `kaohe import --year`. The shell keeps which files the clerk chose or dropped
//! ([`ImportShell`]): the only ones the commands open.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use kaohe_desk::import::{ImportLayout, ImportProgress, ImportReport, ImportRequest, Monitor};
use kaohe_desk::session::error_report_name;
use tauri::ipc::Channel;
use tauri::{AppHandle, DragDropEvent, Manager, State};

use crate::dialogs;
use crate::error::{CommandError, ErrorCode};
use crate::state::AppState;
pub use kaohe_desk::ipc::{DropEvent, DropKind};

/// What the shell keeps for the wizard: the cancel flag of the running check or apply, and the
/// channel dropped files are sent on.
#[derive(Default)]
pub struct ImportShell {
    cancel: Arc<AtomicBool>,
    drops: Mutex<Option<Channel<DropEvent>>>,
    /// The files the clerk chose in the open dialog or dropped on the window, as the web view
    /// was told them: the only paths the import commands open (the web view cannot name a
    /// file of its own choosing).
    granted: Mutex<HashSet<String>>,
}

impl ImportShell {
    /// Lets the web view use `path` from now on (it came from a dialog or a drop).
    fn grant(&self, path: &Path) -> String {
        let text = path.display().to_string();
        if let Ok(mut granted) = self.granted.lock() {
            granted.insert(text.clone());
        }
        text
    }

    /// Refuses a request whose file was not chosen in a dialog or dropped.
    fn check_granted(&self, request: &ImportRequest) -> Result<(), CommandError> {
        let granted = self
            .granted
            .lock()
            .map_err(|_| CommandError::new(ErrorCode::Internal, "导入状态不可用，请重新启动软件"))?;
        if granted.contains(request.path.trim()) {
            Ok(())
        } else {
            Err(CommandError::new(
                ErrorCode::BadArgument,
                "只能导入通过「选择文件」或拖放到窗口选定的文件，请重新选择文件",
            ))
        }
    }
}

/// Hands the main window's drag-and-drop to the channel the window registered (the UI sends a
/// roster to 导入 and report packages to 汇总).
pub fn dropped(app: &AppHandle, event: &DragDropEvent) {
    let (kind, paths): (DropKind, &[PathBuf]) = match event {
        DragDropEvent::Enter { paths, .. } => (DropKind::Over, paths),
        DragDropEvent::Drop { paths, .. } => (DropKind::Drop, paths),
        DragDropEvent::Leave => (DropKind::Leave, &[]),
        _ => return,
    };
    let shell = app.state::<ImportShell>();
    let Ok(guard) = shell.drops.lock() else { return };
    if let Some(channel) = guard.as_ref() {
        // A dropped file is the clerk's choice, as one picked in a dialog: the wizard may open it
        // as a roster, 汇总 receive it as a package (the page routes it by its kind).
        if kind == DropKind::Drop {
            app.state::<crate::summary::PackageShell>().grant(paths);
        }
        let paths = paths
            .iter()
            .map(|p| if kind == DropKind::Drop { shell.grant(p) } else { p.display().to_string() })
            .collect();
        let _ = channel.send(DropEvent { kind, paths });
    }
}

/// A monitor for a new job: clears the cancel flag, reports on the channel.
fn start(shell: &ImportShell, on_progress: Channel<ImportProgress>) -> Monitor {
    shell.cancel.store(false, Ordering::SeqCst);
    Monitor::new(shell.cancel.clone(), move |p| {
        let _ = on_progress.send(p);
    })
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, CommandError> + Send + 'static,
) -> Result<T, CommandError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| CommandError::new(ErrorCode::Internal, format!("导入任务异常结束：{e}")))?
}

/// Asks for the roster file in a native dialog; `None`: the clerk cancelled.
#[tauri::command(async)]
pub fn import_pick_file(app: AppHandle) -> Result<Option<String>, CommandError> {
    Ok(dialogs::pick_file(&app, "选择要导入的名册", &[dialogs::ROSTERS])?.map(|p| app.state::<ImportShell>().grant(&p)))
}

/// Registers the channel files dropped on the window are sent on (replacing an earlier one).
#[tauri::command(async)]
pub fn import_watch_drops(shell: State<'_, ImportShell>, on_drop: Channel<DropEvent>) -> Result<(), CommandError> {
    let mut guard = shell
        .drops
        .lock()
        .map_err(|_| CommandError::new(ErrorCode::Internal, "拖放文件的通道不可用，请重新启动软件"))?;
    *guard = Some(on_drop);
    Ok(())
}

#[tauri::command(async)]
pub fn import_layout(
    state: State<'_, AppState>,
    shell: State<'_, ImportShell>,
    request: ImportRequest,
) -> Result<ImportLayout, CommandError> {
    shell.check_granted(&request)?;
    state.import_layout(&request)
}

#[tauri::command]
pub async fn import_check(
    app: AppHandle,
    request: ImportRequest,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportReport, CommandError> {
    app.state::<ImportShell>().check_granted(&request)?;
    let monitor = start(&app.state::<ImportShell>(), on_progress);
    blocking(move || app.state::<AppState>().import_check(&request, &monitor)).await
}

#[tauri::command]
pub async fn import_apply(
    app: AppHandle,
    request: ImportRequest,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportReport, CommandError> {
    app.state::<ImportShell>().check_granted(&request)?;
    let monitor = start(&app.state::<ImportShell>(), on_progress);
    blocking(move || app.state::<AppState>().import_apply(&request, &monitor)).await
}

/// Cancels the running check or apply (it ends with the error `cancelled`).
#[tauri::command(async)]
pub fn import_cancel(shell: State<'_, ImportShell>) -> Result<(), CommandError> {
    shell.cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// Asks where to save the error workbook, then writes it; `None`: the clerk cancelled.
#[tauri::command]
pub async fn import_error_report(app: AppHandle, request: ImportRequest) -> Result<Option<String>, CommandError> {
    app.state::<ImportShell>().check_granted(&request)?;
    blocking(move || {
        let Some(out) = dialogs::save_file(&app, "保存问题清单", &error_report_name(&request), &[dialogs::WORKBOOK])?
        else {
            return Ok(None);
        };
        app.state::<AppState>().import_error_report(&request, &out).map(Some)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The web view names the file of every import request; only a file the clerk chose in the
    /// dialog or dropped on the window is opened (it opened any path it was sent).
    #[test]
    fn only_files_chosen_or_dropped_are_opened() {
        let shell = ImportShell::default();
        let request = |path: &str| ImportRequest {
            path: path.into(),
            sheet: None,
            header_row: None,
            mapping: None,
            year: None,
            confirm_renames: Vec::new(),
        };
        let refused = shell.check_granted(&request("/home/clerk/.ssh/id_rsa")).expect_err("not chosen");
        assert_eq!(refused.code, ErrorCode::BadArgument);
        assert!(refused.message.contains("只能导入通过「选择文件」或拖放到窗口选定的文件"), "{}", refused.message);
        let told = shell.grant(Path::new("/home/clerk/桌面/花名册.xlsx"));
        assert_eq!(told, "/home/clerk/桌面/花名册.xlsx");
        assert!(shell.check_granted(&request("/home/clerk/桌面/花名册.xlsx")).is_ok());
        assert!(
            shell.check_granted(&request(" /home/clerk/桌面/花名册.xlsx ")).is_ok(),
            "as the web view may send it back"
        );
        assert!(shell.check_granted(&request("/home/clerk/桌面/../.ssh/id_rsa")).is_err());
    }
}
