"""The city configuration: one TOML file per city (documented in docs/config.md).

Every key is declared as data (section, name, default, help) in
``etl.config_keys``; unknown keys fail listing the valid ones, a key given where
it cannot apply is refused (never ignored), and a test checks that
docs/config.md documents every key. ``[[sources]]`` and ``[[derived]]`` are
read by ``etl.derived_config``, ``[[comparators]]`` by ``etl.comparator_config``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl.area_config import (
    AreaMatch,
    Correction,
    CrosswalkConfig,
    Keyed,
    check_references,
    corrections_line,
    read_area_match,
    read_corrections,
    read_crosswalks,
    read_dissolve,
)
from etl.assessment_config import AssessmentConfig, read_assessment_config
from etl.characters import invisible, nfc
from etl.comparator_config import ComparatorConfig, read_comparators
from etl.config_keys import (
    KEYS,
    LONG_FIELDS,
    REQUIRED,
    SECTIONS,
    WIDE_CONSTANTS,
    WIDE_FIELDS,
    XLSX,
    Key,
    PeriodColumns,
    check_fields,
    check_reading,
    choice,
    reading_options,
    refuse,
    section,
)
from etl.derived_config import DerivedConfig, SourceConfig, read_derived, read_sources
from etl.errors import EtlError, excerpt, listing, printable
from etl.paths import unreadable
from etl.places_config import PlacesConfig, read_places_config
from etl.programme_config import ProgrammeConfig, read_programme_config
from settings.languages import LANGS

__all__ = ["KEYS", "LONG_FIELDS", "REQUIRED", "SECTIONS", "CityConfig", "Key", "TableConfig",
           "load_config"]


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
    corrections: tuple[Correction, ...] = ()  # etl.corrections
    corrections_line: int | None = None  # line of `corrections =` in the configuration
    dissolve: str | None = None  # name of the crosswalk the features are dissolved by


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
    notes_below: bool = False
    period_from_columns: PeriodColumns | None = None
    columns: dict[str, str] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    sex_codes: dict[str, str] = field(default_factory=dict)
    indicators: dict[str, str] = field(default_factory=dict)
    numerator_suffix: str | None = None
    denominator_suffix: str | None = None
    unknown_indicators: str = "error"
    unknown_areas: str = "error"
    ignore_columns: tuple[str, ...] = ()
    area_match: AreaMatch | None = None  # etl.names
    crosswalk: str | None = None  # name of a [[crosswalks]] block (etl.crosswalk)


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
    sources: tuple[SourceConfig, ...] = ()  # inputs of derived indicators (etl.sources)
    derived: tuple[DerivedConfig, ...] = ()  # derived indicators (etl.derive)
    deprivation: str | None = None  # catalogue id of the deprivation measure (etl.deprivation)
    comparators: tuple[ComparatorConfig, ...] = ()  # the country's, the region's values
    crosswalks: tuple[CrosswalkConfig, ...] = ()  # area keys (etl.crosswalk, etl.interpolate)
    programme: ProgrammeConfig | None = None  # the programme register (etl.programme_register)
    places: tuple[PlacesConfig, ...] = ()  # resources and arenas as points (etl.places)
    assessments: tuple[AssessmentConfig, ...] = ()  # self-assessment rounds (etl.assessment)

    def files(self) -> list[tuple[str, Path]]:
        """(kind, path) of every source file, in load order."""
        notes = [("notes", self.notes)] if self.notes is not None else []
        sources = [("source", s.path) for s in self.sources]
        comparators = [("comparator", c.path) for c in self.comparators]
        crosswalks = [("crosswalk", c.path) for c in self.crosswalks] + [
            ("population", c.population_path) for c in self.crosswalks if c.population_path]
        programme = [
            *(self.programme.paths() if self.programme else []),
            *(kp for p in self.places for kp in p.paths()),
            *(kp for a in self.assessments for kp in a.paths()),
        ]
        return [("boundaries", self.boundaries.path), ("catalogue", self.catalogue)] + [
            ("table", t.path) for t in self.tables
        ] + sources + notes + comparators + crosswalks + programme


def _table_keys(raw: dict[str, Any], t: dict[str, Any], where: str, src: Path) -> None:
    """Keys of one layout that the other layout reads are refused, never ignored."""
    if t["format"] == "wide":
        if "period_from_columns" in raw:
            raise refuse(src, where, "period_from_columns", "applies to long tables (the matched "
                         "columns become rows of one value column)", 'set format = "long"')
        check_fields(t["columns"], WIDE_FIELDS, f"{where}.columns", src,
                     " (a wide table takes each indicator's value, numerator and denominator "
                     "from its own columns; columns.denominator is one column shared by all)")
        check_fields(t["constants"], WIDE_CONSTANTS, f"{where}.constants", src,
                     " (in a wide table the measures come from the indicator columns; "
                     "a shared denominator is columns.denominator)")
        return
    check_fields(t["columns"], LONG_FIELDS, f"{where}.columns", src)
    check_fields(t["constants"], LONG_FIELDS, f"{where}.constants", src)
    for key in ("numerator_suffix", "denominator_suffix", "ignore_columns"):
        if key in raw:
            raise refuse(src, where, key, "applies to wide tables only (this one is long)",
                         f'remove {key}, or set format = "wide"')


def _table(raw: dict[str, Any], i: int, src: Path) -> TableConfig:
    where = f"tables #{i + 1}"
    t = section(raw, "tables", where, src)
    choice(t["format"], ("long", "wide"), f"[{where}] format", src)
    choice(t["unknown_indicators"], ("error", "ignore"), f"[{where}] unknown_indicators", src)
    choice(t["unknown_areas"], ("error", "ignore"), f"[{where}] unknown_areas", src)
    path = check_reading(raw, t, where, src)
    _table_keys(raw, t, where, src)
    return TableConfig(
        path=path,
        format=t["format"],
        **reading_options(t, where, src),
        columns={k: str(v) for k, v in t["columns"].items()},
        constants={k: str(v) for k, v in t["constants"].items()},
        sex_codes={str(k): str(v) for k, v in t["sex_codes"].items()},
        indicators={str(k): str(v) for k, v in t["indicators"].items()},
        numerator_suffix=t["numerator_suffix"],
        denominator_suffix=t["denominator_suffix"],
        unknown_indicators=t["unknown_indicators"],
        unknown_areas=t["unknown_areas"],
        ignore_columns=tuple(str(c) for c in t["ignore_columns"]),
        area_match=read_area_match(t["area_match"], where, src),
        crosswalk=None if t["crosswalk"] is None else nfc(str(t["crosswalk"])),
    )


def _boundaries(raw: dict[str, Any], src: Path, text: str = "") -> BoundariesConfig:
    bnd = section(raw, "boundaries", "boundaries", src)
    for given, needed in (("filter_field", "filter_prefix"), ("filter_prefix", "filter_field")):
        if given in raw and needed not in raw:
            raise refuse(src, "boundaries", given, f"works only together with {needed}",
                         f"add {needed}, or remove {given}")
    return BoundariesConfig(
        path=(src.parent / bnd["path"]).resolve(),
        code_field=bnd["code_field"],
        name_field=bnd["name_field"],
        layer=bnd["layer"],
        crs=bnd["crs"],
        level=bnd["level"],
        population_field=bnd["population_field"],
        filter_field=bnd["filter_field"],
        filter_prefix=bnd["filter_prefix"],
        corrections=read_corrections(bnd["corrections"], src),
        corrections_line=corrections_line(text),
        dissolve=read_dissolve(bnd["dissolve"], src),
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
        text = src.read_text(encoding="utf-8")
        raw = tomllib.loads(text)
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
    city = section(raw["city"], "city", "city", src)
    prio = section(raw.get("prioritized", {}), "prioritized", "prioritized", src)
    cat = section(raw["catalogue"], "catalogue", "catalogue", src)
    if "sheet" in raw["catalogue"] and not str(cat["path"]).lower().endswith(XLSX):
        raise refuse(src, "catalogue", "sheet", f"applies to XLSX workbooks, not to "
                     f"{excerpt(str(cat['path']))}", "remove sheet, or point path at the .xlsx file")
    missing = section(raw.get("missing", {}), "missing", "missing", src)
    notes = section(raw.get("notes", {}), "notes", "notes", src)
    tables_raw = raw["tables"]
    if isinstance(tables_raw, dict):
        tables_raw = [tables_raw]
    if not tables_raw:
        raise EtlError(f"{src}: [[tables]] is empty. Fix: add at least one indicator table.")
    if missing["decimal"] is not None:
        choice(missing["decimal"], (".", ","), "[missing] decimal", src)
    code = nfc(str(city["code"]))
    name = str(city["name"])
    cfg = CityConfig(
        source=src,
        code=code,
        name=name,
        names={lang: str(city[f"name_{lang}"] or name) for lang in LANGS},
        synthetic=bool(city["synthetic"]),
        row_code=nfc(str(city["row_code"] or code)),
        boundaries=_boundaries(raw["boundaries"], src, text),
        prioritized=tuple(nfc(str(c)) for c in prio["codes"]),
        catalogue=(src.parent / cat["path"]).resolve(),
        catalogue_sheet=cat["sheet"],
        tables=tuple(_table(t, i, src) for i, t in enumerate(tables_raw)),
        missing_markers=tuple(str(m) for m in missing["markers"]),
        decimal=missing["decimal"],
        notes=(src.parent / notes["path"]).resolve() if notes["path"] else None,
        sources=read_sources(raw.get("sources", []), src, text),
        derived=read_derived(raw.get("derived", []), src, text),
        deprivation=nfc(str(city["deprivation"])) if city["deprivation"] is not None else None,
        comparators=read_comparators(raw.get("comparators", []), src, text),
        crosswalks=read_crosswalks(raw.get("crosswalks", []), src, text),
        programme=read_programme_config(raw.get("programme"), src, text),
        places=read_places_config(raw.get("places", []), src, text),
        assessments=read_assessment_config(raw.get("assessments", []), src, text),
    )
    blocks = [Keyed(f"[tables #{i + 1}]", t.area_match, t.crosswalk) for i, t in enumerate(cfg.tables)]
    blocks += [Keyed(s.label, s.area_match, s.crosswalk) for s in cfg.sources]
    check_references(src, blocks, cfg.crosswalks, cfg.boundaries.dissolve)
    return cfg
