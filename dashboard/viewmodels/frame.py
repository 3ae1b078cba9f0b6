"""What the frame around every page shows of the data: the city (name, synthetic badge),
the indicator the navigation's "Indicator" link opens, and whether the store holds several
municipalities (then the header links to them: /cities)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select

from dashboard.model import Atlas
from dashboard.selection import default_indicator
from store.cities import atlas_cities, city_of, has_registry

log = logging.getLogger("dashboard")


@dataclass(frozen=True)
class Frame:
    city: dict[str, Any] = field(default_factory=dict)  # the store's city row ({} when unknown)
    first_indicator: str = ""  # "" when unknown
    cities: bool = False  # the store's registry lists municipalities (a many-city store)


def lists_cities(engine: Engine) -> bool:
    """Whether the atlas on ``engine`` is one of a many-city store's: a city's own engine, or
    a store whose registry lists cities (one count, not the registry's rows); False when the
    store cannot be read."""
    if city_of(engine) is not None:
        return True
    try:
        if not has_registry(engine):
            return False
        with engine.connect() as conn:
            return bool(conn.execute(select(func.count()).select_from(atlas_cities)).scalar())
    except Exception as exc:
        log.debug("no registry for the header: %s", exc)
        return False


def frame_of(atlas: Atlas) -> Frame:
    """The frame's data; never fails: the header must render even when the store cannot
    be read (the page itself then says so)."""
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
    return Frame(city, first, lists_cities(atlas.engine))
