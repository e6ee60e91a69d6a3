//! The Windows build of the command line, run under Wine beside this (Linux) build: the same
//! journeys, the same answers. `cargo xtask windows --test` cross-builds `kaohe.exe`, makes a Wine
//! prefix and runs these tests with `KAOHE_WINDOWS_EXE`, `KAOHE_WINE` and `WINEPREFIX` set;
//! without them (a plain `cargo test`) each test says so and passes without running. On Windows
//! itself (the GitHub workflow) `KAOHE_WINDOWS_EXE` alone runs the same journeys there, in a
//! temporary folder with `KAOHE_DB` set (the console test is Wine's only).
//!
//! The Windows side works as a clerk's machine would: its files sit in a folder whose path has
//! Chinese characters and spaces (`C:\考核 工作\2025 年度\`), its database is the default one under
//! %APPDATA%, and every path it is given is a Windows path. The Linux side runs the same commands
//! through `kaohe_cli::run` on copies of the same files. Outputs are compared byte for byte once
//! the two sides' paths are put in the same words; workbooks part by part (all but the creation
//! time in docProps/core.xml) and cell by cell; printed documents byte for byte.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook_auto, Data, Reader};
use kaohe_tests::root;

/// The folder of the journeys on the Windows side, below its `C:\` (each test works in a folder
/// of its own below it).
const WIN_DIR: &str = r"考核 工作\2025 年度";
/// The same folder as this test names it.
const WIN_DIR_IN_PREFIX: &str = "考核 工作/2025 年度";
/// What both sides' folder becomes in a compared output.
const DIR_WORD: &str = "〈文件夹〉";
/// What both sides' database path becomes in a compared output.
const DB_WORD: &str = "〈数据库〉";

struct Wine {
    /// Wine and its prefix; `None` on Windows itself, where the program runs directly.
    wine: Option<(PathBuf, PathBuf)>,
    exe: PathBuf,
    /// The journeys' `C:\` as this test sees it: the prefix's drive_c under Wine; on Windows a
    /// temporary folder (the clerk's own database and folders are never touched).
    c_drive: PathBuf,
    /// The same, as the Windows program names it.
    c_name: String,
    _temp: Option<tempfile::TempDir>,
}

/// The Windows program and where it runs: under Wine, as set up by `cargo xtask windows --test`
/// (`KAOHE_WINDOWS_EXE`, `KAOHE_WINE`, `WINEPREFIX`), or on Windows itself (`KAOHE_WINDOWS_EXE`
/// only, as the GitHub workflow runs it); otherwise `None` (the test passes without running,
/// saying why).
fn wine(test: &str) -> Option<Wine> {
    let exe = std::env::var_os("KAOHE_WINDOWS_EXE").map(PathBuf::from);
    let wine = std::env::var_os("KAOHE_WINE").map(PathBuf::from);
    let prefix = std::env::var_os("WINEPREFIX").map(PathBuf::from);
    match (exe, wine, prefix) {
        (Some(exe), Some(wine), Some(prefix)) => Some(Wine {
            c_drive: prefix.join("drive_c"),
            c_name: "C:".into(),
            wine: Some((wine, prefix)),
            exe,
            _temp: None,
        }),
        (Some(exe), None, _) if cfg!(windows) => {
            let temp = tempfile::tempdir().expect("temporary C:");
            Some(Wine {
                c_drive: temp.path().to_path_buf(),
                c_name: temp.path().display().to_string(),
                wine: None,
                exe,
                _temp: Some(temp),
            })
        }
        _ => {
            eprintln!("{test}: 未运行（仅在 cargo xtask windows --test 中运行）/ not run: only under `cargo xtask windows --test`");
            None
        }
    }
}

/// What one run printed.
struct Run {
    status: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    fn out(&self) -> String {
        String::from_utf8(self.stdout.clone()).unwrap_or_else(|e| panic!("stdout is not UTF-8: {e}"))
    }
    fn err(&self) -> String {
        String::from_utf8(self.stderr.clone()).unwrap_or_else(|e| panic!("stderr is not UTF-8: {e}"))
    }
}

