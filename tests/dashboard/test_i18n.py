"""Every UI string in three languages; catalogue text and vocabularies translated."""

from __future__ import annotations

import re

import pytest

from indicators import COMPARISONS, GAP_TRENDS, TRENDS
from presentation.i18n import domain_name, normalize_lang, t, unit_label, vocab
from settings.languages import LANGS

FIELD = re.compile(r"{(\w*)}")


@pytest.mark.parametrize("value", [*COMPARISONS, *TRENDS, *GAP_TRENDS])
def test_every_engine_outcome_has_words_in_every_language(value: str) -> None:
    prefix = "cmp" if value in COMPARISONS else ("trend" if value in TRENDS else "gap")
    words = {lang: vocab(prefix, value, lang) for lang in LANGS}
    assert all(w and w != value for w in words.values()), words
    assert len(set(words.values())) >= 2, f"{value} is not translated: {words}"


def test_unknown_key_and_language_fail_helpfully() -> None:
    with pytest.raises(KeyError, match=r"add it to presentation/strings\.py"):
        t("no.such.key", "sv")
    with pytest.raises(ValueError, match="Valid: sv, pl, en"):
        t("app.title", "de")


def test_language_from_the_url_falls_back_to_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WELLBEING_LANG", "pl")
    assert normalize_lang("EN") == "en"
    assert normalize_lang("xx") == "pl"
    assert normalize_lang(None) == "pl"
    monkeypatch.setenv("WELLBEING_LANG", "klingon")
    assert normalize_lang(None) == "sv"


def test_domains_and_units_are_translated() -> None:
    assert domain_name("work_income", "sv") == "Arbete och inkomst"
    assert domain_name("trust", "pl") == "Zaufanie i uczestnictwo"  # an alias
    assert domain_name("local_culture", "en") == "Local culture"  # unknown: tidied, not lost
    assert unit_label("per 1,000", "sv") == "per 1 000"
    assert unit_label("SEK thousand", "pl") == "tys. SEK"
    assert unit_label("µg/m³", "sv") == "µg/m³"  # unknown: as given
