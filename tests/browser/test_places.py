"""The map's places layer in headless Chromium: switched on from the keyboard, the 60 demo
places are drawn as markers over the areas, the legend names the five categories in the
page's language and the URL keeps the switch. Screenshots at desktop and phone size in
Swedish and Polish. Waits for selectors, never sleeps."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
MARKERS = "() => document.querySelectorAll('#map-graph .scattergeo path.point').length"


def test_switching_the_layer_on_draws_the_places(page: Any) -> None:
    page.goto("/?lang=sv")
    page.wait_for_selector("#map-graph .choroplethlayer path")
    assert page.evaluate(MARKERS) == 0  # off by default
    switch = page.get_by_label("Visa platser på kartan")
    switch.focus()
    page.keyboard.press("Space")  # keyboard only
    page.wait_for_function(f"() => ({MARKERS})() === 60")
    page.wait_for_function("() => window.location.search.includes('places=on')")
    legend = page.locator("#map-places-legend li")
    assert legend.count() == 5
    assert legend.first.inner_text().split("\n")[-2:] == ["Skolor", "18"]
    page.reload()  # the URL brings the layer back
    page.wait_for_function(f"() => ({MARKERS})() === 60")
    assert page.get_by_label("Visa platser på kartan").is_checked()


@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_screenshots_with_places(page: Any, lang: str) -> None:
    for size, viewport in (("1440", {"width": 1440, "height": 900}), ("390", PHONE)):
        page.set_viewport_size(viewport)
        page.goto(f"/?lang={lang}&places=on")
        page.wait_for_function(f"() => ({MARKERS})() === 60")
        assert page.locator("#map-places-legend li").count() == 5
        screenshot(page, f"places-map-{lang}-{size}")
