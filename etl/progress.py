"""Progress bars for long ETL steps; quiet when output is not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

Advance = Callable[[int], None]


def interactive() -> bool:
    """True when stdout is a terminal (bars would otherwise litter logs)."""
    return sys.stdout.isatty()


@contextmanager
def progress_bar(
    description: str, total: int | None, enabled: bool | None = None
) -> Iterator[Advance]:
    """Yield ``advance(n)``; draws a transient bar only on a terminal."""
    if not (interactive() if enabled is None else enabled):
        yield lambda n: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n: bar.advance(task, n)
