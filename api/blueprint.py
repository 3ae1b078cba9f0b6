"""The read API as a Flask blueprint, mounted under /api/v1 on the dashboard's server.

``api_blueprint(reader)`` takes a callable that returns the :class:`~api.source.Source` of
the running server (the dashboard passes its ``current_atlas``, so the API reads the same
per-batch cache); in a many-city store, the source of the request's city (``?city=``: the
reader chooses it; the API keeps it in its links and ETags, ``api.cities``). Every answer
is JSON, CSV or a file; every refusal is JSON with its status, message and parameter; an
unexpected error is logged with its traceback and answered with a plain 500 (never the
traceback). Only GET and HEAD are routed: any other
method gets 405.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import flask
import pandas as pd
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import NotFound

from api.cities import registry_key, source_city, unloaded, with_city
from api.docs_page import docs_html
from api.endpoints import ENDPOINTS, PREFIX, TABLE_FORMATS, Endpoint, openapi_document
from api.errors import ApiError, excerpt
from api.geojson import feature_collection
from api.gis import GisError
from api.handlers import Call
from api.params import CITY, DEFAULT_LIMIT, parse_path, parse_query
from api.render import (
    CACHE_CONTROL,
    MIME,
    Document,
    File,
    Rows,
    compressed,
    csv_text,
    etag,
    json_document,
    json_listing,
    matches,
    page_of,
)
from api.source import Source, StoreChanged
from presentation.i18n import default_lang
from store.engine import StoreError

log = logging.getLogger("api")
READ = ("GET", "HEAD")
OTHER_METHODS = ["POST", "PUT", "PATCH", "DELETE"]
RETRY_AFTER_SECONDS = 5
Reader = Callable[[], Source]


def api_blueprint(reader: Reader) -> flask.Blueprint:
    """The API's routes, reading the source ``reader()`` returns on each request."""
    bp = flask.Blueprint("api_v1", __name__, url_prefix=PREFIX)
    for endpoint in ENDPOINTS:
        bp.add_url_rule(endpoint.rule, endpoint.name, _view(endpoint, reader), methods=READ)
    bp.add_url_rule("/", "index", _index, methods=READ)
    bp.add_url_rule("/openapi.json", "openapi", _openapi, methods=READ)
    bp.add_url_rule("/docs", "docs", _docs, methods=READ)
    bp.add_url_rule("/<path:rest>", "nowhere", _nowhere, methods=[*READ, *OTHER_METHODS])
    bp.add_url_rule("/", "index_other", _nowhere, methods=OTHER_METHODS, defaults={"rest": ""})
    bp.register_error_handler(NotFound, _no_such_city)
    return bp


def error_response(exc: ApiError) -> flask.Response:
    log.info("refused %s %s: %s", flask.request.method, flask.request.path, exc.message)
    resp = flask.Response(json.dumps(exc.body(), ensure_ascii=False), status=exc.status,
                          mimetype=MIME["json"])
    resp.headers["Cache-Control"] = "no-store"
    resp.headers.update(exc.headers)
    return resp


