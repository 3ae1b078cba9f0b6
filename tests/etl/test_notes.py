"""The areas' notes file: every problem reported together; cells read as the analyst typed them."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.config import load_config
from etl.errors import ValidationError
from etl.notes import read_notes
from etl.pipeline import validate
from tests.etl.smallcity import CODES, write_small_city

HEADER = "area,kind,title_sv,title_pl,title_en,text_sv,text_pl,text_en,source,url\n"


def test_every_problem_is_reported_together(tmp_path: Path) -> None:
    notes = HEADER + (
        "D05,resource,Biblioteket,,,,,,,https://example.org\n"
        "D99,arena,Torget,,,,,,,\n"
        "D05,Meeting place,Parken,,,,,,,\n"
        "D05,initiative,,,,Utan titel,,,,\n"
        "D05,arena,Hallen,,,,,,,javascript:alert(1)\n"
        "D05,resource,Biblioteket,,,,,,,\n"
    )
    with pytest.raises(ValidationError) as info:
        validate(write_small_city(tmp_path, files={"notes.csv": notes}))
    found = [(p.row, p.column, p.message) for p in info.value.problems]
    assert found == [
        (3, "area", "unknown area code"),
        (4, "kind", "unknown kind of note"),
        (5, "title_sv", "the note has no title"),
        (6, "url", "url is not a web address"),
        (7, "title_sv", "duplicate note"),
    ]
    assert all(p.file == "notes.csv" for p in info.value.problems)


def test_semicolons_cp1252_and_missing_optional_columns(tmp_path: Path) -> None:
    notes = "area;kind;title_pl\nD03 ; Arena ;Boisko przy szkole\nD03;resource;Przychodnia\n"
    config = write_small_city(tmp_path, files={"notes.csv": notes.encode("cp1252", "replace")})
    frame, problems = read_notes(load_config(config), set(CODES))
    assert problems == []
    assert frame["position"].tolist() == [1, 2]
    assert frame["kind"].tolist() == ["arena", "resource"]
    assert frame["title_pl"].tolist() == ["Boisko przy szkole", "Przychodnia"]
    assert frame["title_sv"].isna().all() and frame["url"].isna().all()
