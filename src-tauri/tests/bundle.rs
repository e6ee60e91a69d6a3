//! The Windows installers' settings, checked on every platform: the MSI's in tauri.conf.json
//! (built only on Windows, by .github/workflows/windows.yml) and the NSIS script's
//! (src-tauri/windows/installer.nsi; `cargo xtask windows --test` builds that installer here and
//! installs it under Wine).

use std::path::Path;

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn conf() -> serde_json::Value {
    let path = crate_dir().join("tauri.conf.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_msi_is_in_simplified_chinese_and_carries_webview2() {
    let conf = conf();
    let bundle = &conf["bundle"];
    assert_eq!(bundle["active"], true);
    // The NSIS installers are Kaohe's own script, not Tauri's bundler (see README, Windows).
    assert_eq!(bundle["targets"], serde_json::json!(["msi"]));
    let windows = &bundle["windows"];
    assert_eq!(windows["wix"]["language"], serde_json::json!(["zh-CN"]));
    // A fixed upgrade code: a newer MSI replaces the installed one instead of sitting beside it.
    let code = windows["wix"]["upgradeCode"].as_str().expect("upgrade code set");
    assert_eq!(code.len(), 36, "{code}");
    // Offices without internet: the WebView2 standalone installer inside the MSI.
    assert_eq!(windows["webviewInstallMode"]["type"], "offlineInstaller");
}

#[test]
fn the_nsis_installer_is_per_user_in_simplified_chinese_and_keeps_the_database() {
    let path = crate_dir().join("windows/installer.nsi");
    let script = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for line in [
        "Unicode true",
        "RequestExecutionLevel user",
        r#"InstallDir "$LOCALAPPDATA\Programs\Kaohe""#,
        r#"!insertmacro MUI_LANGUAGE "SimpChinese""#,
        r#"!define PRODUCT "考核 Kaohe""#,
        r#"CreateShortCut "$SMPROGRAMS\${PRODUCT}\${PRODUCT}.lnk" "$INSTDIR\kaohe-app.exe""#,
        r#"WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString""#,
    ] {
        assert!(script.lines().any(|l| l.trim().starts_with(line)), "installer.nsi lacks `{line}`");
    }
    // Nothing machine-wide, and the uninstaller never touches %APPDATA% (the database).
    assert!(
        !script.contains("HKLM \"Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall"),
        "an uninstall entry under HKLM"
    );
    let uninstall = &script[script.find("Section \"Uninstall\"").expect("uninstall section")..];
    assert!(!uninstall.contains("$APPDATA"), "the uninstaller touches %APPDATA%");
}

#[test]
fn every_icon_listed_exists_and_the_windows_icon_is_an_ico_with_large_sizes() {
    let conf = conf();
    let icons: Vec<&str> =
        conf["bundle"]["icon"].as_array().expect("icon list").iter().map(|i| i.as_str().expect("path")).collect();
    // The first PNG is the window icon on Linux (generate_context! takes it); .ico is Windows'.
    assert_eq!(icons.first(), Some(&"icons/icon.png"));
    assert!(icons.contains(&"icons/icon.ico"), "{icons:?}");
    for icon in &icons {
        assert!(crate_dir().join(icon).is_file(), "{icon} listed in tauri.conf.json but missing");
    }
    let ico = std::fs::read(crate_dir().join("icons/icon.ico")).expect("icon.ico");
    // ICONDIR: reserved 0, type 1 (icon), then the number of images.
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);
    let count = usize::from(u16::from_le_bytes([ico[4], ico[5]]));
    // Each ICONDIRENTRY is 16 bytes; its first byte is the width (0 means 256).
    let widths: Vec<u16> = (0..count)
        .map(|i| match ico[6 + 16 * i] {
            0 => 256,
            w => u16::from(w),
        })
        .collect();
    for needed in [16, 32, 48, 256] {
        assert!(widths.contains(&needed), "icon.ico lacks {needed}px: {widths:?}");
    }
}
