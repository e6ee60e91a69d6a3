//! A person's career as the imports saw it (the 人员 drawer's timeline): rebuilt from today's
//! fields and the history of changes each import recorded (`person_history`, keyed by the
//! columns of `people`), undoing the imports newest first; with the ranks the roster's 职级变动
//! sheet lists (also those held before the first import), each marked with its row.

use chrono::NaiveDate;
use kaohe_engine::{Person, RankRecord};
use serde::Serialize;

use crate::Change;

/// What changed in a career step: `rank` (职级), `post` (领导职务), `organ` (单位), `category`
/// (职位类别), `work_start` (参加工作), `service_start` (进入公务员队伍), `added` (first imported).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Rank,
    Post,
    Organ,
    Category,
    WorkStart,
    ServiceStart,
    Added,
}

/// One step of a person's career as the database knows it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// `rank` (职级), `post` (领导职务), `organ` (单位), `category` (职位类别), `work_start`
    /// (参加工作), `service_start` (进入公务员队伍), `added` (first imported).
    pub kind: TimelineKind,
    /// Since when (任职时间); `None` when the roster gives no date for the change.
    pub date: Option<NaiveDate>,
    /// The rank, post title, organ or category from then on.
    pub value: Option<String>,
    /// For a post: its level (县处级副职 …).
    pub detail: Option<String>,
    /// What it replaced, when the change was seen by an import.
    pub previous: Option<String>,
    /// Still so today.
    pub current: bool,
    /// When the import that recorded it ran (`YYYY-MM-DD HH:MM:SS`) and its file.
    pub recorded_at: Option<String>,
    pub file: Option<String>,
    /// For a rank the roster's 职级变动 sheet lists: the row it was written on
    /// (「职级变动」表第5行); its 文号/备注 are the `detail`.
    pub source: Option<String>,
}

/// The career of `p` from `history`, a person's recorded changes with when each import ran and
/// its file ([`crate::Store::history_with_imports`]), and `records`, the ranks the 职级变动 sheet
/// lists for them; newest first.
pub fn timeline(p: &Person, history: &[(Change, String, String)], records: &[&RankRecord]) -> Vec<TimelineEntry> {
    let history: Vec<Recorded> = history
        .iter()
        .map(|(c, at, file)| Recorded {
            import_id: c.import_id,
            field: c.field.clone(),
            old: c.old.clone(),
            new: c.new.clone(),
            at: at.clone(),
            file: file.clone(),
        })
        .collect();
    let mut out = rebuild(p, &history);
    with_records(&mut out, records);
    out
}

/// Adds the ranks of the 职级变动 sheet to a timeline: a rank the imports saw on the same day is
/// marked with its row, another is an entry of its own (the rank before it by date its
/// `previous`); newest first again.
fn with_records(out: &mut Vec<TimelineEntry>, records: &[&RankRecord]) {
    let mut sorted: Vec<&RankRecord> = records.to_vec();
    sorted.sort_by_key(|r| r.since);
    let mut previous: Option<&str> = None;
    for r in sorted {
        let same = |e: &&mut TimelineEntry| {
            e.kind == TimelineKind::Rank && e.date == Some(r.since) && e.value.as_deref() == Some(r.rank.as_str())
        };
        match out.iter_mut().find(|e| same(e)) {
            Some(e) => {
                e.source.get_or_insert_with(|| r.source.clone());
                if e.detail.is_none() {
                    e.detail = r.note.clone();
                }
            }
            None => out.push(TimelineEntry {
                previous: previous.filter(|p| *p != r.rank).map(str::to_string),
                detail: r.note.clone(),
                source: Some(r.source.clone()),
                ..entry(TimelineKind::Rank, Some(r.since), &Some(r.rank.clone()))
            }),
        }
        previous = Some(&r.rank);
    }
    out.sort_by_key(|e| std::cmp::Reverse(sort_key(e)));
}

/// The day an entry is ordered by: its date, or the day it was recorded.
fn sort_key(e: &TimelineEntry) -> Option<NaiveDate> {
    e.date.or_else(|| day(&e.recorded_at.as_ref().map(|a| a.chars().take(10).collect())))
}

/// A recorded change with its import.
struct Recorded {
    import_id: i64,
    field: String,
    old: Option<String>,
    new: Option<String>,
    at: String,
    file: String,
}

/// The fields of a person the timeline follows, by their history keys (kaohe-store's columns).
#[derive(Clone, Default)]
struct Snapshot {
    rank: Option<String>,
    rank_since: Option<String>,
    post: Option<String>,
    post_level: Option<String>,
    post_since: Option<String>,
    organ: Option<String>,
    category: Option<String>,
}

