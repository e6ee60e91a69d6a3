//! A rule profile's text as both front ends take it: the engine validates it, and a refusal is
//! told in the clerk's words — every broken entry named, or a TOML mistake with its line and that
//! line's text (the parser's own English is for a developer).

use kaohe_engine::profile::ProfileError;
use kaohe_engine::Profile;

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

    #[test]
    fn a_broken_entry_is_named() {
        let text = kaohe_engine::profile::NATIONAL_TOML.replacen("target = \"一级科员\"", "target = \"一级科长\"", 1);
        let why = parse(&text).expect_err("broken");
        assert!(why.contains("最低任职年限「一级科长」"), "{why}");
    }
}
