//! `cargo xtask bench-startup [--runs N] [--db FILE]`: how long a clerk waits from starting
//! kaohe-app to a usable window — the first page painted with the database's data.
//!
//! Method: the app runs with `KAOHE_SELFTEST=<file>` (the self-test hook): the 工作台 page loads
//! `app_info` (the database's counts), lets Vue flush and the web view paint twice
//! (`requestAnimationFrame` ×2), then hands its text to the shell, which writes the file. The time
//! is from spawning the process to that file holding the page text, polled every 2 ms. Each run
//! gets a fresh copy of the same database (by default the sample roster, imported once with the
//! `kaohe` CLI: 38 people) and the same web view profile (warm after the first run, as on a
//! clerk's machine; the first run is reported apart). The app is ended after each report. On
//! Linux the runs share one Xvfb screen of 1366x768.
//!
//! Hook for larger data: `--db FILE` measures with any database, e.g. one holding 100,000 people.
//! When a section shows people (the people grid), the same method applies to it: the section
//! reports through `reportPageText()` (ui/src/selftest.ts) once its first rows have painted, and
//! this task gains an option naming the section to open first (see README, Performance).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use crate::desktop;
use crate::steps::{self, Failure, Tally};
use crate::ui;

/// The hidden task run inside the virtual display.
pub const INNER_TASK: &str = "__startup-in-display";

const APP_TITLE: &str = "考核 Kaohe";
const DEFAULT_RUNS: usize = 7;
const REPORT_TIMEOUT: Duration = Duration::from_secs(60);
const SAMPLE: &str = "fixtures/sample/名册示例.xlsx";

struct Options {
    runs: usize,
    db: Option<PathBuf>,
}

fn parse(args: &[String]) -> Result<Options, Failure> {
    let mut options = Options { runs: DEFAULT_RUNS, db: None };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| Failure::new(format!("{flag} 缺少值 / needs a value")))?;
        match flag.as_str() {
            "--runs" => {
                options.runs = value
                    .parse()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| Failure::new(format!("--runs 需要正整数 / needs a positive number: {value}")))?
            }
            "--db" => options.db = Some(PathBuf::from(value)),
            _ => return Err(Failure::new(format!("未知参数 / unknown argument {flag}"))),
        }
    }
    Ok(options)
}

pub fn main(root: &Path, args: &[String]) -> ExitCode {
    let options = match parse(args) {
        Ok(o) => o,
        Err(f) => {
            eprintln!("xtask: {f}");
            return ExitCode::from(2);
        }
    };
    let mut tally = Tally::new();
    let work = std::env::temp_dir().join(format!("kaohe-startup-{}", std::process::id()));
    let outcome = (|| -> Result<Vec<f64>, Failure> {
        tally.step("前端依赖 / UI dependencies (npm ci)", || ui::ensure_node_modules(root))?;
        tally.step("构建前端 / UI build (vue-tsc + vite)", || ui::build(root))?;
        tally.step("构建程序 / cargo build --workspace --bins", || {
            steps::run(steps::cargo().args(["build", "--workspace", "--bins"]).current_dir(root))
        })?;
        let _ = fs::remove_dir_all(&work);
        fs::create_dir_all(&work).map_err(|e| Failure::new(format!("{}: {e}", work.display())))?;
        let db = match &options.db {
            Some(db) => db.clone(),
            None => {
                let db = work.join("sample.db");
                tally.step("示例名册数据库 / sample roster database (kaohe import)", || {
                    let kaohe = desktop::target_dir(root).join("debug").join(format!("kaohe{}", std::env::consts::EXE_SUFFIX));
                    steps::run(Command::new(kaohe).arg("import").arg(root.join(SAMPLE)).env("KAOHE_DB", &db).stdout(Stdio::null()))
                })?;
                db
            }
        };
        let times = work.join("times.txt");
        tally.step(&format!("测量启动 / timing {} starts", options.runs), || {
            let mut command = if cfg!(target_os = "linux") {
                let mut c = Command::new("xvfb-run");
                c.args(["-a", "-s", "-screen 0 1366x768x24"]);
                c.arg(std::env::current_exe().map_err(|e| Failure::new(format!("current_exe: {e}")))?);
                c
            } else {
                Command::new(std::env::current_exe().map_err(|e| Failure::new(format!("current_exe: {e}")))?)
            };
            command
                .arg(INNER_TASK)
                .arg("--app")
                .arg(desktop::app_binary(root))
                .arg("--db")
                .arg(&db)
                .arg("--runs")
                .arg(options.runs.to_string())
                .arg("--work")
                .arg(&work)
                .arg("--out")
                .arg(&times);
            steps::run(command.current_dir(root))
        })?;
        let text = fs::read_to_string(&times).map_err(|e| Failure::new(format!("{}: {e}", times.display())))?;
        Ok(text.lines().filter_map(|l| l.trim().parse::<f64>().ok()).collect())
    })();
    let _ = fs::remove_dir_all(&work);
    match outcome {
        Ok(times) if !times.is_empty() => {
            print_summary(&times);
            tally.print_summary();
            ExitCode::SUCCESS
        }
        Ok(_) => {
            eprintln!("xtask: 没有测量结果 / no timings");
            ExitCode::FAILURE
        }
        Err(_) => {
            tally.print_summary();
            ExitCode::FAILURE
        }
    }
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn print_summary(times: &[f64]) {
    let list: Vec<String> = times.iter().map(|t| format!("{t:.0}")).collect();
    println!("\n每次 / each run (ms): {}", list.join(", "));
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    println!(
        "启动到可用窗口 / start to first usable window: 中位数 / median {:.0} ms（{} 次 / runs, 最短 / min {:.0} ms, 最长 / max {:.0} ms；首次 / first run {:.0} ms）",
        median(&sorted),
        times.len(),
        sorted[0],
        sorted[sorted.len() - 1],
        times[0]
    );
}

struct InnerArgs {
    app: PathBuf,
    db: PathBuf,
    runs: usize,
    work: PathBuf,
    out: PathBuf,
}

fn parse_inner(args: &[String]) -> Result<InnerArgs, Failure> {
    let (mut app, mut db, mut runs, mut work, mut out) = (None, None, None, None, None);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| Failure::new(format!("{flag} 缺少值 / needs a value")))?;
        match flag.as_str() {
            "--app" => app = Some(PathBuf::from(value)),
            "--db" => db = Some(PathBuf::from(value)),
            "--runs" => runs = value.parse().ok(),
            "--work" => work = Some(PathBuf::from(value)),
            "--out" => out = Some(PathBuf::from(value)),
            _ => return Err(Failure::new(format!("未知参数 / unknown argument {flag}"))),
        }
    }
    match (app, db, runs, work, out) {
        (Some(app), Some(db), Some(runs), Some(work), Some(out)) => Ok(InnerArgs { app, db, runs, work, out }),
        _ => Err(Failure::new("需要 --app --db --runs --work --out / missing arguments")),
    }
}

