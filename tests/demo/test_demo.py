"""The synthetic demo city: reproducible files that load through the real ETL and tell
the stories the dashboard is meant to show (prioritized areas worse, gaps that move).

Figures are recomputed here from numerators and denominators read back from the
store; no result figure is hard-coded.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
import typer
from sqlalchemy import Engine
from typer.testing import CliRunner

import etl.demo
from etl.config import load_config
from etl.demo import DEMO_CONFIG, MAKE_DEMO, load_demo
from etl.errors import EtlError
from store.engine import PROJECT_ROOT, make_engine
from store.migrate import upgrade
from store.read import Snapshot, read_snapshot
from wellbeing.etl_commands import demo_command

CSV_FILES = ("data/demo/catalogue.csv", "data/demo/register_values.csv", "data/demo/survey_results.csv",
             "data/demo/area_notes.csv", "data/demo/health_register.csv", "data/demo/sweden.csv",
             *(f"data/demo/programme_{kind}.csv" for kind in
               ("programmes", "goals", "targets", "institutions", "initiatives")),
             "data/demo/places.geojson", "data/demo/places_sports_grounds.csv")
XLSX = "data/demo/environment.xlsx"
GPKG = "shapes/demo/demo_city.gpkg"
DOMAINS = {"health", "education", "work_income", "housing", "safety", "trust_participation", "environment"}
RATIO_TYPES = ("proportion", "percentage", "rate")


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Snapshot]]:
    """The demo city loaded once into an embedded store, and what the store then holds."""
    path = tmp_path_factory.mktemp("demo") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    result = load_demo(engine)
    assert result is not None and result.status == "succeeded"
    yield engine, read_snapshot(engine)
    engine.dispose()


def _city(snap: Snapshot) -> tuple[str, list[str]]:
    areas = snap.areas[snap.areas["level"] != "city"]
    return str(snap.city["code"]), sorted(areas.loc[areas["prioritized"], "code"])


# ---------------------------------------------------------------- the files


def test_regenerating_gives_identical_files(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(MAKE_DEMO), str(tmp_path)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    stale = "differs from a fresh run: regenerate with .venv/bin/python data/demo/make_demo.py"
    for name in (*CSV_FILES, XLSX):
        assert (tmp_path / name).read_bytes() == (PROJECT_ROOT / name).read_bytes(), f"{name} {stale}"
    for layer in ("neighbourhoods", "river"):
        new = pyogrio.read_dataframe(tmp_path / GPKG, layer=layer)
        old = pyogrio.read_dataframe(PROJECT_ROOT / GPKG, layer=layer)
        assert new.drop(columns="geometry").equals(old.drop(columns="geometry")), f"{layer} {stale}"
        wkb_new, wkb_old = shapely.to_wkb(new.geometry.values), shapely.to_wkb(old.geometry.values)
        assert list(wkb_new) == list(wkb_old), f"{layer} geometry {stale}"


def test_committed_files_are_small() -> None:
    total = sum((PROJECT_ROOT / n).stat().st_size for n in (*CSV_FILES, XLSX, GPKG))
    assert total < 3_500_000  # the health register's age bands are half of it


def test_boundaries_are_a_clean_coverage_in_sweref99() -> None:
    hoods = pyogrio.read_dataframe(PROJECT_ROOT / GPKG, layer="neighbourhoods")
    assert hoods.crs.to_epsg() == 3006
    assert 35 <= len(hoods) <= 45
    assert list(hoods["code"]) == [f"DC{i:02d}" for i in range(1, len(hoods) + 1)]
    assert hoods["name"].is_unique and hoods["name"].str.contains("[åäö]").sum() >= 10
    assert (hoods["population"] > 0).all()
    assert bool(np.all(shapely.coverage_is_valid(hoods.geometry.values)))
    assert hoods.geometry.is_valid.all()
    union = shapely.union_all(hoods.geometry.values)
    assert isinstance(union, shapely.Polygon) and len(union.interiors) == 0  # no holes inside
    x, y = union.centroid.x, union.centroid.y
    assert 300_000 < x < 500_000 and 6_300_000 < y < 6_500_000  # south-western Sweden


def test_catalogue_is_complete_in_three_languages() -> None:
    cat = pd.read_csv(PROJECT_ROOT / "data/demo/catalogue.csv", keep_default_na=False)
    assert len(cat) >= 25 and set(cat["domain"]) == DOMAINS
    assert set(cat["value_type"]) == {"proportion", "percentage", "rate", "mean", "median", "count", "score",
                                      "dsr", "isr", "life_expectancy"}
    assert 1 <= (cat["polarity"] == "neutral").sum() <= 2
    for lang in ("sv", "pl", "en"):
        assert (cat[f"name_{lang}"] != "").all() and (cat[f"description_{lang}"] != "").all()
    assert (cat["name_sv"] != cat["name_en"]).mean() > 0.9
    assert cat["name_pl"].str.contains("[ąćęłńóśźż]").sum() >= 10
    assert cat["source"].str.contains("Synthetic").all()
    unemployment = cat.set_index("id").loc["unemployment"]
    assert unemployment["domain"] == "work_income" and unemployment["polarity"] == "low_is_good"


def test_config_uses_three_table_shapes() -> None:
    cfg = load_config(DEMO_CONFIG)
    assert cfg.synthetic and cfg.names["sv"] == "Exempelstad"
    assert [t.path.suffix for t in cfg.tables] == [".csv", ".csv", ".xlsx", ".csv"]
    assert [t.format for t in cfg.tables] == ["long", "wide", "wide", "long"]
    assert cfg.deprivation == "low_economic_standard"
    assert [(c.code, c.kind, c.name_by_lang["pl"]) for c in cfg.comparators] == [
        ("SE", "national", "Szwecja")]
    survey = cfg.tables[1].path.read_bytes()
    survey.decode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        survey.decode("utf-8")  # really cp1252, for the ETL to detect
    assert survey.count(b";") > survey.count(b",") / 2


# ---------------------------------------------------------------- loading


def test_demo_loads_with_the_promised_shape(demo_store: tuple[Engine, Snapshot]) -> None:
    _, snap = demo_store
    city_code, prioritized = _city(snap)
    assert snap.city["synthetic"] and snap.city["name_sv"] == "Exempelstad"
    assert 35 <= (snap.areas["level"] != "city").sum() <= 45
    assert len(prioritized) == 3
    assert len(snap.catalogue) >= 25 and snap.catalogue["domain"].nunique() >= 6
    values = snap.values
    assert values["period"].nunique() >= 8
    assert {"female", "male", "total"} <= set(values["sex"])
    by_sex = values.loc[values["sex"] != "total", "indicator_id"].unique()
    assert len(by_sex) >= 10
    medians = snap.catalogue.loc[snap.catalogue["value_type"] == "median", "id"]
    city_rows = values[values["indicator_id"].isin(medians) & (values["area_code"] == city_code)]
    assert city_rows["period"].nunique() >= 8 and city_rows["value"].notna().all()
    assert {"suppressed_at_source", "missing"} <= set(values["status"].dropna())


def test_the_prioritized_areas_have_notes_of_every_kind(demo_store: tuple[Engine, Snapshot]) -> None:
    _, snap = demo_store
    _, prioritized = _city(snap)
    notes = snap.notes
    assert set(notes["area_code"]) == set(prioritized)
    for code in prioritized:
        own = notes[notes["area_code"] == code]
        assert 3 <= len(own) <= 6 and own["position"].tolist() == list(range(1, len(own) + 1))
        assert set(own["kind"]) == {"resource", "arena", "initiative", "residents_view"}
    assert notes["title_sv"].notna().all()
    assert notes["title_pl"].notna().sum() > len(notes) // 2  # most in Polish, a few in Swedish only
    assert notes["source"].str.contains("Synthetic").all()


def test_small_cells_exercise_disclosure_control(demo_store: tuple[Engine, Snapshot]) -> None:
    _, snap = demo_store
    ok = snap.values[snap.values["status"].isna()]
    assert ((ok["numerator"] < 5) & (ok["numerator"] > 0)).sum() >= 20
    assert (ok["denominator"] < 30).sum() >= 20
    thresholds = snap.catalogue[["min_numerator", "min_denominator"]].notna().any(axis=1)
    assert 0 < thresholds.sum() < len(snap.catalogue)


@pytest.mark.postgis
def test_demo_loads_into_postgis(postgis_engine: Engine, demo_store: tuple[Engine, Snapshot]) -> None:
    result = load_demo(postgis_engine)
    assert result is not None and result.status == "succeeded"
    snap = read_snapshot(postgis_engine)
    _, embedded = demo_store
    assert len(snap.areas) == len(embedded.areas)
    assert len(snap.values) == len(embedded.values)
    assert sorted(snap.catalogue["id"]) == sorted(embedded.catalogue["id"])
    assert len(snap.notes) == len(embedded.notes) > 0


def test_load_demo_skips_a_store_with_data_unless_forced(demo_store: tuple[Engine, Snapshot]) -> None:
    engine, snap = demo_store
    said: list[str] = []
    assert load_demo(engine, say=said.append) is None
    assert "already holds" in said[-1] and "--force" in said[-1]
    assert len(read_snapshot(engine).values) == len(snap.values)


def test_load_demo_without_its_config_says_how_to_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(etl.demo, "DEMO_CONFIG", tmp_path / "demo.toml")
    with pytest.raises(EtlError, match=r"configuration is missing\. Fix: restore data/demo/"):
        load_demo(make_engine(f"sqlite:///{tmp_path / 'atlas.sqlite'}"))


def test_demo_command_loads_then_skips_then_forces(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'atlas.sqlite'}")
    app = typer.Typer()
    app.command("demo")(demo_command)
    app.command("noop")(lambda: None)  # two commands, so "demo" stays a subcommand
    runner = CliRunner()
    first = runner.invoke(app, ["demo"])
    assert first.exit_code == 0, first.output
    assert "Loaded batch" in first.output and "Demo city loaded" in first.output
    second = runner.invoke(app, ["demo"])
    assert second.exit_code == 0 and "already holds Demo City" in second.output
    forced = runner.invoke(app, ["demo", "--force"])
    assert forced.exit_code == 0 and "Loaded batch" in forced.output


# ---------------------------------------------------------------- the stories


def _ratio_frame(snap: Snapshot) -> pd.DataFrame:
    """Total-sex rows of proportion/percentage/rate indicators, with their catalogue facts."""
    cat = snap.catalogue.set_index("id")
    ids = cat.index[cat["value_type"].isin(RATIO_TYPES) & (cat["polarity"] != "neutral")]
    city_code, _ = _city(snap)
    rows = snap.values[snap.values["indicator_id"].isin(ids) & (snap.values["sex"] == "total")
                       & (snap.values["area_code"] != city_code)]
    return rows.dropna(subset=["numerator", "denominator"])


def _gaps(rows: pd.DataFrame, indicator: str, area: str) -> pd.DataFrame:
    """Per period: the area's share minus the city's (from summed counts), and its variance."""
    own = rows[rows["indicator_id"] == indicator]
    city = own.groupby("period")[["numerator", "denominator"]].sum()
    p_city = city["numerator"] / city["denominator"]
    mine = own[own["area_code"] == area].set_index("period")
    p = mine["numerator"] / mine["denominator"]
    var = p * (1 - p) / mine["denominator"] + p_city * (1 - p_city) / city["denominator"]
    return pd.DataFrame({"gap": p - p_city.loc[p.index], "var": var}).sort_index()


def _gap_slope_z(rows: pd.DataFrame, indicator: str, area: str, points: int = 5) -> float:
    """Weighted least-squares slope of the gap over the last periods, as a z-score."""
    g = _gaps(rows, indicator, area).tail(points)
    x, w = g.index.astype(int).to_numpy(dtype=float), 1 / g["var"].to_numpy()
    xm = (w * x).sum() / w.sum()
    slope = (w * (x - xm) * g["gap"].to_numpy()).sum() / (w * (x - xm) ** 2).sum()
    return float(slope / np.sqrt(1 / (w * (x - xm) ** 2).sum()))


def test_prioritized_areas_are_worse_on_most_indicators(demo_store: tuple[Engine, Snapshot]) -> None:
    _, snap = demo_store
    _, prioritized = _city(snap)
    rows = _ratio_frame(snap)
    latest = rows[rows["period"] == rows.groupby("indicator_id")["period"].transform("max")]
    polarity = snap.catalogue.set_index("id")["polarity"]
    for area in prioritized:
        worse = []
        for indicator, own in latest.groupby("indicator_id"):
            city = own["numerator"].sum() / own["denominator"].sum()
            mine = own[own["area_code"] == area]
            if mine.empty:
                continue
            share = float(mine["numerator"].iloc[0] / mine["denominator"].iloc[0])
            worse.append(share < city if polarity[indicator] == "high_is_good" else share > city)
        assert len(worse) >= 15 and np.mean(worse) >= 0.75, (area, np.mean(worse))


def test_unemployment_gap_widens_for_the_first_and_narrows_for_the_second(
    demo_store: tuple[Engine, Snapshot],
) -> None:
    _, snap = demo_store
    _, prioritized = _city(snap)
    rows = _ratio_frame(snap)
    assert _gap_slope_z(rows, "unemployment", prioritized[0]) > 3  # gap above the city grows
    assert _gap_slope_z(rows, "unemployment", prioritized[1]) < -3  # and shrinks


def test_school_gaps_narrow_over_the_decade(demo_store: tuple[Engine, Snapshot]) -> None:
    _, snap = demo_store
    _, prioritized = _city(snap)
    rows = _ratio_frame(snap)
    for indicator in ("school_eligibility", "preschool_enrolment"):
        for area in prioritized:
            gaps = _gaps(rows, indicator, area)["gap"]
            assert gaps.iloc[0] < 0 and gaps.iloc[-1] > gaps.iloc[0] / 2, (indicator, area)


def test_docs_describe_every_demo_indicator() -> None:
    text = (PROJECT_ROOT / "docs/demo.md").read_text(encoding="utf-8")
    cat = pd.read_csv(PROJECT_ROOT / "data/demo/catalogue.csv")
    assert [i for i in cat["id"] if f"| `{i}` |" not in text] == []
    for code in load_config(DEMO_CONFIG).prioritized:
        assert f"`{code}`" in text


# ---------------------------------------------------------------- health register, Sweden

ESP2013 = {"0-4": 5000, "5-9": 5500, "10-14": 5500, "15-19": 5500, "20-24": 6000, "25-29": 6000,
           "30-34": 6500, "35-39": 7000, "40-44": 7000, "45-49": 7000, "50-54": 7000,
           "55-59": 6500, "60-64": 6000, "65-69": 5500, "70-74": 5000, "75-79": 4000,
           "80-84": 2500, "85-89": 1500, "90+": 1000}


def _banded(snap: Snapshot, indicator: str) -> pd.DataFrame:
    return snap.values[snap.values["indicator_id"] == indicator]


def test_health_register_is_banded_and_pooled(demo_store: tuple[Engine, Snapshot]) -> None:
    _, snap = demo_store
    cat = snap.catalogue.set_index("id")
    assert cat.loc["mortality_dsr", ["value_type", "standard", "multiplier", "decimals"]].tolist() == [
        "dsr", "esp2013", 100000.0, 0]
    assert cat.loc["admissions_isr", "value_type"] == "isr"
    assert cat.loc["life_expectancy", ["value_type", "headline_age_group"]].tolist() == [
        "life_expectancy", "all"]
    assert snap.city["deprivation_indicator"] == "low_economic_standard"
    periods = [f"{y}-{y + 2}" for y in range(2015, 2023)]
    for indicator in ("mortality_dsr", "admissions_isr", "life_expectancy"):
        rows = _banded(snap, indicator)
        assert sorted(rows["period"].unique()) == periods  # rolling three-year pools, text order
        assert set(rows["age_group"]) == set(ESP2013) and set(rows["sex"]) == {"female", "male"}
        assert rows["value"].isna().all() and rows["status"].isna().all()
        keys = rows.groupby(["area_code", "period", "sex"]).size()
        assert (keys == 19).all() and len(keys) >= 600
    deaths = _banded(snap, "life_expectancy")
    open_band = deaths[deaths["age_group"] == "90+"]
    assert (open_band["numerator"] > 0).all()  # the life table needs a death in the open band
    assert (deaths["numerator"] <= deaths["denominator"]).all()
    by_group = deaths.groupby(["area_code", "period", "sex"])[["numerator", "denominator"]].sum()
    assert (by_group["numerator"] < 10).any()  # a DSR the method does not publish
    persons = deaths.groupby(["area_code", "period"])["denominator"].sum()
    assert (persons >= 5000).mean() > 0.85 and (persons < 5000).any()  # pooled: most areas


def _dsr(rows: pd.DataFrame) -> pd.Series:
    """Per area: the ESP 2013 DSR of the latest period, persons = mean of the sexes' DSRs."""
    latest = rows[rows["period"] == rows["period"].max()]
    counts = latest.groupby(["area_code", "sex", "age_group"])[["numerator", "denominator"]].sum()
    weight = counts.index.get_level_values("age_group").map(ESP2013).to_numpy()
    rate = counts["numerator"] / counts["denominator"] * weight
    by_sex = rate.groupby(level=["area_code", "sex"]).sum() / sum(ESP2013.values())
    return 100_000 * by_sex.groupby(level=0).mean()


