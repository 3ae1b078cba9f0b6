"""The programme register: programmes → goals → indicators with their targets, and
initiatives with their areas, sectors, lead and partner institutions (docs/programmes.md).

Read from the files of ``[programme]`` (``etl.programme_config``): each kind a CSV file
or a sheet of one workbook. Every problem is collected with file, row, column, value and
fix (``etl.programme_register_sheets`` checks columns and characters,
``etl.programme_register_tables`` and ``etl.programme_register_targets`` the rows);
kinds are read parents first, so a row may refer to the ids of the kinds before it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from etl.config import CityConfig
from etl.errors import Problem
from etl.programme_register_sheets import Sheets, open_sheets
from etl.programme_register_tables import (
    Known,
    frame,
    goals,
    initiatives,
    institutions,
    programmes,
)
from etl.programme_register_targets import TargetContext, targets
from store.programme_read import empty_frames

TABLES = ("programmes", "programme_goals", "goal_indicators", "targets", "institutions",
          "initiatives", "initiative_areas", "initiative_partners")


@dataclass(frozen=True)
class ProgrammeRegister:
    """The register's frames (``store.programme_read.PROGRAMME_COLUMNS``, the eight
    tables of ``TABLES``), every problem found, and the data rows read per file."""

    frames: dict[str, pd.DataFrame] = field(
        default_factory=lambda: {n: f for n, f in empty_frames().items() if n in TABLES})
    problems: list[Problem] = field(default_factory=list)
    rows: dict[Path, int] = field(default_factory=dict)

    def summary(self) -> str:
        f = self.frames
        return (f"Programme: {len(f['programmes'])} programme(s), {len(f['programme_goals'])} "
                f"goal(s), {len(f['targets'])} target(s), {len(f['initiatives'])} initiative(s) of "
                f"{len(f['institutions'])} institution(s).")


def _known(cfg: CityConfig, areas: gpd.GeoDataFrame, catalogue: pd.DataFrame,
           sheets: Sheets) -> Known:
    codes = set(areas.loc[areas["level"] != "city", "code"]) if len(areas) else set()
    ids = set(catalogue["id"].dropna()) if "id" in catalogue else set()
    # Without areas or a catalogue (their own problems are reported) nothing refers to them.
    known = Known(ids or None, codes or None, cfg.code, cfg.row_code, cfg.decimal)
    for kind, attr in (("programmes", "programmes"), ("goals", "goals"),
                       ("institutions", "institutions")):
        if kind in sheets.failed:
            setattr(known, attr, None)
    return known


def read_programme_register(cfg: CityConfig, areas: gpd.GeoDataFrame, catalogue: pd.DataFrame,
                            values: pd.DataFrame, say: Callable[[str], None] | None = None,
                            ) -> ProgrammeRegister:
    """The register of ``cfg`` checked against the areas, the catalogue and the values read
    in this load; an empty register when the city has no ``[programme]``."""
    if cfg.programme is None:
        return ProgrammeRegister()
    sheets = open_sheets(cfg)
    known = _known(cfg, areas, catalogue, sheets)
    by_kind = sheets.by_kind
    rows: dict[str, list[dict[str, object]]] = {name: [] for name in TABLES}
    if "programmes" in by_kind:
        rows["programmes"] = programmes(by_kind["programmes"], known)
    if "goals" in by_kind:
        rows["programme_goals"], rows["goal_indicators"] = goals(by_kind["goals"], known)
    if "institutions" in by_kind:
        rows["institutions"] = institutions(by_kind["institutions"], known)
    if "targets" in by_kind:
        wanted = set(by_kind["targets"].column("indicator"))
        rows["targets"] = targets(by_kind["targets"], known, TargetContext(catalogue, values, wanted))
    if "initiatives" in by_kind:
        (rows["initiatives"], rows["initiative_areas"],
         rows["initiative_partners"]) = initiatives(by_kind["initiatives"], known)
    frames = {name: frame(name, rows[name]) for name in TABLES}
    register = ProgrammeRegister(frames, sheets.problems(), sheets.rows)
    if say is not None:
        say(register.summary())
    return register
