"""Each format opened with a real reader: the area's name, a known value, the city value,
page numbers and the absence of the suppressed value (3 crimes in Hässleholmen, 2023)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from dashboard.model import Atlas
from indicators.contract import EXPORT_COLUMNS
from presentation.comparators import EXPORT_EXTRA
from presentation.numbers import format_number
from presentation.targets import EXPORT_TARGET
from reports import render_profile, strings
from tests.conftest import missing_component
from tests.export.city import AREAS, FOCUS, NOTE_URL, suppressed_value, value_rows
from tests.export.conftest import EXPORT_DATE

AREA_NAME = dict((a[0], a[1]) for a in AREAS)[FOCUS]
LANGS = ("sv", "pl", "en")


@cache
def _cells(indicator: str, period: str, sex: str = "total") -> tuple[float, float]:
    """The focus area's value and the city value (summed numerators / denominators)."""
    rows = [r for r in value_rows()
            if (r["indicator_id"], r["period"], r["sex"]) == (indicator, period, sex)]
    area = next(float(str(r["value"])) for r in rows if r["area_code"] == FOCUS)
    num = sum(float(str(r["numerator"])) for r in rows)
    den = sum(float(str(r["denominator"])) for r in rows)
    return area, num / den * 100


def known_strings(lang: str) -> tuple[str, str]:
    area, city = _cells("unemployment", "2023")
    return format_number(area, lang, 1), format_number(city, lang, 1)


def suppressed_pattern() -> re.Pattern[str]:
    digits = f"{suppressed_value():.2f}"  # as printed with the indicator's 2 decimals
    whole, frac = digits.split(".")
    return re.compile(rf"(?<![\d.,]){whole}[.,]{frac}(?!\d)")


_RENDERED: dict[tuple[str, str], bytes] = {}


def rendered(atlas: Atlas, fmt: str, lang: str) -> bytes:
    key = (fmt, lang)
    if key not in _RENDERED:
        content, _, _ = render_profile(atlas.snapshot(), atlas.comparisons(), FOCUS, fmt, lang, EXPORT_DATE)
        _RENDERED[key] = content
    return _RENDERED[key]


# --- PDF --------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_text_has_area_known_value_city_value_and_page_numbers(atlas: Atlas, lang: str) -> None:
    reader = PdfReader(io.BytesIO(rendered(atlas, "pdf", lang)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    area_value, city_value = known_strings(lang)
    assert len(reader.pages) >= 4
    assert AREA_NAME in text
    assert area_value in text and city_value in text
    last = {"sv": f"Sida {len(reader.pages)} av {len(reader.pages)}",
            "pl": f"Strona {len(reader.pages)} z {len(reader.pages)}",
            "en": f"Page {len(reader.pages)} of {len(reader.pages)}"}[lang]
    assert last in reader.pages[-1].extract_text()
    assert not suppressed_pattern().search(text)


def test_pdf_prints_polish_diacritics(atlas: Atlas) -> None:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(rendered(atlas, "pdf", "pl"))).pages)
    assert "Zgłoszone przestępstwa" in text  # ł and ę survive font embedding and extraction
    assert "Wykształcenie średnie" in text


def test_pdf_page_renders_to_a_non_blank_png(atlas: Atlas, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:  # .ci/run installs it with Chromium: a failure in CI
        missing_component("REQUIRE_BROWSER", "pdftoppm is not installed (apt-get install poppler-utils)")
    pdf = tmp_path / "profile.pdf"
    pdf.write_bytes(rendered(atlas, "pdf", "sv"))
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "p")],
                   check=True, capture_output=True)
    import matplotlib.image as mpimg

    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) == 2
    for page in pages:
        assert mpimg.imread(page).std() > 0.05  # ink on paper, not a blank page


