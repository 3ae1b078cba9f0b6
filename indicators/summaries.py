"""Reading the comparison table: names, per-area counts and composite domain scores."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from indicators.contract import CITY_LEVEL, DEFAULT_AGE_GROUP
from indicators.headline import headline_rows

OVERALL = "all"
SUMMARY_COLUMNS = [
    "domain", "indicators", "compared", "better", "similar", "worse", "much_better",
    "much_worse", "higher", "lower", "not_compared",
]
COUNT_COLUMNS = [
    "indicators", "compared", "better", "similar", "worse", "much_better", "much_worse",
    "higher", "lower", "not_compared", "no_outcome",
]
COUNTED_OUTCOMES: dict[str, tuple[str, ...]] = {
    "compared": ("better", "much_better", "similar", "worse", "much_worse", "higher", "lower"),
    "better": ("better", "much_better"),
    "similar": ("similar",),
    "worse": ("worse", "much_worse"),
    "much_better": ("much_better",),
    "much_worse": ("much_worse",),
    "higher": ("higher",),
    "lower": ("lower",),
    "not_compared": ("not_compared",),
}
"""Each count of :func:`outcome_counts` and the comparison outcomes it adds up."""
SCORE_METHODS = ("z", "percentile")
SCORE_COLUMNS = ["area_code", "level", "domain", "score", "indicators", "rank"]


def localize(table: pd.DataFrame, catalogue: pd.DataFrame, areas: pd.DataFrame,
             lang: str) -> pd.DataFrame:
    """The table with ``indicator_name`` (after indicator_id) and ``area_name`` (after
    area_code) in ``lang``: the catalogue's ``name_{lang}`` column. The table itself is not
    changed; a language the catalogue has no names in fails listing the ones it has."""
    column = f"name_{lang}"
    if column not in catalogue.columns:
        have = [str(c).removeprefix("name_") for c in catalogue.columns if str(c).startswith("name_")]
        raise ValueError(f"Unknown language {lang!r}: the catalogue has no {column!r} column. "
                         f"Valid: {', '.join(have)}.")
    names = dict(zip(catalogue["id"].astype(str), catalogue[column], strict=False))
    area_names = dict(zip(areas["code"].astype(str), areas["name"], strict=False))
    out = table.copy(deep=False)
    out.insert(list(out.columns).index("indicator_id") + 1, "indicator_name",
               _names(out["indicator_id"], names))
    out.insert(list(out.columns).index("area_code") + 1, "area_name",
               _names(out["area_code"], area_names))
    return out


def _names(keys: pd.Series, names: dict[str, object]) -> pd.Series:
    """Map keys to names once per distinct key (categoricals stay categorical)."""
    if not isinstance(keys.dtype, pd.CategoricalDtype):
        return keys.astype(str).map(names)
    labels = pd.Series([names.get(str(c)) for c in keys.cat.categories], dtype=object)
    of_label, unique = pd.factorize(labels)
    codes = keys.cat.codes.to_numpy()
    new = np.where(codes >= 0, np.append(of_label, -1)[codes], -1)
    return pd.Series(pd.Categorical.from_codes(new, categories=pd.Index(unique, dtype=object)),
                     index=keys.index)


def area_summary(table: pd.DataFrame, area_code: str, *,
                 column: str = "compared_to_city") -> pd.DataFrame:
    """Counts of indicators better / similar / worse than the city, overall and per domain.

    Counts the area's headline rows (:func:`indicators.headline.headline_rows`: one
    per indicator, sex total, headline age group, latest period with data). One
    row per domain plus a first row ``domain == "all"``. ``compared`` is the total
    of "N of M indicators significantly worse": the rows with an outcome of the
    comparison (better, similar, worse, higher or lower; not the suppressed,
    missing or untestable ones, which are ``not_compared``). ``better`` and
    ``worse`` count every significant difference at 95% (``much_better`` /
    ``much_worse``, significant at 99.8%, are included and also counted on their
    own); ``higher`` / ``lower`` are neutral indicators. ``column`` may be
    ``compared_to_rest_of_city``.
    """
    return outcome_counts(headline_rows(table, area_code), column=column)[SUMMARY_COLUMNS]


def outcome_counts(rows: pd.DataFrame, *, column: str = "compared_to_city",
                   by: str | None = "domain", sort: bool = True) -> pd.DataFrame:
    """Counts of the comparison outcomes in ``rows[column]``, every row counted as given.

    A first row over all rows (``by == "all"``), then one row per value of ``by``:
    sorted, or with ``sort=False`` in order of first appearance. With ``by=None``
    only the first row, without a ``by`` column. Columns: ``by``, then
    COUNT_COLUMNS: ``indicators`` counts every row; ``compared`` the rows with an
    outcome of the comparison (the M of "N of M"); ``better`` / ``worse`` count
    every significant difference (``much_`` outcomes included, and also counted
    on their own, see COUNTED_OUTCOMES); ``higher`` / ``lower`` are neutral
    indicators; ``no_outcome`` counts missing outcomes (NaN / None). An outcome
    outside the vocabulary (e.g. ``benchmark``) counts in ``indicators`` only.
    """
    outcomes = rows[column].to_numpy(dtype=object)
    missing = pd.isna(outcomes)
    groups: dict[str, Counter[Any]] = {}  # a profile's few rows: counted, not grouped by pandas
    if by is not None:
        keys = rows[by].astype(str).to_numpy(dtype=object)
        for key, keyless, outcome, gone in zip(keys, pd.isna(keys), outcomes, missing, strict=True):
            if not keyless:  # as pandas' groupby: a row without a key is in the overall row only
                groups.setdefault(key, Counter())[None if gone else outcome] += 1
    overall = Counter(None if gone else outcome for outcome, gone in zip(outcomes, missing, strict=True))
    order = sorted(groups) if sort else list(groups)
    table = pd.DataFrame([_counted(overall), *(_counted(groups[k]) for k in order)],
                         columns=COUNT_COLUMNS, dtype=np.int64)
    if by is not None:
        table.insert(0, by, [OVERALL, *order])
    return table


def _counted(outcomes: Counter[Any]) -> list[int]:
    """COUNT_COLUMNS of one group's outcomes (None: no outcome)."""
    counts = {name: sum(outcomes[o] for o in counted) for name, counted in COUNTED_OUTCOMES.items()}
    return [sum(outcomes.values()) if c == "indicators" else outcomes[None] if c == "no_outcome"
            else counts[c] for c in COUNT_COLUMNS]


