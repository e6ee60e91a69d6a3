//! Reads the canonical roster workbook (sheets 人员, 单位, 年度考核, 处分, 职级变动 …; docs/cli.md) into
//! engine values. Every problem becomes an [`Issue`] naming sheet, row, column and value; only a
//! file that cannot be opened, or a 人员 sheet without its required columns, stops the read.
//!
//! Here: the options, finding the people sheet and its columns, and the read as a whole; by
//! stage, `table` (one sheet as a table of fields), `people` (the 人员 sheet), `sheets` (the
//! other sheets) and `ranks` (职级变动). The files share this one's imports through `use super::*`.

use crate::cell::{self, column_letter};
use crate::issue::{Issue, IssueCode, Issues, IssuesBeyond, Severity};
use crate::layout::Layout;
use calamine::{Data, Range};
use chrono::Datelike;
use kaohe_engine::fast_hash::FastMap;
use kaohe_engine::id_number;
use kaohe_engine::profile::squeeze;
use kaohe_engine::{
    AnnualInput, Organ, Period, Person, Profile, RankRecord, RegularGrade, RegularRecord, Restriction, ResultCode,
    Roster, YearResult,
};
use std::collections::{HashMap, HashSet};
use std::path::Path;

mod people;
mod ranks;
mod sheets;
mod table;

use people::*;
use ranks::*;
use sheets::*;
use table::*;

pub const SHEET_PEOPLE: &str = "人员";
pub const SHEET_ORGANS: &str = "单位";
pub const SHEET_ASSESSMENTS: &str = "年度考核";
pub const SHEET_RESTRICTIONS: &str = "处分";

/// Columns of each sheet, required ones first (the counts below say how many are required).
pub const PEOPLE_COLUMNS: [&str; 6] = ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"];
/// How many of [`PEOPLE_COLUMNS`] are required.
pub const PEOPLE_REQUIRED: usize = 6;
pub(crate) const ORGAN_COLUMNS: [&str; 5] = ["单位名称", "机关层级", "优秀比例", "绩效等次", "主管机关"];
pub(crate) const ASSESSMENT_COLUMNS: [&str; 4] = ["身份证号", "年度", "等次", "姓名"];
pub(crate) const RESTRICTION_COLUMNS: [&str; 5] = ["身份证号", "类型", "日期", "姓名", "结束日期"];

pub(crate) const REGULAR_COLUMNS: [&str; 7] = ["身份证号", "年度", "姓名", "季度", "月份", "等次", "得分"];
pub(crate) const ANNUAL_COLUMNS: [&str; 15] = [
    "身份证号", "年度", "姓名", "德", "能", "勤", "绩", "廉", "民主测评", "建议等次", "病假天数", "事假天数",
    "主管领导评语", "个人总结", "参加脱产培训情况",
];
/// The ranks each person held (one row per rank, the present one included), for 核查.
pub const SHEET_RANKS: &str = "职级变动";
pub(crate) const RANK_COLUMNS: [&str; 6] = ["身份证号", "职级", "任职级时间", "姓名", "文号", "备注"];
pub const SHEET_REGULAR: &str = "平时考核";
pub const SHEET_ANNUAL: &str = "年度评分";

/// The order the template writes the 人员 columns in.
pub const PEOPLE_TEMPLATE_ORDER: [&str; 24] = [
    "身份证号", "姓名", "性别", "出生日期", "单位", "部门", "职位类别", "职级", "任现职级时间", "领导职务", "职务层次",
    "任现职务时间", "是否领导成员", "学历", "参加工作时间", "进入公务员队伍时间", "级别", "级别起算时间", "档次",
    "档次起算时间", "政治面貌", "从事或分管工作", "进入方式", "离职/退休日期",
];

