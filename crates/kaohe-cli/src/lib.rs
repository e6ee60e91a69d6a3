//! The command line as a function: `run(args)` returns the exit status and what would be printed,
//! so tests drive exactly what users type. Commands and the JSON they print are documented in
//! docs/cli.md, which is a contract.

use kaohe_engine::report::{months_text, PromotionReport};
use kaohe_engine::{Profile, Roster};
use kaohe_store::{Password, Store};
use kaohe_workbook::{
    read_roster, write_promotion, write_template, Issue, IssuesBeyond, RosterRead, Severity, WorkbookError,
};
use serde::Serialize;
use serde_json::json;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

mod args;
mod assess;
mod audit;
mod import;
mod print;
mod summary;
mod whatif;

pub use import::parse_mapping;

/// What a run printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Output {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// What `kaohe` alone, `kaohe help` and `kaohe --help` print: one line per command with its flags
/// (each command's own `--help` is clap's). A test holds it, and docs/cli.md's synopsis, to the
/// commands and flags clap takes (`args::tests`).
const USAGE: &str = "用法：
  kaohe template OUT.xlsx
  kaohe import FILE [--db PATH] [--profile FILE] [--sheet 工作表] [--mapping 列对应.toml] [--confirm-rename 身份证号[,…]] [--check] [--report 问题清单.xlsx] [--by 姓名] [--json]
  kaohe import 年度考核导入表.xls --year YYYY [--db PATH] [--check] [--by 姓名] [--json]   # 国家系统年度考核导入表
  kaohe promote --as-of YYYY-MM-DD (--db PATH | --roster FILE) [--profile FILE] [--out RESULT.xlsx] [--json]
  kaohe assess --year YYYY (--db PATH | --roster FILE) [--profile FILE] [--out RESULT.xlsx] [--national OUT.xlsx] [--json]
  kaohe assess override --year YYYY --id 身份证号 --grade 等次 --reason 理由 [--by 姓名] [--db PATH]
  kaohe assess supplement --year YYYY --id 身份证号 --grade 等次 --reason 结案情况 [--by 姓名] [--db PATH]   # 补定等次（立案调查结案后）
  kaohe assess ratio --year YYYY --organ 单位 --percent 25 --basis 批准文件 [--by 姓名] [--db PATH]
  kaohe assess finalize --year YYYY [--on YYYY-MM-DD] [--by 姓名] [--db PATH]
  kaohe assess reopen --year YYYY --reason 理由 [--by 姓名] [--db PATH]
  kaohe assess log --year YYYY [--db PATH] [--json]
  kaohe print --doc 文书 (--year YYYY | --as-of YYYY-MM-DD) (--db PATH | --roster FILE) [--organ 单位] [--pool 考核池] [--from YYYY-MM-DD] --out DIR
      文书：登记表、优秀公示、考核汇总、名额测算（需 --year）；晋升公示、晋升审核、职数（需 --as-of）；上报汇总（需 --year，汇总数据库 --db）
  kaohe audit --as-of YYYY-MM-DD [--db PATH] [--profile FILE] [--out 核查结果.xlsx] [--json]   # 核查历史记录
  kaohe audit mark --key 编号 --reason 核实情况 [--by 姓名] [--db PATH]
  kaohe audit unmark --key 编号 --reason 理由 [--by 姓名] [--db PATH]
  kaohe report-package --year YYYY --organ 单位 [--as-of YYYY-MM-DD] --out FILE.kaohe [--by 姓名] [--db PATH] [--profile FILE]   # 上报（须已定稿）
  kaohe receive FILE… [--replace] [--by 姓名] [--db PATH] [--json]   # 汇总：接收上报文件
  kaohe summary --year YYYY [--db PATH] [--profile FILE] [--out 汇总.xlsx] [--json]   # 汇总：各单位情况
  kaohe organs [--year YYYY] [--db PATH] [--json]   # 汇总：所辖单位名单（--year：各单位是否已上报）
  kaohe organs (--from 单位名单.xlsx | --add 单位… [--level 机构级别] | --remove 单位…) [--by 姓名] [--db PATH] [--json]
  kaohe shared-pool [--db PATH] [--list] [--json]   # 汇总：统筹职数（本地统筹，须写明依据）
  kaohe shared-pool --set 名称 --pool 职数池 --approved N --organs 单位,单位,… --source 依据 [--by 姓名] [--db PATH] [--json]
  kaohe shared-pool --remove 名称 [--by 姓名] [--db PATH] [--json]
  kaohe whatif assess|promote …   # 对比：试一项改变，列出结果因此改变的人员，不保存
  kaohe whatif assess --year YYYY (--organ 单位 --percent 25 | --tiers split|together | --other-profile FILE) [--db PATH | --roster FILE] [--profile FILE] [--json]
  kaohe whatif promote --as-of YYYY-MM-DD (--other-as-of YYYY-MM-DD | --other-profile FILE) [--db PATH | --roster FILE] [--profile FILE] [--json]
  kaohe profile [--profile FILE]
  kaohe password [--db PATH] [--remove] [--by 姓名]   # 设置、更改或取消数据库密码（新密码取自 KAOHE_DB_NEW_PASSWORD）
  kaohe 命令 --help                                  # 该命令的全部选项
  kaohe completions bash|zsh|fish|powershell|elvish   # 命令行补全脚本
