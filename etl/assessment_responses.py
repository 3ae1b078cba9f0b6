"""Reading a collated responses table of a self-assessment round (``responses`` of an
``[[assessments]]`` block): CSV or XLSX, one row per respondent, columns ``sector`` (a
code of store.programme_schema.RESPONDENT_SECTORS), ``department`` (optional), ``round``
(optional, must be the block's) and one column per statement id with the scores 1-5
(empty: don't know). A column of names is refused: no names are stored.
"""

from __future__ import annotations

from pathlib import Path

from etl.assessment_check import Respondent, score_of, sector_fix, sector_of
from etl.assessment_config import AssessmentConfig
from etl.assessment_form import STATEMENTS
from etl.assessment_read import NAME_LABEL
from etl.checks import close_matches
from etl.errors import Problem, listing
from etl.readers import display_name, open_table, read_all
from store.programme_schema import RESPONDENT_SECTORS

KNOWN = ("sector", "department", "round")
CODES = {c: c for c in RESPONDENT_SECTORS}


def read_responses(block: AssessmentConfig, path: Path, base: Path) -> tuple[list[Respondent], list[Problem], int]:
    """The respondents of the table, every problem found, and the data rows read."""
    file = display_name(path, base)
    table = open_table(path, file)
    problems = list(table.problems)
    if problems:
        return [], problems, 0
    frame, lines = read_all(table)
    ids = [s.id for s in STATEMENTS]
    columns = [str(c).strip() for c in table.columns]
    frame.columns = columns
    for name in columns:
        if NAME_LABEL.match(name):
            problems.append(Problem(file, "has a column of names: no names are stored", "delete the "
                                    "column (answers are anonymous) and load again",
                                    row=table.header_line, column=name))
        elif name not in KNOWN and name not in ids:
            problems.append(Problem(file, "unknown column", f"use sector, department, round and the "
                                    f"statement ids {', '.join(ids)}{close_matches(name, [*KNOWN, *ids])}",
                                    row=table.header_line, column=name))
    missing = [c for c in ("sector", *ids) if c not in columns]
    if missing:
        problems.append(Problem(file, f"lacks column(s) {listing(missing)}", "add a column per statement "
                                "id and one of the respondents' sectors", row=table.header_line))
    if problems:
        return [], problems, len(frame)
    respondents = []
    for (_, row), line in zip(frame.iterrows(), lines, strict=True):
        before = len(problems)
        sector, wrong = sector_of(row["sector"], CODES)
        if wrong:
            problems.append(Problem(file, wrong, sector_fix(row["sector"], CODES, "by its code"),
                                    row=int(line), column="sector", value=row["sector"] or None))
        if "round" in columns and str(row["round"]).strip() not in ("", str(block.round)):
            problems.append(Problem(file, f"the row is of another round than {block.label}", "move the "
                                    "row to its round's table, or correct the round", row=int(line),
                                    column="round", value=row["round"]))
        scores: dict[str, int | None] = {}
        for sid in ids:
            scores[sid], bad = score_of(row[sid])
            if bad:
                problems.append(Problem(file, f"score {bad}", "write a whole number from 1 to 5, or "
                                        "leave the cell empty (don't know)", row=int(line), column=sid,
                                        value=row[sid]))
        if len(problems) == before and sector is not None:
            department = str(row.get("department", "")).strip() or None
            respondents.append(Respondent(f"{file}, row {int(line)}", sector, department, scores))
    return respondents, problems, len(frame)
