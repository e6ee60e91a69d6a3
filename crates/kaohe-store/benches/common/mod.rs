//! What the import benches share: the generated roster, timing in turns, peak memory.

#![allow(dead_code)]

use kaohe_engine::id_number::check_digit;
use rust_xlsxwriter::{Format, Workbook};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// A generated roster of `n` people over 500 organs; with `changed`, every tenth person has
/// moved to the next organ, holds the next rank since 2025-10-01 and has a 2025 result.
pub fn generate_roster(path: &Path, n: usize, changed: bool) {
    generate_roster_as(path, n, changed, "人员");
}

/// [`generate_roster`] with the people on a sheet named `name`; a sheet other than 「人员」
/// comes after a short 「填表说明」 sheet, as in many real rosters (the reader must find it).
pub fn generate_roster_as(path: &Path, n: usize, changed: bool, name: &str) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    if name != "人员" {
        let notes = book.add_worksheet().set_name("填表说明").expect("notes");
        for (r, line) in
            ["本表由人事科填写。", "身份证号填18位；日期填年月日。", "年度考核填优秀、称职、基本称职或不称职。"]
                .iter()
                .enumerate()
        {
            notes.write_string(r as u32, 0, *line).expect("note");
        }
    }
    let sheet = book.add_worksheet().set_name(name).expect("sheet");
    let headers = [
        "身份证号", "姓名", "性别", "单位", "职位类别", "职级", "任现职级时间", "职务层次", "任现职务时间",
        "进入公务员队伍时间", "2023年度考核", "2024年度考核", "2025年度考核",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    let ranks = ["一级科员", "四级主任科员", "三级主任科员", "二级主任科员", "一级主任科员", "四级调研员"];
    for i in 0..n {
        let r = i as u32 + 1;
        // A different birth day for every thousand people keeps the IDs unique.
        let birth = chrono::NaiveDate::from_ymd_opt(1960, 1, 1).expect("date") + chrono::Days::new((i / 1000) as u64);
        let first17 = format!("320102{}{:03}", birth.format("%Y%m%d"), i % 1000);
        let id = format!("{first17}{}", check_digit(&first17).expect("digits"));
        sheet.write_string(r, 0, &id).expect("id");
        sheet.write_string(r, 1, format!("人员{i}")).expect("name");
        // The 17th digit of the ID (i % 10 here) is odd for a man: 性别 agrees with the ID, as
        // in a clean roster (a mismatch would be a warning on every row).
        sheet.write_string(r, 2, if i % 2 == 1 { "男" } else { "女" }).expect("gender");
        let moved = changed && i % 10 == 0;
        sheet.write_string(r, 3, format!("单位{:03}", (i + usize::from(moved)) % 500)).expect("organ");
        sheet.write_string(r, 4, "综合管理类").expect("category");
        sheet.write_string(r, 5, ranks[(i + usize::from(moved)) % ranks.len()]).expect("rank");
        let d = if moved {
            rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 10, 1).expect("date")
        } else {
            rust_xlsxwriter::ExcelDateTime::from_ymd(2015 + (i % 9) as u16, 1 + (i % 12) as u8, 1 + (i % 28) as u8)
                .expect("date")
        };
        sheet.write_datetime_with_format(r, 6, &d, &date).expect("date");
        if i % 10 == 0 {
            sheet.write_string(r, 7, "乡科级正职").expect("post");
            sheet.write_string(r, 8, format!("{}.{:02}", 2014 + i % 8, 1 + i % 12)).expect("post date");
        }
        sheet.write_string(r, 9, format!("{}年7月", 2005 + i % 15)).expect("entry");
        sheet.write_string(r, 10, if i % 5 == 0 { "优秀" } else { "称职" }).expect("2023");
        sheet.write_string(r, 11, "称职").expect("2024");
        if moved {
            sheet.write_string(r, 12, "称职").expect("2025");
        }
    }
    book.save(path).expect("save");
}

