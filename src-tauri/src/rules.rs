//! 规则文件: loading a local rule profile (validated by the engine, which lists every problem
//! naming its entry), making it the profile every command applies, remembering its text in the
//! database (so the next start uses it even if the file has moved), and going back to the
//! national default. Each change is recorded in the 操作日志.

use std::ops::Deref;
use std::path::Path;
use std::sync::{Mutex, OnceLock, RwLock};

use kaohe_engine::Profile;
use kaohe_store::operations::OperationRecord;
use kaohe_store::settings::{PROFILE_FILE, PROFILE_TEXT};
use tauri::{AppHandle, State};

use crate::dialogs::{self, Filter};
use crate::error::{CommandError, ErrorCode};
use crate::state::AppState;
pub use kaohe_desk::ipc::{ProfileInfo, ProfileLoad};

/// A rule profile is a few dozen kilobytes; anything far larger is not one.
const MAX_PROFILE_BYTES: u64 = 4 * 1024 * 1024;

/// A rule profile file.
pub const PROFILE_FILES: Filter = Filter { name: "规则文件（TOML）", extensions: &["toml"] };

/// The profile every command applies, replaceable while the app runs.
///
/// A profile, once active, lives until the program exits (the clerk changes rules a handful of
/// times in a session, each a few kilobytes), so the active one can be handed out as a plain
/// `&Profile` that stays valid while a command runs, even if the clerk switches meanwhile.
/// `&state.profile` dereferences to the active profile.
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

impl AppState {
    /// Applies the profile remembered in the database, if any (at start-up and after a restore).
    /// A remembered profile this build refuses leaves the national one in force, with a notice.
    pub(crate) fn apply_saved_profile(&self) {
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
                    kaohe_desk::profile::refusal(&e, &text)
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
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > MAX_PROFILE_BYTES {
            return Err(CommandError::new(
                ErrorCode::FileUnreadable,
                format!("「{shown}」有 {} KB，不像规则文件（规则文件通常只有几十 KB）", size / 1024),
            ));
        }
        let bytes = std::fs::read(path)
            .map_err(|e| CommandError::new(ErrorCode::FileUnreadable, format!("无法读取规则文件「{shown}」：{e}")))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            CommandError::new(
                ErrorCode::FileUnreadable,
                format!("规则文件「{shown}」不是 UTF-8 编码的文本，请用记事本另存为 UTF-8 后再载入"),
            )
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let profile = match Profile::from_toml(text) {
            Ok(p) => p,
            Err(e) => {
                return Ok(ProfileLoad::Invalid { file: shown, problems: kaohe_desk::profile::problems(&e, text) })
            }
        };
        let before = self.profile.get();
        self.reading(|store| {
            let by = store.operator()?;
            store.set_setting(PROFILE_TEXT, text)?;
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

/// The active rule profile and where it came from.
#[tauri::command(async)]
pub fn active_profile(state: State<'_, AppState>) -> Result<ProfileInfo, CommandError> {
    state.active_profile()
}

/// 「载入本地规则文件」: asks for a .toml file, then validates and applies it. `None`: cancelled.
#[tauri::command(async)]
pub fn profile_load(app: AppHandle, state: State<'_, AppState>) -> Result<Option<ProfileLoad>, CommandError> {
    let Some(path) = dialogs::pick_file(&app, "载入本地规则文件", &[PROFILE_FILES])? else {
        return Ok(None);
    };
    state.profile_load(&path).map(Some)
}

/// 「恢复国家默认规则」.
#[tauri::command(async)]
pub fn profile_reset(state: State<'_, AppState>) -> Result<ProfileInfo, CommandError> {
    state.profile_reset()
}
