"""localize, area_summary and domain_scores on a small known city."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import area_summary, comparison_table, domain_scores, localize
from tests.indicators import builders as b


@pytest.fixture
def city() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    cat = b.catalogue(
        b.indicator("unemp", polarity="low_is_good", domain="work"),
        b.indicator("employed", polarity="high_is_good", domain="work", weight=2.0),
        b.indicator("smoking", polarity="low_is_good", domain="health"),
        b.indicator("births", polarity="neutral", domain="health"),
    )
    rows = []
    for ind, counts in {"unemp": (300, 100, 100), "employed": (400, 700, 700),
                        "smoking": (100, 100, 100), "births": (60, 20, 20)}.items():
        for code, x in zip("ABD", counts, strict=True):
            rows.append(b.value(ind, code, "2022", num=x, den=1000))
            rows.append(b.value(ind, code, "2023", num=x, den=1000))
    return b.values(rows), cat, b.areas()


def test_localize_adds_names_next_to_the_codes(city: tuple) -> None:
    values, cat, areas = city
    table = comparison_table(values, cat, areas, b.CITY)
    named = localize(table, cat, areas, "pl")
    cols = list(named.columns)
    assert cols[cols.index("indicator_id") + 1] == "indicator_name"
    assert cols[cols.index("area_code") + 1] == "area_name"
    row = named[(named["area_code"] == "A") & (named["indicator_id"] == "unemp")].iloc[0]
    assert (row["indicator_name"], row["area_name"]) == ("unemp pl", "Område A")
    assert "indicator_name" not in table.columns
    with pytest.raises(ValueError, match="Valid: sv, pl, en"):
        localize(table, cat, areas, "de")


def test_area_summary_counts_per_domain(city: tuple) -> None:
    values, cat, areas = city
    summary = area_summary(comparison_table(values, cat, areas, b.CITY), "A")
    overall = summary.iloc[0]
    assert overall["domain"] == "all" and overall["indicators"] == 4
    # A: unemployment high (worse), employment low (worse), smoking as the city, births higher
    assert (overall["worse"], overall["better"], overall["similar"], overall["higher"]) == (
        2, 0, 1, 1)
    work = summary.set_index("domain").loc["work"]
    assert (work["indicators"], work["worse"]) == (2, 2)
    every_period = area_summary(comparison_table(values, cat, areas, b.CITY), "A",
                                latest_only=False)
    assert every_period.iloc[0]["indicators"] == 8


def test_domain_scores_are_weighted_polarity_aligned_z_scores(city: tuple) -> None:
    values, cat, areas = city
    table = comparison_table(values, cat, areas, b.CITY)
    scores = domain_scores(table, cat).set_index(["area_code", "domain"])
    # A is worst on both work indicators; smoking is equal everywhere; births are neutral
    assert scores.loc[("A", "work"), "rank"] == 3
    assert scores.loc[("A", "work"), "score"] < 0 < scores.loc[("B", "work"), "score"]
    assert scores.loc[("A", "health"), "score"] == 0.0
    assert scores.loc[("A", "health"), "indicators"] == 1
    z = (300 - 500 / 3) / pd.Series([300, 100, 100]).std()  # unemployment z of A (per 1000)
    assert scores.loc[("A", "work"), "score"] == pytest.approx(-z, rel=1e-9)  # both weights
    pct = domain_scores(table, cat, "2022", method="percentile").set_index(
        ["area_code", "domain"])
    assert pct.loc[("A", "all"), "rank"] == 3
    with pytest.raises(ValueError, match="Valid: z, percentile"):
        domain_scores(table, cat, method="mean")
