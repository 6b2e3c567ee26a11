//! News sentences often end in a reporting clause: "Israeli tanks fired four shells at targets
//! in Jericho, witnesses said." The parser, trained on web text where such tails are rare,
//! often lets the tail swallow the sentence: "tanks" and "shells" both become subjects of
//! "said" and "fired" a modifier of "tanks", so the event has no verb to hang on. Parsed on its
//! own, the reported clause comes out as the plain clause it is.
//!
//! So a sentence of the shape `CLAUSE , SPEAKER said [ADJUNCTS] .` is parsed in two pieces,
//! the clause and the tail, with the tags of the whole sentence, and the pieces are joined
//! with the clause's root as the `ccomp` of the reporting verb: the structure the parser
//! itself gives when it gets such a sentence right, and the one the attribution rules read.
//! Any other shape, or a tail whose parse does not put the reporting verb at its root, keeps
//! the parse of the whole sentence.

use super::finite;
use sitrep_nlp::lex::{self, Lex};
use sitrep_nlp::{Analysis, Model, Scratch};

/// Label and tag classes the clause parse needs, looked up once per model.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Classes {
    /// The `ccomp` label.
    pub ccomp: Option<u16>,
    /// The (VERB, VBD) tag.
    pub vbd: Option<u16>,
}

impl Classes {
    pub(crate) fn of(model: &Model) -> Classes {
        Classes {
            ccomp: model
                .labels
                .iter()
                .position(|l| l == "ccomp")
                .map(|i| i as u16),
            vbd: model
                .tags
                .iter()
                .position(|t| t.0 == "VERB" && t.1 == "VBD")
                .map(|i| i as u16),
        }
    }
}

/// Finite forms of verbs that introduce reported speech in a news tail.
const REPORT_FORMS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "reported",
    "reports",
    "added",
    "adds",
    "stated",
    "states",
    "claimed",
    "claims",
    "announced",
    "confirmed",
    "wrote",
    "writes",
    "insisted",
    "explained",
];

/// Tail words that start a subordinate or coordinate clause rather than a speaker
/// (", which officials said", ", as police said", ", and he said").
const CLAUSE_OPENERS: &[&str] = &[
    "which", "who", "whom", "whose", "that", "what", "as", "and", "but", "or", "while", "because",
    "although", "though", "if", "when", "where", "so", "than", "since",
];

/// The longest tail taken as a reporting clause, in tokens after the comma ("an editor at the
/// official Armenian news agency said on Tuesday" is 11).
const MAX_TAIL: usize = 14;

/// The clause before the comma must have a verb of its own to be a clause.
fn clause_has_verb(comma: usize, upos: &dyn Fn(usize) -> &'static str) -> bool {
    (0..comma).any(|k| upos(k) == "VERB")
}

/// Where the reporting tail starts (the comma's index) and its verb's index, when the
/// sentence ends in one; the clause before it is checked for a verb separately
/// ([`clause_has_verb`]), after a retag may have supplied one.
fn find_tail(forms: &[&str], upos: &dyn Fn(usize) -> &'static str) -> Option<(usize, usize)> {
    let n = forms.len();
    let end = match forms.last() {
        Some(&"." | &"!") => n - 1,
        _ => return None,
    };
    let comma = (0..end).rev().find(|&k| forms[k] == ",")?;
    let tail = comma + 1..end;
    if tail.len() < 2 || tail.len() > MAX_TAIL || comma < 3 {
        return None;
    }
    let first = forms[tail.start].to_ascii_lowercase();
    if CLAUSE_OPENERS.contains(&first.as_str()) {
        return None;
    }
    let mut verb = None;
    for k in tail.clone() {
        let lower = forms[k].to_ascii_lowercase();
        if REPORT_FORMS.contains(&lower.as_str()) && matches!(upos(k), "VERB" | "AUX") {
            if verb.is_some() {
                return None;
            }
            verb = Some(k);
            continue;
        }
        // A speaker, a time or a manner phrase: no second verb, no clause marker.
        let quote = matches!(forms[k], "\"" | "'" | "''" | "``" | "\u{201d}" | "\u{2019}");
        match upos(k) {
            "NOUN" | "PROPN" | "PRON" | "DET" | "ADJ" | "NUM" | "ADV" | "ADP" | "PART" => {}
            "PUNCT" if quote => {}
            _ => return None,
        }
        if k == tail.start && matches!(upos(k), "ADP" | "ADV") {
            return None;
        }
    }
    Some((comma, verb?))
}