/// A file that could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    /// `detail` is said for a clerk; `technical` is the reader's own words, for a developer only.
    #[error("无法打开文件「{file}」：{detail}")]
    Open { file: String, detail: String, technical: Option<String> },
    #[error("文件「{file}」中没有名为「{sheet}」的工作表（现有工作表：{}）", .found.iter().map(|n| format!("「{n}」")).collect::<Vec<_>>().join("、"))]
    SheetMissing { file: String, sheet: String, found: Vec<String> },
    #[error("工作表「{sheet}」的表头（第{header_row}行）缺少必需的列：{}", .columns.join("、"))]
    ColumnMissing { sheet: String, header_row: u32, columns: Vec<String> },
    /// `detail` is said for a clerk; `technical` is the writer's own words, for a developer only.
    #[error("无法写入文件「{file}」：{detail}")]
    Write { file: String, detail: String, technical: Option<String> },
    #[error("已取消读取")]
    Cancelled,
    #[error("文件「{file}」中找不到人员名册的表头（至少需要「身份证号」和「姓名」两列，表头应在前20行内）；请确认这是人员名册，必要时在 Excel 或 WPS 中打开后另存为 .xlsx 再导入")]
    NoHeader { file: String },
    #[error("工作表「{sheet}」是空的，没有任何内容；请确认选择了正确的文件和工作表（人员名册应在这张表中）")]
    EmptySheet { sheet: String },
    /// No header in the first rows; `found_at` is the row further down where one was seen.
    #[error("{}", header_not_found(.sheet, *.found_at))]
    HeaderNotFound { sheet: String, found_at: Option<u32> },
    /// A list of organs (所辖单位) without a column naming them.
    #[error("文件「{file}」中找不到「机构名称」或「单位名称」列（查看了工作表：{}；表头应在前20行内）；所辖单位名单应有一列写各单位的名称", .sheets.iter().map(|n| format!("「{n}」")).collect::<Vec<_>>().join("、"))]
    NoOrganColumn { file: String, sheets: Vec<String> },
    /// A list of organs with the column, but no organ under it.
    #[error("工作表「{sheet}」第{header_row}行有单位名称的列，但表中没有找到任何单位（空行和总计、合计行不算）；请在表头下逐行填写各单位的名称后再导入")]
    NoOrgans { file: String, sheet: String, header_row: u32 },
}

fn header_not_found(sheet: &str, found_at: Option<u32>) -> String {
    let rows = crate::layout::HEADER_SEARCH_ROWS;
    match found_at {
        Some(r) => format!("工作表「{sheet}」的表头在第{r}行，超出了查找范围（表头应在前{rows}行内）；请删除表头上方多余的标题或说明行后重新导入"),
        None => {
            format!("工作表「{sheet}」的前{rows}行中找不到人员名册的表头（至少需要「身份证号」和「姓名」两列）；请确认这是人员名册，并且表头在前{rows}行内")
        }
    }
}

impl WorkbookError {
    /// The stable code of docs/cli.md.
    pub fn code(&self) -> &'static str {
        match self {
            WorkbookError::Open { .. } => "file_unreadable",
            WorkbookError::SheetMissing { .. } => "sheet_missing",
            WorkbookError::ColumnMissing { .. } => "column_missing",
            WorkbookError::Write { .. } => "write_failed",
            WorkbookError::NoHeader { .. }
            | WorkbookError::EmptySheet { .. }
            | WorkbookError::HeaderNotFound { .. }
            | WorkbookError::NoOrganColumn { .. } => "column_missing",
            WorkbookError::NoOrgans { .. } => "nothing_readable",
            WorkbookError::Cancelled => "cancelled",
        }
    }

    /// The reader's own account of why a file would not open, for a developer; never part of
    /// the message a clerk sees.
    pub fn technical(&self) -> Option<&str> {
        match self {
            WorkbookError::Open { technical, .. } | WorkbookError::Write { technical, .. } => technical.as_deref(),
            _ => None,
        }
    }

    /// Saves `book` as `path`, whole or not at all ([`kaohe_files::write_replacing`]: a file
    /// beside it, synced, renamed into place; a failure leaves an old file as it was).
    pub(crate) fn save(path: &Path, book: &mut rust_xlsxwriter::Workbook) -> Result<(), WorkbookError> {
        kaohe_files::write_replacing(path, kaohe_files::Access::Ordinary, |partial| {
            book.save(partial).map_err(|e| WorkbookError::write(path, e))
        })
    }

    /// A workbook that could not be written to `path`, said for a clerk.
    pub(crate) fn write(path: &Path, e: rust_xlsxwriter::XlsxError) -> WorkbookError {
        let detail = match &e {
            rust_xlsxwriter::XlsxError::IoError(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
                "文件可能正在 Excel 或 WPS 中打开，或没有写入该文件夹的权限；请关闭该文件或换一个位置后重试"
            }
            rust_xlsxwriter::XlsxError::IoError(io) if io.kind() == std::io::ErrorKind::NotFound => {
                "保存的文件夹不存在，请换一个位置"
            }
            rust_xlsxwriter::XlsxError::IoError(_) => {
                "写入磁盘失败（磁盘可能已满，或网络位置不可用），请换一个位置后重试"
            }
            _ => "生成工作簿时出错，请把问题报告给软件维护人员",
        };
        WorkbookError::Write {
            file: path.display().to_string(),
            detail: detail.to_string(),
            technical: Some(e.to_string()),
        }
    }
}

impl From<kaohe_files::FileError> for WorkbookError {
    fn from(e: kaohe_files::FileError) -> WorkbookError {
        WorkbookError::Write { detail: e.detail(), technical: Some(e.source.to_string()), file: e.path }
    }
}

