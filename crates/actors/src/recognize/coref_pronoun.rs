//! Which earlier mention a personal pronoun stands for, read from the mentions and the text
//! alone (this stage has no parse). The choice follows what a reader leans on:
//! - agreement: he/she name a person (or a person's role: "the minister"), never a country;
//!   it/its a country, organisation or a body ("the ministry"), never a person; they/their
//!   a plural actor first, a country or organisation only as the subject of its sentence.
//!   Gender comes from the KB, else a title ("Mr", "Queen") or a first name;
//! - salience: in the pronoun's own sentence the nearest candidate before it; further back
//!   the subject of the previous sentence (its first actor not inside a preposition phrase)
//!   over its objects; "..., he said" after a quote skips the names inside the quote;
//! - doubt: a pleonastic "it" ("it is unclear"), a nearest candidate that names no country (an
//!   unknown name), or "it"/"they" with nothing agreeing in the previous sentence leave the
//!   pronoun unresolved, so the event has no actor instead of a wrong one.

#[path = "coref_gender.rs"]
mod gender;

use crate::recognize::lexicon::Pronoun;
use crate::recognize::{Mention, MentionKind};
use gender::{gender, personal_role, PERSON_ROLES};

/// How many sentences back he/she look for their antecedent (a person stays the topic).
const PERSON_WINDOW: usize = 2;
/// How many sentences back it/they look: beyond the previous sentence "it" and "they" far
/// more often stand for things than for the actor last named.
const THING_WINDOW: usize = 1;

/// Words that start a preposition phrase: a mention right after one is not a subject.
const PREPOSITIONS: &str =
    "in to with of from by for against on at into about over between among toward towards \
    after before under than like through across within without via near despite";

/// Whether `w` is one of the space-separated words of `list`.
fn listed(list: &str, w: &str) -> bool {
    list.split_whitespace().any(|x| x == w)
}

/// How well a candidate agrees with the pronoun: `None` never; `Some(0)` well, `Some(1)`
/// acceptably (a country or organisation as "they").
fn agreement(text: &str, a: &Mention, p: Pronoun) -> Option<u8> {
    match p {
        Pronoun::He | Pronoun::She => {
            let personal = match a.kind {
                MentionKind::Person => true,
                MentionKind::Agent => !a.plural && personal_role(a),
                // An unknown capitalised name may be a person: it competes, and having no
                // country it leaves the pronoun unresolved when it wins.
                MentionKind::Unknown => a.rule == "unknown_name",
                _ => false,
            };
            let fits = gender(text, a).is_none_or(|f| f == (p == Pronoun::She));
            (personal && fits).then_some(0)
        }
        Pronoun::It => {
            let fits = !a.plural
                && match a.kind {
                    MentionKind::Country | MentionKind::Org | MentionKind::Igo => true,
                    MentionKind::Agent => !personal_role(a),
                    MentionKind::Unknown => a.rule == "unknown_name",
                    _ => false,
                };
            fits.then_some(0)
        }
        Pronoun::They => {
            if a.plural && a.kind != MentionKind::Place {
                return Some(0);
            }
            // News outlets are "it"; a state or body may be "they" (its officials).
            let media = a.sectors.iter().any(|s| s == "MED");
            // "The US military said they ...": a body named by its role word counts too.
            let body = match a.kind {
                MentionKind::Country | MentionKind::Org | MentionKind::Igo => true,
                MentionKind::Agent => !personal_role(a),
                _ => false,
            };
            (body && !media && a.rule != "pronoun").then_some(1)
        }
    }
}

