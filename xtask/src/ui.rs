//! The web front end in ui/: its npm packages, its build (ui/dist, which the Rust shell embeds,
//! so it must exist before cargo builds kaohe-app) and its unit tests.

use std::path::Path;
use std::time::SystemTime;

use crate::steps::{self, Failure};

/// `npm ci` when ui/node_modules is missing or older than ui/package-lock.json.
pub fn ensure_node_modules(root: &Path) -> Result<(), Failure> {
    ensure_node_modules_in(&root.join("ui"))
}

/// `npm ci` in `ui` (a folder with package.json and package-lock.json) when its node_modules is
/// missing or older than its lock file.
pub fn ensure_node_modules_in(ui: &Path) -> Result<(), Failure> {
    let version = steps::output(steps::npm().arg("--version")).ok_or_else(|| {
        Failure::new(
            "找不到 npm。请安装 Node.js 20.19 或更高版本（含 npm）：https://nodejs.org/\n\
             npm not found: install Node.js >= 20.19 with npm",
        )
    })?;
    println!("npm {}", version.trim());

    let lock_file = ui.join("package-lock.json");
    let lock = modified(&lock_file).ok_or_else(|| Failure::new(format!("缺少 / missing: {}", lock_file.display())))?;
    // npm rewrites node_modules/.package-lock.json on every install.
    match modified(&ui.join("node_modules").join(".package-lock.json")) {
        Some(installed) if installed >= lock => {
            println!("{} 已是最新 / up to date", ui.join("node_modules").display());
            Ok(())
        }
        _ => steps::run(steps::npm().args(["ci", "--no-audit", "--no-fund"]).current_dir(ui)),
    }
}

/// `npm run build`: vue-tsc type check, then vite build into ui/dist.
pub fn build(root: &Path) -> Result<(), Failure> {
    steps::run(steps::npm().args(["run", "build"]).current_dir(root.join("ui")))
}

/// `npm run format:check`: Prettier (ui/.prettierrc.json) over the UI's files, as `npm run format`
/// writes them.
pub fn format_check(root: &Path) -> Result<(), Failure> {
    steps::run(steps::npm().args(["run", "format:check"]).current_dir(root.join("ui")))
}

/// `npm run lint`: ESLint (ui/eslint.config.js) over the UI's TypeScript and Vue files.
pub fn lint(root: &Path) -> Result<(), Failure> {
    steps::run(steps::npm().args(["run", "lint"]).current_dir(root.join("ui")))
}

/// `npm test`: Vitest, once.
pub fn test(root: &Path) -> Result<(), Failure> {
    steps::run(steps::npm().arg("test").current_dir(root.join("ui")))
}

fn modified(path: &Path) -> Option<SystemTime> {
    path.metadata().and_then(|m| m.modified()).ok()
}
