//! `cargo xtask windows [--test]`: Kaohe for Windows, built and exercised on Linux.
//!
//! - Packages (Debian's, as root): `rustc-web`, `cargo-web` and `rust-web-src` (a Rust compiler
//!   with its standard library's source, in /usr/bin, used only here: the rustup toolchain stays
//!   the default for everything else), `mingw-w64` (the linker and C compiler for SQLite),
//!   `nsis` (makensis), and for `--test` `wine64`, `p7zip-full`, `locales` (zh_CN.GBK).
//! - Build: `kaohe.exe` and `kaohe-app.exe` for x86_64-pc-windows-gnu in release, the standard
//!   library built from source (`-Zbuild-std`; rustup cannot fetch the target's here), into
//!   target/windows. The gnu build of the app links WebView2Loader.dll, which ships beside it.
//! - Installer: src-tauri/windows/installer.nsi through Debian's makensis (64-bit stub), into
//!   target/windows/bundle/Kaohe_<version>_x64-setup.exe. Not Tauri's own NSIS bundler: on Linux
//!   it downloads a plugin DLL from GitHub at bundle time, which these machines cannot reach.
//! - `--test`: a fresh Wine prefix (target/windows/wine) with the ProcessPrng shim Wine 8 lacks
//!   (xtask/windows/bcryptprimitives.c); the CLI's journeys (tests/it/windows.rs, answers compared
//!   with the Linux build's); the Rust tests themselves built for Windows and run under Wine
//!   (`rust_tests`); the installer listed, its first page shown under Xvfb (title and
//!   screenshot), installed silently, its shortcut and uninstall entry checked, the installed
//!   kaohe.exe run, and uninstalled (the database stays). The desktop app itself needs WebView2,
//!   which Wine does not have: it is built and installed, not started.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::steps::{self, Failure, Tally};
use crate::sysdeps::is_root;

const TARGET: &str = "x86_64-pc-windows-gnu";
/// Debian's rustc-web and cargo-web (1.96 on Debian 12), with the standard library's source.
const RUSTC: &str = "/usr/bin/rustc";
const CARGO: &str = "/usr/bin/cargo";
const RUST_SRC: &str = "/usr/lib/rustlib/src/rust/library";
const WINE: &str = "/usr/lib/wine/wine64";
const WINESERVER: &str = "/usr/lib/wine/wineserver";

const BUILD_PACKAGES: &[&str] = &["rustc-web", "cargo-web", "rust-web-src", "mingw-w64", "nsis"];
const TEST_PACKAGES: &[&str] =
    &["wine64", "p7zip-full", "locales", "xvfb", "xauth", "xdotool", "imagemagick", "fonts-noto-cjk"];
/// The console test's locale (Wine takes its code page, 936, from it).
const GBK_LOCALE: &str = "zh_CN.GBK";

const PRODUCT: &str = "考核 Kaohe";

