//! Hidden rows and columns of a sheet, which calamine reads like any other: they are imported,
//! but the clerk is told, since a hidden row is often one somebody meant to leave out; and the
//! merged regions, which calamine gives for none of the formats read here. Read straight from
//! the file: an .xlsx/.xlsm sheet's XML (`<row hidden="1">`, `<col hidden="1">`, `<mergeCell>`),
//! an .ods file's content.xml (`table:visibility="collapse"`, `table:number-rows-spanned`), an
//! .xls file's records ([`crate::biff`]). CSV has none of these.

use std::io::Read;
use std::path::Path;

/// Hidden rows (1-based) and hidden columns (0-based) of a sheet, and its merged regions
/// (0-based first row, first column, last row, last column); empty if unknown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hidden {
    pub rows: Vec<u32>,
    pub columns: Vec<u32>,
    pub merges: Vec<(u32, u32, u32, u32)>,
}

/// "B3" → (row 2, column 1).
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters: String = r.chars().take_while(|c| c.is_ascii_uppercase()).collect();
    let digits = &r[letters.len()..];
    // A sheet has at most 16,384 columns (XFD): longer letters are no cell of it.
    if letters.len() > 3 {
        return None;
    }
    let mut col: u32 = 0;
    for c in letters.chars() {
        col = col * 26 + (c as u32 - 'A' as u32 + 1);
    }
    Some((digits.parse::<u32>().ok()?.checked_sub(1)?, col.checked_sub(1)?))
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')?;
    Some(&tag[start..start + end])
}

fn read_member<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Option<String> {
    let file = zip.by_name(name).ok()?;
    let mut s = String::new();
    file.take(limit).read_to_string(&mut s).ok()?;
    Some(s)
}

/// What a streaming look through a sheet's XML found.
enum Scan {
    /// ` hidden="1"` or ` hidden="true"` somewhere: the XML has to be read whole.
    Hidden,
    /// Nothing hidden; the XML from its first `<mergeCells` on (empty when there is none).
    Merges(String),
}

