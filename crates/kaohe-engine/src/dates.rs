//! Calendar arithmetic in whole months, as service time is counted.
//!
//! "n months after a date" keeps the day of the month, or falls back to the last day of the
//! month when that day does not exist (2019-01-31 + 1 month = 2019-02-28).

use chrono::{Datelike, Months, NaiveDate};

/// The years an assessment, a document or a decision may be asked for, in the CLI and the app
/// alike: anything else is a slip of the keyboard (not a rule: a sanity range).
pub const YEARS: std::ops::RangeInclusive<i32> = 1950..=2199;

/// A date as the CLI and the app take one: `YYYY-MM-DD`, blanks around it ignored.
pub fn parse_ymd(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A year as the CLI and the app take one: a number within [`YEARS`].
pub fn parse_year(text: &str) -> Option<i32> {
    text.trim().parse::<i32>().ok().filter(|y| YEARS.contains(y))
}

/// The date `n` months after `date` (same day, or the month's last day).
pub fn add_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_months(Months::new(n)).unwrap_or(NaiveDate::MAX)
}

/// The last day of a period of `months` months from `start` (the day before the same date that
/// many months later): a probation, a restriction's effect period.
pub fn period_end(start: NaiveDate, months: u32) -> NaiveDate {
    add_months(start, months).pred_opt().unwrap_or(start)
}

/// Whole months from `from` to `to`: the largest n with `add_months(from, n) <= to`.
/// Zero when `to` is before `from`. Computed without calendar stepping: it runs once per
/// person and year on rosters of a million people.
pub fn whole_months(from: NaiveDate, to: NaiveDate) -> u32 {
    if to <= from {
        return 0;
    }
    let n = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    // add_months(from, n) lands in to's month, on from's day or that month's last day.
    let landed_day = from.day().min(days_in_month(to.year(), to.month()));
    let n = if landed_day <= to.day() { n } else { n - 1 };
    n.max(0) as u32
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// 1 January of `year`.
pub fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// 31 December of `year`.
pub fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Public holidays and make-up working days (调休上班) of the years whose State Council notice
/// the profile holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HolidayCalendar {
    off: std::collections::BTreeSet<NaiveDate>,
    workdays: std::collections::BTreeSet<NaiveDate>,
    years: std::collections::BTreeSet<i32>,
}

impl HolidayCalendar {
    /// A calendar from (year of the notice, days off, make-up working days).
    pub fn new<'a>(years: impl IntoIterator<Item = (i32, &'a [NaiveDate], &'a [NaiveDate])>) -> HolidayCalendar {
        let mut c = HolidayCalendar::default();
        for (year, off, workdays) in years {
            c.years.insert(year);
            c.off.extend(off.iter().copied());
            c.workdays.extend(workdays.iter().copied());
        }
        c
    }

    /// A working day: a make-up working day, or a weekday that is not a day off.
    pub fn is_working(&self, d: NaiveDate) -> bool {
        self.workdays.contains(&d)
            || (!self.off.contains(&d) && !matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun))
    }

    /// Whether the notice of `year` is known.
    pub fn knows(&self, year: i32) -> bool {
        self.years.contains(&year)
    }
}

/// A 公示 period in working days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingPeriod {
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// Years the period touches whose holidays are not known: weekends only were skipped.
    pub unknown_years: Vec<i32>,
}

