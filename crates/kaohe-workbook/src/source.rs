//! Opening whatever file a clerk picks: Excel (.xlsx, .xlsm, .xls), WPS and LibreOffice (.ods)
//! through calamine, and CSV in UTF-8 (with or without BOM) or GBK/GB18030, the encoding
//! detected rather than asked.

use calamine::{open_workbook_auto, open_workbook_auto_from_rs, Cell, Data, Range, Reader, Sheets};
use std::fs::File;
use std::io::{BufReader, Cursor};
use std::path::Path;

/// An opened file: its sheets by name.
pub enum Book {
    Calamine(Box<Sheets<BufReader<File>>>),
    /// A workbook whose name does not say its format (an .xlsx saved as .xls), read from memory.
    Sniffed(Box<Sheets<Cursor<Vec<u8>>>>),
    /// A CSV file is one sheet, named after the file.
    Csv {
        name: String,
        range: Range<Data>,
        encoding: &'static str,
    },
}

impl Book {
    pub fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Calamine(s) => s.sheet_names(),
            Book::Sniffed(s) => s.sheet_names(),
            Book::Csv { name, .. } => vec![name.clone()],
        }
    }

    /// A sheet's cells; the error is said for a clerk.
    pub fn range(&mut self, name: &str) -> Result<Range<Data>, String> {
        self.range_detailed(name).map_err(|u| u.message)
    }

    /// Like [`Book::range`], keeping the reader's own words for a developer. The message says
    /// what is wrong with the sheet, to follow 「工作表「…」无法读取：」.
    pub fn range_detailed(&mut self, name: &str) -> Result<Range<Data>, Unreadable> {
        self.sheet(name).map(|s| s.range)
    }

    /// A sheet's cells, and (for .xlsx and .xlsm) its formulas whose results the file does not
    /// hold. The error is as [`Book::range_detailed`]'s.
    pub fn sheet(&mut self, name: &str) -> Result<SheetCells, Unreadable> {
        guarded(SHEET_DAMAGED, || self.sheet_unguarded(name))
    }

    fn sheet_unguarded(&mut self, name: &str) -> Result<SheetCells, Unreadable> {
        let damaged = |e: String| Unreadable::with(SHEET_DAMAGED, e);
        let whole = |range: Range<Data>| SheetCells { range, uncached: Vec::new() };
        match self {
            Book::Calamine(s) => match s.as_mut() {
                Sheets::Xlsx(x) => bounded_xlsx_range(x, name),
                other => other.worksheet_range(name).map(whole).map_err(|e| damaged(e.to_string())),
            },
            Book::Sniffed(s) => match s.as_mut() {
                Sheets::Xlsx(x) => bounded_xlsx_range(x, name),
                other => other.worksheet_range(name).map(whole).map_err(|e| damaged(e.to_string())),
            },
            Book::Csv { range, .. } => Ok(whole(range.clone())),
        }
    }

    /// The first `rows` rows of a sheet (counted from its first row with something in it): what
    /// finding its header needs. An .xlsx sheet is read only that far; the other formats are
    /// read whole (an .xls or .ods file holds every sheet parsed already, a CSV file one sheet).
    pub fn head(&mut self, name: &str, rows: u32) -> Result<Range<Data>, Unreadable> {
        guarded(SHEET_DAMAGED, || self.head_unguarded(name, rows))
    }

    fn head_unguarded(&mut self, name: &str, rows: u32) -> Result<Range<Data>, Unreadable> {
        let damaged = |e: calamine::XlsxError| Unreadable::with(SHEET_DAMAGED, e.to_string());
        fn first_rows<RS: std::io::Read + std::io::Seek>(
            x: &mut calamine::Xlsx<RS>,
            name: &str,
            rows: u32,
        ) -> Result<Range<Data>, calamine::XlsxError> {
            let mut reader = x.worksheet_cells_reader(name)?;
            let mut cells: Vec<Cell<Data>> = Vec::new();
            let mut first = None;
            while let Some(cell) = reader.next_cell()? {
                let value: Data = cell.get_value().clone().into();
                if matches!(value, Data::Empty) {
                    continue;
                }
                let r = cell.get_position().0;
                let first = *first.get_or_insert(r);
                if r >= first.saturating_add(rows) {
                    break;
                }
                cells.push(Cell::new(cell.get_position(), value));
            }
            Ok(if cells.is_empty() { Range::empty() } else { Range::from_sparse(cells) })
        }
        match self {
            Book::Calamine(s) => match s.as_mut() {
                Sheets::Xlsx(x) => first_rows(x, name, rows).map_err(damaged),
                _ => self.range_detailed(name),
            },
            Book::Sniffed(s) => match s.as_mut() {
                Sheets::Xlsx(x) => first_rows(x, name, rows).map_err(damaged),
                _ => self.range_detailed(name),
            },
            Book::Csv { .. } => self.range_detailed(name),
        }
    }

    /// The text encoding a CSV file was read in.
    pub fn encoding(&self) -> Option<&'static str> {
        match self {
            Book::Csv { encoding, .. } => Some(encoding),
            Book::Calamine(_) | Book::Sniffed(_) => None,
        }
    }
}

