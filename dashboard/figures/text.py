"""Text from a city's data as Plotly shows it: literally."""

from __future__ import annotations

import html
from typing import Any


def plain(text: Any) -> str:
    """``text`` with Plotly's pseudo-HTML (``<a>``, ``<b>``, ``<br>``) escaped, so a name or
    a unit can never draw a link or change a label; Plotly shows the entities as typed."""
    return html.escape(str(text), quote=False)
