//! Integration tests for sitrep-places: the embedded gazetteer, the seed article's
//! places, and (shared-gated) the GeoNames sanity evaluation.

mod builtin;
mod shared;

use std::path::PathBuf;

/// The shared dir (`sitrep_doc::shared_data`), or `None` after printing a skip; fails under
/// `SITREP_REQUIRE_SHARED=1`.
pub fn shared_or_skip(test: &str) -> Option<PathBuf> {
    sitrep_doc::shared_data::for_named_test(test, "")
}
