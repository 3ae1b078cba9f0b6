"""The programme register's files ([programme]): every problem reported together with
file, row, column, value and fix; Swedish and Polish words accepted for enumerations.

The small city (tests/etl/smallcity.py: areas D01..D09, city SC, periods 2022-2023)
gets a valid register (``PROGRAMME_FILES``); each test breaks one thing.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from etl.config import load_config
from etl.errors import EtlError, Problem, ValidationError
from etl.pipeline import read_inputs, validate
from tests.etl.smallcity import CONFIG, write_small_city

PROGRAMME_CONFIG = CONFIG + """
[programme]
programmes = "programmes.csv"
goals = "goals.csv"
targets = "targets.csv"
institutions = "institutions.csv"
initiatives = "initiatives.csv"
"""
PROGRAMMES = ("id,name_sv,name_pl,name_en,description_sv,description_pl,description_en,start_year,end_year\n"
              "P1,Trygga stadsdelar,Bezpieczne dzielnice,Safe districts,Om programmet,,,2020,2030\n")
GOALS = ("programme,goal,name_sv,name_pl,name_en,indicators\n"
         "P1,work,Arbete,Praca,Work,unemployment;low_income\n"
         "P1,health,Hälsa,Zdrowie,Health,admissions\n")
TARGETS = ("indicator,area,sex,age_group,programme,goal,baseline_period,baseline_value,"
           "target_period,target_value,direction\n"
           "unemployment,D05,,,P1,work,2022,8.1,2030,5,\n"
           "unemployment,,,,P1,work,2022,6.0,2030,5,decrease\n"
           "admissions,SC,total,all,P1,health,2022,25,2026,20,minska\n")
INSTITUTIONS = ("id,name,type\n"
                "school,Skolan,skola\n"
                "police,Polisen,police\n"
                "ngo,Föreningen,organizacja pozarządowa\n")
INITIATIVES = ("id,programme,goal,name_sv,name_pl,name_en,sector,lead,partners,areas,start_year,"
               "end_year,status,budget,participants\n"
               "I1,P1,work,Jobbspår,Ścieżka pracy,Job track,arbete,school,police;ngo,D05;D06,2021,,"
               "pågående,1 200 000,120\n"
               "I2,P1,,Trygg kväll,,,trygghet,police,,SC,2022,2023,zakończona,,\n")
PROGRAMME_FILES = {"programmes.csv": PROGRAMMES, "goals.csv": GOALS, "targets.csv": TARGETS,
                   "institutions.csv": INSTITUTIONS, "initiatives.csv": INITIATIVES}


def write_programme_city(folder: Path, config: str = PROGRAMME_CONFIG, **files: str) -> Path:
    """The small city with the register; ``files`` replace one (``targets="..."``)."""
    texts = PROGRAMME_FILES | {f"{name}.csv": text for name, text in files.items()}
    return write_small_city(folder, config=config, files=texts)


def problems(tmp_path: Path, **files: str) -> list[Problem]:
    with pytest.raises(ValidationError) as info:
        validate(write_programme_city(tmp_path, **files))
    return info.value.problems


def shown(found: list[Problem]) -> list[str]:
    return [str(p) for p in found]


def test_the_valid_register_reads_with_aliases_and_the_city_code(tmp_path: Path) -> None:
    inputs = read_inputs(load_config(write_programme_city(tmp_path)))
    assert not [p for p in inputs.problems if p.severity == "error"], inputs.problems
    frames = inputs.programme.frames
    targets = frames["targets"].set_index(["indicator_id", "area_code"])
    assert targets.loc[("unemployment", "D05"), "direction"] == "decrease"  # from the values
    assert targets.loc[("unemployment", "SC"), "sex"] == "total"  # empty area: the city
    assert targets.loc[("admissions", "SC"), "direction"] == "decrease"  # 'minska'
    initiatives = frames["initiatives"].set_index("id")
    assert initiatives.loc["I1", ["sector", "status", "budget", "participants"]].tolist() == [
        "employment", "ongoing", 1_200_000.0, 120]
    assert initiatives.loc["I2", "status"] == "completed"  # 'zakończona'
    assert initiatives.loc["I1", "name_pl"] == "Ścieżka pracy"
    assert initiatives.loc["I2", "name_pl"] == "Trygg kväll"  # a missing language takes another's
    assert frames["institutions"]["type"].tolist() == ["school", "police", "ngo"]
    assert frames["initiative_areas"].values.tolist() == [["I1", "D05"], ["I1", "D06"], ["I2", "SC"]]
    assert frames["initiative_partners"].values.tolist() == [["I1", "police"], ["I1", "ngo"]]
    assert frames["goal_indicators"]["indicator_id"].tolist() == ["unemployment", "low_income",
                                                                  "admissions"]
    assert frames["goal_indicators"]["position"].tolist() == [1, 2, 3]


def test_unknown_indicator_area_and_goal_indicators_suggest_close_matches(tmp_path: Path) -> None:
    targets = TARGETS + "unemploymnet,D05,,,,,2022,8,2030,5,\nlow_income,D5,,,,,2022,0.2,2030,0.1,\n"
    goals = GOALS + "P1,extra,Extra,,,admisions\n"
    assert shown(problems(tmp_path, targets=targets, goals=goals)) == [
        "goals.csv, row 4, column 'indicators': unknown indicator (value: 'admisions'). Fix: use a "
        "catalogue id (close matches: 'admissions')",
        "targets.csv, row 5, column 'indicator': unknown indicator (value: 'unemploymnet'). Fix: use a "
        "catalogue id (close matches: 'unemployment')",
        "targets.csv, row 6, column 'area': unknown area code (value: 'D5'). Fix: use a code from the "
        "boundary file, or 'SC' (or leave it empty) for the whole city (close matches: 'D05')",
    ]


def test_unknown_institutions_programme_goal_and_areas_of_an_initiative(tmp_path: Path) -> None:
    initiatives = INITIATIVES + ("I3,P2,,Läxhjälp,,,education,schol,polis,D05;D10,2021,,planned,,\n"
                                 "I4,P1,works,Jobb,,,employment,school,,D05,2021,,planned,,\n")
    found = problems(tmp_path, initiatives=initiatives)
    assert [(p.row, p.column, p.message, p.value) for p in found] == [
        (4, "programme", "unknown programme", "P2"),
        (4, "lead", "unknown institution", "schol"),
        (4, "areas", "unknown area code", "D10"),
        (4, "partners", "unknown institution", "polis"),
        (5, "goal", "unknown goal of programme 'P1'", "works"),
    ]
    assert found[1].fix == "use an id of the institutions file (close matches: 'school')"
    assert found[3].fix == "use an id of the institutions file (close matches: 'police')"
    assert found[4].fix == "use a goal of 'P1' from the goals file (close matches: 'work')"
    assert {p.file for p in found} == {"initiatives.csv"}


def test_duplicate_ids_name_the_first_row(tmp_path: Path) -> None:
    found = problems(tmp_path, institutions=INSTITUTIONS + "police,Polisen igen,police\n",
                     programmes=PROGRAMMES + "P1,Igen,,,,,,2020,2030\n",
                     goals=GOALS + "P1,work,Igen,,,\n")
    assert shown(found) == [
        "programmes.csv, row 3, column 'id': duplicate programme id: also on row 2 (value: 'P1'). "
        "Fix: give each programme its own id, or remove one of the rows",
        "goals.csv, row 4, column 'goal': duplicate goal: also on row 2 (value: 'P1/work'). "
        "Fix: give each goal of a programme its own id, or remove one of the rows",
        "institutions.csv, row 5, column 'id': duplicate institution id: also on row 3 "
        "(value: 'police'). Fix: give each institution its own id, or remove one of the rows",
    ]


def test_invalid_enumerations_list_the_values_and_close_matches(tmp_path: Path) -> None:
    found = problems(tmp_path, institutions=INSTITUTIONS + "lib,Biblioteket,libary\n",
                     initiatives=INITIATIVES.replace("pågående", "ongoin").replace("trygghet", "safty"))
    assert shown(found) == [
        "institutions.csv, row 5, column 'type': unknown type (value: 'libary'). Fix: use one of "
        "municipal_department, school, social_welfare, labour_office, police, health_care, ngo, "
        "housing_company, business, residents_group",
        "initiatives.csv, row 2, column 'status': unknown status (value: 'ongoin'). Fix: use one of "
        "planned, ongoing, completed, stopped (close matches: 'ongoing')",
        "initiatives.csv, row 3, column 'sector': unknown sector (value: 'safty'). Fix: use one of "
        "education, employment, community_life, housing, health, safety, environment "
        "(close matches: 'safety')",
    ]


def test_numbers_that_are_not_numbers(tmp_path: Path) -> None:
    targets = TARGETS.replace("2022,8.1,2030,5,", "2022,8.1 %,2030,five,")
    initiatives = INITIATIVES.replace("1 200 000,120", "1.2 MSEK,about 100")
    found = problems(tmp_path, targets=targets, initiatives=initiatives)
    assert [(p.file, p.row, p.column, p.message, p.value) for p in found] == [
        ("targets.csv", 2, "baseline_value", "baseline_value is not a number", "8.1 %"),
        ("targets.csv", 2, "target_value", "target_value is not a number", "five"),
        ("initiatives.csv", 2, "budget", "budget is not a number", "1.2 MSEK"),
        ("initiatives.csv", 2, "participants", "participants is not a whole number", "about 100"),
    ]
    assert found[0].fix == ("write a number with '.' as decimal separator and no unit "
                            "(e.g. 1 250 000)")


def test_end_before_start_and_years_that_are_not_years(tmp_path: Path) -> None:
    found = problems(tmp_path, programmes=PROGRAMMES.replace("2020,2030", "2030,2020"),
                     initiatives=INITIATIVES.replace("D05;D06,2021,", "D05;D06,21,"))
    assert shown(found) == [
        "programmes.csv, row 2, column 'end_year': end_year is before start_year 2030 (value: '2020'). "
        "Fix: check both years (end_year is the last year, not a duration)",
        "initiatives.csv, row 2, column 'start_year': start_year is not a year (value: '21'). "
        "Fix: write a year such as 2024 (1900-2100)",
    ]


def test_target_period_before_baseline_and_period_not_like_the_tables(tmp_path: Path) -> None:
    targets = TARGETS.replace("2022,8.1,2030", "2022,8.1,2021").replace("2022,6.0", "2022/23,6.0")
    found = problems(tmp_path, targets=targets)
    assert shown(found) == [
        "targets.csv, row 2, column 'target_period': target_period is not after baseline_period 2022 "
        "(value: '2021'). Fix: give a target period later than the baseline period "
        "(are the two swapped?)",
        "targets.csv, row 3, column 'baseline_period': baseline_period is not written like the "
        "periods of 'unemployment' in the tables (e.g. '2023') (value: '2022/23'). "
        "Fix: write it the way the tables do, e.g. 2023",
    ]


def test_a_baseline_without_a_value_is_a_warning(tmp_path: Path) -> None:
    targets = TARGETS.replace("unemployment,D05,,,P1,work,2022", "unemployment,D05,,,P1,work,2019")
    inputs = read_inputs(load_config(write_programme_city(tmp_path, targets=targets)))
    assert shown(inputs.problems) == [
        "targets.csv, row 2, column 'baseline_period': the tables have no value of 'unemployment' "
        "for area 'D05' in the baseline period (value: '2019'). Fix: check the baseline period; the "
        "progress towards the target is judged from the tables' values"]
    assert inputs.problems[0].severity == "warning"


def test_a_target_that_repeats_another_key(tmp_path: Path) -> None:
    found = problems(tmp_path, targets=TARGETS + "unemployment,D05,total,all,,,2023,7,2030,4,\n")
    assert shown(found) == [
        "targets.csv, row 5, column 'indicator': duplicate target: also on row 2 "
        "(value: 'unemployment/D05/total/all'). Fix: keep one target per indicator, area, sex and "
        "age group"]


def test_direction_against_the_values_and_against_the_polarity(tmp_path: Path) -> None:
    targets = TARGETS.replace("2022,6.0,2030,5,decrease", "2022,6.0,2030,5,öka") + (
        "low_income,D01,,,,,2022,0.1,2030,0.1,\nlow_income,D02,,,,,2022,0.1,2030,0.2,\n")
    inputs = read_inputs(load_config(write_programme_city(tmp_path, targets=targets)))
    assert shown(inputs.problems) == [
        "targets.csv, row 3, column 'direction': direction is increase but the target value 5 is "
        "below the baseline 6 (value: 'öka'). Fix: correct the direction, or the baseline and target "
        "values",
        "targets.csv, row 5, column 'direction': direction is empty and the target value equals the "
        "baseline. Fix: write increase or decrease (which way the value must not go), or change the "
        "target value",
        "targets.csv, row 6, column 'target_value': the target is to increase 'low_income', for which "
        "lower values are better (low_is_good) (value: '0.2'). Fix: check the target value and "
        "direction, or the indicator's polarity in the catalogue",
    ]
    assert [p.severity for p in inputs.problems] == ["error", "error", "warning"]


def test_missing_and_unknown_columns(tmp_path: Path) -> None:
    targets = "indicator,area,baseline_period,baseline_value,target_period,target_valeu\n"
    institutions = "id,type\nschool,school\n"
    found = problems(tmp_path, targets=targets, institutions=institutions)
    assert shown(found) == [
        "targets.csv, row 1: has no column 'target_value'. Fix: add a column 'target_value' to the "
        "targets (see docs/programmes.md) (close matches: 'target_valeu')",
        "targets.csv, row 1, column 'target_valeu': unknown column (value: 'target_valeu'). Fix: "
        "rename it to one of indicator, baseline_period, baseline_value, target_period, target_value, "
        "area, sex, age_group, programme, goal, direction (close matches: 'target_value', "
        "'target_period'), or remove it",
        "institutions.csv, row 1: has no column 'name'. Fix: add a column 'name' to the institutions "
        "(see docs/programmes.md)",
    ]


def test_empty_required_cells(tmp_path: Path) -> None:
    initiatives = INITIATIVES + "I3,,,,,,education,,,,2021,,planned,,\n"
    found = problems(tmp_path, initiatives=initiatives,
                     programmes=PROGRAMMES + ",Utan id,,,,,,,\n")
    assert [(p.file, p.row, p.column, p.message) for p in found] == [
        ("programmes.csv", 3, "id", "id is empty"),
        ("initiatives.csv", 4, "name_sv", "the initiative has no name"),
        ("initiatives.csv", 4, "lead", "lead is empty"),
        ("initiatives.csv", 4, "areas", "areas is empty"),
    ]
    assert found[3].fix == ("list the area codes the initiative runs in, separated by ';', or "
                            "write 'SC' for the whole city")


def test_control_and_invisible_characters(tmp_path: Path) -> None:
    institutions = INSTITUTIONS + "youth\u200b,Fritidsgården,ngo\nlib,Bibliotek\x07,ngo\n"
    found = problems(tmp_path, institutions=institutions)
    assert shown(found) == [
        "institutions.csv, row 5, column 'id': id contains an invisible character (U+200B ZERO WIDTH "
        "SPACE) (value: 'youth\\u200b'). Fix: remove the control or invisible character (often left "
        "by a broken export or a copy from another program) and save the file again",
        "institutions.csv, row 6, column 'name': name contains a control character (U+0007 CONTROL "
        "CHARACTER) (value: 'Bibliotek\\x07'). Fix: remove the control or invisible character (often "
        "left by a broken export or a copy from another program) and save the file again",
    ]


def test_partners_repeating_the_lead_and_the_city_beside_areas(tmp_path: Path) -> None:
    initiatives = INITIATIVES.replace("police;ngo,D05;D06", "school;ngo;ngo,D05;D06") + (
        "I3,P1,,Allt,,,health,ngo,,SC;D05,2021,,planned,,\n")
    inputs = read_inputs(load_config(write_programme_city(tmp_path, initiatives=initiatives)))
    assert [(p.row, p.column, p.message, p.severity) for p in inputs.problems] == [
        (2, "partners", "partners lists 'ngo' twice", "warning"),
        (2, "partners", "partners lists the lead 'school' again", "warning"),
        (4, "areas", "areas lists the whole city ('SC') and single areas", "error"),
    ]
    partners = inputs.programme.frames["initiative_partners"]
    assert partners.values.tolist() == [["I1", "ngo"]]


def test_a_target_whose_goal_does_not_list_its_indicator(tmp_path: Path) -> None:
    targets = TARGETS.replace("admissions,SC,total,all,P1,health", "admissions,SC,total,all,P1,work")
    assert shown(problems(tmp_path, targets=targets)) == [
        "targets.csv, row 4, column 'goal': goal 'work' does not list indicator 'admissions' "
        "(value: 'work'). Fix: add admissions to the goal's indicators in the goals file, or give "
        "the target another goal"]


def test_a_missing_file_is_reported_once_not_per_reference(tmp_path: Path) -> None:
    config = PROGRAMME_CONFIG.replace('institutions = "institutions.csv"', 'institutions = "inst.csv"')
    with pytest.raises(ValidationError) as info:
        validate(write_programme_city(tmp_path, config=config))
    found = info.value.problems
    assert [(p.file, p.message) for p in found] == [("inst.csv", "file not found")]
    assert found[0].fix.startswith("check the path in the configuration")


def test_one_workbook_with_a_sheet_per_kind(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for kind, text in (("programmes", PROGRAMMES), ("goals", GOALS), ("Mål", TARGETS),
                       ("institutions", INSTITUTIONS), ("initiatives", INITIATIVES)):
        sheet = book.create_sheet(kind)
        for line in text.splitlines():
            sheet.append([int(c) if c.isdigit() else c for c in line.split(",")])
    write_small_city(tmp_path)
    book.save(tmp_path / "programme.xlsx")
    config = CONFIG + '\n[programme]\npath = "programme.xlsx"\nsheets = { targets = "Mål" }\n'
    inputs = read_inputs(load_config(write_small_city(tmp_path, config=config)))
    assert not [p for p in inputs.problems if p.severity == "error"], inputs.problems
    assert len(inputs.programme.frames["targets"]) == 3
    assert inputs.programme.frames["initiatives"]["participants"].tolist() == [120, None]
    del book["goals"]
    book.save(tmp_path / "programme.xlsx")
    with pytest.raises(ValidationError) as info:
        validate(tmp_path / "city.toml")
    assert str(info.value.problems[0]) == (
        "programme.xlsx, sheet 'goals': has no sheet 'goals' (value: 'goals'). Fix: set sheet to "
        "one of 'programmes', 'Mål', 'institutions', 'initiatives'")


@pytest.mark.parametrize(("block", "message"), [
    ('sheets = { targets = "Mål" }\ntargets = "t.csv"',
     "[programme] sheets names sheets of the workbook `path`, and there is none"),
    ('path = "programme.csv"', "[programme] path is 'programme.csv'; it names one workbook"),
    ('path = "p.xlsx"\nsheets = { target = "Mål" }', "[programme] sheets.target is not a kind"),
    ('goals = "goals.pdf"', "[programme] goals is 'goals.pdf', neither CSV nor XLSX"),
    ("", "[programme] names no file"),
    ('initiative = "i.csv"', "unknown key(s) initiative in [programme]"),
])
def test_configuration_mistakes(tmp_path: Path, block: str, message: str) -> None:
    config = write_small_city(tmp_path, config=CONFIG + f"\n[programme]\n{block}\n")
    with pytest.raises(EtlError, match=r"city\.toml: " + re.escape(message)):
        load_config(config)


def test_a_swedish_excel_csv_with_semicolons_and_decimal_commas(tmp_path: Path) -> None:
    targets = TARGETS.replace(",", ";").replace("8.1", "8,1").replace("6.0", "6,0")
    config = write_programme_city(tmp_path)
    (tmp_path / "targets.csv").write_bytes(targets.replace("minska", "sänka").encode("cp1252"))
    inputs = read_inputs(load_config(config))
    assert not inputs.problems, inputs.problems
    assert inputs.programme.frames["targets"]["baseline_value"].tolist() == [8.1, 6.0, 25.0]
    assert inputs.programme.frames["targets"]["direction"].tolist() == ["decrease"] * 3


def test_a_sex_or_age_group_the_indicator_has_no_values_for(tmp_path: Path) -> None:
    targets = TARGETS.replace("unemployment,D05,,,", "unemployment,D05,kvinnor,,").replace(
        "admissions,SC,total,all", "admissions,SC,total,18-64")
    found = problems(tmp_path, targets=targets)
    assert shown(found) == [
        "targets.csv, row 2, column 'sex': indicator 'unemployment' has no values for sex 'female' "
        "in the tables (value: 'kvinnor'). Fix: use one of total",
        "targets.csv, row 4, column 'age_group': indicator 'admissions' has no values for this age "
        "group in the tables (value: '18-64'). Fix: use one of 'all', or leave it empty (all)",
    ]


def test_negative_budget_and_years_outside_the_programme(tmp_path: Path) -> None:
    initiatives = INITIATIVES.replace("1 200 000", "-5").replace("SC,2022,2023", "SC,2012,2014")
    inputs = read_inputs(load_config(write_programme_city(tmp_path, initiatives=initiatives)))
    assert shown(inputs.problems) == [
        "initiatives.csv, row 2, column 'budget': budget is negative (value: '-5'). Fix: give 0 or "
        "more, or leave budget empty",
        "initiatives.csv, row 3, column 'end_year': the initiative ends before its programme starts "
        "(2020) (value: '2014'). Fix: check the years, or the initiative's programme",
    ]
    assert [p.severity for p in inputs.problems] == ["error", "warning"]
