//! `kaohe print`: writes a document as an HTML file (A4, paged), ready for a browser's or the
//! app's print dialog. The documents and their layout are kaohe-print's.

use super::{profile_of, read, read_store, Failure, Options, Output};
use chrono::NaiveDate;
use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_engine::assessment::{assess, Decisions};
use kaohe_engine::report::PromotionReport;
use kaohe_engine::{promote, Profile, Roster};
use kaohe_print::{Rendered, Scope, DOCUMENTS};

fn bad(message: impl Into<String>) -> Failure {
    Failure::new("bad_argument", message, 1)
}

fn date_arg(name: &str, text: &str) -> Result<NaiveDate, Failure> {
    kaohe_engine::dates::parse_ymd(text).ok_or_else(|| bad(format!("{name} 的日期「{text}」无效，应写作 YYYY-MM-DD")))
}

fn roster(o: &Options, profile: &Profile) -> Result<(Roster, Option<kaohe_store::Store>), Failure> {
    if o.db.is_some() && o.roster.is_some() {
        return Err(bad("--db 与 --roster 只能选一个"));
    }
    match &o.roster {
        Some(file) => Ok((read(file, profile)?.roster, None)),
        None => {
            let store = read_store(o)?;
            Ok((store.load_roster()?, Some(store)))
        }
    }
}

pub(super) fn run(o: &Options) -> Result<Output, Failure> {
    let doc = o.doc.as_deref().ok_or_else(|| bad(format!("需要 --doc 文书名称（{}）", DOCUMENTS.iter().map(|d| d.0).collect::<Vec<_>>().join("、"))))?;
    let Some((_, title)) = DOCUMENTS.iter().find(|d| d.0 == doc) else {
        return Err(bad(format!("没有名为「{doc}」的文书；可用：{}", DOCUMENTS.iter().map(|d| d.0).collect::<Vec<_>>().join("、"))));
    };
    let out_dir = o.out.clone().ok_or_else(|| bad("需要 --out 输出文件夹"))?;
    let profile = profile_of(o)?;
    let scope = Scope { organ: o.organ.clone(), pool: o.pool.clone() };
    let from = match &o.from {
        Some(t) => date_arg("--from", t)?,
        None => chrono::Local::now().date_naive(),
    };
    let (roster, store) = roster(o, &profile)?;
    let assessment_docs = ["登记表", "优秀公示", "考核汇总", "名额测算"];
    let rendered: Rendered = if assessment_docs.contains(&doc) {
        let text = o.year.as_deref().ok_or_else(|| bad(format!("「{doc}」需要 --year 年度")))?;
        let year = super::assess::year_text(text)?;
        let decisions = match &store {
            Some(s) => s.decisions(year)?,
            None => Decisions::default(),
        };
        let result = assess(&roster, &profile, year, &decisions);
        let report = AssessmentReport::build(&result, &roster, &profile, &decisions);
        match doc {
            "登记表" => kaohe_print::registration_forms(&result, &report, &roster, &scope),
            "优秀公示" => kaohe_print::excellent_publicity(&report, &roster, &profile, &scope, from),
            "考核汇总" => kaohe_print::assessment_summary(&report, &scope),
            _ => kaohe_print::quota_table(&report, &scope),
        }
    } else {
        let text = o.as_of.as_deref().ok_or_else(|| bad(format!("「{doc}」需要 --as-of 资格计算日期")))?;
        let as_of = date_arg("--as-of", text)?;
        let result = promote(&roster, &profile, as_of);
        let report = PromotionReport::build(&result, &roster, &profile);
        match doc {
            "晋升公示" => kaohe_print::promotion_publicity(&report, &roster, &profile, &scope, from),
            "晋升审核" => kaohe_print::promotion_review(&report, &scope),
            _ => kaohe_print::slot_table(&report, &scope),
        }
    };
    std::fs::create_dir_all(&out_dir).map_err(|e| Failure::new("write_failed", format!("无法创建文件夹「{}」：{e}", out_dir.display()), 1))?;
    let mut name = String::new();
    if let Some(organ) = &o.organ {
        name.push_str(organ);
    }
    if let Some(y) = o.year.as_deref().and_then(kaohe_engine::dates::parse_year) {
        if !matches!(doc, "晋升公示" | "晋升审核" | "职数") {
            name.push_str(&format!("{y}年度"));
        }
    }
    name.push_str(doc);
    let path = out_dir.join(format!("{}.html", kaohe_print::safe_file_stem(&name)));
    kaohe_files::write_replacing(&path, kaohe_files::Access::Ordinary, |partial| {
        std::fs::write(partial, &rendered.html).map_err(|e| Failure::from(kaohe_files::FileError::new(&path, e)))
    })?;
    let pages = rendered.pages.map(|n| format!("，共 {n} 页")).unwrap_or_default();
    Ok(Output { status: 0, stdout: format!("已生成{title}：{}{pages}\n", path.display()), stderr: String::new() })
}
