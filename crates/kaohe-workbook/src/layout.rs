//! Finding the table in a sheet as clerks lay it out: title rows above the header, headers by
//! meaning (synonyms, inner and full-width spaces, line breaks, `*` marks, bracketed notes), a
//! second header row under merged group cells ("近三年年度考核" over "2023 2024 2025"), wide
//! per-year result columns, and notes under the table (填表人、审核人 …).

use calamine::{Data, Range};
use std::collections::HashMap;
use std::sync::OnceLock;

const SYNONYMS: &str = include_str!("../headers.toml");

/// How many rows at the top of a sheet may hold titles before the header.
pub(crate) const HEADER_SEARCH_ROWS: usize = 20;

/// Texts that start a note under the table.
const NOTE_PREFIXES: [&str; 17] = [
    "填表人", "审核人", "制表人", "填报人", "制表", "负责人", "单位负责人", "注：", "注:", "备注", "说明：",
    "填表日期", "填报日期", "以下空白", "合计", "总计", "小计",
];

type Table = HashMap<String, HashMap<String, String>>;

fn synonyms() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file is part of the build and covered by the tests below; a broken one is a defect.
        let raw: HashMap<String, HashMap<String, Vec<String>>> =
            toml::from_str(SYNONYMS).unwrap_or_else(|e| panic!("headers.toml 无效：{e}"));
        raw.into_iter()
            .map(|(sheet, fields)| {
                let mut map = HashMap::new();
                for (canonical, others) in fields {
                    for name in others {
                        map.insert(normalize(&name), canonical.clone());
                    }
                    map.insert(normalize(&canonical), canonical);
                }
                (sheet, map)
            })
            .collect()
    })
}

/// A header as compared: no spaces (ASCII or full-width), line breaks, `*` marks or bracketed
/// notes such as "（年月）".
pub fn normalize(header: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in header.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = (depth - 1).max(0),
            _ if depth > 0 => {}
            c if c.is_whitespace() || c == '\u{3000}' || c == '*' || c == '＊' => {}
            c => out.push(c),
        }
    }
    out
}

/// The canonical column a header means on a sheet, and how sure: 1.0 for the canonical name,
/// 0.9 for a listed synonym.
pub fn field(sheet: &str, header: &str) -> Option<(String, f32)> {
    let key = normalize(header);
    let fields = synonyms().get(sheet)?;
    let canonical = fields.get(&key)?;
    Some((canonical.clone(), if *canonical == key { 1.0 } else { 0.9 }))
}

/// The canonical sheet a sheet's name means (职级变动 for 职级信息 …), when headers.toml lists
/// the name under `[工作表]`.
pub fn sheet_kind(name: &str) -> Option<String> {
    field("工作表", name).map(|(kind, _)| kind)
}

/// A header naming one year's annual result ("2023年度考核", "2023年考核结果", or "2023" under a
/// 考核 group).
fn year_of(header: &str, group: &str) -> Option<i32> {
    // "年度考核（2024年）": the year in brackets of a results header.
    let squeezed: String = header.chars().filter(|c| !c.is_whitespace()).collect();
    if !squeezed.starts_with(|c: char| c.is_ascii_digit()) && (squeezed.contains("考核") || squeezed.contains("等次"))
    {
        let digits: Vec<char> = squeezed.chars().collect();
        for w in digits.windows(4) {
            if w.iter().all(char::is_ascii_digit) {
                let y: i32 = w.iter().collect::<String>().parse().ok()?;
                if kaohe_engine::dates::YEARS.contains(&y) {
                    return Some(y);
                }
            }
        }
    }
    let h = normalize(header);
    let digits: String = h.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() != 4 {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    if !kaohe_engine::dates::YEARS.contains(&year) {
        return None;
    }
    let suffix = &h[4..];
    let named = suffix.contains("考核") || suffix.contains("等次");
    let bare = matches!(suffix, "" | "年" | "年度");
    (named || (bare && normalize(group).contains("考核"))).then_some(year)
}

/// One column as mapped.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The header as shown: "组/子" for a two-row header.
    pub header: String,
    pub field: Option<String>,
    pub confidence: f32,
    /// For a per-year result column.
    pub year: Option<i32>,
}

/// Where the table is.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Index (in the range's rows) of the header row; of the upper row for a two-row header.
    pub header: usize,
    /// Index of the first data row.
    pub data: usize,
    pub columns: Vec<Column>,
}

fn text(c: &Data) -> String {
    crate::cell::display(c).trim().to_string()
}

