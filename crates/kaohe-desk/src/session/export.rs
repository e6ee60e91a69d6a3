//! 导出: the result workbooks, saved where the clerk chooses — the promotion result workbook
//! (`kaohe promote --out`), the assessment result workbook (`kaohe assess --out`), the national
//! system's import file (`kaohe assess --national`), 核查's findings and the year's 汇总. Each
//! computes the result first (so a bad date or an empty database is said before any dialog),
//! then asks where to save ([`AskWhere`]: the shell's save dialog), then writes. Cancelling the
//! dialog writes nothing and answers `None`; otherwise the answer is the path written. What the
//! export is doing is told as it goes ([`TellExport`]: the shell sends it on the page's channel).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use kaohe_engine::assessment::report::AssessmentReport;
use kaohe_workbook::WorkbookError;

use super::Session;
use crate::error::{CommandError, ErrorCode};
use crate::ipc::ExportProgress;

/// Where to save: given the proposed file name, the path chosen, or `None` when cancelled.
/// The shell shows the native dialog; tests answer directly.
pub type AskWhere<'a> = dyn FnMut(&str) -> Result<Option<PathBuf>, CommandError> + 'a;

/// Told what the export is doing (computing, the rows written, saving).
pub type TellExport<'a> = &'a dyn Fn(ExportProgress);

/// A workbook of a year's assessment written at a path, its rows told as they go.
type WriteYear = fn(&Path, &AssessmentReport, &dyn Fn(u64, u64)) -> Result<(), WorkbookError>;

/// 「职级晋升资格_2026-11-27.xlsx」.
pub fn promotion_file_name(as_of: NaiveDate) -> String {
    format!("职级晋升资格_{}.xlsx", as_of.format("%Y-%m-%d"))
}

/// 「年度考核结果_2025年度.xlsx」.
pub fn assessment_file_name(year: i32) -> String {
    format!("年度考核结果_{year}年度.xlsx")
}

/// 「年度考核导入表_2025年度.xlsx」 (the national system's import layout).
pub fn national_file_name(year: i32) -> String {
    format!("年度考核导入表_{year}年度.xlsx")
}

impl Session {
    /// `export_promotion`: the promotion result on `as_of` (`YYYY-MM-DD`) as `kaohe promote --out`
    /// writes it (晋升资格, eligible first; 职数).
    pub fn export_promotion(
        &self,
        as_of: &str,
        ask: &mut AskWhere<'_>,
        tell: TellExport,
    ) -> Result<Option<String>, CommandError> {
        tell(ExportProgress::Computing);
        let report = self.promotion(as_of)?;
        if report.people.is_empty() {
            return Err(CommandError::new(
                ErrorCode::NothingReadable,
                "数据库中没有人员，没有可导出的晋升结果。请先导入名册。",
            ));
        }
        let rows = rows_told(tell);
        save(ask, tell, &promotion_file_name(report.as_of), |path| {
            kaohe_workbook::write_promotion_told(path, &report, &rows)
        })
    }

    /// `export_assessment`: the year's assessment as `kaohe assess --out` writes it (考核结果,
    /// 优秀名额测算, 结果运用, 统计, 年度考核导入), with the committee's decisions.
    pub fn export_assessment(
        &self,
        year: i32,
        ask: &mut AskWhere<'_>,
        tell: TellExport,
    ) -> Result<Option<String>, CommandError> {
        self.export_year(year, &assessment_file_name(year), ask, tell, kaohe_workbook::write_assessment_told)
    }

    /// `export_national`: the year's results alone in the national system's import layout
    /// (`kaohe assess --national`).
    pub fn export_national(
        &self,
        year: i32,
        ask: &mut AskWhere<'_>,
        tell: TellExport,
    ) -> Result<Option<String>, CommandError> {
        self.export_year(year, &national_file_name(year), ask, tell, kaohe_workbook::write_national_results_told)
    }

    /// The year's assessment computed (refused when nobody is assessed), then saved as `name`
    /// where the clerk chooses by `write`.
    fn export_year(
        &self,
        year: i32,
        name: &str,
        ask: &mut AskWhere<'_>,
        tell: TellExport,
        write: WriteYear,
    ) -> Result<Option<String>, CommandError> {
        tell(ExportProgress::Computing);
        let report = self.assessment(year)?;
        if report.people.is_empty() {
            return Err(nobody_assessed(year));
        }
        let rows = rows_told(tell);
        save(ask, tell, name, |path| write(path, &report, &rows))
    }

