//! Hostile and broken input: files that are not workbooks, encrypted ones, zip bombs, rosters
//! with the table in odd places and values a clerk gets wrong. Each case in
//! `fixtures/hostile/expected.toml` runs through the real `kaohe` binary as a subprocess, so a
//! crash (panic, abort, out of memory) or a hang is caught: the case is killed at its CPU-time limit
//! and, on Unix, runs under an address-space limit. Files too big to commit are written at run
//! time by the generators below (`generated = "…"`).
//!
//! Every case runs `kaohe promote --as-of 2025-12-31 --roster FILE --json`, and checks the exit
//! status, the error code and a message substring (status 1/2) or the people read, issue codes,
//! issue places and a message substring (status 0), and optionally part of the JSON.

use kaohe_tests::{json_contains, root};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DEFAULT_TIME_LIMIT: f64 = 20.0;
const DEFAULT_MEMORY_MB: u64 = 2048;

/// The `kaohe` binary next to this test executable (`target/debug/deps/it-…` → `target/debug/kaohe`).
pub(crate) fn kaohe_binary() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let dir = exe.parent().and_then(Path::parent).ok_or("no target directory above the test executable")?;
    let bin = dir.join(format!("kaohe{}", std::env::consts::EXE_SUFFIX));
    if !bin.exists() {
        return Err(format!(
            "{} is missing: run `cargo build -p kaohe-cli` first (`cargo xtask test` builds it)",
            bin.display()
        ));
    }
    // A binary older than one of its sources would test yesterday's engine: cargo's dep-info
    // lists the sources it was built from.
    let built = std::fs::metadata(&bin).and_then(|m| m.modified()).map_err(|e| e.to_string())?;
    if let Ok(deps) = std::fs::read_to_string(dir.join("kaohe.d")) {
        let sources = deps.split_once(": ").map(|(_, s)| s).unwrap_or_default();
        for source in sources.split_whitespace().map(|s| s.replace("\\ ", " ")) {
            let newer = std::fs::metadata(&source).and_then(|m| m.modified()).is_ok_and(|t| t > built);
            if newer {
                return Err(format!("{} is older than {source}: run `cargo build -p kaohe-cli` first", bin.display()));
            }
        }
    }
    Ok(bin)
}

/// One entry of expected.toml.
struct Case {
    label: String,
    file: Option<String>,
    generated: Option<String>,
    status: i64,
    error_code: Option<String>,
    message: Option<String>,
    issue_codes: Vec<String>,
    issue_at: Vec<String>,
    /// "ROW COLUMN" cells that must have no issue.
    no_issue_at: Vec<String>,
    people: Option<usize>,
    json: Option<Value>,
    time_limit: f64,
    memory_mb: u64,
}

fn parse_case(t: &toml::Table) -> Result<Case, String> {
    let s = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let list = |k: &str| -> Vec<String> {
        t.get(k)
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    };
    let file = s("name");
    let generated = s("generated");
    let label = file
        .clone()
        .or_else(|| generated.as_ref().map(|g| format!("generated:{g}")))
        .ok_or("an entry has neither name nor generated")?;
    if s("made").is_none() {
        return Err(format!("{label}: no `made`"));
    }
    let status = t.get("status").and_then(|v| v.as_integer()).ok_or(format!("{label}: no status"))?;
    let json = match s("json") {
        Some(text) => Some(serde_json::from_str(&text).map_err(|e| format!("{label}: json: {e}"))?),
        None => None,
    };
    let case = Case {
        label: label.clone(),
        file,
        generated,
        status,
        error_code: s("error_code"),
        message: s("message"),
        issue_codes: list("issue_codes"),
        issue_at: list("issue_at"),
        no_issue_at: list("no_issue_at"),
        people: t.get("people").and_then(|v| v.as_integer()).map(|n| n as usize),
        json,
        time_limit: t
            .get("time_limit")
            .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
            .unwrap_or(DEFAULT_TIME_LIMIT),
        memory_mb: t.get("memory_mb").and_then(|v| v.as_integer()).map(|n| n as u64).unwrap_or(DEFAULT_MEMORY_MB),
    };
    if case.status != 0 && case.error_code.is_none() {
        return Err(format!("{label}: status {} needs an error_code", case.status));
    }
    if case.status == 0 && case.people.is_none() {
        return Err(format!("{label}: status 0 needs people"));
    }
    Ok(case)
}

/// What a run of the binary gave.
struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
    seconds: f64,
}

/// A hang that uses no CPU (waiting forever) is caught by the clock at this many times the case's
/// limit; a busy machine never comes near it.
const WALL_CLOCK_FACTOR: f64 = 10.0;

/// The threads whose CPU time counts against a case's limit.
const CPU_THREADS: f64 = 2.0;