/// The most cells a sheet's used range may span. A roster of 100,000 people in 20 columns is
/// 2 million; a stray mark far away ("x" in XFD1048576) would otherwise make the reader allocate
/// the whole sheet's grid.
pub const MAX_CELLS: u64 = 10_000_000;

/// The most rows with something in them a sheet may have. The largest rosters a personnel
/// office keeps are well under it; a sheet past it (a million rows) would take minutes and
/// gigabytes, so its reading stops there and the clerk is asked to split the file.
pub const MAX_ROWS: u64 = 300_000;

/// Why a sheet with more than [`MAX_ROWS`] filled rows is not read, said for a clerk (after
/// 「工作表「…」」 or 「CSV 文件」).
pub(crate) fn too_many_rows() -> String {
    format!("内容超过{}万行，超出一次能导入的上限；请按单位把名册拆分成几个文件，分别导入", MAX_ROWS / 10_000)
}

/// What a clerk is told about a sheet the reader cannot read.
const SHEET_DAMAGED: &str = "工作表的内容已损坏（文件可能不完整，或被其他软件改坏）；请在 Excel 或 WPS 中打开，确认内容无误后另存为 .xlsx 再导入";

/// The refusal of a sheet whose cells span an absurd area (0-based first and last row and
/// column of its filled cells), or `None` when the area is reasonable.
pub(crate) fn too_wide(first: (u32, u32), last: (u32, u32)) -> Option<String> {
    let area = u64::from(last.0 - first.0 + 1) * u64::from(last.1 - first.1 + 1);
    (area > MAX_CELLS).then(|| {
        format!(
            "数据范围过大（从 {}{} 到 {}{}，约 {} 万个单元格），多半是远处有多余的内容；请删除名册以外的单元格后重新导入",
            crate::cell::column_letter(first.1),
            first.0 + 1,
            crate::cell::column_letter(last.1),
            last.0 + 1,
            area / 10_000
        )
    })
}

/// A sheet as read.
#[derive(Debug, Clone, Default)]
pub struct SheetCells {
    pub range: Range<Data>,
    /// Formula cells with no result saved in the file (0-based row and column, and the formula
    /// without its "="): the range has nothing there. Only .xlsx and .xlsm say so.
    pub uncached: Vec<((u32, u32), String)>,
}

/// Reads an .xlsx sheet cell by cell, refusing it when its used range is absurdly large, then
/// builds the range.
///
/// The cells go straight into a grid of the area the sheet declares (`<dimension>`), when it
/// declares a reasonable one: a roster of 100,000 people is then held once while it is read,
/// instead of as a list of cells first (grown by doubling) and the grid after — the reader's
/// largest cost in memory, and in time on a machine where fresh memory is slow to get. A cell
/// outside the declared area (the file's word is not trusted) makes the grid a list again; the
/// result is the same either way: the range spans exactly the filled cells.
fn bounded_xlsx_range<RS: std::io::Read + std::io::Seek>(
    x: &mut calamine::Xlsx<RS>,
    name: &str,
) -> Result<SheetCells, Unreadable> {
    let damaged = |e: calamine::XlsxError| Unreadable::with(SHEET_DAMAGED, e.to_string());
    let mut reader = x.worksheet_cells_reader(name).map_err(damaged)?;
    let mut cells = Cells::new(reader.dimensions());
    let mut uncached = Vec::new();
    // Rows with something in them, counted as the cells come (row by row): a sheet of a million
    // rows is refused when it passes the limit, before it is all in memory.
    let (mut rows, mut last_row) = (0u64, None);
    // A cell's formula comes with its value (as cheap as the value alone where there is none).
    // A formula with no <v> has no result saved: a cached empty text is `String("")`, not `Empty`.
    while let Some(cell) = reader.next_cell_with_formula().map_err(damaged)? {
        let value: Data = cell.value.into();
        if matches!(value, Data::Empty) {
            if let Some(formula) = cell.formula.filter(|f| !f.is_empty()) {
                uncached.push((cell.pos, formula));
            }
            continue;
        }
        let r = cell.pos.0;
        if last_row != Some(r) {
            last_row = Some(r);
            rows += 1;
            if rows > MAX_ROWS {
                return Err(Unreadable::new(too_many_rows()));
            }
        }
        cells.put(cell.pos, value);
    }
    Ok(SheetCells { range: cells.finish()?, uncached })
}

