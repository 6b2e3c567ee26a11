//! The PETRARCH-2 unit-test suite (`data/petrarch2/validation/PETR.UnitTest.records.xml`):
//! loader and exact-match scorer.
//!
//! What a coder needs to know about the format:
//! - The expected codes assume the suite's toy dictionaries (`PETR.Validate.{verbs,actors,
//!   agents,discards}.txt`, named in `<Environment>`; see [`Suite::dictionary`]): the actors
//!   are Middle-earth countries (ARN, GON, ...), so a coder must load those files (through the
//!   PETRARCH dictionary loaders of `sitrep-actors`), not the Phoenix or sitrep dictionaries.
//! - `<Config option=.. value=..>` elements between records change options (require_dyad,
//!   new_actor_length, comma_*); each record carries the options in force ([`Record::config`]).
//! - Under `new_actor_length` > 0 an unknown actor is coded by its text in double quotes
//!   (`"INJURY TOLL"`); the codes are kept verbatim, quotes included.
//! - `noevents="True"` and `error=".."` (dateline, bad_input_parse, sentencediscard,
//!   storydiscard) records expect no event at all.
//! - The XML is read by a small scanner (comments removed first, attributes with either
//!   quote and spaces around `=`), enough for this file; it is not a general XML parser.

use crate::{Error, Result};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A coded event as the suites write it: (source code, target code, event code).
pub type Triple = (String, String, String);

/// The suite's file, relative to the shared folder.
pub const RELATIVE_PATH: &str = "data/petrarch2/validation/PETR.UnitTest.records.xml";

/// The UD re-parse of the suite, relative to the shared folder. Its `<Parse>` is CoNLL-U
/// (UDPipe 2.0) and its expected codes were re-done for PETRARCH-2's 2.0 verb dictionary
/// (`PETR.Validate.verbs.2.0.txt`): they differ from the PTB suite's (DEMO-00 expects 050
/// there, 064 here), so it is a separate suite, not the same answers with another parse.
pub const UD_RELATIVE_PATH: &str =
    "data/universal-petrarch/validation/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml";

/// One `<Sentence>` record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The record id ("DEMO-01").
    pub id: String,
    /// Its category attribute ("DEMO", "SYNSET", ...).
    pub category: String,
    /// The story date, `YYYYMMDD` as written (PETRARCH resolves date-restricted actor codes
    /// against it).
    pub date: String,
    /// The sentence, whitespace collapsed.
    pub text: String,
    /// The Penn-Treebank parse given with the record.
    pub parse: String,
    /// Expected events, in file order.
    pub expected: Vec<Triple>,
    /// `noevents="True"`: no event expected.
    pub noevents: bool,
    /// `error=".."`: the record must be rejected with this error, no event coded.
    pub error: Option<String>,
    /// Options in force for this record (lower-case names, values as written), from the
    /// `<Config>` elements above it.
    pub config: BTreeMap<String, String>,
    /// 1-based line of the `<Sentence` tag.
    pub line: usize,
}

impl Record {
    /// The expected set of triples (empty for noevents and error records).
    pub fn expected_set(&self) -> BTreeSet<Triple> {
        self.expected.iter().cloned().collect()
    }
}

/// The loaded suite.
#[derive(Debug, Clone)]
pub struct Suite {
    /// The folder holding the records file and its dictionaries.
    pub dir: PathBuf,
    /// `<Environment>` entries (Verbfile, Actorfile, Agentfile, Discardfile, ...).
    pub environment: BTreeMap<String, String>,
    /// The records, in file order.
    pub records: Vec<Record>,
}

impl Suite {
    /// Path of a dictionary named in `<Environment>` ("Verbfile", "Actorfile", "Agentfile",
    /// "Discardfile"), resolved next to the records file.
    pub fn dictionary(&self, key: &str) -> Option<PathBuf> {
        self.environment.get(key).map(|f| self.dir.join(f))
    }

    /// Number of expected triples over all records.
    pub fn triple_count(&self) -> usize {
        self.records.iter().map(|r| r.expected.len()).sum()
    }
}

/// Loads the suite from the shared folder (the one holding `data/`).
pub fn load(shared: &Path) -> Result<Suite> {
    load_file(&shared.join(RELATIVE_PATH))
}

