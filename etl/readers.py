"""Reading CSV and XLSX tables as text, in chunks, with editor line numbers.

Every cell is read as text first, so a bad value can be reported exactly as the
analyst typed it. Each row carries its line number as seen in an editor or a
spreadsheet (header = line 1, after any skipped title rows). CSV files are read
in chunks so that a file of millions of rows never sits in memory as text.
"""

from __future__ import annotations

import csv
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from etl.errors import Problem, excerpt, listing, reason
from etl.paths import NOT_FOUND, folder_listing, unreadable
from etl.sniff import DELIMITERS, detect_delimiter, detect_encoding, sample_lines

CHUNK_ROWS = 500_000
BLANK_SHOWN = 5  # empty rows named in the warning
DELIMITER_NAMES = {"\t": "tab", ";": "';'", "|": "'|'", ",": "','", "whitespace": "whitespace"}
_SKIPPED = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")


def display_name(path: Path, base: Path) -> str:
    """The path as the analyst knows it: relative to the config folder when inside it."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return str(path)


@dataclass
class TextTable:
    """A table read as text: its column names, chunks of rows, and reading problems.

    ``chunks()`` yields ``(frame, lines)``: a DataFrame of strings (object
    dtype, no NaN) and the editor line number of each row. Blank lines are
    dropped. CSV cells are not stripped (that would cost a Python call per
    cell); whoever interprets a column strips its distinct values.
    Problems found while reading (bad lines) are appended to ``problems``.
    """

    file: str
    columns: list[str]
    encoding: str | None
    delimiter: str | None
    header_line: int | None
    problems: list[Problem] = field(default_factory=list)
    _source: Any = None
    blank_rows: int = 0  # empty rows dropped while reading (a plausibility warning)
    blank_lines: list[int] = field(default_factory=list)  # the first few of them
    _pending: tuple[int, list[int]] = (0, [])  # empty rows not yet followed by data: count, first
    notes_below: bool = False  # the data end at the first empty row after them; the rest are notes
    notes: tuple[int, int] = (0, 0)  # rows left out as notes, and the empty row that ended the data
    _seen: int = 0  # 1: a data row was read; 2: the data have ended (notes_below)

    def cut_notes(self, blank: np.ndarray, lines: np.ndarray) -> int:
        """Rows of a chunk to keep when ``notes_below``: those before the first empty row after data."""
        start = 0 if self._seen else int(np.argmax(~blank)) if (~blank).any() else len(blank)
        ends = np.flatnonzero(blank[start:]) if self._seen < 2 else np.array([-start])
        self._seen = max(self._seen, 1 if start < len(blank) else 0)
        if not len(ends):
            return len(blank)
        stop = start + int(ends[0])
        if self._seen < 2:
            self._seen, self.notes = 2, (0, int(lines[stop]))
        self.notes = (self.notes[0] + int(np.count_nonzero(~blank[stop:])), self.notes[1])
        return stop

    def notes_problem(self) -> Problem | None:
        """A warning saying how many rows below the data were left out as notes."""
        if not self.notes[0]:
            return None
        return Problem(self.file, f"{self.notes[0]:,} row(s) below the empty row {self.notes[1]} were "
                       "left out as notes (notes_below = true)", "nothing, unless data follow there: "
                       "remove the empty row, or set notes_below = false", row=self.notes[1],
                       severity="warning")

    def count_blank(self, blank: np.ndarray, lines: np.ndarray) -> None:
        """Count empty rows between data rows (those after the last data row are not counted)."""
        kept = np.flatnonzero(~blank)
        last = int(kept[-1]) if len(kept) else -1
        if last >= 0 and self._pending[0]:
            self._commit(*self._pending)
            self._pending = (0, [])
        inside = lines[: last + 1][blank[: last + 1]]
        self._commit(len(inside), [int(n) for n in inside[:BLANK_SHOWN]])
        after = lines[last + 1:][blank[last + 1:]]
        count, first = self._pending
        self._pending = (count + len(after), (first + [int(n) for n in after[:BLANK_SHOWN]])[:BLANK_SHOWN])

    def _commit(self, count: int, first: list[int]) -> None:
        self.blank_rows += count
        self.blank_lines += first[: BLANK_SHOWN - len(self.blank_lines)]

    def blank_problem(self) -> Problem | None:
        """A warning counting the empty rows and naming the first ones (None: there were none)."""
        if not self.blank_rows:
            return None
        shown = ", ".join(str(n) for n in self.blank_lines)
        more = " ..." if self.blank_rows > len(self.blank_lines) else ""
        return Problem(self.file, f"{self.blank_rows:,} empty row(s) were skipped (rows {shown}{more})",
                       "nothing, unless data are missing there: delete the empty rows, or fill "
                       "them in", row=self.blank_lines[0], severity="warning")

    def chunks(self) -> Iterator[tuple[pd.DataFrame, np.ndarray]]:
        yield from self._source(self)

    @classmethod
    def failed(cls, file: str, message: str, fix: str, **where: Any) -> TextTable:
        """A table that could not be opened, with the reason."""
        return cls(file, [], None, None, None, [Problem(file, message, fix, **where)])


@dataclass(frozen=True)
class ReadOptions:
    """How to read a table (the reading keys of a [[tables]] section)."""

    header: bool = True
    names: tuple[str, ...] | None = None
    delimiter: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    skip_rows: int = 0
    notes_below: bool = False

    @property
    def header_line(self) -> int | None:
        return self.skip_rows + 1 if self.header else None

    @property
    def first_line(self) -> int:
        return self.skip_rows + (2 if self.header else 1)


# ---------------------------------------------------------------- csv


def _bad_lines(caught: list[warnings.WarningMessage]) -> list[tuple[int, int, int]]:
    found = []
    for w in caught:
        found += [(int(a), int(b), int(c)) for a, b, c in _SKIPPED.findall(str(w.message))]
    return found


def _csv_chunks(
    table: TextTable, path: Path, opts: dict[str, Any], first_line: int, names: list[str]
) -> Iterator[tuple[pd.DataFrame, np.ndarray]]:
    next_line = first_line
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reader = pd.read_csv(path, chunksize=CHUNK_ROWS, **opts)
        for chunk in reader:
            skipped = _bad_lines(caught)
            caught.clear()
            for line, want, saw in skipped:
                extra = DELIMITER_NAMES.get(table.delimiter or ",", table.delimiter)
                table.problems.append(Problem(
                    table.file, f"row has {saw} fields but the header has {want}",
                    f"remove the extra {extra} or quote the cell that contains it", row=line))
            lines = np.arange(next_line, next_line + len(chunk) + len(skipped), dtype=np.int64)
            if skipped:
                lines = lines[~np.isin(lines, [s[0] for s in skipped])]
            next_line = int(lines[-1]) + 1 if len(lines) else next_line + len(skipped)
            chunk.columns = names
            frame, lines, rest_empty = _clean(chunk, lines, table=table)
            yield _drop_foreign_rows(table, frame, lines, rest_empty)


def _drop_foreign_rows(
    table: TextTable, frame: pd.DataFrame, lines: np.ndarray, rest_empty: np.ndarray
) -> tuple[pd.DataFrame, np.ndarray]:
    """Report and drop rows that hold everything in the first cell, split by another delimiter."""
    if frame.shape[1] < 2 or table.delimiter == "whitespace" or not rest_empty.any():
        return frame, lines
    first = frame.iloc[:, 0]
    candidates = first[rest_empty]
    foreign = np.zeros(len(frame), dtype=bool)
    for other in DELIMITERS:
        if other == table.delimiter:
            continue
        hit = np.zeros(len(frame), dtype=bool)
        hit[rest_empty] = (candidates.str.count(re.escape(other)) >= frame.shape[1] - 1).to_numpy(
            dtype=bool
        )
        for i in np.flatnonzero(hit & ~foreign):
            table.problems.append(
                Problem(
                    table.file,
                    f"row is split by {DELIMITER_NAMES[other]} but the file uses {DELIMITER_NAMES[table.delimiter or ',']}",
                    f"use {DELIMITER_NAMES[table.delimiter or ',']} between the cells of this row too",
                    row=int(lines[i]),
                )
            )
        foreign |= hit
    return (
        (frame.loc[~foreign].reset_index(drop=True), lines[~foreign])
        if foreign.any()
        else (frame, lines)
    )


def _clean(
    frame: pd.DataFrame, lines: np.ndarray, strip: bool = False, table: TextTable | None = None
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Drop blank rows (counted in ``table``); with ``strip`` also strip every cell (small
    files only).

    Also returns, for the rows kept, whether all cells but the first are empty.
    """
    if strip:
        frame = frame.fillna("")
        for col in frame.columns:
            frame[col] = frame[col].astype(str).str.strip()
    rest = [frame[c].to_numpy(dtype=object) == "" for c in frame.columns[1:]]
    rest_empty = np.logical_and.reduce(rest) if rest else np.ones(len(frame), dtype=bool)
    blank = rest_empty.copy()
    if frame.shape[1] and blank.any():
        blank[blank] = frame.iloc[:, 0][blank].str.strip().to_numpy(dtype=object) == ""
    if table is not None and table.notes_below:
        stop = table.cut_notes(blank, lines)
        frame, lines, blank, rest_empty = frame.iloc[:stop], lines[:stop], blank[:stop], rest_empty[:stop]
    if table is not None:
        table.count_blank(blank, lines)
    if blank.any():
        frame, lines, rest_empty = frame.loc[~blank], lines[~blank], rest_empty[~blank]
    return frame.reset_index(drop=True), lines, rest_empty


