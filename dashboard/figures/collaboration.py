"""The self-assessment's dot chart: each dimension a row, each group's mean score (1-5) a
symbol on it; all respondents a black diamond, each sector its own colour and marker
(never colour alone), with the same numbers in the page's table. A pure model → figure
builder returning a plain dict."""

from __future__ import annotations

from typing import Any

from dashboard.figures.charts import AREA_STYLES, GRID, base_layout
from dashboard.figures.text import plain
from dashboard.viewmodels.collaboration import CollaborationModel
from presentation.assessment import ALL
from presentation.i18n import t

Figure = dict[str, Any]


def scores_figure(model: CollaborationModel, lang: str) -> Figure:
    """Dimensions top to bottom in the questionnaire's order; x is the mean score 1-5."""
    labels = [plain(label) for _code, label in model.dimensions]
    traces = []
    sectors = [g for g in model.groups if g.code != ALL]
    for i, group in enumerate([*sectors, *(g for g in model.groups if g.code == ALL)]):
        colour, symbol = ("#111111", "diamond") if group.code == ALL else AREA_STYLES[i % len(AREA_STYLES)]
        means = [model.means.get((code, group.code)) for code, _label in model.dimensions]
        name = f"{plain(group.label)} ({t('collab.n', lang, n=group.n)})"
        traces.append({
            "type": "scatter", "mode": "markers", "name": name, "x": means, "y": labels,
            "marker": {"symbol": symbol, "color": colour, "size": 15 if group.code == ALL else 11,
                       "line": {"width": 1, "color": "#ffffff"}},
            "hovertemplate": f"{plain(group.label)}<br>%{{y}}: %{{x:.1f}}<extra></extra>",
        })
    layout = base_layout(lang, 190 + 48 * max(1, len(labels)),
                         margin={"l": 8, "r": 16, "t": 8, "b": 40})
    layout["xaxis"] = {**GRID, "range": [0.8, 5.2], "tickvals": [1, 2, 3, 4, 5],
                       "title": {"text": t("collab.score_axis", lang)}}
    layout["yaxis"] = {"autorange": "reversed", "showgrid": True, "gridcolor": "#e8ecf1", "automargin": True}
    layout["legend"] = {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font": {"size": 12}}
    return {"data": traces, "layout": layout}
