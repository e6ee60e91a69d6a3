//! Printed documents, checked as printed: each is rendered to PDF by Debian's Chromium (headless
//! `--print-to-pdf`) and the PDF is read back with poppler's tools — page count, A4 size, every
//! character of a long 个人总结 present (nothing clipped), Chinese text extractable from
//! embedded fonts, IDs masked on publicity lists. One page of each document is kept as a PNG.

use kaohe_cli::run;
use kaohe_engine::id_number::check_digit;
use kaohe_tests::{root, write_sheets};
use std::path::{Path, PathBuf};
use std::process::Command;

fn id(n: u32) -> String {
    let first17 = format!("3201021985{:02}{:02}{:03}", 1 + n % 12, 1 + n % 28, n % 1000);
    format!("{first17}{}", check_digit(&first17).expect("17 digits"))
}

/// Runs a command and returns its standard output, failing the test with its error output.
fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} could not run ({e}); `cargo xtask test` installs it"));
    assert!(out.status.success(), "{program} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Prints an HTML file to PDF with headless Chromium.
pub(crate) fn pdf(html: &Path) -> PathBuf {
    let out = html.with_extension("pdf");
    let profile = tempfile::tempdir().expect("profile dir");
    let target = format!("--print-to-pdf={}", out.display());
    let user_data = format!("--user-data-dir={}", profile.path().display());
    let url = format!("file://{}", html.display());
    tool(
        "chromium",
        &[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer", &user_data,
            &target, &url,
        ],
    );
    assert!(out.exists(), "no PDF written for {}", html.display());
    out
}

pub(crate) fn info(pdf: &Path) -> (usize, String) {
    let text = tool("pdfinfo", &[&pdf.display().to_string()]);
    let pages =
        text.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|v| v.trim().parse().ok()).expect("page count");
    let size =
        text.lines().find_map(|l| l.strip_prefix("Page size:")).map(|v| v.trim().to_string()).expect("page size");
    (pages, size)
}

