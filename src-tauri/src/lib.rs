//! Kaohe's desktop shell: a Tauri 2 window showing the web UI (ui/, embedded from ui/dist) and
//! thin commands over kaohe-desk's `Session` (the open database and the rule profile in force,
//! whose methods are the commands' bodies). No business rule lives here: the shell unpacks the
//! arguments, shows the dialogs and windows, sends progress and drops on the page's channels.
//!
//! - [`state`]: the session, with the app's name, the sample roster and the self-test hook.
//! - [`commands`]: the `#[tauri::command]` functions the UI calls.
//! - [`preview`]: the print preview window (a second window, static HTML, no permissions).
//! - [`error`]: the `{code, message}` error every command returns.
//! - [`dialogs`]: native open/save dialogs shown by Rust (with a scripted answer file for tests).
//! - [`export`]: the result workbooks saved where the clerk chooses (导出).
//! - [`settings`]: 设置 (操作人, backup, restore); [`log`]: 操作日志; [`rules`]: the active rule
//!   profile (a local file or the national default).
//! - [`import`]: the 导入 wizard's commands (layout, check, apply with progress and cancel, drops).
//!
//! Environment: `KAOHE_DB` replaces the database path; in debug builds only (the tests' builds),
//! `KAOHE_DIALOG_ANSWERS=<file>` answers file
//! dialogs from a file (end-to-end tests); `KAOHE_SELFTEST=<file>` turns on the CI
//! self-test (the UI reports its page text, the shell writes it to the file and quits).

pub mod audit;
pub mod commands;
pub mod dashboard;
pub mod dialogs;
pub use kaohe_desk::error;
pub mod export;
pub mod import;
pub mod log;
pub mod password;
pub mod people;
pub mod preview;
pub mod rules;
pub mod settings;
pub mod state;
pub mod summary;
pub mod whatif;

use std::path::PathBuf;

use state::AppState;
use tauri::{Manager, WindowEvent};

/// Starts the application and returns when its last window has closed.
pub fn run() -> Result<(), tauri::Error> {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let db_path = kaohe_store::default_db_path();
            // The self-test hook exists in debug builds only (those the tests run) and in builds
            // made for timing (feature test-hooks): a shipped release build never reads it.
            let selftest = cfg!(any(debug_assertions, feature = "test-hooks"))
                .then(|| std::env::var_os("KAOHE_SELFTEST"))
                .flatten()
                .filter(|v| !v.is_empty())
                .map(PathBuf::from);
            let info = app.package_info();
            let state = AppState::open("考核 Kaohe", &info.version.to_string(), db_path, selftest);
            match state.open_error() {
                None => eprintln!("kaohe-app: 数据库 / database {}", state.db_path().display()),
                Some(e) => eprintln!("kaohe-app: 数据库无法打开 / database cannot be opened: {e}"),
            }
            app.manage(state);
            app.manage(import::ImportShell::default());
            app.manage(summary::PackageShell::default());
            // Previews a crash left behind.
            if let Ok(dir) = preview::folder(app.handle()) {
                preview::remove_files(&dir);
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            if window.label() == "main" && matches!(event, WindowEvent::Destroyed) {
                preview::close(window.app_handle());
            }
            if window.label() == preview::LABEL && matches!(event, WindowEvent::Destroyed) {
                if let Ok(dir) = preview::folder(window.app_handle()) {
                    preview::remove_files(&dir);
                }
            }
            if let (true, WindowEvent::DragDrop(drop)) = (window.label() == "main", event) {
                import::dropped(window.app_handle(), drop);
            }
        })
        .invoke_handler(invoke_handler())
        .run(tauri::generate_context!())
}

/// The commands the web view may call: the handler that serves them and [`COMMANDS`], their
/// names (the ones the build's permissions and the capability grant), from the one list in
/// `command_list.rs`.
macro_rules! commands {
    ($($module:ident :: $command:ident),* $(,)?) => {
        /// Every command the web view may call, by name, in the handler's order; each is granted
        /// in capabilities/default.json.
        pub const COMMANDS: &[&str] = &[$(stringify!($command)),*];

        fn invoke_handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($module::$command),*]
        }
    };
}

include!("command_list.rs");
