"""The country level (/cities, issue 14 item 3) on a real many-city store: the demo city and
the small city loaded by the ETL under two keys into SQLite. Each municipality's value and
its judgement against the country come from the registry; its links carry ``city=``; the
header links up to the municipalities; a one-city store says plainly there is nothing above."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import dash
import pandas as pd
import pytest
from sqlalchemy import Engine

from dashboard import ids
from dashboard.app import create_app
from dashboard.figures.cities import cities_figure, cities_patch
from dashboard.model import Atlas
from dashboard.registry import Cities, Registry
from dashboard.viewmodels.cities import (
    cities_model,
    comparison_key,
    country_names,
    headline_age,
    outlines_token,
)
from etl.pipeline import run
from presentation import palette
from presentation.i18n import t
from presentation.numbers import format_number
from store.cities import drop_city
from store.engine import make_engine
from tests.dashboard.helpers import dispatch, state_key
from tests.etl.smallcity import write_small_city

SLUGS = ("exempel", "small")
DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "demo.toml"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A store holding two cities by key (and no city of its own)."""
    folder = tmp_path_factory.mktemp("cities")
    engine = make_engine(f"sqlite:///{folder / 'atlas.sqlite'}")
    run(DEMO, engine, city="exempel")
    run(write_small_city(folder / "small", methods=True), engine, city="small")
    yield engine
    for slug in SLUGS:
        drop_city(engine, slug)
    engine.dispose()


@pytest.fixture(scope="module")
def reader(store: Engine) -> Registry:
    return Registry(store)


@pytest.fixture(scope="module")
def registry(reader: Registry) -> Cities:
    return reader.read()


def _model(reader: Registry, lang: str = "en", **params: str) -> Any:
    return cities_model(reader.read(), reader.values, params, lang)


@pytest.fixture(scope="module")
def many_app(store: Engine) -> dash.Dash:
    return create_app(Atlas(store))


@pytest.fixture
def many(many_app: dash.Dash) -> Any:
    return many_app.server.test_client()


def _layout(client: Any, path: str, search: str, referrer: str | None = None) -> str:
    """A page's layout as the router sends it (characters unescaped); ``referrer``: the page
    the browser is on (where a callback's city comes from)."""
    values = {("_pages_location", "pathname"): path, ("_pages_location", "search"): search}
    headers = {"Referer": referrer} if referrer else None
    resp = dispatch(client, "_pages_content.children", values, headers=headers)
    assert resp.status_code == 200
    return json.dumps(resp.get_json(), ensure_ascii=False)


def _hrefs(body: str) -> list[str]:
    return [h for h in _find_all(json.loads(body), "href")]


def _find_all(node: Any, key: str) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key and isinstance(v, str):
                yield v
            else:
                yield from _find_all(v, key)
    elif isinstance(node, list):
        for item in node:
            yield from _find_all(item, key)


def _registry_row(reader: Registry, slug: str, indicator: str, period: str, sex: str = "total") -> Any:
    v = reader.values(indicator)
    rows = v[(v["slug"] == slug) & (v["indicator_id"] == indicator) & (v["period"] == period) & (v["sex"] == sex)]
    assert len(rows) == 1
    return rows.iloc[0]


# --- the view model ------------------------------------------------------------------------

def test_each_municipality_is_judged_against_its_country_as_the_registry_says(reader: Registry) -> None:
    model = _model(reader, indicator="unemployment", period="2023")
    assert [r.slug for r in model.rows] == ["exempel", "small"]  # by name: Demo City, Small City
    for row in model.rows:
        stored = _registry_row(reader, row.slug, "unemployment", "2023")
        assert row.comparison == stored["compared_to_national"]
        assert row.value == pytest.approx(stored["value"])
        assert (row.lower, row.upper) == (pytest.approx(stored["lower_ci"]), pytest.approx(stored["upper_ci"]))
        assert row.national_value == pytest.approx(stored["national_value"])
    # the two cities differ from their country in opposite directions: the page shows both
    assert {r.comparison for r in model.rows} == {"much_worse", "much_better"}
    assert model.countries == ("Sweden",) and model.unit == "%" and model.decimals == 1


def test_a_municipality_without_the_value_is_listed_as_no_value(reader: Registry, registry: Cities) -> None:
    held = registry.indicators
    small_has = set(held.loc[held["slug"] == "small", "indicator_id"])
    missing = next(i for i in sorted(set(held["indicator_id"])) if i not in small_has)
    model = _model(reader, indicator=missing)
    small = next(r for r in model.rows if r.slug == "small")
    assert small.value is None and small.comparison == "no_data"
    assert len(model.rows) == 2  # still listed


