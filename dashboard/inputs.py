"""What a callback may be given: the shapes its components send, checked before it runs.

``@checked(indicator=TEXT, state=STATE, ...)`` below ``@callback`` refuses (with
:class:`~dashboard.hardening.InvalidInput`, hence 400 and one log line) any value no
page could send: a list where a dropdown sends a string, a state that is not a dict,
a URL state whose query is not flat text. A value of the right shape but unknown (an
indicator that does not exist) is the callback's to handle.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from dashboard.hardening import InvalidInput

F = TypeVar("F", bound=Callable[..., Any])
Check = Callable[[Any], bool]
SCALARS = (str, int, float)


def _text(value: Any) -> bool:
    return value is None or (isinstance(value, SCALARS) and not isinstance(value, bool))


def _texts(value: Any) -> bool:
    return value is None or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def _clicks(value: Any) -> bool:
    return isinstance(value, list) and all(
        v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in value)


def _state(value: Any) -> bool:
    """A page's URL state: ``{"path": str, "query": {str: scalar}, "title": str}``."""
    if value is None:
        return True
    if not isinstance(value, dict):
        return False
    query = value.get("query", {})
    return (isinstance(value.get("path", ""), str) and isinstance(value.get("title", ""), str | None)
            and isinstance(query, dict | None)
            and all(isinstance(k, str) and _text(v) for k, v in (query or {}).items()))


def _click_data(value: Any) -> bool:
    """A map click: ``{"points": [{"location": str, ...}]}``."""
    if value is None:
        return True
    points = value.get("points") if isinstance(value, dict) else None
    return isinstance(points, list) and all(
        isinstance(p, dict) and _text(p.get("location")) for p in points)


def _version(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


TEXT: Check = _text
TEXTS: Check = _texts
CLICKS: Check = _clicks
STATE: Check = _state
CLICK_DATA: Check = _click_data
VERSION: Check = _version


def checked(**checks: Check) -> Callable[[F], F]:
    """Refuse a call whose named arguments fail their check (400 for the request)."""

    def decorate(func: F) -> F:
        signature = inspect.signature(func)
        unknown = set(checks) - set(signature.parameters)
        if unknown:
            raise TypeError(f"{func.__name__} has no parameters {sorted(unknown)}")

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            bound = signature.bind_partial(*args, **kwargs)
            for name, check in checks.items():
                if name in bound.arguments and not check(bound.arguments[name]):
                    raise InvalidInput(
                        f"{func.__name__}: {name} of type {type(bound.arguments[name]).__name__} "
                        "is not what the page sends")
            return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
