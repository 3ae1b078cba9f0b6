"""The indicator page's public-health methods: inequality within the city (view model,
figures, sentence), the funnel plot, standardised value types and the life expectancy's
age groups; on the health city (tests/dashboard/health_city.py) and the plain grid city
(no deprivation measure)."""

from __future__ import annotations

import importlib
import json
from typing import Any

import numpy as np
import pandas as pd
import pytest

from dashboard import ids
from dashboard.figures.methods import funnel_figure, gap_trend_figure, inequality_figure
from dashboard.model import Atlas
from dashboard.selection import resolve
from dashboard.viewmodels.methods import bands, funnel_model, inequality_model, positions
from dashboard.views import controls
from dashboard.views.methods_view import (
    funnel_chart,
    gap_trend_chart,
    inequality_chart,
    inequality_text,
)
from presentation.i18n import indicator_name, t
from settings.languages import LANGS
from tests.dashboard.helpers import (
    dispatch,
    find,
    page_response,
    page_text,
    printed,
    state_key,
    to_json,
)


def _sel(atlas: Atlas, indicator: str, lang: str = "en", **params: Any) -> Any:
    return resolve(atlas, {"indicator": indicator, "lang": lang, **params})


# --- inequality: view model ----------------------------------------------------------------
def test_mortality_is_higher_in_the_most_deprived_tenth(health_atlas: Atlas) -> None:
    model = inequality_model(health_atlas, _sel(health_atlas, "mortality_dsr"))
    assert model.shown and model.measure == "Unemployment" and model.row is not None
    points = model.points
    assert list(points["decile"]) == sorted(points["decile"]) and points["decile"].iloc[0] == 1
    assert points["x"].is_monotonic_increasing and 0 < points["x"].min() < points["x"].max() < 1
    assert points["areas"].sum() > 20  # areas with a published value (small ones are too few events)
    assert points["value"].iloc[0] > points["value"].iloc[-1]  # deaths follow unemployment
    assert model.row["fitted_most_deprived"] > model.row["fitted_least_deprived"]
    trend = model.trend  # the gap as the headline reads it: most − least deprived = −SII
    latest = trend[trend["period"] == model.period].iloc[0]
    assert latest["gap"] == pytest.approx(-model.row["sii"]) and latest["lower"] < latest["gap"] < latest["upper"]
    assert list(trend["period"]) == health_atlas.periods("mortality_dsr")
    assert model.city_value is not None and points["value"].min() < model.city_value < points["value"].max()


def test_the_sentence_says_higher_in_the_deprived_in_every_language(health_atlas: Atlas) -> None:
    for lang, words in zip(LANGS, ("högre i de mest utsatta", "więcej w obszarach najbardziej",
                                   "higher in the most deprived"), strict=True):
        model = inequality_model(health_atlas, _sel(health_atlas, "mortality_dsr", lang))
        text = inequality_text(model, lang)
        assert words in text and "  " not in text and "{" not in text
    sentence = inequality_text(inequality_model(health_atlas, _sel(health_atlas, "employment")), "en")
    assert "percentage points" in sentence  # a difference of shares in %, not "%"


def test_the_measure_itself_and_a_city_without_one_say_why(health_atlas: Atlas, atlas: Atlas) -> None:
    own = inequality_model(health_atlas, _sel(health_atlas, "unemployment"))
    assert own.is_measure and not own.shown
    assert inequality_text(own, "en") == t("ineq.is_measure", "en", indicator="Unemployment")
    none = inequality_model(atlas, _sel(atlas, "overweight"))  # the plain grid city names none
    assert none.measure is None and not none.shown
    assert inequality_text(none, "sv") == t("ineq.no_measure", "sv")
    assert inequality_chart(none, "sv") == ({"data": [], "layout": {}}, "")


