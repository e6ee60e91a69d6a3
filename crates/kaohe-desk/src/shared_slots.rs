//! 统筹职数: a pool's 职数 shared by a group of organs (县乡统筹). domain.md §3 says only that "some
//! counties share slots across organs … a pool may belong to a group of organs" and marks it [U]:
//! so a group is never a rule of the profile but local data the clerk enters — a name, one of the
//! profile's pools, the group's approved number, its member organs (each on the 所辖单位 list, in
//! one group per pool) and the document it rests on (依据) — kept by kaohe-store
//! (`Store::set_shared_pool`, logged), and shown as 本地统筹（依据：…）. In the 汇总 ([`shared_slots`]) the
//! group's approved number replaces the members' own: held, candidates and proposals are the
//! members' packages' summed, free is approved − held (never below zero, the excess shown), and
//! proposals above the free places are flagged.

use std::collections::HashSet;

use kaohe_engine::Profile;
use kaohe_store::{SharedPool, Store};
use serde::{Deserialize, Serialize};

use crate::summary::SlotSummary;
use crate::DeskError;

/// A group as the clerk gives it (`kaohe shared-pool --set`, the 统筹职数 dialog).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct SharedPoolRequest {
    pub name: String,
    pub pool: String,
    /// 核定职数, a whole number not below zero (checked here, in words).
    pub approved: i64,
    pub organs: Vec<String>,
    /// 依据 (a document number …), required.
    pub source: String,
}

/// The groups defined, with what a group may be made of: the active profile's pools and the
/// 所辖单位 (the 统筹职数 dialog's choices).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedPoolList {
    pub groups: Vec<SharedPool>,
    pub pools: Vec<String>,
    pub organs: Vec<String>,
}

/// The groups defined, and the pools and organs a group may name.
pub fn shared_pools(store: &Store, profile: &Profile) -> Result<SharedPoolList, DeskError> {
    Ok(SharedPoolList {
        groups: store.shared_pools()?,
        pools: profile.pools.iter().map(|p| p.name.clone()).collect(),
        organs: store.organ_names()?,
    })
}

/// Sets a group (a group of the same name replaced): refused in words for an empty name, a pool
/// the active profile does not have (naming those it has), a negative number, no member, a
/// member not on the 所辖单位 list or already in another group of the pool, no 依据. Returns the
/// group kept.
pub fn set_shared_pool(
    store: &mut Store,
    profile: &Profile,
    r: &SharedPoolRequest,
    by: &str,
) -> Result<SharedPool, DeskError> {
    let by = crate::committee::operator(by)?;
    let name = r.name.trim();
    if name.is_empty() {
        return Err(DeskError::BadArgument("请填写统筹职数的名称".into()));
    }
    let Some((_, pool)) = profile.pool(&r.pool) else {
        let known: Vec<&str> = profile.pools.iter().map(|p| p.name.as_str()).collect();
        return Err(DeskError::BadArgument(format!(
            "「{}」不是现行规则中的职数池；可选：{}",
            r.pool.trim(),
            known.join("、")
        )));
    };
    let approved = u32::try_from(r.approved)
        .map_err(|_| DeskError::BadArgument(format!("核定职数应为不小于0的整数，「{}」不是", r.approved)))?;
    let mut organs: Vec<String> = Vec::new();
    for organ in r.organs.iter().map(|o| kaohe_engine::profile::squeeze(o)).filter(|o| !o.is_empty()) {
        if !organs.contains(&organ) {
            organs.push(organ);
        }
    }
    if organs.is_empty() {
        return Err(DeskError::BadArgument(format!("统筹职数「{name}」没有成员单位：请至少选择一个所辖单位")));
    }
    let source = r.source.trim();
    if source.is_empty() {
        return Err(DeskError::ReasonRequired(format!(
            "统筹职数「{name}」必须写明依据（如批准文件的文号）：统筹是本地做法，不是规则中的内容"
        )));
    }
    let group = SharedPool {
        name: name.to_string(),
        pool: pool.name.clone(),
        approved,
        organs,
        source: source.to_string(),
        by: String::new(),
        at: String::new(),
    };
    store.set_shared_pool(group, by)?;
    let kept = store.shared_pools()?.into_iter().find(|g| g.name == name);
    kept.ok_or_else(|| DeskError::BadArgument(format!("统筹职数「{name}」未能保存")))
}

/// Removes the group of that name.
pub fn remove_shared_pool(store: &mut Store, name: &str, by: &str) -> Result<SharedPool, DeskError> {
    let by = crate::committee::operator(by)?;
    Ok(store.remove_shared_pool(name, by)?)
}

/// A group's 职数 in the 汇总.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedSlots {
    pub name: String,
    pub pool: String,
    /// 依据, shown as 本地统筹（依据：…）.
    pub source: String,
    pub organs: Vec<String>,
    /// The group's 核定职数 (the members' own numbers for the pool are not used).
    pub approved: u32,
    /// The members' packages' held, summed.
    pub held: u32,
    /// approved − held, never below zero.
    pub free: u32,
    /// held − approved when more are held than approved.
    pub over_held: u32,
    pub candidates: u32,
    pub proposed: u32,
    /// Whether more are proposed than there are free places (proposed > free).
    pub exceeds: bool,
    /// proposed − free when it exceeds.
    pub over_proposed: u32,
    /// Members without a package of the year (their numbers are not in the sums).
    pub unreported: Vec<String>,
    /// What a checker should know: a member's own approved number ignored, more held than approved.
    pub remarks: Vec<String>,
}

