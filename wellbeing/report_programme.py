"""`wellbeing report programme`: a programme's annual implementation report to a file."""

from __future__ import annotations

from pathlib import Path

import typer

from reports.errors import ExportError
from settings.languages import LANGS
from wellbeing.errors import USAGE, errors_to_exit, fail, store_shown
from wellbeing.etl_commands import CityOpt

FORMATS = ("pdf", "html", "xlsx")


def check_out(fmt: str, lang: str, out: Path) -> str:
    """The format in lower case; a wrong format, language or file name fails up front."""
    from reports import check_lang
    from reports.programme_report import check_report_format

    name = check_report_format(fmt)
    check_lang(lang)
    if out.is_dir():
        raise ExportError(f"--out {out} is a folder. Fix: give a file name, "
                          f"e.g. --out {out / ('report.' + name)}.")
    if out.suffix.lower() != f".{name}":
        raise ExportError(f"--out {out} does not end in .{name} but --format is {name}. "
                          f"Fix: name the file *.{name} or change --format.")
    return name


def report_programme(
    programme: str = typer.Option(..., "--programme", help="Id of the programme (as in the register)."),
    year: int | None = typer.Option(
        None, "--year", help="Report year (default: the programme's latest year, up to this year)."),
    fmt: str = typer.Option("pdf", "--format", help=f"File format: {', '.join(FORMATS)}."),
    lang: str = typer.Option("sv", "--lang", help=f"Language of the report: {', '.join(LANGS)}."),
    out: Path = typer.Option(..., "--out", help="The file to write."),  # noqa: B008 - Typer options
    city: CityOpt = None,
) -> None:
    """A programme's annual implementation report as PDF, HTML or XLSX.

    It holds a one-page summary (goals with their targets achieved, on track and off track; initiatives by status; areas covered; budget and people reached), each goal with its indicators in the prioritized areas and the city (baseline, latest value, target, progress, trend), the initiatives active in the year by area and sector, a map of where they run, and the method and sources. An unknown programme lists the valid ids; a year outside the programme's years says which years it runs.
    """
    from presentation.comparisons import comparison_table_of
    from reports.programme_report import render_programme_report
    from store.cities import store_engine
    from store.engine import read_database_url
    from store.read import read_snapshot

    try:
        fmt = check_out(fmt, lang, out)
    except ExportError as exc:
        raise fail(str(exc), USAGE) from exc
    shown = store_shown(read_database_url())
    with errors_to_exit(shown):
        snapshot = read_snapshot(store_engine(city, read_database_url()), with_geometry=True)
        content, _, _ = render_programme_report(snapshot, comparison_table_of(snapshot), programme,
                                                year, fmt, lang)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
    typer.echo(f"Wrote {out} ({len(content) / 1024:.0f} KiB).")
    typer.echo(f"Store: {shown}" + (f", city {city}" if city else ""))