def test_life_expectancy_at_65_has_its_own_values_and_no_inequality(health_atlas: Atlas) -> None:
    assert health_atlas.age_groups_of("life_expectancy") == ["all", "65+"]
    at_birth = inequality_model(health_atlas, _sel(health_atlas, "life_expectancy"))
    at_65 = inequality_model(health_atlas, _sel(health_atlas, "life_expectancy", age="65+"))
    assert at_birth.shown and not at_65.shown and not at_65.headline_age
    assert inequality_text(at_65, "en") == t("ineq.other_age", "en")
    options = controls.age_options(["all", "65+"], "life_expectancy", "pl")
    assert [o["label"] for o in options] == ["Przy urodzeniu", "W wieku 65 lat"]
    assert controls.age_options(["all", "0-17"], "proportion", "en")[1]["label"] == "0-17"


# --- inequality: figures -------------------------------------------------------------------
def test_the_inequality_chart_runs_from_most_to_least_deprived(health_atlas: Atlas) -> None:
    model = inequality_model(health_atlas, _sel(health_atlas, "mortality_dsr", "sv"))
    fig, alt = inequality_chart(model, "sv")
    city, fitted, points = fig["data"]
    assert fitted["x"] == [0, 1]
    assert fitted["y"] == pytest.approx([model.row["fitted_most_deprived"], model.row["fitted_least_deprived"]])
    assert city["y"] == [model.city_value, model.city_value] and city["line"]["dash"] == "dash"
    assert points["x"] == pytest.approx(list(model.points["x"])) and points["name"] == "Tiondel efter Arbetslöshet"
    assert points["customdata"][0].startswith("Tiondel 1, områden: ")
    layout = fig["layout"]
    assert layout["xaxis"]["tickformat"] == ".0%" and layout["separators"] == ", "
    assert [a["text"] for a in layout["annotations"]] == ["◀ Mest<br>utsatta", "Minst<br>utsatta ▶"]
    assert alt.startswith("Ojämlikhet i Dödlighet, åldersstandardiserad") and "mest utsatta" in alt
    trend, trend_alt = gap_trend_chart(model, "sv")
    assert trend["layout"]["yaxis"]["zeroline"] is True and trend["data"][0]["error_y"]["array"]
    assert trend["data"][0]["x"] == health_atlas.periods("mortality_dsr") and "Gapet" in trend_alt


def test_gap_trend_figure_draws_intervals_against_zero() -> None:
    trend = pd.DataFrame({"period": ["2020", "2021"], "gap": [4.0, 2.0], "lower": [3.0, 0.5],
                          "upper": [5.5, 3.0], "trend": ["not_enough_data", "narrowing"]})
    fig = gap_trend_figure(trend, {"gap": "Gap", "y": "Gap (pp)"}, "en", 1)
    line = fig["data"][0]
    assert line["y"] == [4.0, 2.0] and line["error_y"]["array"] == [1.5, 1.0]
    assert line["error_y"]["arrayminus"] == [1.0, 1.5] and fig["layout"]["yaxis"]["title"]["text"] == "Gap (pp)"


def test_inequality_figure_without_a_city_value_has_no_city_line() -> None:
    points = pd.DataFrame({"decile": [1, 2], "x": [0.05, 0.15], "value": [3.0, 2.0], "areas": [1, 1],
                           "hover": ["a", "b"]})
    labels = {k: k for k in ("points", "fitted", "city", "x", "most", "least")}
    fig = inequality_figure(points, (3.5, 1.0), None, labels, "en", 1, "%")
    assert [tr["name"] for tr in fig["data"]] == ["fitted", "points"]


# --- funnel plot -----------------------------------------------------------------------------
LIMITS = pd.DataFrame({"denominator": [100.0, 1000.0], "lower_95": [40.0, 46.0], "upper_95": [60.0, 54.0],
                       "lower_998": [35.0, 44.0], "upper_998": [65.0, 56.0]})


def test_bands_read_the_limits_at_each_denominator_as_drawn() -> None:
    values = np.array([50.0, 61.0, 66.0, 39.0, 34.0, 55.0, 57.0])
    dens = np.array([100.0, 100.0, 100.0, 100.0, 100.0, 1000.0, 550.0])
    # at 550 the drawn 95% limit is halfway: 57, 99.8% 60.5
    assert list(bands(values, dens, LIMITS)) == [0, 1, 2, -1, -2, 1, 0]
    assert list(positions(np.array([2, 1, 0, -1, -2]), "low_is_good")) == [
        "much_worse", "worse", "similar", "better", "much_better"]
    assert list(positions(np.array([2, -1]), "high_is_good")) == ["much_better", "worse"]
    assert list(positions(np.array([2, -2]), "neutral")) == ["higher", "lower"]


