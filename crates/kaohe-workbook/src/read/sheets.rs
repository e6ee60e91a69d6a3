//! The other sheets of a roster: 单位 (organs, levels, 职数), 年度考核 (results), 处分
//! (restrictions), 平时考核 (regular results) and 年度评分 (the annual inputs); 职级变动 is
//! `ranks`.

use super::*;

pub(crate) fn read_organs(t: &Table, profile: &Profile, roster: &mut Roster, issues: &mut Issues) {
    if !required_sheet_columns(t, &ORGAN_COLUMNS[..1], issues) {
        return;
    }
    // Columns that are neither the fixed ones nor a pool of the profile.
    let mut pool_columns = Vec::new();
    for (i, column) in t.layout.columns.iter().enumerate() {
        let h = squeeze(&column.header);
        if h.is_empty() || column.field.is_some() {
            continue;
        }
        // A pool's approved number, or a rank's own number inside its pool (一级调研员 …).
        let rank_in_pool =
            || profile.rank_ref(&h).filter(|&r| profile.pool_of(r).is_some()).map(|r| profile.rank(r).name.clone());
        match profile.pool(&h).map(|(_, pool)| pool.name.clone()).or_else(rank_in_pool) {
            Some(key) => pool_columns.push((i, h.clone(), key)),
            None => issues.push(Issue {
                sheet: t.sheet.clone(),
                row: Some(t.header_row()),
                column: Some(column_letter(t.col0 + i as u32)),
                header: Some(h.clone()),
                value: Some(h.clone()),
                code: IssueCode::UnknownPool,
                severity: Severity::Warning,
                message: format!(
                    "工作表「{}」第{}行 {}列：表头「{h}」不是规则中的职数池名称（如 {}），也不是属于职数池的职级，该列未导入。",
                    t.sheet,
                    t.header_row(),
                    column_letter(t.col0 + i as u32),
                    profile.pools.iter().take(4).map(|p| p.name.as_str()).collect::<Vec<_>>().join("、")
                ),
            }),
        }
    }
    let mut seen: HashSet<String> = HashSet::new();
    for (row, cells) in t.rows() {
        let Some(name) = cell::text(t.get(cells, "单位名称")) else {
            issues.push(t.issue_at(row, cells, "单位名称", IssueCode::MissingValue, Severity::Error, "为空"));
            continue;
        };
        if !seen.insert(name.clone()) {
            issues.push(t.issue_at(
                row,
                cells,
                "单位名称",
                IssueCode::DuplicateId,
                Severity::Error,
                "在本表中重复出现",
            ));
            continue;
        }
        let level = cell::text(t.get(cells, "机关层级")).and_then(|l| match profile.read_organ_level(&l) {
            Ok(ol) => {
                if let Some(w) = &ol.import_warning {
                    issues.push(t.issue_at(row, cells, "机关层级", IssueCode::VagueValue, Severity::Warning, w));
                }
                Some(ol.name.clone())
            }
            Err(why) => {
                let code = IssueCode::UnknownOrganLevel;
                issues.push(t.issue_at(row, cells, "机关层级", code, Severity::Warning, &why));
                None
            }
        });
        let ratio_cell = t.get(cells, "优秀比例");
        let excellent_ratio = match cell::percent(ratio_cell) {
            Ok(Some(bp)) if bp > profile.assessment.max_ratio => {
                let max = profile.assessment.max_ratio as f64 / 100.0;
                issues.push(t.issue(
                    row,
                    "优秀比例",
                    ratio_cell,
                    IssueCode::BadNumber,
                    Severity::Warning,
                    &format!("超过规则允许的上限 {max}%"),
                ));
                None
            }
            Ok(v) => v,
            Err(why) => {
                issues.push(t.issue(row, "优秀比例", ratio_cell, IssueCode::BadNumber, Severity::Warning, &why));
                None
            }
        };
        let performance_rating = cell::text(t.get(cells, "绩效等次"));
        let supervisor = cell::text(t.get(cells, "主管机关"));
        let mut organ =
            Organ { name, level, slots: Default::default(), excellent_ratio, performance_rating, supervisor };
        for (col, header, pool) in &pool_columns {
            let c = cells.get(*col).unwrap_or(&Data::Empty);
            match cell::count(c) {
                Ok(Some(n)) => {
                    organ.slots.insert(pool.clone(), n);
                }
                Ok(None) => {}
                Err(why) => {
                    issues.push(t.issue(row, header.as_str(), c, IssueCode::BadNumber, Severity::Warning, &why))
                }
            }
        }
        roster.organs.push(organ);
    }
}

