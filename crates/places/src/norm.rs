//! Name normalisation: the one function both the index and every query go through, so
//! "São Paulo", "Sao Paulo" and "SAO-PAULO" meet at the same key.

/// Writes the lookup key of `name` into `out` (cleared first).
///
/// Lowercases; folds Latin diacritics to their base letters (`ş` -> `s`, `ß` -> `ss`);
/// drops apostrophes and full stops (`N'Djamena` -> `ndjamena`, `D.C.` -> `dc`); turns
/// hyphens, commas, slashes and runs of whitespace into one space; and expands the
/// abbreviations news and GeoNames spell both ways (`St`/`St.` -> `saint`, `Ste` ->
/// `sainte`, `Mt` -> `mount`, `Ft` -> `fort`). Characters of other scripts are kept,
/// lowercased, so a non-Latin query still gets a stable key.
pub fn normalize_into(name: &str, out: &mut String) {
    out.clear();
    normalize_append(name, out);
}

/// Appends the key of `name` to `out`, after one space if `out` is not empty, so a key
/// for "New York" can be grown word by word: the result equals normalising the joined
/// words. Appends nothing when `name` has no letters or digits.
pub fn normalize_append(name: &str, out: &mut String) {
    // Index in `out` where the current word began, to expand abbreviations in place.
    let mut word_start = out.len();
    let mut pending_space = !out.is_empty();
    for c in name.chars() {
        match c {
            '.' => {
                // A full stop after an abbreviation ends a word ("St.Petersburg"); inside
                // initials it joins them ("D.C." -> "dc").
                if matches!(&out[word_start..], "st" | "ste" | "mt" | "ft") {
                    pending_space = true;
                }
            }
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}' => {}
            c if c.is_whitespace()
                || matches!(
                    c,
                    '-' | '\u{2010}' | '\u{2013}' | ',' | '/' | '_' | '(' | ')'
                ) =>
            {
                if !out.is_empty() {
                    pending_space = true;
                }
            }
            c => {
                if pending_space {
                    expand_abbreviation(out, word_start);
                    out.push(' ');
                    word_start = out.len();
                    pending_space = false;
                }
                push_folded(c, out);
            }
        }
    }
    expand_abbreviation(out, word_start);
}

/// Convenience wrapper over [`normalize_into`] that allocates.
pub fn normalize(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    normalize_into(name, &mut s);
    s
}

fn expand_abbreviation(out: &mut String, word_start: usize) {
    let full = match &out[word_start..] {
        "st" => "saint",
        "ste" => "sainte",
        "mt" => "mount",
        "ft" => "fort",
        _ => return,
    };
    out.truncate(word_start);
    out.push_str(full);
}

fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(s) = fold_latin(c) {
        out.push_str(s);
        return;
    }
    for l in c.to_lowercase() {
        // Combining marks left over from decomposed input ("e\u{301}") carry no letter.
        if !('\u{0300}'..='\u{036F}').contains(&l) {
            out.push(l);
        }
    }
}

/// Base letters for U+00C0..=U+017F (Latin-1 Supplement letters and Latin Extended-A),
/// one entry per code point; "" marks the two non-letters (× and ÷).
const LATIN: [&str; 192] = [
    // U+00C0 À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00D0 Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    // U+00E0 à á â ã ä å æ ç è é ê ë ì í î ï
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00F0 ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100 Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    // U+0110 Đ đ Ē ē Ĕ ĕ Ė ė Ę ę Ě ě Ĝ ĝ Ğ ğ
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    // U+0120 Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ Ĩ ĩ Ī ī Ĭ ĭ Į į
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    // U+0130 İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    // U+0140 ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    // U+0150 Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    // U+0160 Š š Ţ ţ Ť ť Ŧ ŧ Ũ ũ Ū ū Ŭ ŭ Ů ů
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    // U+0170 Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
];

