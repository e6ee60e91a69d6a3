//! The generators of the committed hostile files in `fixtures/hostile/` (the recipes are in its
//! `expected.toml`, `made`). `tests/it/hostile.rs` regenerates every one listed here and holds
//! the committed file to it byte for byte, a zip member for member (`KAOHE_BLESS=1` writes them
//! instead); the files not listed are in [`WITHOUT_GENERATOR`], each with why.
//!
//! They are the text files (CSV, tab-separated, HTML, renamed text and PDF), the workbooks of
//! plain cells (text, numbers, dates, written with rust_xlsxwriter), and the .xlsx files built
//! member by member: the small shared-string workbooks a Python script first wrote (formulas,
//! error cells, the 1904 date system) and those cut, damaged, edited or padded into a zip bomb,
//! and a Word document. Their zips are laid out as Python's zipfile lays them out, deflated by
//! miniz_oxide rather than zlib: a stored or readable zip matches the committed one byte for
//! byte or member for member; truncated.xlsx, corrupt-entry.xlsx and bomb-overlapping.xlsx, whose
//! compressed bytes count, were rewritten by these generators. The OpenDocument files are
//! zips written the same way, their content.xml by hand. The encrypted workbooks are OLE
//! compound files laid out by hand as the first ones were, their random bytes now a fixed
//! xorshift sequence, and png-renamed.xlsx a PNG deflated by miniz_oxide: those were rewritten
//! by their generators too. Only the .xls files Python's xlwt wrote and the two inputs fuzzing
//! found have no generator here.

use std::io;
use std::path::Path;

/// A generator: writes its file at the path given.
pub type Generator = fn(&Path) -> io::Result<()>;

/// Every committed hostile file that has a generator here, by name.
pub const GENERATORS: [(&str, Generator); 61] = [
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
    ("truncated.xlsx", truncated),
    ("corrupt-entry.xlsx", corrupt_entry),
    ("missing-sheet-part.xlsx", missing_sheet_part),
    ("malformed-sheet-xml.xlsx", malformed_sheet_xml),
    ("bad-shared-string-index.xlsx", bad_shared_string_index),
    ("bad-cell-reference.xlsx", bad_cell_reference),
    ("entity-expansion.xlsx", entity_expansion),
    ("docx-renamed.xlsx", docx_renamed),
    ("bomb-overlapping.xlsx", bomb_overlapping),
    ("formulas-cached.xlsx", formulas_cached),
    ("error-cells.xlsx", error_cells),
    ("date-1904-system.xlsx", date_1904_system),
    ("libreoffice.ods", libreoffice),
    ("hidden-rows-columns.ods", hidden_rows_columns_ods),
    ("stray-cell-far-away.ods", stray_cell_far_away_ods),
    ("ods-without-content.ods", ods_without_content),
    ("encrypted.xlsx", encrypted_xlsx),
    ("encrypted-as-xls.xls", encrypted_xlsx),
    ("encrypted-biff.xls", encrypted_biff),
    ("encrypted-biff-xor.xls", encrypted_biff_xor),
    ("png-renamed.xlsx", png_renamed),
];

/// The committed hostile files without a generator yet, and why.
pub const WITHOUT_GENERATOR: [(&str, &str); 6] = [
    ("hidden-rows-columns.xls", "written by Python's xlwt, which is not kept: no Rust writer of .xls"),
    ("stray-cell-far-away.xls", "written by Python's xlwt, which is not kept: no Rust writer of .xls"),
    (
        "fuzz-cfb-short-sector.xlsx",
        "found by the roster_xlsx fuzz target (cargo xtask fuzz): its generator is the fuzzer",
    ),
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
        row.iter()
            .enumerate()
            .map(|(i, v)| if i == 0 { format!("<td{first}>{v}</td>") } else { format!("<td>{v}</td>") })
            .collect()
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

/// `n` random-looking bytes from a fixed xorshift sequence started at `seed`: the same bytes on
/// every run.
fn noise(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// 4 KiB from a fixed xorshift sequence: the same bytes on every run.
fn binary_garbage(path: &Path) -> io::Result<()> {
    std::fs::write(path, noise(0x9E37_79B9_7F4A_7C15, 4096))
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
            let cells = rows
                .iter()
                .enumerate()
                .flat_map(|(r, row)| row.iter().enumerate().map(move |(c, cell)| (r as u32, c as u16, cell.clone())));
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
    workbook(
        path,
        &[(
            "人员",
            vec![
                headers,
                row("11010519491231002X", "王一"),
                row("330102198808060235", "李二"),
                row("330102199604250242", "张三"),
            ],
        )],
    )
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
        vec![
            person(N(3.30102199001011e17), "李二", "二级主任科员", D(JUNE_15_2019)),
            person(N(110105194912310021.0), "赵六", "二级主任科员", D(JUNE_15_2019)),
        ],
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
        vec![
            person(T("330102880806023"), "李二", "二级主任科员", D(JUNE_15_2019)),
            person(T("  330102960425024 "), "张三", "二级主任科员", D(JUNE_15_2019)),
        ],
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
    rows.into_iter()
        .enumerate()
        .flat_map(|(r, cells)| cells.into_iter().enumerate().map(move |(c, cell)| (row + r as u32, c as u16, cell)))
        .collect()
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
        &[
            ("Sheet1", vec![vec![T("序号"), T("项目"), T("金额")], vec![N(1.0), T("办公用品"), N(320.5)]]),
            ("Sheet2", vec![vec![T("备注")], vec![T("无")]]),
        ],
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
        vec![
            T("11010519491231002x"),
            T(" 王 一 "),
            T(" 甲局 "),
            T("综合管理"),
            T(" 二级主任科员 "),
            T("2019年6月15日"),
        ],
        vec![],
        vec![T("填表人：张三"), T(""), T(""), T("审核人：李四")],
        person(T("330102198808060235"), "李二", "二级主任科员", D(JUNE_15_2019)),
    ];
    // The blank cells of the 填表人 row are not written.
    let placed: Placed = rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter()
                .enumerate()
                .filter(|(_, c)| !matches!(c, T("")))
                .map(move |(c, cell)| (r as u32, c as u16, cell.clone()))
        })
        .collect();
    workbook_at(path, &[("人员", placed)])
}

