"""Indicator tables: read long or wide CSV/XLSX tables into indicator values.

Every problem is collected (never raised) with file, row, column, value and
fix; the pipeline stops when any of them is an error. Work is vectorized and
chunked: key columns are checked once per distinct code, numbers per column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray
from pandas.api.types import union_categoricals

from etl.aggregate import aggregate_values, crosswalked
from etl.characters import CONTROL_FIX, invisible_rows
from etl.checks import MISSING, SUPPRESSED, Message, Report, check_scale
from etl.config import CityConfig, TableConfig
from etl.context import Context
from etl.crosswalk import Crosswalk
from etl.derive import derive
from etl.duplicates import check_duplicates
from etl.errors import Problem
from etl.keys import KEY_COLUMNS, Codebook, convert_keys, lookups, new_tallies, tally_problems
from etl.layout import NUMBERS, Layout, resolve_long, resolve_wide, to_long
from etl.names import AreaKey, area_key
from etl.numbers import detect_decimal, parse_measure
from etl.opening import open_input
from etl.plausibility import check_city_values
from etl.readers import TextTable, display_name
from etl.rowchecks import check_values, plain, row_kinds
from etl.sources import SourceData, read_sources
from store.read import VALUE_COLUMNS
from store.schema import SEXES


@dataclass
class TablesResult:
    """Values of all tables (store.read.VALUE_COLUMNS, object and float columns) and problems.

    Whole-city rows have ``area_code == cfg.code``. ``problems`` holds errors
    and warnings (``Problem.severity``); ``rows_per_file`` the data rows read.
    """

    values: pd.DataFrame
    problems: list[Problem]
    rows_per_file: dict[Path, int]
    derived: int = 0  # rows computed by [[derived]] blocks (included in ``values``)


# ---------------------------------------------------------------- numbers


def _row_reporter(ctx: Context, layout: Layout, frame: pd.DataFrame) -> Report:
    """A ``checks.Report`` that turns masked rows of ``frame`` into capped Problems."""

    def report(
        kind: str, mask: np.ndarray, name: str, message: Message, fix: str, severity: str
    ) -> None:
        total = int(np.count_nonzero(mask))
        if not total:
            return
        idx = np.flatnonzero(mask)[: ctx.log.room(layout.file, kind)]
        rows = frame.iloc[idx]
        inds = rows["indicator_id"].tolist() if "indicator_id" in rows else [None] * len(rows)
        problems = [
            Problem(
                layout.file,
                message if isinstance(message, str) else message(int(i)),
                fix,
                row=int(line),
                column=layout.column(name, ind),
                value=plain(value),
                severity=severity,
            )
            for i, line, ind, value in zip(idx, rows["line"], inds, rows[name], strict=True)
        ]
        ctx.log.add(kind, total, problems)

    return report


def _status(
    text: pd.DataFrame,
    layout: Layout,
    missing: np.ndarray,
    marked: dict[str, np.ndarray],
    book: Codebook,
) -> ExtensionArray:
    """The source's status text, else suppressed (a marker) or missing (no value)."""
    suppressed = marked["value"] | (missing & (marked["numerator"] | marked["denominator"]))
    codes = book.codes([SUPPRESSED, MISSING])
    rows = np.where(suppressed, codes[0], np.where(missing, codes[1], -1)).astype(np.int32)
    if "status" in layout.fields:
        source = text["status"].str.strip().str.slice(0, 64)
        given = (source != "").to_numpy()
        found, uniques = pd.factorize(source[given].to_numpy(dtype=object))
        rows[given] = book.codes(list(uniques))[found]
    return book.categorical(rows)


def convert_numbers(
    text: pd.DataFrame, keys: pd.DataFrame, ctx: Context, layout: Layout, decimal: str
) -> pd.DataFrame:
    """Numeric measures and status; reports cells that are not numbers."""
    markers = {m.strip() for m in ctx.cfg.missing_markers if m.strip()}
    shown = ", ".join(repr(m) for m in ctx.cfg.missing_markers if m.strip())
    fix = f"write a number with '{decimal}' as decimal separator (as the rest of the table), "
    fix += f"or a missing-value marker ({shown})"
    markers |= {m.upper() for m in markers}
    out = keys.copy()
    marked: dict[str, np.ndarray] = {}
    report = _row_reporter(ctx, layout, keys.assign(**{n: text[n] for n in (*NUMBERS, "status")}))
    for name in NUMBERS:
        if not layout.has(name):
            out[name], marked[name] = np.nan, np.zeros(len(text), dtype=bool)
            continue
        out[name], bad, marked[name] = parse_measure(text[name], markers, decimal)
        report("not a number", bad, name, f"{name} is not a number", fix, "error")
    if "status" in layout.fields:
        bad = invisible_rows(text["status"], free_text=True)
        report("control character", bad, "status", "status contains a control character",
               CONTROL_FIX, "error")
    missing = np.isnan(out["value"].to_numpy(dtype=float))
    out["status"] = _status(text, layout, missing, marked, ctx.books["status"])
    return out


