"""A profile marks the values the store flags as estimated (areal interpolation). A web
worker's lazy snapshot reads those rows alone, not every value of the city (at 6,000 areas
reading all 756,000 made a worker's first PDF take 7 s), on SQLite and a real PostGIS; a
refresh in between raises BatchChanged, as every lazy read does."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, select, update

from etl.pipeline import run
from presentation.comparators import ESTIMATED_KEYS, estimated_flags
from store.engine import BatchChanged
from store.read import read_snapshot, read_values
from store.schema import IndicatorValue
from tests.etl.smallcity import write_small_city


def _flag_two(engine: Engine) -> list[tuple[str, ...]]:
    """Flag two value rows as estimated; their keys."""
    key = [getattr(IndicatorValue, c) for c in ESTIMATED_KEYS]
    with engine.begin() as conn:
        rows = conn.execute(select(*key).order_by(*key).limit(2)).all()
        for row in rows:
            conn.execute(update(IndicatorValue).where(*[k == v for k, v in zip(key, row, strict=True)])
                         .values(estimated=True))
    return sorted(tuple(str(v) for v in r) for r in rows)


def _keys(frame: pd.DataFrame) -> list[tuple[str, ...]]:
    return sorted(tuple(str(v) for v in r) for r in frame[ESTIMATED_KEYS].itertuples(index=False))


def test_a_lazy_snapshot_reads_the_estimated_rows_alone(store_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path), store_engine)
    flagged = _flag_two(store_engine)
    eager, lazy = read_snapshot(store_engine), read_snapshot(store_engine, lazy=True)
    assert _keys(lazy.estimated_values()) == _keys(eager.estimated_values()) == flagged
    assert lazy.__dict__.get("_values") is None  # the values were not read for it
    named = eager.values[ESTIMATED_KEYS]
    marked = estimated_flags(named, lazy)
    assert marked.sum() == 2 and _keys(named[marked]) == flagged
    assert (estimated_flags(named, eager) == marked).all()
    assert lazy.__dict__.get("_values") is None
    # once the values are read, the rows come from them
    pd.testing.assert_frame_equal(lazy.values, read_values(store_engine, lazy.batch_id))
    assert _keys(lazy.estimated_values()) == flagged


def test_no_estimated_rows_marks_nothing(store_engine: Engine, tmp_path: Path) -> None:
    run(write_small_city(tmp_path), store_engine)
    lazy = read_snapshot(store_engine, lazy=True)
    assert lazy.estimated_values().empty
    assert not estimated_flags(read_snapshot(store_engine).values[ESTIMATED_KEYS], lazy).any()


def test_a_refresh_before_the_read_raises_batch_changed(store_engine: Engine, tmp_path: Path) -> None:
    first = run(write_small_city(tmp_path / "first"), store_engine)
    lazy = read_snapshot(store_engine, lazy=True)
    again = run(write_small_city(tmp_path / "again", methods=True), store_engine)
    assert again.batch_id != first.batch_id  # (the same files again would load nothing)
    with pytest.raises(BatchChanged):
        lazy.estimated_values()
