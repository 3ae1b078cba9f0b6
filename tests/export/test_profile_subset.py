"""A profile file rendered from the rows it needs (``presentation.profile_rows``) is the
file rendered from the whole comparison table (issue 14: a web worker never reads the
whole table for a download), for every area of the demo city and of the health city, for
every comparator the store offers, with and without a deprivation measure and with areas
of two levels; and the API's profile from the area's rows is the one from the whole table.

Each city is a store the load materialised (the atlas reads slices of it). XLSX files
differ in their creation time only (docProps/core.xml), so their other parts are compared.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import text

from api.profile import profile_record
from api.source import StoreSource
from dashboard.model import Atlas
from dashboard.profile_rows import profile_table
from indicators import headline_age_groups
from presentation.comparators import comparator_choices
from presentation.profile_rows import RowsWhere, profile_rows
from reports import render_profile
from store.engine import make_engine
from store.read import Snapshot
from tests.cities import KINDS, city_store

DAY = date(2024, 5, 17)


@pytest.fixture(scope="module", params=KINDS)
def city(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
         ) -> Iterator[tuple[Atlas, Snapshot, pd.DataFrame]]:
    engine = city_store(request.param, tmp_path_factory.mktemp(request.param) / "atlas.sqlite")
    atlas = Atlas(engine)
    assert atlas.stored() is not None  # slices are read from the store
    yield atlas, atlas.snapshot(), atlas.comparisons()
    engine.dispose()


def areas_of(snapshot: Snapshot) -> list[str]:
    return [str(c) for c in snapshot.areas.loc[snapshot.areas["level"] != "city", "code"]]


def read_once(rows_where: RowsWhere) -> RowsWhere:
    """``rows_where`` with its answers kept (one load batch: the same question, the same rows)."""
    kept: dict[str, pd.DataFrame] = {}

    def read(**where: list[str]) -> pd.DataFrame:
        key = repr(sorted(where.items()))
        if key not in kept:
            kept[key] = rows_where(**where)
        return kept[key]

    return read


def same_file(fmt: str, left: bytes, right: bytes) -> bool:
    if fmt != "xlsx":
        return left == right
    a, b = zipfile.ZipFile(io.BytesIO(left)), zipfile.ZipFile(io.BytesIO(right))
    parts = [n for n in a.namelist() if n != "docProps/core.xml"]
    return a.namelist() == b.namelist() and all(a.read(n) == b.read(n) for n in parts)


def differing(snapshot: Snapshot, whole: pd.DataFrame, rows_where: RowsWhere, codes: list[str],
              comparators: list[str], formats: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(area, comparator, format) whose file from the area's rows is not the whole table's.
    The whole table's files first (its index is kept between them), then each area's."""
    jobs = [(code, comp, fmt) for code in codes for comp in comparators for fmt in formats]
    expected = {job: render_profile(snapshot, whole, job[0], job[2], "sv", DAY, comparator=job[1])[0]
                for job in jobs}
    bad: list[tuple[str, str, str]] = []
    for code in codes:
        rows = profile_rows(rows_where, snapshot, code)
        assert list(rows.columns) == list(whole.columns)
        assert rows.dtypes.equals(whole.dtypes)
        for comp in comparators:
            for fmt in formats:
                made = render_profile(snapshot, rows, code, fmt, "sv", DAY, comparator=comp)[0]
                if not same_file(fmt, expected[(code, comp, fmt)], made):
                    bad.append((code, comp, fmt))
    return bad


def without_deprivation(snapshot: Snapshot) -> Snapshot:
    return replace(snapshot, city={**snapshot.city, "deprivation_indicator": None})


def test_every_area_html(city: tuple[Atlas, Snapshot, pd.DataFrame]) -> None:
    """Every area, judged against the city. The demo city's SII part is the same rows for
    every area (read once here); without a deprivation measure it is not read."""
    atlas, snapshot, whole = city
    read = read_once(atlas.rows_where)
    assert snapshot.city.get("deprivation_indicator")
    assert differing(snapshot, whole, read, areas_of(snapshot), ["city"], ("html",)) == []


def test_areas_without_deprivation(city: tuple[Atlas, Snapshot, pd.DataFrame]) -> None:
    """Without the SII the rows are few: the area's, its parent's, the city's and the
    spine's peers at the headline periods (every eighth area)."""
    atlas, snapshot, whole = city
    plain = without_deprivation(snapshot)
    codes = areas_of(plain)[::8]
    assert differing(plain, whole, atlas.rows_where, codes, ["city"], ("html", "csv")) == []
    largest = max(len(profile_rows(atlas.rows_where, plain, code)) for code in codes)
    assert largest < len(whole) / 4


def test_every_comparator_and_format(city: tuple[Atlas, Snapshot, pd.DataFrame]) -> None:
    """A prioritized area with every comparator (city, rest, parent, the national one), HTML
    and CSV; another area's XLSX and PDF against its parent."""
    atlas, snapshot, whole = city
    comparators = [code for code, _ in comparator_choices(snapshot, "en")]
    assert {"city", "rest", "parent", "SE"} <= set(comparators)
    codes = areas_of(snapshot)
    prioritized = [str(c) for c in snapshot.areas.loc[snapshot.areas["prioritized"].astype(bool), "code"]]
    read = read_once(atlas.rows_where)
    assert differing(snapshot, whole, read, prioritized[:1], comparators, ("html", "csv")) == []
    assert differing(snapshot, whole, read, codes[-1:], ["parent"], ("xlsx", "pdf")) == []


