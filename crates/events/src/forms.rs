//! Base forms of inflected words, for a lemmatiser's slips ("blamed" -> "blam").

/// Candidate base forms of a regularly inflected English word, most likely first.
pub(crate) fn base_forms(form: &str) -> Vec<String> {
    let mut out = Vec::new();
    let stem = |suffix: &str| form.strip_suffix(suffix).filter(|s| s.len() >= 2);
    if let Some(s) = stem("ied").or(stem("ies")) {
        out.push(format!("{s}y"));
    }
    for suffix in ["ed", "ing"] {
        if let Some(s) = stem(suffix) {
            out.push(format!("{s}e"));
            out.push(s.to_string());
            // "stopped" -> "stop"
            let b = s.as_bytes();
            // ASCII only: equal trailing bytes of a multibyte character must not be cut.
            let last = b[b.len() - 1];
            if b.len() >= 3 && last.is_ascii_alphabetic() && last == b[b.len() - 2] {
                out.push(s[..s.len() - 1].to_string());
            }
        }
    }
    if let Some(s) = stem("es") {
        out.push(s.to_string());
    }
    if let Some(s) = stem("s") {
        out.push(s.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base_forms;

    #[test]
    fn base_forms_regular_inflection() {
        assert!(base_forms("blamed").contains(&"blame".to_string()));
        assert!(base_forms("stopped").contains(&"stop".to_string()));
        assert!(base_forms("carried").contains(&"carry".to_string()));
        assert!(base_forms("talks").contains(&"talk".to_string()));
        assert!(base_forms("urging").contains(&"urge".to_string()));
        assert!(base_forms("ed").is_empty());
        // U+2082 ends in two equal continuation bytes; slicing there would panic.
        let _ = base_forms("x\u{2082}ing");
        let _ = base_forms("\u{2082}\u{2082}ed");
    }
}
