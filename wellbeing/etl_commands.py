"""`wellbeing etl validate|run|status` and `wellbeing demo`: load a city's files into the store.

Errors become a clear message and a non-zero exit (wellbeing.errors), never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wellbeing.errors import console, errors_to_exit, print_problems, say, store_shown

etl_app = typer.Typer(help="Load a city's boundaries and indicator tables into the store.",
                      no_args_is_help=True)

ConfigArg = Annotated[Path, typer.Argument(help="The city's TOML configuration (docs/config.md).")]
CityOpt = Annotated[str | None, typer.Option(
    "--city", help="The city of a many-city store, by its key (lower-case letters, digits, _; "
    "e.g. boras); a load leaves the store's other cities untouched. Without it: the store's "
    "own city, as in a one-city store.")]


@etl_app.command("validate")
def validate_command(config: ConfigArg) -> None:
    """Read and check every file of CONFIG; write nothing. Exit 1 on errors."""
    from etl.pipeline import validate

    out = console()
    with errors_to_exit():
        report = validate(config, say=say(out))
    print_problems(out, "Warnings", report.warnings)
    out.print(f"Valid: {report.summary()}", markup=False, soft_wrap=True, style="green")


@etl_app.command("run")
def run_command(
    config: ConfigArg,
    force: Annotated[bool, typer.Option("--force", help="Load even if these exact files are already loaded.")] = False,
    city: CityOpt = None,
) -> None:
    """Validate CONFIG and replace the store's city (or, with --city, that city of a
    many-city store) in one transaction (DATABASE_URL)."""
    from etl.pipeline import run
    from store.cities import check_slug

    out = console()
    shown = store_shown()
    with errors_to_exit(shown):
        if city is not None:
            check_slug(city)  # before anything is read or said
    say(out)(f"Store: {shown}" + (f", city {city}" if city else ""))
    with errors_to_exit(shown):
        result = run(config, force=force, say=say(out), city=city)
    print_problems(out, "Warnings", result.warnings)
    if not result.unchanged:
        print_problems(out, "Not compared", _uncompared(city))
        out.print("Done.", markup=False, soft_wrap=True, style="green")


@etl_app.command("status")
def status_command(
    batches: Annotated[int, typer.Option(help="How many load batches to show.")] = 10,
    city: CityOpt = None,
) -> None:
    """Show load batches, areas, prioritized areas, indicators, periods and value counts."""
    from etl.errors import EtlError
    from etl.status import read_status, render_status
    from store.cities import store_engine
    from store.migrate import has_tables

    out = console()
    shown = store_shown() + (f", city {city}" if city else "")
    with errors_to_exit(shown):
        engine = store_engine(city)  # keyed by URL: DATABASE_URL may change
        if not has_tables(engine):
            raise EtlError(f"the store {shown} has no tables yet. "
                           "Fix: run `wellbeing etl run CONFIG` or `wellbeing demo`.")
        status = read_status(engine, batches)
    out.print(f"Store: {shown}", markup=False, soft_wrap=True)
    render_status(status, out)


def demo_command(
    force: bool = typer.Option(
        False, "--force",
        help="Load the demo city even when the store already holds data (replaces that city).",
    ),
) -> None:
    """Load the synthetic demo city (Exempelstad) into an empty store (DATABASE_URL)."""
    from etl.demo import load_demo

    out = console()
    shown = store_shown()
    say(out)(f"Store: {shown}")
    with errors_to_exit(shown):
        result = load_demo(force=force, say=say(out))
    if result is None:
        return
    print_problems(out, "Warnings", result.warnings)
    if not result.unchanged:
        print_problems(out, "Not compared", _uncompared())
        out.print(f"Demo city loaded into {shown}.", markup=False, style="green")


def _uncompared(city: str | None = None) -> list[str]:
    """Indicators of the loaded store (or city) whose every area is "not compared", with why."""
    from presentation.comparisons import comparison_table_of
    from presentation.load_check import uncompared
    from store.cities import store_engine
    from store.engine import read_database_url
    from store.read import read_snapshot

    snapshot = read_snapshot(store_engine(city, read_database_url()))
    return uncompared(snapshot, comparison_table_of(snapshot))
