//! Verb dictionaries: PETRARCH-2 (`CAMEO.2.0.txt`), PETRARCH-1 (`CAMEO.verbpatterns`) and
//! TABARI (`.verbs`). All three share synsets and the pattern syntax of [`super::pattern`];
//! they differ in how verbs are grouped:
//!
//! ```text
//! &TIES                       # synset (PETRARCH and TABARI)
//! +BONDS
//! --- PARLEY [036] ---        # PETRARCH family: a header, then its verbs, then patterns
//! PARLEY {PARLEYS PARLEYED}   # a verb with its irregular forms
//! +TALK_OVER [036]            # a phrasal verb; `+` marks the inflected word
//! - $ * (WITH +)   [036]      # a pattern with its code
//! ~ a (a b X) SAY = a b 015   # PETRARCH-2 transformation
//! PARLEY  [036]               # TABARI: each root line starts a family of its own
//! { PARLEYS PARLEYED }        # TABARI: forms of the root above
//! ```

use super::code::{parse_event_code, split_brackets, EventCode};
use super::pattern::{count_verbs, parse_pattern, synset_refs, Canon, PatElem};
use super::text::{content_lines, Comments, Line};
use super::{FindingKind, Sink};
use std::collections::{HashMap, HashSet};

/// A synset: `&NAME` and its `+` members (which may refer to other synsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synset {
    /// Upper-cased name without `&` and trailing `_`.
    pub name: String,
    /// Members, parsed with the pattern syntax (most are one word).
    pub members: Vec<Vec<PatElem>>,
    /// Line of `&NAME`.
    pub line: usize,
}

/// A verb of a family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbWord {
    /// The words, upper-cased, without `+` markers (`["TALK", "OVER"]`).
    pub words: Vec<String>,
    /// Index in `words` of the inflected word (the one marked `+`, else the first).
    pub head: usize,
    /// Irregular forms from `{...}`, as written (`+` markers kept for phrasal forms).
    pub forms: Vec<String>,
    /// A code of the verb's own, overriding the family's.
    pub code: Option<EventCode>,
    /// Line.
    pub line: usize,
}

/// A pattern and its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The parsed elements.
    pub elems: Vec<PatElem>,
    /// Its code (`None` when missing or malformed; a finding says which).
    pub code: Option<EventCode>,
    /// Line.
    pub line: usize,
}

impl Pattern {
    /// The pattern in canonical text form (`$ * (TO +)`).
    pub fn text(&self) -> String {
        Canon(&self.elems).to_string()
    }
}

/// A family of verbs sharing a default code and a list of patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbFamily {
    /// The header name (PETRARCH) or the root (TABARI).
    pub name: String,
    /// The family's default code.
    pub code: Option<EventCode>,
    /// Its verbs.
    pub verbs: Vec<VerbWord>,
    /// Its patterns, in file order.
    pub patterns: Vec<Pattern>,
    /// Line of the header or root.
    pub line: usize,
}

/// A PETRARCH-2 transformation `~ LEFT = RIGHT` (combining a reported event with the
/// reporting verb); kept as text halves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transformation {
    /// Left of `=`.
    pub left: String,
    /// Right of `=`.
    pub right: String,
    /// Line.
    pub line: usize,
}

/// A TABARI `<TIME>` entry: a phrase or pattern and a day shift (`[-7]`, `[+30]`) or a
/// special code (`[###]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeEntry {
    /// Phrase or pattern text.
    pub phrase: String,
    /// Day shift when the bracket holds a number.
    pub shift: Option<i32>,
    /// The bracket as written.
    pub raw: String,
    /// Line.
    pub line: usize,
}

/// A parsed verb dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerbDict {
    /// Synsets in file order.
    pub synsets: Vec<Synset>,
    /// Verb families in file order.
    pub families: Vec<VerbFamily>,
    /// PETRARCH-2 transformations.
    pub transformations: Vec<Transformation>,
    /// TABARI time shifts.
    pub time: Vec<TimeEntry>,
}

