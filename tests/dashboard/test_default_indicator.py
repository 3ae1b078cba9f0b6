"""The map opens on an indicator that can be compared (#10 item 6)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.selection import default_indicator
from dashboard.stored import compared_in


class _Atlas:
    def __init__(self, ids: list[str], table: pd.DataFrame) -> None:
        self._cat = pd.DataFrame(index=pd.Index(ids, name="id"))
        self._table = table

    def catalogue(self) -> pd.DataFrame:
        return self._cat

    def compared_indicators(self) -> set[str]:  # as the Atlas of a store computing its table
        return compared_in(self._table)

    def derived(self, key: str, build: Any) -> Any:
        return build()


def _rows(indicator: str, outcomes: list[str], latest: bool = True) -> pd.DataFrame:
    return pd.DataFrame({"indicator_id": indicator, "is_latest": latest, "level": "nb",
                         "compared_to_city": outcomes})


def test_first_indicator_with_a_comparison_in_its_latest_period() -> None:
    table = pd.concat([_rows("grey", ["not_compared"] * 3), _rows("old", ["worse"], False),
                       _rows("old", ["not_compared"]), _rows("fine", ["similar", "better"])])
    atlas = _Atlas(["grey", "old", "fine"], table)
    assert default_indicator(atlas) == "fine"  # type: ignore[arg-type]


def test_all_grey_falls_back_to_the_first() -> None:
    atlas = _Atlas(["a", "b"], _rows("a", ["not_compared"]))
    assert default_indicator(atlas) == "a"  # type: ignore[arg-type]
    assert default_indicator(_Atlas([], _rows("a", []))) is None  # type: ignore[arg-type]
