"""Area profiles as files: one area's profile as PDF, HTML, XLSX or CSV, in sv, pl or en.

``render_profile(snapshot, table, area_code, fmt, lang, comparator="city")`` returns
``(content, filename, mimetype)`` from the store's snapshot and the engine's comparison
table; it is the one entry the dashboard's download buttons and ``wellbeing export
profile`` call. Every
format is rendered from the same :class:`Profile` (:func:`reports.build.build_profile`).
Nothing here imports the dashboard.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from reports.errors import ExportError
from settings.languages import LANGS

if TYPE_CHECKING:
    from presentation.profile_rows import SharedSpines
    from reports.build import TableIndex
    from reports.profile import Profile
    from store.read import Snapshot


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    mimetype: str
    renderer: str  # "module:function", imported on first use


FORMATS: dict[str, Format] = {
    "pdf": Format("pdf", "pdf", "application/pdf", "reports.pdf:render_pdf"),
    "html": Format("html", "html", "text/html", "reports.html_page:render_html"),
    "xlsx": Format(
        "xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "reports.xlsx:render_xlsx",
    ),
    "csv": Format("csv", "csv", "text/csv", "reports.csv_table:render_csv"),
}


def check_format(fmt: str) -> Format:
    """The format called ``fmt``, or an ExportError listing the valid ones."""
    found = FORMATS.get(str(fmt).lower())
    if found is None:
        raise ExportError(f"Unknown format {fmt!r}. Fix: use one of {', '.join(FORMATS)}.")
    return found


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ExportError(f"Unknown language {lang!r}. Fix: use one of {', '.join(LANGS)}.")
    return lang


def renderer_of(spec: Format) -> Callable[[Profile], bytes]:
    """The format's render function (its module is imported on first use)."""
    from importlib import import_module

    module, func = spec.renderer.split(":")
    renderer: Callable[[Profile], bytes] = getattr(import_module(module), func)
    return renderer


def slug(text: str) -> str:
    """ASCII file-name part: ``Södra Åsen 4`` → ``sodra-asen-4``; ``Łąka`` → ``laka``."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "area"


def filename(profile: Profile, fmt: str) -> str:
    """E.g. ``profile-A0013-sodra-asen-14-sv.pdf`` (ASCII, safe on every file system); judged
    against another comparator than the city, ``profile-A0013-sodra-asen-14-sv-vs-se.pdf``."""
    versus = "" if profile.comparator == "city" else f"-vs-{slug(profile.comparator)}"
    return (f"profile-{slug(profile.area_code)}-{slug(profile.area_name)}-{profile.lang}{versus}"
            f".{FORMATS[fmt].extension}")


class _LastIndex:
    """The table index (rows by area, spine statistics) of the last table rendered from,
    so that repeated downloads from one load batch do not rebuild it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._table: pd.DataFrame | None = None
        self._index: TableIndex | None = None

    def of(self, table: pd.DataFrame, spines: SharedSpines | None = None) -> TableIndex:
        from reports.build import TableIndex

        with self._lock:
            if self._table is not table or self._index is None or self._index.spines is not spines:
                self._table, self._index = table, TableIndex(table, spines)
            return self._index


_LAST_INDEX = _LastIndex()


def render_profile(snapshot: Snapshot, table: pd.DataFrame, area_code: str, fmt: str, lang: str,
                   export_date: date | None = None,
                   index: TableIndex | None = None, *,
                   comparator: str = "city", spines: SharedSpines | None = None) -> tuple[bytes, str, str]:
    """(content, filename, mimetype) of ``area_code``'s profile, ``fmt`` in pdf|html|xlsx|csv,
    ``lang`` in sv|pl|en, from ``snapshot`` and its comparison ``table`` (one load batch).
    Its judgements (better, similar, worse) are against ``comparator``: ``city`` (the
    default), ``rest``, ``parent`` or the code of a comparator in the store (e.g. ``SE``);
    an unknown one is an ExportError listing the valid ones.

    The table index is kept for the last table rendered from, so repeated downloads are
    cheap; a batch of profiles passes its own ``index``. ``spines``: the spine statistics
    the profiles of one load batch share (``reports.build.TableIndex``), when ``table`` is
    an area's rows (``presentation.profile_rows``) or the whole table.
    """
    from reports.build import build_profile

    spec = check_format(fmt)
    index = index if index is not None and index.table is table else _LAST_INDEX.of(table, spines)
    profile = build_profile(snapshot, table, area_code, check_lang(lang), export_date, index,
                            comparator)
    return renderer_of(spec)(profile), filename(profile, spec.name), spec.mimetype


__all__ = ["FORMATS", "ExportError", "check_format", "render_profile"]