def test_the_funnel_of_a_proportion(health_atlas: Atlas) -> None:
    model = funnel_model(health_atlas, _sel(health_atlas, "unemployment", "en"))
    assert model.shown and len(model.points) == len(health_atlas.areas())
    limits = model.limits
    assert (limits["upper_998"] >= limits["upper_95"]).all() and (limits["lower_95"] >= limits["lower_998"]).all()
    assert (limits["upper_95"] > model.city_value).all() and (limits["lower_95"] < model.city_value).all()
    assert set(model.points.loc[model.points["prioritized"], "code"]) == set(health_atlas.prioritized().index)
    fig, alt = funnel_chart(model, "en")
    names = [tr["name"] for tr in fig["data"]]
    assert names[:3] == ["99.8% limits", "95% limits", f"City {model.city_value:.1f}%"]
    assert names[-1] == t("legend.prioritized", "en")
    limit = fig["data"][0]
    assert None in limit["x"] and len(limit["x"]) == 2 * len(limits) + 1  # upper, gap, lower
    symbols = {tr["marker"]["symbol"] for tr in fig["data"][3:-1]}
    assert len(symbols) >= 2  # the position is a shape as well as a colour
    prio = fig["data"][-1]
    names = [a["text"] for a in fig["layout"]["annotations"]]  # named on a white ground
    assert sorted(names) == sorted(health_atlas.prioritized()["name"])
    assert prio["marker"]["line"]["width"] > 2 and len(prio["x"]) == len(names)
    hover = prio["customdata"][0]
    assert hover.startswith("<b>") and "</b><br>Value: " in hover and "95% CI" in hover and "Denominator" in hover
    n_out = int((model.points["band"] != 0).sum())
    assert alt.startswith(f"Funnel plot of {len(model.points)} areas for Unemployment: {n_out} outside")


def test_every_position_on_the_funnel_is_in_its_legend() -> None:
    """A position only prioritized areas have (drawn in their own trace) still has its legend
    entry, so its colour and shape can be read."""
    points = pd.DataFrame({"denominator": [100.0, 200.0], "value": [50.0, 70.0], "position": ["similar", "much_worse"],
                           "prioritized": [False, True], "name": ["Alfa", "Beta"],
                           "hover": [("Alfa", "50"), ("Beta <b>", "70")]})
    labels = {k: k for k in ("city", "limits95", "limits998", "x", "prioritized", "cmp.similar", "cmp.much_worse")}
    fig = funnel_figure(points, LIMITS, 50.0, labels, "en", 1, "%")
    assert [tr["name"] for tr in fig["data"]] == ["limits998", "limits95", "city", "cmp.similar", "cmp.much_worse",
                                                  "prioritized"]
    assert fig["data"][4]["x"] == [None] and fig["data"][4]["marker"]["symbol"] == "triangle-down"
    assert fig["data"][5]["customdata"] == ["<b>Beta &lt;b&gt;</b><br>70"]  # names are text, never markup
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["Beta"] and fig["layout"]["annotations"][0]["ay"] < 0


def test_no_funnel_for_standardised_values_and_no_suppressed_value_in_one(health_atlas: Atlas, atlas: Atlas,
                                                                           city: dict[str, Any]) -> None:
    dsr = funnel_model(health_atlas, _sel(health_atlas, "mortality_dsr"))
    assert not dsr.applies and not dsr.shown and funnel_chart(dsr, "en") == ({"data": [], "layout": {}}, "")
    sel = _sel(atlas, "upper_secondary", sex="female")  # the tiny area's women: 2 of 12, suppressed
    model = funnel_model(atlas, sel)
    assert model.shown and city["tiny"] not in set(model.points["code"])
    assert not printed(2 / 12 * 100).search(to_json(funnel_chart(model, "en")[0]))