fn fold_latin(c: char) -> Option<&'static str> {
    let u = c as u32;
    match u {
        0xC0..=0x17F => {
            // × and ÷ map to "": they are not letters, so they leave nothing.
            Some(LATIN[(u - 0xC0) as usize])
        }
        // Romanian comma-below letters, which GeoNames uses for Ș/Ț.
        0x218 | 0x219 => Some("s"),
        0x21A | 0x21B => Some("t"),
        // Vietnamese and other letters with stacked marks (Latin Extended Additional):
        // the base letter is what an English news text writes.
        0x1EA0..=0x1EB7 => Some("a"),
        0x1EB8..=0x1EC7 => Some("e"),
        0x1EC8..=0x1ECB => Some("i"),
        0x1ECC..=0x1EE3 => Some("o"),
        0x1EE4..=0x1EF1 => Some("u"),
        0x1EF2..=0x1EF9 => Some("y"),
        0x1E00..=0x1E9F => extended_additional(u),
        0x01A0 | 0x01A1 => Some("o"),
        0x01AF | 0x01B0 => Some("u"),
        0x01CD | 0x01CE => Some("a"),
        0x01CF | 0x01D0 => Some("i"),
        0x01D1 | 0x01D2 => Some("o"),
        0x01D3..=0x01DC => Some("u"),
        0x0259 | 0x018F => Some("a"),
        _ => None,
    }
}

/// The common dotted and underdotted consonants of U+1E00..U+1E9F (used in Arabic and
/// Indic romanisations: "Ḥalab", "Ṣanʿāʾ"). Pairs run upper, lower.
fn extended_additional(u: u32) -> Option<&'static str> {
    Some(match u {
        0x1E00..=0x1E01 => "a",
        0x1E02..=0x1E07 => "b",
        0x1E08..=0x1E09 => "c",
        0x1E0A..=0x1E13 => "d",
        0x1E14..=0x1E1D => "e",
        0x1E1E..=0x1E1F => "f",
        0x1E20..=0x1E21 => "g",
        0x1E22..=0x1E2B => "h",
        0x1E2C..=0x1E2F => "i",
        0x1E30..=0x1E35 => "k",
        0x1E36..=0x1E3D => "l",
        0x1E3E..=0x1E43 => "m",
        0x1E44..=0x1E4B => "n",
        0x1E4C..=0x1E53 => "o",
        0x1E54..=0x1E57 => "p",
        0x1E58..=0x1E5F => "r",
        0x1E60..=0x1E69 => "s",
        0x1E6A..=0x1E71 => "t",
        0x1E72..=0x1E7B => "u",
        0x1E7C..=0x1E7F => "v",
        0x1E80..=0x1E89 => "w",
        0x1E8A..=0x1E8D => "x",
        0x1E8E..=0x1E8F => "y",
        0x1E90..=0x1E95 => "z",
        0x1E96 => "h",
        0x1E97 => "t",
        0x1E98 => "w",
        0x1E99 => "y",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalize_folds_case_and_diacritics() {
        assert_eq!(normalize("São Paulo"), "sao paulo");
        assert_eq!(normalize("ZÜRICH"), "zurich");
        assert_eq!(normalize("Kraków"), "krakow");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("Ḩalab"), "halab");
        assert_eq!(normalize("Hà Nội"), "ha noi");
        assert_eq!(normalize("Straße"), "strasse");
        // Decomposed input (e + combining acute) meets the precomposed form.
        assert_eq!(normalize("Bogote\u{301}"), "bogote");
    }

    #[test]
    fn normalize_unifies_punctuation_and_abbreviations() {
        assert_eq!(normalize("St. Petersburg"), "saint petersburg");
        assert_eq!(normalize("Saint-Petersburg"), "saint petersburg");
        assert_eq!(normalize("St.Petersburg"), "saint petersburg");
        assert_eq!(normalize("Ste-Foy"), "sainte foy");
        assert_eq!(normalize("Washington, D.C."), "washington dc");
        assert_eq!(normalize("N'Djamena"), "ndjamena");
        assert_eq!(normalize("  Artemivs’k  "), "artemivsk");
        // "st" inside a word is not an abbreviation.
        assert_eq!(normalize("Stockholm"), "stockholm");
        assert_eq!(normalize("West"), "west");
    }

    #[test]
    fn normalize_append_equals_normalizing_the_joined_words() {
        let mut k = String::new();
        for w in ["St.", "John's", "", "-"] {
            super::normalize_append(w, &mut k);
        }
        assert_eq!(k, normalize("St. John's"));
        assert_eq!(k, "saint johns");
    }

    #[test]
    fn normalize_keeps_other_scripts_and_empty_input() {
        assert_eq!(normalize("Київ"), "київ");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" - . "), "");
    }
}
