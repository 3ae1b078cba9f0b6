"""The annual implementation report of one programme as plain data.

Built once by :func:`reports.programme_build.build_programme_report` (pure: the store's
snapshot and the engine's comparison table in, a :class:`ProgrammeReport` out); the PDF,
HTML and XLSX renderers all start from it, so the formats cannot disagree. Texts are in
the report's language already; numbers stay numbers (the renderers write them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reports.programme_progress import PROGRESS, summary_code
from store.programme_schema import INITIATIVE_STATUSES


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator of a goal in one area (a prioritized area, another area with a target,
    or the whole city). A suppressed latest value is None with ``suppressed`` set."""

    area_code: str
    area_name: str
    is_city: bool
    prioritized: bool
    baseline_period: str | None
    baseline: float | None
    latest_period: str | None
    latest: float | None
    suppressed: bool
    target_period: str | None
    target: float | None
    direction: str | None  # increase | decrease; None without a target
    progress: str  # indicators.targets.PROGRESS, or "no_target" (not counted)
    trend: str  # the engine's trend code of the latest row


@dataclass(frozen=True)
class GoalIndicator:
    indicator_id: str
    name: str
    unit: str
    decimals: int
    polarity: str
    lines: list[IndicatorLine]


@dataclass(frozen=True)
class Goal:
    goal_id: str
    number: int  # 1, 2, 3 … in the programme's order
    name: str
    indicators: list[GoalIndicator]

    @property
    def counts(self) -> dict[str, int]:
        """Targets of the goal's indicators by progress (lines without a target not counted)."""
        out = dict.fromkeys(PROGRESS, 0)
        for ind in self.indicators:
            for line in ind.lines:
                if line.progress != "no_target":
                    out[summary_code(line.progress)] += 1
        return out


@dataclass(frozen=True)
class Initiative:
    initiative_id: str
    name: str
    goal_id: str | None
    sector: str  # store.programme_schema.SECTORS
    status: str  # INITIATIVE_STATUSES
    lead: str  # the lead institution's name
    lead_type: str  # INSTITUTION_TYPES
    partners: list[str]  # partner institutions' names
    start_year: int
    end_year: int | None  # None: open-ended
    budget: float | None
    participants: int | None
    area_codes: list[str]


@dataclass(frozen=True)
class AreaInitiatives:
    """The initiatives active in one area in the report year, by sector (SECTORS order);
    ``area_code`` None for initiatives given no area."""

    area_code: str | None
    area_name: str
    prioritized: bool
    initiatives: list[Initiative]


@dataclass(frozen=True)
class ProgrammeReport:
    lang: str
    programme_id: str
    programme_name: str
    description: str
    start_year: int | None
    end_year: int | None
    year: int
    city_code: str
    city_name: str
    synthetic: bool
    export_date: date
    batch_id: int | None
    goals: list[Goal]
    initiatives: list[Initiative]  # active in the year, in the register's order
    by_area: list[AreaInitiatives]  # prioritized areas first (city order), then by name
    prioritized: list[tuple[str, str]]  # (code, name) of the city's prioritized areas, in order
    area_counts: dict[str, int]  # area code -> initiatives active there in the year
    area_names: dict[str, str]  # area code -> name (every area of the city)
    sources: list[str]
    methods: list[str]
    geometries: Any = field(default=None, compare=False)  # GeoDataFrame: code, role, prioritized

    @property
    def status_counts(self) -> dict[str, int]:
        out = dict.fromkeys(INITIATIVE_STATUSES, 0)
        for i in self.initiatives:
            out[i.status] = out.get(i.status, 0) + 1
        return out

    @property
    def progress_counts(self) -> dict[str, int]:
        out = dict.fromkeys(PROGRESS, 0)
        for goal in self.goals:
            for key, n in goal.counts.items():
                out[key] += n
        return out

    @property
    def areas_covered(self) -> list[str]:
        """Codes of the areas with at least one active initiative."""
        return [code for code, n in self.area_counts.items() if n > 0]

    @property
    def prioritized_covered(self) -> int:
        return sum(1 for code, _ in self.prioritized if self.area_counts.get(code, 0) > 0)

    @property
    def budget(self) -> tuple[float | None, int]:
        """The sum of the active initiatives' budgets and how many give one."""
        given = [i.budget for i in self.initiatives if i.budget is not None]
        return (sum(given) if given else None), len(given)

    @property
    def participants(self) -> tuple[int | None, int]:
        given = [i.participants for i in self.initiatives if i.participants is not None]
        return (sum(given) if given else None), len(given)
