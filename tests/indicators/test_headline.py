"""The headline rows of an area and what area_summary counts, on the hand-made city of
tests/indicators/headline_city.py (two age groups, a missing latest period, suppression)."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import (
    area_summary,
    comparison_table,
    headline_age_groups,
    headline_age_rows,
    headline_rows,
    outcome_counts,
)
from tests.indicators import builders as b
from tests.indicators import headline_city as city

# A's headline rows: indicator -> (period, age group, status, compared_to_city)
EXPECTED_A = {
    "unemp": ("2023", "all", "ok", "much_worse"),
    "falls": ("2023", "all", "ok", "much_worse"),
    "elderly": ("2023", "65+", "ok", "higher"),
    "smoking": ("2023", "all", "suppressed", "not_compared"),
    "crime": ("2023", "all", "suppressed_at_source", "not_compared"),
    "voting": ("2022", "all", "ok", "much_worse"),
    "evictions": ("2022", "all", "ok", "similar"),
}


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return comparison_table(city.values(), city.catalogue(), city.areas(), b.CITY)


def _as_expected(rows: pd.DataFrame) -> dict[str, tuple[str, str, str, str]]:
    cols = ["period", "age_group", "status", "compared_to_city"]
    return {str(r.indicator_id): tuple(str(getattr(r, c)) for c in cols)
            for r in rows.itertuples()}


def test_the_headline_age_group_is_all_else_the_only_one(table: pd.DataFrame) -> None:
    ages = headline_age_groups(table)
    assert ages.to_dict() == {"unemp": "all", "falls": "all", "elderly": "65+", "smoking": "all",
                              "crime": "all", "voting": "all", "evictions": "all"}
    assert "bands" not in ages.index  # 0-17 and 18-64: no group speaks for everyone
    kept = headline_age_rows(table)
    assert set(zip(kept["indicator_id"].astype(str), kept["age_group"].astype(str),
                   strict=True)) == set(ages.items())


def test_headline_rows_of_an_area(table: pd.DataFrame) -> None:
    rows = headline_rows(table, city.AREA)
    assert _as_expected(rows) == EXPECTED_A
    assert len(rows) == len(EXPECTED_A)
    assert (rows["sex"] == "total").all()
    assert rows.index.is_monotonic_increasing  # the table's order and index are kept
    # the 65+ row of falls is better than the city: counted per age group, A would look better
    falls_65 = table[(table["area_code"] == city.AREA) & (table["indicator_id"] == "falls")
                     & (table["age_group"] == "65+") & (table["period"] == "2023")]
    assert falls_65["compared_to_city"].iloc[0] == "much_better"


def test_headline_rows_of_every_area_take_each_areas_own_latest_period(
        table: pd.DataFrame) -> None:
    rows = headline_rows(table)
    assert not rows.duplicated(["area_code", "indicator_id"]).any()
    assert len(rows) == 4 * 7  # A, B, D and the city, 7 indicators with a headline age group
    voting = rows[rows["indicator_id"] == "voting"].set_index("area_code")["period"]
    assert voting.astype(str).to_dict() == {"A": "2022", "B": "2023", "D": "2023", "C": "2023"}
    assert _as_expected(rows[rows["area_code"] == city.AREA]) == EXPECTED_A


def test_one_areas_rows_need_the_age_groups_of_the_whole_table(table: pd.DataFrame) -> None:
    """An area's rows alone may lack the ``all`` row; the whole table decides the age group."""
    without_all = table[~((table["area_code"] == city.AREA) & (table["indicator_id"] == "falls")
                          & (table["age_group"] == "all"))]
    mine = without_all[without_all["area_code"] == city.AREA]
    ages = headline_age_groups(without_all)
    assert "falls" not in _as_expected(headline_rows(mine, age_groups=ages))
    assert _as_expected(headline_rows(mine))["falls"][1] == "65+"  # decided on A's rows alone
    assert _as_expected(headline_rows(without_all, city.AREA)) == {
        k: v for k, v in EXPECTED_A.items() if k != "falls"}