/// What a read produced.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRead {
    pub file: String,
    pub roster: Roster,
    pub issues: Vec<Issue>,
    /// Issues found past the [`crate::MAX_ISSUES`] kept in `issues`, counted.
    pub issues_beyond: IssuesBeyond,
    /// Non-blank data rows of the 人员 sheet.
    pub rows_read: u32,
    /// The sheet the people were read from, as named in the file.
    pub sheet: String,
    /// The spreadsheet row number of its header (the upper row of a two-row header).
    pub header_row: u32,
    /// How its columns were understood.
    pub mapping: Vec<MappedColumn>,
    /// The header signature of the people sheet, under which a confirmed mapping is saved.
    pub signature: String,
    /// Where each person of `roster.people` came from, in the same order (empty when the
    /// people were not read from a sheet).
    pub sources: Vec<PersonSource>,
}

/// The row a person was read from, and the name as written there when it was normalised.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonSource {
    /// The spreadsheet row number.
    pub row: u32,
    /// The name exactly as in the cell ("王\u{3000}一", "张\n三") when inner spaces or line
    /// breaks were removed; `None` when it was read as written.
    pub name_as_written: Option<String>,
}

impl RosterRead {
    /// A roster made in code (a generated one, a test's) as if read from `file`'s sheet 人员 with
    /// its header on row 1: no issues, no mapping, every person on a row of their own.
    pub fn of(file: &str, roster: Roster) -> RosterRead {
        RosterRead {
            file: file.to_owned(),
            rows_read: roster.people.len() as u32,
            roster,
            issues: Vec::new(),
            issues_beyond: IssuesBeyond::default(),
            sheet: SHEET_PEOPLE.to_owned(),
            header_row: 1,
            mapping: Vec::new(),
            signature: String::new(),
            sources: Vec::new(),
        }
    }

    /// 「第一个问题：…」, the first error found, to end a message saying nothing could be read
    /// (empty when there is none).
    pub fn first_error_text(&self) -> String {
        self.issues
            .iter()
            .find(|i| i.severity == Severity::Error)
            .map(|i| format!("第一个问题：{}", i.message))
            .unwrap_or_default()
    }

    /// Errors and warnings found, those past the cap included (the issue that says so is not
    /// counted).
    pub fn issue_counts(&self) -> (usize, usize) {
        let errors = self.issues.iter().filter(|i| i.severity == Severity::Error).count();
        let listed = self.issues.iter().filter(|i| i.code != IssueCode::TooManyIssues).count();
        (errors + self.issues_beyond.errors, listed - errors + self.issues_beyond.warnings)
    }

    /// The spreadsheet row the person at `index` of `roster.people` was read from.
    pub fn row_of(&self, index: usize) -> Option<u32> {
        self.sources.get(index).map(|s| s.row)
    }

    /// The people sheet's column letter and header for a field, as mapped.
    pub fn column_of(&self, field: &str) -> Option<(String, String)> {
        self.mapping.iter().find(|m| m.field.as_deref() == Some(field)).map(|m| (m.column.clone(), m.header.clone()))
    }
}

/// One column of the people sheet and the field it was read as.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MappedColumn {
    pub column: String,
    pub header: String,
    /// The canonical field, `年度考核:YYYY` for a per-year result column, or `None` if unused.
    pub field: Option<String>,
    pub confidence: f64,
}

/// How to read a roster.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The sheet holding the people, when it is not named 人员.
    pub sheet: Option<String>,
    /// The day dates are checked against ("not after today"); the clock's when `None`.
    pub today: Option<chrono::NaiveDate>,
    /// The user's column mapping for the people sheet (column letter or header → field).
    pub mapping: Option<std::collections::BTreeMap<String, String>>,
    /// The spreadsheet row number of the people sheet's header, when the user chose it (found by
    /// its headers otherwise).
    pub header_row: Option<u32>,
    /// Told how many of the people rows are read; reading stops with
    /// [`WorkbookError::Cancelled`] when it answers `false`.
    pub progress: Option<ReadProgress>,
}

/// A progress hook for [`ReadOptions`]: called with (people rows read, people rows in all);
/// `false` cancels the read.
#[derive(Clone)]
pub struct ReadProgress(pub std::sync::Arc<dyn Fn(u32, u32) -> bool + Send + Sync>);

impl std::fmt::Debug for ReadProgress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReadProgress")
    }
}

/// How often (in people rows) the progress hook is called.
const PROGRESS_EVERY: u32 = 200;

/// The people sheet's layout: at the header row the user chose, else found by its headers.
fn people_layout(range: &Range<Data>, options: &ReadOptions) -> Layout {
    match options.header_row {
        Some(row) => {
            let row0 = range.start().map_or(0, |(r, _)| r);
            crate::layout::detect_at(SHEET_PEOPLE, range, "身份证号", row.saturating_sub(row0 + 1) as usize)
        }
        None => crate::layout::detect(SHEET_PEOPLE, range, "身份证号"),
    }
}

