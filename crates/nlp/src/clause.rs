//! Clause repair for the tagger: a clause that the greedy tags leave without a finite verb,
//! although a word right after a noun gets a finite-verb reading almost as good as its best
//! one, takes that reading.
//!
//! Why: both tagger readers decide word by word, and EWT (web text) has few wire-story clauses
//! of the form "plural noun phrase + past tense + object" or headlines in the present tense
//! without determiners. So "Israeli jets struck depots" comes out with "struck" a participle
//! modifying "jets" (VBN), "Kenya recalls ambassador" with "recalls" a plural noun, and the
//! parser turns the clause into a noun phrase. A clause needs a finite verb (or a modal); that
//! is a fact about sentences, not about any word, so the constraint is stated on tag classes
//! and the tagger's own scores choose the word and its reading. The margin keeps real
//! participles and nouns: "the targets struck by jets were", "Two soldiers killed in ambush"
//! and "Attacks on aid workers" score their reading far above any finite one.

/// The class ends a clause for this check: a comma, colon or semicolon, a dash, a quote or a
/// bracket.
pub const BOUNDARY: u8 = 1;
/// The class is a finite verb or a modal (XPOS VBD, VBZ, VBP, MD, any UPOS).
pub const FINITE: u8 = 2;
/// The class is a past-tense lexical verb (UPOS VERB, XPOS VBD): a repair target in running
/// text.
pub const PAST: u8 = 4;
/// The class is a present-tense lexical verb (UPOS VERB, XPOS VBZ or VBP): a repair target
/// everywhere.
pub const PRESENT: u8 = 32;
/// The class ends a sentence (XPOS `.`: full stop, question or exclamation mark).
pub const STOP: u8 = 64;
/// The class can end a subject noun phrase (NOUN, PROPN, PRON).
pub const NOMINAL: u8 = 8;
/// The class is a content word (NOUN, PROPN, VERB, ADJ, ADV): only these are re-read as a
/// verb; a word the tagger made a determiner, pronoun, preposition or symbol is left alone.
pub const CONTENT: u8 = 128;
/// The class can stand inside a noun phrase or a clause's opening phrases before the subject:
/// determiners, adjectives, numbers, conjunctions, prepositions ("Tens of thousands of
/// teachers", "In Seoul thousands"), the possessive and the hyphen.
pub const PHRASAL: u8 = 16;

/// "Not forced" in a list of forced classes.
pub const FREE: u16 = u16::MAX;

/// Largest gap, in summed perceptron score, between a word's best class and its best finite
/// reading for the repair to take the finite one. Chosen on EWT dev (see `MODEL.md`).
pub const MAX_MARGIN: f32 = 48.0;

/// The repair role of a (UPOS, XPOS) class.
pub fn role(upos: &str, xpos: &str) -> u8 {
    let mut r = 0;
    if upos == "PUNCT" && matches!(xpos, "," | ":" | "``" | "''" | "-LRB-" | "-RRB-") {
        r |= BOUNDARY;
    }
    if xpos == "." {
        r |= STOP;
    }
    if matches!(xpos, "VBD" | "VBZ" | "VBP" | "MD") {
        r |= FINITE;
        if upos == "VERB" && xpos == "VBD" {
            r |= PAST;
        } else if upos == "VERB" && xpos != "MD" {
            r |= PRESENT;
        }
    }
    if matches!(upos, "NOUN" | "PROPN" | "VERB" | "ADJ" | "ADV") {
        r |= CONTENT;
    }
    if matches!(upos, "NOUN" | "PROPN" | "PRON") {
        r |= NOMINAL | PHRASAL;
    }
    if matches!(upos, "DET" | "ADJ" | "NUM" | "CCONJ" | "ADP") || matches!(xpos, "POS" | "HYPH") {
        r |= PHRASAL;
    }
    r
}

/// Finds the repairs for one tagged sentence: for each clause (a stretch between boundary or stop
/// classes) without a finite class, the word right after a nominal whose best finite-verb
/// class is closest to its chosen class, if within `max_margin` (present tense only in a
/// headline). `joint(i, k)` is the summed
/// score of class `k` for word `i` (`n_classes` classes). Returns no entries when nothing is
/// repaired, else one entry per word: the forced class, or [`FREE`].
pub fn repairs(
    roles: &[u8],
    tags: &[u16],
    n_classes: usize,
    joint: impl Fn(usize, usize) -> f32,
    max_margin: f32,
) -> Vec<u16> {
    let has = |t: u16, r: u8| roles.get(t as usize).is_some_and(|&x| x & r != 0);
    // A line without a final stop is read as a headline, and headlines report past events in
    // the present tense and use the bare participle for the passive ("Two soldiers killed in
    // ambush"): there only a present-tense verb is a repair.
    let headline = tags.last().is_some_and(|&t| !has(t, STOP));
    let targets = if headline { PRESENT } else { PAST | PRESENT };
    let mut forced = Vec::new();
    let mut start = 0;
    while start < tags.len() {
        let end = (start..tags.len())
            .find(|&i| has(tags[i], BOUNDARY | STOP))
            .unwrap_or(tags.len());
        if !(start..end).any(|i| has(tags[i], FINITE)) {
            if let Some((i, k)) =
                best_candidate(roles, tags, start..end, targets, n_classes, &joint)
            {
                if joint(i, tags[i] as usize) - joint(i, k) <= max_margin {
                    if forced.is_empty() {
                        forced = vec![FREE; tags.len()];
                    }
                    forced[i] = k as u16;
                }
            }
        }
        start = end + 1;
    }
    forced
}

