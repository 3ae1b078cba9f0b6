"""Links that carry the view's state: path plus query string (language first)."""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any
from urllib.parse import quote, urlencode

# The city of a many-city store the request reads (``?city=boras``; None: the store's own).
# Set per request by the app (dashboard.app), so that every link a page makes keeps it.
CITY: ContextVar[str | None] = ContextVar("atlas_city", default=None)


def current_city() -> str | None:
    return CITY.get()


def href(path: str, lang: str, **params: Any) -> str:
    """``/area/A1?lang=sv&indicator=x``; empty parameters are left out, lists joined by
    commas; the request's city (``city=``) is kept unless ``city`` is given (``""``: none)."""
    query: dict[str, str] = {"lang": lang}
    params.setdefault("city", CITY.get())
    for key, value in params.items():
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, list | tuple):
            value = ",".join(str(v) for v in value)
        query[key] = str(value)
    return f"{path}?{urlencode(query, quote_via=quote, safe=',')}"


def switch_query(name: str, on: bool) -> dict[str, str]:
    """``{name: "on"}`` for a page's switch that is on (``?places=on``); nothing when off."""
    return {name: "on"} if on else {}


def geometry_path(version: int | None) -> str:
    """The display geometry of a load batch (of the request's city: the URL is cached forever)."""
    city = CITY.get()
    return f"/geo/{version or 0}.geojson" + (f"?city={quote(city)}" if city else "")


def area_path(code: str) -> str:
    return f"/area/{quote(str(code), safe='')}"


def indicator_path(indicator_id: str) -> str:
    return f"/indicator/{quote(str(indicator_id), safe='')}"


def clicked_area(click: dict[str, Any] | None) -> str | None:
    """The area code of a clicked chart dot whose ``customdata`` is ``[hover text, code]``
    (the ranking, the scatter); None when the click hit no area."""
    points = (click or {}).get("points") or []
    data = points[0].get("customdata") if points else None
    if not isinstance(data, list) or len(data) < 2 or not data[1]:
        return None
    return str(data[1])


def first(value: Any) -> str | None:
    """One query parameter as text (a repeated parameter keeps its first value)."""
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def split_list(value: Any) -> list[str]:
    """``"A1,A2"`` or a repeated parameter → ``["A1", "A2"]`` (blanks dropped, order kept)."""
    items: Iterable[Any] = value if isinstance(value, list | tuple) else [value]
    out: list[str] = []
    for item in items:
        for part in str(item or "").split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out
