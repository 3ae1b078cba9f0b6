"""`wellbeing export data --layout fingertips`: Fingertips' 27 "all data" columns, in their
order, with Fingertips' words; the default layout is unchanged (test_export_data.py)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import typer
from sqlalchemy import Engine, update
from typer.testing import CliRunner

from api.fingertips import COLUMNS, _period_parts, _trend, age_label
from indicators import EXPORT_COLUMNS
from presentation.comparators import EXPORT_EXTRA
from presentation.targets import EXPORT_TARGET
from store.engine import clear_engine_cache
from store.schema import Area
from tests.cli.test_export_data import COUNTS, fill
from wellbeing.export_data import export_data

FINGERTIPS_HEADER = (  # Fingertips' own header, "England" and "Region" read as city and rest
    "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,"
    "Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,"
    "Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,"
    "Compared to city value or percentiles,Compared to rest of city value or percentiles,"
    "Time period Sortable,New data,Compared to goal,Time period range")


def app() -> typer.Typer:
    cli = typer.Typer()
    cli.command()(export_data)
    return cli


@pytest.fixture
def store(sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    fill(sqlite_engine)
    with sqlite_engine.begin() as conn:  # fill's first row (the city) has no parent_code key,
        # so an executemany insert drops the districts' parents: set them here
        conn.execute(update(Area).where(Area.level == "district").values(parent_code="C"))
    monkeypatch.setenv("DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    clear_engine_cache()
    yield sqlite_engine
    clear_engine_cache()


def export(tmp_path: Path, *args: str) -> list[dict[str, str]]:
    out = tmp_path / "export.csv"
    result = CliRunner().invoke(app(), ["--out", str(out), *args])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_fingertips_columns_in_fingertips_order(store: Engine, tmp_path: Path) -> None:
    out = tmp_path / "ft.csv"
    assert CliRunner().invoke(app(), ["--out", str(out), "--layout", "fingertips"]).exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == FINGERTIPS_HEADER
    assert FINGERTIPS_HEADER.split(",") == COLUMNS


def test_fingertips_words_and_known_values(store: Engine, tmp_path: Path) -> None:
    rows = export(tmp_path, "--layout", "fingertips", "--lang", "en")
    assert len(rows) == len(export(tmp_path)) == 2 * (len(COUNTS) + 1)
    b = next(r for r in rows if r["Area Code"] == "B" and r["Time period"] == "2023")
    assert float(b["Value"]) == pytest.approx(40 / 900)
    assert (b["Indicator Name"], b["Area Name"], b["Parent Code"], b["Parent Name"]) == (
        "Unemployment", "Område B", "C", "Staden")
    assert (b["Sex"], b["Age"], b["Area Type"]) == ("Persons", "All ages", "district")
    assert (b["Count"], b["Denominator"]) == ("40.0", "900.0")
    assert (b["Time period Sortable"], b["Time period range"]) == ("20230000", "1y")
    assert b["Recent Trend"] == "Cannot be calculated"  # two periods: too few for a trend
    assert b["Compared to city value or percentiles"] in {"Better", "Similar", "Worse"}
    city = next(r for r in rows if r["Area Code"] == "C" and r["Time period"] == "2023")
    assert city["Compared to city value or percentiles"] == "Not compared"
    assert city["Value note"] == "Aggregated from all known lower geography values"
    hidden = [r for r in rows if r["Value note"].startswith("Value suppressed")]
    assert {r["Area Code"] for r in hidden} == {"A", "D"}
    assert all(r[c] == "" for r in hidden for c in ("Value", "Lower CI 95.0 limit", "Count",
                                                     "Denominator", "Upper CI 99.8 limit"))


def test_the_default_layout_is_unchanged(store: Engine, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    assert CliRunner().invoke(app(), ["--out", str(out), "--layout", "default"]).exit_code == 0
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == [*EXPORT_COLUMNS, *EXPORT_EXTRA, *EXPORT_TARGET]


def test_an_unknown_layout_is_refused(store: Engine, tmp_path: Path) -> None:
    result = CliRunner().invoke(app(), ["--out", str(tmp_path / "x.csv"), "--layout", "phe"])
    assert result.exit_code == 2 and "unknown layout 'phe'" in result.output
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize(("trend", "polarity", "words"), [
    ("getting_better", "high_is_good", "Increasing and getting better"),
    ("getting_better", "low_is_good", "Decreasing and getting better"),
    ("getting_worse", "high_is_good", "Decreasing and getting worse"),
    ("getting_worse", "low_is_good", "Increasing and getting worse"),
    ("increasing", "neutral", "Increasing"), ("decreasing", "neutral", "Decreasing"),
    ("no_significant_change", "low_is_good", "No significant change"),
    ("not_enough_data", "high_is_good", "Cannot be calculated"),
])
def test_recent_trend_says_the_direction(trend: str, polarity: str, words: str) -> None:
    assert _trend(pd.Series([trend]), pd.Series([polarity])) == [words]


@pytest.mark.parametrize(("period", "parts"), [
    ("2023", (20230000, "1y")), ("2019-2021", (20190000, "3y")), ("2019-21", (20190000, "3y")),
    ("2021/22", (20210000, "1y")), ("Q1 2023", (None, "")),
])
def test_time_period_sortable_and_range(period: str, parts: tuple[int | None, str]) -> None:
    assert _period_parts(period) == parts


@pytest.mark.parametrize(("age", "words"), [("all", "All ages"), ("18-64", "18-64 yrs"),
                                            ("65+", "65+ yrs"), ("youth", "youth")])
def test_age_words(age: str, words: str) -> None:
    assert age_label(age) == words


def test_every_blank_status_has_a_fingertips_value_note() -> None:
    from api.fingertips import VALUE_NOTE
    from indicators.contract import STATUSES

    assert set(STATUSES) - {"ok"} <= set(VALUE_NOTE)
    assert VALUE_NOTE["too_few_events"] == "Value cannot be calculated as number of cases is too small"
    assert len(set(VALUE_NOTE.values())) == len(VALUE_NOTE)  # each reason its own words
