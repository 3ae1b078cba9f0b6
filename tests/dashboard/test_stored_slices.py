"""The materialised comparison table, read in slices, answers every question of the atlas
exactly as the table computed in the process did (issue 14): the same rows, order,
columns and dtypes, for every key of every kind of slice.

Two atlases on copies of one store: one reads the comparison table the load wrote, the
other's copy has it deleted, so it computes the table itself (as before issue 14).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import delete

from dashboard.model import Atlas
from store.comparison_schema import (
    comparison_cells,
    comparison_columns,
    comparison_rows,
    display_geometries,
)
from store.engine import make_engine
from store.migrate import upgrade
from tests.cities import KINDS, city_store


def _same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True))


def _pair(path: Path) -> tuple[Atlas, Atlas]:
    copy = path.with_name("computed.sqlite")
    shutil.copy(path, copy)
    computed = make_engine(f"sqlite:///{copy}")
    with computed.begin() as conn:
        for model in (comparison_rows, comparison_cells, comparison_columns, display_geometries):
            conn.execute(delete(model))
    return Atlas(make_engine(f"sqlite:///{path}")), Atlas(computed)


@pytest.fixture(scope="module", params=KINDS)
def atlases(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Atlas, Atlas]]:
    path = tmp_path_factory.mktemp(request.param) / "atlas.sqlite"
    city_store(request.param, path).dispose()
    yield _pair(path)


class InMemory(Atlas):
    """An atlas that never reads slices: the whole stored table, grouped in this process."""

    def stored(self) -> None:  # type: ignore[override]
        return None


@pytest.mark.postgis
def test_on_postgis_every_slice_is_the_table_grouped_in_memory(postgis_engine: Any) -> None:
    """PostGIS answers the slices' SQL (its own key order, its IN lists) as the in-memory
    grouping of the same stored table does."""
    from etl.demo import load_demo

    load_demo(postgis_engine)
    stored, whole = Atlas(postgis_engine), InMemory(postgis_engine)
    assert stored.stored() is not None
    table = whole.comparisons()
    pd.testing.assert_series_equal(stored.age_groups(), whole.age_groups())
    assert stored.compared_indicators() == whole.compared_indicators()
    for ind in whole.catalogue().index:
        assert stored.periods(ind) == whole.periods(ind) and stored.sexes(ind) == whole.sexes(ind)
        _same(stored.indicator_rows(ind), whole.indicator_rows(ind))
        period = whole.periods(ind)[-1]
        for sex in whole.sexes(ind):
            _same(stored.slice(ind, period, sex), whole.slice(ind, period, sex))
    for code in table["area_code"].astype(str).unique()[:10]:
        _same(stored.area_rows(code), whole.area_rows(code))
    codes = sorted(table["area_code"].astype(str).unique())[:3]
    _same(stored.rows_where(indicator_id=["unemployment"], area_code=codes),
          whole.rows_where(indicator_id=["unemployment"], area_code=codes))


def test_one_reads_the_load_table_the_other_computes(atlases: tuple[Atlas, Atlas]) -> None:
    stored, computed = atlases
    assert stored.stored() is not None and computed.stored() is None
    fresh = Atlas(stored.engine)
    fresh.warm()  # a worker's start reads neither the values nor the outlines
    assert fresh.snapshot().__dict__.get("_values") is None
    assert fresh.snapshot().__dict__.get("_geometries") is None
    assert stored.version() == computed.version()


def test_the_whole_table_is_the_same(atlases: tuple[Atlas, Atlas]) -> None:
    stored, computed = atlases
    _same(stored.comparisons(), computed.comparisons())
    _same(stored.snapshot().values, computed.snapshot().values)  # read lazily, same batch
    got, want = stored.snapshot().geometries, computed.snapshot().geometries  # the same
    assert got is not None and want is not None
    assert list(got["code"]) == list(want["code"]) and bool(got.geometry.geom_equals(want.geometry).all())


def test_the_map_outlines_are_those_the_worker_would_make(atlases: tuple[Atlas, Atlas]) -> None:
    stored, computed = atlases
    made, drawn = stored.display_geometry(), computed.display_geometry()
    assert made.body == drawn.body and made.gzipped == drawn.gzipped and made.bounds == drawn.bounds
    assert (made.decimals, made.tolerance, made.vertices) == (drawn.decimals, drawn.tolerance, drawn.vertices)
    assert len(made.geojson["features"]) == len(stored.areas()) > 5


def test_what_the_pages_list_is_the_same(atlases: tuple[Atlas, Atlas]) -> None:
    stored, computed = atlases
    pd.testing.assert_series_equal(stored.age_groups(), computed.age_groups())
    assert stored.compared_indicators() == computed.compared_indicators()
    for indicator in computed.catalogue().index:
        assert stored.periods(indicator) == computed.periods(indicator)
        assert stored.sexes(indicator) == computed.sexes(indicator)
        assert stored.age_groups_of(indicator) == computed.age_groups_of(indicator)


def test_every_slice_is_the_same(atlases: tuple[Atlas, Atlas]) -> None:
    stored, computed = atlases
    table = computed.comparisons()
    cells = table[["indicator_id", "period", "sex", "age_group"]].astype(str).drop_duplicates()
    assert len(cells) > 20
    # every cell of five indicators, the last two periods of the others (the suite's time)
    recent = cells.groupby("indicator_id")["period"].transform(lambda p: p >= sorted(set(p))[-min(2, p.nunique())])
    cells = cells[recent | cells["indicator_id"].isin(computed.catalogue().index[:5])]
    for ind, period, sex, age in cells.itertuples(index=False):
        _same(stored.slice(ind, period, sex), computed.slice(ind, period, sex))
        spine = ["level", "value", "status"]
        _same(stored.spine(ind, period, sex)[spine], computed.spine(ind, period, sex)[spine])
        _same(stored.cell(ind, period, sex, age), computed.cell(ind, period, sex, age))
    for ind in computed.catalogue().index:
        _same(stored.indicator_rows(ind), computed.indicator_rows(ind))
        _same(stored.indicator_table(ind), computed.indicator_table(ind))
    codes = table["area_code"].astype(str).unique()
    for code in codes:
        _same(stored.area_rows(code), computed.area_rows(code))
    for code in codes[:3]:
        for ind in computed.catalogue().index:
            _same(stored.series_rows(code, ind), computed.series_rows(code, ind))
    _same(stored.slice("no_such_indicator", "2020", "total"),
          computed.slice("no_such_indicator", "2020", "total"))
    _same(stored.area_rows("NO_SUCH_AREA"), computed.area_rows("NO_SUCH_AREA"))


def test_an_answer_read_again_is_kept_and_each_caller_gets_its_own_copy(
        atlases: tuple[Atlas, Atlas], monkeypatch: pytest.MonkeyPatch) -> None:
    """A profile file's spine peers are one answer for every area of a level: a worker
    reads it once per load batch, within ``KEPT_ROWS``, and a caller changing its copy
    changes nobody else's."""
    import dashboard.stored as stored_module

    stored, computed = atlases
    slices = stored.stored()
    assert slices is not None
    reads: list[dict[str, Any]] = []
    real = stored_module.read_comparison_rows

    def counted(*args: Any, **where: Any) -> pd.DataFrame:
        reads.append(where)
        return real(*args, **where)

    monkeypatch.setattr(stored_module, "read_comparison_rows", counted)
    monkeypatch.setattr(slices, "_kept", type(slices._kept)())
    codes = sorted(computed.comparisons()["area_code"].astype(str).unique())
    ask = {"sex": ["total"], "area_code": codes, "indicator_id": ["unemployment"]}
    first = stored.rows_where(**ask)
    first["value"] = -1.0  # the caller's copy
    again = stored.rows_where(area_code=list(reversed(codes)), indicator_id=["unemployment"], sex=["total"])
    assert len(reads) == 1  # the same question, asked in another order: not read again
    _same(again, computed.rows_where(**ask))
    assert (again["value"] != -1.0).any()
    monkeypatch.setattr(stored_module, "KEPT_ROWS", len(again))  # room for this answer alone
    for code in codes[:3]:
        stored.rows_where(area_code=[code])
    stored.rows_where(**ask)
    assert len(reads) == 5  # pushed out by the three areas' rows: read again


