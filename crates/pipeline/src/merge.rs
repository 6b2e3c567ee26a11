//! In-article merging and event ids. Reports of one event (same source and target codes,
//! CAMEO root, date, place, negation and modality) become one row with every evidence
//! sentence and a mention count; the row keeps the coding of its most confident report.

use sitrep_doc::Event;

/// The merge key of a row: who, to whom, what family, when, where, and how real.
fn key(e: &Event) -> String {
    format!(
        "{}|{}|{}|{}|{}|{}|{}",
        e.source.code,
        e.target.as_ref().map_or("", |t| t.code.as_str()),
        e.cameo.root,
        e.date.as_deref().unwrap_or(""),
        e.location.as_ref().map_or("", |l| l.name.as_str()),
        e.negated,
        e.modality
    )
}

/// Stable id of an event: 64-bit FNV-1a of the article id and the merge key, in hex. FNV is
/// written out here because the id must not change with a hasher's version or seed.
pub fn event_id(article_id: &str, merge_key: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in article_id
        .bytes()
        .chain(std::iter::once(0))
        .chain(merge_key.bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Codes that may name the same actor or event: equal, or one refines the other
/// ("RUS" and "RUSGOV", "04" family "042" and "0421").
fn refines(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// How definite a modality is; lower is more definite.
fn modality_rank(m: &str) -> u8 {
    match m {
        "actual" => 0,
        "intent" => 1,
        "threat" => 2,
        "expectation" => 3,
        _ => 4,
    }
}

/// Both rows name the same place.
fn same_place(a: &Event, b: &Event) -> bool {
    matches!((&a.location, &b.location), (Some(x), Some(y)) if x.name == y.name)
}

/// Some report of each uses the same trigger word ("meet" ... "meet").
fn same_trigger(a: &Event, b: &Event) -> bool {
    let first = |t: &str| t.split_whitespace().next().unwrap_or("").to_lowercase();
    a.evidence.iter().any(|x| {
        b.evidence
            .iter()
            .any(|y| first(&x.trigger) == first(&y.trigger))
    })
}

/// Whether two rows report the same event. Places agree when equal or when one row has
/// none. Dates agree when equal, or when one row has no date evidence (publication-date
/// fallback) and the rows share a place or a trigger word: "Shoigu traveled to Pyongyang
/// recently" and the caption's "visit ... in Pyongyang, 26 July 2023" are one visit, while
/// undated "talks" and last week's "swapped letters" stay apart.
fn same_event(a: &Event, b: &Event) -> bool {
    let undated = |e: &Event| matches!(e.date_basis.as_str(), "publication" | "none" | "span");
    refines(&a.source.code, &b.source.code)
        && match (&a.target, &b.target) {
            (None, None) => true,
            (Some(x), Some(y)) => refines(&x.code, &y.code),
            _ => false,
        }
        && a.cameo.root == b.cameo.root
        && refines(&a.cameo.code, &b.cameo.code)
        && a.negated == b.negated
        && (a.date == b.date
            || ((undated(a) || undated(b)) && (same_place(a, b) || same_trigger(a, b))))
        && match (&a.location, &b.location) {
            (Some(x), Some(y)) => x.name == y.name,
            _ => true,
        }
}

/// Merges rows in order of first evidence. Duplicate evidence (two rules or a compound actor
/// on the same trigger word) is kept once and does not count as a second mention.
pub(crate) fn merge(article_id: &str, rows: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in rows {
        let Some(m) = out.iter_mut().find(|m| same_event(m, &e)) else {
            out.push(e);
            continue;
        };
        for ev in e.evidence {
            let dup = m
                .evidence
                .iter()
                .any(|x| x.sentence_index == ev.sentence_index && x.trigger == ev.trigger);
            if !dup {
                m.evidence.push(ev);
            }
        }
        // The more specific actor codes and the better-supported coding win.
        if e.source.code.len() > m.source.code.len() {
            m.source = e.source;
        }
        if let (Some(t), Some(mt)) = (e.target, m.target.as_mut()) {
            if t.code.len() > mt.code.len() {
                *mt = t;
            }
        }
        // The most definite report sets the modality ("could visit" then "planned to meet":
        // intent), and its coding comes with it since intent codes depend on modality.
        let (new_rank, old_rank) = (modality_rank(&e.modality), modality_rank(&m.modality));
        if new_rank < old_rank || (new_rank == old_rank && e.confidence > m.confidence) {
            m.cameo = e.cameo;
            m.plover = e.plover;
            m.modality = e.modality;
        }
        m.confidence = m.confidence.max(e.confidence);
        let undated = matches!(m.date_basis.as_str(), "publication" | "none" | "span");
        if undated && !matches!(e.date_basis.as_str(), "publication" | "none" | "span") {
            m.date = e.date;
            m.date_text = e.date_text;
            m.date_basis = e.date_basis;
        }
        if m.location.is_none() {
            m.location = e.location;
        }
        if m.attributed_to.is_none() {
            m.attributed_to = e.attributed_to;
        }
    }
    let mut ids = std::collections::HashSet::new();
    for e in out.iter_mut() {
        e.mentions = e.evidence.len() as u32;
        let extra = (e.mentions.saturating_sub(1) as f32 * 0.05).min(0.1);
        // Two decimals: the heuristic has no finer resolution, and rows stay readable.
        e.confidence = ((e.confidence + extra).clamp(0.05, 0.99) * 100.0).round() / 100.0;
        // Two rows can share a key without being one event (different triggers that
        // `same_event` kept apart); ids must still be unique in the article, so the later row
        // adds where it was first reported.
        let mut k = key(e);
        let mut id = event_id(article_id, &k);
        let mut n = 0;
        while !ids.insert(id.clone()) {
            n += 1;
            let first = e.evidence.first();
            k = format!(
                "{}|{}|{}|{n}",
                key(e),
                first.map_or(0, |x| x.sentence_index),
                first.map_or("", |x| x.trigger.as_str())
            );
            id = event_id(article_id, &k);
        }
        e.event_id = id;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::{EventActor, Evidence};

    fn row(src: &str, root: &str, sentence: u32, conf: f32) -> Event {
        Event {
            source: EventActor {
                code: src.into(),
                ..Default::default()
            },
            cameo: sitrep_doc::Cameo {
                root: root.into(),
                code: format!("{root}0"),
                ..Default::default()
            },
            evidence: vec![Evidence {
                sentence_index: sentence,
                trigger: "meet".into(),
                ..Default::default()
            }],
            modality: "actual".into(),
            confidence: conf,
            ..Default::default()
        }
    }

    #[test]
    fn merge_joins_same_key_and_counts_mentions() {
        let rows = vec![
            row("PRK", "03", 0, 0.5),
            row("RUS", "03", 1, 0.5),
            row("PRK", "03", 2, 0.7),
            row("PRK", "03", 2, 0.7),
        ];
        let out = merge("a1", rows);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].mentions, 2);
        assert_eq!(out[0].evidence.len(), 2);
        assert!((out[0].confidence - 0.75).abs() < 1e-6);
        assert_eq!(out[1].mentions, 1);
        assert_ne!(out[0].event_id, out[1].event_id);
    }

    #[test]
    fn merge_gives_unique_ids_to_rows_that_share_a_key() {
        // Same dyad, root and date (so the same key), but sibling codes (042 visit, 046
        // talks) that `same_event` keeps apart: two rows, two ids.
        let mut a = row("RUS", "04", 0, 0.5);
        let mut b = row("RUS", "04", 3, 0.5);
        a.cameo.code = "042".into();
        b.cameo.code = "046".into();
        assert_eq!(key(&a), key(&b));
        let out = merge("art", vec![a, b]);
        assert_eq!(out.len(), 2);
        assert_ne!(out[0].event_id, out[1].event_id);
    }

    #[test]
    fn event_id_is_stable_and_depends_on_article() {
        assert_eq!(event_id("a", "k"), event_id("a", "k"));
        assert_ne!(event_id("a", "k"), event_id("b", "k"));
        assert_ne!(event_id("ab", "k"), event_id("a", "bk"));
        assert_eq!(event_id("a", "k").len(), 16);
    }
}
