"""``[[assessments]]`` of the city configuration: rounds of the collaboration
self-assessment.

OWNED BY the self-assessment work (issue #13). ``read_assessment_config`` checks the
keys' shape; ``etl.assessment`` reads the filled forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.errors import EtlError


@dataclass(frozen=True)
class AssessmentConfig:
    """One ``[[assessments]]`` block (one round)."""

    round: int

    def paths(self) -> list[tuple[str, Path]]:
        return []


def read_assessment_config(raw: Any, src: Path, text: str) -> tuple[AssessmentConfig, ...]:
    if not raw:
        return ()
    raise EtlError(f"{src}: [[assessments]] is not supported yet.")