设置了密码的数据库：密码取自环境变量 KAOHE_DB_PASSWORD。
";

/// A failure that ends the command: its docs/cli.md code, message and exit status.
#[derive(Debug)]
struct Failure {
    code: &'static str,
    message: String,
    status: i32,
    /// The reader's own words (often English), for a developer: in the JSON only.
    technical: Option<String>,
}

impl Failure {
    fn new(code: &'static str, message: impl Into<String>, status: i32) -> Failure {
        Failure { code, message: message.into(), status, technical: None }
    }
}

impl From<WorkbookError> for Failure {
    fn from(e: WorkbookError) -> Failure {
        let status = if matches!(e, WorkbookError::Write { .. }) { 1 } else { 2 };
        Failure { technical: e.technical().map(str::to_string), ..Failure::new(e.code(), e.to_string(), status) }
    }
}

impl From<kaohe_files::FileError> for Failure {
    fn from(e: kaohe_files::FileError) -> Failure {
        Failure::new("write_failed", e.to_string(), 1)
    }
}

impl From<kaohe_desk::DeskError> for Failure {
    fn from(e: kaohe_desk::DeskError) -> Failure {
        Failure::new(e.code().name(), e.to_string(), 1)
    }
}

impl From<kaohe_store::StoreError> for Failure {
    fn from(e: kaohe_store::StoreError) -> Failure {
        Failure::new(e.code().name(), e.to_string(), 1)
    }
}

/// What the command line asked (parsed by clap in args.rs).
#[derive(Default)]
struct Options {
    /// The command: template, import, promote, assess, print, audit, whatif, report-package, receive, summary, organs, shared-pool, profile, password.
    command: &'static str,
    positional: Vec<String>,
    db: Option<PathBuf>,
    roster: Option<PathBuf>,
    profile: Option<PathBuf>,
    out: Option<PathBuf>,
    as_of: Option<String>,
    json: bool,
    year: Option<String>,
    id: Option<String>,
    grade: Option<String>,
    reason: Option<String>,
    by: Option<String>,
    organ: Option<String>,
    percent: Option<String>,
    basis: Option<String>,
    on: Option<String>,
    national: Option<PathBuf>,
    doc: Option<String>,
    pool: Option<String>,
    from: Option<String>,
    sheet: Option<String>,
    check: bool,
    report: Option<PathBuf>,
    mapping: Option<PathBuf>,
    renames: Vec<String>,
    remove: bool,
    /// A finding's key (`kaohe audit mark --key`).
    key: Option<String>,
    /// `kaohe whatif`: the change tried.
    tiers: Option<String>,
    other_profile: Option<PathBuf>,
    other_as_of: Option<String>,
    /// `kaohe receive --replace`.
    replace: bool,
    /// `kaohe organs --add`, `--level`, `--remove` (`--from` is `from`).
    add: Vec<String>,
    level: Option<String>,
    remove_names: Vec<String>,
    /// `kaohe shared-pool --set`, `--approved`, `--organs`, `--source` (`--pool` is `pool`).
    set: Option<String>,
    approved: Option<String>,
    organs: Option<String>,
    source: Option<String>,
}

/// Runs one command line (without the program name).
pub fn run(args: &[String]) -> Output {
    let mut streamed = Vec::new();
    let mut out = run_streaming(args, &mut streamed);
    if !streamed.is_empty() {
        out.stdout = String::from_utf8_lossy(&streamed).into_owned() + &out.stdout;
    }
    out
}

