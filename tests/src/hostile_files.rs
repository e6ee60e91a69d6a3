//! The generators of the committed hostile files in `fixtures/hostile/` (the recipes are in its
//! `expected.toml`, `made`). `tests/it/hostile.rs` regenerates every one listed here and holds
//! the committed file to it byte for byte (`KAOHE_BLESS=1` writes them instead); the files not
//! listed are in [`WITHOUT_GENERATOR`], each with why.
//!
//! So far the text files (CSV, tab-separated, HTML, renamed text and PDF) and the workbooks of
//! plain cells (text, numbers, dates); those built from zip members by hand are still to come.

use std::io;
use std::path::Path;

/// A generator: writes its file at the path given.
pub type Generator = fn(&Path) -> io::Result<()>;

/// Every committed hostile file that has a generator here, by name.
pub const GENERATORS: [(&str, Generator); 40] = [
    ("text-renamed.xlsx", text_renamed),
    ("empty.xlsx", empty),
    ("csv-renamed.xlsx", csv_renamed),
    ("web-export.xls", web_export),
    ("roster.txt", roster_txt),
    ("pdf-renamed.xls", pdf_renamed),
    ("gbk.csv", gbk),
    ("utf8-bom.csv", utf8_bom),
    ("utf16.csv", utf16),
    ("ragged.csv", ragged),
    ("quoted-newline.csv", quoted_newline),
    ("tab-separated.csv", tab_separated),
    ("semicolon.csv", semicolon),
    ("binary-garbage.csv", binary_garbage),
    ("empty.csv", empty),
    ("xlsx-named.csv", three_people_xlsx),
    ("xlsx-renamed.xls", three_people_xlsx),
    ("no-extension", three_people_xlsx),
    ("missing-rank.xlsx", missing_rank),
    ("empty-people-sheet.xlsx", empty_people_sheet),
    ("header-only.xlsx", header_only),
    ("id-as-number.xlsx", id_as_number),
    ("duplicate-ids.xlsx", duplicate_ids),
    ("bad-check-digits.xlsx", bad_check_digits),
    ("legacy-15-digit-ids.xlsx", legacy_15_digit_ids),
    ("bad-dates.xlsx", bad_dates),
    ("ambiguous-month.xlsx", ambiguous_month),
    ("unknown-ranks.xlsx", unknown_ranks),
    ("id-15-digits-as-number.xlsx", id_15_digits_as_number),
    ("fullwidth-digits.xlsx", fullwidth_digits),
    ("header-row-15.xlsx", header_row_15),
    ("header-row-25.xlsx", header_row_25),
    ("no-people-headers.xlsx", no_people_headers),
    ("stray-cell-last-row.xlsx", stray_cell_last_row),
    ("stray-cell-last-column.xlsx", stray_cell_last_column),
    ("stray-cell-far-away.xlsx", stray_cell_far_away),
    ("date-serials-near-zero.xlsx", date_serials_near_zero),
    ("whitespace-and-case.xlsx", whitespace_and_case),
    ("many-sheets.xlsx", many_sheets),
    ("wide-header.xlsx", wide_header),
];