/// The working-day period that starts on `from` (or the next working day, if `from` is not one)
/// and lasts `days` working days: its first and last day. Weekends and the calendar's days off
/// are skipped, its make-up working days count.
pub fn working_days(from: NaiveDate, days: u32, calendar: &HolidayCalendar) -> WorkingPeriod {
    let mut first = from;
    while !calendar.is_working(first) {
        first = first.succ_opt().unwrap_or(first);
    }
    let mut last = first;
    let mut counted = 1;
    while counted < days.max(1) {
        last = last.succ_opt().unwrap_or(last);
        if calendar.is_working(last) {
            counted += 1;
        }
    }
    let unknown_years = (from.year()..=last.year()).filter(|&y| !calendar.knows(y)).collect();
    WorkingPeriod { first, last, unknown_years }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_years_are_taken_as_the_cli_and_the_app_take_them() {
        assert_eq!(parse_ymd(" 2025-12-31 "), NaiveDate::from_ymd_opt(2025, 12, 31));
        assert_eq!(parse_ymd("2025-02-29"), None);
        assert_eq!(parse_ymd("2025/12/31"), None);
        assert_eq!(
            (parse_year("2025"), parse_year(" 1950 "), parse_year("2199")),
            (Some(2025), Some(1950), Some(2199))
        );
        assert_eq!(
            (parse_year("1949"), parse_year("2200"), parse_year("二〇二五"), parse_year("25.0")),
            (None, None, None, None)
        );
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn whole_months_boundary_is_the_same_day() {
        assert_eq!(whole_months(d("2019-06-15"), d("2021-06-14")), 23);
        assert_eq!(whole_months(d("2019-06-15"), d("2021-06-15")), 24);
    }

    #[test]
    fn month_end_falls_back_to_last_day() {
        assert_eq!(add_months(d("2019-01-31"), 1), d("2019-02-28"));
        assert_eq!(add_months(d("2020-01-31"), 1), d("2020-02-29"));
        assert_eq!(whole_months(d("2019-01-31"), d("2019-02-28")), 1);
        assert_eq!(whole_months(d("2019-01-31"), d("2019-02-27")), 0);
        assert_eq!(whole_months(d("2019-01-31"), d("2019-03-30")), 1);
        assert_eq!(whole_months(d("2019-01-31"), d("2019-03-31")), 2);
    }

    #[test]
    fn whole_months_agrees_with_stepping_month_by_month() {
        let start = d("2018-12-28");
        for a in 0..40u64 {
            let from = start + chrono::Days::new(a);
            for b in (0..900u64).step_by(7) {
                let to = from + chrono::Days::new(b);
                let mut n = 0;
                while add_months(from, n + 1) <= to {
                    n += 1;
                }
                assert_eq!(whole_months(from, to), n, "{from} → {to}");
            }
        }
    }

    fn span(from: &str, days: u32, calendar: &HolidayCalendar) -> (NaiveDate, NaiveDate, Vec<i32>) {
        let p = working_days(d(from), days, calendar);
        (p.first, p.last, p.unknown_years)
    }

    #[test]
    fn publicity_periods_skip_weekends() {
        let none = HolidayCalendar::default();
        // Friday start: Fri, Mon, Tue, Wed, Thu.
        assert_eq!(span("2025-12-05", 5, &none), (d("2025-12-05"), d("2025-12-11"), vec![2025]));
        // Saturday start moves to Monday.
        assert_eq!(span("2025-12-06", 5, &none), (d("2025-12-08"), d("2025-12-12"), vec![2025]));
        // Across a month end and two weekends.
        assert_eq!(span("2026-01-29", 7, &none), (d("2026-01-29"), d("2026-02-06"), vec![2026]));
        assert_eq!(span("2025-12-08", 1, &none), (d("2025-12-08"), d("2025-12-08"), vec![2025]));
    }

    #[test]
    fn publicity_periods_skip_holidays_and_count_make_up_days() {
        // 2025 国庆: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
        let off: Vec<NaiveDate> = (1..=8).map(|n| d(&format!("2025-10-{n:02}"))).collect();
        let work = [d("2025-09-28"), d("2025-10-11")];
        let calendar = HolidayCalendar::new([(2025, off.as_slice(), work.as_slice())]);
        // From Friday 26 September: 26, (Sun) 28, 29, 30 September, then (Thu) 9 October.
        assert_eq!(span("2025-09-26", 5, &calendar), (d("2025-09-26"), d("2025-10-09"), vec![]));
        // From 1 October (a holiday): 9, 10, (Sat) 11, 13, 14.
        assert_eq!(span("2025-10-01", 5, &calendar), (d("2025-10-09"), d("2025-10-14"), vec![]));
        // Into a year the calendar does not know: said so.
        assert_eq!(span("2025-12-29", 5, &calendar).2, vec![2026]);
    }

    #[test]
    fn backwards_interval_is_empty() {
        assert_eq!(whole_months(d("2021-01-01"), d("2020-01-01")), 0);
    }
}
