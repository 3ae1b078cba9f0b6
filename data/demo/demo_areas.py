"""Names, codes, population and living conditions of the demo city's neighbourhoods.

Names are invented but Swedish-sounding; a name with a place hint ("Norrby",
"Strömsvik", "Stadskärnan") goes to a cell in that place. Codes run DC01..DC40
from the centre outwards, clockwise from north within each ring. Three
peripheral estates are prioritized, with clearly poorer living conditions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from demo_geometry import Cell
from shapely.geometry import Polygon

CITY_CODE = "DEMO"  # code of the whole city and of its rows in the indicator tables
YEARS = tuple(range(2015, 2025))
LATEST = YEARS[-1]
NEW_AREA = "Sjöstaden"  # built from 2016; first statistics for 2017
NEW_AREA_FIRST_YEAR = 2017
PRIORITIZED = ("Hjortkullen", "Brännhagen", "Stenåsen")  # gap stories 1, 2, 3 by code order

# (name, hint): hint is "centre", "river", "N", "E", "S", "W", "prio" or "" (anywhere).
NAMES: tuple[tuple[str, str], ...] = (
    ("Stadskärnan", "centre"), ("Kyrkbacken", "centre"), ("Rosendal", "centre"),
    ("Slottshöjden", "centre"), ("Lindgården", "centre"),
    ("Kvarnbacken", "river"), ("Sjöstaden", "river"), ("Strömsvik", "river"),
    ("Älvsnäs", "river"), ("Ängsvik", "river"), ("Båtsmanstorp", "river"),
    ("Norrby", "N"), ("Norra Hagen", "N"), ("Norrängen", "N"),
    ("Södra Hagen", "S"), ("Söderslätt", "S"), ("Sunnanå", "S"),
    ("Östra Vallen", "E"), ("Österäng", "E"), ("Västra Vallen", "W"), ("Västerhöjd", "W"),
    ("Hjortkullen", "prio"), ("Brännhagen", "prio"), ("Stenåsen", "prio"),
    ("Björkhöjden", ""), ("Lövängen", ""), ("Hällbacken", ""), ("Tallåsen", ""),
    ("Granliden", ""), ("Ekdalen", ""), ("Fågelsången", ""), ("Bäckaby", ""),
    ("Furuhöjd", ""), ("Ljungbacka", ""), ("Solvik", ""), ("Äppelgården", ""),
    ("Mårtensro", ""), ("Dalslund", ""), ("Skogsbo", ""), ("Klövermossen", ""),
)
BEARINGS = {"N": 0.0, "E": 90.0, "S": 180.0, "W": 270.0}
PRIO_BEARINGS = (40.0, 150.0, 310.0)  # where the three estates lie, seen from the centre


@dataclass(frozen=True)
class Area:
    """A neighbourhood with what the indicator model needs to know about it."""

    code: str
    name: str
    polygon: Polygon
    prioritized: int  # 0, or 1..3 = which prioritized area (by code order)
    deprivation: float  # z-score-like; the prioritized estates are near +2.3
    centrality: float  # 1 in the centre, falling towards the edge
    population: dict[int, int]  # year -> residents (absent before NEW_AREA_FIRST_YEAR)

    @property
    def area_km2(self) -> float:
        return float(self.polygon.area / 1e6)


def _angle(a: float, b: float) -> float:
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def _assign_names(cells: list[Cell]) -> dict[int, str]:
    """Cell index -> name, honouring place hints greedily in the order of NAMES."""
    free = set(range(len(cells)))
    far = sorted(free, key=lambda i: -cells[i].distance)[: len(cells) // 2]
    prio_cells = []
    for target in PRIO_BEARINGS:
        pick = min((i for i in far if i not in prio_cells), key=lambda i: _angle(cells[i].bearing, target))
        prio_cells.append(pick)
    out: dict[int, str] = {}
    prio_iter = iter(prio_cells)
    free -= set(prio_cells)
    for name, hint in NAMES:
        if hint == "prio":
            out[next(prio_iter)] = name
            continue
        if hint == "centre":
            pick = min(free, key=lambda i: cells[i].distance)
        elif hint == "river":
            pick = min(free, key=lambda i: (not cells[i].on_river, cells[i].distance))
        elif hint in BEARINGS:
            pick = min(
                free, key=lambda i: _angle(cells[i].bearing, BEARINGS[hint]) - cells[i].distance / 150
            )
        else:
            pick = min(free)
        out[pick] = name
        free.discard(pick)
    return out


def _code_order(cells: list[Cell]) -> list[int]:
    """Centre outwards in three rings, clockwise from north within each."""
    def ring(c: Cell) -> int:
        return 0 if c.distance < 1_600 else 1 if c.distance < 3_300 else 2
    return sorted(range(len(cells)), key=lambda i: (ring(cells[i]), cells[i].bearing))


def _population(cell: Cell, prioritized: bool, name: str, rng: np.random.Generator) -> dict[int, int]:
    """Residents per year: dense centre, sparse edge, dense estates; a new area grows."""
    density = 900 + 6_500 * math.exp(-cell.distance / 1_700)  # residents per km²
    if prioritized:
        density = 5_200
    latest = density * cell.polygon.area / 1e6 * float(rng.lognormal(0.0, 0.25))
    if prioritized:
        latest = max(latest, 5_500.0)
    growth = float(rng.uniform(0.002, 0.012))
    if name == NEW_AREA:
        latest = min(latest, 3_200.0)
        span = LATEST - NEW_AREA_FIRST_YEAR
        return {
            y: int(round(latest * (0.15 + 0.85 * (y - NEW_AREA_FIRST_YEAR) / span), -1))
            for y in YEARS if y >= NEW_AREA_FIRST_YEAR
        }
    return {y: int(round(latest * (1 + growth) ** (y - LATEST), -1)) for y in YEARS}


def build_areas(cells: list[Cell], seed: int = 46) -> list[Area]:
    """Name, code and populate the cells (deterministic for a given seed)."""
    rng = np.random.default_rng(seed)
    names = _assign_names(cells)
    prio_by_name: dict[str, int] = {}
    order = _code_order(cells)
    for idx in order:
        if names[idx] in PRIORITIZED:
            prio_by_name[names[idx]] = len(prio_by_name) + 1
    areas = []
    prio_z = (2.4, 2.2, 2.5)
    for n, idx in enumerate(order, start=1):
        cell, name = cells[idx], names[idx]
        prio = prio_by_name.get(name, 0)
        noise = float(rng.normal(0.0, 0.55))
        field = 0.45 * math.sin(math.radians(cell.bearing) * 2 + 0.8) * min(1.0, cell.distance / 2_500)
        deprivation = prio_z[prio - 1] if prio else float(np.clip(noise + field - 0.25, -1.6, 1.3))
        areas.append(
            Area(
                code=f"DC{n:02d}",
                name=name,
                polygon=cell.polygon,
                prioritized=prio,
                deprivation=deprivation,
                centrality=math.exp(-cell.distance / 1_800),
                population=_population(cell, bool(prio), name, rng),
            )
        )
    return areas
