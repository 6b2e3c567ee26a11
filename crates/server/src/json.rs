//! The public JSON of an event: the row `sitrep code` prints, plus the store's coder version,
//! the article it came from, and highlight spans inside each evidence sentence so a reader can
//! mark the source, target and trigger without re-parsing anything.

use serde_json::{json, Map, Value};
use sitrep_doc::{Event, EventActor, Evidence};
use sitrep_store::{ArticleInfo, StoredEvent};

/// Char offset of the first whole-word, case-insensitive occurrence of `needle` in `hay`
/// (both as chars).
fn find_word(hay: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    let same = |a: char, b: char| a == b || a.to_lowercase().eq(b.to_lowercase());
    (0..=hay.len() - needle.len()).find(|&i| {
        let boundary_before = i == 0 || !hay[i - 1].is_alphanumeric();
        let end = i + needle.len();
        let boundary_after = end == hay.len() || !hay[end].is_alphanumeric();
        boundary_before
            && boundary_after
            && hay[i..end].iter().zip(needle).all(|(&a, &b)| same(a, b))
    })
}

/// Where `actor` sits inside the evidence sentence: from its article offsets when they fall
/// inside the sentence and spell the mention ("offsets"), else from a search for its text
/// ("text_search", e.g. when the mention is in another sentence of a merged event).
fn actor_span(role: &str, actor: &EventActor, ev: &Evidence, chars: &[char]) -> Option<Value> {
    let inside = actor.start >= ev.start && actor.end <= ev.end && actor.start < actor.end;
    if inside {
        let (s, e) = (
            (actor.start - ev.start) as usize,
            (actor.end - ev.start) as usize,
        );
        if e <= chars.len() && chars[s..e].iter().collect::<String>() == actor.text {
            return Some(span(role, s, e, chars, "offsets"));
        }
    }
    let needle: Vec<char> = actor.text.chars().collect();
    find_word(chars, &needle).map(|s| span(role, s, s + needle.len(), chars, "text_search"))
}

fn span(role: &str, s: usize, e: usize, chars: &[char], basis: &str) -> Value {
    json!({
        "role": role,
        "start": s,
        "end": e,
        "text": chars[s..e].iter().collect::<String>(),
        "basis": basis,
    })
}

/// Highlight spans for one evidence sentence, in sentence code points, sorted by start.
pub fn highlights(event: &Event, ev: &Evidence) -> Vec<Value> {
    let chars: Vec<char> = ev.sentence.chars().collect();
    let mut out = Vec::new();
    out.extend(actor_span("source", &event.source, ev, &chars));
    if let Some(t) = &event.target {
        out.extend(actor_span("target", t, ev, &chars));
    }
    // A trigger is one word or several pattern words that need not be adjacent ("persuade
    // sell ammunition"): the whole phrase when it occurs, else each of its words.
    let trig: Vec<char> = ev.trigger.chars().collect();
    if let Some(s) = find_word(&chars, &trig) {
        out.push(span("trigger", s, s + trig.len(), &chars, "text_search"));
    } else {
        for w in ev.trigger.split_whitespace() {
            let w: Vec<char> = w.chars().collect();
            if let Some(s) = find_word(&chars, &w) {
                out.push(span("trigger", s, s + w.len(), &chars, "text_search"));
            }
        }
    }
    out.sort_by_key(|v| v["start"].as_u64());
    out
}

/// The article summary attached to every event.
pub fn article_summary(a: Option<&ArticleInfo>, id: &str) -> Value {
    match a {
        Some(a) => json!({
            "id": a.id, "title": a.title, "url": a.url, "published": a.published,
            "outlet": a.outlet,
        }),
        None => json!({"id": id, "title": null, "url": null, "published": null, "outlet": null}),
    }
}

/// One EVENT object of the API.
pub fn event_json(stored: &StoredEvent, article: Value) -> Value {
    let mut v = serde_json::to_value(&stored.event).unwrap_or(Value::Null);
    if let Value::Object(obj) = &mut v {
        if let Some(Value::Array(evs)) = obj.get_mut("evidence") {
            for (item, ev) in evs.iter_mut().zip(&stored.event.evidence) {
                if let Value::Object(o) = item {
                    o.insert(
                        "highlights".into(),
                        Value::Array(highlights(&stored.event, ev)),
                    );
                }
            }
        }
        obj.insert("coder_version".into(), json!(stored.coder_version));
        obj.insert("article".into(), article);
    }
    v
}

/// A JSON object from key-value pairs (keeps handler code short).
pub fn object(pairs: Vec<(&str, Value)>) -> Value {
    Value::Object(
        pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<Map<_, _>>(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_use_offsets_then_text() {
        let sentence = "Later, Russian officials met Kim in Vladivostok.";
        let ev = Evidence {
            sentence: sentence.into(),
            start: 100,
            end: 100 + sentence.chars().count() as u32,
            trigger: "met".into(),
            ..Evidence::default()
        };
        let event = Event {
            source: EventActor {
                text: "Russian officials".into(),
                start: 107,
                end: 124,
                ..EventActor::default()
            },
            // Offsets outside this sentence: found by its text instead.
            target: Some(EventActor {
                text: "Kim".into(),
                start: 5,
                end: 8,
                ..EventActor::default()
            }),
            ..Event::default()
        };
        let h = highlights(&event, &ev);
        let got: Vec<(&str, u64, u64, &str)> = h
            .iter()
            .map(|v| {
                (
                    v["role"].as_str().unwrap(),
                    v["start"].as_u64().unwrap(),
                    v["end"].as_u64().unwrap(),
                    v["basis"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("source", 7, 24, "offsets"),
                ("trigger", 25, 28, "text_search"),
                ("target", 29, 32, "text_search"),
            ]
        );
    }

    #[test]
    fn find_word_needs_word_boundaries() {
        let sentence = "Shoigu tried to persuade North Korea to sell shells.";
        let ev = Evidence {
            sentence: sentence.into(),
            end: sentence.len() as u32,
            trigger: "persuade sell".into(),
            ..Evidence::default()
        };
        let h = highlights(&Event::default(), &ev);
        let words: Vec<&str> = h.iter().map(|v| v["text"].as_str().unwrap()).collect();
        assert_eq!(words, vec!["persuade", "sell"]);
        let hay: Vec<char> = "Metropolitan met".chars().collect();
        let needle: Vec<char> = "met".chars().collect();
        assert_eq!(find_word(&hay, &needle), Some(13));
        assert_eq!(find_word(&hay, &[]), None);
    }
}
