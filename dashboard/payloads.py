"""Callback answers kept in the shared cache, per load batch.

A callback's answer is a function of its request body and of the load batch it reads (no
callback reads cookies or headers), so the same request in the same batch gets the stored
bytes: page layouts (the pages router), map recolours, charts, and profile downloads (a
PDF is rendered once per area, language and batch, by whichever worker is asked first).

Not stored: anything but a 200 JSON answer; an answer whose making logged a warning or an
error in the ``dashboard`` logger (a store-outage banner, a refused input, a failed
layout); a request made while the store's version cannot be read; and the pages in
``FRESH_PAGES``, which read something besides the batch (the About page lists every load,
failed ones too).
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

import flask

from dashboard.cache import Cache
from dashboard.context import current_atlas
from dashboard.hardening import CALLBACK_PATH, ROUTER_ID

log = logging.getLogger("dashboard")
HEADER = "X-Atlas-Cache"
FRESH_PAGES = ("/about",)
CACHE_KEY = "atlas_cache"  # in ``app.extensions``


class _Taint(logging.Filter):
    """Marks the running request as not to be cached when the dashboard logs a warning
    (a filter that lets every record through: it changes nothing of the logging)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING and flask.has_request_context():
            flask.g.atlas_tainted = True
        return True


_TAINT = _Taint()


def cache_of(app: flask.Flask) -> Cache | None:
    cache = app.extensions.get(CACHE_KEY)
    return cache if isinstance(cache, Cache) else None


def _router_path(body: dict[str, Any]) -> str | None:
    """The page path a router callback asks for (None for other callbacks)."""
    for item in body.get("inputs") or []:
        if isinstance(item, dict) and item.get("id") == ROUTER_ID and item.get("property") == "pathname":
            return str(item.get("value"))
    return None


def _lookup() -> flask.Response | None:
    """Before a callback: answer from the cache, or note the key to store the answer under."""
    cache = cache_of(flask.current_app)
    if cache is None or flask.request.path != CALLBACK_PATH or flask.request.method != "POST":
        return None
    data = flask.request.get_data(cache=True)
    try:
        body = json.loads(data)
        if not isinstance(body, dict) or _router_path(body) in FRESH_PAGES:
            return None
        batch = current_atlas().version()
    except Exception:  # a malformed body is refused elsewhere; the store down: not cached
        return None
    key = cache.key(batch, "callback", hashlib.sha256(data).hexdigest())
    hit = cache.get(key)
    if hit is not None:
        resp = flask.Response(hit, mimetype="application/json")
        resp.headers[HEADER] = "hit"
        return resp
    flask.g.atlas_payload_key = key
    return None


def _store(resp: flask.Response) -> flask.Response:
    """After a callback: keep a clean 200 JSON answer under the key noted before it."""
    key = flask.g.pop("atlas_payload_key", None)
    cache = cache_of(flask.current_app)
    if key is None or cache is None:
        return resp
    if (resp.status_code == 200 and resp.mimetype == "application/json" and not resp.is_streamed
            and "Content-Encoding" not in resp.headers and not flask.g.get("atlas_tainted")):
        cache.set(key, resp.get_data())
        resp.headers[HEADER] = "miss"
    return resp


def install(app: flask.Flask, cache: Cache | None) -> None:
    """Cache ``app``'s callback answers in ``cache`` (None: no caching)."""
    app.extensions[CACHE_KEY] = cache
    dashboard_log = logging.getLogger("dashboard")
    if _TAINT not in dashboard_log.filters:
        dashboard_log.addFilter(_TAINT)
    app.before_request(_lookup)
    app.after_request(_store)
