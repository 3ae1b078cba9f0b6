"""The profile's breakdown by age group (issue #12): the pure builder (reports.ages), and the
section in every format on the health test city (life expectancy at birth and at 65) and on
the demo, opened with real readers (pypdf, BeautifulSoup, openpyxl, pandas)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from dashboard.model import Atlas
from etl.demo import load_demo
from presentation.comparisons import comparison_table_of
from presentation.numbers import format_number
from reports import render_profile, strings
from reports.ages import age_label, age_rows
from reports.batch import prioritized_codes
from reports.build import build_profile, catalogue_info
from store.engine import make_engine
from store.migrate import upgrade
from store.read import Snapshot, read_snapshot
from tests.export.conftest import EXPORT_DATE
from tests.export.health_city import FEW_EVENTS, build_health_city

FOCUS = str(FEW_EVENTS["area_code"])
LANGS = ("sv", "pl", "en")
AT_65 = {"sv": "Vid 65 år", "pl": "W wieku 65 lat", "en": "At 65"}
AT_BIRTH = {"sv": "Vid födseln", "pl": "Przy urodzeniu", "en": "At birth"}
Store = tuple[Snapshot, pd.DataFrame]


def flat(text: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def pdf_text(data: bytes) -> str:
    return flat("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def section_of(text: str, lang: str) -> str:
    """The PDF's text from the age title to the data quality title."""
    start = text.index(strings.text("age_title", lang))
    return text[start:text.index(strings.text("quality_title", lang), start)]


def html_ages(data: bytes) -> str:
    soup = BeautifulSoup(data.decode("utf-8"), "html.parser")
    section = soup.find("section", class_="ages")
    assert section is not None
    return flat(section.get_text(" "))


def age_sheet(data: bytes, lang: str) -> list[dict[str, object]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[strings.text("age_title", lang)[:31]]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture(scope="module")
def health(tmp_path_factory: pytest.TempPathFactory) -> Store:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('ages') / 'atlas.sqlite'}")
    upgrade(engine)
    build_health_city(engine)
    snapshot = read_snapshot(engine, with_geometry=True)
    engine.dispose()
    return snapshot, comparison_table_of(snapshot)


def cell(table: pd.DataFrame, area: str, age: str, indicator: str = "life_expectancy",
         period: str = "2023") -> pd.Series:
    rows = table[(table["indicator_id"] == indicator) & (table["area_code"] == area)
                 & (table["sex"] == "total") & (table["age_group"] == age)
                 & (table["period"].astype(str) == period)]
    assert len(rows) == 1
    return rows.iloc[0]


# --- the pure builder ----------------------------------------------------------------------
def _rows(*cells: tuple[str, str, str, float | None, str]) -> pd.DataFrame:
    return pd.DataFrame([{"indicator_id": ind, "period": period, "sex": "total", "age_group": age,
                          "value": value, "lower_ci95": None if value is None else value - 1,
                          "upper_ci95": None if value is None else value + 1, "city_value": 20.0,
                          "compared_to_comparator": "better" if value else "not_compared",
                          "status": status}
                         for ind, period, age, value, status in cells])


def _cat() -> pd.DataFrame:
    return catalogue_info(pd.DataFrame([
        {"id": "le", "name_en": "Life expectancy", "domain": "health", "unit": "years",
         "value_type": "life_expectancy", "decimals": 1, "polarity": "high_is_good"},
        {"id": "kids", "name_en": "Children in care", "domain": "health", "unit": "%",
         "value_type": "proportion", "decimals": 1, "polarity": "low_is_good"},
        {"id": "one", "name_en": "One group", "domain": "health", "unit": "%",
         "value_type": "proportion", "decimals": 1, "polarity": "low_is_good"},
    ]), "en")


