//! The actor and place mentions of one record, found by the same steps [`Pipeline::code`]
//! takes before it parses: the same analysed text (body, then captions and title as
//! segments), the same word and sentence caps, the same tags and the same role date. `sitrep
//! actors` prints this view, so what it shows is what the event coder sees.

use crate::{adapt, Pipeline, KB_AS_OF};
use sitrep_actors::kb::PartialDate;
use sitrep_actors::recognize::Mention;
use sitrep_doc::{Document, RawRecord, Skip};
use sitrep_events::dates::Ymd;

/// One record's mentions.
#[derive(Debug, Clone)]
pub struct ActorsView {
    /// The extracted document.
    pub doc: Document,
    /// The analysed text: the body, then each caption and the title as `code` appends them
    /// (separated by a blank line). Mention offsets are byte offsets into this text.
    pub text: String,
    /// The date roles were read at.
    pub date: PartialDate,
    /// Actor and place mentions in text order, with coreference links.
    pub mentions: Vec<Mention>,
    /// Non-fatal findings (an article cut at the word limit, a sentence too long to tag).
    pub notes: Vec<String>,
}

/// The date office holders are looked up at: the publication date, else the knowledge base's
/// reference date (not the clock, so the same input gives the same output on any day).
pub(crate) fn role_date(published: Option<Ymd>) -> PartialDate {
    published.map_or(KB_AS_OF, |d| {
        PartialDate::ymd(d.year, d.month as u8, d.day as u8)
    })
}

impl Pipeline {
    /// Extracts `rec` and recognises its mentions as [`Pipeline::code`] does. `date`
    /// overrides the date roles are read at (else the article's published date, read as
    /// `code` reads it); `tag` false skips the tagger, so the rules use capitalisation only.
    /// A record without usable text is a [`Skip`].
    pub fn actors(
        &self,
        rec: RawRecord,
        date: Option<PartialDate>,
        tag: bool,
    ) -> Result<ActorsView, Skip> {
        let doc = self.extractor.extract(rec)?;
        let date = date.unwrap_or_else(|| {
            let published = doc.meta.published.as_deref();
            role_date(published.and_then(|p| Ymd::parse(p.get(..10).unwrap_or(p))))
        });
        let text = self.analysed_text(&doc);
        let r = adapt::recognize(self, &text, date, tag);
        Ok(ActorsView {
            doc,
            text,
            date,
            mentions: r.out.mentions,
            notes: r.out.notes,
        })
    }

    /// The text `code` analyses: the body, then each caption and the title (unless it opens
    /// the body or titles are skipped), separated by blank lines.
    pub(crate) fn analysed_text(&self, doc: &Document) -> String {
        let mut text = doc.text.clone();
        for cap in &doc.captions {
            crate::push_segment(&mut text, &crate::clean_caption(cap));
        }
        if !self.skip_title {
            if let Some(t) = &doc.meta.title {
                // A title that opens the body is already coded there.
                if !doc.text.trim_start().starts_with(t.trim()) {
                    crate::push_segment(&mut text, t);
                }
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use crate::{Pipeline, PipelineOptions};
    use sitrep_actors::kb::PartialDate;
    use sitrep_doc::{Hints, Payload, PayloadKind, RawRecord};

    fn record(text: &str) -> RawRecord {
        RawRecord {
            input: "t".into(),
            record: 0,
            payload: Payload {
                kind: PayloadKind::Text,
                bytes: text.as_bytes().to_vec(),
            },
            hints: Hints::default(),
        }
    }

    #[test]
    fn actors_view_matches_the_mentions_code_uses() {
        let p = Pipeline::new(&PipelineOptions::default()).expect("pipeline builds");
        let text = "Russian Defense Minister Sergei Shoigu arrived in Pyongyang on Tuesday.";
        let date = PartialDate::ymd(2023, 7, 26);
        let v = p
            .actors(record(text), Some(date), true)
            .expect("not a skip");
        let shoigu = v
            .mentions
            .iter()
            .find(|m| m.text == "Russian Defense Minister Sergei Shoigu")
            .expect("the minister is found");
        assert_eq!(shoigu.code.as_deref(), Some("RUSGOVMIL"));
        // The same text through the coder's own analysis gives the same mentions.
        let a = crate::adapt::analyse(&p, &v.text, date);
        assert_eq!(a.mentions, v.mentions);
        // An undated record is read at the KB's reference date, as `code` reads it.
        let undated = p.actors(record(text), None, false).expect("not a skip");
        assert_eq!(undated.date, crate::KB_AS_OF);
    }
}
