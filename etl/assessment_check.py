"""Checking one filled self-assessment form (etl.assessment_read.Form) against the
questionnaire (etl.assessment_form) and its round: every problem with file, row, column,
value and fix. Also the checks a collated responses table shares (scores, sectors).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from etl.assessment_config import AssessmentConfig
from etl.assessment_form import BY_ID, QUESTIONNAIRE_VERSION, STATEMENTS
from etl.assessment_read import Form
from etl.characters import invisible
from etl.checks import close_matches
from etl.errors import Problem, excerpt
from settings.languages import LANGS
from store.programme_schema import RESPONDENT_SECTORS

TEMPLATE = "`wellbeing assessment template --lang {lang} --out form.xlsx`"
DONT_KNOW = {"", "-", "–", "?", "vet ej", "vet inte", "nie wiem", "don't know", "dont know", "n/a"}
DEPARTMENT_LIMIT = 300
ANSWER = "C"  # the column of a form's answers


@dataclass
class Respondent:
    """One respondent's answers, checked (no name: a number is given within the round)."""

    file: str
    sector: str
    department: str | None
    scores: dict[str, int | None] = field(default_factory=dict)  # statement id -> 1-5 or None


def score_of(value: Any) -> tuple[int | None, str | None]:
    """(score, None) for 1-5 or an empty/don't-know cell, else (None, what is wrong)."""
    if value is None or (isinstance(value, str) and value.strip().casefold() in DONT_KNOW):
        return None, None
    if isinstance(value, bool):
        return None, "is not a number"
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            return None, "is not a number"
    if not isinstance(value, int | float) or value != value:
        return None, "is not a number"
    if value != int(value):
        return None, "is not a whole number"
    if not 1 <= int(value) <= 5:
        return None, "is outside 1-5"
    return int(value), None


