"""The comparison table materialised at load (issue 14), on SQLite and a real PostGIS: the
load writes exactly the engine's table of what it loads, with its cells and dtypes; a
failure after writing it leaves the store as it was; a store from before it (upgraded)
gets it from `wellbeing db upgrade`, and until then the dashboard computes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, delete, text
from typer.testing import CliRunner

import etl.load
from dashboard.model import Atlas
from etl.comparisons import cells_of
from etl.errors import EtlError
from etl.pipeline import run
from indicators.contract import EXTRA_COLUMNS, TABLE_COLUMNS
from presentation.comparisons import comparison_table_of
from store.comparison_read import read_comparison_index, read_comparison_rows
from store.comparison_schema import (
    ROW_COLUMNS,
    comparison_cells,
    comparison_columns,
    comparison_rows,
)
from store.read import read_snapshot
from tests.etl.smallcity import dump_store, write_small_city

KEY = ["indicator_id", "area_code", "period", "sex", "age_group"]


def _by_key(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype({c: str for c in KEY}).sort_values(KEY).reset_index(drop=True)


def test_the_stored_columns_are_the_engine_contract() -> None:
    assert ROW_COLUMNS == [*TABLE_COLUMNS, *EXTRA_COLUMNS]


def test_a_load_writes_the_engine_table_of_what_it_loaded(store_engine: Engine, tmp_path: Path) -> None:
    result = run(write_small_city(tmp_path, methods=True), store_engine)
    index = read_comparison_index(store_engine)
    assert index.materialised and index.batch_id == result.batch_id
    stored = read_comparison_rows(store_engine, index)
    computed = comparison_table_of(read_snapshot(store_engine))
    assert len(stored) == len(computed) > 100
    assert list(stored.columns) == list(computed.columns)
    assert (stored.dtypes.astype(str) == computed.dtypes.astype(str)).all()
    # PostGIS hands the values back in key order, SQLite in file order; the engine's row
    # order follows its input, so compare row by row in key order
    pd.testing.assert_frame_equal(_by_key(stored), _by_key(computed), check_categorical=False)
    cells = cells_of(stored.reindex(columns=ROW_COLUMNS))

    def plain(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
        return [tuple(None if pd.isna(v) else v for v in row) for row in frame.itertuples(index=False)]

    assert plain(index.cells) == plain(cells)
    with store_engine.connect() as conn:
        batches = conn.execute(text("SELECT DISTINCT batch_id FROM comparison_rows")).scalars().all()
    assert batches == [result.batch_id]


def test_a_failure_after_the_comparisons_were_written_changes_nothing(
    store_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(write_small_city(tmp_path / "a", methods=True), store_engine)
    before = dump_store(store_engine)
    original = etl.load.write_load

    def write_then_fail(*args: Any) -> None:
        original(*args)
        raise RuntimeError("disk full (injected)")

    monkeypatch.setattr(etl.load, "write_load", write_then_fail)
    with pytest.raises(EtlError, match="disk full"):
        run(write_small_city(tmp_path / "b"), store_engine)
    assert dump_store(store_engine) == before


def test_an_upgraded_store_is_computed_until_db_upgrade_materialises_it(
    sqlite_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(write_small_city(tmp_path, methods=True), sqlite_engine)
    with sqlite_engine.begin() as conn:  # as a store loaded before issue 14
        for model in (comparison_rows, comparison_cells, comparison_columns):
            conn.execute(delete(model))
        conn.execute(text("UPDATE alembic_version SET version_num = '0010'"))
        for name in ("comparison_rows", "comparison_cells", "comparison_columns", "display_geometries"):
            conn.execute(text(f"DROP TABLE {name}"))
    from wellbeing.cli import app

    monkeypatch.setenv("DATABASE_URL", str(sqlite_engine.url))
    from store.engine import get_engine

    get_engine.cache_clear() if hasattr(get_engine, "cache_clear") else None
    result = CliRunner().invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert "Upgraded the store" in result.output and "Computed the comparison table" in result.output
    atlas = Atlas(sqlite_engine)
    assert atlas.stored() is not None
    pd.testing.assert_frame_equal(atlas.comparisons(), comparison_table_of(read_snapshot(sqlite_engine))
                                  .reset_index(drop=True))
    again = CliRunner().invoke(app, ["db", "upgrade"])
    assert again.exit_code == 0 and "up to date" in again.output and "Computed" not in again.output


def test_a_lazy_snapshot_reads_its_values_once_for_many_threads() -> None:
    """Threads of a worker asking for a lazy snapshot's values at once: one read, every
    thread gets it (the first version of the lazy read raised KeyError in the second)."""
    import threading
    import time

    from store.read import LazySnapshot

    reads: list[int] = []

    def slow_read() -> pd.DataFrame:
        reads.append(1)
        time.sleep(0.2)  # long enough for the other threads to arrive meanwhile
        return pd.DataFrame({"value": [1.0]})

    snap = LazySnapshot({}, pd.DataFrame(), pd.DataFrame(), None, 1, loaders={"values": slow_read})
    errors: list[BaseException] = []

    def read() -> None:
        try:
            assert len(snap.values) == 1
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and reads == [1]
