//! One sheet as a table: where its header is, which column holds which field (by canonical
//! header or looked up once, [`Col`]), and reading an ID cell with its checks.

use super::*;

/// One sheet's table: where it sits and which column holds which field.
pub(crate) struct Table<'a> {
    /// The canonical sheet (人员, 单位 …), which selects the header synonyms.
    pub(crate) kind: &'static str,
    /// The sheet's own name, as the user sees it.
    pub(crate) sheet: String,
    pub(crate) range: &'a Range<Data>,
    pub(crate) row0: u32,
    pub(crate) col0: u32,
    pub(crate) layout: Layout,
    /// Canonical field → column offset in the range.
    pub(crate) columns: FastMap<String, usize>,
}

/// A field of a sheet: named by its canonical header (looked up on each use), or a [`Col`]
/// looked up beforehand.
pub(crate) trait Field: Copy {
    fn header(&self) -> &str;
    fn index(&self, t: &Table) -> Option<usize>;
}

impl Field for &str {
    fn header(&self) -> &str {
        self
    }
    fn index(&self, t: &Table) -> Option<usize> {
        t.columns.get(*self).copied()
    }
}

/// A field's canonical header and the offset of its column in the range, if the sheet has it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Col {
    pub(crate) header: &'static str,
    pub(crate) index: Option<usize>,
}

impl Field for Col {
    fn header(&self) -> &str {
        self.header
    }
    fn index(&self, _: &Table) -> Option<usize> {
        self.index
    }
}

impl<'a> Table<'a> {
    pub(crate) fn new(kind: &'static str, sheet: &str, range: &'a Range<Data>) -> Table<'a> {
        let key = if kind == SHEET_ORGANS { "单位名称" } else { "身份证号" };
        Table::with_layout(kind, sheet, range, crate::layout::detect(kind, range, key))
    }

    pub(crate) fn with_layout(kind: &'static str, sheet: &str, range: &'a Range<Data>, layout: Layout) -> Table<'a> {
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut columns = FastMap::default();
        for (i, c) in layout.columns.iter().enumerate() {
            if let Some(f) = &c.field {
                columns.entry(f.clone()).or_insert(i);
            }
        }
        Table { kind, sheet: sheet.to_string(), range, row0, col0, layout, columns }
    }

    /// Applies the user's mapping and rebuilds the field index.
    pub(crate) fn remap(&mut self, mapping: &std::collections::BTreeMap<String, String>) {
        crate::layout::apply_mapping(&mut self.layout, mapping, self.col0);
        self.columns = FastMap::default();
        for (i, c) in self.layout.columns.iter().enumerate() {
            if let Some(f) = &c.field {
                self.columns.entry(f.clone()).or_insert(i);
            }
        }
    }

    pub(crate) fn header_row(&self) -> u32 {
        self.row0 + self.layout.header as u32 + 1
    }

    pub(crate) fn missing(&self, required: &[&str]) -> Vec<String> {
        required.iter().filter(|c| !self.columns.contains_key(**c)).map(|c| c.to_string()).collect()
    }

    /// Data rows with their spreadsheet row numbers, up to a note under the table (填表人：…).
    /// Blank rows are skipped, and so are rows with nothing in any recognised column (a row
    /// with only a 序号).
    pub(crate) fn rows(&self) -> impl Iterator<Item = (u32, &'a [Data])> + '_ {
        let row0 = self.row0;
        let used: Vec<usize> = self
            .layout
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.field.is_some() || c.year.is_some())
            .map(|(i, _)| i)
            .collect();
        let key = self.columns.get("身份证号").or_else(|| self.columns.get("单位名称")).copied();
        let kind = self.kind;
        self.range
            .rows()
            .enumerate()
            .skip(self.layout.data)
            .take_while(move |(_, r)| !crate::layout::is_note_with_key(r, key))
            .filter(move |(_, r)| used.iter().any(|&c| r.get(c).is_some_and(|v| !cell::is_empty(v))))
            // A header row repeated further down (two lists pasted into one sheet) is not data.
            .filter(move |(_, r)| {
                // An ID (or an organ's name starting with a digit) is no header: checked first, without a copy.
                key.and_then(|k| r.get(k)).and_then(cell::text_ref).is_none_or(|t| {
                    t.starts_with(|c: char| c.is_ascii_digit()) || crate::layout::field(kind, &t).is_none()
                })
            })
            .map(move |(i, r)| (row0 + i as u32 + 1, r))
    }

    /// A field's column, looked up once for a sheet rather than once for every row.
    pub(crate) fn col(&self, header: &'static str) -> Col {
        Col { header, index: self.columns.get(header).copied() }
    }

    pub(crate) fn get<'r>(&self, row: &'r [Data], field: impl Field) -> &'r Data {
        static EMPTY: Data = Data::Empty;
        field.index(self).and_then(|c| row.get(c)).unwrap_or(&EMPTY)
    }

    pub(crate) fn letter(&self, field: impl Field) -> Option<String> {
        field.index(self).map(|c| column_letter(self.col0 + c as u32))
    }

    /// An issue in the cell of `field` among a row's `cells`, as [`Table::issue`].
    pub(crate) fn issue_at(
        &self,
        row: u32,
        cells: &[Data],
        field: impl Field,
        code: IssueCode,
        severity: Severity,
        what: &str,
    ) -> Issue {
        self.issue(row, field, self.get(cells, field), code, severity, what)
    }

    /// An issue in one cell. `what` completes 「value」…; the consequence is appended.
    pub(crate) fn issue(
        &self,
        row: u32,
        field: impl Field,
        value: &Data,
        code: IssueCode,
        severity: Severity,
        what: &str,
    ) -> Issue {
        let value_text = cell::display(value);
        let mut issue = Issue {
            sheet: self.sheet.clone(),
            row: Some(row),
            column: self.letter(field),
            header: Some(field.header().to_string()),
            value: Some(value_text.clone()),
            code,
            severity,
            message: String::new(),
        };
        let shown =
            if value_text.trim().is_empty() { "为空".to_string() } else { format!("「{value_text}」{what}") };
        let shown = if value_text.trim().is_empty() && what != "为空" { format!("为空，{what}") } else { shown };
        let consequence = match severity {
            Severity::Error => "该行未导入",
            Severity::Warning if code == IssueCode::LegacyId => "该行已按转换后的号码导入",
            Severity::Warning
                if matches!(
                    code,
                    IssueCode::DateOrder
                        | IssueCode::IdMismatch
                        | IssueCode::Hidden
                        | IssueCode::NameNormalized
                        | IssueCode::VagueValue
                        | IssueCode::OldTitle
                        | IssueCode::RankMismatch
                ) =>
            {
                "该行已导入，请核对"
            }
            Severity::Warning => "该行已导入，此项未采用",
        };
        issue.message = format!("{}：{shown}；{consequence}。", issue.place());
        issue
    }

    pub(crate) fn sheet_issue(&self, code: IssueCode, message: String) -> Issue {
        Issue {
            sheet: self.sheet.clone(),
            row: Some(self.header_row()),
            column: None,
            header: None,
            value: None,
            code,
            severity: Severity::Error,
            message,
        }
    }
}