pub fn main(root: &Path, args: &[String]) -> ExitCode {
    let test = match args {
        [] => false,
        [flag] if flag == "--test" => true,
        _ => {
            eprintln!("usage: cargo xtask windows [--test]");
            return ExitCode::from(2);
        }
    };
    let started = std::time::Instant::now();
    let mut tally = Tally::new();
    let outcome = run(root, test, &mut tally);
    println!("xtask: 用时 / took {:.0} s", started.elapsed().as_secs_f64());
    tally.print_summary();
    match outcome {
        Ok(()) if tally.failed() == 0 => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}

/// Builds (and with `test`, exercises) the Windows programs and installer.
fn run(root: &Path, test: bool, tally: &mut Tally) -> Result<(), Failure> {
    if test {
        let prepared = prepare(root, tally)?;
        tally.step("Windows 命令行旅程 / CLI journeys under Wine (tests/it/windows.rs)", || {
            steps::run(
                steps::cargo()
                    .args(["test", "-p", "kaohe-tests", "--test", "it", "windows::"])
                    .current_dir(root)
                    .envs(prepared.test_env()),
            )
        })?;
        rust_tests(root, &prepared, tally)?;
        check_installer(root, &prepared, tally)
    } else {
        let out = out_dir(root)?;
        tally
            .step("Windows 构建工具 / Windows packages (rustc-web, mingw-w64, nsis)", || ensure_packages(false))?;
        build_all(root, &out, tally).map(|bundle| println!("安装程序 / installer: {}", bundle.setup.display()))
    }
}

/// Everything the Windows tests need, made once.
pub struct Prepared {
    bundle: Bundle,
    wine: Wine,
}

impl Prepared {
    /// The environment under which tests/it/windows.rs runs its journeys (without it, they say
    /// so and pass without running).
    pub fn test_env(&self) -> Vec<(&'static str, std::ffi::OsString)> {
        vec![
            ("KAOHE_WINDOWS_EXE", self.bundle.cli.clone().into()),
            ("KAOHE_WINE", WINE.into()),
            ("WINEPREFIX", self.wine.prefix.clone().into()),
        ]
    }
}

/// The Windows build's own tests that need Chromium, a Linux program here: the printed documents
/// rendered to PDF (tests/it/print.rs, and the printed 汇总 in tests/it/summary.rs).
const NOT_UNDER_WINE: &[&str] = &[
    "print::registration_forms_are_one_a4_page_each",
    "print::a_batch_of_200_prints",
    "print::every_document_prints",
    "summary::the_printed_summary_is_a4_with_every_organ",
];

/// The Rust tests built for Windows and run under Wine (as cargo's runner): every library's unit
/// tests and tests/it — rosters, hand-computed cases, hostile files through kaohe.exe, the store,
/// restore (its `file:///C:/` URI) — but those of [`NOT_UNDER_WINE`]. The journeys of
/// tests/it/windows.rs run here as the GitHub workflow runs them on Windows: the test itself a
/// Windows program, kaohe.exe given by `KAOHE_WINDOWS_EXE` alone.
pub fn rust_tests(root: &Path, prepared: &Prepared, tally: &mut Tally) -> Result<(), Failure> {
    let out = out_dir(root)?;
    tally.step("Windows 上的 Rust 测试 / the Rust tests built for Windows, run under Wine", || {
        let mut cargo = cross_cargo(root, &out);
        cargo.args(["test", "--release", "-Zbuild-std=std,panic_abort", "--target", TARGET]);
        for package in
            ["kaohe-engine", "kaohe-workbook", "kaohe-store", "kaohe-print", "kaohe-files", "kaohe-cli", "kaohe-tests"]
        {
            cargo.args(["-p", package]);
        }
        cargo.arg("--");
        for skip in NOT_UNDER_WINE {
            cargo.args(["--skip", skip]);
        }
        steps::run(
            cargo
                .env("CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER", WINE)
                .env("KAOHE_WINDOWS_EXE", format!("Z:{}", prepared.bundle.cli.display()).replace('/', "\\"))
                .env_remove("KAOHE_WINE")
                .env("WINEPREFIX", &prepared.wine.prefix)
                .env("WINEDEBUG", "-all")
                .env_remove("KAOHE_DB")
                .env_remove("DISPLAY"),
        )
    })
}

fn out_dir(root: &Path) -> Result<PathBuf, Failure> {
    if !cfg!(target_os = "linux") {
        return Err(Failure::new(
            "cargo xtask windows 在 Linux 上交叉编译 / cross-builds on Linux; on Windows use `tauri build`",
        ));
    }
    Ok(crate::desktop::target_dir(root).join("windows"))
}

/// Packages, the cross-build, the installer and a fresh Wine prefix.
pub fn prepare(root: &Path, tally: &mut Tally) -> Result<Prepared, Failure> {
    let out = out_dir(root)?;
    tally.step("Windows 构建工具 / Windows packages (rustc-web, mingw-w64, nsis, wine64…)", || {
        ensure_packages(true)
    })?;
    let bundle = build_all(root, &out, tally)?;
    let wine = tally.step_value("Wine 环境 / fresh Wine prefix (target/windows/wine)", || prefix(root, &out))?;
    Ok(Prepared { bundle, wine })
}

fn build_all(root: &Path, out: &Path, tally: &mut Tally) -> Result<Bundle, Failure> {
    if !root.join("ui/dist/index.html").is_file() {
        tally.step("前端依赖 / UI dependencies (npm ci)", || crate::ui::ensure_node_modules(root))?;
        tally.step("构建前端 / UI build (vue-tsc + vite)", || crate::ui::build(root))?;
    }
    tally.step("交叉编译 / kaohe.exe + kaohe-app.exe (x86_64-pc-windows-gnu, release)", || build(root, out))?;
    let bundle = tally.step_value("安装程序 / NSIS installer (makensis)", || installer(root, out))?;
    println!("安装程序 / installer: {}", bundle.setup.display());
    Ok(bundle)
}

fn ensure_packages(test: bool) -> Result<(), Failure> {
    let mut missing: Vec<&str> = Vec::new();
    let build_ready = Path::new(RUSTC).is_file()
        && Path::new(CARGO).is_file()
        && Path::new(RUST_SRC).is_dir()
        && steps::on_path("x86_64-w64-mingw32-gcc")
        && steps::on_path("makensis");
    if !build_ready {
        missing.extend_from_slice(BUILD_PACKAGES);
    }
    let test_ready = Path::new(WINE).is_file()
        && ["7z", "script", "xvfb-run", "xdotool", "import"].iter().all(|p| steps::on_path(p))
        && has_gbk_locale();
    if test && !test_ready {
        missing.extend_from_slice(TEST_PACKAGES);
    }
    if !missing.is_empty() {
        println!("缺少 / missing: {}", missing.join(" "));
        if !is_root() {
            return Err(Failure::new(format!(
                "请先安装 / please install first:\nsudo apt-get install -y --no-install-recommends {}",
                missing.join(" ")
            )));
        }
        steps::run(Command::new("apt-get").arg("update").env("DEBIAN_FRONTEND", "noninteractive"))?;
        steps::run(
            Command::new("apt-get")
                .args(["install", "-y", "--no-install-recommends"])
                .args(&missing)
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
    }
    if test && !has_gbk_locale() {
        if !is_root() {
            return Err(Failure::new(format!(
                "请生成 GBK 区域设置 / please generate the locale: echo '{GBK_LOCALE} GBK' | sudo tee -a /etc/locale.gen && sudo locale-gen"
            )));
        }
        let gen = fs::read_to_string("/etc/locale.gen").unwrap_or_default();
        if !gen.lines().any(|l| l.trim() == format!("{GBK_LOCALE} GBK")) {
            fs::write("/etc/locale.gen", format!("{gen}\n{GBK_LOCALE} GBK\n"))
                .map_err(|e| Failure::new(format!("/etc/locale.gen: {e}")))?;
        }
        steps::run(&mut Command::new("locale-gen"))?;
    }
    let version = steps::output(Command::new(RUSTC).arg("--version")).unwrap_or_default();
    println!("Windows 编译器 / compiler: {}", version.trim());
    Ok(())
}

fn has_gbk_locale() -> bool {
    steps::output(Command::new("locale").arg("-a"))
        .is_some_and(|list| list.lines().any(|l| l.eq_ignore_ascii_case("zh_CN.gbk")))
}

/// The cross-compiling cargo: Debian's, with its own rustc, the mingw linker, its own target dir.
fn cross_cargo(root: &Path, out: &Path) -> Command {
    let mut cargo = Command::new(CARGO);
    cargo
        .current_dir(root)
        .env("RUSTC", RUSTC)
        .env("RUSTDOC", "/usr/bin/rustdoc")
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_TARGET_DIR", out)
        .env("CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER", "x86_64-w64-mingw32-gcc")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTFLAGS");
    cargo
}

fn build(root: &Path, out: &Path) -> Result<(), Failure> {
    steps::run(cross_cargo(root, out).args([
        "build", "--release", "-Zbuild-std=std,panic_abort", "--target", TARGET, "-p", "kaohe-cli", "-p", "kaohe-app",
    ]))
}

fn release_dir(out: &Path) -> PathBuf {
    out.join(TARGET).join("release")
}

/// What the installer was made from, and the installer.
pub struct Bundle {
    pub version: String,
    pub cli: PathBuf,
    pub setup: PathBuf,
}

/// The workspace's version (Cargo.toml, `[workspace.package] version`).
fn version(root: &Path) -> Result<String, Failure> {
    let manifest = fs::read_to_string(root.join("Cargo.toml")).map_err(|e| Failure::new(format!("Cargo.toml: {e}")))?;
    let mut in_package = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[workspace.package]";
        } else if in_package {
            if let Some(value) = line.strip_prefix("version") {
                let value = value.trim_start().trim_start_matches('=').trim().trim_matches('"');
                return Ok(value.to_string());
            }
        }
    }
    Err(Failure::new("Cargo.toml 中没有 [workspace.package] version"))
}

