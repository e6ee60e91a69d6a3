//! The 人员 grid's pages: the people a clerk's filters, search and sort select, a page at a time,
//! filtered, sorted and counted in SQL ([`Store::people_page`]), and the choices its filters offer
//! ([`Store::people_filters`]). So the grid never holds everyone: 100,000 people cost the web view
//! the rows on screen, and the database the one query.
//!
//! Sorting follows what a clerk reads: names, departments, categories and posts in pinyin order
//! (a key per text, [`pinyin_key`], through the SQL function `kaohe_pinyin`), ranks in the
//! profile's ladder order (`kaohe_rank_order`, registered with the ladder for each query),
//! organs in roster order (the 单位 sheet's), dates and IDs as written; equal keys keep roster
//! order. The search ignores spaces (full-width ones too) and the case of an ID's X
//! (`kaohe_squeeze`) and matches a name, or an ID containing the text.

use super::*;
use kaohe_engine::NationalCode;
use pinyin::ToPinyin;
use rusqlite::functions::FunctionFlags;
use serde::{Deserialize, Serialize};

/// A year's result the grid filters on.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeFilter {
    /// One national result code ("1".."4", "5A" …).
    Code(NationalCode),
    /// Any 不定等次 / 不参加考核 code (not graded).
    Ungraded,
    /// No result recorded that year.
    None,
}

/// The columns the grid sorts on.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeopleSortKey {
    Name,
    Id,
    Organ,
    Department,
    Category,
    Rank,
    RankSince,
    Post,
}

/// A header the clerk clicked.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleSort {
    pub key: PeopleSortKey,
    pub descending: bool,
}

/// Which people the grid asks for: the filters (each `None` for all), the search, the order and
/// the page (`offset` rows skipped, at most `limit` returned).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleQuery {
    /// Name or ID, as typed.
    pub search: String,
    pub organ: Option<String>,
    pub category: Option<String>,
    pub rank: Option<String>,
    /// 领导成员 or not.
    pub leader: Option<bool>,
    /// The year whose result each row carries (and `grade` filters on).
    pub year: Option<i32>,
    /// Ignored without a `year`.
    pub grade: Option<GradeFilter>,
    /// `None`: roster order.
    pub sort: Option<PeopleSort>,
    pub offset: u32,
    pub limit: u32,
}

/// One row of the grid.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeopleRow {
    pub id: String,
    pub name: String,
    pub organ: String,
    pub department: Option<String>,
    pub category: String,
    pub rank: String,
    pub rank_since: NaiveDate,
    /// 领导职务 as written (处长 …), if any.
    pub post: Option<String>,
    /// 领导成员.
    pub leader: bool,
    /// The national result code in the query's year, if any.
    pub result: Option<NationalCode>,
}

/// A page of the grid.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeoplePage {
    /// Where `rows` start among the people matched.
    pub offset: u32,
    /// How many people the filters and search match.
    pub matched: u32,
    /// How many people the database holds.
    pub total: u32,
    pub rows: Vec<PeopleRow>,
}

/// What the grid's filters offer, as the database holds it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PeopleFilters {
    /// How many people the database holds.
    pub total: u32,
    /// Organs in roster order (the 单位 sheet's), then any only people name, by first appearance.
    pub organs: Vec<String>,
    /// Categories and ranks the people hold, by first appearance in roster order.
    pub categories: Vec<String>,
    pub ranks: Vec<String>,
    /// Years with at least one annual result, oldest first.
    pub years: Vec<i32>,
}

/// Adds a parameter; its placeholder (`?3`).
fn bind(value: rusqlite::types::Value, args: &mut Vec<rusqlite::types::Value>) -> String {
    args.push(value);
    format!("?{}", args.len())
}

/// A text's pinyin sort key: for each character its pinyin with the tone's number (「zhang1」),
/// then the character itself, so that 冯 (feng2) < 胡 (hu2) < 黄 (huang2) < 马 (ma3) and
/// characters read alike still order the same way every time; other characters (Latin letters,
/// digits, ·) as themselves, lower case.
pub fn pinyin_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len() * 3);
    for c in text.chars() {
        match c.to_pinyin() {
            Some(p) => key.push_str(p.with_tone_num_end()),
            None => key.extend(c.to_lowercase()),
        }
        key.push('\u{1}');
        key.push(c);
        key.push('\u{1}');
    }
    key
}

/// A searched text as compared: without spaces (full-width ones too), upper case (an ID's x).
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
}

