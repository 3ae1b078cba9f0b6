"""One full ETL run in its own process, so its peak memory can be measured.

``python -m benchmarks.etl.child CONFIG URL`` runs ``etl.pipeline.run(force=True)``
and prints JSON: seconds spent in each step (from the pipeline's own step
messages) and the number of values loaded.
"""

from __future__ import annotations

import itertools
import json
import logging
import sys
import time

from etl.pipeline import run
from store.engine import make_engine

STEPS = {
    "Boundaries": "read_boundaries",
    "Catalogue": "read_catalogue",
    "Tables": "read_tables",
    "Validation": "validate",
}


class Materialising(logging.Handler):
    """Adds up the seconds ``etl.comparisons`` reports."""

    def __init__(self) -> None:
        super().__init__()
        self.seconds = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        self.seconds += float(getattr(record, "materialise_s", 0.0))


def main(config: str, url: str) -> None:
    marks: list[tuple[str, float]] = [("start", time.perf_counter())]

    def say(message: str) -> None:
        marks.append((STEPS.get(message.split(":", 1)[0], "load"), time.perf_counter()))

    materialise = Materialising()
    logging.getLogger("etl.comparisons").addHandler(materialise)
    logging.getLogger("etl.comparisons").setLevel(logging.INFO)
    engine = make_engine(url)
    result = run(config, engine, force=True, say=say)
    marks.append(("load", time.perf_counter()))
    steps: dict[str, float] = {}
    for (_, before), (name, after) in itertools.pairwise(marks):
        steps[name] = steps.get(name, 0.0) + after - before
    # the comparison table and display geometry made and written inside the load (issue 14):
    # a step of its own, so that "load" stays the values' and areas' load it was before
    steps["load"] -= materialise.seconds
    steps["materialise"] = materialise.seconds
    engine.dispose()
    print(json.dumps({"steps": steps, "values": result.values, "areas": result.areas}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