    /// 核查 on `as_of` saved where the clerk chooses (「核查结果_2025-12-31.xlsx」).
    pub fn export_audit(
        &self,
        as_of: &str,
        ask: &mut AskWhere<'_>,
        tell: TellExport,
    ) -> Result<Option<String>, CommandError> {
        tell(ExportProgress::Computing);
        let report = self.audit(as_of)?;
        let name = format!("核查结果_{}.xlsx", report.as_of.format("%Y-%m-%d"));
        save(ask, tell, &name, |path| crate::audit::export(&report, path))
    }

    /// The year's 汇总 saved as a workbook where the clerk chooses (「汇总_2025年度.xlsx」).
    pub fn export_summary(
        &self,
        year: i32,
        ask: &mut AskWhere<'_>,
        tell: TellExport,
    ) -> Result<Option<String>, CommandError> {
        tell(ExportProgress::Computing);
        let report = self.summary(year)?;
        save(ask, tell, &format!("汇总_{year}年度.xlsx"), |path| crate::summary::export_summary(&report, path))
    }
}

/// The workbook writer's count of rows as export steps: writing, then saving once the last row
/// is written.
fn rows_told(tell: TellExport<'_>) -> impl Fn(u64, u64) + '_ {
    move |done, total| {
        tell(ExportProgress::Writing { done, total });
        if done == total {
            tell(ExportProgress::Saving);
        }
    }
}

fn nobody_assessed(year: i32) -> CommandError {
    CommandError::new(ErrorCode::NothingReadable, format!("{year}年度没有参加考核的人员，没有可导出的考核结果。"))
}

/// Asks where, then writes. The workbook writers write whole or not at all
/// ([`kaohe_files::write_replacing`]), so that a failed write never leaves half a workbook nor
/// destroys the file it was to replace; a replaced file keeps its permissions.
fn save(
    ask: &mut AskWhere<'_>,
    tell: TellExport,
    default_name: &str,
    write: impl FnOnce(&Path) -> Result<(), WorkbookError>,
) -> Result<Option<String>, CommandError> {
    tell(ExportProgress::Asking);
    let Some(chosen) = ask(default_name)? else {
        return Ok(None);
    };
    let path = with_xlsx_extension(chosen);
    write(&path).map_err(|e| {
        let detail = match e {
            WorkbookError::Write { detail, .. } => detail,
            other => other.to_string(),
        };
        CommandError::new(
            ErrorCode::WriteFailed,
            format!(
                "无法保存「{}」：{detail}。如果该文件正在 Excel 或 WPS 中打开，请先关闭它再保存，或换一个文件名。",
                path.display()
            ),
        )
    })?;
    Ok(Some(path.display().to_string()))
}

/// The chosen path, with `.xlsx` added when the clerk typed a name without it (what is written
/// is always an .xlsx workbook).
fn with_xlsx_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
        return path;
    }
    let mut name = OsString::from(path.as_os_str());
    name.push(".xlsx");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{open_workbook, Data, Reader, Xlsx};
    use kaohe_engine::report::months_text;

    const SAMPLE: &[u8] = include_bytes!("../../../../fixtures/sample/名册示例.xlsx");

    fn state(dir: &Path) -> Session {
        let state = Session::open(dir.join("kaohe.db"));
        state.import_sample(SAMPLE).expect("import the sample roster");
        state
    }

    /// A sheet's cells as text (numbers as written, e.g. 3 → "3"), row by row.
    fn sheet(path: &str, name: &str) -> Vec<Vec<String>> {
        let mut book: Xlsx<_> = open_workbook(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let range = book.worksheet_range(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
                        Data::Empty => String::new(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect()
    }

    /// An export's steps as told, kept.
    #[derive(Default)]
    struct Steps(std::sync::Mutex<Vec<ExportProgress>>);

    impl Steps {
        fn tell(&self, step: ExportProgress) {
            self.0.lock().expect("steps").push(step);
        }

        /// Computed, the dialog, the `rows` written (told at the last, under 1,000), saved.
        fn assert_whole(self, rows: usize) {
            let rows = rows as u64;
            let whole = [
                ExportProgress::Computing,
                ExportProgress::Asking,
                ExportProgress::Writing { done: rows, total: rows },
                ExportProgress::Saving,
            ];
            assert_eq!(self.0.into_inner().expect("steps"), whole);
        }
    }

    /// Answers the dialog with `answer`, keeping the proposed names.
    fn answer(
        answer: Option<PathBuf>,
        proposed: &mut Vec<String>,
    ) -> impl FnMut(&str) -> Result<Option<PathBuf>, CommandError> + '_ {
        move |name| {
            proposed.push(name.to_owned());
            Ok(answer.clone())
        }
    }

    #[test]
    fn the_promotion_workbook_holds_what_the_report_says() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = state(dir.path());
        let report = state.promotion("2025-12-31").expect("promotion");
        let mut proposed = Vec::new();
        let target = dir.path().join("晋升结果.xlsx");
        let steps = Steps::default();
        let written = state
            .export_promotion("2025-12-31", &mut answer(Some(target.clone()), &mut proposed), &|s| steps.tell(s))
            .expect("export")
            .expect("not cancelled");
        steps.assert_whole(report.people.len());
        assert_eq!(written, target.display().to_string());
        assert_eq!(proposed, ["职级晋升资格_2025-12-31.xlsx"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target).expect("written").permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "an ordinary file, not a private temporary one");
        }

        let rows = sheet(&written, "晋升资格");
        assert!(rows[0][0].starts_with("职级晋升资格审核表（截至2025年12月31日"), "{}", rows[0][0]);
        assert_eq!(rows[1][..4], ["序号", "姓名", "身份证号", "单位"]);
        let people = &rows[2..];
        assert_eq!(people.len(), report.people.len());
        // Eligible first, each group in the report's (roster) order: the order the page shows.
        let mut expected: Vec<_> = report.people.iter().filter(|p| p.eligible).collect();
        expected.extend(report.people.iter().filter(|p| !p.eligible));
        let eligible = report.people.iter().filter(|p| p.eligible).count();
        assert!(eligible > 0 && eligible < report.people.len(), "the sample has both: {eligible}");
        let header = rows[1].clone();
        let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name}"));
        let level = |l: Option<u32>| l.map(|l| format!("{l}级")).unwrap_or_else(|| "—".into());
        for (n, (row, p)) in people.iter().zip(&expected).enumerate() {
            assert_eq!(row[0], (n + 1).to_string());
            assert_eq!(
                (row[1].as_str(), row[2].as_str(), row[3].as_str()),
                (p.name.as_str(), p.id.as_str(), p.organ.as_str())
            );
            assert_eq!(row[col("现职级")], p.rank);
            assert_eq!(row[col("拟晋升职级")], p.target_rank.clone().unwrap_or_else(|| "—".into()));
            assert_eq!(
                (row[col("现级别")].clone(), row[col("晋升后级别")].clone()),
                (level(p.level), level(p.new_level))
            );
            assert_eq!(row[col("已计任职年限")], months_text(p.counted_months));
            assert_eq!(row[col("需要年限")], p.required_months.map(months_text).unwrap_or_else(|| "—".into()));
            assert_eq!(
                row[col("优秀缩短")],
                if p.reduction_months > 0 { months_text(p.reduction_months) } else { "—".into() }
            );
            assert_eq!(row[col("资格审核结论")], if p.eligible { "符合" } else { "不符合" });
            assert_eq!(row[col("说明")], kaohe_engine::reason::lines(&p.reasons));
        }
        // The first person of the sample, by name and numbers a clerk would check: 2024 优秀
        // shortens the requirement by 6 months (并行规定 第十九条).
        let tian = people.iter().find(|r| r[1] == "田建国").expect("田建国");
        assert_eq!(
            (
                tian[col("现职级")].as_str(),
                tian[col("拟晋升职级")].as_str(),
                tian[col("起算日期")].as_str(),
                tian[col("优秀缩短")].as_str()
            ),
            ("二级主任科员", "一级主任科员", "2019-01-28", "6个月")
        );

        let slots = sheet(&written, "职数");
        assert_eq!(slots[1], ["单位", "职数池", "核定", "实有", "空缺", "符合条件人数", "拟晋升人选"]);
        assert_eq!(slots.len() - 2, report.pools.len());
        let name = |id: &String| report.people.iter().find(|p| &p.id == id).map(|p| p.name.clone()).expect("a person");
        for (row, pool) in slots[2..].iter().zip(&report.pools) {
            let count = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_else(|| "未核定".into());
            assert_eq!(
                row[0..5],
                [pool.organ.clone(), pool.pool.clone(), count(pool.approved), pool.held.to_string(), count(pool.free)]
            );
            if let (Some(a), Some(f)) = (pool.approved, pool.free) {
                assert_eq!(f, a.saturating_sub(pool.held), "{} {}", pool.organ, pool.pool);
            }
            assert_eq!(row[6], pool.proposed.iter().map(name).collect::<Vec<_>>().join("、"));
        }
    }

    #[test]
    fn cancelling_writes_nothing_and_is_no_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = state(dir.path());
        let mut proposed = Vec::new();
        assert_eq!(state.export_promotion("2026-11-27", &mut answer(None, &mut proposed), &|_| {}), Ok(None));
        assert_eq!(state.export_assessment(2025, &mut answer(None, &mut proposed), &|_| {}), Ok(None));
        assert_eq!(state.export_national(2025, &mut answer(None, &mut proposed), &|_| {}), Ok(None));
        assert_eq!(
            proposed,
            ["职级晋升资格_2026-11-27.xlsx", "年度考核结果_2025年度.xlsx", "年度考核导入表_2025年度.xlsx"]
        );
        let files: Vec<_> =
            std::fs::read_dir(dir.path()).expect("dir").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(files, [OsString::from("kaohe.db")]);
    }

    #[test]
    fn bad_input_is_said_before_asking_where() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut proposed = Vec::new();
        let empty = Session::open(dir.path().join("empty.db"));
        let e = empty.export_promotion("2025-12-31", &mut answer(None, &mut proposed), &|_| {}).expect_err("nobody");
        assert_eq!(e.code, ErrorCode::NothingReadable);
        let e = empty.export_national(2025, &mut answer(None, &mut proposed), &|_| {}).expect_err("nobody");
        assert_eq!(
            e,
            CommandError::new(ErrorCode::NothingReadable, "2025年度没有参加考核的人员，没有可导出的考核结果。")
        );
        let e =
            empty.export_promotion("2025-13-01", &mut answer(None, &mut proposed), &|_| {}).expect_err("no such month");
        assert_eq!(e.code, ErrorCode::BadArgument);
        assert!(proposed.is_empty());
    }

    #[test]
    fn a_name_without_extension_gets_xlsx_and_an_old_file_is_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = state(dir.path());
        std::fs::write(dir.path().join("考核结果.xlsx"), "旧文件").expect("old file");
        let mut proposed = Vec::new();
        let steps = Steps::default();
        let written = state
            .export_assessment(2025, &mut answer(Some(dir.path().join("考核结果")), &mut proposed), &|s| {
                steps.tell(s)
            })
            .expect("export")
            .expect("written");
        // The rows of 考核结果 and 年度考核导入: two a person.
        steps.assert_whole(2 * state.assessment(2025).expect("assessment").people.len());
        assert_eq!(written, dir.path().join("考核结果.xlsx").display().to_string());
        let report = state.assessment(2025).expect("assessment");
        let rows = sheet(&written, "考核结果");
        assert!(rows[0][0].starts_with("2025年度考核结果"), "{}", rows[0][0]);
        assert_eq!(rows.len() - 2, report.people.len());
        let zhou = rows.iter().find(|r| r[3] == "周志强").expect("周志强");
        let p = report.people.iter().find(|p| p.name == "周志强").expect("周志强");
        assert_eq!((zhou[1].as_str(), zhou[4].as_str(), zhou[11].as_str()), (p.organ.as_str(), p.id.as_str(), "优秀"));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn the_national_file_has_the_systems_columns_and_everyone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = state(dir.path());
        let report = state.assessment(2025).expect("assessment");
        let mut proposed = Vec::new();
        let steps = Steps::default();
        let written = state
            .export_national(2025, &mut answer(Some(dir.path().join("导入.xlsx")), &mut proposed), &|s| steps.tell(s))
            .expect("export")
            .expect("written");
        steps.assert_whole(report.people.len());
        let rows = sheet(&written, "Sheet1");
        assert_eq!(rows[0], ["序号", "姓 名", "单位及职务", "等 次"]);
        assert_eq!(rows.len() - 1, report.people.len());
        for name in ["周志强", "孙鹏飞"] {
            let p = report.people.iter().find(|p| p.name == name).expect(name);
            let row = rows.iter().find(|r| r[1] == name).expect(name);
            assert_eq!(row[2], p.unit_and_post);
            let grade = match (p.final_grade, p.code) {
                (Some(g), _) => g.name().to_owned(),
                (None, Some(code)) => code.result().label().to_owned(),
                (None, None) => "待定".to_owned(),
            };
            assert_eq!(row[3], grade);
        }
        assert_eq!(rows.iter().find(|r| r[1] == "周志强").expect("周志强")[3], "优秀");
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_a_write_failure() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = state(dir.path());
        let mut proposed = Vec::new();
        let target = dir.path().join("没有这个文件夹").join("结果.xlsx");
        let e = state
            .export_promotion("2025-12-31", &mut answer(Some(target.clone()), &mut proposed), &|_| {})
            .expect_err("no folder");
        assert_eq!(e.code, ErrorCode::WriteFailed);
        assert!(e.message.starts_with(&format!("无法保存「{}」", target.display())), "{}", e.message);
    }
}
