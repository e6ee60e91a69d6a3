//! The 人员 sheet, row by row: each person's fields read, checked and cleaned, with an issue
//! naming the row, column and value for every problem, and the rows that cannot be imported.

use super::*;

/// The columns of the 人员 sheet, looked up once before its rows are read.
pub(crate) struct PeopleFields {
    pub(crate) id: Col,
    pub(crate) name: Col,
    pub(crate) gender: Col,
    pub(crate) birth: Col,
    pub(crate) organ: Col,
    pub(crate) department: Col,
    pub(crate) category: Col,
    pub(crate) rank: Col,
    pub(crate) rank_since: Col,
    pub(crate) post: Col,
    pub(crate) post_level: Col,
    pub(crate) post_since: Col,
    pub(crate) leader: Col,
    pub(crate) education: Col,
    pub(crate) work_start: Col,
    pub(crate) service_start: Col,
    pub(crate) level: Col,
    pub(crate) level_since: Col,
    pub(crate) step: Col,
    pub(crate) step_since: Col,
    pub(crate) political_status: Col,
    pub(crate) duties: Col,
    pub(crate) entry_method: Col,
    pub(crate) left_on: Col,
}

impl PeopleFields {
    pub(crate) fn of(t: &Table) -> PeopleFields {
        PeopleFields {
            id: t.col("身份证号"),
            name: t.col("姓名"),
            gender: t.col("性别"),
            birth: t.col("出生日期"),
            organ: t.col("单位"),
            department: t.col("部门"),
            category: t.col("职位类别"),
            rank: t.col("职级"),
            rank_since: t.col("任现职级时间"),
            post: t.col("领导职务"),
            post_level: t.col("职务层次"),
            post_since: t.col("任现职务时间"),
            leader: t.col("是否领导成员"),
            education: t.col("学历"),
            work_start: t.col("参加工作时间"),
            service_start: t.col("进入公务员队伍时间"),
            level: t.col("级别"),
            level_since: t.col("级别起算时间"),
            step: t.col("档次"),
            step_since: t.col("档次起算时间"),
            political_status: t.col("政治面貌"),
            duties: t.col("从事或分管工作"),
            entry_method: t.col("进入方式"),
            left_on: t.col("离职/退休日期"),
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn read_people(
    t: &Table,
    profile: &Profile,
    today: chrono::NaiveDate,
    progress: Option<&ReadProgress>,
    roster: &mut Roster,
    sources: &mut Vec<PersonSource>,
    issues: &mut Issues,
) -> Result<u32, WorkbookError> {
    // The rows of the IDs read so far, by the ID as a number (no copy of the text per row).
    let mut rows: u32 = 0;
    let total = (t.range.height() as u32).saturating_sub(t.layout.data as u32);
    // Room for every row at once (a rehash of a large map, or a copy of a large list, costs).
    let mut seen: FastMap<u64, u32> = kaohe_engine::fast_hash::map_with_capacity(total as usize);
    roster.people.reserve(total as usize);
    sources.reserve(total as usize);
    let told = |done: u32| progress.is_none_or(|p| (p.0)(done, total.max(done)));
    if !told(0) {
        return Err(WorkbookError::Cancelled);
    }
    // Progress by position in the sheet, so blank rows count as read.
    let first = t.row0 + t.layout.data as u32 + 1;
    let k = PeopleFields::of(t);
    let sheet = SheetRules::of(t, profile, today);
    for (row, cells) in t.rows() {
        if rows.is_multiple_of(PROGRESS_EVERY) && rows > 0 && !told(row - first) {
            return Err(WorkbookError::Cancelled);
        }
        rows += 1;
        let r = Cells { t, row, cells };
        let before = issues.errors();
        let kept_from = issues.kept();
        let mut ok = true;
        let id = read_id(t, k.id, row, cells, issues);
        ok &= id.is_some();
        if let Some(first) = id.as_deref().and_then(|id| seen.get(&id_key(id))) {
            issues.push(r.issue(k.id, IssueCode::DuplicateId, Severity::Error, &format!("与第{first}行重复")));
            ok = false;
        }
        let written = r.required_text(k.name, issues);
        let name = written.as_deref().map(|w| cell::squeezed(w).into_owned());
        let organ = r.required_text(k.organ, issues).map(std::borrow::Cow::into_owned);
        let category_text = r.required_text(k.category, issues);
        let rank_text = r.required_text(k.rank, issues);
        let name_as_written = name_as_written(&r, k.name, written.as_deref(), name.as_deref(), issues);
        let category = category_text.as_deref().and_then(|c| category(&r, k.category, c, profile, issues));
        let rank = rank_text.as_deref().and_then(|text| rank(&r, k.rank, text, profile, issues));
        ok &= ladder_fits(&r, k.rank, category.as_deref(), rank, profile, issues);

        let dates = Dates {
            rank_since: r.date(k.rank_since, true, issues),
            birth: r.date(k.birth, false, issues),
            post_since: r.date(k.post_since, false, issues),
            work_start: r.date(k.work_start, false, issues),
            service_start: r.date(k.service_start, false, issues),
            level_since: r.date(k.level_since, false, issues),
            step_since: r.date(k.step_since, false, issues),
            left_on: r.date(k.left_on, false, issues),
        };
        let choices = choices(&r, &k, &sheet, profile, issues);
        if let Some(id) = &id {
            id_checks(&r, &k, id, dates.birth, choices.gender.as_deref(), issues);
        }
        date_order(&r, &k, id.as_deref(), &dates, sheet.today, issues);

        ok &= issues.errors() == before;
        if !ok {
            issues.row_not_imported(kept_from);
        }
        let (Some(id), Some(name), Some(organ), Some(category), Some(rank), Some(rank_since), true) =
            (id, name, organ, category, rank, dates.rank_since, ok)
        else {
            continue;
        };
        seen.insert(id_key(&id), row);
        sources.push(PersonSource { row, name_as_written });
        year_results(&r, &id, &sheet.year_columns, &mut roster.results, issues);
        roster.people.push(Person {
            id,
            name,
            gender: choices.gender.filter(|g| g == "男" || g == "女").map(std::borrow::Cow::into_owned),
            birth: dates.birth,
            organ,
            department: cell::text(t.get(cells, k.department)),
            category,
            rank: profile.rank(rank).name.clone(),
            rank_since,
            post: cell::text(t.get(cells, k.post)),
            post_level: choices.post_level,
            post_since: dates.post_since,
            is_leader: choices.is_leader,
            education: cell::text(t.get(cells, k.education)),
            work_start: dates.work_start,
            service_start: dates.service_start,
            level: choices.level,
            level_since: dates.level_since,
            step: choices.step,
            step_since: dates.step_since,
            political_status: cell::text(t.get(cells, k.political_status)),
            duties: cell::long_text(t.get(cells, k.duties)),
            entry_method: choices.entry_method,
            left_on: dates.left_on,
        });
    }
    if !told(total) {
        return Err(WorkbookError::Cancelled);
    }
    Ok(rows)
}

/// What every row of the sheet is read against, worked out once.
struct SheetRules<'t> {
    today: chrono::NaiveDate,
    /// 级别 runs from 1 to the lowest 级别 any ladder of the profile reaches; 档次 has no rule
    /// here beyond being a positive number.
    lowest_level: u32,
    /// The wide per-year result columns ("2023年度考核", or years under a 考核 group).
    year_columns: Vec<(usize, &'t crate::layout::Column, i32)>,
}

impl<'t> SheetRules<'t> {
    fn of(t: &'t Table, profile: &Profile, today: chrono::NaiveDate) -> SheetRules<'t> {
        SheetRules {
            today,
            lowest_level: profile
                .ladders
                .iter()
                .flat_map(|l| l.ranks.iter().map(|r| r.grades.1))
                .max()
                .unwrap_or(u32::MAX),
            year_columns: t
                .layout
                .columns
                .iter()
                .enumerate()
                .filter_map(|(c, col)| col.year.map(|y| (c, col, y)))
                .collect(),
        }
    }
}

/// One data row of the people sheet: its cells, and the issues it names.
struct Cells<'t, 'a> {
    t: &'t Table<'a>,
    row: u32,
    cells: &'a [Data],
}

impl Cells<'_, '_> {
    /// An issue in the cell of `col` ([`Table::issue_at`]).
    fn issue(&self, col: Col, code: IssueCode, severity: Severity, what: &str) -> Issue {
        self.t.issue_at(self.row, self.cells, col, code, severity, what)
    }

    /// The text of a required cell; an error when it is empty.
    fn required_text(&self, col: Col, issues: &mut Issues) -> Option<std::borrow::Cow<'_, str>> {
        let v = cell::text_ref(self.t.get(self.cells, col));
        if v.is_none() {
            issues.push(self.issue(col, IssueCode::MissingValue, Severity::Error, "为空"));
        }
        v
    }

    /// A date; empty is an error when `required`, a date that makes no sense an error (or a
    /// warning for an optional one).
    fn date(&self, col: Col, required: bool, issues: &mut Issues) -> Option<chrono::NaiveDate> {
        let c = self.t.get(self.cells, col);
        match cell::date(c) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                if required {
                    issues.push(self.t.issue(self.row, col, c, IssueCode::MissingValue, Severity::Error, "为空"));
                }
                None
            }
            Err(why) => {
                let severity = if required { Severity::Error } else { Severity::Warning };
                issues.push(self.t.issue(self.row, col, c, IssueCode::BadDate, severity, &why));
                None
            }
        }
    }

    /// A count from 1 to `max` (级别, 档次); anything else a warning.
    fn count(&self, col: Col, max: u32, issues: &mut Issues) -> Option<u32> {
        let c = self.t.get(self.cells, col);
        match cell::count(c) {
            Ok(Some(n)) if n >= 1 && n <= max => Some(n),
            Ok(None) => None,
            Ok(Some(_)) => {
                let range =
                    if max == u32::MAX { "应为正整数".to_string() } else { format!("应在 1–{max} 之间") };
                issues.push(self.t.issue(self.row, col, c, IssueCode::BadNumber, Severity::Warning, &range));
                None
            }
            Err(why) => {
                issues.push(self.t.issue(self.row, col, c, IssueCode::BadNumber, Severity::Warning, &why));
                None
            }
        }
    }
}

/// "王　一", "张  三" (aligned), "李\n四": read without the blanks, the name as written said.
fn name_as_written(
    r: &Cells,
    col: Col,
    written: Option<&str>,
    name: Option<&str>,
    issues: &mut Issues,
) -> Option<String> {
    let (Some(w), Some(n)) = (written, name) else { return None };
    if w == n {
        return None;
    }
    let original = cell::display(r.t.get(r.cells, col));
    let mut issue = r.issue(
        col,
        IssueCode::NameNormalized,
        Severity::Warning,
        &format!("中间含有空格或换行，已去掉，按「{n}」读取"),
    );
    // A line break inside a message would split it; it is named instead.
    let visible = original.replace("\r\n", "\n").replace('\n', "（换行）");
    issue.message = issue.message.replacen(&format!("「{original}」"), &format!("「{visible}」"), 1);
    issues.push(issue);
    Some(original)
}

/// The 职位类别 by the profile's names and aliases.
fn category(r: &Cells, col: Col, text: &str, profile: &Profile, issues: &mut Issues) -> Option<String> {
    if let Some(cat) = profile.category(text) {
        return Some(cat.name.clone());
    }
    let known: Vec<&str> = profile.categories.iter().map(|c| c.name.as_str()).collect();
    let why = format!("不是规则中的职位类别（{}）", known.join("、"));
    issues.push(r.issue(col, IssueCode::UnknownCategory, Severity::Error, &why));
    None
}

/// The 职级 by the profile's names and aliases, or a title used before 2019-06 as the rank it
/// was converted to (a warning).
fn rank(r: &Cells, col: Col, text: &str, profile: &Profile, issues: &mut Issues) -> Option<kaohe_engine::RankRef> {
    if let Some(rr) = profile.rank_ref(text) {
        return Some(rr);
    }
    let Some(rr) = profile.old_title(text) else {
        issues.push(r.issue(col, IssueCode::UnknownRank, Severity::Error, "不是规则中的职级名称"));
        return None;
    };
    let name = &profile.rank(rr).name;
    let why = format!("是2019年6月前的职务名称，已按职级套转视为「{name}」；请按任职文件核对并改写为现行职级");
    issues.push(r.issue(col, IssueCode::OldTitle, Severity::Warning, &why));
    Some(rr)
}

/// Whether the rank belongs to the category's ladder (an error when not).
fn ladder_fits(
    r: &Cells,
    col: Col,
    category: Option<&str>,
    rank: Option<kaohe_engine::RankRef>,
    profile: &Profile,
    issues: &mut Issues,
) -> bool {
    let (Some(cat), Some(rr)) = (category, rank) else { return true };
    let ladder = &profile.ladders[rr.ladder];
    if ladder.category == cat {
        return true;
    }
    let why = format!("属于{}职级序列，与职位类别「{cat}」不符", ladder.category);
    issues.push(r.issue(col, IssueCode::RankCategoryMismatch, Severity::Error, &why));
    false
}

/// A row's dates.
struct Dates {
    rank_since: Option<chrono::NaiveDate>,
    birth: Option<chrono::NaiveDate>,
    post_since: Option<chrono::NaiveDate>,
    work_start: Option<chrono::NaiveDate>,
    service_start: Option<chrono::NaiveDate>,
    level_since: Option<chrono::NaiveDate>,
    step_since: Option<chrono::NaiveDate>,
    left_on: Option<chrono::NaiveDate>,
}

/// A row's values chosen from a closed list or a range; a value outside it is a warning and
/// left out.
struct Choices<'a> {
    entry_method: Option<String>,
    post_level: Option<String>,
    is_leader: bool,
    gender: Option<std::borrow::Cow<'a, str>>,
    level: Option<u32>,
    step: Option<u32>,
}

