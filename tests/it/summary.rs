//! 上报 → 汇总 through the command line: the sample's finalised 2025 packaged organ by organ, the
//! packages received into a 汇总 database and summed up (the figures a clerk checks by hand);
//! a package of a year not finalised is not made; an altered or broken file, a second package of
//! an organ without --replace, are refused with nothing kept; conflicts are reported.

use kaohe_cli::run;
use kaohe_desk::package::{self, Manifest, Package, PartEntry};
use kaohe_store::operations::LogFilter;
use kaohe_store::{OperationKind, Store};
use kaohe_tests::root;
use serde_json::Value;
use std::path::{Path, PathBuf};

const ORGANS: [&str; 3] = ["某市财政局", "某县人力资源和社会保障局", "某县市场监督管理局"];

fn kaohe(list: &[&str]) -> kaohe_cli::Output {
    run(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
}

fn ok(list: &[&str]) -> kaohe_cli::Output {
    let out = kaohe(list);
    assert_eq!(out.status, 0, "kaohe {list:?}: {}{}", out.stdout, out.stderr);
    out
}

/// The sample in an organ's database, its 2025 finalised (周志强's 优秀 over a quota of 0 set to
/// 称职 first), and a package of each organ.
fn packages(dir: &Path) -> Vec<PathBuf> {
    let db = dir.join("org.db").display().to_string();
    let sample = root().join("fixtures/sample/名册示例.xlsx").display().to_string();
    ok(&["import", &sample, "--db", &db, "--by", "李明"]);
    let unfinal = kaohe(&["report-package", "--year", "2025", "--organ", ORGANS[0], "--out", "x.kaohe", "--db", &db]);
    assert_eq!(unfinal.status, 1);
    assert!(unfinal.stderr.contains("2025年度考核尚未定稿，不能上报"), "{}", unfinal.stderr);
    ok(&[
        "assess", "override", "--year", "2025", "--id", "330521197211100691", "--grade", "称职", "--reason",
        "领导成员优秀名额为0", "--db", &db, "--by", "李明",
    ]);
    ok(&["assess", "finalize", "--year", "2025", "--on", "2026-01-15", "--db", &db, "--by", "李明"]);
    ORGANS
        .iter()
        .map(|organ| {
            let out = dir.join(format!("{organ}.kaohe"));
            ok(&[
                "report-package",
                "--year",
                "2025",
                "--organ",
                organ,
                "--out",
                &out.display().to_string(),
                "--db",
                &db,
                "--by",
                "李明",
            ]);
            out
        })
        .collect()
}

fn json(out: &kaohe_cli::Output) -> Value {
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", out.stdout, out.stderr))
}

/// A package with one part changed by `edit`, its manifest made to match again (as a system
/// that writes its own packages would).
fn repacked(p: &Package, name: &str, edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut parts = p.raw.clone();
    let part = parts.iter_mut().find(|(n, _)| n == name).expect("the part");
    let mut value: Value = serde_json::from_slice(&part.1).expect("json");
    edit(&mut value);
    part.1 = serde_json::to_vec_pretty(&value).expect("json");
    let manifest = Manifest {
        parts: parts
            .iter()
            .map(|(n, b)| PartEntry { name: n.clone(), sha256: package::hex_sha256(b), bytes: b.len() as u64 })
            .collect(),
        ..p.manifest.clone()
    };
    package::archive(&manifest, &parts).expect("archive")
}

#[test]
fn the_organs_packages_are_received_and_summed_up() {
    let dir = tempfile::tempdir().expect("tmp");
    let files = packages(dir.path());
    let p = package::open_file(&files[0]).expect("a package Kaohe reads back");
    assert_eq!((p.manifest.organ.as_str(), p.manifest.year), ("某市财政局", 2025));
    assert_eq!(p.manifest.finalized_on.to_string(), "2026-01-15");
    assert_eq!(p.manifest.as_of.to_string(), "2025-12-31", "the year's end when no --as-of");
    assert_eq!((p.manifest.made_by.as_str(), p.manifest.profile.name.as_str()), ("李明", "全国默认规则"));
    assert_eq!(p.people.len(), 16);
    assert_eq!(p.assessment.pools.len(), 1);
    assert!(p.assessment.pools[0].arithmetic.starts_with("15人 × 20% = 3.00 → 3名"));
    assert!(p.log.iter().any(|e| e.action == "finalize"), "the year's finalisation is in the log");
    assert!(!p.log.iter().any(|e| e.id.as_deref() == Some("330521197211100691")), "another organ's change is not");
    assert!(p.profile_text.contains("[[min_service]]"), "the rule file used travels with it");

    let sum = dir.path().join("汇总.db").display().to_string();
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let mut args = vec!["receive"];
    args.extend(names.iter().map(String::as_str));
    args.extend(["--db", &sum, "--by", "王芳", "--json"]);
    let receipts = json(&ok(&args));
    assert_eq!(receipts["received"].as_array().map(Vec::len), Some(3));
    assert_eq!(receipts["refused"].as_array().map(Vec::len), Some(0));
    assert!(receipts["received"].as_array().expect("received").iter().all(|r| r["conflicts"] == serde_json::json!([])));

    let s = json(&ok(&["summary", "--year", "2025", "--db", &sum, "--json"]));
    let t = &s["totals"];
    assert_eq!((t["organs"].as_u64(), t["people"].as_u64(), t["participants"].as_u64()), (Some(3), Some(38), Some(35)));
    assert_eq!(
        (t["quota"].as_u64(), t["grades"]["excellent"].as_u64(), t["excellent_percent"].as_f64()),
        (Some(6), Some(4), Some(11.43))
    );
    assert_eq!((t["grades"]["basically_competent"].as_u64(), t["grades"]["ungraded"].as_u64()), (Some(1), Some(3)));
    let finance =
        s["organs"].as_array().expect("organs").iter().find(|o| o["organ"] == "某市财政局").expect("某市财政局");
    assert_eq!(
        (finance["people"].as_u64(), finance["participants"].as_u64(), finance["grades"]["excellent"].as_u64()),
        (Some(16), Some(15), Some(3))
    );
    assert_eq!(finance["excellent_percent"].as_f64(), Some(20.0));
    let categories: Vec<&str> =
        s["by_category"].as_array().expect("categories").iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(categories, ["综合管理类", "行政执法类"]);
    assert_eq!(s["over_ratio"], serde_json::json!([]), "20% is the normal ratio");
    assert_eq!(s["unreported"], serde_json::json!([]), "the 汇总 database has no list of organs yet");
    assert_eq!(s["conflicts"], serde_json::json!([]));
    assert!(s["slots"]
        .as_array()
        .expect("slots")
        .iter()
        .any(|x| x["organ"] == "某市财政局" && x["pool"] == "一级和二级主任科员"));

    // The 汇总 workbook, read again: one row per organ and the 合计 row, the counts as numbers.
    let book = dir.path().join("汇总.xlsx");
    ok(&["summary", "--year", "2025", "--db", &sum, "--out", &book.display().to_string()]);
    let sheets = crate::sample::cells(&book);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["各单位", "按职位类别", "按层次", "晋升与职数", "上报情况"]);
    let rows = &sheets[0].1;
    assert!(rows[0][0].starts_with("2025年度考核结果汇总表（3个单位"), "{:?}", rows[0]);
    assert_eq!(rows[1][..5], ["单位", "人数", "参加人数", "优秀名额", "优秀"].map(String::from));
    assert_eq!(rows.len(), 2 + 3 + 1);
    let finance = rows.iter().find(|r| r[0] == "某市财政局").expect("某市财政局");
    assert_eq!(finance[1..5], ["16", "15", "3", "3"].map(String::from));
    assert_eq!(finance[9], "20%");
    assert_eq!(rows[5][..5], ["合计", "38", "35", "6", "4"].map(String::from));
    assert_eq!(rows[5][9], "11.43%");
    let reports = &sheets[4].1;
    assert_eq!(reports[1], ["单位", "上报人", "上报时间", "定稿日期", "接收时间", "所用规则"].map(String::from));
    let finance = reports.iter().find(|r| r[0] == "某市财政局").expect("某市财政局");
    assert_eq!((finance[1].as_str(), finance[3].as_str()), ("李明", "2026-01-15"));

    // The printed 汇总 (上报汇总), opened: the same tables on A4 pages, one file in the folder.
    let out = dir.path().join("打印");
    let printed =
        ok(&["print", "--doc", "上报汇总", "--year", "2025", "--db", &sum, "--out", &out.display().to_string()]);
    let file = out.join("2025年度上报汇总.html");
    assert!(printed.stdout.contains(&file.display().to_string()), "{}", printed.stdout);
    let html = std::fs::read_to_string(&file).expect("the printed 汇总");
    assert!(html.contains("<h1>2025年度考核结果汇总表（各单位上报）</h1>"));
    assert!(html.contains("<span>3个单位已上报</span>"));
    let row = |cells: &[&str]| {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| if i == 0 { format!("<td>{c}</td>") } else { format!("<td class=\"num\">{c}</td>") })
            .collect::<String>()
    };
    assert!(
        html.contains(&format!(
            "<tr>{}<td class=\"num\">20%</td>",
            row(&["某市财政局", "16", "15", "3", "3", "12", "0", "0", "1"])
        )),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<tr>{}<td class=\"num\">11.43%</td>",
            row(&["合计", "38", "35", "6", "4", "30", "1", "0", "3"])
        )),
        "{html}"
    );
    assert!(html.contains(&format!("<tr>{}</tr>", row(&["行政执法类", "0", "6", "0", "0", "0"]))), "{html}");
    assert!(html.contains("<tr><td>某市财政局</td><td>李明</td>"), "上报情况: who made the package");

    // A year the 汇总 database holds no package of: refused in words, nothing written.
    let none =
        kaohe(&["print", "--doc", "上报汇总", "--year", "2024", "--db", &sum, "--out", &out.display().to_string()]);
    assert_eq!(none.status, 1);
    assert!(
        none.stderr.contains("数据库中没有2024年度的上报文件，不能打印各单位汇总表：请先接收各单位2024年度的上报文件"),
        "{}",
        none.stderr
    );
    assert!(!out.join("2024年度上报汇总.html").exists());
}

