"""The dashboard of a many-city store (issue 14, item 3): the URL carries the city.

Two small cities are loaded by the ETL into one SQLite store under keys; every page,
callback, file and link of a request reads and keeps the city its URL names, the payload
cache never answers one city's request with another's, and an unknown city is a 404.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.model import Atlas
from etl.pipeline import run
from store.engine import make_engine
from synthetic.dash_client import dispatch, page_response, state_key
from tests.etl.smallcity import table_csv, table_rows, write_small_city


def _raised_table() -> str:
    """The small city's table with the first area's unemployment numerators doubled."""
    rows = table_rows()
    for row in rows:
        if row[0] == "unemployment" and row[1] == "D01":
            row[4] = str(int(row[4]) * 2)
    return table_csv(rows)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("cities")
    store = make_engine(f"sqlite:///{folder / 'atlas.sqlite'}")
    run(write_small_city(folder / "north"), store, city="north")
    run(write_small_city(folder / "south", table=_raised_table()), store, city="south")
    yield create_app(Atlas(store)).server.test_client()
    store.dispose()


def _map(client: Any, city: str) -> dict[str, Any]:
    values = {(ids.Map.indicator, "value"): "unemployment", (ids.Map.period, "value"): "2023",
              (ids.Map.sex, "value"): "total", (ids.Map.colouring, "value"): "classes",
              (ids.Map.scheme, "value"): "quantiles",
              (state_key(ids.url_state("map")), "data"): {"path": "/", "query": {"lang": "en"}}}
    resp = dispatch(client, f"{ids.Map.graph}.figure", values,
                    headers={"Referer": f"http://localhost/?city={city}&lang=en"})
    assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
    return resp.get_json()["response"]


def _d01(figure: dict[str, Any]) -> str:
    for trace in figure["data"]:
        for code, row in zip(trace.get("locations") or [], trace.get("customdata") or [], strict=False):
            if code == "D01":
                return json.dumps(row)
    raise AssertionError("D01 is not on the map")


def test_each_city_s_map_shows_its_own_values_and_the_cache_keeps_them_apart(client: Any) -> None:
    north, south = _map(client, "north"), _map(client, "south")
    again = _map(client, "north")  # from the payload cache now: still north's
    assert _d01(north[ids.Map.graph]["figure"]) != _d01(south[ids.Map.graph]["figure"])
    assert _d01(again[ids.Map.graph]["figure"]) == _d01(north[ids.Map.graph]["figure"])


def test_a_page_s_links_keep_its_city(client: Any) -> None:
    page = json.dumps(page_response(client, "/area/D01", "?city=south&lang=en").get_json())
    assert "city=south" in page and "city=north" not in page
    assert "Small City" in page
    plain = json.dumps(page_response(client, "/compare", "?lang=en").get_json())
    assert "city=" not in plain  # the store's own city: no key in any link


def test_the_outlines_are_fetched_per_city(client: Any) -> None:
    page = json.dumps(page_response(client, "/", "?city=north&lang=en").get_json())
    assert "/geo/1.geojson?city=north" in page
    north = client.get("/geo/1.geojson?city=north")
    assert north.status_code == 200 and json.loads(north.get_data())["features"]
    assert client.get("/geo/1.geojson").status_code in (302, 308)  # the own city has no batch 1


def test_an_unknown_city_is_a_404(client: Any) -> None:
    for url in ("/?city=west", "/api/v1/areas?city=west", "/geo/1.geojson?city=west",
                "/?city=..%2Fetc"):
        assert client.get(url).status_code == 404, url
    assert page_response(client, "/", "?city=west").status_code == 404


def test_a_city_s_refresh_is_seen_without_a_restart(tmp_path: Path) -> None:
    """A running dashboard shows a keyed city's new load at the next request (its own load
    batch, its own cache keys), and the other city's pages stay as they were."""
    store = make_engine(f"sqlite:///{tmp_path / 'atlas.sqlite'}")
    run(write_small_city(tmp_path / "north"), store, city="north")
    run(write_small_city(tmp_path / "south"), store, city="south")
    client = create_app(Atlas(store)).server.test_client()
    before = {city: _d01(_map(client, city)[ids.Map.graph]["figure"]) for city in ("north", "south")}
    run(write_small_city(tmp_path / "north", table=_raised_table()), store, city="north")
    after = {city: _d01(_map(client, city)[ids.Map.graph]["figure"]) for city in ("north", "south")}
    assert after["north"] != before["north"] and after["south"] == before["south"]
    store.dispose()


def test_without_a_city_of_its_own_the_country_page_links_to_no_city_s_pages(client: Any) -> None:
    """The store holds no city of its own: /cities offers the municipalities, not a map or a
    compare page of an empty city; a city's pages have their navigation."""
    country = json.dumps(page_response(client, "/cities", "?lang=en").get_json())
    assert '"nav-link' not in country and "All municipalities" in country
    city = json.dumps(page_response(client, "/compare", "?lang=en&city=north").get_json())
    assert '"nav-link' in city and "All municipalities" in city
