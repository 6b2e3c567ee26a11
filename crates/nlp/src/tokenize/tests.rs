use super::*;

fn words(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

#[test]
fn tokenize_splits_clitics_as_ewt() {
    assert_eq!(words("I don't know"), ["I", "do", "n't", "know"]);
    assert_eq!(
        words("They can't, won't."),
        ["They", "ca", "n't", ",", "wo", "n't", "."]
    );
    assert_eq!(
        words("I'm sure it's Russia's"),
        ["I", "'m", "sure", "it", "'s", "Russia", "'s"]
    );
    assert_eq!(
        words("Russia’s army didn’t"),
        ["Russia", "’s", "army", "did", "n’t"]
    );
    assert_eq!(
        words("we'll they've you'd"),
        ["we", "'ll", "they", "'ve", "you", "'d"]
    );
    assert_eq!(
        words("the countries' leaders"),
        ["the", "countries", "'", "leaders"]
    );
    assert_eq!(
        words("I cannot, gonna go"),
        ["I", "can", "not", ",", "gon", "na", "go"]
    );
    // EWT splits the forms written without an apostrophe too, but not "wont".
    assert_eq!(words("I dont, cant"), ["I", "do", "nt", ",", "ca", "nt"]);
    assert_eq!(words("wont"), ["wont"]);
    // Apostrophes inside names stay.
    assert_eq!(
        words("O'Brien's rock'n'roll"),
        ["O'Brien", "'s", "rock'n'roll"]
    );
}

#[test]
fn tokenize_keeps_abbreviations_and_initials() {
    assert_eq!(
        words("Gen. Smith met U.S. and U.N. officials, e.g. Dr. Lee, at 9 a.m. on Jan. 5."),
        [
            "Gen.",
            "Smith",
            "met",
            "U.S.",
            "and",
            "U.N.",
            "officials",
            ",",
            "e.g.",
            "Dr.",
            "Lee",
            ",",
            "at",
            "9",
            "a.m.",
            "on",
            "Jan.",
            "5",
            "."
        ]
    );
    assert_eq!(words("J. K. Rowling"), ["J.", "K.", "Rowling"]);
    // "No." is an abbreviation only before a number.
    assert_eq!(words("No. 10 said no."), ["No.", "10", "said", "no", "."]);
    assert_eq!(words("Apple Inc. rose."), ["Apple", "Inc.", "rose", "."]);
    // An ordinary word keeps no period, even when capitalized.
    assert_eq!(words("in Moscow."), ["in", "Moscow", "."]);
}

#[test]
fn tokenize_numbers_money_and_percent() {
    assert_eq!(
        words("rose 3.5% to $1,000,000 (£600m), or 1,234.5"),
        [
            "rose",
            "3.5",
            "%",
            "to",
            "$",
            "1,000,000",
            "(",
            "£",
            "600m",
            ")",
            ",",
            "or",
            "1,234.5"
        ]
    );
    // Not thousands: a list, and a four-digit group.
    assert_eq!(words("3,4 1,0000"), ["3", ",", "4", "1", ",", "0000"]);
    assert_eq!(words("at 10:30 on 9/11"), ["at", "10:30", "on", "9/11"]);
    assert_eq!(words("the '90s"), ["the", "'90s"]);
}

#[test]
fn tokenize_hyphens_and_dashes_as_ewt() {
    assert_eq!(words("search-engine"), ["search", "-", "engine"]);
    assert_eq!(
        words("e-mail non-stop anti-war"),
        ["e-mail", "non-stop", "anti-war"]
    );
    assert_eq!(
        words("the 1946-1954 war"),
        ["the", "1946", "-", "1954", "war"]
    );
    assert_eq!(words("call 555-1234"), ["call", "555-1234"]);
    assert_eq!(words("war--and peace"), ["war", "--", "and", "peace"]);
    assert_eq!(
        words("war—and peace – so"),
        ["war", "—", "and", "peace", "–", "so"]
    );
    assert_eq!(words("AT&T and/or S&P"), ["AT&T", "and", "/", "or", "S&P"]);
}

#[test]
fn tokenize_urls_and_emails() {
    assert_eq!(
        words("(see https://example.com/a_b?q=1&r=(2)), or www.bbc.co.uk."),
        [
            "(",
            "see",
            "https://example.com/a_b?q=1&r=(2)",
            ")",
            ",",
            "or",
            "www.bbc.co.uk",
            "."
        ]
    );
    assert_eq!(
        words("Write to kim.jong-un@example.org."),
        ["Write", "to", "kim.jong-un@example.org", "."]
    );
    assert_eq!(words("\"http://a.io/x\""), ["\"", "http://a.io/x", "\""]);
}

#[test]
fn tokenize_quotes_and_ellipses() {
    assert_eq!(
        words("\"He said 'no' to me.\""),
        ["\"", "He", "said", "'", "no", "'", "to", "me", ".", "\""]
    );
    assert_eq!(
        words("“We have ‘information’,” she said"),
        [
            "“",
            "We",
            "have",
            "‘",
            "information",
            "’",
            ",",
            "”",
            "she",
            "said"
        ]
    );
    assert_eq!(
        words("Wait... what?! Really…"),
        ["Wait", "...", "what", "?!", "Really", "…"]
    );
    assert_eq!(words("said.The end"), ["said", ".", "The", "end"]);
    assert_eq!(
        words("Great :) #win <<ok>>"),
        ["Great", ":)", "#win", "<<", "ok", ">>"]
    );
    assert_eq!(words("Note:Done"), ["Note", ":", "Done"]);
}

#[test]
fn tokenize_offsets_point_into_the_text() {
    let text = "  Zürich’s café\u{00A0}rose\n\n3.5%  ";
    let toks = tokenize(text);
    assert_eq!(
        toks.iter().map(|t| t.range()).collect::<Vec<_>>(),
        [2..9, 9..13, 14..19, 21..25, 27..30, 30..31]
    );
    assert_eq!(toks[0].text(text), "Zürich");
    // A token from another text reads as empty rather than panicking.
    assert_eq!(Token { start: 3, end: 100 }.text(text), "");
}

#[test]
fn tokenize_reuses_the_buffer() {
    let mut buf = vec![Token { start: 9, end: 9 }];
    tokenize_into("a b", &mut buf);
    assert_eq!(buf.len(), 2);
}

/// A small xorshift generator: deterministic "random" inputs without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Characters that stress every branch: connectors, quotes, clitic pieces, multi-byte
/// letters, combining marks, invisible spaces, controls, emoji.
const PALETTE: &[&str] = &[
    "a", "Z", "n", "t", "s", "0", "9", ".", ",", "'", "’", "-", "—", "&", "/", ":", "@", "_", "(",
    ")", "\"", "“", "”", "$", "%", "!", "?", "…", " ", "\n", "\n\n", "\t", "é", "ß", "ж", "中",
    "e\u{301}", "\u{200B}", "\u{FEFF}", "\u{0}", "🙂", "http://", "www.", "U.S.", "Dr.", "n't",
    "'s", "No.", "e-", "1,000", ":)",
];

#[test]
fn tokenize_invariants_hold_on_random_text() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for _ in 0..3000 {
        let len = (rng.next() % 40) as usize;
        let text: String = (0..len)
            .map(|_| PALETTE[(rng.next() % PALETTE.len() as u64) as usize])
            .collect();
        check_invariants(&text);
    }
}

