//! 设置, 操作日志 and the rule profile file, over real temporary databases: the 操作人 setting,
//! backups and restores (with what they refuse), the merged log, and loading a local profile.
//! The database's password: a database with one opens locked and the window's unlock takes only
//! the right one; 设置 sets, changes and removes it (the current one required, each change in the
//! 操作日志); a backup with another password is checked with the one the clerk types, and the
//! restored database keeps the current password. All through kaohe-desk's `Session`, as the app's
//! commands call it.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use kaohe_desk::error::{CommandError, ErrorCode};
use kaohe_desk::ipc::{PasswordChange, ProfileLoad};
use kaohe_desk::session::Session;
use kaohe_store::settings::inspect_backup;
use kaohe_store::{migrations, Encryption, Password, Store, SCHEMA_VERSION};

const BY: &str = "人事科 李明";

struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch { dir: tempfile::tempdir().expect("temp dir") }
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn db(&self) -> PathBuf {
        self.path("data/kaohe.db")
    }
    fn state(&self) -> Session {
        Session::open(self.db())
    }
}

/// The sample roster, as the app's 「导入示例名册」 gives it.
const SAMPLE: &[u8] = include_bytes!("../../../fixtures/sample/名册示例.xlsx");

/// What the database holds (the home page's figures), or why it cannot be read.
fn counts(state: &Session) -> Result<kaohe_store::Counts, CommandError> {
    state.reading(|store| Ok(store.counts()?))
}

fn national_toml() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../profiles/national.toml"))
        .expect("national.toml")
}

fn names(path: &Path) -> Vec<String> {
    Store::open(path).expect("opens").load_roster().expect("roster").people.into_iter().map(|p| p.name).collect()
}

fn at(hour_minute: &str) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 27)
        .expect("date")
        .and_time(chrono::NaiveTime::parse_from_str(hour_minute, "%H:%M:%S").expect("time"))
}

#[test]
fn the_operator_is_kept_in_the_database() {
    let scratch = Scratch::new();
    let state = scratch.state();
    let info = state.settings().expect("settings");
    assert_eq!(info.operator, "");
    assert_eq!(info.db_path, scratch.db().display().to_string());
    assert_eq!((info.profile.name.as_str(), info.profile.custom), ("全国默认规则", false));

    assert_eq!(state.set_operator("  人事科 李明 ").expect("saved"), BY);
    assert_eq!(state.settings().expect("settings").operator, BY);
    drop(state);
    let reopened = scratch.state();
    assert_eq!(reopened.settings().expect("settings").operator, BY);
    assert_eq!(reopened.set_operator("   ").expect("cleared"), "");
    assert_eq!(scratch.state().settings().expect("settings").operator, "");
    assert_eq!(reopened.set_operator(&"李".repeat(41)).map_err(|e| e.code), Err(ErrorCode::BadArgument));

    // Each change is in the 操作日志, newest first; saving the same name again is no change.
    reopened.set_operator("王芳").expect("saved");
    reopened.set_operator(" 王芳 ").expect("saved again");
    let log = reopened.operation_log(Some("operator"), None).expect("log");
    let changes: Vec<(Option<&str>, Option<&str>, &str)> =
        log.iter().map(|o| (o.from.as_deref(), o.to.as_deref(), o.by.as_str())).collect();
    assert_eq!(changes, vec![(None, Some("王芳"), "王芳"), (Some(BY), None, BY), (None, Some(BY), BY)]);
    assert!(log.iter().all(|o| o.kind.name() == "operator"));
}

