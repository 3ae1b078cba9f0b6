"""The /collaboration page in headless Chromium on the demo city: reached from the
navigation, the chart drawn with its table, the round links, the form downloaded."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def test_the_page_is_in_the_navigation_and_draws_both_rounds(page: Any) -> None:
    page.goto("/?lang=pl")
    page.get_by_role("link", name="Współpraca").click()
    page.wait_for_selector("#collaboration-chart .main-svg")
    assert page.url.split("?")[0].endswith("/collaboration")
    assert page.locator("h1").inner_text() == "Współpraca na rzecz zdrowia i dobrostanu"
    legend = page.locator("#collaboration-chart .legendtext").all_text_contents()
    assert "Wszyscy respondenci (n = 19)" in legend
    assert not any("Organizacja pozarządowa" in text for text in legend)  # two respondents
    note = page.locator(".collaboration-suppressed").inner_text()
    assert "Organizacja pozarządowa" in note and "mniej niż 3" in note
    assert page.locator("#collaboration-table tbody tr").count() == 6  # one row per dimension
    assert page.locator("#collaboration-changes").is_visible()
    page.get_by_role("link", name="2023").click()
    page.wait_for_function("() => location.search.includes('round=2023')")
    page.wait_for_selector("text=Średnia ocena według wymiaru i sektora, 2023")
    assert page.locator("#collaboration-changes").count() == 0
    screenshot(page, "collaboration_pl_2023")


def test_the_blank_form_downloads_in_the_page_language(page: Any) -> None:
    page.goto("/collaboration?lang=sv")
    page.wait_for_selector("#collaboration-chart .main-svg")
    with page.expect_download() as caught:
        page.click("#collaboration-download-button")
    download = caught.value
    assert download.suggested_filename == "sjalvskattning_samverkan_sv.xlsx"
    wb = load_workbook(io.BytesIO(open(download.path(), "rb").read()))
    assert wb.worksheets[0].title == "Självskattning" and wb["_form"]["B2"].value == "sv"


@pytest.mark.parametrize(("lang", "width", "height"), [("sv", 1440, 900), ("pl", 1440, 900),
                                                      ("sv", 390, 844), ("pl", 390, 844)])
def test_screenshots(page: Any, lang: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"/collaboration?lang={lang}")
    page.wait_for_selector("#collaboration-chart .main-svg")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at {width}px"
    screenshot(page, f"collaboration_{lang}_{width}")


@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_the_page_shows_no_text_of_another_language(page: Any, demo_atlas: Any, lang: str) -> None:
    from tests.browser.test_languages import VISIBLE_TEXT
    from tests.languages.leaks import foreign_texts, leaks

    foreign = foreign_texts(demo_atlas.snapshot().catalogue, lang)
    page.goto(f"/collaboration?lang={lang}")
    page.wait_for_selector("#collaboration-chart .main-svg")
    lines = [*page.evaluate(VISIBLE_TEXT).splitlines(), page.title()]
    legend = page.locator("#collaboration-chart .legendtext").all_text_contents()
    assert not leaks([x for x in [*lines, *legend] if x.strip()], foreign)
