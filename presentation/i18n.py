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
    "socio_economic": "socioeconomic", "socioeconomics": "socioeconomic",
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


PLAIN_FIELDS = ("definition", "source", "unit")  # their plain column serves every language


def marked(text: str, shown_lang: str) -> str:
    """``text`` marked as being in ``shown_lang`` (not the page's language): ``text [EN]``,
    the tag the area notes carry too (presentation.area_notes)."""
    return f"{text} [{shown_lang.upper()}]"


def _text_of(row: Any, column: str) -> str:
    value = row.get(column)
    return value.strip() if isinstance(value, str) and value.strip() else ""


def catalogue_field(row: Any, field: str, lang: str) -> str:
    """``field`` (name, description, definition, source, unit) of a catalogue row (a mapping
    or a Series) in ``lang``: ``{field}_{lang}``; else the plain ``field`` column (definition,
    source, unit: the text for every language; a unit the atlas knows translated); else the
    text of another language (sv, en, pl), marked with that language (:func:`marked`);
    "" when there is none. docs/catalogue.md, *Languages*."""
    own = _text_of(row, f"{field}_{lang}")
    if own:
        return own
    plain = _text_of(row, field) if field in PLAIN_FIELDS else ""
    if plain:
        return _known_unit(plain, lang) if field == "unit" else plain
    for candidate in ("sv", "en", "pl"):
        other = _text_of(row, f"{field}_{candidate}")
        if other and candidate != lang:
            return marked(other, candidate)
    return ""


def catalogue_text(row: Any, field: str, lang: str) -> str:
    """:func:`catalogue_field`, or the indicator's id when the row has no text for it."""
    return catalogue_field(row, field, lang) or str(row.get("id", ""))


def indicator_name(row: Any, lang: str) -> str:
    return catalogue_text(row, "name", lang)


def city_name(city: Mapping[str, Any], lang: str) -> str:
    value = city.get(f"name_{lang}")
    return str(value) if value else str(city.get("name", ""))


def vocab(prefix: str, value: Any, lang: str) -> str:
    """An outcome word (comparison, trend, gap, status, sex...) or the raw value if unknown."""
    key = f"{prefix}.{value}"
    return t(key, lang) if has(key) else str(value or "")


def _known_unit(text: str, lang: str) -> str:
    key = "unitw." + text.lower().replace(" ", "_").replace(",", "").replace("-", "_")
    return t(key, lang) if has(key) else text


def unit_label(unit: Any, lang: str) -> str:
    """The unit in ``lang``: of a catalogue row (a mapping or a Series; its ``unit_{lang}``,
    see :func:`catalogue_field`), or a plain unit text translated when it is a common one
    (``per 1,000`` → ``per 1 000``)."""
    if not isinstance(unit, str) and hasattr(unit, "get"):
        return catalogue_field(unit, "unit", lang)
    return _known_unit(str(unit or "").strip(), lang)
