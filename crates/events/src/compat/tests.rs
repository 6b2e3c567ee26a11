//! Converter and suite-coder tests on hand-made dictionaries and hand-parsed sentences, so
//! they depend on neither the shared data nor the parser's accuracy.

use super::*;
use crate::Sentence;
use sitrep_actors::dict::{parse_bytes, ActorDict, AgentDict, Dictionary as D, Format, VerbDict};

const VERBS: &[u8] = b"&PREPS\n+AGAINST\n+ON\n\n&NEGS\n+DID N'T\n+WILL NOT\n\n\
--- RESTORE [---] ---\nRESTORE\n- * TIES WITH + [064]\n\n\
--- LEAVE [032:033] ---\nLEAVE {LEFT}\n\n\
--- CLOSE [---] ---\nCLOSE\n- * BORDER [192]\n\n\
--- PROTEST [111] ---\nPROTEST\n- &NEGS * [903]\n- * &PREPS + [112]\n\n\
--- POSTPONE [014] ---\nPOSTPONE\n- % HAVE * [191]\n\n\
--- STATE [023] ---\nSTATE\n\n\
--- SAY [+++] ---\nSAY\n~ a (a b X) SAY = a b 015\n";

const ACTORS: &[u8] = b"ARNOR_ [ARN]\nGONDOR [GON]\nDAGOLATH [DAG]\n";
const AGENTS: &[u8] = b"PRIME_MINISTER [~GOV]\n";

fn verbs() -> VerbDict {
    match parse_bytes("v.txt", VERBS, Format::PetrarchVerbs).dict {
        D::Verbs(v) => v,
        _ => unreachable!("format forced"),
    }
}

fn actor_dicts() -> (ActorDict, AgentDict) {
    let a = parse_bytes("a.txt", ACTORS, Format::PetrarchActors).dict;
    let g = parse_bytes("g.txt", AGENTS, Format::PetrarchAgents).dict;
    match (a, g) {
        (D::Actors(a), D::Agents(g)) => (a, g),
        _ => unreachable!("formats forced"),
    }
}

/// CoNLL-U from `form lemma upos head deprel` rows.
fn sent(rows: &[&str]) -> Sentence {
    let mut c = String::new();
    for (i, r) in rows.iter().enumerate() {
        let f: Vec<&str> = r.split_whitespace().collect();
        c.push_str(&format!(
            "{}\t{}\t{}\t{}\t_\t_\t{}\t{}\t_\t_\n",
            i + 1,
            f[0],
            f[1],
            f[2],
            f[3],
            f[4]
        ));
    }
    Sentence::from_conllu(&c).unwrap()
}

fn t(s: &str, d: &str, c: &str) -> (String, String, String) {
    (s.into(), d.into(), c.into())
}

fn coder() -> SuiteCoder<impl Fn(&str) -> Vec<Sentence>> {
    let (a, g) = actor_dicts();
    // The "parser": hand-made parses looked up by text.
    petrarch_suite_coder(&verbs(), &a, &g, |text: &str| parses(text)).unwrap()
}

