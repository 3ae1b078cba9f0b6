"""Figure builders and their pure helpers: classes, colours, spine geometry, map traces."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

import dashboard
from dashboard.classify import SCHEMES, classify
from dashboard.figures.charts import ranked_figure, small_multiples, trend_figure
from dashboard.figures.choropleth import MapSpec, map_figure, map_patch, map_traces, tile_style
from dashboard.figures.spine import spine_geometry
from presentation import palette

FRAME = pd.DataFrame({
    "code": ["A", "B", "C", "D"], "name": ["Alfa", "Beta", "Gamma", "Delta"],
    "value": [10.0, 20.0, np.nan, 31.5], "lower": [8.0, 18.0, np.nan, 29.0],
    "upper": [12.0, 22.0, np.nan, 34.0], "comparison": ["better", "similar", "no_data", "much_worse"],
    "klass": [0, 1, -1, 2],
})


def test_classes_follow_the_scheme_and_assign_every_value() -> None:
    values = np.arange(1.0, 101.0)
    for scheme in SCHEMES:
        classes = classify(values, scheme, k=5)
        assert classes.k == 5 and classes.bins[-1] == 100.0
        assigned = classes.assign(values)
        assert assigned.min() == 0 and assigned.max() == 4
    eq = classify(values, "equal_interval", k=4)
    assert eq.bins == pytest.approx((25.75, 50.5, 75.25, 100.0))
    assert list(classify(values, "quantiles").assign(np.array([np.nan, 1.0]))) == [-1, 0]


def test_classification_with_few_values_and_unknown_scheme() -> None:
    assert classify(np.array([3.0, 3.0, np.nan]), "quantiles").k == 1
    assert classify(np.array([np.nan]), "quantiles").k == 0
    with pytest.raises(ValueError, match=r"Unknown classification 'jenks'\. Valid: quantiles"):
        classify(np.array([1.0]), "jenks")


def _within_ssd(values: np.ndarray, bins: tuple[float, ...]) -> float:
    idx = np.minimum(np.searchsorted(np.asarray(bins), values, side="left"), len(bins) - 1)
    return float(sum(((values[idx == i] - values[idx == i].mean()) ** 2).sum() for i in set(idx)))


def test_natural_breaks_on_many_values_are_deterministic_and_near_jenks() -> None:
    import mapclassify

    values = np.random.default_rng(3).gamma(2, 5, 400)
    fast = classify(values, "natural_breaks").bins
    assert fast == classify(values, "natural_breaks").bins
    exact = tuple(mapclassify.FisherJenks(values, k=5).bins)  # quadratic: fine at 400 values
    assert _within_ssd(values, fast) <= 1.01 * _within_ssd(values, exact)
    small = np.random.default_rng(4).normal(50, 10, 60)
    assert classify(small, "natural_breaks").bins == pytest.approx(tuple(mapclassify.FisherJenks(small, k=5).bins))


def test_class_colours_run_worst_to_best_following_polarity() -> None:
    high = palette.class_colours(5, "high_is_good")
    low = palette.class_colours(5, "low_is_good")
    assert high == low[::-1]
    assert high[0] == palette.DIVERGING[0] and high[-1] == palette.DIVERGING[-1]  # orange → blue
    assert palette.class_colours(3, "neutral")[0] == palette.SEQUENTIAL[0]
    with pytest.raises(ValueError, match="at least one class"):
        palette.class_colours(0, "neutral")


def test_every_comparison_has_its_own_symbol_and_text_with_aa_contrast() -> None:
    symbols = [sw.symbol for sw in palette.COMPARISON.values()]
    assert len(set(symbols)) == len(symbols)
    for key, sw in palette.COMPARISON.items():
        assert palette.contrast(sw.fill, sw.text) >= 4.5, key


@pytest.mark.parametrize(("polarity", "marker"), [("high_is_good", 0.0), ("low_is_good", 100.0),
                                                    ("neutral", 0.0)])
def test_spine_puts_the_city_in_the_middle_and_worse_on_the_left(polarity: str, marker: float) -> None:
    values = np.array([2.0, 4.0, 6.0, 8.0, 10.0])  # city 6: the scale reaches 4 either side
    geom = spine_geometry(values, 6.0, 2.0, polarity)
    assert geom is not None
    assert geom.city == 50.0 and geom.marker == marker
    assert (geom.left, geom.right) == (0.0, 100.0)
    assert (geom.q_left, geom.q_right) == (25.0, 75.0)
    no_city = spine_geometry(values, None, 2.0, polarity)  # centred on the median, no city line
    assert no_city is not None and no_city.city is None and (no_city.left, no_city.right) == (0.0, 100.0)
    assert spine_geometry(np.array([float("nan")]), 6.0, 2.0, polarity) is None
    assert spine_geometry(values, 6.0, float("nan"), polarity).marker is None  # type: ignore[union-attr]


def test_map_traces_one_per_outcome_plus_outlines() -> None:
    spec = MapSpec(lang="sv", colouring="comparison", decimals=1, unit="%", city_value=18.25,
                   prioritized=("B",))
    traces = map_traces(FRAME, spec, "/geo/1.geojson")
    assert [t["name"] for t in traces] == ["better", "similar", "much_worse", "no_data", "prioritized"]
    assert all(t["geojson"] == "/geo/1.geojson" for t in traces)  # geometry by URL, never inline
    better = traces[0]
    assert better["customdata"] == [["Alfa", 10.0, 8.0, 12.0]]
    assert "Staden: 18,2\u00a0%" in better["hovertemplate"]  # city value, Swedish style
    assert "Bättre än staden" in better["hovertemplate"] and "▲" in better["hovertemplate"]
    assert traces[3]["customdata"] == [["Gamma"]]  # no value: a name only
    assert traces[-1]["locations"] == ["B"] and traces[-1]["hoverinfo"] == "skip"


def test_value_classes_use_the_class_colours() -> None:
    colours = tuple(palette.class_colours(3, "low_is_good"))
    spec = MapSpec(lang="en", colouring="classes", class_colours=colours)
    traces = {t["name"]: t for t in map_traces(FRAME, spec, "/g")}
    assert traces["much_worse"]["z"] == [2] and traces["much_worse"]["zmax"] == 2
    assert [c for _, c in traces["better"]["colorscale"]] == list(colours)
    assert traces["no_data"]["colorscale"][0][1] == palette.COMPARISON["no_data"].fill


def test_full_figure_has_an_invisible_base_and_patch_only_the_traces() -> None:
    spec = MapSpec(lang="pl", colouring="comparison")
    fig = go.Figure(map_figure(FRAME, spec, "/g", (12.0, 57.0, 13.0, 58.0)))  # a valid figure
    assert fig.layout.geo.visible is False and fig.layout.geo.fitbounds == "locations"
    assert fig.layout.separators == ", "
    patch = map_patch(FRAME, spec, "/g").to_plotly_json()
    locations = [op["location"] for op in patch["operations"]]
    assert locations == [["data"], ["layout", "separators"]]
    assert "coordinates" not in json.dumps(patch)


def test_a_tile_url_switches_to_a_tiled_map() -> None:
    spec = MapSpec(lang="en", colouring="comparison", tile_url="http://tiles.local/{z}/{x}/{y}.png")
    fig = go.Figure(map_figure(FRAME, spec, "/g", (12.0, 57.0, 13.0, 58.0)))
    assert {t.type for t in fig.data} == {"choroplethmap"}
    assert fig.layout.map.style == tile_style("http://tiles.local/{z}/{x}/{y}.png")
    assert 5 < fig.layout.map.zoom < 12


def test_trend_and_small_multiples_leave_gaps_for_missing_values() -> None:
    area = pd.DataFrame({"period": ["2020", "2021", "2022"], "value": [5.0, np.nan, 7.0],
                         "lower": [4.0, np.nan, 6.0], "upper": [6.0, np.nan, 8.0]})
    city = area.assign(value=[6.0, 6.0, 6.0])
    labels = {"area": "Alfa", "city": "Staden", "area_band": "Alfa KI", "city_band": "Staden KI"}
    fig = go.Figure(trend_figure(area, city, labels, "sv", 1, "%"))
    line = next(t for t in fig.data if t.name == "Alfa")
    assert list(line.y) == [5.0, None, 7.0]
    band = next(t for t in fig.data if t.name == "Alfa KI")
    assert list(band.x) == ["2020", "2022", "2022", "2020"]  # no interval, no band
    multi = go.Figure(small_multiples([("Alfa", area), ("Beta", area)], city, "en", 1, "City"))
    assert [a.text for a in multi.layout.annotations] == ["Alfa", "Beta"]
    assert multi.layout.yaxis.range == multi.layout.yaxis2.range  # one scale for every panel
    assert multi.layout.xaxis.domain[1] < multi.layout.xaxis2.domain[0]


def test_ranked_figure_draws_the_city_line() -> None:
    frame = FRAME.dropna().assign(prioritized=[False, True, False], label=["Alfa", "Beta", "Delta"],
                                  hover=["", "", ""])
    fig = go.Figure(ranked_figure(frame, 18.0, "en", 1, "%", "City 18.0 %"))
    assert fig.layout.shapes[0].x0 == 18.0
    assert list(fig.layout.yaxis.categoryarray) == ["Delta", "<b>Beta</b>", "Alfa"]  # prioritized: bold
    sizes = [s for t in fig.data if t.mode == "markers" for s in t.marker.size]
    assert max(sizes) > min(sizes)  # prioritized areas stand out
    named = [t for t in fig.data if t.showlegend]  # the line is named in the legend, not on the axis
    assert [t.name for t in named] == ["City 18.0 %"] and named[0].line.dash == "dash"
    assert not fig.layout.annotations
    both = go.Figure(ranked_figure(frame, 18.0, "en", 1, "%", "City 18.0 %", (20.5, "Sweden 20.5 %")))
    assert [s.x0 for s in both.layout.shapes] == [18.0, 20.5] and both.layout.shapes[1].line.dash == "dot"
    assert [t.name for t in both.data if t.showlegend] == ["City 18.0 %", "Sweden 20.5 %"]


def test_the_stylesheet_draws_every_trend_and_gap_mark_of_the_palette() -> None:
    from pathlib import Path

    css = (Path(dashboard.__file__).parent / "assets" / "atlas.css").read_text(encoding="utf-8")
    for prefix, marks in (("trend", palette.TREND_ARROWS), ("gap", palette.GAP_MARKS)):
        for key, (mark, _tone) in marks.items():
            assert f'td.{prefix}-{key}::before {{ content: "{mark}";' in css, (prefix, key)