/// Loads the UD version ([`UD_RELATIVE_PATH`]). Its `<Environment>` names the PTB suite's
/// files, which are not next to it; the dictionaries are pointed at
/// `universal-petrarch/dictionaries/PETR.Validate.{verbs.2.0,actors}.txt` and, for agents
/// and discards (not in the UD folder), at the PTB suite's files.
pub fn load_ud(shared: &Path) -> Result<Suite> {
    let mut suite = load_file(&shared.join(UD_RELATIVE_PATH))?;
    for (key, file) in [
        ("Verbfile", "../dictionaries/PETR.Validate.verbs.2.0.txt"),
        ("Actorfile", "../dictionaries/PETR.Validate.actors.txt"),
        (
            "Agentfile",
            "../../petrarch2/validation/PETR.Validate.agents.txt",
        ),
        (
            "Discardfile",
            "../../petrarch2/validation/PETR.Validate.discards.txt",
        ),
    ] {
        suite.environment.insert(key.to_string(), file.to_string());
    }
    Ok(suite)
}

/// Loads a records file.
pub fn load_file(path: &Path) -> Result<Suite> {
    let raw = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    parse(&raw, dir).map_err(|detail| Error::Format {
        path: path.to_path_buf(),
        detail,
    })
}

/// Replaces each `<!-- -->` comment by spaces (newlines kept) so offsets and line numbers
/// stay those of the file.
fn blank_comments(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let close = after.find("-->").map_or(after.len(), |c| c + 3);
        out.extend(
            after[..close]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' }),
        );
        rest = &after[close..];
    }
    out.push_str(rest);
    out
}

/// Attributes of a start tag's inside (`date = "1995" id='X'`).
fn attributes(tag: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let b = tag.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && !(b[i].is_ascii_alphabetic() || b[i] == b'_') {
            i += 1;
        }
        let name_start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'-') {
            i += 1;
        }
        let name = &tag[name_start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let Some(&quote) = b.get(i).filter(|q| **q == b'"' || **q == b'\'') else {
            continue;
        };
        let value_start = i + 1;
        let value_end = tag[value_start..]
            .find(quote as char)
            .map_or(tag.len(), |e| value_start + e);
        out.insert(
            name.to_ascii_lowercase(),
            tag[value_start..value_end].to_string(),
        );
        i = value_end + 1;
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn inner<'a>(body: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let start = body.find(&open)? + open.len();
    let end = body[start..].find(&close)? + start;
    Some(&body[start..end])
}

fn parse(raw: &str, dir: PathBuf) -> std::result::Result<Suite, String> {
    let text = blank_comments(raw);
    // Offsets only grow, so lines are counted incrementally (one pass over the file).
    let mut counted = (0usize, 1usize);
    let mut line_of = |off: usize| {
        let (from, line) = counted;
        let line = line
            + text.as_bytes()[from.min(off)..off]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
        counted = (off.max(from), line);
        line
    };
    let mut environment = BTreeMap::new();
    if let Some(env) = inner(&text, "Environment") {
        for key in [
            "Verbfile",
            "Actorfile",
            "Agentfile",
            "Discardfile",
            "Errorfile",
            "Include",
        ] {
            if let Some(v) = inner(env, key) {
                environment.insert(key.to_string(), v.trim().to_string());
            }
        }
    }
    let mut config = BTreeMap::new();
    let mut records = Vec::new();
    let mut pos = 0;
    while let Some(rel) = text[pos..].find('<') {
        let at = pos + rel;
        let tag_end = text[at..]
            .find('>')
            .map(|e| at + e)
            .ok_or_else(|| format!("line {}: unclosed tag", line_of(at)))?;
        let tag = &text[at + 1..tag_end];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        pos = tag_end + 1;
        match name.as_str() {
            "Config" => {
                let a = attributes(tag);
                if let (Some(o), Some(v)) = (a.get("option"), a.get("value")) {
                    config.insert(o.to_ascii_lowercase(), v.clone());
                }
            }
            "Sentence" => {
                let close = text[pos..].find("</Sentence>").ok_or_else(|| {
                    format!("line {}: <Sentence> without </Sentence>", line_of(at))
                })?;
                let body = &text[pos..pos + close];
                records.push(record(tag, body, &config, line_of(at))?);
                pos += close + "</Sentence>".len();
            }
            _ => {}
        }
    }
    if records.is_empty() {
        return Err("no <Sentence> records".into());
    }
    Ok(Suite {
        dir,
        environment,
        records,
    })
}

