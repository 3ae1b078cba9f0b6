"""The residents' view of an area (issue #13): the survey indicators the catalogue flags as
the residents' own assessment (``residents_view``: trust, safety, belonging), each with its
survey's name, year and number of respondents, beside short quotes from the area's notes of
kind ``residents_view``.

``residents_view(catalogue, headline, notes, code, lang)``: ``headline`` is the area's
headline rows (one per indicator, its latest period; the comparison table's columns:
indicator_id, period, value, lower_ci95, upper_ci95, city_value, denominator, status and
the comparison column named by ``compared``). None when the area has no value of a flagged
indicator (its notes alone stay in "About the area"). The respondents are the row's denominator (blank when the
value is suppressed or the source gives none).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from presentation.area_notes import about_area
from presentation.i18n import catalogue_text, t, unit_label

QUOTE_LENGTH = 160  # characters of a note's text a quote shows


@dataclass(frozen=True)
class ResidentsItem:
    indicator_id: str
    name: str
    unit: str
    decimals: int
    survey: str  # the survey's name (the catalogue's), else "survey of residents"
    period: str
    value: float | None
    lower: float | None
    upper: float | None
    city_value: float | None
    respondents: int | None
    compared: str
    status: str | None
    record: Mapping[str, Any] = field(default_factory=dict, repr=False)  # the headline row

    def survey_line(self, lang: str, respondents: str) -> str:
        """"Områdesenkäten 2023, 412 svarande" (``respondents`` formatted by the caller)."""
        return t("residents.survey_line", lang, survey=self.survey, year=self.period, respondents=respondents)


@dataclass(frozen=True)
class Quote:
    title: str
    text: str  # the note's text shortened to QUOTE_LENGTH (its title when it has none)
    lang: str | None  # the quote's language when it is not the page's
    source: str | None


@dataclass(frozen=True)
class ResidentsView:
    items: tuple[ResidentsItem, ...]
    quotes: tuple[Quote, ...]


def flagged(catalogue: pd.DataFrame) -> list[str]:
    """Ids of the catalogue's residents' view indicators, in catalogue order."""
    if "residents_view" not in catalogue.columns:
        return []
    flags = catalogue["residents_view"].map(lambda v: v is True or (isinstance(v, (int, float)) and v == 1)
                                            or str(v).strip().lower() in ("true", "yes"))
    return [str(i) for i in catalogue.loc[flags.astype(bool), "id"]]


def shorten(text: str, length: int = QUOTE_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _opt(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _item(info: Mapping[str, Any], row: Mapping[str, Any], compared: str, lang: str) -> ResidentsItem:
    survey = info.get("survey")
    survey = survey.strip() if isinstance(survey, str) and survey.strip() else t("residents.unknown_survey", lang)
    respondents = _opt(row.get("denominator"))
    decimals = info.get("decimals")
    status = row.get("status")
    return ResidentsItem(
        indicator_id=str(info["id"]), name=catalogue_text(info, "name", lang), unit=unit_label(info, lang),
        decimals=1 if decimals is None or pd.isna(decimals) else int(decimals), survey=survey,
        period=str(row["period"]), value=_opt(row.get("value")), lower=_opt(row.get("lower_ci95")),
        upper=_opt(row.get("upper_ci95")), city_value=_opt(row.get("city_value")),
        respondents=None if respondents is None else round(respondents),
        compared=str(row.get(compared) or "not_compared"),
        status=None if status is None or (isinstance(status, float) and pd.isna(status)) else str(status),
        record=dict(row))


def quotes(notes: pd.DataFrame, code: str, lang: str) -> tuple[Quote, ...]:
    """The area's residents' view notes as short quotes, in file order."""
    found = []
    for group in about_area(notes, code, lang):
        if group.kind == "residents_view":
            found += [Quote(n.title, shorten(n.text or n.title), n.text_lang if n.text else n.title_lang, n.source)
                      for n in group.notes]
    return tuple(found)


def residents_view(catalogue: pd.DataFrame, headline: pd.DataFrame, notes: pd.DataFrame, code: str,
                   lang: str, compared: str = "compared_to_city") -> ResidentsView | None:
    ids = flagged(catalogue)
    if not ids or headline.empty:
        return None
    info = catalogue.set_index(catalogue["id"].astype(str), drop=False).to_dict("index")
    rows = {str(r["indicator_id"]): r for r in headline.to_dict("records")}
    items = tuple(_item(info[i], rows[i], compared, lang) for i in ids if i in rows)
    return ResidentsView(items, quotes(notes, code, lang)) if items else None
