"""The XLSX form of the collaboration self-assessment, in one language.

One sheet to fill in: instructions, the respondent's sector (a drop-down of the sectors
named in the form's language; ``etl.assessment`` stores the code), department (free
text), the round (year), then the statements grouped by dimension, each with a score
cell that accepts a whole number 1-5 or nothing (don't know). There is no field for a
name: answers are never stored with one. Everything but the answer cells is locked.

Column A (hidden) holds what the loader reads by: ``sector``, ``department``, ``round``,
``dimension:<name>`` above a group and the statement id on each statement's row. A hidden
sheet ``_form`` holds the questionnaire's version, the form's language and the sectors'
codes beside their labels (the drop-down's list).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from presentation.i18n import t
from store.programme_schema import RESPONDENT_SECTORS

META_SHEET = "_form"
FIRST_SECTOR_ROW = 4  # sectors on _form rows 4..13: code in A, label in B
OPEN = Protection(locked=False)
ANSWER_FILL = PatternFill("solid", fgColor="FFF7E0")
HEAD_FILL = PatternFill("solid", fgColor="DDE7F0")


@dataclass(frozen=True)
class Answers:
    """What a respondent filled in (a filled form, for the demo and tests)."""

    sector: str | None = None  # a code of RESPONDENT_SECTORS (written as its label)
    department: str | None = None
    scores: Mapping[str, object] = field(default_factory=dict)  # statement id -> score


def form_version(statements: pd.DataFrame) -> str:
    """The questionnaire's version of stored statements (as etl.assessment_form.version_of)."""
    ordered = statements.sort_values("position")
    text = "\n".join(f"{i}|{d}|{en}" for i, d, en in
                     zip(ordered["id"], ordered["dimension"], ordered["text_en"], strict=True))
    return "hb-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def _meta(wb: Workbook, version: str, lang: str) -> str:
    """The hidden sheet; returns the drop-down's list formula."""
    meta = wb.create_sheet(META_SHEET)
    meta.append(["questionnaire", version])
    meta.append(["language", lang])
    meta.append(["sector", "label"])
    for code in RESPONDENT_SECTORS:
        meta.append([code, t(f"assess.sector.{code}", lang)])
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    last = FIRST_SECTOR_ROW + len(RESPONDENT_SECTORS) - 1
    return f"'{META_SHEET}'!$B${FIRST_SECTOR_ROW}:$B${last}"


def _field(ws: object, row: int, key: str, label: str, value: object) -> None:
    ws.cell(row, 1, key)  # type: ignore[attr-defined]
    ws.cell(row, 2, label).font = Font(bold=True)  # type: ignore[attr-defined]
    cell = ws.cell(row, 3, value)  # type: ignore[attr-defined]
    cell.protection, cell.fill = OPEN, ANSWER_FILL


def form_xlsx(statements: pd.DataFrame, lang: str, version: str, round_: int | None = None,
              answers: Answers | None = None) -> bytes:
    """The form of ``statements`` (the assessment_statements columns) in ``lang`` as XLSX bytes;
    ``answers`` fill it in (a filled form)."""
    answers = answers or Answers()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = t("assess.form.sheet", lang)[:31]
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions["B"].width = 90
    ws.column_dimensions["C"].width = 14
    ws.cell(1, 2, t("assess.form.title", lang)).font = Font(bold=True, size=14)
    for row, key in ((2, "assess.form.intro"), (3, "assess.form.scale"), (4, "assess.form.no_name")):
        ws.cell(row, 2, t(key, lang)).alignment = Alignment(wrap_text=True, vertical="top")
    sectors = DataValidation(type="list", formula1=_meta(wb, version, lang), allow_blank=True,
                             showErrorMessage=True, error=t("assess.form.bad_sector", lang))
    scores = DataValidation(type="whole", operator="between", formula1="1", formula2="5",
                            allow_blank=True, showErrorMessage=True, error=t("assess.form.bad_score", lang))
    ws.add_data_validation(sectors)
    ws.add_data_validation(scores)
    sector = t(f"assess.sector.{answers.sector}", lang) if answers.sector in RESPONDENT_SECTORS else answers.sector
    _field(ws, 6, "sector", t("assess.form.sector", lang), sector)
    sectors.add("C6")
    _field(ws, 7, "department", t("assess.form.department", lang), answers.department)
    _field(ws, 8, "round", t("assess.form.round", lang), round_)
    for col, key in ((2, "assess.form.statement"), (3, "assess.form.score")):
        head = ws.cell(10, col, t(key, lang))
        head.font, head.fill = Font(bold=True), HEAD_FILL
    ws.cell(10, 1, "header")
    row = 11
    for dimension, group in statements.sort_values("position").groupby("dimension", sort=False):
        ws.cell(row, 1, f"dimension:{dimension}")
        ws.cell(row, 2, t(f"assess.dim.{dimension}", lang)).font = Font(bold=True, size=12)
        row += 1
        for sid, text in zip(group["id"], group[f"text_{lang}"], strict=True):
            ws.cell(row, 1, sid)
            ws.cell(row, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
            cell = ws.cell(row, 3, answers.scores.get(sid))
            cell.protection, cell.fill = OPEN, ANSWER_FILL
            cell.alignment = Alignment(horizontal="center")
            scores.add(cell.coordinate)
            row += 1
    ws.protection.sheet = True
    ws.freeze_panes = "B11"
    wb.security = WorkbookProtection(lockStructure=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
