//! How Kaohe writes files, in one place for the store, the workbooks, the CLI and the app.
//!
//! - **Never half-written.** [`write_replacing`] writes an output to a temporary file beside its
//!   target, syncs it to disk and renames it into place: a failure (a full disk, a writer error,
//!   the program stopped) leaves the old file as it was and no partial file behind.
//! - **Owner-only where a file holds the roster.** The database, its backups and safety copies and
//!   the print previews are created readable by their owner only ([`Access::OwnerOnly`]: mode
//!   0600 on Unix, folders Kaohe creates 0700). On Windows they live under the user's profile
//!   (`%APPDATA%`, `%LOCALAPPDATA%`) or where the clerk chose, whose access lists are the user's
//!   already, so nothing is set there.
//! - **One file is one file.** [`same_file`] tells whether two paths name the same file (the
//!   same inode on Unix, else the same canonical path), so an output never overwrites an input.

use std::fs::{OpenOptions, Permissions};
use std::io;
use std::path::{Path, PathBuf};

/// Who may read a file Kaohe creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The owner only (0600 on Unix): the database, backups, safety copies, print previews.
    OwnerOnly,
    /// An ordinary document the clerk saves and passes on (a result workbook, a printed page):
    /// the permissions of the file it replaces, or read for others (0644 on Unix).
    Ordinary,
}

/// A file that could not be created, synced or moved into place, said for a clerk.
#[derive(Debug, thiserror::Error)]
#[error("无法写入「{path}」：{}", detail(.source))]
pub struct FileError {
    pub path: String,
    #[source]
    pub source: io::Error,
}

impl FileError {
    pub fn new(path: &Path, source: io::Error) -> FileError {
        FileError { path: path.display().to_string(), source }
    }

    /// Why, in the clerk's words (without the path).
    pub fn detail(&self) -> String {
        detail(&self.source)
    }
}

fn detail(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => {
            "文件可能正在 Excel 或 WPS 中打开，或没有写入该文件夹的权限；请关闭该文件或换一个位置后重试".into()
        }
        io::ErrorKind::NotFound => "保存的文件夹不存在，请换一个位置".into(),
        io::ErrorKind::StorageFull => "磁盘空间不足，请清理磁盘或换一个位置后重试".into(),
        io::ErrorKind::ReadOnlyFilesystem => "该位置只能读不能写，请换一个位置".into(),
        // A writer's own account (e.g. a test's), else the disk's.
        io::ErrorKind::Other if e.get_ref().is_some() => e.to_string(),
        _ => "写入磁盘失败（磁盘可能已满，或网络位置不可用），请换一个位置后重试".into(),
    }
}

/// Writes `target` as a whole or not at all: `write` fills a temporary file beside it (given its
/// path; the file exists and is empty), which is then synced to disk, given the permissions of
/// `access` and renamed over `target`. If `write` fails, or anything after it, the temporary file
/// is removed and `target` is left as it was.
pub fn write_replacing<E: From<FileError>>(
    target: &Path,
    access: Access,
    write: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), E> {
    let failed = |e: io::Error| FileError::new(target, e);
    let dir = folder_of(target);
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // A hidden name of the target's own, so that a partial file is recognisable for what it is.
    let temp =
        tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".partial").tempfile_in(&dir).map_err(failed)?;
    write(temp.path())?;
    OpenOptions::new().write(true).open(temp.path()).and_then(|f| f.sync_all()).map_err(failed)?;
    let permissions = match access {
        Access::OwnerOnly => owner_only(temp.path()).map_err(failed)?,
        Access::Ordinary => match std::fs::metadata(target) {
            Ok(old) => old.permissions(),
            Err(_) => ordinary(temp.path()).map_err(failed)?,
        },
    };
    std::fs::set_permissions(temp.path(), permissions).map_err(failed)?;
    temp.persist(target).map_err(|e| failed(e.error))?;
    sync_folder(&dir);
    Ok(())
}