/// Runs `kaohe` with `args`. The case's `limit` bounds the program's own work — on Unix its CPU
/// time (`ulimit -t`, which a machine busy with other builds does not eat into) — and a wall
/// clock of `WALL_CLOCK_FACTOR` times it catches a hang that waits without working. Output goes
/// to files, not pipes, so a large output cannot block the child while we poll.
fn run_kaohe(bin: &Path, args: &[String], limit: f64, memory_mb: u64, scratch: &Path) -> Result<Run, String> {
    let out_path = scratch.join("stdout");
    let err_path = scratch.join("stderr");
    let stdout = std::fs::File::create(&out_path).map_err(|e| e.to_string())?;
    let stderr = std::fs::File::create(&err_path).map_err(|e| e.to_string())?;
    let mut command = if cfg!(unix) {
        // An address-space limit, so a runaway allocation fails in the child instead of
        // pushing the machine into swap or the OOM killer.
        let mut c = Command::new("/bin/sh");
        // The reader works on two threads (the hidden-row pass beside the parse): the CPU time of
        // `limit` seconds on each.
        let cpu_seconds = (limit * CPU_THREADS).ceil().max(1.0) as u64;
        c.arg("-c")
            .arg(format!("ulimit -v {} && ulimit -t {cpu_seconds} && exec \"$0\" \"$@\"", memory_mb * 1024))
            .arg(bin)
            .args(args);
        c
    } else {
        let mut c = Command::new(bin);
        c.args(args);
        c
    };
    let start = Instant::now();
    command.stdin(Stdio::null()).stdout(stdout).stderr(stderr).env("RUST_BACKTRACE", "0");
    let mut child =
        kaohe_tests::launch(|| command.spawn()).map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        // Elsewhere (Windows, and Windows under Wine) no CPU-time limit is set from here: the
        // same clock catches a hang, and the bound on the program's own work is Unix's check.
        let wall = limit * WALL_CLOCK_FACTOR;
        if start.elapsed().as_secs_f64() > wall {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {wall} s: killed (a hang)"));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let seconds = start.elapsed().as_secs_f64();
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        // SIGXCPU, then SIGKILL at the hard limit: the CPU-time limit was reached (we only kill
        // on the wall clock above, and an allocation past `ulimit -v` aborts instead).
        if matches!(status.signal(), Some(24) | Some(9)) {
            return Err(format!("used more than {limit} s of CPU time: killed (a hang, or far too slow)"));
        }
    }
    let read = |p: &Path| std::fs::read(p).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
    Ok(Run { status: status.code(), stdout: read(&out_path), stderr: read(&err_path), seconds })
}

/// A word of English in a message a clerk sees (the reader library's own words leaking
/// through), if any. What is quoted 「…」 is the clerk's own (file names, values) and is
/// skipped; format names, column letters and units are Chinese usage.
fn english(message: &str) -> Option<String> {
    const USUAL: [&str; 16] = [
        "Excel", "WPS", "xlsx", "xls", "xlsm", "ods", "csv", "CSV", "UTF", "BOM", "GBK", "GB", "PDF", "HTML", "XML",
        "Word",
    ];
    let mut unquoted = String::new();
    let mut depth = 0;
    for c in message.chars() {
        match c {
            '「' => depth += 1,
            '」' => depth -= 1,
            c if depth == 0 => unquoted.push(c),
            _ => {}
        }
    }
    unquoted
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        // Column letters (A, XFD) and cell references' letters are upper case and short.
        .find(|w| !(USUAL.contains(w) || *w == "MB" || w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase())))
        .map(str::to_string)
}

