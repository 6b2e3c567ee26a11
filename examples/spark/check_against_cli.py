"""Check a Parquet events table made by code_articles.py against `sitrep code` on the same input.

    python examples/spark/check_against_cli.py --input ARTICLES.jsonl.gz --events EVENTS_DIR \
        --stats STATS.json [--sitrep PATH]

Runs the CLI (or reads its JSON lines from --cli-jsonl), then compares: event counts, the
multiset of event ids, events per article, every event's JSON text byte for byte, and the
numbers of documents read and skipped. Exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq


def cli_run(sitrep: str, src: Path) -> tuple[list[str], dict]:
    out = subprocess.run([sitrep, "code", "--threads", str(os.cpu_count() or 2), str(src)],
                         capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(f"sitrep code failed ({out.returncode}): {out.stderr.decode(errors='replace')[-2000:]}")
    summary = re.search(rb"read (\d+) records, extracted (\d+), skipped (\d+)", out.stderr)
    if not summary:
        sys.exit("no summary line from sitrep code")
    read, _, skipped = map(int, summary.groups())
    return out.stdout.decode().splitlines(), {"documents": read, "skipped": skipped}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, required=True)
    ap.add_argument("--events", type=Path, required=True)
    ap.add_argument("--stats", type=Path, required=True)
    ap.add_argument("--sitrep", default=os.environ.get("SITREP_BIN", "sitrep"))
    args = ap.parse_args()

    cli_lines, cli_counts = cli_run(args.sitrep, args.input)
    table = pq.read_table(args.events, columns=["event_id", "article_id", "event_json"])
    spark_lines = table.column("event_json").to_pylist()
    spark_counts = json.loads(args.stats.read_text())

    cli_ids = collections.Counter(json.loads(line)["event_id"] for line in cli_lines)
    spark_ids = collections.Counter(table.column("event_id").to_pylist())
    cli_articles = collections.Counter(json.loads(line)["article_id"] for line in cli_lines)
    spark_articles = collections.Counter(table.column("article_id").to_pylist())
    checks = {
        "event count": (len(cli_lines), len(spark_lines)),
        "distinct event ids": (len(cli_ids), len(spark_ids)),
        "event ids (multiset)": (cli_ids == spark_ids, True),
        "events per article": (cli_articles == spark_articles, True),
        "event JSON, byte for byte": (sorted(cli_lines) == sorted(spark_lines), True),
        "documents read": (cli_counts["documents"], spark_counts["documents"]),
        "documents skipped": (cli_counts["skipped"], spark_counts["skipped"]),
    }
    ok = True
    for name, (cli, spark) in checks.items():
        same = cli == spark
        ok &= same
        print(f"{'ok  ' if same else 'FAIL'} {name}: cli={cli} spark={spark}")
    if not cli_lines:
        print("FAIL no events at all: nothing was compared")
        ok = False
    print("identical" if ok else "DIFFERENT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
