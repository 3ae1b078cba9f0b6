"""The atlas's languages, defined once: every interface, report and catalogue text comes
in these, in this order (Swedish first: the default)."""

from __future__ import annotations

LANGS: tuple[str, ...] = ("sv", "pl", "en")
LANG_NAMES: dict[str, str] = {"sv": "Svenska", "pl": "Polski", "en": "English"}
