//! The shell's contract, checked without a window: the error codes the UI mirrors, the command
//! grants and CSP in the configuration, and each command body over a real database.

use std::path::{Path, PathBuf};

use kaohe_app::error::{ErrorCode, CommandError};
use kaohe_app::state::AppState;

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn ui_mirrors_the_error_codes() {
    let types = read(&crate_dir().join("../ui/src/api/types.ts"));
    let start = types.find("ERROR_CODES = [").expect("ERROR_CODES in types.ts");
    let list = &types[start..];
    let list = &list[list.find('[').expect("[") + 1..list.find(']').expect("]")];
    let in_ts: Vec<String> =
        list.split(',').map(|s| s.trim().trim_matches('\'').to_owned()).filter(|s| !s.is_empty()).collect();
    let in_rust: Vec<String> = ErrorCode::ALL
        .iter()
        .map(|c| serde_json::to_value(c).expect("code").as_str().expect("string").to_owned())
        .collect();
    assert_eq!(in_ts, in_rust, "ui/src/api/types.ts ERROR_CODES must list ErrorCode's variants in order");
}

#[test]
fn capability_grants_exactly_the_commands() {
    let capability = json(&crate_dir().join("capabilities/default.json"));
    let granted: Vec<&str> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("permission identifiers only, no scopes"))
        .collect();
    let expected: Vec<String> = kaohe_app::COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    assert_eq!(granted, expected);
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
}

#[test]
fn window_and_csp_are_as_designed() {
    let conf = json(&crate_dir().join("tauri.conf.json"));
    let window = &conf["app"]["windows"][0];
    assert_eq!(window["title"], "考核 Kaohe");
    assert_eq!((window["width"].as_u64(), window["height"].as_u64()), (Some(1280), Some(800)));
    let csp = conf["app"]["security"]["csp"].as_object().expect("csp set");
    for (directive, sources) in csp {
        let sources = sources.as_str().expect("text");
        assert!(!sources.contains("unsafe"), "{directive} allows {sources}");
        assert!(!sources.contains('*'), "{directive} allows {sources}");
    }
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["default-src"], "'self'");
}

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
    fn state(&self, selftest: Option<PathBuf>) -> AppState {
        AppState::open("考核 Kaohe", "0.1.0", self.path("data/kaohe.db"), selftest)
    }
}

#[test]
fn sample_import_fills_the_database_and_promotion_reads_it() {
    let scratch = Scratch::new();
    let state = scratch.state(None);
    assert_eq!(state.open_error(), None);

    let info = state.app_info().expect("app_info");
    assert_eq!(info.db_path, scratch.path("data/kaohe.db").display().to_string());
    assert_eq!((info.people, info.organs, info.results), (0, 0, 0));
    assert!(!info.selftest);

    let outcome = state.import_sample().expect("import_sample");
    assert_eq!((outcome.people, outcome.organs), (38, 3));
    assert_eq!((outcome.new_people, outcome.updated_people), (38, 0));
    let info = state.app_info().expect("app_info");
    assert_eq!((info.people, info.organs, info.results), (38, 3, outcome.results));

    let again = state.import_sample().expect("second import");
    assert_eq!((again.new_people, again.updated_people), (0, 0));

    let report = state.promotion("2025-12-31").expect("promotion");
    assert_eq!(report.as_of.to_string(), "2025-12-31");
    assert_eq!(report.people.len(), 38);
    let first = &report.people[0];
    assert_eq!((first.name.as_str(), first.organ.as_str()), ("田建国", "某市财政局"));
    assert_eq!((first.rank.as_str(), first.target_rank.as_deref()), ("二级主任科员", Some("一级主任科员")));
    let json = serde_json::to_value(&report).expect("serializable");
    assert_eq!(json["people"][0]["counting_from"], "2019-01-28");
}

#[test]
fn a_bad_date_is_a_bad_argument() {
    let scratch = Scratch::new();
    let e = scratch.state(None).promotion("2025-02-30").expect_err("no such day");
    assert_eq!(e, CommandError::new(ErrorCode::BadArgument, "日期「2025-02-30」无效，应为 YYYY-MM-DD"));
}

#[test]
fn a_foreign_file_is_refused_as_a_database_error() {
    let scratch = Scratch::new();
    let path = scratch.path("notes.db");
    std::fs::write(&path, "这不是数据库".repeat(200)).expect("write");
    let state = AppState::open("考核 Kaohe", "0.1.0", path, None);
    let e = state.app_info().expect_err("refused");
    assert_eq!(e.code, ErrorCode::Database);
    assert_eq!(state.open_error().map(|e| e.code), Some(ErrorCode::Database));
}

#[test]
fn selftest_report_writes_only_when_asked() {
    let scratch = Scratch::new();
    let e = scratch.state(None).selftest_report("考核 Kaohe").expect_err("not enabled");
    assert_eq!(e.code, ErrorCode::BadArgument);

    let report = scratch.path("report.txt");
    scratch.state(Some(report.clone())).selftest_report("考核 Kaohe\n人员 0").expect("written");
    assert_eq!(read(&report), "考核 Kaohe\n人员 0");
}
