"""Every domain the bundled examples' catalogues name has words in Swedish, Polish and
English (a domain without them shows as its code, tidied, in every language)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from presentation.i18n import DOMAIN_ALIASES, has

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CATALOGUES = sorted(EXAMPLES.glob("*/catalogue.csv"))


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.parent.name)
def test_every_domain_of_the_example_has_words(catalogue: Path) -> None:
    with catalogue.open(encoding="utf-8", newline="") as f:
        domains = {row["domain"].strip().lower().replace("-", "_").replace(" ", "_") for row in csv.DictReader(f)}
    assert domains
    assert sorted(d for d in domains if not has(f"domain.{DOMAIN_ALIASES.get(d, d)}")) == []


def test_there_are_example_catalogues() -> None:
    assert len(CATALOGUES) >= 2
