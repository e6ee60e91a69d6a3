//! 上报 and 汇总: an organ's finalised year saved as a package where the clerk chooses, packages
//! received into this database, the 所辖单位 list, and the year's 汇总 — [`crate::summary`]'s
//! and [`crate::organs`]' use cases over the session's database and profile.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{parse_date, Session};
use crate::error::{CommandError, ErrorCode};
use crate::organs::{self, OrganChange, SupervisedOrgan};
use crate::shared_slots::{self, SharedPoolList, SharedPoolRequest};
use crate::summary::{self, MakeRequest, Receipts, Refusal, Summary};

impl Session {
    /// The organ's package of `year`, made at `now` and written where `ask` says (`Ok(None)`:
    /// cancelled); `.kaohe` added to a name typed without an extension.
    pub fn report_package(
        &self,
        year: i32,
        organ: &str,
        as_of: Option<&str>,
        by: &str,
        now: NaiveDateTime,
        ask: impl FnOnce(&str) -> Result<Option<PathBuf>, CommandError>,
    ) -> Result<Option<String>, CommandError> {
        let as_of = as_of.filter(|d| !d.is_empty()).map(|d| parse_date("晋升人选计算日期", d)).transpose()?;
        let by = crate::committee::operator(by)?.to_string();
        let text = self.profile_text()?;
        let made_at = now.format("%Y-%m-%d %H:%M:%S").to_string();
        let request = MakeRequest { organ, year, as_of, profile_text: &text, by: &by, made_at: &made_at };
        let (_, bytes) = self.reading(|store| Ok(summary::make_package(store, self.profile(), &request)?))?;
        let Some(path) = ask(&summary::package_file_name(organ.trim(), year))? else {
            return Ok(None);
        };
        let path = if path.extension().is_some() { path } else { path.with_extension("kaohe") };
        kaohe_files::write_replacing(&path, kaohe_files::Access::Ordinary, |partial| {
            std::fs::write(partial, &bytes).map_err(|e| kaohe_files::FileError::new(&path, e))
        })
        .map_err(|e: kaohe_files::FileError| CommandError::new(ErrorCode::WriteFailed, e.to_string()))?;
        Ok(Some(path.display().to_string()))
    }

    /// Receives the packages at `paths`; a file that cannot be read is refused with the others.
    pub fn receive_packages(&self, paths: &[String], replace: bool, by: &str) -> Result<Receipts, CommandError> {
        let (mut files, mut unreadable) = (Vec::new(), Vec::new());
        for path in paths {
            match std::fs::read(path) {
                Ok(bytes) => files.push((path.clone(), bytes)),
                Err(e) => unreadable.push(Refusal::unreadable(path, &e)),
            }
        }
        let mut receipts = self.writing(|store| Ok(summary::receive(store, self.profile(), &files, replace, by)?))?;
        receipts.refused.extend(unreadable);
        Ok(receipts)
    }

    /// The year's 汇总 of the packages received.
    pub fn summary(&self, year: i32) -> Result<Summary, CommandError> {
        self.reading(|store| Ok(summary::summary(store, self.profile(), year)?))
    }

    /// The 所辖单位 list, with whether each organ's package of `year` was received.
    pub fn supervised_organs(&self, year: i32) -> Result<Vec<SupervisedOrgan>, CommandError> {
        self.reading(|store| Ok(organs::supervised_organs(store, Some(year))?))
    }

    /// Adds an organ to the 所辖单位 list (or gives a listed one the level named).
    pub fn supervised_add(&self, name: &str, level: Option<&str>, by: &str) -> Result<OrganChange, CommandError> {
        let organ = [(name.to_string(), level.map(str::to_string))];
        self.writing(|store| Ok(organs::add_organs(store, self.profile(), &organ, by)?))
    }

    /// Removes an organ from the 所辖单位 list (refused when people belong to it).
    pub fn supervised_remove(&self, name: &str, by: &str) -> Result<OrganChange, CommandError> {
        self.writing(|store| Ok(organs::remove_organs(store, &[name.to_string()], by)?))
    }

    /// Adds the organs of the workbook `ask` names (`Ok(None)`: cancelled). The operator is
    /// checked before the clerk is asked for a file.
    pub fn supervised_import(
        &self,
        by: &str,
        ask: impl FnOnce() -> Result<Option<PathBuf>, CommandError>,
    ) -> Result<Option<OrganChange>, CommandError> {
        let by = crate::committee::operator(by)?.to_string();
        let Some(path) = ask()? else { return Ok(None) };
        self.writing(|store| Ok(organs::import_list(store, self.profile(), &path, &by)?)).map(Some)
    }

    /// 统筹职数: the groups defined, and the pools and organs a group may name.
    pub fn shared_pools(&self) -> Result<SharedPoolList, CommandError> {
        self.reading(|store| Ok(shared_slots::shared_pools(store, self.profile())?))
    }

    /// Sets a 统筹职数 group (one of the same name replaced); the list after it.
    pub fn shared_pool_set(&self, request: &SharedPoolRequest, by: &str) -> Result<SharedPoolList, CommandError> {
        self.writing(|store| {
            shared_slots::set_shared_pool(store, self.profile(), request, by)?;
            Ok(shared_slots::shared_pools(store, self.profile())?)
        })
    }

    /// Removes a 统筹职数 group; the list after it.
    pub fn shared_pool_remove(&self, name: &str, by: &str) -> Result<SharedPoolList, CommandError> {
        self.writing(|store| {
            shared_slots::remove_shared_pool(store, name, by)?;
            Ok(shared_slots::shared_pools(store, self.profile())?)
        })
    }
}
