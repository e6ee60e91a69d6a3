//! 所辖单位: the organs a 汇总 database supervises — the ones it expects a package from (尚未上报)
//! and the ones a package may come from without a conflict — kept without a roster (the store's
//! `organs` table, which an imported roster fills too). Listed with each one's 机构级别, its
//! people and whether the year's package was received; added by name (a level the rule profile
//! knows written as the profile names it, any other kept as written, with a warning), read from a
//! workbook (kaohe-workbook's `organ_list`: the national system's two-row headers as well), removed
//! (never one people belong to). Each change is one transaction in the 操作日志, with its 操作人.

use std::collections::HashSet;
use std::path::Path;

use kaohe_engine::Profile;
use kaohe_store::Store;
use serde::Serialize;

use crate::DeskError;

/// An organ of the list, for the 所辖单位 dialog and `kaohe organs --json`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupervisedOrgan {
    pub name: String,
    /// 机构级别: the profile's organ level, or the text a list gave.
    pub level: Option<String>,
    /// People of this database who belong to it (an organ with people cannot be removed).
    pub people: u32,
    /// Whether the year's package of it was received (false when no year was asked).
    pub received: bool,
}

/// What a change of the list did: `kaohe organs --json` and the dialog's answer.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct OrganChange {
    /// The workbook read, its sheet, and how many organs it listed (a list read from a file).
    pub file: Option<String>,
    pub sheet: Option<String>,
    pub read: u32,
    pub added: Vec<String>,
    /// Listed before, given the level the request named.
    pub updated: Vec<String>,
    /// Listed before, nothing changed.
    pub already: Vec<String>,
    pub removed: Vec<String>,
    /// Levels kept as written (not the profile's), each with where it was read.
    pub warnings: Vec<String>,
}

/// The list, with whether each organ's package of `year` was received.
pub fn supervised_organs(store: &Store, year: Option<i32>) -> Result<Vec<SupervisedOrgan>, DeskError> {
    let received: HashSet<String> = match year {
        Some(y) => store.package_organs(crate::check_year(y)?)?.into_iter().collect(),
        None => HashSet::new(),
    };
    Ok(store
        .listed_organs()?
        .into_iter()
        .map(|o| SupervisedOrgan {
            received: received.contains(&o.name),
            name: o.name,
            level: o.level,
            people: o.people.min(u64::from(u32::MAX)) as u32,
        })
        .collect())
}

/// A level as the profile names it, or as written with a warning (`None`: nothing written).
fn level_of(profile: &Profile, organ: &str, level: Option<&str>, warnings: &mut Vec<String>) -> Option<String> {
    let written = level.map(str::trim).filter(|l| !l.is_empty())?;
    match profile.read_organ_level(written) {
        Ok(known) => {
            if let Some(w) = &known.import_warning {
                warnings.push(format!("「{organ}」的机构级别「{written}」{w}"));
            }
            Some(known.name.clone())
        }
        Err(why) => {
            warnings.push(format!("「{organ}」的机构级别「{written}」{why}，已按原文记录"));
            Some(written.to_string())
        }
    }
}

/// Adds organs typed by the clerk: (name, optional level); blank names refused.
pub fn add_organs(
    store: &mut Store,
    profile: &Profile,
    organs: &[(String, Option<String>)],
    by: &str,
) -> Result<OrganChange, DeskError> {
    let by = crate::committee::operator(by)?;
    if organs.is_empty() || organs.iter().any(|(name, _)| name.trim().is_empty()) {
        return Err(DeskError::BadArgument("请填写单位名称".into()));
    }
    let mut warnings = Vec::new();
    let organs: Vec<(String, Option<String>)> = organs
        .iter()
        .map(|(name, level)| {
            let name = kaohe_engine::profile::squeeze(name);
            let level = level_of(profile, &name, level.as_deref(), &mut warnings);
            (name, level)
        })
        .collect();
    let done = store.add_organs(&organs, None, by)?;
    Ok(OrganChange {
        added: done.added,
        updated: done.updated,
        already: done.already,
        warnings,
        ..OrganChange::default()
    })
}

/// Adds the organs a workbook lists (「从表格导入…」, `kaohe organs --from`): a level the profile
/// does not know is kept as written, with a warning naming its cell.
pub fn import_list(store: &mut Store, profile: &Profile, path: &Path, by: &str) -> Result<OrganChange, DeskError> {
    let by = crate::committee::operator(by)?;
    let read = kaohe_workbook::organ_list::read_organ_list(path, profile)?;
    let organs: Vec<(String, Option<String>)> = read.organs.iter().map(|o| (o.name.clone(), o.level.clone())).collect();
    let done = store.add_organs(&organs, Some(&read.file), by)?;
    Ok(OrganChange {
        file: Some(read.file),
        sheet: Some(read.sheet),
        read: read.organs.len() as u32,
        added: done.added,
        updated: done.updated,
        already: done.already,
        removed: Vec::new(),
        warnings: read.warnings.into_iter().map(|w| w.message).collect(),
    })
}

/// Removes organs from the list, all or none (an organ people belong to refuses the call).
pub fn remove_organs(store: &mut Store, names: &[String], by: &str) -> Result<OrganChange, DeskError> {
    let by = crate::committee::operator(by)?;
    if names.iter().all(|n| n.trim().is_empty()) {
        return Err(DeskError::BadArgument("请填写要删除的单位名称".into()));
    }
    let removed = store.remove_organs(names, by)?;
    Ok(OrganChange { removed, ..OrganChange::default() })
}