impl VerbDict {
    /// The synset named `name` (any case, `&` and trailing `_` optional).
    pub fn synset(&self, name: &str) -> Option<&Synset> {
        let key = synset_key(name);
        self.synsets.iter().find(|s| s.name == key)
    }
}

fn synset_key(name: &str) -> String {
    name.trim()
        .trim_start_matches('&')
        .trim_end_matches('_')
        .to_uppercase()
}

#[derive(Clone, Copy, PartialEq)]
enum Block {
    None,
    Synset,
    Family,
    Time,
}

pub(crate) fn parse(lines: &[String], tabari: bool, sink: &mut Sink) -> VerbDict {
    let style = if tabari {
        Comments::Tabari
    } else {
        Comments::Petrarch
    };
    let content = content_lines(lines, style);
    // First pass: synset names, needed to read `&A_B` (see parse_pattern), and whether the
    // file groups verbs under `---` headers.
    let known: HashSet<String> = content
        .iter()
        .filter_map(|l| l.text.trim().strip_prefix('&'))
        .map(|n| synset_key(n.split_whitespace().next().unwrap_or("")))
        .collect();
    let headers = content.iter().any(|l| l.text.starts_with("---"));
    let mut p = Parser {
        dict: VerbDict::default(),
        known,
        headers,
        block: Block::None,
        verbs_seen: HashMap::new(),
        patterns_seen: HashSet::new(),
        refs: Vec::new(),
        sink,
    };
    for line in &content {
        let t = line.text.trim();
        if t.starts_with("~~") {
            break;
        }
        p.line(*line, t);
    }
    p.check_refs();
    p.dict
}

struct Parser<'s> {
    dict: VerbDict,
    known: HashSet<String>,
    headers: bool,
    block: Block,
    /// Verb key -> (family name, line), for duplicates across families.
    verbs_seen: HashMap<String, (String, usize)>,
    /// (family index, canonical pattern) pairs seen.
    patterns_seen: HashSet<(usize, String)>,
    /// Synset references (name, line), checked once the whole file is read.
    refs: Vec<(String, usize)>,
    sink: &'s mut Sink,
}

