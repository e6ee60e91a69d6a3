//! Seeded mistakes, each found with its rule; the records around them that are right, not found.

use super::*;
use crate::roster::Restriction;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
}

fn person(id: &str, name: &str, rank: &str, since: &str) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        organ: "某县财政局".into(),
        category: "综合管理类".into(),
        rank: rank.into(),
        rank_since: d(since),
        ..Person::default()
    }
}

fn results(roster: &mut Roster, id: &str, years: &[(i32, &str)]) {
    for &(year, code) in years {
        let result = ResultCode::parse(code).expect("a result code");
        roster.results.push(YearResult { person_id: id.into(), year, result });
    }
}

fn restriction(roster: &mut Roster, id: &str, kind: &str, date: &str) {
    roster.restrictions.push(Restriction { person_id: id.into(), kind: kind.into(), date: d(date), end: None });
}

fn step(id: &str, from: (&str, &str), to: (&str, &str)) -> RankStep {
    RankStep {
        person_id: id.into(),
        from_rank: from.0.into(),
        from_since: d(from.1),
        to_rank: to.0.into(),
        to_since: d(to.1),
        sources: vec![StepSource::Import { at: "2025-03-01 09:30:00".into(), file: "名册.xlsx".into() }],
    }
}

/// The ranks `id` held, as rows of the roster's 职级变动 sheet from row 2 on.
fn records(roster: &mut Roster, id: &str, ranks: &[(&str, &str)]) {
    for (i, &(rank, since)) in ranks.iter().enumerate() {
        roster.rank_records.push(crate::RankRecord {
            person_id: id.into(),
            rank: rank.into(),
            since: d(since),
            source: format!("「职级变动」表第{}行", i + 2),
            note: None,
        });
    }
}

const AS_OF: &str = "2025-12-31";

/// Every year 2020–2024 称职 but `skip`.
fn competent_years(roster: &mut Roster, id: &str, skip: &[i32]) {
    for year in 2020..=2024 {
        if !skip.contains(&year) {
            results(roster, id, &[(year, "称职")]);
        }
    }
}

fn found<'a>(findings: &'a [Finding], id: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.person_id == id).collect()
}

fn kinds(findings: &[Finding], id: &str) -> Vec<FindingKind> {
    found(findings, id).iter().map(|f| f.kind).collect()
}

fn only<'a>(findings: &'a [Finding], id: &str, kind: FindingKind) -> &'a Finding {
    let mine = found(findings, id);
    assert_eq!(mine.iter().map(|f| f.kind).collect::<Vec<_>>(), vec![kind], "{id}: {mine:#?}");
    mine[0]
}

#[test]
fn results_are_held_against_the_rules_of_their_year() {
    let profile = Profile::national();
    let mut r = Roster::default();
    // 优秀 in the year of a 警告: barred (考核规定 第二十九条); 2024's 优秀 is not.
    r.people.push(person("A", "甲", "一级科员", "2019-01-01"));
    competent_years(&mut r, "A", &[2023, 2024]);
    results(&mut r, "A", &[(2023, "优秀"), (2024, "优秀")]);
    restriction(&mut r, "A", "警告", "2023-05-10");
    // 记过 in 2022: that year 5C, recorded 称职.
    r.people.push(person("B", "乙", "一级科员", "2019-01-01"));
    competent_years(&mut r, "B", &[]);
    restriction(&mut r, "B", "记过", "2022-03-01");
    // 5C in 2023 with no decision anywhere in the roster.
    r.people.push(person("C", "丙", "一级科员", "2019-01-01"));
    competent_years(&mut r, "C", &[2023]);
    results(&mut r, "C", &[(2023, "5C")]);
    // 撤销党内职务 in 2024 forces 不称职; recorded 称职.
    r.people.push(person("D", "丁", "一级科员", "2019-01-01"));
    competent_years(&mut r, "D", &[]);
    restriction(&mut r, "D", "撤销党内职务", "2024-04-01");
    // A 5C in the year after a 记大过 (that year and the next): right, not found.
    r.people.push(person("E", "戊", "一级科员", "2019-01-01"));
    competent_years(&mut r, "E", &[2021, 2022]);
    results(&mut r, "E", &[(2021, "5C"), (2022, "5C")]);
    restriction(&mut r, "E", "记大过", "2021-09-01");

    let findings = audit(&r, &profile, d(AS_OF), &[]);
    let a = only(&findings, "A", FindingKind::ExcellentBarred);
    assert_eq!(a.year, Some(2023));
    assert_eq!(a.key, "excellent_barred:A:2023");
    assert!(
        a.reason.contains("2023年度评为优秀，但2023年5月10日受警告（2023年作出决定），该年度不得确定为优秀等次"),
        "{}",
        a.reason
    );
    assert!(a.reason.cites().any(|(c, _)| c.contains("第二十九条")), "{}", a.reason);
    assert_eq!(a.records, vec!["2023年度考核结果：优秀（1）", "2023年5月10日：警告"]);

    let b = only(&findings, "B", FindingKind::GradedWhileUngraded);
    assert_eq!(b.year, Some(2022));
    assert!(b.reason.contains("2022年度记为称职"), "{}", b.reason);
    assert!(b.reason.contains("不确定等次；该年度应为受处分不定等次（5C）"), "{}", b.reason);

    let c = only(&findings, "C", FindingKind::UngradedWithoutCause);
    assert!(c.reason.contains("2023年度记为受处分不定等次，但名册中没有该年度不确定等次的原因"), "{}", c.reason);

    let dd = only(&findings, "D", FindingKind::ForcedGradeMissed);
    assert_eq!(dd.year, Some(2024));
    assert!(dd.reason.contains("2024年度记为称职，但2024年4月1日受撤销党内职务"), "{}", dd.reason);
    assert!(dd.reason.contains("确定为不称职等次"), "{}", dd.reason);

    assert_eq!(kinds(&findings, "E"), vec![], "{:#?}", found(&findings, "E"));
}