pub(crate) fn required_sheet_columns(t: &Table, required: &[&str], issues: &mut Issues) -> bool {
    let missing = t.missing(required);
    if missing.is_empty() {
        return true;
    }
    issues.push(t.sheet_issue(
        IssueCode::ColumnMissing,
        format!(
            "工作表「{}」的表头（第{}行）缺少必需的列：{}；该工作表未导入。",
            t.sheet,
            t.header_row(),
            missing.join("、")
        ),
    ));
    false
}

/// Reads an ID cell; pushes an issue and returns `None` when it is not a valid ID.
pub(crate) fn read_id(t: &Table, column: impl Field, row: u32, cells: &[Data], issues: &mut Issues) -> Option<String> {
    let c = t.get(cells, column);
    // A 15-digit ID stored as a number lost nothing: it is read as its digits.
    let as_digits = match c {
        Data::Float(f) if f.fract() == 0.0 && (1e14..1e15).contains(f) => Some(format!("{}", *f as i64)),
        Data::Int(i) if (100_000_000_000_000..1_000_000_000_000_000).contains(i) => Some(i.to_string()),
        _ => None,
    };
    if let (Data::Float(f), None) = (c, &as_digits) {
        issues.push(t.issue(
            row,
            column,
            c,
            IssueCode::BadId,
            Severity::Error,
            &format!("被存成了数字（{f:E}），末几位已丢失；请把该列设为文本后重新填写"),
        ));
        return None;
    }
    let Some(raw) = as_digits.map(std::borrow::Cow::Owned).or_else(|| cell::text_ref(c)) else {
        issues.push(t.issue(row, column, c, IssueCode::MissingValue, Severity::Error, "为空"));
        return None;
    };
    let mut id = id_number::normalize(&raw);
    if let Some(upgraded) = id_number::upgrade_15(&id) {
        issues.push(t.issue(
            row,
            column,
            c,
            IssueCode::LegacyId,
            Severity::Warning,
            &format!("是15位旧身份证号，已按规则转换为18位 {upgraded}"),
        ));
        id = upgraded;
    }
    match id_number::validate(&id) {
        Ok(()) => Some(id),
        Err(p) => {
            issues.push(t.issue(row, column, c, IssueCode::BadId, Severity::Error, &format!("无效：{}", p.message())));
            None
        }
    }
}

/// A valid ID as a number: its 18 characters as base-11 digits (X is 10), which fits in 64 bits
/// (11^18 < 2^64) and is one-to-one.
pub(crate) fn id_key(id: &str) -> u64 {
    id.bytes().fold(0u64, |k, b| {
        k.wrapping_mul(11).wrapping_add(if b == b'X' { 10 } else { u64::from(b.wrapping_sub(b'0')) })
    })
}
