"""The XLSX profile: a metadata sheet, then one sheet per domain with every period, sex and
age group, then inequality within the city (the SII and RII of the profile's indicators).

Numbers are stored as numbers with a number format from the indicator's
decimals (never as text); the header row is frozen, filterable and sized.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from io import BytesIO
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from presentation.formulas import neutralise_workbook
from reports import strings, style
from reports.judgements import NATIONAL_COLUMN
from reports.numbers import is_blank, period_range
from reports.profile import Profile
from reports.summary import comparator_statement, compared_heading
from reports.targets import words, xlsx_columns
from reports.xlsx_cooperation import programme_sheets

HEADER_FILL = PatternFill("solid", fgColor=style.BAND.lstrip("#"))
HEADER_FONT = Font(bold=True, color=style.BRAND.lstrip("#"))
TITLE_FONT = Font(bold=True, size=14, color=style.BRAND.lstrip("#"))

# (record column, header key, kind): kind is value (indicator decimals), int, ratio or text
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("indicator_name", "indicator", "text"),
    ("indicator_id", "indicator_id", "text"),
    ("unit", "unit", "text"),
    ("period", "period", "text"),
    ("sex", "sex", "sex"),
    ("age_group", "age_group", "text"),
    ("value", "value", "value"),
    ("lower_ci95", "lower95", "value"),
    ("upper_ci95", "upper95", "value"),
    ("lower_ci998", "lower998", "value"),
    ("upper_ci998", "upper998", "value"),
    ("numerator", "numerator", "count"),
    ("denominator", "denominator", "count"),
    ("city_value", "city_value", "value"),
    ("difference", "difference", "value"),
    ("ratio", "ratio", "ratio"),
    ("compared_to_city", "compared", "compared"),
    ("compared_to_rest_of_city", "compared_rest", "compared"),
    ("trend", "trend", "trend"),
    ("gap_trend", "gap_trend", "gap"),
    ("rank", "rank", "int"),
    ("quintile", "quintile", "int"),
    ("status", "status", "status"),
)
FORMATS = {"count": "#,##0", "int": "0", "ratio": "0.00"}
INEQUALITY: tuple[tuple[str, str, str], ...] = (  # (column, header key, kind) of the SII sheet
    ("period", "period", "text"), ("sii", "sii", "value"), ("sii_lower_ci95", "lower95", "value"),
    ("sii_upper_ci95", "upper95", "value"), ("rii", "rii", "ratio"),
    ("rii_lower_ci95", "lower95", "ratio"), ("rii_upper_ci95", "upper95", "ratio"),
    ("areas", "areas_n", "int"), ("sii_trend", "sii_trend", "gap"), ("status", "status", "status"),
)


def columns_of(p: Profile) -> list[tuple[str, str, str]]:
    """The domain sheets' (record column, header, kind): COLUMNS, the national value after
    the city's when the store has one, and the chosen comparator's value and judgement
    when it is not the city or the rest of the city (those have columns of their own)."""
    out = [(col, strings.text(key, p.lang), kind) for col, key, kind in COLUMNS]
    at = next(i for i, c in enumerate(out) if c[0] == "city_value") + 1
    if p.national_name:
        out.insert(at, (NATIONAL_COLUMN, p.national_name, "value"))
    if p.comparator not in ("city", "rest"):
        at = next(i for i, c in enumerate(out) if c[0] == "compared_to_rest_of_city") + 1
        out[at:at] = [("comparator_value", strings.text("comparator_value", p.lang), "value"),
                      ("compared_to_comparator", compared_heading(p), "compared")]
    return out + xlsx_columns(p)


def value_format(decimals: int) -> str:
    return "0" if decimals <= 0 else "0." + "0" * decimals


def sheet_title(title: str, taken: set[str]) -> str:
    """A valid, unique sheet name (at most 31 characters, none of []:*?/\\)."""
    base = re.sub(r"[\[\]:*?/\\]", "-", title).strip("'") or "Sheet"
    name, n = base[:31], 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _cell_value(kind: str, value: Any, lang: str) -> Any:
    if is_blank(value):
        return None
    if kind in ("value", "ratio"):
        return float(value)
    if kind in ("count", "int"):
        number = float(value)
        return int(number) if number.is_integer() else number
    if kind in ("sex", "compared", "trend", "gap", "status"):
        return strings.label(kind, value, lang)
    if kind in ("target", "progress"):
        return words(kind, value, lang)
    return str(value)


def _widths(ws: Worksheet, maximum: int = 48) -> None:
    for column in ws.columns:
        values = [c.value for c in column if c.value is not None]
        longest = max((len(str(v)) if not isinstance(v, float) else 9 for v in values), default=6)
        ws.column_dimensions[get_column_letter(column[0].column)].width = min(max(longest + 2, 8), maximum)


def _header(ws: Worksheet, titles: list[str]) -> None:
    ws.append(titles)
    for cell in ws[ws.max_row]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="bottom", wrap_text=True)


def domain_sheet(ws: Worksheet, rows: pd.DataFrame, lang: str,
                 columns: list[tuple[str, str, str]]) -> None:
    """One row per indicator, period, sex and age group; numbers typed and formatted."""
    _header(ws, [title for _, title, _ in columns])
    _rows(ws, rows, lang, columns)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    _widths(ws)


def _rows(ws: Worksheet, rows: pd.DataFrame, lang: str,
          columns: list[tuple[str, str, str]] | tuple[tuple[str, str, str], ...]) -> None:
    first = ws.max_row + 1
    for row, record in enumerate(rows.to_dict("records"), start=first):
        decimals = 1 if is_blank(record.get("decimals")) else int(record["decimals"])
        ws.append([_cell_value(kind, record.get(col), lang) for col, _, kind in columns])
        for at, (_, _, kind) in enumerate(columns, start=1):  # ws.cell: no scan of the sheet
            if kind == "value":
                ws.cell(row, at).number_format = value_format(decimals)
            elif kind in FORMATS:
                ws.cell(row, at).number_format = FORMATS[kind]


AGES: tuple[tuple[str, str, str], ...] = (  # (column, header key, kind) of the age sheet
    ("name", "indicator", "text"), ("indicator_id", "indicator_id", "text"), ("unit", "unit", "text"),
    ("period", "period", "text"), ("label", "age_group", "text"), ("value", "value", "value"),
    ("lower95", "lower95", "value"), ("upper95", "upper95", "value"),
    ("city_value", "city_value", "value"), ("compared", "compared", "compared"),
    ("status", "status", "status"),
)


def age_sheet(ws: Worksheet, p: Profile) -> None:
    """The breakdown by age group (reports.ages): one row per indicator and age group at the
    indicator's headline period, sex total; numbers as numbers."""
    columns = [(col, compared_heading(p) if key == "compared" else strings.text(key, p.lang), kind)
               for col, key, kind in AGES]
    domain_sheet(ws, pd.DataFrame([vars(r) for r in p.age_rows]), p.lang, columns)


