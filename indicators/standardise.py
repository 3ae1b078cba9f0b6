"""Standardised indicators: age-banded counts in, one row per area × period × sex out.

An indicator of value type ``dsr``, ``isr`` or ``life_expectancy`` comes as counts and
populations by age band (``numerator`` = events or deaths, ``denominator`` = population
or person-years, ``age_group`` = the band). :func:`standardise` replaces those rows by
the method's result before the comparison table is built:

- ``dsr``: the directly standardised rate per ``multiplier`` (Dobson limits), on the
  European Standard Population 2013 (catalogue ``standard`` empty or ``esp2013``) or on
  the city's own population by band (``city``: summed over every period and sex of the
  indicator, one fixed standard so the periods compare); fewer than 10 events:
  ``too_few_events``;
- ``isr``: observed / expected × 100 against the city's age-specific rates of the same
  period and sex (Byar / exact limits); the city is 100;
- ``life_expectancy``: Chiang II life table, the last band open; at birth on age group
  ``all`` and at 65 on ``65+``; fewer than 5,000 person-years: ``too_few_person_years``.

A ``total`` sex with no rows of its own is the sum of the female and male counts per
band. The city row of every cell is computed from the summed counts of the areas (a
supplied whole-city row is ignored), never averaged. Output rows carry ``numerator`` =
observed events (deaths), ``denominator`` = population (person-years from the age on),
the 95% limits as ``lower_ci`` / ``upper_ci`` and the method's own 99.8% limits as
``lower_ci998`` / ``upper_ci998``; a blank value's reason is in ``status``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.contract import STANDARDISED_TYPES
from indicators.dsr import directly_standardised_rates
from indicators.isr import indirectly_standardised_ratios
from indicators.life_table import life_expectancy
from indicators.standards import european_standard_population

BY = ("indicator_id", "area_code", "period", "sex")
LE_AGES = {0: "all", 65: "65+"}
METHOD_COLUMNS = ("lower_ci998", "upper_ci998")


def standardised_ids(catalogue: pd.DataFrame) -> dict[str, list[str]]:
    """The catalogue's standardised indicators by value type."""
    if len(catalogue) == 0 or "value_type" not in catalogue:
        return {}
    types = catalogue["value_type"].astype(str)
    return {t: catalogue.loc[types == t, "id"].astype(str).tolist() for t in STANDARDISED_TYPES
            if (types == t).any()}


def standardise(values: pd.DataFrame, catalogue: pd.DataFrame, city_code: str) -> pd.DataFrame:
    """``values`` with every standardised indicator's banded rows replaced by its results."""
    kinds = standardised_ids(catalogue)
    if not kinds or len(values) == 0:
        return values
    ids = values["indicator_id"].astype(str)
    mine = ids.isin([i for group in kinds.values() for i in group]).to_numpy()
    if not mine.any():
        return values
    banded = _with_totals(_banded_input(values.loc[mine], city_code))
    parts = [values.loc[~mine]]
    for kind, members in kinds.items():
        rows = banded.loc[banded["indicator_id"].isin(members)]
        if len(rows):
            parts.append(_METHODS[kind](rows, catalogue, city_code))
    out = pd.concat([p for p in parts if len(p)], ignore_index=True)
    for column in values.columns:  # the input's extra columns (e.g. sd), blank on new rows
        if column not in out:
            out[column] = np.nan
    return out


def _banded_input(rows: pd.DataFrame, city_code: str) -> pd.DataFrame:
    """Area rows with events and population as numbers (city rows are recomputed)."""
    areas = rows.loc[rows["area_code"].astype(str) != city_code]
    frame = pd.DataFrame({c: areas[c].astype(str).to_numpy() for c in (*BY, "age_group")})
    frame["events"] = pd.to_numeric(areas["numerator"], errors="coerce").to_numpy()
    frame["population"] = pd.to_numeric(areas["denominator"], errors="coerce").to_numpy()
    return frame


