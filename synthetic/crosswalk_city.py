"""A synthetic city whose statistics come by small area, for ``benchmarks.crosswalk``.

``write_crosswalk_city(folder, small, neighbourhoods, indicators, periods)`` writes, with
fixed seeds:

- ``small.gpkg``: ``small`` DeSO-like polygons (``synthetic.deso.polygons``) with
  their population; ``key.csv``: each small area's neighbourhood (the nearest of
  ``neighbourhoods`` seeds among the small areas' centres, so neighbourhoods are
  compact groups of about ``small / neighbourhoods`` small areas);
- ``counts.csv``: by small area and year, the population ``pop`` and ``indicators``
  counts ``v01``, ``v02``... (a wide file, as statistics offices publish);
- ``ours.toml``: the neighbourhoods dissolved from the small areas by the key, the
  counts read as a ``[[sources]]`` block through the key, one ``[[derived]]`` share
  per count (``vNN / pop``); ``ours_values.toml``: the same on the precomputed
  neighbourhood polygons (the crosswalk for the values only);
- ``neighbourhoods.gpkg`` and ``values.csv``: the same neighbourhoods and the same
  values precomputed (the dissolve, and the sums as numerators and denominators in
  long format), with ``baseline.toml`` loading them as a plain long table;
- ``catalogue.csv``, and ``population.csv``: one count indicator by neighbourhood that
  every configuration loads as its one ``[[tables]]`` file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from synthetic.deso import polygons

SEED = 2025

HEADER = """\
# SYNTHETIC benchmark city: {small} small areas into {neighbourhoods} neighbourhoods.
[city]
code = "SYN"
name = "Synthetic crosswalk city"
synthetic = true

[catalogue]
path = "catalogue.csv"

[[tables]]
path = "population.csv"
"""
DISSOLVED = """
[boundaries]
path = "small.gpkg"
code_field = "deso"
population_field = "bef"
level = "neighbourhood"
dissolve = { crosswalk = "small" }
"""
PRECOMPUTED = """
[boundaries]
path = "neighbourhoods.gpkg"
code_field = "code"
name_field = "name"
population_field = "bef"
level = "neighbourhood"
"""
CROSSWALK = """
[[crosswalks]]
name = "small"
path = "key.csv"
from_column = "deso"
to_column = "neighbourhood"
name_column = "name"

[[sources]]
name = "counts"
path = "counts.csv"
columns = { area = "deso", period = "year" }
crosswalk = "small"
"""
DERIVED = """
[[derived]]
indicator = "share_{n:02d}"
numerator = {{ source = "counts", column = "v{n:02d}" }}
denominator = {{ source = "counts", column = "pop" }}
"""


@dataclass(frozen=True)
class CrosswalkCity:
    folder: Path
    ours: Path  # dissolve + values through the crosswalk
    ours_values: Path  # precomputed polygons, values through the crosswalk
    baseline: Path  # precomputed polygons and values
    small: int
    neighbourhoods: int
    values: int  # rows of the precomputed long table


def _key(frame: gpd.GeoDataFrame, neighbourhoods: int, rng: np.random.Generator) -> pd.DataFrame:
    centres = np.column_stack([frame.geometry.centroid.x, frame.geometry.centroid.y])
    seeds = centres[rng.choice(len(centres), size=neighbourhoods, replace=False)]
    _, nearest = cKDTree(seeds).query(centres)
    codes = np.array([f"N{i + 1:04d}" for i in range(neighbourhoods)])
    used = np.unique(nearest)  # a seed always has its own small area nearest
    names = {c: f"Neighbourhood {c[1:]}" for c in codes[used]}
    return pd.DataFrame({"deso": frame["deso"], "neighbourhood": codes[nearest],
                         "name": [names[c] for c in codes[nearest]]})


def _counts(codes: list[str], population: np.ndarray, indicators: int, periods: int,
            rng: np.random.Generator) -> pd.DataFrame:
    years = [str(2015 + p) for p in range(periods)]
    pop = np.repeat(population, periods) + rng.integers(-50, 50, size=len(codes) * periods)
    frame = pd.DataFrame({"deso": np.repeat(codes, periods), "year": np.tile(years, len(codes)), "pop": pop})
    shares = rng.uniform(0.02, 0.6, size=indicators)
    for i in range(indicators):
        frame[f"v{i + 1:02d}"] = rng.binomial(pop, shares[i])
    return frame


def _catalogue(indicators: int) -> str:
    lines = ["id,name_en,name_sv,name_pl,domain,unit,value_type,multiplier,polarity,decimals",
             "population,Population,Befolkning,Ludność,demography,persons,count,1,neutral,0"]
    lines += [f"share_{n:02d},Share {n},Andel {n},Udział {n},synthetic,%,percentage,1,neutral,1"
              for n in range(1, indicators + 1)]
    return "\n".join(lines) + "\n"


def _precomputed(counts: pd.DataFrame, key: pd.DataFrame, indicators: int) -> pd.DataFrame:
    """The neighbourhoods' numerators and denominators in long format."""
    summed = counts.merge(key[["deso", "neighbourhood"]], on="deso").groupby(
        ["neighbourhood", "year"], sort=True).sum(numeric_only=True).reset_index()
    parts = [pd.DataFrame({"indicator": f"share_{n:02d}", "area": summed["neighbourhood"],
                           "period": summed["year"], "numerator": summed[f"v{n:02d}"],
                           "denominator": summed["pop"]}) for n in range(1, indicators + 1)]
    return pd.concat(parts, ignore_index=True)


def write_crosswalk_city(folder: Path, small: int = 6_000, neighbourhoods: int = 600,
                         indicators: int = 50, periods: int = 10) -> CrosswalkCity:
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    frame = polygons(small)
    frame.to_file(folder / "small.gpkg", driver="GPKG")
    key = _key(frame, neighbourhoods, rng)
    key.to_csv(folder / "key.csv", index=False)
    joined = frame.merge(key, on="deso")
    dissolved = joined.dissolve(by="neighbourhood", aggfunc={"bef": "sum", "name": "first"}).reset_index()
    dissolved.rename(columns={"neighbourhood": "code"}).to_file(folder / "neighbourhoods.gpkg", driver="GPKG")
    counts = _counts(list(frame["deso"]), frame["bef"].to_numpy(), indicators, periods, rng)
    counts.to_csv(folder / "counts.csv", index=False)
    table = _precomputed(counts, key, indicators)
    table.to_csv(folder / "values.csv", index=False)
    population = pd.DataFrame({"indicator": "population", "area": dissolved["neighbourhood"],
                               "period": str(2015 + periods - 1), "value": dissolved["bef"]})
    population.to_csv(folder / "population.csv", index=False)
    (folder / "catalogue.csv").write_text(_catalogue(indicators), encoding="utf-8")
    head = HEADER.format(small=small, neighbourhoods=len(dissolved))
    derived = "".join(DERIVED.format(n=n) for n in range(1, indicators + 1))
    configs = {
        "ours.toml": head + DISSOLVED + CROSSWALK + derived,
        "ours_values.toml": head + PRECOMPUTED + CROSSWALK + derived,
        "baseline.toml": head + PRECOMPUTED + '\n[[tables]]\npath = "values.csv"\n',
    }
    for name, text in configs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return CrosswalkCity(folder, folder / "ours.toml", folder / "ours_values.toml",
                         folder / "baseline.toml", small, len(dissolved), len(table))