def check_chunk(frame: pd.DataFrame, ctx: Context, layout: Layout) -> pd.DataFrame:
    """Counts, computed values, ranges and plausibility (see etl.rowchecks)."""
    return check_values(frame, ctx, _row_reporter(ctx, layout, frame))


# ---------------------------------------------------------------- tables


def _decimal(t: TableConfig, ctx: Context, text: pd.DataFrame, table: TextTable) -> str:
    chosen = t.decimal or ctx.cfg.decimal
    if chosen:
        return chosen
    return detect_decimal([text[n] for n in NUMBERS], table.delimiter)


def _config_problems(t: TableConfig, file: str) -> list[Problem]:
    bad = {k: v for k, v in t.sex_codes.items() if v not in SEXES}
    return [
        Problem(
            file,
            f"sex_codes maps '{k}' to '{v}'",
            "map sex codes only to total, female or male",
            column="sex_codes",
            value=v,
        )
        for k, v in bad.items()
    ]


def _open(t: TableConfig, ctx: Context) -> tuple[TextTable, Layout] | None:
    """Open a table and resolve its layout; None (with problems logged) when it cannot be read."""
    file = display_name(t.path, ctx.cfg.source.parent)
    table = open_input(t, file)
    ctx.log.problems += table.problems + _config_problems(t, file)
    del table.problems[:]
    if not table.columns:
        return None
    resolve = resolve_wide if t.format == "wide" else resolve_long
    layout, problems = resolve(t, table, ctx.ids)
    ctx.log.problems += problems
    return None if any(p.severity == "error" for p in problems) else (table, layout)


def read_table(t: TableConfig, ctx: Context) -> tuple[pd.DataFrame | None, int]:
    """One table as typed values (None when it cannot be read); problems go to ``ctx.log``."""
    walk = ctx.crosswalks.get(t.crosswalk) if t.crosswalk else None
    if t.crosswalk and (walk is None or walk.failed):
        return None, 0  # the crosswalk could not be read; its problems say why
    opened = _open(t, ctx)
    if opened is None:
        return None, 0
    table, layout = opened
    maps = lookups(ctx.cfg, t, ctx.ids, ctx.areas)
    number = next(i for i, x in enumerate(ctx.cfg.tables) if x is t) + 1
    key = area_key(ctx.cfg, f"[tables #{number}]", t.area_match, t.crosswalk, ctx.areas, ctx.names,
                   ctx.crosswalks)
    if key is not None:
        maps["area"] = key.lookup
    tallies = new_tallies()
    parts, rows, decimal = [], 0, None
    for frame, lines in table.chunks():
        rows += len(frame)
        text = to_long(frame, lines, layout)
        decimal = decimal or _decimal(t, ctx, text, table)
        keys, keep = convert_keys(text, maps, t, tallies, ctx.books)
        if not keep.all():
            text, keys = (
                text.loc[keep].reset_index(drop=True),
                keys.loc[keep].reset_index(drop=True),
            )
        parts.append(check_chunk(convert_numbers(text, keys, ctx, layout, decimal), ctx, layout))
    ctx.log.problems += [p for p in (table.blank_problem(), table.notes_problem()) if p is not None]
    kind = "wrong number of fields"  # rows found while reading
    ctx.log.add(kind, len(table.problems), table.problems[: ctx.log.room(table.file, kind)])
    valid = {
        "indicator": sorted(ctx.ids | set(t.indicators)),
        "area": sorted(ctx.areas | {ctx.cfg.row_code}),
    }
    if key is not None:
        ctx.log.problems += key.problems(tallies, table.file, layout.fields.get("area"), ctx.log.limit)
    ctx.log.problems += tally_problems(tallies, table.file, layout.fields, valid, ctx.log.limit)
    if rows == 0:
        ctx.log.problems.append(
            Problem(
                table.file,
                "the table has a header but no data rows",
                "export the table again with its data, or remove it from [[tables]]",
                row=table.header_line,
            )
        )
        return None, 0
    values = concat_frames(parts)
    book = ctx.books["file"]
    values["file"] = book.categorical(np.full(len(values), book.codes([table.file])[0]))
    values["estimated"] = np.zeros(len(values), dtype=bool)
    return _through_crosswalk(values, key, ctx, table.file, layout), rows


def _through_crosswalk(values: pd.DataFrame, key: AreaKey | None, ctx: Context, file: str,
                       layout: Layout) -> pd.DataFrame:
    """A table keyed by a crosswalk's source areas, summed into the atlas's areas and checked
    again (values computed from the summed numerators and denominators)."""
    if key is None or key.crosswalk is None or values.empty:
        return values
    check_duplicates(values, ctx.log)  # a repeated source row would be summed twice
    summed = aggregate_values(values, key, ctx, file, layout.column)
    return check_chunk(summed, ctx, layout) if len(summed) else summed


