"""Every key of the city configuration, declared as data (section, name, default, help).

``etl.config`` reads the file with these declarations; ``tests/etl/test_config_docs.py``
fails when docs/config.md does not document one. Unknown keys fail listing the valid ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from etl.characters import identifier_problem, nfc
from etl.errors import EtlError, excerpt, listing

T = TypeVar("T")


@dataclass(frozen=True)
class Key:
    section: str
    name: str
    default: Any
    help: str
    required: bool = False


REQUIRED = object()

_READING = (  # how a [[tables]] or [[sources]] file is read
    ("sheet", None, "Sheet of an XLSX file (defaults to the first)."),
    ("header", True, "False when the file has no header row; then give names."),
    ("names", None, "Column names for a headerless file, in order."),
    ("delimiter", None, "',', ';', '\\t', '|' or 'whitespace' (detected when unset)."),
    ("encoding", None, "'utf-8', 'utf-8-sig' or 'cp1252' (detected when unset)."),
    ("decimal", None, "Decimal separator of this file (overrides missing.decimal)."),
    ("skip_rows", 0, "Rows to skip before the header (titles): the header is on row skip_rows + 1."),
    ("notes_below", False, "True: the data end at the first empty row after them; rows below are notes."),
    ("period_from_columns", None, "Years as column suffixes: { pattern = 'Antal (\\d{4})', value = "
     "'value', period = 'period' } turns the matching columns into rows."),
)

PLACES_KEYS: tuple[Key, ...] = (  # [[places]]: resources and arenas as points (etl.places_config)
    Key("places", "path", REQUIRED, "GeoJSON, GeoPackage or CSV/XLSX (with coordinate columns) of places, relative to this file.", True),
    Key("places", "layer", None, "Layer of a GeoPackage with several."),
    Key("places", "name_field", REQUIRED, "Field or column holding each place's name.", True),
    Key("places", "category_field", None, "Field or column holding each place's category code."),
    Key("places", "category", None, "The one category of every place in the file (instead of category_field)."),
    Key("places", "x_field", None, "CSV/XLSX: column of the easting (with crs, e.g. 'EPSG:3006')."),
    Key("places", "y_field", None, "CSV/XLSX: column of the northing (with crs)."),
    Key("places", "lon_field", None, "CSV/XLSX: column of the longitude in WGS 84 degrees (instead of x_field)."),
    Key("places", "lat_field", None, "CSV/XLSX: column of the latitude in WGS 84 degrees (instead of y_field)."),
    Key("places", "crs", None, "CRS of x_field/y_field, or of a geometry file that declares none."),
    Key("places", "period", None, "Year the register describes (defaults to the latest period of the tables)."),
    Key("places", "categories", {}, "Map of category code -> names { sv, pl, en } (shared by all blocks; "
        "written [places.categories])."),
)

ASSESSMENT_KEYS: tuple[Key, ...] = (  # [[assessments]]: collaboration self-assessment rounds
    Key("assessments", "round", REQUIRED, "Year of the round, e.g. 2023 (one block per round).", True),
    Key("assessments", "forms", None, "Glob of the filled XLSX forms, one per respondent, relative to "
        "this file, e.g. 'assessment/2023/*.xlsx' (forms from `wellbeing assessment template`)."),
    Key("assessments", "responses", None, "CSV or XLSX of collated answers instead of (or besides) "
        "forms: one row per respondent, columns sector, department (optional) and the statement ids."),
)

KEYS: tuple[Key, ...] = (
    Key("city", "code", REQUIRED, "Short code of the city; also the code of its whole-city rows.", True),
    Key("city", "name", REQUIRED, "Name of the city as shown in the dashboard.", True),
    Key("city", "name_sv", None, "Swedish name (defaults to name)."),
    Key("city", "name_pl", None, "Polish name (defaults to name)."),
    Key("city", "name_en", None, "English name (defaults to name)."),
    Key("city", "synthetic", False, "True for made-up data; the dashboard labels it as such."),
    Key("city", "row_code", None, "Code that marks whole-city rows in the indicator tables (defaults to city.code)."),
    Key("city", "deprivation", None, "Catalogue id of the deprivation measure the slope index of inequality ranks areas by (its polarity says which way is deprived)."),
    Key("boundaries", "path", REQUIRED, "GeoPackage, Shapefile (also .zip) or GeoJSON of the areas, relative to this file.", True),
    Key("boundaries", "layer", None, "Layer to read when the file has several."),
    Key("boundaries", "code_field", REQUIRED, "Field holding the area code.", True),
    Key("boundaries", "name_field", None, "Field holding the area name (defaults to the code)."),
    Key("boundaries", "crs", None, "CRS of the file when it declares none, e.g. 'EPSG:3006'."),
    Key("boundaries", "level", "district", "Level name of these areas (district, neighbourhood, deso...)."),
    Key("boundaries", "population_field", None, "Field with the population, shown in area headers."),
    Key("boundaries", "filter_field", None, "Keep only features whose field starts with filter_prefix."),
    Key("boundaries", "filter_prefix", None, "Prefix for filter_field, e.g. a municipality code."),
    Key("boundaries", "corrections", [], "Fixes applied to the features before their codes are checked: "
        "{code, new_code}, {feature, new_code}, {drop = [...]}, {merge = [...], into}."),
    Key("boundaries", "dissolve", None, "{ crosswalk = 'name' }: the areas are the dissolve of the "
        "file's features by that crosswalk (small areas into neighbourhoods)."),
    Key("prioritized", "codes", [], "Codes of the prioritized areas."),
    Key("catalogue", "path", REQUIRED, "CSV or XLSX indicator catalogue, relative to this file.", True),
    Key("catalogue", "sheet", None, "Sheet of an XLSX catalogue (defaults to the first)."),
    Key("missing", "markers", ["..", "-", "x", ""], "Cell texts that mean a suppressed or missing value."),
    Key("missing", "decimal", None, "Decimal separator for all tables: '.' or ',' (detected when unset)."),
    Key("notes", "path", None, "CSV of the areas' resources, arenas, initiatives and residents' view (optional), relative to this file."),
    Key("tables", "path", REQUIRED, "CSV, XLSX, PC-Axis (.px) or JSON-stat 2 (.json) indicator table, relative to this file.", True),
    Key("tables", "format", "long", "'long' (one value per row) or 'wide' (one column per indicator)."),
    *(Key("tables", name, default, help) for name, default, help in _READING),
    Key("tables", "columns", {}, "Map of field -> source column: indicator, area, period, sex, age_group, value, numerator, denominator, lower_ci, upper_ci, sd (standard deviation, for means; long tables only), status. Wide tables: area, period, sex, age_group and denominator (one column shared by every indicator)."),
    Key("tables", "constants", {}, "Fields with one value for the whole table, e.g. {period = '2023', sex = 'total'}."),
    Key("tables", "sex_codes", {}, "Map of source sex code -> total, female or male, e.g. {K = 'female'}."),
    Key("tables", "indicators", {}, "Long: map of source indicator name -> catalogue id. Wide: map of catalogue id -> value column."),
    Key("tables", "numerator_suffix", None, "Wide: suffix of numerator columns (e.g. '_num' for 'unemployed_num')."),
    Key("tables", "denominator_suffix", None, "Wide: suffix of denominator columns."),
    Key("tables", "ignore_columns", [], "Wide: extra columns to leave out without a warning, e.g. an area-name column."),
    Key("tables", "unknown_indicators", "error", "'error' or 'ignore' rows whose indicator is not in the catalogue."),
    Key("tables", "unknown_areas", "error", "'error' or 'ignore' rows whose area is not in the boundaries."),
    Key("tables", "area_match", None, "How area cells name the areas: { by = 'code' or 'name', pattern = "
        "'Uppsala ({name})' }."),
    Key("tables", "crosswalk", None, "Name of a [[crosswalks]] block: the table's areas are its "
        "from-codes, summed into the atlas's areas."),
    Key("sources", "name", REQUIRED, "Name the [[derived]] terms use for this source (letters, digits, _ - . :).", True),
    Key("sources", "path", REQUIRED, "CSV, XLSX, .px or JSON-stat file read as input of derived indicators, relative to this file.", True),
    *(Key("sources", name, default, help) for name, default, help in _READING),
    Key("sources", "columns", {}, "Map of key field -> source column: area, period, sex, age_group."),
    Key("sources", "constants", {}, "Key fields with one value for the whole file: period, sex, age_group."),
    Key("sources", "sex_codes", {}, "Map of source sex code -> total, female or male."),
    Key("sources", "categories", [], "Columns whose values terms pick rows by (where = {column = value})."),
    Key("sources", "age_bands", {}, "Map of source age label -> band ('0-4', '65+', 'all')."),
    Key("sources", "unit", "count", "What the numbers are: count, amount, mean, median, rate, percentage, proportion or score."),
    Key("sources", "unknown_areas", "error", "'error' or 'ignore' rows whose area is not in the boundaries."),
    Key("sources", "area_match", None, "How area cells name the areas: { by = 'code' or 'name', pattern = "
        "'Uppsala ({name})' }."),
    Key("sources", "crosswalk", None, "Name of a [[crosswalks]] block: the source's areas are its "
        "from-codes, summed into the atlas's areas."),
    Key("sources", "crosswalk_weight", None, "Number column weighting a mean, rate or share through the "
        "crosswalk (a weighted mean), e.g. the persons counted."),
    Key("crosswalks", "name", REQUIRED, "Name that tables, sources and dissolve use (letters, digits, _ - . :).", True),
    Key("crosswalks", "path", REQUIRED, "Key file (CSV or XLSX; method key) or polygons of the source "
        "areas (GeoPackage, Shapefile, GeoJSON; method area or population), relative to this file.", True),
    Key("crosswalks", "method", "key", "'key' (a key file of codes), 'area' (areal interpolation by "
        "area) or 'population' (by the population layer)."),
    Key("crosswalks", "from_column", None, "Key file: column of the source areas' codes."),
    Key("crosswalks", "to_column", None, "Key file: column of the atlas's area codes."),
    Key("crosswalks", "name_column", None, "Key file: column of the atlas areas' names (for a dissolve)."),
    Key("crosswalks", "weight_column", None, "Key file: share (0-1) of a source area's counts that goes "
        "to the atlas area, for keys that split areas."),
    Key("crosswalks", "code_field", None, "Areal: field of the source areas' codes in path."),
    Key("crosswalks", "layer", None, "Areal: layer of path when the file has several."),
    Key("crosswalks", "crs", None, "Areal: CRS of path when the file declares none."),
    Key("crosswalks", "population_path", None, "Population: polygons with the population (e.g. a grid), "
        "relative to this file."),
    Key("crosswalks", "population_field", None, "Population: field of population_path with the residents."),
    Key("derived", "indicator", REQUIRED, "Catalogue id of the derived indicator.", True),
    Key("derived", "numerator", None, "Term giving the numerator (see Terms)."),
    Key("derived", "denominator", None, "Term giving the denominator (see Terms)."),
    Key("derived", "value", None, "Term giving the value itself, instead of numerator and denominator."),
    Key("derived", "sexes", ["total"], "Sexes to compute: total, female, male (one row each)."),
    Key("derived", "age_group", "all", "Age group stored with the values, and the band the terms sum by default."),
    Key("comparators", "code", REQUIRED, "Short code of the comparator, e.g. 'SE' (letters, digits, _ - . :), unique.", True),
    Key("comparators", "kind", REQUIRED, "'national' (the country) or 'regional' (the county, the region).", True),
    Key("comparators", "name", REQUIRED, "Name of the comparator as shown in the dashboard.", True),
    Key("comparators", "name_sv", None, "Swedish name (defaults to name)."),
    Key("comparators", "name_pl", None, "Polish name (defaults to name)."),
    Key("comparators", "name_en", None, "English name (defaults to name)."),
    Key("comparators", "path", REQUIRED, "CSV or XLSX table of the comparator's values, relative to this file.", True),
    *(Key("comparators", name, default, help) for name, default, help in _READING),
    Key("comparators", "columns", {}, "Map of field -> source column: indicator, period, sex, age_group, value, lower_ci, upper_ci."),
    Key("comparators", "constants", {}, "Fields with one value for the whole file, e.g. {sex = 'total'}."),
    Key("comparators", "sex_codes", {}, "Map of source sex code -> total, female or male."),
    Key("comparators", "indicators", {}, "Map of source indicator name -> catalogue id."),
    Key("comparators", "unknown_indicators", "error", "'error' or 'ignore' rows whose indicator is not in the catalogue."),
    *PLACES_KEYS,
    *ASSESSMENT_KEYS,
    Key("programme", "path", None, "XLSX workbook of the programme register with a sheet per kind "
        "(programmes, goals, targets, institutions, initiatives), relative to this file."),
    Key("programme", "sheets", {}, "Map of kind -> sheet of the workbook `path` when the sheet is "
        "not named like the kind, e.g. { targets = 'Mål' }."),
    Key("programme", "programmes", None, "CSV or XLSX of the programmes (instead of a sheet of path)."),
    Key("programme", "goals", None, "CSV or XLSX of the programmes' goals and their indicators."),
    Key("programme", "targets", None, "CSV or XLSX of the indicators' targets (city-wide or per area)."),
    Key("programme", "institutions", None, "CSV or XLSX of the institutions that lead or take part in initiatives."),
    Key("programme", "initiatives", None, "CSV or XLSX of the initiatives (actions) in the areas."),
)

# The keys of a term (the value of numerator, denominator, value, plus and minus).
TERM_KEYS: tuple[Key, ...] = (
    Key("term", "source", None, "Name of a [[sources]] block to read."),
    Key("term", "indicator", None, "Catalogue id of a loaded or derived indicator to read."),
    Key("term", "measure", "value", "Of an indicator: value, numerator or denominator."),
    Key("term", "where", {}, "Map of category column -> value, or list of values to sum."),
    Key("term", "column", None, "Number column of the source, or a list of columns to sum."),
    Key("term", "age", None, "Age band to take or to sum from the source's bands ('0-17', '65+', 'all')."),
    Key("term", "sex", None, "Sex of the rows to take (default: the row's sex)."),
    Key("term", "plus", [], "Terms added (they start from this term's keys)."),
    Key("term", "minus", [], "Terms subtracted (they start from this term's keys)."),
)

SECTIONS = (
    "city", "boundaries", "prioritized", "catalogue", "missing", "notes", "tables", "sources", "derived",
    "comparators", "crosswalks", "places", "programme", "assessments",
)
LONG_FIELDS = (
    "indicator", "area", "period", "sex", "age_group", "value",
    "numerator", "denominator", "lower_ci", "upper_ci", "sd", "status",
)
WIDE_FIELDS = ("area", "period", "sex", "age_group", "denominator")
WIDE_CONSTANTS = ("area", "period", "sex", "age_group", "lower_ci", "upper_ci", "sd", "status")
SOURCE_FIELDS = ("area", "period", "sex", "age_group")
COMPARATOR_FIELDS = ("indicator", "period", "sex", "age_group", "value", "lower_ci", "upper_ci")
COMPARATOR_KINDS = ("national", "regional")  # what the ETL loads (store.schema allows 'target')
UNITS = ("count", "amount", "mean", "median", "rate", "percentage", "proportion", "score")
ADDITIVE = ("count", "amount")  # units that can be summed


def keys_of(section: str) -> dict[str, Key]:
    return {k.name: k for k in KEYS if k.section == section}


def section(raw: dict[str, Any], name: str, where: str, src: Path,
            known: dict[str, Key] | None = None) -> dict[str, Any]:
    """Fill defaults, reject unknown keys and report missing required ones."""
    known = known if known is not None else keys_of(name)
    if not isinstance(raw, dict):
        raise EtlError(f"{src}: [{where}] is {excerpt(raw)}, not a table of keys. "
                       "Fix: write key = value lines under it (see docs/config.md).")
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise EtlError(
            f"{src}: unknown key(s) {listing(unknown, quote=False)} in [{where}]. "
            f"Fix: use one of {', '.join(sorted(known))} (see docs/config.md)."
        )
    out: dict[str, Any] = {}
    for key_name, key in known.items():
        if key_name in raw:
            out[key_name] = raw[key_name]
        elif key.required:
            raise EtlError(
                f"{src}: [{where}] has no '{key_name}'. Fix: add {key_name} = ... ({key.help})"
            )
        else:
            out[key_name] = key.default
    return out


def choice(value: str, allowed: tuple[str, ...], what: str, src: Path) -> str:
    if value not in allowed:
        raise EtlError(f"{src}: {what} is {excerpt(value)}. Fix: use one of {', '.join(allowed)}.")
    return value


def refuse(src: Path, where: str, key: str, why: str, fix: str) -> EtlError:
    """The error for a key that is given but cannot apply (never ignored silently)."""
    return EtlError(f"{src}: [{where}] {key} {why}. Fix: {fix}.")


XLSX = (".xlsx", ".xlsm")


def reading_options(values: dict[str, Any], where: str, src: Path) -> dict[str, Any]:
    """The reading options of a checked [[tables]] or [[sources]] block, as the keyword
    arguments ``TableConfig`` and ``SourceConfig`` share."""
    return {
        "sheet": values["sheet"], "header": bool(values["header"]),
        "names": tuple(values["names"]) if values["names"] else None,
        "delimiter": values["delimiter"], "encoding": values["encoding"],
        "decimal": values["decimal"], "skip_rows": int(values["skip_rows"]),
        "notes_below": bool(values["notes_below"]),
        "period_from_columns": period_columns(values, where, src),
    }


def check_reading(raw: dict[str, Any], values: dict[str, Any], where: str, src: Path) -> Path:
    """The reading keys of a [[tables]] or [[sources]] block; returns its resolved path.

    A key given where it cannot apply is refused: ``names`` with a header row,
    ``sheet`` for a CSV file, ``delimiter`` or ``encoding`` for an XLSX workbook.
    """
    path = (src.parent / str(values["path"])).resolve()
    xlsx = path.suffix.lower() in XLSX
    if values["decimal"] is not None:
        choice(values["decimal"], (".", ","), f"[{where}] decimal", src)
    if not values["header"] and not values["names"]:
        raise EtlError(
            f"{src}: [{where}] says header = false but gives no names. "
            "Fix: add names = [\"year\", \"area\", ...] in column order."
        )
    if "names" in raw and values["header"]:
        raise refuse(src, where, "names", "is only read when header = false (the file's own header "
                     "names the columns)", "remove names, or set header = false")
    if "sheet" in raw and not xlsx:
        raise refuse(src, where, "sheet", f"applies to XLSX workbooks, not to {excerpt(path.name)}",
                     "remove sheet, or point path at the .xlsx file")
    for key in ("delimiter", "encoding"):
        if key in raw and xlsx:
            raise refuse(src, where, key, f"applies to CSV files, not to the workbook "
                         f"{excerpt(path.name)}", f"remove {key}")
    if int(values["skip_rows"]) < 0:
        raise refuse(src, where, "skip_rows", "is negative", "give 0 or more rows to skip")
    if path.suffix.lower() in STAT_SUFFIXES:
        allowed = ("path", "encoding") if path.suffix.lower() == ".px" else ("path",)
        for key in ("header", "names", "delimiter", "encoding", "skip_rows", "notes_below"):
            if key in raw and key not in allowed:
                raise refuse(src, where, key, f"does not apply to the statistical file "
                             f"{excerpt(path.name)} (its dimensions are its columns)", f"remove {key}")
    return path


STAT_SUFFIXES = (".px", ".json", ".jsonstat")
_PERIOD_KEYS = ("pattern", "value", "period")


@dataclass(frozen=True)
class PeriodColumns:
    """``period_from_columns``: columns whose name matches ``pattern`` become rows."""

    pattern: str  # one group ( ) captures the period
    value: str = "value"  # the column the cells go to
    period: str = "period"  # the column the captured period goes to


def period_columns(values: dict[str, Any], where: str, src: Path) -> PeriodColumns | None:
    """The ``period_from_columns`` key of a [[tables]] or [[sources]] block, checked."""
    value = values["period_from_columns"]
    if value is None:
        return None
    if "period" in (values["constants"] or {}):
        raise refuse(src, where, "period_from_columns", "gives the period, and so does constants.period",
                     "remove constants.period, or period_from_columns")
    example = "period_from_columns = { pattern = \"Antal (\\\\d{4})\" }"
    if not isinstance(value, dict) or "pattern" not in value:
        raise refuse(src, where, "period_from_columns", f"is {excerpt(value)}, not a table with a "
                     "pattern", f"write {example}")
    unknown = sorted(set(value) - set(_PERIOD_KEYS))
    if unknown:
        raise refuse(src, where, "period_from_columns", f"has unknown key(s) {listing(unknown)}",
                     f"use only {', '.join(_PERIOD_KEYS)}")
    texts = {k: str(v) for k, v in value.items()}
    try:
        groups = re.compile(texts["pattern"]).groups
    except re.error as exc:
        raise refuse(src, where, "period_from_columns.pattern", f"{excerpt(texts['pattern'])} is not a "
                     f"regular expression ({exc})", f"write {example}") from None
    if groups != 1:
        raise refuse(src, where, "period_from_columns.pattern", f"{excerpt(texts['pattern'])} has "
                     f"{groups} groups ( ), not one", "put one group around the period, e.g. "
                     "'Antal (\\d{4})'; write (?:...) for other groups")
    if texts.get("value", "value") == texts.get("period", "period"):
        raise refuse(src, where, "period_from_columns", "names the same column for value and period",
                     "give value and period different names")
    spec = PeriodColumns(**texts)
    mapped = (values["columns"] or {}).get("period", spec.period)
    if mapped != spec.period:
        raise refuse(src, where, "columns.period", f"is {excerpt(mapped)}, but period_from_columns puts "
                     f"the period in {excerpt(spec.period)}", "remove columns.period")
    return spec


def check_fields(mapping: dict[str, Any], allowed: tuple[str, ...], where: str, src: Path,
                 why: str = "") -> None:
    """Only ``allowed`` fields in a columns or constants map."""
    bad = sorted(set(mapping) - set(allowed))
    if bad:
        raise EtlError(
            f"{src}: [{where}] has unknown or unsupported field(s) {listing(bad, quote=False)}{why}. "
            f"Fix: use only {', '.join(allowed)}."
        )


def text_map(value: Any, what: str, src: Path, example: str = '{ K = "female" }') -> dict[str, str]:
    """A TOML table of texts (``columns``, ``constants``, ``sex_codes`` …) as a dict of
    NFC strings; anything else is refused naming the key with an ``example``."""
    if not isinstance(value, dict):
        raise EtlError(f"{src}: {what} is {excerpt(value)}. Fix: give a map such as {example}.")
    return {nfc(str(k)): nfc(str(v)) for k, v in value.items()}


def block_name(block: dict[str, Any], key: str, where: str, src: Path, example: str) -> str:
    """The identifier ``key`` of an array-of-tables block (a source's ``name``, a
    comparator's ``code``), NFC; refused naming the block with an ``example``."""
    value = nfc(str(block[key]))
    problem = identifier_problem(value)
    if problem:
        raise EtlError(f"{src}: [{where}] {key} {excerpt(value)} {problem}. "
                       f"Fix: use letters, digits and _ - . : (e.g. '{example}').")
    return value


def block_lines(text: str, name: str) -> list[int]:
    """Line numbers of the ``[[name]]`` headers, in order (for messages)."""
    pattern = re.compile(rf"^[ \t]*\[\[[ \t]*{name}[ \t]*\]\]", re.M)
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]


def read_blocks(raw: Any, name: str, src: Path, text: str,
                make: Callable[[dict[str, Any], int, int | None, Path], T]) -> tuple[T, ...]:
    """Each ``[[name]]`` block of the configuration, made by ``make(block, number, line,
    src)`` (number: 1-based; line: of its header in the file, None when it cannot be told);
    a value that is not blocks of keys fails naming the section."""
    blocks = [raw] if isinstance(raw, dict) else raw
    if not isinstance(blocks, list) or not all(isinstance(b, dict) for b in blocks):
        raise EtlError(f"{src}: [[{name}]] must be blocks of keys. Fix: write [[{name}]] above "
                       "each block's keys (see docs/config.md).")
    lines = block_lines(text, name)
    return tuple(make(b, i + 1, lines[i] if len(lines) == len(blocks) else None, src)
                 for i, b in enumerate(blocks))
