"""The implementation report as PDF (A4, vector, fpdf2 like the area profiles): a one-page
summary, each goal with its indicators, the initiatives by area and sector, the map of
where they run, and the method and sources."""

from __future__ import annotations

from reports import programme_cells as cells
from reports import programme_strings as ps
from reports import strings, style
from reports.drawing import fit, text_width
from reports.pdf_document import CONTENT_W, MARGIN, PAGE_W
from reports.pdf_sections import heading, synthetic_tag
from reports.pdf_table import Cell, Column, table
from reports.programme_map import initiative_map, map_legend
from reports.programme_model import Goal, ProgrammeReport
from reports.programme_pdf_document import ProgrammeDocument
from reports.programme_progress import PROGRESS, summary_code
from store.programme_schema import INITIATIVE_STATUSES

PROGRESS_COLOR = {"achieved": "#1d6fb8", "on_track": "#2b8a3e", "off_track": "#b3261e",
                  "not_assessed": style.MUTED, "no_target": style.MUTED}


def _band(doc: ProgrammeDocument, r: ProgrammeReport) -> None:
    doc.fill(style.BRAND)
    doc.rect(0, 0, PAGE_W, 46, style="F")
    doc.font(9, bold=True, color="#b8c7d9")
    doc.text(MARGIN, 15, cells.title(r).upper())
    size = 22.0
    while size > 12 and text_width(r.programme_name, size, True) > CONTENT_W:
        size -= 1
    doc.font(size, bold=True, color="#ffffff")
    doc.text(MARGIN, 28, fit(r.programme_name, CONTENT_W, size, True))
    doc.font(12, color="#dbe4ee")
    doc.text(MARGIN, 38, f"{r.city_name} · {ps.text('title_year', r.lang, year=r.year)}")
    if r.synthetic:
        synthetic_tag(doc, r.lang)


def new_part(doc: ProgrammeDocument, name: str) -> None:
    """A new page that begins the part ``name`` (bookmarked, named on its later pages)."""
    doc.begin_part(None, bookmark=False)
    doc.add_page()
    doc.begin_part(name)


def summary(doc: ProgrammeDocument, r: ProgrammeReport) -> None:
    """Page 1: the facts, the goals' targets by progress, initiatives by status, the map."""
    lang = r.lang
    new_part(doc, strings.text("summary", lang))
    _band(doc, r)
    y = 54.0
    for name, value in cells.facts(r):
        doc.font(6.5, bold=True, color=style.MUTED)
        doc.text(MARGIN, y, name.upper())
        doc.font(9.5, color=style.INK)
        doc.text(MARGIN, y + 4.6, fit(value, 72, 9.5))
        y += 11.0
    fig = initiative_map(r, 98, 88)
    doc.figure(fig, PAGE_W - MARGIN - 98, 52)
    doc.font(6.5, color=style.MUTED)
    doc.set_xy(PAGE_W - MARGIN - 98, 141)
    doc.multi_cell(98, 3, fig.title, align="C")
    doc.set_y(max(y, 152.0))
    heading(doc, ps.text("goals", lang), 12, 0.8)
    doc.lines(ps.text("goals_lead", lang), 7.5, color=style.MUTED)
    doc.ln(1)
    columns = [Column(ps.text("goal", lang), 80, "L")] + [
        Column(ps.label("progress", p, lang), 25, "R") for p in PROGRESS]
    rows = [[Cell(f"{g.number}. {g.name}", bold=True)]
            + [Cell(str(g.counts[p]), color=PROGRESS_COLOR[p], bold=g.counts[p] > 0) for p in PROGRESS]
            for g in r.goals]
    totals = r.progress_counts
    rows.append([Cell(ps.text("total", lang), bold=True)]
                + [Cell(str(totals[p]), bold=True) for p in PROGRESS])
    table(doc, columns, rows)
    doc.ln(3)
    heading(doc, ps.text("initiatives_by_status", lang), 12, 0.8)
    counts = r.status_counts
    columns = [Column(ps.label("initiative_status", s, lang), 30, "R") for s in INITIATIVE_STATUSES]
    columns.append(Column(ps.text("total", lang), 30, "R"))
    table(doc, columns, [[Cell(str(counts[s])) for s in INITIATIVE_STATUSES]
                         + [Cell(str(len(r.initiatives)), bold=True)]])
    doc.ln(2)
    for note in cells.sum_notes(r):
        doc.lines(note, 7, color=style.MUTED)
    doc.ln(3)
    heading(doc, ps.text("initiatives_per_area", lang), 12, 0.8)
    columns = [Column(strings.text("prioritized_areas", lang), 90, "L"),
               Column(ps.text("initiatives", lang), 30)]
    table(doc, columns, [[Cell(name, bold=True), Cell(str(r.area_counts.get(code, 0)))]
                         for code, name in r.prioritized])


