"""Areal interpolation: a crosswalk computed from polygons, for sources whose areas do not
nest in the city's areas (``[[crosswalks]] method = "area"`` or ``"population"``).

The source areas' polygons (``path``, ``code_field``) are cut by the city's areas; each
piece gets the share of its source area's counts that goes to the city's area it lies
in, computed with PySAL's ``tobler`` (``tobler.area_weighted.area_interpolate``, the
extensive case without reallocation: a part outside the city is not moved in):

- ``area``: the share of the source area's surface;
- ``population``: the share of its population, the population layer's counts
  (``population_path``, ``population_field``, e.g. a 250 m grid) interpolated by area
  into the pieces and into the source areas. A source area without residents in the
  layer falls back to its surface (a warning).

The shares form a ``Crosswalk`` like a key file's, so counts go through
``etl.aggregate``; every value that comes through one is flagged ``estimated``.
Both files need a CRS (the file's own, or ``crs``); tobler itself only prints a
notice for mismatched CRSs, so the CRS is settled here first.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from etl.area_config import CrosswalkConfig
from etl.boundaryfile import Check, attributes, read_file
from etl.config import BoundariesConfig, CityConfig
from etl.crosswalk import PAIRS, Crosswalk
from etl.errors import Problem, excerpt
from etl.readers import display_name

SMALLEST_SHARE = 1e-6  # pieces below this share of their source area are slivers of digitising


def _fix_for(c: CrosswalkConfig, problems: list[Problem]) -> list[Problem]:
    """The boundary reader's problems, their fixes naming this crosswalk's keys."""
    return [replace(p, fix=p.fix.replace("[boundaries]", c.label)) for p in problems]


def _polygons(c: CrosswalkConfig, file: str) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """The source areas (code, geometry), checked like a boundary file's features."""
    check = Check(file)
    b = BoundariesConfig(path=c.path, code_field=str(c.code_field), layer=c.layer, crs=c.crs)
    raw = read_file(b, check)
    areas = None if raw is None else attributes(raw, b, check)
    if areas is None or any(p.severity == "error" for p in check.problems):
        return None, _fix_for(c, check.problems)
    geoms = shapely.make_valid(areas.geometry.to_numpy())
    areas = areas.set_geometry(gpd.GeoSeries(geoms, index=areas.index, crs=areas.crs))
    return areas[~shapely.is_empty(geoms)][["feature", "code", "geometry"]], _fix_for(c, check.problems)


def _population(c: CrosswalkConfig, base_file: str, crs: object) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """The population layer (geometry and residents) in ``crs``; empty cells count 0."""
    assert c.population_path is not None
    check = Check(base_file)
    b = BoundariesConfig(path=c.population_path, code_field="", crs=c.crs)
    raw = read_file(b, check)
    if raw is None:
        return None, _fix_for(c, check.problems)
    field = str(c.population_field)
    if field not in raw.columns:
        fields = [str(x) for x in raw.columns if x != "geometry"]
        check.add(f"no field {excerpt(field)} ({c.label} population_field); the fields are "
                  f"{', '.join(fields[:30])}",
                  f"set {c.label} population_field to one of these", column=field, value=field)
        return None, check.problems
    numbers = pd.to_numeric(raw[field], errors="coerce")
    bad = int((numbers.isna() & raw[field].notna()).sum()) + int((numbers < 0).sum())
    if bad:
        check.warn(f"{bad:,} population cell(s) are not numbers of 0 or more; they count as 0",
                   "fix them in the population layer", column=field)
    layer = gpd.GeoDataFrame({"residents": numbers.clip(lower=0).fillna(0.0).to_numpy()},
                             geometry=shapely.make_valid(raw.geometry.to_numpy()), crs=raw.crs)
    return layer.to_crs(crs), check.problems


def _extensive(source: gpd.GeoDataFrame, target: gpd.GeoDataFrame, column: str) -> np.ndarray:
    """``source[column]`` interpolated by area into ``target``'s polygons (tobler)."""
    from tobler.area_weighted import area_interpolate  # heavy: imported when needed

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tobler warns on NaN; there is none here
        found = area_interpolate(source, target, extensive_variables=[column], allocate_total=False)
    return found[column].to_numpy(dtype=float)