/// "It is unclear whether ...", "it was time to ...": an "it" that stands for nothing.
fn pleonastic(text: &str, m: &Mention) -> bool {
    let w = text.get(m.start..m.end).unwrap_or("");
    if !w.eq_ignore_ascii_case("it") {
        return false;
    }
    let rest = text.get(m.end..).unwrap_or("");
    let mut next = rest
        .split_whitespace()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .map(str::to_lowercase);
    let Some(mut w1) = next.next() else {
        return false;
    };
    if matches!(
        w1.as_str(),
        "seems"
            | "seemed"
            | "appears"
            | "appeared"
            | "remains"
            | "remained"
            | "matters"
            | "means"
            | "meant"
            | "takes"
            | "took"
            | "emerged"
            | "turned"
    ) {
        return true;
    }
    // "when it comes to trade"
    if matches!(w1.as_str(), "comes" | "came") && next.clone().next().as_deref() == Some("to") {
        return true;
    }
    // "it's", "it is", "it will be", "it has been", "it is not"
    let mut be = matches!(w1.as_str(), "is" | "was" | "'s" | "isn't" | "wasn't");
    while matches!(
        w1.as_str(),
        "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "has"
            | "had"
            | "is"
            | "was"
            | "'s"
            | "not"
            | "be"
            | "been"
            | "isn't"
            | "wasn't"
            | "also"
            | "still"
    ) {
        be |= matches!(w1.as_str(), "be" | "been");
        match next.next() {
            Some(w) => w1 = w,
            None => return false,
        }
    }
    if !be {
        return false;
    }
    // After the copula: an action ("it is preparing", "it was attacked") is referential;
    // reporting verbs and everything else ("unclear", "time", "the first") are not.
    let reporting = matches!(
        w1.as_str(),
        "said"
            | "believed"
            | "reported"
            | "thought"
            | "expected"
            | "feared"
            | "estimated"
            | "understood"
            | "known"
            | "unclear"
            | "clear"
            | "likely"
            | "unlikely"
            | "possible"
            | "impossible"
            | "important"
            | "necessary"
            | "time"
            | "hard"
            | "difficult"
            | "easy"
            | "true"
            | "worth"
            | "not"
            // Adjectives in -ing: "it is striking that ...".
            | "striking"
            | "surprising"
            | "interesting"
            | "worrying"
            | "alarming"
            | "troubling"
            | "shocking"
            | "disappointing"
            | "encouraging"
    );
    reporting || !(w1.ends_with("ing") || w1.ends_with("ed"))
}

/// For "..., he said" or `," he said`: the byte where the quote it closes opens, so that names
/// quoted are not taken as the speaker. `None` when the pronoun does not follow a quote.
fn quote_opening(text: &str, sentence_start: usize, m: &Mention) -> Option<usize> {
    let before = text.get(sentence_start..m.start)?;
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    let last = trimmed.chars().next_back()?;
    if !matches!(last, '"' | '\u{201d}') {
        return None;
    }
    let inner = &trimmed[..trimmed.len() - last.len_utf8()];
    let open = inner.rfind(['"', '\u{201c}'])?;
    Some(sentence_start + open)
}