def test_the_builder_lists_each_age_group_at_the_headline_period() -> None:
    rows = _rows(("le", "2023", "65+", 21.4, "ok"), ("le", "2023", "all", 82.1, "ok"),
                 ("le", "2022", "65+", 20.0, "ok"),
                 ("kids", "2023", "10-14", 3.0, "ok"), ("kids", "2023", "0-4", None, "suppressed"),
                 ("kids", "2022", "5-9", 4.0, "ok"), ("one", "2023", "all", 9.0, "ok"))
    periods = {"le": "2023", "kids": "2023", "one": "2023"}
    out = age_rows(rows, _cat(), periods, pd.Series({"le": "all", "one": "all"}), "en")
    assert [(r.indicator_id, r.age_group, r.label) for r in out] == [
        ("le", "all", "At birth"), ("le", "65+", "At 65"),
        ("kids", "0-4", "0-4"), ("kids", "5-9", "5-9"), ("kids", "10-14", "10-14")]
    le65 = out[1]
    assert (le65.value, le65.lower95, le65.upper95, le65.city_value, le65.compared) == (
        21.4, 20.4, 22.4, 20.0, "better")
    assert le65.period == "2023" and le65.unit == "years" and le65.decimals == 1
    hidden, older = out[2], out[3]
    assert hidden.value is None and hidden.status == "suppressed"
    assert older.value is None and older.status == "missing"  # never the 2022 value
    assert age_rows(rows, _cat(), {"one": "2023"}, pd.Series(dtype=object), "en") == []


def test_labels_are_the_dashboards_words() -> None:
    for lang in LANGS:
        assert age_label("65+", "life_expectancy", lang) == AT_65[lang]
        assert age_label("all", "life_expectancy", lang) == AT_BIRTH[lang]
    assert age_label("all", "proportion", "sv") == "Alla åldrar"
    assert age_label("0-4", "proportion", "pl") == "0-4"


# --- the health test city ------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_the_profile_has_life_expectancy_at_birth_and_at_65(health: Store, lang: str) -> None:
    snapshot, table = health
    profile = build_profile(snapshot, table, FOCUS, lang, EXPORT_DATE)
    rows = {r.age_group: r for r in profile.age_rows if r.indicator_id == "life_expectancy"}
    assert list(rows) == ["all", "65+"]
    expected = cell(table, FOCUS, "65+")
    at65 = rows["65+"]
    assert (at65.label, at65.period) == (AT_65[lang], "2023")
    assert at65.value == pytest.approx(expected["value"])
    assert at65.city_value == pytest.approx(expected["city_value"])
    assert at65.compared == expected["compared_to_city"]
    assert {r.indicator_id for r in profile.age_rows} <= {
        ind for ind, n in table.groupby("indicator_id")["age_group"].nunique().items() if n > 1}


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_and_html_show_the_age_section_after_the_sex_one(health: Store, lang: str) -> None:
    snapshot, table = health
    expected = cell(table, FOCUS, "65+")
    value = format_number(expected["value"], lang, 1)
    city = format_number(expected["city_value"], lang, 1)
    words = strings.label("compared", expected["compared_to_city"], lang)
    pdf = pdf_text(render_profile(snapshot, table, FOCUS, "pdf", lang, EXPORT_DATE)[0])
    assert pdf.index(strings.text("sex_title", lang)) < pdf.index(strings.text("age_title", lang))
    ages = section_of(pdf, lang)
    assert AT_65[lang] in ages and AT_BIRTH[lang] in ages and value in ages and words in ages
    html = render_profile(snapshot, table, FOCUS, "html", lang, EXPORT_DATE)[0]
    page = html.decode("utf-8")
    assert page.index('class="sex"') < page.index('class="ages"') < page.index('class="quality"')
    text = html_ages(html)
    assert strings.text("age_title", lang) in text
    assert f"{AT_65[lang]} 2023 {value}" in text and city in text and words in text


def test_xlsx_age_sheet_has_the_comparison_tables_numbers(health: Store) -> None:
    snapshot, table = health
    sheet = age_sheet(render_profile(snapshot, table, FOCUS, "xlsx", "sv", EXPORT_DATE)[0], "sv")
    head = {k: strings.text(k, "sv") for k in ("indicator_id", "age_group", "value", "lower95",
                                               "upper95", "city_value", "period")}
    found = {r[head["age_group"]]: r for r in sheet if r[head["indicator_id"]] == "life_expectancy"}
    assert set(found) == {AT_BIRTH["sv"], AT_65["sv"]}
    for age, label in (("all", AT_BIRTH["sv"]), ("65+", AT_65["sv"])):
        expected, row = cell(table, FOCUS, age), found[label]
        assert isinstance(row[head["value"]], float)
        assert row[head["value"]] == pytest.approx(expected["value"])
        assert row[head["lower95"]] == pytest.approx(expected["lower_ci95"])
        assert row[head["upper95"]] == pytest.approx(expected["upper_ci95"])
        assert row[head["city_value"]] == pytest.approx(expected["city_value"])
        assert row[head["period"]] == "2023"


