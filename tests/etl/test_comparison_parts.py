"""The load makes the comparison table a few indicators at a time (etl/comparison_parts.py);
put together by position, the parts are exactly the engine's table of the whole input:
rows, order, dtypes, categories. On the demo city (standardised indicators included, so
a part is replaced by the engine's standardised rows) with the key space the engine
numbers densely, and with the one it factorizes (both orders of the city rows)."""

from __future__ import annotations

import pandas as pd
import pytest

import compute.keys
import etl.comparison_parts
from etl.comparison_parts import table_parts
from indicators import comparison_table
from store.engine import make_engine
from store.read import Snapshot, read_snapshot


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    from etl.demo import load_demo

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('parts') / 'atlas.sqlite'}")
    load_demo(engine)
    return read_snapshot(engine)


def _joined(snap: Snapshot) -> pd.DataFrame:
    parts = list(table_parts(snap.values, snap.catalogue, snap.areas, str(snap.city["code"])))
    assert len(parts) > 5  # really in parts
    whole = pd.concat(parts, ignore_index=True).sort_values("position", kind="stable")
    assert whole["position"].is_unique
    return whole.drop(columns="position").reset_index(drop=True)


@pytest.mark.parametrize("dense", [True, False])
def test_the_parts_are_the_whole_engine_table(demo: Snapshot, dense: bool,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    if not dense:  # as on a sparse national input: cells numbered by first appearance
        never = lambda space, n_rows: False  # noqa: E731
        for module in ("rows", "disclosure", "ranks", "timeline", "keys"):
            monkeypatch.setattr(f"indicators.{module}.small_key_space", never)
        monkeypatch.setattr(compute.keys, "small_key_space", never)
    expected = comparison_table(demo.values, demo.catalogue, demo.areas, str(demo.city["code"]))
    pd.testing.assert_frame_equal(_joined(demo), expected.reset_index(drop=True))


def test_a_part_at_a_time(demo: Snapshot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parts come one by one: the second is made only when the first was taken."""
    made: list[int] = []
    original = etl.comparison_parts.table_of_part

    def counted(*args: object) -> object:
        made.append(len(made))
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(etl.comparison_parts, "table_of_part", counted)
    parts = table_parts(demo.values, demo.catalogue, demo.areas, str(demo.city["code"]))
    next(parts)
    assert len(made) == 1
    next(parts)
    assert len(made) == 2