def _shares(c: CrosswalkConfig, source: gpd.GeoDataFrame, pieces: gpd.GeoDataFrame,
            problems: list[Problem], file: str) -> np.ndarray | None:
    by_area = _extensive(source.assign(whole=1.0), pieces, "whole")
    if c.method == "area":
        return by_area
    layer, found = _population(c, display_name(c.population_path or c.path, c.path.parent), source.crs)
    problems += found
    if layer is None:
        return None
    in_pieces = _extensive(layer, pieces, "residents")
    in_sources = pd.Series(_extensive(layer, source, "residents"), index=source["code"].to_numpy())
    total = in_sources.reindex(pieces["from"]).to_numpy()
    empty = total <= 0
    if empty.any():
        codes = sorted(set(pieces.loc[empty, "from"]))
        problems.append(Problem(file, f"{len(codes)} source area(s) have no residents in the population "
                                f"layer; their counts were shared by area (e.g. {codes[0]!r})",
                                "nothing, unless the layer should cover them", severity="warning"))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(empty, by_area, in_pieces / np.where(empty, 1.0, total))


def equal_area(areas: gpd.GeoDataFrame) -> CRS:
    """A Lambert azimuthal equal-area projection centred on ``areas`` (EPSG:4326): shares of
    surface are shares of true area."""
    west, south, east, north = areas.total_bounds
    return CRS.from_proj4(f"+proj=laea +lat_0={(south + north) / 2} +lon_0={(west + east) / 2} "
                          "+datum=WGS84 +units=m")


def areal_crosswalk(c: CrosswalkConfig, areas: gpd.GeoDataFrame, base: Path
                    ) -> tuple[Crosswalk, list[Problem], int]:
    """The crosswalk from ``c``'s polygons into ``areas`` (the city's areas, EPSG:4326)."""
    file = display_name(c.path, base)
    source, problems = _polygons(c, file)
    if source is None:
        return Crosswalk(c, file, failed=True), problems, 0
    districts = areas[areas["level"] != "city"]
    metric = equal_area(districts)
    target = gpd.GeoDataFrame({"to": districts["code"].to_numpy()},
                              geometry=districts.geometry.to_crs(metric).to_numpy(), crs=metric)
    source = source.to_crs(metric).reset_index(drop=True)
    pieces = gpd.overlay(source[["code", "geometry"]].rename(columns={"code": "from"}), target, how="intersection",
                         keep_geom_type=True)
    share = _shares(c, source, pieces, problems, file) if len(pieces) else np.zeros(0)
    if share is None:
        return Crosswalk(c, file, failed=True), problems, len(source)
    pairs = pd.DataFrame({"from": pieces["from"].to_numpy(), "to": pieces["to"].to_numpy(), "share": share})
    pairs = pairs[pairs["share"] >= SMALLEST_SHARE].groupby(["from", "to"], as_index=False, sort=False).agg(share=("share", "sum"))
    lines = pd.Series(source["feature"].to_numpy(), index=source["code"].to_numpy())
    pairs["line"] = lines.reindex(pairs["from"]).to_numpy(dtype=np.int64)
    walk = Crosswalk(c, file, pairs[PAIRS], codes=set(source["code"]))
    return walk, problems, len(source)


def areal_crosswalks(cfg: CityConfig, areas: gpd.GeoDataFrame
                     ) -> tuple[dict[str, Crosswalk], list[Problem], dict[Path, int]]:
    """Every areal crosswalk of the configuration, cut by the city's areas."""
    out: dict[str, Crosswalk] = {}
    problems: list[Problem] = []
    rows: dict[Path, int] = {}
    for c in cfg.crosswalks:
        if not c.areal:
            continue
        walk, found, n = areal_crosswalk(c, areas, cfg.source.parent)
        out[c.name], rows[c.path] = walk, n
        problems += found
    return out, problems, rows
