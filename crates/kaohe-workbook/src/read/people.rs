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
    // 级别 runs from 1 to the lowest 级别 any ladder of the profile reaches; 档次 has no rule
    // here beyond being a positive number.
    let lowest_level =
        profile.ladders.iter().flat_map(|l| l.ranks.iter().map(|r| r.grades.1)).max().unwrap_or(u32::MAX);
    let k = PeopleFields::of(t);
    let year_columns: Vec<(usize, &crate::layout::Column, i32)> =
        t.layout.columns.iter().enumerate().filter_map(|(c, col)| col.year.map(|y| (c, col, y))).collect();
    for (row, cells) in t.rows() {
        if rows.is_multiple_of(PROGRESS_EVERY) && rows > 0 && !told(row - first) {
            return Err(WorkbookError::Cancelled);
        }
        rows += 1;
        let before = issues.errors();
        let kept_from = issues.kept();
        let mut ok = true;
        let id = read_id(t, k.id, row, cells, issues);
        ok &= id.is_some();
        if let Some(id) = &id {
            if let Some(first) = seen.get(&id_key(id)) {
                issues.push(t.issue_at(
                    row,
                    cells,
                    k.id,
                    IssueCode::DuplicateId,
                    Severity::Error,
                    &format!("与第{first}行重复"),
                ));
                ok = false;
            }
        }
        let need_text = |header: Col, issues: &mut Issues| -> Option<std::borrow::Cow<'_, str>> {
            let v = cell::text_ref(t.get(cells, header));
            if v.is_none() {
                issues.push(t.issue_at(row, cells, header, IssueCode::MissingValue, Severity::Error, "为空"));
            }
            v
        };
        let written = need_text(k.name, issues);
        let name = written.as_deref().map(|w| cell::squeezed(w).into_owned());
        let organ = need_text(k.organ, issues).map(std::borrow::Cow::into_owned);
        let category_text = need_text(k.category, issues);
        let rank_text = need_text(k.rank, issues);
        // "王　一", "张  三" (aligned), "李\n四": read without the blanks, the original said.
        let name_as_written = match (&written, &name) {
            (Some(w), Some(n)) if w != n => {
                let original = cell::display(t.get(cells, k.name));
                let mut issue = t.issue_at(
                    row,
                    cells,
                    k.name,
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
            _ => None,
        };

        let category = category_text.as_deref().and_then(|c| match profile.category(c) {
            Some(cat) => Some(cat.name.clone()),
            None => {
                let known: Vec<&str> = profile.categories.iter().map(|c| c.name.as_str()).collect();
                issues.push(t.issue_at(
                    row,
                    cells,
                    k.category,
                    IssueCode::UnknownCategory,
                    Severity::Error,
                    &format!("不是规则中的职位类别（{}）", known.join("、")),
                ));
                None
            }
        });
        let rank = rank_text.as_deref().and_then(|r| match profile.rank_ref(r) {
            Some(rr) => Some(rr),
            None if profile.old_title(r).is_some() => {
                let rr = profile.old_title(r)?;
                let name = &profile.rank(rr).name;
                let why =
                    format!("是2019年6月前的职务名称，已按职级套转视为「{name}」；请按任职文件核对并改写为现行职级");
                issues.push(t.issue_at(row, cells, k.rank, IssueCode::OldTitle, Severity::Warning, &why));
                Some(rr)
            }
            None => {
                issues.push(t.issue_at(
                    row,
                    cells,
                    k.rank,
                    IssueCode::UnknownRank,
                    Severity::Error,
                    "不是规则中的职级名称",
                ));
                None
            }
        });
        if let (Some(cat), Some(rr)) = (&category, rank) {
            let ladder = &profile.ladders[rr.ladder];
            if &ladder.category != cat {
                issues.push(t.issue_at(
                    row,
                    cells,
                    k.rank,
                    IssueCode::RankCategoryMismatch,
                    Severity::Error,
                    &format!("属于{}职级序列，与职位类别「{cat}」不符", ladder.category),
                ));
                ok = false;
            }
        }

        let date_of = |header: Col, required: bool, issues: &mut Issues| -> Option<chrono::NaiveDate> {
            let c = t.get(cells, header);
            match cell::date(c) {
                Ok(Some(d)) => Some(d),
                Ok(None) => {
                    if required {
                        issues.push(t.issue(row, header, c, IssueCode::MissingValue, Severity::Error, "为空"));
                    }
                    None
                }
                Err(why) => {
                    let severity = if required { Severity::Error } else { Severity::Warning };
                    issues.push(t.issue(row, header, c, IssueCode::BadDate, severity, &why));
                    None
                }
            }
        };
        let rank_since = date_of(k.rank_since, true, issues);
        let birth = date_of(k.birth, false, issues);
        let post_since = date_of(k.post_since, false, issues);
        let work_start = date_of(k.work_start, false, issues);
        let service_start = date_of(k.service_start, false, issues);
        let level_since = date_of(k.level_since, false, issues);
        let step_since = date_of(k.step_since, false, issues);
        let left_on = date_of(k.left_on, false, issues);
        // 进入方式 through the profile's names and aliases; another value costs only that value.
        let entry_method =
            cell::text_ref(t.get(cells, k.entry_method)).and_then(|m| match profile.assessment.entry_method(&m) {
                Some(e) => Some(e.name.clone()),
                None => {
                    let known: Vec<&str> = profile.assessment.entry_methods.iter().map(|e| e.name.as_str()).collect();
                    issues.push(t.issue_at(
                        row,
                        cells,
                        k.entry_method,
                        IssueCode::BadValue,
                        Severity::Warning,
                        &format!("不是规则中的进入方式（{}）；按未填写处理", known.join("、")),
                    ));
                    None
                }
            });
        let count_of = |header: Col, max: u32, issues: &mut Issues| -> Option<u32> {
            let c = t.get(cells, header);
            match cell::count(c) {
                Ok(Some(n)) if n >= 1 && n <= max => Some(n),
                Ok(None) => None,
                Ok(Some(_)) => {
                    let range = if max == u32::MAX {
                        "应为正整数".to_string()
                    } else {
                        format!("应在 1–{max} 之间")
                    };
                    issues.push(t.issue(row, header, c, IssueCode::BadNumber, Severity::Warning, &range));
                    None
                }
                Err(why) => {
                    issues.push(t.issue(row, header, c, IssueCode::BadNumber, Severity::Warning, &why));
                    None
                }
            }
        };
        let level = count_of(k.level, lowest_level, issues);
        let step = count_of(k.step, u32::MAX, issues);

        let post_level = cell::text_ref(t.get(cells, k.post_level)).and_then(|l| match profile.leading_post(&l) {
            Some(p) => Some(p.name.clone()),
            None => {
                issues.push(t.issue_at(
                    row,
                    cells,
                    k.post_level,
                    IssueCode::UnknownPostLevel,
                    Severity::Warning,
                    "不是规则中的领导职务层次（如 县处级正职、乡科级副职）",
                ));
                None
            }
        });
        let is_leader = match cell::yes_no(t.get(cells, k.leader)) {
            Ok(v) => v.unwrap_or(false),
            Err(why) => {
                issues.push(t.issue_at(row, cells, k.leader, IssueCode::BadValue, Severity::Warning, &why));
                false
            }
        };
        let gender = cell::text_ref(t.get(cells, k.gender));
        if let Some(g) = &gender {
            if g != "男" && g != "女" {
                issues.push(t.issue_at(row, cells, k.gender, IssueCode::BadValue, Severity::Warning, "应填“男”或“女”"));
            }
        }
        // Cross-checks: the ID against 出生日期 and 性别, and the dates in their order.
        if let Some(id) = &id {
            let id_birth = id_number::birth_date(id);
            if let (Some(b), Some(ib)) = (birth, id_birth) {
                if b != ib && (b.year(), b.month()) != (ib.year(), ib.month()) {
                    issues.push(t.issue_at(
                        row,
                        cells,
                        k.birth,
                        IssueCode::IdMismatch,
                        Severity::Warning,
                        &format!("与身份证号中的出生日期 {ib} 不一致，请核对"),
                    ));
                }
            }
            if let Some(g) = gender.as_deref().filter(|g| *g == "男" || *g == "女") {
                let id_gender =
                    id.chars().nth(16).and_then(|c| c.to_digit(10)).map(|d| if d % 2 == 1 { "男" } else { "女" });
                if id_gender.is_some_and(|ig| ig != g) {
                    issues.push(t.issue_at(
                        row,
                        cells,
                        k.gender,
                        IssueCode::IdMismatch,
                        Severity::Warning,
                        &format!("与身份证号（第17位表示{}）不一致，请核对", id_gender.unwrap_or_default()),
                    ));
                }
            }
        }
        let born = birth.or_else(|| id.as_deref().and_then(id_number::birth_date));
        let order: [(Col, Option<chrono::NaiveDate>); 4] =
            [(k.birth, born), (k.work_start, work_start), (k.service_start, service_start), (k.rank_since, rank_since)];
        for w in 0..order.len() {
            for later in w + 1..order.len() {
                if let ((a_col, Some(a)), (b_col, Some(b))) = (order[w], order[later]) {
                    if b < a {
                        issues.push(t.issue_at(
                            row,
                            cells,
                            b_col,
                            IssueCode::DateOrder,
                            Severity::Warning,
                            &format!("早于{}（{a}），请核对", a_col.header),
                        ));
                    }
                }
            }
        }
        if let Some(r) = rank_since.filter(|r| *r > today) {
            issues.push(t.issue_at(
                row,
                cells,
                k.rank_since,
                IssueCode::DateOrder,
                Severity::Warning,
                &format!("晚于今天（{today}），请核对"),
            ));
            let _ = r;
        }

        ok &= issues.errors() == before;
        if !ok {
            issues.row_not_imported(kept_from);
        }
        let (Some(id), Some(name), Some(organ), Some(category), Some(rank), Some(rank_since), true) =
            (id, name, organ, category, rank, rank_since, ok)
        else {
            continue;
        };
        seen.insert(id_key(&id), row);
        sources.push(PersonSource { row, name_as_written });
        // Wide per-year result columns ("2023年度考核", or years under a 考核 group).
        for &(c, column, year) in &year_columns {
            let value = cells.get(c).unwrap_or(&Data::Empty);
            let Some(text) = cell::text_ref(value) else { continue };
            match ResultCode::parse(&cell::squeezed(&text)) {
                Some(result) => roster.results.push(YearResult { person_id: id.clone(), year, result }),
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
        roster.people.push(Person {
            id,
            name,
            gender: gender.filter(|g| g == "男" || g == "女").map(std::borrow::Cow::into_owned),
            birth,
            organ,
            department: cell::text(t.get(cells, k.department)),
            category,
            rank: profile.rank(rank).name.clone(),
            rank_since,
            post: cell::text(t.get(cells, k.post)),
            post_level,
            post_since,
            is_leader,
            education: cell::text(t.get(cells, k.education)),
            work_start,
            service_start,
            level,
            level_since,
            step,
            step_since,
            political_status: cell::text(t.get(cells, k.political_status)),
            duties: cell::long_text(t.get(cells, k.duties)),
            entry_method,
            left_on,
        });
    }
    if !told(total) {
        return Err(WorkbookError::Cancelled);
    }
    Ok(rows)
}
