"""The annual implementation report of a programme (issue #13): the model against known
answers (tests/export/programme_city.py), the PDF read back with pypdf, the HTML parsed,
the XLSX opened with openpyxl, no English in sv/pl, and the errors that say the fix."""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from indicators.targets import target_progress
from presentation.comparisons import comparison_table_of
from reports import programme_strings as ps
from reports.errors import ExportError
from reports.programme_build import build_programme_report
from reports.programme_model import ProgrammeReport
from reports.programme_progress import period_year
from reports.programme_report import render_programme_report
from store.engine import make_engine
from store.migrate import upgrade
from store.read import Snapshot, read_snapshot
from tests.export.city import suppressed_value
from tests.export.programme_city import (
    ACTIVE,
    GOALS,
    NAMES,
    PRIORITIZED_ORDER,
    PROGRAMME,
    TARGETS,
    YEAR,
    build_programme_city,
)
from tests.languages.leaks import Foreign, _pattern, leaks, table_texts

DAY = date(2024, 5, 17)
LANG_INDEX = {"sv": 0, "pl": 1, "en": 2}


@pytest.fixture(scope="module")
def programme_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("programme") / "atlas.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    build_programme_city(engine)
    engine.dispose()
    yield path


@pytest.fixture(scope="module")
def data(programme_store: Path) -> tuple[Snapshot, pd.DataFrame]:
    engine = make_engine(f"sqlite:///{programme_store}")
    snapshot = read_snapshot(engine, with_geometry=True)
    engine.dispose()
    return snapshot, comparison_table_of(snapshot)


@pytest.fixture(scope="module")
def report(data: tuple[Snapshot, pd.DataFrame]) -> ProgrammeReport:
    return build_programme_report(*data, PROGRAMME, YEAR, "en", DAY)


def render(data: tuple[Snapshot, pd.DataFrame], fmt: str, lang: str) -> bytes:
    return render_programme_report(*data, PROGRAMME, YEAR, fmt, lang, DAY)[0]


def pdf_text(content: bytes) -> tuple[list[str], int]:
    pages = PdfReader(io.BytesIO(content)).pages
    return [p.extract_text() for p in pages], len(pages)


# --- progress ---------------------------------------------------------------------------
def test_progress_is_the_engines_judgement_up_to_the_report_year(
        data: tuple[Snapshot, pd.DataFrame], report: ProgrammeReport) -> None:
    """The report agrees with indicators.targets (what the map and the profile show), on
    the values up to the report year with suppressed ones left out."""
    snapshot, table = data
    rows = table[table["period"].astype(str) <= str(YEAR)]
    rows = rows[~rows["status"].astype(str).isin(("suppressed", "suppressed_at_source"))]
    engine = target_progress(snapshot.programme["targets"], rows)
    expected = {(r["indicator_id"], r["area_code"]): r["progress"] for r in engine.to_dict("records")}
    shown = {(i.indicator_id, line.area_code): line.progress
             for g in report.goals for i in g.indicators for line in i.lines if line.target is not None}
    assert shown == expected


def test_a_target_year_in_the_future_is_judged_on_the_years_before(
        data: tuple[Snapshot, pd.DataFrame]) -> None:
    """In 2021 unemployment in Hässleholmen had three values (2019-2021): still judged."""
    early = build_programme_report(*data, PROGRAMME, 2021, "en", DAY)
    line = next(x for g in early.goals for i in g.indicators if i.indicator_id == "unemployment"
                for x in i.lines if x.area_code == "P01")
    assert line.latest_period == "2021" and line.progress in ("on_track", "off_track", "achieved")
    assert period_year("2021-2023") == 2023 and period_year("x") is None


# --- the model --------------------------------------------------------------------------
def test_each_target_gets_its_known_progress(report: ProgrammeReport) -> None:
    lines = {(i.indicator_id, line.area_code): line.progress
             for g in report.goals for i in g.indicators for line in i.lines}
    for ind, area, *_, expected in TARGETS:
        assert lines[(ind, area)] == expected, (ind, area)
    assert report.progress_counts == {"achieved": 1, "on_track": 1, "off_track": 2, "not_assessed": 1}
    assert report.goals[2].indicators[0].lines[1].progress == "too_few_points"  # counted as not assessed
    assert [g.counts for g in report.goals] == [
        {"achieved": 1, "on_track": 1, "off_track": 1, "not_assessed": 0},
        {"achieved": 0, "on_track": 0, "off_track": 1, "not_assessed": 0},
        {"achieved": 0, "on_track": 0, "off_track": 0, "not_assessed": 1},
    ]


def test_areas_follow_the_citys_order_and_end_with_the_city(report: ProgrammeReport) -> None:
    assert [name for _, name in report.prioritized] == list(PRIORITIZED_ORDER)
    for goal in report.goals:
        for ind in goal.indicators:
            names = [line.area_name for line in ind.lines]
            assert names[:2] == list(PRIORITIZED_ORDER) and ind.lines[-1].is_city
    assert [g.name for g in report.goals] == [names[2] for _, names, _ in GOALS]


