//! General repairs of one parser slip that hides the main verb of news sentences: a finite verb
//! attached to a noun as a modifier. "Serbia *eased* emergency measures" comes out with
//! "measures" as the root and "eased" as its `amod`; "Swiss doctors *handed* over medicine"
//! with "doctors" as the root and "handed" as its `acl`; "The Israeli army *forced* out 1,000
//! refugees, residents said" with "forced" as an `acl` of the subject of "said". The matcher
//! reads subjects and objects off the verb, so such a sentence codes nothing.
//!
//! The repair makes the verb the head of its clause again: the nominal phrase before it
//! becomes its subject and, for a pre-modifier, the noun it modified becomes its object. It
//! only fires where the reading as a modifier is implausible (a verb form tagged finite or
//! past participle, directly after a nominal, with no subject, auxiliary, marker or "by" agent
//! of its own), and it never touches a tree it cannot rewire without a second root or a cycle.
//!
//! A second slip hides a request's content: "urged Algeria *to exercise* restraint" with the
//! infinitive a relative clause of the name. It goes back to the verb as its complement
//! (`infinitive_on_object`).

use sitrep_events::Sentence;

/// Nominal parts of speech that can head a subject or object.
fn nominal(s: &Sentence, w: usize) -> bool {
    matches!(s.words[w].upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM")
}

fn head(s: &Sentence, w: usize) -> Option<usize> {
    match s.words[w].head {
        0 => None,
        h if h <= s.words.len() => Some(h - 1),
        _ => None,
    }
}

fn children(s: &Sentence, w: usize) -> impl Iterator<Item = usize> + '_ {
    (0..s.words.len()).filter(move |&c| s.words[c].head == w + 1)
}

/// A verb that looks like a clause's main verb misattached as a modifier: finite or past
/// participle, a modifier relation, and nothing of its own that marks a real reduced relative
/// or subordinate clause (a subject, a passive auxiliary, a marker, a "by" agent).
fn misattached_verb(s: &Sentence, v: usize) -> bool {
    let w = &s.words[v];
    let finite = matches!(w.xpos.as_str(), "VBD" | "VBN" | "VBZ" | "VBP");
    let rel = w.deprel.as_str();
    let modifier = matches!(rel, "acl" | "amod" | "compound" | "list" | "dep");
    if w.upos != "VERB" || !finite || !modifier || v == 0 || !nominal(s, v - 1) {
        return false;
    }
    !children(s, v).any(|c| {
        let d = s.words[c].deprel.as_str();
        d.starts_with("nsubj")
            || d.starts_with("aux")
            || d == "mark"
            || d == "cop"
            || by_phrase(s, c)
    })
}

fn by_phrase(s: &Sentence, w: usize) -> bool {
    children(s, w).any(|c| s.words[c].deprel == "case" && s.words[c].lemma == "by")
}

/// The head of the nominal phrase that ends right before `v`: climb from `v - 1` while the
/// head is a nominal word before `v`.
fn subject_before(s: &Sentence, v: usize) -> usize {
    let mut j = v - 1;
    for _ in 0..s.words.len() {
        match head(s, j) {
            Some(h) if h < v && nominal(s, h) => j = h,
            _ => break,
        }
    }
    j
}

/// The relation a dependent of a nominal takes when it moves to a verb.
fn clausal(rel: &str) -> String {
    match rel.split(':').next().unwrap_or(rel) {
        "nmod" => rel.replacen("nmod", "obl", 1),
        "acl" => "advcl".to_string(),
        _ => rel.to_string(),
    }
}

/// Re-attaches to `v` the dependents of `n` that stand on the far side of `v` (the modifiers
/// of the clause that the parser hung on the noun: "in protest", "according to X").
fn move_far_dependents(s: &mut Sentence, n: usize, v: usize, keep: &[usize]) {
    let far: Vec<usize> = children(s, n)
        .filter(|&c| (c > v) == (n < v) && c != v && !keep.contains(&c))
        .collect();
    for c in far {
        s.words[c].head = v + 1;
        s.words[c].deprel = clausal(&s.words[c].deprel);
    }
}

