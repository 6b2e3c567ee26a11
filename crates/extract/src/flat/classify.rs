//! Context-free judgement of one line: is it a known kind of furniture, a cue that opens a
//! story list, and how much does it look like article prose (the score the body search sums).

use super::lines::Line;
use super::words::{self, AD_LINES, COMMENT_CUES, RELATED_CUES, SHARE_WORDS};
use sitrep_doc::DropReason;

/// What a line opens, when it is a cue line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// "You might also like", "Related", "Most read"...
    Related,
    /// "Comments", "Leave a reply"...
    Comments,
    /// "About the author", "Sobre Carlos Silva": an author or company box.
    About,
}

/// Lowercase, with surrounding punctuation, arrows and counters trimmed: the form cue and
/// marker lists are written in.
pub(crate) fn key(text: &str) -> String {
    text.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// A cue line: short, and equal to a cue phrase or a cue phrase followed by a few words
/// ("More from Europe").
pub(crate) fn cue(line: &Line) -> Option<Cue> {
    if line.chars > 200 {
        return None;
    }
    let k = key(&line.text);
    let k = k.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    // "34 responses to “Headline”": a comment count that quotes the headline.
    if starts_with_any(
        k,
        &[
            "responses to ",
            "replies to ",
            "comments on ",
            "thoughts on ",
        ],
    ) {
        return Some(Cue::Comments);
    }
    if line.chars > 40 {
        return None;
    }
    if about_label(&line.text) {
        return Some(Cue::About);
    }
    // "More Washington Examiner", "More From Sports": a capitalised "More ..." label.
    let label_words: Vec<&str> = line.text.split(' ').collect();
    if label_words.len() >= 2
        && label_words.len() <= 4
        && label_words[0] == "More"
        && label_words[1..]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase))
    {
        return Some(Cue::Related);
    }
    let matches = |list: &[&str]| {
        list.iter().any(|c| {
            k == *c
                || (k.len() > c.len() + 1
                    && k.starts_with(c)
                    && k.as_bytes()[c.len()] == b' '
                    && k.split(' ').count() <= c.split(' ').count() + 3)
        })
    };
    if matches(COMMENT_CUES) {
        Some(Cue::Comments)
    } else if matches(RELATED_CUES) {
        Some(Cue::Related)
    } else {
        None
    }
}

/// Split a line into lowercase tokens, also at case joins ("articleComments" -> "article",
/// "comments"), which is how a flattener glues adjacent buttons together.
pub(crate) fn ui_tokens(text: &str) -> (Vec<String>, usize) {
    let mut toks = Vec::new();
    let mut joins = 0;
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
        if w.is_empty() {
            continue;
        }
        let mut cur = String::new();
        let mut prev_lower = false;
        for c in w.chars() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                toks.push(std::mem::take(&mut cur));
                joins += 1;
            }
            prev_lower = c.is_lowercase();
            cur.extend(c.to_lowercase());
        }
        if !cur.is_empty() {
            toks.push(cur);
        }
    }
    (toks, joins)
}

/// "About Jane Doe", "Über Moritz Bachmann", "About the author": a label opening a box about
/// the author or the company, which follows the article.
fn about_label(t: &str) -> bool {
    let lower = t.to_lowercase();
    if [
        "about the author",
        "sobre o autor",
        "sobre el autor",
        "über den autor",
        "à propos de l'auteur",
        "об авторе",
    ]
    .iter()
    .any(|p| lower.trim_end_matches(':') == *p)
    {
        return true;
    }
    let words: Vec<&str> = t.split(' ').collect();
    (3..=4).contains(&words.len())
        && matches!(words[0], "About" | "Sobre" | "Über" | "Acerca")
        && words[1..].iter().all(|w| w.starts_with(char::is_uppercase))
}

fn starts_with_any(k: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| k.starts_with(p))
}

