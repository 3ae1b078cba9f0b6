"""``[city] deprivation``: the catalogue indicator the city ranks its areas by for the slope
index of inequality (stored in ``city.deprivation_indicator``).

It must be in the catalogue and say which way is deprived: its polarity is not neutral
(``low_is_good``: a higher value is more deprived, e.g. a low-income share;
``high_is_good``: a lower value is, e.g. a median income).
"""

from __future__ import annotations

import re

import pandas as pd

from etl.checks import close_matches
from etl.config import CityConfig
from etl.errors import Problem
from etl.readers import display_name

KEY = "[city] deprivation"


def _line(cfg: CityConfig) -> int | None:
    """The line of the key in the configuration file (None when it cannot be found)."""
    text = cfg.source.read_text(encoding="utf-8")
    found = re.search(r"^[ \t]*deprivation[ \t]*=", text, flags=re.M)
    return text.count("\n", 0, found.start()) + 1 if found else None


def check_deprivation(cfg: CityConfig, catalogue: pd.DataFrame) -> list[Problem]:
    """Problems of ``[city] deprivation`` against the catalogue (none when it is unset, or
    when the catalogue could not be read: that says why already)."""
    ident = cfg.deprivation
    if ident is None or catalogue.empty or "id" not in catalogue:
        return []
    file = display_name(cfg.source, cfg.source.parent)
    rows = catalogue[catalogue["id"] == ident]
    if rows.empty:
        return [Problem(
            file, f"{KEY} names an indicator that is not in the catalogue",
            "give the catalogue id of the city's deprivation measure (e.g. a low-income share)"
            + close_matches(ident, sorted(catalogue["id"].dropna().astype(str))),
            row=_line(cfg), column=KEY, value=ident)]
    if rows.iloc[0]["polarity"] == "neutral":
        return [Problem(
            file, f"{KEY} names indicator '{ident}', whose polarity is neutral, so which way is "
            "deprived is unknown",
            f"set the polarity of {ident} in the catalogue to low_is_good (a higher value is more "
            "deprived) or high_is_good (a lower value is), or name another indicator",
            row=_line(cfg), column=KEY, value=ident)]
    return []
