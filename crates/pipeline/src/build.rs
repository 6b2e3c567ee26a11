//! From matcher candidates to [`Event`] rows: actors, CAMEO and PLOVER fields, modality,
//! attribution, date, location, evidence and confidence; and the `--explain` lines.

use crate::adapt::{is_unnamed, Analysed, SentInfo};
use crate::dating::{attached_dates, past_where_told};
use crate::Pipeline;
use sitrep_actors::recognize::{Mention, MentionKind, PlaceInfo};
use sitrep_doc::{Attribution, Cameo, Event, EventActor, Evidence, Location, Plover};
use sitrep_events::dates::{event_date, find_dates, Tense, Ymd};
use sitrep_events::{Candidate, Matcher, Modality, Ontology, RejectReason, Sentence};

/// How many steps up the tree a place may be from the trigger and still be the event's place
/// ("visited Pyongyang": 1; "held talks in Vladivostok": 2 via "talks"... kept small so a
/// place in another clause is not taken).
const PLACE_MAX_HOPS: usize = 3;

/// Confidence taken from an event whose trigger lies below another coded event's trigger.
const DOMINATED_PENALTY: f32 = 0.15;

/// Confidence taken from an event in an adjunct, a relative clause or a noun's modifier when
/// the sentence also codes an event in its main clause (see [`in_background`]).
const BACKGROUND_PENALTY: f32 = 0.2;

/// Codes every parsed sentence and appends one row per (source, target) pair.
pub(crate) fn code_sentences(
    p: &Pipeline,
    article_id: &str,
    text: &str,
    a: &Analysed,
    published: Option<Ymd>,
    rows: &mut Vec<Event>,
    mut explain: Option<&mut Vec<String>>,
) {
    let matcher = Matcher::new(&p.dict);
    let ont = Ontology::embedded();
    for (si, info) in a.sentences.iter().enumerate() {
        let Some(s) = &info.parsed else {
            if let Some(x) = explain.as_deref_mut() {
                let why = info.skipped.unwrap_or("empty");
                x.push(format!("sentence {si}: not parsed ({why})"));
            }
            continue;
        };
        let found = matcher.run(s, &info.actors);
        if let Some(x) = explain.as_deref_mut() {
            explain_sentence(x, si, s, info, a, &found);
        }
        if found.events.is_empty() {
            continue;
        }
        let tense = sitrep_events::dates::guess_tense(&s.text);
        let offsets: Vec<(usize, usize)> = s.words.iter().map(|w| (w.start, w.end)).collect();
        let dates = published.map(|d| {
            let ds = find_dates(&s.text, &offsets, d, tense);
            past_where_told(s, ds, find_dates(&s.text, &offsets, d, Tense::Past))
        });
        for c in &found.events {
            let pairs = dyads(c, info, a);
            for (src, tgt) in pairs {
                let Some(source) = actor(text, a, info, src) else {
                    continue;
                };
                let target = tgt.and_then(|t| actor(text, a, info, t));
                let unnamed = is_unnamed(&source.code)
                    || target.as_ref().is_some_and(|t| is_unnamed(&t.code));
                // An unnamed source acts only as the trigger's own active subject:
                // the act of "an attack on civilians" or "a pullout of foreign military"
                // is not theirs, and with no name to check the reading against, a looser
                // attachment is mostly wrong.
                if is_unnamed(&source.code) && !subject_of(s, info.actors[src].head_word, c.trigger)
                {
                    continue;
                }
                let entry = ont.get(c.code);
                let code = c.code.as_str().to_string();
                let (date, date_text, date_basis) = match (published, &dates) {
                    (Some(pd), Some(ds)) => {
                        let actual = c.modality == Modality::Actual;
                        let dr = event_date(&attached_dates(s, ds, c.trigger, actual), pd);
                        let text = (!dr.text.is_empty()).then(|| dr.text.clone());
                        (dr.date, text, dr.basis.as_str().to_string())
                    }
                    _ => (None, None, "none".to_string()),
                };
                let location = location(s, info, a, c, tgt).or_else(|| venue(s, info, a, si, c));
                let ev = Evidence {
                    sentence: s.text.clone(),
                    sentence_index: si as u32,
                    start: char_offset(text, info.span.start),
                    end: char_offset(text, info.span.end),
                    trigger: trigger_text(s, c),
                    // A user filters the rows of unnamed actors by this mark.
                    rule: if unnamed {
                        format!("{}{UNNAMED_RULE}", c.rule)
                    } else {
                        c.rule.clone()
                    },
                };
                let mut e = Event {
                    event_id: String::new(),
                    article_id: article_id.to_string(),
                    source,
                    target,
                    cameo: Cameo {
                        root: c.code.root().as_str().to_string(),
                        name: entry.map_or("", |e| e.name).to_string(),
                        goldstein: c.goldstein,
                        quad_class: entry.map_or(0, |e| e.quad as u8),
                        code,
                    },
                    plover: Plover {
                        event_type: c.plover_type.map_or("", |t| t.as_str()).to_string(),
                        mode: c.plover_mode.map(|m| m.as_str().to_string()),
                    },
                    negated: c.negated,
                    modality: modality_name(c.modality).to_string(),
                    attributed_to: attribution(s, info, a, c).or_else(|| quote_speaker(a, si)),
                    date,
                    date_text,
                    date_basis,
                    location,
                    evidence: vec![ev],
                    mentions: 1,
                    confidence: 0.0,
                };
                let src_m = &a.mentions[info.actor_mentions[src]];
                e.confidence = confidence(c, s, &info.actors[src], src_m, tgt.is_some(), 1);
                // An event inside the argument of another coded event ("rejected an appeal
                // for *deploying* troops", "blamed X for the *bombing*") is what the main
                // event is about, and often did not happen as such: the governing event is
                // the sentence's report and ranks first.
                if found
                    .events
                    .iter()
                    .any(|o| o.trigger != c.trigger && hops_up(s, c.trigger, o.trigger).is_some())
                {
                    e.confidence = (e.confidence - DOMINATED_PENALTY).clamp(0.05, 0.99);
                }
                // News puts its report in the main clause and the background in adjuncts and
                // relative clauses ("set fire to the offices ... *following the killing* of a
                // man", "will release the hostages, whom they had *taken*"): with a main-clause
                // event in the sentence, the background one ranks below it; both are kept.
                if in_background(s, c.trigger)
                    && found
                        .events
                        .iter()
                        .any(|o| o.trigger != c.trigger && !in_background(s, o.trigger))
                {
                    e.confidence = (e.confidence - BACKGROUND_PENALTY).clamp(0.05, 0.99);
                }
                rows.push(e);
            }
        }
    }
}

