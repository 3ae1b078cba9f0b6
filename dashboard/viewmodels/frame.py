"""What the frame around every page shows of the data: the city (name, synthetic badge),
the indicator the navigation's "Indicator" link opens, and whether the store holds several
municipalities (then the header links to them: /cities)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from dashboard.model import Atlas
from dashboard.selection import default_indicator

log = logging.getLogger("dashboard")


@dataclass(frozen=True)
class Frame:
    city: dict[str, Any] = field(default_factory=dict)  # the store's city row ({} when unknown)
    first_indicator: str = ""  # "" when unknown
    cities: bool = False  # the store's registry lists municipalities (a many-city store)


def frame_of(atlas: Atlas, cities: bool = False) -> Frame:
    """The frame's data (``cities``: the atlas is one of a many-city store's); never fails:
    the header must render even when the store cannot be read (the page itself then says so)."""
    try:
        first = default_indicator(atlas) or ""
    except Exception as exc:
        log.debug("no first indicator for the header: %s", exc)
        first = ""
    try:
        city = atlas.city()
    except Exception as exc:
        log.debug("no city for the header: %s", exc)
        city = {}
    return Frame(city, first, cities)
