"""`wellbeing export profile`: one area's profile to a file, or all prioritized areas to a folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from reports import FORMATS, check_format, check_lang, render_profile
from reports.errors import ExportError
from settings.languages import LANGS
from store.engine import read_database_url
from store.read import Snapshot
from wellbeing.errors import USAGE, errors_to_exit, fail, store_shown
from wellbeing.etl_commands import CityOpt


def check_options(area: str | None, all_prioritized: bool, fmt: str, lang: str, out: Path) -> None:
    """Conflicting or missing options fail before anything is read."""
    if area and all_prioritized:
        raise ExportError("give either --area CODE or --all-prioritized, not both.")
    if not area and not all_prioritized:
        raise ExportError("give --area CODE (one profile to a file) or --all-prioritized "
                          "(every prioritized area to a folder).")
    spec = check_format(fmt)
    check_lang(lang)
    if area:
        if out.is_dir():
            raise ExportError(f"--out {out} is a folder; with --area give a file name, "
                              f"e.g. --out {out / ('profile.' + spec.extension)}.")
        if out.suffix.lower() != "." + spec.extension:
            raise ExportError(f"--out {out} does not end in .{spec.extension} but --format is "
                              f"{spec.name}. Fix: name the file *.{spec.extension} or change --format.")
    elif out.exists() and not out.is_dir():
        raise ExportError(f"--out {out} is a file; with --all-prioritized give a folder "
                          "(it is created when missing).")
    elif not out.exists() and out.suffix.lower().lstrip(".") in {f.lower() for f in FORMATS}:
        raise ExportError(f"--out {out} looks like a file name; with --all-prioritized give a "
                          f"folder, e.g. --out {out.with_suffix('')} (it is created when missing).")


def _load(comparator: str, city: str | None) -> tuple[Snapshot, pd.DataFrame]:
    """The snapshot of the store's city (or of ``city``, a city of a many-city store), read
    at one instant, and its comparison table; an unknown ``comparator`` is a usage error
    listing the valid ones."""
    from presentation.comparisons import comparison_table_of
    from reports.judgements import check_comparator
    from store.cities import store_engine
    from store.read import read_snapshot

    snapshot = read_snapshot(store_engine(city, read_database_url()), with_geometry=True)
    try:
        check_comparator(snapshot, comparator)
    except ExportError as exc:
        raise fail(str(exc), USAGE) from exc
    return snapshot, comparison_table_of(snapshot)


def _single(area: str, fmt: str, lang: str, out: Path, comparator: str, city: str | None) -> None:
    snapshot, table = _load(comparator, city)
    content, _, _ = render_profile(snapshot, table, area, fmt, lang, comparator=comparator)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    typer.echo(f"Wrote {out} ({len(content) / 1024:.0f} KiB).")


def _batch(fmt: str, lang: str, out: Path, jobs: int | None, comparator: str,
           city: str | None) -> None:
    from reports.batch import Written, export_batch, prioritized_codes

    snapshot, table = _load(comparator, city)
    codes = prioritized_codes(snapshot)
    if not codes:
        raise ExportError("the store has no prioritized areas. Fix: list their codes under "
                          "[prioritized] codes = [...] in the city configuration and load it again.")
    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=not console.is_terminal) as progress:
        task = progress.add_task(f"{fmt.upper()} profiles", total=len(codes))

        def advance(_: Written) -> None:
            progress.advance(task)

        written = export_batch(snapshot, table, codes, fmt, lang, out, jobs, on_done=advance,
                               comparator=comparator)
    failed = [w for w in written if w.error]
    typer.echo(f"Wrote {len(written) - len(failed)} of {len(codes)} profiles to {out}.")
    if failed:
        for w in failed:
            typer.echo(f"Error: {w.area_code}: {w.error}", err=True)
        raise typer.Exit(1)


def export_profile(
    area: str | None = typer.Option(None, "--area", help="Code of the area to export."),
    all_prioritized: bool = typer.Option(
        False, "--all-prioritized", help="Export every prioritized area into the --out folder."),
    fmt: str = typer.Option("pdf", "--format", help=f"File format: {', '.join(FORMATS)}."),
    lang: str = typer.Option("sv", "--lang", help=f"Language of the report: {', '.join(LANGS)}."),
    out: Path = typer.Option(  # noqa: B008 - Typer declares options as defaults
        ..., "--out", help="File (with --area) or folder (with --all-prioritized)."),
    jobs: int | None = typer.Option(
        None, "--jobs", min=1, help="Processes for --all-prioritized (default: up to 2 cores)."),
    comparator: str = typer.Option(
        "city", "--comparator", help="What the judgements (better, similar, worse) compare "
        "with: city, rest (the rest of the city), parent (the parent district) or the code of "
        "a national or regional comparator in the store, e.g. SE."),
    city: CityOpt = None,
) -> None:
    """Area profiles as PDF, HTML, XLSX or CSV: one area, or all prioritized areas.

    A profile holds a cover, a summary, what the area has (resources, arenas, initiatives, residents' view; when the city gives notes), tables by domain (with the national value when the store has one), spine and trend charts, inequality within the city (when the city names a deprivation measure), the breakdown by sex, data-quality notes and an appendix of definitions and methods. It says which comparator its judgements use.
    """
    try:
        check_options(area, all_prioritized, fmt, lang, out)
    except ExportError as exc:
        raise fail(str(exc), USAGE) from exc
    fmt = fmt.lower()
    shown = store_shown(read_database_url())
    with errors_to_exit(shown):
        if area:
            _single(area, fmt, lang, out, comparator, city)
        else:
            _batch(fmt, lang, out, jobs, comparator, city)
    typer.echo(f"Store: {shown}" + (f", city {city}" if city else ""))