/// How a layout's columns are read (`col0`: the range's first column).
fn mapped_columns(layout: &Layout, col0: u32) -> Vec<MappedColumn> {
    layout
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.header.is_empty())
        .map(|(i, c)| MappedColumn {
            column: column_letter(col0 + i as u32),
            header: c.header.clone(),
            field: c.field.clone().or_else(|| c.year.map(|y| format!("年度考核:{y}"))),
            confidence: if c.year.is_some() { 0.8 } else { f64::from((c.confidence * 10.0).round()) / 10.0 },
        })
        .collect()
}

/// The people sheet of a file and how its columns would be read, without reading the people:
/// what an import wizard shows before the clerk confirms the sheet, header row and mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct PeopleColumns {
    /// Every sheet of the file, in order.
    pub sheets: Vec<String>,
    /// The people sheet: as asked, else 人员, else the sheet that looks most like a roster.
    pub sheet: String,
    /// The spreadsheet row number of its header.
    pub header_row: u32,
    pub mapping: Vec<MappedColumn>,
    /// The header signature (before the user's mapping), as [`RosterRead::signature`].
    pub signature: String,
    /// Required fields no column is read as.
    pub missing: Vec<String>,
    /// Data rows under the header (an upper bound: blank rows and notes included).
    pub rows: u32,
}

/// The people sheet as [`read_roster_with`] would choose it and its columns as it would read
/// them (with `options`' sheet, header row and mapping), without reading the people.
pub fn people_columns(path: &Path, options: &ReadOptions) -> Result<PeopleColumns, WorkbookError> {
    let (file, mut book) = crate::source::open_book(path)?;
    let sheets = book.sheet_names();
    let (sheet, _) = choose_people_sheet(&mut book, &sheets, options, &file)?;
    let range = book.range_detailed(&sheet).map_err(|e| WorkbookError::Open {
        file: file.clone(),
        detail: format!("工作表「{sheet}」无法读取：{}", e.message),
        technical: e.technical,
    })?;
    let mut table = Table::with_layout(SHEET_PEOPLE, &sheet, &range, people_layout(&range, options));
    let signature = crate::layout::signature(&table.layout);
    if let Some(mapping) = &options.mapping {
        table.remap(mapping);
    }
    let rows = (range.height() as u32).saturating_sub(table.layout.data as u32);
    Ok(PeopleColumns {
        header_row: table.header_row(),
        mapping: mapped_columns(&table.layout, table.col0),
        missing: table.missing(&PEOPLE_COLUMNS[..PEOPLE_REQUIRED]),
        sheets: sheets.clone(),
        sheet,
        signature,
        rows,
    })
}

/// The people sheet: as asked, else 人员, else the sheet whose header looks most like a roster
/// (then `true`: the choice was a guess).
fn choose_people_sheet(
    book: &mut crate::source::Book,
    names: &[String],
    options: &ReadOptions,
    file: &str,
) -> Result<(String, bool), WorkbookError> {
    if let Some(s) = &options.sheet {
        return names.iter().find(|n| *n == s || squeeze(n) == squeeze(s)).map(|n| (n.clone(), false)).ok_or_else(
            || WorkbookError::SheetMissing { file: file.to_string(), sheet: s.clone(), found: names.to_vec() },
        );
    }
    if let Some(n) = names.iter().find(|n| squeeze(n) == SHEET_PEOPLE) {
        return Ok((n.clone(), false));
    }
    // Each sheet's first rows tell whether it holds the people: no sheet is read whole to guess
    // (a large one is read once, when chosen, and refused then with its own message).
    let mut best: Option<(usize, String)> = None;
    for n in names {
        let Ok(range) = book.head(n, crate::layout::HEADER_SEARCH_ROWS as u32 + 2) else { continue };
        let layout = crate::layout::detect(SHEET_PEOPLE, &range, "身份证号");
        let fields: HashSet<&str> = layout.columns.iter().filter_map(|c| c.field.as_deref()).collect();
        if fields.contains("身份证号") && fields.contains("姓名") && best.as_ref().is_none_or(|b| fields.len() > b.0)
        {
            best = Some((fields.len(), n.clone()));
        }
    }
    match best {
        Some((_, n)) => Ok((n, true)),
        None if book.encoding().is_some() => Err(WorkbookError::NoHeader { file: file.to_string() }),
        None => Err(WorkbookError::SheetMissing {
            file: file.to_string(),
            sheet: SHEET_PEOPLE.to_string(),
            found: names.to_vec(),
        }),
    }
}

