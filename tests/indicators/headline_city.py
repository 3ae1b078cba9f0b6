"""A small hand-made city for the headline rows: three areas (A, B, D), two periods.

What area A's headline rows must be (one per indicator, sex total):

| indicator | domain  | what is special                                   | A's headline row    |
|-----------|---------|---------------------------------------------------|---------------------|
| unemp     | work    | nothing                                           | 2023, worse         |
| falls     | health  | age groups ``all`` and ``65+`` (A better in 65+)  | 2023 ``all``, worse |
| elderly   | health  | only age group ``65+`` (neutral)                  | 2023 ``65+``, higher |
| smoking   | health  | A's 2023 count is 3: suppressed by the engine     | 2023, not compared  |
| crime     | safety  | A's 2023 suppressed at source                     | 2023, not compared  |
| voting    | trust   | A has no 2023 row                                 | 2022, worse         |
| evictions | housing | A's 2023 row is ``missing`` (never delivered)     | 2022, similar       |
| bands     | health  | age groups ``0-17`` and ``18-64``, no ``all``     | none                |

So A has 7 headline rows, 5 of them compared with the city: 3 worse, 1 similar,
1 higher; 2 not compared (suppressed). ``catalogue(bands="18-64")`` names 18-64 as
the headline age group of bands: then A has 8 headline rows, 6 compared, 4 worse.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from tests.indicators import builders as b

AREA = "A"
PERIODS = ("2022", "2023")
DEN = 1000.0


def catalogue(**headline_age_groups: str) -> pd.DataFrame:
    """The catalogue; keyword arguments name an indicator's ``headline_age_group``."""
    cat = b.catalogue(
        b.indicator("unemp", domain="work"),
        b.indicator("falls", domain="health"),
        b.indicator("elderly", polarity="neutral", domain="health"),
        b.indicator("smoking", domain="health"),
        b.indicator("crime", domain="safety"),
        b.indicator("voting", polarity="high_is_good", domain="trust"),
        b.indicator("evictions", domain="housing"),
        b.indicator("bands", domain="health"),
    )
    cat["headline_age_group"] = [headline_age_groups.get(i) for i in cat["id"]]
    return cat


# (indicator, age group): events of A, B, D out of DEN, the same in both periods
COUNTS: dict[tuple[str, str], tuple[float, float, float]] = {
    ("unemp", "all"): (300, 100, 100),
    ("falls", "all"): (200, 100, 100),
    ("falls", "65+"): (50, 150, 150),
    ("elderly", "65+"): (400, 200, 200),
    ("smoking", "all"): (100, 100, 100),
    ("crime", "all"): (100, 100, 100),
    ("voting", "all"): (300, 600, 600),
    ("evictions", "all"): (50, 50, 50),
    ("bands", "0-17"): (300, 100, 100),
    ("bands", "18-64"): (300, 100, 100),
}


def _cell(ind: str, age: str, area: str, period: str, x: float) -> dict[str, Any] | None:
    """One value row, or None for A's undelivered 2023 voting row."""
    latest_of_a = area == AREA and period == PERIODS[-1]
    if latest_of_a and ind == "voting":
        return None
    if latest_of_a and ind == "evictions":
        return b.value(ind, area, period, age=age, status="missing")
    if latest_of_a and ind == "crime":
        return b.value(ind, area, period, age=age, status="suppressed_at_source")
    if latest_of_a and ind == "smoking":
        x = 3.0
    return b.value(ind, area, period, num=x, den=DEN, age=age)


def values() -> pd.DataFrame:
    rows = [_cell(ind, age, area, period, x)
            for (ind, age), counts in COUNTS.items()
            for area, x in zip("ABD", counts, strict=True)
            for period in PERIODS]
    return b.values(r for r in rows if r is not None)


def areas() -> pd.DataFrame:
    return b.areas()
