"""The test city (tests/export/city.py) with a programme written into its store: three
goals over its four indicators, five targets (achieved, on track, off track, and too few values
because the latest value is suppressed), four institutions and seven initiatives, two of them outside 2023.

Sjöbo (P04) is the first prioritized area by the city's order, Hässleholmen (P01) the
second, so the report must follow ``areas.priority`` and not the names.
"""

from __future__ import annotations

from sqlalchemy import Engine, insert, update

from store.programme_schema import (
    GoalIndicator,
    Initiative,
    InitiativeArea,
    InitiativePartner,
    Institution,
    Programme,
    ProgrammeGoal,
    Target,
)
from store.schema import Area
from tests.export.city import CITY_CODE, build_city

PROGRAMME = "SOC"
YEAR = 2023
PRIORITIZED_ORDER = ("Sjöbo", "Hässleholmen")
GOALS = (  # goal id, names (sv, pl, en), indicators
    ("G1", ("Fler i arbete", "Więcej osób w pracy", "More people in work"),
     ("unemployment", "employment")),
    ("G2", ("Bättre skolresultat", "Lepsze wyniki w szkole", "Better school results"),
     ("upper_secondary",)),
    ("G3", ("Tryggare områden", "Bezpieczniejsze osiedla", "Safer neighbourhoods"), ("crime",)),
)
# indicator, area, baseline period, baseline, target period, target, direction -> expected progress
TARGETS = (
    ("unemployment", "P01", "2019", 17.0, "2025", 12.0, "decrease", "on_track"),
    ("unemployment", CITY_CODE, "2019", 7.0, "2025", 2.0, "decrease", "off_track"),
    ("employment", "P04", "2019", 60.0, "2025", 65.0, "increase", "achieved"),
    ("upper_secondary", CITY_CODE, "2019", 80.0, "2030", 99.0, "increase", "off_track"),
    ("crime", "P01", "2022", 50.0, "2025", 20.0, "decrease", "too_few_points"),  # 2023 suppressed
)
INSTITUTIONS = (
    ("soc", "Socialförvaltningen", "social_welfare"),
    ("skola", "Łąkowa skola", "school"),
    ("polis", "Lokalpolisen", "police"),
    ("bo", "Bostadsbolaget Hem", "housing_company"),
)
# id, sector, lead, start, end, status, budget, participants, areas, partners
INITIATIVES = (
    ("I1", "employment", "soc", 2021, 2024, "ongoing", 100000.0, 120, ("P01",), ("bo",)),
    ("I2", "education", "skola", 2022, None, "ongoing", 50000.0, 300, ("P01", "P04"), ("soc",)),
    ("I3", "safety", "polis", 2023, 2023, "completed", None, 80, ("P01",), ()),
    ("I4", "housing", "bo", 2021, 2025, "ongoing", 250000.0, None, ("P04", "P02"), ("soc", "polis")),
    ("I5", "community_life", "soc", 2023, 2026, "planned", None, None, (), ()),
    ("I6", "health", "soc", 2021, 2022, "completed", 9999.0, 9, ("P01",), ()),  # over before 2023
    ("I7", "environment", "bo", 2024, 2025, "planned", 7777.0, 7, ("P04",), ()),  # not yet
)
ACTIVE = ("I1", "I2", "I3", "I4", "I5")
NAMES = {  # initiative -> (sv, pl, en)
    "I1": ("Jobbspåret", "Ścieżka do pracy", "Job track"),
    "I2": ("Läxhjälp", "Pomoc w lekcjach", "Homework help"),
    "I3": ("Trygga kvällar", "Bezpieczne wieczory", "Safe evenings"),
    "I4": ("Trapphusmöten", "Spotkania na klatkach", "Stairwell meetings"),
    "I5": ("Grannskapsfest", "Festyn sąsiedzki", "Neighbourhood fair"),
    "I6": ("Hälsolots", "Pilot zdrowia", "Health guide"),
    "I7": ("Gröna gårdar", "Zielone podwórka", "Green yards"),
}


def build_programme_city(engine: Engine) -> None:
    """The test city plus the programme, in an empty store (schema applied)."""
    build_city(engine)
    with engine.begin() as conn:
        conn.execute(update(Area).where(Area.code == "P04").values(priority=1))
        conn.execute(update(Area).where(Area.code == "P01").values(priority=2))
        conn.execute(insert(Programme).values(
            id=PROGRAMME, position=1, name_sv="Social hållbarhet", name_pl="Spójność społeczna",
            name_en="Social sustainability", description_sv="Program för prioriterade områden.",
            description_pl="Program dla obszarów priorytetowych.",
            description_en="Programme for the prioritized areas.", start_year=2021, end_year=2025))
        conn.execute(insert(ProgrammeGoal), [
            {"programme_id": PROGRAMME, "goal_id": g, "position": n, "name_sv": names[0],
             "name_pl": names[1], "name_en": names[2]}
            for n, (g, names, _) in enumerate(GOALS)])
        conn.execute(insert(GoalIndicator), [
            {"programme_id": PROGRAMME, "goal_id": g, "indicator_id": ind, "position": n}
            for g, _, inds in GOALS for n, ind in enumerate(inds)])
        conn.execute(insert(Target), [
            {"indicator_id": ind, "area_code": area, "sex": "total", "age_group": "all",
             "programme_id": PROGRAMME, "goal_id": next(g for g, _, i in GOALS if ind in i),
             "baseline_period": bp, "baseline_value": bv, "target_period": tp, "target_value": tv,
             "direction": d} for ind, area, bp, bv, tp, tv, d, _ in TARGETS])
        conn.execute(insert(Institution), [{"id": i, "name": n, "type": t} for i, n, t in INSTITUTIONS])
        conn.execute(insert(Initiative), [
            {"id": iid, "position": n, "programme_id": PROGRAMME, "goal_id": "G1",
             "name_sv": NAMES[iid][0], "name_pl": NAMES[iid][1], "name_en": NAMES[iid][2],
             "sector": sector, "lead_institution": lead, "start_year": start, "end_year": end,
             "status": status, "budget": budget, "participants": people}
            for n, (iid, sector, lead, start, end, status, budget, people, _, _)
            in enumerate(INITIATIVES)])
        conn.execute(insert(InitiativeArea), [
            {"initiative_id": i[0], "area_code": a} for i in INITIATIVES for a in i[8]])
        conn.execute(insert(InitiativePartner), [
            {"initiative_id": i[0], "institution_id": p} for i in INITIATIVES for p in i[9]])
