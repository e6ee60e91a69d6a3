//! The shell's contract, checked without a window: the command grants and CSP in the
//! configuration, and what the shell adds to kaohe-desk's session over a real database (app_info,
//! the sample roster it carries, the self-test report, the print previews' files). The commands'
//! bodies are kaohe-desk's `Session`, tested in crates/kaohe-desk/tests/session.rs.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kaohe_app::error::ErrorCode;
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

/// The grants are written by hand, to be read in review, and held here to the one list of
/// commands (src/command_list.rs): each command granted, in its order, and nothing else.
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
fn a_foreign_file_is_refused_as_a_database_error() {
    let scratch = Scratch::new();
    let path = scratch.path("notes.db");
    std::fs::write(&path, "这不是数据库".repeat(200)).expect("write");
    let state = AppState::open("考核 Kaohe", "0.1.0", path, None);
    let e = state.app_info().expect_err("refused");
    assert_eq!(e.code, ErrorCode::NotAKaoheDatabase);
    assert_eq!(state.open_error().map(|e| e.code), Some(ErrorCode::NotAKaoheDatabase));
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

#[test]
fn print_previews_are_for_their_owner_only_and_do_not_outlive_their_window() {
    use kaohe_app::state::PreviewRequest as PrintRequest;
    let scratch = Scratch::new();
    let state = scratch.state(None);
    state.import_sample().expect("import_sample");
    let dir = scratch.path("cache/print");
    let today = NaiveDate::from_ymd_opt(2026, 1, 12).expect("date");
    let request = PrintRequest { doc: "考核汇总".into(), year: Some(2025), ..PrintRequest::default() };
    let written = state.print_preview(&dir, &request, today).expect("考核汇总");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| format!("{:o}", std::fs::metadata(p).expect("meta").permissions().mode() & 0o777);
        assert_eq!(mode(Path::new(&written.path)), "600", "the preview holds names and grades");
        assert_eq!(mode(&dir), "700");
        assert_eq!(mode(&scratch.path("cache")), "700");
    }
    // What the window showed, and what a crash left (a partial file), go when the window closes
    // or the app starts; the folder stays.
    std::fs::write(dir.join(".考核汇总.html.x1.partial"), "半个文件").expect("partial");
    kaohe_app::preview::remove_files(&dir);
    assert_eq!(std::fs::read_dir(&dir).expect("folder").count(), 0);
    kaohe_app::preview::remove_files(&scratch.path("没有这个文件夹"));
}

/// The 所辖单位 commands as the shell answers them: an organ added, listed with whether the year's
/// package came, removed; one people belong to refused with its code.
#[test]
fn the_supervised_organs_commands_keep_the_list() {
    let scratch = Scratch::new();
    let state = scratch.state(None);
    let added = state.supervised_add("某县财政局", Some("县"), "王芳").expect("added");
    assert_eq!(added.added, ["某县财政局"]);
    let listed = state.supervised_organs(2025).expect("listed");
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].level.as_deref(), listed[0].people, listed[0].received), (Some("县"), 0, false));
    let refused = state.supervised_add("某县审计局", None, "").expect_err("no operator");
    assert_eq!(refused.code, ErrorCode::BadArgument);
    state.import_sample().expect("import_sample");
    let in_use = state.supervised_remove("某市财政局", "王芳").expect_err("people belong to it");
    assert_eq!(in_use.code, ErrorCode::OrganInUse);
    assert_eq!(state.supervised_remove("某县财政局", "王芳").expect("removed").removed, ["某县财政局"]);
}