pub fn inner_main(args: &[String]) -> ExitCode {
    match parse_inner(args).and_then(|a| inner(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("xtask: {failure}");
            ExitCode::FAILURE
        }
    }
}

fn inner(args: &InnerArgs) -> Result<(), Failure> {
    let profile = args.work.join("profile");
    let mut lines = String::new();
    for run in 0..args.runs {
        let db = args.work.join(format!("run-{run}.db"));
        let report = args.work.join(format!("report-{run}.txt"));
        fs::copy(&args.db, &db).map_err(|e| Failure::new(format!("{} → {}: {e}", args.db.display(), db.display())))?;
        let ms = one_start(args, &db, &report, &profile)?;
        println!("第 {} 次 / run {}: {ms:.0} ms", run + 1, run + 1);
        lines.push_str(&format!("{ms:.1}\n"));
        let _ = fs::remove_file(&db);
    }
    fs::write(&args.out, lines).map_err(|e| Failure::new(format!("{}: {e}", args.out.display())))
}

/// One start: spawn, wait for the page report, end the app (by its handle).
fn one_start(args: &InnerArgs, db: &Path, report: &Path, profile: &Path) -> Result<f64, Failure> {
    let started = Instant::now();
    let mut app = Command::new(&args.app)
        .env("KAOHE_DB", db)
        .env("KAOHE_SELFTEST", report)
        .env("XDG_DATA_HOME", profile.join("data"))
        .env("XDG_CONFIG_HOME", profile.join("config"))
        .env("XDG_CACHE_HOME", profile.join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| Failure::new(format!("无法启动 / cannot start {}: {e}", args.app.display())))?;
    let result = loop {
        if fs::read_to_string(report).map(|t| t.contains(APP_TITLE)).unwrap_or(false) {
            break Ok(started.elapsed().as_secs_f64() * 1000.0);
        }
        if let Ok(Some(status)) = app.try_wait() {
            break Err(Failure::new(format!("应用未报告就退出了 / app exited before reporting: {status}")));
        }
        if started.elapsed() > REPORT_TIMEOUT {
            break Err(Failure::new(format!("{} 秒内没有页面报告 / no page report", REPORT_TIMEOUT.as_secs())));
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let _ = app.kill();
    let _ = app.wait();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[509.0, 520.0, 557.0]), 520.0);
        assert_eq!(median(&[500.0, 520.0, 560.0, 1000.0]), 540.0);
        assert_eq!(median(&[700.0]), 700.0);
    }

    #[test]
    fn options_default_and_refuse_nonsense() {
        let o = parse(&[]).expect("no arguments are the defaults");
        assert_eq!((o.runs, o.db), (DEFAULT_RUNS, None));
        let args: Vec<String> = ["--runs", "3", "--db", "/tmp/100k.db"].iter().map(|s| s.to_string()).collect();
        let o = parse(&args).expect("valid arguments");
        assert_eq!((o.runs, o.db), (3, Some(PathBuf::from("/tmp/100k.db"))));
        assert!(parse(&["--runs".to_string(), "0".to_string()]).is_err());
        assert!(parse(&["--runs".to_string()]).is_err());
        assert!(parse(&["--fast".to_string(), "1".to_string()]).is_err());
    }
}
