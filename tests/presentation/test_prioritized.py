"""The prioritized areas come in the city's configured order, everywhere."""

from __future__ import annotations

import pandas as pd

from presentation.prioritized import in_city_order


def _areas(priorities: list[object]) -> pd.DataFrame:
    return pd.DataFrame({
        "code": ["A", "B", "C", "D", "CITY"],
        "name": ["Östra", "Bäckby", "Ängen", "Centrum", "City"],
        "level": ["district"] * 4 + ["city"],
        "prioritized": [True, True, True, False, False],
        "priority": priorities,
    })


def test_the_citys_order_not_the_alphabet() -> None:
    # the configured order is C, A, B; alphabetically it would be B, C (Ä), A (Ö)
    assert in_city_order(_areas([2, 3, 1, None, None]))["code"].tolist() == ["C", "A", "B"]


def test_without_positions_by_name_and_never_the_city_or_other_areas() -> None:
    got = in_city_order(_areas([None] * 5))["code"].tolist()
    assert got == sorted(["A", "B", "C"], key=lambda c: {"A": "östra", "B": "bäckby", "C": "ängen"}[c])


def test_positioned_areas_before_unpositioned() -> None:
    assert in_city_order(_areas([None, 1, None, None, None]))["code"].tolist()[0] == "B"
