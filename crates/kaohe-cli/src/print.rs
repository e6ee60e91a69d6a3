//! `kaohe print`: writes a document as an HTML file (A4, paged), ready for a browser's or the
//! app's print dialog. What the document holds is `kaohe_desk::print`'s, as in the app.

use super::{bad, date_arg, profile_of, read, read_store, Failure, Options, Output};
use kaohe_desk::{PrintRequest, Source};
use kaohe_print::{Document, Scope};

pub(super) fn run(o: &Options) -> Result<Output, Failure> {
    let doc = o.doc.as_deref().ok_or_else(|| bad(format!("需要 --doc 文书名称（{}）", Document::names())))?;
    let document =
        Document::from_name(doc).ok_or_else(|| bad(format!("没有名为「{doc}」的文书；可用：{}", Document::names())))?;
    let out_dir = o.out.clone().ok_or_else(|| bad("需要 --out 输出文件夹"))?;
    if o.db.is_some() && o.roster.is_some() {
        return Err(bad("--db 与 --roster 只能选一个"));
    }
    let profile = profile_of(o)?;
    let request = PrintRequest {
        document,
        year: o.year.as_deref().map(super::assess::year_text).transpose()?,
        as_of: o.as_of.as_deref().map(|t| date_arg("--as-of", t)).transpose()?,
        scope: Scope { organ: o.organ.clone(), pool: o.pool.clone() },
        from: match &o.from {
            Some(t) => date_arg("--from", t)?,
            None => chrono::Local::now().date_naive(),
        },
    };
    let printed = match &o.roster {
        Some(file) => kaohe_desk::print(Source::Roster(&read(file, &profile)?.roster), &profile, &request)?,
        None => kaohe_desk::print(Source::Database(&read_store(o)?), &profile, &request)?,
    };
    std::fs::create_dir_all(&out_dir)
        .map_err(|e| Failure::new("write_failed", format!("无法创建文件夹「{}」：{e}", out_dir.display()), 1))?;
    let path = out_dir.join(format!("{}.html", printed.file_stem));
    kaohe_files::write_replacing(&path, kaohe_files::Access::Ordinary, |partial| {
        std::fs::write(partial, &printed.rendered.html)
            .map_err(|e| Failure::from(kaohe_files::FileError::new(&path, e)))
    })?;
    let pages = printed.rendered.pages.map(|n| format!("，共 {n} 页")).unwrap_or_default();
    Ok(Output {
        status: 0,
        stdout: format!("已生成{}：{}{pages}\n", document.description(), path.display()),
        stderr: String::new(),
    })
}
