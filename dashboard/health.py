"""``/healthz``: can this worker serve? For a load balancer, a process manager or a person.

200 when the store answers and its schema is the one this code reads; 503 (with
``Retry-After``) otherwise. The JSON says what was found:

    {"status": "ok", "store": {"reachable": true, "schema": "current", "batch_id": 7},
     "cache": {"backend": "redis", "url": "redis://cache:6379/0", "reachable": true},
     "compressing": 0}

Redis being down does not make a worker unhealthy (pages are served without the shared
cache); ``compressing`` counts static files still waiting for their best compression.
The check reads two small things from the store (the schema revision and the latest
batch id), never the snapshot, and is never cached.
"""

from __future__ import annotations

import logging
from typing import Any

import flask

from dashboard.context import current_atlas
from dashboard.delivery import statics_pending
from dashboard.hardening import RETRY_AFTER_SECONDS
from dashboard.payloads import cache_of
from store.migrate import schema_state
from store.read import latest_batch_id

log = logging.getLogger("dashboard")
PATH = "/healthz"


def store_health() -> dict[str, Any]:
    """Whether the store answers, its schema state and its latest load batch."""
    try:
        engine = current_atlas().engine
        schema = schema_state(engine)
        batch = latest_batch_id(engine) if schema == "current" else None
    except Exception as exc:  # down, locked, a bad address: the answer says which
        reason = str(exc).splitlines()[0][:200] if str(exc) else ""
        return {"reachable": False, "error": f"{type(exc).__name__}: {reason}"}
    return {"reachable": True, "schema": schema, "batch_id": batch}


def healthz() -> flask.Response:
    store = store_health()
    healthy = bool(store["reachable"]) and store.get("schema") == "current"
    cache = cache_of(flask.current_app)
    body = {"status": "ok" if healthy else "unavailable", "store": store,
            "cache": cache.status() if cache is not None else {"backend": "off"},
            "compressing": statics_pending(flask.current_app)}
    resp = flask.jsonify(body)
    resp.status_code = 200 if healthy else 503
    resp.headers["Cache-Control"] = "no-store"
    if not healthy:
        log.info("health check: %s", body["store"])
        resp.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return resp


def install(app: flask.Flask) -> None:
    app.add_url_rule(PATH, "healthz", healthz, methods=["GET", "HEAD"])
