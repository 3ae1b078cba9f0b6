"""The read API of a many-city store (issue 14, item 3): two cities loaded by the ETL under
their keys, served by the dashboard's app. Each ``city=`` reads its own city, links and
ETags keep it, an unknown or malformed key is refused naming the parameter, and
/api/v1/cities lists the store's cities (and follows its registry)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import flask
import pytest
from flask.testing import FlaskClient
from sqlalchemy import Engine, text

from api.blueprint import api_blueprint
from api.endpoints import openapi_document
from api.source import StoreSource
from dashboard.app import create_app
from dashboard.model import Atlas
from etl.pipeline import run
from store.cities import drop_city, has_registry
from tests.cities import two_city_store
from tests.etl.smallcity import CODES, write_small_city

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "demo.toml"
SMALL_AREAS = {*CODES, "SC"}  # the small city's districts and its whole-city row


def client_of(engine: Engine) -> FlaskClient:
    return create_app(Atlas(engine)).server.test_client()


def body(client: FlaskClient, url: str, **kwargs: Any) -> Any:
    resp = client.get(url, **kwargs)
    assert resp.status_code == 200, (url, resp.status_code, resp.get_data(as_text=True)[:300])
    return resp.get_json()


def codes(client: FlaskClient, url: str) -> set[str]:
    return {row["code"] for row in body(client, url)["data"]}


def refusal(client: FlaskClient, url: str, status: int) -> dict[str, Any]:
    resp = client.get(url)
    assert resp.status_code == status, (url, resp.status_code, resp.get_data(as_text=True)[:300])
    assert resp.headers["Content-Type"].startswith("application/json")
    return dict(resp.get_json()["error"])


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """North (the small city, 9 districts) and south (the demo city) under their keys."""
    engine = two_city_store(tmp_path_factory.mktemp("cities"))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def client(store: Engine) -> FlaskClient:
    return client_of(store)


def test_each_city_answers_with_its_own_areas(client: FlaskClient) -> None:
    north = codes(client, "/api/v1/areas?city=north")
    south = codes(client, "/api/v1/areas?city=south")
    assert north == SMALL_AREAS
    assert len(south) == 41 and "DEMO" in south and not south & north


def test_an_unknown_city_is_a_json_404_naming_the_parameter(client: FlaskClient) -> None:
    for url in ("/api/v1/areas?city=east", "/api/v1/cities?city=east", "/api/v1/?city=east",
                "/api/v1/profiles/D05?city=east"):
        error = refusal(client, url, 404)
        assert error["parameter"] == "city", url
        assert "holds no city 'east'" in error["message"] and "/api/v1/cities" in error["message"]


@pytest.mark.parametrize(("value", "words"), [
    ("North", "is not a city key: 1 to 40 lower-case letters"),
    ("../north", "is not a city key"),
    ("n" * 41, "is not a city key"),
])
def test_a_value_that_cannot_be_a_key_is_a_400_saying_what_a_key_is(
        client: FlaskClient, value: str, words: str) -> None:
    error = refusal(client, f"/api/v1/values?city={value}", 400)
    assert error["parameter"] == "city" and words in error["message"]


def test_an_empty_city_is_refused_not_read_as_the_stores_own(client: FlaskClient) -> None:
    error = refusal(client, "/api/v1/areas?city=", 400)
    assert error["parameter"] == "city" and "empty value" in error["message"]


def test_paging_stays_in_the_city(client: FlaskClient) -> None:
    first = client.get("/api/v1/values?city=south&limit=7")
    page = first.get_json()
    following = page["meta"]["next"]
    assert parse_qs(urlparse(following).query)["city"] == ["south"]
    assert first.headers["Link"] == f'<{following}>; rel="next"'
    second = body(client, following)
    assert second["meta"]["offset"] == 7
    assert {r["area_code"] for r in page["data"] + second["data"]} <= codes(
        client, "/api/v1/areas?city=south")
    whole = body(client, "/api/v1/values?city=south&limit=14")["data"]
    assert page["data"] + second["data"] == whole


def test_the_index_and_the_docs_page_keep_the_city(client: FlaskClient) -> None:
    index = body(client, "/api/v1/?city=north")["data"]
    assert index["endpoints"]["areas"] == "/api/v1/areas?city=north"
    assert all(link.endswith("?city=north") for link in index["endpoints"].values())
    assert index["openapi"] == "/api/v1/openapi.json?city=north"
    examples = re.findall(r"<pre>(.*?)</pre>", client.get("/api/v1/docs?city=north").get_data(as_text=True))
    assert len(examples) == len(index["endpoints"])
    assert all("city=north" in example for example in examples), examples
    own = re.findall(r"<pre>(.*?)</pre>", client.get("/api/v1/docs").get_data(as_text=True))
    assert own and not any("city=" in example for example in own), own


def test_etags_differ_between_cities_of_the_same_batch(client: FlaskClient) -> None:
    rows = body(client, "/api/v1/cities")["data"]
    assert {r["batch"] for r in rows} == {1}
    north = client.get("/api/v1/indicators?city=north")
    south = client.get("/api/v1/indicators?city=south")
    assert north.headers["ETag"] != south.headers["ETag"]
    again = client.get("/api/v1/indicators?city=south", headers={"If-None-Match": north.headers["ETag"]})
    assert again.status_code == 200 and again.headers["ETag"] == south.headers["ETag"]
    same = client.get("/api/v1/indicators?city=south", headers={"If-None-Match": south.headers["ETag"]})
    assert same.status_code == 304


def test_the_api_reads_the_city_its_url_names_not_the_referring_page_s(client: FlaskClient) -> None:
    """A client of the API names its city: followed from a city's page (its Referer), a
    URL without ``city`` still reads the store's own, and the listing lists every city."""
    referred = {"Referer": "http://atlas/?city=north&lang=en"}
    listed = client.get("/api/v1/cities", headers=referred).get_json()["data"]
    assert {row["city"] for row in listed} >= {"north", "south"}
    assert client.get("/api/v1/cities").get_json()["data"] == listed


