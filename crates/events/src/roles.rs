//! Role guards: the places where a naive tree walk hands an event to the wrong actor. Each
//! guard answers one question the matcher asks while reading roles: may the subject of the
//! verb that governs a noun trigger be the noun's agent ("the Kremlin *criticized* his
//! arrest" is not an arrest by the Kremlin), may a search for an actor step down a
//! preposition phrase ("a letter *to Trump*" is not Trump), may a possessive pronoun stand
//! for a clause's subject ("NATO may attend *our* drills" is not NATO's drills), and who
//! writes a letter that demands something.

use crate::ontology::CameoCode;
use crate::pattern::Rel;
use crate::sentence::{ActorSpan, Sentence};
use crate::subject::{subject_of, with_conjuncts};
use crate::syntax::{base, follow, has_case};

/// Verbs whose subject reacts to, asks for, reports on, weighs or undergoes the event a noun names,
/// rather than doing it: "X condemned the arrest", "X demanded the release of Y", "X faced
/// sanctions". The subject of such a verb is not the noun's agent.
const REACTION: &[&str] = &[
    "criticize",
    "criticise",
    "condemn",
    "denounce",
    "decry",
    "deplore",
    "slam",
    "blast",
    "welcome",
    "hail",
    "praise",
    "applaud",
    "commend",
    "protest",
    "oppose",
    "deny",
    "dismiss",
    // "Iran ignored his warnings": who ignores a threat did not make it.
    "ignore",
    "heed",
    "disregard",
    // "police foiled an attack": who keeps an act from happening is not its agent.
    "prevent",
    "avert",
    "thwart",
    "foil",
    "forestall",
    "question",
    "challenge",
    "fear",
    "mourn",
    "regret",
    "lament",
    "investigate",
    "probe",
    "report",
    "witness",
    "survive",
    "escape",
    "face",
    // "he intended to refer to the massacre": who mentions an act did not do it.
    "refer",
    "mention",
    "recall",
    "suffer",
    "endure",
    "resist",
    "demand",
    "urge",
    "await",
    "expect",
    "predict",
    "blame",
    "describe",
    "call",
    "reflect",
    "follow",
    "prompt",
    "trigger",
    "spark",
    "cause",
    "provoke",
    // Reporting, weighing or remembering: "is not commenting on the strike", "evaluated the
    // criticism directed at the army", "discussed the attacks".
    "comment",
    "evaluate",
    "assess",
    "examine",
    "review",
    "analyse",
    "analyze",
    "study",
    "discuss",
    "debate",
    "cover",
    "monitor",
    "recall",
    "remember",
    "commemorate",
    "recount",
    "explain",
    "document",
    "testify",
];

/// Verbs whose subject answers, weighs or takes a side on what someone else put forward: "not
/// all members agree with this *demand*", "rejected the *request*", "backed the *appeal*".
const RESPONSE: &[&str] = &[
    "agree", "support", "back", "endorse", "reject", "refuse", "accept", "ignore", "heed",
    "fulfil", "fulfill", "satisfy",
];

/// Verbs of seeking or needing what their object names.
const SEEK: &[&str] = &["seek", "ask", "request", "need", "look", "want"];

/// Prepositions of a phrase that places the clause in time or circumstance.
const FRAMING_CASE: &[&str] = &[
    "after",
    "before",
    "following",
    "since",
    "amid",
    "amidst",
    "during",
    "ahead",
    "prior",
];

/// Prepositions of a phrase that gives the clause's cause: "resigns *over* anti-corruption
/// protests", "cancelled flights *because of* the strike".
const CAUSE_CASE: &[&str] = &["over", "because", "due", "owing"];

/// Nouns of meeting, which the speaker of the framed clause usually took part in.
const MEETING_NOUN: &[&str] = &[
    "talk",
    "talks",
    "meeting",
    "summit",
    "visit",
    "negotiation",
    "consultation",
    "conversation",
    "discussion",
    "call",
];

