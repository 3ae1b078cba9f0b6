"""Helpers of the dashboard tests: the text of a component tree, figure JSON."""

from __future__ import annotations

import json
from typing import Any

from dash.development.base_component import Component
from plotly.utils import PlotlyJSONEncoder


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


def dispatch(client: Any, output_contains: str, values: dict[tuple[Any, str], Any],
             triggered: tuple[Any, str] | None = None, headers: dict[str, str] | None = None) -> Any:
    """POST one callback through Dash's own endpoint, as the browser would.

    ``values`` maps (component id, property) of the callback's inputs and states to
    their values; returns the response (its JSON holds ``response`` and any ``sideUpdate``).
    """
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if output_contains in d["output"])
    outputs = []
    for part in dep["output"].strip(".").split("..."):
        cid, prop = part.rsplit(".", 1)
        outputs.append({"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop})

    def fill(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for item in items:
            key = (json.dumps(item["id"], sort_keys=True, separators=(",", ":")) if isinstance(item["id"], dict) else item["id"],
                   item["property"])
            out.append({**item, "value": values.get(key)})
        return out

    inputs = fill(dep["inputs"])
    changed = triggered or (inputs[0]["id"], inputs[0]["property"])
    changed_id = json.dumps(changed[0], sort_keys=True, separators=(",", ":")) if isinstance(changed[0], dict) else changed[0]
    body = {"output": dep["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": inputs, "state": fill(dep["state"]),
            "changedPropIds": [f"{changed_id}.{changed[1]}"]}
    return client.post("/_dash-update-component", json=body, headers=headers or {})


def page_response(client: Any, path: str, search: str = "") -> Any:
    """The page layout as the router callback sends it for ``path`` and ``search``."""
    values = {("_pages_location", "pathname"): path, ("_pages_location", "search"): search}
    return dispatch(client, "_pages_content.children", values)


def state_key(component_id: dict[str, str]) -> str:
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))
