"""Row blocks: element-wise work runs block by block so temporaries stay in cache.

With tens of millions of rows, a numpy expression over whole columns spends
most of its time allocating (and faulting in) full-size temporaries; the same
expression over blocks of 64k rows is several times faster and keeps the
memory peak at the size of the outputs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

CHUNK = 1 << 16
MAX_WORKERS = 2


def spans(n: int, size: int = CHUNK) -> Iterator[slice]:
    """Consecutive slices covering range(n)."""
    for start in range(0, n, size):
        yield slice(start, min(start + size, n))


def workers() -> int:
    """Threads for block work: numpy releases the GIL inside its loops."""
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def each_span(work: Callable[[slice], None], n: int, size: int = CHUNK) -> None:
    """Run ``work`` on every block of range(n); blocks must write disjoint outputs."""
    blocks = list(spans(n, size))
    threads = workers()
    if threads == 1 or len(blocks) < 2 * threads:
        for sl in blocks:
            work(sl)
        return
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for _ in pool.map(work, blocks):
            pass
