"""The PDF page frame of the implementation report: the profile's A4 document (fonts,
figures, wrapped lines, tables from :mod:`reports.pdf_table`) with the report's own
running header and footer."""

from __future__ import annotations

from datetime import UTC, datetime, time

from fpdf import FPDF

from reports import programme_strings as ps
from reports import strings, style
from reports.drawing import FONT_BOLD, FONT_REGULAR, fit
from reports.numbers import long_date
from reports.pdf_document import BOTTOM, CONTENT_W, FONT, MARGIN, PAGE_H, PAGE_W, ProfileDocument
from reports.programme_cells import title
from reports.programme_model import ProgrammeReport


class ProgrammeDocument(ProfileDocument):
    """An A4 report document of one :class:`ProgrammeReport`."""

    def __init__(self, report: ProgrammeReport) -> None:
        FPDF.__init__(self, orientation="portrait", unit="mm", format="A4")
        self.report = report
        self.section: str | None = None
        self.section_page = 0
        self.set_margins(MARGIN, MARGIN + 4, MARGIN)
        self.set_auto_page_break(True, BOTTOM)
        self.add_font(FONT, "", FONT_REGULAR)
        self.add_font(FONT, "B", FONT_BOLD)
        self.set_title(f"{title(report)}: {report.programme_name}")
        self.set_author(report.city_name)
        self.set_subject(ps.text("report_title", report.lang))
        self.set_creator("wellbeing atlas")
        self.set_lang(report.lang)
        self.set_creation_date(datetime.combine(report.export_date, time(), tzinfo=UTC))

    def header(self) -> None:
        if self.page_no() == 1:
            return
        r = self.report
        self.font(7.5, bold=True, color=style.BRAND)
        self.set_xy(MARGIN, 8)
        self.cell(CONTENT_W / 2, 5, fit(r.programme_name, CONTENT_W / 2, 7.5, True))
        self.font(7.5, color=style.MUTED)
        self.set_xy(MARGIN + CONTENT_W / 2, 8)
        self.cell(CONTENT_W / 2, 5, f"{title(r)} · {r.city_name}", align="R")
        self.stroke(style.RULE, 0.3)
        self.line(MARGIN, 13.5, PAGE_W - MARGIN, 13.5)
        self.set_y(MARGIN + 4)
        if self.section and self.page_no() > self.section_page:
            self.font(8, bold=True, color=style.MUTED)
            self.text(MARGIN, self.get_y() + 2, f"{self.section} ({strings.text('continued', r.lang)})")
            self.set_y(self.get_y() + 6)

    def footer(self) -> None:
        r = self.report
        self.stroke(style.RULE, 0.3)
        self.line(MARGIN, PAGE_H - 12.5, PAGE_W - MARGIN, PAGE_H - 12.5)
        self.font(7, color=style.MUTED)
        self.set_xy(MARGIN, PAGE_H - 11.5)
        left = f"{strings.text('export_date', r.lang)}: {long_date(r.export_date, r.lang)}"
        if r.synthetic:
            left += f" · {strings.text('synthetic', r.lang)}"
        self.cell(CONTENT_W * 0.7, 5, left)
        page = strings.text("page", r.lang, page=self.page_no(), pages=self.alias_nb_pages_str)
        self.set_xy(MARGIN + CONTENT_W * 0.7, PAGE_H - 11.5)
        self.cell(CONTENT_W * 0.3, 5, page, align="R")
