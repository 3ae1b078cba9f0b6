"""Group ids from several integer key columns, without hashing when it can be avoided."""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import NDArray

MIN_DENSE = 1 << 12


def small_key_space(space: int, n_rows: int) -> bool:
    """Whether ``space`` possible keys are few enough, next to ``n_rows`` rows, for arrays
    indexed by the key itself (at most twice the rows, or at most MIN_DENSE); otherwise
    the keys that occur are factorized."""
    return space <= max(2 * n_rows, MIN_DENSE)


def group_ids(
    parts: list[tuple[NDArray[np.integer], int]],
) -> tuple[NDArray[np.integer], int, NDArray[np.integer]]:
    """Row group ids for the combination of ``parts`` (codes, number of codes).

    Returns (ids, number of ids, combined key of each id). When the product of
    the sizes is small the combined key *is* the id (some ids then have no
    rows); otherwise the combined keys are factorized.
    """
    combined = np.zeros(len(parts[0][0]), dtype=np.int64)
    size = 1
    for codes, n in parts:
        combined *= max(n, 1)
        combined += codes
        size *= max(n, 1)
    if small_key_space(size, len(combined)):
        return combined, size, np.arange(size, dtype=np.int64)
    ids, uniques = pd.factorize(combined)
    return ids.astype(np.int64), len(uniques), np.asarray(uniques, dtype=np.int64)


def split_key(keys: NDArray[np.integer], sizes: list[int]) -> list[NDArray[np.integer]]:
    """Inverse of the combination in :func:`group_ids`: the codes of each part."""
    out: list[NDArray[np.integer]] = []
    rest = keys.copy()
    for n in reversed(sizes):
        out.append(rest % max(n, 1))
        rest //= max(n, 1)
    return out[::-1]
