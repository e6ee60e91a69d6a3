//! The database's optional password (SQLCipher): a file with one is unreadable without it — its
//! bytes hold no name or ID in the clear — and opens only with it; setting, changing and
//! removing it keeps every row; backups and safety copies carry the password of the database
//! they were made from; a restore keeps the current password; the command line takes it from
//! `KAOHE_DB_PASSWORD` and sets it with `kaohe password`.

use crate::hostile::kaohe_binary;
use kaohe_engine::Profile;
use kaohe_store::settings::{inspect_backup, restore};
use kaohe_store::{Encryption, Password, Store, StoreError, SCHEMA_VERSION};
use kaohe_tests::write_sheets;
use std::path::{Path, PathBuf};
use std::process::Command;

const ID_A: &str = "11010519491231002X";
const NAME_A: &str = "欧阳明远";

fn password(text: &str) -> Password {
    Password::new(text).expect("not empty")
}

/// A roster of two people written to `dir`, read.
fn roster(dir: &Path) -> (PathBuf, kaohe_workbook::RosterRead) {
    let text = format!(
        r#"
"人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["{ID_A}", "{NAME_A}", "甲局", "综合管理类", "二级主任科员", 2019-06-15],
  ["330102198808060235", "李二", "甲局", "综合管理类", "三级主任科员", 2021-03-01],
]
"年度考核" = [["身份证号", "年度", "等次"], ["{ID_A}", 2024, "优秀"]]
"#
    );
    let sheets: toml::Table = toml::from_str(&text).expect("toml");
    let path = dir.join("名册.xlsx");
    write_sheets(&sheets, &path).expect("write");
    let read = kaohe_workbook::read_roster(&path, &Profile::national()).expect("read");
    (path, read)
}

/// Whether the bytes of `path` hold `text` (UTF-8) anywhere.
fn holds(path: &Path, text: &str) -> bool {
    let bytes = std::fs::read(path).expect("read file");
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

fn names(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = store.load_roster().expect("roster").people.into_iter().map(|p| p.name).collect();
    names.sort();
    names
}

#[test]
fn a_database_with_a_password_opens_with_it_only_and_holds_nothing_in_the_clear() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("kaohe.db");
    let (_, read) = roster(dir.path());
    {
        let mut store = Store::open_with(&db, Some(&password("正确的密码1"))).expect("create with a password");
        assert!(store.has_password());
        store.import(&read, "名册.xlsx").expect("import");
    }
    assert_eq!(Encryption::of(&db), Encryption::Encrypted);
    assert!(!holds(&db, NAME_A) && !holds(&db, ID_A), "no name or ID in the file's bytes");
    assert!(!holds(&db, "SQLite format 3"));

    let e = Store::open(&db).err().expect("refused without a password");
    assert!(matches!(e, StoreError::PasswordRequired { .. }), "{e}");
    assert_eq!(e.code().name(), "password_required");
    let e = Store::open_with(&db, Some(&password("错误的密码"))).err().expect("refused with a wrong one");
    assert!(matches!(e, StoreError::WrongPassword { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        format!("密码不对，数据库「{}」没有打开（也可能这个文件不是考核软件的数据库）", db.display())
    );
    let e = Store::open_read_only(&db).err().expect("read-only: refused without a password");
    assert!(matches!(e, StoreError::PasswordRequired { .. }), "{e}");

    let store = Store::open_read_only_with(&db, Some(&password("正确的密码1"))).expect("opens with it");
    assert_eq!(names(&store), vec!["李二".to_string(), NAME_A.to_string()]);
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    // A plain database opens whatever password is given (it has none to check).
    let plain = dir.path().join("plain.db");
    drop(Store::open(&plain).expect("plain"));
    assert!(!Store::open_with(&plain, Some(&password("随便什么"))).expect("plain opens").has_password());
}

#[test]
fn setting_changing_and_removing_the_password_keeps_every_row() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("kaohe.db");
    let (_, read) = roster(dir.path());
    let mut store = Store::open(&db).expect("open");
    store.import(&read, "名册.xlsx").expect("import");
    store.set_operator("人事科 李明").expect("operator");
    assert!(holds(&db, NAME_A), "a plain database holds the names in the clear");

    store.change_password(Some(&Password::new_for_setting("第一个数据库密码").expect("long enough"))).expect("set");
    assert!(store.has_password());
    assert_eq!(names(&store), vec!["李二".to_string(), NAME_A.to_string()], "the open store reads on");
    drop(store);
    assert_eq!(Encryption::of(&db), Encryption::Encrypted);
    assert!(!holds(&db, NAME_A));
    assert!(matches!(Store::open(&db).err(), Some(StoreError::PasswordRequired { .. })));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "no partial file left: {leftovers:?}");

    let mut store = Store::open_with(&db, Some(&password("第一个数据库密码"))).expect("opens with the first");
    store.change_password(Some(&password("第二个密码"))).expect("change");
    drop(store);
    assert!(matches!(
        Store::open_with(&db, Some(&password("第一个数据库密码"))).err(),
        Some(StoreError::WrongPassword { .. })
    ));
    let mut store = Store::open_with(&db, Some(&password("第二个密码"))).expect("opens with the second");
    assert_eq!(store.operator().expect("operator"), "人事科 李明");
    assert_eq!(store.counts().expect("counts").results, 1);

    store.change_password(None).expect("remove");
    assert!(!store.has_password());
    drop(store);
    assert_eq!(Encryption::of(&db), Encryption::Plain);
    let store = Store::open(&db).expect("plain again");
    assert_eq!(names(&store), vec!["李二".to_string(), NAME_A.to_string()]);
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    // The file is Kaohe's still (application_id), and its integrity whole.
    drop(store);
    let conn = rusqlite::Connection::open(&db).expect("sqlite");
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).expect("id");
    assert_eq!(app_id, 0x4B41_4F48);
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
    assert_eq!(ok, "ok");
}

