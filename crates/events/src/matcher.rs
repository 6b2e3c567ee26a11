//! Matching dictionary rules on a parsed sentence: triggers, constraints, roles (with control,
//! conjunction and passive), actor resolution, negation, modality and attribution.

use crate::attach::{first_conjunct, from_parties, receiver, Parties};
use crate::attribution::attribution;
use crate::background::background;
use crate::clause::{denied, discard_lemma, negated};
use crate::forms::base_forms;
use crate::modality::modality;
pub use crate::modality::Modality;
use crate::ontology::{CameoCode, Ontology, PloverMode, PloverType};
use crate::pattern::{Arg, Dictionary, Rule, TriggerKind};
use crate::protest::protested;
use crate::roles::{accident, behind_place, condition_subject, loose_target, private_travel};
use crate::sentence::{ActorSpan, Sentence};
use crate::syntax::{
    actors_at, arg_words, constraint_ok, is_passive, predicate_adjective, unless_clause,
    voiced_follow,
};

/// Who the sentence attributes the event to ("Watson said", "according to X").
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// The speech verb (or the "according to" noun), 0-based word index.
    pub word: usize,
    /// Head words of the speaker.
    pub speaker_words: Vec<usize>,
    /// Actor spans of the speaker.
    pub speaker_actors: Vec<usize>,
}

/// A coded event candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Trigger word (0-based).
    pub trigger: usize,
    /// Id of the rule that coded it.
    pub rule: String,
    /// CAMEO code after modality (intent/threat codes applied).
    pub code: CameoCode,
    /// Source argument head words.
    pub source_words: Vec<usize>,
    /// Target argument head words.
    pub target_words: Vec<usize>,
    /// Source actor spans (indices into the caller's slice).
    pub sources: Vec<usize>,
    /// Target actor spans.
    pub targets: Vec<usize>,
    /// Negated ("did not attack", "no talks", "refused to meet").
    pub negated: bool,
    /// Modality.
    pub modality: Modality,
    /// Attribution, if any.
    pub attribution: Option<Attribution>,
    /// Evidence span: first and last word (inclusive).
    pub evidence: (usize, usize),
    /// Words matched by the rule's required dependents ("sanctions" in "imposed sanctions").
    pub pattern_words: Vec<usize>,
    /// Goldstein score of `code`.
    pub goldstein: Option<f32>,
    /// PLOVER event type of `code`.
    pub plover_type: Option<PloverType>,
    /// PLOVER mode of `code`.
    pub plover_mode: Option<PloverMode>,
}

/// Why a rule that fired on a trigger produced no event (for `--explain`).
#[derive(Clone, Debug, PartialEq)]
pub enum RejectReason {
    /// A required dependent is missing or a forbidden one is present (the item as written).
    Constraint(String),
    /// No word fills the source role.
    NoSource,
    /// No word fills the target role.
    NoTarget,
    /// The source words are not actors.
    NoSourceActor,
    /// The target words are not actors.
    NoTargetActor,
    /// Source and target are the same actor.
    SameActor,
    /// The clause is about sport or entertainment (the lemma that showed it).
    DiscardedDomain(String),
    /// A toll over the years or a world war's history, not news (what showed it).
    Background(String),
    /// A more specific rule coded this trigger.
    Superseded(String),
    /// Violence done by an accident or a force of nature, no actor (the word that showed it).
    Accident(String),
    /// A visit by ordinary people (civilians, "Moroccans"): travel, not a CAMEO visit.
    PrivateTravel,
    /// The trigger is a word of an actor's name ("the Organisation of Islamic *Cooperation*",
    /// "the Popular *Mobilisation* Forces"), not an act.
    InName,
    /// The trigger is the second half of a fixed hyphenated modifier ("so-*called*",
    /// "ride-*hailing*"), which names no act (the compound).
    FixedCompound(String),
}

/// A rule that fired on a trigger but was not used, with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// Trigger word.
    pub trigger: usize,
    /// Rule id.
    pub rule: String,
    /// Why.
    pub reason: RejectReason,
}

