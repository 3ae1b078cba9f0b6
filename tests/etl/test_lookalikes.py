"""Look-alike identifiers: ids and area codes are compared in NFC, and two that differ
only in case, Unicode form or invisible characters are refused, naming both rows.

Ids are letters, digits and ``_ - . :``; area codes also spaces and ``( ) '``
(etl.characters, docs/catalogue.md, docs/config.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from etl.errors import Problem, ValidationError
from etl.pipeline import run, validate
from store.schema import Area, Indicator, IndicatorValue
from tests.etl.smallcity import CATALOGUE, grid, table_csv, table_rows, write_small_city

UNEMPLOYMENT = CATALOGUE.splitlines()[1]  # row 2 of the catalogue


def _catalogue(*ids: str) -> str:
    """The small city's catalogue with rows 7, 8... copying unemployment under ``ids``."""
    extra = [UNEMPLOYMENT.replace("unemployment,", f"{i},", 1) for i in ids]
    return CATALOGUE + "\n".join(extra) + "\n"


def _id_problems(tmp_path: Path, catalogue: str) -> list[Problem]:
    with pytest.raises(ValidationError) as caught:
        validate(write_small_city(tmp_path, catalogue=catalogue))
    return [p for p in caught.value.problems if p.column == "id"]


@pytest.mark.parametrize(("ids", "message"), [
    (["Unemployment"], "id looks like id 'unemployment' on row 2: they differ only in letter case"),
    (["unemp\u200bloyment"],
     "id looks like id 'unemployment' on row 2: they differ only by invisible characters"),
    (["\uff55nemployment"], "id looks like id 'unemployment' on row 2: they differ only in "
     "Unicode forms (e.g. full-width letters) or case"),
    (["caf\u00e9", "cafe\u0301"], "duplicate id (also on row 7)"),  # NFC and NFD
], ids=["case", "zero-width space", "full-width letter", "NFC and NFD"])
def test_lookalike_ids_are_refused_naming_both_rows(
    tmp_path: Path, ids: list[str], message: str
) -> None:
    problems = _id_problems(tmp_path, _catalogue(*ids))
    assert message in [p.message for p in problems if p.row == 6 + len(ids)]


@pytest.mark.parametrize(("ident", "message"), [
    ("un employment", "id contains ' ' (U+0020 SPACE), which indicator ids may not hold"),
    ("work/income", "id contains '/' (U+002F SOLIDUS), which indicator ids may not hold"),
    ("\uff55nemployed", "id contains 'ｕ' (U+FF55 FULLWIDTH LATIN SMALL LETTER U), "
     "a compatibility form of 'u'"),
])
def test_ids_outside_the_id_characters_are_refused(
    tmp_path: Path, ident: str, message: str
) -> None:
    problems = _id_problems(tmp_path, _catalogue(ident))
    assert [(p.row, p.message) for p in problems if "may not" in p.message
            or "compatibility" in p.message] == [(7, message)]
    assert "letters, digits and _ - . :" in problems[0].fix


def test_ids_and_codes_are_matched_and_stored_in_nfc(sqlite_engine: Engine, tmp_path: Path) -> None:
    """The catalogue writes café decomposed (NFD), the table composed (NFC); the boundary
    file writes Söder composed, the table decomposed: they match, and the store has NFC."""
    areas = grid()
    areas.loc[1, "code"] = "S\u00f6der"
    (tmp_path / "city").mkdir()
    areas.to_file(tmp_path / "city" / "areas.gpkg", driver="GPKG")
    rows = [r for r in table_rows() if r[1] != "D02"]
    rows += [["caf\u00e9", "So\u0308der", "2023", "total", "1", "10", ""]]
    config = write_small_city(tmp_path / "city", catalogue=_catalogue("cafe\u0301"),
                              table=table_csv(rows))
    run(config, sqlite_engine)
    with sqlite_engine.connect() as conn:
        assert "caf\u00e9" in conn.execute(select(Indicator.id)).scalars().all()
        assert "S\u00f6der" in conn.execute(select(Area.code)).scalars().all()
        stored = conn.execute(select(IndicatorValue.indicator_id, IndicatorValue.area_code)
                              .where(IndicatorValue.indicator_id.like("caf%"))).all()
    assert [tuple(r) for r in stored] == [("caf\u00e9", "S\u00f6der")]


def _area_problems(tmp_path: Path, code: str) -> list[Problem]:
    areas = grid()
    areas.loc[1, "code"] = code
    tmp_path.mkdir()
    areas.to_file(tmp_path / "areas.gpkg", driver="GPKG")
    rows = [r for r in table_rows() if r[1] != "D02"]
    with pytest.raises(ValidationError) as caught:
        validate(write_small_city(tmp_path, table=table_csv(rows)))
    return [p for p in caught.value.problems if p.file == "areas.gpkg"]


@pytest.mark.parametrize(("code", "message"), [
    ("d01", "code looks like code 'D01' of feature 1: they differ only in letter case"),
    ("D0\u200b1", "code looks like code 'D01' of feature 1: they differ only by invisible characters"),
    ("\uff2401", "code looks like code 'D01' of feature 1: they differ only in Unicode forms "
     "(e.g. full-width letters) or case"),
    ("D/02", "code contains '/' (U+002F SOLIDUS), which area codes may not hold"),
])
def test_lookalike_and_odd_area_codes_are_refused(tmp_path: Path, code: str, message: str) -> None:
    problems = _area_problems(tmp_path / "city", code)
    assert message in [p.message for p in problems if (p.row, p.column) == (2, "code")]


def test_area_codes_may_hold_spaces_and_district_name_characters(tmp_path: Path) -> None:
    """Stockholm's codes are district names ('HÄSSELBY GÅRD'), RegSO's 'Uppsala (Bergsbrunna)'."""
    areas = grid()
    names = ["HÄSSELBY GÅRD", "Uppsala (Bergsbrunna)", "L'Île-Saint-Denis", "0180:1.2_x"]
    replaced = ["D02", "D03", "D04", "D06"]  # not D01 and D05: the notes name them
    areas.loc[areas["code"].isin(replaced), "code"] = names
    (tmp_path / "city").mkdir()
    areas.to_file(tmp_path / "city" / "areas.gpkg", driver="GPKG")
    new = dict(zip(replaced, names, strict=True))
    rows = [[r[0], new.get(r[1], r[1]), *r[2:]] for r in table_rows()]
    report = validate(write_small_city(tmp_path / "city", table=table_csv(rows)))
    assert report.areas == 10
