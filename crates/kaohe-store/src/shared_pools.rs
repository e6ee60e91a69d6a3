//! 统筹职数: groups of organs that share a pool's approved 职数 (县乡统筹, domain.md §3, [U]) — local
//! data the clerk enters with its source, never a rule. Kept without a table of their own: as
//! JSON in the `settings` table (key [`SHARED_POOLS`], a versioned shape), read whole and written
//! whole. Setting or removing a group is one transaction with its 操作日志 entry (kind
//! `shared_pool`); the checks that need the database (every member on the 所辖单位 list, an organ
//! in one group per pool) are made inside it. Which pools exist is the rule profile's, checked by
//! kaohe-desk before.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::operations::OperationRecord;
use crate::{now, OperationKind, Store, StoreError};

/// The setting's key.
pub const SHARED_POOLS: &str = "shared_pools";
/// The version of the JSON this build writes (and the newest it reads).
const VERSION: u32 = 1;

/// A group of organs sharing one pool's approved 职数.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPool {
    /// 名称, the group's name (unique).
    pub name: String,
    /// The rule profile's pool (职数池).
    pub pool: String,
    /// 核定职数 of the group.
    pub approved: u32,
    /// The member organs, each on the 所辖单位 list.
    pub organs: Vec<String>,
    /// 依据: the document that set the group up.
    pub source: String,
    /// Who set it, and when (`YYYY-MM-DD HH:MM:SS`).
    pub by: String,
    pub at: String,
}

impl SharedPool {
    /// The group in one line, for the log: 「三级和四级主任科员，核定5：甲局、乙局」.
    fn described(&self) -> String {
        format!("{}，核定{}：{}", self.pool, self.approved, self.organs.join("、"))
    }
}

/// The setting's JSON.
#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    groups: Vec<SharedPool>,
}

/// The groups as stored on `conn`.
pub(crate) fn read(conn: &Connection) -> Result<Vec<SharedPool>, StoreError> {
    let Some(text) = crate::settings::read_setting(conn, SHARED_POOLS)? else { return Ok(Vec::new()) };
    let version = serde_json::from_str::<serde_json::Value>(&text).ok().and_then(|v| v["version"].as_u64());
    if version.is_some_and(|v| v > u64::from(VERSION)) {
        return Err(StoreError::Corrupt(format!(
            "统筹职数由更新版本的考核软件保存（格式版本 {}），本软件读不了；请升级软件",
            version.unwrap_or_default()
        )));
    }
    let stored: Stored =
        serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("统筹职数的记录无法读取（{e}）")))?;
    Ok(stored.groups)
}

fn write(conn: &Connection, groups: &[SharedPool]) -> Result<(), StoreError> {
    let text = serde_json::to_string(&Stored { version: VERSION, groups: groups.to_vec() })
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    crate::settings::write_setting(conn, SHARED_POOLS, &text)
}

/// The first of `groups` that `organ` belongs to, if any.
pub(crate) fn group_of<'a>(groups: &'a [SharedPool], organ: &str) -> Option<&'a SharedPool> {
    groups.iter().find(|g| g.organs.iter().any(|o| o == organ))
}

impl Store {
    /// The groups, in the order they were first set.
    pub fn shared_pools(&self) -> Result<Vec<SharedPool>, StoreError> {
        read(&self.conn)
    }

    /// Sets a group (`by` and `at` are filled in here), replacing the one of the same name; every
    /// member must be on the 所辖单位 list and in no other group of the same pool. Returns the
    /// group it replaced.
    pub fn set_shared_pool(&mut self, group: SharedPool, by: &str) -> Result<Option<SharedPool>, StoreError> {
        let tx = self.conn.transaction()?;
        let mut groups = read(&tx)?;
        for organ in &group.organs {
            let listed: Option<i64> =
                tx.query_row("SELECT 1 FROM organs WHERE name = ?1", [organ], |r| r.get(0)).optional()?;
            if listed.is_none() {
                return Err(StoreError::OrganNotListed { organ: organ.clone() });
            }
            let others: Vec<SharedPool> =
                groups.iter().filter(|g| g.pool == group.pool && g.name != group.name).cloned().collect();
            if let Some(other) = group_of(&others, organ) {
                return Err(StoreError::SharedPoolTaken {
                    organ: organ.clone(),
                    pool: group.pool.clone(),
                    other: other.name.clone(),
                });
            }
        }
        let group = SharedPool { by: by.trim().to_string(), at: now(), ..group };
        let earlier = match groups.iter_mut().find(|g| g.name == group.name) {
            Some(g) => Some(std::mem::replace(g, group.clone())),
            None => {
                groups.push(group.clone());
                None
            }
        };
        write(&tx, &groups)?;
        let (from, to) = (earlier.as_ref().map(SharedPool::described), group.described());
        Self::record_in(
            &tx,
            &OperationRecord {
                subject: Some(&group.name),
                from: from.as_deref(),
                to: Some(&to),
                reason: Some(&group.source),
                ..OperationRecord::new(OperationKind::SharedPool, by)
            },
        )?;
        tx.commit()?;
        Ok(earlier)
    }

