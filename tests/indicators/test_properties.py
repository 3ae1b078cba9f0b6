"""Invariants under random inputs (hypothesis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from indicators import comparison_table, poisson_ci, wilson_ci
from tests.indicators import builders as b
from tests.indicators.test_disclosure import NUMBERS, hidden, recoverable

SWAP = {"better": "worse", "worse": "better", "much_better": "much_worse",
        "much_worse": "much_better", "getting_better": "getting_worse",
        "getting_worse": "getting_better"}
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def cities(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """A small city: 1-6 areas, 1-6 periods, a proportion, a rate and a count, three sexes."""
    n_areas = draw(st.integers(1, 6))
    n_periods = draw(st.integers(1, 6))
    codes = [f"X{i}" for i in range(n_areas)]
    rows = []
    for ind, vt in (("p", "proportion"), ("r", "rate"), ("c", "count")):
        for code in codes:
            for period in range(2018, 2018 + n_periods):
                den_f, den_m = draw(st.integers(0, 400)), draw(st.integers(0, 400))
                cap = (den_f, den_m) if vt == "proportion" else (60, 60)
                f = draw(st.integers(0, cap[0]))
                m = draw(st.integers(0, cap[1]))
                for sex, x, n in (("total", f + m, den_f + den_m), ("female", f, den_f),
                                  ("male", m, den_m)):
                    rows.append(b.value(ind, code, str(period), num=x, den=n, sex=sex))
    polarity = draw(st.sampled_from(["high_is_good", "low_is_good"]))
    cat = b.catalogue(*(b.indicator(i, vt, polarity) for i, vt in
                        (("p", "proportion"), ("r", "rate"), ("c", "count"))))
    return b.values(rows), cat, b.areas(codes)


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_wilson_interval_contains_the_value_and_nests(x: int, n: int) -> None:
    x = min(x, n)
    lo95, hi95 = wilson_ci([x], [n], 0.95)
    lo998, hi998 = wilson_ci([x], [n], 0.998)
    p = x / n
    assert lo998[0] - 1e-12 <= lo95[0] <= p + 1e-12
    assert p - 1e-12 <= hi95[0] <= hi998[0] + 1e-12


@given(st.floats(0, 1e6))
def test_poisson_interval_contains_the_count_and_nests(x: float) -> None:
    lo95, hi95 = poisson_ci([x], 0.95)
    lo998, hi998 = poisson_ci([x], 0.998)
    assert lo998[0] <= lo95[0] <= x <= hi95[0] <= hi998[0]


@FAST
@given(cities())
def test_table_intervals_contain_the_value_and_nest(city: tuple) -> None:
    table = comparison_table(*city, b.CITY)
    shown = table.dropna(subset=["lower_ci95"])
    tol = 1e-9 * shown["value"].abs().clip(lower=1)
    assert (shown["lower_ci95"] <= shown["value"] + tol).all()
    assert (shown["value"] <= shown["upper_ci95"] + tol).all()
    assert (shown["lower_ci998"] <= shown["lower_ci95"] + tol).all()
    assert (shown["upper_ci95"] <= shown["upper_ci998"] + tol).all()


@FAST
@given(cities())
def test_flipping_polarity_swaps_better_and_worse(city: tuple) -> None:
    values, cat, areas = city
    flipped = cat.assign(polarity=cat["polarity"].map(
        {"high_is_good": "low_is_good", "low_is_good": "high_is_good"}))
    one = comparison_table(values, cat, areas, b.CITY)
    two = comparison_table(values, flipped, areas, b.CITY)
    for column in ("compared_to_city", "compared_to_rest_of_city", "trend"):
        swapped = one[column].astype(str).map(lambda s: SWAP.get(s, s))
        assert (swapped == two[column].astype(str)).all(), column


@FAST
@given(cities())
def test_city_aggregate_is_the_sum_based_value(city: tuple) -> None:
    values, cat, areas = city
    table = comparison_table(values, cat, areas, b.CITY)
    sums = values.groupby(["indicator_id", "period", "sex"])[["numerator", "denominator"]].sum()
    city_rows = table[table["area_code"] == b.CITY].set_index(
        ["indicator_id", "period", "sex"]).sort_index()
    for key, got in city_rows.iterrows():
        x, n = sums.loc[tuple(str(k) for k in key)]
        if got["status"] != "ok":
            assert np.isnan(got["value"])
            continue
        expected = {"p": x / n, "r": 1000 * x / n, "c": x}[str(key[0])]
        assert got["value"] == expected or abs(got["value"] - expected) <= 1e-12 * expected


@FAST
@given(cities())
def test_a_suppressed_value_never_appears(city: tuple) -> None:
    values, cat, areas = city
    table = comparison_table(values, cat, areas, b.CITY)
    gone = hidden(table)
    assume(not gone.empty)  # a city with nothing suppressed would pass vacuously
    assert gone[NUMBERS].isna().all().all()
    assert gone["rank"].isna().all()
    assert recoverable(table) == []
