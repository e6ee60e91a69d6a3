//! Cell values as the roster's columns need them: text, dates in every form clerks type, whole
//! numbers. Each conversion says in Chinese what was wrong with the value.

use calamine::Data;
use chrono::{Days, NaiveDate};
use std::borrow::Cow;

/// Column letter for a 0-based column index: 0 → A, 26 → AA.
pub fn column_letter(mut col: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The cell as it reads to a person (for messages and text fields).
pub fn display(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => d.as_datetime().map(|d| d.date().to_string()).unwrap_or_else(|| d.as_f64().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Trimmed text, `None` when empty.
pub fn text(cell: &Data) -> Option<String> {
    if let Data::String(s) = cell {
        let t = s.trim();
        return (!t.is_empty()).then(|| t.to_string());
    }
    let s = display(cell);
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Like [`text`], borrowing the text of a text cell (most cells) instead of copying it: for
/// values that are only looked up or checked.
pub fn text_ref(cell: &Data) -> Option<Cow<'_, str>> {
    match cell {
        Data::String(s) => {
            let t = s.trim();
            (!t.is_empty()).then_some(Cow::Borrowed(t))
        }
        Data::Empty => None,
        other => text(other).map(Cow::Owned),
    }
}

/// Without spaces (also full-width) or line breaks; borrowed when there were none.
pub fn squeezed(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| c.is_whitespace() || c == '\u{3000}') {
        Cow::Owned(kaohe_engine::profile::squeeze(s))
    } else {
        Cow::Borrowed(s)
    }
}

/// Free text such as a 个人总结: inner line breaks kept, surrounding blanks trimmed.
pub fn long_text(cell: &Data) -> Option<String> {
    let s = display(cell).replace("\r\n", "\n");
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

pub fn is_empty(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => text(cell).is_none(),
    }
}

/// Reads a date written as text: 2019-03-01, 2019/3/1, 2019.03.01, 2019.03, 2019.3, 2019年3月,
/// 2019年3月1日, 201903, 20190301. A month-only date means the 1st.
pub fn parse_date_text(s: &str) -> Option<NaiveDate> {
    let halfwidth = to_halfwidth(s);
    let mut s: &str = halfwidth.trim();
    // "2019-06-01 00:00:00", "2019-06-01T00:00:00": a date with a time of day.
    if let Some((date, time)) = s.split_once([' ', 'T']) {
        if time.chars().all(|c| c.is_ascii_digit() || c == ':' || c == '.') && time.contains(':') {
            s = date;
        }
    }
    // A date starts with its year: "-2019-01-01" is no date (nor 2019-01-01 with a sign lost).
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return match s.len() {
            8 => NaiveDate::from_ymd_opt(s[..4].parse().ok()?, s[4..6].parse().ok()?, s[6..].parse().ok()?),
            6 => NaiveDate::from_ymd_opt(s[..4].parse().ok()?, s[4..].parse().ok()?, 1),
            _ => None,
        };
    }
    // At most three runs of digits (year, month, day); a fourth makes it no date.
    let mut parts = [""; 3];
    let mut count = 0;
    for part in s.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()) {
        if count == parts.len() {
            return None;
        }
        parts[count] = part;
        count += 1;
    }
    let tail_ok = s.chars().last().is_some_and(|c| c.is_ascii_digit() || c == '日' || c == '月');
    if !tail_ok || count == 0 || parts[0].len() != 4 {
        return None;
    }
    let y: i32 = parts[0].parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    match count {
        2 => NaiveDate::from_ymd_opt(y, parts[1].parse().ok()?, 1),
        3 => NaiveDate::from_ymd_opt(y, parts[1].parse().ok()?, parts[2].parse().ok()?),
        _ => None,
    }
}

/// Full-width digits and letters (０–９, Ａ–Ｚ, ａ–ｚ) and the full-width full stop, slash and hyphen
/// as their ASCII forms: what a clerk typing with a Chinese input method often gets.
pub fn to_halfwidth(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(|c| matches!(c, '\u{FF0D}'..='\u{FF5A}')) {
        return Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}'
            | '\u{FF21}'..='\u{FF3A}'
            | '\u{FF41}'..='\u{FF5A}'
            | '\u{FF0E}'
            | '\u{FF0F}'
            | '\u{FF0D}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .into()
}

/// Days from the Excel epoch (1900 system) to a date.
fn from_serial(serial: f64) -> Option<NaiveDate> {
    if !(61.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(serial.floor() as u64))
}