/// The mention the pronoun `out[i]` stands for, if one is clear; `keep[j]` false marks
/// mentions already dropped (pronouns left unresolved), which cannot be antecedents.
pub(crate) fn antecedent(
    text: &str,
    out: &[Mention],
    keep: &[bool],
    i: usize,
    p: Pronoun,
) -> Option<usize> {
    let m = &out[i];
    if p == Pronoun::It && pleonastic(text, m) {
        return None;
    }
    let s = m.sentence;
    // "He thanked Putin": a pronoun is not the actor its own sentence names after it.
    let later: Vec<&Mention> = out[i + 1..]
        .iter()
        .take_while(|l| l.sentence == s)
        .collect();
    let actorish = |j: usize| {
        keep[j]
            && out[j].kind != MentionKind::Place
            && !later.iter().any(|l| same_entity(&out[j], l))
    };
    // Same sentence first, nearest before the pronoun; after a closing quote the speaker is
    // outside the quote.
    let first_in_sentence = (0..i)
        .rev()
        .take_while(|&j| out[j].sentence == s)
        .last()
        .unwrap_or(i);
    let sentence_start = out
        .get(first_in_sentence)
        .filter(|f| f.sentence == s)
        .map_or(m.start, |f| sentence_start_of(text, f.start));
    let quote = quote_opening(text, sentence_start, m);
    if of_quantity(text, m) {
        return None;
    }
    let mut best: Option<(usize, u8)> = None;
    let reported = after_speech_verb(text, m);
    let object = text
        .get(m.start..m.end)
        .is_some_and(|w| matches!(w, "him" | "them"));
    let mut nearest = true;
    let mut fallback = None;
    // Only a subject pronoun prefers a subject; "wrote to Zuma, asking him" and "met with
    // Putin at his dacha" point at the name after the preposition.
    let nominative = text
        .get(m.start..m.end)
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "he" | "she" | "they" | "it"));
    for j in (0..i).rev().take_while(|&j| out[j].sentence == s) {
        if !actorish(j) || quote.is_some_and(|q| out[j].start >= q) {
            continue;
        }
        if nominative && fronted_description(text, sentence_start, &out[j], m) {
            continue;
        }
        let first = std::mem::replace(&mut nearest, false);
        // "the Gulen movement, which it considers": the noun a relative clause modifies is
        // its object, not the pronoun; "Duterte had authorised him": an object pronoun is
        // not the subject of its own clause.
        if first && (relative_on(text, &out[j], m) || object && subject_of_clause(text, &out[j], m))
        {
            continue;
        }
        // "Trillanes, one of Duterte's critics, said he would resign": the subject of the
        // speech verb, not the nearest name; so a possessor or a name after a preposition
        // is passed over.
        if reported && (possessive(text, &out[j]) || after_preposition(text, &out[j])) {
            continue;
        }
        if let Some(a) = agreement(text, &out[j], p) {
            // A state or body as "they" only as a subject, not after "by" or "with"; any
            // other name after a preposition only when nothing else in the sentence agrees
            // ("Sater, who dined with Artemenko, said he": not Artemenko).
            if after_preposition(text, &out[j]) && (a == 1 || nominative) {
                if a == 0 && fallback.is_none() {
                    fallback = Some((j, a));
                }
                continue;
            }
            if best.is_none_or(|(_, b)| a < b) {
                best = Some((j, a));
            }
            if a == 0 {
                break;
            }
        }
    }
    best = best.or(fallback);
    let window = match p {
        Pronoun::He | Pronoun::She => PERSON_WINDOW,
        Pronoun::It | Pronoun::They => THING_WINDOW,
    };
    let mut back = 1;
    while best.is_none() && back <= window {
        let Some(t) = s.checked_sub(back) else { break };
        best = in_previous(text, out, &actorish, i, t, p);
        back += 1;
    }
    let (j, _) = best?;
    // "the health minister said the dose was so high it killed him": a thing named as a
    // subject between the actor and "it" is the nearer antecedent; it is no actor, so the
    // pronoun names none rather than the actor further back.
    let from = if out[j].sentence == s {
        out[j].end
    } else {
        sentence_start
    };
    // Only the subject "it": a possessive "its" after such a clause still names the body
    // ("Uber said the tool was used to deter passengers threatening its drivers").
    let subject_it = text
        .get(m.start..m.end)
        .is_some_and(|w| w.eq_ignore_ascii_case("it"));
    if subject_it && thing_subject(text.get(from..m.start).unwrap_or("")) {
        return None;
    }
    // A nearest candidate that names no country (an unknown name) wins over any farther one:
    // the pronoun stays unresolved rather than skipping to an actor it does not mean. A
    // role still waiting for the article's country ("The ministry said its envoy") is
    // linked all the same; `coref::propagate` copies its country once it has one.
    let waits = out[j].kind == MentionKind::Agent && !out[j].sectors.is_empty();
    (out[j].country.is_some() || waits).then_some(j)
}

