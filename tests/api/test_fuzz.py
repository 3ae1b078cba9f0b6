"""Malformed and hostile requests to every endpoint of a served API (Hypothesis): never a
5xx, never a traceback in an answer or an error in the log; every refusal is JSON with
its status, a message and the parameter it concerns."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.endpoints import ENDPOINTS

FUZZ = settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
HOSTILE = st.sampled_from([
    "../../etc/passwd", "<script>alert(1)</script>", "'; DROP TABLE areas; --", "\x00", "",
    "A" * 5000, "%00", "{{7*7}}", "=1+1", "NaN", "-1", "[]", "null", "1e400", "9" * 30,
    "latest,latest", ",,,", "total,xx", "EPSG:99999999", "EPSG:0000", "utm ", "true", "\u202e",
    "unemployment," * 600])
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
VALUE = st.one_of(TEXT, HOSTILE)
NAMES = sorted({p.name for e in ENDPOINTS for p in e.params if p.location == "query"}
               | {"x", "indicatr", "format[]", "__proto__"})


def assert_clean(resp: requests.Response, sent: set[str], caplog: pytest.LogCaptureFixture) -> None:
    body = resp.text
    assert resp.status_code < 500, (resp.status_code, resp.url[:200], body[:300])
    assert "Traceback" not in body and 'File "' not in body
    errors = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
    if resp.status_code >= 400:
        assert resp.headers["Content-Type"].startswith("application/json"), resp.headers
        error = resp.json()["error"]
        assert error["status"] == resp.status_code
        assert isinstance(error["message"], str) and error["message"]
        assert error["parameter"] is None or error["parameter"] in sent, error


@FUZZ
@given(data=st.data())
def test_malformed_parameters_get_json_4xx_never_5xx(served: Any, caplog: pytest.LogCaptureFixture,
                                                     data: Any) -> None:
    endpoint = data.draw(st.sampled_from(ENDPOINTS), label="endpoint")
    path = endpoint.rule
    sent: set[str] = set()
    for p in endpoint.params:
        if p.location == "path":
            segment = data.draw(st.one_of(st.just(p.example), VALUE), label=p.name)
            path = path.replace(f"<{p.name}>", quote(segment, safe="") or "x")
            sent.add(p.name)
    names = data.draw(st.lists(st.sampled_from(NAMES), max_size=4), label="names")
    query = [(name, data.draw(VALUE, label=name)) for name in names]
    sent |= set(names)
    caplog.clear()
    with caplog.at_level(logging.INFO):
        resp = requests.get(served.base + "/api/v1" + path, params=query, timeout=60)
    assert_clean(resp, sent, caplog)


@pytest.mark.parametrize(("query", "parameter", "status"), [
    ("/values?limit=abc", "limit", 400), ("/values?limit=0", "limit", 400),
    ("/values?limit=100001", "limit", 400), ("/values?offset=-1", "offset", 400),
    ("/values?sex=both", "sex", 400), ("/values?indicator=nope", "indicator", 400),
    ("/values?area=Z9", "area", 400), ("/values?period=1900", "period", 400),
    ("/values?age_group=0-5", "age_group", 400), ("/values?lang=de", "lang", 400),
    ("/values?format=xml", "format", 400), ("/values?indicatr=crime", "indicatr", 400),
    ("/values?prioritized=maybe", "prioritized", 400), ("/values?lang=en&lang=sv", "lang", 400),
    ("/comparisons?comparator=region", "comparator", 400),
    ("/comparisons?outcome=bad", "outcome", 400), ("/areas?level=ward", "level", 400),
    ("/indicators?domain=space", "domain", 400), ("/indicators/nope", "indicator_id", 404),
    ("/profiles/Z9", "area_code", 404), ("/gis?crs=EPSG:1", "crs", 400),
    ("/gis?crs=EPSG:999999", "crs", 400), ("/gis?period=1900", "period", 400),
    ("/gis?format=shp", "format", 400), ("/values?area=A\u200b0001", "area", 400),
    ("/nowhere", None, 404), ("/values/", None, 404),
])
def test_a_refusal_names_what_to_change(served: Any, query: str, parameter: str | None,
                                        status: int) -> None:
    resp = served.get("/api/v1" + query)
    assert resp.status_code == status, resp.text
    error = resp.json()["error"]
    assert error == {"status": status, "message": error["message"], "parameter": parameter}
    assert "Fix" in error["message"] or parameter in error["message"] or status == 404
    assert resp.headers["Cache-Control"] == "no-store"


def test_an_unacceptable_accept_header_is_406(served: Any) -> None:
    resp = served.get("/api/v1/values", headers={"Accept": "image/png"})
    assert resp.status_code == 406 and resp.json()["error"]["parameter"] == "format"


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/", "/values", "/areas", "/indicators/unemployment",
                                  "/profiles/A0001", "/gis", "/nowhere"])
def test_the_api_is_read_only(served: Any, method: str, path: str) -> None:
    resp = requests.request(method, served.base + "/api/v1" + path, json={"value": 1}, timeout=30)
    assert resp.status_code == 405, (method, path, resp.status_code)
    assert resp.json()["error"]["status"] == 405 and resp.headers["Allow"] == "GET, HEAD"
