"""`wellbeing etl validate|run|status`: load a city's files into the store.

Errors become a clear message and a non-zero exit, never a traceback.
``demo_command`` (``wellbeing demo``) lives in etl.demo and is re-exported here
lazily, so this module imports without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from etl.errors import EtlError, Problem, ValidationError

etl_app = typer.Typer(help="Load a city's boundaries and indicator tables into the store.",
                      no_args_is_help=True)

ConfigArg = Annotated[Path, typer.Argument(help="The city's TOML configuration (docs/config.md).")]


def __getattr__(name: str) -> Any:
    if name == "demo_command":
        from etl.demo import demo_command

        return demo_command
    raise AttributeError(name)


def _console(stderr: bool = False) -> Console:
    console = Console(stderr=stderr, highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 120)  # logs and pipes: do not squeeze tables
    return console


def _say(console: Console) -> Callable[[str], None]:
    return lambda message: console.print(message, markup=False, soft_wrap=True)


def _print_problems(console: Console, title: str, problems: list[Problem]) -> None:
    if problems:
        console.print(f"{title} ({len(problems)}):", markup=False, soft_wrap=True, style="bold")
        for problem in problems:
            console.print(f"  - {problem}", markup=False, soft_wrap=True)


@contextmanager
def _errors_to_exit() -> Iterator[None]:
    """Domain and store errors -> message on stderr and exit 1; no traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    from store.engine import StoreError

    err = _console(stderr=True)
    try:
        yield
    except ValidationError as exc:
        _print_problems(err, "Errors", exc.problems)
        _print_problems(err, "Warnings", exc.warnings)
        err.print(f"{len(exc.problems)} error(s): nothing was loaded.", markup=False, soft_wrap=True, style="red")
        raise typer.Exit(1) from exc
    except (EtlError, StoreError) as exc:
        err.print(f"Error: {exc}", markup=False, soft_wrap=True, style="red")
        raise typer.Exit(1) from exc
    except SQLAlchemyError as exc:
        first = str(exc).splitlines()[0]
        err.print(f"Error: the store failed ({first}). Fix: check DATABASE_URL and that the "
                  "database is running; `wellbeing db upgrade` creates the tables.",
                  markup=False, soft_wrap=True, style="red")
        raise typer.Exit(1) from exc


@etl_app.command("validate")
def validate_command(config: ConfigArg) -> None:
    """Read and check every file of CONFIG; write nothing. Exit 1 on errors."""
    from etl.pipeline import validate

    out = _console()
    with _errors_to_exit():
        report = validate(config, say=_say(out))
    _print_problems(out, "Warnings", report.warnings)
    out.print(f"Valid: {report.summary()}", markup=False, soft_wrap=True, style="green")


@etl_app.command("run")
def run_command(
    config: ConfigArg,
    force: Annotated[bool, typer.Option("--force", help="Load even if these exact files are already loaded.")] = False,
) -> None:
    """Validate CONFIG and replace the store's city in one transaction (DATABASE_URL)."""
    from etl.pipeline import run

    out = _console()
    with _errors_to_exit():
        result = run(config, force=force, say=_say(out))
    _print_problems(out, "Warnings", result.warnings)
    if not result.unchanged:
        out.print("Done.", markup=False, soft_wrap=True, style="green")


@etl_app.command("status")
def status_command(
    batches: Annotated[int, typer.Option(help="How many load batches to show.")] = 10,
) -> None:
    """Show load batches, areas, prioritized areas, indicators, periods and value counts."""
    from etl.status import read_status, render_status
    from store.engine import database_url, get_engine
    from store.migrate import has_tables

    out = _console()
    with _errors_to_exit():
        engine = get_engine(database_url())  # keyed by URL: DATABASE_URL may change
        if not has_tables(engine):
            raise EtlError(f"the store at {database_url()} has no tables yet. "
                           "Fix: run `wellbeing etl run CONFIG` or `wellbeing demo`.")
        render_status(read_status(engine, batches), out)
