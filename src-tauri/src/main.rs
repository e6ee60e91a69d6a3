//! The `kaohe-app` executable: starts the desktop shell (see the library crate).

// A release build on Windows opens no console window next to the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

/// An import makes and frees a few small strings for every cell it reads: mimalloc does that
/// faster than the system allocator (see the import benchmark in the README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match kaohe_app::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kaohe-app: 无法启动 / cannot start: {e}");
            ExitCode::FAILURE
        }
    }
}
