"""Report text: every key in sv, pl and en with the same placeholders; every engine
vocabulary code named in every language; numbers and dates written per language."""

from __future__ import annotations

from datetime import date

import pytest

from indicators.contract import COMPARISONS, GAP_TRENDS, TRENDS
from reports import slug, strings
from reports.drawing import fit, text_width, wrap
from reports.numbers import interval, long_date, number, period_range


@pytest.mark.parametrize("group, codes", [("compared", COMPARISONS), ("trend", TRENDS), ("gap", GAP_TRENDS)])
def test_every_engine_outcome_has_a_word_in_every_language(group: str, codes: tuple[str, ...]) -> None:
    for code in codes:
        words = {strings.label(group, code, lang) for lang in strings.LANGS}
        assert "_" not in "".join(words) and len(words) >= 2, (code, words)


def test_methods_are_written_in_every_language() -> None:
    assert {len(strings.methods(lang)) for lang in strings.LANGS} == {len(strings.METHOD_KEYS)}
    assert strings.methods("pl")[0].startswith("Przedziały ufności")


def test_unknown_codes_stay_readable_and_unknown_language_fails() -> None:
    assert strings.label("domain", "green_space", "en") == "Green space"
    with pytest.raises(ValueError, match="Unknown language 'de'"):
        strings.text("summary", "de")


def test_numbers_follow_the_language() -> None:
    assert number(1234.56, 1, "en") == "1,234.6"
    assert number(12345.6, 1, "sv") == "12\u00a0345,6"
    assert number(None, 1, "pl") == "–" and number(float("nan"), 2, "en") == "–"
    assert number(2.5, 1, "en", signed=True) == "+2.5"
    assert interval(1.26, 3.5, 1, "sv") == "1,3–3,5"
    assert interval(None, 3.5, 1, "sv") == "–"


def test_dates_and_periods() -> None:
    day = date(2024, 5, 17)
    assert long_date(day, "sv") == "17 maj 2024"
    assert long_date(day, "pl") == "17 maja 2024"
    assert long_date(day, "en") == "17 May 2024"
    assert period_range(["2021", "2019", "2023"]) == "2019–2023"
    assert period_range(["2023"]) == "2023" and period_range([]) == "–"


def test_file_names_are_ascii_slugs() -> None:
    assert slug("Södra Åsen 4") == "sodra-asen-4"
    assert slug("Łąkowa Żółta") == "lakowa-zolta"
    assert slug("???") == "area"


def test_text_fits_and_wraps_within_a_width() -> None:
    long = "Andel invånare med eftergymnasial utbildning om minst tre år"
    cut = fit(long, 30, 7)
    assert cut.endswith("…") and text_width(cut, 7) <= 30
    lines = wrap(long, 30, 7)
    assert len(lines) > 1 and all(text_width(line, 7) <= 30 for line in lines)
    assert " ".join(lines) == long
