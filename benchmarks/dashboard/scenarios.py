"""What the dashboard benchmark times: each callback, as a plain call and through Dash's endpoint."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dashboard import ids
from dashboard.model import Atlas
from synthetic.dash_client import dispatch, page_response, state_key

GZIP = {"Accept-Encoding": "gzip"}
SEXES = ("total", "female", "male")
SCHEMES = ("quantiles", "natural_breaks", "equal_interval")


@dataclass(frozen=True)
class Scenario:
    name: str
    kind: str  # "direct" | "http"
    run: Callable[[int], Any]


@dataclass(frozen=True)
class City:
    """What the scenarios cycle through."""

    inds: list[str]
    prio: list[str]
    every: list[str]
    periods: list[str]
    version: int | None

    @classmethod
    def of(cls, atlas: Atlas) -> City:
        inds = list(atlas.catalogue().index)
        every = list(atlas.areas().index)
        return cls(inds, list(atlas.prioritized().index) or every[:3], every, atlas.periods(inds[0]),
                   atlas.version())

    def map_args(self, i: int) -> tuple[Any, ...]:
        """Indicator, period, sex, colouring, scheme of the i-th map change."""
        return (self.inds[i % len(self.inds)], self.periods[-1 - i % len(self.periods)], SEXES[i % 3],
                ("comparison", "classes")[i % 2], SCHEMES[i % 3])


def direct(app: Any, atlas: Atlas, c: City) -> list[Scenario]:
    """Callbacks called as functions inside a (pinned) request of the app."""
    home, area, compare, indicator = (importlib.import_module(f"dashboard.pages.{n}")
                                      for n in ("home", "area", "compare", "indicator"))
    state = {"path": "/", "query": {"lang": "sv"}}
    area_state = {"path": f"/area/{c.prio[0]}", "query": {"lang": "sv"}}
    cmp_state = {"path": "/compare", "query": {"lang": "sv"}}
    ind_state = {"path": f"/indicator/{c.inds[0]}", "query": {"lang": "sv"}}

    def ctx(fn: Callable[[], Any]) -> Any:
        with app.server.test_request_context("/"), atlas.pinned():  # as a request is pinned
            return fn()

    return [
        Scenario("map recolour (Patch)", "direct",
                 lambda i: ctx(lambda: home.update_map(*c.map_args(i), c.version, state))),
        Scenario("map whole figure", "direct",
                 lambda i: ctx(lambda: home.update_map(*c.map_args(i), None, state))),
        Scenario("area charts", "direct",
                 lambda i: ctx(lambda: area.update_charts(c.inds[i % len(c.inds)], area_state))),
        Scenario("compare rug + trends", "direct",
                 lambda i: ctx(lambda: compare.update_compare(c.prio, c.inds[i % len(c.inds)], cmp_state))),
        Scenario("indicator ranking", "direct", lambda i: ctx(
            lambda: indicator.update_ranked(c.periods[i % len(c.periods)], "total", ind_state))),
    ]


def http(app: Any, c: City) -> list[Scenario]:
    """The same through Dash's endpoint with the Flask test client (dispatch, JSON, gzip)."""
    client = app.server.test_client()
    state = {"path": "/", "query": {"lang": "sv"}}

    def map_change(i: int, loaded: Any) -> Any:
        ind, per, sex, col, sch = c.map_args(i)
        values = {(ids.Map.indicator, "value"): ind, (ids.Map.period, "value"): per,
                  (ids.Map.sex, "value"): sex, (ids.Map.colouring, "value"): col,
                  (ids.Map.scheme, "value"): sch, (ids.Map.geo_version, "data"): loaded,
                  (state_key(ids.url_state("map")), "data"): state}
        resp = dispatch(client, f"{ids.Map.graph}.figure", values, headers=GZIP)
        assert resp.status_code == 200, resp.status_code
        return resp

    area_state = {"path": f"/area/{c.prio[0]}", "query": {"lang": "sv"}}
    return [
        Scenario("http: map recolour (Patch)", "http", lambda i: map_change(i, c.version)),
        Scenario("http: map whole figure", "http", lambda i: map_change(i, None)),
        Scenario("http: area charts", "http", lambda i: dispatch(
            client, f"{ids.Area.trend}.figure",
            {(ids.Area.indicator, "value"): c.inds[i % len(c.inds)],
             (state_key(ids.url_state("area")), "data"): area_state}, headers=GZIP)),
        Scenario("http: page map", "http", lambda i: page_response(
            client, "/", f"?lang=sv&indicator={c.inds[i % len(c.inds)]}")),
        Scenario("http: page area profile (revisit)", "http", lambda i: page_response(
            client, f"/area/{c.prio[i % len(c.prio)]}", "?lang=sv")),
        Scenario("http: page area profile (first visit)", "http", lambda i: page_response(
            client, f"/area/{c.every[(i * 7919) % len(c.every)]}", f"?lang={('sv', 'pl', 'en')[i % 3]}")),
        Scenario("http: page compare", "http", lambda i: page_response(client, "/compare", "?lang=en")),
        Scenario("http: page indicator", "http", lambda i: page_response(
            client, f"/indicator/{c.inds[i % len(c.inds)]}", "?lang=pl")),
    ]


def scenarios(app: Any, atlas: Atlas) -> list[Scenario]:
    """Callbacks of every page, cycling through indicators, periods, sexes and colourings."""
    city = City.of(atlas)
    return direct(app, atlas, city) + http(app, city)