def concat_frames(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate frames whose categoricals share codebooks (codes only ever grow).

    The codes are concatenated and given the last (largest) categories; frames
    whose categories do not line up fall back to ``union_categoricals``.
    """
    parts = [p for p in parts if len(p)]
    if len(parts) <= 1:
        return parts[0] if parts else pd.DataFrame()
    out: dict[str, np.ndarray | pd.Categorical] = {}
    for col in parts[0].columns:
        if not isinstance(parts[0][col].dtype, pd.CategoricalDtype):
            out[col] = np.concatenate([p[col].to_numpy() for p in parts])
            continue
        cats = max((p[col].cat.categories for p in parts), key=len)
        if all(cats[: len(p[col].cat.categories)].equals(p[col].cat.categories) for p in parts):
            codes = np.concatenate([p[col].cat.codes.to_numpy() for p in parts])
            out[col] = pd.Categorical.from_codes(codes, categories=cats)
        else:
            out[col] = union_categoricals([p[col] for p in parts], ignore_order=True)
    return pd.DataFrame(out)


def _finish(values: pd.DataFrame) -> pd.DataFrame:
    """The store.read.VALUE_COLUMNS frame.

    The key columns stay categorical (codes and the distinct strings): a fraction
    of the memory of millions of Python strings, and the load sends each distinct
    string once (etl.copyformat) without hashing the rows again. The status is
    plain text with None where there is none.
    """
    if values.empty:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=object if c in [*KEY_COLUMNS, "status", "estimated"] else float)
                for c in VALUE_COLUMNS
            }
        )
    values = values.reset_index(drop=True)
    flags = np.full(len(values), None, dtype=object)
    flags[values["estimated"].to_numpy(dtype=bool)] = True
    values["estimated"] = flags
    for col in VALUE_COLUMNS:  # replaced column by column, so no second copy of the frame
        series = values[col]
        if isinstance(series.dtype, pd.CategoricalDtype) and col not in KEY_COLUMNS:
            cats = np.asarray(series.cat.categories, dtype=object)
            lut = np.concatenate([cats, np.array([None], dtype=object)])
            values[col] = pd.Series(lut[np.asarray(series.cat.codes)], dtype=object)
        elif series.dtype == object:
            values[col] = series.where(series.notna(), None)
    return values[VALUE_COLUMNS]


def _crosswalked(data: SourceData, ctx: Context) -> SourceData:
    """A source read through its crosswalk, keyed by the atlas's areas (etl.aggregate)."""
    s = data.cfg
    key = area_key(ctx.cfg, s.label, s.area_match, s.crosswalk, ctx.areas, ctx.names, ctx.crosswalks)
    return data if key is None or s.crosswalk is None else crosswalked(data, key, ctx)


def read_tables(cfg: CityConfig, area_codes: set[str], catalogue: pd.DataFrame,
                names: dict[str, str] | None = None,
                crosswalks: dict[str, Crosswalk] | None = None) -> TablesResult:
    """All indicator tables of ``cfg`` as one value frame, with every problem found.

    ``area_codes`` are the boundary codes; the whole-city row code
    (``cfg.row_code``) is accepted too and stored as ``cfg.code``. Rows whose
    value is a suppression marker are kept with value NULL and status
    ``suppressed_at_source`` (an empty cell gives ``missing``).
    """
    ctx = Context(cfg, set(area_codes), catalogue, names=names or {}, crosswalks=crosswalks or {})
    parts, rows_per_file = [], {}
    for t in cfg.tables:
        part, rows = read_table(t, ctx)
        rows_per_file[t.path] = rows
        if part is not None:
            parts.append(part)
    values, derived = concat_frames(parts), []
    if cfg.sources or cfg.derived:
        sources, source_rows = read_sources(ctx)
        sources = {name: _crosswalked(data, ctx) for name, data in sources.items()}
        rows_per_file |= {p: n for p, n in source_rows.items() if p not in rows_per_file}
        derived = derive(ctx, values, sources)
        values = concat_frames([values, *derived])
    if not values.empty:
        check_duplicates(values, ctx.log)
        types = (
            catalogue.drop_duplicates("id").set_index("id")["value_type"]
            if len(catalogue)
            else pd.Series(dtype=object)
        )
        ctx.log.problems += check_scale(values, types)
        check_city_values(values, ctx, row_kinds(values, ctx))
    files = [t.path for t in cfg.tables] + [s.path for s in cfg.sources] + [cfg.source]
    order = {display_name(path, cfg.source.parent): i for i, path in reversed(list(enumerate(files)))}
    problems = sorted(
        ctx.log.finish(), key=lambda p: (order.get(p.file, -1), p.row is None, p.row or 0)
    )
    return TablesResult(_finish(values), problems, rows_per_file, sum(len(d) for d in derived))
