"""The Fingertips spine chart as geometry: where the range, the middle half and the area sit.

The city is at the centre (50 %); the scale reaches the area furthest from the
city on either side. Without a city value (or for a count, which is never set
against the city total) the areas' median is the centre and no city line is drawn. With a polarity, worse is always on the left and better on
the right; a neutral indicator runs low → high. Positions are percentages of
the chart's width, so the view can draw it with plain CSS.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SpineGeometry:
    left: float  # range: worst (or lowest) area
    right: float  # range: best (or highest) area
    q_left: float  # middle half of the areas
    q_right: float
    marker: float | None  # the area; None when it has no value
    city: float | None = 50.0  # the city line; None without a city value (nothing drawn)


def spine_geometry(values: np.ndarray, city: float | None, area_value: float | None,
                   polarity: str) -> SpineGeometry | None:
    """The spine of one indicator (centred on the city, else on the areas' median, with no
    city line), or None without area values."""
    data = np.asarray(values, dtype=float)
    data = data[~np.isnan(data)]
    if data.size == 0:
        return None
    has_city = city is not None and not math.isnan(city)
    centre = float(city) if has_city else float(np.median(data))  # type: ignore[arg-type]
    sign = -1.0 if polarity == "low_is_good" else 1.0
    half = float(np.max(np.abs(data - centre)))
    if half == 0:
        half = 1.0

    def pos(x: float) -> float:
        return float(np.clip(50.0 + 50.0 * sign * (x - centre) / half, 0.0, 100.0))

    lo, q1, q3, hi = np.quantile(data, [0.0, 0.25, 0.75, 1.0])
    ends = sorted((pos(lo), pos(hi)))
    quart = sorted((pos(q1), pos(q3)))
    marker = None if area_value is None or math.isnan(area_value) else pos(area_value)
    return SpineGeometry(ends[0], ends[1], quart[0], quart[1], marker, 50.0 if has_city else None)