/// A grid and the area it spans (its first and last row and column).
type Grid = (Range<Data>, (u32, u32), (u32, u32));

/// The filled cells of a sheet as they are read: in a grid of the area the sheet declares, or
/// (no reasonable area declared, or a cell outside it) in a list.
struct Cells {
    grid: Option<Grid>,
    list: Vec<Cell<Data>>,
    /// The first and last row and column of the filled cells, once there is one.
    bounds: Option<((u32, u32), (u32, u32))>,
}

impl Cells {
    fn new(declared: calamine::Dimensions) -> Cells {
        // A sheet without <dimension> declares A1:A1; a grid of it would be outgrown at once. An
        // area written backwards (D5:B2) is no area (its size is not computed: it would wrap).
        let (start, end) = (declared.start, declared.end);
        let usable = start.0 <= end.0 && start.1 <= end.1 && (2..=MAX_CELLS).contains(&declared.len());
        let grid = usable.then(|| (Range::new(declared.start, declared.end), declared.start, declared.end));
        Cells { grid, list: Vec::new(), bounds: None }
    }

    fn put(&mut self, (r, c): (u32, u32), value: Data) {
        self.bounds = Some(match self.bounds {
            None => ((r, c), (r, c)),
            Some(((r0, c0), (r1, c1))) => ((r0.min(r), c0.min(c)), (r1.max(r), c1.max(c))),
        });
        if let Some((grid, start, end)) = &mut self.grid {
            if (start.0..=end.0).contains(&r) && (start.1..=end.1).contains(&c) {
                grid[((r - start.0) as usize, (c - start.1) as usize)] = value;
                return;
            }
            // Outside the declared area: what the grid holds joins the list.
            self.list = Self::drain(self.grid.take().map(|(grid, ..)| grid));
        }
        self.list.push(Cell::new((r, c), value));
    }

    /// The filled cells of a grid, as a list.
    fn drain(grid: Option<Range<Data>>) -> Vec<Cell<Data>> {
        let Some(grid) = grid else { return Vec::new() };
        let start = grid.start().unwrap_or_default();
        grid.used_cells().map(|(r, c, v)| Cell::new((start.0 + r as u32, start.1 + c as u32), v.clone())).collect()
    }

    /// The range of the filled cells; refused when they span an absurd area.
    fn finish(self) -> Result<Range<Data>, Unreadable> {
        let Some((first, last)) = self.bounds else { return Ok(Range::empty()) };
        if let Some(why) = too_wide(first, last) {
            return Err(Unreadable::new(why));
        }
        let Some((mut grid, start, end)) = self.grid else { return Ok(Range::from_sparse(self.list)) };
        if (start, end) == (first, last) {
            return Ok(grid);
        }
        // The declared area is larger than the filled one (formatted rows or columns left
        // empty): the filled area's cells move into a grid of their own.
        let mut filled = Range::new(first, last);
        for r in first.0..=last.0 {
            for c in first.1..=last.1 {
                let from = ((r - start.0) as usize, (c - start.1) as usize);
                filled[((r - first.0) as usize, (c - first.1) as usize)] = std::mem::take(&mut grid[from]);
            }
        }
        Ok(filled)
    }
}

/// Decodes CSV bytes: UTF-8 with or without BOM, else GB18030 (a superset of GBK and GB2312).
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8（带BOM）");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            (text.into_owned(), "GBK/GB18030")
        }
    }
}

