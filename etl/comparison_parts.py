"""The comparison table made part by part at load, so a load never holds all of it.

The engine is independent per indicator (``compute.partition``): the load computes the
table of a few indicators at a time (on the Dask scheduler of
``WELLBEING_DASK_SCHEDULER`` when one is set, in this process otherwise), hands each
part's rows to the writer and lets them go. The stored rows are exactly the engine's
whole table: every part's categoricals are recoded to the whole input's categories
(``compute.keys.global_keys``) and each row gets the position it has in the whole table
(the input rows by their input position, then the city rows the engine adds, in its
cell order: ``compute.partition.assemble``'s order, without assembling). The city rows
the engine adds (one per cell: few) are kept until the end, when their order is known.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

import settings
from compute import scheduler_address
from compute.engine import table_of_part
from compute.keys import GlobalKeys, global_keys
from compute.partition import Part, Piece, parts_of, recode

log = logging.getLogger(__name__)
PART_INDICATORS = 1  # indicators per part: a national table's 5M rows, 1/28 at a time


@dataclass
class Ordering:
    """What the last rows' positions depend on, gathered part by part."""

    n_values: int
    keys: GlobalKeys
    city_rows: list[pd.DataFrame] = field(default_factory=list)  # the engine's new city rows
    first_input: dict[int, int] = field(default_factory=dict)  # cell → its first input rank
    after: int = 0  # one past the largest position given so far

    def placed(self, part: Part, piece: Piece) -> pd.DataFrame:
        """The part's input rows with their positions; its new city rows kept for later."""
        table = recode(piece.table, self.keys)
        ranks = (self.n_values + np.arange(piece.n_input) if part.standardised
                 else part.rows.astype(np.int64))
        heads = table.iloc[:piece.n_input].assign(position=ranks)
        if len(heads):
            self.after = max(self.after, int(ranks.max()) + 1)
        if not self.keys.small and len(heads):  # a cell lies in one part: its first row here
            order = np.argsort(ranks, kind="stable")
            cells, first = np.unique(self.keys.cell_key(heads)[order], return_index=True)
            self.first_input.update(zip(cells.tolist(), ranks[order][first].tolist(), strict=True))
        if piece.n_input < len(table):
            self.city_rows.append(table.iloc[piece.n_input:])
        return heads

    def last(self) -> pd.DataFrame | None:
        """The new city rows in the engine's cell order, after every input row."""
        if not self.city_rows:
            return None
        rows = pd.concat(self.city_rows, ignore_index=True)
        cells = self.keys.cell_key(rows)
        if self.keys.small:
            order = np.argsort(cells, kind="stable")
        else:
            first = np.array([self.first_input.get(c, np.iinfo(np.int64).max) for c in cells.tolist()])
            order = np.argsort(first, kind="stable")
        return rows.take(order).reset_index(drop=True).assign(
            position=self.after + np.arange(len(rows), dtype=np.int64))


def table_parts(values: pd.DataFrame, catalogue: pd.DataFrame, areas: pd.DataFrame,
                city_code: str) -> Iterator[pd.DataFrame]:
    """The comparison table in parts (engine columns + ``position``), whose union, in
    ``position`` order, is ``indicators.comparison_table`` of the whole input."""
    if not city_code or values.empty:
        return
    parts = parts_of(values, catalogue, PART_INDICATORS, standardised_first=True)  # lazily
    limits = settings.disclosure_thresholds()
    thresholds = (limits["min_numerator"], limits["min_denominator"])
    ordering: Ordering | None = None
    standardised: list[pd.DataFrame] = []
    for part, piece in _pieces(parts, areas, city_code, thresholds):
        if ordering is None and part.standardised:
            standardised = [piece.table.iloc[:piece.n_input]]
        if ordering is None:  # the keys need the standardised part's input rows: it comes first
            ordering = Ordering(len(values), global_keys(values, catalogue, areas, city_code,
                                                         standardised))
        yield ordering.placed(part, piece)
    if ordering is not None:
        last = ordering.last()
        if last is not None:
            yield last


def _pieces(parts: Iterator[Part], areas: pd.DataFrame, city_code: str,
            thresholds: tuple[float, float]) -> Iterator[tuple[Part, Piece]]:
    """Each part with its table, in order: computed here, or on the Dask scheduler (two
    parts in flight, so neither the parts nor the results pile up in this process)."""
    run: Callable[[Part], Any] = lambda p: table_of_part(  # noqa: E731
        p.values, p.catalogue, areas, city_code, p.standardised, *thresholds)
    if not scheduler_address():
        yield from ((part, run(part)) for part in parts)
        return
    from compute.cluster import client

    try:
        dask = client()
    except (OSError, TimeoutError) as exc:  # as the dashboard's switch: never a failed load
        log.warning("Dask scheduler %s unreachable (%s): computing in this process",
                    settings.get("WELLBEING_DASK_SCHEDULER"), exc)
        yield from ((part, run(part)) for part in parts)
        return
    with dask:
        shared = dask.scatter(areas, broadcast=True)

        def submit(part: Part) -> tuple[Part, Any]:
            return part, dask.submit(table_of_part, part.values, part.catalogue, shared, city_code,
                                     part.standardised, *thresholds, pure=False)

        flight = [submit(p) for p in itertools.islice(parts, 2)]
        while flight:
            part, future = flight.pop(0)
            following = next(parts, None)
            if following is not None:
                flight.append(submit(following))
            yield part, future.result()
