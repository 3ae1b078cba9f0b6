"""The indicator catalogue: one row per indicator (format in docs/catalogue.md)."""

from __future__ import annotations

import difflib

import numpy as np
import pandas as pd

from etl.catalogue_columns import (
    CODES,
    COLUMNS,
    ETL_COLUMNS,
    NUMBERS,
    OUTPUT_COLUMNS,
    PLAUSIBILITY,
    PLAUSIBILITY_ALIASES,
    POLARITY_ALIASES,
    STANDARD_ALIASES,
    VALUE_TYPE_ALIASES,
)
from etl.catalogue_languages import missing_translations
from etl.characters import CONTROL_FIX, ID_FIX, identifier_problem, invisible, lookalikes
from etl.config import CityConfig
from etl.errors import Problem, excerpt, listing
from etl.numbers import parse_numbers
from etl.readers import display_name, open_table, read_all
from store.schema import POLARITIES, STANDARDS, VALUE_TYPES

DSR_MULTIPLIER = 100_000.0  # a dsr indicator's multiplier when the catalogue leaves it empty

__all__ = ["COLUMNS", "ETL_COLUMNS", "OUTPUT_COLUMNS", "read_catalogue"]


def _normal(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def _close(value: str, valid: list[str]) -> str:
    if len(value) > 200:  # difflib would index every character of a huge cell
        return ""
    near = difflib.get_close_matches(value, valid, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(repr(n) for n in near)}?)" if near else ""


class _Check:
    """Collects catalogue problems with file and line."""

    def __init__(self, file: str, lines: np.ndarray) -> None:
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []

    def add(
        self,
        i: int | np.integer | None,
        column: str | None,
        message: str,
        fix: str,
        value: object = None,
        severity: str = "error",
    ) -> None:
        row = None if i is None else int(self.lines[i])
        self.problems.append(
            Problem(self.file, message, fix, row=row, column=column, value=value, severity=severity)
        )


def _columns(frame: pd.DataFrame, check: _Check, header_line: int | None) -> bool:
    """Warn about unknown columns, report missing required ones. A header without any
    catalogue column is not quoted: the file is likely not a catalogue at all."""
    known = {c.name for c in COLUMNS}
    have = list(frame.columns)
    plausible = bool(known & set(have))
    for col in have if plausible else []:
        if col not in known and not col.startswith("Unnamed"):
            check.problems.append(
                Problem(
                    check.file,
                    f"column {excerpt(col)} is not a catalogue column and is ignored",
                    "rename it to a catalogue column"
                    + _close(col, sorted(known))
                    + " or remove it (see docs/catalogue.md)",
                    row=header_line,
                    column=col,
                    severity="warning",
                )
            )
    missing = [c.name for c in COLUMNS if c.required and c.name not in have]
    found = listing(have) if plausible else f"{len(have)} column(s), none a catalogue column"
    found += "" if plausible else " (is this the catalogue?)"
    for name in missing:
        check.problems.append(
            Problem(
                check.file,
                f"required column '{name}' is missing",
                f"add a '{name}' column; the file has {found}",
                row=header_line,
                column=name,
            )
        )
    return not missing


def _choice(
    frame: pd.DataFrame, check: _Check, name: str, valid: tuple[str, ...], aliases: dict[str, str]
) -> pd.Series:
    raw = frame[name] if name in frame else pd.Series("", index=frame.index)
    out = raw.map(lambda v: aliases.get(_normal(v), _normal(v)))
    for i in np.flatnonzero(~out.isin(valid).to_numpy()):
        shown = raw.iloc[i]
        what = "is empty" if shown == "" else "is not a valid " + name
        check.add(
            i,
            name,
            f"{name} {what}",
            f"use one of {', '.join(valid)}" + _close(_normal(shown), list(valid)),
            value=shown or None,
        )
    return out