/// Whether the subject of `g` may be read as the agent of noun trigger `trig` below it.
pub(crate) fn govsubj_is_agent(s: &Sentence, g: usize, trig: usize) -> bool {
    // "the woman's detention reflects ...": the noun is the governor's own subject, and the
    // walk would come back to the noun itself (and from there to its possessor, the patient).
    if matches!(base(&s.words[trig].deprel), "nsubj" | "csubj") {
        return false;
    }
    // "are pressing ahead with talks *despite* a request from the rebels": what a clause goes
    // ahead despite is someone else's act, the background of the report.
    if has_case(s, trig, &["despite", "notwithstanding"]) {
        return false;
    }
    let noun = s.words[trig].lemma.as_str();
    let verb = s.words[g].lemma.as_str();
    let meeting = MEETING_NOUN.contains(&noun);
    // "*After* the attacks in Paris, Obama said ...", "*amid* mass demonstrations, the ministry
    // warned ...": a phrase that only dates or frames the clause names someone else's act. A
    // meeting is the exception: "after talks with Putin, Erdogan said" was Erdogan's meeting.
    if has_case(s, trig, FRAMING_CASE) && !meeting {
        return false;
    }
    // "the minister resigns *over* the protests": who reacts to a cause did not cause it (but
    // "presided over the talks" was the chair's meeting).
    if has_case(s, trig, CAUSE_CASE) && !meeting {
        return false;
    }
    // "did not respond to *the Post's* request": a noun with a named possessor is that
    // possessor's act, not the governing subject's (a possessive pronoun, "reiterated *its*
    // demand", may still stand for the subject).
    if s.children(trig)
        .any(|c| s.words[c].deprel == "nmod:poss" && s.words[c].upos != "PRON")
    {
        return false;
    }
    // "was looking for help", "sought the release of", "requested an apology from the
    // Dutch": who seeks a thing is not who gives it. Talks and cooperation are sought to be
    // joined: "rebels seek direct negotiations with Assad" is the rebels' offer to meet.
    if SEEK.contains(&verb) && !meeting && !matches!(noun, "cooperation" | "dialogue") {
        return false;
    }
    // "agreed with the demand", "rejected the request": the subject answers someone else's
    // act. A meeting may be agreed to or refused by one of its parties ("rejected talks with
    // X"), which the verb rules code; and with a particle the verb is another one ("back
    // *down* from its threat" is its own).
    let particle = || {
        s.children(g).any(|c| {
            s.words[c].deprel == "compound:prt"
                || s.words[c].deprel == "advmod"
                    && matches!(s.words[c].lemma.as_str(), "down" | "off" | "away" | "out")
        })
    };
    if RESPONSE.contains(&verb) && !meeting && !particle() {
        return false;
    }
    // "call for talks" is a request for the talks, and so is "call on X to hold talks"; the
    // appeal is coded on the verb. The exception is a noun naming a meeting the caller joins,
    // which the dictionary reads through `obl:for` rules of its own.
    !REACTION.contains(&verb)
}

/// Nouns whose "from" phrase is where someone moves from, not who acts: "the withdrawal
/// *from* Syria", "his release *from* prison".
const FROM_PLACE: &[&str] = &[
    "withdrawal",
    "pullout",
    "pull-out",
    "retreat",
    "exit",
    "departure",
    "expulsion",
    "deportation",
    "extradition",
    "evacuation",
    "release",
    "escape",
    "flight",
    "return",
    "defection",
    "import",
    "imports",
];

/// The agent a noun trigger names itself ("a request *from* Syrian rebels", "support *from*
/// Moscow"): that phrase, not the subject of the verb that governs the noun, is who acts ("X
/// pressed ahead despite a request from Y" is Y's request). A "by" phrase is left to the
/// rules, which name it where it is the agent.
pub(crate) fn own_agent(s: &Sentence, trig: usize) -> Vec<usize> {
    if s.words[trig].upos != "NOUN" {
        return Vec::new();
    }
    s.children(trig)
        .filter(|&c| base(&s.words[c].deprel) == "nmod")
        .filter(|&c| {
            s.children(c).any(|k| {
                s.words[k].deprel == "case"
                    && s.words[k].lemma == "from"
                    && !FROM_PLACE.contains(&s.words[trig].lemma.as_str())
            })
        })
        .collect()
}

