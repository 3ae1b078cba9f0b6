"""What the API promises beyond its shapes: suppressed values never leave it, pages add up,
validators follow the load batch, formats are negotiated, CSV text cannot run as a
formula, an outage is a JSON 503, and the documentation page runs no script."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyogrio
import pytest
import requests
from sqlalchemy import Engine, insert, update

from dashboard.model import Atlas
from store.engine import make_engine
from store.schema import Area, LoadBatch
from tests.api.conftest import fill
from tests.conftest import waitress_serving
from tests.dashboard.helpers import printed

HIDDEN = ("value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998", "numerator",
          "denominator")
INDICATOR = "upper_secondary"  # the tiny area's women: 2 of 12, suppressed (the men with them)
RAW_WOMEN = 2 / 12 * 100  # synthetic.grid_city's tiny cell, as the store holds it


@pytest.mark.parametrize("endpoint", ["values", "comparisons"])
def test_suppressed_values_are_blank_with_what_recovers_them(served: Any, endpoint: str) -> None:
    tiny = served.city["tiny"]
    body = served.json(f"/api/v1/{endpoint}?indicator={INDICATOR}&area={tiny}")
    by_sex: dict[str, list[dict[str, Any]]] = {}
    for row in body["data"]:
        by_sex.setdefault(row["sex"], []).append(row)
    assert set(by_sex) == {"total", "female", "male"}
    for sex in ("female", "male"):
        for row in by_sex[sex]:
            assert row["status"] == "suppressed", row
            assert all(row.get(c) is None for c in HIDDEN), row
            if endpoint == "comparisons":
                assert row["difference"] is None and row["rank"] is None
    assert any(r["value"] is not None for r in by_sex["total"]), "the total is published"


@pytest.mark.parametrize("path", [
    "/api/v1/values?indicator={ind}&area={tiny}&format=csv",
    "/api/v1/comparisons?indicator={ind}&area={tiny}&format=csv",
    "/api/v1/comparisons?indicator={ind}&comparator=rest_of_city&format=csv",
    "/api/v1/values?indicator={ind}&area={tiny}",
    "/api/v1/profiles/{tiny}?format=csv", "/api/v1/profiles/{tiny}",
])
def test_no_answer_holds_the_suppressed_value(served: Any, path: str) -> None:
    resp = served.get(path.format(ind=INDICATOR, tiny=served.city["tiny"]))
    assert resp.status_code == 200
    hidden = printed(RAW_WOMEN).search(resp.text)
    assert hidden is None, resp.text[max(hidden.start() - 80, 0):hidden.end() + 20]
    assert ",2.0,12.0," not in resp.text and '"numerator":2.0' not in resp.text


@pytest.mark.parametrize("sex", ["female", "male"])
def test_the_gis_file_leaves_the_suppressed_cell_blank(served: Any, sex: str,
                                                       tmp_path: Path) -> None:
    resp = served.get(f"/api/v1/gis?sex={sex}")
    path = tmp_path / "atlas.gpkg"
    path.write_bytes(resp.content)
    areas = pyogrio.read_dataframe(path, layer="areas").set_index("code")
    tiny = areas.loc[served.city["tiny"]]
    assert pd.isna(tiny[f"{INDICATOR}_value"]) and pd.isna(tiny[f"{INDICATOR}_lower_ci95"])
    published = served.json(f"/api/v1/values?indicator={INDICATOR}&sex={sex}&period=latest"
                            "&level=district")["data"]
    assert len(published) == len(areas)
    for row in published:  # the file says what the API says, blanks included
        cell = areas.loc[row["area_code"], f"{INDICATOR}_value"]
        assert (pd.isna(cell) and row["value"] is None) or cell == pytest.approx(row["value"])


def test_pages_add_up_to_the_whole_listing(served: Any) -> None:
    whole = served.json("/api/v1/values?indicator=crime,unemployment")
    total = whole["meta"]["total"]
    assert total == len(whole["data"]) > 100
    rows, url, pages = [], "/api/v1/values?indicator=crime,unemployment&limit=37", 0
    while url:
        resp = served.get(url)
        body = resp.json()
        assert resp.headers["X-Total-Count"] == str(total)
        assert (resp.headers.get("Link") or None) == (f'<{body["meta"]["next"]}>; rel="next"'
                                                      if body["meta"]["next"] else None)
        rows += body["data"]
        url, pages = body["meta"]["next"], pages + 1
    assert pages == -(-total // 37) and rows == whole["data"]


def test_the_same_request_keeps_its_etag_and_a_new_load_changes_it(
        fresh_sqlite: Engine, serve_store: Callable[..., Any]) -> None:
    with serve_store(fresh_sqlite) as server:
        url = "/api/v1/values?indicator=crime&period=latest"
        first = server.get(url)
        assert server.get(url).headers["ETag"] == first.headers["ETag"]
        assert server.get(url + "&format=csv").headers["ETag"] != first.headers["ETag"]
        now = datetime.now(UTC)
        with fresh_sqlite.begin() as conn:
            conn.execute(insert(LoadBatch).values(city_code="SYN", started_at=now, finished_at=now,
                                                  status="succeeded"))
        again = server.get(url, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 200 and again.headers["ETag"] != first.headers["ETag"]
        assert again.json()["meta"]["batch"] == first.json()["meta"]["batch"] + 1


@pytest.mark.parametrize(("headers", "query", "kind"), [
    ({}, "", "application/json"), ({"Accept": "text/csv"}, "", "text/csv"),
    ({"Accept": "application/json;q=0.5, text/csv;q=0.9"}, "", "text/csv"),
    ({"Accept": "text/csv"}, "&format=json", "application/json"),
    ({"Accept": "*/*"}, "", "application/json"),
    ({"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}, "", "application/json"),
])
def test_the_format_is_negotiated(served: Any, headers: dict[str, str], query: str,
                                  kind: str) -> None:
    resp = served.get("/api/v1/values?indicator=crime" + query, headers=headers)
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith(kind)
    assert "Accept" in resp.headers["Vary"]


def test_large_answers_are_gzipped_and_keep_their_vary(served: Any) -> None:
    resp = served.get("/api/v1/values", headers={"Accept-Encoding": "gzip"})
    assert resp.headers["Content-Encoding"] == "gzip"
    assert resp.headers["Vary"] == "Accept, Accept-Encoding"
    assert resp.json()["meta"]["total"] == len(resp.json()["data"])


def test_head_answers_without_a_body(served: Any) -> None:
    resp = requests.head(served.base + "/api/v1/indicators", timeout=30)
    assert resp.status_code == 200 and resp.content == b"" and resp.headers["ETag"]


def test_csv_text_cannot_run_as_a_formula(fresh_sqlite: Engine,
                                          serve_store: Callable[..., Any]) -> None:
    city = fill(fresh_sqlite)
    hostile = '=HYPERLINK("http://example.com","x")'
    with fresh_sqlite.begin() as conn:
        conn.execute(update(Area).where(Area.code == city["codes"][0]).values(name=hostile))
    with serve_store(fresh_sqlite, city) as server:
        areas = server.get("/api/v1/areas?format=csv").text
        values = server.get(f"/api/v1/values?area={city['codes'][0]}&format=csv").text
        as_json = server.json(f"/api/v1/areas?area={city['codes'][0]}")
    for text in (areas, values):
        cells = set(pd.read_csv(io.StringIO(text), dtype=str).fillna("").to_numpy().ravel())
        assert "'" + hostile in cells and hostile not in cells
    assert as_json["data"][0]["name"] == hostile  # JSON is data, not a spreadsheet


def test_an_outage_is_a_json_503_with_retry_after(tmp_path: Path) -> None:
    from dashboard.app import create_app

    engine = make_engine(f"sqlite:///file:{tmp_path}/missing/atlas.sqlite?mode=ro&uri=true")
    with waitress_serving(create_app(Atlas(engine)).server) as base:
        resp = requests.get(base + "/api/v1/values", timeout=30)
    assert resp.status_code == 503 and resp.headers["Retry-After"]
    assert resp.json()["error"]["status"] == 503 and "Traceback" not in resp.text


def test_the_documentation_page_is_plain_html(served: Any) -> None:
    resp = served.get("/api/v1/docs")
    assert resp.status_code == 200 and resp.headers["Content-Type"].startswith("text/html")
    page = resp.text
    assert "<script" not in page.lower() and "http://" not in page.replace(
        "http://localhost:8050", "").replace("http://www.w3.org", "")
    doc = served.json("/api/v1/openapi.json")
    for path, item in doc["paths"].items():
        assert f"<code>{path}</code>" in page
        for param in item["get"]["parameters"]:
            assert f"<code>{param['name']}</code>" in page
    assert "script-src 'self'" in resp.headers["Content-Security-Policy"]


def test_the_index_lists_every_endpoint(served: Any) -> None:
    body = served.json("/api/v1/")
    doc = served.json("/api/v1/openapi.json")
    assert set(body["data"]["endpoints"].values()) == set(doc["paths"])


def test_geojson_areas_carry_meta_and_outlines(served: Any) -> None:
    resp = served.get("/api/v1/areas?geometry=true&level=district&limit=5")
    body = json.loads(resp.text)
    assert resp.headers["Content-Type"].startswith("application/geo+json")
    assert len(body["features"]) == 5 and body["meta"]["total"] == len(served.city["codes"])
    assert body["meta"]["next"].endswith("offset=5")
    assert {f["id"] for f in body["features"]} <= set(served.city["codes"])


def test_an_empty_store_answers_empty_listings(fresh_sqlite: Engine) -> None:
    from tests.api.conftest import serving

    with serving(fresh_sqlite, {}) as server:
        for path in ("cities", "areas", "indicators", "values", "comparisons"):
            body = server.json(f"/api/v1/{path}")
            assert body["data"] == [] and body["meta"]["total"] == 0 and body["meta"]["batch"] is None
            header = server.get(f"/api/v1/{path}?format=csv").text.splitlines()
            assert len(header) == 1 and header[0].count(",") >= 5
        assert server.get("/api/v1/profiles/A0001").status_code == 404
        assert server.get("/api/v1/gis?format=geojson").json()["features"] == []


def test_the_city_has_a_profile_too(served: Any) -> None:
    body = served.json(f"/api/v1/profiles/{served.city['city_code']}?lang=en")["data"]
    assert body["area"]["level"] == "city"
    assert {r["compared_to_city"] for r in body["indicators"]} == {"benchmark"}