fn tail(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

/// Checks one case; returns its problems (empty when it passed) and the run time.
fn check(bin: &Path, case: &Case, scratch: &Path) -> (Vec<String>, f64) {
    let mut problems = Vec::new();
    let path = match (&case.file, &case.generated) {
        (Some(name), _) => root().join("fixtures/hostile").join(name),
        (None, Some(generator)) => match generate(generator, scratch) {
            Ok(p) => p,
            Err(e) => return (vec![format!("generator {generator}: {e}")], 0.0),
        },
        (None, None) => unreachable!("parse_case requires one"),
    };
    if !path.exists() {
        return (vec![format!("{} does not exist", path.display())], 0.0);
    }
    let args: Vec<String> = ["promote", "--as-of", "2025-12-31", "--roster"]
        .iter()
        .map(|s| s.to_string())
        .chain([path.display().to_string(), "--json".to_string()])
        .collect();
    let run = match run_kaohe(bin, &args, case.time_limit, case.memory_mb, scratch) {
        Ok(r) => r,
        Err(e) => return (vec![e], case.time_limit),
    };
    let Some(status) = run.status else {
        return (
            vec![format!(
                "killed by a signal (crash or out of memory) after {:.1} s; stderr: {}",
                run.seconds,
                tail(&run.stderr, 600)
            )],
            run.seconds,
        );
    };
    // A panic caught inside (a reader's thread) is still a crash that luck turned into a message.
    if run.stderr.contains("panicked at") {
        problems.push(format!("a panic on stderr: {}", tail(&run.stderr, 600)));
    }
    if i64::from(status) != case.status {
        problems.push(format!("exit status {status}, expected {}", case.status));
    }
    let v: Value = match serde_json::from_str(&run.stdout) {
        Ok(v) => v,
        Err(e) => {
            problems.push(format!(
                "stdout is not JSON ({e}): {}; stderr: {}",
                tail(&run.stdout, 300),
                tail(&run.stderr, 600)
            ));
            return (problems, run.seconds);
        }
    };
    if case.status != 0 {
        let code = v["error"]["code"].as_str().unwrap_or_default();
        let message = v["error"]["message"].as_str().unwrap_or_default();
        if Some(code) != case.error_code.as_deref() {
            problems
                .push(format!("error code {code:?}, expected {:?}", case.error_code.as_deref().unwrap_or_default()));
        }
        if let Some(m) = &case.message {
            if !message.contains(m.as_str()) {
                problems.push(format!("error message does not contain {m:?}: {message:?}"));
            }
        }
        if let Some(word) = english(message) {
            problems.push(format!("the clerk's message has the reader's English ({word:?}): {message:?}"));
        }
    } else {
        let issues = v["issues"].as_array().cloned().unwrap_or_default();
        let people = v["people"].as_array().map_or(0, Vec::len);
        if Some(people) != case.people {
            problems.push(format!("{people} people read, expected {}", case.people.unwrap_or_default()));
        }
        for code in &case.issue_codes {
            if !issues.iter().any(|i| i["code"] == code.as_str()) {
                problems.push(format!("no issue with code {code}"));
            }
        }
        for at in &case.issue_at {
            // "ROW COLUMN CODE", as a clerk would look it up.
            let want: Vec<&str> = at.split_whitespace().map(|w| if w == "-" { "" } else { w }).collect();
            let found = issues.iter().any(|i| {
                let row = i["row"].as_u64().map(|r| r.to_string()).unwrap_or_default();
                let column = i["column"].as_str().unwrap_or_default();
                let code = i["code"].as_str().unwrap_or_default();
                want == [row.as_str(), column, code]
            });
            if !found {
                problems.push(format!("no issue at {at}"));
            }
        }
        for at in &case.no_issue_at {
            let want: Vec<&str> = at.split_whitespace().collect();
            let said: Vec<&str> = issues
                .iter()
                .filter(|i| {
                    want == [
                        i["row"].as_u64().map(|r| r.to_string()).unwrap_or_default().as_str(),
                        i["column"].as_str().unwrap_or_default(),
                    ]
                })
                .filter_map(|i| i["code"].as_str())
                .collect();
            if !said.is_empty() {
                problems.push(format!("issues at {at}, where there should be none: {said:?}"));
            }
        }
        for message in issues.iter().filter_map(|i| i["message"].as_str()) {
            if let Some(word) = english(message) {
                problems.push(format!("an issue message has English ({word:?}): {message:?}"));
            }
        }
        if let Some(m) = &case.message {
            if !issues.iter().any(|i| i["message"].as_str().is_some_and(|s| s.contains(m.as_str()))) {
                problems.push(format!("no issue message contains {m:?}"));
            }
        }
        if !problems.is_empty() {
            let shown: Vec<String> = issues
                .iter()
                .take(12)
                .map(|i| format!("  {} {} {} {}", i["row"], i["column"], i["code"], i["message"]))
                .collect();
            problems.push(format!("issues ({}):\n{}", issues.len(), shown.join("\n")));
        }
    }
    if let Some(expected) = &case.json {
        problems.extend(json_contains(expected, &v));
    }
    (problems, run.seconds)
}

#[test]
fn hostile_files_are_refused_or_read_with_a_clerks_message() {
    let bin = kaohe_binary().unwrap_or_else(|e| panic!("{e}"));
    let dir = root().join("fixtures/hostile");
    let text = std::fs::read_to_string(dir.join("expected.toml")).expect("fixtures/hostile/expected.toml");
    let table: toml::Table = toml::from_str(&text).expect("expected.toml is valid TOML");
    let entries = table.get("file").and_then(|f| f.as_array()).expect("[[file]] entries");
    let cases: Vec<Case> = entries
        .iter()
        .map(|e| {
            parse_case(e.as_table().expect("[[file]] is a table")).unwrap_or_else(|e| panic!("expected.toml: {e}"))
        })
        .collect();
    assert!(cases.len() >= 40, "expected at least 40 hostile cases, found {}", cases.len());

    // Every committed file is a case, and every case's file is committed.
    let listed: std::collections::BTreeSet<&str> = cases.iter().filter_map(|c| c.file.as_deref()).collect();
    let present: std::collections::BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("fixtures/hostile")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "expected.toml" && !n.starts_with('.'))
        .collect();
    let unlisted: Vec<&String> = present.iter().filter(|n| !listed.contains(n.as_str())).collect();
    assert!(unlisted.is_empty(), "files in fixtures/hostile without an entry in expected.toml: {unlisted:?}");

    let mut failed = Vec::new();
    let mut timings = Vec::new();
    // KAOHE_HOSTILE=part runs only the cases whose label contains it (while working on one).
    let only = std::env::var("KAOHE_HOSTILE").unwrap_or_default();
    for case in cases.iter().filter(|c| c.label.contains(&only)) {
        let scratch = tempfile::tempdir().expect("tmp");
        let (problems, seconds) = check(&bin, case, scratch.path());
        timings.push((seconds, case.label.clone()));
        if !problems.is_empty() {
            failed.push(format!("── {}\n{}", case.label, problems.join("\n")));
        }
    }
    timings.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slowest: Vec<String> = timings.iter().take(5).map(|(s, l)| format!("{l} {s:.1} s")).collect();
    eprintln!("hostile: {} cases, slowest: {}", cases.len(), slowest.join(", "));
    assert!(failed.is_empty(), "{} of {} hostile cases failed:\n{}", failed.len(), cases.len(), failed.join("\n\n"));
}

// ── Generators: files too large to commit, written at run time ───────────────────────────

