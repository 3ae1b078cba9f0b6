"""Comparators: the country's or the region's values of the city's indicators.

Each ``[[comparators]]`` block (``etl.comparator_config``) names one comparator and one
long table, read like a ``[[tables]]`` file (CSV or XLSX, delimiter, encoding and decimal
detected; ``columns``, ``constants``, ``sex_codes`` and ``indicators`` map it): one row
per indicator × period × sex × age group with the value and, optionally, its 95% limits.
Every problem is collected with file, row, column, value and fix: an unknown indicator, a
value that is not a number, a lower limit above the value or an upper one below it, two
rows for the same key, an empty or unmapped key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from etl.characters import CONTROL_FIX, invisible
from etl.checks import ProblemLog, close_matches
from etl.comparator_config import ComparatorConfig
from etl.config import CityConfig
from etl.config_keys import COMPARATOR_FIELDS
from etl.errors import Problem, excerpt, listing
from etl.numbers import detect_decimal, parse_measure
from etl.opening import open_input
from etl.readers import TextTable, display_name, read_all
from store.read import COMPARATOR_COLUMNS, COMPARATOR_VALUE_COLUMNS
from store.schema import SEXES

REQUIRED = ("indicator", "period", "value")
KEY = ("indicator", "period", "sex", "age_group")
LIMITS = ("lower_ci", "upper_ci")


@dataclass(frozen=True)
class ComparatorData:
    """The comparators (``store.read.COMPARATOR_COLUMNS``) and their values
    (``COMPARATOR_VALUE_COLUMNS``), with the data rows read per file."""

    comparators: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=COMPARATOR_COLUMNS))
    values: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=COMPARATOR_VALUE_COLUMNS))
    rows: dict[Path, int] = field(default_factory=dict)

    def tables(self) -> list[tuple[str, pd.DataFrame, list[str]]]:
        """(store table, frame, columns) of what a load writes, parents first."""
        return [("comparators", self.comparators, COMPARATOR_COLUMNS),
                ("comparator_values", self.values, COMPARATOR_VALUE_COLUMNS)]


def _fields(c: ComparatorConfig, table: TextTable) -> tuple[dict[str, str], list[Problem]]:
    """Source column of each field (mapped, or named like the field), and what is missing."""
    fields: dict[str, str] = {}
    problems = []
    shown = listing(table.columns)
    for name in COMPARATOR_FIELDS:
        source = c.columns.get(name)
        if source is not None and source not in table.columns:
            problems.append(Problem(
                table.file, f"column {excerpt(source)} (for {name}) is not in the file",
                f"map {name} to one of the columns: {shown}{close_matches(source, table.columns)} "
                f"in {c.label} columns", row=table.header_line, column=source))
        elif source is not None:
            fields[name] = source
        elif name not in c.constants and name in table.columns:
            fields[name] = name
    for name in REQUIRED:
        if name not in fields and name not in c.constants and name not in c.columns:
            problems.append(Problem(
                table.file, f"no column for {name}",
                f'add columns.{name} = "..." to {c.label} naming one of {shown}',
                row=table.header_line))
    return fields, problems


def _texts(frame: pd.DataFrame, c: ComparatorConfig, fields: dict[str, str], name: str) -> pd.Series:
    if name in fields:
        return frame[fields[name]].astype(str).str.strip().str.normalize("NFC")
    return pd.Series(c.constants.get(name, ""), index=frame.index, dtype=object)


class _Reader:
    """Reads one comparator's file into rows, logging problems (at most ``LIMIT`` a kind)."""

    def __init__(self, cfg: CityConfig, c: ComparatorConfig, ids: set[str], log: ProblemLog,
                 file: str, fields: dict[str, str]) -> None:
        self.cfg, self.c, self.ids, self.log, self.file, self.fields = cfg, c, ids, log, file, fields

    def add(self, kind: str, lines: np.ndarray, name: str, message: str, fix: str,
            values: list[object]) -> None:
        room = self.log.room(self.file, kind)
        self.log.add(kind, len(lines), [
            Problem(self.file, message, fix, row=int(line), column=self.fields.get(name),
                    value=value) for line, value in zip(lines[:room], values[:room], strict=True)])

    def keys(self, frame: pd.DataFrame, lines: np.ndarray) -> tuple[dict[str, pd.Series], np.ndarray]:
        """The key columns as stored, and the rows to keep (unknown indicators ignored)."""
        texts = {name: _texts(frame, self.c, self.fields, name) for name in KEY}
        keep = np.ones(len(frame), dtype=bool)
        for name, text in texts.items():
            bad = text.map(lambda t: bool(invisible(t))).to_numpy(dtype=bool)
            self.add(f"control character in {name}", lines[bad], name,
                     f"{name} holds a control or invisible character", CONTROL_FIX,
                     text[bad].tolist())
            keep &= ~bad
        indicator = texts["indicator"].map(lambda t: self.c.indicators.get(t, t))
        for name in ("indicator", "period"):
            empty = (texts[name] == "").to_numpy() & keep
            self.add(f"empty {name}", lines[empty], name, f"{name} is empty",
                     f"fill in the {name} of every row, or remove the row", [None] * int(empty.sum()))
            keep &= ~empty
        if self.ids:
            unknown = ~indicator.isin(self.ids).to_numpy() & keep
            if self.c.unknown_indicators == "ignore":
                keep &= ~unknown
            else:
                self._unknown(texts["indicator"][unknown], lines[unknown])
                keep &= ~unknown
        texts["indicator"] = indicator
        texts["sex"], keep = self._sexes(texts["sex"], lines, keep)
        texts["age_group"] = texts["age_group"].where(texts["age_group"] != "", "all")
        return texts, keep

    def _unknown(self, codes: pd.Series, lines: np.ndarray) -> None:
        """One problem per unknown indicator code: its first row and how many rows have it."""
        firsts = pd.DataFrame({"code": codes.to_numpy(), "line": lines}).groupby(
            "code", sort=False)["line"].agg(["min", "size"]).sort_values("min")
        for code, first, n in firsts.head(self.log.room(self.file, "unknown indicator")).itertuples():
            rows = f" on {n:,} rows, first at row {first}" if n > 1 else ""
            self.log.add("unknown indicator", 1, [Problem(
                self.file, f"unknown indicator{rows}: not in the catalogue",
                f"use a catalogue id, map it in {self.c.label} indicators = "
                f'{{ "{code}" = "catalogue_id" }}, or set unknown_indicators = "ignore"'
                + close_matches(str(code), sorted(self.ids)),
                row=int(first), column=self.fields.get("indicator"), value=code)])

    def _sexes(self, text: pd.Series, lines: np.ndarray, keep: np.ndarray) -> tuple[pd.Series, np.ndarray]:
        plain = {s: s for s in SEXES} | {s.upper(): s for s in SEXES} | {s.capitalize(): s for s in SEXES}
        mapped = text.map(lambda t: self.c.sex_codes.get(
            t, plain.get(t, "total" if t == "" and not self.c.sex_codes else None)))
        bad = mapped.isna().to_numpy() & keep
        self.add("sex code not mapped", lines[bad], "sex", "sex code not mapped",
                 f'map it in {self.c.label} sex_codes = {{ "code" = "female" }} (values: total, female, male)',
                 text[bad].tolist())
        return mapped, keep & ~bad

    def numbers(self, frame: pd.DataFrame, lines: np.ndarray, table: TextTable) -> dict[str, np.ndarray]:
        """Value and limits as floats (a missing-value marker or an empty cell: NaN)."""
        texts = {n: _texts(frame, self.c, self.fields, n) for n in ("value", *LIMITS)}
        decimal = self.c.decimal or self.cfg.decimal or detect_decimal(list(texts.values()),
                                                                      table.delimiter)
        markers = {m.strip() for m in self.cfg.missing_markers if m.strip()}
        out = {}
        for name, text in texts.items():
            out[name], bad, _marked = parse_measure(text, markers | {m.upper() for m in markers},
                                                    decimal)
            self.add(f"{name} not a number", lines[bad], name, f"{name} is not a number",
                     f"write a number with '{decimal}' as decimal separator, or a missing-value "
                     "marker", text[bad].tolist())
        return out

    def limits(self, num: dict[str, np.ndarray], lines: np.ndarray, keep: np.ndarray) -> None:
        value, low, high = num["value"], num["lower_ci"], num["upper_ci"]
        with np.errstate(invalid="ignore"):
            swapped = (low > high) & keep
            for name, bad, what in (
                ("lower_ci", (low > value) & ~swapped & keep, "lower confidence limit is above the value"),
                ("upper_ci", (high < value) & ~swapped & keep, "upper confidence limit is below the value"),
                ("lower_ci", swapped, "lower confidence limit is above the upper one"),
            ):
                self.add(what, lines[bad], name, what, "check the value and the lower_ci/upper_ci "
                         "columns of this row (not swapped, same indicator and period)",
                         [float(v) for v in (low if name == "lower_ci" else high)[bad]])

    def duplicates(self, keys: pd.DataFrame, lines: np.ndarray) -> None:
        dup = keys.duplicated(keep="first").to_numpy()
        if not dup.any():
            return
        firsts = keys.drop_duplicates(keep="first")
        first = {tuple(k): int(lines[i]) for i, k in zip(firsts.index, firsts.itertuples(index=False),
                                                          strict=True)}
        rows = keys[dup].head(self.log.room(self.file, "duplicate key"))
        self.log.add("duplicate key", int(dup.sum()), [
            Problem(self.file, f"duplicate row: same indicator, period, sex and age group as row "
                    f"{first[tuple(k)]}", "keep one of the two rows (or give them different "
                    "periods, sexes or age groups)", row=int(line),
                    column=self.fields.get("indicator"), value="/".join(k))
            for k, line in zip(rows.itertuples(index=False), lines[dup], strict=False)])


