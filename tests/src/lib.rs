//! Helpers for Kaohe's integration tests: workbooks written from a TOML description of their
//! sheets (so a case is readable text), and a partial JSON matcher for hand-computed expectations.

pub mod hostile_files;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Starts a child process with `start` (a `spawn` or an `output`). Wine's CreateProcess now and
/// then fails on a loaded machine with ERROR_INTERNAL_ERROR (1359) before the program starts (seen
/// when these tests, built for Windows, run under Wine beside a build): a start that failed so is
/// tried again, a program that ran is not.
pub fn launch<T>(mut start: impl FnMut() -> std::io::Result<T>) -> std::io::Result<T> {
    const WINE_INTERNAL_ERROR: i32 = 1359;
    let mut attempt = 0;
    loop {
        match start() {
            Err(e) if attempt < 4 && e.raw_os_error() == Some(WINE_INTERNAL_ERROR) => {
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(200 * attempt));
            }
            result => return result,
        }
    }
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Writes a workbook whose sheets are given as `{"sheet name" = [[header...], [row...], ...]}`.
/// TOML strings become text cells, TOML dates Excel date cells, numbers numeric cells; "" is an
/// empty cell.
pub fn write_sheets(sheets: &toml::Table, path: &Path) -> Result<(), String> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet().set_name(name).map_err(|e| e.to_string())?;
        let rows = rows.as_array().ok_or_else(|| format!("sheet {name} is not an array of rows"))?;
        for (r, row) in rows.iter().enumerate() {
            let row = row.as_array().ok_or_else(|| format!("sheet {name} row {r} is not an array"))?;
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                let res = match v {
                    toml::Value::String(s) if s.is_empty() => continue,
                    toml::Value::String(s) => sheet.write_string(r, c, s).map(|_| ()),
                    toml::Value::Integer(i) => sheet.write_number(r, c, *i as f64).map(|_| ()),
                    toml::Value::Float(f) => sheet.write_number(r, c, *f).map(|_| ()),
                    toml::Value::Boolean(b) => sheet.write_boolean(r, c, *b).map(|_| ()),
                    toml::Value::Datetime(d) => {
                        let d = d.date.ok_or_else(|| format!("sheet {name}: only dates are supported"))?;
                        let dt = ExcelDateTime::from_ymd(d.year, d.month, d.day).map_err(|e| e.to_string())?;
                        sheet.write_datetime_with_format(r, c, &dt, &date).map(|_| ())
                    }
                    other => return Err(format!("sheet {name}: unsupported cell {other}")),
                };
                res.map_err(|e| e.to_string())?;
            }
        }
    }
    book.save(path).map_err(|e| e.to_string())
}

/// Checks that `actual` contains everything `expected` says: objects by key (extra keys
/// allowed), arrays element by element with equal length, strings starting with `~` as
/// substrings. Returns every mismatch with its JSON path.
/// A person's `reasons` in `--json` as read, one line each (〔依据：…〕 and all).
pub fn reasons_of(person: &Value) -> Vec<String> {
    let reasons: Vec<kaohe_engine::Reason> = serde_json::from_value(person["reasons"].clone()).expect("reasons");
    reasons.iter().map(ToString::to_string).collect()
}

pub fn json_contains(expected: &Value, actual: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    walk(expected, actual, "$", &mut problems);
    problems
}

fn walk(e: &Value, a: &Value, path: &str, out: &mut Vec<String>) {
    match (e, a) {
        (Value::Object(eo), Value::Object(ao)) => {
            for (k, ev) in eo {
                match ao.get(k) {
                    Some(av) => walk(ev, av, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing (expected {ev})")),
                }
            }
        }
        (Value::Array(ea), Value::Array(aa)) => {
            if ea.len() != aa.len() {
                out.push(format!("{path}: expected {} elements, got {}: {}", ea.len(), aa.len(), a));
                return;
            }
            for (i, (ev, av)) in ea.iter().zip(aa).enumerate() {
                walk(ev, av, &format!("{path}[{i}]"), out);
            }
        }
        // JSON does not tell 70 from 70.0: numbers compare by value.
        (Value::Number(en), Value::Number(an)) => {
            if en.as_f64() != an.as_f64() {
                out.push(format!("{path}: expected {e}, got {a}"));
            }
        }
        // A reason is a list of parts (words, citations): an expected text is compared with the
        // reason as read, 〔依据：…〕 and all.
        (Value::String(_), Value::Array(_)) => match serde_json::from_value::<kaohe_engine::Reason>(a.clone()) {
            Ok(reason) => walk(e, &Value::String(reason.to_string()), path, out),
            Err(_) => out.push(format!("{path}: expected {e}, got {a}")),
        },
        (Value::String(es), Value::String(as_)) if es.starts_with('~') => {
            if !as_.contains(&es[1..]) {
                out.push(format!("{path}: expected text containing {:?}, got {:?}", &es[1..], as_));
            }
        }
        _ => {
            if e != a {
                out.push(format!("{path}: expected {e}, got {a}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn partial_match_reports_paths() {
        let actual = json!({"people": [{"id": "1", "n": 3, "why": "年限不足"}], "x": 1});
        assert!(json_contains(&json!({"people": [{"id": "1", "why": "~不足"}]}), &actual).is_empty());
        let p = json_contains(&json!({"people": [{"n": 4}]}), &actual);
        assert_eq!(p, vec!["$.people[0].n: expected 4, got 3".to_string()]);
        assert_eq!(json_contains(&json!({"people": []}), &actual).len(), 1);
    }

    #[test]
    fn a_reason_in_parts_is_matched_as_read() {
        let actual = json!({"why": [{"text": "年限不足"}, {"cite": "第十条", "status": "U"}, {"text": "。"}]});
        assert!(json_contains(&json!({"why": "~不足〔依据：第十条；待核实〕。"}), &actual).is_empty());
        assert!(json_contains(&json!({"why": "年限不足〔依据：第十条；待核实〕。"}), &actual).is_empty());
        let p = json_contains(&json!({"why": "~第九条"}), &actual);
        assert_eq!(
            p,
            vec!["$.why: expected text containing \"第九条\", got \"年限不足〔依据：第十条；待核实〕。\"".to_string()]
        );
    }
}
