"""What the dashboard benchmark times: each callback, as a plain call and through Dash's endpoint."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dashboard import ids
from dashboard.model import Atlas
from tests.dashboard.helpers import dispatch, page_response, state_key

GZIP = {"Accept-Encoding": "gzip"}


@dataclass(frozen=True)
class Scenario:
    name: str
    kind: str  # "direct" | "http"
    run: Callable[[int], Any]


def scenarios(app: Any, atlas: Atlas) -> list[Scenario]:
    """Callbacks of every page, cycling through indicators, periods, sexes and colourings."""
    home = importlib.import_module("dashboard.pages.home")
    area = importlib.import_module("dashboard.pages.area")
    compare = importlib.import_module("dashboard.pages.compare")
    indicator = importlib.import_module("dashboard.pages.indicator")
    inds = list(atlas.catalogue().index)
    prio = list(atlas.prioritized().index) or list(atlas.areas().index[:3])
    every = list(atlas.areas().index)
    periods = atlas.periods(inds[0])
    version = atlas.version()
    colourings = ("comparison", "classes")
    client = app.server.test_client()
    state = {"path": "/", "query": {"lang": "sv"}}

    def ctx(fn: Callable[[], Any]) -> Any:
        with app.server.test_request_context("/"), atlas.pinned():  # as a request is pinned
            return fn()

    def map_args(i: int) -> tuple[Any, ...]:
        return (inds[i % len(inds)], periods[-1 - i % len(periods)], ("total", "female", "male")[i % 3],
                colourings[i % 2], ("quantiles", "natural_breaks", "equal_interval")[i % 3])

    def map_http(i: int, loaded: Any) -> Any:
        ind, per, sex, col, sch = map_args(i)
        values = {(ids.Map.indicator, "value"): ind, (ids.Map.period, "value"): per,
                  (ids.Map.sex, "value"): sex, (ids.Map.colouring, "value"): col,
                  (ids.Map.scheme, "value"): sch, (ids.Map.geo_version, "data"): loaded,
                  (state_key(ids.url_state("map")), "data"): state}
        resp = dispatch(client, f"{ids.Map.graph}.figure", values, headers=GZIP)
        assert resp.status_code == 200, resp.status_code
        return resp

    area_state = {"path": f"/area/{prio[0]}", "query": {"lang": "sv"}}
    cmp_state = {"path": "/compare", "query": {"lang": "sv"}}
    ind_state = {"path": f"/indicator/{inds[0]}", "query": {"lang": "sv"}}
    return [
        Scenario("map recolour (Patch)", "direct",
                 lambda i: ctx(lambda: home.update_map(*map_args(i), version, state))),
        Scenario("map whole figure", "direct",
                 lambda i: ctx(lambda: home.update_map(*map_args(i), None, state))),
        Scenario("area charts", "direct",
                 lambda i: ctx(lambda: area.update_charts(inds[i % len(inds)], area_state))),
        Scenario("compare rug + trends", "direct",
                 lambda i: ctx(lambda: compare.update_compare(prio, inds[i % len(inds)], cmp_state))),
        Scenario("indicator ranking", "direct",
                 lambda i: ctx(lambda: indicator.update_ranked(periods[i % len(periods)], "total", ind_state))),
        Scenario("http: map recolour (Patch)", "http", lambda i: map_http(i, version)),
        Scenario("http: map whole figure", "http", lambda i: map_http(i, None)),
        Scenario("http: area charts", "http", lambda i: dispatch(
            client, f"{ids.Area.trend}.figure",
            {(ids.Area.indicator, "value"): inds[i % len(inds)],
             (state_key(ids.url_state("area")), "data"): area_state}, headers=GZIP)),
        Scenario("http: page map", "http", lambda i: page_response(
            client, "/", f"?lang=sv&indicator={inds[i % len(inds)]}")),
        Scenario("http: page area profile (revisit)", "http", lambda i: page_response(
            client, f"/area/{prio[i % len(prio)]}", "?lang=sv")),
        Scenario("http: page area profile (first visit)", "http", lambda i: page_response(
            client, f"/area/{every[(i * 7919) % len(every)]}", f"?lang={('sv', 'pl', 'en')[i % 3]}")),
        Scenario("http: page compare", "http", lambda i: page_response(client, "/compare", "?lang=en")),
        Scenario("http: page indicator", "http", lambda i: page_response(
            client, f"/indicator/{inds[i % len(inds)]}", "?lang=pl")),
    ]