def _header_problems(file: str, columns: list[str], line: int | None) -> list[Problem]:
    seen: dict[str, int] = {}
    for c in columns:
        seen[c] = seen.get(c, 0) + 1
    return [Problem(file, f"column {excerpt(c)} appears {n} times in the header",
                    "rename or remove the repeated column", row=line, column=c)
            for c, n in seen.items() if n > 1]


def _csv_columns(sample: list[str], delimiter: str, opts: ReadOptions) -> list[str]:
    if not opts.header:
        return list(opts.names or ())
    first = sample[0] if sample else ""
    if delimiter == "whitespace":
        return first.split()
    return [c.strip() for c in next(csv.reader([first], delimiter=delimiter), [])]


def _open_csv(path: Path, file: str, opts: ReadOptions) -> TextTable:
    enc, problems = detect_encoding(path, file, opts.encoding)
    if enc is None:
        return TextTable(file, [], None, None, None, problems)
    sample = sample_lines(path, enc, opts.skip_rows)
    if not any(line.strip() for line in sample):
        fix = "export the table again; it needs a header row and data rows"
        return TextTable.failed(file, "the file is empty", fix)
    delimiter = opts.delimiter
    if delimiter is None:
        delimiter = detect_delimiter(sample, None if opts.header else len(opts.names or ()))
    if delimiter is None:
        # The line is not quoted: it splits into no fields, so it may be anything (a secret).
        fix = "set delimiter = ';' (or ',', '\\t', '|', 'whitespace') in its [[tables]] section"
        message = "cannot tell the delimiter: no tab, ';', '|', ',' or spaces split the lines alike"
        return TextTable.failed(file, message, fix, row=opts.skip_rows + 1)
    columns = _csv_columns(sample, delimiter, opts)
    problems += _header_problems(file, columns, opts.header_line)
    read_csv: dict[str, Any] = {
        "sep": r"\s+" if delimiter == "whitespace" else delimiter,
        "encoding": enc,
        "dtype": object,
        "keep_default_na": False,
        "na_values": [],
        "skip_blank_lines": False,
        "on_bad_lines": "warn",
        "skiprows": opts.skip_rows + (1 if opts.header else 0),
        "header": None,
        "names": [f"_{i}" for i in range(len(columns))],
        "engine": "c",
    }
    table = TextTable(file, columns, enc, delimiter, opts.header_line, problems,
                      notes_below=opts.notes_below)
    table._source = lambda t: _csv_chunks(t, path, read_csv, opts.first_line, columns)
    return table


