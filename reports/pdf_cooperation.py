"""The PDF profile's programme sections (issue #13): places at the end of "About the area",
the residents' view after it, and "What the city is doing here" after the domains: the gaps
in words, the initiatives by sector and the sector × institution-type matrix (text marks ●,
○ and – explained in its caption)."""

from __future__ import annotations

from presentation.cooperation import MARKS, Cooperation, Initiative
from presentation.cooperation_places import more_text
from presentation.i18n import t
from presentation.numbers import format_integer
from reports import strings, style
from reports.numbers import interval, number
from reports.pdf_document import ProfileDocument
from reports.pdf_table import Cell, Column, table
from reports.profile import Profile
from reports.summary import compared_heading


def _heading(doc: ProfileDocument, text: str, size: float, gap: float = 1.0) -> None:
    doc.lines(text, size, bold=True, color=style.BRAND, leading=1.3)
    doc.ln(gap)


def places(doc: ProfileDocument, p: Profile) -> None:
    """Counts per category and the first names (nothing without places)."""
    if p.places is None:
        return
    lang = p.lang
    doc.ensure(16)
    doc.lines(t("places.title", lang), 9.5, bold=True, color=style.BRAND)
    doc.ln(0.8)
    if not p.places.groups:
        doc.lines(t("places.none", lang, area=p.area_name), 8.5)
    for g in p.places.groups:
        doc.lines(t("places.count", lang, category=g.name, count=g.count), 8.5, bold=True, hanging="•  ")
        doc.lines(", ".join(g.names) + (f" {more_text(g, lang)}" if g.more else ""), 8.5, indent=3.5)
        doc.ln(0.6)
    doc.ln(1.5)


def residents(doc: ProfileDocument, p: Profile) -> None:
    """The residents' assessments with survey, year and respondents, then the quotes."""
    view, lang = p.residents, p.lang
    if view is None:
        return
    doc.ln(4)
    doc.ensure(40)
    title = t("residents.title", lang)
    doc.start_section(title)
    _heading(doc, title, 13)
    doc.lines(t("residents.intro", lang, area=p.area_name), 8.5, color=style.MUTED)
    doc.ln(2)
    if view.items:
        columns = [Column(strings.text("indicator", lang), 45, "L"), Column(strings.text("value", lang), 14),
                   Column(strings.text("ci95", lang), 22), Column(strings.text("city_value", lang), 14),
                   Column(compared_heading(p), 30, "L"), Column(t("residents.col.survey", lang), 26, "L"),
                   Column(t("residents.col.year", lang), 10), Column(t("residents.col.respondents", lang), 19)]
        rows = [[Cell(i.name, sub=i.unit), Cell(number(i.value, i.decimals, lang), bold=True),
                 Cell(interval(i.lower, i.upper, i.decimals, lang)), Cell(number(i.city_value, i.decimals, lang)),
                 Cell(strings.label("compared", i.compared, lang), chip=i.compared), Cell(i.survey),
                 Cell(i.period), Cell(format_integer(i.respondents, lang) if i.respondents is not None else "–")]
                for i in view.items]
        table(doc, columns, rows)
        doc.ln(2)
    if view.quotes:
        doc.ensure(14)
        doc.lines(t("residents.quotes", lang), 9.5, bold=True, color=style.BRAND)
        doc.ln(0.8)
        for q in view.quotes:
            tag = f"  [{q.lang.upper()}]" if q.lang else ""
            doc.lines(t("residents.quote", lang, text=q.text) + tag, 8.5, indent=3.5)
            doc.lines(q.title + (f" – {q.source}" if q.source else ""), 7, color=style.MUTED, indent=3.5)
            doc.ln(1.0)


def _initiative_cells(i: Initiative, lang: str) -> list[Cell]:
    partners = ", ".join(f"{x.name} ({x.type_name})" for x in i.partners) or t("coop.no_partners", lang)
    where = t("coop.city_wide", lang) if i.city_wide else ""
    name = i.name + (f" [{i.name_lang.upper()}]" if i.name_lang else "")
    return [Cell(name, sub=where, bold=True), Cell(i.status_name), Cell(i.period),
            Cell(i.lead.name, sub=i.lead.type_name), Cell(partners)]


def _matrix(doc: ProfileDocument, coop: Cooperation, lang: str) -> None:
    """Transposed for the page: a row per institution type, a column per sector."""
    m = coop.matrix
    columns = [Column(t("coop.col.type", lang), 40, "L")] + [Column(name, 20, "C") for _, name in m.sectors]
    rows = [[Cell(name, bold=True)] + [Cell(MARKS[m.role(s, k)]) for s, _ in m.sectors] for k, name in m.types]
    doc.lines(m.caption, 7.5, color=style.MUTED)
    doc.ln(1)
    table(doc, columns, rows)


def cooperation(doc: ProfileDocument, p: Profile) -> None:
    """The section on a page of its own (nothing when the city has no register)."""
    coop, lang = p.cooperation, p.lang
    if coop is None:
        return
    doc.begin_part(None, bookmark=False)  # no running header of the last domain on its page
    doc.add_page()
    title = t("coop.title", lang)
    doc.begin_part(title)
    _heading(doc, title, 16, 0.5)
    doc.lines(t("coop.intro", lang, area=p.area_name), 8.5, color=style.MUTED)
    doc.ln(2)
    doc.lines(t("coop.gaps", lang), 10, bold=True, color=style.BRAND)
    for g in coop.gaps:
        doc.lines(g.sentence, 8.5, hanging="•  ")
    if not coop.gaps:
        doc.lines(coop.gaps_text, 8.5)
    doc.ln(3)
    if coop.empty:
        doc.lines(t("coop.none", lang, area=p.area_name), 8.5)
    columns = [Column(t("coop.col.initiative", lang), 50, "L"), Column(t("coop.col.status", lang), 20, "L"),
               Column(t("coop.col.period", lang), 20, "L"), Column(t("coop.col.lead", lang), 36, "L"),
               Column(t("coop.col.partners", lang), 54, "L")]
    for g in coop.groups:
        doc.ensure(20)
        doc.lines(g.name, 10, bold=True, color=style.BRAND)
        doc.ln(0.8)
        table(doc, columns, [_initiative_cells(i, lang) for i in g.initiatives])
        doc.ln(2)
    doc.ensure(60)
    doc.lines(t("coop.matrix", lang), 10, bold=True, color=style.BRAND)
    doc.ln(0.8)
    _matrix(doc, coop, lang)