/// Quotes, backslashes, blanks and Chinese reach SQLCipher as typed: the password that set the
/// key opens the file, the same text with one quote fewer does not.
#[test]
fn a_password_is_taken_as_typed() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("kaohe.db");
    let typed = r#"人事 ' "科" \ 2026'--"#;
    let mut store = Store::open(&db).expect("open");
    store.set_operator("人事科 李明").expect("operator");
    store.change_password(Some(&Password::new_for_setting(typed).expect("long enough"))).expect("set");
    drop(store);
    let store = Store::open_read_only_with(&db, Some(&password(typed))).expect("opens with it as typed");
    assert_eq!(store.operator().expect("operator"), "人事科 李明");
    let e = Store::open_read_only_with(&db, Some(&password(&typed.replacen('\'', "", 1)))).err().expect("refused");
    assert!(matches!(e, StoreError::WrongPassword { .. }), "{e}");
}

#[test]
fn a_new_password_is_six_characters_at_least() {
    let e = Password::new_for_setting("12345").expect_err("too short");
    assert_eq!(e.to_string(), "密码至少要有 6 个字符");
    assert_eq!(e.code().name(), "bad_argument");
    assert!(Password::new_for_setting("考核密码六字").is_ok(), "six Chinese characters are six characters");
    assert!(Password::new_for_setting("abc\ndefg").is_err());
    assert!(Password::new("").is_none());
    assert_eq!(format!("{:?}", password("秘密的口令")), "Password(***)");
}

#[test]
fn backups_carry_the_password_and_a_restore_keeps_the_current_one() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("kaohe.db");
    let (_, read) = roster(dir.path());
    let key = password("备份用的密码");
    let mut store = Store::open_with(&db, Some(&key)).expect("create");
    store.import(&read, "名册.xlsx").expect("import");
    let backup = dir.path().join("备份.db");
    store.backup_to(&backup).expect("backup");
    assert_eq!(Encryption::of(&backup), Encryption::Encrypted);
    assert!(!holds(&backup, NAME_A), "the backup is encrypted as the database is");
    assert!(matches!(inspect_backup(&backup, None).err(), Some(StoreError::PasswordRequired { .. })));
    assert!(matches!(
        inspect_backup(&backup, Some(&password("不是这个"))).err(),
        Some(StoreError::WrongPassword { .. })
    ));
    let info = inspect_backup(&backup, Some(&key)).expect("inspected with the password");
    assert_eq!(info.people, 2);
    // One connection to a database at a time, as in the app (Windows replaces no open file).
    drop(store);

    // Restored over a plain database: the restored one takes the backup's password.
    let plain = dir.path().join("plain/kaohe.db");
    drop(Store::open(&plain).expect("plain"));
    let safety = dir.path().join("plain/恢复前备份.db");
    let restored =
        restore(Store::open(&plain), &plain, &backup, Some(&key), &safety).map_err(|f| f.error).expect("restored");
    assert!(restored.has_password());
    assert_eq!(names(&restored), vec!["李二".to_string(), NAME_A.to_string()]);
    drop(restored);
    assert!(!holds(&plain, NAME_A));
    assert_eq!(Encryption::of(&safety), Encryption::Plain, "the safety copy is the plain database as it was");

    // A plain backup restored over a database with a password: the password stays.
    let plain_backup = dir.path().join("明文备份.db");
    Store::open(&dir.path().join("other.db")).expect("other").backup_to(&plain_backup).expect("plain backup");
    let safety = dir.path().join("恢复前备份.db");
    let restored = restore(Store::open_with(&db, Some(&key)), &db, &plain_backup, None, &safety)
        .map_err(|f| f.error)
        .expect("restored");
    assert!(restored.has_password());
    assert_eq!(restored.counts().expect("counts").people, 0);
    drop(restored);
    assert_eq!(Encryption::of(&db), Encryption::Encrypted);
    assert_eq!(Encryption::of(&safety), Encryption::Encrypted, "the safety copy keeps the password");
    assert_eq!(inspect_backup(&safety, Some(&key)).expect("safety copy").people, 2);

    // A database whose password is forgotten: restoring a backup is the way out.
    let forgotten = restore(Store::open(&db), &db, &plain_backup, None, &dir.path().join("恢复前备份_2.db"))
        .map_err(|f| f.error)
        .expect("restored");
    assert!(!forgotten.has_password());
}

