"""Where every benchmark writes its figures: benchmarks/results/<name>.json (git-ignored)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent / "results"


def write_results(name: str, result: dict[str, Any], quick: bool = False) -> Path:
    """Write ``result`` as results/<name>.json (<name>-quick.json for a smoke run)."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / f"{name}{'-quick' if quick else ''}.json"
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return path
