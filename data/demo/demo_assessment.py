"""The demo's collaboration self-assessment: filled forms of two rounds (2023 and 2025).

Each respondent's form is written with the atlas's own template writer
(presentation.assessment_template) into data/demo/assessment/<round>/, named
``svar_NN.xlsx`` (no names anywhere). Scores come from a fixed seed: each sector has its
own level per dimension (so the sectors disagree somewhere), respondents vary around it,
some leave a statement empty (don't know), and round 2025 is better on participation,
best practices and motivation. Non-governmental organisations answer with two
respondents in each round, fewer than the three a group needs to be shown on its own.
"""

from __future__ import annotations

import random
from pathlib import Path

from demo_writers import write_reproducible_zip

from etl.assessment_form import QUESTIONNAIRE_VERSION, STATEMENTS, statements_frame
from presentation.assessment_template import Answers, form_xlsx

FOLDER = Path("data/demo/assessment")
SEED = 13
# Respondents per sector in each round (ngo: 2, shown only within all respondents).
PANEL = {
    2023: {"education": 4, "social_welfare": 3, "health_care": 4, "urban_planning": 3,
           "culture_leisure": 3, "ngo": 2},
    2025: {"education": 4, "social_welfare": 4, "health_care": 3, "urban_planning": 3,
           "culture_leisure": 3, "ngo": 2},
}
DEPARTMENTS = {
    "education": ("Utbildningsförvaltningen", "Grundskola Hjortkullen"),
    "social_welfare": ("Socialförvaltningen", "Familjecentralen"),
    "health_care": ("Vårdcentralen Brännhagen", "Regionens folkhälsoenhet"),
    "urban_planning": ("Stadsbyggnadskontoret",),
    "culture_leisure": ("Kultur- och fritidsförvaltningen", "Biblioteket Stenåsen"),
    "ngo": ("Föreningsrådet",),
}
# A sector's level (1-5) per dimension; the base is 3.2.
LEVEL = {
    "education": {"needs": 3.6, "values": 3.8, "practices": 2.8},
    "social_welfare": {"needs": 4.0, "willingness": 3.6},
    "health_care": {"needs": 3.8, "values": 4.2, "participation": 2.4},
    "urban_planning": {"needs": 2.4, "values": 2.9, "motivation": 3.6},
    "culture_leisure": {"participation": 3.8, "motivation": 3.9},
    "ngo": {"participation": 2.6, "willingness": 4.0},
}
BETTER_IN_2025 = {"participation": 0.7, "practices": 0.6, "motivation": 0.3}


def _score(rng: random.Random, sector: str, dimension: str, round_: int) -> int | None:
    if rng.random() < 0.06:
        return None  # don't know
    level = LEVEL[sector].get(dimension, 3.2) + (BETTER_IN_2025.get(dimension, 0.0) if round_ == 2025 else 0)
    return max(1, min(5, round(rng.gauss(level, 0.8))))


def write_assessment(out_dir: Path) -> list[Path]:
    """Write the filled forms of both rounds; returns the paths written."""
    rng = random.Random(SEED)
    statements = statements_frame()
    written = []
    for round_, panel in PANEL.items():
        folder = out_dir / FOLDER / str(round_)
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.xlsx"):
            old.unlink()
        people = [sector for sector, n in panel.items() for _ in range(n)]
        rng.shuffle(people)
        for number, sector in enumerate(people, start=1):
            scores = {s.id: _score(rng, sector, s.dimension, round_) for s in STATEMENTS}
            departments = DEPARTMENTS[sector]
            department = departments[number % len(departments)] if rng.random() < 0.8 else None
            answers = Answers(sector, department, scores)
            data = form_xlsx(statements, "sv", QUESTIONNAIRE_VERSION, round_, answers)
            path = folder / f"svar_{number:02d}.xlsx"
            write_reproducible_zip(path, data)
            written.append(path)
    return written
