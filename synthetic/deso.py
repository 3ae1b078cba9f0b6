"""A synthetic nation as ETL input files: DeSO-like polygons and millions of value rows.

``write_city_files(folder, areas, rows)`` writes ``areas.gpkg``, ``catalogue.csv``,
``values.csv`` and ``city.toml`` for ``benchmarks.etl``. Deterministic (fixed
seeds). Polygons are Voronoi cells of clustered points (dense towns, sparse
countryside) in EPSG:3006, with wiggly shared borders of a few hundred vertices
each, like Statistics Sweden's DeSO areas. Values are ``synthetic.nation``'s draw
for those areas (percentages: female and male add up to the total), written as a
long CSV of indicator × area × period × sex with numerators and denominators.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from synthetic import nation

SEED = 2024
ORIGIN = (400_000.0, 6_300_000.0)  # southern Sweden, SWEREF99 TM
SPAN = 400_000.0  # metres
VERTICES_PER_AREA = 330  # Uppsala county's DeSO shapefile: 85,000 vertices for 262 areas


@dataclass(frozen=True)
class CityFiles:
    folder: Path
    config: Path
    boundaries: Path
    table: Path
    areas: int
    rows: int


def _points(n: int, rng: np.random.Generator) -> np.ndarray:
    towns = rng.uniform(0.1, 0.9, size=(40, 2)) * SPAN
    weights = rng.pareto(1.2, size=40) + 0.2
    town = rng.choice(40, size=int(n * 0.8), p=weights / weights.sum())
    spread = rng.uniform(1_500, 12_000, size=40)[town, None]
    urban = towns[town] + rng.normal(size=(len(town), 2)) * spread
    rural = rng.uniform(0, SPAN, size=(n - len(town), 2))
    pts = np.clip(np.vstack([urban, rural]), 1.0, SPAN - 1.0)
    return np.unique(np.round(pts, 1), axis=0) + np.array(ORIGIN)


def _wiggle(xy: np.ndarray) -> np.ndarray:
    """Displace vertices by a smooth function of position, so shared vertices move
    together and the coverage stays valid (the displacement's slope is below 1);
    it fades out towards the outer edge; coordinates rounded to the centimetre."""
    x, y = xy[:, 0], xy[:, 1]
    edge = np.minimum.reduce(
        [x - ORIGIN[0], ORIGIN[0] + SPAN - x, y - ORIGIN[1], ORIGIN[1] + SPAN - y]
    )
    fade = np.clip(edge / 500.0, 0.0, 1.0)
    dx = (25 * np.sin(y / 97.0) + 9 * np.cos(x / 31.0)) * fade
    dy = (25 * np.sin(x / 89.0) + 9 * np.cos(y / 29.0)) * fade
    return np.round(np.column_stack([x + dx, y + dy]), 2)


def polygons(n: int, seed: int = SEED) -> gpd.GeoDataFrame:
    """``n`` DeSO-like areas (a valid coverage) with codes, names and population."""
    rng = np.random.default_rng(seed)
    pts = _points(int(n * 1.05), rng)[:n]
    envelope = shapely.box(ORIGIN[0], ORIGIN[1], ORIGIN[0] + SPAN, ORIGIN[1] + SPAN)
    cells = shapely.get_parts(
        shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=envelope)
    )
    cells = shapely.intersection(cells, envelope)
    # About 330 vertices per area on average, like DeSO (one step for all, so that
    # shared borders get the same vertices from both sides).
    step = float(shapely.length(cells).sum()) / (VERTICES_PER_AREA * len(cells))
    cells = shapely.transform(shapely.segmentize(cells, max(step, 5.0)), _wiggle)
    cells = shapely.make_valid(cells)
    kommun = (np.arange(len(cells)) // 20) % 290 + 100
    codes = [f"{k:04d}{'ABC'[i % 3]}{i:04d}" for i, k in enumerate(kommun)]
    return gpd.GeoDataFrame(
        {
            "deso": codes,
            "namn": [f"Område {c}" for c in codes],
            "bef": rng.integers(700, 2700, size=len(cells)),
        },
        geometry=cells,
        crs="EPSG:3006",
    )


def values(codes: list[str], indicators: int, periods: int, seed: int = SEED
           ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(catalogue, value table): percentages, every indicator × area × period × sex."""
    rng = np.random.default_rng(seed + 1)
    cat = nation.catalogue(indicators, rng, types=("percentage",))
    drawn = nation.draw_values(cat, codes, periods, rng)
    table = pd.DataFrame({
        "indicator": drawn["indicator_id"], "area": drawn["area_code"], "period": drawn["period"],
        "sex": drawn["sex"], "numerator": drawn["numerator"].astype(np.int64),
        "denominator": drawn["denominator"].astype(np.int64),
    })
    columns = ["id", "name_en", "name_sv", "name_pl", "domain", "unit", "value_type",
               "multiplier", "polarity", "decimals"]
    return cat[columns], table


CONFIG = """\
# SYNTHETIC benchmark city: {areas} DeSO-like areas, {rows} values.
[city]
code = "SE"
name = "Synthetic Sweden"
synthetic = true

[boundaries]
path = "areas.gpkg"
code_field = "deso"
name_field = "namn"
population_field = "bef"
level = "deso"

[catalogue]
path = "catalogue.csv"

[[tables]]
path = "values.csv"
delimiter = ","
encoding = "utf-8"
decimal = "."
"""


def write_city_files(folder: Path, areas: int, rows: int) -> CityFiles:
    """Write areas.gpkg, catalogue.csv, values.csv and city.toml; about ``rows`` values."""
    folder.mkdir(parents=True, exist_ok=True)
    frame = polygons(areas)
    frame.to_file(folder / "areas.gpkg", driver="GPKG", layer="deso")
    periods = 10
    indicators = max(1, round(rows / (len(frame) * periods * len(nation.SEXES))))
    catalogue, table = values(list(frame["deso"]), indicators, periods)
    catalogue.to_csv(folder / "catalogue.csv", index=False)
    table.to_csv(folder / "values.csv", index=False)
    (folder / "city.toml").write_text(
        CONFIG.format(areas=len(frame), rows=len(table)), encoding="utf-8"
    )
    return CityFiles(folder, folder / "city.toml", folder / "areas.gpkg", folder / "values.csv",
                     len(frame), len(table))
