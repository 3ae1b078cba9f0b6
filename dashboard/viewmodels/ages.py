"""An area's indicator by age group: the latest row of each age group (sex total) with
its comparison against the city, for the profile's age chart and the table's age rows.

Only indicators loaded in more than one age group have a breakdown (life expectancy at
birth and at 65, children's bands). The rows come from the atlas's redacted table, so a
suppressed cell has no value here either (``presentation.redaction``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.display import comparison_keys
from dashboard.model import Atlas, records
from indicators import headline_rows
from presentation.i18n import has, t


@dataclass(frozen=True)
class AgeRow:
    """One age group's latest row of an area (or the city) and indicator, sex total."""

    age_group: str
    label: str  # in the page's language ("At 65", "All ages", else the group as loaded)
    record: dict[str, Any]  # the comparison-table row, with ``key`` (the swatch key)


def age_label(group: str, value_type: str, lang: str) -> str:
    """Life expectancy's ``all`` and ``65+`` read "at birth", "at 65"; ``all`` "all ages"."""
    for key in (f"age.{value_type}.{group}", f"age.{group}"):
        if has(key):
            return t(key, lang)
    return group


def age_rows(atlas: Atlas, code: str, indicator_id: str, lang: str) -> tuple[AgeRow, ...]:
    """Each age group's latest row of ``code`` (the headline group first), or () when the
    indicator has one age group only (memoized)."""

    def build() -> tuple[AgeRow, ...]:
        groups = atlas.age_groups_of(indicator_id)
        if len(groups) < 2:
            return ()
        table = atlas.indicator_table(indicator_id)
        mine = table[(table["area_code"].astype(str) == code) & (table["sex"].astype(str) == "total")]
        value_type = str(atlas.catalogue().loc[indicator_id].get("value_type", ""))
        out = []
        for group in groups:
            part = mine[mine["age_group"].astype(str) == group]
            if part.empty:
                continue
            row = headline_rows(part, age_groups=pd.Series({indicator_id: group})).copy()
            row["key"] = comparison_keys(row)
            out.append(AgeRow(group, age_label(group, value_type, lang), records(row)[0]))
        return tuple(out)

    return atlas.cached(("age-rows", code, indicator_id, lang), build)


def other_ages(atlas: Atlas, code: str, indicator_id: str, lang: str) -> tuple[AgeRow, ...]:
    """The age groups other than the headline one (the profile table's extra rows)."""
    return age_rows(atlas, code, indicator_id, lang)[1:]