def _read_one(cfg: CityConfig, c: ComparatorConfig, ids: set[str], log: ProblemLog,
              ) -> tuple[pd.DataFrame | None, int]:
    file = display_name(c.path, cfg.source.parent)
    table = open_input(c, file)
    log.problems += table.problems
    del table.problems[:]
    if not table.columns:
        return None, 0
    fields, problems = _fields(c, table)
    log.problems += problems
    if problems:
        return None, 0
    frame, lines = read_all(table)
    log.problems += table.problems + [p for p in (table.blank_problem(), table.notes_problem()) if p]
    if frame.empty:
        log.problems.append(Problem(file, "the table has a header but no data rows",
                                    f"export the comparator's values again, or remove {c.label}",
                                    row=table.header_line))
        return None, 0
    reader = _Reader(cfg, c, ids, log, file, fields)
    keys, keep = reader.keys(frame, lines)
    numbers = reader.numbers(frame, lines, table)
    reader.limits(numbers, lines, keep)
    key_frame = pd.DataFrame({n: keys[n] for n in KEY})
    reader.duplicates(key_frame[keep], lines[keep])
    values = pd.DataFrame({
        "comparator_code": c.code, "indicator_id": keys["indicator"], "period": keys["period"],
        "sex": keys["sex"], "age_group": keys["age_group"], **numbers})[keep]
    return values[COMPARATOR_VALUE_COLUMNS], len(frame)


def read_comparators(cfg: CityConfig, catalogue: pd.DataFrame) -> tuple[ComparatorData, list[Problem]]:
    """The comparators of ``cfg`` and their values, checked against the catalogue's ids."""
    if not cfg.comparators:
        return ComparatorData(), []
    ids = set(catalogue["id"].dropna()) if "id" in catalogue else set()
    log = ProblemLog()
    parts, rows = [], {}
    for c in cfg.comparators:
        part, rows[c.path] = _read_one(cfg, c, ids, log)
        if part is not None:
            parts.append(part)
    comparators = pd.DataFrame(
        [[c.code, c.kind, *(c.name_by_lang[lang] for lang in ("sv", "pl", "en"))]
         for c in cfg.comparators], columns=COMPARATOR_COLUMNS)
    values = (pd.concat(parts, ignore_index=True) if parts
              else pd.DataFrame(columns=COMPARATOR_VALUE_COLUMNS))
    numbers = COMPARATOR_VALUE_COLUMNS[5:]
    values[numbers] = values[numbers].astype(float)
    return ComparatorData(comparators, values.reset_index(drop=True), rows), log.finish()
