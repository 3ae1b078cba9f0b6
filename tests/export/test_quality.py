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
    ])
    city = _rows("C", [("b", "2020", "total", 6.2, "ok", "benchmark", 0.8)])
    notes, counts = quality_notes(rows, city, CAT, "en")
    assert counts == {"suppressed": 3, "missing": 1, "not_compared": 1, "discrepancy": 1}
    assert [(n.kind, n.indicator_id) for n in notes] == [
        ("suppressed", "a"), ("missing", "b"), ("not_compared", "a"), ("discrepancy", "b")]
    assert notes[0].periods == "2019–2021" and notes[0].sexes == strings.label("sex", "total", "en")
    assert notes[2].sexes == strings.label("sex", "female", "en") and notes[3].name == "Beta"


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
