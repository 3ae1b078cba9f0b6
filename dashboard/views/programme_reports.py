"""The about page's "Programmes and annual reports" card: per programme its name, years
and a download button for the latest year's report (PDF) in the page's language."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.display import aria
from dashboard.viewmodels.programme_reports import ProgrammeEntry
from presentation.i18n import t


def _years(entry: ProgrammeEntry) -> str:
    if entry.start_year is None and entry.end_year is None:
        return ""
    start = "…" if entry.start_year is None else str(entry.start_year)
    end = "…" if entry.end_year is None else str(entry.end_year)
    return f"{start}–{end}"


def _item(entry: ProgrammeEntry, lang: str) -> html.Li:
    years = _years(entry)
    return html.Li([
        html.Strong(entry.name), f" ({years}) " if years else " ",
        html.Button(
            "↓ " + t("about.programmes.download", lang, year=entry.latest_year),
            id=ids.programme_download_button(entry.id), className="button", n_clicks=0,
            title=t("about.programmes.download_label", lang, year=entry.latest_year, name=entry.name),
            **aria(label=t("about.programmes.download_label", lang, year=entry.latest_year,
                           name=entry.name)),
        ),
    ])


def programme_reports(entries: tuple[ProgrammeEntry, ...], lang: str) -> html.Section | None:
    """The card (keyboard: the buttons are native buttons; the result is announced); None
    for a city without programmes."""
    if not entries:
        return None
    return html.Section([
        html.H2(t("about.programmes", lang)),
        html.P(t("about.programmes.intro", lang), className="lead"),
        html.Ul([_item(e, lang) for e in entries], className="programme-reports"),
        dcc.Download(id=ids.About.programme_download),
        html.Div(id=ids.About.programme_download_error, role="status", **aria(live="polite")),
    ], className="card section")