# --- standardised value types ----------------------------------------------------------------
@pytest.mark.parametrize(("indicator", "words"), [
    ("mortality_dsr", ["per 100 000", "age-standardised rate", "European Standard Population 2013"]),
    ("admissions_isr", ["standardised ratio (city = 100)", "Indirectly standardised ratio"]),
    ("life_expectancy", ["years", "life expectancy", "Chiang II"]),
])
def test_standardised_types_show_their_unit_and_method(health_client: Any, indicator: str,
                                                       words: list[str]) -> None:
    body = page_response(health_client, f"/indicator/{indicator}", "?lang=en").get_data(as_text=True)
    for word in words:
        assert word in body, word


# --- the served page ---------------------------------------------------------------------------
def _layout(client: Any, path: str, search: str) -> dict[str, Any]:
    resp = page_response(client, path, search)
    assert resp.status_code == 200
    return resp.get_json()["response"]["_pages_content"]["children"]  # type: ignore[no-any-return]


def _component(tree: Any, component_id: str) -> dict[str, Any] | None:
    """The JSON of the component with ``component_id`` in a served layout."""
    if isinstance(tree, dict):
        props = tree.get("props", {})
        if props.get("id") == component_id:
            return tree
        return _component(props.get("children"), component_id)
    if isinstance(tree, list):
        for item in tree:
            hit = _component(item, component_id)
            if hit is not None:
                return hit
    return None


@pytest.mark.parametrize("lang", LANGS)
def test_the_served_indicator_page_shows_the_sii_block_and_the_funnel(health_client: Any, health_atlas: Atlas,
                                                                      lang: str) -> None:
    page = _layout(health_client, "/indicator/unemployment", f"?lang={lang}")
    funnel = _component(page, ids.Indicator.funnel)
    assert funnel is not None and not funnel["props"].get("hidden")
    assert _component(page, ids.Indicator.funnel_chart)["props"]["figure"]["data"]  # type: ignore[index]
    own = _component(page, ids.Indicator.ineq_headline)["props"]["children"]  # type: ignore[index]
    name = indicator_name(health_atlas.catalogue().loc["unemployment"], lang)
    assert own == t("ineq.is_measure", lang, indicator=name)  # not ranked by itself
    page = _layout(health_client, "/indicator/mortality_dsr", f"?lang={lang}")
    block = _component(page, ids.Indicator.inequality)
    assert block is not None and t("ineq.title", lang) in json.dumps(block, ensure_ascii=False)
    assert not _component(page, ids.Indicator.ineq_charts)["props"].get("hidden")  # type: ignore[index]
    chart = _component(page, ids.Indicator.ineq_chart)["props"]["figure"]  # type: ignore[index]
    assert len(chart["data"]) == 3 and chart["data"][1]["x"] == [0, 1]
    assert _component(page, ids.Indicator.funnel)["props"]["hidden"] is True  # type: ignore[index]


def test_without_a_deprivation_measure_the_block_is_a_note(client: Any) -> None:
    page = _layout(client, "/indicator/overweight", "?lang=pl")
    assert _component(page, ids.Indicator.ineq_headline)["props"]["children"] == t(  # type: ignore[index]
        "ineq.no_measure", "pl")
    assert _component(page, ids.Indicator.ineq_charts)["props"]["hidden"] is True  # type: ignore[index]


def test_the_method_blocks_follow_period_sex_and_age_through_dash(health_client: Any, health_atlas: Atlas) -> None:
    periods = health_atlas.periods("life_expectancy")
    state = {"path": "/indicator/life_expectancy", "query": {"lang": "en"}}
    values = {(ids.Indicator.period, "value"): periods[0], (ids.Indicator.sex, "value"): "total",
              (ids.Indicator.age, "value"): "all", (state_key(ids.url_state("indicator")), "data"): state}
    resp = dispatch(health_client, f"{ids.Indicator.ineq_headline}.children", values)
    assert resp.status_code == 200
    out = resp.get_json()["response"]
    assert f"({periods[0]};" in out[ids.Indicator.ineq_headline]["children"]
    assert out[ids.Indicator.ineq_charts]["hidden"] is False and out[ids.Indicator.funnel]["hidden"] is True
    values[(ids.Indicator.age, "value")] = "65+"
    out = dispatch(health_client, f"{ids.Indicator.ineq_headline}.children", values).get_json()["response"]
    assert out[ids.Indicator.ineq_headline]["children"] == t("ineq.other_age", "en")
    assert out[ids.Indicator.ineq_charts]["hidden"] is True


