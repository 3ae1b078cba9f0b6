"""The map and the indicator page in headless Chromium (#12): a control change adds a
history entry (Back returns to the previous view, not the previous page), worst first on
the ranking, and a dot that opens the area's profile. Waits for selectors, never sleeps."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard.model import Atlas

pytestmark = pytest.mark.browser


def test_back_returns_to_the_previous_ranking_order(page: Any) -> None:
    page.goto("/indicator/unemployment?lang=en")
    page.wait_for_selector("#indicator-table")
    page.get_by_role("radio", name="Worst first").check()
    page.wait_for_function("() => window.location.search.includes('order=worst')")
    page.go_back()
    page.wait_for_function("() => !window.location.search.includes('order=worst')")
    page.wait_for_selector("#indicator-order input[value=best]:checked")
    assert "/indicator/unemployment" in page.url


def test_back_returns_to_the_previous_map_view(page: Any) -> None:
    page.goto("/?lang=en&indicator=unemployment")
    page.wait_for_selector("#map-graph-title")
    page.get_by_role("radio", name="Women", exact=True).check()
    page.wait_for_function("() => window.location.search.includes('sex=female')")
    page.wait_for_function("() => document.querySelector('#map-graph-title').innerText.includes('women')")
    page.go_back()
    page.wait_for_function("() => !window.location.search.includes('sex=female')")
    page.wait_for_function("() => document.querySelector('#map-graph-title')"
                           " && !document.querySelector('#map-graph-title').innerText.includes('women')")
    assert page.url.split("?")[0].endswith("/")


def test_worst_first_and_the_table_link_open_a_profile(page: Any, demo_atlas: Atlas) -> None:
    page.goto("/indicator/unemployment?lang=sv&order=worst")
    page.wait_for_selector("#indicator-table")
    page.locator("#indicator-table summary").click()
    first = page.locator("#indicator-table tbody tr").first
    name = first.locator("th a").inner_text()
    values = demo_atlas.slice("unemployment", demo_atlas.periods("unemployment")[-1], "total")
    worst = values.dropna(subset=["value"]).sort_values("value")["area_code"].iloc[-1]
    assert name == demo_atlas.areas().loc[worst, "name"]
    first.locator("th a").click()
    page.wait_for_url(f"**/area/{worst}?*")


def test_every_page_keeps_its_own_title_in_its_language(page: Any) -> None:
    """Dash's router sets each page's registered title after navigating; the page's own
    title (in the page's language) must win, whatever order the two arrive in."""
    page.goto("/?lang=pl")
    page.wait_for_selector("path.choroplethlocation")
    for link, expected in (("Porównaj", "Porównaj obszary – "), ("Wskaźniki", "zdrowia – "),
                           ("Zależności", "Dwa wskaźniki we wszystkich obszarach – "),
                           ("O danych", "O danych – ")):
        page.get_by_role("link", name=link, exact=True).click()
        page.wait_for_load_state("networkidle")
        page.wait_for_function("(t) => document.title.includes(t)", arg=expected)
        assert "Välfärdsatlas" not in page.title()


def test_on_a_phone_the_map_comes_first_and_the_pickers_fold_away(browser: Any, base_url: str) -> None:
    tab = browser.new_page(base_url=base_url, viewport={"width": 390, "height": 844})
    try:
        tab.goto("/?lang=sv")
        tab.wait_for_selector("path.choroplethlocation")
        tab.wait_for_function("() => !document.querySelector('#map-drawer').open")
        map_top = tab.locator(".map-card").bounding_box()["y"]
        assert map_top < 400  # the map is in the first screen, under the header
        assert tab.locator("#map-indicator").is_hidden()  # folded away
        assert tab.locator("#map-legend").is_visible()  # the legend stays in view
        tab.get_by_text("Indikator, period och visning").click()
        tab.wait_for_selector("#map-indicator", state="visible")
    finally:
        tab.close()


def test_on_a_wide_screen_the_pickers_stay_open(page: Any) -> None:
    page.goto("/?lang=sv")
    page.wait_for_selector("path.choroplethlocation")
    assert page.locator("#map-indicator").is_visible()
    assert page.locator("#map-drawer summary").is_hidden()
