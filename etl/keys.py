"""Key columns of indicator values: indicator, area, period, sex and age group.

Each distinct code is stripped, mapped and checked once (not once per row);
unknown codes are tallied per table with their first row and row count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from etl.characters import CONTROL_FIX, invisible, nfc
from etl.checks import close_matches
from etl.config import CityConfig, TableConfig
from etl.errors import Problem, excerpt
from etl.layout import KEYS
from store.schema import SEXES

KEY_COLUMNS = ["indicator_id", "area_code", "period", "sex", "age_group"]


@dataclass
class Tally:
    """Distinct bad codes of one kind in one table: code -> [first line, rows]."""

    codes: dict[str, list[int]] = field(default_factory=dict)
    rows: int = 0
    detail_limit: int = 1000

    def add(self, codes: np.ndarray, lines: np.ndarray) -> None:
        if not len(codes):
            return
        self.rows += len(codes)
        grouped = (
            pd.DataFrame({"c": codes, "l": lines})
            .groupby("c", sort=False)["l"]
            .agg(["min", "size"])
        )
        for code, first, n in grouped.itertuples():
            if code in self.codes:
                self.codes[code][1] += int(n)
            elif len(self.codes) < self.detail_limit:
                self.codes[str(code)] = [int(first), int(n)]

    def first(self, limit: int) -> list[tuple[str, int, int]]:
        return sorted(((c, f, n) for c, (f, n) in self.codes.items()), key=lambda x: x[1])[:limit]


@dataclass
class Codebook:
    """Codes of one text column shared by all chunks and tables of a load.

    Codes only grow, so the categorical of an early chunk stays valid with the
    final categories, and chunks are concatenated by concatenating codes.
    """

    index: dict[str, int] = field(default_factory=dict)
    values: list[str] = field(default_factory=list)

    def codes(self, texts: list[str | None]) -> np.ndarray:
        """The code of each text (added when new); None gives -1."""
        out = np.empty(len(texts), dtype=np.int32)
        for i, text in enumerate(texts):
            if text is None:
                out[i] = -1
                continue
            code = self.index.get(text)
            if code is None:
                code = self.index[text] = len(self.values)
                self.values.append(text)
            out[i] = code
        return out

    def categorical(self, codes: np.ndarray) -> pd.Categorical:
        return pd.Categorical.from_codes(codes, categories=pd.Index(self.values, dtype=object))


def _recode(
    text: pd.Series, lookup: Callable[[str], str | None], book: Codebook
) -> tuple[pd.Categorical, np.ndarray, np.ndarray, np.ndarray]:
    """Map each distinct stripped text through ``lookup`` (None = unknown).

    Returns the mapped categorical, the mask of unknown rows, their stripped texts and
    the mask of rows whose text had spaces around it.
    """
    codes, uniques = pd.factorize(text.to_numpy(dtype=object))
    stripped = np.array([str(u).strip() for u in uniques], dtype=object)
    mapped = book.codes([lookup(u) for u in stripped])
    rows = mapped[codes] if len(codes) else np.array([], dtype=np.int32)
    unknown = rows < 0
    spaced = np.array([str(u) != t for u, t in zip(uniques, stripped, strict=True)] + [False])[codes]
    return book.categorical(rows), unknown, stripped[codes[unknown]], spaced


def _checked(lookup: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """``lookup`` of the code in NFC; None (unknown) for a code with a control or
    invisible character, which ``_key_problem`` then names."""
    return lambda code: None if invisible(code) else lookup(nfc(code))


def lookups(
    cfg: CityConfig, t: TableConfig, ids: set[str], areas: set[str]
) -> dict[str, Callable[[str], str | None]]:
    """Per key field: stripped source code -> stored code (NFC), or None when unknown."""
    sexes = (
        {s: s for s in SEXES} | {s.upper(): s for s in SEXES} | {s.capitalize(): s for s in SEXES}
    )
    sex_codes = {nfc(k): v for k, v in t.sex_codes.items()}
    names = {nfc(k): nfc(v) for k, v in t.indicators.items()}
    long = t.format == "long"
    city = {nfc(cfg.row_code), nfc(cfg.code)}

    def indicator(code: str) -> str | None:
        mapped = names.get(code, code) if long else code
        # Without a catalogue (it failed to read, and says why) indicators are not checked.
        return mapped if mapped in ids or not ids else None

    def area(code: str) -> str | None:
        return cfg.code if code in city else (code if code in areas else None)

    def sex(code: str) -> str | None:
        mapped = sex_codes.get(
            code, sexes.get(code, "total" if code == "" and not sex_codes else None)
        )
        return mapped if mapped in SEXES else None

    found: dict[str, Callable[[str], str | None]] = {
        "indicator": indicator,
        "area": area,
        "sex": sex,
        "period": lambda c: c or None,
        "age_group": lambda c: c or "all",
    }
    return {name: _checked(lookup) for name, lookup in found.items()}


def new_tallies() -> dict[str, Tally]:
    kinds = ("indicator", "area", "sex", "period", "age_group")
    return {f"{state} {k}": Tally() for k in kinds for state in ("unknown", "ignored", "spaced")}


def convert_keys(
    text: pd.DataFrame,
    maps: dict[str, Callable[[str], str | None]],
    t: TableConfig,
    tallies: dict[str, Tally],
    books: dict[str, Codebook],
) -> tuple[pd.DataFrame, np.ndarray]:
    """Typed key columns (categoricals on ``books``) and the mask of rows to keep."""
    lines = text["line"].to_numpy()
    keys = pd.DataFrame(index=text.index)
    keep = np.ones(len(text), dtype=bool)
    for name, column in zip(KEYS, KEY_COLUMNS, strict=True):
        keys[column], unknown, codes, spaced = _recode(text[name], maps[name], books[column])
        tallies[f"spaced {name}"].add(text[name].to_numpy(dtype=object)[spaced], lines[spaced])
        ignore = name in ("indicator", "area") and getattr(t, f"unknown_{name}s") == "ignore"
        tallies[f"{'ignored' if ignore else 'unknown'} {name}"].add(codes, lines[unknown])
        if ignore:
            keep &= ~unknown
    keys["line"] = lines
    return keys, keep


def tally_problems(
    tallies: dict[str, Tally],
    file: str,
    columns: dict[str, str],
    valid: dict[str, list[str]],
    limit: int,
) -> list[Problem]:
    """Problems for the tallied codes: one per code (at most ``limit``), or one warning if ignored."""
    out = []
    for kind, tally in tallies.items():
        state, name = kind.split(" ", 1)
        column = columns.get(name)
        if state == "spaced" and tally.rows:
            code, first, _ = tally.first(1)[0]
            out.append(Problem(file, f"{tally.rows:,} {name} cell(s) have spaces around the value; they "
                               f"were matched after trimming (e.g. {excerpt(code)})",
                               "nothing; or remove the spaces in the file", row=first, column=column,
                               value=code, severity="warning"))
            continue
        if state == "ignored" and tally.rows:
            shown = ", ".join(excerpt(c) for c, _, _ in tally.first(5))
            out.append(
                Problem(
                    file,
                    f"{tally.rows:,} row(s) with {len(tally.codes):,} unknown {name} code(s) were ignored "
                    f"(e.g. {shown})",
                    f'nothing, unless they should load: set unknown_{name}s = "error" to list them',
                    column=column,
                    severity="warning",
                )
            )
            continue
        for code, first, n in tally.first(limit):
            out.append(_key_problem(file, name, code, first, n, column, valid.get(name, [])))
        extra = tally.rows - sum(n for _, _, n in tally.first(limit))
        if extra > 0:
            out.append(
                Problem(
                    file,
                    f"and {extra:,} more row(s) with other {kind} codes",
                    "see the rows above",
                    column=column,
                )
            )
    return out


def _toml_key(code: str) -> str:
    """``code`` as a key in a TOML map of the fix (an excerpt when it cannot be one)."""
    plain = len(code) <= 60 and code.isprintable() and not set('"\\') & set(code)
    return f'"{code}"' if plain else excerpt(code)


def _key_problem(
    file: str, name: str, code: str, first: int, n: int, column: str | None, valid: list[str]
) -> Problem:
    rows = f" on {n:,} row(s), first at row {first}" if n > 1 else ""
    if code == "":
        fix = f"fill in the {name} of every row"
        if name == "sex":
            fix += ', or map empty cells: sex_codes = {"" = "total"}'
        return Problem(file, f"{name} is empty{rows}", fix, row=first, column=column)
    hidden = invisible(code)
    if hidden:
        return Problem(file, f"{name} {hidden}{rows}", CONTROL_FIX, row=first, column=column,
                       value=code)
    fixes = {
        "indicator": f"add it to the catalogue, map it in [[tables]] indicators = {{{_toml_key(code)}"
        ' = "catalogue_id"}, or set unknown_indicators = "ignore"' + close_matches(code, valid),
        "area": "use a code from the boundary file"
        + close_matches(code, valid)
        + ', or set unknown_areas = "ignore"',
        "sex": f"map it in [[tables]] sex_codes = {{{_toml_key(code)}"
        ' = "female"} (values: total, female, male)',
    }
    what = {
        "indicator": "unknown indicator",
        "area": "unknown area code",
        "sex": "sex code not mapped",
    }
    return Problem(file, f"{what.get(name, 'unusable ' + name)}{rows}",
                   fixes.get(name, "correct it"), row=first, column=column, value=code)
