"""Pre-rendering after a load: the area profiles made before anyone asks for them.

What is slow under many users is what is rendered for the first time in a load batch (a
profile page, a PDF); a hit in the payload cache answers in milliseconds. So when a
serving process sees a new load batch, one background thread renders into the payload
cache (``dashboard.payloads``) the map page and, for the areas ``WELLBEING_PRERENDER``
names (``prioritized``, ``all`` or ``off``), each area's profile page and PDF profile in
every language: prioritized areas first, pages before PDFs.

It runs at low priority: before each item it waits (up to ``BUSY_WAIT_SECONDS``) until
this process serves no request, and it pauses between items. A page is made through the
app itself (a request to its own test client, exactly the bytes a visitor gets); a PDF
through ``payloads.profile_file``. A failed item is logged and skipped, never a visitor's
error. It stops when the batch changes (and starts on the new one).

With Redis (``REDIS_URL``) the workers share the cache, so one worker does the work: the
first to claim the batch (``SET NX`` with an expiry, renewed after every item, so a worker
killed midway hands the rest to another one when the claim lapses); the others see the
batch's done mark. Without Redis every process has its own cache and warms it itself;
Redis down counts as without Redis (``Cache.claim``).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import flask

import settings
from dashboard.cache import Cache
from dashboard.context import current_atlas, current_registry
from dashboard.hardening import CALLBACK_PATH, ROUTER_ID
from dashboard.model import Atlas
from dashboard.payloads import cache_of, profile_file, scope
from dashboard.selection import pick_indicator
from dashboard.urls import CITY, area_path, href
from settings.languages import LANGS

log = logging.getLogger("dashboard.prerender")  # its warnings never mark a request (payloads)
MODES = ("prioritized", "all", "off")
POLL_SECONDS = 10.0  # how often the store's load batch is checked
LOCK_SECONDS = 120  # a claim lapses this long after the last item of a worker that died
BUSY_WAIT_SECONDS = 2.0  # at most this long waiting for a moment without requests
PAUSE_SECONDS = 0.005  # between items (the idle wait before each is what yields)
ENVIRON_KEY = "atlas.prerender"  # marks the pre-renderer's own requests
KEY = "atlas_prerender"  # in ``app.extensions``


def mode() -> str:
    """``WELLBEING_PRERENDER``, checked."""
    value = settings.get("WELLBEING_PRERENDER").strip().lower()
    if value not in MODES:
        raise ValueError(f"WELLBEING_PRERENDER={value!r} is not a mode. Valid: {', '.join(MODES)}.")
    return value


@dataclass(frozen=True)
class Item:
    """One payload to make: a page (path and query string) or an area's PDF profile."""

    kind: str  # "page" or "profile"
    path: str
    lang: str
    search: str = ""
    code: str = ""


class Busy:
    """WSGI middleware counting the requests in flight (the pre-renderer's own not counted)."""

    def __init__(self, wsgi: Callable[..., Any]) -> None:
        self.wsgi, self.count, self._lock = wsgi, 0, threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get(ENVIRON_KEY):
            return self.wsgi(environ, start_response)
        with self._lock:
            self.count += 1
        try:
            return self.wsgi(environ, start_response)
        finally:
            with self._lock:
                self.count -= 1


def plan(atlas: Atlas, which: str) -> list[Item]:
    """What to render, in order: the map page, then per group of areas (the prioritized
    ones, then with ``all`` the rest) their profile pages, then their PDFs, each in every
    language. A page is asked as links give it: ``?lang=..`` and with the map's default
    indicator (the link from the map)."""
    if which == "off":
        return []
    prioritized = [str(c) for c in atlas.prioritized().index]
    groups = [prioritized]
    if which == "all":
        groups.append([str(c) for c in atlas.areas().index if str(c) not in set(prioritized)])
    default = pick_indicator(atlas, None)
    items = [Item("page", "/", lang, href("", lang)) for lang in LANGS]
    for codes in groups:
        for code in codes:
            for lang in LANGS:
                searches = dict.fromkeys([href("", lang), href("", lang, indicator=default)])
                items += [Item("page", area_path(code), lang, s, code) for s in searches]
        items += [Item("profile", area_path(code), lang, code=code) for code in codes for lang in LANGS]
    return items


