"""PostgreSQL's binary COPY format, built column-wise with numpy (no Python loop per row).

Each column becomes, for any slice of rows, a byte matrix (one row per table
row, the field's 4-byte length in front of its bytes) and how many of those
bytes are used; the matrices side by side, masked, are the rows in COPY order.
Text columns are factorized once, so each distinct string is encoded once; the
codes also give the key order, so rows can be sent sorted by the primary key
(PostgreSQL then builds that index from presorted input, several times faster).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)  # signature, flags, no header extension
TRAILER = b"\xff\xff"
NULL = np.frombuffer(b"\xff\xff\xff\xff", dtype=np.uint8)
_FIXED = {"float8": ">f8", "int8": ">i8", "int4": ">i4", "bool": "?"}

Field = tuple[np.ndarray, np.ndarray]  # bytes (n, width) uint8, used bytes per row (n,)


def as_items(block: np.ndarray) -> np.ndarray:
    """A (n, w) uint8 block, contiguous along rows' bytes, as n opaque w-byte items."""
    return block.view(f"V{block.shape[1]}")[:, 0]


@dataclass(frozen=True)
class TextColumn:
    """Distinct values encoded once (the last row is NULL) and each row's code."""

    table: np.ndarray  # (distinct + 1, 4 + longest) uint8
    used: np.ndarray  # bytes used per table row
    codes: np.ndarray  # per row; -1 (the NULL row) for missing; ordered like the values

    @property
    def width(self) -> int:
        return int(self.table.shape[1])

    def fill(self, rows: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Write the rows' fields into ``out`` (n, width); return the bytes used per row."""
        codes = self.codes[rows]
        # Whole fields as opaque items: one copy per row, not one per byte.
        as_items(out)[:] = as_items(self.table)[codes]
        return self.used[codes]


@dataclass(frozen=True)
class FixedColumn:
    """Values (native order, converted per chunk) and where they are missing."""

    values: np.ndarray
    missing: np.ndarray
    wire: str  # numpy dtype on the wire, big-endian

    @property
    def width(self) -> int:
        return 4 + np.dtype(self.wire).itemsize

    def fill(self, rows: np.ndarray, out: np.ndarray) -> np.ndarray:
        payload = self.values[rows].astype(self.wire)
        as_items(out[:, 4:])[:] = payload.view(f"V{payload.itemsize}")
        missing = self.missing[rows]
        as_items(out[:, :4])[:] = np.array([self.width - 4], dtype=">i4").view("V4")
        if not missing.any():
            return np.full(len(rows), self.width)
        out[missing, :4] = NULL
        return np.where(missing, 4, self.width)


def text_column(series: pd.Series) -> TextColumn:
    """A text column (None or NaN = NULL); codes follow the values' sorted order."""
    if isinstance(series.dtype, pd.CategoricalDtype):  # already factorized
        found, distinct = series.cat.codes.to_numpy(), series.cat.categories.to_numpy()
    else:  # unsorted: half the time of sort=True on millions of strings
        found, distinct = pd.factorize(series.to_numpy(), sort=False, use_na_sentinel=True)
    # The distinct values renumbered in sorted order.
    texts = np.array([str(u) for u in distinct], dtype=object)
    order = np.argsort(texts, kind="stable")  # code point order, as the key's text sorts
    rank = np.empty(len(order) + 1, dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    rank[-1] = -1  # the NA sentinel -1 indexes the last slot
    codes = rank[found]
    encoded = [t.encode() for t in texts[order]] + [b""]
    table = np.zeros((len(encoded), 4 + max(len(e) for e in encoded)), dtype=np.uint8)
    lengths = np.array([len(e) for e in encoded], dtype=">i4")
    table[:, :4] = lengths.view(np.uint8).reshape(-1, 4)
    for i, e in enumerate(encoded):
        table[i, 4 : 4 + len(e)] = np.frombuffer(e, dtype=np.uint8)
    table[-1, :4] = NULL  # code -1 picks the last row
    return TextColumn(table, np.append(lengths.astype(np.int64) + 4, 4), codes)


def fixed_column(series: pd.Series, pg_type: str) -> FixedColumn:
    """A float8/int8/int4/bool column (NaN or None = NULL)."""
    numbers = pd.to_numeric(series) if series.dtype == object else series
    missing = pd.isna(numbers).to_numpy()
    values = numbers.to_numpy(dtype=float if pg_type == "float8" else None, na_value=0)
    return FixedColumn(values, missing, _FIXED[pg_type])


def key_order(columns: list[TextColumn], rows: int) -> np.ndarray:
    """Row order by the columns' codes (NULL last): one combined int64 key, sorted once
    (lexsort of the separate codes when the combination would not fit)."""
    sizes = [len(col.table) for col in columns]  # distinct values and NULL
    if not columns:
        return np.arange(rows)
    if math.prod(sizes) >= 2**62:
        return np.lexsort([col.codes % size for col, size in zip(columns[::-1], sizes[::-1], strict=True)])
    combined = np.zeros(rows, dtype=np.int64)
    for col, size in zip(columns, sizes, strict=True):
        combined *= size
        combined += col.codes % size  # NULL (-1) sorts after every value
    return np.argsort(combined, kind="stable")


def encoded_chunks(
    frame: pd.DataFrame, columns: list[str], types: list[str], key: list[str], rows: int
) -> Iterator[tuple[int, bytes]]:
    """(row count, binary COPY tuples) per chunk of ``rows``, sorted by the text ``key``."""
    prepared = {
        c: text_column(frame[c]) if t == "text" else fixed_column(frame[c], t)
        for c, t in zip(columns, types, strict=True)
    }
    key_columns = [col for c in key if isinstance(col := prepared[c], TextColumn)]
    if len(key_columns) != len(key):
        raise ValueError(f"the sort key {key} must be text columns; types are {types}")
    order = key_order(key_columns, len(frame))
    count = np.array([len(columns)], dtype=">i2").view(np.uint8)
    widths = [2] + [prepared[c].width for c in columns]
    edges = np.cumsum([0, *widths])
    for start in range(0, len(frame), rows):
        part = order[start : start + rows]
        matrix = np.empty((len(part), edges[-1]), dtype=np.uint8)
        mask = np.empty(matrix.shape, dtype=bool)
        matrix[:, :2] = count
        mask[:, :2] = True
        for c, a, b in zip(columns, edges[1:-1], edges[2:], strict=True):
            used = prepared[c].fill(part, matrix[:, a:b])
            if used.min() == b - a:  # every field of the chunk is full width
                mask[:, a:b] = True
            else:
                np.less(np.arange(b - a), used[:, None], out=mask[:, a:b])
        yield len(part), matrix[mask].tobytes()
