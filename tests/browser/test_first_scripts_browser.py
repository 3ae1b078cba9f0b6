"""Less JavaScript before the map (issue 14, item 7) in headless Chromium: every page draws
with the regenerator runtime instead of Dash's whole polyfill and without dash_table's
bundle, with no error or warning in the console, and dcc's lazily loaded code (the graph,
the dropdown) still arrives and runs. Waits for selectors, never sleeps."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dashboard.model import Atlas
from tests.browser.conftest import DRAWN

pytestmark = pytest.mark.browser

QUERIES = {"map": "?lang=en", "area": "?lang=sv", "compare": "?lang=en&areas={area},{other}",
           "indicator": "?lang=pl", "scatter": "?lang=en", "collaboration": "?lang=en",
           "about": "?lang=en", "cities": "?lang=en"}
PAGES = {name: (DRAWN[name][0] + query, DRAWN[name][1]) for name, query in QUERIES.items()}
LOADED = ("() => performance.getEntriesByType('resource').map(r => r.name)"
          ".filter(n => n.includes('.js'))")


@pytest.fixture
def console(page: Any) -> Iterator[list[str]]:
    """The console's errors and warnings of ``page`` (React's, Dash's, a failed lazy load)."""
    found: list[str] = []
    page.on("console", lambda msg: found.append(f"{msg.type}: {msg.text}")
            if msg.type in ("error", "warning") else None)
    yield found


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_draws_with_the_lighter_scripts(page: Any, console: list[str], demo_atlas: Atlas,
                                                   name: str) -> None:
    path, ready = PAGES[name]
    area, other = (str(code) for code in demo_atlas.areas().index[:2])
    page.goto(path.format(area=area, other=other))
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")
    loaded = page.evaluate(LOADED)
    assert any("/_atlas/regenerator-runtime.js" in s for s in loaded), loaded
    assert not [s for s in loaded if "polyfill@" in s or "/dash_table/" in s], loaded
    assert page.evaluate("() => typeof regeneratorRuntime.mark === 'function' && typeof Plotly.react")
    assert not console, f"{name}: {console}"


def test_the_maps_lazy_dropdown_and_graph_work(page: Any, console: list[str]) -> None:
    """dcc's dropdown and graph code arrive after the page (regeneratorRuntime marks them
    ready): the indicator picker opens and recolours the map."""
    page.goto("/?lang=en&indicator=unemployment")
    page.wait_for_selector("path.choroplethlocation")
    fills = ("() => Array.from(document.querySelectorAll('path.choroplethlocation'))"
             ".map(e => getComputedStyle(e).fill).join('|')")
    before = page.evaluate(fills)
    page.click("#map-indicator")
    option = page.locator(".dash-dropdown-option", has=page.get_by_role("radio", name="Employment rate", exact=True))
    option.click()
    page.wait_for_function(f"(before) => ({fills})() !== before", arg=before)
    loaded = page.evaluate(LOADED)
    assert [s for s in loaded if "/dcc/async-dropdown" in s] and [s for s in loaded if "/dcc/async-graph" in s]
    assert not console, console