# --- HTML -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_html_is_self_contained_and_has_the_numbers(atlas: Atlas, lang: str) -> None:
    html = rendered(atlas, "html", lang).decode("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all("script") == [] and soup.find_all("link") == []
    for tag in soup.find_all(True):
        for attr in ("src", "href", "srcset", "action", "data", "xlink:href"):
            assert not tag.get(attr), f"<{tag.name} {attr}=...> loads something"
    css = " ".join(s.get_text() for s in soup.find_all("style"))
    assert "url(" not in css and "@import" not in css
    for small in soup.find_all("small", class_="note-url"):  # a note's web page, shown as text
        small.decompose()
    assert "http://" not in str(soup) and "https://" not in str(soup)
    assert soup.html is not None and soup.html["lang"] == lang
    assert soup.h1 is not None and soup.h1.get_text() == AREA_NAME
    text = soup.get_text(" ")
    area_value, city_value = known_strings(lang)
    assert area_value in text and city_value in text
    assert not suppressed_pattern().search(text)
    assert len(soup.find_all("svg")) >= 5  # locator map, spines, trends: inline vectors
    assert "@media print" in css and "break-before: page" in css


# --- XLSX -------------------------------------------------------------------------------
def _workbook(atlas: Atlas, lang: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(rendered(atlas, "xlsx", lang)))


def test_xlsx_has_metadata_then_one_sheet_per_domain(atlas: Atlas) -> None:
    wb = _workbook(atlas, "sv")
    domains = [strings.label("domain", d, "sv") for d in ("work_income", "education", "safety")]
    assert wb.sheetnames == ["Om rapporten", "Om området", *domains, "Ojämlikhet inom staden"]
    assert "Utbildning" in domains
    meta = {row[0]: row[1] for row in wb["Om rapporten"].iter_rows(min_row=3, values_only=True)}
    assert meta["Område"] == AREA_NAME and meta["Kommun"] == "Provstad"
    assert meta["Exportdatum"].date() == EXPORT_DATE
    assert "Provstad register (test)" in meta.values()


def test_xlsx_numbers_are_numbers_with_formats_and_header_frozen(atlas: Atlas) -> None:
    wb = _workbook(atlas, "en")
    ws = wb[strings.label("domain", "work_income", "en")]
    header = [c.value for c in ws[1]]
    col = {name: i for i, name in enumerate(header)}
    assert ws.freeze_panes == "B2"
    rows = list(ws.iter_rows(min_row=2))
    target = next(r for r in rows if r[col["Indicator id"]].value == "unemployment"
                  and r[col["Period"]].value == "2023"
                  and r[col["Sex"]].value == strings.label("sex", "total", "en"))
    area_value, city_value = _cells("unemployment", "2023")
    assert target[col["Value"]].data_type == "n" and target[col["Value"]].number_format == "0.0"
    assert target[col["Value"]].value == pytest.approx(area_value)
    assert target[col["City"]].value == pytest.approx(city_value)
    assert isinstance(target[col["Numerator"]].value, int)
    for r in rows:
        for name in ("Value", "Lower 95% CI", "City", "Difference", "Denominator"):
            assert r[col[name]].value is None or isinstance(r[col[name]].value, int | float)


def test_xlsx_never_holds_the_suppressed_value(atlas: Atlas) -> None:
    wb = _workbook(atlas, "pl")
    hidden = suppressed_value()
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, float):
                    assert abs(v - hidden) > 1e-6
                if isinstance(v, str):
                    assert not suppressed_pattern().search(v)


# --- CSV --------------------------------------------------------------------------------
def test_csv_has_exactly_the_export_columns_for_the_area(atlas: Atlas) -> None:
    frame = pd.read_csv(io.BytesIO(rendered(atlas, "csv", "en")), dtype={"period": str})
    assert list(frame.columns) == [*EXPORT_COLUMNS, *EXPORT_EXTRA, *EXPORT_TARGET]
    assert set(frame["area_code"]) == {FOCUS}
    assert set(frame["area_name"]) == {AREA_NAME}
    row = frame[(frame["indicator_id"] == "unemployment") & (frame["period"] == "2023")
                & (frame["sex"] == "total")].iloc[0]
    area_value, city_value = _cells("unemployment", "2023")
    assert row["value"] == pytest.approx(area_value) and row["city_value"] == pytest.approx(city_value)
    hidden = frame[(frame["indicator_id"] == "crime") & (frame["period"] == "2023") & (frame["sex"] == "total")]
    assert hidden["status"].tolist() == ["suppressed"]
    assert hidden[["value", "lower_ci95", "upper_ci95", "numerator", "denominator"]].isna().all(axis=None)
    numbers = frame.select_dtypes("number").to_numpy().ravel()
    assert not any(abs(v - suppressed_value()) < 1e-6 for v in numbers if v == v)