/// Whether every word from `v` up to the clause head `top` is nominal (the verb sits inside
/// that noun phrase, not in a clause of its own).
fn inside_phrase_of(s: &Sentence, v: usize, top: usize) -> bool {
    let mut w = v;
    for _ in 0..s.words.len() {
        match head(s, w) {
            Some(h) if h == top => return true,
            Some(h) if nominal(s, h) => w = h,
            _ => return false,
        }
    }
    false
}

/// "The Palestinians *reject* the changes" with "Palestinians" as the clause head and
/// "reject" as its `conj`: a finite verb right after a nominal phrase, joined to it with no
/// conjunction, no comma and no subject of its own, is the clause's verb, not a list item.
fn conjoined_verb(s: &Sentence, v: usize) -> bool {
    let w = &s.words[v];
    let finite = matches!(w.xpos.as_str(), "VBD" | "VBZ" | "VBP");
    w.upos == "VERB"
        && finite
        && w.deprel == "conj"
        && v > 0
        && nominal(s, v - 1)
        && !children(s, v).any(|c| {
            let d = s.words[c].deprel.as_str();
            d == "cc" || d.starts_with("nsubj") || (d == "punct" && c < v)
        })
}

/// A clause headed by a noun (the sentence's root, or the copula-less reported clause of a
/// "..., X said" tail): the first misattached verb in that noun's phrase takes its place,
/// with the phrase before it as subject (and the noun it pre-modified as object).
fn promote_in_nominal_clause(s: &mut Sentence) -> bool {
    let roots = (0..s.words.len()).filter(|&w| s.words[w].head == 0).count();
    if roots != 1 {
        return false;
    }
    // A bare participle after a noun ("Three soldiers killed in an ambush") is a headline's
    // passive, not an active verb.
    let active = |s: &Sentence, v: usize| {
        s.words[v].xpos != "VBN" || s.words[v].deprel != "acl" || transitive_look(s, v)
    };
    let clause_heads: Vec<usize> = (0..s.words.len())
        .filter(|&n| {
            nominal(s, n)
                && match s.words[n].deprel.as_str() {
                    "root" => true,
                    // A nominal reported clause with a copula is a real one ("said it was
                    // a mistake"); a nominal `parataxis` is mostly an aside.
                    "ccomp" => {
                        head(s, n).is_some_and(|g| s.words[g].upos == "VERB")
                            && !children(s, n).any(|c| s.words[c].deprel == "cop")
                    }
                    _ => false,
                }
        })
        .collect();
    for top in clause_heads {
        let Some(v) = (1..s.words.len()).find(|&v| {
            (misattached_verb(s, v) && active(s, v) || conjoined_verb(s, v))
                && inside_phrase_of(s, v, top)
        }) else {
            continue;
        };
        let subj = subject_before(s, v);
        let obj = head(s, v).filter(|&h| h > v && nominal(s, h) && s.words[v].deprel != "acl");
        // The old clause head must become the subject or the object; anything else would
        // leave a second head or need guesses about its role.
        if top != subj && Some(top) != obj {
            continue;
        }
        s.words[v].head = s.words[top].head;
        s.words[v].deprel = s.words[top].deprel.clone();
        s.words[subj].head = v + 1;
        s.words[subj].deprel = "nsubj".into();
        let keep: Vec<usize> = obj.into_iter().collect();
        move_far_dependents(s, subj, v, &keep);
        if let Some(o) = obj {
            s.words[o].head = v + 1;
            s.words[o].deprel = "obj".into();
            move_far_dependents(s, o, v, &[subj]);
        }
        return true;
    }
    false
}

