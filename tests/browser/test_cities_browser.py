"""The country level in headless Chromium (issue 14, item 3): a store holding two cities by
key; open /cities, pick an indicator, open a municipality, land on its map with ``city=`` in
the URL, go on to a profile, and the city stays (in the URL and in the header). Waits for
selectors, never sleeps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.app import create_app
from dashboard.model import Atlas
from etl.pipeline import run
from store.cities import drop_city
from store.engine import make_engine
from tests.browser.conftest import screenshot
from tests.conftest import waitress_serving
from tests.etl.smallcity import write_small_city
from wellbeing.serve import threads

pytestmark = pytest.mark.browser
DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "demo.toml"


@pytest.fixture(scope="module")
def cities_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard on a store holding the demo city (``exempel``) and the small city
    (``small``), and no city of its own, served by waitress."""
    folder = tmp_path_factory.mktemp("many")
    engine = make_engine(f"sqlite:///{folder / 'atlas.sqlite'}")
    run(DEMO, engine, city="exempel")
    run(write_small_city(folder / "small", methods=True), engine, city="small")
    with waitress_serving(create_app(Atlas(engine)).server, threads()) as url:
        yield url
    for slug in ("exempel", "small"):
        drop_city(engine, slug)
    engine.dispose()


@pytest.fixture
def tab(browser: Any, cities_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, base_url=cities_url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


def _choose(page: Any, picker: str, name: str) -> None:
    """Pick ``name`` in a Dash dropdown by mouse (the list's options are native radios)."""
    page.click(picker)
    option = page.get_by_role("radio", name=name, exact=True)
    page.locator(".dash-dropdown-option", has=option).click()


def _query(page: Any) -> str:
    return str(page.evaluate("() => window.location.search"))


def test_from_the_municipalities_to_a_neighbourhood_the_city_stays(tab: Any) -> None:
    tab.goto("/cities?lang=en")
    tab.wait_for_selector("table.cities-table")
    _choose(tab, "#cities-indicator", "Unemployment")
    tab.wait_for_function("() => window.location.search.includes('indicator=unemployment')")
    tab.wait_for_function("() => document.querySelector('table.cities-table caption').innerText"
                          ".startsWith('Unemployment, 2024')")  # the latest period: the small city has none
    assert "No value" in tab.locator("table.cities-table tr", has_text="Small City").inner_text()
    _choose(tab, "#cities-period", "2023")
    tab.wait_for_function("() => document.querySelector('table.cities-table caption').innerText"
                          ".startsWith('Unemployment, 2023')")
    row = tab.locator("table.cities-table tr", has_text="Small City")
    assert "Much better than Sweden" in row.inner_text()  # the registry's judgement, in words
    screenshot(tab, "cities-en-1440")

    row.get_by_role("link", name="Small City").click()
    tab.wait_for_function("() => window.location.pathname === '/' && window.location.search.includes('city=small')")
    tab.wait_for_selector("#map-prioritized a.prio-link")
    assert tab.inner_text(".brand-city") == "Small City"
    assert "indicator=unemployment" in _query(tab)  # its map opens on the indicator chosen above

    tab.click("#map-prioritized a.prio-link")
    tab.wait_for_function("() => window.location.pathname.startsWith('/area/')")
    tab.wait_for_selector(".profile-table")
    assert "city=small" in _query(tab)
    assert tab.inner_text(".brand-city") == "Small City"

    tab.click("#cities-header-link")  # and back up: the municipalities, no city any more
    tab.wait_for_selector("table.cities-table")
    assert tab.evaluate("() => window.location.pathname") == "/cities" and "city=" not in _query(tab)