/// Times `a` and `b` `runs` times each, taking turns (a, b, a, b …) so that a slower spell of
/// a shared machine falls on both; their (best, median) times.
/// Each one's times, sorted.
pub fn time_both<A, B>(
    runs: usize,
    mut a: impl FnMut() -> A,
    mut b: impl FnMut() -> B,
) -> (Vec<Duration>, Vec<Duration>) {
    let (mut ta, mut tb) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    // One untimed run of each first: the first run of a process also pays for memory the
    // allocator has not got from the system yet.
    black_box(a());
    black_box(b());
    for _ in 0..runs {
        let t = Instant::now();
        black_box(a());
        ta.push(t.elapsed());
        let t = Instant::now();
        black_box(b());
        tb.push(t.elapsed());
    }
    ta.sort();
    tb.sort();
    (ta, tb)
}

/// The processor time this process has used so far, all its threads together: (user, system),
/// in seconds (`/proc/self/stat`, in the kernel's ticks of 1/100 s). The user time is the
/// program's own work; the system time is mostly the kernel giving it fresh memory, which on a
/// virtual machine varies from run to run far more than the work does.
pub fn cpu_seconds() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in brackets and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).map(|t| t / 100.0);
    Some((ticks(11)?, ticks(12)?))
}

/// What a run used of the processor: (user, system) seconds, from [`cpu_seconds`] around `f`.
pub fn cpu_of<T>(f: impl FnOnce() -> T) -> (T, (f64, f64)) {
    let before = cpu_seconds().unwrap_or_default();
    let done = f();
    let after = cpu_seconds().unwrap_or_default();
    (done, (after.0 - before.0, after.1 - before.1))
}

/// The median user and system seconds of runs, and each run's, as a bench prints them.
pub fn cpu_line(runs: &[(f64, f64)]) -> String {
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or_default()
    };
    let user: Vec<f64> = runs.iter().map(|r| r.0).collect();
    let system: Vec<f64> = runs.iter().map(|r| r.1).collect();
    let list = |v: &[f64]| v.iter().map(|s| format!("{:.2}", s)).collect::<Vec<_>>().join(" ");
    format!(
        "processor time: user median {:.2} s, system median {:.2} s (runs, user: {}; system: {})",
        median(user.clone()),
        median(system.clone()),
        list(&user),
        list(&system)
    )
}

pub fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 =
        status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb / 1024.0)
}

/// The line a bench prints for one measurement: the two medians, their ratio and every run
/// (sorted, in ms) of `what` (the measured thing's name in the line, e.g. "import") and of the
/// bare read.
pub fn medians(title: &str, what: &str, base: &[Duration], times: &[Duration]) -> String {
    let ms =
        |v: &[Duration]| v.iter().map(|d| format!("{:.0}", d.as_secs_f64() * 1000.0)).collect::<Vec<_>>().join(" ");
    let (b, t) = (base[base.len() / 2].as_secs_f64(), times[times.len() / 2].as_secs_f64());
    format!("{title}: median {t:.3} s against the bare read's {b:.3} s: {:.2}x (runs in ms, sorted: {what} {}; bare read {})", t / b, ms(times), ms(base))
}

/// The people a bench is asked for (its first numeric argument; 100,000 by default), and its
/// folder in the temporary folder (`kaohe-NAME-bench-v1-N`) holding the two rosters, generated
/// once with the people on `sheet`: as imported, and with 10% of the people changed.
pub fn rosters(name: &str, sheet: &str) -> (usize, std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("kaohe-{name}-bench-v1-{n}"));
    std::fs::create_dir_all(&dir).expect("dir");
    let roster = dir.join("名册.xlsx");
    let changed = dir.join("名册（10%变动）.xlsx");
    if !roster.exists() || !changed.exists() {
        generate_roster_as(&roster, n, false, sheet);
        generate_roster_as(&changed, n, true, sheet);
    }
    (n, dir, roster, changed)
}
