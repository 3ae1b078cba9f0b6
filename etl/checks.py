"""Value checks on indicator tables, vectorized, and the log that caps repeated problems.

A file of millions of rows can have the same problem on every row; the log
keeps the first ``LIMIT`` problems of each kind per file and adds one line
"and 1,234 more rows with the same problem".
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from etl.errors import Problem, excerpt
from store.schema import STANDARDISED_TYPES

LIMIT = 50
SUPPRESSED = "suppressed_at_source"
MISSING = "missing"
# Allowed value range per value type (inclusive); types not listed are not range-checked.
RANGES: dict[str, tuple[float, float]] = {
    "proportion": (0.0, 1.0),
    "percentage": (0.0, 100.0),
    "rate": (0.0, np.inf),
    "count": (0.0, np.inf),
    "mean": (0.0, np.inf),
}
RATIO_TYPES = ("proportion", "percentage")  # numerator is part of the denominator
RANGE_FIX = {
    "proportion": "a proportion lies between 0 and 1; if the source gives percentages, set value_type = percentage in the catalogue",
    "percentage": "a percentage lies between 0 and 100; check the value, or the value_type in the catalogue",
}


@dataclass
class ProblemLog:
    """Problems of one load, at most ``limit`` of each kind per file plus a count of the rest."""

    limit: int = LIMIT
    problems: list[Problem] = field(default_factory=list)
    _extra: dict[tuple[str, str], tuple[int, Problem]] = field(default_factory=dict)
    _shown: dict[tuple[str, str], int] = field(default_factory=dict)

    def room(self, file: str, kind: str) -> int:
        return self.limit - self._shown.get((file, kind), 0)

    def add(self, kind: str, total: int, problems: Iterable[Problem]) -> None:
        """Record ``total`` occurrences of ``kind``, of which ``problems`` (<= room) are shown."""
        shown = list(problems)
        if not shown:
            return
        key = (shown[0].file, kind)
        room = self.room(*key)
        self.problems += shown[:room]
        self._shown[key] = self._shown.get(key, 0) + min(len(shown), room)
        more = total - min(len(shown), room)
        if more > 0:
            before = self._extra.get(key, (0, shown[0]))[0]
            self._extra[key] = (before + more, shown[0])

    def finish(self) -> list[Problem]:
        """All problems, with one summary line per capped kind."""
        out = list(self.problems)
        for (file, _), (more, example) in self._extra.items():
            out.append(
                Problem(
                    file,
                    f"and {more:,} more row(s) with the same problem ({example.message})",
                    example.fix,
                    column=example.column,
                    severity=example.severity,
                )
            )
        return out


def close_matches(value: str, valid: Iterable[str], n: int = 3) -> str:
    """' Close matches: 'a', 'b'.' or '' (for fixes); '' for a value too long to be a code."""
    if len(value) > 200:  # difflib would index every character of a huge cell
        return ""
    near = difflib.get_close_matches(value, list(valid), n=n, cutoff=0.6)
    return f" (close matches: {', '.join(excerpt(x) for x in near)})" if near else ""


# report(kind, mask, field, message, fix, severity): the caller turns masked rows into Problems.
# ``message`` is a text, or a function of a masked row's position giving that row's text.
Message = str | Callable[[int], str]
Report = Callable[[str, np.ndarray, str, Message, str, str], None]


def _f(frame: pd.DataFrame, name: str) -> np.ndarray:
    return frame[name].to_numpy(dtype=float, na_value=np.nan)


def check_counts(frame: pd.DataFrame, types: np.ndarray, report: Report) -> None:
    """Negative counts, and numerators larger than their denominators."""
    num, den = _f(frame, "numerator"), _f(frame, "denominator")
    with np.errstate(invalid="ignore"):
        report(
            "negative numerator",
            num < 0,
            "numerator",
            "numerator is negative",
            "numerators are counts and cannot be negative; correct it or mark it suppressed ('..')",
            "error",
        )
        report(
            "negative denominator",
            den < 0,
            "denominator",
            "denominator is negative",
            "denominators are counts and cannot be negative; correct it or mark it suppressed ('..')",
            "error",
        )
        ratio = np.isin(types, RATIO_TYPES)
        report(
            "numerator > denominator",
            ratio & (num > den) & (den >= 0),
            "numerator",
            "numerator is greater than the denominator",
            "check that the numerator and denominator columns are not swapped and belong to the same row",
            "error",
        )


def fill_values(
    frame: pd.DataFrame, types: np.ndarray, multipliers: np.ndarray, report: Report
) -> np.ndarray:
    """Compute missing values from numerator and denominator; returns the mask of computed values.

    proportion: num/den; percentage: 100*num/den; count: num; median: not
    computed; others (rate, mean, score): multiplier*num/den. Age-banded rows of the
    standardised types (etl.banded) are left alone: the engine computes their values.
    """
    num, den, val = _f(frame, "numerator"), _f(frame, "denominator"), _f(frame, "value")
    status = frame["status"]
    open_ = np.isnan(val) & (status != SUPPRESSED).to_numpy(dtype=bool) & ~np.isnan(num)
    open_ &= ~np.isin(types, STANDARDISED_TYPES)
    scale = np.where(
        types == "proportion", 1.0, np.where(types == "percentage", 100.0, multipliers)
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = scale * num / den
    is_count = types == "count"
    can = open_ & (is_count | ((types != "median") & ~np.isnan(den) & (den > 0) & (num >= 0)))
    computed = np.where(is_count, num, ratio)
    report(
        "zero denominator",
        open_ & ~is_count & (den == 0),
        "denominator",
        "denominator is 0, so the value cannot be computed and stays missing",
        "leave it if there is no population; otherwise correct the denominator",
        "warning",
    )
    val = np.where(can, computed, val)
    frame["value"] = val
    if can.any():
        codes = status.cat.codes.to_numpy().copy()
        codes[can] = -1
        frame["status"] = pd.Categorical.from_codes(codes, status.cat.categories)
    return can


def check_ranges(frame: pd.DataFrame, types: np.ndarray, given: np.ndarray, report: Report) -> None:
    """Values outside the range of their value type, inconsistent CIs and negative SDs."""
    val, low, high = _f(frame, "value"), _f(frame, "lower_ci"), _f(frame, "upper_ci")
    with np.errstate(invalid="ignore"):
        for vtype, (lo, hi) in RANGES.items():
            bad = given & (types == vtype) & ((val < lo) | (val > hi))
            limits = f"between {lo:g} and {hi:g}" if np.isfinite(hi) else f"at least {lo:g}"
            report(
                f"{vtype} out of range",
                bad,
                "value",
                f"{vtype} value is out of range (must be {limits})",
                RANGE_FIX.get(
                    vtype,
                    f"a {vtype} cannot be negative; correct the value or the value_type in the catalogue",
                ),
                "error",
            )
        report(
            "lower_ci > upper_ci",
            low > high,
            "lower_ci",
            "lower confidence limit is above the upper one",
            "check that lower_ci and upper_ci are not swapped",
            "error",
        )
        report(
            "negative sd",
            _f(frame, "sd") < 0,
            "sd",
            "standard deviation is negative",
            "a standard deviation is 0 or more; correct it, leave the cell empty "
            "or mark it suppressed ('..')",
            "error",
        )
        outside = ((val < low) | (val > high)) & ~(low > high)
        report(
            "value outside CI",
            outside,
            "value",
            "value lies outside its confidence interval",
            "check the value and the lower_ci/upper_ci columns of this row",
            "error",
        )


def check_scale(values: pd.DataFrame, value_types: pd.Series, at_least: int = 5) -> list[Problem]:
    """Warn when every value of a percentage indicator in a file lies in 0..1 (proportions?).

    Only values given by the source without numerator are looked at; at least
    ``at_least`` of them per file and indicator.
    """
    given = (values["value"].notna() & values["numerator"].isna()).to_numpy()
    percentage = value_types.index[value_types == "percentage"]
    pct = given & values["indicator_id"].isin(percentage).to_numpy()
    if not pct.any():
        return []
    stats = values.loc[pct].groupby(["file", "indicator_id"], observed=True)["value"]
    summary = stats.agg(["min", "max", "size"]).reset_index()
    suspect = summary[(summary["size"] >= at_least) & (summary["max"] <= 1) & (summary["min"] >= 0)]
    return [
        Problem(
            str(r.file),
            f"all {r.size} values of percentage indicator '{r.indicator_id}' lie between 0 and 1; "
            "they look like proportions",
            "multiply them by 100 in the source, or set value_type = proportion in the catalogue",
            column="value",
            severity="warning",
        )
        for r in summary.loc[suspect.index].itertuples()
    ]
