"""Build the :class:`ProgrammeReport` of one programme and year from a store snapshot and
its comparison table. Pure: DataFrames in, a report out; no database, no files.

The programme's goals come with the indicators that measure them; each indicator is shown
in the city's prioritized areas (``areas.priority`` order), in any other area the programme
set a target for, and in the whole city. Values are redacted before anything reads them,
so a suppressed value can reach no format.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from indicators import headline_age_groups
from presentation.i18n import catalogue_field
from presentation.prioritized import in_city_order
from presentation.redaction import HIDDEN_STATUSES, redact
from reports import programme_strings as ps
from reports.build import catalogue_info, city_name
from reports.errors import ExportError
from reports.locator import drawable
from reports.numbers import decimals_of, is_blank, opt
from reports.programme_model import (
    AreaInitiatives,
    Goal,
    GoalIndicator,
    IndicatorLine,
    Initiative,
    ProgrammeReport,
)
from reports.programme_progress import judged, period_year
from reports.programme_years import check_year, programme_row
from settings.languages import LANGS
from store.programme_schema import SECTORS
from store.read import Snapshot

Record = Mapping[Any, Any]  # a row as ``DataFrame.to_dict`` gives it


def _text(value: object) -> str:
    return "" if is_blank(value) else str(value)


def _int(value: object) -> int | None:
    return None if is_blank(value) else int(float(str(value)))


def named(row: Record, field: str, lang: str) -> str:
    """``field_<lang>``, else the first other language that has it."""
    for code in (lang, *(c for c in LANGS if c != lang)):
        text = _text(row.get(f"{field}_{code}")).strip()
        if text:
            return text
    return ""


def indicator_rows(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """The table's rows up to ``year`` (by the period's last year), redacted, with ``year``."""
    keep = ["indicator_id", "area_code", "period", "sex", "age_group", "value", "status", "trend"]
    rows = table[[c for c in keep if c in table.columns]].copy()
    for col in ("indicator_id", "area_code", "period", "sex", "age_group", "status", "trend"):
        if col in rows.columns:
            rows[col] = rows[col].astype(object)
    rows["year"] = rows["period"].map(period_year)
    rows = rows[rows["year"].notna() & (rows["year"] <= year)]
    return redact(rows)


def _hidden(row: Record) -> bool:
    return _text(row.get("status")) in HIDDEN_STATUSES


def _value_at_or_before(rows: pd.DataFrame, year: int | None) -> Record | None:
    """The row of the latest period up to ``year`` (the earliest period when none is)."""
    if rows.empty:
        return None
    ordered = rows.sort_values("period")
    if year is not None:
        before = ordered[ordered["year"] <= year]
        return (before.iloc[-1] if not before.empty else ordered.iloc[0]).to_dict()
    return ordered.iloc[-1].to_dict()


def indicator_line(rows: pd.DataFrame, target: Record | None, progress: str | None,
                   area: tuple[str, str, bool, bool], start_year: int | None) -> IndicatorLine:
    """The line of one indicator in one area: ``rows`` are its rows there (one sex and age
    group), ``target`` its target row or None, ``progress`` the engine's judgement of it."""
    code, name, is_city, prioritized = area
    latest = _value_at_or_before(rows, None)
    hidden = latest is not None and _hidden(latest)
    latest_value = None if latest is None or hidden else opt(latest.get("value"))
    latest_period = None if latest is None else str(latest["period"])
    trend = "not_enough_data" if latest is None else (_text(latest.get("trend")) or "not_enough_data")
    if target is not None:
        return IndicatorLine(code, name, is_city, prioritized, str(target["baseline_period"]),
                             opt(target["baseline_value"]), latest_period, latest_value, hidden,
                             str(target["target_period"]), opt(target["target_value"]),
                             str(target["direction"]), progress or "no_data", trend)
    first = _value_at_or_before(rows, start_year)
    base = None if first is None or _hidden(first) else opt(first.get("value"))
    return IndicatorLine(code, name, is_city, prioritized,
                         None if first is None else str(first["period"]), base, latest_period,
                         latest_value, hidden, None, None, None, "no_target", trend)