/// The committed hostile files without a generator yet, and why.
pub const WITHOUT_GENERATOR: [(&str, &str); 27] = [
    ("png-renamed.xlsx", "a PNG built with zlib; not yet"),
    ("docx-renamed.xlsx", "a zip built by hand; not yet"),
    ("truncated.xlsx", "a roster .xlsx cut in half; not yet"),
    ("corrupt-entry.xlsx", "a roster .xlsx with a member's compressed bytes changed; not yet"),
    ("ods-without-content.ods", "a zip built by hand; not yet"),
    ("missing-sheet-part.xlsx", "a roster .xlsx with a member removed; not yet"),
    ("encrypted.xlsx", "an OLE container built by hand; not yet"),
    ("encrypted-as-xls.xls", "encrypted.xlsx under another name; not yet"),
    ("encrypted-biff.xls", "an OLE container built by hand; not yet"),
    ("encrypted-biff-xor.xls", "an OLE container built by hand; not yet"),
    ("bomb-overlapping.xlsx", "a zip built by hand; not yet"),
    ("entity-expansion.xlsx", "a roster .xlsx with a member replaced; not yet"),
    ("malformed-sheet-xml.xlsx", "a roster .xlsx with a member cut short; not yet"),
    ("bad-shared-string-index.xlsx", "a roster .xlsx with a member edited; not yet"),
    ("bad-cell-reference.xlsx", "a roster .xlsx with a member edited; not yet"),
    ("formulas-cached.xlsx", "a workbook with cached formula results; not yet"),
    ("error-cells.xlsx", "a workbook with error cells; not yet"),
    ("date-1904-system.xlsx", "a workbook in the 1904 date system; not yet"),
    ("libreoffice.ods", "an OpenDocument zip built by hand; not yet"),
    ("hidden-rows-columns.ods", "libreoffice.ods edited; not yet"),
    ("stray-cell-far-away.ods", "libreoffice.ods edited; not yet"),
    ("hidden-rows-columns.xls", "written by Python's xlwt, which is not kept: no Rust writer of .xls"),
    ("stray-cell-far-away.xls", "written by Python's xlwt, which is not kept: no Rust writer of .xls"),
    ("fuzz-cfb-short-sector.xlsx", "found by the roster_xlsx fuzz target (cargo xtask fuzz): its generator is the fuzzer"),
    ("fuzz-cfb-fat-loop.xls", "found by the roster_xls fuzz target (cargo xtask fuzz): its generator is the fuzzer"),
    ("expected.toml", "the expectations themselves"),
    (".gitattributes", "keeps every file here byte for byte in a checkout (no line-ending conversion)"),
];

/// The header and the three people of the small text rosters (expected.toml names them).
const HEADER: [&str; 6] = ["身份证号", "姓名", "单位", "职位类别", "职级", "任现职级时间"];
const WANG: [&str; 6] = ["11010519491231002X", "王一", "甲局", "综合管理类", "二级主任科员", "2019-06-15"];

