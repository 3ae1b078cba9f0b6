"""The collaboration self-assessment's forms: the template read back, and every malformed
input refused with file, row, column, value and fix (etl.assessment)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from etl.assessment import read_assessments
from etl.assessment_config import read_assessment_config
from etl.assessment_form import QUESTIONNAIRE_VERSION, STATEMENTS, statements_frame
from etl.errors import EtlError, Problem
from presentation.assessment_template import Answers, form_version, form_xlsx
from store.programme_schema import DIMENSIONS

ALL_FOUR = {s.id: 4 for s in STATEMENTS}


def write_form(path: Path, lang: str = "sv", round_: int | None = 2023, sector: str | None = "education",
               department: str | None = "Skolförvaltningen", scores: dict[str, Any] | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    answers = Answers(sector, department, ALL_FOUR if scores is None else scores)
    path.write_bytes(form_xlsx(statements_frame(), lang, QUESTIONNAIRE_VERSION, round_, answers))
    return path


def edit(path: Path, cells: dict[tuple[str, int], Any], sheet: int | str = 0) -> None:
    wb = load_workbook(path)
    ws = wb.worksheets[sheet] if isinstance(sheet, int) else wb[sheet]
    for (col, row), value in cells.items():
        ws[f"{col}{row}"] = value
    wb.save(path)


def row_of(path: Path, key: str) -> int:
    ws = load_workbook(path).worksheets[0]
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == key)


def load(tmp_path: Path, toml: str) -> tuple[Any, list[Problem]]:
    import tomllib

    src = tmp_path / "city.toml"
    src.write_text(toml, encoding="utf-8")
    blocks = read_assessment_config(tomllib.loads(toml)["assessments"], src, toml)
    data = read_assessments(blocks, src, lambda _m: None)
    return data, data.problems


ROUND_2023 = '[[assessments]]\nround = 2023\nforms = "forms/2023/*.xlsx"\n'


def errors(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems if p.severity == "error"]


def test_the_questionnaire_has_three_statements_per_dimension_in_three_languages() -> None:
    frame = statements_frame()
    assert list(frame["dimension"].drop_duplicates()) == list(DIMENSIONS)
    assert frame.groupby("dimension").size().eq(3).all()
    assert frame["id"].is_unique and len(frame) == 18
    for lang in ("sv", "pl", "en"):
        assert frame[f"text_{lang}"].str.len().gt(30).all()
    assert form_version(frame) == QUESTIONNAIRE_VERSION  # the dashboard's form is this version


def test_filled_forms_round_trip_in_file_name_order_without_names(tmp_path: Path) -> None:
    write_form(tmp_path / "forms/2023/b.xlsx", lang="pl", sector="ngo", department=None,
               scores={"N1": 5, "V2": 1})
    write_form(tmp_path / "forms/2023/a.xlsx", lang="sv", sector="health_care",
               scores={s.id: (i % 5) + 1 for i, s in enumerate(STATEMENTS)})
    data, problems = load(tmp_path, ROUND_2023)
    assert problems == []
    answers = data.answers
    assert set(answers.columns) == {"round", "respondent", "sector", "department", "statement_id", "score"}
    first = answers[answers["respondent"] == 1]
    assert set(first["sector"]) == {"health_care"} and set(first["department"]) == {"Skolförvaltningen"}
    assert dict(zip(first["statement_id"], first["score"], strict=True)) == {
        s.id: (i % 5) + 1 for i, s in enumerate(STATEMENTS)}
    second = answers[answers["respondent"] == 2].set_index("statement_id")
    assert second.loc["N1", "score"] == 5 and second.loc["V2", "score"] == 1
    assert second.loc["N2", "score"] is None  # don't know
    assert second["department"].isna().all() and set(second["sector"]) == {"ngo"}
    assert len(data.statements) == 18 and set(answers["round"]) == {2023}


def test_scores_outside_one_to_five_or_not_numbers_are_refused(tmp_path: Path) -> None:
    path = write_form(tmp_path / "forms/2023/a.xlsx")
    n1, n2, n3 = row_of(path, "N1"), row_of(path, "N2"), row_of(path, "N3")
    edit(path, {("C", n1): 7, ("C", n2): "mycket", ("C", n3): 3.5})
    data, problems = load(tmp_path, ROUND_2023)
    shown = errors(problems)
    assert f"forms/2023/a.xlsx, row {n1}, column 'C': score of N1 is outside 1-5 (value: 7). Fix: write a " \
           "whole number from 1 (strongly disagree) to 5 (strongly agree)" in shown[0]
    assert any(f"row {n2}, column 'C': score of N2 is not a number (value: 'mycket')" in s for s in shown)
    assert any(f"row {n3}, column 'C': score of N3 is not a whole number (value: 3.5)" in s for s in shown)
    assert data.answers.empty


def test_an_unknown_sector_names_the_close_match_and_a_missing_one_says_choose(tmp_path: Path) -> None:
    path = write_form(tmp_path / "forms/2023/a.xlsx")
    edit(path, {("C", row_of(path, "sector")): "Utbilding"})
    write_form(tmp_path / "forms/2023/b.xlsx", sector=None)
    _data, problems = load(tmp_path, ROUND_2023)
    shown = errors(problems)
    row = row_of(path, "sector")
    assert f"forms/2023/a.xlsx, row {row}, column 'C': unknown sector (value: 'Utbilding'). Fix: choose " \
           "the respondent's sector in the drop-down: one of utbildning, socialtjänst" in shown[0]
    assert "(close matches: 'utbildning')" in shown[0]
    assert f"forms/2023/b.xlsx, row {row}, column 'C': no sector is given. Fix: choose" in shown[1]


def test_a_form_of_another_version_or_a_language_mix_up_is_refused(tmp_path: Path) -> None:
    old = write_form(tmp_path / "forms/2023/old.xlsx")
    edit(old, {("B", 1): "hb-0000000000"}, sheet="_form")
    mixed = write_form(tmp_path / "forms/2023/mixed.xlsx", lang="pl")
    edit(mixed, {("B", 2): "sv"}, sheet="_form")  # says Swedish, the statements are Polish
    _data, problems = load(tmp_path, ROUND_2023)
    shown = errors(problems)
    assert shown[0].startswith("forms/2023/mixed.xlsx, column 'B': mixes up languages: it says it is "
                               "in 'sv', but its statements are in 'pl'")
    assert "Fix: fill in a form from `wellbeing assessment template --lang pl --out form.xlsx`" in shown[0]
    assert shown[1] == (f"forms/2023/old.xlsx: is a form of another version of the questionnaire (this "
                        f"atlas reads {QUESTIONNAIRE_VERSION}) (value: 'hb-0000000000'). Fix: copy the "
                        "answers into a new form from `wellbeing assessment template --lang sv --out "
                        "form.xlsx`")


def test_a_form_of_another_round_and_a_glob_matching_nothing(tmp_path: Path) -> None:
    path = write_form(tmp_path / "forms/2023/a.xlsx", round_=2025)
    toml = ROUND_2023 + '[[assessments]]\nround = 2025\nforms = "forms/2025/*.xlsx"\n'
    _data, problems = load(tmp_path, toml)
    shown = errors(problems)
    row = row_of(path, "round")
    assert shown[0] == (f"forms/2023/a.xlsx, row {row}, column 'C': the form is of round 2025, but "
                        "[assessments #1 round 2023] reads round 2023 (value: 2025). Fix: put the form "
                        f"with the forms of round 2025, or correct the round in cell C{row}")
    assert shown[1].startswith("forms/2025/*.xlsx, column 'forms': forms matches no file (value: "
                               "'forms/2025/*.xlsx'). Fix: put the round's filled forms (.xlsx) there")
    assert "(the folder does not exist)" in shown[1]


def test_a_filled_name_field_is_refused_and_never_shown(tmp_path: Path) -> None:
    path = write_form(tmp_path / "forms/2023/a.xlsx")
    edit(path, {("B", 9): "Namn", ("C", 9): "Anna Andersson"})
    data, problems = load(tmp_path, ROUND_2023)
    shown = errors(problems)
    assert shown == ["forms/2023/a.xlsx, row 9: has a name filled in ('Namn'): no names are stored. Fix: "
                     "delete the name from the form (answers are anonymous) and load again"]
    assert "Anna" not in "".join(shown) and data.answers.empty


def test_duplicate_forms_are_warned_and_read_once(tmp_path: Path) -> None:
    first = write_form(tmp_path / "forms/2023/a.xlsx")
    (tmp_path / "forms/2023/copy.xlsx").write_bytes(first.read_bytes())
    data, problems = load(tmp_path, ROUND_2023)
    assert errors(problems) == []
    assert [str(p) for p in problems] == [
        "forms/2023/copy.xlsx: is the same file as forms/2023/a.xlsx (byte for byte): read once. Fix: "
        "delete the copy, unless two respondents really sent the same form"]
    assert set(data.answers["respondent"]) == {1}


def test_a_file_that_is_not_a_form(tmp_path: Path) -> None:
    (tmp_path / "forms/2023").mkdir(parents=True)
    (tmp_path / "forms/2023/notes.xlsx").write_text("not a workbook")
    _data, problems = load(tmp_path, ROUND_2023)
    assert errors(problems) == [
        "forms/2023/notes.xlsx: cannot be read as an XLSX workbook (BadZipFile). Fix: fill in a form "
        "written by `wellbeing assessment template --lang sv --out form.xlsx` and save it as .xlsx"]


def test_paths_list_every_matched_form_for_the_fingerprint(tmp_path: Path) -> None:
    write_form(tmp_path / "forms/2023/b.xlsx")
    write_form(tmp_path / "forms/2023/a.xlsx")
    (tmp_path / "forms/2023/~$a.xlsx").write_bytes(b"lock")
    src = tmp_path / "city.toml"
    (block,) = read_assessment_config({"round": 2023, "forms": "forms/2023/*.xlsx"}, src, "")
    assert [p.name for _k, p in block.paths()] == ["a.xlsx", "b.xlsx"]


@pytest.mark.parametrize(("raw", "message"), [
    ({"round": "last year", "forms": "a/*.xlsx"}, "round is 'last year', not a year"),
    ({"round": 2023}, "gives neither forms nor responses"),
    ({"round": 2023, "forms": "a/*.csv"}, r"forms is 'a/\*\.csv', not a pattern of XLSX forms"),
    ([{"round": 2023, "forms": "a/*.xlsx"}, {"round": 2023, "forms": "b/*.xlsx"}],
     r"\[assessments #2\] round 2023 is also the round of \[assessments #1\]"),
    ({"round": 2023, "forms": "a/*.xlsx", "path": "x"}, r"unknown key\(s\) path in \[assessments #1\]"),
])
def test_config_blocks_are_checked(tmp_path: Path, raw: Any, message: str) -> None:
    with pytest.raises(EtlError, match=message):
        read_assessment_config(raw, tmp_path / "city.toml", "")


def test_a_collated_responses_table_is_read_and_a_names_column_refused(tmp_path: Path) -> None:
    ids = [s.id for s in STATEMENTS]
    header = "sector,department," + ",".join(ids)
    (tmp_path / "answers.csv").write_text(
        header + "\nhousing,Bostadsbolaget," + ",".join(["3"] * 18) + "\nsafety,," + ",".join(["5"] * 18)
        + "\n", encoding="utf-8")
    toml = '[[assessments]]\nround = 2023\nresponses = "answers.csv"\n'
    data, problems = load(tmp_path, toml)
    assert problems == []
    assert data.answers.groupby("respondent")["sector"].first().tolist() == ["housing", "safety"]
    (tmp_path / "answers.csv").write_text(
        "namn," + header + "\nAnna,hosing,," + ",".join(["9"] + ["3"] * 17) + "\n", encoding="utf-8")
    data, problems = load(tmp_path, toml)
    assert errors(problems) == ["answers.csv, row 1, column 'namn': has a column of names: no names are "
                                "stored. Fix: delete the column (answers are anonymous) and load again"]


def _city_with_forms(folder: Path, bad: bool = False) -> Path:
    from tests.etl.smallcity import CONFIG, write_small_city

    config = write_small_city(folder, config=CONFIG + "\n" + ROUND_2023)
    write_form(folder / "forms/2023/a.xlsx", sector="housing")
    second = write_form(folder / "forms/2023/b.xlsx", lang="en", sector="ngo", department=None)
    if bad:
        edit(second, {("C", row_of(second, "W2")): 0})
    return config


@pytest.mark.parametrize("store_engine", ["sqlite", "postgis"], indirect=True)
def test_the_load_stores_the_round_and_a_bad_form_leaves_the_store_unchanged(
        store_engine: Any, tmp_path: Path) -> None:
    from etl.errors import ValidationError
    from etl.pipeline import run
    from store.read import read_snapshot
    from tests.etl.smallcity import dump_store

    run(_city_with_forms(tmp_path / "good"), store_engine)
    stored = read_snapshot(store_engine).programme
    answers = stored["assessment_answers"]
    assert len(stored["assessment_statements"]) == 18 and len(answers) == 36
    assert sorted(answers.drop_duplicates("respondent")["sector"]) == ["housing", "ngo"]
    before = dump_store(store_engine)
    with pytest.raises(ValidationError, match=r"forms/2023/b.xlsx, row \d+, column 'C': score of W2 is "
                                              r"outside 1-5 \(value: 0\)"):
        run(_city_with_forms(tmp_path / "bad", bad=True), store_engine)
    assert dump_store(store_engine) == before