def goal_indicator(ind: str, info: Record, rows: pd.DataFrame, targets: pd.DataFrame,
                   progress: Mapping[tuple[str, str, str, str], str],
                   areas: list[tuple[str, str, bool, bool]], headline_age: str,
                   start_year: int | None) -> GoalIndicator:
    own = rows[rows["indicator_id"] == ind]
    own_targets = targets[targets["indicator_id"] == ind]
    target_areas = set(own_targets["area_code"].astype(str))
    listed = [a for a in areas if a[2] or a[3] or a[0] in target_areas]
    lines = []
    for area in listed:
        found = own_targets[own_targets["area_code"].astype(str) == area[0]]
        target = found.iloc[0].to_dict() if not found.empty else None
        sex = "total" if target is None else _text(target.get("sex")) or "total"
        age = headline_age if target is None else _text(target.get("age_group")) or "all"
        here = own[(own["area_code"] == area[0]) & (own["sex"] == sex) & (own["age_group"] == age)]
        judgement = None if target is None else progress.get((ind, area[0], sex, age))
        lines.append(indicator_line(here, target, judgement, area, start_year))
    return GoalIndicator(ind, _text(info.get("name")) or ind, _text(info.get("unit")),
                         decimals_of(info), _text(info.get("polarity")) or "neutral", lines)


def report_areas(snapshot: Snapshot, lang: str) -> list[tuple[str, str, bool, bool]]:
    """(code, name, is_city, prioritized): the prioritized areas in the city's order, the
    other areas by name, then the whole city."""
    areas = snapshot.areas
    prio = in_city_order(areas)
    others = areas[(areas["level"] != "city") & ~areas["code"].isin(prio["code"])]
    others = others.sort_values("name", key=lambda s: s.astype(str).str.casefold())
    city = str(snapshot.city.get("code", ""))
    return ([(str(r["code"]), str(r["name"]), False, True) for _, r in prio.iterrows()]
            + [(str(r["code"]), str(r["name"]), False, False) for _, r in others.iterrows()]
            + [(city, ps.text("whole_city", lang, city=city_name(snapshot.city, lang)), True, False)])


def goals_of(snapshot: Snapshot, table: pd.DataFrame, programme: Record, year: int,
             lang: str) -> tuple[list[Goal], list[str]]:
    """The programme's goals with their indicators, and the sources of those indicators."""
    pid = str(programme["id"])
    frames = snapshot.programme
    goals = frames["programme_goals"]
    goals = goals[goals["programme_id"].astype(str) == pid].sort_values("position")
    links = frames["goal_indicators"]
    links = links[links["programme_id"].astype(str) == pid].sort_values("position")
    cat = catalogue_info(snapshot.catalogue, lang)
    rows = indicator_rows(table, year)
    ages = headline_age_groups(table) if not table.empty else pd.Series(dtype=object)
    areas = report_areas(snapshot, lang)
    targets = frames["targets"]
    progress = judged(targets, rows)
    out, sources = [], []
    for n, goal in enumerate(goals.to_dict("records"), start=1):
        ids = [str(i) for i in links.loc[links["goal_id"].astype(str) == str(goal["goal_id"]),
                                         "indicator_id"] if str(i) in cat.index]
        indicators = [
            goal_indicator(ind, cat.loc[ind].to_dict(), rows, targets, progress, areas,
                           str(ages.get(ind, "all")), _int(programme.get("start_year")))
            for ind in ids
        ]
        sources += [catalogue_field(cat.loc[ind].to_dict(), "source", lang) for ind in ids]
        out.append(Goal(str(goal["goal_id"]), n, named(goal, "name", lang), indicators))
    return out, sorted({s for s in sources if s})