/// Preposition phrases an actor search may step into from a noun: not the ones that name an
/// addressee or a topic ("a letter *to* Trump", "a statement *to* The Washington Post", "talk
/// *about* Iran"), which are someone else than the noun's owner.
pub(crate) fn nmod_names_owner(s: &Sentence, w: usize) -> bool {
    let d = s.words[w].deprel.as_str();
    if d == "nmod:poss" {
        return true;
    }
    if base(d) != "nmod" {
        return true;
    }
    nmod_case(s, w).is_none_or(|case| owner_case(&case))
}

/// The preposition of a `nmod`/`obl` dependent: from its label ("nmod:in") or its `case` word.
fn nmod_case(s: &Sentence, w: usize) -> Option<String> {
    match s.words[w].deprel.split_once(':') {
        Some((_, case)) if case != "poss" => Some(case.to_string()),
        _ => s
            .children(w)
            .find(|&c| s.words[c].deprel == "case")
            .map(|c| s.words[c].form.to_lowercase()),
    }
}

/// Prepositions of place (see [`behind_place`]).
const LOCATIVE_CASES: &[&str] = &["in", "near", "outside", "inside", "at", "across", "around"];

/// Nouns for groups of people that a place phrase may name ("thousands in Paris").
const PEOPLE_IN: &[&str] = &[
    "thousand",
    "hundred",
    "million",
    "dozen",
    "many",
    "some",
    "most",
    "few",
    "other",
    "people",
    "resident",
    "citizen",
    "voter",
    "protester",
    "demonstrator",
    "crowd",
    "critic",
    "supporter",
    "follower",
    "worker",
    "student",
    "activist",
    "member",
];

/// Whether the actor headed by `head` is reached from the argument words `arg` only through a
/// phrase that says where ("an analyst at a bank *in* London warned", "a man arrested in
/// connection with a murder *in* Cork"): a place is no agent of what happened there. A group
/// of people is named by where it is ("thousands *in* Paris rallied", "critics *in* Ireland
/// called on"), so a place phrase on such a noun still leads to the source.
pub(crate) fn behind_place(s: &Sentence, arg: &[usize], head: usize) -> bool {
    let mut through_place = false;
    let mut w = head;
    // The actor search steps at most two phrases down from an argument word.
    for _ in 0..4 {
        if arg.contains(&w) {
            return through_place;
        }
        let Some(h) = s.head(w) else {
            return false;
        };
        if base(&s.words[w].deprel) == "nmod"
            && nmod_case(s, w).is_some_and(|c| LOCATIVE_CASES.contains(&c.as_str()))
        {
            let hw = &s.words[h];
            let people = matches!(hw.upos.as_str(), "PRON" | "NUM")
                || PEOPLE_IN.contains(&hw.lemma.as_str());
            through_place |= !people;
        }
        w = h;
    }
    false
}

fn owner_case(case: &str) -> bool {
    // "by" and "against" stay open: "condemned an attack *by* X" is aimed at X, and so is "a
    // resolution *against* X".
    !matches!(
        case,
        "to" | "toward"
            | "towards"
            | "about"
            | "into"
            | "after"
            | "before"
            | "over"
            | "regarding"
            | "concerning"
            | "like"
    )
}

fn feat<'a>(s: &'a Sentence, w: usize, name: &str) -> Option<&'a str> {
    s.words[w]
        .feats
        .split('|')
        .find_map(|f| f.strip_prefix(name)?.strip_prefix('='))
}

/// Whether a possessive pronoun may stand for the word `antecedent`: a first-person one ("our
/// drills") stands for the speaker, never for a third-person subject, and a plural one ("their
/// demands") not for a single named person or thing.
pub(crate) fn pronoun_agrees(s: &Sentence, pron: usize, antecedent: usize) -> bool {
    let person = feat(s, pron, "Person");
    if matches!(person, Some("1") | Some("2")) {
        return feat(s, antecedent, "Person") == person;
    }
    // Two pronouns must agree in number: "they" is not "he".
    if s.words[antecedent].upos == "PRON" {
        if let (Some(a), Some(b)) = (feat(s, pron, "Number"), feat(s, antecedent, "Number")) {
            if a != b {
                return false;
            }
        }
    }
    let plural_pron = feat(s, pron, "Number") == Some("Plur");
    let single = feat(s, antecedent, "Number") == Some("Sing")
        && s.words[antecedent].upos == "PROPN"
        && !s.children(antecedent).any(|c| s.words[c].deprel == "conj");
    let plural = feat(s, antecedent, "Number") == Some("Plur")
        || s.children(antecedent).any(|c| s.words[c].deprel == "conj");
    match s.words[pron].lemma.to_lowercase().as_str() {
        "they" | "their" | "them" => !single,
        "he" | "his" | "him" | "she" | "her" => !plural,
        _ => !(plural_pron && single),
    }
}

