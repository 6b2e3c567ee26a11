//! Loaders for PETRARCH-2 and TABARI dictionaries, so users can bring their own dictionaries
//! alongside or instead of the built-in KB.
//!
//! Every loader reads the whole file and returns the typed dictionary plus a list of
//! [`Finding`]s (undefined synsets, malformed codes, conflicting date ranges, duplicates, ...)
//! instead of stopping at the first bad line. Only an unreadable file is an [`Error`].
//!
//! ```
//! use sitrep_actors::dict::{parse_bytes, Dictionary, FindingKind, Format};
//! let text = b"FREEDONIA [FRD]\n+FREEDONIAN\nSYLVANIA [SYL 19330101-19331231]\nFREEDONIA [XXX]\n";
//! let loaded = parse_bytes("demo.actors.txt", text, Format::PetrarchActors);
//! let Dictionary::Actors(actors) = &loaded.dict else { unreachable!() };
//! assert_eq!(actors.entries.len(), 3);
//! assert_eq!(loaded.findings[0].kind, FindingKind::Duplicate);
//! ```

mod actors;
mod agents;
mod code;
mod lists;
mod pattern;
mod tabari;
mod text;
mod verbs;

pub use actors::{ActorDict, ActorEntry};
pub use agents::{AgentCode, AgentDict, AgentEntry, Substitution};
pub use code::{ActorCode, Date, DateRange, EventCode, SPECIAL_CODES};
pub use lists::{Discard, DiscardDict, IssueCategory, IssueDict, IssueEntry, WordList};
pub use pattern::{PatElem, PatTok};
pub use tabari::{OptionDirective, OptionsFile, ProjectFile};
pub use verbs::{Pattern, Synset, TimeEntry, Transformation, VerbDict, VerbFamily, VerbWord};

use std::fmt;
use std::path::Path;

/// Files larger than this are refused: the largest real dictionary is 1.5 MB, so anything
/// near this size is not a dictionary and reading it whole would only waste memory.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// What a lint finding is about. The snake_case names are part of the CLI's output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// A `&SYNSET` (verbs) or `!SUBST!` (agents) used but never defined in the file.
    UndefinedSynset,
    /// A bracketed code that is not a valid actor, agent or event code, or a bad date in it.
    MalformedCode,
    /// Date restrictions of one entry that overlap with different codes, or a range that ends
    /// before it starts.
    ConflictingDates,
    /// The same phrase, pattern, synset or label defined twice.
    Duplicate,
    /// An entry with no code at all.
    MissingCode,
    /// A verb pattern without exactly one `*`, or with unbalanced brackets.
    MalformedPattern,
    /// A line that fits no construct of the format (e.g. a synonym before any entry).
    MalformedLine,
    /// Lines that were not UTF-8 and were decoded as windows-1252.
    Encoding,
    /// The file's content does not look like the format at all (e.g. a spreadsheet export).
    NotADictionary,
}

impl FindingKind {
    /// Every kind, in report order.
    pub const ALL: [FindingKind; 9] = [
        FindingKind::UndefinedSynset,
        FindingKind::MalformedCode,
        FindingKind::ConflictingDates,
        FindingKind::Duplicate,
        FindingKind::MissingCode,
        FindingKind::MalformedPattern,
        FindingKind::MalformedLine,
        FindingKind::Encoding,
        FindingKind::NotADictionary,
    ];

    /// Stable snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::UndefinedSynset => "undefined_synset",
            FindingKind::MalformedCode => "malformed_code",
            FindingKind::ConflictingDates => "conflicting_dates",
            FindingKind::Duplicate => "duplicate",
            FindingKind::MissingCode => "missing_code",
            FindingKind::MalformedPattern => "malformed_pattern",
            FindingKind::MalformedLine => "malformed_line",
            FindingKind::Encoding => "encoding",
            FindingKind::NotADictionary => "not_a_dictionary",
        }
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One lint finding: `file:line: kind: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The file as it was named to the loader.
    pub file: String,
    /// 1-based line; 0 for findings about the whole file.
    pub line: usize,
    /// What is wrong.
    pub kind: FindingKind,
    /// Human-readable detail.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.line, self.kind, self.message
        )
    }
}

/// Collects findings for one file.
pub(crate) struct Sink {
    file: String,
    pub findings: Vec<Finding>,
}

impl Sink {
    pub fn new(file: &str) -> Sink {
        Sink {
            file: file.to_string(),
            findings: Vec::new(),
        }
    }

    pub fn add(&mut self, line: usize, kind: FindingKind, message: impl Into<String>) {
        self.findings.push(Finding {
            file: self.file.clone(),
            line,
            kind,
            message: message.into(),
        });
    }
}

/// The dictionary formats understood. CLI names: `petrarch-actors`, `tabari-verbs`, ...
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// PETRARCH `.actors.txt`: phrases, `+` synonyms, dated codes, `#` comments.
    PetrarchActors,
    /// PETRARCH `.agents.txt`: `PHRASE {PLURALS} [~CODE]`, `!SUBST! = A, B` sets.
    PetrarchAgents,
    /// PETRARCH verbs (both PETRARCH-1 `CAMEO.verbpatterns` and PETRARCH-2 `CAMEO.2.0`):
    /// `&SYNSET` blocks, `--- FAMILY [code] ---` blocks, `- pattern [code]`, `~` transforms.
    PetrarchVerbs,
    /// PETRARCH `.discards.txt`: `PHRASE` (sentence) and `+PHRASE` (story).
    PetrarchDiscards,
    /// PETRARCH issue coding: `<ISSUE CATEGORY=..>` groups of `phrase [CODE]` and `~phrase`.
    PetrarchIssues,
    /// A plain word list (Phoenix prepositions).
    WordList,
    /// TABARI `.actors`: like PETRARCH's with `;` comments and `<NOUN>`/`<ADJECTIVE>` lists.
    TabariActors,
    /// TABARI `.agents`.
    TabariAgents,
    /// TABARI `.verbs`: `<SYNSETS>`, `<TIME>`, verb roots `WORD [code]` followed by patterns.
    TabariVerbs,
    /// TABARI discards: one phrase a line, `;` comments.
    TabariDiscards,
    /// TABARI `.options`: `KEY: value` directives and `LABEL: code=text`.
    TabariOptions,
    /// TABARI `.project`: `<key> value` lines naming the other files.
    TabariProject,
}

