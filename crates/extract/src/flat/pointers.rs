//! Pointers to other stories inside a body line: "... told reporters. READ MORE: Rebels seize
//! border town The talks resumed on Monday ...". A scraper that flattens a page keeps the
//! link's headline in the paragraph around it, with no full stop before the next sentence, so
//! the sentence splitter fuses the two and the event coder reads another story's headline as
//! this article's news (with its verb and actors mixed into the next sentence). A whole line
//! that is a pointer is dropped by [`super::classify`]; this finds the pointers that share a
//! line with prose and cuts them out, listing each cut as a related link.
//!
//! Where the headline ends is a guess, made from what a headline lacks: it has no full stop,
//! so the next sentence starts at a word that opens sentences ("The", "He", "According") or
//! at an opening double quote, or after a "?" or "!". Failing those, at a capitalised word
//! after a lower-case content word ("... in dire need of aid Gunmen in northern ..."), since a
//! sentence-case headline capitalises only names. When nothing marks the end before the fused
//! sentence's full stop, the whole fused sentence goes: it is half headline, and a parse of it
//! would be wrong either way.

/// Cues written in capitals, cut wherever they stand: "MORE:" after a price in a listing is
/// as much a link as after a full stop.
const CAPITAL_CUES: &[&str] = &[
    "READ MORE",
    "READ ALSO",
    "ALSO READ",
    "SEE ALSO",
    "RELATED",
    "MORE",
    "WATCH",
    "LISTEN",
];

/// Cues in any case, cut only at the start of a line or after a sentence's end ("Related:" in
/// the middle of a sentence may be prose).
const CUES: &[&str] = &["read more", "read also", "also read", "see also", "related"];

/// Most words a pointer's headline is taken to have: signs of its end are looked for this far.
const MAX_HEADLINE_WORDS: usize = 30;
/// Most words searched for the full stop of a fused sentence that shows no join; a longer
/// run is cut at [`MAX_HEADLINE_WORDS`].
const MAX_FUSED_WORDS: usize = 80;

/// Capitalised words that open news sentences and rarely stand capitalised inside a
/// sentence-case headline.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "There",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "In",
    "On",
    "At",
    "But",
    "And",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "Since",
    "According",
    "Meanwhile",
    "However",
    "Last",
    "Earlier",
    "Also",
    "For",
    "With",
    "Some",
    "Many",
    "Most",
    "Speaking",
    "Asked",
];

/// Lower-case words after which a capitalised word is no sign of a new sentence ("tree in
/// Greece", "attack on Kabul").
const FUNCTION_WORDS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "with", "from", "by", "and", "or", "the", "a", "an",
    "over", "against", "after", "into", "as", "about", "between", "says", "say", "vs", "than",
];

/// Abbreviations whose full stop ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Jr.",
    "vs.", "No.", "Prof.", "Sgt.", "Capt.", "Maj.",
];

/// `line` without its inline story pointers, and the text of each pointer cut (headline and
/// any fused sentence). `None` when there is nothing to cut.
pub(crate) fn strip(line: &str) -> Option<(String, Vec<String>)> {
    let mut out = String::with_capacity(line.len());
    let mut cuts = Vec::new();
    let mut rest = line;
    while let Some((cue_at, body_at)) = find_cue(line, rest) {
        let end = body_at + headline_len(&rest[body_at..]);
        cuts.push(rest[cue_at..end].trim().to_string());
        let kept = rest[..cue_at].trim_end();
        out.push_str(kept);
        rest = rest[end..].trim_start();
        if !out.is_empty() && !rest.is_empty() {
            out.push(' ');
        }
    }
    if cuts.is_empty() {
        return None;
    }
    out.push_str(rest);
    Some((out.trim().to_string(), cuts))
}