#[test]
fn a_backup_is_a_kaohe_database_with_the_same_people() {
    let scratch = Scratch::new();
    let state = scratch.state();
    state.set_operator(BY).expect("operator");
    state.import_sample(SAMPLE).expect("sample");
    let dest = scratch.path("备份/考核数据备份_2026-11-27.db");
    let outcome = state.backup_database(&dest).expect("backup");
    assert_eq!((outcome.path, outcome.people), (dest.display().to_string(), 38));

    let info = inspect_backup(&dest, None).expect("a Kaohe database");
    assert_eq!((info.people, info.organs, info.schema_version), (38, 3, SCHEMA_VERSION));
    let last = info.last_import.expect("last import");
    assert_eq!((last.file.as_str(), last.people), ("名册示例.xlsx", 38));
    assert_eq!(names(&dest), names(&scratch.db()));
    assert_eq!(names(&dest)[0], "田建国");

    // A second backup over the same file replaces it.
    state.backup_database(&dest).expect("backup again");
    assert_eq!(inspect_backup(&dest, None).expect("still a Kaohe database").people, 38);
    // Never onto the live database itself.
    assert_eq!(state.backup_database(&scratch.db()).map_err(|e| e.code), Err(ErrorCode::WriteFailed));
    let log = state.operation_log(Some("backup"), None).expect("log");
    assert_eq!(log.len(), 2);
    assert_eq!(
        (log[0].subject.as_deref(), log[0].by.as_str(), log[0].people),
        (Some(dest.display().to_string().as_str()), BY, Some(38))
    );
}

#[test]
fn restore_refuses_foreign_and_newer_files_without_touching_anything() {
    let scratch = Scratch::new();
    let state = scratch.state();
    state.import_sample(SAMPLE).expect("sample");
    let live_before = std::fs::read(scratch.db()).expect("live db");

    let text = scratch.path("说明.db");
    std::fs::write(&text, "这不是数据库".repeat(300)).expect("write");
    let other = scratch.path("其他软件.db");
    {
        let conn = migrations::Connection::open(&other).expect("sqlite");
        conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');").expect("table");
    }
    let newer = scratch.path("新版本.db");
    {
        let conn = migrations::create_at_version(&newer, migrations::MIGRATIONS.len()).expect("kaohe db");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
    }
    let empty = scratch.path("空文件.db");
    std::fs::write(&empty, b"").expect("write");

    let foreign = ErrorCode::NotAKaoheDatabase;
    for (file, code, message) in [
        (&text, foreign, format!("文件「{}」不是考核软件的数据库", text.display())),
        (&other, foreign, format!("文件「{}」不是考核软件的数据库", other.display())),
        (&empty, foreign, format!("文件「{}」不是考核软件的数据库", empty.display())),
        (
            &newer,
            ErrorCode::DatabaseTooNew,
            format!(
                "数据库「{}」由更新版本的考核软件创建（结构版本 {}，本软件支持到 {}），请升级软件后再打开",
                newer.display(),
                SCHEMA_VERSION + 1,
                SCHEMA_VERSION
            ),
        ),
    ] {
        let before = std::fs::read(file).expect("read");
        let e = state.restore_check(file).expect_err("refused");
        assert_eq!((e.code, e.message), (code, message));
        assert_eq!(std::fs::read(file).expect("read"), before, "{} was modified", file.display());
        // Nothing is pending: the confirmation step has nothing to restore.
        assert_eq!(state.restore_database(at("10:00:00")).map_err(|e| e.code), Err(ErrorCode::BadArgument));
    }
    assert_eq!(std::fs::read(scratch.db()).expect("live db"), live_before);
    assert_eq!(counts(&state).expect("info").people, 38);
    assert!(!scratch.db().parent().expect("dir").join("恢复前备份").exists());
}

