"""Value classes for the map (mapclassify), looked up by scheme name.

``natural_breaks`` is Jenks: the breaks that minimise the squared deviations
within classes. Up to ``JENKS_EXACT_MAX`` values it is Fisher's exact optimum
(mapclassify.FisherJenks, quadratic without numba); above, the same objective
by Lloyd's 1-D k-means from three starts: deterministic, linear, and within
about one percent of the optimum (tests/dashboard/test_figures.py checks it).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import mapclassify
import numpy as np

SCHEMES: tuple[str, ...] = ("quantiles", "natural_breaks", "equal_interval")
DEFAULT_K = 5
JENKS_EXACT_MAX = 100


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


def _within(x: np.ndarray, bins: np.ndarray) -> float:
    """Squared deviations within classes (Jenks' objective) of sorted ``x``."""
    idx = np.minimum(np.searchsorted(bins, x, side="left"), len(bins) - 1)
    count = np.bincount(idx, minlength=len(bins))
    sums = np.bincount(idx, weights=x, minlength=len(bins))
    squares = np.bincount(idx, weights=x * x, minlength=len(bins))
    return float((squares - np.divide(sums**2, count, out=np.zeros_like(sums), where=count > 0)).sum())


def _lloyd(x: np.ndarray, bins: np.ndarray, iterations: int = 200) -> np.ndarray:
    """Lloyd's algorithm in one dimension: breaks halfway between class means, until stable."""
    for _ in range(iterations):
        idx = np.minimum(np.searchsorted(bins, x, side="left"), len(bins) - 1)
        count = np.bincount(idx, minlength=len(bins))
        centres = np.bincount(idx, weights=x, minlength=len(bins))[count > 0] / count[count > 0]
        new = np.append((centres[:-1] + centres[1:]) / 2, x[-1])
        if len(new) == len(bins) and np.allclose(new, bins):
            break
        bins = new
    return bins


def _kmeans_breaks(values: np.ndarray, k: int) -> np.ndarray:
    """Jenks' objective by Lloyd's algorithm from three starts (quantiles, equal intervals,
    exact Jenks on 60 quantiles of the data); the best result wins."""
    x = np.sort(values)
    sample = np.quantile(x, np.linspace(0, 1, 60))
    starts = [np.quantile(x, np.linspace(0, 1, k + 1)[1:]), np.linspace(x[0], x[-1], k + 1)[1:],
              np.asarray(mapclassify.FisherJenks(sample, k=k).bins, dtype=float)]
    bins = min((_lloyd(x, b) for b in starts), key=lambda b: _within(x, b))
    # Each break at the largest value in its class, as mapclassify reports them.
    return np.array([x[x <= b].max() for b in bins[:-1]] + [x[-1]])


def _jenks(values: np.ndarray, k: int) -> np.ndarray:
    if len(values) <= JENKS_EXACT_MAX:
        return np.asarray(mapclassify.FisherJenks(values, k=k).bins, dtype=float)
    return _kmeans_breaks(values, k)


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
