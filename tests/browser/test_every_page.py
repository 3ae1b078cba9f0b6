"""Every page at desktop (1440 × 900) and phone (390 × 844) size (#12): drawn without
errors, the page itself never wider than the window (wide tables scroll inside their own
box), and a screenshot of each in artifacts/screenshots/ to look at."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard.model import Atlas
from tests.browser.conftest import DRAWN, screenshot

pytestmark = pytest.mark.browser

SIZES = {"1440": {"width": 1440, "height": 900}, "390": {"width": 390, "height": 844}}
PAGES = {name: DRAWN[name] for name in ("map", "area", "compare", "indicator", "scatter",
                                          "collaboration", "about")}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_fits_the_window(browser: Any, base_url: str, demo_atlas: Atlas, name: str,
                                    size: str) -> None:
    path, ready = PAGES[name]
    area = str(demo_atlas.prioritized().index[0])
    tab = browser.new_page(base_url=base_url, viewport=SIZES[size])
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    try:
        tab.goto(f"{path.format(area=area)}?lang=sv")
        tab.wait_for_selector(ready)
        tab.wait_for_load_state("networkidle")
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= SIZES[size]["width"], f"{name} at {size} px is {width} px wide: the page scrolls sideways"
        assert not errors, errors
        screenshot(tab, f"page_{name}_sv_{size}")
    finally:
        tab.close()