/// The header signature of a file's people sheet (the sheet asked for, else 人员, else the first),
/// to look up a mapping the user confirmed before. `None` if the file cannot be opened.
pub fn people_signature(path: &Path, options: &ReadOptions) -> Option<String> {
    let mut book = crate::source::open(path).ok()?;
    let names = book.sheet_names();
    let name = options
        .sheet
        .as_ref()
        .and_then(|s| names.iter().find(|n| squeeze(n) == squeeze(s)))
        .or_else(|| names.iter().find(|n| squeeze(n) == SHEET_PEOPLE))
        .or_else(|| names.first())?
        .clone();
    let range = book.range(&name).ok()?;
    Some(crate::layout::signature(&people_layout(&range, options)))
}

/// Reads the canonical roster workbook at `path`, resolving names through `profile`.
pub fn read_roster(path: &Path, profile: &Profile) -> Result<RosterRead, WorkbookError> {
    read_roster_with(path, profile, &ReadOptions::default())
}

/// Like [`read_roster`], with a chosen people sheet.
pub fn read_roster_with(path: &Path, profile: &Profile, options: &ReadOptions) -> Result<RosterRead, WorkbookError> {
    let (file, mut book) = crate::source::open_book(path)?;
    let names = book.sheet_names();
    // A sheet by its name, or by another name headers.toml gives it (职级信息 for 职级变动).
    let find = |wanted: &str| {
        names
            .iter()
            .find(|n| squeeze(n) == wanted)
            .or_else(|| names.iter().find(|n| crate::layout::sheet_kind(n).is_some_and(|k| k == wanted)))
            .cloned()
    };
    let mut issues = Issues::default();

    let (people_name, guessed) = choose_people_sheet(&mut book, &names, options, &file)?;
    if guessed && book.encoding().is_none() {
        issues.push(Issue::of_sheet(
            &people_name,
            IssueCode::SheetMissing,
            Severity::Warning,
            format!("文件中没有名为「人员」的工作表，按表头判断，将工作表「{people_name}」作为人员表读取。"),
        ));
    }
    let people_sheet = people_name.clone();
    let (people_range, extras, uncached) =
        read_people_sheet(&mut book, path, &file, &people_name, options, &mut issues)?;
    // A CSV file holds the people only: the other sheets are not missing, they cannot exist.
    let single = book.encoding().is_some();
    let mut range_of = |name: &Option<String>, sheet: &'static str, issues: &mut Issues| {
        other_sheet(&mut book, name.as_deref(), sheet, single, issues)
    };

    let organs_range = range_of(&find(SHEET_ORGANS), SHEET_ORGANS, &mut issues);
    let results_range = range_of(&find(SHEET_ASSESSMENTS), SHEET_ASSESSMENTS, &mut issues);
    let restrictions_range = range_of(&find(SHEET_RESTRICTIONS), SHEET_RESTRICTIONS, &mut issues);
    // The assessment's input sheets are optional without a word: a roster kept for promotion
    // only does not have them.
    let regular_range = find(SHEET_REGULAR).and_then(|n| range_of(&Some(n), SHEET_REGULAR, &mut issues));
    let annual_range = find(SHEET_ANNUAL).and_then(|n| range_of(&Some(n), SHEET_ANNUAL, &mut issues));
    // So is the history of ranks: most rosters have none.
    let ranks_range = find(SHEET_RANKS).and_then(|n| range_of(&Some(n), SHEET_RANKS, &mut issues));

    let mut people_table =
        Table::with_layout(SHEET_PEOPLE, &people_sheet, &people_range, people_layout(&people_range, options));
    let signature = crate::layout::signature(&people_table.layout);
    if let Some(mapping) = &options.mapping {
        people_table.remap(mapping);
    }
    check_people_columns(&people_table, &people_range, options)?;
    let name_of = |kind: &str| find(kind).unwrap_or_else(|| kind.to_string());
    let mut roster = Roster::default();
    hidden_issues(&people_table, &people_sheet, &extras, &mut issues);
    uncached_formula_issues(&people_table, &uncached, &mut issues);
    let today = options.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut sources = Vec::new();
    let rows_read =
        read_people(&people_table, profile, today, options.progress.as_ref(), &mut roster, &mut sources, &mut issues)?;
    let mapping = mapped_columns(&people_table.layout, people_table.col0);
    let header_row = people_table.header_row();
    let others = OtherSheets {
        people: &people_sheet,
        organs: organs_range.as_ref(),
        results: results_range.as_ref(),
        restrictions: restrictions_range.as_ref(),
        regular: regular_range.as_ref(),
        annual: annual_range.as_ref(),
        ranks: ranks_range.as_ref(),
    };
    read_other_sheets(&others, &name_of, profile, &mut roster, &mut issues);
    let (issues, issues_beyond) = issues.finish(&people_sheet);
    Ok(RosterRead {
        file,
        roster,
        issues,
        issues_beyond,
        rows_read,
        sheet: people_sheet,
        header_row,
        mapping,
        signature,
        sources,
    })
}

