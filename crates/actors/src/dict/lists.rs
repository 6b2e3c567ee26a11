//! The list-like formats: discards, PETRARCH issue coding, plain word lists.

use super::code::split_brackets;
use super::text::{content_lines, phrase_key, Comments, Line};
use super::{FindingKind, Sink};
use std::collections::HashMap;

/// A discard phrase: a sentence containing it is not coded; a story-level one (`+PHRASE`)
/// drops the whole story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discard {
    /// The phrase as written, without `+`.
    pub phrase: String,
    /// True for `+PHRASE` (story level).
    pub story: bool,
    /// Line.
    pub line: usize,
}

/// A parsed discard list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DiscardDict {
    /// Entries in file order.
    pub entries: Vec<Discard>,
}

/// One issue phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueEntry {
    /// The phrase as written, with its `n:`/`v:` part-of-speech marks and `+` joins.
    pub phrase: String,
    /// The issue code; entries written without one take the category name.
    pub code: String,
    /// `~phrase`: text that must not count for the category even though it contains one of
    /// its phrases.
    pub ignore: bool,
    /// Line.
    pub line: usize,
}

/// An `<ISSUE CATEGORY=".." TYPE="..">` group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueCategory {
    /// CATEGORY attribute.
    pub name: String,
    /// TYPE attribute (`ALL`, `COUNTEVENT`).
    pub kind: String,
    /// Entries.
    pub entries: Vec<IssueEntry>,
    /// Line of the opening tag.
    pub line: usize,
}

/// A parsed issue dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IssueDict {
    /// Categories in file order.
    pub categories: Vec<IssueCategory>,
}

/// A plain word list (one entry a line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordList {
    /// Words in file order.
    pub words: Vec<String>,
}