/// Runs one command line, writing the large JSON reports (`promote --json`, `assess --json`) to
/// `sink` as they are made instead of into [`Output::stdout`]: the `kaohe` binary passes its
/// standard output, so that 100,000 people's report is never held twice as text. Everything
/// else is in the returned output, which comes after what went to `sink`.
pub fn run_streaming(args: &[String], sink: &mut dyn std::io::Write) -> Output {
    let json = args.iter().any(|a| a == "--json");
    match dispatch(args, sink) {
        Ok(out) => out,
        Err(f) => {
            if json {
                let mut body = json!({"error": {"code": f.code, "message": f.message}});
                if let Some(t) = &f.technical {
                    body["error"]["technical"] = json!(t);
                }
                Output { status: f.status, stdout: format!("{body:#}\n"), stderr: String::new() }
            } else {
                Output { status: f.status, stdout: String::new(), stderr: format!("错误：{}\n", f.message) }
            }
        }
    }
}

fn dispatch(args: &[String], sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    match args.first().map(String::as_str) {
        None => return Ok(Output { status: 1, stdout: String::new(), stderr: USAGE.to_string() }),
        Some("help") => return Ok(Output { status: 0, stdout: USAGE.to_string(), stderr: String::new() }),
        Some(_) => {}
    }
    let o = match args::parse(args) {
        Ok(o) => o,
        Err(done) => return done,
    };
    match o.command {
        "template" => template(&o),
        "import" => import::run(&o),
        "promote" => promote_cmd(&o, sink),
        "assess" => assess::run(&o, sink),
        "print" => print::run(&o),
        "audit" => audit::run(&o, sink),
        "whatif" => whatif::run(&o, sink),
        "report-package" => summary::make(&o),
        "receive" => summary::receive(&o, sink),
        "summary" => summary::summary(&o, sink),
        "organs" => summary::organs(&o, sink),
        "shared-pool" => summary::shared_pool(&o, sink),
        "profile" => profile_cmd(&o),
        "password" => password_cmd(&o),
        other => Err(Failure::new("bad_argument", format!("未知命令「{other}」\n{USAGE}"), 1)),
    }
}

/// The profile given by `--profile` (read as the app reads a rule file: `profile::read_file`),
/// or the national default.
pub fn load_profile(path: Option<&Path>) -> Result<Profile, (String, &'static str)> {
    let Some(path) = path else { return Ok(Profile::national()) };
    let text = kaohe_desk::profile::read_file(path).map_err(|e| (e.to_string(), "bad_argument"))?;
    kaohe_desk::profile::parse(&text)
        .map_err(|why| (format!("规则文件「{}」未采用：{why}", path.display()), "profile_invalid"))
}

/// The rules in force: `--profile`; else, for a command on a database (`--db`, or the default
/// one; not `--roster`), the local rule file the app saved in that database (its 规则 page), as the
/// app would use it; else the national default. A saved rule file this build refuses is an error
/// rather than a silent change of rules.
fn profile_of(o: &Options) -> Result<Profile, Failure> {
    if o.profile.is_some() || o.roster.is_some() {
        return load_profile(o.profile.as_deref()).map_err(|(m, code)| Failure::new(code, m, 1));
    }
    let db = o.db.clone().unwrap_or_else(kaohe_store::default_db_path);
    let Some(saved) = kaohe_store::settings::saved_profile(&db, db_password().as_ref())? else {
        return Ok(Profile::national());
    };
    kaohe_desk::profile::parse(&saved.text).map_err(|why| {
        let file = saved.file.map(|f| format!("「{f}」")).unwrap_or_default();
        Failure::new(
            "profile_invalid",
            format!("数据库「{}」中保存的规则文件{file}无法采用：{why}。请用 --profile 指定规则文件，或在软件的「规则」页改回全国默认规则", db.display()),
            1,
        )
    })
}

/// The text of the rules in force, as `profile_of` chooses them: `--profile`'s file, the rule
/// file saved in the database, or the national profile's.
fn profile_text_of(o: &Options) -> Result<String, Failure> {
    if let Some(path) = &o.profile {
        return kaohe_desk::profile::read_file(path).map_err(|e| Failure::new("bad_argument", e.to_string(), 1));
    }
    let db = o.db.clone().unwrap_or_else(kaohe_store::default_db_path);
    Ok(match kaohe_store::settings::saved_profile(&db, db_password().as_ref())? {
        Some(saved) => saved.text,
        None => kaohe_engine::profile::NATIONAL_TOML.to_string(),
    })
}

fn template(o: &Options) -> Result<Output, Failure> {
    let [out] = o.positional.as_slice() else {
        return Err(Failure::new("bad_argument", format!("template 需要一个输出文件名\n{USAGE}"), 1));
    };
    let profile = profile_of(o)?;
    write_template(Path::new(out), &profile)?;
    Ok(Output { status: 0, stdout: format!("已生成名册模板：{out}\n"), stderr: String::new() })
}

