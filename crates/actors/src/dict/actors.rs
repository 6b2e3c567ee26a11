//! Actor dictionaries (PETRARCH `.actors.txt`, TABARI `.actors`).
//!
//! An entry is a primary phrase, optional `+SYNONYM` lines, and one or more codes, either on
//! the phrase's line or on following lines that start with `[` (usually indented):
//!
//! ```text
//! FREEDONIA [FRD]
//! RUFUS_T_FIREFLY      # codes on later lines, each with its own dates
//! +FIREFLY
//!     [FRDGOV 19330101-19331231]
//!     [FRD > 19331231]
//! ```

use super::code::{parse_actor_code, split_brackets, ActorCode, DateRange};
use super::text::{content_lines, phrase_key, Comments};
use super::{FindingKind, Sink};
use std::collections::HashMap;

/// Codes per entry beyond which pairwise date checks stop (no real entry has more than a
/// dozen; this keeps a hostile file from costing quadratic time).
const MAX_CODES_CHECKED: usize = 256;

/// One actor: a phrase, its synonyms and its codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// The primary phrase as written (`AFGHANISTAN_`, `GROUP OF 77`).
    pub phrase: String,
    /// `+` synonyms as written, without the `+`.
    pub synonyms: Vec<String>,
    /// Codes with their date restrictions, in file order.
    pub codes: Vec<ActorCode>,
    /// Line of the primary phrase.
    pub line: usize,
}

impl ActorEntry {
    /// The codes that apply on a date (`YYYYMMDD`): dated codes whose range holds it, else
    /// the undated ones.
    pub fn codes_on(&self, date: super::Date) -> Vec<&ActorCode> {
        let within = |c: &&ActorCode| {
            let (lo, hi) = c.dates.bounds();
            c.dates != DateRange::Always && lo <= date.0 && date.0 < hi
        };
        let dated: Vec<&ActorCode> = self.codes.iter().filter(within).collect();
        if !dated.is_empty() {
            return dated;
        }
        self.codes
            .iter()
            .filter(|c| c.dates == DateRange::Always)
            .collect()
    }
}

/// A parsed actor dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorDict {
    /// Entries in file order.
    pub entries: Vec<ActorEntry>,
    /// TABARI `<NOUN>` list: words that block a following actor match.
    pub nouns: Vec<String>,
    /// TABARI `<ADJECTIVE>` list.
    pub adjectives: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Entries,
    Nouns,
    Adjectives,
}

pub(crate) fn parse(lines: &[String], tabari: bool, sink: &mut Sink) -> ActorDict {
    let style = if tabari {
        Comments::Tabari
    } else {
        Comments::Petrarch
    };
    let mut dict = ActorDict::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut current: Option<ActorEntry> = None;
    // Whether the current entry had a malformed code: then "no code" would repeat that.
    let mut bad_code = false;
    let mut section = Section::Entries;
    for line in content_lines(lines, style) {
        let t = line.text.trim();
        // TABARI ends a dictionary with a `~~FINISH` stamp line.
        if t.starts_with("~~") {
            break;
        }
        match t.to_ascii_uppercase().as_str() {
            "<NOUN>" => section = Section::Nouns,
            "<ADJECTIVE>" => section = Section::Adjectives,
            "</NOUN>" | "</ADJECTIVE>" => section = Section::Entries,
            _ if section != Section::Entries => {
                let list = if section == Section::Nouns {
                    &mut dict.nouns
                } else {
                    &mut dict.adjectives
                };
                note_phrase(&mut seen, t, line.no, sink);
                list.push(t.to_string());
            }
            _ => {
                if t.starts_with('[') {
                    match current.as_mut() {
                        Some(entry) => bad_code |= add_codes(entry, t, line.no, sink),
                        None => sink.add(
                            line.no,
                            FindingKind::MalformedLine,
                            "code line before any actor phrase",
                        ),
                    }
                } else if let Some(syn) = t.strip_prefix('+') {
                    let Some(entry) = current.as_mut() else {
                        sink.add(
                            line.no,
                            FindingKind::MalformedLine,
                            "synonym before any actor phrase",
                        );
                        continue;
                    };
                    let head = split_brackets(syn).head.trim().to_string();
                    note_phrase(&mut seen, &head, line.no, sink);
                    entry.synonyms.push(head);
                    bad_code |= add_codes(entry, syn, line.no, sink);
                } else {
                    if let Some(done) = current.take() {
                        finish(done, bad_code, &mut dict, sink);
                    }
                    let phrase = split_brackets(t).head.trim().to_string();
                    note_phrase(&mut seen, &phrase, line.no, sink);
                    let mut entry = ActorEntry {
                        phrase,
                        synonyms: Vec::new(),
                        codes: Vec::new(),
                        line: line.no,
                    };
                    bad_code = add_codes(&mut entry, t, line.no, sink);
                    current = Some(entry);
                }
            }
        }
    }
    if let Some(done) = current.take() {
        finish(done, bad_code, &mut dict, sink);
    }
    dict
}

/// Record a phrase and report it if the file already defined it.
fn note_phrase(seen: &mut HashMap<String, usize>, phrase: &str, no: usize, sink: &mut Sink) {
    let key = phrase_key(phrase);
    if key.is_empty() {
        sink.add(no, FindingKind::MalformedLine, "empty phrase");
        return;
    }
    if let Some(&first) = seen.get(&key) {
        sink.add(
            no,
            FindingKind::Duplicate,
            format!("{key} is already defined at line {first}"),
        );
    } else {
        seen.insert(key, no);
    }
}

