"""The map's places layer: off by default, switched on from the checkbox or the URL
(?places=on), one marker trace per category (own colour and shape) over the areas, a legend
naming the categories in the page's language, the switch kept in the URL state."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from typing import Any

import dash
import pytest
from dash import Patch
from sqlalchemy import Engine, insert

from dashboard import ids
from dashboard.app import create_app
from dashboard.figures.places import place_traces, with_places
from dashboard.model import Atlas
from dashboard.viewmodels.places import STYLES, place_layer, places_on
from store.engine import make_engine
from store.migrate import upgrade
from store.programme_schema import Place, PlaceCategory
from synthetic.grid_city import build_city
from tests.dashboard.helpers import find, page_text, to_json

CATEGORIES = [
    {"code": "library", "position": 1, "name_sv": "Bibliotek", "name_pl": "Biblioteki", "name_en": "Libraries"},
    {"code": "school", "position": 2, "name_sv": "Skolor", "name_pl": "Szkoły", "name_en": "Schools"},
    {"code": "pool", "position": 3, "name_sv": "Badhus", "name_pl": "Baseny", "name_en": "Pools"},
]


@pytest.fixture(scope="module")
def places_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dash.Dash, dict[str, Any]]]:
    """A synthetic city with three places in two categories (the third category has none)."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('places') / 'atlas.sqlite'}")
    upgrade(engine)
    info = build_city(engine)
    _add_places(engine, info["codes"])
    atlas = Atlas(engine)
    yield create_app(atlas), info
    engine.dispose()


def _add_places(engine: Engine, codes: list[str]) -> None:
    rows = [
        {"id": 1, "category": "library", "name": "Stadsbiblioteket <b>", "lon": 18.07, "lat": 59.33,
         "area_code": codes[0]},
        {"id": 2, "category": "school", "name": "Norra skolan", "lon": 18.08, "lat": 59.34, "area_code": codes[1]},
        {"id": 3, "category": "school", "name": "Skolan utanför", "lon": 18.5, "lat": 59.5, "area_code": None},
    ]
    with engine.begin() as conn:
        conn.execute(insert(PlaceCategory), CATEGORIES)
        conn.execute(insert(Place), rows)


def _home() -> Any:
    return importlib.import_module("dashboard.pages.home")


def test_the_switch_reads_checklist_and_url_values() -> None:
    assert places_on(["on"]) and places_on("on") and places_on("1")
    assert not places_on(None) and not places_on([]) and not places_on("off")


def test_layer_traces_one_per_category_with_own_colour_and_shape(places_app: Any) -> None:
    app, _ = places_app
    with app.server.test_request_context("/"):
        layer = place_layer(_atlas(), "pl")
    assert layer is not None and layer.total == 3
    assert [(k.code, k.name, k.count) for k in layer.kinds] == [("library", "Biblioteki", 1), ("school", "Szkoły", 2)]
    traces = place_traces(layer, tiles=False)
    assert [t["type"] for t in traces] == ["scattergeo", "scattergeo"]
    assert [t["marker"]["symbol"] for t in traces] == [STYLES[0][1], STYLES[1][1]]
    assert len({t["marker"]["color"] for t in traces}) == 2
    assert traces[0]["customdata"] == [["Stadsbiblioteket &lt;b&gt;"]]  # a name never draws markup
    assert traces[1]["hovertemplate"] == "<b>%{customdata[0]}</b><br>Szkoły<extra></extra>"
    assert traces[1]["lon"] == [18.08, 18.5]
    assert {t["type"] for t in place_traces(layer, tiles=True)} == {"scattermap"}
    figure = {"data": [{"type": "choropleth"}], "layout": {}}
    assert [t["type"] for t in with_places(figure, traces)["data"]] == ["choropleth", "scattergeo", "scattergeo"]
    patch = Patch()
    patch["data"] = [{"type": "choropleth"}]
    operations = json.loads(to_json(with_places(patch, traces)))["operations"]
    assert [op["operation"] for op in operations] == ["Assign", "Extend"]


def _atlas() -> Atlas:
    from dashboard.context import current_atlas

    return current_atlas()


def test_off_by_default_and_on_from_the_url(places_app: Any) -> None:
    app, _ = places_app
    home = _home()
    with app.server.test_request_context("/"):
        off = home.layout(lang="sv")
        on = home.layout(lang="sv", places="on")
    graph_off, graph_on = find(off, ids.Map.graph), find(on, ids.Map.graph)
    assert not [t for t in graph_off.figure["data"] if t["type"] == "scattergeo"]
    assert find(off, ids.Map.places).value == [] and find(off, ids.Map.places_legend).hidden
    assert [t["name"] for t in graph_on.figure["data"] if t["type"] == "scattergeo"] == [
        "places:library", "places:school"]
    assert find(on, ids.Map.places).value == ["on"]
    assert find(on, ids.Map.places).options[0]["label"] == "Visa platser på kartan"
    legend = find(on, ids.Map.places_legend)
    assert not legend.hidden and page_text(legend).split("\n")[:4] == ["Platser", "●", "Bibliotek", "1"]
    assert "Kartan visar också 3 platser: Bibliotek (1), Skolor (2)." in page_text(find(on, ids.Map.alt))
    state = find(on, ids.url_state("map"))
    assert state.data["query"]["places"] == "on" and "places" not in find(off, ids.url_state("map")).data["query"]


def test_the_callback_draws_the_layer_and_keeps_it_in_the_url(places_app: Any) -> None:
    app, info = places_app
    home = _home()
    state = {"path": "/", "query": {"lang": "pl"}}
    with app.server.test_request_context("/"):
        atlas = _atlas()
        indicator = str(atlas.catalogue().index[0])
        period = str(info["periods"][-1])
        on = home.update_map(indicator, period, "total", "comparison", "quantiles", atlas.version(), state,
                             places=["on"])
        off = home.update_map(indicator, period, "total", "comparison", "quantiles", None, state, places=[])
    operations = json.loads(to_json(on["figure"]))["operations"]
    assert operations[-1]["operation"] == "Extend" and len(operations[-1]["params"]["value"]) == 2
    assert on["state"]["query"]["places"] == "on" and "places" not in off["state"]["query"]
    assert page_text(on["places_legend"]).startswith("Miejsca") and "Szkoły" in page_text(on["places_legend"])
    assert on["places_hidden"] is False and off["places_hidden"] is True and off["places_legend"] == []
    assert not [t for t in off["figure"]["data"] if t["type"] == "scattergeo"]
    assert "Mapa pokazuje też miejsca (3): Biblioteki (1), Szkoły (2)." in on["alt"]


def test_a_city_without_places_offers_no_switch(pages: Any, in_request: Any) -> None:
    with in_request():
        page = pages.home.layout(lang="en", places="on")
    switch = find(page, ids.Map.places)
    assert switch.options == [] and not [t for t in find(page, ids.Map.graph).figure["data"]
                                         if t["type"] == "scattergeo"]
    assert find(page, ids.Map.places_legend).hidden
