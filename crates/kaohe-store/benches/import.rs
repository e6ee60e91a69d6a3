//! Benchmark: importing a generated 100,000-person roster with the check step, against a bare
//! calamine read of the same file in the same run.
//!
//! `cargo bench -p kaohe-store --bench import [-- PEOPLE]`. "Import with check" is `read_roster`
//! (finding the header, mapping columns, every value converted and checked, issues; the pass
//! for hidden rows and merged cells runs on a second thread beside the reader's parse, as in
//! the app) followed by `Store::plan` against an empty database (the changes it would make).
//! After one untimed run of each, the two are run 9 times each, in turns, and their medians compared, under the allocator the
//! app and the CLI use (mimalloc). Peak memory is the process's high-water mark (VmHWM) after the runs, read from /proc. The
//! roster is clean: 性别 agrees with the ID; a few people's dates are out of order (warnings).

mod common;

use calamine::{open_workbook_auto, Reader};
use common::{peak_mib, time_both};
use kaohe_engine::Profile;
use kaohe_store::Store;
use std::path::Path;
use std::time::{Duration, Instant};

// The allocator of the app and the CLI, which the import runs in.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Runs of each, taken in turns.
const RUNS: usize = 9;

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("kaohe-import-bench-v4-{n}"));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("名册.xlsx");
    if !path.exists() {
        let t = Instant::now();
        common::generate_roster(&path, n, false);
        eprintln!("generated {n} people in {:.2?}", t.elapsed());
    }
    let profile = Profile::national();
    let store = Store::open(Path::new(":memory:")).expect("store");

    let (base_times, times) = time_both(
        RUNS,
        || {
            let mut book = open_workbook_auto(&path).expect("open");
            let range = book.worksheet_range("人员").expect("sheet");
            range.rows().count()
        },
        || {
            let read = kaohe_workbook::read_roster(&path, &profile).expect("read");
            let plan = store.plan(&read).expect("plan");
            (read.roster.people.len(), plan.new.len())
        },
    );
    let read = kaohe_workbook::read_roster(&path, &profile).expect("read");
    let (base_best, base_median, best, median) = (base_times[0], base_times[RUNS / 2], times[0], times[RUNS / 2]);
    let ms =
        |v: &[Duration]| v.iter().map(|d| format!("{:.0}", d.as_secs_f64() * 1000.0)).collect::<Vec<_>>().join(" ");
    println!(
        "import bench: {n} people, {} read, {} issues, {} results",
        read.roster.people.len(),
        read.issues.len(),
        read.roster.results.len()
    );
    println!("runs in ms, sorted: baseline {}; import {}", ms(&base_times), ms(&times));
    println!(
        "baseline (calamine reads the sheet): best {:.3} s, median {:.3} s",
        base_best.as_secs_f64(),
        base_median.as_secs_f64()
    );
    println!(
        "import with check: best {:.3} s, median {:.3} s ({:.2}x baseline)",
        best.as_secs_f64(),
        median.as_secs_f64(),
        median.as_secs_f64() / base_median.as_secs_f64()
    );
    if let Some(mib) = peak_mib() {
        println!("peak memory of the whole run: {mib:.0} MiB");
    }
}
