//! `kaohe report-package` (上报: an organ's finalised year as one file), `kaohe receive` (汇总:
//! packages received, each verified first), `kaohe organs` (the 所辖单位 list) and `kaohe summary`
//! (汇总 of a year) — kaohe-desk's `summary` and `organs` use cases.

use std::fmt::Write as _;

use kaohe_desk::organs::{self, OrganChange};
use kaohe_desk::shared_slots::{self, SharedPoolRequest};
use kaohe_desk::summary::{self, MakeRequest, Receipts, Summary};

use super::assess::{operator, year_of};
use super::{bad, open_store, profile_of, profile_text_of, read_store, write_json, Failure, Options, Output};

/// `kaohe report-package`.
pub(super) fn make(o: &Options) -> Result<Output, Failure> {
    let year = year_of(o)?;
    let organ = o.organ.as_deref().ok_or_else(|| bad("report-package 需要 --organ 单位"))?;
    let out = o.out.as_ref().ok_or_else(|| bad("report-package 需要 --out FILE.kaohe"))?;
    let as_of = match o.as_of.as_deref() {
        Some(text) => Some(super::date_arg("--as-of", text)?),
        None => None,
    };
    let (profile, text) = (profile_of(o)?, profile_text_of(o)?);
    let by = operator(o);
    let made_at = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
    let request = MakeRequest { organ, year, as_of, profile_text: &text, by: &by, made_at: &made_at };
    let (manifest, bytes) = summary::make_package(&read_store(o)?, &profile, &request)?;
    // A document the clerk passes on, as a result workbook is.
    kaohe_files::write_replacing(out, kaohe_files::Access::Ordinary, |partial| {
        std::fs::write(partial, &bytes).map_err(|e| Failure::from(kaohe_files::FileError::new(out, e)))
    })?;
    let stdout = format!(
        "已生成上报文件：{}（{} KB）\n{}{}年度（{}定稿），晋升人选计算至{}，规则：{} {}\n",
        out.display(),
        bytes.len().div_ceil(1024),
        manifest.organ,
        manifest.year,
        manifest.finalized_on,
        manifest.as_of,
        manifest.profile.name,
        manifest.profile.version,
    );
    Ok(Output { status: 0, stdout, stderr: String::new() })
}

/// `kaohe receive FILE…`: every file read first; the refused ones listed, exit status 1 if any.
pub(super) fn receive(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    let (mut files, mut unreadable) = (Vec::new(), Vec::new());
    for name in &o.positional {
        match std::fs::read(name) {
            Ok(bytes) => files.push((name.clone(), bytes)),
            Err(e) => unreadable.push(kaohe_desk::summary::Refusal::unreadable(name, &e)),
        }
    }
    let profile = profile_of(o)?;
    let mut store = open_store(o)?;
    let mut receipts = summary::receive(&mut store, &profile, &files, o.replace, &operator(o))?;
    receipts.refused.extend(unreadable);
    let status = if receipts.refused.is_empty() { 0 } else { 1 };
    if o.json {
        write_json(sink, &receipts)?;
        return Ok(Output { status, ..Output::default() });
    }
    Ok(Output { status, stdout: receipts_text(&receipts), stderr: String::new() })
}

fn receipts_text(r: &Receipts) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "接收 {} 个，未接收 {} 个。", r.received.len(), r.refused.len());
    for x in &r.received {
        let replaced = x.replaced.as_ref().map(|f| format!("，替换了此前接收的「{f}」")).unwrap_or_default();
        let _ = writeln!(s, "已接收：{}（{}{}年度，{}人{replaced}）", x.file, x.organ, x.year, x.people);
        for c in &x.conflicts {
            let _ = writeln!(s, "  冲突：{c}");
        }
    }
    for x in &r.refused {
        let _ = writeln!(s, "未接收：{}", x.message);
    }
    s
}

/// `kaohe summary --year`.
pub(super) fn summary(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    let year = year_of(o)?;
    let profile = profile_of(o)?;
    let summary = summary::summary(&read_store(o)?, &profile, year)?;
    let mut notes = String::new();
    if let Some(out) = &o.out {
        summary::export_summary(&summary, out)?;
        let _ = writeln!(notes, "已写出汇总工作簿：{}", out.display());
    }
    if o.json {
        write_json(sink, &summary)?;
        return Ok(Output { stderr: notes, ..Output::default() });
    }
    Ok(Output { status: 0, stdout: summary_text(&summary), stderr: notes })
}