fn choices<'a>(
    r: &Cells<'_, 'a>,
    k: &PeopleFields,
    sheet: &SheetRules,
    profile: &Profile,
    issues: &mut Issues,
) -> Choices<'a> {
    let text = |col: Col| cell::text_ref(r.t.get(r.cells, col));
    // 进入方式 through the profile's names and aliases; another value costs only that value.
    let entry_method = text(k.entry_method).and_then(|m| match profile.assessment.entry_method(&m) {
        Some(e) => Some(e.name.clone()),
        None => {
            let known: Vec<&str> = profile.assessment.entry_methods.iter().map(|e| e.name.as_str()).collect();
            let why = format!("不是规则中的进入方式（{}）；按未填写处理", known.join("、"));
            issues.push(r.issue(k.entry_method, IssueCode::BadValue, Severity::Warning, &why));
            None
        }
    });
    let level = r.count(k.level, sheet.lowest_level, issues);
    let step = r.count(k.step, u32::MAX, issues);
    let post_level = text(k.post_level).and_then(|l| match profile.leading_post(&l) {
        Some(p) => Some(p.name.clone()),
        None => {
            // The profile's lowest levels for examples (those of the organs most rosters are of).
            let lowest: Vec<&str> = profile.leading_posts.iter().rev().take(4).rev().map(|p| p.name.as_str()).collect();
            let why = format!("不是规则中的领导职务层次（如 {}）", lowest.join("、"));
            issues.push(r.issue(k.post_level, IssueCode::UnknownPostLevel, Severity::Warning, &why));
            None
        }
    });
    let is_leader = match cell::yes_no(r.t.get(r.cells, k.leader)) {
        Ok(v) => v.unwrap_or(false),
        Err(why) => {
            issues.push(r.issue(k.leader, IssueCode::BadValue, Severity::Warning, &why));
            false
        }
    };
    let gender = cell::text_ref(r.t.get(r.cells, k.gender));
    if gender.as_deref().is_some_and(|g| g != "男" && g != "女") {
        issues.push(r.issue(k.gender, IssueCode::BadValue, Severity::Warning, "应填“男”或“女”"));
    }
    Choices { entry_method, post_level, is_leader, gender, level, step }
}

