"""Write the demo city's source files the way real sources deliver them.

- boundaries: a GeoPackage (EPSG:3006) with the neighbourhoods and the river;
- catalogue: a UTF-8 CSV;
- register statistics: a long UTF-8 CSV with comma delimiter and decimal point;
- the resident survey: a wide Swedish-style CSV (cp1252, ';', decimal comma);
- environmental monitoring: a wide XLSX with title rows above the header;
- the health register (counts by age band) and the national comparator: long UTF-8 CSVs.

Numbers are formatted explicitly so that the files are byte-identical on
every run; the XLSX gets fixed timestamps for the same reason.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geopandas as gpd
import pyogrio
from demo_areas import CITY_CODE, Area
from demo_catalogue import BY_ID, COLUMNS
from demo_values import Row
from openpyxl import Workbook
from shapely.geometry import LineString, MultiPolygon

FIXED_TIME = "2025-01-01T00:00:00Z"
SEX_SV = {"total": "Totalt", "female": "Kvinnor", "male": "Män"}
SURVEY_COLUMNS = {
    "self_rated_health": "Bra hälsa",
    "obesity": "Fetma",
    "housing_satisfaction": "Nöjd med boendet",
    "feel_unsafe": "Otrygg utomhus",
    "trust_in_others": "Tillit till andra",
    "civic_influence": "Kan påverka",
    "association_activity": "Aktiv i förening",
}
ENVIRONMENT_COLUMNS = {
    "traffic_noise": "Buller över 55 dB",
    "green_space_access": "Grönområde inom 300 m",
    "environment_score": "Närmiljöindex",
}
NUM_SUFFIX, SURVEY_DEN_SUFFIX, ENV_DEN_SUFFIX = "_antal", "_svarande", "_invånare"
LONG_HEADER = (
    "indicator", "area_code", "year", "sex", "numerator", "denominator", "value",
    "lower_ci", "upper_ci", "sd",
)


def _num(value: float | None, decimals: int, comma: bool = False) -> str:
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if comma else text


def _cell(row: Row, field: str, decimals: int, comma: bool = False) -> str:
    """A formatted cell: '..' for a source-suppressed value, '' for a missing one."""
    value = getattr(row, field)
    if row.status == "suppressed" and field in ("numerator", "value"):
        return ".."
    if field in ("numerator", "denominator"):
        return "" if value is None else str(round(value))
    return _num(value, decimals, comma)


def _decimals(indicator: str) -> int:
    return 5 if BY_ID[indicator]["value_type"] == "proportion" else 3


def write_boundaries(path: Path, areas: list[Area], river: LineString) -> None:
    """Neighbourhoods (code, name, population in the latest year) and the river."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": FIXED_TIME})
    hoods = gpd.GeoDataFrame(
        {
            "code": [a.code for a in areas],
            "name": [a.name for a in areas],
            "population": [a.population[max(a.population)] for a in areas],
        },
        geometry=[MultiPolygon([a.polygon]) for a in areas],
        crs="EPSG:3006",
    )
    hoods.to_file(path, layer="neighbourhoods", driver="GPKG", engine="pyogrio")
    water = gpd.GeoDataFrame({"name": ["Ån"]}, geometry=[river], crs="EPSG:3006")
    water.to_file(path, layer="river", driver="GPKG", engine="pyogrio")


def _write_csv(path: Path, header: Iterable[str], rows: Iterable[Iterable[Any]],
               encoding: str = "utf-8", delimiter: str = ",") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_table(path: Path, header: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
    """A plain UTF-8 CSV (comma, decimal point) of rows already formatted as text."""
    _write_csv(path, header, rows)


def write_catalogue(path: Path) -> None:
    def fmt(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    _write_csv(path, COLUMNS, ([fmt(row[c]) for c in COLUMNS] for row in BY_ID.values()))


def write_long(path: Path, rows: list[Row]) -> None:
    """One value per line: indicator, area, year, sex, numerator, denominator, value, CI, SD."""
    out = (
        [r.indicator, r.area, str(r.year), r.sex]
        + [_cell(r, f, _decimals(r.indicator)) for f in LONG_HEADER[4:]]
        for r in rows
    )
    _write_csv(path, LONG_HEADER, out)


def _wide_keys(rows: list[Row]) -> list[tuple[str, int, str]]:
    order = {"total": 0, "female": 1, "male": 2}
    keys = {(r.area, r.year, r.sex) for r in rows}
    return sorted(keys, key=lambda k: (k[0] == CITY_CODE, k[0], k[1], order[k[2]]))


def write_survey(path: Path, rows: list[Row], names: dict[str, str]) -> None:
    """Wide: one line per area x year x sex, three columns per question (cp1252, ';', ',')."""
    by_key = {(r.indicator, r.area, r.year, r.sex): r for r in rows}
    header = ["Områdeskod", "Område", "År", "Kön"]
    for label in SURVEY_COLUMNS.values():
        header += [label, label + NUM_SUFFIX, label + SURVEY_DEN_SUFFIX]
    lines = []
    for area, year, sex in _wide_keys(rows):
        line = [area, names[area], str(year), SEX_SV[sex]]
        for indicator in SURVEY_COLUMNS:
            r = by_key.get((indicator, area, year, sex))
            if r is None:
                line += ["", "", ""]
                continue
            line += [_cell(r, f, 1, comma=True) for f in ("value", "numerator", "denominator")]
        lines.append(line)
    _write_csv(path, header, lines, encoding="cp1252", delimiter=";")


def _xlsx_value(row: Row | None, field: str) -> float | int | None:
    if row is None or row.status is not None:
        return None
    value = getattr(row, field)
    if value is None:
        return None
    return round(value) if field != "value" else round(float(value), 2)


def write_environment(path: Path, rows: list[Row], names: dict[str, str]) -> None:
    """Wide XLSX with a title and a note above the header, and a whole-city line."""
    by_key = {(r.indicator, r.area, r.year): r for r in rows}
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Miljö"
    ws.append(["Miljöindikatorer per område 2015-2024 (syntetiska data)"])
    ws.append(["Källa: Exempelstads miljöförvaltning. Påhittade siffror för demonstration."])
    ws.append([])
    header = ["Områdeskod", "Område", "År"]
    for indicator, label in ENVIRONMENT_COLUMNS.items():
        header.append(label)
        if BY_ID[indicator]["value_type"] != "score":
            header += [label + NUM_SUFFIX, label + ENV_DEN_SUFFIX]
    ws.append(header)
    for area, year, _sex in _wide_keys(rows):
        line: list[Any] = [area, names[area], year]
        for indicator in ENVIRONMENT_COLUMNS:
            r = by_key.get((indicator, area, year))
            line.append(_xlsx_value(r, "value"))
            if BY_ID[indicator]["value_type"] != "score":
                line += [_xlsx_value(r, "numerator"), _xlsx_value(r, "denominator")]
        ws.append(line)
    buffer = io.BytesIO()
    wb.save(buffer)
    write_reproducible_zip(path, buffer.getvalue())


def write_reproducible_zip(path: Path, data: bytes) -> None:
    """Rewrite an XLSX with fixed member timestamps and document dates."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", FIXED_TIME.encode(), content)
            member = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, content)