fn generate(name: &str, dir: &Path) -> Result<PathBuf, String> {
    let io = |e: std::io::Error| e.to_string();
    match name {
        "zip_bomb" => {
            let p = dir.join("炸弹.xlsx");
            space_bomb(&p, 4_470_000, None).map_err(io)?;
            Ok(p)
        }
        "zip_bomb_lying_sizes" => {
            let p = dir.join("炸弹.xlsx");
            space_bomb(&p, 4_470_000, Some(4096)).map_err(io)?;
            Ok(p)
        }
        "zip_bomb_under_limit" => {
            let p = dir.join("炸弹.xlsx");
            space_bomb(&p, 4_160_000, None).map_err(io)?;
            Ok(p)
        }
        "huge_cell" => {
            let p = dir.join("名册.xlsx");
            huge_cell(&p).map_err(io)?;
            Ok(p)
        }
        "rows_100k" => {
            let p = dir.join("名册.xlsx");
            many_rows(&p, 100_000).map_err(io)?;
            Ok(p)
        }
        "rows_1m" => {
            let p = dir.join("名册.xlsx");
            million_rows(&p, 1_000_000, "人员").map_err(io)?;
            Ok(p)
        }
        "rows_1m_sheet_named_otherwise" => {
            let p = dir.join("名册.xlsx");
            million_rows(&p, 1_000_000, "人员名册").map_err(io)?;
            Ok(p)
        }
        "ods_rows_repeated" => {
            let p = dir.join("名册.ods");
            ods_repeated_rows(&p, 400_000).map_err(io)?;
            Ok(p)
        }
        "csv_rows_over_limit" => {
            // 300,001 people under the header: one row past the limit.
            let p = dir.join("名册.csv");
            let mut text = String::from("身份证号,姓名,单位,职位类别,职级,任现职级时间\n");
            for i in 0..300_001 {
                text.push_str(&format!("{},人员{i},甲局,综合管理类,二级主任科员,2019-06-15\n", nth_id(i)));
            }
            std::fs::write(&p, text).map_err(io)?;
            Ok(p)
        }
        "uncached_formulas" => {
            let p = dir.join("名册.xlsx");
            uncached_formulas(&p).map_err(io)?;
            Ok(p)
        }
        "csv_too_large" => {
            // A sparse file: its size is checked before a byte is read.
            let p = dir.join("名册.csv");
            let f = std::fs::File::create(&p).map_err(io)?;
            f.set_len(513 << 20).map_err(io)?;
            Ok(p)
        }
        "merge_whole_sheet" => {
            let p = dir.join("名册.xlsx");
            merged_roster(&p, false, &["A3:XFD1048576"]).map_err(io)?;
            Ok(p)
        }
        "merges_to_400k_rows" => {
            let p = dir.join("名册.xlsx");
            merged_roster(&p, true, &["C2:C400000", "D2:D400000", "E2:E400000", "F2:F400000"]).map_err(io)?;
            Ok(p)
        }
        "issues_over_cap" => {
            // 12,000 rows each with a wrong check digit and a date that is none (24,000 errors),
            // then the five people.
            let p = dir.join("名册.xlsx");
            let broken = (0..12_000).map(|i| {
                let id = nth_id(i);
                let wrong = if id.ends_with('0') { '1' } else { '0' };
                let r = i + 2;
                person_row(r, &format!("{}{wrong}", &id[..17]), &format!("人员{i}"), "甲局")
                    .replace(r#"s="1"><v>43631</v>"#, r#"t="inlineStr"><is><t>2019-13-45</t></is>"#)
            });
            let people = (0..5).map(|i| person_row(12_002 + i, &nth_id(20_000 + i), &format!("正常{i}"), "乙局"));
            stored_xlsx(&p, &people_sheet(broken.chain(people))).map_err(io)?;
            Ok(p)
        }
        "invisible_and_long_cells" => {
            // A CSV with a zero-width space, a right-to-left override, a byte order mark and a
            // NUL inside names and an organ, and a name of 40,000 characters.
            let p = dir.join("名册.csv");
            let rows = [
                "身份证号,姓名,单位,职位类别,职级,任现职级时间".to_string(),
                "11010519491231002X,王\u{200B}一,甲局,综合管理类,二级主任科员,2019-06-15".to_string(),
                "330102198808060235,李二,甲局\u{202E},综合管理类,二级主任科员,2019-06-15".to_string(),
                "330102199604250242,\u{FEFF}张三,甲局,综合管理类,二级主任科员,2019-06-15".to_string(),
                "44030519850312001X,赵\u{0}四,甲局,综合管理类,二级主任科员,-2019-06-15".to_string(),
                format!("51010719900101123X,{},甲局,综合管理类,二级主任科员,2019-06-15", "钱".repeat(40_000)),
            ];
            std::fs::write(&p, rows.join("\n")).map_err(io)?;
            Ok(p)
        }
        "ods_span_zero" => {
            let p = dir.join("名册.ods");
            ods_span_zero(&p).map_err(io)?;
            Ok(p)
        }
        other => Err(format!("unknown generator {other:?}")),
    }
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="人员" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#;
const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_TAIL: &str = "</sheetData></worksheet>";

/// A zip member: stored bytes, or data already compressed with its CRC and unpacked size.
enum Member<'a> {
    Stored(&'a [u8]),
    Deflated { data: &'a [u8], crc: u32, size: u64 },
}

/// Writes a zip file (ZIP64 for sizes past 4 GiB is not needed here). `declared` overrides the
/// unpacked size written in the headers of the member it is given for.
fn write_zip(path: &Path, members: &[(&str, Member, Option<u32>)]) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut central = Vec::new();
    let mut offset: u32 = 0;
    for (name, member, declared) in members {
        let (method, data, crc, size): (u16, &[u8], u32, u64) = match member {
            Member::Stored(d) => (0, *d, crc32(0, d), d.len() as u64),
            Member::Deflated { data, crc, size } => (8, data, *crc, *size),
        };
        let size = declared.unwrap_or(u32::try_from(size).map_err(|_| std::io::Error::other("member too large"))?);
        let compressed = u32::try_from(data.len()).map_err(|_| std::io::Error::other("member too large"))?;
        let n = name.as_bytes();
        // Local header: signature, version, flags (UTF-8 names), method, time, date, CRC, sizes, name length, extra length.
        let mut local = 0x0403_4b50u32.to_le_bytes().to_vec();
        for v in [20u16, 0x800, method, 0, 0x5A21] {
            local.extend(v.to_le_bytes());
        }
        for v in [crc, compressed, size] {
            local.extend(v.to_le_bytes());
        }
        for v in [n.len() as u16, 0] {
            local.extend(v.to_le_bytes());
        }
        local.extend(n);
        out.write_all(&local)?;
        out.write_all(data)?;
        central.extend(0x0201_4b50u32.to_le_bytes());
        for v in [20u16, 20, 0x800, method, 0, 0x5A21] {
            central.extend(v.to_le_bytes());
        }
        for v in [crc, compressed, size] {
            central.extend(v.to_le_bytes());
        }
        for v in [n.len() as u16, 0, 0, 0, 0] {
            central.extend(v.to_le_bytes());
        }
        central.extend(0u32.to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(n);
        offset += local.len() as u32 + compressed;
    }
    out.write_all(&central)?;
    let count = members.len() as u16;
    let mut end = 0x0605_4b50u32.to_le_bytes().to_vec();
    for v in [0u16, 0, count, count] {
        end.extend(v.to_le_bytes());
    }
    end.extend((central.len() as u32).to_le_bytes());
    end.extend(offset.to_le_bytes());
    end.extend(0u16.to_le_bytes());
    out.write_all(&end)?;
    out.flush()
}

/// CRC-32 (the zip polynomial), continuing from `crc`.
fn crc32(crc: u32, data: &[u8]) -> u32 {
    let table: Vec<u32> =
        (0..256u32).map(|n| (0..8).fold(n, |c, _| if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 })).collect();
    !data.iter().fold(!crc, |c, &b| table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

/// zlib's crc32_combine: the CRC of A‖B from the CRCs of A and B and the length of B.
fn crc32_combine(crc1: u32, crc2: u32, mut len2: u64) -> u32 {
    fn times(mat: &[u32; 32], mut vec: u32) -> u32 {
        let mut sum = 0;
        let mut i = 0;
        while vec != 0 {
            if vec & 1 == 1 {
                sum ^= mat[i];
            }
            vec >>= 1;
            i += 1;
        }
        sum
    }
    fn square(mat: &[u32; 32]) -> [u32; 32] {
        let mut sq = [0u32; 32];
        for (n, s) in sq.iter_mut().enumerate() {
            *s = times(mat, mat[n]);
        }
        sq
    }
    if len2 == 0 {
        return crc1;
    }
    let mut odd = [0u32; 32];
    odd[0] = 0xEDB8_8320;
    let mut row = 1u32;
    for o in odd.iter_mut().skip(1) {
        *o = row;
        row <<= 1;
    }
    let mut even = square(&odd);
    odd = square(&even);
    let mut crc1 = crc1;
    loop {
        even = square(&odd);
        if len2 & 1 == 1 {
            crc1 = times(&even, crc1);
        }
        len2 >>= 1;
        if len2 == 0 {
            break;
        }
        odd = square(&even);
        if len2 & 1 == 1 {
            crc1 = times(&odd, crc1);
        }
        len2 >>= 1;
        if len2 == 0 {
            break;
        }
    }
    crc1 ^ crc2
}

/// Deflate bits, least significant first.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A fixed-Huffman code: written most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let reversed = (0..len).fold(0, |r, i| r | (((code >> i) & 1) << (len - 1 - i)));
        self.put(reversed, len);
    }
    fn literal(&mut self, b: u8) {
        match b {
            0..=143 => self.code(0x30 + u32::from(b), 8),
            _ => self.code(0x190 + u32::from(b) - 144, 9),
        }
    }
}

/// An xlsx whose 人员 sheet is a header, 1 + 258 × `runs` spaces and a footer: one
/// fixed-Huffman deflate block (a literal space, then `runs` copies of "length 258, distance 1",
/// 13 bits each), so ~1.1 GiB unpacks from ~7 MB, written in well under a second. `declared`
/// replaces the true unpacked size in the zip headers (a lying bomb).
fn space_bomb(path: &Path, runs: u64, declared: Option<u32>) -> std::io::Result<()> {
    let spaces = 1 + 258 * runs;
    let mut bits = Bits { out: Vec::with_capacity((runs * 13 / 8 + 1024) as usize), acc: 0, n: 0 };
    bits.put(1, 1); // final block
    bits.put(1, 2); // fixed Huffman codes
    for &b in SHEET_HEAD.as_bytes() {
        bits.literal(b);
    }
    bits.literal(b' ');
    // Length 258 is symbol 285 (8 bits 11000101), distance 1 is distance code 0 (5 bits 00000):
    // together 13 bits, always the same.
    let pair = (0..8).fold(0u32, |r, i| r | (((0b1100_0101 >> i) & 1) << (7 - i)));
    for _ in 0..runs {
        bits.put(pair, 13);
    }
    for &b in SHEET_TAIL.as_bytes() {
        bits.literal(b);
    }
    bits.code(0, 7); // end of block
    if bits.n > 0 {
        bits.put(0, 8 - bits.n);
    }
    // CRC of the unpacked part without unpacking it: the CRC of `spaces` spaces by doubling.
    let mut run_crc = 0u32; // CRC of the spaces so far
    let mut piece = crc32(0, b" "); // CRC of 2^k spaces
    let mut piece_len = 1u64;
    let mut left = spaces;
    let mut done = 0u64;
    while left > 0 {
        if left & 1 == 1 {
            run_crc = if done == 0 { piece } else { crc32_combine(run_crc, piece, piece_len) };
            done += piece_len;
        }
        left >>= 1;
        piece = crc32_combine(piece, piece, piece_len);
        piece_len *= 2;
    }
    let head = crc32(0, SHEET_HEAD.as_bytes());
    let crc =
        crc32_combine(crc32_combine(head, run_crc, spaces), crc32(0, SHEET_TAIL.as_bytes()), SHEET_TAIL.len() as u64);
    let size = SHEET_HEAD.len() as u64 + spaces + SHEET_TAIL.len() as u64;
    write_zip(
        path,
        &[
            ("[Content_Types].xml", Member::Stored(CONTENT_TYPES.as_bytes()), None),
            ("_rels/.rels", Member::Stored(ROOT_RELS.as_bytes()), None),
            ("xl/workbook.xml", Member::Stored(WORKBOOK.as_bytes()), None),
            ("xl/_rels/workbook.xml.rels", Member::Stored(WORKBOOK_RELS.as_bytes()), None),
            ("xl/styles.xml", Member::Stored(STYLES.as_bytes()), None),
            ("xl/worksheets/sheet1.xml", Member::Deflated { data: &bits.out, crc, size }, declared),
        ],
    )
}

fn inline(r: usize, c: char, text: &str) -> String {
    format!(r#"<c r="{c}{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A valid ID: area 110105, a birth date from 1960 on, a sequence number, the check digit.
fn nth_id(i: usize) -> String {
    let born = chrono::NaiveDate::from_ymd_opt(1960, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new((i / 1000) as u64)))
        .unwrap_or_default();
    let first17 = format!("110105{}{:03}", born.format("%Y%m%d"), i % 1000);
    let check = kaohe_engine::id_number::check_digit(&first17).unwrap_or('0');
    format!("{first17}{check}")
}

fn people_sheet(rows: impl Iterator<Item = String>) -> Vec<u8> {
    let mut xml = String::from(SHEET_HEAD);
    xml.push_str(r#"<row r="1">"#);
    for (c, h) in ('A'..).zip(["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"]) {
        xml.push_str(&inline(1, c, h));
    }
    xml.push_str("</row>");
    for row in rows {
        xml.push_str(&row);
    }
    xml.push_str(SHEET_TAIL);
    xml.into_bytes()
}

fn person_row(r: usize, id: &str, name: &str, organ: &str) -> String {
    // 43631 is 2019-06-15, in the date style.
    format!(
        r#"<row r="{r}">{}{}{}{}{}<c r="F{r}" s="1"><v>43631</v></c></row>"#,
        inline(r, 'A', id),
        inline(r, 'B', name),
        inline(r, 'C', organ),
        inline(r, 'D', "综合管理类"),
        inline(r, 'E', "二级主任科员")
    )
}

fn stored_xlsx(path: &Path, sheet: &[u8]) -> std::io::Result<()> {
    write_zip(
        path,
        &[
            ("[Content_Types].xml", Member::Stored(CONTENT_TYPES.as_bytes()), None),
            ("_rels/.rels", Member::Stored(ROOT_RELS.as_bytes()), None),
            ("xl/workbook.xml", Member::Stored(WORKBOOK.as_bytes()), None),
            ("xl/_rels/workbook.xml.rels", Member::Stored(WORKBOOK_RELS.as_bytes()), None),
            ("xl/styles.xml", Member::Stored(STYLES.as_bytes()), None),
            ("xl/worksheets/sheet1.xml", Member::Stored(sheet), None),
        ],
    )
}

/// Two people; the first one's 姓名 is 1 MiB of CJK text that does not repeat (so it does not
/// compress either: the file is stored).
fn huge_cell(path: &Path) -> std::io::Result<()> {
    let mut name = String::new();
    let mut x: u32 = 12345;
    while name.len() < 1 << 20 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        name.push(char::from_u32(0x4E00 + (x >> 16) % 0x5000).unwrap_or('王'));
    }
    let rows =
        [person_row(2, "11010519491231002X", &name, "甲局"), person_row(3, "330102198808060235", "李二", "甲局")];
    stored_xlsx(path, &people_sheet(rows.into_iter()))
}

/// `n` valid people over four organs.
fn many_rows(path: &Path, n: usize) -> std::io::Result<()> {
    let organs = ["甲局", "乙局", "丙局", "丁局"];
    let rows = (0..n).map(|i| person_row(i + 2, &nth_id(i), &format!("人员{i}"), organs[i % 4]));
    stored_xlsx(path, &people_sheet(rows))
}

/// `n` valid people as [`many_rows`] writes them, the sheet deflated as it is written (a
/// million rows unpack to about 370 MB, which is never held in memory).
fn million_rows(path: &Path, n: usize, sheet: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(std::fs::File::create(path)?));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, text) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", &WORKBOOK.replace("name=\"人员\"", &format!("name=\"{sheet}\""))),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/styles.xml", STYLES),
    ] {
        zip.start_file(name, deflated).map_err(std::io::Error::other)?;
        zip.write_all(text.as_bytes())?;
    }
    zip.start_file("xl/worksheets/sheet1.xml", deflated).map_err(std::io::Error::other)?;
    let head = people_sheet(std::iter::empty());
    zip.write_all(&head[..head.len() - SHEET_TAIL.len()])?;
    let organs = ["甲局", "乙局", "丙局", "丁局"];
    for i in 0..n {
        zip.write_all(person_row(i + 2, &nth_id(i), &format!("人员{i}"), organs[i % 4]).as_bytes())?;
    }
    zip.write_all(SHEET_TAIL.as_bytes())?;
    zip.finish().map_err(std::io::Error::other)?;
    Ok(())
}

