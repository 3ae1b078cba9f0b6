"""Malformed input for the public-health methods: age-banded values, the catalogue's
``standard``, ``[city] deprivation`` and ``[[comparators]]``.

Like ``test_malformed.py``, with the small city *with* its methods files as the valid
city (``write_small_city(..., methods=True)``), so the store holds banded values,
comparators and a deprivation measure before each case, and must hold them unchanged
after. Each folder under ``malformed_methods/`` holds ``expect.toml`` and the files that
replace the valid city's; ``expect.toml`` may also edit the valid configuration or
catalogue instead of replacing them: ``[config] replace = [[old, new], ...]`` and
``append = "..."`` (the same for ``[catalogue]``). ``match`` is a regular expression the
error must contain; ``[problem]`` the fields one reported problem must have (``fix`` a
fragment of its fix).
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from etl.errors import EtlError, ValidationError
from etl.pipeline import run
from store.engine import make_engine
from store.migrate import upgrade
from tests.etl.smallcity import METHODS_CATALOGUE, METHODS_CONFIG, dump_store, write_small_city

CORPUS = Path(__file__).resolve().parent / "malformed_methods"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expect.toml").is_file())
POSTGIS_CASES = ["banded_city_row", "comparator_lower_above_value", "deprivation_neutral",
                 "catalogue_standard_on_rate"]


def _expect(case: str) -> dict[str, Any]:
    return tomllib.loads((CORPUS / case / "expect.toml").read_text(encoding="utf-8"))


def _edited(text: str, edits: dict[str, Any]) -> str:
    for old, new in edits.get("replace", []):
        assert old in text, f"{old!r} is not in the valid file"
        text = text.replace(old, new)
    return text + edits.get("append", "")


def _case_folder(case: str, tmp: Path) -> Path:
    """The valid city with the case's files and edits laid over it; returns the config path."""
    expect = _expect(case)
    config = write_small_city(tmp / case, methods=True)
    config.write_text(_edited(METHODS_CONFIG, expect.get("config", {})), encoding="utf-8")
    (config.parent / "catalogue_methods.csv").write_text(
        _edited(METHODS_CATALOGUE, expect.get("catalogue", {})), encoding="utf-8")
    for path in (CORPUS / case).iterdir():
        if path.name != "expect.toml":
            shutil.copyfile(path, config.parent / path.name)
    return config


def _assert_reported(case: str, config: Path, engine: Engine) -> None:
    expect = _expect(case)
    with pytest.raises(EtlError, match=expect["match"]) as info:
        run(config, engine)
    wanted = dict(expect.get("problem", {}))
    if wanted:
        assert isinstance(info.value, ValidationError), f"{case}: {info.value!r}"
        fix = wanted.pop("fix", "")
        hits = [p for p in info.value.problems
                if fix in p.fix and all(getattr(p, k) == v for k, v in wanted.items())]
        assert hits, f"{case}: no problem with {wanted} and fix containing {fix!r} in:\n{info.value}"


@pytest.fixture(scope="module")
def loaded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, Any]]]:
    """An embedded store holding the valid small city with its methods files."""
    folder = tmp_path_factory.mktemp("loaded_methods")
    engine = make_engine(f"sqlite:///{folder / 'atlas.sqlite'}")
    upgrade(engine)
    run(write_small_city(folder / "city", methods=True), engine)
    content = dump_store(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    yield folder / "atlas.sqlite", content


def test_corpus_is_large_enough_and_the_base_holds_what_the_cases_break(
        loaded_sqlite: tuple[Path, dict[str, Any]]) -> None:
    assert len(CASES) >= 12
    _, content = loaded_sqlite
    assert content["comparators"] and content["comparator_values"]
    assert any(row[4] == "90+" for row in content["indicator_values"])  # banded values


@pytest.mark.parametrize("case", CASES)
def test_methods_malformed_sqlite(case: str, tmp_path: Path,
                                  loaded_sqlite: tuple[Path, dict[str, Any]]) -> None:
    store, before = loaded_sqlite
    shutil.copyfile(store, tmp_path / "atlas.sqlite")
    engine = make_engine(f"sqlite:///{tmp_path / 'atlas.sqlite'}")
    try:
        _assert_reported(case, _case_folder(case, tmp_path), engine)
        assert dump_store(engine) == before
    finally:
        engine.dispose()


@pytest.mark.postgis
@pytest.mark.parametrize("case", POSTGIS_CASES)
def test_methods_malformed_postgis(case: str, tmp_path: Path, postgis_engine: Engine) -> None:
    run(write_small_city(tmp_path / "valid", methods=True), postgis_engine)
    before = dump_store(postgis_engine)
    assert before["comparator_values"], "the valid city did not load"
    _assert_reported(case, _case_folder(case, tmp_path), postgis_engine)
    assert dump_store(postgis_engine) == before
