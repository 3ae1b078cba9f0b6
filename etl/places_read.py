"""Reading one ``[[places]]`` file into points: a GeoJSON or GeoPackage through pyogrio,
a CSV or XLSX with coordinate columns through ``etl.readers``.

``read_points`` returns a frame with ``row`` (the feature's number or the file's line),
``name``, ``category``, ``x`` and ``y`` (in the block's CRS, NaN when missing or not a
number) and the problems of the file's shape: missing file, layer or columns, no CRS,
geometries that are not points, cells that are not numbers. Checks of the values
themselves (ranges, names, categories) are in ``etl.places_check``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyogrio
import shapely

from etl.checks import close_matches
from etl.errors import Problem, excerpt, reason
from etl.numbers import detect_decimal, parse_numbers
from etl.paths import NOT_FOUND, folder_listing, unreadable
from etl.places_config import PlacesConfig
from etl.readers import open_table, read_all

POINT_COLUMNS = ["row", "name", "category", "x", "y"]


@dataclass
class Points:
    """The points of one file in its CRS (``crs`` None when it could not be read)."""

    frame: pd.DataFrame
    crs: str | None
    problems: list[Problem] = field(default_factory=list)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=float if c in "xy" else object) for c in POINT_COLUMNS})


def _texts(values: pd.Series) -> pd.Series:
    return values.map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v).strip())


def _missing_columns(p: PlacesConfig, file: str, columns: list[str], row: int | None,
                     what: str) -> list[Problem]:
    """A problem for each column the block names that the file lacks."""
    named = [("name_field", p.name_field), ("category_field", p.category_field),
             ("x_field", p.x_field), ("y_field", p.y_field)]
    key_names = {"x_field": "x_field/lon_field", "y_field": "y_field/lat_field"}
    return [
        Problem(file, f"has no {what} {excerpt(column)} (named by {p.label} "
                f"{key_names.get(key, key)}); it has {', '.join(map(str, columns)) or 'none'}",
                f"rename the {what}, or set {key_names.get(key, key)} to one of its {what}s"
                f"{close_matches(column, columns)}", row=row, column=column)
        for key, column in named if column is not None and column not in columns
    ]


def _frame(p: PlacesConfig, rows: np.ndarray, table: pd.DataFrame) -> pd.DataFrame:
    category = _texts(table[p.category_field]) if p.category_field else pd.Series(
        [p.category] * len(table), index=table.index, dtype=object)
    return pd.DataFrame({"row": rows, "name": _texts(table[p.name_field]).to_numpy(dtype=object),
                         "category": category.to_numpy(dtype=object)})


def _read_table(p: PlacesConfig, file: str) -> Points:
    table = open_table(p.path, file)
    problems = list(table.problems)
    if not table.columns:
        return Points(_empty(), None, problems)
    frame, lines = read_all(table)
    columns = [str(c) for c in table.columns]
    missing = _missing_columns(p, file, columns, table.header_line, "column")
    if missing:
        return Points(_empty(), None, problems + missing)
    frame = frame.apply(lambda col: col.astype(str).str.strip())
    out = _frame(p, np.asarray(lines, dtype=np.int64), frame)
    assert p.x_field is not None and p.y_field is not None  # a tabular block has both
    decimal = detect_decimal([frame[p.x_field], frame[p.y_field]], table.delimiter)
    for key, column in (("x", p.x_field), ("y", p.y_field)):
        values, bad = parse_numbers(frame[column], decimal)
        out[key] = values
        problems += [
            Problem(file, "the coordinate is not a number", f"write the coordinate as a number "
                    f"(decimal separator '{decimal}'), e.g. 6398123.5", row=int(line), column=column,
                    value=frame[column].iloc[i])
            for i, line in zip(np.flatnonzero(bad), out["row"].to_numpy()[bad], strict=True)
        ]
    return Points(out, p.crs, problems)


def _layer_problem(p: PlacesConfig, file: str) -> Problem | None:
    layers = [str(x[0]) for x in pyogrio.list_layers(str(p.path))]
    if p.layer is not None and p.layer not in layers:
        return Problem(file, f"has no layer {excerpt(p.layer)}; it has {', '.join(layers)}",
                       f"set {p.label} layer to one of these{close_matches(p.layer, layers)}",
                       column="layer", value=p.layer)
    if p.layer is None and len(layers) > 1:
        return Problem(file, f"has {len(layers)} layers ({', '.join(layers)})",
                       f"add layer = \"...\" to {p.label} naming the layer of the places")
    return None


def _read_geo(p: PlacesConfig, file: str) -> Points:
    try:
        layer = _layer_problem(p, file)
        if layer is not None:
            return Points(_empty(), None, [layer])
        frame = pyogrio.read_dataframe(str(p.path), layer=p.layer)
    except Exception as exc:  # GDAL raises many types for unreadable files
        return Points(_empty(), None, [Problem(
            file, f"cannot read the file ({reason(exc)})",
            "give a GeoJSON (.geojson), a GeoPackage (.gpkg) or a CSV with coordinates")])
    columns = [str(c) for c in frame.columns if c != "geometry"]
    missing = _missing_columns(p, file, columns, None, "field")
    crs = p.crs if frame.crs is None else frame.crs.to_string()
    if frame.crs is None and p.crs is None:
        missing.append(Problem(file, "the file declares no CRS", f"add crs = 'EPSG:....' to {p.label} "
                               "(e.g. 'EPSG:3006' for SWEREF99 TM, 'EPSG:4326' for degrees)"))
    if missing:
        return Points(_empty(), None, missing)
    rows = np.arange(1, len(frame) + 1, dtype=np.int64)
    out = _frame(p, rows, frame.reset_index(drop=True))
    geoms = frame.geometry.to_numpy()
    kinds = shapely.get_type_id(geoms)
    single = (kinds == 4) & (shapely.get_num_geometries(geoms) == 1)  # a MultiPoint of one point
    geoms = np.where(single, shapely.get_geometry(geoms, 0), geoms)
    point = shapely.get_type_id(geoms) == 0
    empty = shapely.is_empty(geoms) | pd.isna(geoms)
    problems = [
        Problem(file, f"the feature is a {g.geom_type}, not a point", "give each place as a Point (e.g. the entrance or the centroid "
                "of the building)", row=int(r), column="geometry", value=out["name"].iloc[r - 1])
        for r, g, ok, none in zip(rows, geoms, point, empty, strict=True) if not ok and not none
    ]
    out["x"] = np.where(point & ~empty, shapely.get_x(np.where(point, geoms, None)), np.nan)
    out["y"] = np.where(point & ~empty, shapely.get_y(np.where(point, geoms, None)), np.nan)
    keep = point | empty  # empty geometries are reported as missing coordinates
    return Points(out[keep].reset_index(drop=True), crs, problems)


def read_points(p: PlacesConfig, file: str) -> Points:
    """The places of one block's file, with the problems of its shape."""
    trouble = unreadable(p.path)
    if trouble is not None:
        fix = "check the path in " + p.label + (folder_listing(p.path) if trouble == NOT_FOUND else "")
        return Points(_empty(), None, [Problem(file, trouble, fix, value=str(p.path))])
    return _read_table(p, file) if p.tabular else _read_geo(p, file)
