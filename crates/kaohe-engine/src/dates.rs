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
/// Zero when `to` is before `from`.
pub fn whole_months(from: NaiveDate, to: NaiveDate) -> u32 {
    if to <= from {
        return 0;
    }
    let mut n = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if n < 0 {
        n = 0;
    }
    let mut n = n as u32;
    while n > 0 && add_months(from, n) > to {
        n -= 1;
    }
    n
}

/// 1 January of `year`.
pub fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// 31 December of `year`.
pub fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
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
    fn backwards_interval_is_empty() {
        assert_eq!(whole_months(d("2021-01-01"), d("2020-01-01")), 0);
    }
}
