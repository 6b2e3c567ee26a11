//! Integration tests for sitrep-places: the embedded gazetteer, the seed article's
//! places, and (shared-gated) the GeoNames sanity evaluation.

mod builtin;
mod shared;

use std::path::PathBuf;

/// `../shared`, found the way `sitrep_eval::shared_dir` finds it (env `SITREP_SHARED`,
/// else an ancestor's `shared/` or `../shared`). Re-implemented here so this crate's
/// tests do not pull in the extraction stack.
pub fn shared_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("SITREP_SHARED") {
        return Some(PathBuf::from(p));
    }
    let cwd = std::env::current_dir().ok()?;
    for anc in cwd.ancestors() {
        for cand in [anc.join("shared"), anc.join("../shared")] {
            if cand.join("data").is_dir() {
                return Some(cand);
            }
        }
    }
    None
}

/// The shared dir, or `None` after printing a skip; fails under `SITREP_REQUIRE_SHARED=1`.
pub fn shared_or_skip(test: &str) -> Option<PathBuf> {
    match shared_dir() {
        Some(p) => Some(p),
        None => {
            assert!(
                std::env::var("SITREP_REQUIRE_SHARED").as_deref() != Ok("1"),
                "{test}: ../shared not found and SITREP_REQUIRE_SHARED=1"
            );
            eprintln!("{test}: skipped, ../shared not found (set SITREP_SHARED)");
            None
        }
    }
}
