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
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import CRS, Proj, Transformer

from etl.config import BoundariesConfig, CityConfig
from etl.coverage import as_multipolygons, check_coverage, display_geometries, union_of
from etl.errors import Problem
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
]


@dataclass
class _Check:
    """Collects the problems of one boundary file."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, message: str, fix: str, *, severity: str = "error", **where: object) -> None:
        self.problems.append(Problem(self.file, message, fix, severity=severity, **where))  # type: ignore[arg-type]

    def warn(self, message: str, fix: str, **where: object) -> None:
        self.add(message, fix, severity="warning", **where)


def read_boundaries(cfg: CityConfig) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """The city's areas and whole-city row, ready to load, and all problems found.

    Columns: ``AREA_COLUMNS``, ``geometry`` (MultiPolygon, EPSG:4326, the active
    geometry) and ``display_geometry`` (simplified, neighbours share borders).
    """
    b = cfg.boundaries
    check = _Check(display_name(b.path, cfg.source.parent))
    raw = _read_file(b, check)
    areas = None if raw is None else _attributes(_filtered(raw, b, check), b, check)
    if areas is None or areas.empty:
        return _empty(), check.problems
    metric = _metric_crs(areas)
    geoms = _repaired(areas, check)
    keep = ~shapely.is_empty(geoms)
    areas = areas[keep].set_geometry(
        gpd.GeoSeries(geoms[keep], index=areas.index[keep], crs=areas.crs)
    )
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


def source_path(b: BoundariesConfig) -> str:
    """The path GDAL reads: zipped files through /vsizip/."""
    path = str(b.path)
    return "/vsizip/" + path if b.path.suffix.lower() == ".zip" else path


def _read_file(b: BoundariesConfig, check: _Check) -> gpd.GeoDataFrame | None:
    if not b.path.is_file():
        check.add(
            "boundary file not found",
            "give its path relative to the config file in [boundaries] path",
        )
        return None
    try:
        layers = [str(x[0]) for x in pyogrio.list_layers(source_path(b))]
        if b.layer is not None and b.layer not in layers:
            check.add(
                f"no layer {b.layer!r}; the file has {', '.join(layers)}",
                "set [boundaries] layer to one of these",
                column="layer",
                value=b.layer,
            )
            return None
        frame = pyogrio.read_dataframe(source_path(b), layer=b.layer)
    except Exception as exc:  # GDAL raises many types for unreadable files
        check.add(
            f"cannot read the boundary file ({exc})",
            "give a GeoPackage, a Shapefile (.shp, or zipped as .zip) or a GeoJSON file",
        )
        return None
    return _with_crs(frame, b, check)


def _with_crs(
    frame: gpd.GeoDataFrame, b: BoundariesConfig, check: _Check
) -> gpd.GeoDataFrame | None:
    if frame.crs is None:
        if b.crs is None:
            check.add(
                "the file declares no CRS",
                "add crs = 'EPSG:....' to [boundaries] (e.g. 'EPSG:3006' for SWEREF99 TM)",
            )
            return None
        try:
            return frame.set_crs(b.crs)
        except Exception as exc:  # pyproj's CRSError and friends
            check.add(
                f"unknown CRS ({exc})",
                "use an EPSG code such as 'EPSG:3006'",
                column="crs",
                value=b.crs,
            )
            return None
    if b.crs is not None and not CRS.from_user_input(b.crs).equals(frame.crs):
        check.warn(
            f"the file declares {frame.crs.to_string()}, so [boundaries] crs is ignored",
            "remove crs from [boundaries], or fix the file's CRS",
            column="crs",
            value=b.crs,
        )
    return frame


def _filtered(frame: gpd.GeoDataFrame, b: BoundariesConfig, check: _Check) -> gpd.GeoDataFrame:
    if b.filter_field is None:
        return frame
    if b.filter_field not in frame.columns:
        _missing_field(b.filter_field, "filter_field", frame, check)
        return frame.iloc[0:0]
    prefix = b.filter_prefix or ""
    keep = frame[b.filter_field].astype(str).str.startswith(prefix).to_numpy()
    if not keep.any():
        check.add(
            f"no feature has {b.filter_field} starting with {prefix!r}",
            "check [boundaries] filter_prefix",
            column=b.filter_field,
            value=prefix,
        )
    return frame[keep]


def _missing_field(name: str, key: str, frame: gpd.GeoDataFrame, check: _Check) -> None:
    fields = [str(c) for c in frame.columns if c != "geometry"]
    close = difflib.get_close_matches(name, fields, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    check.add(
        f"no field {name!r}{hint}; the fields are {', '.join(fields)}",
        f"set [boundaries] {key} to one of these",
        column=name,
        value=name,
    )


def _code_text(series: pd.Series) -> pd.Series:
    """Codes as text: 21.0 -> '21', blanks -> missing."""

    def one(v: object) -> object:
        if v is None or (isinstance(v, float) and np.isnan(v)):
            return None
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        text = str(v).strip()
        return text or None

    return series.map(one).astype(object)


def _attributes(
    frame: gpd.GeoDataFrame, b: BoundariesConfig, check: _Check
) -> gpd.GeoDataFrame | None:
    """code, name, population and the feature number; rows without a usable code dropped."""
    fields = (
        ("code_field", b.code_field),
        ("name_field", b.name_field),
        ("population_field", b.population_field),
    )
    absent = [(key, name) for key, name in fields if name is not None and name not in frame.columns]
    for key, name in absent:
        _missing_field(name, key, frame, check)
    if absent:
        return None
    out = gpd.GeoDataFrame(
        {"feature": np.arange(1, len(frame) + 1)}, geometry=frame.geometry.to_numpy(), crs=frame.crs
    )
    out["code"] = _code_text(frame[b.code_field]).to_numpy()
    names = _code_text(frame[b.name_field]).to_numpy() if b.name_field else out["code"].to_numpy()
    out["name"] = np.where(pd.isna(names), out["code"].to_numpy(), names)
    out["population"] = _population(frame, b, out, check)
    for feat in out.loc[out["code"].isna(), "feature"]:
        check.add(
            f"feature {feat} has no code",
            f"fill {b.code_field} for every area",
            row=int(feat),
            column=b.code_field,
        )
    dup = out["code"].notna() & out["code"].duplicated(keep=False)
    for code, group in out[dup].groupby("code"):
        feats = ", ".join(str(f) for f in group["feature"])
        check.add(
            f"code {code!r} is used by features {feats}",
            "give every area its own code, or merge the features into one",
            row=int(group["feature"].iloc[1]),
            column=b.code_field,
            value=code,
        )
    return out[out["code"].notna() & ~out["code"].duplicated()]


def _population(
    frame: gpd.GeoDataFrame, b: BoundariesConfig, out: gpd.GeoDataFrame, check: _Check
) -> np.ndarray:
    if b.population_field is None:
        return np.full(len(frame), np.nan)
    raw = frame[b.population_field].reset_index(drop=True)
    numbers = pd.to_numeric(raw, errors="coerce")
    bad = (numbers.isna() & raw.notna()).to_numpy()
    for feat, value in zip(out["feature"].to_numpy()[bad], raw[bad], strict=True):
        check.warn(
            "population is not a number",
            "use digits only, or leave it empty",
            row=int(feat),
            column=b.population_field,
            value=value,
        )
    return numbers.to_numpy(dtype=float)


def _metric_crs(areas: gpd.GeoDataFrame) -> CRS:
    crs = CRS.from_user_input(areas.crs)
    if crs.is_projected and crs.axis_info[0].unit_name in ("metre", "meter"):
        return crs
    utm = areas.estimate_utm_crs()
    return utm if utm is not None else CRS.from_epsg(3857)


def _repaired(areas: gpd.GeoDataFrame, check: _Check) -> np.ndarray:
    """Valid MultiPolygons; each repair reported as a warning, unusable shapes as errors."""
    geoms = areas.geometry.to_numpy().copy()
    codes, features = areas["code"].to_numpy(), areas["feature"].to_numpy()
    invalid = pd.notna(geoms) & ~shapely.is_valid(geoms)
    for i in np.flatnonzero(invalid):
        reason = shapely.is_valid_reason(geoms[i])
        geoms[i] = shapely.make_valid(geoms[i])
        check.warn(
            f"invalid geometry of area {codes[i]!r} ({reason}) was repaired",
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
            f"area {codes[i]!r} has {kind}",
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
    frame = pd.DataFrame(
        {
            "code": [*areas["code"], cfg.code],
            "name": [*areas["name"], cfg.name],
            "level": [cfg.boundaries.level] * n + ["city"],
            "parent_code": [cfg.code] * n + [None],
            "prioritized": [c in prioritized for c in areas["code"]] + [False],
            "population": [*population, total],
            "area_km2": km2,
        }
    )
    frame["display_geometry"] = gpd.GeoSeries(shown, crs=STORAGE_CRS)
    stored = gpd.GeoSeries(geoms, crs=STORAGE_CRS)
    return gpd.GeoDataFrame(frame, geometry=stored, crs=STORAGE_CRS)


def _check_codes(cfg: CityConfig, codes: set[str], check: _Check) -> None:
    """The city's code must be free; prioritized codes must exist."""
    if cfg.code in codes:
        check.add(
            f"an area has the city's own code {cfg.code!r}",
            "give the city a code that no area uses ([city] code)",
            column=cfg.boundaries.code_field,
            value=cfg.code,
        )
    for code in cfg.prioritized:
        if code not in codes:
            close = difflib.get_close_matches(code, sorted(codes), n=3, cutoff=0.5)
            fix = (
                f"did you mean {', '.join(close)}?" if close else "use codes from the boundary file"
            )
            check.problems.append(
                Problem(
                    display_name(cfg.source, cfg.source.parent),
                    f"prioritized area {code!r} is not in the boundaries",
                    fix,
                    column="prioritized.codes",
                    value=code,
                )
            )