fn installer(root: &Path, out: &Path) -> Result<Bundle, Failure> {
    let version = version(root)?;
    let release = release_dir(out);
    let stage = out.join("bundle").join("stage");
    fs::create_dir_all(&stage).map_err(|e| Failure::new(format!("{}: {e}", stage.display())))?;
    // Symbols stripped from the shipped copies (the release profile keeps them for backtraces).
    for exe in ["kaohe.exe", "kaohe-app.exe"] {
        steps::run(Command::new("x86_64-w64-mingw32-strip").arg("-o").arg(stage.join(exe)).arg(release.join(exe)))?;
    }
    let loader = release.join("WebView2Loader.dll");
    if !loader.is_file() {
        return Err(Failure::new(format!(
            "找不到 / not found: {} (webview2-com-sys puts it beside the gnu build)",
            loader.display()
        )));
    }
    let setup = out.join("bundle").join(format!("Kaohe_{version}_x64-setup.exe"));
    let define = |name: &str, value: &Path| format!("-D{name}={}", value.display());
    steps::run(
        Command::new("makensis")
            .args(["-V2", "-INPUTCHARSET", "UTF8", "-DNSIS_TARGET=amd64-unicode"])
            .arg(format!("-DVERSION={version}"))
            .arg(define("APP_EXE", &stage.join("kaohe-app.exe")))
            .arg(define("CLI_EXE", &stage.join("kaohe.exe")))
            .arg(define("WEBVIEW2_LOADER", &loader))
            .arg(define("ICON", &root.join("src-tauri/icons/icon.ico")))
            .arg(define("OUTFILE", &setup))
            .arg(root.join("src-tauri/windows/installer.nsi")),
    )?;
    Ok(Bundle { version, cli: stage.join("kaohe.exe"), setup })
}

