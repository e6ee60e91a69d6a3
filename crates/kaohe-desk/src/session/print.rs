//! 打印's preview: a printed document built from the database exactly as `kaohe print --db`
//! builds it ([`crate::print`]) and written, owner-only, as an HTML file for the shell's preview
//! window, with a screen-only style (A4 sheets on grey).

use std::path::Path;

use chrono::NaiveDate;
use kaohe_print::{Basis, Document, Scope};

use super::{parse_date, Session};
use crate::error::{CommandError, ErrorCode};
use crate::ipc::PrintPreview;

/// `print_preview`: which document, and for what (the 打印 form). Blank texts count as absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreviewRequest {
    /// A document's name ([`kaohe_print::Document::name`]: 登记表, 优秀公示, …).
    pub doc: String,
    /// 考核年度: required by the assessment documents and 上报汇总.
    pub year: Option<i32>,
    /// 资格计算日期 (`YYYY-MM-DD`): required by 晋升公示, 晋升审核 and 职数.
    pub as_of: Option<String>,
    /// 单位: only this organ; all when absent.
    pub organ: Option<String>,
    /// 考核池: only this pool (assessment documents only); all when absent.
    pub pool: Option<String>,
    /// 公示开始日期 (`YYYY-MM-DD`) of the two 公示; today when absent.
    pub from: Option<String>,
}

/// How the preview window shows the pages on screen: A4 sheets on grey. Printing uses the
/// document's own print styles only, so the printed pages are exactly those of `kaohe print`.
const SCREEN_CSS: &str = "<style media=\"screen\">\nhtml { background: #8c8f94; }\nbody { padding: 12px 0 4px; }\n.page, .flow { box-sizing: content-box; margin: 0 auto 12px; padding: 16mm; background: #fff; box-shadow: 0 1px 5px rgba(0, 0, 0, 0.45); }\n</style>\n";

/// The document with [`SCREEN_CSS`] at the end of its head.
fn for_screen(html: &str) -> String {
    match html.find("</head>") {
        Some(at) => format!("{}{SCREEN_CSS}{}", &html[..at], &html[at..]),
        None => html.to_owned(),
    }
}

fn present(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// A file name from a title, as the CLI names its printed files ([`kaohe_print::safe_file_stem`]).
fn file_name(title: &str) -> String {
    format!("{}.html", kaohe_print::safe_file_stem(title))
}

impl Session {
    /// Builds a printed document from the database exactly as `kaohe print --db` does and writes
    /// it as an HTML file into `dir`, with a screen-only style for the preview window. `today` is
    /// the 公示 start when the request names none.
    pub fn print_preview(
        &self,
        dir: &Path,
        request: &PreviewRequest,
        today: NaiveDate,
    ) -> Result<PrintPreview, CommandError> {
        let doc = request.doc.trim();
        let document = Document::from_name(doc).ok_or_else(|| {
            CommandError::new(ErrorCode::BadArgument, format!("没有名为「{doc}」的文书；可用：{}", Document::names()))
        })?;
        let asked = crate::PrintRequest {
            document,
            year: request.year,
            as_of: present(&request.as_of).map(|t| parse_date("资格计算日期", t)).transpose()?,
            scope: Scope {
                organ: present(&request.organ).map(str::to_owned),
                pool: present(&request.pool).map(str::to_owned),
            },
            from: match present(&request.from) {
                Some(text) => parse_date("公示开始日期", text)?,
                None => today,
            },
        };
        let printed = match document.basis() {
            // The 汇总 of the packages received: summed up under the lock, as the 汇总 page is.
            Basis::Packages => {
                self.reading(|store| Ok(crate::print(crate::Source::Database(store), self.profile(), &asked)?))?
            }
            // Read under the lock, rendered after it (a large 登记表 takes a while).
            Basis::Year | Basis::AsOf => {
                let (roster, decisions) = self.reading(|store| Ok(crate::read_ahead(store, asked.year)?))?;
                let source = crate::Source::ReadAhead { roster: &roster, decisions: &decisions };
                crate::print(source, self.profile(), &asked)?
            }
        };
        let path = dir.join(file_name(&printed.title));
        // Owner-only: the page holds names, IDs and grades.
        let failed = |e: kaohe_files::FileError| {
            CommandError::new(ErrorCode::WriteFailed, format!("无法写入打印文件「{}」：{}", path.display(), e.detail()))
        };
        kaohe_files::create_folder(dir).map_err(|e| failed(kaohe_files::FileError::new(dir, e)))?;
        kaohe_files::write_replacing(&path, kaohe_files::Access::OwnerOnly, |partial| {
            std::fs::write(partial, for_screen(&printed.rendered.html))
                .map_err(|e| kaohe_files::FileError::new(&path, e))
        })
        .map_err(failed)?;
        Ok(PrintPreview { path: path.display().to_string(), pages: printed.rendered.pages, title: printed.title })
    }
}
