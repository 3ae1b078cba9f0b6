"""End to end in headless Chromium, on the demo city: a handful of robust checks.

Every wait is for a selector or a condition in the page; nothing sleeps.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pytest

from dashboard.model import Atlas
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

AREA = "path.choroplethlocation"
FILLS = "() => Array.from(document.querySelectorAll('path.choroplethlocation'))" \
        ".map(e => getComputedStyle(e).fill).join('|')"


def test_map_loads_with_the_demo_city(page: Any, demo_atlas: Atlas) -> None:
    page.goto("/?lang=en")
    page.wait_for_function(f"() => document.querySelectorAll('{AREA}').length >= {len(demo_atlas.areas())}")
    header = page.inner_text(".site-header")
    assert demo_atlas.city()["name_en"] in header and "Synthetic demo data" in header
    names = page.locator(".prio-name").all_inner_texts()
    assert names == list(demo_atlas.prioritized()["name"])
    assert page.title() == "Well-being atlas"
    assert "indicator=" in page.url  # the view's state is in the address
    screenshot(page, "01_map_en")


def test_switching_the_indicator_recolours_the_map(page: Any) -> None:
    page.goto("/?lang=en&indicator=unemployment")
    page.wait_for_selector(AREA)
    before = page.evaluate(FILLS)
    page.click("#map-indicator")
    option = page.get_by_role("radio", name="Employment rate", exact=True)  # a native radio in the list
    page.locator(".dash-dropdown-option", has=option).click()
    page.wait_for_function("() => window.location.search.includes('indicator=employment_rate')")
    page.wait_for_function(f"(before) => ({FILLS})() !== before", arg=before)
    assert page.inner_text(".map-title").startswith("Employment rate")
    assert "Employment rate" in page.inner_text("#map-legend")
    screenshot(page, "02_map_indicator_switched")


# A point inside some area (in page coordinates): the centre of the first sizeable
# path whose centre lies inside its own fill.
INSIDE = """() => {
  for (const p of document.querySelectorAll('path.choroplethlocation')) {
    const b = p.getBBox();
    const centre = new DOMPoint(b.x + b.width / 2, b.y + b.height / 2);
    if (b.width > 8 && p.isPointInFill(centre)) {
      const s = centre.matrixTransform(p.getScreenCTM());
      return [s.x, s.y];
    }
  }
  return null;
}"""


def test_clicking_an_area_opens_its_profile(page: Any, demo_atlas: Atlas) -> None:
    page.goto("/?lang=sv")
    page.wait_for_selector(AREA)
    x, y = page.wait_for_function(INSIDE).json_value()
    page.mouse.click(x, y)
    page.wait_for_selector(".profile-table")
    code = page.url.split("/area/")[1].split("?")[0]
    assert page.inner_text("h1") == demo_atlas.areas().loc[code, "name"]
    assert "lang=sv" in page.url and "indikatorer" in page.inner_text(".summary")
    screenshot(page, "03_area_profile_sv")


def test_switching_language_translates_the_page(page: Any) -> None:
    page.goto("/?lang=en&indicator=unemployment&colouring=classes")
    page.wait_for_selector(AREA)
    assert page.inner_text(".nav").split()[0] == "Map"
    page.get_by_role("link", name="PL", exact=True).click()
    page.wait_for_function("() => document.querySelector('.map-title').innerText.startsWith('Bezrobocie')")
    assert page.inner_text(".nav").split()[0] == "Mapa"
    assert page.evaluate("document.documentElement.lang") == "pl"
    assert "lang=pl" in page.url and "colouring=classes" in page.url  # the selection is kept
    assert "Obszary priorytetowe" in page.inner_text(".panel-prioritized")
    screenshot(page, "04_map_pl_classes")


def test_a_shared_url_reproduces_the_view(page: Any, demo_atlas: Atlas) -> None:
    first = demo_atlas.periods("unemployment")[0]
    shared = f"/?lang=sv&indicator=unemployment&period={first}&sex=female&colouring=classes&scheme=equal_interval"
    page.goto(shared)
    page.wait_for_selector(AREA)
    assert page.inner_text(".map-title") == f"Arbetslöshet, kvinnor, {first}"  # whose figures
    assert page.is_checked("#map-sex input[value='female']")
    assert page.is_checked("#map-colouring input[value='classes']")
    assert "Lika intervall" in page.inner_text("#map-scheme")
    assert page.url.endswith(shared)  # loading it wrote back the same address
    screenshot(page, "05_shared_url")


def test_an_unknown_area_gives_the_friendly_page(page: Any) -> None:
    page.goto("/area/NOPE?lang=en")
    page.wait_for_selector(".not-found")
    assert "There is no area with the code “NOPE”." in page.inner_text(".not-found")
    screenshot(page, "06_unknown_area")
    page.click("#not-found-back")
    page.wait_for_selector(AREA)
    back = urlparse(page.url)
    assert back.path == "/" and "lang=en" in back.query.split("&")  # the map, still in English


def test_the_planners_question_in_one_click(page: Any, demo_atlas: Atlas) -> None:
    """How is the first prioritized area doing on unemployment, and is the gap closing?"""
    page.goto("/?lang=en&indicator=unemployment")
    page.wait_for_selector(".prio-link")
    first = page.locator(".prio-link").first
    chip = first.locator(".chip").inner_text()  # the answer is already on the map page...
    first.click()  # ...and one click opens the profile with the trend and the gap
    page.wait_for_selector(".profile-table")
    headline = page.inner_text("#area-gap")
    assert headline.startswith("Unemployment") and "Gap to the city:" in headline
    row = page.locator("tr", has=page.get_by_role("link", name="Unemployment", exact=True)).inner_text()
    assert chip.split(" ", 1)[1] in row
    assert any(word in row for word in ("Gap narrowing", "Gap widening", "Gap stable", "Not enough data"))
    screenshot(page, "07_planner_question")


def test_every_page_has_a_skip_link_and_keyboard_focus(page: Any) -> None:
    page.goto("/compare?lang=en")
    page.wait_for_selector("table.rug")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.location.hash === '#main-content'")
    assert page.locator("table.rug td.cell").first.get_attribute("title")  # words, not colour only
    screenshot(page, "08_compare")


def test_a_prioritized_profile_lists_what_the_area_has(page: Any, demo_atlas: Atlas) -> None:
    code = str(demo_atlas.prioritized().index[0])
    page.goto(f"/area/{code}?lang=pl")
    card = page.wait_for_selector("#about-area")
    assert card is not None and card.is_visible()
    headings = page.locator("#about-area h3").all_inner_texts()
    assert headings == ["Zasoby", "Areny i miejsca spotkań", "Trwające inicjatywy", "Głos mieszkańców",
                        "Miejsca na obszarze"]  # the notes, then the places register (#13)
    assert page.locator("#about-area a[href^='https://']").count() >= 1
    screenshot(page, "09_about_the_area_pl")
    other = str(demo_atlas.areas().loc[~demo_atlas.areas()["prioritized"]].index[0])
    page.goto(f"/area/{other}?lang=pl")
    page.wait_for_selector(".profile-table")
    # an area without notes: the card lists only the places there, or is not shown at all
    places = demo_atlas.snapshot().programme["places"]
    if (places["area_code"] == other).any():
        assert page.locator("#about-area h3").all_inner_texts() == ["Miejsca na obszarze"]
    else:
        assert page.locator("#about-area").count() == 0


# Each mapped area's outcome as the browser holds it (trace name by area code).
OUTCOMES = """() => Object.fromEntries(document.querySelector('#map-graph .js-plotly-plot').data
  .filter(t => t.name !== 'prioritized').flatMap(t => t.locations.map(code => [code, t.name])))"""


def test_switching_the_comparator_recolours_the_map(page: Any) -> None:
    """The comparator switch is a named radio group: arrow keys move it; the legend's title,
    the colours and the address follow."""
    page.goto("/?lang=en&indicator=unemployment")
    page.wait_for_selector(AREA)
    assert "Compared with the city" in page.inner_text(".legend-title")
    before, fills = page.evaluate(OUTCOMES), page.evaluate(FILLS)
    group = page.get_by_role("radiogroup", name="Compare with")
    group.get_by_role("radio", name="The city", exact=True).focus()
    page.keyboard.press("ArrowRight")  # the browser's own radio-group keys
    page.wait_for_function("() => window.location.search.includes('comparator=rest')")
    page.wait_for_function("() => document.querySelector('.legend-title').innerText"
                           ".includes('Compared with the rest of the city')")
    group.get_by_role("radio", name="Sweden", exact=True).check()
    page.wait_for_function("() => window.location.search.includes('comparator=SE')")
    page.wait_for_function("() => document.querySelector('.legend-title').innerText.includes('Compared with Sweden')")
    page.wait_for_function(f"(before) => ({FILLS})() !== before", arg=fills)
    after = page.evaluate(OUTCOMES)
    assert after.keys() == before.keys() and any(after[c] != before[c] for c in before)
    assert "Sweden:" in page.inner_text("#map-legend")  # Sweden's own value
    screenshot(page, "12_map_compared_with_sweden")


def test_the_indicator_page_shows_inequality_and_the_funnel(page: Any) -> None:
    page.goto("/indicator/obesity?lang=en")
    page.wait_for_selector("#indicator-ineq-chart .main-svg")
    page.wait_for_selector("#indicator-funnel-chart .main-svg")
    headline = page.inner_text("#indicator-ineq-headline")
    assert headline.startswith("Obesity is") and "percentage points" in headline and "Low economic standard" in headline
    assert page.locator("#indicator-funnel-chart .scatterlayer .trace").count() >= 5  # limits, city, areas
    page.goto("/indicator/life_expectancy?lang=en")
    page.wait_for_selector("#indicator-ranked .main-svg")
    assert not page.is_visible("#indicator-funnel")  # no funnel for a life table
    page.get_by_role("radiogroup", name="Age").get_by_role("radio", name="At 65").check()
    page.wait_for_function("() => window.location.search.includes('age=65%2B') "
                           "|| window.location.search.includes('age=65+')")
    page.wait_for_function("() => document.querySelector('#indicator-ineq-headline').innerText"
                           ".includes('main age group')")
    screenshot(page, "13_life_expectancy_at_65")
