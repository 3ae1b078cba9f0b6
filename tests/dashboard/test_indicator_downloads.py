"""The indicator page's downloads as a visitor gets them: a click through Dash's endpoint,
and the file it sends opened with a real reader (pandas, json, openpyxl, Pillow, XML)."""

from __future__ import annotations

import base64
import io
import json
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pandas as pd
import pytest
from PIL import Image
from sqlalchemy import update

from api.indicator_files import COLUMNS
from dashboard import ids
from dashboard.app import create_app
from dashboard.model import Atlas
from store.schema import Area
from tests.dashboard.helpers import page_response, printed, raw_values, state_key

INDICATOR = "upper_secondary"  # the tiny area's women: 2 of 12, suppressed (and the men with them)


def click(client: Any, indicator_id: str, fmt: str, query: dict[str, str]) -> Any:
    """Open the indicator page, click its ``fmt`` button; the callback's HTTP response."""
    page = page_response(client, f"/indicator/{indicator_id}", "?lang=en").get_data(as_text=True)
    assert json.dumps(ids.indicator_download_button(fmt))[1:-1].replace(" ", "") in \
        page.replace(" ", ""), "the button is not on the page"
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if f"{ids.Indicator.download}.data" in d["output"])
    (page_state,) = dep["state"]
    buttons = [ids.indicator_download_button(f) for f in ("csv", "csvw", "xlsx", "png", "svg")]
    clicks = [{"id": b, "property": "n_clicks", "value": int(b["format"] == fmt)} for b in buttons]
    outputs = [{"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop}
               for cid, prop in (part.rsplit(".", 1) for part in dep["output"].strip(".").split("..."))]
    state = {"path": f"/indicator/{indicator_id}", "query": query}
    body = {"output": dep["output"], "outputs": outputs, "inputs": [clicks],
            "state": [{**page_state, "id": json.loads(page_state["id"]), "value": state}],
            "changedPropIds": [f"{state_key(ids.indicator_download_button(fmt))}.n_clicks"]}
    return client.post("/_dash-update-component", json=body)


def sent(client: Any, fmt: str, query: dict[str, str], indicator_id: str = INDICATOR) -> tuple[bytes, str]:
    resp = click(client, indicator_id, fmt, query)
    assert resp.status_code == 200, resp.get_data(as_text=True)[:500]
    out = resp.get_json()["response"]
    assert out[ids.Indicator.download_error]["children"] is None
    data = out[ids.Indicator.download]["data"]
    content = base64.b64decode(data["content"]) if data["base64"] else data["content"].encode()
    return content, data["filename"]


@pytest.mark.parametrize("sex", ["female", "total"])
def test_csv_holds_every_area_with_intervals_and_no_suppressed_value(
        client: Any, atlas: Atlas, city: dict[str, Any], sex: str) -> None:
    latest = city["periods"][-1]
    content, name = sent(client, "csv", {"lang": "en", "period": latest, "sex": sex})
    assert name == f"indicator-upper-secondary-{latest}-{sex}.csv"
    frame = pd.read_csv(io.BytesIO(content), dtype={"period": str})
    assert list(frame.columns) == COLUMNS
    assert len(frame) == len(city["codes"]) + 1 and frame["area_code"].iloc[0] == city["city_code"]
    assert set(frame["period"]) == {latest} and set(frame["sex"]) == {sex}
    assert frame["indicator_name"].iloc[0] == "Upper secondary eligibility"
    shown = frame[frame["value"].notna() & (frame["level"] == "district")]
    assert (shown["lower_ci95"] <= shown["value"]).all() and (shown["value"] <= shown["upper_ci95"]).all()
    assert shown["rank"].is_monotonic_increasing  # best first
    raw = raw_values(atlas, city["tiny"], INDICATOR, latest)
    tiny = frame.set_index("area_code").loc[city["tiny"]]
    if sex == "female":
        assert pd.isna(tiny["value"]) and tiny["status"] == "suppressed"
    hidden = printed(raw["female"]).search(content.decode("utf-8"))
    assert hidden is None


def test_the_csvw_metadata_describes_the_csv_beside_it(client: Any, city: dict[str, Any]) -> None:
    query = {"lang": "pl", "period": city["periods"][-1], "sex": "total"}
    csv_content, csv_name = sent(client, "csv", query)
    meta_content, meta_name = sent(client, "csvw", query)
    assert meta_name == csv_name + "-metadata.json"  # CSVW's default place for metadata
    meta = json.loads(meta_content)
    assert meta["@context"][0] == "http://www.w3.org/ns/csvw" and meta["url"] == csv_name
    header = csv_content.decode("utf-8").splitlines()[0].split(",")
    columns = meta["tableSchema"]["columns"]
    assert [c["titles"] for c in columns] == header == [c["name"] for c in columns]
    types = {c["name"]: c["datatype"] for c in columns}
    assert types["value"] == "double" and types["rank"] == "integer"
    assert types["prioritized"] == {"base": "boolean", "format": "True|False"}
    assert "Wykształcenie średnie" in meta["dc:title"]
    assert all(c["dc:description"] for c in columns)


def test_xlsx_has_the_table_as_numbers_and_what_it_is(client: Any, atlas: Atlas,
                                                      city: dict[str, Any]) -> None:
    latest = city["periods"][-1]
    content, name = sent(client, "xlsx", {"lang": "sv", "period": latest, "sex": "female"})
    assert name.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["data", "about"]
    rows = list(book["data"].iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS and len(rows) == len(city["codes"]) + 2
    values = [r[COLUMNS.index("value")] for r in rows[1:]]
    assert all(v is None or isinstance(v, float) for v in values) and any(values)
    raw = raw_values(atlas, city["tiny"], INDICATOR, latest)
    numbers = [v for r in rows[1:] for v in r if isinstance(v, float)]
    assert not any(abs(v - raw["female"]) < 1e-6 for v in numbers)
    about = dict(book["about"].iter_rows(values_only=True))
    assert about["indicator"] == "Gymnasiebehörighet" and about["period"] == latest


def test_the_chart_as_png_and_svg(client: Any, city: dict[str, Any]) -> None:
    query = {"lang": "en", "period": city["periods"][-1], "sex": "total"}
    png, png_name = sent(client, "png", query, "unemployment")
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size[0] >= 1000 and png_name.endswith(".png")
    svg, svg_name = sent(client, "svg", query, "unemployment")
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg") and svg_name.endswith(".svg")
    text = svg.decode("utf-8")
    assert "Unemployment" in text and "Södra Åsen" in text and "<script" not in text
    assert sent(client, "svg", query, "unemployment")[0] == svg  # same input, same file


def test_names_in_the_chart_are_text(synthetic_store: Any) -> None:
    engine, info = synthetic_store(cols=3, rows=2)
    with engine.begin() as conn:
        conn.execute(update(Area).where(Area.code == info["codes"][0])
                     .values(name="$x^2$ <a href='x'>Ö</a> & co"))
    client = create_app(Atlas(engine)).server.test_client()
    svg, _ = sent(client, "svg", {"lang": "en", "period": info["periods"][-1], "sex": "total"},
                  "unemployment")
    text = svg.decode("utf-8")
    assert "$x^2$ &lt;a href='x'&gt;Ö&lt;/a&gt; &amp; co" in text or \
        "$x^2$ &lt;a href=&#x27;x&#x27;&gt;Ö&lt;/a&gt; &amp; co" in text
    ElementTree.fromstring(svg)  # still well-formed XML


def test_a_forged_format_is_refused(client: Any) -> None:
    assert click(client, INDICATOR, "csv", {"lang": "en"}).status_code == 200
    forged = ids.indicator_download_button("../../etc/passwd")
    deps = client.get("/_dash-dependencies").get_json()
    dep = next(d for d in deps if f"{ids.Indicator.download}.data" in d["output"])
    body = {"output": dep["output"],
            "outputs": [{"id": ids.Indicator.download, "property": "data"},
                        {"id": ids.Indicator.download_error, "property": "children"}],
            "inputs": [[{"id": forged, "property": "n_clicks", "value": 1}]],
            "state": [{"id": ids.url_state("indicator"), "property": "data",
                       "value": {"path": f"/indicator/{INDICATOR}", "query": {}}}],
            "changedPropIds": [f"{state_key(forged)}.n_clicks"]}
    assert client.post("/_dash-update-component", json=body).status_code == 400


def test_the_page_links_the_gis_files_and_the_api(client: Any) -> None:
    page = json.dumps(page_response(client, f"/indicator/{INDICATOR}", "?lang=en").get_json())
    assert "/api/v1/gis?lang=en&format=gpkg" in page and "/api/v1/gis?lang=en&format=geojson" in page
    assert "/api/v1/docs" in page
    assert client.get("/api/v1/gis?format=gpkg&lang=en").headers["Content-Type"] == \
        "application/geopackage+sqlite3"
