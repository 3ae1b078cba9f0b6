"""The stores of ``benchmarks.load --areas N``: the grid city with its materialised tables,
a copy without them (a store loaded before issue 14), and the facts its visitors need."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from benchmarks.serving import UNMATERIALISED, grid_store
from store.engine import make_engine


def _counts(path: Path) -> dict[str, int]:
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        counts = {t: int(conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()) for t in UNMATERIALISED}
    engine.dispose()
    return counts


def test_the_grid_city_with_and_without_its_materialised_tables(tmp_path: Path) -> None:
    store, before, facts = grid_store(tmp_path, 200)
    assert all(n > 0 for n in _counts(store).values())
    assert _counts(before) == dict.fromkeys(UNMATERIALISED, 0)
    assert len(facts["areas"]) == 200 and len(set(facts["areas"])) == 200
    assert facts["latest"] and all(facts["latest"].values()) and facts["batch"]
    assert set(facts["latest"]) <= set(facts["names_en"])


def test_the_grid_city_has_whole_rows(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="100 areas a row"):
        grid_store(tmp_path, 150)