/// "The Israeli army *forced* out 1,000 refugees, residents said": the subject of a later verb
/// carries the reported clause's verb as a modifier. The verb becomes that later verb's
/// `ccomp` with the phrase before it as its subject.
fn promote_reported(s: &mut Sentence) -> bool {
    let found = (1..s.words.len()).find_map(|v| {
        // A verb cannot modify a verb as an adjective would: an `amod` on a verb is a
        // misattached clause whatever its form.
        let amod_of_verb =
            s.words[v].deprel == "amod" && head(s, v).is_some_and(|h| s.words[h].upos == "VERB");
        if !misattached_verb(s, v)
            || s.words[v].xpos == "VBN" && !transitive_look(s, v) && !amod_of_verb
        {
            return None;
        }
        let subj = subject_before(s, v);
        let g = head(s, subj)?;
        let attached = head(s, v) == Some(subj) || head(s, v) == Some(g);
        let reported = s.words[subj].deprel == "nsubj" && s.words[g].upos == "VERB" && g > v;
        (attached && reported).then_some((v, subj, g))
    });
    let Some((v, subj, g)) = found else {
        return false;
    };
    s.words[v].head = g + 1;
    s.words[v].deprel = "ccomp".into();
    s.words[subj].head = v + 1;
    s.words[subj].deprel = "nsubj".into();
    move_far_dependents(s, subj, v, &[]);
    true
}

/// A past participle reads as an active verb when something follows it as an object would
/// ("forced *out*", "fired *shells*") or when a verb coordinated with it is tagged a past
/// tense ("donated and personally *delivered* goods": the tagger read the pair as active); a
/// bare one is more often a real reduced relative ("the man killed in the attack").
fn transitive_look(s: &Sentence, v: usize) -> bool {
    children(s, v).any(|c| {
        let w = &s.words[c];
        matches!(w.deprel.as_str(), "obj" | "compound:prt")
            || w.deprel == "conj" && w.upos == "VERB" && w.xpos == "VBD"
    })
}

/// "The League urged *Algeria* and Morocco *to exercise* restraint": the parser often hangs the
/// infinitive on the verb's object as a relative clause (`acl`). A name or a personal pronoun
/// takes no infinitive of its own, and after a verb of asking or making ("urged the rebels to
/// come back", "called on the government to resign": the coder's request verbs, whose
/// complement it reads as requested) neither does any object in news; a common noun elsewhere
/// may ("approved a plan *to build*"). There the infinitive is the verb's complement
/// (`xcomp`), whose subject the object controls. Only where the verb has no complement yet;
/// the object may be the first of a conjunction.
fn infinitive_on_object(s: &mut Sentence) -> bool {
    let mut changed = false;
    for w in 0..s.words.len() {
        let word = &s.words[w];
        if word.deprel != "acl" || word.upos != "VERB" || word.xpos != "VB" {
            continue;
        }
        let marked_to = children(s, w)
            .any(|c| s.words[c].deprel == "mark" && s.words[c].form.eq_ignore_ascii_case("to"));
        let own_subject = children(s, w).any(|c| s.words[c].deprel.starts_with("nsubj"));
        let Some(o) = head(s, w) else { continue };
        if !marked_to || own_subject || o > w {
            continue;
        }
        // The object itself, or the first conjunct of a conjoined object; "call on X" and
        // "appeal to X" take theirs with a preposition.
        let object_rel = |x: usize| {
            let rel = s.words[x].deprel.as_str();
            matches!(rel, "obj" | "iobj")
                || base_rel(rel) == "obl"
                    && children(s, x).any(|c| {
                        s.words[c].deprel == "case"
                            && matches!(s.words[c].lemma.as_str(), "on" | "to")
                    })
        };
        let object = if object_rel(o) {
            Some(o)
        } else if s.words[o].deprel == "conj" {
            head(s, o).filter(|&f| object_rel(f))
        } else {
            None
        };
        let Some(v) = object.and_then(|x| head(s, x)) else {
            continue;
        };
        let named =
            s.words[o].upos == "PROPN" || s.words[o].upos == "PRON" && s.words[o].xpos == "PRP";
        let control = sitrep_events::is_request_verb(&s.words[v].lemma);
        let object_is_direct =
            object.is_some_and(|x| matches!(s.words[x].deprel.as_str(), "obj" | "iobj"));
        let has_complement = children(s, v).any(|c| base_rel(&s.words[c].deprel) == "xcomp");
        if s.words[v].upos != "VERB"
            || has_complement
            || v > w
            || !(control || named && object_is_direct)
        {
            continue;
        }
        s.words[w].head = v + 1;
        s.words[w].deprel = "xcomp".to_string();
        changed = true;
    }
    changed
}

