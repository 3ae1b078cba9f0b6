"""Split by indicator and put back together: exactly the single-process table (no Dask)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from compute.engine import table_of_part
from compute.partition import assemble, split
from indicators import comparison_table
from store.engine import make_engine
from store.migrate import upgrade
from store.read import read_snapshot
from synthetic.nation import nation
from tests.export.health_city import build_health_city

KEYS = ["indicator_id", "area_code", "period", "sex", "age_group", "status"]


def in_parts(values: pd.DataFrame, catalogue: pd.DataFrame, areas: pd.DataFrame, city: str,
             per_part: int = 1) -> pd.DataFrame:
    parts = split(values, catalogue, per_part)
    pieces = [table_of_part(p.values, p.catalogue, areas, city, p.standardised, None, None)
              for p in parts]
    return assemble(values, catalogue, areas, city, parts, pieces)


@pytest.mark.parametrize("per_part", [1, 4])
def test_a_nation_in_parts_is_the_single_process_table(per_part: int) -> None:
    d = nation(30, 12, 6)
    got = in_parts(d.values, d.catalogue, d.areas, d.city_code, per_part)
    assert_frame_equal(got, comparison_table(d.values, d.catalogue, d.areas, d.city_code),
                       check_exact=True)


def test_shuffled_text_keys_keep_the_engine_order_and_categories() -> None:
    d = nation(20, 10, 6)
    values = d.values.sample(frac=1, random_state=3).reset_index(drop=True)
    values[KEYS] = values[KEYS].astype(object)
    got = in_parts(values, d.catalogue, d.areas, d.city_code, 3)
    want = comparison_table(values, d.catalogue, d.areas, d.city_code)
    assert_frame_equal(got, want, check_exact=True)
    assert list(got["indicator_id"].cat.categories) == list(want["indicator_id"].cat.categories)


def test_a_sparse_key_space_orders_new_city_rows_by_first_appearance() -> None:
    d = nation(2, 30, 10)
    values = d.values.assign(age_group="a" + d.values["indicator_id"].astype(str))
    values = values.sample(frac=1, random_state=5).reset_index(drop=True)
    got = in_parts(values, d.catalogue, d.areas, d.city_code, 4)
    assert_frame_equal(got, comparison_table(values, d.catalogue, d.areas, d.city_code),
                       check_exact=True)


def test_standardised_indicators_stay_in_one_part_and_match(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'health.sqlite'}")
    upgrade(engine)
    build_health_city(engine)
    snap = read_snapshot(engine)
    engine.dispose()
    values, catalogue, areas = snap.values, snap.catalogue, snap.areas
    city = snap.city["code"]
    parts = split(values, catalogue)
    assert sum(p.standardised for p in parts) == 1
    got = in_parts(values, catalogue, areas, city)
    assert_frame_equal(got, comparison_table(values, catalogue, areas, city), check_exact=True)


def test_every_row_goes_to_exactly_one_part() -> None:
    d = nation(10, 7, 4)
    parts = split(d.values, d.catalogue, 2)
    rows = sorted(r for p in parts for r in p.rows.tolist())
    assert rows == list(range(len(d.values)))
    for part in parts:
        ids = set(part.values["indicator_id"].astype(str))
        assert ids == set(part.catalogue["id"].astype(str))


def test_parts_give_the_same_bits_when_the_table_spans_many_blocks() -> None:
    """300,000 rows (more than four of the engine's 65,536-row blocks): the city's sums add
    each cell's rows in input order in one pass, so a part (one indicator) gives the same
    bits as the whole table, and two runs give the same bits (no thread-order rounding)."""
    d = nation(500, 20, 10)
    assert len(d.values) > 4 * (1 << 16)
    whole = comparison_table(d.values, d.catalogue, d.areas, d.city_code)
    assert_frame_equal(in_parts(d.values, d.catalogue, d.areas, d.city_code), whole, check_exact=True)
    assert_frame_equal(comparison_table(d.values, d.catalogue, d.areas, d.city_code), whole,
                       check_exact=True)
