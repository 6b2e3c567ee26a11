//! A recogniser driven by loaded PETRARCH/TABARI actor and agent dictionaries, for users who
//! bring their own dictionaries (and for the PETRARCH and TABARI suites, whose actors are
//! Middle-earth countries the built-in KB cannot know).
//!
//! Matching follows the dictionaries' conventions as far as a word sequence allows:
//! - phrase words are separated by spaces or `_`; every word but the last must match a
//!   token exactly, the last is a stem (`ARGENTIN` matches "Argentina") unless the phrase
//!   ends in `_` (`ARNOR_` matches only "Arnor");
//! - stems only match nominal tokens (noun, proper noun, adjective, or unknown POS), so a
//!   short stem such as `ENT` does not swallow the verb "entered";
//! - the longest phrase wins at each position, actors before agents on equal length;
//! - agents (`PRESIDENT [~GOV]`) combine with the actor before them ("Arnor's president",
//!   "the Arnorian president"), right after them ("MSF Arnor diplomat") or after "of", "in"
//!   or "from" ("the president of Arnor"); a name right after the agent ("Minister Telemar")
//!   is absorbed. `~X` appends X to the actor's code, `X~` prefixes it, and a code already
//!   there is not repeated. An agent with no actor is coded on the null actor (`---GOV`),
//!   as the PETRARCH suite expects.
//! - date-restricted codes are chosen for the story date; an actor whose code is `---` is a
//!   known non-actor: its words are consumed and no mention is made.

use super::{span_text, Mention, MentionKind, Pos, Word};
use crate::dict::{ActorDict, AgentCode, AgentDict, Date};
use std::collections::HashMap;

/// Phrases per index bucket beyond which a bucket is not grown (bounds a hostile dictionary).
const MAX_BUCKET: usize = 50_000;
/// Tokens allowed between an actor and the agent it qualifies ("Arnor's *first deputy*
/// prime minister").
const MAX_GAP: usize = 3;

#[derive(Debug, Clone)]
struct PWord {
    text: String,
    exact: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Actor(usize),
    Agent(usize),
}

#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<PWord>,
    target: Target,
}

/// A token as the recogniser sees it.
#[derive(Debug, Clone, Copy)]
pub struct DictToken<'a> {
    /// Surface form.
    pub form: &'a str,
    /// Part of speech ([`Pos::Unknown`] when untagged).
    pub pos: Pos,
}

/// One match, over token indices `start..end` (exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The resolved code (`ARNGOV`).
    pub code: String,
    /// Actor alone, or actor combined with an agent.
    pub kind: MentionKind,
}

/// Actor and agent phrases indexed for matching. Build once with [`DictActors::from_dicts`].
#[derive(Debug, Clone, Default)]
pub struct DictActors {
    actors: ActorDict,
    agents: AgentDict,
    phrases: Vec<Phrase>,
    /// First two upper-cased characters of a phrase's first word -> phrase indices.
    index: HashMap<String, Vec<usize>>,
}

fn bucket_key(word: &str) -> String {
    word.chars().take(2).collect::<String>().to_uppercase()
}

fn split_phrase(phrase: &str) -> Vec<PWord> {
    let t = phrase.trim();
    let exact_end = t.ends_with('_');
    let parts: Vec<&str> = t
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let n = parts.len();
    parts
        .iter()
        .enumerate()
        .map(|(i, w)| PWord {
            text: w.to_uppercase(),
            exact: i + 1 < n || exact_end,
        })
        .collect()
}

impl DictActors {
    /// Indexes the phrases (primary phrases, synonyms, agents with their substitution sets
    /// expanded and their explicit plurals) of an actor and an agent dictionary.
    pub fn from_dicts(actors: &ActorDict, agents: &AgentDict) -> DictActors {
        let mut d = DictActors {
            actors: actors.clone(),
            agents: agents.clone(),
            ..DictActors::default()
        };
        for (i, e) in actors.entries.iter().enumerate() {
            for p in std::iter::once(&e.phrase).chain(&e.synonyms) {
                d.add(p, Target::Actor(i));
            }
        }
        for (i, e) in agents.entries.iter().enumerate() {
            for p in agents.expand(e) {
                d.add(&p, Target::Agent(i));
            }
            for p in e.plurals.iter().flatten() {
                d.add(p, Target::Agent(i));
            }
        }
        d
    }

