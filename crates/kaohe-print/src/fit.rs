//! Fitting a 个人总结 into its box on the 登记表: the largest of three type sizes at which the
//! text fits; past the smallest, the box holds what fits and the rest flows to continuation
//! pages. Capacities are in lines of full-width characters for the box's width and height
//! (box 155 mm × 84 mm usable; continuation box 155 mm × 225 mm at 10.5 pt), kept at 85% so a
//! line of mixed Latin text or a justified last line never spills.

/// How a summary is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryFit {
    /// CSS class of the type size: `size-12`, `size-105` or `size-9`.
    pub class: &'static str,
    /// The text in the box on the form.
    pub first: String,
    /// Text for continuation pages, one entry per page.
    pub rest: Vec<String>,
}

/// (class, characters per line, lines in the box) for 12 pt, 10.5 pt and 9 pt at line height 1.5.
const SIZES: [(&str, usize, usize); 3] = [("size-12", 31, 11), ("size-105", 35, 13), ("size-9", 41, 15)];
/// Continuation page at 10.5 pt.
const CONTINUED: (usize, usize) = (35, 35);

/// Lines a text takes at `per_line` characters a line (half-width characters count half).
fn lines(text: &str, per_line: usize) -> usize {
    text.split('\n')
        .map(|para| {
            let width: usize = para.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            width.div_ceil(per_line * 2).max(1)
        })
        .sum()
}

/// Splits off the longest prefix of `text` that takes at most `max_lines` lines.
fn take_lines(text: &str, per_line: usize, max_lines: usize) -> (String, String) {
    let mut used = 0;
    let mut width = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            used += 1;
            width = 0;
            if used >= max_lines {
                return (text[..i].to_string(), text[i + 1..].to_string());
            }
            continue;
        }
        let w = if c.is_ascii() { 1 } else { 2 };
        if width + w > per_line * 2 {
            used += 1;
            width = 0;
            if used >= max_lines {
                return (text[..i].to_string(), text[i..].to_string());
            }
        }
        width += w;
    }
    (text.to_string(), String::new())
}

/// Chooses the type size for a summary and splits off what does not fit.
pub fn fit_summary(text: &str) -> SummaryFit {
    for (class, per_line, max_lines) in SIZES {
        if lines(text, per_line) <= max_lines {
            return SummaryFit { class, first: text.to_string(), rest: Vec::new() };
        }
    }
    let (class, per_line, max_lines) = SIZES[2];
    let (first, mut remaining) = take_lines(text, per_line, max_lines);
    let mut rest = Vec::new();
    while !remaining.is_empty() {
        let (page, more) = take_lines(&remaining, CONTINUED.0, CONTINUED.1);
        rest.push(page);
        remaining = more;
    }
    SummaryFit { class, first, rest }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_keeps_the_large_size() {
        let f = fit_summary("本年度认真履行职责。");
        assert_eq!((f.class, f.rest.len()), ("size-12", 0));
    }

    #[test]
    fn longer_text_shrinks_then_continues() {
        let medium = "认真学习贯彻党的路线方针政策，".repeat(25); // 375 characters
        assert_eq!(fit_summary(&medium).class, "size-105");
        let long = "认真学习贯彻党的路线方针政策，".repeat(40); // 600 characters
        assert_eq!(fit_summary(&long).class, "size-9");
        let very_long = "认真学习贯彻党的路线方针政策，".repeat(120); // 1800 characters
        let f = fit_summary(&very_long);
        assert_eq!(f.class, "size-9");
        assert_eq!(f.rest.len(), 1);
        // Nothing is lost in the split.
        assert_eq!(format!("{}{}", f.first, f.rest.concat()), very_long);
    }
}
