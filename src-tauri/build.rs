//! Tauri's build step: reads tauri.conf.json and capabilities/, and declares the app's commands
//! so that each one needs an explicit permission (`allow-<command>`) in a capability file.

/// The app's commands by name, from src/command_list.rs (the list lib.rs serves).
macro_rules! commands {
    ($($module:ident :: $command:ident),* $(,)?) => {
        const COMMANDS: &[&str] = &[$(stringify!($command)),*];
    };
}

include!("src/command_list.rs");

fn main() {
    // With `custom-protocol` (a default feature) the UI in ui/dist is embedded; say clearly how to
    // make it rather than let `generate_context!` fail.
    let dist = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist/index.html");
    println!("cargo:rerun-if-changed=../ui/dist");
    if std::env::var_os("CARGO_FEATURE_CUSTOM_PROTOCOL").is_some() && !dist.is_file() {
        println!(
            "cargo:warning=ui/dist/index.html 不存在 / does not exist: build the UI first with \
             `cargo xtask run` or `cd ui && npm ci && npm run build`"
        );
    }
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|e| panic!("tauri-build: {e:#}"));
}
