"""The binary COPY encoder: categorical and plain text give the same stream, in key order."""

from __future__ import annotations

import struct

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.copyformat import encoded_chunks, key_order, text_column

WORDS = st.sampled_from(["a", "b", "Å", "ż", "ab", "", "total", "female", "male"])


def _decode(stream: bytes, types: list[str]) -> list[tuple[object, ...]]:
    """Rows back from binary COPY tuples (text and float8 only)."""
    rows, at = [], 0
    while at < len(stream):
        (count,) = struct.unpack_from(">h", stream, at)
        at += 2
        row: list[object] = []
        for kind in types[:count]:
            (size,) = struct.unpack_from(">i", stream, at)
            at += 4
            if size < 0:
                row.append(None)
                continue
            field = stream[at : at + size]
            at += size
            row.append(field.decode() if kind == "text" else struct.unpack(">d", field)[0])
        rows.append(tuple(row))
    return rows


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(WORDS, st.one_of(st.none(), WORDS), st.floats(allow_nan=False)),
                min_size=1, max_size=40))
def test_categorical_and_object_columns_encode_alike_in_key_order(
    rows: list[tuple[str, str | None, float]],
) -> None:
    plain = pd.DataFrame(rows, columns=["k1", "k2", "x"], dtype=object).astype({"x": float})
    as_categories = plain.astype({"k1": "category", "k2": "category"})
    types = ["text", "text", "float8"]
    streams = [
        b"".join(d for _, d in encoded_chunks(f, ["k1", "k2", "x"], types, ["k1", "k2"], 7))
        for f in (plain, as_categories)
    ]
    assert streams[0] == streams[1]
    back = _decode(streams[0], types)
    # Sorted by code point with NULL last, as PostgreSQL's C/C.UTF-8 key order; stable.
    expected = sorted(rows, key=lambda r: (r[0], r[1] is None, r[1] or ""))
    assert back == [tuple(r) for r in expected]


def test_key_order_falls_back_to_lexsort_when_the_combined_key_would_overflow() -> None:
    rng = np.random.default_rng(1)
    rows = 20_000
    columns = [text_column(pd.Series(rng.integers(0, 10**6, rows).astype(str))) for _ in range(5)]
    assert np.prod([float(len(c.table)) for c in columns]) > 2**62  # lexsort path
    assert (key_order(columns, rows) == np.lexsort([c.codes for c in columns[::-1]])).all()
    # and the combined-key path agrees with lexsort
    assert (key_order(columns[:2], rows) == np.lexsort([columns[1].codes, columns[0].codes])).all()
