"""The PDF profile (A4, vector): cover with locator map and summary, one section per
domain (table, spine chart, trends), sex breakdown, data quality and appendix.

Engine: fpdf2 drawing vector shapes itself (see docs/export.md): no browser, no
external program, and about a quarter of a second per profile.
"""

from __future__ import annotations

from reports import charts, strings, style
from reports.drawing import Figure, Label, Line, Rect, fit
from reports.fonts import lean_fonts, whole_fonts
from reports.numbers import interval, long_date, number, period_range
from reports.pdf_cooperation import cooperation, residents
from reports.pdf_document import CONTENT_W, MARGIN, PAGE_W, ProfileDocument
from reports.pdf_inequality import inequality
from reports.pdf_sections import (
    about,
    appendix,
    heading,
    paragraph,
    quality,
    sex_breakdown,
    synthetic_tag,
)
from reports.pdf_table import Cell, Column, table, text_column_width
from reports.profile import DomainSection, IndicatorRow, Profile
from reports.summary import (
    COUNT_COLUMNS,
    comparator_statement,
    compared_heading,
    count_heading,
    spine_marker,
)
from reports.targets import has_targets, pdf_cells, pdf_columns

COMPARISON_CODES = ("much_better", "better", "similar", "worse", "much_worse", "higher", "lower",
                    "not_compared")


# --- cover ------------------------------------------------------------------------------
def _facts(p: Profile) -> list[tuple[str, str]]:
    lang = p.lang
    n = sum(len(d.rows) for d in p.domains)
    facts = [
        (strings.text("city", lang), p.city_name),
        (strings.text("area_code", lang), p.area_code),
        (strings.text("population", lang), number(p.population, 0, lang)),
        (strings.text("data_periods", lang), period_range(p.periods)),
        (strings.text("latest_period", lang), period_range(p.latest_periods)),
        (strings.text("indicators_count", lang), str(n)),
        (strings.text("export_date", lang), long_date(p.export_date, lang)),
    ]
    if p.prioritized:
        facts.append((strings.text("prioritized", lang), strings.text("yes", lang)))
    return facts


def _band(doc: ProfileDocument, p: Profile) -> None:
    doc.fill(style.BRAND)
    doc.rect(0, 0, PAGE_W, 46, style="F")
    doc.font(9, bold=True, color="#b8c7d9")
    doc.text(MARGIN, 15, strings.text("report_title", p.lang).upper())
    size = 26.0
    while size > 14 and doc.get_string_width(p.area_name) > CONTENT_W and size > 14:
        size -= 1
        doc.font(size, bold=True)
    doc.font(size, bold=True, color="#ffffff")
    doc.text(MARGIN, 28, fit(p.area_name, CONTENT_W, size, True))
    doc.font(12, color="#dbe4ee")
    doc.text(MARGIN, 38, p.city_name)
    if p.synthetic:
        synthetic_tag(doc, p.lang)


def cover(doc: ProfileDocument, p: Profile) -> None:
    doc.add_page()
    _band(doc, p)
    y = 56.0
    for name, value in _facts(p):
        doc.font(6.5, bold=True, color=style.MUTED)
        doc.text(MARGIN, y, name.upper())
        doc.font(10, color=style.INK)
        doc.text(MARGIN, y + 5, fit(value, 60, 10))
        y += 12.5
    caption = strings.text("locator", p.lang, area=p.area_name, city=p.city_name)
    fig = charts.locator_map(p.geometries, 110, 100, title=caption)
    doc.figure(fig, PAGE_W - MARGIN - 110, 52)
    doc.figure(charts.locator_legend(p.area_name, p.lang, 110), PAGE_W - MARGIN - 110, 152.5)
    doc.set_y(max(y, 162.0))
    summary(doc, p)
    about(doc, p)
    residents(doc, p)


def summary(doc: ProfileDocument, p: Profile) -> None:
    doc.start_section(strings.text("summary", p.lang))
    heading(doc, strings.text("summary", p.lang), 13, 1.0)
    doc.lines(comparator_statement(p), 8.5, bold=True)
    doc.ln(1.2)
    for sentence in p.summary:
        doc.lines(sentence, 8.5, hanging="•  ")
        doc.ln(0.6)
    doc.ln(2)
    lang = p.lang
    columns = [Column(strings.text("domain", lang), 66, "L")] + [
        Column(count_heading(code, lang), 19, "L") for code in COUNT_COLUMNS
    ]
    rows = [
        [Cell(d.title, bold=True)] + [Cell(str(d.counts[code]), chip=code) for code in COUNT_COLUMNS]
        for d in p.domains
    ]
    table(doc, columns, rows)
    doc.ln(3)
    legend(doc, p.lang)