def _numbers(frame: pd.DataFrame, check: _Check, out: pd.DataFrame) -> None:
    for col in COLUMNS:
        if col.name not in NUMBERS:
            continue
        raw = frame[col.name] if col.name in frame else pd.Series("", index=frame.index)
        values, bad = parse_numbers(raw, ".")
        for i in np.flatnonzero(bad):
            check.add(
                i,
                col.name,
                f"{col.name} is not a number",
                "write a plain number such as 1000 (decimal point '.')",
                value=raw.iloc[i],
            )
        low = 1e-12 if col.name == "multiplier" else 0.0
        for i in np.flatnonzero(values < low):
            check.add(
                i,
                col.name,
                f"{col.name} must be {'> 0' if low else '>= 0'}",
                "correct the number",
                value=raw.iloc[i],
            )
        if col.name == "decimals":
            for i in np.flatnonzero(
                ~np.isnan(values) & ((values != np.round(values)) | (values > 6))
            ):
                check.add(
                    i,
                    col.name,
                    "decimals must be a whole number from 0 to 6",
                    "write 0, 1, 2 ...",
                    value=raw.iloc[i],
                )
        if col.default is not None:
            values = np.where(np.isnan(values), float(col.default), values)  # type: ignore[arg-type]
        out[col.name] = values
    out["decimals"] = np.nan_to_num(out["decimals"], nan=1.0).clip(0, 6).round().astype(int)


def _texts(frame: pd.DataFrame, check: _Check, out: pd.DataFrame) -> None:
    for col in COLUMNS:
        if col.name in NUMBERS or col.name in ("value_type", "polarity", "plausibility",
                                                "residents_view"):
            continue
        raw = frame[col.name] if col.name in frame else pd.Series("", index=frame.index)
        if col.required:
            for i in np.flatnonzero((raw == "").to_numpy()):
                check.add(i, col.name, f"{col.name} is empty", f"fill in {col.name} ({col.help})")
        if col.max_length:
            for i in np.flatnonzero((raw.str.len() > col.max_length).to_numpy()):
                check.add(
                    i,
                    col.name,
                    f"{col.name} is longer than {col.max_length} characters",
                    "shorten it",
                    value=raw.iloc[i],
                )
        for n, text in enumerate(raw):
            if reason := invisible(text, free_text=col.name not in CODES):
                check.add(n, col.name, f"{col.name} {reason}", CONTROL_FIX, value=text)
        out[col.name] = raw.where(raw != "", None)
    for lang in ("sv", "pl"):  # the English name, visibly marked as English (docs/catalogue.md)
        english = out["name_en"].map(lambda n: f"{n[:295]} {EN_MARK}" if isinstance(n, str) else None)
        out[f"name_{lang}"] = out[f"name_{lang}"].fillna(english)


def _standards(frame: pd.DataFrame, check: _Check, out: pd.DataFrame) -> None:
    """``standard`` only for dsr indicators: esp2013 (when empty) or city; a dsr indicator's
    empty multiplier is 100,000."""
    raw = frame["standard"] if "standard" in frame else pd.Series("", index=frame.index)
    normal = raw.map(lambda v: STANDARD_ALIASES.get(_normal(v), _normal(v)))
    dsr = (out["value_type"] == "dsr").to_numpy()
    given = (raw != "").to_numpy()
    other = given & ~dsr & out["value_type"].isin(VALUE_TYPES).to_numpy()
    for i in np.flatnonzero(other):
        check.add(i, "standard", f"standard applies to dsr indicators only (this one is "
                  f"{out['value_type'].iloc[i]})", "leave standard empty, or set value_type = dsr",
                  value=raw.iloc[i])
    for i in np.flatnonzero(given & dsr & ~normal.isin(STANDARDS).to_numpy()):
        check.add(i, "standard", "standard is not a standard population the atlas knows",
                  "use esp2013 (the European Standard Population 2013; the default when empty) "
                  "or city (the city's own population by age band in the same period)"
                  + _close(_normal(raw.iloc[i]), list(STANDARDS)), value=raw.iloc[i])
    out["standard"] = pd.Series(normal.where(given, STANDARDS[0]).to_numpy(dtype=object),
                                index=out.index).where(dsr, None)
    multiplier = frame["multiplier"] if "multiplier" in frame else pd.Series("", index=frame.index)
    out.loc[dsr & (multiplier == "").to_numpy(), "multiplier"] = DSR_MULTIPLIER


EN_MARK = "[EN]"  # what presentation.i18n.marked writes after a text in English
YES = ("yes", "true", "1", "ja", "tak", "y", "x")
NO = ("no", "false", "0", "nej", "nie", "n")


