//! Agent dictionaries (PETRARCH `.agents.txt`, TABARI `.agents`).
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN                # substitution set, used as CHAIR!PERSON!
//! FOREIGN_MINISTER {FOREIGN_MINISTERS} [~GOVFRM]   # ~CODE: appended after the actor's code
//! HUMAN_RIGHTS_BODY [NGO~]                  # CODE~: put before the actor's code
//! ```

use super::code::split_brackets;
use super::text::{content_lines, phrase_key, Comments};
use super::{FindingKind, Sink};
use std::collections::HashMap;

/// An agent code and which side of the actor's code it goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgentCode {
    /// `~GOV`: appended (`USA` + `GOV` = `USAGOV`).
    Suffix(String),
    /// `NGO~`: prefixed.
    Prefix(String),
}

/// One agent phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    /// The phrase as written, substitution markers included (`CHAIR!PERSON!`).
    pub phrase: String,
    /// Explicit plural forms from `{...}`; `Some(empty)` for `{}` (no plural), `None` when
    /// the regular plural applies.
    pub plurals: Option<Vec<String>>,
    /// Codes (usually one).
    pub codes: Vec<AgentCode>,
    /// Line of the entry.
    pub line: usize,
}

/// A `!NAME! = A, B` substitution set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Substitution {
    /// Name without the `!`s, upper-cased.
    pub name: String,
    /// The words it expands to.
    pub words: Vec<String>,
    /// Line of the definition.
    pub line: usize,
}

/// A parsed agent dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgentDict {
    /// Entries in file order.
    pub entries: Vec<AgentEntry>,
    /// Substitution sets.
    pub substitutions: Vec<Substitution>,
}

impl AgentDict {
    /// Every phrase an entry stands for, with its substitution markers expanded (a phrase
    /// with two markers expands to all combinations; an undefined marker is left as is).
    pub fn expand(&self, entry: &AgentEntry) -> Vec<String> {
        let mut out = vec![entry.phrase.clone()];
        for sub in &self.substitutions {
            let marker = format!("!{}!", sub.name);
            if !entry.phrase.to_uppercase().contains(&marker) {
                continue;
            }
            let marker = &marker;
            out = out
                .iter()
                .flat_map(|p| sub.words.iter().map(move |w| p.replace(marker.as_str(), w)))
                .collect();
        }
        out
    }
}

pub(crate) fn parse(lines: &[String], tabari: bool, sink: &mut Sink) -> AgentDict {
    let style = if tabari {
        Comments::Tabari
    } else {
        Comments::Petrarch
    };
    let mut dict = AgentDict::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut used: Vec<(String, usize)> = Vec::new();
    for line in content_lines(lines, style) {
        let t = line.text.trim();
        if t.starts_with('!') {
            if let Some((name, words)) = t.split_once('=') {
                let name = name.trim().trim_matches('!').to_uppercase();
                if dict.substitutions.iter().any(|s| s.name == name) {
                    sink.add(
                        line.no,
                        FindingKind::Duplicate,
                        format!("substitution !{name}! is defined twice"),
                    );
                }
                dict.substitutions.push(Substitution {
                    name,
                    words: words
                        .split(',')
                        .map(|w| w.trim().to_string())
                        .filter(|w| !w.is_empty())
                        .collect(),
                    line: line.no,
                });
                continue;
            }
        }
        let b = split_brackets(t);
        let (phrase, plurals) = match b.head.find('{') {
            Some(open) => {
                let inner = &b.head[open + 1..];
                let (inner, closed) = match inner.find('}') {
                    Some(close) => (&inner[..close], true),
                    None => (inner, false),
                };
                if !closed {
                    sink.add(line.no, FindingKind::MalformedLine, "unclosed {");
                }
                let forms = inner.split_whitespace().map(str::to_string).collect();
                (b.head[..open].trim(), Some(forms))
            }
            None => (b.head.trim(), None),
        };
        if phrase.is_empty() {
            sink.add(line.no, FindingKind::MalformedLine, "no agent phrase");
            continue;
        }
        for marker in markers(phrase) {
            used.push((marker, line.no));
        }
        let key = phrase_key(phrase);
        if let Some(&first) = seen.get(&key) {
            sink.add(
                line.no,
                FindingKind::Duplicate,
                format!("{key} is already defined at line {first}"),
            );
        } else {
            seen.insert(key, line.no);
        }
        if b.unclosed {
            sink.add(line.no, FindingKind::MalformedCode, "unclosed [");
        }
        if !b.stray.is_empty() {
            sink.add(
                line.no,
                FindingKind::MalformedLine,
                format!("text outside the code brackets: {:?}", b.stray),
            );
        }
        let mut codes = Vec::new();
        for body in &b.bodies {
            match parse_agent_code(body) {
                Some(c) => codes.push(c),
                None => sink.add(
                    line.no,
                    FindingKind::MalformedCode,
                    format!("agent code [{}] is not ~CODE or CODE~", body.trim()),
                ),
            }
        }
        if codes.is_empty() && !b.unclosed && b.bodies.is_empty() {
            sink.add(
                line.no,
                FindingKind::MissingCode,
                format!("{phrase} has no code"),
            );
        }
        dict.entries.push(AgentEntry {
            phrase: phrase.to_string(),
            plurals,
            codes,
            line: line.no,
        });
    }
    for (marker, no) in used {
        if !dict.substitutions.iter().any(|s| s.name == marker) {
            sink.add(
                no,
                FindingKind::UndefinedSynset,
                format!("substitution !{marker}! is not defined"),
            );
        }
    }
    dict
}

