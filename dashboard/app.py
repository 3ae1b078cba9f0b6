"""The Dash app: ``create_app(atlas)``; ``dashboard.app:server`` is the WSGI entry.

Importing this module loads no data and builds no app: ``server`` is made on
first access (gunicorn's ``dashboard.app:server`` does exactly that), and the
store is read on the first request.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
from pathlib import Path
from typing import Any

import dash
import flask
from dash import ALL, Input, Output, State, html
from werkzeug.exceptions import BadRequest

import dashboard.pages  # noqa: F401 - the package Dash imports the pages into
from api.blueprint import api_blueprint
from api.tables import published
from dashboard import delivery, hardening, health, ids, payloads
from dashboard.cache import make_cache
from dashboard.context import (
    ATLAS_KEY,
    UnknownCity,
    current_atlas,
    current_registry,
    request_city,
    request_lang,
)
from dashboard.hardening import InvalidInput, client_error, unavailable
from dashboard.model import UNAVAILABLE, Atlas
from dashboard.urls import CITY, geometry_path
from dashboard.viewmodels.cities import outlines_body, outlines_token
from dashboard.views.shell import alert
from presentation.i18n import default_lang, t
from settings.languages import LANGS
from store.engine import read_database_url

HERE = Path(__file__).resolve().parent
log = logging.getLogger("dashboard")

URL_SYNC_JS = """
function(states) {
    var langs = __LANGS__;
    var state = (states || []).filter(Boolean)[0];
    if (!state) { return window.dash_clientside.no_update; }
    var params = new URLSearchParams();
    Object.keys(state.query || {}).forEach(function(k) {
        var v = state.query[k];
        if (v !== null && v !== undefined && v !== "") { params.set(k, v); }
    });
    // the city of a many-city store stays in the URL while one browses it (?city=boras)
    var city = new URLSearchParams(window.location.search).get("city");
    if (city && !params.has("city")) { params.set("city", city); }
    var url = state.path + "?" + params.toString();
    if (window.location.pathname + window.location.search !== url) {
        // a control the user changed (state.push) adds a history entry, so Back returns to it
        window.history[state.push ? "pushState" : "replaceState"](window.history.state, "", url);
    }
    if (!window.__atlasBack) {  // Back or Forward within a page: Dash's router may not notice
        window.__atlasBack = true;
        window.addEventListener("popstate", function() {
            var last = window.__atlasUrl || "";
            var here = window.location.pathname + window.location.search;
            if (last.split("?")[0] === window.location.pathname && last !== here) { window.location.reload(); }
        });
    }
    window.__atlasUrl = url;
    document.documentElement.lang = params.get("lang") || "sv";
    if (state.title) {
        // Dash's router sets the page's registered title after a navigation, in a callback
        // of its own that may run after this one: keep this page's title (per language)
        window.__atlasTitle = {path: state.path, title: state.title};
        document.title = state.title;
    }
    if (!window.__atlasTitleGuard && document.querySelector("title")) {
        window.__atlasTitleGuard = true;
        new MutationObserver(function() {
            var mine = window.__atlasTitle;
            if (mine && mine.path === window.location.pathname && document.title !== mine.title) {
                document.title = mine.title;
            }
        }).observe(document.querySelector("title"), {childList: true, characterData: true, subtree: true});
    }
    return langs.map(function(l) { params.set("lang", l); return state.path + "?" + params.toString(); });
}
""".replace("__LANGS__", json.dumps(list(LANGS)))

INDEX = """<!DOCTYPE html>
<html lang="{lang}">
    <head>
        {{%metas%}}
        <title>{{%title%}}</title>
        {{%favicon%}}
        {{%css%}}
    </head>
    <body>
        {{%app_entry%}}
        <div class="dash-scripts">
            {{%config%}}
            {{%scripts%}}
            {{%renderer%}}
        </div>
    </body>
