//! Data-driven cases: `fixtures/cases/<kind>/<case>/case.toml` (a roster as sheets, the as-of date
//! or year, optional profile edits) against a hand-computed `expected.json`, matched partially
//! (see `kaohe_tests::json_contains`). A new case is a new folder.

use kaohe_tests::{json_contains, root, write_sheets};
use serde_json::Value;
use std::path::Path;

/// The command a case runs, without `--roster`, `--json` and `--profile`.
type Command = fn(&toml::Table) -> Result<Vec<String>, String>;

fn promote_args(case: &toml::Table) -> Result<Vec<String>, String> {
    let as_of =
        case.get("as_of").and_then(|d| d.as_datetime()).and_then(|d| d.date).ok_or("case.toml has no as_of date")?;
    Ok(vec!["promote".into(), "--as-of".into(), format!("{:04}-{:02}-{:02}", as_of.year, as_of.month, as_of.day)])
}

fn assess_args(case: &toml::Table) -> Result<Vec<String>, String> {
    let year = case.get("year").and_then(|y| y.as_integer()).ok_or("case.toml has no year")?;
    Ok(vec!["assess".into(), "--year".into(), year.to_string()])
}

/// Runs one case through the CLI with `--roster … --json` and returns the mismatches.
fn check(dir: &Path, command: Command) -> Vec<String> {
    let fail = |m: String| vec![m];
    let text = match std::fs::read_to_string(dir.join("case.toml")) {
        Ok(t) => t,
        Err(e) => return fail(format!("case.toml: {e}")),
    };
    let case: toml::Table = match toml::from_str(&text) {
        Ok(c) => c,
        Err(e) => return fail(format!("case.toml: {e}")),
    };
    let expected: Value = match std::fs::read_to_string(dir.join("expected.json"))
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => return fail(format!("expected.json: {e}")),
    };
    let tmp = match tempfile::tempdir() {
        Ok(t) => t,
        Err(e) => return fail(e.to_string()),
    };
    let roster = tmp.path().join("名册.xlsx");
    match case.get("sheets").and_then(|s| s.as_table()) {
        Some(sheets) => {
            if let Err(e) = write_sheets(sheets, &roster) {
                return fail(format!("sheets: {e}"));
            }
        }
        None => return fail("case.toml has no [sheets]".into()),
    }
    let mut args = match command(&case) {
        Ok(a) => a,
        Err(e) => return fail(e),
    };
    args.extend(["--roster".to_string(), roster.display().to_string(), "--json".into()]);
    if let Some(edits) = case.get("profile_replace").and_then(|r| r.as_array()) {
        let mut profile = kaohe_engine::profile::NATIONAL_TOML.to_string();
        for pair in edits {
            let (Some(from), Some(to)) = (pair.get(0).and_then(|v| v.as_str()), pair.get(1).and_then(|v| v.as_str()))
            else {
                return fail("profile_replace entries are [from, to] pairs".into());
            };
            if !profile.contains(from) {
                return fail(format!("profile_replace: {from:?} is not in the national profile"));
            }
            profile = profile.replacen(from, to, 1);
        }
        let path = tmp.path().join("profile.toml");
        if let Err(e) = std::fs::write(&path, profile) {
            return fail(e.to_string());
        }
        args.extend(["--profile".to_string(), path.display().to_string()]);
    }
    let out = kaohe_cli::run(&args);
    let actual: Value = match serde_json::from_str(&out.stdout) {
        Ok(v) => v,
        Err(e) => return fail(format!("output is not JSON ({e}): {}{}", out.stdout, out.stderr)),
    };
    let mut problems = json_contains(&expected, &actual);
    problems.extend(nested_brackets(&actual));
    let is_error = actual.get("error").is_some();
    if is_error == (out.status == 0) {
        problems.push(format!("exit status {} does not fit the output", out.status));
    }
    if !problems.is_empty() {
        problems.push(format!("actual output: {actual:#}"));
    }
    problems
}

/// Reasons never nest 〔〕 (a citation is one 〔依据：…〕 and its text has no 〔〕 of its own).
fn nested_brackets(actual: &Value) -> Vec<String> {
    let people = actual
        .get("people")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .flat_map(|p| p.get("reasons").and_then(Value::as_array).into_iter().flatten());
    let consequences =
        actual.get("consequences").and_then(Value::as_array).into_iter().flatten().filter_map(|c| c.get("reason"));
    let mut out = Vec::new();
    for reason in people.chain(consequences).filter_map(Value::as_str) {
        let mut depth = 0i32;
        for ch in reason.chars() {
            match ch {
                '〔' => depth += 1,
                '〕' => depth -= 1,
                _ => {}
            }
            if depth > 1 {
                out.push(format!("nested 〔〕 in a reason: {reason}"));
                break;
            }
        }
    }
    out
}

fn run_all(kind: &str, command: Command, at_least: usize) {
    let dir = root().join("fixtures/cases").join(kind);
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("cases folder exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= at_least, "expected at least {at_least} {kind} cases, found {}", cases.len());
    let mut failed = Vec::new();
    for case in &cases {
        let problems = check(case, command);
        if !problems.is_empty() {
            failed.push(format!(
                "── {}\n{}",
                case.file_name().unwrap_or_default().to_string_lossy(),
                problems.join("\n")
            ));
        }
    }
    assert!(failed.is_empty(), "{} of {} cases failed:\n{}", failed.len(), cases.len(), failed.join("\n\n"));
}

#[test]
fn promotion_cases() {
    run_all("promotion", promote_args, 40);
}

#[test]
fn assessment_cases() {
    run_all("assessment", assess_args, 50);
}
