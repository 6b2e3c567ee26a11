//! News sentences often end in a reporting clause: "Israeli tanks fired four shells at targets
//! in Jericho, witnesses said." The parser, trained on web text where such tails are rare,
//! often lets the tail swallow the sentence: "tanks" and "shells" both become subjects of
//! "said" and "fired" a modifier of "tanks", so the event has no verb to hang on. Parsed on its
//! own, the reported clause comes out as the plain clause it is.
//!
//! So a sentence of the shape `CLAUSE , SPEAKER said [ADJUNCTS] .` (the speaker may carry an
//! apposition after a second comma) or `SUBJECT , SPEAKER said , REST .` (an aside) is parsed
//! in two pieces, the clause and the speaker phrase, with the tags of the whole sentence, and
//! the pieces are joined with the clause's root as the `ccomp` of the reporting verb: the
//! structure the parser itself gives when it gets such a sentence right, and the one the
//! attribution rules read. Any other shape, or a speaker phrase whose parse does not put the
//! reporting verb at its root, keeps the parse of the whole sentence.

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

/// The reporting verb of a speaker phrase `forms[range]` ("witnesses said", "said a
/// spokesman", "the embassy said on Tuesday"): exactly one reporting form, and otherwise only
/// the words of a speaker, a time or a manner phrase (no second verb, no clause marker).
fn speaker_verb(
    forms: &[&str],
    range: std::ops::Range<usize>,
    upos: &dyn Fn(usize) -> &'static str,
) -> Option<usize> {
    if range.len() < 2 || range.len() > MAX_TAIL {
        return None;
    }
    let first = forms[range.start].to_ascii_lowercase();
    if CLAUSE_OPENERS.contains(&first.as_str()) {
        return None;
    }
    let mut verb = None;
    for k in range.clone() {
        let lower = forms[k].to_ascii_lowercase();
        if REPORT_FORMS.contains(&lower.as_str()) && matches!(upos(k), "VERB" | "AUX") {
            if verb.is_some() {
                return None;
            }
            verb = Some(k);
            continue;
        }
        let quote = matches!(forms[k], "\"" | "'" | "''" | "``" | "\u{201d}" | "\u{2019}");
        match upos(k) {
            "NOUN" | "PROPN" | "PRON" | "DET" | "ADJ" | "NUM" | "ADV" | "ADP" | "PART" => {}
            "PUNCT" if quote => {}
            _ => return None,
        }
        if k == range.start && matches!(upos(k), "ADP" | "ADV") {
            return None;
        }
    }
    verb
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
    let mut commas = (0..end).rev().filter(|&k| forms[k] == ",");
    let last = commas.next()?;
    if let Some(verb) = speaker_verb(forms, last + 1..end, upos) {
        return (last >= 3).then_some((last, verb));
    }
    // ", said Jane Doe, an analyst at the institute.": the speaker's apposition after a
    // second comma, with no verb of its own.
    let comma = commas.next()?;
    let appos = last + 1..end;
    let verbless = appos.clone().all(|k| !matches!(upos(k), "VERB" | "AUX"));
    let opener = forms[last + 1].to_ascii_lowercase();
    if comma < 3 || !verbless || appos.len() > MAX_TAIL || CLAUSE_OPENERS.contains(&opener.as_str())
    {
        return None;
    }
    Some((comma, speaker_verb(forms, comma + 1..last, upos)?))
}

/// A reporting aside between two commas, "The attack, police said, killed 12 people": the
/// first comma, the reporting verb and the second comma. The words outside the commas must
/// make one clause: a verb among them, but not a verb on both sides (that would be two
/// clauses, "Troops left, officials said, the rebels fled"), and the part after the aside must
/// continue the clause rather than open a new one ("..., police said, adding that ...").
fn find_aside(
    forms: &[&str],
    upos: &dyn Fn(usize) -> &'static str,
) -> Option<(usize, usize, usize)> {
    let n = forms.len();
    if !matches!(forms.last(), Some(&"." | &"!")) {
        return None;
    }
    let commas: Vec<usize> = (1..n - 1).filter(|&k| forms[k] == ",").collect();
    for pair in commas.windows(2) {
        let (c1, c2) = (pair[0], pair[1]);
        let Some(verb) = speaker_verb(forms, c1 + 1..c2, upos) else {
            continue;
        };
        let rest = c2 + 1..n - 1;
        let opener = forms.get(c2 + 1).map(|f| f.to_ascii_lowercase());
        if rest.len() < 2
            || opener.is_some_and(|o| CLAUSE_OPENERS.contains(&o.as_str()))
            || matches!(upos(c2 + 1), "SCONJ" | "CCONJ" | "PUNCT")
            || upos(c2 + 1) == "VERB" && forms[c2 + 1].ends_with("ing")
        {
            return None;
        }
        // The aside interrupts between subject and verb; with the verb before it, the words
        // after the second comma are most often the speaker's apposition (", said Jane Doe,
        // an analyst at ..."), which [`find_tail`] takes.
        let before = (0..c1).any(|k| upos(k) == "VERB");
        let after = rest.clone().any(|k| upos(k) == "VERB");
        return (!before && after).then_some((c1, verb, c2));
    }
    None
}