/// A known kind of furniture, recognised from the line alone.
pub(crate) fn furniture(line: &Line) -> Option<DropReason> {
    let t = line.text.as_str();
    let k = key(t);
    if line.chars <= 60 && AD_LINES.contains(&k.as_str()) {
        return Some(DropReason::Advertisement);
    }
    let lower = t.to_lowercase();
    // "Copyright Reuters", "© 2024 Gazette": but not "Copyright lawsuits are rising."
    let copyright_line = lower.starts_with("copyright")
        && line.chars <= 200
        && (!line.ends_sentence || lower.contains('©') || lower.contains("rights reserved"));
    if lower.starts_with('©') || lower.starts_with("(c) ") || copyright_line {
        return Some(if line.chars > 150 {
            DropReason::Footer
        } else {
            DropReason::Credit
        });
    }
    if line.chars <= 200 && lower.contains("all rights reserved") {
        return Some(DropReason::Footer);
    }
    // Legal small print (phrases C4's line filter also keys on). A news sentence about a
    // company's privacy policy is left alone: only labels and the site's own notices go.
    let legal_label = ["terms of use", "terms of service", "privacy policy"]
        .iter()
        .any(|p| lower.contains(p));
    let legal_notice = [
        "registered trademark",
        "the information provided on this",
        "our privacy policy",
        "our terms",
    ]
    .iter()
    .any(|p| lower.contains(p));
    if (legal_label && line.chars <= 80 && !line.ends_sentence)
        || (legal_notice && line.chars <= 600)
    {
        return Some(DropReason::Footer);
    }
    // "Jane Doe | Bloomberg | Getty Images": a credit names the agency last.
    if line.chars <= 80
        && !line.ends_sentence
        && [
            "getty images",
            "ap photo",
            "/ap",
            "via reuters",
            "afp",
            "shutterstock",
            "/reuters",
        ]
        .iter()
        .any(|a| lower.ends_with(a))
    {
        return Some(DropReason::Credit);
    }
    if line.chars <= 80
        && starts_with_any(
            lower.trim_start_matches(['(', '[']),
            &[
                "photo:",
                "photo by",
                "photos:",
                "photograph:",
                "image:",
                "credit:",
                "picture:",
                "foto:",
                "fotos:",
                "фото:",
                "getty images",
                "image source",
                "image caption",
                "media caption",
                "source:",
                "image copyright",
                "courtesy of",
                "courtesy:",
                "photo courtesy",
            ],
        )
    {
        return Some(DropReason::Credit);
    }
    // The site's own cookie notice, not a story about cookie rules.
    if line.chars <= 600
        && lower.contains("cookie")
        && [
            "we use",
            "uses cookies",
            "this site",
            "our site",
            "this website",
            "our website",
            "by continuing",
            "accept all",
            "accept cookies",
            "cookie settings",
            "cookie policy",
        ]
        .iter()
        .any(|p| lower.contains(p))
    {
        return Some(DropReason::CookieNotice);
    }
    // Prompts, not reporting: "Subscribe now", "Sign up for our newsletter". A sentence that
    // merely mentions subscribers ("Netflix added 2 million subscribers.") is left alone.
    let k_starts = |ps: &[&str]| starts_with_any(&k, ps);
    if (lower.contains("newsletter")
        && (line.chars <= 120 || (!line.ends_sentence && line.chars <= 400)))
        || (line.chars <= 250
            && [
                "subscribe to our",
                "unsubscribe",
                "sign up for our",
                "sign up to our",
                "sign up for free",
                "sign up now",
            ]
            .iter()
            .any(|p| lower.contains(p)))
        || (line.chars <= 120
            && k_starts(&[
                "subscribe",
                "sign up",
                "assine",
                "inscreva",
                "suscríbete",
                "abonnez",
                "abonnieren",
                "подпишитесь",
                "подписаться",
                "become a member",
                "already a subscriber",
            ]))
    {
        return Some(DropReason::Subscription);
    }
    if line.chars <= 80 {
        let (toks, joins) = ui_tokens(t);
        if !toks.is_empty() {
            // Function words ("on", "to") neither make nor break a button label.
            let content = toks
                .iter()
                .filter(|w| !words::is_stopword(w))
                .count()
                .max(1);
            let ui = toks
                .iter()
                .filter(|w| words::is_ui_word(w) && !words::is_stopword(w))
                .count();
            let share = toks.iter().any(|w| SHARE_WORDS.contains(&w.as_str()));
            let mostly_ui = ui * 3 >= content * 2 || (joins > 0 && ui * 2 >= content);
            if mostly_ui && share {
                return Some(DropReason::ShareButton);
            }
            if mostly_ui && (!line.ends_sentence || ui >= 3) {
                return Some(DropReason::Navigation);
            }
        }
    }
    // An inline pointer to another story ("Related: ...", "READ MORE: ...").
    if line.words <= 25 && !line.ends_sentence {
        if let Some((head, _)) = lower.split_once(':') {
            let head = head.trim();
            if RELATED_CUES.contains(&head) || matches!(head, "see more" | "watch" | "listen") {
                return Some(DropReason::RelatedLinks);
            }
        }
    }
    // A headline in capitals ("SENATOR SAYS DEAL IS CLOSE"): a promoted story, not a
    // subheading, which is shorter.
    if line.words >= 5 && line.chars <= 150 && !line.ends_sentence && shouting(t) {
        return Some(DropReason::RelatedLinks);
    }
    // A gallery counter ("1 of 23", "3 / 12").
    if line.chars <= 12 && is_counter(&k) {
        return Some(DropReason::Navigation);
    }
    // A comment header ("jane_doe says:").
    if line.chars <= 60 && line.words <= 4 && lower.ends_with(" says:") {
        return Some(DropReason::Comments);
    }
    if line.chars <= 120 && !line.text.contains(' ') && looks_like_link(t) {
        return Some(DropReason::Boilerplate);
    }
    None
}

fn shouting(t: &str) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in t.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    letters >= 10 && upper * 10 >= letters * 9
}

