//! Helpers shared by the CLI tests.
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

pub fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// `../shared` beside the checkout, or None (then the caller skips, unless
/// SITREP_REQUIRE_SHARED=1, which makes a missing ../shared a failure).
pub fn shared() -> Option<PathBuf> {
    let found = std::env::var_os("SITREP_SHARED")
        .map(PathBuf::from)
        .or_else(|| Some(repo_root().join("../shared")))
        .filter(|p| p.join("data").is_dir());
    if found.is_none() {
        assert!(
            std::env::var("SITREP_REQUIRE_SHARED").as_deref() != Ok("1"),
            "../shared is required (SITREP_REQUIRE_SHARED=1) but was not found"
        );
        eprintln!("skipped: ../shared not found (set SITREP_SHARED)");
    }
    found
}

/// Run with stdin from bytes.
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = sitrep()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}
