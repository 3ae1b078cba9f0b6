"""/healthz: 200 with the batch id when the store answers at this code's schema; 503 with
the reason (and Retry-After) when it cannot be read or its schema is not the current one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from dashboard.app import create_app
from dashboard.model import Atlas
from store.engine import make_engine


def _health(url: str) -> Any:
    return create_app(Atlas(make_engine(url))).server.test_client().get("/healthz")


@pytest.fixture(autouse=True)
def _no_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)


def test_a_healthy_store(demo_store: Path, demo_facts: dict[str, Any]) -> None:
    resp = _health(f"sqlite:///{demo_store}")
    assert resp.status_code == 200 and resp.headers["Cache-Control"] == "no-store"
    assert resp.get_json() == {
        "status": "ok", "compressing": 0, "cache": {"backend": "memory"},
        "store": {"reachable": True, "schema": "current", "batch_id": demo_facts["batch"]}}


def test_an_unreachable_store_is_503(tmp_path: Path) -> None:
    resp = _health(f"sqlite:///file:{tmp_path / 'missing.sqlite'}?mode=ro&uri=true")
    assert resp.status_code == 503 and resp.headers["Retry-After"].isdigit()
    body = resp.get_json()
    assert body["status"] == "unavailable" and body["store"]["reachable"] is False
    assert body["store"]["error"] == "OperationalError"  # the kind only: no path leaves the server


def test_a_store_behind_this_codes_schema_is_503(sqlite_engine: Any) -> None:
    with sqlite_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    resp = _health(sqlite_engine.url.render_as_string())
    assert resp.status_code == 503
    assert resp.get_json()["store"] == {"reachable": True, "schema": "behind", "batch_id": None}


def test_an_empty_store_at_the_current_schema_is_healthy(sqlite_engine: Any) -> None:
    resp = _health(sqlite_engine.url.render_as_string())
    assert resp.status_code == 200 and resp.get_json()["store"]["batch_id"] is None


@pytest.mark.redis
def test_redis_is_reported_but_does_not_decide(demo_store: Path, redis_url: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    resp = _health(f"sqlite:///{demo_store}")
    assert resp.status_code == 200
    assert resp.get_json()["cache"] == {"backend": "redis", "reachable": True}
