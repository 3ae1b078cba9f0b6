"""The PDF page frame: A4, DejaVu Sans (embedded, so å, ä, ö, ą, ę, ł, ż print),
running header and "Page x of y" footer in the profile's language, and the
drawing of :class:`~reports.drawing.Figure` objects as vector shapes."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

from fpdf import FPDF
from fpdf.drawing import PaintedPath
from fpdf.enums import PathPaintRule

from reports import strings, style
from reports.drawing import (
    PT,
    Circle,
    Figure,
    Item,
    Label,
    Line,
    Poly,
    Rect,
    Shape,
    fit,
    text_width,
    wrap,
)
from reports.fonts import whole_fonts
from reports.numbers import long_date
from reports.profile import Profile

FONT = "DejaVu"
MARGIN = 15.0
PAGE_W = 210.0
PAGE_H = 297.0
CONTENT_W = PAGE_W - 2 * MARGIN
BOTTOM = 18.0


def hex_rgb(color: str) -> tuple[int, int, int]:
    c = color.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


class ProfileDocument(FPDF):
    """An A4 profile document with the page furniture of one :class:`Profile`."""

    def __init__(self, profile: Profile, fonts: tuple[Path, Path] | None = None) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.profile = profile
        self.section: str | None = None  # the domain being written: named on its later pages
        self.section_page = 0
        self.set_margins(MARGIN, MARGIN + 4, MARGIN)
        self.set_auto_page_break(True, BOTTOM)
        regular, bold = fonts or whole_fonts()
        self.add_font(FONT, "", regular)
        self.add_font(FONT, "B", bold)
        self.set_title(f"{strings.text('report_title', profile.lang)}: {profile.area_name}")
        self.set_author(profile.city_name)
        self.set_subject(strings.text("report_title", profile.lang))
        self.set_creator("wellbeing atlas")
        self.set_lang(profile.lang)
        # the export date, not the clock: the same data on the same day give the same bytes
        self.set_creation_date(datetime.combine(profile.export_date, time(), tzinfo=UTC))

    def missing_glyphs(self) -> bool:
        """Whether any text asked for a character the embedded fonts lack."""
        return any(getattr(font, "missing_glyphs", None) for font in self.fonts.values())

    # --- page furniture -----------------------------------------------------------------
    def header(self) -> None:
        if self.page_no() == 1:
            return
        p = self.profile
        self.font(7.5, bold=True, color=style.BRAND)
        self.set_xy(MARGIN, 8)
        self.cell(CONTENT_W / 2, 5, fit(p.area_name, CONTENT_W / 2, 7.5, True))
        self.font(7.5, color=style.MUTED)
        right = f"{strings.text('report_title', p.lang)} · {p.city_name}"
        self.set_xy(MARGIN + CONTENT_W / 2, 8)
        self.cell(CONTENT_W / 2, 5, right, align="R")
        self.stroke(style.RULE, 0.3)
        self.line(MARGIN, 13.5, PAGE_W - MARGIN, 13.5)
        self.set_y(MARGIN + 4)
        if self.section and self.page_no() > self.section_page:
            self.font(8, bold=True, color=style.MUTED)
            self.text(MARGIN, self.get_y() + 2, f"{self.section} ({strings.text('continued', p.lang)})")
            self.set_y(self.get_y() + 6)

    def begin_part(self, title: str | None, bookmark: bool = True) -> None:
        """Begin a part of the report here: a bookmark in the PDF outline, and for a domain
        (``title`` given) its name at the top of every further page until the next part."""
        self.section, self.section_page = title, self.page_no()
        if title and bookmark:
            self.start_section(title)

    def footer(self) -> None:
        p = self.profile
        self.stroke(style.RULE, 0.3)
        self.line(MARGIN, PAGE_H - 12.5, PAGE_W - MARGIN, PAGE_H - 12.5)
        self.font(7, color=style.MUTED)
        self.set_xy(MARGIN, PAGE_H - 11.5)
        left = f"{strings.text('export_date', p.lang)}: {long_date(p.export_date, p.lang)}"
        if p.synthetic:
            left += f" · {strings.text('synthetic', p.lang)}"
        self.cell(CONTENT_W * 0.7, 5, left)
        page = strings.text("page", p.lang, page=self.page_no(), pages=self.alias_nb_pages_str)
        self.set_xy(MARGIN + CONTENT_W * 0.7, PAGE_H - 11.5)
        self.cell(CONTENT_W * 0.3, 5, page, align="R")

    @property
    def alias_nb_pages_str(self) -> str:
        return str(self.str_alias_nb_pages)

    # --- state helpers ------------------------------------------------------------------
    def font(self, size: float, bold: bool = False, color: str = style.INK) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*hex_rgb(color))

    def stroke(self, color: str, width: float) -> None:
        self.set_draw_color(*hex_rgb(color))
        self.set_line_width(width)

    def fill(self, color: str) -> None:
        self.set_fill_color(*hex_rgb(color))

    def lines(self, text: str, size: float, bold: bool = False, color: str = style.INK,
              indent: float = 0.0, leading: float = 1.45, hanging: str = "") -> None:
        """Write ``text`` wrapped to the content width from the current y, breaking pages
        between lines (faster than ``multi_cell``: the widths come from cached metrics)."""
        step = size * PT * leading
        width = CONTENT_W - indent - (text_width(hanging, size, bold) if hanging else 0.0)
        for i, line in enumerate(wrap(text, width, size, bold)):
            self.ensure(step)
            self.font(size, bold, color)
            y = self.get_y() + step * 0.75
            if hanging and i == 0:
                self.text(MARGIN + indent, y, hanging)
            self.text(MARGIN + indent + (text_width(hanging, size, bold) if hanging else 0.0), y, line)
            self.set_y(self.get_y() + step)

    def space_left(self) -> float:
        return PAGE_H - BOTTOM - self.get_y()

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` millimetres still fit on this one."""
        if self.space_left() < height:
            self.add_page()

    # --- figures ------------------------------------------------------------------------
    def figure(self, fig: Figure, x: float, y: float) -> None:
        """Draw ``fig`` with its top-left corner at (x, y)."""
        for item in fig.items:
            self._item(item, x, y)
        self.set_dash_pattern()

    def _paint(self, fill: str | None, stroke: str | None, width: float) -> str:
        if fill:
            self.fill(fill)
        if stroke:
            self.stroke(stroke, width)
        return ("F" if fill else "") + ("D" if stroke else "")

    def _item(self, item: Item, x: float, y: float) -> None:
        if isinstance(item, Label):
            self._label(item, x, y)
        elif isinstance(item, Line):
            self.stroke(item.stroke, item.width)
            self.set_dash_pattern(*(item.dash or (0, 0)))
            self.line(x + item.x1, y + item.y1, x + item.x2, y + item.y2)
            self.set_dash_pattern()
        elif isinstance(item, Rect):
            mode = self._paint(item.fill, item.stroke, item.width)
            if mode:
                self.rect(x + item.x, y + item.y, item.w, item.h, style=mode)
        elif isinstance(item, Circle):
            mode = self._paint(item.fill, item.stroke, item.width)
            if mode:
                self.circle(x + item.cx, y + item.cy, item.r, style=mode)
        elif isinstance(item, Poly):
            self._poly(item, x, y)
        elif isinstance(item, Shape):
            self._shape(item, x, y)

    def _poly(self, item: Poly, x: float, y: float) -> None:
        points = [(x + px, y + py) for px, py in item.points]
        if len(points) < 2:
            return
        mode = self._paint(item.fill, item.stroke, item.width)
        self.set_dash_pattern(*(item.dash or (0, 0)))
        if item.closed:
            self.polygon(points, style=mode or "D")
        else:
            self.polyline(points, style="D")
        self.set_dash_pattern()

    def _shape(self, item: Shape, x: float, y: float) -> None:
        rule = {
            (True, True): PathPaintRule.STROKE_FILL_EVENODD,
            (True, False): PathPaintRule.FILL_EVENODD,
            (False, True): PathPaintRule.STROKE,
        }.get((item.fill is not None, item.stroke is not None))
        if rule is None or not item.rings:
            return
        path = PaintedPath()
        path.style.paint_rule = rule
        if item.fill:
            path.style.fill_color = item.fill
        if item.stroke:
            path.style.stroke_color = item.stroke
            path.style.stroke_width = item.width
            path.style.stroke_join_style = "round"
        for ring in item.rings:
            if len(ring) < 3:
                continue
            path.move_to(x + ring[0][0], y + ring[0][1])
            for px, py in ring[1:]:
                path.line_to(x + px, y + py)
            path.close()
        # new_path() would deep-copy every vertex of the locator map into the page (fpdf2's
        # guard against a path changed after it is drawn); this one is never touched again
        self.draw_path(path, copy=False)

    def _label(self, item: Label, x: float, y: float) -> None:
        self.font(item.size, item.bold, item.color)
        width = self.get_string_width(item.text)
        left = x + item.x - {"start": 0.0, "middle": width / 2, "end": width}[item.anchor]
        self.text(left, y + item.y + 0.35 * item.size * PT, item.text)
