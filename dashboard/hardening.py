"""The web server's guard rails: request size and shape, client errors as 4xx, outages as
503, and security headers.

- Request bodies over ``MAX_REQUEST_BYTES`` get 413.
- A callback request (``/_dash-update-component``) must be a JSON object of the shape
  Dash sends; anything else (``null``, a list, deep nesting, a bad field) gets 400 with
  one line in the log, before Dash sees it.
- A callback given an input no page could send (an unknown area, a download format
  that does not exist) raises :class:`InvalidInput`: 400 and one log line, no traceback.
- An asset path Dash cannot serve gets 404 (Dash itself answers 500).
- The store being down gets 503 with ``Retry-After`` (pages say so in a banner).
- Every response carries a Content-Security-Policy that runs only the app's own scripts
  (inline scripts by hash), ``nosniff``, ``frame-ancestors 'none'`` / ``DENY`` and a
  strict referrer policy.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import dash
import flask
from werkzeug.exceptions import BadRequest, HTTPException, NotFound

log = logging.getLogger("dashboard")
MAX_REQUEST_BYTES = 1024 * 1024  # a callback body is a few kilobytes
MAX_DEPTH = 32  # nesting of a callback body (Dash's own are under 10 deep)
RETRY_AFTER_SECONDS = 5
CALLBACK_PATH = "/_dash-update-component"
ASSET_PREFIXES = ("/_dash-component-suites/", "/assets/")
ROUTER_ID = "_pages_location"  # Dash's own location component (ids.Shell.pages_location)
CALLBACK_FIELDS: dict[str, type | tuple[type, ...]] = {
    "output": str, "outputs": (dict, list), "inputs": list, "changedPropIds": list,
}


class InvalidInput(ValueError):
    """A callback input no page sends: the request is refused with 400."""


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of ``value``, stopping once past ``limit``."""
    depth, level = 0, [value]
    while level and depth <= limit:
        depth += 1
        level = [v for item in level for v in
                 (item.values() if isinstance(item, dict) else item if isinstance(item, list) else ())]
    return depth


def check_callback_body() -> None:
    """Refuse a callback request that is not a JSON object of Dash's shape (400)."""
    if flask.request.path != CALLBACK_PATH or flask.request.method != "POST":
        return
    try:
        body = json.loads(flask.request.get_data(cache=True) or b"null")
    except (ValueError, RecursionError):
        refuse("the body is not JSON")
    if not isinstance(body, dict):
        refuse(f"the body is a JSON {type(body).__name__}, not an object")
    for field, kind in CALLBACK_FIELDS.items():
        if not isinstance(body.get(field), kind):
            refuse(f"the field {field!r} is missing or of the wrong type")
    if not isinstance(body.get("state", []), list):
        refuse("the field 'state' is not a list")
    if _depth(body, MAX_DEPTH) > MAX_DEPTH:
        refuse(f"the body is nested deeper than {MAX_DEPTH} levels")
    for item in _items([*body["inputs"], *body.get("state", [])]):
        if not isinstance(item, dict) or not isinstance(item.get("property"), str):
            refuse("an input is not an object with an 'id' and a 'property'")
        if item.get("id") == ROUTER_ID and not _router_value(item["property"], item.get("value")):
            refuse(f"the page address {item['property']!r} is not a path")


def _items(entries: list[Any]) -> list[Any]:
    """The inputs of a callback body; a pattern-matching input (``ALL``) is a list of them."""
    return [item for entry in entries for item in (entry if isinstance(entry, list) else [entry])]


def _router_value(prop: str, value: Any) -> bool:
    """Dash's page router takes text; its pathname must be an absolute path."""
    if prop == "pathname":
        return isinstance(value, str) and value.startswith("/")
    return value is None or isinstance(value, str)


def refuse(reason: str) -> Any:
    """400 with ``reason``, logged as one line."""
    log.warning("refused %s %s: %s", flask.request.method, flask.request.path, reason)
    raise BadRequest(f"Bad request: {reason}.")


def client_error(exc: Exception) -> HTTPException | None:
    """The HTTP error for an exception a client caused, or None when it is the server's."""
    if isinstance(exc, HTTPException):
        return exc
    if isinstance(exc, InvalidInput):
        log.warning("refused a callback: %s", exc)
        return BadRequest(f"Bad request: {exc}")
    if flask.request.path.startswith(ASSET_PREFIXES):
        log.warning("no such asset: %s (%s)", flask.request.path, type(exc).__name__)
        return NotFound()
    return None


def unavailable(lang_message: str) -> flask.Response:
    """503 with Retry-After: the store is down; the page says so."""
    resp = flask.Response(lang_message, status=503, mimetype="text/plain")
    resp.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return resp


def content_security_policy(app: dash.Dash) -> str:
    """Only the app's own scripts run: its files, and its inline scripts by hash."""
    scripts = " ".join(["'self'", *app.csp_hashes()])
    return "; ".join([
        "default-src 'self'", f"script-src {scripts}", "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:", "font-src 'self' data:", "connect-src 'self'",
        "worker-src 'self' blob:", "object-src 'none'", "base-uri 'self'",
        "form-action 'self'", "frame-ancestors 'none'",
    ])


def security_headers(app: dash.Dash) -> Any:
    """An ``after_request`` hook adding the security headers to every response."""
    headers = {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }

    policy: dict[int, str] = {}  # by the number of inline scripts Dash has registered

    def add(resp: flask.Response) -> flask.Response:
        # Dash registers some inline scripts on the first request: hash again only then.
        scripts = len(app._inline_scripts) + len(dash._callback.GLOBAL_INLINE_SCRIPTS)
        if scripts not in policy:  # hashing moves Dash's pending scripts, keeping the count
            policy.clear()
            policy[scripts] = content_security_policy(app)
        resp.headers.setdefault("Content-Security-Policy", policy[scripts])
        for name, value in headers.items():
            resp.headers.setdefault(name, value)
        return resp

    return add


def install(app: dash.Dash) -> None:
    """Size limit, body check and headers on ``app``'s server (after all callbacks exist)."""
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    app.server.before_request(check_callback_body)
    app.server.after_request(security_headers(app))
