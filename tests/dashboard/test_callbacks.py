"""Callbacks called as plain functions (inside a request of the app), and one through Dash."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest
from dash import Patch

from dashboard import ids
from dashboard.model import Atlas
from presentation.i18n import t
from tests.dashboard.helpers import dispatch, page_text, state_key, to_json

MAP_STATE = {"path": "/", "query": {"lang": "pl"}}


def _suppressed(atlas: Atlas) -> pd.DataFrame:
    table = atlas.comparisons()
    return table[table["status"].astype(str).isin(["suppressed", "suppressed_at_source"])]


def test_map_update_sends_only_values_when_the_geometry_is_loaded(pages: Any,
        app: Any, atlas: Atlas, in_request: Any) -> None:
    with in_request():
        patched = pages.home.update_map("employment", "2016", "female", "classes", "natural_breaks",
                                       atlas.version(), MAP_STATE)
        whole = pages.home.update_map("employment", "2016", "female", "comparison", "quantiles",
                                     None, MAP_STATE)
    assert isinstance(patched[0], Patch)
    assert json.loads(to_json(patched[0]))["operations"][0]["location"] == ["data"]
    assert whole[0]["layout"]["geo"]["visible"] is False  # a whole figure without geometry loaded
    assert whole[0]["data"][0]["geojson"] == f"/geo/{atlas.version()}.geojson"
    assert len(to_json(patched[0])) < 60_000
    legend, title, state = page_text(patched[1]), patched[4], patched[11]
    assert "Zatrudnienie" in title and "2016" in title
    assert "Miasto:" in legend and "\u00a0%" in legend and "," in legend  # Polish words and numbers
    assert state["query"] == {"lang": "pl", "indicator": "employment", "period": "2016", "sex": "female",
                              "colouring": "classes", "scheme": "natural_breaks"}
    assert patched[9] is False  # the classification picker shows with value classes


def test_an_unknown_indicator_or_period_falls_back_instead_of_failing(pages: Any,
        atlas: Atlas, in_request: Any, city: dict[str, Any]) -> None:
    with in_request():
        out = pages.home.update_map("gone", "1999", "nobody", "sparkly", "magic", None, {})
    assert out[6] == city["periods"][-1] and out[8] == "total"
    assert out[11]["query"]["colouring"] == "comparison"


def test_suppressed_values_never_reach_map_payloads(pages: Any, atlas: Atlas, in_request: Any) -> None:
    hidden = _suppressed(atlas)
    assert not hidden.empty, "the synthetic city must hold suppressed cells"
    for (ind, period, sex), cells in hidden.groupby(["indicator_id", "period", "sex"], observed=True):
        with in_request():
            out = pages.home.update_map(str(ind), str(period), str(sex), "classes", "quantiles", None,
                                        MAP_STATE)
        codes = set(cells["area_code"].astype(str))
        for trace in out[0]["data"]:
            if trace["name"] == "prioritized":
                continue
            for code, row in zip(trace["locations"], trace["customdata"], strict=True):
                if code in codes:
                    assert trace["name"] == "no_data" and len(row) == 1, (code, list(row))
        listed = {item.children.id["code"]: page_text(item) for item in out[3].children}
        for code in codes & set(listed):
            assert not any(ch.isdigit() for ch in listed[code].split("\n", 1)[1]), listed[code]


def test_profile_links_from_a_click_or_a_name(pages: Any, city: dict[str, Any]) -> None:
    code = city["prioritized"][0]
    click = {"points": [{"location": code, "z": 0}]}
    state = {"query": {"lang": "en", "indicator": "unemployment"}}
    assert pages.home.clicked_code(click) == code
    assert pages.home.clicked_code({"points": [{}]}) is None
    assert pages.home.profile_href(code, state) == f"/area/{code}?lang=en&indicator=unemployment"
    assert pages.home.profile_href(None, state) is None


def test_clicking_the_map_navigates_through_dash(client: Any, city: dict[str, Any]) -> None:
    code = city["codes"][5]
    values = {(ids.Map.graph, "clickData"): {"points": [{"location": code}]},
              (state_key(ids.url_state("map")), "data"): {"query": {"lang": "sv"}}}
    resp = dispatch(client, f"{ids.Map.navigate}.href", values)
    assert resp.status_code == 200
    assert resp.get_json()["response"][ids.Map.navigate]["href"] == f"/area/{code}?lang=sv"


def test_area_charts_follow_the_indicator(pages: Any, in_request: Any, city: dict[str, Any]) -> None:
    code = city["prioritized"][0]
    state = {"path": f"/area/{code}", "query": {"lang": "sv", "indicator": "employment"}}
    with in_request():
        trend, trend_alt, gap, sex, sex_alt, new_state = pages.area.update_charts("unemployment", state)
    assert new_state["query"]["indicator"] == "unemployment"
    assert "Arbetslöshet" in trend_alt and "Gapet till staden:" in page_text(gap)
    assert any(t(f"cmpl.{k}", "sv") in page_text(gap) for k in ("better", "similar", "worse", "much_worse"))
    assert {tr["name"] for tr in trend["data"]} >= {"Staden"}
    assert [tr["name"] for tr in sex["data"]][-1] == "Staden" and "Kvinnor" in sex_alt


def test_sex_breakdown_hides_a_suppressed_cell(pages: Any, atlas: Atlas, in_request: Any, city: dict[str, Any]) -> None:
    tiny = city["tiny"]
    with in_request():
        _, _, _, sex, alt, _ = pages.area.update_charts(
            "upper_secondary", {"path": f"/area/{tiny}", "query": {"lang": "en"}})
    area_bar = next(tr for tr in sex["data"] if tr["name"] != "City")
    assert "Women" in area_bar["x"] and area_bar["y"][area_bar["x"].index("Women")] is None
    assert "16.7" not in to_json(sex) and "Women (" in alt


def test_compare_redraws_for_chosen_areas(pages: Any, in_request: Any, city: dict[str, Any]) -> None:
    chosen = city["codes"][:2]
    with in_request():
        rug, fig, _alt, state = pages.compare.update_compare(chosen, "crime", {"query": {"lang": "en"}})
        empty, *_ = pages.compare.update_compare([], "crime", {"query": {"lang": "en"}})
    text = page_text(rug)
    assert "Reported crime" in text and "City" in text
    assert any(sym in text for sym in ("▲", "●", "▼"))  # the comparison is a symbol, not colour only
    assert state["query"]["areas"] == ",".join(chosen) and len(fig["layout"]["annotations"]) == 2
    assert page_text(empty) == t("compare.empty", "en")


def test_indicator_ranking_follows_period_and_sex(pages: Any, in_request: Any, city: dict[str, Any]) -> None:
    state = {"path": "/indicator/unemployment", "query": {"lang": "pl"}}
    with in_request():
        fig, alt, new_state = pages.indicator.update_ranked(city["periods"][0], "male", state)
    assert new_state["query"] == {"lang": "pl", "period": city["periods"][0], "sex": "male"}
    assert alt.startswith("Ranking 40 obszarów") and fig["layout"]["shapes"]  # the city line


MAGIC = {"pdf": b"%PDF", "xlsx": b"PK\x03\x04", "html": b"<!DOCTYPE html>", "csv": b"indicator_id,"}


@pytest.mark.parametrize("fmt", ["pdf", "html", "xlsx", "csv"])
def test_profile_downloads_are_the_exported_files_without_suppressed_values(
        pages: Any, atlas: Atlas, city: dict[str, Any], fmt: str) -> None:
    from reports import render_profile

    content, filename, mime = pages.area.profile_file(atlas, city["tiny"], fmt, "en")
    _, export_name, export_mime = render_profile(atlas.snapshot(), atlas.comparisons(), city["tiny"], fmt, "en")
    assert (filename, mime) == (export_name, export_mime) and filename.endswith(f".{fmt}")
    assert content.lstrip().upper().startswith(MAGIC[fmt].upper())
    if fmt == "csv":  # full precision here (tests/export/test_formats.py reads the other formats)
        assert b"16.6666" not in content  # 2 of 12 women: suppressed, never in a file
    assert ids.download_button(fmt) in [b.id for b in pages.area._downloads("en").children[1].children]
