//! `kaohe assess`: the year's assessment, and the committee's decisions on a database
//! (override, ratio, finalize, reopen, log). docs/assessment.md is the method, docs/cli.md the
//! JSON.

use super::{bad, open_store, profile_of, read, read_store, Failure, Options, Output};
use kaohe_desk::{committee, DeskError};
use kaohe_engine::assessment::report::{flag_label, kind_label, AssessmentReport};
use kaohe_engine::assessment::Decisions;
use kaohe_engine::{Grade, GradeName, NationalCode, Profile, Roster};
use kaohe_workbook::{write_assessment, write_national_results, Issue};
use serde::Serialize;
use serde_json::json;
use std::fmt::Write as _;

pub(super) fn year_of(o: &Options) -> Result<i32, Failure> {
    year_text(o.year.as_deref().ok_or_else(|| bad("需要 --year YYYY，如 --year 2025"))?)
}

/// `--year` of every command (assess, print): a year within the range the app takes too.
pub(super) fn year_text(text: &str) -> Result<i32, Failure> {
    kaohe_engine::dates::parse_year(text)
        .ok_or_else(|| bad(format!("--year 的年度「{text}」无效，应为四位年份，如 2025")))
}

pub(super) fn operator(o: &Options) -> String {
    o.by.clone()
        .or_else(|| std::env::var("KAOHE_OPERATOR").ok())
        .or_else(|| std::env::var("USERNAME").ok())
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "未署名".to_string())
}

pub(super) fn run(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    match o.positional.first().map(String::as_str) {
        None => compute(o, sink),
        Some("override") => override_grade(o),
        Some("supplement") => supplement(o),
        Some("ratio") => ratio(o),
        Some("finalize") => finalize(o),
        Some("reopen") => reopen(o),
        Some("log") => log(o),
        Some(other) => Err(bad(format!(
            "未知的 assess 子命令「{other}」（可用 override、supplement、ratio、finalize、reopen、log）"
        ))),
    }
}

/// The roster, the committee's decisions and any import issues, from a file or the database.
pub(super) fn inputs(o: &Options, profile: &Profile, year: i32) -> Result<(Roster, Decisions, Vec<Issue>), Failure> {
    if o.db.is_some() && o.roster.is_some() {
        return Err(bad("--db 与 --roster 只能选一个"));
    }
    match &o.roster {
        Some(file) => {
            let r = read(file, profile)?;
            Ok((r.roster, Decisions::default(), r.issues))
        }
        None => {
            let store = read_store(o)?;
            Ok((store.load_roster()?, store.decisions(year)?, Vec::new()))
        }
    }
}

#[derive(Serialize)]
struct AssessJson<'a> {
    #[serde(flatten)]
    report: &'a AssessmentReport,
    issues: &'a [Issue],
}

fn compute(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    let year = year_of(o)?;
    let profile = profile_of(o)?;
    let (roster, decisions, issues) = inputs(o, &profile, year)?;
    let (_, report) = kaohe_desk::assessment_report(&roster, &profile, year, &decisions);
    let mut notes = String::new();
    if let Some(out) = &o.out {
        write_assessment(out, &report)?;
        let _ = writeln!(notes, "已写出考核结果工作簿：{}", out.display());
    }
    if let Some(out) = &o.national {
        write_national_results(out, &report)?;
        let _ = writeln!(notes, "已写出国家系统年度考核导入表：{}", out.display());
    }
    let stdout = if o.json {
        super::write_json(sink, &AssessJson { report: &report, issues: &issues })?;
        String::new()
    } else {
        text(&report, &issues)
    };
    Ok(Output { status: 0, stdout, stderr: notes })
}

fn text(r: &AssessmentReport, issues: &[Issue]) -> String {
    let mut s = String::new();
    let state = match r.finalized_on {
        Some(d) => format!("已于{d}定稿"),
        None => "未定稿".to_string(),
    };
    let _ = writeln!(
        s,
        "{}年度考核（规则：{} {}，{state}）：共 {} 人，{} 个考核池。",
        r.year,
        r.profile.name,
        r.profile.version,
        r.people.len(),
        r.pools.len()
    );
    for pool in &r.pools {
        let _ = writeln!(
            s,
            "【{}·{}】{}；建议优秀 {} 人，最终优秀 {} 人",
            pool.organ, pool.pool, pool.arithmetic, pool.excellent, pool.final_excellent
        );
        if !pool.tied_at_line.is_empty() {
            let _ = writeln!(s, "  名额线同分，待考核委员会决定：{}", pool.tied_at_line.join("、"));
        }
        for c in &pool.regular_checks {
            let _ =
                writeln!(s, "  平时考核 {}：{} 人中“好”{} 人，超过上限 {} 人", c.period, c.recorded, c.good, c.limit);
        }
        for p in r.people.iter().filter(|p| p.organ == pool.organ && p.pool == pool.pool) {
            let score = p.score.map(|v| format!("{v:.2}")).unwrap_or_else(|| "—".into());
            let flags: Vec<&str> = p.flags.iter().map(|f| flag_label(*f)).collect();
            let _ = writeln!(
                s,
                "  {} {} 得分 {score} 建议 {} 最终 {} 代码 {}{}",
                p.name,
                p.rank,
                p.suggested.map_or("—", GradeName::name),
                p.final_grade.map_or("待定", GradeName::name),
                p.code.map_or("—", NationalCode::code),
                if flags.is_empty() { String::new() } else { format!("（{}）", flags.join("、")) }
            );
        }
    }
    if !r.consequences.is_empty() {
        let _ = writeln!(s, "结果运用：");
        for c in &r.consequences {
            let due = c.due.map(|d| format!("（{d}）")).unwrap_or_default();
            let _ = writeln!(s, "  {} {}{due}：{}", c.name, kind_label(c.kind), c.reason);
        }
    }
    s.push_str(&super::issues_text(issues, kaohe_workbook::IssuesBeyond::default()));
    s
}

