"""Statistical files as published: PC-Axis (``.px``) and JSON-stat 2 (``.json``).

Each becomes a long table of text: one column per dimension holding the
categories' labels, one ``<dimension> code`` column holding their codes (PX
``CODES``, JSON-stat category ids; the labels when the file gives no codes) and a
``value`` column. Rows carry a line number: the line of the value in a PX file,
the value's position (1-based) in a JSON-stat ``value``.

A file that does not follow the format raises :class:`StatFileError` with what
is wrong and the fix; nothing here knows the configuration.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from etl.errors import excerpt, listing, reason

VALUE = "value"  # the column of the numbers
PX_SUFFIXES = (".px",)
JSONSTAT_SUFFIXES = (".json", ".jsonstat")
_STATEMENT = re.compile(r'^\s*([A-Za-z0-9_-]+)(?:\[[^\]]*\])?(?:\((.*)\))?\s*=\s*(.*)\Z', re.S)
_STRING = re.compile(r'"([^"]*)"')
_DATA = re.compile(r'"[^"]*"|[^\s,;"]+')


class StatFileError(Exception):
    def __init__(self, message: str, fix: str, row: int | None = None) -> None:
        super().__init__(message)
        self.message, self.fix, self.row = message, fix, row


def code_column(dimension: str) -> str:
    return f"{dimension} code"


def _frame(dims: list[tuple[str, list[str], list[str]]], values: list[str]) -> pd.DataFrame:
    """The cartesian product of the dimensions (the last varies fastest) beside the values."""
    names = [d[0] for d in dims]
    clash = sorted({VALUE, *(code_column(n) for n in names)} & set(names))
    if clash or len(set(names)) < len(names):
        raise StatFileError(f"dimension names {listing(names)} clash with each other or with the "
                            f"columns this reader adds ({VALUE!r}, '<dimension> code')",
                            "rename the dimension in the file")
    index = np.array(list(itertools.product(*(range(len(d[1])) for d in dims))), dtype=np.int64)
    out: dict[str, Any] = {}
    for i, (name, labels, codes) in enumerate(dims):
        pick = index[:, i] if len(index) else np.array([], dtype=np.int64)
        out[name] = np.asarray(labels, dtype=object)[pick]
        out[code_column(name)] = np.asarray(codes, dtype=object)[pick]
    out[VALUE] = np.asarray(values, dtype=object)
    return pd.DataFrame(out)


# ---------------------------------------------------------------- PC-Axis


def _px_text(path: Path, encoding: str | None) -> str:
    raw = path.read_bytes()
    declared = re.search(rb'CODEPAGE\s*=\s*"([^"]+)"', raw[:20_000])
    tries = [encoding] if encoding else []
    tries += [declared.group(1).decode("ascii", "replace")] if declared else []
    tries += ["utf-8-sig", "cp1252"]
    for enc in tries:
        try:
            return raw.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    raise StatFileError("cannot be decoded", "save it again as UTF-8 or set encoding")


def _statements(head: str) -> list[tuple[str, str | None, str, int]]:
    """``KEYWORD("arg")=value;`` statements: keyword, argument, value text, line."""
    out, start, quoted = [], 0, False
    for i, char in enumerate(head):
        if char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            out.append((head[start:i], head.count("\n", 0, start) + 1))
            start = i + 1
    if quoted:
        raise StatFileError("a quote is not closed before DATA=", 'close the text with " and end '
                            "the keyword with ;")
    found = []
    for text, line in out:
        match = _STATEMENT.match(text)
        if match is None:
            raise StatFileError("the keyword starting here is not KEYWORD=value; (the text is not "
                                "shown: it may not be a PC-Axis file)",
                                "export the file again from the statistics database", row=line)
        if "[" not in text.split("=", 1)[0]:  # the main language only
            arg = match.group(2).strip().strip('"') if match.group(2) else None
            found.append((match.group(1).upper(), arg, match.group(3), line))
    return found


def _px_strings(value: str) -> list[str]:
    """A list of quoted texts; adjacent quotes on separate lines are one text."""
    joined = re.sub(r'"\s*\n\s*"', "", value.strip())
    return [s.strip() for s in _STRING.findall(joined)]


def read_px(path: Path, encoding: str | None = None) -> pd.DataFrame:
    """A PC-Axis file as a long table of text (see the module docstring)."""
    text = _px_text(path, encoding)
    found = re.search(r'(?m)^\s*DATA\s*=', text)
    if found is None:
        raise StatFileError("has no DATA= keyword: it is not a PC-Axis file, or it is cut short",
                            "download the table again as PC-Axis (.px)")
    statements = _statements(text[: found.start()])
    keys = {(k, a): (v, line) for k, a, v, line in statements}
    stub = _px_strings(keys.get(("STUB", None), ("", 0))[0])
    heading = _px_strings(keys.get(("HEADING", None), ("", 0))[0])
    if not stub and not heading:
        raise StatFileError("has neither STUB nor HEADING: its dimensions are not declared",
                            "download the table again as PC-Axis (.px)")
    dims = []
    for name in stub + heading:
        if ("VALUES", name) not in keys:
            raise StatFileError(f"declares dimension {excerpt(name)} but gives no VALUES(\"{name}\")",
                                "download the table again as PC-Axis (.px)")
        labels = _px_strings(keys[("VALUES", name)][0])
        codes = _px_strings(keys[("CODES", name)][0]) if ("CODES", name) in keys else labels
        if len(codes) != len(labels):
            raise StatFileError(f"dimension {excerpt(name)} has {len(labels)} VALUES but {len(codes)} "
                                "CODES", "download the table again as PC-Axis (.px)",
                                row=keys[("CODES", name)][1])
        dims.append((name, labels, codes))
    body = text[found.end():]
    end = body.find(";")
    body = body if end < 0 else body[:end]
    tokens = [(m.group(0), m.start()) for m in _DATA.finditer(body)]
    want = int(np.prod([len(d[1]) for d in dims]))
    first = text.count("\n", 0, found.end()) + 1
    if len(tokens) != want:
        sizes = " × ".join(f"{len(d[1])} {d[0]}" for d in dims)
        raise StatFileError(f"DATA has {len(tokens):,} values but the dimensions give {want:,} "
                            f"({sizes})", "download the table again; the file is cut short or edited",
                            row=first)
    newlines = np.array([m.start() for m in re.finditer("\n", body)], dtype=np.int64)
    frame = _frame(dims, [t.strip('"') for t, _ in tokens])
    frame.attrs["lines"] = first + np.searchsorted(newlines, [p for _, p in tokens])
    return frame


# ---------------------------------------------------------------- JSON-stat 2


def _categories(dim_id: str, dim: Any, size: int) -> tuple[list[str], list[str]]:
    category = dim.get("category") if isinstance(dim, dict) else None
    if not isinstance(category, dict):
        raise StatFileError(f"dimension {excerpt(dim_id)} has no category object",
                            "download the dataset again as JSON-stat 2")
    index, labels = category.get("index"), category.get("label") or {}
    if isinstance(index, list):
        codes = [str(c) for c in index]
    elif isinstance(index, dict):
        codes = [str(c) for c, _ in sorted(index.items(), key=lambda kv: kv[1])]
    elif isinstance(labels, dict) and len(labels) == 1:
        codes = [str(next(iter(labels)))]
    else:
        raise StatFileError(f"dimension {excerpt(dim_id)} has no category index",
                            "download the dataset again as JSON-stat 2")
    if len(codes) != size:
        raise StatFileError(f"dimension {excerpt(dim_id)} has {len(codes)} categories but size says "
                            f"{size}", "download the dataset again as JSON-stat 2")
    return [str(labels.get(c, c)) if isinstance(labels, dict) else c for c in codes], codes


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_jsonstat(path: Path) -> pd.DataFrame:
    """A JSON-stat 2 dataset as a long table of text (see the module docstring)."""
    fix = "download the dataset again in JSON-stat 2 format (class 'dataset')"
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise StatFileError(f"is not valid JSON ({reason(exc)})", fix) from None
    if isinstance(doc, dict) and doc.get("class") == "collection":
        raise StatFileError("is a JSON-stat collection, not one dataset",
                            "download the one dataset the table needs") from None
    if not isinstance(doc, dict) or doc.get("class") != "dataset" or "version" not in doc:
        raise StatFileError("is not a JSON-stat 2 dataset (no \"version\" and \"class\": "
                            "\"dataset\"; JSON-stat 1 bundles are not read)", fix)
    ids, sizes, dimension = doc.get("id"), doc.get("size"), doc.get("dimension")
    if not (isinstance(ids, list) and isinstance(sizes, list) and isinstance(dimension, dict)
            and len(ids) == len(sizes) and all(isinstance(s, int) and s >= 0 for s in sizes)):
        raise StatFileError("needs \"id\", \"size\" (as many whole numbers) and \"dimension\"", fix)
    missing = [str(i) for i in ids if str(i) not in dimension]
    if missing:
        raise StatFileError(f"lists dimension(s) {listing(missing)} in \"id\" without describing "
                            "them in \"dimension\"", fix)
    dims = [(str(i), *_categories(str(i), dimension[str(i)], s)) for i, s in zip(ids, sizes, strict=True)]
    want = int(np.prod(sizes))
    raw = doc.get("value")
    if isinstance(raw, dict):
        cells = [""] * want
        for key, value in raw.items():
            if not (str(key).isdigit() and int(key) < want):
                raise StatFileError(f"\"value\" has position {excerpt(str(key))} outside 0..{want - 1}", fix)
            cells[int(key)] = _cell(value)
    elif isinstance(raw, list) and len(raw) == want:
        cells = [_cell(v) for v in raw]
    else:
        got = len(raw) if isinstance(raw, list) else excerpt(type(raw).__name__)
        raise StatFileError(f"\"value\" has {got} cells but the sizes give {want:,}", fix)
    frame = _frame(dims, cells)
    frame.attrs["lines"] = np.arange(1, len(frame) + 1, dtype=np.int64)
    return frame
