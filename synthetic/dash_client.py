"""Requests to a Dash app as its browser would send them, through the Flask test client.

``dispatch`` posts one callback to Dash's own endpoint (``/_dash-update-component``);
``page_response`` asks the pages router for a page's layout. The dashboard tests
and ``benchmarks.dashboard`` drive the app with these.
"""

from __future__ import annotations

import json
from typing import Any


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
        return [{**item, "value": values.get((_id_text(item["id"]), item["property"]))}
                for item in items]

    inputs = fill(dep["inputs"])
    changed = triggered or (inputs[0]["id"], inputs[0]["property"])
    changed_id = _id_text(changed[0])
    body = {"output": dep["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": inputs, "state": fill(dep["state"]),
            "changedPropIds": [f"{changed_id}.{changed[1]}"]}
    return client.post("/_dash-update-component", json=body, headers=headers or {})


def page_response(client: Any, path: str, search: str = "") -> Any:
    """The page layout as the router callback sends it for ``path`` and ``search``."""
    values = {("_pages_location", "pathname"): path, ("_pages_location", "search"): search}
    return dispatch(client, "_pages_content.children", values)


def state_key(component_id: dict[str, str]) -> str:
    """A dict component id as Dash writes it in a request (keys sorted, no spaces)."""
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))


def _id_text(component_id: Any) -> Any:
    return state_key(component_id) if isinstance(component_id, dict) else component_id