/// Parse the brackets on a line into the entry's codes; true when one was malformed.
fn add_codes(entry: &mut ActorEntry, text: &str, no: usize, sink: &mut Sink) -> bool {
    let b = split_brackets(text);
    let mut bad = b.unclosed;
    if b.unclosed {
        sink.add(no, FindingKind::MalformedCode, "unclosed [");
    }
    if !b.stray.is_empty() {
        sink.add(
            no,
            FindingKind::MalformedLine,
            format!("text outside the code brackets: {:?}", b.stray),
        );
    }
    for body in b.bodies {
        match parse_actor_code(body) {
            Ok(code) => {
                if let DateRange::Between(a, z) = code.dates {
                    if z < a {
                        sink.add(
                            no,
                            FindingKind::ConflictingDates,
                            format!("[{}] ends ({z}) before it starts ({a})", body.trim()),
                        );
                    }
                }
                entry.codes.push(code);
            }
            Err(msg) => {
                bad = true;
                sink.add(no, FindingKind::MalformedCode, msg);
            }
        }
    }
    bad
}

/// Check an entry's codes against each other, then keep it.
fn finish(entry: ActorEntry, bad_code: bool, dict: &mut ActorDict, sink: &mut Sink) {
    if entry.codes.is_empty() && !bad_code {
        sink.add(
            entry.line,
            FindingKind::MissingCode,
            format!(
                "{} has no code (if the next entry's codes were meant for it, it lacks a `+`)",
                entry.phrase
            ),
        );
    }
    let codes = &entry.codes[..entry.codes.len().min(MAX_CODES_CHECKED)];
    for (i, a) in codes.iter().enumerate() {
        for b in &codes[i + 1..] {
            let both_undated = a.dates == DateRange::Always && b.dates == DateRange::Always;
            let both_dated = a.dates != DateRange::Always && b.dates != DateRange::Always;
            if both_undated && a.code != b.code {
                sink.add(
                    entry.line,
                    FindingKind::ConflictingDates,
                    format!(
                        "{}: undated codes {} and {} both always apply",
                        entry.phrase, a.code, b.code
                    ),
                );
            } else if both_undated || (both_dated && a.dates.overlaps_beyond_handover(b.dates)) {
                let (kind, what) = if a.code == b.code {
                    (FindingKind::Duplicate, "repeats")
                } else {
                    (FindingKind::ConflictingDates, "overlaps")
                };
                sink.add(
                    entry.line,
                    kind,
                    format!(
                        "{}: [{} {}] {what} [{} {}]",
                        entry.phrase, b.code, b.dates, a.code, a.dates
                    ),
                );
            }
        }
    }
    dict.entries.push(entry);
}

#[cfg(test)]
mod tests {
    use super::super::{parse_bytes, Date, Dictionary, Format};
    use super::*;

    fn actors(text: &str, format: Format) -> (ActorDict, Vec<(usize, FindingKind)>) {
        let loaded = parse_bytes("t", text.as_bytes(), format);
        let Dictionary::Actors(d) = loaded.dict else {
            panic!("actors format gives an actor dictionary")
        };
        let f = loaded.findings.iter().map(|f| (f.line, f.kind)).collect();
        (d, f)
    }

    #[test]
    fn actors_multiline_entry_collects_synonyms_and_dated_codes() {
        let text = "RUFUS_FIREFLY # boss\n+FIREFLY\n\t[FRDGOV 19330101-19331231]\n\t[FRD >331231]\nSYLVANIA [SYL]\n";
        let (d, f) = actors(text, Format::PetrarchActors);
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(d.entries.len(), 2);
        let e = &d.entries[0];
        assert_eq!(e.synonyms, vec!["FIREFLY"]);
        assert_eq!(e.codes.len(), 2);
        assert_eq!(e.codes_on(Date(19330601))[0].code, "FRDGOV");
        assert_eq!(e.codes_on(Date(19400101))[0].code, "FRD");
    }

    #[test]
    fn actors_tabari_sections_and_finish_marker() {
        let text =
            "<NOUN>\nGOATS ;x\n</NOUN>\nMARXIA [MRX <950101] [---] ;c\n~~FINISH\nAFTER [ZZZ]\n";
        let (d, f) = actors(text, Format::TabariActors);
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(d.nouns, vec!["GOATS"]);
        assert_eq!(d.entries.len(), 1);
        assert_eq!(d.entries[0].codes[1].code, "---");
    }

    #[test]
    fn actors_report_each_kind() {
        let text = "A [AAA]\nA [AAB]\nB [lower]\nC\n[CCC 19900101-19951231]\n[CCD 19950101-19991231]\nD [DDD 19990101-19900101]\nE [EEE] [EEF]\n";
        let (_, f) = actors(text, Format::PetrarchActors);
        assert_eq!(
            f,
            vec![
                (2, FindingKind::Duplicate),
                (3, FindingKind::MalformedCode),
                (4, FindingKind::ConflictingDates),
                (7, FindingKind::ConflictingDates),
                (8, FindingKind::ConflictingDates),
            ]
        );
    }
}
