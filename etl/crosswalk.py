"""Crosswalks: from the codes of a file's areas to the atlas's areas (``[[crosswalks]]``).

A key file (``method = "key"``) lists pairs: a source area's code (old code, small
area) and the atlas area it belongs to, with an optional share (``weight_column``)
for keys that split an area between several. ``read_keys`` reads every key file
once and checks it: columns the file lacks, empty codes, repeated pairs, shares
that are not numbers between 0 and 1 or add up to more than 1 for an area, a
source area sent to two areas without shares (a many-to-many key: its counts
cannot be split), an area with two names. Areal crosswalks (``method = "area"``
or ``"population"``) are computed from polygons by ``etl.interpolate`` into the
same ``Crosswalk``.

Through a crosswalk, counts are summed (``etl.aggregate``); a value of an area
with a share below 1 is an estimate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from etl.area_config import CrosswalkConfig
from etl.characters import nfc
from etl.checks import LIMIT, close_matches
from etl.config import CityConfig
from etl.errors import Problem, excerpt, listing
from etl.readers import display_name, open_table, read_all

SHARE_SLACK = 1e-6  # shares of one area may add up to 1 + this (rounding in the key file)
PAIRS = ["from", "to", "share", "line"]


@dataclass
class Crosswalk:
    """Pairs (source area code ``from``, atlas area ``to``, ``share`` of the source area's
    counts that goes there, ``line`` in the file) and the atlas areas' names."""

    cfg: CrosswalkConfig
    file: str
    pairs: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PAIRS))
    names: dict[str, str] = field(default_factory=dict)
    failed: bool = False  # its file has errors (reported): nothing is read through it
    codes: set[str] = field(default_factory=set)  # areal: every source area, also those outside

    @property
    def estimated(self) -> bool:
        """Areal interpolation: every value through it is an estimate."""
        return self.cfg.areal

    def into(self, areas: set[str]) -> pd.DataFrame:
        """The pairs whose atlas area is one of ``areas`` (the boundaries' codes)."""
        return self.pairs[self.pairs["to"].isin(areas).to_numpy()].reset_index(drop=True)

    def sources(self) -> set[str]:
        return set(self.pairs["from"]) | self.codes


def _codes(cells: pd.Series) -> pd.Series:
    return cells.map(lambda v: nfc(str(v).strip())).astype(object)


class KeyCheck:
    """The problems of one key file, at most LIMIT of each kind."""

    def __init__(self, c: CrosswalkConfig, file: str) -> None:
        self.c, self.file, self.problems = c, file, list[Problem]()
        self._counts: dict[str, int] = {}

    def add(self, kind: str, message: str, fix: str, **where: object) -> None:
        self._counts[kind] = self._counts.get(kind, 0) + 1
        if self._counts[kind] <= LIMIT:
            self.problems.append(Problem(self.file, message, fix, **where))  # type: ignore[arg-type]

    def finish(self) -> list[Problem]:
        more = [Problem(self.file, f"and {n - LIMIT:,} more row(s) with the same problem ({kind})",
                        "see the rows above") for kind, n in self._counts.items() if n > LIMIT]
        return self.problems + more


def _columns(c: CrosswalkConfig, columns: list[str], check: KeyCheck, header: int | None) -> bool:
    ok = True
    for key in ("from_column", "to_column", "name_column", "weight_column"):
        name = getattr(c, key)
        if name is not None and name not in columns:
            ok = False
            check.add("column", f"column {excerpt(name)} ({c.label} {key}) is not in the key file",
                      f"name one of its columns: {listing(columns)}{close_matches(name, columns)}",
                      row=header, column=name)
    return ok


def _shares(c: CrosswalkConfig, frame: pd.DataFrame, lines: np.ndarray, check: KeyCheck) -> np.ndarray:
    if c.weight_column is None:
        return np.ones(len(frame))
    cells = frame[c.weight_column].astype(str).str.strip()
    shares = pd.to_numeric(cells.str.replace(",", ".", regex=False), errors="coerce").to_numpy(dtype=float)
    bad = np.isnan(shares) | (shares < 0) | (shares > 1)
    for i in np.flatnonzero(bad):
        check.add("share", "the share is not a number between 0 and 1", "write each row's share of the "
                  "source area (0.25 for a quarter), with '.' as decimal separator",
                  row=int(lines[i]), column=c.weight_column, value=cells.iat[int(i)])
    return shares


def _pairs(c: CrosswalkConfig, frame: pd.DataFrame, lines: np.ndarray, check: KeyCheck) -> pd.DataFrame:
    pairs = pd.DataFrame({"from": _codes(frame[str(c.from_column)]), "to": _codes(frame[str(c.to_column)]),
                          "share": _shares(c, frame, lines, check), "line": lines})
    for key, col in (("from", c.from_column), ("to", c.to_column)):
        for i in np.flatnonzero((pairs[key] == "").to_numpy()):
            check.add(f"empty {key}", f"the {'source' if key == 'from' else 'atlas'} area code is empty",
                      f"fill in {col} on every row, or delete the row", row=int(lines[i]), column=col)
    pairs = pairs[(pairs["from"] != "") & (pairs["to"] != "")]
    twice = pairs.duplicated(["from", "to"], keep="first").to_numpy()
    first = pairs.drop_duplicates(["from", "to"]).set_index(["from", "to"])["line"]
    for code, to, line in pairs.loc[twice, ["from", "to", "line"]].itertuples(index=False):
        check.add("repeated", f"row repeats row {first[(code, to)]} (the same pair {excerpt(code)} -> "
                  f"{excerpt(to)})", "delete the repeated row", row=int(line), column=c.from_column,
                  value=code)
    return pairs[~twice].reset_index(drop=True)


