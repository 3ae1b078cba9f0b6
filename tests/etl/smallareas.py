"""Small areas inside the small city (tests/etl/smallcity.py), for crosswalk tests.

A 6×6 grid of 500 m boxes (codes ``S00``..``S55``, row then column) covers the small
city's 3×3 grid of 1 km districts, four small areas to a district: ``district(code)``
is the district of a small area, ``residents(code)`` its population. ``key_csv()`` is
the key from small areas to districts (with the districts' names), ``strips()`` three
1 km wide vertical strips shifted 500 m east of the districts' columns (they do not
nest), for areal interpolation.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely

from tests.etl.smallcity import CODES, ORIGIN, SIDE, write_small_city

HALF = SIDE / 2
SMALL = [f"S{r}{c}" for r in range(6) for c in range(6)]


def district(code: str) -> str:
    r, c = int(code[1]), int(code[2])
    return CODES[(r // 2) * 3 + c // 2]


def residents(code: str) -> int:
    return 100 + 10 * int(code[1]) + int(code[2])


def small_grid() -> gpd.GeoDataFrame:
    x0, y0 = ORIGIN
    boxes = [shapely.box(x0 + int(c[2]) * HALF, y0 + int(c[1]) * HALF,
                         x0 + (int(c[2]) + 1) * HALF, y0 + (int(c[1]) + 1) * HALF) for c in SMALL]
    return gpd.GeoDataFrame({"deso": SMALL, "bef": [residents(c) for c in SMALL]}, geometry=boxes,
                            crs="EPSG:3006")


def strips() -> gpd.GeoDataFrame:
    """Three strips P1..P3, x from 500 m to 3,500 m: P3 sticks out of the city by 500 m."""
    x0, y0 = ORIGIN
    boxes = [shapely.box(x0 + HALF + i * SIDE, y0, x0 + HALF + (i + 1) * SIDE, y0 + 3 * SIDE)
             for i in range(3)]
    return gpd.GeoDataFrame({"omrade": ["P1", "P2", "P3"]}, geometry=boxes, crs="EPSG:3006")


def key_csv(rows: list[tuple[str, str]] | None = None) -> str:
    pairs = rows if rows is not None else [(c, district(c)) for c in SMALL]
    names = {code: f"District {i + 1}" for i, code in enumerate(CODES)}
    return "deso;regso;namn\n" + "".join(f"{a};{b};{names.get(b, b)}\n" for a, b in pairs)


CROSSWALK = """
[[crosswalks]]
name = "small"
path = "key.csv"
from_column = "deso"
to_column = "regso"
name_column = "namn"
"""


def write_city(folder: Path, config: str, files: dict[str, str | bytes] | None = None) -> Path:
    """The small city with ``config``, the key and the small areas' GeoPackage."""
    path = write_small_city(folder, config=config, files={"key.csv": key_csv(), **(files or {})})
    small_grid().to_file(folder / "small.gpkg", driver="GPKG")
    strips().to_file(folder / "strips.gpkg", driver="GPKG")
    return path
