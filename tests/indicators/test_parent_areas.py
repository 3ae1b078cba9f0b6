"""Secondary suppression of parent areas (districts → neighbourhoods), on both key paths.

The parent rule keys its groups by (cell, parent area). When cells × areas is
small next to the rows the key itself is the group id (dense); otherwise the
keys that occur are factorized (sparse). Both must hide the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from indicators import comparison_table
from indicators.contract import STATUSES
from indicators.disclosure import AT_SOURCE, MISSING, OK, SUPPRESSED, Layout, secondary_suppression
from indicators.keys import small_key_space
from tests.indicators import builders as b

CITY, DISTRICT, NEIGHBOURHOOD = range(3)
HIDDEN = (SUPPRESSED, AT_SOURCE)


@dataclass
class Town:
    """A hand-made city as the engine's arrays: area 0 is the city.

    ``parent`` and ``level`` are per area code (parent -1 for the city and for
    districts, whose parent is the city); each row is (indicator, sex, area,
    status, numerator), and every (indicator, sex) cell has a city row.
    """

    parent: list[int]
    level: list[int]
    rows: list[tuple[int, int, int, int, float]]
    additive: list[bool]

    def layout(self) -> Layout:
        ind, sex, area = (np.array([r[i] for r in self.rows], dtype=np.int64) for i in range(3))
        cells = sorted(set(zip(ind.tolist(), sex.tolist(), strict=True)))
        cell = np.array([cells.index(c) for c in zip(ind.tolist(), sex.tolist(), strict=True)],
                        dtype=np.int64)
        is_city = area == 0
        city_row = np.full(len(cells), -1, dtype=np.int64)
        city_row[cell[is_city]] = np.flatnonzero(is_city)
        assert (city_row >= 0).all(), "every cell needs its city row"
        zeros = np.zeros(len(self.rows), dtype=np.int64)
        return Layout(
            ind=ind, area=area, per=zeros, age=zeros, sex=sex, cell=cell, is_city=is_city,
            area_level=np.array(self.level), area_parent=np.array(self.parent),
            additive=np.array(self.additive), city_row=city_row,
            sizes=(len(self.additive), len(self.parent), 1, 1, len(cells), 3),
        )

    def status(self) -> NDArray[np.int8]:
        return np.array([r[3] for r in self.rows], dtype=np.int8)

    def numerator(self) -> NDArray[np.float64]:
        return np.array([r[4] for r in self.rows], dtype=np.float64)

    def suppressed(self, dense: bool | None) -> NDArray[np.int8]:
        num = self.numerator()
        return secondary_suppression(self.layout(), self.status(), num, num * 10 + 30,
                                     dense=dense)


def recoverable_children(lay: Layout, status: NDArray[np.int8]) -> list[str]:
    """(cell, parent) groups where subtraction gives away one hidden value: a published
    parent with exactly one hidden child, or a hidden parent with no hidden child and at
    least one published child."""
    hidden = np.isin(status, HIDDEN)
    shown = status == OK
    found = []
    for row in np.flatnonzero(lay.additive[lay.ind] & ~lay.is_city):
        kids = np.flatnonzero((lay.cell == lay.cell[row])
                              & (lay.area_parent[lay.area] == lay.area[row]))
        if kids.size == 0:
            continue
        n_hidden = int(hidden[kids].sum())
        if (shown[row] and n_hidden == 1) or (hidden[row] and n_hidden == 0
                                               and shown[kids].any()):
            found.append(f"cell {lay.cell[row]}, parent area {lay.area[row]}")
    return found


# Staden: districts D1 (area 1) and D2 (area 2); D1 has N1, N2, N3 (areas 3-5), D2 has
# N4, N5 (areas 6-7). Three indicators, sex total only.
PARENT = [-1, -1, -1, 1, 1, 1, 2, 2]
LEVEL = [CITY, DISTRICT, DISTRICT, NEIGHBOURHOOD, NEIGHBOURHOOD, NEIGHBOURHOOD,
         NEIGHBOURHOOD, NEIGHBOURHOOD]
STADEN = Town(PARENT, LEVEL, additive=[True, True, True], rows=[
    # indicator 0: N1 is small, so its smallest sibling N2 goes too; D2 is untouched
    (0, 0, 0, OK, 500), (0, 0, 1, OK, 200), (0, 0, 2, OK, 300),
    (0, 0, 3, SUPPRESSED, 3), (0, 0, 4, OK, 90), (0, 0, 5, OK, 107),
    (0, 0, 6, OK, 150), (0, 0, 7, OK, 150),
    # indicator 1: N4 is hidden at source and N5 missing, so D2 has no child left to hide
    # and is hidden itself; then D1 (the city minus D2), then a second child of D1.
    (1, 0, 0, OK, 500), (1, 0, 1, OK, 200), (1, 0, 2, OK, 300),
    (1, 0, 3, OK, 40), (1, 0, 4, OK, 30), (1, 0, 5, OK, 130),
    (1, 0, 6, AT_SOURCE, 120), (1, 0, 7, MISSING, np.nan),
    # indicator 2: D1 is hidden at source, so D2 goes (the city minus D1), and each
    # district's smallest child (the district minus its other children)
    (2, 0, 0, OK, 500), (2, 0, 1, AT_SOURCE, 200), (2, 0, 2, OK, 150),
    (2, 0, 3, OK, 60), (2, 0, 4, OK, 50), (2, 0, 5, OK, 90),
    (2, 0, 6, OK, 70), (2, 0, 7, OK, 80),
])
STADEN_AFTER = [
    OK, OK, OK, SUPPRESSED, SUPPRESSED, OK, OK, OK,
    # the city rule hides N2 (the smallest neighbourhood, as N4 is hidden), the parent
    # rule N1 (D1's smallest child left) and D2 (no child left); then the city rule D1
    OK, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, OK, AT_SOURCE, MISSING,
    OK, AT_SOURCE, SUPPRESSED, OK, SUPPRESSED, OK, SUPPRESSED, OK,
]


@pytest.mark.parametrize("dense", [False, True, None], ids=["sparse", "dense", "by_size"])
def test_parent_rule_known_answer_on_staden(dense: bool | None) -> None:
    got = STADEN.suppressed(dense)
    assert [STATUSES[s] for s in got] == [STATUSES[s] for s in STADEN_AFTER]
    assert recoverable_children(STADEN.layout(), got) == []


def test_staden_takes_the_dense_path_by_size() -> None:
    lay = STADEN.layout()
    assert small_key_space(lay.sizes[4] * lay.sizes[1], len(lay.ind))


def district_series_city() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """6 districts × 6 neighbourhoods; one indicator for every area and eight indicators
    over twelve years for districts only, so cells × areas (97 × 43) is far more than
    twice the rows (715) and above MIN_DENSE: the parent keys are sparse."""
    districts = [f"D{d}" for d in range(1, 7)]
    parents = {f"N{d}{k}": f"D{d}" for d in range(1, 7) for k in range(1, 7)}
    levels = dict.fromkeys(parents, "neighbourhood")
    areas = b.areas([*districts, *parents], parents=parents, levels=levels)
    # N11 is below 5 events; the city rule then hides N21 (the smallest neighbourhood),
    # the parent rule N13 (D1's smallest child left) and N22 (D2's)
    own = {"N11": 3, "N12": 50, "N13": 40, "N14": 60, "N15": 70, "N16": 80,
           "N21": 20, "N22": 25}
    rows = [b.value("u", code, num=own.get(code, 100), den=1000) for code in parents]
    rows += [b.value("u", d, num=sum(own.get(c, 100) for c in parents if parents[c] == d),
                     den=6000) for d in districts]
    rows += [b.value(f"d{i}", d, str(year), num=200, den=5000) for i in range(8)
             for year in range(2012, 2024) for d in districts]
    cat = b.catalogue(b.indicator("u"), *(b.indicator(f"d{i}") for i in range(8)))
    return b.values(rows), cat, areas


def test_parent_rule_on_sparse_keys_end_to_end() -> None:
    values, cat, areas = district_series_city()
    table = comparison_table(values, cat, areas, b.CITY)
    n_cells = int((table["area_code"] == b.CITY).sum())
    n_areas = table["area_code"].nunique()
    assert not small_key_space(n_cells * n_areas, len(table))  # the sparse path is taken
    u = table[table["indicator_id"] == "u"].set_index("area_code")["status"].astype(str)
    assert sorted(u[u != "ok"].index) == ["N11", "N13", "N21", "N22"]
    assert (table.loc[table["indicator_id"] != "u", "status"] == "ok").all()
    assert recoverable_in_table(table, areas) == []


def recoverable_in_table(table: pd.DataFrame, areas: pd.DataFrame) -> list[str]:
    """``recoverable_children`` on the output table (hidden = a status other than ok or
    missing)."""
    keys = ["indicator_id", "period", "sex", "age_group"]
    parent_of = areas.set_index("code")["parent_code"]
    rows = table.assign(parent=table["area_code"].astype(str).map(parent_of),
                        state=table["status"].astype(str))
    state = rows.set_index([*keys, "area_code"])["state"]
    found = []
    for key, kids in rows[rows["parent"].isin(areas["code"])].groupby([*keys, "parent"],
                                                                      observed=True):
        if key not in state.index:
            continue
        own = state[key]
        n_hidden = int(kids["state"].isin(["suppressed", "suppressed_at_source"]).sum())
        if (own == "ok" and n_hidden == 1) or (own.startswith("suppressed") and n_hidden == 0
                                               and (kids["state"] == "ok").any()):
            found.append(str(key))
    return found


@st.composite
def towns(draw: st.DrawFn) -> Town:
    """1-3 districts with 0-4 neighbourhoods each; 1-2 indicators, with or without the
    female and male rows; any area may lack a row; random statuses and numerators."""
    kids = draw(st.lists(st.integers(0, 4), min_size=1, max_size=3))
    parent = [-1] * (1 + len(kids)) + [1 + d for d, k in enumerate(kids) for _ in range(k)]
    level = [CITY] + [DISTRICT] * len(kids) + [NEIGHBOURHOOD] * sum(kids)
    n_ind = draw(st.integers(1, 2))
    status = st.sampled_from([OK, OK, OK, SUPPRESSED, AT_SOURCE, MISSING])
    rows = []
    for ind in range(n_ind):
        for sex in draw(st.sampled_from([(0,), (0, 1, 2)])):
            for area in range(len(parent)):
                if area == 0 or draw(st.integers(0, 4)) > 0:
                    state = draw(status)
                    num = np.nan if state == MISSING else float(draw(st.integers(0, 40)))
                    rows.append((ind, sex, area, state, num))
    order = draw(st.permutations(range(len(rows))))
    additive = draw(st.lists(st.sampled_from([True, True, False]), min_size=n_ind,
                             max_size=n_ind))
    return Town(parent, level, [rows[i] for i in order], additive)


@settings(deadline=None, max_examples=300)
@given(towns())
def test_sparse_and_dense_parent_keys_hide_the_same_rows(town: Town) -> None:
    np.testing.assert_array_equal(town.suppressed(dense=False), town.suppressed(dense=True))


@settings(deadline=None, max_examples=300)
@given(towns(), st.booleans())
def test_no_hidden_child_can_be_recovered_from_its_parent(town: Town, dense: bool) -> None:
    got = town.suppressed(dense)
    assert recoverable_children(town.layout(), got) == []
    before = town.status()
    assert (got[np.isin(before, HIDDEN)] == before[np.isin(before, HIDDEN)]).all()
    assert set(np.flatnonzero(got != before)) <= set(np.flatnonzero(before == OK))
