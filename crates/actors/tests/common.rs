//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// The evaluation data folder, found as `sitrep_eval::shared_dir()` does: env
/// `SITREP_SHARED`, else a `shared/` (or `../shared`) with a `data/` folder next to an ancestor
/// of the working directory. `None` prints a skip message, or fails the test when
/// `SITREP_REQUIRE_SHARED=1`.
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    let found = std::env::var("SITREP_SHARED")
        .map(PathBuf::from)
        .ok()
        .or_else(|| {
            let cwd = std::env::current_dir().ok()?;
            cwd.ancestors()
                .flat_map(|a| [a.join("shared"), a.join("../shared")])
                .find(|c| c.join("data").is_dir())
        });
    if found.is_none() {
        assert!(
            std::env::var("SITREP_REQUIRE_SHARED").as_deref() != Ok("1"),
            "{test}: ../shared not found and SITREP_REQUIRE_SHARED=1"
        );
        println!("{test}: skipped, ../shared not found (set SITREP_SHARED)");
    }
    found
}

/// The crate's `kb/` folder.
pub fn kb_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("kb")
}
