#!/usr/bin/env python3
"""Builds crates/server/assets/land.json, the dashboard map's land outline.

Source: the npm package world-atlas 2.0.2 (land-110m.json: Natural Earth's 1:110m land
polygons, public domain, as TopoJSON by Mike Bostock under the ISC licence). Fetched with
`npm pack` from the npm registry into a temporary folder; nothing else is downloaded.

Output: {"source", "licence", "rings"}, each ring a flat list [lon0, lat0, lon1, lat1, ...]
in tenths of a degree, longitudes continuous across the antimeridian (see `unwrap`) (integers keep the file small; a tenth of a degree is below a pixel
at the dashboard's map sizes). Points closer than MIN_STEP to the previous kept one are
dropped. Run from the repository root: python3 tools/basemap/build_land.py
"""
import json
import pathlib
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "world-atlas@2.0.2"
MIN_STEP = 3  # tenths of a degree
OUT = pathlib.Path("crates/server/assets/land.json")


def arc_points(topo, i):
    """Absolute [lon, lat] points of arc i (~i is arc i reversed), from TopoJSON's
    delta-encoded quantized positions."""
    rev = i < 0
    arc = topo["arcs"][~i if rev else i]
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    x = y = 0
    pts = []
    for dx, dy in arc:
        x += dx
        y += dy
        pts.append((x * sx + tx, y * sy + ty))
    return pts[::-1] if rev else pts


def ring(topo, arcs):
    pts = []
    for a in arcs:
        p = arc_points(topo, a)
        # Consecutive arcs share their joining point.
        pts.extend(p[1:] if pts else p)
    return pts


def unwrap(pts):
    """Equirectangular maps need rings without jumps across the antimeridian: longitudes are
    made continuous (a ring may then reach past +-180; the dashboard draws such a ring once
    more shifted by 360 degrees), and a ring that goes all the way round (Antarctica) is
    closed along the pole."""
    out = [pts[0]]
    for lon, lat in pts[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append((lon, lat))
    turn = out[-1][0] - out[0][0]
    if abs(turn) > 180:
        pole = -90 if sum(p[1] for p in out) < 0 else 90
        out += [(out[-1][0], pole), (out[0][0], pole)]
    return out


def polygons(geom):
    if geom["type"] == "Polygon":
        yield geom["arcs"]
    elif geom["type"] == "MultiPolygon":
        yield from geom["arcs"]
    elif geom["type"] == "GeometryCollection":
        for g in geom["geometries"]:
            yield from polygons(g)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        name = subprocess.run(
            ["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True,
            capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]
        with tarfile.open(pathlib.Path(tmp) / name) as tar:
            topo = json.load(tar.extractfile("package/land-110m.json"))
            licence = tar.extractfile("package/LICENSE").read().decode().strip()
    rings = []
    for poly in polygons(topo["objects"]["land"]):
        for arcs in poly:
            flat, last = [], None
            for lon, lat in unwrap(ring(topo, arcs)):
                p = (round(lon * 10), round(lat * 10))
                if last and abs(p[0] - last[0]) < MIN_STEP and abs(p[1] - last[1]) < MIN_STEP:
                    continue
                flat.extend(p)
                last = p
            if len(flat) >= 6:
                rings.append(flat)
    doc = {
        "source": "Natural Earth 1:110m land (public domain), via the npm package "
        + PACKAGE + " (TopoJSON); built by tools/basemap/build_land.py; "
        "coordinates in tenths of a degree",
        "licence": licence,
        "rings": rings,
    }
    OUT.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
    points = sum(len(r) // 2 for r in rings)
    print(f"{OUT}: {len(rings)} rings, {points} points, {OUT.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
