"""The CSV profile: the area's rows of the comparison table in exactly the documented
columns of `wellbeing export data`: the 25 contract columns
(``indicators.contract.EXPORT_COLUMNS``), then the comparator, method and flag columns
(``presentation.comparators.EXPORT_EXTRA``) of the profile's comparator, then the target
columns (``presentation.targets.EXPORT_TARGET``: empty where no target applies).

Only the area's own rows are written: each row already carries ``city_value``,
so the city's benchmark rows would repeat it (they are in `wellbeing export data`).
Codes stay codes (``much_worse``, ``getting_better``) so the file joins with the
full export; names (indicator, area) are in the chosen language.
"""

from __future__ import annotations

import pandas as pd

from indicators.contract import EXPORT_COLUMNS
from presentation.comparators import EXPORT_EXTRA
from presentation.formulas import neutralise_frame
from presentation.targets import EXPORT_TARGET
from reports.profile import Profile

COLUMNS = [*EXPORT_COLUMNS, *EXPORT_EXTRA, *EXPORT_TARGET]


def profile_rows(profile: Profile) -> pd.DataFrame:
    """The area's rows in the export columns and reading order."""
    records = profile.records
    missing = [c for c in COLUMNS if c not in records.columns]
    frame = records.reindex(columns=COLUMNS)
    if "prioritized" in missing:
        frame["prioritized"] = profile.prioritized
    return frame


def render_csv(profile: Profile) -> bytes:
    """UTF-8 CSV, comma-separated, decimal point, blank for a missing or suppressed value;
    text that a spreadsheet would run as a formula starts with an apostrophe."""
    rows = neutralise_frame(profile_rows(profile))
    return rows.to_csv(index=False, lineterminator="\n").encode("utf-8")
