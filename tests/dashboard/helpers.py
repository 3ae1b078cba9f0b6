"""Helpers of the dashboard tests: the text of a component tree, figure JSON."""

from __future__ import annotations

import json
import re
from typing import Any

from dash.development.base_component import Component
from plotly.utils import PlotlyJSONEncoder

from synthetic.dash_client import dispatch as dispatch  # re-exported for the tests
from synthetic.dash_client import page_response as page_response
from synthetic.dash_client import state_key as state_key


def texts(node: Any) -> list[str]:
    """Every string in a Dash component tree (children and text props), depth first."""
    out: list[str] = []
    if node is None:
        return out
    if isinstance(node, str | int | float):
        out.append(str(node))
    elif isinstance(node, list | tuple):
        for item in node:
            out.extend(texts(item))
    elif isinstance(node, Component):
        for prop in ("children", "title", "aria-label", "placeholder"):
            value = getattr(node, prop, None) if prop != "aria-label" else node.to_plotly_json()["props"].get(prop)
            out.extend(texts(value))
        if hasattr(node, "options") and isinstance(node.options, list):
            for opt in node.options:
                if isinstance(opt, dict):
                    out.extend(texts(opt.get("label")))
        if hasattr(node, "figure") and node.figure is not None:
            out.append(to_json(node.figure))
    elif isinstance(node, dict):
        out.append(json.dumps(node, default=str))
    return out


def page_text(node: Any) -> str:
    return "\n".join(texts(node))


def to_json(obj: Any) -> str:
    """What Dash would send to the browser for ``obj`` (figure, Patch, component, tuple)."""
    return obj if isinstance(obj, str) else json.dumps(obj, cls=PlotlyJSONEncoder)


def find(node: Any, component_id: Any) -> Any:
    """The component with ``component_id`` in a tree, or None."""
    if isinstance(node, Component):
        if getattr(node, "id", None) == component_id:
            return node
        return find(getattr(node, "children", None), component_id)
    if isinstance(node, list | tuple):
        for item in node:
            hit = find(item, component_id)
            if hit is not None:
                return hit
    return None


def raw_values(atlas: Any, code: str, indicator_id: str, period: str) -> dict[str, float]:
    """The store's own values (before any redaction) of one area, indicator and period, by sex."""
    v = atlas.snapshot().values
    rows = v[(v["area_code"].astype(str) == code) & (v["indicator_id"].astype(str) == indicator_id)
             & (v["period"].astype(str) == period)]
    return {str(sex): float(value) for sex, value in zip(rows["sex"], rows["value"], strict=True)}


def printed(value: float, marks: str = ".,") -> re.Pattern[str]:
    """``value`` as a page or a file may print it: rounded to 1, 2 or 3 decimals, or the
    start of its full precision, with one of the decimal ``marks``; never inside a longer
    number."""
    rounded = [f"{value:.{d}f}" for d in (1, 2, 3)]
    full = f"{value:.10f}"
    forms = [*(f"{re.escape(r)}(?!\\d)" for r in rounded), re.escape(full[: full.index(".") + 5])]
    return re.compile(r"(?<![\d.,])(?:" + "|".join(forms).replace(r"\.", f"[{re.escape(marks)}]") + ")")
