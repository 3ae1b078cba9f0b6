"""``distributed_table``: ``comparison_table`` run per indicator on a Dask cluster.

The values are split by indicator (:mod:`compute.partition`), each part is sent to a
worker with its catalogue rows (the areas are broadcast once), ``comparison_table``
runs there, and the parts' tables come back and are put together into exactly the
table the single-process engine gives. The client is one the caller passes, else
:func:`compute.cluster.client` (the ``WELLBEING_DASK_SCHEDULER`` address, or a local
cluster).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from compute.cluster import client as open_client
from compute.partition import Part, Piece, assemble, split
from indicators import comparison_table
from indicators.standardise import standardise

if TYPE_CHECKING:
    from distributed import Client


def table_of_part(values: pd.DataFrame, catalogue: pd.DataFrame, areas: pd.DataFrame,
                  city_code: str, standardised: bool, min_numerator: float | None,
                  min_denominator: float | None) -> Piece:
    """One part's comparison table (runs on a worker)."""
    n_input = len(standardise(values, catalogue, city_code)) if standardised else len(values)
    table = comparison_table(values, catalogue, areas, city_code,
                             min_numerator=min_numerator, min_denominator=min_denominator)
    return Piece(table, n_input)


def _run(dask: Client, parts: list[Part], areas: pd.DataFrame, city_code: str,
         thresholds: tuple[float | None, float | None]) -> list[Piece]:
    shared = dask.scatter(areas, broadcast=True)
    futures = []
    for part in parts:
        values, catalogue = dask.scatter([part.values, part.catalogue])
        futures.append(dask.submit(table_of_part, values, catalogue, shared, city_code,
                                   part.standardised, *thresholds, pure=False))
    pieces: list[Piece] = dask.gather(futures)
    return pieces


def distributed_table(
    values: pd.DataFrame, catalogue: pd.DataFrame, areas: pd.DataFrame, city_code: str, *,
    client: Client | None = None, min_numerator: float | None = None,
    min_denominator: float | None = None, indicators_per_part: int = 1,
) -> pd.DataFrame:
    """``indicators.comparison_table`` of the same arguments, computed on Dask.

    Rows, order, dtypes and every key, status and comparison are those of the
    single-process engine; float values too, bit for bit, while the input fits one of
    the engine's 64k-row blocks (above that, the engine sums city values per block, so a
    sum over a part's blocks may round differently in the last bit). ``client``: a
    ``distributed.Client`` to use (left open); none opens one from the settings and
    closes it after. Input problems raise ``IndicatorError`` as the engine does (row
    numbers then count within the indicator's part).
    """
    if len(values) == 0:
        return comparison_table(values, catalogue, areas, city_code,
                                min_numerator=min_numerator, min_denominator=min_denominator)
    parts = split(values, catalogue, indicators_per_part)
    thresholds = (min_numerator, min_denominator)
    if client is not None:
        pieces = _run(client, parts, areas, city_code, thresholds)
    else:
        with open_client() as dask:
            pieces = _run(dask, parts, areas, city_code, thresholds)
    return assemble(values, catalogue, areas, city_code, parts, pieces)
