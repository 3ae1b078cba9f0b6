"""Opening the programme register's files (``[programme]``) as sheets of text cells.

Each kind (programmes, goals, targets, institutions, initiatives) is a CSV file or a
sheet of an XLSX workbook, read as text through ``etl.readers`` (delimiter, encoding and
decimal detected). Checked here, before any row is interpreted: the columns (required
ones present, no unknown ones) and the characters of every cell (no control character;
in codes and ids no invisible one either). ``Sheet`` then hands the rows out with their
editor line numbers and collects the problems of each cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl.characters import CONTROL_FIX, invisible
from etl.checks import close_matches
from etl.config import CityConfig
from etl.errors import Problem, excerpt
from etl.programme_config import KINDS, ProgrammeSource
from etl.readers import display_name, open_table, read_all

NAMES = ("name_sv", "name_pl", "name_en")
DESCRIPTIONS = ("description_sv", "description_pl", "description_en")
FREE_TEXT = {*NAMES, *DESCRIPTIONS, "name"}
# Required columns, then optional ones, of each kind; NAMES: at least one of them.
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "programmes": (("id",), (*NAMES, *DESCRIPTIONS, "start_year", "end_year")),
    "goals": (("programme", "goal"), (*NAMES, "indicators")),
    "targets": (("indicator", "baseline_period", "baseline_value", "target_period", "target_value"),
                ("area", "sex", "age_group", "programme", "goal", "direction")),
    "institutions": (("id", "name", "type"), ()),
    "initiatives": (("id", "sector", "lead", "areas", "start_year", "status"),
                    ("programme", "goal", *NAMES, *DESCRIPTIONS, "partners", "end_year", "budget",
                     "participants")),
}
WITH_NAMES = ("programmes", "goals", "initiatives")
DOC = "see docs/programmes.md"


@dataclass
class Sheet:
    """The text cells of one kind of rows (stripped, NFC), their editor line numbers, and
    the problems found; rows with a problem in their characters are left out of ``rows``."""

    kind: str
    file: str
    frame: pd.DataFrame
    lines: list[int]
    delimiter: str | None = None
    problems: list[Problem] = field(default_factory=list)
    bad: set[int] = field(default_factory=set)  # lines not to interpret further

    def add(self, line: int | None, column: str | None, message: str, fix: str,
            value: object = None, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, message, fix, row=line, column=column,
                                     value=value, severity=severity))

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(line, cells by column) of the rows whose characters are clean."""
        for line, record in zip(self.lines, self.frame.to_dict("records"), strict=True):
            if line not in self.bad:
                yield line, {str(k): str(v) for k, v in record.items()}

    def column(self, name: str) -> pd.Series:
        return self.frame[name] if name in self.frame else pd.Series("", index=self.frame.index)


def _label(source: ProgrammeSource, base: Path, sheet: str | None) -> str:
    name = display_name(source.path, base)
    return f"{name}, sheet {excerpt(sheet)}" if sheet is not None else name


def _sheet_of(source: ProgrammeSource) -> str | None:
    """The sheet to read: the configured one; in a workbook of one kind, the sheet named
    like the kind (ignoring case) when there is one, else the first (None)."""
    if source.sheet is not None or source.path.suffix.lower() not in (".xlsx", ".xlsm"):
        return source.sheet
    try:
        with pd.ExcelFile(source.path, engine="openpyxl") as book:
            names = [str(s) for s in book.sheet_names]
    except Exception:  # open_table says what is wrong with the file
        return None
    return next((s for s in names if s.casefold() == source.kind), None)


def _header_problems(kind: str, file: str, columns: list[str], line: int | None) -> list[Problem]:
    required, optional = COLUMNS[kind]
    known = (*required, *optional)
    out = [Problem(file, f"has no column {excerpt(c)}", f"add a column {excerpt(c)} to the "
                   f"{kind} ({DOC}){close_matches(c, [x for x in columns if x not in known])}",
                   row=line)
           for c in required if c not in columns]
    if kind in WITH_NAMES and not any(c in columns for c in NAMES):
        out.append(Problem(file, "has no name column", f"add at least one of {', '.join(NAMES)}",
                           row=line))
    out += [Problem(file, "unknown column", f"rename it to one of {', '.join(known)}"
                    f"{close_matches(c, known)}, or remove it", row=line, column=c, value=c)
            for c in columns if c not in known]
    return out


def _characters(sheet: Sheet) -> None:
    """Control characters in any cell, invisible ones in codes and ids: the row is left out."""
    for col in sheet.frame.columns:
        free = col in FREE_TEXT
        for line, text in zip(sheet.lines, sheet.frame[col].tolist(), strict=True):
            why = invisible(text, free_text=free) if text else None
            if why:
                sheet.add(line, str(col), f"{col} {why}", CONTROL_FIX, value=text)
                sheet.bad.add(line)


def open_sheet(cfg: CityConfig, source: ProgrammeSource) -> tuple[Sheet, int, bool]:
    """One kind's rows as a ``Sheet``, the data rows read, and whether the file and its
    columns could be used (if not, the sheet has no rows, only the problems)."""
    sheet_name = _sheet_of(source)
    file = _label(source, cfg.source.parent, sheet_name)
    options = {"sheet": sheet_name} if sheet_name is not None else {}
    table = open_table(source.path, file, **options)
    problems = list(table.problems)
    if table.columns:
        problems += _header_problems(source.kind, file, table.columns, table.header_line)
    empty = Sheet(source.kind, file, pd.DataFrame(), [], problems=problems)
    if any(p.severity == "error" for p in problems):
        return empty, 0, False
    frame, lines = read_all(table)
    extra = [p for p in (table.blank_problem(), table.notes_problem()) if p]
    frame = frame.fillna("").astype(str)
    for col in frame.columns:
        frame[col] = frame[col].str.strip().str.normalize("NFC")
    sheet = Sheet(source.kind, file, frame.reset_index(drop=True), [int(n) for n in lines],
                  table.delimiter, problems + list(table.problems) + extra)
    _characters(sheet)
    return sheet, len(frame), True


@dataclass
class Sheets:
    """Every configured kind's sheet (a kind not configured is absent), with the data
    rows read per file."""

    by_kind: dict[str, Sheet] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)  # kinds whose file or columns are unusable
    rows: dict[Path, int] = field(default_factory=dict)

    def problems(self) -> list[Problem]:
        return [p for kind in KINDS if kind in self.by_kind for p in self.by_kind[kind].problems]


def open_sheets(cfg: CityConfig) -> Sheets:
    out = Sheets()
    if cfg.programme is None:
        return out
    for source in cfg.programme.sources:
        sheet, rows, usable = open_sheet(cfg, source)
        out.rows[source.path] = out.rows.get(source.path, 0) + rows
        out.by_kind[source.kind] = sheet
        if not usable:
            out.failed.add(source.kind)
    return out
