//! Workbooks in and out.
//!
//! In: the canonical roster workbook (docs/cli.md) read with calamine into engine values plus a
//! list of [`Issue`]s — a bad cell costs its row or its value, never the file. Out: the empty
//! template and the print-ready result workbooks, written with rust_xlsxwriter.

mod assessment_result;
mod audit;
mod biff;
mod cell;
mod error_report;
mod hidden;
mod issue;
pub mod layout;
pub mod national;
pub mod organ_list;
mod read;
mod result;
pub mod rows;
pub mod source;
mod tables;
mod template;
mod text;

pub use assessment_result::{
    write_assessment, write_assessment_told, write_national_results, write_national_results_told, NATIONAL_COLUMNS,
};
pub use audit::{write_audit, AuditRow};
pub use cell::display as cell_display;
pub use cell::{column_letter, parse_date_text};
pub use error_report::write_error_report;
pub use issue::{Issue, IssueCode, IssuesBeyond, Severity, MAX_ISSUES};
pub use read::{people_columns, PeopleColumns, ReadProgress, PEOPLE_COLUMNS, PEOPLE_REQUIRED, PEOPLE_TEMPLATE_ORDER};
pub use read::{
    people_signature, read_roster, read_roster_with, MappedColumn, PersonSource, ReadOptions, RosterRead,
    WorkbookError, SHEET_ANNUAL, SHEET_ASSESSMENTS, SHEET_ORGANS, SHEET_PEOPLE, SHEET_RANKS, SHEET_REGULAR,
    SHEET_RESTRICTIONS,
};
pub use result::{write_promotion, write_promotion_told};
pub use tables::{write_tables, Table};
pub use template::write_template;
