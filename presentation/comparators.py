"""Comparators a planner can choose (the city, the rest of the city, the parent district,
a national or regional value) and the export's columns after the 25 contract ones."""

from __future__ import annotations

import pandas as pd

from indicators.comparators import interval_methods, judge_against
from indicators.contract import EXPORT_COLUMNS, STANDARDISED_TYPES
from presentation.i18n import t
from presentation.last import LastOf
from presentation.targets import EXPORT_TARGET, export_target_columns
from store.read import Snapshot

EXPORT_EXTRA = ["age_group", "comparator", "comparator_value", "compared_to_comparator", "method",
                "standardised", "estimated", "ci998_source"]
"""Columns of `wellbeing export data` after EXPORT_COLUMNS (docs/indicators.md)."""


def comparator_choices(snapshot: Snapshot, lang: str) -> list[tuple[str, str]]:
    """(value, label) of every comparator this store can use, the city first."""
    choices = [("city", t("comparator.city", lang)), ("rest", t("comparator.rest", lang))]
    areas = snapshot.areas
    if "parent_code" in areas and areas["parent_code"].notna().any():
        choices.append(("parent", t("comparator.parent", lang)))
    for row in snapshot.comparators.itertuples(index=False):
        name = getattr(row, f"name_{lang}", None) or row.name_en or row.code
        choices.append((str(row.code), str(name)))
    return choices


def has_parents(snapshot: Snapshot) -> bool:
    """Whether some area has a parent district other than the city itself (when every
    parent is the city, the parent comparator would be the city under another name)."""
    areas = snapshot.areas
    if "parent_code" not in areas:
        return False
    city = str((snapshot.city or {}).get("code", ""))
    parents = set(areas["parent_code"].dropna().astype(str)) - {city}
    return bool(parents & set(areas["code"].astype(str)))


def comparator_name(snapshot: Snapshot, comparator: str, lang: str) -> str:
    return dict(comparator_choices(snapshot, lang)).get(comparator, comparator)


def with_comparator(table: pd.DataFrame, snapshot: Snapshot, comparator: str) -> pd.DataFrame:
    """``table`` with ``comparator``, ``comparator_value`` and ``compared_to_comparator``."""
    judged = judge_against(table, comparator, areas=snapshot.areas,
                           comparator_values=snapshot.comparator_values)
    return pd.concat([table, judged], axis=1)


def export_rows(named: pd.DataFrame, snapshot: Snapshot, comparator: str = "city") -> pd.DataFrame:
    """The 25 contract columns, then EXPORT_EXTRA, then presentation.targets.EXPORT_TARGET
    (the target that applies, the row compared with it, the target's progress), of a
    localised comparison table."""
    judged = with_comparator(named, snapshot, comparator)
    judged["method"] = interval_methods(named)
    judged["standardised"] = named["value_type"].astype(str).isin(STANDARDISED_TYPES)
    judged["estimated"] = estimated_flags(named, snapshot)
    judged[EXPORT_TARGET] = export_target_columns(named, snapshot)
    return judged[[*EXPORT_COLUMNS, *EXPORT_EXTRA, *EXPORT_TARGET]]


ESTIMATED_KEYS = ["indicator_id", "area_code", "period", "sex", "age_group"]


def estimated_flags(named: pd.DataFrame, snapshot: Snapshot) -> pd.Series:
    """True where the store flags the source row as estimated (areal interpolation)."""
    marks = _estimated_marks(snapshot)
    if marks is None:
        return pd.Series(False, index=named.index)
    return pd.Series(pd.MultiIndex.from_frame(named[ESTIMATED_KEYS].astype(str)).isin(marks),
                     index=named.index)


def _marks_of(snapshot: Snapshot) -> pd.MultiIndex | None:
    """The keys of a snapshot's estimated rows (None: none is)."""
    rows = snapshot.estimated_values()
    return None if rows.empty else pd.MultiIndex.from_frame(rows[ESTIMATED_KEYS].astype(str))


# every profile of a load batch asks of the same snapshot; a web worker's reads the
# estimated rows alone, not its 756,000 values (6,000 areas)
_estimated_marks: LastOf[pd.MultiIndex | None] = LastOf(_marks_of)
