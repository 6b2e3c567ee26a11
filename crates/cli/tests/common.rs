//! Helpers shared by the CLI tests.
use std::path::{Path, PathBuf};
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

/// `../shared` (`sitrep_doc::shared_data`), or None after a printed skip (then the caller
/// skips, unless SITREP_REQUIRE_SHARED=1, which makes a missing ../shared a failure).
pub fn shared() -> Option<PathBuf> {
    sitrep_doc::shared_data::for_test("")
}

/// Fails the test, showing the command's stderr, unless it exited 0.
pub fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The seed article's `expected.json` and the input file it names, under `shared/seed`.
pub fn seed_case(shared: &Path) -> (serde_json::Value, PathBuf) {
    let seed = shared.join("seed");
    let raw = std::fs::read(seed.join("kim-putin-euronews.expected.json")).unwrap();
    let expected: serde_json::Value = serde_json::from_slice(&raw).unwrap();
    let input = seed.join(expected["input"]["file"].as_str().unwrap());
    (expected, input)
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

/// A JSON list of strings; anything else fails the test.
pub fn strings(v: &serde_json::Value) -> Vec<&str> {
    v.as_array()
        .expect("a list of strings")
        .iter()
        .map(|s| s.as_str().expect("a string"))
        .collect()
}

pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}