/// A cell of an .ods table holding text.
fn ods_cell(text: &str) -> String {
    format!(r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#)
}

/// The header row of the small .ods rosters.
fn ods_header() -> String {
    ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"].iter().map(|h| ods_cell(h)).collect()
}

/// An .ods file (every part stored, with its manifest) whose one table, 人员, holds `rows`
/// (`<table:table-row>` elements).
fn stored_ods(path: &Path, rows: &str) -> std::io::Result<()> {
    use std::io::Write;
    let content = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">"#,
            r#"<office:body><office:spreadsheet><table:table table:name="人员">{}</table:table></office:spreadsheet></office:body></office:document-content>"#
        ),
        rows
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path)?);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).map_err(std::io::Error::other)?;
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")?;
    zip.start_file("content.xml", stored).map_err(std::io::Error::other)?;
    zip.write_all(content.as_bytes())?;
    zip.start_file("META-INF/manifest.xml", stored).map_err(std::io::Error::other)?;
    zip.write_all(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">"#,
        r#"<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>"#,
        r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#
    ).as_bytes())?;
    zip.finish().map_err(std::io::Error::other)?;
    Ok(())
}

/// An .ods file whose 人员 table has a header and one person's row repeated `n` times
/// (`table:number-rows-repeated`): a few hundred bytes that a reader would expand to `n` rows.
fn ods_repeated_rows(path: &Path, n: u32) -> std::io::Result<()> {
    let person: String = ["11010519491231002X", "王一", "甲局", "综合管理类", "二级主任科员", "2019-06-15"]
        .iter()
        .map(|v| ods_cell(v))
        .collect();
    stored_ods(
        path,
        &format!(
            r#"<table:table-row>{}</table:table-row><table:table-row table:number-rows-repeated="{n}">{person}</table:table-row>"#,
            ods_header()
        ),
    )
}

