//! A declarative news clause has a finite verb. The tagger, trained on web text, often reads a
//! past tense right after its subject as a past participle ("Israeli tanks *fired* four shells",
//! "Zambia *extradited* a suspected militant", "guerrillas *wounded* two soldiers"), and the
//! parser then hangs it on the subject as a modifier, so the clause has no verb to code.
//!
//! When a clause has no finite form at all (no past or present tense, no modal) and a past
//! participle directly follows a nominal and is itself followed by what can only be its object
//! (a determiner, number, adjective, noun or pronoun), that participle is retagged as a past
//! tense before parsing; so is an "-ed" word tagged as an adjective in that place when a
//! determiner, number, pronoun or name follows it ("guerrillas *wounded* two soldiers"). A
//! participle followed by a preposition, a particle or "by" ("three civilians killed in a
//! bombing", "yachtsman rescued off the coast", "the man arrested by police") is more often a
//! real passive and is left.

use sitrep_nlp::Model;

/// Past participle forms whose past tense is a different word ("shot" is both, "written" is
/// not): retagging these would make a false finite verb.
fn participle_only(form: &str) -> bool {
    let f = form.to_ascii_lowercase();
    f.ends_with("en")
        || matches!(
            f.as_str(),
            "done" | "gone" | "begun" | "sung" | "flown" | "drawn" | "shown"
        )
}

/// Retags, in `tags` (the words `forms` of one clause ending a sentence), the participle that
/// stands where the clause's finite verb should be. `vbd` is the tag class of (VERB, VBD).
/// Returns whether a tag changed.
pub(crate) fn promote(model: &Model, forms: &[&str], tags: &mut [u16], vbd: u16) -> bool {
    if forms.len() != tags.len() || forms.len() < 3 {
        return false;
    }
    let xpos = |t: u16| model.xpos(t);
    let upos = |t: u16| model.upos(t);
    if tags
        .iter()
        .any(|&t| matches!(xpos(t), "VBD" | "VBZ" | "VBP" | "MD"))
    {
        return false;
    }
    let after_subject = |k: usize| {
        let b = tags[k - 1];
        matches!(upos(b), "NOUN" | "PROPN") || upos(b) == "PRON" && xpos(b) == "PRP"
    };
    // An "-ed" word the tagger took for an adjective ("guerrillas *wounded* two soldiers") is
    // the verb only where an adjective could not stand: after the subject and before a
    // determiner, number, pronoun or name.
    let adjective_verb = |k: usize| {
        let f = forms[k];
        upos(tags[k]) == "ADJ"
            && f.len() > 4
            && f.ends_with("ed")
            && after_subject(k)
            && matches!(upos(tags[k + 1]), "DET" | "NUM" | "PRON" | "PROPN")
    };
    // Only the first participle can stand for the clause's verb.
    let Some(k) = (1..forms.len() - 1)
        .find(|&k| xpos(tags[k]) == "VBN" && upos(tags[k]) == "VERB" || adjective_verb(k))
    else {
        return false;
    };
    if participle_only(forms[k]) {
        return false;
    }
    let after = tags[k + 1];
    let object_follows = matches!(
        upos(after),
        "DET" | "NUM" | "ADJ" | "NOUN" | "PROPN" | "PRON"
    ) || xpos(after) == "VBN" && upos(after) == "VERB";
    let promoted = after_subject(k) && object_follows;
    if promoted {
        tags[k] = vbd;
    }
    promoted
}

#[cfg(test)]
mod tests {
    use super::promote;
    use sitrep_nlp::Model;

    /// Tags `words` ("form/UPOS/XPOS") with the model's classes; returns the forms, the tags
    /// and the (VERB, VBD) class.
    fn tagged<'a>(m: &Model, words: &'a str) -> (Vec<&'a str>, Vec<u16>, u16) {
        let class = |u: &str, x: &str| {
            m.tags
                .iter()
                .position(|t| t.0 == u && t.1 == x)
                .unwrap_or_else(|| panic!("no tag class {u}/{x}")) as u16
        };
        let (mut forms, mut tags) = (Vec::new(), Vec::new());
        for w in words.split(' ') {
            let mut p = w.split('/');
            let (f, u, x) = (p.next().unwrap(), p.next().unwrap(), p.next().unwrap());
            forms.push(f);
            tags.push(class(u, x));
        }
        (forms, tags, class("VERB", "VBD"))
    }

    #[test]
    fn only_a_participle_between_subject_and_object_in_a_verbless_clause_is_promoted() {
        let m = Model::embedded().unwrap();
        let cases = [
            // Subject, participle, object: promoted.
            (
                "Kenyan/ADJ/JJ police/NOUN/NN arrested/VERB/VBN members/NOUN/NNS ./PUNCT/.",
                Some(2),
            ),
            (
                "Zambia/PROPN/NNP extradited/VERB/VBN suspected/VERB/VBN militants/NOUN/NNS",
                Some(1),
            ),
            // A preposition after it: a passive ("soldiers killed in an ambush").
            (
                "Three/NUM/CD soldiers/NOUN/NNS killed/VERB/VBN in/ADP/IN an/DET/DT ambush/NOUN/NN",
                None,
            ),
            // "by" and a particle: passives too.
            (
                "the/DET/DT man/NOUN/NN arrested/VERB/VBN by/ADP/IN police/NOUN/NN",
                None,
            ),
            (
                "a/DET/DT yachtsman/NOUN/NN rescued/VERB/VBN off/ADP/RP Perth/PROPN/NNP",
                None,
            ),
            // The clause has a finite verb already.
            (
                "police/NOUN/NNS said/VERB/VBD troops/NOUN/NNS stationed/VERB/VBN there/ADV/RB",
                None,
            ),
            // An "-ed" adjective where only a verb can stand, and one before its noun.
            (
                "guerrillas/NOUN/NNS wounded/ADJ/JJ two/NUM/CD soldiers/NOUN/NNS",
                Some(1),
            ),
            (
                "police/NOUN/NNS armed/ADJ/JJ with/ADP/IN batons/NOUN/NNS",
                None,
            ),
            ("rebels/NOUN/NNS killed/ADJ/JJ civilians/NOUN/NNS", None),
            // A form that is only ever a participle.
            ("rebels/NOUN/NNS taken/VERB/VBN hostages/NOUN/NNS", None),
            // Not after a nominal.
            (
                "later/ADV/RB arrested/VERB/VBN two/NUM/CD men/NOUN/NNS",
                None,
            ),
        ];
        for (words, want) in cases {
            let (forms, mut tags, vbd) = tagged(&m, words);
            let before = tags.clone();
            let changed = promote(&m, &forms, &mut tags, vbd);
            let got = (0..tags.len()).find(|&k| tags[k] != before[k]);
            assert_eq!(got, want, "{words}");
            assert_eq!(changed, want.is_some(), "{words}");
        }
    }
}