/// The columns a header row (and optionally the sub-header row under it) describes.
fn columns(sheet: &str, top: &[Data], sub: Option<&[Data]>) -> Vec<Column> {
    let width = top.len().max(sub.map_or(0, <[Data]>::len));
    let mut group = String::new();
    (0..width)
        .map(|c| {
            let upper = top.get(c).map(text).unwrap_or_default();
            let lower = sub.and_then(|s| s.get(c)).map(text).unwrap_or_default();
            if !upper.is_empty() {
                group = upper.clone();
            }
            let (header, group_text) = match (upper.is_empty(), lower.is_empty()) {
                (_, true) => (upper.clone(), String::new()),
                (true, false) => (lower.clone(), group.clone()),
                (false, false) => (lower.clone(), upper.clone()),
            };
            let year = year_of(&header, &group_text);
            let (field, confidence) = match field(sheet, &header) {
                Some((f, conf)) if year.is_none() => (Some(f), conf),
                _ => (None, 0.0),
            };
            let shown =
                if group_text.is_empty() || group_text == header { header } else { format!("{group_text}/{header}") };
            Column { header: shown, field, confidence, year }
        })
        .collect()
}

fn score(cols: &[Column]) -> usize {
    let mut seen: Vec<&str> = cols.iter().filter_map(|c| c.field.as_deref()).collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len() + cols.iter().filter(|c| c.year.is_some()).count()
}

/// Finds the header among the first rows of a sheet. `key` is the column every data row has
/// (the ID); a row under the header whose key cell is empty is a second header row.
pub fn detect(sheet: &str, range: &Range<Data>, key: &str) -> Layout {
    let rows: Vec<&[Data]> = range.rows().take(HEADER_SEARCH_ROWS + 1).collect();
    let mut best: Option<(usize, Layout)> = None;
    for r in 0..rows.len().min(HEADER_SEARCH_ROWS) {
        let candidate = at_row(sheet, &rows, r, key);
        if candidate.0 > best.as_ref().map_or(0, |b| b.0) {
            best = Some(candidate);
        }
    }
    match best {
        Some((_, layout)) => layout,
        // Nothing recognisable: the first row is the header, as the canonical layout says.
        None => {
            Layout { header: 0, data: 1, columns: rows.first().map(|r| columns(sheet, r, None)).unwrap_or_default() }
        }
    }
}

/// The table whose header is at row index `header` of the range, as the user said (a second
/// header row under it is still recognised); any row, not only the first twenty.
pub fn detect_at(sheet: &str, range: &Range<Data>, key: &str, header: usize) -> Layout {
    let rows: Vec<&[Data]> = range.rows().skip(header).take(2).collect();
    if rows.is_empty() {
        return Layout { header, data: header + 1, columns: Vec::new() };
    }
    let (_, layout) = at_row(sheet, &rows, 0, key);
    Layout { header: layout.header + header, data: layout.data + header, columns: layout.columns }
}

/// The layout with its header at `rows[r]`, and its score.
fn at_row(sheet: &str, rows: &[&[Data]], r: usize, key: &str) -> (usize, Layout) {
    let row = rows[r];
    let single = columns(sheet, row, None);
    let mut candidate = (score(&single), Layout { header: r, data: r + 1, columns: single });
    if let Some(next) = rows.get(r + 1) {
        let key_col = candidate.1.columns.iter().position(|c| c.field.as_deref() == Some(key));
        // The row below is a second header row when the key column is empty there (the key's
        // header merged down), or when the key's own header is there (under a group such as
        // 基本信息 in the upper row).
        let key_below = next.iter().position(|c| field(sheet, &text(c)).is_some_and(|(f, _)| f == key));
        let next_is_header = (key_col.is_some_and(|k| next.get(k).is_none_or(crate::cell::is_empty))
            || (key_col.is_none() && key_below.is_some() && candidate.0 > 0))
            && next.iter().any(|c| !crate::cell::is_empty(c));
        if next_is_header {
            let double = columns(sheet, row, Some(next));
            let s = score(&double);
            if s > candidate.0 {
                candidate = (s, Layout { header: r, data: r + 2, columns: double });
            }
        }
    }
    candidate
}

/// How far down a header is looked for, to tell the clerk where it is when it is not among
/// the first rows.
const HEADER_FURTHER_ROWS: usize = 1000;