# --- the public entry point -------------------------------------------------------------
@pytest.mark.parametrize("fmt, mimetype, suffix", [
    ("pdf", "application/pdf", ".pdf"), ("html", "text/html", ".html"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    ("csv", "text/csv", ".csv"),
])
def test_render_profile_returns_content_filename_and_mimetype(atlas: Atlas, fmt: str, mimetype: str,
                                                             suffix: str) -> None:
    content, name, mime = render_profile(atlas.snapshot(), atlas.comparisons(), FOCUS, fmt, "sv")
    assert mime == mimetype
    assert name == f"profile-{FOCUS.lower()}-hassleholmen-sv{suffix}"
    assert name.isascii() and len(content) > 500
    magic = {"pdf": b"%PDF", "html": b"<!DOCTYPE html>", "xlsx": b"PK", "csv": b"indicator_id"}
    assert content.startswith(magic[fmt])


@pytest.mark.parametrize("lang", LANGS)
def test_the_suppressed_pattern_would_catch_the_value_as_printed(lang: str) -> None:
    from reports.numbers import number

    assert suppressed_pattern().search(f"x {number(suppressed_value(), 2, lang)} y")
    assert not suppressed_pattern().search(f"x 1{number(suppressed_value(), 2, lang)} y")


def test_pdf_outline_lists_summary_domains_and_closing_parts(atlas: Atlas) -> None:
    reader = PdfReader(io.BytesIO(rendered(atlas, "pdf", "en")))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    domains = [strings.label("domain", d, "en") for d in ("work_income", "education", "safety")]
    assert titles == ["Summary", "About the area", *domains, "Inequality within the city",
                      "Breakdown by sex", "Data quality", "Appendix: definitions, sources and methods"]


# --- About the area ---------------------------------------------------------------------
def test_html_lists_the_notes_by_kind_with_language_tags(atlas: Atlas) -> None:
    soup = BeautifulSoup(rendered(atlas, "html", "sv").decode("utf-8"), "html.parser")
    section = soup.find("section", class_="about")
    assert section is not None and section.h2 is not None and section.h2.get_text() == "Om området"
    kinds = [h.get_text() for h in section.find_all("h3")]
    assert kinds == [strings.label("note", k, "sv") for k in ("resource", "arena", "initiative",
                                                              "residents_view")]
    text = section.get_text(" ")
    assert "Hässleholmens bibliotek" in text and "Källa: Kommunens webbplats" in text
    assert "Świetlica „Żółte Drzwi”" in text  # Polish only: shown, tagged PL
    tags = [t.get_text() for t in section.find_all("span", class_="lang-tag")]
    assert tags == ["PL", "PL"]  # its title and its text
    assert NOTE_URL in text


def test_pdf_has_the_notes_with_polish_characters(atlas: Atlas) -> None:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(rendered(atlas, "pdf", "pl"))).pages)
    assert "O obszarze" in text
    assert "Świetlica „Żółte Drzwi”" in text and "Bezpieczniejsze wieczory" in text
    assert "The square [EN]" in text  # no Polish title: English comes first, tagged
    assert "Głos mieszkańców" in text


def test_xlsx_about_sheet_has_one_row_per_note(atlas: Atlas) -> None:
    ws = _workbook(atlas, "en")["About the area"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Kind", "Title", "Language", "Description", "Source", "Web page")
    assert [r[1] for r in rows[1:]] == ["Hässleholmen library", "The square",
                                        "Świetlica „Żółte Drzwi”", "Safer evenings"]
    assert rows[3][2] == "pl" and rows[1][5] == NOTE_URL
    assert rows[1][0] == "Resources" and rows[4][0] == "Residents' view"


def test_an_area_without_notes_has_no_about_section(atlas: Atlas) -> None:
    for fmt in ("html", "xlsx"):
        content, _, _ = render_profile(atlas.snapshot(), atlas.comparisons(), "P04", fmt, "en", EXPORT_DATE)
        if fmt == "html":
            assert b"About the area" not in content
        else:
            assert "About the area" not in openpyxl.load_workbook(io.BytesIO(content)).sheetnames


def test_csv_stays_indicators_only(atlas: Atlas) -> None:
    assert "Hässleholmen library" not in rendered(atlas, "csv", "en").decode("utf-8")