#[test]
fn two_years_incompetent_in_a_row_are_found_while_the_person_serves() {
    let profile = Profile::national();
    let mut r = Roster::default();
    for (id, left) in [("F", None), ("G", Some("2025-03-01"))] {
        let mut p = person(id, id, "一级科员", "2019-01-01");
        p.left_on = left.map(d);
        r.people.push(p);
        competent_years(&mut r, id, &[2023, 2024]);
        results(&mut r, id, &[(2023, "不称职"), (2024, "不称职")]);
    }
    // Two 不称职 with a year between: no run.
    r.people.push(person("H", "H", "一级科员", "2019-01-01"));
    competent_years(&mut r, "H", &[2022, 2024]);
    results(&mut r, "H", &[(2022, "不称职"), (2024, "不称职")]);
    let findings = audit(&r, &profile, d(AS_OF), &[]);
    let f = only(&findings, "F", FindingKind::IncompetentRunning);
    assert!(f.reason.contains("2023年度、2024年度连续2年确定为不称职，仍在职"), "{}", f.reason);
    assert!(f.reason.cites().any(|(c, _)| c.contains("第八十八条")), "{}", f.reason);
    assert_eq!(f.records.len(), 2);
    assert_eq!(kinds(&findings, "G"), vec![], "gone in 2025: {:#?}", found(&findings, "G"));
    assert_eq!(kinds(&findings, "H"), vec![]);
}

