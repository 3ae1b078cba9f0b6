"""The planner's question of issue #13, in headless Chromium on the demo city: "Which
initiatives run in the first prioritized area, which sectors are missing there, and is
unemployment on track for its target?" — answered from the area's profile without leaving
it; then screenshots of the profile at desktop and phone size in Swedish and Polish.

The expected answers come from the store's register (what the ETL loaded), so the test
checks the page against the data, not against itself. Waits for selectors, never sleeps."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

import pytest

from dashboard.model import Atlas
from presentation.cooperation import cooperation
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PROGRESS = re.compile(r"\b(achieved|on track|off track)\b", re.IGNORECASE)


def _first_prioritized(atlas: Atlas) -> tuple[str, str]:
    """The first prioritized area in the city's configured order (areas.priority)."""
    areas = atlas.snapshot().areas
    first = areas[areas["priority"].notna()].sort_values("priority").iloc[0]
    return str(first["code"]), str(first["name"])


def test_a_planner_answers_from_the_first_prioritized_area_profile(page: Any, demo_atlas: Atlas) -> None:
    code, name = _first_prioritized(demo_atlas)
    assert (code, name) == ("DC25", "Hjortkullen")
    snapshot = demo_atlas.snapshot()
    expected = cooperation(snapshot.programme, code, name, str(snapshot.city["code"]), "en")
    assert expected is not None and expected.initiatives, "the demo has no initiatives in its first area"

    page.goto(f"/area/{code}?lang=en")
    page.wait_for_selector("#area-cooperation")
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)

    # which initiatives run there (with their status and lead)
    listed = page.inner_text("#area-initiatives")
    for initiative in expected.initiatives:
        assert initiative.name in listed
        assert initiative.lead.name in listed
    assert "Ongoing" in listed

    # which sectors are missing there: stated in words
    gaps = page.inner_text("#area-gaps")
    assert expected.gaps, "the demo should leave a sector without work in its first area"
    for gap in expected.gaps:
        assert gap.sentence in gaps
    assert re.search(rf"No (ongoing or planned )?initiative on .+ in {name}", gaps)

    # the matrix answers who takes part, in text (not colour alone)
    matrix = page.locator("#area-matrix")
    assert matrix.locator("caption").inner_text().startswith("Types of institution")
    assert "● leads" in matrix.inner_text()

    # is unemployment on track for its target: the profile table's row says so
    row = page.locator("table.profile-table tbody tr", has=page.locator("th a", has_text=re.compile(
        r"^Unemployment$")))
    assert row.count() == 1
    assert PROGRESS.search(row.inner_text()), f"no progress towards the target in: {row.inner_text()!r}"

    # answered without leaving the page (the URL state may add the chart's indicator)
    assert urlparse(page.url).path == f"/area/{code}" and navigations == []


@pytest.mark.parametrize("lang", ["sv", "pl"])
@pytest.mark.parametrize("size", [(1440, 900), (390, 844)], ids=["desktop", "phone"])
def test_programme_sections_screenshots(browser: Any, base_url: str, demo_atlas: Atlas, lang: str,
                                        size: tuple[int, int]) -> None:
    code, _ = _first_prioritized(demo_atlas)
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, base_url=base_url)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    try:
        tab.goto(f"/area/{code}?lang={lang}")
        tab.wait_for_selector("#area-cooperation")
        tab.wait_for_selector("#area-residents")
        if size[0] < 640:  # on a phone the matrix is a list in words; nothing scrolls sideways
            assert tab.locator(".matrix-narrow").is_visible()
            assert tab.evaluate("() => document.documentElement.scrollWidth") <= size[0] + 1
        else:
            assert tab.locator("#area-matrix").is_visible()
        tab.locator("#area-cooperation").scroll_into_view_if_needed()
        screenshot(tab, f"planner-programme-{code}-{lang}-{size[0]}")
    finally:
        context.close()
