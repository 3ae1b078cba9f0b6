"""A value made of the last object asked for, kept until another object is asked for.

Every profile file of a load batch asks for the same things made of its snapshot (the
estimated rows' keys, the locator map's drawable geometries): made once for the snapshot
they are made of, by identity, not once per file. One value is kept, so a worker serving
many cities or batches in turn makes it again when the snapshot changes, and nothing old
is held on to for longer than the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class LastOf(Generic[T]):
    """``make(source)``, made again only when ``source`` is not the last one (``is``)."""

    def __init__(self, make: Callable[[Any], T]) -> None:
        self._make = make
        self._last: tuple[Any, T] | None = None

    def __call__(self, source: Any) -> T:
        last = self._last  # one read: another thread may replace it meanwhile
        if last is not None and last[0] is source:
            return last[1]
        value = self._make(source)
        self._last = (source, value)
        return value
