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

from dashboard.export import render, render_profile, strings
from dashboard.model import Atlas
from dashboard.numbers import format_number
from indicators.contract import EXPORT_COLUMNS
from tests.conftest import missing_component
from tests.export.city import AREAS, FOCUS, suppressed_value, value_rows
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
        content, _, _ = render(atlas.snapshot(), atlas.comparisons(), FOCUS, fmt, lang, EXPORT_DATE)
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
    assert "http://" not in html and "https://" not in html
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
    assert wb.sheetnames == ["Om rapporten", *domains] and "Utbildning" in domains
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
    assert list(frame.columns) == EXPORT_COLUMNS
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
    content, name, mime = render_profile(atlas, FOCUS, fmt, "sv")
    assert mime == mimetype
    assert name == f"profile-{FOCUS.lower()}-hassleholmen-sv{suffix}"
    assert name.isascii() and len(content) > 500
    magic = {"pdf": b"%PDF", "html": b"<!DOCTYPE html>", "xlsx": b"PK", "csv": b"indicator_id"}
    assert content.startswith(magic[fmt])


@pytest.mark.parametrize("lang", LANGS)
def test_the_suppressed_pattern_would_catch_the_value_as_printed(lang: str) -> None:
    from dashboard.export.numbers import number

    assert suppressed_pattern().search(f"x {number(suppressed_value(), 2, lang)} y")
    assert not suppressed_pattern().search(f"x 1{number(suppressed_value(), 2, lang)} y")


def test_pdf_outline_lists_summary_domains_and_closing_parts(atlas: Atlas) -> None:
    reader = PdfReader(io.BytesIO(rendered(atlas, "pdf", "en")))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    domains = [strings.label("domain", d, "en") for d in ("work_income", "education", "safety")]
    assert titles == ["Summary", *domains, "Breakdown by sex", "Data quality",
                      "Appendix: definitions, sources and methods"]
