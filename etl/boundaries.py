"""Boundaries: read the areas of a city, check them, repair them and simplify them.

``read_boundaries(cfg)`` returns one row per area plus one row for the whole
city (level ``city``), geometries in EPSG:4326, and every problem found. Checks
and simplification run in a metre CRS (the file's own when it is projected, a
UTM zone otherwise); areas in km² are true (ellipsoidal) sizes, see
``_equal_area_km2``. The coverage simplification, the slowest step, runs in a
second thread while the coverage is checked and the geometry reprojected.
"""

from __future__ import annotations

import difflib
from concurrent.futures import ThreadPoolExecutor

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Proj, Transformer

from etl.boundaryfile import Check, attributes, filtered, read_file
from etl.characters import AREA_FIX, identifier_problem, skeleton
from etl.config import CityConfig
from etl.coverage import as_multipolygons, check_coverage, display_geometries, union_of
from etl.crosswalk import Crosswalk
from etl.dissolve import dissolved
from etl.errors import Problem, excerpt
from etl.readers import display_name

STORAGE_CRS = "EPSG:4326"
AREA_COLUMNS = [
    "code",
    "name",
    "level",
    "parent_code",
    "prioritized",
    "population",
    "area_km2",
    "priority",
]


def read_boundaries(cfg: CityConfig, crosswalks: dict[str, Crosswalk] | None = None
                    ) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """The city's areas and whole-city row, ready to load, and all problems found.

    Columns: ``AREA_COLUMNS``, ``geometry`` (MultiPolygon, EPSG:4326, the active
    geometry) and ``display_geometry`` (simplified, neighbours share borders).
    With ``[boundaries] dissolve`` the areas are the features dissolved by that one
    of ``crosswalks`` (etl.dissolve).
    """
    b = cfg.boundaries
    check = Check(display_name(b.path, cfg.source.parent))
    raw = read_file(b, check)
    config = display_name(cfg.source, cfg.source.parent)
    areas = None if raw is None else attributes(filtered(raw, b, check), b, check, config)
    if areas is None or areas.empty:
        return _empty(), check.problems
    metric = _metric_crs(areas)
    geoms = _repaired(areas, check)
    keep = ~shapely.is_empty(geoms)
    areas = areas[keep].set_geometry(
        gpd.GeoSeries(geoms[keep], index=areas.index[keep], crs=areas.crs)
    )
    if b.dissolve is not None:
        areas = dissolved(areas, (crosswalks or {}).get(b.dissolve), b, check)
    if areas.empty:
        return _empty(), check.problems
    source = areas.geometry.to_numpy()
    projected = _reprojected(source, areas.crs, metric)
    # GEOS and PROJ release the GIL: the coverage simplification, the slowest step,
    # runs in a second thread while this one checks the coverage and reprojects.
    with ThreadPoolExecutor(max_workers=1) as pool:
        simplifying = pool.submit(display_geometries, projected)
        union, overlaps = check_coverage(projected, areas["code"].to_numpy())
        stored = as_multipolygons(_reprojected(source, areas.crs, STORAGE_CRS))
        km2 = _equal_area_km2(projected, metric, union)
        display, simplified = simplifying.result()
        outline = pool.submit(union_of, display)  # the outline the districts draw
        shown = _reprojected(display, metric, STORAGE_CRS)
        city = _reprojected(np.array([union, outline.result()]), metric, STORAGE_CRS)
    check.problems += overlaps.problems(check.file) + simplified.problems(check.file)
    city = as_multipolygons(city)
    result = _frame(cfg, areas, np.append(stored, city[:1]), np.append(shown, city[1:]), km2)
    _check_codes(cfg, set(areas["code"]), check)
    return result, check.problems


def _empty() -> gpd.GeoDataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in AREA_COLUMNS})
    frame["display_geometry"] = gpd.GeoSeries([], crs=STORAGE_CRS)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([], crs=STORAGE_CRS), crs=STORAGE_CRS)


def _metric_crs(areas: gpd.GeoDataFrame) -> CRS:
    crs = CRS.from_user_input(areas.crs)
    if crs.is_projected and crs.axis_info[0].unit_name in ("metre", "meter"):
        return crs
    utm = areas.estimate_utm_crs()
    return utm if utm is not None else CRS.from_epsg(3857)


def _repaired(areas: gpd.GeoDataFrame, check: Check) -> np.ndarray:
    """Valid MultiPolygons; each repair reported as a warning, unusable shapes as errors."""
    geoms = areas.geometry.to_numpy().copy()
    codes, features = areas["code"].to_numpy(), areas["feature"].to_numpy()
    invalid = pd.notna(geoms) & ~shapely.is_valid(geoms)
    for i in np.flatnonzero(invalid):
        reason = shapely.is_valid_reason(geoms[i])
        geoms[i] = shapely.make_valid(geoms[i])
        check.warn(
            f"invalid geometry of area {excerpt(codes[i])} ({reason}) was repaired",
            "check the repaired shape on the map; fix it in the source to silence this",
            row=int(features[i]),
            column="geometry",
            value=codes[i],
        )
    multi = as_multipolygons(geoms)
    for i in np.flatnonzero(shapely.is_empty(multi)):
        source = geoms[i]
        kind = (
            "no geometry"
            if source is None or shapely.is_empty(source)
            else f"no polygon (it is a {source.geom_type})"
        )
        check.add(
            f"area {excerpt(codes[i])} has {kind}",
            "draw the area's polygon, or remove the feature",
            row=int(features[i]),
            column="geometry",
            value=codes[i],
        )
    return multi