fn read_csv(path: &Path) -> Result<Book, Unreadable> {
    let bytes = std::fs::read(path).map_err(io_error)?;
    let (text, encoding) = decode(&bytes);
    // Comma, tab or semicolon: whichever the first line uses most.
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter =
        [b',', b'\t', b';'].into_iter().max_by_key(|d| first.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut filled = 0u64;
    for record in reader.records() {
        let record = record.map_err(|e| {
            Unreadable::with(
                format!(
                    "CSV 文件第{}行格式有误，无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入",
                    rows.len() + 1
                ),
                e.to_string(),
            )
        })?;
        if record.iter().any(|v| !v.is_empty()) {
            filled += 1;
            if filled > MAX_ROWS {
                return Err(Unreadable::new(format!("CSV 文件的{}", too_many_rows())));
            }
        }
        rows.push(record.iter().map(str::to_string).collect());
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let height = rows.len();
    let mut range = Range::new((0, 0), (height.saturating_sub(1) as u32, width.saturating_sub(1) as u32));
    if height == 0 || width == 0 {
        range = Range::empty();
    }
    for (r, row) in rows.into_iter().enumerate() {
        for (c, v) in row.into_iter().enumerate() {
            // ="0123…" is how spreadsheets are told to keep digits as text.
            let v = match v.strip_prefix("=\"").and_then(|x| x.strip_suffix('"')) {
                Some(inner) => inner.to_string(),
                None => v,
            };
            if !v.is_empty() {
                range.set_value((r as u32, c as u32), Data::String(v));
            }
        }
    }
    let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("CSV").to_string();
    Ok(Book::Csv { name, range, encoding })
}

/// The largest a workbook may unpack to. Real rosters of 100,000 people unpack to well under
/// this; a file past it is a zip bomb or damaged, and is not read.
pub const MAX_UNPACKED: u64 = 1 << 30;
/// The largest CSV read.
pub const MAX_CSV: u64 = 512 << 20;

/// Why a file was refused before reading: in a clerk's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Encrypted,
    TooLarge { unpacked_mb: u64 },
    Other(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Encrypted => {
                f.write_str("文件设置了打开密码（已加密），请在 Excel 或 WPS 中取消密码后另存，再导入")
            }
            Refusal::TooLarge { unpacked_mb } => {
                write!(
                    f,
                    "文件解压后约 {unpacked_mb} MB，超过可处理的上限（{} MB），可能已损坏或不是名册，未读取",
                    MAX_UNPACKED >> 20
                )
            }
            Refusal::Other(s) => f.write_str(s),
        }
    }
}

/// Why a file or a sheet could not be read: what the clerk is told, in Chinese, and the
/// reader's own words (often English) for a developer, never shown in the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub message: String,
    pub technical: Option<String>,
}

impl Unreadable {
    fn new(message: impl Into<String>) -> Unreadable {
        Unreadable { message: message.into(), technical: None }
    }

    fn with(message: impl Into<String>, technical: impl Into<String>) -> Unreadable {
        Unreadable { message: message.into(), technical: Some(technical.into()) }
    }
}

impl From<Refusal> for Unreadable {
    fn from(r: Refusal) -> Unreadable {
        Unreadable::new(r.to_string())
    }
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn io_error(e: std::io::Error) -> Unreadable {
    let message = match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在",
        std::io::ErrorKind::PermissionDenied => {
            "没有读取该文件的权限（或文件正被其他程序占用），请关闭占用它的程序后重试"
        }
        _ => "文件无法读取（可能正被其他程序占用，或所在的磁盘、网络位置不可用）",
    };
    Unreadable::with(message, e.to_string())
}

/// What a clerk is told about a file that is not complete.
const INCOMPLETE: &str = "文件不完整或已损坏（常见于下载或拷贝时中断），无法打开；请重新获取原文件后再导入";
/// The advice after "not a workbook".
const SAVE_AS: &str = "请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入";
/// The extensions read.
const SUPPORTED: [&str; 6] = ["xlsx", "xlsm", "xls", "xlsb", "ods", "csv"];