#[test]
fn restore_replaces_the_data_and_keeps_a_safety_copy() {
    let scratch = Scratch::new();
    let state = scratch.state();
    state.set_operator(BY).expect("operator");
    let empty_backup = scratch.path("空库备份.db");
    state.backup_database(&empty_backup).expect("backup of the empty database");
    state.import_sample(SAMPLE).expect("sample");
    let local = scratch.path("某省规则.toml");
    std::fs::write(&local, national_toml().replace("name = \"全国默认规则\"", "name = \"某省规则\"")).expect("write");
    assert!(matches!(state.profile_load(&local).expect("loaded"), ProfileLoad::Active { .. }));

    let info = state.restore_check(&empty_backup).expect("a Kaohe backup");
    assert_eq!((info.people, info.organs, info.last_import), (0, 0, None));
    let outcome = state.restore_database(at("10:30:05")).expect("restored");
    let safety = scratch.path("data/恢复前备份/恢复前备份_2026-11-27_103005.db");
    assert_eq!((outcome.people, outcome.safety_copy.as_str()), (0, safety.display().to_string().as_str()));
    assert_eq!(counts(&state).expect("info").people, 0);
    assert_eq!(inspect_backup(&safety, None).expect("safety copy").people, 38);
    assert_eq!(names(&safety).len(), 38);
    // The backup predates the local rule file: the national rules apply again; the 操作人 stays.
    assert_eq!(state.profile().meta.name, "全国默认规则");
    assert_eq!(state.settings().expect("settings").operator, BY);
    let log = state.operation_log(None, None).expect("log");
    let kinds: Vec<&str> = log.iter().map(|e| e.kind.name()).collect();
    // The backup was made after the 操作人 was first set, which its own log records.
    assert_eq!(kinds, ["restore", "operator"], "the restored database has its own log and the restore");
    assert_eq!(
        (log[0].subject.as_deref(), log[0].to.as_deref(), log[0].by.as_str()),
        (Some(empty_backup.display().to_string().as_str()), Some(safety.display().to_string().as_str()), BY)
    );

    // And back: the safety copy restores the 38 people, and the local rules they used.
    state.restore_check(&safety).expect("the safety copy is a backup");
    state.restore_database(at("10:31:00")).expect("restored again");
    assert_eq!(counts(&state).expect("info").people, 38);
    assert_eq!(state.profile().meta.name, "某省规则");
    assert!(scratch.path("data/恢复前备份/恢复前备份_2026-11-27_103100.db").is_file());
}

#[test]
fn an_older_backup_is_upgraded_when_restored() {
    let scratch = Scratch::new();
    let old = scratch.path("旧版本.db");
    {
        let conn = migrations::create_at_version(&old, 5).expect("version 5");
        conn.execute("INSERT INTO organs (name) VALUES ('甲局')", []).expect("organ");
    }
    let before = std::fs::read(&old).expect("read");
    let state = scratch.state();
    let info = state.restore_check(&old).expect("compatible");
    assert_eq!((info.schema_version, info.organs), (5, 1));
    state.restore_database(at("11:00:00")).expect("restored");
    assert_eq!(std::fs::read(&old).expect("read"), before, "the backup itself is not upgraded");
    assert_eq!(counts(&state).expect("info").organs, 1);
    let store = Store::open(&scratch.db()).expect("opens");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
}