#[test]
fn promotions_are_held_against_the_service_required_on_their_day() {
    let profile = Profile::national();
    let mut r = Roster::default();
    // 17 months of 一级科员 for 四级主任科员 (24 required): early.
    r.people.push(person("P", "庚", "四级主任科员", "2021-06-01"));
    competent_years(&mut r, "P", &[]);
    // 18 months, with 2019 优秀 (half a year off from 2020-01-01): 24 − 6 = 18, in time.
    r.people.push(person("Q", "辛", "四级主任科员", "2020-07-01"));
    competent_years(&mut r, "Q", &[2020]);
    results(&mut r, "Q", &[(2019, "优秀"), (2020, "优秀")]);
    // 24 months, of which 2020 基本称职 does not count: 12, early.
    r.people.push(person("S", "壬", "四级主任科员", "2021-01-01"));
    competent_years(&mut r, "S", &[2020]);
    results(&mut r, "S", &[(2019, "称职"), (2020, "基本称职")]);
    // 一级科员 straight to 三级主任科员: a rank skipped.
    r.people.push(person("T", "癸", "三级主任科员", "2022-01-01"));
    competent_years(&mut r, "T", &[]);
    // In time, but inside a 记过's 处分期 (12 months from 2020-10-01).
    r.people.push(person("U", "子", "四级主任科员", "2021-03-01"));
    competent_years(&mut r, "U", &[2020]);
    results(&mut r, "U", &[(2020, "5C")]);
    restriction(&mut r, "U", "记过", "2020-10-01");
    let steps = [
        step("P", ("一级科员", "2020-01-01"), ("四级主任科员", "2021-06-01")),
        step("Q", ("一级科员", "2019-01-01"), ("四级主任科员", "2020-07-01")),
        step("S", ("一级科员", "2019-01-01"), ("四级主任科员", "2021-01-01")),
        step("T", ("一级科员", "2018-01-01"), ("三级主任科员", "2022-01-01")),
        step("U", ("一级科员", "2018-01-01"), ("四级主任科员", "2021-03-01")),
    ];
    let findings = audit(&r, &profile, d(AS_OF), &steps);
    let p = only(&findings, "P", FindingKind::PromotedEarly);
    assert_eq!(p.key, "promoted_early:P:2021:2021-06-01");
    assert!(p.reason.contains("2021年6月1日由一级科员晋升为四级主任科员，此前自2020年1月1日起计算任职年限，至晋升时计17个月，应满24个月，任职年限不足"), "{}", p.reason);
    assert!(p.reason.cites().any(|(c, _)| c.contains("第十八条")), "{}", p.reason);
    assert_eq!(
        p.records,
        vec![
            "2020年1月1日起任一级科员",
            "2021年6月1日起任四级主任科员",
            "导入记录：2025-03-01 09:30:00导入「名册.xlsx」时，职级由一级科员改为四级主任科员"
        ]
    );
    assert_eq!(kinds(&findings, "Q"), vec![], "{:#?}", found(&findings, "Q"));
    let s = only(&findings, "S", FindingKind::PromotedEarly);
    assert!(
        s.reason.contains("至晋升时计12个月（已扣除2020年度基本称职不计算任职年限的12个月），应满24个月"),
        "{}",
        s.reason
    );
    let t = only(&findings, "T", FindingKind::SkippedRank);
    assert!(t.reason.contains("由一级科员晋升为三级主任科员，跨越了四级主任科员"), "{}", t.reason);
    assert!(t.reason.cites().any(|(c, _)| c.contains("第四十九条")), "{}", t.reason);
    let u = only(&findings, "U", FindingKind::PromotedEarly);
    assert!(u.reason.contains("晋升时处于处分期（至2021年9月30日），不得晋升职级"), "{}", u.reason);
}

#[test]
fn ranks_dates_and_ages_that_cannot_be_right_are_found() {
    let profile = Profile::national();
    let mut r = Roster::default();
    let mut add = |id: &str, f: &dyn Fn(&mut Person)| {
        let mut p = person(id, id, "一级科员", "2016-01-01");
        p.service_start = Some(d("2015-01-01"));
        f(&mut p);
        r.people.push(p);
    };
    // A 硕士 recruit starts at 四级主任科员; an 本科 at 一级科员.
    add("M", &|p| {
        p.education = Some("硕士".into());
        p.entry_method = Some("录用".into());
    });
    add("N", &|p| p.education = Some("本科".into()));
    // A 硕士 who came by 调任 did not start as a recruit.
    add("O", &|p| {
        p.education = Some("硕士研究生".into());
        p.entry_method = Some("调任".into());
    });
    add("R", &|p| p.rank_since = d("2014-06-01"));
    // Men: 60 before 1965; born June 1965, 60 and 2 months (2025-08-01); born October 1965, 60
    // and 3 months (2026-01-10, after the audit's day).
    add("V", &|p| {
        p.gender = Some("男".into());
        p.birth = Some(d("1964-06-15"));
    });
    add("W", &|p| {
        p.gender = Some("男".into());
        p.birth = Some(d("1965-06-01"));
    });
    add("X", &|p| {
        p.gender = Some("男".into());
        p.birth = Some(d("1965-10-10"));
    });
    // Women: 55 when born before 1970; a 四级调研员 at 60.
    add("Y", &|p| {
        p.gender = Some("女".into());
        p.birth = Some(d("1969-12-01"));
    });
    add("Z", &|p| {
        p.gender = Some("女".into());
        p.birth = Some(d("1968-03-01"));
        p.rank = "四级调研员".into();
    });
    // Gone: not listed as serving.
    add("L", &|p| {
        p.gender = Some("男".into());
        p.birth = Some(d("1960-01-01"));
        p.left_on = Some(d("2020-01-31"));
    });
    let findings = audit(&r, &profile, d(AS_OF), &[]);
    let m = only(&findings, "M", FindingKind::BelowStartingRank);
    assert!(
        m.reason.contains("学历为硕士，新录用公务员试用期满应定为四级主任科员（或相当职级），现任一级科员"),
        "{}",
        m.reason
    );
    assert_eq!(kinds(&findings, "N"), vec![]);
    assert_eq!(kinds(&findings, "O"), vec![]);
    let rr = only(&findings, "R", FindingKind::RankBeforeEntry);
    assert!(rr.reason.contains("任现职级时间2014年6月1日早于进入公务员队伍时间2015年1月1日"), "{}", rr.reason);
    let v = only(&findings, "V", FindingKind::PastRetirement);
    assert!(v.reason.contains("1964年6月15日生，男，法定退休年龄60周岁，2024年6月15日已达到"), "{}", v.reason);
    let w = only(&findings, "W", FindingKind::PastRetirement);
    assert!(w.reason.contains("法定退休年龄60周岁2个月，2025年8月1日已达到"), "{}", w.reason);
    assert_eq!(kinds(&findings, "X"), vec![]);
    let y = only(&findings, "Y", FindingKind::PastRetirement);
    assert!(y.reason.contains("法定退休年龄55周岁，2024年12月1日已达到"), "{}", y.reason);
    assert_eq!(kinds(&findings, "Z"), vec![], "a county-level woman retires at 60");
    assert_eq!(kinds(&findings, "L"), vec![]);
}