/// The best candidate in sentence `t`: its subject (the first actor not after a preposition)
/// when it agrees, else the first agreeing mention; a country or organisation as "they" only
/// when it is that subject.
fn in_previous(
    text: &str,
    out: &[Mention],
    actorish: &dyn Fn(usize) -> bool,
    i: usize,
    t: usize,
    p: Pronoun,
) -> Option<(usize, u8)> {
    let from = i.saturating_sub(super::LINK_WINDOW);
    let js: Vec<usize> = (from..i)
        .filter(|&j| out[j].sentence == t && actorish(j))
        .collect();
    let subject = js
        .iter()
        .copied()
        .find(|&j| !after_preposition(text, &out[j]));
    // "The tombstones were toppled, police said. Many of them ...": when a verb comes before
    // the first actor, the sentence is about something else, which "it"/"they" then mean.
    let thing = matches!(p, Pronoun::It | Pronoun::They);
    if thing && js.first().is_some_and(|&j| verb_before(text, &out[j])) {
        return None;
    }
    if let Some(j) = subject {
        if let Some(a) = agreement(text, &out[j], p) {
            return Some((j, a));
        }
    }
    js.into_iter()
        .filter(|&j| Some(j) != subject)
        .find_map(|j| match agreement(text, &out[j], p) {
            Some(0) => Some((j, 0)),
            _ => None,
        })
}

/// Whether `between` holds a definite noun phrase that is a clause's subject: "the", "this" or
/// "that", one or two lower-case words, then a finite auxiliary ("the dose was", "this
/// decision has").
fn thing_subject(between: &str) -> bool {
    let words: Vec<String> = between
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .map(str::to_string)
        .collect();
    let aux = |w: &str| {
        matches!(
            w,
            "was" | "is" | "has" | "had" | "would" | "will" | "could" | "can" | "did" | "does"
        )
    };
    let noun = |w: &str| {
        !w.is_empty()
            && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !listed(PERSON_ROLES, w)
            && !aux(w)
    };
    (0..words.len()).any(|k| {
        matches!(
            words[k].as_str(),
            "the" | "this" | "that" | "The" | "This" | "That"
        ) && (1..=2).any(|n| {
            words.len() > k + n + 1
                && words[k + 1..=k + n].iter().all(|w| noun(w))
                && aux(&words[k + n + 1])
        })
    })
}

/// Speech verbs whose complement's pronoun subject is usually their own subject.
const SPEECH: &str =
    "said says saying added stated announced insisted claimed warned noted argued believes \
    believed thinks thought hopes hoped promised vowed pledged confirmed denied admitted \
    declared explained";

/// "X said (that) he": the pronoun follows a speech verb, with at most "that" between.
fn after_speech_verb(text: &str, m: &Mention) -> bool {
    let before = text.get(..m.start).unwrap_or("");
    let mut words = before.split_whitespace().rev().map(str::to_lowercase);
    let mut w = words.next().unwrap_or_default();
    if w == "that" {
        w = words.next().unwrap_or_default();
    }
    listed(SPEECH, &w)
}

/// "which it considers", "the movement that it bans": the pronoun opens a relative clause on
/// mention `a`. "that" counts only right after the mention: after a verb ("insists that it")
/// it opens a complement, whose pronoun may well be the subject.
fn relative_on(text: &str, a: &Mention, m: &Mention) -> bool {
    let before = text.get(..m.start).unwrap_or("");
    let w = before.split_whitespace().next_back().unwrap_or("");
    let between = text.get(a.end..m.start).unwrap_or("");
    let between: Vec<&str> = between
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    matches!(w.to_lowercase().as_str(), "which" | "whom") || w == "that" && between == ["that"]
}

/// "Duterte had authorised him": one to three words with no clause break between the
/// mention and the object pronoun make the mention that clause's subject.
fn subject_of_clause(text: &str, a: &Mention, m: &Mention) -> bool {
    let between = text.get(a.end..m.start).unwrap_or("");
    let words: Vec<&str> = between.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && !between.contains([',', ';', ':', '"', '\u{201c}', '\u{201d}', '(', ')'])
        && !words.iter().any(|w| {
            listed(
                "'s and but or that who which while when because said says told",
                &w.to_lowercase(),
            )
        })
}