/// The printed 汇总 as printed: rendered to PDF by Chromium (a Linux program: not run by the
/// Windows build under Wine), A4 pages with the organs' rows and the 合计 in the PDF's text, the
/// first page kept as fixtures/print/上报汇总.png.
#[test]
fn the_printed_summary_is_a4_with_every_organ() {
    let dir = tempfile::tempdir().expect("tmp");
    let files = packages(dir.path());
    let sum = dir.path().join("汇总.db").display().to_string();
    let mut args = vec!["receive".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend(["--db".into(), sum.clone(), "--by".into(), "王芳".into()]);
    ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let out = dir.path().join("打印");
    ok(&["print", "--doc", "上报汇总", "--year", "2025", "--db", &sum, "--out", &out.display().to_string()]);
    let pdf = crate::print::pdf(&out.join("2025年度上报汇总.html"));
    let (pages, size) = crate::print::info(&pdf);
    assert!(pages >= 1 && size.contains("(A4)"), "上报汇总: {pages} pages, {size}");
    // Long names may break over lines in a cell: read without the breaks.
    let text: String = crate::print::text(&pdf).split_whitespace().collect();
    for organ in ["某市财政局", "某县人力资源和社会保障局", "某县市场监督管理局", "合计", "11.43%"]
    {
        assert!(text.contains(organ), "{organ} printed: {text}");
    }
    crate::print::page_snapshot("上报汇总", &pdf);
}

#[test]
fn a_second_package_replaces_the_first_only_when_confirmed_and_both_are_kept() {
    let dir = tempfile::tempdir().expect("tmp");
    let files = packages(dir.path());
    let sum = dir.path().join("汇总.db").display().to_string();
    let first = files[0].display().to_string();
    ok(&["receive", &first, "--db", &sum, "--by", "王芳"]);
    let again = kaohe(&["receive", &first, "--db", &sum, "--by", "王芳"]);
    assert_eq!(again.status, 1);
    assert!(again.stdout.contains("已接收过某市财政局2025年度的上报文件"), "{}", again.stdout);
    let out = ok(&["receive", &first, "--db", &sum, "--by", "王芳", "--replace"]);
    assert!(out.stdout.contains("替换了此前接收的"), "{}", out.stdout);
    let store = Store::open(Path::new(&sum)).expect("db");
    let log = store.operation_log(&LogFilter { kind: Some(OperationKind::Receive), year: None }).expect("log");
    assert_eq!(log.len(), 2, "both receipts logged");
    assert_eq!(log[0].from.as_deref(), Some(first.as_str()), "the replacement names the file it replaced");
    let current = store.current_packages(2025, &["promotion.json", "people.json"]).expect("packages");
    assert_eq!(current.len(), 1, "the replaced package is no longer current");
    // Only the parts asked for, in the order asked (a 汇总 reads no package's rule profile).
    let names: Vec<&str> = current[0].parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["promotion.json", "people.json"]);
    assert!(current[0].parts[1].1.starts_with(b"["), "the people part's bytes as received");
}

