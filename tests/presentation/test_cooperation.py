"""An area's cooperation picture, places and residents' view: known answers from a register
built by hand (tests/presentation/programme_frames.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from presentation.cooperation import cooperation, role_text
from presentation.cooperation_places import area_places, more_text
from presentation.residents import residents_view, shorten
from store.programme_schema import INSTITUTION_TYPES, SECTORS
from tests.presentation.programme_frames import programme


def test_initiatives_of_the_area_by_sector_with_city_wide_ones() -> None:
    coop = cooperation(programme(), "A1", "Norrby", "CITY", "en")
    assert coop is not None
    assert [g.sector for g in coop.groups] == ["education", "employment", "housing", "health"]
    assert [i.id for i in coop.groups[0].initiatives] == ["i1", "i3"]
    assert "i6" not in [i.id for i in coop.initiatives]  # another area's
    health = coop.groups[3].initiatives[0]
    assert health.id == "i5" and health.city_wide
    first = coop.groups[0].initiatives[0]
    assert not first.city_wide and first.status_name == "Ongoing" and first.period == "2023–2026"
    assert first.lead.name == "Norrby skola" and [p.name for p in first.partners] == ["Föreningen Grannar",
                                                                                    "Polisen Norr"]
    assert coop.groups[2].initiatives[0].period == "from 2025"


def test_the_matrix_marks_lead_and_partner_types_per_sector() -> None:
    m = cooperation(programme(), "A1", "Norrby", "CITY", "en").matrix  # type: ignore[union-attr]
    assert [s for s, _ in m.sectors] == list(SECTORS)
    assert [k for k, _ in m.types] == list(INSTITUTION_TYPES)
    assert m.role("education", "school") == "lead"
    assert m.role("education", "ngo") == "partner" and m.role("education", "police") == "partner"
    assert m.role("housing", "ngo") == "partner" and m.role("housing", "housing_company") == "lead"
    assert m.role("health", "social_welfare") == "partner"
    assert m.role("safety", "police") is None  # A2's initiative
    assert all(m.role("environment", k) is None for k in INSTITUTION_TYPES)
    assert role_text("lead", "sv") == "● leder" and role_text(None, "pl") == "–"
    assert "Norrby" in m.caption


def test_the_gaps_are_sectors_without_ongoing_or_planned_work() -> None:
    coop = cooperation(programme(), "A1", "Norrby", "CITY", "en")
    assert coop is not None
    assert [(g.sector, g.ended) for g in coop.gaps] == [
        ("employment", True), ("community_life", False), ("safety", False), ("environment", False)]
    assert coop.gaps[1].sentence == "No initiative on community life in Norrby."
    assert coop.gaps[0].sentence == ("No ongoing or planned initiative on employment and the economy in "
                                     "Norrby (only completed or stopped ones).")


@pytest.mark.parametrize(("lang", "sentence"), [
    ("sv", "Ingen insats inom trygghet i Hjortkullen."),
    ("pl", "Brak inicjatyw w zakresie bezpieczeństwa na obszarze Hjortkullen."),
    ("en", "No initiative on safety in Hjortkullen."),
])
def test_gap_sentences_in_each_language(lang: str, sentence: str) -> None:
    coop = cooperation(programme(), "A1", "Hjortkullen", "CITY", lang)
    assert coop is not None
    assert sentence in [g.sentence for g in coop.gaps]
    assert coop.gaps_text.startswith(coop.gaps[0].sentence)


def test_the_polish_names_are_polish() -> None:
    coop = cooperation(programme(), "A1", "Norrby", "CITY", "pl")
    assert coop is not None
    assert coop.groups[0].name == "Edukacja" and coop.groups[0].initiatives[0].name == "Inicjatywa i1"
    assert coop.groups[0].initiatives[0].status_name == "Trwająca"
    assert coop.groups[2].initiatives[0].period == "od 2025"
    # no Polish description: English comes next
    first = coop.groups[0].initiatives[0]
    assert (first.description, first.description_lang, first.name_lang) == ("About i1", "en", None)


def test_an_area_without_initiatives_has_only_gaps_and_no_register_no_picture() -> None:
    coop = cooperation(programme(), "A9", "Tomt", "", "sv")
    assert coop is not None and coop.empty and len(coop.gaps) == len(SECTORS)
    assert cooperation(programme(with_register=False), "A1", "Norrby", "CITY", "en") is None


def test_every_sector_covered_says_so() -> None:
    snap = programme()
    frame = snap["initiative_areas"]
    snap.frames["initiative_areas"] = pd.concat([frame, pd.DataFrame(
        {"initiative_id": ["i6"], "area_code": ["A1"]})], ignore_index=True)
    inits = snap["initiatives"].copy()
    extra = [inits.iloc[0].to_dict() | {"id": f"x{n}", "sector": s, "status": "ongoing", "position": 10 + n}
             for n, s in enumerate(("employment", "community_life", "environment"))]
    snap.frames["initiatives"] = pd.concat([inits, pd.DataFrame(extra)], ignore_index=True)
    snap.frames["initiative_areas"] = pd.concat([snap["initiative_areas"], pd.DataFrame(
        {"initiative_id": ["x0", "x1", "x2"], "area_code": ["A1"] * 3})], ignore_index=True)
    coop = cooperation(snap, "A1", "Norrby", "CITY", "en")
    assert coop is not None and coop.gaps == ()
    assert coop.gaps_text == "Every sector has an ongoing or planned initiative in Norrby."


def test_places_are_counted_per_category_with_a_short_list() -> None:
    found = area_places(programme(), "A1", "sv", shown=2)
    assert found is not None and found.total == 4
    assert [(g.name, g.count, g.names) for g in found.groups] == [
        ("Skolor", 3, ("Björkskolan", "Norrby skola")), ("Bibliotek", 1, ("Norrby bibliotek",))]
    assert more_text(found.groups[0], "en") == "and 1 more" and more_text(found.groups[1], "en") == ""
    assert area_places(programme(), "A9", "pl") == area_places(programme(), "A9", "pl")
    assert area_places(programme(), "A9", "pl").groups == ()  # type: ignore[union-attr]
    assert area_places(programme(with_places=False), "A1", "pl") is None


def _catalogue() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["unemployment", "trust", "unsafe"], "name_sv": ["Arbetslöshet", "Tillit", "Otrygghet"],
        "name_pl": ["Bezrobocie", "Zaufanie", "Poczucie zagrożenia"], "name_en": ["Unemployment", "Trust", "Unsafe"],
        "unit": ["%", "%", "%"], "decimals": [1, 1, 1],
        "residents_view": [False, True, True], "survey": [None, "Områdesenkäten", None]})


def _notes() -> pd.DataFrame:
    long = "Boende " + "vill ha mer ljus " * 20
    return pd.DataFrame({
        "area_code": ["A1", "A1", "A2"], "kind": ["residents_view", "resource", "residents_view"],
        "position": [0, 1, 2], "title_sv": ["Tryggare kvällar", "Biblioteket", "Annat"],
        "title_pl": [None, None, None], "title_en": ["Safer evenings", "Library", "Other"],
        "text_sv": [long, None, None], "text_pl": [None, None, None], "text_en": [None, None, None],
        "source": ["Dialog", None, None], "url": [None, None, None]})


def test_residents_view_lists_the_flagged_indicators_with_survey_and_respondents() -> None:
    headline = pd.DataFrame({
        "indicator_id": ["unemployment", "trust", "unsafe"], "period": ["2023", "2024", "2022"],
        "value": [9.0, 55.0, None], "lower_ci95": [8.0, 50.0, None], "upper_ci95": [10.0, 60.0, None],
        "city_value": [6.0, 62.0, 20.0], "denominator": [900.0, 412.0, None],
        "status": [None, None, "suppressed"], "compared_to_city": ["worse", "worse", "not_compared"]})
    view = residents_view(_catalogue(), headline, _notes(), "A1", "sv")
    assert view is not None
    assert [i.indicator_id for i in view.items] == ["trust", "unsafe"]
    trust, unsafe = view.items
    assert (trust.name, trust.survey, trust.period, trust.respondents, trust.compared) == (
        "Tillit", "Områdesenkäten", "2024", 412, "worse")
    assert trust.survey_line("sv", "412") == "Områdesenkäten 2024, 412 svarande"
    assert unsafe.survey == "enkät till boende" and unsafe.respondents is None and unsafe.status == "suppressed"
    assert [q.title for q in view.quotes] == ["Tryggare kvällar"]
    assert view.quotes[0].text.endswith("…") and len(view.quotes[0].text) <= 161
    assert view.quotes[0].lang is None


def test_no_flagged_value_no_residents_view() -> None:
    cat = _catalogue().assign(residents_view=False)
    headline = pd.DataFrame({"indicator_id": ["trust"], "period": ["2024"], "value": [50.0]})
    assert residents_view(cat, headline, _notes(), "A1", "en") is None  # notes alone: "About the area"
    assert residents_view(_catalogue(), headline.iloc[0:0], _notes(), "A1", "en") is None
    only = residents_view(_catalogue(), headline, _notes(), "A2", "en")
    assert only is not None and [i.indicator_id for i in only.items] == ["trust"]
    assert only.items[0].respondents is None and only.quotes[0].title == "Other"


def test_shorten_keeps_short_text_and_cuts_at_a_word() -> None:
    assert shorten("Kort  text.") == "Kort text."
    assert shorten("ett två tre fyra", 9) == "ett två…"


def test_a_matrix_row_in_words() -> None:
    m = cooperation(programme(), "A1", "Norrby", "CITY", "en").matrix  # type: ignore[union-attr]
    assert m.row_text("education", "en") == "● Led by: School. ○ Taking part: Police, NGO"
    assert m.row_text("safety", "pl") == "brak inicjatyw"
