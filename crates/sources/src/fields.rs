//! The JSONL record fields and the names they go by in real datasets.
//!
//! A hand-written map visitor rather than `#[derive(Deserialize)]` with aliases: derive turns
//! two aliases of one field in the same object (`date` and `published`) into a "duplicate
//! field" error, and it would allocate every unknown field. Here unknown fields are skipped
//! with `IgnoredAny`, and when several names of one field are present the better-ranked one
//! wins, whatever their order in the object.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The fields a record can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Id,
    Url,
    Title,
    Published,
    Site,
    Text,
    Html,
}

/// Accepted names, best first within each field. Kept in one table so docs and code agree.
pub(crate) const ALIASES: &[(Field, &[&str])] = &[
    (Field::Id, &["id", "_id", "doc_id", "article_id", "uuid"]),
    (
        Field::Url,
        &["url", "link", "uri", "article_url", "source_url"],
    ),
    (Field::Title, &["title", "headline"]),
    (
        Field::Published,
        &[
            "published",
            "date",
            "published_at",
            "publishedAt",
            "date_published",
            "publish_date",
            "pubdate",
            "datetime",
        ],
    ),
    (
        Field::Site,
        &["source", "site", "site_name", "outlet", "publisher"],
    ),
    (
        Field::Text,
        &[
            "text",
            "content",
            "body",
            "maintext",
            "article",
            "full_text",
            "article_text",
        ],
    ),
    (
        Field::Html,
        &["html", "raw_html", "content_html", "body_html"],
    ),
];

fn lookup(key: &str) -> Option<(Field, u8)> {
    for (field, names) in ALIASES {
        if let Some(rank) = names.iter().position(|n| *n == key) {
            return Some((*field, rank as u8));
        }
    }
    None
}

/// One field's value and the rank of the name it came from.
#[derive(Debug, Default)]
pub(crate) struct Slot {
    rank: u8,
    /// The value, when present and not blank.
    pub value: Option<String>,
    /// A name of this field appeared (even with a null or blank value).
    pub seen: bool,
}

impl Slot {
    fn offer(&mut self, rank: u8, value: Option<String>) {
        self.seen = true;
        let Some(v) = value.filter(|v| !v.trim().is_empty()) else {
            return;
        };
        if self.value.is_none() || rank < self.rank {
            self.value = Some(v);
            self.rank = rank;
        }
    }
}

/// The fields of one JSONL record.
#[derive(Debug, Default)]
pub(crate) struct Fields {
    pub id: Slot,
    pub url: Slot,
    pub title: Slot,
    pub published: Slot,
    pub site: Slot,
    pub text: Slot,
    pub html: Slot,
}

impl Fields {
    fn slot(&mut self, f: Field) -> &mut Slot {
        match f {
            Field::Id => &mut self.id,
            Field::Url => &mut self.url,
            Field::Title => &mut self.title,
            Field::Published => &mut self.published,
            Field::Site => &mut self.site,
            Field::Text => &mut self.text,
            Field::Html => &mut self.html,
        }
    }
}

impl<'de> de::Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Fields, D::Error> {
        d.deserialize_map(FieldsVisitor)
    }
}

struct FieldsVisitor;

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Fields;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object (one article per line)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match key {
                Some((field, rank)) => {
                    let joins = matches!(field, Field::Text | Field::Html);
                    let value = map.next_value_seed(ValueSeed { joins })?;
                    fields.slot(field).offer(rank, value);
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(fields)
    }
}

/// Maps a key to its field without allocating it.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Option<(Field, u8)>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(KeySeed)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Option<(Field, u8)>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(lookup(v))
    }
}

/// A scalar as a string (numbers and booleans too, so numeric ids survive); objects are
/// ignored (e.g. NewsAPI's `source: {id, name}`); for text fields an array of strings is
/// joined as paragraphs.
struct ValueSeed {
    joins: bool,
}

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Option<String>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, number, boolean or null")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        if !self.joins {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(None);
        }
        let mut out = String::new();
        while let Some(part) = seq.next_element_seed(ValueSeed { joins: false })? {
            if let Some(p) = part.filter(|p| !p.trim().is_empty()) {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&p);
            }
        }
        Ok(Some(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Fields {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn fields_take_aliases_by_rank_not_order() {
        let f = parse(r#"{"date":"2017-01-02","published":"2017-01-01","content":"c","id":7}"#);
        assert_eq!(f.published.value.as_deref(), Some("2017-01-01"));
        assert_eq!(f.text.value.as_deref(), Some("c"));
        assert_eq!(f.id.value.as_deref(), Some("7"));
    }

    #[test]
    fn fields_null_and_blank_do_not_shadow_aliases() {
        let f = parse(r#"{"published":null,"date":"d","text":"  ","body":"b","url":null}"#);
        assert_eq!(f.published.value.as_deref(), Some("d"));
        assert_eq!(f.text.value.as_deref(), Some("b"));
        assert!(f.url.seen && f.url.value.is_none());
    }

    #[test]
    fn fields_join_paragraph_arrays_and_ignore_objects() {
        let f = parse(r#"{"text":["a",1,"","b"],"source":{"id":null,"name":"X"},"x":[[{}]]}"#);
        assert_eq!(f.text.value.as_deref(), Some("a\n\n1\n\nb"));
        assert!(f.site.value.is_none());
    }

    #[test]
    fn fields_reject_non_objects() {
        assert!(serde_json::from_str::<Fields>("[1,2]").is_err());
        assert!(serde_json::from_str::<Fields>("\"text\"").is_err());
    }
}
