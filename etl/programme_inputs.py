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
from store.read import VALUE_COLUMNS

Say = Callable[[str], None]


@dataclass(frozen=True)
class ProgrammeInputs:
    data: ProgrammeData = field(default_factory=ProgrammeData)
    catalogue: pd.DataFrame | None = None  # rows to append to the catalogue (places)
    values: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=VALUE_COLUMNS))
    problems: list[Problem] = field(default_factory=list)
    rows: dict[Path, int] = field(default_factory=dict)  # data rows read per file


def read_programme_inputs(
    cfg: CityConfig, areas: gpd.GeoDataFrame, catalogue: pd.DataFrame, values: pd.DataFrame,
    say: Say,
) -> ProgrammeInputs:
    """The programme register, places and self-assessment of ``cfg``, all problems found."""
    places = read_places(cfg, areas, catalogue, values, say)  # [[places]] (etl.places)
    # targets may name the places' computed indicators: the register sees them too
    with_places = catalogue if places.catalogue is None or not len(places.catalogue) else pd.concat(
        [catalogue, places.catalogue])
    every_value = values if not len(places.values) else pd.concat([values, places.values], ignore_index=True)
    register = read_programme_register(cfg, areas, with_places, every_value, say)  # [programme]
    assessment = read_assessments(cfg.assessments, cfg.source, say)  # [[assessments]]
    return ProgrammeInputs(
        data=ProgrammeData().with_frames(place_categories=places.place_categories, places=places.places,
                                         **register.frames, **assessment.frames()),
        catalogue=places.catalogue, values=places.values,
        problems=places.problems + register.problems + assessment.problems,
        rows=places.rows | register.rows | assessment.rows,
    )
