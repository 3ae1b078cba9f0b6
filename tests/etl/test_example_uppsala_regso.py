"""examples/uppsala_regso loads Statistics Sweden's RegSO files with no script, and its export
says what the raw files say.

Every figure of two areas in `wellbeing export data` (values, numerators, denominators,
Wilson intervals at 95 % and 99.8 %, the city value, difference, ratio and rank) is
checked against a computation written here from the raw SCB files (read with the csv
module, shares divided by hand), and the dissolved RegSO populations against the DeSO
shapefile and SCB's key. Skips with the reason when ../shared/realdata is absent.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pyogrio
import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from etl.pipeline import run
from store.read import read_snapshot
from tests.conftest import realdata_dir
from wellbeing.cli import app

CONFIG = Path(__file__).resolve().parents[2] / "examples" / "uppsala_regso" / "uppsala_regso.toml"
YEARS = ("2020", "2021", "2022", "2023")
AREAS = {"0380R001": "Bergsbrunna", "0380R047": "Västra Gottsunda"}
Z95, Z998 = 1.959963984540054, 3.090232306167813  # two-sided normal quantiles
TENURES = ("hyresrätt", "bostadsrätt", "äganderätt", "uppgift saknas")
pytestmark = pytest.mark.realdata


def rows(path: Path) -> list[dict[str, str]]:
    """The rows of an SCB export (UTF-8 with BOM, lines ending in CR CR LF: empty rows dropped)."""
    text = path.read_text(encoding="utf-8-sig").replace("\r", "")
    return [r for r in csv.DictReader(text.splitlines()) if any(v for v in r.values())]


def uppsala(region: str) -> str | None:
    """'Uppsala (Bergsbrunna)' -> 'Bergsbrunna'; None for Borås's areas."""
    prefix = "Uppsala ("
    return region[len(prefix):-1] if region.startswith(prefix) and region.endswith(")") else None


def raw_figures(folder: Path) -> dict[tuple[str, str, str], tuple[float, float | None]]:
    """(indicator, RegSO name, year) -> (numerator or value, denominator) from the raw files."""
    out: dict[tuple[str, str, str], tuple[float, float | None]] = {}
    born: dict[tuple[str, str, str], float] = {}
    for r in rows(folder / "scb_regso_foreign_born.csv"):
        if (name := uppsala(r["region"])) is not None:
            for y in YEARS:
                born[(name, y, r["födelseregion"])] = float(r[f"Antal {y}"])
    tenure: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for r in rows(folder / "scb_regso_housing_tenure.csv"):
        if (name := uppsala(r["region"])) is not None:
            for y in YEARS:
                tenure[(name, y)][r["upplåtelseform"]] = float(r[f"Antal {y}"])
    for (name, y, region), n in born.items():
        if region == "totalt":
            out[("foreign_born", name, y)] = (n - born[(name, y, "Sverige")], n)
    for (name, y), counts in tenure.items():
        out[("rental_share", name, y)] = (counts["hyresrätt"], sum(counts[t] for t in TENURES))
    for r in rows(folder / "scb_regso_income.csv"):
        if (name := uppsala(r["region"])) is not None and r["inkomstkomponent"].strip() == "löneinkomst":
            for y in YEARS:
                out[("mean_income", name, y)] = (float(r[f"Medelvärde för samtliga, tkr {y}"]), None)
    text = (folder / "scb_regso_socioekonomiskt_index_2022.csv").read_text(encoding="utf-8-sig")
    for line in text.replace("\r", "").splitlines()[1:]:
        region, _, kind = line.rpartition(",")
        if (name := uppsala(region)) is not None:
            out[("area_type", name, "2022")] = (float(kind), None)
    return out


def wilson(x: float, n: float, z: float) -> tuple[float, float]:
    """Wilson score interval of x out of n, in percent."""
    p, d = x / n, 1 + z * z / n
    centre, half = (p + z * z / (2 * n)) / d, z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return 100 * (centre - half), 100 * (centre + half)


def key_populations(realdata: Path) -> dict[str, float]:
    """RegSO code -> the summed 2016 population of its DeSO (shapefile and SCB's key)."""
    deso = pyogrio.read_dataframe(f"/vsizip/{realdata / 'uppsala_deso' / 'Deso_inomUppsalaLan.zip'}",
                                  read_geometry=False)
    population = dict(zip(deso["Deso"], deso["Bef_201612"], strict=True))
    out: dict[str, float] = defaultdict(float)
    for r in rows(realdata / "sweden_regso" / "koppling_deso2018_regso2020.csv"):
        if r["Kommun"] == "0380":
            out[r["RegSOkod_2020"]] += float(population[r["DeSO_2018"]])
    return out


def test_uppsala_regso_export_matches_the_raw_scb_files(
    store_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = realdata_dir("sweden_regso")
    realdata = folder.parent
    result = run(CONFIG, store_engine)
    boras = [w for w in result.warnings if "Borås (" in w.message and "no polygon" in w.message]
    assert len(boras) == 4  # the index table and the three sources each count their Borås rows
    snap = read_snapshot(store_engine)
    areas = snap.areas.set_index("code")
    assert len(areas) == 62 and (areas["level"] == "regso").sum() == 61  # RegSO areas and the city
    assert areas.loc["0380R047", "prioritized"] and areas.loc["0380R001", "name"] == "Bergsbrunna"
    populations = key_populations(realdata)
    for code in AREAS:
        assert areas.loc[code, "population"] == populations[code]
    monkeypatch.setenv("DATABASE_URL", store_engine.url.render_as_string(hide_password=False))
    out = tmp_path / "export.csv"
    exported = CliRunner().invoke(app, ["export", "data", "--out", str(out), "--lang", "en"])
    assert exported.exit_code == 0, exported.output
    export = pd.read_csv(out, dtype={"period": str, "area_code": str}).set_index(
        ["indicator_id", "area_code", "period"])
    raw = raw_figures(folder)
    checked = 0
    for (indicator, name, year), (number, base) in raw.items():
        code = next((c for c, n in AREAS.items() if n == name), None)
        if code is None:
            continue
        row = export.loc[(indicator, code, year)]
        checked += 1
        if base is None:  # the mean income and the area type: the value as published
            assert row["value"] == pytest.approx(number)
            assert math.isnan(row["lower_ci95"]) and math.isnan(row["numerator"])
        else:
            assert (row["numerator"], row["denominator"]) == (number, base)
            assert row["value"] == pytest.approx(100 * number / base)
            assert (row["lower_ci95"], row["upper_ci95"]) == pytest.approx(wilson(number, base, Z95))
            assert (row["lower_ci998"], row["upper_ci998"]) == pytest.approx(wilson(number, base, Z998))
            parts = [v for (i, _, y), v in raw.items() if i == indicator and y == year]
            city = 100 * sum(n for n, _ in parts) / sum(d for _, d in parts if d is not None)
            assert row["city_value"] == pytest.approx(city)
            assert row["difference"] == pytest.approx(100 * number / base - city)
            assert row["ratio"] == pytest.approx(100 * number / base / city)
        values = pd.Series({n: v[0] / (v[1] or 1) for (i, n, y), v in raw.items()
                            if i == indicator and y == year})
        assert row["rank"] == values.rank(ascending=False, method="min")[name]
    assert checked == 2 * (3 * len(YEARS) + 1)  # two areas: three indicators by year, one type