fn kaohe(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(kaohe_binary().unwrap_or_else(|e| panic!("{e}")));
    cmd.args(args).env_remove("KAOHE_DB_PASSWORD").env_remove("KAOHE_DB_NEW_PASSWORD");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = kaohe_tests::launch(|| cmd.output()).expect("run kaohe");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_takes_the_password_from_the_environment() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("kaohe.db");
    let (roster, _) = roster(dir.path());
    let (db, roster) = (db.to_str().expect("utf-8"), roster.to_str().expect("utf-8"));
    let (status, _, err) = kaohe(&["import", roster, "--db", db], &[]);
    assert_eq!(status, 0, "{err}");

    let (status, out, err) =
        kaohe(&["password", "--db", db, "--by", "人事科 王芳"], &[("KAOHE_DB_NEW_PASSWORD", "命令行的数据库密码")]);
    assert_eq!((status, out.trim()), (0, format!("已为数据库设置密码：{db}").as_str()), "{err}");
    assert!(!holds(Path::new(db), NAME_A));
    // Recorded in the 操作日志, as the app records it.
    let store = Store::open_read_only_with(Path::new(db), Some(&password("命令行的数据库密码"))).expect("opens");
    let filter = kaohe_store::operations::LogFilter { kind: Some(kaohe_store::OperationKind::Password), year: None };
    let log = store.operation_log(&filter).expect("log");
    let entries: Vec<(&str, Option<&str>)> = log.iter().map(|o| (o.by.as_str(), o.to.as_deref())).collect();
    assert_eq!(entries, vec![("人事科 王芳", Some("设置"))]);
    drop(store);

    let (status, out, _) = kaohe(&["promote", "--as-of", "2026-01-01", "--db", db, "--json"], &[]);
    assert_eq!(status, 1);
    let error: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(error["error"]["code"], "password_required");
    let (status, out, _) =
        kaohe(&["promote", "--as-of", "2026-01-01", "--db", db, "--json"], &[("KAOHE_DB_PASSWORD", "错了")]);
    assert_eq!(status, 1);
    let error: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(error["error"]["code"], "wrong_password");

    let (status, out, err) = kaohe(
        &["promote", "--as-of", "2026-01-01", "--db", db, "--json"],
        &[("KAOHE_DB_PASSWORD", "命令行的数据库密码")],
    );
    assert_eq!(status, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    let people = report["people"].as_array().expect("people");
    assert!(people.iter().any(|p| p["name"] == NAME_A), "{out}");
    let (status, _, err) =
        kaohe(&["import", roster, "--db", db, "--check"], &[("KAOHE_DB_PASSWORD", "命令行的数据库密码")]);
    assert_eq!(status, 0, "{err}");

    let (status, _, err) = kaohe(
        &["password", "--db", db],
        &[("KAOHE_DB_PASSWORD", "命令行的数据库密码"), ("KAOHE_DB_NEW_PASSWORD", "短")],
    );
    assert_eq!(status, 1);
    assert!(err.contains("密码至少要有 6 个字符"), "{err}");
    let (status, out, err) =
        kaohe(&["password", "--db", db, "--remove"], &[("KAOHE_DB_PASSWORD", "命令行的数据库密码")]);
    assert_eq!((status, out.trim()), (0, format!("已取消数据库密码：{db}").as_str()), "{err}");
    assert!(holds(Path::new(db), NAME_A));
    let (status, _, err) = kaohe(&["promote", "--as-of", "2026-01-01", "--db", db], &[]);
    assert_eq!(status, 0, "{err}");
}