/// A roster as a program writes it: formulas with no result saved (no `<v>`). 王一 is whole,
/// with a formula whose saved result is empty text in 部门 (G2); 李二's 单位 (C3) and 张三's 部门
/// (G4) are formulas without results; row 5 is formulas only, none with a result.
fn uncached_formulas(path: &Path) -> std::io::Result<()> {
    let formula = |cell: &str, f: &str| format!(r#"<c r="{cell}" t="str"><f>{f}</f></c>"#);
    let mut xml = String::from(SHEET_HEAD);
    xml.push_str(r#"<row r="1">"#);
    for (c, h) in ('A'..).zip(["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间", "部门"])
    {
        xml.push_str(&inline(1, c, h));
    }
    xml.push_str("</row>");
    let person = |r: usize, id: &str, name: &str, organ: Option<&str>, department: String| {
        let organ =
            organ.map_or_else(|| formula(&format!("C{r}"), "&quot;甲&quot;&amp;&quot;局&quot;"), |o| inline(r, 'C', o));
        format!(
            r#"<row r="{r}">{}{}{organ}{}{}<c r="F{r}" s="1"><v>43631</v></c>{department}</row>"#,
            inline(r, 'A', id),
            inline(r, 'B', name),
            inline(r, 'D', "综合管理类"),
            inline(r, 'E', "二级主任科员"),
        )
    };
    xml.push_str(&person(
        2,
        "11010519491231002X",
        "王一",
        Some("甲局"),
        r#"<c r="G2" t="str"><f>IF(1&gt;2,"办公室","")</f><v></v></c>"#.to_string(),
    ));
    xml.push_str(&person(3, "330102198808060235", "李二", None, String::new()));
    xml.push_str(&person(
        4,
        "330102199604250242",
        "张三",
        Some("甲局"),
        formula("G4", "VLOOKUP(A4,部门表!A:B,2,FALSE)"),
    ));
    xml.push_str(r#"<row r="5">"#);
    for (c, f) in ('A'..).zip([
        "INDEX(来源!A:A,5)", "INDEX(来源!B:B,5)", "INDEX(来源!C:C,5)", "INDEX(来源!D:D,5)", "INDEX(来源!E:E,5)",
        "INDEX(来源!F:F,5)",
    ]) {
        xml.push_str(&formula(&format!("{c}5"), f));
    }
    xml.push_str("</row>");
    xml.push_str(SHEET_TAIL);
    stored_xlsx(path, xml.as_bytes())
}

/// The five people of the small rosters, with `merges` written after the data. With `merged`,
/// only 王一's row has 单位, 职位类别, 职级 and 任现职级时间 (the others' are left to merged
/// regions) and a note in G400000 stretches the used area to 400,000 rows.
fn merged_roster(path: &Path, merged: bool, merges: &[&str]) -> std::io::Result<()> {
    let people = [
        ("11010519491231002X", "王一"),
        ("330102198808060235", "李二"),
        ("330102199604250242", "张三"),
        ("44030519850312001X", "赵四"),
        ("51010719900101123X", "钱五"),
    ];
    let rows = people.iter().enumerate().map(|(i, (id, name))| {
        let r = i + 2;
        if merged && i > 0 {
            format!(r#"<row r="{r}">{}{}</row>"#, inline(r, 'A', id), inline(r, 'B', name))
        } else {
            person_row(r, id, name, "甲局")
        }
    });
    let note = merged.then(|| format!(r#"<row r="400000">{}</row>"#, inline(400_000, 'G', "以下空白")));
    let sheet = String::from_utf8(people_sheet(rows.chain(note))).map_err(std::io::Error::other)?;
    let cells: String = merges.iter().map(|m| format!(r#"<mergeCell ref="{m}"/>"#)).collect();
    let sheet = sheet.replace(
        SHEET_TAIL,
        &format!(r#"</sheetData><mergeCells count="{}">{cells}</mergeCells></worksheet>"#, merges.len()),
    );
    stored_xlsx(path, sheet.as_bytes())
}

/// An .ods whose 人员 table has one person and a cell spanning 0 rows and 0 columns
/// (`table:number-rows-spanned="0"`), which no program writes.
fn ods_span_zero(path: &Path) -> std::io::Result<()> {
    let person: String = ["11010519491231002X", "王一"].iter().map(|v| ods_cell(v)).collect::<String>()
        + r#"<table:table-cell table:number-rows-spanned="0" table:number-columns-spanned="0" office:value-type="string"><text:p>甲局</text:p></table:table-cell>"#
        + &["综合管理类", "二级主任科员", "2019-06-15"].iter().map(|v| ods_cell(v)).collect::<String>();
    stored_ods(
        path,
        &format!("<table:table-row>{}</table:table-row><table:table-row>{person}</table:table-row>", ods_header()),
    )
}

#[test]
fn the_bomb_generator_writes_a_valid_deflate_stream() {
    // Small enough to unpack here: the zip crate checks the CRC and the declared size.
    use std::io::Read;
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("b.xlsx");
    space_bomb(&path, 1000, None).expect("write");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).expect("open")).expect("zip");
    let mut text = String::new();
    zip.by_name("xl/worksheets/sheet1.xml").expect("sheet").read_to_string(&mut text).expect("unpacks with a good CRC");
    assert_eq!(text.len(), SHEET_HEAD.len() + 1 + 258 * 1000 + SHEET_TAIL.len());
    assert!(text.starts_with(SHEET_HEAD) && text.ends_with(SHEET_TAIL));
    assert_eq!(crc32_combine(crc32(0, b"abc"), crc32(0, b"defg"), 4), crc32(0, b"abcdefg"));
    assert_eq!(nth_id(0), "110105196001010009");
}

/// A run that works too long is stopped by its CPU time, whatever else the machine is doing; one
/// that waits forever is stopped by the clock.
#[cfg(unix)]
#[test]
fn a_runaway_and_a_hang_are_both_stopped() {
    let scratch = tempfile::tempdir().expect("scratch");
    let spin = run_kaohe(Path::new("/bin/sh"), &["-c".into(), "while :; do :; done".into()], 0.5, 256, scratch.path());
    let e = spin.err().expect("a busy loop is stopped");
    assert!(e.contains("s of CPU time: killed"), "{e}");
    let wait = run_kaohe(Path::new("/bin/sleep"), &["600".into()], 0.1, 256, scratch.path());
    let e = wait.err().expect("a hang is stopped");
    assert!(e.contains("killed (a hang)"), "{e}");
}

/// Whether two files hold the same: the same bytes, or two zip files (a workbook) with the same
/// members holding the same bytes. The zip writer records the system it ran on in each entry
/// (Unix or Windows), so a workbook generated on Windows differs from the committed one in
/// those bytes only.
fn same_content(a: &[u8], b: &[u8]) -> bool {
    use std::io::Read;
    if a == b {
        return true;
    }
    let members = |bytes: &[u8]| -> Option<Vec<(String, Vec<u8>)>> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
        (0..zip.len())
            .map(|i| {
                let mut entry = zip.by_index(i).ok()?;
                let mut data = Vec::new();
                entry.read_to_end(&mut data).ok()?;
                Some((entry.name().ok()?.to_string(), data))
            })
            .collect()
    };
    matches!((members(a), members(b)), (Some(x), Some(y)) if x == y)
}

/// Every committed hostile file is its generator's output, byte for byte (a workbook: member for
/// member)
/// (`kaohe_tests::hostile_files`), or is named among those without one, with why; no file is
/// committed unaccounted for. `KAOHE_BLESS=1` writes the generated files over the committed ones.
#[test]
fn every_committed_hostile_file_is_its_generators_output() {
    use kaohe_tests::hostile_files::{GENERATORS, WITHOUT_GENERATOR};
    let dir = root().join("fixtures/hostile");
    let bless = std::env::var_os("KAOHE_BLESS").is_some();
    let scratch = tempfile::tempdir().expect("scratch");
    let mut differ = Vec::new();
    for (name, generate) in GENERATORS {
        let made = scratch.path().join(name);
        generate(&made).unwrap_or_else(|e| panic!("{name}: {e}"));
        let bytes = std::fs::read(&made).expect("generated");
        // The same bytes on every run (no clock, no randomness in a generator).
        generate(&made).expect("again");
        assert_eq!(std::fs::read(&made).expect("generated again"), bytes, "{name} is not the same twice");
        if bless {
            std::fs::write(dir.join(name), &bytes).expect("bless");
        } else if !std::fs::read(dir.join(name)).is_ok_and(|committed| same_content(&committed, &bytes)) {
            differ.push(name);
        }
    }
    assert!(
        differ.is_empty(),
        "committed files that are not their generator's output (KAOHE_BLESS=1 writes them): {differ:?}"
    );
    let committed: std::collections::BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("fixtures/hostile")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let known: std::collections::BTreeSet<String> =
        GENERATORS.iter().map(|g| g.0).chain(WITHOUT_GENERATOR.iter().map(|w| w.0)).map(str::to_string).collect();
    assert_eq!(committed, known, "every committed file has a generator or a reason in WITHOUT_GENERATOR");
}