def test_a_value_without_a_national_one_is_not_compared(reader: Registry) -> None:
    model = _model(reader, "sv", indicator="unemployment", period="2023", sex="female")
    demo = next(r for r in model.rows if r.slug == "exempel")
    assert demo.value is not None and demo.national_value is None and demo.comparison == "not_compared"
    assert model.sexes == ("total", "female", "male") and model.sex == "female"


def test_unknown_choices_fall_back_to_the_defaults(reader: Registry, registry: Cities) -> None:
    model = _model(reader, indicator="nope", period="1066", sex="x", sort="y")
    assert model.indicator_id in set(registry.indicators["indicator_id"])
    assert model.period == model.periods[-1] and model.sex == "total" and model.sort == "name"
    # the default indicator compares some municipality with its country (no grey map)
    assert any(r.comparison not in ("no_data", "not_compared") for r in model.rows)


@pytest.mark.parametrize(("sort", "first"), [("high", "exempel"), ("low", "small"),
                                             ("comparison", "small"), ("name", "exempel")])
def test_the_table_sorts(reader: Registry, sort: str, first: str) -> None:
    model = _model(reader, indicator="unemployment", period="2023", sort=sort)
    assert model.rows[0].slug == first  # Demo City 6.6 % (much worse), Small City 5.7 % (much better)


def test_the_headline_age_group_is_the_one_most_cities_report() -> None:
    frame = pd.DataFrame({"slug": ["a", "b", "b", "c"], "age_group": ["65+", "65+", "all", "16-24"]})
    assert headline_age(frame) == "65+"
    tie = pd.DataFrame({"slug": ["a", "b"], "age_group": ["16-24", "all"]})
    assert headline_age(tie) == "all"
    assert headline_age(frame.iloc[0:0]) is None


@pytest.mark.parametrize(("value", "judged", "key"), [
    (None, "better", "no_data"), (float("nan"), None, "no_data"), (3.0, None, "not_compared"),
    (3.0, "unheard_of", "not_compared"), (3.0, "worse", "worse"), (3.0, "higher", "higher")])
def test_comparison_keys(value: Any, judged: Any, key: str) -> None:
    assert comparison_key(value, judged) == key


def _colour(trace: dict[str, Any], slug: str) -> str:
    """The fill the stepped colour scale gives ``slug``'s outline."""
    z = trace["z"][trace["locations"].index(slug)]
    return str(next(c for stop, c in trace["colorscale"] if stop * trace["zmax"] >= z))


def test_the_map_colours_each_outline_by_its_comparison(reader: Registry) -> None:
    model = _model(reader, indicator="unemployment", period="2023")
    fig = cities_figure(model.rows, model.outlines, model.labels, model.bounds, "en", model.decimals, model.unit)
    shapes = fig["data"][0]
    assert shapes["type"] == "choropleth" and [f["id"] for f in shapes["geojson"]["features"]] == list(SLUGS)
    assert _colour(shapes, "exempel") == palette.COMPARISON["much_worse"].fill
    assert _colour(shapes, "small") == palette.COMPARISON["much_better"].fill
    assert "Much better than Sweden" in shapes["text"][shapes["locations"].index("small")]
    lon, lat = fig["layout"]["geo"]["lonaxis"]["range"], fig["layout"]["geo"]["lataxis"]["range"]
    west, south, east, north = model.bounds or (0, 0, 0, 0)
    assert lon[0] < west < east < lon[1] and lat[0] < south < north < lat[1]
    assert fig["layout"]["geo"]["visible"] is False  # no base map, no tiles: nothing fetched
    names = fig["data"][1]
    assert names["type"] == "scattergeo" and names["text"] == ["Demo City", "Small City"]


def test_another_period_recolours_without_sending_the_outlines_again(reader: Registry) -> None:
    model = _model(reader, indicator="unemployment", period="2023", sex="female")  # no national values
    patch = cities_patch(model.rows, model.outlines, model.labels, "en", model.decimals, model.unit)
    sent = json.dumps(patch.to_plotly_json() if patch is not None else None)
    assert "geojson" not in sent and "coordinates" not in sent
    whole = cities_figure(model.rows, model.outlines, model.labels, model.bounds, "en", model.decimals, model.unit)
    assert _colour(whole["data"][0], "exempel") == palette.COMPARISON["not_compared"].fill
    assert _colour(whole["data"][0], "small") == palette.COMPARISON["no_data"].fill
    assert str(whole["data"][0]["z"]) in sent  # the patch carries exactly the new outcomes


# --- the page --------------------------------------------------------------------------------

