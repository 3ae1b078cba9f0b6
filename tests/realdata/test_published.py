"""SCB's RegSO exports as downloaded: years as column suffixes (``Antal 2020``...) become
rows by configuration alone, and stray spaces in categories are kept visible to the
checks. Expected figures are parsed here from the raw text with the csv module.
Skips with the reason when ../shared/realdata is absent."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from etl.config_keys import PeriodColumns
from etl.derived_config import SourceConfig
from etl.opening import open_input
from etl.readers import read_all
from tests.conftest import realdata_dir

pytestmark = pytest.mark.realdata


def _raw(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_scb_foreign_born_years_become_rows() -> None:
    path = realdata_dir("sweden_regso") / "scb_regso_foreign_born.csv"
    spec = PeriodColumns(pattern=r"Antal (\d{4})", value="Antal")
    table = open_input(SourceConfig("born", path, 1, None, period_from_columns=spec), path.name)
    frame, lines = read_all(table)
    assert not table.problems
    assert table.columns == ["region", "födelseregion", "kön", "period", "Antal"]
    raw = _raw(path)
    assert len(frame) == 4 * len(raw)
    assert sorted(frame["period"].unique()) == ["2020", "2021", "2022", "2023"]
    got = frame.set_index(["region", "födelseregion", "period"])["Antal"]
    for row in raw[:40]:
        for year in ("2020", "2021", "2022", "2023"):
            assert got[(row["region"], row["födelseregion"], year)] == row[f"Antal {year}"]
    assert got[("Uppsala (Bergsbrunna)", "totalt", "2020")] == "1445"
    assert len(set(lines[:4].tolist())) == 1 and lines[4] > lines[3]  # one source row, four years


def test_scb_income_years_and_spaced_categories() -> None:
    path = realdata_dir("sweden_regso") / "scb_regso_income.csv"
    spec = PeriodColumns(pattern=r"Medelvärde för samtliga, tkr (\d{4})", value="tkr")
    table = open_input(SourceConfig("income", path, 1, None, period_from_columns=spec), path.name)
    frame, _ = read_all(table)
    raw = _raw(path)
    assert len(frame) == 4 * len(raw)
    first = raw[0]
    assert first["inkomstkomponent"] == "löneinkomst "  # the trap: a trailing space
    row = frame[(frame["region"] == first["region"]) & (frame["period"] == "2022")]
    assert row["tkr"].tolist() == [first["Medelvärde för samtliga, tkr 2022"]]
