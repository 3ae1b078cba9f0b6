"""``[boundaries] dissolve``: the city's areas as the dissolve of the boundary file's features
by a crosswalk (small areas into neighbourhoods: DeSO into RegSO, LOR planning areas into
districts).

Each feature goes to the area the key sends its code to; an area's polygon is the union
of its features' polygons, its population the sum of theirs (a warning when some have
none), its name the key's ``name_column`` (else its code). A feature whose code the key
lacks is an error naming the feature, with close matches; so is an area code that is
not a valid area code. A key's rows for features the file does not have (another
municipality's) are not used.
"""

from __future__ import annotations

import itertools

import geopandas as gpd
import numpy as np
import shapely

from etl.boundaryfile import Check
from etl.characters import AREA_FIX, identifier_problem
from etl.checks import close_matches
from etl.config import BoundariesConfig
from etl.crosswalk import Crosswalk
from etl.errors import Problem, excerpt


def dissolved(areas: gpd.GeoDataFrame, cw: Crosswalk | None, b: BoundariesConfig,
              check: Check) -> gpd.GeoDataFrame:
    """``areas`` (feature, code, name, population, geometry) dissolved by ``cw``; empty when
    the crosswalk could not be read (its problems say why) or a feature has no area."""
    if cw is None or cw.failed:
        return areas.iloc[0:0]
    to = dict(zip(cw.pairs["from"], cw.pairs["to"], strict=True))
    target = areas["code"].map(to)
    lost = target.isna().to_numpy()
    sources = sorted(to)
    for feature, code in zip(areas.loc[lost, "feature"], areas.loc[lost, "code"], strict=True):
        check.add(f"area {excerpt(code)} is not in {cw.cfg.label} ({cw.file}), so it belongs to no "
                  "area of the dissolve", "add it to the key file, or leave it out with [boundaries] "
                  f'corrections = [{{ drop = ["{code}"] }}]' + close_matches(str(code), sources),
                  row=int(feature), column=b.code_field, value=code)
    if lost.any():
        return areas.iloc[0:0]
    frame = areas.assign(target=target.to_numpy())
    groups = frame.groupby("target", sort=False)
    geometry = unions(frame.geometry.to_numpy(), groups.ngroup().to_numpy(), groups.ngroups)
    population = groups["population"].agg(["sum", "count", "size"])
    partial = population.index[(population["count"] > 0) & (population["count"] < population["size"])]
    if len(partial):
        check.warn(f"{len(partial)} dissolved area(s) have features without a population; their "
                   f"population is the sum of the others (e.g. {excerpt(partial[0])})",
                   f"fill {b.population_field} for every feature", column=b.population_field)
    codes = population.index.to_numpy(dtype=object)
    for code in codes:
        why = identifier_problem(str(code), area=True)
        if why:
            check.problems.append(Problem(cw.file, f"area code {why}", AREA_FIX,
                                          column=cw.cfg.to_column, value=code))
    out = gpd.GeoDataFrame({
        "feature": groups["feature"].min().to_numpy(),
        "code": codes,
        "name": [cw.names.get(str(c), str(c)) for c in codes],
        "population": np.where(population["count"] > 0, population["sum"], np.nan),
    }, geometry=gpd.GeoSeries(geometry, crs=areas.crs), crs=areas.crs)
    return out.sort_values("feature").reset_index(drop=True)


def unions(geoms: np.ndarray, group: np.ndarray, size: int) -> list[shapely.Geometry]:
    """The union of each group's polygons. GEOS's coverage union (fast: shared edges are
    dropped, not intersected) where the parts form a clean coverage, i.e. the result is
    valid and as large as its parts together; a full union elsewhere (overlaps, gaps)."""
    order = np.argsort(group, kind="stable")
    bounds = np.searchsorted(group[order], np.arange(size + 1))
    out = []
    for start, stop in itertools.pairwise(bounds):
        parts = geoms[order[start:stop]]
        whole = float(shapely.area(parts).sum())
        try:
            merged = shapely.coverage_union_all(parts)
            clean = shapely.is_valid(merged) and abs(shapely.area(merged) - whole) <= 1e-9 * whole
        except shapely.errors.GEOSException:  # not noded as a coverage
            clean = False
        if not clean:
            merged = shapely.union_all(parts)
        out.append(merged)
    return out
