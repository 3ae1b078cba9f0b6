"""Domain errors of the ETL: every problem says file, row, column, value and fix.

Input text never reaches a message whole: a value is shown as a short excerpt
(``excerpt``: at most ``EXCERPT`` characters, control and invisible characters
escaped as in ``repr``, the full length said when cut), a message or fix is
escaped and cut at ``TEXT_LIMIT`` characters, and what a load batch stores is
cut at ``BATCH_MESSAGE_LIMIT`` characters (``stored_message``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

EXCERPT = 60  # characters of a value shown in a message
TEXT_LIMIT = 600  # characters of a message or a fix
BATCH_MESSAGE_LIMIT = 4_000  # characters of load_batches.message


def _escaped(char: str, quote: str) -> str:
    """One character as ``repr`` writes it inside ``quote`` quotes."""
    if char == quote or char == "\\":
        return "\\" + char
    return char if char.isprintable() else repr(char)[1:-1]


def excerpt(value: object, limit: int = EXCERPT) -> str:
    """``value`` for a message: quoted and escaped like ``repr``, cut after ``limit`` characters.

    ``excerpt("a" * 200)`` is ``'aaa…' (200 characters)``; only the first
    ``limit`` characters are looked at, so a 200 MB cell costs nothing.
    """
    if not isinstance(value, str):
        shown = repr(value)
        return shown if len(shown) <= limit else f"{shown[:limit]}… ({len(shown):,} characters)"
    head = value[:limit]
    quote = '"' if "'" in head and '"' not in head else "'"
    out: list[str] = []
    used = 0
    for char in head:
        piece = _escaped(char, quote)
        if used + len(piece) > limit:
            break
        out.append(piece)
        used += len(piece)
    cut = len(out) < len(value)
    body = "".join(out)
    return f"{quote}{body}…{quote} ({len(value):,} characters)" if cut else f"{quote}{body}{quote}"


def listing(values: Iterable[object], limit: int = 20, quote: bool = True) -> str:
    """``'a', 'b', 'c'`` of at most ``limit`` excerpts (``quote=False``: ``a, b, c``,
    escaped and cut but not quoted), then how many more there are."""
    values = list(values)
    show = excerpt if quote else (lambda v: printable(str(v), EXCERPT))
    shown = ", ".join(show(v) for v in values[:limit])
    return shown + (f" and {len(values) - limit:,} more" if len(values) > limit else "")


def printable(text: str, limit: int = TEXT_LIMIT, keep: str = "") -> str:
    """``text`` with every non-printable character (but those in ``keep``) escaped, cut at ``limit``."""
    head = text[: limit + 1]
    if not head.isprintable():
        head = "".join(c if c.isprintable() or c in keep else repr(c)[1:-1] for c in head)
    if len(head) <= limit and len(text) <= limit:
        return head
    return f"{head[:limit]}… ({len(text):,} characters)"


def reason(error: BaseException, limit: int = 200) -> str:
    """The first line of ``error``'s message, escaped and cut: never a driver's SQL or data."""
    lines = str(error).strip().splitlines()
    return printable(lines[0] if lines else type(error).__name__, limit)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file.

    ``row`` is the 1-based line number in the file as the analyst sees it in an
    editor or spreadsheet (header = line 1), or None when the problem is not
    tied to a row. ``column`` is the source column name (or None). ``value``
    is kept as read; ``str()`` shows it as a short excerpt.
    """

    file: str
    message: str
    fix: str
    row: int | None = None
    column: str | None = None
    value: object = None
    severity: str = "error"  # "error" stops the load, "warning" is reported only

    def __str__(self) -> str:
        where = printable(self.file)
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column {excerpt(self.column)}"
        shown = "" if self.value is None else f" (value: {excerpt(self.value)})"
        return f"{where}: {printable(self.message)}{shown}. Fix: {printable(self.fix)}"


class EtlError(Exception):
    """The ETL cannot go on; the message says what is wrong and how to fix it."""


class ValidationError(EtlError):
    """All problems found in the inputs, reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = [p for p in problems if p.severity == "error"]
        self.warnings = [p for p in problems if p.severity != "error"]
        lines = [f"{len(self.problems)} problem(s) found; nothing was loaded:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


def stored_message(error: BaseException | str, limit: int = BATCH_MESSAGE_LIMIT) -> str:
    """What a load batch keeps of ``error``: at most ``limit`` characters, escaped.

    A ``ValidationError`` keeps whole problem lines and says how many were left out.
    """
    if not isinstance(error, ValidationError):
        return printable(str(error), limit - 40, keep="\n")
    lines = str(error).split("\n")
    kept, size = [lines[0]], len(lines[0])
    for line in lines[1:]:
        if size + 1 + len(line) > limit - 120:
            break
        kept.append(line)
        size += 1 + len(line)
    left = len(lines) - len(kept)
    if left:
        kept.append(f"  ... and {left} more problem(s) left out of this message; "
                    "`wellbeing etl validate CONFIG` lists them all.")
    return "\n".join(kept)