/// A date cell. `Err` carries the reason in Chinese.
pub fn date(cell: &Data) -> Result<Option<NaiveDate>, String> {
    match cell {
        Data::Empty => Ok(None),
        Data::DateTime(d) if d.as_f64() < 61.0 => {
            Err("不是有效日期（日期数值过小，常见于把 0 或空白设成了日期格式）".to_string())
        }
        Data::DateTime(d) => d.as_datetime().map(|d| Some(d.date())).ok_or_else(|| "不是有效日期".to_string()),
        Data::DateTimeIso(s) => {
            parse_date_text(s.get(..10).unwrap_or(s)).map(Some).ok_or_else(|| "不是有效日期".to_string())
        }
        Data::Int(i) => number_date(*i as f64),
        Data::Float(f) => number_date(*f),
        Data::String(s) if s.trim().is_empty() => Ok(None),
        Data::String(s) => parse_date_text(s)
            .map(Some)
            .ok_or_else(|| "不是有效日期（可写作 2019-03-01、2019.03 或 2019年3月1日）".to_string()),
        _ => Err("不是日期".to_string()),
    }
}

/// A number in a date column: 2019.03 typed into a number cell, 20190301, or an Excel serial.
fn number_date(v: f64) -> Result<Option<NaiveDate>, String> {
    if (1900.0..2101.0).contains(&v) {
        let year = v.trunc() as i32;
        let hundredths = ((v - v.trunc()) * 100.0).round() as u32;
        let month = match hundredths {
            0 => return Err(format!("数值 {v} 只有年份，缺少月份")),
            10 => {
                return Err(format!(
                    "数值 {v} 无法确定是{year}年1月还是{year}年10月，请把单元格设为文本后写成 {year}.01 或 {year}.10"
                ))
            }
            h if h % 10 == 0 => h / 10,
            h => h,
        };
        return NaiveDate::from_ymd_opt(year, month, 1).map(Some).ok_or_else(|| "月份不在 1–12 之间".to_string());
    }
    // 201903 typed as a number: a year and month, not a day count 550 years from 1900.
    if (190_001.0..=210_012.0).contains(&v) && v.fract() == 0.0 && (1..=12).contains(&((v as u32) % 100)) {
        return parse_date_text(&format!("{}", v as i64)).map(Some).ok_or_else(|| "不是有效日期".to_string());
    }
    if (19_000_101.0..=21_001_231.0).contains(&v) && v.fract() == 0.0 {
        return parse_date_text(&format!("{}", v as i64)).map(Some).ok_or_else(|| "不是有效日期".to_string());
    }
    from_serial(v).map(Some).ok_or_else(|| "不是有效日期".to_string())
}

/// A whole number ≥ 0.
pub fn count(cell: &Data) -> Result<Option<u32>, String> {
    let v = match cell {
        Data::Empty => return Ok(None),
        Data::Int(i) => *i as f64,
        Data::Float(f) => *f,
        Data::String(s) if s.trim().is_empty() => return Ok(None),
        Data::String(s) => s.trim().parse::<f64>().map_err(|_| "不是数字".to_string())?,
        _ => return Err("不是数字".to_string()),
    };
    if v < 0.0 || v.fract() != 0.0 || v > 1e6 {
        return Err("应为不小于0的整数".to_string());
    }
    Ok(Some(v as u32))
}

