"""The atlas for GIS: areas with their values as columns, as GeoPackage or GeoJSON.

Layout (docs/api.md, *GIS files*): a layer ``areas`` with one feature per mapped area
(the whole city is not a feature) and its attributes (``code``, ``name``, ``level``,
``parent_code``, ``prioritized``, ``population``, ``area_km2``), then per indicator, in
catalogue order, six columns named ``<indicator id>_<field>``: ``value``,
``lower_ci95``, ``upper_ci95``, ``compared_to_city``, ``trend`` and ``period``. Values
are of one sex (default total) and the indicator's headline age group, at each
indicator's latest period (or one chosen period). The GeoPackage also holds a table
``indicators`` (no geometry): what each column prefix is, its unit, period and the
city's value. Suppressed values are blank. Outlines are the full ones, in EPSG:4326
unless another CRS is asked for. Other periods, sexes and age groups: the long table
of ``/api/v1/comparisons`` or ``wellbeing export data``, joined on ``code``.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
from pyproj import CRS
from pyproj.exceptions import CRSError

from api.render import File
from api.source import Source, full_geometries
from api.tables import AREA_FIELDS, OPEN_COLUMNS, headline_ages, whole
from indicators import headline_age_rows
from presentation.i18n import catalogue_field, catalogue_text, unit_label
from presentation.redaction import redact
from store.read import Snapshot

FORMATS = {"gpkg": ("GPKG", "application/geopackage+sqlite3"),
           "geojson": ("GeoJSON", "application/geo+json")}
FIELDS = {"value": "value", "lower_ci95": "lower_ci95", "upper_ci95": "upper_ci95",
          "compared_to_city": "compared_to_city", "trend": "trend", "period": "period"}
AREAS_LAYER, INDICATORS_LAYER = "areas", "indicators"
DEFAULT_CRS = "EPSG:4326"
LATEST = "latest"
EPSG = re.compile(r"EPSG:(\d{4,6})", re.IGNORECASE)


class GisError(ValueError):
    """A GIS request that cannot be served: ``parameter`` names the option to change."""

    def __init__(self, message: str, parameter: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class GisRequest:
    fmt: str = "gpkg"
    period: str = LATEST
    sex: str = "total"
    crs: str = DEFAULT_CRS
    lang: str = "sv"


@dataclass(frozen=True)
class GisLayers:
    areas: gpd.GeoDataFrame
    indicators: pd.DataFrame


def check_format(fmt: str) -> tuple[str, str]:
    if fmt not in FORMATS:
        raise GisError(f"format {fmt!r} is not one of {', '.join(FORMATS)}.", "format")
    return FORMATS[fmt]


def target_crs(text: str, outlines: gpd.GeoDataFrame) -> CRS:
    """``EPSG:<code>`` or ``utm`` (the city's UTM zone, estimated from its outlines)."""
    if text.strip().lower() == "utm":
        if outlines.empty:
            raise GisError("crs utm needs the areas' outlines, and the store has none.", "crs")
        return CRS.from_user_input(outlines.estimate_utm_crs())
    match = EPSG.fullmatch(text.strip())
    if match is None:
        raise GisError(f"crs {text[:40]!r} is not EPSG:<code> or utm. Fix: e.g. EPSG:3006 "
                       "(SWEREF 99 TM) or EPSG:2180 (Poland CS92).", "crs")
    try:
        return CRS.from_epsg(int(match.group(1)))
    except CRSError:
        raise GisError(f"crs {text[:40]!r} is not a known EPSG code.", "crs") from None


def _chosen_rows(comparisons: pd.DataFrame, ages: pd.Series, period: str,
                 sex: str) -> pd.DataFrame:
    """The rows of the layer's columns: one period (or each indicator's latest), one sex,
    the headline age groups; selected first, then redacted (redaction is row by row)."""
    if comparisons.empty or "indicator_id" not in comparisons.columns:
        return pd.DataFrame(columns=OPEN_COLUMNS)
    if period == LATEST:
        when = comparisons["is_latest"].to_numpy(dtype=bool)
    else:
        when = (comparisons["period"] == period).to_numpy(dtype=bool, na_value=False)
        if not when.any():
            known = sorted(map(str, comparisons["period"].dropna().unique()))
            raise GisError(f"period {period[:40]!r} is not in the store. Valid: {LATEST}, "
                           f"{', '.join(known)}.", "period")
    rows = comparisons[when & (comparisons["sex"] == sex).to_numpy(dtype=bool, na_value=False)]
    rows = headline_age_rows(rows, ages)
    return redact(rows[[c for c in OPEN_COLUMNS if c in rows.columns]])


def _texts(column: pd.Series) -> np.ndarray:
    """Text values (None where blank) without a Python call per row."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        labels = np.concatenate([column.cat.categories.astype(str).to_numpy(dtype=object),
                                 np.array([None], dtype=object)])
        return labels[column.cat.codes.to_numpy()]  # code -1 (blank) takes the last: None
    return column.astype(object).where(column.notna(), None).to_numpy(dtype=object)


def _wide(areas: pd.DataFrame, rows: pd.DataFrame, ids: list[str]) -> dict[str, np.ndarray]:
    """Per indicator the FIELDS columns, one row per area (blank where the area has no row)."""
    area_at = pd.Index(areas["code"].astype(str))
    ind_at = pd.Index(ids)
    a = area_at.get_indexer(pd.Index(rows["area_code"].astype(str)))
    i = ind_at.get_indexer(pd.Index(rows["indicator_id"].astype(str)))
    keep = (a >= 0) & (i >= 0)
    a, i = a[keep], i[keep]
    columns: dict[str, np.ndarray] = {}
    grids: dict[str, np.ndarray] = {}
    for name, source in FIELDS.items():
        numeric = name in ("value", "lower_ci95", "upper_ci95")
        grid = np.full((len(area_at), len(ind_at)), np.nan if numeric else None,
                       dtype=float if numeric else object)
        values = (rows[source].to_numpy(dtype=float) if numeric else _texts(rows[source]))[keep]
        grid[a, i] = values
        grids[name] = grid
    for k, ind in enumerate(ids):
        for name in FIELDS:
            columns[f"{ind}_{name}"] = grids[name][:, k]
    return columns


def gis_layers(snapshot: Snapshot, comparisons: pd.DataFrame, ages: pd.Series,
               outlines: gpd.GeoDataFrame, request: GisRequest) -> GisLayers:
    """The ``areas`` layer and the ``indicators`` table (see the module's docstring) from
    the engine's comparison table and the headline age groups."""
    check_format(request.fmt)
    crs = target_crs(request.crs, outlines)
    areas = snapshot.areas
    areas = areas[areas["level"] != "city"][AREA_FIELDS] if not areas.empty else \
        pd.DataFrame(columns=AREA_FIELDS)
    areas = areas.sort_values("code", key=lambda s: s.astype(str)).reset_index(drop=True)
    areas["prioritized"] = areas["prioritized"].astype(bool)
    areas["population"] = areas["population"].astype(float)
    areas["area_km2"] = areas["area_km2"].astype(float)
    ids = [str(i) for i in snapshot.catalogue["id"]] if not snapshot.catalogue.empty else []
    rows = _chosen_rows(comparisons, ages, request.period, request.sex)
    wide = pd.DataFrame(_wide(areas, rows, ids), index=areas.index)
    outline = dict(zip(outlines["code"].astype(str), outlines.geometry, strict=True))
    layer = gpd.GeoDataFrame(pd.concat([areas, wide], axis=1),
                             geometry=[outline.get(str(c)) for c in areas["code"]], crs=DEFAULT_CRS)
    if not crs.equals(CRS.from_epsg(4326)):
        layer = layer.to_crs(crs)
    return GisLayers(layer, _indicator_table(snapshot, rows, ids, request))


def _indicator_table(snapshot: Snapshot, rows: pd.DataFrame, ids: list[str],
                     request: GisRequest) -> pd.DataFrame:
    first = rows.drop_duplicates("indicator_id") if not rows.empty else rows
    city = rows[(rows["level"] == "city").to_numpy(dtype=bool)] if not rows.empty else rows

    def by_indicator(frame: pd.DataFrame, column: str) -> dict[str, object]:
        return dict(zip(frame["indicator_id"].astype(str), frame[column].tolist(), strict=True))

    city_value = by_indicator(city, "value") if not city.empty else {}
    period = by_indicator(first, "period") if not first.empty else {}
    age = by_indicator(first, "age_group") if not first.empty else {}
    cat = snapshot.catalogue
    records = [{
        "id": ind, "column_prefix": f"{ind}_", "name": catalogue_text(row, "name", request.lang),
        "domain": str(row["domain"]), "unit": unit_label(row, request.lang),
        "value_type": str(row["value_type"]), "polarity": str(row["polarity"]),
        "decimals": whole(row.get("decimals"), 1), "period": _text(period.get(ind)),
        "sex": request.sex, "age_group": _text(age.get(ind)),
        "city_value": city_value.get(ind, np.nan),
        "source": catalogue_field(row, "source", request.lang) or None,
    } for ind, row in zip(ids, cat.to_dict("records"), strict=True)]
    columns = ["id", "column_prefix", "name", "domain", "unit", "value_type", "polarity",
               "decimals", "period", "sex", "age_group", "city_value", "source"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame["city_value"] = frame["city_value"].astype(float)
    return frame


def _text(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and value != value) else str(value)


def write_layers(layers: GisLayers, path: Path, fmt: str) -> None:
    """Write the layers to ``path``: both in a GeoPackage, the areas layer in GeoJSON
    (RFC 7946 when it is in EPSG:4326)."""
    driver, _mime = check_format(fmt)
    if path.exists():
        path.unlink()
    options = ({"RFC7946": "YES"} if fmt == "geojson" and layers.areas.crs is not None
               and layers.areas.crs.equals(CRS.from_epsg(4326)) else {})
    pyogrio.write_dataframe(layers.areas, path, layer=AREAS_LAYER, driver=driver,
                            promote_to_multi=True, layer_options=options or None)
    if fmt == "gpkg":
        pyogrio.write_dataframe(layers.indicators, path, layer=INDICATORS_LAYER, driver=driver)


def file_name(city_code: str, request: GisRequest) -> str:
    safe = re.sub(r"[^a-z0-9]+", "-", city_code.lower()).strip("-") or "city"
    period = re.sub(r"[^a-z0-9]+", "-", request.period.lower()).strip("-")
    return f"atlas-{safe}-{period}-{request.sex}.{request.fmt}"


def gis_file(source: Source, request: GisRequest) -> File:
    """The GIS file of the source's load batch, as bytes to send."""
    _driver, mime = check_format(request.fmt)
    snapshot = source.snapshot()
    ages = headline_ages(source)
    # StoreChanged (a refresh landed while the outlines were read) reaches the caller: retry.
    outlines = source.derived("api:outlines",
                              lambda: full_geometries(source.engine, source.version()))
    layers = gis_layers(snapshot, source.comparisons(), ages, outlines, request)
    with tempfile.TemporaryDirectory(prefix="atlas-gis-") as folder:
        path = Path(folder) / f"atlas.{request.fmt}"
        write_layers(layers, path, request.fmt)
        content = path.read_bytes()
    return File(content, file_name(str(snapshot.city.get("code", "")), request), mime)
