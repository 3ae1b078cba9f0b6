"""The comparator a page judges the areas against (the city, the rest of the city, the
parent district, a national or regional value) and the rows judged against it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.model import Atlas
from dashboard.selection import comparators
from indicators.errors import IndicatorError
from presentation.comparators import with_comparator
from presentation.i18n import has, t

BUILT_IN = ("city", "rest", "parent")


@dataclass(frozen=True)
class Comparator:
    """One comparator as a page names it."""

    value: str  # "city", "rest", "parent" or a supplied comparator's code
    label: str  # on its own: "The rest of the city", "Sweden"
    phrase: str  # inside a sentence: "the rest of the city", "Sweden"


@dataclass(frozen=True)
class ComparatorChoices:
    """What the comparator switch offers, and the chosen one."""

    options: tuple[tuple[str, str], ...]  # (value, label), the city first
    chosen: Comparator


def comparator_of(atlas: Atlas, value: str, lang: str) -> Comparator:
    labels = dict(comparators(atlas, lang))
    label = labels.get(value, labels.get("city", value))
    key = f"comparator.phrase.{value}"
    return Comparator(value, label, t(key, lang) if value in BUILT_IN and has(key) else label)


def comparator_choices(atlas: Atlas, value: str, lang: str) -> ComparatorChoices:
    return ComparatorChoices(comparators(atlas, lang), comparator_of(atlas, value, lang))


def judged(atlas: Atlas, rows: pd.DataFrame, comparator: str) -> pd.DataFrame:
    """``rows`` (whole cells of the comparison table) with ``comparator_value`` and
    ``compared_to_comparator``; a supplied comparator without values for them judges
    nothing (``not_compared``)."""
    if rows.empty:
        return rows.assign(comparator_value=pd.Series(dtype=float),
                           compared_to_comparator=pd.Series(dtype=object))
    try:
        out = with_comparator(rows, atlas.snapshot(), comparator)
    except IndicatorError:  # a comparator without a single value: nothing to judge against
        out = rows.assign(comparator=comparator, comparator_value=np.nan,
                          compared_to_comparator="not_compared")
    out["compared_to_comparator"] = out["compared_to_comparator"].astype(object)
    return out