/// The (source, target) actor-span pairs of a candidate: compound actors ("Russia and China
/// condemned ...") give one row per member; an event never targets its own source code, but
/// every source keeps a row (with no target when none is a second party).
///
/// Two rules more: a joint act of a compound source with no target ("the two countries may
/// hold war games") is coded between its members, first-listed as source; and a place
/// standing for its own country is not a target of its own country's actors ("Kim ... visit
/// an arms exhibition in Pyongyang" is a visit with no target, its place the location).
fn dyads(c: &Candidate, info: &SentInfo, a: &Analysed) -> Vec<(usize, Option<usize>)> {
    let code = |k: usize| info.actors.get(k).map(|x| x.code.as_str());
    let country = |k: usize| info.actors.get(k).map(|x| x.country.as_str());
    let is_place = |k: usize| {
        info.actor_mentions
            .get(k)
            .and_then(|&m| a.mentions.get(m))
            .is_some_and(|m| m.kind == MentionKind::Place)
    };
    let mut out = Vec::new();
    // Only for cooperative interaction families (03-06: intent to cooperate, consult,
    // diplomatic and material cooperation); "Russia and China condemned ..." is not an act
    // of one on the other.
    let joint = matches!(c.code.root().as_str(), "03" | "04" | "05" | "06");
    if joint
        && c.targets.is_empty()
        && c.sources.len() == 2
        && country(c.sources[0]) != country(c.sources[1])
    {
        out.push((c.sources[0], Some(c.sources[1])));
        return out;
    }
    // A place of the source's own country is the object of a coercive or violent act done
    // there ("threatened to impose a curfew in Algiers", "farmers would blockade Paris"), but
    // not of a visit or a meeting ("Kim visited an arms exhibition in Pyongyang").
    let acts_on_place = matches!(
        c.code.root().as_str(),
        "13" | "14" | "15" | "17" | "18" | "19" | "20"
    );
    for &s in &c.sources {
        let before = out.len();
        for &t in &c.targets {
            if code(s) == code(t) || (is_place(t) && country(s) == country(t) && !acts_on_place) {
                continue;
            }
            out.push((s, Some(t)));
        }
        // A target left out above is the source itself (same code) or its own country's
        // place, not a second party; the event still happened and keeps its row, without a
        // target. A domestic target of another sector ("police arrested protesters") is a
        // distinct actor and was kept above, as GDELT and PLOVER code domestic events.
        if out.len() == before {
            out.push((s, None));
        }
    }
    out.retain(|(s, t)| *s < info.actors.len() && t.is_none_or(|t| t < info.actors.len()));
    out
}

