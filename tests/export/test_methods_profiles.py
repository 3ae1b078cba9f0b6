"""The public-health methods in the profiles (issue 11): standardised rates and ratios and
life expectancy with their units, intervals and method statuses; the comparator each
profile judges against and the national column; inequality within the city; the method
notes. Every format in sv, pl and en, opened with real readers (pypdf, BeautifulSoup,
openpyxl, pandas), on tests/export/health_city.py."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from indicators.contract import EXPORT_COLUMNS
from presentation.comparators import EXPORT_EXTRA
from presentation.comparisons import comparison_table_of
from presentation.numbers import format_number
from presentation.targets import EXPORT_TARGET
from reports import ExportError, render_profile, strings
from reports.build import build_profile
from store.engine import make_engine
from store.migrate import upgrade
from store.read import Snapshot, read_snapshot
from tests.export.conftest import EXPORT_DATE
from tests.export.health_city import (
    DEPRIVATION,
    FEW_EVENTS,
    HEALTH,
    NATIONAL_NAMES,
    NATIONAL_VALUES,
    build_health_city,
)

FOCUS = str(FEW_EVENTS["area_code"])
LANGS = ("sv", "pl", "en")
NAMES = {ind: dict(zip(LANGS, names, strict=True)) for ind, *_, names in HEALTH}
NATIONAL = dict(zip(LANGS, NATIONAL_NAMES, strict=True))


@dataclass(frozen=True)
class Store:
    snapshot: Snapshot
    table: pd.DataFrame


def _store(path: Path, **kwargs: bool) -> Store:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    build_health_city(engine, **kwargs)
    snapshot = read_snapshot(engine, with_geometry=True)
    engine.dispose()
    return Store(snapshot, comparison_table_of(snapshot))


@pytest.fixture(scope="module")
def health(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield _store(tmp_path_factory.mktemp("health") / "atlas.sqlite")


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The same city without a deprivation measure and without a national comparator."""
    yield _store(tmp_path_factory.mktemp("plain") / "atlas.sqlite", deprivation=False,
                 national=False)


_CACHE: dict[tuple[int, str, str, str], bytes] = {}


def render(store: Store, fmt: str, lang: str, comparator: str = "city") -> bytes:
    key = (id(store), fmt, lang, comparator)
    if key not in _CACHE:
        _CACHE[key] = render_profile(store.snapshot, store.table, FOCUS, fmt, lang, EXPORT_DATE,
                                     comparator=comparator)[0]
    return _CACHE[key]


