//! System packages the desktop app needs on Linux (Debian/Ubuntu names), checked before any
//! build. As root with apt-get they are installed; otherwise the exact command is printed.
//! Windows ships WebView2 and needs nothing here.

use std::process::Command;

use crate::steps::{self, Failure};

/// What the task is about to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Compile the Tauri shell.
    Build,
    /// Compile, run it under Xvfb and take screenshots.
    Test,
}

/// WebKitGTK and a C toolchain, to compile the Tauri shell; perl and make for the vendored
/// OpenSSL that SQLCipher (the database's optional password) is built with.
const BUILD_PACKAGES: &[&str] = &["libwebkit2gtk-4.1-dev", "build-essential", "pkg-config", "file", "perl", "make"];

/// A virtual display, Chinese fonts, WebDriver for the real web view, ImageMagick, and Chromium
/// with poppler for printing the documents to PDF and reading them back.
const TEST_PACKAGES: &[&str] =
    &["xvfb", "xauth", "fonts-noto-cjk", "webkit2gtk-driver", "imagemagick", "chromium", "poppler-utils", "fontconfig"];

/// The end-to-end drag and drop (tests/e2e/lib/drop.mjs): xdotool moves the mouse, Debian's
/// Python with GTK 3 (tests/e2e/lib/drag-source.py) offers the file as a file manager would.
const DRAG_PACKAGES: &[&str] = &["xdotool", "python3-gi", "gir1.2-gtk-3.0"];

/// Programs the self-test runs (from TEST_PACKAGES).
const TEST_PROGRAMS: &[&str] = &[
    "xvfb-run", "Xvfb", "xauth", "import", "convert", "identify", "WebKitWebDriver", "chromium", "pdfinfo",
    "pdftotext", "pdffonts", "pdftoppm", "fc-list",
];

pub fn ensure(need: Need) -> Result<(), Failure> {
    if !cfg!(target_os = "linux") {
        println!("非 Linux 系统，跳过系统依赖检查 / not Linux: nothing to check");
        return Ok(());
    }
    let missing = missing_packages(need);
    if missing.is_empty() {
        println!("系统依赖齐全 / system packages present");
        return Ok(());
    }
    println!("缺少系统依赖 / missing: {}", missing.join(" "));
    let can_install = is_root() && steps::on_path("apt-get");
    if !can_install {
        let sudo = if is_root() { "" } else { "sudo " };
        return Err(Failure::new(format!(
            "请先安装 / please install first:\n{sudo}apt-get update && {sudo}apt-get install -y --no-install-recommends {}",
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
    let still = missing_packages(need);
    if still.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(format!("安装后仍缺少 / still missing after apt-get: {}", still.join(" "))))
    }
}

/// The package lists to install: all of a group as soon as one of its parts is missing.
fn missing_packages(need: Need) -> Vec<&'static str> {
    let mut missing = Vec::new();
    let webkit = steps::output(Command::new("pkg-config").args(["--exists", "webkit2gtk-4.1"])).is_some();
    if !webkit || !steps::on_path("cc") || !steps::on_path("file") {
        missing.extend_from_slice(BUILD_PACKAGES);
    }
    if need == Need::Test {
        let programs = TEST_PROGRAMS.iter().all(|p| steps::on_path(p));
        if !programs || !has_chinese_font() {
            missing.extend_from_slice(TEST_PACKAGES);
        }
        if !steps::on_path("xdotool") || !has_python_gtk() {
            missing.extend_from_slice(DRAG_PACKAGES);
        }
    }
    missing
}

/// Whether /usr/bin/python3 (the one tests/e2e/lib/drop.mjs runs) can load GTK 3 through
/// PyGObject (python3-gi, gir1.2-gtk-3.0); importing needs no display.
fn has_python_gtk() -> bool {
    let check = "import gi; gi.require_version('Gtk', '3.0'); gi.require_version('Gdk', '3.0'); from gi.repository import Gdk, Gtk";
    steps::output(Command::new("/usr/bin/python3").args(["-c", check])).is_some()
}

/// Whether fontconfig knows a font covering Chinese (fonts-noto-cjk); without one, every
/// character of the UI renders as a box.
fn has_chinese_font() -> bool {
    steps::output(Command::new("fc-list").args([":lang=zh", "family"]))
        .map(|list| !list.trim().is_empty())
        .unwrap_or(false)
}

pub fn is_root() -> bool {
    steps::output(Command::new("id").arg("-u")).map(|uid| uid.trim() == "0").unwrap_or(false)
}
