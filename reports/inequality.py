"""Inequality within the city in a profile: for each indicator of the profile with a slope
index of inequality (SII, sex total), the headline sentence at its latest period with an
SII (:func:`presentation.inequality.headline`), that SII and its trend, and the SII of
every period. The SII is city-wide: the same in every area's profile."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from presentation.inequality import deprivation_of, gap_unit, headline, inequality_table
from reports.numbers import decimals_of, is_blank, opt
from reports.profile import Inequality, InequalityLine
from store.read import Snapshot


def inequality_frame(table: pd.DataFrame, snapshot: Snapshot) -> pd.DataFrame:
    """The SII of every indicator × period, sex total (empty without a deprivation measure)."""
    sii = inequality_table(table, snapshot)
    return sii.loc[sii["sex"].astype(str) == "total"].sort_values(["indicator_id", "period"])


def _line(rows: pd.DataFrame, info: Mapping[Any, Any], measure: str,
          lang: str) -> InequalityLine | None:
    ok = rows.loc[(rows["status"].astype(str) == "ok") & rows["sii"].notna()]
    if ok.empty:
        return None
    latest = ok.iloc[-1]
    name, unit = str(info["name"]), "" if is_blank(info.get("unit")) else str(info["unit"])
    decimals = decimals_of(info)
    sii = float(latest["sii"])
    return InequalityLine(
        indicator_id=str(info["id"]), name=name, unit=unit, decimals=decimals,
        sentence=headline(latest, name, gap_unit(str(info.get("value_type")), unit, lang), decimals,
                          measure, lang),
        period=str(latest["period"]), sii=sii, lower95=opt(latest["sii_lower_ci95"]),
        upper95=opt(latest["sii_upper_ci95"]), trend=str(latest["sii_trend"]),
        periods=[str(p) for p in rows["period"]],
        series=[opt(v) if s == "ok" else None for v, s in zip(rows["sii"], rows["status"].astype(str),
                                                              strict=True)])


def inequality_section(sii: pd.DataFrame, snapshot: Snapshot, cat: pd.DataFrame,
                       shown: Sequence[str], lang: str) -> Inequality:
    """The section for the indicators ``shown`` (in that order); ``cat`` is the catalogue
    indexed by id with ``name`` in ``lang`` (:func:`reports.build.catalogue_info`)."""
    dep = deprivation_of(snapshot)
    if dep is None:
        return Inequality(None, [])
    measure = str(cat["name"].get(dep.indicator_id, dep.indicator_id))
    by_indicator = dict(list(sii.groupby(sii["indicator_id"].astype(str), sort=False)))
    info = cat.to_dict("index")
    lines = [_line(by_indicator[ind], info[ind], measure, lang)
             for ind in shown if ind in by_indicator and ind in info]
    kept = [line for line in lines if line is not None]
    table = pd.concat([by_indicator[line.indicator_id] for line in kept] or [sii.iloc[0:0]],
                      ignore_index=True)
    return Inequality(measure, kept, table)
