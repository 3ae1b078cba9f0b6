"""The "About the area" card of an area profile: its resources, arenas, ongoing
initiatives and the residents' own view (``presentation.area_notes``), four short lists.

Text shown in another language than the page's carries a small language tag; a
note's web page is a link, its source small print. No notes: no card.
"""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard import ids
from presentation.area_notes import Note, NoteGroup
from presentation.i18n import t
from settings.languages import LANG_NAMES


def lang_tag(text_lang: str | None, lang: str) -> list[Any]:
    """``[EN]`` after text in another language (nothing when it is the page's)."""
    if text_lang is None:
        return []
    return [" ", html.Span(text_lang.upper(), className="lang-tag",
                           title=t("area.about.lang", lang, language=LANG_NAMES[text_lang]))]


def _note(note: Note, lang: str) -> html.Li:
    title: Any = (html.A(note.title, href=note.url, target="_blank", rel="noopener noreferrer")
                  if note.url else note.title)
    parts: list[Any] = [html.Span(title, className="note-title", lang=note.title_lang or lang),
                        *lang_tag(note.title_lang, lang)]
    if note.text:
        parts += [html.Br(), html.Span(note.text, lang=note.text_lang or lang),
                  *lang_tag(note.text_lang, lang)]
    if note.source:
        parts.append(html.Small(f"{t('area.about.source', lang)}: {note.source}", className="note-source"))
    return html.Li(parts)


def about_card(groups: list[NoteGroup], lang: str, extra: list[Any] | None = None) -> html.Section | None:
    """The card, or None when the area has no notes (and no ``extra`` blocks: its places)."""
    if not groups and not extra:
        return None
    lists = [html.Div([html.H3(t(f"note.{g.kind}", lang)),
                       html.Ul([_note(n, lang) for n in g.notes], className="note-list")],
                      className=f"note-group note-{g.kind}")
             for g in groups] + list(extra or [])
    return html.Section([html.H2(t("area.about", lang)), html.Div(lists, className="note-groups")],
                        className="card section about-area", id=ids.Area.about)
