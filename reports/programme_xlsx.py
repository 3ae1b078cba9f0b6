"""The implementation report as XLSX: a summary sheet, then the indicators (one row per goal
× indicator × area), the initiatives active in the year (one row each), the initiatives per
area, and the method. Numbers are numbers (never text) with a number format; suppressed
values are empty cells; header rows are frozen and filterable."""

from __future__ import annotations

from datetime import datetime, time
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from presentation.formulas import neutralise_workbook
from reports import programme_cells as cells
from reports import programme_strings as ps
from reports import strings, style
from reports.programme_model import ProgrammeReport
from reports.programme_progress import PROGRESS
from store.programme_schema import INITIATIVE_STATUSES

HEADER_FILL = PatternFill("solid", fgColor=style.BAND.lstrip("#"))
HEADER_FONT = Font(bold=True, color=style.BRAND.lstrip("#"))
TITLE_FONT = Font(bold=True, size=14, color=style.BRAND.lstrip("#"))
Value = str | int | float | datetime | None


def decimals_format(decimals: int) -> str:
    return "0" if decimals <= 0 else "0." + "0" * decimals


def _header(ws: Worksheet, titles: list[str], row: int = 1) -> None:
    for col, title in enumerate(titles, start=1):
        cell = ws.cell(row, col, title)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    ws.freeze_panes = ws.cell(row + 1, 1)


def _widths(ws: Worksheet, widths: list[int]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def summary_sheet(ws: Worksheet, r: ProgrammeReport) -> None:
    lang = r.lang
    ws.title = ps.text("sheet_summary", lang)
    ws.cell(1, 1, f"{cells.title(r)}: {r.programme_name}").font = TITLE_FONT
    if r.synthetic:
        ws.cell(2, 1, strings.text("synthetic", lang))
    row = 4
    budget, people = r.budget[0], r.participants[0]
    facts: list[tuple[str, Value]] = [
        (ps.text("programme", lang), r.programme_name), (ps.text("programme_id", lang), r.programme_id),
        (ps.text("programme_period", lang), cells.programme_years(r)),
        (ps.text("report_year", lang), r.year), (strings.text("city", lang), r.city_name),
        (ps.text("goals", lang), len(r.goals)),
        (ps.text("initiatives_year", lang, year=r.year), len(r.initiatives)),
        (ps.text("areas_covered", lang), len(r.areas_covered)),
        (ps.text("budget", lang), budget), (ps.text("participants", lang), people),
        (strings.text("export_date", lang), datetime.combine(r.export_date, time())),
    ]
    for name, value in facts:
        ws.cell(row, 1, name).font = Font(bold=True)
        cell = ws.cell(row, 2, value)
        if isinstance(value, datetime):
            cell.number_format = "yyyy-mm-dd"
        elif isinstance(value, float):
            cell.number_format = "#,##0"
        row += 1
    row += 1
    _header(ws, [ps.text("goal", lang)] + [ps.label("progress", p, lang) for p in PROGRESS], row)
    ws.freeze_panes = None
    for g in r.goals:
        row += 1
        ws.cell(row, 1, f"{g.number}. {g.name}")
        for col, p in enumerate(PROGRESS, start=2):
            ws.cell(row, col, g.counts[p])
    row += 2
    _header(ws, [ps.label("initiative_status", s, lang) for s in INITIATIVE_STATUSES], row)
    ws.freeze_panes = None
    for col, s in enumerate(INITIATIVE_STATUSES, start=1):
        ws.cell(row + 1, col, r.status_counts[s])
    _widths(ws, [44, 22, 16, 16, 16])


def indicator_sheet(ws: Worksheet, r: ProgrammeReport) -> None:
    lang = r.lang
    ws.title = ps.text("sheet_indicators", lang)
    titles = [ps.text("goal", lang), ps.text("indicator", lang),
              strings.text("indicator_id", lang), ps.text("unit", lang),
              ps.text("area", lang), strings.text("area_code", lang),
              f"{ps.text('baseline', lang)}: {ps.text('period', lang)}", ps.text("baseline", lang),
              f"{ps.text('latest', lang)}: {ps.text('period', lang)}", ps.text("latest", lang),
              f"{ps.text('target', lang)}: {ps.text('period', lang)}", ps.text("target", lang),
              ps.text("direction", lang), ps.text("progress", lang), ps.text("trend", lang)]
    _header(ws, titles)
    row = 1
    for g in r.goals:
        for ind in g.indicators:
            fmt = decimals_format(ind.decimals)
            for line in ind.lines:
                row += 1
                values: list[Value] = [
                    f"{g.number}. {g.name}", ind.name, ind.indicator_id, ind.unit, line.area_name,
                    line.area_code, line.baseline_period, line.baseline, line.latest_period,
                    None if line.suppressed else line.latest, line.target_period, line.target,
                    ps.label("direction", line.direction, lang) if line.direction else None,
                    cells.progress(line, lang),
                    ps.text("suppressed", lang) if line.suppressed else cells.trend(line, lang),
                ]
                for col, value in enumerate(values, start=1):
                    cell = ws.cell(row, col, value)
                    if isinstance(value, float):
                        cell.number_format = fmt
    ws.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{max(row, 1)}"
    _widths(ws, [28, 28, 16, 10, 24, 10, 10, 10, 10, 10, 10, 10, 10, 16, 20])


def initiative_sheet(ws: Worksheet, r: ProgrammeReport) -> None:
    lang = r.lang
    ws.title = ps.text("sheet_initiatives", lang)
    titles = [ps.text("initiative_id", lang), ps.text("initiative", lang), ps.text("goal", lang), ps.text("sector", lang),
              ps.text("status", lang), ps.text("lead", lang), ps.text("partners", lang),
              ps.text("sheet_areas", lang), ps.text("years", lang), ps.text("start_year", lang), ps.text("end_year", lang),
              ps.text("budget", lang), ps.text("participants", lang)]
    _header(ws, titles)
    goals = {g.goal_id: f"{g.number}. {g.name}" for g in r.goals}
    for row, i in enumerate(r.initiatives, start=2):
        values: list[Value] = [
            i.initiative_id, i.name, goals.get(i.goal_id or "", i.goal_id),
            ps.label("sector", i.sector, lang), ps.label("initiative_status", i.status, lang),
            cells.lead(i, lang), ", ".join(i.partners),
            ", ".join(r.area_names.get(a, a) for a in i.area_codes), cells.years(i, lang),
            i.start_year, i.end_year, i.budget, i.participants,
        ]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, value)
            if col == 12 and value is not None:
                cell.number_format = "#,##0"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(titles))}{len(r.initiatives) + 1}"
    _widths(ws, [8, 28, 24, 20, 12, 30, 30, 30, 14, 10, 10, 12, 12])


