//! A person's fields as the database stores them: the 23 columns of `people` ([`PERSON_FIELDS`]),
//! their text written without a `String` each ([`Text`]), and the fingerprint of them the import
//! compares instead of the fields ([`person_fingerprint`]).

use super::*;

pub(crate) fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| Text::date(d).as_str().to_string())
}

pub(crate) fn parse_date(s: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    s.map(|s| {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| StoreError::Corrupt(format!("日期「{s}」格式不对")))
    })
    .transpose()
}

/// The fields of a person as stored, in column order, for comparison and history.
pub(crate) const PERSON_FIELDS: [(&str, &str); 23] = [
    ("name", "姓名"),
    ("gender", "性别"),
    ("birth", "出生日期"),
    ("organ", "单位"),
    ("department", "部门"),
    ("category", "职位类别"),
    ("rank", "职级"),
    ("rank_since", "任现职级时间"),
    ("post", "领导职务"),
    ("post_level", "职务层次"),
    ("post_since", "任现职务时间"),
    ("is_leader", "是否领导成员"),
    ("education", "学历"),
    ("work_start", "参加工作时间"),
    ("service_start", "进入公务员队伍时间"),
    ("level", "级别"),
    ("level_since", "级别起算时间"),
    ("step", "档次"),
    ("step_since", "档次起算时间"),
    ("political_status", "政治面貌"),
    ("duties", "从事或分管工作"),
    ("entry_method", "进入方式"),
    ("left_on", "离职/退休日期"),
];

/// A field's text as stored: borrowed from the person, or a date or number written in place, so
/// that comparing and writing 100,000 people makes no string of their 23 fields.
#[derive(Debug, Clone)]
pub(crate) enum Text<'a> {
    Borrowed(&'a str),
    Inline([u8; 16], u8),
    Owned(String),
}

impl<'a> Text<'a> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            // Only ASCII digits and '-' are written in place.
            Text::Inline(buf, len) => std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or_default(),
            Text::Owned(s) => s,
        }
    }

    /// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it (a year outside 0–9999 through chrono).
    pub(crate) fn date(d: NaiveDate) -> Text<'static> {
        use chrono::Datelike;
        let year = d.year();
        if !(0..=9999).contains(&year) {
            return Text::Owned(d.format("%Y-%m-%d").to_string());
        }
        let mut buf = [0u8; 16];
        let digits = |n: u32, out: &mut [u8]| {
            let mut n = n;
            for b in out.iter_mut().rev() {
                *b = b'0' + (n % 10) as u8;
                n /= 10;
            }
        };
        digits(year as u32, &mut buf[0..4]);
        buf[4] = b'-';
        digits(d.month(), &mut buf[5..7]);
        buf[7] = b'-';
        digits(d.day(), &mut buf[8..10]);
        Text::Inline(buf, 10)
    }

    pub(crate) fn number(n: u32) -> Text<'static> {
        let mut buf = [0u8; 16];
        let mut len = 0;
        let mut rest = n;
        loop {
            buf[len] = b'0' + (rest % 10) as u8;
            len += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        buf[..len].reverse();
        Text::Inline(buf, len as u8)
    }
}

impl rusqlite::ToSql for Text<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::Borrowed(rusqlite::types::ValueRef::Text(self.as_str().as_bytes())))
    }
}

/// The text of an optional field.
pub(crate) fn text_of<'v>(v: &'v Option<Text<'_>>) -> Option<&'v str> {
    v.as_ref().map(Text::as_str)
}

pub(crate) fn person_values(p: &Person) -> [Option<Text<'_>>; 23] {
    pub(crate) fn s(v: &Option<String>) -> Option<Text<'_>> {
        v.as_deref().map(Text::Borrowed)
    }
    let d = |v: Option<NaiveDate>| v.map(Text::date);
    [
        Some(Text::Borrowed(&p.name)),
        s(&p.gender),
        d(p.birth),
        Some(Text::Borrowed(&p.organ)),
        s(&p.department),
        Some(Text::Borrowed(&p.category)),
        Some(Text::Borrowed(&p.rank)),
        Some(Text::date(p.rank_since)),
        s(&p.post),
        s(&p.post_level),
        d(p.post_since),
        Some(Text::Borrowed(if p.is_leader { "是" } else { "否" })),
        s(&p.education),
        d(p.work_start),
        d(p.service_start),
        p.level.map(Text::number),
        d(p.level_since),
        p.step.map(Text::number),
        d(p.step_since),
        s(&p.political_status),
        s(&p.duties),
        s(&p.entry_method),
        d(p.left_on),
    ]
}