/// The ID against 出生日期 and 性别 (warnings).
fn id_checks(
    r: &Cells,
    k: &PeopleFields,
    id: &str,
    birth: Option<chrono::NaiveDate>,
    gender: Option<&str>,
    issues: &mut Issues,
) {
    if let (Some(b), Some(ib)) = (birth, id_number::birth_date(id)) {
        if b != ib && (b.year(), b.month()) != (ib.year(), ib.month()) {
            let why = format!("与身份证号中的出生日期 {ib} 不一致，请核对");
            issues.push(r.issue(k.birth, IssueCode::IdMismatch, Severity::Warning, &why));
        }
    }
    if let Some(g) = gender.filter(|g| *g == "男" || *g == "女") {
        let id_gender = id.chars().nth(16).and_then(|c| c.to_digit(10)).map(|d| if d % 2 == 1 { "男" } else { "女" });
        if id_gender.is_some_and(|ig| ig != g) {
            let why = format!("与身份证号（第17位表示{}）不一致，请核对", id_gender.unwrap_or_default());
            issues.push(r.issue(k.gender, IssueCode::IdMismatch, Severity::Warning, &why));
        }
    }
}

/// The dates in their order — birth, 参加工作, 进入公务员队伍, 任现职级 — and the rank's date not
/// after today (warnings).
fn date_order(
    r: &Cells,
    k: &PeopleFields,
    id: Option<&str>,
    dates: &Dates,
    today: chrono::NaiveDate,
    issues: &mut Issues,
) {
    let born = dates.birth.or_else(|| id.and_then(id_number::birth_date));
    let order: [(Col, Option<chrono::NaiveDate>); 4] = [
        (k.birth, born),
        (k.work_start, dates.work_start),
        (k.service_start, dates.service_start),
        (k.rank_since, dates.rank_since),
    ];
    for w in 0..order.len() {
        for later in w + 1..order.len() {
            if let ((a_col, Some(a)), (b_col, Some(b))) = (order[w], order[later]) {
                if b < a {
                    let why = format!("早于{}（{a}），请核对", a_col.header);
                    issues.push(r.issue(b_col, IssueCode::DateOrder, Severity::Warning, &why));
                }
            }
        }
    }
    if dates.rank_since.is_some_and(|d| d > today) {
        let why = format!("晚于今天（{today}），请核对");
        issues.push(r.issue(k.rank_since, IssueCode::DateOrder, Severity::Warning, &why));
    }
}