fn base_rel(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Applies the repairs to one parsed sentence; returns whether the tree changed.
pub(crate) fn repair(s: &mut Sentence) -> bool {
    let verb = promote_in_nominal_clause(s) || promote_reported(s);
    infinitive_on_object(s) || verb
}

#[cfg(test)]
mod tests {
    use super::repair;
    use sitrep_events::Sentence;

    fn rows(rows: &[(&str, &str, &str, usize, &str)]) -> Sentence {
        let text: String = rows
            .iter()
            .enumerate()
            .map(|(i, (form, upos, xpos, head, rel))| {
                format!(
                    "{}\t{form}\t{}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t_\n",
                    i + 1,
                    form.to_lowercase()
                )
            })
            .collect();
        Sentence::from_conllu(&text).unwrap()
    }

    fn arcs(s: &Sentence) -> Vec<(usize, &str)> {
        s.words
            .iter()
            .map(|w| (w.head, w.deprel.as_str()))
            .collect()
    }

    #[test]
    fn repair_premodifier_verb_becomes_root() {
        // "Serbia eased emergency measures in Montenegro ." parsed as a noun phrase.
        let mut s = rows(&[
            ("Serbia", "PROPN", "NNP", 4, "compound"),
            ("eased", "VERB", "VBN", 4, "amod"),
            ("emergency", "NOUN", "NN", 4, "compound"),
            ("measures", "NOUN", "NNS", 0, "root"),
            ("in", "ADP", "IN", 6, "case"),
            ("Montenegro", "PROPN", "NNP", 4, "nmod"),
            (".", "PUNCT", ".", 4, "punct"),
        ]);
        assert!(repair(&mut s));
        let a = arcs(&s);
        assert_eq!(a[1], (0, "root"));
        assert_eq!(a[0], (2, "nsubj"));
        assert_eq!(a[3], (2, "obj"));
        // Modifiers after the object may be the noun's own ("measures in Montenegro").
        assert_eq!(a[5], (4, "nmod"));
        assert_eq!(a[2], (4, "compound"));
    }

    #[test]
    fn repair_acl_of_root_subject() {
        // "Swiss doctors handed over medicine ." with the noun as root.
        let mut s = rows(&[
            ("Swiss", "ADJ", "JJ", 2, "amod"),
            ("doctors", "NOUN", "NNS", 0, "root"),
            ("handed", "VERB", "VBN", 2, "acl"),
            ("over", "ADP", "RP", 3, "compound:prt"),
            ("medicine", "NOUN", "NN", 3, "obj"),
            (".", "PUNCT", ".", 2, "punct"),
        ]);
        assert!(repair(&mut s));
        let a = arcs(&s);
        assert_eq!(
            (a[2], a[1], a[5]),
            ((0, "root"), (3, "nsubj"), (3, "punct"))
        );
    }

    #[test]
    fn repair_participle_coordinated_with_a_past_tense() {
        // "Doctors donated and delivered goods ." with "donated" an acl of the root noun and
        // its conjunct tagged VBD; a conjunct that is itself a participle moves nothing.
        let sentence = |conj_xpos: &str| {
            rows(&[
                ("Doctors", "NOUN", "NNS", 0, "root"),
                ("donated", "VERB", "VBN", 1, "acl"),
                ("and", "CCONJ", "CC", 4, "cc"),
                ("delivered", "VERB", conj_xpos, 2, "conj"),
                ("goods", "NOUN", "NNS", 4, "obj"),
                (".", "PUNCT", ".", 1, "punct"),
            ])
        };
        let mut s = sentence("VBD");
        assert!(repair(&mut s));
        let a = arcs(&s);
        assert_eq!((a[1], a[0], a[3]), ((0, "root"), (2, "nsubj"), (2, "conj")));
        let mut s = sentence("VBN");
        assert!(!repair(&mut s));
    }

    #[test]
    fn repair_reported_clause_verb() {
        // "The army forced out refugees , residents said ."
        let mut s = rows(&[
            ("The", "DET", "DT", 2, "det"),
            ("army", "NOUN", "NN", 8, "nsubj"),
            ("forced", "VERB", "VBN", 2, "acl"),
            ("out", "ADP", "RP", 3, "compound:prt"),
            ("refugees", "NOUN", "NNS", 3, "obj"),
            (",", "PUNCT", ",", 8, "punct"),
            ("residents", "NOUN", "NNS", 8, "nsubj"),
            ("said", "VERB", "VBD", 0, "root"),
            (".", "PUNCT", ".", 8, "punct"),
        ]);
        assert!(repair(&mut s));
        let a = arcs(&s);
        assert_eq!((a[2], a[1]), ((8, "ccomp"), (3, "nsubj")));
    }

    #[test]
    fn repair_leaves_real_reduced_relatives_and_good_trees() {
        // "A camp attacked by militiamen ." is a headline noun phrase: the "by" agent shows
        // the participle is passive, so nothing moves.
        let mut s = rows(&[
            ("A", "DET", "DT", 2, "det"),
            ("camp", "NOUN", "NN", 0, "root"),
            ("attacked", "VERB", "VBN", 2, "acl"),
            ("by", "ADP", "IN", 5, "case"),
            ("militiamen", "NOUN", "NNS", 3, "obl"),
        ]);
        let before = s.clone();
        assert!(!repair(&mut s));
        assert_eq!(s, before);
        // "The man killed in the attack said ...": a bare participle stays a modifier.
        let mut s = rows(&[
            ("The", "DET", "DT", 2, "det"),
            ("man", "NOUN", "NN", 6, "nsubj"),
            ("killed", "VERB", "VBN", 2, "acl"),
            ("in", "ADP", "IN", 5, "case"),
            ("attack", "NOUN", "NN", 3, "obl"),
            ("said", "VERB", "VBD", 0, "root"),
        ]);
        let before = s.clone();
        assert!(!repair(&mut s));
        assert_eq!(s, before);
        // A well-formed clause is left alone.
        let mut s = rows(&[
            ("Serbia", "PROPN", "NNP", 2, "nsubj"),
            ("eased", "VERB", "VBD", 0, "root"),
            ("measures", "NOUN", "NNS", 2, "obj"),
        ]);
        assert!(!repair(&mut s));
    }

    #[test]
    fn repair_finite_verb_conjoined_to_its_subject() {
        // "The Palestinians reject the changes , Erakat said ." with the subject as the
        // reported clause's head and the verb as its conjunct, or as its adjective.
        for rel in ["conj", "amod"] {
            let mut s = rows(&[
                ("The", "DET", "DT", 2, "det"),
                ("Palestinians", "PROPN", "NNPS", 8, "ccomp"),
                ("reject", "VERB", "VBP", 2, rel),
                ("the", "DET", "DT", 5, "det"),
                ("changes", "NOUN", "NNS", 3, "obj"),
                (",", "PUNCT", ",", 8, "punct"),
                ("Erakat", "PROPN", "NNP", 8, "nsubj"),
                ("said", "VERB", "VBD", 0, "root"),
                (".", "PUNCT", ".", 8, "punct"),
            ]);
            assert!(repair(&mut s), "{rel}");
            let a = arcs(&s);
            assert_eq!(
                (a[2], a[1], a[4]),
                ((8, "ccomp"), (3, "nsubj"), (3, "obj")),
                "{rel}"
            );
        }
        // A verb after a conjunction is a real coordination and keeps its shape.
        let mut s = rows(&[
            ("Troops", "NOUN", "NNS", 0, "root"),
            ("and", "CCONJ", "CC", 3, "cc"),
            ("attacked", "VERB", "VBD", 1, "conj"),
            ("towns", "NOUN", "NNS", 3, "obj"),
        ]);
        let before = s.clone();
        assert!(!repair(&mut s));
        assert_eq!(s, before);
        // A comma before the verb marks a list, not a clause; a verb with its own subject
        // ("the talks Russia rejects") is not the nominal's verb.
        let mut s = rows(&[
            ("Talks", "NOUN", "NNS", 0, "root"),
            (",", "PUNCT", ",", 3, "punct"),
            ("visits", "VERB", "VBZ", 1, "conj"),
        ]);
        assert!(!repair(&mut s));
        let mut s = rows(&[
            ("talks", "NOUN", "NNS", 0, "root"),
            ("Russia", "PROPN", "NNP", 3, "nsubj"),
            ("rejects", "VERB", "VBZ", 1, "conj"),
        ]);
        assert!(!repair(&mut s));
    }

    #[test]
    fn repair_infinitive_hung_on_a_named_or_asked_object() {
        // "The League urged Algeria and Morocco to show restraint ." with "show" a relative
        // clause of "Algeria": it becomes the complement of "urged".
        let urged = |verb: &str, object: (&str, &str, &str)| {
            let mut s = rows(&[
                ("The", "DET", "DT", 2, "det"),
                ("League", "PROPN", "NNP", 3, "nsubj"),
                (verb, "VERB", "VBD", 0, "root"),
                (object.0, object.1, object.2, 3, "obj"),
                ("and", "CCONJ", "CC", 6, "cc"),
                ("Morocco", "PROPN", "NNP", 4, "conj"),
                ("to", "PART", "TO", 8, "mark"),
                ("show", "VERB", "VB", 4, "acl"),
                ("restraint", "NOUN", "NN", 8, "obj"),
                (".", "PUNCT", ".", 3, "punct"),
            ]);
            // `rows` lemmatises by lowercasing.
            s.words[2].lemma = verb.trim_end_matches('d').to_string();
            s
        };
        let mut s = urged("urged", ("Algeria", "PROPN", "NNP"));
        assert!(repair(&mut s));
        assert_eq!(arcs(&s)[7], (3, "xcomp"));
        // A common noun after a request verb: the same.
        let mut s = urged("urged", ("rebels", "NOUN", "NNS"));
        assert!(repair(&mut s));
        assert_eq!(arcs(&s)[7], (3, "xcomp"));
        // A common noun after another verb may take the infinitive: "approved a plan to".
        let mut s = urged("approved", ("plan", "NOUN", "NN"));
        assert!(!repair(&mut s));
        assert_eq!(arcs(&s)[7], (4, "acl"));
        // "called on Serbia to show restraint": the object takes a preposition.
        let mut s = rows(&[
            ("EU", "PROPN", "NNP", 2, "nsubj"),
            ("called", "VERB", "VBD", 0, "root"),
            ("on", "ADP", "IN", 4, "case"),
            ("Serbia", "PROPN", "NNP", 2, "obl"),
            ("to", "PART", "TO", 6, "mark"),
            ("show", "VERB", "VB", 4, "acl"),
            ("restraint", "NOUN", "NN", 6, "obj"),
            (".", "PUNCT", ".", 2, "punct"),
        ]);
        s.words[1].lemma = "call".into();
        assert!(repair(&mut s));
        assert_eq!(arcs(&s)[5], (2, "xcomp"));
    }
}
