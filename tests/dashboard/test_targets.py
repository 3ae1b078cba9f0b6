"""Targets in the dashboard: the profile's target column, the map legend's target lines and
the compare grid's target marks (a synthetic city with targets written into its store)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from dashboard.model import Atlas
from dashboard.selection import Selection
from dashboard.viewmodels.compare import rug_model
from dashboard.viewmodels.map import map_model
from dashboard.viewmodels.profile import profile_table
from dashboard.viewmodels.targets import indicator_lines, line
from dashboard.views.map_view import legend
from dashboard.views.profile import domain_table
from dashboard.views.rug import rug
from presentation.i18n import t
from store.engine import make_engine
from store.migrate import upgrade
from store.programme_schema import Target
from synthetic.grid_city import CITY_CODE, build_city
from tests.dashboard.helpers import texts


def _target(indicator: str, area: str, value: float, direction: str, period: str = "2030") -> dict[str, Any]:
    return {"indicator_id": indicator, "area_code": area, "sex": "total", "age_group": "all",
            "programme_id": None, "goal_id": None, "baseline_period": "2016", "baseline_value": 7.0,
            "target_period": period, "target_value": value, "direction": direction}


@pytest.fixture(scope="module")
def targeted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Atlas, dict[str, Any]]]:
    """The synthetic city with a city-wide employment target nobody meets (100%), the
    first prioritized area's own unemployment target it already meets (≤ 99%) and the
    first area's (not prioritized) it does not (≤ 1%)."""
    path: Path = tmp_path_factory.mktemp("targets") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    info = build_city(engine)
    first = info["prioritized"][0]
    with engine.begin() as conn:
        conn.execute(insert(Target), [_target("employment", CITY_CODE, 100.0, "increase"),
                                      _target("unemployment", info["codes"][0], 1.0, "decrease"),
                                      _target("unemployment", first, 99.0, "decrease")])
    yield Atlas(engine), info
    engine.dispose()


def _rows(atlas: Atlas, code: str, lang: str) -> dict[str, Any]:
    table = profile_table(atlas, code, lang)
    return {row.indicator.id: row for section in table.sections for row in section.rows}


def test_profile_rows_carry_the_target_that_applies(targeted: tuple[Atlas, dict[str, Any]]) -> None:
    atlas, info = targeted
    first, other = info["prioritized"][0], info["prioritized"][1]
    rows = _rows(atlas, first, "en")
    own = rows["unemployment"].target
    assert own is not None and own.own and own.area_code == first
    assert (own.compared, own.progress) == ("met", "achieved")
    assert own.text.startswith("Target 99.0% by 2030 (baseline 7.0% in 2016): achieved")
    shared = rows["employment"].target
    assert shared is not None and not shared.own and shared.area_code == CITY_CODE
    assert (shared.compared, shared.progress) == ("not_met", None)
    assert shared.text == "City-wide target 100.0% by 2030: does not meet the target"
    assert rows["crime"].target is None
    assert _rows(atlas, other, "en")["unemployment"].target is None  # another area's own target


def test_profile_table_has_a_target_column_in_every_language(targeted: tuple[Atlas, dict[str, Any]]) -> None:
    atlas, info = targeted
    first = info["prioritized"][0]
    for lang in ("sv", "pl", "en"):
        table = domain_table(profile_table(atlas, first, lang), lang)
        said = " ".join(texts(table))
        assert t("col.target", lang) in said
        assert f"★ {t('progress.achieved', lang)}" in said
        assert f"◌ {t('target.not_met', lang)}" in said
        assert t("target.city", lang) in said
    pl = " ".join(texts(domain_table(profile_table(atlas, first, "pl"), "pl")))
    assert "Cel 99,0\u00a0% do 2030" in pl  # the Polish number and unit


def test_profile_without_targets_has_no_target_column(atlas: Atlas, city: dict[str, Any]) -> None:
    table = domain_table(profile_table(atlas, city["prioritized"][0], "en"), "en")
    assert "Target" not in texts(table)
    head = table.children[1].children.children
    assert len(head) == 10  # the columns as before


def test_map_legend_says_the_targets_and_progress(targeted: tuple[Atlas, dict[str, Any]]) -> None:
    atlas, info = targeted
    first = info["prioritized"][0]
    name = str(atlas.areas().loc[first, "name"])
    model = map_model(atlas, Selection(indicator_id="unemployment", period=info["periods"][-1], lang="sv"))
    other = info["codes"][0]
    # the prioritized areas first (the city's order), then the rest in the atlas's order
    assert [(whose, ln.area_code) for whose, ln in model.targets] == [
        (name, first), (str(atlas.areas().loc[other, "name"]), other)]
    assert model.targets[1][1].compared == "not_met"
    said = " ".join(texts(legend(model)))
    assert t("target.legend.title", "sv") in said
    assert "Mål 99,0\u00a0% till 2030 (utgångsläge 7,0\u00a0% 2016)" in said
    assert f"★ {t('progress.achieved', 'sv')}" in said
    model = map_model(atlas, Selection(indicator_id="crime", period=info["periods"][-1], lang="sv"))
    assert model.targets == () and t("target.legend.title", "sv") not in " ".join(texts(legend(model)))
    city_lines = indicator_lines(atlas, "employment", "total", "en", 1, "%")
    assert [ln.area_code for _, ln in city_lines] == [CITY_CODE]  # the city-wide target, judged for the city


def test_compare_grid_marks_cells_against_their_target(targeted: tuple[Atlas, dict[str, Any]]) -> None:
    atlas, info = targeted
    codes = info["prioritized"][:2]
    model = rug_model(atlas, codes, "en")
    rows = {r.indicator.id: r for s in model.sections for r in s.rows}
    assert [c.target.compared for c in rows["employment"].cells] == ["not_met", "not_met"]
    assert rows["unemployment"].cells[0].target.compared == "met"
    assert rows["unemployment"].cells[1].target is None
    assert rows["crime"].cells[0].target is None
    said = " ".join(texts(rug(model, "en")))
    assert "◌" in said and "◎" in said and "meets the target" in said


def test_a_suppressed_value_has_no_data_against_the_target(targeted: tuple[Atlas, dict[str, Any]]) -> None:
    atlas, info = targeted
    got = line(atlas, "employment", info["prioritized"][0], None, "en", 1, "%")
    assert got is not None and got.compared == "no_data"
    assert got.text == "City-wide target 100.0% by 2030: no data"
