"""Translation: UI strings (presentation/strings.py) and catalogue text, in sv, pl and en."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import settings
from presentation.strings import STRINGS
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


def t(key: str, lang: str, **fields: Any) -> str:
    """The UI string ``key`` in ``lang``, with ``fields`` filled in."""
    try:
        text = STRINGS[key][_INDEX[lang]]
    except KeyError:
        if key not in STRINGS:
            raise KeyError(f"No UI string {key!r}; add it to presentation/strings.py") from None
        raise ValueError(f"Unknown language {lang!r}. Valid: {', '.join(LANGS)}") from None
    return text.format(**fields) if fields else text


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
