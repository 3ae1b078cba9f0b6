"""A deterministic synthetic city on a grid, written straight into a store (SQLAlchemy Core).

Used by the dashboard tests (40 areas), ``benchmarks.dashboard`` (600 and 6,000
areas) and ``benchmarks.export`` (80 areas, 30 indicators). Areas are a grid whose
shared edges wiggle the same way on both sides, so the geometry has realistic
vertex counts and is a true coverage. Values are binomial draws around an area
effect; prioritized areas start worse on unemployment and close the gap over
time. One cell has too small a population (the engine suppresses it) and one is
suppressed at source. Same arguments, same city (the load's time stamps apart): the
values are drawn from ``seed``, the outlines from fixed seeds.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from sqlalchemy import Engine, insert

from settings.languages import LANGS
from store.schema import Area, AreaNote, BatchFile, City, Indicator, IndicatorValue, LoadBatch

CITY_CODE = "SYN"


@dataclass(frozen=True)
class Spec:
    id: str
    domain: str
    value_type: str
    multiplier: float
    polarity: str
    unit: str
    base: float  # base proportion (of the multiplier scale / multiplier)
    names: tuple[str, str, str]  # sv, pl, en


INDICATORS: tuple[Spec, ...] = (
    Spec("unemployment", "work_income", "proportion", 100, "low_is_good", "%", 0.07,
         ("Arbetslöshet", "Bezrobocie", "Unemployment")),
    Spec("employment", "work_income", "proportion", 100, "high_is_good", "%", 0.72,
         ("Förvärvsarbetande", "Zatrudnienie", "Employment")),
    Spec("upper_secondary", "education", "proportion", 100, "high_is_good", "%", 0.80,
         ("Gymnasiebehörighet", "Wykształcenie średnie", "Upper secondary eligibility")),
    Spec("overweight", "health", "proportion", 100, "low_is_good", "%", 0.14,
         ("Övervikt", "Nadwaga", "Overweight")),
    Spec("crime", "safety", "rate", 1000, "low_is_good", "per 1 000", 0.045,
         ("Anmälda brott", "Zgłoszone przestępstwa", "Reported crime")),
    Spec("single_households", "housing", "proportion", 100, "neutral", "%", 0.40,
         ("Ensamhushåll", "Gospodarstwa jednoosobowe", "Single-person households")),
)

DOMAINS = ("work_income", "education", "health", "safety", "housing", "demography")


def indicator_specs(n: int) -> tuple[Spec, ...]:
    """``n`` indicators over six domains (five per domain), cycling the six kinds above."""
    out = []
    for i in range(n):
        base = INDICATORS[i % len(INDICATORS)]
        names = (f"{base.names[0]} {i + 1}", f"{base.names[1]} {i + 1}", f"{base.names[2]} {i + 1}")
        out.append(replace(base, id=f"{base.id}_{i + 1}", domain=DOMAINS[(i // 5) % len(DOMAINS)],
                           names=names))
    return tuple(out)


def _wiggle(p: np.ndarray, q: np.ndarray, segments: int, amp: float, seed: int) -> np.ndarray:
    """Points from p to q (p excluded) with a perpendicular wiggle fixed by the edge."""
    rng = np.random.default_rng(seed)
    t = np.linspace(0, 1, segments + 1)[1:]
    offsets = rng.normal(0, amp, segments) * np.sin(np.pi * t)
    offsets[-1] = 0.0
    d = q - p
    normal = np.array([-d[1], d[0]]) / (np.hypot(*d) or 1.0)
    return p + np.outer(t, d) + np.outer(offsets, normal)


def grid_polygons(cols: int, rows: int, origin: tuple[float, float], cell: float,
                  segments: int = 6) -> list[MultiPolygon]:
    """A ``cols`` x ``rows`` coverage of wiggly cells (row-major), lon/lat degrees."""
    rng = np.random.default_rng(7)
    nodes = np.stack(np.meshgrid(np.arange(cols + 1), np.arange(rows + 1)), axis=-1).astype(float)
    nodes += rng.uniform(-0.2, 0.2, nodes.shape)
    lon0, lat0 = origin
    scale = np.array([cell / math.cos(math.radians(lat0)), cell])
    nodes = nodes * scale + np.array([lon0, lat0])

    def edge(a: tuple[int, int], b: tuple[int, int]) -> np.ndarray:
        key = (min(a, b), max(a, b))
        seed = hash(key) & 0xFFFFFFFF
        pts = _wiggle(nodes[key[0][1], key[0][0]], nodes[key[1][1], key[1][0]],
                      segments, cell * 0.06, seed)
        if key[0] == a:
            return pts
        start = nodes[key[0][1], key[0][0]]
        return np.vstack([pts[::-1][1:], start])

    polys = []
    for r in range(rows):
        for c in range(cols):
            corners = [(c, r), (c + 1, r), (c + 1, r + 1), (c, r + 1), (c, r)]
            ring = [nodes[r, c]]
            for a, b in itertools.pairwise(corners):
                ring.extend(edge(a, b))
            polys.append(MultiPolygon([Polygon(ring)]))
    return polys


def _values(spec: Spec, codes: list[str], prioritized: set[str], periods: list[str],
            rng: np.random.Generator, pops: np.ndarray) -> list[dict]:
    n = len(codes)
    effect = rng.normal(0, 0.25, n)
    is_prio = np.array([c in prioritized for c in codes])
    bad = 1 if spec.polarity == "low_is_good" else -1
    rows: list[dict] = []
    for k, period in enumerate(periods):
        drift = 1 + 0.01 * k
        gap = np.where(is_prio, 0.9 * (1 - k / (len(periods) + 2)), 0.0)
        logit = math.log(spec.base / (1 - spec.base)) + effect + bad * gap
        p_total = 1 / (1 + np.exp(-logit)) * drift
        for sex, share, shift in (("female", 0.5, -0.08), ("male", 0.5, 0.08)):
            den = np.maximum(np.round(pops * share), 1)
            p = np.clip(p_total * (1 + shift), 0.001, 0.999)
            num = rng.binomial(den.astype(int), p)
            rows += [_row(spec, codes[i], period, sex, num[i], den[i]) for i in range(n)]
        fem, mal = rows[-2 * n:-n], rows[-n:]
        rows += [_row(spec, codes[i], period, "total",
                      fem[i]["numerator"] + mal[i]["numerator"],
                      fem[i]["denominator"] + mal[i]["denominator"]) for i in range(n)]
    return rows


def _row(spec: Spec, code: str, period: str, sex: str, num: float, den: float) -> dict:
    return {
        "indicator_id": spec.id, "area_code": code, "period": period, "sex": sex,
        "age_group": "all", "numerator": float(num), "denominator": float(den),
        "value": float(num) / float(den) * spec.multiplier if den else None,
        "lower_ci": None, "upper_ci": None, "status": None,
    }


def _catalogue(specs: tuple[Spec, ...]) -> list[dict]:
    return [
        {
            "id": s.id, "name_sv": s.names[0], "name_pl": s.names[1], "name_en": s.names[2],
            "description_sv": f"Andel: {s.names[0].lower()}.",
            "description_pl": f"Odsetek: {s.names[1].lower()}.",
            "description_en": f"Share: {s.names[2].lower()}.",
            "domain": s.domain, "unit": s.unit, "value_type": s.value_type,
            "multiplier": s.multiplier, "polarity": s.polarity, "decimals": 1,
            "source": "Synthetic register", "definition": f"Synthetic {s.names[2].lower()}",
            "min_numerator": 5.0, "min_denominator": 30.0, "weight": 1.0,
        }
        for s in specs
    ]


def build_city(engine: Engine, cols: int = 8, rows: int = 5, n_periods: int = 7,
               n_prioritized: int = 3, specs: tuple[Spec, ...] = INDICATORS,
               seed: int = 1, materialise: bool = True) -> dict[str, object]:
    """Write a synthetic city of ``cols * rows`` areas; return its codes for assertions.

    With ``materialise`` (as a load does) its comparison table is written too; without,
    the store is like one loaded before issue 14 and the dashboard computes the table."""
    rng = np.random.default_rng(seed)
    n = cols * rows
    codes = [f"A{i:04d}" for i in range(n)]
    prioritized = codes[n // 3: n // 3 + n_prioritized]
    geoms = grid_polygons(cols, rows, (12.90, 57.70), 0.012 if n <= 100 else 0.05)
    pops = np.round(rng.uniform(800, 9000, n))
    periods = [str(2016 + k) for k in range(n_periods)]
    values: list[dict] = []
    for spec in specs:
        values += _values(spec, codes, set(prioritized), periods, rng, pops)
    tiny, at_source = codes[-1], codes[-2]
    for v in values:  # one tiny population (engine suppresses) and one suppressed at source
        if v["indicator_id"] == "upper_secondary" and v["area_code"] == tiny and v["sex"] == "female":
            v.update(numerator=2.0, denominator=12.0, value=2 / 12 * 100)
        if v["indicator_id"] == "overweight" and v["area_code"] == at_source and v["period"] == periods[-1]:
            v.update(numerator=None, value=None, status="suppressed_at_source")
    _write(engine, codes, prioritized, geoms, pops, specs, values)
    if materialise:
        from etl.comparisons import materialise as write_comparisons

        write_comparisons(engine)
    return {"codes": codes, "prioritized": prioritized, "periods": periods, "city_code": CITY_CODE,
            "tiny": tiny, "suppressed_at_source": at_source}


def area_notes() -> list[dict[str, object]]:
    """The first prioritized area's notes: every kind; one note in Swedish only, one in Polish only."""
    empty = {f"{f}_{lang}": None for f in ("title", "text") for lang in LANGS}
    notes = [
        ("resource", {"title_sv": "Biblioteket", "title_pl": "Biblioteka", "title_en": "The library",
                      "text_en": "Open every day"}, "Synthetic", "https://example.org/library"),
        ("arena", {"title_sv": "Torget"}, None, None),
        ("initiative", {"title_pl": "Łączymy sąsiadów", "title_en": "Neighbours together"}, None, None),
        ("residents_view", {"title_sv": "Tryggare kvällar", "text_sv": "Mer belysning önskas"},
         "Synthetic dialogue, spring 2024", None),
    ]
    return [{**empty, **titles, "kind": kind, "position": i + 1, "source": source, "url": url}
            for i, (kind, titles, source, url) in enumerate(notes)]


