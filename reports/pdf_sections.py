"""Sections of the PDF profile: about the area (after the summary), and the closing ones:
breakdown by sex and by age group, data quality, appendix."""

from __future__ import annotations

from presentation.area_notes import Note
from reports import strings, style
from reports.ages import AgeRow
from reports.numbers import interval, number
from reports.pdf_cooperation import places
from reports.pdf_document import MARGIN, PAGE_W, ProfileDocument
from reports.pdf_table import Cell, Column, table, text_column_width
from reports.profile import Profile, SexRow
from reports.quality import KINDS
from reports.summary import compared_heading


def synthetic_tag(doc: ProfileDocument, lang: str) -> None:
    """The "synthetic data" label at the top right of the cover's band."""
    tag = strings.text("synthetic", lang)
    doc.font(7, bold=True, color=style.INK)
    w = doc.get_string_width(tag) + 5
    doc.fill("#f2d16b")
    doc.rect(PAGE_W - MARGIN - w, 8, w, 5.5, style="F")
    doc.text(PAGE_W - MARGIN - w + 2.5, 11.9, tag)


def heading(doc: ProfileDocument, text: str, size: float = 15.0, gap: float = 2.0) -> None:
    doc.lines(text, size, bold=True, color=style.BRAND, leading=1.3)
    doc.ln(gap)


def paragraph(doc: ProfileDocument, text: str, size: float = 8.5, color: str = style.INK) -> None:
    doc.lines(text, size, color=color)


def _note(doc: ProfileDocument, note: Note, lang: str) -> None:
    tag = f"  [{note.title_lang.upper()}]" if note.title_lang else ""
    doc.lines(note.title + tag, 8.5, bold=True, hanging="•  ")
    if note.text:
        tag = f"  [{note.text_lang.upper()}]" if note.text_lang else ""
        doc.lines(note.text + tag, 8.5, indent=3.5)
    small = [f"{strings.text('source', lang)}: {note.source}"] if note.source else []
    small += [note.url] if note.url else []
    for line in small:
        doc.lines(line, 7, color=style.MUTED, indent=3.5)
    doc.ln(1.0)


def about(doc: ProfileDocument, p: Profile) -> None:
    """The area's resources, arenas, initiatives and residents' view (nothing when none)."""
    if not p.about and p.places is None:
        return
    doc.ln(4)
    doc.ensure(30)
    doc.start_section(strings.text("about_title", p.lang))
    heading(doc, strings.text("about_title", p.lang), 13, 1.0)
    for group in p.about:
        doc.ensure(16)
        doc.lines(strings.label("note", group.kind, p.lang), 9.5, bold=True, color=style.BRAND)
        doc.ln(0.8)
        for note in group.notes:
            _note(doc, note, p.lang)
        doc.ln(1.5)
    places(doc, p)


def _sex_cells(row: SexRow, lang: str) -> list[Cell]:
    cells = [Cell(row.name, sub=row.unit), Cell(row.period)]
    for sex in ("female", "male"):
        v = row.by_sex.get(sex)
        if v is None:
            cells += [Cell("–"), Cell("–"), Cell("")]
            continue
        words = strings.label("compared", v.compared, lang)
        if v.value is None:
            words = strings.label("status", v.status or "missing", lang)
        cells += [
            Cell(number(v.value, row.decimals, lang), bold=True),
            Cell(interval(v.lower95, v.upper95, row.decimals, lang)),
            Cell(words, chip=v.compared,
                 sub=f"{strings.text('city_value', lang)}: {number(v.city_value, row.decimals, lang)}"),
        ]
    return cells


def sex_breakdown(doc: ProfileDocument, p: Profile) -> None:
    """The breakdown by sex on a new page, then the one by age group (when any)."""
    _by_sex(doc, p)
    age_breakdown(doc, p)


