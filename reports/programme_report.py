"""The annual implementation report of a programme as a file: PDF, HTML or XLSX in sv, pl
or en. ``render_programme_report`` is the one entry ``wellbeing report programme`` and the
dashboard's download call; every format is rendered from the same
:class:`~reports.programme_model.ProgrammeReport`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING

import pandas as pd

from reports.errors import ExportError

if TYPE_CHECKING:
    from reports.programme_model import ProgrammeReport
    from store.read import Snapshot

# format -> (extension, mimetype, "module:function"), the module imported on first use
REPORT_FORMATS: dict[str, tuple[str, str, str]] = {
    "pdf": ("pdf", "application/pdf", "reports.programme_pdf:render_programme_pdf"),
    "html": ("html", "text/html", "reports.programme_html:render_programme_html"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "reports.programme_xlsx:render_programme_xlsx"),
}


def check_report_format(fmt: str) -> str:
    """``fmt`` in lower case, or an ExportError listing the formats of the report."""
    name = str(fmt).lower()
    if name not in REPORT_FORMATS:
        raise ExportError(f"Unknown format {fmt!r} for a programme report. "
                          f"Fix: use one of {', '.join(REPORT_FORMATS)}.")
    return name


def report_filename(report: ProgrammeReport, fmt: str) -> str:
    """E.g. ``programme-soc-2023-sv.pdf`` (ASCII, safe on every file system)."""
    from reports import slug

    return f"programme-{slug(report.programme_id)}-{report.year}-{report.lang}.{REPORT_FORMATS[fmt][0]}"


def render_programme_report(snapshot: Snapshot, table: pd.DataFrame, programme_id: str,
                            year: int | None, fmt: str, lang: str,
                            export_date: date | None = None) -> tuple[bytes, str, str]:
    """(content, filename, mimetype) of ``programme_id``'s report for ``year`` (None: the
    latest year it can be written for) from ``snapshot`` and its comparison ``table``.
    An unknown programme, format or language, or a year outside the programme, is an
    ExportError that says the fix."""
    from reports import check_lang
    from reports.programme_build import build_programme_report
    from reports.programme_years import latest_year

    name = check_report_format(fmt)
    check_lang(lang)
    chosen = latest_year(snapshot, programme_id) if year is None else int(year)
    report = build_programme_report(snapshot, table, programme_id, chosen, lang, export_date)
    module, func = REPORT_FORMATS[name][2].split(":")
    render: Callable[[ProgrammeReport], bytes] = getattr(import_module(module), func)
    return render(report), report_filename(report, name), REPORT_FORMATS[name][1]
