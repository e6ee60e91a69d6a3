//! `kaohe audit`: 核查 of the database's history on a day (text, `--json`, `--out` workbook),
//! and `kaohe audit mark|unmark`: a finding marked 已核实 with a reason, or the mark withdrawn.

use std::fmt::Write as _;

use kaohe_desk::audit::{self, AuditReport};

use super::{open_store, profile_of, read_store, write_json, Failure, Options, Output, USAGE};

pub(super) fn run(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    match o.positional.first().map(String::as_str) {
        Some(action @ ("mark" | "unmark")) => mark(o, action == "mark"),
        _ => report(o, sink),
    }
}

fn report(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    let as_of_text = o
        .as_of
        .as_deref()
        .ok_or_else(|| Failure::new("bad_argument", format!("audit 需要 --as-of YYYY-MM-DD\n{USAGE}"), 1))?;
    let as_of = super::date_arg("--as-of", as_of_text)?;
    let profile = profile_of(o)?;
    let report = audit::audit_report(&read_store(o)?, &profile, as_of)?;
    let mut notes = String::new();
    if let Some(out) = &o.out {
        audit::export(&report, out)?;
        let _ = writeln!(notes, "已写出核查结果：{}", out.display());
    }
    let stdout = if o.json {
        write_json(sink, &report)?;
        String::new()
    } else {
        text(&report)
    };
    Ok(Output { status: 0, stdout, stderr: notes })
}

fn text(r: &AuditReport) -> String {
    let mut s = String::new();
    let verified = r.findings.iter().filter(|e| e.mark.is_some()).count();
    let _ = writeln!(
        s,
        "核查截至{}（规则：{}）：{}人，导入记录和职级变动表中的晋升{}次；发现 {} 处（已核实 {} 处）",
        r.as_of.format("%Y年%-m月%-d日"),
        r.profile,
        r.people,
        r.promotions,
        r.findings.len(),
        verified
    );
    for c in r.counts.iter().filter(|c| c.found > 0) {
        let _ = writeln!(s, "  {}：{} 处（已核实 {}）", c.kind.label(), c.found, c.verified);
    }
    for e in &r.findings {
        let f = &e.finding;
        let state = match &e.mark {
            Some(m) => format!("已核实（{}，{} {}）", m.reason, m.by, m.at),
            None => "未核实".to_string(),
        };
        let _ = writeln!(s, "\n[{}] {}（{}），{}：{}", f.kind.label(), f.name, f.person_id, f.organ, state);
        let _ = writeln!(s, "  {}", f.reason);
        for record in &f.records {
            let _ = writeln!(s, "  · {record}");
        }
        let _ = writeln!(s, "  编号：{}", f.key);
    }
    s
}

fn mark(o: &Options, marking: bool) -> Result<Output, Failure> {
    let what = if marking { "mark" } else { "unmark" };
    let key = o
        .key
        .as_deref()
        .ok_or_else(|| Failure::new("bad_argument", format!("audit {what} 需要 --key 编号\n{USAGE}"), 1))?;
    let reason = o.reason.as_deref().unwrap_or_default();
    let by = super::assess::operator(o);
    let mut store = open_store(o)?;
    let said = if marking {
        let m = audit::mark(&mut store, key, reason, &by)?;
        format!("已标记为已核实：{}（{}，{}）\n", m.key, m.reason, m.by)
    } else if audit::unmark(&mut store, key, reason, &by)? {
        format!("已撤销核实标记：{key}\n")
    } else {
        format!("{key} 没有核实标记，未作修改\n")
    };
    Ok(Output { status: 0, stdout: said, stderr: String::new() })
}