/// A Wine prefix of the xtask's own.
pub struct Wine {
    prefix: PathBuf,
    /// The prefix's Windows user (whoever runs Wine).
    user: String,
}

impl Wine {
    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new(program);
        c.env("WINEPREFIX", &self.prefix).env("WINEDEBUG", "-all").env_remove("KAOHE_DB").env_remove("DISPLAY");
        c
    }
    fn wine(&self) -> Command {
        self.command(WINE)
    }
    /// Waits until every program of the prefix has ended.
    fn wait(&self) -> Result<(), Failure> {
        steps::run(self.command(WINESERVER).arg("-w"))
    }
    fn user_dir(&self) -> PathBuf {
        self.prefix.join("drive_c/users").join(&self.user)
    }
}

fn prefix(root: &Path, out: &Path) -> Result<Wine, Failure> {
    let prefix = out.join("wine");
    if prefix.exists() {
        let _ = Command::new(WINESERVER).arg("-k").env("WINEPREFIX", &prefix).status();
        fs::remove_dir_all(&prefix).map_err(|e| Failure::new(format!("{}: {e}", prefix.display())))?;
    }
    let mut wine = Wine { prefix: prefix.clone(), user: String::new() };
    steps::run(wine.wine().args(["wineboot", "--init"]))?;
    wine.wait()?;
    wine.user = fs::read_dir(prefix.join("drive_c/users"))
        .map_err(|e| Failure::new(format!("prefix users: {e}")))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name != "Public")
        .ok_or_else(|| Failure::new("Wine 前缀中没有用户目录 / no user folder in the prefix"))?;
    // Wine links Desktop, Documents… to the Unix home folder: folders of the prefix's own instead,
    // so that the installer's desktop shortcut stays in the prefix.
    for entry in fs::read_dir(wine.user_dir()).map_err(|e| Failure::new(format!("{e}")))?.filter_map(Result::ok) {
        if entry.file_type().is_ok_and(|t| t.is_symlink()) {
            fs::remove_file(entry.path())
                .and_then(|()| fs::create_dir(entry.path()))
                .map_err(|e| Failure::new(format!("{}: {e}", entry.path().display())))?;
        }
    }
    // Wine has no Chinese font of its own: the installer's dialog font (宋体, from NSIS's
    // SimpChinese.nlf) and Wine's dialog fonts drawn with Noto Sans CJK (fonts-noto-cjk) instead.
    let fonts = ["宋体", "SimSun", "Tahoma", "MS Shell Dlg", "MS Shell Dlg 2"]
        .iter()
        .map(|face| format!("\"{face}\"=\"Noto Sans CJK SC\"\r\n"))
        .collect::<String>();
    let reg = format!("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Wine\\Fonts\\Replacements]\r\n{fonts}");
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(reg.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(prefix.join("drive_c/fonts.reg"), utf16).map_err(|e| Failure::new(format!("fonts.reg: {e}")))?;
    steps::run(wine.wine().args(["regedit", "/S", r"C:\fonts.reg"]))?;
    wine.wait()?;
    // ProcessPrng for Wine 8 (see the C file).
    let system32 = prefix.join("drive_c/windows/system32");
    steps::run(
        Command::new("x86_64-w64-mingw32-gcc")
            .args(["-O2", "-shared", "-o"])
            .arg(system32.join("bcryptprimitives.dll"))
            .arg(root.join("xtask/windows/bcryptprimitives.c"))
            .arg(root.join("xtask/windows/bcryptprimitives.def"))
            .arg("-lbcrypt"),
    )?;
    Ok(wine)
}

