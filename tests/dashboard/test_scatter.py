"""The scatter of two indicators (#12): known correlations, suppressed values never
plotted, prioritized areas named, the city marked, and a click opening a profile."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from dashboard import ids
from dashboard.model import Atlas
from dashboard.viewmodels.scatter import correlation, scatter_model
from dashboard.views.scatter_view import association
from tests.dashboard.helpers import find, page_text


def test_known_correlations() -> None:
    x = np.arange(1.0, 11.0)
    assert correlation(x, 3 * x + 2) == pytest.approx((1.0, 1.0))
    assert correlation(x, -x) == pytest.approx((-1.0, -1.0))
    pearson, spearman = correlation(x, x ** 4)  # monotone, not linear
    assert spearman == pytest.approx(1.0) and pearson is not None and pearson < 0.95
    assert correlation(x[:4], x[:4]) == (None, None)  # too few areas
    assert correlation(x, np.ones(10)) == (None, None)  # one variable does not vary
    # against numpy's own for a noisy pair
    rng = np.random.default_rng(3)
    y = x + rng.normal(0, 2, 10)
    assert correlation(x, y)[0] == pytest.approx(np.corrcoef(x, y)[0, 1])


def test_the_model_pairs_areas_and_leaves_suppressed_values_out(atlas: Atlas) -> None:
    table = atlas.comparisons()
    suppressed = table[table["status"].astype(str).isin(["suppressed", "suppressed_at_source"])]
    ind = str(suppressed["indicator_id"].iloc[0]) if len(suppressed) else "unemployment"
    other = next(str(i) for i in atlas.catalogue().index if str(i) != ind and atlas.periods(str(i)))
    model = scatter_model(atlas, other, ind, "total", "en")
    latest = atlas.periods(ind)[-1]
    hidden = set(suppressed.loc[(suppressed["indicator_id"] == ind) & (suppressed["period"] == latest)
                                & (suppressed["sex"] == "total"), "area_code"].astype(str))
    assert not hidden & set(model.frame["code"])
    assert model.frame[["x", "y"]].notna().all().all()
    assert len(model.frame) + model.missing == len(atlas.areas())
    assert model.y.period == latest and model.x.period == atlas.periods(other)[-1]


def test_the_page_states_the_association_and_names_prioritized_areas(
        pages: Any, in_request: Any, atlas: Atlas) -> None:
    with in_request():
        layout = pages.scatter.layout(lang="sv", x="unemployment", y="employment")
    text = page_text(find(layout, ids.Scatter.text))
    assert "samband" in text and "Spearmans rangkorrelation" in text and "orsakar" in text
    fig = find(layout, ids.Scatter.graph).figure
    named = [n for trace in fig["data"] if trace.get("text") for n in trace["text"]]
    assert sorted(named) == sorted(atlas.prioritized()["name"])
    assert any(trace["name"] == "Staden" for trace in fig["data"])
    model = scatter_model(atlas, "unemployment", "employment", "total", "sv")
    assert association(model, "sv") in text


def test_a_new_pair_is_pushed_to_the_address_and_a_click_opens_the_profile(
        pages: Any, in_request: Any) -> None:
    state = {"path": "/scatter", "query": {"lang": "pl", "x": "unemployment", "y": "employment"}}
    with in_request():
        out = pages.scatter.update_scatter("employment", "unemployment", "female", state)
        target = pages.scatter.open_profile({"points": [{"customdata": ["…", "A1"]}]}, out["state"])
    assert out["state"]["query"] == {"lang": "pl", "x": "employment", "y": "unemployment", "sex": "female"}
    assert out["state"]["push"] is True
    assert target == "/area/A1?lang=pl&indicator=unemployment"
