"""``[programme]`` of the city configuration: the files of the programme register.

OWNED BY the programme-register work (issue #13): programmes, goals, targets,
institutions and initiatives. ``read_programme_config`` checks the keys' shape;
``etl.programme_register`` reads the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.errors import EtlError


@dataclass(frozen=True)
class ProgrammeConfig:
    """The ``[programme]`` block."""

    def paths(self) -> list[tuple[str, Path]]:
        """(kind, path) of its files, for the batch's file list and fingerprint."""
        return []


def read_programme_config(raw: Any, src: Path, text: str) -> ProgrammeConfig | None:
    """The ``[programme]`` block, or None when the city has none."""
    if not raw:
        return None
    raise EtlError(f"{src}: [programme] is not supported yet.")
