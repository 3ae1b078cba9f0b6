"""The categories and cell numbering ``comparison_table`` uses on a whole input.

A part's table carries its own categories (only its indicators, its periods ...);
the whole table's come from the whole input, read here the way
``indicators.prepare`` reads them: a categorical key keeps its categories, any other
key is numbered in order of first appearance, periods are sorted, the city is
appended to the areas, and the lookups (level, domain, unit, headline age group) are
numbered in the order of the keys they hang on. When standardised indicators have
rows, the engine first replaces them (their rows last), which turns the keys into
plain text; the standardised part's input rows stand in for them here.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from indicators.contract import CITY_LEVEL, DEFAULT_AGE_GROUP, SEXES, STANDARDISED_TYPES
from indicators.keys import small_key_space

Labels = list[object]


@dataclass(frozen=True)
class GlobalKeys:
    categories: dict[str, Labels]  # output column → its categories on the whole input
    small: bool  # the engine numbers cells by combined key (else by first appearance)

    def cell_key(self, table: pd.DataFrame) -> NDArray[np.int64]:
        """Combined indicator × period × sex × age key of rows recoded to these categories."""
        sizes = [len(self.categories[c]) for c in ("indicator_id", "period")] + [
            len(SEXES), len(self.categories["age_group"])]
        key = np.zeros(len(table), dtype=np.int64)
        for column, size in zip(("indicator_id", "period", "sex", "age_group"), sizes,
                                strict=True):
            key = key * max(size, 1) + table[column].cat.codes.to_numpy().astype(np.int64)
        return key


def _appearance(col: pd.Series) -> Labels:
    """Labels in order of first appearance (what ``pd.factorize`` gives), NaN left out."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        codes = col.cat.codes.to_numpy()
        used, first = np.unique(codes, return_index=True)
        keep = used >= 0
        order = used[keep][np.argsort(first[keep], kind="stable")]
        return list(col.cat.categories.astype(object)[order])
    return list(pd.unique(col.dropna().astype(object)))


def _labels(col: pd.Series, as_text: bool) -> Labels:
    if isinstance(col.dtype, pd.CategoricalDtype) and not as_text:
        return list(col.cat.categories.astype(object))
    return _appearance(col)


def _key_frames(values: pd.DataFrame, catalogue: pd.DataFrame,
                standardised: list[pd.DataFrame]) -> tuple[list[pd.DataFrame], bool]:
    """The key columns of the engine's input after standardisation, and whether they
    became plain text."""
    kind = catalogue["value_type"].astype(str).isin(STANDARDISED_TYPES) \
        if "value_type" in catalogue else pd.Series(False, index=catalogue.index)
    ids = set(catalogue.loc[kind.to_numpy(), "id"].astype(str)) if "id" in catalogue else set()
    if not ids:
        return [values], False
    mine = values["indicator_id"].astype(str).isin(ids).to_numpy()
    if not mine.any():
        return [values], False
    rest = values.loc[~mine]
    frames = [rest] if len(rest) else []
    return frames + [t for t in standardised if len(t)], True


def _column(frames: list[pd.DataFrame], name: str, as_text: bool) -> Labels:
    if len(frames) == 1:
        return _labels(frames[0][name], as_text)
    seen: dict[object, None] = {}
    for frame in frames:
        seen.update(dict.fromkeys(_appearance(frame[name])))
    return list(seen)


def _age_labels(frames: list[pd.DataFrame], as_text: bool) -> Labels:
    if any(f["age_group"].isna().any() for f in frames):
        filled = [f.assign(age_group=f["age_group"].astype(object).fillna(DEFAULT_AGE_GROUP))
                  for f in frames]
        return _column(filled, "age_group", True)
    return _column(frames, "age_group", as_text)


def _factorized(values: NDArray[np.object_]) -> Labels:
    _, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    return list(np.asarray(uniques, dtype=object))


def _lookups(catalogue: pd.DataFrame, ind: Labels) -> dict[str, Labels]:
    cat = catalogue.drop_duplicates("id", keep="first").reset_index(drop=True)
    pos = pd.Index(cat["id"].astype(str)).get_indexer(pd.Index([str(i) for i in ind]))
    take = np.maximum(pos, 0)

    def text(column: str) -> NDArray[np.object_]:
        if column not in cat:
            return np.full(len(cat), None, dtype=object)
        got = cat[column].astype(object)
        return got.where(got.notna() & (got != ""), None).to_numpy(dtype=object)

    unit = cat["unit"].to_numpy(dtype=object) if "unit" in cat else np.full(len(cat), None)
    return {"domain": _factorized(cat["domain"].to_numpy(dtype=object)[take]),
            "unit": _factorized(unit[take]),
            "headline_age_group": _factorized(text("headline_age_group")[take])}


def _levels(areas: pd.DataFrame, area_cats: Labels, city_code: str) -> Labels:
    tab = areas.drop_duplicates("code", keep="first").reset_index(drop=True)
    pos = pd.Index(tab["code"].astype(str)).get_indexer(pd.Index([str(a) for a in area_cats]))
    levels = tab["level"].fillna("district").astype(str).to_numpy(dtype=object)
    level_of = np.where(pos >= 0, levels[np.maximum(pos, 0)], "district").astype(object)
    level_of[[str(a) for a in area_cats].index(city_code)] = CITY_LEVEL
    return _factorized(level_of)


def global_keys(values: pd.DataFrame, catalogue: pd.DataFrame, areas: pd.DataFrame,
                city_code: str, standardised: list[pd.DataFrame]) -> GlobalKeys:
    """The whole input's categories; ``standardised`` are the input rows (after
    standardisation) of the part holding the standardised indicators, if any."""
    frames, as_text = _key_frames(values, catalogue, standardised)
    ind = _column(frames, "indicator_id", as_text)
    area = _column(frames, "area_code", as_text)
    if city_code not in {str(a) for a in area}:
        area.append(city_code)
    period = _column(frames, "period", as_text)
    period = [period[i] for i in np.argsort([str(p) for p in period], kind="stable")]
    age = _age_labels(frames, as_text)
    n_rows = sum(len(f) for f in frames)
    space = prod(max(n, 1) for n in (len(ind), len(period), len(SEXES), len(age)))
    categories = {"indicator_id": ind, "area_code": area, "period": period, "age_group": age,
                  "level": _levels(areas, area, city_code)} | _lookups(catalogue, ind)
    return GlobalKeys(categories, small_key_space(space, n_rows))