#[test]
fn missing_years_and_one_person_under_two_ids_are_found() {
    let profile = Profile::national();
    let mut r = Roster::default();
    let mut a = person("A1", "张 伟", "一级科员", "2019-01-01");
    a.birth = Some(d("1990-01-01"));
    a.service_start = Some(d("2018-07-01"));
    r.people.push(a);
    let mut b = person("A2", "张伟", "一级科员", "2019-01-01");
    b.birth = Some(d("1990-01-01"));
    r.people.push(b);
    // Someone else's 2018 widens the span the roster covers: A1 entered in 2018, so 2018 and 2019
    // are his too; A2's entry is unknown: counted from his first result.
    results(&mut r, "X", &[(2018, "称职")]);
    competent_years(&mut r, "A1", &[2022]);
    competent_years(&mut r, "A2", &[]);
    let findings = audit(&r, &profile, d(AS_OF), &[]);
    let missing: Vec<&Finding> = findings.iter().filter(|f| f.kind == FindingKind::MissingYears).collect();
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert_eq!(missing[0].person_id, "A1");
    assert_eq!(missing[0].key, "missing_years:A1:2018,2019,2022");
    assert!(missing[0]
        .reason
        .contains("名册记录了2018—2024年度的考核结果，此人缺少2018年度、2019年度、2022年度的结果"));
    let same: Vec<&Finding> = findings.iter().filter(|f| f.kind == FindingKind::SamePerson).collect();
    assert_eq!(same.len(), 1);
    assert_eq!(same[0].key, "same_person:A1:A2");
    assert!(same[0].reason.contains("张 伟（1990年1月1日生）在名册中有2个身份证号：A1、A2"), "{}", same[0].reason);
}

/// A result for a year after the year of leaving is found, with the date and the result behind
/// it; one for the year of leaving itself, or before, is not.
#[test]
fn a_result_after_the_year_of_leaving_is_found() {
    let profile = Profile::national();
    let mut r = Roster::default();
    let mut gone = person("G1", "周敏", "一级科员", "2019-01-01");
    gone.left_on = Some(d("2023-06-30"));
    r.people.push(gone);
    let mut stays = person("G2", "吴刚", "一级科员", "2019-01-01");
    stays.left_on = Some(d("2026-03-31"));
    r.people.push(stays);
    results(&mut r, "G1", &[(2022, "称职"), (2023, "称职"), (2024, "优秀"), (2025, "称职")]);
    results(&mut r, "G2", &[(2024, "称职"), (2025, "称职")]);
    let findings = audit(&r, &profile, d(AS_OF), &[]);
    let after: Vec<&Finding> = findings.iter().filter(|f| f.kind == FindingKind::ResultAfterLeaving).collect();
    let keys: Vec<&str> = after.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, ["result_after_leaving:G1:2024", "result_after_leaving:G1:2025"]);
    assert!(
        after[0].reason.contains("2023年6月30日已离职或退休，2024年度仍记有考核结果（优秀）"),
        "{}",
        after[0].reason
    );
    assert!(after[0].reason.to_string().contains("第三十七条"), "cites the annual assessment: {}", after[0].reason);
    assert_eq!(after[0].records, ["离职/退休日期：2023年6月30日", "2024年度考核结果：优秀（1）"]);
}

