"""What a page or callback needs from the running app: the atlas and the language.

The atlas lives in the Flask app's config (``create_app(atlas)`` puts it there,
or the first request makes one from DATABASE_URL), so page modules never
import the app and tests can inject any store.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlparse

import flask

from dashboard.model import Atlas
from dashboard.viewmodels.frame import Frame, frame_of
from presentation.i18n import normalize_lang

ATLAS_KEY = "WELLBEING_ATLAS"
log = logging.getLogger("dashboard")


def current_atlas() -> Atlas:
    """The running app's atlas (made from DATABASE_URL on first use)."""
    config = flask.current_app.config
    atlas = config.get(ATLAS_KEY)
    if atlas is None:
        atlas = Atlas()
        config[ATLAS_KEY] = atlas
    return atlas


def current_frame() -> Frame:
    """What the header shows of the running app's atlas (empty when it cannot be made)."""
    try:
        atlas = current_atlas()
    except Exception as exc:  # a bad DATABASE_URL: the header renders, the page says why
        log.debug("no atlas for the header: %s", exc)
        return Frame()
    return frame_of(atlas)


def _state_lang() -> str | None:
    """``lang`` of a page-state store among the running callback's inputs and states."""
    try:
        import dash

        items = [*dash.ctx.states_list, *dash.ctx.inputs_list]
    except Exception:  # not inside a callback
        return None
    flat = [x for item in items for x in (item if isinstance(item, list) else [item])]
    for item in flat:
        value = item.get("value") if isinstance(item, dict) else None
        if isinstance(value, dict) and isinstance(value.get("query"), dict):
            return value["query"].get("lang")
    return None


def request_lang() -> str:
    """The language of the page a request came from: its state store, else the referrer."""
    lang = _state_lang()
    if lang:
        return normalize_lang(lang)
    try:
        referrer = flask.request.referrer or ""
    except RuntimeError:  # outside a request
        return normalize_lang(None)
    values = parse_qs(urlparse(referrer).query).get("lang")
    return normalize_lang(values[0] if values else None)
