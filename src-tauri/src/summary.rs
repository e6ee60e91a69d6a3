//! 上报 and 汇总 in the app: an organ's finalised year saved as a package where the clerk
//! chooses (`report_package`), packages chosen in a dialog (`receive_pick`) and received
//! (`receive_packages`, again with `replace` once the clerk confirms), the 所辖单位 list
//! (`supervised_organs`, `supervised_add`, `supervised_remove`, and `supervised_import` of a
//! workbook chosen in its dialog), the 统筹职数 groups (`shared_pools`, `shared_pool_set`,
//! `shared_pool_remove`), and the year's 汇总 (`summary`) — kaohe-desk's `summary` and
//! `organs` use cases over the session. The shell keeps which package files the clerk chose
//! ([`PackageShell`]).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;

use kaohe_desk::organs::{OrganChange, SupervisedOrgan};
use kaohe_desk::shared_slots::{SharedPoolList, SharedPoolRequest};
use kaohe_desk::summary::{Receipts, Refusal, Summary};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::dialogs::{self, PACKAGES};
use crate::error::{CommandError, ErrorCode};
use crate::export::{ask, sending, ExportProgress};
use crate::state::AppState;

/// The package files the clerk chose in 「接收上报文件…」's dialog: the only paths
/// `receive_packages` reads (the web view cannot name a file of its own choosing).
#[derive(Default)]
pub struct PackageShell {
    granted: Mutex<HashSet<String>>,
}

impl PackageShell {
    /// Lets the web view use these paths from now on; their text as granted.
    pub fn grant(&self, paths: &[PathBuf]) -> Vec<String> {
        let texts: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        if let Ok(mut granted) = self.granted.lock() {
            granted.extend(texts.iter().cloned());
        }
        texts
    }

    /// `paths` split into those chosen in the dialog and refusals for the others.
    pub fn check(&self, paths: &[String]) -> (Vec<String>, Vec<Refusal>) {
        let granted = self.granted.lock().map(|g| g.clone()).unwrap_or_default();
        let (ok, not): (Vec<String>, Vec<String>) = paths.iter().cloned().partition(|p| granted.contains(p));
        let refused = not
            .into_iter()
            .map(|file| Refusal {
                message: format!("「{file}」不是通过「接收上报文件…」选定的文件，请重新选择"),
                code: ErrorCode::BadArgument,
                file,
            })
            .collect();
        (ok, refused)
    }
}

#[tauri::command(async)]
pub fn report_package(
    app: AppHandle,
    state: State<'_, AppState>,
    year: i32,
    organ: String,
    as_of: Option<String>,
    by: String,
) -> Result<Option<String>, CommandError> {
    let now = chrono::Local::now().naive_local();
    state.report_package(year, &organ, as_of.as_deref(), &by, now, |name| {
        dialogs::save_file(&app, "保存上报文件", name, &[PACKAGES])
    })
}

/// The packages the clerk chooses (several at once); `None`: cancelled.
#[tauri::command(async)]
pub fn receive_pick(app: AppHandle, shell: State<'_, PackageShell>) -> Result<Option<Vec<String>>, CommandError> {
    Ok(dialogs::pick_files(&app, "选择各单位的上报文件", &[PACKAGES])?.map(|paths| shell.grant(&paths)))
}

/// Receives the files chosen in the dialog; any other path is refused, not read.
#[tauri::command(async)]
pub fn receive_packages(
    state: State<'_, AppState>,
    shell: State<'_, PackageShell>,
    paths: Vec<String>,
    replace: bool,
    by: String,
) -> Result<Receipts, CommandError> {
    let (chosen, refused) = shell.check(&paths);
    let mut receipts = state.receive_packages(&chosen, replace, &by)?;
    receipts.refused.extend(refused);
    Ok(receipts)
}

/// The 所辖单位 list, with whether each organ's package of `year` was received.
#[tauri::command(async)]
pub fn supervised_organs(state: State<'_, AppState>, year: i32) -> Result<Vec<SupervisedOrgan>, CommandError> {
    state.supervised_organs(year)
}

#[tauri::command(async)]
pub fn supervised_add(
    state: State<'_, AppState>,
    name: String,
    level: Option<String>,
    by: String,
) -> Result<OrganChange, CommandError> {
    state.supervised_add(&name, level.as_deref(), &by)
}

#[tauri::command(async)]
pub fn supervised_remove(state: State<'_, AppState>, name: String, by: String) -> Result<OrganChange, CommandError> {
    state.supervised_remove(&name, &by)
}

/// 「从表格导入…」: the workbook chosen in the dialog, read and its organs added; `None`: cancelled.
#[tauri::command(async)]
pub fn supervised_import(
    app: AppHandle,
    state: State<'_, AppState>,
    by: String,
) -> Result<Option<OrganChange>, CommandError> {
    state.supervised_import(&by, || dialogs::pick_file(&app, "选择所辖单位名单", &[dialogs::ORGAN_LISTS]))
}

/// 统筹职数: the groups, the profile's pools and the 所辖单位 a group may name.
#[tauri::command(async)]
pub fn shared_pools(state: State<'_, AppState>) -> Result<SharedPoolList, CommandError> {
    state.shared_pools()
}

#[tauri::command(async)]
pub fn shared_pool_set(
    state: State<'_, AppState>,
    request: SharedPoolRequest,
    by: String,
) -> Result<SharedPoolList, CommandError> {
    state.shared_pool_set(&request, &by)
}

#[tauri::command(async)]
pub fn shared_pool_remove(
    state: State<'_, AppState>,
    name: String,
    by: String,
) -> Result<SharedPoolList, CommandError> {
    state.shared_pool_remove(&name, &by)
}

#[tauri::command(async)]
pub fn summary(state: State<'_, AppState>, year: i32) -> Result<Summary, CommandError> {
    state.summary(year)
}

#[tauri::command(async)]
pub fn export_summary(
    app: AppHandle,
    state: State<'_, AppState>,
    year: i32,
    on_progress: Channel<ExportProgress>,
) -> Result<Option<String>, CommandError> {
    state.export_summary(year, &mut ask(&app, "保存汇总工作簿"), &sending(&on_progress))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_files_chosen_in_the_dialog_are_read() {
        let shell = PackageShell::default();
        let chosen = shell.grant(&[PathBuf::from("/上报/甲.kaohe")]);
        assert_eq!(chosen, ["/上报/甲.kaohe"]);
        let (ok, refused) = shell.check(&["/上报/甲.kaohe".into(), "/etc/passwd".into()]);
        assert_eq!(ok, ["/上报/甲.kaohe"]);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].file, "/etc/passwd");
        assert!(refused[0].message.contains("不是通过「接收上报文件…」选定的文件"));
    }
}
