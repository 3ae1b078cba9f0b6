"""The one adapter from errors to what a user sees on the command line.

Every command wraps its work in ``errors_to_exit()``. A domain error (``EtlError``,
``ValidationError``, ``ExportError``, ``IndicatorError``, ``StoreError``), a store that
is down or an output path that cannot be written ends the command with ``Error: ...``
on stderr and exit code 1, never a traceback. A ``ValidationError`` lists every
problem (and warning) first, then says that nothing was loaded. Wrong or conflicting
options end with exit code 2 (``fail(message, USAGE)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import typer
from rich.console import Console

FAILURE = 1
USAGE = 2
STORE_FIX = ("Fix: check DATABASE_URL and that the database is running; "
             "`wellbeing db upgrade` creates the tables and `wellbeing demo` or "
             "`wellbeing etl run CONFIG` loads a city.")


def console(stderr: bool = False) -> Console:
    """A console that never squeezes tables into a log or a pipe."""
    out = Console(stderr=stderr, highlight=False)
    if not out.is_terminal:
        out.width = max(out.width, 120)
    return out


def store_shown(url: str | None = None) -> str:
    """The store's URL as printed (password hidden), without printing it."""
    from store.engine import shown_url

    return shown_url(url)


def say(out: Console) -> Callable[[str], None]:
    """Progress lines printed as they are (no markup)."""
    return lambda message: out.print(message, markup=False, soft_wrap=True)


def print_problems(out: Console, title: str, problems: Sequence[object]) -> None:
    if problems:
        out.print(f"{title} ({len(problems)}):", markup=False, soft_wrap=True, style="bold")
        for problem in problems:
            out.print(f"  - {problem}", markup=False, soft_wrap=True)


def fail(message: str, code: int = FAILURE) -> typer.Exit:
    """Print ``Error: message`` on stderr; return the Exit to raise."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


def store_failure(exc: Exception, store: str | None = None) -> str:
    """The first line of a database error, with the store (password hidden) and what to check."""
    lines = str(exc).strip().splitlines() or [type(exc).__name__]
    which = f" {store}" if store else ""
    return f"the store{which} failed ({lines[0]}). {STORE_FIX}"


def write_failure(exc: OSError) -> str:
    """An output file or folder that cannot be written."""
    return (f"cannot write {exc.filename}: {exc.strerror or exc}. "
            "Fix: give --out a path in a folder you can write to.")


def _domain_errors() -> tuple[type[Exception], ...]:
    from etl.errors import EtlError
    from indicators.errors import IndicatorError
    from reports.errors import ExportError
    from store.engine import StoreError

    return (EtlError, ExportError, IndicatorError, StoreError)


@contextmanager
def errors_to_exit(store: str | None = None) -> Iterator[None]:
    """Domain, store and file errors -> ``Error: ...`` on stderr and exit 1; a database error
    names ``store`` (``store.engine.shown_url``: the password hidden)."""
    from sqlalchemy.exc import SQLAlchemyError

    from etl.errors import ValidationError

    try:
        yield
    except ValidationError as exc:
        err = console(stderr=True)
        print_problems(err, "Errors", exc.problems)
        print_problems(err, "Warnings", exc.warnings)
        raise fail(f"{len(exc.problems)} error(s): nothing was loaded.") from exc
    except _domain_errors() as exc:
        raise fail(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise fail(store_failure(exc, store)) from exc
    except OSError as exc:
        raise fail(write_failure(exc)) from exc
