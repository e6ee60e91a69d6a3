//! Reads the canonical roster workbook (sheets 人员, 单位, 年度考核, 处分; docs/cli.md) into
//! engine values. Every problem becomes an [`Issue`] naming sheet, row, column and value; only a
//! file that cannot be opened, or a 人员 sheet without its required columns, stops the read.

use crate::cell::{self, column_letter};
use crate::issue::{Issue, IssueCode, Issues, IssuesBeyond, Severity};
use crate::layout::Layout;
use calamine::{Data, Range};
use chrono::Datelike;
use kaohe_engine::fast_hash::FastMap;
use kaohe_engine::id_number;
use kaohe_engine::profile::squeeze;
use kaohe_engine::{AnnualInput, Organ, Period, Person, Profile, RegularGrade, RegularRecord, Restriction, ResultCode, Roster, YearResult};
use std::collections::{HashMap, HashSet};
use std::path::Path;

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
pub(crate) const ANNUAL_COLUMNS: [&str; 15] =
    ["身份证号", "年度", "姓名", "德", "能", "勤", "绩", "廉", "民主测评", "建议等次", "病假天数", "事假天数", "主管领导评语", "个人总结", "参加脱产培训情况"];
pub const SHEET_REGULAR: &str = "平时考核";
pub const SHEET_ANNUAL: &str = "年度评分";

/// The order the template writes the 人员 columns in.
pub const PEOPLE_TEMPLATE_ORDER: [&str; 24] = [
    "身份证号", "姓名", "性别", "出生日期", "单位", "部门", "职位类别", "职级", "任现职级时间", "领导职务", "职务层次", "任现职务时间", "是否领导成员", "学历",
    "参加工作时间", "进入公务员队伍时间", "级别", "级别起算时间", "档次", "档次起算时间", "政治面貌", "从事或分管工作", "进入方式", "离职/退休日期",
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
            WorkbookError::NoHeader { .. } | WorkbookError::EmptySheet { .. } | WorkbookError::HeaderNotFound { .. } => "column_missing",
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
        kaohe_files::write_replacing(path, kaohe_files::Access::Ordinary, |partial| book.save(partial).map_err(|e| WorkbookError::write(path, e)))
    }

    /// A workbook that could not be written to `path`, said for a clerk.
    pub(crate) fn write(path: &Path, e: rust_xlsxwriter::XlsxError) -> WorkbookError {
        let detail = match &e {
            rust_xlsxwriter::XlsxError::IoError(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
                "文件可能正在 Excel 或 WPS 中打开，或没有写入该文件夹的权限；请关闭该文件或换一个位置后重试"
            }
            rust_xlsxwriter::XlsxError::IoError(io) if io.kind() == std::io::ErrorKind::NotFound => "保存的文件夹不存在，请换一个位置",
            rust_xlsxwriter::XlsxError::IoError(_) => "写入磁盘失败（磁盘可能已满，或网络位置不可用），请换一个位置后重试",
            _ => "生成工作簿时出错，请把问题报告给软件维护人员",
        };
        WorkbookError::Write { file: path.display().to_string(), detail: detail.to_string(), technical: Some(e.to_string()) }
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

/// One sheet's table: where it sits and which column holds which field.
struct Table<'a> {
    /// The canonical sheet (人员, 单位 …), which selects the header synonyms.
    kind: &'static str,
    /// The sheet's own name, as the user sees it.
    sheet: String,
    range: &'a Range<Data>,
    row0: u32,
    col0: u32,
    layout: Layout,
    /// Canonical field → column offset in the range.
    columns: FastMap<String, usize>,
}

/// A field of a sheet: named by its canonical header (looked up on each use), or a [`Col`]
/// looked up beforehand.
trait Field: Copy {
    fn header(&self) -> &str;
    fn index(&self, t: &Table) -> Option<usize>;
}

impl Field for &str {
    fn header(&self) -> &str {
        self
    }
    fn index(&self, t: &Table) -> Option<usize> {
        t.columns.get(*self).copied()
    }
}

/// A field's canonical header and the offset of its column in the range, if the sheet has it.
#[derive(Debug, Clone, Copy)]
struct Col {
    header: &'static str,
    index: Option<usize>,
}

impl Field for Col {
    fn header(&self) -> &str {
        self.header
    }
    fn index(&self, _: &Table) -> Option<usize> {
        self.index
    }
}

