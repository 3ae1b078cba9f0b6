"""What the API answers when a request cannot be served: JSON with the status, a message
that says what to change, and the offending parameter (never a traceback)."""

from __future__ import annotations


class ApiError(Exception):
    """A request the API refuses: ``status`` (4xx, or 503 when the store is down), a
    ``message`` a planner can act on and the ``parameter`` it concerns (or None)."""

    def __init__(self, status: int, message: str, parameter: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter
        self.headers = headers or {}

    def body(self) -> dict[str, object]:
        return {"error": {"status": self.status, "message": self.message,
                          "parameter": self.parameter}}


def bad_parameter(name: str, message: str) -> ApiError:
    """400 for a parameter whose value cannot be used."""
    return ApiError(400, message, name)


def excerpt(value: str, limit: int = 40) -> str:
    """A value as an error quotes it: short and escaped (a hostile value is described, not echoed)."""
    shown = value[:limit].encode("unicode_escape").decode("ascii").replace("'", "\\'")
    return f"'{shown}'" + (f" (… {len(value)} characters)" if len(value) > limit else "")
