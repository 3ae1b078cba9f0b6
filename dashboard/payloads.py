"""Callback answers kept in the shared cache, per load batch.

A callback's answer is a function of its request body and of the load batch it reads (no
callback reads cookies or headers), so the same request in the same batch gets the stored
bytes: page layouts (the pages router), map recolours, charts, and profile downloads.
The key is the body as data, not its bytes (``request_key``): a browser's JSON and a
script's differ in spacing, and a page asked for through the router is keyed by its path,
its query parameters as Dash parses them (in any order) and its state. Profile files are
kept by what they are (``profile_file``: batch, area, format, language), so a download
is rendered once per batch by whichever worker (or ``dashboard.prerender``) is first,
whatever else the click's request carries.

A kept answer goes out compressed as the client accepts (brotli, else gzip), its
compressed bytes kept beside it, so a hit is not compressed again.

``X-Atlas-Cache`` says ``hit`` (the answer was kept), ``file-hit`` (made now from a kept
profile file) or ``miss``.

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
from urllib.parse import parse_qs

import flask

from dashboard import delivery
from dashboard.cache import Cache
from dashboard.context import current_atlas, current_registry
from dashboard.hardening import CALLBACK_PATH, ROUTER_ID
from dashboard.model import Atlas
from dashboard.profile_rows import profile_table, spines
from store.cities import city_of

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


def request_key(body: dict[str, Any]) -> str:
    """The digest an answer to ``body`` is kept under: the body as compact JSON; for the
    pages router, its query string parsed as Dash parses it (``parse_qs``, keys sorted),
    so ``?lang=sv&indicator=x`` and ``?indicator=x&lang=sv`` are one page."""
    form: Any = body
    if _router_path(body) is not None:
        inputs = [_query(i) if isinstance(i, dict) and i.get("property") == "search" else i
                  for i in body.get("inputs") or []]
        form = {"output": body.get("output"), "inputs": inputs, "state": body.get("state")}
    text = json.dumps(form, separators=(",", ":"), ensure_ascii=False, sort_keys=form is not body)
    return hashlib.sha256(text.encode()).hexdigest()


def _query(item: dict[str, Any]) -> dict[str, Any]:
    search = str(item.get("value") or "")
    parsed = parse_qs(search[1:], keep_blank_values=True) if search.startswith("?") else {}
    return {**item, "value": sorted(parsed.items())}


def scope(atlas: Atlas) -> str:
    """The part of a cache key naming the atlas's city ("" for the store's own): two cities
    of a many-city store can be at the same load batch."""
    return city_of(atlas.engine) or ""


def profile_file(atlas: Atlas, code: str, fmt: str, lang: str,
                 cache: Cache | None = None) -> tuple[bytes, str, str]:
    """An area's profile as ``wellbeing export profile`` writes it: (content, file name, MIME
    type), rendered once per load batch, area, format and language and kept in ``cache``
    (default: the running app's)."""
    from reports import render_profile  # fpdf2 and matplotlib: loaded on first download

    if cache is None and flask.has_app_context():
        cache = cache_of(flask.current_app)
    with atlas.pinned():  # the snapshot and the area's rows of the table from one load batch
        snapshot = atlas.snapshot()
        key = cache.key(scope(atlas), snapshot.batch_id, "profile", fmt, lang, code) if cache is not None else None
        hit = cache.get(key) if cache is not None and key is not None else None
        if hit is None:  # made of the rows the profile needs, never the whole table
            content, filename, mime = render_profile(snapshot, profile_table(atlas, code), code,
                                                     fmt, lang, spines=spines(atlas))
    if hit is not None:
        if flask.has_request_context():
            flask.g.atlas_file_hit = True  # the answer is made of a kept file: say so (HEADER)
        name, kind, kept = hit.split(b"\n", 2)
        return kept, name.decode(), kind.decode()
    if cache is not None and key is not None and "\n" not in filename + mime:
        cache.set(key, b"\n".join([filename.encode(), mime.encode(), content]))
    return content, filename, mime


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
        atlas = current_atlas()
        batch = atlas.version()
    except Exception:  # a malformed body is refused elsewhere; the store down: not cached
        return None
    cities = current_registry().state()  # the registry's: a city's load changes /cities, headers
    key = cache.key(scope(atlas), batch, *cities, "callback", request_key(body))
    hit = cache.get(key)
    if hit is not None:
        return _answer(cache, key, hit)
    flask.g.atlas_payload_key = key
    return None


def _answer(cache: Cache, key: str, hit: bytes) -> flask.Response:
    """A kept answer, in the encoding the client accepts: compressed once per key and kept
    beside it (a map page's 590 kB compressed on every hit took 5 ms, 90 % of its answer)."""
    resp = flask.Response(hit, mimetype="application/json")
    resp.headers[HEADER] = "hit"
    encoding = delivery.accepted(flask.request.headers.get("Accept-Encoding", "")) \
        if delivery.enabled() and len(hit) >= delivery.MIN_BYTES else None
    if encoding is None:
        return resp
    packed = cache.get(f"{key}:{encoding}")
    if packed is None:
        packed = delivery.QUICK[encoding](hit)
        cache.set(f"{key}:{encoding}", packed)
    resp.set_data(packed)
    resp.headers["Content-Encoding"] = encoding
    resp.headers["Vary"] = "Accept-Encoding"
    return resp


def _store(resp: flask.Response) -> flask.Response:
    """After a callback: keep a clean 200 JSON answer under the key noted before it."""
    key = flask.g.pop("atlas_payload_key", None)
    cache = cache_of(flask.current_app)
    if key is None or cache is None:
        return resp
    if (resp.status_code == 200 and resp.mimetype == "application/json" and not resp.is_streamed
            and "Content-Encoding" not in resp.headers and not flask.g.get("atlas_tainted")):
        cache.set(key, resp.get_data())
        resp.headers[HEADER] = "file-hit" if flask.g.get("atlas_file_hit") else "miss"
    return resp


def install(app: flask.Flask, cache: Cache | None) -> None:
    """Cache ``app``'s callback answers in ``cache`` (None: no caching)."""
    app.extensions[CACHE_KEY] = cache
    dashboard_log = logging.getLogger("dashboard")
    if _TAINT not in dashboard_log.filters:
        dashboard_log.addFilter(_TAINT)
    app.before_request(_lookup)
    app.after_request(_store)
