"""Table layouts: which source column (or constant) gives each field, long or wide."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from etl.characters import nfc
from etl.checks import close_matches
from etl.config import LONG_FIELDS, TableConfig
from etl.errors import Problem, excerpt, listing
from etl.readers import TextTable

KEYS = ("indicator", "area", "period", "sex", "age_group")
NUMBERS = ("value", "numerator", "denominator", "lower_ci", "upper_ci", "sd")
MEASURES = ("value", "numerator", "denominator")
FIELD_OF = {"indicator_id": "indicator", "area_code": "area"}  # value columns named as fields


@dataclass
class Layout:
    """Where each field of a table comes from."""

    file: str
    fields: dict[str, str]  # field -> source column (wide: only the key fields)
    constants: dict[str, str]
    wide: dict[str, dict[str, str]] = field(
        default_factory=dict
    )  # indicator id -> {measure: column}

    def has(self, name: str) -> bool:
        """Whether the field has a source (a column, a constant, or wide measure columns)."""
        wide = bool(self.wide) and name in MEASURES
        return name in self.fields or name in self.constants or wide

    def column(self, name: str, indicator: str | None = None) -> str | None:
        name = FIELD_OF.get(name, name)
        if self.wide and name in MEASURES:
            return self.wide.get(str(indicator), {}).get(name)
        return self.fields.get(name)


def plausible(t: TableConfig, table: TextTable) -> bool:
    """Whether the header names a column the configuration expects (a field or a mapped
    column): only then is it quoted, so another file's first line (a secret) never is."""
    expected = {*t.columns.values(), *LONG_FIELDS, *t.indicators, *t.indicators.values()}
    return bool(expected & set(table.columns))


def header_text(t: TableConfig, table: TextTable) -> str:
    """The table's columns for a fix (see ``plausible``)."""
    if plausible(t, table):
        return listing(table.columns)
    return f"{len(table.columns)} column(s), none that the configuration names (is this the right file?)"


def _missing_column(t: TableConfig, table: TextTable, name: str, source: str) -> Problem:
    return Problem(
        table.file,
        f"column {excerpt(source)} (for {name}) is not in the file",
        f"map {name} to one of the columns: "
        f"{header_text(t, table)}{close_matches(source, table.columns)} in [[tables]] columns",
        row=table.header_line,
        column=source,
    )


def _key_fields(
    t: TableConfig, table: TextTable, names: tuple[str, ...]
) -> tuple[dict[str, str], list[Problem]]:
    fields, problems = {}, []
    for name in names:
        source = t.columns.get(name)
        if source is not None and name in t.constants:
            problems.append(
                Problem(
                    table.file,
                    f"{name} is given both as a column and as a constant",
                    f"keep either columns.{name} or constants.{name}",
                    column=source,
                )
            )
        elif source is not None and source not in table.columns:
            problems.append(_missing_column(t, table, name, source))
        elif source is not None:
            fields[name] = source
        elif name not in t.constants and name in table.columns:
            fields[name] = name
    return fields, problems


def _required(
    t: TableConfig, table: TextTable, fields: dict[str, str], names: tuple[str, ...]
) -> list[Problem]:
    """A problem for each of ``names`` with neither a column nor a constant."""
    columns = header_text(t, table)
    return [
        Problem(
            table.file,
            f"no column for {name}",
            f'add columns.{name} = "..." naming one of {columns}, or constants.{name}',
            row=table.header_line,
        )
        for name in names
        if name not in fields and name not in t.constants
    ]


def resolve_long(
    t: TableConfig, table: TextTable, ids: set[str] | None = None
) -> tuple[Layout, list[Problem]]:
    """Layout of a long table (one value per row); ``ids`` are not needed here."""
    fields, problems = _key_fields(t, table, LONG_FIELDS)
    layout = Layout(table.file, fields, dict(t.constants))
    if problems:
        return layout, problems
    problems += _required(t, table, fields, ("indicator", "area", "period"))
    if "value" not in fields and "numerator" not in fields:
        problems.append(
            Problem(
                table.file,
                "no column for value (nor numerator)",
                f'add columns.value = "..." naming one of {header_text(t, table)}',
                row=table.header_line,
            )
        )
    return layout, problems


def _wide_groups(t: TableConfig, columns: list[str], used: set[str]) -> dict[str, dict[str, str]]:
    """Source base column -> {measure: column}, from the value columns and suffixed ones."""
    groups: dict[str, dict[str, str]] = {}
    suffixes = [
        (s, m)
        for s, m in ((t.numerator_suffix, "numerator"), (t.denominator_suffix, "denominator"))
        if s
    ]
    for col in columns:
        if col in used or col.startswith("Unnamed") or col == "":
            continue
        base, measure = col, "value"
        for suffix, name in suffixes:
            if col.endswith(suffix) and len(col) > len(suffix):
                base, measure = col[: -len(suffix)], name
        groups.setdefault(base, {})[measure] = col
    return groups


