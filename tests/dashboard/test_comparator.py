"""The comparator switch: what it offers, the judgements against each comparator, and the
map and indicator page that follow it (colours, legend, words, URL)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from dashboard import ids
from dashboard.model import Atlas
from dashboard.selection import comparators, pick_comparator, resolve
from dashboard.viewmodels.comparator import comparator_of, judged
from dashboard.viewmodels.map import map_model
from dashboard.views.map_view import legend
from presentation.i18n import t
from settings.languages import LANGS
from tests.dashboard.health_city import NATIONAL_VALUES
from tests.dashboard.helpers import dispatch, find, page_text, state_key

MAP_STATE = {"path": "/", "query": {"lang": "en"}}


@pytest.fixture(scope="module")
def pages(health_app: Any) -> Any:
    return importlib.import_module("dashboard.pages.home"), importlib.import_module("dashboard.pages.indicator")


def test_the_switch_offers_the_city_first_then_the_others(health_atlas: Atlas, atlas: Atlas) -> None:
    # every area's parent is the city: no "parent district", the city under another name
    assert comparators(health_atlas, "sv") == (("city", "Staden"), ("rest", "Resten av staden"), ("SE", "Sverige"))
    assert [v for v, _ in comparators(atlas, "en")] == ["city", "rest"]
    assert pick_comparator(health_atlas, "SE") == "SE" and pick_comparator(atlas, "SE") == "city"
    assert pick_comparator(health_atlas, ["rest", "SE"]) == "rest" and pick_comparator(health_atlas, None) == "city"
    rest = comparator_of(health_atlas, "rest", "pl")
    assert (rest.label, rest.phrase) == ("Reszta miasta", "reszta miasta")
    assert comparator_of(health_atlas, "SE", "en").phrase == "Sweden"


def _cell(atlas: Atlas, indicator: str, comparator: str) -> Any:
    period = atlas.periods(indicator)[-1]
    rows = judged(atlas, atlas.cell(indicator, period, "total", "all"), comparator)
    return rows[rows["level"].astype(str) != "city"]


def test_judged_against_sweden_the_areas_change_colour(health_atlas: Atlas) -> None:
    rows = _cell(health_atlas, "unemployment", "SE")
    assert (rows["comparator_value"] == NATIONAL_VALUES[("unemployment", "all")]).all()
    against_city = rows["compared_to_city"].astype(str).to_numpy()
    against_sweden = rows["compared_to_comparator"].astype(str).to_numpy()
    assert (against_city != against_sweden).any()
    rest = _cell(health_atlas, "unemployment", "rest")
    assert (rest["compared_to_comparator"].astype(str) == rest["compared_to_rest_of_city"].astype(str)).all()
    assert rest["comparator_value"].nunique() > 1  # the rest of the city differs by area


def test_a_comparator_without_values_judges_nothing_and_says_so(health_atlas: Atlas) -> None:
    rows = _cell(health_atlas, "employment", "SE")  # Sweden has no employment value
    assert rows["comparator_value"].isna().all() and set(rows["compared_to_comparator"].astype(str)) == {"not_compared"}
    sel = resolve(health_atlas, {"indicator": "employment", "comparator": "SE", "lang": "en"})
    text = page_text(legend(map_model(health_atlas, sel)))
    assert t("comparator.no_value", "en", name="Sweden") in text and "Not compared" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_map_follows_the_comparator(pages: Any, health_app: Any, health_atlas: Atlas, lang: str) -> None:
    home = pages[0]
    state = {"path": "/", "query": {"lang": lang}}
    with health_app.server.test_request_context("/"):
        city = home.update_map("unemployment", None, "total", "comparison", "quantiles", None, state)
        sweden = home.update_map("unemployment", None, "total", "comparison", "quantiles", None, state, "SE")
    name = comparators(health_atlas, lang)[-1][1]
    title = page_text(sweden["legend"]).split("\n")
    assert t("legend.compared", lang, name=name) in title
    assert t("legend.compared", lang, name=t("comparator.phrase.city", lang)) in page_text(city["legend"])
    assert f"{name}: 6" in page_text(sweden["legend"])  # Sweden's one value
    assert sweden["state"]["query"]["comparator"] == "SE" and city["state"]["query"]["comparator"] is None
    assert sweden["colouring_options"][0]["label"] == t("ctl.colouring.compared", lang, name=name)
    assert name in sweden["alt"]

    def outcome(out: dict[str, Any]) -> dict[str, str]:
        return {code: tr["name"] for tr in out["figure"]["data"] if tr["name"] != "prioritized"
                for code in tr["locations"]}

    assert outcome(city) != outcome(sweden)  # at least one area changes colour
    trace = next(tr for tr in sweden["figure"]["data"] if tr["name"] not in ("prioritized", "no_data"))
    assert f"{name}: %{{customdata[4]}}" in trace["hovertemplate"] and len(trace["customdata"][0]) == 5
    assert t(f"cmpc.{trace['name']}", lang, name=name) in trace["hovertemplate"]


def test_the_map_switch_goes_through_dash(health_client: Any, health_atlas: Atlas) -> None:
    values = {(ids.Map.indicator, "value"): "unemployment", (ids.Map.period, "value"): None,
              (ids.Map.sex, "value"): "total", (ids.Map.comparator, "value"): "rest",
              (ids.Map.colouring, "value"): "comparison", (ids.Map.scheme, "value"): "quantiles",
              (state_key(ids.url_state("map")), "data"): {"path": "/", "query": {"lang": "en"}}}
    resp = dispatch(health_client, f"{ids.Map.graph}.figure", values, triggered=(ids.Map.comparator, "value"))
    assert resp.status_code == 200
    out = resp.get_json()["response"]
    assert "Compared with the rest of the city" in str(out[ids.Map.legend]["children"])
    assert out[state_key(ids.url_state("map"))]["data"]["query"]["comparator"] == "rest"


def _walk(node: Any) -> Any:
    """Every component of a tree, depth first."""
    if isinstance(node, list | tuple):
        for item in node:
            yield from _walk(item)
    elif hasattr(node, "to_plotly_json"):
        yield node
        yield from _walk(getattr(node, "children", None))


def test_the_map_page_opens_with_the_comparator_of_its_url(pages: Any, health_app: Any) -> None:
    with health_app.server.test_request_context("/"):
        layout = pages[0].layout(lang="pl", indicator="unemployment", comparator="SE")
    switch = find(layout, ids.Map.comparator)
    assert switch.value == "SE" and [o["label"] for o in switch.options][-1] == "Szwecja"
    assert "Porównaj z" in page_text(layout)  # the group's legend
    links = [c.href for c in _walk(layout) if str(getattr(c, "href", "")).startswith("/indicator/")]
    assert "/indicator/unemployment?lang=pl&period=2022&comparator=SE" in links  # the ranking link


def test_the_indicator_page_judges_against_the_comparator(pages: Any, health_app: Any,
                                                          health_atlas: Atlas) -> None:
    indicator = pages[1]
    state = {"path": "/indicator/unemployment", "query": {"lang": "en"}}
    period = health_atlas.periods("unemployment")[-1]
    with health_app.server.test_request_context("/"):
        out = indicator.update_ranked(period, "total", state, None, "SE")
        rest = indicator.update_ranked(period, "total", state, None, "rest")
        layout = indicator.layout("unemployment", lang="en", comparator="rest")
        back = indicator.open_indicator("employment", {"query": {"lang": "en", "comparator": "SE"}})
    assert out["note"] == "Judgements are against: Sweden." and out["state"]["query"]["comparator"] == "SE"
    fig = out["figure"]
    assert [s["line"]["dash"] for s in fig["layout"]["shapes"]] == ["dash", "dot"]  # the city and Sweden
    assert all("than Sweden" in h[0] or "Similar to Sweden" in h[0] or "compared" in h[0]
               for tr in fig["data"] for h in tr.get("customdata", []))
    assert rest["note"] == "Judgements are against: the rest of the city."
    assert len(rest["figure"]["layout"]["shapes"]) == 1  # the rest of the city has no one value
    assert find(layout, ids.Indicator.comparator).value == "rest"
    assert back == "/indicator/employment?lang=en&comparator=SE"


def test_the_parent_district_is_offered_when_areas_have_parents(synthetic_store: Any) -> None:
    from sqlalchemy import update

    from store.schema import Area

    engine, info = synthetic_store()
    codes = info["codes"]
    with engine.begin() as conn:  # the first area is the parent district of the next four
        conn.execute(update(Area).where(Area.code.in_(codes[1:5])).values(parent_code=codes[0]))
    atlas = Atlas(engine)
    assert [v for v, _ in comparators(atlas, "en")] == ["city", "rest", "parent"]
    assert comparator_of(atlas, "parent", "sv").phrase == "det överordnade området"
    rows = _cell(atlas, "unemployment", "parent").set_index("area_code")
    own = rows.loc[codes[0], "value"]
    assert (rows.loc[codes[1:5], "comparator_value"] == own).all()
    city = atlas.cell("unemployment", atlas.periods("unemployment")[-1], "total", "all")
    city_value = city.loc[city["area_code"].astype(str) == atlas.city_code(), "value"].iloc[0]
    assert (rows.loc[codes[5:], "comparator_value"] == city_value).all()  # their parent is the city
