//! `cargo xtask fuzz [--minutes N] [--target NAME]`: coverage-guided fuzzing (libFuzzer through
//! cargo-fuzz, on the nightly toolchain) of what Kaohe reads from files: the roster readers of
//! each format, the rule profile, the column mapping file and backup inspection (the targets in
//! fuzz/fuzz_targets/). Each target is seeded from fixtures/ and runs for its share of the
//! minutes; the corpus grows in target/fuzz/corpus/ from run to run. A crash leaves its input in
//! fuzz/artifacts/<target>/ and fails the task; the input belongs in fixtures/hostile/ once the
//! crash is fixed. The figures (executions, edges covered, crashes) are printed and written to
//! target/fuzz/report.md.
//!
//! Needs the nightly toolchain already installed (nothing is downloaded) and cargo-fuzz, which
//! is installed from crates.io when missing.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use crate::steps::{self, Failure};

/// The targets, the extensions of their seed files under fixtures/ and the largest input tried.
const TARGETS: [(&str, &[&str], usize); 7] = [
    ("roster_xlsx", &["xlsx", "xlsm"], 256 << 10),
    ("roster_xls", &["xls"], 256 << 10),
    ("roster_ods", &["ods"], 128 << 10),
    ("roster_csv", &["csv", "txt"], 64 << 10),
    ("profile_toml", &["toml"], 128 << 10),
    ("mapping_toml", &[], 4 << 10),
    ("backup", &["db"], 256 << 10),
];

struct Args {
    minutes: f64,
    target: Option<String>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut out = Args { minutes: 7.0, target: None };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--minutes" => {
                out.minutes = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|m: &f64| *m > 0.0)
                    .ok_or("--minutes needs a positive number")?
            }
            "--target" => out.target = Some(it.next().ok_or("--target needs a name")?.clone()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if let Some(t) = &out.target {
        if !TARGETS.iter().any(|(name, ..)| name == t) {
            return Err(format!("no target `{t}`; targets: {}", TARGETS.map(|t| t.0).join(", ")));
        }
    }
    Ok(out)
}

/// One target's run, as libFuzzer reported it.
struct Outcome {
    target: &'static str,
    seconds: u64,
    seeds: usize,
    executions: u64,
    edges: u64,
    corpus: usize,
    crashes: Vec<PathBuf>,
}

pub fn main(root: &Path, args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("xtask fuzz: {e}\nusage: cargo xtask fuzz [--minutes N] [--target NAME]");
            return ExitCode::from(2);
        }
    };
    match fuzz(root, &args) {
        Ok(outcomes) => {
            let report = report(&outcomes);
            print!("{report}");
            let dir = crate::desktop::target_dir(root).join("fuzz");
            let _ = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join("report.md"), &report));
            if outcomes.iter().any(|o| !o.crashes.is_empty()) {
                eprintln!("xtask fuzz: 发现崩溃 / crashes found (inputs in fuzz/artifacts/)");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask fuzz: {e}");
            ExitCode::FAILURE
        }
    }
}

fn nightly_cargo() -> Command {
    let mut c = Command::new("cargo");
    c.arg("+nightly");
    // The xtask's own toolchain must not leak into the nightly cargo.
    c.env_remove("RUSTC").env_remove("RUSTUP_TOOLCHAIN").env_remove("CARGO");
    c
}

fn fuzz(root: &Path, args: &Args) -> Result<Vec<Outcome>, Failure> {
    if steps::output(nightly_cargo().arg("--version")).is_none() {
        return Err(Failure::new(
            "the nightly toolchain is not installed (rustup toolchain list); it is not downloaded here",
        ));
    }
    if steps::output(nightly_cargo().args(["fuzz", "--version"])).is_none() {
        println!("==> cargo install cargo-fuzz --locked");
        steps::run(steps::cargo().args(["install", "cargo-fuzz", "--locked"]))?;
    }
    let chosen: Vec<&(&str, &[&str], usize)> =
        TARGETS.iter().filter(|t| args.target.as_deref().is_none_or(|n| n == t.0)).collect();
    println!("==> cargo +nightly fuzz build (release, debug assertions on)");
    steps::run(nightly_cargo().args(["fuzz", "build", "--debug-assertions"]).current_dir(root))?;
    let work = crate::desktop::target_dir(root).join("fuzz");
    let backup_seed = backup_seed(root, &work)?;
    let seconds = ((args.minutes * 60.0) / chosen.len() as f64).round().max(10.0) as u64;
    let mut outcomes = Vec::new();
    for &&(target, extensions, max_len) in &chosen {
        let corpus = work.join("corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|e| Failure::new(format!("{}: {e}", corpus.display())))?;
        let seeds = seed(root, &corpus, target, extensions, max_len, &backup_seed)?;
        let artifacts = root.join("fuzz/artifacts").join(target);
        std::fs::create_dir_all(&artifacts).map_err(|e| Failure::new(format!("{}: {e}", artifacts.display())))?;
        let before: Vec<PathBuf> = crashes(&artifacts);
        println!("==> {target}: {seconds} s from {seeds} seeds");
        let started = std::time::Instant::now();
        let output = nightly_cargo()
            .args(["fuzz", "run", "--debug-assertions", target])
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg(format!("-max_len={max_len}"))
            .args(["-rss_limit_mb=2048", "-timeout=30", "-print_final_stats=1"])
            .arg(format!("-artifact_prefix={}/", artifacts.display()))
            .current_dir(root)
            .stdout(Stdio::inherit())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| Failure::new(format!("cargo fuzz run {target}: {e}")))?;
        let log = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = log.lines().rev().take(40).collect();
        for line in tail.iter().rev() {
            eprintln!("    {line}");
        }
        let new: Vec<PathBuf> = crashes(&artifacts).into_iter().filter(|p| !before.contains(p)).collect();
        outcomes.push(Outcome {
            target,
            // As run: a crash ends a target's run early.
            seconds: started.elapsed().as_secs(),
            seeds,
            executions: stat(&log, "stat::number_of_executed_units:").unwrap_or(0),
            edges: last_field(&log, "cov:").unwrap_or(0),
            corpus: std::fs::read_dir(&corpus).map(|d| d.count()).unwrap_or(0),
            crashes: new,
        });
    }
    Ok(outcomes)
}