/// Looks through a sheet's XML (at most `limit` bytes of it) chunk by chunk for the marks of
/// hidden rows and columns and of merged regions. `None` when the member cannot be read or is
/// not UTF-8, as [`read_member`].
fn scan<R: std::io::Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, name: &str, limit: u64) -> Option<Scan> {
    use memchr::memmem::Finder;
    const CHUNK: usize = 1 << 16;
    // Enough to find a mark that straddles two chunks, and an unfinished UTF-8 character.
    const KEEP: usize = 16;
    let file = zip.by_name(name).ok()?;
    let mut reader = file.take(limit);
    let hidden = [Finder::new(b" hidden=\"1\""), Finder::new(b" hidden=\"true\"")];
    let merge = Finder::new(b"<mergeCells");
    let mut window = vec![0u8; KEEP + CHUNK];
    // Bytes carried over from the previous chunk at the start of `window`, and how many of
    // them (at their end) are an unfinished UTF-8 character not yet checked.
    let (mut kept, mut unchecked) = (0usize, 0usize);
    let mut tail: Option<Vec<u8>> = None;
    loop {
        let n = loop {
            match reader.read(&mut window[kept..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return None,
            }
        };
        if n == 0 {
            break;
        }
        let len = kept + n;
        let text = &window[..len];
        let from = kept - unchecked;
        unchecked = match std::str::from_utf8(&text[from..]) {
            Ok(_) => 0,
            Err(e) if e.error_len().is_none() => len - from - e.valid_up_to(),
            Err(_) => return None,
        };
        if hidden.iter().any(|f| f.find(text).is_some()) {
            return Some(Scan::Hidden);
        }
        match &mut tail {
            Some(t) => t.extend_from_slice(&text[kept..]),
            None => tail = merge.find(text).map(|at| text[at..].to_vec()),
        }
        let keep = len.min(KEEP);
        window.copy_within(len - keep..len, 0);
        kept = keep;
    }
    if unchecked > 0 {
        return None;
    }
    Some(Scan::Merges(tail.map_or(Some(String::new()), |t| String::from_utf8(t).ok())?))
}

/// Finds the hidden rows and columns, and the merged regions, of `sheet` in a workbook of any
/// format read (by content, whatever the file's name says); empty for a CSV file.
pub fn hidden(path: &Path, sheet: &str) -> Hidden {
    let mut head = [0u8; 4];
    let Ok(mut file) = std::fs::File::open(path) else { return Hidden::default() };
    if file.read_exact(&mut head).is_err() {
        return Hidden::default();
    }
    if head == [0xD0, 0xCF, 0x11, 0xE0] {
        let Ok(bytes) = std::fs::read(path) else { return Hidden::default() };
        return crate::biff::read(&bytes)
            .and_then(|b| b.sheets.into_iter().find(|s| s.name == sheet))
            .map(|s| s.hidden)
            .unwrap_or_default();
    }
    if !head.starts_with(b"PK") {
        return Hidden::default();
    }
    let Ok(file) = std::fs::File::open(path) else { return Hidden::default() };
    let Ok(mut zip) = zip::ZipArchive::new(file) else { return Hidden::default() };
    if zip.by_name("xl/workbook.xml").is_err() {
        return match read_member(&mut zip, "content.xml", crate::source::MAX_UNPACKED) {
            Some(xml) => ods(&xml, sheet),
            None => Hidden::default(),
        };
    }
    ooxml(&mut zip, sheet)
}

fn ooxml<R: std::io::Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, sheet: &str) -> Hidden {
    let limit = crate::source::MAX_UNPACKED;
    let Some(workbook) = read_member(zip, "xl/workbook.xml", limit) else { return Hidden::default() };
    let Some(rels) = read_member(zip, "xl/_rels/workbook.xml.rels", limit) else { return Hidden::default() };
    let escaped = sheet.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let rid = workbook
        .split("<sheet ")
        .skip(1)
        .map(|t| format!(" {t}"))
        .find(|t| attr(t, "name") == Some(&escaped))
        .and_then(|t| attr(&t, "r:id").map(str::to_string));
    let Some(rid) = rid else { return Hidden::default() };
    let target = rels
        .split("<Relationship ")
        .skip(1)
        .map(|t| format!(" {t}"))
        .find(|t| attr(t, "Id") == Some(&rid))
        .and_then(|t| attr(&t, "Target").map(str::to_string));
    let Some(target) = target else { return Hidden::default() };
    let member = if let Some(abs) = target.strip_prefix('/') { abs.to_string() } else { format!("xl/{target}") };
    // Most sheets have neither hidden rows or columns nor merged cells: one streaming look
    // through the XML (never held whole in memory) tells, and only the merged regions at the
    // end are kept; a sheet with something hidden is read whole, as below.
    let xml = match scan(zip, &member, limit) {
        None => return Hidden::default(),
        Some(Scan::Hidden) => match read_member(zip, &member, limit) {
            Some(xml) => xml,
            None => return Hidden::default(),
        },
        Some(Scan::Merges(tail)) => tail,
    };
    let mut out = Hidden::default();
    // Merged regions sit after the data: <mergeCell ref="A3:A5"/>.
    if let Some(at) = xml.rfind("<mergeCells") {
        for tag in xml[at..].split("<mergeCell ").skip(1) {
            let tag = format!(" {}", &tag[..tag.find('>').unwrap_or(tag.len())]);
            if let Some((a, b)) = attr(&tag, "ref").and_then(|r| r.split_once(':')) {
                if let (Some(a), Some(b)) = (cell_ref(a), cell_ref(b)) {
                    out.merges.push((a.0, a.1, b.0, b.1));
                }
            }
        }
    }
    if !xml.contains(" hidden=\"1\"") && !xml.contains(" hidden=\"true\"") {
        return out;
    }
    for tag in xml.split("<row ").skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if matches!(attr(&format!(" {tag}"), "hidden"), Some("1" | "true")) {
            if let Some(r) = attr(&format!(" {tag}"), "r").and_then(|r| r.parse().ok()) {
                out.rows.push(r);
            }
        }
    }
    for tag in xml.split("<col ").skip(1) {
        let tag = format!(" {}", &tag[..tag.find('>').unwrap_or(tag.len())]);
        if matches!(attr(&tag, "hidden"), Some("1" | "true")) {
            let (Some(min), Some(max)) = (
                attr(&tag, "min").and_then(|v| v.parse::<u32>().ok()),
                attr(&tag, "max").and_then(|v| v.parse::<u32>().ok()),
            ) else {
                continue;
            };
            // Column ranges can run to the sheet's last column; only the first thousand matter.
            out.columns.extend((min..=max.min(min + 1000)).map(|c| c - 1));
        }
    }
    out
}

/// The most rows or columns one repeated ODS element is taken to stand for: a sheet's tail is
/// often one element repeated a million times.
const ODS_REPEAT_CAP: u32 = 1_048_576;

