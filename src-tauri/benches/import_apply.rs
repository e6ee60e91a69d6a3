//! Benchmark: 导入 as the clerk waits for it in the app — the wizard's last step,
//! `AppState::import_apply` (the roster read with its progress, the database read ahead beside
//! it, the plan, the write in one transaction with its progress, committed) — against a bare
//! calamine read of the same file in the same run.
//!
//! `cargo bench -p kaohe-app --bench import_apply [-- PEOPLE]` (100,000 by default), on the
//! rosters of `kaohe-store`'s `import_write` bench (its generator is shared): into an empty
//! database (the app open on it, as after its first start), the same roster again, and a roster
//! with 10% of the people changed into a copy of the database after the first import (the copy
//! made, and the app opened on it, before the clock starts). 5 timed runs each after one untimed
//! one, in turns with the bare read; their medians compared, every run's time printed, and how
//! often each phase reported its progress.

#[path = "../../crates/kaohe-store/benches/common/mod.rs"]
mod common;

use calamine::{open_workbook_auto, Reader};
use kaohe_app::state::AppState;
use kaohe_desk::import::{ImportRequest, Monitor, Phase};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

// The app's allocator (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 5;

/// Progress reports of each phase (read, plan, write) over a run.
#[derive(Default)]
struct Reports([AtomicU64; 3]);

/// The app's 导入 of `roster` into the database `state` holds; the people written.
fn apply(state: &AppState, roster: &Path, reports: &Arc<Reports>) -> u64 {
    let seen = reports.clone();
    let monitor = Monitor::new(Arc::new(AtomicBool::new(false)), move |p| {
        let i = match p.phase {
            Phase::Read => 0,
            Phase::Plan => 1,
            _ => 2,
        };
        seen.0[i].fetch_add(1, Ordering::Relaxed);
    });
    let request = ImportRequest { path: roster.display().to_string(), ..ImportRequest::default() };
    state.import_apply(&request, &monitor).expect("import").applied.expect("applied").people
}

fn bare_read(roster: &Path) -> usize {
    let mut book = open_workbook_auto(roster).expect("open");
    book.worksheet_range("人员").expect("sheet").rows().count()
}

fn open(db: &Path) -> AppState {
    let state = AppState::open("考核 Kaohe", "bench", db.to_path_buf(), None);
    assert!(state.open_error().is_none(), "{:?}", state.open_error());
    state
}

/// Runs the bare read and the app's import in turns (one untimed run of each first); before
/// each import, `prepare` gives the app opened on the database it imports into.
fn measure(what: &str, roster: &Path, mut prepare: impl FnMut() -> AppState) {
    let reports = Arc::new(Reports::default());
    let (mut base, mut times) = (Vec::new(), Vec::new());
    for run in 0..=RUNS {
        let t = Instant::now();
        std::hint::black_box(bare_read(roster));
        let bare = t.elapsed();
        let state = prepare();
        let t = Instant::now();
        std::hint::black_box(apply(&state, roster, &reports));
        let took = t.elapsed();
        drop(state);
        if run > 0 {
            base.push(bare);
            times.push(took);
        }
    }
    base.sort();
    times.sort();
    let per_run = |i: usize| reports.0[i].load(Ordering::Relaxed) / (RUNS as u64 + 1);
    println!(
        "{}; progress reports per run: read {}, plan {}, write {}",
        common::medians(what, "import", &base, &times),
        per_run(0),
        per_run(1),
        per_run(2)
    );
}

fn main() {
    let (n, dir, roster, changed) = common::rosters("import-apply", "人员");
    println!("import_apply bench (the app's 导入): {n} people");
    let fresh: PathBuf = dir.join("fresh.db");
    measure("fresh database", &roster, || {
        let _ = std::fs::remove_file(&fresh);
        open(&fresh)
    });
    // `fresh` now holds the roster: importing it again changes nothing.
    measure("re-import, nothing changed", &roster, || open(&fresh));
    let copy = dir.join("changed.db");
    measure("re-import, 10% of the people changed", &changed, || {
        let _ = std::fs::remove_file(&copy);
        std::fs::copy(&fresh, &copy).expect("copy");
        // On the disk before the clock starts: the writing back of a copy just made would
        // otherwise fall on the timed import (a clerk's database was not copied a moment ago).
        std::fs::File::open(&copy).and_then(|f| f.sync_all()).expect("sync");
        open(&copy)
    });
    if let Some(mib) = common::peak_mib() {
        println!("peak memory of the whole run: {mib:.0} MiB");
    }
}
