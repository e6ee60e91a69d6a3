//! The organs (单位) of the `organs` table as a list of their own: the 所辖单位 a 汇总 database
//! supervises, kept without a roster — listed with their 机构级别 and how many people belong to
//! each, added or given a level by name, removed (never one that people belong to). Each change
//! is one transaction with its 操作日志 entry (kind `organs`); a call that changes nothing
//! records nothing. An import of a roster fills the same table, as it always did.

use rusqlite::{params, OptionalExtension};

use crate::operations::OperationRecord;
use crate::{OperationKind, Store, StoreError};

/// An organ of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedOrgan {
    pub name: String,
    /// 机构级别 (the profile's organ level, or the text a list gave).
    pub level: Option<String>,
    /// People of the database who belong to it.
    pub people: u64,
}

/// What adding organs did, each name once, in the order given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrgansAdded {
    pub added: Vec<String>,
    /// Listed before; their level set to the one given where it differed.
    pub updated: Vec<String>,
    /// Listed before, nothing changed.
    pub already: Vec<String>,
}

impl OrgansAdded {
    /// Whether nothing changed.
    pub fn unchanged(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty()
    }
}

impl Store {
    /// The organs' names, in the list's order (the 单位 sheet's, then as added).
    pub fn organ_names(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT name FROM organs ORDER BY position, name")?;
        let names = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(names)
    }

