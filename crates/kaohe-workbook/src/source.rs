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
    Csv { name: String, range: Range<Data>, encoding: &'static str },
}

impl Book {
    pub fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Calamine(s) => s.sheet_names(),
            Book::Sniffed(s) => s.sheet_names(),
            Book::Csv { name, .. } => vec![name.clone()],
        }
    }

    pub fn range(&mut self, name: &str) -> Result<Range<Data>, String> {
        match self {
            Book::Calamine(s) => match s.as_mut() {
                Sheets::Xlsx(x) => bounded_xlsx_range(x, name),
                other => other.worksheet_range(name).map_err(|e| e.to_string()),
            },
            Book::Sniffed(s) => match s.as_mut() {
                Sheets::Xlsx(x) => bounded_xlsx_range(x, name),
                other => other.worksheet_range(name).map_err(|e| e.to_string()),
            },
            Book::Csv { range, .. } => Ok(range.clone()),
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

/// Reads an .xlsx sheet cell by cell, refusing it when its used range is absurdly large, then
/// builds the range.
fn bounded_xlsx_range<RS: std::io::Read + std::io::Seek>(x: &mut calamine::Xlsx<RS>, name: &str) -> Result<Range<Data>, String> {
    let mut reader = x.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
    let mut cells: Vec<Cell<Data>> = Vec::new();
    let (mut min_r, mut min_c, mut max_r, mut max_c) = (u32::MAX, u32::MAX, 0u32, 0u32);
    while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
        let value: Data = cell.get_value().clone().into();
        if matches!(value, Data::Empty) {
            continue;
        }
        let (r, c) = cell.get_position();
        min_r = min_r.min(r);
        min_c = min_c.min(c);
        max_r = max_r.max(r);
        max_c = max_c.max(c);
        cells.push(Cell::new((r, c), value));
    }
    if cells.is_empty() {
        return Ok(Range::empty());
    }
    let area = u64::from(max_r - min_r + 1) * u64::from(max_c - min_c + 1);
    if area > MAX_CELLS {
        let far = format!("{}{}", crate::cell::column_letter(max_c), max_r + 1);
        return Err(format!(
            "工作表「{name}」的数据范围过大（从 {}{} 到 {far}，约 {} 万个单元格），多半是远处有多余的内容；请删除名册以外的单元格后重新导入",
            crate::cell::column_letter(min_c),
            min_r + 1,
            area / 10_000
        ));
    }
    Ok(Range::from_sparse(cells))
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

fn read_csv(path: &Path) -> Result<Book, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let (text, encoding) = decode(&bytes);
    // Comma, tab or semicolon: whichever the first line uses most.
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = [b',', b'\t', b';'].into_iter().max_by_key(|d| first.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("CSV 第{}行格式有误（{e}）", rows.len() + 1))?;
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
            Refusal::Encrypted => f.write_str("文件设置了打开密码（已加密），请在 Excel 或 WPS 中取消密码后另存，再导入"),
            Refusal::TooLarge { unpacked_mb } => write!(f, "文件解压后约 {unpacked_mb} MB，超过可处理的上限（{} MB），可能已损坏或不是名册，未读取", MAX_UNPACKED >> 20),
            Refusal::Other(s) => f.write_str(s),
        }
    }
}

/// Checks a zip-based workbook (xlsx, xlsm, ods) before handing it to the reader: its
/// declared unpacked size must be reasonable. Encrypted OOXML files are not zips but OLE
/// containers holding an `EncryptionInfo` stream.
fn inspect(path: &Path) -> Result<(), Refusal> {
    let mut head = [0u8; 8];
    let mut file = File::open(path).map_err(|e| Refusal::Other(e.to_string()))?;
    let n = std::io::Read::read(&mut file, &mut head).map_err(|e| Refusal::Other(e.to_string()))?;
    let head = &head[..n];
    if head.starts_with(b"PK") {
        let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| Refusal::Other(format!("压缩结构损坏（{e}）")))?;
        let total = match zip.decompressed_size() {
            Some(s) => u64::try_from(s).unwrap_or(u64::MAX),
            // Entries with data descriptors: the central directory still has their sizes.
            None => (0..zip.len()).filter_map(|i| zip.by_index_raw(i).ok().map(|f| f.size())).fold(0u64, u64::saturating_add),
        };
        if total > MAX_UNPACKED {
            return Err(Refusal::TooLarge { unpacked_mb: total >> 20 });
        }
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An OLE container: an old .xls, or an encrypted .xlsx.
        let bytes = std::fs::read(path).map_err(|e| Refusal::Other(e.to_string()))?;
        let marker: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
        if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
            return Err(Refusal::Encrypted);
        }
    }
    Ok(())
}

/// Opens a workbook or CSV file. The error is the underlying reason, for the caller's message.
pub fn open(path: &Path) -> Result<Book, String> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
    let mut head = [0u8; 4];
    let sniffed_workbook = File::open(path).ok().and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head).ok()).is_some()
        && (head.starts_with(b"PK") || head == [0xD0, 0xCF, 0x11, 0xE0]);
    if ext == "csv" && !sniffed_workbook {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > MAX_CSV {
            return Err(format!("CSV 文件有 {} MB，超过可处理的上限（{} MB）", size >> 20, MAX_CSV >> 20));
        }
        return read_csv(path);
    }
    if path.exists() {
        inspect(path).map_err(|r| r.to_string())?;
    }
    match open_workbook_auto(path) {
        Ok(s) => Ok(Book::Calamine(Box::new(s))),
        // The name may not match the content (an .xlsx renamed .xls): try by content.
        Err(first) => {
            let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
            open_workbook_auto_from_rs(Cursor::new(bytes)).map(|s| Book::Sniffed(Box::new(s))).map_err(|_| first.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected() {
        let (gbk, _, _) = encoding_rs::GBK.encode("身份证号,姓名\n11010519491231002X,王一\n");
        assert_eq!(decode(&gbk), ("身份证号,姓名\n11010519491231002X,王一\n".to_string(), "GBK/GB18030"));
        assert_eq!(decode("姓名".as_bytes()).1, "UTF-8");
        assert_eq!(decode(b"\xEF\xBB\xBF\xE5\xA7\x93"), ("姓".to_string(), "UTF-8（带BOM）"));
    }
}
