"""The PDF profile's section "Inequality within the city": what the slope index of
inequality is, one headline sentence per indicator, and a table of the latest SII, its
interval, the trend of the gap and the SII over the periods (a small line). A short note
instead when the city has no deprivation measure."""

from __future__ import annotations

from reports import charts, strings, style
from reports.numbers import interval, number, years_spanned
from reports.pdf_document import ProfileDocument
from reports.pdf_sections import heading, paragraph
from reports.pdf_table import Cell, Column, table, text_column_width
from reports.profile import InequalityLine, Profile

SPARK_W, SPARK_H = 30.0, 6.0


def _cells(line: InequalityLine, lang: str) -> list[Cell]:
    d = line.decimals
    return [
        Cell(line.name, sub=line.unit),
        Cell(line.period),
        Cell(number(line.sii, d, lang, signed=True), bold=True),
        Cell(interval(line.lower95, line.upper95, d, lang)),
        Cell(strings.label("gap", line.trend, lang)),
        Cell(figure=charts.sii_sparkline(line, SPARK_W, SPARK_H)),
        Cell(years_spanned(line.periods)),
    ]


def inequality(doc: ProfileDocument, p: Profile) -> None:
    """The section, on a new page unless its start fits below the last domain."""
    lang, section = p.lang, p.inequality
    title = strings.shared("ineq.title", lang)
    if doc.space_left() < 70:
        doc.add_page()
    else:
        doc.ln(9)
    doc.begin_part(title)
    heading(doc, title, 16, 0.5)
    if section.measure is None:
        paragraph(doc, strings.text("ineq_no_measure", lang), 8.5, style.MUTED)
        doc.begin_part(None)
        return
    paragraph(doc, strings.text("ineq_intro", lang, measure=section.measure), 8.5, style.MUTED)
    doc.ln(2)
    if not section.lines:
        paragraph(doc, strings.text("ineq_no_lines", lang), 8.5)
        doc.begin_part(None)
        return
    for line in section.lines:
        doc.lines(line.sentence, 8.0, hanging="•  ")
        doc.ln(0.6)
    doc.ln(2.5)
    period = text_column_width((line.period for line in section.lines), 14)
    columns = [
        Column(strings.text("indicator", lang), 64 - period, "L"),
        Column(strings.text("period", lang), period, "C"),
        Column(strings.text("sii", lang), 18),
        Column(strings.text("ci95", lang), 26),
        Column(strings.text("sii_trend", lang), 22, "L"),
        Column(strings.text("sii_series", lang), SPARK_W + 3, "L"),
        Column("", 17, "L"),
    ]
    table(doc, columns, [_cells(line, lang) for line in section.lines])
    doc.begin_part(None)