impl Store {
    /// The filters' choices (organs, categories, ranks, years) and the number of people.
    pub fn people_filters(&self) -> Result<PeopleFilters, StoreError> {
        let conn = &self.conn;
        let strings = |sql: &str| -> Result<Vec<String>, StoreError> {
            let mut stmt = conn.prepare(sql)?;
            let out = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<_, _>>()?;
            Ok(out)
        };
        let total: u32 = conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0))?;
        let mut organs = strings("SELECT name FROM organs ORDER BY position, name")?;
        organs.extend(strings(
            "SELECT organ FROM people WHERE organ NOT IN (SELECT name FROM organs) GROUP BY organ ORDER BY min(position), organ",
        )?);
        // Categories and ranks from one pass over the people: each pair where it first appears.
        let mut stmt = conn.prepare(
            "SELECT category, rank FROM people GROUP BY category, rank ORDER BY min(position), category, rank",
        )?;
        let (mut categories, mut ranks): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
        for pair in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (category, rank) = pair?;
            if !categories.contains(&category) {
                categories.push(category);
            }
            if !ranks.contains(&rank) {
                ranks.push(rank);
            }
        }
        let mut stmt = conn.prepare("SELECT DISTINCT year FROM annual_results ORDER BY year")?;
        let years = stmt.query_map([], |r| r.get::<_, i32>(0))?.collect::<Result<_, _>>()?;
        Ok(PeopleFilters { total, organs, categories, ranks, years })
    }

    /// The page of people `query` asks for, with how many it matches. `ladder` is every rank in
    /// the profile's order (ranks sort by it; ranks it lacks come last, by name).
    pub fn people_page(&self, query: &PeopleQuery, ladder: &[String]) -> Result<PeoplePage, StoreError> {
        self.register_people_functions(ladder)?;
        let mut conditions: Vec<String> = Vec::new();
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        use rusqlite::types::Value::{Integer, Text};
        for (column, value) in [("p.organ", &query.organ), ("p.category", &query.category), ("p.rank", &query.rank)] {
            if let Some(value) = value {
                let n = bind(Text(value.clone()), &mut args);
                conditions.push(format!("{column} = {n}"));
            }
        }
        if let Some(leader) = query.leader {
            conditions.push(format!("p.is_leader = {}", i64::from(leader)));
        }
        let search = squeeze(&query.search);
        if !search.is_empty() {
            let n = bind(Text(search), &mut args);
            conditions.push(format!("(instr(kaohe_squeeze(p.name), {n}) > 0 OR instr(p.id, {n}) > 0)"));
        }
        if let (Some(year), Some(grade)) = (query.year, &query.grade) {
            let year = bind(Integer(year.into()), &mut args);
            let result = format!("SELECT 1 FROM annual_results r WHERE r.person_id = p.id AND r.year = {year}");
            conditions.push(match grade {
                GradeFilter::Code(code) => {
                    format!("EXISTS ({result} AND r.code = {})", bind(Text(code.code().to_owned()), &mut args))
                }
                GradeFilter::Ungraded => {
                    let codes: Vec<String> = ResultCode::ALL
                        .into_iter()
                        .filter(|c| !matches!(c, ResultCode::Graded(_)))
                        .map(|c| bind(Text(c.code().to_owned()), &mut args))
                        .collect();
                    format!("EXISTS ({result} AND r.code IN ({}))", codes.join(", "))
                }
                GradeFilter::None => format!("NOT EXISTS ({result})"),
            });
        }
        let filter = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };

        let matched: u32 = self.conn.query_row(
            &format!("SELECT count(*) FROM people p {filter}"),
            rusqlite::params_from_iter(&args),
            |r| r.get(0),
        )?;
        let total: u32 = if filter.is_empty() {
            matched
        } else {
            self.conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0))?
        };

        let order = match query.sort {
            None => "p.position, p.id".to_owned(),
            Some(PeopleSort { key, descending }) => {
                let dir = if descending { "DESC" } else { "ASC" };
                let keys = match key {
                    PeopleSortKey::Name => format!("kaohe_pinyin(p.name) {dir}"),
                    PeopleSortKey::Department => format!("kaohe_pinyin(coalesce(p.department, '')) {dir}"),
                    PeopleSortKey::Category => format!("kaohe_pinyin(p.category) {dir}"),
                    PeopleSortKey::Post => format!("kaohe_pinyin(coalesce(p.post, '')) {dir}"),
                    PeopleSortKey::Id => format!("p.id {dir}"),
                    PeopleSortKey::RankSince => format!("p.rank_since {dir}"),
                    PeopleSortKey::Rank => format!("kaohe_rank_order(p.rank) {dir}, p.rank {dir}"),
                    PeopleSortKey::Organ => format!("o.name IS NULL {dir}, o.position {dir}, p.organ {dir}"),
                };
                format!("{keys}, p.position, p.id")
            }
        };
        // The page's people first (only their row numbers pass through the sort), then each one's
        // columns and result: the result's lookup for the page only, not for every row sorted.
        let limit = bind(Integer(query.limit.into()), &mut args);
        let offset = bind(Integer(query.offset.into()), &mut args);
        let sql = format!(
            "SELECT p.rowid FROM people p LEFT JOIN organs o ON o.name = p.organ {filter}
             ORDER BY {order} LIMIT {limit} OFFSET {offset}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let page: Vec<i64> =
            stmt.query_map(rusqlite::params_from_iter(&args), |r| r.get(0))?.collect::<Result<_, _>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.name, p.organ, p.department, p.category, p.rank, p.rank_since, p.post, p.is_leader,
                (SELECT r.code FROM annual_results r WHERE r.person_id = p.id AND r.year = ?2)
             FROM people p WHERE p.rowid = ?1",
        )?;
        let mut rows = Vec::with_capacity(page.len());
        for rowid in page {
            let (rank_since, result, mut row) = stmt.query_row(params![rowid, query.year], |r| {
                Ok((
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<String>>(9)?,
                    PeopleRow {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        organ: r.get(2)?,
                        department: r.get(3)?,
                        category: r.get(4)?,
                        rank: r.get(5)?,
                        rank_since: NaiveDate::default(),
                        post: r.get(7)?,
                        leader: r.get(8)?,
                        result: None,
                    },
                ))
            })?;
            row.rank_since = parse_date(Some(rank_since))?.unwrap_or_default();
            row.result = result
                .map(|c| {
                    NationalCode::from_code(&c).ok_or_else(|| StoreError::Corrupt(format!("考核结果代码「{c}」无效")))
                })
                .transpose()?;
            rows.push(row);
        }
        Ok(PeoplePage { offset: query.offset, matched, total, rows })
    }

    /// `kaohe_pinyin(text)`, `kaohe_squeeze(text)` and `kaohe_rank_order(rank)` (the position in
    /// `ladder`; ranks it lacks after all of it) on this connection, for [`Store::people_page`].
    fn register_people_functions(&self, ladder: &[String]) -> Result<(), StoreError> {
        let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
        self.conn.create_scalar_function("kaohe_pinyin", 1, flags, |ctx| {
            Ok(ctx.get::<Option<String>>(0)?.map(|t| pinyin_key(&t)))
        })?;
        self.conn.create_scalar_function("kaohe_squeeze", 1, flags, |ctx| {
            Ok(ctx.get::<Option<String>>(0)?.map(|t| squeeze(&t)))
        })?;
        let mut order: HashMap<String, i64> = HashMap::new();
        for (i, rank) in ladder.iter().enumerate() {
            order.entry(rank.clone()).or_insert(i as i64);
        }
        let after = ladder.len() as i64;
        self.conn.create_scalar_function("kaohe_rank_order", 1, flags, move |ctx| {
            let rank = ctx.get::<Option<String>>(0)?;
            Ok(rank.and_then(|r| order.get(&r).copied()).unwrap_or(after))
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_keys_order_names_as_a_clerk_reads_them() {
        let mut names = ["田建国", "马秀英", "黄浩然", "冯雅琴", "胡雅琴", "李", "李明", "Anna", "汪洋", "王洋"];
        names.sort_by_key(|n| pinyin_key(n));
        // 冯 féng, 胡 hú, 黄 huáng, 李 lǐ (the shorter name first), 马 mǎ, 田 tián, 汪 wāng before
        // 王 wáng; a Latin name by its letters.
        assert_eq!(names, ["Anna", "冯雅琴", "胡雅琴", "黄浩然", "李", "李明", "马秀英", "田建国", "汪洋", "王洋"]);
    }

    #[test]
    fn a_search_ignores_spaces_and_case() {
        assert_eq!(squeeze("　田 建国\n"), "田建国");
        assert_eq!(squeeze("056x"), "056X");
    }
}
