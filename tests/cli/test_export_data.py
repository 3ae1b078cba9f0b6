"""`wellbeing export data` on a small SQLite store filled in the test."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from shapely.geometry import MultiPolygon, box
from sqlalchemy import Engine, insert
from typer.testing import CliRunner

from indicators import EXPORT_COLUMNS
from store.engine import clear_engine_cache
from store.schema import Area, City, Indicator, IndicatorValue
from wellbeing.export_data import export_data

COUNTS = {"A": (3, 400), "B": (40, 900), "D": (20, 800), "E": (90, 1000)}


def app() -> typer.Typer:
    cli = typer.Typer()
    cli.command()(export_data)
    return cli


def square(x: float, width: float) -> MultiPolygon:
    return MultiPolygon([box(x, 0.0, x + width, 1.0)])


def fill(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(City), [{"code": "C", "name": "Staden", "name_sv": "Staden",
                                     "name_pl": "Miasto", "name_en": "The city"}])
        conn.execute(insert(Area), [
            {"code": "C", "name": "Staden", "level": "city", "parent_code": None, "prioritized": False,
             "geom": square(0, len(COUNTS)), "display_geom": square(0, len(COUNTS))},
            *({"code": c, "name": f"Område {c}", "level": "district", "parent_code": "C",
               "prioritized": c == "A", "geom": square(i, 1), "display_geom": square(i, 1)}
              for i, c in enumerate(COUNTS))])
        conn.execute(insert(Indicator), [{
            "id": "unemp", "name_sv": "Arbetslöshet", "name_pl": "Bezrobocie",
            "name_en": "Unemployment", "domain": "work", "unit": "%",
            "value_type": "proportion", "multiplier": 1.0, "polarity": "low_is_good",
            "decimals": 3, "weight": 1.0}])
        conn.execute(insert(IndicatorValue), [
            {"indicator_id": "unemp", "area_code": c, "period": p, "sex": "total",
             "age_group": "all", "numerator": x, "denominator": n}
            for c, (x, n) in COUNTS.items() for p in ("2022", "2023")])


@pytest.fixture
def store(sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    fill(sqlite_engine)
    monkeypatch.setenv("DATABASE_URL", sqlite_engine.url.render_as_string(hide_password=False))
    clear_engine_cache()
    yield sqlite_engine
    clear_engine_cache()


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_writes_exactly_the_contract_columns(store: Engine, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    result = CliRunner().invoke(app(), ["--out", str(out), "--lang", "pl"])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as f:
        header = f.readline().strip().split(",")
    assert header == EXPORT_COLUMNS
    rows = read(out)
    assert len(rows) == 2 * (len(COUNTS) + 1)
    b = next(r for r in rows if r["area_code"] == "B" and r["period"] == "2023")
    assert (b["indicator_name"], b["area_name"]) == ("Bezrobocie", "Område B")
    assert float(b["value"]) == pytest.approx(40 / 900)
    city = next(r for r in rows if r["area_code"] == "C" and r["period"] == "2023")
    assert city["compared_to_city"] == "benchmark"
    assert f"Wrote {len(rows)} rows" in result.output


def test_suppressed_values_never_reach_the_file(store: Engine, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    assert CliRunner().invoke(app(), ["--out", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    rows = read(out)
    hidden = [r for r in rows if r["status"] == "suppressed"]
    assert {r["area_code"] for r in hidden} == {"A", "D"}  # 3 events, then the next smallest
    numbers = ["value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998", "numerator",
               "denominator", "difference", "ratio", "rank", "quintile"]
    assert all(r[c] == "" for r in hidden for c in numbers)
    for code in ("A", "D"):
        x, n = COUNTS[code]
        assert repr(x / n) not in text and str(x / n) not in text


def test_unknown_language_is_refused(store: Engine, tmp_path: Path) -> None:
    result = CliRunner().invoke(app(), ["--out", str(tmp_path / "x.csv"), "--lang", "de"])
    assert result.exit_code == 2
    assert "unknown language 'de'" in result.output
    assert not (tmp_path / "x.csv").exists()
