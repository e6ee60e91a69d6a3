//! The database's password in the app, over real temporary databases: a database with one opens
//! locked and the window's unlock takes only the right one; 设置 sets, changes and removes it (the
//! current one required, each change in the 操作日志); a backup with another password is checked
//! with the one the clerk types, and the restored database keeps the current password.

use std::path::PathBuf;

use chrono::NaiveDate;
use kaohe_app::error::ErrorCode;
use kaohe_app::password::PasswordChange;
use kaohe_app::state::AppState;
use kaohe_store::{Encryption, Password, Store};

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
    fn state(&self) -> AppState {
        AppState::open("考核 Kaohe", "0.1.0", self.db(), None)
    }
}

fn password(text: &str) -> Password {
    Password::new(text).expect("not empty")
}

#[test]
fn a_database_with_a_password_opens_locked_until_the_right_one_is_given() {
    let scratch = Scratch::new();
    {
        let state = scratch.state();
        state.import_sample().expect("sample");
        state.set_operator("人事科 李明").expect("operator");
        assert_eq!(state.set_database_password("", "人事科2026").expect("set"), PasswordChange::Set);
    }
    assert_eq!(Encryption::of(&scratch.db()), Encryption::Encrypted);

    let state = scratch.state();
    let lock = state.database_lock().expect("lock");
    assert!(lock.locked && lock.has_password);
    assert_eq!(lock.db_path, scratch.db().display().to_string());
    let e = state.app_info().expect_err("nothing is read while locked");
    assert_eq!(e.code, ErrorCode::PasswordRequired);
    assert_eq!(e.message, format!("数据库「{}」设置了密码，请输入密码后再打开", scratch.db().display()));

    let e = state.unlock_database("人事科2025").expect_err("a wrong password");
    assert_eq!(e.code, ErrorCode::WrongPassword);
    assert!(state.database_lock().expect("lock").locked, "still locked");
    assert_eq!(state.unlock_database("").expect_err("an empty one").code, ErrorCode::BadArgument);

    let lock = state.unlock_database("人事科2026").expect("the right one");
    assert!(!lock.locked && lock.has_password);
    assert_eq!(state.app_info().expect("open").people, 38);
    let settings = state.settings().expect("settings");
    assert!(settings.has_password);
    assert_eq!(settings.operator, "人事科 李明");
}

#[test]
fn setting_changing_and_removing_it_needs_the_current_one_and_is_logged() {
    let scratch = Scratch::new();
    let state = scratch.state();
    state.import_sample().expect("sample");
    state.set_operator("人事科 李明").expect("operator");
    assert!(!state.settings().expect("settings").has_password);
    assert_eq!(state.set_database_password("", "").expect("nothing"), PasswordChange::Unchanged);
    assert_eq!(state.set_database_password("", "短密码").expect_err("too short").message, "密码至少要有 6 个字符");

    assert_eq!(state.set_database_password("", "第一个数据库密码").expect("set"), PasswordChange::Set);
    assert!(state.settings().expect("settings").has_password);
    assert_eq!(state.app_info().expect("still open").people, 38);

    let e = state.set_database_password("记错了的密码", "第二个数据库密码").expect_err("the current one is wrong");
    assert_eq!((e.code, e.message.as_str()), (ErrorCode::WrongPassword, "当前密码不对，密码没有修改"));
    assert!(Store::open_with(&scratch.db(), Some(&password("第一个数据库密码"))).is_ok(), "unchanged");
    assert_eq!(state.set_database_password("第一个数据库密码", "第二个数据库密码").expect("changed"), PasswordChange::Changed);
    assert!(Store::open_with(&scratch.db(), Some(&password("第二个数据库密码"))).is_ok());

    assert_eq!(state.set_database_password("", "").expect_err("removing needs it too").code, ErrorCode::WrongPassword);
    assert_eq!(state.set_database_password("第二个数据库密码", "").expect("removed"), PasswordChange::Removed);
    assert_eq!(Encryption::of(&scratch.db()), Encryption::Plain);
    assert!(!state.settings().expect("settings").has_password);

    let log = state.operation_log(Some("password"), None).expect("log");
    let entries: Vec<(Option<&str>, &str)> = log.iter().map(|o| (o.to.as_deref(), o.by.as_str())).collect();
    assert_eq!(entries, vec![(Some("取消"), "人事科 李明"), (Some("更改"), "人事科 李明"), (Some("设置"), "人事科 李明")]);
}

#[test]
fn a_backup_with_another_password_is_checked_with_the_one_typed_and_the_current_password_stays() {
    let scratch = Scratch::new();
    let state = scratch.state();
    state.import_sample().expect("sample");
    state.set_database_password("", "备份时的数据库密码").expect("set");
    let backup = scratch.path("考核数据备份_2026-11-20.db");
    assert_eq!(state.backup_database(&backup).expect("backup").people, 38);
    assert_eq!(Encryption::of(&backup), Encryption::Encrypted);
    state.set_database_password("备份时的数据库密码", "现在的数据库密码").expect("changed since");

    // The backup's password is not the database's any more: it is asked for.
    let e = state.restore_check(&backup).expect_err("needs its own password");
    assert_eq!(e.code, ErrorCode::WrongPassword);
    assert_eq!(
        state.restore_database(NaiveDate::from_ymd_opt(2026, 11, 27).expect("d").and_hms_opt(10, 30, 5).expect("t")).expect_err("not checked yet").code,
        ErrorCode::BadArgument
    );
    state.restore_check(&backup).expect_err("picked again");
    assert_eq!(state.restore_unlock("不是这个").expect_err("wrong").code, ErrorCode::WrongPassword);
    let info = state.restore_unlock("备份时的数据库密码").expect("opens with it");
    assert_eq!(info.people, 38);

    let outcome = state.restore_database(NaiveDate::from_ymd_opt(2026, 11, 27).expect("d").and_hms_opt(10, 30, 5).expect("t")).expect("restored");
    assert_eq!(outcome.people, 38);
    assert!(state.settings().expect("settings").has_password);
    drop(state);
    assert!(Store::open_with(&scratch.db(), Some(&password("现在的数据库密码"))).is_ok(), "the restored database keeps the current password");
    let safety = PathBuf::from(outcome.safety_copy);
    assert_eq!(Encryption::of(&safety), Encryption::Encrypted, "the safety copy too");
}
