//! A check set for two tagger errors that cost the event coder whole sentences, written for
//! this test (not from any corpus or other file of the project):
//!
//! - `## news`: wire-story sentences whose subject is a plural or compound noun phrase, followed
//!   by a past-tense verb that is also a past participle ("Israeli jets struck depots",
//!   "Tens of thousands of teachers marched"). Read as a participle (VBN modifying the noun),
//!   the clause has no finite verb and the parser turns it into a noun phrase.
//! - `## headlines`: present-tense headlines without determiners or a final stop ("Kenya
//!   recalls ambassador", "Rebels seize key town"), where the verb is read as a plural noun.
//! - `## controls`: where the participle or the plural noun is right: reduced relatives ("the
//!   targets struck by the warplanes were"), headline passives ("Two soldiers killed in
//!   ambush"), noun-phrase headlines ("Attacks on aid workers"). A repair that makes every
//!   such word a verb fails here.
//!
//! Format as in `news_tags.txt` (`word/GOLD`, alternatives split by `|`). The finite-verb
//! error rate counts the marked words whose gold is VBD, VBZ or VBP in the first two sections
//! and that are not tagged with a finite class (any of the three, or MD).
//! The floors are what the shipped tagger reaches, rounded to leave one word of slack.

use sitrep_nlp::{eval, Model};

const CHECK: &str = include_str!("finite_verbs.txt");

/// The lines of one `## name` section.
fn section(name: &str) -> String {
    let mut on = false;
    let mut out = String::new();
    for line in CHECK.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            on = h.trim() == name;
        } else if on {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `text` with only the marks of finite verbs kept, each accepting any finite tag: the rate
/// counts a clause given a finite verb, whatever its tense ("erupt" read VBZ is a tense error,
/// not a lost clause; the exact tags are scored per section below).
fn finite_marks(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let words: Vec<String> = line
            .split_whitespace()
            .map(|t| match t.rsplit_once('/') {
                Some((w, g)) if !w.is_empty() && !g.is_empty() => {
                    let fin = g.split('|').any(|g| matches!(g, "VBD" | "VBZ" | "VBP"));
                    if fin {
                        format!("{w}/VBD|VBZ|VBP|MD")
                    } else {
                        w.to_string()
                    }
                }
                _ => t.to_string(),
            })
            .collect();
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out
}

/// (correct, checked) of one text, printing the misses.
fn score(model: &Model, what: &str, text: &str) -> (usize, usize) {
    let (ok, all, misses) = eval::marked_tags(model, text);
    eprintln!("{what}: {ok}/{all}");
    for m in &misses {
        eprintln!("  miss {m}");
    }
    (ok, all)
}

/// Finite-verb (correct, checked) and control (correct, checked) of one model.
fn measure(model: &Model, label: &str) -> ((usize, usize), (usize, usize)) {
    let (news, heads, controls) = (section("news"), section("headlines"), section("controls"));
    eprintln!("== {label}");
    let verbs = finite_marks(&format!("{news}{heads}"));
    let (v_ok, v_all) = score(model, "finite verbs (news + headlines)", &verbs);
    let (n_ok, n_all) = score(model, "news, all marks", &news);
    let (h_ok, h_all) = score(model, "headlines, all marks", &heads);
    let (c_ok, c_all) = score(model, "controls, all marks", &controls);
    eprintln!(
        "{label}: finite-verb error rate {:.1}% ({} of {v_all}); news {n_ok}/{n_all}, \
         headlines {h_ok}/{h_all}, controls {c_ok}/{c_all}",
        100.0 * (v_all - v_ok) as f64 / v_all as f64,
        v_all - v_ok
    );
    ((v_ok, v_all), (c_ok, c_all))
}

#[test]
fn finite_verbs_after_plural_subjects_and_in_headlines() {
    let model = Model::embedded().expect("embedded model loads");
    // The same weights without the clause repair, for the before/after figures.
    let mut plain = model.clone();
    plain.tagger.roles.clear();
    let ((p_ok, _), (pc_ok, _)) = measure(&plain, "without the clause repair");
    let ((v_ok, v_all), (c_ok, c_all)) = measure(&model, "shipped");
    assert!(
        v_all >= 100 && c_all >= 60,
        "{v_all} verbs, {c_all} controls"
    );
    let err = 100.0 * (v_all - v_ok) as f64 / v_all as f64;
    assert!(
        err <= MAX_FINITE_ERR,
        "finite-verb error {err:.1}% > {MAX_FINITE_ERR}"
    );
    assert!(c_ok >= MIN_CONTROLS, "controls {c_ok} < {MIN_CONTROLS}");
    // The repair only ever adds finite verbs where a clause had none: it must not lose one
    // the plain tagger had, nor cost a control.
    assert!(
        v_ok >= p_ok && c_ok >= pc_ok,
        "repair {v_ok}/{c_ok}, plain {p_ok}/{pc_ok}"
    );
}

/// Finite-verb error rate of the shipped tagger in percent (17 of 114; 30.7% without the
/// clause repair), with one word of slack: 18 of 114.
const MAX_FINITE_ERR: f64 = 15.8;
/// Controls right with the shipped tagger (59 of 65; 58 without the repair), less one.
const MIN_CONTROLS: usize = 58;