/// Checks a file before handing it to the reader: a zip-based workbook (xlsx, xlsm, ods) must
/// declare a reasonable unpacked size; an OLE container must not be encrypted (an encrypted
/// .xlsx holds an `EncryptionInfo` stream, an encrypted .xls a FILEPASS record) and an .xls
/// sheet must not span an absurd area (the reader would build the whole grid at opening).
fn inspect(path: &Path) -> Result<(), Unreadable> {
    let mut head = [0u8; 8];
    let mut file = File::open(path).map_err(io_error)?;
    let n = std::io::Read::read(&mut file, &mut head).map_err(io_error)?;
    let head = &head[..n];
    if head.starts_with(b"PK") {
        let mut zip =
            zip::ZipArchive::new(BufReader::new(file)).map_err(|e| Unreadable::with(INCOMPLETE, e.to_string()))?;
        let total = match zip.decompressed_size() {
            Some(s) => u64::try_from(s).unwrap_or(u64::MAX),
            // Entries with data descriptors: the central directory still has their sizes.
            None => (0..zip.len())
                .filter_map(|i| zip.by_index_raw(i).ok().map(|f| f.size()))
                .fold(0u64, u64::saturating_add),
        };
        if total > MAX_UNPACKED {
            return Err(Refusal::TooLarge { unpacked_mb: total >> 20 }.into());
        }
        // An .ods file: the reader builds every table's whole grid when it opens the file.
        if zip.by_name("xl/workbook.xml").is_err() {
            if let Ok(member) = zip.by_name("content.xml") {
                let mut xml = String::new();
                if std::io::Read::read_to_string(&mut std::io::Read::take(member, MAX_UNPACKED), &mut xml).is_ok() {
                    for table in crate::hidden::ods_tables(&xml) {
                        if let Some(why) = table.cells.and_then(|(first, last)| too_wide(first, last)) {
                            return Err(Unreadable::new(format!("工作表「{}」的{why}", table.name)));
                        }
                        if table.filled_rows > MAX_ROWS {
                            return Err(Unreadable::new(format!("工作表「{}」的{}", table.name, too_many_rows())));
                        }
                    }
                }
            }
        }
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An OLE container: an old .xls, or an encrypted .xlsx.
        let bytes = std::fs::read(path).map_err(io_error)?;
        let marker: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
        if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
            return Err(Refusal::Encrypted.into());
        }
        // The container's own structure first, by a reader that checks its sector chains: a
        // chain that loops made the spreadsheet reader grow a buffer until memory ran out (found
        // by fuzzing). A container that does not hold together is damaged, whatever it claims.
        if let Err(e) = cfb::CompoundFile::open(std::io::Cursor::new(&bytes)) {
            return Err(Unreadable::with(INCOMPLETE, format!("compound file: {e}")));
        }
        if let Some(book) = crate::biff::read(&bytes) {
            if book.password {
                return Err(Refusal::Encrypted.into());
            }
            for sheet in &book.sheets {
                if let Some(why) = sheet.cells.and_then(|(first, last)| too_wide(first, last)) {
                    return Err(Unreadable::new(format!("工作表「{}」的{why}", sheet.name)));
                }
            }
        }
    }
    Ok(())
}

/// Says why the reader could not open a file, from what the file is.
fn explain(path: &Path, bytes: &[u8], raw: String) -> Unreadable {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
    let unmarked = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text_start = unmarked.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &unmarked[i..]);
    let message = if !ext.is_empty() && !SUPPORTED.contains(&ext.as_str()) {
        format!("不支持「.{ext}」格式，请使用 Excel 工作簿（.xlsx、.xls）、.ods 或 .csv 文件")
    } else if bytes.is_empty() {
        "文件是空的（0 字节），不是 Excel 工作簿；请重新获取原文件".to_string()
    } else if bytes.starts_with(b"PK") {
        if zip::ZipArchive::new(Cursor::new(bytes)).is_ok() {
            format!("文件是压缩包格式，但不是 Excel 工作簿（可能是 Word 文档等其他文件改了扩展名），或其中的内容已损坏；{SAVE_AS}")
        } else {
            INCOMPLETE.to_string()
        }
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        format!("文件不是 Excel 工作簿（可能是 Word 等其他 Office 文件改了扩展名），或已损坏；{SAVE_AS}")
    } else if bytes.starts_with(b"%PDF") {
        "文件是 PDF 文档，不是 Excel 工作簿；请使用名册的 Excel 原文件".to_string()
    } else if bytes.starts_with(b"\x89PNG") || bytes.starts_with(&[0xFF, 0xD8, 0xFF]) || bytes.starts_with(b"GIF8") {
        "文件是图片，不是 Excel 工作簿；请使用名册的 Excel 原文件".to_string()
    } else if text_start.starts_with(b"<") {
        format!("文件是网页（HTML）或 XML 格式，不是 Excel 工作簿（常见于从网页系统导出、扩展名却是 .xls 的文件）；{SAVE_AS}")
    } else {
        format!("文件不是 Excel 工作簿（可能是文本或其他类型的文件改了扩展名）；{SAVE_AS}")
    };
    Unreadable::with(message, raw)
}