/// The three people of gbk.csv and its siblings: three ways of writing a date, 张三 in 乙局.
fn three_people() -> [[&'static str; 6]; 4] {
    [
        HEADER,
        WANG,
        ["330102198808060235", "李二", "甲局", "综合管理类", "二级主任科员", "2019.06"],
        ["330102199604250242", "张三", "乙局", "综合管理类", "一级主任科员", "2020年1月1日"],
    ]
}

/// The three people of the roster .xlsx saved under other names: all in 甲局 since 2019-06-15.
fn three_plain() -> [[&'static str; 6]; 4] {
    [
        HEADER,
        WANG,
        ["330102198808060235", "李二", "甲局", "综合管理类", "二级主任科员", "2019-06-15"],
        ["330102199604250242", "张三", "甲局", "综合管理类", "二级主任科员", "2019-06-15"],
    ]
}

/// Rows joined by `sep`, each line ending with `eol`.
fn lines(rows: &[[&str; 6]], sep: &str, eol: &str) -> String {
    rows.iter().map(|r| format!("{}{eol}", r.join(sep))).collect()
}

fn text_renamed(path: &Path) -> io::Result<()> {
    std::fs::write(path, "这其实是一个文本文件，不是 Excel 工作簿。\n身份证号,姓名\n")
}

fn empty(path: &Path) -> io::Result<()> {
    std::fs::write(path, b"")
}

fn csv_renamed(path: &Path) -> io::Result<()> {
    std::fs::write(path, lines(&[HEADER, WANG], ",", "\n"))
}

fn roster_txt(path: &Path) -> io::Result<()> {
    std::fs::write(path, lines(&[HEADER, WANG], "\t", "\n"))
}

fn web_export(path: &Path) -> io::Result<()> {
    let cells = |row: &[&str], first: &str| -> String {
        row.iter().enumerate().map(|(i, v)| if i == 0 { format!("<td{first}>{v}</td>") } else { format!("<td>{v}</td>") }).collect()
    };
    let html = format!(
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">\n\
         <head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>人员</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head>\n\
         <body><table border=\"1\">\n<tr>{}</tr>\n<tr>{}</tr>\n</table></body></html>\n",
        cells(&HEADER, ""),
        cells(&WANG, " style=\"mso-number-format:'@'\"")
    );
    std::fs::write(path, html)
}

fn pdf_renamed(path: &Path) -> io::Result<()> {
    std::fs::write(
        path,
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
         3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    )
}

fn gbk(path: &Path) -> io::Result<()> {
    let text = lines(&three_people(), ",", "\r\n");
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(path, bytes)
}

fn utf8_bom(path: &Path) -> io::Result<()> {
    std::fs::write(path, format!("\u{feff}{}", lines(&three_people(), ",", "\r\n")))
}

fn utf16(path: &Path) -> io::Result<()> {
    let text = format!("\u{feff}{}", lines(&three_people(), ",", "\r\n"));
    std::fs::write(path, text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>())
}

fn ragged(path: &Path) -> io::Result<()> {
    let text = format!(
        "{}\r\n{},多出的列,又一列\r\n330102198808060235,李二,甲局,综合管理类\r\n330102199604250242,张三,甲局,综合管理类,二级主任科员,2019-06-15\r\n",
        HEADER.join(","),
        WANG.join(",")
    );
    std::fs::write(path, text)
}

fn quoted_newline(path: &Path) -> io::Result<()> {
    let text = format!(
        "{}\r\n11010519491231002X,\"王\n一\",\"甲局\n办公室\",综合管理类,二级主任科员,2019-06-15\r\n\
         330102198808060235,\"李二\",\"甲局,二科\",综合管理类,\"二级主任科员\",2019-06-15\r\n\
         330102199604250242,\"张\"\"三\"\"\",甲局,综合管理类,二级主任科员,2019-06-15\r\n",
        HEADER.join(",")
    );
    std::fs::write(path, text)
}

fn tab_separated(path: &Path) -> io::Result<()> {
    std::fs::write(path, lines(&three_people(), "\t", "\r\n"))
}

fn semicolon(path: &Path) -> io::Result<()> {
    std::fs::write(path, lines(&three_people(), ";", "\r\n"))
}

/// 4 KiB from a fixed xorshift sequence: the same bytes on every run.
fn binary_garbage(path: &Path) -> io::Result<()> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(path, bytes)
}

/// The 3-person roster .xlsx (saved under other names by hand, or none).
fn three_people_xlsx(path: &Path) -> io::Result<()> {
    let mut book = rust_xlsxwriter::Workbook::new();
    // A fixed date in the document's properties: the same bytes on every run.
    let when = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 1, 1).map_err(io::Error::other)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&when));
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet().set_name("人员").map_err(io::Error::other)?;
    for (r, row) in three_plain().iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match (r, c) {
                (1.., 5) => {
                    let d = rust_xlsxwriter::ExcelDateTime::parse_from_str(v).map_err(io::Error::other)?;
                    sheet.write_datetime_with_format(r, c, &d, &date).map_err(io::Error::other)?;
                }
                _ => {
                    sheet.write_string(r, c, *v).map_err(io::Error::other)?;
                }
            }
        }
    }
    book.save(path).map_err(io::Error::other)
}