/// The nearest plural nominal before `pron` that a plural possessive may refer to when the
/// clause's subject cannot ("Trump lashed out at *Democrats* over their demands").
pub(crate) fn plural_antecedent(s: &Sentence, pron: usize) -> Option<usize> {
    (0..pron).rev().find(|&w| {
        matches!(s.words[w].upos.as_str(), "PROPN" | "NOUN")
            && feat(s, w, "Number") == Some("Plur")
            && !matches!(base(&s.words[w].deprel), "compound" | "amod" | "flat")
    })
}

/// Documents that speak for whoever issued them: "sent a *letter* demanding ...", "issued a
/// *statement* condemning ...".
const DOCUMENT: &[&str] = &[
    "letter",
    "statement",
    "message",
    "note",
    "petition",
    "resolution",
    "motion",
    "declaration",
    "communique",
    "memo",
    "memorandum",
    "tweet",
    "post",
    "video",
    "speech",
    "report",
    "bill",
    "decree",
    "order",
    "editorial",
    "column",
];

/// "X sent a letter to Y *demanding* ...": a verb modifying a document that is the object of
/// another verb speaks for that verb's subject, not for the letter or its addressee.
pub(crate) fn document_author(s: &Sentence, v: usize) -> Option<Vec<usize>> {
    let doc = s.head(v)?;
    if !DOCUMENT.contains(&s.words[doc].lemma.as_str()) || base(&s.words[doc].deprel) != "obj" {
        return None;
    }
    let g = s.head(doc)?;
    let subj = subject_of(s, g, 1);
    (!subj.is_empty()).then_some(subj)
}

/// Nouns for people and groups that the actor stage may leave uncoded ("refugees fleeing
/// the war", "scores of villagers").
const PEOPLE: &[&str] = &[
    "people",
    "person",
    "refugee",
    "civilian",
    "villager",
    "resident",
    "student",
    "protester",
    "demonstrator",
    "worker",
    "farmer",
    "citizen",
    "national",
    "migrant",
    "prisoner",
    "detainee",
    "hostage",
    "journalist",
    "activist",
    "official",
    "soldier",
    "troop",
    "militant",
    "rebel",
    "fighter",
    "family",
    "child",
    "woman",
    "man",
    "victim",
    "minority",
    "community",
    "population",
    "settler",
    "crowd",
    "supporter",
    "member",
    "opponent",
    "dissident",
    "needy",
];

/// Whether an event may keep an empty target when its target words name no actor: the words
/// are people, or the act is material (aid, protest, force posture, coercion, assault,
/// fighting, mass violence) and so happened whatever its object was.
pub(crate) fn loose_target(s: &Sentence, rule_code: CameoCode, tgt: &[usize]) -> bool {
    let material = matches!(
        rule_code.root().as_str(),
        "07" | "14" | "15" | "17" | "18" | "19" | "20"
    );
    material
        || tgt.iter().any(|&w| {
            s.words
                .get(w)
                .is_some_and(|w| PEOPLE.contains(&w.lemma.as_str()))
        })
}

/// The subject of a condition set on the trigger or on its infinitive ("threatened to strike
/// *unless Baghdad* accepts", "will ban voting *if Hamas* runs"): the party a threat is aimed at.
pub(crate) fn condition_subject(s: &Sentence, trig: usize) -> Vec<usize> {
    // The condition may hang from a verb further down the threatened act ("threatened to stop
    // negotiations to reduce weapons *if the United States* goes ahead"): walk the chain of
    // infinitives (`xcomp`, and `advcl` marked "to") a few steps down.
    let mut clauses = vec![trig];
    let mut k = 0;
    while k < clauses.len() && clauses.len() < 8 {
        let v = clauses[k];
        k += 1;
        clauses.extend(s.children(v).filter(|&c| {
            let rel = base(&s.words[c].deprel);
            rel == "xcomp" || rel == "advcl" && crate::syntax::has_to_mark(s, c)
        }));
    }
    for v in clauses {
        for c in s.children(v) {
            let conditional = base(&s.words[c].deprel) == "advcl"
                && s.children(c).any(|m| {
                    s.words[m].deprel == "mark"
                        && matches!(s.words[m].lemma.as_str(), "unless" | "if")
                });
            if conditional {
                let subj: Vec<usize> = s
                    .children(c)
                    .filter(|&w| matches!(s.words[w].deprel.as_str(), "nsubj" | "nsubj:pass"))
                    .collect();
                if !subj.is_empty() {
                    return with_conjuncts(s, subj);
                }
            }
        }
    }
    Vec::new()
}