/// One table of an ODS content.xml, as far as the reader needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct OdsTable {
    /// The name as written in the XML (entities not decoded).
    pub name: String,
    pub hidden: Hidden,
    /// The first and last (row, column) of its filled cells, 0-based.
    pub cells: Option<((u32, u32), (u32, u32))>,
    /// How many rows have a filled cell (a repeated row counts as often as it is repeated).
    pub filled_rows: u64,
}

/// Hidden rows and columns, and merged regions, of the table named `sheet` in an ODS
/// content.xml.
fn ods(xml: &str, sheet: &str) -> Hidden {
    let escaped = sheet.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    ods_tables(xml).into_iter().find(|t| t.name == escaped).map(|t| t.hidden).unwrap_or_default()
}

/// Walks the tables of an ODS content.xml. Rows and columns carry
/// `table:number-rows-repeated` / `table:number-columns-repeated`; a hidden one has
/// `table:visibility="collapse"` (or `"filter"`, hidden by a filter); a merged cell has
/// `table:number-rows-spanned` / `table:number-columns-spanned`.
pub(crate) fn ods_tables(xml: &str) -> Vec<OdsTable> {
    let mut tables: Vec<OdsTable> = Vec::new();
    let (mut row, mut col, mut column) = (0u32, 0u32, 0u32);
    let mut row_repeat = 1u32;
    // Whether the row being walked has had a filled cell yet.
    let mut row_filled = false;
    let mut at = 0;
    while let Some(i) = xml[at..].find('<') {
        let tag_start = at + i;
        let tag_end = xml[tag_start..].find('>').map_or(xml.len(), |e| tag_start + e);
        let tag = &xml[tag_start + 1..tag_end];
        at = tag_end;
        let ending = tag.starts_with('/');
        let name = tag[usize::from(ending)..].split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or_default();
        if ending {
            if name == "table:table-row" {
                row = row.saturating_add(row_repeat);
            }
            continue;
        }
        if name == "table:table" {
            let attrs = format!(" {}", &tag[name.len()..]);
            tables.push(OdsTable {
                name: attr(&attrs, "table:name").unwrap_or_default().to_string(),
                ..OdsTable::default()
            });
            (row, col, column) = (0, 0, 0);
            continue;
        }
        let Some(table) = tables.last_mut() else { continue };
        if !name.starts_with("table:table-") && name != "table:covered-table-cell" {
            continue;
        }
        let attrs = format!(" {}", &tag[name.len()..]);
        let closed = tag.ends_with('/');
        let repeat =
            |key: &str| attr(&attrs, key).and_then(|v| v.parse::<u32>().ok()).unwrap_or(1).clamp(1, ODS_REPEAT_CAP);
        let hidden = matches!(attr(&attrs, "table:visibility"), Some("collapse" | "filter"));
        let out = &mut table.hidden;
        match name {
            "table:table-column" => {
                let n = repeat("table:number-columns-repeated");
                if hidden {
                    out.columns.extend((column..column.saturating_add(n)).take(1001));
                }
                column = column.saturating_add(n);
            }
            "table:table-row" => {
                row_repeat = repeat("table:number-rows-repeated");
                col = 0;
                row_filled = false;
                if hidden {
                    out.rows.extend((row + 1..=row.saturating_add(row_repeat)).take(1001));
                }
                if closed {
                    row = row.saturating_add(row_repeat);
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                // A span of 0 (which no program writes) is read as 1, as a repeat is.
                let span = |key: &str| {
                    attr(&attrs, key).and_then(|v| v.parse::<u32>().ok()).unwrap_or(1).clamp(1, ODS_REPEAT_CAP)
                };
                let (rows, cols) = (span("table:number-rows-spanned"), span("table:number-columns-spanned"));
                if name == "table:table-cell" && (rows > 1 || cols > 1) {
                    out.merges.push((row, col, row.saturating_add(rows - 1), col.saturating_add(cols - 1)));
                }
                let n = repeat("table:number-columns-repeated");
                // A cell with a value or content counts towards the used area.
                if name == "table:table-cell" && (!closed || attr(&attrs, "office:value-type").is_some()) {
                    if !row_filled {
                        row_filled = true;
                        table.filled_rows += u64::from(row_repeat);
                    }
                    let last = (row.saturating_add(row_repeat - 1), col.saturating_add(n - 1));
                    table.cells = Some(match table.cells {
                        None => ((row, col), last),
                        Some((first, end)) => {
                            ((first.0.min(row), first.1.min(col)), (end.0.max(last.0), end.1.max(last.1)))
                        }
                    });
                }
                col = col.saturating_add(n);
            }
            _ => {}
        }
    }
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sheet far larger than one chunk of the streaming look: merged regions at its end, and
    /// (in the second file) one hidden row and column deep inside it.
    #[test]
    fn a_large_sheet_gives_its_merges_and_hidden_rows_whatever_the_chunks() {
        let dir = tempfile::tempdir().expect("dir");
        for hide in [false, true] {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet().set_name("人员").expect("name");
            for r in 0..20_000u32 {
                sheet.write_string(r, 0, format!("1101051949123100{:02}", r % 100)).expect("id");
                sheet.write_string(r, 1, "单位甲").expect("organ");
            }
            sheet.merge_range(19_990, 2, 19_995, 2, "甲局", &rust_xlsxwriter::Format::new()).expect("merge");
            sheet.merge_range(3, 3, 4, 4, "乙", &rust_xlsxwriter::Format::new()).expect("merge");
            if hide {
                sheet.set_row_hidden(12_345).expect("row");
                sheet.set_column_hidden(1).expect("column");
            }
            let path = dir.path().join(format!("{hide}.xlsx"));
            book.save(&path).expect("save");
            let found = hidden(&path, "人员");
            let mut merges = found.merges.clone();
            merges.sort();
            assert_eq!(merges, vec![(3, 3, 4, 4), (19_990, 2, 19_995, 2)], "hidden: {hide}");
            if hide {
                assert_eq!((found.rows, found.columns), (vec![12_346], vec![1]));
            } else {
                assert!(found.rows.is_empty() && found.columns.is_empty());
            }
            assert_eq!(hidden(&path, "不存在"), Hidden::default());
        }
    }

    #[test]
    fn ods_rows_columns_and_merges_count_their_repeats() {
        let xml = concat!(
            r#"<table:table table:name="说明"><table:table-row table:visibility="collapse"><table:table-cell/></table:table-row></table:table>"#,
            r#"<table:table table:name="人员"><table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse" table:number-columns-repeated="2"/>"#,
            r#"<table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="4"/></table:table-row>"#,
            r#"<table:table-row table:visibility="collapse"><table:table-cell table:number-columns-repeated="2"/><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>甲局</text:p></table:table-cell></table:table-row>"#,
            r#"<table:table-row><table:covered-table-cell table:number-columns-repeated="3"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#,
            r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#
        );
        let tables = ods_tables(xml);
        assert_eq!(tables.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["说明", "人员"]);
        let people = &tables[1];
        // Row 4 (after three repeated rows), columns C and D, 甲局 merged over C4:C5.
        assert_eq!(people.hidden, Hidden { rows: vec![4], columns: vec![2, 3], merges: vec![(3, 2, 4, 2)] });
        // The filled cells: C4 and D5; the empty repeated tail does not count.
        assert_eq!(people.cells, Some(((3, 2), (4, 3))));
        // Rows 4 and 5 have something in them; the repeated rows of empty cells do not.
        assert_eq!(people.filled_rows, 2);
        assert_eq!(ods(xml, "人员").rows, vec![4]);
        assert_eq!(ods(xml, "不存在"), Hidden::default());
    }

    #[test]
    fn a_repeated_filled_row_counts_as_often_as_it_is_repeated() {
        let xml = concat!(
            r#"<table:table table:name="人员"><table:table-row><table:table-cell office:value-type="string"><text:p>身份证号</text:p></table:table-cell></table:table-row>"#,
            r#"<table:table-row table:number-rows-repeated="400000"><table:table-cell/><table:table-cell office:value-type="string"><text:p>王一</text:p></table:table-cell></table:table-row></table:table>"#
        );
        assert_eq!(ods_tables(xml)[0].filled_rows, 400_001);
    }

    /// Sizes read from a file are never trusted: a span of 0, a span past the sheet and a cell
    /// reference with more letters than a sheet has columns neither overflow nor abort.
    #[test]
    fn sizes_from_the_file_are_checked() {
        let xml = concat!(
            r#"<table:table table:name="人员"><table:table-row><table:table-cell table:number-rows-spanned="0" table:number-columns-spanned="0" office:value-type="string"><text:p>甲局</text:p></table:table-cell>"#,
            r#"<table:table-cell table:number-rows-spanned="4294967295" office:value-type="string"><text:p>乙局</text:p></table:table-cell></table:table-row></table:table>"#
        );
        // The cell spanning 0 rows is no merge; the huge span stops at the repeat cap.
        assert_eq!(ods(xml, "人员").merges, vec![(0, 1, ODS_REPEAT_CAP - 1, 1)]);
        assert_eq!(cell_ref("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(cell_ref("ZZZZZZZZZZZZZZ1"), None);
        assert_eq!(cell_ref("A0"), None);
    }
}
