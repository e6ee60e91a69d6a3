//! ARCHITECTURE.md's invariants, where reading the code can check them: the engine touches no
//! file, database or clock, and no rank or post name of the rule profile is written in the code.

use std::path::{Path, PathBuf};

/// The workspace's root (this crate is `tests/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace").to_path_buf()
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The code of a source file as the program runs it: no test module (a `tests.rs` file, or what
/// follows `#[cfg(test)]`), no comment (from `//` to the end of the line); (line number, code).
fn code_of(path: &Path) -> Vec<(usize, String)> {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return Vec::new();
    }
    let text = std::fs::read_to_string(path).expect("source");
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines().enumerate().map(|(i, line)| (i + 1, line.split("//").next().unwrap_or_default().to_string())).collect()
}

/// The places in the code under `dirs` where one of `words` is written: "file:line: word".
fn written(dirs: &[&str], words: &[String]) -> Vec<String> {
    let root = root();
    let mut found = Vec::new();
    for dir in dirs {
        for file in sources(&root.join(dir)) {
            for (line, code) in code_of(&file) {
                for word in words.iter().filter(|w| code.contains(w.as_str())) {
                    let shown = file.strip_prefix(&root).unwrap_or(&file).display().to_string();
                    found.push(format!("{shown}:{line}: {word}"));
                }
            }
        }
    }
    found
}

/// "The engine never touches a file, a database or the clock": nothing in its code opens a file,
/// reads the environment or the time, and its dependencies hold no database or spreadsheet crate.
#[test]
fn the_engine_touches_no_file_database_or_clock() {
    let touching: Vec<String> = [
        "std::fs", "File::", "std::env", "std::net", "Local::now", "Utc::now", "SystemTime", "Instant::now", "today()",
        "rusqlite", "calamine", "rust_xlsxwriter",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(written(&["crates/kaohe-engine/src"], &touching), Vec::<String>::new());
    let manifest: toml::Table =
        toml::from_str(&std::fs::read_to_string(root().join("crates/kaohe-engine/Cargo.toml")).expect("manifest"))
            .expect("toml");
    let dependencies: Vec<&String> = manifest["dependencies"].as_table().expect("dependencies").keys().collect();
    for crate_name in ["rusqlite", "calamine", "rust_xlsxwriter", "kaohe-store", "kaohe-workbook", "kaohe-files"] {
        assert!(!dependencies.iter().any(|d| *d == crate_name), "the engine depends on {crate_name}");
    }
    // The check itself finds what it looks for.
    assert!(!written(&["crates/kaohe-store/src"], &["Local::now".to_string()]).is_empty());
}

/// "Rules are data": no rank name, pool name or leading-post level of the national profile is
/// written in the code of any crate or of the shell (tests and comments may name them).
#[test]
fn no_rank_or_post_name_of_the_profile_is_written_in_the_code() {
    let profile = kaohe_engine::Profile::national();
    let mut names: Vec<String> = profile.ladders.iter().flat_map(|l| l.ranks.iter().map(|r| r.name.clone())).collect();
    names.extend(profile.leading_posts.iter().map(|p| p.name.clone()));
    names.extend(profile.pools.iter().map(|p| p.name.clone()));
    names.sort();
    names.dedup();
    assert!(names.len() > 30 && names.iter().any(|n| n == "四级主任科员") && names.iter().any(|n| n == "乡科级副职"));
    let dirs = [
        "crates/kaohe-engine/src", "crates/kaohe-workbook/src", "crates/kaohe-store/src", "crates/kaohe-desk/src",
        "crates/kaohe-print/src", "crates/kaohe-cli/src", "src-tauri/src",
    ];
    assert_eq!(written(&dirs, &names), Vec::<String>::new());
}