fn record(
    tag: &str,
    body: &str,
    config: &BTreeMap<String, String>,
    line: usize,
) -> std::result::Result<Record, String> {
    let a = attributes(tag);
    let id = a
        .get("id")
        .cloned()
        .ok_or_else(|| format!("line {line}: <Sentence> without id"))?;
    let mut expected = Vec::new();
    let mut noevents = false;
    let mut error = None;
    let mut rest = body;
    while let Some(start) = rest.find("<EventCoding") {
        let after = &rest[start + 1..];
        let end = after
            .find('>')
            .ok_or_else(|| format!("{id}: unclosed <EventCoding"))?;
        let ea = attributes(&after[..end]);
        if ea
            .get("noevents")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        {
            noevents = true;
        } else if let Some(e) = ea.get("error") {
            error = Some(e.clone());
        } else {
            let get = |k: &str| {
                ea.get(k)
                    .map(|v| v.trim().to_string())
                    .ok_or_else(|| format!("{id}: EventCoding without {k}"))
            };
            expected.push((get("sourcecode")?, get("targetcode")?, get("eventcode")?));
        }
        rest = &after[end..];
    }
    Ok(Record {
        // The UD version names the category `source`.
        category: a
            .get("category")
            .or(a.get("source"))
            .cloned()
            .unwrap_or_default(),
        date: a.get("date").cloned().unwrap_or_default(),
        text: inner(body, "Text").map(collapse).unwrap_or_default(),
        parse: inner(body, "Parse")
            .map(|p| p.trim().to_string())
            .unwrap_or_default(),
        id,
        expected,
        noevents,
        error,
        config: config.clone(),
        line,
    })
}

/// Counts for one category.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CategoryScore {
    /// Records of the category.
    pub records: usize,
    /// Records coded exactly right.
    pub exact: usize,
}

/// The suite's score.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Records scored.
    pub records: usize,
    /// Records whose produced triple set equals the expected set.
    pub exact: usize,
    /// exact / records.
    pub exact_rate: f64,
    /// Distinct expected triples, summed over records.
    pub expected_triples: usize,
    /// Distinct produced triples, summed over records.
    pub produced_triples: usize,
    /// Produced triples that were expected.
    pub correct_triples: usize,
    /// correct / produced (0 when nothing was produced).
    pub precision: f64,
    /// correct / expected.
    pub recall: f64,
    /// Per category attribute.
    pub per_category: BTreeMap<String, CategoryScore>,
    /// Ids of the records not coded exactly right, in file order.
    pub failed: Vec<String>,
}

