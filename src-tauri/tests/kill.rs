//! `kill -9` of the app's own 导入 (`AppState::import_apply`, what the 导入 button runs) at random
//! moments: the database is left whole (`PRAGMA integrity_check` is ok) holding all of the import
//! or none of it. The import runs in a child process (this test binary again, as `kill_child`)
//! that is killed (SIGKILL, which nothing can catch) after a random delay drawn from a fixed
//! seed, so a failure can be replayed. `KAOHE_KILLS=N` sets how many kills (default 25) and
//! `KAOHE_KILL_PEOPLE=N` the people of the killed import (default 3,000); the figures are printed.

#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant};

use kaohe_app::state::AppState;
use kaohe_desk::import::{ImportRequest, Monitor};
use kaohe_engine::id_number::check_digit;

const CHILD: &str = "KAOHE_APP_KILL_CHILD";

/// A CSV roster of `n` people from the `first`th on, in 20 organs, each with a 2024 result.
fn roster(path: &Path, first: usize, n: usize) {
    let mut text = String::from("身份证号,姓名,单位,职位类别,职级,任现职级时间,2024年度考核\n");
    for i in first..first + n {
        let stem = format!("3301021980{:02}{:02}{:03}", 1 + i / 28_000 % 12, 1 + i / 1_000 % 28, i % 1_000);
        text.push_str(&format!(
            "{stem}{},干部{i},机关{:02},综合管理类,一级科员,2020-01-01,称职\n",
            check_digit(&stem).expect("digits"),
            i % 20
        ));
    }
    std::fs::write(path, text).expect("roster");
}

/// What the app does when the clerk clicks 导入 on `roster` (every column as the reader maps it).
fn apply(db: &Path, roster: &Path) {
    let state = AppState::open("考核 Kaohe", "0.1.0", db.to_path_buf(), None);
    let request = ImportRequest {
        path: roster.display().to_string(),
        sheet: None,
        header_row: None,
        mapping: None,
        year: None,
        confirm_renames: Vec::new(),
    };
    let applied =
        state.import_apply(&request, &Monitor::new(Arc::new(AtomicBool::new(false)), |_| {})).expect("import");
    assert!(applied.applied.expect("written").people > 0);
}

/// The child: `apply` with the database and roster its parent names.
#[test]
fn kill_child() {
    let Ok(paths) = std::env::var(CHILD) else { return };
    let (db, roster) = paths.split_once('\n').expect("db and roster");
    apply(Path::new(db), Path::new(roster));
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open (rolls a hot journal back)");
    conn.query_row(sql, [], |r| r.get(0)).expect(sql)
}

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn an_import_the_app_applies_killed_at_any_moment_leaves_all_of_it_or_none() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (first, second) = (tmp.path().join("名册一.csv"), tmp.path().join("名册二.csv"));
    let n = setting("KAOHE_KILL_PEOPLE", 3_000);
    roster(&first, 0, 500);
    roster(&second, 500, n);
    let base = tmp.path().join("base.db");
    apply(&base, &first);
    let child = |db: &Path| {
        let mut c = Command::new(std::env::current_exe().expect("this test binary"));
        c.args(["--exact", "kill_child", "--test-threads=1"])
            .env(CHILD, format!("{}\n{}", db.display(), second.display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        c
    };
    // How long the second import takes whole, in a child as the kills will find it.
    let db = tmp.path().join("k.db");
    std::fs::copy(&base, &db).expect("copy");
    let started = Instant::now();
    assert!(child(&db).status().expect("child").success());
    let whole = started.elapsed();
    assert_eq!(count(&db, "SELECT count(*) FROM people"), 500 + n as i64);

    let seed = 20_261_203u64;
    let mut state = seed;
    let (mut none, mut all, mut finished) = (0, 0, 0);
    let kills = setting("KAOHE_KILLS", 25);
    for k in 0..kills {
        std::fs::copy(&base, &db).expect("copy");
        for suffix in ["-journal", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let delay = Duration::from_micros((state >> 33) % (whole.as_micros() as u64 * 12 / 10).max(1));
        let mut process = child(&db).spawn().expect("spawn");
        let started = Instant::now();
        while started.elapsed() < delay && process.try_wait().expect("wait").is_none() {
            std::thread::sleep(Duration::from_micros(200));
        }
        if process.try_wait().expect("wait").is_some() {
            finished += 1;
        }
        let _ = process.kill();
        let _ = process.wait();
        let check: String = rusqlite::Connection::open(&db)
            .expect("open")
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(check, "ok", "kill {k} after {delay:?} (seed {seed})");
        let counts = (
            count(&db, "SELECT count(*) FROM people"),
            count(&db, "SELECT count(*) FROM imports"),
            count(&db, "SELECT count(*) FROM annual_results"),
        );
        let whole_import = 500 + n as i64;
        match counts {
            (500, 1, 500) => none += 1,
            (p, 2, r) if p == whole_import && r == whole_import => all += 1,
            other => panic!(
                "kill {k} after {delay:?} (seed {seed}): people, imports, results = {other:?}: part of an import"
            ),
        }
    }
    eprintln!("kill -9 of the app's 导入 ({n} people into 500, whole run {whole:?}): {kills} kills, {none} left none of it, {all} all of it ({finished} had finished)");
    assert!(none > 0, "no kill fell inside the import: the delays are wrong");
}