impl Format {
    /// Every format, for help texts and tests.
    pub const ALL: [Format; 12] = [
        Format::PetrarchActors,
        Format::PetrarchAgents,
        Format::PetrarchVerbs,
        Format::PetrarchDiscards,
        Format::PetrarchIssues,
        Format::WordList,
        Format::TabariActors,
        Format::TabariAgents,
        Format::TabariVerbs,
        Format::TabariDiscards,
        Format::TabariOptions,
        Format::TabariProject,
    ];

    /// Stable kebab-case name used by `--format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::PetrarchActors => "petrarch-actors",
            Format::PetrarchAgents => "petrarch-agents",
            Format::PetrarchVerbs => "petrarch-verbs",
            Format::PetrarchDiscards => "petrarch-discards",
            Format::PetrarchIssues => "petrarch-issues",
            Format::WordList => "word-list",
            Format::TabariActors => "tabari-actors",
            Format::TabariAgents => "tabari-agents",
            Format::TabariVerbs => "tabari-verbs",
            Format::TabariDiscards => "tabari-discards",
            Format::TabariOptions => "tabari-options",
            Format::TabariProject => "tabari-project",
        }
    }

    /// Inverse of [`Format::name`].
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Guess the format from the file name and, where the name is ambiguous, the content.
    /// `None` means "not a dictionary we know" (XML suites, INI configs, text corpora).
    pub fn detect(path: &Path, head: &[u8]) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        let tabari = !name.ends_with(".txt");
        let has = |s: &str| name.contains(s);
        let pick = |p: Format, t: Format| Some(if tabari { t } else { p });
        if name.ends_with(".xml") || name.ends_with(".ini") || name.ends_with(".text") {
            return None;
        }
        if has("actors") {
            return pick(Format::PetrarchActors, Format::TabariActors);
        }
        if has("agents") {
            return pick(Format::PetrarchAgents, Format::TabariAgents);
        }
        if has("verb") {
            return pick(Format::PetrarchVerbs, Format::TabariVerbs);
        }
        if has("discard") {
            // TABARI's own discard list is named discards.txt, so the suffix cannot tell the
            // two apart; only a `;` comment (TABARI) versus `#` comment (PETRARCH) can.
            let head = String::from_utf8_lossy(head);
            let tabari_comments = head.lines().any(|l| l.contains(';'))
                && !head.lines().any(|l| l.trim_start().starts_with('#'));
            return Some(if tabari || tabari_comments {
                Format::TabariDiscards
            } else {
                Format::PetrarchDiscards
            });
        }
        if has("issue") {
            return Some(Format::PetrarchIssues);
        }
        if name.ends_with(".options") {
            return Some(Format::TabariOptions);
        }
        if name.ends_with(".project") {
            return Some(Format::TabariProject);
        }
        if has("preposition") {
            return Some(Format::WordList);
        }
        // PETRARCH-2's verb dictionary is named after CAMEO only (CAMEO.2.0.txt).
        let head = String::from_utf8_lossy(head);
        if head
            .lines()
            .any(|l| l.starts_with("--- ") || l.contains("VERB PATTERNS"))
        {
            return Some(Format::PetrarchVerbs);
        }
        None
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A parsed dictionary of any format.
#[derive(Debug, Clone)]
pub enum Dictionary {
    /// Actors (PETRARCH or TABARI).
    Actors(ActorDict),
    /// Agents.
    Agents(AgentDict),
    /// Verbs with their synsets and patterns.
    Verbs(VerbDict),
    /// Discard phrases.
    Discards(DiscardDict),
    /// Issue categories.
    Issues(IssueDict),
    /// A word list.
    Words(WordList),
    /// TABARI options.
    Options(OptionsFile),
    /// TABARI project.
    Project(ProjectFile),
}

