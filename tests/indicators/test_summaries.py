"""localize, area_summary, outcome_counts and domain_scores on a small known city
and on a hand-made comparison table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators import area_summary, comparison_table, domain_scores, localize, outcome_counts
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
    assert overall["compared"] == 4
    work = summary.set_index("domain").loc["work"]
    assert (work["indicators"], work["worse"]) == (2, 2)


# One area's latest rows, by hand: (domain, polarity, status, compared_to_city).
HAND_MADE = [
    ("work", "low_is_good", "ok", "much_better"),
    ("work", "high_is_good", "ok", "better"),
    ("work", "high_is_good", "ok", "worse"),
    ("work", "high_is_good", "ok", "similar"),
    ("work", "low_is_good", "suppressed", "not_compared"),
    ("health", "low_is_good", "ok", "much_worse"),
    ("health", "neutral", "ok", "higher"),
    ("health", "neutral", "ok", "lower"),
    ("health", "neutral", "ok", "similar"),
    ("health", "high_is_good", "missing", None),
    ("health", "high_is_good", "suppressed_at_source", "not_compared"),
    ("care", "high_is_good", "ok", "benchmark"),
]
COUNTED = ["indicators", "compared", "better", "similar", "worse", "much_better", "much_worse",
           "higher", "lower", "not_compared", "no_outcome"]


def hand_made_table() -> pd.DataFrame:
    """HAND_MADE for area A at its latest period, plus rows area_summary must leave out."""
    latest = pd.DataFrame(HAND_MADE, columns=["domain", "polarity", "status", "compared_to_city"])
    latest = latest.assign(indicator_id=[f"i{i}" for i in range(len(HAND_MADE))], area_code="A",
                           period="2023", sex="total", age_group="all", is_latest=True)
    others = pd.DataFrame({  # rows of i2 (work, worse for A in 2023) in another area, sex, age, period
        "domain": "work", "polarity": "high_is_good", "status": "ok", "compared_to_city": "worse",
        "indicator_id": "i2", "area_code": ["B", "A", "A", "A"],
        "period": ["2023", "2023", "2023", "2022"], "sex": ["total", "female", "total", "total"],
        "age_group": ["all", "all", "65+", "all"], "is_latest": [True, True, True, False],
    })
    table = pd.concat([latest, others], ignore_index=True)
    return table.astype({"compared_to_city": pd.CategoricalDtype(["better", "similar", "worse",
                         "much_better", "much_worse", "higher", "lower", "not_compared",
                         "benchmark"])})


def test_outcome_counts_on_a_hand_made_table() -> None:
    table = hand_made_table()
    rows = table[(table["area_code"] == "A") & (table["sex"] == "total")
                 & (table["age_group"] == "all") & table["is_latest"]]
    counts = outcome_counts(rows, sort=False).set_index("domain")[COUNTED]
    assert list(counts.index) == ["all", "work", "health", "care"]
    assert counts.dtypes.eq(np.int64).all()
    #                               n cmp better sim worse mb mw hi lo nc none
    assert counts.loc["all"].tolist() == [12, 8, 2, 2, 2, 1, 1, 1, 1, 2, 1]
    assert counts.loc["work"].tolist() == [5, 4, 2, 1, 1, 1, 0, 0, 0, 1, 0]
    assert counts.loc["health"].tolist() == [6, 4, 0, 1, 1, 0, 1, 1, 1, 1, 1]
    assert counts.loc["care"].tolist() == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]  # benchmark: counted only
    assert (counts.iloc[1:].sum() == counts.loc["all"]).all()
    assert list(outcome_counts(rows)["domain"]) == ["all", "care", "health", "work"]
    alone = outcome_counts(rows.astype({"compared_to_city": object}), by=None)
    assert list(alone.columns) == COUNTED and alone.iloc[0].tolist() == counts.loc["all"].tolist()
    empty = outcome_counts(rows.iloc[0:0])
    assert empty["domain"].tolist() == ["all"] and not empty[COUNTED].to_numpy().any()


def test_area_summary_counts_the_hand_made_area() -> None:
    summary = area_summary(hand_made_table(), "A").set_index("domain")
    assert "no_outcome" not in summary.columns
    # the headline rows: i2 counts once (2023, age all), not for its 65+, female or 2022 rows
    assert summary.loc["all"].tolist() == [12, 8, 2, 2, 2, 1, 1, 1, 1, 2]
    assert summary.loc["health", "not_compared"] == 1 and summary.loc["health", "indicators"] == 6
    assert summary.loc["health", "compared"] == 4


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
