"""Indicator tables: read long or wide CSV/XLSX tables into indicator values.

Every problem is collected (never raised) with file, row, column, value and
fix; the pipeline stops when any of them is an error. Work is vectorized and
chunked: key columns are checked once per distinct code, numbers per column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from etl.checks import (
    MISSING,
    SUPPRESSED,
    ProblemLog,
    check_counts,
    check_ranges,
    close_matches,
    fill_values,
)
from etl.config import LONG_FIELDS, CityConfig, TableConfig
from etl.errors import Problem
from etl.readers import TextTable, detect_decimal, display_name, open_table, parse_numbers
from store.read import VALUE_COLUMNS
from store.schema import SEXES

KEYS = ("indicator", "area", "period", "sex", "age_group")
KEY_COLUMNS = ["indicator_id", "area_code", "period", "sex", "age_group"]
NUMBERS = ("value", "numerator", "denominator", "lower_ci", "upper_ci")
MEASURES = ("value", "numerator", "denominator")


@dataclass
class TablesResult:
    values: pd.DataFrame  # exactly store.read.VALUE_COLUMNS; whole-city rows have area_code == cfg.code
    problems: list[Problem]  # errors and warnings (Problem.severity)
    rows_per_file: dict[Path, int]


@dataclass
class Layout:
    """Where each field of a table comes from."""

    file: str
    fields: dict[str, str]  # field -> source column (wide: only the key fields)
    constants: dict[str, str]
    wide: dict[str, dict[str, str]] = field(default_factory=dict)  # indicator id -> {measure: column}

    def column(self, name: str, indicator: str | None = None) -> str | None:
        if self.wide and name in MEASURES:
            return self.wide.get(str(indicator), {}).get(name)
        return self.fields.get(name)


@dataclass
class Context:
    cfg: CityConfig
    areas: set[str]
    catalogue: pd.DataFrame
    log: ProblemLog = field(default_factory=ProblemLog)

    ids: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.ids = set(self.catalogue["id"].dropna()) if "id" in self.catalogue else set()


# ---------------------------------------------------------------- layout


def _missing_column(file: str, line: int | None, name: str, source: str, columns: list[str]) -> Problem:
    return Problem(
        file, f"column '{source}' (for {name}) is not in the file", f"map {name} to one of the columns: "
        f"{', '.join(repr(c) for c in columns)}{close_matches(source, columns)} in [[tables]] columns",
        row=line, column=source)


def _key_fields(t: TableConfig, table: TextTable, names: tuple[str, ...]) -> tuple[dict[str, str], list[Problem]]:
    fields, problems = {}, []
    for name in names:
        source = t.columns.get(name)
        if source is not None and name in t.constants:
            problems.append(Problem(table.file, f"{name} is given both as a column and as a constant",
                                    f"keep either columns.{name} or constants.{name}", column=source))
        elif source is not None and source not in table.columns:
            problems.append(_missing_column(table.file, table.header_line, name, source, table.columns))
        elif source is not None:
            fields[name] = source
        elif name not in t.constants and name in table.columns:
            fields[name] = name
    return fields, problems


def resolve_long(t: TableConfig, table: TextTable) -> tuple[Layout, list[Problem]]:
    fields, problems = _key_fields(t, table, LONG_FIELDS)
    layout = Layout(table.file, fields, dict(t.constants))
    if problems:
        return layout, problems
    for name in ("indicator", "area", "period"):
        if name not in fields and name not in t.constants:
            problems.append(Problem(table.file, f"no column for {name}", f"add columns.{name} = \"...\" naming one of "
                                    f"{', '.join(repr(c) for c in table.columns)}, or constants.{name}", row=table.header_line))
    if "value" not in fields and "numerator" not in fields:
        problems.append(Problem(table.file, "no column for value (nor numerator)", "add columns.value = \"...\" naming one of "
                                f"{', '.join(repr(c) for c in table.columns)}", row=table.header_line))
    return layout, problems


def _wide_groups(t: TableConfig, columns: list[str], used: set[str]) -> dict[str, dict[str, str]]:
    """Source base column -> {measure: column}, from the value columns and suffixed ones."""
    groups: dict[str, dict[str, str]] = {}
    suffixes = [(s, m) for s, m in ((t.numerator_suffix, "numerator"), (t.denominator_suffix, "denominator")) if s]
    for col in columns:
        if col in used or col.startswith("Unnamed") or col == "":
            continue
        base, measure = col, "value"
        for suffix, name in suffixes:
            if col.endswith(suffix) and len(col) > len(suffix):
                base, measure = col[: -len(suffix)], name
        groups.setdefault(base, {})[measure] = col
    return groups


def resolve_wide(t: TableConfig, table: TextTable, ids: set[str]) -> tuple[Layout, list[Problem]]:
    fields, problems = _key_fields(t, table, ("area", "period", "sex", "age_group"))
    layout = Layout(table.file, fields, dict(t.constants))
    for name in ("area", "period"):
        if name not in fields and name not in t.constants and not problems:
            problems.append(Problem(table.file, f"no column for {name}", f"add columns.{name} = \"...\" naming one of "
                                    f"{', '.join(repr(c) for c in table.columns)}, or constants.{name}", row=table.header_line))
    groups = _wide_groups(t, table.columns, set(fields.values()))
    by_source = {v: k for k, v in t.indicators.items()}
    ignored = []
    for base, cols in groups.items():
        ind = by_source.get(base, base if not t.indicators else None)
        if ind is not None and ind in ids:
            layout.wide[ind] = cols
            continue
        col = cols.get("value") or next(iter(cols.values()))
        if ind is not None and t.indicators:
            problems.append(Problem(table.file, f"indicator '{ind}' (column '{col}') is not in the catalogue",
                                    "add it to the catalogue or fix the [[tables]] indicators map" + close_matches(ind, ids),
                                    row=table.header_line, column=col, value=ind))
        elif t.unknown_indicators == "ignore" or (t.indicators and ind is None):
            ignored.append(col)
        else:
            problems.append(Problem(table.file, f"column '{col}' is not an indicator in the catalogue",
                                    "rename the column to a catalogue id" + close_matches(base, ids)
                                    + ", map it in [[tables]] indicators, or set unknown_indicators = \"ignore\"",
                                    row=table.header_line, column=col, value=base))
    for ind, source in t.indicators.items():
        if source not in groups:
            problems.append(_missing_column(table.file, table.header_line, f"indicator {ind}", source, table.columns))
    if ignored:
        problems.append(Problem(table.file, f"{len(ignored)} column(s) are not catalogue indicators and were ignored: "
                                f"{', '.join(ignored[:10])}", "nothing, unless one of them should be loaded",
                                row=table.header_line, severity="warning"))
    if not layout.wide and not problems:
        problems.append(Problem(table.file, "no indicator columns found", "name value columns by catalogue id, or map them "
                                "in [[tables]] indicators = {id = \"column\"}", row=table.header_line))
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


# ---------------------------------------------------------------- keys


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
        grouped = pd.DataFrame({"c": codes, "l": lines}).groupby("c", sort=False)["l"].agg(["min", "size"])
        for code, first, n in grouped.itertuples():
            if code in self.codes:
                self.codes[code][1] += int(n)
            elif len(self.codes) < self.detail_limit:
                self.codes[str(code)] = [int(first), int(n)]

    def first(self, limit: int) -> list[tuple[str, int, int]]:
        return sorted(((c, f, n) for c, (f, n) in self.codes.items()), key=lambda x: x[1])[:limit]


def _recode(text: pd.Series, lookup: dict[str, str | None]) -> tuple[pd.Categorical, np.ndarray]:
    """Map each distinct text through ``lookup`` (None = unknown); returns codes and the unknown mask."""
    cat = pd.Categorical(text)
    lut = np.array([lookup.get(c) for c in cat.categories] + [None], dtype=object)
    mapped = lut[np.asarray(cat.codes)]
    unknown = pd.isna(mapped)
    return pd.Categorical(mapped), unknown


def _lookups(text: pd.DataFrame, ctx: Context, t: TableConfig) -> dict[str, dict[str, str | None]]:
    cfg = ctx.cfg
    sexes = {s: s for s in SEXES} | {s.upper(): s for s in SEXES} | {s.capitalize(): s for s in SEXES}
    out: dict[str, dict[str, str | None]] = {"indicator": {}, "area": {}, "sex": {}}
    for code in pd.unique(text["indicator"]):
        mapped = t.indicators.get(code, code) if t.format == "long" else code
        # Without a catalogue (it failed to read, and says why) indicators are not checked.
        out["indicator"][code] = mapped if mapped in ctx.ids or not ctx.ids else None
    for code in pd.unique(text["area"]):
        out["area"][code] = cfg.code if code in (cfg.row_code, cfg.code) else (code if code in ctx.areas else None)
    for code in pd.unique(text["sex"]):
        mapped = t.sex_codes.get(code, sexes.get(code, "total" if code == "" and not t.sex_codes else None))
        out["sex"][code] = mapped if mapped in SEXES else None
    return out


def convert_keys(text: pd.DataFrame, ctx: Context, t: TableConfig, tallies: dict[str, Tally]) -> tuple[pd.DataFrame, np.ndarray]:
    """Typed key columns (categoricals) and the mask of rows to keep."""
    lookups = _lookups(text, ctx, t)
    lines = text["line"].to_numpy()
    keys = pd.DataFrame(index=text.index)
    keep = np.ones(len(text), dtype=bool)
    for name, column in (("indicator", "indicator_id"), ("area", "area_code"), ("sex", "sex")):
        keys[column], unknown = _recode(text[name], lookups[name])
        ignore = getattr(t, f"unknown_{name}s", "error") == "ignore" if name != "sex" else False
        tallies[f"{'ignored' if ignore else 'unknown'} {name}"].add(text[name].to_numpy()[unknown], lines[unknown])
        if ignore:
            keep &= ~unknown
    period = text["period"]
    empty = (period == "").to_numpy()
    tallies["empty period"].add(np.full(int(empty.sum()), ""), lines[empty])
    keys["period"] = pd.Categorical(period)
    keys["age_group"] = pd.Categorical(text["age_group"].where(text["age_group"] != "", "all"))
    keys["line"] = lines
    return keys, keep


def _tally_problems(tallies: dict[str, Tally], layout: Layout, ctx: Context, t: TableConfig) -> list[Problem]:
    file, out = layout.file, []
    hint = {"indicator": sorted(ctx.ids | set(t.indicators)), "area": sorted(ctx.areas | {ctx.cfg.row_code})}
    for kind, tally in tallies.items():
        state, name = kind.split(" ", 1)
        column = layout.fields.get(name)
        if state == "ignored" and tally.rows:
            shown = ", ".join(repr(c) for c, _, _ in tally.first(5))
            out.append(Problem(file, f"{tally.rows:,} row(s) with {len(tally.codes):,} unknown {name} code(s) were ignored "
                               f"(e.g. {shown})", f"nothing, unless they should load: set unknown_{name}s = \"error\" to list them",
                               column=column, severity="warning"))
            continue
        for code, first, n in tally.first(ctx.log.limit):
            out.append(_key_problem(file, name, code, first, n, column, hint.get(name, [])))
        extra = tally.rows - sum(n for _, _, n in tally.first(ctx.log.limit))
        if extra > 0:
            out.append(Problem(file, f"and {extra:,} more row(s) with other {kind} codes", "see the rows above", column=column))
    return out


def _key_problem(file: str, name: str, code: str, first: int, n: int, column: str | None, valid: list[str]) -> Problem:
    rows = f" on {n:,} row(s), first at row {first}" if n > 1 else ""
    if code == "":
        return Problem(file, f"{name} is empty{rows}", f"fill in the {name} of every row", row=first, column=column)
    fixes = {
        "indicator": "add it to the catalogue, map it in [[tables]] indicators = {\"" + code + "\" = \"catalogue_id\"}, "
                     "or set unknown_indicators = \"ignore\"" + close_matches(code, valid),
        "area": "use a code from the boundary file" + close_matches(code, valid) + ", or set unknown_areas = \"ignore\"",
        "sex": "map it in [[tables]] sex_codes = {\"" + code + "\" = \"female\"} (values: total, female, male)",
    }
    what = {"indicator": "unknown indicator", "area": "unknown area code", "sex": "sex code not mapped"}[name]
    return Problem(file, f"{what}{rows}", fixes[name], row=first, column=column, value=code)


# ---------------------------------------------------------------- numbers


def _row_reporter(ctx: Context, layout: Layout, frame: pd.DataFrame, shown: dict[str, pd.Series] | None = None):
    """A ``checks.Report`` that turns masked rows of ``frame`` into capped Problems."""
    lines = frame["line"].to_numpy()
    inds = frame["indicator_id"].to_numpy() if "indicator_id" in frame else np.full(len(frame), None)

    def report(kind: str, mask: np.ndarray, name: str, message: str, fix: str, severity: str) -> None:
        total = int(np.count_nonzero(mask))
        if not total:
            return
        idx = np.flatnonzero(mask)[: ctx.log.room(layout.file, kind)]
        values = shown[name] if shown and name in shown else frame[name]
        ctx.log.add(kind, total, [
            Problem(layout.file, message, fix, row=int(lines[i]), column=layout.column(name, inds[i]),
                    value=_plain(values.iloc[i]), severity=severity)
            for i in idx
        ])

    return report


def _plain(value: object) -> object:
    if isinstance(value, float | np.floating):
        return int(value) if float(value).is_integer() else float(value)
    return value


def convert_numbers(text: pd.DataFrame, keys: pd.DataFrame, ctx: Context, layout: Layout, decimal: str) -> pd.DataFrame:
    """Numeric measures and status; reports cells that are not numbers."""
    shown = ", ".join(repr(m) for m in ctx.cfg.missing_markers if m.strip())
    markers = {m.strip() for m in ctx.cfg.missing_markers if m.strip()}
    markers |= {m.upper() for m in markers}
    out = keys.copy()
    flags: dict[str, np.ndarray] = {}
    report = _row_reporter(ctx, layout, keys.assign(**{n: text[n] for n in NUMBERS}))
    for name in NUMBERS:
        cells = text[name]
        flags[name] = cells.isin(markers).to_numpy()
        values, bad = parse_numbers(cells.where(~flags[name], ""), decimal)
        out[name] = values
        report("not a number", bad, name, f"{name} is not a number",
               f"write a number with '{decimal}' as decimal separator (as the rest of the table), "
               f"or a missing-value marker ({shown})", "error")
    empty = (text["value"] == "").to_numpy()
    status = np.where(flags["value"] | (empty & (flags["numerator"] | flags["denominator"])), SUPPRESSED,
                      np.where(empty, MISSING, None))
    if "status" in layout.fields:
        source = text["status"].str.slice(0, 64)
        status = np.where((source != "").to_numpy(), source.to_numpy(dtype=object), status)
    out["status"] = pd.Categorical(status)
    return out


def check_chunk(frame: pd.DataFrame, ctx: Context, layout: Layout) -> pd.DataFrame:
    """Counts, computed values, ranges (see etl.checks)."""
    cat = ctx.catalogue.drop_duplicates("id").set_index("id")
    ids = frame["indicator_id"].astype(object).to_numpy()
    types = pd.Series(ids).map(cat["value_type"]).to_numpy(dtype=object)
    multipliers = pd.Series(ids).map(cat["multiplier"]).to_numpy(dtype=float, na_value=1.0)
    report = _row_reporter(ctx, layout, frame)
    given = ~np.isnan(frame["value"].to_numpy(dtype=float))
    check_counts(frame, types, report)
    fill_values(frame, types, multipliers, report)
    check_ranges(frame, types, given, report)
    return frame


# ---------------------------------------------------------------- tables


def _decimal(t: TableConfig, ctx: Context, text: pd.DataFrame, table: TextTable) -> str:
    chosen = t.decimal or ctx.cfg.decimal
    if chosen:
        return chosen
    return detect_decimal([text[n] for n in NUMBERS], table.delimiter)


def _config_problems(t: TableConfig, file: str) -> list[Problem]:
    bad = {k: v for k, v in t.sex_codes.items() if v not in SEXES}
    return [
        Problem(file, f"sex_codes maps '{k}' to '{v}'", "map sex codes only to total, female or male", column="sex_codes", value=v)
        for k, v in bad.items()
    ]


def read_table(t: TableConfig, ctx: Context) -> tuple[pd.DataFrame | None, int]:
    """One table as typed values (None when it cannot be read); problems go to ``ctx.log``."""
    file = display_name(t.path, ctx.cfg.source.parent)
    table = open_table(t.path, file, header=t.header, names=t.names, delimiter=t.delimiter,
                       encoding=t.encoding, sheet=t.sheet, skip_rows=t.skip_rows)
    ctx.log.problems += table.problems + _config_problems(t, file)
    if not table.columns:
        return None, 0
    resolve = resolve_wide(t, table, ctx.ids) if t.format == "wide" else resolve_long(t, table)
    layout, problems = resolve
    ctx.log.problems += problems
    if any(p.severity == "error" for p in problems):
        return None, 0
    tallies = {k: Tally() for k in ("unknown indicator", "ignored indicator", "unknown area", "ignored area",
                                    "unknown sex", "empty period")}
    parts, rows, decimal = [], 0, None
    before = len(table.problems)
    for frame, lines in table.chunks():
        rows += len(frame)
        text = to_long(frame, lines, layout)
        decimal = decimal or _decimal(t, ctx, text, table)
        keys, keep = convert_keys(text, ctx, t, tallies)
        if not keep.all():
            text, keys = text.loc[keep].reset_index(drop=True), keys.loc[keep].reset_index(drop=True)
        parts.append(check_chunk(convert_numbers(text, keys, ctx, layout, decimal), ctx, layout))
    bad_lines = table.problems[before:]  # rows with too many fields, found while reading
    ctx.log.add("wrong number of fields", len(bad_lines), bad_lines[: ctx.log.room(file, "wrong number of fields")])
    ctx.log.problems += _tally_problems(tallies, layout, ctx, t)
    if rows == 0:
        ctx.log.problems.append(Problem(file, "the table has a header but no data rows",
                                        "export the table again with its data, or remove it from [[tables]]",
                                        row=table.header_line))
        return None, 0
    values = concat_frames(parts)
    values["file"] = pd.Categorical.from_codes(np.zeros(len(values), dtype=np.int8), [file])
    return values, rows


def concat_frames(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate frames keeping categorical columns categorical (with the union of categories)."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame()
    if len(parts) == 1:
        return parts[0]
    out = {}
    for col in parts[0].columns:
        if isinstance(parts[0][col].dtype, pd.CategoricalDtype):
            out[col] = pd.Series(union_categoricals([p[col].astype("category") for p in parts], ignore_order=True))
        else:
            out[col] = pd.Series(np.concatenate([p[col].to_numpy() for p in parts]))
    return pd.DataFrame(out)


def check_duplicates(values: pd.DataFrame, ctx: Context) -> None:
    """Rows with the same indicator, area, period, sex and age group; names both rows."""
    dup = values.duplicated(KEY_COLUMNS, keep="first").to_numpy()
    if not dup.any():
        return
    first = values.loc[values.duplicated(KEY_COLUMNS, keep=False).to_numpy() & ~dup, [*KEY_COLUMNS, "file", "line"]]
    later = values.loc[dup, [*KEY_COLUMNS, "file", "line"]]
    for file, group in later.groupby("file", observed=True, sort=False):
        kind = "duplicate key"
        shown = group.head(ctx.log.room(str(file), kind))
        pairs = shown.astype({c: object for c in KEY_COLUMNS}).merge(
            first.astype({c: object for c in KEY_COLUMNS}), on=KEY_COLUMNS, suffixes=("", "_first"), how="left")
        ctx.log.add(kind, len(group), [
            Problem(str(file), "duplicate row: same indicator, area, period, sex and age group as "
                    + (f"row {r.line_first}" if r.file_first == file else f"{r.file_first} row {r.line_first}"),
                    "keep one of the two rows (or give them different periods, sexes or age groups)",
                    row=int(r.line), value="/".join(str(getattr(r, c)) for c in KEY_COLUMNS))
            for r in pairs.itertuples()
        ])


def _finish(values: pd.DataFrame) -> pd.DataFrame:
    """The store.read.VALUE_COLUMNS frame (text columns as plain objects)."""
    if values.empty:
        return pd.DataFrame({c: pd.Series(dtype=object if c in [*KEY_COLUMNS, "status"] else float) for c in VALUE_COLUMNS})
    out = {}
    for col in VALUE_COLUMNS:
        series = values[col]
        if isinstance(series.dtype, pd.CategoricalDtype):
            cats = np.asarray(series.cat.categories, dtype=object)
            lut = np.append(cats, None)
            out[col] = pd.Series(lut[np.asarray(series.cat.codes)], dtype=object)
        elif series.dtype == object:
            out[col] = series.where(series.notna(), None).reset_index(drop=True)
        else:
            out[col] = series.reset_index(drop=True)
    return pd.DataFrame(out)


def read_tables(cfg: CityConfig, area_codes: set[str], catalogue: pd.DataFrame) -> TablesResult:
    """All indicator tables of ``cfg`` as one value frame, with every problem found.

    ``area_codes`` are the boundary codes; the whole-city row code
    (``cfg.row_code``) is accepted too and stored as ``cfg.code``. Rows whose
    value is a suppression marker are kept with value NULL and status
    ``suppressed_at_source`` (an empty cell gives ``missing``).
    """
    ctx = Context(cfg, set(area_codes), catalogue)
    parts, rows_per_file = [], {}
    for t in cfg.tables:
        part, rows = read_table(t, ctx)
        rows_per_file[t.path] = rows
        if part is not None:
            parts.append(part)
    values = concat_frames(parts)
    if not values.empty:
        check_duplicates(values, ctx)
    order = {display_name(t.path, cfg.source.parent): i for i, t in enumerate(cfg.tables)}
    problems = sorted(ctx.log.finish(), key=lambda p: (order.get(p.file, -1), p.row is None, p.row or 0))
    return TablesResult(_finish(values), problems, rows_per_file)
