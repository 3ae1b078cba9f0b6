"""Checks of the places read from one file, and their reprojection to WGS 84.

Every problem names the file, row, column and value and says how to fix it: missing
coordinates, coordinates outside the valid range of their CRS or that look swapped
(x for y, latitude for longitude), empty or overlong names, empty or unknown categories.
Duplicate places (same category, name and position) are warnings (``duplicates``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from pyproj import CRS, Transformer

from etl.checks import close_matches
from etl.errors import Problem, excerpt, reason
from etl.places_config import PlacesConfig
from etl.places_read import Points

NAME_LIMIT = 300  # characters (store.programme_schema.Place.name)
Box = tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max


def _crs(p: PlacesConfig, crs: str, file: str) -> tuple[CRS | None, list[Problem]]:
    try:
        return CRS.from_user_input(crs), []
    except Exception as exc:  # pyproj's CRSError and friends
        return None, [Problem(file, f"unknown CRS ({reason(exc)})", f"set crs in {p.label} to an "
                              "EPSG code such as 'EPSG:3006'", column="crs", value=crs)]


def valid_box(crs: CRS) -> Box:
    """Where coordinates of ``crs`` may lie, in its own units (its area of use, widened)."""
    if crs.is_geographic:
        return -180.0, -90.0, 180.0, 90.0
    use = crs.area_of_use
    if use is None:
        return -np.inf, -np.inf, np.inf, np.inf
    west, south, east, north = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform_bounds(
        use.west, use.south, use.east, use.north)
    dx, dy = (east - west) * 0.25, (north - south) * 0.25
    return west - dx, south - dy, east + dx, north + dy


def _inside(x: np.ndarray, y: np.ndarray, box: Box) -> np.ndarray:
    return (x >= box[0]) & (x <= box[2]) & (y >= box[1]) & (y <= box[3])


def _widened(box: Box) -> Box:
    dx, dy = max((box[2] - box[0]) * 0.5, 0.05), max((box[3] - box[1]) * 0.5, 0.05)
    return box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy


def _coordinate_problems(p: PlacesConfig, file: str, frame: pd.DataFrame, crs: CRS, city: Box,
                         reported: set[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[Problem]]:
    """(lon, lat, ok) of every row, and the problems of its coordinates."""
    x, y = frame["x"].to_numpy(dtype=float), frame["y"].to_numpy(dtype=float)
    rows = frame["row"].to_numpy()
    columns = (p.x_field or "geometry", p.y_field or "geometry")
    pair = f"{columns[0]}/{columns[1]}" if p.x_field else "geometry"
    problems: list[Problem] = []
    missing = np.isnan(x) | np.isnan(y)
    for i in np.flatnonzero(missing):
        if int(rows[i]) not in reported:
            problems.append(Problem(file, "the place has no coordinates", "give both coordinates "
                                    f"({pair}) of {excerpt(frame['name'].iloc[i])}",
                                    row=int(rows[i]), column=columns[0] if np.isnan(x[i]) else columns[1]))
    to_wgs = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    box = valid_box(crs)
    in_range = _inside(x, y, box)
    lon, lat = to_wgs.transform(np.where(in_range, x, np.nan), np.where(in_range, y, np.nan))
    lon_s, lat_s = to_wgs.transform(np.where(_inside(y, x, box), y, np.nan),
                                    np.where(_inside(y, x, box), x, np.nan))
    near = _widened(city)
    swapped = ~missing & ~_inside(lon, lat, near) & _inside(lon_s, lat_s, city)
    out_of_range = ~missing & ~in_range & ~swapped
    names = ("longitude", "latitude") if crs.is_geographic else ("x (easting)", "y (northing)")
    for i in np.flatnonzero(swapped):
        problems.append(Problem(
            file, f"the coordinates look swapped: {names[0]} {x[i]:g} and {names[1]} {y[i]:g} lie "
            "outside the city, but the other way round they lie inside it",
            f"swap the {names[0]} and {names[1]} of {excerpt(frame['name'].iloc[i])}"
            + ("" if p.x_field is None else f" (or the columns {columns[0]} and {columns[1]})"),
            row=int(rows[i]), column=columns[0], value=f"{x[i]:g}, {y[i]:g}"))
    for i in np.flatnonzero(out_of_range):
        problems.append(Problem(
            file, f"the coordinates lie outside the valid range of {crs.to_string()} "
            f"({names[0]} {box[0]:,.0f} to {box[2]:,.0f}, {names[1]} {box[1]:,.0f} to {box[3]:,.0f})",
            f"correct the coordinates of {excerpt(frame['name'].iloc[i])}, or set crs in {p.label} "
            "to the CRS they are in", row=int(rows[i]), column=columns[0], value=f"{x[i]:g}, {y[i]:g}"))
    ok = ~missing & in_range & ~swapped & np.isfinite(lon) & np.isfinite(lat)
    return lon, lat, ok, problems


def _text_problems(p: PlacesConfig, file: str, frame: pd.DataFrame,
                   known: dict[str, dict[str, str]]) -> tuple[np.ndarray, list[Problem]]:
    names = frame["name"].to_numpy(dtype=object)
    categories = frame["category"].to_numpy(dtype=object)
    rows = frame["row"].to_numpy()
    ok = np.ones(len(frame), dtype=bool)
    problems: list[Problem] = []
    name_column = p.name_field
    category_column = p.category_field or "category"
    for i, (name, category, row) in enumerate(zip(names, categories, rows, strict=True)):
        if not name:
            ok[i] = False
            problems.append(Problem(file, "the place has no name", f"write the place's name in "
                                    f"{excerpt(name_column)}", row=int(row), column=name_column))
        elif len(name) > NAME_LIMIT:
            ok[i] = False
            problems.append(Problem(file, f"the name is longer than {NAME_LIMIT} characters",
                                    "shorten it", row=int(row), column=name_column, value=name))
        if not category:
            ok[i] = False
            problems.append(Problem(file, "the place has no category", f"write one of "
                                    f"{', '.join(known)} in {excerpt(category_column)}", row=int(row),
                                    column=category_column))
        elif category not in known:
            ok[i] = False
            problems.append(Problem(
                file, "unknown category", f"use one of {', '.join(known)}"
                f"{close_matches(category, known)}, or add it to [places.categories]",
                row=int(row), column=category_column, value=category))
    return ok, problems


def checked_points(p: PlacesConfig, file: str, points: Points, known: dict[str, dict[str, str]],
                   city: Box) -> tuple[pd.DataFrame, list[Problem]]:
    """The valid places of one file (``row, name, category, lon, lat``) and every problem."""
    problems = list(points.problems)
    frame = points.frame
    if points.crs is None or frame.empty:
        return frame.assign(lon=pd.Series(dtype=float), lat=pd.Series(dtype=float)), problems
    crs, crs_problems = _crs(p, points.crs, file)
    if crs is None:
        return frame.iloc[:0].assign(lon=[], lat=[]), problems + crs_problems
    reported = {int(q.row) for q in problems if q.row is not None}
    lon, lat, coords_ok, coord_problems = _coordinate_problems(p, file, frame, crs, city, reported)
    texts_ok, text_problems = _text_problems(p, file, frame, known)
    out = frame.assign(lon=lon, lat=lat)[coords_ok & texts_ok]
    return out.drop(columns=["x", "y"]).reset_index(drop=True), problems + coord_problems + text_problems


def duplicates(places: pd.DataFrame) -> list[Problem]:
    """A warning for each place that repeats an earlier one (category, name, position within
    about a metre); ``places`` has ``file, row, name, category, lon, lat``."""
    key = pd.DataFrame({"category": places["category"], "name": places["name"].str.casefold(),
                        "lon": places["lon"].round(5), "lat": places["lat"].round(5)})
    repeated = key.duplicated(keep="first").to_numpy()
    first = key.drop_duplicates(keep="first").reset_index().set_index(list(key.columns))["index"]
    problems = []
    for i in np.flatnonzero(repeated):
        j = int(first.loc[tuple(key.iloc[i])])
        problems.append(Problem(
            str(places["file"].iloc[i]), f"the place repeats {places['file'].iloc[j]} row "
            f"{places['row'].iloc[j]} (same category, name and position)",
            "remove one of the two (the place is counted twice)", row=int(places["row"].iloc[i]),
            value=places["name"].iloc[i], severity="warning"))
    return problems
