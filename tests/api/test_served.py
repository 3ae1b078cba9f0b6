"""Every endpoint, as a client on loopback calls it, on PostGIS and on SQLite: each answers
200 in the shape its OpenAPI document gives, with validators and security headers, and
every documented parameter does what it says (tests/api/checks.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from sqlalchemy import Engine

from api.endpoints import ENDPOINTS, openapi_document
from tests.api.checks import CHECKS, exercise, filled

DOC = openapi_document()
OPERATIONS = [(path, item["get"]) for path, item in DOC["paths"].items()]
PARAMETERS = [(path, op, p) for path, op in OPERATIONS for p in op["parameters"]]


def schema_of(op: dict[str, Any], mime: str) -> dict[str, Any] | None:
    content = op["responses"]["200"]["content"].get(mime)
    if content is None or content["schema"].get("type") != "object":
        return None
    return {**content["schema"], "components": DOC["components"]}


def check_answer(server: Any, path: str, op: dict[str, Any]) -> None:
    url = filled(path, op["parameters"])
    resp = server.get(url)
    assert resp.status_code == 200, (url, resp.status_code, resp.text[:300])
    headers = resp.headers
    assert headers["X-Content-Type-Options"] == "nosniff", url
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], url
    assert headers["ETag"].startswith('W/"b') and "max-age" in headers["Cache-Control"], url
    again = server.get(url, headers={"If-None-Match": headers["ETag"]})
    assert again.status_code == 304 and again.content == b"", url
    assert again.headers["ETag"] == headers["ETag"]
    mime = headers["Content-Type"].split(";")[0]
    schema = schema_of(op, mime)
    if mime == "application/json":
        assert schema is not None, url
        errors = list(Draft202012Validator(schema).iter_errors(resp.json()))
        assert errors == [], (url, [e.message for e in errors[:3]])


def test_the_openapi_document_validates_and_lists_every_endpoint() -> None:
    validate(DOC)
    assert {op["operationId"] for _, op in OPERATIONS} == {e.name for e in ENDPOINTS}
    assert all(p.get("example") is not None for _, _, p in PARAMETERS), "a parameter has no example"


def test_the_served_document_is_the_same_and_validates(served: Any) -> None:
    served_doc = served.json("/api/v1/openapi.json")
    validate(served_doc)
    assert served_doc == DOC


def test_every_documented_parameter_has_a_check() -> None:
    missing = sorted({p["name"] for _, _, p in PARAMETERS} - set(CHECKS))
    assert missing == []


def test_every_endpoint_and_parameter_on_a_served_store(
        store_engine: Engine, serve_store: Callable[..., Any]) -> None:
    """PostGIS and SQLite: every endpoint with its defaults, then each parameter alone."""
    with serve_store(store_engine) as server:
        for path, op in OPERATIONS:
            check_answer(server, path, op)
        for path, op, param in PARAMETERS:
            exercise(server, path, op["parameters"], param)


@pytest.mark.parametrize(("path", "op", "param"), PARAMETERS,
                         ids=[f"{op['operationId']}-{p['name']}" for _, op, p in PARAMETERS])
def test_each_documented_parameter_alone(served: Any, path: str, op: dict[str, Any],
                                         param: dict[str, Any]) -> None:
    """The same checks one by one (a failure names its endpoint and parameter)."""
    exercise(served, path, op["parameters"], param)


def test_the_check_of_a_parameter_can_fail(served: Any) -> None:
    """A check that sees rows the parameter should have removed fails."""
    resp = served.get("/api/v1/values?sex=female")
    with pytest.raises(AssertionError):
        CHECKS["sex"](resp, ["male"], served)
    with pytest.raises(AssertionError):
        CHECKS["indicator"](served.get("/api/v1/values?limit=50"), ["unemployment"], served)
