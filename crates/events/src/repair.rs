//! Repairs of parse slips that the dictionary's rules would otherwise read wrongly. Parsers
//! trained on treebanks with few news sentences make a handful of regular mistakes on news
//! syntax; [`repair`] runs each repair in turn on a copy of the sentence, and copies only when
//! a repair changes something:
//! - [`phrasal_particles`]: "handed *over* the hostages" parsed with "over" as the case of an
//!   oblique; re-attached as the verb's particle when the dictionary knows the phrasal verb.
//! - [`attributive_participles`]: "to assassinate *outgoing* Prime Minister X" with the
//!   participle read as a verb taking X; X made the object of the verb before it.
//! - [`conditional_inversion`]: "should the need arise" read as an appeal; marked as a condition.
//! - [`resultative_participles`]: ", killing one pilot" hung on the object; made the verb's
//!   adverbial clause, so the verb's subject did the killing.
//! - [`split_subjects`]: "rival John McCain took" read as two subjects; the name made the head
//!   of the title's phrase.
//! - [`verbs_split_from_subjects`]: "reserves *fell*" read as one word split in two
//!   (`goeswith`) headed by the noun; the verb made the head, the noun its subject.

use crate::pattern::{Dictionary, TriggerKind};
use crate::sentence::Sentence;
use crate::syntax::base;

/// Particles that form phrasal verbs with a following object.
const PARTICLES: &[&str] = &["over", "up", "down", "out", "off", "back", "away", "in"];

/// The sentence with misparsed particles of known phrasal verbs repaired, or `None` when
/// nothing needed repair (the common case, which then costs no copy).
pub(crate) fn phrasal_particles(dict: &Dictionary, s: &Sentence) -> Option<Sentence> {
    let mut fixed: Option<Sentence> = None;
    for v in 0..s.words.len() {
        if s.words[v].upos != "VERB" {
            continue;
        }
        let p = v + 1;
        let Some(part) = s.words.get(p) else {
            continue;
        };
        let particle = part.form.to_lowercase();
        if part.deprel != "case" || !PARTICLES.contains(&particle.as_str()) {
            continue;
        }
        // The particle must introduce a noun that hangs from this verb as an oblique, and the
        // verb must have no object of its own (else "over" really is a preposition).
        let Some(noun) = s.head(p) else {
            continue;
        };
        if s.head(noun) != Some(v) || base(&s.words[noun].deprel) != "obl" {
            continue;
        }
        if s.children(v).any(|c| s.words[c].deprel == "obj") {
            continue;
        }
        if !knows_phrasal(dict, &s.words[v].lemma, &particle) {
            continue;
        }
        let out = fixed.get_or_insert_with(|| s.clone());
        out.words[p].head = v + 1;
        out.words[p].deprel = "compound:prt".into();
        out.words[p].upos = "ADP".into();
        out.words[noun].deprel = "obj".into();
    }
    fixed
}

/// Every repair, in turn; `None` when none changed anything.
pub(crate) fn repair(dict: &Dictionary, s: &Sentence) -> Option<Sentence> {
    let mut fixed = phrasal_particles(dict, s);
    for step in [
        verbs_split_from_subjects,
        split_subjects,
        attributive_participles,
        conditional_inversion,
        resultative_participles,
    ] {
        if let Some(f) = step(fixed.as_ref().unwrap_or(s)) {
            fixed = Some(f);
        }
    }
    fixed
}

/// "Forex reserves *fell* by $41 billion", "Zambia *extradited* a militant": the parser, meeting
/// a past tense right after a noun phrase, sometimes hangs the verb on the noun as `goeswith`
/// (the second half of a word split in two), leaving the clause headed by the noun and the
/// verb with no subject. A verb is no piece of a noun: it takes the noun's place in the tree,
/// the noun becomes its subject, and the noun's dependents after the verb become the verb's.
/// Only where the verb directly follows the noun's phrase (every word between is in it).
pub(crate) fn verbs_split_from_subjects(s: &Sentence) -> Option<Sentence> {
    let mut fixed: Option<Sentence> = None;
    for v in 1..s.words.len() {
        let w = &s.words[v];
        if w.deprel != "goeswith"
            || w.upos != "VERB"
            || !matches!(w.xpos.as_str(), "VBD" | "VBZ" | "VBP")
        {
            continue;
        }
        let Some(noun) = s.head(v).filter(|&h| h < v) else {
            continue;
        };
        if !matches!(s.words[noun].upos.as_str(), "NOUN" | "PROPN" | "PRON")
            || !(noun + 1..v).all(|k| within_phrase(s, k, noun))
        {
            continue;
        }
        let out = fixed.get_or_insert_with(|| s.clone());
        out.words[v].head = s.words[noun].head;
        out.words[v].deprel = s.words[noun].deprel.clone();
        out.words[noun].head = v + 1;
        out.words[noun].deprel = "nsubj".into();
        for c in s.children(noun) {
            if c > v {
                out.words[c].head = v + 1;
            }
        }
    }
    fixed
}