/// Copies the seed files of a target into its corpus (once: a file already there is kept).
fn seed(
    root: &Path,
    corpus: &Path,
    target: &str,
    extensions: &[&str],
    max_len: usize,
    backup: &Path,
) -> Result<usize, Failure> {
    let mut files = Vec::new();
    for dir in ["fixtures", "profiles"] {
        walk(&root.join(dir), &mut files);
    }
    let mut n = 0;
    let mut add = |name: String, bytes: &[u8]| {
        if bytes.len() <= max_len {
            let _ = std::fs::write(corpus.join(name), bytes);
            n += 1;
        }
    };
    for f in files.iter().filter(|f| {
        f.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
    }) {
        if let Ok(bytes) = std::fs::read(f) {
            let name = f.strip_prefix(root).unwrap_or(f).to_string_lossy().replace(['/', '\\'], "_");
            add(name, &bytes);
        }
    }
    match target {
        "mapping_toml" => {
            add(
                "seed-mapping-1".into(),
                "[columns]\n\"证件号码\" = \"身份证号\"\n\"姓 名\" = \"姓名\"\n\"工作单位\" = \"单位\"\n".as_bytes(),
            );
            add("seed-mapping-2".into(), "[columns]\n\"备注\" = \"\"\n\"2023年考核\" = \"年度考核:2023\"\n".as_bytes());
        }
        "backup" => {
            if let Ok(bytes) = std::fs::read(backup) {
                add("seed-backup.db".into(), &bytes);
            }
        }
        _ => {}
    }
    Ok(n)
}

/// A small database as Kaohe writes it (the sample roster imported), for the backup target.
fn backup_seed(root: &Path, work: &Path) -> Result<PathBuf, Failure> {
    let db = work.join("seed-backup.db");
    if !db.exists() {
        std::fs::create_dir_all(work).map_err(|e| Failure::new(e.to_string()))?;
        let sample = root.join("fixtures/sample/名册示例.xlsx");
        steps::run(
            steps::cargo()
                .args(["run", "-q", "-p", "kaohe-cli", "--", "import"])
                .arg(&sample)
                .arg("--db")
                .arg(&db)
                .current_dir(root),
        )?;
        let _ = Command::new("sqlite3").arg(&db).arg("VACUUM").status();
    }
    Ok(db)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn crashes(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("crash-") || n.starts_with("oom-") || n.starts_with("timeout-"))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// `stat::number_of_executed_units: 12345` from libFuzzer's final statistics.
fn stat(log: &str, key: &str) -> Option<u64> {
    log.lines().rev().find_map(|l| l.trim().strip_prefix(key)).and_then(|v| v.trim().parse().ok())
}

/// The number after the last `cov:` on a status line (`#123 NEW cov: 4567 ft: …`).
fn last_field(log: &str, key: &str) -> Option<u64> {
    log.lines()
        .rev()
        .find_map(|l| l.split(key).nth(1).and_then(|rest| rest.split_whitespace().next()).and_then(|v| v.parse().ok()))
}

fn report(outcomes: &[Outcome]) -> String {
    let mut s = String::from(
        "| target | seconds | seeds | executions | edges covered | corpus | crashes |\n|---|---|---|---|---|---|---|\n",
    );
    for o in outcomes {
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            o.target,
            o.seconds,
            o.seeds,
            o.executions,
            o.edges,
            o.corpus,
            if o.crashes.is_empty() {
                "0".to_string()
            } else {
                o.crashes.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
            }
        ));
    }
    let total: u64 = outcomes.iter().map(|o| o.executions).sum();
    let seconds: u64 = outcomes.iter().map(|o| o.seconds).sum();
    s.push_str(&format!("\n{total} executions in {seconds} s over {} targets.\n", outcomes.len()));
    s
}
