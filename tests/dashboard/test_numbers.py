"""Numbers as each language writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presentation.numbers import (
    MISSING,
    NBSP,
    format_integer,
    format_interval,
    format_number,
    format_signed,
)


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (12345.678, "sv", 1, f"12{NBSP}345,7"),
        (12345.678, "pl", 1, f"12{NBSP}345,7"),
        (12345.678, "en", 1, "12,345.7"),
        (1234.5, "sv", 1, f"1{NBSP}234,5"),
        (1234.5, "pl", 1, "1234,5"),  # Polish leaves four-digit numbers ungrouped
        (1234.5, "en", 1, "1,234.5"),
        (1234567, "en", 0, "1,234,567"),
        (1234567, "pl", 0, f"1{NBSP}234{NBSP}567"),
        (0.5, "sv", 2, "0,50"),
        (-3.25, "en", 1, "-3.2"),  # Python rounds half to even on the binary value
        (1.055, "sv", 2, "1,05"),  # the binary value is 1.05499…, as the charts round it
        (-0.04, "sv", 1, "0,0"),  # no "negative zero"
        (7, "en", 0, "7"),
    ],
)
def test_format_number_known_answers(value: float, lang: str, decimals: int, expected: str) -> None:
    assert format_number(value, lang, decimals) == expected


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_missing_values_print_a_dash_never_zero(missing: float | None) -> None:
    assert format_number(missing, "sv") == MISSING
    assert format_interval(missing, 3.0, "en") == MISSING
    assert format_signed(missing, "pl") == MISSING


def test_signed_differences_and_intervals() -> None:
    assert format_signed(1.46, "sv") == "+1,5"
    assert format_signed(-0.3, "en") == "-0.3"
    assert format_signed(0.0, "en") == "0.0"
    assert format_interval(10.21, 14.84, "pl") == "10,2–14,8"
    assert format_integer(9920, "en") == "9,920"


def test_unknown_language_lists_the_valid_ones() -> None:
    with pytest.raises(ValueError, match=r"Unknown language 'de'.*sv, pl, en"):
        format_number(1.0, "de")


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.sampled_from(["sv", "pl", "en"]),
       st.integers(min_value=0, max_value=3))
def test_formatted_numbers_read_back_to_the_rounded_value(value: float, lang: str, decimals: int) -> None:
    text = format_number(value, lang, decimals)
    plain = text.replace(NBSP, "").replace(",", "." if lang != "en" else "")
    if lang == "en":
        plain = text.replace(",", "")
    assert Decimal(plain) == Decimal(f"{value:.{decimals}f}")


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.sampled_from(["sv", "pl", "en"]),
       st.integers(min_value=0, max_value=3))
def test_numbers_are_written_as_babel_writes_them_from_cldr(value: float, lang: str, decimals: int) -> None:
    """The fast path writes what Babel's CLDR pattern writes for the same rounded digits."""
    from babel.numbers import format_decimal

    rounded = Decimal(f"{value:.{decimals}f}")
    if rounded == 0:
        rounded = abs(rounded)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    if lang == "pl" and abs(rounded) < 10_000:
        pattern = pattern.replace("#,##", "")  # CLDR's minimumGroupingDigits 2 (not in Babel)
    expected = format_decimal(rounded, format=pattern, locale=lang)
    assert format_number(value, lang, decimals) == expected
