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
from presentation.comparators import EXPORT_EXTRA
from presentation.targets import EXPORT_TARGET
from store.engine import clear_engine_cache
from store.schema import Area, City, Comparator, ComparatorValue, Indicator, IndicatorValue
from wellbeing.export_data import export_data

COUNTS = {"A": (3, 400), "B": (40, 900), "D": (20, 800), "E": (90, 1000)}
NATIONAL = {"2022": 0.2, "2023": 0.031}  # Sweden's unemployment (a share, as the areas')


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


def test_writes_the_contract_columns_in_order_then_the_extras(store: Engine, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    result = CliRunner().invoke(app(), ["--out", str(out), "--lang", "pl"])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as f:
        header = f.readline().strip().split(",")
    assert len(EXPORT_COLUMNS) == 25 and header[:25] == EXPORT_COLUMNS
    assert header[25:33] == EXPORT_EXTRA == ["age_group", "comparator", "comparator_value",
                                           "compared_to_comparator", "method", "standardised",
                                           "estimated", "ci998_source"]
    assert header[33:] == EXPORT_TARGET == ["target_value", "target_period", "compared_to_target", "progress"]
    rows = read(out)
    assert len(rows) == 2 * (len(COUNTS) + 1)
    b = next(r for r in rows if r["area_code"] == "B" and r["period"] == "2023")
    assert (b["indicator_name"], b["area_name"]) == ("Bezrobocie", "Område B")
    assert float(b["value"]) == pytest.approx(40 / 900)
    city = next(r for r in rows if r["area_code"] == "C" and r["period"] == "2023")
    assert city["compared_to_city"] == "benchmark"
    assert f"Wrote {len(rows)} rows" in result.output
    # by default the comparator is the city: the same judgement, the city's value
    assert (b["comparator"], b["compared_to_comparator"]) == ("city", b["compared_to_city"])
    assert float(b["comparator_value"]) == pytest.approx(float(b["city_value"]))
    assert (b["method"], b["standardised"], b["estimated"], b["ci998_source"]) == (
        "wilson", "False", "False", "computed")


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


@pytest.fixture
def national_store(store: Engine) -> Engine:
    """The store with Sweden's unemployment as a national comparator."""
    with store.begin() as conn:
        conn.execute(insert(Comparator), [{"code": "SE", "kind": "national", "name_sv": "Sverige",
                                           "name_pl": "Szwecja", "name_en": "Sweden"}])
        conn.execute(insert(ComparatorValue), [
            {"comparator_code": "SE", "indicator_id": "unemp", "period": p, "sex": "total",
             "age_group": "all", "value": v} for p, v in NATIONAL.items()])
    return store


def test_judgements_against_a_national_comparator(national_store: Engine, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    result = CliRunner().invoke(app(), ["--out", str(out), "--comparator", "SE"])
    assert result.exit_code == 0, result.output
    rows = read(out)
    assert {r["comparator"] for r in rows} == {"SE"}
    for r in rows:
        assert float(r["comparator_value"]) == pytest.approx(NATIONAL[r["period"]])
    # by hand: area B in 2023 is 40/900 = 4.4%; Sweden's 3.1% is below the area's 95%
    # interval but inside its 99.8% one, and unemployment is low-is-good: B is worse
    b = next(r for r in rows if r["area_code"] == "B" and r["period"] == "2023")
    lo95, hi95, lo998 = (float(b[c]) for c in ("lower_ci95", "upper_ci95", "lower_ci998"))
    assert lo998 < NATIONAL["2023"] < lo95 < float(b["value"]) < hi95
    assert b["compared_to_comparator"] == "worse"
    # E (9%) has Sweden below even its 99.8% interval; in 2022 Sweden's 20% is above every
    # area's interval: every area is better (low is good)
    e = next(r for r in rows if r["area_code"] == "E" and r["period"] == "2023")
    assert float(e["lower_ci998"]) > NATIONAL["2023"] and e["compared_to_comparator"] == "much_worse"
    shown = [r for r in rows if r["period"] == "2022" and r["value"]]
    assert shown and all(float(r["upper_ci95"]) < NATIONAL["2022"] for r in shown)
    assert {r["compared_to_comparator"] for r in shown} <= {"better", "much_better"}
    # the city columns still judge against the city
    assert b["compared_to_city"] != "" and b["city_value"] != b["comparator_value"]


def test_rest_of_the_city_as_comparator(store: Engine, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    assert CliRunner().invoke(app(), ["--out", str(out), "--comparator", "rest"]).exit_code == 0
    for r in read(out):
        assert r["comparator"] == "rest"
        assert r["compared_to_comparator"] == r["compared_to_rest_of_city"]


def test_unknown_comparator_is_a_usage_error_listing_the_valid_ones(
        national_store: Engine, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    result = CliRunner().invoke(app(), ["--out", str(out), "--comparator", "NO"])
    assert result.exit_code == 2
    assert "unknown comparator 'NO'" in result.output
    assert "use one of city, rest, parent, SE" in result.output
    assert not out.exists()


def test_comparator_with_the_fingertips_layout_is_refused(store: Engine, tmp_path: Path) -> None:
    result = CliRunner().invoke(app(), ["--out", str(tmp_path / "x.csv"), "--layout",
                                        "fingertips", "--comparator", "rest"])
    assert result.exit_code == 2 and "--comparator applies to the default layout" in result.output


def test_parent_district_as_comparator(store: Engine, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    assert CliRunner().invoke(app(), ["--out", str(out), "--comparator", "parent"]).exit_code == 0
    rows = read(out)
    districts = [r for r in rows if r["area_code"] != "C" and r["value"]]
    assert districts and all(r["comparator"] == "parent" for r in rows)
    for r in districts:  # every district's parent is the city: its value, judged the same way
        assert float(r["comparator_value"]) == pytest.approx(float(r["city_value"]))
        assert r["compared_to_comparator"] == r["compared_to_city"]
