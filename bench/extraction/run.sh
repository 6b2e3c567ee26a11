#!/usr/bin/env bash
# Side-by-side extraction benchmark on the ScrapingHub pages: sitrep (release build, one
# thread) against Python trafilatura from PyPI in a throwaway virtualenv, same pages, same
# metric, same run. Usage: bench/extraction/run.sh [DATASET_DIR]
# Env: CARGO_TARGET_DIR (default target), SITREP_RUNS (sitrep passes, default 3),
#      BENCH_VENV (reuse a venv instead of creating one under /tmp).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dataset="${1:-}"
if [[ -z "$dataset" ]]; then
  for d in "${SITREP_SHARED:-}" "$root/../shared" "$root/shared"; do
    if [[ -n "$d" && -d "$d/data/article-extraction-benchmark" ]]; then
      dataset="$d/data/article-extraction-benchmark"
      break
    fi
  done
fi
[[ -d "$dataset" ]] || { echo "run.sh: dataset not found; pass it as the first argument" >&2; exit 2; }

target="${CARGO_TARGET_DIR:-$root/target}"
(cd "$root" && cargo build --release -p sitrep >&2)
bin="$target/release/sitrep"

tmp="$(mktemp -d)"
venv="${BENCH_VENV:-}"
cleanup() {
  rm -rf "$tmp"
  if [[ -z "${BENCH_VENV:-}" ]]; then rm -rf "$venv"; fi
}
trap cleanup EXIT
if [[ -z "$venv" ]]; then
  venv="$tmp/venv"
  python3 -m venv "$venv"
  # lxml >= 5.2 moved html.clean (needed by justext) into its own package.
  "$venv/bin/pip" install -q trafilatura lxml_html_clean >&2
fi
runs=()
for i in $(seq 1 "${SITREP_RUNS:-3}"); do
  # The CLI extracts on one thread and times extraction only (no gunzip, no scoring).
  "$bin" eval extraction --dataset "$dataset" --only html --json \
    > "$tmp/sitrep-$i.json"
  runs+=("$tmp/sitrep-$i.json")
done
# The even half (sorted ids) is the one sitrep was tuned on; the odd half is held out.
"$venv/bin/python" "$here/peer.py" --dataset "$dataset" --make-halves "$tmp/halves"
for h in even odd; do
  "$bin" eval extraction --dataset "$tmp/halves/$h" --only html --json > "$tmp/sitrep-$h.json"
done
# The Rust crates named in the issue, built outside the workspace (skip: NO_RUST_PEERS=1).
peers_arg=()
if [[ -z "${NO_RUST_PEERS:-}" ]]; then
  (cd "$here/rust-peers" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}-peers" \
    cargo build --release >&2)
  "${CARGO_TARGET_DIR:-$root/target}-peers/release/rust-peers" "$dataset" > "$tmp/rust-peers.json"
  peers_arg=(--rust-peers "$tmp/rust-peers.json")
fi
echo "sitrep $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?') (+ working tree), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$venv/bin/python" "$here/peer.py" --dataset "$dataset" --sitrep-json "${runs[@]}" \
  --sitrep-even "$tmp/sitrep-even.json" --sitrep-odd "$tmp/sitrep-odd.json" "${peers_arg[@]}"