def test_a_suppressed_latest_value_is_not_in_the_model(report: ProgrammeReport) -> None:
    crime = next(i for g in report.goals for i in g.indicators if i.indicator_id == "crime")
    line = next(x for x in crime.lines if x.area_code == "P01")
    assert line.suppressed and line.latest is None and line.latest_period == "2023"


def test_only_initiatives_active_in_the_year_are_counted(report: ProgrammeReport) -> None:
    assert [i.initiative_id for i in report.initiatives] == list(ACTIVE)
    assert report.status_counts == {"planned": 1, "ongoing": 3, "completed": 1, "stopped": 0}
    assert report.budget == (400000.0, 3) and report.participants == (500, 3)
    assert report.area_counts["P01"] == 3 and report.area_counts["P04"] == 2
    assert report.area_counts["P02"] == 1 and report.prioritized_covered == 2
    groups = [(g.area_name, [i.initiative_id for i in g.initiatives]) for g in report.by_area]
    # by sector within an area: education before employment before safety
    assert groups[:2] == [("Sjöbo", ["I2", "I4"]), ("Hässleholmen", ["I2", "I1", "I3"])]
    assert groups[-1][1] == ["I5"]  # an initiative without an area is listed, not lost


def test_a_later_year_counts_other_initiatives(data: tuple[Snapshot, pd.DataFrame]) -> None:
    later = build_programme_report(*data, PROGRAMME, 2025, "en", DAY)
    assert [i.initiative_id for i in later.initiatives] == ["I2", "I4", "I5", "I7"]


@pytest.mark.parametrize("programme, year, message", [
    ("NOPE", 2023, r"Programme 'NOPE' is not in the store\. Fix: use one of SOC\."),
    (PROGRAMME, 2019, r"Year 2019 is outside programme 'SOC', which runs 2021–2025\. "
                      r"Fix: give --year within those years, e\.g\. --year 2021\."),
    (PROGRAMME, 2031, r"Year 2031 is outside .* e\.g\. --year 2025\."),
])
def test_unknown_programme_or_year_says_the_fix(data: tuple[Snapshot, pd.DataFrame], programme: str,
                                                year: int, message: str) -> None:
    with pytest.raises(ExportError, match=message):
        render_programme_report(*data, programme, year, "pdf", "en")


def test_a_city_without_programmes_says_how_to_add_one(data: tuple[Snapshot, pd.DataFrame]) -> None:
    from store.programme_read import ProgrammeSnapshot

    bare = dataclasses.replace(data[0], programme=ProgrammeSnapshot())
    with pytest.raises(ExportError, match=r"the city has no programmes\. Fix: add a \[programme\]"):
        render_programme_report(bare, data[1], PROGRAMME, YEAR, "pdf", "en")
    with pytest.raises(ExportError, match="Fix: use one of pdf, html, xlsx"):
        render_programme_report(*data, PROGRAMME, YEAR, "csv", "en")


# --- PDF --------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["sv", "pl", "en"])
def test_the_pdf_names_every_goal_and_prioritized_area_and_the_counts(
        data: tuple[Snapshot, pd.DataFrame], lang: str) -> None:
    content = render(data, "pdf", lang)
    pages, n = pdf_text(content)
    assert n >= 6
    text = "\n".join(pages)
    first = pages[0]
    assert ps.text("report_title", lang).upper() in first
    for _, names, _ in GOALS:
        assert names[LANG_INDEX[lang]] in first  # the summary lists every goal
        assert names[LANG_INDEX[lang]] in text
    for area in PRIORITIZED_ORDER:
        assert area in text
    # the summary's table: goal 1 has one target achieved, one on track, one off track
    assert re.search(rf"1\. {re.escape(GOALS[0][1][LANG_INDEX[lang]])}\s+1\s+1\s+1\s+0", first), first
    for iid in ACTIVE:
        assert NAMES[iid][LANG_INDEX[lang]] in text
    assert NAMES["I6"][LANG_INDEX[lang]] not in text and NAMES["I7"][LANG_INDEX[lang]] not in text


def test_the_pdf_never_shows_the_suppressed_value(data: tuple[Snapshot, pd.DataFrame]) -> None:
    text = "\n".join(pdf_text(render(data, "pdf", "sv"))[0])
    assert f"{suppressed_value():.2f}".replace(".", ",") not in text
    assert ps.text("suppressed", "sv") in text