def goal_section(doc: ProgrammeDocument, r: ProgrammeReport, goal: Goal) -> None:
    lang = r.lang
    name = ps.text("goal_heading", lang, n=goal.number, name=goal.name)
    new_part(doc, name)
    heading(doc, name, 14, 1.0)
    doc.lines(ps.text("goal_lead", lang), 8, color=style.MUTED)
    doc.ln(2)
    if not goal.indicators:
        doc.lines(ps.text("no_indicators", lang), 8.5)
    for ind in goal.indicators:
        doc.ensure(30)
        unit = f" ({ind.unit})" if ind.unit else ""
        doc.lines(f"{ind.name}{unit}", 10, bold=True, color=style.BRAND)
        doc.ln(0.8)
        columns = [Column(ps.text("area", lang), 42, "L"), Column(ps.text("baseline", lang), 20),
                   Column(ps.text("latest", lang), 20), Column(ps.text("target", lang), 38),
                   Column(ps.text("progress", lang), 30, "L"), Column(ps.text("trend", lang), 30, "L")]
        rows = []
        for line in ind.lines:
            base, base_p = cells.baseline(line, ind.decimals, lang)
            now, now_p = cells.latest(line, ind.decimals, lang)
            aim, aim_sub = cells.target(line, ind.decimals, lang)
            rows.append([
                Cell(line.area_name, bold=line.prioritized or line.is_city),
                Cell(base, sub=base_p), Cell(now, sub=now_p, bold=True), Cell(aim, sub=aim_sub),
                Cell(cells.progress(line, lang), color=PROGRESS_COLOR.get(summary_code(line.progress), style.MUTED),
                     bold=line.progress in PROGRESS[:3]),
                Cell(cells.trend(line, lang), arrow=style.trend_arrow(line.trend, ind.polarity),
                     color=style.trend_color(line.trend)),
            ])
        table(doc, columns, rows)
        doc.ln(3)


def initiatives(doc: ProgrammeDocument, r: ProgrammeReport) -> None:
    lang = r.lang
    name = ps.text("initiatives_year", lang, year=r.year)
    new_part(doc, name)
    heading(doc, name, 14, 1.0)
    doc.lines(ps.text("initiatives_lead", lang), 8, color=style.MUTED)
    doc.ln(2)
    if not r.by_area:
        doc.lines(ps.text("no_initiatives", lang), 8.5)
    for group in r.by_area:
        doc.ensure(24)
        tag = f" · {strings.text('prioritized', lang)}" if group.prioritized else ""
        doc.lines(f"{group.area_name}{tag}", 10, bold=True, color=style.BRAND)
        doc.ln(0.8)
        columns = [Column(ps.text("initiative", lang), 44, "L"), Column(ps.text("sector", lang), 28, "L"),
                   Column(ps.text("status", lang), 20, "L"), Column(ps.text("lead", lang), 40, "L"),
                   Column(ps.text("partners", lang), 30, "L"), Column(ps.text("years", lang), 18, "L")]
        rows = [[Cell(i.name, bold=True), Cell(ps.label("sector", i.sector, lang)),
                 Cell(ps.label("initiative_status", i.status, lang)), Cell(cells.lead(i, lang)),
                 Cell(cells.partners(i)), Cell(cells.years(i, lang))] for i in group.initiatives]
        table(doc, columns, rows)
        doc.ln(3)


def where(doc: ProgrammeDocument, r: ProgrammeReport) -> None:
    lang = r.lang
    name = ps.text("map_title", lang)
    doc.begin_part(None, bookmark=False)
    doc.ensure(150)
    doc.begin_part(name)
    heading(doc, name, 14, 1.0)
    fig = initiative_map(r, CONTENT_W, 120)
    top = doc.get_y() + 1
    doc.figure(fig, MARGIN, top)
    doc.set_y(top + 122)
    doc.figure(map_legend(lang, CONTENT_W), MARGIN, doc.get_y())
    doc.set_y(doc.get_y() + 9)
    doc.lines(fig.title, 7.5, color=style.MUTED)
    doc.ln(2)
    columns = [Column(ps.text("area", lang), 90, "L"), Column(ps.text("initiatives", lang), 30)]
    prio = [code for code, _ in r.prioritized]
    order = prio + sorted((c for c in r.area_counts if c not in prio), key=lambda c: r.area_names[c])
    rows = [[Cell(r.area_names[c], bold=c in prio), Cell(str(r.area_counts.get(c, 0)))]
            for c in order if c in prio or r.area_counts.get(c, 0)]
    doc.ensure(20)
    table(doc, columns, rows)


def method(doc: ProgrammeDocument, r: ProgrammeReport) -> None:
    lang = r.lang
    new_part(doc, ps.text("method", lang))
    heading(doc, ps.text("method", lang), 14, 1.0)
    for paragraph in r.methods:
        doc.lines(paragraph, 8.5)
        doc.ln(2)
    heading(doc, ps.text("sources", lang), 11, 0.8)
    for source in r.sources:
        doc.lines(source, 8.5, hanging="•  ")
    doc.lines(cells.batch_line(r), 8.5, hanging="•  ")


def render_programme_pdf(report: ProgrammeReport) -> bytes:
    """The report as PDF bytes (the same report on the same day gives the same bytes)."""
    doc = ProgrammeDocument(report)
    summary(doc, report)
    for goal in report.goals:
        goal_section(doc, report, goal)
    initiatives(doc, report)
    where(doc, report)
    method(doc, report)
    return bytes(doc.output())