def _write(engine: Engine, codes: list[str], prioritized: list[str], geoms: list[MultiPolygon],
           pops: np.ndarray, specs: tuple[Spec, ...], values: list[dict]) -> None:
    now = datetime.now(UTC)
    city_geom = shapely.union_all(geoms)
    if city_geom.geom_type == "Polygon":
        city_geom = MultiPolygon([city_geom])
    names = [f"Område {i + 1}" if i % 3 else f"Södra Åsen {i + 1}" for i in range(len(codes))]
    with engine.begin() as conn:
        batch = conn.execute(insert(LoadBatch).values(
            city_code=CITY_CODE, config_path="synthetic.toml", started_at=now, finished_at=now,
            status="succeeded", areas_loaded=len(codes), indicators_loaded=len(specs),
            values_loaded=len(values), message="synthetic")).inserted_primary_key[0]  # type: ignore[index]
        conn.execute(insert(BatchFile), [
            {"batch_id": batch, "kind": "boundaries", "path": "synthetic.gpkg", "sha256": "0" * 64, "rows": len(codes)},
            {"batch_id": batch, "kind": "table", "path": "synthetic.csv", "sha256": "1" * 64, "rows": len(values)},
        ])
        conn.execute(insert(City).values(code=CITY_CODE, name="Syntetstad", name_sv="Syntetstad",
                                         name_pl="Miasto Syntetyczne", name_en="Synthetic City",
                                         synthetic=True, batch_id=batch))
        conn.execute(insert(Area), [
            {"code": CITY_CODE, "name": "Syntetstad", "level": "city", "parent_code": None, "prioritized": False,
             "population": float(pops.sum()), "geom": city_geom, "display_geom": city_geom, "batch_id": batch},
            *[{"code": c, "name": names[i], "level": "district", "parent_code": CITY_CODE,
               "prioritized": c in prioritized, "population": float(pops[i]),
               "geom": geoms[i], "display_geom": geoms[i], "batch_id": batch}
              for i, c in enumerate(codes)],
        ])
        conn.execute(insert(Indicator), [{**row, "batch_id": batch} for row in _catalogue(specs)])
        conn.execute(insert(IndicatorValue), [{**v, "batch_id": batch} for v in values])
        conn.execute(insert(AreaNote), [{**n, "area_code": prioritized[0], "batch_id": batch}
                                        for n in area_notes()])
