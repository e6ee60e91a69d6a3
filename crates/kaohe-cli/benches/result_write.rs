//! Benchmark: the result workbooks of a large office, against a bare rust_xlsxwriter write of the
//! same cells in the same run, and the peak memory of the commands a clerk runs.
//!
//! `cargo bench -p kaohe-cli --bench result_write [-- PEOPLE]` (100,000 by default). The roster
//! of the import benches (500 organs) is imported once into a database kept in the temporary
//! folder. Then, for the promotion workbook (`kaohe promote --out`) and the assessment workbook
//! (`kaohe assess --out`):
//! - **time**: writing the workbook from the report (what `--out` adds to the command), in turns
//!   with a bare rust_xlsxwriter write of the very cells it holds (read back once with calamine,
//!   every cell a plain string or number, no formats, one standard worksheet per sheet); 5 timed
//!   runs each after one untimed one, every run printed, medians compared;
//! - **memory**: the whole command, `kaohe promote --as-of 2025-12-31 --db DB --out FILE` and
//!   `kaohe assess --year 2025 --db DB --out FILE`, run in a child process (this bench binary
//!   again) whose peak resident memory (VmHWM) is printed.

#[path = "../../kaohe-store/benches/common/mod.rs"]
mod common;

use calamine::{open_workbook_auto, Data, Reader};
use chrono::NaiveDate;
use common::{peak_mib, time_both};
use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::report::PromotionReport;
use kaohe_engine::Profile;
use kaohe_store::Store;
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 5;
const AS_OF: &str = "2025-12-31";
const YEAR: i32 = 2025;
/// The child's environment variable: the CLI arguments, separated by newlines.
const CHILD: &str = "KAOHE_RESULT_BENCH_CHILD";

fn cli(args: &[String]) {
    let out = kaohe_cli::run(args);
    assert_eq!(out.status, 0, "kaohe {}: {}", args.join(" "), out.stderr);
}

/// Every sheet's cells as calamine reads them.
fn cells(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book = open_workbook_auto(path).expect("open the written workbook");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            (name, range.rows().map(<[Data]>::to_vec).collect())
        })
        .collect()
}

/// rust_xlsxwriter with nothing of Kaohe's: the same cells, no formats, standard worksheets.
fn bare_write(sheets: &[(String, Vec<Vec<Data>>)], path: &Path) {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet().set_name(name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Data::String(s) => {
                        sheet.write_string(r, c, s).expect("cell");
                    }
                    Data::Float(f) => {
                        sheet.write_number(r, c, *f).expect("cell");
                    }
                    Data::Int(i) => {
                        sheet.write_number(r, c, *i as f64).expect("cell");
                    }
                    _ => {}
                }
            }
        }
    }
    book.save(path).expect("save");
}

fn report(what: &str, base: &[Duration], times: &[Duration]) {
    let ms =
        |v: &[Duration]| v.iter().map(|d| format!("{:.0}", d.as_secs_f64() * 1000.0)).collect::<Vec<_>>().join(" ");
    let (b, t) = (base[base.len() / 2].as_secs_f64(), times[times.len() / 2].as_secs_f64());
    println!(
        "{what}: median {t:.3} s against the bare write's {b:.3} s: {:.2}x (runs in ms, sorted: Kaohe {}; bare {})",
        t / b,
        ms(times),
        ms(base)
    );
}

/// The peak memory of `kaohe ARGS` alone, in a child process.
fn command_peak(args: &[String]) -> f64 {
    let out = std::process::Command::new(std::env::current_exe().expect("this bench"))
        .env(CHILD, args.join("\n"))
        .output()
        .expect("child");
    assert!(out.status.success(), "child: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().parse().expect("the child's peak")
}

fn main() {
    if let Ok(args) = std::env::var(CHILD) {
        let args: Vec<String> = args.lines().map(String::from).collect();
        cli(&args);
        println!("{:.1}", peak_mib().unwrap_or(f64::NAN));
        return;
    }
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("kaohe-result-write-bench-v1-{n}"));
    std::fs::create_dir_all(&dir).expect("dir");
    let roster = dir.join("名册.xlsx");
    let db = dir.join("kaohe.db");
    if !db.exists() {
        common::generate_roster(&roster, n, false);
        let partial = dir.join("kaohe.db.partial");
        let _ = std::fs::remove_file(&partial);
        cli(&["import".into(), roster.display().to_string(), "--db".into(), partial.display().to_string()]);
        std::fs::rename(&partial, &db).expect("database");
    }
    println!("result_write bench: {n} people");
    let db_arg = db.display().to_string();
    let out = |name: &str| -> PathBuf { dir.join(name) };

    let profile = Profile::national();
    let store = Store::open_read_only(&db).expect("store");
    let roster = store.load_roster().expect("roster");
    let as_of = NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").expect("date");
    let promotion = PromotionReport::build(&kaohe_engine::promote(&roster, &profile, as_of), &roster, &profile);
    let decisions = store.decisions(YEAR).expect("decisions");
    let assessment = AssessmentReport::build(
        &kaohe_engine::assessment::assess(&roster, &profile, YEAR, &decisions),
        &roster,
        &profile,
        &decisions,
    );
    drop(roster);

    // The promotion workbook.
    let path = out("晋升资格.xlsx");
    kaohe_workbook::write_promotion(&path, &promotion).expect("promotion workbook");
    let sheets = cells(&path);
    let rows: usize = sheets.iter().map(|(_, r)| r.len()).sum();
    let (base, times) = time_both(
        RUNS,
        || bare_write(&sheets, &out("bare-晋升资格.xlsx")),
        || kaohe_workbook::write_promotion(&path, &promotion).expect("promotion workbook"),
    );
    report(&format!("promotion workbook ({rows} rows)"), &base, &times);
    drop(sheets);

    // The assessment workbook.
    let path = out("年度考核.xlsx");
    kaohe_workbook::write_assessment(&path, &assessment).expect("assessment workbook");
    let sheets = cells(&path);
    let rows: usize = sheets.iter().map(|(_, r)| r.len()).sum();
    let (base, times) = time_both(
        RUNS,
        || bare_write(&sheets, &out("bare-年度考核.xlsx")),
        || kaohe_workbook::write_assessment(&path, &assessment).expect("assessment workbook"),
    );
    report(&format!("assessment workbook ({rows} rows)"), &base, &times);
    drop(sheets);

    // What the clerk's commands hold at their peak.
    let promote =
        ["promote", "--as-of", AS_OF, "--db", &db_arg, "--out", &out("命令-晋升资格.xlsx").display().to_string()]
            .map(String::from);
    println!("peak memory of `kaohe {}`: {:.0} MiB", promote[..3].join(" "), command_peak(&promote));
    let assess =
        ["assess", "--year", "2025", "--db", &db_arg, "--out", &out("命令-年度考核.xlsx").display().to_string()]
            .map(String::from);
    println!("peak memory of `kaohe {}`: {:.0} MiB", assess[..3].join(" "), command_peak(&assess));
}
