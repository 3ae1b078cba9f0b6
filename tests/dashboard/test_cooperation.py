"""The area profile's programme sections (issue #13), served by the router: "What the city
is doing here" (gaps in words, initiatives by sector, the sector × institution-type matrix as
a table with text marks and a caption), the residents' view (survey, year, respondents,
quotes) and the places in the "About the area" card, in sv, pl and en.

The store is the export tests' small city with the hand-made register of
tests/presentation/programme_frames.py written into it (area A1 is P01) and a residents'
view flag on ``employment``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dash
import pytest
from sqlalchemy import insert, update

from dashboard import ids
from dashboard.app import create_app
from dashboard.model import Atlas
from store.base import Base
from store.engine import make_engine
from store.migrate import upgrade
from store.schema import Indicator
from synthetic.dash_client import page_response
from tests.export.city import CITY_CODE, FOCUS, build_city
from tests.presentation.programme_frames import programme

CODES = {"A1": FOCUS, "A2": "P02", "CITY": CITY_CODE}
TABLES = ("institutions", "initiatives", "initiative_areas", "initiative_partners", "place_categories", "places")


def write_programme(engine: Any) -> None:
    snap = programme()
    with engine.begin() as conn:
        for name in TABLES:
            frame = snap[name].copy()
            if "area_code" in frame:
                frame["area_code"] = frame["area_code"].map(lambda a: CODES.get(a, a))
            rows = [{k: (None if v != v else v) for k, v in r.items()} for r in frame.to_dict("records")]
            conn.execute(insert(Base.metadata.tables[name]), rows)
        conn.execute(update(Indicator).where(Indicator.id == "employment")
                     .values(residents_view=True, survey="Områdesenkäten"))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dash.Dash]:
    path: Path = tmp_path_factory.mktemp("coop") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    build_city(engine)
    write_programme(engine)
    yield create_app(Atlas(engine))
    engine.dispose()


def _page(app: dash.Dash, lang: str, code: str = FOCUS) -> str:
    response = page_response(app.server.test_client(), f"/area/{code}", f"?lang={lang}")
    assert response.status_code == 200
    return json.dumps(response.get_json()["response"]["_pages_content"], ensure_ascii=False)


def _find(node: Any, id_: str) -> Any:
    """The component with ``id_`` in a layout as JSON (dicts and lists), or None."""
    if isinstance(node, dict):
        if node.get("props", {}).get("id") == id_:
            return node
        return next((f for v in node.values() if (f := _find(v, id_)) is not None), None)
    if isinstance(node, list):
        return next((f for v in node if (f := _find(v, id_)) is not None), None)
    return None


def _texts(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return _texts(node.get("props", {}).get("children"))
    if isinstance(node, list):
        return [t for v in node for t in _texts(v)]
    return []


def test_the_section_states_the_gaps_in_words(app: dash.Dash) -> None:
    layout = json.loads(_page(app, "sv"))
    gaps = _texts(_find(layout, ids.Area.gaps))
    assert gaps[0] == "Luckor"
    assert "Ingen insats inom miljö i Hässleholmen." in gaps
    assert "Ingen insats inom gemenskap i Hässleholmen." in gaps


def test_initiatives_by_sector_with_status_period_and_institutions(app: dash.Dash) -> None:
    layout = json.loads(_page(app, "en"))
    texts = _texts(_find(layout, ids.Area.initiatives))
    assert [t for t in texts if t in ("Education", "Employment and economy", "Housing", "Health")] == [
        "Education", "Employment and economy", "Housing", "Health"]
    assert texts.index("Initiative i1") < texts.index("Initiative i3") < texts.index("Initiative i2")
    assert "Ongoing" in texts and "from 2025" in texts and "city-wide" in texts
    assert "Polisen Norr" in texts and " (Police)" in texts
    assert "Initiative i6" not in texts  # another area's


def test_the_matrix_is_a_captioned_table_with_text_marks(app: dash.Dash) -> None:
    layout = json.loads(_page(app, "pl"))
    matrix = _find(layout, ids.Area.matrix)
    assert matrix["type"] == "Table"
    texts = _texts(matrix)
    assert texts[0].startswith("Rodzaje instytucji w inicjatywach na obszarze Hässleholmen")
    assert "● prowadzi" in texts and "○ uczestniczy" in texts
    assert texts.count("● prowadzi") == 4  # school, labour office, housing company, health care


def test_residents_view_and_places(app: dash.Dash) -> None:
    layout = json.loads(_page(app, "sv"))
    residents = _texts(_find(layout, ids.Area.residents))
    assert residents[0] == "De boendes röst"
    assert "Områdesenkäten" in residents and "Tryggare kvällar" in " ".join(residents)
    places = _texts(_find(layout, ids.Area.places))
    assert places[:2] == ["Platser i området", "Skolor: 3"]
    about = _find(layout, ids.Area.about)
    assert _find(about, ids.Area.places) is not None  # in the "About the area" card


def test_an_area_without_notes_still_lists_its_places_and_gaps(app: dash.Dash) -> None:
    layout = json.loads(_page(app, "en", "P02"))
    assert _texts(_find(layout, ids.Area.places))[:2] == ["Places in the area", "Schools: 1"]
    gaps = _texts(_find(layout, ids.Area.gaps))
    assert "No initiative on education in Östra Kyrkbacken." in gaps
