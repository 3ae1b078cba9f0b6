"""The profile's breakdown by age group (issue #12): for each indicator the area has in more
than one age group (life expectancy at birth and at 65, children's bands), one row per age
group at the indicator's headline period, sex total, with its interval, the city's value of
that age group and the judgement against the profile's comparator (as the rows by sex).

Pure: the area's rows in, :class:`AgeRow` out. The rows are the redacted comparison table's
(``reports.build.disclosed``), so a suppressed cell has no value here either. Labels are the
dashboard's (``age.life_expectancy.65+`` "At 65", ``age.all`` "All ages"), else the group as
loaded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from presentation.i18n import has, t
from reports.numbers import decimals_of, is_blank, opt


@dataclass(frozen=True)
class AgeRow:
    """One age group of one indicator of the area at the indicator's headline period.
    ``value`` is None when the cell is suppressed, not computed or absent at that period
    (``status`` says why; None with no row)."""

    indicator_id: str
    name: str
    unit: str
    decimals: int
    period: str
    age_group: str
    label: str  # in the profile's language
    value: float | None
    lower95: float | None
    upper95: float | None
    city_value: float | None
    compared: str
    status: str | None


def age_label(group: str, value_type: str, lang: str) -> str:
    """Life expectancy's ``all`` and ``65+`` read "at birth", "at 65"; ``all`` "all ages";
    any other group as loaded (the dashboard's words: dashboard/viewmodels/ages.py)."""
    for key in (f"age.{value_type}.{group}", f"age.{group}"):
        if has(key):
            return t(key, lang)
    return group


def _order(group: str, headline: str | None) -> tuple[bool, bool, int, str]:
    """The headline group first, then ``all``, then bands by their first age (0-4 before 10-14)."""
    start = re.match(r"\d+", group)
    return (group != headline, group != "all", int(start.group()) if start else 10**6, group)


def _text(row: Mapping[Any, Any], column: str, default: str) -> str:
    value = row.get(column)
    return default if is_blank(value) else str(value)


def age_rows(rows: pd.DataFrame, cat: pd.DataFrame, periods: Mapping[str, str],
             headline: pd.Series, lang: str) -> list[AgeRow]:
    """The age rows of the indicators shown (``periods``: indicator -> its headline period),
    catalogue order. ``rows``: the area's judged rows (every sex, age group and period);
    ``cat``: :func:`reports.build.catalogue_info`; ``headline``: each indicator's headline
    age group. An age group without a row at the headline period is listed without a value
    (never an older one)."""
    total = rows[rows["sex"].astype(str) == "total"]
    ids = total["indicator_id"].astype(str)
    ages = total["age_group"].astype(str)
    groups = {ind: sorted(set(g), key=lambda a, i=ind: _order(a, headline.get(i)))
              for ind, g in ages.groupby(ids)}
    listed = [ind for ind in periods if len(groups.get(ind, ())) > 1 and ind in cat.index]
    at = total[ids.isin(listed) & (total["period"].astype(str) == ids.map(periods))]
    cells = {(str(r["indicator_id"]), str(r["age_group"])): r for r in at.to_dict("records")}
    out: list[AgeRow] = []
    for ind in sorted(listed, key=lambda i: cat.at[i, "order"]):
        info = cat.loc[ind]
        value_type = _text(info, "value_type", "")
        for group in groups[ind]:
            r: Mapping[Any, Any] = cells.get((ind, group), {})
            out.append(AgeRow(
                indicator_id=ind, name=str(info["name"]), unit=_text(info, "unit", ""),
                decimals=decimals_of(info), period=periods[ind], age_group=group,
                label=age_label(group, value_type, lang),
                value=opt(r.get("value")), lower95=opt(r.get("lower_ci95")),
                upper95=opt(r.get("upper_ci95")), city_value=opt(r.get("city_value")),
                compared=_text(r, "compared_to_comparator", "not_compared"),
                status=(_text(r, "status", "") or None) if r else "missing",
            ))
    return out
