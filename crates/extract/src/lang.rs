//! Language identification of the clean body (whatlang, trigram based, offline).

/// ISO 639-1 code when whatlang is reasonably sure; None for short or mixed text.
pub(crate) fn detect(text: &str) -> Option<String> {
    // A sample is enough and bounds the cost on huge bodies.
    let sample = match text.char_indices().nth(4000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    if sample.split_whitespace().count() < 5 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    iso639_1(info.lang()).map(str::to_string)
}

fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Ces => "cs",
        Slk => "sk",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Bul => "bg",
        Mkd => "mk",
        Ron => "ro",
        Hun => "hu",
        Fin => "fi",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Est => "et",
        Lav => "lv",
        Lit => "lt",
        Ell => "el",
        Tur => "tr",
        Ara => "ar",
        Heb => "he",
        Pes => "fa",
        Urd => "ur",
        Hin => "hi",
        Ben => "bn",
        Mar => "mr",
        Tam => "ta",
        Tel => "te",
        Kan => "kn",
        Mal => "ml",
        Guj => "gu",
        Pan => "pa",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Vie => "vi",
        Tha => "th",
        Ind => "id",
        Tgl => "tl",
        Jav => "jv",
        Aze => "az",
        Kat => "ka",
        Hye => "hy",
        Bel => "be",
        Cat => "ca",
        Epo => "eo",
        Afr => "af",
        Amh => "am",
        Uzb => "uz",
        Zul => "zu",
        Sna => "sn",
        Lat => "la",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Mya => "my",
        Yid => "yi",
        Aka => "ak",
        Tuk => "tk",
        Ori => "or",
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn detect_english_and_french() {
        assert_eq!(
            super::detect("The minister said on Monday that the talks would continue next week in the capital.").as_deref(),
            Some("en")
        );
        assert_eq!(
            super::detect("Le ministre a déclaré lundi que les négociations se poursuivraient la semaine prochaine.").as_deref(),
            Some("fr")
        );
        assert_eq!(super::detect("Hi"), None);
    }
}