/// What the matcher found in one sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MatchResult {
    /// Coded events.
    pub events: Vec<Candidate>,
    /// Rejected rule applications.
    pub rejected: Vec<Rejected>,
}

/// Runs the dictionary over one sentence.
pub struct Matcher<'d> {
    dict: &'d Dictionary,
    ont: &'static Ontology,
}

impl<'d> Matcher<'d> {
    /// A matcher over `dict`.
    pub fn new(dict: &'d Dictionary) -> Matcher<'d> {
        Matcher {
            dict,
            ont: Ontology::embedded(),
        }
    }

    /// Codes the events of one sentence. Bounded: each word is tried against the rules of its
    /// lemma only, and every tree walk has a depth cap, so malformed trees (cycles) end.
    pub fn run(&self, s: &Sentence, actors: &[ActorSpan]) -> MatchResult {
        // Word indices are unchanged by the repair, so actor spans and results still fit.
        let repaired = crate::repair::repair(self.dict, s);
        let s = repaired.as_ref().unwrap_or(s);
        let mut out = MatchResult::default();
        let mut fallback: Vec<bool> = Vec::new();
        // Verbs first, so a noun the verb's rule already used ("imposed *sanctions* on") is
        // not coded a second time.
        let by_kind = [("VERB", TriggerKind::Verb), ("NOUN", TriggerKind::Noun)];
        for (i, w, kind) in by_kind.iter().flat_map(|&(upos, kind)| {
            s.words
                .iter()
                .enumerate()
                .filter(move |&(i, w)| {
                    w.upos == upos || kind == TriggerKind::Verb && predicate_adjective(s, i)
                })
                .map(move |(i, w)| (i, w, kind))
        }) {
            let mut rules = self.dict.candidates(kind, &w.lemma);
            // A noun the lemmatiser did reduce is no slip: "aides" -> "aide" must not be tried
            // again as "aid".
            let reduced_noun = kind == TriggerKind::Noun && w.lemma != w.form.to_lowercase();
            if rules.is_empty() && !reduced_noun {
                // A lemmatiser slip ("blamed" -> "blam") should not hide a known verb: try the
                // regular English base forms of the surface word.
                rules = base_forms(&w.form.to_lowercase())
                    .iter()
                    .map(|b| self.dict.candidates(kind, b))
                    .find(|r| !r.is_empty())
                    .unwrap_or(&[]);
            }
            if rules.is_empty() {
                continue;
            }
            let passive = kind == TriggerKind::Verb && is_passive(s, i);
            let mut fired: Vec<&Rule> = Vec::new();
            for &r in rules {
                let rule = &self.dict.rules()[r];
                let typed_object = rule.constraints.iter().any(|c| {
                    c.required
                        && !c.lemmas.is_empty()
                        && c.paths.iter().any(|p| {
                            matches!(p.as_slice(), [only] if only.deprel == "obj" && only.case.is_none())
                        })
                });
                match rule
                    .constraints
                    .iter()
                    .find(|c| !constraint_ok(s, i, c, passive, typed_object))
                {
                    Some(c) => out.rejected.push(Rejected {
                        trigger: i,
                        rule: rule.id.clone(),
                        reason: RejectReason::Constraint(c.text.clone()),
                    }),
                    None => fired.push(rule),
                }
            }
            // Most specific first; the sort is stable so file order breaks ties.
            fired.sort_by_key(|r| std::cmp::Reverse(r.specificity()));
            let discard = fired.first().and_then(|_| {
                (in_name(s, actors, i).then_some(RejectReason::InName))
                    .or_else(|| fixed_compound(s, i).map(RejectReason::FixedCompound))
                    .or_else(|| discard_lemma(s, i).map(RejectReason::DiscardedDomain))
                    .or_else(|| background(s, i).map(RejectReason::Background))
            });
            if let Some(reason) = discard {
                for r in fired {
                    out.rejected.push(Rejected {
                        trigger: i,
                        rule: r.id.clone(),
                        reason: reason.clone(),
                    });
                }
                continue;
            }
            // "launched a drone and missile *attack*": a conjunct of the word a verb's rule
            // used is part of the same act.
            let conj_of = (kind == TriggerKind::Noun)
                .then(|| first_conjunct(s, i))
                .flatten();
            let mut used: Option<String> = out
                .events
                .iter()
                .zip(&fallback)
                .find(|(e, &fb)| {
                    !fb && (e.pattern_words.contains(&i)
                        || conj_of.is_some_and(|c| e.pattern_words.contains(&c)))
                })
                .map(|(e, _)| e.rule.clone());
            for rule in fired {
                if let Some(by) = &used {
                    out.rejected.push(Rejected {
                        trigger: i,
                        rule: rule.id.clone(),
                        reason: RejectReason::Superseded(by.clone()),
                    });
                    continue;
                }
                match self.apply(s, actors, i, rule) {
                    Ok(c) => {
                        used = Some(rule.id.clone());
                        out.events.push(c);
                        fallback.push(rule.fallback);
                    }
                    Err(reason) => {
                        // The most specific reading held but its dyad is one actor ("Republicans
                        // attacked Democrats for ...", both USAPTY, is criticism): a vaguer rule
                        // on the same word ("attack" as force) is not a second chance. Only
                        // for this project's rules: the suites' converted dictionaries keep
                        // their coders' habit of trying the next pattern.
                        if reason == RejectReason::SameActor && own_rule(rule) {
                            used = Some(rule.id.clone());
                        }
                        out.rejected.push(Rejected {
                            trigger: i,
                            rule: rule.id.clone(),
                            reason,
                        })
                    }
                }
            }
        }
        // Fallback events give way to any event coded on a word of their pattern.
        let events = std::mem::take(&mut out.events);
        let coded: Vec<(usize, String)> =
            events.iter().map(|e| (e.trigger, e.rule.clone())).collect();
        for (e, fb) in events.into_iter().zip(fallback) {
            match coded
                .iter()
                .find(|(t, _)| fb && e.pattern_words.contains(t))
            {
                Some((_, by)) => {
                    let by = by.clone();
                    out.rejected.push(Rejected {
                        trigger: e.trigger,
                        rule: e.rule,
                        reason: RejectReason::Superseded(by),
                    });
                }
                None => out.events.push(e),
            }
        }
        out.events.sort_by_key(|e| e.trigger);
        out
    }

    fn apply(
        &self,
        s: &Sentence,
        actors: &[ActorSpan],
        i: usize,
        rule: &Rule,
    ) -> Result<Candidate, RejectReason> {
        let passive = rule.kind == TriggerKind::Verb && is_passive(s, i);
        let pick = |args: &[Arg]| {
            args.iter()
                .find_map(|a| arg_words(s, i, a, passive, actors))
        };
        let mut src = pick(&rule.src).ok_or(RejectReason::NoSource)?;
        let mut tgt = pick(&rule.tgt).unwrap_or_default();
        let resolve = |ws: &[usize]| {
            let mut v: Vec<usize> = ws.iter().flat_map(|&w| actors_at(s, actors, w)).collect();
            // Overlapping mentions of one actor ("Kim Jong Un" and "Kim") count once.
            let mut seen: Vec<&str> = Vec::new();
            v.retain(|&a| {
                let fresh = !seen.contains(&actors[a].code.as_str());
                seen.push(&actors[a].code);
                fresh
            });
            v
        };
        let mut sources = resolve(&src);
        // Unattributed violence and protest keep the place's country as their source ("a
        // roadside bombing near Samarra killed", "protests in Paris"), as PLOVER and GDELT
        // code them; for any other act a place is no agent ("an analyst at a bank in London
        // warned").
        let place_is_agent = matches!(rule.code.root().as_str(), "14" | "18" | "19" | "20");
        // Only a bare place is dropped: an organisation behind "in" is one its member acts for
        // ("an adviser in the Clinton administration called on").
        let place_only = |a: usize, arg: &[usize]| {
            actors[a].code == actors[a].country && behind_place(s, arg, actors[a].head_word)
        };
        if own_rule(rule) && !place_is_agent {
            sources.retain(|&a| !place_only(a, &src));
        }
        if sources.is_empty() && own_rule(rule) {
            // "Israel stepped up *air* strikes": the first source alternative (the compound)
            // names no actor; a later one (the governing verb's subject) may.
            if let Some((w, a)) = rule.src.iter().skip(1).find_map(|a| {
                let w = arg_words(s, i, a, passive, actors)?;
                let mut a = resolve(&w);
                a.retain(|&x| place_is_agent || !place_only(x, &w));
                (!a.is_empty()).then_some((w, a))
            }) {
                src = w;
                sources = a;
            }
        }
        let mut targets = resolve(&tgt);
        if targets.is_empty() && own_rule(rule) {
            // The first argument that has words names no actor ("closed *its border* to X"):
            // a later alternative that does name one is the target.
            // The nearest named target wins: "offensives *against militant strongholds* in
            // the tribal regions along the border with Afghanistan" are aimed at the
            // militants, uncoded, not at a country named deep inside a place phrase; once an
            // against/on phrase named the target, a later place phrase is not tried.
            let mut named = false;
            if let Some((w, t)) = rule.tgt.iter().find_map(|a| {
                if named && locative_arg(a) {
                    return None;
                }
                let w = arg_words(s, i, a, passive, actors)?;
                named |= direct_arg(a);
                let t = resolve(&w);
                (!t.is_empty()).then_some((w, t))
            }) {
                tgt = w;
                targets = t;
            }
        }
        // A protest with no target of its rule is aimed at what it protests or defies.
        if targets.is_empty() && own_rule(rule) && rule.code.root().as_str() == "14" {
            let w = protested(s, i);
            let mut t = resolve(&w);
            t.retain(|&a| !sources.iter().any(|&x| actors[x].code == actors[a].code));
            if !t.is_empty() {
                tgt = w;
                targets = t;
            }
        }
        // "X drew criticism from Y": the giver acts on the receiver.
        if targets.is_empty() && own_rule(rule) && rule.kind == TriggerKind::Noun {
            if let Some((w, t)) = receiver(s, i, &src, |w| {
                let mut t = resolve(w);
                t.retain(|&a| !sources.iter().any(|&x| actors[x].code == actors[a].code));
                t
            }) {
                (tgt, targets) = (w, t);
            }
        }
        // "Negotiators from Kyiv and Moscow held talks": the parties the role noun's
        // from-phrase names.
        if rule.sym && targets.is_empty() && tgt.is_empty() && sources.len() == 1 {
            match from_parties(s, &src, sources[0], actors, resolve) {
                Some(Parties::Others(w, t)) => (tgt, targets) = (w, t),
                Some(Parties::All(w, a)) => (src, sources) = (w, a),
                None => {}
            }
        }
        if rule.sym && targets.is_empty() && tgt.is_empty() && sources.len() > 1 {
            targets = sources.split_off(1);
            tgt = src.split_off(1.min(src.len()));
        }
        if sources.is_empty() {
            return Err(RejectReason::NoSourceActor);
        }
        if own_rule(rule) && matches!(rule.code.root().as_str(), "18" | "19" | "20") {
            if let Some(w) = accident(s, i, &src) {
                return Err(RejectReason::Accident(s.words[w].lemma.clone()));
            }
        }
        if own_rule(rule)
            && matches!(rule.code.as_str(), "042" | "043")
            && private_travel(s, &sources, actors)
        {
            return Err(RejectReason::PrivateTravel);
        }
        if targets.is_empty() && tgt.is_empty() && !rule.tgt.contains(&Arg::None) {
            return Err(RejectReason::NoTarget);
        }
        if targets.is_empty() && !tgt.is_empty() {
            // "deployed troops to the border": a non-actor argument leaves an optional target
            // empty instead of losing the event. So does a target that is plainly people or a
            // material object of a material act ("sent aid to refugees fleeing the war",
            // "attacked a convoy"): the act is reported even though the target has no code.
            // Verbal acts keep needing an actor ("backed the plan" is not an event).
            let keep = own_rule(rule) && loose_target(s, rule.code, &tgt);
            if !rule.tgt.contains(&Arg::None) && !keep {
                return Err(RejectReason::NoTargetActor);
            }
            tgt.clear();
        }
        let code_of = |a: &usize| actors[*a].code.as_str();
        if !targets.is_empty()
            && targets
                .iter()
                .all(|t| sources.iter().any(|x| code_of(x) == code_of(t)))
        {
            // A material act on a target of the source's own code ("settlers set fire to
            // Palestinian offices", both PSE) still happened: own rules keep it without a
            // target, as GDELT and PLOVER keep domestic events. A verbal act on oneself
            // ("Russia said it must act"), a reflexive ("defended itself") and the suites'
            // converted rules (their coders drop same-actor events) stay rejected.
            let reflexive = tgt.iter().any(|&w| {
                s.words
                    .get(w)
                    .is_some_and(|x| x.lemma.ends_with("self") || x.lemma.ends_with("selves"))
            });
            let material = matches!(
                rule.code.root().as_str(),
                "07" | "08" | "14" | "15" | "17" | "18" | "19" | "20"
            );
            if !own_rule(rule) || reflexive || !material {
                return Err(RejectReason::SameActor);
            }
            targets.clear();
            tgt.clear();
        }
        let modality = match modality(s, i) {
            // "they said they *would* boycott": in reported speech "would" is the future of
            // the report, an announced act, not a mere possibility.
            Modality::Possibility if own_rule(rule) && reported_would(s, i) => Modality::Intent,
            m => m,
        };
        // "will withdraw its force unless X holds elections": an act announced on a condition
        // the other side must meet is a threat (CAMEO 13), whatever the act.
        let conditional = own_rule(rule)
            && matches!(
                modality,
                Modality::Intent | Modality::Possibility | Modality::Threat
            )
            && unless_clause(s, i);
        let modality = if conditional {
            Modality::Threat
        } else {
            modality
        };
        let negated = negated(s, i);
        // The CAMEO conventions below are the project dictionary's; converted PETRARCH/TABARI
        // rules keep their own dictionaries' semantics (explicit codes only).
        let root = rule.code.root();
        let own = own_rule(rule);
        let default_intent = |r| default_intent(r).filter(|_| own);
        let default_threat = |r| default_threat(r).filter(|_| own);
        // Only a verb the clause itself refuses or negates ("refused to send aid"); the content
        // of an appeal ("urged X to cease negotiations") is not a rejection by anyone.
        let default_refusal = |r| {
            default_refusal(r).filter(|_| {
                own && rule.kind == TriggerKind::Verb && modality != Modality::Requested
            })
        };
        // "Britain's withdrawal from the EU will take two years": a noun subject takes the
        // future of its predicate, which dates the act; nobody announces it as a threat.
        let noun_subject = rule.kind == TriggerKind::Noun && s.words[i].deprel.starts_with("nsubj");
        let code = match modality {
            Modality::Intent | Modality::Expectation | Modality::Possibility => rule
                .intent
                .or_else(|| default_intent(root))
                // CAMEO codes an announced conflictual act ("will boycott", "plans to
                // strike") as a threat of it, not as the act.
                .or_else(|| {
                    (modality == Modality::Intent && !noun_subject)
                        .then(|| rule.threat.or_else(|| default_threat(root)))
                        .flatten()
                })
                .unwrap_or(rule.code),
            Modality::Threat => rule
                .threat
                .or_else(|| default_threat(root))
                .or_else(|| {
                    (conditional && root.as_str() != "13")
                        .then(|| code("130"))
                        .flatten()
                })
                .unwrap_or(rule.code),
            Modality::Actual | Modality::Requested | Modality::Alleged => rule.code,
        };
        let code = match rule.neg.or_else(|| default_refusal(root)) {
            Some(n) if negated && !denied(s, i) => n,
            _ => code,
        };
        // A threat with no named target is aimed at whoever must meet its condition.
        if targets.is_empty() && own && code.root().as_str() == "13" {
            let w = condition_subject(s, i);
            let t: Vec<usize> = resolve(&w)
                .into_iter()
                .filter(|t| sources.iter().all(|x| code_of(x) != code_of(t)))
                .collect();
            if !t.is_empty() {
                tgt = w;
                targets = t;
            }
        }
        let mut span_words: Vec<usize> = vec![i];
        span_words.extend(src.iter().chain(&tgt));
        for &a in sources.iter().chain(&targets) {
            span_words.extend([actors[a].start_word, actors[a].end_word]);
        }
        let mut pattern_words = Vec::new();
        for c in rule.constraints.iter().filter(|c| c.required) {
            for p in &c.paths {
                pattern_words.extend(voiced_follow(s, i, p, passive));
            }
        }
        span_words.extend(&pattern_words);
        // Actor spans come from the caller; clamp so a bad span cannot point past the sentence.
        let last = s.words.len().saturating_sub(1);
        let evidence = (
            span_words.iter().copied().min().unwrap_or(i).min(last),
            span_words.iter().copied().max().unwrap_or(i).min(last),
        );
        let plover = self.ont.plover(code);
        Ok(Candidate {
            trigger: i,
            rule: rule.id.clone(),
            code,
            source_words: src,
            target_words: tgt,
            sources,
            targets,
            negated,
            modality,
            attribution: attribution(s, actors, i),
            evidence,
            pattern_words,
            goldstein: self.ont.goldstein(code),
            plover_type: plover.and_then(|p| p.event_type),
            plover_mode: plover.and_then(|p| p.mode),
        })
    }
}

/// A rule of the project's own dictionary (`data/verbs.txt`, `data/nouns.txt`), as opposed to
/// one converted from a PETRARCH/TABARI dictionary.
fn own_rule(rule: &Rule) -> bool {
    rule.origin.starts_with("verbs.txt:") || rule.origin.starts_with("nouns.txt:")
}

/// The case word of an argument path's last step ("against" in `obj.nmod:against`).
fn last_case(a: &Arg) -> Option<&str> {
    match a {
        Arg::Path(p) => p.last()?.case.as_deref(),
        _ => None,
    }
}

/// An argument that names whom an act is aimed at ("against X", "on X").
fn direct_arg(a: &Arg) -> bool {
    matches!(last_case(a), Some("against" | "on" | "at"))
}

/// An argument that names where an act happens ("in X", "into X").
fn locative_arg(a: &Arg) -> bool {
    matches!(
        last_case(a),
        Some("in" | "into" | "inside" | "across" | "along" | "near")
    )
}

/// The trigger has the auxiliary "would" and is the complement of another clause (a speech
/// or announcement verb). Not with a perfect "have" ("said the SEALs *would have captured*
/// any leaders"): that is what would have happened, a counterfactual, not an announced plan.
fn reported_would(s: &Sentence, i: usize) -> bool {
    let aux = |lemma: &str| {
        s.children(i)
            .any(|c| s.words[c].deprel == "aux" && s.words[c].lemma == lemma)
    };
    aux("would") && !aux("have") && s.words[i].deprel.starts_with("ccomp")
}

/// Whether word `i` is a capitalised word inside a name of several words: one the actor
/// recogniser found, or a run of capitalised words in a sentence otherwise written in lower
/// case ("the second Forum on China Africa *Cooperation* Summit"). Such a word names a
/// body or an occasion, it does not report an act. Not in a headline written in title case
/// ("EU Resumes Aid To Gambia"), where every word is capitalised.
fn in_name(s: &Sentence, actors: &[ActorSpan], i: usize) -> bool {
    let capital = |k: usize| {
        s.words
            .get(k)
            .is_some_and(|w| w.form.starts_with(|c: char| c.is_uppercase()))
    };
    if !capital(i) {
        return false;
    }
    let in_actor = actors
        .iter()
        .any(|a| a.start_word < a.end_word && a.start_word <= i && i <= a.end_word);
    // Words written with an initial capital and then lower case ("Cooperation"), not in
    // capitals throughout, which is how some headlines are set ("DOCTORS JOIN FORCES").
    let titled = |k: usize| capital(k) && s.words[k].form.chars().skip(1).any(|c| c.is_lowercase());
    // The first word is capitalised anyway, so the run must start before it.
    let inside_capitals = i >= 2 && titled(i - 1) && titled(i) && titled(i + 1);
    in_actor || inside_capitals && !title_case(s)
}

/// Hyphenated modifiers whose second half is a trigger word used in no sense of its own:
/// "so-called zoos" is no call, a "ride-hailing company" praises no one, a "hard-hitting
/// report" hits nothing.
const FIXED_COMPOUNDS: &[&str] = &[
    "so-called",
    "ride-hailing",
    "hard-hitting",
    "record-breaking",
    "ground-breaking",
    "far-reaching",
    "eye-catching",
    "long-awaited",
    "hard-fought",
];

/// The fixed compound (see [`FIXED_COMPOUNDS`]) that word `i` ends, written without spaces
/// around its hyphen.
fn fixed_compound(s: &Sentence, i: usize) -> Option<String> {
    let (first, hyphen, second) = (
        s.words.get(i.checked_sub(2)?)?,
        &s.words[i - 1],
        &s.words[i],
    );
    // Most words have no hyphen before them: test the offsets before building a string.
    let touching = hyphen.form == "-" && first.end == hyphen.start && hyphen.end == second.start;
    if !touching {
        return None;
    }
    let compound = format!("{}-{}", first.form, second.form).to_lowercase();
    FIXED_COMPOUNDS
        .contains(&compound.as_str())
        .then_some(compound)
}

/// Whether the sentence is written in title case: no noun, verb, adjective or adverb starts
/// with a lower-case letter (a headline such as "EU Resumes Aid To Gambia's New Government").
fn title_case(s: &Sentence) -> bool {
    !s.words.iter().any(|w| {
        matches!(w.upos.as_str(), "NOUN" | "VERB" | "ADJ" | "ADV")
            && w.form.starts_with(|c: char| c.is_lowercase())
    })
}

fn code(s: &str) -> Option<CameoCode> {
    CameoCode::parse(s)
}

/// The CAMEO 03 code for an intended cooperative act of a root whose rule names none
/// ("will meet" 036, "will support" 032, "plans to invest" 031, "will send aid" 033, "will
/// withdraw" 035).
fn default_intent(root: CameoCode) -> Option<CameoCode> {
    code(match root.as_str() {
        "04" => "036",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        "08" => "035",
        _ => return None,
    })
}

/// The CAMEO 13 code for a threatened or announced conflictual act of a root whose rule names
/// none (CAMEO codes "will impose sanctions" and "threatened to attack" as threats).
fn default_threat(root: CameoCode) -> Option<CameoCode> {
    code(match root.as_str() {
        "14" => "133",
        "15" | "18" | "19" => "138",
        "16" => "131",
        "17" => "137",
        "20" => "1383",
        _ => return None,
    })
}

/// The CAMEO 12 code for a refused or negated cooperative act of a root whose rule names none
/// ("refused to send aid" 122, "declined to cooperate" 121). Conflictual acts that did not
/// happen stay coded with `negated` set: "did not attack" is not a rejection.
fn default_refusal(root: CameoCode) -> Option<CameoCode> {
    code(match root.as_str() {
        "03" | "05" => "120",
        "04" => "125",
        "06" => "121",
        "07" => "122",
        "08" => "124",
        _ => return None,
    })
}
