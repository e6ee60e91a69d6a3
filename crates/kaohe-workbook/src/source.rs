//! Opening whatever file a clerk picks: Excel (.xlsx, .xlsm, .xls), WPS and LibreOffice (.ods)
//! through calamine, and CSV in UTF-8 (with or without BOM) or GBK/GB18030, the encoding
//! detected rather than asked.

use calamine::{open_workbook_auto, Data, Range, Reader, Sheets};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

/// An opened file: its sheets by name.
pub enum Book {
    Calamine(Box<Sheets<BufReader<File>>>),
    /// A CSV file is one sheet, named after the file.
    Csv { name: String, range: Range<Data>, encoding: &'static str },
}

impl Book {
    pub fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Calamine(s) => s.sheet_names(),
            Book::Csv { name, .. } => vec![name.clone()],
        }
    }

    pub fn range(&mut self, name: &str) -> Result<Range<Data>, String> {
        match self {
            Book::Calamine(s) => s.worksheet_range(name).map_err(|e| e.to_string()),
            Book::Csv { range, .. } => Ok(range.clone()),
        }
    }

    /// The text encoding a CSV file was read in.
    pub fn encoding(&self) -> Option<&'static str> {
        match self {
            Book::Csv { encoding, .. } => Some(encoding),
            Book::Calamine(_) => None,
        }
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

fn read_csv(path: &Path) -> Result<Book, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let (text, encoding) = decode(&bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
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
            if !v.is_empty() {
                range.set_value((r as u32, c as u32), Data::String(v));
            }
        }
    }
    let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("CSV").to_string();
    Ok(Book::Csv { name, range, encoding })
}

/// Opens a workbook or CSV file. The error is the underlying reason, for the caller's message.
pub fn open(path: &Path) -> Result<Book, String> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
    if ext == "csv" {
        return read_csv(path);
    }
    open_workbook_auto(path).map(|s| Book::Calamine(Box::new(s))).map_err(|e| e.to_string())
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
