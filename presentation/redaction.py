"""Redaction of suppressed values at the edge of every page and file.

The engine blanks suppressed values already; :func:`redact` does it again where rows
leave the atlas (defence in depth), including everything a suppressed value could be
recovered from (numerator, denominator, difference, ratio, rank, quintile).
"""

from __future__ import annotations

import pandas as pd

HIDDEN_STATUSES = ("suppressed", "suppressed_at_source")
REDACTED_COLUMNS = (
    "value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998", "numerator",
    "denominator", "difference", "ratio", "rank", "quintile", "rest_value",
)


def redact(rows: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``rows`` with every trace of a suppressed value blanked."""
    if rows.empty or "status" not in rows.columns:
        return rows
    hidden = rows["status"].astype("string").isin(HIDDEN_STATUSES).fillna(False).to_numpy()
    if not hidden.any():
        return rows
    out = rows.copy()
    for col in REDACTED_COLUMNS:
        if col in out.columns:
            out[col] = out[col].mask(hidden)
    return out
