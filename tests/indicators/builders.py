"""Small synthetic inputs for the engine tests: a city, its areas, a catalogue, values."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

CITY = "C"
VALUE_COLUMNS = [
    "indicator_id", "area_code", "period", "sex", "age_group",
    "numerator", "denominator", "value", "lower_ci", "upper_ci", "status",
]


def areas(codes: Iterable[str] = ("A", "B", "D"), *, parents: dict[str, str] | None = None,
          levels: dict[str, str] | None = None) -> pd.DataFrame:
    """The city row plus one district per code."""
    codes = list(codes)
    parents = parents or {}
    levels = levels or {}
    return pd.DataFrame({
        "code": [CITY, *codes], "name": ["Staden", *[f"Område {c}" for c in codes]],
        "level": ["city", *[levels.get(c, "district") for c in codes]],
        "parent_code": [None, *[parents.get(c, CITY) for c in codes]],
        "prioritized": [False, *[i == 0 for i in range(len(codes))]],
        "population": None, "area_km2": None,
    })


def indicator(ident: str, value_type: str = "proportion", polarity: str = "low_is_good",
              **extra: Any) -> dict[str, Any]:
    """One catalogue row (defaults: a proportion where low is good)."""
    row = {
        "id": ident, "name_sv": f"{ident} sv", "name_pl": f"{ident} pl", "name_en": f"{ident} en",
        "description_sv": None, "description_pl": None, "description_en": None,
        "domain": "work", "unit": "%", "value_type": value_type,
        "multiplier": 1000.0 if value_type == "rate" else 1.0, "polarity": polarity,
        "decimals": 1, "source": "test", "definition": None, "min_numerator": None,
        "min_denominator": None, "weight": 1.0, "headline_age_group": None,
    }
    row.update(extra)
    return row


def catalogue(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows) or [indicator("unemp")])


def value(ind: str, area: str, period: str = "2023", *, num: float | None = None,
          den: float | None = None, val: float | None = None, lo: float | None = None,
          hi: float | None = None, sex: str = "total", age: str = "all",
          status: str | None = None) -> dict[str, Any]:
    return {"indicator_id": ind, "area_code": area, "period": period, "sex": sex,
            "age_group": age, "numerator": num, "denominator": den, "value": val,
            "lower_ci": lo, "upper_ci": hi, "status": status}


def values(rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=VALUE_COLUMNS)
    for col in ("numerator", "denominator", "value", "lower_ci", "upper_ci"):
        frame[col] = frame[col].astype(float)
    return frame


def row(table: pd.DataFrame, area: str, ind: str | None = None, period: str | None = None,
        sex: str = "total") -> pd.Series:
    """The one table row of an area (and indicator / period when given)."""
    pick = (table["area_code"] == area) & (table["sex"] == sex)
    if ind is not None:
        pick &= table["indicator_id"] == ind
    if period is not None:
        pick &= table["period"] == period
    found = table[pick]
    assert len(found) == 1, f"expected one row for {area} {ind} {period}, got {len(found)}"
    return found.iloc[0]
