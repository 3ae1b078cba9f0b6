"""The programme sections of an exported profile (issue #13): what the city is doing in the
area (gaps, initiatives by sector, the sector × institution-type matrix), the residents' view
(survey, year, respondents, quotes) and the places in "About the area", in PDF, HTML and
XLSX, in sv, pl and en; the CSV stays the indicators' export columns.

The test city's snapshot gets the hand-made register of tests/presentation/programme_frames.py
(its area A1 is the focus area P01) and two residents' view flags in its catalogue."""

from __future__ import annotations

import dataclasses
import io

import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from dashboard.model import Atlas
from presentation.numbers import format_integer
from reports import render_profile
from store.programme_read import ProgrammeSnapshot
from store.read import Snapshot
from tests.export.city import AREAS, CITY_CODE, FOCUS
from tests.export.conftest import EXPORT_DATE
from tests.presentation.programme_frames import programme

AREA_NAME = dict((a[0], a[1]) for a in AREAS)[FOCUS]
CODES = {"A1": FOCUS, "A2": "P02", "CITY": CITY_CODE}


def _programme() -> ProgrammeSnapshot:
    frames = dict(programme().frames)
    for name in ("initiative_areas", "places"):
        frame = frames[name].copy()
        frame["area_code"] = frame["area_code"].map(lambda a: CODES.get(a, a))
        frames[name] = frame
    return ProgrammeSnapshot(frames)


@pytest.fixture(scope="module")
def snapshot(atlas: Atlas) -> Snapshot:
    base = atlas.snapshot()
    cat = base.catalogue.copy()
    cat["residents_view"] = cat["id"].isin(["employment", "crime"])
    cat["survey"] = cat["id"].map({"employment": "Områdesenkäten"})
    return dataclasses.replace(base, programme=_programme(), catalogue=cat)


_CACHE: dict[tuple[str, str], bytes] = {}


def _render(atlas: Atlas, snapshot: Snapshot, fmt: str, lang: str) -> bytes:
    if (fmt, lang) not in _CACHE:
        _CACHE[(fmt, lang)] = render_profile(snapshot, atlas.comparisons(), FOCUS, fmt, lang, EXPORT_DATE)[0]
    return _CACHE[(fmt, lang)]


def _respondents(atlas: Atlas) -> int:
    t = atlas.comparisons()
    row = t[(t["indicator_id"] == "employment") & (t["area_code"] == FOCUS) & (t["sex"] == "total")]
    return int(row.sort_values("period")["denominator"].iloc[-1])


def test_html_states_the_gaps_lists_initiatives_by_sector_and_the_matrix(atlas: Atlas, snapshot: Snapshot) -> None:
    soup = BeautifulSoup(_render(atlas, snapshot, "html", "sv").decode("utf-8"), "html.parser")
    section = soup.find("section", class_="cooperation")
    assert section is not None and section.h2.get_text() == "Vad staden gör här"
    gaps = [li.get_text() for li in section.find("div", class_="coop-gaps").find_all("li")]
    assert gaps[1:] == [f"Ingen insats inom gemenskap i {AREA_NAME}.", f"Ingen insats inom trygghet i {AREA_NAME}.",
                        f"Ingen insats inom miljö i {AREA_NAME}."]
    assert gaps[0].startswith(f"Ingen pågående eller planerad insats inom arbete och ekonomi i {AREA_NAME}")
    sectors = [h.get_text() for h in section.find_all("h3")]
    assert sectors[1:5] == ["Utbildning", "Arbete och ekonomi", "Boende", "Hälsa"]
    first = section.find("table", class_="initiatives").tbody.find_all("tr")
    assert [r.th.get_text() for r in first] == ["Insats i1", "Insats i3"]
    assert "Föreningen Grannar (Ideell organisation)" in first[0].get_text()
    matrix = section.find("table", class_="coop-matrix")
    assert AREA_NAME in matrix.caption.get_text()
    heads = [th.get_text() for th in matrix.thead.find_all("th")]
    row = next(r for r in matrix.tbody.find_all("tr") if r.th.get_text() == "Utbildning")
    cells = dict(zip(heads[1:], [td.get_text() for td in row.find_all("td")], strict=True))
    assert cells["Skola"] == "● leder" and cells["Polis"] == "○ deltar" and cells["Bostadsbolag"] == "–"


