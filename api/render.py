"""How an API answer is written: JSON or CSV, a page of rows, and validators keyed by the
load batch (ETag, Cache-Control).

JSON lists are ``{"data": [...], "meta": {...}}``; numbers keep 15 decimals, blanks are
``null``. CSV is UTF-8 with a header row, ``.`` decimals and empty cells for blanks; text
that a spreadsheet would run as a formula is neutralised (``presentation.formulas``);
list cells are joined with ``;``. The next page is ``meta.next`` and a ``Link`` header.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from presentation.formulas import neutralise_frame

PREFIX = "/api/v1"  # where the API is mounted (the links it makes start so)
MIME = {"json": "application/json", "csv": "text/csv", "geojson": "application/geo+json"}
CACHE_CONTROL = "public, max-age=60"
GZIP_MIN_BYTES = 2048
GZIP_FAST_BYTES = 256 * 1024  # above this, level 1: a third of level 5's time, ~15% larger


@dataclass(frozen=True)
class Rows:
    """A listing: its rows (one page is sent) and what ``meta`` says besides paging."""

    frame: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)
    total: int | None = None  # given: ``frame`` is already the asked page of ``total`` rows


@dataclass(frozen=True)
class Document:
    """One object (JSON) with the rows its CSV form holds."""

    body: dict[str, Any]
    table: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class File:
    """A file to download as it is."""

    content: bytes
    filename: str
    mimetype: str


@dataclass(frozen=True)
class Page:
    rows: pd.DataFrame
    total: int
    limit: int
    offset: int
    next_url: str | None


def page_of(listing: Rows, limit: int, offset: int, path: str,
            query: Mapping[str, list[str]]) -> Page:
    """Rows ``offset`` to ``offset + limit`` and the address of the next page (None on the last)."""
    frame = listing.frame
    if listing.total is not None:
        rows, total = frame, listing.total
    else:
        rows, total = frame.iloc[offset: offset + limit], len(frame)
    following = None
    if offset + limit < total:
        args = {k: v for k, v in query.items() if k != "offset"}
        pairs = [(k, item) for k, values in args.items() for item in values]
        following = f"{path}?{urlencode([*pairs, ('offset', str(offset + limit))])}"
    return Page(rows, total, limit, offset, following)


def json_rows(frame: pd.DataFrame) -> str:
    """Rows as a JSON array of objects (pandas' C writer: fast for thousands of rows)."""
    if frame.empty:
        return "[]"
    return frame.to_json(orient="records", double_precision=15, force_ascii=False,
                         date_format="iso")


def json_listing(page: Page, meta: dict[str, Any]) -> str:
    paging = {"total": page.total, "limit": page.limit, "offset": page.offset,
              "returned": len(page.rows), "next": page.next_url}
    return '{"data":' + json_rows(page.rows) + ',"meta":' + _dumps({**meta, **paging}) + "}"


def json_document(body: Any, meta: dict[str, Any]) -> str:
    return _dumps({"data": body, "meta": meta})


def csv_text(frame: pd.DataFrame) -> str:
    """Rows as CSV, formula-like text neutralised, lists joined with ``;``."""
    out = frame.copy(deep=False)
    for column in out.columns:
        if out[column].dtype == object and out[column].map(lambda v: isinstance(v, list)).any():
            out[column] = out[column].map(lambda v: ";".join(map(str, v)) if isinstance(v, list) else v)
    return str(neutralise_frame(out).to_csv(index=False, lineterminator="\n"))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, default=_plain)


def _plain(value: Any) -> Any:
    """numpy and pandas scalars as JSON values (NaN and NA as null)."""
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        item = value.item()
        return None if isinstance(item, float) and item != item else item
    return str(value)


def etag(batch: int | None, path: str, query: Mapping[str, list[str]], fmt: str, lang: str,
         scope: str = "") -> str:
    """A weak validator of one answer: the load batch and what was asked. A refresh (a new
    batch) changes it; the same request on the same batch keeps it. ``scope`` is what else
    the answer depends on: the city of a many-city store (cities number their batches
    each from 1), the state of its registry."""
    asked = json.dumps([path, sorted((k, sorted(v)) for k, v in query.items()), fmt, lang, scope])
    digest = hashlib.sha256(asked.encode("utf-8")).hexdigest()[:16]
    return f'W/"b{batch if batch is not None else 0}-{digest}"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """True when the client's copy (``If-None-Match``) is current (weak comparison)."""
    if not if_none_match:
        return False
    wanted = tag.removeprefix("W/")
    return any(part.strip() == "*" or part.strip().removeprefix("W/") == wanted
               for part in if_none_match.split(","))


def compressed(body: bytes, accept_encoding: str) -> tuple[bytes, bool]:
    """``body`` gzipped when the client takes gzip and it is worth it."""
    if len(body) < GZIP_MIN_BYTES or "gzip" not in accept_encoding:
        return body, False
    return gzip.compress(body, 1 if len(body) > GZIP_FAST_BYTES else 5), True
