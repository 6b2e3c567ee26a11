//! One document given as named fields (a JSONL object, a table row in an Arrow batch): the
//! single place where fields become a [`RawRecord`], so the JSONL reader, the Python batch
//! API and the queue workers make the same record (and so the same ids) from the same fields.

use sitrep_doc::{Hints, Payload, PayloadKind, RawRecord, Skip, SkipReason};

/// The fields of one document. Blank values count as absent, as in JSONL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// Id given by the input; becomes the article id.
    pub id: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Title (headline).
    pub title: Option<String>,
    /// Publication date as written.
    pub published: Option<String>,
    /// Outlet.
    pub site: Option<String>,
    /// Plain or flattened text; wins over `html` when both are given.
    pub text: Option<String>,
    /// An HTML page.
    pub html: Option<String>,
}

/// The record for `row`, labelled `input` and `record` in skips. A row with neither a text nor
/// an HTML value (or only blank ones) is an `empty` skip.
pub fn row_record(input: &str, record: u64, row: Row) -> Result<RawRecord, Skip> {
    let given = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let (kind, bytes) = match (given(row.text), given(row.html)) {
        (Some(t), _) => (PayloadKind::Text, t.into_bytes()),
        (None, Some(h)) => (PayloadKind::Html, h.into_bytes()),
        (None, None) => {
            return Err(Skip {
                input: input.to_string(),
                record: Some(record),
                reason: SkipReason::Empty,
                detail: format!("line {}: the text field is null or blank", record + 1),
            })
        }
    };
    Ok(RawRecord {
        input: input.to_string(),
        record,
        payload: Payload { kind, bytes },
        hints: Hints {
            id: given(row.id),
            url: given(row.url),
            title: given(row.title),
            published: given(row.published),
            site: given(row.site),
            charset: None,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_text_wins_and_blanks_are_absent() {
        let row = Row {
            id: Some(" ".into()),
            title: Some("T".into()),
            text: Some("Kim met Putin.".into()),
            html: Some("<p>x</p>".into()),
            ..Row::default()
        };
        let rec = row_record("batch", 3, row).unwrap();
        assert_eq!(rec.payload.kind, PayloadKind::Text);
        assert_eq!(rec.payload.bytes, b"Kim met Putin.");
        assert_eq!(
            (rec.record, rec.hints.id, rec.hints.title.as_deref()),
            (3, None, Some("T"))
        );
    }

    #[test]
    fn row_without_text_is_an_empty_skip() {
        let row = Row {
            text: Some("  \n".into()),
            ..Row::default()
        };
        let skip = row_record("batch", 7, row).unwrap_err();
        assert_eq!((skip.reason, skip.record), (SkipReason::Empty, Some(7)));
        let html = row_record(
            "batch",
            0,
            Row {
                html: Some("<p>Hi</p>".into()),
                ..Row::default()
            },
        )
        .unwrap();
        assert_eq!(html.payload.kind, PayloadKind::Html);
    }
}
