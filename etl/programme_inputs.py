"""Reading what the city is doing (issue #13) for one load: the programme register,
places and self-assessment rounds, each by its own module, into one ``ProgrammeInputs``.

Called by ``etl.pipeline.read_inputs`` after the indicator tables (places add computed
indicators to the catalogue and values).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from etl.assessment import read_assessments
from etl.config import CityConfig
from etl.errors import Problem
from etl.places import read_places
from etl.programme_data import ProgrammeData
from etl.programme_register import read_programme_register

Say = Callable[[str], None]


@dataclass(frozen=True)
class ProgrammeInputs:
    data: ProgrammeData
    catalogue: pd.DataFrame  # the whole catalogue: the city's, then the places' computed indicators
    values: pd.DataFrame  # every value (store.read.VALUE_COLUMNS), the places' counts and rates last
    problems: list[Problem] = field(default_factory=list)
    rows: dict[Path, int] = field(default_factory=dict)  # data rows read per file


def read_programme_inputs(
    cfg: CityConfig, areas: gpd.GeoDataFrame, catalogue: pd.DataFrame, values: pd.DataFrame,
    say: Say,
) -> ProgrammeInputs:
    """The programme register, places and self-assessment of ``cfg``, all problems found,
    with the catalogue and values joined by the places' computed indicators (once, here)."""
    places = read_places(cfg, areas, catalogue, values, say)  # [[places]] (etl.places)
    # targets may name the places' computed indicators: the register sees them too
    if places.catalogue is not None and len(places.catalogue):
        catalogue = pd.concat([catalogue, places.catalogue])
    if len(places.values):
        values = pd.concat([values, places.values], ignore_index=True)
    register = read_programme_register(cfg, areas, catalogue, values, say)  # [programme]
    assessment = read_assessments(cfg.assessments, cfg.source, say)  # [[assessments]]
    return ProgrammeInputs(
        data=ProgrammeData().with_frames(place_categories=places.place_categories, places=places.places,
                                         **register.frames, **assessment.frames()),
        catalogue=catalogue, values=values,
        problems=places.problems + register.problems + assessment.problems,
        rows=places.rows | register.rows | assessment.rows,
    )
