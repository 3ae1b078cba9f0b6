"""Standard populations for direct standardisation.

The European Standard Population 2013 (Eurostat, *Revision of the European Standard
Population: report of Eurostat's task force*, 2013: the ESP 2013 by five-year age
group; the same weights as PHEindicatormethods' ``esp2013``): 19 age bands, 0-4 to
85-89 and the open band 90+, summing to 100,000. Kept as a table in the code (no file
is read at import time); :func:`european_standard_population` returns it as a frame.
"""

from __future__ import annotations

import pandas as pd

ESP2013_BANDS: tuple[str, ...] = (
    "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
    "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+",
)
ESP2013_WEIGHTS: tuple[int, ...] = (
    5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
    7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
)
"""ESP 2013 population of each band of ESP2013_BANDS (sum 100,000)."""
ESP2013_INFANTS: tuple[tuple[str, int], tuple[str, int]] = (("0", 1000), ("1-4", 4000))
"""The first band split as in the ESP 2013 report (under 1: 1,000; 1-4: 4,000)."""


def european_standard_population(*, age_column: str = "age_group",
                                 split_infants: bool = False) -> pd.DataFrame:
    """ESP 2013 as a frame: ``age_column`` (band label) and ``population``.

    ``split_infants=True`` gives 20 bands, with 0 and 1-4 instead of 0-4 (the layout
    of PHE's life-expectancy calculator).
    """
    bands, weights = list(ESP2013_BANDS), list(ESP2013_WEIGHTS)
    if split_infants:
        bands[0:1] = [label for label, _ in ESP2013_INFANTS]
        weights[0:1] = [weight for _, weight in ESP2013_INFANTS]
    return pd.DataFrame({age_column: bands, "population": pd.Series(weights, dtype="float64")})