#[test]
fn altered_broken_and_conflicting_packages_are_refused_or_reported() {
    let dir = tempfile::tempdir().expect("tmp");
    let files = packages(dir.path());
    let sum = dir.path().join("汇总.db").display().to_string();
    let p = package::open_file(&files[1]).expect("package");

    // A byte of a part changed after the manifest was written.
    let mut parts = p.raw.clone();
    parts[1].1.extend_from_slice(b" ");
    let altered = dir.path().join("改动过.kaohe");
    std::fs::write(&altered, package::archive(&p.manifest, &parts).expect("archive")).expect("write");
    let broken = dir.path().join("不是上报文件.kaohe");
    std::fs::write(&broken, "不是压缩包").expect("write");
    // 马秀英 of 某市财政局 also in this organ's people; its own pool's ratio at 30% with no approval.
    let borrowed = repacked(&p, "people.json", |people| {
        let mut ma = people[0].clone();
        (ma["id"], ma["name"]) = ("330102199604250242".into(), "马秀英".into());
        people.as_array_mut().expect("list").push(ma);
    });
    let conflicting = dir.path().join("冲突.kaohe");
    std::fs::write(&conflicting, borrowed).expect("write");

    let out = kaohe(&[
        "receive",
        &files[0].display().to_string(),
        &altered.display().to_string(),
        &broken.display().to_string(),
        "--db",
        &sum,
        "--by",
        "王芳",
        "--json",
    ]);
    assert_eq!(out.status, 1);
    let r = json(&out);
    let refused: Vec<&str> =
        r["refused"].as_array().expect("refused").iter().filter_map(|x| x["message"].as_str()).collect();
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(refused[0].contains("「assessment.json」与 manifest.json 中的校验值不符"), "{refused:?}");
    assert!(refused[1].contains("不是上报文件（不是 zip 格式的压缩包）"), "{refused:?}");
    assert_eq!(r["received"].as_array().map(Vec::len), Some(1), "the good one is received all the same");

    let r = json(&ok(&["receive", &conflicting.display().to_string(), "--db", &sum, "--by", "王芳", "--json"]));
    let conflicts = r["received"][0]["conflicts"].to_string();
    assert!(conflicts.contains("马秀英（330102199604250242）同时在某市财政局的上报中"), "{conflicts}");
    let s = json(&ok(&["summary", "--year", "2025", "--db", &sum, "--json"]));
    assert!(s["conflicts"].to_string().contains("马秀英（330102199604250242）同时在"), "{}", s["conflicts"]);

    // A part without a field the format needs: refused in words, with where.
    let missing = repacked(&p, "assessment.json", |a| {
        a.as_object_mut().expect("object").remove("pools");
    });
    let missing_file = dir.path().join("缺项.kaohe");
    std::fs::write(&missing_file, missing).expect("write");
    let out = kaohe(&["receive", &missing_file.display().to_string(), "--db", &sum, "--by", "王芳"]);
    assert_eq!(out.status, 1);
    assert!(out.stdout.contains("「assessment.json」第"), "{}", out.stdout);
    assert!(out.stdout.contains("缺少应有的项目，或某项的取值类型不对，不符合上报文件格式"), "{}", out.stdout);
    assert!(!out.stdout.contains("missing field"), "no English of the JSON library: {}", out.stdout);

    // A ratio above the normal one, not approved, is listed.
    let over = repacked(&p, "assessment.json", |a| {
        let pool = &mut a["pools"][1];
        (pool["ratio"], pool["ratio_source"], pool["excellent"]) = (30.0.into(), "organ".into(), 3.into());
    });
    let over_file = dir.path().join("比例.kaohe");
    std::fs::write(&over_file, over).expect("write");
    ok(&["receive", &over_file.display().to_string(), "--db", &sum, "--by", "王芳", "--replace"]);
    let s = json(&ok(&["summary", "--year", "2025", "--db", &sum, "--json"]));
    let over = s["over_ratio"].as_array().expect("over");
    assert_eq!(over.len(), 1, "{over:?}");
    assert_eq!((over[0]["organ"].as_str(), over[0]["ratio"].as_f64()), (Some("某县人力资源和社会保障局"), Some(30.0)));
}