def _view(endpoint: Endpoint, reader: Reader) -> Callable[..., flask.Response]:
    def view(**path_values: str) -> flask.Response:
        start = time.perf_counter()
        resp = answer(path_values)
        resp.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - start) * 1000:.1f}"
        return resp

    def answer(path_values: dict[str, str]) -> flask.Response:
        try:
            return _answer(endpoint, reader, path_values)
        except ApiError as exc:
            return error_response(exc)
        except GisError as exc:
            return error_response(ApiError(400, str(exc), exc.parameter))
        except StoreChanged:
            return error_response(ApiError(503, "The data were refreshed while the answer was "
                                           "made. Fix: send the request again.", None,
                                           {"Retry-After": "1"}))
        except (StoreError, SQLAlchemyError) as exc:
            log.warning("store unavailable for %s: %s", flask.request.path,
                        str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            return error_response(ApiError(503, "The data store cannot be read right now. Fix: "
                                           "try again in a moment.", None,
                                           {"Retry-After": str(RETRY_AFTER_SECONDS)}))
        except Exception:
            log.error("API request failed: %s %s", flask.request.method, flask.request.full_path,
                      exc_info=True)
            return error_response(ApiError(500, "An unexpected error; it is logged. Fix: try "
                                           "again later or report it."))

    view.__name__ = f"api_{endpoint.name}"
    return view


def _negotiate(endpoint: Endpoint, asked: str | None) -> str:
    """``format`` when given, else the Accept header (JSON when there is none)."""
    if asked:
        return asked
    if endpoint.formats != TABLE_FORMATS:
        return endpoint.formats[0]
    if not flask.request.headers.get("Accept"):
        return "json"
    best = flask.request.accept_mimetypes.best_match(
        [MIME["json"], MIME["csv"], MIME["geojson"]])
    if best is None:
        raise ApiError(406, "the Accept header names no format this API writes. Fix: accept "
                       "application/json or text/csv, or give format=json or format=csv.",
                       "format")
    return "csv" if best == MIME["csv"] else "json"


def _answer(endpoint: Endpoint, reader: Reader, path_values: dict[str, str]) -> flask.Response:
    query = {name: flask.request.args.getlist(name) for name in flask.request.args}
    args = parse_query(query, endpoint.params)
    path = {name: parse_path(name, value, endpoint.params) for name, value in path_values.items()}
    fmt = _negotiate(endpoint, args.get("format"))
    lang = args.get("lang") or default_lang()
    source = reader()
    city = _check_city(args.get("city"), source_city(source))
    batch, scope = _versioned(endpoint, source, city)
    tag = etag(batch, flask.request.path, query, fmt, lang, scope)
    if matches(flask.request.headers.get("If-None-Match"), tag):
        return _validated(flask.Response(status=304), tag)
    result = endpoint.handler(Call(source, args, lang, path))
    if isinstance(result, File):
        resp = flask.Response(result.content, mimetype=result.mimetype)
        resp.headers["Content-Disposition"] = f'attachment; filename="{result.filename}"'
        return _validated(resp, tag)
    if isinstance(result, Document):
        body = (json_document(result.body, result.meta) if fmt == "json"
                else csv_text(result.table))
        return _send(body, fmt, tag, endpoint)
    return _listing(result, args, fmt, tag, endpoint, with_city(query, city))


def _listing(rows: Rows, args: dict[str, Any], fmt: str, tag: str, endpoint: Endpoint,
             query: dict[str, list[str]]) -> flask.Response:
    page = page_of(rows, args.get("limit") or DEFAULT_LIMIT, args.get("offset") or 0,
                   flask.request.path, query)
    geometry = "geometry" in page.rows.columns
    if geometry and fmt == "json":
        resp = _send(feature_collection(page, rows.meta), "geojson", tag, endpoint)
    elif geometry:
        wkt = pd.Series([g.wkt if g is not None else None for g in page.rows["geometry"]],
                        index=page.rows.index, dtype=object)
        frame = page.rows.assign(geometry=wkt)
        resp = _send(csv_text(frame.rename(columns={"geometry": "geometry_wkt"})), fmt, tag,
                     endpoint)
    else:
        body = json_listing(page, rows.meta) if fmt == "json" else csv_text(page.rows)
        resp = _send(body, fmt, tag, endpoint)
    resp.headers["X-Total-Count"] = str(page.total)
    if page.next_url:
        resp.headers["Link"] = f'<{page.next_url}>; rel="next"'
    return resp


def _send(body: str, fmt: str, tag: str, endpoint: Endpoint) -> flask.Response:
    data, gzipped = compressed(body.encode("utf-8"),
                               flask.request.headers.get("Accept-Encoding", ""))
    mimetype = MIME[fmt]
    resp = flask.Response(data, mimetype=mimetype)
    if fmt != "csv":
        resp.headers["Content-Type"] = f"{mimetype}; charset=utf-8"
    if gzipped:
        resp.headers["Content-Encoding"] = "gzip"
    if fmt == "csv":
        name = endpoint.name if endpoint.listing else f"{endpoint.name}-{_slug(flask.request.path)}"
        resp.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return _validated(resp, tag)


def _validated(resp: flask.Response, tag: str) -> flask.Response:
    resp.headers["ETag"] = tag
    resp.headers["Cache-Control"] = CACHE_CONTROL
    resp.headers["Vary"] = "Accept, Accept-Encoding"
    return resp


def _slug(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", path.rsplit("/", 1)[-1]).strip("-")[:60] or "item"


def _versioned(endpoint: Endpoint, source: Source, city: str | None) -> tuple[int | None, str]:
    """The load batch an answer comes from and what else keys its ETag: the city it reads
    and, for the listing of the store's cities, its registry (a store holding only cities
    under keys has no batch of its own)."""
    if not endpoint.registry or city is not None:
        return source.version(), city or ""
    batch = None if unloaded(source) else source.version()
    return batch, "registry:" + registry_key(source.engine)


def _check_city(asked: str | None, read: str | None) -> str | None:
    """The city the answer reads; 404 when the request names another one (a server whose
    reader does not serve the cities of a many-city store)."""
    if asked is not None and asked != read:
        raise _unknown_city(asked)
    return read


def _unknown_city(city: str) -> ApiError:
    return ApiError(404, f"this atlas holds no city {excerpt(city)}. Fix: see {PREFIX}/cities "
                    "for the keys of its cities, or leave city out for the store's own city.",
                    "city")


def _no_such_city(exc: NotFound) -> flask.Response:
    """A 404 raised before the API ran (the dashboard's, for a city the store does not hold),
    as a JSON refusal naming the parameter; a malformed key is a 400 saying why."""
    if "city" not in flask.request.args:
        return error_response(ApiError(404, str(exc.description), None))
    try:
        city = CITY.parse(flask.request.args.getlist("city"))
    except ApiError as refused:
        return error_response(refused)
    return error_response(_unknown_city(city))


def _asked_city() -> str | None:
    """The ``city`` of a request the API answers without reading the store (its index and
    documentation pages), checked like an endpoint's."""
    raw = flask.request.args.getlist("city")
    return CITY.parse(raw) if raw else None


def _index() -> flask.Response:
    try:
        city = _asked_city()
    except ApiError as exc:
        return error_response(exc)
    suffix = f"?{urlencode({'city': city})}" if city else ""
    links = {e.name: e.path + suffix for e in ENDPOINTS}
    body = {"data": {"title": "Neighbourhood well-being atlas: read API", "endpoints": links,
                     "openapi": f"{PREFIX}/openapi.json{suffix}", "docs": f"{PREFIX}/docs{suffix}"},
            "meta": {}}
    return flask.jsonify(body)


def _openapi() -> flask.Response:
    resp = flask.jsonify(openapi_document())
    resp.headers["Cache-Control"] = CACHE_CONTROL
    return resp


def _docs() -> flask.Response:
    try:
        city = _asked_city()
    except ApiError as exc:
        return error_response(exc)
    resp = flask.Response(docs_html(openapi_document(), city), mimetype="text/html")
    resp.headers["Cache-Control"] = CACHE_CONTROL
    return resp


def _nowhere(rest: str) -> flask.Response:
    """404 for an address the API does not have; 405 for a method it does not take (it is
    read-only)."""
    if flask.request.method not in READ:
        exc = ApiError(405, f"the API is read-only: {flask.request.method} is not allowed. "
                       "Fix: use GET.", None, {"Allow": ", ".join(READ)})
        return error_response(exc)
    return error_response(ApiError(404, f"there is no endpoint {PREFIX}/{rest[:60]}. Fix: see "
                                   f"{PREFIX}/openapi.json for the endpoints.", None))