def test_the_age_group_reranks_life_expectancy(health_app: Any, health_atlas: Atlas) -> None:
    pages = importlib.import_module("dashboard.pages.indicator")
    state = {"path": "/indicator/life_expectancy", "query": {"lang": "sv"}}
    period = health_atlas.periods("life_expectancy")[-1]
    with health_app.server.test_request_context("/"):
        birth = pages.update_ranked(period, "total", state, "all")
        at_65 = pages.update_ranked(period, "total", state, "65+")
        layout = pages.layout("life_expectancy", lang="sv", age="65+")
    assert at_65["state"]["query"]["age"] == "65+" and birth["state"]["query"]["age"] is None  # the default
    values = [x for tr in at_65["figure"]["data"] for x in tr["x"] if x is not None]
    assert values and max(values) < 40 < min(x for tr in birth["figure"]["data"] for x in tr["x"] if x is not None)
    picker = find(layout, ids.Indicator.age)
    assert picker.value == "65+" and [o["label"] for o in picker.options] == ["Vid födseln", "Vid 65 år"]
    assert "Vid 65 år" in page_text(layout)


def test_the_map_shows_life_expectancy_at_65(health_app: Any, health_atlas: Atlas) -> None:
    """The map offers the age groups beside the sexes: life expectancy at 65 is judged with
    the same rules as at birth, named in the title and kept in the address (#12)."""
    home = importlib.import_module("dashboard.pages.home")
    state = {"path": "/", "query": {"lang": "sv"}}
    period = health_atlas.periods("life_expectancy")[-1]
    with health_app.server.test_request_context("/"):
        birth = home.update_map("life_expectancy", period, "total", "comparison", "quantiles", None, state)
        at_65 = home.update_map("life_expectancy", period, "total", "comparison", "quantiles", None, state,
                                None, None, "65+")
        layout = home.layout(lang="sv", indicator="life_expectancy", age="65+")
    assert at_65["state"]["query"]["age"] == "65+" and birth["state"]["query"]["age"] is None
    assert at_65["title"].endswith(f", vid 65 år, {period}"), at_65["title"]
    assert "65" not in birth["title"] and birth["age_hidden"] is False
    assert [o["label"] for o in at_65["age_options"]] == ["Vid födseln", "Vid 65 år"]
    z65 = [z for z in at_65["figure"]["data"][0]["z"] if z is not None]
    cell = health_atlas.cell("life_expectancy", period, "total", "65+")
    expected = cell.loc[cell["level"].astype(str) != "city", "value"].dropna()
    assert len(z65) == len(expected)  # the 65+ cell's published values, no more
    assert find(layout, ids.Map.age).value == "65+"


def test_the_compare_grid_shows_life_expectancy_at_65_under_it(health_app: Any, health_atlas: Atlas) -> None:
    """An indicator loaded by age band gets a row per other age group in the compare grid,
    judged like the headline row, named in words (and in the CSV)."""
    from dashboard.viewmodels.compare import rug_frame, rug_model

    codes = list(health_atlas.areas().index[:3])
    model = rug_model(health_atlas, codes, "sv")
    rows = [r for s in model.sections for r in s.rows if r.indicator.id == "life_expectancy"]
    assert [r.age for r in rows] == ["", "Vid 65 år"]
    birth, at_65 = rows
    cell = health_atlas.cell("life_expectancy", birth.period, "total", "65+").set_index("area_code")
    for code, got in zip(codes, at_65.cells, strict=True):
        value = cell.loc[code, "value"]
        assert (got.value is None and pd.isna(value)) or got.value == pytest.approx(float(value))
    assert at_65.city is not None and at_65.city.value < birth.city.value  # at 65 < at birth
    frame = rug_frame(model, "Staden")
    assert (frame["indicator"].str.endswith(", Vid 65 år")).sum() == len(codes) + 1
