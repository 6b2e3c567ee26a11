//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// The evaluation data folder (`sitrep_doc::shared_data`): `None` prints a skip message, or
/// fails the test when `SITREP_REQUIRE_SHARED=1`.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    sitrep_doc::shared_data::for_named_test(test, "")
}

/// The crate's `kb/` folder.
pub fn kb_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("kb")
}