def legend(doc: ProfileDocument, lang: str) -> None:
    doc.ensure(10)
    doc.font(7, bold=True, color=style.MUTED)
    doc.text(MARGIN, doc.get_y() + 2.5, strings.text("legend", lang))
    fig = charts.comparison_legend(lang, COMPARISON_CODES, CONTENT_W)
    doc.figure(fig, MARGIN, doc.get_y() + 3.5)
    doc.set_y(doc.get_y() + 5 + fig.height)


# --- domains ----------------------------------------------------------------------------
def domain_columns(p: Profile) -> list[Column]:
    """The domain table's columns (180 mm), with the national value's when there is one."""
    lang, national = p.lang, p.national_name
    widths = (38, 14, 16, 28, 23) if national else (46, 15, 16, 31, 25)
    period = text_column_width((r.period for d in p.domains for r in d.rows), 11)
    columns = [
        Column(strings.text("indicator", lang), widths[0] - (period - 11), "L"),
        Column(strings.text("period", lang), period, "C"),
        Column(strings.text("value", lang), 14),
        Column(strings.text("ci95", lang), 22),
        Column(strings.text("city_value", lang), widths[1]),
        Column(strings.text("difference", lang), widths[2]),
        Column(compared_heading(p), widths[3], "L"),
        Column(strings.text("trend", lang), widths[4], "L"),
    ]
    if national:
        columns.insert(5, Column(national, 14))
    return pdf_columns(columns, p)


def domain_cells(r: IndicatorRow, lang: str, national: bool = False, targets: bool = False) -> list[Cell]:
    d = r.decimals
    compared = strings.label("compared", r.compared, lang)
    if r.value is None:  # say why the value is blank where the comparison would be
        compared = strings.label("status", r.status or "missing", lang)
    return [
        Cell(r.name, sub=r.unit),
        Cell(r.period),
        Cell(number(r.value, d, lang), bold=True),
        Cell(interval(r.lower95, r.upper95, d, lang)),
        Cell(number(r.city_value, d, lang)),
        *([Cell(number(r.national_value, d, lang))] if national else []),
        Cell(number(r.difference, d, lang, signed=True)),
        Cell(compared, chip=r.compared),
        Cell(strings.label("trend", r.trend, lang), sub=charts.gap_text(r, lang),
             arrow=style.trend_arrow(r.trend, r.polarity), color=style.trend_color(r.trend)),
        *(pdf_cells(r, lang) if targets else []),
    ]


def continue_section(doc: ProfileDocument, height: float) -> bool:
    """Start a new page when ``height`` does not fit (its header names the domain)."""
    if doc.space_left() >= height + 4:
        return False
    doc.add_page()
    return True


def spine_block(doc: ProfileDocument, section: DomainSection, p: Profile) -> None:
    lang = p.lang
    rows = [r for r in section.rows if r.spine is not None]
    if not rows:
        return
    row_h = 6.0
    if not continue_section(doc, 22 + row_h * min(len(rows), 4)):
        doc.ln(4)
    heading(doc, strings.text("spine_title", lang), 10.5, 0.5)
    paragraph(doc, strings.text("spine_note", lang), 7, style.MUTED)
    doc.ln(1)
    label_w, value_w, bar_x, bar_w = 62.0, 15.0, MARGIN + 62 + 15 + 3, 82.0
    fig = Figure(CONTENT_W, 5)
    fig.add(Label(label_w + value_w, 2.5, strings.text("spine_left", lang), 5.8, style.MUTED, "end"),
            Label(bar_x - MARGIN + bar_w + 3, 2.5, strings.text("spine_right", lang), 5.8, style.MUTED),
            Label(bar_x - MARGIN + bar_w / 2, 2.5, strings.text("city_value", lang), 5.8, style.MUTED, "middle"))
    doc.figure(fig, MARGIN, doc.get_y())
    doc.set_y(doc.get_y() + 5)
    for r in rows:
        doc.ensure(row_h)
        y = doc.get_y()
        left, right = charts.spine_ends(r, lang)
        fig = Figure(CONTENT_W, row_h)
        fig.add(Label(0, row_h / 2, fit(r.name, label_w - 2, 7), 7, style.INK),
                Label(label_w + value_w, row_h / 2, left, 6.5, style.MUTED, "end"),
                Label(bar_x - MARGIN + bar_w + 3, row_h / 2, right, 6.5, style.MUTED),
                Line(0, row_h, CONTENT_W, row_h, stroke=style.BAND, width=0.2))
        fig.add(*charts.spine_items(r, bar_x - MARGIN, 0.4, bar_w, row_h - 0.8))
        doc.figure(fig, MARGIN, y)
        doc.set_y(y + row_h)
    spine_legend(doc, p)