def inequality_sheet(ws: Worksheet, p: Profile) -> None:
    """The headline sentences, then the SII and RII of every period of the profile's
    indicators with an SII; a note when the city has no deprivation measure."""
    lang, section = p.lang, p.inequality
    ws.append([strings.shared("ineq.title", lang)])
    ws["A1"].font = TITLE_FONT
    if section.measure is None:
        ws.append([strings.text("ineq_no_measure", lang)])
        return
    notes = [strings.text("ineq_intro", lang, measure=section.measure)]
    notes += [line.sentence for line in section.lines] or [strings.text("ineq_no_lines", lang)]
    for note in notes:
        ws.append([note])
    ws.append([])
    first = ws.max_row + 1
    _header(ws, [strings.text(k, lang) for k in ("indicator", "indicator_id", "unit")]
            + [strings.text(key, lang) for _, key, _ in INEQUALITY])
    lines = {line.indicator_id: line for line in section.lines}
    table = section.table.assign(
        indicator_name=section.table["indicator_id"].map(lambda i: lines[i].name),
        unit=section.table["indicator_id"].map(lambda i: lines[i].unit),
        decimals=section.table["indicator_id"].map(lambda i: lines[i].decimals))
    _rows(ws, table, lang, [("indicator_name", "", "text"), ("indicator_id", "", "text"),
                            ("unit", "", "text"), *INEQUALITY])
    ws.auto_filter.ref = f"A{first}:{get_column_letter(3 + len(INEQUALITY))}{ws.max_row}"
    ws.freeze_panes = f"B{first + 1}"
    for letter, width in zip("ABCDEFGHIJKLM", (40, 18, 14, 10, 10, 10, 10, 9, 9, 9, 8, 18, 18),
                             strict=True):
        ws.column_dimensions[letter].width = width