def test_headline_rows_on_plain_object_columns(table: pd.DataFrame) -> None:
    """Exports turn categoricals into plain values; the rule must not depend on dtypes."""
    plain = table.astype({c: object for c in ("indicator_id", "area_code", "period", "sex",
                                              "age_group", "status", "compared_to_city")})
    assert _as_expected(headline_rows(plain, city.AREA)) == EXPECTED_A
    assert headline_rows(plain.iloc[0:0]).empty


def test_an_indicator_with_no_data_in_any_period_is_still_listed() -> None:
    values = b.values([b.value("unemp", "A", p, status="missing") for p in ("2022", "2023")]
                      + [b.value("unemp", "B", p, num=100, den=1000) for p in ("2022", "2023")])
    table = comparison_table(values, b.catalogue(), b.areas(("A", "B")), b.CITY)
    rows = headline_rows(table, "A")
    assert _as_expected(rows) == {"unemp": ("2023", "all", "missing", "not_compared")}
    assert outcome_counts(rows, by=None).iloc[0][["indicators", "compared"]].tolist() == [1, 0]


def test_area_summary_counts_the_headline_rows(table: pd.DataFrame) -> None:
    summary = area_summary(table, city.AREA).set_index("domain")
    overall = summary.loc["all"]
    assert overall[["indicators", "compared", "worse", "much_worse", "similar", "better",
                    "higher", "lower", "not_compared"]].tolist() == [7, 5, 3, 3, 1, 0, 1, 0, 2]
    health = summary.loc["health"]  # falls (all) worse, elderly higher, smoking suppressed
    assert health[["indicators", "compared", "worse", "higher", "not_compared"]].tolist() == [
        3, 2, 1, 1, 1]
    assert summary.loc["trust", "worse"] == 1  # voting, at A's own latest period 2022
    assert summary.loc["housing", "similar"] == 1  # evictions 2022: 2023 was never delivered
    assert summary.loc["safety", "compared"] == 0  # crime suppressed at source
    assert (summary.iloc[1:].sum() == overall).all()


def test_the_catalogue_names_the_headline_age_group_of_an_indicator_in_bands() -> None:
    """bands has 0-17 and 18-64 and no ``all``: left out, unless the catalogue names one."""
    table = comparison_table(city.values(), city.catalogue(bands="18-64"), city.areas(), b.CITY)
    assert headline_age_groups(table)["bands"] == "18-64"
    rows = headline_rows(table, city.AREA)
    assert _as_expected(rows) == EXPECTED_A | {"bands": ("2023", "18-64", "ok", "much_worse")}
    summary = area_summary(table, city.AREA).set_index("domain")
    assert summary.loc["all", ["indicators", "compared", "worse", "not_compared"]].tolist() == [
        8, 6, 4, 2]
    assert summary.loc["health", ["indicators", "compared", "worse"]].tolist() == [4, 3, 2]


def test_the_catalogues_headline_age_group_wins_over_all() -> None:
    """falls has ``all`` and ``65+``; named 65+, A is counted on 65+ (better than the city)."""
    table = comparison_table(city.values(), city.catalogue(falls="65+"), city.areas(), b.CITY)
    ages = headline_age_groups(table)
    assert (ages["falls"], ages["unemp"]) == ("65+", "all")
    assert _as_expected(headline_rows(table, city.AREA))["falls"] == (
        "2023", "65+", "ok", "much_better")
    kept = headline_age_rows(table)
    assert set(kept.loc[kept["indicator_id"] == "falls", "age_group"].astype(str)) == {"65+"}


def test_a_named_age_group_without_rows_gives_no_headline_row() -> None:
    """The named group is not replaced by another one when the table lacks it."""
    table = comparison_table(city.values(), city.catalogue(falls="0-17"), city.areas(), b.CITY)
    assert headline_age_groups(table)["falls"] == "0-17"
    assert "falls" not in _as_expected(headline_rows(table, city.AREA))


def test_the_catalogues_headline_age_group_on_plain_object_columns() -> None:
    table = comparison_table(city.values(), city.catalogue(bands="18-64"), city.areas(), b.CITY)
    plain = table.astype({c: object for c in ("indicator_id", "age_group", "sex",
                                              "headline_age_group")})
    assert _as_expected(headline_rows(plain, city.AREA))["bands"][1] == "18-64"
