"""Names from a city's files are shown literally in every figure: HTML-like text in an
area name or a unit never becomes a Plotly link or label markup."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, update

from dashboard import ids
from dashboard.app import create_app
from dashboard.model import Atlas
from store.schema import Area, Indicator
from synthetic.dash_client import dispatch, state_key

LINK = "<a href='https://evil.example'>click</a>"
BOLD = "<b>Bold</b> & co"


@pytest.fixture
def hostile_client(synthetic_store: Callable[..., tuple[Engine, dict[str, Any]]]) -> tuple[Any, dict[str, Any]]:
    engine, info = synthetic_store()
    with engine.begin() as conn:
        conn.execute(update(Area).where(Area.code == info["prioritized"][0]).values(name=LINK))
        conn.execute(update(Area).where(Area.code == info["codes"][0]).values(name=BOLD))
        conn.execute(update(Indicator).where(Indicator.id == "crime").values(unit="<i>per</i> 1 000"))
    return create_app(Atlas(engine)).server.test_client(), info


def _assert_escaped(text: str) -> None:
    assert "<a href" not in text and "<b>Bold" not in text and "<i>per" not in text
    assert "&lt;a href=" in text or "&lt;b&gt;Bold" in text


def test_map_hover_names_and_units_are_plain_text(hostile_client: tuple[Any, dict[str, Any]]) -> None:
    client, info = hostile_client
    values = {(ids.Map.indicator, "value"): "crime", (ids.Map.period, "value"): info["periods"][-1],
              (ids.Map.sex, "value"): "total", (ids.Map.colouring, "value"): "comparison",
              (ids.Map.scheme, "value"): "quantiles",
              (state_key(ids.url_state("map")), "data"): {"path": "/", "query": {"lang": "en"}}}
    resp = dispatch(client, f"{ids.Map.graph}.figure", values)
    assert resp.status_code == 200
    figure = resp.get_json()["response"][ids.Map.graph]["figure"]
    names = {row[0] for trace in figure["data"] for row in trace.get("customdata") or []}
    assert "&lt;a href='https://evil.example'&gt;click&lt;/a&gt;" in names
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in names
    _assert_escaped(json.dumps(figure["data"]))


def test_ranking_labels_are_plain_text(hostile_client: tuple[Any, dict[str, Any]]) -> None:
    client, info = hostile_client
    values = {(ids.Indicator.period, "value"): info["periods"][-1], (ids.Indicator.sex, "value"): "total",
              (state_key(ids.url_state("indicator")), "data"): {"path": "/indicator/crime",
                                                                "query": {"lang": "en"}}}
    resp = dispatch(client, f"{ids.Indicator.ranked}.figure", values)
    assert resp.status_code == 200
    figure = resp.get_json()["response"][ids.Indicator.ranked]["figure"]
    labels = [y for trace in figure["data"] for y in trace["y"]]
    assert "<b>&lt;a href='https://evil.example'&gt;click&lt;/a&gt; ◆</b>" in labels  # prioritized: bold
    _assert_escaped(json.dumps(figure))


def test_compare_trend_titles_are_plain_text(hostile_client: tuple[Any, dict[str, Any]]) -> None:
    client, info = hostile_client
    values = {(ids.Compare.areas, "value"): [info["prioritized"][0], info["codes"][0]],
              (ids.Compare.indicator, "value"): "crime",
              (state_key(ids.url_state("compare")), "data"): {"path": "/compare", "query": {"lang": "en"}}}
    resp = dispatch(client, f"{ids.Compare.trends}.figure", values)
    assert resp.status_code == 200
    figure = resp.get_json()["response"][ids.Compare.trends]["figure"]
    titles = [a["text"] for a in figure["layout"]["annotations"]]
    assert any(t.startswith("&lt;a href=") for t in titles), titles
    _assert_escaped(json.dumps(figure))