    fn add(&mut self, phrase: &str, target: Target) {
        let words = split_phrase(phrase);
        let Some(first) = words.first() else { return };
        let bucket = self.index.entry(bucket_key(&first.text)).or_default();
        if bucket.len() >= MAX_BUCKET {
            return;
        }
        bucket.push(self.phrases.len());
        self.phrases.push(Phrase { words, target });
    }

    /// Number of indexed phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True when no phrase is indexed.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    fn word_ok(w: &PWord, tok: &DictToken<'_>, agent: bool) -> bool {
        let form = tok.form.to_uppercase();
        if w.exact {
            return form == w.text;
        }
        // Actor stems take adjectives ("Arnorian"); agent stems do not ("DIPLOMAT" is not
        // "diplomatic").
        let nominal = matches!(tok.pos, Pos::Unknown | Pos::Noun | Pos::Propn)
            || (!agent && tok.pos == Pos::Adj);
        // A stem covers at least half the word: `KU` must not take "Kuwait".
        form == w.text || (nominal && form.starts_with(&w.text) && 2 * w.text.len() >= form.len())
    }

    /// The longest phrase starting at `i`: (length, target); actors win ties.
    fn longest(&self, toks: &[DictToken<'_>], i: usize) -> Option<(usize, Target)> {
        let bucket = self.index.get(&bucket_key(toks[i].form))?;
        let mut best: Option<(usize, Target)> = None;
        for &p in bucket {
            let ph = &self.phrases[p];
            let n = ph.words.len();
            if i + n > toks.len()
                || !ph
                    .words
                    .iter()
                    .zip(&toks[i..])
                    .all(|(w, t)| Self::word_ok(w, t, matches!(ph.target, Target::Agent(_))))
            {
                continue;
            }
            let better = match best {
                None => true,
                Some((len, t)) => {
                    n > len
                        || (n == len
                            && matches!(t, Target::Agent(_))
                            && matches!(ph.target, Target::Actor(_)))
                }
            };
            if better {
                best = Some((n, ph.target));
            }
        }
        best
    }

    fn actor_code(&self, i: usize, date: Option<Date>) -> Option<String> {
        let e = &self.actors.entries[i];
        let codes = match date {
            Some(d) => e.codes_on(d),
            None => e.codes.iter().collect(),
        };
        codes.first().map(|c| c.code.clone())
    }

    /// Actor and agent matches over tokens, in order, without overlaps. `date` picks among
    /// date-restricted codes; `None` takes each entry's first code.
    pub fn find(&self, toks: &[DictToken<'_>], date: Option<Date>) -> Vec<DictMatch> {
        // First pass: raw phrase hits, left to right, longest first.
        let mut hits: Vec<(usize, usize, Target)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match self.longest(toks, i) {
                Some((n, t)) => {
                    hits.push((i, i + n, t));
                    i += n;
                }
                None => i += 1,
            }
        }
        // Second pass: combine agents with actors.
        let mut out: Vec<DictMatch> = Vec::new();
        // Agents right before the current position ("an MSF *Arnor* diplomat").
        let mut pending: Vec<(usize, usize)> = Vec::new();
        // Whether the pending agents reached the actor through "of"/"in": then they also
        // apply to actors conjoined with it ("ambassadors of Arnor, Osgiliath and Gondor").
        let mut via_joiner = false;
        let mut k = 0;
        while k < hits.len() {
            let (s, e, t) = hits[k];
            k += 1;
            match t {
                Target::Actor(a) => {
                    let start = pending.first().map_or(s, |p| p.0);
                    let mut agents: Vec<usize> = pending.drain(..).map(|p| p.1).collect();
                    let Some(code) = self.actor_code(a, date) else {
                        continue;
                    };
                    if code == "---" {
                        continue;
                    }
                    // "Arnor's (first deputy) prime minister (Telemar)": following agents,
                    // each within a short gap of modifiers.
                    let mut end = e;
                    while let Some(&(as_, ae, Target::Agent(g))) = hits.get(k) {
                        let gap_ok = as_ >= end
                            && as_ - end <= MAX_GAP
                            && toks[end..as_].iter().all(|t| {
                                matches!(
                                    t.pos,
                                    Pos::Adj
                                        | Pos::Propn
                                        | Pos::Noun
                                        | Pos::Num
                                        | Pos::Unknown
                                        | Pos::Other
                                ) || t.form == "'s"
                                    || t.form == "'"
                            });
                        if !gap_ok {
                            break;
                        }
                        agents.push(g);
                        end = ae;
                        k += 1;
                    }
                    if end > e {
                        // A name right after the title is the same person.
                        if let Some(&(ns, ne, Target::Actor(_))) = hits.get(k) {
                            if ns == end {
                                end = ne;
                                k += 1;
                            }
                        }
                    }
                    let kind = if agents.is_empty() {
                        MentionKind::Country
                    } else {
                        MentionKind::Agent
                    };
                    out.push(DictMatch {
                        start,
                        end,
                        code: self.combined(&code, &agents),
                        kind,
                    });
                    if std::mem::take(&mut via_joiner) {
                        while let Some(&(ns, ne, Target::Actor(a2))) = hits.get(k) {
                            let list = ns > end
                                && toks[end..ns]
                                    .iter()
                                    .all(|t| t.form == "," || t.form.eq_ignore_ascii_case("and"));
                            let Some(c2) = self.actor_code(a2, date).filter(|_| list) else {
                                break;
                            };
                            k += 1;
                            end = ne;
                            if c2 != "---" {
                                out.push(DictMatch {
                                    start: ns,
                                    end: ne,
                                    code: self.combined(&c2, &agents),
                                    kind: MentionKind::Agent,
                                });
                            }
                        }
                    }
                }
                Target::Agent(g) => {
                    pending.push((s, g));
                    // "the president of (the) Arnor", "activists in Arnor", "soldiers from
                    // Gondor".
                    let mut j = e;
                    let joiner = toks.get(j).is_some_and(|t| {
                        ["of", "in", "from"]
                            .iter()
                            .any(|j| t.form.eq_ignore_ascii_case(j))
                    });
                    if joiner {
                        j += 1;
                        if toks
                            .get(j)
                            .is_some_and(|t| t.form.eq_ignore_ascii_case("the"))
                        {
                            j += 1;
                        }
                    }
                    match hits.get(k) {
                        // The actor comes right after (or after "of"): it takes the agents.
                        Some(&(ns, _, Target::Actor(_))) if ns == j => via_joiner = joiner,
                        // Another agent right after: keep collecting.
                        Some(&(ns, _, Target::Agent(_))) if ns == e => {}
                        // A modifier, not a noun phrase of its own: no mention.
                        _ if toks[e - 1].pos == Pos::Adj => pending.clear(),
                        _ => {
                            // No actor: the dictionaries code the agent alone on a null actor.
                            let start = pending[0].0;
                            let agents: Vec<usize> = pending.drain(..).map(|p| p.1).collect();
                            out.push(DictMatch {
                                start,
                                end: e,
                                code: self.combined("---", &agents),
                                kind: MentionKind::Agent,
                            });
                        }
                    }
                }
            }
        }
        out
    }

    /// An actor code with agent codes applied in order; a code already present is not
    /// repeated ("White House" USAGOV with "officials" ~GOV stays USAGOV).
    fn combined(&self, actor: &str, agents: &[usize]) -> String {
        let mut code = actor.to_string();
        for &g in agents {
            match self.agents.entries[g].codes.first() {
                Some(AgentCode::Suffix(x)) if !code.ends_with(x.as_str()) => code.push_str(x),
                Some(AgentCode::Prefix(x)) if !code.starts_with(x.as_str()) => {
                    code.insert_str(0, x)
                }
                _ => {}
            }
        }
        code
    }

    /// Mentions over a document's words, in the recogniser's [`Mention`] shape (one sentence
    /// at a time is the caller's choice: matches never cross the words given).
    pub fn recognize(
        &self,
        text: &str,
        words: &[Word],
        sentence: usize,
        date: Option<Date>,
    ) -> Vec<Mention> {
        let words = &words[..words.len().min(super::MAX_WORDS)];
        let toks: Vec<DictToken<'_>> = words
            .iter()
            .map(|w| DictToken {
                form: text.get(w.start as usize..w.end as usize).unwrap_or(""),
                pos: w.pos,
            })
            .collect();
        self.find(&toks, date)
            .into_iter()
            .map(|m| {
                let start = words[m.start].start as usize;
                let end = words[m.end - 1].end as usize;
                Mention {
                    start,
                    end,
                    text: span_text(text, start, end),
                    kind: m.kind,
                    country: m.code.get(..3).map(str::to_string),
                    sectors: Vec::new(),
                    plover_sector: None,
                    code: Some(m.code),
                    name: None,
                    role: None,
                    resolved_from: None,
                    rule: "dictionary",
                    sentence,
                    plural: false,
                    female: None,
                    place: None,
                    person: None,
                    modifier: None,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::{parse_bytes, Dictionary, Format};

    fn dicts() -> DictActors {
        let a = parse_bytes(
            "t.actors.txt",
            b"ARNOR_ [ARN]\nARGENTIN [ARG]\nENT [ENT]\nDAGOLATH [DAG]\n+TELEMAR\nBOROMIR [---]\n\
              GONDOR [GON]\nMINAS_TIRITH [GON]\nOLDLAND [OLD 19900101-19941231]\n\t[NEW >19941231]\n",
            Format::PetrarchActors,
        );
        let g = parse_bytes(
            "t.agents.txt",
            b"PRESIDENT [~GOV]\nPRIME_MINISTER [~GOV]\nHUMAN_RIGHTS_BODY [NGO~]\n",
            Format::PetrarchAgents,
        );
        let (Dictionary::Actors(a), Dictionary::Agents(g)) = (a.dict, g.dict) else {
            panic!("formats were forced")
        };
        DictActors::from_dicts(&a, &g)
    }

    fn find(
        d: &DictActors,
        text: &str,
        pos: &[Pos],
        date: Option<Date>,
    ) -> Vec<(usize, usize, String)> {
        let toks: Vec<DictToken<'_>> = text
            .split(' ')
            .enumerate()
            .map(|(i, form)| DictToken {
                form,
                pos: pos.get(i).copied().unwrap_or(Pos::Unknown),
            })
            .collect();
        d.find(&toks, date)
            .into_iter()
            .map(|m| (m.start, m.end, m.code))
            .collect()
    }

    #[test]
    fn dict_actors_exact_stem_and_longest() {
        let d = dicts();
        assert_eq!(
            find(&d, "Arnor met Argentina", &[], None),
            vec![(0, 1, "ARN".into()), (2, 3, "ARG".into())]
        );
        // `ARNOR_` is exact: "Arnorian" is not Arnor.
        assert!(find(&d, "Arnorian", &[], None).is_empty());
        assert_eq!(
            find(&d, "Minas Tirith", &[], None),
            vec![(0, 2, "GON".into())]
        );
        // A stem does not match a verb.
        assert!(find(&d, "they entered", &[Pos::Pron, Pos::Verb], None).is_empty());
        // A known non-actor makes no mention.
        assert!(find(&d, "Boromir", &[], None).is_empty());
    }

    #[test]
    fn dict_actors_agents_combine_and_dates_apply() {
        let d = dicts();
        assert_eq!(
            find(
                &d,
                "Dagolath 's first Prime Minister Telemar left",
                &[],
                None
            ),
            vec![(0, 6, "DAGGOV".into())]
        );
        assert_eq!(
            find(&d, "the President of Gondor", &[], None),
            vec![(1, 4, "GONGOV".into())]
        );
        assert_eq!(
            find(&d, "Gondor human rights body", &[], None),
            vec![(0, 4, "NGOGON".into())]
        );
        // A lone agent is coded on the null actor.
        assert_eq!(
            find(&d, "the president said", &[], None),
            vec![(1, 2, "---GOV".into())]
        );
        // Agents before the actor and after "in" apply too; a repeated sector is not doubled.
        assert_eq!(
            find(&d, "human rights body Gondor president", &[], None),
            vec![(0, 5, "NGOGONGOV".into())]
        );
        assert_eq!(
            find(&d, "presidents from Gondor", &[], None),
            vec![(0, 3, "GONGOV".into())]
        );
        assert_eq!(
            find(
                &d,
                "presidents of Gondor , Arnor and Dagolath met",
                &[],
                None
            ),
            vec![
                (0, 3, "GONGOV".into()),
                (4, 5, "ARNGOV".into()),
                (6, 7, "DAGGOV".into())
            ]
        );
        assert_eq!(
            find(&d, "Gondor president president", &[], None),
            vec![(0, 3, "GONGOV".into())]
        );
        assert_eq!(
            find(&d, "Oldland", &[], Date::parse("19920101"))[0].2,
            "OLD"
        );
        assert_eq!(
            find(&d, "Oldland", &[], Date::parse("19960101"))[0].2,
            "NEW"
        );
    }

    #[test]
    fn dict_actors_mentions_carry_offsets() {
        let d = dicts();
        let text = "The President of Gondor visited Arnor .";
        let words = super::super::words_from_spaces(text);
        let ms = d.recognize(text, &words, 0, None);
        assert_eq!(ms.len(), 2);
        assert_eq!(&text[ms[0].start..ms[0].end], "President of Gondor");
        assert_eq!(ms[0].code.as_deref(), Some("GONGOV"));
        assert_eq!(ms[1].country.as_deref(), Some("ARN"));
    }
}
