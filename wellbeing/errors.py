"""Errors a user can hit from the command line, turned into a message and an exit code.

Commands wrap their work in ``errors_to_exit()``: a domain error, a store that is down
or has no tables, or an output path that cannot be written ends the command with
"Error: ..." on stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

STORE_FIX = ("Fix: check DATABASE_URL and that the database is running; "
             "`wellbeing db upgrade` creates the tables and `wellbeing demo` or "
             "`wellbeing etl run CONFIG` loads a city.")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``Error: message`` on stderr; return the Exit to raise."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


def store_failure(exc: Exception) -> str:
    """The first line of a database error, with what to check."""
    lines = str(exc).strip().splitlines() or [type(exc).__name__]
    return f"the store failed ({lines[0]}). {STORE_FIX}"


def write_failure(exc: OSError) -> str:
    """An output file or folder that cannot be written."""
    return (f"cannot write {exc.filename}: {exc.strerror or exc}. "
            "Fix: give --out a path in a folder you can write to.")


@contextmanager
def errors_to_exit(*domain_errors: type[Exception]) -> Iterator[None]:
    """Domain, store and file errors -> ``Error: ...`` on stderr and exit 1."""
    from sqlalchemy.exc import SQLAlchemyError

    from store.engine import StoreError

    domain: tuple[type[Exception], ...] = (StoreError, *domain_errors)
    try:
        yield
    except domain as exc:
        raise fail(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise fail(store_failure(exc)) from exc
    except OSError as exc:
        raise fail(write_failure(exc)) from exc