/// Tokens are non-empty, ordered, non-overlapping, on char boundaries, inside the text, and
/// cover every char that is not a separator: no text is lost.
fn check_invariants(text: &str) {
    let toks = tokenize(text);
    let mut covered = 0;
    let mut last_end = 0;
    for t in &toks {
        let r = t.range();
        assert!(r.start < r.end, "empty token in {text:?}");
        assert!(
            r.start >= last_end,
            "overlap or disorder in {text:?}: {toks:?}"
        );
        assert!(r.end <= text.len(), "token past the end in {text:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(
            text[last_end..r.start].chars().all(rules::is_space),
            "lost text in {text:?}"
        );
        covered += r.len();
        last_end = r.end;
    }
    assert!(
        text[last_end..].chars().all(rules::is_space),
        "lost tail in {text:?}"
    );
    let non_space: usize = text
        .chars()
        .filter(|&c| !rules::is_space(c))
        .map(char::len_utf8)
        .sum();
    assert!(covered >= non_space);
    let sents = crate::sentences::split_sentences(text, &toks);
    let mut next = 0;
    for s in &sents {
        assert_eq!(s.start, next, "sentences must tile the tokens in {text:?}");
        assert!(s.end > s.start);
        next = s.end;
    }
    assert_eq!(next, toks.len());
}

#[test]
fn tokenize_survives_pathological_input() {
    check_invariants(&"-".repeat(10_000));
    check_invariants(&"a.".repeat(10_000));
    check_invariants(&"1,".repeat(10_000));
    check_invariants(&"'".repeat(10_000));
    check_invariants(&format!("http://{}", "x".repeat(100_000)));
    check_invariants(&"x@".repeat(10_000));
    check_invariants(&"\u{301}".repeat(1000));
}
