//! The end-to-end journeys (tests/e2e, WebdriverIO through tauri-driver and WebKitWebDriver) in
//! the real window of target/debug/kaohe-app, built once per run by `cargo xtask test` before
//! this step. Each journey starts its own app with a fresh database; see tests/e2e/README.md.
//!
//! On Linux the journeys run under `xvfb-run` on a 1366x768 screen; screenshots and logs land in
//! target/screenshots/e2e/ (`KAOHE_BLESS=1` also refreshes docs/screenshots/). tauri-driver is
//! installed with `cargo install` when missing (an install step, not part of a test).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::desktop;
use crate::steps::{self, Failure, Tally};
use crate::ui;

const SCREEN: &str = "-screen 0 1366x768x24";

/// Whether the journeys can run here: tauri-driver drives WebKitGTK on Linux (and WebView2 on
/// Windows with a matching msedgedriver, which this project does not set up).
pub fn supported() -> bool {
    cfg!(target_os = "linux")
}

fn exe(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}

/// tauri-driver: on PATH, or where `cargo install` puts it.
fn tauri_driver() -> Option<PathBuf> {
    if steps::on_path(&exe("tauri-driver")) {
        return Some(PathBuf::from(exe("tauri-driver")));
    }
    let home = std::env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| {
        std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" }).map(|h| PathBuf::from(h).join(".cargo"))
    })?;
    let installed = home.join("bin").join(exe("tauri-driver"));
    installed.is_file().then_some(installed)
}

/// `cargo install tauri-driver --locked --version '^2'` unless it is already installed.
pub fn ensure_tauri_driver() -> Result<(), Failure> {
    if let Some(found) = tauri_driver() {
        println!("tauri-driver 已安装 / installed: {}", found.display());
        return Ok(());
    }
    steps::run(steps::cargo().args(["install", "tauri-driver", "--locked", "--version", "^2"]))?;
    tauri_driver()
        .map(|_| ())
        .ok_or_else(|| Failure::new("安装后仍找不到 tauri-driver / tauri-driver not found after cargo install"))
}

/// `npm ci` in tests/e2e when needed (WebdriverIO lives there, not in ui/).
pub fn ensure_node_modules(root: &Path) -> Result<(), Failure> {
    ui::ensure_node_modules_in(&root.join("tests").join("e2e"))
}

/// Runs every journey (`npm test` in tests/e2e) against the app already built.
pub fn run(root: &Path, tally: &mut Tally) -> Result<(), Failure> {
    let name = "端到端测试 / end-to-end journeys (WebdriverIO + tauri-driver, Xvfb 1366x768)";
    if !supported() {
        println!("\n==> {name}\n非 Linux 系统，跳过 / not Linux: skipped");
        return Ok(());
    }
    let app = desktop::app_binary(root);
    let out = desktop::target_dir(root).join("screenshots").join("e2e");
    tally.step(name, || {
        let driver = tauri_driver().ok_or_else(|| Failure::new("找不到 tauri-driver / tauri-driver not found"))?;
        std::fs::create_dir_all(&out).map_err(|e| Failure::new(format!("{}: {e}", out.display())))?;
        let mut command = Command::new("xvfb-run");
        command.arg("-a").arg("-e").arg(out.join("xvfb.log")).arg("-s").arg(SCREEN);
        command.arg(if cfg!(windows) { "npm.cmd" } else { "npm" }).arg("test");
        command
            .current_dir(root.join("tests").join("e2e"))
            .env("KAOHE_APP", &app)
            .env("TAURI_DRIVER", &driver)
            .env("KAOHE_E2E_OUT", &out);
        steps::run(&mut command)
            .map_err(|f| Failure::new(format!("{f}\n截图与日志 / screenshots and logs: {}", out.display())))
    })
}