def test_the_page_lists_every_municipality_linking_to_its_own_atlas(many: Any, reader: Registry) -> None:
    body = _layout(many, "/cities", "?lang=en&indicator=unemployment&period=2023")
    assert t("cities.title", "en") in body and "Demo City" in body and "Small City" in body
    links = {parse_qs(urlparse(h).query).get("city", [""])[0]: h for h in _hrefs(body) if urlparse(h).path == "/"}
    assert set(SLUGS) <= set(links)
    for slug in SLUGS:
        query = parse_qs(urlparse(links[slug]).query)
        assert query["lang"] == ["en"] and query["indicator"] == ["unemployment"]
    stored = _registry_row(reader, "small", "unemployment", "2023")
    assert format_number(stored["value"], "en", 1) in body and format_number(stored["national_value"], "en", 1) in body
    assert "▲▲ Much better than Sweden" in body and "▼▼ Much worse than Sweden" in body  # symbol + words


def test_the_page_speaks_the_page_language(many: Any) -> None:
    body = _layout(many, "/cities", "?lang=sv&indicator=unemployment&period=2023")
    assert "Exempelstad" in body and t("cities.col.comparison", "sv") in body and "Mycket bättre än Sverige" in body


def test_a_control_change_redraws_and_keeps_the_choice_in_the_url(many: Any) -> None:
    values = {(ids.Cities.indicator, "value"): "unemployment", (ids.Cities.period, "value"): "2022",
              (ids.Cities.sex, "value"): "total", (ids.Cities.sort, "value"): "high",
              (state_key(ids.url_state("cities")), "data"): {"path": "/cities", "query": {"lang": "en"}}}
    resp = dispatch(many, f"{ids.Cities.table}.children", values, triggered=(ids.Cities.sort, "value"))
    data = resp.get_json()["response"]
    assert data[state_key(ids.url_state("cities"))]["data"]["query"] == {
        "lang": "en", "indicator": "unemployment", "period": "2022", "sex": None, "sort": "high", "city": ""}
    table = json.dumps(data[ids.Cities.table]["children"], ensure_ascii=False)
    assert table.index("Demo City") < table.index("Small City")  # highest first
    assert data[ids.Cities.period]["value"] == "2022"


def test_the_header_links_up_to_the_municipalities_and_names_the_city(many: Any) -> None:
    body = _layout(many, "/compare", "?lang=en&city=small", referrer="http://atlas/compare?lang=en&city=small")
    assert "Small City" in body  # the brand names the city whose pages these are
    up = [h for h in _hrefs(body) if urlparse(h).path == "/cities"]
    assert up and all("city" not in parse_qs(urlparse(h).query) for h in up)  # the link leaves the city
    assert t("nav.cities", "en") in body


def test_the_map_of_a_store_without_its_own_city_points_to_the_municipalities(many: Any) -> None:
    body = _layout(many, "/", "?lang=en")
    assert t("cities.own_empty", "en") in body and t("error.store_down", "en") not in body
    assert any(urlparse(h).path == "/cities" for h in _hrefs(body))


def test_a_one_city_store_says_so_and_links_to_the_map(client: Any) -> None:
    body = _layout(client, "/cities", "?lang=en")
    assert t("cities.one_city", "en") in body and "/?lang=en" in _hrefs(body)
    assert t("nav.cities", "en") not in body  # and its header has no link up
    assert t("nav.cities", "en") not in _layout(client, "/", "?lang=en")


def test_a_store_that_cannot_be_read_gives_a_banner(tmp_path: Path) -> None:
    junk = tmp_path / "atlas.sqlite"
    junk.write_bytes(b"not a database, " * 64)
    app = create_app(Atlas(make_engine(f"sqlite:///{junk}")))
    body = _layout(app.server.test_client(), "/cities", "?lang=en")
    assert t("error.store_down", "en") in body and "Traceback" not in body


def test_one_country_has_one_name_whatever_each_city_calls_it() -> None:
    cities = [{"national_code": "SE", "national_name_pl": "Szwecja"},
              {"national_code": "SE", "national_name_pl": "Sweden"},
              {"national_code": "PL", "national_name_en": "Poland"}]
    assert country_names(cities, "pl") == {"SE": "Szwecja", "PL": "Poland [EN]"}


def test_the_outlines_are_fetched_once_per_state_of_the_registry(many: Any, registry: Cities) -> None:
    """The page's map names its outlines by URL (a country's 290 outlines are most of its
    bytes): the URL names the registry's state, is kept forever, and an old one redirects."""
    body = _layout(many, "/cities", "?lang=en&indicator=unemployment")
    url = f"/geo/cities-{outlines_token(registry)}.geojson"
    assert url in body and '"coordinates"' not in body
    resp = many.get(url)
    assert resp.status_code == 200 and "immutable" in resp.headers["Cache-Control"]
    assert [f["id"] for f in json.loads(resp.get_data())["features"]] == list(SLUGS)
    old = many.get("/geo/cities-0000000000000000.geojson")
    assert old.status_code == 302 and old.headers["Location"].endswith(url)
