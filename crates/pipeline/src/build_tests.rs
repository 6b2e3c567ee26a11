//! Unit tests of `build.rs` on hand-written parses.

use super::*;

fn parse(rows: &[&str]) -> Sentence {
    let text: String = rows
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{}\t{r}\n", i + 1))
        .collect();
    Sentence::from_conllu(&text).unwrap()
}

fn date_for(s: &Sentence, trigger: usize) -> (Option<String>, &'static str, String) {
    date_of(s, trigger, false)
}

/// The date of an event on `trigger`; `actual` for an act reported as done.
fn date_of(s: &Sentence, trigger: usize, actual: bool) -> (Option<String>, &'static str, String) {
    let pd = Ymd::parse("2023-09-05").unwrap();
    let offsets: Vec<(usize, usize)> = s.words.iter().map(|w| (w.start, w.end)).collect();
    let ds = find_dates(&s.text, &offsets, pd, Default::default());
    let d = event_date(&attached_dates(s, &ds, trigger, actual), pd);
    (d.date, d.basis.as_str(), d.text)
}

#[test]
fn dates_attach_to_their_clause_and_vague_words_block_borrowing() {
    // Watson noted Monday that Shoigu traveled to Pyongyang recently .
    let s = parse(&[
        "Watson\tWatson\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
        "noted\tnote\tVERB\tVBD\t_\t0\troot\t_\t_",
        "Monday\tMonday\tPROPN\tNNP\t_\t2\tobl:tmod\t_\t_",
        "that\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_",
        "Shoigu\tShoigu\tPROPN\tNNP\t_\t6\tnsubj\t_\t_",
        "traveled\ttravel\tVERB\tVBD\t_\t2\tccomp\t_\t_",
        "to\tto\tADP\tIN\t_\t8\tcase\t_\t_",
        "Pyongyang\tPyongyang\tPROPN\tNNP\t_\t6\tobl\t_\t_",
        "recently\trecently\tADV\tRB\t_\t6\tadvmod\t_\t_",
    ]);
    let (d, basis, _) = date_for(&s, 1);
    assert_eq!((d.as_deref(), basis), (Some("2023-09-04"), "relative"));
    let (d, basis, text) = date_for(&s, 5);
    assert_eq!((d.as_deref(), basis), (Some("2023-09-05"), "publication"));
    assert_eq!(text, "recently");
}

#[test]
fn a_governing_clause_lends_its_date() {
    // Shoigu said Monday that they may hold games .
    let s = parse(&[
        "Shoigu\tShoigu\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
        "said\tsay\tVERB\tVBD\t_\t0\troot\t_\t_",
        "Monday\tMonday\tPROPN\tNNP\t_\t2\tobl:tmod\t_\t_",
        "that\tthat\tSCONJ\tIN\t_\t7\tmark\t_\t_",
        "they\tthey\tPRON\tPRP\t_\t7\tnsubj\t_\t_",
        "may\tmay\tAUX\tMD\t_\t7\taux\t_\t_",
        "hold\thold\tVERB\tVB\t_\t2\tccomp\t_\t_",
        "games\tgame\tNOUN\tNNS\t_\t7\tobj\t_\t_",
    ]);
    assert_eq!(date_for(&s, 6).0.as_deref(), Some("2023-09-04"));
    // A place under another verb is not the trigger's: "games" is below "hold" only.
    assert_eq!(clause_hops(&s, 7, 6), Some(1));
    assert_eq!(clause_hops(&s, 7, 1), None);
}