impl Snapshot {
    fn field(&mut self, name: &str) -> Option<&mut Option<String>> {
        Some(match name {
            "rank" => &mut self.rank,
            "rank_since" => &mut self.rank_since,
            "post" => &mut self.post,
            "post_level" => &mut self.post_level,
            "post_since" => &mut self.post_since,
            "organ" => &mut self.organ,
            "category" => &mut self.category,
            _ => return None,
        })
    }
}

fn day(text: &Option<String>) -> Option<NaiveDate> {
    text.as_deref().and_then(kaohe_engine::dates::parse_ymd)
}

/// The career as the imports saw it: starting from today's fields, each import's changes are
/// undone newest first, giving the state before it; every change of rank, post, organ or
/// category becomes an entry, and what is left at the first import is where the record starts.
fn rebuild(p: &Person, history: &[Recorded]) -> Vec<TimelineEntry> {
    let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let mut state = Snapshot {
        rank: Some(p.rank.clone()),
        rank_since: date(Some(p.rank_since)),
        post: p.post.clone(),
        post_level: p.post_level.clone(),
        post_since: date(p.post_since),
        organ: Some(p.organ.clone()),
        category: Some(p.category.clone()),
    };
    let mut out: Vec<TimelineEntry> = Vec::new();
    let mut current = [true; 4];
    // (The organ someone was in when first imported is no event: the drawer shows the organ;
    // transfers seen by later imports are.)
    let mut imports: Vec<i64> = history.iter().map(|h| h.import_id).collect();
    imports.dedup();
    let mut first: Option<&Recorded> = None;
    for import in imports.iter().rev() {
        let changes: Vec<&Recorded> = history.iter().filter(|h| h.import_id == *import).collect();
        let after = state.clone();
        for c in &changes {
            if c.field == crate::ADDED {
                first = Some(c);
            }
            if let Some(slot) = state.field(&c.field) {
                *slot = c.old.clone();
            }
        }
        let before = &state;
        let (at, file) = (Some(changes[0].at.clone()), Some(changes[0].file.clone()));
        let mut push = |mut e: TimelineEntry, k: usize| {
            e.current = std::mem::replace(&mut current[k], false);
            e.recorded_at = at.clone();
            e.file = file.clone();
            out.push(e);
        };
        let is_new = changes.iter().any(|c| c.field == crate::ADDED);
        if is_new {
            continue;
        }
        for (e, k) in changed(&after, before) {
            push(e, k);
        }
    }
    // Where the record starts: the state at the first import (today's, without history).
    let (at, file) = (first.map(|f| f.at.clone()), first.map(|f| f.file.clone()));
    let mut start = |mut e: TimelineEntry, k: usize| {
        e.current = current[k];
        e.recorded_at = at.clone();
        e.file = file.clone();
        out.push(e);
    };
    start(entry(TimelineKind::Rank, day(&state.rank_since), &state.rank), 0);
    if state.post.is_some() || state.post_level.is_some() {
        let value = state.post.clone().or_else(|| state.post_level.clone());
        start(
            TimelineEntry {
                detail: state.post_level.clone(),
                ..entry(TimelineKind::Post, day(&state.post_since), &value)
            },
            1,
        );
    }
    if let Some(f) = first {
        out.push(TimelineEntry {
            recorded_at: Some(f.at.clone()),
            file: Some(f.file.clone()),
            ..entry(TimelineKind::Added, day(&Some(f.at.chars().take(10).collect())), &f.new)
        });
    }
    if p.service_start.is_some() {
        out.push(entry(TimelineKind::ServiceStart, p.service_start, &None));
    }
    if p.work_start.is_some() {
        out.push(entry(TimelineKind::WorkStart, p.work_start, &None));
    }
    // Newest first; undated changes by the day they were recorded.
    out.sort_by_key(|e| std::cmp::Reverse(sort_key(e)));
    out
}

/// A timeline entry of `kind` on `date` with `value`, the rest to be filled in.
fn entry(kind: TimelineKind, date: Option<NaiveDate>, value: &Option<String>) -> TimelineEntry {
    TimelineEntry {
        kind,
        date,
        value: value.clone(),
        detail: None,
        previous: None,
        current: false,
        recorded_at: None,
        file: None,
        source: None,
    }
}

