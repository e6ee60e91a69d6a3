//! A rule profile's text as both front ends take it: the engine validates it, and a refusal is
//! told in the clerk's words — every broken entry named, or a TOML mistake with its line and that
//! line's text (the parser's own English is for a developer). A rule file is read as text by
//! [`read_file`]: a few dozen kilobytes of UTF-8, a byte-order mark taken off.

use std::path::Path;

use kaohe_engine::profile::ProfileError;
use kaohe_engine::Profile;

/// A rule profile is a few dozen kilobytes; anything far larger is not one.
const MAX_PROFILE_BYTES: u64 = 4 * 1024 * 1024;

/// Why a rule file could not be read as text, in the clerk's words.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("「{file}」有 {kib} KB，不像规则文件（规则文件通常只有几十 KB）")]
    TooLarge { file: String, kib: u64 },
    #[error("无法读取规则文件「{file}」：{error}")]
    Unreadable { file: String, error: std::io::Error },
    #[error("规则文件「{file}」不是 UTF-8 编码的文本，请用记事本另存为 UTF-8 后再载入")]
    NotUtf8 { file: String },
}

/// The text of the rule file at `path` (without a byte-order mark), refused when it is far too
/// large to be one or is not UTF-8.
pub fn read_file(path: &Path) -> Result<String, FileError> {
    let file = path.display().to_string();
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_PROFILE_BYTES {
        return Err(FileError::TooLarge { file, kib: size / 1024 });
    }
    let bytes = std::fs::read(path).map_err(|error| FileError::Unreadable { file: file.clone(), error })?;
    let text = String::from_utf8(bytes).map_err(|_| FileError::NotUtf8 { file })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// Every problem of a refused profile as a sentence for the clerk. `text` is the file, to quote
/// the line a syntax error is on.
pub fn problems(error: &ProfileError, text: &str) -> Vec<String> {
    match error {
        ProfileError::Invalid(list) => list.iter().map(ToString::to_string).collect(),
        ProfileError::Syntax(detail) => vec![syntax_problem(detail, text)],
    }
}

/// A TOML error (English, from the parser) as a Chinese sentence with its line.
fn syntax_problem(detail: &str, text: &str) -> String {
    let number_after = |key: &str| -> Option<usize> {
        let at = detail.find(key)? + key.len();
        detail[at..].trim_start().split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
    };
    let quoted = || detail.split('`').nth(1).unwrap_or("").to_owned();
    let what = if detail.contains("missing field") {
        format!("缺少必需的条目「{}」", quoted())
    } else if detail.contains("unknown field") {
        format!("有不认识的条目「{}」", quoted())
    } else if detail.contains("invalid type") {
        "数值的类型不对（如应为数字却写成了文字）".to_owned()
    } else if detail.contains("duplicate key") {
        format!("条目「{}」重复", quoted())
    } else {
        "不符合 TOML 格式".to_owned()
    };
    match (number_after("line"), number_after("column")) {
        (Some(line), column) => {
            let source = text.lines().nth(line.saturating_sub(1)).unwrap_or("").trim();
            let column = column.map(|c| format!("第{c}列")).unwrap_or_default();
            format!("第{line}行{column}：{what}（该行为「{source}」）")
        }
        _ => format!("{what}（{}）", detail.trim()),
    }
}

/// A refusal in one sentence: its problems, joined by 「；」.
pub fn refusal(error: &ProfileError, text: &str) -> String {
    problems(error, text).join("；")
}

/// The profile a file's text holds, or why it is refused (in the clerk's words).
pub fn parse(text: &str) -> Result<Profile, String> {
    Profile::from_toml(text).map_err(|e| refusal(&e, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_toml_mistake_is_told_with_its_line_and_the_line() {
        let text = "[profile]\nid = \"x\"\nname = 某省\n";
        let why = parse(text).expect_err("garbled");
        assert!(why.starts_with("第3行第8列："), "{why}");
        assert!(why.ends_with("（该行为「name = 某省」）"), "{why}");
        let why = parse("[meta]\nid = \"x\"\n").expect_err("unknown table");
        assert!(why.starts_with("第1行第2列：有不认识的条目「meta」"), "{why}");
    }

    /// A rule file as 载入, 对比 and `--profile` read it: the byte-order mark Notepad writes taken
    /// off, a file in another encoding or far too large refused in the clerk's words.
    #[test]
    fn a_rule_file_is_utf8_text_of_a_sensible_size() {
        let dir = tempfile::tempdir().expect("dir");
        let bom = dir.path().join("记事本.toml");
        std::fs::write(&bom, format!("\u{feff}{}", kaohe_engine::profile::NATIONAL_TOML)).expect("write");
        let text = read_file(&bom).expect("read");
        assert_eq!(text, kaohe_engine::profile::NATIONAL_TOML);
        assert!(parse(&text).is_ok());
        let gbk = dir.path().join("gbk.toml");
        std::fs::write(&gbk, [0xc8, 0xab, 0xb9, 0xfa]).expect("write");
        assert_eq!(
            read_file(&gbk).expect_err("not UTF-8").to_string(),
            format!("规则文件「{}」不是 UTF-8 编码的文本，请用记事本另存为 UTF-8 后再载入", gbk.display())
        );
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; 5 * 1024 * 1024]).expect("write");
        assert_eq!(
            read_file(&big).expect_err("too large").to_string(),
            format!("「{}」有 5120 KB，不像规则文件（规则文件通常只有几十 KB）", big.display())
        );
        let missing = read_file(&dir.path().join("没有.toml")).expect_err("missing");
        assert!(matches!(missing, FileError::Unreadable { .. }), "{missing}");
    }

    #[test]
    fn a_broken_entry_is_named() {
        let text = kaohe_engine::profile::NATIONAL_TOML.replacen("target = \"一级科员\"", "target = \"一级科长\"", 1);
        let why = parse(&text).expect_err("broken");
        assert!(why.contains("最低任职年限「一级科长」"), "{why}");
    }
}
