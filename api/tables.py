"""The rows the API hands out, from one load batch: pure functions of the store's snapshot
and the engine's comparison table.

Every row leaves through :func:`open_table`, which blanks suppressed values again
(``presentation.redaction.redact``) and keeps only the published columns, so no endpoint
can return a suppressed value or anything it could be recovered from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from api.source import Source
from indicators import headline_age_groups, localize
from presentation.i18n import catalogue_field, catalogue_text, city_name, domain_name, unit_label
from presentation.methods import method_text
from presentation.redaction import redact
from store.read import Snapshot

KEYS = ["indicator_id", "area_code", "period", "sex", "age_group"]
OPEN_COLUMNS = [
    "indicator_id", "domain", "area_code", "level", "prioritized", "period", "sex", "age_group",
    "value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998", "numerator",
    "denominator", "city_value", "city_lower_ci95", "city_upper_ci95", "difference", "ratio",
    "compared_to_city", "compared_to_rest_of_city", "trend", "gap_trend", "rank", "quintile",
    "status", "polarity", "is_latest", "rest_value",
]
VALUE_FIELDS = [
    "indicator_id", "indicator_name", "area_code", "area_name", "level", "prioritized", "period", "sex",
    "age_group", "value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998",
    "numerator", "denominator", "status",
]
COMPARISON_FIELDS = [
    "indicator_id", "indicator_name", "area_code", "area_name", "level", "prioritized", "period",
    "sex", "age_group", "value", "lower_ci95", "upper_ci95", "comparator", "comparator_value",
    "comparator_lower_ci95", "comparator_upper_ci95", "difference", "ratio", "comparison",
    "trend", "gap_trend", "rank", "quintile", "status", "polarity",
]
CITY_FIELDS = ["city", "code", "name", "name_sv", "name_pl", "name_en", "synthetic", "areas",
               "indicators", "first_period", "latest_period", "batch", "api"]
AREA_FIELDS = ["code", "name", "level", "parent_code", "prioritized", "population", "area_km2"]
INDICATOR_FIELDS = [
    "id", "name", "description", "definition", "domain", "domain_name", "unit", "value_type",
    "multiplier", "polarity", "decimals", "source", "method", "periods", "latest_period",
    "sexes", "age_groups", "headline_age_group",
]
CITY_LEVEL = "city"


@dataclass(frozen=True)
class OpenTable:
    """The engine's table of one load batch as the API reads it: the row positions in the
    published order (indicator, area, period, sex and age group, by their text, the same
    on every server process, so pages of a listing never overlap), the positions of each
    indicator (a request for one indicator never scans the others), and what each
    indicator has. No second copy of the table is kept: rows are taken, redacted and
    named only when asked (:meth:`take`); filters read key and outcome columns only."""

    table: pd.DataFrame  # the engine's comparison table, unredacted: rows leave by take()
    order: np.ndarray  # positions of every row, in the published order
    by_indicator: dict[str, np.ndarray]  # positions of each indicator's rows, in that order
    area_names: dict[str, str]
    periods: dict[str, list[str]]  # per indicator, in time order
    sexes: dict[str, list[str]]
    age_groups: dict[str, list[str]]

    def column(self, name: str, positions: np.ndarray) -> pd.Series:
        """One key or outcome column at ``positions`` (for filtering, never for output)."""
        return self.table[name].take(positions)

    def take(self, positions: np.ndarray) -> pd.DataFrame:
        """The rows at ``positions``, redacted, with the published columns and area names."""
        columns = [c for c in OPEN_COLUMNS if c in self.table.columns]
        rows = redact(self.table[columns].take(positions).reset_index(drop=True))
        if "area_code" in rows.columns:
            rows.insert(list(rows.columns).index("area_code") + 1, "area_name",
                        _mapped(rows["area_code"], self.area_names))
        return rows


def _text_rank(column: pd.Series) -> np.ndarray:
    """Sort keys that follow the text of the values, whatever order categories were made in."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        order = np.argsort(np.argsort(column.cat.categories.astype(str).to_numpy()))
        codes = column.cat.codes.to_numpy()
        return np.where(codes >= 0, order[np.maximum(codes, 0)], -1)
    return pd.factorize(column.astype(str), sort=True)[0]


def open_table(comparisons: pd.DataFrame, areas: pd.DataFrame) -> OpenTable:
    """The comparison table as the API publishes it (see :class:`OpenTable`)."""
    names = dict(zip(areas["code"].astype(str), areas["name"], strict=False)) \
        if not areas.empty else {}
    if comparisons.empty or "indicator_id" not in comparisons.columns:
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in OPEN_COLUMNS})
        return OpenTable(empty, np.empty(0, dtype=np.int64), {}, names, {}, {}, {})
    order = np.lexsort([_text_rank(comparisons[k]) for k in reversed(KEYS)])
    in_order = comparisons["indicator_id"].take(order).reset_index(drop=True)
    by_indicator = {str(k): order[np.asarray(v)] for k, v in
                    in_order.groupby(in_order, observed=True, sort=False).indices.items()}
    return OpenTable(comparisons, order, by_indicator, names, _present(comparisons, "period"),
                     _present(comparisons, "sex"), _present(comparisons, "age_group"))


def _present(rows: pd.DataFrame, column: str) -> dict[str, list[str]]:
    """Per indicator the values of ``column`` it has, sorted (one grouping, no text copy)."""
    pairs = rows.groupby(["indicator_id", column], observed=True, sort=False).size().index
    found: dict[str, list[str]] = {}
    for indicator, value in pairs:
        found.setdefault(str(indicator), []).append(str(value))
    return {k: sorted(v) for k, v in found.items()}


