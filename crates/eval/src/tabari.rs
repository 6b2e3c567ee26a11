//! The TABARI validation suite (`data/tabari/validation/Validate.text`): loader and triple
//! precision/recall.
//!
//! Format (TABARI 0.8.4b2 manual, section 10.1, and the file itself): a record opens with a
//! line `YYMMDD  ID` (some use `YYYYMMDD` after an `OPTION: SET: YYYY` record), then the
//! sentence, then a `/* ... */` comment holding the expected events `{ ARN / GON / 064 }`,
//! each optionally followed by a shifted date. Special braces: `{---}` no event, `{###}` the
//! sentence is discarded, `{+++}` rejected as too complex (all three: no event expected),
//! `{ OPTION: ... }` changes an option for the records after it, and a leading `-{...}` means
//! "do not check further events": the listing is incomplete.
//!
//! Scoring choices (documented, not TABARI's): records whose only braces are OPTION commands
//! are control records and are not scored; records with no braces at all have no stated
//! expectation and are not scored; in an incomplete (`-{`) record, produced events that are
//! not listed are not counted as false positives. The standard suite ends at `FINAL-01`; the
//! records after it need other settings or crashed TABARI, so [`Record::standard`] is false
//! for them and [`score`] skips them. The expected codes assume the `TABARI.Demo.{actors,
//! verbs}` dictionaries named in `Validate.project` (Middle-earth actors again).

use crate::petrarch::{ratio, Triple};
use crate::{Error, Result};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The suite's file, relative to the shared folder.
pub const RELATIVE_PATH: &str = "data/tabari/validation/Validate.text";

/// What a record expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expect {
    /// At least one listed event.
    Events,
    /// `{---}`: no event.
    NoEvents,
    /// `{###}`: the sentence is discarded.
    Discard,
    /// `{+++}`: rejected as a complex sentence.
    Complex,
    /// Only `{ OPTION: }` commands: a control record.
    Control,
    /// No braces: nothing stated.
    Unspecified,
}

/// One record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The id ("DEMO-01").
    pub id: String,
    /// Category: the id up to its first '-' ("DEMO").
    pub category: String,
    /// The date as written (`YYMMDD` or `YYYYMMDD`).
    pub date: String,
    /// The sentence, whitespace collapsed.
    pub text: String,
    /// Expected events (only the checked ones, not those after `-{`).
    pub expected: Vec<Triple>,
    /// The date written after each expected event (`YYMMDD`; with TIME SHIFT on, the
    /// event's shifted date: TIME-01 "Yesterday" on 950104 expects 950103), parallel to
    /// `expected`. Not scored by [`score`].
    pub expected_dates: Vec<Option<String>>,
    /// What the record expects.
    pub expect: Expect,
    /// A `-{` marker: produced events beyond `expected` are not checked.
    pub incomplete: bool,
    /// OPTION commands in force for this record, oldest first (this record's own included).
    pub options: Vec<String>,
    /// Before `FINAL-01` (inclusive): part of the standard suite.
    pub standard: bool,
    /// 1-based line of the header.
    pub line: usize,
}

impl Record {
    /// Scored by [`score`]: standard and with a stated expectation.
    pub fn scored(&self) -> bool {
        self.standard && !matches!(self.expect, Expect::Control | Expect::Unspecified)
    }
}

/// Loads the suite from the shared folder (the one holding `data/`).
pub fn load(shared: &Path) -> Result<Vec<Record>> {
    load_file(&shared.join(RELATIVE_PATH))
}

/// Loads a TABARI validation text file.
pub fn load_file(path: &Path) -> Result<Vec<Record>> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    // The file is ASCII with a few Latin-1 bytes; a lossy read keeps every record.
    let raw = String::from_utf8_lossy(&bytes);
    let recs = parse(&raw);
    if recs.is_empty() {
        return Err(Error::Format {
            path: PathBuf::from(path),
            detail: "no records".into(),
        });
    }
    Ok(recs)
}

/// `YYMMDD  ID...`: a run of 6-9 digits, whitespace, then the rest.
fn header(line: &str) -> Option<(String, String)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(6..=9).contains(&digits) || !line[digits..].starts_with([' ', '\t']) {
        return None;
    }
    let words: Vec<&str> = line[digits..].split_whitespace().collect();
    let id = words
        .iter()
        .find(|w| w.bytes().any(|b| b.is_ascii_alphabetic()))
        .or(words.first())?;
    Some((line[..digits].to_string(), id.to_string()))
}

