"""``[[sources]]``: files read as inputs of derived indicators (area × period × sex × age band
× categories, and number columns), never loaded themselves.

Each file is read once, however many terms use it. Key cells are stripped and
checked once per distinct code (unknown areas, sex codes not mapped, empty
periods, age labels outside ``age_bands``); category cells are stripped, so a
value with stray spaces (``'löneinkomst '``) matches ``where`` without them.
Number columns are parsed only when a term asks for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from etl.ages import Band, parse_band
from etl.characters import invisible, nfc
from etl.checks import close_matches
from etl.context import Context
from etl.derived_config import SourceConfig
from etl.errors import Problem, excerpt, listing
from etl.keys import Tally, tally_problems
from etl.names import area_key
from etl.numbers import detect_decimal, parse_measure
from etl.opening import open_input
from etl.readers import TextTable, display_name, read_all
from store.schema import SEXES

KEYS = ("area_code", "period", "sex", "age_group")


@dataclass
class SourceData:
    """One source read as text keys and lazily parsed numbers."""

    cfg: SourceConfig
    file: str
    keys: pd.DataFrame  # KEYS, the categories (stripped text) and line
    texts: dict[str, pd.Series]  # the other columns, as text: candidates for numbers
    header_line: int | None
    delimiter: str | None
    has_sex: bool
    has_age: bool
    decimal: str | None = None
    failed: bool = False  # its keys have errors (reported): terms do not read it
    parsed: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    estimated: np.ndarray | None = None  # per key row: an estimate (etl.aggregate); None: none is

    @property
    def number_columns(self) -> list[str]:
        return list(self.texts)

    def bands(self) -> dict[str, Band]:
        """The source's age labels that are bands, with their band."""
        labels = self.keys["age_group"].unique()
        return {str(a): b for a in labels if (b := parse_band(str(a))) is not None}

    def numbers(self, column: str, ctx: Context) -> tuple[np.ndarray, np.ndarray]:
        """Values and marked (suppressed) cells of a number column; bad cells reported once."""
        if column in self.parsed:
            return self.parsed[column]
        if self.decimal is None:  # a sample of about 20,000 cells, however wide the file
            columns = list(self.texts)[:50]
            rows = max(400, 20_000 // max(1, len(columns)))
            sample = [self.texts[c].head(rows) for c in columns]
            self.decimal = self.cfg.decimal or ctx.cfg.decimal or detect_decimal(sample, self.delimiter)
        markers = {m.strip() for m in ctx.cfg.missing_markers if m.strip()}
        markers |= {m.upper() for m in markers}
        cells = self.texts[column]
        values, bad, marked = parse_measure(cells, markers, self.decimal)
        idx, lines = np.flatnonzero(bad), self.keys["line"].to_numpy()
        kind = f"not a number in {column}"
        ctx.log.add(kind, len(idx), [
            Problem(self.file, f"{excerpt(column)} is not a number", f"write a number with "
                    f"'{self.decimal}' as decimal separator, or a missing-value marker",
                    row=int(lines[i]), column=column, value=cells.iat[i])
            for i in idx[: ctx.log.room(self.file, kind)]
        ])
        self.parsed[column] = (values, marked)
        return values, marked


def _fields(s: SourceConfig, table: TextTable) -> tuple[dict[str, str], list[Problem]]:
    """Key field -> file column; problems for configured columns the file lacks."""
    columns, constants = dict(s.columns), dict(s.constants)
    fields, problems = {}, []
    for name in ("area", "period", "sex", "age_group"):
        col = columns.get(name, name if name not in constants else None)
        if col is not None and col in table.columns:
            fields[name] = col
        elif name in columns:
            problems.append(_missing(s, table, f"columns.{name}", col or ""))
    for name in ("area", "period"):
        if name not in fields and name not in constants and name not in columns:
            problems.append(Problem(
                table.file, f"no column for {name}", f'add columns.{name} = "..." naming one of '
                f"{listing(table.columns)}, or constants.{name}, in {s.label}", row=table.header_line))
    for col in s.categories:
        if col not in table.columns:
            problems.append(_missing(s, table, "categories", col))
    for key, name in (("sex_codes", "sex"), ("age_bands", "age_group")):
        if getattr(s, key) and name not in fields and name not in constants:
            problems.append(Problem(
                table.file, f"{s.label} gives {key} but the file has no {name} column",
                f'map the column with columns.{name} = "...", or remove {key}',
                row=table.header_line))
    return fields, problems


def _missing(s: SourceConfig, table: TextTable, key: str, col: str) -> Problem:
    return Problem(table.file, f"column {excerpt(col)} ({s.label} {key}) is not in the file",
                   f"name one of the file's columns: {listing(table.columns)}"
                   f"{close_matches(col, table.columns)}", row=table.header_line, column=col)


def _recode(cells: pd.Series, lookup: Callable[[str], str | None]) -> tuple[np.ndarray, np.ndarray]:
    """Each distinct stripped cell through ``lookup`` once: mapped values (object) and unknown mask."""
    codes, uniques = pd.factorize(cells.to_numpy(dtype=object))
    mapped = np.array([lookup(str(u).strip()) for u in uniques] + [None], dtype=object)
    out = mapped[codes]
    return out, pd.isna(out)


def _lookups(ctx: Context, s: SourceConfig) -> dict[str, Callable[[str], str | None]]:
    city = {nfc(ctx.cfg.row_code), nfc(ctx.cfg.code)}
    sexes = {x: x for x in SEXES} | {x.upper(): x for x in SEXES} | {x.capitalize(): x for x in SEXES}
    sex_codes = dict(s.sex_codes)

    def area(code: str) -> str | None:
        code = nfc(code)
        return None if invisible(code) else ctx.cfg.code if code in city else (
            code if code in ctx.areas else None)

    def sex(code: str) -> str | None:
        return sex_codes.get(code, sexes.get(code, "total" if code == "" and not sex_codes else None))

    return {"area": area, "sex": sex, "period": lambda c: c or None}


def _age(s: SourceConfig, cells: pd.Series, lines: np.ndarray, file: str,
         column: str) -> tuple[np.ndarray, list[Problem]]:
    """Age labels as bands' text ('0-4', '65+', 'all'), through age_bands when given."""
    bands = {nfc(k).strip(): str(parse_band(v)) for k, v in s.age_bands}
    codes, uniques = pd.factorize(cells.to_numpy(dtype=object))
    labels = [nfc(str(u)).strip() for u in uniques]
    if not bands:
        mapped = [str(parse_band(t)) if parse_band(t) else (t or "all") for t in labels]
        return np.array(mapped, dtype=object)[codes], []
    problems = []
    for i, label in enumerate(labels):
        if label not in bands:
            rows = np.flatnonzero(codes == i)
            problems.append(Problem(
                file, f"age label {excerpt(label)} is not in {s.label} age_bands ({len(rows):,} row(s))",
                f'map it to a band: age_bands = {{ "{label[:40]}" = "{_guess(label)}" }} (bands are '
                "written 0-4, 65+ or all)",
                row=int(lines[rows[0]]), column=column, value=label))
    return np.array([bands.get(t, t) for t in labels], dtype=object)[codes], problems


def _guess(label: str) -> str:
    """A band for a label, for the fix: '80 år och äldre' -> '80+', '0-4 år' -> '0-4'."""
    numbers = re.findall(r"\d+", label)
    return f"{numbers[0]}-{numbers[1]}" if len(numbers) >= 2 else f"{numbers[0]}+" if numbers else "all"


def _read(ctx: Context, s: SourceConfig) -> tuple[SourceData | None, int]:
    file = display_name(s.path, ctx.cfg.source.parent)
    walk = ctx.crosswalks.get(s.crosswalk) if s.crosswalk else None
    if s.crosswalk and (walk is None or walk.failed):
        return None, 0  # the crosswalk could not be read; its problems say why
    table = open_input(s, file)
    ctx.log.problems += table.problems
    del table.problems[:]
    if not table.columns:
        return None, 0
    fields, problems = _fields(s, table)
    ctx.log.problems += problems
    if problems:
        return None, 0
    frame, lines = read_all(table)
    ctx.log.problems += table.problems
    ctx.log.problems += [p for p in (table.blank_problem(), table.notes_problem()) if p is not None]
    if frame.empty:
        ctx.log.problems.append(Problem(file, "the source has a header but no data rows",
                                        f"export it again with its data, or remove {s.label}",
                                        row=table.header_line))
        return None, 0
    return _typed(ctx, s, table, frame, lines, fields), len(frame)


def _spaced(file: str, column: str, cells: pd.Series, stripped: pd.Series,
            lines: np.ndarray) -> list[Problem]:
    """A warning counting category cells with stray spaces (matched after trimming)."""
    spaced = np.flatnonzero((cells != stripped).to_numpy())
    if not len(spaced):
        return []
    first = int(spaced[0])
    return [Problem(file, f"{len(spaced):,} cell(s) of {excerpt(column)} have spaces around the value; "
                    f"they were matched after trimming (e.g. {excerpt(cells.iat[first])} as "
                    f"{excerpt(stripped.iat[first])})", "nothing; or remove the spaces in the file",
                    row=int(lines[first]), column=column, value=cells.iat[first], severity="warning")]


def _typed(ctx: Context, s: SourceConfig, table: TextTable, frame: pd.DataFrame,
           lines: np.ndarray, fields: dict[str, str]) -> SourceData:
    constants = dict(s.constants)
    keys = pd.DataFrame({"line": lines})
    keep = np.ones(len(frame), dtype=bool)
    tallies = {k: Tally() for k in ("unknown area", "ignored area", "unknown sex", "unknown period")}
    lookups = _lookups(ctx, s)
    key = area_key(ctx.cfg, s.label, s.area_match, s.crosswalk, ctx.areas, ctx.names, ctx.crosswalks)
    if key is not None:
        lookups["area"] = key.lookup
    for name, column in (("area", "area_code"), ("period", "period"), ("sex", "sex")):
        cells = frame[fields[name]] if name in fields else pd.Series(
            [constants.get(name, "")] * len(frame), dtype=object)
        keys[column], unknown = _recode(cells, lookups[name])
        ignore = name == "area" and s.unknown_areas == "ignore"
        shown = np.array([str(c).strip() for c in cells.to_numpy(dtype=object)[unknown]], dtype=object)
        tallies[f"{'ignored' if ignore else 'unknown'} {name}"].add(shown, lines[unknown])
        keep &= ~unknown
    age_cells = frame[fields["age_group"]] if "age_group" in fields else pd.Series(
        [constants.get("age_group", "all")] * len(frame), dtype=object)
    keys["age_group"], problems = _age(s, age_cells, lines, table.file, fields.get("age_group", ""))
    for col in s.categories:
        cells = frame[col].astype(str)
        stripped = cells.str.strip()
        keys[col] = stripped.map(nfc).to_numpy(dtype=object)
        problems += _spaced(table.file, col, cells, stripped, lines)
    valid = {"area": sorted(ctx.areas | {ctx.cfg.row_code})}
    if key is not None:
        problems += key.problems(tallies, table.file, fields.get("area"), ctx.log.limit)
    found = problems + [replace(p, fix=p.fix.replace("[[tables]]", s.label))
                        for p in tally_problems(tallies, table.file, fields, valid, ctx.log.limit)]
    ctx.log.problems += found
    used = set(fields.values()) | set(s.categories)
    texts = {c: frame[c] for c in table.columns if c not in used}
    data = SourceData(s, table.file, keys.loc[keep].reset_index(drop=True),
                      {c: t.loc[keep].reset_index(drop=True) for c, t in texts.items()},
                      table.header_line, table.delimiter, "sex" in fields or "sex" in constants,
                      "age_group" in fields or "age_group" in constants)
    data.failed = any(p.severity == "error" for p in found)
    return data


def read_sources(ctx: Context) -> tuple[dict[str, SourceData], dict[Path, int]]:
    """Every [[sources]] block that can be read, by name, and the rows read per file."""
    out, rows = {}, {}
    for s in ctx.cfg.sources:
        data, n = _read(ctx, s)
        rows[s.path] = n
        if data is not None:
            out[s.name] = data
    return out, rows
