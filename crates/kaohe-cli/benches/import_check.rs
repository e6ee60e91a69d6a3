//! Benchmark: `kaohe import ROSTER --check` as a clerk runs it — the people sheet named
//! 「人员名册」 after a 「填表说明」 sheet (found by the reader itself, no `--sheet`), against the
//! default database holding the roster already (a saved column mapping looked up, the database
//! read ahead beside the read, the plan) — against a bare calamine read of that sheet in the same
//! run.
//!
//! `cargo bench -p kaohe-cli --bench import_check [-- PEOPLE]` (100,000 by default). The command
//! runs in this process through `kaohe_cli::run`, as the binary runs it. 5 timed runs each after
//! one untimed one, in turns with the bare read, every run printed, medians compared.

#[path = "../../kaohe-store/benches/common/mod.rs"]
mod common;

use calamine::{open_workbook_auto, Reader};
use common::{peak_mib, time_both};
use std::path::Path;
use std::time::Duration;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 5;
const SHEET: &str = "人员名册";

fn cli(args: &[&str]) -> String {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let out = kaohe_cli::run(&args);
    assert_eq!(out.status, 0, "kaohe {}: {}", args.join(" "), out.stderr);
    out.stdout
}

fn bare_read(roster: &Path) -> usize {
    let mut book = open_workbook_auto(roster).expect("open");
    book.worksheet_range(SHEET).expect("sheet").rows().count()
}

fn report(what: &str, base: &[Duration], times: &[Duration]) {
    println!("{}", common::medians(what, "check", base, times));
}

fn main() {
    let (n, dir, roster, changed) = common::rosters("import-check", SHEET);
    println!("import_check bench: {n} people on the sheet 「{SHEET}」");
    let db = dir.join("kaohe.db");
    if !db.exists() {
        cli(&["import", &roster.display().to_string(), "--db", &db.display().to_string()]);
    }
    let (roster, changed, db) = (roster.display().to_string(), changed.display().to_string(), db.display().to_string());
    let (base, times) =
        time_both(RUNS, || bare_read(Path::new(&roster)), || cli(&["import", &roster, "--check", "--db", &db]));
    report("check, the roster as imported", &base, &times);
    let (base, times) =
        time_both(RUNS, || bare_read(Path::new(&changed)), || cli(&["import", &changed, "--check", "--db", &db]));
    report("check, 10% of the people changed", &base, &times);
    if let Some(mib) = peak_mib() {
        println!("peak memory of the whole run: {mib:.0} MiB");
    }
}
