"""No text of another language in the Swedish and Polish atlas (issue #12).

Every dashboard page (as the router serves it) and the HTML and PDF profile of a prioritized
area of the demo city, in sv and pl, are checked against the string tables' texts of the
other languages and the catalogue's (tests/languages/leaks.py); a catalogue text of another
language is allowed only where it is marked as a missing translation. The planted-leak
tests show the check fails when a leak is there.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from pathlib import Path

import dash
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from dashboard.app import create_app
from dashboard.model import Atlas
from etl.demo import load_demo
from presentation.strings import STRINGS
from reports import render_profile
from reports.batch import prioritized_codes
from store.engine import make_engine
from synthetic.dash_client import page_response
from tests.languages.leaks import Foreign, foreign_texts, layout_texts, leaks, table_texts

LANGS = ("sv", "pl")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Atlas]:
    path: Path = tmp_path_factory.mktemp("demo") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    load_demo(engine)
    yield Atlas(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def app(demo: Atlas) -> dash.Dash:
    return create_app(demo)


@pytest.fixture(scope="module")
def area(demo: Atlas) -> str:
    return prioritized_codes(demo.snapshot())[0]


def _paths(demo: Atlas, area: str) -> list[str]:
    first = str(demo.snapshot().catalogue["id"].iloc[0])
    return ["/", f"/area/{area}", "/compare", f"/indicator/{first}", "/scatter", "/collaboration", "/about",
            "/nowhere"]


def page_texts(app: dash.Dash, path: str, lang: str) -> list[str]:
    response = page_response(app.server.test_client(), path, f"?lang={lang}")
    assert response.status_code == 200, (path, response.status_code)
    # the page (not _pages_store: the registry's title, which the page's URL state replaces
    # with its own title in its language as soon as it is rendered)
    return list(layout_texts(response.get_json()["response"]["_pages_content"]))


def html_texts(data: bytes) -> list[str]:
    soup = BeautifulSoup(data.decode("utf-8"), "html.parser")
    for hidden in soup(["style", "script"]):
        hidden.decompose()
    nodes = [text for text in soup.stripped_strings]
    nodes += [str(tag["title"]) for tag in soup.find_all(title=True)]
    title = soup.find("title")
    return nodes + ([title.get_text()] if title else [])


def pdf_texts(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [line for page in reader.pages for line in page.extract_text().splitlines() if line.strip()]


def _foreign(demo: Atlas, lang: str) -> list[Foreign]:
    return foreign_texts(demo.snapshot().catalogue, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_no_dashboard_page_shows_another_language(app: dash.Dash, demo: Atlas, area: str, lang: str) -> None:
    foreign = _foreign(demo, lang)
    found = [f"{path}: {leak}" for path in _paths(demo, area) for leak in leaks(page_texts(app, path, lang), foreign)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["html", "pdf"])
def test_no_profile_shows_another_language(demo: Atlas, area: str, lang: str, kind: str) -> None:
    data = render_profile(demo.snapshot(), demo.comparisons(), area, kind, lang)[0]
    nodes = html_texts(data) if kind == "html" else pdf_texts(data)
    assert not (found := leaks(nodes, _foreign(demo, lang))), "\n".join(found)


# --- the check fails on a planted leak ------------------------------------------------
def test_a_planted_interface_leak_is_found(app: dash.Dash, demo: Atlas, monkeypatch: pytest.MonkeyPatch) -> None:
    foreign = _foreign(demo, "pl")  # the tables as they are: the English footer is foreign
    sv, _, en = STRINGS["footer"]
    monkeypatch.setitem(STRINGS, "footer", (sv, en, en))
    found = leaks(page_texts(app, "/about", "pl"), foreign)
    assert any("footer (en)" in leak for leak in found), found


def test_a_planted_catalogue_leak_is_found_and_a_marked_one_is_not(demo: Atlas, area: str) -> None:
    snapshot = demo.snapshot()
    catalogue = snapshot.catalogue.copy()
    foreign = foreign_texts(catalogue, "pl")
    row = catalogue.index[catalogue["id"] == "unemployment"][0]
    english = str(catalogue.loc[row, "definition_en"])
    catalogue.loc[row, "description_pl"] = english  # an unmarked English text in the Polish profile
    catalogue.loc[row, "definition_pl"] = None  # a missing one: shown in Swedish, marked
    planted = dataclasses.replace(snapshot, catalogue=catalogue)
    nodes = html_texts(render_profile(planted, demo.comparisons(), area, "html", "pl")[0])
    found = leaks(nodes, foreign)
    assert any("unemployment definition_en" in leak for leak in found), found
    assert not any("unemployment definition_sv" in leak for leak in found), found


def test_the_checker_reads_placeholders_and_plural_forms() -> None:
    foreign = table_texts("pl")
    assert leaks(["Gap to the city: Widening"], foreign)  # "Gap to the city: {gap}"
    assert leaks(["12 rows"], foreign) and not leaks(["12 wierszy"], foreign)
    assert not leaks(["Bezrobocie [EN]"], foreign)


def test_the_catalogue_marker_is_what_the_checker_allows() -> None:
    item = Foreign("catalogue x unit_en", "days", re.compile(r"(?<!\w)days(?!\w)"), " [EN]")
    assert not leaks(["12 days [EN]"], [item]) and leaks(["12 days"], [item])