/// The `!NAME!` markers in a phrase, upper-cased.
fn markers(phrase: &str) -> Vec<String> {
    let parts: Vec<&str> = phrase.split('!').collect();
    // Text between the 1st and 2nd `!`, the 3rd and 4th, ... is a marker name.
    parts
        .iter()
        .skip(1)
        .step_by(2)
        .take(parts.len().saturating_sub(1) / 2)
        .map(|s| s.to_uppercase())
        .collect()
}

fn parse_agent_code(body: &str) -> Option<AgentCode> {
    let t = body.trim();
    let ok = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    if let Some(c) = t.strip_prefix('~') {
        let c = c.trim();
        return ok(c).then(|| AgentCode::Suffix(c.to_string()));
    }
    if let Some(c) = t.strip_suffix('~') {
        let c = c.trim();
        return ok(c).then(|| AgentCode::Prefix(c.to_string()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{parse_bytes, Dictionary, Format};
    use super::*;

    fn agents(text: &str) -> (AgentDict, Vec<(usize, FindingKind)>) {
        let loaded = parse_bytes("t", text.as_bytes(), Format::PetrarchAgents);
        let Dictionary::Agents(d) = loaded.dict else {
            panic!("agents format gives an agent dictionary")
        };
        (
            d,
            loaded.findings.iter().map(|f| (f.line, f.kind)).collect(),
        )
    }

    #[test]
    fn agents_parse_codes_plurals_and_substitutions() {
        let (d, f) = agents(
            "!GUY! = MAN, MEN\nWARDEN {WARDENS} [~COP]\nCHAIR!GUY! [~GOV]\nRELIEF_BODY {} [NGO~]\n",
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(d.entries[0].plurals, Some(vec!["WARDENS".to_string()]));
        assert_eq!(d.entries[0].codes, vec![AgentCode::Suffix("COP".into())]);
        assert_eq!(d.entries[2].codes, vec![AgentCode::Prefix("NGO".into())]);
        assert_eq!(d.expand(&d.entries[1]), vec!["CHAIRMAN", "CHAIRMEN"]);
    }

    #[test]
    fn agents_report_each_kind() {
        let (_, f) =
            agents("DOCTOR [~MED]\nDOCTOR [~HLH]\nNURSE!GAL! [~MED]\nBARD [~ART}\nSCRIBE\n");
        assert_eq!(
            f,
            vec![
                (2, FindingKind::Duplicate),
                (3, FindingKind::UndefinedSynset),
                (4, FindingKind::MalformedCode),
                (5, FindingKind::MissingCode),
            ]
        );
    }
}