/// "Benin opened its borders ..., *but was still refusing* admittance to Ghanaians, police
/// said": a parser may hang both halves on the closing speech verb as sibling clauses. A
/// clause opened by "but"/"and" without a subject of its own shares the subject of the
/// nearest sibling clause before it.
pub(crate) fn coordinated_sibling_subject(s: &Sentence, v: usize, g: usize) -> Option<Vec<usize>> {
    if !matches!(base(&s.words[v].deprel), "ccomp" | "parataxis") {
        return None;
    }
    let coordinated = s
        .children(v)
        .any(|c| s.words[c].deprel == "cc" && matches!(s.words[c].lemma.as_str(), "but" | "and"));
    if !coordinated {
        return None;
    }
    let siblings: Vec<usize> = s
        .children(g)
        .filter(|&c| c < v && matches!(base(&s.words[c].deprel), "ccomp" | "parataxis"))
        .collect();
    siblings.into_iter().rev().find_map(|sib| {
        let subj: Vec<usize> = s
            .children(sib)
            .filter(|&c| s.words[c].deprel == "nsubj")
            .collect();
        (!subj.is_empty()).then_some(subj)
    })
}

/// Whether word `w` stands between an odd number of quotation marks before it in the
/// sentence (straight or curly, opening or closing alike).
pub(crate) fn in_quote(s: &Sentence, w: usize) -> bool {
    let quotes = s.words[..w.min(s.words.len())]
        .iter()
        .filter(|x| {
            x.upos == "PUNCT"
                && matches!(
                    x.form.as_str(),
                    "\"" | "``" | "''" | "\u{201c}" | "\u{201d}"
                )
        })
        .count();
    quotes % 2 == 1
}

/// The grammatical person of word `w` ("1" for "I"/"we"), when the tagger gives one.
pub(crate) fn person(s: &Sentence, w: usize) -> Option<&str> {
    feat(s, w, "Person")
}

/// Accidents and forces of nature: as the subject of "kill", "injure" or "destroy" they are no
/// actor's violence ("a storm destroyed homes", "floods in Zimbabwe killed 246 people").
const NATURE_NOUN: &[&str] = &[
    "crash",
    "accident",
    "collision",
    "earthquake",
    "quake",
    "tremor",
    "storm",
    "hurricane",
    "typhoon",
    "cyclone",
    "tornado",
    "flood",
    "flooding",
    "landslide",
    "mudslide",
    "avalanche",
    "tsunami",
    "fire",
    "blaze",
    "wildfire",
    "heatwave",
    "lightning",
    "disease",
    "outbreak",
    "epidemic",
];
/// Vehicles: an accident when nobody is named with them ("their plane crashed, killing"); "a
/// Russian jet", "Israeli warplanes" or "military trucks" act for their users.
const VEHICLE_NOUN: &[&str] = &[
    "plane", "aircraft", "airliner", "car", "truck", "lorry", "bus", "train", "vehicle", "boat",
    "ferry", "ship",
];
/// Verbs of accidents whose participle clause reports the toll ("the plane *crashed*,
/// killing three people").
const ACCIDENT_VERB: &[&str] = &[
    "crash", "collide", "capsize", "derail", "collapse", "overturn",
];

