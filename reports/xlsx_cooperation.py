"""The XLSX profile's programme sheets (issue #13): the residents' view (numbers stay
numbers: value, interval, city, respondents), the places in the area, and what the city is
doing there (one row per initiative, then the gaps, then the sector × institution-type
matrix with the roles as words)."""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from presentation.i18n import t
from reports import strings, style
from reports.profile import Profile
from reports.summary import compared_heading

FILL = PatternFill("solid", fgColor=style.BAND.lstrip("#"))
BOLD = Font(bold=True, color=style.BRAND.lstrip("#"))
NewSheet = Callable[[str], Worksheet]


def _header(ws: Worksheet, texts: list[str]) -> None:
    ws.append(texts)
    for cell in ws[ws.max_row]:
        cell.font, cell.fill = BOLD, FILL


def _widths(ws: Worksheet, widths: tuple[int, ...]) -> None:
    for n, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + n)].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)


def residents_sheet(ws: Worksheet, p: Profile) -> None:
    view, lang = p.residents, p.lang
    assert view is not None
    _header(ws, [strings.text("indicator_id", lang), strings.text("indicator", lang), strings.text("value", lang),
                 strings.text("lower95", lang), strings.text("upper95", lang), strings.text("city_value", lang),
                 compared_heading(p), t("residents.col.survey", lang), t("residents.col.year", lang),
                 t("residents.col.respondents", lang)])
    for i in view.items:
        ws.append([i.indicator_id, i.name, i.value, i.lower, i.upper, i.city_value,
                   strings.label("compared", i.compared, lang), i.survey, i.period, i.respondents])
    if view.quotes:
        ws.append([])
        _header(ws, [t("residents.quotes", lang), "", ""])
        for q in view.quotes:
            ws.append([q.title, q.text, q.source])
    _widths(ws, (22, 40, 10, 10, 10, 10, 22, 24, 8, 12))
    ws.freeze_panes = "A2"


def places_sheet(ws: Worksheet, p: Profile) -> None:
    assert p.places is not None
    lang = p.lang
    _header(ws, [t("places.col.category", lang), t("places.col.count", lang), t("places.col.names", lang)])
    for g in p.places.groups:
        ws.append([g.name, g.count, ", ".join(g.names)])
    _widths(ws, (30, 8, 80))


def cooperation_sheet(ws: Worksheet, p: Profile) -> None:
    coop, lang = p.cooperation, p.lang
    assert coop is not None
    _header(ws, [t(k, lang) for k in ("coop.col.sector", "coop.col.initiative", "coop.col.status",
                                      "coop.col.period", "coop.col.lead", "coop.col.partners", "coop.col.where")])
    for i in coop.initiatives:
        ws.append([t(f"coop.sector.{i.sector}", lang), i.name, i.status_name, i.period,
                   f"{i.lead.name} ({i.lead.type_name})",
                   ", ".join(f"{x.name} ({x.type_name})" for x in i.partners),
                   t("coop.city_wide", lang) if i.city_wide else p.area_name])
    ws.append([])
    _header(ws, [t("coop.gaps", lang)])
    for sentence in [g.sentence for g in coop.gaps] or [coop.gaps_text]:
        ws.append([sentence])
    ws.append([])
    m = coop.matrix
    ws.append([m.caption])
    _header(ws, [t("coop.col.sector", lang), *[name for _, name in m.types]])
    for s, name in m.sectors:
        ws.append([name, *[t(f"coop.role.{m.role(s, k)}", lang) if m.role(s, k) else "" for k, _ in m.types]])
    _widths(ws, (26, 40, 14, 14, 34, 50, 16, 16, 16, 16, 16))
    ws.freeze_panes = "A2"


def programme_sheets(p: Profile, new_sheet: NewSheet) -> None:
    """The sheets the profile has data for, each made by ``new_sheet(title)``."""
    if p.residents is not None:
        residents_sheet(new_sheet(t("residents.title", p.lang)), p)
    if p.places is not None and p.places.groups:
        places_sheet(new_sheet(t("places.title", p.lang)), p)
    if p.cooperation is not None:
        cooperation_sheet(new_sheet(t("coop.title", p.lang)), p)
