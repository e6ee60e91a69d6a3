//! `kill -9` at random moments: an import killed while it writes leaves the database whole
//! (`PRAGMA integrity_check` is ok) and holding all of the import or none of it; an export
//! killed while it writes leaves the old workbook or the new one, never a part of one; a backup
//! or a restore killed leaves a whole database (the library calls the app makes, run in a child
//! process: this test binary again, as `kill_child`); setting a password killed leaves the
//! database plain or encrypted, whole either way. The real `kaohe` binary is killed (SIGKILL,
//! which nothing can catch) after a random delay drawn from
//! a fixed seed, so a failure can be replayed. `KAOHE_KILLS=N` sets how many kills of each
//! (default 25) and `KAOHE_KILL_PEOPLE=N` the people imported (default 3,000); the figures are
//! printed.

#![cfg(unix)]

use crate::hostile::kaohe_binary;
use kaohe_engine::id_number::check_digit;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A CSV roster of `n` people from the `first`th on, in 20 organs.
fn roster(path: &Path, first: usize, n: usize) {
    let mut text = String::from("身份证号,姓名,单位,职位类别,职级,任现职级时间,2024年度考核\n");
    for i in first..first + n {
        let born = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new((i / 1000) as u64)))
            .expect("date");
        let first17 = format!("110105{}{:03}", born.format("%Y%m%d"), i % 1000);
        let id = format!("{first17}{}", check_digit(&first17).expect("digits"));
        text.push_str(&format!("{id},人员{i},单位{:02},综合管理类,一级科员,2020-01-01,称职\n", i % 20));
    }
    std::fs::write(path, text).expect("roster");
}

/// A small deterministic generator (the seed is printed with any failure).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

fn kills() -> usize {
    std::env::var("KAOHE_KILLS").ok().and_then(|v| v.parse().ok()).unwrap_or(25)
}

fn people() -> usize {
    std::env::var("KAOHE_KILL_PEOPLE").ok().and_then(|v| v.parse().ok()).unwrap_or(3_000)
}

/// Runs `kaohe ARGS` and kills it after `delay` (unless it ended first); whether it ended first.
fn run_and_kill(bin: &Path, args: &[&str], delay: Duration) -> bool {
    spawn_and_kill(Command::new(bin).args(args), delay)
}

