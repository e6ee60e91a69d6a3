//! A workbook of plain tables, each sheet a title, a header and rows — ready to print like the
//! result workbooks (A4 landscape, title and header on every page, 宋体): the 汇总 workbook is
//! made of these. Counts are written as numbers a clerk may sum; everything else as text.

use crate::read::WorkbookError;
use crate::result::{body_format, layout};
use rust_xlsxwriter::{FormatAlign, Workbook, XlsxError};
use std::path::Path;

/// One sheet: its name, its title row, its columns (header and width) and its rows of cells.
pub struct Table {
    pub name: String,
    pub title: String,
    pub columns: Vec<(String, f64)>,
    /// The columns (by index) holding counts: written as numbers, centred.
    pub numbers: Vec<usize>,
    pub rows: Vec<Vec<String>>,
}

fn build(tables: &[Table]) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let body = body_format();
    let center = body_format().set_align(FormatAlign::Center);
    for table in tables {
        let sheet = book.add_worksheet().set_name(&table.name)?;
        let headers: Vec<(&str, f64)> = table.columns.iter().map(|(h, w)| (h.as_str(), *w)).collect();
        let first = layout(sheet, &table.title, &headers)?;
        for (n, row) in table.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c16) = (first + n as u32, c as u16);
                match v.parse::<f64>() {
                    Ok(x) if table.numbers.contains(&c) => {
                        sheet.write_number_with_format(r, c16, x, &center)?;
                    }
                    _ => crate::text::write_text(sheet, r, c16, v, &body)?,
                }
            }
        }
    }
    Ok(book)
}

/// Writes the tables as one workbook, a sheet each.
pub fn write_tables(path: &Path, tables: &[Table]) -> Result<(), WorkbookError> {
    let fail = |e: XlsxError| WorkbookError::write(path, e);
    WorkbookError::save(path, &mut build(tables).map_err(fail)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{open_workbook_auto, Reader};

    /// A table of one column (the 汇总's 尚未上报, 冲突) is written: its title is not merged.
    #[test]
    fn a_table_of_one_column_is_written() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("汇总.xlsx");
        let table = Table {
            name: "尚未上报".into(),
            title: "2025年度尚未上报的单位".into(),
            columns: vec![("单位".into(), 30.0)],
            numbers: Vec::new(),
            rows: vec![vec!["某县财政局".into()]],
        };
        write_tables(&path, &[table]).expect("written");
        let mut book = open_workbook_auto(&path).expect("open");
        let range = book.worksheet_range("尚未上报").expect("sheet");
        let cells: Vec<String> = range.rows().map(|r| r[0].to_string()).collect();
        assert_eq!(cells, ["2025年度尚未上报的单位", "单位", "某县财政局"]);
    }
}