@pytest.fixture(scope="module")
def health(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """The health city's snapshot (the districts test needs one city; the table is computed
    there, slowly, so not on the demo too)."""
    engine = city_store("health", tmp_path_factory.mktemp("levels") / "atlas.sqlite")
    return Atlas(engine).snapshot()


def test_districts_and_their_neighbourhoods(health: Snapshot) -> None:
    """Areas of two levels: five districts, each the parent of seven neighbourhoods. Each
    area's spine is of its own level, the SII of the most common one (decided on every
    level's rows), a neighbourhood's parent is a district. The table is computed here."""
    snapshot = health
    codes = areas_of(snapshot)
    districts = codes[::8]
    parent = {code: districts[i // 8] for i, code in enumerate(codes) if code not in districts}
    areas = snapshot.areas.copy()
    named = areas["code"].astype(str)
    areas["level"] = areas["level"].where(~named.isin(codes), named.isin(districts).map(
        {True: "district", False: "neighbourhood"}))
    areas["parent_code"] = named.map(parent).fillna(areas["parent_code"])
    two = replace(snapshot, areas=areas)
    from presentation.comparisons import comparison_table_of

    whole = comparison_table_of(two)
    assert set(whole["level"].astype(str)) == {"city", "district", "neighbourhood"}

    def rows_where(**where: list[str]) -> pd.DataFrame:
        keep = pd.Series(True, index=whole.index)
        for name, values in where.items():
            keep &= whole[name].astype(str).isin([str(v) for v in values])
        return whole[keep].reset_index(drop=True)

    sample = [districts[1], codes[1], codes[-2]]  # a district, two neighbourhoods
    assert differing(two, whole, read_once(rows_where), sample, ["city", "parent", "rest"],
                     ("html", "csv")) == []
    plain = without_deprivation(two)  # then the parent's rows are not among the SII's
    assert differing(plain, whole, rows_where, sample[1:], ["parent"], ("html", "csv")) == []


def test_the_dashboard_reads_the_rows_once_per_area(city: tuple[Atlas, Snapshot, pd.DataFrame],
                                                    tmp_path: Path) -> None:
    """``dashboard.profile_rows.profile_table``. A city with a deprivation measure: the
    whole table, read once per batch and kept (the inequality section needs nearly every
    row). Without one: the area's rows, the same frame for the same area (so ``reports``
    keeps its index), another area's next; never the whole table."""
    atlas, snapshot, whole = city
    first, second = areas_of(snapshot)[:2]
    assert profile_table(atlas, first) is atlas.comparisons()
    copy = tmp_path / "plain.sqlite"
    shutil.copy(str(atlas.engine.url.database), copy)
    engine = make_engine(f"sqlite:///{copy}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE city SET deprivation_indicator = NULL"))
    plain = Atlas(engine)
    plain.comparisons = lambda: pytest.fail("the whole table was read")  # type: ignore[method-assign]
    rows = profile_table(plain, first)
    assert profile_table(plain, first) is rows
    assert profile_table(plain, second) is not rows
    pd.testing.assert_frame_equal(rows, profile_rows(plain.rows_where, plain.snapshot(), first))
    assert len(rows) < len(whole) / 2


def test_the_api_profile_reads_the_area_rows(city: tuple[Atlas, Snapshot, pd.DataFrame]) -> None:
    """The API's profile (api/handlers.py) from the area's rows and the source's headline
    age groups is the one from the whole table, for every area (three in English too)."""
    atlas, snapshot, whole = city
    ages = headline_age_groups(whole)
    pd.testing.assert_series_equal(atlas.age_groups(), ages)
    codes = areas_of(snapshot)
    for code in codes:
        for lang in ("sv", "en") if code in codes[:3] else ("sv",):
            expected: tuple[dict[str, Any], pd.DataFrame] = profile_record(snapshot, whole, code, ages, lang)
            got = profile_record(snapshot, atlas.rows_where(area_code=[code]), code, atlas.age_groups(), lang)
            assert got[0] == expected[0]
            pd.testing.assert_frame_equal(got[1], expected[1])


def test_a_source_without_the_dashboard_answers_the_same(city: tuple[Atlas, Snapshot, pd.DataFrame]) -> None:
    """``api.source.StoreSource`` (a server without the dashboard) hands out the same rows
    and headline age groups as the atlas reading the materialised table."""
    atlas, snapshot, _ = city
    source = StoreSource(atlas.engine)
    code = areas_of(snapshot)[3]
    pd.testing.assert_frame_equal(source.rows_where(area_code=[code], sex=["total"]),
                                  atlas.rows_where(area_code=[code], sex=["total"]))
    pd.testing.assert_series_equal(source.age_groups(), atlas.age_groups())


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_areas_sharing_their_levels_spine_statistics(city: tuple[Atlas, Snapshot, pd.DataFrame], fmt: str) -> None:
    """The dashboard's way (``dashboard.profile_rows.spines``): the spine statistics the
    batch's profiles share are computed from the first area's peers; the next areas of its
    level showing the same indicators and periods are read without their peers, and every
    file is still the whole table's."""
    atlas, snapshot, whole = city
    plain = without_deprivation(snapshot)
    peer_reads: list[int] = []

    def counted(**where: list[str]) -> pd.DataFrame:
        if where.get("sex") == ["total"]:  # only the peers are read by sex
            peer_reads.append(len(where.get("area_code", [])))
        return atlas.rows_where(**where)

    spines: dict[str, Any] = {}
    codes = areas_of(plain)[::5]
    bad = []
    for code in codes:
        rows = profile_rows(counted, plain, code, lambda level, pairs: pairs <= spines.get(level, {}).keys())
        made = render_profile(plain, rows, code, fmt, "sv", DAY, spines=spines)[0]
        if not same_file(fmt, render_profile(plain, whole, code, fmt, "sv", DAY)[0], made):
            bad.append(code)
    assert bad == []
    assert spines and all(spines.values())
    assert 0 < len(peer_reads) < len(codes)  # some areas were read without their peers
