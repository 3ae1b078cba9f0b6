"""Tables in the PDF profile: a header row repeated after page breaks, zebra rows,
wrapped first column, and cells that carry a comparison chip or a trend arrow."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reports import style
from reports.drawing import Figure, fit, text_width, wrap
from reports.pdf_document import MARGIN, ProfileDocument

BODY = 7.0
SMALL = 5.8
LINE = 3.0
PAD = 1.2


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    align: str = "R"  # L, C or R


@dataclass(frozen=True)
class Cell:
    text: str = ""
    sub: str = ""  # a second, smaller line
    chip: str | None = None  # a comparison code: coloured chip with its symbol before the text
    arrow: str = ""  # a trend arrow before the text
    color: str = style.INK
    bold: bool = False
    figure: Figure | None = None  # a small chart drawn in the cell, left and vertically centred


def text_column_width(texts: Iterable[str], minimum: float) -> float:
    """A column wide enough for the longest of ``texts`` on one line (body size), at least
    ``minimum``: e.g. a pooled period such as ``2022-2024`` that cannot wrap."""
    return max(minimum, max((text_width(t, BODY) for t in texts), default=0.0) + 2 * PAD + 0.4)


def _lines(cell: Cell, col: Column) -> list[str]:
    usable = col.width - 2 * PAD - (7.0 if cell.chip else 0.0) - (3.0 if cell.arrow else 0.0)
    if col.align == "L":
        return wrap(cell.text, usable, BODY, cell.bold)[:3]
    return [fit(cell.text, usable, BODY, cell.bold)]


def row_height(cells: list[Cell], columns: list[Column]) -> float:
    lines = max(len(_lines(c, col)) + (1 if c.sub else 0) for c, col in zip(cells, columns, strict=True))
    return max(lines * LINE + 2 * PAD + 0.6, 6.5)


def header(doc: ProfileDocument, columns: list[Column]) -> None:
    lines = [wrap(c.title, c.width - 2 * PAD, SMALL + 0.4, True)[:2] for c in columns]
    height = max(len(ls) for ls in lines) * 2.6 + 2 * PAD + 0.4
    y = doc.get_y()
    doc.fill(style.BAND)
    doc.rect(MARGIN, y, sum(c.width for c in columns), height, style="F")
    x = MARGIN
    for col, ls in zip(columns, lines, strict=True):
        doc.font(SMALL + 0.4, bold=True, color=style.MUTED)
        for i, text in enumerate(ls):
            width = doc.get_string_width(text)
            left = {"L": x + PAD, "C": x + (col.width - width) / 2, "R": x + col.width - PAD - width}
            doc.text(left[col.align], y + PAD + 2.2 + i * 2.6, text)
        x += col.width
    doc.stroke(style.MUTED, 0.3)
    doc.line(MARGIN, y + height, x, y + height)
    doc.set_y(y + height)


def _cell(doc: ProfileDocument, cell: Cell, col: Column, x: float, y: float, h: float) -> None:
    if cell.figure is not None:
        doc.figure(cell.figure, x + PAD, y + (h - cell.figure.height) / 2)
        return
    lines = _lines(cell, col)
    block = (len(lines) + (1 if cell.sub else 0)) * LINE
    top = y + (h - block) / 2 + 2.2
    cursor = x + PAD
    if cell.chip:
        doc.fill(style.comparison_fill(cell.chip))
        doc.stroke(style.MUTED, 0.15)
        doc.rect(cursor, top - 2.35, 6.0, 3.1, style="DF")
        doc.font(6.2, bold=True, color=style.comparison_ink(cell.chip))
        sym = style.comparison_symbol(cell.chip)
        doc.text(cursor + 3.0 - doc.get_string_width(sym) / 2, top - 0.15, sym)
        cursor += 7.0
    if cell.arrow:
        doc.font(BODY + 0.5, bold=True, color=cell.color)
        doc.text(cursor, top, cell.arrow)
        cursor += 3.0
    doc.font(BODY, cell.bold, cell.color if not cell.arrow else style.INK)
    for i, text in enumerate(lines):
        width = doc.get_string_width(text)
        lefts = {"L": cursor, "C": x + (col.width - width) / 2, "R": x + col.width - PAD - width}
        doc.text(lefts[col.align] if not (cell.chip or cell.arrow) else cursor, top + i * LINE, text)
    if cell.sub:
        doc.font(SMALL, color=style.MUTED)
        sub = fit(cell.sub, col.width - 2 * PAD, SMALL)
        width = doc.get_string_width(sub)
        left = x + PAD if col.align == "L" or cell.chip or cell.arrow else x + col.width - PAD - width
        doc.text(left, top + len(lines) * LINE - 0.2, sub)


def table(doc: ProfileDocument, columns: list[Column], rows: list[list[Cell]]) -> None:
    """Draw the table at the current position; long tables continue on new pages."""
    header(doc, columns)
    total = sum(c.width for c in columns)
    for n, cells in enumerate(rows):
        h = row_height(cells, columns)
        if doc.space_left() < h:
            doc.add_page()
            header(doc, columns)
        y = doc.get_y()
        if n % 2:
            doc.fill("#f7f9fb")
            doc.rect(MARGIN, y, total, h, style="F")
        x = MARGIN
        for cell, col in zip(cells, columns, strict=True):
            _cell(doc, cell, col, x, y, h)
            x += col.width
        doc.stroke(style.RULE, 0.15)
        doc.line(MARGIN, y + h, MARGIN + total, y + h)
        doc.set_y(y + h)
