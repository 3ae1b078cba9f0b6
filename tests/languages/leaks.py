"""Text left in another language: the checker of tests/languages/test_leaks.py.

``foreign_texts(lang)`` is every text of the string tables (presentation/strings.py with
its method strings, reports/strings.py) and of a catalogue in a language other than
``lang`` that differs from ``lang``'s own text; ``leaks(nodes, foreign)`` the visible text
nodes that show one of them. A string-table text is a pattern: its ``{placeholders}`` match
anything. A catalogue text is allowed only when it carries the marker of a missing
translation (``text [EN]``, presentation.i18n.marked).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from presentation.i18n import catalogue_field
from presentation.strings import STRINGS, Plural, Text
from reports.strings import LABELS, TEXT
from settings.languages import LANGS

FIELD = re.compile(r"\{[^{}]*\}")
MIN_LETTERS = 4  # shorter literal texts ("SII", "Gap") say too little to be a leak
FIELDS = ("name", "description", "definition", "source", "unit")


@dataclass(frozen=True)
class Foreign:
    """A text of another language: where it comes from and how to find it."""

    where: str  # "presentation/strings.py nav.map (en)", "catalogue unemployment unit_en"
    text: str
    pattern: re.Pattern[str]
    marker: str | None = None  # allowed when followed by this (catalogue texts)


def _forms(text: Text) -> list[str]:
    if isinstance(text, Plural):
        return [f for f in (text.one, text.few, text.many, text.other) if f]
    return [text]


def _pattern(template: str) -> re.Pattern[str] | None:
    """``template`` as a regex: placeholders match anything; None when its literal text has
    fewer than MIN_LETTERS letters (nothing to tell a language by)."""
    parts = FIELD.split(template)
    if sum(ch.isalpha() for part in parts for ch in part) < MIN_LETTERS:
        return None
    body = ".+?".join(re.escape(part) for part in parts)
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def _tables() -> Iterator[tuple[str, Mapping[str, tuple[Text, ...]]]]:
    yield "presentation/strings.py", STRINGS
    yield "reports/strings.py", TEXT
    for group, names in LABELS.items():
        yield f"reports/strings.py LABELS[{group}]", names


def table_texts(lang: str) -> list[Foreign]:
    """Every string-table text of another language that ``lang`` does not share."""
    mine = LANGS.index(lang)
    found: dict[tuple[str, str], Foreign] = {}
    for where, table in _tables():
        for key, texts in table.items():
            own = set(_forms(texts[mine]))
            for i, other in enumerate(texts):
                for form in _forms(other) if i != mine else []:
                    if form in own or (form, "") in found:
                        continue
                    pattern = _pattern(form)
                    if pattern is not None and not any(_pattern(o) and _pattern(o).search(form)  # type: ignore[union-attr]
                                                       for o in own):
                        found[(form, "")] = Foreign(f"{where} {key} ({LANGS[i]})", form, pattern)
    return list(found.values())


def catalogue_texts(catalogue: pd.DataFrame, lang: str) -> list[Foreign]:
    """The catalogue's texts in other languages that differ from what ``lang`` shows."""
    found = []
    for row in catalogue.to_dict("records"):
        shown = {field: catalogue_field(row, field, lang) for field in FIELDS}
        for field in FIELDS:
            for other in LANGS:
                text = row.get(f"{field}_{other}")
                if other == lang or not isinstance(text, str) or not text.strip():
                    continue
                text = text.strip()
                if text == shown[field] or text in shown.values() or sum(c.isalpha() for c in text) < 3:
                    continue
                pattern = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")
                found.append(Foreign(f"catalogue {row['id']} {field}_{other}", text, pattern,
                                     marker=f" [{other.upper()}]"))
    return found


def foreign_texts(catalogue: pd.DataFrame, lang: str) -> list[Foreign]:
    return table_texts(lang) + catalogue_texts(catalogue, lang)


def leaks(nodes: Iterable[str], foreign: list[Foreign]) -> list[str]:
    """``where: text`` of each foreign text a node shows (a catalogue text with its marker
    after it is not a leak), with the node."""
    out = []
    for node in dict.fromkeys(nodes):
        for item in foreign:
            for hit in item.pattern.finditer(node):
                if item.marker and node[hit.end():].startswith(item.marker):
                    continue
                out.append(f"{item.where}: {item.text!r} in {node[:200]!r}")
                break
    return out


VISIBLE_PROPS = ("children", "title", "label", "placeholder", "aria-label", "alt", "text", "name",
                 "hovertemplate", "ticktext")
# components whose props the page does not show, and Code: file paths and data, verbatim
HIDDEN_TYPES = ("Store", "Location", "Code")


def layout_texts(node: Any, visible: bool = True) -> Iterator[str]:
    """Every string a Dash layout (as the router sends it: JSON) or a figure shows."""
    if isinstance(node, str):
        if visible and node.strip():
            yield node
    elif isinstance(node, list):
        for item in node:
            yield from layout_texts(item, visible)
    elif isinstance(node, dict):
        if node.get("type") in HIDDEN_TYPES and "props" in node:
            return
        for key, value in node.items():
            if key in ("props", "figure", "layout", "data", "options", "xaxis", "yaxis", "annotations",
                       "legend", "coloraxis", "colorbar", "marker", "hoverlabel"):
                yield from layout_texts(value, True)
            elif key in ("title", "text") and isinstance(value, dict):
                yield from layout_texts(value, True)
            elif key.startswith(("xaxis", "yaxis")):
                yield from layout_texts(value, True)
            else:
                yield from layout_texts(value, key in VISIBLE_PROPS)