impl SharedSlots {
    /// The line of the 汇总's warnings for a group whose proposals exceed its free places.
    pub fn warning(&self) -> Option<String> {
        self.exceeds.then(|| {
            format!(
                "统筹职数「{}」（{}，本地统筹）拟晋升{}人，超过空缺{}个，超出{}人",
                self.name, self.pool, self.proposed, self.free, self.over_proposed
            )
        })
    }
}

/// The groups' 职数 from the organs' `slots` (every package's pools) and which organs reported.
pub fn shared_slots(groups: &[SharedPool], slots: &[SlotSummary], reported: &HashSet<&str>) -> Vec<SharedSlots> {
    groups
        .iter()
        .map(|g| {
            let members: Vec<&SlotSummary> =
                slots.iter().filter(|s| s.pool == g.pool && g.organs.contains(&s.organ)).collect();
            let held: u32 = members.iter().map(|s| s.held).sum();
            let candidates = members.iter().map(|s| s.candidates).sum();
            let proposed: u32 = members.iter().map(|s| s.proposed).sum();
            let free = g.approved.saturating_sub(held);
            let over_held = held.saturating_sub(g.approved);
            let mut remarks: Vec<String> = members
                .iter()
                .filter_map(|s| {
                    s.approved.map(|n| {
                        format!("{}上报的本单位核定职数（{n}）不计入统筹，按统筹核定职数{}计算", s.organ, g.approved)
                    })
                })
                .collect();
            if over_held > 0 {
                remarks.push(format!("实有{held}人，超过核定职数{}，超出{over_held}人", g.approved));
            }
            SharedSlots {
                name: g.name.clone(),
                pool: g.pool.clone(),
                source: g.source.clone(),
                organs: g.organs.clone(),
                approved: g.approved,
                held,
                free,
                over_held,
                candidates,
                proposed,
                exceeds: proposed > free,
                over_proposed: proposed.saturating_sub(free),
                unreported: g.organs.iter().filter(|o| !reported.contains(o.as_str())).cloned().collect(),
                remarks,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(organ: &str, approved: Option<u32>, held: u32, candidates: u32, proposed: u32) -> SlotSummary {
        SlotSummary {
            organ: organ.into(),
            pool: "三级和四级主任科员".into(),
            approved,
            held,
            free: approved.map(|a| a.saturating_sub(held)),
            candidates,
            proposed,
        }
    }

    /// Three townships share 5 places of a pool: held 1 + 2 + 0 leaves 2 free, and proposals of
    /// 1 + 2 + 0 are one too many; a fourth member has not reported; 甲镇's own number is not used.
    #[test]
    fn the_group_sums_its_members_against_its_own_approved_number() {
        let group = SharedPool {
            name: "乡镇统筹".into(),
            pool: "三级和四级主任科员".into(),
            approved: 5,
            organs: ["甲镇", "乙镇", "丙镇", "丁镇"].map(String::from).to_vec(),
            source: "某县委组织部〔2024〕3号".into(),
            by: "王芳".into(),
            at: "2026-01-20 09:00:00".into(),
        };
        let slots = [
            slot("甲镇", Some(1), 1, 2, 1),
            slot("乙镇", None, 2, 3, 2),
            slot("丙镇", None, 0, 1, 0),
            slot("戊局", Some(9), 4, 4, 4),
            SlotSummary { pool: "一级和二级主任科员".into(), ..slot("甲镇", None, 7, 7, 7) },
        ];
        let reported: HashSet<&str> = ["甲镇", "乙镇", "丙镇", "戊局"].into_iter().collect();
        let [s] = shared_slots(&[group], &slots, &reported).try_into().expect("one group");
        assert_eq!((s.approved, s.held, s.free, s.over_held), (5, 3, 2, 0));
        assert_eq!((s.candidates, s.proposed, s.exceeds, s.over_proposed), (6, 3, true, 1));
        assert_eq!(s.unreported, ["丁镇"]);
        assert_eq!(s.remarks, ["甲镇上报的本单位核定职数（1）不计入统筹，按统筹核定职数5计算"]);
        assert_eq!(
            s.warning().as_deref(),
            Some("统筹职数「乡镇统筹」（三级和四级主任科员，本地统筹）拟晋升3人，超过空缺2个，超出1人")
        );
    }

    #[test]
    fn more_held_than_approved_leaves_nothing_free_and_says_so() {
        let group = SharedPool {
            name: "统筹".into(),
            pool: "三级和四级主任科员".into(),
            approved: 2,
            organs: vec!["甲镇".into()],
            source: "文件".into(),
            by: String::new(),
            at: String::new(),
        };
        let reported: HashSet<&str> = ["甲镇"].into_iter().collect();
        let s = &shared_slots(&[group], &[slot("甲镇", None, 3, 0, 0)], &reported)[0];
        assert_eq!((s.free, s.over_held, s.exceeds), (0, 1, false));
        assert_eq!(s.remarks, ["实有3人，超过核定职数2，超出1人"]);
        assert_eq!(s.warning(), None);
    }
}
