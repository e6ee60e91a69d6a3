//! The Windows installers' settings in tauri.conf.json, checked on every platform (the installers
//! themselves are built only on Windows, by .github/workflows/windows.yml).

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
fn windows_installers_are_nsis_and_msi_in_simplified_chinese() {
    let conf = conf();
    let bundle = &conf["bundle"];
    assert_eq!(bundle["active"], true);
    assert_eq!(bundle["targets"], serde_json::json!(["nsis", "msi"]));
    let windows = &bundle["windows"];
    assert_eq!(windows["nsis"]["languages"], serde_json::json!(["SimpChinese"]));
    assert_eq!(windows["nsis"]["displayLanguageSelector"], false);
    assert_eq!(windows["wix"]["language"], serde_json::json!(["zh-CN"]));
    // A fixed upgrade code: a newer MSI replaces the installed one instead of sitting beside it.
    let code = windows["wix"]["upgradeCode"].as_str().expect("upgrade code set");
    assert_eq!(code.len(), 36, "{code}");
}

#[test]
fn every_icon_listed_exists_and_the_windows_icon_is_an_ico_with_large_sizes() {
    let conf = conf();
    let icons: Vec<&str> = conf["bundle"]["icon"].as_array().expect("icon list").iter().map(|i| i.as_str().expect("path")).collect();
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
    let nsis_icon = conf["bundle"]["windows"]["nsis"]["installerIcon"].as_str().expect("installer icon");
    assert!(crate_dir().join(nsis_icon).is_file());
}
