"""The programme register through a load: what the ETL read is what ``read_snapshot``
gives back (SQLite and PostGIS), and a refused register leaves the store as it was."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from etl.config import load_config
from etl.errors import ValidationError
from etl.pipeline import read_inputs, run
from etl.programme_register import TABLES
from store.programme_read import PROGRAMME_COLUMNS
from store.read import read_snapshot
from tests.etl.smallcity import dump_store
from tests.etl.test_programme_register import INITIATIVES, write_programme_city


def _plain(frame: pd.DataFrame) -> list[tuple[object, ...]]:
    """Rows with None for missing and whole floats as ints, for comparing across drivers."""
    def cell(v: object) -> object:
        if v is None or (isinstance(v, float) and pd.isna(v)):
            return None
        if isinstance(v, float) and v.is_integer():
            return int(v)
        return v.item() if hasattr(v, "item") else v
    return sorted((tuple(cell(v) for v in row) for row in frame.itertuples(index=False)), key=repr)


def test_a_load_then_a_snapshot_gives_the_frames_back(store_engine: Engine, tmp_path: Path) -> None:
    config = write_programme_city(tmp_path)
    read = read_inputs(load_config(config)).programme.frames
    result = run(config, store_engine, force=True)
    assert result.status == "succeeded"
    snapshot = read_snapshot(store_engine).programme
    for name in TABLES:
        assert list(snapshot[name].columns) == PROGRAMME_COLUMNS[name]
        assert len(read[name]) > 0, name
        assert _plain(snapshot[name]) == _plain(read[name]), name
    assert _plain(snapshot["initiatives"][["id", "participants", "budget"]]) == [
        ("I1", 120, 1_200_000), ("I2", None, None)]


def test_a_refused_register_leaves_the_store_unchanged(store_engine: Engine, tmp_path: Path) -> None:
    config = write_programme_city(tmp_path)
    run(config, store_engine, force=True)
    before = dump_store(store_engine)
    write_programme_city(tmp_path, initiatives=INITIATIVES.replace("pågående", "paused"))
    with pytest.raises(ValidationError, match=r"initiatives\.csv, row 2, column 'status': unknown "
                       r"status \(value: 'paused'\)"):
        run(config, store_engine, force=True)
    assert dump_store(store_engine) == before