</html>"""


class AtlasDash(dash.Dash):
    """Dash, linking fewer scripts before the map (``delivery.first_scripts``)."""

    def interpolate_index(self, metas: Any = "", title: Any = "", css: Any = "", config: Any = "",
                          scripts: Any = "", app_entry: Any = "", favicon: Any = "", renderer: Any = "") -> Any:
        return super().interpolate_index(metas=metas, title=title, css=css, config=config,
                                         scripts=delivery.first_scripts(str(scripts)), app_entry=app_entry,
                                         favicon=favicon, renderer=renderer)


def _on_callback_error(err: Exception) -> None:
    """A callback failed: log it and show a banner (never a traceback) on the page; an
    input no page sends is refused with 400 and one log line."""
    lang = request_lang()
    if isinstance(err, InvalidInput):
        log.warning("refused a callback: %s", err)
        raise BadRequest(f"Bad request: {err}") from None
    if isinstance(err, UNAVAILABLE):
        log.warning("store unavailable in a callback: %s", err)
        message = t("error.store_down", lang)
    else:
        log.error("callback failed", exc_info=err)
        message = t("error.unexpected", lang)
    dash.set_props(ids.Shell.banner, {"children": alert(message, lang)})


def _error_page(exc: Exception) -> Any:
    """Any exception outside a callback: a client's error as 4xx, the store down as 503, else
    a plain friendly page with status 500."""
    lang = request_lang()
    client = client_error(exc)
    if client is not None:
        return client
    if isinstance(exc, UNAVAILABLE):
        log.warning("store unavailable: %s", exc)
        return unavailable(t("error.store_down", lang))
    log.error("request failed", exc_info=exc)
    body = (f"<!DOCTYPE html><html lang='{lang}'><meta charset='utf-8'><title>{t('app.title', lang)}"
            f"</title><body style='font-family:system-ui;margin:3rem'><h1>{t('app.title', lang)}</h1>"
            f"<p>{t('error.unexpected', lang)}</p><p><a href='/'>{t('notfound.back', lang)}</a></p>")
    return flask.Response(body, status=500, mimetype="text/html")


def _geometry(version: int) -> Any:
    """The display geometry of the current load batch (immutable per version: cache it).
    A client taking brotli gets it from ``dashboard.delivery`` (compressed once per batch
    at the best level); one taking only gzip gets the geometry's own gzip."""
    atlas = current_atlas()
    if (atlas.version() or 0) != version:
        return flask.redirect(f"{flask.request.script_root}{geometry_path(atlas.version())}")
    geo = atlas.display_geometry()
    encoding = delivery.accepted(flask.request.headers.get("Accept-Encoding", "")) if delivery.enabled() else None
    gz = encoding == "gzip"
    resp = flask.Response(geo.gzipped if gz else geo.body, mimetype="application/geo+json")
    if gz:
        resp.headers["Content-Encoding"] = "gzip"
    resp.headers["Vary"] = "Accept-Encoding"
    resp.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return resp


def _city_outlines(token: str) -> Any:
    """Every municipality's outline (the /cities map) at this state of the registry: the
    URL names the state, so browsers keep it forever; an older state's URL redirects."""
    cities = current_registry().read()
    if token != outlines_token(cities):
        return flask.redirect(f"{flask.request.script_root}/geo/cities-{outlines_token(cities)}.geojson")
    resp = flask.Response(outlines_body(cities), mimetype="application/geo+json")
    resp.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return resp


def _pin_atlas() -> None:
    """One request, one city and one load batch: the request's city (``?city=``, kept in
    every link it makes) is noted, and its store's version is checked once per request."""
    flask.g.atlas_city_token = CITY.set(request_city())
    try:
        atlas = current_atlas()
    except UnknownCity:
        raise  # 404, for the page, its callbacks and the API alike
    except Exception as exc:  # a bad DATABASE_URL: the page says the store is down
        log.warning("cannot make the atlas: %s", exc)
        return
    atlas.pin()
    flask.g.atlas_pinned = atlas


