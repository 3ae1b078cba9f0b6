"""The areas' notes: resources, arenas, ongoing initiatives and the residents' own view.

An optional CSV (``[notes] path``) with one note per row: ``area``, ``kind``,
``title_sv``, ``title_pl``, ``title_en``, ``text_sv``, ``text_pl``, ``text_en``,
``source``, ``url``. Read as text through ``etl.readers`` (delimiter and
encoding detected); every problem is reported with its row, column, value and
fix. ``position`` is the note's order in the file among its area's notes.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from urllib.parse import urlsplit

import pandas as pd

from etl.characters import CONTROL_FIX, invisible, invisible_rows
from etl.checks import close_matches
from etl.config import CityConfig
from etl.errors import Problem
from etl.readers import display_name, open_table, read_all
from store.read import NOTE_COLUMNS
from store.schema import NOTE_KINDS

TITLES = ("title_sv", "title_pl", "title_en")
TEXTS = ("text_sv", "text_pl", "text_en")
COLUMNS = ("area", "kind", *TITLES, *TEXTS, "source", "url")
CODES = ("area", "kind", "url")  # no control nor invisible characters; the rest is free text


def empty_notes() -> pd.DataFrame:
    return pd.DataFrame(columns=NOTE_COLUMNS)


def _header_problems(file: str, columns: list[str]) -> list[Problem]:
    problems = [
        Problem(file, f"has no column '{c}'", f"add a column '{c}' (see docs/config.md, [notes])",
                row=1)
        for c in ("area", "kind")
        if c not in columns
    ]
    if not any(c in columns for c in TITLES):
        fix = "add at least one of " + ", ".join(TITLES)
        problems.append(Problem(file, "has no title column", fix, row=1))
    problems += [
        Problem(file, "unknown column", f"rename it to one of {', '.join(COLUMNS)}{close_matches(c, COLUMNS)}",
                row=1, column=c, value=c)
        for c in columns
        if c not in COLUMNS
    ]
    return problems


def _url_ok(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _row_problems(
    file: str, row: Mapping[Hashable, str], line: int, codes: set[str], seen: dict[tuple[str, ...], int]
) -> list[Problem]:
    """Everything wrong with one note (``row``: stripped cells by column)."""
    out: list[Problem] = []
    area, kind, url = row["area"], row["kind"], row["url"]
    if area not in codes and not invisible(area):
        fix = "use a code from the boundary file" + close_matches(area, sorted(codes))
        out.append(Problem(file, "unknown area code", fix, row=line, column="area", value=area))
    if kind not in NOTE_KINDS:
        fix = f"use one of {', '.join(NOTE_KINDS)}{close_matches(kind, NOTE_KINDS)}"
        out.append(Problem(file, "unknown kind of note", fix, row=line, column="kind", value=kind))
    if not any(row[c] for c in TITLES):
        fix = f"give the note a title in at least one of {', '.join(TITLES)}, or remove the row"
        out.append(Problem(file, "the note has no title", fix, row=line, column="title_sv"))
    if url and not _url_ok(url):
        fix = "give a web address starting with http:// or https://, or leave url empty"
        out.append(Problem(file, "url is not a web address", fix, row=line, column="url", value=url))
    key = (area, kind, *(row[c].casefold() for c in TITLES))
    if key in seen:
        fix = f"remove this row; it repeats row {seen[key]} (same area, kind and titles)"
        out.append(Problem(file, "duplicate note", fix, row=line, column="title_sv",
                           value=next((row[c] for c in TITLES if row[c]), "")))
    else:
        seen[key] = line
    return out


def _character_problems(file: str, frame: pd.DataFrame, lines: list[int]) -> list[Problem]:
    """Control characters in any cell, invisible ones in the codes."""
    out = []
    for col in COLUMNS:
        for i in invisible_rows(frame[col], free_text=col not in CODES).nonzero()[0]:
            text = frame[col].iloc[i]
            reason = invisible(text, free_text=col not in CODES)
            out.append(Problem(file, f"{col} {reason}", CONTROL_FIX, row=lines[i], column=col,
                               value=text))
    return out


def read_notes(cfg: CityConfig, codes: set[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """The notes of ``cfg`` (``store.read.NOTE_COLUMNS``) for areas among ``codes``, and
    every problem found. No notes file configured: an empty frame, no problems."""
    if cfg.notes is None:
        return empty_notes(), []
    file = display_name(cfg.notes, cfg.source.parent)
    table = open_table(cfg.notes, file)
    problems = list(table.problems) + (_header_problems(file, table.columns) if table.columns else [])
    if any(p.severity == "error" for p in problems):
        return empty_notes(), problems
    frame, lines = read_all(table)
    frame = frame.reindex(columns=list(COLUMNS), fill_value="").fillna("")
    for col in COLUMNS:
        frame[col] = frame[col].astype(str).str.strip().str.normalize("NFC")
    frame["kind"] = frame["kind"].str.lower()  # "Arena" is an arena
    problems += _character_problems(file, frame, lines.tolist())
    seen: dict[tuple[str, ...], int] = {}
    for record, line in zip(frame.to_dict("records"), lines.tolist(), strict=True):
        problems += _row_problems(file, record, int(line), codes, seen)
    notes = frame.rename(columns={"area": "area_code"})
    notes["position"] = notes.groupby("area_code").cumcount() + 1
    notes = notes[NOTE_COLUMNS].reset_index(drop=True)
    for col in NOTE_COLUMNS:
        if col != "position":
            notes[col] = notes[col].astype(object).where(notes[col] != "", None)
    return notes, problems
