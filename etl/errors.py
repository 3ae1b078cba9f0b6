"""Domain errors of the ETL: every problem says file, row, column, value and fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file.

    ``row`` is the 1-based line number in the file as the analyst sees it in an
    editor or spreadsheet (header = line 1), or None when the problem is not
    tied to a row. ``column`` is the source column name (or None).
    """

    file: str
    message: str
    fix: str
    row: int | None = None
    column: str | None = None
    value: object = None
    severity: str = "error"  # "error" stops the load, "warning" is reported only

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        shown = "" if self.value is None else f" (value: {self.value!r})"
        return f"{where}: {self.message}{shown}. Fix: {self.fix}"


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
