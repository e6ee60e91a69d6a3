//! `cargo xtask <task>`: the project's automation, in Rust so it runs the same on a clerk's
//! Windows machine, a developer's Linux box and CI.
//!
//! - `run [ARGS…]`: system packages, UI build, `cargo build -p kaohe-app`, then start the app.
//! - `test`: system packages, tauri-driver, `cargo fmt --check`, UI build, UI lint (ESLint) and format (Prettier), UI unit tests,
//!   `cargo clippy -D warnings`, the Windows cross-build and a
//!   Wine prefix, `cargo test --workspace` (with the Windows CLI's journeys under Wine), the
//!   desktop self-test (the real app under Xvfb, its page text and a screenshot checked), the
//!   end-to-end journeys in tests/e2e (WebdriverIO through tauri-driver, one fresh app each), then
//!   the Windows installer under Wine.
//! - `e2e`: the same preparation, then only the end-to-end journeys (for writing journeys, and
//!   `KAOHE_BLESS=1` to refresh the screenshots in docs/screenshots/).
//! - `bench-startup`: time from process start to the first usable window (median of several runs).
//! - `fuzz`: libFuzzer on what Kaohe reads from files (see fuzz.rs).
//! - `windows [--test]`: kaohe.exe, kaohe-app.exe and the NSIS installer cross-built for Windows;
//!   with `--test`, the CLI's journeys and the installer under Wine (see windows.rs).
//!
//! Every step prints what it runs; `test` ends with `xtask: N passed, M failed`.