/// "Turkey shot down a Russian jet, killing one pilot": the parser often hangs the participle
/// after the comma on the object ("jet", `acl`), which makes the jet the killer. After a
/// comma, an "-ing" participle that follows a verb's object reports what the verb's act
/// did; it becomes that verb's `advcl`, whose subject is the verb's. A participle with no
/// comma ("a jet carrying two pilots") describes the noun and stays.
pub(crate) fn resultative_participles(s: &Sentence) -> Option<Sentence> {
    let mut fixed: Option<Sentence> = None;
    for p in 1..s.words.len() {
        let w = &s.words[p];
        if w.deprel != "acl" || w.xpos != "VBG" || s.words[p - 1].form != "," {
            continue;
        }
        let Some(obj) = s.head(p) else { continue };
        if obj >= p {
            continue;
        }
        // "Annan was the first envoy for Syria, *quitting* the post in 2012": on the
        // predicate noun of a copular clause, the participle is the clause's adjunct, done by
        // the clause's subject (Annan), not by the noun or what the noun names (Syria).
        if is_copular_predicate(s, obj) {
            fixed.get_or_insert_with(|| s.clone()).words[p].deprel = "advcl".into();
            continue;
        }
        if s.words[obj].deprel != "obj" {
            continue;
        }
        let Some(v) = s.head(obj) else { continue };
        if s.words[v].upos != "VERB" {
            continue;
        }
        let out = fixed.get_or_insert_with(|| s.clone());
        out.words[p].head = v + 1;
        out.words[p].deprel = "advcl".into();
    }
    fixed
}

/// A noun that heads a copular clause with a subject: "Annan was the first *envoy*".
fn is_copular_predicate(s: &Sentence, n: usize) -> bool {
    matches!(s.words[n].upos.as_str(), "NOUN" | "PROPN")
        && s.children(n).any(|c| s.words[c].deprel == "cop")
        && s.children(n).any(|c| base(&s.words[c].deprel) == "nsubj")
}

/// "His Republican rival John McCain took the grant", "Police looking for airman Corrie
/// Mckeague have arrested a man": the parser often reads a title and the name after it as two
/// subjects of the verb, which makes "rival" and "McCain", or the police and the airman,
/// joint actors. When a second subject is a name that begins right where the first subject's
/// phrase ends, after a common noun or title, the name is the head of that last noun's phrase:
/// it takes the noun's place in the tree and the noun becomes its `compound`, as UD writes a
/// title before a name. So the name stays inside the first subject's phrase when that noun
/// sits in a clause or prepositional phrase within it (the airman the police look for), and
/// becomes the one subject when the noun is the first subject itself (the rival McCain).
pub(crate) fn split_subjects(s: &Sentence) -> Option<Sentence> {
    let mut fixed: Option<Sentence> = None;
    // Every subject as (its verb, itself): sorted, a verb's subjects are neighbours in word
    // order, in one pass over the sentence.
    let mut subjects: Vec<(usize, usize)> = (0..s.words.len())
        .filter(|&c| matches!(s.words[c].deprel.as_str(), "nsubj" | "nsubj:pass"))
        .filter_map(|c| s.head(c).map(|v| (v, c)))
        .collect();
    subjects.sort_unstable();
    for pair in subjects.windows(2) {
        let ((v, a), (verb_of_b, b)) = (pair[0], pair[1]);
        // Not a name heading a list ("ICOS, Martin Keane, and chief executive X"): the
        // list's members are subjects too.
        if verb_of_b != v
            || b > v
            || s.words[b].upos != "PROPN"
            || first_word(s, b) != b
            || s.children(b).any(|c| base(&s.words[c].deprel) == "conj")
        {
            continue;
        }
        let title = b - 1;
        // A title already read as part of a name ("Berlin German Chancellor" as one `flat`
        // name) is a different slip, whose head is unknown.
        if last_word(s, a) != title
            || !matches!(s.words[title].upos.as_str(), "NOUN" | "PROPN")
            || base(&s.words[title].deprel) == "flat"
            || !within_phrase(s, title, a)
        {
            continue;
        }
        let out = fixed.get_or_insert_with(|| s.clone());
        let (head, deprel) = (out.words[title].head, out.words[title].deprel.clone());
        out.words[b].head = head;
        out.words[b].deprel = deprel;
        out.words[title].head = b + 1;
        out.words[title].deprel = "compound".into();
        // The title's article and preposition belong to the name's phrase now.
        for c in s.children(title) {
            if matches!(base(&s.words[c].deprel), "case" | "det") {
                out.words[c].head = b + 1;
            }
        }
    }
    fixed
}