def spine_legend(doc: ProfileDocument, p: Profile) -> None:
    lang = p.lang
    y = doc.get_y() + 1.5
    fig = Figure(CONTENT_W, 5)
    fig.add(Rect(0, 1.3, 8, 2.4, fill=style.SPINE_RANGE), Label(9.5, 2.5, strings.text("areas_range", lang), 6.2, style.INK),
            Rect(38, 1.3, 8, 2.4, fill=style.SPINE_IQR), Label(47.5, 2.5, strings.text("percentile_band", lang), 6.2, style.INK),
            Line(86, 0.6, 86, 4.4, stroke=style.CITY_LINE, width=0.45), Label(88, 2.5, strings.text("city_value", lang), 6.2, style.INK))
    doc.figure(fig, MARGIN, y)
    doc.fill(style.comparison_fill("similar"))
    doc.stroke(style.INK, 0.25)
    doc.circle(MARGIN + 112, y + 2.5, 1.4, style="DF")
    doc.font(6.2)
    doc.text(MARGIN + 115, y + 3.3, spine_marker(p))
    doc.set_y(y + 6)


def trends_block(doc: ProfileDocument, section: DomainSection, lang: str) -> None:
    rows = [r for r in section.rows if r.series is not None]
    if not rows:
        return
    w, h, gap = 58.0, 44.0, 3.0
    if not continue_section(doc, 16 + h):
        doc.ln(4)
    heading(doc, strings.text("trends_title", lang), 10.5, 0.5)
    doc.figure(charts.trend_legend(lang), MARGIN, doc.get_y())
    doc.set_y(doc.get_y() + 6)
    for start in range(0, len(rows), 3):
        doc.ensure(h + 2)
        y = doc.get_y()
        for i, r in enumerate(rows[start:start + 3]):
            doc.figure(charts.trend_chart(r, lang, w, h), MARGIN + i * (w + gap), y)
        doc.set_y(y + h + 3)


def domain(doc: ProfileDocument, section: DomainSection, p: Profile) -> None:
    """A domain starts on a fresh page unless its heading, table and spine chart fit below
    the previous one (small catalogues should not print half-empty pages)."""
    n = len(section.rows)
    series = sum(r.series is not None for r in section.rows)
    needed = (32 + 9 * n + (31 + 6 * n if any(r.spine for r in section.rows) else 0)
              + (18 + 47 * -(-series // 3) if series else 0))
    wanted = needed if needed < 240 else min(needed, 120)  # whole domain, if a page can hold it
    doc.begin_part(None)
    if doc.page_no() == 1 or doc.space_left() < wanted:
        doc.add_page()
    else:
        doc.ln(9)
    doc.begin_part(section.title)
    heading(doc, section.title, 16, 0.5)
    paragraph(doc, section.summary, 8.5, style.MUTED)
    doc.ln(3)
    lang = p.lang
    table(doc, domain_columns(p), [domain_cells(r, lang, bool(p.national_name), has_targets(p))
                                   for r in section.rows])
    spine_block(doc, section, p)
    trends_block(doc, section, lang)


def render_pdf(profile: Profile) -> bytes:
    """The profile as an A4 PDF: set in the cut fonts (``reports.fonts``), or again in the
    whole ones when its text has a character the cut ones lack."""
    doc = _drawn(ProfileDocument(profile, lean_fonts()), profile)
    if doc.missing_glyphs():
        doc = _drawn(ProfileDocument(profile, whole_fonts()), profile)
    return bytes(doc.output())


def _drawn(doc: ProfileDocument, profile: Profile) -> ProfileDocument:
    cover(doc, profile)
    for section in profile.domains:
        domain(doc, section, profile)
    cooperation(doc, profile)
    doc.begin_part(None)
    inequality(doc, profile)
    sex_breakdown(doc, profile)
    quality(doc, profile)
    appendix(doc, profile)
    return doc
