"""Profiles of the demo city (loaded through the real ETL and engine), opened with real readers."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from dashboard.model import Atlas
from etl.demo import load_demo
from presentation.numbers import format_number
from reports import render_profile, strings
from reports.batch import prioritized_codes
from store.engine import make_engine


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Atlas]:
    path: Path = tmp_path_factory.mktemp("demo") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    load_demo(engine)
    yield Atlas(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def area(demo: Atlas) -> str:
    return prioritized_codes(demo.snapshot())[0]


def _latest(demo: Atlas, area: str, indicator: str) -> pd.Series:
    t = demo.comparisons()
    rows = t[(t["area_code"] == area) & (t["indicator_id"] == indicator) & (t["sex"] == "total")
             & (t["age_group"] == "all") & t["value"].notna()]
    return rows.sort_values("period").iloc[-1]


def _hidden(demo: Atlas, area: str) -> pd.DataFrame:
    """This area's cells the engine suppressed, with the source value the store holds."""
    t, v = demo.comparisons(), demo.snapshot().values
    keys = ["indicator_id", "period", "sex", "age_group"]
    hidden = t[(t["area_code"] == area) & (t["status"] == "suppressed")][keys].astype(str)
    raw = v[v["area_code"] == area].astype({k: str for k in keys})
    return raw.merge(hidden, on=keys)[[*keys, "value", "numerator"]]


def test_demo_pdf_and_html_show_the_area_the_value_and_the_city(demo: Atlas, area: str) -> None:
    name = str(demo.snapshot().areas.set_index("code").loc[area, "name"])
    row = _latest(demo, area, "unemployment")
    value, city = format_number(row["value"], "pl", 1), format_number(row["city_value"], "pl", 1)
    snap, table = demo.snapshot(), demo.comparisons()
    pdf = PdfReader(io.BytesIO(render_profile(snap, table, area, "pdf", "pl")[0]))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert name in text and value in text and city in text and "Przykładowe Miasto" in text
    assert len(pdf.pages) >= 1 + table["domain"].nunique()
    soup = BeautifulSoup(render_profile(snap, table, area, "html", "pl")[0], "html.parser")
    assert soup.find_all("script") == [] and value in soup.get_text(" ")


def test_demo_spreadsheet_and_csv_blank_every_suppressed_cell(demo: Atlas) -> None:
    snap, table = demo.snapshot(), demo.comparisons()
    suppressed = table[table["status"] == "suppressed"]
    area = str(suppressed["area_code"].astype(str).value_counts().index[0])  # the most suppressed
    hidden = _hidden(demo, area)
    assert len(hidden) > 10 and hidden["value"].notna().all()  # the store does hold the values
    csv = pd.read_csv(io.BytesIO(render_profile(snap, table, area, "csv", "en")[0]), dtype={"period": str})
    rows = csv.merge(hidden[["indicator_id", "period", "sex"]], on=["indicator_id", "period", "sex"])
    assert len(rows) >= len(hidden.drop_duplicates(["indicator_id", "period", "sex"]))
    assert rows[["value", "lower_ci95", "upper_ci95", "numerator", "denominator"]].isna().all(axis=None)
    wb = openpyxl.load_workbook(io.BytesIO(render_profile(snap, table, area, "xlsx", "en")[0]))
    keys = set(zip(hidden["indicator_id"], hidden["period"], hidden["sex"], strict=True))
    sex = {strings.label("sex", s, "en"): s for s in ("total", "female", "male")}
    seen = 0
    domains = {strings.label("domain", d, "en") for d in table["domain"].astype(str).unique()}
    for ws in (ws for ws in wb.worksheets if ws.title in domains):
        header = [c.value for c in ws[1]]
        at = {name: header.index(name) for name in ("Indicator id", "Period", "Sex", "Value", "Numerator")}
        for row in ws.iter_rows(min_row=2, values_only=True):
            if (row[at["Indicator id"]], row[at["Period"]], sex.get(str(row[at["Sex"]]))) in keys:
                seen += 1
                assert row[at["Value"]] is None and row[at["Numerator"]] is None
    assert seen >= len(keys)


@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_demo_profile_shows_the_public_health_methods(demo: Atlas, area: str, lang: str) -> None:
    """The demo's standardised indicators, inequality within the city (ranked by its
    deprivation measure) and Sweden's column, in the prioritized area's HTML and PDF."""
    snap, table = demo.snapshot(), demo.comparisons()
    cat = snap.catalogue
    standardised = cat[cat["value_type"].isin(["dsr", "isr", "life_expectancy"])]
    assert set(standardised["value_type"]) == {"dsr", "isr", "life_expectancy"}
    assert snap.city["deprivation_indicator"] and "SE" in set(snap.comparators["code"])
    national = str(snap.comparators.set_index("code").loc["SE", f"name_{lang}"])
    html = BeautifulSoup(render_profile(snap, table, area, "html", lang)[0], "html.parser")
    pdf = PdfReader(io.BytesIO(render_profile(snap, table, area, "pdf", lang)[0]))
    pdf_text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for text in (" ".join(html.get_text(" ").split()), pdf_text):
        for name in standardised[f"name_{lang}"]:
            assert name in text
        assert strings.shared("ineq.title", lang) in text
        assert strings.text("comparator_uses", lang,
                            name=strings.comparator_in_text("city", "", lang)) in text
        assert national in text  # the national column's heading
    section = html.find("section", class_="inequality")
    assert section is not None and len(section.find_all("li")) >= 10  # one headline each
