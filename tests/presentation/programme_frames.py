"""A small programme register built by hand (store.programme_read.PROGRAMME_COLUMNS), for
the tests of an area's cooperation picture, places and residents' view.

Area A1 ("Norrby") has: two education initiatives (one ongoing, led by a school with an NGO
and the police; one completed), a completed employment initiative, a planned housing one
led by the housing company and a city-wide (city code CITY) health initiative. Area A2 has
one safety initiative. So A1's gaps: employment (ended), community life, safety, environment.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from store.programme_read import PROGRAMME_COLUMNS, ProgrammeSnapshot, empty_frames

INSTITUTIONS = [
    ("skola", "Norrby skola", "school"),
    ("ngo", "Föreningen Grannar", "ngo"),
    ("polis", "Polisen Norr", "police"),
    ("af", "Arbetsförmedlingen", "labour_office"),
    ("bolag", "Bostadsbolaget", "housing_company"),
    ("vard", "Vårdcentralen", "health_care"),
    ("soc", "Socialtjänsten", "social_welfare"),
]
# id, sector, lead, start, end, status, areas, partners
INITIATIVES: list[tuple[str, str, str, int, int | None, str, list[str], list[str]]] = [
    ("i1", "education", "skola", 2023, 2026, "ongoing", ["A1"], ["ngo", "polis"]),
    ("i2", "employment", "af", 2019, 2021, "completed", ["A1"], ["soc"]),
    ("i3", "education", "skola", 2018, 2020, "completed", ["A1"], []),
    ("i4", "housing", "bolag", 2025, None, "planned", ["A1"], ["ngo"]),
    ("i5", "health", "vard", 2022, 2027, "ongoing", ["CITY"], ["soc"]),
    ("i6", "safety", "polis", 2024, 2025, "ongoing", ["A2"], ["ngo"]),
]
PLACES = [("A1", "school", "Norrby skola"), ("A1", "library", "Norrby bibliotek"),
          ("A1", "school", "Ängsskolan"), ("A1", "school", "Björkskolan"), ("A2", "school", "Södra skolan"),
          (None, "library", "Utanför")]


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=PROGRAMME_COLUMNS[name])


def programme(with_register: bool = True, with_places: bool = True) -> ProgrammeSnapshot:
    frames = empty_frames()
    if with_register:
        frames["institutions"] = _frame("institutions", [dict(zip(("id", "name", "type"), r, strict=True))
                                                         for r in INSTITUTIONS])
        frames["initiatives"] = _frame("initiatives", [
            {"id": i, "position": n, "programme_id": None, "goal_id": None,
             "name_sv": f"Insats {i}", "name_pl": f"Inicjatywa {i}", "name_en": f"Initiative {i}",
             "description_sv": None, "description_pl": None, "description_en": f"About {i}",
             "sector": sector, "lead_institution": lead, "start_year": start, "end_year": end,
             "status": status, "budget": None, "participants": None}
            for n, (i, sector, lead, start, end, status, _, _) in enumerate(INITIATIVES)])
        frames["initiative_areas"] = _frame("initiative_areas", [
            {"initiative_id": i, "area_code": a} for i, *_, areas, _ in INITIATIVES for a in areas])
        frames["initiative_partners"] = _frame("initiative_partners", [
            {"initiative_id": i, "institution_id": p} for i, *_, partners in INITIATIVES for p in partners])
    if with_places:
        frames["place_categories"] = _frame("place_categories", [
            {"code": "school", "position": 0, "name_sv": "Skolor", "name_pl": "Szkoły", "name_en": "Schools"},
            {"code": "library", "position": 1, "name_sv": "Bibliotek", "name_pl": "Biblioteki", "name_en": "Libraries"},
            {"code": "park", "position": 2, "name_sv": "Parker", "name_pl": "Parki", "name_en": "Parks"}])
        frames["places"] = _frame("places", [
            {"id": n, "category": c, "name": name, "lon": 18.0, "lat": 59.0, "area_code": a}
            for n, (a, c, name) in enumerate(PLACES)])
    return ProgrammeSnapshot(frames)
