//! Writing a text cell so that it stays text: a value from a roster that starts with = + - or @
//! is stored as a string either way, but in a cell of the General format Excel and WPS turn it
//! into a live formula the moment a clerk edits the cell. Such a value gets the Text format (@).

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// Whether Excel would read `value`, typed into a General cell, as a formula.
pub(crate) fn looks_like_formula(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@'])
}

/// Writes `value` as a string cell with `format`, or with `format` and the Text number format
/// when the value could be taken for a formula.
pub(crate) fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: impl AsRef<str>,
    format: &Format,
) -> Result<(), XlsxError> {
    let value = value.as_ref();
    if looks_like_formula(value) {
        sheet.write_string_with_format(row, col, value, &format.clone().set_num_format("@"))?;
    } else {
        sheet.write_string_with_format(row, col, value, format)?;
    }
    Ok(())
}
