//! A backup file chosen in 设置 → 从备份恢复: inspected (what the clerk is shown before confirming)
//! and, when inspection accepts it, restored over a fresh database.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let path = kaohe_fuzz::scratch_file("db", data);
    if kaohe_store::settings::inspect_backup(&path, None).is_err() {
        return;
    }
    let dir = path.parent().expect("scratch folder").join("live");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    let live = dir.join("kaohe.db");
    let current = kaohe_store::Store::open(&live);
    let _ = kaohe_store::settings::restore(current, &live, &path, None, &dir.join("恢复前备份.db"));
});