def sector_of(value: Any, labels: dict[str, str]) -> tuple[str | None, str | None]:
    """(code, None) of a sector given as its label or code, else (None, what is wrong)."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None, "no sector"
    code = labels.get(text.casefold())
    if code in RESPONDENT_SECTORS:
        return code, None
    return None, "unknown sector"


def sector_fix(value: Any, labels: dict[str, str], where: str) -> str:
    shown = [k for k in labels if labels[k] != k] or list(RESPONDENT_SECTORS)
    near = close_matches(str(value or "").strip().casefold(), list(labels)) if value else ""
    return f"choose the respondent's sector {where}: one of {', '.join(shown)}{near}"


class FormCheck:
    """Checks one form; ``problems`` collects everything wrong with it."""

    def __init__(self, form: Form, block: AssessmentConfig) -> None:
        self.form, self.block = form, block
        self.problems: list[Problem] = []

    def problem(self, message: str, fix: str, row: int | None = None, column: str | None = None,
                value: object = None, severity: str = "error") -> None:
        self.problems.append(Problem(self.form.file, message, fix, row=row, column=column,
                                     value=value, severity=severity))

    def version(self) -> bool:
        """Is it a form of this questionnaire, in a known language?"""
        f = self.form
        if f.version != QUESTIONNAIRE_VERSION:
            self.problem("is a form of another version of the questionnaire (this atlas reads "
                         f"{QUESTIONNAIRE_VERSION})", "copy the answers into a new form from "
                         + TEMPLATE.format(lang="sv"), value=f.version)
            return False
        if f.lang not in LANGS:
            self.problem("does not say which language it is in", "fill in a form from "
                         + TEMPLATE.format(lang="sv") + f" (languages: {', '.join(LANGS)})", value=f.lang)
            return False
        return True

    def _mixed_up(self) -> str | None:
        """The language the statement texts are in when it is not the form's own."""
        counts = {lang: sum(str(text or "").strip() == BY_ID[sid].text(lang)
                            for sid, (_row, text, _score) in self.form.statements.items() if sid in BY_ID)
                  for lang in LANGS}
        best = max(counts, key=lambda lang: counts[lang])
        return best if counts[best] > counts[str(self.form.lang)] else None

    def statements(self) -> dict[str, int | None]:
        f, lang = self.form, str(self.form.lang)
        other = self._mixed_up()
        if other is not None:
            self.problem(f"mixes up languages: it says it is in {lang!r}, but its statements are in "
                         f"{other!r}", f"fill in a form from {TEMPLATE.format(lang=other)}, or answer "
                         "in the form as it was written (do not paste statements from another form)",
                         column="B", value=lang)
            return {}
        scores: dict[str, int | None] = {}
        for sid, (row, text, value) in f.statements.items():
            if sid not in BY_ID:
                self.problem("statement is not in the questionnaire", "fill in a form from "
                             + TEMPLATE.format(lang=lang), row=row, column="A", value=sid)
                continue
            if str(text or "").strip() != BY_ID[sid].text(lang):
                self.problem(f"the text of statement {sid} differs from the questionnaire",
                             "answer in an unchanged form from " + TEMPLATE.format(lang=lang),
                             row=row, column="B", value=text)
            score, wrong = score_of(value)
            if wrong:
                self.problem(f"score of {sid} {wrong}", "write a whole number from 1 (strongly "
                             "disagree) to 5 (strongly agree), or leave the cell empty (don't know)",
                             row=row, column=ANSWER, value=value)
            scores[sid] = score
        for row, sid in f.repeated:
            self.problem(f"statement {sid} appears twice", "answer in an unchanged form from "
                         + TEMPLATE.format(lang=lang), row=row, column="A", value=sid)
        missing = [s.id for s in STATEMENTS if s.id not in f.statements]
        if missing:
            self.problem(f"lacks statement(s) {', '.join(missing)} of the questionnaire",
                         "answer in an unchanged form from " + TEMPLATE.format(lang=lang))
        return scores

    def fields(self) -> tuple[str | None, str | None]:
        """(sector, department) of the form, checked; its round against the block's."""
        f = self.form
        row, value = f.fields.get("sector", (None, None))
        sector, wrong = sector_of(value, f.sector_labels)
        if wrong:
            self.problem(f"{wrong} is given" if wrong == "no sector" else wrong,
                         sector_fix(value, f.sector_labels, "in the drop-down"), row=row,
                         column=ANSWER, value=None if wrong == "no sector" else value)
        row, value = f.fields.get("department", (None, None))
        department = None if value is None or not str(value).strip() else str(value).strip()
        if department and len(department) > DEPARTMENT_LIMIT:
            self.problem(f"department is longer than {DEPARTMENT_LIMIT} characters",
                         "shorten it to the department's or unit's name", row=row, column=ANSWER,
                         value=department)
        elif department and invisible(department):
            self.problem("department holds a control or invisible character", "retype it as plain "
                         "text", row=row, column=ANSWER, value=department)
        self._round(*f.fields.get("round", (None, None)))
        return sector, department

    def _round(self, row: int | None, value: Any) -> None:
        if value is None or not str(value).strip():
            return
        text = str(value).strip().removesuffix(".0")
        if not text.isdigit():
            self.problem("round is not a year", f"write the year of the round ({self.block.round}) "
                         "or leave it empty", row=row, column=ANSWER, value=value)
        elif int(text) != self.block.round:
            self.problem(f"the form is of round {int(text)}, but {self.block.label} reads round "
                         f"{self.block.round}", f"put the form with the forms of round {int(text)}, "
                         f"or correct the round in cell {ANSWER}{row}", row=row, column=ANSWER, value=value)

    def names(self) -> None:
        for row, label in self.form.names:
            self.problem(f"has a name filled in ({excerpt(label)}): no names are stored",
                         "delete the name from the form (answers are anonymous) and load again",
                         row=row)

    def respondent(self) -> Respondent | None:
        """The checked respondent, or None when the form has errors (in ``problems``)."""
        self.names()
        if not self.version():
            return None
        scores = self.statements()
        sector, department = self.fields()
        if any(p.severity == "error" for p in self.problems) or sector is None:
            return None
        if all(v is None for v in scores.values()):
            self.problem("answers no statement (every score is empty)", "fill in the scores, or "
                         "remove the form; it is left out", severity="warning")
            return None
        return Respondent(self.form.file, sector, department, scores)
