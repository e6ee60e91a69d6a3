//! The `kaohe-app` executable: starts the desktop shell (see the library crate).

// A release build on Windows opens no console window next to the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    match kaohe_app::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kaohe-app: 无法启动 / cannot start: {e}");
            ExitCode::FAILURE
        }
    }
}
