//! 规则文件: loading a local rule profile (validated by the engine, which lists every problem
//! naming its entry), making it the profile every use case applies, remembering its text in the
//! database (so the next start uses it even if the file has moved), and going back to the
//! national default. Each change is recorded in the 操作日志.

use std::ops::Deref;
use std::path::Path;
use std::sync::{Mutex, OnceLock, RwLock};

use kaohe_engine::Profile;
use kaohe_store::operations::OperationRecord;
use kaohe_store::settings::{PROFILE_FILE, PROFILE_TEXT};

use super::Session;
use crate::error::{CommandError, ErrorCode};
use crate::ipc::{ProfileInfo, ProfileLoad};

/// The profile every use case applies, replaceable while the app runs.
///
/// A profile, once active, lives until the program exits (the clerk changes rules a handful of
/// times in a session, each a few kilobytes), so the active one can be handed out as a plain
/// `&Profile` that stays valid while a use case runs, even if the clerk switches meanwhile.
/// `&session.profile` dereferences to the active profile.
pub struct ActiveProfile {
    current: RwLock<&'static Profile>,
    /// Why the profile remembered in the database was not applied at start-up, if it was not.
    notice: Mutex<Option<String>>,
}

fn national() -> &'static Profile {
    static NATIONAL: OnceLock<Profile> = OnceLock::new();
    NATIONAL.get_or_init(Profile::national)
}

impl ActiveProfile {
    /// The national default.
    pub fn national() -> ActiveProfile {
        ActiveProfile { current: RwLock::new(national()), notice: Mutex::new(None) }
    }

    pub fn get(&self) -> &'static Profile {
        match self.current.read() {
            Ok(p) => *p,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }

    fn set(&self, profile: &'static Profile) {
        match self.current.write() {
            Ok(mut p) => *p = profile,
            Err(poisoned) => *poisoned.into_inner() = profile,
        }
    }

    fn set_notice(&self, notice: Option<String>) {
        if let Ok(mut n) = self.notice.lock() {
            *n = notice;
        }
    }

    fn notice(&self) -> Option<String> {
        self.notice.lock().ok().and_then(|n| n.clone())
    }
}

impl Deref for ActiveProfile {
    type Target = Profile;
    fn deref(&self) -> &Profile {
        self.get()
    }
}

/// A rule file to compare with (对比): read and checked, with its name; refused in the clerk's
/// words.
pub fn rule_file(path: &Path) -> Result<(Box<Profile>, String), CommandError> {
    let shown = path.display().to_string();
    let text =
        crate::profile::read_file(path).map_err(|e| CommandError::new(ErrorCode::FileUnreadable, e.to_string()))?;
    let profile = crate::profile::parse(&text)
        .map_err(|why| CommandError::new(ErrorCode::ProfileInvalid, format!("规则文件「{shown}」无法采用：{why}")))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(shown);
    Ok((Box::new(profile), name))
}

impl Session {
    /// Applies the profile remembered in the database, if any (at start-up, after an unlock and
    /// after a restore). A remembered profile this build refuses leaves the national one in
    /// force, with a notice.
    pub(super) fn apply_saved_profile(&self) {
        let saved =
            self.store().ok().and_then(|g| g.as_ref().ok().map(|s| (s.setting(PROFILE_TEXT), s.setting(PROFILE_FILE))));
        let (text, file) = match saved {
            Some((Ok(Some(text)), file)) => (text, file.ok().flatten()),
            _ => {
                self.profile.set(national());
                self.profile.set_notice(None);
                return;
            }
        };
        match Profile::from_toml(&text) {
            Ok(p) => {
                self.profile.set(Box::leak(Box::new(p)));
                self.profile.set_notice(None);
            }
            Err(e) => {
                self.profile.set(national());
                let file = file.unwrap_or_default();
                self.profile.set_notice(Some(format!(
                    "上次使用的规则文件「{file}」现在无法采用，已改用全国默认规则：{}",
                    crate::profile::refusal(&e, &text)
                )));
            }
        }
    }

    /// The text of the rules in force: the local file saved in the database, or the national one.
    pub fn profile_text(&self) -> Result<String, CommandError> {
        if std::ptr::eq(self.profile.get(), national()) {
            return Ok(kaohe_engine::profile::NATIONAL_TOML.to_string());
        }
        Ok(self
            .reading(|store| Ok(store.setting(PROFILE_TEXT)?))?
            .unwrap_or_else(|| kaohe_engine::profile::NATIONAL_TOML.to_string()))
    }

    /// The active profile and where it came from.
    pub fn active_profile(&self) -> Result<ProfileInfo, CommandError> {
        let p = self.profile.get();
        let file = {
            let guard = self.store()?;
            match guard.as_ref() {
                Ok(store) if self.profile.notice().is_none() && store.setting(PROFILE_TEXT)?.is_some() => {
                    store.setting(PROFILE_FILE)?
                }
                _ => None,
            }
        };
        Ok(ProfileInfo {
            id: p.meta.id.clone(),
            name: p.meta.name.clone(),
            version: p.meta.version.clone(),
            custom: !std::ptr::eq(p, national()),
            file,
            notice: self.profile.notice(),
        })
    }

    /// Validates the rule file at `path`; if valid, makes it the active profile, remembers its
    /// text in the database and records the change.
    pub fn profile_load(&self, path: &Path) -> Result<ProfileLoad, CommandError> {
        let shown = path.display().to_string();
        let text =
            crate::profile::read_file(path).map_err(|e| CommandError::new(ErrorCode::FileUnreadable, e.to_string()))?;
        let profile = match Profile::from_toml(&text) {
            Ok(p) => p,
            Err(e) => return Ok(ProfileLoad::Invalid { file: shown, problems: crate::profile::problems(&e, &text) }),
        };
        let before = self.profile.get();
        self.reading(|store| {
            let by = store.operator()?;
            store.set_setting(PROFILE_TEXT, &text)?;
            store.set_setting(PROFILE_FILE, &shown)?;
            store.record_operation(&OperationRecord {
                subject: Some(&shown),
                from: Some(&label(before)),
                to: Some(&label(&profile)),
                ..OperationRecord::new(kaohe_store::OperationKind::Profile, &by)
            })?;
            Ok(())
        })?;
        self.profile.set(Box::leak(Box::new(profile)));
        self.profile.set_notice(None);
        Ok(ProfileLoad::Active { profile: self.active_profile()? })
    }

    /// Goes back to the national default profile; records the change.
    pub fn profile_reset(&self) -> Result<ProfileInfo, CommandError> {
        let before = self.profile.get();
        self.reading(|store| {
            let by = store.operator()?;
            store.clear_setting(PROFILE_TEXT)?;
            store.clear_setting(PROFILE_FILE)?;
            store.record_operation(&OperationRecord {
                from: Some(&label(before)),
                to: Some(&label(national())),
                ..OperationRecord::new(kaohe_store::OperationKind::Profile, &by)
            })?;
            Ok(())
        })?;
        self.profile.set(national());
        self.profile.set_notice(None);
        self.active_profile()
    }
}

/// 「全国默认规则（2019.06-1）」.
fn label(p: &Profile) -> String {
    format!("{}（{}）", p.meta.name, p.meta.version)
}
