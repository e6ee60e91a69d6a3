//! Native file dialogs, shown by Rust: the web view has no `dialog:` or `fs:` permission, so a
//! file reaches the app only through a dialog here (or a path dropped on the window).
//!
//! Test hook: with `KAOHE_DIALOG_ANSWERS=<file>`, no dialog is shown; each dialog takes the first
//! line of that file as its answer and removes it (an empty line, an empty or missing file means
//! the clerk cancelled). End-to-end tests write the answer, then click the button.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::error::{CommandError, ErrorCode};

/// A file type offered in a dialog, e.g. 「Excel 工作簿」 with `xlsx`, `xls`.
#[derive(Debug, Clone, Copy)]
pub struct Filter {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

/// The roster formats the importer reads.
pub const ROSTERS: Filter =
    Filter { name: "名册（Excel、WPS、CSV）", extensions: &["xlsx", "xlsm", "xls", "ods", "et", "csv"] };
/// A list of organs (所辖单位): a workbook, as the national system writes it or any other.
pub const ORGAN_LISTS: Filter =
    Filter { name: "单位名单（Excel、WPS）", extensions: &["xlsx", "xls", "xlsm", "et", "ods"] };
/// An .xlsx workbook written by Kaohe.
pub const WORKBOOK: Filter = Filter { name: "Excel 工作簿", extensions: &["xlsx"] };

#[cfg(debug_assertions)]
const ANSWERS_ENV: &str = "KAOHE_DIALOG_ANSWERS";

/// Asks for an existing file. `Ok(None)`: the clerk cancelled.
pub fn pick_file(app: &AppHandle, title: &str, filters: &[Filter]) -> Result<Option<PathBuf>, CommandError> {
    if let Some(answer) = scripted_answer()? {
        return Ok(answer);
    }
    let mut dialog = app.dialog().file().set_title(title);
    for f in filters {
        dialog = dialog.add_filter(f.name, f.extensions);
    }
    dialog.blocking_pick_file().map(into_path).transpose()
}

/// Asks for one or more existing files. `Ok(None)`: the clerk cancelled. (A scripted answer is
/// one line with the paths separated by tabs.)
pub fn pick_files(app: &AppHandle, title: &str, filters: &[Filter]) -> Result<Option<Vec<PathBuf>>, CommandError> {
    if let Some(answer) = scripted_answer()? {
        return Ok(answer.map(|line| line.to_string_lossy().split('\t').map(PathBuf::from).collect()));
    }
    let mut dialog = app.dialog().file().set_title(title);
    for f in filters {
        dialog = dialog.add_filter(f.name, f.extensions);
    }
    dialog.blocking_pick_files().map(|paths| paths.into_iter().map(into_path).collect()).transpose()
}

/// A report package (上报文件).
pub const PACKAGES: Filter = Filter { name: "上报文件（.kaohe）", extensions: &["kaohe"] };

/// Asks where to save, proposing `default_name`. `Ok(None)`: the clerk cancelled.
pub fn save_file(
    app: &AppHandle,
    title: &str,
    default_name: &str,
    filters: &[Filter],
) -> Result<Option<PathBuf>, CommandError> {
    if let Some(answer) = scripted_answer()? {
        return Ok(answer);
    }
    let mut dialog = app.dialog().file().set_title(title).set_file_name(default_name);
    for f in filters {
        dialog = dialog.add_filter(f.name, f.extensions);
    }
    dialog.blocking_save_file().map(into_path).transpose()
}

fn into_path(path: tauri_plugin_dialog::FilePath) -> Result<PathBuf, CommandError> {
    path.into_path().map_err(|e| CommandError::new(ErrorCode::BadArgument, format!("所选位置不是本机文件：{e}")))
}

/// A release build has no test hook: every dialog is a real one, whatever the environment says.
#[cfg(not(debug_assertions))]
fn scripted_answer() -> Result<Option<Option<PathBuf>>, CommandError> {
    Ok(None)
}

/// `Some(answer)` when the test hook is on; `None` when a real dialog must be shown. Only in
/// debug builds (those the tests drive): a release build never reads the variable.
#[cfg(debug_assertions)]
fn scripted_answer() -> Result<Option<Option<PathBuf>>, CommandError> {
    let Some(file) = std::env::var_os(ANSWERS_ENV).filter(|v| !v.is_empty()).map(PathBuf::from) else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("").trim().to_owned();
    let rest: Vec<&str> = lines.collect();
    std::fs::write(&file, rest.join("\n")).map_err(|e| {
        CommandError::new(ErrorCode::WriteFailed, format!("无法更新对话框应答文件「{}」：{e}", file.display()))
    })?;
    Ok(Some((!first.is_empty()).then(|| PathBuf::from(first))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_answers_are_taken_in_order_and_blank_means_cancel() {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("answers.txt");
        std::fs::write(&file, "/tmp/a.xlsx\n\n/tmp/b.xlsx\n").expect("answers");
        // Only this test in this binary reads or sets the variable.
        std::env::set_var(ANSWERS_ENV, &file);
        assert_eq!(scripted_answer().expect("no error"), Some(Some(PathBuf::from("/tmp/a.xlsx"))));
        assert_eq!(scripted_answer().expect("no error"), Some(None));
        assert_eq!(scripted_answer().expect("no error"), Some(Some(PathBuf::from("/tmp/b.xlsx"))));
        assert_eq!(scripted_answer().expect("no error"), Some(None));
        std::env::remove_var(ANSWERS_ENV);
        assert_eq!(scripted_answer().expect("no error"), None);
    }
}
