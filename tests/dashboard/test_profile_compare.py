"""The area profile, compare and about pages after #12: real-data rough edges, age groups,
the compare grid's intervals, periods, legend and CSV, the domain's small multiples, and
the browser-history flag of user-initiated changes."""

from __future__ import annotations

import csv
import io
import math
from typing import Any

import numpy as np
import pandas as pd
import pytest

from dashboard.figures.charts import domain_multiples, locator_figure
from dashboard.figures.spine import spine_geometry
from dashboard.model import Atlas
from dashboard.viewmodels.about_data import file_name, load_history
from dashboard.viewmodels.ages import age_rows
from dashboard.viewmodels.compare import domain_trends, rug_frame, rug_model
from dashboard.viewmodels.profile import area_facts, area_indicator, profile_table
from dashboard.views.profile import domain_table, facts, spine
from dashboard.views.rug import legend, rug
from presentation.periods import period_short, period_text
from tests.dashboard.helpers import page_response, page_text


@pytest.mark.parametrize(("period", "text", "short"), [
    ("2020-2022", "2020–2022", "2020–22"), ("2023", "2023", "2023"), ("1998-2001", "1998–2001", "1998–2001"),
    ("2001-2003", "2001–2003", "2001–03"), ("2020-02", "2020-02", "2020-02"), (None, "–", "–"),
])
def test_pooled_periods_read_with_an_en_dash(period: Any, text: str, short: str) -> None:
    assert period_text(period) == text and period_short(period) == short


def test_a_spine_without_a_city_value_draws_no_city_line() -> None:
    values = np.array([2.0, 4.0, 6.0, 8.0, 10.0])
    geom = spine_geometry(values, float("nan"), 8.0, "high_is_good")
    assert geom is not None and geom.city is None and geom.marker == 75.0  # centred on the median
    drawn = spine(geom, "not_compared", "label").style["background"]
    assert "#111" not in drawn and drawn.count("linear-gradient") == 3  # three layers, the first blank
    with_city = spine(spine_geometry(values, 6.0, 8.0, "high_is_good"), "better", "label").style["background"]
    assert "#111" in with_city


def test_a_count_gets_no_city_line_in_the_profile(atlas: Atlas, city: dict[str, Any]) -> None:
    table = profile_table(atlas, city["prioritized"][0], "en")
    rows = {row.indicator.id: row for section in table.sections for row in section.rows}
    counts = [i for i in rows if str(atlas.catalogue().loc[i].get("value_type")) == "count"]
    for ind, row in rows.items():
        if row.spine is not None:
            assert (row.spine.city is None) == (ind in counts or row.record["city_value"] is None
                                                or math.isnan(row.record["city_value"]))


class _FakeAtlas:
    """Just what ``area_facts`` reads: areas, the catalogue and an area's rows."""

    def __init__(self, population: float | None, indicator_id: str = "population") -> None:
        self._areas = pd.DataFrame({"code": ["A"], "name": ["Alfa"], "population": [population],
                                    "prioritized": [False]}).set_index("code", drop=False)
        self._cat = pd.DataFrame({"id": [indicator_id, "x"], "value_type": ["count", "percentage"]}).set_index(
            "id", drop=False)
        self._rows = pd.DataFrame({"indicator_id": [indicator_id] * 3 + ["x"], "sex": ["total"] * 4,
                                   "period": ["2021", "2023", "2022", "2023"],
                                   "value": [100.0, 1234.0, 110.0, 5.0]})

    def areas(self) -> pd.DataFrame:
        return self._areas

    def catalogue(self) -> pd.DataFrame:
        return self._cat

    def area_rows(self, code: str) -> pd.DataFrame:
        return self._rows


def test_population_falls_back_to_the_latest_population_indicator() -> None:
    boundary = area_facts(_FakeAtlas(2500.0), "A")  # type: ignore[arg-type]
    assert boundary.population == 2500.0 and boundary.population_period is None
    indicator = area_facts(_FakeAtlas(None), "A")  # type: ignore[arg-type]
    assert indicator.population == 1234.0 and indicator.population_period == "2023"
    assert "1,234" in page_text(facts(indicator, "en")) and "(2023)" in page_text(facts(indicator, "en"))
    unknown = area_facts(_FakeAtlas(float("nan"), indicator_id="income"), "A")  # type: ignore[arg-type]
    assert unknown.population is None
    assert "Population: not known" in page_text(facts(unknown, "en")).replace("\n", "")
    assert "–" not in page_text(facts(unknown, "sv")) and "uppgift saknas" in page_text(facts(unknown, "sv"))


def test_the_locator_rings_the_area() -> None:
    fig = locator_figure(["A", "B"], "B", "/geo/1.geojson", (13.0, 57.7))
    ring = fig["data"][1]
    assert ring["type"] == "scattergeo" and ring["lon"] == [13.0] and ring["marker"]["symbol"] == "circle-open"
    assert len(locator_figure(["A"], "A", "/geo/1.geojson")["data"]) == 1


def test_about_shows_file_names_only_and_the_areas_without_the_city(atlas: Atlas, city: dict[str, Any]) -> None:
    assert file_name("/srv/atlas/data/values.csv") == "values.csv"
    assert file_name("C:\\atlas\\data\\values.csv") == "values.csv" and file_name(None) is None
    latest = load_history(atlas)[0]
    assert latest.counts[0] == len(city["codes"])
    assert all("/" not in f.path and "\\" not in f.path for f in latest.files)


def test_the_about_page_shows_no_server_path(client: Any) -> None:
    body = page_response(client, "/about", "?lang=en").get_data(as_text=True)
    assert "/tmp/" not in body and "/work/" not in body