def domain_scores(table: pd.DataFrame, catalogue: pd.DataFrame, period: str | None = None, *,
                  sex: str = "total", age_group: str = DEFAULT_AGE_GROUP,
                  method: str = "z") -> pd.DataFrame:
    """Composite domain scores per area: descriptive, not a significance test.

    Each indicator's values are standardized across the areas of one level
    (``z``: z-scores; ``percentile``: percentile ranks centred on 0, −50..50),
    signed so that higher is better (neutral indicators are left out), and
    averaged per domain with the catalogue ``weight``. ``period=None`` takes
    each indicator's latest period. Rows: one per area × domain, plus
    ``domain == "all"`` over every indicator; rank 1 = best within level and domain.
    """
    if method not in SCORE_METHODS:
        raise ValueError(f"Unknown score method {method!r}. Valid: {', '.join(SCORE_METHODS)}")
    pick = ((table["level"] != CITY_LEVEL) & (table["sex"] == sex)
            & (table["age_group"] == age_group) & (table["status"] == "ok")
            & (table["polarity"] != "neutral") & table["value"].notna())
    pick &= table["is_latest"] if period is None else (table["period"] == period)
    rows = table.loc[pick, ["indicator_id", "area_code", "level", "domain", "value", "polarity"]]
    rows = rows.astype({"indicator_id": str, "area_code": str, "level": str, "domain": str,
                        "polarity": str})
    by = rows.groupby(["indicator_id", "level"])["value"]
    if method == "z":
        sd = by.transform("std").replace(0.0, np.nan)
        standard = ((rows["value"] - by.transform("mean")) / sd).fillna(0.0)
    else:
        standard = (by.rank(pct=True) - 0.5) * 100.0
    rows["standard"] = np.where(rows["polarity"] == "low_is_good", -standard, standard)
    weight = catalogue["weight"] if "weight" in catalogue else pd.Series(1.0, catalogue.index)
    weights = dict(zip(catalogue["id"].astype(str), pd.to_numeric(weight, errors="coerce"),
                       strict=False))
    rows["weight"] = rows["indicator_id"].map(weights).fillna(1.0)
    rows["weighted"] = rows["standard"] * rows["weight"]
    everything = rows.assign(domain=OVERALL)
    both = pd.concat([everything, rows], ignore_index=True)
    sums = both.groupby(["area_code", "level", "domain"], sort=True).agg(
        weighted=("weighted", "sum"), weight=("weight", "sum"), indicators=("weighted", "size"))
    sums["score"] = sums["weighted"] / sums["weight"]
    out = sums.reset_index()
    out["rank"] = out.groupby(["level", "domain"])["score"].rank(ascending=False, method="min")
    return out.astype({"indicators": np.int64, "rank": np.int64})[SCORE_COLUMNS]
