"""``[[places]]`` of the city configuration: resources and arenas as points.

OWNED BY the places work (issue #13). ``read_places_config`` checks the keys' shape;
``etl.places`` reads the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.errors import EtlError


@dataclass(frozen=True)
class PlacesConfig:
    """One ``[[places]]`` block."""

    path: Path

    def paths(self) -> list[tuple[str, Path]]:
        return [("places", self.path)]


def read_places_config(raw: Any, src: Path, text: str) -> tuple[PlacesConfig, ...]:
    if not raw:
        return ()
    raise EtlError(f"{src}: [[places]] is not supported yet.")