def named(rows: pd.DataFrame, snapshot: Snapshot, lang: str) -> pd.DataFrame:
    """``rows`` with ``indicator_name`` (in ``lang``) and ``area_name``; rows taken from
    the open table have their area names already."""
    if "area_name" not in rows.columns:
        return localize(rows, snapshot.catalogue, snapshot.areas, lang)
    cat = snapshot.catalogue
    names = dict(zip(cat["id"].astype(str), cat[f"name_{lang}"], strict=False))
    out = rows.copy(deep=False)
    out.insert(list(out.columns).index("indicator_id") + 1, "indicator_name",
               _mapped(out["indicator_id"], names))
    return out


def _mapped(keys: pd.Series, names: dict[str, Any]) -> pd.Series:
    """Names of ``keys`` (a categorical is mapped once per category, not per row)."""
    if isinstance(keys.dtype, pd.CategoricalDtype):
        return keys.map(lambda key: names.get(str(key)))
    return keys.astype(str).map(names)


def published(source: Source) -> OpenTable:
    """The source's open table, built once per load batch."""
    return source.derived("api:open", lambda: open_table(source.comparisons(),
                                                         source.snapshot().areas))


def headline_ages(source: Source) -> pd.Series:
    """Each indicator's headline age group (``indicators.headline_age_groups``), per batch."""
    return source.derived("api:age_groups", lambda: headline_age_groups(source.comparisons()))


def value_rows(rows: pd.DataFrame, snapshot: Snapshot, lang: str) -> pd.DataFrame:
    """Values with their intervals, numerators and denominators (VALUE_FIELDS)."""
    return named(rows, snapshot, lang)[VALUE_FIELDS]


def comparison_rows(rows: pd.DataFrame, snapshot: Snapshot, lang: str,
                    comparator: str) -> pd.DataFrame:
    """Each row compared with the city or with the rest of the city (COMPARISON_FIELDS)."""
    out = named(rows, snapshot, lang)
    value = out["value"].to_numpy(dtype=float)
    if comparator == "city":
        other = out["city_value"].to_numpy(dtype=float)
        out = out.assign(comparator_lower_ci95=out["city_lower_ci95"],
                         comparator_upper_ci95=out["city_upper_ci95"],
                         comparison=out["compared_to_city"])
    else:
        other = out["rest_value"].to_numpy(dtype=float)
        with np.errstate(invalid="ignore", divide="ignore"):
            out = out.assign(comparator_lower_ci95=np.nan, comparator_upper_ci95=np.nan,
                             comparison=out["compared_to_rest_of_city"],
                             difference=value - other,
                             ratio=np.where(other != 0, value / other, np.nan))
    return out.assign(comparator=comparator, comparator_value=other)[COMPARISON_FIELDS]


def area_rows(snapshot: Snapshot) -> pd.DataFrame:
    """The areas and the whole-city row (AREA_FIELDS), by code."""
    areas = snapshot.areas
    if areas.empty:
        return pd.DataFrame(columns=AREA_FIELDS)
    return areas[AREA_FIELDS].sort_values("code", key=lambda s: s.astype(str)).reset_index(drop=True)


def indicator_records(snapshot: Snapshot, table: OpenTable, lang: str) -> pd.DataFrame:
    """The catalogue in ``lang`` with the periods, sexes and age groups each indicator has."""
    records = []
    for row in snapshot.catalogue.to_dict("records"):
        ind = str(row["id"])
        periods = table.periods.get(ind, [])
        records.append({
            "id": ind, "name": catalogue_text(row, "name", lang),
            "description": _text_or_none(catalogue_text(row, "description", lang), ind),
            "definition": catalogue_field(row, "definition", lang) or None,
            "domain": str(row["domain"]), "domain_name": domain_name(str(row["domain"]), lang),
            "unit": unit_label(row, lang) or None,
            "value_type": str(row["value_type"]), "multiplier": _number(row.get("multiplier")),
            "polarity": str(row["polarity"]), "decimals": whole(row.get("decimals"), 1),
            "source": catalogue_field(row, "source", lang) or None,
            "method": method_text(str(row["value_type"]), lang),
            "periods": periods, "latest_period": periods[-1] if periods else None,
            "sexes": table.sexes.get(ind, []), "age_groups": table.age_groups.get(ind, []),
            "headline_age_group": _optional(row.get("headline_age_group")),
        })
    return pd.DataFrame.from_records(records, columns=INDICATOR_FIELDS)


def city_record(snapshot: Snapshot, table: OpenTable, lang: str, key: str | None = None,
                api: str = "") -> dict[str, Any]:
    """The city of ``snapshot``, with what it holds: ``key`` is its key in a many-city store
    (None: the store's own city), ``api`` the address of its API."""
    city = snapshot.city
    areas = snapshot.areas
    periods = sorted({p for ps in table.periods.values() for p in ps})
    return {
        "city": key, "code": str(city.get("code", "")), "name": city_name(city, lang),
        "name_sv": city.get("name_sv"), "name_pl": city.get("name_pl"),
        "name_en": city.get("name_en"), "synthetic": bool(city.get("synthetic")),
        "areas": int((areas["level"] != CITY_LEVEL).sum()) if not areas.empty else 0,
        "indicators": len(snapshot.catalogue), "first_period": periods[0] if periods else None,
        "latest_period": periods[-1] if periods else None, "batch": snapshot.batch_id,
        "api": api,
    }


def _optional(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _text_or_none(text: str, fallback: str) -> str | None:
    return None if text == fallback else text


def whole(value: Any, default: int) -> int:
    """An integer field of the catalogue (``default`` when it is blank)."""
    number = _number(value)
    return default if number is None else int(number)


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else number