fn many_sheets(path: &Path) -> io::Result<()> {
    let mut sheets: Vec<(String, Placed)> =
        (1..=199).map(|n| (format!("Sheet{n}"), vec![(0, 0, T("备注")), (1, 0, S(format!("第{n}页")))])).collect();
    sheets.push(("2025年花名册".to_string(), plain_roster_at(0)));
    let sheets: Vec<(&str, Placed)> = sheets.iter().map(|(n, c)| (n.as_str(), c.clone())).collect();
    workbook_at(path, &sheets)
}

fn wide_header(path: &Path) -> io::Result<()> {
    let mut cells = plain_roster_at(0);
    cells.extend((0..16_000u16).map(|i| (0, 6 + i, S(format!("备用{i}")))));
    workbook_at(path, &[("人员", cells)])
}

// ── Zip files built member by member ─────────────────────────────────────────────────────

/// A member of a zip file: its name and its (unpacked) bytes.
type Member = (String, Vec<u8>);

/// A member as it goes into a zip: method (0 stored, 8 deflated), CRC and size of the unpacked
/// bytes, and the bytes as written.
struct Packed {
    name: String,
    method: u16,
    crc: u32,
    size: u32,
    data: Vec<u8>,
}

/// `members` ready for a zip: deflated (miniz_oxide, level 6) when `deflated`, except
/// `mimetype`, which OpenDocument wants stored; otherwise stored.
fn pack(members: &[Member], deflated: bool) -> io::Result<Vec<Packed>> {
    members
        .iter()
        .map(|(name, bytes)| {
            let deflate = deflated && name != "mimetype";
            Ok(Packed {
                name: name.clone(),
                method: if deflate { 8 } else { 0 },
                crc: crc32fast::hash(bytes),
                size: u32::try_from(bytes.len()).map_err(|_| io::Error::other("member too large"))?,
                data: if deflate { miniz_oxide::deflate::compress_to_vec(bytes, 6) } else { bytes.clone() },
            })
        })
        .collect()
}

/// The bytes of a zip file of `packed` in order, laid out as Python's zipfile writes one (no
/// extra fields, dated 2025-01-01 00:00, Unix permissions 0600), so the same on every system.
/// `aliases` are more names in the central directory for the member at the given index: the
/// same local header, the same data.
fn zip_of(packed: &[Packed], aliases: &[(String, usize)]) -> io::Result<Vec<u8>> {
    let too_large = || io::Error::other("zip too large");
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for p in packed {
        offsets.push(u32::try_from(out.len()).map_err(|_| too_large())?);
        out.extend(local_or_central(p, None));
        out.extend(&p.data);
    }
    let start = u32::try_from(out.len()).map_err(|_| too_large())?;
    let listed: Vec<(&str, usize)> = packed
        .iter()
        .enumerate()
        .map(|(i, p)| (p.name.as_str(), i))
        .chain(aliases.iter().map(|(n, i)| (n.as_str(), *i)))
        .collect();
    for (name, i) in &listed {
        let p = packed.get(*i).ok_or_else(|| io::Error::other("alias of no member"))?;
        out.extend(local_or_central(
            &Packed { name: name.to_string(), method: p.method, crc: p.crc, size: p.size, data: Vec::new() },
            Some((offsets[*i], p.data.len())),
        ));
    }
    let central = u32::try_from(out.len()).map_err(|_| too_large())? - start;
    let count = u16::try_from(listed.len()).map_err(|_| too_large())?;
    out.extend(0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend(v.to_le_bytes());
    }
    for v in [central, start] {
        out.extend(v.to_le_bytes());
    }
    out.extend(0u16.to_le_bytes());
    Ok(out)
}