/// Creates `dir` and the folders above it that are missing, those it creates owner-only (0700 on
/// Unix). Existing folders are left as they are.
pub fn create_folder(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Creates `path` empty and owner-only if it does not exist (an existing file is left alone):
/// the database file, before SQLite opens it, so that it is never readable by others.
pub fn create_owner_only(path: &Path) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Whether `a` and `b` name the same existing file: the same device and inode on Unix, else the
/// same canonical path. Paths that do not both exist are compared as written.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return (x.dev(), x.ino()) == (y.dev(), y.ino());
        }
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn owner_only(file: &Path) -> io::Result<Permissions> {
    #[allow(unused_mut)]
    let mut permissions = std::fs::metadata(file)?.permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        permissions.set_mode(0o600);
    }
    Ok(permissions)
}

fn ordinary(file: &Path) -> io::Result<Permissions> {
    let mut permissions = std::fs::metadata(file)?.permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        permissions.set_mode(0o644);
    }
    #[cfg(not(unix))]
    permissions.set_readonly(false);
    Ok(permissions)
}

/// Makes the rename itself durable (Unix: sync the folder's entry list). Best effort: the file
/// is complete either way.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;
    use std::io::Write;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_writer_that_fails_midway_leaves_the_old_file_and_nothing_else() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("考核结果.xlsx");
        std::fs::write(&target, "上次的结果").expect("old file");
        let outcome = write_replacing(&target, Access::Ordinary, |partial| {
            let mut f = File::create(partial).map_err(|e| FileError::new(partial, e))?;
            f.write_all(b"PK\x03\x04 half a workbook").map_err(|e| FileError::new(partial, e))?;
            Err(FileError::new(&target, io::Error::other("写到一半出错")))
        });
        let e = outcome.expect_err("the writer failed");
        assert_eq!(e.to_string(), format!("无法写入「{}」：写到一半出错", target.display()));
        assert_eq!(std::fs::read_to_string(&target).expect("still there"), "上次的结果");
        assert_eq!(names(dir.path()), ["考核结果.xlsx"], "no partial file left behind");
    }

    #[test]
    fn a_complete_write_replaces_the_file_and_keeps_its_permissions() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("结果.html");
        std::fs::write(&target, "旧").expect("old file");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&target, Permissions::from_mode(0o640)).expect("chmod");
        }
        write_replacing(&target, Access::Ordinary, |partial| {
            std::fs::write(partial, "新的内容").map_err(|e| FileError::new(partial, e))
        })
        .expect("written");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "新的内容");
        assert_eq!(names(dir.path()), ["结果.html"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&target).expect("meta").permissions().mode() & 0o777, 0o640);
        }
    }

    #[cfg(unix)]
    #[test]
    fn owner_only_files_and_folders_are_closed_to_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        let new = dir.path().join("新.db");
        write_replacing(&new, Access::OwnerOnly, |p| std::fs::write(p, "x").map_err(|e| FileError::new(p, e)))
            .expect("written");
        assert_eq!(mode(&new), 0o600);
        // Also when it replaces a file others could read, and when the writer copies permissions.
        let old = dir.path().join("旧.db");
        std::fs::write(&old, "old").expect("old");
        std::fs::set_permissions(&old, Permissions::from_mode(0o644)).expect("chmod");
        write_replacing(&old, Access::OwnerOnly, |p| {
            std::fs::copy(&new, p).map(drop).map_err(|e| FileError::new(p, e))
        })
        .expect("written");
        assert_eq!(mode(&old), 0o600);
        let plain = dir.path().join("结果.xlsx");
        write_replacing(&plain, Access::Ordinary, |p| std::fs::write(p, "x").map_err(|e| FileError::new(p, e)))
            .expect("written");
        assert_eq!(mode(&plain), 0o644);

        let folder = dir.path().join("数据").join("Kaohe");
        create_folder(&folder).expect("folders");
        assert_eq!((mode(&folder), mode(folder.parent().expect("parent"))), (0o700, 0o700));
        let db = folder.join("kaohe.db");
        create_owner_only(&db).expect("file");
        assert_eq!(mode(&db), 0o600);
    }

    #[test]
    fn the_same_file_under_two_names_is_one_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("名册.xlsx");
        std::fs::write(&a, "x").expect("write");
        let via_dot = dir.path().join(".").join("名册.xlsx");
        assert!(same_file(&a, &via_dot));
        assert!(!same_file(&a, &dir.path().join("问题清单.xlsx")));
        #[cfg(unix)]
        {
            let link = dir.path().join("链接.xlsx");
            std::os::unix::fs::symlink(&a, &link).expect("symlink");
            assert!(same_file(&a, &link));
        }
    }
}
