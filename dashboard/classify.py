"""Value classes for the map (mapclassify), looked up by scheme name.

``natural_breaks`` is Jenks (Fisher's exact optimum). Without numba it is
quadratic, so above ``JENKS_MAX`` values it runs on that many evenly spaced
quantiles of the data: deterministic, and the same breaks to within a
fraction of a class.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import mapclassify
import numpy as np

SCHEMES: tuple[str, ...] = ("quantiles", "natural_breaks", "equal_interval")
DEFAULT_K = 5
JENKS_MAX = 200


@dataclass(frozen=True)
class Classes:
    """Upper bounds of the classes (last = maximum) and the minimum of the data."""

    lower: float
    bins: tuple[float, ...]

    def assign(self, values: np.ndarray) -> np.ndarray:
        """Class index (0-based) per value; -1 for missing values."""
        values = np.asarray(values, dtype=float)
        idx = np.searchsorted(np.asarray(self.bins), values, side="left")
        idx = np.minimum(idx, len(self.bins) - 1)
        return np.where(np.isnan(values), -1, idx)

    @property
    def k(self) -> int:
        return len(self.bins)


def _jenks(values: np.ndarray, k: int) -> np.ndarray:
    sample = values
    if len(values) > JENKS_MAX:
        sample = np.quantile(values, np.linspace(0, 1, JENKS_MAX))
    bins = np.asarray(mapclassify.FisherJenks(sample, k=k).bins, dtype=float)
    bins[-1] = values.max()
    return bins


def classify(values: np.ndarray, scheme: str, k: int = DEFAULT_K) -> Classes:
    """Classes of the non-missing ``values`` by ``scheme`` (fewer when values are few)."""
    if scheme not in SCHEMES:
        raise ValueError(f"Unknown classification {scheme!r}. Valid: {', '.join(SCHEMES)}")
    data = np.asarray(values, dtype=float)
    data = data[~np.isnan(data)]
    if data.size == 0:
        return Classes(float("nan"), ())
    k = int(max(1, min(k, np.unique(data).size)))
    if k == 1:
        return Classes(float(data.min()), (float(data.max()),))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # mapclassify warns when it merges empty classes
        if scheme == "natural_breaks":
            bins = _jenks(data, k)
        elif scheme == "quantiles":
            bins = np.asarray(mapclassify.Quantiles(data, k=k).bins, dtype=float)
        else:
            bins = np.asarray(mapclassify.EqualInterval(data, k=k).bins, dtype=float)
    bins = np.unique(bins)
    return Classes(float(data.min()), tuple(float(b) for b in bins))
