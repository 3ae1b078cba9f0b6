"""The engine's domain error: every problem says frame, row, column, value and fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputProblem:
    """One thing wrong with an input frame.

    ``frame`` is ``values``, ``catalogue`` or ``areas``; ``row`` is the 0-based
    position in that frame (None when the problem is not tied to a row).
    """

    frame: str
    message: str
    fix: str
    row: int | None = None
    column: str | None = None
    value: object = None

    def __str__(self) -> str:
        where = f"{self.frame} frame"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        shown = "" if self.value is None else f" (value: {self.value!r})"
        return f"{where}: {self.message}{shown}. Fix: {self.fix}"


class IndicatorError(ValueError):
    """The inputs cannot be turned into a comparison table; lists every problem found."""

    def __init__(self, problems: list[InputProblem]) -> None:
        self.problems = problems
        lines = [f"{len(problems)} problem(s) in the indicator inputs:"]
        lines += [f"  - {p}" for p in problems]
        super().__init__("\n".join(lines))