/// Opens a workbook or CSV file. The error is said for a clerk.
pub fn open(path: &Path) -> Result<Book, String> {
    open_detailed(path).map_err(|u| u.message)
}

/// Opens a roster file as the readers do: the file's name as messages show it, and the book; a
/// file that will not open is [`crate::WorkbookError::Open`] with the reader's words kept apart.
pub fn open_book(path: &Path) -> Result<(String, Book), crate::WorkbookError> {
    let file = path.display().to_string();
    let book = open_detailed(path).map_err(|e| crate::WorkbookError::Open {
        file: file.clone(),
        detail: e.message,
        technical: e.technical,
    })?;
    Ok((file, book))
}

/// Like [`open`], keeping the reader's own words for a developer.
pub fn open_detailed(path: &Path) -> Result<Book, Unreadable> {
    guarded(INCOMPLETE, || open_unguarded(path))
}

thread_local! {
    /// Set while a third-party reader works on this thread under [`guarded`].
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs the spreadsheet reader's work so that a panic inside it (calamine asserts on some
/// malformed files, found by fuzzing) becomes an error about the file, said with `message`,
/// instead of ending the program; such a panic prints nothing. A panic anywhere else is
/// reported as before.
pub(crate) fn guarded<T>(message: &str, work: impl FnOnce() -> Result<T, Unreadable>) -> Result<T, Unreadable> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    let was = GUARDED.with(|g| g.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    GUARDED.with(|g| g.set(was));
    result.unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        Err(Unreadable::with(message, format!("reader panicked: {why}")))
    })
}

