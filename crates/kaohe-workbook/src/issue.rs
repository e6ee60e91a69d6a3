//! A problem found in one cell, row or sheet of an input workbook, said for a clerk.

use serde::Serialize;

#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "IssueSeverity"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The row was not imported.
    Error,
    /// The row was imported without the value (or with a change).
    Warning,
}

/// What kind of problem; a closed set mirrored in docs/cli.md.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    SheetMissing,
    ColumnMissing,
    MissingValue,
    BadId,
    LegacyId,
    IdMismatch,
    Hidden,
    DuplicateId,
    BadDate,
    DateOrder,
    UnknownCategory,
    UnknownRank,
    RankCategoryMismatch,
    UnknownPostLevel,
    UnknownOrganLevel,
    UnknownPool,
    BadNumber,
    BadValue,
    BadYear,
    UnknownGrade,
    DuplicateResult,
    UnknownPerson,
    SameName,
    UnknownRestriction,
    /// A name written with inner spaces, full-width spaces or line breaks, imported without them.
    NameNormalized,
    /// The same ID is in the database under another name (a change of name, or a wrong ID).
    NameConflict,
    /// A formula whose result the file does not hold (written by a program, never opened and
    /// saved in Excel or WPS): read as blank, never evaluated.
    FormulaWithoutValue,
    /// A value read and used that leaves a rule open (组织处理 without its kind, 留党察看 without
    /// its period, an organ level 区 without which kind of 区): the message says what is applied
    /// and asks the clerk to write it out.
    VagueValue,
    /// A title used before 2019-06 (调研员, 主任科员 …), read as the rank the profile says it was
    /// converted to.
    OldTitle,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub sheet: String,
    /// The row number as the spreadsheet shows it; `None` for the whole sheet.
    pub row: Option<u32>,
    /// The column letter; `None` for a whole row or sheet.
    pub column: Option<String>,
    pub header: Option<String>,
    /// The cell's value as read.
    pub value: Option<String>,
    pub code: IssueCode,
    pub severity: Severity,
    /// Where and what, in Chinese.
    pub message: String,
}

impl Issue {
    /// Where the issue is, in words: 工作表「人员」第7行 I列「任现职级时间」.
    pub fn place(&self) -> String {
        let mut s = format!("工作表「{}」", self.sheet);
        if let Some(r) = self.row {
            s.push_str(&format!("第{r}行"));
        }
        if let Some(c) = &self.column {
            s.push_str(&format!(" {c}列"));
        }
        if let Some(h) = &self.header {
            s.push_str(&format!("「{h}」"));
        }
        s
    }
}