def test_a_reader_that_serves_one_city_refuses_any_other(store: Engine) -> None:
    """Mounted without the dashboard, on a reader of one city, the API does not answer a
    request for another city with the wrong city's rows."""
    from store.cities import city_engine

    app = flask.Flask("one-city")
    source = StoreSource(city_engine(store.url.render_as_string(hide_password=False), "north"))
    app.register_blueprint(api_blueprint(lambda: source))
    bare = app.test_client()
    assert codes(bare, "/api/v1/areas?city=north") == SMALL_AREAS
    error = refusal(bare, "/api/v1/areas?city=south", 404)
    assert error["parameter"] == "city" and "holds no city 'south'" in error["message"]


def test_the_cities_listing_names_every_city_and_its_api(client: FlaskClient) -> None:
    rows = {r["city"]: r for r in body(client, "/api/v1/cities?lang=en")["data"]}
    assert set(rows) == {"north", "south"}  # the store has no city of its own
    assert (rows["north"]["code"], rows["north"]["areas"]) == ("SC", 9)
    assert (rows["south"]["code"], rows["south"]["name"], rows["south"]["areas"]) == (
        "DEMO", "Demo City", 40)
    assert rows["south"]["api"] == "/api/v1/?city=south"
    index = body(client, rows["south"]["api"])["data"]
    assert codes(client, index["endpoints"]["areas"]) == codes(client, "/api/v1/areas?city=south")
    one = body(client, "/api/v1/cities?city=north")["data"]
    assert [(r["city"], r["latest_period"], r["synthetic"]) for r in one] == [("north", "2023", True)]
    csv = client.get("/api/v1/cities?format=csv").get_data(as_text=True).splitlines()
    assert csv[0].startswith("city,code,") and len(csv) == 3


def test_every_endpoint_documents_the_city_parameter() -> None:
    for path, item in openapi_document()["paths"].items():
        params = {p["name"]: p for p in item["get"]["parameters"]}
        assert "city" in params, path
        assert params["city"]["description"].startswith("The city of a many-city store, by its key")
        assert params["city"]["schema"]["pattern"] == "^[a-z][a-z0-9_]{0,39}$"


def test_a_one_city_store_refuses_a_city_and_lists_only_its_own(served: Any) -> None:
    resp = served.get("/api/v1/areas?city=uppsala")
    assert resp.status_code == 404 and resp.json()["error"]["parameter"] == "city"
    rows = served.json("/api/v1/cities")["data"]
    assert [(r["city"], r["code"], r["api"]) for r in rows] == [
        (None, served.city["city_code"], "/api/v1/")]


@pytest.fixture
def keyed(postgis_engine: Engine) -> Iterator[str]:
    """A new key for a city of the session's PostGIS store; its schema and the registry
    are removed afterwards (the database may be shared)."""
    slug = f"demo_{uuid.uuid4().hex[:8]}"
    yield slug
    drop_city(postgis_engine, slug)
    if has_registry(postgis_engine):
        with postgis_engine.begin() as conn:
            for name in ("atlas_city_values", "atlas_city_indicators", "atlas_cities"):
                conn.execute(text(f"DROP TABLE IF EXISTS {name}"))


def test_postgis_the_stores_own_city_beside_a_keyed_one(postgis_engine: Engine, keyed: str,
                                                        tmp_path: Path) -> None:
    """PostGIS: the store's own city (the small city) and the demo under a key (a schema)."""
    run(write_small_city(tmp_path / "own"), postgis_engine)
    client = client_of(postgis_engine)
    before = client.get("/api/v1/cities")
    assert [r["city"] for r in before.get_json()["data"]] == [None]
    run(DEMO, postgis_engine, city=keyed)
    assert codes(client, "/api/v1/areas") == SMALL_AREAS
    in_city = codes(client, f"/api/v1/areas?city={keyed}")
    assert "DEMO" in in_city and not in_city & SMALL_AREAS
    after = client.get("/api/v1/cities", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200, "a city loaded must change the listing's ETag"
    rows = after.get_json()["data"]
    assert [(r["city"], r["code"]) for r in rows] == [(None, "SC"), (keyed, "DEMO")]
    assert rows[0]["api"] == "/api/v1/" and rows[1]["api"] == f"/api/v1/?city={keyed}"
    following = body(client, f"/api/v1/comparisons?city={keyed}&limit=3")["meta"]["next"]
    assert f"city={keyed}" in following and body(client, following)["meta"]["offset"] == 3