/// A cell of a generated workbook.
#[derive(Clone)]
enum Cell {
    /// Text.
    T(&'static str),
    /// Text made at run time.
    S(String),
    /// A number with no format.
    N(f64),
    /// A date: the serial number in the date format (43631 is 2019-06-15).
    D(f64),
}

use Cell::{D, N, S, T};

/// A sheet's cells at their zero-based row and column.
type Placed = Vec<(u32, u16, Cell)>;

/// 2019-06-15 as Excel counts days.
const JUNE_15_2019: f64 = 43631.0;

/// A workbook with `sheets` (name, rows), written with a fixed document date: the same bytes
/// on every run.
fn workbook(path: &Path, sheets: &[(&str, Vec<Vec<Cell>>)]) -> io::Result<()> {
    let placed: Vec<(&str, Placed)> = sheets
        .iter()
        .map(|(name, rows)| {
            let cells = rows.iter().enumerate().flat_map(|(r, row)| row.iter().enumerate().map(move |(c, cell)| (r as u32, c as u16, cell.clone())));
            (*name, cells.collect())
        })
        .collect();
    workbook_at(path, &placed)
}

/// A workbook with `sheets` (name, cells at their zero-based row and column), as [`workbook`].
fn workbook_at(path: &Path, sheets: &[(&str, Placed)]) -> io::Result<()> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let when = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 1, 1).map_err(io::Error::other)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&when));
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet().set_name(*name).map_err(io::Error::other)?;
        for (r, c, cell) in rows {
            let (r, c) = (*r, *c);
            match cell {
                T(text) => sheet.write_string(r, c, *text).map(drop),
                S(text) => sheet.write_string(r, c, text).map(drop),
                N(n) => sheet.write_number(r, c, *n).map(drop),
                D(serial) => sheet.write_number_with_format(r, c, *serial, &date).map(drop),
            }
            .map_err(io::Error::other)?;
        }
    }
    book.save(path).map_err(io::Error::other)
}

/// The six headers every small roster has.
fn header() -> Vec<Cell> {
    HEADER.iter().map(|h| T(h)).collect()
}

/// A person of 甲局, 综合管理类, with `rank` and `since` as given.
fn person(id: Cell, name: &'static str, rank: &'static str, since: Cell) -> Vec<Cell> {
    vec![id, T(name), T("甲局"), T("综合管理类"), T(rank), since]
}

fn wang() -> Vec<Cell> {
    person(T("11010519491231002X"), "王一", "二级主任科员", D(JUNE_15_2019))
}

/// 王一 then `others`, on a sheet 人员 under the six headers.
fn roster(path: &Path, others: Vec<Vec<Cell>>) -> io::Result<()> {
    workbook(path, &[("人员", [vec![header(), wang()], others].concat())])
}

fn missing_rank(path: &Path) -> io::Result<()> {
    let row = |id, name| vec![T(id), T(name), T("甲局"), T("综合管理类"), D(JUNE_15_2019)];
    let headers = ["身份证号", "姓名", "单位", "职位类别", "任现职级时间"].iter().map(|h| T(h)).collect();
    workbook(path, &[("人员", vec![headers, row("11010519491231002X", "王一"), row("330102198808060235", "李二"), row("330102199604250242", "张三")])])
}

fn empty_people_sheet(path: &Path) -> io::Result<()> {
    workbook(path, &[("人员", vec![]), ("单位", vec![vec![T("单位名称"), T("机关层级")], vec![T("甲局"), T("县")]])])
}

fn header_only(path: &Path) -> io::Result<()> {
    workbook(path, &[("人员", vec![header()])])
}

fn id_as_number(path: &Path) -> io::Result<()> {
    roster(
        path,
        vec![person(N(3.30102199001011e17), "李二", "二级主任科员", D(JUNE_15_2019)), person(N(110105194912310021.0), "赵六", "二级主任科员", D(JUNE_15_2019))],
    )
}

fn duplicate_ids(path: &Path) -> io::Result<()> {
    roster(
        path,
        vec![
            person(T("330102198808060235"), "李二", "二级主任科员", D(JUNE_15_2019)),
            vec![T("11010519491231002x"), T("王一（重复）"), T("乙局"), T("综合管理类"), T("一级主任科员"), D(43831.0)],
            person(T(" 330102198808060235 "), "李二", "二级主任科员", D(JUNE_15_2019)),
        ],
    )
}