#[test]
fn the_retirement_age_is_raised_by_the_month_of_birth_and_checked_on_loading() {
    let profile = Profile::national();
    let men = profile.retirement_for("男", "一级科员", None).expect("men's entry");
    // One month per 4 months of birth from January 1965, at most 36: 63 for those born from
    // September 1976 on.
    assert_eq!(men.raise_months(d("1964-12-31")), 0);
    assert_eq!(men.raise_months(d("1965-01-01")), 1);
    assert_eq!(men.raise_months(d("1965-04-30")), 1);
    assert_eq!(men.raise_months(d("1965-05-01")), 2);
    assert_eq!(men.raise_months(d("1976-08-31")), 35);
    assert_eq!(men.raise_months(d("1976-09-01")), 36);
    assert_eq!(men.raise_months(d("1990-01-01")), 36);
    assert_eq!(men.reached_on(d("1976-09-15")), d("2039-09-15"));
    let women = profile.retirement_for("女", "一级科员", None).expect("women's entry");
    assert_eq!((women.age, women.raise_months(d("1970-01-01"))), (55, 1));
    let county = profile.retirement_for("女", "二级科员", Some("县处级副职")).expect("by the post");
    assert_eq!((county.age, county.raise_months(d("1975-01-01"))), (60, 0));

    let text = format!(
        "{}\n[[retirement]]\ngender = \"男\"\nranks = [\"三级巡视员\"]\nage = 60\nraised_from = 1965-01-01\ncite = \"x\"\nstatus = \"U\"\n",
        crate::profile::NATIONAL_TOML
    );
    let problems = match Profile::from_toml(&text) {
        Err(crate::profile::ProfileError::Invalid(p)) => p,
        other => panic!("refused: {other:?}"),
    };
    let said: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        said.iter().any(|p| p.contains("退休年龄「男60岁」") && p.contains("职级「三级巡视员」未定义")),
        "{said:?}"
    );
    assert!(said.iter().any(|p| p.contains("给出 raised_from 时 step_months 须大于 0")), "{said:?}");
}

/// Promotions made before the first import, known only from the roster's 职级变动 sheet, are
/// held against the rules as those the imports saw: the minimum service on the day (优秀
/// reductions as `promote` counts them), one rank at a time; the rows are named.
#[test]
fn promotions_in_the_rank_records_are_held_against_the_rules() {
    let profile = Profile::national();
    let mut r = Roster::default();
    // 17 months of 一级科员 for 四级主任科员: early (24 required).
    r.people.push(person("P", "庚", "四级主任科员", "2021-06-01"));
    competent_years(&mut r, "P", &[]);
    records(&mut r, "P", &[("一级科员", "2020-01-01"), ("四级主任科员", "2021-06-01")]);
    // 15 months with 2019 优秀 (6 months off from 2020-01-01): 18 required, early.
    r.people.push(person("Q", "辛", "四级主任科员", "2020-10-01"));
    competent_years(&mut r, "Q", &[]);
    results(&mut r, "Q", &[(2019, "优秀")]);
    records(&mut r, "Q", &[("一级科员", "2019-07-01"), ("四级主任科员", "2020-10-01")]);
    // 18 months with 2019 and 2020 优秀 (12 months off by 2021-01-01): 12 required, in time.
    r.people.push(person("R", "壬", "四级主任科员", "2021-01-01"));
    competent_years(&mut r, "R", &[2020]);
    results(&mut r, "R", &[(2019, "优秀"), (2020, "优秀")]);
    records(&mut r, "R", &[("一级科员", "2019-07-01"), ("四级主任科员", "2021-01-01")]);
    // 一级科员 straight to 三级主任科员, then (rows out of order) 二级主任科员 in time.
    r.people.push(person("T", "癸", "二级主任科员", "2024-03-01"));
    competent_years(&mut r, "T", &[]);
    records(&mut r, "T", &[("二级主任科员", "2024-03-01"), ("一级科员", "2018-01-01"), ("三级主任科员", "2022-01-01")]);
    // Ranks of 2019's 套转 and before: not held against the rules of 2019-06.
    r.people.push(person("V", "子", "四级主任科员", "2019-06-01"));
    competent_years(&mut r, "V", &[]);
    records(&mut r, "V", &[("一级科员", "2019-01-01"), ("四级主任科员", "2019-06-01")]);
    let findings = audit(&r, &profile, d(AS_OF), &[]);

    let p = only(&findings, "P", FindingKind::PromotedEarly);
    assert_eq!(p.key, "promoted_early:P:2021:2021-06-01");
    assert!(p.reason.contains("2021年6月1日由一级科员晋升为四级主任科员，此前自2020年1月1日起计算任职年限，至晋升时计17个月，应满24个月，任职年限不足"), "{}", p.reason);
    assert!(p.reason.cites().any(|(c, _)| c.contains("第十八条")), "{}", p.reason);
    assert_eq!(
        p.records,
        ["2020年1月1日起任一级科员（「职级变动」表第2行）", "2021年6月1日起任四级主任科员（「职级变动」表第3行）"]
    );
    let q = only(&findings, "Q", FindingKind::PromotedEarly);
    assert!(q.reason.contains("至晋升时计15个月，应满18个月（2019年度优秀已缩短6个月），任职年限不足"), "{}", q.reason);
    assert_eq!(kinds(&findings, "R"), vec![], "{:#?}", found(&findings, "R"));
    let t = only(&findings, "T", FindingKind::SkippedRank);
    assert_eq!(t.key, "skipped_rank:T:2022:2022-01-01");
    assert!(t.reason.contains("2022年1月1日由一级科员晋升为三级主任科员，跨越了四级主任科员"), "{}", t.reason);
    assert_eq!(
        t.records,
        ["2018年1月1日起任一级科员（「职级变动」表第3行）", "2022年1月1日起任三级主任科员（「职级变动」表第4行）"]
    );
    assert_eq!(kinds(&findings, "V"), vec![], "{:#?}", found(&findings, "V"));
    // The steps counted: P, Q, R and T's two; V's is before the rules.
    assert_eq!(all_steps(&r, &profile, &[]).len(), 5);
}

