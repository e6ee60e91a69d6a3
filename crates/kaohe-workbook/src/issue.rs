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
    /// A row naming a person by ID under another name than the people sheet's (职级变动): the
    /// row is someone else's, or the ID is wrong.
    NameMismatch,
    /// A second row of one person on the same date (职级变动).
    DuplicateDate,
    /// The people sheet's present rank or its date disagrees with the last row of the person's
    /// 职级变动 (the people sheet wins).
    RankMismatch,
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
    /// More issues than a read keeps ([`MAX_ISSUES`]): the rest are counted, not listed.
    TooManyIssues,
    /// A cell with characters that cannot be seen (zero-width, bidirectional controls, a byte
    /// order mark, NUL), removed; or a cell longer than a workbook cell can hold, cut.
    CellCleaned,
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
    /// An issue of a whole sheet (no row, no column): a sheet missing, unreadable, guessed.
    pub fn of_sheet(sheet: &str, code: IssueCode, severity: Severity, message: String) -> Issue {
        Issue { sheet: sheet.to_string(), row: None, column: None, header: None, value: None, code, severity, message }
    }

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

/// The most issues one read keeps. A broken file can have millions (one per cell of a wrong
/// column over 300,000 rows); beyond these they are counted by severity, and one last issue
/// says how many were left out.
pub const MAX_ISSUES: usize = 10_000;

/// Issues not kept by a read (past [`MAX_ISSUES`]), by severity.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IssuesBeyond {
    pub errors: usize,
    pub warnings: usize,
}

impl IssuesBeyond {
    pub fn total(&self) -> usize {
        self.errors + self.warnings
    }
}

/// The issues of one read as it finds them: the first [`MAX_ISSUES`] kept, the rest counted.
#[derive(Debug, Default)]
pub(crate) struct Issues {
    kept: Vec<Issue>,
    errors: usize,
    beyond: IssuesBeyond,
}

impl Issues {
    pub(crate) fn push(&mut self, issue: Issue) {
        let error = issue.severity == Severity::Error;
        self.errors += usize::from(error);
        if self.kept.len() < MAX_ISSUES {
            self.kept.push(issue);
        } else if error {
            self.beyond.errors += 1;
        } else {
            self.beyond.warnings += 1;
        }
    }

    /// How many issues are kept so far: where the next row's begin.
    pub(crate) fn kept(&self) -> usize {
        self.kept.len()
    }

    /// The row whose issues begin at `from` (see [`Issues::kept`]) was not imported: its
    /// warnings stop saying it was.
    pub(crate) fn row_not_imported(&mut self, from: usize) {
        for issue in self.kept.iter_mut().skip(from).filter(|i| i.severity == Severity::Warning) {
            if let Some(at) = issue.message.rfind("；该行已") {
                issue.message.truncate(at);
                issue.message.push_str("；该行因有错误未导入，改正时请一并核对此项。");
            }
        }
    }

    /// Errors found so far, kept or not (a row is imported only if it added none).
    pub(crate) fn errors(&self) -> usize {
        self.errors
    }

    /// The issues kept, the last one saying how many more there were (when there were), and
    /// the count of those.
    pub(crate) fn finish(mut self, sheet: &str) -> (Vec<Issue>, IssuesBeyond) {
        let beyond = self.beyond;
        if beyond.total() > 0 {
            self.kept.push(Issue::of_sheet(
                sheet,
                IssueCode::TooManyIssues,
                Severity::Warning,
                format!(
                    "问题过多：只列出前 {MAX_ISSUES} 个，另有 {} 个未列出（其中错误 {} 个，所在的行未导入）；请先改正列出的问题（常见原因是某一列整列填错）后重新检查。",
                    beyond.total(),
                    beyond.errors
                ),
            ));
        }
        (self.kept, beyond)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(severity: Severity) -> Issue {
        Issue {
            sheet: "人员".into(),
            row: Some(2),
            column: None,
            header: None,
            value: None,
            code: IssueCode::BadId,
            severity,
            message: String::new(),
        }
    }

    #[test]
    fn past_the_cap_issues_are_counted_not_kept() {
        let mut issues = Issues::default();
        for n in 0..MAX_ISSUES + 30 {
            issues.push(issue(if n % 3 == 0 { Severity::Error } else { Severity::Warning }));
        }
        // 10,030 issues, every third an error: 3,344 errors in all, 10 of them among the 30 left out.
        assert_eq!(issues.errors(), 3_344);
        let (kept, beyond) = issues.finish("人员");
        assert_eq!(kept.len(), MAX_ISSUES + 1);
        assert_eq!(beyond, IssuesBeyond { errors: 10, warnings: 20 });
        let last = kept.last().expect("the summary");
        assert_eq!(last.code, IssueCode::TooManyIssues);
        assert!(last.message.contains("只列出前 10000 个，另有 30 个未列出（其中错误 10 个"), "{}", last.message);
        let (kept, beyond) = Issues::default().finish("人员");
        assert!(kept.is_empty() && beyond.total() == 0);
    }
}
