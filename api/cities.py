"""The cities of a many-city store as the API sees them (``store.cities``; issue 14, item 3).

A request names its city by ``?city=<key>``; whoever mounts the blueprint hands it the
source of that city (the dashboard does, and answers 404 for a city the store does not
hold). The API learns which city a source reads from its engine (``store.cities.city_of``),
keeps that city in every link it makes and in its ETags, and lists the store's registered
cities at ``/api/v1/cities``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import pandas as pd
from sqlalchemy import Engine

from api.render import PREFIX
from api.source import Source
from store.cities import city_of, has_registry, list_cities, registry_state
from store.migrate import has_tables


def source_city(source: Source) -> str | None:
    """The key of the city ``source`` reads; None for the store's own city."""
    return city_of(source.engine)


def unloaded(source: Source) -> bool:
    """True for the store's own city when the store holds only cities loaded under a key
    (it has their registry but no atlas tables of its own)."""
    return source_city(source) is None and not has_tables(source.engine)


def api_url(city: str | None) -> str:
    """The address of a city's API (its index, whose links keep the city)."""
    return f"{PREFIX}/" + (f"?city={quote(city, safe='')}" if city else "")


def with_city(query: Mapping[str, list[str]], city: str | None) -> dict[str, list[str]]:
    """``query`` with the city the answer reads, so a link made from it stays in that city."""
    out = dict(query)
    if city and "city" not in out:
        out["city"] = [city]
    return out


def registry_key(engine: Engine) -> str:
    """What changes when a city is loaded or removed (it keys the ETag of the listing)."""
    return "|".join(str(v) for v in registry_state(engine)) if has_registry(engine) else ""


def registered_records(engine: Engine, lang: str) -> list[dict[str, Any]]:
    """One row per city of the store's registry (the store's own engine), in the API's
    city fields; what the registry does not keep (periods, synthetic) is null."""
    frame = list_cities(engine)
    frame = frame.astype(object).where(frame.notna(), None)
    return [_record(row, lang) for row in frame.to_dict("records")]


def _record(row: Mapping[Any, Any], lang: str) -> dict[str, Any]:
    slug = str(row["slug"])
    names = {f"name_{code}": row.get(f"name_{code}") for code in ("sv", "pl", "en")}
    name = names.get(f"name_{lang}") or names["name_en"] or names["name_sv"] or slug
    return {"city": slug, "code": row.get("code"), "name": name, **names, "synthetic": None,
            "areas": _whole(row.get("areas")), "indicators": _whole(row.get("indicators")),
            "first_period": None, "latest_period": None, "batch": _whole(row.get("batch_id")),
            "api": api_url(slug)}


def _whole(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