/// A list of organs laid out as the national system's 各单位编制与人员配备表: a title over the
/// table, 机构名称 and 机构级别 merged over two header rows, sub-headers beside them, a 总计 row.
fn national_style_list(path: &Path, rows: &[(&str, &str)]) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("第1页").expect("name");
    let plain = Format::new();
    sheet.merge_range(0, 0, 0, 5, "各单位编制与人员配备表", &plain).expect("title");
    sheet.merge_range(1, 0, 2, 0, "机构名称", &plain).expect("机构名称");
    sheet.merge_range(1, 1, 2, 1, "机构级别", &plain).expect("机构级别");
    sheet.merge_range(1, 2, 1, 5, "行政编制数", &plain).expect("group");
    for (c, h) in ["编制数", "实有人数", "超配", "缺配"].iter().enumerate() {
        sheet.write_string(2, 2 + c as u16, *h).expect("sub-header");
    }
    sheet.write_string(3, 0, "总计").expect("总计");
    sheet.write_number(3, 2, 30).expect("number");
    for (i, (name, level)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        sheet.write_string(r, 0, *name).expect("name");
        sheet.write_string(r, 1, *level).expect("level");
        sheet.write_number(r, 2, 10).expect("number");
    }
    book.save(path).expect("save");
}

/// The national system's real templates hold no organ: reading one as a list says so.
#[test]
fn the_national_templates_as_they_come_list_no_organ() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("汇总.db").display().to_string();
    for name in ["各单位编制与人员配备表.xls", "各单位领导职数配备表.xls"] {
        let file = root().join("../shared/reference/national-system").join(name);
        let e = kaohe_workbook::organ_list::read_organ_list(&file, &kaohe_engine::Profile::national())
            .expect_err("no organ rows");
        assert_eq!(e.code(), "nothing_readable");
        assert_eq!(
            e.to_string(),
            "工作表「第1页」第2行有单位名称的列，但表中没有找到任何单位（空行和总计、合计行不算）；请在表头下逐行填写各单位的名称后再导入"
        );
        let out = kaohe(&["organs", "--from", &file.display().to_string(), "--db", &db, "--by", "王芳", "--json"]);
        assert_eq!(out.status, 1);
        assert_eq!(json(&out)["error"]["code"], "nothing_readable");
    }
    let roster = root().join("fixtures/sample/名册示例.toml");
    let not_a_workbook = kaohe(&["organs", "--from", &roster.display().to_string(), "--db", &db, "--by", "王芳"]);
    assert_eq!(not_a_workbook.status, 1);
    assert_eq!(ok(&["organs", "--db", &db, "--json"]).stdout.trim(), "[]", "nothing kept");
}