/// The local header of `p` (`central` None; its data's length is `p.data`'s) or its central
/// directory entry (`central` is its local header's offset and its data's length).
fn local_or_central(p: &Packed, central: Option<(u32, usize)>) -> Vec<u8> {
    let name = p.name.as_bytes();
    // Bit 11: the name is UTF-8 (Python sets it for names that are not ASCII only).
    let flags: u16 = if p.name.is_ascii() { 0 } else { 0x800 };
    let (time, date) = (0u16, 0x5A21u16);
    let compressed = central.map_or(p.data.len(), |(_, len)| len) as u32;
    let mut h = Vec::new();
    match central {
        None => {
            h.extend(0x0403_4b50u32.to_le_bytes());
            h.extend(20u16.to_le_bytes());
        }
        // Made by version 2.0 on Unix (3), needs 2.0.
        Some(_) => {
            h.extend(0x0201_4b50u32.to_le_bytes());
            h.extend(0x0314u16.to_le_bytes());
            h.extend(20u16.to_le_bytes());
        }
    }
    for v in [flags, p.method, time, date] {
        h.extend(v.to_le_bytes());
    }
    for v in [p.crc, compressed, p.size] {
        h.extend(v.to_le_bytes());
    }
    h.extend((name.len() as u16).to_le_bytes());
    h.extend(0u16.to_le_bytes());
    if let Some((offset, _)) = central {
        // Comment length, disk, internal attributes; external attributes (-rw-------); offset.
        for v in [0u16, 0, 0] {
            h.extend(v.to_le_bytes());
        }
        h.extend((0o600u32 << 16).to_le_bytes());
        h.extend(offset.to_le_bytes());
    }
    h.extend(name);
    h
}

/// A zip file of `members`, as [`pack`] and [`zip_of`] make it.
fn zip(members: &[Member], deflated: bool) -> io::Result<Vec<u8>> {
    zip_of(&pack(members, deflated)?, &[])
}

/// A member from a name and text.
fn member(name: &str, text: impl Into<Vec<u8>>) -> Member {
    (name.to_string(), text.into())
}

// ── The small .xlsx writer: shared strings, a date style, formulas ───────────────────────
//
// The workbooks below were first written by a ~60-line Python script (not kept); these
// functions write the same members, byte for byte.