def _unpin_atlas(_exc: BaseException | None) -> None:
    atlas = flask.g.pop("atlas_pinned", None)
    if atlas is not None:
        atlas.unpin()
    token = flask.g.pop("atlas_city_token", None)
    if token is not None:
        CITY.reset(token)


def warm(atlas: Atlas, app: dash.Dash | None = None) -> threading.Thread:
    """Read the store and build the comparison table (or, when the load materialised it, read
    its index), the geometry and the read API's open table in the background, so the first
    visitor (or API client) does not wait for them;
    with ``app``, also compress the page's scripts at the best level (a failure is logged;
    pages will say)."""

    def run() -> None:
        try:
            atlas.warm()
            if atlas.stored() is None:  # computed here anyway; else the API reads on first use
                published(atlas)
        except Exception as exc:  # the store may be down or empty: the pages handle that
            log.warning("warming the atlas failed: %s", exc)
        if app is not None and delivery.enabled():
            try:
                page = app.server.test_client().get("/", headers={"Accept-Encoding": "identity"})
                delivery.warm_static(app.server, delivery.page_assets(page.get_data(as_text=True)))
            except Exception as exc:
                log.warning("compressing the page's scripts failed: %s", exc)
        if app is not None:
            app.server.extensions[health.WARM_KEY] = True

    if app is not None:
        app.server.extensions[health.WARM_KEY] = False
    thread = threading.Thread(target=run, name="atlas-warm", daemon=True)
    thread.start()
    return thread


def create_app(atlas: Atlas | None = None) -> dash.Dash:
    """A new dashboard app reading ``atlas`` (default: the store at DATABASE_URL, on first use)."""
    # Dash keeps module-level ``@callback``s in process-wide lists until an app claims them.
    # Start clean (the pages are re-executed below) and claim them at once, so that several
    # apps in one process (tests) each get their own complete set.
    dash._callback.GLOBAL_CALLBACK_LIST.clear()
    dash._callback.GLOBAL_CALLBACK_MAP.clear()
    app = AtlasDash(
        "dashboard", use_pages=True, pages_folder=str(HERE / "pages"),
        assets_folder=str(HERE / "assets"), serve_locally=True, title=t("app.title", default_lang()),
        update_title=None,  # type: ignore[arg-type]  # None turns the "Updating..." title off
        suppress_callback_exceptions=True, on_error=_on_callback_error,
        routing_callback_inputs={"path_": State(ids.Shell.pages_location, "pathname")},
        index_string=INDEX.format(lang=default_lang()),
        external_scripts=[delivery.plotly_script()],  # Plotly at once, fingerprinted
        assets_ignore=delivery.PLOTLY_BUNDLE_IGNORE,  # ... and only once (it lives in assets/)
    )
    app.server.config[ATLAS_KEY] = atlas
    app.layout = html.Div(dash.page_container, className="app-root")
    app.clientside_callback(
        URL_SYNC_JS,
        Output({"type": ids.Shell.lang_link, "lang": ALL}, "href"),
        Input({"type": ids.Shell.url_state, "page": ALL}, "data"),
    )
    app.server.add_url_rule("/geo/<int:version>.geojson", "geometry", _geometry)
    app.server.add_url_rule("/geo/cities-<token>.geojson", "city_outlines", _city_outlines)
    app.server.register_blueprint(api_blueprint(current_atlas))  # /api/v1: docs/api.md
    app.server.register_error_handler(Exception, _error_page)
    app.server.before_request(_pin_atlas)
    app.server.teardown_request(_unpin_atlas)
    health.install(app.server)
    app._setup_server()
    hardening.install(app)
    cache = make_cache(atlas.engine.url.render_as_string() if atlas is not None else read_database_url())
    delivery.install(app.server, cache)
    payloads.install(app.server, cache)  # after delivery: stores answers before they are compressed
    return app


@functools.cache
def _default_app() -> dash.Dash:
    return create_app()


def __getattr__(name: str) -> Any:
    """``server`` / ``app``: the default app, built on first access (not at import)."""
    if name == "server":
        return _default_app().server
    if name == "app":
        return _default_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
