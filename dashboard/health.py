"""``/healthz``: can this worker serve? For a load balancer, a process manager or a person.

200 when the store answers and its schema is the one this code reads; 503 (with
``Retry-After``) otherwise. The JSON says what was found:

    {"status": "ok", "store": {"reachable": true, "schema": "current", "batch_id": 7},
     "cache": {"backend": "redis", "reachable": true}, "compressing": 0, "warm": true}

Redis being down does not make a worker unhealthy (pages are served without the shared
cache); ``compressing`` counts static files still waiting for their best compression, and
``warm`` (under `wellbeing serve`) turns true once this process has read the store, built
its tables and compressed its scripts.
The answer names no address (of the store or of Redis): the log has the details. The
check reads two small things from the store (the schema revision and the latest
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
WARM_KEY = "atlas_warm"  # in ``app.extensions``: False while `wellbeing serve` warms this process


def store_health() -> dict[str, Any]:
    """Whether the store answers, its schema state and its latest load batch."""
    try:
        engine = current_atlas().engine
        schema = schema_state(engine)
        batch = latest_batch_id(engine) if schema == "current" else None
    except Exception as exc:  # down, locked, a bad address: the log says which, the answer
        # names only the kind (no host, port or path of the store leaves the server)
        log.warning("health check: the store cannot be read (%s: %s)", type(exc).__name__,
                    str(exc).splitlines()[0][:300] if str(exc) else "")
        return {"reachable": False, "error": type(exc).__name__}
    return {"reachable": True, "schema": schema, "batch_id": batch}


def healthz() -> flask.Response:
    store = store_health()
    healthy = bool(store["reachable"]) and store.get("schema") == "current"
    cache = cache_of(flask.current_app)
    body = {"status": "ok" if healthy else "unavailable", "store": store,
            "cache": cache.status() if cache is not None else {"backend": "off"},
            "compressing": statics_pending(flask.current_app)}
    if WARM_KEY in flask.current_app.extensions:
        body["warm"] = bool(flask.current_app.extensions[WARM_KEY]) and not body["compressing"]
    resp = flask.jsonify(body)
    resp.status_code = 200 if healthy else 503
    resp.headers["Cache-Control"] = "no-store"
    if not healthy:
        resp.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return resp


def install(app: flask.Flask) -> None:
    app.add_url_rule(PATH, "healthz", healthz, methods=["GET", "HEAD"])