def test_html_residents_view_has_survey_year_respondents_and_quotes(atlas: Atlas, snapshot: Snapshot) -> None:
    soup = BeautifulSoup(_render(atlas, snapshot, "html", "en").decode("utf-8"), "html.parser")
    section = soup.find("section", class_="residents")
    assert section is not None and section.h2.get_text() == "Residents' view"
    rows = {r.th.contents[0].strip(): [td.get_text() for td in r.find_all("td")]
            for r in section.table.tbody.find_all("tr")}
    assert list(rows) == ["Employment", "Reported crime"]
    assert rows["Employment"][4:] == ["Områdesenkäten", "2023", format_integer(_respondents(atlas), "en")]
    assert rows["Reported crime"][4] == "survey of residents" and rows["Reported crime"][6] == "–"  # suppressed
    assert "Safer evenings" in section.get_text()  # the residents' view note, quoted
    about = soup.find("section", class_="about")
    places = about.find("div", class_="places")
    assert places.h3.get_text() == "Places in the area"
    assert [li.strong.get_text() for li in places.find_all("li")] == ["Schools: 3", "Libraries: 1"]


def test_pdf_has_both_sections_in_the_outline_and_polish_gap_sentences(atlas: Atlas, snapshot: Snapshot) -> None:
    reader = PdfReader(io.BytesIO(_render(atlas, snapshot, "pdf", "pl")))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Głos mieszkańców" in titles and "Co miasto robi na tym obszarze" in titles
    assert titles.index("Głos mieszkańców") < titles.index("Co miasto robi na tym obszarze")
    text = "\n".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert f"Brak inicjatyw w zakresie życia społecznego na obszarze {AREA_NAME}." in text
    assert "Inicjatywa i1" in text and "Trwająca" in text and "od 2025" in text
    assert "Miejsca na obszarze" in text and "Szkoły: 3" in text
    assert "Områdesenkäten" in text


def test_xlsx_sheets_keep_numbers_as_numbers(atlas: Atlas, snapshot: Snapshot) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(_render(atlas, snapshot, "xlsx", "en")))
    assert {"Residents' view", "Places in the area", "What the city is doing here"} <= set(wb.sheetnames)
    rows = list(wb["Residents' view"].iter_rows(values_only=True))
    employment = next(r for r in rows if r[0] == "employment")
    assert isinstance(employment[2], float) and employment[7:] == ("Områdesenkäten", "2023", _respondents(atlas))
    coop = list(wb["What the city is doing here"].iter_rows(values_only=True))
    assert coop[0][:3] == ("Sector", "Initiative", "Status")
    assert [r[1] for r in coop[1:6]] == ["Initiative i1", "Initiative i3", "Initiative i2", "Initiative i4",
                                         "Initiative i5"]
    assert coop[5][6] == "city-wide"
    assert f"No initiative on the environment in {AREA_NAME}." in [r[0] for r in coop]
    education = next(r for r in coop if r[0] == "Education" and r[1] != "Initiative i1" and r[1] != "Initiative i3")
    assert "leads" in education and "takes part" in education
    places = list(wb["Places in the area"].iter_rows(values_only=True))
    assert places[1] == ("Schools", 3, "Björkskolan, Norrby skola, Ängsskolan")


def test_csv_stays_the_indicator_export(atlas: Atlas, snapshot: Snapshot) -> None:
    frame = pd.read_csv(io.BytesIO(_render(atlas, snapshot, "csv", "sv")), dtype={"period": str})
    assert "Insats i1" not in frame.to_csv() and set(frame["area_code"]) == {FOCUS}


def test_a_city_without_a_register_has_no_such_sections(atlas: Atlas) -> None:
    html = render_profile(atlas.snapshot(), atlas.comparisons(), FOCUS, "html", "en", EXPORT_DATE)[0].decode()
    assert "What the city is doing here" not in html and 'class="places"' not in html
    assert 'class="residents"' not in html  # no flagged indicator: its notes stay in "About the area"