#[test]
fn the_log_merges_every_kind_newest_first_with_who_and_why() {
    let scratch = Scratch::new();
    let state = scratch.state();
    state.set_operator(BY).expect("operator");
    state.import_sample(SAMPLE).expect("sample");
    let report = state.assessment(2025).expect("assessment");
    let id = |name: &str| report.people.iter().find(|p| p.name == name).map(|p| p.id.clone()).expect(name);
    state
        .assessment_override(2025, &id("周志强"), "称职", "领导成员优秀名额为0，经考核委员会研究确定为称职", BY)
        .expect("override");
    state.assessment_ratio(2025, "某市财政局", 25.0, "市考核委员会批复", "人事科 王芳").expect("ratio");
    state.assessment_finalize(2025, NaiveDate::from_ymd_opt(2026, 1, 15).expect("date"), BY).expect("finalize");
    state.assessment_reopen(2025, "收到复核申请", BY).expect("reopen");
    state.backup_database(&scratch.path("备份.db")).expect("backup");
    let local = scratch.path("某省规则.toml");
    std::fs::write(&local, national_toml().replace("name = \"全国默认规则\"", "name = \"某省规则\"")).expect("write");
    state.profile_load(&local).expect("profile");
    state.profile_reset().expect("reset");

    // Setting the 操作人 is logged too (the_operator_is_kept_in_the_database); left out here,
    // since its place among entries of the same second depends on the clock.
    let log: Vec<_> =
        state.operation_log(None, None).expect("log").into_iter().filter(|e| e.kind.name() != "operator").collect();
    type Line<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let lines: Vec<Line> = log
        .iter()
        .map(|e| (e.kind.name(), e.by.as_str(), e.subject.as_deref(), e.to.as_deref(), e.reason.as_deref()))
        .collect();
    let backup = scratch.path("备份.db").display().to_string();
    let local_shown = local.display().to_string();
    assert_eq!(
        lines,
        [
            ("profile", BY, None, Some("全国默认规则（2019.06-1）"), None),
            ("profile", BY, Some(local_shown.as_str()), Some("某省规则（2019.06-1）"), None),
            ("backup", BY, Some(backup.as_str()), None, None),
            ("reopen", BY, None, None, Some("收到复核申请")),
            ("finalize", BY, None, Some("38人"), None),
            ("ratio", "人事科 王芳", None, Some("某市财政局 25%"), Some("市考核委员会批复")),
            ("override", BY, Some("周志强"), Some("称职"), Some("领导成员优秀名额为0，经考核委员会研究确定为称职")),
            ("import", BY, Some("名册示例.xlsx"), None, None),
        ]
    );
    assert_eq!((log[7].people, log[7].issues.is_some()), (Some(38), true));
    assert_eq!(
        (log[6].year, log[6].person_id.as_deref(), log[6].from.as_deref()),
        (Some(2025), Some(id("周志强").as_str()), Some("优秀"))
    );
    assert!(log.windows(2).all(|w| w[0].at >= w[1].at));

    let kinds = |kind: Option<&str>, year: Option<i32>| -> Vec<String> {
        state
            .operation_log(kind, year)
            .expect("log")
            .into_iter()
            .map(|e| e.kind.name().to_owned())
            .filter(|k| k != "operator")
            .collect()
    };
    assert_eq!(kinds(Some("override"), None), ["override"]);
    assert_eq!(kinds(None, Some(2025)), ["reopen", "finalize", "ratio", "override"]);
    let this_year = chrono::Local::now().year();
    assert_eq!(kinds(None, Some(this_year)), ["profile", "profile", "backup", "import"]);
    assert!(kinds(Some("restore"), None).is_empty());
    assert_eq!(state.operation_log(Some("delete"), None).map_err(|e| e.code), Err(ErrorCode::BadArgument));
}

#[test]
fn an_invalid_profile_is_refused_with_its_problems() {
    let scratch = Scratch::new();
    let state = scratch.state();
    let broken = scratch.path("坏规则.toml");
    let text = national_toml().replacen("target = \"一级科员\"", "target = \"一级科长\"", 1);
    assert_ne!(text, national_toml());
    std::fs::write(&broken, &text).expect("write");
    let ProfileLoad::Invalid { file, problems } = state.profile_load(&broken).expect("answered") else {
        panic!("accepted a broken profile");
    };
    assert_eq!(file, broken.display().to_string());
    assert!(problems.iter().any(|p| p.starts_with("最低任职年限「一级科长」")), "{problems:?}");
    assert!(
        problems.iter().any(|p| p.contains("职级「一级科员」") && p.contains("缺少晋升该职级的最低任职年限")),
        "{problems:?}"
    );
    assert_eq!(state.profile().meta.name, "全国默认规则");

    let garbled = scratch.path("格式错误.toml");
    std::fs::write(&garbled, "[profile]\nid = \"x\"\nname = 某省\n").expect("write");
    let ProfileLoad::Invalid { problems, .. } = state.profile_load(&garbled).expect("answered") else {
        panic!("accepted a garbled profile");
    };
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("第3行第8列："), "{problems:?}");
    assert!(problems[0].ends_with("（该行为「name = 某省」）"), "{problems:?}");

    assert_eq!(
        state.profile_load(&scratch.path("没有这个文件.toml")).map(|_| ()).map_err(|e| e.code),
        Err(ErrorCode::FileUnreadable)
    );
    assert!(state.operation_log(Some("profile"), None).expect("log").is_empty());
    assert!(!state.active_profile().expect("active").custom);
}

