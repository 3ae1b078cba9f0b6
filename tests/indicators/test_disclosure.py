"""Primary and secondary suppression: what is hidden, and that nothing can be recovered."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import comparison_table
from tests.indicators import builders as b

NUMBERS = ["value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998", "numerator",
           "denominator", "difference", "ratio", "rest_value"]


def hidden(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["status"].isin(["suppressed", "suppressed_at_source"])]


def assert_blank(rows: pd.DataFrame) -> None:
    assert rows[NUMBERS].isna().all().all()
    assert rows["rank"].isna().all() and rows["quintile"].isna().all()
    assert set(rows["compared_to_city"]) <= {"not_compared"}
    assert set(rows["trend"]) <= {"not_enough_data"}


def test_primary_suppression_uses_catalogue_then_arguments_then_defaults() -> None:
    vals = b.values([b.value("u", "A", num=4, den=500), b.value("u", "B", num=20, den=25),
                     b.value("u", "D", num=60, den=900), b.value("v", "A", num=6, den=500),
                     b.value("v", "B", num=80, den=900), b.value("v", "D", num=90, den=900)])
    cat = b.catalogue(b.indicator("u"), b.indicator("v", min_numerator=10))
    table = comparison_table(vals, cat, b.areas(), b.CITY)
    assert b.row(table, "A", "u")["status"] == "suppressed"  # 4 events < default 5
    assert b.row(table, "B", "u")["status"] == "suppressed"  # 25 persons < default 30
    assert b.row(table, "A", "v")["status"] == "suppressed"  # 6 < catalogue's 10
    table = comparison_table(vals, cat, b.areas(), b.CITY, min_numerator=3, min_denominator=20)
    assert b.row(table, "A", "u")["status"] == "ok"
    assert b.row(table, "B", "u")["status"] == "ok"
    assert b.row(table, "A", "v")["status"] == "suppressed"  # the catalogue still wins


def test_one_suppressed_area_hides_the_next_smallest() -> None:
    vals = b.values([b.value("u", "A", num=3, den=400), b.value("u", "B", num=40, den=900),
                     b.value("u", "D", num=20, den=800), b.value("u", "E", num=90, den=1000)])
    table = comparison_table(vals, b.catalogue(b.indicator("u")), b.areas("ABDE"), b.CITY)
    assert b.row(table, "A")["status"] == "suppressed"
    assert b.row(table, "D")["status"] == "suppressed"  # smallest numerator of the rest
    assert b.row(table, "B")["status"] == "ok" and b.row(table, "E")["status"] == "ok"
    assert b.row(table, b.CITY)["numerator"] == 153
    assert_blank(hidden(table))


def test_a_suppressed_sex_is_not_total_minus_the_other_sex() -> None:
    rows = []
    for code, (f, m) in {"A": (3, 30), "B": (40, 44), "D": (50, 52)}.items():
        rows += [b.value("u", code, num=f + m, den=1000, sex="total"),
                 b.value("u", code, num=f, den=500, sex="female"),
                 b.value("u", code, num=m, den=500, sex="male")]
    table = comparison_table(b.values(rows), b.catalogue(b.indicator("u")), b.areas(), b.CITY)
    assert b.row(table, "A", sex="female")["status"] == "suppressed"
    assert b.row(table, "A", sex="male")["status"] == "suppressed"
    assert b.row(table, "A", sex="total")["status"] == "ok"


def test_a_suppressed_neighbourhood_is_not_its_district_minus_the_others() -> None:
    codes = ["D1", "D2", "N1", "N2", "N3"]
    parents = {"N1": "D1", "N2": "D1", "N3": "D2"}
    levels = {"N1": "neighbourhood", "N2": "neighbourhood", "N3": "neighbourhood"}
    vals = b.values([b.value("u", "D1", num=60, den=1000), b.value("u", "D2", num=70, den=900),
                     b.value("u", "N1", num=2, den=300), b.value("u", "N2", num=58, den=700),
                     b.value("u", "N3", num=70, den=900)])
    table = comparison_table(vals, b.catalogue(b.indicator("u")),
                             b.areas(codes, parents=parents, levels=levels), b.CITY)
    assert b.row(table, "N1")["status"] == "suppressed"
    assert b.row(table, "N2")["status"] == "suppressed"


def test_suppressed_at_source_is_hidden_even_when_numbers_were_given() -> None:
    vals = b.values([b.value("u", "A", num=50, den=500, status="suppressed_at_source"),
                     b.value("u", "B", num=40, den=900), b.value("u", "D", num=30, den=800)])
    table = comparison_table(vals, b.catalogue(b.indicator("u")), b.areas(), b.CITY)
    assert b.row(table, "A")["status"] == "suppressed_at_source"
    assert b.row(table, "D")["status"] == "suppressed"
    assert_blank(hidden(table))


def recoverable(table: pd.DataFrame) -> list[str]:
    """Groups where a published total minus published parts gives one hidden value."""
    problems = []
    areas = table[table["level"] != "city"]
    city = table[table["level"] == "city"].set_index(["indicator_id", "period", "sex"])
    for key, parts in areas.groupby(["indicator_id", "period", "sex", "level"], observed=True):
        total = city.loc[key[:3]]
        n_hidden = parts["value"].isna().sum() + int(np.isnan(total["value"]))
        if n_hidden == 1:
            problems.append(f"areas of {key}")
    for key, sexes in table.groupby(["indicator_id", "area_code", "period"], observed=True):
        if len(sexes) == 3 and sexes["value"].isna().sum() == 1:
            problems.append(f"sexes of {key}")
    return problems


def test_no_single_hidden_value_in_any_published_sum() -> None:
    rng = np.random.default_rng(11)
    rows = []
    codes = [f"X{i}" for i in range(12)]
    for code in codes:
        for period in ("2022", "2023"):
            f, m = rng.integers(0, 12, 2)
            rows += [b.value("u", code, period, num=f + m, den=400, sex="total"),
                     b.value("u", code, period, num=f, den=200, sex="female"),
                     b.value("u", code, period, num=m, den=200, sex="male")]
    table = comparison_table(b.values(rows), b.catalogue(b.indicator("u")), b.areas(codes),
                             b.CITY)
    assert len(hidden(table)) > 0
    assert recoverable(table) == []
    assert_blank(hidden(table))
