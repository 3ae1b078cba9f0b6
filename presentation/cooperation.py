"""An area's cooperation picture (issue #13): which initiatives run there, by sector, which
types of institution take part in each sector's work, and where the gaps are.

``cooperation(programme, code, area_name, city_code, lang)`` reads the programme register
(``store.programme_read.ProgrammeSnapshot`` frames: initiatives, initiative_areas,
initiative_partners, institutions) and returns a :class:`Cooperation`, or None when the city
has no register. Pure: frames in, dataclasses out; the dashboard and every export format
render from it.

- An initiative runs in an area when ``initiative_areas`` lists the area, or lists the
  city's code (a city-wide initiative, marked ``city_wide``).
- Initiatives are grouped by sector in ``SECTORS`` order, within a sector by position.
- The matrix has a row per sector (all of them) and a column per institution type (all of
  them): ``lead`` when an institution of that type leads one of the sector's initiatives in
  the area, ``partner`` when one takes part (and none leads), else None.
- A gap is a sector without an ongoing or planned initiative in the area; ``ended`` when
  the area had one that is completed or stopped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from presentation.area_notes import fallback_order
from presentation.i18n import t
from store.programme_schema import INSTITUTION_TYPES, SECTORS

ACTIVE = ("ongoing", "planned")
ROLES = ("lead", "partner")
MARKS = {"lead": "●", "partner": "○", None: "–"}


@dataclass(frozen=True)
class Institution:
    id: str
    name: str
    type: str  # INSTITUTION_TYPES
    type_name: str  # in the language


@dataclass(frozen=True)
class Initiative:
    id: str
    name: str
    description: str | None
    sector: str
    status: str  # INITIATIVE_STATUSES
    status_name: str
    start_year: int
    end_year: int | None  # None: open-ended
    period: str  # "2023–2026", "from 2024"
    lead: Institution
    partners: tuple[Institution, ...]
    city_wide: bool  # runs in every area of the city
    name_lang: str | None = None  # the name's language when it is not the page's
    description_lang: str | None = None  # likewise the description's

    @property
    def institutions(self) -> tuple[Institution, ...]:
        return (self.lead, *self.partners)


@dataclass(frozen=True)
class SectorGroup:
    sector: str
    name: str
    initiatives: tuple[Initiative, ...]


@dataclass(frozen=True)
class Gap:
    sector: str
    ended: bool  # the area had initiatives in the sector, all completed or stopped
    sentence: str


@dataclass(frozen=True)
class Matrix:
    """Sector × institution type: ``cells[sector][type]`` is lead, partner or None."""

    sectors: tuple[tuple[str, str], ...]  # (code, name) in SECTORS order
    types: tuple[tuple[str, str], ...]  # (code, name) in INSTITUTION_TYPES order
    cells: Mapping[str, Mapping[str, str | None]]
    caption: str

    def role(self, sector: str, type_: str) -> str | None:
        return self.cells[sector][type_]

    def types_with(self, sector: str, role: str) -> list[str]:
        """The names of the types with ``role`` in ``sector``'s initiatives, in column order."""
        return [name for code, name in self.types if self.cells[sector][code] == role]

    def row_text(self, sector: str, lang: str) -> str:
        """A sector's row in words: "● Led by: School. ○ Taking part: NGO, Police"."""
        parts = [t(f"coop.roles.{role}", lang, types=", ".join(names))
                 for role in ROLES if (names := self.types_with(sector, role))]
        return ". ".join(parts) if parts else t("coop.roles.nobody", lang)


@dataclass(frozen=True)
class Cooperation:
    area_code: str
    area_name: str
    groups: tuple[SectorGroup, ...]  # sectors with initiatives in the area, in SECTORS order
    matrix: Matrix
    gaps: tuple[Gap, ...]
    gaps_text: str  # the gaps in words, or that every sector has work under way

    @property
    def initiatives(self) -> tuple[Initiative, ...]:
        return tuple(i for g in self.groups for i in g.initiatives)

    @property
    def empty(self) -> bool:
        return not self.groups


def sector_name(sector: str, lang: str) -> str:
    return t(f"coop.sector.{sector}", lang)


def type_name(type_: str, lang: str) -> str:
    return t(f"coop.type.{type_}", lang)


def role_text(role: str | None, lang: str) -> str:
    """A matrix cell as text: the mark and the word (``● leads``), ``–`` for none."""
    return "–" if role is None else f"{MARKS[role]} {t(f'coop.role.{role}', lang)}"


def period_text(start: Any, end: Any, lang: str) -> str:
    if _blank(end):
        return t("coop.from", lang, start=int(start))
    return str(int(start)) if int(end) == int(start) else f"{int(start)}–{int(end)}"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA


