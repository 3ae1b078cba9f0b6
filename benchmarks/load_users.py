"""The visitors of ``benchmarks.load``: a locustfile (``locust -f benchmarks/load_users.py``).

Each simulated visitor opens the dashboard as Chromium does (the page, Dash's layout and
dependencies, then the pages router's callback for the page's content; scripts and the
map's geometry are cached by a browser after its first visit and are not asked again),
and then, with 1 to 3 s of thought between actions, does what people do on it, in these
proportions:

    4  open the map page                      (page shell + layout + dependencies + router)
    4  switch the map's indicator             (the recolour callback)
    3  open an area's profile                 (page shell + layout + dependencies + router)
    2  open the compare page with 2-4 areas   (page shell + layout + dependencies + router)
    1  download an area's profile as PDF      (the download callback)

The visitors use locust's ``FastHttpUser`` (geventhttpclient): locust runs on the same
cores as the server, and this client takes several times less CPU per request than
``HttpUser`` (python-requests), which the runs before 2026-12-05 12:00 UTC used; set
``ATLAS_LOAD_CLIENT=requests`` to run with that one. Both ask for and decode gzip and
brotli as a browser does.

Bodies are the ones Chromium sends (``synthetic.dash_requests``, captured from the
browser). The demo city's facts come from the JSON file named by ``ATLAS_LOAD_FACTS``;
``X-Atlas-Cache`` answers are counted per request name into ``ATLAS_LOAD_HITS`` at the end.
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from locust import FastHttpUser, HttpUser, between, events, task

from synthetic.dash_requests import download_body, page_body, recolour_body

FACTS: dict[str, Any] = json.loads(Path(os.environ["ATLAS_LOAD_FACTS"]).read_text(encoding="utf-8"))
HITS: defaultdict[str, Counter[str]] = defaultdict(Counter)
LANGS = ("sv", "sv", "en", "pl")  # most visitors in the city's language
BROWSER = {"Accept-Encoding": "gzip, deflate, br", "Accept": "*/*"}
CALLBACK = "/_dash-update-component"


@events.request.add_listener
def _count(name: str, response: Any = None, exception: Any = None, **_kwargs: Any) -> None:
    if response is not None and exception is None:
        HITS[name][response.headers.get("X-Atlas-Cache", "not cacheable")] += 1


@events.quitting.add_listener
def _write_hits(**_kwargs: Any) -> None:
    target = os.environ.get("ATLAS_LOAD_HITS")
    if target:
        Path(target).write_text(json.dumps({k: dict(v) for k, v in HITS.items()}, indent=1),
                                encoding="utf-8")


CLIENT = HttpUser if os.environ.get("ATLAS_LOAD_CLIENT") == "requests" else FastHttpUser


class Visitor(CLIENT):  # type: ignore[valid-type,misc]
    wait_time = between(1, 3)
    default_headers = BROWSER  # FastHttpUser's

    def on_start(self) -> None:
        if CLIENT is HttpUser:
            self.client.headers.update(BROWSER)
        self.lang = random.choice(LANGS)
        self.deps: list[dict[str, Any]] = self.client.get("/_dash-dependencies",
                                                          name="dash: dependencies").json()

    def _page(self, path: str, search: str, name: str) -> None:
        """A page as the browser opens it: its shell, Dash's layout and dependencies, then
        the router's callback with the page's content."""
        self.client.get(path + search, name="page shell (index HTML)")
        self.client.get("/_dash-layout", name="dash: layout")
        self.client.get("/_dash-dependencies", name="dash: dependencies")
        self.client.post(CALLBACK, json=page_body(self.deps, path, search), name=name)

    @task(4)
    def map_page(self) -> None:
        self._page("/", f"?lang={self.lang}", "page: map")

    @task(4)
    def switch_indicator(self) -> None:
        indicator = random.choice(sorted(FACTS["latest"]))
        body = recolour_body(self.deps, indicator, FACTS["latest"][indicator], self.lang,
                             geo_version=FACTS["batch"])
        self.client.post(CALLBACK, json=body, name="callback: map recolour")

    @task(3)
    def area_profile(self) -> None:
        self._page(f"/area/{random.choice(FACTS['areas'])}", f"?lang={self.lang}", "page: area profile")

    @task(2)
    def compare(self) -> None:
        areas = ",".join(random.sample(FACTS["areas"], random.randint(2, 4)))
        self._page("/compare", f"?lang={self.lang}&areas={areas}", "page: compare")

    @task(1)
    def pdf(self) -> None:
        body = download_body(self.deps, random.choice(FACTS["areas"]), "pdf", self.lang)
        self.client.post(CALLBACK, json=body, name="download: PDF profile")