/// A person's results in the wide per-year columns; a value that is no result is a warning.
fn year_results(
    r: &Cells,
    id: &str,
    year_columns: &[(usize, &crate::layout::Column, i32)],
    results: &mut Vec<YearResult>,
    issues: &mut Issues,
) {
    let (t, row) = (r.t, r.row);
    for &(c, column, year) in year_columns {
        let value = r.cells.get(c).unwrap_or(&Data::Empty);
        let Some(text) = cell::text_ref(value) else { continue };
        match ResultCode::parse(&cell::squeezed(&text)) {
            Some(result) => results.push(YearResult { person_id: id.to_string(), year, result }),
            None => issues.push(Issue {
                sheet: t.sheet.clone(),
                row: Some(row),
                column: Some(column_letter(t.col0 + c as u32)),
                header: Some(column.header.clone()),
                value: Some(text.to_string()),
                code: IssueCode::UnknownGrade,
                severity: Severity::Warning,
                message: format!(
                    "工作表「{}」第{row}行 {}列「{}」：「{text}」不是有效等次（优秀、称职、基本称职、不称职，或代码 1–4、5A、5B、5C、6A、7）；该行已导入，此项未采用。",
                    t.sheet,
                    column_letter(t.col0 + c as u32),
                    column.header
                ),
            }),
        }
    }
}
