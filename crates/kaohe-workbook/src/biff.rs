//! The old Excel format (.xls, BIFF8 and BIFF5 in an OLE container), read directly for what
//! calamine does not say: whether the workbook is password protected (a FILEPASS record, XOR
//! obfuscation as well as RC4), the area each sheet's cells span (calamine builds every sheet's
//! whole grid when it opens the file, so a stray far-away cell must be refused before), hidden
//! rows (ROW records with fDyZero), hidden columns (COLINFO with fHidden) and merged regions
//! (MERGEDCELLS). Record layouts: [MS-XLS] 2.4.

use crate::hidden::Hidden;
use std::io::{Cursor, Read};

/// What the records of an .xls say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BiffBook {
    /// A FILEPASS record: the workbook is encrypted with a password to open it.
    pub password: bool,
    pub sheets: Vec<BiffSheet>,
}

/// One worksheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BiffSheet {
    pub name: String,
    /// The first and last (row, column) of its filled cells, 0-based; `None` if it has none.
    pub cells: Option<((u32, u32), (u32, u32))>,
    pub hidden: Hidden,
}

struct Record<'a> {
    typ: u16,
    data: &'a [u8],
}

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(d.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

/// The records from `at` on, until the stream ends or a record runs past it.
fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = Record<'_>> {
    std::iter::from_fn(move || {
        let typ = u16_at(stream, at)?;
        let len = usize::from(u16_at(stream, at + 2)?);
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some(Record { typ, data })
    })
}

/// The workbook stream of an OLE container, read up to the unpacked-size limit.
fn workbook_stream(file: &[u8]) -> Option<Vec<u8>> {
    let mut cfb = cfb::CompoundFile::open(Cursor::new(file)).ok()?;
    let name = ["/Workbook", "/Book"].into_iter().find(|n| cfb.is_stream(n))?;
    let mut stream = cfb.open_stream(name).ok()?;
    let mut bytes = Vec::new();
    (&mut stream).take(crate::source::MAX_UNPACKED).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// A sheet name in a BOUNDSHEET record: BIFF8 writes it as a ShortXLUnicodeString (a length,
/// a flag for 16-bit characters, the characters), BIFF5 as bytes in the workbook's code page
/// (GBK for a Chinese Windows).
fn sheet_name(data: &[u8], biff8: bool) -> Option<String> {
    let len = usize::from(*data.get(6)?);
    if !biff8 {
        let (text, _, _) = encoding_rs::GBK.decode(data.get(7..7 + len)?);
        return Some(text.into_owned());
    }
    let wide = data.get(7)? & 1 == 1;
    let chars = data.get(8..)?;
    if wide {
        let units: Vec<u16> = chars.get(..len * 2)?.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(chars.get(..len)?.iter().map(|&b| char::from(b)).collect())
    }
}

/// Reads what the records of the .xls file `file` (its bytes) say; `None` if it is not one.
pub fn read(file: &[u8]) -> Option<BiffBook> {
    let stream = workbook_stream(file)?;
    let mut book = BiffBook::default();
    let mut biff8 = true;
    let mut offsets = Vec::new();
    // The workbook globals: from the first BOF to its EOF.
    for (i, r) in records(&stream, 0).enumerate() {
        match r.typ {
            0x0809 if i == 0 => biff8 = u16_at(r.data, 0) == Some(0x0600),
            0x002F => book.password = true,
            // BOUNDSHEET: where the sheet's substream starts, its kind (0 = worksheet), its name.
            0x0085 if r.data.get(5) == Some(&0) => {
                if let (Some(at), Some(name)) = (u32_at(r.data, 0), sheet_name(r.data, biff8)) {
                    offsets.push((name, at as usize));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    if book.password {
        // Everything after FILEPASS is encrypted.
        return Some(book);
    }
    for (name, at) in offsets {
        book.sheets.push(read_sheet(&stream, name, at));
    }
    Some(book)
}

fn read_sheet(stream: &[u8], name: String, at: usize) -> BiffSheet {
    let mut sheet = BiffSheet { name, ..BiffSheet::default() };
    let mut bounds: Option<((u32, u32), (u32, u32))> = None;
    let mut extend = |r: u16, c0: u16, c1: u16| {
        let (r, c0, c1) = (u32::from(r), u32::from(c0), u32::from(c1));
        bounds = Some(match bounds {
            None => ((r, c0), (r, c1)),
            Some(((r0, cmin), (r1, cmax))) => ((r0.min(r), cmin.min(c0)), (r1.max(r), cmax.max(c1))),
        });
    };
    let mut depth = 0usize;
    for (i, r) in records(stream, at).enumerate() {
        match r.typ {
            // A chart or other substream inside the sheet: skipped to its EOF.
            0x0809 if i > 0 => depth += 1,
            0x000A if depth > 0 => depth -= 1,
            0x000A => break,
            _ if depth > 0 => {}
            // Number, Label, RString, BoolErr, RK, LabelSst, Formula: row, column first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(row), Some(col)) = (u16_at(r.data, 0), u16_at(r.data, 2)) {
                    extend(row, col, col);
                }
            }
            // MulRK: row, first column, …, last column at the end.
            0x00BD => {
                if let (Some(row), Some(first), Some(last)) =
                    (u16_at(r.data, 0), u16_at(r.data, 2), r.data.len().checked_sub(2).and_then(|e| u16_at(r.data, e)))
                {
                    extend(row, first, last.max(first));
                }
            }
            // ROW: fDyZero (0x20 in the flags at offset 12) is a hidden row.
            0x0208 => {
                if let (Some(row), Some(flags)) = (u16_at(r.data, 0), u16_at(r.data, 12)) {
                    if flags & 0x20 != 0 {
                        sheet.hidden.rows.push(u32::from(row) + 1);
                    }
                }
            }
            // COLINFO: first and last column, fHidden (bit 0 of the flags at offset 8).
            0x007D => {
                if let (Some(first), Some(last), Some(flags)) =
                    (u16_at(r.data, 0), u16_at(r.data, 2), u16_at(r.data, 8))
                {
                    if flags & 1 != 0 {
                        sheet
                            .hidden
                            .columns
                            .extend((u32::from(first)..=u32::from(last.min(first.saturating_add(1000)))).take(1001));
                    }
                }
            }
            // MERGEDCELLS: a count, then (first row, last row, first column, last column) each.
            0x00E5 => {
                let count = usize::from(u16_at(r.data, 0).unwrap_or(0));
                for k in 0..count {
                    let at = 2 + k * 8;
                    if let (Some(r0), Some(r1), Some(c0), Some(c1)) =
                        (u16_at(r.data, at), u16_at(r.data, at + 2), u16_at(r.data, at + 4), u16_at(r.data, at + 6))
                    {
                        sheet.hidden.merges.push((u32::from(r0), u32::from(c0), u32::from(r1), u32::from(c1)));
                    }
                }
            }
            _ => {}
        }
    }
    sheet.cells = bounds;
    sheet
}
