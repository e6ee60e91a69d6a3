//! Benchmark: what a clerk waits for when importing into the database, against a bare calamine
//! read of the same file in the same run.
//!
//! `cargo bench -p kaohe-store --bench import_write [-- PEOPLE]` (100,000 by default). Three
//! imports as `kaohe import ROSTER --db DB` does them — the read with every check (an existing
//! database opened and read ahead beside it on a second thread), the plan against the database,
//! the write in one transaction, committed:
//! - **fresh**: into a new database file;
//! - **unchanged**: the same roster again into the database it was imported into;
//! - **10% changed**: a roster where every tenth person moved to another organ, holds the next
//!   rank and has a 2025 result, into a copy of the database after the first import (the copy
//!   is made before the clock starts).
//!
//! Each is run in turns with the bare read (5 timed runs each after one untimed one) and their
//! medians compared; every run's time is printed, the processor time of each import (user: the
//! program's work; system: mostly the kernel handing out fresh memory, which varies from run to
//! run on a virtual machine far more than the work), and the peak memory of the process (VmHWM).
//! With `KAOHE_BENCH_PASSWORD=TEXT` the databases have that password (SQLCipher): the same
//! imports into an encrypted database, each open deriving its key.

mod common;

use calamine::{open_workbook_auto, Reader};
use common::{cpu_line, cpu_of, peak_mib, time_both};
use kaohe_engine::Profile;
use kaohe_store::{Confirmations, Password, Store};
use std::cell::RefCell;
use std::path::Path;
use std::time::Duration;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 5;

thread_local! {
    /// The processor time of each import run, (user, system) seconds.
    static CPU: RefCell<Vec<(f64, f64)>> = const { RefCell::new(Vec::new()) };
}

/// [`import`], its processor time kept.
fn import_timed(roster: &Path, db: &Path, profile: &Profile) -> u64 {
    let (people, cpu) = cpu_of(|| import(roster, db, profile));
    CPU.with(|c| c.borrow_mut().push(cpu));
    people
}

/// The processor time of the last `RUNS` imports (the timed ones).
fn cpu_report() -> String {
    CPU.with(|c| {
        let runs = c.borrow();
        cpu_line(&runs[runs.len().saturating_sub(RUNS)..])
    })
}

/// The databases' password (`KAOHE_BENCH_PASSWORD`), if any.
fn password() -> Option<Password> {
    std::env::var("KAOHE_BENCH_PASSWORD").ok().and_then(|t| Password::new(&t))
}

/// `kaohe import ROSTER --db DB`, as the CLI does it; the people written.
fn import(roster: &Path, db: &Path, profile: &Profile) -> u64 {
    let password = password();
    let password = password.as_ref();
    let t = std::time::Instant::now();
    // As the CLI: a database that exists is opened and read ahead beside the roster's read.
    let (read, mut store) = match db.exists() {
        true => {
            let (read, store) = kaohe_store::read_ahead(
                || Store::open_with(db, password),
                || kaohe_workbook::read_roster(roster, profile),
            );
            (read.expect("read"), store.expect("store"))
        }
        false => {
            let read = kaohe_workbook::read_roster(roster, profile).expect("read");
            (read, Store::open_with(db, password).expect("store"))
        }
    };
    let t_read = t.elapsed();
    let confirmed = Confirmations::default();
    let plan = store.plan_with(&read, &confirmed).expect("plan");
    let t_plan = t.elapsed();
    let mut read = read;
    plan.apply_to(&mut read);
    let summary =
        store.import_with(&read, &roster.display().to_string(), "", &confirmed, &mut |_, _| true).expect("import");
    if std::env::var_os("KAOHE_BENCH_PHASES").is_some() {
        eprintln!(
            "  read {:.0} ms, plan {:.0} ms, write {:.0} ms",
            t_read.as_secs_f64() * 1e3,
            (t_plan - t_read).as_secs_f64() * 1e3,
            (t.elapsed() - t_plan).as_secs_f64() * 1e3
        );
    }
    summary.people
}

fn bare_read(roster: &Path) -> usize {
    let mut book = open_workbook_auto(roster).expect("open");
    book.worksheet_range("人员").expect("sheet").rows().count()
}

fn report(what: &str, base: &[Duration], times: &[Duration]) {
    println!("{}", common::medians(what, "import", base, times));
    println!("  {}", cpu_report());
}

fn main() {
    let (n, dir, roster, changed) = common::rosters("import-write", "人员");
    let profile = Profile::national();
    println!(
        "import_write bench: {n} people{}",
        if password().is_some() { ", databases with a password (SQLCipher)" } else { "" }
    );

    let fresh = dir.join("fresh.db");
    let (base, times) = time_both(
        RUNS,
        || bare_read(&roster),
        || {
            let _ = std::fs::remove_file(&fresh);
            import_timed(&roster, &fresh, &profile)
        },
    );
    report("fresh database", &base, &times);

    // `fresh` now holds the roster: importing it again changes nothing.
    let (base, times) = time_both(RUNS, || bare_read(&roster), || import_timed(&roster, &fresh, &profile));
    report("re-import, nothing changed", &base, &times);

    let copy = dir.join("changed.db");
    let mut base_times = Vec::new();
    let mut import_times = Vec::new();
    for run in 0..=RUNS {
        let _ = std::fs::remove_file(&copy);
        std::fs::copy(&fresh, &copy).expect("copy");
        // On the disk before the clock starts: the writing back of a copy just made would
        // otherwise fall on the timed import (a clerk's database was not copied a moment ago).
        std::fs::File::open(&copy).and_then(|f| f.sync_all()).expect("sync");
        let started = std::time::Instant::now();
        std::hint::black_box(bare_read(&changed));
        let bare = started.elapsed();
        let started = std::time::Instant::now();
        std::hint::black_box(import_timed(&changed, &copy, &profile));
        let took = started.elapsed();
        // The first run of each is untimed, as in time_both.
        if run > 0 {
            base_times.push(bare);
            import_times.push(took);
        }
    }
    base_times.sort();
    import_times.sort();
    report("re-import, 10% of the people changed", &base_times, &import_times);
    if let Some(mib) = peak_mib() {
        println!("peak memory of the whole run: {mib:.0} MiB");
    }
}
