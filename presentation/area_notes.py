"""What a profile lists about an area besides its indicators, in the page's language.

``about_area(notes, code, lang)`` groups the area's notes (``Snapshot.notes``) by
kind, in ``store.schema.NOTE_KINDS`` order, kinds without notes left out. A
title or text missing in ``lang`` falls back to English, then the other
language; the note then says which language it shows (``title_lang``,
``text_lang``), so the page can mark it. The dashboard card and every export
format render from this.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from settings.languages import LANGS
from store.schema import NOTE_KINDS


@dataclass(frozen=True)
class Note:
    kind: str
    title: str
    title_lang: str | None  # the title's language when it is not the page's
    text: str | None
    text_lang: str | None  # the text's language when it is not the page's
    source: str | None
    url: str | None


@dataclass(frozen=True)
class NoteGroup:
    kind: str  # one of NOTE_KINDS
    notes: list[Note]


def fallback_order(lang: str) -> list[str]:
    """The page's language first, then English, then the other."""
    return [lang, *(other for other in ("en", *LANGS) if other != lang)][:3]


def _text(row: Mapping[Hashable, Any], field: str, lang: str) -> tuple[str | None, str | None]:
    """(text, its language when not ``lang``) of ``field`` in the first language that has it."""
    for candidate in fallback_order(lang):
        value = row.get(f"{field}_{candidate}")
        if isinstance(value, str) and value.strip():
            return value.strip(), None if candidate == lang else candidate
    return None, None


def _optional(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def about_area(notes: pd.DataFrame, code: str, lang: str) -> list[NoteGroup]:
    """The notes of area ``code`` by kind, in file order within a kind."""
    if notes.empty:
        return []
    own = notes[notes["area_code"].astype(str) == code].sort_values("position")
    groups: dict[str, list[Note]] = {kind: [] for kind in NOTE_KINDS}
    for row in own.to_dict("records"):
        title, title_lang = _text(row, "title", lang)
        if title is None or row["kind"] not in groups:
            continue
        text, text_lang = _text(row, "text", lang)
        groups[row["kind"]].append(Note(str(row["kind"]), title, title_lang, text, text_lang,
                                        _optional(row.get("source")), _optional(row.get("url"))))
    return [NoteGroup(kind, items) for kind, items in groups.items() if items]
