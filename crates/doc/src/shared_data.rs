//! Where the shared evaluation and training data is (`../shared`: `data/` and `seed/`).
//!
//! The data is read in place and never copied into the repository, so every tool and test
//! that needs it has to find the folder the same way:
//!
//! 1. `SITREP_SHARED`, when set, names the folder (as given: an explicit setting is not
//!    second-guessed);
//! 2. else, from the working directory up, the first ancestor with a `shared/` or a
//!    `../shared` beside it that holds a `data/` folder (a checkout at `work/main` finds
//!    `work/shared`).
//!
//! Tests go through [`for_test`], which turns a missing folder into a printed skip, or into a
//! failure under `SITREP_REQUIRE_SHARED=1` (CI sets it, so a missing folder can never pass
//! there by skipping). It is behind the `test-util` feature because a library never prints.
//!
//! ```
//! // `None` unless a shared folder is around; never a panic.
//! let _maybe: Option<std::path::PathBuf> = sitrep_doc::shared_data::locate();
//! ```

use std::path::{Path, PathBuf};

/// The environment variable that names the shared folder.
pub const SHARED_VAR: &str = "SITREP_SHARED";
/// The environment variable that, set to `1`, makes a missing shared folder a test failure.
pub const REQUIRE_VAR: &str = "SITREP_REQUIRE_SHARED";

/// The shared folder: `SITREP_SHARED` if set, else [`find_from`] the working directory.
pub fn locate() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(SHARED_VAR) {
        return Some(PathBuf::from(p));
    }
    find_from(&std::env::current_dir().ok()?)
}

/// The first `shared/` or `../shared` holding a `data/` folder, tried at `start` and then at
/// each of its ancestors in turn. Ignores `SITREP_SHARED`.
pub fn find_from(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|a| {
        [a.join("shared"), a.join("../shared")]
            .into_iter()
            .find(|c| c.join("data").is_dir())
    })
}

/// Whether `SITREP_REQUIRE_SHARED=1`: a test that needs the shared folder must then fail,
/// not skip, when it is missing.
pub fn required() -> bool {
    std::env::var(REQUIRE_VAR).as_deref() == Ok("1")
}

/// For a test: `rel` inside the shared folder, when it exists (`rel` may name a folder or a
/// file), or for `""` the folder itself when it holds `data/` (so a `SITREP_SHARED` naming
/// some other folder is a skip, not a confusing read error later). Otherwise prints
/// `skipped: ...` and returns `None`, or panics under `SITREP_REQUIRE_SHARED=1`.
///
/// Beside [`locate`], the test looks up from this crate's own source folder too, so a test
/// binary started outside its checkout (another working directory) still finds the data.
#[cfg(feature = "test-util")]
#[track_caller]
pub fn for_test(rel: &str) -> Option<PathBuf> {
    for_named_test("", rel)
}

/// [`for_test`] with the test's name in the skip or failure message.
#[cfg(feature = "test-util")]
#[track_caller]
pub fn for_named_test(test: &str, rel: &str) -> Option<PathBuf> {
    let root = locate().or_else(|| find_from(Path::new(env!("CARGO_MANIFEST_DIR"))));
    let found = existing(root, rel);
    if found.is_none() {
        let who = if test.is_empty() {
            String::new()
        } else {
            format!("{test}: ")
        };
        let what = missing(rel);
        assert!(!required(), "{who}{what} not found and {REQUIRE_VAR}=1");
        eprintln!("{who}skipped: {what} not found (set {SHARED_VAR})");
    }
    found
}

/// `rel` inside `root`, if that exists; for `""`, `root` if it holds `data/`.
#[cfg(feature = "test-util")]
fn existing(root: Option<PathBuf>, rel: &str) -> Option<PathBuf> {
    let root = root?;
    if rel.is_empty() {
        Some(root).filter(|r| r.join("data").is_dir())
    } else {
        Some(root.join(rel)).filter(|p| p.exists())
    }
}