fn summary_text(x: &Summary) -> String {
    let mut s = String::new();
    let t = &x.totals;
    let _ = writeln!(
        s,
        "{}年度汇总（规则：{}）：{}个单位已上报，{}人（计算优秀比例的参加人数{}），优秀{}人（{}%，名额{}），基本称职{}人，不称职{}人，不定等次等{}人；符合晋升条件{}人，拟晋升{}人",
        x.year, x.profile, t.organs, t.people, t.participants, t.grades.excellent, t.excellent_percent, t.quota,
        t.grades.basically_competent, t.grades.incompetent, t.grades.ungraded, t.eligible, t.proposed
    );
    for o in &x.organs {
        let _ = writeln!(
            s,
            "  {}：{}人（计算优秀比例的参加人数{}），优秀{}（名额{}，{}%），称职{}，基本称职{}，不称职{}，不定等次{}；符合晋升条件{}人，拟晋升{}人（{}上报，{}定稿）",
            o.organ, o.people, o.participants, o.grades.excellent, o.quota, o.excellent_percent, o.grades.competent,
            o.grades.basically_competent, o.grades.incompetent, o.grades.ungraded, o.eligible, o.proposed, o.made_by,
            o.finalized_on
        );
    }
    for r in &x.over_ratio {
        let _ = writeln!(s, "优秀比例超过{}%且未记录批准：{} · {}：{}", x.normal_ratio, r.organ, r.pool, r.arithmetic);
    }
    if !x.unreported.is_empty() {
        let _ = writeln!(s, "尚未上报：{}", x.unreported.join("、"));
    }
    for g in &x.shared_slots {
        let _ = writeln!(
            s,
            "统筹职数「{}」（{}，本地统筹，依据：{}）：{}；核定{}，实有{}，空缺{}，符合条件{}人，拟晋升{}人{}",
            g.name,
            g.pool,
            g.source,
            g.organs.join("、"),
            g.approved,
            g.held,
            g.free,
            g.candidates,
            g.proposed,
            if g.unreported.is_empty() {
                String::new()
            } else {
                format!("（尚未上报：{}）", g.unreported.join("、"))
            }
        );
        for r in &g.remarks {
            let _ = writeln!(s, "  {r}");
        }
    }
    for w in &x.warnings {
        let _ = writeln!(s, "提示：{w}");
    }
    for c in &x.conflicts {
        let _ = writeln!(s, "冲突：{c}");
    }
    s
}

/// `kaohe organs`: the 所辖单位 list (with `--year`, whether each organ's package of the year was
/// received), or a change of it (`--from`, `--add`, `--remove`).
pub(super) fn organs(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    let change = if let Some(file) = &o.from {
        let profile = profile_of(o)?;
        Some(organs::import_list(&mut open_store(o)?, &profile, std::path::Path::new(file), &operator(o))?)
    } else if !o.add.is_empty() {
        let profile = profile_of(o)?;
        let added: Vec<(String, Option<String>)> = o.add.iter().map(|n| (n.clone(), o.level.clone())).collect();
        Some(organs::add_organs(&mut open_store(o)?, &profile, &added, &operator(o))?)
    } else if !o.remove_names.is_empty() {
        Some(organs::remove_organs(&mut open_store(o)?, &o.remove_names, &operator(o))?)
    } else {
        None
    };
    if let Some(change) = change {
        if o.json {
            write_json(sink, &change)?;
            return Ok(Output::default());
        }
        return Ok(Output { status: 0, stdout: change_text(&change), stderr: String::new() });
    }
    let year = o.year.as_deref().map(super::assess::year_text).transpose()?;
    let listed = organs::supervised_organs(&read_store(o)?, year)?;
    if o.json {
        write_json(sink, &listed)?;
        return Ok(Output::default());
    }
    let mut s = String::new();
    if listed.is_empty() {
        s.push_str("所辖单位名单是空的：可用 kaohe organs --from 单位名单.xlsx 导入，或 --add 单位 逐个添加\n");
    } else {
        let _ = writeln!(s, "所辖单位 {} 个：", listed.len());
        for x in &listed {
            let level = x.level.as_deref().map(|l| format!("（{l}）")).unwrap_or_default();
            let people = if x.people > 0 { format!("，人员 {} 人", x.people) } else { String::new() };
            let reported = match year {
                Some(y) if x.received => format!("，{y}年度已上报"),
                Some(y) => format!("，{y}年度未上报"),
                None => String::new(),
            };
            let _ = writeln!(s, "  {}{level}{people}{reported}", x.name);
        }
    }
    Ok(Output { status: 0, stdout: s, stderr: String::new() })
}

