"""The profile of one area in one language: what every export format renders.

:func:`reports.build.build_profile` fills these dataclasses from a
store snapshot and the comparison table; the renderers (PDF, HTML, XLSX, CSV)
only lay them out. Numbers stay numbers here (``None`` when blank);
formatting for the reader happens in the renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import geopandas as gpd
import pandas as pd

from presentation.area_notes import NoteGroup
from presentation.cooperation import Cooperation
from presentation.cooperation_places import AreaPlaces
from presentation.palette import BETTER, WORSE  # noqa: F401 - the outcomes a profile counts
from presentation.residents import ResidentsView
from presentation.targets import TargetLine
from reports.ages import AgeRow

SUPPRESSED = ("suppressed", "suppressed_at_source")
NOT_COMPUTED = ("too_few_events", "too_few_person_years", "interval_over_20_years")
"""Statuses of a standardised rate or a life expectancy left blank by its method."""


@dataclass(frozen=True)
class Spine:
    """The area's value against the spread of all areas of its level (same period)."""

    lowest: float
    q25: float
    q75: float
    highest: float
    city: float | None
    area: float | None
    n_areas: int


@dataclass(frozen=True)
class TrendSeries:
    """The area's and the city's values over the periods (None where blank)."""

    periods: list[str]
    area: list[float | None]
    lower: list[float | None]
    upper: list[float | None]
    city: list[float | None]


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator of the area at its latest period (sex total). ``compared`` is the
    judgement against the profile's comparator (the city unless another was chosen);
    ``national_value`` the national comparator's value of the same cell, when the store
    has one."""

    indicator_id: str
    name: str
    unit: str
    decimals: int
    polarity: str
    value_type: str
    period: str
    value: float | None
    lower95: float | None
    upper95: float | None
    city_value: float | None
    difference: float | None
    compared: str
    compared_rest: str
    trend: str
    gap_trend: str
    status: str | None
    rank: int | None
    n_ranked: int | None
    spine: Spine | None
    series: TrendSeries | None
    national_value: float | None = None
    target: TargetLine | None = None  # the target that applies (own, else city-wide; issue #13)


@dataclass(frozen=True)
class SexValue:
    value: float | None
    lower95: float | None
    upper95: float | None
    city_value: float | None
    compared: str
    status: str | None


@dataclass(frozen=True)
class SexRow:
    """One indicator at its headline period, by sex (keys ``total``, ``female``, ``male``;
    a sex without a row at that period is absent)."""

    indicator_id: str
    name: str
    unit: str
    decimals: int
    period: str
    by_sex: dict[str, SexValue]


@dataclass(frozen=True)
class QualityNote:
    """A value that is not shown or not compared, and why (``kind``)."""

    kind: str  # suppressed | missing | not_compared | discrepancy
    indicator_id: str
    name: str
    sexes: str
    periods: str


@dataclass(frozen=True)
class InequalityLine:
    """The gap between the most and least deprived areas of the city in one indicator
    (sex total): the headline sentence at the latest period with a slope index of
    inequality (SII), that period's SII and interval, the gap's trend and the SII of every
    period (``periods`` with ``sii``, None where not computed)."""

    indicator_id: str
    name: str
    unit: str
    decimals: int
    sentence: str
    period: str
    sii: float
    lower95: float | None
    upper95: float | None
    trend: str
    periods: list[str]
    series: list[float | None]


@dataclass(frozen=True)
class Inequality:
    """Inequality within the city, for the indicators of the profile. ``measure`` is the
    name of the city's deprivation measure, None when the city has none (then ``lines``
    is empty and the section is a short note). ``table``: the SII and RII of every period
    of those indicators (sex total; ``presentation.inequality.inequality_table``'s
    columns), for the spreadsheet."""

    measure: str | None
    lines: list[InequalityLine]
    table: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)


@dataclass(frozen=True)
class DomainSection:
    code: str
    title: str
    summary: str
    counts: dict[str, int]  # worse, similar, better, higher, lower, not_compared, compared, n
    rows: list[IndicatorRow]


@dataclass(frozen=True)
class AppendixEntry:
    indicator_id: str
    name: str
    domain: str
    definition: str
    source: str
    unit: str
    polarity: str
    value_type: str


@dataclass(frozen=True)
class Profile:
    """Everything an area profile shows, in the language ``lang``."""

    lang: str
    area_code: str
    area_name: str
    level: str
    prioritized: bool
    population: float | None
    city_code: str
    city_name: str
    synthetic: bool
    export_date: date
    periods: list[str]
    latest_periods: list[str]
    batch_id: int | None
    summary: list[str]
    domains: list[DomainSection]
    sex_rows: list[SexRow]
    notes: list[QualityNote]
    note_counts: dict[str, int]
    appendix: list[AppendixEntry]
    methods: tuple[str, ...]
    sources: list[str]
    records: pd.DataFrame  # the area's comparison rows (all periods and sexes), names added
    geometries: gpd.GeoDataFrame | None = field(default=None, repr=False)
    about: list[NoteGroup] = field(default_factory=list)  # the area's notes by kind, in lang
    comparator: str = "city"  # what the judgements are against (a comparator code)
    comparator_name: str = ""  # its name in lang
    national_name: str | None = None  # the national comparator's name, when the store has one
    inequality: Inequality = field(default_factory=lambda: Inequality(None, []))
    # what the city is doing in the area, its places and the residents' view (issue #13;
    # reports.programme_sections); None when the city has no register / places / flags
    cooperation: Cooperation | None = None
    places: AreaPlaces | None = None
    residents: ResidentsView | None = None
    # the breakdown by age group of the indicators loaded in several (issue #12; reports.ages)
    age_rows: list[AgeRow] = field(default_factory=list)