# --- age groups -------------------------------------------------------------------------------

def _small_and_large(atlas: Atlas) -> tuple[str, str]:
    areas = atlas.areas().sort_values("population")
    return str(areas.index[0]), str(areas.index[-1])


def test_life_expectancy_has_a_row_per_age_group(health_atlas: Atlas) -> None:
    _small, large = _small_and_large(health_atlas)
    rows = age_rows(health_atlas, large, "life_expectancy", "en")
    assert [r.age_group for r in rows] == ["all", "65+"] and [r.label for r in rows] == ["At birth", "At 65"]
    assert all(r.record["value"] > 0 and r.record["key"] != "no_data" for r in rows)
    assert rows[1].record["value"] < rows[0].record["value"]  # years left at 65 < at birth
    assert age_rows(health_atlas, large, "unemployment", "en") == ()  # one age group: no breakdown


def test_suppressed_age_cells_are_never_shown(health_atlas: Atlas) -> None:
    small, _large = _small_and_large(health_atlas)
    rows = age_rows(health_atlas, small, "life_expectancy", "en")
    assert rows and all(r.record["key"] == "no_data" for r in rows)
    for r in rows:
        assert all(r.record[c] is None or math.isnan(r.record[c]) for c in ("value", "lower_ci95", "upper_ci95",
                                                                              "difference"))


def test_the_profile_table_and_chart_show_the_age_groups(health_app: Any, health_atlas: Atlas) -> None:
    _small, large = _small_and_large(health_atlas)
    with health_app.server.test_request_context("/"):
        table = domain_table(profile_table(health_atlas, large, "en"), "en")
        model = area_indicator(health_atlas, large, "life_expectancy", "en")
        client = health_app.server.test_client()
        body = page_response(client, f"/area/{large}", "?lang=en&indicator=life_expectancy").get_data(as_text=True)
    assert "Age: At 65" in page_text(table)
    assert [a.age_group for a in model.by_age] == ["all", "65+"]
    assert "area-age-block" in body and "At 65" in body


# --- compare ----------------------------------------------------------------------------------

def test_the_rug_has_intervals_periods_and_a_legend(atlas: Atlas, city: dict[str, Any]) -> None:
    codes = city["prioritized"][:2]
    model = rug_model(atlas, codes, "en")
    row = model.sections[0].rows[0]
    assert row.period and all(c is None or c.period for c in row.cells)
    assert any(c is not None and c.lower is not None for c in row.cells)
    text = page_text(rug(model, "en"))
    assert "Period" in text and "–" in text  # the column, and intervals as 1.2–3.4
    assert all(t in page_text(legend("en")) for t in ("▲ Better than the city", "▼ Worse than the city"))


def test_the_rug_csv_is_long_redacted_and_formula_safe(pages: Any, in_request: Any, atlas: Atlas,
                                                        city: dict[str, Any]) -> None:
    codes = [city["codes"][0]]
    with in_request():
        data = pages.compare.compare_csv(atlas, codes, "en").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert set(rows[0]) == {"indicator_id", "indicator", "unit", "area_code", "area", "period", "value",
                            "lower_95", "upper_95", "compared_with_city"}
    assert len(rows) == 2 * len(atlas.catalogue())  # the city and the area, per indicator
    frame = rug_frame(rug_model(atlas, codes, "en"), "=HYPERLINK(1)")
    assert (frame["area"] == "=HYPERLINK(1)").any()
    from presentation.formulas import neutralise_frame

    assert not neutralise_frame(frame)["area"].str.startswith("=").any()


def test_the_compare_download_sends_a_csv(pages: Any, in_request: Any, city: dict[str, Any]) -> None:
    state = {"path": "/compare", "query": {"lang": "sv", "areas": ",".join(city["prioritized"])}}
    with in_request():
        out = pages.compare.download(1, state)
        none = pages.compare.download(None, state)
        empty = pages.compare.download(1, {"path": "/compare", "query": {"lang": "en", "areas": ""}})
    assert out["data"]["filename"] == "compare_sv.csv" and out["status"] is None
    assert none["data"] is not None and empty["status"] == "Choose at least one area."


def test_a_domain_as_small_multiples(atlas: Atlas, city: dict[str, Any], pages: Any, in_request: Any) -> None:
    domain = str(atlas.catalogue()["domain"].iloc[0])
    model = domain_trends(atlas, city["prioritized"][:2], domain, "en")
    n = int((atlas.catalogue()["domain"] == domain).sum())
    assert len(model.panels) == n and all(len(p.areas) == 2 for p in model.panels)
    fig = domain_multiples([(p.indicator.name, list(p.areas), p.city, 1, "") for p in model.panels], "en", "City")
    assert len(fig["layout"]["annotations"]) == n and sum(t.get("showlegend") for t in fig["data"]) == 3
    with in_request():
        out = pages.compare.update_compare(city["prioritized"][:2], "crime", {"query": {"lang": "en"}}, domain)
    assert out["state"]["query"]["domain"] == domain and out["trends_alt"].startswith("Trends in")
    assert out["state"]["push"] is True  # a user's change adds a browser-history entry


def test_profile_changes_add_history_entries(pages: Any, in_request: Any, city: dict[str, Any]) -> None:
    state = {"path": f"/area/{city['prioritized'][0]}", "query": {"lang": "en"}}
    with in_request():
        out = pages.area.update_charts("crime", state)
    assert out["state"]["push"] is True and out["age_hidden"] is True


def test_the_url_sync_pushes_only_user_changes() -> None:
    from dashboard.app import URL_SYNC_JS

    assert 'state.push ? "pushState" : "replaceState"' in URL_SYNC_JS