impl Dictionary {
    /// Number of entries loaded (phrases, patterns plus verbs plus synsets, directives...),
    /// the figure `dict lint` prints per file.
    pub fn entries(&self) -> usize {
        match self {
            Dictionary::Actors(d) => d.entries.len(),
            Dictionary::Agents(d) => d.entries.len(),
            Dictionary::Verbs(d) => d.families.iter().map(|f| f.patterns.len()).sum(),
            Dictionary::Discards(d) => d.entries.len(),
            Dictionary::Issues(d) => d.categories.iter().map(|c| c.entries.len()).sum(),
            Dictionary::Words(d) => d.words.len(),
            Dictionary::Options(d) => d.directives.len() + d.labels.len(),
            Dictionary::Project(d) => d.entries.len(),
        }
    }
}

/// A loaded file: the dictionary and what lint found in it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file as named by the caller.
    pub file: String,
    /// The format it was read as.
    pub format: Format,
    /// The parsed content.
    pub dict: Dictionary,
    /// Findings, in line order.
    pub findings: Vec<Finding>,
}

/// Why a file could not be loaded at all. Findings inside a readable file are never errors.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Opening or reading failed.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// Larger than [`MAX_FILE_BYTES`].
    #[error(
        "{path}: {bytes} bytes is larger than the {MAX_FILE_BYTES}-byte limit for a dictionary"
    )]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        bytes: u64,
    },
    /// No format given and none could be detected.
    #[error("{path}: not a known dictionary format (use --format)")]
    UnknownFormat {
        /// The file.
        path: String,
    },
}

/// Read and parse one file. `format` forces the format; `None` detects it.
pub fn load_file(path: &Path, format: Option<Format>) -> Result<Loaded, Error> {
    let label = path.display().to_string();
    let read_err = |source| Error::Read {
        path: label.clone(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: label,
            bytes: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    let format = match format {
        Some(f) => f,
        None => Format::detect(path, &bytes[..bytes.len().min(64 << 10)]).ok_or(
            Error::UnknownFormat {
                path: label.clone(),
            },
        )?,
    };
    Ok(parse_bytes(&label, &bytes, format))
}

/// Parse bytes already in memory as `format`; `file` labels the findings.
pub fn parse_bytes(file: &str, bytes: &[u8], format: Format) -> Loaded {
    let decoded = text::decode(bytes);
    let mut sink = Sink::new(file);
    if let Some(&first) = decoded.fallback_lines.first() {
        sink.add(
            first,
            FindingKind::Encoding,
            format!(
                "{} line(s) are not UTF-8 and were decoded as windows-1252 (first here)",
                decoded.fallback_lines.len()
            ),
        );
    }
    let lines = &decoded.lines;
    // U+FFFD in valid UTF-8 means the text was already mis-decoded upstream (Phoenix's
    // `COTE_D\u{FFFD}IVOIRE_`); such a phrase can never match real text.
    let mangled: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains('\u{FFFD}'))
        .map(|i| i + 1)
        .collect();
    if let Some(&first) = mangled.first() {
        sink.add(
            first,
            FindingKind::Encoding,
            format!(
                "{} line(s) hold U+FFFD replacement characters (mis-decoded upstream; first here)",
                mangled.len()
            ),
        );
    }
    let dict = match format {
        Format::PetrarchActors => Dictionary::Actors(actors::parse(lines, false, &mut sink)),
        Format::TabariActors => Dictionary::Actors(actors::parse(lines, true, &mut sink)),
        Format::PetrarchAgents => Dictionary::Agents(agents::parse(lines, false, &mut sink)),
        Format::TabariAgents => Dictionary::Agents(agents::parse(lines, true, &mut sink)),
        Format::PetrarchVerbs => Dictionary::Verbs(verbs::parse(lines, false, &mut sink)),
        Format::TabariVerbs => Dictionary::Verbs(verbs::parse(lines, true, &mut sink)),
        Format::PetrarchDiscards => Dictionary::Discards(lists::discards(lines, false, &mut sink)),
        Format::TabariDiscards => Dictionary::Discards(lists::discards(lines, true, &mut sink)),
        Format::PetrarchIssues => Dictionary::Issues(lists::issues(lines, &mut sink)),
        Format::WordList => Dictionary::Words(lists::words(lines, &mut sink)),
        Format::TabariOptions => Dictionary::Options(tabari::options(lines, &mut sink)),
        Format::TabariProject => Dictionary::Project(tabari::project(lines, &mut sink)),
    };
    let mut findings = sink.findings;
    findings.sort_by_key(|f| f.line);
    Loaded {
        file: file.to_string(),
        format,
        dict,
        findings,
    }
}