def _reprojected(geoms: np.ndarray, source: object, target: object) -> np.ndarray:
    """``geoms`` from CRS ``source`` to ``target``: one PROJ call on all coordinates."""
    if CRS.from_user_input(source).equals(CRS.from_user_input(target)):
        return geoms
    if shapely.has_z(geoms).any():
        return gpd.GeoSeries(geoms, crs=source).to_crs(target).to_numpy()
    transformer = Transformer.from_crs(source, target, always_xy=True)

    def move(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))

    return np.asarray(shapely.transform(geoms, move))


def _equal_area_km2(projected: np.ndarray, metric: CRS, union: shapely.Geometry) -> np.ndarray:
    """km² of each area, then of the whole city (``union``), all in ``metric``.

    An area's size is its size in ``metric`` divided by the projection's areal scale
    at its centroid: the scale barely changes across one area (relative error about
    1e-5 for 2,000 km² rural areas, far less for city districts). The city is
    projected to a Lambert equal-area projection centred on it.
    """
    centres = shapely.get_coordinates(shapely.centroid(projected))
    to_lonlat = Transformer.from_crs(metric, STORAGE_CRS, always_xy=True)
    lon, lat = (np.asarray(v) for v in to_lonlat.transform(centres[:, 0], centres[:, 1]))
    laea = CRS.from_proj4(
        f"+proj=laea +lat_0={(lat.min() + lat.max()) / 2} +lon_0={(lon.min() + lon.max()) / 2} "
        "+datum=WGS84 +units=m"
    )
    try:
        scale = np.asarray(Proj(metric).get_factors(lon, lat).areal_scale)
        sizes = shapely.area(projected) / scale
    except Exception:  # PROJ cannot give this CRS's factors: project every area
        sizes = shapely.area(_reprojected(projected, metric, laea))
    city = shapely.area(_reprojected(np.array([union]), metric, laea))
    return np.concatenate([sizes, city]) / 1e6


def _frame(
    cfg: CityConfig,
    areas: gpd.GeoDataFrame,
    geoms: np.ndarray,
    shown: np.ndarray,
    km2: np.ndarray,
) -> gpd.GeoDataFrame:
    """The district rows and the whole-city row (last); MultiPolygons in EPSG:4326."""
    n = len(areas)
    population = areas["population"].to_numpy(dtype=float)
    total = float(np.nansum(population)) if np.isfinite(population).any() else np.nan
    prioritized = set(cfg.prioritized)
    order = {code: i for i, code in enumerate(cfg.prioritized, start=1)}  # the city's order
    frame = pd.DataFrame(
        {
            "code": [*areas["code"], cfg.code],
            "name": [*areas["name"], cfg.name],
            "level": [cfg.boundaries.level] * n + ["city"],
            "parent_code": [cfg.code] * n + [None],
            "prioritized": [c in prioritized for c in areas["code"]] + [False],
            "population": [*population, total],
            "area_km2": km2,
            "priority": pd.array([order.get(c) for c in areas["code"]] + [None], dtype="Int64"),
        }
    )
    frame["display_geometry"] = gpd.GeoSeries(shown, crs=STORAGE_CRS)
    stored = gpd.GeoSeries(geoms, crs=STORAGE_CRS)
    return gpd.GeoDataFrame(frame, geometry=stored, crs=STORAGE_CRS)


def _check_codes(cfg: CityConfig, codes: set[str], check: Check) -> None:
    """The city's code must be a valid area code unlike any area's; prioritized codes must exist."""
    config = display_name(cfg.source, cfg.source.parent)
    why = identifier_problem(cfg.code, area=True)
    if why:
        check.problems.append(Problem(config, f"the city's code {why}", AREA_FIX,
                                      column="city.code", value=cfg.code))
    like = [c for c in codes if skeleton(c) == skeleton(cfg.code)]
    if like:
        same = "the city's own code" if like[0] == cfg.code else "a code that looks like the city's"
        check.add(
            f"an area has {same} {excerpt(cfg.code)}",
            "give the city a code that no area uses ([city] code)",
            column=cfg.boundaries.code_field,
            value=like[0],
        )
    for code in cfg.prioritized:
        if code not in codes:
            close = difflib.get_close_matches(code, sorted(codes), n=3, cutoff=0.5)
            fix = (
                f"did you mean {', '.join(close)}?" if close else "use codes from the boundary file"
            )
            check.problems.append(
                Problem(
                    config,
                    f"prioritized area {excerpt(code)} is not in the boundaries",
                    fix,
                    column="prioritized.codes",
                    value=code,
                )
            )
