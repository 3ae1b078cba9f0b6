"""Every string table of the atlas has one format: ``key -> (sv, pl, en)``, the same
placeholders in every language, and plural forms for every CLDR category the language
uses (Babel's plural rules)."""

from __future__ import annotations

import string
from collections.abc import Mapping

import pytest
from babel import Locale

from presentation.i18n import plural_category, t, translate
from presentation.strings import STRINGS, Plural, Text
from reports import strings as report_strings
from settings.languages import LANGS

TABLES: dict[str, Mapping[str, tuple[Text, ...]]] = {
    "presentation/strings.py": STRINGS,
    "reports/strings.py": report_strings.TEXT,
    **{f"reports/strings.py LABELS[{group}]": labels
       for group, labels in report_strings.LABELS.items()},
}
ENTRIES = [(where, key) for where, table in TABLES.items() for key in sorted(table)]


def _fields(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def _forms(text: Text) -> list[str]:
    if isinstance(text, Plural):
        return [f for f in (text.one, text.few, text.many, text.other) if f is not None]
    return [text]


@pytest.mark.parametrize(("where", "key"), ENTRIES)
def test_every_entry_has_one_text_per_language_with_the_same_fields(where: str, key: str) -> None:
    versions = TABLES[where][key]
    assert len(versions) == len(LANGS), f"{where}: {key} has {len(versions)} texts, not {len(LANGS)}"
    forms = [form for version in versions for form in _forms(version)]
    assert all(form.strip() for form in forms), f"{where}: {key} has an empty text"
    assert len({_fields(form) for form in forms}) == 1, f"{where}: {key}: placeholders differ"


PLURALS = [(where, key) for where, key in ENTRIES
           if any(isinstance(v, Plural) for v in TABLES[where][key])]


@pytest.mark.parametrize(("where", "key"), PLURALS)
def test_plural_texts_have_every_form_their_language_uses(where: str, key: str) -> None:
    for lang, version in zip(LANGS, TABLES[where][key], strict=True):
        assert isinstance(version, Plural), f"{where}: {key} is plural in one language only"
        used = set(Locale.parse(lang).plural_form.tags) - {"other"}
        missing = [c for c in sorted(used) if getattr(version, c, None) is None]
        assert not missing, f"{where}: {key} ({lang}) lacks the plural forms {missing}"


def test_there_are_plural_texts_to_check() -> None:
    assert len(PLURALS) >= 2  # the checks above would pass vacuously on an empty list


@pytest.mark.parametrize(("count", "expected"), [
    (1, "1 wiersz"), (2, "2 wiersze"), (4, "4 wiersze"), (5, "5 wierszy"), (13, "13 wierszy"),
    (22, "22 wiersze"), (1194, "1194 wiersze"), (17602, "17602 wiersze"), (17605, "17605 wierszy"),
])
def test_polish_row_counts_take_the_right_form(count: int, expected: str) -> None:
    assert t("about.rows", "pl", count=count, rows=str(count)) == expected


def test_swedish_and_english_singular_and_plural() -> None:
    assert t("about.rows", "sv", count=1, rows="1") == "1 rad"
    assert t("about.rows", "sv", count=3, rows="3") == "3 rader"
    assert t("about.rows", "en", count=1, rows="1") == "1 row"
    assert plural_category(2, "pl") == "few" and plural_category(5, "pl") == "many"


def test_a_plural_text_without_a_count_is_refused() -> None:
    with pytest.raises(TypeError, match="pass count="):
        translate(STRINGS, "about.rows", "en", "presentation/strings.py", rows="3")