fn need_db(o: &Options) -> Result<(), Failure> {
    if o.roster.is_some() {
        return Err(bad("考核委员会的决定只能记录在数据库中：请用 --db（或不写，使用默认数据库），不要用 --roster"));
    }
    Ok(())
}

/// A refusal of the committee's commands; a missing reason names the flag that gives it.
fn refused(flag: &str) -> impl Fn(DeskError) -> Failure + '_ {
    move |e| {
        let hint =
            if matches!(e, DeskError::ReasonRequired(_)) { format!("：请用 {flag} 写明") } else { String::new() };
        Failure::new(e.code().name(), format!("{e}{hint}"), 1)
    }
}

/// The person and the grade of a grade decision (修改等次, 补定等次).
fn grade_decision(o: &Options) -> Result<(String, Grade), Failure> {
    need_db(o)?;
    let id = o.id.as_deref().map(kaohe_engine::id_number::normalize).ok_or_else(|| bad("需要 --id 身份证号"))?;
    let grade = o.grade.as_deref().ok_or_else(|| bad("需要 --grade 等次（优秀、称职、基本称职、不称职）"))?;
    Ok((id, committee::grade(grade)?))
}

fn override_grade(o: &Options) -> Result<Output, Failure> {
    let (id, grade) = grade_decision(o)?;
    let (year, profile, mut store) = (year_of(o)?, profile_of(o)?, open_store(o)?);
    let reason = o.reason.as_deref().unwrap_or_default();
    let done = committee::override_grade(&mut store, &profile, year, &id, grade, reason, &operator(o))
        .map_err(refused("--reason"))?;
    let from = done.from.map(Grade::name).unwrap_or("待定");
    Ok(Output {
        status: 0,
        stdout: format!(
            "已记录：{}（{id}）{year}年度等次由{from}改为{}，理由：{}\n",
            done.name,
            grade.name(),
            reason.trim()
        ),
        stderr: String::new(),
    })
}

/// 补定等次: the grade of a person the year left 5B, once the investigation closed.
fn supplement(o: &Options) -> Result<Output, Failure> {
    let (id, grade) = grade_decision(o)?;
    let (year, profile, mut store) = (year_of(o)?, profile_of(o)?, open_store(o)?);
    let reason = o.reason.as_deref().unwrap_or_default();
    let name = committee::supplement_grade(&mut store, &profile, year, &id, grade, reason, &operator(o))
        .map_err(refused("--reason"))?;
    Ok(Output {
        status: 0,
        stdout: format!("已记录：{name}（{id}）{year}年度补定等次为{}，理由：{}\n", grade.name(), reason.trim()),
        stderr: String::new(),
    })
}

fn ratio(o: &Options) -> Result<Output, Failure> {
    need_db(o)?;
    let year = year_of(o)?;
    let profile = profile_of(o)?;
    let organ = o.organ.as_deref().ok_or_else(|| bad("需要 --organ 单位名称"))?;
    let pct = committee::percent(o.percent.as_deref().ok_or_else(|| bad("需要 --percent 比例，如 25"))?)?;
    let basis = o.basis.as_deref().unwrap_or_default();
    let mut store = open_store(o)?;
    committee::approve_ratio(&mut store, &profile, year, organ, pct, basis, &operator(o))
        .map_err(refused("--basis"))?;
    Ok(Output {
        status: 0,
        stdout: format!("已记录：{}{year}年度优秀比例 {pct}%，依据：{}\n", organ.trim(), basis.trim()),
        stderr: String::new(),
    })
}

fn finalize(o: &Options) -> Result<Output, Failure> {
    need_db(o)?;
    let on = match &o.on {
        Some(t) => super::date_arg("--on", t)?,
        None => chrono::Local::now().date_naive(),
    };
    let year = year_of(o)?;
    let profile = profile_of(o)?;
    let mut store = open_store(o)?;
    let n = committee::finalize(&mut store, &profile, year, on, &operator(o))?;
    Ok(Output {
        status: 0,
        stdout: format!("{year}年度考核已定稿（{on}），{n} 人的结果已记入年度考核记录。\n"),
        stderr: String::new(),
    })
}

fn reopen(o: &Options) -> Result<Output, Failure> {
    need_db(o)?;
    let year = year_of(o)?;
    let reason = o.reason.as_deref().unwrap_or_default();
    let mut store = open_store(o)?;
    committee::reopen(&mut store, year, reason, &operator(o)).map_err(refused("--reason"))?;
    Ok(Output {
        status: 0,
        stdout: format!("{year}年度考核已重新打开，理由：{}\n", reason.trim()),
        stderr: String::new(),
    })
}

fn log(o: &Options) -> Result<Output, Failure> {
    let year = year_of(o)?;
    let store = read_store(o)?;
    let entries = committee::log(&store, year)?;
    let stdout = if o.json {
        format!("{:#}\n", json!({ "year": year, "log": entries }))
    } else {
        let mut s = format!("{year}年度考核操作记录：\n");
        for e in &entries {
            let _ = writeln!(
                s,
                "  {} {} {} {}{} → {}{}",
                e.at,
                e.by,
                e.action,
                e.person_id.as_deref().map(|p| format!("{p} ")).unwrap_or_default(),
                e.from.as_deref().unwrap_or("—"),
                e.to.as_deref().unwrap_or("—"),
                e.reason.as_deref().map(|r| format!("，理由：{r}")).unwrap_or_default()
            );
        }
        s
    };
    Ok(Output { status: 0, stdout, stderr: String::new() })
}