    /// The organs with their level and people, in the list's order.
    pub fn listed_organs(&self) -> Result<Vec<ListedOrgan>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT o.name, o.level, (SELECT count(*) FROM people p WHERE p.organ = o.name)
               FROM organs o ORDER BY o.position, o.name",
        )?;
        let organs = stmt
            .query_map([], |r| {
                Ok(ListedOrgan { name: r.get(0)?, level: r.get(1)?, people: r.get::<_, i64>(2)? as u64 })
            })?
            .collect::<Result<_, _>>()?;
        Ok(organs)
    }

    /// Adds organs by name (trimmed; blank names and repeats left out), each with its level when
    /// one is given: a new organ goes after every listed one; a listed one keeps its place, its
    /// level replaced by the one given (kept when none is). `source`: the file the names were
    /// read from, for the log. One transaction with its log entry, none when nothing changed.
    pub fn add_organs(
        &mut self,
        organs: &[(String, Option<String>)],
        source: Option<&str>,
        by: &str,
    ) -> Result<OrgansAdded, StoreError> {
        let tx = self.conn.transaction()?;
        let mut out = OrgansAdded::default();
        let mut seen = std::collections::HashSet::new();
        let mut next: i64 = tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM organs", [], |r| r.get(0))?;
        for (name, level) in organs {
            let name = name.trim();
            let level = level.as_deref().map(str::trim).filter(|l| !l.is_empty());
            if name.is_empty() || !seen.insert(name.to_string()) {
                continue;
            }
            let stored: Option<Option<String>> =
                tx.query_row("SELECT level FROM organs WHERE name = ?1", [name], |r| r.get(0)).optional()?;
            match stored {
                None => {
                    tx.execute(
                        "INSERT INTO organs (name, level, position) VALUES (?1, ?2, ?3)",
                        params![name, level, next],
                    )?;
                    next += 1;
                    out.added.push(name.to_string());
                }
                Some(old) if level.is_some() && old.as_deref() != level => {
                    tx.execute("UPDATE organs SET level = ?2 WHERE name = ?1", params![name, level])?;
                    out.updated.push(name.to_string());
                }
                Some(_) => out.already.push(name.to_string()),
            }
        }
        if !out.unchanged() {
            let mut said = Vec::new();
            if !out.added.is_empty() {
                said.push(format!("添加{}个：{}", out.added.len(), out.added.join("、")));
            }
            if !out.updated.is_empty() {
                said.push(format!("更改机构级别{}个：{}", out.updated.len(), out.updated.join("、")));
            }
            let to = said.join("；");
            Self::record_in(
                &tx,
                &OperationRecord {
                    subject: source,
                    to: Some(&to),
                    people: Some(out.added.len() as i64),
                    ..OperationRecord::new(OperationKind::Organs, by)
                },
            )?;
        }
        tx.commit()?;
        Ok(out)
    }

    /// Removes organs from the list (with their approved 职数). All or none: a name not listed,
    /// or an organ that people of the database belong to, refuses the whole call, naming it.
    pub fn remove_organs(&mut self, names: &[String], by: &str) -> Result<Vec<String>, StoreError> {
        let tx = self.conn.transaction()?;
        let groups = crate::shared_pools::read(&tx)?;
        let mut removed: Vec<String> = Vec::new();
        for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            if removed.iter().any(|r| r == name) {
                continue;
            }
            let listed: Option<i64> = tx
                .query_row(
                    "SELECT (SELECT count(*) FROM people p WHERE p.organ = o.name) FROM organs o WHERE o.name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .optional()?;
            match listed {
                None => return Err(StoreError::OrganNotListed { organ: name.to_string() }),
                Some(people) if people > 0 => {
                    return Err(StoreError::OrganInUse { organ: name.to_string(), people: people as u64 })
                }
                Some(_) => {}
            }
            if let Some(group) = crate::shared_pools::group_of(&groups, name) {
                return Err(StoreError::OrganShared { organ: name.to_string(), group: group.name.clone() });
            }
            tx.execute("DELETE FROM organ_slots WHERE organ = ?1", [name])?;
            tx.execute("DELETE FROM organs WHERE name = ?1", [name])?;
            removed.push(name.to_string());
        }
        if !removed.is_empty() {
            let from = format!("删除{}个：{}", removed.len(), removed.join("、"));
            Self::record_in(
                &tx,
                &OperationRecord { from: Some(&from), ..OperationRecord::new(OperationKind::Organs, by) },
            )?;
        }
        tx.commit()?;
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operations::LogFilter;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("tmp");
        let store = Store::open(&dir.path().join("汇总.db")).expect("db");
        (dir, store)
    }

    fn names(organs: &[&str]) -> Vec<(String, Option<String>)> {
        organs.iter().map(|n| (n.to_string(), None)).collect()
    }

    #[test]
    fn organs_are_added_by_name_once_and_logged() {
        let (_dir, mut store) = store();
        let first = store
            .add_organs(
                &[
                    ("甲局".into(), Some("县".into())),
                    ("乙局".into(), None),
                    (" 甲局 ".into(), None),
                    ("".into(), None),
                ],
                Some("名单.xlsx"),
                "王芳",
            )
            .expect("added");
        assert_eq!(first.added, ["甲局", "乙局"]);
        let again = store
            .add_organs(
                &[("乙局".into(), Some("乡镇".into())), ("甲局".into(), None), ("丙局".into(), None)],
                None,
                "王芳",
            )
            .expect("again");
        assert_eq!(
            (again.added, again.updated, again.already),
            (vec!["丙局".to_string()], vec!["乙局".to_string()], vec!["甲局".to_string()])
        );
        let listed = store.listed_organs().expect("listed");
        let shown: Vec<(&str, Option<&str>, u64)> =
            listed.iter().map(|o| (o.name.as_str(), o.level.as_deref(), o.people)).collect();
        assert_eq!(shown, [("甲局", Some("县"), 0), ("乙局", Some("乡镇"), 0), ("丙局", None, 0)]);
        assert_eq!(store.organ_names().expect("names"), ["甲局", "乙局", "丙局"]);
        let none = store.add_organs(&names(&["甲局"]), None, "王芳").expect("nothing new");
        assert!(none.unchanged());
        let log = store.operation_log(&LogFilter { kind: Some(OperationKind::Organs), year: None }).expect("log");
        assert_eq!(log.len(), 2, "nothing changed, nothing recorded");
        assert_eq!(log[1].subject.as_deref(), Some("名单.xlsx"));
        assert_eq!(log[1].to.as_deref(), Some("添加2个：甲局、乙局"));
        assert_eq!(log[0].to.as_deref(), Some("添加1个：丙局；更改机构级别1个：乙局"));
        assert_eq!(log[0].by, "王芳");
    }

    #[test]
    fn an_organ_people_belong_to_is_not_removed() {
        let (_dir, mut store) = store();
        store.add_organs(&names(&["甲局", "乙局"]), None, "王芳").expect("added");
        store
            .conn
            .execute(
                "INSERT INTO people (id, name, organ, category, rank, rank_since) VALUES ('110101199001010011', '张三', '甲局', '综合管理类', '一级科员', '2020-01-01')",
                [],
            )
            .expect("a person");
        let e = store.remove_organs(&["乙局".into(), "甲局".into()], "王芳").expect_err("people belong to 甲局");
        assert_eq!(e.to_string(), "「甲局」有 1 名人员，不能从所辖单位名单中删除；请先在名册中把这些人员调往其他单位");
        assert_eq!(e.code(), crate::ErrorCode::OrganInUse);
        assert_eq!(store.organ_names().expect("names"), ["甲局", "乙局"], "all or nothing");
        let e = store.remove_organs(&["丁局".into()], "王芳").expect_err("not listed");
        assert_eq!(e.to_string(), "所辖单位名单中没有「丁局」");
        assert_eq!(store.remove_organs(&["乙局".into()], "王芳").expect("removed"), ["乙局"]);
        assert_eq!(store.organ_names().expect("names"), ["甲局"]);
        let log = store.operation_log(&LogFilter { kind: Some(OperationKind::Organs), year: None }).expect("log");
        assert_eq!(log[0].from.as_deref(), Some("删除1个：乙局"));
    }
}