def _age_cells(row: AgeRow, lang: str) -> list[Cell]:
    words = strings.label("compared", row.compared, lang)
    if row.value is None:
        words = strings.label("status", row.status or "missing", lang)
    return [Cell(row.name, sub=row.unit), Cell(row.label), Cell(row.period),
            Cell(number(row.value, row.decimals, lang), bold=True),
            Cell(interval(row.lower95, row.upper95, row.decimals, lang)),
            Cell(number(row.city_value, row.decimals, lang)),
            Cell(words, chip=row.compared)]


def age_breakdown(doc: ProfileDocument, p: Profile) -> None:
    """Each age group of the indicators loaded in several (reports.ages); nothing when none."""
    lang = p.lang
    if not p.age_rows:
        return
    doc.ensure(40)
    doc.ln(8)
    doc.start_section(strings.text("age_title", lang))
    heading(doc, strings.text("age_title", lang))
    period = text_column_width((r.period for r in p.age_rows), 11)
    columns = [Column(strings.text("indicator", lang), 55 - period, "L"),
               Column(strings.text("age_group", lang), 26, "L"),
               Column(strings.text("period", lang), period, "C"),
               Column(strings.text("value", lang), 18), Column(strings.text("ci95", lang), 22),
               Column(strings.text("city_value", lang), 18), Column(compared_heading(p), 40, "L")]
    table(doc, columns, [_age_cells(r, lang) for r in p.age_rows])


def _by_sex(doc: ProfileDocument, p: Profile) -> None:
    lang = p.lang
    doc.add_page()
    doc.start_section(strings.text("sex_title", lang))
    heading(doc, strings.text("sex_title", lang))
    if not p.sex_rows:
        paragraph(doc, strings.text("sex_none", lang))
        return
    period = text_column_width((r.period for r in p.sex_rows), 11)
    columns = [Column(strings.text("indicator", lang), 51 - period, "L"),
               Column(strings.text("period", lang), period, "C")]
    for sex in ("female", "male"):
        name = strings.label("sex", sex, lang)
        columns += [Column(name, 16), Column(strings.text("ci95", lang), 19),
                    Column(compared_heading(p), 29, "L")]
    table(doc, columns, [_sex_cells(r, lang) for r in p.sex_rows])


def quality(doc: ProfileDocument, p: Profile) -> None:
    lang = p.lang
    doc.ensure(45)
    doc.ln(8)
    doc.start_section(strings.text("quality_title", lang))
    heading(doc, strings.text("quality_title", lang))
    counts = p.note_counts
    if not any(counts.values()):
        paragraph(doc, strings.text("quality_none", lang))
        return
    for kind in KINDS:
        if counts.get(kind):
            paragraph(doc, f"•  {strings.text(f'quality_{kind}', lang, n=counts[kind])}")
    doc.ln(3)
    columns = [
        Column(strings.text("reason", lang), 38, "L"),
        Column(strings.text("indicator", lang), 72, "L"),
        Column(strings.text("sex", lang), 34, "L"),
        Column(strings.text("period", lang), 36, "L"),
    ]
    rows = [
        [Cell(strings.label("status", n.kind, lang)), Cell(n.name), Cell(n.sexes), Cell(n.periods)]
        for n in p.notes
    ]
    table(doc, columns, rows)


def appendix(doc: ProfileDocument, p: Profile) -> None:
    lang = p.lang
    doc.add_page()
    doc.start_section(strings.text("appendix_title", lang))
    heading(doc, strings.text("appendix_title", lang))
    heading(doc, strings.text("definitions", lang), 11, 1)
    for e in p.appendix:
        doc.ensure(18)
        doc.lines(e.name, 8.5, bold=True)
        facts = " · ".join(x for x in (e.domain, e.unit, e.polarity, e.value_type) if x)
        paragraph(doc, facts, 7, style.MUTED)
        if e.definition:
            paragraph(doc, f"{strings.text('definition', lang)}: {e.definition}", 7.5)
        if e.source:
            paragraph(doc, f"{strings.text('source', lang)}: {e.source}", 7.5)
        doc.ln(2.5)
    doc.ensure(30)
    doc.ln(3)
    heading(doc, strings.text("methods", lang), 11, 1)
    for text in p.methods:
        paragraph(doc, text, 7.5)
        doc.ln(1.5)
