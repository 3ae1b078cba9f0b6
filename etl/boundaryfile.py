"""The boundary file: opened (a GeoPackage, Shapefile, zip or GeoJSON), its CRS settled,
filtered to the city, and its fields (code, name, population) read and checked.

Codes and names are text in NFC. A code may hold letters, digits, spaces and
``_ - . : ( ) '`` only (etl.characters) and must not look like another code
(same letters but for case, Unicode form or invisible characters); a name no
control character. GDAL ends a text at a NUL character, so a NUL in the file
cuts the code or name there: the ETL never sees it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
from pyproj import CRS

from etl.characters import AREA_FIX, CONTROL_FIX, identifier_problem, invisible, lookalikes, nfc
from etl.config import BoundariesConfig
from etl.corrections import corrected
from etl.errors import EXCERPT, Problem, excerpt, printable, reason
from etl.paths import NOT_FOUND, unreadable


@dataclass
class Check:
    """Collects the problems of one boundary file."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def add(self, message: str, fix: str, *, severity: str = "error", **where: object) -> None:
        self.problems.append(Problem(self.file, message, fix, severity=severity, **where))  # type: ignore[arg-type]

    def warn(self, message: str, fix: str, **where: object) -> None:
        self.add(message, fix, severity="warning", **where)


def source_path(b: BoundariesConfig) -> str:
    """The path GDAL reads: zipped files through /vsizip/."""
    path = str(b.path)
    return "/vsizip/" + path if b.path.suffix.lower() == ".zip" else path


def read_file(b: BoundariesConfig, check: Check) -> gpd.GeoDataFrame | None:
    trouble = unreadable(b.path)
    if trouble == NOT_FOUND:
        check.add("boundary file not found",
                  "give its path relative to the config file in [boundaries] path")
        return None
    if trouble is not None:
        check.add(f"the boundary path {trouble}", "give the path of the file itself in "
                  "[boundaries] path: a .gpkg, .shp, .zip or .geojson")
        return None
    try:
        layers = [str(x[0]) for x in pyogrio.list_layers(source_path(b))]
        if b.layer is not None and b.layer not in layers:
            check.add(
                f"no layer {excerpt(b.layer)}; the file has {', '.join(layers)}",
                "set [boundaries] layer to one of these",
                column="layer",
                value=b.layer,
            )
            return None
        frame = pyogrio.read_dataframe(source_path(b), layer=b.layer)
    except Exception as exc:  # GDAL raises many types for unreadable files
        check.add(
            f"cannot read the boundary file ({reason(exc)})",
            "give a GeoPackage, a Shapefile (.shp, or zipped as .zip) or a GeoJSON file",
        )
        return None
    return _with_crs(frame, b, check)


def _with_crs(
    frame: gpd.GeoDataFrame, b: BoundariesConfig, check: Check
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
                f"unknown CRS ({reason(exc)})",
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


def filtered(frame: gpd.GeoDataFrame, b: BoundariesConfig, check: Check) -> gpd.GeoDataFrame:
    if b.filter_field is None:
        return frame
    if b.filter_field not in frame.columns:
        _missing_field(b.filter_field, "filter_field", frame, check)
        return frame.iloc[0:0]
    prefix = b.filter_prefix or ""
    keep = frame[b.filter_field].astype(str).str.startswith(prefix).to_numpy()
    if not keep.any():
        check.add(
            f"no feature has {b.filter_field} starting with {excerpt(prefix)}",
            "check [boundaries] filter_prefix",
            column=b.filter_field,
            value=prefix,
        )
    return frame[keep]


def _missing_field(name: str, key: str, frame: gpd.GeoDataFrame, check: Check) -> None:
    fields = [str(c) for c in frame.columns if c != "geometry"]
    close = difflib.get_close_matches(name, fields, n=1)
    hint = f" (did you mean {excerpt(close[0])}?)" if close else ""
    shown = ", ".join(printable(f, EXCERPT) for f in fields[:30])
    shown += f" and {len(fields) - 30} more" if len(fields) > 30 else ""
    check.add(
        f"no field {excerpt(name)}{hint}; the fields are {shown}",
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
        text = nfc(str(v).strip())
        return text or None

    return series.map(one).astype(object)


def attributes(
    frame: gpd.GeoDataFrame, b: BoundariesConfig, check: Check, config_file: str = ""
) -> gpd.GeoDataFrame | None:
    """code, name, population and the feature number, after ``[boundaries] corrections``
    (etl.corrections); rows without a usable code dropped."""
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
    out, fixes = corrected(out, b, config_file, check.file)
    check.problems += fixes
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
            f"code {excerpt(code)} is used by features {feats}",
            "give every area its own code, or merge the features into one",
            row=int(group["feature"].iloc[1]),
            column=b.code_field,
            value=code,
        )
    _check_characters(out, b, check)
    return out[out["code"].notna() & ~out["code"].duplicated()]


def _population(
    frame: gpd.GeoDataFrame, b: BoundariesConfig, out: gpd.GeoDataFrame, check: Check
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


def _check_characters(out: gpd.GeoDataFrame, b: BoundariesConfig, check: Check) -> None:
    """Codes in the area-code characters and unlike one another; names without control
    characters."""
    features = out["feature"].to_numpy()
    for feat, code, name in zip(features, out["code"], out["name"], strict=True):
        why = identifier_problem(code, area=True) if isinstance(code, str) else None
        if why:
            fix = CONTROL_FIX if invisible(code) else AREA_FIX
            check.add(f"code {why}", fix, row=int(feat), column=b.code_field, value=code)
        why = None if not isinstance(name, str) else invisible(name, free_text=True)
        if why and b.name_field:
            check.add(f"name {why}", CONTROL_FIX, row=int(feat), column=b.name_field, value=name)
    codes = [c if isinstance(c, str) else None for c in out["code"]]
    for i, j, how in lookalikes(codes):
        check.add(
            f"code looks like code {excerpt(codes[j])} of feature {features[j]}: they differ {how}",
            "give every area a code that differs from the others in more than that",
            row=int(features[i]),
            column=b.code_field,
            value=codes[i],
        )
