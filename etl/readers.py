"""Reading CSV and XLSX tables as text: encoding, delimiter and decimal detection.

Every cell is read as text first, so a bad value can be reported exactly as the
analyst typed it. Each row carries its line number as seen in an editor or a
spreadsheet (header = line 1, after any skipped title rows). CSV files are read
in chunks so that a file of millions of rows never sits in memory as text.
"""

from __future__ import annotations

import codecs
import csv
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from etl.errors import Problem

CHUNK_ROWS = 500_000
DELIMITERS = ("\t", ";", "|", ",")  # preference order when several fit
DELIMITER_NAMES = {"\t": "tab", ";": "';'", "|": "'|'", ",": "','", "whitespace": "whitespace"}
BLOCK = 1 << 22
_SKIPPED = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")
_SPACES = "[ \u00a0\u202f']"
_THOUSANDS = {
    ",": re.compile(rf"^[+-]?\d{{1,3}}(?:(?:{_SPACES}|\.)\d{{3}})+(?:,\d+)?$"),
    ".": re.compile(rf"^[+-]?\d{{1,3}}(?:(?:{_SPACES}|,)\d{{3}})+(?:\.\d+)?$"),
}
_COMMA_DECIMAL = re.compile(r"^[+-]?(?:\d+,\d{1,2}|\d+,\d{4,}|0,\d+|\d{1,3}(?:[ .\u00a0]\d{3})+,\d+)$")
_DOT_DECIMAL = re.compile(r"^[+-]?(?:\d+\.\d{1,2}|\d+\.\d{4,}|0\.\d+|\d{1,3}(?:[ ,\u00a0]\d{3})+\.\d+)$")
_AMBIGUOUS_COMMA = re.compile(r"^[+-]?\d{1,3},\d{3}$")


def display_name(path: Path, base: Path) -> str:
    """The path as the analyst knows it: relative to the config folder when inside it."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return str(path)


@dataclass
class TextTable:
    """A table read as text: its column names, chunks of rows, and reading problems.

    ``chunks()`` yields ``(frame, lines)``: a DataFrame of stripped strings
    (no NaN) and the editor line number of each row. Blank lines are dropped.
    Problems found while reading (bad lines) are appended to ``problems``.
    """

    file: str
    columns: list[str]
    encoding: str | None
    delimiter: str | None
    header_line: int | None
    problems: list[Problem] = field(default_factory=list)
    _source: Any = None

    def chunks(self) -> Iterator[tuple[pd.DataFrame, np.ndarray]]:
        yield from self._source(self)


# ---------------------------------------------------------------- encoding


def _line_of(path: Path, offset: int) -> int:
    with path.open("rb") as fh:
        return fh.read(offset).count(b"\n") + 1


def _decodes(path: Path, encoding: str) -> UnicodeDecodeError | None:
    """None when the whole file decodes with ``encoding``; else the first error (file offsets)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    done = 0
    with path.open("rb") as fh:
        while block := fh.read(BLOCK):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                return UnicodeDecodeError(exc.encoding, exc.object, done + exc.start, done + exc.end, exc.reason)
            done += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            return UnicodeDecodeError(exc.encoding, exc.object, done + exc.start, done + exc.end, exc.reason)
    return None


def _guess_encoding(path: Path) -> str | None:
    if _decodes(path, "utf-8") is None:
        with path.open("rb") as fh:
            return "utf-8-sig" if fh.read(3) == codecs.BOM_UTF8 else "utf-8"
    if _decodes(path, "cp1252") is None:
        return "cp1252"
    from charset_normalizer import from_path

    best = from_path(path).best()
    return None if best is None else str(best.encoding)


def detect_encoding(path: Path, file: str, declared: str | None) -> tuple[str | None, list[Problem]]:
    """The file's encoding (``declared`` checked against the bytes), or a problem."""
    if declared is None:
        found = _guess_encoding(path)
        if found is None:
            return None, [Problem(file, "cannot tell the text encoding", "save the file as UTF-8, or set encoding = \"cp1252\" in its [[tables]] section")]
        return found, []
    try:
        codecs.lookup(declared)
    except LookupError:
        return None, [Problem(file, f"unknown encoding {declared!r} in the configuration", "use 'utf-8', 'utf-8-sig' or 'cp1252', or remove the key to detect it", value=declared)]
    err = _decodes(path, declared)
    if err is None:
        if codecs.lookup(declared).name == "utf-8":
            with path.open("rb") as fh:
                if fh.read(3) == codecs.BOM_UTF8:
                    return "utf-8-sig", []
        return declared, []
    with path.open("rb") as fh:
        fh.seek(err.start)
        bad = fh.read(max(1, err.end - err.start))
    guess = _guess_encoding(path)
    reads = f" (reads as {bad.decode(guess, errors='replace')!r} in {guess})" if guess else ""
    hint = f"set encoding = \"{guess}\"" if guess else "set the right encoding"
    return None, [
        Problem(
            file,
            f"is not valid {declared} as configured: byte(s) {bad.hex(' ').upper()}{reads}",
            f"{hint} in its [[tables]] section, remove the encoding key so it is detected, or save the file as {declared}",
            row=_line_of(path, err.start),
        )
    ]


