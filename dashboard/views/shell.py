"""The frame of every page: header with the city and the language switch, banner, footer.

Each page's layout function wraps its body with :func:`page`, so the header is
rendered in the page's language, and the page's state store feeds the shared
URL-sync callback (dashboard/app.py).
"""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard import ids
from dashboard.display import aria
from dashboard.urls import current_city, href
from dashboard.viewmodels.frame import Frame
from presentation.i18n import city_name, t
from settings.languages import LANG_NAMES, LANGS

NAV = (("map", "/", "nav.map"), ("compare", "/compare", "nav.compare"),
       ("indicator", "/indicator/", "nav.indicator"), ("scatter", "/scatter", "nav.scatter"),
       ("collaboration", "/collaboration", "nav.collaboration"),
       ("about", "/about", "nav.about"))


def brand(lang: str, city: dict[str, Any]) -> html.Div:
    name = city_name(city, lang)
    parts: list[Any] = [
        dcc.Link([html.Span("◧", className="brand-mark", **aria(hidden="true")),
                  html.Span(t("app.title", lang), className="brand-title")],
                 href=href("/", lang), className="brand-link"),
    ]
    if name:
        parts.append(html.Span(name, className="brand-city"))
    if city.get("synthetic"):
        parts.append(html.Span(t("badge.synthetic", lang), className="badge badge-synthetic",
                               title=t("badge.synthetic.title", lang)))
    return html.Div(parts, className="brand")


def nav(lang: str, active: str, first_indicator: str) -> html.Nav:
    links = [
        dcc.Link(t(key, lang), href=href(path + (first_indicator if name == "indicator" else ""), lang),
                 className="nav-link" + (" active" if name == active else ""))
        for name, path, key in NAV
    ]
    return html.Nav(links, className="nav", **aria(label=t("nav.label", lang)))


def lang_switch(lang: str, path: str, query: dict[str, Any]) -> html.Div:
    rest = {k: v for k, v in query.items() if k != "lang"}
    links = [
        dcc.Link(code.upper(), href=href(path, code, **rest), id=ids.lang_link(code),
                 className="lang-link" + (" active" if code == lang else ""),
                 title=LANG_NAMES[code])
        for code in LANGS
    ]
    return html.Div(links, className="lang-switch", role="group",
                    **aria(label=t("lang.label", lang)))


def cities_link(frame: Frame, lang: str, active: str) -> list[Any]:
    """A many-city store's way up to its municipalities (/cities, leaving the city)."""
    if not frame.cities:
        return []
    return [dcc.Link([html.Span("◫ ", **aria(hidden="true")), t("nav.cities", lang)],
                     href=href("/cities", lang, city=""), id=ids.Cities.header_link,
                     className="cities-link" + (" active" if active == "cities" else ""))]


def header(frame: Frame, lang: str, active: str, path: str, query: dict[str, Any]) -> html.Header:
    # a many-city store without a city of its own: no city's pages to link to from here
    pages = [] if frame.cities and not frame.city else [nav(lang, active, frame.first_indicator)]
    return html.Header(
        html.Div([brand(lang, frame.city), *cities_link(frame, lang, active), *pages,
                  lang_switch(lang, path, query)], className="header-inner"),
        className="site-header",
    )


def page(frame: Frame, lang: str, active: str, path: str, query: dict[str, Any], body: Any,
         state_page: str | None = None, title: str | None = None, footer: str = "footer") -> html.Div:
    """A whole page: skip link, header, banner, main content, footer (the string ``footer``),
    URL state."""
    data = {"path": path, "query": query, "title": title or t("app.title", lang)}
    state = [dcc.Store(id=ids.url_state(state_page), data=data)] if state_page else []
    return html.Div([
        html.A(t("skip", lang), href=f"#{ids.Shell.main}", className="skip-link"),
        header(frame, lang, active, path, query),
        html.Div(id=ids.Shell.banner, className="banner-slot", role="alert"),
        html.Main(body, id=ids.Shell.main, className="main", tabIndex="-1"),
        html.Footer(html.P(t(footer, lang)), className="site-footer"),
        *state,
    ], className="page", lang=lang)


def alert(message: str, lang: str, kind: str = "error") -> html.Div:
    return html.Div([
        html.Span("⚠", className="alert-icon", **aria(hidden="true")),
        html.Span(message),
        html.A(t("error.retry", lang), href="", className="alert-action"),
    ], className=f"alert alert-{kind}")


def not_found(frame: Frame, lang: str, key: str, code: str, path: str | None = None) -> html.Div:
    """The friendly page for an unknown area, indicator or address, with a way back. Given
    the ``path`` asked for, the page keeps it in the address bar and sets the document's
    title and language (the URL state, as every page does)."""
    body = html.Section([
        html.H1(t("notfound.title", lang)),
        html.P(t(key, lang, code=code), className="lead"),
        html.P(t("notfound.hint", lang)),
        dcc.Link("← " + t("notfound.back", lang), href=href("/", lang), className="button primary",
                 id=ids.Shell.not_found_back),
    ], className="not-found card")
    if path is not None:
        title = f"{t('notfound.title', lang)} – {t('app.title', lang)}"
        return page(frame, lang, "", path, {"lang": lang}, body, "not_found", title)
    return page(frame, lang, "", "/", {"lang": lang}, body)


def empty_store(frame: Frame, lang: str) -> html.Div:
    if _cities_instead(frame):
        return own_city_empty(frame, lang)
    body = html.Section([html.H1(t("app.title", lang)), alert(t("error.empty", lang), lang, "info")],
                        className="card")
    return page(frame, lang, "", "/", {"lang": lang}, body)


def store_down(frame: Frame, lang: str) -> html.Div:
    if _cities_instead(frame):  # its registry reads: the store is up, its own city has no tables
        return own_city_empty(frame, lang)
    body = html.Section([html.H1(t("app.title", lang)), alert(t("error.store_down", lang), lang)],
                        className="card")
    return page(frame, lang, "", "/", {"lang": lang}, body)


def _cities_instead(frame: Frame) -> bool:
    """The store's own city (no ``city=``) has no data, but the store lists municipalities."""
    return frame.cities and current_city() is None


def own_city_empty(frame: Frame, lang: str) -> html.Div:
    """A many-city store without a city of its own: the way to its municipalities."""
    body = html.Section([
        html.H1(t("app.title", lang)), html.P(t("cities.own_empty", lang), className="lead"),
        dcc.Link(t("cities.open_list", lang) + " →", href=href("/cities", lang, city=""),
                 id=ids.Cities.fallback_link, className="button primary"),
    ], className="card not-found")
    return page(frame, lang, "", "/", {"lang": lang}, body)


def failed(frame: Frame, lang: str) -> html.Div:
    """The page of a layout that failed unexpectedly: a banner, never a traceback."""
    body = html.Section(alert(t("error.unexpected", lang), lang), className="card")
    return page(frame, lang, "", "/", {"lang": lang}, body)