class Prerenderer:
    """The background thread of one serving process (``start``)."""

    def __init__(self, app: flask.Flask, atlas: Atlas, cache: Cache, which: str, busy: Busy | None = None,
                 city: str | None = None, stop: threading.Event | None = None):
        self.app, self.atlas, self.cache, self.which, self.busy = app, atlas, cache, which, busy
        self.city = city  # a keyed city of a many-city store (None: the store's own)
        self.stop = stop or threading.Event()
        self.done: dict[int | None, dict[str, Any]] = {}  # batch → what was made (or found done)
        self.cities: dict[str, Prerenderer] = {}  # the store's keyed cities' (the own city's only)
        self._router: str | None = None
        self._store_down = False

    # --- the loop ----------------------------------------------------------------------------
    def run(self) -> None:
        """Until stopped: whenever the store's batch (or a keyed city's) is new to this
        process, render it; the store's own city first, then each city of the registry."""
        while not self.stop.is_set():
            for worker in (self, *self.city_workers()):
                worker.poll()
            self.stop.wait(POLL_SECONDS)

    def poll(self) -> None:
        """Render the current batch unless it was done (or found done) already."""
        batch = self._batch()
        if batch is not None and batch not in self.done:
            try:
                self.render_batch(batch)
            except Exception:  # never the thread's end: the next poll tries again
                log.exception("pre-rendering load batch %s of %s failed", batch, self.city or "the city")

    def city_workers(self) -> list[Prerenderer]:
        """A pre-renderer per keyed city of a many-city store, on the atlas its pages read
        (made as the registry first lists the city); [] for a one-city store."""
        try:
            with self.app.app_context():
                slugs = current_registry().slugs()
                for slug in (s for s in slugs if s not in self.cities):
                    token = CITY.set(slug)
                    try:
                        atlas = current_atlas()
                    finally:
                        CITY.reset(token)
                    self.cities[slug] = Prerenderer(self.app, atlas, self.cache, self.which, self.busy,
                                                    city=slug, stop=self.stop)
        except Exception as exc:  # the registry unreadable now: the next poll asks again
            log.warning("pre-rendering cannot list the cities: %s", str(exc).splitlines()[0][:300])
            return list(self.cities.values())
        return [self.cities[s] for s in slugs if s in self.cities]

    def _batch(self) -> int | None:
        try:
            batch = self.atlas.version()
        except Exception as exc:  # the store down: pages say so; try again at the next poll
            if not self._store_down:
                log.warning("pre-rendering waits for the store: %s", str(exc).splitlines()[0][:300])
            self._store_down = True
            return None
        self._store_down = False
        return batch

    def render_batch(self, batch: int) -> str:
        """Render batch ``batch`` unless another worker does or did: "done", "done elsewhere",
        "taken" (another worker is at it), "changed" (a newer batch came) or "stopped". A
        keyed city's pages are asked as its links give them (``city=`` in every query)."""
        token = CITY.set(self.city)
        try:
            return self._render_batch(batch)
        finally:
            CITY.reset(token)

    def _render_batch(self, batch: int) -> str:
        done_key, lock = (self.cache.key(scope(self.atlas), batch, "prerender", part)
                          for part in ("done", "lock"))
        found = self.cache.get(done_key)
        if found is not None:
            self.done[batch] = {**json.loads(found), "by": "another worker"}
            log.info("load batch %s was pre-rendered by another worker", batch)
            return "done elsewhere"
        if not self.cache.claim(lock, LOCK_SECONDS):
            return "taken"
        start, counts = time.monotonic(), {"page": 0, "profile": 0, "failed": 0}
        log.info("pre-rendering load batch %s of %s (%s areas)", batch, self.city or "the city", self.which)
        for item in plan(self.atlas, self.which):
            if self.stop.is_set():
                return "stopped"
            if self._batch() != batch:
                log.info("load batch %s is no longer current: pre-rendering stops", batch)
                return "changed"
            self._wait_idle()
            counts[item.kind if self.render(item) else "failed"] += 1
            self.cache.renew(lock, LOCK_SECONDS)
            time.sleep(PAUSE_SECONDS)
        seconds = round(time.monotonic() - start, 1)
        summary = {"pages": counts["page"], "profiles": counts["profile"], "failed": counts["failed"],
                   "seconds": seconds}
        self.cache.set(done_key, json.dumps(summary).encode())
        self.done[batch] = {**summary, "by": "this process"}
        log.info("pre-rendered load batch %s of %s: %d pages and %d PDF profiles in %.1f s (%d failed)",
                 batch, self.city or "the city", counts["page"], counts["profile"], seconds, counts["failed"])
        return "done"

    def _wait_idle(self) -> None:
        """Wait until this process serves no visitor (at most ``BUSY_WAIT_SECONDS``)."""
        deadline = time.monotonic() + BUSY_WAIT_SECONDS
        while self.busy is not None and self.busy.count > 0 and time.monotonic() < deadline:
            time.sleep(0.01)

    # --- one item ----------------------------------------------------------------------------
    def render(self, item: Item) -> bool:
        """Make one payload (a hit when it is there already); False when it failed."""
        try:
            if item.kind == "profile":
                profile_file(self.atlas, item.code, "pdf", item.lang, self.cache)
                return True
            return self._page(item.path, item.search)
        except Exception as exc:  # logged and skipped: a visitor asking gets the page's own answer
            log.warning("pre-rendering %s %s in %s failed: %s: %s", item.kind, item.path, item.lang,
                        type(exc).__name__, str(exc).splitlines()[0][:300] if str(exc) else "")
            return False

    def _page(self, path: str, search: str) -> bool:
        """Ask the app's pages router for ``path`` as a browser does (its answer is kept)."""
        client = self.app.test_client()
        environ = {ENVIRON_KEY: True}
        if self._router is None:
            deps = client.get("/_dash-dependencies", environ_overrides=environ).get_json()
            self._router = next(str(d["output"]) for d in deps if "_pages_content.children" in d["output"])
        body = router_body(self._router, path, search)
        resp = client.post(CALLBACK_PATH, json=body, environ_overrides=environ)
        if resp.status_code != 200:
            raise RuntimeError(f"the router answered {resp.status_code}")
        return True


