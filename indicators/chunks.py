"""Row blocks: element-wise work runs block by block so temporaries stay in cache.

With tens of millions of rows, a numpy expression over whole columns spends
most of its time allocating (and faulting in) full-size temporaries; the same
expression over blocks of 64k rows is several times faster and keeps the
memory peak at the size of the outputs.
"""

from __future__ import annotations

from collections.abc import Iterator

CHUNK = 1 << 16


def spans(n: int, size: int = CHUNK) -> Iterator[slice]:
    """Consecutive slices covering range(n)."""
    for start in range(0, n, size):
        yield slice(start, min(start + size, n))
