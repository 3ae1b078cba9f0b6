"""Translation: UI strings (presentation/strings.py), report text (reports/strings.py) and
catalogue text, in the languages of :mod:`settings.languages`.

One string-table format for every table: ``key -> (sv, pl, en)``, one text per language in
``LANGS`` order, ``str.format`` placeholders. A text that depends on a number is a
:class:`Plural`: its forms keyed by CLDR plural category (``one``, ``few``, ``many``,
``other``), chosen with Babel's plural rules for the language from the ``count`` field.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from babel import Locale

import settings
from presentation.strings import STRINGS, Plural, Text
from settings.languages import LANGS

_INDEX = {lang: i for i, lang in enumerate(LANGS)}
DOMAIN_ALIASES = {
    "work": "work_income", "income": "work_income", "work_and_income": "work_income",
    "economy": "work_income", "employment": "work_income",
    "trust": "trust_participation", "participation": "trust_participation",
    "trust_and_participation": "trust_participation", "social": "trust_participation",
    "security": "safety", "crime": "safety", "schools": "education", "population": "demography",
}


def default_lang() -> str:
    """WELLBEING_LANG when it names a known language, else Swedish."""
    lang = settings.get("WELLBEING_LANG").strip().lower()
    return lang if lang in _INDEX else "sv"


def normalize_lang(value: Any) -> str:
    """A language from a URL parameter; anything unknown falls back to the default."""
    text = str(value or "").strip().lower()
    return text if text in _INDEX else default_lang()


@lru_cache(maxsize=len(LANGS))
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def plural_category(count: float | int, lang: str) -> str:
    """CLDR plural category of ``count`` in ``lang``: pl 1 → ``one``, 2 → ``few``,
    5 → ``many``; sv/en 1 → ``one``, else ``other``."""
    return str(_locale(lang).plural_form(abs(count)))


def translate(table: Mapping[str, tuple[Text, ...]], key: str, lang: str, where: str,
              **fields: Any) -> str:
    """``key`` of ``table`` in ``lang`` with ``fields`` filled in; a :class:`Plural` takes
    its form from ``count`` (a field). ``where`` names the table's file for errors."""
    try:
        text = table[key][_INDEX[lang]]
    except KeyError:
        if key not in table:
            raise KeyError(f"No string {key!r}; add it to {where}") from None
        raise ValueError(f"Unknown language {lang!r}. Valid: {', '.join(LANGS)}") from None
    if isinstance(text, Plural):
        if "count" not in fields:
            raise TypeError(f"{where}: {key!r} has plural forms; pass count=...")
        text = text.form(plural_category(fields["count"], lang))
    return text.format(**fields) if fields else text


def t(key: str, lang: str, **fields: Any) -> str:
    """The UI string ``key`` in ``lang``, with ``fields`` filled in."""
    return translate(STRINGS, key, lang, "presentation/strings.py", **fields)


def has(key: str) -> bool:
    return key in STRINGS


def domain_name(domain: str, lang: str) -> str:
    """A domain code in words (a known code or alias translated; otherwise tidied)."""
    code = str(domain or "").strip().lower().replace("-", "_").replace(" ", "_")
    code = DOMAIN_ALIASES.get(code, code)
    key = f"domain.{code}"
    return t(key, lang) if has(key) else str(domain).replace("_", " ").capitalize()


def catalogue_text(row: Any, field: str, lang: str) -> str:
    """``name`` or ``description`` of a catalogue row (a mapping or a Series) in ``lang``,
    falling back to sv, en, then pl."""
    for candidate in (lang, "sv", "en", "pl"):
        value = row.get(f"{field}_{candidate}")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return str(row.get("id", ""))


def indicator_name(row: Any, lang: str) -> str:
    return catalogue_text(row, "name", lang)


def city_name(city: Mapping[str, Any], lang: str) -> str:
    value = city.get(f"name_{lang}")
    return str(value) if value else str(city.get("name", ""))


def vocab(prefix: str, value: Any, lang: str) -> str:
    """An outcome word (comparison, trend, gap, status, sex...) or the raw value if unknown."""
    key = f"{prefix}.{value}"
    return t(key, lang) if has(key) else str(value or "")


def unit_label(unit: Any, lang: str) -> str:
    """A catalogue unit in ``lang`` when it is a common one (``per 1,000`` → ``per 1 000``)."""
    text = str(unit or "").strip()
    key = "unitw." + text.lower().replace(" ", "_").replace(",", "").replace("-", "_")
    return t(key, lang) if has(key) else text