/// Whether word `w` is the active subject of `trigger` or of a verb
/// the trigger is coordinated with or completes ("rioters robbed *and beat* him", "gunmen
/// tried *to storm*"); "hundreds *of protesters*" stand for their quantity word.
fn subject_of(s: &Sentence, w: usize, trigger: usize) -> bool {
    let Some(word) = s.words.get(w) else {
        return false;
    };
    let mut w = w;
    if word.deprel.starts_with("nmod") && word.head > 0 {
        let q = &s.words[word.head - 1];
        let quantity = matches!(
            q.lemma.as_str(),
            "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "dozen"
                | "dozens"
                | "score"
                | "scores"
                | "group"
                | "band"
                | "number"
        );
        if q.upos == "NUM" || quantity {
            w = word.head - 1;
        }
    }
    let word = &s.words[w];
    // The active subject only: a passive's "by" agent mostly tells a toll or background
    // ("civilians have been killed by the army since 1995").
    if word.deprel != "nsubj" {
        return false;
    }
    let mut t = trigger;
    for _ in 0..4 {
        if word.head == t + 1 {
            return true;
        }
        let Some(tw) = s.words.get(t) else {
            return false;
        };
        let up = tw.deprel.starts_with("conj") || tw.deprel.starts_with("xcomp");
        if !up || tw.head == 0 {
            return false;
        }
        t = tw.head - 1;
    }
    false
}

/// The mark appended to the evidence rule of a row with an unnamed actor (code `---REB`).
pub(crate) const UNNAMED_RULE: &str = "+unnamed";

fn actor(text: &str, a: &Analysed, info: &SentInfo, span: usize) -> Option<EventActor> {
    let sp = info.actors.get(span)?;
    let m = a.mentions.get(*info.actor_mentions.get(span)?)?;
    let sector = if m.kind == MentionKind::Place {
        Vec::new()
    } else {
        m.sectors.clone()
    };
    Some(EventActor {
        text: m.text.clone(),
        country: Some(sp.country.clone()).filter(|c| !c.is_empty()),
        sector,
        code: sp.code.clone(),
        start: char_offset(text, m.start),
        end: char_offset(text, m.end),
    })
}

/// The place the sentence ties to the event: a place mention whose head is within a few
/// steps below the trigger, or the event's target when that is a place ("visited Pyongyang").
fn location(
    s: &Sentence,
    info: &SentInfo,
    a: &Analysed,
    c: &Candidate,
    tgt: Option<usize>,
) -> Option<Location> {
    let mut best: Option<(usize, &Mention)> = None;
    for (k, sp) in info.actors.iter().enumerate() {
        let m = &a.mentions[info.actor_mentions[k]];
        if m.kind != MentionKind::Place || m.place.is_none() {
            continue;
        }
        let hops = if Some(k) == tgt {
            Some(0)
        } else {
            hops_to_trigger(s, sp.head_word, c.trigger)
        };
        if let Some(h) = hops.filter(|&h| h <= PLACE_MAX_HOPS) {
            if best.is_none_or(|(bh, _)| h < bh) {
                best = Some((h, m));
            }
        }
    }
    best?.1.place.as_ref().map(place_location)
}

/// The venue a name in the sentence gives ("the *Geneva* talks", "a *Kabul*-based reporter"):
/// the actor stage keeps such a place out of the actors but keeps its gazetteer entry, and
/// it locates the event when no place actor does and it sits in the trigger's clause.
fn venue(
    s: &Sentence,
    info: &SentInfo,
    a: &Analysed,
    si: usize,
    c: &Candidate,
) -> Option<Location> {
    let base = info.span.start;
    let mut best: Option<(usize, &Mention)> = None;
    for m in &a.mentions {
        if m.sentence != si || m.rule != sitrep_actors::recognize::named::VENUE {
            continue;
        }
        if m.place.is_none() {
            continue;
        }
        // The last word of the span: place names are head-final.
        let Some(head) = (0..s.words.len())
            .rev()
            .find(|&k| s.words[k].end + base <= m.end && s.words[k].end + base > m.start)
        else {
            continue;
        };
        if let Some(h) = hops_to_trigger(s, head, c.trigger).filter(|&h| h <= PLACE_MAX_HOPS + 1) {
            if best.is_none_or(|(bh, _)| h < bh) {
                best = Some((h, m));
            }
        }
    }
    best?.1.place.as_ref().map(place_location)
}