fn change_text(c: &OrganChange) -> String {
    let mut s = String::new();
    if let (Some(file), Some(sheet)) = (&c.file, &c.sheet) {
        let _ = writeln!(s, "从「{file}」的工作表「{sheet}」读到 {} 个单位。", c.read);
    }
    let list = |v: &[String]| if v.is_empty() { String::new() } else { format!("：{}", v.join("、")) };
    if !c.removed.is_empty() {
        let _ = writeln!(s, "已从所辖单位名单中删除 {} 个{}", c.removed.len(), list(&c.removed));
        return s;
    }
    let _ = writeln!(s, "新增 {} 个{}", c.added.len(), list(&c.added));
    if !c.updated.is_empty() {
        let _ = writeln!(s, "更改机构级别 {} 个{}", c.updated.len(), list(&c.updated));
    }
    let _ = writeln!(s, "已在名单中 {} 个{}", c.already.len(), list(&c.already));
    for w in &c.warnings {
        let _ = writeln!(s, "提示：{w}");
    }
    s
}

/// `kaohe shared-pool`: the 统筹职数 groups listed, or one set (`--set`) or removed (`--remove`).
pub(super) fn shared_pool(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    let profile = profile_of(o)?;
    if let Some(name) = &o.set {
        let approved = o.approved.as_deref().unwrap_or_default().trim();
        let approved: i64 = approved
            .parse()
            .map_err(|_| bad(format!("--approved 应为不小于0的整数（统筹的核定职数），「{approved}」不是")))?;
        let request = SharedPoolRequest {
            name: name.clone(),
            pool: o.pool.clone().unwrap_or_default(),
            approved,
            organs: o.organs.as_deref().unwrap_or_default().split([',', '，', '、']).map(str::to_string).collect(),
            source: o.source.clone().unwrap_or_default(),
        };
        let kept = shared_slots::set_shared_pool(&mut open_store(o)?, &profile, &request, &operator(o))?;
        if o.json {
            write_json(sink, &kept)?;
            return Ok(Output::default());
        }
        let stdout = format!("已设置统筹职数{}\n", group_text(&kept));
        return Ok(Output { status: 0, stdout, stderr: String::new() });
    }
    if let Some(name) = o.remove_names.first() {
        let removed = shared_slots::remove_shared_pool(&mut open_store(o)?, name, &operator(o))?;
        if o.json {
            write_json(sink, &removed)?;
            return Ok(Output::default());
        }
        let stdout = format!("已删除统筹职数{}\n", group_text(&removed));
        return Ok(Output { status: 0, stdout, stderr: String::new() });
    }
    let list = shared_slots::shared_pools(&read_store(o)?, &profile)?;
    if o.json {
        write_json(sink, &list.groups)?;
        return Ok(Output::default());
    }
    let mut s = String::new();
    if list.groups.is_empty() {
        s.push_str("没有统筹职数\n");
    }
    for g in &list.groups {
        let _ = writeln!(s, "{}（{}设置于{}）", group_text(g), g.by, g.at);
    }
    Ok(Output { status: 0, stdout: s, stderr: String::new() })
}

fn group_text(g: &kaohe_store::SharedPool) -> String {
    format!(
        "「{}」：{}，核定{}，成员单位 {}，本地统筹（依据：{}）",
        g.name,
        g.pool,
        g.approved,
        g.organs.join("、"),
        g.source
    )
}
