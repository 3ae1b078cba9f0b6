"""``[[assessments]]`` of the city configuration: rounds of the collaboration self-assessment.

One block per round::

    [[assessments]]
    round = 2023                          # the year of the round
    forms = "assessment/2023/*.xlsx"      # filled forms, one per respondent
    responses = "assessment/2023.csv"     # optional: collated answers, one row per respondent

``read_assessment_config`` checks the keys' shape (EtlError naming the block and key);
``etl.assessment`` reads the forms. The glob is resolved relative to the configuration
file; ``paths()`` lists every matched file, so each enters the load's fingerprint.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.config_keys import read_blocks, refuse, section
from etl.errors import EtlError, excerpt

FORM_SUFFIXES = (".xlsx", ".xlsm")
RESPONSE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
YEARS = (1990, 2100)


@dataclass(frozen=True)
class AssessmentConfig:
    """One ``[[assessments]]`` block (one round)."""

    round: int
    number: int = 1  # 1-based position among the [[assessments]] blocks
    line: int | None = None  # line of its header in the configuration file
    base: Path = Path(".")  # the configuration file's folder
    forms: str | None = None  # glob of the filled forms, relative to base
    responses: Path | None = None  # collated answers (CSV or XLSX)

    @property
    def label(self) -> str:
        return f"[assessments #{self.number} round {self.round}]"

    def form_paths(self) -> list[Path]:
        """The forms the glob matches, in file-name order (spreadsheet lock files ~$… and
        hidden files left out)."""
        if self.forms is None:
            return []
        found = (Path(p) for p in glob.glob(str(self.base / self.forms), recursive=True))
        files = [p.resolve() for p in found if p.is_file() and not p.name.startswith(("~$", "."))]
        return sorted(set(files), key=lambda p: (p.name, str(p)))

    def paths(self) -> list[tuple[str, Path]]:
        forms = [("assessment", p) for p in self.form_paths()]
        return forms + ([("assessment", self.responses)] if self.responses is not None else [])


def _round(value: Any, where: str, src: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().isdigit():
        raise refuse(src, where, "round", f"is {excerpt(value)}, not a year", "write the year of the "
                     "round, e.g. round = 2023")
    year = int(str(value).strip())
    if not YEARS[0] <= year <= YEARS[1]:
        raise refuse(src, where, "round", f"is {year}, not a year between {YEARS[0]} and {YEARS[1]}",
                     "write the year of the round, e.g. round = 2023")
    return year


def _block(raw: dict[str, Any], number: int, line: int | None, src: Path) -> AssessmentConfig:
    where = f"assessments #{number}"
    a = section(raw, "assessments", where, src)
    year = _round(a["round"], where, src)
    if a["forms"] is None and a["responses"] is None:
        raise EtlError(f"{src}: [{where}] gives neither forms nor responses. Fix: add forms = "
                       f"\"assessment/{year}/*.xlsx\" (the filled forms of the round) or responses = "
                       "\"answers.csv\" (one row per respondent).")
    forms = None
    if a["forms"] is not None:
        forms = str(a["forms"]).strip()
        if not forms or Path(forms).suffix.lower() not in FORM_SUFFIXES:
            raise refuse(src, where, "forms", f"is {excerpt(forms)}, not a pattern of XLSX forms",
                         f"write forms = \"assessment/{year}/*.xlsx\"")
    responses = None
    if a["responses"] is not None:
        responses = (src.parent / str(a["responses"])).resolve()
        if responses.suffix.lower() not in RESPONSE_SUFFIXES:
            raise refuse(src, where, "responses", f"is {excerpt(responses.name)}, not a CSV or XLSX file",
                         "give a CSV or XLSX table with one row per respondent")
    return AssessmentConfig(round=year, number=number, line=line, base=src.parent.resolve(),
                            forms=forms, responses=responses)


def read_assessment_config(raw: Any, src: Path, text: str) -> tuple[AssessmentConfig, ...]:
    """The ``[[assessments]]`` blocks, checked; raises EtlError naming the block and key."""
    if not raw:
        return ()
    blocks = read_blocks(raw, "assessments", src, text, _block)
    seen: dict[int, AssessmentConfig] = {}
    for b in blocks:
        first = seen.setdefault(b.round, b)
        if first is not b:
            raise EtlError(f"{src}: [assessments #{b.number}] round {b.round} is also the round of "
                           f"[assessments #{first.number}]. Fix: give each round one block (one glob "
                           "can match every form of the round).")
    return blocks