fn parses(text: &str) -> Vec<Sentence> {
    let rows: &[&str] = match text {
        "Arnor restored ties with Gondor." => &[
            "Arnor Arnor PROPN 2 nsubj",
            "restored restore VERB 0 root",
            "ties tie NOUN 2 obj",
            "with with ADP 5 case",
            "Gondor Gondor PROPN 2 obl",
            ". . PUNCT 2 punct",
        ],
        // The same with the phrase attached to the noun, as parsers often do.
        "Arnor restored ties with Gondor (nmod)." => &[
            "Arnor Arnor PROPN 2 nsubj",
            "restored restore VERB 0 root",
            "ties tie NOUN 2 obj",
            "with with ADP 5 case",
            "Gondor Gondor PROPN 3 nmod",
            ". . PUNCT 2 punct",
        ],
        "Arnor rescheduled Gondor." => &[
            "Arnor Arnor PROPN 2 nsubj",
            "rescheduled reschedule VERB 0 root",
            "Gondor Gondor PROPN 2 obj",
            ". . PUNCT 2 punct",
        ],
        "Arnor restored Gondor." => &[
            "Arnor Arnor PROPN 2 nsubj",
            "restored restore VERB 0 root",
            "Gondor Gondor PROPN 2 obj",
            ". . PUNCT 2 punct",
        ],
        "Dagolath's prime minister left for Gondor." => &[
            "Dagolath Dagolath PROPN 5 nmod:poss",
            "'s 's PART 1 case",
            "prime prime ADJ 4 amod",
            "minister minister NOUN 5 nsubj",
            "left leave VERB 0 root",
            "for for ADP 7 case",
            "Gondor Gondor PROPN 5 obl",
            ". . PUNCT 5 punct",
        ],
        "Arnor closed its border to Gondor." => &[
            "Arnor Arnor PROPN 2 nsubj",
            "closed close VERB 0 root",
            "its its PRON 4 nmod:poss",
            "border border NOUN 2 obj",
            "to to ADP 6 case",
            "Gondor Gondor PROPN 2 obl",
            ". . PUNCT 2 punct",
        ],
        "Arnor closed Gondor." => &[
            "Arnor Arnor PROPN 2 nsubj",
            "closed close VERB 0 root",
            "Gondor Gondor PROPN 2 obj",
            ". . PUNCT 2 punct",
        ],
        "Arnor protested." => &[
            "Arnor Arnor PROPN 2 nsubj",
            "protested protest VERB 0 root",
            ". . PUNCT 2 punct",
        ],
        "Arnor protested against Gondor." => &[
            "Arnor Arnor PROPN 2 nsubj",
            "protested protest VERB 0 root",
            "against against ADP 4 case",
            "Gondor Gondor PROPN 2 obl",
            ". . PUNCT 2 punct",
        ],
        "Arnor did n't protest Gondor." => &[
            "Arnor Arnor PROPN 4 nsubj",
            "did do AUX 4 aux",
            "n't not PART 4 advmod",
            "protest protest VERB 0 root",
            "Gondor Gondor PROPN 4 obj",
            ". . PUNCT 4 punct",
        ],
        "Arnor said Gondor protested against Arnor." => &[
            "Arnor Arnor PROPN 2 nsubj",
            "said say VERB 0 root",
            "Gondor Gondor PROPN 4 nsubj",
            "protested protest VERB 2 ccomp",
            "against against ADP 6 case",
            "Arnor Arnor PROPN 4 obl",
            ". . PUNCT 2 punct",
        ],
        "Gondor and Arnor have postponed their meeting." => &[
            "Gondor Gondor PROPN 5 nsubj",
            "and and CCONJ 3 cc",
            "Arnor Arnor PROPN 1 conj",
            "have have AUX 5 aux",
            "postponed postpone VERB 0 root",
            "their their PRON 7 nmod:poss",
            "meeting meeting NOUN 5 obj",
            ". . PUNCT 5 punct",
        ],
        "Gondor will protest, Arnor stated." => &[
            "Gondor Gondor PROPN 3 nsubj",
            "will will AUX 3 aux",
            "protest protest VERB 6 ccomp",
            ", , PUNCT 3 punct",
            "Arnor Arnor PROPN 6 nsubj",
            "stated state VERB 0 root",
            ". . PUNCT 6 punct",
        ],
        _ => return Vec::new(),
    };
    vec![sent(rows)]
}

#[test]
fn compat_pattern_codes_with_either_attachment() {
    let c = coder();
    let o = CoderOptions::default();
    assert_eq!(
        c.code("Arnor restored ties with Gondor.", "19950101", o),
        vec![t("ARN", "GON", "064")]
    );
    assert_eq!(
        c.code("Arnor restored ties with Gondor (nmod).", "19950101", o),
        vec![t("ARN", "GON", "064")]
    );
}

#[test]
fn compat_null_codes_block_weaker_rules() {
    let c = coder();
    let o = CoderOptions::default();
    // RESTORE's family code is [---]: without "ties" nothing is coded.
    assert!(c.code("Arnor restored Gondor.", "", o).is_empty());
    // CLOSE: the BORDER pattern needs its target from the oblique, as the object is no actor.
    assert_eq!(
        c.code("Arnor closed its border to Gondor.", "", o),
        vec![t("ARN", "GON", "192")]
    );
    assert!(c.code("Arnor closed Gondor.", "", o).is_empty());
}

#[test]
fn compat_paired_codes_agents_and_irregular_forms() {
    let c = coder();
    assert_eq!(
        c.code(
            "Dagolath's prime minister left for Gondor.",
            "",
            CoderOptions::default()
        ),
        vec![t("DAGGOV", "GON", "032"), t("GON", "DAGGOV", "033")]
    );
}

