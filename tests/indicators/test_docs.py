"""docs/indicators.md documents every column and every vocabulary value (kept true by CI)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indicators.contract import (
    CI998_SOURCES,
    CITY_SOURCES,
    COMPARISONS,
    EXPORT_COLUMNS,
    EXTRA_COLUMNS,
    GAP_TRENDS,
    METHOD_STATUSES,
    STATUSES,
    TABLE_COLUMNS,
    TRENDS,
)
from indicators.summaries import COUNT_COLUMNS

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def contract() -> str:
    return (DOCS / "indicators.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", TABLE_COLUMNS + EXTRA_COLUMNS)
def test_every_column_is_documented(contract: str, name: str) -> None:
    assert f"`{name}`" in contract


@pytest.mark.parametrize("word", sorted(set(COMPARISONS + TRENDS + GAP_TRENDS + STATUSES
                                            + CITY_SOURCES + CI998_SOURCES
                                            + METHOD_STATUSES)))
def test_every_vocabulary_value_is_documented(contract: str, word: str) -> None:
    assert f"`{word}`" in contract


@pytest.mark.parametrize("name", COUNT_COLUMNS)
def test_every_count_is_documented(contract: str, name: str) -> None:
    assert f"`{name}`" in contract


def test_the_export_columns_block_is_the_contract(contract: str) -> None:
    block = re.search(r"```\n(indicator_id, indicator_name.*?)```", contract, re.S)
    assert block is not None
    assert [c.strip() for c in block.group(1).split(",")] == EXPORT_COLUMNS


def test_methods_cite_their_sources() -> None:
    methods = (DOCS / "methods.md").read_text(encoding="utf-8")
    for source in ("Wilson", "Newcombe", "Byar", "Garwood", "Welch", "Fingertips",
                   "PHEindicatormethods", "9.54953570608324", "Przyborowski", "Dobson",
                   "European Standard Population 2013", "Chiang", "Silcocks", "Low & Low",
                   "Fieller", "Spiegelhalter"):
        assert source in methods


PUBLIC_METHODS = ("directly_standardised_rates", "indirectly_standardised_ratios",
                  "life_expectancy", "slope_index_of_inequality", "inequality_trend",
                  "funnel_limits", "european_standard_population")


@pytest.mark.parametrize("name", PUBLIC_METHODS)
def test_every_public_method_is_documented(contract: str, name: str) -> None:
    methods = (DOCS / "methods.md").read_text(encoding="utf-8")
    assert f"`{name}(" in contract and name in methods