/// A file is taken for a spreadsheet export, not a phrase list, when most of its lines have
/// several tabs: a discard phrase never contains one.
fn looks_tabular(lines: &[Line<'_>]) -> bool {
    let tabular = lines
        .iter()
        .filter(|l| l.text.matches('\t').count() >= 3)
        .count();
    !lines.is_empty() && tabular * 2 > lines.len()
}

pub(crate) fn discards(lines: &[String], tabari: bool, sink: &mut Sink) -> DiscardDict {
    let style = if tabari {
        Comments::Tabari
    } else {
        Comments::Petrarch
    };
    let content = content_lines(lines, style);
    let mut dict = DiscardDict::default();
    if looks_tabular(&content) {
        sink.add(
            0,
            FindingKind::NotADictionary,
            format!(
                "{} of {} lines hold 3+ tab-separated fields: a data table, not a discard list; nothing loaded",
                content.iter().filter(|l| l.text.matches('\t').count() >= 3).count(),
                content.len()
            ),
        );
        return dict;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for line in content {
        let t = line.text.trim();
        if t.starts_with("~~") {
            break;
        }
        let (phrase, story) = match t.strip_prefix('+') {
            Some(p) => (p.trim(), true),
            None => (t, false),
        };
        // TABARI discards may carry the `[###]` code of an actor entry; it adds nothing.
        let b = split_brackets(phrase);
        let phrase = b.head.trim();
        if phrase.is_empty() {
            sink.add(line.no, FindingKind::MalformedLine, "empty discard phrase");
            continue;
        }
        note(&mut seen, phrase, line.no, sink);
        dict.entries.push(Discard {
            phrase: phrase.to_string(),
            story,
            line: line.no,
        });
    }
    dict
}

fn note(seen: &mut HashMap<String, usize>, phrase: &str, no: usize, sink: &mut Sink) {
    let key = phrase_key(phrase);
    if let Some(&first) = seen.get(&key) {
        sink.add(
            no,
            FindingKind::Duplicate,
            format!("{key} is already listed at line {first}"),
        );
    } else {
        seen.insert(key, no);
    }
}

/// The value of `NAME="value"` in a tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let upper = tag.to_ascii_uppercase();
    let at = upper.find(&format!("{name}="))? + name.len() + 1;
    let rest = tag[at..].trim_start_matches('"');
    Some(rest.split('"').next().unwrap_or("").trim().to_string())
}

pub(crate) fn issues(lines: &[String], sink: &mut Sink) -> IssueDict {
    let mut dict = IssueDict::default();
    let mut open = false;
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for line in content_lines(lines, Comments::Petrarch) {
        let t = line.text.trim();
        let upper = t.to_ascii_uppercase();
        if upper.starts_with("<ISSUE") {
            if open {
                sink.add(
                    line.no,
                    FindingKind::MalformedLine,
                    "<ISSUE> opened inside another",
                );
            }
            let name = attr(t, "CATEGORY").unwrap_or_default();
            if name.is_empty() {
                sink.add(
                    line.no,
                    FindingKind::MalformedLine,
                    "<ISSUE> without CATEGORY",
                );
            }
            if let Some(prev) = dict.categories.iter().find(|c| c.name == name) {
                sink.add(
                    line.no,
                    FindingKind::Duplicate,
                    format!("category {name} is already opened at line {}", prev.line),
                );
            }
            dict.categories.push(IssueCategory {
                name,
                kind: attr(t, "TYPE").unwrap_or_default(),
                entries: Vec::new(),
                line: line.no,
            });
            open = true;
            continue;
        }
        if upper.starts_with("</ISSUE") {
            if !open {
                sink.add(
                    line.no,
                    FindingKind::MalformedLine,
                    "</ISSUE> without an open <ISSUE>",
                );
            }
            open = false;
            continue;
        }
        let Some(cat) = dict.categories.last_mut().filter(|_| open) else {
            sink.add(
                line.no,
                FindingKind::MalformedLine,
                "issue phrase outside <ISSUE>",
            );
            continue;
        };
        let (body, ignore) = match t.strip_prefix('~') {
            Some(b) => (b.trim(), true),
            None => (t, false),
        };
        let b = split_brackets(body);
        let phrase = b.head.trim();
        if phrase.is_empty() {
            sink.add(line.no, FindingKind::MalformedLine, "empty issue phrase");
            continue;
        }
        if b.unclosed {
            sink.add(line.no, FindingKind::MalformedCode, "unclosed [");
        }
        let code = match b.bodies.first().map(|c| c.trim()) {
            Some(c)
                if !c.is_empty()
                    && c.bytes().all(|b| {
                        b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'-'
                    }) =>
            {
                c.to_string()
            }
            Some(c) => {
                sink.add(
                    line.no,
                    FindingKind::MalformedCode,
                    format!("issue code [{c}] is not upper-case letters, digits and _"),
                );
                cat.name.clone()
            }
            None => cat.name.clone(),
        };
        let key = (phrase.to_lowercase(), cat.name.clone());
        if let Some(&first) = seen.get(&key) {
            sink.add(
                line.no,
                FindingKind::Duplicate,
                format!("{phrase:?} is already in {} at line {first}", cat.name),
            );
        } else {
            seen.insert(key, line.no);
        }
        cat.entries.push(IssueEntry {
            phrase: phrase.to_string(),
            code,
            ignore,
            line: line.no,
        });
    }
    if open {
        let last = dict.categories.last().map_or(0, |c| c.line);
        sink.add(last, FindingKind::MalformedLine, "<ISSUE> is never closed");
    }
    dict
}

pub(crate) fn words(lines: &[String], sink: &mut Sink) -> WordList {
    let mut list = WordList::default();
    let mut seen = HashMap::new();
    for line in content_lines(lines, Comments::Petrarch) {
        let w = line.text.trim();
        note(&mut seen, w, line.no, sink);
        list.words.push(w.to_string());
    }
    list
}

#[cfg(test)]
mod tests {
    use super::super::{parse_bytes, Dictionary, Format};
    use super::*;

    fn load(text: &str, format: Format) -> (Dictionary, Vec<(usize, FindingKind)>) {
        let l = parse_bytes("t", text.as_bytes(), format);
        (
            l.dict,
            l.findings.iter().map(|f| (f.line, f.kind)).collect(),
        )
    }

    #[test]
    fn discards_split_story_and_sentence_level() {
        let (d, f) = load(
            "# c\nCUP FINAL # x\n+GRAND PRIX\ncup  final\n",
            Format::PetrarchDiscards,
        );
        let Dictionary::Discards(d) = d else {
            panic!("discards")
        };
        assert_eq!(d.entries.len(), 3);
        assert!(d.entries[1].story && !d.entries[0].story);
        assert_eq!(f, vec![(4, FindingKind::Duplicate)]);
    }

    #[test]
    fn discards_refuse_a_table() {
        let (d, f) = load("a\tb\tc\td\ne\tf\tg\th\n", Format::TabariDiscards);
        assert_eq!(d.entries(), 0);
        assert_eq!(f, vec![(0, FindingKind::NotADictionary)]);
    }

    #[test]
    fn issues_group_entries_and_default_codes() {
        let text = "<ISSUE CATEGORY=\"FARMING\" TYPE=\"ALL\">\nn:tractor [MACHINES]\n~toy n:tractor\nharvest\nn:tractor [MACHINES]\nbad [lower]\n</ISSUE>\nstray [X]\n";
        let (d, f) = load(text, Format::PetrarchIssues);
        let Dictionary::Issues(d) = d else {
            panic!("issues")
        };
        let c = &d.categories[0];
        assert_eq!((c.name.as_str(), c.kind.as_str()), ("FARMING", "ALL"));
        assert!(c.entries[1].ignore);
        assert_eq!(c.entries[2].code, "FARMING");
        assert_eq!(
            f,
            vec![
                (5, FindingKind::Duplicate),
                (6, FindingKind::MalformedCode),
                (8, FindingKind::MalformedLine)
            ]
        );
    }
}
