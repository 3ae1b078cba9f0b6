"""The output contract of the indicator engine: column lists and vocabularies.

docs/indicators.md documents every name here; tests/indicators/test_contract.py
keeps the two in step.
"""

from __future__ import annotations

TABLE_COLUMNS: list[str] = [
    "indicator_id", "domain", "area_code", "level", "prioritized", "period", "sex", "age_group",
    "value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998", "numerator", "denominator",
    "city_value", "city_lower_ci95", "city_upper_ci95", "difference", "ratio",
    "compared_to_city", "compared_to_rest_of_city", "trend", "gap_trend", "rank", "quintile",
    "status", "polarity", "value_type", "unit", "decimals", "is_latest",
]
"""Columns of :func:`indicators.comparison_table`, in this order (then EXTRA_COLUMNS)."""

EXTRA_COLUMNS: list[str] = ["city_source", "city_discrepancy", "rest_value", "headline_age_group",
                             "ci998_source", "comparison_basis"]
"""Columns after TABLE_COLUMNS: where the city value came from, a supplied city
value's gap to the area aggregate (when beyond rounding), the rest-of-city value,
the catalogue's headline age group of the row's indicator, where the 99.8% limits
come from, and which rule judged ``compared_to_city`` (COMPARISON_BASES)."""

EXPORT_COLUMNS: list[str] = [
    "indicator_id", "indicator_name", "domain", "area_code", "area_name", "prioritized",
    "period", "sex", "value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998",
    "numerator", "denominator", "city_value", "difference", "ratio", "compared_to_city",
    "compared_to_rest_of_city", "trend", "gap_trend", "rank", "quintile", "status",
]
"""The exact columns of `wellbeing export data` and of area-profile data exports (issue 3)."""

COMPARISONS: tuple[str, ...] = (
    "better", "similar", "worse", "much_better", "much_worse",
    "higher", "lower", "not_compared", "benchmark",
)
TRENDS: tuple[str, ...] = (
    "getting_better", "getting_worse", "increasing", "decreasing",
    "no_significant_change", "not_enough_data",
)
GAP_TRENDS: tuple[str, ...] = ("narrowing", "widening", "stable", "not_enough_data")
STATUSES: tuple[str, ...] = (
    "ok", "suppressed", "suppressed_at_source", "missing", "not_aggregable",
    "too_few_events", "too_few_person_years", "interval_over_20_years",
)
"""``status`` of a row of the comparison table; the last three are the public-health
methods' reasons for a blank value (a standardised rate of fewer than 10 events, a life
table of fewer than 5,000 person-years, a life expectancy whose 95% interval is wider
than 20 years)."""
METHOD_STATUSES: tuple[str, ...] = (
    "ok", "too_few_events", "too_few_person_years", "interval_over_20_years", "too_few_areas",
    "missing",
)
"""``status`` of the public-health methods (standardised rates and ratios, life expectancy,
inequality): published, or why the value is blank (docs/indicators.md)."""
CITY_SOURCES: tuple[str, ...] = ("supplied", "aggregate", "none")
COMPARISON_BASES: tuple[str, ...] = ("interval", "spread", "none")
"""What judged ``compared_to_city``: the area's interval (Fingertips), the areas' spread
(a value without an interval more than 1 SD of the areas from the city: indicators.spread),
or nothing (``not_compared``, and the city's own rows)."""
CI998_SOURCES: tuple[str, ...] = ("computed", "stretched", "clamped", "none")
"""Where a row's 99.8% limits come from: computed by the indicator's method (counts, SD),
the source's 95% limits stretched, stretched and clamped to the value's domain, none."""

VALUE_TYPES: tuple[str, ...] = (
    "proportion", "percentage", "rate", "mean", "median", "count", "score",
    "dsr", "isr", "life_expectancy",
)
STANDARDISED_TYPES: tuple[str, ...] = ("dsr", "isr", "life_expectancy")
"""Value types computed by indicators.standardise from counts and populations by age band
(directly standardised rate, indirectly standardised ratio, life expectancy)."""
POLARITIES: tuple[str, ...] = ("high_is_good", "low_is_good", "neutral")
SEXES: tuple[str, ...] = ("total", "female", "male")
CITY_LEVEL = "city"
DEFAULT_AGE_GROUP = "all"

DEFAULT_MIN_NUMERATOR = 5.0
DEFAULT_MIN_DENOMINATOR = 30.0

ADDITIVE_TYPES: tuple[str, ...] = ("proportion", "percentage", "rate", "count")
"""Value types whose city value is built from summed numerators and denominators."""
NOT_AGGREGABLE_TYPES: tuple[str, ...] = ("median", "score", *STANDARDISED_TYPES)
"""Value types with a city value only when the source supplies a whole-city row."""

TREND_POINTS = 5
TREND_CHI2 = 9.54953570608324
"""The chi-square threshold of a significant recent trend: scipy.stats.chi2.ppf(0.998, 1)
(= z₀.₉₉₉², 99.8% two-sided, 1 df), as Fingertips' TrendMarkerCalculator.ChiSquareConfidence."""


def code_of(vocabulary: tuple[str, ...], name: str) -> int:
    """Position of ``name`` in a vocabulary (the int8 code used internally)."""
    return vocabulary.index(name)