mod desktop;
mod e2e;
mod fuzz;
mod startup;
mod steps;
mod sysdeps;
mod ui;
mod windows;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use steps::{Failure, Tally};

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  run [ARGS…]   build the UI and the desktop app (debug), then start it with ARGS
  test          UI unit tests, the Windows cross-build, cargo test --workspace (with the Windows
                CLI under Wine), the desktop self-test and the end-to-end journeys under Xvfb,
                the Windows installer under Wine (KAOHE_BLESS=1 also refreshes docs/screenshots/)
  e2e           only the end-to-end journeys (after building the UI and the app once);
                KAOHE_BLESS=1 cargo xtask e2e refreshes docs/screenshots/
  bench-startup [--runs N] [--db FILE | --people N] [--section home|people] [--release]
                time from starting kaohe-app to its first page painted with data, median of N runs
  windows [--test]
                cross-build kaohe.exe, kaohe-app.exe and the NSIS installer for Windows
                (target/windows/bundle/); --test runs the CLI's journeys and the installer
                under Wine
  fuzz [--minutes N] [--target NAME]
                libFuzzer (cargo-fuzz, nightly) on the roster readers, the rule profile, the
                mapping file and backup inspection, seeded from fixtures/ (report in target/fuzz/)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    match args.first().map(String::as_str) {
        Some("run") => run(&root, &args[1..]),
        Some("test") => test(&root),
        Some("e2e") => e2e_only(&root),
        Some("bench-startup") => startup::main(&root, &args[1..]),
        Some("fuzz") => fuzz::main(&root, &args[1..]),
        Some("windows") => windows::main(&root, &args[1..]),
        Some(desktop::INNER_TASK) => desktop::inner_main(&args[1..]),
        Some(startup::INNER_TASK) => startup::inner_main(&args[1..]),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            if let Some(task) = other {
                eprintln!("xtask: 未知任务 / unknown task `{task}`\n");
            }
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// The workspace root: the parent of this crate's folder.
fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

fn run(root: &Path, app_args: &[String]) -> ExitCode {
    let mut tally = Tally::new();
    let prepared = (|| -> Result<(), Failure> {
        tally.step("检查系统依赖 / system packages", || sysdeps::ensure(sysdeps::Need::Build))?;
        tally.step("前端依赖 / UI dependencies (npm ci)", || ui::ensure_node_modules(root))?;
        tally.step("构建前端 / UI build (vue-tsc + vite)", || ui::build(root))?;
        tally.step("构建桌面程序 / cargo build -p kaohe-app", || {
            steps::run(steps::cargo().args(["build", "-p", "kaohe-app"]).current_dir(root))
        })?;
        Ok(())
    })();
    if prepared.is_err() {
        tally.print_summary();
        return ExitCode::FAILURE;
    }
    let app = desktop::app_binary(root);
    println!("==> 启动 / starting {}", app.display());
    match steps::status(std::process::Command::new(&app).args(app_args).current_dir(root)) {
        Ok(status) if status.success() => ExitCode::SUCCESS,
        Ok(status) => {
            eprintln!("xtask: kaohe-app 退出状态 / exited with {status}");
            ExitCode::FAILURE
        }
        Err(failure) => {
            eprintln!("xtask: {failure}");
            ExitCode::FAILURE
        }
    }
}

fn test(root: &Path) -> ExitCode {
    let started = std::time::Instant::now();
    let mut tally = Tally::new();
    let outcome = (|| -> Result<(), Failure> {
        tally.step("检查系统依赖 / system packages", || sysdeps::ensure(sysdeps::Need::Test))?;
        if e2e::supported() {
            tally.step("tauri-driver (cargo install --locked --version ^2)", e2e::ensure_tauri_driver)?;
            tally.step("端到端测试依赖 / E2E dependencies (npm ci in tests/e2e)", || {
                e2e::ensure_node_modules(root)
            })?;
        }
        // The layout of the Rust code (rustfmt.toml); a toolchain without rustfmt skips it.
        if steps::cargo().args(["fmt", "--version"]).output().is_ok_and(|o| o.status.success()) {
            tally.step("代码格式 / cargo fmt --check", || {
                steps::run(steps::cargo().args(["fmt", "--all", "--check"]).current_dir(root))
            })?;
        } else {
            println!("\n==> 代码格式 / cargo fmt --check: 跳过，未安装 rustfmt / skipped, rustfmt is not installed");
        }
        tally.step("前端依赖 / UI dependencies (npm ci)", || ui::ensure_node_modules(root))?;
        tally.step("构建前端 / UI build (vue-tsc + vite)", || ui::build(root))?;
        tally.step("前端代码检查 / UI lint (eslint)", || ui::lint(root))?;
        tally.step("前端代码格式 / UI format (prettier --check)", || ui::format_check(root))?;
        tally.step("前端单元测试 / UI unit tests (vitest)", || ui::test(root))?;
        // The workspace's lints (Cargo.toml [workspace.lints]) over every crate, tests and benches
        // included, warnings refused; after the UI build (the shell embeds ui/dist). A toolchain
        // without clippy skips it.
        if steps::cargo().args(["clippy", "--version"]).output().is_ok_and(|o| o.status.success()) {
            tally.step("代码检查 / cargo clippy -D warnings", || {
                steps::run(
                    steps::cargo()
                        .args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])
                        .current_dir(root),
                )
            })?;
        } else {
            println!("\n==> 代码检查 / cargo clippy: 跳过，未安装 clippy / skipped, clippy is not installed");
        }
        // Windows, cross-built and run under Wine (windows.rs): built before the Rust tests, whose
        // tests/it/windows.rs journeys then run the Windows CLI beside the Linux one.
        let windows = if cfg!(target_os = "linux") { Some(windows::prepare(root, &mut tally)?) } else { None };
        let windows_env = windows.as_ref().map(windows::Prepared::test_env).unwrap_or_default();
        // One invocation for the whole workspace, so that every crate is built with the same
        // features (mixing `-p` and `--workspace` rebuilds dozens of crates). With an integration
        // test in src-tauri, this also builds target/debug/kaohe-app for the self-test below.
        // The hostile-input tests run the `kaohe` binary itself, which `cargo test` does not
        // build for another package: build the workspace's binaries first, with the same
        // selection of packages (so nothing is rebuilt for different features).
        tally.step("构建程序 / cargo build --workspace --bins", || {
            steps::run(steps::cargo().args(["build", "--workspace", "--bins"]).current_dir(root))
        })?;
        tally.step("Rust 测试 / cargo test --workspace", || {
            steps::run(steps::cargo().args(["test", "--workspace"]).current_dir(root).envs(windows_env))
        })?;
        desktop::selftest(root, &mut tally)?;
        e2e::run(root, &mut tally)?;
        if let Some(prepared) = &windows {
            windows::rust_tests(root, prepared, &mut tally)?;
            windows::check_installer(root, prepared, &mut tally)?;
        }
        Ok(())
    })();
    println!("xtask: 用时 / took {:.0} s", started.elapsed().as_secs_f64());
    tally.print_summary();
    match outcome {
        Ok(()) if tally.failed() == 0 => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}

fn e2e_only(root: &Path) -> ExitCode {
    let started = std::time::Instant::now();
    let mut tally = Tally::new();
    let outcome = (|| -> Result<(), Failure> {
        tally.step("检查系统依赖 / system packages", || sysdeps::ensure(sysdeps::Need::Test))?;
        tally.step("tauri-driver (cargo install --locked --version ^2)", e2e::ensure_tauri_driver)?;
        tally.step("端到端测试依赖 / E2E dependencies (npm ci in tests/e2e)", || {
            e2e::ensure_node_modules(root)
        })?;
        tally.step("前端依赖 / UI dependencies (npm ci)", || ui::ensure_node_modules(root))?;
        tally.step("构建前端 / UI build (vue-tsc + vite)", || ui::build(root))?;
        tally.step("构建程序 / cargo build --workspace --bins", || {
            steps::run(steps::cargo().args(["build", "--workspace", "--bins"]).current_dir(root))
        })?;
        e2e::run(root, &mut tally)
    })();
    println!("xtask: 用时 / took {:.0} s", started.elapsed().as_secs_f64());
    tally.print_summary();
    match outcome {
        Ok(()) if tally.failed() == 0 => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}
