//! 导入: the import wizard's commands. The clerk picks a roster (native dialog, or dropped on the
//! window), the wizard shows how it would be read ([`AppState::import_layout`]: sheet, header
//! row, each column's field with its confidence, a mapping saved for the same headers), the clerk
//! corrects it, checks it ([`AppState::import_check`]: the issues, the cells of their rows and the
//! planned changes, nothing written) and applies it ([`AppState::import_apply`]: one transaction;
//! the confirmed mapping saved by header signature). Check and apply run off the main thread,
//! report progress through a [`Channel`] and stop on [`import_cancel`], the database untouched.
//! The national system's results template (no ID numbers) is imported for a year, as
//! `kaohe import --year`. Everything is read by kaohe-workbook and written by kaohe-store.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use kaohe_desk::import::{
    self, ImportDatabase, ImportLayout, ImportProgress, ImportReport, ImportRequest, Mapping, Monitor,
};
use kaohe_desk::DeskError;
use kaohe_engine::Person;
use tauri::ipc::Channel;
use tauri::{AppHandle, DragDropEvent, Manager, State};

use crate::dialogs;
use crate::error::{CommandError, ErrorCode};
use crate::state::AppState;
pub use kaohe_desk::ipc::{DropEvent, DropKind};

/// The app's database as the import's read needs it: open behind the state's lock.
impl ImportDatabase for AppState {
    fn saved_mapping(&self, signature: &str) -> Result<Option<Mapping>, DeskError> {
        self.reading(|store| Ok(store.mapping_for(signature)?)).map_err(CommandError::into_desk)
    }

    fn people(&self) -> Result<Vec<Person>, DeskError> {
        self.reading(|store| Ok(store.load_roster()?.people)).map_err(CommandError::into_desk)
    }

    fn read_ahead(&self) {
        if let Ok(mut guard) = self.store() {
            if let Ok(store) = guard.as_mut() {
                let _ = store.prefetch();
            }
        }
    }
}

impl AppState {
    /// How the file would be read with the clerk's choices so far ([`import::layout`]).
    pub fn import_layout(&self, request: &ImportRequest) -> Result<ImportLayout, CommandError> {
        Ok(import::layout(self, request)?)
    }

    /// Reads the file as the clerk set it up and works out what the import would change, with
    /// the cells of the rows its issues name; nothing is written.
    pub fn import_check(&self, request: &ImportRequest, monitor: &Monitor) -> Result<ImportReport, CommandError> {
        let mut read = import::read(self, self.profile(), request, monitor)?;
        let plan = self.reading(|store| Ok(import::plan(store, &mut read, monitor)?))?;
        let database = self.db_path().to_path_buf();
        let rows = import::issue_rows(read.path(), &read.read);
        Ok(ImportReport { rows, ..import::report(read, plan, &database) })
    }

    /// Reads the file again as the clerk set it up and imports it in one transaction (planned
    /// again under the same lock); a mapping the clerk gave is saved for rosters with the same
    /// headers. Cancelled or failed, the database is as it was.
    pub fn import_apply(&self, request: &ImportRequest, monitor: &Monitor) -> Result<ImportReport, CommandError> {
        let mut read = import::read(self, self.profile(), request, monitor)?;
        self.writing(|store| {
            let plan = import::plan(store, &mut read, monitor)?;
            Ok(import::apply(store, read, plan, None, monitor)?)
        })
    }

    /// Writes the error workbook for the file read and planned as set up.
    pub fn import_error_report(&self, request: &ImportRequest, out: &Path) -> Result<String, CommandError> {
        let monitor = Monitor::silent();
        let mut read = import::read(self, self.profile(), request, &monitor)?;
        self.reading(|store| Ok(import::plan(store, &mut read, &monitor).map(drop)?))?;
        import::error_report(&read, out)?;
        Ok(out.display().to_string())
    }
}

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
        let stem = Path::new(&request.path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "名册".to_owned());
        let Some(out) =
            dialogs::save_file(&app, "保存问题清单", &format!("{stem}（问题清单）.xlsx"), &[dialogs::WORKBOOK])?
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