/// A cell of a small .xlsx.
enum X<'a> {
    /// Text, in the shared strings.
    Text(&'a str),
    /// A shared string by its index, whatever the table holds.
    Index(u32),
    /// A number in the date style.
    Date(u32),
    /// A formula (unescaped) and its cached text result.
    TextFormula(&'static str, &'static str),
    /// A formula and its cached number, in the date style.
    DateFormula(&'static str, u32),
    /// An error value (`t="e"`), e.g. `#REF!`.
    Error(&'static str),
}

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const SHEET_PATH: &str = "xl/worksheets/sheet1.xml";
const STRINGS_PATH: &str = "xl/sharedStrings.xml";

/// `&`, `<` and `>` escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The members of a one-sheet workbook (sheet 人员) holding `rows` from A1 on, its text in a
/// shared-string table (in the order it first appears); `date1904` sets the 1904 date system.
fn small_xlsx(rows: &[Vec<X<'_>>], date1904: bool) -> Vec<Member> {
    let mut strings: Vec<&str> = Vec::new();
    let mut sheet = format!("{XML_DECLARATION}<worksheet xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><sheetData>");
    for (r, row) in rows.iter().enumerate() {
        let r = r + 1;
        sheet.push_str(&format!("<row r=\"{r}\">"));
        for (c, cell) in ('A'..).zip(row) {
            let at = format!("r=\"{c}{r}\"");
            sheet.push_str(&match cell {
                X::Text(text) => {
                    let i = strings.iter().position(|s| s == text).unwrap_or_else(|| {
                        strings.push(text);
                        strings.len() - 1
                    });
                    format!("<c {at} t=\"s\"><v>{i}</v></c>")
                }
                X::Index(i) => format!("<c {at} t=\"s\"><v>{i}</v></c>"),
                X::Date(n) => format!("<c {at} s=\"1\"><v>{n}</v></c>"),
                X::TextFormula(f, v) => format!("<c {at} t=\"str\"><f>{}</f><v>{}</v></c>", escape(f), escape(v)),
                X::DateFormula(f, n) => format!("<c {at} s=\"1\"><f>{}</f><v>{n}</v></c>", escape(f)),
                X::Error(e) => format!("<c {at} t=\"e\"><v>{e}</v></c>"),
            });
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let n = strings.len();
    let table: String =
        strings.iter().map(|s| format!("<si><t xml:space=\"preserve\">{}</t></si>", escape(s))).collect();
    let type_of = |part: &str, kind: &str| {
        format!("<Override PartName=\"/xl/{part}\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.{kind}+xml\"/>")
    };
    let rel = |id: u8, kind: &str, target: &str| {
        format!("<Relationship Id=\"rId{id}\" Type=\"{REL_NS}/{kind}\" Target=\"{target}\"/>")
    };
    vec![
        member(
            "[Content_Types].xml",
            format!(
                "{XML_DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>{}{}{}{}</Types>",
                type_of("workbook.xml", "sheet.main"),
                type_of("styles.xml", "styles"),
                type_of("sharedStrings.xml", "sharedStrings"),
                type_of("worksheets/sheet1.xml", "worksheet")
            ),
        ),
        member("_rels/.rels", format!("{XML_DECLARATION}<Relationships xmlns=\"{PACKAGE_REL_NS}\">{}</Relationships>", rel(1, "officeDocument", "xl/workbook.xml"))),
        member(
            "xl/workbook.xml",
            format!(
                "{XML_DECLARATION}<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><workbookPr{}/><sheets><sheet name=\"人员\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
                if date1904 { " date1904=\"1\"" } else { "" }
            ),
        ),
        member(
            "xl/_rels/workbook.xml.rels",
            format!(
                "{XML_DECLARATION}<Relationships xmlns=\"{PACKAGE_REL_NS}\">{}{}{}</Relationships>",
                rel(1, "worksheet", "worksheets/sheet1.xml"),
                rel(2, "styles", "styles.xml"),
                rel(3, "sharedStrings", "sharedStrings.xml")
            ),
        ),
        member(
            "xl/styles.xml",
            format!(
                "{XML_DECLARATION}<styleSheet xmlns=\"{MAIN_NS}\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"宋体\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"
            ),
        ),
        member(STRINGS_PATH, format!("{XML_DECLARATION}<sst xmlns=\"{MAIN_NS}\" count=\"{n}\" uniqueCount=\"{n}\">{table}</sst>")),
        member(SHEET_PATH, sheet),
    ]
}

/// The six headers, as cells of a small .xlsx.
fn small_header() -> Vec<X<'static>> {
    HEADER.iter().map(|h| X::Text(h)).collect()
}

/// A person of 甲局, 综合管理类, 二级主任科员 since 2019-06-15, as cells of a small .xlsx.
fn small_person<'a>(id: &'a str, name: &'a str) -> Vec<X<'a>> {
    vec![X::Text(id), X::Text(name), X::Text("甲局"), X::Text("综合管理类"), X::Text("二级主任科员"), X::Date(43631)]
}

/// The 3-person roster (王一, 李二, 张三) as a small .xlsx, header and people.
fn small_roster_rows() -> Vec<Vec<X<'static>>> {
    vec![
        small_header(),
        small_person("11010519491231002X", "王一"),
        small_person("330102198808060235", "李二"),
        small_person("330102199604250242", "张三"),
    ]
}

/// The members of the 3-person roster as a small .xlsx.
fn small_roster() -> Vec<Member> {
    small_xlsx(&small_roster_rows(), false)
}

/// `members` with the one named `name` replaced by what `edit` makes of its bytes, or removed
/// when `edit` gives `None`.
fn edited(members: Vec<Member>, name: &str, edit: impl FnOnce(&[u8]) -> Option<Vec<u8>>) -> Vec<Member> {
    let mut edit = Some(edit);
    members
        .into_iter()
        .filter_map(
            |(n, bytes)| if n == name { edit.take().and_then(|e| e(&bytes)).map(|b| (n, b)) } else { Some((n, bytes)) },
        )
        .collect()
}

/// `bytes` (UTF-8 text) with the first `from` replaced by `to`.
fn replace_bytes(bytes: &[u8], from: &str, to: &str) -> Option<Vec<u8>> {
    Some(String::from_utf8_lossy(bytes).replacen(from, to, 1).into_bytes())
}

/// The first half (by bytes) of a 40-person roster .xlsx (人员0…人员39, born 1970…2009): the
/// local headers of the first members and no central directory. Tests that a download cut
/// short is named as one (文件不完整或已损坏).
fn truncated(path: &Path) -> io::Result<()> {
    let people = (0..40usize)
        .map(|i| {
            let first17 = format!("110105{:04}{:02}{:02}{}", 1970 + i, i % 9 + 1, 10 + i % 10, 100 + i);
            let check =
                kaohe_engine::id_number::check_digit(&first17).ok_or_else(|| io::Error::other("no check digit"))?;
            Ok((format!("{first17}{check}"), format!("人员{i}")))
        })
        .collect::<io::Result<Vec<(String, String)>>>()?;
    let rows: Vec<Vec<X>> =
        std::iter::once(small_header()).chain(people.iter().map(|(id, name)| small_person(id, name))).collect();
    let whole = zip(&small_xlsx(&rows, false), true)?;
    std::fs::write(path, &whole[..whole.len() / 2])
}

/// The 3-person roster .xlsx whose sheet1.xml compressed bytes, all but the first and last two,
/// are XORed with 0x5A (its CRC and sizes unchanged): the zip opens, the sheet does not unpack.
/// Tests that a damaged member names its sheet (工作表「人员」无法读取).
fn corrupt_entry(path: &Path) -> io::Result<()> {
    let mut packed = pack(&small_roster(), true)?;
    for p in packed.iter_mut().filter(|p| p.name == SHEET_PATH) {
        let n = p.data.len();
        for b in &mut p.data[2..n.saturating_sub(2)] {
            *b ^= 0x5A;
        }
    }
    std::fs::write(path, zip_of(&packed, &[])?)
}

/// The 3-person roster .xlsx without its xl/worksheets/sheet1.xml (workbook.xml and its rels
/// still name it), every member stored. Tests that a missing sheet part names its sheet.
fn missing_sheet_part(path: &Path) -> io::Result<()> {
    std::fs::write(path, zip(&edited(small_roster(), SHEET_PATH, |_| None), false)?)
}

/// The 3-person roster .xlsx whose sheet1.xml lost its last 40 characters (unclosed
/// elements). Tests that malformed XML names its sheet rather than reading what came before.
fn malformed_sheet_xml(path: &Path) -> io::Result<()> {
    let cut = edited(small_roster(), SHEET_PATH, |b| Some(b[..b.len().saturating_sub(40)].to_vec()));
    std::fs::write(path, zip(&cut, true)?)
}

/// The 3-person roster .xlsx plus a row (赵四) whose ID cell is the shared string 9999, past the
/// end of the table. Tests that a dangling index is refused, not read as blank or panicked on.
fn bad_shared_string_index(path: &Path) -> io::Result<()> {
    let mut rows = small_roster_rows();
    rows.push(vec![
        X::Index(9999),
        X::Text("赵四"),
        X::Text("甲局"),
        X::Text("综合管理类"),
        X::Text("二级主任科员"),
        X::Date(43631),
    ]);
    std::fs::write(path, zip(&small_xlsx(&rows, false), true)?)
}

/// The 3-person roster .xlsx whose cell reference A2 is written A0 (there is no row 0). Tests
/// that an impossible reference is refused.
fn bad_cell_reference(path: &Path) -> io::Result<()> {
    let edited = edited(small_roster(), SHEET_PATH, |b| replace_bytes(b, "r=\"A2\"", "r=\"A0\""));
    std::fs::write(path, zip(&edited, true)?)
}

/// A 2-person roster .xlsx (members stored) whose sharedStrings.xml has a DOCTYPE of nested
/// entities (&j; is 10^9 × 哈哈哈哈哈哈哈哈哈哈) and an external one (file:///etc/passwd),
/// used in 王一's 姓名 and 单位; the rest is inline strings. Tests that a DOCTYPE is refused and
/// nothing is expanded or fetched (the billion laughs, XXE).
fn entity_expansion(path: &Path) -> io::Result<()> {
    let mut doctype = String::from("<!ENTITY a \"哈哈哈哈哈哈哈哈哈哈\">");
    for (e, prev) in ('b'..='j').zip('a'..) {
        doctype.push_str(&format!("<!ENTITY {e} \"{}\">", format!("&{prev};").repeat(10)));
    }
    let strings = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE sst [{doctype}<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sst xmlns=\"{MAIN_NS}\" count=\"2\" uniqueCount=\"2\"><si><t>&j;</t></si><si><t>&x;</t></si></sst>"
    );
    let inline = |r: u32, c: char, t: &str| format!("<c r=\"{c}{r}\" t=\"inlineStr\"><is><t>{t}</t></is></c>");
    let shared = |r: u32, c: char, i: u32| format!("<c r=\"{c}{r}\" t=\"s\"><v>{i}</v></c>");
    let row =
        |r: u32, cells: [String; 5]| format!("<row r=\"{r}\">{}<c r=\"F{r}\"><v>43631</v></c></row>", cells.concat());
    let header: String = ('A'..).zip(HEADER).map(|(c, h)| inline(1, c, h)).collect();
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{MAIN_NS}\"><sheetData><row r=\"1\">{header}</row>{}{}</sheetData></worksheet>",
        row(2, [inline(2, 'A', "11010519491231002X"), shared(2, 'B', 0), shared(2, 'C', 1), inline(2, 'D', "综合管理类"), inline(2, 'E', "二级主任科员")]),
        row(
            3,
            [
                inline(3, 'A', "330102198808060235"),
                inline(3, 'B', "李二"),
                inline(3, 'C', "甲局"),
                inline(3, 'D', "综合管理类"),
                inline(3, 'E', "二级主任科员")
            ]
        ),
    );
    let members = edited(edited(small_roster(), STRINGS_PATH, |_| Some(strings.into_bytes())), SHEET_PATH, |_| {
        Some(sheet.into_bytes())
    });
    std::fs::write(path, zip(&members, false)?)
}

/// The 3-person roster .xlsx whose sheet1.xml is 1 MiB of spaces inside `<sheetData>`, and a
/// central directory that lists that member 1,100 times (1,099 more names xl/media/xNNNNN.bin
/// at the same offset): about 75 KB declaring 1,100 MiB. Tests that the declared sizes of all
/// the entries are added up before anything is unpacked (文件解压后约 1100 MB).
fn bomb_overlapping(path: &Path) -> io::Result<()> {
    let sheet = format!(
        "{XML_DECLARATION}<worksheet xmlns=\"{MAIN_NS}\"><sheetData>{}</sheetData></worksheet>",
        " ".repeat(1 << 20)
    );
    let packed = pack(&edited(small_roster(), SHEET_PATH, |_| Some(sheet.into_bytes())), true)?;
    let at = packed.iter().position(|p| p.name == SHEET_PATH).ok_or_else(|| io::Error::other("no sheet"))?;
    let aliases: Vec<(String, usize)> = (0..1099).map(|i| (format!("xl/media/x{i:05}.bin"), at)).collect();
    std::fs::write(path, zip_of(&packed, &aliases)?)
}

/// A minimal Word document (a zip of [Content_Types].xml, _rels/.rels and word/document.xml,
/// stored) saved as .xlsx. Tests that a zip holding no workbook is named as no Excel file.
fn docx_renamed(path: &Path) -> io::Result<()> {
    let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    let members = [
        member(
            "[Content_Types].xml",
            format!("{declaration}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
        ),
        member("_rels/.rels", format!("{declaration}<Relationships xmlns=\"{PACKAGE_REL_NS}\"><Relationship Id=\"rId1\" Type=\"{REL_NS}/officeDocument\" Target=\"word/document.xml\"/></Relationships>")),
        member(
            "word/document.xml",
            format!("{declaration}<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>关于报送2025年度公务员名册的通知</w:t></w:r></w:p></w:body></w:document>"),
        ),
    ];
    std::fs::write(path, zip(&members, false)?)
}

/// The 3-person roster with formulas and their cached values, as Excel saves them: 王一's 姓名
/// =HYPERLINK(…,"王一") and 任现职级时间 =DATE(2019,6,15) in the date style, 李二's 姓名
/// =TRIM("  李二 "), 单位 ="甲"&"局" and 职级 =IF(1>0,…), 张三's ID ="330102199604250242".
/// Tests that cached values are read and formulas never evaluated.
fn formulas_cached(path: &Path) -> io::Result<()> {
    use X::{Date, DateFormula, Text, TextFormula};
    let rows = vec![
        small_header(),
        vec![
            Text("11010519491231002X"),
            TextFormula("HYPERLINK(\"http://hr.example/p/1\",\"王一\")", "王一"),
            Text("甲局"),
            Text("综合管理类"),
            Text("二级主任科员"),
            DateFormula("DATE(2019,6,15)", 43631),
        ],
        vec![
            Text("330102198808060235"),
            TextFormula("TRIM(\"  李二 \")", "李二"),
            TextFormula("\"甲\"&\"局\"", "甲局"),
            Text("综合管理类"),
            TextFormula("IF(1>0,\"二级主任科员\",\"\")", "二级主任科员"),
            Date(43631),
        ],
        vec![
            TextFormula("\"330102199604250242\"", "330102199604250242"),
            Text("张三"),
            Text("甲局"),
            Text("综合管理类"),
            Text("二级主任科员"),
            Date(43631),
        ],
    ];
    std::fs::write(path, zip(&small_xlsx(&rows, false), true)?)
}

/// The 3-person roster with error cells (`t="e"`): 李二's 职级 is #REF!, 张三's 任现职级时间
/// #N/A. Tests that an error value is reported where it is (unknown_rank, bad_date), not read
/// as its text.
fn error_cells(path: &Path) -> io::Result<()> {
    let mut rows = small_roster_rows();
    rows[2][4] = X::Error("#REF!");
    rows[3][5] = X::Error("#N/A");
    std::fs::write(path, zip(&small_xlsx(&rows, false), true)?)
}

/// 王一 in a workbook of the 1904 date system (`<workbookPr date1904="1"/>`, old Mac Excel):
/// his 任现职级时间 is serial 42169, 2019-06-15 counted from 1904. Tests that the date system
/// is honoured (the 1900 system would give 2015-06-14).
fn date_1904_system(path: &Path) -> io::Result<()> {
    let mut wang = small_person("11010519491231002X", "王一");
    wang[5] = X::Date(42169);
    std::fs::write(path, zip(&small_xlsx(&[small_header(), wang], true), true)?)
}

// ── OpenDocument spreadsheets ────────────────────────────────────────────────────────────

/// The members of an .ods file: its mimetype, its manifest, and `content` (content.xml) if any.
fn ods_members(content: Option<String>) -> Vec<Member> {
    let manifest = concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">"#,
        r#"<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>"#,
        r#"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#
    );
    let mut members = vec![
        member("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        member("META-INF/manifest.xml", manifest),
    ];
    members.extend(content.map(|c| member("content.xml", c)));
    members
}

/// content.xml whose one table, 人员, holds `table` (its columns and rows).
fn ods_content(table: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">"#,
            r#"<office:body><office:spreadsheet><table:table table:name="人员">{}</table:table></office:spreadsheet></office:body></office:document-content>"#
        ),
        table
    )
}

/// A text cell of an .ods table, with `attributes` (each with a space before it).
fn ods_text(attributes: &str, text: &str) -> String {
    format!(r#"<table:table-cell{attributes} office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#)
}

/// A row of an .ods table, with `attributes`.
fn ods_row(attributes: &str, cells: &str) -> String {
    format!("<table:table-row{attributes}>{cells}</table:table-row>")
}

/// `n` rows of 1,024 empty cells (`table:number-rows-repeated`): what LibreOffice saves under the
/// last used row.
fn ods_empty_rows(n: u32) -> String {
    ods_row(
        &format!(r#" table:number-rows-repeated="{n}""#),
        r#"<table:table-cell table:number-columns-repeated="1024"/>"#,
    )
}

/// The header and the three people (王一, 李二, 张三) of libreoffice.ods, dates as
/// office:date-value: each person's 单位 cell is `organ(i)` and their row's attributes
/// `row_attributes(i)` (i = 0, 1, 2).
fn ods_roster(organ: impl Fn(usize) -> String, row_attributes: impl Fn(usize) -> &'static str) -> String {
    let header: String = HEADER.iter().map(|h| ods_text("", h)).collect();
    let people = [("11010519491231002X", "王一"), ("330102198808060235", "李二"), ("330102199604250242", "张三")];
    let date = r#"<table:table-cell office:value-type="date" office:date-value="2019-06-15"><text:p>2019-06-15</text:p></table:table-cell>"#;
    let rows = people.iter().enumerate().map(|(i, (id, name))| {
        let cells = [
            ods_text("", id),
            ods_text("", name),
            organ(i),
            ods_text("", "综合管理类"),
            ods_text("", "二级主任科员"),
            date.to_string(),
        ];
        ods_row(row_attributes(i), &cells.concat())
    });
    std::iter::once(ods_row("", &header)).chain(rows).collect()
}

/// libreoffice.ods's table: the three people, all of 甲局, no row hidden.
fn ods_plain_roster() -> String {
    ods_roster(|_| ods_text("", "甲局"), |_| "")
}

/// Writes an .ods file with `content` as its content.xml, or none (the manifest and
/// content.xml deflated, the mimetype stored).
fn ods(path: &Path, content: Option<String>) -> io::Result<()> {
    std::fs::write(path, zip(&ods_members(content), true)?)
}

/// A minimal OpenDocument spreadsheet (mimetype, manifest, content.xml with table 人员, dates
/// as office:date-value) of the 3-person roster, as LibreOffice saves one in essence. Tests that
/// an .ods roster is read whole.
fn libreoffice(path: &Path) -> io::Result<()> {
    ods(path, Some(ods_content(&ods_plain_roster())))
}

/// libreoffice.ods with column C (单位) hidden (`table:visibility="collapse"` on its
/// table:table-column), 李二's row collapsed, 单位 merged over the three people
/// (`table:number-rows-spanned="3"` and covered cells under it) and LibreOffice's repeated empty
/// tail of 1,048,572 rows. Tests that hidden rows and columns are reported and a merged cell
/// fills the cells it covers, without building the empty tail.
fn hidden_rows_columns_ods(path: &Path) -> io::Result<()> {
    let columns = r#"<table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/><table:table-column table:number-columns-repeated="3"/>"#;
    let organ = |i| {
        if i == 0 {
            ods_text(r#" table:number-rows-spanned="3""#, "甲局")
        } else {
            "<table:covered-table-cell/>".to_string()
        }
    };
    let hidden = |i| if i == 1 { r#" table:visibility="collapse""# } else { "" };
    ods(path, Some(ods_content(&format!("{columns}{}{}", ods_roster(organ, hidden), ods_empty_rows(1_048_572)))))
}

/// libreoffice.ods plus LibreOffice's repeated empty tail (1,048,570 rows of 1,024 empty cells)
/// and an "x" in AMJ1048575, the last column. Tests that a range too large to build is refused
/// from content.xml before the reader builds the grid.
fn stray_cell_far_away_ods(path: &Path) -> io::Result<()> {
    let stray =
        ods_row("", &format!(r#"<table:table-cell table:number-columns-repeated="1023"/>{}"#, ods_text("", "x")));
    ods(path, Some(ods_content(&format!("{}{}{stray}", ods_plain_roster(), ods_empty_rows(1_048_570)))))
}

/// An .ods zip with its mimetype and manifest but no content.xml. Tests that an OpenDocument
/// file without its content is named as no spreadsheet.
fn ods_without_content(path: &Path) -> io::Result<()> {
    ods(path, None)
}

// ── OLE compound files (encrypted workbooks) and a PNG ───────────────────────────────────

/// A compound file (OLE, CFB version 3) of `streams`, laid out by hand: the header, one FAT
/// sector (sector 0), one directory sector (sector 1), then each stream in whole 512-byte
/// sectors, zero-padded. No mini stream (every stream is at least 4,096 bytes), no timestamps,
/// the streams chained as right siblings under the root (give them in the order CFB sorts
/// names: shorter first).
fn compound_file(streams: &[(&str, Vec<u8>)]) -> io::Result<Vec<u8>> {
    const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    const NO_STREAM: u32 = 0xFFFF_FFFF;
    if streams.len() > 3 || streams.iter().any(|(_, s)| s.len() < 4096) {
        return Err(io::Error::other("one directory sector holds 3 streams, each of 4,096 bytes or more"));
    }
    let mut header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    header.extend([0u8; 16]);
    // Minor version, major version 3, byte order, sectors of 2^9 bytes, mini sectors of 2^6.
    for v in [0x3Eu16, 3, 0xFFFE, 9, 6] {
        header.extend(v.to_le_bytes());
    }
    header.extend([0u8; 6]);
    // Directory sectors (0 in version 3), FAT sectors, first directory sector, transaction,
    // mini stream cutoff, first mini FAT sector, mini FAT sectors, first DIFAT sector, DIFAT
    // sectors, then the DIFAT: the one FAT sector, 0.
    for v in [0u32, 1, 1, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0, 0] {
        header.extend(v.to_le_bytes());
    }
    header.resize(512, 0xFF);

    let mut fat = vec![0xFFFF_FFFDu32, END_OF_CHAIN];
    let mut directory = Vec::new();
    let mut data = Vec::new();
    let entry = |name: &str, kind: u8, right: u32, child: u32, start: u32, size: u64| {
        let mut e: Vec<u8> = name.encode_utf16().chain([0]).flat_map(u16::to_le_bytes).collect();
        let length = e.len() as u16;
        e.resize(64, 0);
        e.extend(length.to_le_bytes());
        // Its kind, black, no left sibling.
        e.extend([kind, 1]);
        for v in [NO_STREAM, right, child] {
            e.extend(v.to_le_bytes());
        }
        // No CLSID, state bits or timestamps.
        e.extend([0u8; 36]);
        e.extend(start.to_le_bytes());
        e.extend(size.to_le_bytes());
        e
    };
    directory.extend(entry(
        "Root Entry",
        5,
        NO_STREAM,
        if streams.is_empty() { NO_STREAM } else { 1 },
        END_OF_CHAIN,
        0,
    ));
    for (i, (name, bytes)) in streams.iter().enumerate() {
        let start = fat.len() as u32;
        let sectors = bytes.len().div_ceil(512) as u32;
        fat.extend((start + 1..start + sectors).chain([END_OF_CHAIN]));
        let right = if i + 1 < streams.len() { i as u32 + 2 } else { NO_STREAM };
        directory.extend(entry(name, 2, right, NO_STREAM, start, bytes.len() as u64));
        data.extend(bytes);
        data.resize(data.len().next_multiple_of(512), 0);
    }
    if fat.len() > 128 {
        return Err(io::Error::other("one FAT sector maps 128 sectors"));
    }
    fat.resize(128, FREE);
    directory.resize(512, 0);
    Ok([header, fat.into_iter().flat_map(u32::to_le_bytes).collect(), directory, data].concat())
}

/// What Office writes for a password-protected .xlsx: a compound file holding EncryptionInfo
/// (the agile 4.4 header and an abridged XML descriptor, zero-padded to 4 KiB) and
/// EncryptedPackage (the 8-byte size of the package and 8 KiB of random-looking bytes). Tests
/// that an encrypted workbook is named as one (文件设置了打开密码), under .xlsx or .xls.
fn encrypted_xlsx(path: &Path) -> io::Result<()> {
    let mut info = vec![4, 0, 4, 0, 0x40, 0, 0, 0];
    info.extend(
        concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n",
        "<encryption xmlns=\"http://schemas.microsoft.com/office/2006/encryption\"><keyData saltSize=\"16\" blockSize=\"16\" keyBits=\"256\" hashSize=\"64\" ",
        "cipherAlgorithm=\"AES\" cipherChaining=\"ChainingModeCBC\" hashAlgorithm=\"SHA512\" saltValue=\"AAAAAAAAAAAAAAAAAAAAAA==\"/></encryption>"
    )
        .as_bytes(),
    );
    info.resize(4096, 0);
    let mut package = 20_000u64.to_le_bytes().to_vec();
    package.extend(noise(0x0DDB_A11C_AFE5_EED5, 8192));
    std::fs::write(path, compound_file(&[("EncryptionInfo", info), ("EncryptedPackage", package)])?)
}

/// What Excel 97–2003 writes with a password: a compound file with one Workbook stream of a
/// BIFF8 BOF record, a FILEPASS record of `encryption` (1 RC4, 0 XOR obfuscation) and
/// random-looking bytes to 4 KiB.
fn encrypted_biff_with(path: &Path, encryption: u16) -> io::Result<()> {
    // BOF: BIFF8, workbook globals, build 3515, year 1996, no history flags, lowest version 6.
    let mut book =
        vec![0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xBB, 0x0D, 0xCC, 0x07, 0, 0, 0, 0, 0x06, 0, 0, 0];
    // FILEPASS, 54 bytes: the encryption type, version 1.1, then salt and verifier (noise).
    book.extend([0x2F, 0x00, 0x36, 0x00]);
    book.extend(encryption.to_le_bytes());
    book.extend([0x01, 0x00, 0x01, 0x00]);
    book.extend(noise(0xB1FF_0B1F_F8EE_D5ED, 4096 - book.len()));
    std::fs::write(path, compound_file(&[("Workbook", book)])?)
}

/// An .xls encrypted with RC4 (FILEPASS type 1). Tests that it is named as encrypted.
fn encrypted_biff(path: &Path) -> io::Result<()> {
    encrypted_biff_with(path, 1)
}

/// encrypted-biff.xls with FILEPASS type 0, XOR obfuscation, which calamine does not refuse by
/// itself (it would read the obfuscated records as data). Tests that the Workbook stream's
/// records are read for a FILEPASS first.
fn encrypted_biff_xor(path: &Path) -> io::Result<()> {
    encrypted_biff_with(path, 0)
}

/// A 16×16 red PNG (IHDR, IDAT deflated by miniz_oxide, IEND) saved as .xlsx. Tests that an
/// image is named as no Excel file.
fn png_renamed(path: &Path) -> io::Result<()> {
    let chunk = |kind: &[u8], data: &[u8]| {
        let body = [kind, data].concat();
        [&(data.len() as u32).to_be_bytes()[..], &body, &crc32fast::hash(&body).to_be_bytes()].concat()
    };
    // Each row: filter 0, then 16 red pixels (RGB).
    let pixels: Vec<u8> = (0..16).flat_map(|_| std::iter::once(0).chain([0xFF, 0, 0].repeat(16))).collect();
    // 16×16, 8 bits, RGB, deflate, no filter method, no interlace.
    let header = [&16u32.to_be_bytes()[..], &16u32.to_be_bytes(), &[8, 2, 0, 0, 0]].concat();
    let png = [
        &b"\x89PNG\r\n\x1a\n"[..],
        &chunk(b"IHDR", &header),
        &chunk(b"IDAT", &miniz_oxide::deflate::compress_to_vec_zlib(&pixels, 6)),
        &chunk(b"IEND", &[]),
    ]
    .concat();
    std::fs::write(path, png)
}