#[test]
fn compat_dyad_option_prepositions_and_negation_words() {
    let c = coder();
    let mut o = CoderOptions::default();
    assert!(c.code("Arnor protested.", "", o).is_empty());
    o.require_dyad = false;
    assert_eq!(
        c.code("Arnor protested.", "", o),
        vec![t("ARN", "---", "111")]
    );
    let o = CoderOptions::default();
    // `&PREPS` is a synset of prepositions: a set of oblique cases.
    assert_eq!(
        c.code("Arnor protested against Gondor.", "", o),
        vec![t("ARN", "GON", "112")]
    );
    // `&NEGS` before the verb: the last word of each member ("n't" read as "not").
    assert_eq!(
        c.code("Arnor did n't protest Gondor.", "", o),
        vec![t("ARN", "GON", "903")]
    );
    // `%` before the verb: the compound subject's members towards each other.
    assert_eq!(
        c.code("Gondor and Arnor have postponed their meeting.", "", o),
        vec![t("GON", "ARN", "191"), t("ARN", "GON", "191")]
    );
    // SAY's [+++] (too complex) discards the whole sentence, the protest included.
    assert!(c
        .code("Arnor said Gondor protested against Arnor.", "", o)
        .is_empty());
    // Unknown text parses to nothing and codes nothing.
    assert!(c.code("nothing", "", o).is_empty());
}

#[test]
fn compat_findings_and_rule_meanings() {
    let (rules, findings) = rules_from_petrarch(&verbs());
    // The transformation is reported, not converted; SAY's [+++] makes a discard rule.
    assert!(findings
        .iter()
        .any(|f| f.message.contains("transformation")));
    assert!(!findings.iter().any(|f| f.message.contains("[+++]")));
    let say = rules
        .iter()
        .find(|r| r.lemmas.contains(&"say".to_string()))
        .unwrap();
    assert_eq!(rule_meaning(&say.id), RuleMeaning::Discard);
    let leave = rules
        .iter()
        .find(|r| r.lemmas.contains(&"leave".to_string()))
        .unwrap();
    assert!(leave.lemmas.contains(&"left".to_string()));
    assert_eq!(
        rule_meaning(&leave.id),
        RuleMeaning::Pair(crate::CameoCode::parse("033").unwrap())
    );
    assert_eq!(rule_meaning("petr.L3.g0.t0.null"), RuleMeaning::Null);
    assert_eq!(rule_meaning("appeal.arms"), RuleMeaning::Event);
    // TABARI flavour: same rules, other ids.
    let (tab, _) = rules_from_tabari(&verbs());
    assert_eq!(tab.len(), rules.len());
    assert!(tab[0].id.starts_with("tabari."));
    // A dictionary from the rules indexes them by lemma; duplicates are refused.
    let d = dictionary_from_rules(rules.clone()).unwrap();
    assert!(!d.candidates(crate::TriggerKind::Verb, "restore").is_empty());
    let mut dup = rules.clone();
    dup.push(rules[0].clone());
    assert!(dictionary_from_rules(dup).is_err());
}

#[test]
fn compat_lemma_variants_cover_regular_inflection() {
    let v = walk::lemma_variants("ties");
    assert!(v.contains(&"tie".to_string()));
    assert!(walk::lemma_variants("hosting").contains(&"host".to_string()));
    assert!(walk::lemma_variants("stopped").contains(&"stop".to_string()));
    assert!(walk::lemma_variants("parties").contains(&"party".to_string()));
    // Short or multibyte words must not panic.
    let _ = walk::lemma_variants("s");
    let _ = walk::lemma_variants("\u{2082}\u{2082}ed");
}

#[test]
fn compat_tabari_roots_are_stems() {
    let v = match parse_bytes(
        "t.verbs",
        b"RESTOR  [064]\n- * TIES  [065]\nRESCHED  [082]\n",
        Format::TabariVerbs,
    )
    .dict
    {
        D::Verbs(v) => v,
        _ => unreachable!("format forced"),
    };
    let (a, g) = actor_dicts();
    let c = tabari_suite_coder(&v, &a, &g, |text: &str| parses(text)).unwrap();
    let o = CoderOptions::default();
    // "rescheduled" has no rule of its own (nor do its regular base forms, which the
    // matcher tries): the root RESCHED begins it.
    assert_eq!(
        c.code("Arnor rescheduled Gondor.", "", o),
        vec![t("ARN", "GON", "082")]
    );
    assert_eq!(
        c.code("Arnor restored Gondor.", "", o),
        vec![t("ARN", "GON", "064")]
    );
    assert_eq!(
        c.code("Arnor restored ties with Gondor.", "", o),
        vec![t("ARN", "GON", "065")]
    );
}

#[test]
fn compat_a_clause_before_its_speech_verb_is_not_the_target() {
    let c = coder();
    let text = "Gondor will protest, Arnor stated.";
    // The reported clause's subject would be the target through `ccomp.nsubj`; PETRARCH
    // reads targets after the verb, so the statement has none.
    assert!(c.code(text, "", CoderOptions::default()).is_empty());
    let o = CoderOptions {
        require_dyad: false,
    };
    assert_eq!(
        c.code(text, "", o),
        vec![t("GON", "---", "111"), t("ARN", "---", "023")]
    );
}