/// The fingerprint of each person's fields, in roster order, when `wanted` (none otherwise: a
/// database with nobody in it compares nothing). A large roster's are computed on two threads
/// (100,000 people's take about 30 ms on one).
pub(crate) fn fingerprints_of(people: &[Person], wanted: bool) -> Vec<u64> {
    let prints = |people: &[Person]| people.iter().map(|p| person_fingerprint(&person_values(p))).collect::<Vec<u64>>();
    match (wanted, people.len()) {
        (false, _) => Vec::new(),
        (true, n) if n < 10_000 => prints(people),
        (true, n) => {
            let (first, second) = people.split_at(n / 2);
            std::thread::scope(|s| {
                let later = s.spawn(|| prints(second));
                let mut all = prints(first);
                all.extend(later.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
                all
            })
        }
    }
}

/// The fingerprint of a person's fields as [`person_values`] gives them.
pub(crate) fn person_fingerprint(values: &[Option<Text<'_>>; 23]) -> u64 {
    fingerprint(values.iter().map(text_of))
}

/// A fingerprint of a person's fields as stored (see [`person_values`]). It is kept in the
/// database (`people.fingerprint`): changing how it is computed needs a migration that sets
/// every stored one to NULL.
pub(crate) fn fingerprint<'a>(values: impl Iterator<Item = Option<&'a str>>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = kaohe_engine::fast_hash::FxHasher::default();
    for v in values {
        v.hash(&mut h);
    }
    h.finish()
}

pub(crate) fn parse_period(s: &str) -> Option<Period> {
    let n: u8 = s.get(1..)?.parse().ok()?;
    match s.chars().next()? {
        'Q' => Some(Period::Quarter(n)),
        'M' => Some(Period::Month(n)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trigger that sets a person's fingerprint to NULL when their fields change without it
    /// watches every field the fingerprint stands for, and the fingerprint stands for every
    /// column of a person but their ID and the import's own bookkeeping.
    #[test]
    fn the_fingerprint_stands_for_every_field_and_its_trigger_watches_them_all() {
        let store = Store::open(Path::new(":memory:")).expect("store");
        let sql: String = store
            .conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'people_fingerprint_follows_fields'",
                [],
                |r| r.get(0),
            )
            .expect("trigger");
        let watched: Vec<String> = sql
            .split("UPDATE OF")
            .nth(1)
            .and_then(|s| s.split(" ON ").next())
            .expect("columns")
            .split(',')
            .map(|c| c.trim().to_string())
            .collect();
        let fields: Vec<String> = PERSON_FIELDS.iter().map(|(c, _)| c.to_string()).collect();
        assert_eq!(watched, fields);
        let mut stmt =
            store.conn.prepare("SELECT name FROM pragma_table_info('people') ORDER BY cid").expect("columns");
        let mut columns: Vec<String> =
            stmt.query_map([], |r| r.get(0)).expect("rows").map(|r| r.expect("row")).collect();
        columns.retain(|c| !["id", "position", "first_import", "last_import", "fingerprint"].contains(&c.as_str()));
        columns.sort();
        let mut sorted = fields;
        sorted.sort();
        assert_eq!(columns, sorted);
    }

    /// The fields are written as chrono and `to_string` would write them (the fingerprints of
    /// databases written before depend on it): dates as `%Y-%m-%d`, also outside the years
    /// 0–9999, numbers in decimal.
    #[test]
    fn dates_and_numbers_are_written_as_chrono_and_to_string_write_them() {
        for (y, m, d) in
            [(2025, 10, 1), (1949, 12, 31), (1, 1, 1), (0, 2, 29), (9999, 12, 31), (10_000, 1, 1), (-1, 3, 5)]
        {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("date");
            assert_eq!(Text::date(date).as_str(), date.format("%Y-%m-%d").to_string());
        }
        for n in [0, 7, 10, 24, 4_294_967_295] {
            assert_eq!(Text::number(n).as_str(), n.to_string());
        }
    }
}
