//! 上报 and 汇总 in the app: an organ's finalised year saved as a package where the clerk
//! chooses (`report_package`), packages chosen in a dialog (`receive_pick`) and received
//! (`receive_packages`, again with `replace` once the clerk confirms), and the year's 汇总
//! (`summary`) — kaohe-desk's `summary` use cases.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;

use kaohe_desk::summary::{self, MakeRequest, Receipts, Refusal, Summary};
use tauri::{AppHandle, State};

use crate::dialogs::{self, PACKAGES};
use crate::error::{CommandError, ErrorCode};
use crate::export::{ask, save, sending, AskWhere, ExportProgress, TellExport};
use crate::state::{parse_date, AppState};
use tauri::ipc::Channel;

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

impl AppState {
    /// The organ's package of `year`, written where `ask` says (`Ok(None)`: cancelled).
    pub fn report_package(
        &self,
        year: i32,
        organ: &str,
        as_of: Option<&str>,
        by: &str,
        ask: impl FnOnce(&str) -> Result<Option<PathBuf>, CommandError>,
    ) -> Result<Option<String>, CommandError> {
        let as_of = as_of.filter(|d| !d.is_empty()).map(|d| parse_date("晋升人选计算日期", d)).transpose()?;
        let by = kaohe_desk::committee::operator(by)?.to_string();
        let text = self.profile_text()?;
        let made_at = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
        let request = MakeRequest { organ, year, as_of, profile_text: &text, by: &by, made_at: &made_at };
        let (_, bytes) = self.reading(|store| Ok(summary::make_package(store, self.profile(), &request)?))?;
        let Some(path) = ask(&summary::package_file_name(organ.trim(), year))? else {
            return Ok(None);
        };
        let path = if path.extension().is_some() { path } else { path.with_extension("kaohe") };
        kaohe_files::write_replacing(&path, kaohe_files::Access::Ordinary, |partial| {
            std::fs::write(partial, &bytes).map_err(|e| kaohe_files::FileError::new(&path, e))
        })
        .map_err(|e: kaohe_files::FileError| CommandError::new(ErrorCode::WriteFailed, e.to_string()))?;
        Ok(Some(path.display().to_string()))
    }

    /// Receives the packages at `paths`; a file that cannot be read is refused with the others.
    pub fn receive_packages(&self, paths: &[String], replace: bool, by: &str) -> Result<Receipts, CommandError> {
        let (mut files, mut unreadable) = (Vec::new(), Vec::new());
        for path in paths {
            match std::fs::read(path) {
                Ok(bytes) => files.push((path.clone(), bytes)),
                Err(e) => unreadable.push(Refusal::unreadable(path, &e)),
            }
        }
        let mut receipts = self.writing(|store| Ok(summary::receive(store, self.profile(), &files, replace, by)?))?;
        receipts.refused.extend(unreadable);
        Ok(receipts)
    }

    pub fn summary(&self, year: i32) -> Result<Summary, CommandError> {
        self.reading(|store| Ok(summary::summary(store, self.profile(), year)?))
    }

    /// The year's 汇总 saved as a workbook where the clerk chooses (「汇总_2025年度.xlsx」).
    pub fn export_summary(
        &self,
        year: i32,
        ask: &mut AskWhere<'_>,
        tell: TellExport,
    ) -> Result<Option<String>, CommandError> {
        tell(ExportProgress::Computing);
        let report = self.summary(year)?;
        save(ask, tell, &format!("汇总_{year}年度.xlsx"), |path| summary::export_summary(&report, path))
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
    state.report_package(year, &organ, as_of.as_deref(), &by, |name| {
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