/// What one import changed between the state `before` it and `after` it: the entries, each with
/// its slot (0 rank, 1 post, 2 organ, 3 category: the newest of each slot is current).
fn changed(after: &Snapshot, before: &Snapshot) -> Vec<(TimelineEntry, usize)> {
    let mut out = Vec::new();
    if after.rank != before.rank {
        out.push((
            TimelineEntry {
                previous: before.rank.clone(),
                ..entry(TimelineKind::Rank, day(&after.rank_since), &after.rank)
            },
            0,
        ));
    }
    if after.post != before.post || after.post_level != before.post_level {
        let previous = before.post.clone().or_else(|| before.post_level.clone());
        let value = after.post.clone().or_else(|| after.post_level.clone());
        out.push((
            TimelineEntry {
                previous,
                detail: after.post_level.clone(),
                ..entry(TimelineKind::Post, day(&after.post_since), &value)
            },
            1,
        ));
    }
    if after.organ != before.organ {
        out.push((
            TimelineEntry { previous: before.organ.clone(), ..entry(TimelineKind::Organ, None, &after.organ) },
            2,
        ));
    }
    if after.category != before.category {
        out.push((
            TimelineEntry { previous: before.category.clone(), ..entry(TimelineKind::Category, None, &after.category) },
            3,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(import_id: i64, field: &str, old: Option<&str>, new: Option<&str>, at: &str) -> Recorded {
        Recorded {
            import_id,
            field: field.into(),
            old: old.map(Into::into),
            new: new.map(Into::into),
            at: at.into(),
            file: format!("名册{import_id}.xlsx"),
        }
    }

    #[test]
    fn the_timeline_undoes_each_import_newest_first() {
        let p = Person {
            id: "330102198808060235".into(),
            name: "田建国".into(),
            organ: "某市财政局".into(),
            category: "综合管理类".into(),
            rank: "一级主任科员".into(),
            rank_since: NaiveDate::from_ymd_opt(2025, 3, 1).expect("date"),
            post: Some("科长".into()),
            post_level: Some("乡科级正职".into()),
            post_since: NaiveDate::from_ymd_opt(2025, 6, 1),
            ..Person::default()
        };
        let history = [
            rec(1, "added", None, Some("田建国"), "2024-12-20 09:00:00"),
            rec(2, "rank", Some("二级主任科员"), Some("一级主任科员"), "2025-04-02 10:00:00"),
            rec(2, "rank_since", Some("2019-01-28"), Some("2025-03-01"), "2025-04-02 10:00:00"),
            rec(3, "post", None, Some("科长"), "2025-07-01 10:00:00"),
            rec(3, "post_level", None, Some("乡科级正职"), "2025-07-01 10:00:00"),
            rec(3, "post_since", None, Some("2025-06-01"), "2025-07-01 10:00:00"),
        ];
        let t = rebuild(&p, &history);
        // kind, date, value, previous value, current
        type Line<'a> = (TimelineKind, Option<String>, Option<&'a str>, Option<&'a str>, bool);
        let lines: Vec<Line> = t
            .iter()
            .map(|e| (e.kind, e.date.map(|d| d.to_string()), e.value.as_deref(), e.previous.as_deref(), e.current))
            .collect();
        assert_eq!(
            lines,
            vec![
                (TimelineKind::Post, Some("2025-06-01".into()), Some("科长"), None, true),
                (TimelineKind::Rank, Some("2025-03-01".into()), Some("一级主任科员"), Some("二级主任科员"), true),
                (TimelineKind::Added, Some("2024-12-20".into()), Some("田建国"), None, false),
                (TimelineKind::Rank, Some("2019-01-28".into()), Some("二级主任科员"), None, false),
            ]
        );
        assert_eq!(t[1].file.as_deref(), Some("名册2.xlsx"));
        assert_eq!(t[0].detail.as_deref(), Some("乡科级正职"));

        // The 职级变动 sheet lists the rank of the first import and two before it.
        let record = |rank: &str, since: &str, row: u32, note: Option<&str>| RankRecord {
            person_id: p.id.clone(),
            rank: rank.into(),
            since: kaohe_engine::dates::parse_ymd(since).expect("date"),
            source: format!("「职级变动」表第{row}行"),
            note: note.map(Into::into),
        };
        let records = [
            record("二级主任科员", "2019-01-28", 4, None),
            record("一级科员", "2012-07-01", 2, Some("某组字〔2012〕9号")),
            record("四级主任科员", "2015-01-01", 3, None),
        ];
        let mut t = t;
        with_records(&mut t, &records.iter().collect::<Vec<_>>());
        type Marked<'a> = (Option<String>, Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let ranks: Vec<Marked> = t
            .iter()
            .filter(|e| e.kind == TimelineKind::Rank)
            .map(|e| {
                (
                    e.date.map(|d| d.to_string()),
                    e.value.as_deref(),
                    e.previous.as_deref(),
                    e.source.as_deref(),
                    e.detail.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            ranks,
            vec![
                (Some("2025-03-01".into()), Some("一级主任科员"), Some("二级主任科员"), None, None),
                (Some("2019-01-28".into()), Some("二级主任科员"), None, Some("「职级变动」表第4行"), None),
                (Some("2015-01-01".into()), Some("四级主任科员"), Some("一级科员"), Some("「职级变动」表第3行"), None),
                (
                    Some("2012-07-01".into()),
                    Some("一级科员"),
                    None,
                    Some("「职级变动」表第2行"),
                    Some("某组字〔2012〕9号")
                ),
            ]
        );
    }
}
