"""Hostile and random input to every callback and page URL: never a 5xx, never a traceback
in a response or in the log (a refused input is one log line, no exc_info)."""

from __future__ import annotations

import json
import logging
from typing import Any

import dash
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synthetic.dash_client import page_response

FUZZ = settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
HOSTILE_TEXT = st.sampled_from([
    "../../etc/passwd", "<script>alert(1)</script>", "'; DROP TABLE areas; --", "\x00", "",
    "A" * 5000, "%00", "{{7*7}}", "=1+1", "NaN", "-1", "[]", "null"])
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                   TEXT, HOSTILE_TEXT)
VALUE = st.recursive(SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)), max_leaves=12)
PATHS = st.sampled_from(["/", "/area/", "/indicator/", "/compare", "/about", "/nowhere/"])


class Callbacks:
    """The server-side callbacks of the app (a plain holder: short reprs in failures)."""

    def __init__(self, deps: list[dict[str, Any]]) -> None:
        self.deps = [d for d in deps if not d.get("clientside_function")]

    def __repr__(self) -> str:
        return f"<{len(self.deps)} callbacks>"


@pytest.fixture(scope="module")
def dependencies(app: dash.Dash) -> Callbacks:
    return Callbacks(app.server.test_client().get("/_dash-dependencies").get_json())


class _Dep:
    def __init__(self, dep: dict[str, Any]) -> None:
        self.dep = dep

    def __repr__(self) -> str:
        return self.dep["output"][:60]


def _outputs(dep: dict[str, Any]) -> Any:
    outputs = []
    for part in dep["output"].strip(".").split("..."):
        cid, prop = part.rsplit(".", 1)
        outputs.append({"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop})
    return outputs if len(outputs) > 1 else outputs[0]


def _assert_clean(response: Any, caplog: pytest.LogCaptureFixture) -> None:
    body = response.get_data(as_text=True)
    assert response.status_code < 500, (response.status_code, body[:300])
    assert "Traceback" not in body and 'File "' not in body
    tracebacks = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert not tracebacks, [r.getMessage() for r in tracebacks]


@FUZZ
@given(data=st.data())
def test_every_callback_survives_forged_inputs(client: Any, dependencies: Callbacks,
                                                caplog: pytest.LogCaptureFixture, data: Any) -> None:
    dep = data.draw(st.sampled_from(dependencies.deps).map(_Dep), label="callback").dep
    caplog.clear()

    def forged(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**item, "value": data.draw(VALUE, label=f"{item['id']}.{item['property']}")}
                for item in items]

    inputs = forged(dep["inputs"])
    body = {"output": dep["output"], "outputs": _outputs(dep), "inputs": inputs,
            "state": forged(dep["state"]),
            "changedPropIds": [f"{json.dumps(i['id'], sort_keys=True, separators=(',', ':')) if isinstance(i['id'], dict) else i['id']}.{i['property']}"
                               for i in inputs[:1]]}
    with caplog.at_level(logging.WARNING, logger="dashboard"):
        response = client.post("/_dash-update-component", json=body)
    _assert_clean(response, caplog)


@FUZZ
@given(path=PATHS, tail=st.one_of(TEXT, HOSTILE_TEXT),
       query=st.dictionaries(st.sampled_from(["lang", "indicator", "period", "sex", "colouring",
                                              "scheme", "areas", "x"]),
                             st.one_of(TEXT, HOSTILE_TEXT), max_size=5))
def test_every_page_survives_forged_urls(client: Any, caplog: pytest.LogCaptureFixture, path: str,
                                         tail: str, query: dict[str, str]) -> None:
    from urllib.parse import quote, urlencode

    caplog.clear()
    full = path + (quote(tail, safe="") if path.endswith("/") else "")
    search = "?" + urlencode(query)
    with caplog.at_level(logging.WARNING, logger="dashboard"):
        routed = page_response(client, full, search)
        direct = client.get(full + search)
    _assert_clean(routed, caplog)
    _assert_clean(direct, caplog)


@pytest.mark.parametrize("body", ["null", "[]", "{}", '{"output": 1}', "[" * 5000 + "]" * 5000,
                                  '{"output": "x", "outputs": {}, "inputs": [], "changedPropIds": [],'
                                  ' "state": ' + "[" * 100 + "]" * 100 + "}"])
def test_malformed_callback_bodies_are_400(client: Any, body: str) -> None:
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "Traceback" not in response.get_data(as_text=True)


def test_a_huge_callback_body_is_413(client: Any) -> None:
    response = client.post("/_dash-update-component", data=b"{" + b" " * (2 * 1024 * 1024) + b"}",
                           content_type="application/json")
    assert response.status_code == 413


@pytest.mark.parametrize("path", [
    "/_dash-component-suites/dash/../../etc/passwd", "/_dash-component-suites/nope/x.js",
    "/_dash-component-suites/dash/dcc/nope.js", "/_dash-component-suites/dash/x",
    "/_dash-component-suites/dash/deps/%00.js", "/_dash-component-suites/dash/dcc/a.js.map.x"])
def test_malformed_asset_paths_are_404(client: Any, path: str) -> None:
    assert client.get(path).status_code == 404


def test_responses_carry_the_security_headers(client: Any) -> None:
    headers = client.get("/").headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
