"""Callback bodies as the browser sends them, for clients that talk HTTP to a served
dashboard (the fault tests with gunicorn, ``benchmarks.load``): a page through the pages
router, a map recolour, a profile download. Captured from Chromium and kept in its shape
(ids as objects, pattern inputs as lists); the output strings come from the app's own
``/_dash-dependencies``.
"""

from __future__ import annotations

import json
from typing import Any

from dashboard import ids

ROUTER = "_pages_location"
PROFILE_FORMATS = ("pdf", "html", "xlsx", "csv")  # the profile page's buttons, in its order


def output_of(deps: list[dict[str, Any]], contains: str) -> str:
    """The ``output`` string of the callback whose outputs include ``contains``."""
    return next(str(d["output"]) for d in deps if contains in d["output"])


def _outputs(output: str) -> list[dict[str, Any]]:
    found = []
    for part in output.strip(".").split("..."):
        cid, prop = part.rsplit(".", 1)
        found.append({"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop})
    return found


def _body(output: str, inputs: list[Any], state: list[Any], changed: str) -> dict[str, Any]:
    return {"output": output, "outputs": _outputs(output), "inputs": inputs,
            "changedPropIds": [changed], "state": state}


def page_body(deps: list[dict[str, Any]], path: str, search: str = "") -> dict[str, Any]:
    """The pages router asked for ``path`` (what every page visit posts first)."""
    inputs = [{"id": ROUTER, "property": "pathname", "value": path},
              {"id": ROUTER, "property": "search", "value": search}]
    body = _body(output_of(deps, "_pages_content.children"), inputs,
                 [{"id": ROUTER, "property": "pathname", "value": path}], f"{ROUTER}.pathname")
    body["changedPropIds"].append(f"{ROUTER}.search")
    return body


def recolour_body(deps: list[dict[str, Any]], indicator: str, period: str, lang: str = "sv",
                  sex: str = "total", geo_version: int | None = 1) -> dict[str, Any]:
    """The map page's indicator picker changed to ``indicator``. The inputs follow the
    callback's own declaration in ``deps`` (an input this body does not set, such as the
    places switch or the age group, is sent empty, as the browser does)."""
    values = {ids.Map.indicator: indicator, ids.Map.period: period, ids.Map.sex: sex,
              ids.Map.comparator: "city", ids.Map.colouring: "comparison", ids.Map.scheme: "quantiles"}
    output = output_of(deps, f"{ids.Map.graph}.figure")
    declared = next(d for d in deps if d["output"] == output)["inputs"]
    inputs = [{"id": i["id"], "property": i["property"], "value": values.get(i["id"])} for i in declared]
    query = {"lang": lang, "indicator": indicator, "period": period, "sex": sex,
             "colouring": "comparison", "scheme": "quantiles", "comparator": "city"}
    state = [{"id": ids.Map.geo_version, "property": "data", "value": geo_version},
             {"id": ids.url_state("map"), "property": "data", "value": {"path": "/", "query": query}}]
    return _body(output, inputs, state, f"{ids.Map.indicator}.value")


def download_body(deps: list[dict[str, Any]], code: str, fmt: str, lang: str = "sv") -> dict[str, Any]:
    """The profile page's ``fmt`` download button clicked once, for area ``code``."""
    clicks = [{"id": ids.download_button(f), "property": "n_clicks", "value": int(f == fmt)}
              for f in PROFILE_FORMATS]
    state = [{"id": ids.url_state("area"), "property": "data",
              "value": {"path": f"/area/{code}", "query": {"lang": lang}}}]
    changed = json.dumps(ids.download_button(fmt), sort_keys=True, separators=(",", ":"))
    return _body(output_of(deps, f"{ids.Area.download}.data"), [clicks], state, f"{changed}.n_clicks")