/// A score 0–100 in hundredths (a third decimal rounded half up).
pub fn score(cell: &Data) -> Result<Option<i64>, String> {
    let v = match cell {
        Data::Empty => return Ok(None),
        Data::Int(i) => *i as f64,
        Data::Float(f) => *f,
        Data::String(s) if s.trim().is_empty() => return Ok(None),
        Data::String(s) => s.trim().parse::<f64>().map_err(|_| "不是分数".to_string())?,
        _ => return Err("不是分数".to_string()),
    };
    if !(0.0..=100.0).contains(&v) {
        return Err("分数应在 0–100 之间".to_string());
    }
    // Through the decimal text, so 89.995 (stored as 89.99499…) still rounds to 90.00.
    let text = format!("{v:.6}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, "0"));
    let frac: String = frac.chars().chain(std::iter::repeat('0')).take(3).collect();
    let whole: i64 = int.parse().map_err(|_| "不是分数".to_string())?;
    let thousandths: i64 = frac.parse().map_err(|_| "不是分数".to_string())?;
    Ok(Some(whole * 100 + (thousandths + 5) / 10))
}

/// A percentage: 25, "25%", or 0.25 from a percent-formatted cell; in basis points.
pub fn percent(cell: &Data) -> Result<Option<u32>, String> {
    let v = match cell {
        Data::Empty => return Ok(None),
        Data::Int(i) => *i as f64,
        Data::Float(f) if *f > 0.0 && *f <= 1.0 => f * 100.0,
        Data::Float(f) => *f,
        Data::String(s) if s.trim().is_empty() => return Ok(None),
        Data::String(s) => {
            s.trim().trim_end_matches(['%', '％']).trim().parse::<f64>().map_err(|_| "不是百分比".to_string())?
        }
        _ => return Err("不是百分比".to_string()),
    };
    if !(0.0..=100.0).contains(&v) {
        return Err("百分比应在 0–100 之间".to_string());
    }
    Ok(Some((v * 100.0).round() as u32))
}

/// A year such as 2023, "2023", "2023年", "2023年度".
pub fn year(cell: &Data) -> Result<i32, String> {
    let s = display(cell);
    let digits: String = s.trim().trim_end_matches('度').trim_end_matches('年').to_string();
    match digits.parse::<f64>() {
        // The years the CLI and the app take (kaohe_engine::dates::YEARS).
        Ok(v) if v.fract() == 0.0 && kaohe_engine::dates::YEARS.contains(&(v as i32)) => Ok(v as i32),
        _ => Err("不是有效年度（应为四位年份，如 2025）".to_string()),
    }
}

/// 是/否 and the usual variants.
pub fn yes_no(cell: &Data) -> Result<Option<bool>, String> {
    match cell {
        Data::Bool(b) => Ok(Some(*b)),
        Data::Int(1) => Ok(Some(true)),
        Data::Int(0) => Ok(Some(false)),
        Data::Float(f) if *f == 1.0 => Ok(Some(true)),
        Data::Float(f) if *f == 0.0 => Ok(Some(false)),
        _ => match text_ref(cell).as_deref() {
            None => Ok(None),
            Some("是" | "Y" | "y" | "√" | "TRUE" | "true" | "1") => Ok(Some(true)),
            Some("否" | "N" | "n" | "×" | "FALSE" | "false" | "0") => Ok(Some(false)),
            Some(_) => Err("应填“是”或“否”".to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn text_dates_in_every_common_form() {
        assert_eq!(parse_date_text("2019-03-01"), d(2019, 3, 1));
        assert_eq!(parse_date_text("2019/3/1"), d(2019, 3, 1));
        assert_eq!(parse_date_text("2019.03"), d(2019, 3, 1));
        assert_eq!(parse_date_text("2019.3"), d(2019, 3, 1));
        assert_eq!(parse_date_text("2019年3月"), d(2019, 3, 1));
        assert_eq!(parse_date_text("2019年3月15日"), d(2019, 3, 15));
        assert_eq!(parse_date_text("201903"), d(2019, 3, 1));
        assert_eq!(parse_date_text("20190315"), d(2019, 3, 15));
        assert_eq!(parse_date_text("2019.13"), None);
        assert_eq!(parse_date_text("2019-02-30"), None);
        assert_eq!(parse_date_text("三月"), None);
    }

    #[test]
    fn fullwidth_forms() {
        assert_eq!(to_halfwidth("３３０１０２ｘ２０１９．０３"), "330102x2019.03");
        assert_eq!(parse_date_text("２０１９年６月"), d(2019, 6, 1));
    }

    #[test]
    fn numbers_in_date_columns() {
        assert_eq!(number_date(2019.03), Ok(d(2019, 3, 1)));
        assert_eq!(number_date(2019.12), Ok(d(2019, 12, 1)));
        assert!(number_date(2019.1).is_err(), "2019.1 is ambiguous");
        assert_eq!(number_date(43525.0), Ok(d(2019, 3, 1)));
        assert_eq!(number_date(20190301.0), Ok(d(2019, 3, 1)));
        assert_eq!(number_date(201903.0), Ok(d(2019, 3, 1)));
        assert_eq!(parse_date_text("2019-06-01 00:00:00"), d(2019, 6, 1));
    }

    #[test]
    fn scores_and_percents() {
        assert_eq!(score(&Data::Float(89.995)), Ok(Some(9000)));
        assert_eq!(score(&Data::Float(86.25)), Ok(Some(8625)));
        assert_eq!(score(&Data::String("59.99".into())), Ok(Some(5999)));
        assert!(score(&Data::Float(101.0)).is_err());
        assert_eq!(percent(&Data::Float(0.25)), Ok(Some(2500)));
        assert_eq!(percent(&Data::String("22.5%".into())), Ok(Some(2250)));
        assert_eq!(percent(&Data::Int(20)), Ok(Some(2000)));
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}

/// The most characters a workbook cell holds (Excel's and WPS's limit): a longer text could be
/// read from a CSV file but no result workbook could be written with it.
pub const MAX_CELL_CHARS: usize = 32_767;

pub use kaohe_engine::text::is_invisible;

/// An invisible character's kind, in words a clerk can look up.
fn invisible_name(c: char) -> &'static str {
    match c {
        '\u{0}' => "空字符",
        '\u{200B}' => "零宽空格",
        '\u{200C}' | '\u{200D}' | '\u{2060}' => "零宽连接符",
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "文字方向控制符",
        '\u{FEFF}' => "字节顺序标记",
        '\u{2061}'..='\u{2064}' => "不可见运算符",
        _ => "控制字符",
    }
}

/// What cleaning did to a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    /// The kinds of invisible characters removed, each once, in words.
    pub removed: Vec<&'static str>,
    /// The length in characters before it was cut to [`MAX_CELL_CHARS`], when it was.
    pub cut_from: Option<usize>,
}

/// A cell's text without invisible characters and no longer than a cell can hold; `None` when
/// it is fine as it is (the usual case, decided from its bytes alone).
pub fn clean_text(s: &str) -> Option<Cleaned> {
    // Every invisible character is an ASCII control or starts with the byte E2 or EF in UTF-8.
    let suspect =
        s.bytes().any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xE2 || b == 0xEF);
    let long = s.len() > MAX_CELL_CHARS && s.chars().count() > MAX_CELL_CHARS;
    if !(long || suspect && s.chars().any(is_invisible)) {
        return None;
    }
    let mut removed: Vec<&'static str> = Vec::new();
    let mut text: String = s
        .chars()
        .filter(|&c| {
            let gone = is_invisible(c);
            if gone && !removed.contains(&invisible_name(c)) {
                removed.push(invisible_name(c));
            }
            !gone
        })
        .collect();
    let count = text.chars().count();
    let cut_from = (count > MAX_CELL_CHARS).then(|| {
        let end = text.char_indices().nth(MAX_CELL_CHARS).map_or(text.len(), |(i, _)| i);
        text.truncate(end);
        count
    });
    Some(Cleaned { text, removed, cut_from })
}

#[cfg(test)]
mod cleaning_tests {
    use super::*;

    #[test]
    fn invisible_characters_are_removed_and_long_text_cut() {
        assert_eq!(clean_text("王一"), None);
        assert_eq!(clean_text("“甲局”—办公室…"), None);
        assert_eq!(clean_text("第一行\n第二行\t"), None);
        let c = clean_text("王\u{200B}一\u{202E}\u{200B}").expect("cleaned");
        assert_eq!(
            (c.text.as_str(), c.removed.clone(), c.cut_from),
            ("王一", vec!["零宽空格", "文字方向控制符"], None)
        );
        assert_eq!(clean_text("\u{FEFF}张三").map(|c| c.text), Some("张三".to_string()));
        assert_eq!(clean_text("赵\0四\u{1}").map(|c| c.removed), Some(vec!["空字符", "控制字符"]));
        let long = "孙".repeat(40_000);
        let c = clean_text(&long).expect("cut");
        assert_eq!((c.text.chars().count(), c.cut_from), (MAX_CELL_CHARS, Some(40_000)));
        // 32,767 characters of three bytes each fit.
        assert_eq!(clean_text(&"孙".repeat(MAX_CELL_CHARS)), None);
    }

    #[test]
    fn a_date_with_a_sign_or_words_before_it_is_no_date() {
        assert_eq!(parse_date_text("-2019-01-01"), None);
        assert_eq!(parse_date_text("+2019-01-01"), None);
        assert_eq!(parse_date_text("约2019年3月"), None);
        assert_eq!(parse_date_text(" 2019-01-01 "), NaiveDate::from_ymd_opt(2019, 1, 1));
        assert_eq!(date(&Data::String("-2019-01-01".into())).map_err(|e| e.contains("不是有效日期")), Err(true));
    }
}