struct Draft {
    rec: Record,
    text_open: bool,
    comment_seen: bool,
    brace_seen: bool,
    option_only: bool,
    specials: Vec<Expect>,
}

fn parse(raw: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut options: Vec<String> = Vec::new();
    let mut cur: Option<Draft> = None;
    let mut in_comment = false;
    let mut standard = true;
    let mut prev_blank = true;
    for (n, line) in raw.lines().enumerate() {
        let after_blank = std::mem::replace(&mut prev_blank, line.trim().is_empty());
        // Two records leave their comment unclosed (COMPOUND-06 ends with "/*", DEFAULT-06b
        // has no "*/"), so a header after a blank line opens a record even inside a comment.
        if !in_comment || after_blank {
            if let Some((date, id)) = header(line) {
                in_comment = false;
                if let Some(d) = cur.take() {
                    out.push(finish(d));
                }
                let category = id.split('-').next().unwrap_or("").to_string();
                let is_final = id == "FINAL-01";
                cur = Some(Draft {
                    rec: Record {
                        id,
                        category,
                        date,
                        text: String::new(),
                        expected: Vec::new(),
                        expected_dates: Vec::new(),
                        expect: Expect::Unspecified,
                        incomplete: false,
                        options: options.clone(),
                        standard,
                        line: n + 1,
                    },
                    text_open: true,
                    comment_seen: false,
                    brace_seen: false,
                    option_only: true,
                    specials: Vec::new(),
                });
                if is_final {
                    standard = false;
                }
                continue;
            }
        }
        let Some(d) = cur.as_mut() else { continue };
        let mut rest = line;
        if !in_comment {
            match rest.find("/*") {
                Some(c) => {
                    if d.text_open {
                        push_text(&mut d.rec.text, &rest[..c]);
                    }
                    d.text_open = false;
                    d.comment_seen = true;
                    in_comment = true;
                    rest = &rest[c + 2..];
                }
                None => {
                    if d.text_open && line.trim().is_empty() && !d.rec.text.is_empty() {
                        d.text_open = false;
                    } else if d.text_open && !line.starts_with('#') {
                        push_text(&mut d.rec.text, line);
                    } else if d.comment_seen && !line.starts_with('#') {
                        // PATTERN-26 and AGENTS-11 list events after their "*/"; they
                        // belong to the record, so braces count until the next header.
                        braces(line, d, &mut options);
                    }
                    continue;
                }
            }
        }
        let (body, closes) = match rest.find("*/") {
            Some(e) => (&rest[..e], true),
            None => (rest, false),
        };
        braces(body, d, &mut options);
        if closes {
            in_comment = false;
        }
    }
    if let Some(d) = cur.take() {
        out.push(finish(d));
    }
    out
}

fn push_text(text: &mut String, piece: &str) {
    for w in piece.split_whitespace() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(w);
    }
}

/// Reads the `{...}` groups of one comment line.
fn braces(body: &str, d: &mut Draft, options: &mut Vec<String>) {
    let mut rest = body;
    while let Some(open) = rest.find('{') {
        let dash = rest[..open].trim_end().ends_with('-');
        let after = &rest[open + 1..];
        let (inside, next) = match after.find('}') {
            Some(c) => (&after[..c], &after[c + 1..]),
            // `{ OPTION: SET: MINIMUM WORDS = 4  */`: an unclosed brace runs to the line end.
            None => (after, ""),
        };
        rest = next;
        let inside = inside.trim();
        d.brace_seen = true;
        if let Some(opt) = inside.strip_prefix("OPTION:") {
            let opt = opt.split_whitespace().collect::<Vec<_>>().join(" ");
            options.push(opt.clone());
            d.rec.options.push(opt);
            continue;
        }
        d.option_only = false;
        if dash {
            d.rec.incomplete = true;
            continue;
        }
        if d.rec.incomplete {
            continue;
        }
        match inside.replace(' ', "").as_str() {
            "---" => d.specials.push(Expect::NoEvents),
            "###" => d.specials.push(Expect::Discard),
            "+++" => d.specials.push(Expect::Complex),
            "" => {}
            _ => {
                let parts: Vec<String> = inside.split('/').map(|p| p.trim().to_string()).collect();
                if let [s, t, c] = parts.as_slice() {
                    d.rec.expected.push((s.clone(), t.clone(), c.clone()));
                    let date = next.split_whitespace().next().filter(|w| {
                        matches!(w.len(), 6 | 8) && w.bytes().all(|b| b.is_ascii_digit())
                    });
                    d.rec.expected_dates.push(date.map(String::from));
                }
            }
        }
    }
}

