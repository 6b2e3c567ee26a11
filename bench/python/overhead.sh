#!/usr/bin/env bash
# The Python package's coding overhead over the CLI (issue 7 acceptance: <= 10% per document).
# Needs a venv with the sitrep wheel and pyarrow installed (see crates/py/README.md) and a
# release build of the CLI:
#   PY=/path/to/venv/bin/python SITREP_BIN=target/release/sitrep bench/python/overhead.sh [--runs 7] [--limit N]
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${PY:-python3}"
SITREP_BIN="${SITREP_BIN:-${CARGO_TARGET_DIR:-target}/release/sitrep}"
exec "$PY" bench/python/overhead.py --sitrep "$SITREP_BIN" "$@"