#[test]
fn a_valid_profile_becomes_active_and_survives_a_restart() {
    let scratch = Scratch::new();
    let state = scratch.state();
    state.import_sample(SAMPLE).expect("sample");
    let local = scratch.path("某省规则.toml");
    // A province that ranks 优秀 at 15%.
    let text = national_toml()
        .replace("name = \"全国默认规则\"", "name = \"某省规则\"")
        .replace("version = \"2019.06-1\"", "version = \"2026.1\"");
    std::fs::write(&local, text).expect("write");
    let ProfileLoad::Active { profile } = state.profile_load(&local).expect("loaded") else {
        panic!("refused a valid profile");
    };
    assert_eq!((profile.name.as_str(), profile.version.as_str(), profile.custom), ("某省规则", "2026.1", true));
    assert_eq!(profile.file.as_deref(), Some(local.display().to_string().as_str()));
    assert_eq!(state.profile().meta.name, "某省规则");
    assert_eq!(state.assessment(2025).expect("assessment").profile.name, "某省规则");
    drop(state);

    // The file moves away; the text kept in the database still applies at the next start.
    std::fs::remove_file(&local).expect("remove");
    let state = scratch.state();
    let active = state.active_profile().expect("active");
    assert_eq!((active.name.as_str(), active.custom, active.notice.clone()), ("某省规则", true, None));
    assert_eq!(state.promotion("2025-12-31").expect("promotion").profile.name, "某省规则");

    let national = state.profile_reset().expect("reset");
    assert_eq!((national.name.as_str(), national.custom, national.file.clone()), ("全国默认规则", false, None));
    drop(state);
    assert_eq!(scratch.state().profile().meta.name, "全国默认规则");
}

#[test]
fn a_remembered_profile_this_build_refuses_falls_back_to_the_national_one_with_a_notice() {
    let scratch = Scratch::new();
    {
        let store = Store::open(&scratch.db()).expect("db");
        store.set_setting(kaohe_store::settings::PROFILE_TEXT, "[profile]\nid = 1\n").expect("set");
        store.set_setting(kaohe_store::settings::PROFILE_FILE, "D:\\规则\\某省.toml").expect("set");
    }
    let state = scratch.state();
    let active = state.active_profile().expect("active");
    assert_eq!((active.name.as_str(), active.custom, active.file.clone()), ("全国默认规则", false, None));
    let notice = active.notice.expect("a notice");
    assert!(
        notice.starts_with("上次使用的规则文件「D:\\规则\\某省.toml」现在无法采用，已改用全国默认规则："),
        "{notice}"
    );
}

#[test]
fn a_backup_restores_a_database_that_would_not_open() {
    let scratch = Scratch::new();
    let backup = scratch.path("备份.db");
    {
        let state = scratch.state();
        state.import_sample(SAMPLE).expect("sample");
        state.backup_database(&backup).expect("backup");
    }
    // The live database is now from a newer Kaohe: refused, never modified.
    {
        let conn = migrations::Connection::open(scratch.db()).expect("sqlite");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
    }
    let refused = std::fs::read(scratch.db()).expect("read");
    let state = scratch.state();
    assert_eq!(state.open_error().map(|e| e.code), Some(ErrorCode::DatabaseTooNew));

    // A file that is no backup changes nothing, and the reason the database would not open stays.
    let text = scratch.path("说明.db");
    std::fs::write(&text, "不是数据库").expect("write");
    assert!(state.restore_check(&text).is_err());
    let before = state.open_error().expect("still refused");
    assert!(before.message.contains("由更新版本的考核软件创建"), "{}", before.message);

    state.restore_check(&backup).expect("a backup");
    let outcome = state.restore_database(at("12:00:00")).expect("restored");
    assert_eq!(outcome.people, 38);
    assert_eq!(state.open_error(), None);
    assert_eq!(counts(&state).expect("info").people, 38);
    // The refused file is kept as it was, byte for byte.
    assert_eq!(std::fs::read(&outcome.safety_copy).expect("safety copy"), refused);
}