/// Steps from a place's head up to the trigger; a nominal trigger that is the object of a
/// verb ("held *talks* in Geneva", where the parser may attach the place to "held") is also
/// reached through that verb, one step further.
fn hops_to_trigger(s: &Sentence, from: usize, trigger: usize) -> Option<usize> {
    clause_hops(s, from, trigger).or_else(|| {
        let w = s.words.get(trigger)?;
        let verb = s.head(trigger)?;
        let governed = matches!(w.upos.as_str(), "NOUN" | "PROPN")
            && w.deprel == "obj"
            && s.words.get(verb)?.upos == "VERB";
        if !governed {
            return None;
        }
        clause_hops(s, from, verb).map(|h| h + 1)
    })
}

fn place_location(p: &PlaceInfo) -> Location {
    Location {
        name: p.name.clone(),
        country: p.country.clone(),
        lat: p.lat,
        lon: p.lon,
        gazetteer_id: Some(p.id.clone()).filter(|s| !s.is_empty()),
        level: p.level.to_string(),
    }
}

/// Steps from word `from` up to `to` without passing through another verb: a place or a
/// date in a different clause ("buy drones to use in the war in Yemen") is not the
/// trigger's.
pub(crate) fn clause_hops(s: &Sentence, from: usize, to: usize) -> Option<usize> {
    let mut cur = from;
    for n in 0..=s.words.len().min(64) {
        if cur == to {
            return Some(n);
        }
        if n > 0 && matches!(s.words.get(cur)?.upos.as_str(), "VERB" | "AUX") {
            return None;
        }
        cur = s.head(cur)?;
    }
    None
}

/// Whether word `w` lies outside the main clause: on its way up to the root it passes an
/// adverbial clause, a clausal or relative modifier of a noun, a nominal modifier, an oblique
/// nominal ("*after talks* with X, Y signed") or an appositive. Complements
/// (objects, `ccomp` of a speech verb, `xcomp`) and conjuncts of the main clause stay in it:
/// "X said Y *attacked* Z" reports the attack.
fn in_background(s: &Sentence, w: usize) -> bool {
    // A nominal event introduced by a time or circumstance preposition is background
    // however the parser attached it ("*following the killing*" taken as a complement).
    let framed = s.children(w).any(|c| {
        let x = &s.words[c];
        matches!(x.deprel.as_str(), "case" | "mark")
            && matches!(
                x.lemma.as_str(),
                "after"
                    | "following"
                    | "follow"
                    | "before"
                    | "amid"
                    | "since"
                    | "during"
                    | "despite"
            )
    });
    if framed && s.words.get(w).is_some_and(|x| x.upos == "NOUN") {
        return true;
    }
    let mut cur = w;
    for _ in 0..s.words.len().min(64) {
        let Some(h) = s.head(cur) else {
            return false;
        };
        let rel = s.words.get(cur).map_or("", |x| x.deprel.as_str());
        let base = rel.split(':').next().unwrap_or(rel);
        if matches!(base, "advcl" | "acl" | "nmod" | "obl" | "appos") {
            return true;
        }
        cur = h;
    }
    false
}

/// Steps from word `from` up to `to` through heads; None when `to` is not an ancestor.
pub(crate) fn hops_up(s: &Sentence, from: usize, to: usize) -> Option<usize> {
    let mut cur = from;
    for n in 0..=s.words.len().min(64) {
        if cur == to {
            return Some(n);
        }
        cur = s.head(cur)?;
    }
    None
}

fn attribution(s: &Sentence, info: &SentInfo, a: &Analysed, c: &Candidate) -> Option<Attribution> {
    let at = c.attribution.as_ref()?;
    if let Some(&k) = at.speaker_actors.first() {
        let m = a.mentions.get(*info.actor_mentions.get(k)?)?;
        return Some(Attribution {
            text: m.text.clone(),
            country: m.country.clone(),
            sector: m.sectors.clone(),
        });
    }
    // A speaker the KB does not know ("officials said") is still reported, uncoded.
    let &w = at.speaker_words.first()?;
    Some(Attribution {
        text: s.words.get(w)?.form.clone(),
        country: None,
        sector: Vec::new(),
    })
}

