"""Targets in the exports: the profile's CSV, XLSX, HTML and PDF, and `wellbeing export
data` (the synthetic grid city with targets written into its store)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
import typer
from bs4 import BeautifulSoup
from pypdf import PdfReader
from sqlalchemy import Engine, insert
from typer.testing import CliRunner

from dashboard.model import Atlas
from indicators import EXPORT_COLUMNS
from presentation.comparators import EXPORT_EXTRA
from presentation.i18n import t
from presentation.targets import EXPORT_TARGET
from reports import render_profile
from store.engine import clear_engine_cache, make_engine
from store.migrate import upgrade
from store.programme_schema import Target
from synthetic.grid_city import CITY_CODE, build_city
from wellbeing.export_data import export_data


def _target(indicator: str, area: str, value: float, direction: str) -> dict[str, Any]:
    return {"indicator_id": indicator, "area_code": area, "sex": "total", "age_group": "all",
            "programme_id": None, "goal_id": None, "baseline_period": "2016", "baseline_value": 7.0,
            "target_period": "2030", "target_value": value, "direction": direction}


@pytest.fixture(scope="module")
def targeted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Atlas, dict[str, Any]]]:
    """A city-wide employment target nobody meets (100%, increase) and the first prioritized
    area's own unemployment target it meets already (≤ 99%)."""
    path: Path = tmp_path_factory.mktemp("targets") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    info = build_city(engine)
    with engine.begin() as conn:
        conn.execute(insert(Target), [_target("employment", CITY_CODE, 100.0, "increase"),
                                      _target("unemployment", info["prioritized"][0], 99.0, "decrease")])
    yield engine, Atlas(engine), info
    engine.dispose()


def _render(targeted: tuple[Engine, Atlas, dict[str, Any]], fmt: str, lang: str) -> bytes:
    _, atlas, info = targeted
    return render_profile(atlas.snapshot(), atlas.comparisons(), info["prioritized"][0], fmt, lang)[0]


def test_profile_csv_has_the_target_columns_after_the_others(targeted: Any) -> None:
    frame = pd.read_csv(io.BytesIO(_render(targeted, "csv", "en")), dtype={"period": str, "target_period": str})
    assert list(frame.columns) == [*EXPORT_COLUMNS, *EXPORT_EXTRA, *EXPORT_TARGET]
    unemp = frame[(frame["indicator_id"] == "unemployment") & (frame["sex"] == "total")]
    assert (unemp["target_value"] == 99.0).all() and (unemp["target_period"].astype(str) == "2030").all()
    assert set(unemp["compared_to_target"]) == {"met"}
    latest = unemp[unemp["period"] == unemp["period"].max()]
    assert latest["progress"].tolist() == ["achieved"]  # progress on the latest row only
    assert unemp[unemp["period"] != unemp["period"].max()]["progress"].isna().all()
    employ = frame[(frame["indicator_id"] == "employment") & (frame["sex"] == "total")]
    assert (employ["target_value"] == 100.0).all() and set(employ["compared_to_target"]) == {"not_met"}
    assert employ["progress"].isna().all()  # a city-wide target's progress is the city's
    crime = frame[frame["indicator_id"] == "crime"]
    assert crime[EXPORT_TARGET].isna().all().all()


def test_profile_xlsx_has_target_value_as_a_number_and_progress_in_words(targeted: Any) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_render(targeted, "xlsx", "pl")))
    found = False
    for ws in book.worksheets:
        head = [c.value for c in ws[1]]
        if t("head.progress", "pl") not in head:
            continue
        at = {name: head.index(t(key, "pl")) for name, key in
              (("value", "head.target_value"), ("progress", "head.progress"),
               ("compared", "head.compared_to_target"))}
        for row in ws.iter_rows(min_row=2, values_only=True):
            if row[at["value"]] == 99.0:
                found = True
                assert isinstance(row[at["value"]], int | float)  # a number, not text
                assert row[at["compared"]] == f"◎ {t('target.met', 'pl')}"
                assert row[at["progress"]] in (None, f"★ {t('progress.achieved', 'pl')}")
    assert found


def test_profile_html_has_a_target_column_with_the_sentence(targeted: Any) -> None:
    soup = BeautifulSoup(_render(targeted, "html", "sv"), "html.parser")
    heads = [th.get_text() for th in soup.find_all("th", scope="col")]
    assert t("col.target", "sv") in heads
    cells = [td for td in soup.find_all("td") if td.get("title", "").startswith("Mål 99,0")]
    assert cells and f"★ {t('progress.achieved', 'sv')}" in cells[0].get_text()
    assert "Stadens mål 100,0\u00a0% till 2030: når inte målet" in str(soup)


def test_profile_pdf_says_the_target_and_its_progress(targeted: Any) -> None:
    pages = PdfReader(io.BytesIO(_render(targeted, "pdf", "en"))).pages
    text = " ".join(page.extract_text() for page in pages).replace("\n", " ")
    assert "Trend Target" in text  # the column
    assert "★ achieved · 99.0% by 2030" in text
    assert "◌ not met · 100.0% by 2030 (city-wide)" in text


def test_profile_without_targets_has_no_target_column_in_html(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    upgrade(engine)
    info = build_city(engine)
    atlas = Atlas(engine)
    html = render_profile(atlas.snapshot(), atlas.comparisons(), info["prioritized"][0], "html", "en")[0]
    heads = [th.get_text() for th in BeautifulSoup(html, "html.parser").find_all("th", scope="col")]
    assert "Target" not in heads
    frame = pd.read_csv(io.BytesIO(render_profile(atlas.snapshot(), atlas.comparisons(),
                                                  info["prioritized"][0], "csv", "en")[0]))
    assert list(frame.columns)[-4:] == EXPORT_TARGET and frame[EXPORT_TARGET].isna().all().all()
    engine.dispose()


def test_export_data_has_the_target_columns_after_the_existing_ones(
        targeted: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine, _, info = targeted
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    clear_engine_cache()
    cli = typer.Typer()
    cli.command()(export_data)
    out = tmp_path / "all.csv"
    try:
        result = CliRunner().invoke(cli, ["--out", str(out), "--lang", "en"])
    finally:
        clear_engine_cache()
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    assert header[:25] == EXPORT_COLUMNS and header[25:33] == EXPORT_EXTRA and header[33:] == EXPORT_TARGET
    first = info["prioritized"][0]
    own = [r for r in rows if r["indicator_id"] == "unemployment" and r["area_code"] == first
           and r["sex"] == "total"]
    assert own and all(r["target_value"] == "99.0" for r in own)
    assert sorted(r["progress"] for r in own)[-1] == "achieved"
    other = [r for r in rows if r["indicator_id"] == "employment" and r["sex"] == "total"]
    assert all(r["target_value"] == "100.0" and r["target_period"] == "2030" for r in other)
    city = [r for r in other if r["area_code"] == CITY_CODE and r["progress"]]
    assert len(city) == 1 and city[0]["progress"] in ("on_track", "off_track", "too_few_points")
    assert all(r["target_value"] == "" for r in rows if r["indicator_id"] == "crime")
