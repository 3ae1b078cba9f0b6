"""The indicator engine: pure functions on DataFrames.

Confidence intervals, city benchmarks, area-vs-city comparisons, trends,
ranks, the headline rows of an area, summaries and disclosure control.
Imports nothing from store/, etl/, dashboard/ or wellbeing/. The output
contract is docs/indicators.md; the statistical methods are docs/methods.md.
"""

from indicators.contract import (
    COMPARISONS,
    EXPORT_COLUMNS,
    EXTRA_COLUMNS,
    GAP_TRENDS,
    STATUSES,
    TABLE_COLUMNS,
    TRENDS,
)
from indicators.errors import IndicatorError, InputProblem
from indicators.headline import headline_age_groups, headline_age_rows, headline_rows
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
from indicators.summaries import area_summary, domain_scores, localize, outcome_counts
from indicators.table import comparison_table

__all__ = [
    "COMPARISONS",
    "EXPORT_COLUMNS",
    "EXTRA_COLUMNS",
    "GAP_TRENDS",
    "STATUSES",
    "TABLE_COLUMNS",
    "TRENDS",
    "IndicatorError",
    "InputProblem",
    "area_summary",
    "byar_ci",
    "comparison_table",
    "domain_scores",
    "exact_poisson_ci",
    "headline_age_groups",
    "headline_age_rows",
    "headline_rows",
    "localize",
    "outcome_counts",
    "poisson_ci",
    "proportion_ci",
    "rate_ci",
    "t_mean_ci",
    "wilson_ci",
    "z_value",
]
