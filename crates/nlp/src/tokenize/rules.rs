//! Word lists and character classes for the tokenizer (and the sentence splitter, which
//! needs the same notion of an abbreviation).

/// Abbreviations that keep their final period. Matched case-sensitively: "Gen." is an
/// abbreviation but "gen." ends a sentence about a generation. Words that are also common
/// sentence-final words ("Mass", "Miss", "Sun", "Ill") are left out on purpose: splitting
/// their period off is right far more often in news.
const ABBREVIATIONS: &[&str] = &[
    // Titles and ranks.
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Drs", "Prof", "Gen", "Sen", "Sens", "Rep", "Reps", "Gov",
    "Lt", "Col", "Capt", "Cmdr", "Sgt", "Cpl", "Pvt", "Adm", "Maj", "Brig", "Rev", "Hon", "Pres",
    "Supt", "Insp", "Atty", "Amb", "Gens", "Fr", "Jr", "Sr", "St", "Ste", "Mt", "Ft",
    // Companies and bodies.
    "Inc", "Ltd", "Co", "Corp", "Bros", "Dept", "Univ", "Assn", "Govt", "Cie", "Plc", "Mfg",
    // Places (US states as AP writes them, streets).
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Kan", "Kans", "Ky", "Md", "Mich", "Minn",
    "Neb", "Nev", "Okla", "Tenn", "Tex", "Va", "Vt", "Wis", "Wyo", "Ave", "Blvd", "Rd",
    // Months and days.
    "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue",
    "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", // Latin and reference words.
    "etc", "vs", "cf", "al", "approx", "est", "ca", "Fig", "Figs", "Vol", "Vols", "Ch", "pp", "Nr",
    "Op", "Para",
];

/// Abbreviations that keep their period only before a number ("No. 1", "Art. 5"): elsewhere
/// they are ordinary words ("said no.").
const NUMBER_ABBREVIATIONS: &[&str] = &["No", "no", "Nos", "nos", "Art", "Arts", "Sec", "Mar"];

/// Abbreviations that usually come before a name, so a capital after them does not start
/// a sentence ("Gen. Smith").
const TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Drs.", "Prof.", "Gen.", "Sen.", "Sens.", "Rep.",
    "Reps.", "Gov.", "Lt.", "Col.", "Capt.", "Cmdr.", "Sgt.", "Cpl.", "Pvt.", "Adm.", "Maj.",
    "Brig.", "Rev.", "Hon.", "Pres.", "Supt.", "Insp.", "Atty.", "Amb.", "Gens.", "Fr.", "St.",
    "Ste.", "Mt.", "Ft.", "No.", "Nos.", "Art.", "Arts.", "Sec.", "Fig.", "Figs.", "Vol.", "Vols.",
    "Ch.", "pp.", "cf.", "vs.", "Nr.", "Op.", "Para.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.",
    "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
];

/// First parts of hyphenated words that EWT keeps as one token ("e-mail", "non-stop").
/// Every other hyphen between words is split, as EWT does ("self|-|defense", "al|-|Qaeda").
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "mid", "pre", "anti", "re", "co", "post", "pro", "over", "multi", "ex", "semi",
    "neo", "sub", "un", "inter", "cross", "psycho", "counter",
];

/// Negations written without their apostrophe.
const NT_WITHOUT_APOSTROPHE: &[&str] = &[
    "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "havent", "hasnt", "hadnt",
    "couldnt", "wouldnt", "shouldnt", "cant", "aint",
];

/// Whether `word` (without its period) keeps a final period; `before_digit` says whether a
/// number follows.
pub(crate) fn keeps_period(word: &str, before_digit: bool) -> bool {
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    if before_digit && NUMBER_ABBREVIATIONS.contains(&word) {
        return true;
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        // A single letter: an initial ("J. Smith") or a list letter.
        (Some(c), None) => c.is_alphabetic(),
        // "U.S", "e.g", "a.m", "Ph.D": letters with internal periods.
        _ => {
            word.contains('.')
                && word
                    .split('.')
                    .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(char::is_alphabetic))
        }
    }
}

/// Whether an abbreviation token (with its period) is a title or a reference word that a
/// capitalized word normally follows within the same sentence.
pub(crate) fn is_title(token: &str) -> bool {
    TITLES.contains(&token)
}

/// Whether the first part of a hyphenated word is a prefix EWT keeps attached.
pub(crate) fn is_hyphen_prefix(part: &str) -> bool {
    part.len() <= 7 && HYPHEN_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(part))
}

/// Where to split a clitic off `word`, as a byte offset into `word`, or None.
/// Handles `n't`, `'s`, `'re`, `'ve`, `'ll`, `'d`, `'m` with a straight or curly apostrophe,
/// and the fused forms EWT splits (`cannot`, `gonna`, `wanna`, `gotta`).
pub(crate) fn clitic_split(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let n = b.len();
    // n't / n’t: split before the n, and keep at least one letter before it.
    for apos in ["'", "\u{2019}"] {
        let nt_len = 2 + apos.len();
        if n <= nt_len {
            continue;
        }
        // `get` because n - nt_len may fall inside a multi-byte letter.
        if let Some(tail) = word.get(n - nt_len..) {
            let t = tail.as_bytes();
            if t[0].eq_ignore_ascii_case(&b'n')
                && tail.get(1..1 + apos.len()) == Some(apos)
                && t[nt_len - 1].eq_ignore_ascii_case(&b't')
            {
                return Some(n - nt_len);
            }
        }
    }
    // 's 're 've 'll 'd 'm: split before the apostrophe.
    for apos in ["'", "\u{2019}"] {
        if let Some(pos) = word.rfind(apos) {
            let suffix = &word[pos + apos.len()..];
            let is_clitic = ["s", "re", "ve", "ll", "d", "m"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(suffix));
            if pos > 0 && is_clitic {
                return Some(pos);
            }
        }
    }
    let lower_eq = |w: &str| word.eq_ignore_ascii_case(w);
    if lower_eq("cannot") {
        return Some(3);
    }
    if lower_eq("gonna") || lower_eq("wanna") || lower_eq("gotta") || lower_eq("outta") {
        return Some(3);
    }
    // "dont", "didnt", "cant": EWT splits the apostrophe-less forms like the others.
    // "wont" is left alone: it is also a word.
    if NT_WITHOUT_APOSTROPHE.iter().any(|w| lower_eq(w)) {
        return Some(n - 2);
    }
    None
}

/// Characters that make up words: letters, digits, and the combining marks and joiners that
/// belong to the letter before them.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || matches!(c,
            '\u{0300}'..='\u{036F}' // combining diacritics
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0900}'..='\u{0903}'
            | '\u{093A}'..='\u{094F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{00AD}' // soft hyphen, inside words in scraped text
            | '\u{200C}' | '\u{200D}' // joiners
            | '\u{FE00}'..='\u{FE0F}') // variation selectors
}

/// Characters that separate tokens without being tokens: Unicode whitespace, control
/// characters, and the invisible spaces scraped text is full of.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}