/// Starts `command` (its output discarded) and kills it after `delay` (unless it ended first);
/// whether it ended first.
fn spawn_and_kill(command: &mut Command, delay: Duration) -> bool {
    let mut child = command.stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("spawn");
    let started = Instant::now();
    while started.elapsed() < delay {
        if child.try_wait().expect("wait").is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let finished = child.try_wait().expect("wait").is_some();
    let _ = child.kill();
    let _ = child.wait();
    finished
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open (rolls a hot journal back)");
    conn.query_row(sql, [], |r| r.get(0)).expect(sql)
}

#[test]
fn an_import_killed_at_any_moment_leaves_all_of_it_or_none() {
    let bin = kaohe_binary().unwrap_or_else(|e| panic!("{e}"));
    let tmp = tempfile::tempdir().expect("tmp");
    let (first, second) = (tmp.path().join("名册一.csv"), tmp.path().join("名册二.csv"));
    roster(&first, 0, 500);
    let n = people();
    roster(&second, 500, n);
    let base = tmp.path().join("base.db");
    let out = Command::new(&bin)
        .args(["import", &first.display().to_string(), "--db", &base.display().to_string()])
        .output()
        .expect("import");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // How long the second import takes whole: the kills fall anywhere in it and a little after.
    let db = tmp.path().join("k.db");
    std::fs::copy(&base, &db).expect("copy");
    let started = Instant::now();
    let out = Command::new(&bin)
        .args(["import", &second.display().to_string(), "--db", &db.display().to_string()])
        .output()
        .expect("import");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let whole = started.elapsed();
    assert_eq!(count(&db, "SELECT count(*) FROM people"), 500 + n as i64);

    let seed = 20_261_203;
    let mut rng = Lcg(seed);
    let (mut none, mut all, mut finished) = (0, 0, 0);
    for k in 0..kills() {
        std::fs::copy(&base, &db).expect("copy");
        for suffix in ["-journal", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let delay = Duration::from_micros(rng.below(whole.as_micros() as u64 * 12 / 10));
        if run_and_kill(&bin, &["import", &second.display().to_string(), "--db", &db.display().to_string()], delay) {
            finished += 1;
        }
        let check: String = rusqlite::Connection::open(&db)
            .expect("open")
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(check, "ok", "kill {k} after {delay:?} (seed {seed})");
        let (people, imports, results) = (
            count(&db, "SELECT count(*) FROM people"),
            count(&db, "SELECT count(*) FROM imports"),
            count(&db, "SELECT count(*) FROM annual_results"),
        );
        let whole_import = 500 + n as i64;
        match (people, imports, results) {
            (500, 1, 500) => none += 1,
            (p, 2, r) if p == whole_import && r == whole_import => all += 1,
            other => panic!(
                "kill {k} after {delay:?} (seed {seed}): people, imports, results = {other:?}: part of an import"
            ),
        }
    }
    eprintln!(
        "kill -9 of `kaohe import` ({n} people into 500, whole run {whole:?}): {} kills, {none} left none of it, {all} all of it ({finished} had finished)",
        kills()
    );
    assert!(none > 0, "no kill fell inside the import: the delays are wrong");
}

#[test]
fn an_export_killed_at_any_moment_leaves_the_old_workbook_or_the_new_one() {
    let bin = kaohe_binary().unwrap_or_else(|e| panic!("{e}"));
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("名册.csv");
    let n = people();
    roster(&file, 0, n);
    let db = tmp.path().join("k.db");
    let out = Command::new(&bin)
        .args(["import", &file.display().to_string(), "--db", &db.display().to_string()])
        .output()
        .expect("import");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let book = tmp.path().join("晋升结果.xlsx");
    let export = |as_of: &str| {
        ["promote", "--as-of", as_of, "--db", &db.display().to_string(), "--out", &book.display().to_string()]
            .map(String::from)
    };
    let started = Instant::now();
    let out = Command::new(&bin).args(export("2024-12-31")).output().expect("export");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let whole = started.elapsed();
    let old = std::fs::read(&book).expect("the first export");
    let new = {
        let out = Command::new(&bin).args(export("2025-12-31")).output().expect("export");
        assert!(out.status.success());
        std::fs::read(&book).expect("the second export")
    };
    let seed = 31_122_025;
    let mut rng = Lcg(seed);
    let (mut kept, mut replaced) = (0, 0);
    for k in 0..kills() {
        std::fs::write(&book, &old).expect("the old workbook back");
        let delay = Duration::from_micros(rng.below(whole.as_micros() as u64 * 12 / 10));
        run_and_kill(&bin, &export("2025-12-31").each_ref().map(String::as_str), delay);
        let now = std::fs::read(&book).expect("a workbook is there");
        // The workbook records when it was made, so "new" is a whole workbook that opens.
        if now == old {
            kept += 1;
        } else {
            let opened = calamine::open_workbook_auto(&book);
            assert!(
                opened.is_ok() && now.len() > new.len() / 2,
                "kill {k} after {delay:?} (seed {seed}): a part of a workbook ({} bytes)",
                now.len()
            );
            replaced += 1;
        }
    }
    eprintln!("kill -9 of `kaohe promote --out` ({n} people, whole run {whole:?}): {} kills, {kept} left the old workbook, {replaced} the new one", kills());
}

/// What a child process does when the kill tests run this test binary again as one
/// (`KAOHE_KILL_CHILD=backup|restore`); in a normal test run it does nothing.
#[test]
fn kill_child() {
    let Ok(what) = std::env::var("KAOHE_KILL_CHILD") else { return };
    let arg = |name: &str| std::path::PathBuf::from(std::env::var(name).expect(name));
    match what.as_str() {
        "backup" => {
            let store = kaohe_store::Store::open(&arg("KAOHE_KILL_DB")).expect("open");
            store.backup_to(&arg("KAOHE_KILL_BACKUP")).expect("backup");
        }
        "restore" => {
            let db = arg("KAOHE_KILL_DB");
            let current = kaohe_store::Store::open(&db);
            if kaohe_store::settings::restore(current, &db, &arg("KAOHE_KILL_BACKUP"), None, &arg("KAOHE_KILL_SAFETY"))
                .is_err()
            {
                panic!("the restore failed");
            }
        }
        other => panic!("unknown child {other}"),
    }
}

/// Runs this test binary's `kill_child` as `what` with `env`, killed after `delay`.
fn run_child_and_kill(what: &str, env: &[(&str, &Path)], delay: Duration) -> bool {
    let mut command = Command::new(std::env::current_exe().expect("this test binary"));
    command.args(["--exact", "kill::kill_child", "--test-threads=1"]).env("KAOHE_KILL_CHILD", what);
    for (k, v) in env {
        command.env(k, v);
    }
    spawn_and_kill(&mut command, delay)
}

fn integrity(db: &Path) -> String {
    rusqlite::Connection::open(db).expect("open").query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check")
}

/// A backup killed while it is made leaves no backup or a whole one; a restore killed at any
/// moment leaves the database as it was or as the backup has it, whole either way.
#[test]
fn a_backup_or_restore_killed_at_any_moment_leaves_a_whole_database() {
    let bin = kaohe_binary().unwrap_or_else(|e| panic!("{e}"));
    let tmp = tempfile::tempdir().expect("tmp");
    let (small, large) = (tmp.path().join("小.csv"), tmp.path().join("大.csv"));
    roster(&small, 0, 200);
    roster(&large, 200, people());
    let import = |file: &Path, db: &Path| {
        let out = Command::new(&bin)
            .args(["import", &file.display().to_string(), "--db", &db.display().to_string()])
            .output()
            .expect("import");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    // The database in use holds 200 people; the backup holds 200 + n.
    let live = tmp.path().join("live.db");
    import(&small, &live);
    let source = tmp.path().join("source.db");
    import(&small, &source);
    import(&large, &source);
    let whole_backup = 200 + people() as i64;
    let backup = tmp.path().join("备份.db");
    let started = Instant::now();
    assert!(run_child_and_kill(
        "backup",
        &[("KAOHE_KILL_DB", &source), ("KAOHE_KILL_BACKUP", &backup)],
        Duration::from_secs(600)
    ));
    let backup_time = started.elapsed();
    assert_eq!(count(&backup, "SELECT count(*) FROM people"), whole_backup);

    let seed = 3_122_026;
    let mut rng = Lcg(seed);
    let (mut none, mut whole) = (0, 0);
    let made = tmp.path().join("新备份.db");
    for k in 0..kills() {
        let _ = std::fs::remove_file(&made);
        let delay = Duration::from_micros(rng.below(backup_time.as_micros() as u64 * 12 / 10));
        run_child_and_kill("backup", &[("KAOHE_KILL_DB", &source), ("KAOHE_KILL_BACKUP", &made)], delay);
        if made.exists() {
            assert_eq!(integrity(&made), "ok", "backup kill {k} after {delay:?} (seed {seed})");
            assert_eq!(
                count(&made, "SELECT count(*) FROM people"),
                whole_backup,
                "backup kill {k} after {delay:?} (seed {seed})"
            );
            whole += 1;
        } else {
            none += 1;
        }
    }
    eprintln!("kill -9 of a backup ({whole_backup} people, whole run {backup_time:?}): {} kills, {none} left no backup, {whole} a whole one", kills());

    let live_copy = tmp.path().join("live-copy.db");
    std::fs::copy(&live, &live_copy).expect("copy");
    let safety = tmp.path().join("恢复前备份.db");
    let started = Instant::now();
    assert!(run_child_and_kill(
        "restore",
        &[("KAOHE_KILL_DB", &live), ("KAOHE_KILL_BACKUP", &backup), ("KAOHE_KILL_SAFETY", &safety)],
        Duration::from_secs(600)
    ));
    let restore_time = started.elapsed();
    assert_eq!(count(&live, "SELECT count(*) FROM people"), whole_backup);
    let (mut old, mut restored) = (0, 0);
    for k in 0..kills() {
        std::fs::copy(&live_copy, &live).expect("the live database back");
        for suffix in ["-journal", ".restoring"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", live.display()));
        }
        let _ = std::fs::remove_file(&safety);
        let delay = Duration::from_micros(rng.below(restore_time.as_micros() as u64 * 12 / 10));
        run_child_and_kill(
            "restore",
            &[("KAOHE_KILL_DB", &live), ("KAOHE_KILL_BACKUP", &backup), ("KAOHE_KILL_SAFETY", &safety)],
            delay,
        );
        assert_eq!(integrity(&live), "ok", "restore kill {k} after {delay:?} (seed {seed})");
        match count(&live, "SELECT count(*) FROM people") {
            200 => old += 1,
            n if n == whole_backup => restored += 1,
            n => panic!(
                "restore kill {k} after {delay:?} (seed {seed}): {n} people, neither the old database nor the backup"
            ),
        }
    }
    eprintln!(
        "kill -9 of a restore ({whole_backup} people over 200, whole run {restore_time:?}): {} kills, {old} left the old database, {restored} the restored one",
        kills()
    );
}

/// Setting a password killed at any moment leaves the database plain as it was or encrypted
/// with the new password, whole and holding everyone either way.
#[test]
fn setting_a_password_killed_at_any_moment_leaves_the_database_under_the_old_password_or_the_new_one() {
    use kaohe_store::{Encryption, Password, Store};
    let bin = kaohe_binary().unwrap_or_else(|e| panic!("{e}"));
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("名册.csv");
    let n = people();
    roster(&file, 0, n);
    let plain = tmp.path().join("plain.db");
    let out = Command::new(&bin)
        .args(["import", &file.display().to_string(), "--db", &plain.display().to_string()])
        .output()
        .expect("import");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let db = tmp.path().join("k.db");
    let set = |db: &Path| {
        let mut command = Command::new(&bin);
        command
            .args(["password", "--db", &db.display().to_string()])
            .env_remove("KAOHE_DB_PASSWORD")
            .env("KAOHE_DB_NEW_PASSWORD", "新设的数据库密码");
        command
    };
    std::fs::copy(&plain, &db).expect("copy");
    let started = Instant::now();
    assert!(spawn_and_kill(&mut set(&db), Duration::from_secs(600)));
    let whole = started.elapsed();
    assert_eq!(Encryption::of(&db), Encryption::Encrypted);

    let new = Password::new("新设的数据库密码").expect("password");
    let people_in = |store: Store| store.counts().expect("counts").people as usize;
    let seed = 4_122_026;
    let mut rng = Lcg(seed);
    let (mut old, mut encrypted) = (0, 0);
    for k in 0..kills() {
        std::fs::copy(&plain, &db).expect("the plain database back");
        let delay = Duration::from_micros(rng.below(whole.as_micros() as u64 * 12 / 10));
        spawn_and_kill(&mut set(&db), delay);
        let at = format!("kill {k} after {delay:?} (seed {seed})");
        match Encryption::of(&db) {
            Encryption::Plain => {
                assert_eq!(integrity(&db), "ok", "{at}");
                assert_eq!(people_in(Store::open_read_only(&db).expect("plain")), n, "{at}");
                old += 1;
            }
            Encryption::Encrypted => {
                let conn = rusqlite::Connection::open(&db).expect("open");
                conn.pragma_update(None, "key", "新设的数据库密码").expect("key");
                let check: String =
                    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap_or_else(|e| panic!("{at}: {e}"));
                assert_eq!(check, "ok", "{at}");
                assert_eq!(
                    people_in(Store::open_read_only_with(&db, Some(&new)).unwrap_or_else(|e| panic!("{at}: {e}"))),
                    n,
                    "{at}"
                );
                encrypted += 1;
            }
            other => panic!("{at}: the database is {other:?}"),
        }
    }
    eprintln!("kill -9 of `kaohe password` ({n} people, whole run {whole:?}): {} kills, {old} left the plain database, {encrypted} the encrypted one", kills());
    assert!(old > 0, "no kill fell before the rename: the delays are wrong");
}
