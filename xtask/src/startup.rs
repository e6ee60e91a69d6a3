//! `cargo xtask bench-startup [--runs N] [--db FILE | --people N | --organs N] [--section home|people|summary] [--release | --build debug|release]`: how long a clerk waits from starting
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
//! Larger data: `--db FILE` measures with any database; `--people N` generates one of N people
//! (a CSV roster written here, imported with the `kaohe` CLI, cached as
//! `target/bench/people-N-<schema>.db` for later runs; `<schema>` changes with the store's
//! migrations, so a database of an older schema is made again rather than upgraded at each start).
//!
//! `--section people` times showing the 人员 grid instead: the app runs with
//! `KAOHE_SELFTEST_SECTION=people` too; 工作台 loads its counts as at every start, then opens 人员
//! instead of reporting, and 人员 reports (`reportWhenShown`, ui/src/selftest.ts) once the
//! grid's first row is in the page and the web view has painted twice. The time is again from
//! spawning the process to the grid's first rows: start-up, the filters' choices and the first
//! page over IPC, and their rows painted. Then the page times, by its own clock, what a clerk
//! waits for next — an organ filter, a name search, a sort by name and by rank, a page in the
//! middle, each from the question to the rows painted — and reports them with how long after the
//! first rows it reported (taken off the start's time). `cargo xtask bench-startup --section
//! people --people 100000 --release` is the README's figure.
//!
//! `--section summary` times the 汇总 page of a 汇总 database: `--organs N` (800 unless `--db`
//! or `--people` is given) generates one of N organs' packages, 75 people each, of the year before
//! the current one (the year the page opens on), with the summary bench's generator (`cargo bench
//! -p kaohe-desk --bench summary -- --db FILE N PEOPLE YEAR`: the packages written as an organ's
//! Kaohe writes them, received as the app receives them), cached as
//! `target/bench/summary-N-YEAR-<schema>.db`. 汇总 reports once its organ table's first rows and
//! the chart are in the page and painted twice, with its own timings: the `summary` call, the
//! tables painted after its answer, and a change of year away and back (each from the question to
//! the tables painted). `cargo xtask bench-startup --section summary --organs 800 --release` is
//! the README's figure.
//!
//! `--release` (or `--build release`) times the optimised app, as a clerk runs it (built with the feature
//! `test-hooks`, which keeps the self-test hook; the database is generated with the optimised
//! `kaohe` too); the default is the debug build the tests use.

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
    /// `--people N`: a generated database of N people.
    people: Option<usize>,
    /// `--organs N`: a generated 汇总 database of N organs' packages.
    organs: Option<usize>,
    /// `--section NAME`: the section to open first and time (default 工作台).
    section: Option<String>,
    /// `--release` or `--build release`: the optimised app (default: the debug build).
    release: bool,
}

/// The sections that report through the self-test hook.
const TIMED_SECTIONS: [&str; 3] = ["home", "people", "summary"];
/// The organs of the 汇总 database timed by `--section summary` unless told.
const DEFAULT_ORGANS: usize = 800;
/// The people of each generated organ: 800 organs hold the 60,000.
const PEOPLE_PER_ORGAN: usize = 75;

