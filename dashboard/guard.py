"""Page layouts that never fail: a banner instead of a traceback when the store is down,
empty, or a layout has a bug (``@guarded`` on each page's ``layout``)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from dashboard.context import current_atlas, current_frame
from dashboard.model import UNAVAILABLE
from dashboard.urls import first
from dashboard.views.shell import empty_store, failed, store_down
from presentation.i18n import normalize_lang

log = logging.getLogger("dashboard")


def guarded(layout: Callable[..., Any]) -> Callable[..., Any]:
    """A page layout that shows a banner instead of failing: store down, empty, or a bug."""

    @functools.wraps(layout)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = normalize_lang(first(kwargs.get("lang")))
        try:
            if current_atlas().is_empty():
                return empty_store(current_frame(), lang)
            return layout(*args, **kwargs)
        except UNAVAILABLE as exc:
            log.warning("store unavailable: %s", exc)
            return store_down(current_frame(), lang)
        except Exception:
            log.exception("page layout failed: %s", layout.__name__)
            return failed(current_frame(), lang)

    return wrapper
