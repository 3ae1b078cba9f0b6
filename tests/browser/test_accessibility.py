"""Accessibility in headless Chromium: axe-core (WCAG 2.2 AA rules) on every page in every
language, and the indicator picker driven by the keyboard alone.

axe-core comes bundled with ``axe-playwright-python`` (no network at run time).
"""

from __future__ import annotations

from typing import Any

import pytest

from dashboard.model import Atlas
from settings.languages import LANGS
from tests.browser.conftest import DRAWN, screenshot

pytestmark = pytest.mark.browser

PAGES = {name: DRAWN[name] for name in ("map", "area", "compare", "indicator", "life_expectancy",
                                          "about", "scatter", "collaboration")}
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = ("critical", "serious")
# The picker's list is open and has taken the focus (the chosen option's radio).
OPEN = "() => document.activeElement?.closest('.dash-dropdown-content') != null"


def _axe(tab: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    return list(Axe().run(tab, options=options).response["violations"])


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        lines.append(f"  [{v['impact']}] {v['id']} ({len(v['nodes'])}): {v['help']} e.g. {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_violations(page: Any, demo_atlas: Atlas, name: str, lang: str) -> None:
    path, ready = PAGES[name]
    area = str(demo_atlas.prioritized().index[0])
    page.goto(f"{path.format(area=area)}?lang={lang}")
    page.wait_for_selector(ready)
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}'")
    violations = _axe(page)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, (f"axe-core on {name} ({lang}): critical or serious violations\n"
                          f"{_describe(blocking)}\nall violations:\n{_describe(violations)}")
    screenshot(page, f"a11y_{name}_{lang}")


def test_the_indicator_picker_works_by_keyboard_alone(page: Any) -> None:
    """Tab to the picker, type to search, Enter to choose: the map shows the indicator."""
    page.goto("/?lang=en&indicator=unemployment")
    page.wait_for_selector("path.choroplethlocation")
    for _ in range(20):  # skip link, header links, language links, then the pickers
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "map-indicator":
            break
    assert page.evaluate("document.activeElement.id") == "map-indicator", "the picker is not in the tab order"
    assert page.evaluate("document.activeElement.getAttribute('aria-hidden')") is None
    page.keyboard.press("Enter")  # opens the list
    page.wait_for_function(OPEN)
    page.keyboard.type("employment rate")  # the first key moves to the search box
    assert page.input_value(".dash-dropdown-search") == "employment rate"
    page.wait_for_function("() => document.querySelector('.dash-dropdown-options .dash-options-list-option')"
                           "?.innerText.trim() === 'Employment rate'")  # the list has caught up
    blocking = [v for v in _axe(page) if v["impact"] in BLOCKING]  # the open list, too
    assert not blocking, f"axe-core on the open picker:\n{_describe(blocking)}"
    page.keyboard.press("Enter")  # chooses the first match
    page.wait_for_function("() => document.querySelector('.map-title').innerText.startsWith('Employment rate')")
    page.wait_for_function("() => window.location.search.includes('indicator=employment_rate')")
    assert page.evaluate("document.activeElement.id") == "map-indicator"  # focus is back on the picker
    screenshot(page, "11_map_picked_by_keyboard")
    # A domain's name matches its (disabled) heading first: Enter takes its first indicator.
    page.keyboard.press("Enter")
    page.wait_for_function(OPEN)
    page.keyboard.type("work and income")
    page.wait_for_function("() => document.querySelector('.dash-dropdown-options .dash-options-list-option input')"
                           "?.disabled === true")
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.location.search.includes('indicator=unemployment')")
    assert page.inner_text(".map-title").startswith("Unemployment")


def test_the_sex_choice_is_a_named_native_radio_group(page: Any) -> None:
    """A radiogroup named by its legend, of native radios that arrow keys move through."""
    page.goto("/?lang=en&indicator=unemployment&sex=total")
    page.wait_for_selector("path.choroplethlocation")
    group = page.get_by_role("radiogroup", name="Sex")
    assert group.get_attribute("id") == "map-sex"
    assert page.locator("#map-sex [role='option'], #map-sex [aria-selected]").count() == 0
    group.get_by_role("radio", name="All").focus()
    page.keyboard.press("ArrowRight")  # the browser's own radio-group keys
    page.wait_for_function("() => window.location.search.includes('sex=female')")
    assert page.is_checked("#map-sex input[value='female']")
    assert page.locator("#map-sex [role='option'], #map-sex [aria-selected]").count() == 0  # after a re-render