#[test]
fn adjuncts_relative_clauses_and_noun_modifiers_are_background() {
    // Settlers set fire to offices following the killing of a man , residents said .
    let s = parse(&[
        "Settlers\tsettler\tNOUN\tNNS\t_\t2\tnsubj\t_\t_",
        "set\tset\tVERB\tVBD\t_\t12\tccomp\t_\t_",
        "fire\tfire\tNOUN\tNN\t_\t2\tobj\t_\t_",
        "to\tto\tADP\tIN\t_\t5\tcase\t_\t_",
        "offices\toffice\tNOUN\tNNS\t_\t2\tobl\t_\t_",
        "following\tfollow\tVERB\tVBG\t_\t8\tcase\t_\t_",
        "the\tthe\tDET\tDT\t_\t8\tdet\t_\t_",
        "killing\tkilling\tNOUN\tNN\t_\t2\tobl\t_\t_",
        "of\tof\tADP\tIN\t_\t10\tcase\t_\t_",
        "man\tman\tNOUN\tNN\t_\t8\tnmod\t_\t_",
        "residents\tresident\tNOUN\tNNS\t_\t12\tnsubj\t_\t_",
        "said\tsay\tVERB\tVBD\t_\t0\troot\t_\t_",
    ]);
    // The reported act under "said" is the main report; the adjunct is background.
    assert!(!in_background(&s, 1));
    assert!(in_background(&s, 7));
    // The same adjunct misparsed as the complement of "said" is still background.
    let mut s = s;
    s.words[7].head = 12;
    s.words[7].deprel = "ccomp".into();
    assert!(in_background(&s, 7));
    // They will release hostages whom they had taken .
    let s = parse(&[
        "They\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_",
        "will\twill\tAUX\tMD\t_\t3\taux\t_\t_",
        "release\trelease\tVERB\tVB\t_\t0\troot\t_\t_",
        "hostages\thostage\tNOUN\tNNS\t_\t3\tobj\t_\t_",
        "whom\twhom\tPRON\tWP\t_\t8\tobj\t_\t_",
        "they\tthey\tPRON\tPRP\t_\t8\tnsubj\t_\t_",
        "had\thave\tAUX\tVBD\t_\t8\taux\t_\t_",
        "taken\ttake\tVERB\tVBN\t_\t4\tacl:relcl\t_\t_",
    ]);
    assert!(!in_background(&s, 2));
    assert!(in_background(&s, 7));
}

#[test]
fn char_offset_counts_code_points_and_survives_bad_offsets() {
    let t = "Café Kyiv";
    assert_eq!(char_offset(t, 6), 5);
    assert_eq!(char_offset(t, 4), 3); // inside "é": back to its start
    assert_eq!(char_offset(t, 999), 9);
}

#[test]
fn a_reported_act_does_not_take_the_date_of_the_report() {
    // Shoigu said Monday that jets attacked Aleppo .
    let s = parse(&[
        "Shoigu\tShoigu\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
        "said\tsay\tVERB\tVBD\t_\t0\troot\t_\t_",
        "Monday\tMonday\tPROPN\tNNP\t_\t2\tobl:tmod\t_\t_",
        "that\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_",
        "jets\tjet\tNOUN\tNNS\t_\t6\tnsubj\t_\t_",
        "attacked\tattack\tVERB\tVBD\tTense=Past\t2\tccomp\t_\t_",
        "Aleppo\tAleppo\tPROPN\tNNP\t_\t6\tobj\t_\t_",
    ]);
    let (d, basis, _) = date_of(&s, 5, true);
    assert_eq!((d.as_deref(), basis), (Some("2023-09-05"), "publication"));
    // The report itself is dated by its own word.
    assert_eq!(date_of(&s, 1, true).0.as_deref(), Some("2023-09-04"));
    // Announced rather than done: the announcement is the event, on Monday.
    assert_eq!(date_of(&s, 5, false).0.as_deref(), Some("2023-09-04"));
}

#[test]
fn a_reported_act_going_on_takes_the_date_of_the_report() {
    // Shoigu said Monday that jets are striking Aleppo .
    let s = parse(&[
        "Shoigu\tShoigu\tPROPN\tNNP\t_\t2\tnsubj\t_\t_",
        "said\tsay\tVERB\tVBD\t_\t0\troot\t_\t_",
        "Monday\tMonday\tPROPN\tNNP\t_\t2\tobl:tmod\t_\t_",
        "that\tthat\tSCONJ\tIN\t_\t7\tmark\t_\t_",
        "jets\tjet\tNOUN\tNNS\t_\t7\tnsubj\t_\t_",
        "are\tbe\tAUX\tVBP\tTense=Pres\t7\taux\t_\t_",
        "striking\tstrike\tVERB\tVBG\tVerbForm=Part\t2\tccomp\t_\t_",
        "Aleppo\tAleppo\tPROPN\tNNP\t_\t7\tobj\t_\t_",
    ]);
    let (d, basis, _) = date_of(&s, 6, true);
    assert_eq!((d.as_deref(), basis), (Some("2023-09-04"), "relative"));
}
