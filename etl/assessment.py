"""The collaboration self-assessment: the ``[[assessments]]`` rounds read into the
``assessment_statements`` and ``assessment_answers`` frames (store.programme_schema).

Each block's glob of filled forms is read in file-name order (etl.assessment_read) and
checked (etl.assessment_check); a collated ``responses`` table is read after the forms
(etl.assessment_responses). Respondents are numbered 1..n within the round in that
order; no name is read or stored. Every problem is collected with file, row, column,
value and fix; a glob that matches nothing is an error, a form that is byte for byte
the copy of another is a warning (read once).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl.assessment_check import FormCheck, Respondent
from etl.assessment_config import AssessmentConfig
from etl.assessment_form import statements_frame
from etl.assessment_read import read_form
from etl.assessment_responses import read_responses
from etl.errors import Problem
from etl.paths import folder_listing
from etl.readers import display_name
from store.programme_read import PROGRAMME_COLUMNS

Say = Callable[[str], None]


@dataclass(frozen=True)
class AssessmentData:
    """The statements and answers to load, the problems found and the rows read per file."""

    statements: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=PROGRAMME_COLUMNS["assessment_statements"]))
    answers: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=PROGRAMME_COLUMNS["assessment_answers"]))
    problems: list[Problem] = field(default_factory=list)
    rows: dict[Path, int] = field(default_factory=dict)

    def frames(self) -> dict[str, pd.DataFrame]:
        """The frames for ProgrammeData.with_frames (none when no round is configured)."""
        if self.statements.empty:
            return {}
        return {"assessment_statements": self.statements, "assessment_answers": self.answers}


def _glob_problem(block: AssessmentConfig, src: Path) -> Problem:
    pattern = block.base / str(block.forms)
    near = folder_listing(pattern) if pattern.parent.is_dir() else " (the folder does not exist)"
    return Problem(display_name(pattern, src.parent), "forms matches no file",
                   f"put the round's filled forms (.xlsx) there, or correct forms in {block.label}{near}",
                   column="forms", value=str(block.forms))


def _forms(block: AssessmentConfig, base: Path, seen: dict[str, str],
           problems: list[Problem], rows: dict[Path, int]) -> list[Respondent]:
    respondents = []
    for path in block.form_paths():
        file = display_name(path, base)
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            problems.append(Problem(file, f"is the same file as {seen[digest]} (byte for byte): read once",
                                    "delete the copy, unless two respondents really sent the same form",
                                    severity="warning"))
            continue
        seen[digest] = file
        form = read_form(path, file)
        if isinstance(form, Problem):
            problems.append(form)
            continue
        check = FormCheck(form, block)
        respondent = check.respondent()
        problems += check.problems
        rows[path] = len(form.statements)
        if respondent is not None:
            respondents.append(respondent)
    return respondents


def _answers(round_: int, respondents: list[Respondent]) -> pd.DataFrame:
    records = [
        {"round": round_, "respondent": number, "sector": r.sector, "department": r.department,
         "statement_id": sid, "score": score}
        for number, r in enumerate(respondents, start=1) for sid, score in r.scores.items()
    ]
    frame = pd.DataFrame.from_records(records, columns=PROGRAMME_COLUMNS["assessment_answers"])
    frame["score"] = frame["score"].astype(object).where(frame["score"].notna(), None)
    return frame


def read_assessments(blocks: tuple[AssessmentConfig, ...], src: Path, say: Say) -> AssessmentData:
    """Every round of ``blocks`` (the configuration file ``src``), all problems found."""
    if not blocks:
        return AssessmentData()
    base = src.parent
    problems: list[Problem] = []
    rows: dict[Path, int] = {}
    seen: dict[str, str] = {}
    frames = []
    for block in blocks:
        respondents: list[Respondent] = []
        if block.forms is not None:
            if not block.form_paths():
                problems.append(_glob_problem(block, src))
            respondents += _forms(block, base, seen, problems, rows)
        if block.responses is not None:
            found, trouble, n = read_responses(block, block.responses, base)
            respondents += found
            problems += trouble
            rows[block.responses] = n
        frames.append(_answers(block.round, respondents))
        say(f"Self-assessment round {block.round}: {len(respondents)} respondent(s).")
    answers = pd.concat(frames, ignore_index=True) if frames else AssessmentData().answers
    return AssessmentData(statements_frame(), answers, problems, rows)