def _with_totals(frame: pd.DataFrame) -> pd.DataFrame:
    """Add persons (``total``) rows, summed over the sexes, where an indicator has none."""
    has_total = frame.loc[frame["sex"] == "total", "indicator_id"].unique()
    split = frame.loc[(frame["sex"] != "total") & ~frame["indicator_id"].isin(has_total)]
    if len(split) == 0:
        return frame
    keys = ["indicator_id", "area_code", "period", "age_group"]
    summed = split.groupby(keys, sort=False, observed=True)[["events", "population"]].sum(
        min_count=1).reset_index()
    summed["sex"] = "total"
    return pd.concat([frame, summed[frame.columns]], ignore_index=True)


def _catalogue_of(catalogue: pd.DataFrame, indicator: str) -> pd.Series:
    return catalogue.loc[catalogue["id"].astype(str) == indicator].iloc[0]


def _multiplier(entry: pd.Series, default: float) -> float:
    got = pd.to_numeric(pd.Series([entry.get("multiplier")]), errors="coerce").iloc[0]
    return float(got) if got > 0 else default


def _city_standard(rows: pd.DataFrame) -> pd.DataFrame:
    """The city's own population by band, over every period and sex of the indicator."""
    persons = rows.loc[rows["sex"] == "total"]
    summed = persons.groupby("age_group", sort=False)["population"].sum()
    return pd.DataFrame({"age_group": summed.index.astype(str),
                         "population": summed.to_numpy(dtype=np.float64)})


def _dsr(rows: pd.DataFrame, catalogue: pd.DataFrame, city_code: str) -> pd.DataFrame:
    parts = []
    for indicator, group in rows.groupby("indicator_id", sort=False):
        entry = _catalogue_of(catalogue, str(indicator))
        standard_name = str(entry.get("standard") or "esp2013").strip().lower()
        standard = (_city_standard(group) if standard_name == "city"
                    else european_standard_population())
        got = directly_standardised_rates(
            group, by=BY, standard=standard, multiplier=_multiplier(entry, 100_000.0),
            city_code=city_code)
        parts.append(_rows(got, got["events"], got["population"], "all"))
    return pd.concat(parts, ignore_index=True)


def _isr(rows: pd.DataFrame, catalogue: pd.DataFrame, city_code: str) -> pd.DataFrame:
    got = indirectly_standardised_ratios(rows, by=BY, city_code=city_code)
    return _rows(got, got["observed"], got["population"], "all")


def _life_expectancy(rows: pd.DataFrame, catalogue: pd.DataFrame,
                     city_code: str) -> pd.DataFrame:
    got = life_expectancy(rows, by=BY, deaths="events", at_ages=tuple(LE_AGES),
                          city_code=city_code)
    parts = [_rows(got.loc[got["age"] == age], got.loc[got["age"] == age, "deaths"],
                   got.loc[got["age"] == age, "person_years"], label)
             for age, label in LE_AGES.items()]
    return pd.concat(parts, ignore_index=True)


def _rows(got: pd.DataFrame, observed: pd.Series, population: pd.Series,
          age_group: str) -> pd.DataFrame:
    """The method's result as value rows of the comparison table's input."""
    status = got["status"].astype(str)
    frame = pd.DataFrame({c: got[c].to_numpy() for c in BY})
    frame["age_group"] = age_group
    frame["numerator"] = np.asarray(observed, dtype=np.float64)
    frame["denominator"] = np.asarray(population, dtype=np.float64)
    frame["value"] = got["value"].to_numpy(dtype=np.float64)
    frame["lower_ci"] = got["lower_ci95"].to_numpy(dtype=np.float64)
    frame["upper_ci"] = got["upper_ci95"].to_numpy(dtype=np.float64)
    frame["lower_ci998"] = got["lower_ci998"].to_numpy(dtype=np.float64)
    frame["upper_ci998"] = got["upper_ci998"].to_numpy(dtype=np.float64)
    frame["status"] = status.where(status != "ok", None).to_numpy(dtype=object)
    return frame


_METHODS = {"dsr": _dsr, "isr": _isr, "life_expectancy": _life_expectancy}
