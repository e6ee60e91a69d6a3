//! A backup file chosen in 设置 → 从备份恢复: inspected (what the clerk is shown before confirming).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let path = kaohe_fuzz::scratch_file("db", data);
    let _ = kaohe_store::inspect_backup(&path);
});