def _unknown_column(table: TextTable, col: str, base: str, ids: set[str]) -> Problem:
    return Problem(
        table.file,
        f"column {excerpt(col)} is not an indicator in the catalogue",
        "rename the column to a catalogue id"
        + close_matches(base, ids)
        + ', map it in [[tables]] indicators, or set unknown_indicators = "ignore"',
        row=table.header_line,
        column=col,
        value=base,
    )


def _wide_indicators(
    t: TableConfig, table: TextTable, layout: Layout, ids: set[str]
) -> tuple[list[Problem], list[str]]:
    """Fill ``layout.wide``; returns the problems and the ignored columns.

    ``columns.denominator`` names one column shared by every indicator as its
    denominator (an indicator's own suffixed denominator column wins).
    """
    shared = t.columns.get("denominator")
    used = set(layout.fields.values())
    if shared is not None and shared not in t.indicators.values():
        used.add(shared)
    groups = _wide_groups(t, table.columns, used)
    by_source = {v: k for k, v in t.indicators.items()}
    problems, ignored = [], []
    for base, cols in groups.items():
        ind = by_source.get(base, nfc(base) if not t.indicators else None)
        # Without a catalogue (it failed to read, and says why) indicators are not checked.
        if ind is not None and (ind in ids or not ids):
            layout.wide[ind] = cols if shared is None else {"denominator": shared, **cols}
            continue
        col = cols.get("value") or next(iter(cols.values()))
        if ind is not None and t.indicators:
            fix = "add it to the catalogue or fix the [[tables]] indicators map"
            message = f"indicator {excerpt(ind)} (column {excerpt(col)}) is not in the catalogue"
            problems.append(
                Problem(
                    table.file,
                    message,
                    fix + close_matches(ind, ids),
                    row=table.header_line,
                    column=col,
                    value=ind,
                )
            )
        elif t.unknown_indicators == "ignore" or ind is None:
            ignored.append(col)
        else:
            problems.append(_unknown_column(table, col, base, ids))
    for ind, source in t.indicators.items():
        if source not in groups:
            name = f"indicator {ind}"
            problems.append(_missing_column(t, table, name, source))
    return problems, ignored


def resolve_wide(
    t: TableConfig, table: TextTable, ids: set[str] | None = None
) -> tuple[Layout, list[Problem]]:
    """Layout of a wide table (one column per indicator, by catalogue id or the indicators map)."""
    fields, problems = _key_fields(t, table, ("area", "period", "sex", "age_group"))
    shared = t.columns.get("denominator")
    if shared is not None and shared not in table.columns:
        problems.append(_missing_column(t, table, "denominator", shared))
    layout = Layout(table.file, fields, dict(t.constants))
    if problems:
        return layout, problems
    problems += _required(t, table, fields, ("area", "period"))
    if problems and not plausible(t, table):
        return layout, problems
    found, ignored = _wide_indicators(t, table, layout, ids or set())
    problems += found
    ignored = [c for c in ignored if c not in t.ignore_columns]
    if ignored:
        problems.append(
            Problem(
                table.file,
                f"{len(ignored)} column(s) are not catalogue indicators and were ignored: "
                f"{listing(ignored, 10, quote=False)}",
                "nothing, unless one of them should be loaded",
                row=table.header_line,
                severity="warning",
            )
        )
    if not layout.wide and not problems:
        fix = 'name value columns by catalogue id, or map them in [[tables]] indicators = {id = "column"}'
        problems.append(
            Problem(table.file, "no indicator columns found", fix, row=table.header_line)
        )
    return layout, problems


def to_long(frame: pd.DataFrame, lines: np.ndarray, layout: Layout) -> pd.DataFrame:
    """Text frame with one row per value: key fields, measures, status and line."""

    def key_part(rows: int) -> dict[str, object]:
        part: dict[str, object] = {}
        for name in KEYS + NUMBERS + ("status",):
            if name in layout.fields:
                part[name] = frame[layout.fields[name]].to_numpy()
            else:
                part[name] = layout.constants.get(name, "")
        part["line"] = lines
        return part

    if not layout.wide:
        return pd.DataFrame(key_part(len(frame)), index=range(len(frame)))
    parts = []
    for ind, cols in layout.wide.items():
        part = key_part(len(frame))
        part["indicator"] = ind
        for measure in MEASURES:
            part[measure] = frame[cols[measure]].to_numpy() if measure in cols else ""
        parts.append(pd.DataFrame(part, index=range(len(frame))))
    return pd.concat(parts, ignore_index=True)
