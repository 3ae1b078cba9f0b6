"""PostgreSQL's binary COPY format, built column-wise with numpy (no Python loop per row).

Each column becomes a byte matrix (one row per table row, every field with its
4-byte length in front) and a vector of how many of those bytes are used; the
matrices side by side, masked, give the rows in COPY order in one step. Text
columns go through ``pandas.factorize``, so each distinct string is encoded once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)  # signature, flags, no header extension
TRAILER = b"\xff\xff"
NULL = np.frombuffer(b"\xff\xff\xff\xff", dtype=np.uint8)
_FIXED = {"float8": ">f8", "int8": ">i8", "int4": ">i4", "bool": "?"}

Field = tuple[np.ndarray, np.ndarray]  # bytes (n, width) uint8, used bytes per row (n,)


def _prefixed(payload: np.ndarray, missing: np.ndarray) -> Field:
    """Fixed-width payloads (n, w) with their length in front; NULL where ``missing``."""
    width = payload.shape[1]
    length = np.array([width], dtype=">i4").view(np.uint8)
    head = np.where(missing[:, None], NULL, length)
    used = np.where(missing, 4, 4 + width)
    return np.hstack([head.astype(np.uint8), payload]), used


def fixed_field(series: pd.Series, pg_type: str) -> Field:
    """A float8/int8/int4/bool column (NaN or None = NULL)."""
    numbers = pd.to_numeric(series) if series.dtype == object else series
    missing = pd.isna(numbers).to_numpy()
    values = numbers.to_numpy(dtype=float if pg_type == "float8" else None, na_value=0)
    raw = np.ascontiguousarray(values.astype(_FIXED[pg_type]))
    return _prefixed(raw.view(np.uint8).reshape(len(raw), -1), missing)


def text_field(series: pd.Series) -> Field:
    """A text column (None or NaN = NULL), each distinct value encoded once."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    encoded = [str(u).encode() for u in uniques] + [b""]
    width = max(len(e) for e in encoded)
    table = np.zeros((len(encoded), 4 + width), dtype=np.uint8)
    lengths = np.array([len(e) for e in encoded], dtype=">i4")
    table[:, :4] = lengths.view(np.uint8).reshape(-1, 4)
    for i, e in enumerate(encoded):
        table[i, 4 : 4 + len(e)] = np.frombuffer(e, dtype=np.uint8)
    table[-1, :4] = NULL  # code -1 (missing) picks the last row
    used = np.append(lengths.astype(np.int64) + 4, 4)
    return table[codes], used[codes]


def encode_rows(frame: pd.DataFrame, columns: list[str], types: list[str]) -> bytes:
    """The rows of ``frame`` (``columns``, PostgreSQL ``types``) as binary COPY tuples."""
    n = len(frame)
    count = np.array([len(columns)], dtype=">i2").view(np.uint8)
    fields: list[Field] = [(np.tile(count, (n, 1)), np.full(n, 2))]
    for column, pg_type in zip(columns, types, strict=True):
        series = frame[column]
        fields.append(text_field(series) if pg_type == "text" else fixed_field(series, pg_type))
    matrix = np.hstack([f[0] for f in fields])
    mask = np.hstack([np.arange(f[0].shape[1]) < f[1][:, None] for f in fields])
    return matrix[mask].tobytes()