def active_initiatives(snapshot: Snapshot, programme_id: str, year: int, lang: str) -> list[Initiative]:
    """The programme's initiatives running at any time in ``year`` (open-ended ones too)."""
    frames = snapshot.programme
    ini = frames["initiatives"]
    ini = ini[ini["programme_id"].astype(str) == programme_id].sort_values("position")
    starts = pd.to_numeric(ini["start_year"], errors="coerce")
    ends = pd.to_numeric(ini["end_year"], errors="coerce")
    ini = ini[(starts <= year) & (ends.isna() | (ends >= year))]
    inst = frames["institutions"].set_index("id")
    names, types = inst["name"].astype(str).to_dict(), inst["type"].astype(str).to_dict()
    partners = frames["initiative_partners"].groupby("initiative_id")["institution_id"].agg(list)
    areas = frames["initiative_areas"].groupby("initiative_id")["area_code"].agg(list)
    out = []
    for r in ini.to_dict("records"):
        iid, lead = str(r["id"]), str(r["lead_institution"])
        budget, people = opt(r.get("budget")), _int(r.get("participants"))
        out.append(Initiative(
            iid, named(r, "name", lang), _text(r.get("goal_id")) or None, str(r["sector"]),
            str(r["status"]), names.get(lead, lead), types.get(lead, ""),
            [names.get(str(p), str(p)) for p in partners.get(iid, [])],
            int(r["start_year"]), _int(r.get("end_year")), budget, people,
            [str(a) for a in areas.get(iid, [])],
        ))
    return out


def by_area(initiatives: list[Initiative], areas: list[tuple[str, str, bool, bool]],
            lang: str) -> list[AreaInitiatives]:
    """Per area with active initiatives (prioritized first, in order), sorted by sector."""
    order = {s: i for i, s in enumerate(SECTORS)}
    out = []
    for code, name, is_city, prio in areas:
        here = [i for i in initiatives if code in i.area_codes]
        if here and not is_city:
            here.sort(key=lambda i: (order.get(i.sector, 99), i.name.casefold()))
            out.append(AreaInitiatives(code, name, prio, here))
    city = next((a for a in areas if a[2]), None)
    known = {a[0] for a in areas if not a[2]}
    rest = [i for i in initiatives if not known & set(i.area_codes)]
    if rest:
        rest.sort(key=lambda i: (order.get(i.sector, 99), i.name.casefold()))
        out.append(AreaInitiatives(city[0] if city else None, ps.text("no_area", lang), False, rest))
    return out


def map_frame(snapshot: Snapshot) -> Any:
    """The geometries of the prioritized areas' level and the city outline (``role``)."""
    frame = drawable(snapshot)
    if frame is None:
        return None
    prio_levels = frame.loc[frame["prioritized"], "level"]
    districts = frame.loc[frame["level"] != "city", "level"]
    if districts.empty:
        return None
    level = (prio_levels if not prio_levels.empty else districts).mode().iloc[0]
    frame = frame[frame["level"].isin((level, "city"))]
    frame["role"] = frame["level"].map(lambda lv: "city" if lv == "city" else "area")
    return frame


def build_programme_report(snapshot: Snapshot, table: pd.DataFrame, programme_id: str,
                           year: int, lang: str, export_date: date | None = None) -> ProgrammeReport:
    """The annual implementation report of ``programme_id`` for ``year`` in ``lang``; an
    unknown programme or a year outside its years is an ExportError that says the fix."""
    if lang not in LANGS:
        raise ExportError(f"Unknown language {lang!r}. Fix: use one of {', '.join(LANGS)}.")
    programme = programme_row(snapshot, programme_id)
    year = check_year(programme, year)
    pid = str(programme["id"])
    goals, sources = goals_of(snapshot, table, programme, year, lang)
    areas = report_areas(snapshot, lang)
    initiatives = active_initiatives(snapshot, pid, year, lang)
    counts = {a[0]: sum(1 for i in initiatives if a[0] in i.area_codes) for a in areas if not a[2]}
    methods = [ps.text(k, lang) for k in ("method_progress", "method_values", "method_initiatives")]
    return ProgrammeReport(
        lang=lang, programme_id=pid, programme_name=named(programme, "name", lang),
        description=named(programme, "description", lang),
        start_year=_int(programme.get("start_year")), end_year=_int(programme.get("end_year")),
        year=year, city_code=str(snapshot.city.get("code", "")),
        city_name=city_name(snapshot.city, lang), synthetic=bool(snapshot.city.get("synthetic")),
        export_date=export_date or date.today(), batch_id=snapshot.batch_id,
        goals=goals, initiatives=initiatives, by_area=by_area(initiatives, areas, lang),
        prioritized=[(a[0], a[1]) for a in areas if a[3]], area_counts=counts,
        area_names={a[0]: a[1] for a in areas if not a[2]},
        sources=sources, methods=methods, geometries=map_frame(snapshot),
    )
