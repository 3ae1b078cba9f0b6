"""Reading one filled self-assessment form (an XLSX written by ``wellbeing assessment
template``, presentation.assessment_template) into its raw cells, nothing checked yet.

The form sheet is the workbook's first; column A (hidden) keys its rows: ``sector``,
``department``, ``round``, ``dimension:<name>`` and a statement id per statement row;
column B holds the labels and statement texts, column C the answers. The hidden sheet
``_form`` holds the questionnaire's version, the language and the sectors' labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from etl.errors import Problem

META_SHEET = "_form"
FIELDS = ("sector", "department", "round")
STATEMENT_ID = re.compile(r"^[A-Z]{1,3}\d{1,3}$")
# A row asking for a person's name (sv, pl, en): names are never read nor stored.
NAME_LABEL = re.compile(r"^(ditt |your |full |för- och efter)?(namn|name|imię|imie|nazwisko|imię i nazwisko|"
                        r"imie i nazwisko|respondent|e-?mail|e-?post)\b", re.IGNORECASE)


@dataclass
class Form:
    """The raw cells of one form, with their rows (1-based, as a spreadsheet shows them)."""

    file: str
    sheet: str
    version: Any = None
    lang: Any = None
    sector_labels: dict[str, str] = field(default_factory=dict)  # label or code, casefolded -> code
    fields: dict[str, tuple[int, Any]] = field(default_factory=dict)  # key -> (row, value)
    statements: dict[str, tuple[int, Any, Any]] = field(default_factory=dict)  # id -> (row, text, score)
    repeated: list[tuple[int, str]] = field(default_factory=list)  # (row, id) of an id seen before
    names: list[tuple[int, str]] = field(default_factory=list)  # (row, label) of a filled name field


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _meta(wb: Any, form: Form) -> None:
    meta = wb[META_SHEET]
    for row in meta.iter_rows(min_row=1, max_col=2, values_only=True):
        key, value = [*row, None, None][:2]
        if key == "questionnaire":
            form.version = value
        elif key == "language":
            form.lang = value
        elif key not in (None, "sector") and value is not None:
            form.sector_labels[_text(value).casefold()] = _text(key)
            form.sector_labels[_text(key).casefold()] = _text(key)


def _rows(ws: Any, form: Form) -> None:
    for number, row in enumerate(ws.iter_rows(min_row=1, max_col=4, values_only=True), start=1):
        key, label, answer, beside = [*row, None, None, None, None][:4]
        key_text, label_text = _text(key), _text(label)
        filled = _text(answer) or _text(beside)
        if filled and (NAME_LABEL.match(key_text) or NAME_LABEL.match(label_text.rstrip(": "))):
            form.names.append((number, label_text or key_text))
        if key_text in FIELDS:
            form.fields[key_text] = (number, answer)
        elif STATEMENT_ID.match(key_text):
            if key_text in form.statements:
                form.repeated.append((number, key_text))
            else:
                form.statements[key_text] = (number, label, answer)


def read_form(path: Path, file: str) -> Form | Problem:
    """The raw cells of the form at ``path``, or the Problem that it cannot be read as one."""
    fix = ("fill in a form written by `wellbeing assessment template --lang sv --out form.xlsx` "
           "and save it as .xlsx")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, OS and openpyxl's own errors for files it does not understand
        return Problem(file, f"cannot be read as an XLSX workbook ({type(exc).__name__})", fix)
    try:
        if META_SHEET not in wb.sheetnames:
            return Problem(file, "is not a self-assessment form (it has no hidden sheet "
                           f"{META_SHEET!r} with the questionnaire's version)", fix)
        ws = wb.worksheets[0]
        form = Form(file, ws.title)
        _meta(wb, form)
        _rows(ws, form)
        return form
    finally:
        wb.close()