def test_age_structures_and_mortality_tell_the_story(demo_store: tuple[Engine, Snapshot]) -> None:
    """The prioritized estates are younger than the city and die younger: their crude death
    rates understate what age standardisation shows."""
    _, snap = demo_store
    _, prioritized = _city(snap)
    deaths = _banded(snap, "mortality_dsr")
    latest = deaths[deaths["period"] == "2022-2024"]
    old = latest["age_group"].isin(["65-69", "70-74", "75-79", "80-84", "85-89", "90+"])
    share_old = latest[old].groupby("area_code")["denominator"].sum() / latest.groupby(
        "area_code")["denominator"].sum()
    assert share_old[prioritized].max() < share_old.median()
    assert share_old.max() > 1.3 * share_old.median()  # and some areas are old
    dsr = _dsr(deaths)
    city = _dsr(deaths.assign(area_code="city")).iloc[0]
    assert (dsr[prioritized] > 1.2 * city).all()
    crude = latest.groupby("area_code")["numerator"].sum() / latest.groupby("area_code")[
        "denominator"].sum()
    assert (dsr[prioritized] / (100_000 * crude[prioritized]) > 1.1).all()


def test_sweden_is_a_national_comparator_for_the_demo(demo_store: tuple[Engine, Snapshot]) -> None:
    _, snap = demo_store
    assert snap.comparators.values.tolist() == [["SE", "national", "Sverige", "Szwecja", "Sweden"]]
    values = snap.comparator_values
    assert values["indicator_id"].nunique() >= 10
    assert values["indicator_id"].isin(snap.catalogue["id"]).all()
    years = {str(y) for y in range(2015, 2025)}
    unemployment = values[values["indicator_id"] == "unemployment"]
    assert set(unemployment["period"]) == years
    health = values[values["indicator_id"].isin(["mortality_dsr", "life_expectancy"])]
    assert set(health["period"]) == set(_banded(snap, "mortality_dsr")["period"])
    assert set(health["sex"]) == {"total", "female", "male"}
    limited = values.dropna(subset=["lower_ci", "upper_ci"])
    assert len(limited) > 0.9 * len(values)
    assert ((limited["lower_ci"] <= limited["value"]) & (limited["value"] <= limited["upper_ci"])).all()
    le = values[(values["indicator_id"] == "life_expectancy") & (values["sex"] == "total")]
    assert le["value"].between(78, 86).all()


def test_prioritized_areas_keep_the_configured_order(demo_store: tuple[Engine, Snapshot]) -> None:
    """Hjortkullen, Brännhagen, Stenåsen as [prioritized] lists them (not by name), in the
    store and in every list built from it."""
    from reports.batch import prioritized_codes

    _, snap = demo_store
    codes = list(load_config(DEMO_CONFIG).prioritized)
    assert codes == ["DC25", "DC32", "DC38"]
    areas = snap.areas.set_index("code")
    assert [int(areas.loc[c, "priority"]) for c in codes] == [1, 2, 3]
    assert areas.loc[areas["priority"].isna(), "prioritized"].eq(False).all()
    assert prioritized_codes(snap) == codes