/// The people sheet's cells, cleaned, with a merged cell's value given to every row it spans;
/// its hidden rows and columns and merged regions (read on a second thread beside the reader's
/// own parse); and its formulas without a value.
#[allow(clippy::type_complexity)]
fn read_people_sheet(
    book: &mut crate::source::Book,
    path: &Path,
    file: &str,
    people_name: &str,
    options: &ReadOptions,
    issues: &mut Issues,
) -> Result<(Range<Data>, crate::hidden::Hidden, Vec<((u32, u32), String)>), WorkbookError> {
    // Hidden rows and columns, and merged regions, come from one more pass over the file (the
    // sheet's XML, content.xml or the .xls records), on a second thread beside the reader's own
    // parse: it streams through the sheet (held whole only when something is hidden), so the
    // two rarely hold a large sheet in memory at once. A CSV file has none.
    let csv = book.encoding().is_some();
    let (people_range, extras) = std::thread::scope(|scope| {
        let extras = (!csv).then(|| scope.spawn(|| crate::hidden::hidden(path, people_name)));
        let range = book.sheet(people_name);
        // A pass that failed says nothing: the cells are still read.
        let extras = extras.and_then(|h| h.join().ok()).filter(|_| range.is_ok()).unwrap_or_default();
        (range, extras)
    });
    let (people_range, uncached) = match people_range {
        Ok(sheet) => (Ok(sheet.range), sheet.uncached),
        Err(e) => (Err(e), Vec::new()),
    };
    let mut people_range = people_range.map_err(|e| WorkbookError::Open {
        file: file.to_string(),
        detail: format!("工作表「{people_name}」无法读取：{}", e.message),
        technical: e.technical,
    })?;
    clean_cells(&mut people_range, people_name, issues);
    // A cell merged down over several people (one 单位 for a block of rows) gives its value to
    // every row it spans; merges in the header rows are left to the header reading.
    if !extras.merges.is_empty() {
        let layout = people_layout(&people_range, options);
        let data_start = people_range.start().map_or(0, |(r, _)| r) + layout.data as u32;
        fill_merges(&mut people_range, &extras.merges, data_start);
    }
    Ok((people_range, extras, uncached))
}

/// One of the other sheets (单位, 年度考核, 处分 …), cleaned; missing or unreadable, an issue and
/// none. A CSV file (`single`) holds the people only: the other sheets are not missing then.
fn other_sheet(
    book: &mut crate::source::Book,
    name: Option<&str>,
    sheet: &'static str,
    single: bool,
    issues: &mut Issues,
) -> Option<Range<Data>> {
    let Some(name) = name else {
        if !single {
            issues.push(Issue::of_sheet(
                sheet,
                IssueCode::SheetMissing,
                Severity::Warning,
                format!("文件中没有「{sheet}」工作表，按无{sheet}记录处理。"),
            ));
        }
        return None;
    };
    match book.range(name) {
        Ok(mut r) => {
            clean_cells(&mut r, name, issues);
            Some(r)
        }
        Err(e) => {
            issues.push(Issue::of_sheet(
                sheet,
                IssueCode::SheetMissing,
                Severity::Error,
                format!("工作表「{sheet}」无法读取：{e}。按无{sheet}记录处理。"),
            ));
            None
        }
    }
}

/// Refuses a people sheet without the required columns: empty, with no header in its first
/// rows (and where one sits further down), or with columns missing.
fn check_people_columns(
    people_table: &Table,
    people_range: &Range<Data>,
    options: &ReadOptions,
) -> Result<(), WorkbookError> {
    let people_sheet = people_table.sheet.clone();
    let missing = people_table.missing(&PEOPLE_COLUMNS[..PEOPLE_REQUIRED]);
    if !missing.is_empty() {
        if people_range.cells().all(|(_, _, v)| cell::is_empty(v)) {
            return Err(WorkbookError::EmptySheet { sheet: people_sheet });
        }
        // Nothing in the first rows reads as a header (and no mapping says otherwise): say so,
        // and where a header sits further down.
        let recognised = people_table.layout.columns.iter().any(|c| c.field.is_some() || c.year.is_some());
        if !recognised && options.mapping.is_none() {
            let found_at = crate::layout::header_further_down(SHEET_PEOPLE, people_range)
                .map(|r| people_table.row0 + r as u32 + 1);
            return Err(WorkbookError::HeaderNotFound { sheet: people_sheet, found_at });
        }
        return Err(WorkbookError::ColumnMissing {
            sheet: people_sheet,
            header_row: people_table.header_row(),
            columns: missing,
        });
    }
    Ok(())
}