/// How a message names what is missing: the shared folder, or a path inside it.
#[cfg(feature = "test-util")]
fn missing(rel: &str) -> String {
    if rel.is_empty() {
        "../shared".to_string()
    } else {
        format!("../shared/{rel}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch tree under the target's temp dir, removed when dropped.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let dir = std::env::temp_dir()
                .join(format!("sitrep-doc-shared-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            Scratch(dir)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn find_from_takes_a_sibling_shared_of_an_ancestor() {
        let t = Scratch::new("sibling");
        std::fs::create_dir_all(t.0.join("shared/data")).unwrap();
        let deep = t.0.join("main/crates/cli");
        std::fs::create_dir_all(&deep).unwrap();
        let got = find_from(&deep).expect("found");
        assert_eq!(got, t.0.join("main/../shared"));
        assert!(got.join("data").is_dir());
    }

    #[test]
    fn find_from_prefers_the_nearest_ancestor() {
        let t = Scratch::new("nearest");
        std::fs::create_dir_all(t.0.join("shared/data")).unwrap();
        std::fs::create_dir_all(t.0.join("main/shared/data")).unwrap();
        let deep = t.0.join("main/crates");
        std::fs::create_dir_all(&deep).unwrap();
        // `main/crates/../shared` is `main/shared`: nearer than the outer `shared`.
        let got = find_from(&deep).unwrap().canonicalize().unwrap();
        assert_eq!(got, t.0.join("main/shared").canonicalize().unwrap());
    }

    #[test]
    fn find_from_needs_a_data_folder() {
        let t = Scratch::new("nodata");
        // A `shared/` without `data/` is some other folder of that name.
        std::fs::create_dir_all(t.0.join("shared/seed")).unwrap();
        let deep = t.0.join("main");
        std::fs::create_dir_all(&deep).unwrap();
        let got = find_from(&deep);
        assert!(got.as_ref().is_none_or(|p| !p.starts_with(&t.0)), "{got:?}");
    }

    #[cfg(feature = "test-util")]
    #[test]
    fn existing_gives_the_root_a_folder_or_a_file_only_when_present() {
        let t = Scratch::new("existing");
        std::fs::create_dir_all(t.0.join("seed")).unwrap();
        std::fs::write(t.0.join("seed/a.txt"), "x").unwrap();
        let root = || Some(t.0.clone());
        // Not yet a shared folder: no `data/`.
        assert_eq!(existing(root(), ""), None);
        std::fs::create_dir_all(t.0.join("data")).unwrap();
        assert_eq!(existing(root(), ""), Some(t.0.clone()));
        assert_eq!(existing(root(), "seed"), Some(t.0.join("seed")));
        assert_eq!(existing(root(), "seed/a.txt"), Some(t.0.join("seed/a.txt")));
        assert_eq!(existing(root(), "seed/b.txt"), None);
        assert_eq!(existing(None, ""), None);
        // A root named by SITREP_SHARED that is not there is missing too.
        assert_eq!(existing(Some(t.0.join("gone")), ""), None);
    }

    #[cfg(feature = "test-util")]
    #[test]
    fn missing_names_the_path_inside_shared() {
        assert_eq!(missing(""), "../shared");
        assert_eq!(missing("seed/a.txt"), "../shared/seed/a.txt");
    }

    #[cfg(feature = "test-util")]
    #[test]
    fn for_test_returns_none_for_an_absent_path_unless_required() {
        // Only meaningful where the run does not require the data; under
        // SITREP_REQUIRE_SHARED=1 the same call must panic, which the other branch checks.
        let rel = "no/such/file-7f3a.txt";
        if required() {
            let r = std::panic::catch_unwind(|| for_test(rel));
            assert!(r.is_err(), "a required, missing path must fail the test");
        } else {
            assert_eq!(for_test(rel), None);
        }
    }
}
