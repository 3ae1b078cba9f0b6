"""The indicator engine: pure functions on DataFrames.

Confidence intervals, city benchmarks, area-vs-city comparisons, trends,
ranks, the headline rows of an area, summaries and disclosure control; and the
public-health methods: directly and indirectly standardised rates and ratios,
life expectancy, inequality across the city (SII, RII) and funnel-plot limits.
Imports nothing from store/, etl/, dashboard/ or wellbeing/. The output
contract is docs/indicators.md; the statistical methods are docs/methods.md.
"""

from indicators.contract import (
    CI998_SOURCES,
    COMPARISONS,
    EXPORT_COLUMNS,
    EXTRA_COLUMNS,
    GAP_TRENDS,
    METHOD_STATUSES,
    STATUSES,
    TABLE_COLUMNS,
    TRENDS,
)
from indicators.dsr import directly_standardised_rates
from indicators.errors import IndicatorError, InputProblem
from indicators.funnel import funnel_limits
from indicators.headline import headline_age_groups, headline_age_rows, headline_rows
from indicators.inequality import inequality_trend, slope_index_of_inequality
from indicators.intervals import (
    byar_ci,
    exact_poisson_ci,
    poisson_ci,
    proportion_ci,
    rate_ci,
    t_mean_ci,
    wilson_ci,
    z_value,
)
from indicators.isr import indirectly_standardised_ratios
from indicators.life_table import life_expectancy
from indicators.standards import european_standard_population
from indicators.summaries import area_summary, domain_scores, localize, outcome_counts
from indicators.table import comparison_table

__all__ = [
    "CI998_SOURCES",
    "COMPARISONS",
    "EXPORT_COLUMNS",
    "EXTRA_COLUMNS",
    "GAP_TRENDS",
    "METHOD_STATUSES",
    "STATUSES",
    "TABLE_COLUMNS",
    "TRENDS",
    "IndicatorError",
    "InputProblem",
    "area_summary",
    "byar_ci",
    "comparison_table",
    "directly_standardised_rates",
    "domain_scores",
    "european_standard_population",
    "exact_poisson_ci",
    "funnel_limits",
    "headline_age_groups",
    "headline_age_rows",
    "headline_rows",
    "indirectly_standardised_ratios",
    "inequality_trend",
    "life_expectancy",
    "localize",
    "outcome_counts",
    "poisson_ci",
    "proportion_ci",
    "rate_ci",
    "slope_index_of_inequality",
    "t_mean_ci",
    "wilson_ci",
    "z_value",
]
