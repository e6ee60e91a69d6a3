//! What the fuzz targets share: the roster readers take a path, so each input is written to a
//! file of this process's own (one per extension, overwritten by every input).

use std::path::PathBuf;

/// Writes `data` to this process's scratch file with `extension` and returns its path.
pub fn scratch_file(extension: &str, data: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kaohe-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("名册.{extension}"));
    std::fs::write(&path, data).expect("the scratch file can be written");
    path
}

/// Reads `data` as a roster file with `extension` the ways the app does: the columns the wizard
/// shows, then the whole read (people, organs, results, restrictions).
pub fn read_roster(extension: &str, data: &[u8]) {
    let path = scratch_file(extension, data);
    let profile = kaohe_engine::Profile::national();
    let options = kaohe_workbook::ReadOptions::default();
    let _ = kaohe_workbook::people_columns(&path, &options);
    if let Ok(read) = kaohe_workbook::read_roster_with(&path, &profile, &options) {
        // What is read must be writable: the error report of a read is written as the app would.
        let out = path.with_extension("report.xlsx");
        let _ = kaohe_workbook::write_error_report(&out, &path, &read);
    }
}

/// The sample roster, read once with the national rules.
fn sample() -> &'static kaohe_engine::Roster {
    static SAMPLE: std::sync::OnceLock<kaohe_engine::Roster> = std::sync::OnceLock::new();
    SAMPLE.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/sample/名册示例.xlsx");
        kaohe_workbook::read_roster(&path, &kaohe_engine::Profile::national()).expect("the sample roster").roster
    })
}

/// Applies a profile the way the app does once a clerk loads it over a database that holds a
/// roster: promotion on a date, the year's assessment, and the two 公示 with their periods.
pub fn run_rules(profile: &kaohe_engine::Profile) {
    let roster = sample();
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
    let result = kaohe_engine::promote(roster, profile, as_of);
    let report = kaohe_engine::report::PromotionReport::build(&result, roster, profile);
    let scope = kaohe_print::Scope::default();
    let _ = kaohe_print::promotion_publicity(&report, roster, profile, &scope, as_of);
    let decisions = kaohe_engine::assessment::Decisions::default();
    let assessed = kaohe_engine::assessment::assess(roster, profile, 2025, &decisions);
    let report = kaohe_engine::assessment::report::AssessmentReport::build(&assessed, roster, profile, &decisions);
    let _ = kaohe_print::excellent_publicity(&report, roster, profile, &scope, as_of);
}
