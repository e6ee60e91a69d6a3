//! A column mapping file (`kaohe import --mapping 列对应.toml`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = kaohe_cli::parse_mapping(text);
});