@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_a_suppressed_age_cell_never_shows_its_value(health: Store, lang: str) -> None:
    snapshot, table = health
    hidden = table.copy()
    at = ((hidden["indicator_id"] == "life_expectancy") & (hidden["area_code"] == FOCUS)
          & (hidden["sex"] == "total") & (hidden["age_group"] == "65+")
          & (hidden["period"].astype(str) == "2023"))
    hidden["status"] = hidden["status"].astype(object).where(~at, "suppressed")
    secret = float(hidden.loc[at, "value"].iloc[0])
    assert secret == secret  # the table still holds the number: the profile must drop it
    shown = format_number(secret, lang, 1)
    mark = strings.label("status", "suppressed", lang)
    profile = build_profile(snapshot, hidden, FOCUS, lang, EXPORT_DATE)
    row = next(r for r in profile.age_rows if r.age_group == "65+")
    assert row.value is None and row.lower95 is None and row.status == "suppressed"
    html = html_ages(render_profile(snapshot, hidden, FOCUS, "html", lang, EXPORT_DATE)[0])
    at65 = html[html.index(AT_65[lang]):]
    assert f"{AT_65[lang]} 2023 –" in html and mark in at65 and shown not in at65
    pdf = section_of(pdf_text(render_profile(snapshot, hidden, FOCUS, "pdf", lang, EXPORT_DATE)[0]), lang)
    assert mark in pdf and shown not in pdf[pdf.index(AT_65[lang]):]
    sheet = age_sheet(render_profile(snapshot, hidden, FOCUS, "xlsx", lang, EXPORT_DATE)[0], lang)
    values = [r[strings.text("value", lang)] for r in sheet
              if r[strings.text("age_group", lang)] == AT_65[lang]]
    assert values == [None]


def test_too_few_person_years_shows_its_reason(health: Store) -> None:
    snapshot, table = health
    profile = build_profile(snapshot, table, "P04", "pl", EXPORT_DATE)
    row = next(r for r in profile.age_rows if r.age_group == "all")
    assert row.value is None and row.status == "too_few_person_years"
    text = html_ages(render_profile(snapshot, table, "P04", "html", "pl", EXPORT_DATE)[0])
    assert strings.label("status", "too_few_person_years", "pl") in text


def test_the_csv_already_carries_every_age_groups_rows(health: Store) -> None:
    snapshot, table = health
    data = render_profile(snapshot, table, FOCUS, "csv", "en", EXPORT_DATE)[0]
    csv = pd.read_csv(io.BytesIO(data), dtype={"period": str})
    mine = table[(table["area_code"] == FOCUS) & (table["indicator_id"] == "life_expectancy")]
    got = csv[csv["indicator_id"] == "life_expectancy"]
    assert sorted(zip(got["period"], got["sex"], got["age_group"], strict=True)) == sorted(
        zip(mine["period"].astype(str), mine["sex"].astype(str), mine["age_group"].astype(str),
            strict=True))


# --- the demo ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Atlas]:
    path: Path = tmp_path_factory.mktemp("demo-ages") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    load_demo(engine)
    yield Atlas(engine)
    engine.dispose()


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_the_demo_profile_shows_life_expectancy_at_65(demo: Atlas, lang: str) -> None:
    snap, table = demo.snapshot(), demo.comparisons()
    area = prioritized_codes(snap)[0]
    profile = build_profile(snap, table, area, lang, EXPORT_DATE)
    at65 = next(r for r in profile.age_rows
                if r.indicator_id == "life_expectancy" and r.age_group == "65+")
    expected = cell(table, area, "65+", period=at65.period)
    if expected["status"] in ("suppressed", "suppressed_at_source"):
        assert at65.value is None
        value = strings.label("status", str(expected["status"]), lang)
    else:
        assert at65.value == pytest.approx(expected["value"])
        value = format_number(expected["value"], lang, at65.decimals)
    pdf = section_of(pdf_text(render_profile(snap, table, area, "pdf", lang)[0]), lang)
    assert at65.label == AT_65[lang] and AT_65[lang] in pdf and value in pdf
    html = html_ages(render_profile(snap, table, area, "html", lang)[0])
    assert AT_65[lang] in html and value in html