impl Wine {
    /// Runs `kaohe.exe ARGS` from `C:\`: under Wine with no KAOHE_DB (the default database under
    /// %APPDATA%), on Windows itself with KAOHE_DB in the temporary folder.
    fn kaohe(&self, args: &[&str]) -> Run {
        self.kaohe_with(args, &[])
    }

    /// Like [`Wine::kaohe`], with environment variables set for the program.
    fn kaohe_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = match &self.wine {
            Some((wine, prefix)) => {
                let mut c = Command::new(wine);
                c.arg(&self.exe).env("WINEPREFIX", prefix).env("WINEDEBUG", "-all").env_remove("KAOHE_DB");
                c
            }
            None => {
                let mut c = Command::new(&self.exe);
                c.env("KAOHE_DB", self.c_drive.join("默认数据库").join("kaohe.db"));
                c
            }
        };
        command
            .args(args)
            .current_dir(&self.c_drive)
            .env_remove("KAOHE_DB_PASSWORD")
            .env_remove("KAOHE_DB_NEW_PASSWORD");
        for (k, v) in env {
            command.env(k, v);
        }
        let out = kaohe_tests::launch(|| command.output())
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.exe.display()));
        Run { status: out.status.code().unwrap_or(-1), stdout: out.stdout, stderr: out.stderr }
    }

    /// How the Windows program names a path below `C:\`.
    fn windows_path(&self, path: &Path) -> String {
        let below = path.strip_prefix(&self.c_drive).unwrap_or_else(|_| panic!("{} is not below C:", path.display()));
        format!(r"{}\{}", self.c_name, below.display().to_string().replace('/', r"\"))
    }

    /// A journey's folder, emptied: as this test names it and as the Windows program does.
    fn fresh_dir(&self, journey: &str) -> (PathBuf, String) {
        let dir = self.c_drive.join(WIN_DIR_IN_PREFIX).join(journey);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).expect("empty the journey folder");
        }
        std::fs::create_dir_all(&dir).expect("journey folder");
        (dir, format!(r"{}\{WIN_DIR}\{journey}", self.c_name))
    }

    /// The database a command without `--db` uses, removed: under Wine the default one under
    /// %APPDATA% (the prefix's user is whoever runs Wine); on Windows KAOHE_DB's.
    fn fresh_default_db(&self) -> PathBuf {
        let Some((_, prefix)) = &self.wine else {
            let data = self.c_drive.join("默认数据库");
            if data.exists() {
                std::fs::remove_dir_all(&data).expect("empty the data folder");
            }
            return data.join("kaohe.db");
        };
        let users = prefix.join("drive_c/users");
        let user = std::fs::read_dir(&users)
            .expect("users in the prefix")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|name| name != "Public")
            .expect("a user folder in the prefix");
        let data = users.join(user).join("AppData/Roaming/kaohe/Kaohe/data");
        if data.exists() {
            std::fs::remove_dir_all(&data).expect("empty the data folder");
        }
        data.join("kaohe.db")
    }
}

/// The Linux build's answer, through the CLI's own entry point.
fn linux(args: &[&str]) -> Run {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let out = kaohe_cli::run(&args);
    Run { status: out.status, stdout: out.stdout.into_bytes(), stderr: out.stderr.into_bytes() }
}

/// Both sides' paths in the same words: the journey folder and the database, as printed and as
/// escaped in JSON (where a Windows path's backslashes are doubled).
fn same_words(text: &str, dir: &str, db: &str) -> String {
    let mut text = text.to_string();
    for (path, word) in [(db, DB_WORD), (dir, DIR_WORD)] {
        if !path.is_empty() {
            text = text.replace(&path.replace('\\', "\\\\"), word).replace(path, word);
        }
    }
    // A path inside the folder: its separator is the platform's own.
    text.replace(&format!("{DIR_WORD}\\\\"), &format!("{DIR_WORD}/"))
        .replace(&format!("{DIR_WORD}\\"), &format!("{DIR_WORD}/"))
}

