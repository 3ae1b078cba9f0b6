"""The ETL in four steps: read → validate → transform → load.

``validate(config)`` reads and checks everything and writes nothing.
``run(config)`` does the same, then replaces the store's city atomically; when
the store already holds exactly these files it does nothing and says so.
Each step reports what it did through ``say`` (the CLI prints it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import geopandas as gpd
import pandas as pd
from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from etl.boundaries import read_boundaries
from etl.catalogue import read_catalogue
from etl.cities import register
from etl.comparators import ComparatorData, read_comparators
from etl.config import CityConfig, load_config
from etl.crosswalk import read_keys
from etl.deprivation import check_deprivation
from etl.errors import EtlError, Problem, ValidationError
from etl.headline import check_headline_age_groups
from etl.interpolate import areal_crosswalks
from etl.load import (
    CityData,
    LoadResult,
    PreviousLoad,
    SourceFile,
    fingerprint,
    load_city,
    previous_load,
    record_batch,
    source_files,
)
from etl.notes import empty_notes, read_notes
from etl.programme_data import ProgrammeData
from etl.programme_inputs import read_programme_inputs
from etl.progress import progress_bar
from etl.readers import display_name
from etl.tables import read_tables
from store.cities import check_slug, city_engine, city_of, city_slugs, create_city, ensure_registry
from store.engine import database_url, get_engine, is_postgis
from store.migrate import check_schema, schema_state, upgrade
from store.read import VALUE_COLUMNS

Say = Callable[[str], None]


def _quiet(_message: str) -> None:
    return None


@dataclass(frozen=True)
class ValidationReport:
    """What ``validate`` found: the counts it would load and the warnings."""

    config: Path
    city_code: str
    areas: int
    indicators: int
    values: int
    periods: list[str]
    files: list[SourceFile]
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        span = f"{self.periods[0]}–{self.periods[-1]}" if self.periods else "no periods"
        return (
            f"{self.city_code}: {self.areas} areas (with the whole city), {self.indicators} "
            f"indicators, {self.values} values ({span}), {len(self.warnings)} warning(s)."
        )


@dataclass(frozen=True)
class Inputs:
    """The city read from its files, with every problem found."""

    areas: gpd.GeoDataFrame
    catalogue: pd.DataFrame
    values: pd.DataFrame
    files: list[SourceFile]
    problems: list[Problem]
    notes: pd.DataFrame = field(default_factory=empty_notes)  # store.read.NOTE_COLUMNS
    comparators: ComparatorData = field(default_factory=ComparatorData)
    programme: ProgrammeData = field(default_factory=ProgrammeData)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]


def read_inputs(
    cfg: CityConfig, say: Say = _quiet, files: list[SourceFile] | None = None
) -> Inputs:
    """Read and check boundaries, catalogue and tables; collect all problems."""
    crosswalks, problems, walk_rows = read_keys(cfg)
    areas, boundary_problems = read_boundaries(cfg, crosswalks)
    problems += boundary_problems
    say(
        f"Boundaries: {(areas['level'] != 'city').sum()} areas read from {cfg.boundaries.path.name}."
    )
    catalogue, cat_problems = read_catalogue(cfg)
    problems += cat_problems + check_deprivation(cfg, catalogue)
    say(f"Catalogue: {len(catalogue)} indicators read from {cfg.catalogue.name}.")
    codes = set(areas.loc[areas["level"] != "city", "code"])
    if not codes and any(p.severity == "error" for p in problems):
        say("Tables: not checked, because the boundaries could not be read.")
        values = pd.DataFrame(columns=VALUE_COLUMNS)
        rows: dict[str, int] = {}
    else:
        areal, areal_problems, areal_rows = areal_crosswalks(cfg, areas)
        problems += areal_problems
        walk_rows |= areal_rows
        if cfg.crosswalks:
            say(f"Crosswalks: {len(crosswalks) + len(areal)} read ({len(areal)} by areal interpolation).")
        names = dict(zip(areas["code"], areas["name"], strict=True))
        with progress_bar("Reading tables", total=None):
            tables = read_tables(cfg, codes, catalogue, names, crosswalks | areal)
        problems += tables.problems
        values = tables.values
        problems += check_headline_age_groups(
            catalogue, values, display_name(cfg.catalogue, cfg.source.parent)
        )
        rows = {str(k): int(v) for k, v in tables.rows_per_file.items()}
        say(f"Tables: {len(values) - tables.derived} values read from {len(cfg.tables)} file(s).")
        if cfg.derived:
            say(f"Derived: {tables.derived} values computed by {len(cfg.derived)} [[derived]] "
                f"block(s) from {len(cfg.sources)} source file(s).")
    notes, note_problems = _notes(cfg, codes, say)
    problems += note_problems
    comparators, comparator_problems = _comparators(cfg, catalogue, say)
    problems += comparator_problems
    rows |= {str(path): n for path, n in comparators.rows.items()}
    rows |= {str(path): n for path, n in walk_rows.items()}
    programme = read_programme_inputs(cfg, areas, catalogue, values, say)
    problems += programme.problems
    rows |= {str(path): n for path, n in programme.rows.items()}
    catalogue, values = programme.catalogue, programme.values
    files = _with_rows(files or source_files(cfg), areas, catalogue, rows, len(notes))
    return Inputs(areas, catalogue, values, files, problems, notes, comparators, programme.data)


def _comparators(cfg: CityConfig, catalogue: pd.DataFrame, say: Say
                 ) -> tuple[ComparatorData, list[Problem]]:
    """The [[comparators]] files, checked against the catalogue."""
    if not cfg.comparators:
        return ComparatorData(), []
    data, problems = read_comparators(cfg, catalogue)
    say(f"Comparators: {len(data.values)} values of {len(data.comparators)} comparator(s) read "
        f"from {len(cfg.comparators)} file(s).")
    return data, problems


def _notes(cfg: CityConfig, codes: set[str], say: Say) -> tuple[pd.DataFrame, list[Problem]]:
    """The optional notes file, checked against the area codes (not read without areas)."""
    if cfg.notes is None or not codes:
        return empty_notes(), []
    notes, problems = read_notes(cfg, codes)
    say(f"Notes: {len(notes)} notes on {notes['area_code'].nunique()} area(s) read from {cfg.notes.name}.")
    return notes, problems


def _with_rows(
    files: list[SourceFile], areas: gpd.GeoDataFrame, catalogue: pd.DataFrame, rows: dict[str, int],
    notes: int,
) -> list[SourceFile]:
    counts = {"boundaries": int((areas["level"] != "city").sum()), "catalogue": len(catalogue),
              "notes": notes}
    return [
        replace(f, rows=counts.get(f.kind, rows.get(str(f.path), rows.get(f.path.name))))
        for f in files
    ]


def _check(problems: list[Problem], say: Say) -> None:
    """Raise ValidationError with all errors; otherwise say how many warnings."""
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationError(problems)
    say(f"Validation: no errors, {len(problems)} warning(s).")


def validate(config_path: str | Path, say: Say = _quiet) -> ValidationReport:
    """Read and check everything; write nothing. Raises ValidationError with all problems."""
    cfg = load_config(config_path)
    inputs = read_inputs(cfg, say)
    _check(inputs.problems, say)
    return ValidationReport(
        config=cfg.source,
        city_code=cfg.code,
        areas=len(inputs.areas),
        indicators=len(inputs.catalogue),
        values=len(inputs.values),
        periods=sorted(inputs.values["period"].astype(str).unique()) if len(inputs.values) else [],
        files=inputs.files,
        warnings=inputs.warnings,
    )


def ensure_store(engine: Engine) -> None:
    """Create the store's tables, or bring an older store to this version's schema
    (data kept); a store from a newer version of the atlas is an error."""
    state = schema_state(engine)
    if state == "unknown":
        check_schema(engine)  # raises, saying how to fix it
    if state != "current":
        upgrade(engine)


def run(
    config_path: str | Path, engine: Engine | None = None, *, force: bool = False, say: Say = _quiet,
    city: str | None = None,
) -> LoadResult:
    """Validate and load a city atomically. Raises ValidationError or EtlError.

    With ``city`` (a slug), the store ``engine`` keeps its other cities: this one is
    loaded into its own tables (``store.cities``) and entered in the store's registry."""
    cfg = load_config(config_path)
    main = engine or get_engine(database_url())
    engine = main if city is None else city_engine(main.url.render_as_string(hide_password=False),
                                                   check_slug(city))
    if city is not None:
        ensure_store(main)  # its own city stays empty; its pages then point to the cities
        ensure_registry(main)
        create_city(engine)
    ensure_store(engine)
    files = source_files(cfg)
    print_ = fingerprint(cfg, files)
    complete = all(f.sha256 for f in files)
    previous = previous_load(engine, print_) if complete and not force else None
    if previous is not None:
        if city is not None and city not in city_slugs(main):
            register(main, engine)  # a registry made again (or dropped) gets the city back
        return _unchanged(engine, cfg, print_, previous, say)
    try:
        inputs = read_inputs(cfg, say, files)
        _check(inputs.problems, say)
    except EtlError as exc:
        record_batch(engine, cfg, print_, "failed", exc)
        raise
    data = CityData(cfg, inputs.areas, inputs.catalogue, inputs.values, inputs.files, print_,
                    inputs.notes, inputs.comparators, inputs.programme)
    with progress_bar("Loading values", total=len(inputs.values)) as advance:
        result = load_city(engine, data, advance, after=_registration(main, engine))
    if city is not None and not is_postgis(engine):
        register(main, engine)  # SQLite: the registry is another file, written after the load
    say(result.message)
    return replace(result, warnings=inputs.warnings)


def _registration(main: Engine, engine: Engine) -> Callable[[Connection], None] | None:
    """On PostgreSQL, a city's registry rows written in its load's own transaction."""
    if city_of(engine) is None or not is_postgis(engine):
        return None
    return lambda conn: register(main, engine, conn)


def _unchanged(
    engine: Engine, cfg: CityConfig, print_: str, previous: PreviousLoad, say: Say
) -> LoadResult:
    when = previous.finished_at.strftime("%Y-%m-%d %H:%M:%S") if previous.finished_at else "?"
    message = (
        f"Nothing to do: these files were loaded in batch {previous.id} at {when}. "
        "Use --force to load them again."
    )
    record_batch(engine, cfg, print_, "unchanged", message)
    say(message)
    return LoadResult(
        previous.id,
        "unchanged",
        previous.areas_loaded or 0,
        previous.indicators_loaded or 0,
        previous.values_loaded or 0,
        message=message,
        unchanged=True,
    )