/// A step both an import and the rank records saw is one step with both sources; the 人员
/// sheet's present rank wins over the records' last row.
#[test]
fn a_step_seen_by_an_import_and_in_the_records_counts_once() {
    let profile = Profile::national();
    let mut r = Roster::default();
    r.people.push(person("P", "庚", "四级主任科员", "2021-06-01"));
    competent_years(&mut r, "P", &[]);
    records(&mut r, "P", &[("一级科员", "2020-01-01"), ("四级主任科员", "2021-06-01")]);
    let imported = [step("P", ("一级科员", "2020-01-01"), ("四级主任科员", "2021-06-01"))];
    assert_eq!(all_steps(&r, &profile, &imported).len(), 1);
    let findings = audit(&r, &profile, d(AS_OF), &imported);
    let p = only(&findings, "P", FindingKind::PromotedEarly);
    assert_eq!(
        p.records,
        [
            "2020年1月1日起任一级科员（「职级变动」表第2行）",
            "2021年6月1日起任四级主任科员（「职级变动」表第3行）",
            "导入记录：2025-03-01 09:30:00导入「名册.xlsx」时，职级由一级科员改为四级主任科员"
        ]
    );

    // The records end at 四级主任科员 on another day, and list a rank after it: the 人员 sheet
    // says 四级主任科员 since 2021-09-01, which is the promotion's day.
    let mut w = person("W", "丑", "四级主任科员", "2021-09-01");
    w.organ = "某县财政局".into();
    let records_of = [
        crate::RankRecord {
            person_id: "W".into(),
            rank: "一级科员".into(),
            since: d("2019-06-01"),
            source: "「职级变动」表第2行".into(),
            note: Some("某组字〔2019〕3号".into()),
        },
        crate::RankRecord {
            person_id: "W".into(),
            rank: "四级主任科员".into(),
            since: d("2021-06-01"),
            source: "「职级变动」表第3行".into(),
            note: None,
        },
        crate::RankRecord {
            person_id: "W".into(),
            rank: "三级主任科员".into(),
            since: d("2023-06-01"),
            source: "「职级变动」表第4行".into(),
            note: None,
        },
    ];
    let steps = record_steps(&w, &records_of.iter().collect::<Vec<_>>());
    assert_eq!(steps.len(), 1, "{steps:#?}");
    assert_eq!((steps[0].from_since, steps[0].to_since), (d("2019-06-01"), d("2021-09-01")));
    assert_eq!(
        steps[0].sources,
        [StepSource::Records { from: "「职级变动」表第2行".into(), to: PEOPLE_SHEET_SOURCE.into() }]
    );
}