def _text(row: Mapping[str, Any], field: str, lang: str) -> tuple[str | None, str | None]:
    """(text, its language when not ``lang``): ``lang``'s, else English, else the other."""
    for candidate in fallback_order(lang):
        value = row.get(f"{field}_{candidate}")
        if isinstance(value, str) and value.strip():
            return value.strip(), None if candidate == lang else candidate
    return None, None


def _institutions(frame: pd.DataFrame, lang: str) -> dict[str, Institution]:
    return {str(r["id"]): Institution(str(r["id"]), str(r["name"]), str(r["type"]), type_name(str(r["type"]), lang))
            for r in frame.to_dict("records")}


def _area_initiatives(programme: Any, code: str, city_code: str) -> dict[str, bool]:
    """initiative id -> city-wide, for the initiatives that run in ``code``."""
    areas = programme["initiative_areas"]
    where = areas["area_code"].astype(str)
    own = set(areas.loc[where == code, "initiative_id"].astype(str))
    city = set(areas.loc[where == city_code, "initiative_id"].astype(str)) if city_code else set()
    return {i: i not in own for i in own | city}


def _initiative(row: Mapping[str, Any], people: dict[str, Institution], partners: list[str],
                city_wide: bool, lang: str) -> Initiative:
    lead = people[str(row["lead_institution"])]
    name, name_lang = _text(row, "name", lang)
    description, description_lang = _text(row, "description", lang)
    return Initiative(
        id=str(row["id"]), name=name or str(row["id"]), name_lang=name_lang,
        description=description, description_lang=description_lang, sector=str(row["sector"]),
        status=str(row["status"]), status_name=t(f"coop.status.{row['status']}", lang),
        start_year=int(row["start_year"]), end_year=None if _blank(row["end_year"]) else int(row["end_year"]),
        period=period_text(row["start_year"], row["end_year"], lang), lead=lead,
        partners=tuple(people[p] for p in partners if p in people and p != lead.id), city_wide=city_wide)


def initiatives_in(programme: Any, code: str, city_code: str, lang: str) -> list[Initiative]:
    """The initiatives that run in area ``code`` (its own and the city-wide ones), in
    register order."""
    running = _area_initiatives(programme, code, city_code)
    people = _institutions(programme["institutions"], lang)
    links = programme["initiative_partners"]
    partners: dict[str, list[str]] = {}
    for r in links.to_dict("records"):
        partners.setdefault(str(r["initiative_id"]), []).append(str(r["institution_id"]))
    frame = programme["initiatives"]
    if "position" in frame.columns:
        frame = frame.sort_values("position", kind="stable")
    return [_initiative(r, people, partners.get(str(r["id"]), []), running[str(r["id"])], lang)
            for r in frame.to_dict("records") if str(r["id"]) in running]


def matrix(initiatives: list[Initiative], area_name: str, lang: str) -> Matrix:
    cells: dict[str, dict[str, str | None]] = {s: dict.fromkeys(INSTITUTION_TYPES) for s in SECTORS}
    for ini in initiatives:
        row = cells.setdefault(ini.sector, dict.fromkeys(INSTITUTION_TYPES))
        row[ini.lead.type] = "lead"
        for partner in ini.partners:
            if row.get(partner.type) is None:
                row[partner.type] = "partner"
    return Matrix(tuple((s, sector_name(s, lang)) for s in SECTORS),
                  tuple((k, type_name(k, lang)) for k in INSTITUTION_TYPES), cells,
                  t("coop.matrix.caption", lang, area=area_name))


def gaps(initiatives: list[Initiative], area_name: str, lang: str) -> tuple[Gap, ...]:
    """Sectors without an ongoing or planned initiative in the area, in SECTORS order."""
    found = []
    for sector in SECTORS:
        own = [i for i in initiatives if i.sector == sector]
        if any(i.status in ACTIVE for i in own):
            continue
        key = "coop.gap.ended" if own else "coop.gap.none"
        found.append(Gap(sector, bool(own), t(key, lang, sector=t(f"coop.sector_in.{sector}", lang),
                                              area=area_name)))
    return tuple(found)


def cooperation(programme: Any, code: str, area_name: str, city_code: str, lang: str) -> Cooperation | None:
    """The cooperation picture of area ``code`` in ``lang``; None when the city has no
    initiatives at all (no register loaded: nothing to say, no section)."""
    if programme["initiatives"].empty:
        return None
    found = initiatives_in(programme, str(code), str(city_code), lang)
    groups = tuple(SectorGroup(s, sector_name(s, lang), tuple(i for i in found if i.sector == s))
                   for s in SECTORS if any(i.sector == s for i in found))
    holes = gaps(found, area_name, lang)
    text = (" ".join(g.sentence for g in holes) if holes
            else t("coop.gap.all", lang, area=area_name))
    return Cooperation(str(code), area_name, groups, matrix(found, area_name, lang), holes, text)