#[test]
fn a_backup_with_a_trigger_is_refused_when_picked_and_nothing_is_pending() {
    let scratch = Scratch::new();
    let state = scratch.state();
    state.import_sample(SAMPLE).expect("sample");
    let backup = scratch.path("备份.db");
    state.backup_database(&backup).expect("backup");
    {
        let conn = migrations::Connection::open(&backup).expect("sqlite");
        conn.execute_batch(
            "CREATE TRIGGER wipe_log AFTER INSERT ON assessment_log BEGIN DELETE FROM assessment_log; END;",
        )
        .expect("trigger");
    }
    let live_before = std::fs::read(scratch.db()).expect("live db");
    let e = state.restore_check(&backup).expect_err("refused");
    assert_eq!(e.code, ErrorCode::BackupUnsafe);
    assert_eq!(
        e.message,
        format!(
            "备份「{}」的结构与考核软件的数据库不符：多出触发器「wipe_log」（在表「assessment_log」上）。这样的文件可能被改动过，为安全起见不能恢复；请选择由考核软件「立即备份」生成的备份",
            backup.display()
        )
    );
    assert_eq!(state.restore_database(at("10:00:00")).map_err(|e| e.code), Err(ErrorCode::BadArgument));
    assert!(std::fs::read(scratch.db()).expect("live db") == live_before, "the live database is unchanged");
    assert!(!scratch.db().parent().expect("dir").join("恢复前备份").exists());
}

fn password(text: &str) -> Password {
    Password::new(text).expect("not empty")
}

#[test]
fn a_database_with_a_password_opens_locked_until_the_right_one_is_given() {
    let scratch = Scratch::new();
    {
        let state = scratch.state();
        state.import_sample(SAMPLE).expect("sample");
        state.set_operator("人事科 李明").expect("operator");
        assert_eq!(state.set_database_password("", "人事科2026").expect("set"), PasswordChange::Set);
    }
    assert_eq!(Encryption::of(&scratch.db()), Encryption::Encrypted);

    let state = scratch.state();
    let lock = state.database_lock().expect("lock");
    assert!(lock.locked && lock.has_password);
    assert_eq!(lock.db_path, scratch.db().display().to_string());
    let e = counts(&state).expect_err("nothing is read while locked");
    assert_eq!(e.code, ErrorCode::PasswordRequired);
    assert_eq!(e.message, format!("数据库「{}」设置了密码，请输入密码后再打开", scratch.db().display()));

    let e = state.unlock_database("人事科2025").expect_err("a wrong password");
    assert_eq!(e.code, ErrorCode::WrongPassword);
    assert!(state.database_lock().expect("lock").locked, "still locked");
    assert_eq!(state.unlock_database("").expect_err("an empty one").code, ErrorCode::BadArgument);

    let lock = state.unlock_database("人事科2026").expect("the right one");
    assert!(!lock.locked && lock.has_password);
    assert_eq!(counts(&state).expect("open").people, 38);
    let settings = state.settings().expect("settings");
    assert!(settings.has_password);
    assert_eq!(settings.operator, "人事科 李明");
}