fn parse(args: &[String]) -> Result<Options, Failure> {
    let mut options =
        Options { runs: DEFAULT_RUNS, db: None, people: None, organs: None, section: None, release: false };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        // The one flag without a value, as cargo spells it.
        if flag == "--release" {
            options.release = true;
            continue;
        }
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
            "--people" => {
                options.people =
                    Some(value.parse().ok().filter(|n| (1..=10_000_000).contains(n)).ok_or_else(|| {
                        Failure::new(format!("--people 需要正整数 / needs a positive number: {value}"))
                    })?)
            }
            "--organs" => {
                options.organs =
                    Some(value.parse().ok().filter(|n| (1..=100_000).contains(n)).ok_or_else(|| {
                        Failure::new(format!("--organs 需要正整数 / needs a positive number: {value}"))
                    })?)
            }
            "--section" => {
                if !TIMED_SECTIONS.contains(&value.as_str()) {
                    return Err(Failure::new(format!(
                        "--section 只能是 / must be one of {}: {value}",
                        TIMED_SECTIONS.join(", ")
                    )));
                }
                options.section = Some(value.clone())
            }
            "--build" => {
                options.release = match value.as_str() {
                    "release" => true,
                    "debug" => false,
                    _ => {
                        return Err(Failure::new(format!(
                            "--build 只能是 debug 或 release / must be debug or release: {value}"
                        )))
                    }
                }
            }
            _ => return Err(Failure::new(format!("未知参数 / unknown argument {flag}"))),
        }
    }
    let given = [options.db.is_some(), options.people.is_some(), options.organs.is_some()];
    if given.iter().filter(|g| **g).count() > 1 {
        return Err(Failure::new("--db、--people 与 --organs 只能选一个 / give one of --db, --people and --organs"));
    }
    // 汇总 of the sample roster would show no organ: a generated 汇总 database unless told.
    if options.section.as_deref() == Some("summary") && !given.contains(&true) {
        options.organs = Some(DEFAULT_ORGANS);
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
    let outcome = (|| -> Result<String, Failure> {
        tally.step("前端依赖 / UI dependencies (npm ci)", || ui::ensure_node_modules(root))?;
        tally.step("构建前端 / UI build (vue-tsc + vite)", || ui::build(root))?;
        let profile = if options.release { "release" } else { "debug" };
        if options.release {
            tally.step(
                "构建程序 / cargo build --release -p kaohe-app --features test-hooks -p kaohe-cli",
                || {
                    steps::run(
                        steps::cargo()
                            .args([
                                "build", "--release", "-p", "kaohe-app", "--features", "test-hooks", "-p", "kaohe-cli",
                            ])
                            .current_dir(root),
                    )
                },
            )?;
        } else {
            tally.step("构建程序 / cargo build --workspace --bins", || {
                steps::run(steps::cargo().args(["build", "--workspace", "--bins"]).current_dir(root))
            })?;
        }
        let _ = fs::remove_dir_all(&work);
        fs::create_dir_all(&work).map_err(|e| Failure::new(format!("{}: {e}", work.display())))?;
        let kaohe = desktop::target_dir(root).join(profile).join(format!("kaohe{}", std::env::consts::EXE_SUFFIX));
        let app = desktop::target_dir(root).join(profile).join(format!("kaohe-app{}", std::env::consts::EXE_SUFFIX));
        let db = match (&options.db, options.people, options.organs) {
            (Some(db), _, _) => db.clone(),
            (None, None, Some(n)) => {
                // The page opens on the year before the current one: the packages are of that year.
                let year = current_year() - 1;
                let db =
                    desktop::target_dir(root).join("bench").join(format!("summary-{n}-{year}-{}.db", schema_key(root)));
                if db.exists() {
                    println!("已有 / cached: {}", db.display());
                } else {
                    tally.step(
                        &format!(
                            "生成 {n} 个单位的汇总数据库 / generating a 汇总 database of {n} organs (cargo bench --bench summary -- --db)"
                        ),
                        || generate_summary_db(root, &db, n, year),
                    )?;
                }
                db
            }
            (None, Some(n), _) => {
                let db = desktop::target_dir(root).join("bench").join(format!("people-{n}-{}.db", schema_key(root)));
                if db.exists() {
                    println!("已有 / cached: {}", db.display());
                } else {
                    tally.step(
                        &format!("生成 {n} 人的数据库 / generating a database of {n} people (kaohe import)"),
                        || generate_db(&kaohe, &db, n, &work),
                    )?;
                }
                db
            }
            (None, None, None) => {
                let db = work.join("sample.db");
                tally.step("示例名册数据库 / sample roster database (kaohe import)", || {
                    steps::run(
                        Command::new(kaohe)
                            .arg("import")
                            .arg(root.join(SAMPLE))
                            .env("KAOHE_DB", &db)
                            .stdout(Stdio::null()),
                    )
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
                .arg(&app)
                .arg("--db")
                .arg(&db)
                .arg("--runs")
                .arg(options.runs.to_string())
                .arg("--work")
                .arg(&work)
                .arg("--out")
                .arg(&times)
                .arg("--section")
                .arg(options.section.as_deref().unwrap_or("home"));
            steps::run(command.current_dir(root))
        })?;
        let text = fs::read_to_string(&times).map_err(|e| Failure::new(format!("{}: {e}", times.display())))?;
        Ok(text)
    })();
    let _ = fs::remove_dir_all(&work);
    let outcome = outcome.map(|text| {
        let starts: Vec<f64> = text.lines().filter_map(|l| l.trim().parse::<f64>().ok()).collect();
        (starts, timings(&text))
    });
    match outcome {
        Ok((times, named)) if !times.is_empty() => {
            print_summary(&times, options.section.as_deref().unwrap_or("home"));
            for (name, values) in &named {
                print_named(name, values);
            }
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

fn print_summary(times: &[f64], section: &str) {
    let what = if section == "people" {
        "启动到人员表格显示首屏 / start to the people grid's first rows"
    } else if section == "summary" {
        "启动到汇总页表格与图表显示 / start to the 汇总 page's tables and chart"
    } else {
        "启动到可用窗口 / start to first usable window"
    };
    let list: Vec<String> = times.iter().map(|t| format!("{t:.0}")).collect();
    println!("\n每次 / each run (ms): {}", list.join(", "));
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    println!(
        "{what}: 中位数 / median {:.0} ms（{} 次 / runs, 最短 / min {:.0} ms, 最长 / max {:.0} ms；首次 / first run {:.0} ms）",
        median(&sorted),
        times.len(),
        sorted[0],
        sorted[sorted.len() - 1],
        times[0]
    );
}

/// The page's own timings of a report (`KAOHE_TIMING <name> <ms>` lines), by name in order of
/// first appearance, every run's value.
fn timings(text: &str) -> Vec<(String, Vec<f64>)> {
    let mut out: Vec<(String, Vec<f64>)> = Vec::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        let (Some("KAOHE_TIMING"), Some(name), Some(ms)) = (words.next(), words.next(), words.next()) else { continue };
        let Ok(ms) = ms.parse::<f64>() else { continue };
        match out.iter_mut().find(|(n, _)| n == name) {
            Some((_, values)) => values.push(ms),
            None => out.push((name.to_owned(), vec![ms])),
        }
    }
    out
}

/// What a page timing measures, for the summary.
fn timing_label(name: &str) -> &str {
    match name {
        "filter_organ" => "人员：选择单位筛选 / people: an organ filter",
        "search" => "人员：搜索姓名 / people: a name search",
        "sort_name" => "人员：按姓名排序 / people: sort by name",
        "sort_rank" => "人员：按职级排序 / people: sort by rank",
        "scroll_middle" => "人员：跳到中间一页 / people: a page in the middle",
        "load_from_page_start" => "人员：页面启动到开始读取 / people: page start to its first read",
        "filters_ipc" => "人员：读取筛选项 / people: the filters' choices (IPC)",
        "first_page_ipc" => "人员：读取第一页 / people: the first page (IPC)",
        "summary_from_page_start" => "汇总：页面启动到开始读取 / 汇总: page start to its summary call",
        "summary_ipc" => "汇总：读取汇总 / 汇总: the summary (IPC)",
        "summary_rendered" => "汇总：回答后到页面生成 / 汇总: from the answer to the page's elements made (Vue)",
        "summary_painted" => "汇总：回答后到表格与图表显示 / 汇总: from the answer to the tables and chart painted",
        "summary_opened" => {
            "汇总页本身：开始读取到表格与图表显示 / 汇总 itself: from its summary call to the tables and chart painted"
        }
        "year_other" => "汇总：换到上一年度 / 汇总: another year (none reported)",
        "year_back" => "汇总：换回本年度 / 汇总: back to the year of 800 organs",
        other => other,
    }
}

fn print_named(name: &str, values: &[f64]) {
    if name == "after_first_rows" {
        return;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let list: Vec<String> = values.iter().map(|t| format!("{t:.0}")).collect();
    println!(
        "{}: 中位数 / median {:.0} ms（每次 / each run: {}）",
        timing_label(name),
        median(&sorted),
        list.join(", ")
    );
}

struct InnerArgs {
    app: PathBuf,
    db: PathBuf,
    runs: usize,
    work: PathBuf,
    out: PathBuf,
    section: String,
}

fn parse_inner(args: &[String]) -> Result<InnerArgs, Failure> {
    let (mut app, mut db, mut runs, mut work, mut out) = (None, None, None, None, None);
    let mut section = String::from("home");
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| Failure::new(format!("{flag} 缺少值 / needs a value")))?;
        match flag.as_str() {
            "--app" => app = Some(PathBuf::from(value)),
            "--db" => db = Some(PathBuf::from(value)),
            "--runs" => runs = value.parse().ok(),
            "--work" => work = Some(PathBuf::from(value)),
            "--out" => out = Some(PathBuf::from(value)),
            "--section" => section = value.clone(),
            _ => return Err(Failure::new(format!("未知参数 / unknown argument {flag}"))),
        }
    }
    match (app, db, runs, work, out) {
        (Some(app), Some(db), Some(runs), Some(work), Some(out)) => Ok(InnerArgs { app, db, runs, work, out, section }),
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
        let (ms, text) = one_start(args, &db, &report, &profile)?;
        // The page's timings after its first rows are not part of the start.
        let page = timings(&text);
        let after = page.iter().find(|(n, _)| n == "after_first_rows").map_or(0.0, |(_, v)| v[0]);
        let ms = ms - after;
        println!("第 {} 次 / run {}: {ms:.0} ms", run + 1, run + 1);
        lines.push_str(&format!("{ms:.1}\n"));
        for (name, values) in page {
            lines.push_str(&format!("KAOHE_TIMING {name} {:.1}\n", values[0]));
        }
        let _ = fs::remove_file(&db);
    }
    fs::write(&args.out, lines).map_err(|e| Failure::new(format!("{}: {e}", args.out.display())))
}

/// One start: spawn, wait for the page report, end the app (by its handle). The time from spawn to
/// the report, and the report.
fn one_start(args: &InnerArgs, db: &Path, report: &Path, profile: &Path) -> Result<(f64, String), Failure> {
    let started = Instant::now();
    let mut app = Command::new(&args.app)
        .env("KAOHE_DB", db)
        .env("KAOHE_SELFTEST", report)
        .env("KAOHE_SELFTEST_SECTION", &args.section)
        .env("XDG_DATA_HOME", profile.join("data"))
        .env("XDG_CONFIG_HOME", profile.join("config"))
        .env("XDG_CACHE_HOME", profile.join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| Failure::new(format!("无法启动 / cannot start {}: {e}", args.app.display())))?;
    let result = loop {
        if let Some(text) = fs::read_to_string(report).ok().filter(|t| reported(t, &args.section)) {
            break Ok((started.elapsed().as_secs_f64() * 1000.0, text));
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

/// The report is complete: the window's title, and for 人员 the grid's count line (「共 N 人」), for
/// 汇总 its totals line (「N 个单位已上报」), and the page's last timing (its time after the first rows).
fn reported(text: &str, section: &str) -> bool {
    let last = text.contains("KAOHE_TIMING after_first_rows");
    text.contains(APP_TITLE)
        && match section {
            "people" => text.contains("共 ") && text.contains(" 人") && last,
            "summary" => text.contains("个单位已上报") && last,
            _ => true,
        }
}

/// A key of the database schema this checkout writes (a hash of the store's migrations), so that
/// a cached database made by an older schema is not used: opening it would run the newer
/// migrations on every timed start.
fn schema_key(root: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let text = fs::read(root.join("crates/kaohe-store/src/migrations.rs")).unwrap_or_default();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    format!("{:08x}", h.finish() as u32)
}

/// This year by the system clock (UTC; the page's default year, by the local clock, differs only in
/// the hours around midnight on New Year's Eve).
fn current_year() -> i32 {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    year_of_day((secs / 86_400) as i64)
}

/// The year (proleptic Gregorian) of a day counted from 1970-01-01 (H. Hinnant's civil_from_days).
fn year_of_day(days: i64) -> i32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

/// The check digit of an 18-digit resident ID (GB 11643) from its first 17 digits.
fn check_digit(first17: &str) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17.chars().zip(WEIGHTS).map(|(c, w)| c.to_digit(10).unwrap_or(0) * w).sum();
    b"10X98765432"[(sum % 11) as usize] as char
}

/// A clean roster of `n` people as CSV (the columns `kaohe import` reads): unique valid IDs with
/// 性别 agreeing, 500 organs, six ranks of 综合管理类, dates spread over 2015–2023, two years of
/// results. The same as the import benchmark's roster (crates/kaohe-store/benches/import.rs).
fn roster_csv(n: usize) -> String {
    let ranks = ["一级科员", "四级主任科员", "三级主任科员", "二级主任科员", "一级主任科员", "四级调研员"];
    let mut out = String::with_capacity(n * 140);
    out.push_str("身份证号,姓名,性别,单位,职位类别,职级,任现职级时间,进入公务员队伍时间,2023年度考核,2024年度考核\n");
    for i in 0..n {
        // A different birth month for every thousand people keeps the IDs unique.
        let k = i / 1000;
        let first17 = format!("320102{:04}{:02}10{:03}", 1960 + k / 12, 1 + k % 12, i % 1000);
        let id = format!("{first17}{}", check_digit(&first17));
        // The 17th digit (i % 10) is odd for a man.
        let gender = if i % 2 == 1 { "男" } else { "女" };
        out.push_str(&format!(
            "{id},人员{i},{gender},单位{:03},综合管理类,{},{}-{:02}-{:02},{}-07-01,{},称职\n",
            i % 500,
            ranks[i % ranks.len()],
            2015 + i % 9,
            1 + i % 12,
            1 + i % 28,
            2005 + i % 15,
            if i % 5 == 0 { "优秀" } else { "称职" },
        ));
    }
    out
}

/// Writes the roster of `n` people and imports it into `db` (written beside, then renamed, so
/// that a stopped run leaves no half database in the cache).
fn generate_db(kaohe: &Path, db: &Path, n: usize, work: &Path) -> Result<(), Failure> {
    let csv = work.join(format!("roster-{n}.csv"));
    fs::write(&csv, roster_csv(n)).map_err(|e| Failure::new(format!("{}: {e}", csv.display())))?;
    let dir = db.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Failure::new(format!("{}: {e}", dir.display())))?;
    let partial = db.with_extension("db.partial");
    let _ = fs::remove_file(&partial);
    steps::run(Command::new(kaohe).arg("import").arg(&csv).env("KAOHE_DB", &partial).stdout(Stdio::null()))?;
    fs::rename(&partial, db).map_err(|e| Failure::new(format!("{} → {}: {e}", partial.display(), db.display())))
}

/// A 汇总 database of `organs` organs' packages ([`PEOPLE_PER_ORGAN`] people each), made by the
/// summary bench (crates/kaohe-desk/benches/summary.rs: its package generator, then
/// `summary::receive`, optimised), written beside `db` and renamed as [`generate_db`] does.
fn generate_summary_db(root: &Path, db: &Path, organs: usize, year: i32) -> Result<(), Failure> {
    let dir = db.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Failure::new(format!("{}: {e}", dir.display())))?;
    let partial = db.with_extension("db.partial");
    let _ = fs::remove_file(&partial);
    steps::run(
        steps::cargo()
            .args(["bench", "-p", "kaohe-desk", "--bench", "summary", "--", "--db"])
            .arg(&partial)
            .arg(organs.to_string())
            .arg((organs * PEOPLE_PER_ORGAN).to_string())
            .arg(year.to_string())
            .current_dir(root),
    )?;
    fs::rename(&partial, db).map_err(|e| Failure::new(format!("{} → {}: {e}", partial.display(), db.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_of_days_from_1970() {
        // 1970-01-01, 2024-02-29 (day 19782), 2025-12-31 (20453), 2026-01-01 (20454), 2000-03-01.
        assert_eq!(year_of_day(0), 1970);
        assert_eq!(year_of_day(19_782), 2024);
        assert_eq!(year_of_day(20_453), 2025);
        assert_eq!(year_of_day(20_454), 2026);
        assert_eq!(year_of_day(11_017), 2000);
        assert_eq!(year_of_day(-1), 1969);
    }

    #[test]
    fn page_timings_are_read_by_name_in_order() {
        let text = "2001.5\nKAOHE_TIMING search 120.5\nKAOHE_TIMING after_first_rows 900\n1990\nKAOHE_TIMING search 99\nKAOHE_TIMING x\n";
        assert_eq!(
            timings(text),
            [("search".to_owned(), vec![120.5, 99.0]), ("after_first_rows".to_owned(), vec![900.0])]
        );
    }

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
        let args: Vec<String> = ["--section", "people", "--people", "100000"].iter().map(|s| s.to_string()).collect();
        let o = parse(&args).expect("valid arguments");
        assert_eq!((o.section.as_deref(), o.people), (Some("people"), Some(100_000)));
        assert!(parse(&["--section".to_string(), "rules".to_string()]).is_err());
        let both: Vec<String> = ["--db", "a.db", "--people", "10"].iter().map(|s| s.to_string()).collect();
        assert!(parse(&both).is_err());
    }

    #[test]
    fn summary_opens_on_generated_organs() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let o = parse(&args(&["--section", "summary", "--organs", "800", "--release"])).expect("the README's line");
        assert_eq!((o.section.as_deref(), o.organs, o.release), (Some("summary"), Some(800), true));
        // 800 organs unless a database is given.
        assert_eq!(parse(&args(&["--section", "summary"])).expect("defaults").organs, Some(DEFAULT_ORGANS));
        let o = parse(&args(&["--section", "summary", "--db", "汇总.db"])).expect("a database");
        assert_eq!((o.organs, o.db), (None, Some(PathBuf::from("汇总.db"))));
        assert_eq!(parse(&args(&["--organs", "20"])).expect("工作台 of 20 organs").organs, Some(20));
        assert!(parse(&args(&["--organs", "0"])).is_err());
        assert!(parse(&args(&["--organs", "many"])).is_err());
        assert!(parse(&args(&["--organs", "10", "--people", "100"])).is_err());
        assert!(parse(&args(&["--organs", "10", "--db", "a.db"])).is_err());
    }

    #[test]
    fn release_is_a_flag_or_a_build() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(!parse(&[]).expect("defaults").release);
        let o = parse(&args(&["--section", "people", "--people", "100000", "--release"])).expect("the issue's line");
        assert!(o.release);
        assert_eq!((o.section.as_deref(), o.people), (Some("people"), Some(100_000)));
        assert!(parse(&args(&["--release", "--runs", "3"])).expect("first").release);
        assert!(parse(&args(&["--build", "release"])).expect("as before").release);
        assert!(!parse(&args(&["--build", "debug"])).expect("as before").release);
        assert!(parse(&args(&["--build", "fast"])).is_err());
    }

    #[test]
    fn generated_roster_has_valid_unique_ids() {
        // 11010519491231002X is the standard's own example.
        assert_eq!(check_digit("11010519491231002"), 'X');
        let csv = roster_csv(2500);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 2501);
        assert!(lines[0].starts_with("身份证号,姓名,性别,单位"));
        let ids: std::collections::HashSet<&str> =
            lines[1..].iter().map(|l| l.split(',').next().unwrap_or("")).collect();
        assert_eq!(ids.len(), 2500);
        for id in &ids {
            assert_eq!(id.len(), 18);
            assert_eq!(id.chars().last(), Some(check_digit(&id[..17])));
        }
        assert_eq!(
            lines[2],
            "320102196001100012,人员1,男,单位001,综合管理类,四级主任科员,2016-02-02,2006-07-01,称职,称职"
        );
    }

    #[test]
    fn people_report_needs_the_grid_count() {
        assert!(reported("考核 Kaohe\n工作台", "home"));
        assert!(!reported("考核 Kaohe\n正在读取人员…", "people"));
        assert!(!reported("考核 Kaohe\n共 100000 人\n人员0", "people"));
        assert!(reported("考核 Kaohe\n共 100000 人\n人员0\nKAOHE_TIMING after_first_rows 900.5", "people"));
    }

    #[test]
    fn summary_report_needs_the_totals_and_the_last_timing() {
        assert!(!reported("考核 Kaohe\n汇总\n正在读取…", "summary"));
        assert!(!reported("考核 Kaohe\n800 个单位已上报，60000 人", "summary"));
        assert!(reported(
            "考核 Kaohe\n800 个单位已上报，60000 人\n单位000\nKAOHE_TIMING summary_ipc 180\nKAOHE_TIMING after_first_rows 400",
            "summary"
        ));
    }
}