/// The installer: listed, its first page shown, installed and uninstalled silently.
pub fn check_installer(root: &Path, prepared: &Prepared, tally: &mut Tally) -> Result<(), Failure> {
    let (wine, bundle) = (&prepared.wine, &prepared.bundle);
    let mut failed = check_package(bundle, tally);
    failed |= check_wizard(root, wine, bundle, tally);
    failed |= check_install(wine, bundle, tally);
    println!("桌面程序需要 WebView2，Wine 中没有：已构建并安装，未启动 / kaohe-app.exe needs WebView2, which Wine lacks: built and installed, not started");
    if failed {
        Err(Failure::new("安装程序检查未通过 / installer checks failed"))
    } else {
        Ok(())
    }
}

/// The installer's contents, and the app's own icon and version as Explorer shows them (its PE
/// resources). `true` when a check failed.
fn check_package(bundle: &Bundle, tally: &mut Tally) -> bool {
    let mut failed = false;
    let listing = steps::output(Command::new("7z").arg("l").arg(&bundle.setup)).unwrap_or_default();
    failed |= tally
        .check("安装包为 64 位 Unicode NSIS / a 64-bit Unicode NSIS installer", has(&listing, "NSIS-3 Unicode 64-bit"))
        .is_err();
    for file in ["kaohe-app.exe", "kaohe.exe", "WebView2Loader.dll", "kaohe.ico", "uninstall.exe"] {
        failed |= tally.check(&format!("安装包含 / installer holds {file}"), has(&listing, file)).is_err();
    }

    // The app's own icon and version, as Explorer shows them (its PE resources).
    let app = bundle.cli.with_file_name("kaohe-app.exe");
    let resources = steps::output(Command::new("7z").args(["l", "-tPE"]).arg(&app)).unwrap_or_default();
    failed |= tally
        .check("kaohe-app.exe 带图标 / kaohe-app.exe carries its icon", has(&resources, ".rsrc/GROUP_ICON"))
        .is_err();
    let version_info = Command::new("7z")
        .args(["e", "-so", "-tPE"])
        .arg(&app)
        .arg(".rsrc/version.txt")
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    let version_text = String::from_utf16_lossy(
        &version_info.chunks_exact(2).map(|b| u16::from_le_bytes([b[0], b[1]])).collect::<Vec<_>>(),
    );
    failed |= tally
        .check(
            &format!("kaohe-app.exe 版本 / kaohe-app.exe's ProductVersion {}", bundle.version),
            version_text
                .lines()
                .find(|l| l.contains("\"ProductVersion\""))
                .map_or(Err(Failure::new("没有 ProductVersion")), |line| {
                    has(line, &format!("\"{}\"", bundle.version))
                }),
        )
        .is_err();
    failed
}

