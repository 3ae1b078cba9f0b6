"""What every table and source of one load is checked against, and the problem log."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from etl.checks import ProblemLog
from etl.config import CityConfig
from etl.crosswalk import Crosswalk
from etl.keys import KEY_COLUMNS, Codebook
from etl.readers import display_name


@dataclass
class Context:
    """The city's configuration, area codes and catalogue, the shared codebooks of the
    key columns (so that every part of the load concatenates by codes) and the log."""

    cfg: CityConfig
    areas: set[str]
    catalogue: pd.DataFrame
    log: ProblemLog = field(default_factory=ProblemLog)
    ids: set[str] = field(default_factory=set)
    books: dict[str, Codebook] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # area code -> name (area_match by name)
    crosswalks: dict[str, Crosswalk] = field(default_factory=dict)  # by name (etl.crosswalk)

    def __post_init__(self) -> None:
        self.books = {c: Codebook() for c in [*KEY_COLUMNS, "status", "file"]}
        self.ids = set(self.catalogue["id"].dropna()) if "id" in self.catalogue else set()

    @property
    def config_file(self) -> str:
        """The configuration file as problems name it."""
        return display_name(self.cfg.source, self.cfg.source.parent)

    def by_id(self, column: str, default: object = None) -> dict[str, object]:
        """A catalogue column by indicator id."""
        if column not in self.catalogue or "id" not in self.catalogue:
            return {}
        cat = self.catalogue.drop_duplicates("id")
        return {str(i): (default if pd.isna(v) else v) for i, v in zip(cat["id"], cat[column], strict=True)}
