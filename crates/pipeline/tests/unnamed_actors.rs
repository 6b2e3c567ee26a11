//! Unnamed actors (issue #5): "rebels", "gunmen", "police", "protesters" with no country in
//! the sentence or the article. The recogniser finds them by their role word; the coder codes
//! them on their sector alone, CAMEO's and GDELT's way (`---REB`, source `country` empty,
//! never a guessed country), with `+unnamed` on the evidence rule so a user can filter them.
//! Sentences written for this file in session 12 (our own, not from any evaluation set),
//! positives and quiet negatives.

mod common;

use common::{code, show};
use sitrep_doc::Event;

fn target(e: &Event) -> &str {
    e.target.as_ref().map_or("-", |t| t.code.as_str())
}

/// Some row of `body` has CAMEO code prefix `cameo`, source code `src` and target code `tgt`
/// ("-" for none, "*" for any); every unnamed row is marked and has no country.
fn expect(body: &str, cameo: &str, src: &str, tgt: &str) {
    let events = code(body);
    let rows = show(&events);
    let hit = events.iter().any(|e| {
        e.cameo.code.starts_with(cameo) && e.source.code == src && (tgt == "*" || target(e) == tgt)
    });
    assert!(hit, "{body}: want {cameo} {src} -> {tgt}\n{rows}");
    for e in &events {
        let unnamed = e.source.code.starts_with("---") || target(e).starts_with("---");
        if e.source.code.starts_with("---") {
            assert_eq!(e.source.country, None, "{body}\n{rows}");
        }
        assert_eq!(
            unnamed,
            e.evidence[0].rule.ends_with("+unnamed"),
            "{body}: the rule marks unnamed rows\n{rows}"
        );
    }
}

/// No row of `body` has an unnamed actor.
fn quiet(body: &str) {
    let events = code(body);
    let rows = show(&events);
    assert!(
        events
            .iter()
            .all(|e| !e.source.code.starts_with("---") && !target(e).starts_with("---")),
        "{body}: no unnamed actor expected\n{rows}"
    );
}

#[test]
fn unnamed_fighters_police_and_protesters_are_coded_on_their_sector() {
    expect(
        "Rebels attacked an army post near the border on Sunday.",
        "19",
        "---REB",
        "---MIL",
    );
    expect(
        "Gunmen kidnapped a local chief and his two sons overnight.",
        "181",
        "---REB",
        "*",
    );
    expect(
        "Insurgents ambushed a convoy of soldiers on the highway.",
        "19",
        "---INS",
        "---MIL",
    );
    expect(
        "Hundreds of protesters marched on the city hall on Saturday.",
        "14",
        "---CVL",
        "*",
    );
    expect(
        "Soldiers arrested three opposition activists at a checkpoint.",
        "173",
        "---MIL",
        "---OPP",
    );
    expect(
        "Gunmen shot dead five villagers in a raid on a market.",
        "19",
        "---REB",
        "---CVL",
    );
    expect(
        "Police fired tear gas at protesters outside the parliament building.",
        "17",
        "---COP",
        "*",
    );
    expect(
        "Troops shelled rebel positions in the hills overnight.",
        "19",
        "---MIL",
        "*",
    );
}

#[test]
fn a_named_country_still_wins() {
    // The recogniser gives the militants the article's only country; no "---" code.
    expect(
        "Militants attacked a Nigerian army base.",
        "19",
        "NGAREB",
        "NGAMIL",
    );
    quiet("Militants attacked a Nigerian army base.");
}

#[test]
fn quiet_sentences_give_no_unnamed_rows() {
    for body in [
        // The rebels only own the leader; nothing is done.
        "The rebels' leader said the weather was bad.",
        "Police said the road would reopen on Monday.",
        "Soldiers watched a football match at the base on Sunday.",
        "The army band played the national anthem at the ceremony.",
        // Words of the sectors that mean something else here.
        "Market forces pushed prices higher on Tuesday.",
        "The officers of the company met in a hotel to discuss the budget.",
        "Protesters carried banners and sang songs in the rain.",
        "Police officers visited the school to talk about road safety.",
        // Civilians are the object of the attack, not its authors.
        "Officials were shocked by the attack on civilians.",
        // An unknown firm read as an organisation by its head word is no unnamed actor.
        "Blue Harbour Holdings accused the minister of lying about the contract.",
    ] {
        quiet(body);
    }
}

#[test]
fn unnamed_actors_stay_out_of_sentences_that_name_someone() {
    // Beside a named actor, an unnamed one could take its role; such rows are left as they
    // were before unnamed actors were coded.
    quiet("The UN envoy welcomed government and rebel delegations to the talks in Geneva.");
    quiet("The president praised the soldiers for their courage.");
}