/// The index (in the range's rows) of a row past the first ones that holds the ID's and the
/// name's headers, if any.
pub fn header_further_down(sheet: &str, range: &Range<Data>) -> Option<usize> {
    range.rows().enumerate().skip(HEADER_SEARCH_ROWS).take(HEADER_FURTHER_ROWS).find_map(|(i, row)| {
        let fields: Vec<String> = row.iter().filter_map(|c| field(sheet, &text(c)).map(|(f, _)| f)).collect();
        (fields.iter().any(|f| f == "身份证号") && fields.iter().any(|f| f == "姓名")).then_some(i)
    })
}

/// The header signature of a layout: its headers in order, as compared. Rosters from the same
/// source share it, so a mapping the user confirmed once applies again.
pub fn signature(layout: &Layout) -> String {
    layout.columns.iter().map(|c| normalize(&c.header)).collect::<Vec<_>>().join("|")
}

/// Applies a user's mapping: keys are column letters ("B") or headers ("公民身份号码"), values
/// canonical fields, or "" to ignore the column. `col0` is the range's first column.
pub fn apply_mapping(layout: &mut Layout, mapping: &std::collections::BTreeMap<String, String>, col0: u32) {
    for (i, c) in layout.columns.iter_mut().enumerate() {
        let letter = crate::cell::column_letter(col0 + i as u32);
        let chosen = mapping
            .get(&letter)
            .or_else(|| mapping.get(&c.header))
            .or_else(|| mapping.iter().find(|(k, _)| normalize(k) == normalize(&c.header)).map(|(_, v)| v));
        if let Some(field) = chosen {
            if field.is_empty() {
                c.field = None;
                c.year = None;
            } else if let Some(year) = field.strip_prefix("年度考核:").and_then(|y| y.parse().ok()) {
                c.field = None;
                c.year = Some(year);
            } else {
                c.field = Some(field.clone());
                c.year = None;
            }
            c.confidence = 1.0;
        }
    }
}

/// Whether a row is a note under the table (填表人：…), which ends the data.
pub fn is_note(row: &[Data]) -> bool {
    is_note_with_key(row, None)
}

/// Like [`is_note`]; when the key column (the ID) of the row is empty, a note may spread over
/// any number of cells (单位负责人：| 张三 | 填表人：| 李四 | …).
pub fn is_note_with_key(row: &[Data], key: Option<usize>) -> bool {
    // Cheap first: most rows are people, whose first filled cell starts with no note word.
    let Some(first) = row.iter().find(|c| !crate::cell::is_empty(c)) else { return false };
    // A person's first cell (a 序号, an ID) starts with a digit: no note; checked before any copy.
    if let Data::Float(_) | Data::Int(_) | Data::DateTime(_) | Data::Bool(_) = first {
        return false;
    }
    let Some(first) = crate::cell::text_ref(first) else { return false };
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let first = crate::cell::squeezed(&first);
    if !(first.contains("以下空白") || NOTE_PREFIXES.iter().any(|p| first.starts_with(p))) {
        return false;
    }
    let filled = row.iter().filter(|c| !crate::cell::is_empty(c)).count();
    let key_text = key.and_then(|k| row.get(k)).map(text).unwrap_or_default();
    // The ID cell empty, or holding the note itself (单位负责人：… written in the first column).
    let key_empty = key.is_some() && (key_text.is_empty() || NOTE_PREFIXES.iter().any(|p| key_text.starts_with(p)));
    filled <= 3 || key_empty
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_by_meaning() {
        assert_eq!(field("人员", "公民身份号码"), Some(("身份证号".into(), 0.9)));
        assert_eq!(field("人员", "姓 名"), Some(("姓名".into(), 1.0)));
        assert_eq!(field("人员", "姓\u{3000}名"), Some(("姓名".into(), 1.0)));
        assert_eq!(field("人员", "任现职级\n时间"), Some(("任现职级时间".into(), 1.0)));
        assert_eq!(field("人员", "*出生年月（年月）"), Some(("出生日期".into(), 0.9)));
        assert_eq!(field("人员", "爱好"), None);
    }

    #[test]
    fn year_columns() {
        assert_eq!(year_of("2023年度考核", ""), Some(2023));
        assert_eq!(year_of("2024年考核结果", ""), Some(2024));
        assert_eq!(year_of("2025", "近三年年度考核"), Some(2025));
        assert_eq!(year_of("2025", "备注"), None);
        assert_eq!(year_of("2019.03", ""), None);
        assert_eq!(year_of("年度考核（2024年）", ""), Some(2024));
    }

    #[test]
    fn notes_end_the_table() {
        assert!(is_note(&[Data::String("填表人：张三".into()), Data::Empty, Data::String("审核人：李四".into())]));
        assert!(!is_note(&[Data::String("11010519491231002X".into()), Data::String("王一".into())]));
    }
}