# --- HTML -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["sv", "pl", "en"])
def test_the_html_is_one_self_contained_page_in_its_language(
        data: tuple[Snapshot, pd.DataFrame], lang: str) -> None:
    html = render(data, "html", lang).decode("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert html.startswith("<!DOCTYPE html>") and soup.html is not None
    assert soup.html["lang"] == lang and soup.find("script") is None and soup.find("link") is None
    headings = [h.get_text() for h in soup.find_all("h2")]
    for n, (_, names, _) in enumerate(GOALS, start=1):
        assert ps.text("goal_heading", lang, n=n, name=names[LANG_INDEX[lang]]) in headings
    svg = soup.find("svg")
    assert svg is not None and svg.get("aria-label")
    text = soup.get_text(" ")
    for area in PRIORITIZED_ORDER:
        assert area in text
    assert f"{suppressed_value():.2f}".replace(".", "," if lang != "en" else ".") not in text
    for table in soup.find_all("table"):
        widths = {len(tr.find_all(["th", "td"])) for tr in table.find_all("tr")}
        assert len(widths) == 1  # every row as wide as the header


# --- XLSX -------------------------------------------------------------------------------
def test_the_xlsx_holds_the_models_numbers_as_numbers(data: tuple[Snapshot, pd.DataFrame],
                                                      report: ProgrammeReport) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render(data, "xlsx", "en")))
    assert book.sheetnames == ["Summary", "Indicators", "Initiatives", "Areas", "Method"]
    rows = list(book["Indicators"].iter_rows(min_row=2, values_only=True))
    lines = [(i, line) for g in report.goals for i in g.indicators for line in i.lines]
    assert len(rows) == len(lines)
    for row, (ind, line) in zip(rows, lines, strict=True):
        assert row[2] == ind.indicator_id and row[5] == line.area_code
        assert row[7] == pytest.approx(line.baseline) and row[11] == pytest.approx(line.target)
        assert row[9] == pytest.approx(None if line.suppressed else line.latest)
        assert row[13] == ps.label("progress", line.progress, "en")
        for cell in (row[7], row[9], row[11]):
            assert cell is None or isinstance(cell, int | float)
    initiatives = list(book["Initiatives"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in initiatives] == list(ACTIVE)
    assert sum(r[11] for r in initiatives if r[11] is not None) == 400000.0
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True) if r[0]}
    assert summary["Report year"] == YEAR and summary["Budget"] == 400000.0
    assert summary["People reached"] == 500
    areas = {r[0]: r[3] for r in book["Areas"].iter_rows(min_row=2, values_only=True)}
    assert areas["P01"] == 3 and areas["P04"] == 2


def test_the_xlsx_sheets_are_named_in_the_language(data: tuple[Snapshot, pd.DataFrame]) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render(data, "xlsx", "pl")))
    assert book.sheetnames == ["Podsumowanie", "Wskaźniki", "Inicjatywy", "Obszary", "Metoda"]


# --- languages ----------------------------------------------------------------------------
def programme_foreign(lang: str) -> list[Foreign]:
    """The report strings of the other languages that ``lang`` does not share."""
    mine = LANG_INDEX[lang]
    tables = [("reports/programme_strings.py", ps.TEXT)] + [
        (f"reports/programme_strings.py LABELS[{g}]", t) for g, t in ps.LABELS.items()]
    found = []
    for where, table in tables:
        for key, texts in table.items():
            own = str(texts[mine])
            for i, other in enumerate(texts):
                pattern = _pattern(str(other))
                if i != mine and other != own and pattern is not None and not pattern.search(own):
                    found.append(Foreign(f"{where} {key}", str(other), pattern))
    return found


@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_no_english_in_the_swedish_and_polish_report(data: tuple[Snapshot, pd.DataFrame],
                                                     lang: str) -> None:
    foreign = programme_foreign(lang) + table_texts(lang)
    html = BeautifulSoup(render(data, "html", lang).decode("utf-8"), "html.parser")
    for style in html.find_all("style"):
        style.decompose()
    nodes = [s.strip() for s in html.find_all(string=True) if s.strip()]
    pdf_lines = [line for page in pdf_text(render(data, "pdf", lang))[0] for line in page.splitlines()]
    book = openpyxl.load_workbook(io.BytesIO(render(data, "xlsx", lang)))
    cells = [str(c) for ws in book for row in ws.iter_rows(values_only=True) for c in row
             if isinstance(c, str)]
    found = leaks(nodes + pdf_lines + cells, foreign)
    assert found == [], "\n".join(found)


def test_the_leak_check_finds_a_planted_english_text(data: tuple[Snapshot, pd.DataFrame]) -> None:
    html = render(data, "html", "sv").decode("utf-8") + "<p>Initiatives by status</p>"
    nodes = [s.strip() for s in BeautifulSoup(html, "html.parser").find_all(string=True) if s.strip()]
    assert leaks(nodes, programme_foreign("sv"))


def test_every_string_has_three_languages_and_the_same_fields() -> None:
    fields = re.compile(r"\{(\w+)\}")
    for table in (ps.TEXT, *ps.LABELS.values()):
        for key, texts in table.items():
            assert len(texts) == 3 and all(str(t).strip() for t in texts), key
            assert len({frozenset(fields.findall(str(t))) for t in texts}) == 1, key


def test_the_latest_report_year_is_the_first_of_end_today_and_data() -> None:
    from presentation.programme_years import data_year, report_years

    today = date(2026, 3, 1)
    assert report_years(2021, 2025, today, 2023) == (2021, 2023)
    assert report_years(2021, None, today, None) == (2021, 2026)
    assert report_years(2030, 2035, today, 2024) == (2030, 2030)  # not started: its first year
    assert data_year(["2019", "2021-2023", "x"]) == 2023 and data_year([]) is None