pub(crate) fn text(pdf: &Path) -> String {
    tool("pdftotext", &["-enc", "UTF-8", &pdf.display().to_string(), "-"])
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn print(args: &[&str]) -> PathBuf {
    let out = run(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(out.status, 0, "{}", out.stderr);
    let path = out
        .stdout
        .trim()
        .split_once('：')
        .map(|(_, p)| p.split('，').next().unwrap_or(p).to_string())
        .expect("path in output");
    PathBuf::from(path)
}

const LONG: &str = "一年来，本人认真学习贯彻党的路线方针政策，坚持把政治建设摆在首位，扎实做好预算编制、国库支付和绩效评价工作，按时完成领导交办的各项任务。";

#[test]
fn registration_forms_are_one_a4_page_each_and_long_summaries_continue() {
    let tmp = tempfile::tempdir().expect("tmp");
    let long = format!("{}【总结完】", LONG.repeat(24));
    assert_eq!(kaohe_print::fit_summary(&long).rest.len(), 1, "the long summary needs exactly one continuation page");
    let sheets = format!(
        r#""人员" = [
  ["身份证号", "姓名", "性别", "单位", "部门", "职位类别", "职级", "任现职级时间", "政治面貌", "从事或分管工作", "进入公务员队伍时间"],
  ["{a}", "王一", "男", "甲局", "办公室", "综合管理类", "二级主任科员", 2021-03-01, "中共党员", "文稿起草、综合协调", 2012-07-01],
  ["{b}", "李二", "女", "甲局", "预算科", "综合管理类", "三级主任科员", 2022-06-01, "群众", "预算编制", 2015-07-01],
  ["{c}", "赵<i>三</i>", "男", "甲局", "国库科", "综合管理类", "四级主任科员", 2023-01-01, "", "", 2019-07-01],
]
"年度评分" = [
  ["身份证号", "年度", "建议等次", "病假天数", "事假天数", "主管领导评语", "个人总结", "参加脱产培训情况"],
  ["{a}", 2025, "优秀", 0, 0, "工作认真负责，成绩突出。", "本年度完成综合文稿120余篇。", "参加市委党校中青班（2个月）"],
  ["{b}", 2025, "称职", 0, 0, "", "{long}", ""],
  ["{c}", 2025, "", 150, 40, "", "", ""],
]
"#,
        a = id(1),
        b = id(2),
        c = id(3)
    );
    let table: toml::Table = toml::from_str(&sheets).expect("toml");
    let roster = tmp.path().join("名册.xlsx");
    write_sheets(&table, &roster).expect("write");
    let out_dir = tmp.path().join("out");
    let html = print(&[
        "print",
        "--doc",
        "登记表",
        "--year",
        "2025",
        "--roster",
        &roster.display().to_string(),
        "--out",
        &out_dir.display().to_string(),
    ]);
    let source = std::fs::read_to_string(&html).expect("html");
    assert!(source.contains("赵&lt;i&gt;三&lt;/i&gt;") && !source.contains("<i>三"), "roster text must be escaped");

    let file = pdf(&html);
    let (pages, size) = info(&file);
    assert_eq!(pages, 4, "three forms and one continuation page");
    assert!(size.contains("(A4)"), "{size}");
    let printed = squeeze(&text(&file));
    // Every character of the summary is printed: the part in the box and the continuation.
    let fit = kaohe_print::fit_summary(&long);
    for part in std::iter::once(&fit.first).chain(&fit.rest) {
        assert!(printed.contains(&squeeze(part)), "clipped: {part}");
    }
    assert!(printed.contains("【总结完】") && printed.contains("（续见附页）"));
    // The last row of every form is on its page, not cut off.
    assert_eq!(printed.matches("公务员主管部门备案").count(), 3);
    for expected in [
        "年度考核登记表",
        "王一",
        "中共党员",
        "文稿起草、综合协调",
        "参加市委党校中青班",
        "考核等次建议：优秀",
        "赵<i>三</i>",
        "病假40天",
        "病事假累计超过半年不定等次",
    ] {
        let expected = squeeze(expected).replace("病假40天", "事假40天");
        assert!(printed.contains(&expected), "missing {expected}");
    }
    let fonts = tool("pdffonts", &[&file.display().to_string()]);
    assert!(
        fonts.lines().skip(2).any(|l| l.split_whitespace().rev().nth(4) == Some("yes")),
        "fonts are embedded:\n{fonts}"
    );
    let cjk = tool("fc-list", &[":lang=zh", "family"]);
    assert!(cjk.contains("CJK"), "a CJK font is installed for the fallbacks: {cjk}");
}

#[test]
fn a_batch_of_200_prints_200_pages() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut rows = String::from(r#"["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"],"#);
    for n in 0..200 {
        rows.push_str(&format!(r#"["{}", "人员{n:03}", "甲局", "综合管理类", "一级科员", 2020-01-01],"#, id(100 + n)));
    }
    let table: toml::Table = toml::from_str(&format!("\"人员\" = [{rows}]")).expect("toml");
    let roster = tmp.path().join("名册.xlsx");
    write_sheets(&table, &roster).expect("write");
    let html = print(&[
        "print",
        "--doc",
        "登记表",
        "--year",
        "2025",
        "--roster",
        &roster.display().to_string(),
        "--out",
        &tmp.path().display().to_string(),
    ]);
    let file = pdf(&html);
    assert_eq!(info(&file).0, 200);
    let printed = text(&file);
    assert!(printed.contains("人员000") && printed.contains("人员199"));
}

/// The first page of `doc`'s PDF as a PNG in target/print-snapshots (checked to be A4 portrait),
/// copied to fixtures/print/ as the reviewed snapshot with `KAOHE_BLESS=1`.
pub(crate) fn page_snapshot(doc: &str, file: &Path) {
    let snapshots = root().join("target/print-snapshots");
    std::fs::create_dir_all(&snapshots).expect("snapshot dir");
    let png = snapshots.join(doc);
    tool(
        "pdftoppm",
        &[
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "-png",
            &file.display().to_string(),
            &png.display().to_string(),
        ],
    );
    let png = png.with_extension("png");
    let (w, h) = png_size(&png);
    let ratio = f64::from(h) / f64::from(w);
    assert!((ratio - 297.0 / 210.0).abs() < 0.01, "{doc}: page is A4 portrait ({w}x{h})");
    if std::env::var_os("KAOHE_BLESS").is_some() {
        let dir = root().join("fixtures/print");
        std::fs::create_dir_all(&dir).expect("fixtures/print");
        std::fs::copy(&png, dir.join(format!("{doc}.png"))).expect("copy snapshot");
    }
}

/// Reads a PNG's width and height from its header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).expect("png");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn every_document_prints_and_publicity_lists_carry_no_id() {
    let tmp = tempfile::tempdir().expect("tmp");
    let sample = root().join("fixtures/sample/名册示例.xlsx").display().to_string();
    let out = tmp.path().display().to_string();
    let docs: [(&str, &str, &str); 7] = [
        ("登记表", "--year", "2025"),
        ("优秀公示", "--year", "2025"),
        ("考核汇总", "--year", "2025"),
        ("名额测算", "--year", "2025"),
        ("晋升公示", "--as-of", "2025-12-31"),
        ("晋升审核", "--as-of", "2025-12-31"),
        ("职数", "--as-of", "2025-12-31"),
    ];
    let roster =
        kaohe_workbook::read_roster(Path::new(&sample), &kaohe_engine::Profile::national()).expect("sample").roster;
    for (doc, flag, value) in docs {
        let html =
            print(&["print", "--doc", doc, flag, value, "--roster", &sample, "--from", "2026-01-09", "--out", &out]);
        let file = pdf(&html);
        let (pages, size) = info(&file);
        assert!(pages >= 1 && size.contains("(A4)"), "{doc}: {pages} pages, {size}");
        let printed = text(&file);
        match doc {
            "登记表" => assert_eq!(pages, 38, "one form per person of the sample"),
            "优秀公示" | "晋升公示" => {
                assert!(squeeze(&printed).contains("2026年1月9日至2026年1月15日（5个工作日）"), "{doc}: period");
                // A 公示 is posted publicly: no ID number, not even a masked one.
                for p in &roster.people {
                    assert!(
                        !printed.contains(&p.id[..6]) || !printed.contains(&p.id[14..]),
                        "{doc} shows part of an ID: {}",
                        p.id
                    );
                }
                assert!(!printed.contains("********") && !printed.contains("身份证号"), "{doc}: an ID column");
                let html_text = std::fs::read_to_string(&html).expect("html");
                assert!(!html_text.contains("data-id") && !html_text.contains("********"), "{doc}: IDs in the markup");
                assert!(
                    html_text.contains(">出生年月</th>") && html_text.contains(">学历</th>"),
                    "{doc}: birth month and education instead"
                );
            }
            _ => {}
        }
        page_snapshot(doc, &file);
    }
}

/// 公示 periods skip the State Council's holidays and count its make-up working days (the
/// profile's table per year); a period reaching a year the table does not hold says 待核实.
#[test]
fn publicity_periods_follow_the_holiday_notices() {
    let sample = root().join("fixtures/sample/名册示例.xlsx").display().to_string();
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().display().to_string();
    let period = |from: &str| {
        let html = print(&[
            "print", "--doc", "晋升公示", "--as-of", "2025-12-31", "--roster", &sample, "--from", from, "--out", &out,
        ]);
        let text = std::fs::read_to_string(&html).expect("html");
        let start = text.find("公示时间：").expect("period") + "公示时间：".len();
        text[start..].split('。').next().unwrap_or_default().to_string()
    };
    // 2025 国庆 and 中秋: 1–8 October off; Saturday 11 October worked (国办发明电〔2024〕12号).
    assert_eq!(period("2025-09-30"), "2025年9月30日至2025年10月13日（5个工作日）");
    // 2026 元旦: 1–3 January off, Sunday 4 January worked (国办发明电〔2025〕7号).
    assert_eq!(period("2025-12-31"), "2025年12月31日至2026年1月7日（5个工作日）");
    // 2027 is not in the table yet: weekends only, and said so.
    assert_eq!(
        period("2026-12-28"),
        "2026年12月28日至2027年1月1日（5个工作日，仅扣除周末：规则中尚无2027年节假日安排，期限待核实）"
    );
}

/// The 登记表 carries no ID in its markup (it had every full ID in data-id attributes).
#[test]
fn registration_forms_carry_no_id_in_their_markup() {
    let tmp = tempfile::tempdir().expect("tmp");
    let sample = root().join("fixtures/sample/名册示例.xlsx").display().to_string();
    let html = print(&[
        "print",
        "--doc",
        "登记表",
        "--year",
        "2025",
        "--roster",
        &sample,
        "--out",
        &tmp.path().display().to_string(),
    ]);
    let text = std::fs::read_to_string(&html).expect("html");
    assert!(!text.contains("data-id"));
    let roster =
        kaohe_workbook::read_roster(Path::new(&sample), &kaohe_engine::Profile::national()).expect("sample").roster;
    assert!(roster.people.iter().all(|p| !text.contains(&p.id)));
}

/// `--organ` names the file but cannot lead it outside `--out`; the title is escaped once.
#[test]
fn an_organ_name_cannot_lead_a_printed_file_outside_its_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("a/b");
    // Organs whose names a file name must not follow: the roster holds them (an organ it does not
    // hold is refused before any file is named).
    let organs = ["甲&乙局", "../../逃逸", "/tmp/逃逸", "..", "CON"];
    let rows: Vec<String> = organs
        .iter()
        .enumerate()
        .map(|(i, o)| format!("[\"{}\", \"王{i}\", {o:?}, \"综合管理类\", \"一级科员\", 2020-01-01]", id(7 + i as u32)))
        .collect();
    let table: toml::Table = toml::from_str(&format!(
        "\"人员\" = [[\"身份证号\", \"姓名\", \"单位\", \"职位类别\", \"职级\", \"任现职级时间\"], {}]",
        rows.join(", ")
    ))
    .expect("toml");
    let roster = tmp.path().join("名册.xlsx");
    write_sheets(&table, &roster).expect("write");
    let roster = roster.display().to_string();
    let out_text = out.display().to_string();
    for organ in &organs[1..] {
        let html = print(&[
            "print", "--doc", "晋升公示", "--as-of", "2025-12-31", "--roster", &roster, "--organ", organ, "--out",
            &out_text,
        ]);
        assert_eq!(html.parent(), Some(out.as_path()), "{organ}: {}", html.display());
    }
    assert!(!tmp.path().join("逃逸职级晋升公示.html").exists() && !tmp.path().join("a/逃逸职级晋升公示.html").exists());
    let html = print(&[
        "print", "--doc", "晋升公示", "--as-of", "2025-12-31", "--roster", &roster, "--organ", "甲&乙局", "--out",
        &out_text,
    ]);
    let text = std::fs::read_to_string(&html).expect("html");
    assert!(text.contains("<title>甲&amp;乙局职级晋升人选公示</title>"), "{}", &text[..600.min(text.len())]);
    assert!(text.contains("<h1>甲&amp;乙局职级晋升人选公示</h1>") && !text.contains("&amp;amp;"));
}
