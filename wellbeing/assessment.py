"""`wellbeing assessment`: the collaboration self-assessment's blank form (issue #13)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from settings.languages import LANGS

assessment_app = typer.Typer(help="The collaboration self-assessment (Healthy Boost).",
                             no_args_is_help=True)


@assessment_app.command("template")
def template(
    out: Annotated[Path, typer.Option("--out", help="XLSX file to write, e.g. form.xlsx.")],
    lang: Annotated[str, typer.Option("--lang", help="Language of the form: sv, pl or en.")] = "sv",
    round_: Annotated[int | None, typer.Option("--round", help="Year of the round, written "
                                               "into the form (else the respondent fills it in).")] = None,
) -> None:
    """Write the blank self-assessment form (one per respondent): sector, department, round and
    the 18 statements by dimension, each scored 1-5. It has no field for a name."""
    from etl.assessment_form import QUESTIONNAIRE_VERSION, statements_frame
    from presentation.assessment_template import form_xlsx
    from wellbeing.errors import USAGE, errors_to_exit, fail

    if lang not in LANGS:
        raise fail(f"unknown language {lang!r}. Fix: use one of {', '.join(LANGS)}.", USAGE)
    if out.is_dir():
        raise fail(f"--out {out} is a folder. Fix: give a file name, e.g. --out {out / 'form.xlsx'}.",
                   USAGE)
    if out.suffix.lower() != ".xlsx":
        raise fail(f"--out {out} does not end in .xlsx. Fix: name the file *.xlsx.", USAGE)
    if round_ is not None and not 1990 <= round_ <= 2100:
        raise fail(f"--round {round_} is not a year. Fix: give the year of the round, e.g. 2025.", USAGE)
    with errors_to_exit():
        out.write_bytes(form_xlsx(statements_frame(), lang, QUESTIONNAIRE_VERSION, round_))
    typer.echo(f"Wrote the self-assessment form ({lang}) to {out}.")