fn bad_check_digits(path: &Path) -> io::Result<()> {
    let rows = vec![
        header(),
        person(T("330102198808060235"), "李二", "二级主任科员", D(JUNE_15_2019)),
        person(T("110105194912310021"), "王一", "二级主任科员", D(JUNE_15_2019)),
        person(T("110105199002301234"), "周七", "二级主任科员", D(JUNE_15_2019)),
        person(T("11010519491231002"), "吴八", "二级主任科员", D(JUNE_15_2019)),
    ];
    workbook(path, &[("人员", rows)])
}

fn legacy_15_digit_ids(path: &Path) -> io::Result<()> {
    roster(
        path,
        vec![person(T("330102880806023"), "李二", "二级主任科员", D(JUNE_15_2019)), person(T("  330102960425024 "), "张三", "二级主任科员", D(JUNE_15_2019))],
    )
}

fn bad_dates(path: &Path) -> io::Result<()> {
    roster(
        path,
        vec![
            person(T("330102198808060235"), "李二", "二级主任科员", T("2019.13")),
            person(T("330102199604250242"), "张三", "二级主任科员", T("2019-02-30")),
            person(T("44030519850312001X"), "赵四", "二级主任科员", T("三月")),
            person(T("51010719900101123X"), "钱五", "二级主任科员", N(0.0)),
            person(T("110105198001010016"), "孙六", "二级主任科员", N(-43631.0)),
        ],
    )
}

fn ambiguous_month(path: &Path) -> io::Result<()> {
    let rows = vec![
        header(),
        person(T("11010519491231002X"), "王一", "二级主任科员", N(2019.06)),
        person(T("330102198808060235"), "李二", "二级主任科员", N(2019.1)),
        person(T("330102199604250242"), "张三", "二级主任科员", N(2019.12)),
        person(T("44030519850312001X"), "赵四", "二级主任科员", N(2019.0)),
    ];
    workbook(path, &[("人员", rows)])
}

fn unknown_ranks(path: &Path) -> io::Result<()> {
    roster(
        path,
        vec![
            person(T("330102198808060235"), "李二", "科长", D(JUNE_15_2019)),
            person(T("330102199604250242"), "张三", "一级主管", D(JUNE_15_2019)),
            vec![T("44030519850312001X"), T("赵四"), T("甲局"), T("工勤"), T("二级主任科员"), D(JUNE_15_2019)],
            person(T("51010719900101123X"), "钱五", "科员（一级）", D(JUNE_15_2019)),
        ],
    )
}

fn id_15_digits_as_number(path: &Path) -> io::Result<()> {
    roster(path, vec![person(N(330102880806023.0), "李二", "二级主任科员", D(JUNE_15_2019))])
}

fn fullwidth_digits(path: &Path) -> io::Result<()> {
    roster(
        path,
        vec![
            person(T("３３０１０２１９８８０８０６０２３５"), "李二", "二级主任科员", D(JUNE_15_2019)),
            person(T("330102199604250242"), "张三", "二级主任科员", T("２０１９年６月")),
        ],
    )
}

/// The three people of 甲局 since 2019-06-15 under the six headers, from zero-based `row` on.
fn plain_roster_at(row: u32) -> Placed {
    let rows = [
        header(),
        wang(),
        person(T("330102198808060235"), "李二", "二级主任科员", D(JUNE_15_2019)),
        person(T("330102199604250242"), "张三", "二级主任科员", D(JUNE_15_2019)),
    ];
    rows.into_iter().enumerate().flat_map(|(r, cells)| cells.into_iter().enumerate().map(move |(c, cell)| (row + r as u32, c as u16, cell))).collect()
}

const TITLE: &str = "某某县2025年度公务员职级晋升名册";

