//! The Parquet export read back by a real reader: pyarrow in a throwaway virtualenv. Skipped
//! with a message when python3 or pip cannot provide it, unless SITREP_REQUIRE_PYTHON=1.

use crate::common::corpus;
use sitrep_store::{Filter, Store};
use std::path::Path;
use std::process::Command;

const CHECK: &str = r#"
import sys, pyarrow.parquet as pq
t = pq.read_table(sys.argv[1])
want = {
    "event_id": "string", "global_event_id": "int64", "date": "date32[day]",
    "cameo_code": "string", "goldstein": "float", "quad_class": "int8", "negated": "bool",
    "lat": "double", "lon": "double", "evidence": "string", "evidence_start": "int32",
    "evidence_end": "int32", "evidence_count": "int32", "mentions": "int32",
    "confidence": "float", "coder_version": "string",
}
got = {f.name: str(f.type) for f in t.schema}
bad = {k: (v, got.get(k)) for k, v in want.items() if got.get(k) != v}
assert not bad, bad
rows = t.to_pylist()
assert len(rows) == int(sys.argv[2]), len(rows)
meet = [r for r in rows if r["event_id"] == "a1-e0"][0]
assert meet["cameo_code"] == "042", meet
assert str(meet["date"]) == "2023-09-13", meet
assert meet["evidence"].startswith("Shoigu met Kim"), meet
assert abs(meet["confidence"] - 0.75) < 1e-6, meet
month = [r for r in rows if r["event_id"] == "a3-e0"][0]
assert month["date"] is None and month["date_iso"] == "2023-10", month
meta = pq.ParquetFile(sys.argv[1]).metadata
assert meta.row_group(0).column(0).compression == "ZSTD", meta.row_group(0).column(0)
print("ok", len(rows))
"#;

fn skip_or_fail(why: &str) {
    assert!(
        std::env::var("SITREP_REQUIRE_PYTHON").as_deref() != Ok("1"),
        "pyarrow is required (SITREP_REQUIRE_PYTHON=1): {why}"
    );
    eprintln!("skip: {why}");
}

fn pyarrow_python(venv: &Path) -> Option<std::path::PathBuf> {
    let made = Command::new("python3")
        .args(["-m", "venv"])
        .arg(venv)
        .status();
    if !made.is_ok_and(|s| s.success()) {
        skip_or_fail("python3 -m venv failed");
        return None;
    }
    let py = venv.join("bin/python");
    let pip = Command::new(&py)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "pyarrow",
        ])
        .status();
    if !pip.is_ok_and(|s| s.success()) {
        skip_or_fail("pip install pyarrow failed");
        return None;
    }
    Some(py)
}

#[test]
fn parquet_export_reads_back_in_pyarrow_with_types() {
    let dir = tempfile::tempdir().unwrap();
    let Some(py) = pyarrow_python(&dir.path().join("venv")) else {
        return;
    };
    let mut store = Store::open_in_memory().unwrap();
    store.write_batch(&corpus(), &[], "coder-1", 0).unwrap();
    let out = dir.path().join("events.parquet");
    let n = store
        .export_parquet(&Filter::default(), std::fs::File::create(&out).unwrap())
        .unwrap();
    assert_eq!(n, 4);
    let script = dir.path().join("check.py");
    std::fs::write(&script, CHECK).unwrap();
    let res = Command::new(&py)
        .arg(&script)
        .arg(&out)
        .arg(n.to_string())
        .output()
        .unwrap();
    assert!(
        res.status.success(),
        "pyarrow check failed:\n{}{}",
        String::from_utf8_lossy(&res.stdout),
        String::from_utf8_lossy(&res.stderr)
    );
}