#[test]
fn setting_changing_and_removing_it_needs_the_current_one_and_is_logged() {
    let scratch = Scratch::new();
    let state = scratch.state();
    state.import_sample(SAMPLE).expect("sample");
    state.set_operator("人事科 李明").expect("operator");
    assert!(!state.settings().expect("settings").has_password);
    assert_eq!(state.set_database_password("", "").expect("nothing"), PasswordChange::Unchanged);
    assert_eq!(state.set_database_password("", "短密码").expect_err("too short").message, "密码至少要有 6 个字符");

    assert_eq!(state.set_database_password("", "第一个数据库密码").expect("set"), PasswordChange::Set);
    assert!(state.settings().expect("settings").has_password);
    assert_eq!(counts(&state).expect("still open").people, 38);

    let e = state.set_database_password("记错了的密码", "第二个数据库密码").expect_err("the current one is wrong");
    assert_eq!((e.code, e.message.as_str()), (ErrorCode::WrongPassword, "当前密码不对，密码没有修改"));
    assert!(Store::open_with(&scratch.db(), Some(&password("第一个数据库密码"))).is_ok(), "unchanged");
    assert_eq!(
        state.set_database_password("第一个数据库密码", "第二个数据库密码").expect("changed"),
        PasswordChange::Changed
    );
    assert!(Store::open_with(&scratch.db(), Some(&password("第二个数据库密码"))).is_ok());

    assert_eq!(state.set_database_password("", "").expect_err("removing needs it too").code, ErrorCode::WrongPassword);
    assert_eq!(state.set_database_password("第二个数据库密码", "").expect("removed"), PasswordChange::Removed);
    assert_eq!(Encryption::of(&scratch.db()), Encryption::Plain);
    assert!(!state.settings().expect("settings").has_password);

    let log = state.operation_log(Some("password"), None).expect("log");
    let entries: Vec<(Option<&str>, &str)> = log.iter().map(|o| (o.to.as_deref(), o.by.as_str())).collect();
    assert_eq!(
        entries,
        vec![(Some("取消"), "人事科 李明"), (Some("更改"), "人事科 李明"), (Some("设置"), "人事科 李明")]
    );
}

#[test]
fn a_backup_with_another_password_is_checked_with_the_one_typed_and_the_current_password_stays() {
    let scratch = Scratch::new();
    let state = scratch.state();
    state.import_sample(SAMPLE).expect("sample");
    state.set_database_password("", "备份时的数据库密码").expect("set");
    let backup = scratch.path("考核数据备份_2026-11-20.db");
    assert_eq!(state.backup_database(&backup).expect("backup").people, 38);
    assert_eq!(Encryption::of(&backup), Encryption::Encrypted);
    state.set_database_password("备份时的数据库密码", "现在的数据库密码").expect("changed since");

    // The backup's password is not the database's any more: it is asked for.
    let e = state.restore_check(&backup).expect_err("needs its own password");
    assert_eq!(e.code, ErrorCode::WrongPassword);
    assert_eq!(
        state
            .restore_database(NaiveDate::from_ymd_opt(2026, 11, 27).expect("d").and_hms_opt(10, 30, 5).expect("t"))
            .expect_err("not checked yet")
            .code,
        ErrorCode::BadArgument
    );
    state.restore_check(&backup).expect_err("picked again");
    assert_eq!(state.restore_unlock("不是这个").expect_err("wrong").code, ErrorCode::WrongPassword);
    let info = state.restore_unlock("备份时的数据库密码").expect("opens with it");
    assert_eq!(info.people, 38);

    let outcome = state
        .restore_database(NaiveDate::from_ymd_opt(2026, 11, 27).expect("d").and_hms_opt(10, 30, 5).expect("t"))
        .expect("restored");
    assert_eq!(outcome.people, 38);
    assert!(state.settings().expect("settings").has_password);
    drop(state);
    assert!(
        Store::open_with(&scratch.db(), Some(&password("现在的数据库密码"))).is_ok(),
        "the restored database keeps the current password"
    );
    let safety = PathBuf::from(outcome.safety_copy);
    assert_eq!(Encryption::of(&safety), Encryption::Encrypted, "the safety copy too");
}