/// The next cue in `rest` (a suffix of `line`): where the cue starts and where the headline
/// after its colon starts, both as offsets into `rest`.
fn find_cue(line: &str, rest: &str) -> Option<(usize, usize)> {
    let offset = line.len() - rest.len();
    let mut from = 0;
    while let Some(colon) = rest[from..].find(':').map(|c| from + c) {
        from = colon + 1;
        let before = &rest[..colon];
        let after = &rest[colon + 1..];
        // A headline follows the colon after a space ("READ MORE: Rebels ..."), never a digit
        // or a link ("10:30", "https:").
        if !after.starts_with(' ') {
            continue;
        }
        let valid = |len: usize, capital: bool| {
            let start = colon - len;
            let preceding = before[..start].trim_end_matches([' ', '-', '\u{2013}', '\u{2014}']);
            // The cue must be a word of its own ("MORE", not "FURTHERMORE").
            let own_word = before[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let sentence_start = offset + preceding.len() == 0
                || preceding.ends_with(['.', '!', '?', '"', '\u{201D}', '\'', ')']);
            own_word && (capital || sentence_start)
        };
        // The longest cue that ends here ("REAd MORE" over "MORE").
        let cue = CAPITAL_CUES
            .iter()
            .filter(|c| before.ends_with(*c))
            .map(|c| (c.len(), true))
            .chain(
                CUES.iter()
                    .filter(|c| {
                        before.len() >= c.len()
                            && before.is_char_boundary(before.len() - c.len())
                            && before[before.len() - c.len()..].eq_ignore_ascii_case(c)
                    })
                    .map(|c| (c.len(), false)),
            )
            .filter(|&(len, capital)| valid(len, capital))
            .max_by_key(|&(len, _)| len);
        if let Some((len, _)) = cue {
            let body = colon + 1 + (after.len() - after.trim_start().len());
            return Some((colon - len, body));
        }
    }
    None
}

/// Length in bytes of the pointer's headline at the start of `s` (see the module notes).
fn headline_len(s: &str) -> usize {
    let words: Vec<(usize, &str)> = s
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .take(MAX_FUSED_WORDS)
        .collect();
    let end_of = |k: usize| words[k].0 + words[k].1.len();
    let mut fallback = None;
    for (k, &(at, w)) in words.iter().enumerate() {
        if k >= MAX_HEADLINE_WORDS {
            // Past any headline: only the fused sentence's full stop is still looked for.
            if fallback.is_some() {
                break;
            }
            if ends_sentence(w) {
                return end_of(k);
            }
            continue;
        }
        let bare = w.trim_end_matches(['-', '\u{2013}', '\u{2014}']);
        let prev = k.checked_sub(1).map(|p| words[p].1);
        let after_break = prev
            .is_some_and(|p| p.ends_with(':') || matches!(p, "-" | "\u{2013}" | "\u{2014}" | "|"));
        if k >= 1 && (w.starts_with('"') || w.starts_with('\u{201C}')) {
            return at;
        }
        if k >= 2 && !after_break && OPENERS.contains(&bare.trim_end_matches(',')) {
            return at;
        }
        if bare.ends_with(['?', '!']) {
            return end_of(k);
        }
        if fallback.is_none() && k >= 2 && !after_break {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            let content = prev.is_some_and(|p| {
                p.chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                    && p.chars()
                        .all(|c| c.is_alphanumeric() || c == '-' || c == ',')
                    && !FUNCTION_WORDS.contains(&p)
            });
            if capital && content {
                fallback = Some(at);
            }
        }
        if ends_sentence(w) {
            return fallback.unwrap_or(end_of(k));
        }
    }
    let longest = words.len().min(MAX_HEADLINE_WORDS);
    fallback.unwrap_or_else(|| longest.checked_sub(1).map_or(0, end_of))
}

fn ends_sentence(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('.') else {
        return false;
    };
    !stem.is_empty() && !stem.contains('.') && !ABBREVIATIONS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::strip;

    fn cut(s: &str) -> (String, Vec<String>) {
        strip(s).unwrap_or_else(|| (s.to_string(), Vec::new()))
    }

    #[test]
    fn a_pointer_before_a_sentence_opener_is_cut_up_to_it() {
        let (text, cuts) = cut(
            "The minister spoke to reporters. READ MORE: Rebels seize border town in the north \
             The talks resumed on Monday.",
        );
        assert_eq!(
            text,
            "The minister spoke to reporters. The talks resumed on Monday."
        );
        assert_eq!(cuts, ["READ MORE: Rebels seize border town in the north"]);
    }

    #[test]
    fn a_question_headline_or_an_opening_quote_ends_the_pointer() {
        let (text, _) = cut("He left. WATCH: Will the ceasefire hold?- Aid workers arrived.");
        assert_eq!(text, "He left. Aid workers arrived.");
        let (text, _) =
            cut("She left. RELATED: Port strike - 'talks stalled' \"We will not sign,\" he said.");
        assert_eq!(text, "She left. \"We will not sign,\" he said.");
    }

    #[test]
    fn without_an_opener_a_capital_after_a_content_word_starts_the_sentence() {
        // "from Varnia" is a name after a function word, "Varnia Harbour" a name after a
        // name; "aid Gunmen" is the join.
        let (text, _) = cut(
            "Fighting went on. READ MORE: Families flee from Varnia Harbour in need of aid \
             Gunmen in the hills kidnapped two engineers.",
        );
        assert_eq!(
            text,
            "Fighting went on. Gunmen in the hills kidnapped two engineers."
        );
        // After a dash the headline goes on ("Port strike - A long winter").
        let (text, _) =
            cut("He left. ALSO READ: Port strike - A long winter for dockers Union leaders met.");
        assert_eq!(text, "He left. Union leaders met.");
    }

    #[test]
    fn a_fused_sentence_with_no_visible_join_goes_whole() {
        let (text, cuts) = cut(
            "He left. READ MORE: Two ports close - Report Varnian officials deny any closure. \
             Trade resumed.",
        );
        assert_eq!(text, "He left. Trade resumed.");
        assert_eq!(
            cuts,
            ["READ MORE: Two ports close - Report Varnian officials deny any closure."]
        );
    }

    #[test]
    fn prose_colons_and_words_ending_in_a_cue_are_left_alone() {
        for s in [
            "The talks were related: both sides said so.",
            "FURTHERMORE: the deal stands.",
            "The meeting starts at 10:30 in Brenn.",
            "Officials said more: the port would close.",
            "Those who read more: widely are better informed.",
        ] {
            assert_eq!(strip(s), None, "{s}");
        }
    }

    #[test]
    fn a_long_fused_sentence_goes_whole_up_to_its_full_stop() {
        // No opener, quote or capital after a content word ("at Brenn" follows a function
        // word), and the full stop comes after more than 30 words.
        let long = "Ships wait at Brenn Harbour Authority staff at the quay counted more than \
                    forty vessels waiting for berths on Monday morning, with more arriving from \
                    the north every hour while the unions and the port company kept talking.";
        let (text, cuts) = cut(&format!(
            "He left. READ MORE: Port strike - {long} Trade resumed."
        ));
        assert_eq!(text, "He left. Trade resumed.");
        assert!(cuts[0].ends_with("kept talking."), "{cuts:?}");
    }

    #[test]
    fn a_mixed_case_cue_is_cut_whole() {
        let (text, _) = cut("It will last a year. REAd MORE: Ports reopen He said so.");
        assert_eq!(text, "It will last a year. He said so.");
    }

    #[test]
    fn a_title_case_cue_counts_only_at_a_sentence_start() {
        assert!(strip("Related: Brenn port reopens after strike").is_some());
        assert!(strip("Talks ended. Read more: Brenn port reopens The vote is due.").is_some());
        assert_eq!(strip("Officials read more: the vote is due."), None);
    }

    #[test]
    fn an_abbreviation_is_no_sentence_end_and_every_pointer_of_a_line_is_cut() {
        let (text, cuts) = cut(
            "Talks ended. MORE: U.S. envoy visits Brenn The vote is due. MORE: Ten beaches to \
             see Prices start at $40.",
        );
        assert_eq!(text, "Talks ended. The vote is due. Prices start at $40.");
        assert_eq!(cuts.len(), 2);
    }
}
