"""Split the engine's inputs by indicator, and put the pieces' tables back together.

The comparison table is independent per indicator, so ``comparison_table`` can run
on each indicator's rows alone. :func:`split` cuts the values into :class:`Part`\\ s
(whole indicators, with their catalogue rows; every standardised indicator in one
part, as :func:`indicators.standardise.standardise` orders their rows together).
:func:`assemble` concatenates the parts' tables into exactly the table
``comparison_table`` gives on the whole input: the same rows in the same order
(the input rows in their order, then the new city rows in cell order) and the same
dtypes (categoricals with the whole input's categories). No Dask here: pure pandas.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from compute.keys import GlobalKeys, global_keys
from indicators.contract import STANDARDISED_TYPES

KEYS = ("indicator_id", "area_code", "period", "sex", "age_group")


@dataclass(frozen=True)
class Part:
    """Some indicators' value rows (input order kept) and their catalogue rows."""

    values: pd.DataFrame
    catalogue: pd.DataFrame
    rows: NDArray[np.int64]  # positions of ``values`` in the whole input
    standardised: bool


@dataclass(frozen=True)
class Piece:
    """A part's comparison table and how many of its rows are input rows (the rest
    are new city rows, at the end)."""

    table: pd.DataFrame
    n_input: int


def standardised_ids(catalogue: pd.DataFrame) -> set[str]:
    if "value_type" not in catalogue or "id" not in catalogue:
        return set()
    kind = catalogue["value_type"].astype(str).isin(STANDARDISED_TYPES).to_numpy()
    return set(catalogue.loc[kind, "id"].astype(str))


def _indicator_codes(values: pd.DataFrame) -> tuple[NDArray[np.integer], list[str]]:
    col = values["indicator_id"]
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.cat.codes.to_numpy(), [str(c) for c in col.cat.categories]
    codes, uniques = pd.factorize(col.astype(object), use_na_sentinel=True)
    return codes, [str(u) for u in uniques]


def split(values: pd.DataFrame, catalogue: pd.DataFrame, per_part: int = 1) -> list[Part]:
    """Whole indicators per part (``per_part`` of them; every standardised indicator in
    one part), in the order the indicators first appear. Rows without an indicator go
    with the first part, so that the engine reports them."""
    return list(parts_of(values, catalogue, per_part))


def parts_of(values: pd.DataFrame, catalogue: pd.DataFrame, per_part: int = 1,
             standardised_first: bool = False) -> Iterator[Part]:
    """``split``'s parts one at a time (each part's rows are copied only when it is
    taken: a caller that lets a part go never holds a second copy of the values); with
    ``standardised_first``, the standardised indicators' part comes first."""
    codes, labels = _indicator_codes(values)
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    bounds = np.flatnonzero(np.diff(sorted_codes)) + 1
    groups = dict(zip(sorted_codes[np.r_[0, bounds]].tolist() if len(codes) else [],
                      np.split(order, bounds) if len(codes) else [], strict=True))
    first = sorted(groups, key=lambda c: groups[c][0])
    missing = groups.pop(-1, np.empty(0, np.int64)) if -1 in groups else np.empty(0, np.int64)
    first = [c for c in first if c != -1]
    std = standardised_ids(catalogue)
    plain = [c for c in first if labels[c] not in std]
    chunks = [plain[i:i + max(per_part, 1)] for i in range(0, len(plain), max(per_part, 1))]
    special = [c for c in first if labels[c] in std]
    batches = [(chunk, False) for chunk in chunks] + ([(special, True)] if special else [])
    if standardised_first and special:
        batches = batches[-1:] + batches[:-1]
    ids = catalogue["id"].astype(str)
    for n, (chunk, is_std) in enumerate(batches):
        rows = np.sort(np.concatenate([groups[c] for c in chunk]
                                      + ([missing] if n == 0 else [])))
        part = values.iloc[rows]
        if isinstance(part["indicator_id"].dtype, pd.CategoricalDtype):
            part = part.assign(indicator_id=part["indicator_id"].cat.remove_unused_categories())
        mine = ids.isin([labels[c] for c in chunk]).to_numpy()
        yield Part(part.reset_index(drop=True), catalogue.loc[mine], rows.astype(np.int64), is_std)


def recode(table: pd.DataFrame, keys: GlobalKeys) -> pd.DataFrame:
    """The piece's categoricals on the whole table's categories (codes follow labels)."""
    out = {}
    for column, cats in keys.categories.items():
        col = table[column]
        out[column] = col.cat.set_categories(pd.Index(cats, dtype=object))
    return table.assign(**out)


def _city_order(keys: GlobalKeys, cell: NDArray[np.int64], inputs: NDArray[np.intp],
                new: NDArray[np.intp]) -> NDArray[np.intp]:
    """Cell order of the new city rows (positions ``new``), as the engine numbers cells on
    the whole input: by combined key when the key space is small, else by the cell's
    first input row (``inputs`` are the input rows' positions in input order)."""
    if keys.small:
        return new[np.argsort(cell[new], kind="stable")]
    uniq, first = np.unique(cell[inputs], return_index=True)
    return new[np.argsort(first[np.searchsorted(uniq, cell[new])], kind="stable")]


def assemble(values: pd.DataFrame, catalogue: pd.DataFrame, areas: pd.DataFrame,
             city_code: str, parts: list[Part], pieces: list[Piece]) -> pd.DataFrame:
    """The whole input's comparison table from its parts' tables: one concatenation, one
    reordering (the input rows in input order, then the new city rows in cell order)."""
    keys = global_keys(values, catalogue, areas, city_code,
                       [q.table.iloc[:q.n_input] for p, q in zip(parts, pieces, strict=True)
                        if p.standardised])
    ranks, heads, tails, offset = [], [], [], 0
    for part, piece in zip(parts, pieces, strict=True):
        # standardised rows follow every other input row, in the part's order
        ranks.append(len(values) + np.arange(piece.n_input) if part.standardised
                     else part.rows)
        heads.append(offset + np.arange(piece.n_input))
        tails.append(offset + np.arange(piece.n_input, len(piece.table)))
        offset += len(piece.table)
    every = pd.concat([recode(q.table, keys) for q in pieces], ignore_index=True)
    inputs = np.concatenate(heads)[np.argsort(np.concatenate(ranks), kind="stable")]
    new = _city_order(keys, keys.cell_key(every), inputs, np.concatenate(tails))
    return every.take(np.concatenate([inputs, new])).reset_index(drop=True)