/// 所辖单位 without a roster: a list read in the national layout (names and levels), organs
/// added and removed by name, and the 汇总 then naming the listed organs without a package as
/// 尚未上报 and a package from an organ not listed as a conflict.
#[test]
fn the_supervised_organs_are_listed_without_a_roster() {
    let dir = tempfile::tempdir().expect("tmp");
    let files = packages(dir.path());
    let sum = dir.path().join("汇总.db").display().to_string();
    let list = dir.path().join("所辖单位.xlsx");
    national_style_list(
        &list,
        &[
            ("某市财政局", "市级"),
            ("某县人力资源和社会保障局", "县"),
            ("某市财政局", "市级"),
            ("", ""),
            ("某县财政局", "正科级"),
            ("合计", ""),
        ],
    );
    let read = kaohe_workbook::organ_list::read_organ_list(&list, &kaohe_engine::Profile::national()).expect("read");
    assert_eq!((read.sheet.as_str(), read.header_row), ("第1页", 2));
    let organs: Vec<(&str, Option<&str>, u32)> =
        read.organs.iter().map(|o| (o.name.as_str(), o.level.as_deref(), o.row)).collect();
    assert_eq!(
        organs,
        [
            ("某市财政局", Some("市(地)"), 5),
            ("某县人力资源和社会保障局", Some("县"), 6),
            ("某县财政局", Some("正科级"), 9)
        ]
    );
    assert_eq!(read.warnings.len(), 1);
    assert!(read.warnings[0]
        .message
        .starts_with("工作表「第1页」第9行 B列「机构级别」：「正科级」不是规则中的机关层级"));

    let out = ok(&["organs", "--from", &list.display().to_string(), "--db", &sum, "--by", "王芳"]);
    assert!(out.stdout.contains("读到 3 个单位"), "{}", out.stdout);
    assert!(out.stdout.contains("新增 3 个：某市财政局、某县人力资源和社会保障局、某县财政局"), "{}", out.stdout);
    assert!(out.stdout.contains("提示：工作表「第1页」第9行 B列"), "{}", out.stdout);
    let again = json(&ok(&["organs", "--from", &list.display().to_string(), "--db", &sum, "--by", "王芳", "--json"]));
    assert_eq!(
        (again["added"].as_array().map(Vec::len), again["already"].as_array().map(Vec::len)),
        (Some(0), Some(3))
    );
    ok(&["organs", "--add", "某县审计局", "某县统计局", "--level", "县级", "--db", &sum, "--by", "王芳"]);
    ok(&["organs", "--remove", "某县统计局", "--db", &sum, "--by", "王芳"]);
    let listed = json(&ok(&["organs", "--db", &sum, "--json"]));
    let shown: Vec<(String, String)> = listed
        .as_array()
        .expect("list")
        .iter()
        .map(|o| (o["name"].as_str().unwrap_or_default().into(), o["level"].as_str().unwrap_or("—").into()))
        .collect();
    let expected =
        [("某市财政局", "市(地)"), ("某县人力资源和社会保障局", "县"), ("某县财政局", "正科级"), ("某县审计局", "县")];
    assert_eq!(shown, expected.map(|(n, l)| (n.to_string(), l.to_string())));
    let unknown = kaohe(&["organs", "--remove", "某县统计局", "--db", &sum, "--by", "王芳", "--json"]);
    assert_eq!((unknown.status, json(&unknown)["error"]["code"].as_str()), (1, Some("unknown_organ")));
    let store = Store::open(Path::new(&sum)).expect("db");
    let log = store.operation_log(&LogFilter { kind: Some(OperationKind::Organs), year: None }).expect("log");
    assert_eq!(log.len(), 3, "read, added, removed; the second read changed nothing");
    assert!(log.iter().all(|e| e.by == "王芳"));
    assert_eq!(log[2].subject.as_deref(), Some(list.display().to_string().as_str()));
    drop(store);

    // Received: 某县市场监督管理局 is not listed (a conflict, received all the same).
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let mut args = vec!["receive"];
    args.extend(names.iter().map(String::as_str));
    args.extend(["--db", &sum, "--by", "王芳", "--json"]);
    let receipts = json(&ok(&args));
    let market =
        receipts["received"].as_array().expect("received").iter().find(|r| r["organ"] == ORGANS[2]).expect("received");
    assert_eq!(market["conflicts"], serde_json::json!(["某县市场监督管理局不在本单位所辖单位名单中"]));
    let s = json(&ok(&["summary", "--year", "2025", "--db", &sum, "--json"]));
    assert_eq!(s["unreported"], serde_json::json!(["某县审计局", "某县财政局"]));
    let text = ok(&["summary", "--year", "2025", "--db", &sum]).stdout;
    assert!(text.contains("尚未上报：某县审计局、某县财政局"), "{text}");
    // The list with the year: which organs have reported.
    let listed = json(&ok(&["organs", "--year", "2025", "--db", &sum, "--json"]));
    let received: Vec<(&str, bool)> = listed
        .as_array()
        .expect("list")
        .iter()
        .map(|o| (o["name"].as_str().unwrap_or_default(), o["received"].as_bool().unwrap_or_default()))
        .collect();
    assert_eq!(
        received,
        [("某市财政局", true), ("某县人力资源和社会保障局", true), ("某县财政局", false), ("某县审计局", false)]
    );
    let text = ok(&["organs", "--year", "2025", "--db", &sum]).stdout;
    assert!(text.contains("  某县财政局（正科级），2025年度未上报\n"), "{text}");
    assert!(text.contains("  某市财政局（市(地)），2025年度已上报\n"), "{text}");
    let wrong = kaohe(&["organs", "--year", "二〇二五", "--db", &sum]);
    assert_eq!(wrong.status, 1, "{}", wrong.stderr);
    assert!(wrong.stderr.contains("--year 的年度「二〇二五」无效"), "{}", wrong.stderr);

    // An organ people belong to stays on the list (the organ's own database).
    let org = dir.path().join("org.db").display().to_string();
    let held = kaohe(&["organs", "--remove", "某市财政局", "--db", &org, "--by", "王芳", "--json"]);
    assert_eq!(held.status, 1);
    let e = json(&held);
    assert_eq!(e["error"]["code"], "organ_in_use");
    assert_eq!(
        e["error"]["message"],
        "「某市财政局」有 16 名人员，不能从所辖单位名单中删除；请先在名册中把这些人员调往其他单位"
    );
}

