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