/// The word that shows violence at trigger `trig` to be an accident, if any: the source is an
/// accident or a force of nature, or a vehicle named with nobody, or the trigger is the toll
/// clause of an accident verb.
pub(crate) fn accident(s: &Sentence, trig: usize, src: &[usize]) -> Option<usize> {
    let owned = |w: usize| {
        s.children(w).any(|c| {
            let x = &s.words[c];
            matches!(base(&x.deprel), "amod" | "compound")
                && (x.form.starts_with(char::is_uppercase)
                    || matches!(
                        x.lemma.as_str(),
                        "military" | "army" | "naval" | "enemy" | "police"
                    ))
        })
    };
    if let Some(&w) = src.iter().find(|&&w| {
        let l = s.words[w].lemma.as_str();
        NATURE_NOUN.contains(&l) || VEHICLE_NOUN.contains(&l) && !owned(w)
    }) {
        return Some(w);
    }
    // "crashed suddenly, killing three people and critically *injuring* two": up through the
    // toll's own conjuncts.
    let mut w = trig;
    for _ in 0..3 {
        let g = s.head(w)?;
        if !matches!(base(&s.words[w].deprel), "advcl" | "conj" | "xcomp") {
            return None;
        }
        if ACCIDENT_VERB.contains(&s.words[g].lemma.as_str()) {
            return Some(g);
        }
        w = g;
    }
    None
}

/// The "for" phrase of noun trigger `trig`, where parsers often hang the noun's own "to" or
/// "against" phrase: "a request for legal assistance *to Russia*". The phrase may hang on
/// the noun or, right after it, on the verb whose object the noun is ("sent a request for
/// assistance").
pub(crate) fn for_phrase(s: &Sentence, trig: usize) -> Vec<usize> {
    if s.words[trig].upos != "NOUN" {
        return Vec::new();
    }
    let rel = |d: &str| Rel {
        deprel: d.into(),
        case: Some("for".into()),
    };
    let mut out = follow(s, trig, &[rel("nmod")]);
    if base(&s.words[trig].deprel) == "obj" {
        if let Some(g) = s.head(trig) {
            // Only the phrase right after the noun: every word between hangs on the noun or
            // inside the phrase.
            out.extend(follow(s, g, &[rel("obl")]).into_iter().filter(|&o| {
                o > trig
                    && (trig + 1..o)
                        .all(|k| s.head(k).is_some_and(|h| h == trig || (trig < h && h <= o)))
            }));
        }
    }
    out
}

/// Verbs of naming in "what it *called* insurgents", "what they *described as* terrorists".
const NAMING: &[&str] = &[
    "call", "describe", "term", "label", "dub", "brand", "consider",
];

/// "a crackdown against *what it called* Rohingya insurgents": the phrase's head is "what",
/// and the named group is the object (or "as" phrase) of the naming verb under it.
pub(crate) fn named_by_what(s: &Sentence, w: usize) -> Vec<usize> {
    if s.words[w].lemma != "what" {
        return Vec::new();
    }
    s.children(w)
        .filter(|&v| {
            base(&s.words[v].deprel) == "acl" && NAMING.contains(&s.words[v].lemma.as_str())
        })
        .flat_map(|v| {
            s.children(v).filter(|&c| {
                let as_phrase = has_case(s, c, &["as"]);
                (matches!(base(&s.words[c].deprel), "obj" | "xcomp")
                    || base(&s.words[c].deprel) == "obl" && as_phrase)
                    && !matches!(s.words[c].upos.as_str(), "PRON" | "ADV")
            })
        })
        .collect()
}

/// Ordinary people travelling make no visit in CAMEO's sense (042/043 are visits by people who
/// represent someone): "around 1,200 Moroccans traveled to Syria", "6.5 million people visited
/// Sochi". True when every source actor is civilian (sector CVL) or a country's people named
/// by a plural noun with no sector ("Moroccans"), as against the country itself ("Morocco").
pub(crate) fn private_travel(s: &Sentence, sources: &[usize], actors: &[ActorSpan]) -> bool {
    !sources.is_empty()
        && sources.iter().all(|&k| {
            let Some(a) = actors.get(k) else {
                return false;
            };
            // An unnamed actor's code is its sector after "---" ("---CVL").
            let sector = a.code.get(a.country.len()..).unwrap_or("");
            let sector = sector.trim_start_matches('-');
            let plural = s
                .words
                .get(a.head_word)
                .is_some_and(|w| matches!(w.xpos.as_str(), "NNS" | "NNPS"));
            sector.starts_with("CVL") || (sector.is_empty() && !a.country.is_empty() && plural)
        })
}
