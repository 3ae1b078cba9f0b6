"""Links that carry the view's state: path plus query string (language first)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlencode


def href(path: str, lang: str, **params: Any) -> str:
    """``/area/A1?lang=sv&indicator=x``; empty parameters are left out, lists joined by commas."""
    query: dict[str, str] = {"lang": lang}
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