fn is_counter(k: &str) -> bool {
    let parts: Vec<&str> = k.split([' ', '/']).filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [a, b] => a.chars().all(|c| c.is_ascii_digit()) && b.chars().all(|c| c.is_ascii_digit()),
        [a, "of", b] => {
            a.chars().all(|c| c.is_ascii_digit()) && b.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

fn looks_like_link(t: &str) -> bool {
    let l = t.to_ascii_lowercase();
    l.starts_with("http://")
        || l.starts_with("https://")
        || l.starts_with("www.")
        || (l.starts_with('@') && l.len() > 1)
        || (l.contains('@') && l.contains('.'))
}

/// Whether the line reads like prose in a language our stopword lists cover, on the
/// document's evidence: `doc_stoplisted` says the lists fit this page at all (a page in an
/// unlisted language must not be judged by them).
pub(crate) fn prose_quality(line: &Line, doc_stoplisted: bool) -> f64 {
    if !doc_stoplisted || !line.stoplisted_script {
        return 1.0;
    }
    // jusText's thresholds sit near 0.30 for English; allow a lower floor for terse styles.
    ((line.stop_density as f64 - 0.08) / 0.2).clamp(0.0, 1.0)
}

/// A line cut short with an ellipsis right after a word, the way story lists truncate teasers.
pub(crate) fn teaser(t: &str) -> bool {
    let body = if let Some(b) = t.strip_suffix("...") {
        b
    } else if let Some(b) = t.strip_suffix('…') {
        b
    } else {
        return false;
    };
    body.chars().last().is_some_and(char::is_alphanumeric) && body.chars().count() >= 60
}

/// The body-search score of a line: positive for prose, negative for furniture and for short
/// lines that are not sentences. Roughly "characters of prose" minus a per-line cost.
pub(crate) fn score(line: &Line, doc_stoplisted: bool) -> f64 {
    let n = line.chars.min(1200) as f64;
    let q = prose_quality(line, doc_stoplisted);
    let sentence = line.ends_sentence && (line.words >= 5 || line.chars >= 40);
    if teaser(&line.text) {
        // A teaser cut off mid-sentence ("... for which ..."): story lists, not the story.
        -(20.0 + n.min(100.0) * 0.2)
    } else if sentence {
        n * (0.25 + 0.75 * q) - 20.0
    } else if line.words >= 12 && q > 0.5 {
        n * 0.5 * q - 20.0
    } else {
        -(20.0 + n.min(100.0) * 0.2)
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    fn one(s: &str) -> Line {
        split(s).remove(0)
    }

    #[test]
    fn furniture_kinds_are_recognised() {
        let cases = [
            ("ADVERTISEMENT", DropReason::Advertisement),
            ("Publicidade", DropReason::Advertisement),
            ("Share this articleComments", DropReason::ShareButton),
            ("Share on Facebook", DropReason::ShareButton),
            ("Copyright Reuters", DropReason::Credit),
            (
                "© 2024 The Valley Gazette. All rights reserved.",
                DropReason::Credit,
            ),
            ("Photo: Ana Silva, Staff", DropReason::Credit),
            (
                "We use cookies to improve your experience. Accept all cookies",
                DropReason::CookieNotice,
            ),
            (
                "Sign up for our morning newsletter",
                DropReason::Subscription,
            ),
            ("Skip to main content", DropReason::Navigation),
            ("https://example.org/news/123", DropReason::Boilerplate),
        ];
        for (text, want) in cases {
            assert_eq!(furniture(&one(text)), Some(want), "{text}");
        }
        for prose in [
            "The ministers will meet again in March, officials said.",
            "Harbour talks resume",
            "Copies of the report were shared with lawmakers on Monday.",
            "Copyright lawsuits against the platform rose sharply last year, the report said.",
        ] {
            assert_eq!(furniture(&one(prose)), None, "{prose}");
        }
    }

    #[test]
    fn cue_lines_are_short_and_anchored() {
        assert_eq!(cue(&one("You might also like")), Some(Cue::Related));
        assert_eq!(cue(&one("MORE FROM EUROPE")), Some(Cue::Related));
        assert_eq!(cue(&one("Leia também:")), Some(Cue::Related));
        assert_eq!(cue(&one("12 Comments")), Some(Cue::Comments));
        assert_eq!(
            cue(&one("Related talks between the two sides stalled.")),
            None
        );
    }

    #[test]
    fn ui_tokens_split_glued_buttons() {
        let (toks, joins) = ui_tokens("Share this articleClose Button");
        assert_eq!(toks, ["share", "this", "article", "close", "button"]);
        assert_eq!(joins, 1);
    }

    #[test]
    fn score_prefers_prose_over_menus() {
        let prose = one("The government said on Tuesday that it would send more rescue teams to the north, where the river had burst its banks.");
        let menu = one("World News");
        let headline = one("Star striker signs three-year deal with rivals");
        assert!(score(&prose, true) > 50.0);
        assert!(score(&menu, true) < 0.0);
        assert!(score(&headline, true) < 0.0);
    }
}