/// Reads a roster file; a file with no readable person is a failure (exit status 2).
fn read(path: &Path, profile: &Profile) -> Result<RosterRead, Failure> {
    let read = read_roster(path, profile)?;
    if read.roster.people.is_empty() {
        let first = read.first_error_text();
        return Err(Failure::new(
            "nothing_readable",
            format!(
                "文件「{}」的「{}」表中没有可导入的人员（共{}行数据）。{first}",
                path.display(),
                read.sheet,
                read.rows_read
            ),
            2,
        ));
    }
    Ok(read)
}

fn issues_text(issues: &[Issue], beyond: IssuesBeyond) -> String {
    let mut s = String::new();
    let errors = issues.iter().filter(|i| i.severity == Severity::Error).count() + beyond.errors;
    let listed = issues.iter().filter(|i| i.code != kaohe_workbook::IssueCode::TooManyIssues).count();
    let all = listed + beyond.total();
    if !issues.is_empty() {
        let _ = writeln!(
            s,
            "发现 {all} 个问题（错误 {errors} 个，所在的行未导入；提示 {} 个，所在的行已导入）：",
            all - errors
        );
        for i in issues {
            let tag = if i.severity == Severity::Error { "错误" } else { "提示" };
            let _ = writeln!(s, "  [{tag}] {}", i.message);
        }
    }
    s
}

/// The environment variable holding the database's password, when it has one.
pub const PASSWORD_VAR: &str = "KAOHE_DB_PASSWORD";
/// The environment variable holding the password `kaohe password` sets.
pub const NEW_PASSWORD_VAR: &str = "KAOHE_DB_NEW_PASSWORD";

/// The database's password (`KAOHE_DB_PASSWORD`): used for a database that has one, and to
/// create a new database with one. Never an option: a command line is visible to other users.
fn db_password() -> Option<Password> {
    std::env::var(PASSWORD_VAR).ok().and_then(|text| Password::new(&text))
}

/// The database (`--db`, else the default one), to change it.
fn open_store(o: &Options) -> Result<Store, Failure> {
    let path = o.db.clone().unwrap_or_else(kaohe_store::default_db_path);
    Ok(Store::open_with(&path, db_password().as_ref())?)
}

/// The database, to read it only: a read-only file is read, and nothing in it is written.
fn read_store(o: &Options) -> Result<Store, Failure> {
    let path = o.db.clone().unwrap_or_else(kaohe_store::default_db_path);
    Ok(Store::open_read_only_with(&path, db_password().as_ref())?)
}

/// `kaohe password`: sets or changes the database's password to `KAOHE_DB_NEW_PASSWORD`, or
/// with `--remove` removes it; the current one, if any, from `KAOHE_DB_PASSWORD`. The change is
/// recorded in the 操作日志 by the operator (`--by`, as for the committee's decisions).
fn password_cmd(o: &Options) -> Result<Output, Failure> {
    let path = o.db.clone().unwrap_or_else(kaohe_store::default_db_path);
    if !path.is_file() {
        return Err(kaohe_store::StoreError::Missing { path: path.display().to_string() }.into());
    }
    let new = match (o.remove, std::env::var(NEW_PASSWORD_VAR).ok().filter(|t| !t.is_empty())) {
        (true, None) => None,
        (false, Some(text)) => Some(Password::new_for_setting(&text)?),
        (true, Some(_)) => {
            return Err(Failure::new("bad_argument", format!("--remove 取消密码，不能同时设置 {NEW_PASSWORD_VAR}"), 1))
        }
        (false, None) => {
            return Err(Failure::new(
                "bad_argument",
                format!("请把新密码放在环境变量 {NEW_PASSWORD_VAR} 中；取消密码用 --remove"),
                1,
            ))
        }
    };
    let mut store = open_store(o)?;
    let had = store.has_password();
    store.change_password_as(new.as_ref(), &assess::operator(o))?;
    let said = match (had, new.is_some()) {
        (false, true) => "已为数据库设置密码",
        (true, true) => "已更改数据库密码",
        (true, false) => "已取消数据库密码",
        (false, false) => "数据库本来就没有密码，未作修改",
    };
    Ok(Output { status: 0, stdout: format!("{said}：{}\n", path.display()), stderr: String::new() })
}

/// Writes `body` as pretty JSON and a line break to `sink`, buffered. A reader that stops
/// reading (`| head`) is not an error.
pub(crate) fn write_json(sink: &mut dyn std::io::Write, body: &impl Serialize) -> Result<(), Failure> {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, sink);
    let written = serde_json::to_writer_pretty(&mut out, body)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::new("write_failed", format!("无法写出结果：{e}"), 1))
        }
        _ => Ok(()),
    }
}