fn header_row_15(path: &Path) -> io::Result<()> {
    let mut cells = vec![(0, 0, T(TITLE))];
    cells.extend([3u32, 6, 9, 12].map(|r| (r - 1, 0, S(format!("（说明第{r}行）")))));
    cells.extend([(14, 0, T("填报单位：某某县人力资源和社会保障局")), (14, 4, T("日期：2025年12月"))]);
    cells.extend(plain_roster_at(15));
    workbook_at(path, &[("人员", cells)])
}

fn header_row_25(path: &Path) -> io::Result<()> {
    let mut cells = vec![(0, 0, T(TITLE))];
    cells.extend((2u32..=24).map(|r| (r - 1, 0, S(format!("（说明第{r}行）")))));
    cells.extend(plain_roster_at(24));
    workbook_at(path, &[("人员", cells)])
}

fn no_people_headers(path: &Path) -> io::Result<()> {
    workbook(
        path,
        &[("Sheet1", vec![vec![T("序号"), T("项目"), T("金额")], vec![N(1.0), T("办公用品"), N(320.5)]]), ("Sheet2", vec![vec![T("备注")], vec![T("无")]])],
    )
}

/// The plain roster and an "x" at zero-based (`row`, `column`).
fn with_stray(path: &Path, row: u32, column: u16) -> io::Result<()> {
    let mut cells = plain_roster_at(0);
    cells.push((row, column, T("x")));
    workbook_at(path, &[("人员", cells)])
}

fn stray_cell_last_row(path: &Path) -> io::Result<()> {
    with_stray(path, 1_048_575, 0)
}

fn stray_cell_last_column(path: &Path) -> io::Result<()> {
    with_stray(path, 0, 16_383)
}

fn stray_cell_far_away(path: &Path) -> io::Result<()> {
    with_stray(path, 1_048_575, 16_383)
}

fn date_serials_near_zero(path: &Path) -> io::Result<()> {
    let rows = vec![
        header(),
        person(T("11010519491231002X"), "王一", "二级主任科员", D(0.0)),
        person(T("330102198808060235"), "李二", "二级主任科员", D(1.0)),
        person(T("330102199604250242"), "张三", "二级主任科员", D(60.0)),
        person(T("44030519850312001X"), "赵四", "二级主任科员", D(-1.0)),
    ];
    workbook(path, &[("人员", rows)])
}

fn whitespace_and_case(path: &Path) -> io::Result<()> {
    let rows = [
        vec![T(" 身份证号 "), T("姓\u{3000}名"), T("单 位"), T("职位\n类别"), T("*职级"), T("任现职级时间（年月）")],
        vec![T("11010519491231002x"), T(" 王 一 "), T(" 甲局 "), T("综合管理"), T(" 二级主任科员 "), T("2019年6月15日")],
        vec![],
        vec![T("填表人：张三"), T(""), T(""), T("审核人：李四")],
        person(T("330102198808060235"), "李二", "二级主任科员", D(JUNE_15_2019)),
    ];
    // The blank cells of the 填表人 row are not written.
    let placed: Placed = rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| row.iter().enumerate().filter(|(_, c)| !matches!(c, T(""))).map(move |(c, cell)| (r as u32, c as u16, cell.clone())))
        .collect();
    workbook_at(path, &[("人员", placed)])
}

fn many_sheets(path: &Path) -> io::Result<()> {
    let mut sheets: Vec<(String, Placed)> = (1..=199).map(|n| (format!("Sheet{n}"), vec![(0, 0, T("备注")), (1, 0, S(format!("第{n}页")))])).collect();
    sheets.push(("2025年花名册".to_string(), plain_roster_at(0)));
    let sheets: Vec<(&str, Placed)> = sheets.iter().map(|(n, c)| (n.as_str(), c.clone())).collect();
    workbook_at(path, &sheets)
}

fn wide_header(path: &Path) -> io::Result<()> {
    let mut cells = plain_roster_at(0);
    cells.extend((0..16_000u16).map(|i| (0, 6 + i, S(format!("备用{i}")))));
    workbook_at(path, &[("人员", cells)])
}