def _yes_no(frame: pd.DataFrame, check: _Check, name: str) -> pd.Series:
    """A yes/no column (yes, ja, tak, true, 1 / no, nej, nie, false, 0); empty: no."""
    raw = frame[name] if name in frame else pd.Series("", index=frame.index)
    normal = raw.str.strip().str.lower()
    for i in np.flatnonzero(~normal.isin(("", *YES, *NO)).to_numpy()):
        check.add(i, name, f"{name} is neither yes nor no", "write yes or no (or leave it empty "
                  "for no)", value=raw.iloc[i])
    return pd.Series(normal.isin(YES).to_numpy(dtype=bool), index=frame.index, dtype=object)


def _ids(out: pd.DataFrame, check: _Check) -> None:
    """Ids are unique, made of the id characters, and do not look like one another."""
    ids = out["id"]
    for n, ident in enumerate(ids):
        reason = None if ident is None or invisible(ident) else identifier_problem(ident)
        if reason:
            check.add(n, "id", f"id {reason}", ID_FIX, value=ident)
    dup = ids.duplicated(keep="first") & ids.notna()
    first = {v: i for i, v in reversed(list(enumerate(ids)))}
    for i in np.flatnonzero(dup.to_numpy()):
        check.add(
            i,
            "id",
            f"duplicate id (also on row {int(check.lines[first[ids.iloc[i]]])})",
            "give each indicator its own id, or remove one of the rows",
            value=ids.iloc[i],
        )
    for later, first_row, how in lookalikes(ids):
        check.add(
            later,
            "id",
            f"id looks like id {excerpt(ids.iloc[first_row])} on row "
            f"{int(check.lines[first_row])}: they differ {how}",
            "give each indicator an id that differs from the others in more than that, "
            "or remove one of the rows",
            value=ids.iloc[later],
        )


def read_catalogue(cfg: CityConfig) -> tuple[pd.DataFrame, list[Problem]]:
    """The catalogue as one row per indicator, with every problem found.

    Columns are those of ``store.schema.Indicator`` except ``batch_id`` (``OUTPUT_COLUMNS``),
    then ``ETL_COLUMNS`` that only the ETL reads (``plausibility``); the
    index is each indicator's row in the file (header = row 1), for messages.
    Missing sv/pl names fall back to name_en; multiplier and weight default
    to 1, decimals to 1, polarity to neutral.
    """
    file = display_name(cfg.catalogue, cfg.source.parent)
    table = open_table(cfg.catalogue, file, sheet=cfg.catalogue_sheet)
    frame, lines = (
        read_all(table) if table.columns else (pd.DataFrame(), np.array([], dtype=np.int64))
    )
    if len(frame):
        frame = frame.apply(lambda col: col.astype(str).str.strip().str.normalize("NFC"))
    check = _Check(file, lines)
    check.problems += table.problems
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in OUTPUT_COLUMNS + ETL_COLUMNS})
    if not table.columns or not _columns(frame, check, table.header_line):
        return empty, check.problems
    if frame.empty:
        check.problems.append(
            Problem(
                file,
                "the catalogue has no indicators",
                "add one row per indicator under the header (see docs/catalogue.md)",
                row=table.header_line,
            )
        )
        return empty, check.problems
    out = pd.DataFrame(index=frame.index)
    check.problems += missing_translations(frame, file, lines)
    _texts(frame, check, out)
    out["value_type"] = _choice(frame, check, "value_type", VALUE_TYPES, VALUE_TYPE_ALIASES)
    out["polarity"] = _choice(frame, check, "polarity", POLARITIES, POLARITY_ALIASES)
    out["plausibility"] = _choice(frame, check, "plausibility", PLAUSIBILITY, PLAUSIBILITY_ALIASES)
    _numbers(frame, check, out)
    _standards(frame, check, out)
    out["residents_view"] = _yes_no(frame, check, "residents_view")
    _ids(out, check)
    out = out[OUTPUT_COLUMNS + ETL_COLUMNS].set_axis(pd.Index(lines, name="row"))
    return out.astype(object).where(out.notna(), None).astype(
        {"multiplier": float, "decimals": int, "weight": float}
    ), check.problems
