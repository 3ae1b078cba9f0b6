"""The demo city's resources and arenas: 60 places in five categories, inside the
neighbourhoods, from a fixed seed.

Two files, to show both readers of ``[[places]]``:

- ``places.geojson``: schools, libraries, meeting places and health centres (GeoJSON,
  WGS 84 degrees), with the Swedish fields ``namn`` and ``kategori``;
- ``places_sports_grounds.csv``: the sports grounds, a CSV with SWEREF 99 TM coordinates
  (``x_sweref99``, ``y_sweref99``, EPSG:3006), one category for the whole file.

Every prioritized area gets a meeting place and a school. Points lie at least 40 m inside
their neighbourhood, so no rounding puts them outside. Coordinates are written with a
fixed number of decimals, so the files are byte-identical on every run.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
from demo_areas import Area
from pyproj import Transformer
from shapely.geometry import Point

# category -> (number of places, name pattern ({a} = the area's name)); 46 + 14 = 60
COUNTS: dict[str, tuple[int, str]] = {
    "school": (18, "{a} skola"),
    "library": (6, "{a} bibliotek"),
    "meeting_place": (14, "Träffpunkt {a}"),
    "health_centre": (8, "Vårdcentralen {a}"),
    "sports_ground": (14, "{a} idrottsplats"),
}
IN_CSV = "sports_ground"
ALWAYS = ("school", "meeting_place")  # every prioritized area has one of these
INSET = 40.0  # metres inside the neighbourhood's boundary


def _pick(areas: list[Area], n: int, must: bool, rng: np.random.Generator) -> list[Area]:
    """``n`` distinct areas (the prioritized ones first when ``must``), in code order."""
    chosen = [a for a in areas if a.prioritized] if must else []
    rest = [a for a in areas if a not in chosen]
    extra = rng.choice(len(rest), size=n - len(chosen), replace=False)
    chosen += [rest[int(i)] for i in sorted(extra)]
    return sorted(chosen, key=lambda a: a.code)


def _point(area: Area, rng: np.random.Generator) -> Point:
    """A point at least INSET metres inside the area (rejection sampling)."""
    inner = area.polygon.buffer(-INSET)
    x0, y0, x1, y1 = inner.bounds
    while True:
        p = Point(float(rng.uniform(x0, x1)), float(rng.uniform(y0, y1)))
        if inner.contains(p):
            return p


def demo_places(areas: list[Area], seed: int = 60) -> list[tuple[str, str, float, float]]:
    """(category, name, x, y in EPSG:3006) of the 60 places, category by category."""
    rng = np.random.default_rng(seed)
    out = []
    for category, (n, pattern) in COUNTS.items():
        for area in _pick(areas, n, category in ALWAYS, rng):
            p = _point(area, rng)
            out.append((category, pattern.format(a=area.name), round(p.x), round(p.y)))
    return out


def write_places(geojson: Path, csv_path: Path, areas: list[Area]) -> None:
    """The GeoJSON of four categories and the CSV of the sports grounds."""
    places = demo_places(areas)
    to_wgs = Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)
    features = []
    for category, name, x, y in places:
        if category == IN_CSV:
            continue
        lon, lat = to_wgs.transform(x, y)
        features.append({"type": "Feature", "properties": {"namn": name, "kategori": category},
                         "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}})
    geojson.parent.mkdir(parents=True, exist_ok=True)
    lines = ",\n".join(json.dumps(f, ensure_ascii=False) for f in features)  # one place a line
    geojson.write_text('{"type": "FeatureCollection", "name": "platser", "features": [\n'
                       + lines + "\n]}\n", encoding="utf-8")
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["namn", "x_sweref99", "y_sweref99"])
        writer.writerows([name, x, y] for category, name, x, y in places if category == IN_CSV)