# ---------------------------------------------------------------- delimiter


def _field_counts(lines: list[str], delimiter: str) -> list[int]:
    if delimiter == "whitespace":
        return [len(line.split()) for line in lines]
    return [len(row) for row in csv.reader(lines, delimiter=delimiter)]


def detect_delimiter(lines: list[str], expected: int | None = None) -> str | None:
    """The delimiter most lines agree on (``expected`` fields when known), or None.

    Candidates: tab, ';', '|', ',' and, when none fits, runs of whitespace.
    A candidate fits a line when it splits it into the header's number of
    fields (at least two); the best share of fitting lines wins, ties going
    to the order above (so '1;2,5' is ';' with a decimal comma).
    """
    lines = [line for line in lines if line.strip()]
    if not lines:
        return None
    best, best_share = None, 0.0
    for candidate in (*DELIMITERS, "whitespace"):
        counts = _field_counts(lines, candidate)
        target = expected or counts[0]
        if target < 2:
            continue
        share = sum(c == target for c in counts) / len(counts)
        if share > best_share + 1e-9 and (candidate != "whitespace" or best is None):
            best, best_share = candidate, share
    return best if best_share >= 0.5 else None


def _sample_lines(path: Path, encoding: str, skip_rows: int, n: int = 50) -> list[str]:
    with path.open("r", encoding=encoding, newline="") as fh:
        text = fh.read(1 << 16)
    lines = text.splitlines()
    if len(text) == 1 << 16 and len(lines) > 1:
        lines = lines[:-1]  # possibly cut in the middle
    return lines[skip_rows : skip_rows + n]


# ---------------------------------------------------------------- csv


def _bad_lines(caught: list[warnings.WarningMessage]) -> list[tuple[int, int, int]]:
    found = []
    for w in caught:
        found += [(int(a), int(b), int(c)) for a, b, c in _SKIPPED.findall(str(w.message))]
    return found


def _csv_chunks(table: TextTable, path: Path, opts: dict[str, Any], first_line: int) -> Iterator[tuple[pd.DataFrame, np.ndarray]]:
    next_line = first_line
    names = table.columns
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reader = pd.read_csv(path, chunksize=CHUNK_ROWS, **opts)
        for chunk in reader:
            skipped = _bad_lines(caught)
            caught.clear()
            for line, want, saw in skipped:
                table.problems.append(Problem(
                    table.file, f"row has {saw} fields but the header has {want}",
                    f"remove the extra {DELIMITER_NAMES.get(table.delimiter or ',', table.delimiter)} "
                    "or quote the cell that contains it",
                    row=line,
                ))
            lines = np.arange(next_line, next_line + len(chunk) + len(skipped), dtype=np.int64)
            if skipped:
                lines = lines[~np.isin(lines, [s[0] for s in skipped])]
            next_line = int(lines[-1]) + 1 if len(lines) else next_line + len(skipped)
            chunk.columns = names
            frame, lines = _clean(chunk, lines)
            yield _drop_foreign_rows(table, frame, lines)