/// The first page, as a clerk double-clicking the installer sees it: in Chinese, and shown.
/// `true` when a check failed.
fn check_wizard(root: &Path, wine: &Wine, bundle: &Bundle, tally: &mut Tally) -> bool {
    let mut failed = false;
    let shots = crate::desktop::target_dir(root).join("screenshots");
    let _ = fs::create_dir_all(&shots);
    let shot = shots.join("windows-installer.png");
    let title = shots.join("windows-installer-title.txt");
    let _ = fs::remove_file(&shot);
    let _ = fs::remove_file(&title);
    let script = format!(
        r#"'{wine}' '{setup}' & pid=$!
w=$(timeout 300 xdotool search --sync --name '安装' | head -n 1)
[ -n "$w" ] && xdotool getwindowname "$w" > '{title}' && sleep 2 && import -window root '{shot}'
kill $pid; '{server}' -k; exit 0"#,
        wine = WINE,
        setup = bundle.setup.display(),
        title = title.display(),
        shot = shot.display(),
        server = WINESERVER,
    );
    // Wine's desktop process keeps the display it was started with: the journeys ran without one,
    // so the prefix's programs are ended first.
    let _ = wine.command(WINESERVER).arg("-k").status();
    let _ = wine.wait();
    let shown = steps::run(wine.command("xvfb-run").args(["-a", "-s", "-screen 0 1024x768x24", "sh", "-c", &script]));
    let title_text = fs::read_to_string(&title).unwrap_or_default();
    failed |= tally
        .check(
            "安装向导为中文 / the installer's window is 「考核 Kaohe 安装」",
            shown.and_then(|()| has(&title_text, &format!("{PRODUCT} 安装"))),
        )
        .is_err();
    println!("截图 / screenshot: {}", shot.display());
    failed |= tally
        .check("安装向导截图不是空白 / the screenshot is not blank", crate::desktop::screenshot_not_blank(&shot))
        .is_err();
    failed
}

/// A silent install per user: the files, the shortcuts, the uninstall entry under HKCU, the
/// installed command line running; then the uninstall. `true` when a check failed.
fn check_install(wine: &Wine, bundle: &Bundle, tally: &mut Tally) -> bool {
    let mut failed = false;
    let installed = tally.step("静默安装 / silent install (setup.exe /S)", || {
        steps::run(wine.wine().arg(&bundle.setup).arg("/S"))?;
        wine.wait()
    });
    let dir = wine.user_dir().join("AppData/Local/Programs/Kaohe");
    let win_dir = format!(r"C:\users\{}\AppData\Local\Programs\Kaohe", wine.user);
    let menu = wine.user_dir().join("AppData/Roaming/Microsoft/Windows/Start Menu/Programs").join(PRODUCT);
    let shortcut = menu.join(format!("{PRODUCT}.lnk"));
    let desktop = wine.user_dir().join("Desktop").join(format!("{PRODUCT}.lnk"));
    if installed.is_ok() {
        for file in ["kaohe-app.exe", "kaohe.exe", "WebView2Loader.dll", "uninstall.exe"] {
            failed |= tally.check(&format!("已安装 / installed {win_dir}\\{file}"), exists(&dir.join(file))).is_err();
        }
        let target = format!(r"{win_dir}\kaohe-app.exe");
        failed |= tally
            .check(
                "开始菜单快捷方式指向 kaohe-app.exe / the start-menu shortcut points at it",
                link_points_at(&shortcut, &target),
            )
            .is_err();
        failed |=
            tally.check("桌面快捷方式 / the desktop shortcut points at it", link_points_at(&desktop, &target)).is_err();
        let user_reg = fs::read_to_string(wine.prefix.join("user.reg")).unwrap_or_default();
        let system_reg = fs::read_to_string(wine.prefix.join("system.reg")).unwrap_or_default();
        failed |= tally
            .check(
                "卸载项在当前用户下 / the uninstall entry is per user (HKCU, not HKLM)",
                has(&user_reg, r"Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Kaohe").and_then(|()| {
                    if system_reg.contains(r"Uninstall\\Kaohe") {
                        Err(Failure::new("HKLM 中也有 / also under HKLM"))
                    } else {
                        Ok(())
                    }
                }),
            )
            .is_err();
        failed |=
            tally.check("卸载项含静默卸载命令 / QuietUninstallString", has(&user_reg, "QuietUninstallString")).is_err();
        failed |= tally
            .check(
                &format!("版本 / DisplayVersion {}", bundle.version),
                has(&user_reg, &format!("\"DisplayVersion\"=\"{}\"", bundle.version)),
            )
            .is_err();
        // The installed command line runs.
        let help = wine.wine().arg(dir.join("kaohe.exe")).arg("--help").output();
        let help_ok = match help {
            Ok(o) if o.status.success() => has(&String::from_utf8_lossy(&o.stdout), "用法："),
            Ok(o) => Err(Failure::new(format!("退出 / exit {}: {}", o.status, String::from_utf8_lossy(&o.stderr)))),
            Err(e) => Err(Failure::new(e.to_string())),
        };
        failed |= tally.check("已安装的 kaohe.exe 可运行 / the installed kaohe.exe runs", help_ok).is_err();
        failed |= check_uninstall(wine, &dir, [&shortcut, &desktop], tally);
    } else {
        failed = true;
    }
    failed
}

