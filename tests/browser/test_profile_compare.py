"""The area profile, compare and about pages in headless Chromium (#12): Back after a
control change, keyboard-only use, the compare CSV, the age breakdown, and screenshots
at desktop and phone size in every language. Waits for selectors, never sleeps."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from dashboard.model import Atlas
from settings.languages import LANGS
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _prioritized(atlas: Atlas) -> str:
    return str(atlas.prioritized().index[0])


def _choose(page: Any, picker: str, name: str) -> None:
    """Pick ``name`` in a Dash dropdown by mouse (the list's options are native radios)."""
    page.click(picker)
    option = page.get_by_role("radio", name=name, exact=True)
    page.locator(".dash-dropdown-option", has=option).click()


def test_back_returns_to_the_previous_profile_view(page: Any, demo_atlas: Atlas) -> None:
    code = _prioritized(demo_atlas)
    page.goto(f"/area/{code}?lang=en&indicator=unemployment")
    page.wait_for_selector(".profile-table")
    _choose(page, "#area-indicator", "Employment rate")
    page.wait_for_function("() => window.location.search.includes('indicator=employment_rate')")
    page.wait_for_function("() => document.querySelector('#area-gap').innerText.startsWith('Employment rate')")
    page.go_back()
    page.wait_for_function("() => window.location.search.includes('indicator=unemployment')")
    page.wait_for_function("() => document.querySelector('#area-gap')"
                           " && document.querySelector('#area-gap').innerText.startsWith('Unemployment')")
    assert f"/area/{code}" in page.url  # still the profile, not the page before it


def test_back_returns_to_the_previous_compare_view(page: Any) -> None:
    page.goto("/compare?lang=en")
    page.wait_for_selector("table.rug")
    _choose(page, "#compare-domain", "Health")
    page.wait_for_function("() => window.location.search.includes('domain=health')")
    page.wait_for_function("() => document.querySelector('#compare-trends-alt').innerText.startsWith('Trends in')")
    page.go_back()
    page.wait_for_function("() => !window.location.search.includes('domain=')")
    page.wait_for_function("() => document.querySelector('#compare-trends-alt')"
                           " && !document.querySelector('#compare-trends-alt').innerText.startsWith('Trends in')")
    assert "/compare" in page.url


def test_the_compare_grid_downloads_as_csv(page: Any, demo_atlas: Atlas) -> None:
    page.goto("/compare?lang=en")
    page.wait_for_selector("table.rug")
    assert "colours and symbols" in page.inner_text(".rug-legend-block").casefold()
    with page.expect_download() as info:
        page.click("#compare-download-button")
    download = info.value
    assert download.suggested_filename == "compare_en.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    names = set(demo_atlas.prioritized()["name"])
    assert {r["area"] for r in rows} >= names and {"value", "lower_95", "upper_95", "period"} <= set(rows[0])


def _tab_to(page: Any, selector: str, text: str = "", limit: int = 120) -> None:
    """Press Tab until the focused element matches ``selector`` (and holds ``text``)."""
    check = "([s, t]) => { const e = document.activeElement; return !!e && e.matches(s) && e.innerText.includes(t); }"
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(check, [selector, text]):
            return
    raise AssertionError(f"{selector} {text} was not reached in {limit} presses of Tab")


def test_a_profile_by_keyboard_from_the_prioritized_list(page: Any, demo_atlas: Atlas) -> None:
    page.goto("/?lang=en")
    page.wait_for_selector(".prio-link")
    _tab_to(page, ".prio-link")
    name = page.evaluate("() => document.activeElement.querySelector('.prio-name').innerText")
    page.keyboard.press("Enter")
    page.wait_for_selector(".profile-table")
    assert page.inner_text("h1") == name and "/area/" in page.url


def test_a_profile_download_by_keyboard(page: Any, demo_atlas: Atlas) -> None:
    code = _prioritized(demo_atlas)
    page.goto(f"/area/{code}?lang=en")
    page.wait_for_selector(".profile-table")
    _tab_to(page, "button.button", "CSV")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename.endswith(".csv") and Path(download.path()).stat().st_size > 100


def test_the_profile_shows_life_expectancy_by_age(page: Any, demo_atlas: Atlas) -> None:
    code = _prioritized(demo_atlas)
    page.goto(f"/area/{code}?lang=en&indicator=life_expectancy")
    page.wait_for_selector("#area-age-block:not([hidden])")
    assert "At 65" in page.inner_text("#area-age-alt")
    assert "Age: At 65" in page.inner_text(".profile-table")
    assert "–20" not in page.inner_text(".profile-table td.period")  # pooled periods read 2022–2024


@pytest.mark.parametrize("lang", LANGS)
def test_screenshots_of_profile_compare_and_about(browser: Any, base_url: str, demo_atlas: Atlas,
                                                  lang: str) -> None:
    """Desktop (1440 × 900) and phone (390 × 844) screenshots; on a phone nothing of the
    profile is wider than the screen except inside its scrolling table wrapper."""
    code = _prioritized(demo_atlas)
    pages = {"profile": (f"/area/{code}?lang={lang}&indicator=life_expectancy", ".profile-table"),
             "compare": (f"/compare?lang={lang}", "table.rug"), "about": (f"/about?lang={lang}", "table.data")}
    for size, viewport in (("desktop", {"width": 1440, "height": 900}), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, base_url=base_url)
        tab = context.new_page()
        tab.set_default_timeout(20_000)
        try:
            for name, (path, ready) in pages.items():
                tab.goto(path)
                tab.wait_for_selector(ready)
                if name != "about":
                    tab.wait_for_selector(".js-plotly-plot .main-svg")
                if size == "phone":
                    width = tab.evaluate("() => document.documentElement.scrollWidth")
                    assert width <= PHONE["width"] + 1, f"{name} is {width}px wide on a phone"
                screenshot(tab, f"12_{name}_{size}_{lang}")
        finally:
            context.close()