pub(crate) fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Scores a coder: a record is exactly right when the set of triples it produces equals the
/// expected set (the empty set for noevents and error records). Duplicates do not count.
pub fn score<F: Fn(&Record) -> Vec<Triple>>(suite: &Suite, coder: F) -> Report {
    let mut r = Report::default();
    for rec in &suite.records {
        let want = rec.expected_set();
        let got: BTreeSet<Triple> = coder(rec).into_iter().collect();
        let ok = want == got;
        r.records += 1;
        r.expected_triples += want.len();
        r.produced_triples += got.len();
        r.correct_triples += got.intersection(&want).count();
        let cat = r.per_category.entry(rec.category.clone()).or_default();
        cat.records += 1;
        if ok {
            r.exact += 1;
            cat.exact += 1;
        } else {
            r.failed.push(rec.id.clone());
        }
    }
    r.exact_rate = ratio(r.exact, r.records);
    r.precision = ratio(r.correct_triples, r.produced_triples);
    r.recall = ratio(r.correct_triples, r.expected_triples);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = r#"<Validation>
<Environment><Verbfile>V.txt</Verbfile><Actorfile>A.txt</Actorfile>
<Config option="stop_on_error" value="True"></Config></Environment>
<Sentences>
<!-- <Sentence date="1" id="GHOST" category="X"> </Sentence> -->
<Sentence date="19950101" id="A-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<!--EventCoding sourcecode="GON" targetcode="OSG" eventcode="041"-->
<Text>
Arnor restored ties
 with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="new_actor_length" value="4"></Config>
<Sentence date = "19950102" category="DEMO" id ="A-2">
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<EventCoding sourcecode="OSG" targetcode="ARN" eventcode="111"></EventCoding>
<Text>x</Text>
</Sentence>
<Sentence date="19950103" id="N-1" category="ERROR">
<EventCoding noevents = "True"> </EventCoding><Text>y</Text></Sentence>
<Sentence date="19950103" id="E-1" category="ERROR">
<EventCoding error="storydiscard"></EventCoding><Text>z</Text></Sentence>
</Sentences></Validation>"#;

    fn tiny() -> Suite {
        parse(TINY, PathBuf::from("/v")).unwrap()
    }

    fn t(s: &str, d: &str, c: &str) -> Triple {
        (s.into(), d.into(), c.into())
    }

    #[test]
    fn petrarch_loader_reads_records_comments_and_config() {
        let s = tiny();
        assert_eq!(s.records.len(), 4);
        let a = &s.records[0];
        assert_eq!(
            (a.id.as_str(), a.category.as_str(), a.date.as_str()),
            ("A-1", "DEMO", "19950101")
        );
        assert_eq!(a.text, "Arnor restored ties with Gondor.");
        assert_eq!(a.expected, vec![t("ARN", "GON", "064")]);
        assert_eq!(a.config.get("new_actor_length"), None);
        assert_eq!(a.parse, "(ROOT (S (NP (NNP Arnor))))");
        let b = &s.records[1];
        assert_eq!(b.expected[0], t("\"INJURY TOLL\"", "OSG", "223"));
        assert_eq!(
            b.config.get("new_actor_length").map(String::as_str),
            Some("4")
        );
        assert!(s.records[2].noevents && s.records[2].expected.is_empty());
        assert_eq!(s.records[3].error.as_deref(), Some("storydiscard"));
        assert_eq!(s.dictionary("Actorfile"), Some(PathBuf::from("/v/A.txt")));
        assert_eq!(s.triple_count(), 3);
    }

    #[test]
    fn petrarch_perfect_empty_and_partial_coders() {
        let s = tiny();
        let perfect = score(&s, |r| r.expected.clone());
        assert_eq!(
            (
                perfect.records,
                perfect.exact,
                perfect.recall,
                perfect.precision
            ),
            (4, 4, 1.0, 1.0)
        );
        let empty = score(&s, |_| Vec::new());
        // Only the noevents and error records are right when nothing is coded.
        assert_eq!((empty.exact, empty.recall, empty.precision), (2, 0.0, 0.0));
        assert_eq!(empty.failed, vec!["A-1", "A-2"]);
        // One of two triples, plus a spurious one on a noevents record.
        let partial = score(&s, |r| match r.id.as_str() {
            "A-1" => vec![t("ARN", "GON", "064"), t("ARN", "GON", "064")],
            "A-2" => vec![t("OSG", "ARN", "111")],
            "N-1" => vec![t("X", "Y", "010")],
            _ => vec![],
        });
        assert_eq!(
            (
                partial.exact,
                partial.correct_triples,
                partial.produced_triples
            ),
            (2, 2, 3)
        );
        assert_eq!(
            partial.per_category["DEMO"],
            CategoryScore {
                records: 2,
                exact: 1
            }
        );
        assert_eq!(
            partial.per_category["ERROR"],
            CategoryScore {
                records: 2,
                exact: 1
            }
        );
    }

    #[test]
    fn petrarch_malformed_input_is_an_error_not_a_panic() {
        assert!(parse("<Sentence id=\"x\">no end", PathBuf::new()).is_err());
        assert!(parse("nothing here", PathBuf::new()).is_err());
        assert!(parse("<Sentence date='1'></Sentence>", PathBuf::new()).is_err());
        assert!(parse(
            "<Sentence id='x'><EventCoding sourcecode='A'></EventCoding></Sentence>",
            PathBuf::new()
        )
        .is_err());
        assert!(attributes("a = 'unterminated").contains_key("a"));
    }
}
