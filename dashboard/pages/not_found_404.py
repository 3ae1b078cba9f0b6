"""Any address the atlas does not know: a friendly page with a way back to the map."""

from __future__ import annotations

from typing import Any

import dash

from dashboard.context import current_frame, request_lang
from dashboard.urls import first
from dashboard.views.shell import not_found
from presentation.i18n import normalize_lang, t


def title(**_: Any) -> str:
    """The tab's title as Dash sets it on routing, in the language of the page asked for
    (the routing request's referrer); the page's URL state sets the same one."""
    lang = request_lang()
    return f"{t('notfound.title', lang)} – {t('app.title', lang)}"


dash.register_page(__name__, path="/404", title=title)


def layout(path_: str | None = None, **params: Any) -> Any:
    """The not-found page in the language of ``?lang=`` (its title and ``lang`` too)."""
    path = path_ or ""
    return not_found(current_frame(), normalize_lang(first(params.get("lang"))), "notfound.page", path,
                     path=path or "/")