/// Parses the sentence (`lex` as [`lex::sentence`] makes it from `forms`) with the tags already
/// in `a` and, for a sentence with a reporting tail or aside, joins the separate parses of
/// clause and speaker phrase. Before parsing, a clause without a finite verb may have a
/// participle retagged as its past tense ([`finite::promote`]); `a.tags` then holds the
/// changed tag.
pub(crate) fn parse(
    model: &Model,
    forms: &[&str],
    lex: &[Lex],
    a: &mut Analysis,
    scratch: &mut Scratch,
    classes: Classes,
) {
    let before = a.tags.clone();
    let n = forms.len();
    let upos_of = |tags: &[u16], k: usize| -> &'static str {
        static_upos(model.upos(tags.get(k).copied().unwrap_or(0)))
    };
    let (Some(ccomp), true) = (classes.ccomp, a.tags.len() == n) else {
        model.parse_tagged(lex, a, scratch);
        return;
    };
    let tail = find_tail(forms, &|k| upos_of(&before, k));
    // A clause whose only verb the tagger read as a participle or adjective gets it back
    // before the clause is required to have a verb.
    if let (Some((comma, _)), Some(vbd)) = (tail, classes.vbd) {
        finite::promote(model, &forms[..comma], &mut a.tags[..comma], vbd);
    }
    let split = match tail {
        Some((comma, verb)) if clause_has_verb(comma, &|k| upos_of(&a.tags, k)) => Some(Split {
            clause: (0..comma).collect(),
            speaker: (comma..n).collect(),
            verb,
        }),
        Some(_) => None,
        None => find_aside(forms, &|k| upos_of(&before, k)).map(|(c1, verb, c2)| {
            let clause: Vec<usize> = (0..c1).chain(c2 + 1..n).collect();
            if let Some(vbd) = classes.vbd {
                // The same retag as for a tail, on the words outside the aside.
                let words: Vec<&str> = clause.iter().map(|&k| forms[k]).collect();
                let mut tags: Vec<u16> = clause.iter().map(|&k| a.tags[k]).collect();
                if finite::promote(model, &words, &mut tags, vbd) {
                    for (&k, t) in clause.iter().zip(tags) {
                        a.tags[k] = t;
                    }
                }
            }
            Split {
                clause,
                speaker: (c1..=c2).collect(),
                verb,
            }
        }),
    };
    if let Some(split) = split {
        if join(model, forms, a, scratch, &split, ccomp) {
            return;
        }
    }
    a.tags.clone_from(&before);
    if let (Some(vbd), Some(&".")) = (classes.vbd, forms.last()) {
        finite::promote(model, forms, &mut a.tags, vbd);
    }
    model.parse_tagged(lex, a, scratch);
}

/// A sentence cut into the reported clause and the speaker phrase, as word indices in
/// sentence order.
struct Split {
    clause: Vec<usize>,
    speaker: Vec<usize>,
    /// The reporting verb's index in the sentence.
    verb: usize,
}

