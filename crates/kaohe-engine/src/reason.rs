//! A reason: the words of a decision with the rules it cites where they stand in the sentence.
//!
//! A citation may close a sentence or sit inside it (a promotion's service line cites the
//! probation rule, then goes on with the months counted), and a sentence may cite several rules.
//! So a reason is a list of parts, each either words or a citation with its status; a reader
//! (the desktop app) sets the citations apart without searching the words. `Display` writes the
//! reason as one line, each citation as 〔依据：…〕 (〔依据：…；待核实〕 for a rule to be
//! verified): the text of the workbooks, the printed documents and the CLI.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::profile::{Citation, Status};

/// One part of a reason: `{ "text": … }` or `{ "cite": …, "status": … }` in JSON.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ReasonPart"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Part {
    Text { text: String },
    Cite { cite: String, status: Status },
}

/// A reason in parts; an empty list is no reason.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Reason(Vec<Part>);

impl Reason {
    /// A reason that begins with these words.
    pub fn new(text: impl AsRef<str>) -> Reason {
        Reason::default().text(text)
    }

    /// These words appended.
    pub fn text(mut self, text: impl AsRef<str>) -> Reason {
        self.push_text(text);
        self
    }

    /// This rule cited here.
    pub fn cite(mut self, cite: &Citation) -> Reason {
        self.push_cite(cite);
        self
    }

    /// This rule cited here, when there is one.
    pub fn cite_if(mut self, cite: Option<&Citation>) -> Reason {
        if let Some(c) = cite {
            self.push_cite(c);
        }
        self
    }

    pub fn push_text(&mut self, text: impl AsRef<str>) {
        let text = text.as_ref();
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(Part::Text { text: last }) => last.push_str(text),
            _ => self.0.push(Part::Text { text: text.to_string() }),
        }
    }

    pub fn push_cite(&mut self, cite: &Citation) {
        self.0.push(Part::Cite { cite: cite.text.clone(), status: cite.status });
    }

    pub fn parts(&self) -> &[Part] {
        &self.0
    }

    /// The rules this reason cites, in order.
    pub fn cites(&self) -> impl Iterator<Item = (&str, Status)> {
        self.0.iter().filter_map(|p| match p {
            Part::Cite { cite, status } => Some((cite.as_str(), *status)),
            Part::Text { .. } => None,
        })
    }

    /// Whether the reason, read as one line, says `words`.
    pub fn contains(&self, words: &str) -> bool {
        self.to_string().contains(words)
    }
}

impl From<String> for Reason {
    fn from(text: String) -> Reason {
        Reason::new(text)
    }
}

impl From<&str> for Reason {
    fn from(text: &str) -> Reason {
        Reason::new(text)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in &self.0 {
            match part {
                Part::Text { text } => f.write_str(text)?,
                Part::Cite { cite, status: Status::U } => write!(f, "〔依据：{cite}；待核实〕")?,
                Part::Cite { cite, .. } => write!(f, "〔依据：{cite}〕")?,
            }
        }
        Ok(())
    }
}

/// Reasons one per line, as a workbook cell or a printed box holds them.
pub fn lines(reasons: &[Reason]) -> String {
    reasons.iter().map(Reason::to_string).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(text: &str, status: Status) -> Citation {
        Citation { text: text.to_string(), status }
    }

    #[test]
    fn a_citation_inside_a_sentence_keeps_its_place() {
        let r = Reason::new("自2020年1月1日起算")
            .cite(&cite("第十条", Status::P))
            .text("，计")
            .text("36个月。")
            .cite(&cite("第十一条", Status::U));
        assert_eq!(r.to_string(), "自2020年1月1日起算〔依据：第十条〕，计36个月。〔依据：第十一条；待核实〕");
        assert_eq!(r.parts().len(), 4, "words written one after the other are one part: {r:?}");
        assert_eq!(r.cites().collect::<Vec<_>>(), vec![("第十条", Status::P), ("第十一条", Status::U)]);
        assert!(r.contains("，计36个月。〔依据"));
    }

    #[test]
    fn json_says_words_and_citations_apart() {
        let r = Reason::new("年度考核为优秀").cite(&cite("第二十条", Status::S)).cite_if(None);
        assert_eq!(
            serde_json::to_value(&r).expect("a reason serialises"),
            serde_json::json!([{ "text": "年度考核为优秀" }, { "cite": "第二十条", "status": "S" }])
        );
        assert_eq!(lines(&[r.clone(), Reason::new("结论")]), format!("{r}\n结论"));
        assert_eq!(Reason::new("").parts(), &[], "no words, no part");
    }
}
