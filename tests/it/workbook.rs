//! Workbooks written by Kaohe, opened again as a clerk would: the template's sheets and headers,
//! the promotion result's cells and print settings.

use calamine::{open_workbook_auto, Data, Reader};
use kaohe_cli::run;
use kaohe_engine::Profile;
use kaohe_tests::write_sheets;
use std::io::Read;
use std::path::Path;

fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut book = open_workbook_auto(path).expect("opens");
    let range = book.worksheet_range(name).expect("sheet");
    range
        .rows()
        .map(|r| r.iter().map(|c| if let Data::Empty = c { String::new() } else { c.to_string() }).collect())
        .collect()
}

fn zip_text(path: &Path, member: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).expect("file")).expect("zip");
    let mut s = String::new();
    zip.by_name(member).expect("member").read_to_string(&mut s).expect("utf8");
    s
}

#[test]
fn the_template_has_every_sheet_and_column_and_reads_back_empty() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("模板.xlsx");
    let out = run(&["template".to_string(), path.display().to_string()]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let people = sheet(&path, "人员");
    assert_eq!(
        people[0],
        [
            "身份证号", "姓名", "性别", "出生日期", "单位", "部门", "职位类别", "职级", "任现职级时间", "领导职务",
            "职务层次", "任现职务时间", "是否领导成员", "学历", "参加工作时间", "进入公务员队伍时间", "级别",
            "级别起算时间", "档次", "档次起算时间", "政治面貌", "从事或分管工作", "进入方式", "离职/退休日期"
        ]
    );
    assert_eq!(sheet(&path, "平时考核")[0], ["身份证号", "姓名", "年度", "季度", "等次", "得分"]);
    assert_eq!(
        sheet(&path, "年度评分")[0],
        [
            "身份证号", "姓名", "年度", "德", "能", "勤", "绩", "廉", "民主测评", "建议等次", "病假天数", "事假天数",
            "主管领导评语", "个人总结", "参加脱产培训情况"
        ]
    );
    let organs = sheet(&path, "单位");
    assert_eq!(
        &organs[0][..10],
        [
            "单位名称", "机关层级", "优秀比例", "绩效等次", "主管机关", "一级和二级巡视员", "一级和二级调研员",
            "三级和四级调研员", "一级和二级主任科员", "三级和四级主任科员"
        ]
    );
    assert_eq!(sheet(&path, "年度考核")[0], ["身份证号", "姓名", "年度", "等次"]);
    assert_eq!(sheet(&path, "处分")[0], ["身份证号", "姓名", "类型", "日期", "结束日期"]);
    assert_eq!(sheet(&path, "职级变动")[0], ["身份证号", "姓名", "职级", "任职级时间", "文号", "备注"]);
    // Its drop-down lists come from the profile.
    assert!(zip_text(&path, "xl/worksheets/sheet1.xml").contains("综合管理类,专业技术类,行政执法类"));
    // 处分's 类型: 处分, 党纪处分, 诫勉 and each kind of 组织处理, 立案调查 (并行规定 第二十一条).
    let sheets: Vec<String> = (1..=6).map(|i| zip_text(&path, &format!("xl/worksheets/sheet{i}.xml"))).collect();
    assert!(
        sheets.iter().any(|x| x.contains("警告,记过,记大过,降级,撤职,党内警告,严重警告,撤销党内职务,留党察看一年,留党察看二年,留党察看,开除党籍,诫勉,调整职务,责令辞职,免职,降职,组织处理,立案调查")),
        "the 类型 list of 处分"
    );
    let read = kaohe_workbook::read_roster(&path, &Profile::national()).expect("reads");
    assert!(read.roster.people.is_empty() && read.issues.is_empty(), "{:?}", read.issues);
}

