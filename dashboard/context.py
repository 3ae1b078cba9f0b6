"""What a page or callback needs from the running app: the atlas and the language.

The atlas lives in the Flask app's config (``create_app(atlas)`` puts it there,
or the first request makes one from DATABASE_URL), so page modules never
import the app and tests can inject any store.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, cast
from urllib.parse import parse_qs, urlparse

import flask
from werkzeug.exceptions import NotFound

from dashboard.model import Atlas
from dashboard.registry import Registry
from dashboard.urls import current_city
from dashboard.viewmodels.frame import Frame, frame_of
from presentation.i18n import normalize_lang
from store.cities import city_engine

ATLAS_KEY = "WELLBEING_ATLAS"
CITIES_KEY = "WELLBEING_CITY_ATLASES"  # slug -> Atlas of that city of a many-city store
REGISTRY_KEY = "WELLBEING_REGISTRY"
KEPT_CITIES = 32  # cities whose atlas (and its cached reads) a worker keeps, least recent out
log = logging.getLogger("dashboard")
_made = threading.RLock()  # re-entered: the registry is made from the store atlas


class UnknownCity(NotFound):
    """A URL names a city the store does not hold."""


def _kept(key: str, make: Callable[[], Any]) -> Any:
    """The running app's ``key`` in its config, made by ``make`` on first use (once, however
    many threads ask)."""
    config = flask.current_app.config
    found = config.get(key)
    if found is None:
        with _made:
            found = config.get(key)
            if found is None:
                found = config[key] = make()
    return found


def store_atlas() -> Atlas:
    """The atlas of the store's own city (made from DATABASE_URL on first use)."""
    return cast(Atlas, _kept(ATLAS_KEY, Atlas))


def current_registry() -> Registry:
    """The registry of the running app's store (its cities, for a many-city store)."""
    return cast(Registry, _kept(REGISTRY_KEY, lambda: Registry(store_atlas().engine)))


def current_atlas() -> Atlas:
    """The atlas of the request's city (``?city=``), else of the store's own city."""
    slug = current_city()
    if slug is None:
        return store_atlas()
    config = flask.current_app.config
    atlases: OrderedDict[str, Atlas] = config.setdefault(CITIES_KEY, OrderedDict())
    with _made:
        atlas = atlases.get(slug)
        if atlas is not None:
            atlases.move_to_end(slug)
            return atlas
    if slug not in current_registry().slugs():
        raise UnknownCity(f"This atlas holds no city {slug!r}.")
    url = store_atlas().engine.url.render_as_string(hide_password=False)
    with _made:
        atlas = atlases.get(slug) or Atlas(city_engine(url, slug))
        atlases[slug] = atlas
        while len(atlases) > KEPT_CITIES:  # a country's worth of cities: keep the busiest
            atlases.popitem(last=False)
    return atlas


def request_city() -> str | None:
    """The city a request reads: its own ``city`` parameter; for a callback, its page's
    (the router's ``search``, or a page-state store's query, in the request's body), else
    the referrer's; None for the store's own city."""
    try:
        value = flask.request.args.get("city")
    except RuntimeError:  # outside a request
        return None
    if value is None and flask.request.path.startswith("/api/"):
        return None  # a client of the read API names its city (absent: the store's own)
    if value is None and flask.request.path.endswith("_dash-update-component"):
        value = _body_city()
    if value is None:
        values = parse_qs(urlparse(flask.request.referrer or "").query).get("city")
        value = values[0] if values else None
    return (value.strip() or None) if isinstance(value, str) else None


def _body_city() -> str | None:
    """``city`` of the page a callback's body describes (before Dash reads the body)."""
    try:
        body = flask.request.get_json(silent=True, cache=True) or {}
        items = [*(body.get("inputs") or []), *(body.get("state") or [])]
    except (ValueError, RecursionError, AttributeError, TypeError):  # refused by dashboard.hardening
        return None
    for item in _flat(items):
        if item.get("id") == "_pages_location" and item.get("property") == "search":
            found = parse_qs(str(item.get("value") or "").lstrip("?")).get("city")
            if found:
                return found[0]
        elif (query := _page_query(item)) is not None and isinstance(query.get("city"), str):
            return str(query["city"])
    return None


def _flat(items: list[Any]) -> list[dict[str, Any]]:
    """A callback's inputs or states (a pattern's lists opened), the dicts among them."""
    return [x for item in items for x in (item if isinstance(item, list) else [item]) if isinstance(x, dict)]


def _page_query(item: dict[str, Any]) -> dict[str, Any] | None:
    """The query of a page-state store's value (``{"path", "query", ...}``), else None."""
    value = item.get("value")
    return value["query"] if isinstance(value, dict) and isinstance(value.get("query"), dict) else None


def current_frame() -> Frame:
    """What the header shows of the running app's atlas (empty when it cannot be made)."""
    try:
        atlas = current_atlas()
    except Exception as exc:  # a bad DATABASE_URL: the header renders, the page says why
        log.debug("no atlas for the header: %s", exc)
        return Frame()
    return frame_of(atlas, current_city() is not None or bool(current_registry().slugs()))


def _state_query(name: str) -> str | None:
    """``name`` of a page-state store's query among the running callback's inputs and states."""
    try:
        import dash

        items = [*dash.ctx.states_list, *dash.ctx.inputs_list]
    except Exception:  # not inside a callback
        return None
    for item in _flat(items):
        if (query := _page_query(item)) is not None:
            found = query.get(name)
            return found if isinstance(found, str) else None
    return None


def request_lang() -> str:
    """The language of the page a request came from: its state store, else the referrer."""
    lang = _state_query("lang")
    if lang:
        return normalize_lang(lang)
    try:
        referrer = flask.request.referrer or ""
    except RuntimeError:  # outside a request
        return normalize_lang(None)
    values = parse_qs(urlparse(referrer).query).get("lang")
    return normalize_lang(values[0] if values else None)