def _many_to_many(c: CrosswalkConfig, pairs: pd.DataFrame, check: KeyCheck) -> None:
    """A source area sent to several areas needs shares; shares may not add up to more than 1."""
    counts = pairs.groupby("from", sort=False)["to"].transform("size").to_numpy()
    split = pairs[counts > 1]
    if c.weight_column is None:
        for code, group in split.groupby("from", sort=False):
            rows = ", ".join(str(n) for n in group["line"].head(5))
            check.add("many-to-many", f"source area {excerpt(code)} is sent to {len(group)} areas "
                      f"({listing(group['to'], 5)}; rows {rows}): a many-to-many key cannot say how to "
                      "split its counts", "keep one row per source area (a many-to-one key), or give "
                      "each row its share with weight_column", row=int(group["line"].iloc[1]),
                      column=c.from_column, value=code)
        return
    total = pairs.groupby("from", sort=False)["share"].sum()
    for source, share in total[total > 1 + SHARE_SLACK].items():
        lines = pairs.loc[pairs["from"] == source, "line"]
        check.add("shares", f"the shares of source area {excerpt(source)} add up to {share:g} (rows "
                  f"{', '.join(str(n) for n in lines.head(5))}), so its counts would be counted more "
                  "than once", "make the shares of each source area add up to 1 at most",
                  row=int(lines.iloc[0]), column=c.weight_column, value=source)


def _names(c: CrosswalkConfig, frame: pd.DataFrame, pairs: pd.DataFrame, check: KeyCheck) -> dict[str, str]:
    if c.name_column is None:
        return {}
    named = pd.DataFrame({"to": pairs["to"], "line": pairs["line"],
                          "name": _codes(frame.loc[pairs.index, c.name_column]).to_numpy()})
    named = named[named["name"] != ""]
    twice = named.drop_duplicates(["to", "name"])
    for code, group in twice[twice.duplicated("to", keep=False)].groupby("to", sort=False):
        check.add("names", f"area {excerpt(code)} has {len(group)} names ({listing(group['name'], 5)})",
                  "give each area one name", row=int(group["line"].iloc[1]), column=c.name_column,
                  value=code)
    return dict(zip(twice["to"], twice["name"], strict=True))


def read_key(c: CrosswalkConfig, base: Path) -> tuple[Crosswalk, list[Problem], int]:
    """One key file as a Crosswalk, its problems and its rows."""
    file = display_name(c.path, base)
    table = open_table(c.path, file, header=True, names=None, delimiter=None, encoding=None,
                       sheet=None, skip_rows=0, notes_below=False)
    check = KeyCheck(c, file)
    check.problems += table.problems
    del table.problems[:]
    if not table.columns or not _columns(c, table.columns, check, table.header_line):
        return Crosswalk(c, file, failed=True), check.finish(), 0
    frame, lines = read_all(table)
    check.problems += table.problems
    if frame.empty:
        check.add("empty", "the key file has a header but no rows", "export it again with its rows",
                  row=table.header_line)
    pairs = _pairs(c, frame, lines, check)
    _many_to_many(c, pairs, check)
    names = _names(c, frame, pairs, check)
    problems = check.finish()
    failed = any(p.severity == "error" for p in problems)
    pairs = pairs.assign(line=pairs["line"].astype(np.int64))
    return Crosswalk(c, file, pairs[PAIRS], names, failed), problems, len(frame)


def read_keys(cfg: CityConfig) -> tuple[dict[str, Crosswalk], list[Problem], dict[Path, int]]:
    """Every key-file crosswalk of the configuration (areal ones come later, with the areas)."""
    out, problems, rows = {}, [], {}
    for c in cfg.crosswalks:
        if c.method != "key":
            continue
        found, trouble, n = read_key(c, cfg.source.parent)
        out[c.name], rows[c.path] = found, n
        problems += trouble
    return out, problems + unused(cfg), rows


def unused(cfg: CityConfig) -> list[Problem]:
    """A warning for each crosswalk that nothing reads."""
    used = {t.crosswalk for t in cfg.tables} | {s.crosswalk for s in cfg.sources}
    used.add(cfg.boundaries.dissolve)
    file = display_name(cfg.source, cfg.source.parent)
    return [Problem(file, f"{c.label} is read but no table, source or dissolve uses it",
                    f'use it (crosswalk = "{c.name}"), or remove the block', row=c.line, severity="warning")
            for c in cfg.crosswalks if c.name not in used]


def expected_parts(pairs: pd.DataFrame) -> pd.Series:
    """How many source areas make up each atlas area (its parts)."""
    return pairs.groupby("to", sort=False)["from"].nunique()


def shown(codes: Iterable[str], n: int = 5) -> str:
    return listing(sorted(codes), n)