fn assert_same(
    what: &str,
    windows: &Run,
    linux: &Run,
    (windows_dir, windows_db): (&str, &str),
    linux_dir: &Path,
    linux_db: &Path,
) {
    let (ld, ldb) = (linux_dir.display().to_string(), linux_db.display().to_string());
    let w_out = same_words(&windows.out(), windows_dir, windows_db);
    let l_out = same_words(&linux.out(), &ld, &ldb);
    let w_err = same_words(&windows.err(), windows_dir, windows_db);
    let l_err = same_words(&linux.err(), &ld, &ldb);
    assert_eq!(windows.status, linux.status, "{what}: exit status\nWindows stderr: {w_err}\nLinux stderr: {l_err}");
    assert_eq!(w_out, l_out, "{what}: stdout differs");
    assert_eq!(w_err, l_err, "{what}: stderr differs");
}

/// Every part of an .xlsx (a zip) but the creation time.
fn parts(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("zip part");
        let name = part.name().expect("part name").to_string();
        if name == "docProps/core.xml" {
            continue;
        }
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).expect("read part");
        parts.insert(name, bytes);
    }
    parts
}

/// Every sheet's cells, as calamine reads them back.
fn cells(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

/// The Windows and the Linux workbook hold the same cells, part for part.
fn assert_same_workbook(what: &str, windows: &Path, linux: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let (w, l) = (cells(windows), cells(linux));
    assert!(w.iter().any(|(_, rows)| !rows.is_empty()), "{what}: the Windows workbook is empty");
    assert_eq!(w, l, "{what}: cells differ");
    let (wp, lp) = (parts(windows), parts(linux));
    assert_eq!(wp.keys().collect::<Vec<_>>(), lp.keys().collect::<Vec<_>>(), "{what}: parts differ");
    for (name, bytes) in &wp {
        assert!(bytes == &lp[name], "{what}: part {name} differs");
    }
    w
}

fn copy_in(from: &Path, dirs: &[&Path]) -> String {
    let name = from.file_name().expect("file name").to_string_lossy().into_owned();
    for dir in dirs {
        std::fs::copy(from, dir.join(&name)).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    }
    name
}

#[test]
fn the_windows_build_reads_every_roster_as_linux_does() {
    let Some(wine) = wine("the_windows_build_reads_every_roster_as_linux_does") else { return };
    let (wdir, wdir_win) = wine.fresh_dir("名册检查");
    let win = |name: &str| format!(r"{wdir_win}\{name}");
    let wdb = win("kaohe.db");
    let tmp = tempfile::tempdir().expect("tmp");
    let ldir = tmp.path().join("考核 工作").join("2025 年度");
    std::fs::create_dir_all(&ldir).expect("linux dir");
    let ldb = ldir.join("kaohe.db");

    // Every roster of fixtures/rosters: .xlsx, .xls (BIFF8), GBK and UTF-8 CSV, the national
    // system's own export; checked, not imported (nothing is written).
    let mut rosters: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/rosters"))
        .expect("fixtures/rosters")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("xlsx" | "xls" | "csv")))
        .collect();
    rosters.sort();
    assert!(rosters.len() >= 40, "{} rosters", rosters.len());
    let mut kinds = BTreeMap::new();
    for roster in &rosters {
        let name = copy_in(roster, &[&wdir, &ldir]);
        let windows = wine.kaohe(&["import", &win(&name), "--db", &wdb, "--check", "--json"]);
        let linux = linux(&[
            "import",
            &ldir.join(&name).display().to_string(),
            "--db",
            &ldb.display().to_string(),
            "--check",
            "--json",
        ]);
        assert_same(&format!("import {name} --check --json"), &windows, &linux, (&wdir_win, &wdb), &ldir, &ldb);
        *kinds.entry(roster.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default()).or_insert(0) +=
            1;
        // The GBK roster's names arrive as UTF-8 in the JSON.
        if name == "06-gbk.csv" {
            assert_eq!(windows.status, 0, "{}", windows.err());
            let v: serde_json::Value = serde_json::from_slice(&windows.stdout).expect("JSON");
            assert!(v.to_string().contains("邓超"), "{v}");
        }
    }
    assert!(kinds.get("xls").copied().unwrap_or(0) >= 2 && kinds.get("csv").copied().unwrap_or(0) >= 3, "{kinds:?}");
    assert!(!ldb.exists() && !wdir.join("kaohe.db").exists(), "a check writes nothing");
}