/// Verbs that introduce a quotation from the sentence next to it.
const QUOTE_SPEECH: &[&str] = &["say", "tell", "add", "write", "tweet", "state", "declare"];

/// The speaker of sentence `si` when it is a quotation standing alone ("'Parliament has today
/// backed the government.' Brexit Secretary David Davis said the vote was clear."): the
/// subject of the speech verb that heads the next sentence, or of the previous sentence when
/// it ends in a colon ("Davis said:").
fn quote_speaker(a: &Analysed, si: usize) -> Option<Attribution> {
    const OPEN: &[char] = &['"', '\u{201c}', '\'', '\u{2018}'];
    const CLOSE: &[char] = &['"', '\u{201d}', '\'', '\u{2019}'];
    let s = a.sentences.get(si)?.parsed.as_ref()?;
    let text = s.text.trim();
    // The whole sentence is the quotation: it opens with a quote and closes with one (before
    // or after its final stop).
    let quoted = text.starts_with(OPEN)
        && (text.ends_with(CLOSE) || text.trim_end_matches(['.', '!', '?']).ends_with(CLOSE));
    if !quoted {
        return None;
    }
    let speaker_of = |k: usize, anywhere: bool| -> Option<Attribution> {
        let info = a.sentences.get(k)?;
        let p = info.parsed.as_ref()?;
        // The closing attribution is the last speech verb ("'All I can say is ...,' Graham
        // told CNN").
        let verb = (0..p.words.len()).rev().find(|&w| {
            (p.head(w).is_none() || anywhere)
                && QUOTE_SPEECH.contains(&p.words[w].lemma.as_str())
                && p.children(w).any(|c| p.words[c].deprel == "nsubj")
        })?;
        let subj = p.children(verb).find(|&c| p.words[c].deprel == "nsubj")?;
        let span = (0..info.actors.len())
            .find(|&x| info.actors[x].head_word == subj)
            .or_else(|| {
                (0..info.actors.len())
                    .find(|&x| info.actors[x].start_word <= subj && subj <= info.actors[x].end_word)
            });
        match span {
            Some(x) => {
                let m = a.mentions.get(*info.actor_mentions.get(x)?)?;
                Some(Attribution {
                    text: m.text.clone(),
                    country: m.country.clone(),
                    sector: m.sectors.clone(),
                })
            }
            // An unknown speaker ("the minister said") is still named, uncoded; a pronoun
            // without an actor is not.
            None if p.words[subj].upos != "PRON" => Some(Attribution {
                text: p.words[subj].form.clone(),
                country: None,
                sector: Vec::new(),
            }),
            None => None,
        }
    };
    // A quotation after a colon, or after a quotation its speaker closed ("'...,' Graham
    // told CNN. 'The current President has accused ...'"), continues the speaker before it.
    let before = si
        .checked_sub(1)
        .filter(|&k| {
            a.sentences[k].parsed.as_ref().is_some_and(|p| {
                p.text.trim_end().ends_with(':')
                    || p.text.trim_start().starts_with(OPEN) && speech_root(p)
            })
        })
        .and_then(|k| speaker_of(k, true));
    before.or_else(|| speaker_of(si + 1, false))
}

/// A speech verb with a subject of its own in sentence `p` ("..., Graham told CNN").
fn speech_root(p: &Sentence) -> bool {
    (0..p.words.len()).any(|w| {
        QUOTE_SPEECH.contains(&p.words[w].lemma.as_str())
            && p.children(w).any(|c| p.words[c].deprel == "nsubj")
    })
}

