"""From comparison-table rows to what a page shows: outcome keys, value texts.

Redaction of suppressed values is :mod:`presentation.redaction` (shared with the reports).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from presentation import palette
from presentation.i18n import has, t, unit_label
from presentation.numbers import MISSING, NBSP, format_number


def comparison_keys(rows: pd.DataFrame, column: str = "compared_to_city") -> np.ndarray:
    """Swatch key per row: the comparison outcome (``column``), or ``no_data`` when there
    is no value."""
    cmp = rows[column].astype("string").fillna("no_data").to_numpy(dtype=object)
    known = np.isin(cmp, list(palette.COMPARISON))
    keys = np.where(known, cmp, "not_compared")
    return np.where(rows["value"].isna().to_numpy(), "no_data", keys)


JUDGED = ("much_better", "better", "similar", "worse", "much_worse", "higher", "lower")


def compared_text(key: str, lang: str, comparator: str = "city", phrase: str = "") -> str:
    """An outcome in words against the comparator: ``Better than the city``, ``Worse than
    Sweden`` (``phrase``: the comparator as it reads inside a sentence)."""
    if comparator == "city" or key not in JUDGED:
        return t(f"cmpl.{key}", lang)
    return t(f"cmpc.{key}", lang, name=phrase)


def unit_suffix(unit: str | None, lang: str) -> str:
    """How a unit follows a number: ``7,3 %`` (sv, pl), ``7.3%`` (en), ``45 per 1 000``."""
    if unit is None or (isinstance(unit, float) and np.isnan(unit)) or not str(unit).strip():
        return ""
    unit = str(unit).strip()
    return unit if unit == "%" and lang == "en" else NBSP + unit


def number_format(cat: Any, lang: str) -> tuple[int, str]:
    """(decimals, unit in ``lang``) of a catalogue row."""
    decimals = cat.get("decimals")
    decimals = 1 if decimals is None or (isinstance(decimals, float) and np.isnan(decimals)) else int(decimals)
    return decimals, unit_label(cat, lang)


def value_text(value: float | None, lang: str, decimals: int, unit: str | None = None) -> str:
    text = format_number(value, lang, decimals)
    return text if text == MISSING else text + unit_suffix(unit, lang)


def status_text(status: str | None, lang: str) -> str:
    key = f"status.{status}"
    return t(key, lang) if status and has(key) else t("cmpl.no_data", lang)


def aria(**attrs: str) -> dict[str, Any]:
    """ARIA attributes as keyword arguments of a Dash component: ``**aria(label="...")``."""
    return {f"aria-{name}": value for name, value in attrs.items()}
