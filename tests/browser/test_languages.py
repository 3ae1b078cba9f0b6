"""Every page in the page's language: the not-found page's title and lang, Plotly's locale,
and no text of another language once the page's callbacks have drawn it
(tests/languages/leaks.py; the served layouts and the profiles: tests/languages)."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard.model import Atlas
from reports.batch import prioritized_codes
from tests.languages.leaks import foreign_texts, leaks


@pytest.mark.parametrize(("lang", "title"), [("pl", "Nie znaleziono strony"), ("en", "Page not found"),
                                             ("sv", "Sidan hittades inte")])
def test_the_not_found_page_speaks_the_pages_language(page: Any, lang: str, title: str) -> None:
    page.goto(f"/nowhere/at/all?lang={lang}")
    page.wait_for_function(f"() => document.documentElement.lang === '{lang}' "
                           f"&& document.title.startsWith('{title}')")
    assert page.evaluate("() => window.location.pathname") == "/nowhere/at/all"
    assert page.inner_text("h1") == title


ENGLISH_TOOLBAR = {"Zoom in", "Zoom out", "Reset view", "Pan", "Reset axes", "Autoscale", "Zoom",
                   "Produced with Plotly.js"}


@pytest.mark.parametrize(("lang", "expected"), [("pl", "Powiększ"), ("sv", "Zooma in")])
def test_the_map_toolbar_speaks_the_pages_language(page: Any, lang: str, expected: str) -> None:
    page.goto(f"/?lang={lang}")
    page.wait_for_selector(".map-graph .modebar-btn", state="attached")
    titles = page.eval_on_selector_all(".map-graph .modebar-btn", "bs => bs.map(b => b.getAttribute('data-title'))")
    assert expected in titles, titles
    assert not ENGLISH_TOOLBAR & set(titles), titles


# the page's text but that of <code> (file paths and data, verbatim)
VISIBLE_TEXT = """() => {
    const code = Array.from(document.querySelectorAll("code"));
    code.forEach(c => { c.dataset.display = c.style.display; c.style.display = "none"; });
    const text = document.body.innerText;
    code.forEach(c => { c.style.display = c.dataset.display; });
    return text;
}"""


@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_no_rendered_page_shows_another_language(page: Any, demo_atlas: Atlas, lang: str) -> None:
    snapshot = demo_atlas.snapshot()
    area, first = prioritized_codes(snapshot)[0], str(snapshot.catalogue["id"].iloc[0])
    foreign = foreign_texts(snapshot.catalogue, lang)
    found = []
    for path, ready in (("/", "path.choroplethlocation"), (f"/area/{area}", ".profile-table"),
                        ("/compare", ".main .js-plotly-plot"), (f"/indicator/{first}", ".ranked .js-plotly-plot"),
                        ("/scatter", "#scatter-graph .main-svg"), ("/collaboration", ".main table"),
                        ("/about", ".main table")):
        page.goto(f"{path}?lang={lang}")
        page.wait_for_selector(ready, state="attached")
        page.wait_for_load_state("networkidle")
        lines = [*page.evaluate(VISIBLE_TEXT).splitlines(), page.title()]
        found += [f"{path}: {leak}" for leak in leaks([x for x in lines if x.strip()], foreign)]
    assert not found, "\n".join(found)
