"""Targets as the atlas shows them: each target's progress, a symbol per status (never
colour alone), the sentence "Target 6.0% by 2030 (baseline 9.1% in 2020): on track", and
the export's target columns. The judging is indicators.targets'."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from indicators.targets import period_year, target_progress, with_targets
from presentation import palette
from presentation.i18n import t
from presentation.numbers import NBSP, format_number
from store.read import Snapshot

EXPORT_TARGET = ["target_value", "target_period", "compared_to_target", "progress"]
"""Columns of `wellbeing export data` after presentation.comparators.EXPORT_EXTRA."""

# status -> (symbol, palette.COMPARISON key of its colour); the symbol carries the meaning
PROGRESS_MARKS: dict[str, tuple[str, str]] = {
    "achieved": ("★", "much_better"), "on_track": ("✓", "better"), "off_track": ("✗", "worse"),
    "too_few_points": ("…", "not_compared"), "no_data": ("–", "no_data"),
}
TARGET_MARKS: dict[str, tuple[str, str]] = {
    "met": ("◎", "better"), "not_met": ("◌", "worse"), "no_data": ("–", "no_data"),
}


@dataclass(frozen=True)
class TargetLine:
    """The target that applies to one area's indicator, as a page or a report shows it."""

    area_code: str  # the target's own area (the city's code for a city-wide target)
    own: bool  # whether the target is the area's own (or the city's, seen from the city)
    target_value: float
    target_period: str
    compared: str  # the area's value compared with the target: met / not_met / no_data
    progress: str | None  # the target's progress; None for a city-wide target seen from an area
    text: str  # the sentence (:func:`sentence`)
    plain: str = ""  # the target without its judgement: "Target 6.0% by 2030 (baseline 7.3% in 2019)"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def targets_of(snapshot: Snapshot) -> pd.DataFrame:
    """The snapshot's targets (empty frame with the columns when it has none)."""
    return snapshot.programme["targets"]


def progress_table(snapshot: Snapshot, table: pd.DataFrame) -> pd.DataFrame:
    """Each target of ``snapshot`` judged on ``table`` (indicators.targets.target_progress)."""
    return target_progress(targets_of(snapshot), table)


def target_rows(table: pd.DataFrame, snapshot: Snapshot) -> pd.DataFrame:
    """indicators.targets.with_targets for ``table``'s rows and the snapshot's targets."""
    return with_targets(table, targets_of(snapshot), str((snapshot.city or {}).get("code", "")))


def export_target_columns(named: pd.DataFrame, snapshot: Snapshot) -> pd.DataFrame:
    """``EXPORT_TARGET`` for each row of a comparison table (empty where no target applies)."""
    return target_rows(named, snapshot)[EXPORT_TARGET]


def mark(status: Any, marks: dict[str, tuple[str, str]]) -> tuple[str, palette.Swatch]:
    """(symbol, swatch) of a status; unknown statuses as no data."""
    symbol, key = marks.get(str(status), marks["no_data"])
    return symbol, palette.COMPARISON[key]


def progress_words(status: Any, lang: str) -> str:
    return t(f"progress.{status if str(status) in PROGRESS_MARKS else 'no_data'}", lang)


def compared_words(status: Any, lang: str) -> str:
    return t(f"target.{status if str(status) in TARGET_MARKS else 'no_data'}", lang)


def progress_label(status: Any, lang: str) -> str:
    """``✓ on track``: the symbol and the words."""
    return f"{mark(status, PROGRESS_MARKS)[0]} {progress_words(status, lang)}"


def compared_label(status: Any, lang: str) -> str:
    return f"{mark(status, TARGET_MARKS)[0]} {compared_words(status, lang)}"


def amount(value: Any, lang: str, decimals: int, unit: Any = None) -> str:
    """``6,0 %`` (sv, pl) / ``6.0%`` (en) / ``45 per 1 000``."""
    text = format_number(value, lang, decimals)
    if _missing(unit) or not str(unit).strip():
        return text
    unit = str(unit).strip()
    return text + (unit if unit == "%" and lang == "en" else NBSP + unit)


def year_text(period: Any) -> str:
    year = period_year(period)
    return "–" if math.isnan(year) else str(int(year))


def plain(row: Any, lang: str, decimals: int = 1, unit: Any = None) -> str:
    """The target, its year and its baseline, without a judgement."""
    return t("target.plain", lang, target=amount(row["target_value"], lang, decimals, unit),
             year=year_text(row["target_period"]),
             baseline=amount(row.get("baseline_value"), lang, decimals, unit),
             base_year=year_text(row.get("baseline_period")))


def sentence(row: Any, lang: str, decimals: int = 1, unit: Any = None) -> str:
    """The target in words: its own area's ("Target 6.0% by 2030 (baseline 9.1% in 2020):
    on track") or, for an area compared with the city-wide target, the comparison ("City-wide
    target 6.0% by 2030: the area meets the target"). ``row``: a mapping with
    ``target_value, target_period, baseline_value, baseline_period, progress`` and, for a
    city-wide target seen from another area, ``compared_to_target`` and ``own`` False."""
    target = amount(row["target_value"], lang, decimals, unit)
    year = year_text(row["target_period"])
    if not row.get("own", True):
        return t("target.sentence.city", lang, target=target, year=year,
                 compared=compared_words(row.get("compared_to_target"), lang))
    return t("target.sentence", lang, target=target, year=year,
             baseline=amount(row["baseline_value"], lang, decimals, unit),
             base_year=year_text(row["baseline_period"]),
             progress=progress_words(row.get("progress"), lang))


def target_line(target: Mapping[str, Any], own: bool, compared: str, lang: str, decimals: int,
                unit: Any) -> TargetLine:
    """A :class:`TargetLine` of a target (its columns and ``progress``), compared as given."""
    progress = None if not own or _missing(target.get("progress")) else str(target["progress"])
    shown = {**target, "own": own, "compared_to_target": compared, "progress": progress}
    return TargetLine(str(target["area_code"]), own, float(target["target_value"]),
                      str(target["target_period"]), compared, progress,
                      sentence(shown, lang, decimals, unit), plain(target, lang, decimals, unit))


def row_target(record: Mapping[str, Any], lang: str, decimals: int, unit: Any) -> TargetLine | None:
    """The :class:`TargetLine` of a comparison row carrying indicators.targets.ROW_COLUMNS
    (None without a target)."""
    if _missing(record.get("target_value")):
        return None
    target = {"area_code": record["target_area"], "target_value": record["target_value"],
              "target_period": record["target_period"], "baseline_value": record.get("baseline_value"),
              "baseline_period": record.get("baseline_period"), "progress": record.get("progress")}
    own = str(record["target_area"]) == str(record["area_code"])
    compared = record.get("compared_to_target")
    return target_line(target, own, "no_data" if _missing(compared) else str(compared), lang, decimals, unit)