/// The word of `span` that follows a nominal within the span's opening run of phrasal classes
/// (or ends that run) and whose best finite-verb class scores closest to its chosen class,
/// with that class; `targets` are the roles of the classes it may take.
fn best_candidate(
    roles: &[u8],
    tags: &[u16],
    span: std::ops::Range<usize>,
    targets: u8,
    n_classes: usize,
    joint: &impl Fn(usize, usize) -> f32,
) -> Option<(usize, usize)> {
    let has = |t: u16, r: u8| roles.get(t as usize).is_some_and(|&x| x & r != 0);
    let mut best: Option<(usize, usize, f32)> = None;
    // The verb must follow the clause's opening run of noun phrases and prepositions: in
    // "including a group of trainees" or "Attached please find the file" that run is not a
    // subject, and past the first word outside it the clause has a verb or is no clause.
    for i in span.start + 1..span.end {
        if !has(tags[i - 1], PHRASAL) {
            break;
        }
        if !has(tags[i - 1], NOMINAL) || !has(tags[i], CONTENT) {
            continue;
        }
        // A present-tense reading must have something after it in the clause: an "-s" word
        // ending a clause after a noun is far more often the head of a compound ("oil
        // exports", "Peace talks :") than an intransitive verb.
        let allowed = if i + 1 < span.end {
            targets
        } else {
            targets & !PRESENT
        };
        let Some(k) = (0..n_classes.min(roles.len()))
            .filter(|&k| roles[k] & allowed != 0)
            .max_by(|&a, &b| joint(i, a).total_cmp(&joint(i, b)))
        else {
            continue;
        };
        let gap = joint(i, tags[i] as usize) - joint(i, k);
        if best.is_none_or(|b| gap < b.2) {
            best = Some((i, k, gap));
        }
    }
    best.map(|(i, k, _)| (i, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Classes: 0 NOUN NNS, 1 VERB VBN, 2 VERB VBD, 3 VERB VBZ, 4 PUNCT `.`, 5 PUNCT `,`,
    /// 6 DET DT.
    fn roles() -> Vec<u8> {
        [
            ("NOUN", "NNS"),
            ("VERB", "VBN"),
            ("VERB", "VBD"),
            ("VERB", "VBZ"),
            ("PUNCT", "."),
            ("PUNCT", ","),
            ("DET", "DT"),
        ]
        .iter()
        .map(|(u, x)| role(u, x))
        .collect()
    }

    /// Scores: each word's chosen class 100, the past tense (class 2) `others[i]`, every
    /// other class 2 less.
    fn run(tags: &[u16], others: &[f32]) -> Vec<u16> {
        let joint = |i: usize, k: usize| match k {
            _ if k == tags[i] as usize => 100.0,
            2 => others[i],
            _ => others[i] - 2.0,
        };
        repairs(&roles(), tags, 7, joint, 48.0)
    }

    #[test]
    fn a_clause_without_a_finite_verb_takes_the_close_reading_after_its_subject() {
        // "jets struck depots ." with "struck" VBN by 10 points.
        let f = run(&[0, 1, 0, 4], &[0.0, 90.0, 0.0, 0.0]);
        assert_eq!(f, vec![FREE, 2, FREE, FREE]);
        // Not when the participle wins by more than the margin.
        assert!(run(&[0, 1, 0, 4], &[0.0, 40.0, 0.0, 0.0]).is_empty());
        // Not when the clause has a finite verb: "army said jets struck ." (the phrase run
        // ends at "said" anyway, so "struck" is no candidate either way).
        assert!(run(&[0, 2, 0, 1, 4], &[0.0, 0.0, 0.0, 90.0, 0.0]).is_empty());
        // "jets depots struck ." is repaired on its own, with "said" in it it is not.
        assert!(!run(&[0, 0, 1, 4], &[0.0, 0.0, 90.0, 0.0]).is_empty());
        assert!(run(&[0, 0, 1, 2, 4], &[0.0, 0.0, 90.0, 0.0, 0.0]).is_empty());
        // Each clause on its own: "jets struck depots , army said ." with "said" VBN too.
        let f = run(
            &[0, 1, 0, 5, 0, 1, 4],
            &[0.0, 90.0, 0.0, 0.0, 0.0, 95.0, 0.0],
        );
        assert_eq!(f, vec![FREE, 2, FREE, FREE, FREE, 2, FREE]);
    }

    #[test]
    fn headlines_take_only_present_tense_and_not_at_a_clause_end() {
        // "soldiers killed in ambush" (no final stop): the past tense is no repair, the
        // present (class 3, close here) is; a line ending in a plural noun gets nothing.
        let f = run(&[0, 1, 0], &[0.0, 95.0, 0.0]);
        assert_eq!(f, vec![FREE, 3, FREE]);
        assert!(run(&[0, 0], &[0.0, 95.0]).is_empty());
        // With a final stop, the clause-final past tense is a repair ("the coalition
        // collapsed ."), the clause-final present is not.
        assert_eq!(run(&[0, 1, 4], &[0.0, 95.0, 0.0]), vec![FREE, 2, FREE]);
    }

    #[test]
    fn the_verb_must_follow_the_opening_noun_phrase() {
        // "the depots struck ." is a candidate; "struck the depots ." has no subject before
        // the verb, and after a verb the run of noun phrases is over.
        assert_eq!(
            run(&[6, 0, 1, 4], &[0.0, 0.0, 90.0, 0.0]),
            vec![FREE, FREE, 2, FREE]
        );
        assert!(run(&[1, 6, 0, 4], &[90.0, 0.0, 0.0, 0.0]).is_empty());
        assert!(run(&[1, 0, 1, 4], &[0.0, 0.0, 90.0, 0.0]).is_empty());
    }
}