fn finish(mut d: Draft) -> Record {
    d.rec.expect = if !d.rec.expected.is_empty() {
        Expect::Events
    } else if let Some(s) = d.specials.first() {
        *s
    } else if d.brace_seen && d.option_only {
        Expect::Control
    } else if d.rec.incomplete {
        // Only a `-{...}` listing: nothing is checked, so nothing is expected.
        Expect::NoEvents
    } else {
        Expect::Unspecified
    };
    d.rec
}

/// Load-time counts, for tests and reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    /// All record headers.
    pub records: usize,
    /// Records of the standard suite (up to FINAL-01).
    pub standard: usize,
    /// Standard records that are scored.
    pub scored: usize,
    /// Expected triples in scored records.
    pub triples: usize,
    /// Scored records by expectation.
    pub by_expect: BTreeMap<String, usize>,
}

/// Counts a loaded suite.
pub fn counts(recs: &[Record]) -> Counts {
    let mut c = Counts {
        records: recs.len(),
        ..Counts::default()
    };
    for r in recs.iter().filter(|r| r.standard) {
        c.standard += 1;
        if r.scored() {
            c.scored += 1;
            c.triples += r.expected.len();
            let key = serde_json::to_value(r.expect)
                .ok()
                .and_then(|v| v.as_str().map(String::from));
            *c.by_expect.entry(key.unwrap_or_default()).or_default() += 1;
        }
    }
    c
}

/// Triple precision and recall over the scored records.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Records scored.
    pub records: usize,
    /// Records whose produced set equals the expected set (incomplete records: contains it).
    pub exact: usize,
    /// Correct produced triples.
    pub true_positives: usize,
    /// Produced triples not expected (not counted in incomplete records).
    pub false_positives: usize,
    /// Expected triples not produced.
    pub false_negatives: usize,
    /// tp / (tp + fp); 0 when nothing was produced.
    pub precision: f64,
    /// tp / (tp + fn).
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
    /// Ids of records not exactly right.
    pub failed: Vec<String>,
}