fn open_unguarded(path: &Path) -> Result<Book, Unreadable> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
    let mut head = [0u8; 4];
    let sniffed_workbook =
        File::open(path).ok().and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head).ok()).is_some()
            && (head.starts_with(b"PK") || head == [0xD0, 0xCF, 0x11, 0xE0]);
    if ext == "csv" && !sniffed_workbook {
        let size = std::fs::metadata(path).map_err(io_error)?.len();
        if size > MAX_CSV {
            return Err(Unreadable::new(format!(
                "CSV 文件有 {} MB，超过可处理的上限（{} MB）",
                size >> 20,
                MAX_CSV >> 20
            )));
        }
        return read_csv(path);
    }
    if !path.exists() {
        return Err(Unreadable::new("文件不存在"));
    }
    inspect(path)?;
    match open_workbook_auto(path) {
        Ok(s) => Ok(Book::Calamine(Box::new(s))),
        // RC4 or CryptoAPI encryption of an .xls, should the FILEPASS record have been missed.
        Err(calamine::Error::Xls(calamine::XlsError::Password)) => Err(Refusal::Encrypted.into()),
        // The name may not match the content (an .xlsx renamed .xls): try by content.
        Err(first) => {
            let bytes = std::fs::read(path).map_err(io_error)?;
            match open_workbook_auto_from_rs(Cursor::new(bytes.clone())) {
                Ok(s) => Ok(Book::Sniffed(Box::new(s))),
                Err(calamine::Error::Xls(calamine::XlsError::Password)) => Err(Refusal::Encrypted.into()),
                Err(_) => Err(explain(path, &bytes, first.to_string())),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A panic inside the spreadsheet reader's work is an error about the file; the work after
    /// it, and the reporting of panics elsewhere, go on as before.
    #[test]
    fn a_panic_in_the_reader_is_an_error_about_the_file() {
        let failed: Result<(), Unreadable> = guarded("文件已损坏", || {
            let short = [1u8, 2];
            assert_eq!(short.len() % 4, 0, "a reader's own assertion");
            Ok(())
        });
        let e = failed.expect_err("the panic is an error");
        assert_eq!(e.message, "文件已损坏");
        assert!(e.technical.as_deref().is_some_and(|t| t.starts_with("reader panicked")), "{:?}", e.technical);
        assert_eq!(guarded("文件已损坏", || Ok(7)).expect("no panic"), 7);
        assert!(!GUARDED.with(std::cell::Cell::get), "the flag is down after the work");
    }

    /// An .xlsx file of one sheet 「人员」 holding `sheet_data` (inline strings), with `dimension`
    /// declared when given.
    fn one_sheet_xlsx(path: &Path, dimension: Option<&str>, sheet_data: &str) {
        use std::io::Write;
        let ns = "http://schemas.openxmlformats.org";
        let parts = [
            (
                "[Content_Types].xml",
                format!(
                    r#"<Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#
                ),
            ),
            (
                "_rels/.rels",
                format!(
                    r#"<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
                ),
            ),
            (
                "xl/workbook.xml",
                format!(
                    r#"<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="人员" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                ),
            ),
            (
                "xl/_rels/workbook.xml.rels",
                format!(
                    r#"<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
                ),
            ),
            (
                "xl/worksheets/sheet1.xml",
                format!(
                    r#"<worksheet xmlns="{ns}/spreadsheetml/2006/main">{}<sheetData>{sheet_data}</sheetData></worksheet>"#,
                    dimension.map(|d| format!(r#"<dimension ref="{d}"/>"#)).unwrap_or_default()
                ),
            ),
        ];
        let mut zip = zip::ZipWriter::new(File::create(path).expect("create"));
        for (name, text) in parts {
            zip.start_file(name, zip::write::SimpleFileOptions::default()).expect("member");
            zip.write_all(text.as_bytes()).expect("write");
        }
        zip.finish().expect("zip");
    }

    /// The cells of a sheet come out the same whatever area the sheet declares — the area of
    /// its cells exactly, a larger one (formatted rows and columns left empty), a smaller one
    /// (a cell outside it), none — and as calamine's own reading of the sheet gives them. (An
    /// area written backwards, D5:B2, makes calamine's own parse of it subtract past zero: a
    /// panic in a debug build, the reader's "damaged sheet"; in a release build it wraps, and
    /// `Cells::new` takes it for no area.)
    #[test]
    fn a_sheet_reads_the_same_whatever_area_it_declares() {
        let dir = std::env::temp_dir().join(format!("kaohe-declared-area-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let cell = |r: &str, v: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{v}</t></is></c>"#);
        let rows = format!(
            r#"<row r="2">{}{}</row><row r="3">{}<c r="D3"><v>7</v></c></row><row r="5">{}</row>"#,
            cell("B2", "身份证号"),
            cell("C2", "姓名"),
            cell("B3", "11010519491231002X"),
            cell("C5", "王一")
        );
        for (i, declared) in [Some("B2:D5"), Some("A1:Z100"), Some("B2:C3"), Some("C3"), None].into_iter().enumerate() {
            let path = dir.join(format!("{i}.xlsx"));
            one_sheet_xlsx(&path, declared, &rows);
            let ours = open(&path).expect("open").range("人员").expect("read");
            let theirs = calamine::open_workbook_auto(&path).expect("open").worksheet_range("人员").expect("read");
            assert_eq!((ours.start(), ours.end()), (Some((1, 1)), Some((4, 3))), "declared {declared:?}");
            assert_eq!(ours, theirs, "declared {declared:?}");
            assert_eq!(ours.get_value((2, 3)), Some(&Data::Float(7.0)));
            assert_eq!(ours.get_value((4, 2)), Some(&Data::String("王一".into())));
            assert_eq!(ours.get_value((4, 1)), Some(&Data::Empty));
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn encodings_are_detected() {
        let (gbk, _, _) = encoding_rs::GBK.encode("身份证号,姓名\n11010519491231002X,王一\n");
        assert_eq!(decode(&gbk), ("身份证号,姓名\n11010519491231002X,王一\n".to_string(), "GBK/GB18030"));
        assert_eq!(decode("姓名".as_bytes()).1, "UTF-8");
        assert_eq!(decode(b"\xEF\xBB\xBF\xE5\xA7\x93"), ("姓".to_string(), "UTF-8（带BOM）"));
    }
}