/// The sheets beside the people's (单位, 年度考核, 处分, 平时考核, 年度评分, 职级变动), each when the
/// file has it.
struct OtherSheets<'a> {
    /// The people sheet, as named in the file.
    people: &'a str,
    organs: Option<&'a Range<Data>>,
    results: Option<&'a Range<Data>>,
    restrictions: Option<&'a Range<Data>>,
    regular: Option<&'a Range<Data>>,
    annual: Option<&'a Range<Data>>,
    ranks: Option<&'a Range<Data>>,
}

/// Reads the other sheets into `roster`, after its people (the sheets that refer to a person
/// check the ID against them).
fn read_other_sheets(
    s: &OtherSheets,
    name_of: &dyn Fn(&str) -> String,
    profile: &Profile,
    roster: &mut Roster,
    issues: &mut Issues,
) {
    // The people read, for the sheets that refer to them (a copy of every ID: only when there is
    // such a sheet).
    let refers = [s.results, s.restrictions, s.regular, s.annual, s.ranks].iter().any(|r| r.is_some());
    let ids = if refers { roster.people.iter().map(|p| p.id.clone()).collect() } else { HashSet::new() };
    let known = sheets::Known { ids, sheet: s.people.to_string() };
    if let Some(r) = s.organs {
        read_organs(&Table::new(SHEET_ORGANS, &name_of(SHEET_ORGANS), r), profile, roster, issues);
    }
    if let Some(r) = s.results {
        read_results(&Table::new(SHEET_ASSESSMENTS, &name_of(SHEET_ASSESSMENTS), r), &known, roster, issues);
    }
    if let Some(r) = s.restrictions {
        read_restrictions(
            &Table::new(SHEET_RESTRICTIONS, &name_of(SHEET_RESTRICTIONS), r),
            profile,
            &known,
            roster,
            issues,
        );
    }
    if let Some(r) = s.regular {
        read_regular(&Table::new(SHEET_REGULAR, &name_of(SHEET_REGULAR), r), &known, roster, issues);
    }
    if let Some(r) = s.annual {
        read_annual(&Table::new(SHEET_ANNUAL, &name_of(SHEET_ANNUAL), r), &known, roster, issues);
    }
    if let Some(r) = s.ranks {
        read_rank_records(&Table::new(SHEET_RANKS, &name_of(SHEET_RANKS), r), profile, &known, roster, issues);
    }
}

/// Hidden rows and columns of the people sheet are read, but said: a warning for each hidden row
/// with data and each hidden column the mapping reads.
fn hidden_issues(people_table: &Table, people_sheet: &str, hidden: &crate::hidden::Hidden, issues: &mut Issues) {
    let data_rows: Vec<u32> =
        if hidden.rows.is_empty() { Vec::new() } else { people_table.rows().map(|(r, _)| r).collect() };
    for r in hidden.rows.iter().filter(|r| data_rows.contains(r)) {
        issues.push(Issue {
            sheet: people_sheet.to_owned(),
            row: Some(*r),
            column: None,
            header: None,
            value: None,
            code: IssueCode::Hidden,
            severity: Severity::Warning,
            message: format!(
                "工作表「{people_sheet}」第{r}行是隐藏行，已按正常数据读取；如该行不应导入，请删除后重新导入。"
            ),
        });
    }
    for c in hidden
        .columns
        .iter()
        .filter(|&&c| c >= people_table.col0 && ((c - people_table.col0) as usize) < people_table.layout.columns.len())
    {
        let column = &people_table.layout.columns[(c - people_table.col0) as usize];
        if column.field.is_none() && column.year.is_none() {
            continue;
        }
        issues.push(Issue {
            sheet: people_sheet.to_owned(),
            row: None,
            column: Some(column_letter(*c)),
            header: Some(column.header.clone()),
            value: None,
            code: IssueCode::Hidden,
            severity: Severity::Warning,
            message: format!(
                "工作表「{people_sheet}」{}列「{}」是隐藏列，已按正常数据读取。",
                column_letter(*c),
                column.header
            ),
        });
    }
}