/// Scores a coder on the scored records (duplicates within a record count once).
pub fn score<F: Fn(&Record) -> Vec<Triple>>(recs: &[Record], coder: F) -> Report {
    let mut r = Report::default();
    for rec in recs.iter().filter(|r| r.scored()) {
        let want: BTreeSet<Triple> = rec.expected.iter().cloned().collect();
        let got: BTreeSet<Triple> = coder(rec).into_iter().collect();
        let tp = got.intersection(&want).count();
        let fp = if rec.incomplete { 0 } else { got.len() - tp };
        let fn_ = want.len() - tp;
        r.records += 1;
        r.true_positives += tp;
        r.false_positives += fp;
        r.false_negatives += fn_;
        if fp == 0 && fn_ == 0 {
            r.exact += 1;
        } else {
            r.failed.push(rec.id.clone());
        }
    }
    r.precision = ratio(r.true_positives, r.true_positives + r.false_positives);
    r.recall = ratio(r.true_positives, r.true_positives + r.false_negatives);
    r.f1 = if r.precision + r.recall > 0.0 {
        2.0 * r.precision * r.recall / (r.precision + r.recall)
    } else {
        0.0
    };
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = "# header comment
000101  START-00
Validation suite text.
/*\\n-----
\\n{+++}  */

950101  TIME-Modify
Changing options.
/*\\n{ OPTION: SET: TIME SHIFT = FALSE } */

950103  DEMO-04
Dagolath's minister left for
Minas Tirith on Wednesday.
/*\\n[Paired events]
\\n{ DAG / GON / 032 } 950103
\\n{ GON / DAG / 033 } 950103   */

950104  COMP-07
Mordor welcomed ties./*
\\n{  ORC / GON / 041 } (PRAISE)    WELCOMED
\\n-{ --- / --- / 000 }
*/

950105  NONE-01
Nothing here.
/*\\n{---} */

950106  BARE-01
No comment block at all.

990101  FINAL-01
End of the suite.

950107  EXTRA-01
After the end.
/*\\n{ ARN / GON / 064 } */
";

    fn t(s: &str, d: &str, c: &str) -> Triple {
        (s.into(), d.into(), c.into())
    }

    #[test]
    fn tabari_loader_reads_records_specials_and_options() {
        let recs = parse(TINY);
        let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "START-00",
                "TIME-Modify",
                "DEMO-04",
                "COMP-07",
                "NONE-01",
                "BARE-01",
                "FINAL-01",
                "EXTRA-01"
            ]
        );
        assert_eq!(recs[0].expect, Expect::Complex);
        assert_eq!(recs[1].expect, Expect::Control);
        assert_eq!(
            recs[2].text,
            "Dagolath's minister left for Minas Tirith on Wednesday."
        );
        assert_eq!(
            recs[2].expected,
            vec![t("DAG", "GON", "032"), t("GON", "DAG", "033")]
        );
        assert_eq!(recs[2].expected_dates, vec![Some("950103".to_string()); 2]);
        assert_eq!(recs[3].expected_dates, vec![None]);
        assert_eq!(recs[2].options, vec!["SET: TIME SHIFT = FALSE"]);
        assert_eq!(recs[2].category, "DEMO");
        assert!(recs[3].incomplete && recs[3].expected == vec![t("ORC", "GON", "041")]);
        assert_eq!(recs[3].text, "Mordor welcomed ties.");
        assert_eq!(recs[4].expect, Expect::NoEvents);
        assert_eq!(recs[5].expect, Expect::Unspecified);
        assert!(recs[6].standard && !recs[7].standard);
        let c = counts(&recs);
        assert_eq!((c.records, c.standard, c.scored, c.triples), (8, 7, 4, 3));
    }

    #[test]
    fn tabari_scores_perfect_empty_and_incomplete_records() {
        let recs = parse(TINY);
        let perfect = score(&recs, |r| r.expected.clone());
        assert_eq!(
            (
                perfect.records,
                perfect.exact,
                perfect.precision,
                perfect.recall
            ),
            (4, 4, 1.0, 1.0)
        );
        let empty = score(&recs, |_| vec![]);
        assert_eq!((empty.exact, empty.precision, empty.recall), (2, 0.0, 0.0));
        // Extra events in the incomplete record are not false positives; elsewhere they are.
        let extra = score(&recs, |r| {
            let mut v = r.expected.clone();
            v.push(t("X", "Y", "010"));
            v
        });
        assert_eq!(
            (
                extra.true_positives,
                extra.false_positives,
                extra.false_negatives
            ),
            (3, 3, 0)
        );
        assert_eq!(extra.precision, 0.5);
    }

    #[test]
    fn tabari_irregular_comments() {
        let text = "950101  A-01\nArnor met Gondor.\n/*\\n{ ARN / GON / 040 } */\n\\n{ GON / ARN / 040 } */\n\n\
                    950101  B-01\nNo close.\n/*\\n{ ARN / OSG / 040 }\n\n950101  C-01\nThird.\n/*\\n{---} */\n";
        let recs = parse(text);
        let got: Vec<(&str, usize)> = recs
            .iter()
            .map(|r| (r.id.as_str(), r.expected.len()))
            .collect();
        assert_eq!(got, [("A-01", 2), ("B-01", 1), ("C-01", 0)]);
        assert_eq!(recs[2].expect, Expect::NoEvents);
    }

    #[test]
    fn tabari_headers() {
        assert_eq!(
            header("950101  DEMO-01"),
            Some(("950101".into(), "DEMO-01".into()))
        );
        assert_eq!(
            header("950101  950101  AGENTS-11").map(|h| h.1),
            Some("AGENTS-11".into())
        );
        assert_eq!(
            header("186010029 YYYY-03").map(|h| h.1),
            Some("YYYY-03".into())
        );
        assert_eq!(
            header("061118 00589742 004").map(|h| h.1),
            Some("00589742".into())
        );
        assert_eq!(header("12345 people marched"), None);
        assert_eq!(header("1995"), None);
        assert_eq!(header("950101"), None);
    }
}