/// Parses the two pieces of `split` on their own with the tags in `a` and writes the joined
/// tree into `a`: the clause's root becomes the `ccomp` of the reporting verb. Leaves `a`'s
/// tree alone and returns false when the speaker phrase's parse does not put the verb at its
/// root or the clause does not come out with a single root.
fn join(
    model: &Model,
    forms: &[&str],
    a: &mut Analysis,
    scratch: &mut Scratch,
    split: &Split,
    ccomp: u16,
) -> bool {
    let mut lexed = Vec::new();
    let mut words = Vec::new();
    let mut parse_piece = |idx: &[usize], scratch: &mut Scratch| {
        words.clear();
        words.extend(idx.iter().map(|&k| forms[k]));
        let mut piece = Analysis {
            tags: idx.iter().map(|&k| a.tags[k]).collect(),
            ..Analysis::default()
        };
        lex::sentence(&words, &model.lexicon, &mut lexed);
        model.parse_tagged(&lexed, &mut piece, scratch);
        piece
    };
    let clause = parse_piece(&split.clause, scratch);
    let speaker = parse_piece(&split.speaker, scratch);
    let whole =
        clause.heads.len() == split.clause.len() && speaker.heads.len() == split.speaker.len();
    let verb_at = split.speaker.iter().position(|&k| k == split.verb);
    let clause_roots = clause.heads.iter().filter(|&&h| h == 0).count();
    if !whole || verb_at.and_then(|v| speaker.heads.get(v)) != Some(&0) || clause_roots != 1 {
        return false;
    }
    let n = forms.len();
    a.heads.clear();
    a.heads.resize(n, 0);
    a.labels.clear();
    a.labels.resize(n, 0);
    for (piece, idx, is_clause) in [
        (&clause, &split.clause, true),
        (&speaker, &split.speaker, false),
    ] {
        for (j, &k) in idx.iter().enumerate() {
            let h = piece.heads[j] as usize;
            if h == 0 {
                // The clause hangs under the reporting verb; the verb stays the root.
                let to = if is_clause { split.verb as u32 + 1 } else { 0 };
                a.heads[k] = to;
                a.labels[k] = if is_clause { ccomp } else { piece.labels[j] };
            } else {
                a.heads[k] = idx.get(h - 1).map_or(0, |&g| g as u32 + 1);
                a.labels[k] = piece.labels[j];
            }
        }
    }
    true
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

    /// Runs `find` on each case (words, their UPOS, the expected answer).
    fn check<T: PartialEq + std::fmt::Debug>(
        cases: &[(&str, &str, T)],
        find: fn(&[&str], &dyn Fn(usize) -> &'static str) -> T,
    ) {
        for (text, t, want) in cases {
            let forms: Vec<&str> = text.split(' ').collect();
            let t = tags(t);
            assert_eq!(forms.len(), t.len(), "{text}");
            let upos = |k: usize| t[k];
            assert_eq!(find(&forms, &upos), *want, "{text}");
        }
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
            // The speaker's apposition after a second comma.
            (
                "Troops left the town , said Jane Doe , an analyst at the institute .",
                "NOUN VERB DET NOUN PUNCT VERB PROPN PROPN PUNCT DET NOUN ADP DET NOUN PUNCT",
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
        check(cases, find);
    }

    #[test]
    fn finds_a_reporting_aside_between_commas() {
        type Aside = (&'static str, &'static str, Option<(usize, usize, usize)>);
        let cases: &[Aside] = &[
            (
                "The attack , police said , killed 12 people .",
                "DET NOUN PUNCT NOUN VERB PUNCT VERB NUM NOUN PUNCT",
                Some((2, 4, 5)),
            ),
            (
                "Russia will , officials said on Monday , withdraw its troops .",
                "PROPN AUX PUNCT NOUN VERB ADP PROPN PUNCT VERB PRON NOUN PUNCT",
                Some((2, 4, 7)),
            ),
            // A verb on both sides: two clauses, not one interrupted.
            (
                "Troops left , officials said , the rebels fled .",
                "NOUN VERB PUNCT NOUN VERB PUNCT DET NOUN VERB PUNCT",
                None,
            ),
            // The part after the aside opens a clause of its own.
            (
                "The army attacked , a spokesman said , adding that 12 died .",
                "DET NOUN VERB PUNCT DET NOUN VERB PUNCT VERB SCONJ NUM VERB PUNCT",
                None,
            ),
            // A verb before the aside: the words after it are the speaker's apposition.
            (
                "Troops left , said Jane Doe , an analyst at the institute .",
                "NOUN VERB PUNCT VERB PROPN PROPN PUNCT DET NOUN ADP DET NOUN PUNCT",
                None,
            ),
            // No verb outside the commas.
            (
                "The attack , police said , on Monday .",
                "DET NOUN PUNCT NOUN VERB PUNCT ADP PROPN PUNCT",
                None,
            ),
        ];
        check(cases, find_aside);
    }
}