/// Removes invisible characters from every text cell of a sheet and cuts a text longer than a
/// workbook cell holds, each with a warning naming the cell: a name with a zero-width space
/// looks like another person's and is not the same text, a bidirectional override shows an
/// organ's name backwards, and a 40,000-character cell (a CSV file allows it) would make every
/// later result workbook fail to write.
fn clean_cells(range: &mut Range<Data>, sheet: &str, issues: &mut Issues) {
    let Some((top, left)) = range.start() else { return };
    let found: Vec<((u32, u32), cell::Cleaned)> = range
        .used_cells()
        .filter_map(|(r, c, v)| match v {
            Data::String(s) => cell::clean_text(s).map(|cleaned| ((r as u32 + top, c as u32 + left), cleaned)),
            _ => None,
        })
        .collect();
    for ((r, c), cleaned) in found {
        let before = range.get_value((r, c)).map(cell::display).unwrap_or_default();
        let shown: String = before.chars().filter(|&c| !cell::is_invisible(c)).take(20).collect();
        let mut what = Vec::new();
        if !cleaned.removed.is_empty() {
            what.push(format!("含有看不见的字符（{}），已去除", cleaned.removed.join("、")));
        }
        if let Some(n) = cleaned.cut_from {
            what.push(format!(
                "有 {n} 个字，超过单元格能容纳的 {} 个字，只保留前 {} 个字",
                cell::MAX_CELL_CHARS,
                cell::MAX_CELL_CHARS
            ));
        }
        let place = format!("工作表「{sheet}」第{}行 {}列", r + 1, column_letter(c));
        let ellipsis = if before.chars().count() > 20 { "…" } else { "" };
        issues.push(Issue {
            sheet: sheet.to_string(),
            row: Some(r + 1),
            column: Some(column_letter(c)),
            header: None,
            value: Some(shown.clone() + ellipsis),
            code: IssueCode::CellCleaned,
            severity: Severity::Warning,
            message: format!("{place}：「{shown}{ellipsis}」{}；请核对原表。", what.join("；")),
        });
        range.set_value((r, c), Data::String(cleaned.text));
    }
}

/// Gives each merged region's value (its top-left cell's) to the empty cells it spans, in the
/// rows at or below `data_start`. The regions are the file's word and are not trusted: each is
/// clamped to the sheet's used area (a merge written over A3:XFD1048576 costs no more than the
/// sheet), the cells looked at are capped at [`crate::source::MAX_CELLS`] in all, and only rows
/// with a value of their own are filled: a row that the merge alone would fill is blank to the
/// clerk, so filling never adds a row (the row limit, checked when the sheet was read, holds).
fn fill_merges(range: &mut Range<Data>, merges: &[(u32, u32, u32, u32)], data_start: u32) {
    let (Some((top, left)), Some((bottom, right))) = (range.start(), range.end()) else { return };
    let own: Vec<bool> = range.rows().map(|row| row.iter().any(|v| !cell::is_empty(v))).collect();
    let mut budget = crate::source::MAX_CELLS;
    for &(r0, c0, r1, c1) in merges.iter().filter(|m| m.0 >= data_start && m.2 > m.0 && m.0 <= bottom && m.1 <= right) {
        let (r1, c0, c1) = (r1.min(bottom), c0.max(left), c1.min(right));
        if c0 > c1 {
            continue;
        }
        let area = u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1);
        let Some(rest) = budget.checked_sub(area) else { break };
        budget = rest;
        let Some(value) = range.get_value((r0, c0)).cloned().filter(|v| !cell::is_empty(v)) else { continue };
        for r in (r0..=r1).filter(|r| own[(r - top) as usize]) {
            for c in c0..=c1 {
                if range.get_value((r, c)).is_none_or(cell::is_empty) {
                    range.set_value((r, c), value.clone());
                }
            }
        }
    }
}

/// Formulas in the people's cells whose results the file does not hold (a program wrote the
/// formula, and nobody opened and saved the file in Excel or WPS): read as blank, and said, in
/// the columns read and the rows of people.
fn uncached_formula_issues(t: &Table, uncached: &[((u32, u32), String)], issues: &mut Issues) {
    if uncached.is_empty() {
        return;
    }
    // Below the header: a row whose every cell is such a formula is not in the range at all,
    // and would otherwise be passed over without a word.
    let first_data = t.row0 + t.layout.data as u32 + 1;
    for ((r, c), formula) in uncached {
        let Some(column) = c.checked_sub(t.col0).and_then(|i| t.layout.columns.get(i as usize)) else { continue };
        let row = r + 1;
        if (column.field.is_none() && column.year.is_none()) || row < first_data {
            continue;
        }
        let mut issue = Issue {
            sheet: t.sheet.clone(),
            row: Some(row),
            column: Some(column_letter(*c)),
            header: Some(column.field.clone().unwrap_or_else(|| column.header.clone())),
            value: Some(format!("={formula}")),
            code: IssueCode::FormulaWithoutValue,
            severity: Severity::Warning,
            message: String::new(),
        };
        issue.message = format!(
            "{}：是公式「={formula}」，但文件中没有保存它的计算结果，已按空白读取（软件不计算公式）；请在 Excel 或 WPS 中打开该文件并保存（保存时会算出结果），再重新导入。",
            issue.place()
        );
        issues.push(issue);
    }
}
