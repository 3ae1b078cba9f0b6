"""Callbacks called as plain functions (inside a request of the app), and through Dash."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
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
    assert isinstance(patched["figure"], Patch)
    assert json.loads(to_json(patched["figure"]))["operations"][0]["location"] == ["data"]
    assert whole["figure"]["layout"]["geo"]["visible"] is False  # a whole figure without geometry loaded
    assert whole["figure"]["data"][0]["geojson"] == f"/geo/{atlas.version()}.geojson"
    assert len(to_json(patched["figure"])) < 60_000
    legend, title, state = page_text(patched["legend"]), patched["title"], patched["state"]
    assert title == "Zatrudnienie, kobiety, 2016"  # whose figures: women's, not everyone's
    assert "Zatrudnienie, kobiety, 2016" in legend and "kobiety" in page_text(patched["alt"])
    assert "Miasto:" in legend and "\u00a0%" in legend and "," in legend  # Polish words and numbers
    assert state["query"] == {"lang": "pl", "indicator": "employment", "period": "2016", "sex": "female", "age": None,
                              "comparator": None, "colouring": "classes", "scheme": "natural_breaks"}
    assert patched["scheme_hidden"] is False  # the classification picker shows with value classes
    assert whole["scheme_hidden"] is True


def test_an_unknown_indicator_or_period_falls_back_instead_of_failing(pages: Any,
        atlas: Atlas, in_request: Any, city: dict[str, Any]) -> None:
    with in_request():
        out = pages.home.update_map("gone", "1999", "nobody", "sparkly", "magic", None, {})
    assert out["period"] == city["periods"][-1] and out["sex"] == "total"
    assert out["state"]["query"]["colouring"] == "comparison"


def test_suppressed_values_never_reach_map_payloads(pages: Any, atlas: Atlas, in_request: Any) -> None:
    hidden = _suppressed(atlas)
    assert not hidden.empty, "the synthetic city must hold suppressed cells"
    for (ind, period, sex), cells in hidden.groupby(["indicator_id", "period", "sex"], observed=True):
        with in_request():
            out = pages.home.update_map(str(ind), str(period), str(sex), "classes", "quantiles", None,
                                        MAP_STATE)
        codes = set(cells["area_code"].astype(str))
        for trace in out["figure"]["data"]:
            if trace["name"] == "prioritized":
                continue
            for code, row in zip(trace["locations"], trace["customdata"], strict=True):
                if code in codes:
                    assert trace["name"] == "no_data" and len(row) == 1, (code, list(row))
        listed = {item.children.id["code"]: page_text(item) for item in out["prioritized"].children}
        for code in codes & set(listed):
            assert not any(ch.isdigit() for ch in listed[code].split("\n", 1)[1]), listed[code]


def test_the_map_callback_answers_each_output_by_its_id_through_dash(client: Any, city: dict[str, Any]) -> None:
    values = {(ids.Map.indicator, "value"): "crime", (ids.Map.period, "value"): city["periods"][0],
              (ids.Map.sex, "value"): "total", (ids.Map.colouring, "value"): "classes",
              (ids.Map.scheme, "value"): "quantiles", (state_key(ids.url_state("map")), "data"): MAP_STATE}
    resp = dispatch(client, f"{ids.Map.graph}.figure", values)
    assert resp.status_code == 200
    out = resp.get_json()["response"]
    assert out[ids.Map.title]["children"] == f"Zgłoszone przestępstwa, {city['periods'][0]}"
    assert out[ids.Map.period]["value"] == city["periods"][0] and out[ids.Map.scheme_wrap]["hidden"] is False
    assert out[ids.Map.graph]["figure"]["data"]  # a whole figure: no geometry version was loaded
    assert out[state_key(ids.url_state("map"))]["data"]["query"]["indicator"] == "crime"


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
        out = pages.area.update_charts("unemployment", state)
    trend, trend_alt, gap, sex, sex_alt = (out[k] for k in ("trend", "trend_alt", "gap", "sex", "sex_alt"))
    assert out["state"]["query"]["indicator"] == "unemployment"
    assert "Arbetslöshet" in trend_alt and "Gapet till staden:" in page_text(gap)
    assert any(t(f"cmpl.{k}", "sv") in page_text(gap) for k in ("better", "similar", "worse", "much_worse"))
    assert {tr["name"] for tr in trend["data"]} >= {"Staden"}
    assert [tr["name"] for tr in sex["data"]][-1] == "Staden" and "Kvinnor" in sex_alt


def test_sex_breakdown_hides_a_suppressed_cell(pages: Any, atlas: Atlas, in_request: Any, city: dict[str, Any]) -> None:
    tiny = city["tiny"]
    with in_request():
        out = pages.area.update_charts("upper_secondary", {"path": f"/area/{tiny}", "query": {"lang": "en"}})
    sex, alt = out["sex"], out["sex_alt"]
    area_bar = next(tr for tr in sex["data"] if tr["name"] != "City")
    assert "Women" in area_bar["x"] and area_bar["y"][area_bar["x"].index("Women")] is None
    assert "16.7" not in to_json(sex) and "Women (" in alt


def test_compare_redraws_for_chosen_areas(pages: Any, in_request: Any, city: dict[str, Any]) -> None:
    chosen = city["codes"][:2]
    with in_request():
        out = pages.compare.update_compare(chosen, "crime", {"query": {"lang": "en"}})
        empty = pages.compare.update_compare([], "crime", {"query": {"lang": "en"}})["rug"]
    rug, fig, state = out["rug"], out["trends"], out["state"]
    text = page_text(rug)
    assert "Reported crime" in text and "City" in text
    assert any(sym in text for sym in ("▲", "●", "▼"))  # the comparison is a symbol, not colour only
    assert state["query"]["areas"] == ",".join(chosen) and len(fig["layout"]["annotations"]) == 2
    assert page_text(empty) == t("compare.empty", "en")


def test_indicator_ranking_follows_period_and_sex(pages: Any, in_request: Any, city: dict[str, Any]) -> None:
    state = {"path": "/indicator/unemployment", "query": {"lang": "pl"}}
    with in_request():
        out = pages.indicator.update_ranked(city["periods"][0], "male", state)
    fig, alt, new_state = out["figure"], out["alt"], out["state"]
    assert new_state["query"] == {"lang": "pl", "period": city["periods"][0], "sex": "male", "age": None,
                                  "comparator": None}  # the defaults are left out of the address
    assert alt.startswith("Ranking 40 obszarów") and fig["layout"]["shapes"]  # the city line