/// "Duterte's critics": the mention is a possessor.
fn possessive(text: &str, m: &Mention) -> bool {
    let after = text.get(m.end..).unwrap_or("");
    let after = after.trim_start();
    after.starts_with("'s") || after.starts_with("\u{2019}s") || m.text.ends_with("'s")
}

/// "most of them", "two of them": a share of a group of people or things named before,
/// seldom an actor that the article has named.
fn of_quantity(text: &str, m: &Mention) -> bool {
    let w = text.get(m.start..m.end).unwrap_or("");
    if !w.eq_ignore_ascii_case("them") {
        return false;
    }
    let before = text.get(..m.start).unwrap_or("");
    let mut words = before.split_whitespace().rev().map(str::to_lowercase);
    let of = words.next().unwrap_or_default();
    let q = words.next().unwrap_or_default();
    of == "of"
        && (matches!(
            q.as_str(),
            "most"
                | "many"
                | "some"
                | "all"
                | "none"
                | "both"
                | "each"
                | "one"
                | "few"
                | "several"
                | "half"
                | "any"
                | "either"
                | "neither"
                | "majority"
                | "rest"
        ) || q.chars().all(|c| c.is_ascii_digit()) && !q.is_empty()
            || matches!(
                q.as_str(),
                "two" | "three" | "four" | "five" | "dozens" | "hundreds"
            ))
}

/// Whether two mentions name the same actor: one KB person, one KB organisation or country,
/// or a name whose words all belong to a person's name.
fn same_entity(a: &Mention, b: &Mention) -> bool {
    if a.person.is_some() || b.person.is_some() {
        return a.person == b.person || super::names(a, b);
    }
    match (a.kind, b.kind) {
        (MentionKind::Person, _) => super::names(a, b),
        (MentionKind::Country | MentionKind::Org | MentionKind::Igo, k) if k == a.kind => {
            a.code.is_some() && a.code == b.code && a.name == b.name
        }
        _ => false,
    }
}

/// Finite verbs and auxiliaries a clause about something else begins with ("The talks *were*
/// held, Russia said"); a crude test without a parse, used only to withhold "it"/"they".
const CLAUSE_VERBS: &str =
    "is are was were has have had will would could can may might must should did does do";

fn verb_before(text: &str, first: &Mention) -> bool {
    let start = sentence_start_of(text, first.start);
    text.get(start..first.start)
        .unwrap_or("")
        .split_whitespace()
        .any(|w| listed(CLAUSE_VERBS, &w.to_lowercase()))
}

fn after_preposition(text: &str, m: &Mention) -> bool {
    let before = text.get(..m.start).unwrap_or("");
    let mut words = before.split_whitespace().rev();
    let w = words.next().unwrap_or("").to_lowercase();
    let w = if w == "the" {
        words.next().unwrap_or("").to_lowercase()
    } else {
        w
    };
    listed(PREPOSITIONS, &w)
}

/// Where the sentence holding byte `at` starts, approximately: after the last ". " before it.
/// Only used to bound the quote search, so an early start is harmless.
fn sentence_start_of(text: &str, at: usize) -> usize {
    let before = text.get(..at).unwrap_or("");
    before.rfind(". ").map_or(0, |k| k + 2)
}

#[cfg(test)]
#[path = "coref_tests.rs"]
mod tests;

/// "A former central banker known for his frugality, he has pledged ...": an
/// indefinite description opening the sentence and set off by a comma describes the subject
/// pronoun after it; it is not its antecedent (the person the article named before is).
fn fronted_description(text: &str, sentence_start: usize, a: &Mention, m: &Mention) -> bool {
    let opens = text
        .get(sentence_start..a.start)
        .and_then(|p| p.split_whitespace().next())
        .is_some_and(|w| matches!(w, "A" | "An"));
    let between = text.get(a.end..m.start).unwrap_or("");
    opens && between.trim_end().ends_with(',') && !between.contains(['.', ';', '"'])
}
