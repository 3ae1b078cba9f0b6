"""A light first visit: compressed responses, and a year of browser caching for whatever
has a fingerprint in its address.

- **Static files** (Dash's component bundles, Plotly, ``/assets/``, the map geometry) are
  compressed once at the best level (brotli 11, gzip 9) and kept in the shared cache, so
  every worker sends the same smallest bytes; until that is done (a few seconds for
  Plotly, in a background thread) they go out at a quick level.
- **Everything else** of a text type (the page, Dash's layout and dependencies, callback
  JSON) is compressed on the fly by Flask-Compress (brotli 4, else gzip 6). The read API
  compresses its own answers and is left alone.
- **Fingerprinted addresses** (Dash's ``name.v1_2_3m1700000000.js``, ``/assets/x.css?m=...``,
  the favicon's ``?v=``) get ``Cache-Control: public, max-age=31536000, immutable``.
- **Plotly** is loaded by one fingerprinted ``<script>`` in the page: the browser fetches
  it with the app's bundles, instead of after the first graph's layout has arrived (Dash's
  default), and caches it for a year. It is the atlas's partial bundle
  (``assets/plotly-atlas.min.js``, built by ``make plotly-bundle`` from
  dashboard/plotly_bundle/: plotly.js core and the trace types the figures draw, 1.4 MB
  instead of 4.8), or plotly.py's full bundle when a tile base map
  (``WELLBEING_TILE_URL``) needs the MapLibre traces (``choroplethmap``, ``scattermap``) or
  ``WELLBEING_PLOTLY=full`` asks for it (a benchmark's baseline).

- **Less JavaScript before the map** (``first_scripts``, the page's ``{%scripts%}``): of
  Dash's @babel/polyfill (core-js 2, for browsers older than React 18 supports; running it
  took 50–80 ms of a first visit in Chromium) the page loads only the regenerator runtime
  that dcc's lazy loading calls (``/_atlas/regenerator-runtime.js``, cut out of that
  bundle); no page draws a DataTable, so dash_table's bundle is left out; and Plotly (with
  its locales) comes last, so the browser runs React, Dash and dcc while the largest file
  is still arriving.

``WELLBEING_COMPRESS=0`` turns compression off (a benchmark's baseline, or a proxy that
compresses).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import logging
import os
import queue
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import brotli
import dash
import flask
import plotly
from dash.fingerprint import build_fingerprint, check_fingerprint
from flask_compress import Compress

import settings
from dashboard.cache import Cache

log = logging.getLogger("dashboard")
YEAR = "public, max-age=31536000, immutable"
RUNTIME_PATH = "/_atlas/regenerator-runtime.js"  # the part of Dash's polyfill the page needs
STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/", "/geo/", RUNTIME_PATH)
MIMETYPES = ["text/html", "text/css", "text/plain", "text/javascript", "application/javascript",
             "application/json", "application/geo+json", "image/svg+xml", "image/x-icon",
             "image/vnd.microsoft.icon"]
MIN_BYTES = 500
SMALL_BYTES = 64 * 1024  # a static file this small is compressed at the best level at once
BEST: dict[str, Callable[[bytes], bytes]] = {
    "br": lambda data: brotli.compress(data, quality=11, lgwin=22),
    "gzip": lambda data: gzip.compress(data, 9, mtime=0),
}
QUICK: dict[str, Callable[[bytes], bytes]] = {
    "br": lambda data: brotli.compress(data, quality=5, lgwin=22),
    "gzip": lambda data: gzip.compress(data, 6, mtime=0),
}
PLOTLY_PATH = "package_data/plotly.min.js"  # plotly.py's full bundle, every trace type
PLOTLY_BUNDLE = Path(__file__).resolve().parent / "assets" / "plotly-atlas.min.js"
PLOTLY_BUNDLE_IGNORE = re.escape(PLOTLY_BUNDLE.name) + "$"  # Dash's assets_ignore: one script, ours
TILE_MAP_TRACES = frozenset({"choroplethmap", "scattermap"})
POLYFILL_GLOB = "deps/polyfill@*.min.js"  # Dash's @babel/polyfill: core-js 2 + regenerator-runtime
TAG = re.compile(r"<script\b.*?</script>", re.DOTALL)
SRC = re.compile(r'<script src="([^"]+)"')
LEFT_OUT = ("/_dash-component-suites/dash/dash_table/",)  # no page draws a DataTable


def enabled() -> bool:
    return settings.get("WELLBEING_COMPRESS").strip().lower() not in ("0", "false", "no", "off")


def full_plotly() -> bool:
    """Whether the page loads plotly.py's full bundle: ``WELLBEING_PLOTLY=full`` (a
    benchmark's baseline), or a tile base map, whose MapLibre traces the partial bundle
    leaves out."""
    chosen = settings.get("WELLBEING_PLOTLY").strip().lower()
    if chosen not in ("partial", "full"):
        raise ValueError(f"WELLBEING_PLOTLY is {chosen!r}: set it to partial (the default) or full")
    return chosen == "full" or bool(settings.get("WELLBEING_TILE_URL").strip())


def plotly_script(prefix: str = "/") -> str:
    """The fingerprinted address of the Plotly bundle the page loads: the partial bundle in
    ``/assets/`` (``?m=`` its content's digest), or the full one as Dash serves its files."""
    if not full_plotly():
        return f"{prefix}assets/{PLOTLY_BUNDLE.name}?m={_bundle_digest(PLOTLY_BUNDLE)}"
    mtime = int(os.stat(Path(plotly.__file__).parent / PLOTLY_PATH).st_mtime)
    return f"{prefix}_dash-component-suites/plotly/{build_fingerprint(PLOTLY_PATH, plotly.__version__, mtime)}"


@functools.cache
def _bundle_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@functools.cache
def regenerator_runtime() -> bytes | None:
    """regenerator-runtime alone (MIT licence, Facebook), cut out of Dash's @babel/polyfill:
    dcc's lazy loading calls the global ``regeneratorRuntime``, and nothing else of that
    bundle is missing in today's browsers. None (and a warning) when the bundle is not shaped
    as expected, one browserify module requiring nothing that sets the global: the page then
    loads the whole polyfill, as Dash does."""
    found = sorted(Path(dash.__file__).parent.glob(POLYFILL_GLOB))
    text = found[0].read_text("utf-8") if len(found) == 1 else ""
    at = text.find("regeneratorRuntime=")
    start, end = text.rfind(":[function(", 0, at), text.find("},{}]", at)  # {}: it requires nothing
    factory = text[start + 2:end + 1]
    if (text.count("regeneratorRuntime=") != 1 or start < 0 or end < 0 or ":[function(" in factory
            or not factory.startswith("function(")):
        log.warning("no regenerator runtime found in Dash's %s: the page loads the whole polyfill",
                    found[0].name if found else POLYFILL_GLOB)
        return None
    banner = (f"/* regenerator-runtime (MIT licence, Copyright (c) 2014-present, Facebook, Inc.), "
              f"as Dash's {found[0].name} bundles it */\n")
    return (banner + f"({factory})(undefined,{{exports:{{}}}},{{}});\n").encode()


@functools.cache
def _runtime_digest() -> str:
    return hashlib.sha256(regenerator_runtime() or b"").hexdigest()[:16]


def runtime_script(prefix: str = "/") -> str | None:
    """The fingerprinted address of ``regenerator_runtime`` (None: the page keeps the polyfill)."""
    return None if regenerator_runtime() is None else f"{prefix}{RUNTIME_PATH[1:]}?m={_runtime_digest()}"


def first_scripts(scripts: str, prefix: str = "/") -> str:
    """The script tags of Dash's page, lighter (the module's docstring): the polyfill replaced by
    the regenerator runtime, dash_table's bundle left out, and Plotly (with its locales, which
    register with it) after every other file; the inline scripts stay at the end."""
    return _first_scripts(scripts, prefix, plotly_script(prefix), runtime_script(prefix))


@functools.lru_cache(maxsize=16)  # every page shell asks with the same scripts and settings
def _first_scripts(scripts: str, prefix: str, plotly: str, runtime: str | None) -> str:
    files: list[str] = []
    after: list[str] = []
    inline: list[str] = []
    for tag in TAG.findall(scripts):
        src = SRC.match(tag)
        if src is None:
            inline.append(tag)
        elif src.group(1).startswith(tuple(prefix + p[1:] for p in LEFT_OUT)):
            continue
        elif runtime is not None and "/dash/deps/polyfill@" in src.group(1):
            files.append(tag.replace(src.group(1), runtime))
        elif src.group(1) == plotly or src.group(1).startswith(f"{prefix}assets/plotly-locale-"):
            after.append(tag)
        else:
            files.append(tag)
    return "\n".join([*files, *after, *inline])


def _runtime() -> flask.Response:
    body = regenerator_runtime()
    if body is None:
        flask.abort(404)
    resp = flask.Response(body, mimetype="application/javascript")
    resp.set_etag(_runtime_digest())
    resp.make_conditional(flask.request)
    return resp


def bundle_traces(path: Path = PLOTLY_BUNDLE) -> frozenset[str]:
    """The trace types registered in the partial bundle, as its banner lists them
    (``* traces: bar, choropleth, ...``, written by dashboard/plotly_bundle/build.mjs)."""
    head = path.read_bytes()[:2000].decode("utf-8", "replace")
    found = re.search(r"^\* traces: ([a-z0-9, ]+)$", head, re.MULTILINE)
    if found is None:
        raise ValueError(f"{path} names no trace types in its banner: rebuild it with `make plotly-bundle`")
    return frozenset(t.strip() for t in found.group(1).split(","))


def accepted(header: str) -> str | None:
    """The encoding to use for a client's ``Accept-Encoding``: brotli, else gzip (``q=0``
    refuses one)."""
    offered: dict[str, float] = {}
    for part in header.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            offered[name.strip()] = float(quality)
        except ValueError:
            offered[name.strip()] = 1.0
    return next((name for name in ("br", "gzip") if offered.get(name, 0.0) > 0), None)


class Precompressor:
    """Static files compressed once at the best level, shared through the cache."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self._jobs: queue.Queue[tuple[str, bytes, str]] = queue.Queue()
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def compressed(self, key: str, data: bytes, encoding: str) -> bytes:
        """``data`` in ``encoding``: the best-level bytes when they are ready, else quick ones."""
        best = self.cache.get(key)
        if best is not None:
            return best
        if len(data) <= SMALL_BYTES:
            best = BEST[encoding](data)
            self.cache.set(key, best)
            return best
        self._schedule(key, data, encoding)
        return QUICK[encoding](data)

    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    def join(self) -> None:
        """Wait until every scheduled job is done."""
        self._jobs.join()

    def _schedule(self, key: str, data: bytes, encoding: str) -> None:
        with self._lock:
            if key in self._pending:
                return
            self._pending.add(key)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="atlas-compress", daemon=True)
                self._thread.start()
        self._jobs.put((key, data, encoding))

    def _work(self) -> None:
        while True:
            key, data, encoding = self._jobs.get()
            try:
                if self.cache.get(key) is None and self.cache.claim(key):
                    self.cache.set(key, BEST[encoding](data))
            except Exception:  # never let a compression job take the thread down
                log.exception("compressing %s failed", key)
            finally:
                with self._lock:
                    self._pending.discard(key)
                self._jobs.task_done()


def _fingerprinted(request: flask.Request) -> bool:
    path = request.path
    if path.startswith("/_dash-component-suites/"):
        return check_fingerprint(path.split("/", 3)[-1])[1]
    if path.startswith("/assets/") or path == RUNTIME_PATH:
        return "m" in request.args
    return path == "/_favicon.ico" and "v" in request.args


def _cache_control(resp: flask.Response) -> flask.Response:
    if resp.status_code in (200, 304) and _fingerprinted(flask.request):
        resp.headers["Cache-Control"] = YEAR
    return resp


def _static(precompressor: Precompressor) -> Callable[[flask.Response], flask.Response]:
    """An ``after_request`` hook sending static files compressed at the best level."""

    def hook(resp: flask.Response) -> flask.Response:
        request = flask.request
        if (request.method != "GET" or resp.status_code != 200
                or not request.path.startswith(STATIC_PREFIXES)
                or resp.mimetype not in MIMETYPES or "Content-Encoding" in resp.headers):
            return resp
        encoding = accepted(request.headers.get("Accept-Encoding", ""))
        _vary(resp)
        if encoding is None:
            return resp
        resp.direct_passthrough = False
        data = resp.get_data()
        if len(data) < MIN_BYTES:
            return resp
        etag, weak = resp.get_etag()
        key = precompressor.cache.key("static", encoding, request.path, etag or len(data))
        resp.set_data(precompressor.compressed(key, data, encoding))
        resp.headers["Content-Encoding"] = encoding
        if etag and not weak:
            resp.set_etag(f"{etag}:{encoding}")
        resp.make_conditional(request)
        return resp

    return hook


def _vary(resp: flask.Response) -> None:
    vary = resp.headers.get("Vary", "")
    if "accept-encoding" not in vary.lower():
        resp.headers["Vary"] = f"{vary}, Accept-Encoding" if vary else "Accept-Encoding"


def _dynamic(compress: Compress) -> Callable[[flask.Response], flask.Response]:
    """Flask-Compress for everything but the read API (which compresses its own answers)."""

    def hook(resp: flask.Response) -> flask.Response:
        if flask.request.path.startswith("/api/"):
            return resp
        return compress.after_request(resp)

    return hook


def install(app: flask.Flask, cache: Cache) -> Precompressor | None:
    """Compression (unless ``WELLBEING_COMPRESS=0``) and Cache-Control on ``app``. The hooks
    run in the reverse order of registration: static files first, then the rest. Also serves
    the regenerator runtime the page loads instead of Dash's polyfill."""
    app.add_url_rule(RUNTIME_PATH, "regenerator_runtime", _runtime)
    app.after_request(_cache_control)
    if not enabled():
        return None
    app.config.update(COMPRESS_REGISTER=False, COMPRESS_ALGORITHM=["br", "gzip"],
                      COMPRESS_MIMETYPES=MIMETYPES, COMPRESS_BR_LEVEL=4, COMPRESS_LEVEL=6,
                      COMPRESS_MIN_SIZE=MIN_BYTES, COMPRESS_STREAMS=False)
    compress = Compress()
    compress.init_app(app)
    precompressor = Precompressor(cache)
    app.after_request(_dynamic(compress))
    app.after_request(_static(precompressor))
    app.extensions["atlas_precompressor"] = precompressor
    return precompressor


def warm_static(app: flask.Flask, urls: list[str]) -> None:
    """Ask for ``urls`` once with each encoding, so their best-level bytes get made now."""
    client = app.test_client()
    for url in urls:
        for encoding in BEST:
            client.get(url, headers={"Accept-Encoding": encoding})


def page_assets(html: str) -> list[str]:
    """The scripts and style sheets a page links (its own addresses only)."""
    return [m for m in re.findall(r'(?:src|href)="(/[^"]+)"', html)
            if m.startswith(("/_dash-component-suites/", "/assets/", RUNTIME_PATH))]


def statics_pending(app: flask.Flask) -> int:
    """Static files still waiting for their best-level compression (for /healthz)."""
    pre: Any = app.extensions.get("atlas_precompressor")
    return pre.pending() if isinstance(pre, Precompressor) else 0
