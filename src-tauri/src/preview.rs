//! The print preview window: a second window (label `print-preview`) showing the HTML file that
//! kaohe-desk's `Session::print_preview` wrote, loaded from its `file://` URL. It is in no
//! capability, so it may call no command; the file's own CSP allows no script. 「打印」 asks the
//! web view of this window for the system print dialog.
//!
//! The files shown are the roster's names, IDs and grades: written owner-only into the app's
//! cache folder ([`folder`]), they are removed when the window closes and, for what a crash left,
//! when the app starts ([`remove_files`]).

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Url, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

use crate::error::{CommandError, ErrorCode};

/// The preview window's label (reused by every preview).
pub const LABEL: &str = "print-preview";

/// Room for an A4 sheet (210 mm, 794 px) with a margin and a scroll bar; at most this tall, and
/// no taller than the screen allows (office laptops often have 768 pixels).
const SIZE: (f64, f64) = (900.0, 1000.0);

fn failed(e: tauri::Error) -> CommandError {
    CommandError::new(ErrorCode::Internal, format!("无法打开打印预览窗口：{e}"))
}

/// The folder the previews are written into: `print/` in the app's cache folder.
pub fn folder(app: &AppHandle) -> Result<PathBuf, CommandError> {
    let cache = app
        .path()
        .app_cache_dir()
        .map_err(|e| CommandError::new(ErrorCode::WriteFailed, format!("找不到用于打印文件的缓存文件夹：{e}")))?;
    Ok(cache.join("print"))
}

/// Removes the files in the previews' folder `dir` (the folder itself stays); best effort, a
/// missing folder is nothing to remove.
pub fn remove_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Shows the file in the preview window, opening the window or reusing it.
pub fn show(app: &AppHandle, file: &Path, title: &str) -> Result<(), CommandError> {
    let url = Url::from_file_path(file)
        .map_err(|()| CommandError::new(ErrorCode::Internal, format!("无法打开打印文件「{}」", file.display())))?;
    let window_title = format!("打印预览 – {title}");
    if let Some(window) = app.get_webview_window(LABEL) {
        window.navigate(url).map_err(failed)?;
        window.set_title(&window_title).map_err(failed)?;
        if window.is_minimized().unwrap_or(false) {
            window.unminimize().map_err(failed)?;
        }
        window.show().map_err(failed)?;
        window.set_focus().map_err(failed)?;
        return Ok(());
    }
    let screen_height = app
        .get_webview_window("main")
        .and_then(|main| main.current_monitor().ok().flatten())
        .map(|m| f64::from(m.size().height) / m.scale_factor());
    let height = screen_height.map_or(SIZE.1, |h| SIZE.1.min(h - 80.0).max(360.0));
    WebviewWindowBuilder::new(app, LABEL, WebviewUrl::External(url))
        .title(window_title)
        .inner_size(SIZE.0, height)
        .min_inner_size(480.0, 360.0)
        // Only the generated files: nothing on the page may lead elsewhere.
        .on_navigation(|url| url.scheme() == "file")
        .build()
        .map_err(failed)?;
    Ok(())
}

/// The preview window, if open.
pub fn window(app: &AppHandle) -> Result<WebviewWindow, CommandError> {
    app.get_webview_window(LABEL)
        .ok_or_else(|| CommandError::new(ErrorCode::NoPreview, "没有打开的打印预览，请先点击「预览」"))
}

/// Opens the system print dialog for the preview window's page.
pub fn print(app: &AppHandle) -> Result<(), CommandError> {
    let window = window(app)?;
    window.set_focus().map_err(failed)?;
    window.print().map_err(|e| CommandError::new(ErrorCode::Internal, format!("无法打开打印对话框：{e}")))
}

/// Closes the preview window along with the main window, so that the application ends.
pub fn close(app: &AppHandle) {
    if let Some(window) = app.get_webview_window(LABEL) {
        let _ = window.close();
    }
}
