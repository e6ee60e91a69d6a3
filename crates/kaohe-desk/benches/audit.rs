//! Benchmark: 核查 of a 100,000-person database — every year's assessment computed again and
//! held against the recorded results, every person's promotions, ranks, dates and ages — against
//! reading the roster from the database (what any look at the history must do), in the same run.
//!
//! `cargo bench -p kaohe-desk --bench audit [-- PEOPLE]` (100,000 by default). The roster is the
//! import benches' generated one (three years of results each), imported once into a database
//! kept in the temporary folder. 5 timed runs each after one untimed one, in turns, every run
//! printed, medians compared; the peak memory of the process (VmHWM). No target is set (issue
//! 15 asks for none); the figure is in the README.

#[path = "../../kaohe-store/benches/common/mod.rs"]
mod common;

use chrono::NaiveDate;
use common::{peak_mib, time_both};
use kaohe_engine::Profile;
use kaohe_store::Store;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 5;

fn main() {
    let (n, dir, roster, _) = common::rosters("audit", "人员");
    let profile = Profile::national();
    let db = dir.join("kaohe.db");
    if !db.exists() {
        let read = kaohe_workbook::read_roster(&roster, &profile).expect("read");
        Store::open(&db).expect("store").import(&read, "名册.xlsx").expect("import");
    }
    let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
    let store = Store::open(&db).expect("store");
    let findings = kaohe_desk::audit::audit_report(&store, &profile, as_of).expect("audit").findings.len();
    println!("audit bench: {n} people, {findings} findings on {as_of}");
    let (base, times) = time_both(
        RUNS,
        || store.load_roster().expect("load").people.len(),
        || kaohe_desk::audit::audit_report(&store, &profile, as_of).expect("audit").findings.len(),
    );
    let ms = |v: &[std::time::Duration]| v.iter().map(|d| format!("{:.0}", d.as_secs_f64() * 1e3)).collect::<Vec<_>>();
    let (b, t) = (base[RUNS / 2].as_secs_f64(), times[RUNS / 2].as_secs_f64());
    println!(
        "核查 on {as_of}: median {t:.3} s against reading the roster's {b:.3} s: {:.2}x (runs in ms, sorted: audit {}; roster read {})",
        t / b,
        ms(&times).join(" "),
        ms(&base).join(" ")
    );
    if let Some(mib) = peak_mib() {
        println!("peak memory of the whole run: {mib:.0} MiB");
    }
}
