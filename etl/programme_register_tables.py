"""Programmes, goals, institutions and initiatives of the programme register: each row
checked (``etl.programme_register_cells``) against what the load knows (``Known``: the
catalogue, the areas, and the ids of the kinds read before), then made a store row.
Targets are in ``etl.programme_register_targets``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from etl.programme_register_cells import (
    choice,
    decimal_of,
    duplicate,
    id_list,
    identifier,
    names,
    number,
    reference,
    text,
    year,
    years,
)
from etl.programme_register_sheets import DESCRIPTIONS, Sheet
from store.programme_read import PROGRAMME_COLUMNS

FLOATS = {"budget", "baseline_value", "target_value"}
Row = dict[str, object]


def frame(name: str, rows: list[Row]) -> pd.DataFrame:
    """Rows as the frame of store table ``name``: floats as floats, the rest as Python
    objects (ints stay ints, missing is None)."""
    return pd.DataFrame({c: pd.Series([r[c] for r in rows], dtype=float if c in FLOATS else object)
                         for c in PROGRAMME_COLUMNS[name]})


@dataclass
class Known:
    """What rows may refer to; a set is None when its file could not be read (then
    references to it are not checked, so one broken file gives no cascade of errors)."""

    indicators: set[str] | None  # catalogue ids (None: the catalogue could not be read)
    areas: set[str] | None  # area codes, without the city (None: no boundaries were read)
    city: str
    row_code: str
    decimal: str | None = None
    programmes: set[str] | None = field(default_factory=set)
    years: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    goals: dict[str, set[str]] | None = field(default_factory=dict)  # programme -> goal ids
    measures: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # goal -> indicators
    institutions: set[str] | None = field(default_factory=set)

    def programme_goal(self, sheet: Sheet, line: int, row: dict[str, str]
                       ) -> tuple[str | None, str | None, bool]:
        """The (programme, goal) a row belongs to (either may be empty) and whether both
        are known; a goal needs its programme."""
        programme = identifier(sheet, line, row, "programme", need=False)
        goal = identifier(sheet, line, row, "goal", need=False)
        ok = programme is not None or not row.get("programme")
        ok &= goal is not None or not row.get("goal")
        if programme is not None:
            ok &= reference(sheet, line, "programme", programme, self.programmes, "programme",
                            "use an id of the programmes file")
        if goal is not None and programme is None and ok:
            sheet.add(line, "programme", "a goal is given without its programme",
                      "fill in the programme the goal belongs to", value=goal)
            return None, None, False
        if goal is not None and programme is not None and ok and self.goals is not None:
            ok &= reference(sheet, line, "goal", goal, self.goals.get(programme, set()),
                            f"goal of programme {programme!r}",
                            f"use a goal of {programme!r} from the goals file")
        return programme, goal, ok


def programmes(sheet: Sheet, known: Known) -> list[Row]:
    out: list[Row] = []
    seen: dict[object, int] = {}
    for line, row in sheet.rows():
        pid = identifier(sheet, line, row, "id")
        named = names(sheet, line, row, "programme")
        start, end = year(sheet, line, row, "start_year"), year(sheet, line, row, "end_year")
        years(sheet, line, start, end)
        if pid is None or duplicate(sheet, line, "id", pid, seen, "programme id",
                                    "give each programme its own id, or remove one of the rows"):
            continue
        known.programmes = (known.programmes or set()) | {pid}
        known.years[pid] = (start, end)
        if named is None:
            continue
        texts = {c: text(sheet, line, row, c, limit=100_000) for c in DESCRIPTIONS}
        out.append({"id": pid, "position": len(out) + 1, **named, **texts,
                    "start_year": start, "end_year": end})
    return out


def goals(sheet: Sheet, known: Known) -> tuple[list[Row], list[Row]]:
    """Goals and the indicators that measure them (``indicators``: ';'-separated ids)."""
    out: list[Row] = []
    measures: list[Row] = []
    seen: dict[object, int] = {}
    for line, row in sheet.rows():
        programme = identifier(sheet, line, row, "programme")
        goal = identifier(sheet, line, row, "goal")
        named = names(sheet, line, row, "goal")
        ids = id_list(sheet, line, row, "indicators")
        for ind in ids:
            reference(sheet, line, "indicators", ind, known.indicators, "indicator",
                      "use a catalogue id")
        if programme is None or goal is None:
            continue
        ok = reference(sheet, line, "programme", programme, known.programmes, "programme",
                       "use an id of the programmes file")
        if duplicate(sheet, line, "goal", (programme, goal), seen, "goal",
                     "give each goal of a programme its own id, or remove one of the rows"):
            continue
        if known.goals is not None:
            known.goals.setdefault(programme, set()).add(goal)
        listed = [i for i in ids if known.indicators is None or i in known.indicators]
        known.measures[(programme, goal)] = listed
        if named is None or not ok:
            continue
        out.append({"programme_id": programme, "goal_id": goal, "position": len(out) + 1, **named})
        measures += [{"programme_id": programme, "goal_id": goal, "indicator_id": ind,
                      "position": len(measures) + k + 1} for k, ind in enumerate(listed)]
    return out, measures


def institutions(sheet: Sheet, known: Known) -> list[Row]:
    out: list[Row] = []
    seen: dict[object, int] = {}
    for line, row in sheet.rows():
        iid = identifier(sheet, line, row, "id")
        name = text(sheet, line, row, "name")
        kind = choice(sheet, line, row, "type")
        if not row.get("name"):
            sheet.add(line, "name", "name is empty", "fill in the institution's name")
        if iid is None or duplicate(sheet, line, "id", iid, seen, "institution id",
                                    "give each institution its own id, or remove one of the rows"):
            continue
        known.institutions = (known.institutions or set()) | {iid}
        if name and kind:
            out.append({"id": iid, "name": name, "type": kind})
    return out


def _areas(sheet: Sheet, line: int, row: dict[str, str], known: Known) -> list[str] | None:
    """The initiative's area codes; the city's code alone: the whole city."""
    codes = id_list(sheet, line, row, "areas")
    if not codes:
        if row.get("areas", "").strip(" ;") == "":
            sheet.add(line, "areas", "areas is empty", "list the area codes the initiative runs "
                      f"in, separated by ';', or write {known.city!r} for the whole city")
        return None
    codes = [known.city if c in (known.city, known.row_code) else c for c in codes]
    if known.city in codes and len(codes) > 1:
        sheet.add(line, "areas", f"areas lists the whole city ({known.city!r}) and single areas",
                  f"write either {known.city!r} (the whole city) or the area codes", value=row["areas"])
        return None
    places = None if known.areas is None else known.areas | {known.city}
    ok = all([reference(sheet, line, "areas", c, places, "area code",
                        f"use a code from the boundary file, or {known.city!r} for the whole city")
              for c in codes])
    return codes if ok else None


def _partners(sheet: Sheet, line: int, row: dict[str, str], lead: str | None,
              known: Known) -> list[str] | None:
    partners = id_list(sheet, line, row, "partners")
    if lead is not None and lead in partners:
        sheet.add(line, "partners", f"partners lists the lead {lead!r} again",
                  "leave the lead out of partners (it is left out)", value=row["partners"],
                  severity="warning")
        partners = [p for p in partners if p != lead]
    ok = all([reference(sheet, line, "partners", p, known.institutions, "institution",
                        "use an id of the institutions file") for p in partners])
    return partners if ok else None


def initiatives(sheet: Sheet, known: Known) -> tuple[list[Row], list[Row], list[Row]]:
    """Initiatives, the areas they run in and their partner institutions."""
    out: list[Row] = []
    areas: list[Row] = []
    partners: list[Row] = []
    seen: dict[object, int] = {}
    decimal = decimal_of(sheet, ("budget", "participants"), known.decimal)
    for line, row in sheet.rows():
        iid = identifier(sheet, line, row, "id")
        programme, goal, linked = known.programme_goal(sheet, line, row)
        named = names(sheet, line, row, "initiative")
        sector, status = choice(sheet, line, row, "sector"), choice(sheet, line, row, "status")
        lead = identifier(sheet, line, row, "lead")
        if lead is not None and not reference(sheet, line, "lead", lead, known.institutions,
                                              "institution", "use an id of the institutions file"):
            lead = None
        codes, with_ = _areas(sheet, line, row, known), _partners(sheet, line, row, lead, known)
        start, end = year(sheet, line, row, "start_year", need=True), year(sheet, line, row, "end_year")
        years(sheet, line, start, end)
        _within(sheet, line, programme, start, end, known)
        budget = number(sheet, line, row, "budget", decimal, negative=False)
        people = number(sheet, line, row, "participants", decimal, whole=True, negative=False)
        texts = {c: text(sheet, line, row, c, limit=100_000) for c in DESCRIPTIONS}
        if iid is None or duplicate(sheet, line, "id", iid, seen, "initiative id",
                                    "give each initiative its own id, or remove one of the rows"):
            continue
        if None in (named, sector, status, lead, codes, with_, start) or not linked:
            continue
        out.append({"id": iid, "position": len(out) + 1, "programme_id": programme,
                    "goal_id": goal, **(named or {}), **texts, "sector": sector,
                    "lead_institution": lead, "start_year": start, "end_year": end,
                    "status": status, "budget": budget,
                    "participants": None if people is None else int(people)})
        areas += [{"initiative_id": iid, "area_code": c} for c in codes or []]
        partners += [{"initiative_id": iid, "institution_id": p} for p in with_ or []]
    return out, areas, partners


def _within(sheet: Sheet, line: int, programme: str | None, start: int | None, end: int | None,
            known: Known) -> None:
    """A warning when an initiative's years lie outside its programme's."""
    first, last = known.years.get(programme or "", (None, None))
    if start is not None and first is not None and (end or start) < first:
        sheet.add(line, "end_year" if end else "start_year", f"the initiative ends before its "
                  f"programme starts ({first})", "check the years, or the initiative's programme",
                  value=str(end or start), severity="warning")
    elif start is not None and last is not None and start > last:
        sheet.add(line, "start_year", f"the initiative starts after its programme ends ({last})",
                  "check the years, or the initiative's programme", value=str(start),
                  severity="warning")