pub(crate) fn read_results(t: &Table, known: &Known, roster: &mut Roster, issues: &mut Issues) {
    if !required_sheet_columns(t, &ASSESSMENT_COLUMNS[..3], issues) {
        return;
    }
    let mut seen: HashMap<(String, i32), u32> = HashMap::new();
    let from_people: HashSet<(String, i32)> = roster.results.iter().map(|r| (r.person_id.clone(), r.year)).collect();
    for (row, cells) in t.rows() {
        let Some(id) = known_id(t, row, cells, known, issues) else { continue };
        let year = match cell::year(t.get(cells, "年度")) {
            Ok(y) => y,
            Err(why) => {
                issues.push(t.issue_at(row, cells, "年度", IssueCode::BadYear, Severity::Error, &why));
                continue;
            }
        };
        let grade_cell = t.get(cells, "等次");
        let Some(result) = cell::text(grade_cell).and_then(|g| ResultCode::parse(&squeeze(&g))) else {
            issues.push(t.issue(
                row,
                "等次",
                grade_cell,
                IssueCode::UnknownGrade,
                Severity::Error,
                "不是有效等次（优秀、称职、基本称职、不称职，或代码 1、2、3、4、5A、5B、5C、6A、7）",
            ));
            continue;
        };
        if let Some(first) = seen.insert((id.clone(), year), row) {
            issues.push(t.issue_at(
                row,
                cells,
                "年度",
                IssueCode::DuplicateResult,
                Severity::Error,
                &format!("该人员{year}年度的结果已在第{first}行出现"),
            ));
            continue;
        }
        if from_people.contains(&(id.clone(), year)) {
            issues.push(t.issue_at(
                row,
                cells,
                "年度",
                IssueCode::DuplicateResult,
                Severity::Error,
                &format!("该人员{year}年度的结果已在「人员」表的年度考核列中填写"),
            ));
            continue;
        }
        roster.results.push(YearResult { person_id: id, year, result });
    }
}

pub(crate) fn read_restrictions(t: &Table, profile: &Profile, known: &Known, roster: &mut Roster, issues: &mut Issues) {
    if !required_sheet_columns(t, &RESTRICTION_COLUMNS[..3], issues) {
        return;
    }
    for (row, cells) in t.rows() {
        let Some(id) = known_id(t, row, cells, known, issues) else { continue };
        let kind_cell = t.get(cells, "类型");
        let Some(rule) = cell::text(kind_cell).and_then(|k| profile.restriction(&k)) else {
            let known: Vec<&str> = profile.restrictions.iter().map(|r| r.kind.as_str()).collect();
            issues.push(t.issue(
                row,
                "类型",
                kind_cell,
                IssueCode::UnknownRestriction,
                Severity::Error,
                &format!("不是规则中的处分或处理类型（{}）", known.join("、")),
            ));
            continue;
        };
        let date = match cell::date(t.get(cells, "日期")) {
            Ok(Some(d)) => d,
            Ok(None) => {
                issues.push(t.issue_at(row, cells, "日期", IssueCode::MissingValue, Severity::Error, "为空"));
                continue;
            }
            Err(why) => {
                issues.push(t.issue_at(row, cells, "日期", IssueCode::BadDate, Severity::Error, &why));
                continue;
            }
        };
        let end = match cell::date(t.get(cells, "结束日期")) {
            Ok(d) => d,
            Err(why) => {
                issues.push(t.issue_at(row, cells, "结束日期", IssueCode::BadDate, Severity::Error, &why));
                continue;
            }
        };
        if end.is_some_and(|e| e < date) {
            issues.push(t.issue_at(row, cells, "结束日期", IssueCode::DateOrder, Severity::Error, "早于「日期」"));
            continue;
        }
        if let Some(w) = &rule.import_warning {
            issues.push(t.issue(row, "类型", kind_cell, IssueCode::VagueValue, Severity::Warning, w));
        }
        roster.restrictions.push(Restriction { person_id: id, kind: rule.kind.clone(), date, end });
    }
}