def test_a_refresh_between_check_and_read_asks_for_a_reload(tmp_path: Path) -> None:
    """A request pinned to batch N whose slice is read after batch N+1 replaced the rows
    gets "reload", never N+1's rows on an N page; the next request reads N+1."""
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from dashboard.model import StoreUnavailable
    from etl.comparisons import materialise
    from store.schema import LoadBatch
    from synthetic.grid_city import build_city

    engine = make_engine(f"sqlite:///{tmp_path / 'atlas.sqlite'}")
    upgrade(engine)
    info = build_city(engine, cols=4, rows=2)
    atlas = Atlas(engine)
    first = atlas.version()
    indicator = str(atlas.catalogue().index[0])
    period = atlas.periods(indicator)[-1]
    with atlas.pinned():
        assert len(atlas.slice(indicator, period, "total")) == len(info["codes"]) + 1
        now = datetime.now(UTC)
        with engine.begin() as conn:  # a refresh lands while the request is under way
            conn.execute(insert(LoadBatch).values(city_code="X", config_path="x", started_at=now,
                                                  finished_at=now, status="succeeded"))
        materialise(engine)
        with pytest.raises(StoreUnavailable, match="Reload the page"):
            atlas.slice(indicator, period, "female")
    assert atlas.version() == first + 1
    assert len(atlas.slice(indicator, period, "female")) == len(info["codes"]) + 1