def flat(text: str) -> str:
    """Spaces and line breaks (the PDF's) as single spaces; no-break spaces are kept."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def pdf_text(store: Store, lang: str, comparator: str = "city") -> str:
    reader = PdfReader(io.BytesIO(render(store, "pdf", lang, comparator)))
    return flat("\n".join(page.extract_text() for page in reader.pages))


def html_text(store: Store, lang: str, comparator: str = "city") -> str:
    soup = BeautifulSoup(render(store, "html", lang, comparator).decode("utf-8"), "html.parser")
    return flat(soup.get_text(" "))


def xlsx_text(store: Store, lang: str, comparator: str = "city") -> str:
    wb = openpyxl.load_workbook(io.BytesIO(render(store, "xlsx", lang, comparator)))
    return flat(" ".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                         for v in row if v is not None))


TEXTS = {"pdf": pdf_text, "html": html_text, "xlsx": xlsx_text}


def cell(store: Store, indicator: str, age: str = "all", area: str = FOCUS) -> pd.Series:
    t = store.table
    rows = t[(t["indicator_id"] == indicator) & (t["area_code"] == area) & (t["sex"] == "total")
             & (t["age_group"] == age) & (t["period"] == "2023")]
    assert len(rows) == 1
    return rows.iloc[0]


def expected_statement(lang: str, comparator: str = "city") -> str:
    name = strings.comparator_in_text(comparator, NATIONAL[lang], lang)
    return strings.text("comparator_uses", lang, name=name)


# --- the engine's output the profiles start from ------------------------------------------
def test_the_health_city_has_every_method_and_status(health: Store) -> None:
    assert cell(health, "mortality_dsr")["status"] == "ok"
    assert cell(health, "admissions_isr")["status"] == "ok"
    assert cell(health, "life_expectancy")["status"] == "ok"
    assert cell(health, "life_expectancy", "65+")["status"] == "ok"
    hidden = cell(health, "falls_dsr")
    assert hidden["status"] == "too_few_events" and pd.isna(hidden["value"])
    assert cell(health, "life_expectancy", area="P04")["status"] == "too_few_person_years"
    assert health.snapshot.city["deprivation_indicator"] == DEPRIVATION


# --- every format, every language ---------------------------------------------------------
@pytest.mark.parametrize("fmt", ["pdf", "html", "xlsx"])
@pytest.mark.parametrize("lang", LANGS)
def test_new_indicators_inequality_and_comparator_in_every_format(health: Store, fmt: str,
                                                                  lang: str) -> None:
    text = TEXTS[fmt](health, lang)
    for names in NAMES.values():
        assert names[lang] in text
    if fmt != "xlsx":  # the spreadsheet holds numbers (test_xlsx_rows_carry_...)
        dsr, le = cell(health, "mortality_dsr"), cell(health, "life_expectancy")
        assert format_number(dsr["value"], lang, 1) in text  # as the language writes it
        assert format_number(dsr["lower_ci95"], lang, 1) in text
        assert format_number(le["value"], lang, 1) in text
    assert "per 100 000" in text and "år" in text  # the units
    assert strings.shared("ineq.title", lang) in text
    measure = {"sv": "Låg ekonomisk standard", "pl": "Niski standard ekonomiczny",
               "en": "Low economic standard"}[lang]
    assert strings.text("ineq_intro", lang, measure=measure) in text
    assert expected_statement(lang) in text


@pytest.mark.parametrize("fmt", ["pdf", "html", "xlsx"])
@pytest.mark.parametrize("lang", LANGS)
def test_too_few_events_shows_its_translated_reason(health: Store, fmt: str, lang: str) -> None:
    text = TEXTS[fmt](health, lang)
    reason = strings.label("status", "too_few_events", lang)
    assert reason in text and "too_few_events" not in text
    assert reason == {"sv": "Dolt (färre än 10 fall)", "pl": "Ukryte (mniej niż 10 zdarzeń)",
                      "en": "Suppressed (fewer than 10 events)"}[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_inequality_headlines_are_in_html_pdf_and_xlsx(health: Store, lang: str) -> None:
    p = build_profile(health.snapshot, health.table, FOCUS, lang, EXPORT_DATE)
    lines = {line.indicator_id: line for line in p.inequality.lines}
    assert {"mortality_dsr", "admissions_isr", "unemployment"} <= set(lines)
    assert DEPRIVATION not in lines  # the measure is not ranked by itself
    dsr = lines["mortality_dsr"]
    assert dsr.period == "2023" and dsr.sii < 0  # higher mortality in the deprived areas
    assert dsr.lower95 is not None and dsr.upper95 is not None
    assert dsr.lower95 < dsr.sii < dsr.upper95
    assert NAMES["mortality_dsr"][lang] in dsr.sentence
    assert strings.shared(f"ineq.trend.{dsr.trend}", lang) in dsr.sentence
    assert len(dsr.series) == len(dsr.periods) == 5
    for fmt in ("pdf", "html", "xlsx"):
        text = TEXTS[fmt](health, lang)
        assert all(flat(line.sentence) in text for line in lines.values()), fmt


def test_the_xlsx_inequality_sheet_has_the_sii_of_every_period(health: Store) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(render(health, "xlsx", "en")))
    ws = wb["Inequality within the city"]
    rows = list(ws.iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if r[0] == "Indicator")
    header = list(rows[top])
    assert header[:5] == ["Indicator", "Indicator id", "Unit", "Period", "SII"]
    body = [dict(zip(header, r, strict=True)) for r in rows[top + 1:]]
    dsr = [r for r in body if r["Indicator id"] == "mortality_dsr"]
    assert [r["Period"] for r in dsr] == ["2019", "2020", "2021", "2022", "2023"]
    assert all(isinstance(r["SII"], float) for r in dsr)
    assert dsr[-1]["Trend of the gap"] in {"Gap stable", "Gap narrowing", "Gap widening"}


def test_csv_has_the_export_columns_and_the_new_indicators(health: Store) -> None:
    frame = pd.read_csv(io.BytesIO(render(health, "csv", "pl")), dtype={"period": str})
    assert list(frame.columns) == [*EXPORT_COLUMNS, *EXPORT_EXTRA, *EXPORT_TARGET]
    assert set(NAMES) <= set(frame["indicator_id"])
    mine = frame[frame["indicator_id"].isin(list(NAMES))]
    assert set(mine["indicator_name"]) == {n["pl"] for n in NAMES.values()}
    assert mine["standardised"].all() and not frame.loc[~frame.index.isin(mine.index),
                                                         "standardised"].any()
    assert set(frame["comparator"]) == {"city"}
    le = mine[(mine["indicator_id"] == "life_expectancy") & (mine["period"] == "2023")]
    assert len(le) == 2 and set(le["method"]) == {"chiang_ii"}  # at birth and at 65
    hidden = frame[(frame["indicator_id"] == "falls_dsr") & (frame["period"] == "2023")]
    assert hidden["status"].tolist() == ["too_few_events"]  # a code, as the data export
    assert hidden[["value", "lower_ci95", "upper_ci95"]].isna().all(axis=None)


def test_xlsx_rows_carry_the_age_group_and_the_national_value(health: Store) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(render(health, "xlsx", "sv")))
    ws = wb[strings.label("domain", "health", "sv")]
    header = [c.value for c in ws[1]]
    assert "Åldersgrupp" in header and "Sverige" in header
    at = {name: header.index(name) for name in ("Indikator-id", "Period", "Åldersgrupp",
                                                "Värde", "Sverige", "Status")}
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True)
            if r[at["Indikator-id"]] == "life_expectancy" and r[at["Period"]] == "2023"]
    by_age = {r[at["Åldersgrupp"]]: r for r in rows}
    assert set(by_age) == {"all", "65+"}
    assert by_age["65+"][at["Sverige"]] == NATIONAL_VALUES[("life_expectancy", "65+")]
    assert by_age["all"][at["Värde"]] == pytest.approx(cell(health, "life_expectancy")["value"])
    falls = next(r for r in ws.iter_rows(min_row=2, values_only=True)
                 if r[at["Indikator-id"]] == "falls_dsr" and r[at["Period"]] == "2023")
    assert falls[at["Värde"]] is None and falls[at["Status"]] == "Dolt (färre än 10 fall)"


# --- the national column and the comparator ---------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_html_domain_table_has_the_national_column(health: Store, lang: str) -> None:
    soup = BeautifulSoup(render(health, "html", lang).decode("utf-8"), "html.parser")
    table = soup.find("section", id="domain-health").find("table")  # type: ignore[union-attr]
    heads = [th.get_text(" ", strip=True) for th in table.find("thead").find_all("th")]
    assert NATIONAL[lang] in heads
    col = heads.index(NATIONAL[lang])
    row = next(tr for tr in table.find("tbody").find_all("tr")
               if NAMES["mortality_dsr"][lang] in tr.th.get_text())
    cells = [row.th, *row.find_all("td")]
    assert cells[col].get_text() == format_number(NATIONAL_VALUES[("mortality_dsr", "all")], lang, 1)


def test_pdf_has_the_national_column(health: Store) -> None:
    text = pdf_text(health, "pl")
    assert "Szwecja" in text and format_number(900.0, "pl", 1) in text


def test_judgements_against_sweden(health: Store) -> None:
    p = build_profile(health.snapshot, health.table, FOCUS, "en", EXPORT_DATE, comparator="SE")
    rows = {r.indicator_id: r for d in p.domains for r in d.rows}
    # by hand: unemployment in the focus area is 12.2% (95% CI 11.1-13.4), Sweden's 7.0 is
    # below even its 99.8% interval, and low is good: much worse than Sweden
    unemployment = cell(health, "unemployment")
    assert unemployment["lower_ci998"] > NATIONAL_VALUES[("unemployment", "all")]
    assert rows["unemployment"].compared == "much_worse"
    # life expectancy 79.1 (74.7-83.5) holds Sweden's 83.0: similar; no national value for
    # the ISR: not compared (the city comparison would say much worse)
    le = cell(health, "life_expectancy")
    assert le["lower_ci95"] < NATIONAL_VALUES[("life_expectancy", "all")] < le["upper_ci95"]
    assert rows["life_expectancy"].compared == "similar"
    assert rows["admissions_isr"].compared == "not_compared"
    assert cell(health, "admissions_isr")["compared_to_city"] == "much_worse"
    assert rows["mortality_dsr"].national_value == NATIONAL_VALUES[("mortality_dsr", "all")]
    assert (p.comparator, p.comparator_name, p.national_name) == ("SE", "Sweden", "Sweden")
    assert "(comparator: Sweden)" in p.summary[0]


@pytest.mark.parametrize("lang", LANGS)
def test_each_format_says_it_judges_against_sweden(health: Store, lang: str) -> None:
    statement = expected_statement(lang, "SE")
    assert NATIONAL[lang] in statement
    for fmt in ("pdf", "html", "xlsx"):
        assert statement in TEXTS[fmt](health, lang, "SE"), fmt
    heading = strings.text("compared_other", lang, name=NATIONAL[lang])
    assert heading in html_text(health, lang, "SE") and heading in xlsx_text(health, lang, "SE")
    frame = pd.read_csv(io.BytesIO(render(health, "csv", lang, "SE")), dtype={"period": str})
    assert set(frame["comparator"]) == {"SE"}
    row = frame[(frame["indicator_id"] == "unemployment") & (frame["period"] == "2023")].iloc[0]
    assert row["comparator_value"] == 7.0 and row["compared_to_comparator"] == "much_worse"


def test_rest_of_the_city_as_the_comparator(health: Store) -> None:
    p = build_profile(health.snapshot, health.table, FOCUS, "sv", EXPORT_DATE, comparator="rest")
    assert p.comparator_name == "övriga staden"
    for row in (r for d in p.domains for r in d.rows):
        assert row.compared == row.compared_rest
    assert "Bedömningarna (bättre, liknande, sämre) jämför området med övriga staden." in (
        html_text(health, "sv", "rest"))


def test_an_unknown_comparator_fails_listing_the_valid_ones(health: Store) -> None:
    with pytest.raises(ExportError, match=r"Unknown comparator 'XX'.*use one of city, rest, SE\."):
        render_profile(health.snapshot, health.table, FOCUS, "html", "en", comparator="XX")


def test_a_comparator_changes_the_file_name(health: Store) -> None:
    _, name, _ = render_profile(health.snapshot, health.table, FOCUS, "pdf", "sv", comparator="SE")
    assert name == "profile-p01-hassleholmen-sv-vs-se.pdf"


# --- without a deprivation measure or a national comparator ------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_without_a_deprivation_measure_the_section_is_a_short_note(plain: Store, lang: str) -> None:
    note = strings.text("ineq_no_measure", lang)
    for fmt in ("pdf", "html", "xlsx"):
        text = TEXTS[fmt](plain, lang)
        assert strings.shared("ineq.title", lang) in text and note in text, fmt
        assert strings.text("ineq_intro", lang, measure="x").split("x")[0] not in text
        assert NATIONAL[lang] not in text  # no national comparator: no column


# --- method notes -------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_the_appendix_explains_the_methods_shown(health: Store, plain: Store, lang: str) -> None:
    notes = [strings.shared(f"method.{kind}", lang) for kind in ("dsr", "isr", "life_expectancy")]
    for fmt in ("pdf", "html", "xlsx"):
        text = TEXTS[fmt](health, lang)
        assert all(flat(n) in text for n in notes), fmt
        assert flat(strings.text("method_inequality", lang, measure="x").split("x")[0]) in text
    p = build_profile(plain.snapshot, plain.table, FOCUS, lang, EXPORT_DATE)
    assert len(p.methods) == len(strings.METHOD_KEYS) + 3  # no inequality, no national note