impl Parser<'_> {
    fn line(&mut self, line: Line<'_>, t: &str) {
        let no = line.no;
        match t.to_ascii_uppercase().as_str() {
            "<SYNSETS>" | "</SYNSETS>" | "</TIME>" => {
                self.block = Block::None;
                return;
            }
            "<TIME>" => {
                self.block = Block::Time;
                return;
            }
            _ => {}
        }
        if self.block == Block::Time {
            self.time(t, no);
        } else if let Some(name) = t.strip_prefix('&') {
            self.synset(name, no);
        } else if t.starts_with("---") {
            self.header(t, no);
        } else if let Some(body) = t.strip_prefix('-') {
            self.pattern(body, no);
        } else if let Some(body) = t.strip_prefix('~') {
            self.transformation(body, no);
        } else if t.starts_with('+') && self.block == Block::Synset {
            self.member(&t[1..], no);
        } else if t.starts_with('{') && self.block == Block::Family && !self.headers {
            self.forms(t, no);
        } else if self.headers {
            if self.block == Block::Family {
                self.verb(t, no);
            } else {
                self.sink.add(
                    no,
                    FindingKind::MalformedLine,
                    format!("{t:?} is neither a synset member nor inside a verb family"),
                );
            }
        } else {
            // TABARI: a root line opens its own family.
            let b = split_brackets(t);
            self.open_family(b.head.trim().to_string(), t, no);
            self.verb(t, no);
        }
    }

    fn synset(&mut self, rest: &str, no: usize) {
        let name = synset_key(rest.split_whitespace().next().unwrap_or(""));
        if name.is_empty() {
            self.sink
                .add(no, FindingKind::MalformedLine, "& without a synset name");
            return;
        }
        if let Some(prev) = self.dict.synsets.iter().find(|s| s.name == name) {
            self.sink.add(
                no,
                FindingKind::Duplicate,
                format!("synset &{name} is already defined at line {}", prev.line),
            );
        }
        self.dict.synsets.push(Synset {
            name,
            members: Vec::new(),
            line: no,
        });
        self.block = Block::Synset;
    }

    fn member(&mut self, text: &str, no: usize) {
        match parse_pattern(text, &self.known) {
            Ok(elems) => {
                let mut refs = Vec::new();
                synset_refs(&elems, &mut refs);
                self.refs.extend(refs.iter().map(|r| (r.to_string(), no)));
                if let Some(s) = self.dict.synsets.last_mut() {
                    s.members.push(elems);
                }
            }
            Err(e) => self.sink.add(
                no,
                FindingKind::MalformedLine,
                format!("synset member: {e}"),
            ),
        }
    }

    fn header(&mut self, t: &str, no: usize) {
        let inner = t.trim_matches('-').trim();
        let b = split_brackets(inner);
        let name = b.head.trim().to_string();
        if name.is_empty() {
            self.sink.add(
                no,
                FindingKind::MalformedLine,
                "verb family header without a name",
            );
        }
        self.open_family(name, inner, no);
    }

    fn open_family(&mut self, name: String, text: &str, no: usize) {
        let code = self.code_of(text, no, false);
        self.dict.families.push(VerbFamily {
            name,
            code,
            verbs: Vec::new(),
            patterns: Vec::new(),
            line: no,
        });
        self.block = Block::Family;
    }

    /// The event code in a line's brackets. `required` reports a missing code.
    fn code_of(&mut self, text: &str, no: usize, required: bool) -> Option<EventCode> {
        let b = split_brackets(text);
        if b.unclosed {
            self.sink.add(no, FindingKind::MalformedCode, "unclosed [");
        }
        if b.bodies.len() > 1 {
            self.sink.add(
                no,
                FindingKind::MalformedCode,
                format!("{} code brackets; only the first is used", b.bodies.len()),
            );
        }
        match b.bodies.first() {
            Some(body) => match parse_event_code(body) {
                Ok(c) => Some(c),
                Err(msg) => {
                    self.sink.add(no, FindingKind::MalformedCode, msg);
                    None
                }
            },
            None => {
                if required && !b.unclosed {
                    self.sink
                        .add(no, FindingKind::MissingCode, "pattern has no [code]");
                }
                None
            }
        }
    }

    fn verb(&mut self, t: &str, no: usize) {
        let b = split_brackets(t);
        let (word_text, forms) = match b.head.find('{') {
            Some(open) => {
                let inner = &b.head[open + 1..];
                let inner = inner.split('}').next().unwrap_or(inner);
                let forms = inner.split_whitespace().map(str::to_string).collect();
                (&b.head[..open], forms)
            }
            None => (b.head, Vec::new()),
        };
        let mut head = 0;
        let mut words = Vec::new();
        for (i, w) in word_text
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .enumerate()
        {
            if let Some(rest) = w.strip_prefix('+') {
                head = i;
                words.push(rest.to_uppercase());
            } else {
                words.push(w.to_uppercase());
            }
        }
        if words.is_empty() {
            self.sink
                .add(no, FindingKind::MalformedLine, "verb line without a verb");
            return;
        }
        let code = self.code_of(t, no, false);
        let key = words.join("_");
        let family = self.dict.families.len() - 1;
        let fam_name = self.dict.families[family].name.clone();
        if let Some((other, first)) = self.verbs_seen.get(&key) {
            self.sink.add(
                no,
                FindingKind::Duplicate,
                format!("verb {key} is already in family {other} at line {first}"),
            );
        } else {
            self.verbs_seen.insert(key, (fam_name, no));
        }
        self.dict.families[family].verbs.push(VerbWord {
            words,
            head,
            forms,
            code,
            line: no,
        });
    }

    fn forms(&mut self, t: &str, no: usize) {
        let inner = t.trim_start_matches('{');
        let inner = inner.split('}').next().unwrap_or(inner);
        let family = self.dict.families.last_mut();
        match family.and_then(|f| f.verbs.last_mut()) {
            Some(v) => v.forms.extend(inner.split_whitespace().map(str::to_string)),
            None => self
                .sink
                .add(no, FindingKind::MalformedLine, "verb forms before any verb"),
        }
    }

    fn pattern(&mut self, body: &str, no: usize) {
        if self.block != Block::Family {
            self.sink.add(
                no,
                FindingKind::MalformedLine,
                "pattern outside a verb family",
            );
            return;
        }
        let b = split_brackets(body);
        let code = self.code_of(body, no, true);
        let elems = match parse_pattern(b.head, &self.known) {
            Ok(e) => e,
            Err(e) => {
                self.sink.add(no, FindingKind::MalformedPattern, e);
                return;
            }
        };
        let verbs = count_verbs(&elems);
        if verbs != 1 {
            self.sink.add(
                no,
                FindingKind::MalformedPattern,
                format!(
                    "{verbs} verb positions (*) in {:?}; expected 1",
                    b.head.trim()
                ),
            );
        }
        let mut refs = Vec::new();
        synset_refs(&elems, &mut refs);
        self.refs.extend(refs.iter().map(|r| (r.to_string(), no)));
        let family = self.dict.families.len() - 1;
        let canon = Canon(&elems).to_string();
        if !self.patterns_seen.insert((family, canon.clone())) {
            let first = &self.dict.families[family]
                .patterns
                .iter()
                .find(|p| p.text() == canon);
            let detail = match first {
                Some(p) if p.code != code => format!(
                    " with a different code ({} vs {})",
                    show(&p.code),
                    show(&code)
                ),
                _ => String::new(),
            };
            self.sink.add(
                no,
                FindingKind::Duplicate,
                format!(
                    "pattern {canon:?} repeats line {} in family {}{detail}",
                    first.map_or(0, |p| p.line),
                    self.dict.families[family].name
                ),
            );
        }
        self.dict.families[family].patterns.push(Pattern {
            elems,
            code,
            line: no,
        });
    }

    fn transformation(&mut self, body: &str, no: usize) {
        match body.split_once('=') {
            Some((l, r)) => self.dict.transformations.push(Transformation {
                left: l.trim().to_string(),
                right: r.trim().to_string(),
                line: no,
            }),
            None => self
                .sink
                .add(no, FindingKind::MalformedLine, "transformation without `=`"),
        }
    }

    fn time(&mut self, t: &str, no: usize) {
        let b = split_brackets(t);
        let Some(raw) = b.bodies.first() else {
            self.sink
                .add(no, FindingKind::MissingCode, "time entry has no [shift]");
            return;
        };
        let raw = raw.trim().to_string();
        let shift = raw.strip_prefix('+').unwrap_or(&raw).parse::<i32>().ok();
        let special = ["###", "+++", "---", "- - -"].contains(&raw.as_str());
        if shift.is_none() && !special {
            self.sink.add(
                no,
                FindingKind::MalformedCode,
                format!("time shift [{raw}] is not a day count"),
            );
        }
        self.dict.time.push(TimeEntry {
            phrase: b.head.trim().to_string(),
            shift,
            raw,
            line: no,
        });
    }

    fn check_refs(&mut self) {
        let defined: HashSet<&str> = self.dict.synsets.iter().map(|s| s.name.as_str()).collect();
        for (name, no) in &self.refs {
            if !defined.contains(name.as_str()) {
                self.sink.add(
                    *no,
                    FindingKind::UndefinedSynset,
                    format!("&{name} is not defined in this file"),
                );
            }
        }
    }
}

fn show(code: &Option<EventCode>) -> String {
    code.as_ref().map_or("none".to_string(), |c| c.to_string())
}