/// Reads a score cell into hundredths, reporting a bad one as a warning.
pub(crate) fn score_of(t: &Table, row: u32, cells: &[Data], header: &str, issues: &mut Issues) -> Option<i64> {
    let c = t.get(cells, header);
    match cell::score(c) {
        Ok(v) => v,
        Err(why) => {
            issues.push(t.issue(row, header, c, IssueCode::BadNumber, Severity::Warning, &why));
            None
        }
    }
}

/// The person and year of an assessment row, or `None` (with an issue) when the row is unusable.
pub(crate) fn person_year(
    t: &Table,
    row: u32,
    cells: &[Data],
    known: &Known,
    issues: &mut Issues,
) -> Option<(String, i32)> {
    let id = known_id(t, row, cells, known, issues)?;
    match cell::year(t.get(cells, "年度")) {
        Ok(y) => Some((id, y)),
        Err(why) => {
            issues.push(t.issue_at(row, cells, "年度", IssueCode::BadYear, Severity::Error, &why));
            None
        }
    }
}

pub(crate) fn read_regular(t: &Table, known: &Known, roster: &mut Roster, issues: &mut Issues) {
    if !required_sheet_columns(t, &REGULAR_COLUMNS[..2], issues) {
        return;
    }
    let has = |h: &str| t.columns.contains_key(h);
    if !has("季度") && !has("月份") {
        issues.push(t.sheet_issue(
            IssueCode::ColumnMissing,
            format!("工作表「{}」的表头（第{}行）缺少「季度」或「月份」列；该工作表未导入。", t.sheet, t.header_row()),
        ));
        return;
    }
    if !has("等次") && !has("得分") {
        issues.push(t.sheet_issue(
            IssueCode::ColumnMissing,
            format!("工作表「{}」的表头（第{}行）缺少「等次」或「得分」列；该工作表未导入。", t.sheet, t.header_row()),
        ));
        return;
    }
    let mut seen: HashMap<(String, i32, Period), u32> = HashMap::new();
    for (row, cells) in t.rows() {
        let Some((id, year)) = person_year(t, row, cells, known, issues) else { continue };
        let period = match (cell::count(t.get(cells, "季度")), cell::count(t.get(cells, "月份"))) {
            (Ok(Some(q)), _) if (1..=4).contains(&q) => Period::Quarter(q as u8),
            (Ok(None), Ok(Some(m))) if (1..=12).contains(&m) => Period::Month(m as u8),
            _ => {
                let header = if has("季度") && !cell::is_empty(t.get(cells, "季度")) || !has("月份") {
                    "季度"
                } else {
                    "月份"
                };
                issues.push(t.issue_at(
                    row,
                    cells,
                    header,
                    IssueCode::BadValue,
                    Severity::Error,
                    "应为季度 1–4 或月份 1–12",
                ));
                continue;
            }
        };
        let grade_cell = t.get(cells, "等次");
        let grade = match cell::text(grade_cell) {
            None => None,
            Some(g) => match RegularGrade::from_name(&squeeze(&g)) {
                Some(g) => Some(g),
                None => {
                    issues.push(t.issue(
                        row,
                        "等次",
                        grade_cell,
                        IssueCode::UnknownGrade,
                        Severity::Error,
                        "不是平时考核等次（好、较好、一般、较差）",
                    ));
                    continue;
                }
            },
        };
        let score = score_of(t, row, cells, "得分", issues);
        if grade.is_none() && score.is_none() {
            issues.push(t.issue(row, "等次", grade_cell, IssueCode::MissingValue, Severity::Error, "与「得分」都为空"));
            continue;
        }
        if let Some(first) = seen.insert((id.clone(), year, period), row) {
            issues.push(t.issue_at(
                row,
                cells,
                "身份证号",
                IssueCode::DuplicateResult,
                Severity::Error,
                &format!("该人员{year}年{}的平时考核已在第{first}行出现", period.label()),
            ));
            continue;
        }
        roster.regular.push(RegularRecord { person_id: id, year, period, grade, score });
    }
}

