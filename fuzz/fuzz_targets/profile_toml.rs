//! A rule profile (.toml) a locality loads: refused with its problems or accepted, never a crash;
//! an accepted profile also runs a promotion and an assessment of a small roster.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(profile) = kaohe_engine::Profile::from_toml(text) {
        kaohe_fuzz::run_rules(&profile);
    }
});