#[test]
fn the_windows_build_answers_as_linux_does_from_template_to_print() {
    let Some(wine) = wine("the_windows_build_answers_as_linux_does_from_template_to_print") else { return };
    let (wdir, wdir_win) = wine.fresh_dir("从模板到打印");
    let win = |name: &str| format!(r"{wdir_win}\{name}");
    let wdb_file = wine.fresh_default_db();
    let tmp = tempfile::tempdir().expect("tmp");
    let ldir = tmp.path().join("考核 工作").join("2025 年度");
    std::fs::create_dir_all(&ldir).expect("linux dir");
    let ldb = ldir.join("kaohe.db");
    let l = |name: &str| ldir.join(name).display().to_string();
    let db_args = ["--db", &ldb.display().to_string()];

    // The blank roster template.
    let windows = wine.kaohe(&["template", &win("人员名册模板.xlsx")]);
    let linux_run = linux(&["template", &l("人员名册模板.xlsx")]);
    assert_eq!((windows.status, linux_run.status), (0, 0), "{}", windows.err());
    let template = assert_same_workbook("template", &wdir.join("人员名册模板.xlsx"), &ldir.join("人员名册模板.xlsx"));
    assert_eq!(template[0].1[0].first(), Some(&Data::String("身份证号".into())), "the template's first header");

    // The sample roster into the default database (Windows) and a database of the test's (Linux).
    let sample = copy_in(&root().join("fixtures/sample/名册示例.xlsx"), &[&wdir, &ldir]);
    let windows = wine.kaohe(&["import", &win(&sample)]);
    let linux_run = linux(&[&["import", &l(&sample)][..], &db_args].concat());
    // Where the Windows build put its database, in the words it printed.
    let wdb = wine.windows_path(&wdb_file);
    assert_same("import 名册示例.xlsx", &windows, &linux_run, (&wdir_win, &wdb), &ldir, &ldb);
    assert!(windows.out().contains(&format!("已导入到数据库 {wdb}：人员 38 人")), "{}", windows.out());
    assert!(wdb_file.is_file(), "the database is where it said: {}", wdb_file.display());
    if wine.wine.is_some() {
        assert!(
            wdb.starts_with(r"C:\users\") && wdb.ends_with(r"\AppData\Roaming\kaohe\Kaohe\data\kaohe.db"),
            "the default database is under %APPDATA%: {wdb}"
        );
    }

    // Promotion and assessment, as JSON (UTF-8, byte for byte).
    for args in [&["promote", "--as-of", "2025-12-31", "--json"][..], &["assess", "--year", "2025", "--json"][..]] {
        let windows = wine.kaohe(args);
        let linux_run = linux(&[args, &db_args].concat());
        assert_eq!(windows.status, 0, "{args:?}: {}", windows.err());
        assert!(windows.stdout == linux_run.stdout, "{args:?}: JSON differs");
        let v: serde_json::Value = serde_json::from_slice(&windows.stdout).expect("JSON");
        assert!(v["people"].as_array().map(Vec::len).unwrap_or(0) > 0 || v["pools"].is_array(), "{args:?}: {v}");
    }
    // The same, as the tables a clerk reads.
    for args in [&["promote", "--as-of", "2025-12-31"][..], &["assess", "--year", "2025"][..]] {
        let windows = wine.kaohe(args);
        assert_same(&format!("{args:?}"), &windows, &linux(&[args, &db_args].concat()), (&wdir_win, &wdb), &ldir, &ldb);
    }

    // Result workbooks, written and read back.
    let promoted = wine.kaohe(&["promote", "--as-of", "2025-12-31", "--out", &win("晋升资格 2025.xlsx")]);
    assert_eq!(promoted.status, 0, "{}", promoted.err());
    assert_eq!(
        linux(&[&["promote", "--as-of", "2025-12-31", "--out", &l("晋升资格 2025.xlsx")][..], &db_args].concat())
            .status,
        0
    );
    let sheets =
        assert_same_workbook("promote --out", &wdir.join("晋升资格 2025.xlsx"), &ldir.join("晋升资格 2025.xlsx"));
    let names: Vec<String> = sheets[0]
        .1
        .iter()
        .skip(1)
        .filter_map(|row| {
            row.iter().find_map(|c| matches!(c, Data::String(s) if s == "田建国").then(|| "田建国".to_string()))
        })
        .collect();
    assert_eq!(names, ["田建国"], "田建国 is in the promotion workbook once");
    let assessed = wine.kaohe(&[
        "assess",
        "--year",
        "2025",
        "--out",
        &win("年度考核 2025.xlsx"),
        "--national",
        &win("国家系统导入 2025.xlsx"),
    ]);
    assert_eq!(assessed.status, 0, "{}", assessed.err());
    let linux_run = linux(
        &[
            &[
                "assess",
                "--year",
                "2025",
                "--out",
                &l("年度考核 2025.xlsx"),
                "--national",
                &l("国家系统导入 2025.xlsx"),
            ][..],
            &db_args,
        ]
        .concat(),
    );
    assert_eq!(linux_run.status, 0, "{}", linux_run.err());
    assert_same_workbook("assess --out", &wdir.join("年度考核 2025.xlsx"), &ldir.join("年度考核 2025.xlsx"));
    assert_same_workbook(
        "assess --national",
        &wdir.join("国家系统导入 2025.xlsx"),
        &ldir.join("国家系统导入 2025.xlsx"),
    );

    // Printed documents, to HTML, byte for byte.
    for (doc, flag, value) in
        [("登记表", "--year", "2025"), ("考核汇总", "--year", "2025"), ("晋升公示", "--as-of", "2025-12-31")]
    {
        let (wout, lout) = (format!("打印 {doc}"), ldir.join(format!("打印 {doc}")));
        let windows = wine.kaohe(&["print", "--doc", doc, flag, value, "--from", "2026-01-09", "--out", &win(&wout)]);
        assert_eq!(windows.status, 0, "print {doc}: {}", windows.err());
        let linux_run = linux(
            &[
                &["print", "--doc", doc, flag, value, "--from", "2026-01-09", "--out", &lout.display().to_string()][..],
                &db_args,
            ]
            .concat(),
        );
        assert_eq!(linux_run.status, 0, "print {doc}: {}", linux_run.err());
        let listing = |dir: &Path| -> BTreeMap<String, Vec<u8>> {
            std::fs::read_dir(dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .filter_map(Result::ok)
                .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read printed")))
                .collect()
        };
        let (w, l) = (listing(&wdir.join(&wout)), listing(&lout));
        assert!(!w.is_empty(), "print {doc}: nothing printed");
        assert_eq!(w.keys().collect::<Vec<_>>(), l.keys().collect::<Vec<_>>(), "print {doc}: files");
        for (name, bytes) in &w {
            assert!(bytes == &l[name], "print {doc}: {name} differs");
            assert!(
                String::from_utf8_lossy(bytes).contains("田建国") || doc == "晋升公示",
                "print {doc}: {name} names the people"
            );
        }
    }
}

/// The Windows build encrypts with the same SQLCipher as Linux: a database given a password by
/// `kaohe.exe password` is refused without it, read with it, and opens on Linux with it.
#[test]
fn the_windows_build_sets_and_uses_a_database_password() {
    let Some(wine) = wine("the_windows_build_sets_and_uses_a_database_password") else { return };
    let (wdir, wdir_win) = wine.fresh_dir("数据库密码");
    let sample = copy_in(&root().join("fixtures/sample/名册示例.xlsx"), &[&wdir]);
    let db = format!(r"{wdir_win}\考核 数据.db");
    let imported = wine.kaohe(&["import", &format!(r"{wdir_win}\{sample}"), "--db", &db]);
    assert_eq!(imported.status, 0, "{}", imported.err());
    let set = wine.kaohe_with(&["password", "--db", &db], &[("KAOHE_DB_NEW_PASSWORD", "人事科2026年")]);
    assert_eq!(set.status, 0, "{}", set.err());
    assert_eq!(set.out().trim(), format!("已为数据库设置密码：{db}"));

    let file = wdir.join("考核 数据.db");
    assert_eq!(kaohe_store::Encryption::of(&file), kaohe_store::Encryption::Encrypted);
    let refused = wine.kaohe(&["promote", "--as-of", "2025-12-31", "--db", &db, "--json"]);
    assert_eq!(refused.status, 1);
    let v: serde_json::Value = serde_json::from_slice(&refused.stdout).expect("JSON");
    assert_eq!(v["error"]["code"], "password_required");
    let read = wine.kaohe_with(
        &["promote", "--as-of", "2025-12-31", "--db", &db, "--json"],
        &[("KAOHE_DB_PASSWORD", "人事科2026年")],
    );
    assert_eq!(read.status, 0, "{}", read.err());
    let v: serde_json::Value = serde_json::from_slice(&read.stdout).expect("JSON");
    assert_eq!(v["people"].as_array().map(Vec::len), Some(38));

    let password = kaohe_store::Password::new("人事科2026年").expect("password");
    let store =
        kaohe_store::Store::open_read_only_with(&file, Some(&password)).expect("the Windows file opens on Linux");
    assert_eq!(store.counts().expect("counts").people, 38);
}

/// In a console (not a pipe), the Windows build writes through the console's wide-character call,
/// so Chinese is readable whatever the console's code page: here 936 (GBK), as on a Chinese
/// Windows. Wine takes its code pages from the Unix locale, so the console is Wine's own in a
/// pseudo-terminal (`script`) under the zh_CN.GBK locale (generated by the xtask): what reaches
/// the terminal is the console's text in GBK, as a clerk's cmd.exe shows it. Redirected to a file,
/// the same output is UTF-8.
#[test]
fn chinese_output_is_readable_in_a_gbk_console_and_utf8_when_redirected() {
    let name = "chinese_output_is_readable_in_a_gbk_console_and_utf8_when_redirected";
    let Some(wine) = wine(name) else { return };
    let Some((wine_program, prefix)) = &wine.wine else {
        eprintln!("{name}: 仅在 Wine 中运行（控制台由 Wine 的区域设置模拟）/ only under Wine");
        return;
    };
    // Under a GBK locale Wine reads its own arguments as GBK: the batch file and its folder have
    // plain names, and the program's path comes through the environment.
    let dir = prefix.join("drive_c/kaohe-console");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("empty the console folder");
    }
    std::fs::create_dir_all(&dir).expect("console folder");
    let batch = "@echo off\r\nchcp 936 >nul\r\ncd /d \"%~dp0\"\r\nchcp > codepage.txt\r\n\"%KAOHE_EXE%\" --help > help.txt\r\n\"%KAOHE_EXE%\" --help\r\n";
    std::fs::write(dir.join("run.bat"), batch).expect("batch file");
    let typescript = dir.join("typescript");
    // `script` hands the command to the shell: quoted, so the backslashes stay.
    let command = format!("'{}' cmd /c 'C:\\kaohe-console\\run.bat'", wine_program.display());
    let status = Command::new("script")
        .args(["-q", "-e", "-c", &command])
        .arg(&typescript)
        .env("WINEPREFIX", prefix)
        .env("WINEDEBUG", "-all")
        .env("LANG", "zh_CN.GBK")
        .env("LC_ALL", "zh_CN.GBK")
        .env("KAOHE_EXE", format!("Z:{}", wine.exe.display()).replace('/', "\\"))
        .stdout(std::process::Stdio::null())
        .status()
        .expect("script (bsdutils)");
    assert!(status.success(), "script: {status}");

    let codepage = std::fs::read(dir.join("codepage.txt")).expect("chcp output");
    assert!(
        String::from_utf8_lossy(&codepage).contains("936"),
        "the console's code page: {}",
        String::from_utf8_lossy(&codepage)
    );
    // What the console showed, in the console's code page.
    let shown = std::fs::read(&typescript).expect("typescript");
    let (text, _, bad) = encoding_rs::GBK.decode(&shown);
    assert!(!bad, "the console's output is not GBK");
    for words in ["用法：", "kaohe template OUT.xlsx", "[--sheet 工作表]", "文书：登记表、优秀公示、考核汇总"]
    {
        assert!(text.contains(words), "the GBK console shows 「{words}」:\n{text}");
    }
    // Redirected to a file: UTF-8.
    let saved = String::from_utf8(std::fs::read(dir.join("help.txt")).expect("redirected output"))
        .expect("redirected output is UTF-8");
    assert!(saved.starts_with("用法：\n  kaohe template OUT.xlsx"), "{saved}");
}