def router_body(output: str, path: str, search: str) -> dict[str, Any]:
    """The pages router's request for ``path`` + ``search``, in the shape a browser sends."""
    outputs = [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]}
               for part in output.strip(".").split("...")]
    return {"output": output, "outputs": outputs,
            "inputs": [{"id": ROUTER_ID, "property": "pathname", "value": path},
                       {"id": ROUTER_ID, "property": "search", "value": search}],
            "changedPropIds": [f"{ROUTER_ID}.pathname", f"{ROUTER_ID}.search"],
            "state": [{"id": ROUTER_ID, "property": "pathname", "value": path}]}


def start(app: Any, atlas: Atlas) -> Prerenderer | None:
    """Pre-render in the background for ``app`` (a Dash app or its server) reading ``atlas``,
    as ``WELLBEING_PRERENDER`` says; None when it is off or there is no payload cache."""
    server = getattr(app, "server", app)
    which = mode()
    cache = cache_of(server) if isinstance(server, flask.Flask) else None  # else a stand-in
    if which == "off" or cache is None or (cache.local is None and cache.shared is None):
        return None
    busy = Busy(server.wsgi_app)
    server.wsgi_app = busy  # type: ignore[method-assign]
    worker = Prerenderer(server, atlas, cache, which, busy)
    server.extensions[KEY] = worker
    threading.Thread(target=worker.run, name="atlas-prerender", daemon=True).start()
    return worker
