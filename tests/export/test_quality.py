"""Data-quality notes from hand-made rows: every kind, grouped per indicator, periods compacted."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reports import strings
from reports.quality import quality_notes

CAT = pd.DataFrame({"id": ["a", "b"], "name": ["Alpha", "Beta"], "order": [0, 1]}).set_index("id", drop=False)


def _rows(area: str, items: list[tuple[str, str, str, float | None, str, str, float | None]]) -> pd.DataFrame:
    return pd.DataFrame(items, columns=["indicator_id", "period", "sex", "value", "status",
                                        "compared_to_city", "city_discrepancy"]).assign(area_code=area)


def test_each_kind_is_counted_and_grouped() -> None:
    rows = _rows("X1", [
        ("a", "2019", "total", None, "suppressed", "not_compared", np.nan),
        ("a", "2020", "total", None, "suppressed", "not_compared", np.nan),
        ("a", "2021", "total", None, "suppressed", "not_compared", np.nan),
        ("a", "2021", "female", 3.0, "ok", "not_compared", np.nan),
        ("b", "2019", "male", None, "missing", "not_compared", np.nan),
        ("b", "2020", "total", 7.0, "ok", "similar", 0.8),
        ("b", "2021", "total", None, "too_few_events", "not_compared", np.nan),
        ("b", "2022", "total", None, "too_few_person_years", "not_compared", np.nan),
    ])
    city = _rows("C", [("b", "2020", "total", 6.2, "ok", "benchmark", 0.8)])
    notes, counts = quality_notes(rows, city, CAT, "en")
    assert counts == {"suppressed": 3, "too_few_events": 1, "too_few_person_years": 1,
                      "interval_over_20_years": 0, "missing": 1, "not_compared": 1,
                      "estimated": 0, "discrepancy": 1}
    assert [(n.kind, n.indicator_id) for n in notes] == [
        ("suppressed", "a"), ("too_few_events", "b"), ("too_few_person_years", "b"),
        ("missing", "b"), ("not_compared", "a"), ("discrepancy", "b")]
    assert notes[1].periods == "2021"  # a method's blank is not "missing from the source"
    assert strings.label("status", notes[1].kind, "sv") == "Dolt (färre än 10 fall)"
    assert notes[0].periods == "2019–2021" and notes[0].sexes == strings.label("sex", "total", "en")
    assert notes[4].sexes == strings.label("sex", "female", "en") and notes[5].name == "Beta"


def test_nothing_to_note() -> None:
    rows = _rows("X1", [("a", "2020", "total", 5.0, "ok", "better", np.nan)])
    notes, counts = quality_notes(rows, rows.iloc[0:0], CAT, "sv")
    assert notes == [] and not any(counts.values())


def test_periods_are_written_as_runs() -> None:
    from reports.quality import periods_text

    every = [str(y) for y in range(2015, 2025)]
    chosen = pd.Series(["2015", "2016", "2017", "2019", "2020", "2022", "2023", "2024"])
    assert periods_text(chosen, every) == "2015–2017, 2019, 2020, 2022–2024"
    assert periods_text(pd.Series(["2018"]), every) == "2018"


def test_estimated_values_are_named() -> None:
    rows = _rows("A", [("a", "2023", "total", 5.0, "ok", "similar", np.nan),
                       ("a", "2024", "total", 6.0, "ok", "worse", np.nan)])
    rows = rows.assign(estimated=[None, True])
    notes, counts = quality_notes(rows, rows.iloc[0:0], CAT, "en")
    assert counts["estimated"] == 1
    assert [(n.kind, n.indicator_id, n.periods) for n in notes] == [("estimated", "a", "2024")]