/// Whether `w` lies in `top`'s subtree (depth-capped).
fn within_phrase(s: &Sentence, w: usize, top: usize) -> bool {
    let mut x = w;
    for _ in 0..16 {
        if x == top {
            return true;
        }
        match s.head(x) {
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

/// "... should the need arise, the ambassador said": a "should" before its clause's subject
/// opens a condition ("if the need arises"), or a question; it is no obligation, so no appeal
/// ("X said Y should ...") and no modal of the clause. The parser reads it as the clause's
/// `aux` either way; it becomes the clause's `mark`, as "if" would be. Told apart by what
/// follows: a modal "should" is followed by its verb, an adverb or "not", an inverted one by
/// the subject's first word.
pub(crate) fn conditional_inversion(s: &Sentence) -> Option<Sentence> {
    let mut fixed: Option<Sentence> = None;
    for (i, w) in s.words.iter().enumerate() {
        if w.deprel != "aux" || !w.form.eq_ignore_ascii_case("should") {
            continue;
        }
        let Some(next) = s.words.get(i + 1) else {
            continue;
        };
        let subject_first = match next.upos.as_str() {
            "DET" | "PROPN" | "NUM" => true,
            // "should it", "should they", not "should themselves".
            "PRON" => {
                !next.form.to_lowercase().ends_with("self")
                    && !next.form.to_lowercase().ends_with("selves")
            }
            _ => false,
        };
        if subject_first {
            fixed.get_or_insert_with(|| s.clone()).words[i].deprel = "mark".into();
        }
    }
    fixed
}

/// Participles that news puts before a title or a group as adjectives ("*outgoing* Prime
/// Minister Iyad Allawi", "the *ruling* party"); a tagger that reads one as a verb makes the
/// noun after it that verb's object and leaves the real verb without one.
const ATTRIBUTIVE: &[&str] = &[
    "outgoing",
    "incoming",
    "acting",
    "ruling",
    "governing",
    "reigning",
    "sitting",
    "retiring",
    "visiting",
    "neighbouring",
    "neighboring",
    "warring",
    "opposing",
    "ailing",
];

/// "attempted to assassinate *outgoing* Prime Minister X" parsed with "outgoing" as an `xcomp`
/// verb whose object is X: when the participle has no "to" and its object follows it at once,
/// and the governing verb has no object of its own, X becomes that verb's object and the
/// participle its modifier.
pub(crate) fn attributive_participles(s: &Sentence) -> Option<Sentence> {
    let mut fixed: Option<Sentence> = None;
    for p in 0..s.words.len() {
        let w = &s.words[p];
        if !ATTRIBUTIVE.contains(&w.form.to_lowercase().as_str())
            || !matches!(base(&w.deprel), "xcomp" | "advcl" | "ccomp")
        {
            continue;
        }
        let Some(v) = s.head(p) else {
            continue;
        };
        if s.children(v).any(|c| s.words[c].deprel == "obj") {
            continue;
        }
        let kids: Vec<usize> = s.children(p).collect();
        let obj = kids.iter().copied().find(|&c| s.words[c].deprel == "obj");
        let Some(obj) = obj else {
            continue;
        };
        // Nothing of the participle's own but its object: no "to", no subject, no adverb.
        if kids.len() != 1 || first_word(s, obj) != p + 1 {
            continue;
        }
        let out = fixed.get_or_insert_with(|| s.clone());
        out.words[obj].head = v + 1;
        out.words[obj].deprel = "obj".into();
        out.words[p].head = obj + 1;
        out.words[p].deprel = "amod".into();
        out.words[p].upos = "ADJ".into();
    }
    fixed
}

/// The first and last words of `w`'s subtree (depth-capped, so a malformed tree still ends).
fn subtree_span(s: &Sentence, w: usize) -> (usize, usize) {
    let (mut first, mut last) = (w, w);
    let mut frontier = vec![w];
    for _ in 0..16 {
        let next: Vec<usize> = frontier.iter().flat_map(|&f| s.children(f)).collect();
        if next.is_empty() {
            break;
        }
        first = next.iter().copied().fold(first, usize::min);
        last = next.iter().copied().fold(last, usize::max);
        frontier = next;
    }
    (first, last)
}

/// The first word of `w`'s subtree.
fn first_word(s: &Sentence, w: usize) -> usize {
    subtree_span(s, w).0
}

/// The last word of `w`'s subtree.
fn last_word(s: &Sentence, w: usize) -> usize {
    subtree_span(s, w).1
}

/// Whether some verb rule for `lemma` requires the particle `particle`.
fn knows_phrasal(dict: &Dictionary, lemma: &str, particle: &str) -> bool {
    dict.candidates(TriggerKind::Verb, lemma).iter().any(|&r| {
        dict.rules()[r].constraints.iter().any(|c| {
            c.required
                && c.paths
                    .iter()
                    .any(|p| p.len() == 1 && p[0].deprel == "compound:prt")
                && (c.lemmas.is_empty() || c.lemmas.iter().any(|l| l == particle))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::{phrasal_particles, split_subjects, verbs_split_from_subjects};
    use crate::pattern::Dictionary;
    use crate::sentence::Sentence;

    fn parse(rows: &[(&str, &str, &str, usize, &str)]) -> Sentence {
        Sentence::from_rows(rows)
    }

    #[test]
    fn particle_read_as_preposition_is_reattached() {
        let dict = Dictionary::embedded().unwrap();
        // "The militants handed over the hostages."
        let s = parse(&[
            ("The", "the", "DET", 2, "det"),
            ("militants", "militant", "NOUN", 3, "nsubj"),
            ("handed", "hand", "VERB", 0, "root"),
            ("over", "over", "ADP", 6, "case"),
            ("the", "the", "DET", 6, "det"),
            ("hostages", "hostage", "NOUN", 3, "obl"),
        ]);
        let fixed = phrasal_particles(&dict, &s).expect("repaired");
        assert_eq!(fixed.words[3].deprel, "compound:prt");
        assert_eq!(fixed.head(3), Some(2));
        assert_eq!(fixed.words[5].deprel, "obj");
    }

    #[test]
    fn should_before_its_subject_is_a_condition_not_a_modal() {
        // "... should the need arise": "should" is marked like "if".
        let s = parse(&[
            ("talks", "talk", "NOUN", 4, "nsubj"),
            ("should", "should", "AUX", 4, "aux"),
            ("the", "the", "DET", 3, "det"),
            ("need", "need", "NOUN", 4, "nsubj"),
            ("arise", "arise", "VERB", 0, "root"),
        ]);
        let fixed = super::conditional_inversion(&s).expect("repaired");
        assert_eq!(fixed.words[1].deprel, "mark");
        // "Talks should resume", "should not", "should themselves": modals, left alone.
        for next in [("resume", "VERB"), ("not", "PART"), ("themselves", "PRON")] {
            let s = parse(&[
                ("Talks", "talk", "NOUN", 3, "nsubj"),
                ("should", "should", "AUX", 3, "aux"),
                (next.0, next.0, next.1, 0, "root"),
            ]);
            assert!(super::conditional_inversion(&s).is_none(), "{}", next.0);
        }
    }

    #[test]
    fn attributive_participle_read_as_a_verb_gives_back_the_object() {
        // "They tried to kill outgoing Prime Minister Allawi."
        let s = parse(&[
            ("They", "they", "PRON", 2, "nsubj"),
            ("tried", "try", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("kill", "kill", "VERB", 2, "xcomp"),
            ("outgoing", "outgo", "VERB", 4, "xcomp"),
            ("Prime", "Prime", "ADJ", 7, "amod"),
            ("Minister", "Minister", "PROPN", 8, "nmod:desc"),
            ("Allawi", "Allawi", "PROPN", 5, "obj"),
        ]);
        let fixed = super::attributive_participles(&s).expect("repaired");
        assert_eq!(
            (fixed.head(7), fixed.words[7].deprel.as_str()),
            (Some(3), "obj")
        );
        assert_eq!(
            (fixed.head(4), fixed.words[4].deprel.as_str()),
            (Some(7), "amod")
        );
        // "They began attacking the city": a real gerund complement stays.
        let s = parse(&[
            ("They", "they", "PRON", 2, "nsubj"),
            ("began", "begin", "VERB", 0, "root"),
            ("attacking", "attack", "VERB", 2, "xcomp"),
            ("the", "the", "DET", 5, "det"),
            ("city", "city", "NOUN", 3, "obj"),
        ]);
        assert!(super::attributive_participles(&s).is_none());
    }

    #[test]
    fn preposition_of_an_ordinary_verb_is_left_alone() {
        let dict = Dictionary::embedded().unwrap();
        // "The convoy drove over the bridge": no rule knows "drive over".
        let s = parse(&[
            ("The", "the", "DET", 2, "det"),
            ("convoy", "convoy", "NOUN", 3, "nsubj"),
            ("drove", "drive", "VERB", 0, "root"),
            ("over", "over", "ADP", 6, "case"),
            ("the", "the", "DET", 6, "det"),
            ("bridge", "bridge", "NOUN", 3, "obl"),
        ]);
        assert!(phrasal_particles(&dict, &s).is_none());
    }

    #[test]
    fn a_title_and_its_name_become_one_subject() {
        // "His rival Tomas Brel took the grant." read as two subjects, "rival" and "Tomas".
        let s = parse(&[
            ("His", "his", "PRON", 2, "nmod:poss"),
            ("rival", "rival", "NOUN", 5, "nsubj"),
            ("Tomas", "Tomas", "PROPN", 5, "nsubj"),
            ("Brel", "Brel", "PROPN", 3, "flat"),
            ("took", "take", "VERB", 0, "root"),
            ("the", "the", "DET", 7, "det"),
            ("grant", "grant", "NOUN", 5, "obj"),
        ]);
        let fixed = split_subjects(&s).expect("repaired");
        let subjects: Vec<usize> = fixed
            .children(4)
            .filter(|&c| fixed.words[c].deprel == "nsubj")
            .collect();
        assert_eq!(subjects, [2]);
        assert_eq!(
            (fixed.words[1].head, fixed.words[1].deprel.as_str()),
            (3, "compound")
        );
        // A list after the name keeps its members as subjects: no repair.
        let listed = parse(&[
            ("rival", "rival", "NOUN", 5, "nsubj"),
            ("Tomas", "Tomas", "PROPN", 5, "nsubj"),
            (",", ",", "PUNCT", 4, "punct"),
            ("Ana", "Ana", "PROPN", 2, "conj"),
            ("met", "meet", "VERB", 0, "root"),
        ]);
        assert!(split_subjects(&listed).is_none());
    }

    #[test]
    fn a_verb_hung_on_its_subject_heads_the_clause() {
        // "Reserves fell by a billion in May." with "fell" read as the second half of a word.
        let mut s = parse(&[
            ("Reserves", "reserve", "NOUN", 0, "root"),
            ("fell", "fall", "VERB", 1, "goeswith"),
            ("by", "by", "ADP", 5, "case"),
            ("a", "a", "DET", 5, "det"),
            ("billion", "billion", "NUM", 1, "nmod"),
            ("in", "in", "ADP", 7, "case"),
            ("May", "May", "PROPN", 1, "nmod"),
        ]);
        s.words[1].xpos = "VBD".into();
        let fixed = verbs_split_from_subjects(&s).expect("repaired");
        let heads: Vec<(usize, &str)> = fixed
            .words
            .iter()
            .map(|w| (w.head, w.deprel.as_str()))
            .collect();
        assert_eq!(heads[0], (2, "nsubj"));
        assert_eq!(heads[1], (0, "root"));
        assert_eq!(heads[4].0, 2, "the phrase after the verb is the verb's");
        assert_eq!(heads[6].0, 2);
        // A participle hung on its noun is no finite verb: left alone.
        s.words[1].xpos = "VBN".into();
        assert!(verbs_split_from_subjects(&s).is_none());
    }
}