fn trigger_text(s: &Sentence, c: &Candidate) -> String {
    let mut idx: Vec<usize> = c.pattern_words.clone();
    idx.push(c.trigger);
    idx.sort_unstable();
    idx.dedup();
    idx.iter()
        .filter_map(|&i| s.words.get(i).map(|w| w.form.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn modality_name(m: Modality) -> &'static str {
    match m {
        Modality::Actual => "actual",
        Modality::Intent => "intent",
        Modality::Expectation => "expectation",
        Modality::Threat => "threat",
        Modality::Possibility => "possibility",
        // Only the content of an appeal carries this ("urged X *to support* Y"); the appeal
        // itself is coded on the appeal verb as actual. Calling the content actual would
        // report a support that nobody gave.
        Modality::Requested => "requested",
        Modality::Alleged => "alleged",
    }
}

/// Code-point offset of byte offset `b` in `text` (sinks speak code points, see STYLE 2.2).
pub(crate) fn char_offset(text: &str, b: usize) -> u32 {
    let mut b = b.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].chars().count() as u32
}

/// Confidence of one report, 0-1. A heuristic, not a calibrated probability:
/// - start at 0.5;
/// - rule specificity: +0.1 when the rule needed a dependent ("imposed *sanctions*"), +0.05
///   for a three- or four-digit CAMEO code;
/// - actor resolution: +0.15 for a named person/org/IGO/country mention, +0.05 for a role
///   ("Russian troops"), -0.1 when the source was only linked by coreference ("he"), -0.05
///   for a place standing for its country;
/// - a target found: +0.05;
/// - attachment distance: -0.1 when the source head is more than 8 words from the trigger;
/// - modality: -0.1 when not actual; negation: -0.05;
/// - repeated reports in the article: +0.05 per extra mention, at most +0.1.
///
/// Clamped to 0.05-0.99.
pub fn confidence(
    c: &Candidate,
    _s: &Sentence,
    src: &sitrep_events::ActorSpan,
    src_m: &Mention,
    has_target: bool,
    mentions: u32,
) -> f32 {
    let mut x = 0.5f32;
    if !c.pattern_words.is_empty() {
        x += 0.1;
    }
    if c.code.level() >= 3 {
        x += 0.05;
    }
    x += match src_m.kind {
        MentionKind::Person | MentionKind::Org | MentionKind::Igo | MentionKind::Country => 0.15,
        MentionKind::Agent => 0.05,
        MentionKind::Place => -0.05,
        MentionKind::Unknown => 0.0,
    };
    if src_m.resolved_from.is_some() {
        x -= 0.1;
    }
    if has_target {
        x += 0.05;
    }
    if src.head_word.abs_diff(c.trigger) > 8 {
        x -= 0.1;
    }
    if c.modality != Modality::Actual && c.modality != Modality::Requested {
        x -= 0.1;
    }
    if c.negated {
        x -= 0.05;
    }
    x += (mentions.saturating_sub(1) as f32 * 0.05).min(0.1);
    x.clamp(0.05, 0.99)
}

fn explain_sentence(
    x: &mut Vec<String>,
    si: usize,
    s: &Sentence,
    info: &SentInfo,
    a: &Analysed,
    found: &sitrep_events::MatchResult,
) {
    let actors: Vec<String> = info
        .actors
        .iter()
        .zip(&info.actor_mentions)
        .map(|(sp, &m)| format!("{}={}", a.mentions[m].text, sp.code))
        .collect();
    x.push(format!(
        "sentence {si}: {:?} actors [{}]",
        s.text,
        actors.join(", ")
    ));
    // The parse the coder read (before its own repairs), so a reader can tell a dictionary
    // gap from a parser slip: word number, form, tag, head (0 = root), relation.
    let parse: Vec<String> = s
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| format!("{} {}/{} {} {}", i + 1, w.form, w.upos, w.head, w.deprel))
        .collect();
    x.push(format!("  parse: {}", parse.join(" | ")));
    let word = |i: usize| s.words.get(i).map_or("?", |w| w.form.as_str());
    for c in &found.events {
        x.push(format!(
            "  coded {} {:?} by {} (modality {}, negated {})",
            c.code.as_str(),
            word(c.trigger),
            c.rule,
            modality_name(c.modality),
            c.negated
        ));
    }
    for r in &found.rejected {
        x.push(format!(
            "  rejected {:?} by {}: {}",
            word(r.trigger),
            r.rule,
            reject_text(&r.reason)
        ));
    }
}

fn reject_text(r: &RejectReason) -> String {
    match r {
        RejectReason::Constraint(c) => format!("constraint {c}"),
        RejectReason::NoSource => "no_source".into(),
        RejectReason::NoTarget => "no_target".into(),
        RejectReason::NoSourceActor => "no_source_actor".into(),
        RejectReason::NoTargetActor => "no_target_actor".into(),
        RejectReason::SameActor => "same_actor".into(),
        RejectReason::DiscardedDomain(l) => format!("discarded_domain ({l})"),
        RejectReason::Background(w) => format!("background ({w})"),
        RejectReason::Superseded(by) => format!("superseded by {by}"),
        RejectReason::Accident(w) => format!("accident ({w})"),
        RejectReason::InName => "in_name".into(),
        RejectReason::FixedCompound(c) => format!("fixed_compound ({c})"),
        RejectReason::PrivateTravel => "private_travel".into(),
    }
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod tests;
