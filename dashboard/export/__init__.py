"""Area profile exports: one area's profile as PDF, HTML, XLSX or CSV, in sv, pl or en.

``render_profile(atlas, area_code, fmt, lang)`` returns ``(content, filename,
mimetype)``; the dashboard's download buttons and ``wellbeing export profile``
both call it. Every format is rendered from the same :class:`Profile`
(:func:`dashboard.export.build.build_profile`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.export.errors import ExportError
from dashboard.export.strings import LANGS

if TYPE_CHECKING:
    from dashboard.export.build import TableIndex
    from dashboard.export.profile import Profile
    from dashboard.model import Atlas
    from store.read import Snapshot


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    mimetype: str
    renderer: str  # "module:function", imported on first use


FORMATS: dict[str, Format] = {
    "pdf": Format("pdf", "pdf", "application/pdf", "dashboard.export.pdf:render_pdf"),
    "html": Format("html", "html", "text/html", "dashboard.export.html_page:render_html"),
    "xlsx": Format(
        "xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "dashboard.export.xlsx:render_xlsx",
    ),
    "csv": Format("csv", "csv", "text/csv", "dashboard.export.csv_table:render_csv"),
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
    """E.g. ``profile-A0013-sodra-asen-14-sv.pdf`` (ASCII, safe on every file system)."""
    return f"profile-{slug(profile.area_code)}-{slug(profile.area_name)}-{profile.lang}.{FORMATS[fmt].extension}"


def render(snapshot: Snapshot, table: pd.DataFrame, area_code: str, fmt: str, lang: str,
           export_date: date | None = None, index: TableIndex | None = None) -> tuple[bytes, str, str]:
    """(content, filename, mimetype) from an already-read snapshot and comparison table."""
    from dashboard.export.build import build_profile

    spec = check_format(fmt)
    profile = build_profile(snapshot, table, area_code, check_lang(lang), export_date, index)
    return renderer_of(spec)(profile), filename(profile, spec.name), spec.mimetype


def render_profile(atlas: Atlas, area_code: str, fmt: str, lang: str) -> tuple[bytes, str, str]:
    """(content, filename, mimetype) for ``fmt`` in pdf|html|xlsx|csv, ``lang`` in sv|pl|en.

    The table index (rows by area, spine statistics) is memoized per load batch, so
    repeated downloads are cheap; the snapshot and the table come from one batch.
    """
    from dashboard.export.build import TableIndex

    spec = check_format(fmt)
    check_lang(lang)
    with atlas.pinned():
        index = atlas.derived("export.table_index", lambda: TableIndex(atlas.comparisons()))
        snapshot = atlas.snapshot()
    return render(snapshot, index.table, area_code, spec.name, lang, index=index)


__all__ = ["FORMATS", "LANGS", "ExportError", "check_format", "render", "render_profile"]