    /// Removes the group of that name.
    pub fn remove_shared_pool(&mut self, name: &str, by: &str) -> Result<SharedPool, StoreError> {
        let tx = self.conn.transaction()?;
        let mut groups = read(&tx)?;
        let Some(i) = groups.iter().position(|g| g.name == name.trim()) else {
            return Err(StoreError::SharedPoolMissing { name: name.trim().to_string() });
        };
        let removed = groups.remove(i);
        write(&tx, &groups)?;
        let from = removed.described();
        Self::record_in(
            &tx,
            &OperationRecord {
                subject: Some(&removed.name),
                from: Some(&from),
                ..OperationRecord::new(OperationKind::SharedPool, by)
            },
        )?;
        tx.commit()?;
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operations::LogFilter;

    fn group(name: &str, organs: &[&str]) -> SharedPool {
        SharedPool {
            name: name.into(),
            pool: "三级和四级主任科员".into(),
            approved: 5,
            organs: organs.iter().map(|o| o.to_string()).collect(),
            source: "某县委组织部〔2024〕3号".into(),
            by: String::new(),
            at: String::new(),
        }
    }

    #[test]
    fn a_group_is_kept_as_versioned_json_with_its_log() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut store = Store::open(&dir.path().join("汇总.db")).expect("db");
        let listed: Vec<(String, Option<String>)> =
            ["甲镇", "乙镇", "丙镇"].iter().map(|n| (n.to_string(), None)).collect();
        store.add_organs(&listed, None, "王芳").expect("organs");
        let e = store.set_shared_pool(group("乡镇统筹", &["甲镇", "丁镇"]), "王芳").expect_err("丁镇 not listed");
        assert_eq!(e.to_string(), "所辖单位名单中没有「丁镇」");
        assert_eq!(store.shared_pools().expect("read"), [], "nothing kept of a refused group");
        assert_eq!(store.set_shared_pool(group("乡镇统筹", &["甲镇", "乙镇"]), "王芳").expect("set"), None);
        let e = store.set_shared_pool(group("另一统筹", &["丙镇", "乙镇"]), "王芳").expect_err("乙镇 taken");
        assert_eq!(
            e.to_string(),
            "「乙镇」已在三级和四级主任科员的统筹职数「乡镇统筹」中，一个单位的同一职数池只能参加一个统筹"
        );
        let replaced = store.set_shared_pool(group("乡镇统筹", &["甲镇", "乙镇", "丙镇"]), "李明").expect("replaced");
        assert_eq!(replaced.map(|g| g.organs.len()), Some(2));
        let groups = store.shared_pools().expect("read");
        assert_eq!((groups.len(), groups[0].organs.len(), groups[0].by.as_str()), (1, 3, "李明"));
        let raw = store.setting(SHARED_POOLS).expect("setting").expect("set");
        assert!(raw.starts_with(r#"{"version":1,"groups":[{"name":"乡镇统筹""#), "{raw}");
        let log = store.operation_log(&LogFilter { kind: Some(OperationKind::SharedPool), year: None }).expect("log");
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].from.as_deref(), Some("三级和四级主任科员，核定5：甲镇、乙镇"));
        assert_eq!(log[0].to.as_deref(), Some("三级和四级主任科员，核定5：甲镇、乙镇、丙镇"));
        assert_eq!(log[0].reason.as_deref(), Some("某县委组织部〔2024〕3号"));
        let e = store.remove_organs(&["乙镇".into()], "王芳").expect_err("in a group");
        assert_eq!(e.to_string(), "「乙镇」属于统筹职数「乡镇统筹」，不能从所辖单位名单中删除；请先把它从该统筹中去掉");
        store.remove_shared_pool("乡镇统筹", "王芳").expect("removed");
        assert_eq!(store.shared_pools().expect("read"), []);
        let e = store.remove_shared_pool("乡镇统筹", "王芳").expect_err("gone");
        assert_eq!(e.to_string(), "没有名为「乡镇统筹」的统筹职数");
        // A shape from a newer build is refused, never overwritten by a guess.
        store.set_setting(SHARED_POOLS, r#"{"version":2,"groups":[]}"#).expect("setting");
        let e = store.shared_pools().expect_err("newer");
        assert!(e.to_string().contains("统筹职数由更新版本的考核软件保存（格式版本 2）"), "{e}");
    }
}