#[derive(Serialize)]
struct PromoteJson<'a> {
    #[serde(flatten)]
    report: &'a PromotionReport,
    issues: &'a [Issue],
    /// Issues past the cap, counted: not written when there are none.
    #[serde(skip_serializing_if = "is_zero")]
    issues_beyond: IssuesBeyond,
}

fn is_zero(b: &IssuesBeyond) -> bool {
    b.total() == 0
}

/// A refusal of what the clerk typed on the command line (exit status 1).
pub(crate) fn bad(message: impl Into<String>) -> Failure {
    Failure::new("bad_argument", message, 1)
}

/// The date given with `flag`, or a refusal that says how to write one.
pub(crate) fn date_arg(flag: &str, text: &str) -> Result<chrono::NaiveDate, Failure> {
    kaohe_engine::dates::parse_ymd(text)
        .ok_or_else(|| bad(format!("{flag} 的日期「{text}」无效，应写作 YYYY-MM-DD，如 2025-12-31")))
}

fn promote_cmd(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    let as_of_text = o
        .as_of
        .as_deref()
        .ok_or_else(|| Failure::new("bad_argument", format!("promote 需要 --as-of YYYY-MM-DD\n{USAGE}"), 1))?;
    let as_of = date_arg("--as-of", as_of_text)?;
    if o.db.is_some() && o.roster.is_some() {
        return Err(Failure::new("bad_argument", "--db 与 --roster 只能选一个", 1));
    }
    let profile = profile_of(o)?;
    let (roster, issues, beyond): (Roster, Vec<Issue>, IssuesBeyond) = match &o.roster {
        Some(file) => {
            let read = read(file, &profile)?;
            (read.roster, read.issues, read.issues_beyond)
        }
        None => (read_store(o)?.load_roster()?, Vec::new(), IssuesBeyond::default()),
    };
    let (result, report) = kaohe_desk::promotion_report(&roster, &profile, as_of);
    let mut notes = String::new();
    for (i, why) in &result.undecided {
        let _ = writeln!(notes, "提示：{}（{}）：{why}", roster.people[*i].name, roster.people[*i].id);
    }
    if let Some(out) = &o.out {
        write_promotion(out, &report)?;
        let _ = writeln!(notes, "已写出结果工作簿：{}", out.display());
    }
    let stdout = if o.json {
        write_json(sink, &PromoteJson { report: &report, issues: &issues, issues_beyond: beyond })?;
        String::new()
    } else {
        promote_text(&report, &issues, beyond)
    };
    Ok(Output { status: 0, stdout, stderr: notes })
}

fn promote_text(r: &PromotionReport, issues: &[Issue], beyond: IssuesBeyond) -> String {
    let mut s = String::new();
    let eligible = r.people.iter().filter(|p| p.eligible).count();
    let _ = writeln!(
        s,
        "职级晋升资格（截至{}，规则：{} {}）：共 {} 人，符合资格 {} 人。",
        r.as_of,
        r.profile.name,
        r.profile.version,
        r.people.len(),
        eligible
    );
    for p in &r.people {
        let target = p.target_rank.as_deref().unwrap_or("—");
        let need = p.required_months.map(months_text).unwrap_or_else(|| "—".into());
        let verdict = if p.eligible {
            "符合".to_string()
        } else {
            p.reasons.last().map(ToString::to_string).unwrap_or_default()
        };
        let _ = writeln!(
            s,
            "  {} {} {} → {}：已计{}，需{}；{}",
            p.name,
            p.organ,
            p.rank,
            target,
            months_text(p.counted_months),
            need,
            verdict
        );
    }
    for pool in &r.pools {
        let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_else(|| "未核定".into());
        let _ = writeln!(
            s,
            "  职数 {}「{}」：核定 {}，实有 {}，空缺 {}，符合条件 {} 人，拟列入 {} 人",
            pool.organ,
            pool.pool,
            n(pool.approved),
            pool.held,
            n(pool.free),
            pool.candidates.len(),
            pool.proposed.len()
        );
    }
    s.push_str(&issues_text(issues, beyond));
    s
}

fn profile_cmd(o: &Options) -> Result<Output, Failure> {
    let profile = profile_of(o)?;
    let body = serde_json::to_string_pretty(&profile).map_err(|e| Failure::new("write_failed", e.to_string(), 1))?;
    Ok(Output { status: 0, stdout: format!("{body}\n"), stderr: String::new() })
}
