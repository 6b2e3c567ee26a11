#!/usr/bin/env python3
"""Score Python trafilatura on the ScrapingHub pages and compare it with sitrep's own run.

Called by run.sh. The metric is re-implemented here from its description (the same one as
crates/eval/src/extraction.rs): per page, multisets of 4-token `\\w+` shingles; TP/FP/FN
normalised to sum to 1; precision and recall averaged over pages; F1 the harmonic mean of
the two means. Pages are split by their sorted-id index into an even half (the one sitrep
was tuned on) and an odd half (held out).
"""
import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter

WORD = re.compile(r"\w+")
SHINGLE = 4


def shingles(text):
    toks = WORD.findall(text)
    if not toks:
        return Counter()
    n = max(len(toks) - SHINGLE + 1, 1)
    return Counter(tuple(toks[i:i + SHINGLE]) for i in range(n))


def page_score(gold, pred):
    g, p = shingles(gold), shingles(pred)
    tp = sum(min(c, p[k]) for k, c in g.items())
    fn = sum(max(c - p[k], 0) for k, c in g.items())
    fp = sum(max(c - g[k], 0) for k, c in p.items())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def prf_from_scores(scores):
    """Page-averaged precision and recall from (tp, fp, fn) triples, as the benchmark does."""
    precs, recs = [], []
    for tp, fp, fn in scores:
        perfect = fp == 0 and fn == 0
        if tp + fp > 0:
            precs.append(1.0 if perfect else tp / (tp + fp))
        if tp + fn > 0:
            recs.append(1.0 if perfect else tp / (tp + fn))
    return prf_from_means(precs, recs)


def prf_from_means(precs, recs):
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def make_halves(dataset, out):
    """Writes out/even and out/odd: ground-truth subsets with links to the same pages."""
    with open(os.path.join(dataset, "ground-truth.json"), encoding="utf-8") as f:
        gt = json.load(f)
    ids = sorted(gt)
    for name, rem in (("even", 0), ("odd", 1)):
        d = os.path.join(out, name)
        os.makedirs(os.path.join(d, "html"), exist_ok=True)
        sub = {pid: gt[pid] for k, pid in enumerate(ids) if k % 2 == rem}
        with open(os.path.join(d, "ground-truth.json"), "w", encoding="utf-8") as f:
            json.dump(sub, f)
        for pid in sub:
            src = os.path.abspath(os.path.join(dataset, "html", pid + ".html.gz"))
            os.symlink(src, os.path.join(d, "html", pid + ".html.gz"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--make-halves", metavar="DIR", help="write even/odd subsets and exit")
    ap.add_argument("--sitrep-json", nargs="+",
                    help="outputs of `sitrep eval extraction --json --only html` on all pages")
    ap.add_argument("--sitrep-even", help="the same on the even half")
    ap.add_argument("--sitrep-odd", help="the same on the odd half")
    ap.add_argument("--rust-peers", help="output of rust-peers (texts per system)")
    ap.add_argument("--trafilatura-fast", action="store_true")
    args = ap.parse_args()
    if args.make_halves:
        make_halves(args.dataset, args.make_halves)
        return

    import trafilatura  # installed by run.sh into a throwaway venv

    with open(os.path.join(args.dataset, "ground-truth.json"), encoding="utf-8") as f:
        gt = json.load(f)
    ids = sorted(gt)
    pages = []
    for pid in ids:
        with gzip.open(os.path.join(args.dataset, "html", pid + ".html.gz"), "rb") as f:
            pages.append((pid, f.read().decode("utf-8", errors="replace")))

    scores = {}
    spent = 0.0
    for pid, html in pages:
        t0 = time.perf_counter()
        try:
            pred = trafilatura.extract(html, url=gt[pid].get("url"),
                                       fast=args.trafilatura_fast) or ""
        except Exception as e:  # a crash scores as an empty prediction
            print(f"trafilatura failed on {pid}: {e}", file=sys.stderr)
            pred = ""
        spent += time.perf_counter() - t0
        scores[pid] = page_score(gt[pid].get("articleBody", ""), pred)
    traf = {
        "all": prf_from_scores([scores[i] for i in ids]),
        "even": prf_from_scores([scores[i] for k, i in enumerate(ids) if k % 2 == 0]),
        "odd": prf_from_scores([scores[i] for k, i in enumerate(ids) if k % 2 == 1]),
    }
    traf_pps = len(pages) / spent

    runs = []
    for path in args.sitrep_json:
        with open(path, encoding="utf-8") as f:
            runs.append(json.load(f)["html"])
    ours = runs[0]
    halves = {"all": (ours["precision"], ours["recall"], ours["f1"])}
    for name, path in (("even", args.sitrep_even), ("odd", args.sitrep_odd)):
        with open(path, encoding="utf-8") as f:
            h = json.load(f)["html"]
        halves[name] = (h["precision"], h["recall"], h["f1"])
    pps = [r["pages_per_s"] for r in runs]
    ours_pps = statistics.median(pps)

    print(f"pages: {len(pages)}  trafilatura {trafilatura.__version__}"
          f"{' (fast)' if args.trafilatura_fast else ''}")
    print(f"{'system':<22} {'split':<5} {'F1':>7} {'P':>7} {'R':>7}")
    for name in ("all", "even", "odd"):
        p, r, f = halves[name]
        print(f"{'sitrep':<22} {name:<5} {f:7.4f} {p:7.4f} {r:7.4f}")
    for name in ("all", "even", "odd"):
        p, r, f = traf[name]
        print(f"{'trafilatura (Python)':<22} {name:<5} {f:7.4f} {p:7.4f} {r:7.4f}")
    peers = {}
    if args.rust_peers:
        with open(args.rust_peers, encoding="utf-8") as f:
            for system, v in json.load(f).items():
                sc = [page_score(gt[i].get("articleBody", ""), v["texts"].get(i, "")) for i in ids]
                peers[system] = v["pages_per_s"]
                for name, rem in (("all", None), ("even", 0), ("odd", 1)):
                    sel = [x for k, x in enumerate(sc) if rem is None or k % 2 == rem]
                    p, r, f1 = prf_from_scores(sel)
                    print(f"{system[:22]:<22} {name:<5} {f1:7.4f} {p:7.4f} {r:7.4f}")
    for system, peer_pps in peers.items():
        print(f"speed {system}: {peer_pps:.1f} pages/s (sitrep/this = {ours_pps / peer_pps:.1f}x)")
    print(f"speed, one thread, extraction only: sitrep {ours_pps:.1f} pages/s "
          f"(median of {len(pps)} runs: {', '.join(f'{x:.1f}' for x in pps)}), "
          f"trafilatura {traf_pps:.1f} pages/s, ratio {ours_pps / traf_pps:.1f}x")


if __name__ == "__main__":
    main()
