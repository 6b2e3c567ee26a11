//! Phrase normalisation shared by the index and its callers, so that "Côte d’Ivoire",
//! "COTE D'IVOIRE" and "the  Cote d'Ivoire" all reach the same key.

/// The lookup key of a phrase: lower case, Latin diacritics folded, curly quotes made
/// straight, whitespace collapsed to single spaces, and a leading article "the" removed
/// ("the Kremlin" and "Kremlin" are the same key; a matcher may then skip a determiner).
pub fn normalize(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut pending_space = false;
    for c in phrase.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match fold(c) {
            Some(s) => out.push_str(s),
            None => out.extend(c.to_lowercase()),
        }
    }
    if out.split(' ').any(|t| given_name(t).is_some()) {
        out = out
            .split(' ')
            .map(|t| given_name(t).unwrap_or(t))
            .collect::<Vec<_>>()
            .join(" ");
    }
    match out.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => out,
    }
}

/// The one spelling a transliterated given name is indexed under, for a lower-case word that
/// is another spelling of it; `None` for every other word.
///
/// English news writes the same Russian, Ukrainian or Arabic given name several ways (Reuters
/// "Sergei", AP "Sergey"; "Mohammed", "Muhammad", "Mohamed"), and a KB entry is written one
/// way: folding both sides makes "Sergey Lavrov" find "Sergei Lavrov". Whole words only, and
/// given names only: surname variants ("Zelensky", "Zelenskyy") are listed in the KB where
/// they matter, and folding them would merge different families. Pairs are kept to spellings
/// of one name, never two names ("Hossein" and "Hussein" stay apart).
pub fn given_name(word: &str) -> Option<&'static str> {
    Some(match word {
        "andrey" => "andrei",
        "sergey" => "sergei",
        "yury" | "yuriy" | "iurii" => "yuri",
        "dmitri" | "dmitriy" | "dmitrii" => "dmitry",
        "alexey" | "aleksei" | "aleksey" => "alexei",
        "aleksandr" | "alexandr" => "alexander",
        "nikolay" => "nikolai",
        "vasiliy" | "vasili" => "vasily",
        "anatoli" | "anatoliy" => "anatoly",
        "valeri" | "valeriy" => "valery",
        "gennadi" | "gennadiy" => "gennady",
        "grigori" | "grigoriy" => "grigory",
        "evgeny" | "evgeni" | "evgeniy" | "yevgeni" | "yevgeniy" => "yevgeny",
        "vitali" | "vitaliy" => "vitaly",
        "arkadi" | "arkadiy" => "arkady",
        "maksim" => "maxim",
        "matvey" => "matvei",
        "timofey" => "timofei",
        "oleksiy" => "oleksii",
        "andrii" => "andriy",
        "serhii" => "serhiy",
        "yuliya" => "yulia",
        "mohammad" | "mohamed" | "muhammad" | "muhammed" | "mohamad" | "mohammud" => "mohammed",
        "ahmad" => "ahmed",
        "mahmud" => "mahmoud",
        "hussain" | "husain" | "husayn" => "hussein",
        "hasan" => "hassan",
        "abdel" => "abdul",
        "abdallah" | "abdulla" => "abdullah",
        "yousef" | "youssef" | "yousif" | "yusef" => "yusuf",
        "khalid" => "khaled",
        "mostafa" | "moustafa" => "mustafa",
        "salih" => "saleh",
        "ebrahim" => "ibrahim",
        _ => return None,
    })
}

/// Number of whitespace tokens in a key.
pub fn token_count(key: &str) -> usize {
    key.split(' ').filter(|t| !t.is_empty()).count()
}

/// Folds the accented letters and punctuation variants that occur in country, capital and
/// person names written in English news; anything else is only lower-cased.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å'
        | 'Ā' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'É' | 'È' | 'Ê' | 'Ë' | 'Ě' => {
            "e"
        }
        'ğ' | 'Ğ' => "g",
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Í' | 'Ì' | 'Î' | 'Ï' => "i",
        'ł' | 'ľ' | 'Ł' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => {
            "o"
        }
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ů' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => "z",
        'þ' | 'Þ' => "th",
        'ð' | 'Ð' => "d",
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => "'",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => "-",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_accents_quotes_space_and_article() {
        assert_eq!(normalize("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(normalize("  The   Kremlin "), "kremlin");
        assert_eq!(normalize("the"), "the");
        assert_eq!(normalize("São Tomé and Príncipe"), "sao tome and principe");
        assert_eq!(normalize("Theodore"), "theodore");
        assert_eq!(token_count(&normalize("North  Korean")), 2);
    }

    #[test]
    fn normalize_folds_transliterated_given_names_only() {
        assert_eq!(normalize("Sergey Lavrov"), normalize("Sergei Lavrov"));
        assert_eq!(normalize("Muhammad bin Salman"), "mohammed bin salman");
        assert_eq!(normalize("Mohamed"), normalize("Mohammad"));
        // Surnames and words that merely contain a variant stay as written.
        assert_eq!(normalize("Zelenskyy"), "zelenskyy");
        assert_eq!(normalize("Sergeyev"), "sergeyev");
        assert_eq!(normalize("Hossein Salami"), "hossein salami");
    }
}
