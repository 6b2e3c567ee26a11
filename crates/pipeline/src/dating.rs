//! Which date an event takes: the date expressions of its own clause, else of a clause above
//! it, with the rules that keep a report's date off the act it reports.

use crate::build::{clause_hops, hops_up};
use sitrep_events::dates::{Basis, DateMatch};
use sitrep_events::Sentence;

/// The date expressions that may date the event, nearest first. A date inside the trigger's
/// own clause wins. Otherwise the date of a governing clause is borrowed ("Shoigu said
/// *Monday* that the two countries may hold war games"), unless the trigger's clause has its
/// own vague time word ("traveled to Pyongyang *recently*"): then the event is not on the day
/// of the statement, and the row falls back to the publication date with the vague words.
/// A reported act (`actual`) does not borrow the date of the report across a `ccomp` or
/// `parataxis`: "X said *on Monday* that Y had attacked Z" does not say when the attack was,
/// unless the report says it is going on ("said on Monday that its jets *are striking*").
/// An announced, intended or threatened act is the announcement itself and keeps its date.
pub(crate) fn attached_dates(
    s: &Sentence,
    ds: &[DateMatch],
    trigger: usize,
    actual: bool,
) -> Vec<DateMatch> {
    let under = |d: &DateMatch| {
        d.tokens
            .clone()
            .any(|t| clause_hops(s, t, trigger).is_some() && !in_other_conjunct(s, t, trigger))
    };
    let own: Vec<DateMatch> = ds.iter().filter(|d| under(d)).cloned().collect();
    if own.iter().any(|d| d.date.date.is_some()) {
        return nearest_dates(&own, trigger);
    }
    if own
        .iter()
        .any(|d| matches!(d.date.basis, Basis::Vague | Basis::Span))
    {
        return own;
    }
    // Borrow only from clauses above the trigger, never from a sibling or a clause below.
    // A date at the root of the sentence that governs the trigger is a dateline
    // ("(16.02.2017) Lithuania has launched a probe") and dates it. A date lower down that a
    // parser made the head of a clause ("said on *Monday* that troops had shelled ...") is not.
    let above: Vec<DateMatch> = ds
        .iter()
        .filter(|d| {
            d.tokens.clone().any(|t| {
                (s.head(t).is_none() && hops_up(s, trigger, t).is_some())
                    || s.head(t).is_some_and(|h| {
                        h == trigger
                            || hops_up(s, trigger, h).is_some()
                                && !(actual
                                    && reported_below(s, trigger, h)
                                    && !ongoing(s, trigger))
                    })
            })
        })
        .cloned()
        .collect();
    nearest_dates(&above, trigger)
}

/// The date matches ordered by distance from the trigger, so the expression closest to the
/// event word wins when a sentence holds two.
fn nearest_dates(ds: &[DateMatch], trigger: usize) -> Vec<DateMatch> {
    let mut v: Vec<&DateMatch> = ds.iter().filter(|d| d.date.date.is_some()).collect();
    v.sort_by_key(|d| {
        let (s, e) = (d.tokens.start, d.tokens.end);
        if trigger < s {
            s - trigger
        } else if trigger >= e {
            trigger + 1 - e
        } else {
            0
        }
    });
    let mut out: Vec<DateMatch> = v.into_iter().cloned().collect();
    // Vague words ("recently") and spans are kept after the real dates so their text is
    // reported when nothing better exists.
    out.extend(
        ds.iter()
            .filter(|d| matches!(d.date.basis, Basis::Vague | Basis::Span))
            .cloned(),
    );
    out
}

/// Whether the way up from date word `from` to the trigger enters a coordinated noun phrase
/// of its own (a common noun with its own determiner): "denied responsibility for the
/// bombardment and *a separate UN probe in December* said ..." (a parser may hang the second
/// clause's subject on the first clause's object) dates the probe, not the denial. A bare
/// conjunct ("the arrests of X and Y on Monday") may still be the trigger's.
fn in_other_conjunct(s: &Sentence, from: usize, trigger: usize) -> bool {
    let mut cur = from;
    for _ in 0..=s.words.len().min(64) {
        if cur == trigger {
            return false;
        }
        let Some(h) = s.head(cur) else {
            return false;
        };
        let w = &s.words[cur];
        if w.deprel == "conj"
            && w.upos == "NOUN"
            && s.children(cur).any(|c| s.words[c].deprel == "det")
        {
            return true;
        }
        cur = h;
    }
    false
}

/// The sentence's date expressions, each read in the past when it hangs from a verb in the
/// past tense. The sentence-wide tense hint reads "Iran said *on Sunday* that it will hold
/// talks" as a future Sunday because of "will"; the Sunday of "said" is a past one.
pub(crate) fn past_where_told(
    s: &Sentence,
    ds: Vec<DateMatch>,
    past: Vec<DateMatch>,
) -> Vec<DateMatch> {
    ds.into_iter()
        .map(|d| {
            let told = d.tokens.clone().any(|t| {
                s.head(t).is_some_and(|h| {
                    !d.tokens.contains(&h)
                        && s.words[h].xpos == "VBD"
                        && s.children(h).all(|c| s.words[c].deprel != "aux")
                })
            });
            match past
                .iter()
                .find(|p| p.tokens == d.tokens && p.span == d.span)
            {
                Some(p) if told => p.clone(),
                _ => d,
            }
        })
        .collect()
}

/// Whether the way up from `from` to its ancestor `to` leaves a reported clause (a `ccomp` or
/// `parataxis` complement of a saying verb).
fn reported_below(s: &Sentence, from: usize, to: usize) -> bool {
    let mut cur = from;
    for _ in 0..=s.words.len().min(64) {
        if cur == to {
            return false;
        }
        let rel = s.words[cur].deprel.split(':').next().unwrap_or("");
        // Only a clause under a verb is reported: a dateline ("7 February 2017: Leicester
        // give ...") hangs the text from the date itself.
        let under_verb = s.head(cur).is_some_and(|h| s.words[h].upos == "VERB");
        if matches!(rel, "ccomp" | "parataxis") && under_verb {
            return true;
        }
        let time_head = s.head(cur).is_some_and(|h| {
            sitrep_events::dates::TIME_NOUNS.contains(&s.words[h].form.to_lowercase().as_str())
        });
        if rel == "acl" && time_head {
            return true;
        }
        match s.head(cur) {
            Some(h) => cur = h,
            None => return false,
        }
    }
    false
}

/// The trigger's clause is in the present ("are striking", "is holding talks"): what is
/// reported is going on when it is reported.
fn ongoing(s: &Sentence, trigger: usize) -> bool {
    let present = |w: usize| {
        let x = &s.words[w];
        matches!(x.xpos.as_str(), "VBZ" | "VBP") || x.feats.contains("Tense=Pres")
    };
    // A noun trigger ("talks are under way") takes the tense of its verb.
    let verb = if s.words[trigger].upos == "NOUN" {
        s.head(trigger).unwrap_or(trigger)
    } else {
        trigger
    };
    let auxes: Vec<usize> = s
        .children(verb)
        .filter(|&c| matches!(s.words[c].deprel.as_str(), "aux" | "aux:pass" | "cop"))
        .collect();
    if auxes.is_empty() {
        return present(verb);
    }
    // "has attacked" is a finished act, "is attacking" a running one, and so is "was
    // launching" in reported speech (the tense of the report moved back).
    let progressive =
        s.words[verb].xpos == "VBG" && auxes.iter().any(|&a| s.words[a].lemma == "be");
    auxes.iter().all(|&a| s.words[a].lemma != "have")
        && (progressive || auxes.iter().any(|&a| present(a)))
}