def _drop_foreign_rows(table: TextTable, frame: pd.DataFrame, lines: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """Report and drop rows that hold everything in the first cell, split by another delimiter."""
    if frame.shape[1] < 2 or table.delimiter == "whitespace":
        return frame, lines
    rest_empty = (frame.iloc[:, 1:] == "").all(axis=1).to_numpy()
    if not rest_empty.any():
        return frame, lines
    first = frame.iloc[:, 0]
    foreign = np.zeros(len(frame), dtype=bool)
    for other in DELIMITERS:
        if other == table.delimiter:
            continue
        hit = rest_empty & (first.str.count(re.escape(other)) >= frame.shape[1] - 1).to_numpy()
        for i in np.flatnonzero(hit & ~foreign):
            table.problems.append(Problem(
                table.file, f"row is split by {DELIMITER_NAMES[other]} but the file uses {DELIMITER_NAMES[table.delimiter or ',']}",
                f"use {DELIMITER_NAMES[table.delimiter or ',']} between the cells of this row too",
                row=int(lines[i]), value=first.iloc[i][:80]))
        foreign |= hit
    return (frame.loc[~foreign].reset_index(drop=True), lines[~foreign]) if foreign.any() else (frame, lines)


def _clean(frame: pd.DataFrame, lines: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """Strip cells, turn NaN into '', drop blank rows."""
    frame = frame.fillna("")
    for col in frame.columns:
        frame[col] = frame[col].astype(str).str.strip()
    blank = (frame == "").all(axis=1).to_numpy()
    if blank.any():
        frame, lines = frame.loc[~blank].reset_index(drop=True), lines[~blank]
    return frame.reset_index(drop=True), lines


def _header_problems(file: str, columns: list[str], line: int | None) -> list[Problem]:
    seen: dict[str, int] = {}
    for c in columns:
        seen[c] = seen.get(c, 0) + 1
    return [
        Problem(file, f"column '{c}' appears {n} times in the header", "rename or remove the repeated column", row=line, column=c)
        for c, n in seen.items()
        if n > 1
    ]


def _open_csv(path: Path, file: str, *, header: bool, names: tuple[str, ...] | None, delimiter: str | None, encoding: str | None, skip_rows: int) -> TextTable:
    enc, problems = detect_encoding(path, file, encoding)
    if enc is None:
        return TextTable(file, [], None, None, None, problems)
    if path.stat().st_size == 0 or not any(line.strip() for line in _sample_lines(path, enc, skip_rows)):
        return TextTable(file, [], enc, None, None, [Problem(file, "the file is empty", "export the table again; it needs a header row and data rows")])
    sample = _sample_lines(path, enc, skip_rows)
    if delimiter is None:
        delimiter = detect_delimiter(sample, None if header else len(names or ()))
        if delimiter is None:
            return TextTable(file, [], enc, None, None, [Problem(
                file, "cannot tell the delimiter", "set delimiter = ';' (or ',', '\\t', '|', 'whitespace') in its [[tables]] section",
                row=skip_rows + 1, value=sample[0][:80] if sample else None)])
    sep = r"\s+" if delimiter == "whitespace" else delimiter
    if header:
        first = sample[0] if sample else ""
        columns = first.split() if delimiter == "whitespace" else next(csv.reader([first], delimiter=sep), [])
        columns = [c.strip() for c in columns]
        problems += _header_problems(file, columns, skip_rows + 1)
    else:
        columns = list(names or ())
    opts: dict[str, Any] = {
        "sep": sep, "encoding": enc, "dtype": str, "keep_default_na": False, "na_values": [],
        "skip_blank_lines": False, "on_bad_lines": "warn", "skiprows": skip_rows + (1 if header else 0),
        "header": None, "names": [f"_{i}" for i in range(len(columns))], "engine": "c",
    }
    first_line = skip_rows + (2 if header else 1)
    table = TextTable(file, columns, enc, delimiter, skip_rows + 1 if header else None, problems)
    table._source = lambda t: _csv_chunks(t, path, opts, first_line)
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


def _open_xlsx(path: Path, file: str, *, header: bool, names: tuple[str, ...] | None, sheet: str | None, skip_rows: int) -> TextTable:
    try:
        book = pd.ExcelFile(path, engine="openpyxl")
    except Exception as exc:
        return TextTable(file, [], None, None, None, [Problem(file, f"cannot open as XLSX ({type(exc).__name__}: {exc})", "save it again from Excel as .xlsx, or export it as CSV")])
    sheets = [str(s) for s in book.sheet_names]
    if sheet is not None and sheet not in sheets:
        return TextTable(file, [], None, None, None, [Problem(file, f"has no sheet '{sheet}'", f"set sheet to one of {', '.join(repr(s) for s in sheets)}", value=sheet)])
    with book:
        raw = pd.read_excel(book, sheet_name=sheet if sheet is not None else 0, header=None, dtype=object,
                            skiprows=skip_rows, keep_default_na=False, na_values=[])
    texts = raw.apply(lambda col: col.map(_cell_text)) if len(raw) else raw.astype(str)
    if header:
        if len(texts) == 0:
            return TextTable(file, [], None, None, None, [Problem(file, "the sheet is empty", "put a header row and data rows in the first sheet, or set sheet")])
        columns = [c.strip() for c in texts.iloc[0].tolist()]
        while columns and columns[-1] == "":
            columns.pop()
        texts = texts.iloc[1:, : len(columns)]
    else:
        columns = list(names or ())
        texts = texts.iloc[:, : len(columns)]
        for _ in range(len(columns) - texts.shape[1]):
            texts[texts.shape[1]] = ""
    texts.columns = columns
    first_line = skip_rows + (2 if header else 1)
    lines = np.arange(first_line, first_line + len(texts), dtype=np.int64)
    problems = _header_problems(file, columns, skip_rows + 1 if header else None)
    table = TextTable(file, columns, None, None, skip_rows + 1 if header else None, problems)
    frame, lines = _clean(texts.reset_index(drop=True), lines)
    table._source = lambda t: iter([(frame, lines)])
    return table


def open_table(path: Path, file: str, *, header: bool = True, names: tuple[str, ...] | None = None, delimiter: str | None = None, encoding: str | None = None, sheet: str | None = None, skip_rows: int = 0) -> TextTable:
    """Open a CSV or XLSX file for reading as text; problems are in ``.problems``."""
    if not path.is_file():
        where = path.parent
        near = sorted(p.name for p in where.glob("*"))[:10] if where.is_dir() else []
        fix = f"check the path in the configuration (files there: {', '.join(near)})" if near else "check the path in the configuration"
        return TextTable(file, [], None, None, None, [Problem(file, "file not found", fix, value=str(path))])
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _open_xlsx(path, file, header=header, names=names, sheet=sheet, skip_rows=skip_rows)
    if path.suffix.lower() == ".xls":
        return TextTable(file, [], None, None, None, [Problem(file, "old .xls workbooks are not read", "save it as .xlsx or CSV")])
    if delimiter == "\\t":
        delimiter = "\t"
    return _open_csv(path, file, header=header, names=names, delimiter=delimiter, encoding=encoding, skip_rows=skip_rows)


def read_all(table: TextTable) -> tuple[pd.DataFrame, np.ndarray]:
    """The whole table at once (for small files such as the catalogue)."""
    frames, lines = [], []
    for frame, ln in table.chunks():
        frames.append(frame)
        lines.append(ln)
    if not frames:
        return pd.DataFrame(columns=table.columns), np.array([], dtype=np.int64)
    return pd.concat(frames, ignore_index=True), np.concatenate(lines)


# ---------------------------------------------------------------- numbers


def detect_decimal(texts: list[pd.Series], delimiter: str | None) -> str:
    """',' when unambiguous decimal commas outnumber decimal points, else '.'.

    '1,234' alone is ambiguous; it counts as a decimal comma only in a
    ';'-separated file, where that is the common convention.
    """
    comma = dot = ambiguous = 0
    for s in texts:
        s = s[s != ""].head(20_000)
        if s.empty:
            continue
        comma += int(s.str.match(_COMMA_DECIMAL).sum())
        dot += int(s.str.match(_DOT_DECIMAL).sum())
        ambiguous += int(s.str.match(_AMBIGUOUS_COMMA).sum())
    if comma > dot:
        return ","
    if comma == dot == 0 and ambiguous and delimiter in (";", "\t", "whitespace"):
        return ","
    return "."


def parse_numbers(texts: pd.Series, decimal: str) -> tuple[np.ndarray, np.ndarray]:
    """Floats from text cells, and a mask of cells that are not numbers.

    Empty cells become NaN without being bad. Thousands separators (space,
    no-break space, apostrophe, and '.' with a decimal comma or ',' with a
    decimal point) are accepted only in groups of three digits.
    """
    other = "." if decimal == "," else ","
    empty = (texts == "").to_numpy()
    has_other = texts.str.contains(other, regex=False).to_numpy()
    fast = texts.str.replace(",", ".", regex=False) if decimal == "," else texts
    fast = fast.where(~has_other, "")
    values = np.array(pd.to_numeric(fast, errors="coerce").to_numpy(dtype=float, na_value=np.nan))
    values[~np.isfinite(values)] = np.nan
    need = np.isnan(values) & ~empty
    if need.any():
        slow = texts[need].str.replace("\u2212", "-", regex=False)
        ok = slow.str.match(_THOUSANDS[decimal])
        cleaned = slow.str.replace(rf"{_SPACES}|\{other}", "", regex=True)
        if decimal == ",":
            cleaned = cleaned.str.replace(",", ".", regex=False)
        parsed = pd.to_numeric(cleaned.where(ok, ""), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        plain = slow.where(~slow.str.contains(other, regex=False), "")
        if decimal == ",":
            plain = plain.str.replace(",", ".", regex=False)
        plain_values = pd.to_numeric(plain, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        values[need] = np.where(np.isnan(parsed), plain_values, parsed)
        values[~np.isfinite(values)] = np.nan
    bad = np.isnan(values) & ~empty
    return values, bad