def area_sheet(ws: Worksheet, r: ProgrammeReport) -> None:
    lang = r.lang
    ws.title = ps.text("sheet_areas", lang)
    _header(ws, [strings.text("area_code", lang), ps.text("area", lang),
                 strings.text("prioritized", lang), ps.text("initiatives", lang)])
    prio = [code for code, _ in r.prioritized]
    order = prio + sorted((c for c in r.area_counts if c not in prio), key=lambda c: r.area_names[c])
    yes, no = strings.text("yes", lang), strings.text("no", lang)
    for row, code in enumerate(order, start=2):
        for col, value in enumerate((code, r.area_names[code], yes if code in prio else no,
                                     r.area_counts.get(code, 0)), start=1):
            ws.cell(row, col, value)
    _widths(ws, [12, 28, 18, 12])


def method_sheet(ws: Worksheet, r: ProgrammeReport) -> None:
    ws.title = ps.text("sheet_method", r.lang)
    lines = [*r.methods, *cells.sum_notes(r), "", ps.text("sources", r.lang), *r.sources,
             cells.batch_line(r)]
    for row, text in enumerate(lines, start=1):
        ws.cell(row, 1, text).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 120


def render_programme_xlsx(report: ProgrammeReport) -> bytes:
    wb = Workbook()
    summary_sheet(wb.active, report)
    for fill in (indicator_sheet, initiative_sheet, area_sheet, method_sheet):
        fill(wb.create_sheet(), report)
    moment = datetime.combine(report.export_date, time())
    wb.properties.created = wb.properties.modified = moment
    wb.properties.creator = "wellbeing atlas"
    wb.properties.title = f"{cells.title(report)}: {report.programme_name}"
    wb.properties.language = report.lang
    neutralise_workbook(wb)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
