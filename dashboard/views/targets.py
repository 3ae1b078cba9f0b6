"""Targets in the pages: the profile table's target cell, the map legend's target lines and
the compare grid's target mark; each status with its symbol and words (never colour alone)."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.display import aria
from dashboard.viewmodels.targets import TargetLine
from presentation.i18n import t
from presentation.targets import (
    PROGRESS_MARKS,
    TARGET_MARKS,
    amount,
    compared_words,
    mark,
    progress_words,
    year_text,
)


def status_chip(line: TargetLine, lang: str) -> html.Span:
    """The target's progress (its own area) or the area compared with it (a city-wide target)."""
    if line.own:
        symbol, sw = mark(line.progress, PROGRESS_MARKS)
        words, kind = progress_words(line.progress, lang), f"progress-{line.progress}"
    else:
        symbol, sw = mark(line.compared, TARGET_MARKS)
        words, kind = compared_words(line.compared, lang), f"target-{line.compared}"
    return html.Span(f"{symbol} {words}", className=f"chip target-chip {kind}",
                     style={"background": sw.fill, "color": sw.text})


def target_cell(line: TargetLine | None, lang: str, decimals: int, unit: Any) -> html.Td:
    """The profile table's target cell: "Target 6.0% by 2030" (city-wide said so) and the
    status chip; the whole sentence as its title."""
    if line is None:
        return html.Td("–", className="target muted")
    short = t("target.short", lang, target=amount(line.target_value, lang, decimals, unit),
              year=year_text(line.target_period))
    whose = [] if line.own else [html.Small(f" ({t('target.city', lang)})", className="muted")]
    return html.Td([html.Span([short, *whose], className="target-value"), " ",
                    status_chip(line, lang)], className="target", title=line.text)


def legend_lines(lines: tuple[tuple[str, TargetLine], ...], lang: str) -> list[Any]:
    """The map legend's targets: one line per target (the city-wide one first), with its
    progress; nothing when the indicator has none."""
    if not lines:
        return []
    items = [html.Li([html.Strong(name, className="target-whose"), " ", html.Span(line.plain), " ",
                      status_chip(line, lang)], className="target-line", title=line.text)
             for name, line in lines]
    return [html.Div([html.H4(t("target.legend.title", lang), className="legend-subtitle"),
                      html.Ul(items, className="legend-targets"),
                      html.P(t("target.method", lang), className="legend-note muted")],
                     className="legend-target-block")]


def grid_mark(line: TargetLine | None, lang: str) -> list[Any]:
    """The compare grid cell's target mark: ◎ meets / ◌ does not meet (words in its label)."""
    if line is None or line.compared == "no_data":
        return []
    symbol, _ = mark(line.compared, TARGET_MARKS)
    words = compared_words(line.compared, lang)
    return [html.Span(f" {symbol}", className=f"target-mark target-{line.compared}", title=line.text,
                      **aria(label=words))]


def grid_note(lang: str) -> list[Any]:
    """What the compare grid's target marks mean (after its caption)."""
    words = " · ".join(f"{mark(k, TARGET_MARKS)[0]} {compared_words(k, lang)}" for k in ("met", "not_met"))
    return [html.Br(), html.Small(f"{t('col.target', lang)}: {words}", className="target-note")]
