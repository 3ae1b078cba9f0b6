"""The city configuration: one TOML file per city (documented in docs/config.md).

Every key is declared here as data (section, name, default, help); unknown keys
fail listing the valid ones, and a test checks that docs/config.md documents
every key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl.characters import invisible, nfc
from etl.errors import EtlError, excerpt, listing, printable
from etl.paths import unreadable
from settings.languages import LANGS


@dataclass(frozen=True)
class Key:
    section: str
    name: str
    default: Any
    help: str
    required: bool = False


REQUIRED = object()

KEYS: tuple[Key, ...] = (
    Key("city", "code", REQUIRED, "Short code of the city; also the code of its whole-city rows.", True),
    Key("city", "name", REQUIRED, "Name of the city as shown in the dashboard.", True),
    Key("city", "name_sv", None, "Swedish name (defaults to name)."),
    Key("city", "name_pl", None, "Polish name (defaults to name)."),
    Key("city", "name_en", None, "English name (defaults to name)."),
    Key("city", "synthetic", False, "True for made-up data; the dashboard labels it as such."),
    Key("city", "row_code", None, "Code that marks whole-city rows in the indicator tables (defaults to city.code)."),
    Key("boundaries", "path", REQUIRED, "GeoPackage, Shapefile (also .zip) or GeoJSON of the areas, relative to this file.", True),
    Key("boundaries", "layer", None, "Layer to read when the file has several."),
    Key("boundaries", "code_field", REQUIRED, "Field holding the area code.", True),
    Key("boundaries", "name_field", None, "Field holding the area name (defaults to the code)."),
    Key("boundaries", "crs", None, "CRS of the file when it declares none, e.g. 'EPSG:3006'."),
    Key("boundaries", "level", "district", "Level name of these areas (district, neighbourhood, deso...)."),
    Key("boundaries", "population_field", None, "Field with the population, shown in area headers."),
    Key("boundaries", "filter_field", None, "Keep only features whose field starts with filter_prefix."),
    Key("boundaries", "filter_prefix", None, "Prefix for filter_field, e.g. a municipality code."),
    Key("prioritized", "codes", [], "Codes of the prioritized areas."),
    Key("catalogue", "path", REQUIRED, "CSV or XLSX indicator catalogue, relative to this file.", True),
    Key("catalogue", "sheet", None, "Sheet of an XLSX catalogue (defaults to the first)."),
    Key("missing", "markers", ["..", "-", "x", ""], "Cell texts that mean a suppressed or missing value."),
    Key("missing", "decimal", None, "Decimal separator for all tables: '.' or ',' (detected when unset)."),
    Key("notes", "path", None, "CSV of the areas' resources, arenas, initiatives and residents' view (optional), relative to this file."),
    Key("tables", "path", REQUIRED, "CSV or XLSX indicator table, relative to this file.", True),
    Key("tables", "format", "long", "'long' (one value per row) or 'wide' (one column per indicator)."),
    Key("tables", "sheet", None, "Sheet of an XLSX table (defaults to the first)."),
    Key("tables", "header", True, "False when the file has no header row; then give names."),
    Key("tables", "names", None, "Column names for a headerless file, in order."),
    Key("tables", "delimiter", None, "',', ';', '\\t', '|' or 'whitespace' (detected when unset)."),
    Key("tables", "encoding", None, "'utf-8', 'utf-8-sig' or 'cp1252' (detected when unset)."),
    Key("tables", "decimal", None, "Decimal separator of this table (overrides missing.decimal)."),
    Key("tables", "skip_rows", 0, "Rows to skip before the header (titles, notes)."),
    Key("tables", "columns", {}, "Map of field -> source column: indicator, area, period, sex, age_group, value, numerator, denominator, lower_ci, upper_ci, sd (standard deviation, for means; long tables only), status."),
    Key("tables", "constants", {}, "Fields with one value for the whole table, e.g. {period = '2023', sex = 'total'}."),
    Key("tables", "sex_codes", {}, "Map of source sex code -> total, female or male, e.g. {K = 'female'}."),
    Key("tables", "indicators", {}, "Long: map of source indicator name -> catalogue id. Wide: map of catalogue id -> value column."),
    Key("tables", "numerator_suffix", None, "Wide: suffix of numerator columns (e.g. '_num' for 'unemployed_num')."),
    Key("tables", "denominator_suffix", None, "Wide: suffix of denominator columns."),
    Key("tables", "ignore_columns", [], "Wide: extra columns to leave out without a warning, e.g. an area-name column."),
    Key("tables", "unknown_indicators", "error", "'error' or 'ignore' rows whose indicator is not in the catalogue."),
    Key("tables", "unknown_areas", "error", "'error' or 'ignore' rows whose area is not in the boundaries."),
)

SECTIONS = ("city", "boundaries", "prioritized", "catalogue", "missing", "notes", "tables")
LONG_FIELDS = (
    "indicator", "area", "period", "sex", "age_group", "value",
    "numerator", "denominator", "lower_ci", "upper_ci", "sd", "status",
)


@dataclass(frozen=True)
class BoundariesConfig:
    path: Path
    code_field: str
    name_field: str | None = None
    layer: str | None = None
    crs: str | None = None
    level: str = "district"
    population_field: str | None = None
    filter_field: str | None = None
    filter_prefix: str | None = None


@dataclass(frozen=True)
class TableConfig:
    path: Path
    format: str = "long"
    sheet: str | None = None
    header: bool = True
    names: tuple[str, ...] | None = None
    delimiter: str | None = None
    encoding: str | None = None
    decimal: str | None = None
    skip_rows: int = 0
    columns: dict[str, str] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    sex_codes: dict[str, str] = field(default_factory=dict)
    indicators: dict[str, str] = field(default_factory=dict)
    numerator_suffix: str | None = None
    denominator_suffix: str | None = None
    unknown_indicators: str = "error"
    unknown_areas: str = "error"
    ignore_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class CityConfig:
    source: Path
    code: str
    name: str
    names: dict[str, str]  # lang -> name
    synthetic: bool
    row_code: str
    boundaries: BoundariesConfig
    prioritized: tuple[str, ...]
    catalogue: Path
    catalogue_sheet: str | None
    tables: tuple[TableConfig, ...]
    missing_markers: tuple[str, ...]
    decimal: str | None
    notes: Path | None = None  # the optional notes file (etl.notes)

    def files(self) -> list[tuple[str, Path]]:
        """(kind, path) of every source file, in load order."""
        notes = [("notes", self.notes)] if self.notes is not None else []
        return [("boundaries", self.boundaries.path), ("catalogue", self.catalogue)] + [
            ("table", t.path) for t in self.tables
        ] + notes


def _keys(section: str) -> dict[str, Key]:
    return {k.name: k for k in KEYS if k.section == section}


def _section(raw: dict[str, Any], section: str, where: str, src: Path) -> dict[str, Any]:
    """Fill defaults, reject unknown keys and report missing required ones."""
    known = _keys(section)
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise EtlError(
            f"{src}: unknown key(s) {listing(unknown, quote=False)} in [{where}]. "
            f"Fix: use one of {', '.join(sorted(known))} (see docs/config.md)."
        )
    out: dict[str, Any] = {}
    for name, key in known.items():
        if name in raw:
            out[name] = raw[name]
        elif key.required:
            raise EtlError(
                f"{src}: [{where}] has no '{name}'. Fix: add {name} = ... ({key.help})"
            )
        else:
            out[name] = key.default
    return out


def _choice(value: str, allowed: tuple[str, ...], what: str, src: Path) -> str:
    if value not in allowed:
        raise EtlError(f"{src}: {what} is {excerpt(value)}. Fix: use one of {', '.join(allowed)}.")
    return value


def _table(raw: dict[str, Any], i: int, src: Path) -> TableConfig:
    where = f"tables #{i + 1}"
    t = _section(raw, "tables", where, src)
    _choice(t["format"], ("long", "wide"), f"[{where}] format", src)
    _choice(t["unknown_indicators"], ("error", "ignore"), f"[{where}] unknown_indicators", src)
    _choice(t["unknown_areas"], ("error", "ignore"), f"[{where}] unknown_areas", src)
    if t["decimal"] is not None:
        _choice(t["decimal"], (".", ","), f"[{where}] decimal", src)
    bad = sorted(set(t["columns"]) - set(LONG_FIELDS))
    if bad:
        raise EtlError(
            f"{src}: [{where}.columns] has unknown field(s) {listing(bad, quote=False)}. "
            f"Fix: map only {', '.join(LONG_FIELDS)}."
        )
    if not t["header"] and not t["names"]:
        raise EtlError(
            f"{src}: [{where}] says header = false but gives no names. "
            "Fix: add names = [\"year\", \"area\", ...] in column order."
        )
    path = (src.parent / t["path"]).resolve()
    return TableConfig(
        path=path,
        format=t["format"],
        sheet=t["sheet"],
        header=bool(t["header"]),
        names=tuple(t["names"]) if t["names"] else None,
        delimiter=t["delimiter"],
        encoding=t["encoding"],
        decimal=t["decimal"],
        skip_rows=int(t["skip_rows"]),
        columns={k: str(v) for k, v in t["columns"].items()},
        constants={k: str(v) for k, v in t["constants"].items()},
        sex_codes={str(k): str(v) for k, v in t["sex_codes"].items()},
        indicators={str(k): str(v) for k, v in t["indicators"].items()},
        numerator_suffix=t["numerator_suffix"],
        denominator_suffix=t["denominator_suffix"],
        unknown_indicators=t["unknown_indicators"],
        unknown_areas=t["unknown_areas"],
        ignore_columns=tuple(str(c) for c in t["ignore_columns"]),
    )


def _check_characters(raw: object, src: Path, where: str) -> None:
    """No key or text in the configuration holds a control character (but tab and line ends)."""
    items = raw.items() if isinstance(raw, dict) else enumerate(raw) if isinstance(raw, list) else []
    for key, value in items:
        at = f"{where}.{key}" if where else str(key)
        for text in (str(key), value) if isinstance(value, str) else (str(key),):
            why = invisible(text, free_text=True)
            if why:
                raise EtlError(f"{src}: {printable(at, 80)} {why} (value: {excerpt(text)}). "
                               "Fix: remove it from the configuration.")
        _check_characters(value, src, at)


def load_config(path: str | Path) -> CityConfig:
    """Parse and check a city configuration file."""
    src = Path(path).resolve()
    trouble = unreadable(src)
    if trouble is not None:
        what = "configuration file not found" if trouble == "file not found" else trouble
        raise EtlError(f"{path}: {what}. Fix: give the path to a city TOML file.")
    try:
        raw = tomllib.loads(src.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        line = src.read_bytes()[: exc.start].count(b"\n") + 1
        raise EtlError(f"{src}: line {line} is not UTF-8 (byte {exc.object[exc.start]:#04x}). "
                       "Fix: save the configuration as UTF-8 (TOML files are always UTF-8).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise EtlError(f"{src}: not valid TOML ({exc}). Fix: correct the syntax at that line.") from exc
    _check_characters(raw, src, "")
    unknown = sorted(set(raw) - set(SECTIONS))
    if unknown:
        raise EtlError(
            f"{src}: unknown section(s) {listing(unknown, quote=False)}. Fix: use {', '.join(SECTIONS)}."
        )
    for needed in ("city", "boundaries", "catalogue", "tables"):
        if needed not in raw:
            raise EtlError(f"{src}: no [{needed}] section. Fix: add it (see docs/config.md).")
    city = _section(raw["city"], "city", "city", src)
    bnd = _section(raw["boundaries"], "boundaries", "boundaries", src)
    prio = _section(raw.get("prioritized", {}), "prioritized", "prioritized", src)
    cat = _section(raw["catalogue"], "catalogue", "catalogue", src)
    missing = _section(raw.get("missing", {}), "missing", "missing", src)
    notes = _section(raw.get("notes", {}), "notes", "notes", src)
    tables_raw = raw["tables"]
    if isinstance(tables_raw, dict):
        tables_raw = [tables_raw]
    if not tables_raw:
        raise EtlError(f"{src}: [[tables]] is empty. Fix: add at least one indicator table.")
    if missing["decimal"] is not None:
        _choice(missing["decimal"], (".", ","), "[missing] decimal", src)
    code = nfc(str(city["code"]))
    name = str(city["name"])
    return CityConfig(
        source=src,
        code=code,
        name=name,
        names={lang: str(city[f"name_{lang}"] or name) for lang in LANGS},
        synthetic=bool(city["synthetic"]),
        row_code=nfc(str(city["row_code"] or code)),
        boundaries=BoundariesConfig(
            path=(src.parent / bnd["path"]).resolve(),
            code_field=bnd["code_field"],
            name_field=bnd["name_field"],
            layer=bnd["layer"],
            crs=bnd["crs"],
            level=bnd["level"],
            population_field=bnd["population_field"],
            filter_field=bnd["filter_field"],
            filter_prefix=bnd["filter_prefix"],
        ),
        prioritized=tuple(nfc(str(c)) for c in prio["codes"]),
        catalogue=(src.parent / cat["path"]).resolve(),
        catalogue_sheet=cat["sheet"],
        tables=tuple(_table(t, i, src) for i, t in enumerate(tables_raw)),
        missing_markers=tuple(str(m) for m in missing["markers"]),
        decimal=missing["decimal"],
        notes=(src.parent / notes["path"]).resolve() if notes["path"] else None,
    )
