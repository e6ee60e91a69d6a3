//! Hidden rows and columns of an .xlsx/.xlsm sheet, which calamine reads like any other: they
//! are imported, but the clerk is told, since a hidden row is often one somebody meant to leave
//! out. Read straight from the sheet's XML (`<row hidden="1">`, `<col hidden="1">`).

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

fn read_member(zip: &mut zip::ZipArchive<std::fs::File>, name: &str, limit: u64) -> Option<String> {
    let file = zip.by_name(name).ok()?;
    let mut s = String::new();
    file.take(limit).read_to_string(&mut s).ok()?;
    Some(s)
}

/// Finds the hidden rows and columns of `sheet` in an OOXML workbook.
pub fn hidden(path: &Path, sheet: &str) -> Hidden {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
    if ext != "xlsx" && ext != "xlsm" {
        return Hidden::default();
    }
    let Ok(file) = std::fs::File::open(path) else { return Hidden::default() };
    let Ok(mut zip) = zip::ZipArchive::new(file) else { return Hidden::default() };
    let limit = crate::source::MAX_UNPACKED;
    let Some(workbook) = read_member(&mut zip, "xl/workbook.xml", limit) else { return Hidden::default() };
    let Some(rels) = read_member(&mut zip, "xl/_rels/workbook.xml.rels", limit) else { return Hidden::default() };
    let escaped = sheet.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let rid = workbook.split("<sheet ").skip(1).map(|t| format!(" {t}")).find(|t| attr(t, "name") == Some(&escaped)).and_then(|t| attr(&t, "r:id").map(str::to_string));
    let Some(rid) = rid else { return Hidden::default() };
    let target = rels.split("<Relationship ").skip(1).map(|t| format!(" {t}")).find(|t| attr(t, "Id") == Some(&rid)).and_then(|t| attr(&t, "Target").map(str::to_string));
    let Some(target) = target else { return Hidden::default() };
    let member = if let Some(abs) = target.strip_prefix('/') { abs.to_string() } else { format!("xl/{target}") };
    let Some(xml) = read_member(&mut zip, &member, limit) else { return Hidden::default() };
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
            let (Some(min), Some(max)) = (attr(&tag, "min").and_then(|v| v.parse::<u32>().ok()), attr(&tag, "max").and_then(|v| v.parse::<u32>().ok())) else { continue };
            // Column ranges can run to the sheet's last column; only the first thousand matter.
            out.columns.extend((min..=max.min(min + 1000)).map(|c| c - 1));
        }
    }
    out
}
