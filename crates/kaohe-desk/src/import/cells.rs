//! The cells of the rows an import's issues name, read again from the file, so that the app can
//! show each problem beside its row as the clerk typed it.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use kaohe_workbook::RosterRead;
use serde::Serialize;

/// At most this many rows' cells come with a check (the rows named by issues, first first).
pub const ROW_CELLS_LIMIT: usize = 2000;

/// One cell of a row named by an issue.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowCell {
    pub column: String,
    pub header: String,
    pub value: String,
}

/// The cells of one row of the people sheet (to show beside its issues).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetRow {
    pub row: u32,
    pub cells: Vec<RowCell>,
}

/// The cells of the sheet's rows named by issues (at most [`ROW_CELLS_LIMIT`] rows); none when
/// the file cannot be read again.
pub fn issue_rows(path: &Path, read: &RosterRead) -> Vec<SheetRow> {
    let wanted: BTreeSet<u32> = read
        .issues
        .iter()
        .filter(|i| i.sheet == read.sheet)
        .filter_map(|i| i.row)
        .filter(|r| *r > read.header_row)
        .take(ROW_CELLS_LIMIT)
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let Ok(mut book) = kaohe_workbook::source::open(path) else { return Vec::new() };
    let Ok(range) = book.range(&read.sheet) else { return Vec::new() };
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let headers: HashMap<&str, &str> = read.mapping.iter().map(|m| (m.column.as_str(), m.header.as_str())).collect();
    let header_cells: Vec<String> = range
        .rows()
        .nth(read.header_row.saturating_sub(row0 + 1) as usize)
        .map(|r| r.iter().map(kaohe_workbook::cell_display).collect())
        .unwrap_or_default();
    wanted
        .into_iter()
        .filter_map(|row| {
            let cells = range.rows().nth(row.checked_sub(row0 + 1)? as usize)?;
            let cells = cells
                .iter()
                .enumerate()
                .map(|(j, v)| {
                    let column = kaohe_workbook::column_letter(col0 + j as u32);
                    let header = headers
                        .get(column.as_str())
                        .map(|h| (*h).to_owned())
                        .or_else(|| header_cells.get(j).cloned())
                        .unwrap_or_default();
                    RowCell { column, header, value: kaohe_workbook::cell_display(v) }
                })
                .filter(|c| !c.header.trim().is_empty() || !c.value.trim().is_empty())
                .collect();
            Some(SheetRow { row, cells })
        })
        .collect()
}
