//! `kaohe whatif`: one change tried on the year's assessment or on promotion, and who it changes,
//! with the reasons before and after (kaohe-desk's `whatif`). Nothing is written.

use std::fmt::Write as _;
use std::path::Path;

use kaohe_desk::whatif::{
    compare_assessment, compare_promotion, AssessmentChange, AssessmentComparison, PromotionChange, PromotionComparison,
};
use kaohe_engine::{GradeName, NationalCode, Reason};

use super::assess::{inputs, year_of};
use super::{bad, load_profile, profile_of, read, read_store, write_json, Failure, Options, Output, USAGE};

pub(super) fn run(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    match o.positional.first().map(String::as_str) {
        Some("assess") => assess(o, sink),
        Some("promote") => promote(o, sink),
        _ => Err(bad(format!("whatif 需要 assess 或 promote\n{USAGE}"))),
    }
}

/// `--other-profile FILE`, read and checked as `--profile` is, with the file's name.
fn other_profile(path: &Path) -> Result<(Box<kaohe_engine::Profile>, String), Failure> {
    let profile = load_profile(Some(path)).map_err(|(m, code)| Failure::new(code, m, 1))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok((Box::new(profile), name))
}

fn assess(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    let year = year_of(o)?;
    let profile = profile_of(o)?;
    let change = match (&o.organ, &o.percent, &o.tiers, &o.other_profile) {
        (Some(organ), Some(percent), None, None) => {
            AssessmentChange::Ratio { organ: organ.clone(), percent: kaohe_desk::committee::percent(percent)? }
        }
        (None, None, Some(tiers), None) => match tiers.as_str() {
            "split" => AssessmentChange::Tiers { split: true },
            "together" => AssessmentChange::Tiers { split: false },
            other => return Err(bad(format!("--tiers 的取值「{other}」无效，应为 split（按层级分池）或 together（不分池）"))),
        },
        (None, None, None, Some(path)) => {
            let (profile, name) = other_profile(path)?;
            AssessmentChange::Profile { profile, name }
        }
        _ => {
            return Err(bad(
                "whatif assess 需要且只能试一项改变：--organ 单位 --percent 25，或 --tiers split|together，或 --other-profile FILE",
            ))
        }
    };
    let (roster, decisions, _) = inputs(o, &profile, year)?;
    let held_in = if o.roster.is_some() { "名册" } else { "数据库" };
    let comparison = compare_assessment(&roster, held_in, &profile, year, &decisions, change)?;
    if o.json {
        write_json(sink, &comparison)?;
        return Ok(Output::default());
    }
    Ok(Output { status: 0, stdout: assessment_text(&comparison), stderr: String::new() })
}

fn assessment_text(c: &AssessmentComparison) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}年度考核对比：{}（未保存）", c.year, c.change);
    let _ = writeln!(
        s,
        "结果改变的 {} 人，未改变的 {} 人；名额改变的考核池 {} 个。",
        c.people.len(),
        c.unchanged,
        c.pools.len()
    );
    for p in &c.pools {
        let _ = writeln!(s, "\n[考核池] {} · {}", p.organ, p.pool);
        let _ = writeln!(s, "  原：{}", p.before.as_deref().unwrap_or("（无此考核池）"));
        let _ = writeln!(s, "  改：{}", p.after.as_deref().unwrap_or("（无此考核池）"));
    }
    let grade = |side: &Option<kaohe_desk::whatif::GradeSide>| match side {
        Some(g) => format!(
            "{}（{}）",
            g.final_grade.map(GradeName::name).or(g.code.map(NationalCode::code)).unwrap_or("未定"),
            g.pool
        ),
        None => "不参加考核".to_string(),
    };
    for p in &c.people {
        let _ = writeln!(s, "\n{}（{}），{}：{} → {}", p.name, p.id, p.organ, grade(&p.before), grade(&p.after));
        differing(&mut s, p.before.as_ref().map(|b| &b.reasons[..]), p.after.as_ref().map(|a| &a.reasons[..]));
    }
    s
}

fn promote(o: &Options, sink: &mut dyn std::io::Write) -> Result<Output, Failure> {
    let date = |flag: &str, text: Option<&str>| -> Result<chrono::NaiveDate, Failure> {
        let text = text.ok_or_else(|| bad(format!("whatif promote 需要 {flag} YYYY-MM-DD")))?;
        super::date_arg(flag, text)
    };
    let as_of = date("--as-of", o.as_of.as_deref())?;
    let change = match (&o.other_as_of, &o.other_profile) {
        (Some(other), None) => PromotionChange::AsOf(date("--other-as-of", Some(other))?),
        (None, Some(path)) => {
            let (profile, name) = other_profile(path)?;
            PromotionChange::Profile { profile, name }
        }
        _ => return Err(bad("whatif promote 需要且只能试一项改变：--other-as-of YYYY-MM-DD，或 --other-profile FILE")),
    };
    if o.db.is_some() && o.roster.is_some() {
        return Err(bad("--db 与 --roster 只能选一个"));
    }
    let profile = profile_of(o)?;
    let roster = match &o.roster {
        Some(file) => read(file, &profile)?.roster,
        None => read_store(o)?.load_roster()?,
    };
    let comparison = compare_promotion(&roster, &profile, as_of, change);
    if o.json {
        write_json(sink, &comparison)?;
        return Ok(Output::default());
    }
    Ok(Output { status: 0, stdout: promotion_text(&comparison), stderr: String::new() })
}

fn promotion_text(c: &PromotionComparison) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "职级晋升对比：{}（未保存）", c.change);
    let _ = writeln!(s, "结果改变的 {} 人，未改变的 {} 人。", c.people.len(), c.unchanged);
    let side = |p: &Option<kaohe_desk::whatif::PromotionSide>| match p {
        Some(p) if p.eligible => format!("符合（{}）", p.target_rank.as_deref().unwrap_or("—")),
        Some(p) if p.qualified => "任职年限已满足，但暂不能晋升".to_string(),
        Some(p) => match p.eligible_on {
            Some(d) => format!("任职年限未满（{}起满足）", d.format("%Y年%-m月%-d日")),
            None => "不符合".to_string(),
        },
        None => "—".to_string(),
    };
    for p in &c.people {
        let _ = writeln!(s, "\n{}（{}），{}：{} → {}", p.name, p.id, p.organ, side(&p.before), side(&p.after));
        differing(&mut s, p.before.as_ref().map(|b| &b.reasons[..]), p.after.as_ref().map(|a| &a.reasons[..]));
    }
    s
}

/// The reasons that differ, one per line: 原 before, 改 after (the ones both sides give are left out).
fn differing(s: &mut String, before: Option<&[Reason]>, after: Option<&[Reason]>) {
    let (before, after) = (before.unwrap_or_default(), after.unwrap_or_default());
    for r in before.iter().filter(|r| !after.contains(r)) {
        let _ = writeln!(s, "  原：{r}");
    }
    for r in after.iter().filter(|r| !before.contains(r)) {
        let _ = writeln!(s, "  改：{r}");
    }
}
