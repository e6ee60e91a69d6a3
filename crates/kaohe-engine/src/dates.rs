//! Calendar arithmetic in whole months, as service time is counted.
//!
//! "n months after a date" keeps the day of the month, or falls back to the last day of the
//! month when that day does not exist (2019-01-31 + 1 month = 2019-02-28).

use chrono::{Datelike, Months, NaiveDate};

/// The date `n` months after `date` (same day, or the month's last day).
pub fn add_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_months(Months::new(n)).unwrap_or(NaiveDate::MAX)
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

/// The working-day period that starts on `from` (or the next working day, if `from` falls on a
/// weekend) and lasts `days` working days: its first and last day. Saturdays and Sundays are
/// skipped; public holidays and their make-up working days are not known here.
pub fn working_days(from: NaiveDate, days: u32) -> (NaiveDate, NaiveDate) {
    let is_working = |d: NaiveDate| !matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
    let mut first = from;
    while !is_working(first) {
        first = first.succ_opt().unwrap_or(first);
    }
    let mut last = first;
    let mut counted = 1;
    while counted < days.max(1) {
        last = last.succ_opt().unwrap_or(last);
        if is_working(last) {
            counted += 1;
        }
    }
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn publicity_periods_skip_weekends() {
        // Friday start: Fri, Mon, Tue, Wed, Thu.
        assert_eq!(working_days(d("2025-12-05"), 5), (d("2025-12-05"), d("2025-12-11")));
        // Saturday start moves to Monday.
        assert_eq!(working_days(d("2025-12-06"), 5), (d("2025-12-08"), d("2025-12-12")));
        // Across a month end and two weekends.
        assert_eq!(working_days(d("2026-01-29"), 7), (d("2026-01-29"), d("2026-02-06")));
        assert_eq!(working_days(d("2025-12-08"), 1), (d("2025-12-08"), d("2025-12-08")));
    }

    #[test]
    fn backwards_interval_is_empty() {
        assert_eq!(whole_months(d("2021-01-01"), d("2020-01-01")), 0);
    }
}
