"""The configuration of a dcc.Graph in the page's language.

Plotly's texts (the map toolbar's tooltips, "Double-click to zoom back out", month names)
come from its locale: dashboard/assets/plotly-locale-sv.js and -pl.js register Swedish and
Polish with the Plotly bundle (served from 'self', no inline script); English is Plotly's
own.
"""

from __future__ import annotations

from typing import Any


def graph_config(lang: str, **options: Any) -> Any:
    """``{"locale": lang, "displaylogo": False, **options}``: the config of every graph
    (typed Any: dcc.Graph declares its own TypedDict for it)."""
    return {"locale": lang, "displaylogo": False, **options}