#[test]
fn the_promotion_workbook_holds_what_the_json_says() {
    let tmp = tempfile::tempdir().expect("tmp");
    let roster = tmp.path().join("名册.xlsx");
    let sheets: toml::Table = toml::from_str(
        r#""人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间", "进入公务员队伍时间", "级别"],
  ["11010519491231002X", "王一", "甲局", "综合管理类", "三级主任科员", 2024-03-01, 2015-07-01, ""],
  ["330102198808060235", "李二", "甲局", "综合管理类", "三级主任科员", 2019-06-15, 2012-07-01, 19],
  ["330102199604250242", "赵四", "甲局", "综合管理类", "三级主任科员", 2020-01-01, 2013-07-01, ""],
]
"单位" = [["单位名称", "机关层级", "三级和四级主任科员", "一级和二级主任科员"], ["甲局", "市(地)", 5, 4]]
"处分" = [["身份证号", "类型", "日期"], ["330102199604250242", "记过", 2025-03-10]]"#,
    )
    .expect("toml");
    write_sheets(&sheets, &roster).expect("write");
    let out_path = tmp.path().join("晋升结果.xlsx");
    let out = run(&[
        "promote".to_string(),
        "--as-of".into(),
        "2025-12-31".into(),
        "--roster".into(),
        roster.display().to_string(),
        "--out".into(),
        out_path.display().to_string(),
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);

    let rows = sheet(&out_path, "晋升资格");
    assert_eq!(rows[0][0], "职级晋升资格审核表（截至2025年12月31日，规则：全国默认规则 2019.06-1）");
    assert_eq!(rows[1][..7], ["序号", "姓名", "身份证号", "单位", "职位类别", "现职级", "拟晋升职级"]);
    // Eligible first: 李二 (78 months), then 王一 (21 months, not yet), 赵四 (blocked by 记过).
    let names: Vec<&str> = rows[2..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(names, ["李二", "王一", "赵四"]);
    let header = rows[1].clone();
    let col =
        |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name} in {header:?}"));
    let cell = |r: &Vec<String>, name: &str| r[col(name)].clone();
    let li = &rows[2];
    assert_eq!(cell(li, "拟晋升职级"), "二级主任科员");
    assert_eq!(cell(li, "起算日期"), "2019-06-15");
    assert_eq!(cell(li, "已计任职年限"), "6年6个月");
    assert_eq!(cell(li, "需要年限"), "2年");
    assert_eq!(cell(li, "优秀缩短"), "—");
    // 管理办法 第十三条: 19 is inside 二级主任科员's 22–16, which is not a rank that keeps it: one up.
    assert_eq!((cell(li, "现级别"), cell(li, "晋升后级别")), ("19级".into(), "18级".into()));
    assert_eq!(
        (cell(li, "年限是否满足"), cell(li, "最早满足日期"), cell(li, "资格审核结论")),
        ("是".into(), "2021-06-15".into(), "符合".into())
    );
    // 二级主任科员 enters 一级和二级主任科员 (4 approved, none held): proposed.
    assert_eq!(cell(li, "职数情况"), "拟列入");
    let wang = &rows[3];
    assert_eq!(
        (
            cell(wang, "已计任职年限"),
            cell(wang, "年限是否满足"),
            cell(wang, "最早满足日期"),
            cell(wang, "资格审核结论")
        ),
        ("1年9个月".into(), "否".into(), "2026-03-01".into(), "不符合".into())
    );
    let zhao = &rows[4];
    assert_eq!(cell(zhao, "资格审核结论"), "不符合");
    assert!(
        cell(zhao, "限制原因").contains("2025年3月10日受记过（处分期12个月，至2026年3月9日）"),
        "{}",
        cell(zhao, "限制原因")
    );

    let pools = sheet(&out_path, "职数");
    assert_eq!(pools[1], ["单位", "职数池", "核定", "实有", "空缺", "符合条件人数", "拟晋升人选"]);
    assert_eq!(pools[2], ["甲局", "一级和二级主任科员", "4", "0", "4", "1", "李二"]);
    assert_eq!(pools[3], ["甲局", "三级和四级主任科员", "5", "3", "2", "0", ""]);

    // Print-ready: A4 landscape, title and header repeated, fit to one page wide, 宋体.
    let xml = zip_text(&out_path, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="landscape""#), "{xml}");
    assert!(xml.contains(r#"fitToHeight="0""#));
    let book = zip_text(&out_path, "xl/workbook.xml");
    assert!(book.contains("_xlnm.Print_Titles") && book.contains("晋升资格!$1:$2"), "{book}");
    assert!(zip_text(&out_path, "xl/styles.xml").contains(r#"val="宋体""#));
}

/// The number format of the cell `reference` (e.g. "B3") of the first sheet, from its style in
/// styles.xml: "General", "@" (Text) or the format's code.
fn number_format(path: &Path, reference: &str) -> String {
    let sheet = zip_text(path, "xl/worksheets/sheet1.xml");
    let at = sheet.find(&format!("<c r=\"{reference}\"")).unwrap_or_else(|| panic!("no cell {reference}"));
    let tag = &sheet[at..at + sheet[at..].find('>').expect("tag end")];
    let style: usize =
        tag.split(" s=\"").nth(1).and_then(|s| s.split('"').next()).and_then(|s| s.parse().ok()).unwrap_or(0);
    let styles = zip_text(path, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").expect("cellXfs")..];
    let xf = xfs.split("<xf ").nth(style + 1).expect("the cell's xf");
    let id: u32 = xf
        .split("numFmtId=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("numFmtId");
    match id {
        0 => "General".to_string(),
        49 => "@".to_string(),
        id => {
            let at = styles.find(&format!("<numFmt numFmtId=\"{id}\" formatCode=\"")).expect("the custom format")
                + format!("<numFmt numFmtId=\"{id}\" formatCode=\"").len();
            styles[at..at + styles[at..].find('"').expect("end")].to_string()
        }
    }
}

/// Text from a roster that Excel would take for a formula once a clerk edits its cell (= + - @)
/// is written with the Text format in the result workbooks; other text keeps the General one.
#[test]
fn text_that_looks_like_a_formula_stays_text_in_the_result_workbooks() {
    let tmp = tempfile::tempdir().expect("tmp");
    let roster = tmp.path().join("名册.xlsx");
    let sheets: toml::Table = toml::from_str(
        r#""人员" = [
  ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],
  ["11010519491231002X", "=HYPERLINK(\"http://x\",\"王一\")", "甲局", "综合管理类", "三级主任科员", 2019-03-01],
  ["330102198808060235", "李二", "甲局", "综合管理类", "三级主任科员", 2019-06-15],
]"#,
    )
    .expect("toml");
    write_sheets(&sheets, &roster).expect("write");
    let book = tmp.path().join("晋升结果.xlsx");
    let out = run(&[
        "promote",
        "--as-of",
        "2025-12-31",
        "--roster",
        &roster.display().to_string(),
        "--out",
        &book.display().to_string(),
    ]
    .map(String::from));
    assert_eq!(out.status, 0, "{}", out.stderr);
    let rows = sheet(&book, &open_workbook_auto(&book).expect("opens").sheet_names()[0]);
    let (r, c) = rows
        .iter()
        .enumerate()
        .find_map(|(r, row)| row.iter().position(|v| v.starts_with("=HYPERLINK")).map(|c| (r, c)))
        .expect("the name is written as text");
    let column = kaohe_workbook::column_letter(c as u32);
    assert_eq!(number_format(&book, &format!("{column}{}", r + 1)), "@", "the formula-like name has the Text format");
    let li = rows.iter().position(|row| row.iter().any(|v| v == "李二")).expect("李二");
    assert_eq!(number_format(&book, &format!("{column}{}", li + 1)), "General", "an ordinary name keeps General");
}