# ---------------------------------------------------------------- xlsx


def _cell_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime | date | pd.Timestamp):
        return value.isoformat()[:10] if not getattr(value, "hour", 0) else value.isoformat()
    return str(value)


def _xlsx_cells(path: Path, file: str, opts: ReadOptions) -> pd.DataFrame | TextTable:
    """All cells of the sheet as text, or a failed table saying why."""
    try:
        book = pd.ExcelFile(path, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        fix = "save it again from Excel as .xlsx, or export it as CSV"
        return TextTable.failed(file, f"cannot open as XLSX ({type(exc).__name__}: {reason(exc)})", fix)
    sheets = [str(s) for s in book.sheet_names]
    if opts.sheet is not None and opts.sheet not in sheets:
        fix = f"set sheet to one of {listing(sheets)}"
        return TextTable.failed(file, f"has no sheet '{opts.sheet}'", fix, value=opts.sheet)
    with book:
        raw = pd.read_excel(
            book,
            sheet_name=opts.sheet if opts.sheet is not None else 0,
            header=None,
            dtype=object,
            skiprows=opts.skip_rows,
            keep_default_na=False,
            na_values=[],
        )
    return raw.apply(lambda col: col.map(_cell_text)) if len(raw) else raw.astype(str)


def _open_xlsx(path: Path, file: str, opts: ReadOptions) -> TextTable:
    texts = _xlsx_cells(path, file, opts)
    if isinstance(texts, TextTable):
        return texts
    if opts.header:
        if len(texts) == 0:
            fix = "put a header row and data rows in the first sheet, or set sheet"
            return TextTable.failed(file, "the sheet is empty", fix)
        columns = [c.strip() for c in texts.iloc[0].tolist()]
        while columns and columns[-1] == "":
            columns.pop()
        texts = texts.iloc[1:, : len(columns)]
    else:
        columns = list(opts.names or ())
        texts = texts.iloc[:, : len(columns)]
        for _ in range(len(columns) - texts.shape[1]):
            texts[texts.shape[1]] = ""
    texts.columns = columns
    lines = np.arange(opts.first_line, opts.first_line + len(texts), dtype=np.int64)
    problems = _header_problems(file, columns, opts.header_line)
    table = TextTable(file, columns, None, None, opts.header_line, problems,
                      notes_below=opts.notes_below)
    frame, lines, _ = _clean(texts.reset_index(drop=True), lines, strip=True, table=table)
    table._source = lambda t: iter([(frame, lines)])
    return table


def open_table(path: Path, file: str, **options: Any) -> TextTable:
    """Open a CSV or XLSX file for reading as text; problems are in ``.problems``.

    ``options`` are those of :class:`ReadOptions` (header, names, delimiter,
    encoding, sheet, skip_rows, notes_below); ``file`` is the name used in problems.
    """
    opts = ReadOptions(**options)
    trouble = unreadable(path)
    if trouble is not None:
        fix = "check the path in the configuration"
        fix += folder_listing(path) if trouble == NOT_FOUND else ""
        return TextTable.failed(file, trouble, fix, value=str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _open_xlsx(path, file, opts)
    if suffix == ".xls":
        return TextTable.failed(file, "old .xls workbooks are not read", "save it as .xlsx or CSV")
    if opts.delimiter in ("\\t", "tab"):
        opts = replace(opts, delimiter="\t")
    if opts.delimiter is not None and len(opts.delimiter) != 1 and opts.delimiter != "whitespace":
        fix = "use ',', ';', '\\t', '|' or 'whitespace', or remove the key so it is detected"
        return TextTable.failed(file, "delimiter must be one character", fix, value=opts.delimiter)
    return _open_csv(path, file, opts)


def read_all(table: TextTable) -> tuple[pd.DataFrame, np.ndarray]:
    """The whole table at once (for small files such as the catalogue)."""
    frames, lines = [], []
    for frame, ln in table.chunks():
        frames.append(frame)
        lines.append(ln)
    if not frames:
        return pd.DataFrame(columns=table.columns), np.array([], dtype=np.int64)
    return pd.concat(frames, ignore_index=True), np.concatenate(lines)