/// A package of `file` whose promotion part holds, for `pool`, the numbers given (approved,
/// held, candidates, proposed), as the organ's database would have written them.
fn with_slots(
    file: &Path,
    pool: &str,
    (approved, held, candidates, proposed): (Option<u32>, u32, u32, u32),
) -> Vec<u8> {
    let p = package::open_file(file).expect("package");
    repacked(&p, "promotion.json", |promotion| {
        let pools = promotion["pools"].as_array_mut().expect("pools");
        pools.retain(|x| x["pool"] != pool);
        let free = approved.map(|a| a.saturating_sub(held));
        pools.push(serde_json::json!({
            "pool": pool, "approved": approved, "held": held, "free": free,
            "candidates": candidates, "proposed": proposed,
        }));
    })
}

/// 统筹职数: three organs share 5 places of a pool; they hold 1 + 2 + 0, so 2 are free, and
/// propose 1 + 2 + 0, one too many — flagged; a fourth member has not reported. An unknown pool
/// and an organ not listed are refused. The 汇总 workbook and the printed 汇总 carry the group.
#[test]
fn organs_sharing_a_pool_are_summed_against_the_groups_number() {
    const POOL: &str = "三级和四级主任科员";
    let dir = tempfile::tempdir().expect("tmp");
    let files = packages(dir.path());
    let sum = dir.path().join("汇总.db").display().to_string();
    let mut listed = vec!["organs", "--add"];
    listed.extend(ORGANS);
    listed.extend(["某县财政局", "--db", &sum, "--by", "王芳"]);
    ok(&listed);
    let numbers = [(Some(1), 1, 2, 1), (None, 2, 3, 2), (None, 0, 1, 0)];
    let mut received = vec!["receive".to_string()];
    for (i, (file, n)) in files.iter().zip(numbers).enumerate() {
        let path = dir.path().join(format!("统筹{i}.kaohe"));
        std::fs::write(&path, with_slots(file, POOL, n)).expect("write");
        received.push(path.display().to_string());
    }
    received.extend(["--db", &sum, "--by", "王芳"].map(String::from));
    ok(&received.iter().map(String::as_str).collect::<Vec<_>>());

    let members = format!("{},{},{},某县财政局", ORGANS[0], ORGANS[1], ORGANS[2]);
    let set = |pool: &str, organs: &str, source: &str| {
        kaohe(&[
            "shared-pool", "--set", "县直统筹", "--pool", pool, "--approved", "5", "--organs", organs, "--source",
            source, "--db", &sum, "--by", "王芳", "--json",
        ])
    };
    let unknown_pool = set("科员职数", &members, "某县委组织部〔2024〕3号");
    assert_eq!(unknown_pool.status, 1);
    let e = json(&unknown_pool);
    assert_eq!(e["error"]["code"], "bad_argument");
    let message = e["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("「科员职数」不是现行规则中的职数池；可选：一级和二级巡视员、一级和二级调研员、"),
        "{message}"
    );
    let unknown_organ = set(POOL, &format!("{members},某县不存在局"), "某县委组织部〔2024〕3号");
    let e = json(&unknown_organ);
    assert_eq!(
        (e["error"]["code"].as_str(), e["error"]["message"].as_str()),
        (Some("unknown_organ"), Some("所辖单位名单中没有「某县不存在局」"))
    );
    let no_source = set(POOL, &members, " ");
    assert_eq!(json(&no_source)["error"]["code"], "reason_required");
    let negative = kaohe(&[
        "shared-pool", "--set", "县直统筹", "--pool", POOL, "--approved", "-1", "--organs", &members, "--source",
        "文件", "--db", &sum, "--by", "王芳",
    ]);
    assert!(negative.stderr.contains("核定职数应为不小于0的整数，「-1」不是"), "{}", negative.stderr);
    let kept = json(&ok(&[
        "shared-pool", "--set", "县直统筹", "--pool", POOL, "--approved", "5", "--organs", &members, "--source",
        "某县委组织部〔2024〕3号", "--db", &sum, "--by", "王芳", "--json",
    ]));
    assert_eq!((kept["approved"].as_u64(), kept["by"].as_str()), (Some(5), Some("王芳")));
    let list = ok(&["shared-pool", "--list", "--db", &sum]).stdout;
    assert!(list.contains("「县直统筹」：三级和四级主任科员，核定5，成员单位 某市财政局、某县人力资源和社会保障局、某县市场监督管理局、某县财政局，本地统筹（依据：某县委组织部〔2024〕3号）"), "{list}");
    let store = Store::open(Path::new(&sum)).expect("db");
    let log = store.operation_log(&LogFilter { kind: Some(OperationKind::SharedPool), year: None }).expect("log");
    assert_eq!((log.len(), log[0].by.as_str(), log[0].reason.as_deref()), (1, "王芳", Some("某县委组织部〔2024〕3号")));
    drop(store);

    let s = json(&ok(&["summary", "--year", "2025", "--db", &sum, "--json"]));
    let g = &s["shared_slots"][0];
    let n = |k: &str| g[k].as_u64().unwrap_or(99);
    assert_eq!((n("approved"), n("held"), n("free"), n("over_held")), (5, 3, 2, 0));
    assert_eq!((n("candidates"), n("proposed"), n("over_proposed")), (6, 3, 1));
    assert_eq!(g["exceeds"], true);
    assert_eq!(g["unreported"], serde_json::json!(["某县财政局"]));
    assert_eq!(g["remarks"], serde_json::json!(["某市财政局上报的本单位核定职数（1）不计入统筹，按统筹核定职数5计算"]));
    let warning = "统筹职数「县直统筹」（三级和四级主任科员，本地统筹）拟晋升3人，超过空缺2个，超出1人";
    assert_eq!(s["warnings"], serde_json::json!([warning]));
    let finance = s["slots"]
        .as_array()
        .expect("slots")
        .iter()
        .find(|x| x["organ"] == ORGANS[0] && x["pool"] == POOL)
        .expect("kept");
    assert_eq!(
        (finance["approved"].as_u64(), finance["free"].as_u64()),
        (Some(1), Some(0)),
        "the organ's own row as it was"
    );
    let text = ok(&["summary", "--year", "2025", "--db", &sum]).stdout;
    assert!(text.contains(&format!("提示：{warning}")), "{text}");

    // The 汇总 workbook: the 统筹职数 sheet after 晋升与职数, and the warning among the 提示.
    let book = dir.path().join("汇总.xlsx");
    ok(&["summary", "--year", "2025", "--db", &sum, "--out", &book.display().to_string()]);
    let sheets = crate::sample::cells(&book);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["各单位", "按职位类别", "按层次", "晋升与职数", "统筹职数", "上报情况", "尚未上报", "提示"]);
    let rows = &sheets[4].1;
    assert_eq!(
        rows[1],
        ["名称", "职数池", "成员单位", "核定", "实有", "空缺", "符合条件", "拟晋升", "说明"].map(String::from)
    );
    assert_eq!(
        rows[2][..8],
        [
            "县直统筹",
            POOL,
            "某市财政局、某县人力资源和社会保障局、某县市场监督管理局、某县财政局",
            "5",
            "3",
            "2",
            "6",
            "3"
        ]
        .map(String::from)
    );
    assert_eq!(rows[2][8], "本地统筹（依据：某县委组织部〔2024〕3号）；拟晋升超过空缺1人；尚未上报：某县财政局；某市财政局上报的本单位核定职数（1）不计入统筹，按统筹核定职数5计算");
    assert_eq!(sheets[7].1[2], [warning.to_string()]);

    // The printed 汇总: the same table.
    let out = dir.path().join("打印");
    ok(&["print", "--doc", "上报汇总", "--year", "2025", "--db", &sum, "--out", &out.display().to_string()]);
    let html = std::fs::read_to_string(out.join("2025年度上报汇总.html")).expect("printed");
    assert!(html.contains("2025年度统筹职数（本地统筹，各成员单位合计）"), "{html}");
    assert!(
        html.contains(r#"<td class="num">5</td><td class="num">3</td><td class="num">2</td><td class="num">6</td><td class="num">3</td><td>本地统筹（依据：某县委组织部〔2024〕3号）；拟晋升超过空缺1人"#),
        "{html}"
    );
    assert!(html.contains(warning));

    // A member cannot leave the 所辖单位 list while in the group; the group removed, it can.
    let held = kaohe(&["organs", "--remove", "某县财政局", "--db", &sum, "--by", "王芳", "--json"]);
    assert_eq!(json(&held)["error"]["code"], "organ_in_use");
    ok(&["shared-pool", "--remove", "县直统筹", "--db", &sum, "--by", "王芳"]);
    ok(&["organs", "--remove", "某县财政局", "--db", &sum, "--by", "王芳"]);
    let s = json(&ok(&["summary", "--year", "2025", "--db", &sum, "--json"]));
    assert_eq!((s["shared_slots"].clone(), s["warnings"].clone()), (serde_json::json!([]), serde_json::json!([])));
}