pub(crate) fn read_annual(t: &Table, known: &Known, roster: &mut Roster, issues: &mut Issues) {
    if !required_sheet_columns(t, &ANNUAL_COLUMNS[..2], issues) {
        return;
    }
    let mut seen: HashMap<(String, i32), u32> = HashMap::new();
    for (row, cells) in t.rows() {
        let Some((id, year)) = person_year(t, row, cells, known, issues) else { continue };
        if let Some(first) = seen.insert((id.clone(), year), row) {
            issues.push(t.issue_at(
                row,
                cells,
                "年度",
                IssueCode::DuplicateResult,
                Severity::Error,
                &format!("该人员{year}年度的评分已在第{first}行出现"),
            ));
            continue;
        }
        let mut dimensions = [None; 5];
        for (slot, header) in dimensions.iter_mut().zip(["德", "能", "勤", "绩", "廉"]) {
            *slot = score_of(t, row, cells, header, issues);
        }
        let democratic = score_of(t, row, cells, "民主测评", issues);
        let proposal_cell = t.get(cells, "建议等次");
        let proposal =
            cell::text(proposal_cell).and_then(|g| match ResultCode::parse(&squeeze(&g)).and_then(ResultCode::grade) {
                Some(g) => Some(g),
                None => {
                    issues.push(t.issue(
                        row,
                        "建议等次",
                        proposal_cell,
                        IssueCode::UnknownGrade,
                        Severity::Warning,
                        "不是有效等次（优秀、称职、基本称职、不称职）",
                    ));
                    None
                }
            });
        let days = |header: &str, issues: &mut Issues| -> Option<u32> {
            let c = t.get(cells, header);
            match cell::count(c) {
                Ok(Some(n)) if n <= 366 => Some(n),
                Ok(Some(_)) => {
                    issues.push(t.issue(row, header, c, IssueCode::BadNumber, Severity::Warning, "超过一年的天数"));
                    None
                }
                Ok(None) => None,
                Err(why) => {
                    issues.push(t.issue(row, header, c, IssueCode::BadNumber, Severity::Warning, &why));
                    None
                }
            }
        };
        let sick_days = days("病假天数", issues);
        let personal_days = days("事假天数", issues);
        roster.annual_inputs.push(AnnualInput {
            person_id: id,
            year,
            dimensions,
            democratic,
            proposal,
            sick_days,
            personal_days,
            summary: cell::long_text(t.get(cells, "个人总结")),
            training: cell::long_text(t.get(cells, "参加脱产培训情况")),
            supervisor_comment: cell::long_text(t.get(cells, "主管领导评语")),
        });
    }
}

/// The people read from the people sheet (named as in the file), for the sheets that refer to
/// them.
pub(crate) struct Known {
    pub(crate) ids: HashSet<String>,
    pub(crate) sheet: String,
}

/// The ID of a row of a sheet that refers to people: read, and one of the people already read
/// (else an issue on its cell naming the people sheet, and `None`).
pub(crate) fn known_id(t: &Table, row: u32, cells: &[Data], known: &Known, issues: &mut Issues) -> Option<String> {
    let id = read_id(t, "身份证号", row, cells, issues)?;
    if !known.ids.contains(&id) {
        let why = format!("不在「{}」表已导入的人员中", known.sheet);
        issues.push(t.issue_at(row, cells, "身份证号", IssueCode::UnknownPerson, Severity::Error, &why));
        return None;
    }
    Some(id)
}