def _meta_rows(p: Profile) -> list[tuple[str, Any]]:
    lang = p.lang
    rows: list[tuple[str, Any]] = [
        (strings.text("area", lang), p.area_name),
        (strings.text("area_code", lang), p.area_code),
        (strings.text("city", lang), p.city_name),
        (strings.text("population", lang), None if p.population is None else int(p.population)),
        (strings.text("prioritized", lang), strings.text("yes" if p.prioritized else "no", lang)),
        (strings.text("export_date", lang), datetime.combine(p.export_date, time())),
        (strings.text("data_periods", lang), period_range(p.periods)),
        (strings.text("latest_period", lang), period_range(p.latest_periods)),
        (strings.text("batch", lang), p.batch_id),
        (strings.text("comparator", lang), comparator_statement(p)),
    ]
    if p.synthetic:
        rows.append(("", strings.text("synthetic", lang)))
    rows += [(strings.text("source", lang), s) for s in p.sources]
    rows += [(strings.text("quality_title", lang), strings.text(f"quality_{k}", lang, n=n))
             for k, n in p.note_counts.items() if n]
    rows += [(strings.text("methods", lang), m) for m in p.methods]
    rows.append(("", strings.text("generated_by", lang)))
    return rows


def metadata_sheet(ws: Worksheet, p: Profile) -> None:
    ws.append([f"{strings.text('report_title', p.lang)}: {p.area_name}"])
    ws["A1"].font = TITLE_FONT
    ws.append([])
    for name, value in _meta_rows(p):
        ws.append([name, value])
        label, cell = ws[ws.max_row]
        label.font = Font(bold=True)
        label.alignment = cell.alignment = Alignment(vertical="top", wrap_text=True)
        if isinstance(value, datetime):
            cell.number_format = "yyyy-mm-dd"
        elif isinstance(value, int):
            cell.number_format = "#,##0"
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 110


def about_sheet(ws: Worksheet, p: Profile) -> None:
    """One row per note: kind, title, its language, text, source, web page."""
    lang = p.lang
    ws.append([strings.text(k, lang) for k in ("note_kind", "note_title", "note_lang", "note_text",
                                                "source", "note_url")])
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for group in p.about:
        for n in group.notes:
            ws.append([strings.label("note", group.kind, lang), n.title, n.title_lang or lang,
                       n.text, n.source, n.url])
            if n.url:
                ws.cell(ws.max_row, 6).hyperlink = n.url
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for letter, width in zip("ABCDEF", (26, 40, 9, 60, 36, 40), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"


def render_xlsx(profile: Profile) -> bytes:
    """The profile as an XLSX workbook."""
    wb = Workbook()
    meta = wb.active
    taken: set[str] = set()
    meta.title = sheet_title(strings.text("metadata", profile.lang), taken)
    metadata_sheet(meta, profile)
    if profile.about:
        about_sheet(wb.create_sheet(sheet_title(strings.text("about_title", profile.lang), taken)), profile)
    programme_sheets(profile, lambda title: wb.create_sheet(sheet_title(title, taken)))
    records = profile.records
    order = [d.code for d in profile.domains]
    order += [d for d in dict.fromkeys(records["domain"]) if d not in order]
    columns = columns_of(profile)
    for code in order:
        rows = records[records["domain"] == code]
        if rows.empty:
            continue
        title = strings.label("domain", code, profile.lang)
        domain_sheet(wb.create_sheet(sheet_title(title, taken)), rows, profile.lang, columns)
    if profile.age_rows:
        age_sheet(wb.create_sheet(sheet_title(strings.text("age_title", profile.lang), taken)), profile)
    title = strings.shared("ineq.title", profile.lang)
    inequality_sheet(wb.create_sheet(sheet_title(title, taken)), profile)
    wb.properties.creator = "wellbeing atlas"
    wb.properties.title = f"{strings.text('report_title', profile.lang)}: {profile.area_name}"
    when = datetime.combine(profile.export_date, time())
    wb.properties.created = wb.properties.modified = when
    neutralise_workbook(wb)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
