//! 上报 and 汇总: an organ's finalised year saved as a package where the clerk chooses, packages
//! received into this database, and the year's 汇总 — [`crate::summary`]'s use cases over the
//! session's database and profile.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{parse_date, Session};
use crate::error::{CommandError, ErrorCode};
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
}