/// A silent uninstall: the program and its shortcuts go, the database stays. `true` when a check
/// failed.
fn check_uninstall(wine: &Wine, dir: &Path, [shortcut, desktop]: [&Path; 2], tally: &mut Tally) -> bool {
    let mut failed = false;
    let data = wine.user_dir().join("AppData/Roaming/kaohe/Kaohe/data/kaohe.db");
    let had_data = data.is_file();
    let removed = tally.step("静默卸载 / silent uninstall (uninstall.exe /S)", || {
        steps::run(wine.wine().arg(dir.join("uninstall.exe")).arg("/S"))?;
        wine.wait()
    });
    if removed.is_ok() {
        let gone = [dir.join("kaohe-app.exe"), dir.join("kaohe.exe"), shortcut.to_path_buf(), desktop.to_path_buf()]
            .into_iter()
            .find(|p| p.exists());
        failed |= tally
            .check(
                "程序与快捷方式已删除 / program and shortcuts removed",
                gone.map_or(Ok(()), |p| Err(Failure::new(format!("仍在 / still there: {}", p.display())))),
            )
            .is_err();
        let kept = if had_data && data.is_file() {
            Ok(())
        } else {
            Err(Failure::new(format!("数据库不在 / no database at {} (before: {had_data})", data.display())))
        };
        failed |= tally.check("数据库保留 / the database in %APPDATA% is kept", kept).is_err();
    } else {
        failed = true;
    }
    failed
}

fn has(text: &str, wanted: &str) -> Result<(), Failure> {
    if text.contains(wanted) {
        Ok(())
    } else {
        Err(Failure::new(format!("没有 / lacks 「{wanted}」")))
    }
}

fn exists(path: &Path) -> Result<(), Failure> {
    if path.is_file() {
        Ok(())
    } else {
        Err(Failure::new(format!("不存在 / missing: {}", path.display())))
    }
}

/// A shell link (.lnk) names its target in its LinkInfo as a local path (in the ANSI code page;
/// our paths are ASCII below the user folder) — enough to see where the shortcut points.
fn link_points_at(link: &Path, target: &str) -> Result<(), Failure> {
    let bytes = fs::read(link).map_err(|e| Failure::new(format!("{}: {e}", link.display())))?;
    let needle = target.as_bytes();
    let utf16: Vec<u8> = target.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let found = bytes.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
        || bytes.windows(utf16.len()).any(|w| w == utf16.as_slice());
    if found {
        Ok(())
    } else {
        Err(Failure::new(format!("{} 不指向 / does not point at {target}", link.display())))
    }
}
