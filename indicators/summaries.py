"""Reading the comparison table: names, per-area counts and composite domain scores."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.contract import CITY_LEVEL, DEFAULT_AGE_GROUP

LANGUAGES = ("sv", "pl", "en")
OVERALL = "all"
SUMMARY_COLUMNS = [
    "domain", "indicators", "better", "similar", "worse", "much_better", "much_worse",
    "higher", "lower", "not_compared",
]
SCORE_METHODS = ("z", "percentile")
SCORE_COLUMNS = ["area_code", "level", "domain", "score", "indicators", "rank"]


def localize(table: pd.DataFrame, catalogue: pd.DataFrame, areas: pd.DataFrame,
             lang: str) -> pd.DataFrame:
    """The table with ``indicator_name`` (after indicator_id) and ``area_name`` (after
    area_code) in ``lang`` (sv, pl or en). The table itself is not changed."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}. Valid: {', '.join(LANGUAGES)}")
    column = f"name_{lang}"
    if column not in catalogue.columns:
        raise ValueError(f"The catalogue has no {column!r} column. Fix: add the names in {lang}.")
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


def area_summary(table: pd.DataFrame, area_code: str, *, latest_only: bool = True,
                 sex: str = "total", age_group: str = DEFAULT_AGE_GROUP,
                 column: str = "compared_to_city") -> pd.DataFrame:
    """Counts of indicators better / similar / worse than the city, overall and per domain.

    One row per domain plus a first row ``domain == "all"``. ``better`` and
    ``worse`` count every significant difference at 95% (``much_better`` /
    ``much_worse``, significant at 99.8%, are included and also counted on their
    own); ``higher`` / ``lower`` are neutral indicators; ``not_compared`` covers
    suppressed, missing and untestable values. With ``latest_only`` (default)
    each indicator counts once, at its latest period; otherwise every period
    counts. ``column`` may be ``compared_to_rest_of_city``.
    """
    rows = table[(table["area_code"] == area_code) & (table["sex"] == sex)
                 & (table["age_group"] == age_group)]
    if latest_only:
        rows = rows[rows["is_latest"]]
    outcome = rows[column].astype(str)
    counts = pd.DataFrame({
        "domain": rows["domain"].astype(str).to_numpy(),
        "better": outcome.isin(["better", "much_better"]).to_numpy(),
        "similar": (outcome == "similar").to_numpy(),
        "worse": outcome.isin(["worse", "much_worse"]).to_numpy(),
        "much_better": (outcome == "much_better").to_numpy(),
        "much_worse": (outcome == "much_worse").to_numpy(),
        "higher": (outcome == "higher").to_numpy(),
        "lower": (outcome == "lower").to_numpy(),
        "not_compared": (outcome == "not_compared").to_numpy(),
    })
    counts["indicators"] = 1
    per_domain = counts.groupby("domain", sort=True).sum().reset_index()
    overall = counts.drop(columns="domain").sum().to_frame().T
    overall.insert(0, "domain", OVERALL)
    out = pd.concat([overall, per_domain], ignore_index=True)[SUMMARY_COLUMNS]
    return out.astype({c: np.int64 for c in SUMMARY_COLUMNS[1:]})


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