/// Parses the sentence (`lex` as [`lex::sentence`] makes it from `forms`) with the tags already
/// in `a` and, for a sentence with a reporting tail, joins the separate parses of clause and
/// tail. Before parsing, a clause without a finite verb may have a participle retagged as
/// its past tense ([`finite::promote`]); `a.tags` then holds the changed tag.
pub(crate) fn parse(
    model: &Model,
    forms: &[&str],
    lex: &[Lex],
    a: &mut Analysis,
    scratch: &mut Scratch,
    classes: Classes,
) {
    let before = a.tags.clone();
    let upos_of = |tags: &[u16], k: usize| -> &'static str {
        static_upos(model.upos(tags.get(k).copied().unwrap_or(0)))
    };
    let tail = match (classes.ccomp, a.tags.len() == forms.len()) {
        (Some(ccomp), true) => find_tail(forms, &|k| upos_of(&before, k)).map(|t| (t, ccomp)),
        _ => None,
    };
    // A clause whose only verb the tagger read as a participle or adjective gets it back
    // before the clause is required to have a verb.
    if let (Some(((comma, _), _)), Some(vbd)) = (tail, classes.vbd) {
        finite::promote(model, &forms[..comma], &mut a.tags[..comma], vbd);
    }
    let split = tail.filter(|&((comma, _), _)| clause_has_verb(comma, &|k| upos_of(&a.tags, k)));
    let Some(((comma, verb), ccomp)) = split else {
        a.tags.clone_from(&before);
        if let (Some(vbd), Some(&".")) = (classes.vbd, forms.last()) {
            finite::promote(model, forms, &mut a.tags, vbd);
        }
        model.parse_tagged(lex, a, scratch);
        return;
    };
    let n = forms.len();
    let mut piece = Vec::new();
    let mut clause = Analysis {
        tags: a.tags[..comma].to_vec(),
        ..Analysis::default()
    };
    lex::sentence(&forms[..comma], &model.lexicon, &mut piece);
    model.parse_tagged(&piece, &mut clause, scratch);
    let mut tail = Analysis {
        tags: a.tags[comma..n].to_vec(),
        ..Analysis::default()
    };
    lex::sentence(&forms[comma..n], &model.lexicon, &mut piece);
    model.parse_tagged(&piece, &mut tail, scratch);
    let clause_roots = clause.heads.iter().filter(|&&h| h == 0).count();
    let whole = clause.heads.len() == comma && tail.heads.len() == n - comma;
    if !whole || tail.heads.get(verb - comma) != Some(&0) || clause_roots != 1 {
        a.tags = before;
        model.parse_tagged(lex, a, scratch);
        return;
    }
    a.heads.clear();
    a.labels.clear();
    for k in 0..comma {
        if clause.heads[k] == 0 {
            a.heads.push(verb as u32 + 1);
            a.labels.push(ccomp);
        } else {
            a.heads.push(clause.heads[k]);
            a.labels.push(clause.labels[k]);
        }
    }
    for k in 0..n - comma {
        let h = tail.heads[k];
        a.heads.push(if h == 0 { 0 } else { h + comma as u32 });
        a.labels.push(tail.labels[k]);
    }
}

/// The UPOS names the model can return, as static strings (the model owns its own copies).
fn static_upos(u: &str) -> &'static str {
    const ALL: &[&str] = &[
        "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X",
    ];
    ALL.iter().copied().find(|&x| x == u).unwrap_or("X")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<&'static str> {
        s.split(' ').map(static_upos).collect()
    }

    /// (words, their UPOS, the expected (comma, verb)).
    type Case = (&'static str, &'static str, Option<(usize, usize)>);

    fn find(forms: &[&str], upos: &dyn Fn(usize) -> &'static str) -> Option<(usize, usize)> {
        find_tail(forms, upos).filter(|&(comma, _)| clause_has_verb(comma, upos))
    }

    #[test]
    fn finds_the_reporting_tail_and_nothing_else() {
        let cases: &[Case] = &[
            (
                "Israeli tanks fired shells at Jericho , witnesses said .",
                "ADJ NOUN VERB NOUN ADP PROPN PUNCT NOUN VERB PUNCT",
                Some((6, 8)),
            ),
            (
                "Peru granted asylum to officers , the embassy said on Tuesday .",
                "PROPN VERB NOUN ADP NOUN PUNCT DET NOUN VERB ADP PROPN PUNCT",
                Some((5, 8)),
            ),
            (
                "Troops left the town , said a spokesman .",
                "NOUN VERB DET NOUN PUNCT VERB DET NOUN PUNCT",
                Some((4, 5)),
            ),
            // No verb before the comma: not a clause.
            (
                "The attack on the town , police said .",
                "DET NOUN ADP DET NOUN PUNCT NOUN VERB PUNCT",
                None,
            ),
            // A relative clause, not a speaker.
            (
                "Troops left the town , which officials said .",
                "NOUN VERB DET NOUN PUNCT PRON NOUN VERB PUNCT",
                None,
            ),
            // A second verb in the tail.
            (
                "Troops left the town , police said and added .",
                "NOUN VERB DET NOUN PUNCT NOUN VERB CCONJ VERB PUNCT",
                None,
            ),
            // The tail's verb is not a reporting verb.
            (
                "Troops left the town , police arrived .",
                "NOUN VERB DET NOUN PUNCT NOUN VERB PUNCT",
                None,
            ),
            // No final full stop (a headline or a cut sentence).
            (
                "Troops left the town , police said",
                "NOUN VERB DET NOUN PUNCT NOUN VERB",
                None,
            ),
        ];
        for (text, t, want) in cases {
            let forms: Vec<&str> = text.split(' ').collect();
            let t = tags(t);
            assert_eq!(forms.len(), t.len(), "{text}");
            let upos = |k: usize| t[k];
            assert_eq!(find(&forms, &upos), *want, "{text}");
        }
    }
}
