"""What a profile's judgements are against: the comparator (the city unless another is
chosen), its value and judgement of each of the area's rows, the export's columns after
the 25 contract ones (``presentation.comparators.EXPORT_EXTRA``) and, when the store has a
national comparator, its value of each row (the "England" column of Fingertips)."""

from __future__ import annotations

import pandas as pd

from indicators.errors import IndicatorError
from presentation.comparators import EXPORT_EXTRA, comparator_choices, export_rows, with_comparator
from reports.errors import ExportError
from store.read import Snapshot

NATIONAL_COLUMN = "national_value"


def check_comparator(snapshot: Snapshot, comparator: str) -> str:
    """``comparator`` when this store can judge against it, else an ExportError listing
    the valid ones (city, rest, parent when the areas have parents, supplied codes)."""
    valid = [code for code, _ in comparator_choices(snapshot, "en")]
    if comparator not in valid:
        raise ExportError(f"Unknown comparator {comparator!r}. Fix: use one of {', '.join(valid)}.")
    return comparator


def national_of(snapshot: Snapshot) -> str | None:
    """The code of the store's national comparator with values (the first by code), or None."""
    found, values = snapshot.comparators, snapshot.comparator_values
    if len(found) == 0 or len(values) == 0:
        return None
    with_values = set(values["comparator_code"].astype(str))
    codes = found.loc[found["kind"].astype(str) == "national", "code"].astype(str)
    national = [c for c in codes if c in with_values]
    return national[0] if national else None


def _named(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with the name columns the export needs (names are not used here)."""
    missing = {c: "" for c in ("indicator_name", "area_name") if c not in rows.columns}
    return rows.assign(**missing) if missing else rows


def judged(rows: pd.DataFrame, parent_rows: pd.DataFrame, snapshot: Snapshot, comparator: str,
           national: str | None) -> pd.DataFrame:
    """The area's ``rows`` (a comparison table's rows, positional index) with EXPORT_EXTRA
    and ``national_value``. ``parent_rows``: the parent area's rows (the ``parent``
    comparator's values); an unusable comparator is an ExportError."""
    rows = rows.reset_index(drop=True)
    both = rows
    if comparator == "parent" and len(parent_rows):
        both = pd.concat([rows, parent_rows], ignore_index=True)
    try:
        extra = export_rows(_named(both), snapshot, comparator)[EXPORT_EXTRA].iloc[:len(rows)]
        national_value = (
            None if national is None else extra["comparator_value"] if national == comparator
            else with_comparator(rows, snapshot, national)["comparator_value"])
    except IndicatorError as exc:
        raise ExportError(f"Cannot compare with {comparator!r}: {exc}") from exc
    kept = rows.drop(columns=[c for c in EXPORT_EXTRA if c in rows.columns])
    out = pd.concat([kept, extra.reset_index(drop=True)], axis=1)
    out[NATIONAL_COLUMN] = (float("nan") if national_value is None
                            else pd.to_numeric(national_value, errors="coerce").to_numpy())
    return out