impl<'a> Table<'a> {
    fn new(kind: &'static str, sheet: &str, range: &'a Range<Data>) -> Table<'a> {
        let key = if kind == SHEET_ORGANS { "单位名称" } else { "身份证号" };
        Table::with_layout(kind, sheet, range, crate::layout::detect(kind, range, key))
    }

    fn with_layout(kind: &'static str, sheet: &str, range: &'a Range<Data>, layout: Layout) -> Table<'a> {
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut columns = FastMap::default();
        for (i, c) in layout.columns.iter().enumerate() {
            if let Some(f) = &c.field {
                columns.entry(f.clone()).or_insert(i);
            }
        }
        Table { kind, sheet: sheet.to_string(), range, row0, col0, layout, columns }
    }

    /// Applies the user's mapping and rebuilds the field index.
    fn remap(&mut self, mapping: &std::collections::BTreeMap<String, String>) {
        crate::layout::apply_mapping(&mut self.layout, mapping, self.col0);
        self.columns = FastMap::default();
        for (i, c) in self.layout.columns.iter().enumerate() {
            if let Some(f) = &c.field {
                self.columns.entry(f.clone()).or_insert(i);
            }
        }
    }

    fn header_row(&self) -> u32 {
        self.row0 + self.layout.header as u32 + 1
    }

    fn missing(&self, required: &[&str]) -> Vec<String> {
        required.iter().filter(|c| !self.columns.contains_key(**c)).map(|c| c.to_string()).collect()
    }

    /// Data rows with their spreadsheet row numbers, up to a note under the table (填表人：…).
    /// Blank rows are skipped, and so are rows with nothing in any recognised column (a row
    /// with only a 序号).
    fn rows(&self) -> impl Iterator<Item = (u32, &'a [Data])> + '_ {
        let row0 = self.row0;
        let used: Vec<usize> = self.layout.columns.iter().enumerate().filter(|(_, c)| c.field.is_some() || c.year.is_some()).map(|(i, _)| i).collect();
        let key = self.columns.get("身份证号").or_else(|| self.columns.get("单位名称")).copied();
        let kind = self.kind;
        self.range
            .rows()
            .enumerate()
            .skip(self.layout.data)
            .take_while(move |(_, r)| !crate::layout::is_note_with_key(r, key))
            .filter(move |(_, r)| used.iter().any(|&c| r.get(c).is_some_and(|v| !cell::is_empty(v))))
            // A header row repeated further down (two lists pasted into one sheet) is not data.
            .filter(move |(_, r)| {
                // An ID (or an organ's name starting with a digit) is no header: checked first, without a copy.
                key.and_then(|k| r.get(k))
                    .and_then(cell::text_ref)
                    .is_none_or(|t| t.starts_with(|c: char| c.is_ascii_digit()) || crate::layout::field(kind, &t).is_none())
            })
            .map(move |(i, r)| (row0 + i as u32 + 1, r))
    }

    /// A field's column, looked up once for a sheet rather than once for every row.
    fn col(&self, header: &'static str) -> Col {
        Col { header, index: self.columns.get(header).copied() }
    }

    fn get<'r>(&self, row: &'r [Data], field: impl Field) -> &'r Data {
        static EMPTY: Data = Data::Empty;
        field.index(self).and_then(|c| row.get(c)).unwrap_or(&EMPTY)
    }

    fn letter(&self, field: impl Field) -> Option<String> {
        field.index(self).map(|c| column_letter(self.col0 + c as u32))
    }

    /// An issue in the cell of `field` among a row's `cells`, as [`Table::issue`].
    fn issue_at(&self, row: u32, cells: &[Data], field: impl Field, code: IssueCode, severity: Severity, what: &str) -> Issue {
        self.issue(row, field, self.get(cells, field), code, severity, what)
    }

    /// An issue in one cell. `what` completes 「value」…; the consequence is appended.
    fn issue(&self, row: u32, field: impl Field, value: &Data, code: IssueCode, severity: Severity, what: &str) -> Issue {
        let value_text = cell::display(value);
        let mut issue = Issue {
            sheet: self.sheet.clone(),
            row: Some(row),
            column: self.letter(field),
            header: Some(field.header().to_string()),
            value: Some(value_text.clone()),
            code,
            severity,
            message: String::new(),
        };
        let shown = if value_text.trim().is_empty() { "为空".to_string() } else { format!("「{value_text}」{what}") };
        let shown = if value_text.trim().is_empty() && what != "为空" { format!("为空，{what}") } else { shown };
        let consequence = match severity {
            Severity::Error => "该行未导入",
            Severity::Warning if code == IssueCode::LegacyId => "该行已按转换后的号码导入",
            Severity::Warning
                if matches!(
                    code,
                    IssueCode::DateOrder | IssueCode::IdMismatch | IssueCode::Hidden | IssueCode::NameNormalized | IssueCode::VagueValue | IssueCode::OldTitle
                ) =>
            {
                "该行已导入，请核对"
            }
            Severity::Warning => "该行已导入，此项未采用",
        };
        issue.message = format!("{}：{shown}；{consequence}。", issue.place());
        issue
    }

    fn sheet_issue(&self, code: IssueCode, message: String) -> Issue {
        Issue { sheet: self.sheet.clone(), row: Some(self.header_row()), column: None, header: None, value: None, code, severity: Severity::Error, message }
    }
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
    let file = path.display().to_string();
    let mut book = crate::source::open_detailed(path).map_err(|e| WorkbookError::Open { file: file.clone(), detail: e.message, technical: e.technical })?;
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
fn choose_people_sheet(book: &mut crate::source::Book, names: &[String], options: &ReadOptions, file: &str) -> Result<(String, bool), WorkbookError> {
    if let Some(s) = &options.sheet {
        return names.iter().find(|n| *n == s || squeeze(n) == squeeze(s)).map(|n| (n.clone(), false)).ok_or_else(|| WorkbookError::SheetMissing {
            file: file.to_string(),
            sheet: s.clone(),
            found: names.to_vec(),
        });
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
        if fields.contains("身份证号") && fields.contains("姓名") && best.as_ref().is_none_or(|b| fields.len() > b.0) {
            best = Some((fields.len(), n.clone()));
        }
    }
    match best {
        Some((_, n)) => Ok((n, true)),
        None if book.encoding().is_some() => Err(WorkbookError::NoHeader { file: file.to_string() }),
        None => Err(WorkbookError::SheetMissing { file: file.to_string(), sheet: SHEET_PEOPLE.to_string(), found: names.to_vec() }),
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
    let file = path.display().to_string();
    let mut book = crate::source::open_detailed(path).map_err(|e| WorkbookError::Open { file: file.clone(), detail: e.message, technical: e.technical })?;
    let names = book.sheet_names();
    let find = |wanted: &str| names.iter().find(|n| squeeze(n) == wanted).cloned();
    let mut issues = Issues::default();

    let (people_name, guessed) = choose_people_sheet(&mut book, &names, options, &file)?;
    if guessed && book.encoding().is_none() {
        issues.push(Issue {
            sheet: people_name.clone(),
            row: None,
            column: None,
            header: None,
            value: None,
            code: IssueCode::SheetMissing,
            severity: Severity::Warning,
            message: format!("文件中没有名为「人员」的工作表，按表头判断，将工作表「{people_name}」作为人员表读取。"),
        });
    }
    let people_sheet = people_name.clone();
    // Hidden rows and columns, and merged regions, come from one more pass over the file (the
    // sheet's XML, content.xml or the .xls records), on a second thread beside the reader's own
    // parse: it streams through the sheet (held whole only when something is hidden), so the
    // two rarely hold a large sheet in memory at once. A CSV file has none.
    let csv = book.encoding().is_some();
    let (people_range, extras) = std::thread::scope(|scope| {
        let extras = (!csv).then(|| scope.spawn(|| crate::hidden::hidden(path, &people_name)));
        let range = book.sheet(&people_name);
        // A pass that failed says nothing: the cells are still read.
        let extras = extras.and_then(|h| h.join().ok()).filter(|_| range.is_ok()).unwrap_or_default();
        (range, extras)
    });
    let (people_range, uncached) = match people_range {
        Ok(sheet) => (Ok(sheet.range), sheet.uncached),
        Err(e) => (Err(e), Vec::new()),
    };
    let mut people_range = people_range.map_err(|e| WorkbookError::Open {
        file: file.clone(),
        detail: format!("工作表「{people_name}」无法读取：{}", e.message),
        technical: e.technical,
    })?;
    clean_cells(&mut people_range, &people_name, &mut issues);
    // A cell merged down over several people (one 单位 for a block of rows) gives its value to
    // every row it spans; merges in the header rows are left to the header reading.
    if !extras.merges.is_empty() {
        let layout = people_layout(&people_range, options);
        let data_start = people_range.start().map_or(0, |(r, _)| r) + layout.data as u32;
        fill_merges(&mut people_range, &extras.merges, data_start);
    }
    // A CSV file holds the people only: the other sheets are not missing, they cannot exist.
    let single = book.encoding().is_some();
    let mut range_of = |name: &Option<String>, sheet: &'static str, issues: &mut Issues| -> Option<Range<Data>> {
        let Some(name) = name else {
            if !single {
                issues.push(Issue {
                    sheet: sheet.to_string(),
                    row: None,
                    column: None,
                    header: None,
                    value: None,
                    code: IssueCode::SheetMissing,
                    severity: Severity::Warning,
                    message: format!("文件中没有「{sheet}」工作表，按无{sheet}记录处理。"),
                });
            }
            return None;
        };
        match book.range(name) {
            Ok(mut r) => {
                clean_cells(&mut r, name, issues);
                Some(r)
            }
            Err(e) => {
                issues.push(Issue {
                    sheet: sheet.to_string(),
                    row: None,
                    column: None,
                    header: None,
                    value: None,
                    code: IssueCode::SheetMissing,
                    severity: Severity::Error,
                    message: format!("工作表「{sheet}」无法读取：{e}。按无{sheet}记录处理。"),
                });
                None
            }
        }
    };

    let organs_range = range_of(&find(SHEET_ORGANS), SHEET_ORGANS, &mut issues);
    let results_range = range_of(&find(SHEET_ASSESSMENTS), SHEET_ASSESSMENTS, &mut issues);
    let restrictions_range = range_of(&find(SHEET_RESTRICTIONS), SHEET_RESTRICTIONS, &mut issues);
    // The assessment's input sheets are optional without a word: a roster kept for promotion
    // only does not have them.
    let regular_range = find(SHEET_REGULAR).and_then(|n| range_of(&Some(n), SHEET_REGULAR, &mut issues));
    let annual_range = find(SHEET_ANNUAL).and_then(|n| range_of(&Some(n), SHEET_ANNUAL, &mut issues));

    let mut people_table = Table::with_layout(SHEET_PEOPLE, &people_sheet, &people_range, people_layout(&people_range, options));
    let signature = crate::layout::signature(&people_table.layout);
    if let Some(mapping) = &options.mapping {
        people_table.remap(mapping);
    }
    let missing = people_table.missing(&PEOPLE_COLUMNS[..PEOPLE_REQUIRED]);
    if !missing.is_empty() {
        if people_range.cells().all(|(_, _, v)| cell::is_empty(v)) {
            return Err(WorkbookError::EmptySheet { sheet: people_sheet });
        }
        // Nothing in the first rows reads as a header (and no mapping says otherwise): say so,
        // and where a header sits further down.
        let recognised = people_table.layout.columns.iter().any(|c| c.field.is_some() || c.year.is_some());
        if !recognised && options.mapping.is_none() {
            let found_at = crate::layout::header_further_down(SHEET_PEOPLE, &people_range).map(|r| people_table.row0 + r as u32 + 1);
            return Err(WorkbookError::HeaderNotFound { sheet: people_sheet, found_at });
        }
        return Err(WorkbookError::ColumnMissing { sheet: people_sheet, header_row: people_table.header_row(), columns: missing });
    }
    let name_of = |kind: &str| find(kind).unwrap_or_else(|| kind.to_string());
    let mut roster = Roster::default();
    // Hidden rows and columns are read, but said.
    let hidden = extras;
    let data_rows: Vec<u32> = if hidden.rows.is_empty() { Vec::new() } else { people_table.rows().map(|(r, _)| r).collect() };
    for r in hidden.rows.iter().filter(|r| data_rows.contains(r)) {
        issues.push(Issue {
            sheet: people_sheet.clone(),
            row: Some(*r),
            column: None,
            header: None,
            value: None,
            code: IssueCode::Hidden,
            severity: Severity::Warning,
            message: format!("工作表「{people_sheet}」第{r}行是隐藏行，已按正常数据读取；如该行不应导入，请删除后重新导入。"),
        });
    }
    for c in hidden.columns.iter().filter(|&&c| c >= people_table.col0 && ((c - people_table.col0) as usize) < people_table.layout.columns.len()) {
        let column = &people_table.layout.columns[(c - people_table.col0) as usize];
        if column.field.is_none() && column.year.is_none() {
            continue;
        }
        issues.push(Issue {
            sheet: people_sheet.clone(),
            row: None,
            column: Some(column_letter(*c)),
            header: Some(column.header.clone()),
            value: None,
            code: IssueCode::Hidden,
            severity: Severity::Warning,
            message: format!("工作表「{people_sheet}」{}列「{}」是隐藏列，已按正常数据读取。", column_letter(*c), column.header),
        });
    }
    uncached_formula_issues(&people_table, &uncached, &mut issues);
    let today = options.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut sources = Vec::new();
    let rows_read = read_people(&people_table, profile, today, options.progress.as_ref(), &mut roster, &mut sources, &mut issues)?;
    let mapping = mapped_columns(&people_table.layout, people_table.col0);
    let header_row = people_table.header_row();
    // The people read, for the sheets that refer to them (a copy of every ID: only when there is
    // such a sheet).
    let refers = [&results_range, &restrictions_range, &regular_range, &annual_range].iter().any(|r| r.is_some());
    let known: HashSet<String> = if refers { roster.people.iter().map(|p| p.id.clone()).collect() } else { HashSet::new() };
    if let Some(r) = &organs_range {
        read_organs(&Table::new(SHEET_ORGANS, &name_of(SHEET_ORGANS), r), profile, &mut roster, &mut issues);
    }
    if let Some(r) = &results_range {
        read_results(&Table::new(SHEET_ASSESSMENTS, &name_of(SHEET_ASSESSMENTS), r), &known, &mut roster, &mut issues);
    }
    if let Some(r) = &restrictions_range {
        read_restrictions(&Table::new(SHEET_RESTRICTIONS, &name_of(SHEET_RESTRICTIONS), r), profile, &known, &mut roster, &mut issues);
    }
    if let Some(r) = &regular_range {
        read_regular(&Table::new(SHEET_REGULAR, &name_of(SHEET_REGULAR), r), &known, &mut roster, &mut issues);
    }
    if let Some(r) = &annual_range {
        read_annual(&Table::new(SHEET_ANNUAL, &name_of(SHEET_ANNUAL), r), &known, &mut roster, &mut issues);
    }
    let (issues, issues_beyond) = issues.finish(&people_sheet);
    Ok(RosterRead { file, roster, issues, issues_beyond, rows_read, sheet: people_sheet, header_row, mapping, signature, sources })
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
            what.push(format!("有 {n} 个字，超过单元格能容纳的 {} 个字，只保留前 {} 个字", cell::MAX_CELL_CHARS, cell::MAX_CELL_CHARS));
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

fn required_sheet_columns(t: &Table, required: &[&str], issues: &mut Issues) -> bool {
    let missing = t.missing(required);
    if missing.is_empty() {
        return true;
    }
    issues.push(t.sheet_issue(
        IssueCode::ColumnMissing,
        format!("工作表「{}」的表头（第{}行）缺少必需的列：{}；该工作表未导入。", t.sheet, t.header_row(), missing.join("、")),
    ));
    false
}

/// Reads an ID cell; pushes an issue and returns `None` when it is not a valid ID.
fn read_id(t: &Table, column: impl Field, row: u32, cells: &[Data], issues: &mut Issues) -> Option<String> {
    let c = t.get(cells, column);
    // A 15-digit ID stored as a number lost nothing: it is read as its digits.
    let as_digits = match c {
        Data::Float(f) if f.fract() == 0.0 && (1e14..1e15).contains(f) => Some(format!("{}", *f as i64)),
        Data::Int(i) if (100_000_000_000_000..1_000_000_000_000_000).contains(i) => Some(i.to_string()),
        _ => None,
    };
    if let (Data::Float(f), None) = (c, &as_digits) {
        issues.push(t.issue(row, column, c, IssueCode::BadId, Severity::Error, &format!("被存成了数字（{f:E}），末几位已丢失；请把该列设为文本后重新填写")));
        return None;
    }
    let Some(raw) = as_digits.map(std::borrow::Cow::Owned).or_else(|| cell::text_ref(c)) else {
        issues.push(t.issue(row, column, c, IssueCode::MissingValue, Severity::Error, "为空"));
        return None;
    };
    let mut id = id_number::normalize(&raw);
    if let Some(upgraded) = id_number::upgrade_15(&id) {
        issues.push(t.issue(row, column, c, IssueCode::LegacyId, Severity::Warning, &format!("是15位旧身份证号，已按规则转换为18位 {upgraded}")));
        id = upgraded;
    }
    match id_number::validate(&id) {
        Ok(()) => Some(id),
        Err(p) => {
            issues.push(t.issue(row, column, c, IssueCode::BadId, Severity::Error, &format!("无效：{}", p.message())));
            None
        }
    }
}

/// A valid ID as a number: its 18 characters as base-11 digits (X is 10), which fits in 64 bits
/// (11^18 < 2^64) and is one-to-one.
fn id_key(id: &str) -> u64 {
    id.bytes().fold(0u64, |k, b| k.wrapping_mul(11).wrapping_add(if b == b'X' { 10 } else { u64::from(b.wrapping_sub(b'0')) }))
}

/// The columns of the 人员 sheet, looked up once before its rows are read.
struct PeopleFields {
    id: Col,
    name: Col,
    gender: Col,
    birth: Col,
    organ: Col,
    department: Col,
    category: Col,
    rank: Col,
    rank_since: Col,
    post: Col,
    post_level: Col,
    post_since: Col,
    leader: Col,
    education: Col,
    work_start: Col,
    service_start: Col,
    level: Col,
    level_since: Col,
    step: Col,
    step_since: Col,
    political_status: Col,
    duties: Col,
    entry_method: Col,
    left_on: Col,
}

impl PeopleFields {
    fn of(t: &Table) -> PeopleFields {
        PeopleFields {
            id: t.col("身份证号"),
            name: t.col("姓名"),
            gender: t.col("性别"),
            birth: t.col("出生日期"),
            organ: t.col("单位"),
            department: t.col("部门"),
            category: t.col("职位类别"),
            rank: t.col("职级"),
            rank_since: t.col("任现职级时间"),
            post: t.col("领导职务"),
            post_level: t.col("职务层次"),
            post_since: t.col("任现职务时间"),
            leader: t.col("是否领导成员"),
            education: t.col("学历"),
            work_start: t.col("参加工作时间"),
            service_start: t.col("进入公务员队伍时间"),
            level: t.col("级别"),
            level_since: t.col("级别起算时间"),
            step: t.col("档次"),
            step_since: t.col("档次起算时间"),
            political_status: t.col("政治面貌"),
            duties: t.col("从事或分管工作"),
            entry_method: t.col("进入方式"),
            left_on: t.col("离职/退休日期"),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn read_people(
    t: &Table,
    profile: &Profile,
    today: chrono::NaiveDate,
    progress: Option<&ReadProgress>,
    roster: &mut Roster,
    sources: &mut Vec<PersonSource>,
    issues: &mut Issues,
) -> Result<u32, WorkbookError> {
    // The rows of the IDs read so far, by the ID as a number (no copy of the text per row).
    let mut rows: u32 = 0;
    let total = (t.range.height() as u32).saturating_sub(t.layout.data as u32);
    // Room for every row at once (a rehash of a large map, or a copy of a large list, costs).
    let mut seen: FastMap<u64, u32> = kaohe_engine::fast_hash::map_with_capacity(total as usize);
    roster.people.reserve(total as usize);
    sources.reserve(total as usize);
    let told = |done: u32| progress.is_none_or(|p| (p.0)(done, total.max(done)));
    if !told(0) {
        return Err(WorkbookError::Cancelled);
    }
    // Progress by position in the sheet, so blank rows count as read.
    let first = t.row0 + t.layout.data as u32 + 1;
    // 级别 runs from 1 to the lowest 级别 any ladder of the profile reaches; 档次 has no rule
    // here beyond being a positive number.
    let lowest_level = profile.ladders.iter().flat_map(|l| l.ranks.iter().map(|r| r.grades.1)).max().unwrap_or(u32::MAX);
    let k = PeopleFields::of(t);
    let year_columns: Vec<(usize, &crate::layout::Column, i32)> =
        t.layout.columns.iter().enumerate().filter_map(|(c, col)| col.year.map(|y| (c, col, y))).collect();
    for (row, cells) in t.rows() {
        if rows.is_multiple_of(PROGRESS_EVERY) && rows > 0 && !told(row - first) {
            return Err(WorkbookError::Cancelled);
        }
        rows += 1;
        let before = issues.errors();
        let kept_from = issues.kept();
        let mut ok = true;
        let id = read_id(t, k.id, row, cells, issues);
        ok &= id.is_some();
        if let Some(id) = &id {
            if let Some(first) = seen.get(&id_key(id)) {
                issues.push(t.issue_at(row, cells, k.id, IssueCode::DuplicateId, Severity::Error, &format!("与第{first}行重复")));
                ok = false;
            }
        }
        let need_text = |header: Col, issues: &mut Issues| -> Option<std::borrow::Cow<'_, str>> {
            let v = cell::text_ref(t.get(cells, header));
            if v.is_none() {
                issues.push(t.issue_at(row, cells, header, IssueCode::MissingValue, Severity::Error, "为空"));
            }
            v
        };
        let written = need_text(k.name, issues);
        let name = written.as_deref().map(|w| cell::squeezed(w).into_owned());
        let organ = need_text(k.organ, issues).map(std::borrow::Cow::into_owned);
        let category_text = need_text(k.category, issues);
        let rank_text = need_text(k.rank, issues);
        // "王　一", "张  三" (aligned), "李\n四": read without the blanks, the original said.
        let name_as_written = match (&written, &name) {
            (Some(w), Some(n)) if w != n => {
                let original = cell::display(t.get(cells, k.name));
                let mut issue =
                    t.issue_at(row, cells, k.name, IssueCode::NameNormalized, Severity::Warning, &format!("中间含有空格或换行，已去掉，按「{n}」读取"));
                // A line break inside a message would split it; it is named instead.
                let visible = original.replace("\r\n", "\n").replace('\n', "（换行）");
                issue.message = issue.message.replacen(&format!("「{original}」"), &format!("「{visible}」"), 1);
                issues.push(issue);
                Some(original)
            }
            _ => None,
        };

        let category = category_text.as_deref().and_then(|c| match profile.category(c) {
            Some(cat) => Some(cat.name.clone()),
            None => {
                let known: Vec<&str> = profile.categories.iter().map(|c| c.name.as_str()).collect();
                issues.push(t.issue_at(
                    row,
                    cells,
                    k.category,
                    IssueCode::UnknownCategory,
                    Severity::Error,
                    &format!("不是规则中的职位类别（{}）", known.join("、")),
                ));
                None
            }
        });
        let rank = rank_text.as_deref().and_then(|r| match profile.rank_ref(r) {
            Some(rr) => Some(rr),
            None if profile.old_title(r).is_some() => {
                let rr = profile.old_title(r)?;
                let name = &profile.rank(rr).name;
                let why = format!("是2019年6月前的职务名称，已按职级套转视为「{name}」；请按任职文件核对并改写为现行职级");
                issues.push(t.issue_at(row, cells, k.rank, IssueCode::OldTitle, Severity::Warning, &why));
                Some(rr)
            }
            None => {
                issues.push(t.issue_at(row, cells, k.rank, IssueCode::UnknownRank, Severity::Error, "不是规则中的职级名称"));
                None
            }
        });
        if let (Some(cat), Some(rr)) = (&category, rank) {
            let ladder = &profile.ladders[rr.ladder];
            if &ladder.category != cat {
                issues.push(t.issue_at(
                    row,
                    cells,
                    k.rank,
                    IssueCode::RankCategoryMismatch,
                    Severity::Error,
                    &format!("属于{}职级序列，与职位类别「{cat}」不符", ladder.category),
                ));
                ok = false;
            }
        }

        let date_of = |header: Col, required: bool, issues: &mut Issues| -> Option<chrono::NaiveDate> {
            let c = t.get(cells, header);
            match cell::date(c) {
                Ok(Some(d)) => Some(d),
                Ok(None) => {
                    if required {
                        issues.push(t.issue(row, header, c, IssueCode::MissingValue, Severity::Error, "为空"));
                    }
                    None
                }
                Err(why) => {
                    let severity = if required { Severity::Error } else { Severity::Warning };
                    issues.push(t.issue(row, header, c, IssueCode::BadDate, severity, &why));
                    None
                }
            }
        };
        let rank_since = date_of(k.rank_since, true, issues);
        let birth = date_of(k.birth, false, issues);
        let post_since = date_of(k.post_since, false, issues);
        let work_start = date_of(k.work_start, false, issues);
        let service_start = date_of(k.service_start, false, issues);
        let level_since = date_of(k.level_since, false, issues);
        let step_since = date_of(k.step_since, false, issues);
        let left_on = date_of(k.left_on, false, issues);
        // 进入方式 through the profile's names and aliases; another value costs only that value.
        let entry_method = cell::text_ref(t.get(cells, k.entry_method)).and_then(|m| match profile.assessment.entry_method(&m) {
            Some(e) => Some(e.name.clone()),
            None => {
                let known: Vec<&str> = profile.assessment.entry_methods.iter().map(|e| e.name.as_str()).collect();
                issues.push(t.issue_at(
                    row,
                    cells,
                    k.entry_method,
                    IssueCode::BadValue,
                    Severity::Warning,
                    &format!("不是规则中的进入方式（{}）；按未填写处理", known.join("、")),
                ));
                None
            }
        });
        let count_of = |header: Col, max: u32, issues: &mut Issues| -> Option<u32> {
            let c = t.get(cells, header);
            match cell::count(c) {
                Ok(Some(n)) if n >= 1 && n <= max => Some(n),
                Ok(None) => None,
                Ok(Some(_)) => {
                    let range = if max == u32::MAX { "应为正整数".to_string() } else { format!("应在 1–{max} 之间") };
                    issues.push(t.issue(row, header, c, IssueCode::BadNumber, Severity::Warning, &range));
                    None
                }
                Err(why) => {
                    issues.push(t.issue(row, header, c, IssueCode::BadNumber, Severity::Warning, &why));
                    None
                }
            }
        };
        let level = count_of(k.level, lowest_level, issues);
        let step = count_of(k.step, u32::MAX, issues);

        let post_level = cell::text_ref(t.get(cells, k.post_level)).and_then(|l| match profile.leading_post(&l) {
            Some(p) => Some(p.name.clone()),
            None => {
                issues.push(t.issue_at(
                    row,
                    cells,
                    k.post_level,
                    IssueCode::UnknownPostLevel,
                    Severity::Warning,
                    "不是规则中的领导职务层次（如 县处级正职、乡科级副职）",
                ));
                None
            }
        });
        let is_leader = match cell::yes_no(t.get(cells, k.leader)) {
            Ok(v) => v.unwrap_or(false),
            Err(why) => {
                issues.push(t.issue_at(row, cells, k.leader, IssueCode::BadValue, Severity::Warning, &why));
                false
            }
        };
        let gender = cell::text_ref(t.get(cells, k.gender));
        if let Some(g) = &gender {
            if g != "男" && g != "女" {
                issues.push(t.issue_at(row, cells, k.gender, IssueCode::BadValue, Severity::Warning, "应填“男”或“女”"));
            }
        }
        // Cross-checks: the ID against 出生日期 and 性别, and the dates in their order.
        if let Some(id) = &id {
            let id_birth = id_number::birth_date(id);
            if let (Some(b), Some(ib)) = (birth, id_birth) {
                if b != ib && (b.year(), b.month()) != (ib.year(), ib.month()) {
                    issues.push(t.issue_at(
                        row,
                        cells,
                        k.birth,
                        IssueCode::IdMismatch,
                        Severity::Warning,
                        &format!("与身份证号中的出生日期 {ib} 不一致，请核对"),
                    ));
                }
            }
            if let Some(g) = gender.as_deref().filter(|g| *g == "男" || *g == "女") {
                let id_gender = id.chars().nth(16).and_then(|c| c.to_digit(10)).map(|d| if d % 2 == 1 { "男" } else { "女" });
                if id_gender.is_some_and(|ig| ig != g) {
                    issues.push(t.issue_at(
                        row,
                        cells,
                        k.gender,
                        IssueCode::IdMismatch,
                        Severity::Warning,
                        &format!("与身份证号（第17位表示{}）不一致，请核对", id_gender.unwrap_or_default()),
                    ));
                }
            }
        }
        let born = birth.or_else(|| id.as_deref().and_then(id_number::birth_date));
        let order: [(Col, Option<chrono::NaiveDate>); 4] =
            [(k.birth, born), (k.work_start, work_start), (k.service_start, service_start), (k.rank_since, rank_since)];
        for w in 0..order.len() {
            for later in w + 1..order.len() {
                if let ((a_col, Some(a)), (b_col, Some(b))) = (order[w], order[later]) {
                    if b < a {
                        issues.push(t.issue_at(row, cells, b_col, IssueCode::DateOrder, Severity::Warning, &format!("早于{}（{a}），请核对", a_col.header)));
                    }
                }
            }
        }
        if let Some(r) = rank_since.filter(|r| *r > today) {
            issues.push(t.issue_at(row, cells, k.rank_since, IssueCode::DateOrder, Severity::Warning, &format!("晚于今天（{today}），请核对")));
            let _ = r;
        }

        ok &= issues.errors() == before;
        if !ok {
            issues.row_not_imported(kept_from);
        }
        let (Some(id), Some(name), Some(organ), Some(category), Some(rank), Some(rank_since), true) = (id, name, organ, category, rank, rank_since, ok) else {
            continue;
        };
        seen.insert(id_key(&id), row);
        sources.push(PersonSource { row, name_as_written });
        // Wide per-year result columns ("2023年度考核", or years under a 考核 group).
        for &(c, column, year) in &year_columns {
            let value = cells.get(c).unwrap_or(&Data::Empty);
            let Some(text) = cell::text_ref(value) else { continue };
            match ResultCode::parse(&cell::squeezed(&text)) {
                Some(result) => roster.results.push(YearResult { person_id: id.clone(), year, result }),
                None => issues.push(Issue {
                    sheet: t.sheet.clone(),
                    row: Some(row),
                    column: Some(column_letter(t.col0 + c as u32)),
                    header: Some(column.header.clone()),
                    value: Some(text.to_string()),
                    code: IssueCode::UnknownGrade,
                    severity: Severity::Warning,
                    message: format!(
                        "工作表「{}」第{row}行 {}列「{}」：「{text}」不是有效等次（优秀、称职、基本称职、不称职，或代码 1–4、5A、5B、5C、6A、7）；该行已导入，此项未采用。",
                        t.sheet,
                        column_letter(t.col0 + c as u32),
                        column.header
                    ),
                }),
            }
        }
        roster.people.push(Person {
            id,
            name,
            gender: gender.filter(|g| g == "男" || g == "女").map(std::borrow::Cow::into_owned),
            birth,
            organ,
            department: cell::text(t.get(cells, k.department)),
            category,
            rank: profile.rank(rank).name.clone(),
            rank_since,
            post: cell::text(t.get(cells, k.post)),
            post_level,
            post_since,
            is_leader,
            education: cell::text(t.get(cells, k.education)),
            work_start,
            service_start,
            level,
            level_since,
            step,
            step_since,
            political_status: cell::text(t.get(cells, k.political_status)),
            duties: cell::long_text(t.get(cells, k.duties)),
            entry_method,
            left_on,
        });
    }
    if !told(total) {
        return Err(WorkbookError::Cancelled);
    }
    Ok(rows)
}

fn read_organs(t: &Table, profile: &Profile, roster: &mut Roster, issues: &mut Issues) {
    if !required_sheet_columns(t, &ORGAN_COLUMNS[..1], issues) {
        return;
    }
    // Columns that are neither the fixed ones nor a pool of the profile.
    let mut pool_columns = Vec::new();
    for (i, column) in t.layout.columns.iter().enumerate() {
        let h = squeeze(&column.header);
        if h.is_empty() || column.field.is_some() {
            continue;
        }
        // A pool's approved number, or a rank's own number inside its pool (一级调研员 …).
        let rank_in_pool = || profile.rank_ref(&h).filter(|&r| profile.pool_of(r).is_some()).map(|r| profile.rank(r).name.clone());
        match profile.pool(&h).map(|(_, pool)| pool.name.clone()).or_else(rank_in_pool) {
            Some(key) => pool_columns.push((i, h.clone(), key)),
            None => issues.push(Issue {
                sheet: t.sheet.clone(),
                row: Some(t.header_row()),
                column: Some(column_letter(t.col0 + i as u32)),
                header: Some(h.clone()),
                value: Some(h.clone()),
                code: IssueCode::UnknownPool,
                severity: Severity::Warning,
                message: format!(
                    "工作表「{}」第{}行 {}列：表头「{h}」不是规则中的职数池名称（如 {}），也不是属于职数池的职级，该列未导入。",
                    t.sheet,
                    t.header_row(),
                    column_letter(t.col0 + i as u32),
                    profile.pools.iter().take(4).map(|p| p.name.as_str()).collect::<Vec<_>>().join("、")
                ),
            }),
        }
    }
    let mut seen: HashSet<String> = HashSet::new();
    for (row, cells) in t.rows() {
        let Some(name) = cell::text(t.get(cells, "单位名称")) else {
            issues.push(t.issue_at(row, cells, "单位名称", IssueCode::MissingValue, Severity::Error, "为空"));
            continue;
        };
        if !seen.insert(name.clone()) {
            issues.push(t.issue_at(row, cells, "单位名称", IssueCode::DuplicateId, Severity::Error, "在本表中重复出现"));
            continue;
        }
        let level = cell::text(t.get(cells, "机关层级")).and_then(|l| match profile.organ_level(&l) {
            Some(ol) => {
                if let Some(w) = &ol.import_warning {
                    issues.push(t.issue_at(row, cells, "机关层级", IssueCode::VagueValue, Severity::Warning, w));
                }
                Some(ol.name.clone())
            }
            None => {
                let known: Vec<&str> = profile.organ_levels.iter().map(|o| o.name.as_str()).collect();
                issues.push(t.issue_at(
                    row,
                    cells,
                    "机关层级",
                    IssueCode::UnknownOrganLevel,
                    Severity::Warning,
                    &format!("不是规则中的机关层级（{}）", known.join("、")),
                ));
                None
            }
        });
        let ratio_cell = t.get(cells, "优秀比例");
        let excellent_ratio = match cell::percent(ratio_cell) {
            Ok(Some(bp)) if bp > profile.assessment.max_ratio => {
                let max = profile.assessment.max_ratio as f64 / 100.0;
                issues.push(t.issue(row, "优秀比例", ratio_cell, IssueCode::BadNumber, Severity::Warning, &format!("超过规则允许的上限 {max}%")));
                None
            }
            Ok(v) => v,
            Err(why) => {
                issues.push(t.issue(row, "优秀比例", ratio_cell, IssueCode::BadNumber, Severity::Warning, &why));
                None
            }
        };
        let performance_rating = cell::text(t.get(cells, "绩效等次"));
        let supervisor = cell::text(t.get(cells, "主管机关"));
        let mut organ = Organ { name, level, slots: Default::default(), excellent_ratio, performance_rating, supervisor };
        for (col, header, pool) in &pool_columns {
            let c = cells.get(*col).unwrap_or(&Data::Empty);
            match cell::count(c) {
                Ok(Some(n)) => {
                    organ.slots.insert(pool.clone(), n);
                }
                Ok(None) => {}
                Err(why) => issues.push(t.issue(row, header.as_str(), c, IssueCode::BadNumber, Severity::Warning, &why)),
            }
        }
        roster.organs.push(organ);
    }
}

fn read_results(t: &Table, known: &HashSet<String>, roster: &mut Roster, issues: &mut Issues) {
    if !required_sheet_columns(t, &ASSESSMENT_COLUMNS[..3], issues) {
        return;
    }
    let mut seen: HashMap<(String, i32), u32> = HashMap::new();
    let from_people: HashSet<(String, i32)> = roster.results.iter().map(|r| (r.person_id.clone(), r.year)).collect();
    for (row, cells) in t.rows() {
        let Some(id) = read_id(t, "身份证号", row, cells, issues) else { continue };
        if !known.contains(&id) {
            issues.push(t.issue_at(row, cells, "身份证号", IssueCode::UnknownPerson, Severity::Error, "不在「人员」表已导入的人员中"));
            continue;
        }
        let year = match cell::year(t.get(cells, "年度")) {
            Ok(y) => y,
            Err(why) => {
                issues.push(t.issue_at(row, cells, "年度", IssueCode::BadYear, Severity::Error, &why));
                continue;
            }
        };
        let grade_cell = t.get(cells, "等次");
        let Some(result) = cell::text(grade_cell).and_then(|g| ResultCode::parse(&squeeze(&g))) else {
            issues.push(t.issue(
                row,
                "等次",
                grade_cell,
                IssueCode::UnknownGrade,
                Severity::Error,
                "不是有效等次（优秀、称职、基本称职、不称职，或代码 1、2、3、4、5A、5B、5C、6A、7）",
            ));
            continue;
        };
        if let Some(first) = seen.insert((id.clone(), year), row) {
            issues.push(t.issue_at(row, cells, "年度", IssueCode::DuplicateResult, Severity::Error, &format!("该人员{year}年度的结果已在第{first}行出现")));
            continue;
        }
        if from_people.contains(&(id.clone(), year)) {
            issues.push(t.issue_at(
                row,
                cells,
                "年度",
                IssueCode::DuplicateResult,
                Severity::Error,
                &format!("该人员{year}年度的结果已在「人员」表的年度考核列中填写"),
            ));
            continue;
        }
        roster.results.push(YearResult { person_id: id, year, result });
    }
}

fn read_restrictions(t: &Table, profile: &Profile, known: &HashSet<String>, roster: &mut Roster, issues: &mut Issues) {
    if !required_sheet_columns(t, &RESTRICTION_COLUMNS[..3], issues) {
        return;
    }
    for (row, cells) in t.rows() {
        let Some(id) = read_id(t, "身份证号", row, cells, issues) else { continue };
        if !known.contains(&id) {
            issues.push(t.issue_at(row, cells, "身份证号", IssueCode::UnknownPerson, Severity::Error, "不在「人员」表已导入的人员中"));
            continue;
        }
        let kind_cell = t.get(cells, "类型");
        let Some(rule) = cell::text(kind_cell).and_then(|k| profile.restriction(&k)) else {
            let known: Vec<&str> = profile.restrictions.iter().map(|r| r.kind.as_str()).collect();
            issues.push(t.issue(
                row,
                "类型",
                kind_cell,
                IssueCode::UnknownRestriction,
                Severity::Error,
                &format!("不是规则中的处分或处理类型（{}）", known.join("、")),
            ));
            continue;
        };
        let date = match cell::date(t.get(cells, "日期")) {
            Ok(Some(d)) => d,
            Ok(None) => {
                issues.push(t.issue_at(row, cells, "日期", IssueCode::MissingValue, Severity::Error, "为空"));
                continue;
            }
            Err(why) => {
                issues.push(t.issue_at(row, cells, "日期", IssueCode::BadDate, Severity::Error, &why));
                continue;
            }
        };
        let end = match cell::date(t.get(cells, "结束日期")) {
            Ok(d) => d,
            Err(why) => {
                issues.push(t.issue_at(row, cells, "结束日期", IssueCode::BadDate, Severity::Error, &why));
                continue;
            }
        };
        if end.is_some_and(|e| e < date) {
            issues.push(t.issue_at(row, cells, "结束日期", IssueCode::DateOrder, Severity::Error, "早于「日期」"));
            continue;
        }
        if let Some(w) = &rule.import_warning {
            issues.push(t.issue(row, "类型", kind_cell, IssueCode::VagueValue, Severity::Warning, w));
        }
        roster.restrictions.push(Restriction { person_id: id, kind: rule.kind.clone(), date, end });
    }
}

/// Reads a score cell into hundredths, reporting a bad one as a warning.
fn score_of(t: &Table, row: u32, cells: &[Data], header: &str, issues: &mut Issues) -> Option<i64> {
    let c = t.get(cells, header);
    match cell::score(c) {
        Ok(v) => v,
        Err(why) => {
            issues.push(t.issue(row, header, c, IssueCode::BadNumber, Severity::Warning, &why));
            None
        }
    }
}

/// The person and year of an assessment row, or `None` (with an issue) when the row is unusable.
fn person_year(t: &Table, row: u32, cells: &[Data], known: &HashSet<String>, issues: &mut Issues) -> Option<(String, i32)> {
    let id = read_id(t, "身份证号", row, cells, issues)?;
    if !known.contains(&id) {
        issues.push(t.issue_at(row, cells, "身份证号", IssueCode::UnknownPerson, Severity::Error, "不在「人员」表已导入的人员中"));
        return None;
    }
    match cell::year(t.get(cells, "年度")) {
        Ok(y) => Some((id, y)),
        Err(why) => {
            issues.push(t.issue_at(row, cells, "年度", IssueCode::BadYear, Severity::Error, &why));
            None
        }
    }
}

fn read_regular(t: &Table, known: &HashSet<String>, roster: &mut Roster, issues: &mut Issues) {
    if !required_sheet_columns(t, &REGULAR_COLUMNS[..2], issues) {
        return;
    }
    let has = |h: &str| t.columns.contains_key(h);
    if !has("季度") && !has("月份") {
        issues.push(
            t.sheet_issue(IssueCode::ColumnMissing, format!("工作表「{}」的表头（第{}行）缺少「季度」或「月份」列；该工作表未导入。", t.sheet, t.header_row())),
        );
        return;
    }
    if !has("等次") && !has("得分") {
        issues.push(
            t.sheet_issue(IssueCode::ColumnMissing, format!("工作表「{}」的表头（第{}行）缺少「等次」或「得分」列；该工作表未导入。", t.sheet, t.header_row())),
        );
        return;
    }
    let mut seen: HashMap<(String, i32, Period), u32> = HashMap::new();
    for (row, cells) in t.rows() {
        let Some((id, year)) = person_year(t, row, cells, known, issues) else { continue };
        let period = match (cell::count(t.get(cells, "季度")), cell::count(t.get(cells, "月份"))) {
            (Ok(Some(q)), _) if (1..=4).contains(&q) => Period::Quarter(q as u8),
            (Ok(None), Ok(Some(m))) if (1..=12).contains(&m) => Period::Month(m as u8),
            _ => {
                let header = if has("季度") && !cell::is_empty(t.get(cells, "季度")) || !has("月份") { "季度" } else { "月份" };
                issues.push(t.issue_at(row, cells, header, IssueCode::BadValue, Severity::Error, "应为季度 1–4 或月份 1–12"));
                continue;
            }
        };
        let grade_cell = t.get(cells, "等次");
        let grade = match cell::text(grade_cell) {
            None => None,
            Some(g) => match RegularGrade::from_name(&squeeze(&g)) {
                Some(g) => Some(g),
                None => {
                    issues.push(t.issue(row, "等次", grade_cell, IssueCode::UnknownGrade, Severity::Error, "不是平时考核等次（好、较好、一般、较差）"));
                    continue;
                }
            },
        };
        let score = score_of(t, row, cells, "得分", issues);
        if grade.is_none() && score.is_none() {
            issues.push(t.issue(row, "等次", grade_cell, IssueCode::MissingValue, Severity::Error, "与「得分」都为空"));
            continue;
        }
        if let Some(first) = seen.insert((id.clone(), year, period), row) {
            issues.push(t.issue_at(
                row,
                cells,
                "身份证号",
                IssueCode::DuplicateResult,
                Severity::Error,
                &format!("该人员{year}年{}的平时考核已在第{first}行出现", period.label()),
            ));
            continue;
        }
        roster.regular.push(RegularRecord { person_id: id, year, period, grade, score });
    }
}

fn read_annual(t: &Table, known: &HashSet<String>, roster: &mut Roster, issues: &mut Issues) {
    if !required_sheet_columns(t, &ANNUAL_COLUMNS[..2], issues) {
        return;
    }
    let mut seen: HashMap<(String, i32), u32> = HashMap::new();
    for (row, cells) in t.rows() {
        let Some((id, year)) = person_year(t, row, cells, known, issues) else { continue };
        if let Some(first) = seen.insert((id.clone(), year), row) {
            issues.push(t.issue_at(row, cells, "年度", IssueCode::DuplicateResult, Severity::Error, &format!("该人员{year}年度的评分已在第{first}行出现")));
            continue;
        }
        let mut dimensions = [None; 5];
        for (slot, header) in dimensions.iter_mut().zip(["德", "能", "勤", "绩", "廉"]) {
            *slot = score_of(t, row, cells, header, issues);
        }
        let democratic = score_of(t, row, cells, "民主测评", issues);
        let proposal_cell = t.get(cells, "建议等次");
        let proposal = cell::text(proposal_cell).and_then(|g| match ResultCode::parse(&squeeze(&g)).and_then(ResultCode::grade) {
            Some(g) => Some(g),
            None => {
                issues.push(t.issue(
                    row,
                    "建议等次",
                    proposal_cell,
                    IssueCode::UnknownGrade,
                    Severity::Warning,
                    "不是有效等次（优秀、称职、基本称职、不称职）",
                ));
                None
            }
        });
        let days = |header: &str, issues: &mut Issues| -> Option<u32> {
            let c = t.get(cells, header);
            match cell::count(c) {
                Ok(Some(n)) if n <= 366 => Some(n),
                Ok(Some(_)) => {
                    issues.push(t.issue(row, header, c, IssueCode::BadNumber, Severity::Warning, "超过一年的天数"));
                    None
                }
                Ok(None) => None,
                Err(why) => {
                    issues.push(t.issue(row, header, c, IssueCode::BadNumber, Severity::Warning, &why));
                    None
                }
            }
        };
        let sick_days = days("病假天数", issues);
        let personal_days = days("事假天数", issues);
        roster.annual_inputs.push(AnnualInput {
            person_id: id,
            year,
            dimensions,
            democratic,
            proposal,
            sick_days,
            personal_days,
            summary: cell::long_text(t.get(cells, "个人总结")),
            training: cell::long_text(t.get(cells, "参加脱产培训情况")),
            supervisor_comment: cell::long_text(t.get(cells, "主管领导评语")),
        });
    }
}
