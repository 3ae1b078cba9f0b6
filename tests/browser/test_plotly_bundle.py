"""The partial Plotly bundle in headless Chromium: the page runs it (never the full bundle),
it registers exactly the trace types of its banner, and with it the map (and its places),
the profile's charts and locator map, and the compare chart are drawn, in Swedish where the
page is Swedish. Waits for selectors, never sleeps."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard import delivery
from dashboard.model import Atlas

pytestmark = pytest.mark.browser

TRACES = "() => Object.keys(window.Plotly.PlotSchema.get().traces).sort()"


def _scripts(page: Any) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url) if request.resource_type == "script" else None)
    return urls


def test_the_map_is_drawn_by_the_partial_bundle_in_swedish(page: Any) -> None:
    scripts = _scripts(page)
    page.goto("/?lang=sv&indicator=unemployment&places=on")
    page.wait_for_selector("path.choroplethlocation")
    page.wait_for_selector(".scattergeo .point")  # the places, over the areas
    assert page.evaluate(TRACES) == sorted(delivery.bundle_traces())
    assert page.evaluate("() => window.PlotlyLocales") is None  # the locales registered themselves
    assert page.locator("#map-graph .modebar-btn[data-title='Zooma in']").count() == 1
    plotly = [u for u in scripts if "plotly" in u and "locale" not in u]
    assert len(plotly) == 1 and "/assets/plotly-atlas.min.js?m=" in plotly[0]


def test_the_profile_and_compare_charts_are_drawn(page: Any, demo_atlas: Atlas) -> None:
    code = str(demo_atlas.prioritized().index[0])
    page.goto(f"/area/{code}?lang=pl&indicator=unemployment")
    page.wait_for_selector(".locator path.choroplethlocation")
    page.wait_for_selector("#area-trend .scatterlayer .trace")
    page.wait_for_selector("#area-sex-chart .barlayer .point path")
    page.goto("/compare?lang=en")
    page.wait_for_selector("#compare-trends .scatterlayer .trace")
    assert page.evaluate(TRACES) == sorted(delivery.bundle_traces())
